DESC="ours-7.2 -> unpatched 7.2 -> ours (6.12): the 7.2 series' list crosses mainline 7.2 and reaches the 6.12 series; hops stay numbered where a kernel numbers them"
# The mixed chain of the 7.2 base: a kernel of the 7.2 series hands over
# to the unpatched 7.2 (built here: Debian's packaged 7.2 has no 9p, so it
# can only be a chain's last hop), which hands over to the 6.12 series.
# The unpatched kernel neither reads nor writes the hop: it writes 0, so
# ours (hop 2) counts itself as hop 1 of the part it can see, and
# ima-verify accepts that (the unpatched kernel's events name no hop).
ARCHS="x86_64"
HOPS=2
PRE=5
POST=5
KERNELS="ours-7.2 base-7.2 ours"
check() {
	local t0 t1
	expect_no_restore_failure "a kernel of the chain" || return 1
	expect_chain_intact || return 1
	# (grep -q on a pipe would end it early: SIGPIPE fails it under pipefail)
	t0=$(kexec_event_texts 0); t1=$(kexec_event_texts 1)
	grep -qE '^kexec_execute kexec_segment_size=.*;hop=1;$' <<<"$t0" ||
		{ echo "# ours-7.2's kexec_execute (hop 0) does not say hop=1:"; sed 's/^/#   /' <<<"$t0"; return 1; }
	grep -q '^kexec_execute kexec_segment_size=' <<<"$t1" && ! grep -qE '[ ;]hop=' <<<"$t1" ||
		{ echo "# hop 1's events are not the unpatched 7.2's:"; sed 's/^/#   /' <<<"$t1"; return 1; }
	hop_part 1 | grep -q ' kexec_restored ' &&
		{ echo "# the unpatched 7.2 measured kexec_restored"; return 1; }
	hop_part 2 | grep -q ' kexec_restored ' ||
		{ echo "# ours (hop 2) did not measure kexec_restored"; return 1; }
	echo "# ours-7.2's list (hop=1) crossed the unpatched 7.2 and reached ours, every bank replays"
}
