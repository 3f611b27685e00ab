DESC="ours -> unpatched 7.2 -> ours: the list crosses mainline 7.2's own hand-over and comes back"
# Hop 1 is the unpatched Debian 7.2 tree built with our fragments (make
# kernel KBASE=7.2 KVARIANT=base): IMA_KEXEC on, so it hands over itself,
# as mainline 7.2 does (copy at execute, version-1 header, SHA-1 template
# digests only), and measures its own kexec_load/kexec_execute critical
# data under the guest's func=CRITICAL_DATA rule. Ours (hop 2) must
# restore that list, recomputing the other banks' digests.
ARCHS="x86_64"
HOPS=2
PRE=5
POST=5
KERNELS="ours base-7.2 ours"
check() {
	local kernel t0 t1
	kernel=$(sed -n 's/^kernel=//p' "$RESULT_DIR/share/hop-1.env")
	case "$kernel" in
	7.2.*) ;;
	*) echo "# hop 1 was not a 7.2 kernel (${kernel:-no hop-1.env})"; return 1 ;;
	esac
	expect_no_restore_failure "a kernel of the chain" || return 1
	expect_chain_intact || return 1
	# (grep -q on a pipe would end it early: SIGPIPE fails it under pipefail)
	t0=$(kexec_event_texts 0); t1=$(kexec_event_texts 1)
	grep -qE '^kexec_execute (.*[ ;])?hop=' <<<"$t0" ||
		{ echo "# hop 0's kexec_execute did not survive the 7.2 kernel"; return 1; }
	# Mainline's events, in mainline's words; the series adds a hop= key
	# that mainline's have not.
	grep -q '^kexec_load kexec_segment_size=' <<<"$t1" &&
	grep -q '^kexec_execute kexec_segment_size=' <<<"$t1" ||
		{ echo "# the 7.2 kernel's part lacks mainline's kexec_load/kexec_execute:"
		  sed 's/^/#   /' <<<"$t1"; return 1; }
	! grep -qE '[ ;]hop=' <<<"$t1" ||
		{ echo "# the 7.2 kernel's part holds the series' events: hop 1 was not unpatched"; return 1; }
	hop_part 2 | grep -q ' kexec_restored ' ||
		{ echo "# ours (hop 2) did not measure kexec_restored"; return 1; }
	echo "# hop 0's list crossed the unpatched $kernel (its events: $(cut -d' ' -f1 <<<"$t1" | paste -sd' ')) and came back to ours"
}
