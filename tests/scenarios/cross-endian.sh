# Little-endian -> big-endian -> little-endian on one ppc64 machine, the
# case ima_canonical_fmt exists for: hop 1 is the series built big-endian
# (tests/guest/ikx-hop.c its user space) under ima_canonical_fmt, so it
# reads hop 0's little-endian hand-over and writes its own little-endian
# for hop 2. Without a TPM (TPM=none): on QEMU pseries, a kernel that
# finds the vTPM after a kexec across byte orders reads the event log's
# address in the wrong order and oopses (tpm_read_log_of(), outside IMA);
# the lists are then all the evidence, and ima-verify checks every
# entry's template digest and each hand-over. With the hash MMU
# (disable_radix): under radix a little-endian kernel leaves exceptions
# little-endian at kexec, and the big-endian one hangs at its first
# interrupt. Documentation/security/IMA-kexec.rst, "Byte order".
# cross-endian-native: the big-endian hop without ima_canonical_fmt.
DESC="ppc64: ours LE -> ours BE (ima_canonical_fmt) -> ours LE, no TPM: both hand-overs cross the byte order whole, with the extension"
ARCHS="ppc64le"
HOPS=2
PRE=5
POST=5
KERNELS="ours ours-be ours"
APPEND="disable_radix"
APPEND_1="ima_canonical_fmt"
TPM=none
EVIDENCE=list
check() {
	expect_no_restore_failure "a kernel of the chain" &&
	expect_machines ppc64le ppc64 ppc64le &&
	expect_handovers "$HOPS" && expect_chain_intact &&
	expect_restored_with_extension 1 2 || return 1
	grep -q '^template digests: 0 mismatching' "$RESULT_DIR/share/ima-verify.txt" ||
		{ echo "# ima-verify found template digests that do not match"; return 1; }
	echo "# ppc64le -> ppc64 -> ppc64le: $(event_texts 1 kexec_restored) / $(event_texts 2 kexec_restored)"
}
