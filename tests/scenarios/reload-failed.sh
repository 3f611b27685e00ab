DESC="a second kexec_file_load that fails after IMA sized a segment for it leaves the loaded image's hand-over alone: no write past its segment, whole entries only"
# Hop 0 is the 7.2 tree with its series (KERNELS: ours-7.2). After the
# load, the list grows past the loaded image's segment (150 files, far
# more than the half page of headroom), then a second kexec_file_load
# with a command line the bzImage loader rejects (longer than its 2048
# bytes) fails with EINVAL after ima_add_kexec_buffer() has run for it.
# Mainline 7.2 then holds a buffer sized for the failed load and, at
# kexec -e, copies a list of that size into the first image's smaller
# segment: a write past the mapping, an oops in the reboot path
# (OURS72_KERNEL=<the unpatched 7.2's bzImage> shows it). With "ima:
# kexec: size the copy by the image that is executed" the copy
# stays within the segment, and with "ima: kexec: do not hand over a
# partial last entry" it ends at an entry: the next kernel (ours, 6.12)
# restores every entry the header counts. What did not fit is lost, as
# mainline means it to be ("Dump measurements failed"): the verifier must
# then reject the list, and name the missing records.
ARCHS="x86_64"
HOPS=1
PRE=5
POST=0
KERNELS="ours-7.2 ours"
EXPECT_VERIFY=fail
check() {
	local env0=$RESULT_DIR/share/hop-0.env list=$RESULT_DIR/share/evidence/ascii_runtime_measurements
	local held handed crash
	grep -qx 'reload_rc=22' "$env0" ||
		{ echo "# the second load did not fail with EINVAL: $(grep -E '^reload_rc=' "$env0")"; return 1; }
	crash=$(console_by_kernel 'BUG: |Oops|general protection|unable to handle|Kernel panic' | grep '^kernel 0:')
	[ -z "$crash" ] || { echo "# hop 0 crashed:"; echo "$crash" | head -5 | sed 's/^/#   /'; return 1; }
	[ -f "$list" ] || { echo "# hop 1 left no evidence: the kexec did not happen"; return 1; }
	expect_no_restore_failure "hop 1" || return 1
	held=$(sed -n 's/^entries_before_exec=//p' "$env0")
	handed=$(awk '$5 == "boot_aggregate" && ++n == 2 { print NR - 1; exit }' "$list")
	[ -n "$handed" ] && [ "$handed" -gt 0 ] ||
		{ echo "# hop 1 holds nothing of hop 0"; return 1; }
	hop_part 1 | grep -q ' kexec_restored ' ||
		{ echo "# hop 1 did not measure kexec_restored: its restore did not succeed"; return 1; }
	if [ "$handed" -lt "$held" ]; then
		console_by_kernel 'Dump measurements failed' | grep -q '^kernel 0:' ||
			{ echo "# $handed of $held entries handed over, and hop 0 did not say the dump failed"; return 1; }
		grep -qE '^ima-verify: [A-Za-z-]+ \(exit (11|15|16)\)' "$RESULT_DIR/share/ima-verify.txt" ||
			{ echo "# ima-verify: $(head -1 "$RESULT_DIR/share/ima-verify.txt"), expected a PCR mismatch (11), missing records (15) or an incomplete hand-over (16)"; return 1; }
	fi
	echo "# second load failed with EINVAL; hop 0 held $held entries at kexec -e, handed over $handed whole entries, restored by hop 1; $(head -1 "$RESULT_DIR/share/ima-verify.txt")"
}
