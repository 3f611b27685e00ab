/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The lists of one run read in lockstep (the primary and per-bank lists
 * must hold the same entries) into batches.  A batch points into lists
 * that are mapped whole and owns copies of entries read in chunks, so the
 * chunk buffers can move on while a batch is hashed.
 */
#ifndef IV_LISTS_H
#define IV_LISTS_H

#include "chain.h"
#include "replay.h"
#include "state.h"

#define IV_MAX_LISTS 8
#ifndef IV_BATCH
#define IV_BATCH 4096	/* entries: the batches stay in the L2 cache */
#endif

struct iv_path_arg {
	int bank;		/* -1: from the file */
	const char *path;
};

struct iv_list_set {
	struct iv_log logs[IV_MAX_LISTS];
	int bank[IV_MAX_LISTS];
	int n;
	bool mapped;	/* every list mapped: batches point into them */
};

struct iv_batch {
	struct iv_batch_entry *e;
	size_t n;
	uint8_t *arena;
	size_t used, cap;
};

/* Open lists[0..n); with st, start each at its saved offset. */
int iv_lists_open(struct iv_list_set *ls, const struct iv_path_arg *lists,
		  int nlists, int byte_order, uint32_t max_data,
		  const struct iv_state *st, struct iv_error *e);
void iv_lists_close(struct iv_list_set *ls);

int iv_batch_init(struct iv_batch *b);
void iv_batch_free(struct iv_batch *b);

/*
 * Read, check and parse the next batch (up to IV_BATCH entries), feeding
 * the boot chain.  *done at the end of every list.
 */
int iv_lists_read_batch(struct iv_list_set *ls, struct iv_batch *b,
			bool *done, struct iv_chain *chain,
			struct iv_error *e);

#endif
