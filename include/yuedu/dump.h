/*
 * --dump: the laid-out rows of a document, one per output line, as the
 * screen would show them (controls inert, hidden annotations left out).
 */
#ifndef YUEDU_DUMP_H
#define YUEDU_DUMP_H

#include <stdio.h>

struct layout;
struct doc;

/* Write every row of DOC laid out by LAY to OUT.  Returns 0, or -1 on a
 * write error.  Stops before the first line that reaches bytes the file
 * lost while it was read (doc_lost_off(): the caller says so). */
int dump_write(FILE *out, struct doc *doc, struct layout *lay);

#endif
