// SPDX-License-Identifier: GPL-2.0-only
/* The verdicts on a replayed list: PCRs, boot chain, quote, expectations. */
#include <stdlib.h>
#include <string.h>

#include "verify.h"

void iv_judge_replay(const struct iv_options *o, struct iv_result *r)
{
	const struct iv_replay *rp = &r->replay;
	const struct iv_pcr_result *pr;
	char want[2 * IV_MAX_DIGEST + 1], got[2 * IV_MAX_DIGEST + 1];
	bool compared = false;
	int i;

	if (rp->digest_mismatches)
		iv_result_note(r, IV_ERR_TEMPLATE_DIGEST, rp->first_mismatch,
			rp->first_mismatch_offset,
			"template digest mismatch: the %s digest in the list is not the hash of the entry's template data (%lld mismatching digests in all)",
			iv_bank_info(rp->first_mismatch_bank)->name,
			rp->digest_mismatches);

	r->npcr = iv_replay_results(rp, r->pcr, IV_NBANKS * IV_NPCRS,
				    &r->trailing);
	for (i = 0; i < r->npcr; i++) {
		pr = &r->pcr[i];
		if (pr->outcome == IV_PCR_NO_EVIDENCE)
			continue;
		compared = true;
		if (pr->outcome != IV_PCR_MISMATCH)
			continue;
		iv_hex(r->evidence.value[pr->bank][pr->pcr],
		       iv_bank_info(pr->bank)->size, want);
		iv_hex(rp->pcrs.value[pr->bank][pr->pcr],
		       iv_bank_info(pr->bank)->size, got);
		iv_result_note(r, IV_ERR_PCR_MISMATCH, -1, -1,
			"%s PCR %d: replay of %lld entries gives %s, the evidence has %s",
			iv_bank_info(pr->bank)->name, pr->pcr, rp->entries,
			got, want);
	}
	if (r->trailing && o->max_trailing >= 0 &&
	    r->trailing > o->max_trailing)
		iv_result_note(r, IV_ERR_PCR_MISMATCH, rp->entries - r->trailing, -1,
			"%lld trailing entries are not covered by the PCR values (--max-trailing %lld)",
			r->trailing, o->max_trailing);
	if (!compared)
		iv_result_note(r, IV_NOT_ATTESTED, -1, -1,
			"no PCR evidence for the replayed banks: the list was checked for consistency only");
}

void iv_judge_aggregates(const struct iv_options *o, struct iv_result *r)
{
	const struct iv_boot *b;
	int i;

	iv_chain_check_aggregates(&r->chain, &r->evidence);
	if (o->skip_boot_aggregate)
		return;
	for (i = 0; i < r->chain.nboots; i++) {
		b = &r->chain.boots[i];
		if (b->aggregate_outcome == IV_AGG_MISMATCH)
			iv_result_note(r, IV_ERR_BOOT_AGGREGATE, b->aggregate_index,
				-1,
				"boot %d: boot_aggregate (%s) does not match PCRs 0-%d of the evidence",
				b->number, b->aggregate_algo,
				strcmp(b->aggregate_algo, "sha1") ? 9 : 7);
	}
}

static int load_nonce(const struct iv_options *o, uint8_t *nonce,
		      size_t *len, struct iv_error *e)
{
	int n;

	if (o->nonce_hex) {
		n = iv_unhex(o->nonce_hex, nonce, IV_NONCE_MAX);
		if (n < 0)
			return iv_fail(e, IV_ERR_USAGE, -1, -1,
				       "--nonce: not hex of at most %d bytes",
				       IV_NONCE_MAX);
		*len = (size_t)n;
		return IV_OK;
	}
	if (o->nonce_file)
		return iv_nonce_load(o->nonce_file, nonce, len, e);
	return iv_fail(e, IV_ERR_QUOTE_NONCE, -1, -1,
		       "no expected nonce (--nonce HEX or nonce.hex): a quote without one proves no freshness");
}

static int load_selection(const char *arg, uint32_t *mask,
			  struct iv_error *e)
{
	uint8_t *text;
	size_t len;
	int rc;

	if (!strchr(arg, '/') && strchr(arg, ':'))
		return iv_selection_parse(arg, mask, e);
	if (iv_read_file(arg, 4096, &text, &len, e))
		return e->status;
	text[len] = '\0';
	rc = iv_selection_parse((char *)text, mask, e);
	free(text);
	return rc;
}

void iv_judge_quote(const struct iv_options *o, struct iv_result *r)
{
	uint32_t want[IV_NBANKS], need[IV_NBANKS];
	uint8_t nonce[IV_NONCE_MAX], *key;
	const char *sel = o->quote_sel;
	EVP_PKEY *ak = NULL;
	struct iv_error e;
	size_t len;
	int b;

	if (!r->have_quote)
		return;

	iv_error_clear(&e);
	if (!o->ak)
		iv_fail(&e, IV_ERR_QUOTE_SIGNATURE, -1, -1,
			"no AK public key (--ak) to check the quote signature");
	else if (!iv_read_file(o->ak, 1u << 16, &key, &len, &e)) {
		if (!iv_ak_parse(&ak, key, len, &e))
			iv_quote_check_signature(&r->quote, ak, &e);
		free(key);
		EVP_PKEY_free(ak);
	}
	r->quote_signature = e.status;
	if (e.status)
		iv_result_add(r, &e);

	iv_error_clear(&e);
	if (!load_nonce(o, nonce, &len, &e))
		iv_quote_check_nonce(&r->quote, nonce, len, &e);
	r->quote_nonce = e.status;
	if (e.status)
		iv_result_add(r, &e);

	/* The quote must cover every PCR the list extends, in every bank. */
	iv_error_clear(&e);
	for (b = 0; b < IV_NBANKS; b++)
		need[b] = (r->replay.cfg.banks >> b & 1) ? r->replay.used : 0;
	if (o->quote_sel && !*o->quote_sel)
		sel = NULL;	/* "" turns the directory's quote.sel off */
	if (!sel || !load_selection(sel, want, &e))
		iv_quote_check_selection(&r->quote, sel ? want : NULL, need,
					 &e);
	r->quote_selection = e.status;
	if (e.status)
		iv_result_add(r, &e);

	iv_error_clear(&e);
	iv_quote_check_pcr_digest(&r->quote, &r->evidence, &e);
	r->quote_digest = e.status;
	if (e.status)
		iv_result_add(r, &e);
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

static void expect_file(struct iv_result *r, const char *what,
			const char *const *specs, int nspecs,
			const struct iv_boot *b, const struct iv_kexec_load *l,
			const struct iv_file_ref *f)
{
	char hex[2 * IV_MAX_DIGEST + 1];
	int i;

	if (!nspecs)
		return;
	if (!f->present) {
		iv_result_note(r, IV_ERR_EXPECTATION, l->index, -1,
			"boot %d: kexec load at entry %lld has no %s measurement",
			b->number, l->index, what);
		return;
	}
	for (i = 0; i < nspecs; i++)
		if (digest_matches(specs[i], f))
			return;
	iv_hex(f->digest, f->digest_len, hex);
	iv_result_note(r, IV_ERR_EXPECTATION, f->index, -1,
		"boot %d: kexec %s %s is %s:%s, not an expected one",
		b->number, what, f->name, f->algo, hex);
}

void iv_judge_expectations(const struct iv_options *o,
			       struct iv_result *r)
{
	const struct iv_kexec_load *l;
	const struct iv_boot *b;
	int i, j, k, boots = 0;
	bool ok;

	for (i = 0; i < r->chain.nboots; i++) {
		b = &r->chain.boots[i];
		boots += b->aggregate_index >= 0;
		for (j = 0; j < b->nloads; j++) {
			l = &b->loads[j];
			expect_file(r, "kernel", o->expect_kernel,
				    o->n_expect_kernel, b, l, &l->kernel);
			expect_file(r, "initramfs", o->expect_initramfs,
				    o->n_expect_initramfs, b, l,
				    &l->initramfs);
			ok = !o->n_expect_cmdline;
			for (k = 0; k < o->n_expect_cmdline; k++)
				ok |= !strcmp(o->expect_cmdline[k], l->cmdline);
			if (!ok)
				iv_result_note(r, IV_ERR_EXPECTATION, l->index, -1,
					"boot %d: kexec cmdline \"%s\" is not an expected one",
					b->number, l->cmdline);
		}
	}
	if (o->expect_boots >= 0 && boots != o->expect_boots)
		iv_result_note(r, IV_ERR_EXPECTATION, -1, -1,
			"the list holds %d boots (boot_aggregate entries), expected %d",
			boots, o->expect_boots);
}

