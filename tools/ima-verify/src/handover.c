// SPDX-License-Identifier: GPL-2.0-only
/* Hand-over by hand-over: what each boot's boundary events say, checked. */
#include <string.h>

#include "handover.h"

const char *iv_entered_name(enum iv_entered e)
{
	switch (e) {
	case IV_ENTERED_COLD: return "cold-boot";
	case IV_ENTERED_HANDOVER: return "hand-over";
	default: return "unknown";
	}
}

const char *iv_restore_name(enum iv_restore_outcome r)
{
	switch (r) {
	case IV_RESTORE_OK: return "restored";
	case IV_RESTORE_FAILED: return "failed";
	default: return "no-event";
	}
}

static const struct iv_boundary *first_of(const struct iv_boot *b,
					  enum iv_kx_kind k1,
					  enum iv_kx_kind k2)
{
	int i;

	for (i = 0; i < b->nevents; i++)
		if (!b->events[i].malformed &&
		    (b->events[i].ev.kind == k1 || b->events[i].ev.kind == k2))
			return &b->events[i];
	return NULL;
}

static const struct iv_boundary *last_of(const struct iv_boot *b,
					 enum iv_kx_kind kind)
{
	int i;

	for (i = b->nevents - 1; i >= 0; i--)
		if (!b->events[i].malformed && b->events[i].ev.kind == kind)
			return &b->events[i];
	return NULL;
}

/*
 * The base (reset or export cut) from which a kernel's list held count
 * records at index; -1 when none fits.  The latest cut is tried first.
 */
static int base_for(const struct iv_chain *c, long long index,
		    unsigned long long count)
{
	int k;

	for (k = c->nbases - 1; k >= 0; k--)
		if (c->bases[k].index <= index &&
		    (unsigned long long)(index - c->bases[k].index) == count)
			return k;
	return -1;
}

/* Counts beyond any real list: kept out of signed arithmetic. */
#define IV_COUNT_SANE (1ull << 48)

/* Boots are numbered by hand-over when the first one names its hop. */
static void number_boots(struct iv_chain *c)
{
	const struct iv_boundary *r;
	int i, shift;

	if (c->resumed)
		return;
	for (i = 0; i < c->nboots; i++) {
		if (c->boots[i].aggregate_index < 0)
			continue;
		r = first_of(&c->boots[i], IV_KX_RESTORED,
			     IV_KX_RESTORE_FAILED);
		if (!r || !r->ev.has_hop || r->ev.hop > 1000000)
			return;
		shift = (int)r->ev.hop - c->boots[i].number;
		for (i = 0; i < c->nboots; i++)
			c->boots[i].number += shift;
		return;
	}
}

static void summarise(struct iv_chain *c, int i)
{
	struct iv_boot *b = &c->boots[i];
	const struct iv_boot *prev = i ? &c->boots[i - 1] : NULL;
	struct iv_handover *ho = &b->ho;
	const struct iv_boundary *r, *px = NULL;

	memset(ho, 0, sizeof(*ho));
	ho->execute = last_of(b, IV_KX_EXECUTE);
	r = first_of(b, IV_KX_RESTORED, IV_KX_RESTORE_FAILED);
	ho->restore_event = r;
	if (prev) {
		px = prev->ho.execute;
		ho->sender_silent = !prev->nevents;
	}
	if (r) {
		ho->entered = IV_ENTERED_HANDOVER;
		ho->restore = r->ev.kind == IV_KX_RESTORED ? IV_RESTORE_OK :
			      IV_RESTORE_FAILED;
		ho->hop_known = r->ev.has_hop;
		ho->hop = r->ev.hop;
		ho->carried_known = true;
		ho->carried = r->ev.kind == IV_KX_RESTORED &&
			      r->ev.count < IV_COUNT_SANE ?
			      (long long)r->ev.count : 0;
		ho->segment_known = r->ev.has_segment;
		ho->segment = r->ev.segment;
	} else if (prev) {
		ho->entered = IV_ENTERED_HANDOVER;
	} else if (b->aggregate_index >= 0 && b->aggregate_index == c->start &&
		   !c->resumed) {
		ho->entered = IV_ENTERED_COLD;
		ho->hop_known = ho->carried_known = true;
	}
	/* What the boot before said it handed over fills the gaps. */
	if (px && !ho->hop_known && px->ev.has_hop) {
		ho->hop_known = true;
		ho->hop = px->ev.hop;
	} else if (prev && !ho->hop_known && prev->ho.hop_known) {
		ho->hop_known = true;
		ho->hop = prev->ho.hop + 1;
	}
	if (px && !ho->carried_known && px->ev.has_count &&
	    px->ev.count < IV_COUNT_SANE) {
		ho->carried_known = true;
		ho->carried = (long long)px->ev.count + 1;
	}
	if (!ho->carried_known && ho->entered == IV_ENTERED_HANDOVER &&
	    b->aggregate_index >= 0) {
		ho->carried_known = ho->carried_from_list = true;
		ho->carried = b->aggregate_index - c->bases[0].index;
	}
	if (px && !ho->segment_known && px->ev.has_segment) {
		ho->segment_known = true;
		ho->segment = px->ev.segment;
	}
}

/*
 * A sender lists an entry of a custom format under the format; a receiver
 * whose builtin template has that format restores it under the builtin's
 * name, shorter.  missing: bytes the event counts that the list lacks.
 * Explained when one builtin's renamed records make up exactly that.
 */
static bool renamed_explains(const struct iv_base *base,
			     const struct iv_boundary *x,
			     unsigned long long missing)
{
	unsigned long long records, delta;
	int i;

	for (i = 0; i < IV_BUILTIN_TEMPLATES; i++) {
		delta = iv_template_rename_delta(i);
		records = x->builtin_before[i] - base->builtin_before[i];
		if (delta && missing % delta == 0 && missing / delta <= records)
			return true;
	}
	return false;
}

/*
 * A kexec_load's count (and size) is read when its text is formed; a task
 * that measures before the event itself is added puts records between,
 * so the count may be behind the list at the event, never ahead of it.
 * Nothing is handed over at a load: those records are not lost.
 */
static bool load_count_behind(const struct iv_chain *c,
			      const struct iv_boundary *x)
{
	int k;

	if (x->ev.kind != IV_KX_LOAD)
		return false;
	for (k = c->nbases - 1; k >= 0; k--)
		if (c->bases[k].index <= x->index)
			return x->ev.count <
			       (unsigned long long)(x->index - c->bases[k].index);
	return false;
}

/* Counts and sizes of a load or execute against the list at its index. */
static void check_counts(const struct iv_chain *c, const struct iv_boot *b,
			 const struct iv_boundary *x, struct iv_verdict *v)
{
	const char *name = iv_kexec_kind_name(x->ev.kind);
	unsigned long long want;
	int k;

	if (!x->ev.has_count)
		return;
	k = base_for(c, x->index, x->ev.count);
	if (k < 0 && load_count_behind(c, x))
		return;
	if (k < 0) {
		iv_verdict_note(v, IV_ERR_HANDOVER_COUNT, x->index, x->offset,
			"boot %d: %s says %llu records before it, the list holds %lld at that point",
			b->number, name, x->ev.count,
			x->index - c->bases[0].index);
		return;
	}
	if (!x->ev.bytes_checkable || c->bytes_unknown ||
	    x->ev.bytes == ~0ull ||
	    x->ev.bytes == 0xffffffffull)
		return;
	want = IV_KEXEC_HDR_SIZE + x->bytes_before - c->bases[k].bytes;
	if (x->ev.bytes != want &&
	    !(x->ev.bytes > want &&
	      renamed_explains(&c->bases[k], x, x->ev.bytes - want)))
		iv_verdict_note(v, IV_ERR_HANDOVER_COUNT, x->index, x->offset,
			"boot %d: %s says ima_binary_runtime_size=%llu, the %llu records before it make %llu",
			b->number, name, x->ev.bytes, x->ev.count, want);
}

static void check_hops(const struct iv_boot *b, const struct iv_boot *prev,
		       struct iv_verdict *v)
{
	const struct iv_handover *ho = &b->ho;
	const struct iv_boundary *x, *px = prev ? prev->ho.execute : NULL;
	int i;

	if (ho->restore_event && ho->restore_event->ev.has_hop && px &&
	    px->ev.has_hop && px->ev.hop != ho->restore_event->ev.hop)
		iv_verdict_note(v, IV_ERR_HOP_SEQUENCE, ho->restore_event->index,
			ho->restore_event->offset,
			"boot %d: %s says hop %u, the kexec_execute of boot %d (entry %lld) said hop %u",
			b->number, iv_kexec_kind_name(ho->restore_event->ev.kind),
			ho->restore_event->ev.hop, prev->number, px->index,
			px->ev.hop);
	if (!ho->hop_known)
		return;
	for (i = 0; i < b->nevents; i++) {
		x = &b->events[i];
		if (x->malformed || !x->ev.has_hop ||
		    (x->ev.kind != IV_KX_LOAD && x->ev.kind != IV_KX_EXECUTE) ||
		    x->ev.hop == ho->hop + 1)
			continue;
		if (ho->entered == IV_ENTERED_COLD)
			iv_verdict_note(v, IV_ERR_HOP_SEQUENCE, x->index,
				x->offset,
				"boot %d (cold boot): %s says hop %u, expected 1",
				b->number, iv_kexec_kind_name(x->ev.kind),
				x->ev.hop);
		else
			iv_verdict_note(v, IV_ERR_HOP_SEQUENCE, x->index,
				x->offset,
				"boot %d (entered by hand-over %u): %s says hop %u, expected %u",
				b->number, ho->hop,
				iv_kexec_kind_name(x->ev.kind), x->ev.hop,
				ho->hop + 1);
	}
}

/*
 * The records an execute handed over: its count (every record since the
 * kernel's list began, at base k) and the event itself, less the records
 * the kernel exported and deleted before it (up to the last export cut).
 */
static unsigned long long handed_over(const struct iv_chain *c,
				      const struct iv_boundary *px, int k)
{
	int j;

	if (k < 0)
		return px->ev.count + 1;
	for (j = c->nbases - 1; j > k; j--)
		if (c->bases[j].index <= px->index)
			return (unsigned long long)(px->index + 1 -
						    c->bases[j].index);
	return px->ev.count + 1;
}

/* The boot before handed over: was it whole? */
static void check_entry(const struct iv_chain *c, const struct iv_boot *b,
			const struct iv_boot *prev, struct iv_verdict *v)
{
	const struct iv_handover *ho = &b->ho;
	const struct iv_boundary *r = ho->restore_event, *px = prev->ho.execute;
	const struct iv_boundary *load = last_of(prev, IV_KX_LOAD);
	unsigned long long carried;
	long long want;
	int k;

	if (ho->restore == IV_RESTORE_FAILED)
		return;
	if (!px) {
		if (load)
			iv_verdict_note(v, IV_ERR_HANDOVER_INCOMPLETE,
				b->aggregate_index, -1,
				"boot %d follows a kexec_load (entry %lld) with no kexec_execute before it: records measured after the load may be missing",
				b->number, load->index);
		/*
		 * A sender that measures no boundary events at all (an
		 * unpatched kernel) cannot be held to them: the restore
		 * event's count and the PCRs judge that hand-over.
		 */
		else if (r && prev->nevents)
			iv_verdict_note(v, IV_ERR_HANDOVER_INCOMPLETE, r->index,
				r->offset,
				"boot %d was restored from a hand-over, but boot %d has no kexec_execute",
				b->number, prev->number);
		return;
	}
	if (load && load->index > px->index)
		iv_verdict_note(v, IV_ERR_HANDOVER_INCOMPLETE, load->index,
			load->offset,
			"boot %d follows a kexec_load (entry %lld) made after boot %d's last kexec_execute (entry %lld): the image it jumped to was never executed in the list",
			b->number, load->index, prev->number, px->index);
	if (b->aggregate_index < 0 || !px->ev.has_count ||
	    px->ev.count >= IV_COUNT_SANE)
		return;
	/* The execute event is the last record carried. */
	k = base_for(c, px->index, px->ev.count);
	want = (k < 0 ? c->bases[0].index : c->bases[k].index) +
	       (long long)px->ev.count + 1;
	if (b->aggregate_index != want)
		iv_verdict_note(v, IV_ERR_HANDOVER_INCOMPLETE, b->aggregate_index,
			-1,
			"boot %d: the kexec_execute at entry %lld carried %llu records, but the boot_aggregate is record %lld of the list: %lld record(s) %s",
			b->number, px->index, px->ev.count + 1,
			b->aggregate_index - c->bases[0].index,
			b->aggregate_index > want ? b->aggregate_index - want :
			want - b->aggregate_index,
			b->aggregate_index > want ?
			"more than were handed over" :
			"missing between the copy and the jump");
	if (!r || r->ev.kind != IV_KX_RESTORED || !r->ev.has_count)
		return;
	carried = handed_over(c, px, k);
	if (r->ev.count != carried)
		iv_verdict_note(v, IV_ERR_HANDOVER_INCOMPLETE, r->index,
			r->offset,
			"boot %d: kexec_restored says %llu records restored, the kexec_execute at entry %lld handed over %llu",
			b->number, r->ev.count, px->index, carried);
}

static void check_restore(const struct iv_chain *c, const struct iv_boot *b,
			  struct iv_verdict *v)
{
	const struct iv_boundary *r = b->ho.restore_event;

	if (!r)
		return;
	if (r->ev.kind == IV_KX_RESTORE_FAILED) {
		if (r->ev.has_hop)
			iv_verdict_note(v, IV_ERR_RESTORE_FAILED, r->index,
				r->offset,
				"history before boot %d lost: %s (kexec_restore_failed at hand-over %u, error %d)",
				b->number, r->ev.reason, r->ev.hop,
				r->ev.error);
		else
			iv_verdict_note(v, IV_ERR_RESTORE_FAILED, r->index,
				r->offset,
				"history before boot %d lost: %s (kexec_restore_failed, hop unknown, error %d)",
				b->number, r->ev.reason, r->ev.error);
		return;
	}
	if (r->ev.has_count && b->aggregate_index >= 0 &&
	    base_for(c, b->aggregate_index, r->ev.count) < 0)
		iv_verdict_note(v, IV_ERR_HANDOVER_INCOMPLETE, r->index, r->offset,
			"boot %d: kexec_restored says %llu records restored, but %lld records precede its boot_aggregate",
			b->number, r->ev.count,
			b->aggregate_index - c->bases[0].index);
}

/* A PCR mismatch that missing earlier records explain. */
static void check_start(const struct iv_chain *c, bool explained,
			struct iv_verdict *v)
{
	const struct iv_boot *b = &c->boots[0];

	if (c->resumed || !c->seen_first)
		return;
	if (c->starts_inside_boot)
		iv_verdict_note(v, IV_ERR_RECORDS_MISSING, c->start, -1,
			"the %s does not start at a boot_aggregate: records before it are missing (exported and deleted, or a hand-over lost); give the exported parts in order with --exported",
			c->parts ? "first exported part" : "list");
	else if (b->ho.entered == IV_ENTERED_COLD && !explained)
		iv_verdict_note(v, IV_ERR_PCR_MISMATCH, b->aggregate_index, -1,
			"the list starts at a boot_aggregate but does not replay from zero: if boot %d was entered by kexec, earlier records are missing (a hand-over that carried nothing, or records exported before it)",
			b->number);
}

void iv_judge_handovers(struct iv_chain *c, bool pcr_mismatch,
			struct iv_verdict *v)
{
	const struct iv_boundary *x;
	bool failed = false;
	int i, j, before = v->nfindings + v->dropped_findings;

	number_boots(c);
	for (i = 0; i < c->nboots; i++)
		summarise(c, i);
	for (i = 0; i < c->nboots; i++) {
		const struct iv_boot *b = &c->boots[i];

		for (j = 0; j < b->nevents; j++) {
			x = &b->events[j];
			if (x->malformed)
				iv_verdict_note(v, IV_ERR_BOUNDARY_EVENT, x->index,
					x->offset, "boot %d: malformed %s",
					b->number, x->why);
			else if (x->ev.kind == IV_KX_LOAD ||
				 x->ev.kind == IV_KX_EXECUTE)
				check_counts(c, b, x, v);
		}
		failed |= b->ho.restore == IV_RESTORE_FAILED;
		check_restore(c, b, v);
		if (i)
			check_entry(c, b, &c->boots[i - 1], v);
		check_hops(b, i ? &c->boots[i - 1] : NULL, v);
	}
	/* A restore failure explains the mismatch; other findings may. */
	if (pcr_mismatch && !failed)
		check_start(c, v->nfindings + v->dropped_findings > before, v);
}
