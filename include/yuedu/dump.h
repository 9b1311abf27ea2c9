/*
 * --dump: the laid-out rows of a document, one per output line, as the
 * screen would show them (controls inert, hidden annotations left out).
 */
#ifndef YUEDU_DUMP_H
#define YUEDU_DUMP_H

#include <stdio.h>

struct layout;
struct doc;

/* Write every row of DOC laid out by LAY to OUT.  Returns 0, -1 on a
 * write error, or -2 when the progress hook stopped it.  Stops before the first line that reaches bytes the file
 * lost while it was read (doc_lost_off(): the caller says so). */
int dump_write(FILE *out, struct doc *doc, struct layout *lay);

/*
 * While dump_write() runs, call FN(ARG, DONE, TOTAL) every 256 lines with
 * the bytes written so far of TOTAL (a slow --script conversion shows its
 * progress); nonzero stops the dump (dump_write() returns -2).  NULL: no
 * hook.
 */
void dump_set_progress(int (*fn)(void *arg, size_t done, size_t total),
    void *arg);

#endif
