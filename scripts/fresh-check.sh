#!/bin/bash
# Check the project the way a newcomer meets it: a minimal Debian 12 made
# with debootstrap (--variant=minbase, plus git, make, sudo and
# ca-certificates), the current commit cloned into it, `bash .ci/run` run
# there as CI runs it. Prints the wall time and the summary line, and exits
# with .ci/run's status. Uncommitted changes are not part of the check.
#
#   scripts/fresh-check.sh                     cold: empty ccache, every arch
#   FRESH_ARCHS=x86_64 scripts/fresh-check.sh  the quick subset
#   FRESH_CCACHE=DIR scripts/fresh-check.sh    warm: DIR is the chroot's ccache
#                                              (build/fresh-check/ccache keeps
#                                              the last cold run's)
#   FRESH_CMD='bash scripts/deps.sh && make -C tools/ima-verify check' \
#       scripts/fresh-check.sh                 another command instead of .ci/run
#
# The mirror is the one this machine's apt sources name, and the chroot gets
# the same Debian sources files: nothing here names an archive host. Needs
# root (debootstrap, chroot, mounts). Everything lives in build/fresh-check/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
. "$here/lib.sh"

[ "$(id -u)" = 0 ] || die "fresh-check needs root (debootstrap, chroot, mounts)"
work=$top/build/fresh-check
root=$work/root
suite=bookworm
commit=$(git -C "$top" rev-parse HEAD)
git -C "$top" diff --quiet HEAD || warn "uncommitted changes are not checked: cloning $commit"

# Debian's own sources files (those signed by the archive keyring, which
# debootstrap installs in the chroot too); the first URI serving $suite is
# the mirror. Not the suites the project adds itself (ima-kexec-*: a new
# machine has none of them, and the scripts must add them).
debian_sources() {
	local f
	for f in $(grep -l 'debian-archive-keyring' /etc/apt/sources.list.d/*.sources 2>/dev/null); do
		[[ "$f" == */ima-kexec-* ]] || echo "$f"
	done
}
mirror_of() {	# sources files...
	awk -v suite="$suite" '
		/^URIs:/ { uri = $2 }
		/^Suites:/ { for (i = 2; i <= NF; i++) if ($i == suite && uri != "") { print uri; exit } }
		/^$/ { uri = "" }' "$@"
}
mapfile -t sources < <(debian_sources)
[ ${#sources[@]} -gt 0 ] || die "no deb822 Debian sources (signed by debian-archive-keyring) in /etc/apt/sources.list.d"
mirror=$(mirror_of "${sources[@]}")
[ -n "$mirror" ] || die "no URI for $suite in ${sources[*]}"

command -v debootstrap > /dev/null || {
	info "installing debootstrap"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap > /dev/null
}

mounts=()
cleanup() {
	local m
	# Whatever .ci/run left running in the chroot goes with it.
	for p in /proc/[0-9]*; do
		[ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && kill -KILL "${p#/proc/}" 2>/dev/null
	done
	for ((m = ${#mounts[@]} - 1; m >= 0; m--)); do
		umount -l "${mounts[m]}" 2>/dev/null || true
	done
}
trap cleanup EXIT
bind() {	# source target [ro]
	mkdir -p "$2"
	mount --rbind "$1" "$2"
	mount --make-rslave "$2"
	mounts+=("$2")
}

# A new root every time: a chroot that kept what an earlier run installed
# would hide a missing install step, which is what this check is for.
if [ -d "$root" ]; then
	info "removing the previous chroot"
	umount -R -l "$root" 2>/dev/null || true
	rm -rf --one-file-system "$root"
fi
mkdir -p "$work"
t0=$(date +%s)
info "debootstrap --variant=minbase $suite into $root"
debootstrap --variant=minbase "$suite" "$root" "$mirror" > "$work/debootstrap.log" 2>&1 ||
	die "debootstrap failed: see $work/debootstrap.log"
rm -f "$root"/etc/apt/sources.list
cp "${sources[@]}" "$root/etc/apt/sources.list.d/"
# How this machine reaches its mirror (Acquire:: settings in apt files
# that no package installed), as every machine of this kind has it: a
# snapshot mirror, for instance, serves Release files past their
# Valid-Until.
for f in $(grep -l '^[[:space:]]*Acquire::' /etc/apt/apt.conf.d/* 2>/dev/null); do
	dpkg -S "$f" > /dev/null 2>&1 || cp "$f" "$root/etc/apt/apt.conf.d/"
done
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true

bind /proc "$root/proc"
bind /sys "$root/sys"
bind /dev "$root/dev"
if [ -n "${FRESH_CCACHE:-}" ]; then
	mkdir -p "$FRESH_CCACHE"
	bind "$(realpath "$FRESH_CCACHE")" "$root/root/.cache/ima-kexec-ccache"
fi
in_root() { chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
	PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"; }

info "installing what a newcomer starts with: git make sudo ca-certificates"
in_root apt-get update -q > "$work/apt.log" 2>&1 || warn "apt-get update in the chroot reported errors"
in_root apt-get install -y -q --no-install-recommends git make sudo ca-certificates >> "$work/apt.log" 2>&1 ||
	die "apt-get install in the chroot failed: see $work/apt.log"
git clone -q --no-hardlinks "$top" "$root/work/project"
git -C "$root/work/project" checkout -q "$commit"
t1=$(date +%s)
info "chroot ready in $((t1 - t0))s; bash .ci/run at $commit (log $work/ci.log)"

set +e
cmd=${FRESH_CMD:-bash .ci/run}
in_root CI=true ${FRESH_ARCHS:+CHECK_ARCHS="$FRESH_ARCHS"} \
	timeout --kill-after=60 90m bash -c "cd /work/project && ($cmd) < /dev/null" \
	> "$work/ci.log" 2>&1
rc=$?
set -e
# Keep a cold run's ccache for a later warm one (FRESH_CCACHE=$work/ccache).
if [ -z "${FRESH_CCACHE:-}" ] && [ -d "$root/root/.cache/ima-kexec-ccache" ]; then
	rm -rf "$work/ccache"
	mv "$root/root/.cache/ima-kexec-ccache" "$work/ccache"
fi
t2=$(date +%s)
summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$work/ci.log" | tail -1)
grep -E '^not ok|==>.* kernel: |# make check: exit' "$work/ci.log" | sed 's/^/  /' || true
secs=$((t2 - t1))
mode=cold
[ -z "${FRESH_CCACHE:-}" ] || mode="warm ccache $FRESH_CCACHE"
printf 'fresh-check: %s (%s, CHECK_ARCHS=%s), %s: %dm%02ds, exit %d: %s\n' "$commit" \
	"$mode" "${FRESH_ARCHS:-default}" "$cmd" $((secs / 60)) $((secs % 60)) "$rc" \
	"${summary:-no summary line}" | tee "$work/result"
exit "$rc"
