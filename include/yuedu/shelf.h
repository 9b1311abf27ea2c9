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
	char *title;		/* first heading, else first non-empty line;
				   controls and invalid bytes replaced */
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
 * One row of the shelf screen for entry E in COLS columns: the title, cut
 * to fit, then the length, reading time and progress right-aligned, e.g.
 * "中华人民共和国宪法          19.6k chars   1 h 05 min    42%".  Narrow
 * screens drop the length, then the time, then the progress.  Caller frees.
 */
char *shelf_row(const struct shelf_entry *e, int cols);
/* The same, with *INFO_AT set to the byte where the figures begin (the
 * part drawn in the shelf-info look). */
char *shelf_row_info(const struct shelf_entry *e, int cols, size_t *info_at);
/* The same, the title showing match M (may be NULL) when it is cut (see
 * filter_excerpt()). */
char *shelf_row_match(const struct shelf_entry *e,
    const struct search_match *m, int cols, size_t *info_at);

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
