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

	for (size_t line = 0; doc_has_line(doc, line); line++) {
		layout_line_into(lay, line, &ll);
		for (size_t r = 0; r < ll.nrows; r++) {
			size_t len;
			char *s = layout_row_ruby(&ll, r, &len);

			if (s != NULL) {
				fwrite(s, 1, len, out);
				putc('\n', out);
				free(s);
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
