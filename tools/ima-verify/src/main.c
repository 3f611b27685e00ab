// SPDX-License-Identifier: GPL-2.0-only
/* ima-verify: command line over the verification library. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "verify.h"

#define IV_VERSION "1.0"

static void usage(FILE *out)
{
	fputs(
"usage: ima-verify [OPTIONS] [LIST]\n"
"Verify an IMA measurement list (possibly spanning kexec boots) against\n"
"TPM evidence: PCR values, a live TPM, or a TPM2 quote.\n"
"\n"
"Inputs:\n"
"  --evidence DIR         load a whole evidence directory (lists, pcrs-BANK.txt,\n"
"                         quote.msg/.sig/.pcrs/.sel, nonce.hex, ak.pub/ak.pem,\n"
"                         exported parts exported-1, exported-2, ...)\n"
"  --log [BANK:]FILE      measurement list; BANK names a per-bank list\n"
"                         (binary_runtime_measurements_sha256 is sha256:FILE);\n"
"                         the first is the primary, default bank sha1\n"
"  --exported [BANK:]FILE a part exported and deleted before LIST (mainline\n"
"                         CONFIG_IMA_STAGING); repeat in order, oldest first:\n"
"                         the parts are replayed before the list (replaces\n"
"                         the directory's exported-N; '' for none)\n"
"  --byte-order ORDER     auto (default), native, little, big\n"
"  --pcrs [BANK:]FILE     PCR values: 'PCR-NN: hex' lines, tpm2_pcrread YAML,\n"
"                         grep of sysfs pcr-BANK/N, or a sysfs pcr-BANK dir\n"
"  --tpm                  read PCRs from a live TPM (tpm2-tss)\n"
"  --tcti CONF            TCTI for --tpm (default $TPM2TOOLS_TCTI)\n"
"  --quote-msg FILE       TPMS_ATTEST from tpm2_quote -m\n"
"  --quote-sig FILE       TPMT_SIGNATURE from tpm2_quote -s\n"
"  --quote-pcrs FILE      PCR values from tpm2_quote -o (checked by pcrDigest)\n"
"  --quote-sel SEL|FILE   selection the quote must have (tpm2 -l syntax)\n"
"  --ak FILE              AK public key, PEM or TPM2B_PUBLIC\n"
"  --nonce HEX            expected qualifying data\n"
"  --nonce-file FILE      expected qualifying data, hex in a file\n"
"Replay:\n"
"  --bank LIST            banks to replay (sha1,sha256,sha384,sha512,sm3_256);\n"
"                         default: banks with evidence or a list\n"
"  --padded-sha1[=LIST]   pre-5.8 kernels: extend non-SHA-1 banks (or LIST)\n"
"                         with the zero-padded SHA-1 template digest\n"
"  --state-in FILE        resume from a saved PCR state and entry offset\n"
"  --state-out FILE       save the PCR state after the last entry\n"
"  --max-trailing N       fail when more than N entries follow the PCR match\n"
"  --threads N            hashing threads (default: online CPUs, at most 8)\n"
"Expectations (fail with exit 40 when unmet):\n"
"  --expect-kernel [ALGO:]HEX     every kexec'd kernel is one of these\n"
"  --expect-initramfs [ALGO:]HEX  every kexec'd initramfs is one of these\n"
"  --expect-cmdline TEXT          every kexec cmdline is one of these\n"
"  --expect-boots N               the list holds N boot_aggregate entries\n"
"  --no-boot-aggregate            do not fail on boot_aggregate mismatches\n"
"Output:\n"
"  --json                 machine-readable report\n"
"  --json-out FILE        also write the JSON report to FILE\n"
"  -v, --verbose          always show the boot chain\n"
"  -h, --help, --version\n"
"\n"
"Exit codes: 0 verified; 1 no PCR evidence (list consistent only);\n"
"10 template digest mismatch; 11 PCR mismatch; 12 boot_aggregate mismatch;\n"
"13 per-bank lists disagree; 14 kexec restore failed (history lost);\n"
"15 earlier records missing; 16 hand-over incomplete; 17 hand-over counts\n"
"disagree with the list; 18 hops out of sequence; 19 malformed boundary\n"
"event; 20 quote signature; 21 quote nonce;\n"
"22 quote PCR selection; 23 quote pcrDigest; 24 quote malformed;\n"
"30 malformed list; 31 malformed evidence; 40 expectation unmet;\n"
"64 usage; 66 cannot open input; 70 internal error.\n", out);
}

enum {
	OPT_EVIDENCE = 256, OPT_LOG, OPT_BYTE_ORDER, OPT_PCRS, OPT_TPM,
	OPT_TCTI, OPT_QUOTE_MSG, OPT_QUOTE_SIG, OPT_QUOTE_PCRS, OPT_QUOTE_SEL,
	OPT_AK, OPT_NONCE, OPT_NONCE_FILE, OPT_BANK, OPT_PADDED, OPT_STATE_IN,
	OPT_STATE_OUT, OPT_MAX_TRAILING, OPT_THREADS, OPT_EXPECT_KERNEL,
	OPT_EXPECT_INITRAMFS, OPT_EXPECT_CMDLINE, OPT_EXPECT_BOOTS,
	OPT_NO_AGGREGATE, OPT_JSON, OPT_JSON_OUT, OPT_VERSION, OPT_EXPORTED,
};

static const struct option long_options[] = {
	{ "evidence", required_argument, NULL, OPT_EVIDENCE },
	{ "log", required_argument, NULL, OPT_LOG },
	{ "exported", required_argument, NULL, OPT_EXPORTED },
	{ "byte-order", required_argument, NULL, OPT_BYTE_ORDER },
	{ "pcrs", required_argument, NULL, OPT_PCRS },
	{ "tpm", no_argument, NULL, OPT_TPM },
	{ "tcti", required_argument, NULL, OPT_TCTI },
	{ "quote-msg", required_argument, NULL, OPT_QUOTE_MSG },
	{ "quote-sig", required_argument, NULL, OPT_QUOTE_SIG },
	{ "quote-pcrs", required_argument, NULL, OPT_QUOTE_PCRS },
	{ "quote-sel", required_argument, NULL, OPT_QUOTE_SEL },
	{ "ak", required_argument, NULL, OPT_AK },
	{ "nonce", required_argument, NULL, OPT_NONCE },
	{ "nonce-file", required_argument, NULL, OPT_NONCE_FILE },
	{ "bank", required_argument, NULL, OPT_BANK },
	{ "padded-sha1", optional_argument, NULL, OPT_PADDED },
	{ "state-in", required_argument, NULL, OPT_STATE_IN },
	{ "state-out", required_argument, NULL, OPT_STATE_OUT },
	{ "max-trailing", required_argument, NULL, OPT_MAX_TRAILING },
	{ "threads", required_argument, NULL, OPT_THREADS },
	{ "expect-kernel", required_argument, NULL, OPT_EXPECT_KERNEL },
	{ "expect-initramfs", required_argument, NULL, OPT_EXPECT_INITRAMFS },
	{ "expect-cmdline", required_argument, NULL, OPT_EXPECT_CMDLINE },
	{ "expect-boots", required_argument, NULL, OPT_EXPECT_BOOTS },
	{ "no-boot-aggregate", no_argument, NULL, OPT_NO_AGGREGATE },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "json-out", required_argument, NULL, OPT_JSON_OUT },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

static int die_usage(const char *fmt, const char *arg)
{
	fprintf(stderr, "ima-verify: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n(see ima-verify --help)\n");
	return IV_ERR_USAGE;
}

static int die_nomem(void)
{
	fprintf(stderr, "ima-verify: out of memory\n");
	return IV_ERR_INTERNAL;
}

/* "BANK:PATH" or "PATH"; a colon inside a path is kept when no bank. */
static struct iv_path_arg bank_path(const char *arg)
{
	const char *colon = strchr(arg, ':');
	int bank = colon ? iv_bank_by_name(arg, (size_t)(colon - arg)) : -1;

	return (struct iv_path_arg){ bank, bank >= 0 ? colon + 1 : arg };
}

static int parse_banks(const char *list, uint32_t *mask)
{
	const char *p = list;
	size_t len;
	int bank;

	*mask = 0;
	while (*p) {
		len = strcspn(p, ",+");
		bank = iv_bank_by_name(p, len);
		if (bank < 0)
			return -1;
		*mask |= 1u << bank;
		p += len;
		if (*p)
			p++;
	}
	return *mask ? 0 : -1;
}

static int parse_count(const char *arg, long long *out)
{
	char *end;

	*out = strtoll(arg, &end, 10);
	return *arg && !*end && *out >= 0 ? 0 : -1;
}

static int add_expect(struct iv_options *o, int opt)
{
	const char **list = o->expect_cmdline;
	int *n = &o->n_expect_cmdline;

	if (opt == OPT_EXPECT_KERNEL) {
		list = o->expect_kernel;
		n = &o->n_expect_kernel;
	} else if (opt == OPT_EXPECT_INITRAMFS) {
		list = o->expect_initramfs;
		n = &o->n_expect_initramfs;
	}
	if (*n == IV_MAX_EXPECT)
		return -1;
	list[(*n)++] = optarg;
	return 0;
}

/*
 * Fill what the evidence directory has and the flags did not set.
 * Returns -1 when out of memory.
 */
static int apply_evidence(struct iv_options *o, struct iv_evidence_paths *p)
{
	int b;

	/* Explicit lists replace the directory's. */
	if (!o->nlists) {
		if (p->plain_log)
			o->lists[o->nlists++] = (struct iv_path_arg){
				IV_SHA1, p->plain_log };
		for (b = 0; b < IV_NBANKS; b++)
			if (p->bank_log[b])
				o->lists[o->nlists++] = (struct iv_path_arg){
					b, p->bank_log[b] };
	}
	if (!o->npcrs && !o->tpm)
		for (b = 0; b < IV_NBANKS; b++)
			if (p->pcr_file[b] && o->npcrs < IV_MAX_PCR_ARGS)
				o->pcrs[o->npcrs++] = (struct iv_path_arg){
					b, p->pcr_file[b] };
	if (!o->nexported && !o->no_exported)
		for (b = 0; b < p->nexported; b++)
			if (iv_options_add_exported(o, (struct iv_path_arg){
					-1, p->exported[b] }))
				return -1;
	if (!o->quote_msg)
		o->quote_msg = p->quote_msg;
	if (!o->quote_sig)
		o->quote_sig = p->quote_sig;
	if (!o->quote_pcrs)
		o->quote_pcrs = p->quote_pcrs;
	if (!o->quote_sel)
		o->quote_sel = p->quote_sel;
	if (!o->ak)
		o->ak = p->ak_pub ? p->ak_pub : p->ak_pem;
	if (!o->nonce_hex && !o->nonce_file)
		o->nonce_file = p->nonce;
	return 0;
}

/* The JSON report into a file as well; failing to write it is an I/O error. */
static int write_json(const char *path, const struct iv_result *r, int status)
{
	FILE *f = fopen(path, "w");

	if (f)
		iv_report_json(f, r);
	if (!f || fclose(f) != 0) {
		fprintf(stderr, "ima-verify: --json-out %s: %s\n", path,
			strerror(errno));
		return IV_ERR_CANTCREAT;
	}
	return status;
}

int main(int argc, char **argv)
{
	struct iv_evidence_paths paths = { 0 };
	const char *evidence = NULL;
	struct iv_options o;
	struct iv_result *r;
	struct iv_error err;
	bool json = false, verbose = false;
	const char *json_out = NULL;
	long long n;
	int c, status;

	iv_options_init(&o);
	while ((c = getopt_long(argc, argv, "hv", long_options, NULL)) != -1) {
		switch (c) {
		case OPT_EVIDENCE: evidence = optarg; break;
		case OPT_LOG:
			if (o.nlists == IV_MAX_LISTS)
				return die_usage("too many lists%s", "");
			o.lists[o.nlists++] = bank_path(optarg);
			break;
		case OPT_EXPORTED:
			if (!*optarg) {		/* '': not the directory's */
				o.no_exported = true;
				break;
			}
			if (iv_options_add_exported(&o, bank_path(optarg)))
				return die_nomem();
			break;
		case OPT_BYTE_ORDER:
			if (!strcmp(optarg, "auto"))
				o.byte_order = IV_ORDER_AUTO;
			else if (!strcmp(optarg, "little"))
				o.byte_order = IV_ORDER_LITTLE;
			else if (!strcmp(optarg, "big"))
				o.byte_order = IV_ORDER_BIG;
			else if (!strcmp(optarg, "native"))
				o.byte_order = iv_host_is_big_endian() ?
					       IV_ORDER_BIG : IV_ORDER_LITTLE;
			else
				return die_usage("--byte-order %s: want auto, native, little or big",
						 optarg);
			break;
		case OPT_PCRS:
			if (o.npcrs == IV_MAX_PCR_ARGS)
				return die_usage("too many --pcrs%s", "");
			o.pcrs[o.npcrs++] = bank_path(optarg);
			break;
		case OPT_TPM: o.tpm = true; break;
		case OPT_TCTI: o.tcti = optarg; break;
		case OPT_QUOTE_MSG: o.quote_msg = optarg; break;
		case OPT_QUOTE_SIG: o.quote_sig = optarg; break;
		case OPT_QUOTE_PCRS: o.quote_pcrs = optarg; break;
		case OPT_QUOTE_SEL: o.quote_sel = optarg; break;
		case OPT_AK: o.ak = optarg; break;
		case OPT_NONCE: o.nonce_hex = optarg; break;
		case OPT_NONCE_FILE: o.nonce_file = optarg; break;
		case OPT_BANK:
			if (parse_banks(optarg, &o.banks))
				return die_usage("--bank %s: unknown bank", optarg);
			break;
		case OPT_PADDED:
			if (!optarg)
				o.padded_sha1 = ((1u << IV_NBANKS) - 1) &
						~(1u << IV_SHA1);
			else if (parse_banks(optarg, &o.padded_sha1) ||
				 (o.padded_sha1 & 1u << IV_SHA1))
				return die_usage("--padded-sha1=%s: want non-SHA-1 banks",
						 optarg);
			break;
		case OPT_STATE_IN: o.state_in = optarg; break;
		case OPT_STATE_OUT: o.state_out = optarg; break;
		case OPT_MAX_TRAILING:
			if (parse_count(optarg, &o.max_trailing))
				return die_usage("--max-trailing %s: not a count",
						 optarg);
			break;
		case OPT_THREADS:
			if (parse_count(optarg, &n) || n < 1 || n > 8)
				return die_usage("--threads %s: want 1-8", optarg);
			o.threads = (int)n;
			break;
		case OPT_EXPECT_KERNEL:
		case OPT_EXPECT_INITRAMFS:
		case OPT_EXPECT_CMDLINE:
			if (add_expect(&o, c))
				return die_usage("at most %s of each --expect option",
						 "16");
			break;
		case OPT_EXPECT_BOOTS:
			if (parse_count(optarg, &n) || n > 1000000)
				return die_usage("--expect-boots %s: not a count",
						 optarg);
			o.expect_boots = (int)n;
			break;
		case OPT_NO_AGGREGATE: o.skip_boot_aggregate = true; break;
		case OPT_JSON: json = true; break;
		case OPT_JSON_OUT: json_out = optarg; break;
		case 'v': verbose = true; break;
		case 'h': usage(stdout); return 0;
		case OPT_VERSION: printf("ima-verify %s\n", IV_VERSION); return 0;
		default: usage(stderr); return IV_ERR_USAGE;
		}
	}
	for (; optind < argc; optind++) {
		if (o.nlists == IV_MAX_LISTS)
			return die_usage("too many lists%s", "");
		o.lists[o.nlists++] = bank_path(argv[optind]);
	}
	if (evidence) {
		iv_error_clear(&err);
		if (iv_evidence_scan(evidence, &paths, &err)) {
			fprintf(stderr, "ima-verify: %s\n", err.msg);
			return err.status;
		}
		if (apply_evidence(&o, &paths))
			return die_nomem();
	}
	if (!o.nlists)
		return die_usage("no measurement list: give LIST, --log or --evidence%s",
				 "");

	r = malloc(sizeof(*r));
	if (!r)
		return die_nomem();
	status = iv_verify(&o, r);
	if (json)
		iv_report_json(stdout, r);
	else
		iv_report_text(stdout, r, verbose);
	if (json_out)
		status = write_json(json_out, r, status);
	iv_result_free(r);
	free(r);
	iv_evidence_paths_free(&paths);
	iv_options_free(&o);
	return status;
}
