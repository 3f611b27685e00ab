/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Template digest checks and PCR extend replay, batch by batch.  Template
 * digests of different entries are independent and hashed in parallel; the
 * extend chain is sequential per bank, so banks run in parallel.
 */
#ifndef IV_REPLAY_H
#define IV_REPLAY_H

#include <stdatomic.h>

#include "log.h"
#include "pcrs.h"

struct iv_replay_config {
	uint32_t banks;		/* bitmask of banks to replay */
	uint32_t padded_sha1;	/* banks extended with zero-padded SHA-1 */
	int threads;
};

/* One entry as seen by every list that was given. */
struct iv_batch_entry {
	struct iv_log_entry e;	/* from the primary list */
	const uint8_t *list_digest[IV_NBANKS];	/* NULL: no list for bank */
	bool violation;
};

#define IV_MAX_THREADS 8
#define IV_REPLAY_CHUNK 512	/* entries per unit of shared digest work */

struct iv_pcr_track {
	long long match_index;	/* last entry after which PCR == evidence */
	long long next_after_match;	/* next extend after that match */
	long long extends;
};

#define IV_NO_MATCH (-2LL)
#define IV_NONE (-1LL)

struct iv_replay {
	struct iv_replay_config cfg;
	const struct iv_pcr_values *expect;	/* NULL: nothing to track */
	struct iv_pcr_values pcrs;	/* running values, have = replayed */
	uint32_t used;		/* PCRs the list extends */
	struct iv_pcr_track track[IV_NBANKS][IV_NPCRS];
	long long entries;	/* entries replayed, saved state included */
	long long start_entry;	/* first entry of this run */
	long long violations;
	long long digest_mismatches;
	/* entries whose bank digest is the zero-padded SHA-1 one */
	long long padded_digests[IV_NBANKS];
	long long first_mismatch;	/* entry index, or IV_NONE */
	long long first_mismatch_offset;
	int first_mismatch_bank;
	/* The batch in flight (iv_replay_submit .. iv_replay_finish). */
	const struct iv_batch_entry *pending;
	size_t pending_n;
	int njobs;
	struct iv_pool *pool;	/* worker threads, started at the first batch */
	/* Template digests computed for a bank's owner by other threads. */
	size_t chunk;		/* IV_REPLAY_CHUNK; tests make it small */
	uint8_t *pre[IV_NBANKS];	/* pre_cap entries of the bank size */
	size_t pre_cap;
	_Atomic unsigned char *chunk_state;	/* [bank][chunk] */
	size_t nchunks, chunk_cap;
	atomic_bool hash_failed;
};

/* Runs after every extend, nearly always on a mismatch: test a byte first. */
static inline bool iv_replay_pcr_matches(const struct iv_replay *r, int b,
					 int p)
{
	const uint8_t *v = r->pcrs.value[b][p], *want;

	if (!iv_pcr_has(r->expect, b, p))
		return false;
	want = r->expect->value[b][p];
	return v[0] == want[0] &&
	       memcmp(v, want, iv_bank_size(b)) == 0;
}

void iv_replay_init(struct iv_replay *r, const struct iv_replay_config *cfg);

/* Call after loading a saved state / evidence, before the first batch. */
void iv_replay_start(struct iv_replay *r, const struct iv_pcr_values *expect);

/*
 * Hash a batch: submit starts the worker threads' banks and returns;
 * finish runs the caller's banks, joins and accounts.  The caller may read
 * the next batch in between (the batch must stay valid until finish).
 */
int iv_replay_submit(struct iv_replay *r, const struct iv_batch_entry *batch,
		     size_t n, struct iv_error *err);
int iv_replay_finish(struct iv_replay *r, struct iv_error *err);
/* submit + finish */
int iv_replay_batch(struct iv_replay *r, const struct iv_batch_entry *batch,
		    size_t n, struct iv_error *err);
/* Stops the worker threads and frees what the replay allocated. */
void iv_replay_free(struct iv_replay *r);
/* The threads only (replay_batch.c, for iv_replay_free). */
void iv_replay_pool_stop(struct iv_replay *r);

/* Outcome for one bank/PCR the list extends. */
enum iv_pcr_outcome {
	IV_PCR_NO_EVIDENCE,
	IV_PCR_MATCH,		/* final value equals the evidence */
	IV_PCR_MATCH_PREFIX,	/* matched before the end of the list */
	IV_PCR_MISMATCH,
};

struct iv_pcr_result {
	int bank, pcr;
	enum iv_pcr_outcome outcome;
	long long match_index;
	long long trailing;	/* entries after the match, unverified */
};

/*
 * Compare with the evidence.  With a prefix match the verified prefix must
 * be consistent across PCRs; *trailing gets the unverified entries.
 */
int iv_replay_results(const struct iv_replay *r, struct iv_pcr_result *out,
		      int max, long long *trailing);

#endif
