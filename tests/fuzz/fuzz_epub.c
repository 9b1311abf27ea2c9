/*
 * libFuzzer target: any bytes as an EPUB book (the zip, container.xml,
 * the package document, nav and NCX, every chapter), rendered and as
 * --raw.  Seeds: the books tests/data/make_books.py makes.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "yuedu/doc.h"
#include "yuedu/render.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct doc *src = doc_new_mem((const char *)data, size, "fuzz.epub");
	struct render_opts ro = { RENDER_EPUB, RENDER_REFLOW_OFF, 80, 0, NULL };
	struct render *r = render_doc(src, &ro);

	for (size_t i = 0; i < r->nheadings; i++)
		if (r->headings[i].off > r->doc->len)
			abort();
	render_free(r);
	ro.format = RENDER_TEXT;
	r = render_doc(src, &ro);
	render_free(r);
	doc_free(src);
	return 0;
}
