/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The boot chain in a list carried across kexec: one boot per
 * boot_aggregate (or boot_aggregate_late), the kexec loads (kernel,
 * initramfs, cmdline) each boot made, the kexec boundary events
 * (kexec_event.h) and the ima_kexec* critical-data markers.  The hand-over
 * of each boot is judged in handover.c.
 */
#ifndef IV_CHAIN_H
#define IV_CHAIN_H

#include "kexec_event.h"
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

/* A kexec_load / kexec_execute / kexec_restored / kexec_restore_failed. */
struct iv_boundary {
	long long index;
	long long offset;	/* of the record in its list */
	unsigned long long bytes_before;	/* binary size of records before */
	/* records before it under each builtin template's name */
	unsigned long long builtin_before[IV_BUILTIN_TEMPLATES];
	bool malformed;
	char why[160];
	struct iv_kexec_event ev;
};

enum iv_entered {
	IV_ENTERED_UNKNOWN,	/* the list starts inside this boot */
	IV_ENTERED_COLD,	/* first boot of a list from the TPM reset */
	IV_ENTERED_HANDOVER,	/* by kexec from the boot before */
};

enum iv_restore_outcome {
	IV_RESTORE_NO_EVENT, IV_RESTORE_OK, IV_RESTORE_FAILED,
};

/* How a boot was entered and left, derived by handover.c. */
struct iv_handover {
	enum iv_entered entered;
	enum iv_restore_outcome restore;
	bool hop_known, carried_known, segment_known;
	bool carried_from_list;	/* no event says: the records before it */
	bool sender_silent;	/* the boot before measured no boundary event */
	uint32_t hop;		/* hand-overs before this boot */
	long long carried;	/* records handed over into this boot */
	unsigned long long segment;
	const struct iv_boundary *restore_event, *execute;
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
	bool late;		/* started by boot_aggregate_late */
	struct iv_boundary *events;	/* at most IV_MAX_BOOT_EVENTS */
	int nevents;
	long long dropped_events;	/* not kept: beyond the cap */
	struct iv_handover ho;
};

/*
 * Boundary events kept per boot; later ones replace the last kept, so the
 * newest (the execute) is always there, and memory stays bounded.
 */
#define IV_MAX_BOOT_EVENTS 256

/* Where a kernel's list may have started: the reset, or an export cut. */
struct iv_base {
	long long index;
	unsigned long long bytes;	/* binary size of records before */
	unsigned long long builtin_before[IV_BUILTIN_TEMPLATES];
};

struct iv_chain {
	struct iv_boot *boots;
	int nboots, cap;
	struct iv_file_ref recent[2];	/* ring: files since the last load */
	long long nrecent;
	long long unknown_entries;	/* entries of unknown templates */
	long long first_unknown;
	char first_unknown_note[160];
	long long start;		/* index of the first record read */
	bool resumed;			/* from a saved state */
	bool bytes_unknown;		/* resumed without the binary size */
	bool starts_inside_boot;	/* first record not a boot_aggregate */
	bool seen_first;
	unsigned long long bytes;	/* binary size of the records so far */
	/* records so far under each builtin template's name */
	unsigned long long builtin_records[IV_BUILTIN_TEMPLATES];
	struct iv_base *bases;		/* the start, then every export cut */
	int nbases;
	long long nevents, nmalformed;	/* boundary events */
	int parts;			/* exported parts replayed first */
	long long exported_entries;
};

/* Returns -1 when out of memory. */
int iv_chain_init(struct iv_chain *c, int first_boot_number,
		  long long first_entry);
int iv_chain_add(struct iv_chain *c, const struct iv_log_entry *e,
		 const struct iv_event *ev, struct iv_error *err);
/*
 * Records from index on come from another list (an exported part).
 * Returns -1 when out of memory.
 */
int iv_chain_add_base(struct iv_chain *c, long long index);
/* The record counts the kernel's binary_runtime_size adds for an entry. */
unsigned long long iv_chain_record_bytes(const struct iv_log_entry *e);
void iv_chain_check_aggregates(struct iv_chain *c,
			       const struct iv_pcr_values *v);
void iv_chain_free(struct iv_chain *c);

/* Escape bytes to printable text (\xNN), NUL-terminated, malloc'd. */
char *iv_escape(const uint8_t *buf, size_t len, size_t max);

#endif
