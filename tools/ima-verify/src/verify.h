/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One verification run, as a pipeline: load the inputs, stream the lists
 * through the replay, judge PCRs, boot chain, quote and expectations.
 * The report (report.h) prints what the run leaves in struct iv_result.
 */
#ifndef IV_VERIFY_H
#define IV_VERIFY_H

#include "chain.h"
#include "inputs.h"
#include "judge.h"
#include "options.h"
#include "replay.h"
#include "result.h"

struct iv_result {
	struct iv_verdict verdict;
	struct iv_inputs inputs;
	struct iv_replay replay;
	struct iv_chain chain;
	struct iv_pcr_checks pcr_checks;
	struct iv_quote_checks quote_checks;
	int byte_order;
	long long entries_read;	/* this run */
	char list_path[256];
};

/* Returns the verdict's status, the exit code. */
int iv_verify(const struct iv_options *o, struct iv_result *r);
void iv_result_free(struct iv_result *r);

#endif
