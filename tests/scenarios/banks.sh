DESC="all four PCR banks (sha1 sha256 sha384 sha512) replay after 2 hops"
HOPS=2
PRE=10
POST=10
check() {
	local b
	for b in sha1 sha256 sha384 sha512; do
		[ -f "$RESULT_DIR/share/evidence/pcrs-$b.txt" ] ||
			{ echo "# bank $b missing from the evidence"; return 1; }
	done
	# Every bank must have been checked by the full verifier, not only
	# the sha1/sha256 pair evmctl covers.
	[ -x "$IMA_VERIFY" ] || { echo "# ima-verify not built: sha384/sha512 unverified"; return 1; }
}
