#!/bin/bash
# Run the libFuzzer targets from seeds made of the fixtures.
#   tests/fuzz.sh short   a few seconds each, TAP lines (make check)
#   tests/fuzz.sh long    FUZZ_SECONDS each (make fuzz), corpus kept
# A crash, leak or sanitizer report fails the target; the input is kept in
# tests/out/fuzz/ for reproduction (./fuzz/fuzz_X FILE).
set -u
mode=${1:-short}
secs=${FUZZ_SECONDS:-300}
[ "$mode" = short ] && secs=${FUZZ_SHORT_SECONDS:-6}
FX=tests/fixtures/swtpm-mix
OUT=tests/out/fuzz
mkdir -p $OUT/corpus-log $OUT/corpus-quote $OUT/corpus-pcrs \
	$OUT/corpus-kexec_event $OUT/artifacts

# Seeds: list prefixes (one byte of options first), quotes, PCR files.
seed_log() {	# name option-byte file bytes
	{ printf "\\x$2"; head -c "$4" "$3"; } > $OUT/corpus-log/seed-$1
}
seed_log sha1 00 $FX/binary_runtime_measurements 3000
seed_log sha256 80 $FX/binary_runtime_measurements_sha256 3000
seed_log gen 00 tests/out/cli/gen-mix/binary_runtime_measurements 4000 2>/dev/null
seed_log be 02 tests/out/cli/gen-be/binary_runtime_measurements 4000 2>/dev/null
seed_quote() {	# name msg sig key [pcrs]
	python3 - "$OUT/corpus-quote/seed-$1" "$2" "$3" "$4" "${5:-}" <<'PY'
import struct, sys
out, *files = sys.argv[1:]
blobs = [open(f, 'rb').read() if f else b'' for f in files]
hdr = struct.pack('<HHH', len(blobs[0]), len(blobs[1]), len(blobs[2]))
open(out, 'wb').write(hdr + b''.join(blobs))
PY
}
seed_quote rsa $FX/quote.msg $FX/quote.sig $FX/ak.pub $FX/quote.pcrs
seed_quote pem $FX/quote.msg $FX/quote.sig $FX/ak.pem
seed_quote pss $FX/quote-pss.msg $FX/quote-pss.sig $FX/ak-pss.pub
seed_quote ecc $FX/quote-ecc.msg $FX/quote-ecc.sig $FX/ak-ecc.pub
cp $FX/pcrs-sha1.txt $OUT/corpus-pcrs/seed-txt
cp $FX/pcrread.yaml $OUT/corpus-pcrs/seed-yaml
cp $FX/quote.sel $OUT/corpus-pcrs/seed-sel
# Boundary event texts: kind byte (1 load .. 4 failed), then the text.
seed_kx() {	# name kind text
	{ printf "\\x0$2"; printf '%s' "$3"; } > $OUT/corpus-kexec_event/seed-$1
}
seed_kx mainline 1 "kexec_segment_size=1048576;ima_binary_runtime_size=9436;ima_runtime_measurements_count=81;"
seed_kx series 2 "kexec_segment_size=4096;ima_binary_runtime_size=100;ima_runtime_measurements_count=3;hop=2;x=y;"
seed_kx restored 3 "hop=3;restored_entries=250;segment_size=1048576;format=v1+ext;"
seed_kx failed 4 "hop=4;error=-74;segment_size=8192;reason=payload digest mismatch;"
seed_kx old-exec 2 "hop=1 entries=81 list_bytes=13576 segment_bytes=1048576 kernel_sha256=58e4b46ea44ca943fe36d3adabbdff70562a56dac6f1bcdde41fea161b4353d3"
seed_kx old-restored 3 "hop=1 entries=82 segment_bytes=1048576 restore_us=42"
seed_kx old-failed 4 "hop=2 error=-74 segment_bytes=8192 reason=payload digest mismatch (v2)"
# Lists with boundary events in each form, for the list target.
seed_log gen-series 00 tests/out/cli/gen-kx-series/binary_runtime_measurements 6000 2>/dev/null
seed_log gen-old 00 tests/out/cli/gen-kx-old/binary_runtime_measurements 6000 2>/dev/null

status=0
for t in log quote pcrs kexec_event; do
	log=$OUT/fuzz_$t.log
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 \
	./fuzz/fuzz_$t -max_total_time=$secs -timeout=10 -rss_limit_mb=1024 \
		-max_len=8192 -artifact_prefix=$OUT/artifacts/$t- \
		$OUT/corpus-$t > $log 2>&1
	rc=$?
	runs=$(grep -o 'Done [0-9]* runs' $log | grep -o '[0-9]*')
	if [ $rc = 0 ]; then
		echo "ok - fuzz_$t: ${runs:-?} runs in ${secs}s, no findings"
	else
		echo "not ok - fuzz_$t: exit $rc after ${runs:-?} runs (see $log)"
		grep -E 'ERROR|SUMMARY|runtime error' $log | head -5 | sed 's/^/# /'
		status=1
	fi
done
exit $status
