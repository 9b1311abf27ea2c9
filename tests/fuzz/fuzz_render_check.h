/*
 * Shared by the renderer targets: the checks every rendering must pass.
 * The map has no gap and stays inside its source parts; blocks, spans,
 * headings and links lie inside the shown text; reading the map back
 * (shown -> source -> shown, shown byte -> source line) stays in range.
 */
#ifndef YUEDU_FUZZ_RENDER_CHECK_H
#define YUEDU_FUZZ_RENDER_CHECK_H

#include <stdlib.h>

#include "yuedu/doc.h"
#include "yuedu/render.h"

static void
fuzz_render_check(const struct render *r)
{
	size_t len = r->doc->len, at = 0;

	if (r->identity)
		return;
	for (size_t i = 0; i < r->nruns; i++) {
		const struct render_run *u = &r->runs[i];

		if (u->off != at || u->part >= r->nparts ||
		    u->src > r->parts[u->part].len ||
		    (u->copied && u->src + u->len > r->parts[u->part].len))
			abort();
		at += u->len;
	}
	if (r->nruns > 0 && at != len)
		abort();
	for (size_t i = 0; i < r->nblocks; i++)
		if (r->blocks[i].off > r->blocks[i].end ||
		    r->blocks[i].end > len)
			abort();
	for (size_t i = 0; i < r->nspans; i++)
		if (r->spans[i].off > r->spans[i].end ||
		    r->spans[i].end > len ||
		    r->spans[i].link > r->nlinks ||
		    (i > 0 && r->spans[i].off < r->spans[i - 1].end))
			abort();
	for (size_t i = 0; i < r->nheadings; i++)
		if (r->headings[i].off > len || r->headings[i].title == NULL)
			abort();
	for (size_t i = 0; i < r->nlinks; i++)
		if (r->links[i].off > len || r->links[i].url == NULL)
			abort();
	for (size_t off = 0; off < len; off += 1 + off / 16) {
		size_t part, src = render_src_of(r, off, &part), back;

		if (part >= r->nparts || src > r->parts[part].len)
			abort();
		back = render_off_of_src(r, part, src);
		if (back > len)
			abort();
		(void)render_line_of(r->doc, off, NULL);
		(void)render_style_at(r, off, NULL);
		(void)render_block_at(r, off);
	}
}

#endif
