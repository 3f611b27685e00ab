// SPDX-License-Identifier: GPL-2.0-only
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "replay.h"
#include "template.h"

/* The banks one thread replays over one batch. */
struct bank_job {
	struct iv_replay *r;
	const struct iv_batch_entry *batch;
	size_t n;
	uint32_t banks;
	int rc;
	long long mismatches, first, first_offset;
	int first_bank;
};


void iv_pcr_reset_value(int bank, int pcr, uint8_t *out)
{
	memset(out, pcr >= 17 && pcr <= 22 ? 0xff : 0,
	       iv_bank_info(bank)->size);
}

void iv_replay_init(struct iv_replay *r, const struct iv_replay_config *cfg)
{
	int b, p;

	memset(r, 0, sizeof(*r));
	r->jobs = calloc(IV_MAX_THREADS, sizeof(*r->jobs));
	r->cfg = *cfg;
	if (r->cfg.threads < 1)
		r->cfg.threads = 1;
	for (b = 0; b < IV_NBANKS; b++)
		for (p = 0; p < IV_NPCRS; p++)
			iv_pcr_reset_value(b, p, r->pcrs.value[b][p]);
	r->first_mismatch = IV_NONE;
}

static bool pcr_matches(const struct iv_replay *r, int b, int p)
{
	return iv_pcr_has(r->expect, b, p) &&
	       memcmp(r->pcrs.value[b][p], r->expect->value[b][p],
		      iv_bank_info(b)->size) == 0;
}

void iv_replay_start(struct iv_replay *r, const struct iv_pcr_values *expect)
{
	int b, p;

	r->expect = expect;
	r->start_entry = r->entries;
	for (b = 0; b < IV_NBANKS; b++)
		for (p = 0; p < IV_NPCRS; p++) {
			r->track[b][p].match_index = pcr_matches(r, b, p) ?
				r->entries - 1 : IV_NO_MATCH;
			r->track[b][p].next_after_match = IV_NONE;
		}
}

/* What bank b extends for entry be: template digest, checked vs list. */
static int entry_digest(struct iv_hasher *h, const struct iv_replay_config *cfg,
			int b, const struct iv_batch_entry *be, uint8_t *out,
			bool *mismatch)
{
	unsigned int size = iv_bank_info(b)->size;
	const uint8_t *listed = be->list_digest[b];

	*mismatch = false;
	memset(out, 0, size);
	if (be->violation) {
		/* All ones (ima_init_digests); 20 of them if padded. */
		memset(out, 0xff, cfg->padded_sha1 >> b & 1 ? 20 : size);
		return 0;
	}
	if (cfg->padded_sha1 >> b & 1) {
		if (be->list_digest[IV_SHA1])
			memcpy(out, be->list_digest[IV_SHA1], 20);
		else if (iv_template_digest(h, IV_SHA1, &be->e, out))
			return -1;
	} else if (iv_template_digest(h, b, &be->e, out)) {
		return -1;
	}
	if (listed && memcmp(listed, out, size) != 0) {
		*mismatch = true;
		/* Extend what the kernel claims it extended. */
		memcpy(out, listed, size);
	}
	return 0;
}

/*
 * One bank group over a batch: per entry, the template digest and the
 * extend PCR := H(PCR || digest), in list order.
 */
static void *run_banks(void *arg)
{
	struct bank_job *job = arg;
	struct iv_replay *r = job->r;
	struct iv_hasher h = { 0 };
	uint8_t digest[IV_MAX_DIGEST], *pcr;
	struct iv_pcr_track *t;
	unsigned int size;
	bool mismatch;
	size_t i;
	int b;

	for (b = 0; b < IV_NBANKS && !job->rc; b++) {
		if (!(job->banks >> b & 1))
			continue;
		size = iv_bank_info(b)->size;
		for (i = 0; i < job->n; i++) {
			const struct iv_batch_entry *be = &job->batch[i];

			if (entry_digest(&h, &r->cfg, b, be, digest,
					 &mismatch)) {
				job->rc = -1;
				break;
			}
			if (mismatch && (!job->mismatches++ ||
					 be->e.index < job->first)) {
				job->first = be->e.index;
				job->first_offset = be->e.offset;
				job->first_bank = b;
			}
			pcr = r->pcrs.value[b][be->e.pcr];
			if (iv_hash2(&h, b, pcr, size, digest, size, pcr)) {
				job->rc = -1;
				break;
			}
			t = &r->track[b][be->e.pcr];
			t->extends++;
			if (t->match_index != IV_NO_MATCH &&
			    t->next_after_match == IV_NONE)
				t->next_after_match = be->e.index;
			if (pcr_matches(r, b, (int)be->e.pcr)) {
				t->match_index = be->e.index;
				t->next_after_match = IV_NONE;
			}
		}
	}
	iv_hasher_free(&h);
	return NULL;
}

/*
 * Deal banks to threads, heaviest first, the caller's group (0) last: the
 * caller also parses the list, so it gets the lightest share.
 */
static int split_banks(uint32_t banks, int threads, uint32_t *groups)
{
	static const int heavy_first[] = { IV_SHA512, IV_SHA384, IV_SM3_256,
					   IV_SHA256, IV_SHA1 };
	int i, k, n = 0;

	if (threads < 1)
		threads = 1;
	if (threads > IV_MAX_THREADS)
		threads = IV_MAX_THREADS;
	memset(groups, 0, sizeof(uint32_t) * (size_t)threads);
	for (i = 0; i < (int)(sizeof(heavy_first) / sizeof(int)); i++) {
		if (!(banks >> heavy_first[i] & 1))
			continue;
		k = n++ % threads;
		groups[k == threads - 1 ? 0 : k + 1] |= 1u << heavy_first[i];
	}
	return threads;
}

int iv_replay_submit(struct iv_replay *r, const struct iv_batch_entry *batch,
		     size_t n, struct iv_error *err)
{
	uint32_t groups[IV_MAX_THREADS];
	int i;

	if (!r->jobs)
		return iv_fail(err, IV_ERR_INTERNAL, -1, -1, "out of memory");
	r->njobs = split_banks(r->cfg.banks, r->cfg.threads, groups);
	for (i = 0; i < r->njobs; i++) {
		struct bank_job *job = &r->jobs[i];

		memset(job, 0, sizeof(*job));
		job->r = r;
		job->batch = batch;
		job->n = n;
		job->banks = groups[i];
		r->started[i] = false;
		if (i && n && job->banks)
			r->started[i] = pthread_create(&r->tids[i], NULL,
						       run_banks, job) == 0;
	}
	r->pending = batch;
	r->pending_n = n;
	return IV_OK;
}

int iv_replay_finish(struct iv_replay *r, struct iv_error *err)
{
	const struct iv_batch_entry *batch = r->pending;
	struct bank_job *job;
	size_t k, n = r->pending_n;
	int i, rc = IV_OK;

	if (!batch)
		return IV_OK;
	for (i = 0; i < r->njobs; i++) {
		job = &r->jobs[i];
		if (!job->banks)
			continue;
		if (i == 0 || !r->started[i])
			run_banks(job);	/* caller's share, or no thread */
		else
			pthread_join(r->tids[i], NULL);
	}
	for (i = 0; i < r->njobs; i++) {
		job = &r->jobs[i];
		if (job->rc)
			rc = iv_fail(err, IV_ERR_INTERNAL, -1, -1,
				     "OpenSSL digest failed");
		if (!job->mismatches)
			continue;
		if (!r->digest_mismatches || job->first < r->first_mismatch) {
			r->first_mismatch = job->first;
			r->first_mismatch_bank = job->first_bank;
			r->first_mismatch_offset = job->first_offset;
		}
		r->digest_mismatches += job->mismatches;
	}
	for (k = 0; k < n; k++) {
		r->used |= 1u << batch[k].e.pcr;
		r->violations += batch[k].violation;
	}
	for (i = 0; i < IV_NBANKS; i++)
		if (r->cfg.banks >> i & 1)
			r->pcrs.have[i] = r->used;
	r->entries += (long long)n;
	r->pending = NULL;
	return rc;
}

void iv_replay_free(struct iv_replay *r)
{
	free(r->jobs);
	r->jobs = NULL;
}

int iv_replay_batch(struct iv_replay *r, const struct iv_batch_entry *batch,
		    size_t n, struct iv_error *err)
{
	int rc = iv_replay_submit(r, batch, n, err);

	return rc ? rc : iv_replay_finish(r, err);
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
			else if (pcr_matches(r, b, p))
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
