# Records exported and deleted before a kexec (CONFIG_IMA_STAGING, 7.2):
# ours-7.2 stages its whole list after the load, saves it and deletes it
# (echo A, read, echo D); it hands over what remains to the unpatched 7.2
# (built here with CONFIG_IMA_STAGING), which saves and deletes its first
# records (echo N) and hands over to ours (6.12). The guest keeps both
# saved parts (evidence/exported-1, exported-2): the parts and the final
# list together replay to the quoted PCRs in every bank.
DESC="7.2 staging: exported and deleted (echo A/D, echo N) before each kexec, ours-7.2 -> unpatched 7.2 -> ours: parts + final list replay in every bank"
ARCHS="x86_64"
HOPS=2
PRE=5
POST=5
KERNELS="ours-7.2 base-7.2 ours"
check() {
	local ev=$RESULT_DIR/share/evidence rep=$RESULT_DIR/share/ima-verify.txt n
	[ -s "$ev/exported-1" ] && [ -s "$ev/exported-2" ] ||
		{ echo "# the guest saved no exported-1 and exported-2"; return 1; }
	# The first part starts with hop 0's boot_aggregate, so the final
	# list holds the boot_aggregate of the last kernel only (hop 1's went
	# with part 2).
	n=$(awk '$5 == "boot_aggregate"' "$ev/ascii_runtime_measurements" | wc -l)
	[ "$n" = 1 ] || { echo "# $n boot_aggregate entries in the final list, expected 1"; return 1; }
	grep -q '^exported parts: 2' "$rep" ||
		{ echo "# ima-verify did not replay two exported parts:"; grep -i export "$rep" | sed 's/^/#   /'; return 1; }
	expect_no_restore_failure "a kernel" &&
	expect_banks_replayed sha1 sha256 sha384 sha512
}
