#!/bin/bash
# Make Debian's trixie-backports suite known to apt for the few packages
# the 7.2 base needs (linux-source-7.2, the 7.2 cloud kernel image), and for
# nothing else: an apt preferences file gives every package of the suite
# priority -1 (never installed, not even as an upgrade or a dependency) and
# only those packages a usable one.
#
#   scripts/trixie-backports.sh [PACKAGE...]
#
# Adds the sources file and the preferences file when missing, and updates
# the suite's index (that source alone, the other lists untouched) when it
# has never been fetched or does not list one of the PACKAGEs. The mirror is
# the one this machine's own apt sources use for Debian (a deb822 file signed
# by debian-archive-keyring, or sources.list): no archive host is named here.
# Idempotent; needs root (or sudo).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

SUITE=trixie-backports
# The only packages the suite may give this machine (apt preferences
# globs): the 7.2 source (scripts/kernel-source.sh installs it) and the
# two parts of the unsigned 7.2 cloud kernel that scripts/debian-kernel.sh
# downloads (vmlinuz, and the base files that carry its config).
WANTED="linux-source-7.2 linux-binary-unsigned-7.2.*-cloud-amd64 linux-base-7.2.*-cloud-amd64"
SOURCES=/etc/apt/sources.list.d/ima-kexec-$SUITE.sources
PREFS=/etc/apt/preferences.d/ima-kexec-$SUITE

wanted_prefs() {
	cat <<-EOF
	# Written by ima-kexec scripts/trixie-backports.sh: nothing comes from
	# $SUITE but the 7.2 kernel packages the project's KBASE=7.2 needs.
	Package: *
	Pin: release n=$SUITE
	Pin-Priority: -1

	Package: $WANTED
	Pin: release n=$SUITE
	Pin-Priority: 500
	EOF
}

wanted_prefs | apt_add_suite deb "$SUITE" "$SOURCES" "$PREFS"

# Fetched at all, and lists what is asked for?
need=
# (grep -q would close the pipe early: apt-cache's SIGPIPE fails the pipeline)
[ "$(apt-cache policy 2>/dev/null | grep -c " $SUITE/main")" != 0 ] || need=1
for p in "$@"; do
	[ -n "$(apt-cache madison "$p" 2>/dev/null)" ] || need=1
done
[ -z "$need" ] || apt_update_source "$SOURCES"
for p in "$@"; do
	[ -n "$(apt-cache madison "$p" 2>/dev/null)" ] || die "$p: not in $SUITE's index"
done
