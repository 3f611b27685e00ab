/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The verdicts after the replay: PCRs, boot chain, quote, expectations.
 * Pure functions over loaded data (no I/O), each adding its findings.
 */
#ifndef IV_JUDGE_H
#define IV_JUDGE_H

#include "chain.h"
#include "inputs.h"
#include "options.h"
#include "replay.h"
#include "result.h"

/* The replayed PCRs against the evidence. */
struct iv_pcr_checks {
	struct iv_pcr_result pcr[IV_NBANKS * IV_NPCRS];
	int npcr;
	long long trailing;	/* entries after the last PCR match */
};

/* Each is IV_OK, a failure status, or IV_CHECK_NOT_RUN. */
struct iv_quote_checks {
	int signature, nonce, selection, digest;
};

/* Some replayed PCR did not match its evidence. */
bool iv_pcr_checks_mismatch(const struct iv_pcr_checks *pc);

void iv_judge_replay(const struct iv_replay *rp,
		     const struct iv_pcr_values *evidence,
		     long long max_trailing, struct iv_pcr_checks *out,
		     struct iv_verdict *v);
/* Fills in each boot's aggregate outcome, hence the chain is not const. */
void iv_judge_aggregates(struct iv_chain *chain,
			 const struct iv_pcr_values *evidence,
			 bool skip_boot_aggregate, struct iv_verdict *v);
void iv_judge_quote(const struct iv_inputs *in, const struct iv_replay *rp,
		    struct iv_quote_checks *out, struct iv_verdict *v);
void iv_judge_expectations(const struct iv_options *o,
			   const struct iv_chain *chain, struct iv_verdict *v);

#endif
