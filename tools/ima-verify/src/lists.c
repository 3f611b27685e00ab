// SPDX-License-Identifier: GPL-2.0-only
#include <stdlib.h>
#include <string.h>

#include "lists.h"

#define IV_ARENA (1u << 20)	/* IV_BATCH entries of ~250 bytes */


void iv_lists_close(struct iv_list_set *ls)
{
	int i;

	for (i = 0; i < ls->n; i++)
		iv_log_close(&ls->logs[i]);
}

int iv_lists_open(struct iv_list_set *ls, const struct iv_path_arg *lists,
		  int nlists, int byte_order, uint32_t max_data,
		  const struct iv_state *st, struct iv_error *e)
{
	int i, bank;

	memset(ls, 0, sizeof(*ls));
	for (i = 0; i < nlists; i++) {
		bank = lists[i].bank < 0 ? IV_SHA1 : lists[i].bank;
		if (iv_log_open(&ls->logs[i], lists[i].path,
				iv_bank_info(bank)->size, byte_order, e))
			return e->status;
		ls->logs[i].max_data = max_data;
		ls->bank[i] = bank;
		ls->n++;
		ls->mapped = i ? ls->mapped && ls->logs[i].map :
				 ls->logs[i].map != NULL;
		if (!st)
			continue;
		if (st->offset[bank] < 0)
			return iv_fail(e, IV_ERR_USAGE, -1, -1,
				       "saved state has no offset for the %s list",
				       iv_bank_info(bank)->name);
		if (iv_log_seek(&ls->logs[i], st->offset[bank], st->entries, e))
			return e->status;
	}
	return IV_OK;
}

/* Every secondary list must hold the same entry as the primary. */
static int same_entry(const struct iv_log_entry *a, const char *apath,
		      const struct iv_log_entry *b, const char *bpath,
		      struct iv_error *e)
{
	const char *what = NULL;

	if (a->pcr != b->pcr)
		what = "PCR index";
	else if (a->name_len != b->name_len ||
		 memcmp(a->name, b->name, a->name_len))
		what = "template name";
	else if (a->data_len != b->data_len ||
		 memcmp(a->data, b->data, a->data_len))
		what = "template data";
	else if (iv_all_bytes(a->digest, a->digest_len, 0) !=
		 iv_all_bytes(b->digest, b->digest_len, 0))
		what = "violation flag (all-zero digest)";
	if (!what)
		return IV_OK;
	return iv_fail(e, IV_ERR_BANK_LISTS, b->index, b->offset,
		       "%s differs between %s (offset %lld) and %s", what,
		       apath, a->offset, bpath);
}


int iv_batch_init(struct iv_batch *b)
{
	memset(b, 0, sizeof(*b));
	b->e = iv_malloc_populated(sizeof(*b->e) * IV_BATCH);
	return b->e ? 0 : -1;
}

void iv_batch_free(struct iv_batch *b)
{
	free(b->e);
	free(b->arena);
}

/* Room for need more bytes; the arena may move only while empty. */
static bool batch_room(struct iv_batch *b, size_t need)
{
	uint8_t *bigger;

	if (b->used + need <= b->cap)
		return true;
	if (!b->arena) {
		/* Only lists read in chunks need one. */
		b->cap = need > IV_ARENA ? need : IV_ARENA;
		b->arena = iv_malloc_populated(b->cap);
		return b->arena != NULL;
	}
	if (b->n)
		return false;
	bigger = realloc(b->arena, need);
	if (!bigger)
		return false;
	b->arena = bigger;
	b->cap = need;
	return true;
}

/* Entry e of the mapped lists, where it is. */
static void batch_add_mapped(struct iv_batch *b, const struct iv_list_set *ls,
			     const struct iv_log_entry *first,
			     const struct iv_log_entry *other)
{
	struct iv_batch_entry *be = &b->e[b->n++];
	int i;

	memset(be->list_digest, 0, sizeof(be->list_digest));
	be->e = *first;
	be->violation = iv_all_bytes(first->digest, first->digest_len, 0);
	be->list_digest[ls->bank[0]] = first->digest;
	for (i = 1; i < ls->n; i++)
		be->list_digest[ls->bank[i]] = other[i].digest;
}

/* Copy entry e (primary) and the secondary digests into the batch. */
static void batch_add(struct iv_batch *b, const struct iv_list_set *ls,
		      const struct iv_log_entry *first,
		      const struct iv_log_entry *other)
{
	struct iv_batch_entry *be = &b->e[b->n++];
	const uint8_t *start = first->digest - 4;
	size_t len = (size_t)(first->data_offset - first->offset) +
		     first->data_len;
	uint8_t *copy = b->arena + b->used;
	int i;

	memcpy(copy, start, len);
	b->used += len;
	memset(be->list_digest, 0, sizeof(be->list_digest));
	be->e = *first;
	be->e.digest = copy + 4;
	be->e.name = (const char *)copy + ((const uint8_t *)first->name - start);
	be->e.data = copy + (first->data - start);
	be->violation = iv_all_bytes(first->digest, first->digest_len, 0);
	be->list_digest[ls->bank[0]] = be->e.digest;
	for (i = 1; i < ls->n; i++) {
		memcpy(b->arena + b->used, other[i].digest,
		       other[i].digest_len);
		be->list_digest[ls->bank[i]] = b->arena + b->used;
		b->used += other[i].digest_len;
	}
}

/* Read the next batch in lockstep; *done at the end of every list. */
int iv_lists_read_batch(struct iv_list_set *ls, struct iv_batch *b,
			bool *done, struct iv_chain *chain,
			struct iv_error *e)
{
	struct iv_log_entry first, other[IV_MAX_LISTS];
	enum iv_log_result res;
	struct iv_event ev;
	size_t need;
	int i, rc;

	*done = false;
	b->n = 0;
	b->used = 0;
	while (b->n < IV_BATCH) {
		rc = iv_log_peek(&ls->logs[0], &first, &res, e);
		if (rc)
			return rc;
		if (res == IV_LOG_AGAIN)
			break;
		need = 0;
		for (i = 1; i < ls->n; i++) {
			enum iv_log_result r2;

			rc = iv_log_peek(&ls->logs[i], &other[i], &r2, e);
			if (rc)
				return rc;
			if (r2 == IV_LOG_AGAIN) {
				res = IV_LOG_AGAIN;
				break;
			}
			if ((r2 == IV_LOG_END) != (res == IV_LOG_END))
				return iv_fail(e, IV_ERR_BANK_LISTS,
					       ls->logs[0].next_index,
					       iv_log_offset(&ls->logs[i]),
					       "%s ends at entry %lld while %s has more entries",
					       r2 == IV_LOG_END ?
					       ls->logs[i].path : ls->logs[0].path,
					       ls->logs[0].next_index,
					       r2 == IV_LOG_END ?
					       ls->logs[0].path : ls->logs[i].path);
			if (r2 == IV_LOG_ENTRY &&
			    same_entry(&first, ls->logs[0].path, &other[i],
				       ls->logs[i].path, e))
				return e->status;
			need += other[i].digest_len;
		}
		if (res == IV_LOG_AGAIN)
			break;
		if (res == IV_LOG_END) {
			*done = true;
			break;
		}
		need += (size_t)(first.data_offset - first.offset) +
			first.data_len;
		if (!ls->mapped && !batch_room(b, need)) {
			if (!b->n)
				return iv_fail(e, IV_ERR_INTERNAL, -1, -1,
					       "out of memory");
			break;
		}
		if (iv_template_parse(&first, &ev, e))
			return e->status;
		if (iv_chain_add(chain, &first, &ev, e))
			return e->status;
		if (ls->mapped)
			batch_add_mapped(b, ls, &first, other);
		else
			batch_add(b, ls, &first, other);
		/*
		 * The batch has the entry (a copy, or the mapping stays): the
		 * lists may move on under it, so batches end only when full.
		 */
		for (i = 0; i < ls->n; i++) {
			iv_log_advance(&ls->logs[i], i ? &other[i] : &first);
			iv_log_release(&ls->logs[i]);
		}
	}
	if (!b->n && !*done)
		return iv_fail(e, IV_ERR_INTERNAL, -1, -1,
			       "list reader made no progress");
	return IV_OK;
}

