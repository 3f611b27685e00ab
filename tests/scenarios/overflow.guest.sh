# overflow: when the exec is refused with ENOSPC, load the kernel again
# (the new segment is sized for the grown list) and ask for another try;
# up to three times, for lists that other tasks keep growing meanwhile.
hook_exec_failed() {
	[ "$1" = 28 ] || return 1
	[ "${ikx_reloads:-0}" -lt 3 ] || return 1
	ikx_reloads=$((${ikx_reloads:-0} + 1))
	say "exec refused with ENOSPC at $(entries) measurements, loading again"
	kx_load "$next_kernel" /mnt/initramfs "$cmdline"
	note reload_rc $?
	note entries_at_reload "$(entries)"
}
