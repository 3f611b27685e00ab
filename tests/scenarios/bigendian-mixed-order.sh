# bigendian with the two ends disagreeing on the byte order: hop 0 writes
# the hand-over little-endian (ima_canonical_fmt), hop 1 reads it in its
# own, big-endian order, where the header's version reads 0x0100. Hop 1
# refuses the whole list, says on its console which option to set, and
# measures kexec_restore_failed with the reason "other byte order" at
# hop 1 (the header's hop means nothing in the wrong order); hop 0's
# extends are in the TPM, not in the list, so the verifiers reject the
# evidence. A little-endian receiver refuses a big-endian sender's list
# the same way.
. "$(dirname "${BASH_SOURCE[0]}")/bigendian.sh"
DESC="ppc64 big-endian, the sender under ima_canonical_fmt and the receiver not: the receiver refuses the list whole and says why, the verifiers reject"
HOPS=1
KERNELS="ours-be ours-be"
APPEND_0="ima_canonical_fmt"
EXPECT_VERIFY=fail
check() {
	expect_console 'the list is in the other byte order: boot both kernels with ima_canonical_fmt' \
		"hop 1 did not say the list is in the other byte order" &&
	expect_restore_refused 'other byte order' || return 1
	# (the final list is hop 1's alone: its part is the first)
	event_texts 0 kexec_restore_failed | grep -q '^kexec_restore_failed hop=1;' ||
		{ echo "# kexec_restore_failed does not name hop 1: $(grep -a kexec_restore_failed "$RESULT_DIR/share/evidence/ascii_runtime_measurements" | head -1)"; return 1; }
}
