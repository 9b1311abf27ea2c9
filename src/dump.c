/*
 * Printing laid-out rows.  Lines (segments of a long one) are laid out
 * one at a time, so memory stays flat however large the document.
 */
#include "yuedu/dump.h"

#include <stdlib.h>
#include <string.h>

#include "yuedu/doc.h"
#include "yuedu/layout.h"
#include "yuedu/util.h"

static int (*dump_progress_fn)(void *, size_t, size_t);
static void *dump_progress_arg;

void
dump_set_progress(int (*fn)(void *arg, size_t done, size_t total), void *arg)
{
	dump_progress_fn = fn;
	dump_progress_arg = arg;
}

int
dump_write(FILE *out, struct doc *doc, struct layout *lay)
{
	struct layout_line ll = { 0 };
	size_t dropped = 0, buf_cap = 0;
	char *buf = NULL;
	int stopped = 0;
	int ruby = layout_get_opts(lay)->annot == ANNOT_RUBY;

	/* Piece by piece (a line, or a segment of a long one), so a 1 GB
	 * line costs what a segment does. */
	for (size_t off = 0, n = 0; doc->len > 0 && off != (size_t)-1;
	    off = layout_next_off(lay, &ll), n++) {
		if (dump_progress_fn != NULL && n % 256 == 0 &&
		    dump_progress_fn(dump_progress_arg, off, doc->len) != 0) {
			stopped = 1;
			break;
		}
		layout_piece_into(lay, off, &ll);
		/* The file shrank under the map: the rest would be zeros. */
		if (doc_lost_off(doc) < ll.end)
			break;
		/* Each line is read once: keep memory flat on big files. */
		if (ll.off - dropped >= DOC_DROP_STEP) {
			doc_drop_range(doc, dropped, ll.off);
			dropped = ll.off;
		}
		for (size_t r = 0; r < ll.nrows; r++) {
			const struct layout_row *row = &ll.rows[r];
			size_t len, k;
			char *s = ruby ? layout_row_ruby(&ll, r, &len) : NULL;

			if (s != NULL) {
				fwrite(s, 1, len, out);
				putc('\n', out);
				free(s);
			}

			/* A paragraph's indented first row. */
			for (int c = 0; r == 0 && c < ll.first &&
			    row->ncells > 0; c++)
				putc(' ', out);
			/* A list item's or quote's continued row: its
			 * indent, the quote's bars first. */
			if ((r > 0 || !ll.seg_first) && ll.hang > 0 &&
			    row->ncells > 0) {
				fwrite(ll.text, 1, ll.prefix_len, out);
				for (int c = (int)ll.prefix_len; c < ll.hang; c++)
					putc(' ', out);
			}
			/* A row of plain text is its text's bytes. */
			for (k = 0; k < row->ncells; k++) {
				if (ll.cells[row->cell + k].kind != LAYOUT_TEXT)
					break;
			}
			if (k == row->ncells && k > 0) {
				const struct layout_cell *c0, *c1;

				c0 = &ll.cells[row->cell];
				c1 = &ll.cells[row->cell + k - 1];
				len = c1->toff + c1->tlen - c0->toff;
				/* Copied first: the file may shrink while
				 * the last write waits on a full pipe. */
				buf = xgrow(buf, &buf_cap, len, 1);
				memcpy(buf, ll.text + c0->toff, len);
				if (doc_lost_off(doc) < ll.end)
					goto lost;
				fwrite(buf, 1, len, out);
				putc('\n', out);
				continue;
			}
			s = layout_row_render(&ll, r, &len);
			if (doc_lost_off(doc) < ll.end) {
				free(s);
				goto lost;
			}
			fwrite(s, 1, len, out);
			putc('\n', out);
			free(s);
		}
	}
lost:
	free(buf);
	layout_line_done(&ll);
	if (fflush(out) != 0 || ferror(out))
		return -1;
	return stopped ? -2 : 0;
}
