# staging-race-7.2: an agent exporting records (echo A, save, echo D) in a
# loop while kexec -e runs, next to a loop executing new files. What the
# loop saved and deleted is an exported part. What it staged but did not
# delete (the kernel refuses once measurement is suspended, or the jump
# cut the loop short) the kernel hands over ahead of the current records.
# The agent cannot tell the last two apart before the jump, so it marks
# the part pending until the delete returns; the next hop settles a
# pending part as an agent must: carried if the list it inherited begins
# with those bytes, exported otherwise. Exported parts are numbered
# exported-1, exported-2, ... across hops, oldest first.
STAGED=$IMA/binary_runtime_measurements_staged
E=/mnt/evidence

parts() { ls $E/exported-* 2>/dev/null | wc -l; }

# A part that is not exported is kept as carried-HOP-N for the record.
not_exported() {	# n why
	mv $E/exported-$1 $E/carried-$hop-$1 2>/dev/null
	note "part_$1_carried" "$2"
}

stage_loop() {
	local n
	mkdir -p $E
	while :; do
		n=$(($(parts) + 1))
		echo "$n" > $E/pending
		if ! echo A > $STAGED 2>/dev/null; then
			rm -f $E/pending
			usleep 20000
			continue
		fi
		cat $STAGED > $E/exported-$n
		if echo D > $STAGED 2>/dev/null; then
			rm -f $E/pending
			echo "ikx: hop $hop exported part $n" > /dev/kmsg
		else
			# Refused: still staged, so it goes with the hand-over.
			not_exported "$n" "delete refused"
			rm -f $E/pending
			echo "ikx: hop $hop part $n staged, delete refused" > /dev/kmsg
		fi
		usleep 5000
	done
}

hook_boot() {
	local n p size
	[ -f $E/pending ] || return 0
	n=$(cat $E/pending)
	p=$E/exported-$n
	rm -f $E/pending
	[ -f "$p" ] || return 0
	size=$(wc -c < "$p")
	if head -c "$size" $IMA/binary_runtime_measurements | cmp -s - "$p"; then
		not_exported "$n" "inherited"
		say "pending part $n ($size bytes) begins the inherited list: carried"
	else
		note "part_${n}_exported" pending
		say "pending part $n ($size bytes) is not in the inherited list: exported"
	fi
}

hook_before_exec() {
	(
		i=0
		while :; do
			f=/x/stg-$hop-$i
			printf '#!/bin/true\n# %s\n' "$f" > "$f"
			chmod +x "$f" && "$f"
			i=$((i + 1))
		done
	) &
	stage_loop &
	sleep 1
}
