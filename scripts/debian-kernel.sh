#!/bin/bash
# build/debian-kernel/vmlinuz: Debian's own packaged kernel, the receiver a
# user of the same release really has (x86_64). Taken with apt-get download,
# the same version as the pinned linux-source-6.12, its digest pinned here.
# Not built by us: IMA_KEXEC is off in it, but like every HAVE_IMA_KEXEC
# kernel it restores a hand-over; it has no 9p (tests/guest/init sends its
# evidence through a virtio serial port instead).
# KBASE=7.2: build/debian-kernel-7.2/vmlinuz, Debian's 7.2.12 cloud kernel
# from trixie-backports (scripts/trixie-backports.sh adds the suite, pinned),
# the same version as the pinned linux-source-7.2. Debian ships 7.2 split:
# the unsigned image alone in linux-binary-unsigned-*, its config in
# linux-base-*; both are pinned. Like 6.12's: TPM TIS and virtio console
# built in, IMA on, IMA_KEXEC off, no 9p, no modules needed. When the
# pinned 7.2 has left trixie-backports, the newest 7.2 cloud kernel there
# is taken, with a warning and without the digest check, as
# scripts/kernel-source.sh does for the source.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
top=$(dirname "$here")
kbase_env
# PKGS: "package sha256" of every .deb taken, at VERSION.
case "$KBASE" in
6.12)
	VERSION=6.12.117-1~deb12u1
	PKGS=("linux-image-6.12.117+deb12-cloud-amd64-unsigned 670b2688bcf94c24693f7c7e1fc9776ff2e202ff15553a2614f79415d48a6607")
	;;
7.2)
	VERSION=7.2.12-1~bpo13+1
	PKGS=("linux-binary-unsigned-7.2.12+deb13-cloud-amd64 b9303dac09c05f127aa4707e0e90c4774c793a8ae96b08af9e948284565272a8"
	      "linux-base-7.2.12+deb13-cloud-amd64 e9f6b719bb96f989fce7a61e78580b24de4e824b3c9f656db7c3169dbb45a25a")
	;;
esac
out=$top/build/debian-kernel$KB_SFX
[ "${ARCH:-x86_64}" = x86_64 ] || die "the Debian kernel receiver is x86_64 only"
stamp=$(printf '%s\n' "${PKGS[@]}" | cut -d' ' -f2 | paste -sd' ')
if [ -f "$out/vmlinuz" ] && [ "$(cat "$out/.deb-sha256" 2>/dev/null)" = "$stamp" ]; then
	exit 0
fi
# The newest 7.2 cloud kernel the suite serves: "package version".
newest_7_2() {
	local p v best= bestv=
	for p in $(apt-cache pkgnames linux-binary-unsigned-7.2. | grep -E '^linux-binary-unsigned-7\.2\.[0-9]+\+deb[0-9]+-cloud-amd64$'); do
		v=$(apt-cache madison "$p" | awk '{print $3}' | sort -V | tail -n 1)
		[ -n "$v" ] || continue
		if [ -z "$bestv" ] || [ "$(printf '%s\n%s\n' "$bestv" "$v" | sort -V | tail -n 1)" = "$v" ]; then
			best=$p bestv=$v
		fi
	done
	[ -n "$best" ] && echo "$best $bestv"
}
if [ "$KBASE" = 7.2 ] && ! bash "$here/trixie-backports.sh" $(printf '%s\n' "${PKGS[@]}" | cut -d' ' -f1); then
	pinned="${PKGS[0]%% *} $VERSION"
	read -r img_pkg VERSION <<<"$(newest_7_2)"
	[ -n "$img_pkg" ] || die "no 7.2 cloud kernel in trixie-backports' index"
	warn "$pinned is no longer served; using the newest 7.2, $img_pkg $VERSION," \
	     "instead, unchecked: results may differ from the recorded ones"
	# An empty digest: taken as served.
	PKGS=("$img_pkg " "linux-base-${img_pkg#linux-binary-unsigned-} ")
	stamp="unpinned $img_pkg=$VERSION"
	if [ -f "$out/vmlinuz" ] && [ "$(cat "$out/.deb-sha256" 2>/dev/null)" = "$stamp" ]; then
		exit 0
	fi
fi
mkdir -p "$out"
cd "$out"
rm -rf x
for p in "${PKGS[@]}"; do
	read -r pkg sha <<<"$p"
	deb=$(ls ${pkg}_*.deb 2>/dev/null | head -1 || true)
	if [ -z "$deb" ] || [ -z "$sha" ] || [ "$(sha256sum "$deb" | cut -d' ' -f1)" != "$sha" ]; then
		rm -f ${pkg}_*.deb
		info "apt-get download $pkg=$VERSION"
		# _apt cannot write here; apt then downloads as root (a warning only).
		apt-get download -q "$pkg=$VERSION" 2>&1 | grep -v 'unsandboxed as root' >&2 || true
		deb=$(ls ${pkg}_*.deb 2>/dev/null | head -1 || true)
		[ -n "$deb" ] || die "apt-get download $pkg=$VERSION failed (apt-get update?)"
	fi
	got=$(sha256sum "$deb" | cut -d' ' -f1)
	[ -z "$sha" ] || [ "$got" = "$sha" ] || die "$deb: sha256 $got, expected $sha"
	dpkg -x "$deb" x
done
# 6.12: /boot/vmlinuz-V, /boot/config-V; 7.2: /usr/lib/modules/V/vmlinuz.unsigned, config.
img=$(ls x/boot/vmlinuz-* x/usr/lib/modules/*/vmlinuz* 2>/dev/null | head -1 || true)
cfg=$(ls x/boot/config-* x/usr/lib/modules/*/config 2>/dev/null | head -1 || true)
[ -n "$img" ] && [ -n "$cfg" ] || die "no kernel image and config in ${PKGS[*]%% *}"
cp "$img" vmlinuz
cp "$cfg" config
rm -rf x
echo "$stamp" > .deb-sha256
info "Debian kernel: ${out#$top/}/vmlinuz ($(printf '%s\n' "${PKGS[@]}" | cut -d' ' -f1 | tr '\n' ' ')$VERSION)"
