/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One verification run: load the evidence, stream the lists through the
 * replay, then judge PCRs, boot chain, quote and expectations.
 */
#ifndef IV_VERIFY_H
#define IV_VERIFY_H

#include "chain.h"
#include "evidence.h"
#include "lists.h"
#include "quote.h"
#include "replay.h"

#define IV_MAX_PCR_ARGS 16
#define IV_MAX_EXPECT 16
#define IV_MAX_FINDINGS 32

struct iv_options {
	struct iv_path_arg lists[IV_MAX_LISTS];	/* [0] is the primary */
	int nlists;
	int byte_order;
	uint32_t banks;		/* 0: banks with evidence or a list */
	uint32_t padded_sha1;
	struct iv_path_arg pcrs[IV_MAX_PCR_ARGS];
	int npcrs;
	bool tpm;
	const char *tcti;
	const char *quote_msg, *quote_sig, *quote_pcrs, *quote_sel, *ak;
	const char *nonce_hex, *nonce_file;
	const char *state_in, *state_out;
	const char *expect_kernel[IV_MAX_EXPECT];
	int n_expect_kernel;
	const char *expect_initramfs[IV_MAX_EXPECT];
	int n_expect_initramfs;
	const char *expect_cmdline[IV_MAX_EXPECT];
	int n_expect_cmdline;
	int expect_boots;	/* -1: any */
	long long max_trailing;	/* -1: any */
	bool skip_boot_aggregate;
	int threads;
	uint32_t max_data;
};

void iv_options_init(struct iv_options *o);

struct iv_finding {
	int status;
	long long entry, offset;
	char msg[IV_MSG_MAX];
};

enum iv_check { IV_CHECK_NOT_RUN = -1 };

struct iv_result {
	int status;
	struct iv_finding findings[IV_MAX_FINDINGS];
	int nfindings, dropped_findings;
	struct iv_replay replay;
	struct iv_chain chain;
	struct iv_pcr_values evidence;
	const char *evidence_source[IV_NBANKS];
	struct iv_pcr_result pcr[IV_NBANKS * IV_NPCRS];
	int npcr;
	long long trailing;
	int byte_order;
	long long entries_read;	/* this run */
	bool have_quote;
	struct iv_quote quote;
	int quote_signature, quote_nonce, quote_selection, quote_digest;
	char list_path[256];
};

int iv_verify(const struct iv_options *o, struct iv_result *r);
void iv_result_free(struct iv_result *r);

/* Record a failure; the result's status becomes the most important one. */
void iv_result_add(struct iv_result *r, const struct iv_error *e);
void iv_result_note(struct iv_result *r, int status, long long entry,
		    long long offset, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* judge.c: verdicts after the replay, each adding its findings. */
void iv_judge_replay(const struct iv_options *o, struct iv_result *r);
void iv_judge_aggregates(const struct iv_options *o, struct iv_result *r);
void iv_judge_quote(const struct iv_options *o, struct iv_result *r);
void iv_judge_expectations(const struct iv_options *o, struct iv_result *r);

#endif
