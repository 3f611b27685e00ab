# staging-kexec-7.2: a kexec between staging and deleting. Hop 0 stages
# its list after the load (echo A) and saves a copy, as an agent would,
# but jumps before it deletes: the kernel hands the staged records over
# ahead of the current ones. The copy stays out of the evidence (it was
# never deleted, so it is not an exported part); the host compares it with
# the start of the final list. Hop 1 (7.2 too) finds nothing staged:
# echo D fails.
STAGED=$IMA/binary_runtime_measurements_staged
hook_after_load() {
	[ "$hop" = 0 ] || return 0
	echo A > $STAGED || { say "echo A (stage) failed"; return 1; }
	cat $STAGED > /mnt/staged-0 || say "reading the staged records failed"
	say "staged $(wc -c < /mnt/staged-0) bytes, not deleted; $(entries) records current"
}
hook_boot() {
	[ "$hop" = 1 ] || return 0
	if [ ! -e $STAGED ]; then note delete_after_kexec no-interface
	elif echo D > $STAGED 2>/dev/null; then note delete_after_kexec ok
	else note delete_after_kexec refused; fi
}
