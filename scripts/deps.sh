#!/bin/bash
# Install the host packages every target needs, from Debian's archive.
# Idempotent: when everything is present it only checks and returns.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

# The kernel source is pinned; its tarball digest is recorded here so a
# silently changed package is caught before we build anything from it.
KSRC_PKG=linux-source-6.12
KSRC_VERSION=6.12.117-1~deb12u1
KSRC_SHA256=585a4a074597aefa2b1a68ada83a3184ba351c127544dea80618bbcceaa3961f
KSRC_TARBALL=/usr/src/linux-source-6.12.tar.xz

PKGS=(qemu-system-x86 swtpm swtpm-tools tpm2-tools libtss2-dev libssl-dev
      busybox-static flex bison bc libelf-dev cpio ccache ima-evm-utils
      libcmocka-dev libjson-c-dev python3-docutils xz-utils gcc make git
      kmod clang procps util-linux perl groff-base
      # make series-check runs sparse (C=2) on the files each patch touches:
      # the one scripts/sparse.sh builds, which 7.2 takes; this one if not.
      sparse
      # clang only recommends its runtimes: the fuzz targets link libFuzzer,
      # ASan and UBSan from here.
      libclang-rt-14-dev)
case "${ARCH:-x86_64}" in
# Debian's kexec-tools goes into the x86_64 guest (scripts/initramfs.sh).
x86_64)  PKGS+=(kexec-tools) ;;
# The cross compilers only recommend their libc: the static ikx-kexec needs it.
ppc64le) PKGS+=(qemu-system-ppc gcc-powerpc64le-linux-gnu libc6-dev-ppc64el-cross
		 # the big-endian hop's static user space (scripts/initramfs.sh)
		 gcc-powerpc64-linux-gnu libc6-dev-ppc64-cross) ;;
arm64)   PKGS+=(qemu-system-arm gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-efi-aarch64) ;;
esac

SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive

missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done
have_ver=$(dpkg-query -W -f='${Version}' "$KSRC_PKG" 2>/dev/null || true)

updated=
apt_update() {
	[ -n "$updated" ] && return
	info "apt-get update"
	$SUDO apt-get update -q >/dev/null || warn "apt-get update reported errors; going on"
	updated=1
}

if [ ${#missing[@]} -gt 0 ]; then
	apt_update
	# kexec-tools is here for the guest only: keep the host's own reboots
	# ordinary (its default would load a kernel to kexec at reboot).
	echo 'kexec-tools kexec-tools/load_kexec boolean false' | $SUDO debconf-set-selections
	info "installing: ${missing[*]}"
	$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$have_ver" != "$KSRC_VERSION" ]; then
	apt_update
	if apt-cache madison "$KSRC_PKG" | awk '{print $3}' | grep -qxF "$KSRC_VERSION"; then
		info "installing $KSRC_PKG=$KSRC_VERSION"
		$SUDO apt-get install -y -q --no-install-recommends --allow-downgrades \
			"$KSRC_PKG=$KSRC_VERSION" >/dev/null
	else
		warn "$KSRC_PKG $KSRC_VERSION is no longer served;" \
		     "using the newest 6.12 instead: results may differ from the recorded ones"
		$SUDO apt-get install -y -q --no-install-recommends "$KSRC_PKG" >/dev/null
		KSRC_SHA256=
	fi
fi

if [ -n "$KSRC_SHA256" ]; then
	stamp=build/.ksrc-sha256-ok
	if [ ! -f "$stamp" ] || [ "$KSRC_TARBALL" -nt "$stamp" ]; then
		got=$(sha256sum "$KSRC_TARBALL" | cut -d' ' -f1)
		[ "$got" = "$KSRC_SHA256" ] ||
			die "$KSRC_TARBALL: sha256 $got, expected $KSRC_SHA256"
		mkdir -p build && touch "$stamp"
	fi
fi
info "dependencies present"
