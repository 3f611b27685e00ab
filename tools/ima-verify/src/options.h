/* SPDX-License-Identifier: GPL-2.0-only */
/* What one run is asked to do: input paths, replay settings, expectations. */
#ifndef IV_OPTIONS_H
#define IV_OPTIONS_H

#include "lists.h"

#define IV_MAX_PCR_ARGS 16
#define IV_MAX_EXPECT 16

struct iv_options {
	struct iv_path_arg lists[IV_MAX_LISTS];	/* [0] is the primary */
	int nlists;
	/*
	 * Exported parts ([BANK:]FILE), replayed in order before the lists:
	 * as many as an agent saved over the uptime, so not capped.
	 */
	struct iv_path_arg *exported;
	int nexported;
	bool no_exported;	/* --exported '': not the directory's either */
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
/* Append an exported part; -1 when out of memory. */
int iv_options_add_exported(struct iv_options *o, struct iv_path_arg part);
void iv_options_free(struct iv_options *o);

#endif
