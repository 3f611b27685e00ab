// SPDX-License-Identifier: GPL-2.0-only
/* Only this file uses the SHA*_ functions OpenSSL 3.0 marks deprecated. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <string.h>

#include "hash.h"

#ifdef OPENSSL_NO_DEPRECATED_3_0
#define IV_HASH_DIRECT 0
#else
#define IV_HASH_DIRECT 1
#endif

bool iv_hash_available(int bank)
{
	if (IV_HASH_DIRECT && bank >= IV_SHA1 && bank <= IV_SHA512)
		return true;
	return iv_bank_md(bank) != NULL;
}

void iv_hasher_free(struct iv_hasher *h)
{
	EVP_MD_CTX_free(h->evp);
	h->evp = NULL;
}

int iv_hash_start(struct iv_hasher *h, int bank)
{
	const EVP_MD *md;

	h->bank = bank;
#if IV_HASH_DIRECT
	switch (bank) {
	case IV_SHA1:
		return SHA1_Init(&h->u.sha1) ? 0 : -1;
	case IV_SHA256:
		return SHA256_Init(&h->u.sha256) ? 0 : -1;
	case IV_SHA384:
		return SHA384_Init(&h->u.sha512) ? 0 : -1;
	case IV_SHA512:
		return SHA512_Init(&h->u.sha512) ? 0 : -1;
	}
#endif
	md = iv_bank_md(bank);
	if (!md)
		return -1;
	if (!h->evp && !(h->evp = EVP_MD_CTX_new()))
		return -1;
	return EVP_DigestInit_ex2(h->evp, md, NULL) ? 0 : -1;
}

int iv_hash_update(struct iv_hasher *h, const void *data, size_t len)
{
#if IV_HASH_DIRECT
	switch (h->bank) {
	case IV_SHA1:
		return SHA1_Update(&h->u.sha1, data, len) ? 0 : -1;
	case IV_SHA256:
		return SHA256_Update(&h->u.sha256, data, len) ? 0 : -1;
	case IV_SHA384:
		return SHA384_Update(&h->u.sha512, data, len) ? 0 : -1;
	case IV_SHA512:
		return SHA512_Update(&h->u.sha512, data, len) ? 0 : -1;
	}
#endif
	return EVP_DigestUpdate(h->evp, data, len) ? 0 : -1;
}

int iv_hash_finish(struct iv_hasher *h, uint8_t *out)
{
#if IV_HASH_DIRECT
	switch (h->bank) {
	case IV_SHA1:
		return SHA1_Final(out, &h->u.sha1) ? 0 : -1;
	case IV_SHA256:
		return SHA256_Final(out, &h->u.sha256) ? 0 : -1;
	case IV_SHA384:
		return SHA384_Final(out, &h->u.sha512) ? 0 : -1;
	case IV_SHA512:
		return SHA512_Final(out, &h->u.sha512) ? 0 : -1;
	}
#endif
	return EVP_DigestFinal_ex(h->evp, out, NULL) ? 0 : -1;
}

/* The replay's per-entry call: one dispatch, not one per step. */
int iv_hash2(struct iv_hasher *h, int bank, const void *a, size_t alen,
	     const void *b, size_t blen, uint8_t *out)
{
#if IV_HASH_DIRECT
	switch (bank) {
	case IV_SHA1:
		return SHA1_Init(&h->u.sha1) &&
		       SHA1_Update(&h->u.sha1, a, alen) &&
		       (!b || SHA1_Update(&h->u.sha1, b, blen)) &&
		       SHA1_Final(out, &h->u.sha1) ? 0 : -1;
	case IV_SHA256:
		return SHA256_Init(&h->u.sha256) &&
		       SHA256_Update(&h->u.sha256, a, alen) &&
		       (!b || SHA256_Update(&h->u.sha256, b, blen)) &&
		       SHA256_Final(out, &h->u.sha256) ? 0 : -1;
	}
#endif
	if (iv_hash_start(h, bank) || iv_hash_update(h, a, alen) ||
	    (b && iv_hash_update(h, b, blen)))
		return -1;
	return iv_hash_finish(h, out);
}
