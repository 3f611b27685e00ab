// SPDX-License-Identifier: GPL-2.0-only
/* The attestation key: PEM, or a TPM public area turned into an EVP_PKEY. */
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <tss2/tss2_mu.h>

#include "quote.h"

static EVP_PKEY *pkey_from_params(const char *type, OSSL_PARAM_BLD *bld)
{
	OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(bld);
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, type, NULL);
	EVP_PKEY *pkey = NULL;

	if (!params || !ctx || EVP_PKEY_fromdata_init(ctx) <= 0 ||
	    EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_PUBLIC_KEY, params) <= 0)
		pkey = NULL;
	OSSL_PARAM_free(params);
	EVP_PKEY_CTX_free(ctx);
	return pkey;
}

static EVP_PKEY *rsa_from_tpm(const TPMT_PUBLIC *pub)
{
	uint32_t exp = pub->parameters.rsaDetail.exponent;
	OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
	BIGNUM *n = BN_bin2bn(pub->unique.rsa.buffer, pub->unique.rsa.size,
			      NULL);
	BIGNUM *e = BN_new();
	EVP_PKEY *pkey = NULL;

	/* An exponent of zero means the default 2^16 + 1. */
	if (bld && n && e && BN_set_word(e, exp ? exp : 65537) &&
	    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, n) &&
	    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, e))
		pkey = pkey_from_params("RSA", bld);
	BN_free(n);
	BN_free(e);
	OSSL_PARAM_BLD_free(bld);
	return pkey;
}

static EVP_PKEY *ecc_from_tpm(const TPMT_PUBLIC *pub)
{
	const TPMS_ECC_POINT *pt = &pub->unique.ecc;
	uint8_t point[1 + 2 * 66];
	const char *group;
	size_t field;
	OSSL_PARAM_BLD *bld;
	EVP_PKEY *pkey = NULL;

	switch (pub->parameters.eccDetail.curveID) {
	case TPM2_ECC_NIST_P256: group = "prime256v1"; field = 32; break;
	case TPM2_ECC_NIST_P384: group = "secp384r1"; field = 48; break;
	case TPM2_ECC_NIST_P521: group = "secp521r1"; field = 66; break;
	default: return NULL;
	}
	if (pt->x.size > field || pt->y.size > field)
		return NULL;
	/* Uncompressed point, coordinates left-padded to the field size. */
	memset(point, 0, sizeof(point));
	point[0] = 0x04;
	memcpy(point + 1 + field - pt->x.size, pt->x.buffer, pt->x.size);
	memcpy(point + 1 + 2 * field - pt->y.size, pt->y.buffer, pt->y.size);
	bld = OSSL_PARAM_BLD_new();
	if (bld &&
	    OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME,
					    group, 0) &&
	    OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY,
					     point, 1 + 2 * field))
		pkey = pkey_from_params("EC", bld);
	OSSL_PARAM_BLD_free(bld);
	return pkey;
}

int iv_ak_parse(EVP_PKEY **pkey, const uint8_t *data, size_t len,
		struct iv_error *err)
{
	TPM2B_PUBLIC pub2b;
	TPMT_PUBLIC *pub = NULL;
	size_t off = 0;
	BIO *bio;

	*pkey = NULL;
	if (len > 10 && memcmp(data, "-----BEGIN", 10) == 0) {
		bio = BIO_new_mem_buf(data, (int)len);
		*pkey = bio ? PEM_read_bio_PUBKEY(bio, NULL, NULL, NULL) : NULL;
		BIO_free(bio);
		if (!*pkey)
			return iv_fail(err, IV_ERR_MALFORMED_EVIDENCE, -1, -1,
				       "AK: PEM block is not a public key");
		return IV_OK;
	}
	memset(&pub2b, 0, sizeof(pub2b));
	if (!Tss2_MU_TPM2B_PUBLIC_Unmarshal(data, len, &off, &pub2b) &&
	    off == len) {
		pub = &pub2b.publicArea;
	} else {
		off = 0;
		if (!Tss2_MU_TPMT_PUBLIC_Unmarshal(data, len, &off,
						   &pub2b.publicArea) &&
		    off == len)
			pub = &pub2b.publicArea;
	}
	if (!pub)
		return iv_fail(err, IV_ERR_MALFORMED_EVIDENCE, -1, (long long)off,
			       "AK: neither PEM nor a TPM2B_PUBLIC/TPMT_PUBLIC (%zu bytes)",
			       len);
	if (pub->type == TPM2_ALG_RSA)
		*pkey = rsa_from_tpm(pub);
	else if (pub->type == TPM2_ALG_ECC)
		*pkey = ecc_from_tpm(pub);
	if (!*pkey)
		return iv_fail(err, IV_ERR_MALFORMED_EVIDENCE, -1, -1,
			       "AK: unsupported TPM public key (type 0x%04x)",
			       pub->type);
	return IV_OK;
}

