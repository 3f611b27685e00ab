#!/bin/bash
# Bisectability: build the test kernel after every patch of the series, in
# a separate worktree and build directory (incremental from one patch to
# the next), and run checkpatch --strict on every patch file.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
top=$(dirname "$here")
tree=$top/build/linux
wt=$top/build/linux-series
[ -d "$tree/.git" ] || die "no build/linux: run make kernel-tree"
commits=$(git -C "$tree" rev-list --reverse base..work)
[ -n "$commits" ] || { info "patches/series is empty: nothing to check"; exit 0; }

[ -d "$wt" ] || git -C "$tree" worktree add -q --detach "$wt" base
fail=0
n=0
for c in $commits; do
	n=$((n + 1))
	subj=$(git -C "$tree" log -1 --format=%s "$c")
	git -C "$wt" checkout -q --detach "$c"
	if KSRC=$wt KOUT=$top/build/kernel-series-$ARCH bash "$here/kernel-build.sh" > /dev/null 2>&1; then
		echo "ok $n - builds: $subj"
	else
		echo "not ok $n - does not build: $subj"; fail=1
	fi
done
for p in "$top"/patches/*.patch; do
	out=$("$tree/scripts/checkpatch.pl" --strict --no-tree -q "$p" 2>&1)
	if [ -z "$out" ]; then
		echo "ok - checkpatch --strict: ${p##*/}"
	else
		echo "not ok - checkpatch --strict: ${p##*/}"; echo "$out" | sed 's/^/# /' | head -20
		fail=1
	fi
done
exit $fail
