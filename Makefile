# IMA measurements across kexec: kernel series, verifier, QEMU harness.
# The two commands that matter: `make demo` and `make check`.
ARCH ?= x86_64
export ARCH
# Architectures make check runs the e2e scenarios on (kernel + guest each).
CHECK_ARCHS ?= x86_64 ppc64le arm64
export CHECK_ARCHS
# Kernel bases make check covers: 6.12 (the series, and the kernels beside
# it) and 7.2 (patches/7.2 on every architecture, the 7.2 kernels that are
# not ours on x86_64). CHECK_BASES=6.12 builds no 7.2 kernel.
CHECK_BASES ?= 6.12 7.2
export CHECK_BASES

VERIFIER := tools/ima-verify/ima-verify

.PHONY: all deps kernel-tree kernel-patches kernel debian-kernel initramfs verifier demo \
	check check-unit check-e2e check-docs bench fuzz fuzz-kernel series-check fresh-check clean help

all: kernel initramfs verifier

help:
	@echo "make demo            deps, kernel, guest, a 5-hop kexec chain, verdict"
	@echo "make check           every test (unit, docs, e2e scenarios), TAP + summary"
	@echo "make bench           benchmarks (ratios, not tests)"
	@echo "make fuzz            the verifier's fuzzers, then fuzz-kernel (not in make check)"
	@echo "make fuzz-kernel     the restore parser's KUnit fuzz case under KASAN + UBSAN (FUZZ_ROUNDS=20000)"
	@echo "make kernel-tree     build/linux: Debian 6.12 tree + patches/series (git)"
	@echo "                     KBASE=7.2: build/linux-7.2, Debian's 7.2 tree + patches/7.2/series;"
	@echo "                     kernel and debian-kernel take KBASE=7.2 too"
	@echo "make kernel-patches  export build/linux commits back to patches/"
	@echo "make kernel          build the test kernel (ARCH=x86_64|ppc64le|arm64; KVARIANT=base: unpatched,"
	@echo "                     KVARIANT=nosha512: the series without SHA-384/SHA-512, KVARIANT=kasan: with KASAN + UBSAN,"
	@echo "                     KVARIANT=bigendian: ARCH=ppc64le built big-endian)"
	@echo "make debian-kernel   fetch Debian's packaged kernel (a receiver not built here)"
	@echo "make series-check    build after every patch of the series"
	@echo "make fresh-check     bash .ci/run in a new minimal Debian 12 chroot"

deps:
	@bash scripts/deps.sh

kernel-tree: deps
	@bash scripts/kernel-tree.sh

kernel-patches:
	@bash scripts/kernel-patches.sh

# KBASE=7.2: Debian's linux-source-7.2 (trixie-backports, pinned) in
# build/linux-7.2, its kernels in build/kernel-$(ARCH)-7.2[-VARIANT], Debian's
# packaged 7.2 kernel in build/debian-kernel-7.2. Default: 6.12.
KBASE ?= 6.12
export KBASE
# KVARIANT=base: the unpatched base tree, in build/kernel-$(ARCH)-base (a
# link to build/unpatched/kernel-$(ARCH), where ccache shares ours' objects).
# KVARIANT=nosha512: the series without SHA-384/SHA-512, in build/kernel-$(ARCH)-nosha512.
# KVARIANT=kasan: the series with KASAN + UBSAN, in build/kernel-$(ARCH)-kasan (make fuzz).
# KVARIANT=bigendian: ARCH=ppc64le built big-endian, in build/kernel-ppc64le-bigendian, and
# its user space, build/initramfs-ppc64le-bigendian.cpio.gz (make check).
KVARIANT ?=
export KVARIANT
kernel: kernel-tree
	@bash scripts/kernel-build.sh

# Debian's packaged kernel (apt-get download, pinned), a receiver we do not build.
debian-kernel: deps
	@bash scripts/debian-kernel.sh

initramfs: deps
	@bash scripts/initramfs.sh

verifier: deps
	@if [ -f tools/ima-verify/Makefile ]; then $(MAKE) -s -C tools/ima-verify; fi

demo: kernel initramfs verifier
	@bash tests/demo

check: kernel-tree verifier
	@for a in $(CHECK_ARCHS); do $(MAKE) -s kernel initramfs ARCH=$$a KVARIANT= || exit 1; done
	@# The kernels not ours of the cross-kernel scenarios, and the other
	@# configuration of the cross-config one: x86_64 only.
	@case " $(CHECK_ARCHS) " in *" x86_64 "*) $(MAKE) -s kernel debian-kernel ARCH=x86_64 KVARIANT=base && \
		$(MAKE) -s kernel ARCH=x86_64 KVARIANT=nosha512 || exit 1;; esac
	@# The 7.2 receivers and senders (x86_64): the unpatched 7.2 tree, built
	@# (cold 50 min with the 2 cores shared by four other kernel builds, warm
	@# 32 s; README), and Debian's packaged 7.2 kernel (14 MB, no build).
	@case " $(CHECK_ARCHS) :$(filter 7.2,$(CHECK_BASES))" in *" x86_64 "*:7.2) \
		$(MAKE) -s kernel debian-kernel ARCH=x86_64 KBASE=7.2 KVARIANT=base || exit 1;; esac
	@# The 7.2 tree with its series (patches/7.2): ours-7.2, on every
	@# architecture checked.
	@$(if $(filter 7.2,$(CHECK_BASES)),for a in $(CHECK_ARCHS); do \
		$(MAKE) -s kernel ARCH=$$a KBASE=7.2 KVARIANT= || exit 1; done)
	@# The ppc64le test kernels built big-endian, one per base, for the
	@# KUnit suites (tests/kunit-bigendian) and the big-endian chains, with
	@# their user space (tests/guest/ikx-hop.c).
	@$(if $(filter ppc64le,$(CHECK_ARCHS)),for b in $(CHECK_BASES); do \
		$(MAKE) -s kernel ARCH=ppc64le KBASE=$$b KVARIANT=bigendian || exit 1; done && \
		$(MAKE) -s initramfs ARCH=ppc64le KVARIANT=bigendian)
	@bash tests/run-all

bench: kernel initramfs verifier
	@bash tests/bench

# The verifier's fuzzers (FUZZ_SECONDS), then the kernel's (fuzz-kernel).
# Neither is part of make check.
fuzz: verifier
	$(MAKE) -C tools/ima-verify fuzz
	@$(MAKE) -s fuzz-kernel

# The restore parser's KUnit fuzz case in a KASAN + UBSAN build of the x86_64
# test kernel (build/kernel-x86_64-kasan; KBASE=7.2: the 7.2 series,
# build/kernel-x86_64-7.2-kasan): one boot, FUZZ_ROUNDS segments (default
# 20000), FUZZ_TIMEOUT seconds for the VM (default 900); TAP.
fuzz-kernel: kernel-tree
	@$(MAKE) -s kernel initramfs ARCH=x86_64 KVARIANT=kasan
	@ARCH=x86_64 bash tests/fuzz-kernel

# bash .ci/run in a new minimal Debian 12 chroot (FRESH_ARCHS=, FRESH_CCACHE=).
fresh-check:
	@bash scripts/fresh-check.sh

# Both series (CHECK_BASES), or the one KBASE names on the command line or
# in the environment; every base is checked even after one has failed.
series-check:
	@rc=0; for b in $(if $(filter file,$(origin KBASE)),$(CHECK_BASES),$(KBASE)); do \
		$(MAKE) -s kernel-tree KBASE=$$b && KBASE=$$b bash scripts/series-check.sh || rc=1; \
	done; exit $$rc

clean:
	rm -rf build/results build/initramfs-* build/kernel-* build/unpatched/kernel-*
	@if [ -f tools/ima-verify/Makefile ]; then $(MAKE) -s -C tools/ima-verify clean; fi
