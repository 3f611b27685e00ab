# custom-template-renamed on the 7.2 series: its restore renames the
# entries the same way, and its kexec_load/kexec_execute state the
# sender's sizes.
. "$(dirname "${BASH_SOURCE[0]}")/custom-template-renamed.sh"
DESC="7.2, $DESC"
KERNELS="ours-7.2 ours-7.2"
