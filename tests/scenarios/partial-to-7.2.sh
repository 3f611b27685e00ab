# A hand-over damaged in the middle: hop 0 (ours, 6.12) makes the template
# name of its middle entry claim more bytes than the list holds
# (ima_kexec_fault=entry). ours-7.2 restores nothing, not the entries
# before the damage, and measures kexec_restore_failed; the verifiers
# reject the evidence. The unpatched 7.2 keeps the first half:
# KERNELS="ours base-7.2" shows it ("entry header: invalid data" and a
# list that starts with hop 0's first entries).
DESC="7.2: a hand-over damaged in its middle entry: ours-7.2 restores none of it (not the first half) and measures kexec_restore_failed"
ARCHS="x86_64 ppc64le"
HOPS=1
PRE=10
KERNELS="ours ours-7.2"
# Needs CONFIG_IMA_KEXEC_FAULT_INJECTION=y in hop 0's kernel.
APPEND_0="ima_kexec_fault=entry"
EXPECT_VERIFY=fail
check() {
	local list=$RESULT_DIR/share/evidence/ascii_runtime_measurements
	expect_console 'fault injection: entry' "hop 0 did not inject the fault" &&
	expect_console 'Failed to restore the measurement list: -22' "the receiver did not refuse the list" ||
		return 1
	[ "$(grep -c boot_aggregate "$list")" = 1 ] ||
		{ echo "# $(grep -c boot_aggregate "$list") boot_aggregate entries: a part of hop 0's list was kept"; return 1; }
	! grep -q ' /x/h0-' "$list" ||
		{ echo "# files of hop 0 were restored from a damaged hand-over"; return 1; }
	[ "$(awk 'NR == 2 { print $5 }' "$list")" = kexec_restore_failed ] ||
		{ echo "# kexec_restore_failed is not the entry after the boot aggregate"; return 1; }
	grep -q 'malformed entry' "$RESULT_DIR/share/ima-verify.txt" ||
		{ echo "# ima-verify does not name the reason"; return 1; }
	echo "# nothing of the damaged hand-over was restored; kexec_restore_failed says why"
}
