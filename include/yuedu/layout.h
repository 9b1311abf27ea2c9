/*
 * Layout: wrapping one logical line into rows of at most W columns, at
 * UAX #14 break opportunities (libunistring) measured with our widths,
 * with Chinese line-start rules on top.  Lines are laid out on demand
 * and kept in a small cache; nothing lays out a whole file.
 */
#ifndef YUEDU_LAYOUT_H
#define YUEDU_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "yuedu/annot.h"
#include "yuedu/width.h"

struct doc;
struct conv;

enum layout_kind {
	LAYOUT_TEXT = WIDTH_TEXT,
	LAYOUT_CONTROL = WIDTH_CONTROL,
	LAYOUT_INVALID = WIDTH_INVALID,
	LAYOUT_TAB = WIDTH_TAB,
	LAYOUT_HIDDEN,		/* a hidden annotation: not drawn on its row;
				 * in ruby mode its cols are blank padding
				 * after its character, and ruby_col says where
				 * its pinyin goes on the ruby row above */
	LAYOUT_PAD,		/* ruby mode: blank columns before a character
				 * whose pinyin is wider than it */
};

/* One grapheme cluster as placed on a row. */
struct layout_cell {
	size_t off;		/* byte offset of the cluster in doc->text */
	uint32_t toff;		/* byte offset of its text in line->text */
	uint32_t tlen;		/* bytes of its text in line->text */
	uint16_t col;		/* column where it starts on its row */
	uint8_t cols;		/* columns it takes */
	uint8_t kind;		/* enum layout_kind */
	uint32_t first;		/* first code point (for controls) */
	uint16_t ruby_col;	/* HIDDEN in ruby mode: column of the pinyin */
	uint16_t ruby_cols;	/* HIDDEN in ruby mode: columns of the pinyin */
};

struct layout_row {
	size_t off;		/* byte offset of the row's first cluster */
	size_t end;		/* byte offset just past its last cluster */
	int cols;		/* columns used */
	size_t cell;		/* index of its first cell in line->cells */
	size_t ncells;		/* cells on the row */
};

/*
 * A piece of the layout: a whole logical line, or, for a line longer than
 * the segment size / 4 (64 KiB), one segment of it.  A long line is cut at
 * fixed points of the text (every segment size from the start of the
 * text, moved forward to the next place a row may start), and each
 * segment is laid out as if it were a line of its own: so memory and time
 * follow what is shown, never the length of the line, and any piece is
 * found from a byte offset without laying out what comes before it.  The
 * price: at each cut point a row ends early (one short row every 256 KiB).
 */
struct layout_line {
	size_t off;		/* byte offset of the piece's start */
	size_t end;		/* byte offset of its end (the line's end,
				   without terminator, when seg_last) */
	size_t line_off;	/* the start of its logical line */
	int seg_first;		/* the piece starts its line (off == line_off) */
	int seg_last;		/* the piece ends its line */
	const char *text;	/* the text cells point into (toff/tlen) */
	struct layout_row *rows;
	size_t nrows;		/* >= 1; an empty line has one empty row */
	struct layout_cell *cells;
	size_t ncells;
	int hang;		/* rows after the line's first start this many
				   columns in (a list item, a quote) */
	size_t prefix_len;	/* bytes at text's start (a quote's bar)
				   drawn again on those rows; 0 = none */
	int first;		/* the first row starts this many columns
				   in (--paragraph=indent), 0 = none */
	int space_row;		/* 1: the last row is the blank row after a
				   paragraph (--paragraph=space), at
				   offset end */

	/* Private. */
	size_t row_cap, cell_cap;
	char *text_owned;	/* converted text (script view), or NULL */
	uint32_t *map;		/* text byte -> source byte - off, or NULL */
	unsigned long stamp;	/* last use, for the cache */
	int valid;
};

/* How paragraphs are set apart (--paragraph). */
enum layout_para {
	LAYOUT_PARA_ASIS = 0,	/* as the source does */
	LAYOUT_PARA_INDENT,	/* the first row two full-width columns in */
	LAYOUT_PARA_SPACE,	/* a blank row after each */
};

/* The first-row indent of LAYOUT_PARA_INDENT: two full-width columns. */
#define LAYOUT_PARA_INDENT_COLS 4

struct layout_opts {
	int width_cols;			/* W, >= 1 */
	enum annot_mode annot;		/* SHOW or HIDE (AUTO resolved) */
	struct conv *conv;		/* script view, or NULL (not owned) */
	int annotate;			/* generated pinyin on Han characters
					   (--annotate); the lexicon is loaded
					   on the first line laid out */
	enum layout_para para;		/* paragraphs indented or spaced; a
					   paragraph is a rendered paragraph
					   block, or in plain text a line of
					   prose (layout_is_para()) */
};

#define LAYOUT_SEG_BYTES ((size_t)256 << 10)

struct layout;

/* A layout of DOC with OPTS.  Caller frees with layout_free(). */
struct layout *layout_new(struct doc *doc, const struct layout_opts *opts);
void layout_free(struct layout *lay);
/* Change the options (e.g. after a resize); drops the cache. */
void layout_set_opts(struct layout *lay, const struct layout_opts *opts);
const struct layout_opts *layout_get_opts(const struct layout *lay);
/* The segment size of long lines in bytes (LAYOUT_SEG_BYTES unless
 * changed; tests use small ones); drops the cache. */
void layout_set_seg_bytes(struct layout *lay, size_t seg_bytes);
/* Drop every cached line (e.g. after a width policy change). */
void layout_invalidate(struct layout *lay);

/*
 * The piece holding byte offset OFF (OFF >= len: the last line's end; a
 * terminator belongs to the line it ends).  The document must not be
 * empty.  The result is owned by the cache and valid until the 64th
 * later piece laid out (a hit in the cache is none), the 3rd later
 * segment of a long line, or any option change.
 */
const struct layout_line *layout_at(struct layout *lay, size_t off);
/* The piece after LL (the next segment, or the next line), or NULL at
 * the end.  LL may be invalid afterwards. */
const struct layout_line *layout_next(struct layout *lay,
    const struct layout_line *ll);
/* The piece before LL, or NULL at the start. */
const struct layout_line *layout_prev(struct layout *lay,
    const struct layout_line *ll);

/* The first piece of line LINE (0-based; must exist): layout_at() of its
 * start, through the line index. */
const struct layout_line *layout_get(struct layout *lay, size_t line);

/*
 * Lay out the piece holding OFF into OUT without the cache, as
 * layout_at() would (OUT is reused across calls; zero it before the
 * first; free with layout_line_done()).  A stream (--dump) goes from
 * piece to piece with layout_next_off().
 */
void layout_piece_into(struct layout *lay, size_t off,
    struct layout_line *out);
/* Where the piece after LL starts, or (size_t)-1 after the last. */
size_t layout_next_off(const struct layout *lay, const struct layout_line *ll);
/* layout_piece_into() of the first piece of line LINE. */
void layout_line_into(struct layout *lay, size_t line, struct layout_line *out);
void layout_line_done(struct layout_line *ll);

/*
 * The source byte offset just past cell I of LL: in a script view, the
 * end of the source the cell's text came from (all of a phrase when a
 * phrase table changed the length, so a match anywhere in the phrase
 * covers each of its cells).
 */
size_t layout_cell_end(const struct layout_line *ll, size_t i);

/* The index of the row of LL holding byte offset OFF. */
size_t layout_row_of(const struct layout_line *ll, size_t off);

/*
 * Render row R of LL as the bytes a terminal should receive (controls made
 * inert, hidden annotations left out, tabs as spaces) into a new string.
 * *len gets its length.  Caller frees.
 */
char *layout_row_render(const struct layout_line *ll, size_t r, size_t *len);

/*
 * Ruby mode: the annotation row drawn above row R of LL, with each pinyin
 * syllable centred over its character, as a new string of spaces and
 * syllables (*len bytes; caller frees).  NULL when the row has none.
 */
char *layout_row_ruby(const struct layout_line *ll, size_t r, size_t *len);

/*
 * 1 if plain-text line L (N bytes, no terminator) is a paragraph of prose
 * for --paragraph: not blank; not a heading, list item, numbered clause,
 * table row or rule (by its first characters: "- ", "1. ", "一、",
 * "（一）", "①", "第三回", "|", box lines); not verse or a quotation set
 * deeper than the usual indent (more than LAYOUT_PARA_INDENT_COLS
 * columns of blanks); and ending as a sentence does (。！？…” and the
 * like) or wider than WIDTH_COLS (a paragraph on one line).  *LEAD_COLS
 * gets the columns of its leading blanks.
 */
int layout_is_para(const char *l, size_t n, int width_cols, int *lead_cols);

/* 1 if a row may not start with CP (。，、 ” 」 and the like). */
int layout_no_start(uint32_t cp);
/* 1 if a row may not end with CP (“ 「 （ 《 and the like). */
int layout_no_end(uint32_t cp);

#endif
