// SPDX-License-Identifier: GPL-2.0-only
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "evidence.h"

#define PCR_FILE_MAX (1u << 20)

static int bank_from_size(size_t size)
{
	switch (size) {
	case 20: return IV_SHA1;
	case 32: return IV_SHA256;	/* sm3_256 must be named */
	case 48: return IV_SHA384;
	case 64: return IV_SHA512;
	default: return -1;
	}
}

/* A bank named in a file name, e.g. pcrs-sha256.txt or pcr-sha1/. */
static int bank_from_label(const char *label)
{
	static const int longest_first[] = { IV_SM3_256, IV_SHA512, IV_SHA384,
					     IV_SHA256, IV_SHA1 };
	const char *base = strrchr(label, '/');
	size_t i;

	base = base && base[1] ? base + 1 : label;
	for (i = 0; i < sizeof(longest_first) / sizeof(int); i++)
		if (strstr(base, iv_bank_info(longest_first[i])->name))
			return longest_first[i];
	return -1;
}

static int store(struct iv_pcr_values *v, int bank, long pcr,
		 const uint8_t *digest, int size, const char *label, int line,
		 struct iv_error *err)
{
	if (bank < 0)
		bank = bank_from_size((size_t)size);
	if (bank < 0)
		return iv_fail(err, IV_ERR_MALFORMED_EVIDENCE, -1, -1,
			       "%s:%d: cannot tell the bank of a %d-byte PCR value (name it: --pcrs BANK:FILE)",
			       label, line, size);
	if (pcr < 0 || pcr >= IV_NPCRS)
		return iv_fail(err, IV_ERR_MALFORMED_EVIDENCE, -1, -1,
			       "%s:%d: PCR index %ld out of range 0-%d", label,
			       line, pcr, IV_NPCRS - 1);
	if ((unsigned int)size != iv_bank_info(bank)->size)
		return iv_fail(err, IV_ERR_MALFORMED_EVIDENCE, -1, -1,
			       "%s:%d: PCR %ld has %d bytes, %s needs %u", label,
			       line, pcr, size, iv_bank_info(bank)->name,
			       iv_bank_info(bank)->size);
	if (iv_pcr_has(v, bank, (int)pcr))
		return iv_fail(err, IV_ERR_MALFORMED_EVIDENCE, -1, -1,
			       "%s:%d: %s PCR %ld given twice", label, line,
			       iv_bank_info(bank)->name, pcr);
	iv_pcr_set(v, bank, (int)pcr, digest);
	return IV_OK;
}

static char *trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

static bool parse_index(const char *s, long *out)
{
	char *end;

	if (!isdigit((unsigned char)*s))
		return false;
	errno = 0;
	*out = strtol(s, &end, 10);
	return errno == 0 && *trim(end) == '\0';
}

/* One line; *bank carries a YAML "sha256:" section to the lines below. */
static int parse_line(struct iv_pcr_values *v, char *line, int *bank,
		      int fixed_bank, const char *label, int lineno,
		      struct iv_error *err)
{
	uint8_t digest[IV_MAX_DIGEST];
	char *colon, *key, *val, *slash;
	int size, b;
	long pcr;

	line = trim(line);
	if (!*line || *line == '#')
		return IV_OK;
	colon = strrchr(line, ':');
	if (!colon)
		goto bad;
	*colon = '\0';
	key = trim(line);
	val = trim(colon + 1);

	if (!*val) {
		/* YAML section: a bank, or "pcrs:" above the banks. */
		if (!strcmp(key, "pcrs"))
			return IV_OK;
		b = iv_bank_by_name(key, strlen(key));
		if (b < 0)
			goto bad;
		*bank = b;
		return IV_OK;
	}

	b = fixed_bank >= 0 ? fixed_bank : *bank;
	if (!strncmp(key, "PCR-", 4)) {
		if (!parse_index(key + 4, &pcr))
			goto bad;
	} else if ((slash = strrchr(key, '/'))) {
		/* grep . /sys/class/tpm/tpm0/pcr-sha256/<n> */
		if (!parse_index(slash + 1, &pcr))
			goto bad;
		*slash = '\0';
		if (fixed_bank < 0 && (slash = strstr(key, "pcr-")))
			b = iv_bank_by_name(slash + 4, strlen(slash + 4));
	} else if (!parse_index(key, &pcr)) {
		goto bad;
	}
	size = iv_unhex(val, digest, sizeof(digest));
	if (size <= 0)
		return iv_fail(err, IV_ERR_MALFORMED_EVIDENCE, -1, -1,
			       "%s:%d: PCR %ld value is not hex of at most %d bytes",
			       label, lineno, pcr, IV_MAX_DIGEST);
	return store(v, b, pcr, digest, size, label, lineno, err);
bad:
	return iv_fail(err, IV_ERR_MALFORMED_EVIDENCE, -1, -1,
		       "%s:%d: not a PCR line (want 'PCR-NN: hex', 'N : 0xhex' under a bank, or '.../pcr-BANK/N:hex')",
		       label, lineno);
}

int iv_pcrs_parse(struct iv_pcr_values *v, const char *text, size_t len,
		  const char *label, int bank, struct iv_error *err)
{
	char *copy = malloc(len + 1), *line, *next;
	int lineno = 0, section = -1, rc = IV_OK;

	if (!copy)
		return iv_fail(err, IV_ERR_INTERNAL, -1, -1, "out of memory");
	memcpy(copy, text, len);
	copy[len] = '\0';
	if (strlen(copy) != len) {
		free(copy);
		return iv_fail(err, IV_ERR_MALFORMED_EVIDENCE, -1,
			       (long long)strlen(text),
			       "%s: NUL byte in a text file", label);
	}
	/* A bank named in the file name is the default section. */
	if (bank < 0)
		section = bank_from_label(label);
	for (line = copy; line && !rc; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		rc = parse_line(v, line, &section, bank, label, lineno, err);
	}
	free(copy);
	return rc;
}

/* A sysfs pcr-<bank> directory: one file per PCR holding hex. */
static int load_dir(struct iv_pcr_values *v, const char *path, int bank,
		    struct iv_error *err)
{
	char file[4096];
	uint8_t *data;
	size_t len;
	int pcr, rc;

	if (bank < 0)
		bank = bank_from_label(path);
	if (bank < 0)
		return iv_fail(err, IV_ERR_USAGE, -1, -1,
			       "%s: name the bank: --pcrs BANK:DIR", path);
	for (pcr = 0; pcr < IV_NPCRS; pcr++) {
		snprintf(file, sizeof(file), "%s/%d", path, pcr);
		if (iv_read_file(file, 1024, &data, &len, err))
			return err->status;
		data[len] = '\0';
		snprintf(file, sizeof(file), "%d:%s", pcr, (char *)data);
		free(data);
		rc = iv_pcrs_parse(v, file, strlen(file), path, bank, err);
		if (rc)
			return rc;
	}
	return IV_OK;
}

int iv_pcrs_load(struct iv_pcr_values *v, const char *path, int bank,
		 struct iv_error *err)
{
	struct stat st;
	uint8_t *data;
	size_t len;
	int rc;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return load_dir(v, path, bank, err);
	if (iv_read_file(path, PCR_FILE_MAX, &data, &len, err))
		return err->status;
	rc = iv_pcrs_parse(v, (char *)data, len, path, bank, err);
	free(data);
	return rc;
}

int iv_selection_parse(const char *text, uint32_t mask[IV_NBANKS],
		       struct iv_error *err)
{
	const char *p = text, *colon, *end;
	char *num_end;
	long pcr;
	int bank;

	memset(mask, 0, sizeof(uint32_t) * IV_NBANKS);
	while (*p && *p != '\n') {
		colon = strchr(p, ':');
		if (!colon)
			goto bad;
		bank = iv_bank_by_name(p, (size_t)(colon - p));
		if (bank < 0)
			goto bad;
		p = colon + 1;
		end = p + strcspn(p, "+\n");
		while (p < end) {
			pcr = strtol(p, &num_end, 10);
			if (num_end == p || pcr < 0 || pcr >= IV_NPCRS)
				goto bad;
			mask[bank] |= 1u << pcr;
			p = num_end;
			if (*p == ',')
				p++;
			else if (p != end)
				goto bad;
		}
		if (*p == '+')
			p++;
	}
	return IV_OK;
bad:
	return iv_fail(err, IV_ERR_MALFORMED_EVIDENCE, -1, (long long)(p - text),
		       "PCR selection '%.60s': expected BANK:N,N,...[+BANK:...] at character %ld",
		       text, (long)(p - text));
}

static char *join(const char *dir, const char *name)
{
	struct stat st;
	char *path;

	if (asprintf(&path, "%s/%s", dir, name) < 0)
		return NULL;
	if (stat(path, &st) != 0) {
		free(path);
		return NULL;
	}
	return path;
}

/* exported-N with N a number as printed (no sign, no leading zero), or 0. */
static long exported_number(const char *name)
{
	char *end;
	long n;

	if (strncmp(name, "exported-", 9) || name[9] < '1' || name[9] > '9')
		return 0;
	errno = 0;
	n = strtol(name + 9, &end, 10);
	return *end || errno || n > INT_MAX ? 0 : n;
}

/*
 * Exported parts, oldest first: exported-1, exported-2, ... up to the
 * first number missing; then no higher number may be left over.
 */
static int scan_exported(const char *dir, struct iv_evidence_paths *p,
			 struct iv_error *err)
{
	struct dirent *d;
	char name[32];
	char **parts;
	char *path;
	long n, after_gap = 0;
	DIR *dp;

	for (;;) {
		snprintf(name, sizeof(name), "exported-%d", p->nexported + 1);
		path = join(dir, name);
		if (!path)
			break;
		parts = iv_grow(p->exported, p->nexported, sizeof(*parts));
		if (!parts) {
			free(path);
			return iv_fail(err, IV_ERR_INTERNAL, -1, -1,
				       "%s: out of memory", dir);
		}
		p->exported = parts;
		p->exported[p->nexported++] = path;
	}
	dp = opendir(dir);
	if (!dp)
		return iv_fail(err, IV_ERR_NOINPUT, -1, -1, "%s: %s", dir,
			       strerror(errno));
	while ((d = readdir(dp))) {
		n = exported_number(d->d_name);
		if (n > p->nexported && (!after_gap || n < after_gap))
			after_gap = n;
	}
	closedir(dp);
	if (after_gap)
		return iv_fail(err, IV_ERR_MALFORMED_EVIDENCE, -1, -1,
			       "%s: exported-%ld but no exported-%d: exported parts are numbered from 1 without a gap",
			       dir, after_gap, p->nexported + 1);
	return IV_OK;
}

int iv_evidence_scan(const char *dir, struct iv_evidence_paths *p,
		     struct iv_error *err)
{
	char name[64];
	struct stat st;
	int b, rc;

	memset(p, 0, sizeof(*p));
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return iv_fail(err, IV_ERR_NOINPUT, -1, -1,
			       "%s: not a directory", dir);
	for (b = 0; b < IV_NBANKS; b++) {
		snprintf(name, sizeof(name), "binary_runtime_measurements_%s",
			 iv_bank_info(b)->name);
		p->bank_log[b] = join(dir, name);
		snprintf(name, sizeof(name), "pcrs-%s.txt",
			 iv_bank_info(b)->name);
		p->pcr_file[b] = join(dir, name);
	}
	p->plain_log = join(dir, "binary_runtime_measurements");
	p->quote_msg = join(dir, "quote.msg");
	p->quote_sig = join(dir, "quote.sig");
	p->quote_pcrs = join(dir, "quote.pcrs");
	p->quote_sel = join(dir, "quote.sel");
	p->nonce = join(dir, "nonce.hex");
	p->ak_pub = join(dir, "ak.pub");
	p->ak_pem = join(dir, "ak.pem");
	rc = scan_exported(dir, p, err);
	if (!rc && !p->plain_log && !p->bank_log[IV_SHA1] &&
	    !p->bank_log[IV_SHA256])
		rc = iv_fail(err, IV_ERR_NOINPUT, -1, -1,
			     "%s: no binary_runtime_measurements* list", dir);
	if (rc)
		iv_evidence_paths_free(p);
	return rc;
}

void iv_evidence_paths_free(struct iv_evidence_paths *p)
{
	int b;

	for (b = 0; b < IV_NBANKS; b++) {
		free(p->bank_log[b]);
		free(p->pcr_file[b]);
	}
	free(p->plain_log);
	free(p->quote_msg);
	free(p->quote_sig);
	free(p->quote_pcrs);
	free(p->quote_sel);
	free(p->nonce);
	free(p->ak_pub);
	free(p->ak_pem);
	for (b = 0; b < p->nexported; b++)
		free(p->exported[b]);
	free(p->exported);
	memset(p, 0, sizeof(*p));
}

int iv_nonce_load(const char *path, uint8_t *nonce, size_t *len,
		  struct iv_error *err)
{
	uint8_t *data;
	size_t n;
	int got;

	if (iv_read_file(path, 4 * IV_NONCE_MAX, &data, &n, err))
		return err->status;
	data[n] = '\0';
	got = strlen((char *)data) == n ?
	      iv_unhex((char *)data, nonce, IV_NONCE_MAX) : -1;
	free(data);
	if (got < 0)
		return iv_fail(err, IV_ERR_MALFORMED_EVIDENCE, -1, -1,
			       "%s: nonce is not hex of at most %d bytes", path,
			       IV_NONCE_MAX);
	*len = (size_t)got;
	return IV_OK;
}
