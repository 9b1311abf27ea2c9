/*
 * Shared by the fuzz targets: reading option bytes off the front of an
 * input, and one script converter per script, opened once (OpenCC's
 * setup is slow; they live until exit, reachable, so no leak).
 */
#ifndef YUEDU_FUZZ_COMMON_H
#define YUEDU_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "yuedu/conv.h"

/* The next option byte of the input (0 when none is left). */
static inline unsigned
fuzz_byte(const uint8_t **data, size_t *size)
{
	unsigned b;

	if (*size == 0)
		return 0;
	b = **data;
	(*data)++;
	(*size)--;
	return b;
}

/* The converter to SCRIPT (CONV_ORIGINAL: NULL). */
static inline struct conv *
fuzz_conv(enum conv_script script)
{
	static struct conv *cv[CONV_NSCRIPTS];
	char *err = NULL;

	if (script <= CONV_ORIGINAL || script >= CONV_NSCRIPTS)
		return NULL;
	if (cv[script] == NULL) {
		cv[script] = conv_new(script, &err);
		if (cv[script] == NULL)
			abort();	/* OpenCC's tables are installed */
	}
	return cv[script];
}

/*
 * Open every converter before the first input (libFuzzer calls this once
 * per process): OpenCC's dictionaries take seconds to load under ASan,
 * which would count against one input's timeout.
 */
static inline void
fuzz_conv_all(void)
{
	for (int s = CONV_ORIGINAL + 1; s < CONV_NSCRIPTS; s++)
		(void)fuzz_conv((enum conv_script)s);
}

#endif
