# A hand-over damaged in the middle: hop 0 (ours, 6.12) makes the template
# name of its middle entry claim more bytes than the list holds
# (ima_kexec_fault=entry). ours-7.2 restores nothing, not the entries
# before the damage, and measures kexec_restore_failed; the verifiers
# reject the evidence. The unpatched 7.2 keeps the first half:
# KERNELS="ours base-7.2" shows it (a list that starts with hop 0's
# first entries, and nothing in it that says the rest is gone).
DESC="7.2: a hand-over damaged in its middle entry: ours-7.2 restores none of it (not the first half) and measures kexec_restore_failed"
ARCHS="x86_64 ppc64le"
HOPS=1
PRE=10
KERNELS="ours ours-7.2"
# Needs CONFIG_IMA_KEXEC_FAULT_INJECTION=y in hop 0's kernel.
APPEND_0="ima_kexec_fault=entry"
EXPECT_VERIFY=fail
check() {
	expect_console 'fault injection: entry' "hop 0 did not inject the fault" &&
	expect_restore_refused 'malformed entry'
}
