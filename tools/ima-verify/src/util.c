// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "util.h"

void iv_populate(void *p, size_t len)
{
#ifdef MADV_POPULATE_WRITE
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
	uintptr_t start = ((uintptr_t)p + page - 1) & ~(page - 1);
	uintptr_t end = ((uintptr_t)p + len) & ~(page - 1);

	/* Best effort: older kernels fault the pages in one by one. */
	if (p && end > start)
		madvise((void *)start, end - start, MADV_POPULATE_WRITE);
#endif
}

void *iv_malloc_populated(size_t len)
{
	void *p = malloc(len);

	iv_populate(p, len);
	return p;
}

void *iv_grow(void *array, int count, size_t size)
{
	if (count == 0)
		return malloc(size);
	if (count & (count - 1))
		return array;
	return realloc(array, size * (size_t)count * 2);
}

int iv_fail(struct iv_error *err, int status, long long entry,
	    long long offset, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return status;
	err->status = status;
	err->entry = entry;
	err->offset = offset;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return status;
}

void iv_error_clear(struct iv_error *err)
{
	err->status = IV_OK;
	err->entry = -1;
	err->offset = -1;
	err->msg[0] = '\0';
}

void iv_hex(const uint8_t *buf, size_t len, char *out)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < len; i++) {
		out[2 * i] = digits[buf[i] >> 4];
		out[2 * i + 1] = digits[buf[i] & 15];
	}
	out[2 * len] = '\0';
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int iv_unhex(const char *text, uint8_t *out, size_t max)
{
	size_t n = 0;
	int hi = -1, v;

	if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
		text += 2;
	for (; *text; text++) {
		if (*text == ' ' || *text == ':' || *text == '\t' ||
		    *text == '\n' || *text == '\r')
			continue;
		v = hex_value(*text);
		if (v < 0)
			return -1;
		if (hi < 0) {
			hi = v;
			continue;
		}
		if (n >= max)
			return -1;
		out[n++] = (uint8_t)(hi << 4 | v);
		hi = -1;
	}
	return hi < 0 ? (int)n : -1;
}

bool iv_host_is_big_endian(void)
{
	const uint16_t probe = 1;

	return *(const uint8_t *)&probe == 0;
}

bool iv_all_bytes(const uint8_t *buf, size_t len, uint8_t value)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (buf[i] != value)
			return false;
	return true;
}

int iv_read_file(const char *path, size_t max, uint8_t **data, size_t *len,
		 struct iv_error *err)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	size_t n;

	if (!f)
		return iv_fail(err, IV_ERR_NOINPUT, -1, -1, "%s: %s", path,
			       strerror(errno));
	buf = malloc(max + 1);
	if (!buf) {
		fclose(f);
		return iv_fail(err, IV_ERR_INTERNAL, -1, -1, "out of memory");
	}
	n = fread(buf, 1, max + 1, f);
	if (ferror(f)) {
		fclose(f);
		free(buf);
		return iv_fail(err, IV_ERR_NOINPUT, -1, -1, "%s: read error",
			       path);
	}
	fclose(f);
	if (n > max) {
		free(buf);
		return iv_fail(err, IV_ERR_MALFORMED_EVIDENCE, -1, (long long)max,
			       "%s: larger than %zu bytes", path, max);
	}
	*data = buf;
	*len = n;
	return IV_OK;
}
