# A refused kexec with tasks held: two loops execute new files while the
# list outgrows its segment (ima_kexec_overflow=refuse). The first exec
# suspends measurement, finds the list too big and resumes it: the loops'
# files measured in between were held, not dropped, and are measured once
# resumed. The reload and the second exec hand everything over.
. "$(dirname "${BASH_SOURCE[0]}")/race.sh"
DESC="7.2, ima_kexec_overflow=refuse with two loops executing files: ENOSPC resumes the held tasks, nothing is dropped, the reload hands all over"
GUEST_HOOK="race overflow"
ARCHS="x86_64 ppc64le"
HOPS=1
KERNELS="ours-7.2 ours-7.2"
TIMEOUT=300
# 600 files after the load outgrow 128K of extra memory whatever the loops
# do (an entry takes about 270 bytes with its digests in four banks; 64
# KiB pages round the segment up: 1500 files on ppc64le); after a reload,
# the loops may outgrow it again before the next exec (they measure about
# 250 files, 70 KB, while the kernel is loaded again under TCG): the guest
# reloads up to three times (overflow.guest.sh).
POST=600
[ "${ARCH:-x86_64}" = ppc64le ] && POST=1500
APPEND="$APPEND ima_kexec_extra_memory=128K ima_kexec_overflow=refuse"
check() {
	expect_console 'refusing kexec, load the kernel again' "hop 0 did not refuse the first exec" || return 1
	grep -qx 'exec_rc=28' "$RESULT_DIR/share/hop-0.env" ||
		{ echo "# reboot(KEXEC) was not refused with ENOSPC (28)"; return 1; }
	! console_outside_kunit | grep -a 'not measured' > /dev/null ||
		{ echo "# a measurement was dropped:"; console_outside_kunit | grep -a 'not measured' | head -3; return 1; }
	expect_handovers 1 && expect_chain_intact && expect_ran_files_measured
}
