/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hand-overs of a boot chain, from its kexec boundary events: how each
 * boot was entered (cold boot, hand-over N, carried records, segment), the
 * restore outcome, and the checks on them.  No I/O.
 */
#ifndef IV_HANDOVER_H
#define IV_HANDOVER_H

#include "chain.h"
#include "result.h"

/* Size of struct ima_kexec_hdr, counted in ima_binary_runtime_size. */
#define IV_KEXEC_HDR_SIZE 24

/*
 * Fill every boot's ho, number the boots by their hop when the events
 * name it, and add the findings: restore failures, incomplete hand-overs,
 * counts and sizes that disagree with the list, hops out of sequence,
 * malformed events.  pcr_mismatch: a replayed PCR did not match, which
 * missing earlier records may explain.
 */
void iv_judge_handovers(struct iv_chain *c, bool pcr_mismatch,
			struct iv_verdict *v);

const char *iv_entered_name(enum iv_entered e);
const char *iv_restore_name(enum iv_restore_outcome r);

#endif
