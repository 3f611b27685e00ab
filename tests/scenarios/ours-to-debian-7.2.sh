DESC="ours kexecs into Debian's packaged 7.2 kernel: it restores our version-1 list, every bank replays, the quote verifies"
# Hop 1 is Debian's 7.2 cloud kernel from trixie-backports (make
# debian-kernel KBASE=7.2): IMA_KEXEC off, but it restores a hand-over as
# every HAVE_IMA_KEXEC kernel does, reading the version-1 part (up to the
# header's buffer_size) and never the series' extension after it. No 9p:
# its evidence comes back through a virtio serial port.
ARCHS="x86_64"
HOPS=1
PRE=5
POST=5
KERNELS="ours debian-7.2"
TIMEOUT=240
check() {
	local log=$RESULT_DIR/console.log kernel t0
	kernel=$(sed -n 's/^kernel=//p' "$RESULT_DIR/share/hop-1.env")
	expect_no_restore_failure "Debian's 7.2 kernel" || return 1
	grep -q 'IKX: hop 1: evidence sent through' "$log" ||
		{ echo "# hop 1 did not send its evidence through the serial port"; return 1; }
	case "$kernel" in
	7.2.*-cloud-amd64) ;;
	*) echo "# hop 1 was not Debian's 7.2 kernel (${kernel:-no hop-1.env})"; return 1 ;;
	esac
	expect_chain_intact || return 1
	# (grep -q on a pipe would end it early: SIGPIPE fails it under pipefail)
	t0=$(kexec_event_texts 0)
	grep -qE '^kexec_execute (.*[ ;])?hop=' <<<"$t0" ||
		{ echo "# our kexec_execute of hop 0 is not in Debian's 7.2 kernel's list"; return 1; }
	echo "# Debian's kernel ($kernel) restored our list"
}
