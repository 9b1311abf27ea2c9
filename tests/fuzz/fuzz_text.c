/*
 * libFuzzer target: the plain-text renderer and its reflow (joining
 * hard-wrapped lines): any bytes rendered with reflow off, on and
 * automatic, and as the format detected by content; each rendering is
 * checked (fuzz_render_check.h) and its line map read back.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_common.h"
#include "fuzz_render_check.h"
#include "yuedu/doc.h"
#include "yuedu/render.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned a = fuzz_byte(&data, &size);
	struct render_opts ro = { RENDER_TEXT, RENDER_REFLOW_AUTO, 80 };
	struct doc *src = doc_new_mem((const char *)data, size,
	    a & 4 ? "fuzz" : "fuzz.txt");
	struct render *r;
	size_t nl;

	ro.reflow = (enum render_reflow)(a % 3);
	if (a & 8)
		ro.format = RENDER_AUTO;
	(void)render_text_is_wrapped(src);
	(void)render_detect(src);
	r = render_doc(src, &ro);
	fuzz_render_check(r);
	nl = doc_line_count(src);
	for (size_t l = 0; l < nl; l++)
		if (render_off_of_line(r->doc, l) > r->doc->len)
			abort();
	render_free(r);
	doc_free(src);
	return 0;
}
