// SPDX-License-Identifier: GPL-2.0-only
/* libFuzzer: PCR text files (all formats) and PCR selection strings. */
#include <stdlib.h>
#include <string.h>

#include "evidence.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct iv_pcr_values v;
	uint32_t mask[IV_NBANKS];
	struct iv_error err;
	char *text;

	text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	memset(&v, 0, sizeof(v));
	iv_error_clear(&err);
	iv_pcrs_parse(&v, text, size, "fuzz", -1, &err);
	iv_pcrs_parse(&v, text, size, "pcrs-sha256.txt", IV_SHA256, &err);
	iv_selection_parse(text, mask, &err);
	free(text);
	return 0;
}
