// SPDX-License-Identifier: GPL-2.0-only
#include <stdlib.h>
#include "unit.h"
#include "log.h"

static struct bytes list, data;

static void build(bool big, int entries)
{
	int i;

	memset(&list, 0, sizeof(list));
	list.big = big;
	for (i = 0; i < entries; i++) {
		memset(&data, 0, sizeof(data));
		data.big = big;
		b_ima_ng_data(&data, "/bin/true", (uint8_t)i);
		b_entry(&list, 10, "ima-ng", &data, false);
	}
}

static int read_all(int order, long long *count, struct iv_error *err,
		    int *detected)
{
	FILE *f = fmemopen(list.data, list.len, "rb");
	struct iv_log log;
	struct iv_log_entry e;
	enum iv_log_result res;
	int rc;

	iv_error_clear(err);
	*count = 0;
	rc = iv_log_open_stream(&log, f, "mem", 20, order, err);
	while (!rc) {
		rc = iv_log_next(&log, &e, &res, err);
		if (rc || res == IV_LOG_END)
			break;
		if (res == IV_LOG_AGAIN) {
			iv_log_release(&log);
			continue;
		}
		assert_int_equal(e.index, *count);
		assert_int_equal(e.pcr, 10);
		(*count)++;
	}
	*detected = log.order;
	iv_log_close(&log);
	fclose(f);
	return rc;
}

static void test_reads_native_entries(void **state)
{
	struct iv_error err;
	long long n;
	int order;

	build(false, 3);
	assert_int_equal(read_all(IV_ORDER_AUTO, &n, &err, &order), IV_OK);
	assert_int_equal(n, 3);
	assert_int_equal(order, IV_ORDER_LITTLE);
}

static void test_detects_big_endian(void **state)
{
	struct iv_error err;
	long long n;
	int order;

	build(true, 2);
	assert_int_equal(read_all(IV_ORDER_AUTO, &n, &err, &order), IV_OK);
	assert_int_equal(n, 2);
	assert_int_equal(order, IV_ORDER_BIG);
}

static void test_wrong_forced_order_is_malformed(void **state)
{
	struct iv_error err;
	long long n;
	int order;

	build(true, 1);
	assert_int_equal(read_all(IV_ORDER_LITTLE, &n, &err, &order),
			 IV_ERR_MALFORMED_LOG);
	assert_int_equal(err.entry, 0);
	assert_int_equal(err.offset, 0);
}

static void test_truncated_entry_names_offset(void **state)
{
	struct iv_error err;
	long long n;
	int order;

	build(false, 2);
	list.len -= 5;
	assert_int_equal(read_all(IV_ORDER_AUTO, &n, &err, &order),
			 IV_ERR_MALFORMED_LOG);
	assert_int_equal(n, 1);
	assert_int_equal(err.entry, 1);
	assert_true(err.offset > 0 && err.offset < (long long)list.len);
	assert_non_null(strstr(err.msg, "truncated"));
}

static void test_length_overflow_rejected(void **state)
{
	struct iv_error err;
	long long n;
	int order;
	size_t data_len_at = 4 + 20 + 4 + 6;

	build(false, 1);
	iv_put_u32(list.data + data_len_at, 0xfffffff0u, false);
	assert_int_equal(read_all(IV_ORDER_AUTO, &n, &err, &order),
			 IV_ERR_MALFORMED_LOG);
	assert_int_equal(err.offset, (long long)data_len_at);
	assert_non_null(strstr(err.msg, "exceeds"));
}

static void test_pcr_out_of_range(void **state)
{
	struct iv_error err;
	long long n;
	int order;

	build(false, 2);
	/* Second entry's PCR field. */
	iv_put_u32(list.data + list.len / 2, 24, false);
	assert_int_equal(read_all(IV_ORDER_LITTLE, &n, &err, &order),
			 IV_ERR_MALFORMED_LOG);
	assert_int_equal(err.entry, 1);
	assert_non_null(strstr(err.msg, "PCR index 24"));
}

static void test_empty_list_is_fine(void **state)
{
	struct iv_error err;
	struct iv_log log;
	struct iv_log_entry e;
	enum iv_log_result res;
	FILE *f = tmpfile();

	iv_error_clear(&err);
	assert_int_equal(iv_log_open_stream(&log, f, "empty", 20,
					    IV_ORDER_AUTO, &err), IV_OK);
	assert_int_equal(iv_log_next(&log, &e, &res, &err), IV_OK);
	assert_int_equal(res, IV_LOG_END);
	iv_log_close(&log);
	fclose(f);
}

static void test_legacy_ima_entry(void **state)
{
	struct iv_error err;
	struct iv_log log;
	struct iv_log_entry e;
	enum iv_log_result res;
	uint8_t d[20];
	FILE *f;

	memset(&list, 0, sizeof(list));
	memset(d, 7, sizeof(d));
	b_u32(&list, 10);
	b_put(&list, d, 20);
	b_u32(&list, 3);
	b_put(&list, "ima", 3);
	b_put(&list, d, 20);
	b_u32(&list, 4);
	b_put(&list, "/foo", 4);
	f = fmemopen(list.data, list.len, "rb");
	iv_error_clear(&err);
	assert_int_equal(iv_log_open_stream(&log, f, "mem", 20, IV_ORDER_AUTO,
					    &err), IV_OK);
	assert_int_equal(iv_log_next(&log, &e, &res, &err), IV_OK);
	assert_int_equal(res, IV_LOG_ENTRY);
	assert_true(e.legacy_ima);
	assert_int_equal(e.data_len, 20 + 4 + 4);
	assert_int_equal(iv_log_next(&log, &e, &res, &err), IV_OK);
	assert_int_equal(res, IV_LOG_END);
	iv_log_close(&log);
	fclose(f);
}

static void test_big_list_streams_in_batches(void **state)
{
	static struct bytes big;
	struct iv_error err;
	struct iv_log log;
	struct iv_log_entry e;
	enum iv_log_result res;
	long long n = 0, again = 0;
	size_t i;
	FILE *f;

	/* More than one 1 MiB buffer of entries forces compaction. */
	memset(&data, 0, sizeof(data));
	b_ima_ng_data(&data, "/a/file/with/a/name", 1);
	memset(&big, 0, sizeof(big));
	b_entry(&big, 10, "ima-ng", &data, false);
	f = tmpfile();
	for (i = 0; i < 20000; i++)
		fwrite(big.data, 1, big.len, f);
	rewind(f);
	iv_error_clear(&err);
	assert_int_equal(iv_log_open_stream(&log, f, "tmp", 20, IV_ORDER_AUTO,
					    &err), IV_OK);
	for (;;) {
		assert_int_equal(iv_log_next(&log, &e, &res, &err), IV_OK);
		if (res == IV_LOG_END)
			break;
		if (res == IV_LOG_AGAIN) {
			again++;
			iv_log_release(&log);
			continue;
		}
		assert_int_equal(e.offset, n * (long long)big.len);
		n++;
	}
	assert_int_equal(n, 20000);
	assert_true(again >= 1);
	iv_log_close(&log);
	fclose(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reads_native_entries),
		cmocka_unit_test(test_detects_big_endian),
		cmocka_unit_test(test_wrong_forced_order_is_malformed),
		cmocka_unit_test(test_truncated_entry_names_offset),
		cmocka_unit_test(test_length_overflow_rejected),
		cmocka_unit_test(test_pcr_out_of_range),
		cmocka_unit_test(test_empty_list_is_fine),
		cmocka_unit_test(test_legacy_ima_entry),
		cmocka_unit_test(test_big_list_streams_in_batches),
	};

	return cmocka_run_group_tests_name("log", tests, NULL, NULL);
}
