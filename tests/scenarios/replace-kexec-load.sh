DESC="an image loaded with kexec -s -l, replaced by one loaded with kexec -l, then executed: hop 0 warns that the list is not carried, hop 1 boots and starts afresh, the verifier names the missing records"
# Hop 0 loads hop 1 with kexec -s -l, then loads it again with kexec -l
# (the kexec_load syscall), which frees the first image, segment and all,
# and installs one without a measurement segment; that one is executed.
# Mainline keeps the mapping of the first image's segment in a global
# that nothing releases when the image is freed, and its reboot notifier
# copies the list through it at kexec -e, into pages that are no longer
# the image's. Here the kexec_load image is loaded before the first one is
# freed, so the write lands in free pages and nothing shows; after kexec -u
# (unload-kexec-load) they are free for the kexec_load image, and the unpatched
# 7.2.12 and 6.12.117 (KERNEL=<its bzImage>) print "Starting new kernel"
# and nothing more: hop 1 never boots. Since
# "ima: kexec: keep the segment mapping with its image" (7.2 0005,
# 6.12 0008) the mapping goes with the image, and the execute only warns
# that the list is not carried (7.2 0018, 6.12 0021). hop 1 must boot and
# start its own list; the verifier must report hop 0's records missing.
# unload-kexec-load.sh runs the same with kexec -u between the two loads.
ARCHS="x86_64"
HOPS=1
PRE=5
POST=5
APPEND_0="ikx.loader=kexec-tools"
GUEST_HOOK=kexec-load-after-file
EXPECT_VERIFY=fail
check() {
	local env0=$RESULT_DIR/share/hop-0.env crash
	grep -qx 'load_rc=0' "$env0" && grep -qx 'loader=kexec-tools' "$env0" ||
		{ echo "# hop 0 did not load with kexec -s -l first ($(grep -E '^(loader|load_rc|load_err)=' "$env0" | tr '\n' ' '))"; return 1; }
	if [ -n "${UNLOAD:-}" ]; then
		grep -qx 'unload_rc=0' "$env0" ||
			{ echo "# kexec -u failed: $(grep -E '^(unload_rc|unload_err)=' "$env0" | tr '\n' ' ')"; return 1; }
	fi
	grep -qx 'reload_rc=0' "$env0" && grep -qx 'loader=kexec-tools-legacy' "$env0" ||
		{ echo "# hop 0 did not load again with kexec -l ($(grep -E '^(reload_rc|load_err)=' "$env0" | tr '\n' ' '))"; return 1; }
	crash=$(console_by_kernel 'BUG: |Oops|general protection|unable to handle|Kernel panic|WARNING: ' | grep '^kernel 0:')
	[ -z "$crash" ] || { echo "# hop 0 crashed:"; echo "$crash" | head -5 | sed 's/^/#   /'; return 1; }
	[ -f "$RESULT_DIR/share/evidence/ascii_runtime_measurements" ] ||
		{ echo "# hop 1 left no evidence: it did not boot, or not to user space"; return 1; }
	console_by_kernel 'the image was loaded with kexec_load' | grep -q '^kernel 0:' ||
		{ echo "# hop 0 did not warn at execute that the image was loaded with kexec_load (7.2 patch 0018, 6.12 0021)"; return 1; }
	console_by_kernel 'the image was loaded with kexec_load' | head -1 | sed 's/^/# console: /'
	expect_earlier_records_missing || return 1
	echo "# hop 0 warned and jumped without a crash, hop 1 booted with a list of its own, and the verifier says what is missing"
}
