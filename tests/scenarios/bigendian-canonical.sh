# bigendian with ima_canonical_fmt on every hop: each kernel writes and
# reads the hand-over little-endian, and exports its lists so.
. "$(dirname "${BASH_SOURCE[0]}")/bigendian.sh"
DESC="ppc64 big-endian, ima_canonical_fmt: 3 kernels of the series, the hand-over little-endian: chain intact with the extension, every bank replays"
APPEND="ima_canonical_fmt"
LIST_ORDER=little-endian
