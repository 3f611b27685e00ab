DESC="a custom template equal to a built-in one (ima_template_fmt=d-ng|n-ng): the receiver renames its entries ima-ng, the verifier still checks the sender's sizes"
# Hop 0 lists every entry under the format string "d-ng|n-ng" (9 bytes);
# hop 1 finds the built-in ima-ng by that format and restores them as
# "ima-ng" (6 bytes), so its list is 3 bytes shorter per entry than the
# ima_binary_runtime_size the sender's kexec_load and kexec_execute
# measured.  ima-verify must accept exactly that difference (it reported
# handover-count-mismatch, exit 17, before), and still the PCRs.
ARCHS="x86_64"
HOPS=1
PRE=20
POST=0
KERNELS="ours ours"
APPEND_0="ima_template_fmt=d-ng|n-ng"
check() {
	local list=$RESULT_DIR/share/evidence/ascii_runtime_measurements
	expect_no_restore_failure "hop 1" || return 1
	# hop 0's files come back renamed: none is listed under the format
	grep -q ' d-ng|n-ng ' "$list" &&
		{ echo "# entries still listed as d-ng|n-ng: the receiver did not rename, the case is not tested"; return 1; }
	grep -q ' ima-ng .*/x/h0-pre-0$' "$list" ||
		{ echo "# hop 0's first file is not in the list as ima-ng"; return 1; }
	expect_chain_intact
}
