# As segment-too-large, in carry mode: the execute goes on, hands nothing
# over and says so ("the next kernel starts without the N measurements of
# this one"; unpatched 7.2 says nothing at execute: its reboot notifier is
# registered only for a mapped segment).
. "$(dirname "${BASH_SOURCE[0]}")/segment-too-large.sh"
DESC="a list too large for any segment at load, ima_kexec_overflow=carry: the image loads without one and the kexec goes on, saying so; the next kernel starts afresh and the verifier names the missing records"
APPEND_0="ima_kexec_extra_memory=1G ima_kexec_overflow=carry"
GUEST_HOOK=
EXEC_MSG="has no measurement segment: the next kernel starts without the"
check() {
	local env0=$RESULT_DIR/share/hop-0.env
	console_by_kernel "$LOAD_MSG" | grep -q '^kernel 0:' ||
		{ echo "# hop 0 did not say at load: $LOAD_MSG"; return 1; }
	! grep -q '^exec_rc=' "$env0" ||
		{ echo "# the exec failed: $(grep -E '^exec_rc=' "$env0")"; return 1; }
	console_by_kernel "$EXEC_MSG" | grep -q '^kernel 0:' ||
		{ echo "# hop 0 did not say at execute: $EXEC_MSG"; return 1; }
	expect_earlier_records_missing || return 1
	echo "# loaded without a segment, the kexec went on and said so; the verifier names the missing records"
}
