DESC="ima_kexec_strict=1: kexec -e of a kexec -l image fails with EPERM and the guest stays up; kexec -s -l then carries the list"
# Hop 0 loads with kexec-tools' plain "kexec -l" (the kexec_load syscall,
# no measurement segment). With ima_kexec_strict=1 the kernel must refuse
# to execute that image: reboot(LINUX_REBOOT_CMD_KEXEC) fails with EPERM
# and the console says "refusing to execute an image loaded with
# kexec_load". The guest hook (kexec-load-strict.guest.sh) then loads with
# kexec -s -l and executes again: an exact hand-over, the chain verifies.
# ima_kexec_strict= is 7.2 patch 0018 (6.12: 0021): a kernel without it runs the first
# kexec -e, hop 1 starts with a fresh list, and this scenario fails.
ARCHS="x86_64"
HOPS=1
PRE=5
POST=5
APPEND="ima_kexec_strict=1"
APPEND_0="ikx.loader=kexec-tools-legacy"
check() {
	local env0=$RESULT_DIR/share/hop-0.env
	grep -qx 'loader=kexec-tools-legacy' "$env0" ||
		{ echo "# hop 0 did not load with kexec -l first"; return 1; }
	grep -qx 'strict_refused=1' "$env0" && grep -qx 'exec_rc=1' "$env0" ||
		{ echo "# kexec -e of the kexec_load image was not refused with EPERM ($(grep -E '^(exec_rc|exec_err)=' "$env0" | tr '\n' ' ')): a kernel without 7.2 patch 0018 (6.12: 0021)?"; return 1; }
	grep -q '^exec_err=.*Operation not permitted' "$env0" ||
		{ echo "# kexec -e did not report EPERM: $(grep '^exec_err=' "$env0")"; return 1; }
	grep -q 'refusing to execute an image loaded with kexec_load' "$RESULT_DIR/console.log" ||
		{ echo "# no console line 'refusing to execute an image loaded with kexec_load' (7.2 patch 0018, 6.12 0021)"; return 1; }
	grep 'refusing to execute an image loaded with kexec_load' "$RESULT_DIR/console.log" | head -1 | sed 's/^/# console: /'
	grep -qx 'reload_rc=0' "$env0" && grep -qx 'loader=kexec-tools' "$env0" ||
		{ echo "# the guest did not load again with kexec -s -l after the refusal"; return 1; }
	expect_no_restore_failure "hop 1" || return 1
	expect_chain_intact || return 1
	expect_handovers "$HOPS" || return 1
	expect_banks_replayed sha1 sha256 sha384 sha512 || return 1
	echo "# refused with EPERM, stayed up, reloaded with kexec -s -l, exact hand-over"
}
