# race on the 7.2 tree: mainline suspends measurement in its reboot
# notifier and drops what is measured after it; with "ima: hold back
# measurements that race a reboot instead of dropping them" a loop that
# executes a file in that window waits until the kernel has jumped, so
# every file that ran is in the list. Six hops on ours-7.2, the last
# kernel ours (6.12). BASE72_KERNEL in KERNELS (base-7.2) shows what
# mainline does with the same loops.
. "$(dirname "${BASH_SOURCE[0]}")/race.sh"
DESC="7.2: 6 hops, two loops executing new files while kexec -e runs: nothing that ran is missing from the list, replay matches"
GUEST_HOOK=race
ARCHS="x86_64 ppc64le"
HOPS=6
KERNELS="ours-7.2 ours-7.2 ours-7.2 ours-7.2 ours-7.2 ours-7.2 ours"
TIMEOUT=600
# The loops execute some 250 files in the second before kexec -e: more
# than mainline's half page of extra memory holds (ima: kexec: let the
# boot command line size the extra memory).
APPEND="$APPEND ima_kexec_extra_memory=256K"
check() { expect_handovers "$HOPS" && expect_chain_intact && expect_ran_files_measured; }
