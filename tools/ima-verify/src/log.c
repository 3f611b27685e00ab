// SPDX-License-Identifier: GPL-2.0-only
/*
 * Entry layout (security/integrity/ima/ima_fs.c, ima_measurements_show):
 *   u32 pcr | digest[bank size] | u32 name_len | name |
 *   u32 data_len (absent for the 'ima' template) | template data
 * Integers are in the writer's native order, or little-endian when booted
 * with ima_canonical_fmt.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "bank.h"
#include "log.h"

#define IV_LOG_CHUNK (1u << 20)

static int log_init(struct iv_log *log, const char *label,
		    unsigned int digest_len, int order, struct iv_error *err)
{
	log->order = order;
	log->digest_len = digest_len;
	log->max_data = IV_DEFAULT_MAX_DATA;
	log->chunk = IV_LOG_CHUNK;
	snprintf(log->path, sizeof(log->path), "%s", label);
	return IV_OK;
}

int iv_log_open_stream(struct iv_log *log, FILE *file, const char *label,
		       unsigned int digest_len, int order, struct iv_error *err)
{
	memset(log, 0, sizeof(*log));
	log->file = file;
	return log_init(log, label, digest_len, order, err);
}

/*
 * A regular file is mapped whole: its entries then stay where they are, so
 * nothing is copied to parse or replay them.  Pipes, and securityfs files
 * (size 0, generated as they are read), are read in chunks.
 */
static void log_map(struct iv_log *log)
{
	struct stat st;
	void *map;

	if (fstat(fileno(log->file), &st) || !S_ISREG(st.st_mode) ||
	    st.st_size <= 0 || (uintmax_t)st.st_size > SIZE_MAX)
		return;
	map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE,
		   fileno(log->file), 0);
	if (map == MAP_FAILED)
		return;
	madvise(map, (size_t)st.st_size, MADV_SEQUENTIAL);
	log->map = map;
	log->map_len = (size_t)st.st_size;
	log->buf = map;
	log->cap = log->len = log->map_len;
	log->eof = true;
}

int iv_log_open(struct iv_log *log, const char *path, unsigned int digest_len,
		int order, struct iv_error *err)
{
	FILE *f = fopen(path, "rb");

	if (!f)
		return iv_fail(err, IV_ERR_NOINPUT, -1, -1, "%s: %s", path,
			       strerror(errno));
	if (iv_log_open_stream(log, f, path, digest_len, order, err)) {
		fclose(f);
		return err->status;
	}
	log->own_file = true;
	log_map(log);
	return IV_OK;
}

void iv_log_close(struct iv_log *log)
{
	if (log->own_file && log->file)
		fclose(log->file);
	if (log->map)
		munmap(log->map, log->map_len);
	else
		free(log->buf);
	memset(log, 0, sizeof(*log));
}

long long iv_log_offset(const struct iv_log *log)
{
	return log->base_offset + (long long)log->pos;
}

int iv_log_seek(struct iv_log *log, long long offset, long long index,
		struct iv_error *err)
{
	long long skip = offset;
	uint8_t drop[4096];
	size_t n;

	if (log->map) {
		if (offset < 0 || (unsigned long long)offset > log->map_len)
			return iv_fail(err, IV_ERR_MALFORMED_LOG, index,
				       (long long)log->map_len,
				       "%s: list is shorter than the saved offset %lld",
				       log->path, offset);
		log->base_offset = 0;
		log->pos = log->held = (size_t)offset;
		log->next_index = index;
		return IV_OK;
	}
	if (fseeko(log->file, offset, SEEK_SET) != 0) {
		/* Pipes cannot seek: read and drop the prefix instead. */
		while (skip > 0) {
			n = fread(drop, 1, skip > (long long)sizeof(drop) ?
				  sizeof(drop) : (size_t)skip, log->file);
			if (n == 0)
				return iv_fail(err, IV_ERR_MALFORMED_LOG, index,
					       offset - skip,
					       "%s: list is shorter than the saved offset %lld",
					       log->path, offset);
			skip -= (long long)n;
		}
	}
	log->base_offset = offset;
	log->next_index = index;
	log->len = log->pos = log->held = 0;
	log->eof = false;
	return IV_OK;
}

void iv_log_release(struct iv_log *log)
{
	log->held = 0;
}

/* Make at least need bytes available at the cursor, if the file has them. */
static int log_fill(struct iv_log *log, size_t need, bool *again,
		    struct iv_error *err)
{
	size_t n;
	uint8_t *bigger;

	*again = false;
	if (!log->buf) {
		log->buf = iv_malloc_populated(log->chunk);
		if (!log->buf)
			return iv_fail(err, IV_ERR_INTERNAL, -1, -1,
				       "out of memory");
		log->cap = log->chunk;
	}
	while (log->len - log->pos < need && !log->eof) {
		if (log->pos + need > log->cap) {
			if (log->held) {
				*again = true;
				return IV_OK;
			}
			/* Compact: drop consumed bytes. */
			memmove(log->buf, log->buf + log->pos,
				log->len - log->pos);
			log->base_offset += (long long)log->pos;
			log->len -= log->pos;
			log->pos = 0;
		}
		if (need > log->cap) {
			bigger = realloc(log->buf, need + log->chunk);
			if (!bigger)
				return iv_fail(err, IV_ERR_INTERNAL, -1, -1,
					       "out of memory");
			log->buf = bigger;
			log->cap = need + log->chunk;
		}
		n = fread(log->buf + log->len, 1, log->cap - log->len,
			  log->file);
		if (n == 0) {
			if (ferror(log->file))
				return iv_fail(err, IV_ERR_NOINPUT, -1,
					       iv_log_offset(log),
					       "%s: read error", log->path);
			log->eof = true;
		}
		log->len += n;
	}
	return IV_OK;
}

static bool plausible_header(const uint8_t *p, unsigned int digest_len,
			     bool big_endian)
{
	uint32_t pcr = iv_get_u32(p, big_endian);
	uint32_t name_len = iv_get_u32(p + 4 + digest_len, big_endian);

	return pcr < IV_NPCRS && name_len > 0 &&
	       name_len <= IV_TEMPLATE_NAME_MAX;
}

static int detect_order(struct iv_log *log, const uint8_t *p,
			long long offset, struct iv_error *err)
{
	bool host_big = iv_host_is_big_endian();

	/* Prefer the host's order when both readings are plausible. */
	if (plausible_header(p, log->digest_len, host_big))
		log->order = host_big ? IV_ORDER_BIG : IV_ORDER_LITTLE;
	else if (plausible_header(p, log->digest_len, !host_big))
		log->order = host_big ? IV_ORDER_LITTLE : IV_ORDER_BIG;
	else
		return iv_fail(err, IV_ERR_MALFORMED_LOG, log->next_index,
			       offset,
			       "%s: cannot detect byte order: PCR index / template name length implausible in both orders (wrong --bank size?)",
			       log->path);
	return IV_OK;
}

static int truncated(struct iv_log *log, long long offset, const char *what,
		     struct iv_error *err)
{
	return iv_fail(err, IV_ERR_MALFORMED_LOG, log->next_index, offset,
		       "%s: truncated entry: %s runs past the end of the list (%lld bytes)",
		       log->path, what, log->base_offset + (long long)log->len);
}

/*
 * Make need bytes at the cursor available.  True when the caller must
 * return *rc: an error, or IV_OK with *res set (AGAIN, or END when the list
 * ends cleanly here and may_end).
 */
static bool need_bytes(struct iv_log *log, size_t need, const char *what,
		       bool may_end, enum iv_log_result *res, int *rc,
		       struct iv_error *err)
{
	bool again;

	*rc = log_fill(log, need, &again, err);
	if (*rc)
		return true;
	if (again) {
		*res = IV_LOG_AGAIN;
		return true;
	}
	if (may_end && log->len == log->pos) {
		*res = IV_LOG_END;
		return true;
	}
	if (log->len - log->pos < need) {
		*rc = truncated(log, iv_log_offset(log), what, err);
		return true;
	}
	return false;
}

int iv_log_peek(struct iv_log *log, struct iv_log_entry *e,
		enum iv_log_result *res, struct iv_error *err)
{
	size_t head = 4 + log->digest_len + 4, need;
	long long off = iv_log_offset(log);
	bool big;
	const uint8_t *p;
	uint32_t i;
	int rc;

	if (need_bytes(log, head, "entry header", true, res, &rc, err))
		return rc;

	p = log->buf + log->pos;
	if (log->order == IV_ORDER_AUTO && detect_order(log, p, off, err))
		return err->status;
	big = log->order == IV_ORDER_BIG;

	memset(e, 0, sizeof(*e));
	e->index = log->next_index;
	e->offset = off;
	e->big_endian = big;
	e->pcr = iv_get_u32(p, big);
	e->digest_len = log->digest_len;
	e->name_len = iv_get_u32(p + 4 + log->digest_len, big);
	if (e->pcr >= IV_NPCRS)
		return iv_fail(err, IV_ERR_MALFORMED_LOG, e->index, off,
			       "%s: PCR index %u out of range 0-%d",
			       log->path, e->pcr, IV_NPCRS - 1);
	if (e->name_len == 0 || e->name_len > IV_TEMPLATE_NAME_MAX)
		return iv_fail(err, IV_ERR_MALFORMED_LOG, e->index,
			       off + 4 + log->digest_len,
			       "%s: template name length %u out of range 1-%d",
			       log->path, e->name_len, IV_TEMPLATE_NAME_MAX);

	/* Name plus the u32 that follows it (data length or 'ima' d field). */
	need = head + e->name_len + 4;
	if (need_bytes(log, need, "template name", false, res, &rc, err))
		return rc;
	p = log->buf + log->pos;
	e->name = (const char *)p + head;
	/* Names repeat: check each new one once. */
	if (e->name_len != log->checked_len ||
	    memcmp(e->name, log->checked_name, e->name_len) != 0) {
		for (i = 0; i < e->name_len; i++)
			if (e->name[i] < 0x21 || e->name[i] > 0x7e)
				return iv_fail(err, IV_ERR_MALFORMED_LOG,
					       e->index,
					       off + (long long)head + i,
					       "%s: template name has non-printable byte 0x%02x",
					       log->path, (uint8_t)e->name[i]);
		memcpy(log->checked_name, e->name, e->name_len);
		log->checked_len = e->name_len;
	}

	e->legacy_ima = e->name_len == 3 && memcmp(e->name, "ima", 3) == 0;
	if (e->legacy_ima) {
		/* d: 20 bytes without a length, then n: u32 length + name. */
		need = head + e->name_len + IV_LEGACY_DIGEST_LEN + 4;
		if (need_bytes(log, need, "'ima' template digest", false, res,
			       &rc, err))
			return rc;
		p = log->buf + log->pos;
		e->data_offset = off + (long long)(head + e->name_len);
		i = iv_get_u32(p + need - 4, big);
		if (i > IV_LEGACY_NAME_MAX)
			return iv_fail(err, IV_ERR_MALFORMED_LOG, e->index,
				       off + (long long)need - 4,
				       "%s: 'ima' template file name length %u exceeds %d",
				       log->path, i, IV_LEGACY_NAME_MAX);
		e->data_len = IV_LEGACY_DIGEST_LEN + 4 + i;
	} else {
		e->data_offset = off + (long long)(head + e->name_len + 4);
		e->data_len = iv_get_u32(p + head + e->name_len, big);
		if (e->data_len > log->max_data)
			return iv_fail(err, IV_ERR_MALFORMED_LOG, e->index,
				       e->data_offset - 4,
				       "%s: template data length %u exceeds the limit %u",
				       log->path, e->data_len, log->max_data);
	}

	need = (size_t)(e->data_offset - off) + e->data_len;
	if (need_bytes(log, need, "template data", false, res, &rc, err))
		return rc;

	p = log->buf + log->pos;
	e->digest = p + 4;
	e->name = (const char *)p + head;
	e->data = p + (e->data_offset - off);
	*res = IV_LOG_ENTRY;
	return IV_OK;
}

void iv_log_advance(struct iv_log *log, const struct iv_log_entry *e)
{
	size_t size = (size_t)(e->data_offset - e->offset) + e->data_len;

	log->pos += size;
	log->held = log->pos;
	log->next_index++;
}

int iv_log_next(struct iv_log *log, struct iv_log_entry *e,
		enum iv_log_result *res, struct iv_error *err)
{
	int rc = iv_log_peek(log, e, res, err);

	if (rc == IV_OK && *res == IV_LOG_ENTRY)
		iv_log_advance(log, e);
	return rc;
}
