# kexec-load-after-file: hop 0 has loaded the next kernel with kexec -s -l
# (kexec_file_load: IMA reserves a segment for the list and maps it). That
# image goes before it runs: unloaded with kexec -u first when hop 0's
# command line says ikx.unload=1, then replaced by one that kexec -l
# (kexec_load) loads, which carries no list. That one is executed.
hook_after_load() {
	[ "$hop" = 0 ] || return 0
	if [ "$(arg unload)" = 1 ]; then
		kx_tools unload_err -u
		note unload_rc $?
	fi
	loader=kexec-tools-legacy
	kx_load "$next_kernel" /mnt/initramfs "$cmdline"
	note reload_rc $?
}
