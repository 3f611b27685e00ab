#!/bin/bash
# Build the test kernel for $ARCH: tinyconfig + configs/common.config +
# configs/$ARCH.config, out of tree in build/kernel-$ARCH (KOUT overrides),
# from build/linux (KSRC overrides). Incremental; ccache when present.
# KVARIANT=base builds the unpatched Debian tree instead (tag "base" of
# build/linux, a worktree in build/unpatched/linux) in
# build/unpatched/kernel-$ARCH, linked as build/kernel-$ARCH-base, with the
# same fragments minus the series' own: the kernel that is not ours in the
# cross-kernel scenarios (base-to-ours, ours-to-base, ...).
# KBASE=7.2 (default 6.12): the same from build/linux-7.2 (make kernel-tree
# KBASE=7.2), in build/kernel-$ARCH-7.2 and build/kernel-$ARCH-7.2-VARIANT;
# the base variant's worktree is build/unpatched/linux-7.2. A tree that has
# CONFIG_IMA_STAGING (7.2) gets configs/ima-staging.config, ours or not.
# KVARIANT=nosha512 builds the series with configs/no-sha512.config on top
# (no SHA-384/SHA-512: those banks get the padded SHA-1) in
# build/kernel-$ARCH-nosha512: the other configuration of the cross-config
# scenario. KVARIANT=kasan builds the series with configs/kasan.config on
# top (KASAN + UBSAN) in build/kernel-$ARCH-kasan: the kernel of make fuzz's
# KUnit fuzz run (tests/fuzz-kernel). KVARIANT=bigendian (ppc64le only)
# builds it big-endian (configs/big-endian.config) in
# build/kernel-ppc64le-bigendian: the KUnit suites of
# tests/kunit-bigendian. A later fragment overrides an earlier one's
# option.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
top=$(dirname "$here")
arch_env
kbase_env
# Every base and variant builds in a directory of its own.
user_kout=${KOUT:-}
KOUT=${KOUT:-$top/build/kernel-$ARCH$KB_SFX${KVARIANT:+-$KVARIANT}}
case "${KVARIANT:-}" in
'') ;;
base)
	# The unpatched tree and its build sit one level down, under the
	# names ours have (build/unpatched/linux[-7.2] and kernel-$ARCH[-7.2]):
	# the compiler sees the same relative paths as for ours (ccache's
	# BASEDIR), so a cold build takes from ccache every object whose
	# preprocessed source is the same as ours'. The usual name links there.
	KSRC=${KSRC:-$top/build/unpatched/${KB_TREE##*/}}
	if [ -z "$user_kout" ]; then
		link=$KOUT
		KOUT=$top/build/unpatched/kernel-$ARCH$KB_SFX
		mkdir -p "$KOUT"
		[ -L "$link" ] || rm -rf "$link"	# a build of the earlier layout
		ln -sfn "unpatched/${KOUT##*/}" "$link"
	fi
	# The worktree of the earlier layout, if any, goes.
	if [ -d "$KB_TREE-unpatched" ]; then
		git -C "$KB_TREE" worktree remove --force "$KB_TREE-unpatched" 2>/dev/null ||
			rm -rf "$KB_TREE-unpatched"
	fi
	git -C "$KB_TREE" rev-parse -q --verify 'base^{commit}' >/dev/null ||
		die "${KB_TREE#$top/} has no tag base: run make kernel-tree KBASE=$KBASE"
	if [ ! -f "$KSRC/Makefile" ]; then
		info "checking out tag base of ${KB_TREE#$top/} in ${KSRC#$top/} (worktree)"
		git -C "$KB_TREE" worktree prune
		git -C "$KB_TREE" worktree add -q --detach "$KSRC" base ||
			die "cannot check out the base tree in $KSRC"
	fi
	# Only the worktree is touched (never build/linux's own checkout): it
	# must be exactly the base tree, whatever happened to it since.
	if [ "$(git -C "$KSRC" rev-parse HEAD)" != "$(git -C "$KB_TREE" rev-parse 'base^{commit}')" ] ||
	   [ -n "$(git -C "$KSRC" status --porcelain --untracked-files=no)" ]; then
		warn "${KSRC#$top/} is not the pristine base tree: resetting it to tag base"
		git -C "$KSRC" checkout -q -f --detach base
		git -C "$KSRC" reset -q --hard
	fi
	;;
nosha512)
	variant_frag=$top/configs/no-sha512.config
	;;
kasan)
	variant_frag=$top/configs/kasan.config
	;;
bigendian)
	[ "$ARCH" = ppc64le ] || die "KVARIANT=bigendian is built for ARCH=ppc64le only"
	variant_frag=$top/configs/big-endian.config
	;;
*) die "KVARIANT=$KVARIANT: unknown (known: base, nosha512, kasan, bigendian)" ;;
esac
ksrc=$(realpath "${KSRC:-$KB_TREE}")
kout=$(realpath -m "${KOUT:-$top/build/kernel-$ARCH}")
[ -f "$ksrc/Makefile" ] || die "no kernel tree at $ksrc: run make kernel-tree"
mkdir -p "$kout"

kernel_cc
kmake=(make -C "$ksrc" O="$kout" ARCH="$KARCH" CROSS_COMPILE="$CROSS" CC="$cc"
       -j"${JOBS:-$(nproc)}")

frags=("$top/configs/common.config" "$top/configs/$ARCH.config")
# The 6.12 test kernels are built as a firmware kernel of a measured chain
# would be (512 KiB of extra memory, refuse a list that outgrew its
# segment); the 7.2 ones keep mainline's defaults and get the same from
# the command line (tests/run-scenario). The fragment needs the series'
# own option (IMA_KEXEC_REFUSE_OVERFLOW: every prefix of the series from
# there on, build/linux after make kernel-tree, a development worktree),
# not the base tree kept for comparisons.
if grep -qx 'config IMA_KEXEC_REFUSE_OVERFLOW' "$ksrc/security/integrity/ima/Kconfig" &&
   grep -qx 'PATCHLEVEL = 12' "$ksrc/Makefile"; then
	frags+=("$top/configs/ima-kexec-series.config")
fi
# Trees whose series has KUnit suites run them at boot.
if grep -qx 'config IMA_KEXEC_KUNIT_TEST' "$ksrc/security/integrity/ima/Kconfig"; then
	frags+=("$top/configs/ima-kexec-kunit.config")
fi
# The series' fault injection (inert without its boot parameter).
if grep -qx 'config FAIL_IMA_SUSPEND' "$ksrc/security/integrity/ima/Kconfig"; then
	frags+=("$top/configs/ima-fail-suspend.config")
fi
# Trees that can export and delete records (7.2 on) are built with it.
if grep -qx 'config IMA_STAGING' "$ksrc/security/integrity/ima/Kconfig"; then
	frags+=("$top/configs/ima-staging.config")
fi
[ -n "${variant_frag:-}" ] && frags+=("$variant_frag")
[ -n "${EXTRA_CONFIG:-}" ] && frags+=("$EXTRA_CONFIG")

# Every option the fragments ask for, the last setting of each (as in
# merge_config.sh), one CONFIG_X=v line each.
wanted_options() {
	cat "${frags[@]}" | sed 's/[[:space:]]*#.*//' | grep '^CONFIG_' |
		awk -F= '!($1 in v) { k[++n] = $1 } { v[$1] = $0 } END { for (i = 1; i <= n; i++) print v[k[i]] }'
}
# config_mismatch [loud]: true (0) when .config lacks an option as asked;
# loud says which (Kconfig drops options whose dependencies are unmet without a
# word). Quiet, it also catches a .config that a make run outside this
# script rewrote (syncconfig in a tree checked out at another commit).
config_mismatch() {
	local loud=${1:-} rc=1 line opt
	while IFS= read -r line; do
		opt=${line%%=*}
		case "$line" in
		CONFIG_*=n) grep -q "^$opt=[ym]" "$kout/.config" || continue
			[ -n "$loud" ] && warn "$opt is set, fragments ask for n" ;;
		*) grep -qxF "$line" "$kout/.config" && continue
			# make series-check builds every prefix of the series: an
			# option a later patch adds is not in the tree yet.
			if [ -n "${IKX_PARTIAL_SERIES:-}" ] &&
			   ! grep -rqx --include='Kconfig*' "config ${opt#CONFIG_}" "$ksrc"; then
				[ -n "$loud" ] && info "$opt: not defined by this tree (partial series), skipped"
				continue
			fi
			[ -n "$loud" ] && warn "$line asked for, got: $(grep "^$opt=\|# $opt is not" "$kout/.config" || echo unset)" ;;
		esac
		rc=0
		[ -n "$loud" ] || break
	done < <(wanted_options)
	return $rc
}

# Reconfigure when a fragment changed since the last configuration, or
# the configuration no longer has what they ask for.
cfgstamp=$(cat "${frags[@]}" | sha256sum | cut -d' ' -f1)
# A partial series (make series-check) reconfigures at every step: the
# options its fragments ask for appear patch by patch.
if [ -n "${IKX_PARTIAL_SERIES:-}" ] || [ ! -f "$kout/.config" ] ||
   [ "$(cat "$kout/.ima-kexec-frags" 2>/dev/null)" != "$cfgstamp" ] || config_mismatch; then
	info "configuring $ARCH kernel: tinyconfig + ${frags[*]##*/}"
	"${kmake[@]}" -s tinyconfig >/dev/null
	(cd "$kout" && KCONFIG_CONFIG=.config "$ksrc/scripts/kconfig/merge_config.sh" \
		-m -O "$kout" .config "${frags[@]}" >/dev/null)
	"${kmake[@]}" -s olddefconfig >/dev/null
	# Every option a fragment asks for must be in the result as asked.
	! config_mismatch loud || die "Kconfig did not keep every requested option (see above)"
	echo "$cfgstamp" > "$kout/.ima-kexec-frags"
fi

target=${KIMAGE##*/}
log=$kout/build.log
info "building $ARCH $target in ${kout#$top/} (-j${JOBS:-$(nproc)}), log ${log#$top/}"
start=$(date +%s)
# Progress: every 200th Kbuild line, so a long build visibly moves.
set +e
"${kmake[@]}" "$target" 2>&1 | tee "$log" | awk 'NR % 200 == 1 { print "  " $0; fflush() }'
rc=${PIPESTATUS[0]}
set -e
if [ "$rc" != 0 ]; then
	grep -E 'error|Error' "$log" | head -20 >&2
	die "kernel build failed, see ${log#$top/}"
fi
info "kernel: ${kout#$top/}/$KIMAGE ($(( $(date +%s) - start ))s)"
