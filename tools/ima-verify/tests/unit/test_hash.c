// SPDX-License-Identifier: GPL-2.0-only
/* The direct SHA-1/SHA-2 path must give EVP's digests, every bank. */
#include "unit.h"
#include "hash.h"

static void test_matches_evp_every_bank_and_length(void **state)
{
	uint8_t data[300], want[IV_MAX_DIGEST], got[IV_MAX_DIGEST];
	struct iv_hasher h = { 0 };
	size_t len, split;
	int bank;

	for (len = 0; len < sizeof(data); len++)
		data[len] = (uint8_t)(len * 7 + 1);
	for (bank = 0; bank < IV_NBANKS; bank++) {
		if (!iv_bank_md(bank))
			continue;	/* e.g. no SM3 in this OpenSSL */
		for (len = 0; len <= sizeof(data); len += 13) {
			split = len / 3;
			sha(bank, data, split, data + split, len - split,
			    want);
			assert_int_equal(iv_hash2(&h, bank, data, split,
						  data + split, len - split,
						  got), 0);
			assert_memory_equal(want, got,
					    iv_bank_info(bank)->size);
		}
	}
	iv_hasher_free(&h);
}

/* Switching banks on one hasher keeps no state from the last digest. */
static void test_bank_switch(void **state)
{
	uint8_t want[IV_MAX_DIGEST], got[IV_MAX_DIGEST];
	struct iv_hasher h = { 0 };

	assert_int_equal(iv_hash2(&h, IV_SHA512, "x", 1, NULL, 0, got), 0);
	assert_int_equal(iv_hash2(&h, IV_SHA1, "abc", 3, NULL, 0, got), 0);
	sha(IV_SHA1, "abc", 3, NULL, 0, want);
	assert_memory_equal(want, got, 20);
	assert_int_equal(iv_hash2(&h, IV_SHA384, "abc", 3, NULL, 0, got), 0);
	sha(IV_SHA384, "abc", 3, NULL, 0, want);
	assert_memory_equal(want, got, 48);
	iv_hasher_free(&h);
}

/* SHA-1/SHA-2 never need EVP; SM3 is there when OpenSSL has it. */
static void test_available(void **state)
{
	int bank;

	for (bank = IV_SHA1; bank <= IV_SHA512; bank++)
		assert_true(iv_hash_available(bank));
	assert_int_equal(iv_hash_available(IV_SM3_256),
			 iv_bank_md(IV_SM3_256) != NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matches_evp_every_bank_and_length),
		cmocka_unit_test(test_bank_switch),
		cmocka_unit_test(test_available),
	};

	return cmocka_run_group_tests_name("hash", tests, NULL, NULL);
}
