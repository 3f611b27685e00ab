#!/bin/bash
# Export the commits on top of "base" in build/linux (KSRC overrides, e.g.
# a worktree) back into patches/, one file per commit, and write the series.
# KBASE=7.2: build/linux-7.2 into patches/7.2/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
top=$(dirname "$here")
kbase_env
pdir=$KB_PATCHES
ksrc=$(realpath "${KSRC:-$KB_TREE}")
cd "$ksrc" || die "no kernel tree at $ksrc: run make kernel-tree KBASE=$KBASE"
mkdir -p "$pdir"
# The cover letter (0000-cover-letter.patch) is written by hand and kept;
# it is no commit, so it is not in the series git am applies.
cover=0000-cover-letter.patch
find "$pdir" -maxdepth 1 -name '*.patch' ! -name "$cover" -delete
git format-patch -q --no-signature --zero-commit --abbrev=12 -N -o "$pdir" base..HEAD
(cd "$pdir" && ls -1 *.patch 2>/dev/null | grep -vx "$cover" || true) > "$pdir/series"
# build/linux now carries exactly what patches/ holds (a worktree has no
# stamp: make kernel-tree re-applies the series there).
[ -d .git ] && (cd "$pdir" && cat series $(cat series)) |
	sha256sum | cut -d' ' -f1 > .git/ima-kexec-series
info "exported $(wc -l < "$pdir/series") patches to ${pdir#$top/}"
