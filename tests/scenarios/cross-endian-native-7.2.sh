# cross-endian-native on the 7.2 series: ours-7.2 little-endian -> ours-7.2
# big-endian in its own byte order -> ours-7.2 little-endian, no TPM.
. "$(dirname "${BASH_SOURCE[0]}")/cross-endian-native.sh"
DESC="7.2, $DESC"
KERNELS="ours-7.2 ours-7.2-be ours-7.2"
