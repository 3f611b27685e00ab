DESC="list outgrows the kexec segment: exec refused with ENOSPC, reload, then an exact hand-over"
HOPS=1
PRE=5
POST=200
# Little extra memory, so that 200 files after the load overflow the segment.
APPEND="ima_kexec_extra_memory=4K"
# ppc64le has 64 KiB pages: the segment is rounded up to 64 KiB, so about
# 60 KiB fit after the load whatever the extra memory; 1000 files (~250 KiB
# in hand-over format 2 with four banks) overflow it.
[ "${ARCH:-x86_64}" = ppc64le ] && POST=1000
check() {
	local env0=$RESULT_DIR/share/hop-0.env
	grep -q 'refusing kexec, load the kernel again' "$RESULT_DIR/console.log" ||
		{ echo "# hop 0 did not say why the kexec was refused"; return 1; }
	grep -qx 'exec_rc=28' "$env0" ||
		{ echo "# reboot(KEXEC) was not refused with ENOSPC (28)"; return 1; }
	grep -qx 'reload_rc=0' "$env0" ||
		{ echo "# the reload after ENOSPC failed"; return 1; }
	grep -q 'kexec_execute' "$RESULT_DIR/share/evidence/ascii_runtime_measurements"* ||
		{ echo "# no kexec_execute event handed over"; return 1; }
	! grep -q 'kexec_restore_failed' "$RESULT_DIR/share/evidence/ascii_runtime_measurements"* ||
		{ echo "# hop 1 reports a failed restore"; return 1; }
	echo "# ENOSPC at the first exec, reload, exact hand-over at the second"
}
