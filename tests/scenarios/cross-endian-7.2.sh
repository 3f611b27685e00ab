# cross-endian on the 7.2 series: ours-7.2 little-endian -> ours-7.2
# big-endian (ima_canonical_fmt) -> ours-7.2 little-endian, no TPM.
. "$(dirname "${BASH_SOURCE[0]}")/cross-endian.sh"
DESC="7.2, $DESC"
KERNELS="ours-7.2 ours-7.2-be ours-7.2"
