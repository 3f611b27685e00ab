// SPDX-License-Identifier: GPL-2.0-only
/* verify + report: whole runs over the swtpm fixture, judged by the API. */
#include <stdlib.h>
#include "unit.h"
#include "report.h"
#include "verify.h"

#define FX "tests/fixtures/swtpm-mix/"

static struct iv_result result;

static void fixture_options(struct iv_options *o)
{
	static const char *const banks[] = { "sha1", "sha256", "sha384",
					     "sha512" };
	static char paths[4][2][128];
	int b;

	iv_options_init(o);
	o->lists[o->nlists++] = (struct iv_path_arg){
		IV_SHA1, FX "binary_runtime_measurements" };
	for (b = 0; b < 4; b++) {
		snprintf(paths[b][0], sizeof(paths[b][0]),
			 FX "binary_runtime_measurements_%s", banks[b]);
		snprintf(paths[b][1], sizeof(paths[b][1]), FX "pcrs-%s.txt",
			 banks[b]);
		o->lists[o->nlists++] = (struct iv_path_arg){ b, paths[b][0] };
		o->pcrs[o->npcrs++] = (struct iv_path_arg){ b, paths[b][1] };
	}
	o->quote_msg = FX "quote.msg";
	o->quote_sig = FX "quote.sig";
	o->quote_pcrs = FX "quote.pcrs";
	o->quote_sel = FX "quote.sel";
	o->ak = FX "ak.pub";
	o->nonce_file = FX "nonce.hex";
}

static void test_fixture_verifies(void **state)
{
	struct iv_options o;
	int i;

	fixture_options(&o);
	assert_int_equal(iv_verify(&o, &result), IV_OK);
	assert_int_equal(result.replay.entries, 48);
	assert_int_equal(result.replay.cfg.banks, 0xf);
	assert_int_equal(result.pcr_checks.npcr, 4);
	for (i = 0; i < result.pcr_checks.npcr; i++)
		assert_int_equal(result.pcr_checks.pcr[i].outcome, IV_PCR_MATCH);
	assert_int_equal(result.chain.nboots, 3);
	for (i = 0; i < 3; i++)
		assert_int_equal(result.chain.boots[i].aggregate_outcome,
				 IV_AGG_MATCH);
	assert_int_equal(result.quote_checks.signature, IV_OK);
	assert_int_equal(result.quote_checks.digest, IV_OK);
	assert_int_equal(result.verdict.nfindings, 0);
	iv_result_free(&result);
}

static void test_findings_are_ranked(void **state)
{
	struct iv_options o;

	/* Wrong nonce and an unmet expectation: the quote failure wins. */
	fixture_options(&o);
	o.nonce_file = NULL;
	o.nonce_hex = "00";
	o.expect_boots = 2;
	assert_int_equal(iv_verify(&o, &result), IV_ERR_QUOTE_NONCE);
	assert_int_equal(result.verdict.nfindings, 2);
	assert_int_equal(result.verdict.findings[0].status, IV_ERR_QUOTE_NONCE);
	assert_int_equal(result.verdict.findings[1].status, IV_ERR_EXPECTATION);
	iv_result_free(&result);
}

static void test_json_report_round_trip(void **state)
{
	struct iv_options o;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	fixture_options(&o);
	o.threads = 1;
	assert_int_equal(iv_verify(&o, &result), IV_OK);
	assert_int_equal(iv_report_json(f, &result), 0);
	fclose(f);
	assert_non_null(strstr(text, "\"verdict\": \"verified\""));
	assert_non_null(strstr(text, "\"reset_count\": "));
	assert_non_null(strstr(text, "\"name\": \"/boot/vmlinuz-2\""));
	free(text);
	iv_result_free(&result);
}

static void test_text_report_names_failures(void **state)
{
	struct iv_options o;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	fixture_options(&o);
	o.ak = FX "ak-ecc.pub";
	assert_int_equal(iv_verify(&o, &result), IV_ERR_QUOTE_SIGNATURE);
	iv_report_text(f, &result, false);
	fclose(f);
	assert_non_null(strstr(text, "quote-signature-invalid (exit 20)"));
	assert_non_null(strstr(text, "does not fit the AK's key type"));
	free(text);
	iv_result_free(&result);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_verifies),
		cmocka_unit_test(test_findings_are_ranked),
		cmocka_unit_test(test_json_report_round_trip),
		cmocka_unit_test(test_text_report_names_failures),
	};

	return cmocka_run_group_tests_name("verify", tests, NULL, NULL);
}
