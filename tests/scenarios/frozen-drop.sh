# The list frozen for kexec past its bound: with fail_ima_suspend= (the
# kernel's fault-injection framework, CONFIG_FAIL_IMA_SUSPEND) the execute
# step sleeps 12 s after writing the hand-over while two loops
# execute new files (race.guest.sh). A task frozen for 10 s goes on
# without its measurement, so what it runs is unmeasured: hop 0 voids the
# hand-over (version 0 header), hop 1 refuses it and measures
# kexec_restore_failed, and the verifier rejects the evidence, since the
# TPM holds hop 0's extends and the list does not.
DESC="list frozen past its bound (fail_ima_suspend, two loops executing): the drop voids the hand-over, the next kernel measures kexec_restore_failed, the verifier rejects"
ARCHS="x86_64"
HOPS=1
PRE=2
POST=5
GUEST_HOOK=race
# Needs CONFIG_FAIL_IMA_SUSPEND=y (configs/ima-fail-suspend.config).
APPEND_0="fail_ima_suspend=1,100,0,1"
EXPECT_VERIFY=fail
TIMEOUT=240
check() {
	local list=$RESULT_DIR/share/evidence/ascii_runtime_measurements
	expect_console 'fault injection: the reboot stalls' \
		"hop 0 did not stall (CONFIG_FAIL_IMA_SUSPEND?)" &&
	expect_console 'frozen for kexec for 10 s, not adding' "no task outlived the frozen bound" &&
	expect_console 'no measurement list is handed over' "hop 0 did not void the hand-over after the drop" &&
	expect_console 'measurement list not restored.*unsupported version 0' "hop 1 did not refuse the void hand-over" ||
		return 1
	grep -q 'kexec_restore_failed' "$list" ||
		{ echo "# no kexec_restore_failed event in the list"; return 1; }
	[ "$(grep -c boot_aggregate "$list")" = 1 ] ||
		{ echo "# records of hop 0 were carried"; return 1; }
	echo "# a drop after the frozen bound voided the hand-over; hop 1 measured its refusal"
}
