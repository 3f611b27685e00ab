# post-load-failed: once the next kernel is loaded, load it again with
# fail_page_alloc failing the first page allocation made under
# machine_kexec_post_load() (arm64's copy of the linear map), for the
# loading task only, once. That load fails with ENOMEM after IMA has
# reserved a segment for it; the image loaded first stays and is executed.
fault=/sys/kernel/debug/fail_page_alloc
fault_set() { echo "$2" > "$fault/$1" || say "cannot set $fault/$1 to $2"; }
hook_after_load() {
	local start end
	[ "$hop" = 0 ] || return 0
	mount -t debugfs debugfs /sys/kernel/debug
	[ -d $fault ] || { say "no $fault (CONFIG_FAIL_PAGE_ALLOC, CONFIG_FAULT_INJECTION_DEBUG_FS)"; return 0; }
	# The function's range: its address and the next higher one (an
	# alias shares the address).
	set -- $(sort /proc/kallsyms | awk '$3 == "machine_kexec_post_load" { s = $1; print s; next }
		s && $1 != s { print $1; exit }')
	start=${1:-} end=${2:-}
	[ -n "$end" ] || { say "machine_kexec_post_load is not in /proc/kallsyms"; return 0; }
	note fault_range "0x$start-0x$end"
	fault_set require-start "0x$start"
	fault_set require-end "0x$end"
	fault_set task-filter Y
	fault_set ignore-gfp-wait N
	fault_set min-order 0
	fault_set verbose 2
	fault_set times 1
	fault_set probability 100
	# make-it-fail is inherited by the loader the subshell starts.
	(echo 1 > /proc/self/make-it-fail && kx_load "$next_kernel" "$next_initrd" "$cmdline")
	note reload_rc $?
	fault_set probability 0
	note entries_after_reload "$(entries)"
}
