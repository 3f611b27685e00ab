# reload-failed: grow the list past the loaded image's segment, then fail
# a second load after IMA has sized a segment for the grown list.
hook_after_load() {
	[ "$hop" = 0 ] || return 0
	activity grow 150
	# 2100 bytes of padding: longer than the bzImage's 2048-byte
	# cmdline_size, rejected by its loader after ima_add_kexec_buffer().
	ikx-kexec load "$next_kernel" /mnt/initramfs "$cmdline ikx.pad=$(printf '%02100d' 0)"
	note reload_rc $?
	note entries_after_reload "$(entries)"
}
