#!/bin/bash
# Target-architecture user space for a foreign ARCH guest (ppc64le, arm64):
# Debian's busybox-static and tpm2-tools with their shared-library closure,
# for that architecture, fetched with apt and unpacked with dpkg -x into
# build/sysroot-$ARCH/. Nothing of it runs on the host: scripts/initramfs.sh
# reads the ELF files with readelf and copies them into the guest.
#
#   ARCH=ppc64le|arm64 scripts/sysroot.sh
#
# Idempotent: a stamp file records the package set; when it matches and
# the sysroot is there, the script returns at once.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
top=$(dirname "$here")

case "${ARCH:-x86_64}" in
ppc64le) darch=ppc64el ;;
arm64)   darch=arm64 ;;
x86_64)  info "sysroot: x86_64 uses the host's own binaries"; exit 0 ;;
*) die "unknown ARCH=${ARCH}" ;;
esac

# What the guest runs; the closure adds their libraries. libtss2-tctildr
# dlopen()s the device TCTI, so it is named explicitly.
ROOTS=(busybox-static tpm2-tools libtss2-tcti-device0)

sysroot=$top/build/sysroot-$ARCH
debs=$top/build/sysroot-$ARCH.debs
stamp=$sysroot/.sysroot-ok
want="$darch ${ROOTS[*]} $(sha256sum "$0" | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] &&
   [ -x "$sysroot/bin/busybox" ] && [ -x "$sysroot/usr/bin/tpm2" ]; then
	info "sysroot: ${sysroot#$top/} present"
	exit 0
fi

SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive

# apt may be busy (another job installing packages): wait for the lock.
apt_retry() {	# command...
	local i
	for i in 1 2 3 4 5; do
		"$@" && return 0
		warn "'$*' failed (attempt $i), retrying in $((i * 5))s"
		sleep $((i * 5))
	done
	return 1
}

resolves() {	# every root has a candidate for $darch
	local p out
	for p in "${ROOTS[@]}"; do
		# (not a pipe into grep -q: pipefail would see apt-cache's SIGPIPE)
		out=$(apt-cache policy "$p:$darch" 2>/dev/null)
		grep -q 'Candidate: [0-9]' <<<"$out" || return 1
	done
}

if ! dpkg --print-foreign-architectures | grep -qxF "$darch"; then
	info "sysroot: dpkg --add-architecture $darch"
	$SUDO dpkg --add-architecture "$darch"
fi
if ! resolves; then
	# One foreign index can fail ("File has unexpected size ... Mirror sync
	# in progress?"): retry, then go on if what we need still resolves.
	for i in 1 2 3; do
		info "sysroot: apt-get update (for $darch, attempt $i)"
		$SUDO apt-get update -q > "$top/build/.apt-update-$darch.log" 2>&1 && break
		warn "apt-get update reported errors: $(grep -E '^(E|W):' "$top/build/.apt-update-$darch.log" | head -3 | tr '\n' ' ')"
		resolves && break
		sleep $((i * 10))
	done
	resolves || die "${ROOTS[*]} do not resolve for $darch after apt-get update"
fi

# Dependency closure for $darch: breadth first over Depends/Pre-Depends,
# taking the first alternative of each "a | b" group. Architecture-all
# packages (apt prints them without the :$darch suffix) carry no ELF
# libraries and are left out.
declare -A seen=()
queue=()
for p in "${ROOTS[@]}"; do seen[$p:$darch]=1; queue+=("$p:$darch"); done
closure=()
while [ ${#queue[@]} -gt 0 ]; do
	batch=("${queue[@]}")
	queue=()
	closure+=("${batch[@]}")
	while read -r dep; do
		[ -n "$dep" ] && [ -z "${seen[$dep]:-}" ] || continue
		seen[$dep]=1
		queue+=("$dep")
	done < <(apt-cache depends --no-recommends --no-suggests --no-conflicts \
			--no-breaks --no-replaces --no-enhances "${batch[@]}" 2>/dev/null |
		awk -v a=":$darch" '
		/^ *\|?(Pre)?Depends:/ {
			alt = ($1 ~ /^\|/)	# another alternative follows
			name = $2
			ours = name !~ /^</ && substr(name, length(name) - length(a) + 1) == a
			if (!taken && ours) { print name; taken = 1 }
			if (!alt) taken = 0
		}')
done
info "sysroot: ${#closure[@]} $darch packages: ${closure[*]%:$darch}"

mkdir -p "$debs"
need=()
for p in "${closure[@]}"; do
	ls "$debs/${p%:$darch}_"*"_$darch.deb" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
	info "sysroot: apt-get download ${#need[@]} packages into ${debs#$top/}"
	(cd "$debs" && apt_retry apt-get download -q "${need[@]}" >/dev/null)
fi

rm -rf "$sysroot"
mkdir -p "$sysroot"
for p in "${closure[@]}"; do
	deb=$(ls -t "$debs/${p%:$darch}_"*"_$darch.deb" | head -1)
	dpkg -x "$deb" "$sysroot"
done
# Absolute symlinks (e.g. /lib64/ld64.so.2 -> /lib/powerpc64le-linux-gnu/
# ld64.so.2) would resolve against the host's root: make them relative.
while IFS= read -r link; do
	target=$(readlink "$link")
	case $target in /*) ln -sfnr "$sysroot$target" "$link" ;; esac
done < <(find "$sysroot" -type l)
[ -x "$sysroot/bin/busybox" ] || die "no busybox in ${sysroot#$top/}"
[ -x "$sysroot/usr/bin/tpm2" ] || die "no tpm2 in ${sysroot#$top/}"
file -b "$sysroot/usr/bin/tpm2" 2>/dev/null | sed 's/^/  tpm2: /' >&2 || true
echo "$want" > "$stamp"
info "sysroot: ${sysroot#$top/} ($(du -sh "$sysroot" | cut -f1))"
