// SPDX-License-Identifier: GPL-2.0-only
/* The boundary event parser: every form a kernel writes, and bad texts. */
#include "unit.h"
#include "kexec_event.h"

static struct iv_kexec_event ev;
static char why[200];

static int parse(enum iv_kx_kind kind, const char *text)
{
	return iv_kexec_event_parse(kind, (const uint8_t *)text, strlen(text),
				    &ev, why, sizeof(why));
}

/* Fails, and the message names the byte offset and the problem. */
static void rejects(enum iv_kx_kind kind, const char *text, const char *what)
{
	if (parse(kind, text) != -1 || !strstr(why, what))
		fail_msg("\"%s\": want an error with \"%s\", got \"%s\"", text,
			 what, why);
}

static void test_kinds(void **state)
{
	assert_int_equal(iv_kexec_event_kind("kexec_load", 10), IV_KX_LOAD);
	assert_int_equal(iv_kexec_event_kind("kexec_execute", 13),
			 IV_KX_EXECUTE);
	assert_int_equal(iv_kexec_event_kind("kexec_restored", 14),
			 IV_KX_RESTORED);
	assert_int_equal(iv_kexec_event_kind("kexec_restore_failed", 20),
			 IV_KX_RESTORE_FAILED);
	assert_int_equal(iv_kexec_event_kind("kexec_loa", 9), IV_KX_NONE);
	assert_int_equal(iv_kexec_event_kind("kexec_load2", 11), IV_KX_NONE);
	assert_int_equal(iv_kexec_event_kind("ima_kexec_load", 14),
			 IV_KX_NONE);
	assert_int_equal(iv_kexec_event_kind(NULL, 0), IV_KX_NONE);
}

static void test_mainline(void **state)
{
	assert_int_equal(parse(IV_KX_EXECUTE,
		"kexec_segment_size=1048576;ima_binary_runtime_size=9436;ima_runtime_measurements_count=81;"),
		0);
	assert_int_equal(ev.form, IV_KX_MAINLINE);
	assert_true(ev.has_count && ev.has_bytes && ev.has_segment);
	assert_true(ev.bytes_checkable);
	assert_false(ev.has_hop);
	assert_int_equal(ev.count, 81);
	assert_int_equal(ev.bytes, 9436);
	assert_int_equal(ev.segment, 1048576);
	assert_int_equal(ev.unknown_keys, 0);
	/* No segment reserved: 0. */
	assert_int_equal(parse(IV_KX_LOAD,
		"kexec_segment_size=0;ima_binary_runtime_size=24;ima_runtime_measurements_count=0;"),
		0);
	assert_int_equal(ev.segment, 0);
}

static void test_series(void **state)
{
	assert_int_equal(parse(IV_KX_LOAD,
		"kexec_segment_size=4096;ima_binary_runtime_size=100;ima_runtime_measurements_count=3;hop=2;"),
		0);
	assert_int_equal(ev.form, IV_KX_SERIES);
	assert_true(ev.has_hop);
	assert_int_equal(ev.hop, 2);
	assert_int_equal(ev.count, 3);
	/* Keys a later kernel adds are accepted and counted. */
	assert_int_equal(parse(IV_KX_EXECUTE,
		"kexec_segment_size=4096;ima_binary_runtime_size=100;ima_runtime_measurements_count=3;hop=2;future=x y;"),
		0);
	assert_int_equal(ev.unknown_keys, 1);

	assert_int_equal(parse(IV_KX_RESTORED,
		"hop=3;restored_entries=250;segment_size=1048576;format=v1+ext;"),
		0);
	assert_int_equal(ev.form, IV_KX_SERIES);
	assert_int_equal(ev.hop, 3);
	assert_int_equal(ev.count, 250);
	assert_int_equal(ev.segment, 1048576);
	assert_string_equal(ev.format, "v1+ext");
	/* The 7.2 series restores a version 1 list, which names no hop. */
	assert_int_equal(parse(IV_KX_RESTORED,
		"restored_entries=20;segment_size=12288;format=v1;"),
		0);
	assert_false(ev.has_hop);
	assert_int_equal(ev.count, 20);

	assert_int_equal(parse(IV_KX_RESTORE_FAILED,
		"hop=4;error=-74;segment_size=8192;reason=payload digest mismatch;"),
		0);
	assert_int_equal(ev.error, -74);
	assert_string_equal(ev.reason, "payload digest mismatch");
	/* Header unreadable: no hop. */
	assert_int_equal(parse(IV_KX_RESTORE_FAILED,
		"error=-22;segment_size=16;reason=header unreadable;"), 0);
	assert_false(ev.has_hop);
}

static void test_old(void **state)
{
	assert_int_equal(parse(IV_KX_EXECUTE,
		"hop=1 entries=81 list_bytes=13576 segment_bytes=1048576 kernel_sha256=58e4b46ea44ca943fe36d3adabbdff70562a56dac6f1bcdde41fea161b4353d3"),
		0);
	assert_int_equal(ev.form, IV_KX_OLD);
	assert_int_equal(ev.hop, 1);
	assert_int_equal(ev.count, 81);
	assert_int_equal(ev.bytes, 13576);
	assert_false(ev.bytes_checkable);	/* v2 size, not the list's */
	assert_true(ev.has_kernel);
	assert_int_equal(ev.kernel_sha256[0], 0x58);
	assert_int_equal(ev.kernel_sha256[31], 0xd3);

	assert_int_equal(parse(IV_KX_RESTORED,
		"hop=1 entries=82 segment_bytes=1048576 restore_us=42"), 0);
	assert_int_equal(ev.count, 82);
	assert_int_equal(ev.restore_us, 42);

	/* The reason takes the rest of the text, spaces and all. */
	assert_int_equal(parse(IV_KX_RESTORE_FAILED,
		"hop=2 error=-74 segment_bytes=8192 reason=payload digest mismatch (v2)"),
		0);
	assert_int_equal(ev.form, IV_KX_OLD);
	assert_string_equal(ev.reason, "payload digest mismatch (v2)");
	assert_int_equal(parse(IV_KX_RESTORE_FAILED,
		"hop=1 error=-22 reason=buffer unusable"), 0);
	assert_false(ev.has_segment);
	assert_string_equal(ev.reason, "buffer unusable");
	/* Before the hop was added (patch 0004). */
	assert_int_equal(parse(IV_KX_RESTORE_FAILED,
		"error=-5 segment_bytes=4096 reason=nr of fields mismatch"), 0);
	assert_false(ev.has_hop);
}

static void test_malformed(void **state)
{
	rejects(IV_KX_LOAD, "", "byte 0: empty text");
	rejects(IV_KX_LOAD,
		"kexec_segment_size=12x;ima_binary_runtime_size=1;ima_runtime_measurements_count=1;",
		"byte 21: not a decimal digit");
	rejects(IV_KX_LOAD,
		"ima_binary_runtime_size=1;kexec_segment_size=1;ima_runtime_measurements_count=1;",
		"byte 0: expected kexec_segment_size= first");
	rejects(IV_KX_LOAD,
		"kexec_segment_size=1;ima_binary_runtime_size=1;ima_runtime_measurements_count=1",
		"value without a closing ';'");
	rejects(IV_KX_LOAD, "kexec_segment_size=1;ima_binary_runtime_size=1;",
		"no ima_runtime_measurements_count= key");
	rejects(IV_KX_EXECUTE,
		"kexec_segment_size=1;ima_binary_runtime_size=1;ima_runtime_measurements_count=-1;",
		"not a decimal digit");
	rejects(IV_KX_EXECUTE,
		"kexec_segment_size=1;ima_binary_runtime_size=1;ima_runtime_measurements_count=99999999999999999999999;",
		"number out of range");
	rejects(IV_KX_EXECUTE,
		"kexec_segment_size=1;ima_binary_runtime_size=1;ima_runtime_measurements_count=1;hop=1;hop=2;",
		"key given twice");
	rejects(IV_KX_RESTORED, "hop=1;restored_entries=5;",
		"no segment_size= key");
	rejects(IV_KX_RESTORED, "hop=1;restored_entries=5;segment_size=1;format=V1;",
		"format has a character");
	rejects(IV_KX_RESTORED, "hop=99999999999;restored_entries=5;segment_size=1;",
		"number out of range");
	rejects(IV_KX_RESTORE_FAILED, "error=-;segment_size=1;reason=x;",
		"empty number");
	rejects(IV_KX_RESTORE_FAILED, "error=1;segment_size=1;reason=;",
		"empty reason");
	rejects(IV_KX_EXECUTE,
		"hop=1 entries=81 list_bytes=1 segment_bytes=1 kernel_sha256=abc",
		"not 64 hex digits");
	rejects(IV_KX_EXECUTE, "hop=1 entries=81 list_bytes=1 segment_bytes=1",
		"no kernel_sha256= key");
	rejects(IV_KX_RESTORED, "hop=1 entries=2 segment_bytes=3 ",
		"trailing space");
	rejects(IV_KX_RESTORED, "hop=1  entries=2 segment_bytes=3",
		"byte 6: expected a key");
	rejects(IV_KX_RESTORED, "hop", "key without '='");
	rejects(IV_KX_RESTORED, "Hop=1 entries=2 segment_bytes=3",
		"byte 0: expected a key");
	rejects(IV_KX_RESTORE_FAILED, "hop=1 reason=x", "no error= key");
	rejects(IV_KX_NONE, "hop=1", "not a boundary event");
	/* Control bytes and NUL name their offset. */
	assert_int_equal(iv_kexec_event_parse(IV_KX_RESTORED,
		(const uint8_t *)"hop=1\0", 6, &ev, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "byte 5: NUL byte"));
	rejects(IV_KX_RESTORED, "hop=1\n", "byte 5: non-printable byte");
}

/* Every prefix of valid texts parses or fails cleanly. */
static void test_prefixes(void **state)
{
	static const char *const texts[] = {
		"kexec_segment_size=1048576;ima_binary_runtime_size=9436;ima_runtime_measurements_count=81;hop=1;",
		"hop=3;restored_entries=250;segment_size=1048576;format=v1+ext;",
		"hop=2 error=-74 segment_bytes=8192 reason=payload digest mismatch",
	};
	static const enum iv_kx_kind kinds[] = {
		IV_KX_LOAD, IV_KX_RESTORED, IV_KX_RESTORE_FAILED,
	};
	size_t i, n;
	int rc;

	for (i = 0; i < 3; i++)
		for (n = 0; n <= strlen(texts[i]); n++) {
			rc = iv_kexec_event_parse(kinds[i],
				(const uint8_t *)texts[i], n, &ev, why,
				sizeof(why));
			assert_true(rc == 0 || (rc == -1 && why[0]));
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_mainline),
		cmocka_unit_test(test_series),
		cmocka_unit_test(test_old),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_prefixes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
