/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Every input of a run except the measurement lists (which are streamed
 * through the replay): PCR evidence, quote, AK, nonce, selection, saved
 * state.  All file and TPM reads happen here, so the judges need none.
 */
#ifndef IV_INPUTS_H
#define IV_INPUTS_H

#include "evidence.h"
#include "options.h"
#include "quote.h"
#include "state.h"

struct iv_inputs {
	struct iv_pcr_values evidence;	/* from --pcrs, --tpm, --quote-pcrs */
	const char *evidence_source[IV_NBANKS];
	bool have_quote;
	struct iv_quote quote;
	/*
	 * Read only with a quote.  A failure to read one is no reason to
	 * stop: it becomes that check's finding when the quote is judged.
	 */
	EVP_PKEY *ak;
	struct iv_error ak_error;
	uint8_t nonce[IV_NONCE_MAX];
	size_t nonce_len;
	struct iv_error nonce_error;
	bool have_selection;		/* false: no selection demanded */
	uint32_t selection[IV_NBANKS];
	struct iv_error selection_error;
	bool have_state;
	struct iv_state state;		/* --state-in */
};

/*
 * Load everything; inconsistent PCR values become findings in v.  Returns
 * non-zero when the run cannot go on (the failure is in v too).
 */
int iv_inputs_load(const struct iv_options *o, struct iv_inputs *in,
		   struct iv_verdict *v);
void iv_inputs_free(struct iv_inputs *in);

#endif
