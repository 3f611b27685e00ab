# Records exported and deleted before a kexec (CONFIG_IMA_STAGING, 7.2):
# ours-7.2 and then the unpatched 7.2 (built here with CONFIG_IMA_STAGING)
# each save and delete their first records at boot (echo N), and after
# the load stage, save and delete the rest (echo A, read, echo D); the
# unpatched kernel hands over to ours (6.12). The guest keeps the four
# saved parts (evidence/exported-1 to exported-4): the parts and the final
# list together replay to the quoted PCRs in every bank.
DESC="7.2 staging: exported and deleted (echo N at boot, echo A/D after the load) on each 7.2 hop, ours-7.2 -> unpatched 7.2 -> ours: parts + final list replay in every bank"
ARCHS="x86_64"
HOPS=2
PRE=5
POST=5
KERNELS="ours-7.2 base-7.2 ours"
check() {
	local ev=$RESULT_DIR/share/evidence rep=$RESULT_DIR/share/ima-verify.txt n
	for n in 1 2 3 4; do
		[ -s "$ev/exported-$n" ] || { echo "# the guest saved no exported-$n"; return 1; }
	done
	# Parts 1 and 3 start with the boot_aggregate of hop 0 and 1, so the
	# final list holds the last kernel's only.
	n=$(awk '$5 == "boot_aggregate"' "$ev/ascii_runtime_measurements" | wc -l)
	[ "$n" = 1 ] || { echo "# $n boot_aggregate entries in the final list, expected 1"; return 1; }
	grep -q '^exported parts: 4,' "$rep" ||
		{ echo "# ima-verify did not replay four exported parts:"; grep -i export "$rep" | sed 's/^/#   /'; return 1; }
	expect_no_restore_failure "a kernel" &&
	expect_banks_replayed sha1 sha256 sha384 sha512
}
