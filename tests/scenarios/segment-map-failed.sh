DESC="a second kexec_file_load whose measurement segment cannot be mapped (fault injection) fails with ENOMEM; the image loaded first keeps its mapping and hands the list over"
# As post-load-failed, with failslab failing the first slab allocation
# under ima_kexec_post_load(): kimage_map_segment()'s page array.
# Mainline unmaps the first image's segment before it tries the new
# one's, logs "Could not map measurements buffer." and lets the load
# succeed: the image installed cannot carry the list, and kexec -e finds
# no mapping ("Kexec buffer not set."); the next kernel starts afresh.
# With "ima: kexec: keep the segment mapping with its image" the load
# fails with ENOMEM and the image loaded first, its mapping untouched, is
# executed: hop 1 must restore everything hop 0 held at kexec -e.
# ima_kexec_post_load() is generic code; the fault attributes are in the
# arm64 test kernels only (configs/arm64.config).
ARCHS="arm64"
HOPS=1
PRE=5
POST=5
APPEND_0="ikx.fail_in=ima_kexec_post_load ikx.fail_with=failslab"
GUEST_HOOK=post-load-failed
check() {
	expect_reload_failed_in ima_kexec_post_load &&
		expect_console 'Could not map measurements buffer' "hop 0 did not say the segment could not be mapped" &&
		expect_no_restore_failure "hop 1" &&
		expect_chain_intact &&
		expect_handovers 1
}
