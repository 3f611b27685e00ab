DESC="2 hops with the legacy ima template"
HOPS=2
PRE=5
POST=5
APPEND="ima_template=ima"
check() {
	local list=$RESULT_DIR/share/evidence/ascii_runtime_measurements
	[ "$(grep -c 'kexec_restored' "$list")" = 2 ] ||
		{ echo "# the legacy list was not restored at both hops"; return 1; }
	grep -q ' ima [0-9a-f]* /x/h0-pre-0$' "$list" ||
		{ echo "# hop-0 legacy entries missing from the final list"; return 1; }
	echo "# legacy ima list carried over 2 hops"
}

