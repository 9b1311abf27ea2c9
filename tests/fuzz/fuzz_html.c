/*
 * libFuzzer target: any bytes as a web page, rendered (charset sniffing,
 * the parser with source offsets, the article, the walk).  Every run
 * checks that the map stays inside the source.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "yuedu/doc.h"
#include "yuedu/render.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct doc *src = doc_new_mem((const char *)data, size, "fuzz.html");
	struct render_opts ro = { RENDER_HTML, RENDER_REFLOW_OFF, 80, 0 };
	struct render *r = render_doc(src, &ro);

	for (size_t i = 0; i < r->nruns; i++)
		if (r->runs[i].part >= r->nparts || r->runs[i].src >
		    r->parts[r->runs[i].part].len)
			abort();
	render_free(r);
	doc_free(src);
	return 0;
}
