# staging-7.2: records exported and deleted before a kexec (mainline's
# CONFIG_IMA_STAGING, Documentation/security/IMA-export-delete.rst). What
# an agent saves goes to the evidence as exported-1, exported-2, oldest
# first: the verifier replays them before the final list.
STAGED=$IMA/binary_runtime_measurements_staged
E=/mnt/evidence

# Staging with prompt: stage the whole list, save it, delete it.
export_staged() {	# part
	mkdir -p $E
	echo A > $STAGED || { say "echo A (stage) failed"; return 1; }
	cat $STAGED > $E/exported-$1 || { say "reading the staged records failed"; return 1; }
	echo D > $STAGED || { say "echo D (delete the staged records) failed"; return 1; }
	note exported_$1_bytes "$(wc -c < $E/exported-$1)"
	say "exported part $1 (staged, saved, deleted): $(wc -c < $E/exported-$1) bytes, $(entries) records left"
}

# Staging and deleting: save the current list, then delete that many
# records. Nothing is measured in between (every program used here is
# busybox, measured long before), which the two counts confirm.
export_first() {	# part
	local n m l=$IMA/binary_runtime_measurements
	mkdir -p $E
	n=$(entries)
	cat $l > $E/exported-$1 || { say "reading the list failed"; return 1; }
	m=$(entries)
	[ "$n" = "$m" ] || { say "the list grew while it was saved ($n, then $m)"; return 1; }
	echo "$n" > $l || { say "echo $n (delete) failed"; return 1; }
	note exported_$1_bytes "$(wc -c < $E/exported-$1)"
	say "exported part $1 (echo $n): $(wc -c < $E/exported-$1) bytes, $(entries) records left"
}

# Hop 0 (ours-7.2) stages and deletes after the load, before its last
# files; hop 1 (the unpatched 7.2) deletes its first records the other
# way, after files of its own and before its load.
hook_after_load() {
	if [ "$hop" = 0 ]; then export_staged 1; fi
}
hook_boot() {
	if [ "$hop" = 1 ]; then activity early 3; export_first 2; fi
}
