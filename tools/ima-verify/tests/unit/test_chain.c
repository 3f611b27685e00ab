// SPDX-License-Identifier: GPL-2.0-only
#include "unit.h"
#include "chain.h"

static struct bytes data[16];
static int ndata;

/* Parse a made-up entry and feed it to the chain. */
static void feed(struct iv_chain *c, long long index, const char *tname,
		 const char *name, const char *buf)
{
	struct bytes *d = &data[ndata++ % 16];
	struct iv_log_entry e;
	struct iv_event ev;
	struct iv_error err;

	d->len = 0;
	b_ima_ng_data(d, name, (uint8_t)index);
	if (buf)
		b_field(d, buf, strlen(buf));
	memset(&e, 0, sizeof(e));
	e.index = index;
	e.pcr = 10;
	e.name = tname;
	e.name_len = (uint32_t)strlen(tname);
	e.data = d->data;
	e.data_len = (uint32_t)d->len;
	assert_int_equal(iv_template_parse(&e, &ev, &err), IV_OK);
	assert_int_equal(iv_chain_add(c, &e, &ev, &err), IV_OK);
}

static void test_splits_boots_and_finds_kexec_files(void **state)
{
	struct iv_chain c;
	long long i = 0;

	iv_chain_init(&c, 0, 0);
	feed(&c, i++, "ima-ng", "boot_aggregate", NULL);
	feed(&c, i++, "ima-ng", "/bin/kexec", NULL);
	feed(&c, i++, "ima-ng", "/boot/vmlinuz", NULL);
	feed(&c, i++, "ima-ng", "/boot/initrd", NULL);
	feed(&c, i++, "ima-buf", "kexec-cmdline", "root=/dev/vda");
	feed(&c, i++, "ima-buf", "ima_kexec_execute", "x");
	feed(&c, i++, "ima-ng", "boot_aggregate", NULL);
	feed(&c, i++, "ima-ng", "/boot/vmlinuz", NULL);
	feed(&c, i++, "ima-buf", "kexec-cmdline", "quiet");

	assert_int_equal(c.nboots, 2);
	assert_int_equal(c.boots[0].count, 6);
	assert_int_equal(c.boots[1].first, 6);
	assert_int_equal(c.boots[0].nloads, 1);
	assert_string_equal(c.boots[0].loads[0].kernel.name, "/boot/vmlinuz");
	assert_string_equal(c.boots[0].loads[0].initramfs.name, "/boot/initrd");
	assert_string_equal(c.boots[0].loads[0].cmdline, "root=/dev/vda");
	assert_int_equal(c.boots[0].nmarkers, 1);
	assert_string_equal(c.boots[0].markers[0].name, "ima_kexec_execute");
	/* Only one file before the second load: that is the kernel. */
	assert_string_equal(c.boots[1].loads[0].kernel.name, "/boot/vmlinuz");
	assert_false(c.boots[1].loads[0].initramfs.present);
	iv_chain_free(&c);
}

static void test_boot_aggregate_against_pcrs(void **state)
{
	static struct iv_pcr_values v;
	struct bytes d = { .len = 0 };
	uint8_t agg[32], zero[32] = { 0 };
	struct iv_log_entry e;
	struct iv_event ev;
	struct iv_error err;
	struct iv_chain c;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	int p;

	memset(&v, 0, sizeof(v));
	for (p = 0; p < 10; p++) {
		uint8_t val[32];

		memset(val, p, sizeof(val));
		iv_pcr_set(&v, IV_SHA256, p, val);
	}
	EVP_DigestInit_ex2(ctx, iv_bank_md(IV_SHA256), NULL);
	for (p = 0; p < 10; p++)
		EVP_DigestUpdate(ctx, v.value[IV_SHA256][p], 32);
	EVP_DigestFinal_ex(ctx, agg, NULL);
	EVP_MD_CTX_free(ctx);

	iv_chain_init(&c, 0, 0);
	b_u32(&d, 8 + 32);
	b_put(&d, "sha256:", 8);
	b_put(&d, agg, 32);
	b_field(&d, "boot_aggregate", 15);
	memset(&e, 0, sizeof(e));
	e.pcr = 10;
	e.name = "ima-ng";
	e.name_len = 6;
	e.data = d.data;
	e.data_len = (uint32_t)d.len;
	assert_int_equal(iv_template_parse(&e, &ev, &err), IV_OK);
	assert_int_equal(iv_chain_add(&c, &e, &ev, &err), IV_OK);
	iv_chain_check_aggregates(&c, NULL);
	assert_int_equal(c.boots[0].aggregate_outcome, IV_AGG_UNCHECKED);
	iv_chain_check_aggregates(&c, &v);
	assert_int_equal(c.boots[0].aggregate_outcome, IV_AGG_MATCH);
	v.value[IV_SHA256][9][0] ^= 1;	/* PCR 9 counts for sha256 */
	iv_chain_check_aggregates(&c, &v);
	assert_int_equal(c.boots[0].aggregate_outcome, IV_AGG_MISMATCH);
	memcpy(c.boots[0].aggregate, zero, 32);
	iv_chain_check_aggregates(&c, &v);
	assert_int_equal(c.boots[0].aggregate_outcome, IV_AGG_NO_TPM);
	iv_chain_free(&c);
}

static void test_escape(void **state)
{
	char *s = iv_escape((const uint8_t *)"a\nb\\", 4, 100);

	assert_string_equal(s, "a\\x0ab\\x5c");
	free(s);
	s = iv_escape((const uint8_t *)"abcdef", 6, 3);
	assert_string_equal(s, "abc...");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_splits_boots_and_finds_kexec_files),
		cmocka_unit_test(test_boot_aggregate_against_pcrs),
		cmocka_unit_test(test_escape),
	};

	return cmocka_run_group_tests_name("chain", tests, NULL, NULL);
}
