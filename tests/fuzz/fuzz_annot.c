/*
 * libFuzzer target: inline pinyin annotations (網(wǎng), 戰（zhàn）, 了(·le)).
 * Any bytes as one line: every span found lies inside it, in order, with
 * its parts nested and its syllable accepted by annot_is_pinyin(); the
 * automatic mode is resolved over the bytes as a document.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "yuedu/annot.h"
#include "yuedu/doc.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct annot_span *spans = NULL;
	size_t cap = 0, n, prev = 100;
	struct doc *doc;
	enum annot_mode m;

	n = annot_find(s, size, 100, &spans, &cap);
	for (size_t i = 0; i < n; i++) {
		const struct annot_span *a = &spans[i];

		if (a->han_off < prev || a->han_off >= a->open_off ||
		    a->open_off >= a->py_off || a->py_off >= a->py_end ||
		    a->py_end >= a->end_off || a->end_off > 100 + size)
			abort();
		if (!annot_is_pinyin(s + a->py_off - 100,
		    a->py_end - a->py_off))
			abort();
		prev = a->end_off;
	}
	free(spans);
	(void)annot_is_pinyin(s, size);
	doc = doc_new_mem(s, size, "fuzz.txt");
	m = annot_resolve(ANNOT_AUTO, doc);
	if (m != ANNOT_SHOW && m != ANNOT_HIDE)
		abort();
	doc_free(doc);
	return 0;
}
