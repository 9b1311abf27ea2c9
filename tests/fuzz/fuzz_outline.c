/*
 * libFuzzer target: the outline.  Any bytes as a plain text or Markdown
 * file (by name; Markdown also as rendered), with annotations shown or
 * hidden; or, when the first byte says so, the first line is a --heading
 * pattern for the rest.  Every heading must be in order, on a line
 * start, with a level >= 1 and a valid title.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "yuedu/doc.h"
#include "yuedu/outline.h"
#include "yuedu/render.h"

static void
fuzz_check(struct doc *doc, const struct outline *ol)
{
	size_t prev = 0;

	for (size_t i = 0; i < ol->n; i++) {
		const struct outline_heading *h = &ol->v[i];

		if (h->level < 1 || h->off < prev || h->off > doc->len ||
		    h->line < 1 || h->title == NULL)
			abort();
		if (h->off > 0 && doc->text[h->off - 1] != '\n' &&
		    doc->text[h->off - 1] != '\r')
			abort();
		prev = h->off;
		if (outline_section_of(ol, h->off) < i)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned how = fuzz_byte(&data, &size);
	struct outline_opts oo = { 0 };
	struct outline *ol = NULL;
	struct render *r = NULL;
	struct render_opts ro = { RENDER_MARKDOWN, RENDER_REFLOW_OFF, 80 };
	struct doc *src, *doc;
	char *err = NULL, *re = NULL;

	oo.annot = how & 1 ? ANNOT_HIDE : ANNOT_SHOW;
	if ((how & 6) == 6) {
		const uint8_t *nl = memchr(data, '\n', size);
		size_t n = nl ? (size_t)(nl - data) : size;

		re = strndup((const char *)data, n);
		if (outline_check_regex(re, &err) != 0) {
			free(err);
			free(re);
			return 0;
		}
		oo.heading_regex = re;
	}
	src = doc_new_mem((const char *)data, size,
	    how & 2 ? "fuzz.md" : "fuzz.txt");
	doc = src;
	if ((how & 6) == 4) {
		r = render_doc(src, &ro);
		doc = r->doc;
	}
	if (outline_build(&ol, doc, &oo, &err) != 0)
		abort();	/* the pattern was checked */
	fuzz_check(doc, ol);
	outline_free(ol);
	render_free(r);
	doc_free(src);
	free(re);
	return 0;
}
