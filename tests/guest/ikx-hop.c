// SPDX-License-Identifier: GPL-2.0-only
/*
 * ikx-hop - /init of a hop whose user space is this one static program:
 * the big-endian ppc64 kernel, for which Debian's main archive has no
 * busybox and no tpm2-tools. It does what tests/guest/init does, in the
 * same order and with the same notes and console lines (the harness
 * counts "IKX: hop N: booted"): mounts, the IMA policy (/etc/ima-policy,
 * the file the shell init writes too), the same measured activity before
 * and after loading the next kernel, the load and the jump through
 * ikx-kexec (so that its exit status means the same errno as there).
 *
 * As the last hop it collects evidence without a quote (there are no
 * tpm2-tools to make one): the measurement lists, binary and ASCII, and
 * the PCRs as the kernel reads them (sysfs pcr-BANK/N), in the layout of
 * the shell init's evidence; the host replays the lists against those
 * PCRs (a scenario with EVIDENCE=pcrs, tests/run-scenario), or checks
 * the lists alone when there is no TPM (TPM=none, EVIDENCE=list).
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#define IMA_DIR "/sys/kernel/security/ima"

static int hop;
static char env_path[64];

static void say(const char *fmt, ...)
{
	va_list ap;

	printf("IKX: hop %d: ", hop);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

/* One "key=value" line in /mnt/hop-N.env, as the shell init writes them. */
static void note(const char *key, const char *fmt, ...)
{
	FILE *f = fopen(env_path, "a");
	va_list ap;

	if (!f)
		return;
	fprintf(f, "%s=", key);
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
	fclose(f);
}

/* The whole of a small file, NUL-terminated, trailing newline dropped. */
static char *slurp(const char *path)
{
	static char buf[4096];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 0)
		return NULL;
	buf[n] = '\0';
	if (n > 0 && buf[n - 1] == '\n')
		buf[n - 1] = '\0';
	return buf;
}

/* ikx.NAME=VALUE from the kernel command line, as a number. */
static long ikx_arg(const char *name, long dflt)
{
	char key[32], *cmdline = slurp("/proc/cmdline"), *p;

	if (!cmdline)
		return dflt;
	snprintf(key, sizeof(key), "ikx.%s=", name);
	for (p = strtok(cmdline, " "); p; p = strtok(NULL, " "))
		if (!strncmp(p, key, strlen(key)))
			return strtol(p + strlen(key), NULL, 10);
	return dflt;
}

static long entries(void)
{
	FILE *f = fopen(IMA_DIR "/ascii_runtime_measurements", "r");
	long n = 0;
	int c;

	if (!f)
		return -1;
	while ((c = getc(f)) != EOF)
		n += c == '\n';
	fclose(f);
	return n;
}

/*
 * Copy a file to one that exists (the policy) or a new one (evidence).
 * IMA takes a policy one rule per write(): write until all is taken.
 */
static int copy_file(const char *from, const char *to)
{
	char buf[4096];
	ssize_t n, done, w;
	int in = open(from, O_RDONLY | O_CLOEXEC);
	int out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	int rc = in < 0 || out < 0 ? -1 : 0;

	while (!rc && (n = read(in, buf, sizeof(buf))) != 0) {
		if (n < 0)
			rc = -1;
		for (done = 0; !rc && done < n; done += w) {
			w = write(out, buf + done, n - done);
			if (w <= 0)
				rc = -1;
		}
	}
	if (in >= 0)
		close(in);
	if (out >= 0 && close(out))
		rc = -1;	/* the policy is checked, and refused, at close */
	return rc;
}

/* Run a program and return its exit status (the errno, for ikx-kexec). */
static int run(char *const argv[])
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return 125;
	if (pid == 0) {
		execv(argv[0], argv);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status))
		return 125;
	return WEXITSTATUS(status);
}

/*
 * What the shell init's activity() does: N new files executed, each one
 * measurement (BPRM_CHECK measures before the interpreter is looked up,
 * so that /bin/true is missing here changes nothing), then one file
 * written to and read from the measured ramfs.
 */
static void activity(const char *tag, long n)
{
	char path[64], text[64];
	long i;

	for (i = 0; i <= n; i++) {
		FILE *f;

		if (i < n) {
			snprintf(path, sizeof(path), "/x/h%d-%s-%ld", hop, tag, i);
			snprintf(text, sizeof(text), "#!/bin/true\n# hop %d %s %ld\n", hop, tag, i);
		} else {
			snprintf(path, sizeof(path), "/measured/%s", tag);
			snprintf(text, sizeof(text), "hop %d %s\n", hop, tag);
		}
		f = fopen(path, "w");
		if (!f || fputs(text, f) < 0 || fclose(f)) {
			say("cannot write %s: %s", path, strerror(errno));
			return;
		}
		if (i < n) {
			chmod(path, 0755);
			run((char *const[]){ path, NULL });
		} else if (!slurp(path)) {
			say("cannot read %s: %s", path, strerror(errno));
		}
	}
}

/* /mnt/NAME-HOP when the share has one for this hop, else /mnt/NAME. */
static void per_hop(char *buf, size_t len, const char *name, int next)
{
	struct stat st;

	snprintf(buf, len, "/mnt/%s-%d", name, next);
	if (stat(buf, &st))
		snprintf(buf, len, "/mnt/%s", name);
}

static void mounts(void)
{
	static const char *const dirs[] = { "/proc", "/sys", "/dev", "/mnt", "/measured", "/x" };
	size_t i;

	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		mkdir(dirs[i], 0755);
	mount("proc", "/proc", "proc", 0, NULL);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	mount("securityfs", "/sys/kernel/security", "securityfs", 0, NULL);
	if (mount("host", "/mnt", "9p", 0, "trans=virtio,version=9p2000.L,msize=512000")) {
		printf("IKX: cannot mount the host share: %s\n", strerror(errno));
		fflush(stdout);
		reboot(RB_POWER_OFF);
	}
}

/* PCRs 0-23 of one bank, "PCR-NN: hex" lines as the shell init writes. */
static int save_pcrs(const char *bank)
{
	char path[128], *value, *c;
	FILE *out;
	int i;

	snprintf(path, sizeof(path), "/mnt/evidence/pcrs-%s.txt", bank);
	out = fopen(path, "w");
	if (!out)
		return -1;
	for (i = 0; i < 24; i++) {
		snprintf(path, sizeof(path), "/sys/class/tpm/tpm0/pcr-%s/%d", bank, i);
		value = slurp(path);
		if (!value)
			break;
		for (c = value; *c; c++)
			*c = tolower((unsigned char)*c);
		fprintf(out, "PCR-%02d: %s\n", i, value);
	}
	return fclose(out) || i < 24 ? -1 : 0;
}

/* The last hop's evidence: every list IMA exports, every bank's PCRs. */
static void collect_evidence(void)
{
	char from[320], to[320];
	struct dirent *d;
	int failed = 0, banks = 0;
	DIR *dir;

	mkdir("/mnt/evidence", 0755);
	dir = opendir(IMA_DIR);
	while (dir && (d = readdir(dir)))
		if (strstr(d->d_name, "_runtime_measurements")) {
			snprintf(from, sizeof(from), IMA_DIR "/%s", d->d_name);
			snprintf(to, sizeof(to), "/mnt/evidence/%s", d->d_name);
			failed |= copy_file(from, to);
		}
	if (dir)
		closedir(dir);
	dir = opendir("/sys/class/tpm/tpm0");
	if (dir) {
		while ((d = readdir(dir)))
			if (!strncmp(d->d_name, "pcr-", 4)) {
				failed |= save_pcrs(d->d_name + 4);
				banks++;
			}
		closedir(dir);
		failed |= !banks;
	} else if (errno == ENOENT) {
		/* no TPM (TPM=none, tests/run-scenario): the lists are all */
		say("no TPM: the lists are the evidence");
	} else {
		failed = 1;
	}
	note("entries_at_evidence", "%ld", entries());
	if (failed)
		say("collecting the evidence failed (%d banks)", banks);
	else
		say("evidence complete (lists and %d banks' PCRs, no quote)", banks);
}

static void power_off(void)
{
	sync();
	reboot(RB_POWER_OFF);
	_exit(1);
}

int main(void)
{
	char kernel[64], initrd[64], cmdfile[64], *cmdline;
	struct utsname uts;
	long hops, pre, post;
	int next, rc;

	mounts();
	hop = ikx_arg("hop", 0);
	hops = ikx_arg("hops", 0);
	pre = ikx_arg("pre", 0);
	post = ikx_arg("post", 0);
	snprintf(env_path, sizeof(env_path), "/mnt/hop-%d.env", hop);
	close(open(env_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
	uname(&uts);
	note("hop", "%d", hop);
	note("kernel", "%s", uts.release);
	note("machine", "%s", uts.machine);
	note("cmdline", "%s", slurp("/proc/cmdline"));
	note("entries_at_boot", "%ld", entries());
	say("booted, %ld measurements inherited + own (%s)", entries(), uts.machine);

	if (mount("ramfs", "/measured", "ramfs", 0, NULL) ||
	    copy_file("/etc/ima-policy", IMA_DIR "/policy"))
		say("mounting /measured or writing the IMA policy failed");
	activity("pre", pre);

	if (hop >= hops) {
		say("last hop, collecting evidence");
		collect_evidence();
		power_off();
	}
	next = hop + 1;
	per_hop(kernel, sizeof(kernel), "kernel", next);
	per_hop(initrd, sizeof(initrd), "initramfs", next);
	snprintf(cmdfile, sizeof(cmdfile), "/mnt/cmdline-%d", next);
	cmdline = slurp(cmdfile);
	cmdline = cmdline ? strdup(cmdline) : NULL;
	note("loader", "ikx");
	note("next_kernel", "%s", kernel);
	rc = cmdline ? run((char *const[]){ "/bin/ikx-kexec", "load", kernel, initrd,
					    cmdline, NULL }) : 2;
	note("load_rc", "%d", rc);
	if (rc) {
		say("loading the next kernel (ikx) failed: %d", rc);
		power_off();
	}
	note("entries_at_load", "%ld", entries());
	activity("post", post);
	note("entries_before_exec", "%ld", entries());
	say("jumping to hop %d with %ld measurements", next, entries());
	rc = run((char *const[]){ "/bin/ikx-kexec", "exec", NULL });
	note("exec_rc", "%d", rc);
	say("kexec refused: %d", rc);
	power_off();
	return 1;
}
