#!/bin/bash
# Export the commits on top of "base" in build/linux (KSRC overrides, e.g.
# a worktree) back into patches/, one file per commit, and write the series.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
top=$(dirname "$here")
ksrc=$(realpath "${KSRC:-$top/build/linux}")
cd "$ksrc" || die "no kernel tree at $ksrc: run make kernel-tree"
rm -f "$top"/patches/*.patch
git format-patch -q --no-signature --zero-commit --abbrev=12 -N -o "$top/patches" base..HEAD
(cd "$top/patches" && ls -1 *.patch 2>/dev/null || true) > "$top/patches/series"
# build/linux now carries exactly what patches/ holds (a worktree has no
# stamp: make kernel-tree re-applies the series there).
[ -d .git ] && (cd "$top/patches" && cat series $(cat series)) |
	sha256sum | cut -d' ' -f1 > .git/ima-kexec-series
info "exported $(wc -l < "$top/patches/series") patches"
