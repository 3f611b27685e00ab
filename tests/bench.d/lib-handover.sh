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

# The segment a kexec_load reserved, as ima-verify read it from the event
# (none from an unpatched 6.12: it measures no kexec_load).
segment_of() {
	sed -n 's/.*kexec_load at entry .* segment \([0-9]*\) bytes.*/\1/p' \
		"$1/share/ima-verify.txt" | head -1
}

segment_text() { if [ -n "$1" ]; then echo "$1 B"; else echo "unknown (no kexec_load event)"; fi; }

# bench_handover KBASE: the unpatched tree of KBASE (make kernel KBASE=
# KVARIANT=base) against it with its series, in the same VM with the same
# guest, one hop handing over BENCH_ENTRIES (default 100000) file
# measurements filled before the load. Reports ratios (ours / base)
# measured in this run, never absolute times as a verdict:
#   IMA init  IMA's initialisation in the receiving kernel minus that in
#             the sending one: the restore and what follows it
#   execute   from the kexec helper's mark right before
#             reboot(LINUX_REBOOT_CMD_KEXEC) to "Starting new kernel",
#             minus the same window with an empty list: serialising the
#             list at execute (mainline: into its vmalloc copy, then a copy
#             into the segment; ours: straight into the segment)
#   memory    VmallocUsed after the load minus before it (mainline keeps a
#             copy buffer as large as the segment until the execute), and
#             the segment each reserved (its kexec_load event)
# BENCH_REPORT_ONLY=1 reports on the results of an earlier run.
bench_handover() {
	local kbase=$1
	export ARCH=x86_64
	arch_env
	qemu_env
	local N=${BENCH_ENTRIES:-100000} out ours base kind d entries fill
	local sfx=; [ "$kbase" = 6.12 ] || sfx=-$kbase
	out=$top/build/results/bench/kexec-handover$sfx
	ours=$top/build/kernel-$ARCH$sfx/$KIMAGE
	base=$top/build/kernel-$ARCH$sfx-base/$KIMAGE

	if [ -z "${BENCH_REPORT_ONLY:-}" ]; then
		make -s kernel KBASE="$kbase" >/dev/null || die "cannot build the $kbase kernel with its series"
		make -s kernel KBASE="$kbase" KVARIANT=base >/dev/null || die "cannot build the unpatched $kbase kernel"
		rm -rf "$out"
		mkdir -p "$out"
		for fill in 0 "$N"; do
			bench_run "$base" "$out/base-$fill" "$fill"
			bench_run "$ours" "$out/ours-$fill" "$fill"
		done
	fi

	local -A init_us exec_s vmalloc_kb segment
	for kind in base ours; do
		d=$out/$kind-$N
		init_us[$kind]=$(( $(ima_init_us "$d" 2) - $(ima_init_us "$d" 1) ))
		exec_s[$kind]=$(echo "$(exec_window "$d") - $(exec_window "$out/$kind-0")" | bc -l)
		vmalloc_kb[$kind]=$(( $(envval "$d" vmalloc_kb_after_load) - $(envval "$d" vmalloc_kb_before_load) ))
		segment[$kind]=$(segment_of "$d")
	done
	entries=$(envval "$out/ours-$N" entries_at_load)

	echo "# $entries measurements handed over in one hop, $kbase, $ARCH under ${QEMU_MACHINE[*]}"
	echo "# IMA init: ours/base = $(ratio "${init_us[ours]}" "${init_us[base]}")" \
		"(receiving minus sending kernel, restore included; base $(secs "${init_us[base]}") s, ours $(secs "${init_us[ours]}") s in this run)"
	echo "# execute:  ours/base = $(ratio "${exec_s[ours]}" "${exec_s[base]}")" \
		"(serialising at kexec -e; base $(printf '%.3f' "${exec_s[base]}") s, ours $(printf '%.3f' "${exec_s[ours]}") s in this run)"
	echo "# vmalloc held from load to execute: base ${vmalloc_kb[base]} KiB, ours ${vmalloc_kb[ours]} KiB" \
		"(segment: base $(segment_text "${segment[base]}"), ours $(segment_text "${segment[ours]}"))"
	echo "# results: ${out#$top/}/"
}
