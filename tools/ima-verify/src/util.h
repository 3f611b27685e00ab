/* SPDX-License-Identifier: GPL-2.0-only */
/* Small helpers shared by every module: errors, hex, byte order. */
#ifndef IV_UTIL_H
#define IV_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "result.h"

/* An error with the place it happened; entry/offset are -1 when unknown. */
struct iv_error {
	int status;
	long long entry;
	long long offset;
	char msg[IV_MSG_MAX];
};

int iv_fail(struct iv_error *err, int status, long long entry,
	    long long offset, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

void iv_error_clear(struct iv_error *err);

/* Lower-case hex of len bytes into out (2 * len + 1 bytes). */
void iv_hex(const uint8_t *buf, size_t len, char *out);

/*
 * Parse hex (optional 0x prefix, spaces and colons ignored) into out.
 * Returns the number of bytes, or -1 on a bad digit / overflow of max.
 */
int iv_unhex(const char *text, uint8_t *out, size_t max);

static inline uint32_t iv_get_u32(const uint8_t *p, bool big_endian)
{
	if (big_endian)
		return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		       (uint32_t)p[2] << 8 | p[3];
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[1] << 8 | p[0];
}

static inline void iv_put_u32(uint8_t *p, uint32_t v, bool big_endian)
{
	int i;

	for (i = 0; i < 4; i++)
		p[big_endian ? 3 - i : i] = (uint8_t)(v >> (8 * i));
}

bool iv_host_is_big_endian(void);

bool iv_all_bytes(const uint8_t *buf, size_t len, uint8_t value);

/*
 * Buffers that are reused for a whole run: their pages faulted in by one
 * call.  A page fault costs ~20 µs in some VMs, populating ~1 µs a page.
 */
void iv_populate(void *p, size_t len);
void *iv_malloc_populated(size_t len);

/*
 * Room for one more element in an array of count elements of size bytes
 * grown at powers of two (no capacity kept): array itself while there is
 * room, else a larger copy, or NULL with array untouched.
 */
void *iv_grow(void *array, int count, size_t size);

/* Read a whole (small) file; caps at max bytes. Caller frees *data. */
int iv_read_file(const char *path, size_t max, uint8_t **data, size_t *len,
		 struct iv_error *err);

#endif
