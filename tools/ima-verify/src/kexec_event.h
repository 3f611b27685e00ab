/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kexec boundary events (ima-buf, PCR 10), in every text a kernel
 * writes, parsed into one typed struct.  Pure text parsing: no other
 * module's header.
 *
 *  mainline (6.16+, critical data ima_kexec), kexec_load / kexec_execute:
 *    kexec_segment_size=N;ima_binary_runtime_size=N;ima_runtime_measurements_count=N;
 *  series, the same first, then more "key=value;" pairs (hop=N;, and
 *  from the 6.12 series of early December 2026 handover_size=N;, the
 *  bytes the list took in the hand-over), and
 *    kexec_restored        hop=N;restored_entries=N;segment_size=N;format=F;
 *    kexec_restore_failed  [hop=N;]error=N;segment_size=N;reason=TEXT;
 *  old series form (space-separated), kexec_load / kexec_execute:
 *    hop=N entries=N list_bytes=N segment_bytes=N kernel_sha256=HEX
 *    kexec_restored        hop=N entries=N segment_bytes=N restore_us=N
 *    kexec_restore_failed  [hop=N ]error=N [segment_bytes=N ]reason=REST
 * Unknown keys are accepted (counted); anything else is malformed.
 */
#ifndef IV_KEXEC_EVENT_H
#define IV_KEXEC_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum iv_kx_kind {
	IV_KX_NONE,		/* not a boundary event name */
	IV_KX_LOAD,
	IV_KX_EXECUTE,
	IV_KX_RESTORED,
	IV_KX_RESTORE_FAILED,
};

enum iv_kx_form {
	IV_KX_MAINLINE,		/* ';' pairs, no hop */
	IV_KX_SERIES,		/* ';' pairs with hop */
	IV_KX_OLD,		/* space-separated */
};

#define IV_KX_REASON_MAX 160
#define IV_KX_FORMAT_MAX 16

struct iv_kexec_event {
	enum iv_kx_kind kind;
	enum iv_kx_form form;
	bool has_hop, has_count, has_bytes, has_segment, has_error;
	bool bytes_checkable;	/* mainline binary size, not the old v2 size */
	bool has_kernel, has_restore_us, has_handover;
	uint32_t hop;
	/* load/execute: records before the event; restored: records restored */
	unsigned long long count;
	unsigned long long bytes;	/* list size before the event */
	unsigned long long segment;
	unsigned long long restore_us;
	unsigned long long handover;	/* series: v1 part + extension */
	int error;
	char reason[IV_KX_REASON_MAX];
	char format[IV_KX_FORMAT_MAX];
	uint8_t kernel_sha256[32];
	int unknown_keys;
};

/* The kind an event name (n-ng, not NUL-terminated) stands for. */
enum iv_kx_kind iv_kexec_event_kind(const char *name, size_t len);
const char *iv_kexec_kind_name(enum iv_kx_kind kind);
const char *iv_kexec_form_name(enum iv_kx_form form);

/*
 * Parse the event text of a kind.  0, or -1 with why (naming the byte
 * offset in the text and the problem).
 */
int iv_kexec_event_parse(enum iv_kx_kind kind, const uint8_t *text,
			 size_t len, struct iv_kexec_event *out, char *why,
			 size_t why_size);

#endif
