/*
 * What the doc generators in tools/ share: reading a whole file.  Each
 * includes this once (the functions are static).
 */
#ifndef YUEDU_TOOLS_GEN_DOC_H
#define YUEDU_TOOLS_GEN_DOC_H

#include <stdio.h>
#include <stdlib.h>

#include "yuedu/util.h"

/* PATH's whole text, NUL-ended; exits 2 with the reason when it cannot. */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long n;

	if (f == NULL) {
		perror(path);
		exit(2);
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = xmalloc((size_t)n + 1);
	if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
		perror(path);
		exit(2);
	}
	buf[n] = '\0';
	fclose(f);
	return buf;
}

#endif
