/*
 * What the screen files share inside the curses layer: one session (the
 * terminal, started once) in which the shelf screen and the reader take
 * turns, and the drawing of UTF-8 text at exact columns.  Only screen*.c
 * include this.
 */
#ifndef YUEDU_SCREEN_INT_H
#define YUEDU_SCREEN_INT_H

#include <curses.h>
#include <stddef.h>

struct doc;
struct options;
struct screen;

/* Why the reader stopped reading. */
enum screen_end {
	SCREEN_END_QUIT,	/* q: back to the shelf, or out */
	SCREEN_END_NEXT,	/* internal: :n */
	SCREEN_END_PREV,	/* internal: :p */
	SCREEN_END_RERENDER,	/* internal: R or W, the text shown otherwise */
	SCREEN_END_SIGNAL,	/* SIGINT, SIGTERM or SIGHUP: out */
	SCREEN_END_ERROR,	/* the file could not be opened (*warn: why) */
};

/*
 * Start the terminal for OPTS (not copied).  NULL, with *RC the exit
 * status and the reason on stderr, when there is no usable terminal.
 */
struct screen *screen_session_new(const struct options *opts, int *rc);
/* Restore the terminal; the exit status (128 + signal after one). */
int screen_session_free(struct screen *s);

/*
 * Read file *CUR of PATHS (N of them; :n and :p step through them, and
 * *CUR says where the reader ended).  FIRST, when not NULL, is file 0,
 * already open (PATHS may then be NULL when N is 1); +N and +/pattern
 * apply to it.  Each file's place is restored on opening and saved on
 * leaving it.  *WARN: the last problem to tell (caller frees), or NULL.
 */
enum screen_end screen_session_read(struct screen *s, struct doc *first,
    const char *const *paths, size_t n, size_t *cur, char **warn);
/* From now on, mark VISITED[i] (N entries) when file i is opened. */
void screen_session_track(struct screen *s, unsigned char *visited);

/* Input for screens other than the reader. */
enum screen_input {
	SCREEN_IN_NONE,		/* nothing yet (a tick) */
	SCREEN_IN_KEY,		/* *KEY: a code point or a KEYCODE_* code */
	SCREEN_IN_RESIZE,
	SCREEN_IN_CLICK,	/* button 1 on row *Y */
	SCREEN_IN_WHEEL_UP,
	SCREEN_IN_WHEEL_DOWN,
	SCREEN_IN_SIGNAL,	/* leave now */
};
enum screen_input screen_session_input(struct screen *s, int *key, int *y);

/*
 * The status line (the last row) in the status look: LEFT (bold with
 * BOLD, e.g. a message) and RIGHT right-aligned; when both do not fit,
 * RIGHT alone with NARROW_RIGHT, else LEFT alone.
 */
void screen_status_line(const char *left, int bold, const char *right,
    int narrow_right);

/*
 * Draw the UTF-8 string S (N bytes) at (Y, X) in at most MAX_COLS
 * columns, cut with … when it does not fit.  Returns the columns used.
 */
int screen_put_str(int y, int x, const char *s, size_t n, int max_cols,
    attr_t attr, short pair);

struct lineedit;

/*
 * Draw LEAD and the line ED at (Y, X) in at most MAX_COLS columns, the
 * line scrolled to keep its cursor in view, and put the terminal's
 * cursor there (where an input method shows what is being composed).
 * Returns the columns used.
 */
int screen_put_edit(int y, int x, const char *lead,
    const struct lineedit *ed, int max_cols, attr_t attr, short pair);
/* Put the terminal's cursor at (Y, X) after this drawing. */
void screen_cursor_at(int y, int x);
/* refresh(), the cursor shown where the drawing put it or hidden. */
void screen_refresh(void);

/*
 * The help screen (every mode's keys, from the key maps) in the top ROWS
 * rows, from line *TOP, which is kept within the lines.
 */
void screen_draw_help(size_t *top, int rows);

#endif
