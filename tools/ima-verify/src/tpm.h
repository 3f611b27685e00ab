/* SPDX-License-Identifier: GPL-2.0-only */
/* PCR values from a live TPM (tpm2-tss ESYS over a tctildr TCTI). */
#ifndef IV_TPM_H
#define IV_TPM_H

#include "pcrs.h"
#include "util.h"

/*
 * tcti: tctildr config ("device:/dev/tpmrm0", "swtpm:port=2321"); NULL =
 * TPM2TOOLS_TCTI or the tctildr default.  Banks the TPM lacks are skipped
 * unless required.
 */
int iv_tpm_read_pcrs(const char *tcti, uint32_t banks, bool required,
		     struct iv_pcr_values *v, struct iv_error *err);

#endif
