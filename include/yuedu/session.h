/*
 * The reading session: the files given (:n and :p step through them),
 * the document open among them with its pager, layout, finder and
 * background job, and its remembered place, restored on opening and
 * saved on closing.  The screen draws it and feeds it keys; nothing here
 * touches the terminal.
 */
#ifndef YUEDU_SESSION_H
#define YUEDU_SESSION_H

#include <stddef.h>

#include "yuedu/annot.h"
#include "yuedu/finder.h"
#include "yuedu/outline.h"
#include "yuedu/pager.h"
#include "yuedu/readtime.h"

struct doc;
struct job;
struct layout;
struct options;

struct session {
	/* The files. */
	const struct options *opts;	/* not owned */
	char *state_dir;	/* remembered places, or NULL (--no-remember) */
	const char *const *paths;	/* the files :n and :p step through */
	size_t file_i, file_n;	/* which file of how many */
	unsigned char *visited;	/* files opened, or NULL (not owned) */
	struct doc *first;	/* the file main() opened, kept open */
	struct doc *next_doc;	/* opened by :n or :p, to read next */
	char *next_msg;		/* to show when it opens */
	int raw;		/* show sources as they are (--raw, R) */
	int reflow;		/* enum render_reflow (--reflow, W) */
	search_progress_fn progress;	/* for the finder of each document */
	void *progress_arg;

	/* The document. */
	struct pager p;
	struct doc *doc;
	struct layout *lay;
	char *name;		/* file name (and "file 2/3") for the status */
	size_t seen_off;	/* how far the text has been shown */
	int need_whole;		/* its place is past the first screens
				   rendered: render it all, then open */
	int dont_save;		/* closing it saves no place */
	enum annot_mode annot_auto;	/* the mode --pinyin=auto chose: not
					   named on the status line */
	struct finder finder;

	/* The outline and reading times, built by a background job. */
	struct job *job;	/* NULL when none runs */
	struct outline_opts oo;
	struct outline *ol;
	struct readtime_count *rt;	/* per section of ol, or NULL */
	size_t total_lines;	/* 0 until known */

	int panel_cols;		/* the side panel's width for every file
				   (0: automatic), remembered */
	int align_center;	/* --align=center, or as c left it */
	int para;		/* --paragraph (enum layout_para), or as i
				   left it */
};

/* A session for OPTS (not copied); no document open yet. */
void session_init(struct session *ses, const struct options *opts);
void session_done(struct session *ses);

/*
 * Open DOC (not owned) in a ROWS x COLS screen; START: the first file,
 * where +N and +/pattern apply.  Restores its remembered place (problems
 * become the pager's message).
 */
void session_doc_open(struct session *ses, struct doc *doc, int start,
    int rows, int cols);

/* Close the document: saves its place; a warning or NULL (caller frees). */
char *session_doc_close(struct session *ses);

/* Start the background job (outline, reading times, line count). */
void session_job_start(struct session *ses);

/* 1 while the job runs and its result is not there yet. */
int session_job_pending(const struct session *ses);

/*
 * Take the job's result (with WAIT, waiting for it): the outline goes to
 * the pager.  1 when taken, 0 when there is nothing (yet) to take.
 */
int session_job_take(struct session *ses, int wait);

/*
 * :n or :p (STEP 1 or -1): open that file for reading next; 1 when it is
 * ready, 0 (with a message on the pager) when there is none or it cannot
 * be opened.
 */
int session_step(struct session *ses, int step);

/*
 * A warning short enough for the status line: "WHAT: REASON", the reason
 * taken from after the last ": " of WARN (a path comes before it).
 * Caller frees.
 */
char *session_warn_short(const char *what, const char *warn);

#endif
