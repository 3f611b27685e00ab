# A void hand-over from the 6.12 backport into the 7.2 series: hop 0 (ours,
# 6.12) stalls its kexec reboot (fail_ima_suspend=, the kernel's
# fault-injection framework) while the two loops of race.guest.sh execute
# new files; a task held past the 10 s bound drops its measurement, so
# hop 0 writes a version 0 header. ours-7.2 restores
# nothing, logs why and measures kexec_restore_failed, with the check that
# failed, right after its boot aggregate; the verifiers reject the
# evidence (hop 0's extends are in the TPM, not in the list).
DESC="7.2: a void hand-over from ours (6.12, a drop while measurement is suspended): ours-7.2 restores nothing and measures kexec_restore_failed, the verifiers reject"
ARCHS="x86_64 ppc64le"
HOPS=1
PRE=2
POST=5
KERNELS="ours ours-7.2"
GUEST_HOOK=race
TIMEOUT=240
# Needs CONFIG_FAIL_IMA_SUSPEND=y in hop 0's kernel.
APPEND_0="fail_ima_suspend=1,100,0,1"
EXPECT_VERIFY=fail
check() {
	expect_console 'fault injection: the reboot stalls' "hop 0 did not stall (CONFIG_FAIL_IMA_SUSPEND?)" &&
	expect_console 'no measurement list is handed over' "hop 0 did not void the hand-over after the drop" &&
	expect_restore_refused 'unsupported version'
}
