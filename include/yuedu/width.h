/*
 * The width policy: how many terminal columns each grapheme cluster takes.
 * Layout uses it to wrap, and the screen hands the same per-code-point
 * function to ncursesw (an exported wcwidth()), so both count alike.
 *
 * Policy (see README "Width"):
 *  - the unit is the extended grapheme cluster (utf8proc's stateful rule);
 *  - East Asian Wide and Fullwidth: 2 columns; combining marks, ZWJ,
 *    variation selectors and other zero-width format characters: 0;
 *  - East Asian Ambiguous (“ ” — … · ①): 1 or 2 by width_set_ambiguous();
 *  - a cluster is as wide as its first code point plus its spacing marks,
 *    so an emoji ZWJ sequence (👨‍👩‍👧) or a skin-tone sequence is 2 columns
 *    and is drawn as its first emoji; VS16 does not widen (❤️ stays 1,
 *    as the C library and tmux count it); a flag (two regional
 *    indicators) is 2;
 *  - where utf8proc and the C library disagree, the C library (what the
 *    terminal uses) wins: U+4DC0..U+4DFF are 2, spacing marks are 1,
 *    conjoining Hangul vowels and trailing consonants are 0;
 *  - controls are shown inertly: C0 and DEL as ^X (2 columns), C1 as
 *    <XX> (4 columns), invalid bytes as one U+FFFD per run (1 column),
 *    a tab up to the next multiple of 8 columns.
 */
#ifndef YUEDU_WIDTH_H
#define YUEDU_WIDTH_H

#include <stddef.h>
#include <stdint.h>

enum width_ambiguous {
	WIDTH_AMBIGUOUS_NARROW = 0,
	WIDTH_AMBIGUOUS_WIDE = 1,
};

enum width_kind {
	WIDTH_TEXT = 0,		/* an ordinary cluster, drawn as its bytes */
	WIDTH_CONTROL,		/* a C0/C1 control or DEL, drawn as ^X or <XX> */
	WIDTH_INVALID,		/* a run of invalid bytes, drawn as U+FFFD */
	WIDTH_TAB,		/* a tab; its width depends on the column */
};

struct width_cluster {
	size_t len;		/* bytes in the source */
	int cols;		/* columns (for a tab: 1, see width_tab_cols) */
	enum width_kind kind;
	uint32_t first;		/* first code point (U+FFFD when invalid) */
};

void width_set_ambiguous(enum width_ambiguous amb);
enum width_ambiguous width_get_ambiguous(void);

/* Columns of one code point by the policy; -1 for controls. */
int width_codepoint(uint32_t cp);

/* 1 if CP is East Asian Ambiguous (Unicode 14 data of libunistring). */
int width_is_ambiguous(uint32_t cp);

/*
 * Measure the grapheme cluster starting at S (N bytes available, N > 0).
 * A run of invalid bytes is one cluster; a control is a cluster of its
 * own, except CR LF, which is one (as UAX #29 says).  Layout never sees
 * line terminators, since it works inside one line.
 */
void width_next_cluster(const char *s, size_t n, struct width_cluster *out);

/* Columns a tab takes at column COL (0-based). */
int width_tab_cols(int col);

/*
 * What to print for a cluster so that nothing raw reaches the terminal:
 * the bytes themselves for text, "^[" / "<9B>" for controls, U+FFFD for
 * invalid bytes, spaces for a tab (COLS of them).  Writes at most 16
 * bytes into BUF (or points *out at S) and returns the length.
 */
size_t width_render(const char *s, const struct width_cluster *c, int cols,
    char buf[16], const char **out);

/* Columns of the UTF-8 string S (N bytes) as one row would show it. */
int width_string(const char *s, size_t n);

/*
 * Bytes of S (N bytes) that fit in MAX_COLS columns without splitting a
 * cluster; *cols_out gets the columns used.  Takes a width, returns bytes.
 */
size_t width_fit(const char *s, size_t n, int max_cols, int *cols_out);

/*
 * Bytes of S (N bytes) for one row of at most MAX_COLS columns when a
 * message or help text is wrapped: up to the last line-break opportunity
 * that fits (UAX #14: at spaces, and between Han characters but never
 * before 。，」 or after 「), its spaces left out; else as many clusters as
 * fit (at least one).  Takes a width, returns bytes; the caller skips
 * the spaces that follow.
 */
size_t width_wrap(const char *s, size_t n, int max_cols);

/* S right-aligned in COLS columns (spaces before it; S whole when wider),
 * as printf's %*s would by bytes.  Caller frees. */
char *width_rjust(const char *s, int cols);

#endif
