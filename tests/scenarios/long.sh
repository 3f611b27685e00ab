DESC="10 hops, 300 files executed after each load"
HOPS=10
PRE=5
POST=300
check() {
	local n
	n=$(grep -c 'kexec_execute' "$RESULT_DIR/share/evidence/ascii_runtime_measurements")
	[ "$n" = 10 ] || { echo "# $n kexec_execute events, expected 10"; return 1; }
	echo "# 10 hand-overs of $(wc -l < "$RESULT_DIR/share/evidence/ascii_runtime_measurements") entries"
}
