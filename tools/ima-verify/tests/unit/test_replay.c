// SPDX-License-Identifier: GPL-2.0-only
#include <stdlib.h>
#include "unit.h"
#include "replay.h"

#define N 300

static struct bytes datas[N];
static struct iv_batch_entry batch[N];
static uint8_t sha1_digest[N][20];

/* Entries with real SHA-1 list digests; entry v is a violation if v >= 0. */
static void build(int violation, uint32_t pcr_of_5)
{
	int i;

	memset(batch, 0, sizeof(batch));
	for (i = 0; i < N; i++) {
		char name[32];

		snprintf(name, sizeof(name), "/file/%d", i);
		datas[i].len = 0;
		b_ima_ng_data(&datas[i], name, (uint8_t)i);
		batch[i].e.index = i;
		batch[i].e.offset = i * 100;
		batch[i].e.pcr = i == 5 ? pcr_of_5 : 10;
		batch[i].e.data = datas[i].data;
		batch[i].e.data_len = (uint32_t)datas[i].len;
		batch[i].e.digest_len = 20;
		if (i == violation) {
			memset(sha1_digest[i], 0, 20);
			batch[i].violation = true;
		} else {
			sha(IV_SHA1, datas[i].data, datas[i].len, NULL, 0,
			    sha1_digest[i]);
		}
		batch[i].e.digest = sha1_digest[i];
		batch[i].list_digest[IV_SHA1] = sha1_digest[i];
	}
}

/* The obvious sequential replay, as the reference. */
static void reference(int bank, int violation, bool padded, uint8_t *pcr10)
{
	unsigned int size = iv_bank_info(bank)->size;
	uint8_t d[64];
	int i;

	memset(pcr10, 0, size);
	for (i = 0; i < N; i++) {
		if (batch[i].e.pcr != 10)
			continue;
		memset(d, 0, sizeof(d));
		if (i == violation)
			memset(d, 0xff, padded ? 20 : size);
		else if (padded)
			memcpy(d, sha1_digest[i], 20);
		else
			sha(bank, datas[i].data, datas[i].len, NULL, 0, d);
		sha(bank, pcr10, size, d, size, pcr10);
	}
}

static void run(struct iv_replay *r, uint32_t banks, uint32_t padded,
		int threads, const struct iv_pcr_values *expect)
{
	struct iv_replay_config cfg = { banks, padded, threads };
	struct iv_error err;

	iv_replay_init(r, &cfg);
	iv_replay_start(r, expect);
	/* Two batches, to cross a batch boundary. */
	assert_int_equal(iv_replay_batch(r, batch, 100, &err), IV_OK);
	assert_int_equal(iv_replay_batch(r, batch + 100, N - 100, &err), IV_OK);
}

static void test_all_banks_match_reference(void **state)
{
	static struct iv_replay r;
	uint8_t want[64];
	int b;

	build(7, 10);
	run(&r, 0x1f, 0, 2, NULL);
	for (b = 0; b < IV_NBANKS; b++) {
		reference(b, 7, false, want);
		assert_memory_equal(r.pcrs.value[b][10], want,
				    iv_bank_info(b)->size);
	}
	assert_int_equal(r.violations, 1);
	assert_int_equal(r.digest_mismatches, 0);
	assert_int_equal(r.entries, N);
}

static void test_threads_do_not_change_result(void **state)
{
	static struct iv_replay one, two;

	build(-1, 10);
	run(&one, 0x1f, 0, 1, NULL);
	run(&two, 0x1f, 0, 4, NULL);
	assert_memory_equal(&one.pcrs, &two.pcrs, sizeof(one.pcrs));
}

/* Replay in chunks of `chunk` entries, two batches. */
static void run_chunked(struct iv_replay *r, uint32_t banks, int threads,
			size_t chunk)
{
	struct iv_replay_config cfg = { banks, 0, threads };
	struct iv_error err;

	iv_replay_init(r, &cfg);
	r->chunk = chunk;
	iv_replay_start(r, NULL);
	assert_int_equal(iv_replay_batch(r, batch, 100, &err), IV_OK);
	assert_int_equal(iv_replay_batch(r, batch + 100, N - 100, &err), IV_OK);
}

/*
 * Tiny chunks, so threads without banks of their own precompute digests
 * for the owners: PCRs and the first mismatch must not change.
 */
static void test_shared_digest_chunks(void **state)
{
	static struct iv_replay one, two, many;

	build(7, 10);
	datas[211].data[50] ^= 1;
	run_chunked(&one, 0x1f, 1, 7);
	run_chunked(&two, 1u << IV_SHA1 | 1u << IV_SHA256, 2, 3);
	run_chunked(&many, 0x1f, 8, 3);
	assert_memory_equal(&one.pcrs, &many.pcrs, sizeof(one.pcrs));
	assert_memory_equal(one.pcrs.value[IV_SHA1], two.pcrs.value[IV_SHA1],
			    sizeof(one.pcrs.value[IV_SHA1]));
	assert_memory_equal(one.pcrs.value[IV_SHA256],
			    two.pcrs.value[IV_SHA256],
			    sizeof(one.pcrs.value[IV_SHA256]));
	assert_int_equal(one.digest_mismatches, 1);
	assert_int_equal(many.digest_mismatches, 1);
	assert_int_equal(two.digest_mismatches, 1);
	assert_int_equal(many.first_mismatch, 211);
	assert_int_equal(two.first_mismatch, 211);
	assert_int_equal(many.violations, 1);
	iv_replay_free(&one);
	iv_replay_free(&two);
	iv_replay_free(&many);
}

static void test_padded_sha1_mode(void **state)
{
	static struct iv_replay r;
	uint8_t want[64];

	build(9, 10);
	run(&r, 1u << IV_SHA1 | 1u << IV_SHA256, 1u << IV_SHA256, 2, NULL);
	reference(IV_SHA256, 9, true, want);
	assert_memory_equal(r.pcrs.value[IV_SHA256][10], want, 32);
}

static void test_tampered_data_flags_entry(void **state)
{
	static struct iv_replay r;

	build(-1, 10);
	datas[123].data[50] ^= 1;	/* a byte of the file name */
	run(&r, 1u << IV_SHA1, 0, 2, NULL);
	assert_int_equal(r.digest_mismatches, 1);
	assert_int_equal(r.first_mismatch, 123);
	assert_int_equal(r.first_mismatch_offset, 12300);
	assert_int_equal(r.first_mismatch_bank, IV_SHA1);
}

static void test_wrong_pcr_index_mismatches(void **state)
{
	static struct iv_replay r;
	static struct iv_pcr_values expect;
	struct iv_pcr_result res[8];
	long long trailing;
	uint8_t want[64];
	int n;

	build(-1, 10);
	reference(IV_SHA1, -1, false, want);
	memset(&expect, 0, sizeof(expect));
	iv_pcr_set(&expect, IV_SHA1, 10, want);
	build(-1, 11);	/* entry 5 moved to PCR 11 */
	run(&r, 1u << IV_SHA1, 0, 2, &expect);
	n = iv_replay_results(&r, res, 8, &trailing);
	assert_int_equal(n, 2);
	assert_int_equal(res[0].pcr, 10);
	assert_int_equal(res[0].outcome, IV_PCR_MISMATCH);
	assert_int_equal(res[1].pcr, 11);
	assert_int_equal(res[1].outcome, IV_PCR_NO_EVIDENCE);
}

static void test_longer_list_matches_prefix(void **state)
{
	static struct iv_replay r;
	static struct iv_pcr_values expect;
	struct iv_pcr_result res[8];
	long long trailing;
	uint8_t pcr10[20];
	uint8_t d[20];
	int i;

	build(-1, 10);
	/* The TPM saw the first 250 entries only. */
	memset(pcr10, 0, 20);
	for (i = 0; i < 250; i++) {
		memcpy(d, sha1_digest[i], 20);
		sha(IV_SHA1, pcr10, 20, d, 20, pcr10);
	}
	memset(&expect, 0, sizeof(expect));
	iv_pcr_set(&expect, IV_SHA1, 10, pcr10);
	run(&r, 1u << IV_SHA1, 0, 2, &expect);
	assert_int_equal(iv_replay_results(&r, res, 8, &trailing), 1);
	assert_int_equal(res[0].outcome, IV_PCR_MATCH_PREFIX);
	assert_int_equal(res[0].match_index, 249);
	assert_int_equal(trailing, N - 250);
}

static void test_exact_match(void **state)
{
	static struct iv_replay r;
	static struct iv_pcr_values expect;
	struct iv_pcr_result res[8];
	long long trailing;
	uint8_t want[64];

	build(3, 10);
	reference(IV_SHA256, 3, false, want);
	memset(&expect, 0, sizeof(expect));
	iv_pcr_set(&expect, IV_SHA256, 10, want);
	run(&r, 1u << IV_SHA256, 0, 2, &expect);
	assert_int_equal(iv_replay_results(&r, res, 8, &trailing), 1);
	assert_int_equal(res[0].outcome, IV_PCR_MATCH);
	assert_int_equal(trailing, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_all_banks_match_reference),
		cmocka_unit_test(test_threads_do_not_change_result),
		cmocka_unit_test(test_shared_digest_chunks),
		cmocka_unit_test(test_padded_sha1_mode),
		cmocka_unit_test(test_tampered_data_flags_entry),
		cmocka_unit_test(test_wrong_pcr_index_mismatches),
		cmocka_unit_test(test_longer_list_matches_prefix),
		cmocka_unit_test(test_exact_match),
	};

	return cmocka_run_group_tests_name("replay", tests, NULL, NULL);
}
