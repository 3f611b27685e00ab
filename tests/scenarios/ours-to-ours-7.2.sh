DESC="ours (6.12) -> ours-7.2 -> ours: each series restores the other's hand-over with its extension (every bank's digest as carried), the hops numbered on"
# The two series next to each other, both ways, with one wire format: the
# 6.12 series writes the version 1 list and its extension, announced in
# the header's flags; the 7.2 series checks and restores both
# (format=v1+ext), and hands over hop 2 the same way, which the 6.12
# series restores with the extension as well.
ARCHS="x86_64 ppc64le arm64"
HOPS=2
PRE=5
POST=5
KERNELS="ours ours-7.2 ours"
check() {
	expect_no_restore_failure "a kernel of the chain" &&
	expect_chain_intact &&
	expect_restored_with_extension 1 2 &&
	expect_banks_replayed sha1 sha256 sha384 sha512 || return 1
	echo "# hops 1 and 2 numbered across both series, both with the extension: $(event_texts 1 kexec_restored) / $(event_texts 2 kexec_restored)"
}
