// SPDX-License-Identifier: GPL-2.0-only
#include <string.h>
#include <pthread.h>

#include "bank.h"

const struct iv_bank_info iv_banks[IV_NBANKS] = {
	[IV_SHA1] = { "sha1", 0x0004, "SHA1", 20 },
	[IV_SHA256] = { "sha256", 0x000b, "SHA256", 32 },
	[IV_SHA384] = { "sha384", 0x000c, "SHA384", 48 },
	[IV_SHA512] = { "sha512", 0x000d, "SHA512", 64 },
	[IV_SM3_256] = { "sm3_256", 0x0012, "SM3", 32 },
};

static EVP_MD *fetched[IV_NBANKS];
static pthread_once_t fetch_once = PTHREAD_ONCE_INIT;

static void fetch_all(void)
{
	int i;

	for (i = 0; i < IV_NBANKS; i++)
		fetched[i] = EVP_MD_fetch(NULL, iv_banks[i].evp_name, NULL);
}

const struct iv_bank_info *iv_bank_info(int bank)
{
	if (bank < 0 || bank >= IV_NBANKS)
		return NULL;
	return &iv_banks[bank];
}

static int name_is(const char *name, size_t len, const char *want)
{
	return strlen(want) == len && strncmp(name, want, len) == 0;
}

int iv_bank_by_name(const char *name, size_t len)
{
	int i;

	for (i = 0; i < IV_NBANKS; i++)
		if (name_is(name, len, iv_banks[i].name))
			return i;
	if (name_is(name, len, "sm3"))
		return IV_SM3_256;
	return -1;
}

int iv_bank_by_tpm_alg(uint16_t alg)
{
	int i;

	for (i = 0; i < IV_NBANKS; i++)
		if (iv_banks[i].tpm_alg == alg)
			return i;
	return -1;
}

const EVP_MD *iv_bank_md(int bank)
{
	pthread_once(&fetch_once, fetch_all);
	if (bank < 0 || bank >= IV_NBANKS)
		return NULL;
	return fetched[bank];
}

/*
 * The kernel's hash_algo_name[] / hash_digest_size[] (crypto/hash_info.c),
 * the common ones first: this runs for every d-ng field.
 */
static const struct {
	const char *name;
	size_t len;
	unsigned int size;
} kernel_algos[] = {
#define ALGO(name, size) { name, sizeof(name) - 1, size }
	ALGO("sha256", 32), ALGO("sha1", 20), ALGO("sha384", 48),
	ALGO("sha512", 64), ALGO("sm3", 32), ALGO("md4", 16), ALGO("md5", 16),
	ALGO("rmd160", 20), ALGO("sha224", 28), ALGO("rmd128", 16),
	ALGO("rmd256", 32), ALGO("rmd320", 40), ALGO("wp256", 32),
	ALGO("wp384", 48), ALGO("wp512", 64), ALGO("tgr128", 16),
	ALGO("tgr160", 20), ALGO("tgr192", 24), ALGO("streebog256", 32),
	ALGO("streebog512", 64), ALGO("sha3-256", 32), ALGO("sha3-384", 48),
	ALGO("sha3-512", 64),
#undef ALGO
};

unsigned int iv_kernel_algo_size(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(kernel_algos) / sizeof(kernel_algos[0]); i++)
		if (kernel_algos[i].len == len &&
		    !memcmp(kernel_algos[i].name, name, len))
			return kernel_algos[i].size;
	return 0;
}

int iv_bank_by_kernel_algo(const char *name, size_t len)
{
	if (name_is(name, len, "sm3"))
		return IV_SM3_256;
	return iv_bank_by_name(name, len);
}
