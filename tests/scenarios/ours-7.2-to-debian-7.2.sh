# The 7.2 series itself into Debian's packaged 7.2 kernel: the receiver
# reads the version-1 part up to buffer_size and never the extension of
# every bank's digests behind it. The check is ours-to-debian-7.2's.
. "$(dirname "${BASH_SOURCE[0]}")/ours-to-debian-7.2.sh"
DESC="ours-7.2 kexecs into Debian's packaged 7.2 kernel: it restores our version-1 list, every bank replays, the quote verifies"
KERNELS="ours-7.2 debian-7.2"
