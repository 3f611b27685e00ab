#!/bin/bash
# make check: every test case as one TAP line on stdout, numbered across
# the unit tests (cmocka), the CLI tests and the short fuzz runs, with the
# plan at the end.  Exits non-zero when any case fails or a suite dies.
cd "$(dirname "$0")/.." || exit 2
n=0
failed=0

emit() {	# "ok"|"not ok" description
	n=$((n + 1))
	echo "$1 $n - $2"
	[ "$1" = ok ] || failed=$((failed + 1))
}

# Renumber a suite's "ok N - name" / "not ok - name" lines; keep comments.
suite() {	# prefix command...
	local prefix=$1 line seen=0
	shift
	while IFS= read -r line; do
		case $line in
		"not ok"*)
			emit "not ok" "$prefix: $(sed -E 's/^not ok [0-9]* ?-? ?//' <<<"$line")"
			seen=1 ;;
		"ok"*)
			emit ok "$prefix: $(sed -E 's/^ok [0-9]* ?-? ?//' <<<"$line")"
			seen=1 ;;
		"#rc "*)
			[ "${line#\#rc }" = 0 ] || [ $seen = 1 ] ||
				emit "not ok" "$prefix: exited ${line#\#rc }" ;;
		"#"*) [[ $line == "# ok - "* || $line == "# not ok - "* ]] ||
			echo "$line" ;;
		esac
	done < <("$@" 2>&1; echo "#rc $?")
	return 0
}

for t in ${UNIT:-hash log template replay evidence quote kexec_event chain handover state verify}; do
	out=$(CMOCKA_MESSAGE_OUTPUT=TAP tests/unit/test_$t 2>&1)
	rc=$?
	suite "unit/$t" echo "$out"
	[ $rc = 0 ] || grep -q "^not ok" <<<"$out" ||
		emit "not ok" "unit/$t: exited $rc"
done
suite cli tests/cli.sh
suite fuzz tests/fuzz.sh short

echo "1..$n"
[ $failed = 0 ] || { echo "# $failed of $n failed"; exit 1; }
