# segment-too-large: when the exec of the image that has no measurement
# segment is refused (ENOSPC), load with the kexec_load syscall instead,
# as petitboot's kexec -l does, and try again once.
hook_exec_failed() {
	[ "$1" = 28 ] && [ "$loader" = ikx ] || return 1
	say "exec refused with ENOSPC, loading with kexec -l instead"
	loader=kexec-tools-legacy
	kx_load "$next_kernel" /mnt/initramfs "$cmdline"
	note reload_rc $?
}
