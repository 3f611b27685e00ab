# cross-endian with the big-endian hop in its own byte order (no
# ima_canonical_fmt): it reads hop 0's little-endian header as version
# 0x0100, refuses the list whole and says on its console to boot both
# kernels with ima_canonical_fmt; it then hands over big-endian, which hop
# 2 (little-endian) refuses the same way. Each refusal is measured as
# kexec_restore_failed with the reason "other byte order" at hop 1 (the
# header's hop means nothing read in the wrong order); ima-verify
# rejects the final list.
. "$(dirname "${BASH_SOURCE[0]}")/cross-endian.sh"
DESC="ppc64: ours LE -> ours BE (its own byte order) -> ours LE, no TPM: each receiver refuses the other order's list whole, says why, and the verifier rejects"
APPEND_1=
EXPECT_VERIFY=fail
check() {
	local n
	n=$(console_outside_kunit | grep -ac 'the list is in the other byte order: boot both kernels with ima_canonical_fmt')
	[ "$n" = 2 ] || { echo "# $n receivers said the list is in the other byte order, expected 2"; return 1; }
	expect_restore_refused 'other byte order' || return 1
	event_texts 0 kexec_restore_failed | grep -q '^kexec_restore_failed hop=1;.*reason=other byte order;$' ||
		{ echo "# hop 2's kexec_restore_failed: $(event_texts 0 kexec_restore_failed)"; return 1; }
}
