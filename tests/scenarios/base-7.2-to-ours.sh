DESC="the unpatched 7.2 kernel kexecs into ours: mainline 7.2's version-1 list is restored, our events follow"
# Hop 0 boots the unpatched Debian 7.2 tree (make kernel KBASE=7.2
# KVARIANT=base), hop 1 the 6.12 series: a newer mainline kernel handing
# over to ours.
ARCHS="x86_64"
HOPS=1
PRE=5
POST=5
KERNELS="base-7.2 ours"
check() {
	local kernel t0
	kernel=$(sed -n 's/^kernel=//p' "$RESULT_DIR/share/hop-0.env")
	case "$kernel" in
	7.2.*) ;;
	*) echo "# hop 0 was not a 7.2 kernel (${kernel:-no hop-0.env})"; return 1 ;;
	esac
	expect_no_restore_failure "ours" || return 1
	expect_chain_intact || return 1
	# (grep -q on a pipe would end it early: SIGPIPE fails it under pipefail)
	t0=$(kexec_event_texts 0)
	# Mainline's events in mainline's words; the 7.2 series (ours-7.2)
	# adds a hop= key after them, the unpatched 7.2 none.
	grep -q '^kexec_load kexec_segment_size=' <<<"$t0" &&
	grep -q '^kexec_execute kexec_segment_size=' <<<"$t0" ||
		{ echo "# the 7.2 kernel's mainline kexec_load/kexec_execute are not in the list ours holds:"
		  sed 's/^/#   /' <<<"$t0"; return 1; }
	if [ "${KERNELS%% *}" = ours-7.2 ]; then
		grep -qE '^kexec_execute kexec_segment_size=.*;ima_runtime_measurements_count=[0-9]+;hop=1;$' <<<"$t0" ||
			{ echo "# ours-7.2's kexec_execute does not say hop=1 after mainline's keys:"
			  sed 's/^/#   /' <<<"$t0"; return 1; }
		hop_part 1 | grep -q ' kexec_restored ' && grep -q 'kexec_restored at entry .*hop 1' "$RESULT_DIR/share/ima-verify.txt" ||
			{ echo "# ima-verify did not read hop 1 from ours' kexec_restored"; return 1; }
		grep -q ';format=v1+ext;$' <<<"$(event_texts 1 kexec_restored)" ||
			{ echo "# ours did not restore ours-7.2's extension: $(event_texts 1 kexec_restored)"; return 1; }
	else
		! grep -qE '[ ;]hop=' <<<"$t0" ||
			{ echo "# the unpatched 7.2 kernel's events hold a hop= key:"
			  sed 's/^/#   /' <<<"$t0"; return 1; }
		grep -q ';format=v1;$' <<<"$(event_texts 1 kexec_restored)" ||
			{ echo "# ours did not restore the unpatched 7.2 kernel's list as version 1: $(event_texts 1 kexec_restored)"; return 1; }
	fi
	hop_part 1 | grep -q ' kexec_restored ' ||
		{ echo "# ours did not measure kexec_restored after restoring the 7.2 kernel's list"; return 1; }
	hop_part 1 | grep -q ' /x/h1-pre-0$' ||
		{ echo "# ours measured nothing of its own after the restore"; return 1; }
	echo "# ours restored the list of $kernel (its events: $(cut -d' ' -f1 <<<"$t0" | paste -sd' ')) and measured kexec_restored after it"
}
