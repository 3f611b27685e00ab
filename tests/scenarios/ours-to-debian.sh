DESC="ours kexecs into Debian's packaged kernel: it restores our list, every bank replays, the quote verifies"
# Hop 1 is linux-image-6.12.117+deb12-cloud-amd64-unsigned as Debian ships
# it (make debian-kernel): IMA_KEXEC off, but it restores a hand-over as
# every HAVE_IMA_KEXEC kernel does. It has no 9p: its evidence comes back
# through a virtio serial port.
ARCHS="x86_64"
HOPS=1
PRE=5
POST=5
KERNELS="ours debian"
# A distribution kernel boots slower than ours under TCG.
TIMEOUT=240
check() {
	local log=$RESULT_DIR/console.log
	expect_no_restore_failure "Debian's kernel" || return 1
	grep -q 'IKX: hop 1: evidence sent through' "$log" ||
		{ echo "# hop 1 did not send its evidence through the serial port"; return 1; }
	grep -q 'cloud-amd64' "$RESULT_DIR/share/hop-1.env" ||
		{ echo "# hop 1 was not Debian's kernel ($(sed -n 's/^kernel=//p' "$RESULT_DIR/share/hop-1.env"))"; return 1; }
	expect_chain_intact || return 1
	hop_part 0 | grep -q ' kexec_execute ' ||
		{ echo "# our kexec_execute of hop 0 is not in Debian's kernel's list"; return 1; }
	echo "# Debian's kernel ($(sed -n 's/^kernel=//p' "$RESULT_DIR/share/hop-1.env")) restored our list"
}
