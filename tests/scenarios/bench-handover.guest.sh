# bench-handover: fill the list before the load and note the list's size
# at the load; the host times the restore and the execute from the kernel
# log (ikx-kexec marks the jump there).
# VmallocUsed around the load: what the load keeps in vmalloc until the
# execute (mainline's staging copy of the list).
vmalloc_kb() { awk '$1 == "VmallocUsed:" { print $2 }' /proc/meminfo; }
hook_boot() {
	fill=$(arg fill)
	[ "$hop" = 0 ] || return 0
	[ -n "$fill" ] || { note vmalloc_kb_before_load "$(vmalloc_kb)"; return 0; }
	# Reads of distinct files in the measured ramfs, a batch at a time
	# (ramfs keeps a page per file; 100k at once would not fit the VM):
	# one cat per batch is much cheaper than one exec per measurement.
	mkdir -p /measured/fill
	t0=$(cut -d' ' -f1 /proc/uptime)
	i=0
	while [ "$i" -lt "$fill" ]; do
		end=$((i + 1000))
		[ "$end" -gt "$fill" ] && end=$fill
		while [ "$i" -lt "$end" ]; do
			echo "$i" > /measured/fill/$i
			i=$((i + 1))
		done
		cat /measured/fill/* > /dev/null
		rm -f /measured/fill/*
	done
	# The entry count is noted at the load anyway (entries_at_load): not
	# here too, a read of the whole ASCII list costs ~10 s at 100k.
	note fill_seconds "$t0 $(cut -d' ' -f1 /proc/uptime)"
	note vmalloc_kb_before_load "$(vmalloc_kb)"
}
hook_after_load() {
	note binary_bytes_at_load "$(wc -c < $IMA/binary_runtime_measurements)"
	note vmalloc_kb_after_load "$(vmalloc_kb)"
}

