# overflow: when the exec is refused with ENOSPC, load the kernel again
# (the new segment is sized for the grown list) and ask for another try.
hook_exec_failed() {
	[ "$1" = 28 ] || return 1
	[ -z "${ikx_reloaded:-}" ] || return 1
	ikx_reloaded=1
	say "exec refused with ENOSPC at $(entries) measurements, loading again"
	kx_load "$next_kernel" /mnt/initramfs "$cmdline"
	note reload_rc $?
	note entries_at_reload "$(entries)"
}
