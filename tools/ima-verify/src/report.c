// SPDX-License-Identifier: GPL-2.0-only
#include <inttypes.h>
#include <string.h>

#include <json-c/json.h>

#include "handover.h"
#include "report.h"

static const char *pcr_outcome_name(enum iv_pcr_outcome o)
{
	switch (o) {
	case IV_PCR_MATCH: return "match";
	case IV_PCR_MATCH_PREFIX: return "match-prefix";
	case IV_PCR_MISMATCH: return "mismatch";
	default: return "no-evidence";
	}
}

static const char *aggregate_name(enum iv_aggregate_outcome o)
{
	switch (o) {
	case IV_AGG_UNCHECKED: return "unchecked";
	case IV_AGG_NO_TPM: return "no-tpm";
	case IV_AGG_MATCH: return "match";
	case IV_AGG_MISMATCH: return "mismatch";
	default: return "absent";
	}
}

static const char *check_name(int status)
{
	return status == IV_CHECK_NOT_RUN ? "not-run" :
	       status == IV_OK ? "ok" : iv_status_name(status);
}

static const char *order_name(int order)
{
	return order == IV_ORDER_BIG ? "big-endian" :
	       order == IV_ORDER_LITTLE ? "little-endian" : "unknown";
}

static void bank_list(const struct iv_result *r, char *out, size_t size)
{
	size_t n = 0;
	int b;

	out[0] = '\0';
	for (b = 0; b < IV_NBANKS && n < size; b++)
		if (r->replay.cfg.banks >> b & 1)
			n += (size_t)snprintf(out + n, size - n, "%s%s",
					      n ? " " : "",
					      iv_bank_info(b)->name);
}

static void file_ref_text(FILE *out, const char *what,
			  const struct iv_file_ref *f)
{
	char hex[2 * IV_MAX_DIGEST + 1];

	if (!f->present)
		return;
	iv_hex(f->digest, f->digest_len, hex);
	fprintf(out, "      %-9s %s %s:%s (entry %lld)\n", what, f->name,
		f->algo, hex, f->index);
}

static void boundary_text(FILE *out, const struct iv_boundary *x)
{
	const struct iv_kexec_event *ev = &x->ev;
	char hex[65];

	fprintf(out, "    %s at entry %lld", iv_kexec_kind_name(ev->kind),
		x->index);
	if (x->malformed) {
		fprintf(out, ": malformed: %s\n", x->why);
		return;
	}
	fprintf(out, " (%s form)", iv_kexec_form_name(ev->form));
	if (ev->has_hop)
		fprintf(out, ", hop %u", ev->hop);
	if (ev->has_count)
		fprintf(out, ", %llu %s", ev->count,
			ev->kind == IV_KX_RESTORED ? "records restored" :
			"records before");
	if (ev->has_bytes)
		fprintf(out, ", %llu list bytes", ev->bytes);
	if (ev->has_segment)
		fprintf(out, ", segment %llu bytes", ev->segment);
	if (ev->format[0])
		fprintf(out, ", format %s", ev->format);
	if (ev->has_restore_us)
		fprintf(out, ", %llu us", ev->restore_us);
	if (ev->has_error)
		fprintf(out, ", error %d", ev->error);
	if (ev->reason[0])
		fprintf(out, ", reason \"%s\"", ev->reason);
	if (ev->has_kernel) {
		iv_hex(ev->kernel_sha256, 32, hex);
		fprintf(out, ", kernel sha256:%s", hex);
	}
	if (ev->unknown_keys)
		fprintf(out, ", %d unknown keys", ev->unknown_keys);
	fputc('\n', out);
}

static void entered_text(FILE *out, const struct iv_boot *b)
{
	const struct iv_handover *ho = &b->ho;

	fprintf(out, "    entered: ");
	if (ho->entered == IV_ENTERED_COLD) {
		fprintf(out, "cold boot (list from the reset)\n");
		return;
	}
	if (ho->entered == IV_ENTERED_UNKNOWN) {
		fprintf(out, "unknown (the list starts inside this boot)\n");
		return;
	}
	fprintf(out, "hand-over");
	if (ho->hop_known)
		fprintf(out, " %u", ho->hop);
	if (ho->carried_known)
		fprintf(out, ", %lld records carried%s", ho->carried,
			ho->carried_from_list ? " (the records before it)" : "");
	if (ho->segment_known)
		fprintf(out, ", segment %llu bytes", ho->segment);
	if (ho->sender_silent && b->ho.restore_event)
		fprintf(out, ", from a kernel that measures no boundary events");
	if (ho->restore == IV_RESTORE_OK)
		fprintf(out, ", restored\n");
	else if (ho->restore == IV_RESTORE_FAILED)
		fprintf(out, ", RESTORE FAILED: %s (error %d)\n",
			ho->restore_event->ev.reason,
			ho->restore_event->ev.error);
	else
		fprintf(out, ", no restore event\n");
}

/* The first 16 hex digits of a digest, or "-". */
static void short_hex(const uint8_t *d, unsigned int len, char out[17])
{
	char hex[2 * IV_MAX_DIGEST + 1];

	if (!len) {
		snprintf(out, 17, "-");
		return;
	}
	iv_hex(d, len, hex);
	snprintf(out, 17, "%.16s", hex);
}

/* One row a boot: the chain at a glance, before the details. */
static void chain_table(FILE *out, const struct iv_chain *c)
{
	char entered[40], carried[24], agg[17], kern[17];
	const struct iv_kexec_load *l;
	const struct iv_handover *ho;
	const struct iv_boot *b;
	int i;

	fprintf(out, "chain:\n  %-4s  %-14s %8s  %-9s %8s  %-16s  %-16s  %s\n",
		"boot", "entered", "carried", "restore", "entries",
		"boot_aggregate", "kexec kernel", "next cmdline");
	for (i = 0; i < c->nboots; i++) {
		b = &c->boots[i];
		ho = &b->ho;
		if (ho->entered == IV_ENTERED_HANDOVER && ho->hop_known)
			snprintf(entered, sizeof(entered), "hand-over %u",
				 ho->hop);
		else
			snprintf(entered, sizeof(entered), "%s",
				 iv_entered_name(ho->entered));
		snprintf(carried, sizeof(carried), ho->carried_known &&
			 ho->entered == IV_ENTERED_HANDOVER ? "%lld" : "-",
			 ho->carried);
		short_hex(b->aggregate, b->aggregate_index >= 0 ?
			  b->aggregate_len : 0, agg);
		l = b->nloads ? &b->loads[b->nloads - 1] : NULL;
		if (l && l->kernel.present)
			short_hex(l->kernel.digest, l->kernel.digest_len, kern);
		else if (ho->execute && ho->execute->ev.has_kernel)
			short_hex(ho->execute->ev.kernel_sha256, 32, kern);
		else
			short_hex(NULL, 0, kern);
		fprintf(out, "  %-4d  %-14s %8s  %-9s %8lld  %-16s  %-16s  %s\n",
			b->number, entered, carried,
			ho->entered == IV_ENTERED_HANDOVER ?
			iv_restore_name(ho->restore) : "-",
			b->count, agg, kern, l ? l->cmdline : "-");
	}
}

static void boots_text(FILE *out, const struct iv_chain *c)
{
	char hex[2 * IV_MAX_DIGEST + 1];
	const struct iv_boot *b;
	int i, j;

	fprintf(out, "boots: %d\n", c->nboots);
	if (c->parts)
		fprintf(out, "exported parts: %d, %lld records replayed before the list\n",
			c->parts, c->exported_entries);
	if (!c->nevents)
		fprintf(out, "hand-over events: none in the list (a policy without a CRITICAL_DATA rule, or a kernel that does not measure them): the chain is judged by the PCRs only\n");
	else
		fprintf(out, "hand-over events: %lld (%lld malformed)\n",
			c->nevents, c->nmalformed);
	for (i = 0; i < c->nboots; i++) {
		b = &c->boots[i];
		fprintf(out, "  boot %d: entries %lld-%lld (%lld)", b->number,
			b->first, b->first + b->count - 1, b->count);
		if (b->aggregate_index >= 0) {
			iv_hex(b->aggregate, b->aggregate_len, hex);
			fprintf(out, ", %s %s:%s %s\n",
				b->late ? "boot_aggregate_late" :
				"boot_aggregate", b->aggregate_algo, hex,
				aggregate_name(b->aggregate_outcome));
		} else {
			fprintf(out, ", no boot_aggregate\n");
		}
		entered_text(out, b);
		for (j = 0; j < b->nevents; j++)
			boundary_text(out, &b->events[j]);
		if (b->dropped_events)
			fprintf(out, "    (%lld more boundary events before the last one not kept or checked)\n",
				b->dropped_events);
		for (j = 0; j < b->nmarkers; j++)
			fprintf(out, "    marker %s at entry %lld: %s\n",
				b->markers[j].name, b->markers[j].index,
				b->markers[j].text);
		for (j = 0; j < b->nloads; j++) {
			fprintf(out, "    kexec load at entry %lld:\n",
				b->loads[j].index);
			file_ref_text(out, "kernel", &b->loads[j].kernel);
			file_ref_text(out, "initramfs", &b->loads[j].initramfs);
			fprintf(out, "      cmdline   \"%s\"\n",
				b->loads[j].cmdline);
		}
	}
}

static void quote_text(FILE *out, const struct iv_result *r)
{
	const TPMS_ATTEST *a = &r->inputs.quote.attest;
	char hex[2 * sizeof(a->extraData.buffer) + 1];
	int b, p;

	if (!r->inputs.have_quote) {
		fprintf(out, "quote: none\n");
		return;
	}
	fprintf(out, "quote: signature %s, nonce %s, selection %s, pcrDigest %s\n",
		check_name(r->quote_checks.signature), check_name(r->quote_checks.nonce),
		check_name(r->quote_checks.selection), check_name(r->quote_checks.digest));
	fprintf(out, "  selected:");
	for (b = 0; b < IV_NBANKS; b++) {
		if (!r->inputs.quote.selected[b])
			continue;
		fprintf(out, " %s:", iv_bank_info(b)->name);
		for (p = 0; p < IV_NPCRS; p++)
			if (r->inputs.quote.selected[b] >> p & 1)
				fprintf(out, "%d%s", p,
					r->inputs.quote.selected[b] >> (p + 1) ?
					"," : "");
	}
	iv_hex(a->extraData.buffer, a->extraData.size, hex);
	fprintf(out, "\n  nonce %s\n", hex);
	fprintf(out, "  clock %" PRIu64 " ms, resetCount %u, restartCount %u, safe %s, firmware 0x%016" PRIx64 "\n",
		a->clockInfo.clock, a->clockInfo.resetCount,
		a->clockInfo.restartCount, a->clockInfo.safe ? "yes" : "no",
		a->firmwareVersion);
}

void iv_report_text(FILE *out, const struct iv_result *r, bool verbose)
{
	char hex[2 * IV_MAX_DIGEST + 1], banks[64];
	const struct iv_pcr_result *p;
	const struct iv_finding *f;
	int i, b;

	fprintf(out, "ima-verify: %s (exit %d)\n",
		r->verdict.status == IV_OK ? "VERIFIED" : iv_status_name(r->verdict.status),
		r->verdict.status);
	if (r->list_path[0]) {
		bank_list(r, banks, sizeof(banks));
		fprintf(out, "list: %s, %lld entries (%lld this run), %s, %lld violations\n",
			r->list_path, r->replay.entries, r->entries_read,
			order_name(r->byte_order), r->replay.violations);
		fprintf(out, "banks replayed: %s\n", banks);
		fprintf(out, "template digests: %lld mismatching\n",
			r->replay.digest_mismatches);
		for (b = 0; b < IV_NBANKS; b++)
			if (r->replay.padded_digests[b])
				fprintf(out, "  %s: %lld entries carry the zero-padded SHA-1 digest (measured by a kernel without %s)\n",
					iv_bank_info(b)->name,
					r->replay.padded_digests[b],
					iv_bank_info(b)->name);
		if (r->chain.unknown_entries)
			fprintf(out, "unknown templates/fields: %lld entries, first at entry %lld: %s\n",
				r->chain.unknown_entries,
				r->chain.first_unknown,
				r->chain.first_unknown_note);
	}
	for (i = 0; i < r->pcr_checks.npcr; i++) {
		p = &r->pcr_checks.pcr[i];
		iv_hex(r->replay.pcrs.value[p->bank][p->pcr],
		       iv_bank_info(p->bank)->size, hex);
		fprintf(out, "  %-7s PCR %2d %-12s %s", iv_bank_info(p->bank)->name,
			p->pcr, pcr_outcome_name(p->outcome), hex);
		if (p->outcome == IV_PCR_MATCH_PREFIX)
			fprintf(out, " (matched after entry %lld, %lld trailing entries unverified)",
				p->match_index, p->trailing);
		fputc('\n', out);
	}
	if (r->list_path[0] && (verbose || r->chain.nboots > 1 ||
				r->chain.boots[0].aggregate_index >= 0))
	{
		chain_table(out, &r->chain);
		boots_text(out, &r->chain);
	}
	quote_text(out, r);
	for (i = 0; i < r->verdict.nfindings; i++) {
		f = &r->verdict.findings[i];
		fprintf(out, "%s: ", iv_status_name(f->status));
		if (f->entry >= 0)
			fprintf(out, "entry %lld: ", f->entry);
		if (f->offset >= 0)
			fprintf(out, "offset %lld: ", f->offset);
		fprintf(out, "%s\n", f->msg);
	}
	if (r->verdict.dropped_findings)
		fprintf(out, "(%d more findings not shown)\n",
			r->verdict.dropped_findings);
}

static void put_str(json_object *o, const char *key, const char *value)
{
	json_object_object_add(o, key, json_object_new_string(value));
}

static void put_int(json_object *o, const char *key, int64_t value)
{
	json_object_object_add(o, key, json_object_new_int64(value));
}

static json_object *hex_json(const uint8_t *buf, size_t len)
{
	char hex[2 * 256 + 1];

	iv_hex(buf, len > 256 ? 256 : len, hex);
	return json_object_new_string(hex);
}

static json_object *file_ref_json(const struct iv_file_ref *f)
{
	json_object *o;

	if (!f->present)
		return NULL;
	o = json_object_new_object();
	put_int(o, "entry", f->index);
	put_str(o, "name", f->name);
	put_str(o, "algo", f->algo);
	json_object_object_add(o, "digest", hex_json(f->digest, f->digest_len));
	return o;
}

static json_object *boundary_json(const struct iv_boundary *x)
{
	const struct iv_kexec_event *ev = &x->ev;
	json_object *o = json_object_new_object();

	put_int(o, "entry", x->index);
	put_str(o, "name", iv_kexec_kind_name(ev->kind));
	if (x->malformed) {
		put_str(o, "malformed", x->why);
		return o;
	}
	put_str(o, "form", iv_kexec_form_name(ev->form));
	if (ev->has_hop)
		put_int(o, "hop", ev->hop);
	if (ev->has_count)
		json_object_object_add(o, ev->kind == IV_KX_RESTORED ?
			"restored_entries" : "entries_before",
			json_object_new_uint64(ev->count));
	if (ev->has_bytes)
		json_object_object_add(o, ev->bytes_checkable ?
			"binary_runtime_size" : "list_bytes_v2",
			json_object_new_uint64(ev->bytes));
	if (ev->has_segment)
		json_object_object_add(o, "segment_size",
				       json_object_new_uint64(ev->segment));
	if (ev->has_restore_us)
		json_object_object_add(o, "restore_us",
				       json_object_new_uint64(ev->restore_us));
	if (ev->has_error)
		put_int(o, "error", ev->error);
	if (ev->reason[0])
		put_str(o, "reason", ev->reason);
	if (ev->format[0])
		put_str(o, "format", ev->format);
	if (ev->has_kernel)
		json_object_object_add(o, "kernel_sha256",
				       hex_json(ev->kernel_sha256, 32));
	put_int(o, "unknown_keys", ev->unknown_keys);
	return o;
}

static json_object *handover_json(const struct iv_boot *b)
{
	const struct iv_handover *ho = &b->ho;
	json_object *o = json_object_new_object();

	put_str(o, "entered_by", iv_entered_name(ho->entered));
	json_object_object_add(o, "hop", ho->hop_known ?
			       json_object_new_int64(ho->hop) : NULL);
	json_object_object_add(o, "carried_entries", ho->carried_known ?
			       json_object_new_int64(ho->carried) : NULL);
	put_str(o, "carried_from", !ho->carried_known ? "unknown" :
		ho->carried_from_list ? "list" : "events");
	json_object_object_add(o, "segment_size", ho->segment_known ?
			       json_object_new_uint64(ho->segment) : NULL);
	put_str(o, "restore", iv_restore_name(ho->restore));
	json_object_object_add(o, "sender_measured_events",
			       json_object_new_boolean(ho->entered == IV_ENTERED_HANDOVER &&
						       !ho->sender_silent));
	if (ho->restore_event) {
		put_int(o, "restore_entry", ho->restore_event->index);
		if (ho->restore == IV_RESTORE_FAILED) {
			put_str(o, "restore_reason",
				ho->restore_event->ev.reason);
			put_int(o, "restore_error", ho->restore_event->ev.error);
		}
	}
	json_object_object_add(o, "execute", ho->execute ?
			       boundary_json(ho->execute) : NULL);
	return o;
}

static json_object *boots_json(const struct iv_chain *c)
{
	json_object *arr = json_object_new_array(), *o, *loads, *l, *marks, *m;
	const struct iv_boot *b;
	int i, j;

	for (i = 0; i < c->nboots; i++) {
		b = &c->boots[i];
		o = json_object_new_object();
		put_int(o, "boot", b->number);
		put_int(o, "first_entry", b->first);
		put_int(o, "entries", b->count);
		put_str(o, "boot_aggregate", aggregate_name(b->aggregate_outcome));
		if (b->aggregate_index >= 0) {
			put_str(o, "boot_aggregate_algo", b->aggregate_algo);
			json_object_object_add(o, "boot_aggregate_digest",
					       hex_json(b->aggregate, b->aggregate_len));
		}
		loads = json_object_new_array();
		for (j = 0; j < b->nloads; j++) {
			l = json_object_new_object();
			put_int(l, "entry", b->loads[j].index);
			json_object_object_add(l, "kernel",
					       file_ref_json(&b->loads[j].kernel));
			json_object_object_add(l, "initramfs",
					       file_ref_json(&b->loads[j].initramfs));
			put_str(l, "cmdline", b->loads[j].cmdline);
			json_object_array_add(loads, l);
		}
		json_object_object_add(o, "kexec_loads", loads);
		marks = json_object_new_array();
		for (j = 0; j < b->nmarkers; j++) {
			m = json_object_new_object();
			put_int(m, "entry", b->markers[j].index);
			put_str(m, "name", b->markers[j].name);
			put_str(m, "text", b->markers[j].text);
			json_object_array_add(marks, m);
		}
		json_object_object_add(o, "markers", marks);
		put_str(o, "first_record", b->late ? "boot_aggregate_late" :
			b->aggregate_index >= 0 ? "boot_aggregate" : "none");
		json_object_object_add(o, "handover", handover_json(b));
		marks = json_object_new_array();
		for (j = 0; j < b->nevents; j++)
			json_object_array_add(marks,
					      boundary_json(&b->events[j]));
		json_object_object_add(o, "boundary_events", marks);
		put_int(o, "boundary_events_not_kept", b->dropped_events);
		json_object_array_add(arr, o);
	}
	return arr;
}

static json_object *quote_json(const struct iv_result *r)
{
	const TPMS_ATTEST *a = &r->inputs.quote.attest;
	json_object *o = json_object_new_object(), *sel;
	int b;

	put_str(o, "signature", check_name(r->quote_checks.signature));
	put_str(o, "nonce", check_name(r->quote_checks.nonce));
	put_str(o, "selection", check_name(r->quote_checks.selection));
	put_str(o, "pcr_digest", check_name(r->quote_checks.digest));
	json_object_object_add(o, "qualifying_data",
			       hex_json(a->extraData.buffer, a->extraData.size));
	json_object_object_add(o, "clock",
			       json_object_new_uint64(a->clockInfo.clock));
	put_int(o, "reset_count", a->clockInfo.resetCount);
	put_int(o, "restart_count", a->clockInfo.restartCount);
	json_object_object_add(o, "safe",
			       json_object_new_boolean(a->clockInfo.safe));
	json_object_object_add(o, "firmware_version",
			       json_object_new_uint64(a->firmwareVersion));
	sel = json_object_new_object();
	for (b = 0; b < IV_NBANKS; b++)
		if (r->inputs.quote.selected[b])
			json_object_object_add(sel, iv_bank_info(b)->name,
					       json_object_new_int64(r->inputs.quote.selected[b]));
	json_object_object_add(o, "selected_pcr_masks", sel);
	return o;
}

int iv_report_json(FILE *out, const struct iv_result *r)
{
	json_object *root = json_object_new_object(), *arr, *o;
	const struct iv_pcr_result *p;
	const struct iv_finding *f;
	int i, b;

	put_str(root, "verdict", iv_status_name(r->verdict.status));
	put_int(root, "exit_code", r->verdict.status);
	if (r->list_path[0]) {
		put_str(root, "list", r->list_path);
		put_int(root, "entries", r->replay.entries);
		put_int(root, "entries_this_run", r->entries_read);
		put_str(root, "byte_order", order_name(r->byte_order));
		put_int(root, "violations", r->replay.violations);
		put_int(root, "template_digest_mismatches", r->replay.digest_mismatches);
		o = json_object_new_object();
		for (b = 0; b < IV_NBANKS; b++)
			if (r->replay.padded_digests[b])
				put_int(o, iv_bank_info(b)->name,
					r->replay.padded_digests[b]);
		json_object_object_add(root, "padded_sha1_digests", o);
		put_int(root, "unknown_template_entries", r->chain.unknown_entries);
		put_int(root, "trailing_unverified", r->pcr_checks.trailing);
		arr = json_object_new_array();
		for (b = 0; b < IV_NBANKS; b++)
			if (r->replay.cfg.banks >> b & 1)
				json_object_array_add(arr,
					json_object_new_string(iv_bank_info(b)->name));
		json_object_object_add(root, "banks", arr);
		arr = json_object_new_array();
		for (i = 0; i < r->pcr_checks.npcr; i++) {
			p = &r->pcr_checks.pcr[i];
			o = json_object_new_object();
			put_str(o, "bank", iv_bank_info(p->bank)->name);
			put_int(o, "pcr", p->pcr);
			put_str(o, "result", pcr_outcome_name(p->outcome));
			json_object_object_add(o, "replayed",
					       hex_json(r->replay.pcrs.value[p->bank][p->pcr],
							iv_bank_info(p->bank)->size));
			if (p->outcome == IV_PCR_MATCH_PREFIX) {
				put_int(o, "matched_after_entry", p->match_index);
				put_int(o, "trailing_unverified", p->trailing);
			}
			json_object_array_add(arr, o);
		}
		json_object_object_add(root, "pcrs", arr);
		json_object_object_add(root, "boots", boots_json(&r->chain));
		put_int(root, "boundary_events", r->chain.nevents);
		json_object_object_add(root, "judged_by_pcrs_only",
				       json_object_new_boolean(!r->chain.nevents));
		put_int(root, "exported_parts", r->chain.parts);
		put_int(root, "exported_entries", r->chain.exported_entries);
	}
	if (r->inputs.have_quote)
		json_object_object_add(root, "quote", quote_json(r));
	arr = json_object_new_array();
	for (i = 0; i < r->verdict.nfindings; i++) {
		f = &r->verdict.findings[i];
		o = json_object_new_object();
		put_int(o, "code", f->status);
		put_str(o, "kind", iv_status_name(f->status));
		if (f->entry >= 0)
			put_int(o, "entry", f->entry);
		if (f->offset >= 0)
			put_int(o, "offset", f->offset);
		put_str(o, "message", f->msg);
		json_object_array_add(arr, o);
	}
	json_object_object_add(root, "findings", arr);
	fprintf(out, "%s\n", json_object_to_json_string_ext(root,
			JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
			JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(root);
	return 0;
}
