DESC="kexec -l (the kexec_load syscall) carries no list: the next kernel starts afresh, PCR 10 does not, the verifier reports earlier records missing"
# Hop 0 loads hop 1 with kexec-tools' plain "kexec -l" (ikx.loader=
# kexec-tools-legacy, tests/guest/init): the kexec_load syscall has no
# measurement segment, so hop 1's list starts at its own boot_aggregate
# while PCR 10 still holds every extend of hop 0. The evidence must be
# rejected, for that reason and no other.
# Since "ima: kexec: say when a kexec_load image drops the
# list, refuse it if strict" (6.12: 0014, 7.2: 0018) the kernel also warns at
# execute that the image was "loaded with kexec_load" (checked below).
ARCHS="x86_64"
HOPS=1
PRE=5
POST=5
APPEND_0="ikx.loader=kexec-tools-legacy"
EXPECT_VERIFY=fail
check() {
	local env0=$RESULT_DIR/share/hop-0.env list=$RESULT_DIR/share/evidence/ascii_runtime_measurements
	local json=$RESULT_DIR/share/ima-verify.json out
	grep -qx 'loader=kexec-tools-legacy' "$env0" && grep -qx 'load_rc=0' "$env0" ||
		{ echo "# hop 0 did not load with kexec -l ($(grep -E '^(loader|load_rc|load_err)=' "$env0" | tr '\n' ' '))"; return 1; }
	# Hop 1 holds its own list only: one boot_aggregate, nothing of hop 0,
	# no restore of any kind.
	[ "$(grep -c ' boot_aggregate$' "$list")" = 1 ] ||
		{ echo "# $(grep -c ' boot_aggregate$' "$list") boot_aggregate entries: something was handed over"; return 1; }
	! grep -q '/x/h0-' "$list" || { echo "# hop 0's files are in hop 1's list"; return 1; }
	! grep -qE ' kexec_(restored|restore_failed) ' "$list" ||
		{ echo "# hop 1 measured a restore event"; return 1; }
	# The quote itself is sound: only the list does not explain PCR 10.
	verify_with_checkquote "$RESULT_DIR/share/evidence" "$(cat "$RESULT_DIR/nonce.expected")" |
		sed 's/^/# /'
	[ "${PIPESTATUS[0]}" = 0 ] || { echo "# the quote does not verify"; return 1; }
	# ima-verify's verdict: earlier records missing (exit 15), or the PCR
	# mismatch (exit 11) with the finding that a kexec'd kernel's earlier
	# records are missing (ima-verify.1, HAND-OVER CHECKS), and no other
	# kind of finding.
	out=$(python3 - "$json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
f = r.get("findings", [])
kinds = sorted({x["kind"] for x in f})
missing = [x for x in f if x["kind"] == "earlier-records-missing" or
           (x["kind"] == "pcr-mismatch" and "earlier records are missing" in x["message"])]
other = [k for k in kinds if k not in ("pcr-mismatch", "earlier-records-missing")]
print("findings: %s" % ", ".join(kinds))
for x in missing[:1]:
    print("finding: %s (%d): %s" % (x["kind"], x["code"], x["message"]))
sys.exit(0 if missing and not other else 1)
PY
) || { echo "# ima-verify did not report exactly the missing earlier records:"; echo "$out" | sed 's/^/#   /'; return 1; }
	echo "$out" | sed 's/^/# /'
	grep -qE '^ima-verify: [A-Za-z-]+ \(exit (11|15)\)' "$RESULT_DIR/share/ima-verify.txt" ||
		{ echo "# ima-verify: $(head -1 "$RESULT_DIR/share/ima-verify.txt"), expected exit 15 or 11"; return 1; }
	# Pending kernel change: the execute of a kexec_load image is named.
	grep -q 'loaded with kexec_load' "$RESULT_DIR/console.log" ||
		{ echo "# hop 0 did not warn at execute that the image was loaded with kexec_load (patch 0013)"; return 1; }
	grep 'loaded with kexec_load' "$RESULT_DIR/console.log" | head -1 | sed 's/^/# console: /'
	echo "# kexec_load carried nothing, and the verifier says so"
}
