// SPDX-License-Identifier: GPL-2.0-only
#include "unit.h"
#include "template.h"

static struct iv_log_entry entry(const char *tname, const struct bytes *d)
{
	struct iv_log_entry e;

	memset(&e, 0, sizeof(e));
	e.name = tname;
	e.name_len = (uint32_t)strlen(tname);
	e.data = d->data;
	e.data_len = (uint32_t)d->len;
	e.data_offset = 100;
	e.big_endian = d->big;
	e.legacy_ima = !strcmp(tname, "ima");
	return e;
}

static void test_builtin_descriptors(void **state)
{
	int ids[IV_MAX_FIELDS];

	assert_int_equal(iv_template_fields("ima-ng", 6, ids, 15), 2);
	assert_int_equal(ids[0], IV_F_D_NG);
	assert_int_equal(iv_template_fields("evm-sig", 7, ids, 15), 9);
	assert_int_equal(ids[8], IV_F_IMODE);
	assert_int_equal(iv_template_fields("ima-modsig", 10, ids, 15), 5);
	assert_int_equal(ids[3], IV_F_D_MODSIG);
	assert_int_equal(iv_template_fields("d-ng|n-ng|iuid", 14, ids, 15), 3);
	assert_int_equal(ids[2], IV_F_IUID);
	assert_int_equal(iv_template_fields("d-ng|bogus", 10, ids, 15), -1);
	assert_int_equal(iv_template_fields("no-such", 7, ids, 15), -1);
}

static void test_parses_ima_ng(void **state)
{
	struct bytes d = { .len = 0 };
	struct iv_log_entry e;
	struct iv_event ev;
	struct iv_error err;

	b_ima_ng_data(&d, "/usr/bin/ls", 0xab);
	e = entry("ima-ng", &d);
	assert_int_equal(iv_template_parse(&e, &ev, &err), IV_OK);
	assert_true(ev.known_template);
	assert_int_equal(ev.nfields, 2);
	assert_int_equal(ev.digest_algo_len, 6);
	assert_memory_equal(ev.digest_algo, "sha256", 6);
	assert_int_equal(ev.file_digest_len, 32);
	assert_int_equal(ev.file_digest[0], 0xab);
	assert_true(iv_event_name_is(&ev, "/usr/bin/ls"));
}

static void test_parses_ngv2_type(void **state)
{
	struct bytes d = { .len = 0 };
	uint8_t digest[20] = { 1 };
	struct iv_log_entry e;
	struct iv_event ev;
	struct iv_error err;

	/* "verity:sha1:" and its NUL: 13 bytes before the digest. */
	b_u32(&d, 13 + 20);
	b_put(&d, "verity:sha1:", 13);
	b_put(&d, digest, 20);
	b_field(&d, "f\0", 2);
	e = entry("ima-ngv2", &d);
	assert_int_equal(iv_template_parse(&e, &ev, &err), IV_OK);
	assert_memory_equal(ev.digest_type, "verity", 6);
	assert_int_equal(ev.digest_type_len, 6);
	assert_memory_equal(ev.digest_algo, "sha1", 4);
	assert_int_equal(ev.file_digest_len, 20);
}

static void test_digest_length_must_fit_algo(void **state)
{
	struct bytes d = { .len = 0 };
	uint8_t digest[31] = { 0 };
	struct iv_log_entry e;
	struct iv_event ev;
	struct iv_error err;

	b_u32(&d, 8 + 31);
	b_put(&d, "sha256:", 8);
	b_put(&d, digest, 31);
	b_field(&d, "x\0", 2);
	e = entry("ima-ng", &d);
	assert_int_equal(iv_template_parse(&e, &ev, &err),
			 IV_ERR_MALFORMED_LOG);
	assert_int_equal(err.offset, 104);
	assert_non_null(strstr(err.msg, "d-ng"));
}

static void test_field_overflow_is_malformed(void **state)
{
	struct bytes d = { .len = 0 };
	struct iv_log_entry e;
	struct iv_event ev;
	struct iv_error err;

	b_ima_ng_data(&d, "/x", 1);
	/* n-ng length claims more than is left. */
	iv_put_u32(d.data + 4 + 40, 1000, false);
	e = entry("ima-ng", &d);
	assert_int_equal(iv_template_parse(&e, &ev, &err),
			 IV_ERR_MALFORMED_LOG);
	assert_int_equal(err.offset, 100 + 44);
	assert_non_null(strstr(err.msg, "overflows"));
}

static void test_missing_field_is_malformed(void **state)
{
	struct bytes d = { .len = 0 };
	struct iv_log_entry e;
	struct iv_event ev;
	struct iv_error err;

	b_ima_ng_data(&d, "/x", 1);
	e = entry("ima-sig", &d);
	assert_int_equal(iv_template_parse(&e, &ev, &err),
			 IV_ERR_MALFORMED_LOG);
	assert_non_null(strstr(err.msg, "2 of 3 fields"));
}

static void test_unknown_template_is_noted_not_fatal(void **state)
{
	struct bytes d = { .len = 0 };
	struct iv_log_entry e;
	struct iv_event ev;
	struct iv_error err;

	b_field(&d, "abc", 3);
	b_field(&d, "de", 2);
	e = entry("my-template", &d);
	assert_int_equal(iv_template_parse(&e, &ev, &err), IV_OK);
	assert_false(ev.known_template);
	assert_int_equal(ev.nfields, 2);
	assert_non_null(strstr(ev.note, "my-template"));
}

static void test_custom_fmt_with_uint_fields(void **state)
{
	struct bytes d = { .len = 0 };
	uint32_t uid = 1000;
	uint16_t mode = 0755;
	struct iv_log_entry e;
	struct iv_event ev;
	struct iv_error err;

	b_ima_ng_data(&d, "/x", 1);
	b_field(&d, &uid, 4);
	b_field(&d, &mode, 2);
	e = entry("d-ng|n-ng|iuid|imode", &d);
	assert_int_equal(iv_template_parse(&e, &ev, &err), IV_OK);
	assert_true(ev.known_template);
	assert_int_equal(ev.fields[3].id, IV_F_IMODE);

	d.len = 0;
	b_ima_ng_data(&d, "/x", 1);
	b_field(&d, &uid, 3);
	b_field(&d, &mode, 2);
	e = entry("d-ng|n-ng|iuid|imode", &d);
	assert_int_equal(iv_template_parse(&e, &ev, &err),
			 IV_ERR_MALFORMED_LOG);
}

static void test_digest_hashes_raw_bytes(void **state)
{
	struct bytes d = { .len = 0 };
	uint8_t want[32], got[32];
	struct iv_log_entry e;
	struct iv_hasher h = { 0 };

	b_ima_ng_data(&d, "/bin/sh", 3);
	e = entry("ima-ng", &d);
	sha(IV_SHA256, d.data, d.len, NULL, 0, want);
	assert_int_equal(iv_template_digest(&h, IV_SHA256, &e, got), 0);
	assert_memory_equal(want, got, 32);
	iv_hasher_free(&h);
}

static void test_legacy_digest_pads_name(void **state)
{
	struct bytes d = { .len = 0 };
	uint8_t fd[20], padded[256] = { 0 }, want[20], got[20];
	struct iv_log_entry e;
	struct iv_event ev;
	struct iv_error err;
	struct iv_hasher h = { 0 };

	memset(fd, 9, sizeof(fd));
	b_put(&d, fd, 20);
	b_u32(&d, 8);
	b_put(&d, "/bin/foo", 8);
	e = entry("ima", &d);
	memcpy(padded, "/bin/foo", 8);
	sha(IV_SHA1, fd, 20, padded, 256, want);
	assert_int_equal(iv_template_digest(&h, IV_SHA1, &e, got), 0);
	assert_memory_equal(want, got, 20);
	assert_int_equal(iv_template_parse(&e, &ev, &err), IV_OK);
	assert_true(iv_event_name_is(&ev, "/bin/foo"));
	iv_hasher_free(&h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_descriptors),
		cmocka_unit_test(test_parses_ima_ng),
		cmocka_unit_test(test_parses_ngv2_type),
		cmocka_unit_test(test_digest_length_must_fit_algo),
		cmocka_unit_test(test_field_overflow_is_malformed),
		cmocka_unit_test(test_missing_field_is_malformed),
		cmocka_unit_test(test_unknown_template_is_noted_not_fatal),
		cmocka_unit_test(test_custom_fmt_with_uint_fields),
		cmocka_unit_test(test_digest_hashes_raw_bytes),
		cmocka_unit_test(test_legacy_digest_pads_name),
	};

	return cmocka_run_group_tests_name("template", tests, NULL, NULL);
}
