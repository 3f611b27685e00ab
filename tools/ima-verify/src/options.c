// SPDX-License-Identifier: GPL-2.0-only
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "options.h"
#include "util.h"

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

int iv_options_add_exported(struct iv_options *o, struct iv_path_arg part)
{
	struct iv_path_arg *parts = iv_grow(o->exported, o->nexported,
					    sizeof(*parts));

	if (!parts)
		return -1;
	o->exported = parts;
	o->exported[o->nexported++] = part;
	return 0;
}

void iv_options_free(struct iv_options *o)
{
	free(o->exported);
	o->exported = NULL;
	o->nexported = 0;
}
