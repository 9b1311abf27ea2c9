/*
 * One inert rendering for every string that comes from outside the
 * program (file names, settings, arguments, environment, messages that
 * quote them) before it is written to a terminal, stdout or stderr.
 * Controls never reach the output raw: C0 controls and DEL show in
 * caret notation (ESC as "^[", BEL as "^G", a tab as "^I", DEL as "^?"),
 * C1 controls as "<9B>", and each run of bytes that is not valid UTF-8
 * as one U+FFFD — the same rendering the text of a file gets on screen
 * and in --dump (width_render()).
 */
#ifndef YUEDU_INERT_H
#define YUEDU_INERT_H

#include <stddef.h>
#include <stdio.h>

/* S (N bytes, any content, NULs included) rendered inert, NUL-ended.
 * Caller frees. */
char *inert_mem(const char *s, size_t n);

/* The same for a NUL-terminated string (NULL gives "(null)"). */
char *inert_str(const char *s);

/* 1 if S (N bytes) would render as itself (valid UTF-8, no control). */
int inert_is_plain(const char *s, size_t n);

/* Write S (N bytes) or the NUL-terminated S inert to OUT, without
 * allocating.  Return 0, or EOF on a write error. */
int inert_write(FILE *out, const char *s, size_t n);
int inert_fputs(const char *s, FILE *out);

/*
 * The one way to warn: "yuedu: MESSAGE\n" on stderr, the formatted
 * message rendered inert as a whole (so a quoted file name or setting
 * cannot move the cursor or retitle the terminal).
 */
void inert_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
