# cross-config with the 7.2 series: it hands its own digests to the 6.12
# series built without SHA-384/SHA-512, which extends padded sha384/sha512
# digests for its own entries and flags those banks padded while handing
# on the computed digests of hop 0; the 7.2 series restores both as
# carried (its extension reader, checking the first entry against what it
# computes), and hands the mixed list on to itself.
. "$(dirname "${BASH_SOURCE[0]}")/cross-config.sh"
DESC="ours-7.2 -> nosha512 (6.12) -> ours-7.2 -> ours-7.2: padded and computed sha384/sha512 digests in one list through the 7.2 series' extension, every bank replays, the quote verifies"
HOPS=3
KERNELS="ours-7.2 nosha512 ours-7.2 ours-7.2"
GUEST_HOOK=cross-config
