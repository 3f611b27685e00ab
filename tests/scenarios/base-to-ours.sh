DESC="the unpatched base kernel kexecs into ours: its version-1 list is restored, our events follow"
# Hop 0 boots the unpatched Debian tree (make kernel KVARIANT=base), hop 1
# the series. Built for x86_64 only (make check).
ARCHS="x86_64"
HOPS=1
PRE=5
POST=5
KERNELS="base ours"
check() {
	expect_chain_intact || return 1
	# The base kernel measures no boundary events; ours, receiving, closes
	# the hand-over with its own after its boot_aggregate.
	! hop_part 0 | grep -q ' kexec_' ||
		{ echo "# the base kernel's part holds kexec_* events: hop 0 was not the base kernel"; return 1; }
	hop_part 1 | grep -q ' kexec_restored ' ||
		{ echo "# ours did not measure kexec_restored after restoring the base kernel's list"; return 1; }
	hop_part 1 | grep -q ' /x/h1-pre-0$' ||
		{ echo "# ours measured nothing of its own after the restore"; return 1; }
	echo "# ours restored the base kernel's list and measured kexec_restored after it"
}
