/*
 * The shelf on the terminal: it draws the articles of a directory (one
 * row each, from shelf_row()), a header and a status line, and turns keys
 * and clicks into shelf_view changes.  Enter reads the article in the
 * same curses session (screen_session_read()); coming back refreshes the
 * progress of the articles read.  What the keys do lives in keys.c and
 * the shelf's key map.
 */
/* screen_int.h first: it brings curses, which screen_style() needs. */
#include "screen_int.h"
#include "yuedu/screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/i18n.h"
#include "yuedu/inert.h"
#include "yuedu/keymap.h"
#include "yuedu/keys.h"
#include "yuedu/options.h"
#include "yuedu/session.h"
#include "yuedu/shelf.h"
#include "yuedu/state.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

#define SHELF_WHEEL_ROWS 3

struct screen_shelf {
	struct screen *s;
	struct shelf *shelf;
	struct shelf_view v;
	struct shelf_opts so;
	char *msg;		/* one line for the status line, or NULL */
};

/* Rows for entries: the screen less the header and the status line. */
static int
screen_shelf_rows(void)
{
	return LINES > 2 ? LINES - 2 : 1;
}

static void
screen_shelf_message(struct screen_shelf *ss, char *msg)
{
	free(ss->msg);
	ss->msg = msg;
}

static void
screen_shelf_draw_head(struct screen_shelf *ss)
{
	struct shelf_view *v = &ss->v;
	char *head;

	if (v->filtering || v->filter.len > 0)
		head = xasprintf(_("/%s  (%zu of %zu)"), v->filter.buf, v->n,
		    ss->shelf->n);
	else
		head = xasprintf(P_("%s  (%zu article)", "%s  (%zu articles)",
		    ss->shelf->n), ss->shelf->dir, ss->shelf->n);
	screen_put_str(0, 0, head, strlen(head), COLS, A_BOLD, 0);
	free(head);
	if (v->filtering)
		screen_put_edit(0, 0, "/", &v->filter, COLS, A_BOLD, 0);
}

static void
screen_shelf_draw_status(struct screen_shelf *ss)
{
	struct shelf_view *v = &ss->v;
	const char *left = ss->msg ? ss->msg : v->filtering ?
	    _("type to filter · Enter opens · Esc clears") :
	    v->help_open ? _("[help] q or Esc closes") :
	    _("Enter opens · / filters · h help · q quits");
	char right[48], count[24] = "";

	if (v->count > 0)
		snprintf(count, sizeof count, "%ld  ", v->count);
	snprintf(right, sizeof right, "%s%zu/%zu", count,
	    v->n ? v->cur + 1 : 0, v->n);
	screen_status_line(left, ss->msg != NULL, right, 0);
}

static void
screen_shelf_draw(struct screen_shelf *ss)
{
	struct shelf_view *v = &ss->v;
	struct shelf_cols c;
	int rows = screen_shelf_rows();

	erase();
	if (v->help_open) {
		screen_draw_help(&v->help_top, LINES - 1);
		screen_shelf_draw_status(ss);
		screen_refresh();
		return;
	}
	screen_shelf_draw_head(ss);
	shelf_view_fit(v, rows);
	/* Columns from every entry, so that they stay as the filter goes. */
	shelf_columns(ss->shelf->v, ss->shelf->n, COLS, &c);
	if (v->n == 0 && LINES > 2) {
		const char *m = ss->shelf->n ? _("no article matches") :
		    _("no articles here");

		screen_put_str(1, 0, m, strlen(m), COLS, A_NORMAL, 0);
	}
	for (int y = 0; y < rows && v->top + (size_t)y < v->n; y++) {
		size_t e = v->top + (size_t)y;
		size_t at;
		char *row = shelf_row_cols(&ss->shelf->v[v->idx[e]],
		    &v->match[e], &c, &at);
		attr_t a;
		short pr;

		if (e == v->cur) {
			screen_style(THEME_ELEMENT_PANEL_CURRENT, &a, &pr);
			screen_put_str(y + 1, 0, row, strlen(row), COLS, a,
			    pr);
		} else {
			/* The file name and figures in the shelf-info
			 * look. */
			screen_style(THEME_ELEMENT_TEXT, &a, &pr);
			screen_put_str(y + 1, 0, row, at, COLS, a, pr);
			screen_style(THEME_ELEMENT_SHELF_INFO, &a, &pr);
			screen_put_str(y + 1, width_string(row, at), row + at,
			    strlen(row + at), COLS - width_string(row, at), a,
			    pr);
		}
		free(row);
	}
	screen_shelf_draw_status(ss);
	screen_refresh();
}

/*
 * Read the article under the cursor; :n and :p step through the entries
 * the filter shows.  The cursor follows to the last one read.  Returns
 * the reader's end.
 */
static enum screen_end
screen_shelf_open(struct screen_shelf *ss)
{
	struct shelf_view *v = &ss->v;
	const char **paths = xcalloc(v->n, sizeof *paths);
	unsigned char *visited = xcalloc(v->n, 1);
	size_t cur = v->cur;
	enum screen_end end;
	char *warn;

	for (size_t i = 0; i < v->n; i++)
		paths[i] = ss->shelf->v[v->idx[i]].path;
	screen_shelf_message(ss, NULL);
	screen_session_track(ss->s, visited);
	end = screen_session_read(ss->s, NULL, paths, v->n, &cur, &warn);
	screen_session_track(ss->s, NULL);
	free(paths);
	/* The articles read (:n and :p go on to others) have moved on. */
	for (size_t i = 0; i < v->n; i++)
		if (visited[i])
			shelf_refresh(ss->shelf, v->idx[i], &ss->so);
	free(visited);
	v->cur = cur < v->n ? cur : v->cur;
	if (warn != NULL && end == SCREEN_END_QUIT) {
		char *m = session_warn_short(_("place not saved"), warn);

		free(warn);
		warn = m;
	}
	if (warn == NULL && ss->shelf->warning != NULL)
		warn = session_warn_short(_("progress unknown"),
		    ss->shelf->warning);
	free(ss->shelf->warning);
	ss->shelf->warning = NULL;
	screen_shelf_message(ss, warn);
	return end;
}

/* The help screen's line where the shelf's keys begin (h on the shelf
 * opens the help there; the reader's keys are above). */
static size_t
screen_shelf_help_top(void)
{
	size_t n, top = 0;
	char **lines = keymap_help(COLS, &n);

	for (size_t i = 0; i < n; i++)
		if (strstr(lines[i], "[shelf]") != NULL) {
			top = i;
			while (top > 0 && lines[top - 1][0] != '\0')
				top--;
			break;
		}
	keymap_help_free(lines, n);
	return top;
}

/* The shelf loop; 1 when the session must end now (a signal). */
static int
screen_shelf_loop(struct screen_shelf *ss)
{
	enum pager_action a = PAGER_NONE;
	int key, y, help;

	screen_shelf_draw(ss);
	for (;;) {
		switch (screen_session_input(ss->s, &key, &y)) {
		case SCREEN_IN_SIGNAL:
			return 1;
		case SCREEN_IN_NONE:
			continue;
		case SCREEN_IN_RESIZE:
			screen_shelf_draw(ss);
			continue;
		case SCREEN_IN_WHEEL_UP:
			shelf_view_move(&ss->v, -SHELF_WHEEL_ROWS);
			screen_shelf_draw(ss);
			continue;
		case SCREEN_IN_WHEEL_DOWN:
			shelf_view_move(&ss->v, SHELF_WHEEL_ROWS);
			screen_shelf_draw(ss);
			continue;
		case SCREEN_IN_CLICK:
			if (y < 1 || y > screen_shelf_rows() ||
			    ss->v.top + (size_t)(y - 1) >= ss->v.n)
				continue;
			ss->v.cur = ss->v.top + (size_t)(y - 1);
			a = PAGER_OPEN;
			break;
		case SCREEN_IN_KEY:
			help = ss->v.help_open;
			a = keys_shelf(&ss->v, key, screen_shelf_rows());
			if (!help && ss->v.help_open)
				ss->v.help_top = screen_shelf_help_top();
			if (a == PAGER_REPAINT)
				clearok(curscr, TRUE);
			break;
		}
		if (a == PAGER_QUIT)
			return 0;
		if (a == PAGER_OPEN &&
		    screen_shelf_open(ss) == SCREEN_END_SIGNAL)
			return 1;
		if (a != PAGER_NONE) {
			if (a == PAGER_REDRAW || a == PAGER_REPAINT)
				screen_shelf_message(ss, NULL);
			screen_shelf_draw(ss);
		}
	}
}

int
screen_shelf(const char *dir, const struct options *opts)
{
	struct screen_shelf ss;
	char *err, *sdir = opts->no_remember ? NULL : state_dir();
	int rc;

	memset(&ss, 0, sizeof ss);
	ss.so.state_dir = sdir;
	ss.so.cpm = opts->cpm;
	ss.so.wpm = opts->wpm;
	ss.so.annot = opts->pinyin;
	if (shelf_load(&ss.shelf, dir, &ss.so, &err) != 0) {
		inert_warn("%s", err);
		free(err);
		free(sdir);
		return 2;
	}
	ss.s = screen_session_new(opts, &rc);
	if (ss.s == NULL) {
		shelf_free(ss.shelf);
		free(sdir);
		return rc;
	}
	shelf_view_init(&ss.v, ss.shelf);
	if (ss.shelf->warning != NULL) {
		ss.msg = session_warn_short(_("progress unknown"),
		    ss.shelf->warning);
		free(ss.shelf->warning);
		ss.shelf->warning = NULL;
	}
	screen_shelf_loop(&ss);
	rc = screen_session_free(ss.s);
	/* A place that could not be saved on the way out is worth a line. */
	if (rc != 0 && ss.msg != NULL)
		inert_warn("%s", ss.msg);
	shelf_view_done(&ss.v);
	shelf_free(ss.shelf);
	free(ss.msg);
	free(sdir);
	return rc;
}
