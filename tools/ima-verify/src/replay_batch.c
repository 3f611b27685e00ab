// SPDX-License-Identifier: GPL-2.0-only
/*
 * Hashing one batch on several threads.  Each bank's extend chain is
 * sequential and has one owner thread; the template digests it consumes
 * are independent, so they are cut into chunks that any thread may claim:
 * an owner walks its chunks from the front, hashing the ones nobody took
 * on the way; a thread whose own banks are done takes free chunks from the
 * back and leaves the digests in r->pre for the owner.  The caller's share
 * starts only after it has read the next batch, so this balances reading
 * against hashing without a fixed split.  The worker threads live as long
 * as the replay: starting a thread per batch costs a few hundred µs in a
 * VM, as much as hashing a thousand entries.
 */
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "replay.h"
#include "template.h"

enum { CHUNK_FREE, CHUNK_BUSY, CHUNK_DONE };

#define IV_POOL_POLL_NS 2000000LL	/* 2 ms: a few batches' reading */

/* The banks one thread owns for one batch. */
struct bank_job {
	struct iv_replay *r;
	const struct iv_batch_entry *batch;
	size_t n;
	uint32_t banks;
	int rc;
	long long mismatches, first, first_offset;
	int first_bank;
	long long padded[IV_NBANKS];
};

/* Threads 1.. of a replay; thread 0 is the caller. */
struct iv_pool {
	pthread_mutex_t lock;
	pthread_cond_t go, idle;
	atomic_ulong round;	/* batches handed out */
	atomic_int running;	/* workers still on this round */
	atomic_bool quit;
	int nworkers;
	pthread_t tids[IV_MAX_THREADS];
	struct worker_arg {
		struct iv_pool *pool;
		int index;
	} args[IV_MAX_THREADS];
	struct bank_job jobs[IV_MAX_THREADS];
};

static _Atomic unsigned char *chunk_state(struct iv_replay *r, int b,
					  size_t c)
{
	return &r->chunk_state[(size_t)b * r->nchunks + c];
}

/* What bank b extends for entry be before checking it against its list. */
static int compute_digest(struct iv_hasher *h,
			  const struct iv_replay_config *cfg, int b,
			  const struct iv_batch_entry *be, uint8_t *out)
{
	unsigned int size = iv_bank_size(b);
	bool padded = cfg->padded_sha1 >> b & 1;

	memset(out, 0, size);
	if (be->violation) {
		/* All ones (ima_init_digests); 20 of them if padded. */
		memset(out, 0xff, padded ? 20 : size);
		return 0;
	}
	if (!padded)
		return iv_template_digest(h, b, &be->e, out);
	if (be->list_digest[IV_SHA1]) {
		memcpy(out, be->list_digest[IV_SHA1], 20);
		return 0;
	}
	return iv_template_digest(h, IV_SHA1, &be->e, out);
}

enum settled { SETTLED_MATCH, SETTLED_PADDED, SETTLED_MISMATCH };

/*
 * A kernel without the bank's hash (no CONFIG_CRYPTO_SHA512, say) extends
 * the bank with the entry's SHA-1 template digest, zero-padded; in a list
 * handed over between kernels of different configurations such entries
 * sit among real digests of the same bank.  The padded digest is still
 * bound to the template data, through SHA-1.
 */
static bool is_padded_sha1(struct iv_hasher *h, int b,
			   const struct iv_batch_entry *be,
			   const uint8_t *listed)
{
	unsigned int size = iv_bank_size(b);
	uint8_t sha1[IV_MAX_DIGEST];

	if (b == IV_SHA1 || size < 20 ||
	    iv_template_digest(h, IV_SHA1, &be->e, sha1))
		return false;
	memset(sha1 + 20, 0, size - 20);
	return memcmp(listed, sha1, size) == 0;
}

/* Compare with bank b's list; on a mismatch extend what the list claims. */
static enum settled settle_digest(struct iv_hasher *h, int b,
				  const struct iv_batch_entry *be,
				  uint8_t *digest)
{
	unsigned int size = iv_bank_size(b);
	const uint8_t *listed = be->list_digest[b];

	if (be->violation || !listed || memcmp(listed, digest, size) == 0)
		return SETTLED_MATCH;
	memcpy(digest, listed, size);
	return is_padded_sha1(h, b, be, listed) ? SETTLED_PADDED :
						  SETTLED_MISMATCH;
}

/* Extend PCR := H(PCR || digest) and track where it matches evidence. */
static int extend(struct iv_hasher *h, struct iv_replay *r, int b,
		  const struct iv_batch_entry *be, const uint8_t *digest)
{
	unsigned int size = iv_bank_size(b);
	uint8_t *pcr = r->pcrs.value[b][be->e.pcr];
	struct iv_pcr_track *t = &r->track[b][be->e.pcr];

	if (iv_hash2(h, b, pcr, size, digest, size, pcr))
		return -1;
	t->extends++;
	if (t->match_index != IV_NO_MATCH && t->next_after_match == IV_NONE)
		t->next_after_match = be->e.index;
	if (iv_replay_pcr_matches(r, b, (int)be->e.pcr)) {
		t->match_index = be->e.index;
		t->next_after_match = IV_NONE;
	}
	return 0;
}

/* One owned bank over the batch, chunk by chunk, in list order. */
static int run_bank(struct bank_job *job, struct iv_hasher *h, int b)
{
	struct iv_replay *r = job->r;
	unsigned int size = iv_bank_size(b);
	uint8_t own[IV_MAX_DIGEST], *digest;
	enum settled how;
	size_t c, i, end;
	bool mine;

	for (c = 0; c < r->nchunks; c++) {
		unsigned char st = CHUNK_FREE;

		mine = atomic_compare_exchange_strong(chunk_state(r, b, c), &st,
						      CHUNK_BUSY);
		while (!mine && atomic_load(chunk_state(r, b, c)) != CHUNK_DONE)
			sched_yield();	/* a helper is on it: a few µs */
		end = (c + 1) * r->chunk < job->n ? (c + 1) * r->chunk : job->n;
		for (i = c * r->chunk; i < end; i++) {
			const struct iv_batch_entry *be = &job->batch[i];

			digest = mine ? own : r->pre[b] + i * size;
			if (mine && compute_digest(h, &r->cfg, b, be, digest))
				return -1;
			how = settle_digest(h, b, be, digest);
			if (how == SETTLED_PADDED)
				job->padded[b]++;
			if (how == SETTLED_MISMATCH &&
			    (!job->mismatches++ || be->e.index < job->first)) {
				job->first = be->e.index;
				job->first_offset = be->e.offset;
				job->first_bank = b;
			}
			if (extend(h, r, b, be, digest))
				return -1;
		}
	}
	return 0;
}

/* Digests of free chunks of any bank, from the back, for their owners. */
static void help(struct bank_job *job, struct iv_hasher *h)
{
	struct iv_replay *r = job->r;
	size_t c, i, end, size;
	int b;

	for (c = r->nchunks; c-- > 0;)
		for (b = 0; b < IV_NBANKS; b++) {
			_Atomic unsigned char *state = chunk_state(r, b, c);
			unsigned char st = CHUNK_FREE;

			if (!(r->cfg.banks >> b & 1) ||
			    !atomic_compare_exchange_strong(state, &st,
							    CHUNK_BUSY))
				continue;
			size = iv_bank_size(b);
			end = (c + 1) * r->chunk < job->n ?
			      (c + 1) * r->chunk : job->n;
			for (i = c * r->chunk; i < end; i++)
				if (compute_digest(h, &r->cfg, b,
						   &job->batch[i],
						   r->pre[b] + i * size))
					atomic_store(&r->hash_failed, true);
			atomic_store(state, CHUNK_DONE);
		}
}

static void *run_job(void *arg)
{
	struct bank_job *job = arg;
	struct iv_hasher h = { 0 };
	int b;

	for (b = 0; b < IV_NBANKS && !job->rc; b++)
		if (job->banks >> b & 1)
			job->rc = run_bank(job, &h, b);
	/* Even after a failure: owners may wait for chunks nobody took. */
	help(job, &h);
	iv_hasher_free(&h);
	return NULL;
}

/*
 * Deal banks to threads, heaviest first, the caller's group (0) last: the
 * caller also parses the list, so it gets the lightest share.
 */
static int split_banks(uint32_t banks, int threads, uint32_t *groups)
{
	static const int heavy_first[] = { IV_SHA512, IV_SHA384, IV_SM3_256,
					   IV_SHA256, IV_SHA1 };
	int i, k, n = 0;

	if (threads < 1)
		threads = 1;
	if (threads > IV_MAX_THREADS)
		threads = IV_MAX_THREADS;
	memset(groups, 0, sizeof(uint32_t) * (size_t)threads);
	for (i = 0; i < (int)(sizeof(heavy_first) / sizeof(int)); i++) {
		if (!(banks >> heavy_first[i] & 1))
			continue;
		k = n++ % threads;
		groups[k == threads - 1 ? 0 : k + 1] |= 1u << heavy_first[i];
	}
	return threads;
}

/* Room for n entries' shared digests and chunk states. */
static int batch_room(struct iv_replay *r, size_t n)
{
	size_t nchunks = (n + r->chunk - 1) / r->chunk;
	_Atomic unsigned char *states;
	uint8_t *pre;
	int b;

	if (n > r->pre_cap) {
		for (b = 0; b < IV_NBANKS; b++) {
			if (!(r->cfg.banks >> b & 1))
				continue;
			pre = realloc(r->pre[b], n * iv_bank_info(b)->size);
			if (!pre)
				return -1;
			iv_populate(pre, n * iv_bank_info(b)->size);
			r->pre[b] = pre;
		}
		r->pre_cap = n;
	}
	if (nchunks * IV_NBANKS > r->chunk_cap) {
		states = realloc(r->chunk_state, nchunks * IV_NBANKS);
		if (!states)
			return -1;
		r->chunk_state = states;
		r->chunk_cap = nchunks * IV_NBANKS;
	}
	r->nchunks = nchunks;
	for (b = 0; b < (int)(nchunks * IV_NBANKS); b++)
		atomic_init(&r->chunk_state[b], CHUNK_FREE);
	return 0;
}

static long long now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000000000 + t.tv_nsec;
}

/*
 * Wait until done(p, seen), polling for up to IV_POOL_POLL_NS before
 * sleeping on cond.  Between two batches a thread waits about as long as
 * reading a batch takes, a few hundred µs; sleeping that long lets its CPU
 * go idle, and waking an idle vCPU costs as much again.  sched_yield lets
 * anything else runnable go first.
 */
static void pool_wait(struct iv_pool *p, pthread_cond_t *cond,
		      bool (*done)(struct iv_pool *, unsigned long),
		      unsigned long seen)
{
	long long until = now_ns() + IV_POOL_POLL_NS;
	unsigned int polls = 0;

	while (!done(p, seen)) {
		if (++polls % 64 == 0 && now_ns() > until) {
			pthread_mutex_lock(&p->lock);
			while (!done(p, seen))
				pthread_cond_wait(cond, &p->lock);
			pthread_mutex_unlock(&p->lock);
			return;
		}
		sched_yield();
	}
}

static bool new_round(struct iv_pool *p, unsigned long seen)
{
	return atomic_load(&p->round) != seen || atomic_load(&p->quit);
}

static bool workers_idle(struct iv_pool *p, unsigned long unused)
{
	return atomic_load(&p->running) == 0;
}

static void *worker(void *arg)
{
	struct worker_arg *a = arg;
	struct iv_pool *p = a->pool;
	unsigned long seen = 0;

	for (;;) {
		pool_wait(p, &p->go, new_round, seen);
		if (atomic_load(&p->quit))
			return NULL;
		seen = atomic_load(&p->round);
		run_job(&p->jobs[a->index]);
		if (atomic_fetch_sub(&p->running, 1) == 1) {
			/* Under the lock: the caller may be going to sleep. */
			pthread_mutex_lock(&p->lock);
			pthread_cond_signal(&p->idle);
			pthread_mutex_unlock(&p->lock);
		}
	}
}

/* The caller plus up to threads - 1 workers; fewer if they cannot start. */
static struct iv_pool *pool_start(int threads)
{
	struct iv_pool *p = calloc(1, sizeof(*p));
	int i;

	if (!p)
		return NULL;
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->go, NULL);
	pthread_cond_init(&p->idle, NULL);
	for (i = 1; i < threads && i < IV_MAX_THREADS; i++) {
		p->args[i] = (struct worker_arg){ p, i };
		if (pthread_create(&p->tids[i], NULL, worker, &p->args[i]))
			break;
		p->nworkers++;
	}
	return p;
}

void iv_replay_pool_stop(struct iv_replay *r)
{
	struct iv_pool *p = r->pool;
	int i;

	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	atomic_store(&p->quit, true);
	pthread_cond_broadcast(&p->go);
	pthread_mutex_unlock(&p->lock);
	for (i = 1; i <= p->nworkers; i++)
		pthread_join(p->tids[i], NULL);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->go);
	pthread_cond_destroy(&p->idle);
	free(p);
	r->pool = NULL;
}

int iv_replay_submit(struct iv_replay *r, const struct iv_batch_entry *batch,
		     size_t n, struct iv_error *err)
{
	uint32_t groups[IV_MAX_THREADS];
	struct iv_pool *p;
	int i;

	if (!r->pool)
		r->pool = pool_start(r->cfg.threads);
	p = r->pool;
	if (!p || batch_room(r, n))
		return iv_fail(err, IV_ERR_INTERNAL, -1, -1, "out of memory");
	atomic_store(&r->hash_failed, false);
	r->njobs = split_banks(r->cfg.banks, 1 + p->nworkers, groups);
	for (i = 0; i < r->njobs; i++) {
		struct bank_job *job = &p->jobs[i];

		memset(job, 0, sizeof(*job));
		job->r = r;
		job->batch = batch;
		job->n = n;
		job->banks = groups[i];
	}
	r->pending = batch;
	r->pending_n = n;
	if (!n || !p->nworkers)
		return IV_OK;
	/* Under the lock: a worker may be going to sleep. */
	pthread_mutex_lock(&p->lock);
	atomic_store(&p->running, p->nworkers);
	atomic_fetch_add(&p->round, 1);
	pthread_cond_broadcast(&p->go);
	pthread_mutex_unlock(&p->lock);
	return IV_OK;
}

int iv_replay_finish(struct iv_replay *r, struct iv_error *err)
{
	const struct iv_batch_entry *batch = r->pending;
	struct iv_pool *p = r->pool;
	struct bank_job *job;
	size_t k, n = r->pending_n;
	int i, b, rc = IV_OK;

	if (!batch)
		return IV_OK;
	/* The caller's share (or just help), then wait for the workers. */
	run_job(&p->jobs[0]);
	if (n)
		pool_wait(p, &p->idle, workers_idle, 0);
	for (i = 0; i < r->njobs; i++) {
		job = &p->jobs[i];
		if (job->rc)
			rc = -1;
		for (b = 0; b < IV_NBANKS; b++)
			r->padded_digests[b] += job->padded[b];
		if (!job->mismatches)
			continue;
		if (!r->digest_mismatches || job->first < r->first_mismatch) {
			r->first_mismatch = job->first;
			r->first_mismatch_bank = job->first_bank;
			r->first_mismatch_offset = job->first_offset;
		}
		r->digest_mismatches += job->mismatches;
	}
	if (rc || atomic_load(&r->hash_failed))
		rc = iv_fail(err, IV_ERR_INTERNAL, -1, -1,
			     "OpenSSL digest failed");
	for (k = 0; k < n; k++) {
		r->used |= 1u << batch[k].e.pcr;
		r->violations += batch[k].violation;
	}
	for (i = 0; i < IV_NBANKS; i++)
		if (r->cfg.banks >> i & 1)
			r->pcrs.have[i] = r->used;
	r->entries += (long long)n;
	r->pending = NULL;
	return rc;
}

int iv_replay_batch(struct iv_replay *r, const struct iv_batch_entry *batch,
		    size_t n, struct iv_error *err)
{
	int rc = iv_replay_submit(r, batch, n, err);

	return rc ? rc : iv_replay_finish(r, err);
}
