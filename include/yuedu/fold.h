/*
 * Folding, as a reader means "the same text": NFKC and case folding per
 * grapheme cluster (utf8proc), simplified/traditional Han through a table
 * made at build time from OpenCC's character tables, hidden annotations
 * skipped, and a map from every folded byte back to its source.  Also the
 * reverse: which code points fold to a given one (for scan.c's needles).
 */
#ifndef YUEDU_FOLD_H
#define YUEDU_FOLD_H

#include <stddef.h>
#include <stdint.h>

#include "yuedu/annot.h"

/* Foldings, combined as flags (a value < FOLD_NFLAGS). */
enum {
	FOLD_CASE = 1,		/* case: A a */
	FOLD_WIDTH = 2,		/* width and compatibility forms: Ａ A, ① 1 */
	FOLD_SCRIPT = 4,	/* simplified/traditional: 網 网 */
	FOLD_NFLAGS = 8,
};

/* The build-time table (tools/gen_script_fold.c): {from, to}, sorted. */
extern const uint32_t search_script_fold[][2];
extern const size_t search_script_nfold;

/* Load the simplified/traditional table: 1 when it is ready. */
int fold_t2s_init(void);

/* A growing byte string.  Free s. */
struct fold_sbuf {
	char *s;
	size_t len, cap;
};

/* Append N bytes of S to B (keeps room for a NUL). */
void fold_sbuf_add(struct fold_sbuf *b, const char *s, size_t n);

/* Fold one cluster S (N bytes, valid UTF-8) the slow way into OUT. */
void fold_slow(int flags, const char *s, size_t n, struct fold_sbuf *out);

/* A folded window: the bytes and, per byte, its cluster's source range. */
struct fold_buf {
	struct fold_sbuf f;
	uint32_t *so, *se;	/* relative to the window's start */
	size_t mapcap;
	struct annot_span *spans;
	size_t span_cap;
};

/* Free what FB holds and zero it. */
void fold_buf_done(struct fold_buf *fb);

/*
 * Fold S (N bytes; its offsets are BASE-relative in doc terms, used only
 * for annotations) into FB, NUL-terminated.  With HIDE, annotations
 * produce nothing.
 */
void fold_into(int flags, int hide, const char *s, size_t n, size_t base,
    struct fold_buf *fb);

/* Code points that some folding changes, with their full folding
 * (decomposed) under each flags value, built on demand. */
struct fold_rev {
	int built;
	uint32_t *cp;		/* the changed code points */
	size_t *at;		/* their foldings in pool: [at[i], at[i+1]) */
	uint32_t *pool;
	size_t n;
};

/* The reverse foldings for FLAGS, built on first use; never freed. */
struct fold_rev *fold_rev_get(int flags);

#endif
