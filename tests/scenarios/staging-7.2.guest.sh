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

# Both 7.2 kernels (hop 0 ours-7.2, hop 1 the unpatched 7.2) delete both
# ways: their first records at boot, after files of their own (echo N),
# and the rest after the load, before their last files (echo A, echo D).
hook_boot() {
	case "$hop" in 0|1) activity early 3; export_first $((2 * hop + 1)) ;; esac
}
hook_after_load() {
	case "$hop" in 0|1) export_staged $((2 * hop + 2)) ;; esac
}
