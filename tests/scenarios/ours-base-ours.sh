DESC="ours -> unpatched base -> ours: the list survives a kernel that knows nothing of the series"
ARCHS="x86_64"
HOPS=2
PRE=5
POST=5
KERNELS="ours base ours"
check() {
	expect_no_restore_failure "the base kernel" || return 1
	expect_chain_intact || return 1
	hop_part 0 | grep -q ' kexec_execute ' ||
		{ echo "# hop 0's kexec_execute did not survive the base kernel"; return 1; }
	! hop_part 1 | grep -q ' kexec_' ||
		{ echo "# the base kernel's part holds kexec_* events: hop 1 was not the base kernel"; return 1; }
	hop_part 2 | grep -q ' kexec_restored ' ||
		{ echo "# ours (hop 2) did not measure kexec_restored"; return 1; }
	echo "# hop 0's list crossed the base kernel and came back to ours intact"
}
