// SPDX-License-Identifier: GPL-2.0-only
/* libFuzzer: list reader, template parser, boot chain and its hand-overs,
 * template digests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain.h"
#include "handover.h"
#include "log.h"
#include "template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct iv_hasher hasher;
	uint8_t digest[IV_MAX_DIGEST];
	struct iv_log_entry e;
	enum iv_log_result res;
	struct iv_verdict verdict;
	struct iv_chain chain;
	struct iv_event ev;
	struct iv_error err;
	struct iv_log log;
	FILE *f;
	int order;

	if (size < 2)
		return 0;
	/* First byte picks the byte order and the list's digest size. */
	order = data[0] % 3;
	f = fmemopen((void *)(data + 1), size - 1, "rb");
	if (!f)
		return 0;
	iv_error_clear(&err);
	if (iv_log_open_stream(&log, f, "fuzz", data[0] & 0x80 ? 32 : 20,
			       order, &err)) {
		fclose(f);
		return 0;
	}
	/* Small reads exercise buffer growth and batch boundaries. */
	log.max_data = 1u << 16;
	log.chunk = 256;
	iv_chain_init(&chain, 0, 0);
	for (;;) {
		if (iv_log_next(&log, &e, &res, &err) || res == IV_LOG_END)
			break;
		if (res == IV_LOG_AGAIN) {
			iv_log_release(&log);
			continue;
		}
		iv_template_digest(&hasher, IV_SHA1, &e, digest);
		iv_template_digest(&hasher, IV_SM3_256, &e, digest);
		if (iv_template_parse(&e, &ev, &err))
			break;
		if (iv_chain_add(&chain, &e, &ev, &err))
			break;
	}
	/* Judge whatever chain came out, with and without a PCR mismatch. */
	iv_verdict_init(&verdict);
	iv_judge_handovers(&chain, data[0] & 1, &verdict);
	iv_chain_free(&chain);
	iv_log_close(&log);
	fclose(f);
	return 0;
}
