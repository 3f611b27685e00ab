DESC="20 hops, each with two loops executing new files while kexec -e runs: replay still matches"
HOPS=20
PRE=2
POST=5
TIMEOUT=900
check() {
	local n
	n=$(grep -c 'kexec_execute' "$RESULT_DIR/share/evidence/ascii_runtime_measurements")
	[ "$n" = 20 ] || { echo "# $n kexec_execute events, expected 20"; return 1; }
	! grep -q 'kexec_restore_failed' "$RESULT_DIR/share/evidence/ascii_runtime_measurements" ||
		{ echo "# a restore failed"; return 1; }
	echo "# 20 hand-overs under load, replay matches"
}
