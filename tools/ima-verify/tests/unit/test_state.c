// SPDX-License-Identifier: GPL-2.0-only
#include <stdlib.h>
#include <unistd.h>
#include "unit.h"
#include "state.h"

static void test_round_trip(void **state)
{
	static struct iv_state s, t;
	char path[] = "/tmp/iv-state-XXXXXX";
	struct iv_error err;
	uint8_t v[32];
	int fd = mkstemp(path), b;

	assert_true(fd >= 0);
	close(fd);
	memset(&s, 0, sizeof(s));
	for (b = 0; b < IV_NBANKS; b++)
		s.offset[b] = -1;
	s.entries = 12345;
	s.boot = 4;
	s.banks = 1u << IV_SHA256;
	s.offset[IV_SHA256] = 999;
	memset(v, 0xab, sizeof(v));
	iv_pcr_set(&s.pcrs, IV_SHA256, 10, v);
	assert_int_equal(iv_state_save(path, &s, &err), IV_OK);
	assert_int_equal(iv_state_load(path, &t, &err), IV_OK);
	assert_int_equal(t.entries, 12345);
	assert_int_equal(t.boot, 4);
	assert_int_equal(t.banks, 1u << IV_SHA256);
	assert_int_equal(t.offset[IV_SHA256], 999);
	assert_int_equal(t.offset[IV_SHA1], -1);
	assert_true(iv_pcr_has(&t.pcrs, IV_SHA256, 10));
	assert_memory_equal(t.pcrs.value[IV_SHA256][10], v, 32);
	unlink(path);
}

static void test_rejects_garbage(void **state)
{
	static struct iv_state t;
	char path[] = "/tmp/iv-state-XXXXXX";
	struct iv_error err;
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, "ima-verify-state 1\npcr sha1 10 abcd\n", 36),
			 36);
	close(fd);
	assert_int_equal(iv_state_load(path, &t, &err),
			 IV_ERR_MALFORMED_EVIDENCE);
	assert_non_null(strstr(err.msg, ":2:"));
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_rejects_garbage),
	};

	return cmocka_run_group_tests_name("state", tests, NULL, NULL);
}
