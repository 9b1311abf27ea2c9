/*
 * The pager: where the reader is and what the commands do to it.  The
 * place is one byte offset, the start of the top row; rows come from the
 * layout, a line (or a segment of a long one) at a time, so moving never
 * lays out the whole file.
 * Commands change the state and return what the screen should do; they
 * never draw.  No curses here.
 */
#ifndef YUEDU_PAGER_H
#define YUEDU_PAGER_H

#include <stddef.h>

#include "yuedu/annot.h"
#include "yuedu/conv.h"
#include "yuedu/filter.h"
#include "yuedu/lineedit.h"

struct doc;
struct finder;
struct layout;
struct outline;

#define PAGER_MARKS 26		/* marks 'a'..'z' */
#define PAGER_NO_OFF ((size_t)-1)

enum pager_action {
	PAGER_NONE = 0,		/* nothing visible changed */
	PAGER_REDRAW,		/* redraw the screen */
	PAGER_QUIT,		/* leave the reader */
	PAGER_NEXT_FILE,	/* :n, the next file */
	PAGER_PREV_FILE,	/* :p, the previous file */
	PAGER_OPEN,		/* the shelf: read the entry under the cursor */
	PAGER_REPAINT,		/* redraw every cell (^L) */
	PAGER_RERENDER,		/* show the text otherwise: p->rerender */
};

/* How the text is to be shown again (PAGER_RERENDER). */
enum pager_rerender {
	PAGER_RERENDER_NONE = 0,
	PAGER_RERENDER_RAW,	/* the source as it is <-> rendered */
	PAGER_RERENDER_REFLOW,	/* hard-wrapped lines joined <-> as they are */
};

struct pager {
	struct doc *doc;
	struct layout *lay;
	const struct outline *ol;	/* NULL until built (not owned) */

	size_t top_off;		/* byte offset of the top row's start */
	size_t anchor_off;	/* where the reader moved to; a resize snaps
				   it, so 80 -> 40 -> 80 columns returns */
	int rows;		/* screen rows, status line included */
	int cols;		/* screen columns */
	int wrap_cols;		/* -w cap on the text width; 0 = none */
	int align_center;	/* --align=center: a text column narrower
				   than its area is centred in it */
	size_t mark_off[PAGER_MARKS];	/* PAGER_NO_OFF when unset */
	size_t prev_off;	/* place before the last jump, for '' */
	long count;		/* count typed before a command; 0 = none */
	int pending;		/* key waiting for its letter ('m', '\'') */
	int rerender;		/* enum pager_rerender, with PAGER_RERENDER */
	char *msg;		/* one-line message for the status line */

	struct finder *finder;	/* search and highlights, or NULL (not
				   owned) */

	enum conv_script script;	/* the script view shown */
	struct conv *conv[CONV_NSCRIPTS];	/* opened on first use */

	int help_open;		/* the help screen is shown */
	size_t help_top;	/* first help line shown */

	int panel_open;		/* the outline panel is shown */
	int panel_filtering;	/* '/' typed: keys edit the filter */
	struct lineedit filter;	/* the filter typed */
	struct filter filt;	/* the filter as it matches */
	size_t *panel_idx;	/* headings that match the filter */
	struct search_match *panel_match;	/* per entry: where its title
				   (as shown) matched; {0, 0}: no filter */
	size_t panel_match_cap;
	size_t panel_n;
	size_t panel_cap;
	size_t panel_cur;	/* index into panel_idx */
	size_t panel_top;	/* first entry shown */
	int panel_cols_set;	/* the side panel's width as chosen (< >,
				   panel-width); 0: a third of the screen */

	/* The word cursor (v) and its dictionary popup. */
	int word_open;		/* the word cursor is shown */
	size_t word_off;	/* the word under it: bytes of doc->text */
	size_t word_end;
	int word_col;		/* the column j and k keep */
	char *word;		/* its text as shown; NULL when closed */
	char *word_def;		/* define_text() of it, or NULL if none */
	int word_popup_top;	/* first popup line shown */
	int word_popup_page;	/* lines it shows (a scroll's step) */
	enum annot_mode annotate_prev;	/* the mode before P turned
				   generated pinyin on */
};

/*
 * Start a pager on DOC with LAY (both not owned) for a ROWS x COLS screen,
 * at the top.  OL may be NULL and set later with pager_set_outline().
 */
void pager_init(struct pager *p, struct doc *doc, struct layout *lay,
    const struct outline *ol, int rows, int cols);
void pager_done(struct pager *p);

/* The outline is ready (or changed); OL is not owned. */
void pager_set_outline(struct pager *p, const struct outline *ol);

/*
 * A new screen size.  Re-lays out at the new text width and keeps the
 * place: the top row is the row holding the offset the reader last moved
 * to, so a round trip of sizes comes back to the same row.
 */
void pager_resize(struct pager *p, int rows, int cols);

/* Rows for text (the screen less the status line), at least 1. */
int pager_text_rows(const struct pager *p);
/*
 * Layout rows that fit in the text rows, at least 1: in ruby mode each
 * takes two screen rows (its pinyin above it).
 */
int pager_view_rows(const struct pager *p);
/* Columns of the text area; less than p->cols when the side panel shows. */
int pager_text_cols(const struct pager *p);
/* Columns of the outline side panel, 0 when it is full-screen or closed. */
int pager_panel_cols(const struct pager *p);
/*
 * Columns from the text area's left edge (the screen's, or the panel
 * divider's right) to the text column: half what the column leaves of the
 * area when centred (--align=center), else 0.
 */
int pager_text_x(const struct pager *p);
/* --align: the text column centred or at the left (c). */
enum pager_action pager_align_toggle(struct pager *p);
/* --paragraph: as the source sets them, indented, spaced, and round (i). */
enum pager_action pager_paragraph_next(struct pager *p);

/* Set the message (printf-like); NULL clears it. */
void pager_message(struct pager *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Moves.  Scrolling by N rows (negative: up) stops when the last row is
 * on the bottom text row, or at the top; a jump puts its target on the top
 * row and remembers the place before it for pager_back().
 */
enum pager_action pager_scroll(struct pager *p, long n_rows);
enum pager_action pager_top(struct pager *p);
/* The last screen: the last row on the bottom text row. */
enum pager_action pager_bottom(struct pager *p);
/* Line N, 1-based; past the end gives the last line.  N is a source
 * line (of the chapter read, in a book), as the status line shows. */
enum pager_action pager_goto_line(struct pager *p, size_t line);
/* N percent into the text by bytes (0..100). */
enum pager_action pager_goto_percent(struct pager *p, long pct);
/* Put the row holding OFF on the top row (a jump). */
enum pager_action pager_goto_off(struct pager *p, size_t off);
/* Next and previous section by the outline; a message when none. */
enum pager_action pager_section_next(struct pager *p);
enum pager_action pager_section_prev(struct pager *p);
/* Mark the place as LETTER ('a'..'z'); go to a mark; go back ('' ). */
enum pager_action pager_mark_set(struct pager *p, int letter);
enum pager_action pager_mark_goto(struct pager *p, int letter);
enum pager_action pager_back(struct pager *p);

/*
 * Reading aids.  Show the text in SCRIPT (opening OpenCC on first use; a
 * message when it cannot) or with annotations as MODE (SHOW, HIDE or
 * RUBY); the top row stays where it was.  The cycles go original ->
 * simplified -> traditional -> taiwan -> hongkong and hide -> show ->
 * ruby.  The finder, when there is one, searches as the new mode shows.
 */
enum pager_action pager_set_script(struct pager *p, enum conv_script script);
enum pager_action pager_set_annot(struct pager *p, enum annot_mode mode);
enum pager_action pager_script_cycle(struct pager *p);
enum pager_action pager_annot_cycle(struct pager *p);
/* The annotation mode shown. */
enum annot_mode pager_annot(const struct pager *p);

/*
 * Generated pinyin (--annotate) on or off (P); turning it on shows
 * annotations if they were hidden, turning it off restores the mode.
 */
enum pager_action pager_annotate_toggle(struct pager *p);
/* 1 when generated pinyin is on. */
int pager_annotating(const struct pager *p);

/*
 * The word cursor.  Open it on the first word of the top row (or of the
 * first row on screen that has one); on the word holding OFF or the
 * nearest on its row (a click); move N words (negative: back) or N rows
 * (keeping the column), scrolling so that its row shows; close it.  The
 * word's text and dictionary entry (define.c) are in p->word and
 * p->word_def; a message says when the dictionary is missing or the
 * text has no word.
 */
enum pager_action pager_word_open(struct pager *p);
enum pager_action pager_word_at(struct pager *p, size_t off);
enum pager_action pager_word_move(struct pager *p, long n);
enum pager_action pager_word_rows(struct pager *p, long n);
enum pager_action pager_word_close(struct pager *p);
/* Scroll the popup N pages; pager_word_popup_fit() keeps it within
 * MAX_TOP and says how many lines a PAGE is (the screen knows how its
 * lines wrap). */
enum pager_action pager_word_popup_scroll(struct pager *p, long n);
void pager_word_popup_fit(struct pager *p, int max_top, int page);

/* Position for the status line. */
/* The source line of the top row (of its chapter, in a book), 0-based. */
size_t pager_top_line(struct pager *p);
/* The same into *LINE when it is known without indexing far (a 1 GB
 * text's end before its lines are counted): 1, else 0 at once. */
int pager_top_line_known(struct pager *p, size_t *line);
/* Lines in all (KNOWN, the source's, or 0 while not known yet), or of
 * the chapter read, in a book. */
size_t pager_line_total(struct pager *p, size_t known);
int pager_percent(const struct pager *p);	/* by bytes, 0..100 */
/* 1 when the last row of the text is on screen. */
int pager_at_end(struct pager *p);
/* The section holding the top row: index into the outline or (size_t)-1. */
size_t pager_section(const struct pager *p);

/*
 * The outline panel.  Opening puts the cursor on the current section.
 * pager_panel_fit() scrolls the list so the cursor shows in N_ROWS rows.
 */
enum pager_action pager_panel_toggle(struct pager *p);
/* The side panel N columns wider (narrower when N < 0), kept between
 * PAGER_PANEL_MIN_COLS and all but 30 columns of the screen. */
enum pager_action pager_panel_widen(struct pager *p, int n);
enum pager_action pager_panel_move(struct pager *p, long n);
enum pager_action pager_panel_first(struct pager *p);
enum pager_action pager_panel_last(struct pager *p);
/* Jump to the entry under the cursor (its heading on the top row). */
enum pager_action pager_panel_jump(struct pager *p);
/* Jump to visible entry I (e.g. a mouse click). */
enum pager_action pager_panel_click(struct pager *p, size_t i);
void pager_panel_fit(struct pager *p, int n_rows);
/*
 * Filter: start typing it (the line editor p->filter), filter again after
 * it was edited (the cursor goes to the first match), stop (CLEAR: and
 * show every heading again).
 */
enum pager_action pager_filter_start(struct pager *p);
void pager_filter_edited(struct pager *p);
enum pager_action pager_filter_stop(struct pager *p, int clear);

#endif
