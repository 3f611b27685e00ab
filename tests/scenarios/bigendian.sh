# The hand-over between big-endian kernels: three hops of the series built
# big-endian (ppc64, KVARIANT=bigendian; its user space is
# tests/guest/ikx-hop.c), the list in the CPU's byte order. Every test
# kernel elsewhere is little-endian, where the two byte orders of the
# hand-over are the same bytes. The last hop has no tpm2-tools: the host
# replays its lists against the PCRs it read (EVIDENCE=pcrs), and
# ima-verify must find the list big-endian.
# bigendian-canonical: the same under ima_canonical_fmt; cross-endian:
# little-endian and big-endian kernels in one chain.
DESC="ppc64 big-endian: 3 kernels of the series, the hand-over in the CPU's order: chain intact with the extension, every bank replays"
ARCHS="ppc64le"
HOPS=2
PRE=5
POST=5
KERNELS="ours-be ours-be ours-be"
EVIDENCE=pcrs
LIST_ORDER=big-endian
check() {
	local order
	expect_no_restore_failure "a kernel of the chain" &&
	expect_machines ppc64 ppc64 ppc64 || return 1
	order=$(sed -n 's/^list: .*entries[^,]*, \([a-z-]*\), .*/\1/p' "$RESULT_DIR/share/ima-verify.txt")
	[ "$order" = "$LIST_ORDER" ] ||
		{ echo "# ima-verify read a ${order:-?} list, expected $LIST_ORDER"; return 1; }
	expect_handovers "$HOPS" && expect_chain_intact &&
	expect_restored_with_extension 1 2 &&
	expect_banks_replayed sha1 sha256 sha384 sha512 || return 1
	echo "# big-endian kernels, the list $LIST_ORDER: $(event_texts "$HOPS" kexec_restored)"
}
