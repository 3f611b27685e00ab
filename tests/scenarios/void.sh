# The void hand-over ("hand no list over when a measurement was dropped at
# kexec", in both series): fail_ima_suspend= (the kernel's
# fault-injection framework) stalls the kexec reboot for 12 s after IMA
# suspended measurement, while the two loops of race.guest.sh execute new
# files. A task held for 10 s drops its measurement, so hop 0 writes a
# version 0 header, which hop 1 refuses, measuring kexec_restore_failed;
# the verifiers reject the evidence (hop 0's extends are in the TPM, not in
# the list). Hop 0 in mainline's mode (carry: the notifier writes the
# list after the stall), hop 1 with refuse (the list is written before
# the reboot begins, then voided): both paths end void.
DESC="a reboot stalled past the hold (fail_ima_suspend, two loops executing): the drop voids the hand-over, the next kernel refuses it and measures kexec_restore_failed, the verifiers reject"
ARCHS="x86_64 ppc64le"
HOPS=2
PRE=2
POST=5
GUEST_HOOK=race
TIMEOUT=300
APPEND="printk.devkmsg=on ima_kexec_extra_memory=256K"
# (not on hop 2: its power-off would stall too)
APPEND_0="ima_kexec_overflow=carry fail_ima_suspend=1,100,0,1"
APPEND_1="ima_kexec_overflow=refuse fail_ima_suspend=1,100,0,1"
EXPECT_VERIFY=fail
check() {
	local list=$RESULT_DIR/share/evidence/ascii_runtime_measurements n
	n=$(console_outside_kunit | grep -ac 'fault injection: the reboot stalls')
	[ "$n" = 2 ] || { echo "# $n stalled reboots, expected 2 (CONFIG_FAIL_IMA_SUSPEND?)"; return 1; }
	n=$(console_outside_kunit | grep -ac 'a measurement was dropped during kexec: no measurement list is handed over')
	[ "$n" = 2 ] || { echo "# $n hand-overs voided, expected 2"; return 1; }
	n=$(console_outside_kunit | grep -ac 'Failed to restore the measurement list: -22')
	[ "$n" = 2 ] || { echo "# $n receivers refused the void hand-over, expected 2"; return 1; }
	[ "$(grep -c boot_aggregate "$list")" = 1 ] ||
		{ echo "# records of an earlier hop were carried"; return 1; }
	[ "$(awk 'NR == 2 { print $5 }' "$list")" = kexec_restore_failed ] ||
		{ echo "# kexec_restore_failed is not the record after the boot aggregate"; return 1; }
	event_texts 0 kexec_restore_failed | grep -q 'reason=unsupported version' ||
		{ echo "# kexec_restore_failed does not name the version: $(event_texts 0 kexec_restore_failed)"; return 1; }
	echo "# both hand-overs voided after a drop (carry and refuse), each receiver refused and measured why"
}
