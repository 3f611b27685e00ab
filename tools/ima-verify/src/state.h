/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Saved replay state for incremental verification: the PCR values after
 * N entries and where entry N starts in each list.  Text, one item a line:
 *   ima-verify-state 1
 *   entries N
 *   boot NUMBER
 *   bank BANK                 (one per replayed bank)
 *   offset BANK BYTES         (one per list read)
 *   pcr BANK INDEX HEX        (one per replayed bank and PCR)
 *   bytes N                   (optional: the kernel's binary_runtime_size
 *                              of the N entries, header not counted)
 */
#ifndef IV_STATE_H
#define IV_STATE_H

#include "pcrs.h"
#include "util.h"

struct iv_state {
	long long entries;
	int boot;
	long long offset[IV_NBANKS];	/* -1: no list of that bank */
	uint32_t banks;			/* replayed banks */
	struct iv_pcr_values pcrs;
	bool has_bytes;
	unsigned long long bytes;	/* binary size of the entries so far */
};

int iv_state_load(const char *path, struct iv_state *s, struct iv_error *err);
int iv_state_save(const char *path, const struct iv_state *s,
		  struct iv_error *err);

#endif
