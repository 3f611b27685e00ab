// SPDX-License-Identifier: GPL-2.0-only
/*
 * The hash limit for a list: the time OpenSSL (one thread) needs for
 * exactly the hashing a verifier must do - each entry's template data in
 * every bank plus one extend per entry and bank - with the data already in
 * memory.  No parsing, no I/O, no checks: a floor, not a verifier.
 *   hashlimit LIST BANK[,BANK...]
 * Prints "WALL CPU EVP_WALL EVP_CPU" seconds of the hashing loop on stdout:
 * first through iv_hash2 (OpenSSL's SHA*_ calls, what ima-verify uses),
 * then the same through EVP_DigestInit_ex2/Update/Final on one reused
 * context, to show what EVP's per-call overhead costs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bank.h"
#include "hash.h"
#include "util.h"

/* Template digest and extend of one entry in one bank. */
static void fast_replay(struct iv_hasher *h, int bank, const uint8_t *data,
			size_t len, uint8_t *pcr)
{
	unsigned int size = iv_bank_info(bank)->size;
	uint8_t digest[IV_MAX_DIGEST];

	iv_hash2(h, bank, data, len, NULL, 0, digest);
	iv_hash2(h, bank, pcr, size, digest, size, pcr);
}

static void evp_replay(EVP_MD_CTX *ctx, int bank, const uint8_t *data,
		       size_t len, uint8_t *pcr)
{
	const EVP_MD *md = iv_bank_md(bank);
	unsigned int size = iv_bank_info(bank)->size;
	uint8_t digest[IV_MAX_DIGEST];

	EVP_DigestInit_ex2(ctx, md, NULL);
	EVP_DigestUpdate(ctx, data, len);
	EVP_DigestFinal_ex(ctx, digest, NULL);
	EVP_DigestInit_ex2(ctx, md, NULL);
	EVP_DigestUpdate(ctx, pcr, size);
	EVP_DigestUpdate(ctx, digest, size);
	EVP_DigestFinal_ex(ctx, pcr, NULL);
}

int main(int argc, char **argv)
{
	uint8_t *list, pcr[IV_NBANKS][IV_MAX_DIGEST];
	uint8_t fast_pcr[IV_NBANKS][IV_MAX_DIGEST];
	struct iv_hasher h = { 0 };
	size_t len, off = 0, n = 0, i, cap = 1 << 20;
	size_t *data_off;
	uint32_t *data_len;
	struct iv_error err;
	struct timespec t0, t1, c0, c1;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	int banks[IV_NBANKS], nbanks = 0, b, evp;
	char *p;

	if (argc != 3)
		return 2;
	for (p = strtok(argv[2], ","); p; p = strtok(NULL, ","))
		banks[nbanks++] = iv_bank_by_name(p, strlen(p));
	if (iv_read_file(argv[1], (size_t)4 << 30, &list, &len, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return 2;
	}
	data_off = malloc(cap * sizeof(*data_off));
	data_len = malloc(cap * sizeof(*data_len));
	/* Locate template data (sha1 list, non-legacy templates). */
	while (off + 32 <= len) {
		uint32_t nl = iv_get_u32(list + off + 24, false), dl;

		dl = iv_get_u32(list + off + 28 + nl, false);
		if (n == cap) {
			cap *= 2;
			data_off = realloc(data_off, cap * sizeof(*data_off));
			data_len = realloc(data_len, cap * sizeof(*data_len));
		}
		data_off[n] = off + 32 + nl;
		data_len[n++] = dl;
		off += 32 + nl + dl;
	}
	for (evp = 0; evp < 2; evp++) {
		memset(pcr, 0, sizeof(pcr));
		clock_gettime(CLOCK_MONOTONIC, &t0);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
		for (i = 0; i < n; i++)
			for (b = 0; b < nbanks; b++) {
				const uint8_t *data = list + data_off[i];

				if (evp)
					evp_replay(ctx, banks[b], data,
						   data_len[i], pcr[b]);
				else
					fast_replay(&h, banks[b], data,
						    data_len[i], pcr[b]);
			}
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		printf("%.4f %.4f%s", (double)(t1.tv_sec - t0.tv_sec) +
		       (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
		       (double)(c1.tv_sec - c0.tv_sec) +
		       (double)(c1.tv_nsec - c0.tv_nsec) / 1e9,
		       evp ? "\n" : " ");
		/* Both loops must compute the same PCRs. */
		if (!evp)
			memcpy(fast_pcr, pcr, sizeof(pcr));
		else if (memcmp(fast_pcr, pcr, sizeof(pcr)))
			fprintf(stderr, "hashlimit: EVP and SHA*_ disagree\n");
	}
	fprintf(stderr, "hashlimit: %zu entries, %zu bytes\n", n, len);
	return 0;
}
