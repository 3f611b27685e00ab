# replace-kexec-load with kexec -u between the two loads: the image whose
# segment IMA mapped is freed by the unload, not by the second load.
. "$(dirname "${BASH_SOURCE[0]}")/replace-kexec-load.sh"
DESC="an image loaded with kexec -s -l, unloaded with kexec -u, then one loaded with kexec -l executed: hop 1 boots (after unpatched kernels, which copy the list through the freed image's mapping, it never does) and starts afresh, the verifier names the missing records"
APPEND_0="$APPEND_0 ikx.unload=1"
UNLOAD=1
