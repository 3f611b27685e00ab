// SPDX-License-Identifier: GPL-2.0-only
#include "unit.h"
#include "evidence.h"

#define SHA1_10 "0123456789abcdef0123456789abcdef01234567"

static int parse(struct iv_pcr_values *v, const char *text, const char *label,
		 int bank, struct iv_error *err)
{
	memset(v, 0, sizeof(*v));
	iv_error_clear(err);
	return iv_pcrs_parse(v, text, strlen(text), label, bank, err);
}

static void test_pcr_lines_with_bank_from_name(void **state)
{
	struct iv_pcr_values v;
	struct iv_error err;

	assert_int_equal(parse(&v, "PCR-00: " SHA1_10 "\nPCR-10: " SHA1_10 "\n",
			       "dir/pcrs-sha1.txt", -1, &err), IV_OK);
	assert_true(iv_pcr_has(&v, IV_SHA1, 10));
	assert_true(iv_pcr_has(&v, IV_SHA1, 0));
	assert_false(iv_pcr_has(&v, IV_SHA1, 1));
	assert_int_equal(v.value[IV_SHA1][10][1], 0x23);
}

static void test_tpm12_style_spaced_hex(void **state)
{
	struct iv_pcr_values v;
	struct iv_error err;

	assert_int_equal(parse(&v,
		"PCR-10: 01 23 45 67 89 AB CD EF 01 23 45 67 89 AB CD EF 01 23 45 67\n",
		"pcrs", -1, &err), IV_OK);
	assert_true(iv_pcr_has(&v, IV_SHA1, 10));
	assert_int_equal(v.value[IV_SHA1][10][5], 0xab);
}

static void test_yaml_sections(void **state)
{
	struct iv_pcr_values v;
	struct iv_error err;

	assert_int_equal(parse(&v,
		"  sha1:\n    10: 0x" SHA1_10 "\n  sha256:\n"
		"    0 : 0x0000000000000000000000000000000000000000000000000000000000000001\n",
		"pcrread.yaml", -1, &err), IV_OK);
	assert_true(iv_pcr_has(&v, IV_SHA1, 10));
	assert_true(iv_pcr_has(&v, IV_SHA256, 0));
	assert_int_equal(v.value[IV_SHA256][0][31], 1);
}

static void test_sysfs_grep_lines(void **state)
{
	struct iv_pcr_values v;
	struct iv_error err;

	assert_int_equal(parse(&v,
		"/sys/class/tpm/tpm0/pcr-sha1/10:" SHA1_10 "\n",
		"dump", -1, &err), IV_OK);
	assert_true(iv_pcr_has(&v, IV_SHA1, 10));
}

static void test_bad_lines_are_rejected(void **state)
{
	struct iv_pcr_values v;
	struct iv_error err;

	assert_int_equal(parse(&v, "PCR-10: 0123\n", "pcrs-sha1.txt", -1, &err),
			 IV_ERR_MALFORMED_EVIDENCE);
	assert_non_null(strstr(err.msg, ":1:"));
	assert_int_equal(parse(&v, "PCR-99: " SHA1_10 "\n", "p", -1, &err),
			 IV_ERR_MALFORMED_EVIDENCE);
	assert_int_equal(parse(&v, "hello world\n", "p", -1, &err),
			 IV_ERR_MALFORMED_EVIDENCE);
	assert_int_equal(parse(&v, "PCR-10: " SHA1_10 "\nPCR-10: " SHA1_10 "\n",
			       "p", -1, &err), IV_ERR_MALFORMED_EVIDENCE);
	assert_non_null(strstr(err.msg, "twice"));
	assert_int_equal(parse(&v, "PCR-10: zz\n", "p", -1, &err),
			 IV_ERR_MALFORMED_EVIDENCE);
}

static void test_selection_syntax(void **state)
{
	uint32_t mask[IV_NBANKS];
	struct iv_error err;

	assert_int_equal(iv_selection_parse("sha1:0,1,10+sha256:10\n", mask,
					    &err), IV_OK);
	assert_int_equal(mask[IV_SHA1], 1u | 2u | 1u << 10);
	assert_int_equal(mask[IV_SHA256], 1u << 10);
	assert_int_equal(mask[IV_SHA384], 0);
	assert_int_equal(iv_selection_parse("md5:1", mask, &err),
			 IV_ERR_MALFORMED_EVIDENCE);
	assert_int_equal(iv_selection_parse("sha1:1,x", mask, &err),
			 IV_ERR_MALFORMED_EVIDENCE);
	assert_int_equal(iv_selection_parse("sha1:24", mask, &err),
			 IV_ERR_MALFORMED_EVIDENCE);
}

static void test_fixture_files_agree(void **state)
{
	static struct iv_pcr_values txt, yaml;
	struct iv_error err;
	int b;

	iv_error_clear(&err);
	for (b = 0; b < 4; b++) {
		char path[128];

		snprintf(path, sizeof(path),
			 "tests/fixtures/swtpm-mix/pcrs-%s.txt",
			 iv_bank_info(b)->name);
		assert_int_equal(iv_pcrs_load(&txt, path, -1, &err), IV_OK);
	}
	assert_int_equal(iv_pcrs_load(&yaml,
				      "tests/fixtures/swtpm-mix/pcrread.yaml",
				      -1, &err), IV_OK);
	for (b = 0; b < 4; b++) {
		assert_int_equal(txt.have[b], 0xffffff);
		assert_int_equal(yaml.have[b], 0xffffff);
		assert_memory_equal(txt.value[b], yaml.value[b],
				    sizeof(txt.value[b]));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pcr_lines_with_bank_from_name),
		cmocka_unit_test(test_tpm12_style_spaced_hex),
		cmocka_unit_test(test_yaml_sections),
		cmocka_unit_test(test_sysfs_grep_lines),
		cmocka_unit_test(test_bad_lines_are_rejected),
		cmocka_unit_test(test_selection_syntax),
		cmocka_unit_test(test_fixture_files_agree),
	};

	return cmocka_run_group_tests_name("evidence", tests, NULL, NULL);
}
