// SPDX-License-Identifier: GPL-2.0-only
#include <stdlib.h>
#include <string.h>

#include "inputs.h"
#include "tpm.h"

/* Add PCR values; a value that differs from one loaded before is status. */
static void merge_values(struct iv_inputs *in, struct iv_verdict *verdict,
			 const struct iv_pcr_values *v, const char *source,
			 int status)
{
	int b, p;

	for (b = 0; b < IV_NBANKS; b++) {
		if (!v->have[b])
			continue;
		for (p = 0; p < IV_NPCRS; p++) {
			if (!iv_pcr_has(v, b, p))
				continue;
			if (iv_pcr_has(&in->evidence, b, p) &&
			    memcmp(in->evidence.value[b][p], v->value[b][p],
				   iv_bank_info(b)->size)) {
				iv_verdict_note(verdict, status, -1, -1,
					"%s %s PCR %d differs from %s",
					source, iv_bank_info(b)->name, p,
					in->evidence_source[b]);
				continue;
			}
			iv_pcr_set(&in->evidence, b, p, v->value[b][p]);
		}
		if (!in->evidence_source[b])
			in->evidence_source[b] = source;
	}
}

static int load_pcr_evidence(const struct iv_options *o,
			     struct iv_inputs *in, struct iv_verdict *verdict)
{
	struct iv_pcr_values v;
	struct iv_error e;
	int i;

	for (i = 0; i < o->npcrs; i++) {
		memset(&v, 0, sizeof(v));
		iv_error_clear(&e);
		if (iv_pcrs_load(&v, o->pcrs[i].path, o->pcrs[i].bank, &e)) {
			iv_verdict_add(verdict, &e);
			return e.status;
		}
		merge_values(in, verdict, &v, o->pcrs[i].path,
			     IV_ERR_MALFORMED_EVIDENCE);
	}
	if (o->tpm) {
		memset(&v, 0, sizeof(v));
		iv_error_clear(&e);
		if (iv_tpm_read_pcrs(o->tcti, o->banks ? o->banks :
				     (1u << IV_NBANKS) - 1, o->banks != 0,
				     &v, &e)) {
			iv_verdict_add(verdict, &e);
			return e.status;
		}
		merge_values(in, verdict, &v, "TPM", IV_ERR_MALFORMED_EVIDENCE);
	}
	return IV_OK;
}

static int load_quote(const struct iv_options *o, struct iv_inputs *in,
		      struct iv_verdict *verdict)
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
		iv_verdict_note(verdict, IV_ERR_USAGE, -1, -1,
			"a quote needs both --quote-msg and --quote-sig");
		return IV_ERR_USAGE;
	}
	rc = iv_read_file(o->quote_msg, 1u << 16, &msg, &msg_len, &e);
	if (!rc)
		rc = iv_read_file(o->quote_sig, 1u << 16, &sig, &sig_len, &e);
	if (!rc)
		rc = iv_quote_parse(&in->quote, msg, msg_len, sig, sig_len, &e);
	if (!rc)
		in->have_quote = true;
	if (!rc && o->quote_pcrs && *o->quote_pcrs) {
		rc = iv_read_file(o->quote_pcrs, 1u << 16, &pcrs, &pcrs_len,
				  &e);
		memset(&v, 0, sizeof(v));
		if (!rc)
			rc = iv_quote_pcrs_parse(&in->quote, pcrs, pcrs_len, &v,
						 &e);
		/* Signed values (once the signature checks): a differing
		 * PCR file is a quoted PCR that does not match. */
		if (!rc)
			merge_values(in, verdict, &v, o->quote_pcrs,
				     IV_ERR_QUOTE_PCR_DIGEST);
	}
	free(msg);
	free(sig);
	free(pcrs);
	if (rc)
		iv_verdict_add(verdict, &e);
	return rc;
}

static void load_ak(const struct iv_options *o, struct iv_inputs *in)
{
	struct iv_error *e = &in->ak_error;
	uint8_t *key;
	size_t len;

	iv_error_clear(e);
	if (!o->ak) {
		iv_fail(e, IV_ERR_QUOTE_SIGNATURE, -1, -1,
			"no AK public key (--ak) to check the quote signature");
		return;
	}
	if (iv_read_file(o->ak, 1u << 16, &key, &len, e))
		return;
	if (iv_ak_parse(&in->ak, key, len, e)) {
		EVP_PKEY_free(in->ak);
		in->ak = NULL;
	}
	free(key);
}

static void load_nonce(const struct iv_options *o, struct iv_inputs *in)
{
	struct iv_error *e = &in->nonce_error;
	int n;

	iv_error_clear(e);
	if (o->nonce_hex) {
		n = iv_unhex(o->nonce_hex, in->nonce, IV_NONCE_MAX);
		if (n < 0)
			iv_fail(e, IV_ERR_USAGE, -1, -1,
				"--nonce: not hex of at most %d bytes",
				IV_NONCE_MAX);
		else
			in->nonce_len = (size_t)n;
	} else if (o->nonce_file)
		iv_nonce_load(o->nonce_file, in->nonce, &in->nonce_len, e);
	else
		iv_fail(e, IV_ERR_QUOTE_NONCE, -1, -1,
			"no expected nonce (--nonce HEX or nonce.hex): a quote without one proves no freshness");
}

/* --quote-sel takes a selection inline ("sha256:0,1") or in a file. */
static void load_selection(const struct iv_options *o, struct iv_inputs *in)
{
	const char *arg = o->quote_sel;
	struct iv_error *e = &in->selection_error;
	uint8_t *text;
	size_t len;

	iv_error_clear(e);
	if (!arg || !*arg)	/* "" turns the directory's quote.sel off */
		return;
	if (!strchr(arg, '/') && strchr(arg, ':')) {
		iv_selection_parse(arg, in->selection, e);
	} else if (!iv_read_file(arg, 4096, &text, &len, e)) {
		text[len] = '\0';
		iv_selection_parse((char *)text, in->selection, e);
		free(text);
	}
	in->have_selection = true;
}

int iv_inputs_load(const struct iv_options *o, struct iv_inputs *in,
		   struct iv_verdict *v)
{
	struct iv_error e;

	memset(in, 0, sizeof(*in));
	if (load_pcr_evidence(o, in, v) || load_quote(o, in, v))
		return v->status;
	if (in->have_quote) {
		load_ak(o, in);
		load_nonce(o, in);
		load_selection(o, in);
	}
	if (o->state_in) {
		iv_error_clear(&e);
		if (iv_state_load(o->state_in, &in->state, &e)) {
			iv_verdict_add(v, &e);
			return v->status;
		}
		in->have_state = true;
	}
	return IV_OK;
}

void iv_inputs_free(struct iv_inputs *in)
{
	EVP_PKEY_free(in->ak);
	in->ak = NULL;
	iv_quote_free(&in->quote);
}
