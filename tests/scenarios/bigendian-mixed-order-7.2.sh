# bigendian-mixed-order on the 7.2 series built big-endian (KBASE=7.2 KVARIANT=bigendian).
. "$(dirname "${BASH_SOURCE[0]}")/bigendian-mixed-order.sh"
DESC="7.2, $DESC"
KERNELS="ours-7.2-be ours-7.2-be"
