# Exporting and deleting records while the kernel hands over
# (CONFIG_IMA_STAGING, 7.2): on every 7.2 hop a loop stages, saves and
# deletes (echo A, read, echo D) while another executes new files, both
# still running when kexec -e suspends measurement. Staging and deletion
# are refused from then on, so every record is either in an exported part
# (deleted before the suspend) or handed over (staged or current), never
# both and never neither: the parts and the final list replay to the
# quoted PCRs in every bank. KERNELS="base-7.2 base-7.2 ours" runs the
# unpatched tree.
DESC="7.2 staging: echo A/D in a loop while kexec -e runs, ours-7.2 -> ours-7.2 -> ours: exported parts + final list replay in every bank"
ARCHS="x86_64 ppc64le"
HOPS=2
PRE=5
POST=5
KERNELS="ours-7.2 ours-7.2 ours"
TIMEOUT=300
APPEND="printk.devkmsg=on"
check() {
	local ev=$RESULT_DIR/share/evidence rep=$RESULT_DIR/share/ima-verify.txt h n want kinds
	for h in 0 1; do
		n=$(grep -c "ikx: hop $h exported part" "$RESULT_DIR/console.log" || :)
		[ "$n" -gt 0 ] || { echo "# hop $h exported nothing before its kexec"; return 1; }
	done
	n=$(ls "$ev" | grep -c '^exported-' || :)
	grep -q "^exported parts: $n," "$rep" ||
		{ echo "# ima-verify did not replay the $n exported parts:"; grep -i export "$rep" | sed 's/^/#   /'; return 1; }
	echo "# $n parts exported; carried instead: $(ls "$ev" | grep -c '^carried-' || :)"
	sed -n 's/^part_\([0-9]*\)_\([a-z]*\)=/# part \1 \2: /p' "$RESULT_DIR"/share/hop-*.env
	# The final list starts inside hop 1 or 2: the verifier's chain
	# (parts and list) says how each kernel was entered. The unpatched
	# tree measures no restore outcome.
	read -ra kinds <<<"$KERNELS"
	for h in 1 2; do
		want=restored
		[ "${kinds[h]}" = base-7.2 ] && want=no-event
		grep -qE "^  $h +hand-over [0-9]+ +[0-9]+ +$want " "$rep" ||
			{ echo "# boot $h was not entered by a hand-over ($want):"; grep -E "^  $h " "$rep" | sed 's/^/#   /'; return 1; }
	done
	expect_no_restore_failure "a kernel" &&
	expect_banks_replayed sha1 sha256 sha384 sha512
}
