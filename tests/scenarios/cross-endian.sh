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
	local h r machine want
	expect_no_restore_failure "a kernel of the chain" || return 1
	for ((h = 0; h <= HOPS; h++)); do
		machine=$(sed -n 's/^machine=//p' "$RESULT_DIR/share/hop-$h.env")
		want=ppc64le; [ "$h" = 1 ] && want=ppc64
		[ "$machine" = "$want" ] || { echo "# hop $h ran on ${machine:-?}, not $want"; return 1; }
	done
	expect_handovers "$HOPS" && expect_chain_intact || return 1
	for ((h = 1; h <= HOPS; h++)); do
		r=$(event_texts "$h" kexec_restored)
		grep -qE "^kexec_restored hop=$h;restored_entries=[0-9]+;segment_size=[0-9]+;format=v1\+ext;\$" <<<"$r" ||
			{ echo "# hop $h did not restore with the extension: ${r:-no kexec_restored}"; return 1; }
	done
	grep -q '^template digests: 0 mismatching' "$RESULT_DIR/share/ima-verify.txt" ||
		{ echo "# ima-verify found template digests that do not match"; return 1; }
	echo "# ppc64le -> ppc64 -> ppc64le: $(event_texts 1 kexec_restored) / $(event_texts 2 kexec_restored)"
}
