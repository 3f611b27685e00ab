// SPDX-License-Identifier: GPL-2.0-only
#include <stdlib.h>
#include <string.h>

#include <openssl/ecdsa.h>
#include <openssl/rsa.h>
#include <tss2/tss2_mu.h>

#include "quote.h"

static int selection_masks(const TPML_PCR_SELECTION *sel, uint32_t *mask,
			   struct iv_error *err)
{
	const TPMS_PCR_SELECTION *s;
	uint32_t i, j;
	int bank;

	memset(mask, 0, sizeof(uint32_t) * IV_NBANKS);
	for (i = 0; i < sel->count; i++) {
		s = &sel->pcrSelections[i];
		bank = iv_bank_by_tpm_alg(s->hash);
		if (bank < 0)
			return iv_fail(err, IV_ERR_QUOTE_FORMAT, -1, -1,
				       "quote selects PCRs of unsupported hash algorithm 0x%04x",
				       s->hash);
		for (j = 0; j < s->sizeofSelect * 8u; j++) {
			if (!(s->pcrSelect[j / 8] >> (j % 8) & 1))
				continue;
			if (j >= IV_NPCRS)
				return iv_fail(err, IV_ERR_QUOTE_FORMAT, -1, -1,
					       "quote selects PCR %u, beyond %d",
					       j, IV_NPCRS - 1);
			mask[bank] |= 1u << j;
		}
	}
	return IV_OK;
}

static uint16_t sig_hash(const TPMT_SIGNATURE *sig)
{
	switch (sig->sigAlg) {
	case TPM2_ALG_RSASSA: return sig->signature.rsassa.hash;
	case TPM2_ALG_RSAPSS: return sig->signature.rsapss.hash;
	case TPM2_ALG_ECDSA: return sig->signature.ecdsa.hash;
	default: return TPM2_ALG_NULL;
	}
}

int iv_quote_parse(struct iv_quote *q, const uint8_t *msg, size_t msg_len,
		   const uint8_t *sig, size_t sig_len, struct iv_error *err)
{
	size_t off = 0;
	TSS2_RC rc;

	memset(q, 0, sizeof(*q));
	rc = Tss2_MU_TPMS_ATTEST_Unmarshal(msg, msg_len, &off, &q->attest);
	if (rc)
		return iv_fail(err, IV_ERR_QUOTE_FORMAT, -1, (long long)off,
			       "quote message: not a TPMS_ATTEST (libtss2-mu 0x%x, %zu bytes)",
			       rc, msg_len);
	if (off != msg_len)
		return iv_fail(err, IV_ERR_QUOTE_FORMAT, -1, (long long)off,
			       "quote message: %zu trailing bytes after the TPMS_ATTEST",
			       msg_len - off);
	if (q->attest.magic != TPM2_GENERATED_VALUE)
		return iv_fail(err, IV_ERR_QUOTE_FORMAT, -1, 0,
			       "quote message: magic 0x%08x is not TPM_GENERATED_VALUE (0xff544347)",
			       q->attest.magic);
	if (q->attest.type != TPM2_ST_ATTEST_QUOTE)
		return iv_fail(err, IV_ERR_QUOTE_FORMAT, -1, 4,
			       "quote message: attestation type 0x%04x is not TPM_ST_ATTEST_QUOTE (0x8018)",
			       q->attest.type);

	off = 0;
	rc = Tss2_MU_TPMT_SIGNATURE_Unmarshal(sig, sig_len, &off, &q->sig);
	if (rc)
		return iv_fail(err, IV_ERR_QUOTE_FORMAT, -1, (long long)off,
			       "quote signature: not a TPMT_SIGNATURE (libtss2-mu 0x%x, %zu bytes)",
			       rc, sig_len);
	if (off != sig_len)
		return iv_fail(err, IV_ERR_QUOTE_FORMAT, -1, (long long)off,
			       "quote signature: %zu trailing bytes after the TPMT_SIGNATURE",
			       sig_len - off);
	q->sig_hash_bank = iv_bank_by_tpm_alg(sig_hash(&q->sig));
	if (q->sig_hash_bank < 0 || q->sig_hash_bank == IV_SM3_256)
		return iv_fail(err, IV_ERR_QUOTE_FORMAT, -1, 0,
			       "quote signature: algorithm 0x%04x / hash 0x%04x not supported (RSASSA, RSA-PSS, ECDSA with SHA-1/2)",
			       q->sig.sigAlg, sig_hash(&q->sig));
	if (selection_masks(&q->attest.attested.quote.pcrSelect, q->selected,
			    err))
		return err->status;

	q->msg = malloc(msg_len ? msg_len : 1);
	if (!q->msg)
		return iv_fail(err, IV_ERR_INTERNAL, -1, -1, "out of memory");
	memcpy(q->msg, msg, msg_len);
	q->msg_len = msg_len;
	return IV_OK;
}

void iv_quote_free(struct iv_quote *q)
{
	free(q->msg);
	q->msg = NULL;
}

/* ECDSA r,s as the DER ECDSA-Sig-Value OpenSSL verifies. */
static int ecdsa_der(const TPMS_SIGNATURE_ECC *ecc, uint8_t **der)
{
	ECDSA_SIG *s = ECDSA_SIG_new();
	BIGNUM *r = BN_bin2bn(ecc->signatureR.buffer, ecc->signatureR.size,
			      NULL);
	BIGNUM *ss = BN_bin2bn(ecc->signatureS.buffer, ecc->signatureS.size,
			       NULL);
	int len = -1;

	*der = NULL;
	if (s && r && ss && ECDSA_SIG_set0(s, r, ss)) {
		r = ss = NULL;	/* owned by s now */
		len = i2d_ECDSA_SIG(s, der);
	}
	BN_free(r);
	BN_free(ss);
	ECDSA_SIG_free(s);
	return len;
}

int iv_quote_check_signature(const struct iv_quote *q, EVP_PKEY *ak,
			     struct iv_error *err)
{
	const char *md = iv_bank_info(q->sig_hash_bank)->evp_name;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	EVP_PKEY_CTX *pctx = NULL;
	const uint8_t *sig = NULL;
	uint8_t *der = NULL;
	size_t sig_len = 0;
	int key_type = EVP_PKEY_get_base_id(ak), ok = 0, len;

	if (!ctx)
		return iv_fail(err, IV_ERR_INTERNAL, -1, -1, "out of memory");
	switch (q->sig.sigAlg) {
	case TPM2_ALG_RSASSA:
	case TPM2_ALG_RSAPSS:
		if (key_type != EVP_PKEY_RSA)
			goto wrong_key;
		sig = q->sig.signature.rsassa.sig.buffer;
		sig_len = q->sig.signature.rsassa.sig.size;
		break;
	case TPM2_ALG_ECDSA:
		if (key_type != EVP_PKEY_EC)
			goto wrong_key;
		len = ecdsa_der(&q->sig.signature.ecdsa, &der);
		if (len <= 0)
			goto out;
		sig = der;
		sig_len = (size_t)len;
		break;
	}
	if (EVP_DigestVerifyInit_ex(ctx, &pctx, md, NULL, NULL, ak, NULL) != 1)
		goto out;
	if (q->sig.sigAlg == TPM2_ALG_RSASSA &&
	    EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1)
		goto out;
	/* TPMs pick the PSS salt length; let OpenSSL recover it. */
	if (q->sig.sigAlg == TPM2_ALG_RSAPSS &&
	    (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1 ||
	     EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_AUTO) != 1))
		goto out;
	ok = EVP_DigestVerify(ctx, sig, sig_len, q->msg, q->msg_len) == 1;
out:
	OPENSSL_free(der);
	EVP_MD_CTX_free(ctx);
	if (!ok)
		return iv_fail(err, IV_ERR_QUOTE_SIGNATURE, -1, -1,
			       "quote signature (%s/%s) does not verify with the AK over the quote message",
			       q->sig.sigAlg == TPM2_ALG_ECDSA ? "ECDSA" :
			       q->sig.sigAlg == TPM2_ALG_RSAPSS ? "RSA-PSS" :
			       "RSASSA", md);
	return IV_OK;
wrong_key:
	EVP_MD_CTX_free(ctx);
	return iv_fail(err, IV_ERR_QUOTE_SIGNATURE, -1, -1,
		       "quote signature algorithm 0x%04x does not fit the AK's key type",
		       q->sig.sigAlg);
}

int iv_quote_check_nonce(const struct iv_quote *q, const uint8_t *nonce,
			 size_t len, struct iv_error *err)
{
	const TPM2B_DATA *extra = &q->attest.extraData;
	char got[2 * sizeof(extra->buffer) + 1], want[2 * 64 + 1];

	if (extra->size == len && memcmp(extra->buffer, nonce, len) == 0)
		return IV_OK;
	iv_hex(extra->buffer, extra->size, got);
	iv_hex(nonce, len > 64 ? 64 : len, want);
	return iv_fail(err, IV_ERR_QUOTE_NONCE, -1, -1,
		       "quote nonce (qualifying data) is '%s', expected '%s'",
		       got, want);
}

static void mask_text(uint32_t mask, char *out, size_t size)
{
	size_t n = 0;
	int p;

	out[0] = '\0';
	for (p = 0; p < IV_NPCRS && n + 4 < size; p++)
		if (mask >> p & 1)
			n += (size_t)snprintf(out + n, size - n, "%s%d",
					      n ? "," : "", p);
	if (!n)
		snprintf(out, size, "none");
}

int iv_quote_check_selection(const struct iv_quote *q, const uint32_t *want,
			     const uint32_t *need, struct iv_error *err)
{
	char a[80], b[80];
	int bank;

	for (bank = 0; bank < IV_NBANKS; bank++) {
		mask_text(q->selected[bank], a, sizeof(a));
		if (want && want[bank] != q->selected[bank]) {
			mask_text(want[bank], b, sizeof(b));
			return iv_fail(err, IV_ERR_QUOTE_SELECTION, -1, -1,
				       "quote selects %s PCRs %s, the evidence says %s",
				       iv_bank_info(bank)->name, a, b);
		}
		if (need && (need[bank] & ~q->selected[bank])) {
			mask_text(need[bank] & ~q->selected[bank], b,
				  sizeof(b));
			return iv_fail(err, IV_ERR_QUOTE_SELECTION, -1, -1,
				       "quote does not cover %s PCRs %s that the list extends (quoted: %s)",
				       iv_bank_info(bank)->name, b, a);
		}
	}
	return IV_OK;
}

/* H_sig over the selected values in the quote's own selection order. */
static int selection_digest(const struct iv_quote *q,
			    const struct iv_pcr_values *v, uint8_t *out,
			    unsigned int *out_len, struct iv_error *err)
{
	const TPML_PCR_SELECTION *sel = &q->attest.attested.quote.pcrSelect;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	uint32_t i, j;
	int bank, ok;

	ok = ctx && EVP_DigestInit_ex2(ctx, iv_bank_md(q->sig_hash_bank),
				       NULL);
	for (i = 0; ok && i < sel->count; i++) {
		bank = iv_bank_by_tpm_alg(sel->pcrSelections[i].hash);
		for (j = 0; ok && j < IV_NPCRS; j++) {
			if (!(q->selected[bank] >> j & 1) ||
			    j >= sel->pcrSelections[i].sizeofSelect * 8u ||
			    !(sel->pcrSelections[i].pcrSelect[j / 8] >> (j % 8) & 1))
				continue;
			if (!iv_pcr_has(v, bank, (int)j)) {
				EVP_MD_CTX_free(ctx);
				return iv_fail(err, IV_ERR_QUOTE_PCR_DIGEST,
					       -1, -1,
					       "quote selects %s PCR %u but the evidence has no value for it",
					       iv_bank_info(bank)->name, j);
			}
			ok = EVP_DigestUpdate(ctx, v->value[bank][j],
					      iv_bank_info(bank)->size);
		}
	}
	ok = ok && EVP_DigestFinal_ex(ctx, out, out_len);
	EVP_MD_CTX_free(ctx);
	if (!ok)
		return iv_fail(err, IV_ERR_INTERNAL, -1, -1,
			       "OpenSSL digest failed");
	return IV_OK;
}

int iv_quote_check_pcr_digest(const struct iv_quote *q,
			      const struct iv_pcr_values *v,
			      struct iv_error *err)
{
	const TPM2B_DIGEST *want = &q->attest.attested.quote.pcrDigest;
	uint8_t got[IV_MAX_DIGEST];
	char a[2 * IV_MAX_DIGEST + 1], b[2 * sizeof(want->buffer) + 1];
	unsigned int len = 0;

	if (selection_digest(q, v, got, &len, err))
		return err->status;
	if (len == want->size && memcmp(got, want->buffer, len) == 0)
		return IV_OK;
	iv_hex(got, len, a);
	iv_hex(want->buffer, want->size, b);
	return iv_fail(err, IV_ERR_QUOTE_PCR_DIGEST, -1, -1,
		       "quote pcrDigest %s differs from %s computed from the evidence PCR values",
		       b, a);
}

/*
 * tpm2-tools' default "serialized" -o format is a dump of its structures
 * in the writer's (little-endian) layout: TPML_PCR_SELECTION (u32 count,
 * 16 x {u16 hash, u8 sizeofSelect, u8 select[4], pad}), u32 n, then n
 * TPML_DIGEST (u32 count, 8 x {u16 size, u8 buffer[64]}).
 */
#define SER_SEL_SIZE (4 + 16 * 8)
#define SER_LIST_SIZE (4 + 8 * (2 + 64))

static int serialized_values(const uint8_t *data, size_t len, uint8_t *out, size_t *out_len,
			     struct iv_error *err)
{
	uint32_t lists, count, i, j, n = 0;
	const uint8_t *d;
	uint16_t size;

	if (len < SER_SEL_SIZE + 4)
		goto bad;
	lists = iv_get_u32(data + SER_SEL_SIZE, false);
	if (lists > 32 || len != SER_SEL_SIZE + 4 + (size_t)lists * SER_LIST_SIZE)
		goto bad;
	*out_len = 0;
	for (i = 0; i < lists; i++) {
		d = data + SER_SEL_SIZE + 4 + (size_t)i * SER_LIST_SIZE;
		count = iv_get_u32(d, false);
		if (count > 8)
			goto bad;
		for (j = 0; j < count; j++, n++) {
			size = (uint16_t)(d[4 + j * 66] | d[5 + j * 66] << 8);
			if (size > 64)
				goto bad;
			memcpy(out + *out_len, d + 6 + j * 66, size);
			*out_len += size;
		}
	}
	return IV_OK;
bad:
	return iv_fail(err, IV_ERR_MALFORMED_EVIDENCE, -1, -1,
		       "quote PCR file: %zu bytes, neither the raw values of the quoted selection nor tpm2-tools' serialized format",
		       len);
}

int iv_quote_pcrs_parse(const struct iv_quote *q, const uint8_t *data,
			size_t len, struct iv_pcr_values *v,
			struct iv_error *err)
{
	const TPML_PCR_SELECTION *sel = &q->attest.attested.quote.pcrSelect;
	struct iv_pcr_values got;
	size_t off = 0, size;
	uint32_t i, j;
	int bank;

	uint8_t *values = NULL;
	size_t need = 0, vlen = 0;
	int rc;

	for (i = 0; i < IV_NBANKS; i++)
		need += (size_t)__builtin_popcount(q->selected[i]) *
			iv_bank_info((int)i)->size;
	if (len != need) {
		values = malloc(32 * 8 * 64);
		if (!values)
			return iv_fail(err, IV_ERR_INTERNAL, -1, -1,
				       "out of memory");
		rc = serialized_values(data, len, values, &vlen, err);
		if (rc) {
			free(values);
			return rc;
		}
		data = values;
		len = vlen;
	}
	memset(&got, 0, sizeof(got));
	for (i = 0; i < sel->count; i++) {
		bank = iv_bank_by_tpm_alg(sel->pcrSelections[i].hash);
		size = iv_bank_info(bank)->size;
		for (j = 0; j < IV_NPCRS; j++) {
			if (j >= sel->pcrSelections[i].sizeofSelect * 8u ||
			    !(sel->pcrSelections[i].pcrSelect[j / 8] >> (j % 8) & 1))
				continue;
			if (off + size > len) {
				free(values);
				return iv_fail(err, IV_ERR_MALFORMED_EVIDENCE,
					       -1, (long long)off,
					       "quote PCR file: %zu values bytes, too short for the quoted selection",
					       len);
			}
			iv_pcr_set(&got, bank, (int)j, data + off);
			off += size;
		}
	}
	free(values);
	if (off != len)
		return iv_fail(err, IV_ERR_MALFORMED_EVIDENCE, -1, (long long)off,
			       "quote PCR file: %zu values bytes, the quoted selection needs %zu",
			       len, off);
	if (iv_quote_check_pcr_digest(q, &got, err))
		return err->status;
	*v = got;
	return IV_OK;
}
