DESC="a custom template (ima_template_fmt=) on 7.2: the segment is sized for the names the list really carries, every entry is handed over"
# Hop 0 is the 7.2 tree with its fixes and a template given by a format
# only, so every entry is named by the format string "d-ng|n-ng|iuid|igid|imode"
# (26 bytes). 400 files before the load: the unpatched 7.2 counts those
# names as 0 bytes, sizes the segment 10 KB short, far more than its half page of
# headroom, and at kexec -e says "Dump measurements failed" and hands
# over what fits (OURS72_KERNEL=<unpatched 7.2> shows it). With "ima:
# count a custom template by its format in binary_runtime_size" the
# whole list fits. Hop 1 (ours, 6.12, default template) restores it.
# The format is no built-in template's: a receiver renames entries whose
# format is one ("d-ng|n-ng" comes back as "ima-ng"), and the list it
# shows is then shorter than the bytes the sender's events count.
ARCHS="x86_64 ppc64le"
HOPS=1
PRE=400
# 64 KiB pages: half a page of headroom is 32 KiB, so 1600 names (41 KB)
# make the unpatched 7.2's shortfall exceed it. The rounding to a 64 KiB
# page may still absorb it (then the list arrives whole), but the
# unpatched kernel's kexec_load and kexec_execute state a binary size
# 40 KB short of its records, which the verifier rejects (exit 17).
[ "$ARCH" = ppc64le ] && PRE=1600
POST=0
KERNELS="ours-7.2 ours"
APPEND_0="ima_template_fmt=d-ng|n-ng|iuid|igid|imode"
check() {
	local list=$RESULT_DIR/share/evidence/ascii_runtime_measurements
	console_by_kernel 'Dump measurements failed' | grep -q '^kernel 0:' &&
		{ echo "# hop 0 could not copy its whole list into the segment"; return 1; }
	expect_no_restore_failure "hop 1" || return 1
	grep -q ' d-ng|n-ng|iuid|igid|imode ' "$list" ||
		{ echo "# no entry of hop 0 carries the custom template's name"; return 1; }
	# every entry hop 0 held at kexec -e, its last file included
	expect_chain_intact
}
