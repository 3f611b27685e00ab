// SPDX-License-Identifier: GPL-2.0-only
/* Boot chains with boundary events, judged hand-over by hand-over. */
#include "unit.h"
#include "handover.h"

static struct bytes data[8];
static int ndata;
static long long next_index;

/* An ima-buf record (or ima-ng without buf) fed to the chain. */
static void feed(struct iv_chain *c, const char *name, const char *buf)
{
	struct bytes *d = &data[ndata++ % 8];
	struct iv_log_entry e;
	struct iv_event ev;
	struct iv_error err;
	const char *tname = buf ? "ima-buf" : "ima-ng";

	d->len = 0;
	b_ima_ng_data(d, name, (uint8_t)next_index);
	if (buf)
		b_field(d, buf, strlen(buf));
	memset(&e, 0, sizeof(e));
	e.index = next_index++;
	e.pcr = 10;
	e.name = tname;
	e.name_len = (uint32_t)strlen(tname);
	e.data = d->data;
	e.data_len = (uint32_t)d->len;
	assert_int_equal(iv_template_parse(&e, &ev, &err), IV_OK);
	assert_int_equal(iv_chain_add(c, &e, &ev, &err), IV_OK);
}

static void start(struct iv_chain *c)
{
	next_index = 0;
	iv_chain_init(c, 0, 0);
}

static void files(struct iv_chain *c, int n)
{
	while (n--)
		feed(c, "/bin/x", NULL);
}

/* An old-form load and execute with the counts of the list so far. */
static void old_handover(struct iv_chain *c, unsigned int hop, int skew)
{
	char text[256];
	static const char *k =
		"0000000000000000000000000000000000000000000000000000000000000000";

	snprintf(text, sizeof(text),
		 "hop=%u entries=%lld list_bytes=1 segment_bytes=4096 kernel_sha256=%s",
		 hop, next_index, k);
	feed(c, "kexec_load", text);
	files(c, 2);
	snprintf(text, sizeof(text),
		 "hop=%u entries=%lld list_bytes=1 segment_bytes=4096 kernel_sha256=%s",
		 hop, next_index + skew, k);
	feed(c, "kexec_execute", text);
}

static void restored(struct iv_chain *c, unsigned int hop)
{
	char text[128];

	snprintf(text, sizeof(text),
		 "hop=%u;restored_entries=%lld;segment_size=4096;format=v1;",
		 hop, next_index - 1);
	feed(c, "kexec_restored", text);
}

static int judge(struct iv_chain *c, bool mismatch, struct iv_verdict *v)
{
	iv_verdict_init(v);
	iv_judge_handovers(c, mismatch, v);
	return v->status;
}

static bool has(const struct iv_verdict *v, int status, const char *text)
{
	int i;

	for (i = 0; i < v->nfindings; i++)
		if (v->findings[i].status == status &&
		    strstr(v->findings[i].msg, text))
			return true;
	return false;
}

static void test_two_hops_verify(void **state)
{
	struct iv_verdict v;
	struct iv_chain c;

	start(&c);
	feed(&c, "boot_aggregate", NULL);
	files(&c, 3);
	old_handover(&c, 1, 0);
	feed(&c, "boot_aggregate", NULL);
	restored(&c, 1);
	files(&c, 2);
	old_handover(&c, 2, 0);
	feed(&c, "boot_aggregate", NULL);
	restored(&c, 2);
	assert_int_equal(judge(&c, false, &v), IV_OK);
	assert_int_equal(c.nboots, 3);
	assert_int_equal(c.boots[0].ho.entered, IV_ENTERED_COLD);
	assert_int_equal(c.boots[1].ho.entered, IV_ENTERED_HANDOVER);
	assert_int_equal(c.boots[1].ho.restore, IV_RESTORE_OK);
	assert_int_equal(c.boots[2].ho.hop, 2);
	assert_int_equal(c.boots[2].ho.carried, c.boots[2].aggregate_index);
	assert_non_null(c.boots[1].ho.execute);
	iv_chain_free(&c);
}

static void test_restore_failed_names_boot(void **state)
{
	struct iv_verdict v;
	struct iv_chain c;

	start(&c);
	feed(&c, "boot_aggregate", NULL);
	feed(&c, "kexec_restore_failed",
	     "hop=3 error=-74 segment_bytes=4096 reason=payload digest mismatch");
	files(&c, 2);
	assert_int_equal(judge(&c, true, &v), IV_ERR_RESTORE_FAILED);
	assert_true(has(&v, IV_ERR_RESTORE_FAILED,
			"history before boot 3 lost: payload digest mismatch"));
	assert_int_equal(c.boots[0].number, 3);	/* numbered by its hop */
	assert_int_equal(c.boots[0].ho.restore, IV_RESTORE_FAILED);
	iv_chain_free(&c);
}

static void test_load_without_execute(void **state)
{
	struct iv_verdict v;
	struct iv_chain c;

	start(&c);
	feed(&c, "boot_aggregate", NULL);
	feed(&c, "kexec_load",
	     "kexec_segment_size=0;ima_binary_runtime_size=24;ima_runtime_measurements_count=1;");
	files(&c, 1);
	feed(&c, "boot_aggregate", NULL);
	assert_int_equal(judge(&c, false, &v), IV_ERR_HANDOVER_INCOMPLETE);
	assert_true(has(&v, IV_ERR_HANDOVER_INCOMPLETE,
			"boot 1 follows a kexec_load (entry 1) with no kexec_execute"));
	iv_chain_free(&c);
}

static void test_load_after_execute(void **state)
{
	struct iv_verdict v;
	struct iv_chain c;

	start(&c);
	feed(&c, "boot_aggregate", NULL);
	old_handover(&c, 1, 0);
	feed(&c, "kexec_load",
	     "kexec_segment_size=0;ima_binary_runtime_size=24;ima_runtime_measurements_count=5;");
	feed(&c, "boot_aggregate", NULL);
	judge(&c, false, &v);
	assert_true(has(&v, IV_ERR_HANDOVER_INCOMPLETE,
			"made after boot 0's last kexec_execute (entry 4)"));
	iv_chain_free(&c);
}

/* An unpatched sender measures no events: its receiver's restore counts. */
static void test_silent_sender(void **state)
{
	struct iv_verdict v;
	struct iv_chain c;

	start(&c);
	feed(&c, "boot_aggregate", NULL);
	files(&c, 3);
	feed(&c, "boot_aggregate", NULL);
	restored(&c, 1);
	assert_int_equal(judge(&c, false, &v), IV_OK);
	assert_true(c.boots[1].ho.sender_silent);
	iv_chain_free(&c);

	/* The same restore after a sender that does measure them. */
	start(&c);
	feed(&c, "boot_aggregate", NULL);
	feed(&c, "kexec_load",
	     "kexec_segment_size=0;ima_binary_runtime_size=53;ima_runtime_measurements_count=1;");
	feed(&c, "boot_aggregate", NULL);
	restored(&c, 1);
	assert_int_equal(judge(&c, false, &v), IV_ERR_HANDOVER_INCOMPLETE);
	iv_chain_free(&c);
}

static void test_counts_and_bytes(void **state)
{
	struct iv_verdict v;
	struct iv_chain c;
	char text[160];

	start(&c);
	feed(&c, "boot_aggregate", NULL);
	files(&c, 2);
	/* Right count, binary size one byte off. */
	snprintf(text, sizeof(text),
		 "kexec_segment_size=0;ima_binary_runtime_size=%llu;ima_runtime_measurements_count=3;",
		 IV_KEXEC_HDR_SIZE + c.bytes + 1);
	feed(&c, "kexec_load", text);
	assert_int_equal(judge(&c, false, &v), IV_ERR_HANDOVER_COUNT);
	assert_true(has(&v, IV_ERR_HANDOVER_COUNT,
			"ima_binary_runtime_size="));
	iv_chain_free(&c);

	start(&c);
	feed(&c, "boot_aggregate", NULL);
	files(&c, 2);
	old_handover(&c, 1, 1);	/* execute claims one record more */
	feed(&c, "boot_aggregate", NULL);
	assert_int_equal(judge(&c, false, &v), IV_ERR_HANDOVER_INCOMPLETE);
	assert_true(has(&v, IV_ERR_HANDOVER_COUNT, "records before it"));
	assert_true(has(&v, IV_ERR_HANDOVER_INCOMPLETE,
			"missing between the copy and the jump"));
	iv_chain_free(&c);
}

/*
 * A task that measures while a kexec_load's text is formed puts its record
 * before the event: a count behind the list is that, one ahead of it is
 * not, and an execute (which suspends the others first) must be exact.
 */
static void test_load_count_behind(void **state)
{
	static const struct {
		const char *event, *text, *finding;
		int status;
	} cases[] = {
		{ "kexec_load", "ima_runtime_measurements_count=2;", NULL, IV_OK },
		{ "kexec_load", "ima_runtime_measurements_count=5;",
		  "kexec_load says 5 records before it", IV_ERR_HANDOVER_COUNT },
		{ "kexec_execute", "ima_runtime_measurements_count=2;",
		  "kexec_execute says 2 records before it", IV_ERR_HANDOVER_COUNT },
	};
	struct iv_verdict v;
	struct iv_chain c;
	char text[160];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(text, sizeof(text),
			 "kexec_segment_size=0;ima_binary_runtime_size=0;%s",
			 cases[i].text);
		start(&c);
		feed(&c, "boot_aggregate", NULL);
		files(&c, 2);	/* 3 records before the event */
		feed(&c, cases[i].event, text);
		assert_int_equal(judge(&c, false, &v), cases[i].status);
		if (cases[i].finding)
			assert_true(has(&v, IV_ERR_HANDOVER_COUNT,
					cases[i].finding));
		iv_chain_free(&c);
	}
}

/* The sender's load, as its size counts the records before it. */
static int load_claiming(unsigned long long extra)
{
	struct iv_verdict v;
	struct iv_chain c;
	char text[160];
	int status;

	start(&c);
	feed(&c, "boot_aggregate", NULL);
	files(&c, 2);
	snprintf(text, sizeof(text),
		 "kexec_segment_size=0;ima_binary_runtime_size=%llu;ima_runtime_measurements_count=3;",
		 IV_KEXEC_HDR_SIZE + c.bytes + extra);
	feed(&c, "kexec_load", text);
	status = judge(&c, false, &v);
	iv_chain_free(&c);
	return status;
}

/*
 * Records the sender listed under "d-ng|n-ng" come back as "ima-ng", 3
 * bytes shorter each: the three before the load, or some of them, explain
 * the difference; what they cannot make up still is a finding.
 */
static void test_renamed_records(void **state)
{
	(void)state;
	assert_int_equal(load_claiming(3 * 3), IV_OK);
	assert_int_equal(load_claiming(3 * 2), IV_OK);
	assert_int_equal(load_claiming(3 * 4), IV_ERR_HANDOVER_COUNT);
	assert_int_equal(load_claiming(4), IV_ERR_HANDOVER_COUNT);
	assert_int_equal(load_claiming(0), IV_OK);
}

/*
 * Mainline counts every record since the kernel's list began in its
 * kexec_execute, records it exported and deleted before the kexec
 * included; the receiver restores only what was left.
 */
static int restored_after_cut(bool cut, long long count)
{
	struct iv_verdict v;
	struct iv_chain c;
	char text[128];
	int status;

	start(&c);
	feed(&c, "boot_aggregate", NULL);
	files(&c, 3);
	if (cut)
		iv_chain_add_base(&c, next_index);	/* 0-3 exported */
	old_handover(&c, 1, 0);			/* 4-7, count 7 */
	feed(&c, "boot_aggregate", NULL);	/* 8 */
	snprintf(text, sizeof(text),
		 "hop=1;restored_entries=%lld;segment_size=4096;format=v1;",
		 count);
	feed(&c, "kexec_restored", text);
	status = judge(&c, false, &v);
	iv_chain_free(&c);
	return status;
}

static void test_restored_after_export(void **state)
{
	(void)state;
	assert_int_equal(restored_after_cut(true, 4), IV_OK);
	assert_int_equal(restored_after_cut(true, 8), IV_ERR_HANDOVER_INCOMPLETE);
	assert_int_equal(restored_after_cut(true, 3), IV_ERR_HANDOVER_INCOMPLETE);
	assert_int_equal(restored_after_cut(false, 8), IV_OK);
	assert_int_equal(restored_after_cut(false, 4), IV_ERR_HANDOVER_INCOMPLETE);
}

static void test_hops(void **state)
{
	struct iv_verdict v;
	struct iv_chain c;

	start(&c);
	feed(&c, "boot_aggregate", NULL);
	old_handover(&c, 2, 0);		/* a cold boot makes hand-over 1 */
	feed(&c, "boot_aggregate", NULL);
	restored(&c, 3);		/* and the next says 3 */
	assert_int_equal(judge(&c, false, &v), IV_ERR_HOP_SEQUENCE);
	assert_true(has(&v, IV_ERR_HOP_SEQUENCE,
			"(cold boot): kexec_load says hop 2, expected 1"));
	assert_true(has(&v, IV_ERR_HOP_SEQUENCE,
			"kexec_restored says hop 3, the kexec_execute of boot"));
	iv_chain_free(&c);
}

static void test_late_aggregate_and_start(void **state)
{
	struct iv_verdict v;
	struct iv_chain c;

	start(&c);
	feed(&c, "boot_aggregate_late", NULL);
	files(&c, 2);
	assert_true(c.boots[0].late);
	assert_int_equal(judge(&c, true, &v), IV_ERR_PCR_MISMATCH);
	assert_true(has(&v, IV_ERR_PCR_MISMATCH,
			"earlier records are missing"));
	assert_int_equal(c.nevents, 0);
	iv_chain_free(&c);

	start(&c);
	files(&c, 2);
	feed(&c, "boot_aggregate", NULL);
	assert_true(c.starts_inside_boot);
	assert_int_equal(judge(&c, true, &v), IV_ERR_RECORDS_MISSING);
	assert_int_equal(c.boots[0].ho.entered, IV_ENTERED_UNKNOWN);
	iv_chain_free(&c);
}

static void test_malformed_event(void **state)
{
	struct iv_verdict v;
	struct iv_chain c;

	start(&c);
	feed(&c, "boot_aggregate", NULL);
	feed(&c, "kexec_execute", "hop=1;");
	assert_int_equal(judge(&c, false, &v), IV_ERR_BOUNDARY_EVENT);
	assert_true(has(&v, IV_ERR_BOUNDARY_EVENT,
			"malformed kexec_execute text, byte 0: expected kexec_segment_size= first"));
	assert_int_equal(v.findings[0].entry, 1);
	iv_chain_free(&c);
}

/* Events beyond the cap replace the last kept: the execute stays. */
static void test_event_cap(void **state)
{
	struct iv_verdict v;
	struct iv_chain c;
	int i;

	start(&c);
	feed(&c, "boot_aggregate", NULL);
	for (i = 0; i < IV_MAX_BOOT_EVENTS + 10; i++)
		feed(&c, "kexec_load", "bogus");
	old_handover(&c, 1, 0);
	feed(&c, "boot_aggregate", NULL);
	assert_int_equal(c.boots[0].nevents, IV_MAX_BOOT_EVENTS);
	assert_int_equal(c.boots[0].dropped_events, 12);
	judge(&c, false, &v);
	assert_non_null(c.boots[0].ho.execute);
	assert_int_equal(c.boots[0].ho.execute->index, next_index - 2);
	assert_false(has(&v, IV_ERR_HANDOVER_INCOMPLETE, ""));
	assert_true(has(&v, IV_ERR_BOUNDARY_EVENT, "malformed kexec_load"));
	assert_int_equal(c.nmalformed, IV_MAX_BOOT_EVENTS - 1);
	iv_chain_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_hops_verify),
		cmocka_unit_test(test_restore_failed_names_boot),
		cmocka_unit_test(test_load_without_execute),
		cmocka_unit_test(test_load_after_execute),
		cmocka_unit_test(test_silent_sender),
		cmocka_unit_test(test_counts_and_bytes),
		cmocka_unit_test(test_load_count_behind),
		cmocka_unit_test(test_renamed_records),
		cmocka_unit_test(test_restored_after_export),
		cmocka_unit_test(test_hops),
		cmocka_unit_test(test_late_aggregate_and_start),
		cmocka_unit_test(test_malformed_event),
		cmocka_unit_test(test_event_cap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
