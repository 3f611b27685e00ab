#!/bin/bash
# Build the test guest's initramfs for $ARCH: busybox-static, our static
# ikx-kexec helper, tests/guest/init, and the real tpm2-tools with their
# shared-library closure (including the TCTI library tctildr dlopen()s);
# on x86_64 also Debian's kexec-tools (/usr/sbin/kexec) with its closure.
# For a foreign ARCH the binaries come from that architecture's Debian
# packages unpacked into SYSROOT (nothing foreign runs on the host).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
top=$(dirname "$here")
arch_env

pack() {	# stage-dir out.cpio.gz
	(cd "$1" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) | gzip -6 > "$2.tmp"
	mv "$2.tmp" "$2"
	info "initramfs: ${2#$top/} ($(du -h "$2" | cut -f1))"
}

# KVARIANT=bigendian (ppc64le only): the user space of a hop on the
# big-endian kernel (make kernel ARCH=ppc64le KVARIANT=bigendian), in
# build/initramfs-ppc64le-bigendian.cpio.gz: tests/guest/ikx-hop.c as
# /init, ikx-kexec and the policy, the programs static and built by
# Debian's ppc64 (big-endian) cross compiler. Nothing else: Debian's main
# archive has no ppc64 port to take busybox or tpm2-tools from, so such a
# hop makes no quote (tests/guest/ikx-hop.c).
if [ "${KVARIANT:-}" = bigendian ]; then
	[ "$ARCH" = ppc64le ] || die "KVARIANT=bigendian: ARCH=ppc64le only"
	stage=$top/build/initramfs-$ARCH-bigendian
	rm -rf "$stage"
	mkdir -p "$stage"/{bin,etc,dev,proc,sys,mnt,measured,x}
	for p in ikx-hop ikx-kexec; do
		powerpc64-linux-gnu-gcc -static -O2 -Wall -Wextra -o "$stage/bin/$p" "$top/tests/guest/$p.c"
	done
	mv "$stage/bin/ikx-hop" "$stage/init"
	install -m 644 "$top/tests/guest/ima-policy" "$stage/etc/ima-policy"
	pack "$stage" "$stage.cpio.gz"
	exit 0
fi

out=$top/build/initramfs-$ARCH.cpio.gz
stage=$top/build/initramfs-$ARCH
sysroot=${SYSROOT:-}
case $ARCH in
x86_64)  triplet=x86_64-linux-gnu ;;
ppc64le) triplet=powerpc64le-linux-gnu ;;
arm64)   triplet=aarch64-linux-gnu ;;
esac
if [ "$ARCH" != x86_64 ] && [ -z "$sysroot" ]; then
	sysroot=$top/build/sysroot-$ARCH
	bash "$here/sysroot.sh"	# quick when already there
fi

rm -rf "$stage"
mkdir -p "$stage"/{bin,sbin,usr/bin,proc,sys,dev,mnt,tmp,etc,lib,lib64,usr/lib/$triplet,lib/$triplet}

# busybox and its applets as symlinks. The applet list is the same for
# every architecture of one busybox version, so the host's copy names them.
install -m 755 "$sysroot/bin/busybox" "$stage/bin/busybox"
for a in $(busybox --list); do
	[ -e "$stage/bin/$a" ] || ln -s busybox "$stage/bin/$a"
done

"${CROSS}gcc" -static -O2 -Wall -Wextra -o "$stage/bin/ikx-kexec" "$top/tests/guest/ikx-kexec.c"
install -m 755 "$top/tests/guest/init" "$stage/init"
install -m 644 "$top/tests/guest/ima-policy" "$stage/etc/ima-policy"

# Shared-library closure, resolved with readelf so it works for any
# architecture's binaries.
libdirs=("$sysroot/lib/$triplet" "$sysroot/usr/lib/$triplet" "$sysroot/lib" "$sysroot/usr/lib")
copy_lib() {	# soname
	local name=$1 d
	[ -e "$stage/lib/$triplet/$name" ] && return 0
	for d in "${libdirs[@]}"; do
		if [ -e "$d/$name" ]; then
			install -m 755 "$(realpath "$d/$name")" "$stage/lib/$triplet/$name"
			closure "$stage/lib/$triplet/$name"
			return 0
		fi
	done
	die "library $name not found under ${sysroot:-/}"
}
closure() {	# elf file
	local n
	for n in $(readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
		copy_lib "$n"
	done
}
install -m 755 "$sysroot/usr/bin/tpm2" "$stage/usr/bin/tpm2"
closure "$stage/usr/bin/tpm2"
copy_lib libtss2-tcti-device.so.0
# x86_64: Debian's kexec-tools too (scripts/deps.sh installs it on the
# host), the loader of the kexec-tools and kexec-load scenarios
# (ikx.loader=, tests/guest/init); its closure brings the Xen libraries.
if [ "$ARCH" = x86_64 ]; then
	[ -x "$sysroot/usr/sbin/kexec" ] || die "no $sysroot/usr/sbin/kexec: install kexec-tools (make deps)"
	mkdir -p "$stage/usr/sbin"
	install -m 755 "$sysroot/usr/sbin/kexec" "$stage/usr/sbin/kexec"
	closure "$stage/usr/sbin/kexec"
fi
interp=$(readelf -l "$stage/usr/bin/tpm2" | sed -n 's/.*interpreter: \(.*\)\]/\1/p')
mkdir -p "$stage$(dirname "$interp")"
[ -e "$stage$interp" ] || install -m 755 "$(realpath "$sysroot$interp")" "$stage$interp"
# glibc looks in /lib/<triplet>; make /usr/lib/<triplet> resolve too.
rmdir "$stage/usr/lib/$triplet" && ln -s "../../lib/$triplet" "$stage/usr/lib/$triplet"

pack "$stage" "$out"
