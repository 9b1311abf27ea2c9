/*
 * Words on screen: the words of one laid-out row, as the reader sees them
 * (the script view's text, annotations left out), each with its source
 * bytes and its columns, for the word cursor and its popup.  Pure: no
 * I/O, no curses.
 */
#ifndef YUEDU_WORD_H
#define YUEDU_WORD_H

#include <stddef.h>

struct annot_span;
struct layout_line;
struct lexicon;
struct segment_word;

/* One word of a row. */
struct word_span {
	size_t off;		/* byte offset in doc->text of its first cell */
	size_t end;		/* byte offset just past its last cell */
	int col;		/* column where it starts on its row */
	int cols;		/* columns from its first cell to its last */
	size_t text_off;	/* its text: TEXT_LEN bytes at row->buf + */
	size_t text_len;	/*   TEXT_OFF */
};

/* The words of a row; reused across rows (zero it, then word_row_get()). */
struct word_row {
	struct word_span *v;	/* the words, left to right */
	size_t n;
	char *buf;		/* the row's shown text without annotations */
	size_t len;

	/* Private. */
	size_t v_cap, buf_cap, map_cap, sw_cap, an_cap;
	size_t *map;		/* buf byte -> cell index */
	struct segment_word *sw;
	struct annot_span *an;
};

/*
 * Segment row R of LL (segment.c; LEX may be NULL: one character a word)
 * into W.  Cells that draw nothing (hidden annotations, padding, controls,
 * tabs) and annotations shown inline (銀(yín)) belong to no word, so
 * 銀(yín)行(háng) is the one word 銀行.  Returns W->n.
 */
size_t word_row_get(struct word_row *w, const struct lexicon *lex,
    const struct layout_line *ll, size_t r);
void word_row_done(struct word_row *w);

/* The text of word I of W, NUL-terminated.  Caller frees. */
char *word_text(const struct word_row *w, size_t i);

/*
 * The word of W for column COL: the one covering it, else the nearest
 * (ties go left).  W->n must be > 0.
 */
size_t word_at_col(const struct word_row *w, int col);

/*
 * The word of W holding byte OFF, else the first after it (W->n when
 * none starts at or after OFF).
 */
size_t word_at_off(const struct word_row *w, size_t off);

#endif
