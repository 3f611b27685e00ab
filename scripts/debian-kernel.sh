#!/bin/bash
# build/debian-kernel/vmlinuz: Debian's own packaged kernel, the receiver a
# user of the same release really has (x86_64). Taken with apt-get download,
# the same version as the pinned linux-source-6.12, its digest pinned here.
# Not built by us: IMA_KEXEC is off in it, but like every HAVE_IMA_KEXEC
# kernel it restores a hand-over; it has no 9p (tests/guest/init sends its
# evidence through a virtio serial port instead).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
top=$(dirname "$here")
PKG=linux-image-6.12.117+deb12-cloud-amd64-unsigned
VERSION=6.12.117-1~deb12u1
SHA256=670b2688bcf94c24693f7c7e1fc9776ff2e202ff15553a2614f79415d48a6607
out=$top/build/debian-kernel
[ "${ARCH:-x86_64}" = x86_64 ] || die "the Debian kernel receiver is x86_64 only"
if [ -f "$out/vmlinuz" ] && [ "$(cat "$out/.deb-sha256" 2>/dev/null)" = "$SHA256" ]; then
	exit 0
fi
mkdir -p "$out"
cd "$out"
deb=$(ls ${PKG}_*.deb 2>/dev/null | head -1 || true)
if [ -z "$deb" ] || [ "$(sha256sum "$deb" | cut -d' ' -f1)" != "$SHA256" ]; then
	rm -f ${PKG}_*.deb
	info "apt-get download $PKG=$VERSION"
	# _apt cannot write here; apt then downloads as root (a warning only).
	apt-get download -q "$PKG=$VERSION" 2>&1 | grep -v 'unsandboxed as root' >&2 || true
	deb=$(ls ${PKG}_*.deb 2>/dev/null | head -1 || true)
	[ -n "$deb" ] || die "apt-get download $PKG=$VERSION failed (apt-get update?)"
fi
got=$(sha256sum "$deb" | cut -d' ' -f1)
[ "$got" = "$SHA256" ] || die "$deb: sha256 $got, expected $SHA256"
rm -rf x
dpkg -x "$deb" x
cp x/boot/vmlinuz-* vmlinuz
cp x/boot/config-* config
rm -rf x
echo "$SHA256" > .deb-sha256
info "Debian kernel: ${out#$top/}/vmlinuz ($PKG $VERSION)"
