#!/bin/bash
# Build a quote fixture on a software TPM: generate a small synthetic list
# with gen-list, extend its PCR history into swtpm with tpm2_pcrextend,
# then quote PCRs 0-10 of all four banks with an RSA (RSASSA) AK, and
# again with an RSA-PSS and an ECDSA AK.  Output: an evidence directory in
# the layout of tests/guest/init, plus quote-pss.* and quote-ecc.*.
#   scripts/make-quote-fixture.sh OUTDIR [gen-list options]
set -euo pipefail
out=$(realpath -m "$1"); shift
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
work=$(mktemp -d /tmp/ivfix.XXXXXX)
port=$(( 20000 + RANDOM % 20000 ))
cleanup() {
	[ -f "$work/pid" ] && kill "$(cat "$work/pid")" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

"$here/tests/gen-list" "$@" -L -E "$work/extends" "$out"
swtpm_setup --tpm2 --tpmstate "$work" --createek \
	--pcr-banks sha1,sha256,sha384,sha512 --overwrite > /dev/null
swtpm socket --tpm2 --tpmstate dir="$work" --daemon --pid file="$work/pid" \
	--server type=tcp,port=$port --ctrl type=tcp,port=$((port + 1)) \
	--flags startup-clear
export TPM2TOOLS_TCTI="swtpm:host=127.0.0.1,port=$port"
# Batches keep the number of tool runs down; order is kept per PCR.
xargs -n 16 tpm2_pcrextend < "$work/extends"
tpm2_pcrread sha1:all+sha256:all+sha384:all+sha512:all > "$out/pcrread.yaml"
sel="sha1:0,1,2,3,4,5,6,7,8,9,10+sha256:0,1,2,3,4,5,6,7,8,9,10+sha384:0,1,2,3,4,5,6,7,8,9,10+sha512:0,1,2,3,4,5,6,7,8,9,10"
echo "$sel" > "$out/quote.sel"
nonce=$(openssl rand -hex 20)
echo "$nonce" > "$out/nonce.hex"
# swtpm has no resource manager: flush transient objects after each step.
flush() { tpm2_flushcontext -t > /dev/null; tpm2_flushcontext -s > /dev/null; }
tpm2_createek -c "$work/ek.ctx" -G rsa -u "$work/ek.pub" > /dev/null
flush
# ak NAME ALG SCHEME SELECTION [QUOTE-OPTIONS]: make an AK, quote with it.
ak() {
	tpm2_createak -C "$work/ek.ctx" -c "$work/$1.ctx" -G "$2" -g sha256 \
		-s "$3" -u "$out/$1.pub" -n "$work/$1.name" > /dev/null
	flush
	tpm2_readpublic -c "$work/$1.ctx" -f pem -o "$out/$1.pem" > /dev/null
	flush
	q=quote${1#ak}
	tpm2_quote -c "$work/$1.ctx" -l "$4" -q "$nonce" -g sha256 "${@:5}" \
		-m "$out/$q.msg" -s "$out/$q.sig" > /dev/null
	flush
}
ak ak rsa rsassa "$sel" -o "$out/quote.pcrs"
ak ak-pss rsa rsapss "sha256:10" --scheme rsapss
ak ak-ecc ecc ecdsa "sha1:10+sha256:10"
tpm2_shutdown > /dev/null 2>&1 || true
