# IMA measurements across kexec: kernel series, verifier, QEMU harness.
# The two commands that matter: `make demo` and `make check`.
ARCH ?= x86_64
export ARCH
# Architectures make check runs the e2e scenarios on (kernel + guest each).
CHECK_ARCHS ?= x86_64 ppc64le arm64
export CHECK_ARCHS

VERIFIER := tools/ima-verify/ima-verify

.PHONY: all deps kernel-tree kernel-patches kernel debian-kernel initramfs verifier demo \
	check check-unit check-e2e check-docs bench fuzz series-check fresh-check clean help

all: kernel initramfs verifier

help:
	@echo "make demo            deps, kernel, guest, a 5-hop kexec chain, verdict"
	@echo "make check           every test (unit, docs, e2e scenarios), TAP + summary"
	@echo "make bench           benchmarks (ratios, not tests)"
	@echo "make kernel-tree     build/linux: Debian 6.12 tree + patches/series (git)"
	@echo "                     KBASE=7.2: build/linux-7.2, Debian's 7.2 tree + patches/7.2/series;"
	@echo "                     kernel and debian-kernel take KBASE=7.2 too"
	@echo "make kernel-patches  export build/linux commits back to patches/"
	@echo "make kernel          build the test kernel (ARCH=x86_64|ppc64le|arm64; KVARIANT=base: unpatched,"
	@echo "                     KVARIANT=nosha512: the series without SHA-384/SHA-512)"
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
# KVARIANT=base: the unpatched base tree, in build/kernel-$(ARCH)-base.
# KVARIANT=nosha512: the series without SHA-384/SHA-512, in build/kernel-$(ARCH)-nosha512.
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
	@case " $(CHECK_ARCHS) " in *" x86_64 "*) $(MAKE) -s kernel debian-kernel ARCH=x86_64 KBASE=7.2 KVARIANT=base || exit 1;; esac
	@bash tests/run-all

bench: kernel initramfs verifier
	@bash tests/bench

fuzz: verifier
	$(MAKE) -C tools/ima-verify fuzz

# bash .ci/run in a new minimal Debian 12 chroot (FRESH_ARCHS=, FRESH_CCACHE=).
fresh-check:
	@bash scripts/fresh-check.sh

series-check: kernel-tree
	@bash scripts/series-check.sh

clean:
	rm -rf build/results build/initramfs-* build/kernel-*
	@if [ -f tools/ima-verify/Makefile ]; then $(MAKE) -s -C tools/ima-verify clean; fi
