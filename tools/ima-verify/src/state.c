// SPDX-License-Identifier: GPL-2.0-only
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state.h"

#define STATE_MAX (64u << 10)

static int bad(struct iv_error *err, const char *path, int line,
	       const char *what)
{
	return iv_fail(err, IV_ERR_MALFORMED_EVIDENCE, -1, -1,
		       "%s:%d: saved state: %s", path, line, what);
}

int iv_state_load(const char *path, struct iv_state *s, struct iv_error *err)
{
	char *text, *line, *next, word[32], bank_name[16], hex[160];
	uint8_t digest[IV_MAX_DIGEST];
	uint8_t *data;
	size_t len;
	long long num;
	int lineno = 0, bank, pcr, n;

	memset(s, 0, sizeof(*s));
	for (bank = 0; bank < IV_NBANKS; bank++)
		s->offset[bank] = -1;
	if (iv_read_file(path, STATE_MAX, &data, &len, err))
		return err->status;
	data[len] = '\0';
	text = (char *)data;
	for (line = text; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (++lineno == 1) {
			if (strcmp(line, "ima-verify-state 1") != 0)
				goto fail_header;
			continue;
		}
		if (!*line)
			continue;
		if (sscanf(line, "%31s", word) != 1)
			goto fail;
		if (!strcmp(word, "entries") &&
		    sscanf(line, "entries %lld", &num) == 1 && num >= 0) {
			s->entries = num;
		} else if (!strcmp(word, "bytes") &&
			   sscanf(line, "bytes %lld", &num) == 1 && num >= 0) {
			s->bytes = (unsigned long long)num;
			s->has_bytes = true;
		} else if (!strcmp(word, "boot") &&
			   sscanf(line, "boot %d", &n) == 1) {
			s->boot = n;
		} else if (!strcmp(word, "bank") &&
			   sscanf(line, "bank %15s", bank_name) == 1 &&
			   (bank = iv_bank_by_name(bank_name, strlen(bank_name))) >= 0) {
			s->banks |= 1u << bank;
		} else if (!strcmp(word, "offset") &&
			   sscanf(line, "offset %15s %lld", bank_name, &num) == 2 &&
			   (bank = iv_bank_by_name(bank_name, strlen(bank_name))) >= 0 &&
			   num >= 0) {
			s->offset[bank] = num;
		} else if (!strcmp(word, "pcr") &&
			   sscanf(line, "pcr %15s %d %159s", bank_name, &pcr, hex) == 3 &&
			   (bank = iv_bank_by_name(bank_name, strlen(bank_name))) >= 0 &&
			   pcr >= 0 && pcr < IV_NPCRS &&
			   iv_unhex(hex, digest, sizeof(digest)) ==
			   (int)iv_bank_info(bank)->size) {
			iv_pcr_set(&s->pcrs, bank, pcr, digest);
		} else {
			goto fail;
		}
	}
	free(data);
	return IV_OK;
fail_header:
	free(data);
	return bad(err, path, lineno, "not an ima-verify state file");
fail:
	free(data);
	return bad(err, path, lineno, "unrecognised line");
}

int iv_state_save(const char *path, const struct iv_state *s,
		  struct iv_error *err)
{
	char hex[2 * IV_MAX_DIGEST + 1], tmp[4096];
	FILE *f;
	int bank, pcr;

	/* Write a temporary file and rename: never leave half a state. */
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	f = fopen(tmp, "w");
	if (!f)
		return iv_fail(err, IV_ERR_NOINPUT, -1, -1, "%s: %s", tmp,
			       strerror(errno));
	fprintf(f, "ima-verify-state 1\nentries %lld\nboot %d\n", s->entries,
		s->boot);
	if (s->has_bytes)
		fprintf(f, "bytes %llu\n", s->bytes);
	for (bank = 0; bank < IV_NBANKS; bank++)
		if (s->banks >> bank & 1)
			fprintf(f, "bank %s\n", iv_bank_info(bank)->name);
	for (bank = 0; bank < IV_NBANKS; bank++)
		if (s->offset[bank] >= 0)
			fprintf(f, "offset %s %lld\n", iv_bank_info(bank)->name,
				s->offset[bank]);
	for (bank = 0; bank < IV_NBANKS; bank++)
		for (pcr = 0; pcr < IV_NPCRS; pcr++)
			if (iv_pcr_has(&s->pcrs, bank, pcr)) {
				iv_hex(s->pcrs.value[bank][pcr],
				       iv_bank_info(bank)->size, hex);
				fprintf(f, "pcr %s %d %s\n",
					iv_bank_info(bank)->name, pcr, hex);
			}
	if (fclose(f) != 0 || rename(tmp, path) != 0)
		return iv_fail(err, IV_ERR_NOINPUT, -1, -1, "%s: %s", path,
			       strerror(errno));
	return IV_OK;
}
