# Shared shell helpers for scripts/ and tests/. Source, do not execute.
info() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die()  { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# Map our ARCH names to the kernel's ARCH and the cross prefix.
arch_env() {
	: "${ARCH:=x86_64}"
	case "${ARCH:-x86_64}" in
	x86_64)  KARCH=x86_64;  CROSS=;                      KIMAGE=arch/x86/boot/bzImage ;;
	ppc64le) KARCH=powerpc; CROSS=powerpc64le-linux-gnu-; KIMAGE=vmlinux ;;
	arm64)   KARCH=arm64;   CROSS=aarch64-linux-gnu-;    KIMAGE=arch/arm64/boot/Image ;;
	*) die "unknown ARCH=${ARCH} (x86_64, ppc64le, arm64)" ;;
	esac
}

# The compiler of the kernel builds, in cc: ${CROSS}gcc, through ccache
# when there is one. Needs $top (the checkout).
kernel_cc() {
	cc=${CROSS}gcc
	if command -v ccache >/dev/null; then
		cc="ccache $cc"
		# Outside the clone, so a fresh clone on the same machine (CI) reuses it;
		# BASEDIR makes the cached paths relative, so the clone's location does not matter.
		export CCACHE_DIR=${CCACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ima-kexec-ccache}
		export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-4G}
		export CCACHE_BASEDIR=$top
		# On a miss, compile the output of ccache's own preprocessor run
		# instead of preprocessing a second time: a cold x86_64 build took
		# 228 s instead of 279 s (179 s without ccache), and hits, the
		# unpatched and nosha512 variants' included, are the same.
		export CCACHE_NOCPP2=${CCACHE_NOCPP2:-1}
	fi
}

# QEMU for $ARCH: binary, machine arguments, TPM device, serial console.
qemu_env() {
	case "${ARCH:-x86_64}" in
	x86_64)  QEMU=qemu-system-x86_64; QEMU_MACHINE=(-M q35 -m 1024)
		 TPM_DEV=tpm-tis; CONSOLE=ttyS0 ;;
	# The cap-* settings are what TCG can give anyway: without them QEMU
	# warns at every boot that it cannot provide the Spectre workarounds.
	# -nodefaults drops the default NIC, v-scsi, USB and framebuffer that
	# SLOF would probe (about 18 of 74 s of a TCG boot); the console is
	# then the vty on an explicit serial.
	ppc64le) QEMU=qemu-system-ppc64
		 QEMU_MACHINE=(-M pseries,cap-cfpc=broken,cap-sbbc=broken,cap-ibs=broken,cap-ccf-assist=off
			       -m 1024 -nodefaults -serial mon:stdio)
		 TPM_DEV=tpm-spapr; CONSOLE=hvc0 ;;
	# -cpu max needs the 48-bit VA kernel of configs/arm64.config (52-bit
	# VA + LPA2 oopses in kexec_file_load). pauth-impdef: QEMU's cheap
	# pointer-authentication hash instead of QARMA, should the kernel
	# enable PAC (tinyconfig leaves ARM64_PTR_AUTH off; QARMA is slow in TCG).
	arm64)   QEMU=qemu-system-aarch64; QEMU_MACHINE=(-M virt -cpu max,pauth-impdef=on -m 2048)
		 TPM_DEV=tpm-tis-device; CONSOLE=ttyAMA0 ;;
	esac
	# KVM only for the host's own architecture, and only when it really
	# works: some nested hosts have a /dev/kvm on which QEMU aborts at vCPU
	# reset ("failed to set MSR"), so start a stopped VM once and see.
	if [ "$ARCH" = x86_64 ] && [ "$(uname -m)" = x86_64 ] && [ -w /dev/kvm ] &&
	   (echo quit | timeout 10 qemu-system-x86_64 -M q35 -m 64 -enable-kvm -cpu host \
		-display none -S -monitor stdio) > /dev/null 2>&1; then
		QEMU_MACHINE+=(-enable-kvm -cpu host)
	fi
}

# KBASE: the Debian kernel source a tree and its builds come from (6.12,
# the default, or 7.2), each in its own directories. Needs $top.
#   KB_TREE     the git tree (build/linux for 6.12, build/linux-7.2)
#   KB_PATCHES  the series applied to it (patches/, patches/7.2/)
#   KB_SFX      appended to build directory names ("" for 6.12, "-7.2")
#   KB_PKG      Debian's source package; KB_TARBALL the tarball it installs
kbase_env() {
	: "${KBASE:=6.12}"
	case "$KBASE" in
	6.12) KB_TREE=$top/build/linux;     KB_PATCHES=$top/patches;     KB_SFX= ;;
	7.2)  KB_TREE=$top/build/linux-7.2; KB_PATCHES=$top/patches/7.2; KB_SFX=-7.2 ;;
	*) die "unknown KBASE=$KBASE (6.12, 7.2)" ;;
	esac
	KB_PKG=linux-source-$KBASE
	KB_TARBALL=/usr/src/linux-source-$KBASE.tar.xz
}

# The URI this machine fetches Debian's bookworm from (its own apt sources:
# the project names no archive host).
debian_mirror() {
	local f
	for f in /etc/apt/sources.list.d/*.sources; do
		# The project's own files name other suites.
		[ -f "$f" ] && [[ "$f" != */ima-kexec-* ]] || continue
		grep -q 'debian-archive-keyring' "$f" || continue
		awk '
			/^URIs:/ { uri = $2 }
			/^Suites:/ { for (i = 2; i <= NF; i++) if ($i == "bookworm" && uri != "") { print uri; exit } }
			/^[[:space:]]*$/ { uri = "" }' "$f"
	done | head -1
	# One-line format: deb [options] URI bookworm component...
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		sed -E 's/\[[^]]*\]//' "$f" | awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }'
	done | head -1
}

# Make another Debian suite known to apt for the few packages the project
# takes from it, from this machine's own mirror. TYPES is deb or deb-src;
# the apt preferences text on standard input keeps everything else of the
# suite off this machine, and is written first, so that the suite is never
# visible to apt without it. Idempotent; needs root (or sudo).
apt_add_suite() {	# types suite sources-file prefs-file < prefs-text
	local types=$1 suite=$2 sources=$3 prefs=$4 prefs_text mirror archs=
	local keyring=/usr/share/keyrings/debian-archive-keyring.gpg sudo=
	[ "$(id -u)" = 0 ] || sudo=sudo
	prefs_text=$(cat)
	if ! cmp -s "$prefs" <(printf '%s\n' "$prefs_text"); then
		info "writing $prefs"
		printf '%s\n' "$prefs_text" | $sudo tee "$prefs" > /dev/null
	fi
	[ -f "$sources" ] && return 0
	mirror=$(debian_mirror | head -1)
	[ -n "$mirror" ] || die "no Debian mirror for bookworm in this machine's apt sources"
	[ -f "$keyring" ] || die "$keyring missing (debian-archive-keyring)"
	info "adding $suite ($types, this machine's Debian mirror) to apt"
	[ "$types" = deb ] && archs="Architectures: $(dpkg --print-architecture)"$'\n'
	printf 'Types: %s\nURIs: %s\nSuites: %s\nComponents: main\n%sSigned-By: %s\n' \
		"$types" "$mirror" "$suite" "$archs" "$keyring" | $sudo tee "$sources.tmp" > /dev/null
	$sudo mv "$sources.tmp" "$sources"
}

# apt-get update of one sources file alone, the other lists untouched.
apt_update_source() {	# sources-file
	local sudo=
	[ "$(id -u)" = 0 ] || sudo=sudo
	info "apt-get update of ${1##*/} only"
	$sudo apt-get update -q -o Dir::Etc::sourcelist="$1" -o Dir::Etc::sourceparts=- \
		-o APT::Get::List-Cleanup=0 > /dev/null ||
		warn "apt-get update of ${1##*/} reported errors; going on"
}
