/*
 * The shelf: the articles in a directory, each with its title, length,
 * reading time and how far it has been read (from the remembered place).
 * Pure: it reads files and the state directory, and never draws.
 */
#ifndef YUEDU_SHELF_H
#define YUEDU_SHELF_H

#include <stddef.h>

#include "yuedu/annot.h"
#include "yuedu/filter.h"
#include "yuedu/lineedit.h"
#include "yuedu/readtime.h"

struct shelf_entry {
	char *name;		/* file name inside the directory */
	char *path;		/* DIR/NAME */
	char *title;		/* what the text calls itself (see
				   shelf_read()), else its first heading,
				   else its first non-empty line; controls
				   and invalid bytes replaced */
	char *author;		/* the author when the text says, or NULL */
	size_t bytes;		/* size of the text */
	struct readtime_count count;	/* what it holds */
	double minutes;		/* estimated reading time */
	int progress_pct;	/* 0..100 read, or -1 when never opened */
};

struct shelf {
	char *dir;		/* the directory as given */
	struct shelf_entry *v;	/* sorted by name (natural order: 2 < 10) */
	size_t n;
	char *warning;		/* first state problem met, one line, or NULL */
};

struct shelf_opts {
	const char *state_dir;	/* remembered places; NULL: no progress */
	long cpm;		/* CJK characters per minute (<= 0: default) */
	long wpm;		/* words per minute (<= 0: default) */
	enum annot_mode annot;	/* annotations in titles (AUTO: per file) */
};

/*
 * The articles of DIR (see shelf_is_article()) as paths DIR/NAME, sorted
 * by name in natural order ("2-…" before "10-…"); *n gets the count.
 * NULL with *err set ("DIR: why"; caller frees) when DIR cannot be read.
 * Free with shelf_list_free().
 */
char **shelf_list(const char *dir, size_t *n, char **err);
void shelf_list_free(char **paths, size_t n);

/*
 * List the articles in DIR: regular files (symbolic links followed) not
 * starting with '.', named *.txt, *.md or *.markdown and not binary (no
 * NUL byte but after a UTF-16 byte order mark), or without any extension
 * and decoding as text (UTF-8 or a legacy Chinese encoding, see enc.h).
 * Each is read as the reader reads it (converted to UTF-8).  Unreadable
 * files are left out.  Returns 0, or -1 with *err set when DIR cannot be read
 * (caller frees).  Caller frees *out with shelf_free().  A corrupt or
 * unreadable state directory is no error: progress is -1 and
 * shelf->warning says why.
 */
int shelf_load(struct shelf **out, const char *dir,
    const struct shelf_opts *opts, char **err);
void shelf_free(struct shelf *shelf);

/*
 * Update the progress of entry I from the state directory (after it has
 * been read).
 */
void shelf_refresh(struct shelf *shelf, size_t i,
    const struct shelf_opts *opts);

/*
 * 1 if NAME in DIR is an article by the rules of shelf_load().
 */
int shelf_is_article(const char *dir, const char *name);

/*
 * 1 if entry E matches filter QUERY: in its title or file name, folding
 * as the search does (case, width, simplified/traditional).  An empty
 * query matches all.
 */
int shelf_match(const struct shelf_entry *e, const char *query);

/*
 * The title and author a text gives itself in its first lines, TEXT (LEN
 * bytes of UTF-8, at most the first SHELF_HEAD_BYTES are read):
 *  1. a title line: the first non-blank line is 《TITLE》, alone or
 *     followed by its author ("《红楼梦》曹雪芹", "《孙子兵法》 孙武 著");
 *  2. a header of "Key: value" lines, as Project Gutenberg and Markdown
 *     front matter write them, in the first SHELF_HEAD_LINES lines and
 *     before a "*** START OF" line: Title (any case, also 书名 書名 标题
 *     標題) and Author (also 作者), ASCII or full-width colon; an indented
 *     line after one continues it.
 * *TITLE and *AUTHOR get what was found, cleaned for one row, or NULL
 * (caller frees each).  Returns 1 when a title was found, else 0 (an
 * author alone may still be set).
 */
#define SHELF_HEAD_BYTES 16384
#define SHELF_HEAD_LINES 80
int shelf_title_parse(const char *text, size_t len, char **title,
    char **author);

/* The columns of the shelf's rows, the same for every row. */
struct shelf_cols {
	int title_cols;		/* title and author (" · " between) */
	int name_cols;		/* the file name */
	int len_cols;		/* the length ("19.6k chars"), 0: left out */
	int time_cols;		/* the reading time, 0: left out */
	int pct_cols;		/* the progress, 0: left out */
};

/*
 * Columns for the N entries V in COLS screen columns: the figures as wide
 * as the widest of any entry (so they line up whatever their widths), the
 * file name as wide as the longest (40 at most), the title the rest.  When
 * space is short the file name narrows first (to 12 columns), then the
 * length, the time and the progress are left out, then the name narrows
 * further; it never goes (4 columns at least when COLS allows).
 */
void shelf_columns(const struct shelf_entry *v, size_t n, int cols,
    struct shelf_cols *c);

/*
 * One row of the shelf screen for entry E in the columns C: the title
 * (and " · " author), the file name, then the length, reading time and
 * progress right-aligned, two spaces apart, e.g. "红楼梦 · 曹雪芹
 * hongloumeng.txt  838.5k chars  1 d 15 h   42%"; what does not fit is
 * cut with "…".  The title shows match M (may be NULL) when it is cut (see
 * filter_excerpt()).  *INFO_AT gets the byte where the file name begins
 * (the part drawn in the shelf-info look).  Caller frees.
 */
char *shelf_row_cols(const struct shelf_entry *e,
    const struct search_match *m, const struct shelf_cols *c,
    size_t *info_at);

/* One row for E alone in COLS columns (the columns of E only).  Caller
 * frees. */
char *shelf_row(const struct shelf_entry *e, int cols);

/* What the shelf screen shows: a cursor over the entries the filter keeps. */
struct shelf_view {
	struct shelf *shelf;	/* not owned */
	size_t *idx;		/* indexes into shelf->v that match */
	size_t n;
	size_t cap;
	size_t cur;		/* index into idx */
	size_t top;		/* first entry of idx shown */
	int filtering;		/* '/' typed: keys edit the filter */
	struct lineedit filter;	/* the filter typed */
	struct filter filt;	/* the filter as it matches */
	struct search_match *match;	/* per entry of idx: where its title
				   matched ({0, 0}: in the name, or no
				   filter) */
	size_t match_cap;
	long count;		/* count typed before a key; 0 = none */
	int help_open;		/* the help screen is shown */
	size_t help_top;	/* its first line shown */
};

void shelf_view_init(struct shelf_view *v, struct shelf *shelf);
void shelf_view_done(struct shelf_view *v);
/* Move the cursor by N entries (clamped). */
void shelf_view_move(struct shelf_view *v, long n);
/* The entry under the cursor (index into shelf->v), or (size_t)-1. */
size_t shelf_view_current(const struct shelf_view *v);
/* Scroll so that the cursor is among N_ROWS rows starting at top. */
void shelf_view_fit(struct shelf_view *v, int n_rows);
/*
 * Filter: set the whole filter, or filter again after v->filter was
 * edited.  The cursor stays on its entry when that still matches, else
 * goes to the first match.
 */
void shelf_view_filter_set(struct shelf_view *v, const char *filter);
void shelf_view_refilter(struct shelf_view *v);

/*
 * Progress of a text of LEN bytes read up to SEEN_OFF, in percent
 * (0..100; 100 only when all of it has been shown).
 */
int shelf_progress(size_t seen_off, size_t len);

#endif
