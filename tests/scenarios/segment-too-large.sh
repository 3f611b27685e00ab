DESC="a list too large for any segment at load: the image loads without one, reboot(2) fails with ENOSPC (ima_kexec_overflow=refuse); kexec_load as a fallback hands nothing over, and the verifier says so"
# Hop 0 asks for 1 GiB of extra memory in a 1 GiB guest: more than half
# of RAM, so kexec_file_load reserves no measurement segment. The image
# loads without one, as mainline loads it (both series keep mainline's
# load), and ima_kexec_overflow decides at execute: refuse fails reboot(2) with ENOSPC before anything is shut
# down. The guest then does what petitboot does when kexec_file_load
# does not serve: it loads with kexec_load (tests/scenarios/
# segment-too-large.guest.sh), which carries no list either. Hop 1
# starts afresh; the verifier must name the missing records.
# segment-too-large-carry: the same load in carry mode.
ARCHS="x86_64"
HOPS=1
PRE=5
POST=5
APPEND_0="ima_kexec_extra_memory=1G ima_kexec_overflow=refuse"
GUEST_HOOK=segment-too-large
EXPECT_VERIFY=fail
# What the kernel of hop 0 says at load and at the refused execute. With
# KBASE=7.2 (every hop ours-7.2, APPEND_0 after the harness's 512K and
# refuse) the load is mainline's, and says so in mainline's words.
LOAD_MSG="Binary measurement list too large."
EXEC_MSG="has no measurement segment: refusing kexec"
check() {
	local env0=$RESULT_DIR/share/hop-0.env
	console_by_kernel "$LOAD_MSG" | grep -q '^kernel 0:' ||
		{ echo "# hop 0 did not say at load: $LOAD_MSG"; return 1; }
	grep -qx 'load_rc=0' "$env0" ||
		{ echo "# the load failed: $(grep -E '^load_rc=' "$env0")"; return 1; }
	grep -qx 'exec_rc=28' "$env0" ||
		{ echo "# reboot(KEXEC) of the image without a segment was not refused with ENOSPC"; return 1; }
	console_by_kernel "$EXEC_MSG" | grep -q '^kernel 0:' ||
		{ echo "# hop 0 did not say at execute: $EXEC_MSG"; return 1; }
	grep -qx 'reload_rc=0' "$env0" ||
		{ echo "# the kexec_load fallback failed: $(grep -E '^reload_rc=' "$env0")"; return 1; }
	expect_earlier_records_missing || return 1
	echo "# loaded without a segment, exec refused with ENOSPC; the kexec_load fallback carried nothing, and the verifier says so"
}
