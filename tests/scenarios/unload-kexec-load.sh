# replace-kexec-load with kexec -u between the two loads: the image whose
# segment IMA mapped is freed by the unload, not by the second load.
. "$(dirname "${BASH_SOURCE[0]}")/replace-kexec-load.sh"
DESC="an image loaded with kexec -s -l, unloaded with kexec -u, then one loaded with kexec -l executed: nothing is written through the freed image's segment, the next kernel starts afresh"
APPEND_0="$APPEND_0 ikx.unload=1"
UNLOAD=1
