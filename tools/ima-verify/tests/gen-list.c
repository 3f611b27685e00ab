// SPDX-License-Identifier: GPL-2.0-only
/*
 * Synthetic IMA lists with the PCR values a TPM would hold, for tests and
 * the benchmark.  Deliberately independent of the verifier's replay code:
 * one straightforward loop per entry, hashing exactly what it writes.
 *
 * gen-list [-n ENTRIES] [-t TEMPLATE|mix] [-b BOOTS] [-V EVERY] [-B]
 *          [-L] [-s SEED] DIR
 *   -t  ima-ng (default), ima, ima-ng, ima-ngv2, ima-sig, ima-sigv2,
 *       ima-buf, ima-modsig, evm-sig, custom, unknown (a template name
 *       the kernel does not have), or mix (all in turn)
 *   -b  boots: a kexec load (kernel, initramfs, cmdline, marker) and a new
 *       boot_aggregate every ENTRIES/BOOTS entries
 *   -V  a violation every EVERY entries
 *   -B  big-endian integers (as a big-endian kernel writes them)
 *   -L  also write the per-bank lists _sha1 … _sha512
 *   -P  pre-5.8 kernel: non-SHA-1 banks extended with the zero-padded
 *       SHA-1 template digest (no per-bank lists then)
 *   -E FILE  write every extend as a tpm2_pcrextend argument
 *            ("10:sha1=HEX,sha256=HEX,..."), to replay it on a real TPM
 *   -k FORM  kexec boundary events at every hand-over: mainline (6.16+
 *            kexec_load/kexec_execute), series (the same plus hop=, and
 *            kexec_restored), old (the landed series' space-separated
 *            texts); default none (an ima_kexec_load marker only)
 *   -F HOP   the restore of hand-over HOP fails: the next kernel's list
 *            starts afresh (kexec_restore_failed in series/old form)
 *   -X N[,N...]  records before each N were exported and deleted: they go
 *            to DIR/exported-1, -2, ... and the kernel's counts restart
 *   -l       the first boot's aggregate is boot_aggregate_late
 *   -Q B[,B...]  the kernels of these boots (0 = cold) measure no boundary
 *            events, as an unpatched kernel: no load/execute, no restore
 *            event, header hop 0 (so the next kernel says hop 1)
 *   -D WHAT  damage the first hand-over: count (kexec_load count + 1),
 *            bytes (its binary size + 1), hop (execute and restore hop
 *            + 1), noexec (no kexec_execute), drop (a record before the
 *            execute extends the PCR and is counted, but is not listed),
 *            malformed (kexec_load text broken), lateload (a
 *            kexec_load after the execute)
 * Writes DIR/binary_runtime_measurements[_BANK] and DIR/pcrs-BANK.txt.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "util.h"

#define GEN_BANKS 4	/* sha1, sha256, sha384, sha512 */

static bool big_endian;
static FILE *list_out[GEN_BANKS];
static uint8_t pcr[GEN_BANKS][IV_NPCRS][IV_MAX_DIGEST];
static EVP_MD_CTX *ctx;
static uint64_t rng_state;
static FILE *extends_out;
static bool padded_sha1;

/* The kernel's view: records in its list and their binary_runtime_size. */
static unsigned long long klist_count, klist_bytes;
static bool unlisted;		/* extend and count, but do not list */
static unsigned long long unlisted_count, unlisted_bytes;
#define MAX_CUTS 256
static long long cuts[MAX_CUTS], record_index;
static int ncuts, next_cut;
static const char *out_dir;

struct buf {
	uint8_t data[8192];
	size_t len;
};

static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static void hash(int bank, const void *a, size_t alen, const void *b,
		 size_t blen, uint8_t *out)
{
	EVP_DigestInit_ex2(ctx, iv_bank_md(bank), NULL);
	EVP_DigestUpdate(ctx, a, alen);
	if (b)
		EVP_DigestUpdate(ctx, b, blen);
	EVP_DigestFinal_ex(ctx, out, NULL);
}

static void put(struct buf *b, const void *p, size_t len)
{
	memcpy(b->data + b->len, p, len);
	b->len += len;
}

static void put_u32(struct buf *b, uint32_t v)
{
	uint8_t x[4];

	iv_put_u32(x, v, big_endian);
	put(b, x, 4);
}

static void field(struct buf *b, const void *p, size_t len)
{
	put_u32(b, (uint32_t)len);
	put(b, p, len);
}

/* d-ng / d-ngv2: "[type:]algo:\0" + digest */
static void digest_field(struct buf *b, const char *type, const char *algo,
			 const uint8_t *digest, size_t len)
{
	char prefix[64];
	size_t n;

	n = (size_t)snprintf(prefix, sizeof(prefix), "%s%s%s:", type ? type : "",
			     type ? ":" : "", algo);
	put_u32(b, (uint32_t)(n + 1 + len));
	put(b, prefix, n + 1);
	put(b, digest, len);
}

static void name_field(struct buf *b, const char *name)
{
	field(b, name, strlen(name) + 1);
}

static FILE *open_list(const char *dir, const char *suffix);
static FILE *open_part(const char *dir, const char *name);

/* Records from here on go to the next exported part, or the list. */
static void next_export_part(void)
{
	char suffix[32];

	fclose(list_out[IV_SHA1]);
	next_cut++;
	if (next_cut < ncuts)
		snprintf(suffix, sizeof(suffix), "exported-%d", next_cut + 1);
	list_out[IV_SHA1] = next_cut < ncuts ?
			    open_part(out_dir, suffix) : open_list(out_dir, "");
	klist_count = 0;	/* the exported records were deleted */
	klist_bytes = 0;
}

/* Write one entry to every list and extend every bank. */
static void emit(uint32_t pcr_index, const char *tname, const struct buf *data,
		 bool legacy, const char *legacy_name, bool violation)
{
	uint8_t digest[IV_MAX_DIGEST], ones[IV_MAX_DIGEST], padded[256];
	char hex[2 * IV_MAX_DIGEST + 1];
	uint8_t sha1_padded[IV_MAX_DIGEST], *ext;
	struct buf head;
	unsigned int size;
	int b;

	memset(ones, 0xff, sizeof(ones));
	memset(sha1_padded, 0, sizeof(sha1_padded));
	if (next_cut < ncuts && record_index == cuts[next_cut])
		next_export_part();
	if (!unlisted)
		record_index++;
	klist_count++;
	/* ima_add_digest_entry; the 'ima' template has 5 more bytes */
	klist_bytes += 4 + 20 + 4 + strlen(tname) + 4 + data->len +
		       (legacy ? 5 : 0);
	if (unlisted) {
		unlisted_count++;
		unlisted_bytes += 4 + 20 + 4 + strlen(tname) + 4 + data->len +
				  (legacy ? 5 : 0);
	}
	if (extends_out)
		fprintf(extends_out, "%u:", pcr_index);
	for (b = 0; b < GEN_BANKS; b++) {
		size = iv_bank_info(b)->size;
		if (violation) {
			memset(digest, 0, size);
		} else if (legacy) {
			memset(padded, 0, sizeof(padded));
			memcpy(padded, legacy_name, strlen(legacy_name));
			hash(b, data->data, 20, padded, sizeof(padded), digest);
		} else {
			hash(b, data->data, data->len, NULL, 0, digest);
		}
		if (list_out[b] && !unlisted &&
		    (b == IV_SHA1 || next_cut == ncuts)) {
			head.len = 0;
			put_u32(&head, pcr_index);
			put(&head, digest, size);
			put_u32(&head, (uint32_t)strlen(tname));
			put(&head, tname, strlen(tname));
			if (!legacy)
				put_u32(&head, (uint32_t)data->len);
			fwrite(head.data, 1, head.len, list_out[b]);
			fwrite(data->data, 1, data->len, list_out[b]);
		}
		if (b == IV_SHA1)	/* 0xff.. or the SHA-1 digest */
			memcpy(sha1_padded, violation ? ones : digest, 20);
		ext = violation ? ones : digest;
		if (padded_sha1 && b != IV_SHA1)
			ext = sha1_padded;
		hash(b, pcr[b][pcr_index], size, ext, size, pcr[b][pcr_index]);
		if (extends_out) {
			iv_hex(ext, size, hex);
			fprintf(extends_out, "%s%s=%s", b ? "," : "",
				iv_bank_info(b)->name, hex);
		}
	}
	if (extends_out)
		fputc('\n', extends_out);
}

static const char *const mix[] = {
	"ima-ng", "ima", "ima-ngv2", "ima-sig", "ima-sigv2", "ima-buf",
	"ima-modsig", "evm-sig", "custom", "unknown",
};

static void file_entry(const char *tmpl, const char *name, bool violation,
		       const char *digest_algo)
{
	uint8_t digest[64], sig[80];
	uint8_t uid[4] = { 0 }, gid[4] = { 0 }, mode[2] = { 0xa4, 0x81 };
	struct buf d = { .len = 0 };
	int bank = digest_algo && !strcmp(digest_algo, "sha1") ? IV_SHA1 :
		   IV_SHA256;
	size_t dlen = iv_bank_info(bank)->size;
	const char *algo = digest_algo ? digest_algo : "sha256";

	hash(bank, name, strlen(name), NULL, 0, digest);
	if (violation)
		memset(digest, 0, sizeof(digest));
	memset(sig, 0x03, sizeof(sig));
	sig[0] = 0x03;
	if (!strcmp(tmpl, "ima")) {
		hash(IV_SHA1, name, strlen(name), NULL, 0, digest);
		if (violation)
			memset(digest, 0, 20);
		put(&d, digest, 20);
		put_u32(&d, (uint32_t)strlen(name));
		put(&d, name, strlen(name));
		emit(10, "ima", &d, true, name, violation);
		return;
	}
	if (!strcmp(tmpl, "ima-ngv2") || !strcmp(tmpl, "ima-sigv2"))
		digest_field(&d, "ima", algo, digest, dlen);
	else
		digest_field(&d, NULL, algo, digest, dlen);
	name_field(&d, name);
	if (!strcmp(tmpl, "ima-sig") || !strcmp(tmpl, "ima-sigv2"))
		field(&d, sig, rng() % 2 ? sizeof(sig) : 0);
	if (!strcmp(tmpl, "ima-buf"))
		field(&d, name, strlen(name));
	if (!strcmp(tmpl, "ima-modsig")) {
		field(&d, NULL, 0);
		field(&d, NULL, 0);
		field(&d, NULL, 0);
	}
	if (!strcmp(tmpl, "evm-sig")) {
		field(&d, sig, sizeof(sig));
		field(&d, "security.ima", 13);
		field(&d, "\x00\x05", 2);
		field(&d, "\x03\x02\x01\x00\x00", 5);
		field(&d, uid, 4);
		field(&d, gid, 4);
		field(&d, mode, 2);
	}
	if (!strcmp(tmpl, "unknown")) {
		field(&d, "vendor", 6);
		emit(10, "vendor-tmpl", &d, false, NULL, violation);
		return;
	}
	if (!strcmp(tmpl, "custom")) {
		field(&d, uid, 4);
		field(&d, gid, 4);
		field(&d, mode, 2);
		emit(10, "d-ng|n-ng|iuid|igid|imode", &d, false, NULL,
		     violation);
		return;
	}
	emit(10, tmpl, &d, false, NULL, violation);
}

static void buf_entry(const char *name, const void *payload, size_t len)
{
	uint8_t digest[32];
	struct buf d = { .len = 0 };

	hash(IV_SHA256, payload, len, NULL, 0, digest);
	digest_field(&d, NULL, "sha256", digest, 32);
	name_field(&d, name);
	field(&d, payload, len);
	emit(10, "ima-buf", &d, false, NULL, false);
}

/* Firmware measurements in PCRs 0-9, the same for every boot of a chain. */
static void firmware(void)
{
	uint8_t event[IV_MAX_DIGEST];
	int b, p;

	for (b = 0; b < GEN_BANKS; b++)
		for (p = 0; p < 10; p++) {
			hash(b, &p, sizeof(p), NULL, 0, event);
			hash(b, pcr[b][p], iv_bank_info(b)->size, event,
			     iv_bank_info(b)->size, pcr[b][p]);
		}
	for (p = 0; extends_out && p < 10; p++) {
		fprintf(extends_out, "%d:", p);
		for (b = 0; b < GEN_BANKS; b++) {
			char hex[2 * IV_MAX_DIGEST + 1];

			hash(b, &p, sizeof(p), NULL, 0, event);
			iv_hex(event, iv_bank_info(b)->size, hex);
			fprintf(extends_out, "%s%s=%s", b ? "," : "",
				iv_bank_info(b)->name, hex);
		}
		fputc('\n', extends_out);
	}
}

static bool late_aggregate;

static void boot_aggregate(const char *tmpl)
{
	uint8_t agg[32];
	struct buf d = { .len = 0 };
	int p;

	/* sha256 over PCRs 0-9 (ima_calc_boot_aggregate for non-SHA-1). */
	EVP_DigestInit_ex2(ctx, iv_bank_md(IV_SHA256), NULL);
	for (p = 0; p < 10; p++)
		EVP_DigestUpdate(ctx, pcr[IV_SHA256][p], 32);
	EVP_DigestFinal_ex(ctx, agg, NULL);
	if (!strcmp(tmpl, "ima")) {
		EVP_DigestInit_ex2(ctx, iv_bank_md(IV_SHA1), NULL);
		for (p = 0; p < 8; p++)
			EVP_DigestUpdate(ctx, pcr[IV_SHA1][p], 20);
		EVP_DigestFinal_ex(ctx, agg, NULL);
		put(&d, agg, 20);
		put_u32(&d, 14);
		put(&d, "boot_aggregate", 14);
		emit(10, "ima", &d, true, "boot_aggregate", false);
		return;
	}
	digest_field(&d, NULL, "sha256", agg, 32);
	name_field(&d, late_aggregate ? "boot_aggregate_late" :
		   "boot_aggregate");
	late_aggregate = false;
	emit(10, "ima-ng", &d, false, NULL, false);
}

/* Boundary events, as the kernels write them. */
static const char *kx_form = "none";
static const char *damage = "";
static bool hop_damage_pending;	/* -D hop: the first execute's hop */
static int fail_hop;
#define SEGMENT 1048576ull

static bool form_is(const char *f)
{
	return !strcmp(kx_form, f);
}

static void load_or_execute(const char *event, unsigned int hop,
			    bool first_handover, const char *kernel)
{
	unsigned long long count = klist_count, bytes = 24 + klist_bytes;
	uint8_t ksha[32];
	char text[512], hex[65];
	size_t n;

	if (first_handover && !strcmp(event, "kexec_load")) {
		count += !strcmp(damage, "count");
		bytes += !strcmp(damage, "bytes");
	}
	if (!strcmp(event, "kexec_execute") && hop_damage_pending) {
		hop++;
		hop_damage_pending = false;
	}
	if (form_is("old")) {
		hash(IV_SHA256, kernel, strlen(kernel), NULL, 0, ksha);
		iv_hex(ksha, 32, hex);
		n = (size_t)snprintf(text, sizeof(text),
			"hop=%u entries=%llu list_bytes=%llu segment_bytes=%llu kernel_sha256=%s",
			hop, count, bytes + 4096, SEGMENT, hex);
	} else {
		n = (size_t)snprintf(text, sizeof(text),
			"kexec_segment_size=%llu;ima_binary_runtime_size=%llu;ima_runtime_measurements_count=%llu;",
			SEGMENT, bytes, count);
		if (form_is("series"))
			n += (size_t)snprintf(text + n, sizeof(text) - n,
					      "hop=%u;future_key=7;", hop);
	}
	if (first_handover && !strcmp(event, "kexec_load") &&
	    !strcmp(damage, "malformed"))
		n = (size_t)snprintf(text, sizeof(text),
				     "kexec_segment_size=12x;");
	buf_entry(event, text, n);
}

static void restore_event(unsigned int hop, unsigned long long carried,
			  bool failed)
{
	char text[256];
	size_t n;

	if (form_is("mainline") || form_is("none"))
		return;
	if (failed && form_is("old"))
		n = (size_t)snprintf(text, sizeof(text),
			"hop=%u error=-74 segment_bytes=%llu reason=payload digest mismatch (v2)",
			hop, SEGMENT);
	else if (failed)
		n = (size_t)snprintf(text, sizeof(text),
			"hop=%u;error=-74;segment_size=%llu;reason=payload digest mismatch;",
			hop, SEGMENT);
	else if (form_is("old"))
		n = (size_t)snprintf(text, sizeof(text),
			"hop=%u entries=%llu segment_bytes=%llu restore_us=42",
			hop, carried, SEGMENT);
	else
		n = (size_t)snprintf(text, sizeof(text),
			"hop=%u;restored_entries=%llu;segment_size=%llu;format=v1+ext;",
			hop, carried, SEGMENT);
	buf_entry(failed ? "kexec_restore_failed" : "kexec_restored", text, n);
}

static void restart_lists(void);

/* kexec_file_load, a little activity, kexec -e, and the next boot. */
static unsigned int quiet_boots;	/* -Q: bit per boot without events */
static unsigned int cur_hop;		/* the running kernel's hand-overs */

static bool quiet(int boot)
{
	return boot < 32 && (quiet_boots >> boot & 1);
}

static void handover(const char *tmpl, int boot)
{
	unsigned int hop = cur_hop + 1;
	bool first = boot == 0, failed = fail_hop == boot + 1;
	unsigned long long carried;
	char name[128];

	snprintf(name, sizeof(name), "/boot/vmlinuz-%d", boot + 1);
	file_entry("ima-ng", name, false, NULL);
	snprintf(name, sizeof(name), "/boot/initrd-%d", boot + 1);
	file_entry("ima-ng", name, false, NULL);
	snprintf(name, sizeof(name), "console=ttyS0 hop=%d", boot + 1);
	buf_entry("kexec-cmdline", name, strlen(name));
	if (form_is("none")) {
		buf_entry("ima_kexec_load", "entries=1", 9);
	} else if (quiet(boot)) {
		/* An unpatched kernel: header hop 0, the receiver says 1. */
		hop = 1;
	} else {
		snprintf(name, sizeof(name), "/boot/vmlinuz-%d", boot + 1);
		load_or_execute("kexec_load", hop, first, name);
		snprintf(name, sizeof(name), "/usr/bin/after-load-%d", boot);
		file_entry("ima-ng", name, false, NULL);
		unlisted = first && !strcmp(damage, "drop");
		snprintf(name, sizeof(name), "/usr/bin/before-exec-%d", boot);
		file_entry("ima-ng", name, false, NULL);
		unlisted = false;
		snprintf(name, sizeof(name), "/boot/vmlinuz-%d", boot + 1);
		if (!(first && !strcmp(damage, "noexec")))
			load_or_execute("kexec_execute", hop, false, name);
		if (first && !strcmp(damage, "lateload"))
			load_or_execute("kexec_load", hop, false, name);
	}
	/* The next kernel has what was handed over, not what was counted. */
	klist_count -= unlisted_count;
	klist_bytes -= unlisted_bytes;
	unlisted_count = unlisted_bytes = 0;
	carried = klist_count;
	if (failed)
		restart_lists();
	boot_aggregate(tmpl);
	cur_hop = hop + (first && !strcmp(damage, "hop"));
	if (!quiet(boot + 1))
		restore_event(cur_hop, carried, failed);
}

static void write_pcrs(const char *dir)
{
	char path[4096], hex[2 * IV_MAX_DIGEST + 1];
	FILE *f;
	int b, p;

	for (b = 0; b < GEN_BANKS; b++) {
		snprintf(path, sizeof(path), "%s/pcrs-%s.txt", dir,
			 iv_bank_info(b)->name);
		f = fopen(path, "w");
		if (!f) {
			perror(path);
			exit(2);
		}
		for (p = 0; p < IV_NPCRS; p++) {
			iv_hex(pcr[b][p], iv_bank_info(b)->size, hex);
			fprintf(f, "PCR-%02d: %s\n", p, hex);
		}
		fclose(f);
	}
}

static FILE *open_part(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f) {
		perror(path);
		exit(2);
	}
	return f;
}

static FILE *open_list(const char *dir, const char *suffix)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/binary_runtime_measurements%s", dir,
		 suffix);
	f = fopen(path, "wb");
	if (!f) {
		perror(path);
		exit(2);
	}
	setvbuf(f, NULL, _IOFBF, 1 << 20);
	return f;
}

static bool per_bank;

/* A failed restore: the next kernel's list starts afresh. */
static void restart_lists(void)
{
	char suffix[32];
	int b;

	for (b = 0; b < GEN_BANKS; b++) {
		if (!list_out[b])
			continue;
		fclose(list_out[b]);
		snprintf(suffix, sizeof(suffix), "_%s", iv_bank_info(b)->name);
		list_out[b] = open_list(out_dir, b ? suffix : "");
	}
	klist_count = 0;
	klist_bytes = 0;
}

int main(int argc, char **argv)
{
	long long entries = 1000, i, every_violation = 0, boots = 1, per_boot;
	const char *tmpl = "ima-ng", *t;
	char name[128], suffix[32], *cut;
	int c, b, boot = 0;

	rng_state = 0x9e3779b97f4a7c15ull;
	while ((c = getopt(argc, argv, "n:t:b:V:BLPs:E:k:F:X:lD:Q:")) != -1) {
		switch (c) {
		case 'n': entries = atoll(optarg); break;
		case 't': tmpl = optarg; break;
		case 'b': boots = atoll(optarg); break;
		case 'V': every_violation = atoll(optarg); break;
		case 'B': big_endian = true; break;
		case 'L': per_bank = true; break;
		case 'P': padded_sha1 = true; break;
		case 'E':
			extends_out = fopen(optarg, "w");
			if (!extends_out) {
				perror(optarg);
				return 2;
			}
			break;
		case 'k': kx_form = optarg; break;
		case 'F': fail_hop = atoi(optarg); break;
		case 'l': late_aggregate = true; break;
		case 'Q':
			for (cut = strtok(optarg, ","); cut;
			     cut = strtok(NULL, ","))
				if (atoi(cut) >= 0 && atoi(cut) < 32)
					quiet_boots |= 1u << atoi(cut);
			break;
		case 'D':
			damage = optarg;
			hop_damage_pending = !strcmp(damage, "hop");
			break;
		case 'X':
			for (cut = strtok(optarg, ","); cut;
			     cut = strtok(NULL, ",")) {
				if (ncuts == MAX_CUTS) {
					fprintf(stderr, "gen-list: -X: at most %d cuts\n",
						MAX_CUTS);
					return 2;
				}
				cuts[ncuts++] = atoll(cut);
			}
			break;
		case 's': rng_state ^= (uint64_t)atoll(optarg) * 2654435761u; break;
		default:
			fprintf(stderr, "usage: gen-list [-n N] [-t TEMPLATE] [-b BOOTS] [-V EVERY] [-B] [-L] [-s SEED] DIR\n");
			return 2;
		}
	}
	if (optind != argc - 1 || boots < 1 ||
	    (!form_is("none") && !form_is("mainline") && !form_is("series") &&
	     !form_is("old")))
		return 2;
	ctx = EVP_MD_CTX_new();
	for (b = 0; b < GEN_BANKS; b++)	/* TPM reset values */
		for (c = 17; c <= 22; c++)
			memset(pcr[b][c], 0xff, iv_bank_info(b)->size);
	out_dir = argv[optind];
	list_out[IV_SHA1] = ncuts ? open_part(out_dir, "exported-1") :
			    open_list(out_dir, "");
	if (per_bank)
		for (b = 1; b < GEN_BANKS; b++) {
			snprintf(suffix, sizeof(suffix), "_%s",
				 iv_bank_info(b)->name);
			list_out[b] = open_list(argv[optind], suffix);
		}
	firmware();
	per_boot = entries / boots;
	boot_aggregate(tmpl);
	for (i = 1; i < entries; i++) {
		if (boots > 1 && i % per_boot == 0 && boot < boots - 1) {
			handover(tmpl, boot++);
			continue;
		}
		t = strcmp(tmpl, "mix") ? tmpl :
		    mix[i % (sizeof(mix) / sizeof(mix[0]))];
		snprintf(name, sizeof(name), "/usr/lib/synthetic/b%d/file-%lld",
			 boot, i);
		file_entry(t, name, every_violation && i % every_violation == 0,
			   NULL);
	}
	for (b = 0; b < GEN_BANKS; b++)
		if (list_out[b] && fclose(list_out[b]) != 0)
			return 2;
	if (per_bank) {
		/* The plain list is the _sha1 list (a symlink in securityfs). */
		char src[4096], dst[4200];
		FILE *in, *out;
		size_t n;
		static uint8_t copy[1 << 16];

		snprintf(src, sizeof(src), "%s/binary_runtime_measurements",
			 argv[optind]);
		snprintf(dst, sizeof(dst), "%s_sha1", src);
		in = fopen(src, "rb");
		out = fopen(dst, "wb");
		while (in && out && (n = fread(copy, 1, sizeof(copy), in)))
			fwrite(copy, 1, n, out);
		if (in)
			fclose(in);
		if (out)
			fclose(out);
	}
	write_pcrs(argv[optind]);
	if (extends_out)
		fclose(extends_out);
	EVP_MD_CTX_free(ctx);
	return 0;
}
