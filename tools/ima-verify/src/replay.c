// SPDX-License-Identifier: GPL-2.0-only
/* Replay state and its comparison with the evidence; replay_batch.c hashes. */
#include <stdlib.h>
#include <string.h>

#include "replay.h"

void iv_pcr_reset_value(int bank, int pcr, uint8_t *out)
{
	memset(out, pcr >= 17 && pcr <= 22 ? 0xff : 0,
	       iv_bank_info(bank)->size);
}

void iv_replay_init(struct iv_replay *r, const struct iv_replay_config *cfg)
{
	int b, p;

	memset(r, 0, sizeof(*r));
	r->chunk = IV_REPLAY_CHUNK;
	r->cfg = *cfg;
	if (r->cfg.threads < 1)
		r->cfg.threads = 1;
	for (b = 0; b < IV_NBANKS; b++)
		for (p = 0; p < IV_NPCRS; p++)
			iv_pcr_reset_value(b, p, r->pcrs.value[b][p]);
	r->first_mismatch = IV_NONE;
}

void iv_replay_start(struct iv_replay *r, const struct iv_pcr_values *expect)
{
	int b, p;

	r->expect = expect;
	r->start_entry = r->entries;
	for (b = 0; b < IV_NBANKS; b++)
		for (p = 0; p < IV_NPCRS; p++) {
			r->track[b][p].match_index = iv_replay_pcr_matches(r, b, p) ?
				r->entries - 1 : IV_NO_MATCH;
			r->track[b][p].next_after_match = IV_NONE;
		}
}

void iv_replay_free(struct iv_replay *r)
{
	int b;

	iv_replay_pool_stop(r);
	for (b = 0; b < IV_NBANKS; b++) {
		free(r->pre[b]);
		r->pre[b] = NULL;
	}
	free(r->chunk_state);
	r->chunk_state = NULL;
	r->pre_cap = r->chunk_cap = 0;
}

int iv_replay_results(const struct iv_replay *r, struct iv_pcr_result *out,
		      int max, long long *trailing)
{
	long long verified_end = IV_NONE, last = r->entries - 1;
	const struct iv_pcr_track *t;
	int b, p, n = 0, i;

	/* The evidence was read after entry verified_end was measured. */
	for (b = 0; b < IV_NBANKS; b++)
		for (p = 0; p < IV_NPCRS; p++) {
			t = &r->track[b][p];
			if ((r->cfg.banks >> b & 1) && (r->used >> p & 1) &&
			    t->match_index > verified_end)
				verified_end = t->match_index;
		}

	for (b = 0; b < IV_NBANKS; b++) {
		if (!(r->cfg.banks >> b & 1))
			continue;
		for (p = 0; p < IV_NPCRS && n < max; p++) {
			if (!(r->used >> p & 1))
				continue;
			t = &r->track[b][p];
			out[n] = (struct iv_pcr_result){ b, p, IV_PCR_MISMATCH,
							 t->match_index, 0 };
			if (!iv_pcr_has(r->expect, b, p))
				out[n].outcome = IV_PCR_NO_EVIDENCE;
			else if (iv_replay_pcr_matches(r, b, p))
				out[n].outcome = IV_PCR_MATCH;
			else if (t->match_index != IV_NO_MATCH &&
				 (t->next_after_match == IV_NONE ||
				  t->next_after_match > verified_end))
				out[n].outcome = IV_PCR_MATCH_PREFIX;
			n++;
		}
	}
	*trailing = 0;
	for (i = 0; i < n; i++)
		if (out[i].outcome == IV_PCR_MATCH_PREFIX) {
			out[i].trailing = last - verified_end;
			*trailing = last - verified_end;
		}
	return n;
}
