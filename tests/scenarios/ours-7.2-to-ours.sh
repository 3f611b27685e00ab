# base-7.2-to-ours with hop 0 on ours-7.2: the fixes change no wire format
# and no event, so ours restores the list and reads mainline's events.
. "$(dirname "${BASH_SOURCE[0]}")/base-7.2-to-ours.sh"
DESC="the 7.2 tree with its fixes (patches/7.2) kexecs into ours: the same as from the unpatched 7.2, nothing lost to the fixes"
KERNELS="ours-7.2 ours"
ARCHS="x86_64 ppc64le arm64"
