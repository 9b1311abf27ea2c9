/*
 * libFuzzer target: the shelf's title from a text's first lines
 * (shelf_title_parse(): a 《title》author line, a Title:/Author: header),
 * and the shelf's row of the result (the input's start as its file name)
 * in any width.  What comes back must
 * be valid UTF-8 without controls, a title non-empty, and a row exactly
 * as wide as asked.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "fuzz_common.h"
#include "yuedu/shelf.h"
#include "yuedu/width.h"

static void
fuzz_clean(const char *s)
{
	if (s == NULL)
		return;
	if (u8_check((const uint8_t *)s, strlen(s)) != NULL)
		abort();
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned a = fuzz_byte(&data, &size);
	int cols = (int)(a % 128);
	char *title, *author, *row;
	int r;

	width_set_ambiguous(a & 128 ? WIDTH_AMBIGUOUS_WIDE :
	    WIDTH_AMBIGUOUS_NARROW);
	r = shelf_title_parse((const char *)data, size, &title, &author);
	if ((r == 1) != (title != NULL) || (title != NULL && title[0] == 0) ||
	    (author != NULL && author[0] == 0))
		abort();
	fuzz_clean(title);
	fuzz_clean(author);
	{
		struct shelf_entry e;
		char name[24];
		size_t nn = size < 20 ? size : 20;

		/* The file name: the input's first bytes, any of them. */
		memcpy(name, data, nn);
		name[nn] = '\0';
		memset(&e, 0, sizeof e);
		e.name = nn > 0 ? name : "fuzz.txt";
		e.title = title != NULL ? title : "";
		e.author = author;
		e.progress_pct = -1;
		row = shelf_row(&e, cols);
		if (width_string(row, strlen(row)) != cols)
			abort();
		free(row);
	}
	free(title);
	free(author);
	return 0;
}
