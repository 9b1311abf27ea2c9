/*
 * libFuzzer target: layout.  Any text laid out line by line at a width,
 * ambiguous-width mode, annotation mode (show, hide, ruby), script view,
 * --annotate and --paragraph chosen by the first bytes; every row is
 * checked: rows in order inside their line, cells covering their row,
 * no row wider than the width unless it holds one cluster, nothing
 * rendered that a terminal would take as a control.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_common.h"
#include "yuedu/doc.h"
#include "yuedu/layout.h"
#include "yuedu/width.h"

static const int fuzz_widths[] = { 1, 2, 3, 4, 5, 8, 13, 20, 40, 80 };

static void
fuzz_inert(const char *out, size_t n)
{
	for (size_t b = 0; b < n; b++) {
		unsigned char u = (unsigned char)out[b];

		if (u < 0x20 || u == 0x7F || (u == 0xC2 && b + 1 < n &&
		    (unsigned char)out[b + 1] >= 0x80 &&
		    (unsigned char)out[b + 1] < 0xA0))
			abort();
	}
}

static void
fuzz_line(const struct layout_line *ll, int w, int view)
{
	size_t prev_end = ll->off;

	if (ll->nrows < 1 || ll->rows[0].off != ll->off)
		abort();
	for (size_t r = 0; r < ll->nrows; r++) {
		const struct layout_row *row = &ll->rows[r];
		char *s;
		size_t n;

		if (row->off < prev_end || row->end < row->off ||
		    row->end > ll->end || row->cell + row->ncells > ll->ncells)
			abort();
		prev_end = row->end;
		if (row->cols > w && row->ncells > 1 && !view) {
			/* Only hidden cells may ride along a lone cluster. */
			size_t shown = 0;

			for (size_t k = 0; k < row->ncells; k++)
				shown += ll->cells[row->cell + k].kind !=
				    LAYOUT_HIDDEN &&
				    ll->cells[row->cell + k].kind != LAYOUT_PAD;
			if (shown > 1)
				abort();
		}
		for (size_t k = 0; k < row->ncells; k++) {
			const struct layout_cell *c = &ll->cells[row->cell + k];

			if (c->off < ll->off || c->off > ll->end)
				abort();
		}
		s = layout_row_render(ll, r, &n);
		fuzz_inert(s, n);
		free(s);
		s = layout_row_ruby(ll, r, &n);
		if (s != NULL)
			fuzz_inert(s, n);
		free(s);
		(void)layout_row_of(ll, row->off);
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_conv_all();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned a = fuzz_byte(&data, &size), b = fuzz_byte(&data, &size);
	struct layout_opts lo = { 0 };
	struct layout *lay;
	struct doc *doc;
	size_t nl;
	int view;

	lo.width_cols = fuzz_widths[a % 10];
	lo.annot = (enum annot_mode)(ANNOT_SHOW + (a / 10) % 3);
	width_set_ambiguous((a / 30) & 1 ? WIDTH_AMBIGUOUS_WIDE :
	    WIDTH_AMBIGUOUS_NARROW);
	view = b % CONV_NSCRIPTS;
	lo.conv = fuzz_conv((enum conv_script)view);
	lo.annotate = (b / CONV_NSCRIPTS) & 1;
	/* Paragraphs as written, indented or spaced (layout_is_para()). */
	lo.para = (enum layout_para)((b / CONV_NSCRIPTS / 2) % 3);
	doc = doc_new_mem((const char *)data, size, "fuzz.txt");
	lay = layout_new(doc, &lo);
	nl = doc_line_count(doc);
	for (size_t l = 0; l < nl; l++)
		fuzz_line(layout_get(lay, l), lo.width_cols, view != 0);
	/* The uncached path, and the cache after an option change. */
	if (nl > 0) {
		struct layout_line ll = { 0 };

		layout_line_into(lay, nl - 1, &ll);
		fuzz_line(&ll, lo.width_cols, view != 0);
		layout_line_done(&ll);
		lo.width_cols = lo.width_cols * 2 + 1;
		layout_set_opts(lay, &lo);
		fuzz_line(layout_get(lay, 0), lo.width_cols, view != 0);
	}
	/* Long lines in segments (tiny ones here): the pieces follow each
	 * other forward and back, each a valid layout. */
	if (size > 0) {
		const struct layout_line *ll;
		size_t npieces = 0, back = 0, end = 0;
		int last = 1;

		layout_set_seg_bytes(lay, 64);
		for (ll = layout_at(lay, 0); ll != NULL;
		    ll = layout_next(lay, ll)) {
			if (npieces > 0 && (last ? ll->off <= end :
			    ll->off != end))
				abort();
			if (ll->end > size || ++npieces > size + 1)
				abort();
			fuzz_line(ll, lo.width_cols, view != 0);
			end = ll->end;
			last = ll->seg_last;
		}
		for (ll = layout_at(lay, size); ll != NULL;
		    ll = layout_prev(lay, ll))
			if (++back > npieces)
				abort();
		if (back != npieces)
			abort();
	}
	layout_free(lay);
	doc_free(doc);
	width_set_ambiguous(WIDTH_AMBIGUOUS_NARROW);
	return 0;
}
