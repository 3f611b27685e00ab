/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-bank hashing of small inputs (template data, PCR extends) at the
 * speed of OpenSSL's hash code itself.  OpenSSL 3.0's EVP_DigestInit_ex2
 * frees and re-allocates the provider context on every call (fixed in 3.1,
 * openssl#18105); with ~100-byte inputs that costs as much as the hashing.
 * SHA-1/SHA-2 therefore use OpenSSL's SHA*_Init/Update/Final (the same
 * code the default provider calls) when the build has them; SM3, and any
 * OpenSSL built without the 3.0 deprecated API, take EVP.
 */
#ifndef IV_HASH_H
#define IV_HASH_H

#include <stdbool.h>
#include <openssl/evp.h>
#include <openssl/sha.h>

#include "bank.h"

struct iv_hasher {
	int bank;		/* of the digest in progress */
	EVP_MD_CTX *evp;	/* EVP path, allocated on first use */
	union {
		SHA_CTX sha1;
		SHA256_CTX sha256;
		SHA512_CTX sha512;	/* SHA-384 too */
	} u;
};

/*
 * Whether bank can be hashed.  Asks EVP only for a bank the direct path
 * lacks: a first fetch loads OpenSSL's providers and config, ~2 ms and
 * ~70 page faults that a run hashing SHA-1/SHA-2 only need not pay.
 */
bool iv_hash_available(int bank);

/* Zeroed hasher: ready.  Free releases the EVP context if one was made. */
void iv_hasher_free(struct iv_hasher *h);

/* One digest: start, update as often as needed, finish. 0 or -1. */
int iv_hash_start(struct iv_hasher *h, int bank);
int iv_hash_update(struct iv_hasher *h, const void *data, size_t len);
int iv_hash_finish(struct iv_hasher *h, uint8_t *out);

/* H(a || b) in bank; b may be NULL.  A PCR extend is H(pcr || digest). */
int iv_hash2(struct iv_hasher *h, int bank, const void *a, size_t alen,
	     const void *b, size_t blen, uint8_t *out);

#endif
