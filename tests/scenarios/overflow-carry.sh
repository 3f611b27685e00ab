# The overflow of "overflow" in the default mode of mainline and of both
# series (ima_kexec_overflow=carry): the execute goes on, the entries that
# fit are handed over, whole and in order, and the rest are lost. The next
# kernel restores a prefix and says how many entries it restored; the PCRs
# were extended by all of them, so the verifiers must reject the evidence.
DESC="ima_kexec_overflow=carry: the exec goes on with the entries that fit; the next kernel's list is a prefix and the verifiers reject it"
HOPS=1
PRE=5
POST=200
# 64 KiB pages round the segment up (see overflow.sh).
[ "${ARCH:-x86_64}" = ppc64le ] && POST=1000
APPEND="ima_kexec_extra_memory=4K ima_kexec_overflow=carry"
EXPECT_VERIFY=fail
# What hop 0 logs when it cuts the list (ERE).
# Mainline's words for a list cut at execute, kept by both series.
CUT_MESSAGE='Dump measurements failed'
check() {
	local restored counted
	expect_console "$CUT_MESSAGE" "hop 0 did not say the list was cut" || return 1
	! grep -q 'refusing kexec' "$RESULT_DIR/console.log" ||
		{ echo "# carry mode refused the kexec"; return 1; }
	restored=$(event_texts 1 kexec_restored | sed -n 's/.*restored_entries=\([0-9]*\);.*/\1/p')
	counted=$(sed -n 's/^entries_before_exec=//p' "$RESULT_DIR/share/hop-0.env")
	[ -n "$restored" ] && [ -n "$counted" ] ||
		{ echo "# no kexec_restored count (${restored:-none}) or count before the exec (${counted:-none})"; return 1; }
	[ "$restored" -lt "$counted" ] ||
		{ echo "# hop 1 restored $restored of $counted records: nothing was cut"; return 1; }
	# The cut took the closing kexec_execute with it: ima-verify says so.
	grep -q 'handover-incomplete: .*no kexec_execute' "$RESULT_DIR/share/ima-verify.txt" ||
		{ echo "# ima-verify did not report the incomplete hand-over"; return 1; }
	echo "# hop 1 restored $restored of the $counted records hop 0 had before the exec; ima-verify: hand-over incomplete"
}
