#!/bin/bash
# build/linux: the Debian kernel tree as a git repository. The first commit
# (tagged "base") is the tarball as shipped; patches/series is applied on
# top with git am, one commit per patch. Re-running is cheap when the tree
# already carries exactly the series; when patches/ changed, the current
# branch is kept as a backup branch and the series is applied afresh.
# KBASE=7.2: Debian's linux-source-7.2 (scripts/kernel-source.sh) in
# build/linux-7.2, with patches/7.2/series (missing or empty: the base alone).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
top=$(dirname "$here")
kbase_env
tree=$KB_TREE
tarball=$KB_TARBALL
pdir=$KB_PATCHES
rel=${tree#$top/}
git=(git -c user.name=ima-kexec -c user.email=ima-kexec@localhost
     -c commit.gpgsign=false -c core.autocrlf=false)

series_hash() {
	# No series file (a base no patch has been written for yet): the base alone.
	[ -f "$pdir/series" ] || { echo none; return; }
	(cd "$pdir" && cat series $(grep -v '^\s*#' series | grep -v '^\s*$') 2>/dev/null) |
		sha256sum | cut -d' ' -f1
}

# 6.12's source comes with make deps; another base's is fetched here.
[ "$KBASE" = 6.12 ] || bash "$here/kernel-source.sh"
if [ ! -d "$tree/.git" ]; then
	[ -f "$tarball" ] || die "$tarball missing: run make deps"
	info "unpacking $tarball into $rel"
	rm -rf "$tree" "$tree.tmp"
	mkdir -p "$tree.tmp"
	tar -C "$tree.tmp" -xJf "$tarball" --strip-components=1
	mv "$tree.tmp" "$tree"
	cd "$tree"
	"${git[@]}" init -q -b base-tree
	info "committing the base tree (once)"
	# Debian's .gitignore ignores the whole top level (/*): force.
	"${git[@]}" add -f -A . >/dev/null
	"${git[@]}" commit -q -m "Debian $KB_PKG $(dpkg-query -W -f='${Version}' "$KB_PKG")"
	"${git[@]}" tag base
	"${git[@]}" checkout -q -b work
fi

cd "$tree"
want=$(series_hash)
have=$(cat .git/ima-kexec-series 2>/dev/null || true)
if [ "$want" = "$have" ] && [ -z "${FORCE:-}" ]; then
	info "$rel already carries ${pdir#$top/}/series"
	exit 0
fi
if [ "$(git rev-list --count base..HEAD)" -gt 0 ]; then
	backup=backup-$(date +%Y%m%d-%H%M%S)
	git branch "$backup"
	warn "patches/ changed: old commits kept on branch $backup"
fi
"${git[@]}" checkout -q -B work base
n=0
while read -r p; do
	case "$p" in ''|'#'*) continue ;; esac
	"${git[@]}" am -q --keep-cr "$pdir/$p" ||
		die "git am $p failed (resolve in $rel, then make kernel-patches KBASE=$KBASE)"
	n=$((n + 1))
done < <(cat "$pdir/series" 2>/dev/null)
echo "$want" > .git/ima-kexec-series
info "$rel: base + $n patches"
