/* SPDX-License-Identifier: GPL-2.0-only */
/* Shared helpers for the cmocka unit tests: build list bytes in memory. */
#ifndef IV_UNIT_H
#define IV_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "bank.h"
#include "util.h"

struct bytes {
	uint8_t data[1 << 16];
	size_t len;
	bool big;
};

static inline void b_put(struct bytes *b, const void *p, size_t n)
{
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

static inline void b_u32(struct bytes *b, uint32_t v)
{
	uint8_t x[4];

	iv_put_u32(x, v, b->big);
	b_put(b, x, 4);
}

static inline void b_field(struct bytes *b, const void *p, size_t n)
{
	b_u32(b, (uint32_t)n);
	b_put(b, p, n);
}

/* An ima-ng style template data blob: d-ng sha256 + n-ng (+ extra). */
static inline void b_ima_ng_data(struct bytes *d, const char *name,
				 uint8_t digest_byte)
{
	uint8_t digest[32];

	memset(digest, digest_byte, sizeof(digest));
	b_u32(d, 8 + 32);
	b_put(d, "sha256:", 8);
	b_put(d, digest, 32);
	b_field(d, name, strlen(name) + 1);
}

/* Hash data with OpenSSL for the expected values in tests. */
static inline void sha(int bank, const void *a, size_t alen, const void *b2,
		       size_t blen, uint8_t *out)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();

	EVP_DigestInit_ex2(ctx, iv_bank_md(bank), NULL);
	EVP_DigestUpdate(ctx, a, alen);
	if (b2)
		EVP_DigestUpdate(ctx, b2, blen);
	EVP_DigestFinal_ex(ctx, out, NULL);
	EVP_MD_CTX_free(ctx);
}

/* A whole entry of the sha1 list; the digest is computed unless zero. */
static inline void b_entry(struct bytes *list, uint32_t pcr,
			   const char *tname, const struct bytes *data,
			   bool violation)
{
	uint8_t digest[20] = { 0 };

	if (!violation)
		sha(IV_SHA1, data->data, data->len, NULL, 0, digest);
	b_u32(list, pcr);
	b_put(list, digest, 20);
	b_u32(list, (uint32_t)strlen(tname));
	b_put(list, tname, strlen(tname));
	b_u32(list, (uint32_t)data->len);
	b_put(list, data->data, data->len);
}

#endif
