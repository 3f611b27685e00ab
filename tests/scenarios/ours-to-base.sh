DESC="ours kexecs into the unpatched base kernel: it restores our list, every bank replays, the quote verifies"
# Hop 0 boots the series, hop 1 the unpatched Debian tree (make kernel
# KVARIANT=base): a distribution kernel that knows nothing of the series
# must still read the hand-over.
ARCHS="x86_64"
HOPS=1
PRE=5
POST=5
KERNELS="ours base"
check() {
	expect_no_restore_failure "the base kernel" || return 1
	expect_chain_intact || return 1
	# Our boundary events of hop 0 are part of the list the base kernel holds.
	hop_part 0 | grep -q ' kexec_load ' && hop_part 0 | grep -q ' kexec_execute ' ||
		{ echo "# our kexec_load/kexec_execute events of hop 0 are not in the base kernel's list"; return 1; }
	echo "# the base kernel restored our list, boundary events included"
}
