// SPDX-License-Identifier: GPL-2.0-only
#include <stdlib.h>
#include "unit.h"
#include "evidence.h"
#include "quote.h"

#define FX "tests/fixtures/swtpm-mix/"

static uint8_t *msg, *sig;
static size_t msg_len, sig_len;

static void load(const char *m, const char *s, struct iv_quote *q)
{
	struct iv_error err;

	free(msg);
	free(sig);
	iv_error_clear(&err);
	assert_int_equal(iv_read_file(m, 4096, &msg, &msg_len, &err), IV_OK);
	assert_int_equal(iv_read_file(s, 4096, &sig, &sig_len, &err), IV_OK);
	assert_int_equal(iv_quote_parse(q, msg, msg_len, sig, sig_len, &err),
			 IV_OK);
}

static EVP_PKEY *key(const char *path)
{
	struct iv_error err;
	EVP_PKEY *pkey = NULL;
	uint8_t *data;
	size_t len;

	assert_int_equal(iv_read_file(path, 4096, &data, &len, &err), IV_OK);
	assert_int_equal(iv_ak_parse(&pkey, data, len, &err), IV_OK);
	free(data);
	return pkey;
}

/* Parse m/s, check the signature algorithm, verify with the key at path. */
static int verify_with(const char *m, const char *s, int alg,
		       const char *path)
{
	struct iv_quote q;
	struct iv_error err;
	EVP_PKEY *pkey = key(path);
	int rc;

	load(m, s, &q);
	assert_int_equal(q.sig.sigAlg, alg);
	rc = iv_quote_check_signature(&q, pkey, &err);
	EVP_PKEY_free(pkey);
	iv_quote_free(&q);
	return rc;
}

static void test_rsassa_quote_verifies_with_both_key_forms(void **state)
{
	assert_int_equal(verify_with(FX "quote.msg", FX "quote.sig",
				     TPM2_ALG_RSASSA, FX "ak.pub"), IV_OK);
	assert_int_equal(verify_with(FX "quote.msg", FX "quote.sig",
				     TPM2_ALG_RSASSA, FX "ak.pem"), IV_OK);
}

static void test_pss_and_ecdsa_quotes_verify(void **state)
{
	assert_int_equal(verify_with(FX "quote-pss.msg", FX "quote-pss.sig",
				     TPM2_ALG_RSAPSS, FX "ak-pss.pub"), IV_OK);
	assert_int_equal(verify_with(FX "quote-ecc.msg", FX "quote-ecc.sig",
				     TPM2_ALG_ECDSA, FX "ak-ecc.pub"), IV_OK);
	assert_int_equal(verify_with(FX "quote-ecc.msg", FX "quote-ecc.sig",
				     TPM2_ALG_ECDSA, FX "ak-ecc.pem"), IV_OK);
	/* The wrong key type is refused, not crashed on. */
	assert_int_equal(verify_with(FX "quote-ecc.msg", FX "quote-ecc.sig",
				     TPM2_ALG_ECDSA, FX "ak-pss.pub"),
			 IV_ERR_QUOTE_SIGNATURE);
}

static void test_wrong_key_and_other_data_fail(void **state)
{
	assert_int_equal(verify_with(FX "quote.msg", FX "quote.sig",
				     TPM2_ALG_RSASSA, FX "ak-pss.pub"),
			 IV_ERR_QUOTE_SIGNATURE);
	/* The RSASSA signature over the PSS quote's message. */
	assert_int_equal(verify_with(FX "quote-pss.msg", FX "quote.sig",
				     TPM2_ALG_RSASSA, FX "ak.pub"),
			 IV_ERR_QUOTE_SIGNATURE);
}

static void test_nonce_and_selection(void **state)
{
	uint8_t nonce[64];
	size_t len;
	uint32_t want[IV_NBANKS], need[IV_NBANKS] = { 0 };
	struct iv_quote q;
	struct iv_error err;

	load(FX "quote.msg", FX "quote.sig", &q);
	assert_int_equal(iv_nonce_load(FX "nonce.hex", nonce, &len, &err),
			 IV_OK);
	assert_int_equal(iv_quote_check_nonce(&q, nonce, len, &err), IV_OK);
	nonce[0] ^= 1;
	assert_int_equal(iv_quote_check_nonce(&q, nonce, len, &err),
			 IV_ERR_QUOTE_NONCE);
	assert_int_equal(iv_quote_check_nonce(&q, nonce, len - 1, &err),
			 IV_ERR_QUOTE_NONCE);

	assert_int_equal(iv_selection_parse(
		"sha1:0,1,2,3,4,5,6,7,8,9,10+sha256:0,1,2,3,4,5,6,7,8,9,10+"
		"sha384:0,1,2,3,4,5,6,7,8,9,10+sha512:0,1,2,3,4,5,6,7,8,9,10",
		want, &err), IV_OK);
	need[IV_SHA256] = 1u << 10;
	assert_int_equal(iv_quote_check_selection(&q, want, need, &err), IV_OK);
	want[IV_SHA512] &= ~(1u << 3);
	assert_int_equal(iv_quote_check_selection(&q, want, need, &err),
			 IV_ERR_QUOTE_SELECTION);
	need[IV_SHA256] = 1u << 11;
	assert_int_equal(iv_quote_check_selection(&q, NULL, need, &err),
			 IV_ERR_QUOTE_SELECTION);
	iv_quote_free(&q);
}

static void test_pcr_digest_and_quote_pcrs_file(void **state)
{
	static struct iv_pcr_values v, fromq;
	struct iv_quote q;
	struct iv_error err;
	uint8_t *pcrs;
	size_t len;
	int b;

	load(FX "quote.msg", FX "quote.sig", &q);
	memset(&v, 0, sizeof(v));
	for (b = 0; b < 4; b++) {
		char path[128];

		snprintf(path, sizeof(path), FX "pcrs-%s.txt",
			 iv_bank_info(b)->name);
		assert_int_equal(iv_pcrs_load(&v, path, b, &err), IV_OK);
	}
	assert_int_equal(iv_quote_check_pcr_digest(&q, &v, &err), IV_OK);
	assert_int_equal(iv_read_file(FX "quote.pcrs", 8192, &pcrs, &len, &err),
			 IV_OK);
	assert_int_equal(iv_quote_pcrs_parse(&q, pcrs, len, &fromq, &err),
			 IV_OK);
	assert_memory_equal(fromq.value[IV_SHA384][10], v.value[IV_SHA384][10],
			    48);
	v.value[IV_SHA512][7][0] ^= 1;
	assert_int_equal(iv_quote_check_pcr_digest(&q, &v, &err),
			 IV_ERR_QUOTE_PCR_DIGEST);
	free(pcrs);
	iv_quote_free(&q);
}

static void test_malformed_quote_inputs(void **state)
{
	struct iv_quote q;
	struct iv_error err;

	load(FX "quote.msg", FX "quote.sig", &q);
	iv_quote_free(&q);
	/* Truncated, trailing byte, wrong magic, a signature as message. */
	assert_int_equal(iv_quote_parse(&q, msg, msg_len - 1, sig, sig_len,
					&err), IV_ERR_QUOTE_FORMAT);
	assert_int_equal(iv_quote_parse(&q, msg, msg_len, sig, sig_len - 3,
					&err), IV_ERR_QUOTE_FORMAT);
	msg[0] ^= 0xff;
	assert_int_equal(iv_quote_parse(&q, msg, msg_len, sig, sig_len, &err),
			 IV_ERR_QUOTE_FORMAT);
	assert_non_null(strstr(err.msg, "magic"));
	msg[0] ^= 0xff;
	msg[5] ^= 0x01;	/* type 0x8018 -> 0x8019, not a quote */
	assert_int_equal(iv_quote_parse(&q, msg, msg_len, sig, sig_len, &err),
			 IV_ERR_QUOTE_FORMAT);
	iv_quote_free(&q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rsassa_quote_verifies_with_both_key_forms),
		cmocka_unit_test(test_pss_and_ecdsa_quotes_verify),
		cmocka_unit_test(test_wrong_key_and_other_data_fail),
		cmocka_unit_test(test_nonce_and_selection),
		cmocka_unit_test(test_pcr_digest_and_quote_pcrs_file),
		cmocka_unit_test(test_malformed_quote_inputs),
	};
	int rc = cmocka_run_group_tests_name("quote", tests, NULL, NULL);

	free(msg);
	free(sig);
	return rc;
}
