DESC="a second kexec_file_load that fails in machine_kexec_post_load() (fault injection, arm64) leaves the image loaded first, and its hand-over, intact"
# Hop 0 loads hop 1, then loads it again while fail_page_alloc fails the
# first allocation made under machine_kexec_post_load() (arm64 copies
# the linear map for the relocation there): that load fails with ENOMEM
# and kexec_file_load() frees its image. Mainline maps the measurement
# segment of the new image before machine_kexec_post_load() runs and
# keeps the mapping in a global, dropping the first image's: at kexec -e
# the list is copied into the freed image's pages, and the first image,
# the one executed, hands over a segment nobody filled. Since "ima:
# kexec: keep the segment mapping with its image" (7.2 0005, 6.12 0008)
# the mapping is made after machine_kexec_post_load() and lives in the
# image: hop 1 must restore everything hop 0 held at kexec -e, the files
# run after the failed load included, and every bank must replay.
# KERNEL=<an arm64 Image without that patch> shows the loss.
ARCHS="arm64"
HOPS=1
PRE=5
POST=5
check() {
	expect_reload_failed_in machine_kexec_post_load &&
		expect_no_restore_failure "hop 1" &&
		expect_chain_intact &&
		expect_handovers 1
}
