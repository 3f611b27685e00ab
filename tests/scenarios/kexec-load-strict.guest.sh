# kexec-load-strict: the kernel (ima_kexec_strict=1) must refuse to execute
# the image kexec -l loaded, with EPERM, and stay up. Then load again with
# kexec -s -l (kexec_file_load, which carries the list) and try once more.
hook_exec_failed() {
	[ "$loader" = kexec-tools-legacy ] && [ "$1" = 1 ] || return 1
	say "kexec -e of the kexec_load image refused with EPERM, loading again with kexec -s -l"
	note strict_refused 1
	note entries_at_refusal "$(entries)"
	loader=kexec-tools
	kx_load "$next_kernel" /mnt/initramfs "$cmdline"
	note reload_rc $?
	note entries_at_reload "$(entries)"
}
