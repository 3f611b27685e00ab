// SPDX-License-Identifier: GPL-2.0-only
/*
 * timeit COMMAND [ARG...]: run COMMAND with its output discarded and print
 * "WALL CPU" seconds to the microsecond (CPU = user + sys of all its
 * threads); /usr/bin/time's 10 ms would blur runs of a tenth of a second.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double seconds(struct timeval tv)
{
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	int status, null;
	pid_t pid;

	if (argc < 2)
		return 2;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid == 0) {
		null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		dup2(null, 2);
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
		return 2;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%.6f %.6f\n", (double)(t1.tv_sec - t0.tv_sec) +
	       (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
	       seconds(ru.ru_utime) + seconds(ru.ru_stime));
	return WIFEXITED(status) && WEXITSTATUS(status) == 127 ? 127 : 0;
}
