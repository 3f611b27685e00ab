/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PCR values from text files and sysfs, and the --evidence directory.
 */
#ifndef IV_EVIDENCE_H
#define IV_EVIDENCE_H

#include "pcrs.h"
#include "util.h"

/*
 * Load PCR values from path: "PCR-NN: hex" lines, tpm2_pcrread YAML,
 * "…/pcr-<bank>/<n>:hex" lines (grep of sysfs), or a sysfs pcr-<bank>
 * directory.  bank is -1 to take it from the file (YAML, sysfs path, file
 * name, or digest length).
 */
int iv_pcrs_load(struct iv_pcr_values *v, const char *path, int bank,
		 struct iv_error *err);
int iv_pcrs_parse(struct iv_pcr_values *v, const char *text, size_t len,
		  const char *label, int bank, struct iv_error *err);

/* "sha1:0,1,2+sha256:10" (tpm2-tools -l syntax) into per-bank masks. */
int iv_selection_parse(const char *text, uint32_t mask[IV_NBANKS],
		       struct iv_error *err);

#define IV_NONCE_MAX 64

/* Paths found in an evidence directory; NULL when absent. */
struct iv_evidence_paths {
	char *bank_log[IV_NBANKS];
	char *plain_log;
	char *pcr_file[IV_NBANKS];
	char *quote_msg, *quote_sig, *quote_pcrs, *quote_sel, *nonce;
	char *ak_pub, *ak_pem;
	char **exported;	/* exported-1, -2, ..., as many as there are */
	int nexported;
};

/*
 * The files of an evidence directory.  Exported parts must be numbered
 * from 1 without a gap: a missing part would replay as a PCR mismatch
 * far from its cause, so it is IV_ERR_MALFORMED_EVIDENCE here.
 */
int iv_evidence_scan(const char *dir, struct iv_evidence_paths *p,
		     struct iv_error *err);
void iv_evidence_paths_free(struct iv_evidence_paths *p);

/* Hex nonce from a file (whitespace ignored). */
int iv_nonce_load(const char *path, uint8_t *nonce, size_t *len,
		  struct iv_error *err);

#endif
