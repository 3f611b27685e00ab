#!/bin/bash
# A sparse for make series-check that the 7.2 tree accepts. Kernels from
# 6.14 on run sparse only when it parses __typeof_unqual__
# (scripts/checker-valid.sh); Debian 12's sparse 0.6.4 does not, so C=1
# would check nothing there. Debian's unstable suite has 0.6.5~rc1, which
# does: take its source from Debian with apt (a deb-src entry for that
# suite alone; an apt preferences pin keeps every binary package of the
# suite off this machine), check the upstream tarball against the digest
# pinned here, and build the one program into build/tools/bin/sparse
# (seconds: sparse has no dependencies beyond libc).
#
#   scripts/sparse.sh      prints the path of the sparse to use
#
# Idempotent: does nothing once the pinned version is built. The mirror is
# the one this machine's own apt sources use for Debian. Needs root (or
# sudo) the first time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
top=$(dirname "$here")

SUITE=sid
SPARSE_VERSION=0.6.5~rc1-2
SPARSE_ORIG=sparse_0.6.5~rc1.orig.tar.gz
SPARSE_SHA256=3ac8855ec7f3ab92f325be0f64347ccc2b10f8b4d7c2906783ee8e2bdab3f0de
SOURCES=/etc/apt/sources.list.d/ima-kexec-$SUITE-src.sources
PREFS=/etc/apt/preferences.d/ima-kexec-$SUITE
dest=$top/build/tools
bin=$dest/bin/sparse
stamp=$dest/bin/.sparse-version

if [ -x "$bin" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$SPARSE_VERSION" ]; then
	echo "$bin"; exit 0
fi

# A deb-src entry gives apt no binary package to install; the pin says
# so to any later edit of the entry that adds one.
printf '# Written by ima-kexec scripts/sparse.sh: %s gives this machine nothing.\nPackage: *\nPin: release n=%s\nPin-Priority: -1\n' \
	"$SUITE" "$SUITE" | apt_add_suite deb-src "$SUITE" "$SOURCES" "$PREFS"
have_source() { apt-cache showsrc --only-source sparse 2>/dev/null | grep -qx "Version: $SPARSE_VERSION"; }
have_source || apt_update_source "$SOURCES"

src=$dest/src
rm -rf "$src" && mkdir -p "$src" "$dest/bin"
# apt checks every file it downloads against the suite's signed index.
if have_source; then
	(cd "$src" && apt-get source -q --download-only "sparse=$SPARSE_VERSION" > /dev/null 2>&1) ||
		die "apt-get source sparse=$SPARSE_VERSION failed"
	got=$(sha256sum "$src/$SPARSE_ORIG" | cut -d' ' -f1)
	[ "$got" = "$SPARSE_SHA256" ] || die "$SPARSE_ORIG: sha256 $got, expected $SPARSE_SHA256"
else
	warn "sparse $SPARSE_VERSION is no longer in $SUITE: building its newest sparse instead"
	(cd "$src" && apt-get source -q --download-only "sparse/$SUITE" > /dev/null 2>&1) ||
		die "apt-get source sparse/$SUITE failed"
	SPARSE_ORIG=$(cd "$src" && ls sparse_*.orig.tar.* | head -1)
	SPARSE_VERSION=$(cd "$src" && ls sparse_*.dsc | sed -E 's/^sparse_(.*)\.dsc$/\1/')
fi
mkdir "$src/tree"
tar -xf "$src/$SPARSE_ORIG" -C "$src/tree" --strip-components=1
info "building sparse $SPARSE_VERSION"
make -s -C "$src/tree" -j"$(nproc)" sparse > "$src/build.log" 2>&1 ||
	die "building sparse failed: see ${src#$top/}/build.log"
install -m 0755 "$src/tree/sparse" "$bin"
echo "$SPARSE_VERSION" > "$stamp"
echo "$bin"
