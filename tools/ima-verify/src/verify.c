// SPDX-License-Identifier: GPL-2.0-only
/* The lists are the one input too big to load: replay_lists streams them. */
#include <string.h>

#include "handover.h"
#include "lists.h"
#include "state.h"
#include "verify.h"

static uint32_t pick_banks(const struct iv_options *o, struct iv_result *r,
			   const struct iv_list_set *ls)
{
	uint32_t banks = o->banks;
	int b, i;

	if (!banks) {
		for (b = 0; b < IV_NBANKS; b++)
			if (r->inputs.evidence.have[b] ||
			    (r->inputs.have_quote &&
			     r->inputs.quote.selected[b]))
				banks |= 1u << b;
		for (i = 0; i < ls->n; i++)
			banks |= 1u << ls->bank[i];
		if (banks == 1u << IV_SHA1)
			banks |= 1u << IV_SHA256;
	}
	for (b = 0; b < IV_NBANKS; b++)
		if ((banks >> b & 1) && !iv_hash_available(b)) {
			iv_verdict_note(&r->verdict, IV_ERR_USAGE, -1, -1,
				"OpenSSL has no %s digest", iv_bank_info(b)->name);
			banks &= ~(1u << b);
		}
	return banks;
}

/*
 * Stream one list set through the replay.  Pipeline: read and parse batch
 * k+1 while the worker threads hash batch k; then this thread hashes its
 * own banks of batch k.
 */
static int stream_set(struct iv_list_set *ls, struct iv_result *r,
		      struct iv_batch bufs[2], struct iv_error *e)
{
	struct iv_batch *cur;
	struct iv_error fe;
	bool done = false, in_flight = false;
	unsigned int k = 0;
	int rc = 0;

	iv_error_clear(&fe);
	while (!done && !rc) {
		cur = &bufs[k++ & 1];
		rc = iv_lists_read_batch(ls, cur, &done, &r->chain, e);
		if (in_flight && iv_replay_finish(&r->replay, &fe) && !rc) {
			rc = fe.status;
			*e = fe;
		}
		/* Replay what was read, even before a malformed entry. */
		in_flight = cur->n > 0;
		if (in_flight &&
		    iv_replay_submit(&r->replay, cur->e, cur->n, &fe)) {
			in_flight = false;
			if (!rc) {
				rc = fe.status;
				*e = fe;
			}
		}
		r->entries_read += (long long)cur->n;
	}
	if (in_flight && iv_replay_finish(&r->replay, &fe) && !rc) {
		rc = fe.status;
		*e = fe;
	}
	return rc;
}

/* The exported parts, in order, each a list of its own, before the list. */
static int stream_exported(const struct iv_options *o, struct iv_result *r,
			   struct iv_batch bufs[2], struct iv_error *e)
{
	struct iv_list_set part;
	long long next = 0;
	int i, rc = 0;

	for (i = 0; i < o->nexported && !rc; i++) {
		rc = iv_lists_open(&part, &o->exported[i], 1, o->byte_order,
				   o->max_data, NULL, e);
		if (!rc)
			rc = iv_log_seek(&part.logs[0], 0, next, e);
		if (!rc && iv_chain_add_base(&r->chain, next))
			rc = iv_fail(e, IV_ERR_INTERNAL, -1, -1, "out of memory");
		if (!rc)
			rc = stream_set(&part, r, bufs, e);
		next = part.n ? part.logs[0].next_index : next;
		iv_lists_close(&part);
		r->chain.parts++;
	}
	r->chain.exported_entries = next;
	return rc;
}

static int replay_lists(const struct iv_options *o, struct iv_result *r,
			const struct iv_state *st)
{
	struct iv_replay_config cfg = { 0, o->padded_sha1, o->threads };
	struct iv_batch bufs[2];
	struct iv_list_set ls;
	struct iv_error e;
	int i, b, rc;

	iv_error_clear(&e);
	rc = iv_lists_open(&ls, o->lists, o->nlists, o->byte_order,
			   o->max_data, st, &e);
	if (rc) {
		iv_lists_close(&ls);
		iv_verdict_add(&r->verdict, &e);
		return rc;
	}
	snprintf(r->list_path, sizeof(r->list_path), "%s", ls.logs[0].path);
	cfg.banks = pick_banks(o, r, &ls);
	iv_replay_init(&r->replay, &cfg);
	if (iv_chain_init(&r->chain, st ? st->boot : 0,
			  st ? st->entries : 0)) {
		iv_lists_close(&ls);
		iv_verdict_note(&r->verdict, IV_ERR_INTERNAL, -1, -1, "out of memory");
		return IV_ERR_INTERNAL;
	}
	if (st) {
		r->chain.resumed = true;
		r->chain.bases[0].index = 0;
		r->chain.bytes_unknown = !st->has_bytes;
		r->chain.bytes = st->bytes;
		for (b = 0; b < IV_NBANKS; b++) {
			if (!(cfg.banks >> b & 1))
				continue;
			if (!(st->banks >> b & 1)) {
				iv_lists_close(&ls);
				iv_verdict_note(&r->verdict, IV_ERR_USAGE, -1, -1,
					"saved state has no %s PCRs",
					iv_bank_info(b)->name);
				return IV_ERR_USAGE;
			}
			for (i = 0; i < IV_NPCRS; i++)
				if (iv_pcr_has(&st->pcrs, b, i))
					memcpy(r->replay.pcrs.value[b][i],
					       st->pcrs.value[b][i],
					       iv_bank_info(b)->size);
		}
		r->replay.entries = st->entries;
		for (b = 0; b < IV_NBANKS; b++)
			r->replay.used |= st->pcrs.have[b];
	}
	iv_replay_start(&r->replay, &r->inputs.evidence);

	if (iv_batch_init(&bufs[0]) || iv_batch_init(&bufs[1])) {
		iv_batch_free(&bufs[0]);
		iv_batch_free(&bufs[1]);
		iv_lists_close(&ls);
		iv_verdict_note(&r->verdict, IV_ERR_INTERNAL, -1, -1, "out of memory");
		return IV_ERR_INTERNAL;
	}
	rc = stream_exported(o, r, bufs, &e);
	for (i = 0; !rc && o->nexported && i < ls.n; i++)
		rc = iv_log_seek(&ls.logs[i], 0, r->chain.exported_entries, &e);
	if (!rc && o->nexported &&
	    iv_chain_add_base(&r->chain, r->chain.exported_entries))
		rc = iv_fail(&e, IV_ERR_INTERNAL, -1, -1, "out of memory");
	if (!rc)
		rc = stream_set(&ls, r, bufs, &e);
	if (rc)
		iv_verdict_add(&r->verdict, &e);
	r->byte_order = ls.logs[0].order;
	if (!rc && o->state_out) {
		struct iv_state out;

		memset(&out, 0, sizeof(out));
		out.entries = r->replay.entries;
		out.has_bytes = !r->chain.bytes_unknown;
		out.bytes = r->chain.bytes;
		out.boot = r->chain.boots[r->chain.nboots - 1].number;
		for (b = 0; b < IV_NBANKS; b++)
			out.offset[b] = -1;
		for (i = 0; i < ls.n; i++)
			out.offset[ls.bank[i]] = iv_log_offset(&ls.logs[i]);
		out.banks = cfg.banks;
		for (b = 0; b < IV_NBANKS; b++)
			if (cfg.banks >> b & 1) {
				memcpy(out.pcrs.value[b], r->replay.pcrs.value[b],
				       sizeof(out.pcrs.value[b]));
				out.pcrs.have[b] = r->replay.used;
			}
		iv_error_clear(&e);
		if (iv_state_save(o->state_out, &out, &e))
			iv_verdict_add(&r->verdict, &e);
	}
	iv_batch_free(&bufs[0]);
	iv_batch_free(&bufs[1]);
	iv_lists_close(&ls);
	return rc;
}

int iv_verify(const struct iv_options *o, struct iv_result *r)
{
	struct iv_inputs *in = &r->inputs;
	struct iv_verdict *v = &r->verdict;

	memset(r, 0, sizeof(*r));
	iv_verdict_init(v);
	r->quote_checks = (struct iv_quote_checks){ IV_CHECK_NOT_RUN,
		IV_CHECK_NOT_RUN, IV_CHECK_NOT_RUN, IV_CHECK_NOT_RUN };
	if (!o->nlists) {
		iv_verdict_note(v, IV_ERR_USAGE, -1, -1,
				"no measurement list given");
		return v->status;
	}
	if (o->nexported && o->state_in) {
		iv_verdict_note(v, IV_ERR_USAGE, -1, -1,
				"--exported and --state-in exclude each other: the saved state already covers the exported records");
		return v->status;
	}
	if (iv_inputs_load(o, in, v))
		return v->status;
	if (replay_lists(o, r, in->have_state ? &in->state : NULL))
		return v->status;
	iv_judge_replay(&r->replay, &in->evidence, o->max_trailing,
			&r->pcr_checks, v);
	iv_judge_handovers(&r->chain, iv_pcr_checks_mismatch(&r->pcr_checks),
			   v);
	iv_judge_aggregates(&r->chain, &in->evidence, o->skip_boot_aggregate,
			    v);
	iv_judge_quote(in, &r->replay, &r->quote_checks, v);
	iv_judge_expectations(o, &r->chain, v);
	return v->status;
}

void iv_result_free(struct iv_result *r)
{
	iv_replay_free(&r->replay);
	iv_chain_free(&r->chain);
	iv_inputs_free(&r->inputs);
}
