/*
 * --grep: the source lines of a document that a search matches, printed
 * as LINE:TEXT (as grep -n does), matches optionally marked in colour.
 */
#ifndef YUEDU_GREP_H
#define YUEDU_GREP_H

#include <stdio.h>

struct doc;
struct search;

enum grep_status {
	GREP_MATCH = 0,		/* at least one line matched */
	GREP_NONE = 1,		/* nothing matched */
	GREP_ERROR = 2,		/* a write error */
	GREP_LIMIT = 3,		/* the regular expression went past its
				   limits: search_error() says which, at
				   search_error_off() (the lines before
				   it are written) */
};

/* The 1-based source line holding byte OFF of DOC's shown text, as
 * --grep numbers lines. */
size_t grep_line_of(struct doc *doc, size_t off);

/*
 * Write every line of DOC that S matches to OUT as "LINE:TEXT\n" (LINE
 * 1-based).  Controls are shown inertly (^[, <9B>), invalid bytes as
 * U+FFFD; with COLOUR, each match is wrapped in SGR bold red.
 */
enum grep_status grep_write(FILE *out, struct doc *doc, struct search *s,
    int colour);

/* The same with FILE (when not NULL) before each line: "FILE:LINE:TEXT". */
enum grep_status grep_write_file(FILE *out, struct doc *doc,
    struct search *s, int colour, const char *file);

#endif
