/*
 * Inline pinyin annotations: a Han character followed by one toned pinyin
 * syllable in ASCII or full-width parentheses, as in 網(wǎng) or 戰（zhàn）
 * (a neutral tone after a middle dot: 了(·le)).
 * An annotation is the parenthesised part; it belongs to the character
 * before it and is never separated from it.
 */
#ifndef YUEDU_ANNOT_H
#define YUEDU_ANNOT_H

#include <stddef.h>

struct doc;

enum annot_mode {
	ANNOT_AUTO = 0,		/* decided per document by annot_resolve() */
	ANNOT_SHOW,		/* annotations are part of the text */
	ANNOT_HIDE,		/* annotations are not shown */
	ANNOT_RUBY,		/* drawn on a row above their character */
};

struct annot_span {
	size_t han_off;		/* byte offset of the annotated character */
	size_t open_off;	/* byte offset of the opening parenthesis */
	size_t py_off;		/* byte offset of the pinyin syllable */
	size_t py_end;		/* byte offset just past the syllable */
	size_t end_off;		/* byte offset just past the closing parenthesis */
};

/*
 * Find the annotations in S (N bytes, one line).  Offsets in the spans
 * are BASE + offset into S.  *spans is grown with xgrow (capacity *cap);
 * returns the number found.  Caller frees *spans.
 */
size_t annot_find(const char *s, size_t n, size_t base,
    struct annot_span **spans, size_t *cap);

/* 1 if S (N bytes) is one toned pinyin syllable such as "wǎng", or a
 * neutral one after a middle dot, "·le". */
int annot_is_pinyin(const char *s, size_t n);

/*
 * Resolve ANNOT_AUTO for DOC: hide annotations when the document has many
 * (at least 8, annotating at least a tenth of its Han characters, counted
 * over the first 256 KiB), else show them.  Other modes pass through.
 */
enum annot_mode annot_resolve(enum annot_mode mode, struct doc *doc);

/* "auto", "show", "hide", "ruby"; and back (-1 when unknown). */
const char *annot_mode_name(enum annot_mode mode);
int annot_mode_parse(const char *s);

#endif
