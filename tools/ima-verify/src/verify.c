// SPDX-License-Identifier: GPL-2.0-only
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lists.h"
#include "state.h"
#include "tpm.h"
#include "verify.h"

void iv_options_init(struct iv_options *o)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	memset(o, 0, sizeof(*o));
	o->byte_order = IV_ORDER_AUTO;
	o->expect_boots = -1;
	o->max_trailing = -1;
	o->threads = cpus > 1 ? (cpus > 8 ? 8 : (int)cpus) : 1;
	o->max_data = IV_DEFAULT_MAX_DATA;
}

/* Most important first: what the exit code reports when several fail. */
static const int status_priority[] = {
	IV_ERR_USAGE, IV_ERR_NOINPUT, IV_ERR_INTERNAL, IV_ERR_MALFORMED_LOG,
	IV_ERR_MALFORMED_EVIDENCE, IV_ERR_QUOTE_FORMAT, IV_ERR_BANK_LISTS,
	IV_ERR_TEMPLATE_DIGEST, IV_ERR_PCR_MISMATCH, IV_ERR_QUOTE_SIGNATURE,
	IV_ERR_QUOTE_NONCE, IV_ERR_QUOTE_SELECTION, IV_ERR_QUOTE_PCR_DIGEST,
	IV_ERR_BOOT_AGGREGATE, IV_ERR_EXPECTATION, IV_NOT_ATTESTED, IV_OK,
};

static int priority(int status)
{
	size_t i;

	for (i = 0; i < sizeof(status_priority) / sizeof(int); i++)
		if (status_priority[i] == status)
			return (int)i;
	return 0;
}

void iv_result_add(struct iv_result *r, const struct iv_error *e)
{
	struct iv_finding *f;

	if (priority(e->status) < priority(r->status))
		r->status = e->status;
	if (r->nfindings == IV_MAX_FINDINGS) {
		r->dropped_findings++;
		return;
	}
	f = &r->findings[r->nfindings++];
	f->status = e->status;
	f->entry = e->entry;
	f->offset = e->offset;
	memcpy(f->msg, e->msg, sizeof(f->msg));
}

void iv_result_note(struct iv_result *r, int status, long long entry,
		    long long offset, const char *fmt, ...)
{
	struct iv_error e = { status, entry, offset, "" };
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(e.msg, sizeof(e.msg), fmt, ap);
	va_end(ap);
	iv_result_add(r, &e);
}

/* Add PCR values; a value that differs from one loaded before is status. */
static void merge_values(struct iv_result *r, const struct iv_pcr_values *v,
			 const char *source, int status)
{
	int b, p;

	for (b = 0; b < IV_NBANKS; b++) {
		if (!v->have[b])
			continue;
		for (p = 0; p < IV_NPCRS; p++) {
			if (!iv_pcr_has(v, b, p))
				continue;
			if (iv_pcr_has(&r->evidence, b, p) &&
			    memcmp(r->evidence.value[b][p], v->value[b][p],
				   iv_bank_info(b)->size)) {
				iv_result_note(r, status, -1, -1,
					"%s %s PCR %d differs from %s",
					source, iv_bank_info(b)->name, p,
					r->evidence_source[b]);
				continue;
			}
			iv_pcr_set(&r->evidence, b, p, v->value[b][p]);
		}
		if (!r->evidence_source[b])
			r->evidence_source[b] = source;
	}
}

static int load_pcr_evidence(const struct iv_options *o, struct iv_result *r)
{
	struct iv_pcr_values v;
	struct iv_error e;
	int i;

	for (i = 0; i < o->npcrs; i++) {
		memset(&v, 0, sizeof(v));
		iv_error_clear(&e);
		if (iv_pcrs_load(&v, o->pcrs[i].path, o->pcrs[i].bank, &e)) {
			iv_result_add(r, &e);
			return e.status;
		}
		merge_values(r, &v, o->pcrs[i].path,
			     IV_ERR_MALFORMED_EVIDENCE);
	}
	if (o->tpm) {
		memset(&v, 0, sizeof(v));
		iv_error_clear(&e);
		if (iv_tpm_read_pcrs(o->tcti, o->banks ? o->banks :
				     (1u << IV_NBANKS) - 1, o->banks != 0,
				     &v, &e)) {
			iv_result_add(r, &e);
			return e.status;
		}
		merge_values(r, &v, "TPM", IV_ERR_MALFORMED_EVIDENCE);
	}
	return IV_OK;
}

static int load_quote(const struct iv_options *o, struct iv_result *r)
{
	uint8_t *msg = NULL, *sig = NULL, *pcrs = NULL;
	size_t msg_len, sig_len, pcrs_len;
	struct iv_pcr_values v;
	struct iv_error e;
	int rc;

	iv_error_clear(&e);
	if (!o->quote_msg && !o->quote_sig)
		return IV_OK;
	if (!o->quote_msg || !o->quote_sig) {
		iv_result_note(r, IV_ERR_USAGE, -1, -1,
			"a quote needs both --quote-msg and --quote-sig");
		return IV_ERR_USAGE;
	}
	rc = iv_read_file(o->quote_msg, 1u << 16, &msg, &msg_len, &e);
	if (!rc)
		rc = iv_read_file(o->quote_sig, 1u << 16, &sig, &sig_len, &e);
	if (!rc)
		rc = iv_quote_parse(&r->quote, msg, msg_len, sig, sig_len, &e);
	if (!rc)
		r->have_quote = true;
	if (!rc && o->quote_pcrs && *o->quote_pcrs) {
		rc = iv_read_file(o->quote_pcrs, 1u << 16, &pcrs, &pcrs_len,
				  &e);
		memset(&v, 0, sizeof(v));
		if (!rc)
			rc = iv_quote_pcrs_parse(&r->quote, pcrs, pcrs_len, &v,
						 &e);
		/* Signed values (once the signature checks): a differing
		 * PCR file is a quoted PCR that does not match. */
		if (!rc)
			merge_values(r, &v, o->quote_pcrs,
				     IV_ERR_QUOTE_PCR_DIGEST);
	}
	free(msg);
	free(sig);
	free(pcrs);
	if (rc)
		iv_result_add(r, &e);
	return rc;
}

static uint32_t pick_banks(const struct iv_options *o, struct iv_result *r,
			   const struct iv_list_set *ls)
{
	uint32_t banks = o->banks;
	int b, i;

	if (!banks) {
		for (b = 0; b < IV_NBANKS; b++)
			if (r->evidence.have[b] ||
			    (r->have_quote && r->quote.selected[b]))
				banks |= 1u << b;
		for (i = 0; i < ls->n; i++)
			banks |= 1u << ls->bank[i];
		if (banks == 1u << IV_SHA1)
			banks |= 1u << IV_SHA256;
	}
	for (b = 0; b < IV_NBANKS; b++)
		if ((banks >> b & 1) && !iv_bank_md(b)) {
			iv_result_note(r, IV_ERR_USAGE, -1, -1,
				"OpenSSL has no %s digest", iv_bank_info(b)->name);
			banks &= ~(1u << b);
		}
	return banks;
}

static int replay_lists(const struct iv_options *o, struct iv_result *r,
			const struct iv_state *st)
{
	struct iv_replay_config cfg = { 0, o->padded_sha1, o->threads };
	struct iv_batch bufs[2], *cur;
	struct iv_list_set ls;
	struct iv_error e, fe;
	bool done = false, in_flight = false;
	unsigned int k = 0;
	int i, b, rc;

	iv_error_clear(&e);
	iv_error_clear(&fe);
	rc = iv_lists_open(&ls, o->lists, o->nlists, o->byte_order,
			   o->max_data, st, &e);
	if (rc) {
		iv_lists_close(&ls);
		iv_result_add(r, &e);
		return rc;
	}
	snprintf(r->list_path, sizeof(r->list_path), "%s", ls.logs[0].path);
	cfg.banks = pick_banks(o, r, &ls);
	iv_replay_init(&r->replay, &cfg);
	iv_chain_init(&r->chain, st ? st->boot : 0, st ? st->entries : 0);
	if (st) {
		for (b = 0; b < IV_NBANKS; b++) {
			if (!(cfg.banks >> b & 1))
				continue;
			if (!(st->banks >> b & 1)) {
				iv_lists_close(&ls);
				iv_result_note(r, IV_ERR_USAGE, -1, -1,
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
	iv_replay_start(&r->replay, &r->evidence);

	if (iv_batch_init(&bufs[0]) || iv_batch_init(&bufs[1])) {
		iv_batch_free(&bufs[0]);
		iv_batch_free(&bufs[1]);
		iv_lists_close(&ls);
		iv_result_note(r, IV_ERR_INTERNAL, -1, -1, "out of memory");
		return IV_ERR_INTERNAL;
	}
	/*
	 * Pipeline: read and parse batch k+1 while the worker threads hash
	 * batch k; then this thread hashes its own banks of batch k.
	 */
	while (!done && !rc) {
		cur = &bufs[k++ & 1];
		rc = iv_lists_read_batch(&ls, cur, &done, &r->chain, &e);
		for (i = 0; i < ls.n; i++)
			iv_log_release(&ls.logs[i]);
		if (in_flight && iv_replay_finish(&r->replay, &fe) && !rc) {
			rc = fe.status;
			e = fe;
		}
		in_flight = false;
		/* Replay what was read, even before a malformed entry. */
		if (cur->n) {
			iv_replay_submit(&r->replay, cur->e, cur->n, &fe);
			in_flight = true;
		}
		r->entries_read += (long long)cur->n;
	}
	if (in_flight && iv_replay_finish(&r->replay, &fe) && !rc) {
		rc = fe.status;
		e = fe;
	}
	if (rc)
		iv_result_add(r, &e);
	r->byte_order = ls.logs[0].order;
	if (!rc && o->state_out) {
		struct iv_state out;

		memset(&out, 0, sizeof(out));
		out.entries = r->replay.entries;
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
			iv_result_add(r, &e);
	}
	iv_batch_free(&bufs[0]);
	iv_batch_free(&bufs[1]);
	iv_lists_close(&ls);
	return rc;
}

int iv_verify(const struct iv_options *o, struct iv_result *r)
{
	struct iv_state st;
	struct iv_error e;

	memset(r, 0, sizeof(*r));
	r->status = IV_OK;
	r->quote_signature = r->quote_nonce = IV_CHECK_NOT_RUN;
	r->quote_selection = r->quote_digest = IV_CHECK_NOT_RUN;
	iv_error_clear(&e);
	if (!o->nlists) {
		iv_result_note(r, IV_ERR_USAGE, -1, -1, "no measurement list given");
		return r->status;
	}
	if (load_pcr_evidence(o, r) || load_quote(o, r))
		return r->status;
	if (o->state_in && iv_state_load(o->state_in, &st, &e)) {
		iv_result_add(r, &e);
		return r->status;
	}
	if (replay_lists(o, r, o->state_in ? &st : NULL))
		return r->status;
	iv_judge_replay(o, r);
	iv_judge_aggregates(o, r);
	iv_judge_quote(o, r);
	iv_judge_expectations(o, r);
	return r->status;
}

void iv_result_free(struct iv_result *r)
{
	iv_replay_free(&r->replay);
	iv_chain_free(&r->chain);
	iv_quote_free(&r->quote);
}
