// SPDX-License-Identifier: GPL-2.0-only
/*
 * ikx-kexec - the two kexec steps the test guest needs, as a static binary.
 *
 *   ikx-kexec load KERNEL INITRD CMDLINE    kexec_file_load(2)
 *   ikx-kexec unload                         drop a loaded image
 *   ikx-kexec exec                           reboot(LINUX_REBOOT_CMD_KEXEC)
 *
 * kexec-tools would drag in its shared-library closure (Xen among it); this
 * keeps the guest small and lets the test see the raw errno of each step,
 * which the overflow scenario depends on (exec must fail with ENOSPC).
 * Exit status: 0 on success, otherwise the errno (capped at 125).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/reboot.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef KEXEC_FILE_UNLOAD
#define KEXEC_FILE_UNLOAD 0x00000001
#endif

static int fail(const char *what)
{
	int err = errno;

	fprintf(stderr, "ikx-kexec: %s: %s (errno %d)\n", what, strerror(err), err);
	return err > 125 ? 125 : err;
}

static int load(const char *kernel, const char *initrd, const char *cmdline)
{
	int kfd, ifd;

	kfd = open(kernel, O_RDONLY | O_CLOEXEC);
	if (kfd < 0)
		return fail(kernel);
	ifd = open(initrd, O_RDONLY | O_CLOEXEC);
	if (ifd < 0)
		return fail(initrd);
	/* The length passed includes the terminating NUL. */
	if (syscall(SYS_kexec_file_load, kfd, ifd, strlen(cmdline) + 1,
		    cmdline, 0UL) != 0)
		return fail("kexec_file_load");
	close(kfd);
	close(ifd);
	return 0;
}

static int unload(void)
{
	if (syscall(SYS_kexec_file_load, -1, -1, 0UL, NULL,
		    (unsigned long)KEXEC_FILE_UNLOAD) != 0)
		return fail("kexec_file_load(UNLOAD)");
	return 0;
}

/*
 * A mark in the kernel log right before the jump, so the time the kernel
 * takes to execute the kexec can be read off the console (make bench).
 */
static void mark_kmsg(const char *msg)
{
	int fd = open("/dev/kmsg", O_WRONLY | O_CLOEXEC);

	if (fd < 0)
		return;
	/* Only a mark: the kexec goes on without it. */
	if (write(fd, msg, strlen(msg)) < 0)
		perror("ikx-kexec: /dev/kmsg");
	close(fd);
}

static int execute(void)
{
	sync();
	mark_kmsg("ikx-kexec: reboot(LINUX_REBOOT_CMD_KEXEC)\n");
	reboot(LINUX_REBOOT_CMD_KEXEC);
	/* Only reached when the kernel refused to jump. */
	return fail("reboot(LINUX_REBOOT_CMD_KEXEC)");
}

int main(int argc, char **argv)
{
	if (argc == 5 && !strcmp(argv[1], "load"))
		return load(argv[2], argv[3], argv[4]);
	if (argc == 2 && !strcmp(argv[1], "unload"))
		return unload();
	if (argc == 2 && !strcmp(argv[1], "exec"))
		return execute();
	fprintf(stderr, "usage: ikx-kexec load KERNEL INITRD CMDLINE | unload | exec\n");
	return 126;
}
