/* SPDX-License-Identifier: GPL-2.0-only */
/* The verdict for people (text) and machines (JSON, json-c). */
#ifndef IV_REPORT_H
#define IV_REPORT_H

#include <stdio.h>
#include "verify.h"

void iv_report_text(FILE *out, const struct iv_result *r, bool verbose);
int iv_report_json(FILE *out, const struct iv_result *r);

#endif
