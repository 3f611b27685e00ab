// SPDX-License-Identifier: GPL-2.0-only
#include <string.h>
#include <unistd.h>

#include "options.h"

void iv_options_init(struct iv_options *o)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	memset(o, 0, sizeof(*o));
	o->byte_order = IV_ORDER_AUTO;
	o->expect_boots = -1;
	o->max_trailing = -1;
	o->threads = cpus > 1 ? (cpus > 8 ? 8 : (int)cpus) : 1;
	o->max_data = IV_DEFAULT_MAX_DATA;
}
