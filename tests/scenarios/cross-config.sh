DESC="nosha512 -> ours -> ours -> nosha512 -> ours: padded sha384/sha512 banks cross builds of another configuration and are handed on by one that could compute them, every bank replays, the quote verifies"
# Two builds of the series: ours and one without CONFIG_CRYPTO_SHA512
# (make kernel KVARIANT=nosha512, configs/no-sha512.config), which has no
# hash for the TPM's sha384 and sha512 banks and extends them with the
# SHA-1 template digest padded with zeros. Each hand-over goes from one
# configuration to the other: the receiver must keep the digests as
# carried (patch 0010), padded or not, whether it can compute them or not.
# Between ours and ours the padded entries of hop 0 are handed on in a
# bank the sender computes: the receiver's cross-check of the first entry
# must accept them.
ARCHS="x86_64"
# ima-verify accepts a bank digest that is the entry's SHA-1 template
# digest zero-padded (what a kernel without the bank's hash extends) and
# counts such entries per bank; check() below also wants that count.
HOPS=4
PRE=5
POST=5
KERNELS="nosha512 ours ours nosha512 ours"

# check_padding HOP KIND: every entry hop HOP measured itself holds the
# padded SHA-1 in the sha384 and sha512 lists when KIND is nosha512, and
# a digest of its own (not the padded SHA-1) in ours.
check_padding() {
	local h=$1 kind=$2 out
	out=$(paste -d' ' <(hop_part "$h" sha1 | cut -d' ' -f2) \
			  <(hop_part "$h" sha384 | cut -d' ' -f2) \
			  <(hop_part "$h" sha512 | cut -d' ' -f2) |
		awk -v want="$kind" '
		{
			n++
			p384 = $1 sprintf("%56s", ""); gsub(/ /, "0", p384)
			p512 = $1 sprintf("%88s", ""); gsub(/ /, "0", p512)
			if ($2 == p384 && $3 == p512) padded++
			else if ($2 != p384 && $3 != p512) own++
		}
		END {
			if (!n) { print "no entries"; exit 1 }
			if (want == "nosha512" && padded != n) { printf "%d of %d entries padded\n", padded, n; exit 1 }
			if (want != "nosha512" && own != n) { printf "%d of %d entries with their own sha384/sha512 digests\n", own, n; exit 1 }
			printf "%d entries, %s\n", n, want == "nosha512" ? "sha384/sha512 = padded sha1" : "own sha384/sha512 digests"
		}') || { echo "# hop $h ($kind): $out"; return 1; }
	echo "# hop $h ($kind): $out"
}

check() {
	local h kinds env a got bad=0
	read -ra kinds <<<"$KERNELS"
	expect_no_restore_failure "a kernel of the chain" || return 1
	expect_chain_intact || return 1
	expect_handovers "$HOPS" || return 1
	expect_banks_replayed sha1 sha256 sha384 sha512 || return 1
	for ((h = 0; h <= HOPS; h++)); do
		env=$RESULT_DIR/share/hop-$h.env
		# The build really lacks (or has) the hashes, at run time.
		for a in sha384 sha512; do
			got=$(sed -n "s/^crypto_$a=//p" "$env")
			case "${kinds[h]}:${got:-?}" in
			nosha512:0 | ours*:[1-9]*) ;;
			*) echo "# hop $h (${kinds[h]}): /proc/crypto lists $a ${got:-?} times"; bad=1 ;;
			esac
		done
		check_padding "$h" "${kinds[h]}" || bad=1
		if [ "$h" -gt 0 ] && ! hop_part "$h" | grep -q ' kexec_restored '; then
			echo "# hop $h (${kinds[h]}) measured no kexec_restored"; bad=1
		fi
	done
	[ $bad = 0 ] || return 1
	python3 -c 'import json, sys
p = json.load(open(sys.argv[1])).get("padded_sha1_digests", {})
sys.exit(0 if p.get("sha384", 0) > 0 and p.get("sha512", 0) > 0 else 1)' \
		"$RESULT_DIR/share/ima-verify.json" ||
		{ echo "# ima-verify counted no padded sha384/sha512 entries"; return 1; }
	# What the kernels said about hashes and hand-overs, kept beside the
	# evidence (the report quotes them).
	console_by_kernel 'ima: (Allocated hash|Can not allocate)|ima: kexec: (handing over|restored|reserved)|measurement list not restored' \
		> "$RESULT_DIR/handover-console.txt"
	sed 's/^/#   /' "$RESULT_DIR/handover-console.txt"
	echo "# every hand-over crossed the configurations with its padded and unpadded banks as carried"
}
