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
};

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
