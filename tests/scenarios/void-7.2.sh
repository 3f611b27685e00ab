# The void hand-over on the 7.2 series: void.sh, every hop ours-7.2.
. "$(dirname "${BASH_SOURCE[0]}")/void.sh"
DESC="7.2: $DESC"
KERNELS="ours-7.2 ours-7.2 ours-7.2"
