# overflow on the 7.2 series with ima_kexec_overflow=refuse: the list
# outgrows the segment after the load, reboot(2) fails with ENOSPC before
# anything is shut down, the guest loads again (a segment sized for the
# grown list) and the second execute hands the whole list over.
. "$(dirname "${BASH_SOURCE[0]}")/overflow.sh"
DESC="7.2, ima_kexec_overflow=refuse: a list that outgrew its segment refuses the exec with ENOSPC; after a reload the whole list is handed over"
ARCHS="x86_64 ppc64le"
KERNELS="ours-7.2 ours-7.2"
GUEST_HOOK=overflow
APPEND="ima_kexec_extra_memory=4K ima_kexec_overflow=refuse"
