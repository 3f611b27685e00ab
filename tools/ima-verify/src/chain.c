// SPDX-License-Identifier: GPL-2.0-only
#include <stdlib.h>
#include <string.h>

#include "chain.h"

int iv_chain_init(struct iv_chain *c, int first_boot_number,
		  long long first_entry)
{
	memset(c, 0, sizeof(*c));
	c->first_unknown = -1;
	/* Boot -1 / first_boot_number - 1 holds entries before any aggregate. */
	c->boots = calloc(4, sizeof(*c->boots));
	if (!c->boots)
		return -1;
	c->cap = 4;
	c->nboots = 1;
	c->boots[0].number = first_boot_number;
	c->boots[0].first = first_entry;
	c->boots[0].aggregate_index = -1;
	c->start = first_entry;
	return iv_chain_add_base(c, first_entry);
}

int iv_chain_add_base(struct iv_chain *c, long long index)
{
	struct iv_base *bases;

	if (c->nbases && c->bases[c->nbases - 1].index == index)
		return 0;
	bases = iv_grow(c->bases, c->nbases, sizeof(*bases));
	if (!bases)
		return -1;
	c->bases = bases;
	bases[c->nbases].index = index;
	bases[c->nbases].bytes = c->bytes;
	memcpy(bases[c->nbases].builtin_before, c->builtin_records,
	       sizeof(c->builtin_records));
	c->nbases++;
	return 0;
}

/*
 * ima_add_digest_entry: pcr, a SHA-1-sized digest, name length, name,
 * data length, template data (for 'ima', fields with their lengths and
 * the NUL of the name: 5 bytes more than listed).
 */
unsigned long long iv_chain_record_bytes(const struct iv_log_entry *e)
{
	return 4 + 20 + 4 + (unsigned long long)e->name_len + 4 +
	       e->data_len + (e->legacy_ima ? 5 : 0);
}

char *iv_escape(const uint8_t *buf, size_t len, size_t max)
{
	size_t i, n = 0, cap = (len > max ? max : len) * 4 + 4;
	char *out = malloc(cap);

	if (!out)
		return NULL;
	for (i = 0; i < len && i < max; i++) {
		if (buf[i] >= 0x20 && buf[i] < 0x7f && buf[i] != '\\')
			out[n++] = (char)buf[i];
		else
			n += (size_t)snprintf(out + n, cap - n, "\\x%02x",
					      buf[i]);
	}
	if (len > max)
		n += (size_t)snprintf(out + n, cap - n, "...");
	out[n] = '\0';
	return out;
}

static void copy_text(char *dst, size_t size, const char *src, size_t len)
{
	if (len >= size)
		len = size - 1;
	memcpy(dst, src, len);
	dst[len] = '\0';
}

/* Runs for every file measurement: copy only what is there. */
static void file_ref(struct iv_file_ref *r, const struct iv_log_entry *e,
		     const struct iv_event *ev)
{
	r->present = true;
	r->index = e->index;
	copy_text(r->name, sizeof(r->name), ev->file_name, ev->file_name_len);
	if (ev->digest_algo)
		copy_text(r->algo, sizeof(r->algo), ev->digest_algo,
			  ev->digest_algo_len);
	else
		copy_text(r->algo, sizeof(r->algo), "sha1", 4);
	r->digest_len = ev->file_digest_len > IV_MAX_DIGEST ? IV_MAX_DIGEST :
			ev->file_digest_len;
	if (ev->file_digest)
		memcpy(r->digest, ev->file_digest, r->digest_len);
}

static struct iv_boot *new_boot(struct iv_chain *c, long long first)
{
	struct iv_boot *b, *bigger;

	if (c->nboots == c->cap) {
		bigger = realloc(c->boots, sizeof(*b) * (size_t)c->cap * 2);
		if (!bigger)
			return NULL;
		c->boots = bigger;
		c->cap *= 2;
	}
	b = &c->boots[c->nboots];
	memset(b, 0, sizeof(*b));
	b->number = c->boots[c->nboots - 1].number + 1;
	b->first = first;
	b->aggregate_index = -1;
	c->nboots++;
	c->nrecent = 0;
	return b;
}

static int add_load(struct iv_boot *b, struct iv_chain *c,
		    const struct iv_log_entry *e, const struct iv_event *ev)
{
	struct iv_kexec_load *loads = iv_grow(b->loads, b->nloads,
					      sizeof(*loads)), *l;

	if (!loads)
		return -1;
	b->loads = loads;
	l = &loads[b->nloads++];
	memset(l, 0, sizeof(*l));
	l->index = e->index;
	if (c->nrecent >= 2) {
		l->kernel = c->recent[c->nrecent & 1];	/* the older */
		l->initramfs = c->recent[(c->nrecent + 1) & 1];
	} else if (c->nrecent == 1) {
		l->kernel = c->recent[0];
	}
	l->cmdline = iv_escape(ev->buf, ev->buf_len, 4096);
	c->nrecent = 0;
	return l->cmdline ? 0 : -1;
}

static int add_boundary(struct iv_chain *c, struct iv_boot *b,
			const struct iv_log_entry *e, const struct iv_event *ev,
			enum iv_kx_kind kind)
{
	struct iv_boundary *x;

	if (b->nevents == IV_MAX_BOOT_EVENTS) {
		x = &b->events[b->nevents - 1];
		b->dropped_events++;
		if (x->malformed)
			c->nmalformed--;
	} else {
		x = iv_grow(b->events, b->nevents, sizeof(*x));
		if (!x)
			return -1;
		b->events = x;
		x = &x[b->nevents++];
	}
	memset(x, 0, sizeof(*x));
	x->index = e->index;
	x->offset = e->offset;
	x->bytes_before = c->bytes;
	memcpy(x->builtin_before, c->builtin_records,
	       sizeof(c->builtin_records));
	c->nevents++;
	if (iv_kexec_event_parse(kind, ev->buf, ev->buf_len, &x->ev, x->why,
				 sizeof(x->why))) {
		x->malformed = true;
		c->nmalformed++;
	}
	return 0;
}

static int add_marker(struct iv_boot *b, const struct iv_log_entry *e,
		      const struct iv_event *ev)
{
	struct iv_marker *m = iv_grow(b->markers, b->nmarkers, sizeof(*m));

	if (!m)
		return -1;
	b->markers = m;
	m = &m[b->nmarkers++];
	m->index = e->index;
	copy_text(m->name, sizeof(m->name), ev->file_name, ev->file_name_len);
	m->text = iv_escape(ev->buf, ev->buf_len, 256);
	return m->text ? 0 : -1;
}

int iv_chain_add(struct iv_chain *c, const struct iv_log_entry *e,
		 const struct iv_event *ev, struct iv_error *err)
{
	enum iv_kx_kind kind = IV_KX_NONE;
	bool aggregate, late;
	struct iv_boot *b;
	int rc = 0;

	if (!c->boots)
		return iv_fail(err, IV_ERR_INTERNAL, -1, -1, "out of memory");
	b = &c->boots[c->nboots - 1];
	late = iv_event_name_is(ev, "boot_aggregate_late");
	aggregate = late || iv_event_name_is(ev, "boot_aggregate");
	if (!c->seen_first) {
		c->seen_first = true;
		c->starts_inside_boot = !aggregate && !c->resumed;
	}
	if (ev->has_buf)
		kind = iv_kexec_event_kind(ev->file_name, ev->file_name_len);
	if (aggregate) {
		/* A boot_aggregate opens a boot, except at the very start. */
		if (b->count || b->aggregate_index >= 0)
			b = new_boot(c, e->index);
		if (!b)
			return iv_fail(err, IV_ERR_INTERNAL, -1, -1,
				       "out of memory");
		b->aggregate_index = e->index;
		snprintf(b->aggregate_algo, sizeof(b->aggregate_algo), "sha1");
		if (ev->digest_algo)
			copy_text(b->aggregate_algo, sizeof(b->aggregate_algo),
				  ev->digest_algo, ev->digest_algo_len);
		b->aggregate_len = ev->file_digest_len > IV_MAX_DIGEST ?
				   IV_MAX_DIGEST : ev->file_digest_len;
		memcpy(b->aggregate, ev->file_digest, b->aggregate_len);
		b->aggregate_outcome = IV_AGG_UNCHECKED;
		b->late = late;
	} else if (kind != IV_KX_NONE) {
		rc = add_boundary(c, b, e, ev, kind);
	} else if (iv_event_name_is(ev, "kexec-cmdline")) {
		/* Without a buf field (policy template) the text is unknown. */
		rc = add_load(b, c, e, ev);
	} else if (iv_event_name_starts(ev, "ima_kexec")) {
		rc = add_marker(b, e, ev);
	} else if (!ev->has_buf && ev->file_name && ev->file_digest) {
		/* A ring of the last two, overwriting the older one. */
		file_ref(&c->recent[c->nrecent++ & 1], e, ev);
	}
	if (rc)
		return iv_fail(err, IV_ERR_INTERNAL, -1, -1, "out of memory");
	if (!ev->known_template || ev->note[0]) {
		if (c->first_unknown < 0) {
			c->first_unknown = e->index;
			snprintf(c->first_unknown_note,
				 sizeof(c->first_unknown_note), "%s",
				 ev->note);
		}
		c->unknown_entries++;
	}
	b->count++;
	c->bytes += iv_chain_record_bytes(e);
	if (ev->builtin >= 0)
		c->builtin_records[ev->builtin]++;
	return IV_OK;
}

void iv_chain_check_aggregates(struct iv_chain *c,
			       const struct iv_pcr_values *v)
{
	uint8_t want[IV_MAX_DIGEST];
	struct iv_hasher h = { 0 };
	struct iv_boot *b;
	int i, p, bank, last;
	unsigned int size;
	bool ok;

	for (i = 0; i < c->nboots; i++) {
		b = &c->boots[i];
		if (b->aggregate_index < 0)
			continue;
		if (iv_all_bytes(b->aggregate, b->aggregate_len, 0)) {
			b->aggregate_outcome = IV_AGG_NO_TPM;
			continue;
		}
		bank = iv_bank_by_kernel_algo(b->aggregate_algo,
					      strlen(b->aggregate_algo));
		if (bank < 0 || !iv_hash_available(bank))
			continue;
		size = iv_bank_info(bank)->size;
		/* ima_calc_boot_aggregate: PCRs 0-7, plus 8-9 unless SHA-1. */
		last = bank == IV_SHA1 ? 7 : 9;
		if (!v || (v->have[bank] & ((2u << last) - 1)) !=
			  ((2u << last) - 1))
			continue;
		ok = !iv_hash_start(&h, bank);
		for (p = 0; ok && p <= last; p++)
			ok = !iv_hash_update(&h, v->value[bank][p], size);
		if (!ok || iv_hash_finish(&h, want))
			continue;	/* left unchecked */
		b->aggregate_outcome = size == b->aggregate_len &&
				       !memcmp(want, b->aggregate, size) ?
				       IV_AGG_MATCH : IV_AGG_MISMATCH;
	}
	iv_hasher_free(&h);
}

void iv_chain_free(struct iv_chain *c)
{
	int i, j;

	for (i = 0; i < c->nboots; i++) {
		for (j = 0; j < c->boots[i].nloads; j++)
			free(c->boots[i].loads[j].cmdline);
		for (j = 0; j < c->boots[i].nmarkers; j++)
			free(c->boots[i].markers[j].text);
		free(c->boots[i].loads);
		free(c->boots[i].markers);
		free(c->boots[i].events);
	}
	free(c->boots);
	free(c->bases);
	memset(c, 0, sizeof(*c));
}
