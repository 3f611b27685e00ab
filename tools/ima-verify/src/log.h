/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Streaming reader for binary_runtime_measurements{,_<bank>}.
 *
 * Entries point into the reader's buffer and stay valid until
 * iv_log_release(): that lets the caller hash a batch of entries in
 * parallel without copying, while memory stays bounded by the batch.
 */
#ifndef IV_LOG_H
#define IV_LOG_H

#include <stdio.h>
#include "util.h"

enum iv_byte_order { IV_ORDER_AUTO, IV_ORDER_LITTLE, IV_ORDER_BIG };

#define IV_TEMPLATE_NAME_MAX 255
#define IV_DEFAULT_MAX_DATA (16u << 20)
#define IV_LEGACY_DIGEST_LEN 20	/* 'ima' template: SHA-1 'd' field */
#define IV_LEGACY_NAME_MAX 255	/* IMA_EVENT_NAME_LEN_MAX */

struct iv_log_entry {
	long long index;
	long long offset;	/* of the entry's first byte in its list */
	uint32_t pcr;
	const uint8_t *digest;
	unsigned int digest_len;
	const char *name;	/* template name, not NUL-terminated */
	uint32_t name_len;
	const uint8_t *data;	/* template data exactly as in the list */
	uint32_t data_len;
	long long data_offset;
	bool legacy_ima;	/* 'ima' template: fixed-size fields */
	bool big_endian;
};

enum iv_log_result { IV_LOG_ENTRY, IV_LOG_END, IV_LOG_AGAIN };

struct iv_log {
	FILE *file;
	bool own_file;
	char path[256];
	int order;		/* resolved from AUTO at the first entry */
	unsigned int digest_len;
	uint32_t max_data;
	size_t chunk;		/* read size; buffer allocated at first read */
	uint8_t *map;		/* a regular file, mapped whole; or NULL */
	size_t map_len;
	uint8_t *buf;		/* map, or the chunks read so far */
	size_t cap, len, pos;
	size_t held;		/* bytes of buf handed out and not released */
	long long base_offset;	/* list offset of buf[0] */
	long long next_index;
	bool eof;
	char checked_name[IV_TEMPLATE_NAME_MAX];	/* last name validated */
	uint32_t checked_len;
};

/* digest_len is the list's bank size (20 for the plain/_sha1 list). */
int iv_log_open(struct iv_log *log, const char *path, unsigned int digest_len,
		int order, struct iv_error *err);
/* Same over an open stream (not closed by iv_log_close). */
int iv_log_open_stream(struct iv_log *log, FILE *file, const char *label,
		       unsigned int digest_len, int order,
		       struct iv_error *err);
void iv_log_close(struct iv_log *log);

/* Start at byte offset / entry index (incremental verification). */
int iv_log_seek(struct iv_log *log, long long offset, long long index,
		struct iv_error *err);

/*
 * Parse the entry at the cursor without consuming it.  IV_LOG_AGAIN means
 * more data is needed but held entries pin the buffer: release first.
 */
int iv_log_peek(struct iv_log *log, struct iv_log_entry *e,
		enum iv_log_result *res, struct iv_error *err);
void iv_log_advance(struct iv_log *log, const struct iv_log_entry *e);
/* Peek and advance in one step. */
int iv_log_next(struct iv_log *log, struct iv_log_entry *e,
		enum iv_log_result *res, struct iv_error *err);
/* Entries returned so far may be overwritten from now on. */
void iv_log_release(struct iv_log *log);

long long iv_log_offset(const struct iv_log *log);

#endif
