DESC="control: the unpatched base kernel kexecs into Debian's packaged kernel, which restores and replays"
# Neither kernel carries the series: what the field has today, and what
# ours-to-debian must match. Also proves the harness's serial-port
# evidence path (Debian's kernel has no 9p).
ARCHS="x86_64"
HOPS=1
PRE=5
POST=5
KERNELS="base debian"
TIMEOUT=240
check() {
	grep -q 'IKX: hop 1: evidence sent through' "$RESULT_DIR/console.log" ||
		{ echo "# hop 1 did not send its evidence through the serial port"; return 1; }
	grep -q 'cloud-amd64' "$RESULT_DIR/share/hop-1.env" ||
		{ echo "# hop 1 was not Debian's kernel"; return 1; }
	expect_chain_intact
}
