# A kexec between staging and deleting (CONFIG_IMA_STAGING, 7.2): the
# staged records are carried, before the current ones, and the next
# kernel's list begins with exactly the bytes the agent saved from the
# staged interface; nothing is staged any more there. Hops 0 and 1 are
# ours-7.2 (KERNELS="base-7.2 ..." for the unpatched tree), hop 2 ours.
DESC="7.2 staging: kexec between echo A and echo D, ours-7.2 -> ours-7.2 -> ours: the staged records are handed over first, the saved copy is the start of the final list"
ARCHS="x86_64 ppc64le"
HOPS=2
PRE=5
POST=5
KERNELS="ours-7.2 ours-7.2 ours"
check() {
	local share=$RESULT_DIR/share list=$RESULT_DIR/share/evidence/binary_runtime_measurements size
	[ -s "$share/staged-0" ] || { echo "# hop 0 saved no staged records"; return 1; }
	size=$(stat -c %s "$share/staged-0")
	cmp -s -n "$size" "$share/staged-0" "$list" ||
		{ echo "# the final list does not begin with the $size bytes hop 0 staged"; return 1; }
	echo "# the final list begins with the $size bytes hop 0 staged"
	grep -qx 'delete_after_kexec=refused' "$share/hop-1.env" ||
		{ echo "# hop 1 deleted staged records it never had"; return 1; }
	expect_chain_intact
}
