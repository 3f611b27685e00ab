#!/bin/bash
# The kernel source of a base other than 6.12 (scripts/deps.sh installs
# and checks 6.12's): KBASE=7.2 is Debian's linux-source-7.2 from
# trixie-backports (scripts/trixie-backports.sh adds the suite, pinned so
# that nothing else comes from it). Pinned like 6.12: the version, and the
# tarball's digest, checked before anything is built from it. When the
# pinned version has left the index, the newest 7.2 is taken, with a
# warning and without the digest check.
# The package depends only on binutils and xz-utils, which bookworm has.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
top=$(dirname "$here")
kbase_env
case "$KBASE" in
6.12) exit 0 ;;	# scripts/deps.sh
7.2)
	VERSION=7.2.12-1~bpo13+1
	# the tarball in linux-source-7.2_7.2.12-1~bpo13+1_all.deb (whose own index
	# SHA256 is 73ca6c22599ba411ab3179642d33501ca2c90174e13c3c8d86e996ea1cbf2a8f)
	SHA256=dd8cf7080e709d050ce2a14ace00d461a1ebb5d877f69fe70232de1818984fac
	;;
esac
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive

have=$(dpkg-query -W -f='${Version}' "$KB_PKG" 2>/dev/null || true)
if [ "$have" != "$VERSION" ]; then
	bash "$here/trixie-backports.sh" "$KB_PKG"
	if apt-cache madison "$KB_PKG" | awk '{print $3}' | grep -qxF "$VERSION"; then
		info "installing $KB_PKG=$VERSION (trixie-backports)"
		$SUDO apt-get install -y -q --no-install-recommends --allow-downgrades \
			"$KB_PKG=$VERSION" > /dev/null
	else
		newest=$(apt-cache madison "$KB_PKG" | awk '{print $3}' | sort -V | tail -1)
		warn "$KB_PKG $VERSION is no longer served; using the newest 7.2, $newest," \
		     "instead: results may differ from the recorded ones"
		[ "$have" = "$newest" ] ||
			$SUDO apt-get install -y -q --no-install-recommends "$KB_PKG=$newest" > /dev/null
		SHA256=
	fi
fi
[ -f "$KB_TARBALL" ] || die "$KB_PKG installed, but $KB_TARBALL is missing"
if [ -n "$SHA256" ]; then
	stamp=$top/build/.ksrc-$KBASE-sha256-ok
	if [ ! -f "$stamp" ] || [ "$KB_TARBALL" -nt "$stamp" ]; then
		got=$(sha256sum "$KB_TARBALL" | cut -d' ' -f1)
		[ "$got" = "$SHA256" ] || die "$KB_TARBALL: sha256 $got, expected $SHA256"
		mkdir -p "$top/build" && touch "$stamp"
	fi
fi
info "$KB_PKG $(dpkg-query -W -f='${Version}' "$KB_PKG"): $KB_TARBALL"
