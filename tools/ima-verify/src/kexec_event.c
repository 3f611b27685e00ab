// SPDX-License-Identifier: GPL-2.0-only
/* Boundary event texts: split into key=value pairs, then typed. */
#include <stdio.h>
#include <string.h>

#include "kexec_event.h"

enum iv_kx_kind iv_kexec_event_kind(const char *name, size_t len)
{
	static const struct { const char *name; enum iv_kx_kind kind; } k[] = {
		{ "kexec_load", IV_KX_LOAD },
		{ "kexec_execute", IV_KX_EXECUTE },
		{ "kexec_restored", IV_KX_RESTORED },
		{ "kexec_restore_failed", IV_KX_RESTORE_FAILED },
	};
	size_t i;

	for (i = 0; name && i < sizeof(k) / sizeof(k[0]); i++)
		if (strlen(k[i].name) == len && !memcmp(k[i].name, name, len))
			return k[i].kind;
	return IV_KX_NONE;
}

const char *iv_kexec_kind_name(enum iv_kx_kind kind)
{
	switch (kind) {
	case IV_KX_LOAD: return "kexec_load";
	case IV_KX_EXECUTE: return "kexec_execute";
	case IV_KX_RESTORED: return "kexec_restored";
	case IV_KX_RESTORE_FAILED: return "kexec_restore_failed";
	default: return "none";
	}
}

const char *iv_kexec_form_name(enum iv_kx_form form)
{
	switch (form) {
	case IV_KX_MAINLINE: return "mainline";
	case IV_KX_SERIES: return "series";
	default: return "old";
	}
}

/* One key=value pair as offsets into the text. */
struct pair {
	size_t key, key_len, val, val_len;
};

struct parser {
	const char *t;
	size_t len;
	char *why;
	size_t why_size;
	struct iv_kexec_event *ev;
	unsigned int seen;	/* bit per known key of this kind */
};

static int bad(struct parser *p, size_t at, const char *what)
{
	snprintf(p->why, p->why_size, "%s text, byte %zu: %s",
		 iv_kexec_kind_name(p->ev->kind), at, what);
	return -1;
}

static bool key_is(const struct parser *p, const struct pair *kv,
		   const char *key)
{
	return kv->key_len == strlen(key) &&
	       !memcmp(p->t + kv->key, key, kv->key_len);
}

static int number(struct parser *p, const struct pair *kv,
		  unsigned long long max, unsigned long long *out)
{
	unsigned long long v = 0;
	size_t i;

	if (!kv->val_len)
		return bad(p, kv->val, "empty number");
	for (i = 0; i < kv->val_len; i++) {
		char c = p->t[kv->val + i];

		if (c < '0' || c > '9')
			return bad(p, kv->val + i, "not a decimal digit");
		if (v > (max - (unsigned long long)(c - '0')) / 10)
			return bad(p, kv->val, "number out of range");
		v = v * 10 + (unsigned long long)(c - '0');
	}
	*out = v;
	return 0;
}

static int error_number(struct parser *p, const struct pair *kv)
{
	struct pair digits = *kv;
	unsigned long long v;
	bool neg = kv->val_len && p->t[kv->val] == '-';

	if (neg) {
		digits.val++;
		digits.val_len--;
	}
	if (number(p, &digits, 2147483647ull, &v))
		return -1;
	p->ev->error = neg ? -(int)v : (int)v;
	p->ev->has_error = true;
	return 0;
}

static int hex32(struct parser *p, const struct pair *kv, uint8_t *out)
{
	size_t i;
	int hi, lo;

	if (kv->val_len != 64)
		return bad(p, kv->val, "kernel_sha256 is not 64 hex digits");
	for (i = 0; i < 64; i += 2) {
		hi = p->t[kv->val + i];
		lo = p->t[kv->val + i + 1];
		hi = hi >= '0' && hi <= '9' ? hi - '0' :
		     hi >= 'a' && hi <= 'f' ? hi - 'a' + 10 : -1;
		lo = lo >= '0' && lo <= '9' ? lo - '0' :
		     lo >= 'a' && lo <= 'f' ? lo - 'a' + 10 : -1;
		if (hi < 0 || lo < 0)
			return bad(p, kv->val + i, "not a lower-case hex digit");
		out[i / 2] = (uint8_t)(hi << 4 | lo);
	}
	return 0;
}

static void copy_value(const struct parser *p, const struct pair *kv,
		       char *dst, size_t size)
{
	size_t n = kv->val_len < size - 1 ? kv->val_len : size - 1;

	memcpy(dst, p->t + kv->val, n);
	dst[n] = '\0';
}

/* The known keys, in the order of the bits in parser.seen. */
enum key {
	K_HOP, K_SEGMENT_SIZE, K_BINARY_SIZE, K_COUNT, K_RESTORED_ENTRIES,
	K_SEGMENT, K_FORMAT, K_ERROR, K_REASON, K_ENTRIES, K_LIST_BYTES,
	K_SEGMENT_BYTES, K_KERNEL, K_RESTORE_US, K_HANDOVER, K_UNKNOWN,
};

static const char *const key_names[] = {
	"hop", "kexec_segment_size", "ima_binary_runtime_size",
	"ima_runtime_measurements_count", "restored_entries", "segment_size",
	"format", "error", "reason", "entries", "list_bytes",
	"segment_bytes", "kernel_sha256", "restore_us", "handover_size",
};

static enum key which(const struct parser *p, const struct pair *kv)
{
	int k;

	for (k = 0; k < K_UNKNOWN; k++)
		if (key_is(p, kv, key_names[k]))
			return (enum key)k;
	return K_UNKNOWN;
}

#define KEY(k) (1u << (k))

/*
 * The keys each kind knows (others count as unknown) and those it must
 * carry, per text style: [0] the landed series' space-separated text,
 * [1] the key=value; text of mainline and of the series now.
 */
struct key_set {
	unsigned int known, required;
};

static const struct key_set *key_set(enum iv_kx_kind kind, bool semicolons)
{
	static const struct key_set sets[2][3] = {
		{
			{ KEY(K_HOP) | KEY(K_ENTRIES) | KEY(K_LIST_BYTES) |
			  KEY(K_SEGMENT_BYTES) | KEY(K_KERNEL),
			  KEY(K_HOP) | KEY(K_ENTRIES) | KEY(K_LIST_BYTES) |
			  KEY(K_SEGMENT_BYTES) | KEY(K_KERNEL) },
			{ KEY(K_HOP) | KEY(K_ENTRIES) | KEY(K_SEGMENT_BYTES) |
			  KEY(K_RESTORE_US),
			  KEY(K_HOP) | KEY(K_ENTRIES) | KEY(K_SEGMENT_BYTES) },
			{ KEY(K_HOP) | KEY(K_ERROR) | KEY(K_SEGMENT_BYTES) |
			  KEY(K_REASON),
			  KEY(K_ERROR) | KEY(K_REASON) },
		}, {
			{ KEY(K_HOP) | KEY(K_SEGMENT_SIZE) | KEY(K_BINARY_SIZE) |
			  KEY(K_COUNT) | KEY(K_HANDOVER),
			  KEY(K_SEGMENT_SIZE) | KEY(K_BINARY_SIZE) | KEY(K_COUNT) },
			/* the 7.2 series restores version 1 headers, which name no hop */
			{ KEY(K_HOP) | KEY(K_RESTORED_ENTRIES) | KEY(K_SEGMENT) |
			  KEY(K_FORMAT),
			  KEY(K_RESTORED_ENTRIES) | KEY(K_SEGMENT) },
			{ KEY(K_HOP) | KEY(K_ERROR) | KEY(K_SEGMENT) |
			  KEY(K_REASON),
			  KEY(K_ERROR) | KEY(K_SEGMENT) | KEY(K_REASON) },
		},
	};
	int i = kind == IV_KX_LOAD || kind == IV_KX_EXECUTE ? 0 :
		kind == IV_KX_RESTORED ? 1 : 2;

	return &sets[semicolons][i];
}

static int take(struct parser *p, const struct pair *kv, bool semicolons)
{
	struct iv_kexec_event *ev = p->ev;
	enum key k = which(p, kv);
	unsigned long long v;
	size_t i;

	if (k == K_UNKNOWN || !(key_set(ev->kind, semicolons)->known >> k & 1)) {
		ev->unknown_keys++;
		return 0;
	}
	if (p->seen >> k & 1)
		return bad(p, kv->key, "key given twice");
	p->seen |= 1u << k;
	switch (k) {
	case K_HOP:
		if (number(p, kv, 4294967295ull, &v))
			return -1;
		ev->hop = (uint32_t)v;
		ev->has_hop = true;
		return 0;
	case K_ERROR:
		return error_number(p, kv);
	case K_KERNEL:
		ev->has_kernel = true;
		return hex32(p, kv, ev->kernel_sha256);
	case K_FORMAT:
		if (!kv->val_len || kv->val_len >= IV_KX_FORMAT_MAX)
			return bad(p, kv->val, "format is empty or too long");
		for (i = 0; i < kv->val_len; i++) {
			char c = p->t[kv->val + i];

			if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') &&
			    c != '+' && c != '.' && c != '_' && c != '-')
				return bad(p, kv->val + i,
					   "format has a character other than [a-z0-9+._-]");
		}
		copy_value(p, kv, ev->format, sizeof(ev->format));
		return 0;
	case K_REASON:
		if (!kv->val_len)
			return bad(p, kv->val, "empty reason");
		copy_value(p, kv, ev->reason, sizeof(ev->reason));
		return 0;
	default:
		break;
	}
	if (number(p, kv, ~0ull, &v))
		return -1;
	switch (k) {
	case K_SEGMENT_SIZE:
	case K_SEGMENT:
	case K_SEGMENT_BYTES:
		ev->segment = v;
		ev->has_segment = true;
		break;
	case K_BINARY_SIZE:
		ev->bytes_checkable = true;
		/* fall through */
	case K_LIST_BYTES:
		ev->bytes = v;
		ev->has_bytes = true;
		break;
	case K_RESTORE_US:
		ev->restore_us = v;
		ev->has_restore_us = true;
		break;
	case K_HANDOVER:
		ev->handover = v;
		ev->has_handover = true;
		break;
	default:	/* counts */
		ev->count = v;
		ev->has_count = true;
		break;
	}
	return 0;
}

/* A key: [a-z0-9_]+ then '='. */
static int read_key(struct parser *p, size_t *pos, struct pair *kv)
{
	size_t i = *pos;
	char c;

	kv->key = i;
	while (i < p->len) {
		c = p->t[i];
		if (c == '=')
			break;
		if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') &&
		    c != '_')
			return bad(p, i, "expected a key of [a-z0-9_] and '='");
		i++;
	}
	if (i == p->len)
		return bad(p, i, "key without '=' at the end of the text");
	if (i == kv->key)
		return bad(p, i, "empty key");
	kv->key_len = i - kv->key;
	*pos = i + 1;
	return 0;
}

/* "key=value;" ... with nothing after the last ';'. */
static int parse_semicolons(struct parser *p)
{
	static const enum key mainline[] = {
		K_SEGMENT_SIZE, K_BINARY_SIZE, K_COUNT
	};
	bool load = p->ev->kind == IV_KX_LOAD || p->ev->kind == IV_KX_EXECUTE;
	struct pair kv;
	size_t pos = 0, n = 0;
	const char *end;

	while (pos < p->len) {
		if (read_key(p, &pos, &kv))
			return -1;
		end = memchr(p->t + pos, ';', p->len - pos);
		if (!end)
			return bad(p, pos, "value without a closing ';'");
		kv.val = pos;
		kv.val_len = (size_t)(end - (p->t + pos));
		if (load && n < 3 && which(p, &kv) != mainline[n])
			return bad(p, kv.key,
				   n == 0 ? "expected kexec_segment_size= first" :
				   n == 1 ? "expected ima_binary_runtime_size= second" :
				   "expected ima_runtime_measurements_count= third");
		if (take(p, &kv, true))
			return -1;
		pos = kv.val + kv.val_len + 1;
		n++;
	}
	if (load)
		p->ev->form = p->ev->has_hop ? IV_KX_SERIES : IV_KX_MAINLINE;
	else
		p->ev->form = IV_KX_SERIES;
	return 0;
}

/* "key=value key=value"; a reason takes the rest of the text. */
static int parse_spaces(struct parser *p)
{
	bool failed = p->ev->kind == IV_KX_RESTORE_FAILED;
	struct pair kv;
	size_t pos = 0;
	const char *end;

	p->ev->form = IV_KX_OLD;
	for (;;) {
		if (read_key(p, &pos, &kv))
			return -1;
		kv.val = pos;
		if (failed && key_is(p, &kv, "reason")) {
			kv.val_len = p->len - pos;
			return take(p, &kv, false);
		}
		end = memchr(p->t + pos, ' ', p->len - pos);
		kv.val_len = end ? (size_t)(end - (p->t + pos)) : p->len - pos;
		if (take(p, &kv, false))
			return -1;
		if (!end)
			return 0;
		pos = kv.val + kv.val_len + 1;
		if (pos == p->len)
			return bad(p, pos - 1, "trailing space");
	}
}

static int require(struct parser *p, unsigned int keys)
{
	int k;

	for (k = 0; k < K_UNKNOWN; k++)
		if ((keys >> k & 1) && !(p->seen >> k & 1)) {
			snprintf(p->why, p->why_size, "%s text: no %s= key",
				 iv_kexec_kind_name(p->ev->kind), key_names[k]);
			return -1;
		}
	return 0;
}

int iv_kexec_event_parse(enum iv_kx_kind kind, const uint8_t *text,
			 size_t len, struct iv_kexec_event *out, char *why,
			 size_t why_size)
{
	struct parser p = { (const char *)text, len, why, why_size, out, 0 };
	bool semicolons;
	size_t i;

	memset(out, 0, sizeof(*out));
	out->kind = kind;
	why[0] = '\0';
	if (kind == IV_KX_NONE)
		return bad(&p, 0, "not a boundary event");
	if (!len)
		return bad(&p, 0, "empty text");
	for (i = 0; i < len; i++)
		if (text[i] < 0x20 || text[i] > 0x7e)
			return bad(&p, i, text[i] ? "non-printable byte" :
					  "NUL byte");
	/* The first value's terminator tells the styles apart. */
	for (i = 0; i < len && text[i] != ';' && text[i] != ' '; i++)
		;
	semicolons = i < len && text[i] == ';';
	if (semicolons ? parse_semicolons(&p) : parse_spaces(&p))
		return -1;
	return require(&p, key_set(kind, semicolons)->required);
}
