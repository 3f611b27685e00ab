// SPDX-License-Identifier: GPL-2.0-only
#include <stddef.h>
#include <string.h>

#include "bank.h"
#include "template.h"

static const char *const field_names[] = {
	[IV_F_D] = "d", [IV_F_N] = "n", [IV_F_D_NG] = "d-ng",
	[IV_F_D_NGV2] = "d-ngv2", [IV_F_N_NG] = "n-ng", [IV_F_SIG] = "sig",
	[IV_F_BUF] = "buf", [IV_F_D_MODSIG] = "d-modsig",
	[IV_F_MODSIG] = "modsig", [IV_F_EVMSIG] = "evmsig",
	[IV_F_XATTRNAMES] = "xattrnames", [IV_F_XATTRLENGTHS] = "xattrlengths",
	[IV_F_XATTRVALUES] = "xattrvalues", [IV_F_IUID] = "iuid",
	[IV_F_IGID] = "igid", [IV_F_IMODE] = "imode",
	[IV_F_UNKNOWN] = "?",
};

/* security/integrity/ima/ima_template.c builtin_templates[] */
static const struct {
	const char *name;
	const char *fmt;
} builtin[] = {
	{ "ima", "d|n" },
	{ "ima-ng", "d-ng|n-ng" },
	{ "ima-sig", "d-ng|n-ng|sig" },
	{ "ima-ngv2", "d-ngv2|n-ng" },
	{ "ima-sigv2", "d-ngv2|n-ng|sig" },
	{ "ima-buf", "d-ng|n-ng|buf" },
	{ "ima-modsig", "d-ng|n-ng|sig|d-modsig|modsig" },
	{ "evm-sig",
	  "d-ng|n-ng|evmsig|xattrnames|xattrlengths|xattrvalues|iuid|igid|imode" },
};
_Static_assert(sizeof(builtin) / sizeof(builtin[0]) == IV_BUILTIN_TEMPLATES,
	       "IV_BUILTIN_TEMPLATES");

int iv_template_builtin(const char *name, size_t len)
{
	int i;

	for (i = 0; i < IV_BUILTIN_TEMPLATES; i++)
		if (strlen(builtin[i].name) == len &&
		    memcmp(builtin[i].name, name, len) == 0)
			return i;
	return -1;
}

size_t iv_template_rename_delta(int builtin_index)
{
	/* "d|n" comes back as the legacy "ima", written in another layout */
	if (builtin_index <= 0 || builtin_index >= IV_BUILTIN_TEMPLATES)
		return 0;
	return strlen(builtin[builtin_index].fmt) -
	       strlen(builtin[builtin_index].name);
}

const char *iv_field_name(int id)
{
	if (id < 0 || id > IV_F_UNKNOWN)
		return "?";
	return field_names[id];
}

static int field_by_name(const char *s, size_t len)
{
	int i;

	for (i = 0; i < IV_F_UNKNOWN; i++)
		if (strlen(field_names[i]) == len &&
		    memcmp(field_names[i], s, len) == 0)
			return i;
	return -1;
}

/* Split "a|b|c" into field ids; -1 when any id is unknown or too many. */
static int parse_fmt(const char *fmt, size_t len, int *ids, int max)
{
	size_t start = 0, i;
	int n = 0, id;

	for (i = 0; i <= len; i++) {
		if (i < len && fmt[i] != '|')
			continue;
		if (n == max)
			return -1;
		id = field_by_name(fmt + start, i - start);
		if (id < 0)
			return -1;
		ids[n++] = id;
		start = i + 1;
	}
	return n;
}

/* i: the builtin template called name, or -1 */
static int lookup_fields(int i, const char *name, size_t len, int *ids,
			 int max)
{
	if (i >= 0)
		return parse_fmt(builtin[i].fmt, strlen(builtin[i].fmt), ids,
				 max);
	/* A custom ima_template_fmt is listed under its fmt string. */
	return parse_fmt(name, len, ids, max);
}

/* Lists repeat one or two template names: remember the last lookup. */
static _Thread_local struct {
	char name[IV_TEMPLATE_NAME_MAX + 1];
	size_t len;
	int n, ids[IV_MAX_FIELDS];
	int builtin;
} last;

int iv_template_fields(const char *name, size_t len, int *ids, int max)
{
	if (len > IV_TEMPLATE_NAME_MAX || max > IV_MAX_FIELDS)
		return lookup_fields(iv_template_builtin(name, len), name, len,
				     ids, max);
	if (len != last.len || memcmp(name, last.name, len) != 0) {
		last.builtin = iv_template_builtin(name, len);
		last.n = lookup_fields(last.builtin, name, len, last.ids,
				       IV_MAX_FIELDS);
		memcpy(last.name, name, len);
		last.len = len;
	}
	if (last.n > max)
		return -1;
	if (last.n > 0)
		memcpy(ids, last.ids, sizeof(int) * (size_t)last.n);
	return last.n;
}

static int bad_field(const struct iv_log_entry *e, const struct iv_field *f,
		     struct iv_error *err, const char *what)
{
	return iv_fail(err, IV_ERR_MALFORMED_LOG, e->index, f->offset,
		       "template %.*s field '%s' (%u bytes): %s",
		       (int)e->name_len, e->name, iv_field_name(f->id), f->len,
		       what);
}

/* "<algo>:\0<digest>" (d-ng) or "<type>:<algo>:\0<digest>" (d-ngv2). */
static int parse_digest_ng(const struct iv_log_entry *e,
			   const struct iv_field *f, struct iv_event *ev,
			   struct iv_error *err)
{
	const char *s = (const char *)f->data, *colon;
	const uint8_t *nul = memchr(f->data, '\0', f->len);
	size_t prefix;
	unsigned int want;

	if (!nul)
		return bad_field(e, f, err, "no NUL after the algorithm prefix");
	prefix = (size_t)(nul - f->data);
	if (prefix < 2 || s[prefix - 1] != ':')
		return bad_field(e, f, err, "algorithm prefix does not end in ':'");
	if (f->id == IV_F_D_NGV2) {
		colon = memchr(s, ':', prefix - 1);
		if (!colon)
			return bad_field(e, f, err,
					 "d-ngv2 prefix lacks '<type>:'");
		ev->digest_type = s;
		ev->digest_type_len = (uint32_t)(colon - s);
		s = colon + 1;
		prefix -= (size_t)(colon + 1 - (const char *)f->data);
	}
	ev->digest_algo = s;
	ev->digest_algo_len = (uint32_t)(prefix - 1);
	ev->file_digest = nul + 1;
	ev->file_digest_len = f->len - (uint32_t)(nul + 1 - f->data);
	want = iv_kernel_algo_size(ev->digest_algo, ev->digest_algo_len);
	if (want && want != ev->file_digest_len)
		return bad_field(e, f, err,
				 "digest length does not match its algorithm");
	return IV_OK;
}

static int check_field(const struct iv_log_entry *e, const struct iv_field *f,
		       struct iv_event *ev, struct iv_error *err)
{
	switch (f->id) {
	case IV_F_D:
		ev->file_digest = f->data;
		ev->file_digest_len = f->len;
		return IV_OK;
	case IV_F_D_NG:
	case IV_F_D_NGV2:
		return parse_digest_ng(e, f, ev, err);
	case IV_F_D_MODSIG:
		/* Empty when the file had no appended signature. */
		if (f->len == 0)
			return IV_OK;
		if (!memchr(f->data, '\0', f->len))
			return bad_field(e, f, err, "no NUL after the prefix");
		return IV_OK;
	case IV_F_N:
	case IV_F_N_NG:
		if (e->legacy_ima) {
			ev->file_name = (const char *)f->data;
			ev->file_name_len = f->len;
			return IV_OK;
		}
		if (f->len == 0 || f->data[f->len - 1] != '\0')
			return bad_field(e, f, err,
					 "event name is not NUL-terminated");
		ev->file_name = (const char *)f->data;
		ev->file_name_len = f->len - 1;
		return IV_OK;
	case IV_F_BUF:
		ev->buf = f->data;
		ev->buf_len = f->len;
		ev->has_buf = true;
		return IV_OK;
	case IV_F_IUID:
	case IV_F_IGID:
	case IV_F_IMODE:
		if (f->len != 0 && f->len != 1 && f->len != 2 && f->len != 4 &&
		    f->len != 8)
			return bad_field(e, f, err,
					 "integer field is not 0/1/2/4/8 bytes");
		return IV_OK;
	default:
		return IV_OK;
	}
}

static int parse_legacy(const struct iv_log_entry *e, struct iv_event *ev,
			struct iv_error *err)
{
	ev->known_template = true;
	ev->nfields = 2;
	ev->fields[0] = (struct iv_field){ IV_F_D, e->data,
					   IV_LEGACY_DIGEST_LEN,
					   e->data_offset };
	ev->fields[1] = (struct iv_field){
		IV_F_N, e->data + IV_LEGACY_DIGEST_LEN + 4,
		e->data_len - IV_LEGACY_DIGEST_LEN - 4,
		e->data_offset + IV_LEGACY_DIGEST_LEN + 4 };
	if (check_field(e, &ev->fields[0], ev, err) ||
	    check_field(e, &ev->fields[1], ev, err))
		return err->status;
	return IV_OK;
}

int iv_template_parse(const struct iv_log_entry *e, struct iv_event *ev,
		      struct iv_error *err)
{
	int ids[IV_MAX_FIELDS], nids, i;
	uint32_t pos = 0, len;
	struct iv_field *f;

	/* Clear the views, not the field array or the note: runs per entry. */
	memset(ev, 0, offsetof(struct iv_event, fields));
	memset((char *)ev + offsetof(struct iv_event, known_template), 0,
	       offsetof(struct iv_event, note) -
	       offsetof(struct iv_event, known_template));
	ev->note[0] = '\0';
	ev->builtin = -1;
	if (e->legacy_ima)
		return parse_legacy(e, ev, err);

	nids = iv_template_fields(e->name, e->name_len, ids, IV_MAX_FIELDS);
	if (e->name_len <= IV_TEMPLATE_NAME_MAX)
		ev->builtin = last.builtin;	/* the lookup just made */
	ev->known_template = nids > 0;
	if (!ev->known_template)
		snprintf(ev->note, sizeof(ev->note),
			 "unknown template '%.*s': fields not interpreted",
			 (int)e->name_len, e->name);

	/* Every non-legacy field is u32 length + payload. */
	for (i = 0; pos < e->data_len; i++) {
		if (i == IV_MAX_FIELDS ||
		    (ev->known_template && i == nids))
			return iv_fail(err, IV_ERR_MALFORMED_LOG, e->index,
				       e->data_offset + pos,
				       "template %.*s: %u bytes of template data left after %d fields",
				       (int)e->name_len, e->name,
				       e->data_len - pos, i);
		if (e->data_len - pos < 4)
			return iv_fail(err, IV_ERR_MALFORMED_LOG, e->index,
				       e->data_offset + pos,
				       "template %.*s: field %d length runs past the template data (%u bytes)",
				       (int)e->name_len, e->name, i,
				       e->data_len);
		len = iv_get_u32(e->data + pos, e->big_endian);
		if (len > e->data_len - pos - 4)
			return iv_fail(err, IV_ERR_MALFORMED_LOG, e->index,
				       e->data_offset + pos,
				       "template %.*s: field %d ('%s') length %u overflows the template data (%u bytes left)",
				       (int)e->name_len, e->name, i,
				       ev->known_template ?
				       iv_field_name(ids[i]) : "?", len,
				       e->data_len - pos - 4);
		f = &ev->fields[i];
		f->id = ev->known_template ? ids[i] : IV_F_UNKNOWN;
		f->data = e->data + pos + 4;
		f->len = len;
		f->offset = e->data_offset + pos + 4;
		pos += 4 + len;
		if (check_field(e, f, ev, err))
			return err->status;
	}
	ev->nfields = i;
	if (ev->known_template && i != nids)
		return iv_fail(err, IV_ERR_MALFORMED_LOG, e->index,
			       e->data_offset + pos,
			       "template %.*s: template data ends after %d of %d fields",
			       (int)e->name_len, e->name, i, nids);
	return IV_OK;
}

int iv_template_digest(struct iv_hasher *h, int bank,
		       const struct iv_log_entry *e, uint8_t *out)
{
	static const uint8_t zeros[IV_LEGACY_NAME_MAX + 1];
	uint32_t name_len;

	if (!e->legacy_ima)
		return iv_hash2(h, bank, e->data, e->data_len, NULL, 0, out);

	/* The name as listed, then the zeros that pad it to 256 bytes. */
	name_len = e->data_len - IV_LEGACY_DIGEST_LEN - 4;
	if (iv_hash_start(h, bank) ||
	    iv_hash_update(h, e->data, IV_LEGACY_DIGEST_LEN) ||
	    iv_hash_update(h, e->data + IV_LEGACY_DIGEST_LEN + 4, name_len) ||
	    iv_hash_update(h, zeros, sizeof(zeros) - name_len))
		return -1;
	return iv_hash_finish(h, out);
}
