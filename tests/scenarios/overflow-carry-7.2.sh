# overflow-carry on the 7.2 series, whose default carry mode is mainline's:
# the cut is logged by mainline's "Dump measurements failed".
. "$(dirname "${BASH_SOURCE[0]}")/overflow-carry.sh"
DESC="7.2, ima_kexec_overflow=carry: the exec goes on with the records that fit; the next kernel's list is a prefix and the verifiers reject it"
ARCHS="x86_64 ppc64le"
KERNELS="ours-7.2 ours-7.2"
