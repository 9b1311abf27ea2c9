/*
 * libFuzzer target: the Markdown renderer (md4c walked into the shown
 * text, its map, blocks, spans, headings, links and tables) at a width
 * chosen by the first byte; the rendering is checked (fuzz_render_check.h)
 * and laid out as the reader would.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_common.h"
#include "fuzz_render_check.h"
#include "yuedu/doc.h"
#include "yuedu/layout.h"
#include "yuedu/render.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned a = fuzz_byte(&data, &size);
	struct render_opts ro = { RENDER_MARKDOWN, RENDER_REFLOW_OFF, 0 };
	struct doc *src = doc_new_mem((const char *)data, size, "fuzz.md");
	struct render *r;

	ro.width_cols = (int)(a % 128);
	r = render_doc(src, &ro);
	if (r->doc == NULL)
		abort();
	fuzz_render_check(r);
	if (a & 128) {
		struct layout_opts lo = { 0 };
		struct layout *lay;
		size_t nl = doc_line_count(r->doc);

		lo.width_cols = ro.width_cols ? ro.width_cols : 1;
		lo.annot = ANNOT_SHOW;
		lay = layout_new(r->doc, &lo);
		for (size_t l = 0; l < nl; l++)
			(void)layout_get(lay, l);
		layout_free(lay);
	}
	render_free(r);
	doc_free(src);
	return 0;
}
