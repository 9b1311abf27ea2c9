/*
 * Byte scanning at memory speed: the prefilter's needles (every raw form
 * one folded pattern character can take) found with memchr, memmem, SSE2
 * or AVX2, and line ends counted without an index.  Reads only the text
 * it is given, so another thread may scan while this one folds.
 */
#ifndef YUEDU_SCAN_H
#define YUEDU_SCAN_H

#include <stddef.h>
#include <stdint.h>

#define SCAN_MAX_NEEDLES 16

/* Up to SCAN_MAX_NEEDLES byte strings of 1-4 bytes. */
struct scan_needles {
	int n;
	int maxlen;
	unsigned char len[SCAN_MAX_NEEDLES];
	unsigned char b[SCAN_MAX_NEEDLES][4];
};

/*
 * Every raw form folded code point X can come from under FOLD_* FLAGS,
 * as needles in ND.  0, or -1 when they are too many to scan for.
 */
int scan_needles_for(int flags, uint32_t x, struct scan_needles *nd);

/* The first place in S (N bytes) where a needle of ND starts, or NULL. */
const char *scan_find(const struct scan_needles *nd, const char *s, size_t n);

/*
 * Line ends between A and B of T (as doc.h counts them: "\n", "\r\n",
 * a lone "\r"; T has LEN bytes).
 */
size_t scan_count_lines(const char *t, size_t len, size_t a, size_t b);

/* The bounds [*start, *end) of the line holding byte Q of T (LEN bytes). */
void scan_line_bounds(const char *t, size_t len, size_t q, size_t *start,
    size_t *end);

/* The start of the line after the one ending at LE, or LEN. */
size_t scan_next_line(const char *t, size_t len, size_t le);

#endif
