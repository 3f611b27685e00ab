// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer: TPMS_ATTEST / TPMT_SIGNATURE / AK public / quote PCR file.
 * Input: u16 msg length, u16 sig length, u16 key length, then the three
 * blobs, then the rest as a tpm2_quote -o PCR file.
 */
#include <stdlib.h>
#include <string.h>

#include "quote.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct iv_pcr_values values;
	size_t msg_len, sig_len, key_len;
	struct iv_pcr_values from_file;
	struct iv_quote q;
	struct iv_error err;
	EVP_PKEY *ak = NULL;
	const uint8_t *p;

	if (size < 6)
		return 0;
	msg_len = (size_t)(data[0] | data[1] << 8);
	sig_len = (size_t)(data[2] | data[3] << 8);
	key_len = (size_t)(data[4] | data[5] << 8);
	if (6 + msg_len + sig_len + key_len > size)
		return 0;
	p = data + 6;
	iv_error_clear(&err);
	if (!iv_quote_parse(&q, p, msg_len, p + msg_len, sig_len, &err)) {
		p += msg_len + sig_len;
		if (!iv_ak_parse(&ak, p, key_len, &err)) {
			iv_quote_check_signature(&q, ak, &err);
			EVP_PKEY_free(ak);
		}
		p += key_len;
		iv_quote_check_nonce(&q, p, size - (size_t)(p - data) > 64 ?
				     64 : size - (size_t)(p - data), &err);
		iv_quote_check_selection(&q, q.selected, q.selected, &err);
		iv_quote_check_pcr_digest(&q, &values, &err);
		iv_quote_pcrs_parse(&q, p, size - (size_t)(p - data),
				    &from_file, &err);
	}
	iv_quote_free(&q);
	return 0;
}
