# Host-side verdict on an evidence directory (layout: tests/guest/init).
# Source, then: verify_evidence DIR NONCE [quote|pcrs|list]. Prints "# ..."
# diagnostics and returns non-zero on any failed check. Three independent
# opinions: tools/ima-verify (every bank + quote + boot chain), evmctl
# (replay of the SHA-1 list into the sha1 and sha256 banks) and
# tpm2_checkquote (the quote's signature and nonce, and the quoted PCRs
# against the evidence). "pcrs": evidence without a quote (a big-endian
# last hop, tests/guest/ikx-hop.c): the lists against the PCRs the
# kernel read, no tpm2_checkquote. "list": no TPM at all (TPM=none,
# tests/run-scenario): the lists checked alone.

IMA_VERIFY=${IMA_VERIFY:-$(dirname "${BASH_SOURCE[0]}")/../../tools/ima-verify/ima-verify}

banks_in() { ls "$1"/pcrs-*.txt 2>/dev/null | sed 's/.*pcrs-\(.*\)\.txt/\1/'; }

verify_with_ima_verify() {	# dir nonce
	if [ ! -x "$IMA_VERIFY" ]; then
		echo "ima-verify: $IMA_VERIFY not built (make verifier)"
		return 1
	fi
	# The text report, and the same as JSON for a fleet verifier, in one run.
	"$IMA_VERIFY" --evidence "$1" --nonce "$2" --json-out "$1/../ima-verify.json" \
		> "$1/../ima-verify.txt" 2>&1
	local rc=$?
	sed 's/^/ima-verify: /' "$1/../ima-verify.txt" | tail -n 40
	echo "ima-verify: exit $rc"
	return $rc
}

verify_with_evmctl() {	# dir
	local args=() b out list=$1/binary_runtime_measurements parts=() n=1
	# evmctl reads a binary list in the host's byte order only; ima-verify
	# (which ran first) says which order the list is in.
	if grep -q '"byte_order": *"big-endian"' "$1/../ima-verify.json" 2>/dev/null; then
		echo "evmctl: reads little-endian lists only; this one is big-endian (no opinion)"
		return 0
	fi
	for b in sha1 sha256; do
		[ -f "$1/pcrs-$b.txt" ] && args+=(--pcrs "$b,$1/pcrs-$b.txt")
	done
	# Exported parts (exported-1, ...) precede the list: the binary lists
	# are records end to end, so evmctl replays their concatenation.
	while [ -f "$1/exported-$n" ]; do parts+=("$1/exported-$n"); n=$((n + 1)); done
	if [ ${#parts[@]} -gt 0 ]; then
		cat "${parts[@]}" "$list" > "$1/../evmctl-whole-list"
		list=$1/../evmctl-whole-list
	fi
	out=$(evmctl ima_measurement "${args[@]}" "$list" 2>&1)
	if grep -q 'Matched per TPM bank calculated digest' <<<"$out"; then
		echo "evmctl: sha1+sha256 replay${parts:+ of ${#parts[@]} exported part(s) and the list} matches the TPM"
		return 0
	fi
	# evmctl 1.4 refuses lists mixing the legacy "ima" template with any
	# other, and a kexec chain always mixes (kexec-cmdline and the kexec
	# boundary events are ima-buf): no opinion then, ima-verify still
	# replays every bank.
	if grep -q 'Mixed measurement list containing "ima"' <<<"$out"; then
		echo "evmctl: declines lists mixing the legacy ima template (no opinion)"
		return 0
	fi
	echo "evmctl: replay does NOT match the TPM:"
	grep -iE 'mismatch|error|fail|invalid' <<<"$out" | head -5 | sed 's/^/evmctl:   /'
	return 1
}

verify_with_checkquote() {	# dir nonce
	local d=$1 out b i want got bad=0
	out=$(tpm2_checkquote -u "$d/ak.pem" -m "$d/quote.msg" -s "$d/quote.sig" \
		-f "$d/quote.pcrs" -g sha256 -q "$2" 2>&1) || {
		echo "tpm2_checkquote: quote does NOT verify:"
		grep -iE 'error|fail|mismatch' <<<"$out" | head -5 | sed 's/^/tpm2_checkquote:   /'
		return 1
	}
	# The quoted PCR values must be the ones the replay was checked against.
	for b in $(banks_in "$d"); do
		for i in 0 1 2 3 4 5 6 7 8 9 10; do
			want=$(sed -n "s/^PCR-$(printf %02d $i): //p" "$d/pcrs-$b.txt")
			got=$(awk -v b="$b:" -v i="$i" '
				$1 == b { inb = 1; next }
				/^  [a-z]/ { inb = 0 }
				inb && match($0, /^ +[0-9]+ *: *0x/) {
					split($0, f, /:/); sub(/^ +/, "", f[1]); sub(/ +$/, "", f[1])
					v = f[2]; gsub(/[ ]|0x/, "", v)
					if (f[1] == i) print tolower(v)
				}' <<<"$out")
			if [ "$want" != "$got" ]; then
				echo "tpm2_checkquote: $b PCR $i quoted $got, evidence $want"
				bad=1
			fi
		done
	done
	[ $bad = 0 ] && echo "tpm2_checkquote: signature, nonce and PCRs 0-10 of $(banks_in "$d" | tr '\n' ' ')verified"
	return $bad
}

verify_evidence() {	# dir nonce [quote|pcrs|list]
	local rc=0 mode=${3:-quote}
	[ -s "$1/binary_runtime_measurements" ] || { echo "no measurement list in $1"; return 1; }
	if [ "$mode" = list ]; then
		# No TPM: every entry's template digest and the hand-overs are
		# all there is to check, and ima-verify says so with exit 1 (a
		# real finding outranks it); PCRs or a quote must not be there.
		[ -z "$(banks_in "$1")" ] && [ ! -e "$1/quote.msg" ] ||
			{ echo "EVIDENCE=list: PCR files or a quote in $1"; return 1; }
		verify_with_ima_verify "$1" "$2"
		rc=$?
		[ $rc = 1 ] || { echo "EVIDENCE=list: ima-verify exit $rc, expected 1 (consistent, no PCR evidence)"; return 1; }
		echo "no TPM (EVIDENCE=list): the lists are consistent, with nothing to replay them against"
		return 0
	fi
	verify_with_ima_verify "$1" "$2" || rc=1
	verify_with_evmctl "$1" || rc=1
	if [ "$mode" = pcrs ]; then
		# Nothing to check a quote against would pass silently: there
		# must be none, and the PCRs must be there.
		[ ! -e "$1/quote.msg" ] && [ -n "$(banks_in "$1")" ] ||
			{ echo "EVIDENCE=pcrs: expected PCR files and no quote in $1"; return 1; }
		echo "no quote (EVIDENCE=pcrs): the lists replayed against PCRs of $(banks_in "$1" | tr '\n' ' ')as the kernel read them"
	else
		verify_with_checkquote "$1" "$2" || rc=1
	fi
	return $rc
}

# expect_console PATTERN WHY: the serial console (all kernels of the
# chain) has a line matching the extended regular expression PATTERN;
# otherwise says "# WHY" and fails.
expect_console() {
	# (grep reads it all: an early exit would kill awk, failing the
	# pipeline under pipefail)
	console_outside_kunit | grep -aE "$1" > /dev/null && return 0
	echo "# $2"
	return 1
}

# expect_restore_refused REASON: a receiver of the 7.2 series refused the
# hand-over whole: it logged the failed restore, kept nothing of the list
# before (one boot_aggregate), measured kexec_restore_failed as the
# record after its boot aggregate, and ima-verify names REASON.
expect_restore_refused() {
	local list=$RESULT_DIR/share/evidence/ascii_runtime_measurements
	expect_console 'Failed to restore the measurement list: -22' "the receiver did not refuse the list" ||
		return 1
	[ "$(grep -c boot_aggregate "$list")" = 1 ] ||
		{ echo "# $(grep -c boot_aggregate "$list") boot_aggregate entries: a part of the list handed over was kept"; return 1; }
	[ "$(awk 'NR == 2 { print $5 }' "$list")" = kexec_restore_failed ] ||
		{ echo "# kexec_restore_failed is not the record after the boot aggregate"; return 1; }
	grep -q "$1" "$RESULT_DIR/share/ima-verify.txt" ||
		{ echo "# ima-verify does not name the reason, $1"; return 1; }
	echo "# the receiver refused the hand-over whole and measured why: $1"
}

# For a scenario's check(): the final list records exactly N hand-overs
# (one kexec_execute event per hop) and no failed restore.
expect_handovers() {	# count
	local list=$RESULT_DIR/share/evidence/ascii_runtime_measurements n
	n=$(grep -c 'kexec_execute' "$list")
	[ "$n" = "$1" ] || { echo "# $n kexec_execute events, expected $1"; return 1; }
	! grep -q 'kexec_restore_failed' "$list" || { echo "# a restore failed"; return 1; }
	echo "# $1 hand-overs, $(wc -l < "$list") entries, no failed restore"
}

# The serial console without the KTAP blocks of the KUnit suites: they
# feed the restore parser damaged buffers on purpose, and the kernel logs
# each refusal there as it would a real one.
console_outside_kunit() {
	tr -d '\r' < "$RESULT_DIR/console.log" | awk '
		/^    # Subtest: / { in_suite = 1; next }
		in_suite && /^(not )?ok [0-9]+ / { in_suite = 0; next }
		!in_suite'
}

# expect_no_restore_failure WHO: fails, quoting the console, when a kernel
# of the chain (WHO, for the message) logged that it could not restore the
# hand-over: how an unpatched receiver refuses a list it cannot read.
expect_no_restore_failure() {
	local pat='incompatible measurement list|Failed to restore the measurement list' found
	found=$(console_outside_kunit | grep -aE "$pat")
	[ -n "$found" ] || return 0
	echo "# $1 rejected the hand-over:"
	sed 's/^/#   /' <<<"$found"
	return 1
}

# For a chain across kernels (KERNELS): every kernel's list begins with all
# that the kernel before it held when it jumped. The list the last kernel
# holds has one boot_aggregate per kernel; before the boot_aggregate of
# hop N+1 stand the entries handed over by hop N, at least as many as hop
# N counted just before kexec -e (hop-N.env; a sending kernel of the
# series adds its kexec_execute event after that count), down to hop N's
# last measured file. Prints one line per hand-over.
expect_chain_intact() {
	local list=$RESULT_DIR/share/evidence/ascii_runtime_measurements
	local h n at handed kinds last bad=0
	n=$(awk '$5 == "boot_aggregate"' "$list" | wc -l)
	[ "$n" = $((HOPS + 1)) ] ||
		{ echo "# $n boot_aggregate entries, expected one per kernel ($((HOPS + 1))): a list was lost"; bad=1; }
	if grep -q 'kexec_restore_failed' "$list"; then
		echo "# a restore failed (kexec_restore_failed)"; bad=1
	fi
	read -ra kinds <<<"${KERNELS:-}"
	for ((h = 0; h < HOPS; h++)); do
		at=$(sed -n 's/^entries_before_exec=//p' "$RESULT_DIR/share/hop-$h.env")
		# Line number of the boot_aggregate of hop h+1, minus one.
		handed=$(awk -v k=$((h + 2)) '$5 == "boot_aggregate" && ++n == k { print NR - 1; exit }' "$list")
		if [ -z "$handed" ] || [ -z "$at" ] || [ "$handed" -lt "$at" ]; then
			echo "# hop $h -> $((h + 1)): ${handed:-no} entries before the next boot_aggregate, hop $h held ${at:-?} at kexec -e"
			bad=1; continue
		fi
		# Hop h's last file, in the part handed over (the last one
		# before the load when none follows it).
		last=/x/h$h-post-$((POST - 1))
		[ "$POST" -gt 0 ] || last=/x/h$h-pre-$((PRE - 1))
		# (awk, not head | grep -q: under pipefail, head killed by
		# SIGPIPE when grep stops early fails the pipeline)
		if ! awk -v n="$handed" -v f="$last" 'NR <= n && $5 == f { found = 1; exit }
			END { exit !found }' "$list"; then
			echo "# hop $h -> $((h + 1)): $last not handed over"; bad=1; continue
		fi
		echo "# hop $h (${kinds[h]:-ours}) -> hop $((h + 1)) (${kinds[h + 1]:-ours}): $handed entries handed over and restored (hop $h held $at at kexec -e)"
	done
	return $bad
}

# For a scenario that fails hop 0's second load by fault injection
# (post-load-failed.guest.sh): that load failed with ENOMEM, the failure
# was the one injected, under FUNCTION (verbose=2 dumps the stack of the
# failed allocation), and hop 0 did not crash.
expect_reload_failed_in() {	# function
	local env0=$RESULT_DIR/share/hop-0.env crash dump
	grep -qx 'reload_rc=12' "$env0" ||
		{ echo "# the second load did not fail with ENOMEM: $(grep -E '^(reload_rc|fault_range)=' "$env0" | tr '\n' ' ')"; return 1; }
	# (read whole first: grep -q ending a pipeline early fails it under
	# pipefail)
	dump=$(console_outside_kunit | grep -aA40 'FAULT_INJECTION: forcing a failure')
	grep -q "[ .]$1+0x" <<<"$dump" ||
		{ echo "# no injected allocation failure under $1 on the console"; return 1; }
	crash=$(console_by_kernel 'BUG: |Oops|Unable to handle|Kernel panic' | grep '^kernel 0:')
	[ -z "$crash" ] || { echo "# hop 0 crashed:"; echo "$crash" | head -5 | sed 's/^/#   /'; return 1; }
	echo "# the second load failed with ENOMEM, injected under $1"
}

# For a scenario's check(): each hop named restored the hand-over it
# received with the extension, under its own number (kexec_restored).
expect_restored_with_extension() {	# hop...
	local h r
	for h in "$@"; do
		r=$(event_texts "$h" kexec_restored)
		grep -qE "^kexec_restored hop=$h;restored_entries=[0-9]+;segment_size=[0-9]+;format=v1\+ext;\$" <<<"$r" ||
			{ echo "# hop $h did not restore with the extension: ${r:-no kexec_restored}"; return 1; }
	done
}

# For a scenario's check(): hop N ran on the machine named Nth (uname -m,
# as hop-N.env notes it: ppc64le or ppc64, say).
expect_machines() {	# machine-of-hop-0...
	local h=0 m got
	for m in "$@"; do
		got=$(sed -n 's/^machine=//p' "$RESULT_DIR/share/hop-$h.env")
		[ "$got" = "$m" ] || { echo "# hop $h ran on ${got:-?}, not $m"; return 1; }
		h=$((h + 1))
	done
}

# For a scenario whose loops say "ikx: ran FILE" on the console once FILE
# has run (race.guest.sh): every such file is in the final list. One that
# is missing was used while measurement was suspended, its measurement
# dropped.
expect_ran_files_measured() {
	local list=$RESULT_DIR/share/evidence/ascii_runtime_measurements
	local ran=$RESULT_DIR/ran-files unmeasured=$RESULT_DIR/ran-unmeasured n m
	sed -n 's/\r$//; s/.*ikx: ran \(\/x\/[A-Za-z0-9_-]*\)$/\1/p' "$RESULT_DIR/console.log" |
		sort -u > "$ran"
	n=$(wc -l < "$ran")
	[ "$n" -gt 0 ] || { echo "# no file reported that it ran"; return 1; }
	awk 'NR == FNR { listed[$5] = 1; next } !($0 in listed)' "$list" "$ran" > "$unmeasured"
	m=$(wc -l < "$unmeasured")
	if [ "$m" -gt 0 ]; then
		head -n 5 "$unmeasured" | sed 's/^/# ran, but not in the final list: /'
		echo "# $m of $n files that ran are not in the list"
		return 1
	fi
	echo "# all $n files that ran are in the list"
}

# The part of the final list that hop N (0-based) added itself: from its
# boot_aggregate to the next one; BANK picks that bank's list
# (ascii_runtime_measurements_BANK) instead of the default one.
hop_part() {	# hop [bank]
	awk -v k=$(($1 + 1)) '$5 == "boot_aggregate" { n++ } n == k' \
		"$RESULT_DIR/share/evidence/ascii_runtime_measurements${2:+_$2}"
}

# For a scenario's check(): ima-verify replayed every bank named (its text
# report's "banks replayed:" line), not only the pair evmctl covers.
expect_banks_replayed() {	# bank...
	local rep=$RESULT_DIR/share/ima-verify.txt got b
	got=" $(sed -n 's/^banks replayed: //p' "$rep" 2>/dev/null | head -1) "
	for b in "$@"; do
		case "$got" in *" $b "*) ;; *)
			echo "# ima-verify did not replay the $b bank (replayed:$got)"; return 1 ;;
		esac
	done
	echo "# ima-verify replayed:$got"
}

# The console lines of each kernel of the chain matching an extended
# regular expression, "kernel N: LINE" (a kernel's log starts at its
# "Linux version" banner; kernel N is hop N).
console_by_kernel() {	# regex
	awk -v re="$1" '/Linux version [0-9]/ { k++ } k && $0 ~ re { sub(/\r$/, ""); print "kernel " k - 1 ": " $0 }' \
		"$RESULT_DIR/console.log"
}

# The text of the ima-buf records (the buffer is the last field, in hex)
# named NAME... that hop N (0-based) measured, one line each: "NAME TEXT".
event_texts() {	# hop name...
	local hop=$1
	shift
	hop_part "$hop" | awk -v names=" $* " '$3 == "ima-buf" && index(names, " " $5 " ") { print $5, $6 }' |
		while read -r name hex; do
			echo "$name $(printf '%s' "$hex" | perl -ne 's/([0-9a-fA-F]{2})/chr hex $1/ge; tr|\0||d; print')"
		done
}

# The kexec boundary events (kexec_load, kexec_execute) of hop N. Both
# texts start "kexec_segment_size=" (the series' once started "hop=");
# only the series' has a hop= key.
kexec_event_texts() {	# hop
	event_texts "$1" kexec_load kexec_execute
}

# A list that was not handed over from hop 0 to hop 1: hop 1 holds its own
# list only (one boot_aggregate, nothing of hop 0's files, no restore
# event) while PCR 10 holds every extend before it. The quote itself
# verifies; ima-verify reports the earlier records missing (exit 15), or
# the PCR mismatch (exit 11) with the finding that a kexec'd kernel's
# earlier records are missing (ima-verify.1, HAND-OVER CHECKS), and no
# other kind of finding.
expect_earlier_records_missing() {
	local list=$RESULT_DIR/share/evidence/ascii_runtime_measurements
	local json=$RESULT_DIR/share/ima-verify.json out
	[ "$(grep -c ' boot_aggregate$' "$list")" = 1 ] ||
		{ echo "# $(grep -c ' boot_aggregate$' "$list") boot_aggregate entries: something was handed over"; return 1; }
	! grep -q '/x/h0-' "$list" || { echo "# hop 0's files are in hop 1's list"; return 1; }
	! grep -qE ' kexec_(restored|restore_failed) ' "$list" ||
		{ echo "# hop 1 measured a restore event"; return 1; }
	verify_with_checkquote "$RESULT_DIR/share/evidence" "$(cat "$RESULT_DIR/nonce.expected")" |
		sed 's/^/# /'
	[ "${PIPESTATUS[0]}" = 0 ] || { echo "# the quote does not verify"; return 1; }
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
}
