/*
 * The reader on the terminal: it draws the pager's rows cell by cell at
 * the columns the layout computed, the status line, the outline panel and
 * the help screen, and turns curses keys, mouse events, resizes and
 * signals into pager commands.  It also owns the terminal: the ambiguous
 * width probe before curses starts, and restoring it on every way out.
 */
#include "yuedu/screen.h"
#include "screen_int.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "yuedu/annot.h"
#include "yuedu/theme.h"
#include "yuedu/conv.h"
#include "yuedu/doc.h"
#include "yuedu/render.h"
#include "yuedu/render_bg.h"
#include "yuedu/enc.h"
#include "yuedu/fault.h"
#include "yuedu/finder.h"
#include "yuedu/filter.h"
#include "yuedu/i18n.h"
#include "yuedu/inert.h"
#include "yuedu/keymap.h"
#include "yuedu/keys.h"
#include "yuedu/layout.h"
#include "yuedu/lineedit.h"
#include "yuedu/options.h"
#include "yuedu/outline.h"
#include "yuedu/pager.h"
#include "yuedu/readtime.h"
#include "yuedu/render.h"
#include "yuedu/session.h"
#include "yuedu/state.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

#define SCREEN_PAIR_HEADING 1
#define SCREEN_PAIR_CURRENT 2	/* the current match */
#define SCREEN_PAIR_TERM 3	/* highlight term K: pair 3 + K */
#define SCREEN_PAIR_CODE 15	/* code in a rendered document */
#define SCREEN_TERM_COLOURS 7
#define SCREEN_PAIR_ELEMENT 16	/* --color element E: pair 16 + E */
#define SCREEN_PANEL_TITLE_MIN 8	/* columns a panel title keeps */
#define SCREEN_PROGRESS_MS 150	/* show progress after this long */
#define SCREEN_WHEEL_ROWS 3
#define SCREEN_PROBE_MS 200
#define SCREEN_TICK_MS 100
#define SCREEN_POPUP_COLS 56	/* the widest the word popup gets */

/*
 * One curses session: the terminal (started once) and the reading
 * session (session.c), whose documents open and close inside it as the
 * reader steps between files or goes back to the shelf.
 */
struct screen {
	char *rerender_msg;	/* what R or W changed, to say */
	int whole;		/* render the document read all at once */
	int has_pending;	/* PENDING_KEY waits for that */
	int pending_key;
	char *open_msg;		/* what to say of the first file (a note of
				   its reading), or NULL */
	struct render_bg *bg;	/* the rest of a big text being rendered */
	struct doc *bg_src;	/* for this source */
	struct render_opts bg_opts;	/* as these say */
	/* The terminal. */
	const struct options *opts;
	FILE *tty;		/* /dev/tty when stdin is the text */
	SCREEN *term;
	int color;		/* colours in use (not NO_COLOR) */
	long cpm, wpm;		/* reading rates for the panel */

	/* The files and the document read (no curses in there). */
	struct session ses;

	/* Spans of the line being drawn. */
	struct finder_span *spans;
	size_t nspans, spans_cap, spans_line;
	int key_fd;		/* where keys come from (for progress) */
	struct timespec key_t0;	/* when the last key was taken */
	int nterm_colours;	/* term colours available (0: attributes) */

	int eof_ticks;		/* key reads that found the end of input */
	int line_unknown;	/* the status line shows "line ?": drawn
				   again once the line index knows it */
	struct timespec stat_t;	/* when the file was last looked at */
	int told_changed;	/* 1: "changed" said, 2: "shrank" said */

	/* Where the word under the word cursor was drawn (-1: not). */
	int word_y, word_x0, word_x1;
	int popup_y, popup_x, popup_h, popup_w;	/* its popup (h 0: none) */

	/* YUEDU_CHECK_CURSOR: compare ncurses' cursor with the layout. */
	FILE *check;
	unsigned long checked, mismatched;
};

#ifdef __SANITIZE_ADDRESS__
/* ncurses keeps its first allocation when newterm() fails; not ours. */
const char *__lsan_default_suppressions(void);
const char *
__lsan_default_suppressions(void)
{
	return "leak:new_prescr\n";
}
#endif

static volatile sig_atomic_t screen_signal;
static int screen_curses_on;

/* How each element is drawn: built-in, or as --color set it. */
static struct {
	attr_t attr;
	short pair;
} screen_looks[THEME_ELEMENT_COUNT];

void
screen_style(enum theme_element e, attr_t *attr, short *pair)
{
	*attr = e < THEME_ELEMENT_COUNT ? screen_looks[e].attr : A_NORMAL;
	*pair = e < THEME_ELEMENT_COUNT ? screen_looks[e].pair : 0;
}

static attr_t
screen_attr(enum theme_element e)
{
	return screen_looks[e].attr;
}

static short
screen_pair(enum theme_element e)
{
	return screen_looks[e].pair;
}

static void
screen_on_signal(int sig)
{
	screen_signal = sig;
}

static void
screen_restore(void)
{
	if (screen_curses_on) {
		screen_curses_on = 0;
		fault_set_reset(-1, NULL, 0, -1, NULL);
		endwin();
	}
}

/*
 * get_wch() gave no key: 1 when the terminal is gone (hang-up, end of
 * input, EIO: an orphaned reader) rather than the tick passed.  Then the
 * session ends as on SIGHUP.
 */
static int
screen_hung_up(struct screen *s)
{
	struct pollfd pfd = { s->key_fd, POLLIN, 0 };

	if (poll(&pfd, 1, 0) <= 0) {
		s->eof_ticks = 0;
		return 0;
	}
	/* Readable, yet curses read nothing: the end of input. */
	if ((pfd.revents & (POLLHUP | POLLERR | POLLNVAL)) ||
	    ++s->eof_ticks >= 3) {
		screen_signal = SIGHUP;
		return 1;
	}
	return 0;
}

/*
 * What a fatal signal writes before the process dies (fault.c): the
 * terminal's own strings to leave the alternate screen, show the cursor
 * and stop the mouse and keypad modes, and the terminal modes from before
 * curses.
 */
static void
screen_fault_reset(int tty_fd, const struct termios *tio)
{
	static const char *const caps[] = { "sgr0", "cnorm", "rmkx", "rmcup" };
	char buf[256];
	size_t n = 0;

	for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) {
		char *v = tigetstr(caps[i]);
		size_t k;

		if (v == NULL || v == (char *)-1)
			continue;
		k = strlen(v);
		if (i == 3 && tigetstr("kmous") != NULL &&
		    tigetstr("kmous") != (char *)-1 && n + 24 < sizeof buf) {
			memcpy(buf + n, "\033[?1006l\033[?1000l", 16);
			n += 16;
		}
		if (n + k >= sizeof buf)
			break;
		memcpy(buf + n, v, k);
		n += k;
	}
	fault_set_reset(STDOUT_FILENO, buf, n, tty_fd, tio);
}

/*
 * --ambiguous=auto: print an ambiguous character (“) at column 1, ask
 * for the cursor position (ESC [ 6 n) and read ESC [ row ; col R.  Column
 * 3 means the terminal draws it wide.  No answer within the timeout:
 * narrow.
 */
static enum width_ambiguous
screen_probe_ambiguous(int in_fd, int out_fd)
{
	static const char ask[] = "\r\xE2\x80\x9C\033[6n";
	static const char erase[] = "\r\033[K";
	struct termios old, raw;
	char buf[64];
	size_t len = 0;
	int row, col = 0;
	struct timespec t0, t;

	if (tcgetattr(in_fd, &old) != 0)
		return WIDTH_AMBIGUOUS_NARROW;
	raw = old;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(in_fd, TCSANOW, &raw) != 0)
		return WIDTH_AMBIGUOUS_NARROW;
	if (write(out_fd, ask, sizeof(ask) - 1) < 0)
		len = sizeof(buf);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (len < sizeof(buf) - 1) {
		struct pollfd pfd = { in_fd, POLLIN, 0 };
		long ms;
		ssize_t n;

		clock_gettime(CLOCK_MONOTONIC, &t);
		ms = (t.tv_sec - t0.tv_sec) * 1000 +
		    (t.tv_nsec - t0.tv_nsec) / 1000000;
		if (ms >= SCREEN_PROBE_MS ||
		    poll(&pfd, 1, (int)(SCREEN_PROBE_MS - ms)) <= 0)
			break;
		n = read(in_fd, buf + len, sizeof(buf) - 1 - len);
		if (n <= 0)
			break;
		len += (size_t)n;
		buf[len] = '\0';
		if (memchr(buf, 'R', len) != NULL)
			break;
	}
	if (len < sizeof(buf))
		buf[len] = '\0';
	else
		buf[0] = '\0';
	if (write(out_fd, erase, sizeof(erase) - 1) < 0)
		col = 0;
	tcsetattr(in_fd, TCSANOW, &old);
	for (char *e = buf; (e = strchr(e, '\033')) != NULL; e++)
		if (sscanf(e, "\033[%d;%dR", &row, &col) == 2)
			break;
	return col == 3 ? WIDTH_AMBIGUOUS_WIDE : WIDTH_AMBIGUOUS_NARROW;
}

/* Decode up to MAX code points of S (N bytes) into CP; returns the count. */
static size_t
screen_decode(const char *s, size_t n, uint32_t *cp, size_t max)
{
	size_t k = 0, i = 0;

	while (i < n && k < max) {
		i += utf8_decode(s + i, n - i, &cp[k]);
		k++;
	}
	return k;
}

static void
screen_put_wch(int y, int x, const wchar_t *w, attr_t attr, short pair)
{
	cchar_t cc;

	if (setcchar(&cc, w, attr, pair, NULL) == OK)
		mvadd_wch(y, x, &cc);
}

static void
screen_pad(int y, int x, int n, attr_t attr, short pair)
{
	static const wchar_t sp[] = { L' ', 0 };

	for (int i = 0; i < n; i++)
		screen_put_wch(y, x + i, sp, attr, pair);
}

/*
 * Draw one text cluster S (N bytes) at (Y, X) in exactly COLS columns.
 * Each spacing code point goes with its marks into one cell group, as
 * ncurses stores them; when the parts would not add up to COLS (an emoji
 * ZWJ or skin-tone sequence), the first glyph is drawn and the rest
 * padded, so the columns stay exact.
 */
static void
screen_put_cluster(int y, int x, const char *s, size_t n, int cols,
    attr_t attr, short pair)
{
	uint32_t cp[16];
	size_t k = screen_decode(s, n, cp, 16), i;
	int sum = 0, simple = 1, w;
	wchar_t wch[CCHARW_MAX + 1];
	size_t nw;

	for (i = 0; i < k; i++) {
		w = width_codepoint(cp[i]);
		if (cp[i] == 0x200D || w < 0 || cp[i] == (uint32_t)-1)
			simple = 0;
		else
			sum += w;
	}
	if (k == 0 || width_codepoint(cp[0]) <= 0)
		simple = 0;
	if (simple && sum == cols) {
		i = 0;
		while (i < k) {
			w = width_codepoint(cp[i]);
			nw = 0;
			wch[nw++] = (wchar_t)cp[i++];
			while (i < k && width_codepoint(cp[i]) == 0) {
				if (nw < CCHARW_MAX - 1)
					wch[nw++] = (wchar_t)cp[i];
				i++;
			}
			wch[nw] = 0;
			screen_put_wch(y, x, wch, attr, pair);
			x += w;
		}
		return;
	}
	w = k ? width_codepoint(cp[0]) : 0;
	if (w > 0 && w <= cols) {
		wch[0] = (wchar_t)cp[0];
		wch[1] = 0;
		screen_put_wch(y, x, wch, attr, pair);
	} else {
		w = 0;
	}
	screen_pad(y, x + w, cols - w, attr, pair);
}

/* Draw cluster C of S at (Y, X): text as itself, controls made inert. */
static void
screen_put_any(int y, int x, const char *s, const struct width_cluster *c,
    int cols, attr_t attr, short pair)
{
	char buf[16];
	const char *out;
	size_t len;

	if (c->kind == WIDTH_TEXT) {
		screen_put_cluster(y, x, s, c->len, cols, attr, pair);
		return;
	}
	len = width_render(s, c, cols, buf, &out);
	if (c->kind == WIDTH_TAB) {
		screen_pad(y, x, cols, attr, pair);
		return;
	}
	/* ^X, <9B> or U+FFFD: each code point one cell group. */
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t l = utf8_decode(out + i, len - i, &cp);
		int w = width_codepoint(cp);

		if (w <= 0)
			break;
		screen_put_cluster(y, x, out + i, l, w, attr | A_REVERSE, pair);
		x += w;
		i += l;
	}
}

/*
 * Draw the UTF-8 string S (N bytes) at (Y, X) in at most MAX_COLS
 * columns, cut with … when it does not fit.  Returns the columns used.
 */
int
screen_put_str(int y, int x, const char *s, size_t n, int max_cols,
    attr_t attr, short pair)
{
	struct width_cluster c;
	int total = 0, col = 0, ell = width_codepoint(0x2026), limit;
	size_t i;

	if (max_cols <= 0)
		return 0;
	for (i = 0; i < n; i += c.len) {
		width_next_cluster(s + i, n - i, &c);
		total += c.kind == WIDTH_TAB ? 1 : c.cols;
	}
	limit = total <= max_cols ? max_cols : max_cols - ell;
	for (i = 0; i < n; i += c.len) {
		int w;

		width_next_cluster(s + i, n - i, &c);
		w = c.kind == WIDTH_TAB ? 1 : c.cols;
		if (col + w > limit)
			break;
		if (w > 0)
			screen_put_any(y, x + col, s + i, &c, w, attr, pair);
		col += w;
	}
	if (total > max_cols && limit >= 0 && col + ell <= max_cols) {
		screen_put_cluster(y, x + col, "\xE2\x80\xA6", 3, ell, attr,
		    pair);
		col += ell;
	}
	return col;
}

/* Where the terminal's cursor goes after drawing (-1: hidden). */
static int screen_cur_y = -1, screen_cur_x = -1;

void
screen_cursor_at(int y, int x)
{
	screen_cur_y = y;
	screen_cur_x = x;
}

/* Show the cursor where the last drawing put it, or hide it. */
static void
screen_cursor_apply(void)
{
	if (screen_cur_y >= 0 && screen_cur_x < COLS) {
		curs_set(1);
		move(screen_cur_y, screen_cur_x);
	} else
		curs_set(0);
	screen_cur_y = screen_cur_x = -1;
}

/* 1 when row Y of WIN holds a character of ambiguous width. */
static int
screen_row_ambiguous(WINDOW *win, int y, cchar_t *row, int n)
{
	wchar_t wc[CCHARW_MAX + 1];
	attr_t attr;
	short pair;

	if (mvwin_wchnstr(win, y, 0, row, n) == ERR)
		return 0;
	for (int x = 0; x < n; x++) {
		if (getcchar(&row[x], NULL, &attr, &pair, NULL) <= 0)
			break;
		if (getcchar(&row[x], wc, &attr, &pair, NULL) == ERR)
			break;
		if (wc[0] == L'\0')
			break;
		if (width_is_ambiguous((uint32_t)wc[0]))
			return 1;
	}
	return 0;
}

/*
 * A terminal that draws ambiguous characters two cells wide (xterm
 * -cjk_width) paints such a character with a narrow glyph over its first
 * cell only: what was painted in the second stays on the screen.  So a
 * row that changes and holds one, before or after, is blanked on the
 * terminal first, then drawn: after any key the screen is what a full
 * redraw (^L) shows.
 */
static void
screen_refresh_ambiguous(void)
{
	int n = COLS, rows = LINES, any = 0;
	cchar_t *now, *was, **keep;

	if (width_get_ambiguous() != WIDTH_AMBIGUOUS_WIDE || n <= 0 ||
	    rows <= 0)
		return;
	now = xcalloc((size_t)n + 1, sizeof *now);
	was = xcalloc((size_t)n + 1, sizeof *was);
	keep = xcalloc((size_t)rows, sizeof *keep);
	for (int y = 0; y < rows; y++) {
		int a, b;

		if (!is_linetouched(stdscr, y))
			continue;
		memset(now, 0, ((size_t)n + 1) * sizeof *now);
		memset(was, 0, ((size_t)n + 1) * sizeof *was);
		a = screen_row_ambiguous(stdscr, y, now, n);
		b = screen_row_ambiguous(curscr, y, was, n);
		if ((!a && !b) || memcmp(now, was, ((size_t)n + 1) *
		    sizeof *now) == 0)
			continue;
		keep[y] = xcalloc((size_t)n + 1, sizeof *now);
		memcpy(keep[y], now, ((size_t)n + 1) * sizeof *now);
		wmove(stdscr, y, 0);
		wclrtoeol(stdscr);
		any = 1;
	}
	if (any) {
		refresh();	/* those rows blank on the terminal */
		for (int y = 0; y < rows; y++) {
			if (keep[y] == NULL)
				continue;
			mvwadd_wchstr(stdscr, y, 0, keep[y]);
			free(keep[y]);
		}
	}
	free(keep);
	free(now);
	free(was);
}

void
screen_refresh(void)
{
	int y, x;

	getyx(stdscr, y, x);
	screen_refresh_ambiguous();
	move(y, x);
	screen_cursor_apply();
	refresh();
}

int
screen_put_edit(int y, int x, const char *lead, const struct lineedit *ed,
    int max_cols, attr_t attr, short pair)
{
	int lw = width_string(lead, strlen(lead));
	int cur = lineedit_cursor_cols(ed), skip = 0, used;
	size_t from = 0;

	/* A line longer than the room scrolls to keep the cursor shown. */
	while (from < ed->cur_off && lw + cur - skip >= max_cols) {
		struct width_cluster c;

		width_next_cluster(ed->buf + from, ed->len - from, &c);
		skip += c.cols;
		from += c.len ? c.len : 1;
	}
	used = screen_put_str(y, x, lead, strlen(lead), max_cols, attr, pair);
	used += screen_put_str(y, x + used, ed->buf + from, ed->len - from,
	    max_cols - used, attr, pair);
	if (lw + cur - skip < max_cols)
		screen_cursor_at(y, x + lw + cur - skip);
	return used;
}

static int
screen_is_heading(const struct screen *s, size_t line_off)
{
	size_t i;

	if (s->ses.ol == NULL)
		return 0;
	i = outline_section_of(s->ses.ol, line_off);
	return i != (size_t)-1 && s->ses.ol->v[i].off == line_off;
}

static void
screen_check(struct screen *s, int y, int want_x, int row_y)
{
	int cy, cx;

	if (s->check == NULL || want_x >= COLS)
		return;
	getyx(stdscr, cy, cx);
	s->checked++;
	if (cy != y || cx != want_x) {
		s->mismatched++;
		if (s->mismatched <= 20)
			fprintf(s->check, "row %d: layout column %d, curses "
			    "(%d,%d)\n", row_y, want_x, cy, cx);
	}
}

/*
 * How a finder span looks.  Without colours (NO_COLOR, or fewer than 8)
 * terms are told apart by underline, bold and reverse combinations.
 */
static void
screen_span_look(const struct screen *s, int style, attr_t *attr,
    short *pair)
{
	static const attr_t plain[] = {
		A_UNDERLINE, A_BOLD | A_UNDERLINE, A_REVERSE | A_UNDERLINE,
		A_BOLD | A_DIM, A_DIM | A_UNDERLINE, A_STANDOUT | A_DIM,
		A_ITALIC, A_ITALIC | A_BOLD, A_ITALIC | A_UNDERLINE,
	};

	if (style == FINDER_STYLE_CURRENT) {
		screen_style(THEME_ELEMENT_CURRENT_MATCH, attr, pair);
	} else if (style == FINDER_STYLE_MATCH) {
		screen_style(THEME_ELEMENT_MATCH, attr, pair);
	} else if (s->nterm_colours > 0) {
		*attr = 0;
		*pair = (short)(SCREEN_PAIR_TERM + style % s->nterm_colours);
		if (style >= s->nterm_colours)
			*attr = A_UNDERLINE;
	} else {
		*attr = plain[style % (int)(sizeof plain / sizeof plain[0])];
		*pair = 0;
	}
}

/* The look of the cell at OFF: the last span holding it wins. */
static int
screen_cell_style(const struct screen *s, size_t off, size_t end)
{
	int style = -1;

	for (size_t i = 0; i < s->nspans; i++)
		if (s->spans[i].off < end && off < s->spans[i].end)
			style = s->spans[i].style;
	return style;
}

static long
screen_ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 +
	    (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/*
 * Progress of a long search: after a moment, the status line says how
 * far it got; ^C or any key stops it.
 */
static int
screen_progress(void *arg, size_t off)
{
	struct screen *s = arg;
	struct pollfd pfd = { s->key_fd, POLLIN, 0 };
	char msg[96];
	int pct;

	if (screen_signal) {
		if (screen_signal == SIGINT)
			screen_signal = 0;
		return 1;
	}
	if (poll(&pfd, 1, 0) > 0) {
		/* Outside the prompt the key only stops the search (as in
		 * less); in the prompt it is the next character typed. */
		wint_t w;
		int code;

		if (s->ses.finder.prompt != FINDER_PROMPT_NONE)
			return 1;
		nodelay(stdscr, TRUE);
		code = get_wch(&w);
		timeout(SCREEN_TICK_MS);
		if (code == OK || (code == KEY_CODE_YES && w != KEY_RESIZE &&
		    w != KEY_MOUSE))
			return 1;
	}
	if (screen_ms_since(&s->key_t0) < SCREEN_PROGRESS_MS)
		return 0;
	pct = s->ses.doc->len ? (int)(off * 100.0 / (double)s->ses.doc->len) : 0;
	snprintf(msg, sizeof msg, _("searching… %d%% (any key stops)"), pct);
	attron(A_REVERSE);
	mvhline(LINES - 1, 0, ' ', COLS);
	mvaddstr(LINES - 1, 0, msg);
	attroff(A_REVERSE);
	screen_refresh();
	return 0;
}

/*
 * Ruby mode: the pinyin of row R of LL on screen row Y, each syllable at
 * the column the layout gave it (centred over its character), dim.
 */
static void
screen_draw_ruby(struct screen *s, int y, int x0,
    const struct layout_line *ll, size_t r)
{
	size_t len;
	char *ruby = layout_row_ruby(ll, r, &len);

	if (ruby == NULL)
		return;
	{
		attr_t a;
		short pr;

		screen_style(THEME_ELEMENT_PINYIN, &a, &pr);
		screen_put_str(y, x0, ruby, len, COLS - x0, a, pr);
	}
	free(ruby);
}

/*
 * The look of shown byte OFF of a rendered document (Markdown): its
 * inline styles over the row's look.
 */
static void
screen_render_look(const struct render *r, size_t off, attr_t *attr,
    short *pair)
{
	static const struct {
		unsigned style;
		enum theme_element el;
	} map[] = {
		{ RENDER_STYLE_H1, THEME_ELEMENT_HEADING },
		{ RENDER_STYLE_H2, THEME_ELEMENT_HEADING_2 },
		{ RENDER_STYLE_H3, THEME_ELEMENT_HEADING_3 },
		{ RENDER_STYLE_STRONG, THEME_ELEMENT_STRONG },
		{ RENDER_STYLE_EM, THEME_ELEMENT_EMPHASIS },
		{ RENDER_STYLE_STRIKE, THEME_ELEMENT_STRIKE },
		{ RENDER_STYLE_CODE, THEME_ELEMENT_CODE },
		{ RENDER_STYLE_LINK, THEME_ELEMENT_LINK },
		{ RENDER_STYLE_UNDERLINE, THEME_ELEMENT_LINK },
		{ RENDER_STYLE_QUOTE, THEME_ELEMENT_QUOTE },
		{ RENDER_STYLE_MARK, THEME_ELEMENT_MARK },
	};
	unsigned st = render_style_at(r, off, NULL);

	if (st == 0)
		return;
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		if (!(st & map[i].style))
			continue;
		*attr |= screen_attr(map[i].el);
		if (screen_pair(map[i].el) != 0)
			*pair = screen_pair(map[i].el);
	}
}

/* The text rows, from the top offset, at column X0. */
static void
screen_draw_text(struct screen *s, int x0)
{
	struct doc *doc = s->ses.doc;
	const struct layout_line *ll;
	size_t row, piece;
	int k, y, rows = pager_view_rows(&s->ses.p);
	int step = pager_annot(&s->ses.p) == ANNOT_RUBY &&
	    pager_text_rows(&s->ses.p) >= 2 ? 2 : 1;	/* else text alone */

	if (doc->len == 0)
		return;
	ll = layout_at(s->ses.lay, s->ses.p.top_off);
	row = layout_row_of(ll, s->ses.p.top_off);
	piece = ll->off;
	s->spans_line = (size_t)-1;
	s->word_y = -1;
	s->popup_h = 0;
	for (k = 0; k < rows; k++) {
		const struct layout_row *r;
		int head;
		enum theme_element el;
		attr_t attr, a;
		short pair, pr;

		ll = layout_at(s->ses.lay, piece);	/* still cached */
		r = &ll->rows[row];
		head = screen_is_heading(s, ll->off);
		el = head ? THEME_ELEMENT_HEADING : THEME_ELEMENT_TEXT;
		attr = screen_attr(el);
		pair = screen_pair(el);

		y = k * step + step - 1;
		if (step == 2)
			screen_draw_ruby(s, y - 1, x0, ll, row);
		if (s->spans_line != ll->off) {
			s->nspans = finder_spans(&s->ses.finder, ll, &s->spans,
			    &s->spans_cap);
			s->spans_line = ll->off;
			ll = layout_at(s->ses.lay, piece);
			r = &ll->rows[row];
		}
		if ((row > 0 || !ll->seg_first) && ll->prefix_len > 0) {
			/* A quote's bars again on its continued rows. */
			a = attr;
			pr = pair;
			if (doc->render != NULL)
				screen_render_look(doc->render, ll->off, &a,
				    &pr);
			screen_put_str(y, x0, ll->text, ll->prefix_len,
			    ll->hang, a, pr);
		}
		for (size_t i = r->cell; i < r->cell + r->ncells; i++) {
			const struct layout_cell *c = &ll->cells[i];
			struct width_cluster wc;
			int st;

			if (c->kind == LAYOUT_HIDDEN || c->cols == 0)
				continue;
			a = attr;
			pr = pair;
			if (doc->render != NULL && doc->render->nspans > 0)
				screen_render_look(doc->render, c->off, &a,
				    &pr);
			st = s->nspans ? screen_cell_style(s, c->off,
			    layout_cell_end(ll, i)) : -1;
			if (st >= 0) {
				screen_span_look(s, st, &a, &pr);
				a |= attr;
			}
			if (s->ses.p.word_open && c->off >= s->ses.p.word_off &&
			    c->off < s->ses.p.word_end) {
				a |= A_REVERSE;	/* the word under the cursor */
				if (s->word_y != y) {
					s->word_y = y;
					s->word_x0 = x0 + c->col;
				}
				s->word_x1 = x0 + c->col + c->cols;
			}
			wc.len = c->tlen;
			wc.cols = c->cols;
			wc.kind = (enum width_kind)c->kind;
			wc.first = c->first;
			screen_put_any(y, x0 + c->col, ll->text + c->toff, &wc,
			    c->cols, a, pr);
			screen_check(s, y, x0 + c->col + c->cols, y);
		}
		if (r->end > s->ses.seen_off)	/* how far it has been shown */
			s->ses.seen_off = r->end;
		if (++row >= ll->nrows) {
			if ((ll = layout_next(s->ses.lay, ll)) == NULL)
				break;
			piece = ll->off;
			row = 0;
		}
	}
}

/* Heading I's title as shown, in the current script.  Caller frees. */
static char *
screen_title(const struct screen *s, size_t i)
{
	struct conv *cv = s->ses.p.conv[s->ses.p.script];

	return cv ? conv_string(cv, s->ses.ol->v[i].title) :
	    xstrdup(s->ses.ol->v[i].title);
}

/*
 * The right-hand labels of outline entry SEC in BUF: the search's
 * matches in its section, its length and reading time.  The title
 * (TITLE_COLS wide) comes first: the length is dropped, then the time,
 * then the count, until the title fits whole in the AVAIL columns; a
 * title too long for any keeps two thirds of them.  Returns the columns
 * used, with *NMATCH the columns of the match count (drawn bold at the
 * left of them).
 */
static int
screen_panel_labels(struct screen *s, size_t sec, int avail, int title_cols,
    char *buf, size_t size, int *nmatch)
{
	long cnt = finder_section_count(&s->ses.finder, s->ses.ol, sec);
	char num[24] = "", len[16] = "", mins[24] = "", cand[4][64];
	int k;

	if (cnt > 0)
		snprintf(num, sizeof num, " %ld", cnt);
	if (s->ses.rt != NULL) {
		const struct readtime_count *c = &s->ses.rt[sec];

		readtime_format_count(c->chars, len, sizeof len);
		char *m6;

		readtime_say(readtime_minutes(c, s->cpm, s->wpm), mins,
		    sizeof mins);
		m6 = width_rjust(mins, 6);	/* "12分钟": 8 bytes, 6 columns */
		snprintf(cand[0], sizeof cand[0], "%s %5s %s", num, len, m6);
		snprintf(cand[1], sizeof cand[1], "%s %s", num, m6);
		free(m6);
	} else {
		snprintf(cand[0], sizeof cand[0], "%s", num);
		snprintf(cand[1], sizeof cand[1], "%s", num);
	}
	snprintf(cand[2], sizeof cand[2], "%s", num);
	cand[3][0] = '\0';
	for (k = 0; k < 3; k++) {
		int fw = width_string(cand[k], strlen(cand[k]));

		if (fw > 0 && title_cols + fw <= avail)
			break;
	}
	if (k == 3 && title_cols > avail)	/* a title too long for any */
		for (k = 0; k < 3; k++) {
			int fw = width_string(cand[k], strlen(cand[k]));

			if (fw > 0 && fw <= avail / 3 &&
			    avail - fw >= SCREEN_PANEL_TITLE_MIN)
				break;
		}
	snprintf(buf, size, "%s", cand[k]);
	*nmatch = k < 3 ? (int)strlen(num) : 0;
	return width_string(buf, strlen(buf));
}

static void
screen_draw_panel_row(struct screen *s, int y, int w, size_t e,
    size_t cur_sec)
{
	struct pager *p = &s->ses.p;
	size_t sec = p->panel_idx[e];
	const struct outline_heading *h = &s->ses.ol->v[sec];
	enum theme_element el = e == p->panel_cur ?
	    THEME_ELEMENT_PANEL_CURRENT : THEME_ELEMENT_PANEL;
	attr_t attr = screen_attr(el), bold = sec == cur_sec ? A_BOLD : 0;
	short pair = screen_pair(el);
	int indent = 2 * (h->level - 1), x = 2, rw, mw;
	char right[96], *t;

	if (indent > w / 3)
		indent = w / 3;
	x += indent;
	screen_pad(y, 0, w, attr, pair);
	if (sec == cur_sec)
		screen_put_str(y, 0, ">", 1, w, attr | A_BOLD, pair);
	t = screen_title(s, sec);
	rw = screen_panel_labels(s, sec, w - x - 1, width_string(t,
	    strlen(t)), right, sizeof right, &mw);
	if (rw > 0) {
		screen_put_str(y, w - rw, right, (size_t)mw, mw,
		    attr | A_BOLD, pair);
		screen_put_str(y, w - rw + mw, right + mw,
		    strlen(right + mw), rw - mw, attr, pair);
	}
	if (x < w) {
		int cols = w - x - rw - (rw > 0);
		/* A cut title shows the part the filter matched. */
		char *shown = filter_excerpt(t, &p->panel_match[e], cols);

		screen_put_str(y, x, shown, strlen(shown), cols, attr | bold,
		    pair);
		free(shown);
	}
	free(t);
}

/*
 * The rule for the figures, at the foot of the panel when the headings
 * leave room (FIRST_FREE: the first row they leave), words wrapped to W.
 */
static void
screen_draw_panel_note(int w, int rows, int first_free)
{
	const char *line[8];
	int len[8], n = 0, room = w - 2;
	const char *p = _("Length, time and matches: each heading's whole "
	    "section, subsections included.");

	while (*p != '\0' && n < 8 && room >= 12) {
		int l = (int)width_wrap(p, strlen(p), room);

		line[n] = p;
		len[n++] = l;
		p += l;
		while (*p == ' ')
			p++;
	}
	if (n == 0 || *p != '\0' || first_free + 1 + n > rows)
		return;
	for (int i = 0; i < n; i++)
		screen_put_str(rows - n + i, 1, line[i], (size_t)len[i], room,
		    A_DIM, 0);
}

static void
screen_draw_panel(struct screen *s)
{
	struct pager *p = &s->ses.p;
	int pc = pager_panel_cols(p), w = pc ? pc : COLS;
	int rows = pager_text_rows(p);
	size_t cur_sec = pager_section(p);
	char *head;

	if (s->ses.ol == NULL)
		head = xstrdup(_("Outline (building…)"));
	else if (p->panel_filtering || p->filter.len > 0)
		head = xasprintf("/%s (%zu)", p->filter.buf, p->panel_n);
	else
		head = xasprintf(_("Outline (%zu)"), p->panel_n);
	screen_put_str(0, 0, head, strlen(head), w,
	    screen_attr(THEME_ELEMENT_PANEL) | A_BOLD,
	    screen_pair(THEME_ELEMENT_PANEL));
	free(head);
	if (p->panel_filtering && s->ses.ol != NULL)
		screen_put_edit(0, 0, "/", &p->filter, w,
		    screen_attr(THEME_ELEMENT_PANEL) | A_BOLD,
		    screen_pair(THEME_ELEMENT_PANEL));
	/* The divider in ASCII: ncurses' ACS_VLINE reaches the terminal as
	 * U+2502, East Asian ambiguous, two cells where those are wide. */
	if (pc)
		mvvline(0, pc, '|', rows);
	if (rows < 2)
		return;
	if (s->ses.ol != NULL && p->panel_n == 0) {
		const char *m = p->filter.len ? _("no heading matches") :
		    _("no headings");
		screen_put_str(1, 0, m, strlen(m), w, A_NORMAL, 0);
		return;
	}
	pager_panel_fit(p, rows - 1);
	for (int y = 1; y < rows && p->panel_top + (size_t)(y - 1) <
	    p->panel_n; y++)
		screen_draw_panel_row(s, y, w, p->panel_top + (size_t)(y - 1),
		    cur_sec);
	screen_draw_panel_note(w, rows, (int)p->panel_n + 1);
}

/*
 * The help screen from the key maps, wrapped to the width, from line
 * *TOP (kept within the lines) in ROWS rows.  Shared with the shelf.
 */
void
screen_draw_help(size_t *top, int rows)
{
	size_t n;
	char **lines = keymap_help(COLS, &n);

	if (*top + (size_t)rows > n)
		*top = n > (size_t)rows ? n - (size_t)rows : 0;
	for (int y = 0; y < rows && *top + (size_t)y < n; y++) {
		size_t i = *top + (size_t)y;

		screen_put_str(y, 0, lines[i], strlen(lines[i]), COLS,
		    i == 0 || (lines[i][0] != ' ' && i > 0 &&
		    lines[i - 1][0] == '\0') ? A_BOLD : A_NORMAL, 0);
	}
	keymap_help_free(lines, n);
}

/* The search prompt on the status line: the pattern typed so far, and
 * on the right the foldings in effect and what became of it. */
static void
screen_draw_prompt(struct screen *s)
{
	struct finder *f = &s->ses.finder;
	int y = LINES - 1, rw, lw;
	char *modes = finder_prompt_modes(f), *right, *left;
	const char *lead = f->prompt == FINDER_PROMPT_FORWARD ? "/" :
	    f->prompt == FINDER_PROMPT_BACKWARD ? "?" : _("highlight: ");

	const char *err = f->prompt_err;

	if (err != NULL && strstr(err, "': ") != NULL)
		err = strstr(err, "': ") + 3;	/* the fault alone */
	else if (err != NULL && strstr(err, "'：") != NULL)
		err = strstr(err, "'：") + strlen("'：");
	right = xasprintf("%s%s[%s]", err ? err : f->prompt_found == 0 ?
	    _("not found") : "", err || f->prompt_found == 0 ? " " : "", modes);
	mvhline(y, 0, ' ', COLS);
	rw = width_string(right, strlen(right));
	lw = width_string(lead, strlen(lead)) + width_string(f->ed.buf,
	    f->ed.len) + 1;
	if (rw > COLS - lw - 2)
		rw = COLS - lw - 2;
	if (rw < 8)
		rw = 0;
	left = xstrdup(lead);
	screen_put_edit(y, 0, left, &f->ed, COLS - rw - 1, A_BOLD, 0);
	if (rw > 0)
		screen_put_str(y, COLS - rw, right, strlen(right), rw,
		    f->prompt_err || f->prompt_found == 0 ? A_REVERSE :
		    A_NORMAL, 0);
	free(modes);
	free(right);
	free(left);
}

/*
 * The reading aids for the status line: the encoding, the script when it
 * is not the original and the pinyin mode when annotations show (but not
 * in a text with few of them, where showing them is the default); SHORT
 * abbreviates the script.
 */
static void
screen_status_aids(const struct screen *s, int short_names, char *buf,
    size_t size)
{
	enum annot_mode m = pager_annot(&s->ses.p);
	const char *enc = s->ses.doc->encoding ? s->ses.doc->encoding : "UTF-8";

	snprintf(buf, size, "%s%s%s%s ", enc,
	    s->ses.p.script != CONV_ORIGINAL ? " " : "",
	    s->ses.p.script == CONV_ORIGINAL ? "" : short_names ?
	    _(conv_script_abbr(s->ses.p.script)) :
	    _(conv_script_name(s->ses.p.script)),
	    m == ANNOT_RUBY ? _(" ruby") : pager_annotating(&s->ses.p) ?
	    _(" annotate") : m == ANNOT_SHOW &&
	    s->ses.annot_auto != ANNOT_SHOW ? _(" pinyin") : "");
}

void
screen_status_line(const char *left, int bold, const char *right,
    int narrow_right)
{
	int y = LINES - 1, rw = width_string(right, strlen(right));
	attr_t sa = screen_attr(THEME_ELEMENT_STATUS);
	short sp = screen_pair(THEME_ELEMENT_STATUS);
	attr_t la = bold ? sa | A_BOLD : sa;

	screen_pad(y, 0, COLS, sa, sp);
	if (rw + 2 > COLS) {	/* narrow: one side alone */
		if (narrow_right)
			screen_put_str(y, 0, right, strlen(right), COLS, sa, sp);
		else
			screen_put_str(y, 0, left, strlen(left), COLS, la, sp);
		return;
	}
	screen_put_str(y, 0, left, strlen(left), COLS - rw - 2, la, sp);
	screen_put_str(y, COLS - rw - 1, right, strlen(right), rw, sa, sp);
}

/*
 * The status line: on the left the message, the file (a book's title and
 * author) and the section holding the top row; on the right the search,
 * the modes, the reading aids and the place.  When it is narrow, parts go
 * in order of least use: the aids (abbreviated, then all), the file,
 * the line numbers (the percentage stays), the search's figures, the
 * mode; the section title stays longest (cut with … when long: it asks
 * for SCREEN_STATUS_TITLE_COLS before the others go).
 */
#define SCREEN_STATUS_TITLE_COLS 24

static void
screen_draw_status(struct screen *s)
{
	struct pager *p = &s->ses.p;
	size_t sec = pager_section(p), line;
	char right[480], modes[64] = "", srch[160] = "", aids[96], pos[64];
	char *title = sec != (size_t)-1 ? screen_title(s, sec) : NULL;
	char *book = NULL, *left = NULL, *fs;
	/* The last row on the screen: 100% and an end mark, whatever byte
	 * the top row starts at. */
	/* The end of a big text's first screens is not its end. */
	int end = pager_at_end(p) && !(p->doc->render != NULL &&
	    p->doc->render->partial), pct = end ? 100 : pager_percent(p);
	size_t total = pager_line_total(p, s->ses.total_lines);
	int level, tw;

	if (s->ses.finder.prompt != FINDER_PROMPT_NONE) {
		screen_draw_prompt(s);
		free(title);
		return;
	}
	/* Far into a big text before its lines are counted: "line ?", as
	 * less does, until the index knows (the loop draws again). */
	s->line_unknown = !pager_top_line_known(p, &line);
	line++;
	fs = finder_status(&s->ses.finder);
	if (fs != NULL) {
		snprintf(srch, sizeof(srch), "%s ", fs);
		free(fs);
	}

	if (p->count > 0)
		snprintf(modes, sizeof(modes), "%ld ", p->count);
	if (p->pending)
		snprintf(modes + strlen(modes), sizeof(modes) - strlen(modes),
		    "%c_ ", p->pending);
	if (p->help_open)
		strcat(modes, _("[help] "));
	else if (p->word_open)
		strcat(modes, _("[word] "));
	else if (p->panel_filtering)
		strcat(modes, _("[filter] "));
	else if (p->panel_open)
		strcat(modes, _("[outline] "));
	/* A book goes by its title and author rather than its file. */
	if (s->ses.doc != NULL && s->ses.doc->render != NULL &&
	    s->ses.doc->render->format == RENDER_EPUB &&
	    s->ses.doc->render->title != NULL) {
		const struct render *r = s->ses.doc->render;
		book = xasprintf("%s%s%s", r->title, r->author ? " · " : "",
		    r->author ? r->author : "");
	}
	tw = title ? width_string(title, strlen(title)) : 0;
	if (tw > SCREEN_STATUS_TITLE_COLS)
		tw = SCREEN_STATUS_TITLE_COLS;
	for (level = 0; level < 7; level++) {
		const char *name = level < 3 ? book ? book : s->ses.name : NULL;
		int need;

		if (level < 2)
			screen_status_aids(s, level > 0, aids, sizeof aids);
		else
			aids[0] = '\0';
		if (level >= 4)
			snprintf(pos, sizeof pos, "%s%d%%", end ? _("(END) ") :
			    "", pct);
		else if (s->line_unknown)
			snprintf(pos, sizeof pos, _("line ? %s%3d%%"),
			    end ? _("(END) ") : "", pct);
		else if (total)
			snprintf(pos, sizeof pos, _("line %zu/%zu %s%3d%%"),
			    line, total, end ? _("(END) ") : "", pct);
		else
			snprintf(pos, sizeof pos, _("line %zu %s%3d%%"), line,
			    end ? _("(END) ") : "", pct);
		snprintf(right, sizeof right, "%s%s%s%s", level < 5 ? srch :
		    "", level < 6 ? modes : "", aids, pos);
		free(left);
		left = xasprintf("%s%s%s%s%s", p->msg ? p->msg : "",
		    p->msg && (name || title) ? " · " : "", name ? name : "",
		    name && title ? " · " : "", title ? title : "");
		need = width_string(left, strlen(left)) - (title ?
		    width_string(title, strlen(title)) - tw : 0);
		if (need + 2 + width_string(right, strlen(right)) <= COLS)
			break;
	}
	free(book);
	screen_status_line(left, p->msg != NULL, right, 1);
	free(left);
	free(title);
}

/*
 * The layout row drawn on screen row Y (its ruby row too) as
 * screen_draw_text() placed it: *LL, *R and the text's first column *X0.
 * 0 when no text row is there.
 */
static int
screen_row_at(struct screen *s, int y, const struct layout_line **llp,
    size_t *rp, int *x0p)
{
	struct doc *doc = s->ses.doc;
	struct pager *p = &s->ses.p;
	int pc = pager_panel_cols(p);
	int step = pager_annot(p) == ANNOT_RUBY && pager_text_rows(p) >= 2 ?
	    2 : 1;
	const struct layout_line *ll;
	size_t row;

	if (doc->len == 0)
		return 0;
	*x0p = (pc ? pc + 1 : 0) + pager_text_x(p);
	ll = layout_at(s->ses.lay, p->top_off);
	row = layout_row_of(ll, p->top_off);
	for (int k = 0; k < pager_view_rows(p); k++) {
		if (y == k * step + step - 1 || (step == 2 && y == k * 2)) {
			*llp = ll;
			*rp = row;
			return 1;
		}
		if (++row >= ll->nrows) {
			if ((ll = layout_next(s->ses.lay, ll)) == NULL)
				break;
			row = 0;
		}
	}
	return 0;
}

/*
 * Blank the text cells of screen row Y that column X cuts in two (a wide
 * character half under a box drawn from X on), so that no half of a
 * character is left on the terminal.
 */
static void
screen_unsplit(struct screen *s, int y, int x)
{
	const struct layout_line *ll;
	size_t r;
	int x0;

	if (!screen_row_at(s, y, &ll, &r, &x0))
		return;
	for (size_t i = ll->rows[r].cell; i < ll->rows[r].cell +
	    ll->rows[r].ncells; i++) {
		const struct layout_cell *c = &ll->cells[i];
		int a = x0 + c->col, b = a + c->cols;

		if (c->kind != LAYOUT_HIDDEN && a < x && b > x)
			screen_pad(y, a, c->cols, A_NORMAL, 0);
	}
}

/* The popup's text: the word's entries (define.c, as --define prints
 * them), or why there are none. */
static char *
screen_popup_text(const struct pager *p)
{
	if (p->word_def != NULL)
		return xstrdup(p->word_def);
	return xasprintf(_("%s\n  no dictionary (the lexicon files are "
	    "missing)\n"), p->word);
}

/*
 * Wrap TEXT (lines ending in '\n') to COLS columns, at spaces when it
 * can; continued lines are indented two columns past their first.
 * Returns the rows (NUL-ended; caller frees each and the array).
 */
static char **
screen_popup_wrap(const char *text, int cols, size_t *n)
{
	char **v = NULL;
	size_t cap = 0;

	*n = 0;
	for (const char *l = text; *l;) {
		size_t len = strcspn(l, "\n"), ind = strspn(l, " ");
		const char *t = l;
		size_t left = len;
		int first = 1;

		do {
			int used, room = first ? cols : cols - (int)ind - 2;
			size_t fit = width_fit(t, left, room > 4 ? room : 4, &used);

			if (fit < left) {	/* break at the last space */
				size_t b = fit;
				while (b > 0 && t[b - 1] != ' ')
					b--;
				if (b > ind + 1)
					fit = b;
			}
			if (fit == 0)
				fit = left;	/* a cluster wider than the popup */
			v = xgrow(v, &cap, *n + 1, sizeof *v);
			v[(*n)++] = first ? xstrndup(t, fit) :
			    xasprintf("%*s%.*s", (int)ind + 2, "", (int)fit, t);
			t += fit;
			left -= fit;
			while (left > 0 && *t == ' ') {
				t++;
				left--;
			}
			first = 0;
		} while (left > 0);
		l += len + (l[len] == '\n');
	}
	return v;
}

/*
 * The word popup: a box beside the word under the cursor, below it when
 * it fits there (else where there is more room), never on the word's
 * row, inside the text rows; lines that do not fit give way to a
 * "…more" line (Space scrolls).
 */
static void
screen_draw_popup(struct screen *s)
{
	struct pager *p = &s->ses.p;
	int rows = pager_text_rows(p), wy = s->word_y;
	/* In ruby mode the word's pinyin, on the row above, shows too. */
	int ruby = pager_annot(p) == ANNOT_RUBY && rows >= 2 && wy >= 1;
	int below = rows - wy - 1, above = wy - ruby;
	int w, inner, h, y0, x, c, longest = 0;
	char *text, **lines;
	size_t n;
	attr_t a = screen_attr(THEME_ELEMENT_STATUS);
	short pr = screen_pair(THEME_ELEMENT_STATUS);

	if (!p->word_open || wy < 0 || p->word == NULL)
		return;
	w = COLS < SCREEN_POPUP_COLS ? COLS : SCREEN_POPUP_COLS;
	if (w < 8)
		return;
	text = screen_popup_text(p);
	lines = screen_popup_wrap(text, w - 4, &n);
	free(text);
	for (size_t i = 0; i < n; i++) {
		int lw = width_string(lines[i], strlen(lines[i]));
		longest = lw > longest ? lw : longest;
	}
	if (longest + 4 < w)
		w = longest + 4 < 16 ? (COLS < 16 ? COLS : 16) : longest + 4;
	inner = w - 4;
	/* Height: the lines and two rules, where there is room. */
	h = (int)n + 2;
	if (below >= h || below >= above) {
		h = h < below ? h : below;
		y0 = wy + 1;
	} else {
		h = h < above ? h : above;
		y0 = wy - ruby - h;
	}
	if (h >= 3) {
		int shown = h - 2, more = (int)n > shown;
		int body = more ? shown - 1 : shown;
		int top;

		pager_word_popup_fit(p, more ? (int)n - body : 0, body);
		top = p->word_popup_top;
		x = s->word_x0;
		if (x + w > COLS)
			x = COLS - w;
		if (x < 0)
			x = 0;
		for (int y = y0; y < y0 + h; y++) {
			screen_unsplit(s, y, x);
			screen_unsplit(s, y, x + w);
		}
		s->popup_y = y0;
		s->popup_x = x;
		s->popup_h = h;
		s->popup_w = w;
		screen_pad(y0, x, w, a, pr);
		mvhline(y0, x, '-', w);
		mvhline(y0 + h - 1, x, '-', w);
		mvaddch(y0, x, '+');
		mvaddch(y0, x + w - 1, '+');
		mvaddch(y0 + h - 1, x, '+');
		mvaddch(y0 + h - 1, x + w - 1, '+');
		for (int k = 0; k < shown; k++) {
			int y = y0 + 1 + k;
			const char *t = NULL;
			char *hint = NULL;

			screen_pad(y, x, w, A_NORMAL, 0);
			mvaddch(y, x, '|');
			mvaddch(y, x + w - 1, '|');
			if (k < body && top + k < (int)n)
				t = lines[top + k];
			else if (more && k == body)
				t = hint = xstrdup(top + body < (int)n ?
				    _("…more (Space)") : _("(PgUp: back)"));
			if (t != NULL) {
				c = screen_put_str(y, x + 2, t, strlen(t), inner,
				    hint ? A_DIM : t[0] != ' ' &&
				    strncmp(t, "longer:", 7) != 0 ? A_BOLD :
				    A_NORMAL, 0);
				(void)c;
			}
			free(hint);
		}
	}
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

static void
screen_draw(struct screen *s)
{
	int pc = pager_panel_cols(&s->ses.p);

	erase();
	if (s->ses.p.help_open)
		screen_draw_help(&s->ses.p.help_top,
		    pager_text_rows(&s->ses.p));
	else if (s->ses.p.panel_open && pc == 0)
		screen_draw_panel(s);
	else {
		screen_draw_text(s, (pc ? pc + 1 : 0) +
		    pager_text_x(&s->ses.p));
		if (s->ses.p.panel_open)
			screen_draw_panel(s);
		screen_draw_popup(s);
	}
	screen_draw_status(s);
	screen_refresh();
	if (s->ses.seen_off < s->ses.doc->len && !s->ses.p.help_open &&
	    !(s->ses.p.panel_open && pc == 0) && pager_at_end(&s->ses.p))
		s->ses.seen_off = s->ses.doc->len;
}

static int
screen_key(wint_t wch, int code)
{
	if (code == OK)
		return wch == '\r' ? KEYCODE_ENTER : (int)wch;
	switch (wch) {
	case KEY_UP: return KEYCODE_UP;
	case KEY_DOWN: return KEYCODE_DOWN;
	case KEY_LEFT: return KEYCODE_LEFT;
	case KEY_RIGHT: return KEYCODE_RIGHT;
	case KEY_PPAGE: return KEYCODE_PGUP;
	case KEY_NPAGE: return KEYCODE_PGDN;
	case KEY_HOME: return KEYCODE_HOME;
	case KEY_END: return KEYCODE_END;
	case KEY_BACKSPACE: return KEYCODE_BACKSPACE;
	case KEY_DC: return KEYCODE_DELETE;
	case KEY_ENTER: return KEYCODE_ENTER;
	default: return -1;
	}
}

/* The source byte of the text cell at screen row Y, column X, or
 * PAGER_NO_OFF when none is there. */
static size_t
screen_off_at(struct screen *s, int y, int x)
{
	const struct layout_line *ll;
	size_t r;
	int x0;

	if (!screen_row_at(s, y, &ll, &r, &x0))
		return PAGER_NO_OFF;
	for (size_t i = ll->rows[r].cell; i < ll->rows[r].cell +
	    ll->rows[r].ncells; i++) {
		const struct layout_cell *c = &ll->cells[i];
		if (c->kind != LAYOUT_HIDDEN && c->cols > 0 &&
		    x - x0 >= c->col && x - x0 < c->col + c->cols)
			return c->off;
	}
	return PAGER_NO_OFF;
}

static enum pager_action
screen_mouse(struct screen *s)
{
	MEVENT ev;
	struct pager *p = &s->ses.p;
	int pc = pager_panel_cols(p), in_panel;

	if (getmouse(&ev) != OK)
		return PAGER_NONE;
	in_panel = p->panel_open && !p->help_open && (pc == 0 || ev.x < pc);
	if (ev.bstate & BUTTON4_PRESSED)
		return in_panel ? pager_panel_move(p, -SCREEN_WHEEL_ROWS) :
		    pager_scroll(p, -SCREEN_WHEEL_ROWS);
#ifdef BUTTON5_PRESSED
	if (ev.bstate & BUTTON5_PRESSED)
		return in_panel ? pager_panel_move(p, SCREEN_WHEEL_ROWS) :
		    pager_scroll(p, SCREEN_WHEEL_ROWS);
#endif
	if ((ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED |
	    BUTTON1_RELEASED)) && in_panel && ev.y >= 1 &&
	    ev.y < pager_text_rows(p)) {
		if (ev.bstate & BUTTON1_RELEASED)
			return PAGER_NONE;
		return pager_panel_click(p, p->panel_top + (size_t)(ev.y - 1));
	}
	/* A click on a word: the word cursor on it, its popup beside it. */
	if ((ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) && !in_panel &&
	    !p->help_open && s->ses.finder.prompt == FINDER_PROMPT_NONE &&
	    ev.y < pager_text_rows(p)) {
		size_t off = screen_off_at(s, ev.y, ev.x);

		if (p->word_open && s->popup_h > 0 && ev.y >= s->popup_y &&
		    ev.y < s->popup_y + s->popup_h && ev.x >= s->popup_x &&
		    ev.x < s->popup_x + s->popup_w)
			return PAGER_NONE;	/* on the popup, not the text */
		if (off != PAGER_NO_OFF)
			return pager_word_at(p, off);
	}
	return PAGER_NONE;
}

/*
 * Wait while PENDING says a key's needs are being made on the other core
 * (the outline, the rest of a big text).  After SCREEN_PROGRESS_MS the
 * status line says WHAT (a format taking the seconds so far); any key or
 * ^C stops waiting (the key is used up).  1 when it is done.
 */
static int
screen_wait(struct screen *s, int (*pending)(struct screen *),
    const char *what)
{
	struct timespec t0;
	struct pollfd pfd = { s->key_fd, POLLIN, 0 };
	char msg[128];
	wint_t w;
	int code;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (pending(s)) {
		long ms = screen_ms_since(&t0);

		/* ^C stops waiting; TERM, HUP end the reader. */
		if (screen_signal) {
			if (screen_signal == SIGINT)
				screen_signal = 0;
			break;
		}
		if (ms >= SCREEN_PROGRESS_MS) {
			snprintf(msg, sizeof msg, what, (double)ms / 1000);
			screen_pad(LINES - 1, 0, COLS,
			    screen_attr(THEME_ELEMENT_STATUS),
			    screen_pair(THEME_ELEMENT_STATUS));
			screen_put_str(LINES - 1, 0, msg, strlen(msg), COLS,
			    screen_attr(THEME_ELEMENT_STATUS),
			    screen_pair(THEME_ELEMENT_STATUS));
			screen_refresh();
		}
		if (poll(&pfd, 1, SCREEN_TICK_MS / 2) <= 0)
			continue;
		nodelay(stdscr, TRUE);
		code = get_wch(&w);
		timeout(SCREEN_TICK_MS);
		if (code == ERR && screen_hung_up(s))
			break;
		if (code == OK || (code == KEY_CODE_YES && w != KEY_RESIZE &&
		    w != KEY_MOUSE))
			break;
	}
	return !screen_signal && !pending(s);
}

static int
screen_outline_pending(struct screen *s)
{
	return session_job_pending(&s->ses);
}

/* The outline a key needs (it is usually long done); 1 when it is there. */
static int
screen_outline_wait(struct screen *s)
{
	if (screen_wait(s, screen_outline_pending, _("building the outline… "
	    "%.1f s (any key stops)"))) {
		session_job_take(&s->ses, 1);
		return 1;
	}
	if (!screen_signal)
		pager_message(&s->ses.p, _("the outline is not ready yet"));
	return 0;
}

static int
screen_bg_pending(struct screen *s)
{
	return s->bg != NULL && !render_bg_ready(s->bg);
}

/*
 * Wait for the rest of a big text, being rendered on the other core, for a
 * key that needs it all.  0 when a key or ^C stopped the wait.
 */
static int
screen_bg_wait(struct screen *s)
{
	if (screen_wait(s, screen_bg_pending, _("rendering the whole text… "
	    "%.1f s (any key stops)")))
		return 1;
	if (!screen_signal)
		pager_message(&s->ses.p, "%s", _("the rest of the text is "
		    "still being rendered"));
	return 0;
}

/*
 * The rest of a big text is rendered: show it all, at the same place, when
 * the reader is only reading (not in a prompt, the word cursor, a count).
 */
static int
screen_bg_swap(struct screen *s)
{
	struct pager *p = &s->ses.p;

	if (s->bg == NULL || !render_bg_ready(s->bg) ||
	    s->ses.doc->render == NULL || !s->ses.doc->render->partial ||
	    keys_reader_mode(p) != COMMAND_READER || p->count > 0 ||
	    p->pending != 0)
		return 0;
	s->whole = 1;
	p->rerender = PAGER_RERENDER_NONE;
	return 1;
}

/* Rendering a big text whole takes a moment: say so. */
static void
screen_whole_message(struct screen *s)
{
	screen_status_line(_("rendering the whole text..."), 0, "", 0);
	screen_refresh();
}

/* The width a rendering's tables are made for: the screen's, or -w. */
static int
screen_render_cols(const struct screen *s)
{
	int w = s->opts->width_cols;

	return w > 0 && w < COLS ? w : COLS;
}

/* The source DOC shows (itself when it is not rendered). */
static struct doc *
screen_source_of(struct doc *doc)
{
	return doc->render != NULL && !doc->render->identity ?
	    doc->render->src : doc;
}

/*
 * R or W asked to show SRC otherwise: change the session's choice, or
 * say why not.  1 when SRC is to be rendered again.
 */
static int
screen_rerender_choose(struct screen *s, struct doc *shown, int what,
    char **msg)
{
	const struct render *r = shown->render;
	struct doc *src = screen_source_of(shown);
	enum render_format f = (enum render_format)s->opts->format;

	if (what == PAGER_RERENDER_RAW) {
		s->ses.raw = !s->ses.raw;
		*msg = xstrdup(s->ses.raw ? _("the source as it is (R: "
		    "rendered)") : _("rendered (R: the source as it is)"));
		return 1;
	}
	if (f == RENDER_AUTO)
		f = render_detect(src);
	if (f != RENDER_TEXT || (r != NULL && r->format == RENDER_EPUB)) {
		*msg = xstrdup(_("only plain text is reflowed"));
		return 0;
	}
	s->ses.reflow = !s->ses.raw && r != NULL && r->reflowed ?
	    RENDER_REFLOW_OFF : RENDER_REFLOW_ON;
	s->ses.raw = 0;
	*msg = xstrdup(s->ses.reflow == RENDER_REFLOW_ON ?
	    _("lines joined into paragraphs (W: as in the source)") :
	    _("lines as in the source (W: joined)"));
	return 1;
}

/*
 * Between keys, about once a second: has the file changed on disk, or
 * shrunk under the map (its lost pages read as zeros)?  Said once each on
 * the status line; what is shown stays as it was read.
 */
static void
screen_file_check(struct screen *s)
{
	const struct doc *d = s->ses.doc;
	const struct doc *src = d->render != NULL && d->render->src != NULL ?
	    d->render->src : d;
	size_t lost;
	long long size;
	int ch;

	if (s->told_changed >= 2)
		return;
	lost = doc_lost_off(d);
	if (lost == (size_t)-1)
		lost = doc_lost_off(src);
	if (lost != (size_t)-1) {
		long long now;

		doc_file_changed(src, &now);
		pager_message(&s->ses.p, _("the file shrank to %lld bytes "
		    "while it was read: what it lost shows as zeros"),
		    now < 0 ? 0 : now);
		s->told_changed = 2;
		screen_draw(s);
		return;
	}
	if (s->told_changed != 0 || screen_ms_since(&s->stat_t) < 1000)
		return;
	clock_gettime(CLOCK_MONOTONIC, &s->stat_t);
	if ((ch = doc_file_changed(src, &size)) != 0) {
		pager_message(&s->ses.p, ch == 2 ? _("the file is gone from "
		    "the disk; this is the text as it was read") : _("the file "
		    "changed on disk; this is the text as it was read"));
		s->told_changed = 1;
		screen_draw(s);
	}
}

static enum screen_end
screen_loop(struct screen *s)
{
	wint_t wch;
	int code, key;
	enum pager_action a;

	if (s->ses.doc->partial)
		pager_message(&s->ses.p, _("stopped reading: only what came "
		    "before the key is shown"));
	screen_draw(s);
	/* The outline and the line count come after the first screen. */
	session_job_start(&s->ses);
	for (;;) {
		if (screen_signal)
			return SCREEN_END_SIGNAL;
		if (s->has_pending) {	/* the key that rendered it all */
			s->has_pending = 0;
			key = s->pending_key;
			goto have_key;
		}
		if (session_job_take(&s->ses, 0)) {
			/* The scan touched the whole text: let it go. */
			doc_drop_pages(s->ses.doc);
			screen_draw(s);
		} else if (s->line_unknown && s->ses.p.doc != NULL) {
			size_t l;

			if (pager_top_line_known(&s->ses.p, &l))
				screen_draw(s);
		}
		if (s->told_changed < 2 && doc_lost_off(s->ses.doc) !=
		    (size_t)-1)
			screen_file_check(s);
		code = get_wch(&wch);
		if (screen_signal)
			return SCREEN_END_SIGNAL;
		if (code == ERR) {
			if (screen_hung_up(s))
				return SCREEN_END_SIGNAL;
			screen_file_check(s);
			if (screen_bg_swap(s))
				return SCREEN_END_RERENDER;
			continue;
		}
		s->eof_ticks = 0;
		if (code == KEY_CODE_YES && wch == KEY_RESIZE) {
			pager_resize(&s->ses.p, LINES, COLS);
			if (render_stale(s->ses.doc->render,
			    screen_render_cols(s))) {
				/* Its tables made again for the width. */
				s->ses.p.rerender = PAGER_RERENDER_NONE;
				return SCREEN_END_RERENDER;
			}
			screen_draw(s);
			continue;
		}
		if (code == KEY_CODE_YES && wch == KEY_MOUSE) {
			if (screen_mouse(s) != PAGER_NONE)
				screen_draw(s);
			continue;
		}
		key = screen_key(wch, code);
		if (key < 0)
			continue;
have_key:
		if (s->ses.doc->render != NULL && s->ses.doc->render->partial &&
		    keys_needs_text(&s->ses.p, key)) {
			/* Render it all, then run the key. */
			if (!screen_bg_wait(s)) {
				screen_draw(s);
				continue;
			}
			s->whole = 1;
			s->has_pending = 1;
			s->pending_key = key;
			s->ses.p.rerender = PAGER_RERENDER_NONE;
			return SCREEN_END_RERENDER;
		}
		if (keys_needs_outline(&s->ses.p, key) &&
		    !screen_outline_wait(s)) {
			screen_draw(s);
			continue;
		}
		clock_gettime(CLOCK_MONOTONIC, &s->key_t0);
		a = keys_dispatch(&s->ses.p, key);
		if (a == PAGER_QUIT)
			return SCREEN_END_QUIT;
		if (a == PAGER_NEXT_FILE || a == PAGER_PREV_FILE) {
			if (session_step(&s->ses, a == PAGER_NEXT_FILE ?
			    1 : -1))
				return a == PAGER_NEXT_FILE ? SCREEN_END_NEXT :
				    SCREEN_END_PREV;
			a = PAGER_REDRAW;
		}
		if (a == PAGER_RERENDER) {
			if (screen_rerender_choose(s, s->ses.doc,
			    s->ses.p.rerender, &s->rerender_msg))
				return SCREEN_END_RERENDER;
			pager_message(&s->ses.p, "%s", s->rerender_msg);
			free(s->rerender_msg);
			s->rerender_msg = NULL;
			a = PAGER_REDRAW;
		}
		if (a == PAGER_REPAINT)
			clearok(curscr, TRUE);
		if (a == PAGER_REDRAW || a == PAGER_REPAINT)
			screen_draw(s);
	}
}

/* The built-in looks; with COLOR, in colour where there is one. */
static void
screen_looks_default(int color)
{
	memset(screen_looks, 0, sizeof screen_looks);
	screen_looks[THEME_ELEMENT_STATUS].attr = A_REVERSE;
	screen_looks[THEME_ELEMENT_HEADING].attr = A_BOLD;
	screen_looks[THEME_ELEMENT_MATCH].attr = A_REVERSE;
	screen_looks[THEME_ELEMENT_PANEL_CURRENT].attr = A_REVERSE;
	screen_looks[THEME_ELEMENT_SHELF_INFO].attr = A_DIM;
	screen_looks[THEME_ELEMENT_PINYIN].attr = A_DIM;
	screen_looks[THEME_ELEMENT_CURRENT_MATCH].attr = A_BOLD |
	    (color >= 8 ? 0 : A_REVERSE | A_UNDERLINE);
	/* Rendered documents (Markdown): headings by level, inline styles,
	 * the quote bar and the marks the renderer adds. */
	screen_looks[THEME_ELEMENT_HEADING_2].attr = A_BOLD;
	screen_looks[THEME_ELEMENT_HEADING_3].attr = A_BOLD;
	screen_looks[THEME_ELEMENT_STRONG].attr = A_BOLD;
	screen_looks[THEME_ELEMENT_EMPHASIS].attr = A_ITALIC;
	screen_looks[THEME_ELEMENT_STRIKE].attr = A_DIM;
	screen_looks[THEME_ELEMENT_CODE].attr = color >= 8 ? 0 : A_DIM;
	screen_looks[THEME_ELEMENT_LINK].attr = A_UNDERLINE;
	screen_looks[THEME_ELEMENT_QUOTE].attr = A_DIM;
	screen_looks[THEME_ELEMENT_MARK].attr = A_DIM;
	if (color > 0) {
		screen_looks[THEME_ELEMENT_HEADING].pair = SCREEN_PAIR_HEADING;
		screen_looks[THEME_ELEMENT_HEADING_2].pair =
		    SCREEN_PAIR_HEADING;
	}
	if (color >= 8)
		screen_looks[THEME_ELEMENT_CODE].pair = SCREEN_PAIR_CODE;
	if (color >= 8)
		screen_looks[THEME_ELEMENT_CURRENT_MATCH].pair =
		    SCREEN_PAIR_CURRENT;
}

static attr_t
screen_attrs_of(unsigned bits)
{
	attr_t a = A_NORMAL;

	if (bits & THEME_ATTR_BOLD)
		a |= A_BOLD;
	if (bits & THEME_ATTR_DIM)
		a |= A_DIM;
	if (bits & THEME_ATTR_UNDERLINE)
		a |= A_UNDERLINE;
	if (bits & THEME_ATTR_REVERSE)
		a |= A_REVERSE;
	if (bits & THEME_ATTR_ITALIC)
		a |= A_ITALIC;
	return a;
}

/*
 * Each --color setting replaces its element's look.  Colours the
 * terminal cannot show (NO_COLOR, fewer colours than asked for) are
 * left out, and the element keeps its built-in attributes besides the
 * ones asked for, so it still stands out.
 */
static void
screen_looks_config(const struct options *opts, int color)
{
	for (size_t i = 0; i < opts->ncolors; i++) {
		struct theme_color c;
		char *err;
		int e, want, can;

		if (theme_color_parse(opts->colors[i], &c, &err) != 0) {
			free(err);	/* checked when parsed */
			continue;
		}
		e = (int)c.element;
		want = c.fg != THEME_COLOR_NONE || c.bg != THEME_COLOR_NONE;
		can = color > 0 && c.fg < color && c.bg < color &&
		    init_pair((short)(SCREEN_PAIR_ELEMENT + e), (short)c.fg,
		    (short)c.bg) == OK;
		if (want && !can)
			screen_looks[e].attr |= screen_attrs_of(c.attrs);
		else {
			screen_looks[e].attr = screen_attrs_of(c.attrs);
			screen_looks[e].pair = want ?
			    (short)(SCREEN_PAIR_ELEMENT + e) : 0;
		}
	}
	if (screen_looks[THEME_ELEMENT_TEXT].pair != 0 ||
	    screen_looks[THEME_ELEMENT_TEXT].attr != A_NORMAL)
		bkgdset(' ' | screen_looks[THEME_ELEMENT_TEXT].attr |
		    COLOR_PAIR(screen_looks[THEME_ELEMENT_TEXT].pair));
}

static void
screen_colors(struct screen *s, const struct options *opts)
{
	const char *nc = getenv("NO_COLOR");
	int color = 0;

	if ((nc == NULL || nc[0] == '\0') && has_colors() &&
	    start_color() == OK) {
		use_default_colors();
		if (init_pair(SCREEN_PAIR_HEADING, COLOR_BLUE, -1) == OK)
			s->color = 1;
		color = s->color ? COLORS : 0;
	}
	if (color >= 8) {
		/* Current match: black on yellow; terms: the other six
		 * backgrounds (magenta and red with white text). */
		static const short bg[SCREEN_TERM_COLOURS] = {
			COLOR_GREEN, COLOR_CYAN, COLOR_MAGENTA, COLOR_RED,
			COLOR_BLUE, COLOR_WHITE, 0,
		};
		int n = COLORS >= 16 ? SCREEN_TERM_COLOURS : 6;

		init_pair(SCREEN_PAIR_CURRENT, COLOR_BLACK, COLOR_YELLOW);
		init_pair(SCREEN_PAIR_CODE, COLOR_GREEN, -1);
		for (int k = 0; k < n; k++) {
			short b = k == 6 ? 8 + COLOR_YELLOW : bg[k];
			short fg = b == COLOR_RED || b == COLOR_BLUE ||
			    b == COLOR_MAGENTA ? COLOR_WHITE : COLOR_BLACK;
			init_pair((short)(SCREEN_PAIR_TERM + k), fg, b);
		}
		s->nterm_colours = n;
	}
	screen_looks_default(color);
	screen_looks_config(opts, color);
}

static void
screen_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = screen_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/*
 * Start the terminal: keys from stdin or /dev/tty, the ambiguous width,
 * curses, signals and colours.  NULL with *rc = 2 (and why on stderr)
 * when there is no usable terminal.
 */
struct screen *
screen_session_new(const struct options *opts, int *rc)
{
	struct screen *s = xcalloc(1, sizeof *s);
	FILE *in = stdin;
	const char *check;
	struct termios tio;
	int have_tio;

	*rc = 0;
	s->opts = opts;
	if (!isatty(STDIN_FILENO)) {
		s->tty = fopen("/dev/tty", "r");
		if (s->tty == NULL) {
			inert_warn(_("no terminal to read keys from "
			    "(/dev/tty: %s)"), strerror(errno));
			free(s);
			*rc = 2;
			return NULL;
		}
		in = s->tty;
	}
	if (opts->ambiguous == OPTIONS_AMB_AUTO)
		width_set_ambiguous(screen_probe_ambiguous(fileno(in),
		    STDOUT_FILENO));
	else
		width_set_ambiguous(opts->ambiguous == OPTIONS_AMB_WIDE ?
		    WIDTH_AMBIGUOUS_WIDE : WIDTH_AMBIGUOUS_NARROW);
	have_tio = tcgetattr(fileno(in), &tio) == 0;
	s->term = newterm(NULL, stdout, in);
	if (s->term == NULL) {
		const char *t = getenv("TERM");

		inert_warn(_("cannot use the terminal (TERM=%s); try --dump"),
		    t ? t : "unset");
		if (s->tty)
			fclose(s->tty);
		free(s);
		*rc = 2;
		return NULL;
	}
	screen_curses_on = 1;
	util_set_die_hook(screen_restore);
	fault_init();
	screen_fault_reset(fileno(in), have_tio ? &tio : NULL);
	screen_signals();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	timeout(SCREEN_TICK_MS);
	mouseinterval(0);
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
	    | BUTTON5_PRESSED
#endif
	    , NULL);
	screen_colors(s, opts);
	s->cpm = opts->cpm;
	s->wpm = opts->wpm;
	check = getenv("YUEDU_CHECK_CURSOR");
	if (check != NULL && check[0] != '\0')
		s->check = fopen(check, "w");
	s->key_fd = fileno(in);
	session_init(&s->ses, opts);
	s->ses.progress = screen_progress;
	s->ses.progress_arg = s;
	return s;
}

/* Restore the terminal and end the session; the exit status. */
int
screen_session_free(struct screen *s)
{
	int rc = screen_signal ? 128 + screen_signal : 0;

	screen_restore();
	util_set_die_hook(NULL);
	if (s->check != NULL) {
		fprintf(s->check, "checked %lu cells, %lu mismatched\n",
		    s->checked, s->mismatched);
		fclose(s->check);
	}
	delscreen(s->term);
	if (s->tty)
		fclose(s->tty);
	session_done(&s->ses);
	free(s->open_msg);
	free(s);
	return rc;
}

/*
 * The shown text of SRC (opened by enc_open()) as the session asks:
 * --raw or R the source, else by --format and --reflow (or W).  *REND
 * gets the rendering; screen_unrendered() frees it (and SRC with OWN).
 */
static void
screen_render_opts(const struct screen *s, struct render_opts *ro_out)
{
	struct render_opts ro;

	memset(&ro, 0, sizeof ro);
	ro.format = s->ses.raw ? RENDER_TEXT :
	    (enum render_format)s->opts->format;
	ro.reflow = s->ses.raw ? RENDER_REFLOW_OFF :
	    (enum render_reflow)s->ses.reflow;
	ro.width_cols = screen_render_cols(s);
	/* A big text: its first screens at once, the rest when a key
	 * needs it (keys_needs_text()). */
	ro.prefix = s->whole ? 0 : RENDER_FIRST_BYTES;
	*ro_out = ro;
}

/* A big text's first screens are shown: render the rest meanwhile. */
static void
screen_bg_start(struct screen *s, struct doc *src)
{
	render_bg_free(s->bg);
	s->bg_src = src;
	screen_render_opts(s, &s->bg_opts);
	s->bg = render_bg_start(src, &s->bg_opts);
}

static struct doc *
screen_rendered(struct screen *s, struct doc *src, struct render **rend)
{
	struct render_opts ro;

	screen_render_opts(s, &ro);
	*rend = NULL;
	if (s->bg != NULL && s->whole && s->bg_src == src &&
	    s->bg_opts.format == ro.format && s->bg_opts.reflow ==
	    ro.reflow && s->bg_opts.width_cols == ro.width_cols)
		*rend = render_bg_take(s->bg);	/* made meanwhile */
	render_bg_free(s->bg);
	s->bg = NULL;
	if (*rend == NULL)
		*rend = render_doc(src, &ro);
	if ((*rend)->partial)
		screen_bg_start(s, src);
	return (*rend)->doc;
}

static void
screen_unrendered(struct screen *s, struct render **rend, int own_src)
{
	struct doc *src = (*rend)->src;

	render_bg_free(s->bg);	/* first: it reads SRC */
	s->bg = NULL;
	render_free(*rend);
	if (own_src)
		doc_free(src);
	*rend = NULL;
}

enum screen_end
screen_session_read(struct screen *s, struct doc *first,
    const char *const *paths, size_t n, size_t *cur, char **warn)
{
	struct doc *doc = first;
	struct render *rend = NULL;	/* made here, not main.c's */
	enum screen_end end;
	char *msg = NULL, *err;
	int start = first != NULL, own_src = 0, keep_search = 0;
	size_t goto_part = 0, goto_src = (size_t)-1;
	/* Across R, W and the like: the source byte the top row was shown
	 * for, while the reader has not moved since (rows of one view do not
	 * start where the other's do: going by the top row alone, each toggle
	 * moved the place back a row); and the search. */
	size_t anchor_src = (size_t)-1, anchor_part = 0, anchor_top = 0;
	struct finder kept;

	memset(&kept, 0, sizeof kept);
	if (first != NULL) {
		msg = s->open_msg;
		s->open_msg = NULL;
	}

	*warn = NULL;
	s->ses.first = first;
	s->ses.paths = paths;
	s->ses.file_n = n;
	s->ses.file_i = *cur;
	if (doc == NULL) {
		doc = enc_open(paths[*cur], s->opts->encoding, &msg, &err);
		if (doc == NULL) {
			*warn = err;
			return SCREEN_END_ERROR;
		}
		doc = screen_rendered(s, doc, &rend);
		own_src = 1;
	}
	for (;;) {
		struct doc *src = screen_source_of(doc);

		if (render_stale(doc->render, screen_render_cols(s))) {
			/* Made before the screen's width was known. */
			if (rend != NULL)
				render_free(rend);
			doc = screen_rendered(s, src, &rend);
		}

		if (s->bg == NULL && doc->render != NULL &&
		    doc->render->partial)	/* rendered before the screen */
			screen_bg_start(s, src);
		if (s->ses.visited != NULL)
			s->ses.visited[s->ses.file_i] = 1;
		clock_gettime(CLOCK_MONOTONIC, &s->key_t0);
		session_doc_open(&s->ses, doc, start, LINES, COLS);
		if (s->ses.need_whole) {
			/* Its place is further than the first screens. */
			s->ses.dont_save = 1;
			free(session_doc_close(&s->ses));
			screen_whole_message(s);
			if (rend != NULL)
				render_free(rend);
			s->whole = 1;
			doc = screen_rendered(s, src, &rend);
			continue;
		}
		s->told_changed = 0;
		clock_gettime(CLOCK_MONOTONIC, &s->stat_t);
		start = 0;
		if (goto_src != (size_t)-1) {
			/* Shown otherwise: the same place of the source. */
			pager_goto_off(&s->ses.p, render_off_of_src(doc->render,
			    goto_part, goto_src));
			s->ses.p.prev_off = PAGER_NO_OFF;
			anchor_src = goto_src;
			anchor_part = goto_part;
			anchor_top = s->ses.p.top_off;
			goto_src = (size_t)-1;
		} else
			anchor_src = (size_t)-1;
		if (keep_search) {
			finder_carry(&s->ses.finder, &kept);
			finder_done(&kept);
			keep_search = 0;
		}
		if (msg != NULL && s->ses.p.msg == NULL)
			pager_message(&s->ses.p, "%s", msg);
		free(msg);
		msg = NULL;
		end = screen_loop(s);
		if (end == SCREEN_END_SIGNAL)
			screen_restore();	/* first: the rest may wait */
		if (end == SCREEN_END_RERENDER) {
			if (anchor_src != (size_t)-1 &&
			    s->ses.p.top_off == anchor_top) {
				goto_src = anchor_src;
				goto_part = anchor_part;
			} else
				goto_src = render_src_of(doc->render,
				    s->ses.p.top_off, &goto_part);
			kept = s->ses.finder;	/* session_doc_close() drops it */
			memset(&s->ses.finder, 0, sizeof s->ses.finder);
			keep_search = 1;
		}
		msg = session_doc_close(&s->ses);
		free(s->spans);
		s->spans = NULL;
		s->nspans = s->spans_cap = 0;
		if (end == SCREEN_END_RERENDER) {
			if (s->whole && doc->render != NULL &&
			    doc->render->partial && (s->bg == NULL ||
			    !render_bg_ready(s->bg)))
				screen_whole_message(s);
			if (rend != NULL) {
				render_free(rend);
				rend = NULL;
			}
			doc = screen_rendered(s, src, &rend);
			if (rend->error != NULL) {	/* as it was opened */
				render_free(rend);
				s->ses.raw = !s->ses.raw;
				doc = screen_rendered(s, src, &rend);
			}
			free(msg);	/* the place is saved again */
			msg = s->rerender_msg;
			s->rerender_msg = NULL;
			continue;
		}
		if (rend != NULL)
			screen_unrendered(s, &rend, own_src);
		else {
			render_bg_free(s->bg);	/* it reads DOC's source */
			s->bg = NULL;
			if (own_src)
				doc_free(doc);
		}
		own_src = 0;
		s->whole = 0;	/* the next file: its first screens first */
		if (end != SCREEN_END_NEXT && end != SCREEN_END_PREV)
			break;
		s->ses.file_i = end == SCREEN_END_NEXT ? s->ses.file_i + 1 :
		    s->ses.file_i - 1;
		if (s->ses.next_doc != NULL) {
			doc = screen_rendered(s, s->ses.next_doc, &rend);
			own_src = 1;
		} else
			doc = first;
		s->ses.next_doc = NULL;
		if (msg == NULL)
			msg = s->ses.next_msg;
		else {
			char *m = session_warn_short(_("place not saved"), msg);

			free(msg);
			msg = m;
			free(s->ses.next_msg);
		}
		s->ses.next_msg = NULL;
	}
	if (keep_search)
		finder_done(&kept);
	*cur = s->ses.file_i;
	*warn = msg;
	s->ses.first = NULL;
	return end;
}

enum screen_input
screen_session_input(struct screen *s, int *key, int *y)
{
	wint_t wch;
	int code;
	MEVENT ev;

	*key = -1;
	*y = -1;
	if (screen_signal)
		return SCREEN_IN_SIGNAL;
	code = get_wch(&wch);
	if (screen_signal)
		return SCREEN_IN_SIGNAL;
	if (code == ERR)
		return screen_hung_up(s) ? SCREEN_IN_SIGNAL : SCREEN_IN_NONE;
	s->eof_ticks = 0;
	if (code == KEY_CODE_YES && wch == KEY_RESIZE)
		return SCREEN_IN_RESIZE;
	if (code == KEY_CODE_YES && wch == KEY_MOUSE) {
		if (getmouse(&ev) != OK)
			return SCREEN_IN_NONE;
		*y = ev.y;
		if (ev.bstate & BUTTON4_PRESSED)
			return SCREEN_IN_WHEEL_UP;
#ifdef BUTTON5_PRESSED
		if (ev.bstate & BUTTON5_PRESSED)
			return SCREEN_IN_WHEEL_DOWN;
#endif
		if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
			return SCREEN_IN_CLICK;
		return SCREEN_IN_NONE;
	}
	*key = screen_key(wch, code);
	return *key < 0 ? SCREEN_IN_NONE : SCREEN_IN_KEY;
}

void
screen_session_track(struct screen *s, unsigned char *visited)
{
	s->ses.visited = visited;
}

int
screen_run(struct doc *doc, const struct options *opts, const char *note)
{
	struct screen *s;
	size_t cur = 0;
	char *warn;
	int rc;

	s = screen_session_new(opts, &rc);
	if (s == NULL)
		return rc;
	s->open_msg = note != NULL ? xstrdup(note) : NULL;
	screen_session_read(s, doc, opts->nfiles > 1 ?
	    (const char *const *)opts->files : NULL,
	    opts->nfiles > 1 ? opts->nfiles : 1, &cur, &warn);
	rc = screen_session_free(s);
	if (warn != NULL) {
		inert_warn("%s", warn);
		free(warn);
	}
	return rc;
}
