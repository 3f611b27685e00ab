/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The boot chain in a list carried across kexec: one boot per
 * boot_aggregate, the kexec loads (kernel, initramfs, cmdline) each boot
 * made, and the ima_kexec* critical-data markers.
 */
#ifndef IV_CHAIN_H
#define IV_CHAIN_H

#include "pcrs.h"
#include "template.h"

#define IV_REF_NAME_MAX 256

struct iv_file_ref {
	bool present;
	long long index;
	char name[IV_REF_NAME_MAX];
	char algo[24];
	uint8_t digest[IV_MAX_DIGEST];
	unsigned int digest_len;
};

/*
 * kexec_file_load measures the kernel, then the initramfs, then the
 * cmdline: the two file measurements right before a kexec-cmdline entry
 * are taken as its kernel and initramfs.
 */
struct iv_kexec_load {
	long long index;	/* the kexec-cmdline entry */
	struct iv_file_ref kernel, initramfs;
	char *cmdline;		/* printable, escaped */
};

struct iv_marker {
	long long index;
	char name[64];
	char *text;		/* buf as escaped text */
};

enum iv_aggregate_outcome {
	IV_AGG_ABSENT,		/* boot without a boot_aggregate entry */
	IV_AGG_UNCHECKED,	/* no evidence for PCRs 0-7/0-9 of its bank */
	IV_AGG_NO_TPM,		/* all zeros: no TPM when IMA started */
	IV_AGG_MATCH,
	IV_AGG_MISMATCH,
};

struct iv_boot {
	int number;
	long long first, count;
	long long aggregate_index;
	char aggregate_algo[24];
	uint8_t aggregate[IV_MAX_DIGEST];
	unsigned int aggregate_len;
	enum iv_aggregate_outcome aggregate_outcome;
	struct iv_kexec_load *loads;
	int nloads;
	struct iv_marker *markers;
	int nmarkers;
};

struct iv_chain {
	struct iv_boot *boots;
	int nboots, cap;
	struct iv_file_ref recent[2];	/* ring: files since the last load */
	long long nrecent;
	long long unknown_entries;	/* entries of unknown templates */
	long long first_unknown;
	char first_unknown_note[160];
};

void iv_chain_init(struct iv_chain *c, int first_boot_number,
		   long long first_entry);
int iv_chain_add(struct iv_chain *c, const struct iv_log_entry *e,
		 const struct iv_event *ev, struct iv_error *err);
void iv_chain_check_aggregates(struct iv_chain *c,
			       const struct iv_pcr_values *v);
void iv_chain_free(struct iv_chain *c);

/* Escape bytes to printable text (\xNN), NUL-terminated, malloc'd. */
char *iv_escape(const uint8_t *buf, size_t len, size_t max);

#endif
