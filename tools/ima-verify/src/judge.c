// SPDX-License-Identifier: GPL-2.0-only
/* The verdicts on a replayed list: PCRs, boot chain, quote, expectations. */
#include <string.h>

#include "judge.h"

bool iv_pcr_checks_mismatch(const struct iv_pcr_checks *pc)
{
	int i;

	for (i = 0; i < pc->npcr; i++)
		if (pc->pcr[i].outcome == IV_PCR_MISMATCH)
			return true;
	return false;
}

void iv_judge_replay(const struct iv_replay *rp,
		     const struct iv_pcr_values *evidence,
		     long long max_trailing, struct iv_pcr_checks *out,
		     struct iv_verdict *v)
{
	const struct iv_pcr_result *pr;
	char want[2 * IV_MAX_DIGEST + 1], got[2 * IV_MAX_DIGEST + 1];
	bool compared = false;
	int i;

	if (rp->digest_mismatches)
		iv_verdict_note(v, IV_ERR_TEMPLATE_DIGEST, rp->first_mismatch,
			rp->first_mismatch_offset,
			"template digest mismatch: the %s digest in the list is not the hash of the entry's template data (%lld mismatching digests in all)",
			iv_bank_info(rp->first_mismatch_bank)->name,
			rp->digest_mismatches);

	out->npcr = iv_replay_results(rp, out->pcr, IV_NBANKS * IV_NPCRS,
				      &out->trailing);
	for (i = 0; i < out->npcr; i++) {
		pr = &out->pcr[i];
		if (pr->outcome == IV_PCR_NO_EVIDENCE)
			continue;
		compared = true;
		if (pr->outcome != IV_PCR_MISMATCH)
			continue;
		iv_hex(evidence->value[pr->bank][pr->pcr],
		       iv_bank_info(pr->bank)->size, want);
		iv_hex(rp->pcrs.value[pr->bank][pr->pcr],
		       iv_bank_info(pr->bank)->size, got);
		iv_verdict_note(v, IV_ERR_PCR_MISMATCH, -1, -1,
			"%s PCR %d: replay of %lld entries gives %s, the evidence has %s",
			iv_bank_info(pr->bank)->name, pr->pcr, rp->entries,
			got, want);
	}
	if (out->trailing && max_trailing >= 0 && out->trailing > max_trailing)
		iv_verdict_note(v, IV_ERR_PCR_MISMATCH,
			rp->entries - out->trailing, -1,
			"%lld trailing entries are not covered by the PCR values (--max-trailing %lld)",
			out->trailing, max_trailing);
	if (!compared)
		iv_verdict_note(v, IV_NOT_ATTESTED, -1, -1,
			"no PCR evidence for the replayed banks: the list was checked for consistency only");
}

void iv_judge_aggregates(struct iv_chain *chain,
			 const struct iv_pcr_values *evidence,
			 bool skip_boot_aggregate, struct iv_verdict *v)
{
	const struct iv_boot *b;
	int i;

	iv_chain_check_aggregates(chain, evidence);
	if (skip_boot_aggregate)
		return;
	for (i = 0; i < chain->nboots; i++) {
		b = &chain->boots[i];
		if (b->aggregate_outcome == IV_AGG_MISMATCH)
			iv_verdict_note(v, IV_ERR_BOOT_AGGREGATE, b->aggregate_index,
				-1,
				"boot %d: boot_aggregate (%s) does not match PCRs 0-%d of the evidence",
				b->number, b->aggregate_algo,
				strcmp(b->aggregate_algo, "sha1") ? 9 : 7);
	}
}

/* A check's status; a failure is also a finding. */
static int record(struct iv_verdict *v, const struct iv_error *e)
{
	if (e->status)
		iv_verdict_add(v, e);
	return e->status;
}

void iv_judge_quote(const struct iv_inputs *in, const struct iv_replay *rp,
		    struct iv_quote_checks *out, struct iv_verdict *v)
{
	uint32_t need[IV_NBANKS];
	struct iv_error e;
	int b;

	if (!in->have_quote)
		return;

	/* A key or nonce that could not be loaded fails its check. */
	e = in->ak_error;
	if (!e.status)
		iv_quote_check_signature(&in->quote, in->ak, &e);
	out->signature = record(v, &e);

	e = in->nonce_error;
	if (!e.status)
		iv_quote_check_nonce(&in->quote, in->nonce, in->nonce_len, &e);
	out->nonce = record(v, &e);

	/* The quote must cover every PCR the list extends, in every bank. */
	for (b = 0; b < IV_NBANKS; b++)
		need[b] = (rp->cfg.banks >> b & 1) ? rp->used : 0;
	e = in->selection_error;
	if (!e.status)
		iv_quote_check_selection(&in->quote, in->have_selection ?
					 in->selection : NULL, need, &e);
	out->selection = record(v, &e);

	iv_error_clear(&e);
	iv_quote_check_pcr_digest(&in->quote, &in->evidence, &e);
	out->digest = record(v, &e);
}

/* "sha256:hex" or "hex" against a measured file. */
static bool digest_matches(const char *spec, const struct iv_file_ref *f)
{
	const char *colon = strchr(spec, ':');
	uint8_t want[IV_MAX_DIGEST];
	int n;

	if (colon && (strlen(f->algo) != (size_t)(colon - spec) ||
		      strncmp(spec, f->algo, (size_t)(colon - spec))))
		return false;
	n = iv_unhex(colon ? colon + 1 : spec, want, sizeof(want));
	return n > 0 && (unsigned int)n == f->digest_len &&
	       !memcmp(want, f->digest, (size_t)n);
}

static void expect_file(struct iv_verdict *v, const char *what,
			const char *const *specs, int nspecs,
			const struct iv_boot *b, const struct iv_kexec_load *l,
			const struct iv_file_ref *f)
{
	char hex[2 * IV_MAX_DIGEST + 1];
	int i;

	if (!nspecs)
		return;
	if (!f->present) {
		iv_verdict_note(v, IV_ERR_EXPECTATION, l->index, -1,
			"boot %d: kexec load at entry %lld has no %s measurement",
			b->number, l->index, what);
		return;
	}
	for (i = 0; i < nspecs; i++)
		if (digest_matches(specs[i], f))
			return;
	iv_hex(f->digest, f->digest_len, hex);
	iv_verdict_note(v, IV_ERR_EXPECTATION, f->index, -1,
		"boot %d: kexec %s %s is %s:%s, not an expected one",
		b->number, what, f->name, f->algo, hex);
}

void iv_judge_expectations(const struct iv_options *o,
			   const struct iv_chain *chain, struct iv_verdict *v)
{
	const struct iv_kexec_load *l;
	const struct iv_boot *b;
	int i, j, k, boots = 0;
	bool ok;

	for (i = 0; i < chain->nboots; i++) {
		b = &chain->boots[i];
		boots += b->aggregate_index >= 0;
		for (j = 0; j < b->nloads; j++) {
			l = &b->loads[j];
			expect_file(v, "kernel", o->expect_kernel,
				    o->n_expect_kernel, b, l, &l->kernel);
			expect_file(v, "initramfs", o->expect_initramfs,
				    o->n_expect_initramfs, b, l,
				    &l->initramfs);
			ok = !o->n_expect_cmdline;
			for (k = 0; k < o->n_expect_cmdline; k++)
				ok |= !strcmp(o->expect_cmdline[k], l->cmdline);
			if (!ok)
				iv_verdict_note(v, IV_ERR_EXPECTATION, l->index, -1,
					"boot %d: kexec cmdline \"%s\" is not an expected one",
					b->number, l->cmdline);
		}
	}
	if (o->expect_boots >= 0 && boots != o->expect_boots)
		iv_verdict_note(v, IV_ERR_EXPECTATION, -1, -1,
			"the list holds %d boots (boot_aggregate entries), expected %d",
			boots, o->expect_boots);
}

