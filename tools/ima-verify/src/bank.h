/* SPDX-License-Identifier: GPL-2.0-only */
/* PCR banks: names, TPM algorithm ids, OpenSSL digests. */
#ifndef IV_BANK_H
#define IV_BANK_H

#include <stddef.h>
#include <stdint.h>
#include <openssl/evp.h>

enum iv_bank {
	IV_SHA1,
	IV_SHA256,
	IV_SHA384,
	IV_SHA512,
	IV_SM3_256,
	IV_NBANKS
};

#define IV_MAX_DIGEST 64
#define IV_NPCRS 24

struct iv_bank_info {
	const char *name;	/* as in tpm2-tools and sysfs pcr-<name> */
	uint16_t tpm_alg;
	const char *evp_name;
	unsigned int size;
};

extern const struct iv_bank_info iv_banks[IV_NBANKS];

const struct iv_bank_info *iv_bank_info(int bank);

/* A valid bank's digest size; inline, as the replay asks per entry. */
static inline unsigned int iv_bank_size(int bank)
{
	return iv_banks[bank].size;
}
int iv_bank_by_name(const char *name, size_t len);
int iv_bank_by_tpm_alg(uint16_t alg);

/* Digest fetched once per process; NULL when OpenSSL lacks it. */
const EVP_MD *iv_bank_md(int bank);

/* Size of a kernel hash_algo_name digest ("sha1", "sm3", ...), 0 if unknown. */
unsigned int iv_kernel_algo_size(const char *name, size_t len);

/* The bank a kernel algorithm name corresponds to, or -1. */
int iv_bank_by_kernel_algo(const char *name, size_t len);

#endif
