/*
 * libFuzzer target: segmentation and readings with the shipped lexicon.
 * The first byte chooses the lexicon (or none); then a pinyin pattern up
 * to the first NUL and the text after it.  Words and readings must lie
 * inside the text, in order; the annotated text's map must point into it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "yuedu/lexicon.h"
#include "yuedu/segment.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned how = fuzz_byte(&data, &size);
	const struct lexicon *lex = how & 1 ? NULL : lexicon_get(NULL);
	const uint8_t *nul = memchr(data, 0, size);
	size_t plen = nul ? (size_t)(nul - data) : 0, n, cap = 0, prev = 7;
	const char *pat = (const char *)data, *s;
	struct segment_word *w = NULL;
	struct segment_reading *rd = NULL;
	char *out;
	size_t out_len;
	uint32_t *map;

	if (nul != NULL) {
		data += plen + 1;
		size -= plen + 1;
	}
	s = (const char *)data;
	n = segment_words(lex, s, size, 7, &w, &cap);
	for (size_t i = 0; i < n; i++) {
		if (w[i].off < prev || w[i].end <= w[i].off ||
		    w[i].end > 7 + size)
			abort();
		prev = w[i].end;
	}
	free(w);
	cap = 0;
	prev = 7;
	n = segment_readings(lex, s, size, 7, &rd, &cap);
	for (size_t i = 0; i < n; i++) {
		if (rd[i].off < prev || rd[i].end <= rd[i].off ||
		    rd[i].end > 7 + size || memchr(rd[i].syl, 0, 8) == NULL)
			abort();
		(void)segment_tone(rd[i].syl);
		prev = rd[i].end;
	}
	free(rd);
	segment_annotate(lex, s, size, NULL, &out, &out_len, &map);
	for (size_t i = 0; i <= out_len; i++)
		if (map[i] > size)
			abort();
	if (map[out_len] != size)
		abort();
	free(out);
	free(map);
	if (plen > 0 && segment_pinyin_match(lex, s, size, pat, plen) > size)
		abort();
	return 0;
}
