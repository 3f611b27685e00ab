#!/bin/bash
# Bisectability: build the test kernel after every patch of the series, in
# a separate worktree and build directory (incremental from one patch to
# the next), and run checkpatch --strict on every patch file.
# KBASE=7.2: the series of build/linux-7.2 (patches/7.2/).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
top=$(dirname "$here")
arch_env
kbase_env
tree=$KB_TREE
wt=$tree-series
[ -d "$tree/.git" ] || die "no ${tree#$top/}: run make kernel-tree KBASE=$KBASE"
commits=$(git -C "$tree" rev-list --reverse base..work)
[ -n "$commits" ] || { info "${KB_PATCHES#$top/}/series is empty: nothing to check"; exit 0; }

[ -d "$wt" ] || git -C "$tree" worktree add -q --detach "$wt" base
kout=$top/build/kernel-series-$ARCH$KB_SFX
# extra_warnings: the W=1 and sparse warnings of the .c files the checked-
# out commit touches (C=2: sparse even on objects that are up to date),
# without line numbers, so that the same warning at another line of the
# parent is recognised; one line per occurrence, so that a second
# instance of a warning the parent has already is new.
extra_warnings() {	# commit
	local objs=() f inc
	for f in $(git -C "$wt" diff-tree --no-commit-id --name-only -r "$1" | grep '\.c$'); do
		[ -f "$wt/$f" ] || continue
		# A .c file included by another (a KUnit suite at the end of
		# the file it tests) is checked as part of the includer.
		inc=$(grep -lF "#include \"${f##*/}\"" "$wt/${f%/*}"/*.c 2>/dev/null | head -n 1)
		[ -n "$inc" ] && f=${inc#"$wt/"}
		objs+=("${f%.c}.o")
	done
	[ ${#objs[@]} -gt 0 ] || return 0
	make -s -C "$wt" O="$kout" ARCH="$KARCH" CROSS_COMPILE="$CROSS" W=1 C=2 CHECK="$sparse" \
		-j"${JOBS:-$(nproc)}" "${objs[@]}" 2>&1 |
		grep -E ': (warning|error):' | sed -E 's/:[0-9]+(:[0-9]+)?:/:/' | sort
}
# Kernels from 6.14 on run sparse only when it knows __typeof_unqual__
# (scripts/checker-valid.sh); Debian 12's sparse 0.6.4 does not, so
# scripts/sparse.sh builds Debian unstable's. Should that fail, and the
# sparse found then be too old, C=2 checks nothing: say so instead of
# reporting a clean sparse run.
sparse=$(bash "$here/sparse.sh") || { warn "no newer sparse: trying the system's"; sparse=sparse; }
checked="W=1 or sparse"
if [ -f "$tree/scripts/checker-valid.sh" ] &&
	[ "$(sh "$tree/scripts/checker-valid.sh" "$sparse" 2>/dev/null)" != 1 ]; then
	checked="W=1"
	echo "# $sparse is too old for this tree (checker-valid.sh): W=1 only"
else
	echo "# sparse: $sparse ($(cat "${sparse%/*}/.sparse-version" 2>/dev/null || "$sparse" --version))"
fi
fail=0
n=0
for c in $commits; do
	n=$((n + 1))
	subj=$(git -C "$tree" log -1 --format=%s "$c")
	git -C "$wt" checkout -q --detach "$c"
	log=$top/build/kernel-series-$ARCH$KB_SFX.log
	if IKX_PARTIAL_SERIES=1 KSRC=$wt KOUT=$kout bash "$here/kernel-build.sh" > "$log" 2>&1; then
		echo "ok $n - builds: $subj"
	else
		echo "not ok $n - does not build: $subj"; fail=1
		grep -E 'ERROR|WARNING|error:' "$log" | head -5 | sed 's/^/# /'
		continue
	fi
	# Against the parent's warnings in the same files (the build
	# directory is configured now, whatever it held before).
	git -C "$wt" checkout -q --detach "$c^"
	before=$(extra_warnings "$c")
	git -C "$wt" checkout -q --detach "$c"
	new=$(comm -13 <(echo "$before") <(extra_warnings "$c"))
	if [ -z "$new" ]; then
		echo "ok $n - no new $checked warning: $subj"
	else
		echo "not ok $n - new $checked warnings: $subj"; fail=1
		echo "$new" | head -10 | sed 's/^/# /'
	fi
done
# 32 bits: link an i386 kernel of the last commit (configs/i386-link.config),
# where a 64-bit division the kernel has no helper for (__umoddi3) fails.
# Every option the fragment asks for and the tree defines must be set.
i386_out=$top/build/kernel-series-i386$KB_SFX
i386_frag=$top/configs/i386-link.config
i386_link() {
	local m=(make -s -C "$wt" O="$i386_out" ARCH=i386 CROSS_COMPILE= CC="$cc" -j"${JOBS:-$(nproc)}")
	local opt missing=
	mkdir -p "$i386_out"
	"${m[@]}" tinyconfig >/dev/null &&
	(cd "$i386_out" && KCONFIG_CONFIG=.config "$wt/scripts/kconfig/merge_config.sh" \
		-m -O "$i386_out" .config "$i386_frag" >/dev/null) &&
	"${m[@]}" olddefconfig >/dev/null || return 1
	for opt in $(grep -o '^CONFIG_[A-Z0-9_]*' "$i386_frag"); do
		grep -rqx --include='Kconfig*' "config ${opt#CONFIG_}" "$wt" || continue
		grep -qx "$opt=y" "$i386_out/.config" || missing+=" $opt"
	done
	[ -z "$missing" ] || { echo "# not set in the i386 configuration:$missing"; return 1; }
	"${m[@]}" vmlinux 2>&1 | grep -E 'error|undefined' | head -5 | sed 's/^/# /'
	[ "${PIPESTATUS[0]}" -eq 0 ]
}
CROSS= kernel_cc
if i386_link > "$i386_out.log" 2>&1; then
	echo "ok - an i386 kernel of the series links: $subj"
else
	echo "not ok - an i386 kernel of the series does not link: $subj"; fail=1
	grep '^# ' "$i386_out.log"
fi
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
# The trees are Debian's sources without mainline's history, so checkpatch
# cannot look up the commit a Fixes: tag names (UNKNOWN_COMMIT_ID); the
# tag's form is still checked (GIT_COMMIT_ID).
# Only the patches of the series: the cover letter is no patch to check.
for p in $(sed "s|^|$KB_PATCHES/|" "$KB_PATCHES/series"); do
	out=$("$tree/scripts/checkpatch.pl" --strict --no-tree -q \
		--ignore FILE_PATH_CHANGES,UNKNOWN_COMMIT_ID "$p" 2>&1)
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
