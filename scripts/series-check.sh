#!/bin/bash
# Bisectability: build the test kernel after every patch of the series, in
# a separate worktree and build directory (incremental from one patch to
# the next), and run checkpatch --strict on every patch file.
# KBASE=7.2: the series of build/linux-7.2 (patches/7.2/).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
top=$(dirname "$here")
kbase_env
tree=$KB_TREE
wt=$tree-series
[ -d "$tree/.git" ] || die "no ${tree#$top/}: run make kernel-tree KBASE=$KBASE"
commits=$(git -C "$tree" rev-list --reverse base..work)
[ -n "$commits" ] || { info "${KB_PATCHES#$top/}/series is empty: nothing to check"; exit 0; }

[ -d "$wt" ] || git -C "$tree" worktree add -q --detach "$wt" base
fail=0
n=0
for c in $commits; do
	n=$((n + 1))
	subj=$(git -C "$tree" log -1 --format=%s "$c")
	git -C "$wt" checkout -q --detach "$c"
	log=$top/build/kernel-series-$ARCH$KB_SFX.log
	if IKX_PARTIAL_SERIES=1 KSRC=$wt KOUT=$top/build/kernel-series-$ARCH$KB_SFX bash "$here/kernel-build.sh" > "$log" 2>&1; then
		echo "ok $n - builds: $subj"
	else
		echo "not ok $n - does not build: $subj"; fail=1
		grep -E 'ERROR|WARNING|error:' "$log" | head -5 | sed 's/^/# /'
	fi
done
# checkpatch asks whether MAINTAINERS needs updating for every new file;
# it does not when a subsystem entry already covers the file, so check
# that instead of the question.
new_files() { awk '/^diff --git/ { f = $4; sub(/^b\//, "", f) } /^new file mode/ { print f }' "$1"; }
uncovered() {
	local f
	for f in $(new_files "$1"); do
		(cd "$tree" && scripts/get_maintainer.pl --no-git --no-email --subsystem -f "$f" 2>/dev/null) |
			grep -v '@' | grep -qv '^THE REST$\|^$' || echo "$f"
	done
}
for p in "$KB_PATCHES"/*.patch; do
	out=$("$tree/scripts/checkpatch.pl" --strict --no-tree -q --ignore FILE_PATH_CHANGES "$p" 2>&1)
	for f in $(uncovered "$p"); do
		out+="${out:+$'\n'}$f: new file that no MAINTAINERS entry covers"
	done
	if [ -z "$out" ]; then
		echo "ok - checkpatch --strict: ${p##*/}"
	else
		echo "not ok - checkpatch --strict: ${p##*/}"; echo "$out" | sed 's/^/# /' | head -20
		fail=1
	fi
done
exit $fail
