/*
 * libFuzzer target: search.  Two option bytes choose literal or regex,
 * the casing, width/script folding, hidden annotations, the script view
 * (every combination) and pinyin search; then the pattern up to the first
 * NUL and the text after it.  Every match found line by line, forward,
 * backward and by the visitor must lie inside its line, in order, not
 * splitting a UTF-8 sequence; the folding map must point into the line.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "yuedu/doc.h"
#include "yuedu/search.h"

struct fuzz_visit {
	struct doc *doc;
	size_t last;
};

static void
fuzz_match(struct doc *doc, const struct search_match *m)
{
	size_t l;

	if (m->off > m->end || m->end > doc->len)
		abort();
	l = doc_line_of(doc, m->off);
	if (m->off < doc_line_start(doc, l) || m->end > doc_line_end(doc, l))
		abort();
}

static int
fuzz_on_match(void *arg, size_t line, const struct search_match *m)
{
	struct fuzz_visit *v = arg;

	fuzz_match(v->doc, m);
	if (m->off < v->last || line != doc_line_of(v->doc, m->off))
		abort();
	v->last = m->off;
	return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	/* Load OpenCC's tables (the Taiwan and Hong Kong views' inverse
	 * conversions) before the first input: seconds under ASan. */
	for (int v = CONV_TAIWAN; v <= CONV_HONGKONG; v++) {
		struct search_opts so = { 0 };
		char *err = NULL;
		struct search *s;

		so.view_script = v;
		s = search_new("\xe7\xbd\x91", &so, &err);
		search_free(s);
		free(err);
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned a = fuzz_byte(&data, &size), b = fuzz_byte(&data, &size);
	struct search_opts so = { 0 };
	const uint8_t *nul = memchr(data, 0, size);
	struct search_match *v = NULL, m;
	struct search_visit vis = { 0 };
	struct fuzz_visit fv = { 0 };
	struct search *s;
	struct doc *doc;
	size_t cap = 0, nl, plen;
	char *pat, *err = NULL, *folded;
	size_t *map = NULL;

	so.regex = a & 1;
	so.casing = (enum search_case)((a >> 1) % 3);
	so.no_fold_width = (a >> 3) & 1;
	so.no_fold_script = (a >> 4) & 1;
	so.annot = (a >> 5) & 1 ? ANNOT_HIDE : ANNOT_SHOW;
	so.pinyin = (a >> 6) & 1;
	so.view_script = b % CONV_NSCRIPTS;
	plen = nul ? (size_t)(nul - data) : size;
	pat = strndup((const char *)data, plen);
	s = search_new(pat, &so, &err);
	free(pat);
	if (s == NULL) {
		free(err);
		return 0;
	}
	data += plen + (nul != NULL);
	size -= plen + (nul != NULL);
	doc = doc_new_mem((const char *)data, size, "fuzz.txt");
	nl = doc_line_count(doc);
	for (size_t l = 0; l < nl; l++) {
		size_t n = search_line(s, doc, l, &v, &cap), prev;

		prev = doc_line_start(doc, l);
		for (size_t i = 0; i < n; i++) {
			fuzz_match(doc, &v[i]);
			if (v[i].off < prev)
				abort();
			prev = v[i].end;
		}
	}
	free(v);
	if (search_find(s, doc, 0, 0, &m, NULL, NULL) == SEARCH_FOUND)
		fuzz_match(doc, &m);
	if (search_find(s, doc, doc->len, 1, &m, NULL, NULL) == SEARCH_FOUND)
		fuzz_match(doc, &m);
	fv.doc = doc;
	vis.from = 0;
	vis.to = doc->len;
	vis.on_match = fuzz_on_match;
	vis.arg = &fv;
	(void)search_each(s, doc, &vis);
	folded = search_fold(s, doc->text, doc->len, &map);
	for (size_t i = 0, n = strlen(folded); i <= n && map; i++)
		if (map[i] > doc->len)
			abort();
	free(folded);
	free(map);
	(void)search_foldings(s);
	search_free(s);
	doc_free(doc);
	return 0;
}
