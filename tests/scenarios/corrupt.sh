DESC="hand-over damaged at execute (fault injection): nothing restored, the failure is measured, the verifier rejects"
HOPS=1
PRE=5
POST=5
# Needs CONFIG_IMA_KEXEC_FAULT_INJECTION=y in the test kernel.
APPEND_0="ima_kexec_fault=corrupt"
# The hop-0 measurements are in PCR 10 but not in the list: replay must fail.
EXPECT_VERIFY=fail
check() {
	local list=$RESULT_DIR/share/evidence/ascii_runtime_measurements
	expect_console 'fault injection' "hop 0 did not inject the fault (CONFIG_IMA_KEXEC_FAULT_INJECTION?)" &&
	expect_console 'measurement list not restored' "hop 1 did not report the failed restore" ||
		return 1
	grep -q 'kexec_restore_failed' "$list"* ||
		{ echo "# no kexec_restore_failed event in the list"; return 1; }
	! grep -q 'h0-' "$list"* ||
		{ echo "# entries of hop 0 were restored from a damaged hand-over"; return 1; }
	[ "$(grep -c boot_aggregate "$list")" = 1 ] ||
		{ echo "# partial list: more than one boot_aggregate"; return 1; }
	echo "# damaged hand-over: nothing restored, kexec_restore_failed measured"
}
