// SPDX-License-Identifier: GPL-2.0-only
#include <stdlib.h>
#include <string.h>

#include <tss2/tss2_esys.h>
#include <tss2/tss2_tctildr.h>

#include "tpm.h"

/* PCR_Read returns at most 8 digests per call: ask again for the rest. */
static int read_bank(ESYS_CONTEXT *esys, int bank, bool required,
		     struct iv_pcr_values *v, struct iv_error *err)
{
	TPML_PCR_SELECTION sel, *out_sel = NULL;
	TPML_DIGEST *values = NULL;
	uint32_t todo = (1u << IV_NPCRS) - 1, counter, i, j, n;
	TSS2_RC rc;

	while (todo) {
		memset(&sel, 0, sizeof(sel));
		sel.count = 1;
		sel.pcrSelections[0].hash = iv_bank_info(bank)->tpm_alg;
		sel.pcrSelections[0].sizeofSelect = 3;
		for (i = 0; i < 3; i++)
			sel.pcrSelections[0].pcrSelect[i] = (uint8_t)(todo >> (8 * i));
		rc = Esys_PCR_Read(esys, ESYS_TR_NONE, ESYS_TR_NONE,
				   ESYS_TR_NONE, &sel, &counter, &out_sel,
				   &values);
		/* A hash the TPM does not implement: the bank is absent. */
		if ((rc & ~(TPM2_RC_N_MASK | TPM2_RC_P)) == TPM2_RC_HASH &&
		    !required)
			return IV_OK;
		if (rc)
			return iv_fail(err, IV_ERR_NOINPUT, -1, -1,
				       "TPM2_PCR_Read %s: 0x%x",
				       iv_bank_info(bank)->name, rc);
		n = 0;
		for (i = 0; i < out_sel->count; i++)
			for (j = 0; j < IV_NPCRS && n < values->count; j++) {
				if (!(out_sel->pcrSelections[i].pcrSelect[j / 8] >> (j % 8) & 1))
					continue;
				if (values->digests[n].size ==
				    iv_bank_info(bank)->size)
					iv_pcr_set(v, bank, (int)j,
						   values->digests[n].buffer);
				todo &= ~(1u << j);
				n++;
			}
		Esys_Free(out_sel);
		Esys_Free(values);
		if (!n)	/* bank not allocated */
			break;
	}
	return IV_OK;
}

int iv_tpm_read_pcrs(const char *tcti, uint32_t banks, bool required,
		     struct iv_pcr_values *v, struct iv_error *err)
{
	TSS2_TCTI_CONTEXT *tcti_ctx = NULL;
	ESYS_CONTEXT *esys = NULL;
	TSS2_RC rc;
	int bank, status = IV_OK;

	if (!tcti)
		tcti = getenv("TPM2TOOLS_TCTI");
	/* Our messages say what failed; keep tpm2-tss' log off stderr. */
	setenv("TSS2_LOG", "all+none", 0);
	rc = Tss2_TctiLdr_Initialize(tcti, &tcti_ctx);
	if (rc)
		return iv_fail(err, IV_ERR_NOINPUT, -1, -1,
			       "TPM: cannot open TCTI '%s': 0x%x",
			       tcti ? tcti : "(default)", rc);
	rc = Esys_Initialize(&esys, tcti_ctx, NULL);
	if (rc) {
		Tss2_TctiLdr_Finalize(&tcti_ctx);
		return iv_fail(err, IV_ERR_NOINPUT, -1, -1,
			       "TPM: Esys_Initialize: 0x%x", rc);
	}
	for (bank = 0; bank < IV_NBANKS && !status; bank++)
		if (banks >> bank & 1)
			status = read_bank(esys, bank, required, v, err);
	Esys_Finalize(&esys);
	Tss2_TctiLdr_Finalize(&tcti_ctx);
	return status;
}
