/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * TPM2_Quote evidence: TPMS_ATTEST + TPMT_SIGNATURE (libtss2-mu), the AK
 * public key (PEM or TPM2B_PUBLIC), and the checks a verifier owes them.
 */
#ifndef IV_QUOTE_H
#define IV_QUOTE_H

#include <openssl/evp.h>
#include <tss2/tss2_tpm2_types.h>

#include "pcrs.h"
#include "util.h"

struct iv_quote {
	TPMS_ATTEST attest;
	TPMT_SIGNATURE sig;
	uint8_t *msg;		/* the marshalled TPMS_ATTEST, as signed */
	size_t msg_len;
	int sig_hash_bank;	/* bank of the signature's hash: pcrDigest alg */
	uint32_t selected[IV_NBANKS];	/* quoted PCRs per bank */
};

/* Unmarshal both and check magic and type (IV_ERR_QUOTE_FORMAT). */
int iv_quote_parse(struct iv_quote *q, const uint8_t *msg, size_t msg_len,
		   const uint8_t *sig, size_t sig_len, struct iv_error *err);
void iv_quote_free(struct iv_quote *q);

/* PEM public key, TPM2B_PUBLIC or TPMT_PUBLIC. */
int iv_ak_parse(EVP_PKEY **pkey, const uint8_t *data, size_t len,
		struct iv_error *err);

int iv_quote_check_signature(const struct iv_quote *q, EVP_PKEY *ak,
			     struct iv_error *err);
int iv_quote_check_nonce(const struct iv_quote *q, const uint8_t *nonce,
			 size_t len, struct iv_error *err);
/* The quote must select exactly want (when given) and cover need. */
int iv_quote_check_selection(const struct iv_quote *q,
			     const uint32_t *want, const uint32_t *need,
			     struct iv_error *err);
/* pcrDigest against H_sig(selected PCR values, bank by bank, index up). */
int iv_quote_check_pcr_digest(const struct iv_quote *q,
			      const struct iv_pcr_values *v,
			      struct iv_error *err);

/*
 * tpm2_quote -o: the selected PCR values concatenated in selection order.
 * Checks them against pcrDigest and returns them in v.
 */
int iv_quote_pcrs_parse(const struct iv_quote *q, const uint8_t *data,
			size_t len, struct iv_pcr_values *v,
			struct iv_error *err);

#endif
