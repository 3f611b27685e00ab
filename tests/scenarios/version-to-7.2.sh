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
	expect_console 'fault injection: version' "hop 0 did not inject the fault" &&
	expect_restore_refused 'unsupported version'
}
