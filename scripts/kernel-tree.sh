#!/bin/bash
# build/linux: the Debian kernel tree as a git repository. The first commit
# (tagged "base") is the tarball as shipped; patches/series is applied on
# top with git am, one commit per patch. Re-running is cheap when the tree
# already carries exactly the series; when patches/ changed, the current
# branch is kept as a backup branch and the series is applied afresh.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
top=$(dirname "$here")
tree=$top/build/linux
tarball=/usr/src/linux-source-6.12.tar.xz
git=(git -c user.name=ima-kexec -c user.email=ima-kexec@localhost
     -c commit.gpgsign=false -c core.autocrlf=false)

series_hash() {
	(cd "$top/patches" && cat series $(grep -v '^\s*#' series | grep -v '^\s*$') 2>/dev/null) |
		sha256sum | cut -d' ' -f1
}

if [ ! -d "$tree/.git" ]; then
	[ -f "$tarball" ] || die "$tarball missing: run make deps"
	info "unpacking $tarball into build/linux"
	rm -rf "$tree" "$tree.tmp"
	mkdir -p "$tree.tmp"
	tar -C "$tree.tmp" -xJf "$tarball" --strip-components=1
	mv "$tree.tmp" "$tree"
	cd "$tree"
	"${git[@]}" init -q -b base-tree
	info "committing the base tree (once)"
	# Debian's .gitignore ignores the whole top level (/*): force.
	"${git[@]}" add -f -A . >/dev/null
	"${git[@]}" commit -q -m "Debian linux-source-6.12 $(dpkg-query -W -f='${Version}' linux-source-6.12)"
	"${git[@]}" tag base
	"${git[@]}" checkout -q -b work
fi

cd "$tree"
want=$(series_hash)
have=$(cat .git/ima-kexec-series 2>/dev/null || true)
if [ "$want" = "$have" ] && [ -z "${FORCE:-}" ]; then
	info "build/linux already carries patches/series"
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
	"${git[@]}" am -q --keep-cr "$top/patches/$p" ||
		die "git am $p failed (resolve in build/linux, then make kernel-patches)"
	n=$((n + 1))
done < "$top/patches/series"
echo "$want" > .git/ima-kexec-series
info "build/linux: base + $n patches"
