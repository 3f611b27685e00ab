/* SPDX-License-Identifier: GPL-2.0-only */
/* A set of PCR values per bank, as evidence or as replay output. */
#ifndef IV_PCRS_H
#define IV_PCRS_H

#include <stdbool.h>
#include <string.h>
#include "bank.h"

struct iv_pcr_values {
	uint32_t have[IV_NBANKS];	/* bitmask of PCR indexes present */
	uint8_t value[IV_NBANKS][IV_NPCRS][IV_MAX_DIGEST];
};

static inline bool iv_pcr_has(const struct iv_pcr_values *v, int bank,
			      int pcr)
{
	return v && (v->have[bank] >> pcr & 1);
}

static inline void iv_pcr_set(struct iv_pcr_values *v, int bank, int pcr,
			      const uint8_t *digest)
{
	memcpy(v->value[bank][pcr], digest, iv_bank_info(bank)->size);
	v->have[bank] |= 1u << pcr;
}

/* TPM reset values: PCRs 17-22 start at all ones, the others at zero. */
void iv_pcr_reset_value(int bank, int pcr, uint8_t *out);

#endif
