# Helpers of the hand-over benchmarks (tests/bench.d/kexec-handover*):
# sourced, not run (not executable, so tests/bench skips it).

# bench_run KERNEL DIR FILL: one hop of the bench-handover scenario on
# KERNEL handing over FILL measurements, results in DIR; dies unless the
# evidence verified.
bench_run() {
	local kernel=$1 dir=$2 fill=$3
	info "${kernel#$top/}, $fill measurements"
	RESULT_DIR=$dir KERNEL=$kernel IKX_APPEND="ikx.fill=$fill" \
		tests/run-scenario bench-handover > "$dir.tap" 2>&1
	grep -q '^ok' "$dir.tap" || { cat "$dir.tap"; die "${kernel#$top/}: the hand-over of $fill measurements did not verify"; }
}

# Microseconds IMA's initialisation took in the Nth kernel of a run (1:
# the sending kernel, 2: the receiving one), from the printk times of its
# first and last messages there: the restore and what follows it (freeing
# the segment, the boot aggregate).
ima_init_us() {
	grep -a 'ima: Allocated hash algorithm\|ima: No architecture policies found' "$1/console.log" |
		sed -n 's/^\[ *\([0-9.]*\)\].*/\1/p' | paste -sd' ' |
		awk -v n="$2" '{ printf "%d", ($(2 * n) - $(2 * n - 1)) * 1000000 }'
}
# printk time of the first console line matching a pattern
stamp() {
	grep -a -m1 "$2" "$1/console.log" | sed -n 's/^\[ *\([0-9.]*\)\].*/\1/p'
}
exec_window() {	# seconds from the kexec helper's mark to "Starting new kernel"
	echo "$(stamp "$1" 'kexec_core: Starting new kernel') - $(stamp "$1" 'ikx-kexec: reboot')" | bc -l
}
envval() { sed -n "s/^$2=//p" "$1/share/hop-0.env" | tail -1; }
ratio() { printf '%.3f' "$(echo "$1 / $2" | bc -l)"; }

secs() { printf '%.1f' "$(echo "$1 / 1000000" | bc -l)"; }
