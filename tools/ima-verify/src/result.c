// SPDX-License-Identifier: GPL-2.0-only
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "result.h"
#include "util.h"

const char *iv_status_name(int status)
{
	switch (status) {
	case IV_OK: return "verified";
	case IV_NOT_ATTESTED: return "not-attested";
	case IV_ERR_TEMPLATE_DIGEST: return "template-digest-mismatch";
	case IV_ERR_PCR_MISMATCH: return "pcr-mismatch";
	case IV_ERR_BOOT_AGGREGATE: return "boot-aggregate-mismatch";
	case IV_ERR_BANK_LISTS: return "bank-lists-disagree";
	case IV_ERR_RESTORE_FAILED: return "restore-failed";
	case IV_ERR_RECORDS_MISSING: return "earlier-records-missing";
	case IV_ERR_HANDOVER_INCOMPLETE: return "handover-incomplete";
	case IV_ERR_HANDOVER_COUNT: return "handover-count-mismatch";
	case IV_ERR_HOP_SEQUENCE: return "hop-out-of-sequence";
	case IV_ERR_BOUNDARY_EVENT: return "boundary-event-malformed";
	case IV_ERR_QUOTE_SIGNATURE: return "quote-signature-invalid";
	case IV_ERR_QUOTE_NONCE: return "quote-nonce-mismatch";
	case IV_ERR_QUOTE_SELECTION: return "quote-selection-mismatch";
	case IV_ERR_QUOTE_PCR_DIGEST: return "quote-pcr-digest-mismatch";
	case IV_ERR_QUOTE_FORMAT: return "quote-malformed";
	case IV_ERR_MALFORMED_LOG: return "malformed-log";
	case IV_ERR_MALFORMED_EVIDENCE: return "malformed-evidence";
	case IV_ERR_EXPECTATION: return "expectation-unmet";
	case IV_ERR_USAGE: return "usage";
	case IV_ERR_NOINPUT: return "cannot-open-input";
	case IV_ERR_CANTCREAT: return "cannot-create-output";
	default: return "internal-error";
	}
}

/* Most important first: what the exit code reports when several fail. */
static const int status_priority[] = {
	IV_ERR_USAGE, IV_ERR_NOINPUT, IV_ERR_INTERNAL, IV_ERR_MALFORMED_LOG,
	IV_ERR_MALFORMED_EVIDENCE, IV_ERR_QUOTE_FORMAT, IV_ERR_BANK_LISTS,
	IV_ERR_TEMPLATE_DIGEST, IV_ERR_RESTORE_FAILED,
	IV_ERR_HANDOVER_INCOMPLETE, IV_ERR_RECORDS_MISSING, IV_ERR_PCR_MISMATCH,
	IV_ERR_HANDOVER_COUNT, IV_ERR_HOP_SEQUENCE, IV_ERR_BOUNDARY_EVENT,
	IV_ERR_QUOTE_SIGNATURE,
	IV_ERR_QUOTE_NONCE, IV_ERR_QUOTE_SELECTION, IV_ERR_QUOTE_PCR_DIGEST,
	IV_ERR_BOOT_AGGREGATE, IV_ERR_EXPECTATION, IV_NOT_ATTESTED, IV_OK,
};

static int priority(int status)
{
	size_t i;

	for (i = 0; i < sizeof(status_priority) / sizeof(int); i++)
		if (status_priority[i] == status)
			return (int)i;
	return 0;
}

void iv_verdict_init(struct iv_verdict *v)
{
	memset(v, 0, sizeof(*v));
	v->status = IV_OK;
}

void iv_verdict_add(struct iv_verdict *v, const struct iv_error *e)
{
	struct iv_finding *f;

	if (priority(e->status) < priority(v->status))
		v->status = e->status;
	if (v->nfindings == IV_MAX_FINDINGS) {
		v->dropped_findings++;
		return;
	}
	f = &v->findings[v->nfindings++];
	f->status = e->status;
	f->entry = e->entry;
	f->offset = e->offset;
	memcpy(f->msg, e->msg, sizeof(f->msg));
}

void iv_verdict_note(struct iv_verdict *v, int status, long long entry,
		     long long offset, const char *fmt, ...)
{
	struct iv_error e = { status, entry, offset, "" };
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(e.msg, sizeof(e.msg), fmt, ap);
	va_end(ap);
	iv_verdict_add(v, &e);
}
