# post-load-failed (and segment-map-failed): once the next kernel is
# loaded, load it again with a fault attribute failing the first
# allocation made under one function, for the loading task only, once.
# ikx.fail_in= names the function (default machine_kexec_post_load(),
# where arm64 copies the linear map), ikx.fail_with= the attribute
# (default fail_page_alloc; failslab for a slab allocation). That load
# fails with ENOMEM after IMA has reserved a segment for it; the image
# loaded first stays and is executed.
fault_set() { echo "$2" > "$fault/$1" || say "cannot set $fault/$1 to $2"; }
hook_after_load() {
	local fn attr start end
	[ "$hop" = 0 ] || return 0
	fn=$(arg fail_in) attr=$(arg fail_with)
	: "${fn:=machine_kexec_post_load}" "${attr:=fail_page_alloc}"
	fault=/sys/kernel/debug/$attr
	mount -t debugfs debugfs /sys/kernel/debug
	[ -d "$fault" ] || { say "no $fault (CONFIG_FAULT_INJECTION_DEBUG_FS and the attribute's option)"; return 0; }
	# The function's range: its address and the next higher one (an
	# alias shares the address).
	set -- $(sort /proc/kallsyms | awk -v fn="$fn" '$3 == fn { s = $1; print s; next }
		s && $1 != s { print $1; exit }')
	start=${1:-} end=${2:-}
	[ -n "$end" ] || { say "$fn is not in /proc/kallsyms"; return 0; }
	note fault_range "$fn 0x$start-0x$end $attr"
	fault_set require-start "0x$start"
	fault_set require-end "0x$end"
	fault_set task-filter Y
	fault_set ignore-gfp-wait N
	# fail_page_alloc skips order-0 pages by default.
	[ ! -e "$fault/min-order" ] || fault_set min-order 0
	fault_set verbose 2
	fault_set times 1
	fault_set probability 100
	# make-it-fail is inherited by the loader the subshell starts.
	(echo 1 > /proc/self/make-it-fail && kx_load "$next_kernel" "$next_initrd" "$cmdline")
	note reload_rc $?
	fault_set probability 0
	note entries_after_reload "$(entries)"
}
