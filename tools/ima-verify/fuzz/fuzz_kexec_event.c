// SPDX-License-Identifier: GPL-2.0-only
/* libFuzzer: the kexec boundary event parser, every kind. */
#include <string.h>

#include "kexec_event.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct iv_kexec_event ev;
	char why[200];
	int rc;

	if (size < 1)
		return 0;
	/* First byte picks the kind (and NONE now and then). */
	rc = iv_kexec_event_parse((enum iv_kx_kind)(data[0] % 5), data + 1,
				  size - 1, &ev, why, sizeof(why));
	if (rc != 0 && (rc != -1 || !why[0] || !memchr(why, 0, sizeof(why))))
		__builtin_trap();	/* every failure says why */
	if (rc == 0 && (ev.reason[IV_KX_REASON_MAX - 1] ||
			ev.format[IV_KX_FORMAT_MAX - 1]))
		__builtin_trap();
	return 0;
}
