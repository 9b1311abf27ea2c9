/*
 * Printing laid-out rows.  Lines are laid out one at a time, so memory
 * stays flat however large the document.
 */
#include "yuedu/dump.h"

#include <stdlib.h>

#include "yuedu/doc.h"
#include "yuedu/layout.h"

int
dump_write(FILE *out, struct doc *doc, struct layout *lay)
{
	struct layout_line ll = { 0 };
	size_t dropped = 0;

	for (size_t line = 0; doc_has_line(doc, line); line++) {
		layout_line_into(lay, line, &ll);
		/* Each line is read once: keep memory flat on big files. */
		if (ll.off - dropped >= (8u << 20)) {
			doc_drop_before(doc, ll.off);
			dropped = ll.off;
		}
		for (size_t r = 0; r < ll.nrows; r++) {
			const struct layout_row *row = &ll.rows[r];
			size_t len, k;
			char *s;

			/* A row of plain text is its source bytes. */
			for (k = 0; k < row->ncells; k++) {
				if (ll.cells[row->cell + k].kind != LAYOUT_TEXT)
					break;
			}
			if (k == row->ncells) {
				fwrite(doc->text + row->off, 1, row->end -
				    row->off, out);
				putc('\n', out);
				continue;
			}
			s = layout_row_render(&ll, r, &len);
			fwrite(s, 1, len, out);
			putc('\n', out);
			free(s);
		}
	}
	layout_line_done(&ll);
	if (fflush(out) != 0 || ferror(out))
		return -1;
	return 0;
}
