/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The outcome of a run: exit codes and the ranked findings behind them.
 * Includes no other module's header, so every module can include it.
 */
#ifndef IV_RESULT_H
#define IV_RESULT_H

/*
 * Exit codes double as error classes inside the library; the CLI returns
 * the most important one.  Documented in ima-verify.1.
 */
enum iv_status {
	IV_OK = 0,
	IV_NOT_ATTESTED = 1,	/* list fine, but no PCR evidence to compare */
	IV_ERR_TEMPLATE_DIGEST = 10,
	IV_ERR_PCR_MISMATCH = 11,
	IV_ERR_BOOT_AGGREGATE = 12,
	IV_ERR_BANK_LISTS = 13,	/* per-bank lists disagree with each other */
	IV_ERR_RESTORE_FAILED = 14,	/* kexec_restore_failed: history lost */
	IV_ERR_RECORDS_MISSING = 15,	/* the list does not start at the reset */
	IV_ERR_HANDOVER_INCOMPLETE = 16, /* records lost between copy and jump */
	IV_ERR_HANDOVER_COUNT = 17,	/* event counts/sizes vs the list */
	IV_ERR_HOP_SEQUENCE = 18,	/* hop indexes do not follow */
	IV_ERR_BOUNDARY_EVENT = 19,	/* malformed boundary event text */
	IV_ERR_QUOTE_SIGNATURE = 20,
	IV_ERR_QUOTE_NONCE = 21,
	IV_ERR_QUOTE_SELECTION = 22,
	IV_ERR_QUOTE_PCR_DIGEST = 23,
	IV_ERR_QUOTE_FORMAT = 24,	/* magic, type, trailing bytes */
	IV_ERR_MALFORMED_LOG = 30,
	IV_ERR_MALFORMED_EVIDENCE = 31,
	IV_ERR_EXPECTATION = 40,
	IV_ERR_USAGE = 64,
	IV_ERR_NOINPUT = 66,
	IV_ERR_INTERNAL = 70,
	IV_ERR_CANTCREAT = 73,		/* --json-out could not be written */
};

/* A check that never ran (no quote, or the run stopped before it). */
enum iv_check { IV_CHECK_NOT_RUN = -1 };

const char *iv_status_name(int status);

#define IV_MSG_MAX 512
#define IV_MAX_FINDINGS 32

struct iv_finding {
	int status;
	long long entry, offset;	/* -1 when unknown */
	char msg[IV_MSG_MAX];
};

struct iv_verdict {
	int status;		/* the most important finding's, or IV_OK */
	struct iv_finding findings[IV_MAX_FINDINGS];
	int nfindings, dropped_findings;
};

struct iv_error;

void iv_verdict_init(struct iv_verdict *v);

/* Record a failure; the verdict's status becomes the most important one. */
void iv_verdict_add(struct iv_verdict *v, const struct iv_error *e);
void iv_verdict_note(struct iv_verdict *v, int status, long long entry,
		     long long offset, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

#endif
