# A hand-over that ours-7.2 must refuse: hop 0 (ours, 6.12) writes an
# unknown version into its header (ima_kexec_fault=version). ours-7.2
# restores nothing, logs why and measures kexec_restore_failed, with the
# check that failed, right after its boot aggregate; the verifiers reject
# the evidence (hop 0's extends are in the TPM, not in the list).
DESC="7.2: a hand-over of an unknown version: ours-7.2 restores nothing and measures kexec_restore_failed, the verifiers reject"
ARCHS="x86_64 ppc64le"
HOPS=1
KERNELS="ours ours-7.2"
# Needs CONFIG_IMA_KEXEC_FAULT_INJECTION=y in hop 0's kernel.
APPEND_0="ima_kexec_fault=version"
EXPECT_VERIFY=fail
check() {
	local list=$RESULT_DIR/share/evidence/ascii_runtime_measurements
	expect_console 'fault injection: version' "hop 0 did not inject the fault" &&
	expect_console 'Failed to restore the measurement list: -22' "ours-7.2 did not refuse the list" ||
		return 1
	grep -q ' kexec_restore_failed ' "$list" ||
		{ echo "# no kexec_restore_failed event in the list"; return 1; }
	[ "$(awk 'NR == 2 { print $5 }' "$list")" = kexec_restore_failed ] ||
		{ echo "# kexec_restore_failed is not the entry after the boot aggregate"; return 1; }
	[ "$(grep -c boot_aggregate "$list")" = 1 ] ||
		{ echo "# records of hop 0 were carried"; return 1; }
	grep -q 'unsupported version' "$RESULT_DIR/share/ima-verify.txt" ||
		{ echo "# ima-verify does not name the reason:"; grep -i restore "$RESULT_DIR/share/ima-verify.txt" | sed 's/^/#   /'; return 1; }
	echo "# ours-7.2 refused the hand-over and measured why"
}
