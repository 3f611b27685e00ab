/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Template descriptors and field-by-field parsing of template data, plus
 * the template digest over the raw bytes (never over re-serialised fields).
 */
#ifndef IV_TEMPLATE_H
#define IV_TEMPLATE_H

#include <string.h>

#include "hash.h"
#include "log.h"

enum iv_field_id {
	IV_F_D, IV_F_N, IV_F_D_NG, IV_F_D_NGV2, IV_F_N_NG, IV_F_SIG, IV_F_BUF,
	IV_F_D_MODSIG, IV_F_MODSIG, IV_F_EVMSIG, IV_F_XATTRNAMES,
	IV_F_XATTRLENGTHS, IV_F_XATTRVALUES, IV_F_IUID, IV_F_IGID,
	IV_F_IMODE, IV_F_UNKNOWN
};

#define IV_MAX_FIELDS 15	/* IMA_TEMPLATE_NUM_FIELDS_MAX */

struct iv_field {
	int id;
	const uint8_t *data;	/* field payload, after its u32 length */
	uint32_t len;
	long long offset;	/* list offset of the payload */
};

/* What an entry says, as views into the entry's raw bytes. */
struct iv_event {
	int nfields;
	struct iv_field fields[IV_MAX_FIELDS];	/* keep before the views */
	bool known_template;	/* built-in name or a fmt of known fields */
	int builtin;		/* iv_template_builtin() of the name, or -1 */
	const char *file_name;	/* n / n-ng without the trailing NUL */
	uint32_t file_name_len;
	const char *digest_type; /* d-ngv2 "ima" / "verity" */
	uint32_t digest_type_len;
	const char *digest_algo; /* d-ng / d-ngv2 prefix, e.g. "sha256" */
	uint32_t digest_algo_len;
	const uint8_t *file_digest;
	uint32_t file_digest_len;
	const uint8_t *buf;	/* ima-buf payload */
	uint32_t buf_len;
	bool has_buf;
	char note[160];		/* unknown field / template, for the report */
};

/* The kernel's builtin templates, "ima" first. */
#define IV_BUILTIN_TEMPLATES 8

/* Index of the builtin template called name, or -1. */
int iv_template_builtin(const char *name, size_t len);

/*
 * A kernel restores an entry listed under a custom format equal to a
 * builtin's (lookup_template_desc() matches either) under the builtin's
 * name: the bytes its list shows are this many fewer than the sender's.
 * 0 for "ima", whose layout differs, and for an index out of range.
 */
size_t iv_template_rename_delta(int builtin_index);

/* Field ids of a template name or fmt ("d-ng|n-ng|sig").  -1 if unknown. */
int iv_template_fields(const char *name, size_t len, int *ids, int max);
const char *iv_field_name(int id);

/*
 * Split e's template data into fields and validate each.  Malformed data of
 * a known template is an error naming the field and offset; an unknown
 * template is only noted in ev->note.
 */
int iv_template_parse(const struct iv_log_entry *e, struct iv_event *ev,
		      struct iv_error *err);

/*
 * Template digest of e in the bank md (ima_calc_field_array_hash): the
 * template data bytes as listed; for the 'ima' template the 20-byte digest
 * and the name zero-padded to 256 bytes, without length prefixes.
 */
int iv_template_digest(struct iv_hasher *h, int bank,
		       const struct iv_log_entry *e, uint8_t *out);

/* Inline: called per entry with literals, whose strlen the compiler folds. */
static inline bool iv_event_name_starts(const struct iv_event *ev,
					const char *prefix)
{
	size_t n = strlen(prefix);

	return ev->file_name && ev->file_name_len >= n &&
	       memcmp(ev->file_name, prefix, n) == 0;
}

static inline bool iv_event_name_is(const struct iv_event *ev,
				    const char *name)
{
	return iv_event_name_starts(ev, name) &&
	       ev->file_name_len == strlen(name);
}

#endif
