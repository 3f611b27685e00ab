#!/bin/bash
# make bench: ima-verify against evmctl and against the raw OpenSSL hash
# limit, on synthetic ima-ng lists of 100k and 1M entries, banks sha1 +
# sha256 (the two evmctl replays).  Prints times and ratios from one bench
# run, the tools' runs interleaved so both see the same load; not a test:
# the closing line says whether ima-verify is 10x evmctl, by ratio only.
#   BENCH_DIR (default /tmp/ima-verify-bench), BENCH_SIZES ("100000 1000000"),
#   BENCH_REPEAT (5)
set -eu
cd "$(dirname "$0")/.."
dir=${BENCH_DIR:-/tmp/ima-verify-bench}
sizes=${BENCH_SIZES:-100000 1000000}
repeat=${BENCH_REPEAT:-5}
mkdir -p "$dir"
cc -O2 -std=c11 -D_GNU_SOURCE -Isrc -o "$dir/hashlimit" bench/hashlimit.c \
	libimaverify.a -lcrypto -pthread
cc -O2 -std=c11 -D_GNU_SOURCE -o "$dir/timeit" bench/timeit.c

# once NAME command...: "NAME wall cpu" seconds of one run, output discarded.
once() {
	local name=$1
	shift
	echo "$name $("$dir/timeit" "$@")"
}

# least NAME: the least wall and the least cpu of NAME's runs in $dir/runs:
# the machine is shared, and the least is the run disturbed least.
least() {
	awk -v n="$1" '$1 == n && (!s || $2 < w) { w = $2 }
		       $1 == n && (!s++ || $3 < c) { c = $3 }
		       END { printf "%.4f %.4f\n", w, c }' "$dir/runs"
}

ratio() { echo "$1 / $2" | bc -l; }
per_entry() { echo "1000000000 * $1 / $2" | bc -l; }	# ns

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs (other work competes)"
printf '%-8s %4s | %-15s | %-15s | %-15s | %-13s\n' entries MB \
	"ima-verify" "--threads 1" "evmctl" "hash limit"
printf '%-8s %4s | %-15s | %-15s | %-15s | %-13s\n' "" "" \
	"wall / cpu s" "wall / cpu s" "wall / cpu s" "wall / cpu s"
results=
for n in $sizes; do
	d=$dir/n$n
	if [ ! -f "$d/binary_runtime_measurements" ]; then
		mkdir -p "$d"
		./tests/gen-list -n "$n" -t ima-ng "$d"
	fi
	list=$d/binary_runtime_measurements
	iv=(./ima-verify --log "$list" --pcrs "sha1:$d/pcrs-sha1.txt"
	    --pcrs "sha256:$d/pcrs-sha256.txt")
	ev=(evmctl ima_measurement --pcrs "sha1,$d/pcrs-sha1.txt"
	    --pcrs "sha256,$d/pcrs-sha256.txt" "$list")
	# Warm the page cache, and make sure both verdicts are right.
	"${iv[@]}" > "$d/verdict.txt" ||
		{ echo "ima-verify did not verify $list"; cat "$d/verdict.txt"; exit 1; }
	grep -q "template digests: 0 mismatching" "$d/verdict.txt" ||
		{ echo "ima-verify did not check the template digests"; exit 1; }
	"${ev[@]}" 2>&1 | grep -q "Matched per TPM bank" ||
		{ echo "evmctl did not match $list"; exit 1; }
	: > "$dir/runs"
	for i in $(seq "$repeat"); do
		once iv "${iv[@]}" >> "$dir/runs"
		once ev "${ev[@]}" >> "$dir/runs"
		once iv1 "${iv[@]}" --threads 1 >> "$dir/runs"
		# hashlimit times its hashing loops alone (data in memory).
		"$dir/hashlimit" "$list" sha1,sha256 2>/dev/null |
			awk '{ print "hl", $1, $2; print "evp", $3, $4 }' \
			>> "$dir/runs"
	done
	read -r iv_w iv_c < <(least iv)
	read -r iv1_w iv1_c < <(least iv1)
	read -r ev_w ev_c < <(least ev)
	read -r hl_w hl_c < <(least hl)
	read -r evp_w evp_c < <(least evp)
	mb=$(( $(stat -c %s "$list") / 1000000 ))
	printf '%-8s %4s | %6.3f / %6.3f | %6.3f / %6.3f | %6.3f / %6.3f | %5.3f / %5.3f\n' \
		"$n" "$mb" "$iv_w" "$iv_c" "$iv1_w" "$iv1_c" "$ev_w" "$ev_c" \
		"$hl_w" "$hl_c"
	results+=$(printf '%-8s | %5.1fx / %5.1fx | %5.1fx / %5.1fx | %4.0f%% / %4.0f%% | %6.0f %6.0f %6.0f %6.0f %6.0f\n' \
		"$n" "$(ratio "$ev_w" "$iv_w")" "$(ratio "$ev_c" "$iv_c")" \
		"$(ratio "$ev_w" "$iv1_w")" "$(ratio "$ev_c" "$iv1_c")" \
		"$(echo "100 * $hl_w / $iv1_w" | bc -l)" \
		"$(echo "100 * $hl_c / $iv1_c" | bc -l)" \
		"$(per_entry "$iv_c" "$n")" "$(per_entry "$iv1_c" "$n")" \
		"$(per_entry "$ev_c" "$n")" "$(per_entry "$hl_c" "$n")" \
		"$(per_entry "$evp_c" "$n")")$'\n'
done
read -r load1 _ < /proc/loadavg
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$(echo "$load1 >= $(nproc) - 1" | bc)" = 1 ] &&
	echo "(so ima-verify's second thread has no CPU of its own: its wall ratio understates an idle machine)"
echo
printf '%-8s | %-15s | %-15s | %-13s | %s\n' entries "x evmctl" \
	"x evmctl" "hash limit" "CPU ns per entry"
printf '%-8s | %-15s | %-15s | %-13s | %6s %6s %6s %6s %6s\n' "" \
	"wall / cpu" "1 thread" "% of 1 thread" iv iv-t1 evmctl limit EVP
printf '%s' "$results"
echo
awk -F'|' 'NF { split($2, r, "x"); if (r[1] + 0 < 10) short = short " " $1 + 0 }
	   END { if (short == "") print "10x evmctl (wall): reached at every size";
		 else print "10x evmctl (wall): not reached at" short }' <<< "$results"
cat <<EOT

Least of $repeat runs each, ima-verify, evmctl and the hash limit taking turns.
Both tools read the sha1 list and replay banks sha1 and sha256 against
the same PCR files.  Per entry, ima-verify: SHA-1 and SHA-256 of the raw
template data (the SHA-1 compared with the listed digest), one extend per
bank, the template fields parsed and checked, boot/kexec chain tracking,
a PCR comparison per bank.  evmctl: SHA-1 of the template data twice (one
per bank replay, one compared with the listed digest), SHA-256 once, two
extends per bank (per-bank and zero-padded SHA-1 replays), every
non-zero replayed PCR compared after every entry; the template fields are
split for display, not checked.
hash limit: one thread hashing exactly the replay (template digest +
extend per entry and bank) on data already in memory, through OpenSSL's
SHA*_ calls as ima-verify does; EVP: the same through EVP, whose OpenSSL
3.0 per-call context re-allocation ima-verify avoids.  ima-verify runs
$(nproc) threads by default, evmctl and the hash limit one: evmctl's CPU
time over the limit's bounds what a single thread could gain.
EOT
