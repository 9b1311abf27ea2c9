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
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "yuedu/annot.h"
#include "yuedu/config.h"
#include "yuedu/conv.h"
#include "yuedu/doc.h"
#include "yuedu/enc.h"
#include "yuedu/finder.h"
#include "yuedu/keys.h"
#include "yuedu/layout.h"
#include "yuedu/options.h"
#include "yuedu/outline.h"
#include "yuedu/pager.h"
#include "yuedu/readtime.h"
#include "yuedu/state.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

#define SCREEN_PAIR_HEADING 1
#define SCREEN_PAIR_CURRENT 2	/* the current match */
#define SCREEN_PAIR_TERM 3	/* highlight term K: pair 3 + K */
#define SCREEN_TERM_COLOURS 7
#define SCREEN_PAIR_ELEMENT 16	/* --color element E: pair 16 + E */
#define SCREEN_PANEL_TITLE_MIN 8	/* columns a panel title keeps */
#define SCREEN_PROGRESS_MS 150	/* show progress after this long */
#define SCREEN_WHEEL_ROWS 3
#define SCREEN_PROBE_MS 200
#define SCREEN_TICK_MS 100

/*
 * One curses session: the terminal (started once) and the document being
 * read, opened and closed inside it as the reader steps between files or
 * goes back to the shelf.
 */
struct screen {
	/* The session. */
	const struct options *opts;
	FILE *tty;		/* /dev/tty when stdin is the text */
	SCREEN *term;
	char *state_dir;	/* remembered places, or NULL (--no-remember) */
	const char *const *paths;	/* the files :n and :p step through */
	size_t file_i, file_n;	/* which file of how many */
	unsigned char *visited;	/* files opened, or NULL (not owned) */
	struct doc *first;	/* the file main() opened, kept open */
	struct doc *next_doc;	/* opened by :n or :p, to read next */
	char *next_msg;		/* to show when it opens */

	/* The document. */
	struct pager p;
	struct doc *doc;
	struct layout *lay;
	char *name;		/* file name (and "file 2/3") for the status */
	size_t seen_off;	/* how far the text has been shown */
	int color;		/* colours in use (not NO_COLOR) */
	enum annot_mode annot_auto;	/* the mode --pinyin=auto chose: not
					   named on the status line */

	/* The outline, built on a thread over a view of the text. */
	struct outline *ol;
	struct outline_opts oo;
	struct doc *view;
	pthread_t thread;
	int thread_running;
	atomic_int thread_done;
	atomic_int thread_stop;	/* the document is closing: give up */
	struct outline *thread_ol;
	char *thread_err;
	size_t total_lines;	/* 0 until known */
	struct readtime_count *thread_rt, *rt;	/* per section, with ol */
	long cpm, wpm;		/* reading rates for the panel */

	/* Search and highlight terms; spans of the line being drawn. */
	struct finder finder;
	struct finder_span *spans;
	size_t nspans, spans_cap, spans_line;
	int key_fd;		/* where keys come from (for progress) */
	struct timespec key_t0;	/* when the last key was taken */
	int nterm_colours;	/* term colours available (0: attributes) */

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
} screen_looks[CONFIG_ELEMENT_COUNT];

void
screen_style(enum config_element e, attr_t *attr, short *pair)
{
	*attr = e < CONFIG_ELEMENT_COUNT ? screen_looks[e].attr : A_NORMAL;
	*pair = e < CONFIG_ELEMENT_COUNT ? screen_looks[e].pair : 0;
}

static attr_t
screen_attr(enum config_element e)
{
	return screen_looks[e].attr;
}

static short
screen_pair(enum config_element e)
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
		endwin();
	}
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

/* The outline thread: builds over its own view of the text. */
static void *
screen_outline_main(void *arg)
{
	struct screen *s = arg;

	if (outline_build(&s->thread_ol, s->view, &s->oo,
	    &s->thread_err) != 0)
		s->thread_ol = NULL;
	if (s->thread_ol != NULL && s->thread_ol->n > 0) {
		s->thread_rt = xcalloc(s->thread_ol->n, sizeof *s->thread_rt);
		readtime_sections_stop(s->view, s->thread_ol, s->thread_rt,
		    &s->thread_stop);
	}
	if (!atomic_load(&s->thread_stop))
		doc_line_count(s->view);
	atomic_store(&s->thread_done, 1);
	return NULL;
}

static void
screen_outline_start(struct screen *s)
{
	s->view = doc_new_view(s->doc);
	atomic_store(&s->thread_stop, 0);
	s->oo.stop = &s->thread_stop;
	if (pthread_create(&s->thread, NULL, screen_outline_main, s) == 0) {
		s->thread_running = 1;
		return;
	}
	screen_outline_main(s);
	s->thread_running = 1;	/* nothing to join; see screen_outline_take */
	s->thread = pthread_self();
}

/* Take the finished outline; with WAIT, wait for it.  1 when taken. */
static int
screen_outline_take(struct screen *s, int wait)
{
	if (!s->thread_running)
		return 0;
	if (!wait && !atomic_load(&s->thread_done))
		return 0;
	if (!pthread_equal(s->thread, pthread_self()))
		pthread_join(s->thread, NULL);
	s->thread_running = 0;
	s->ol = s->thread_ol;
	s->thread_ol = NULL;
	s->rt = s->thread_rt;
	s->thread_rt = NULL;
	if (atomic_load(&s->thread_stop)) {	/* closing: all is dropped */
		doc_free(s->view);
		s->view = NULL;
		return 1;
	}
	s->total_lines = doc_line_count(s->view);
	doc_take_index(s->doc, s->view);	/* G need not index again */
	doc_free(s->view);
	s->view = NULL;
	if (s->ol == NULL) {
		pager_message(&s->p, "%s", s->thread_err ? s->thread_err :
		    "no outline");
		free(s->thread_err);
		s->thread_err = NULL;
	}
	pager_set_outline(&s->p, s->ol);
	return 1;
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

static int
screen_is_heading(const struct screen *s, size_t line_off)
{
	size_t i;

	if (s->ol == NULL)
		return 0;
	i = outline_section_of(s->ol, line_off);
	return i != (size_t)-1 && s->ol->v[i].off == line_off;
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
		screen_style(CONFIG_ELEMENT_CURRENT_MATCH, attr, pair);
	} else if (style == FINDER_STYLE_MATCH) {
		screen_style(CONFIG_ELEMENT_MATCH, attr, pair);
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

	if (screen_signal == SIGINT) {
		screen_signal = 0;
		return 1;
	}
	if (poll(&pfd, 1, 0) > 0) {
		/* Outside the prompt the key only stops the search (as in
		 * less); in the prompt it is the next character typed. */
		wint_t w;
		int code;

		if (s->finder.prompt != FINDER_PROMPT_NONE)
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
	pct = s->doc->len ? (int)(off * 100.0 / (double)s->doc->len) : 0;
	snprintf(msg, sizeof msg, "searching… %d%% (any key stops)", pct);
	attron(A_REVERSE);
	mvhline(LINES - 1, 0, ' ', COLS);
	mvaddstr(LINES - 1, 0, msg);
	attroff(A_REVERSE);
	refresh();
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

		screen_style(CONFIG_ELEMENT_PINYIN, &a, &pr);
		screen_put_str(y, x0, ruby, len, COLS - x0, a, pr);
	}
	free(ruby);
}

/* The text rows, from the top offset, at column X0. */
static void
screen_draw_text(struct screen *s, int x0)
{
	struct doc *doc = s->doc;
	size_t line, row;
	int k, y, rows = pager_view_rows(&s->p);
	int step = pager_annot(&s->p) == ANNOT_RUBY &&
	    pager_text_rows(&s->p) >= 2 ? 2 : 1;	/* else text alone */

	if (!doc_has_line(doc, 0))
		return;
	line = doc_line_of(doc, s->p.top_off);
	row = layout_row_of(layout_get(s->lay, line), s->p.top_off);
	s->spans_line = (size_t)-1;
	for (k = 0; k < rows; k++) {
		const struct layout_line *ll = layout_get(s->lay, line);
		const struct layout_row *r = &ll->rows[row];
		int head = screen_is_heading(s, ll->off);
		enum config_element el = head ? CONFIG_ELEMENT_HEADING :
		    CONFIG_ELEMENT_TEXT;
		attr_t attr = screen_attr(el), a;
		short pair = screen_pair(el), pr;

		y = k * step + step - 1;
		if (step == 2)
			screen_draw_ruby(s, y - 1, x0, ll, row);
		if (s->spans_line != line) {
			s->nspans = finder_spans(&s->finder, line, &s->spans,
			    &s->spans_cap);
			s->spans_line = line;
		}
		for (size_t i = r->cell; i < r->cell + r->ncells; i++) {
			const struct layout_cell *c = &ll->cells[i];
			struct width_cluster wc;
			int st;

			if (c->kind == LAYOUT_HIDDEN || c->cols == 0)
				continue;
			a = attr;
			pr = pair;
			st = s->nspans ? screen_cell_style(s, c->off,
			    layout_cell_end(ll, i)) : -1;
			if (st >= 0) {
				screen_span_look(s, st, &a, &pr);
				a |= attr;
			}
			wc.len = c->tlen;
			wc.cols = c->cols;
			wc.kind = (enum width_kind)c->kind;
			wc.first = c->first;
			screen_put_any(y, x0 + c->col, ll->text + c->toff, &wc,
			    c->cols, a, pr);
			screen_check(s, y, x0 + c->col + c->cols, y);
		}
		if (r->end > s->seen_off)	/* how far it has been shown */
			s->seen_off = r->end;
		if (++row >= ll->nrows) {
			if (!doc_has_line(doc, line + 1))
				break;
			line++;
			row = 0;
		}
	}
}

/* Heading I's title as shown, in the current script.  Caller frees. */
static char *
screen_title(const struct screen *s, size_t i)
{
	struct conv *cv = s->p.conv[s->p.script];

	return cv ? conv_string(cv, s->ol->v[i].title) :
	    xstrdup(s->ol->v[i].title);
}

/*
 * The right-hand labels of outline entry SEC in BUF: the search's
 * matches in it, its length and reading time, as many as leave the
 * title half the AVAIL columns there are (SCREEN_PANEL_TITLE_MIN at
 * least): the length goes first, then the time.  Returns
 * the columns used, with *NMATCH the columns of the match count (drawn
 * bold at the left of them).
 */
static int
screen_panel_labels(struct screen *s, size_t sec, int avail, char *buf,
    size_t size, int *nmatch)
{
	long cnt = finder_section_count(&s->finder, s->ol, sec);
	char num[24] = "", len[16], mins[24], info[48] = "";
	int keep = avail / 2 > SCREEN_PANEL_TITLE_MIN ? avail / 2 :
	    SCREEN_PANEL_TITLE_MIN, room = avail - keep, cw, iw;

	if (cnt > 0)
		snprintf(num, sizeof num, " %ld", cnt);
	cw = (int)strlen(num);
	if (cw > room) {
		cw = 0;
		num[0] = '\0';
	}
	if (s->rt != NULL) {
		const struct readtime_count *c = &s->rt[sec];

		readtime_format_count(c->chars, len, sizeof len);
		readtime_format(readtime_minutes(c, s->cpm, s->wpm), mins,
		    sizeof mins);
		snprintf(info, sizeof info, " %5s %6s", len, mins);
		iw = (int)strlen(info);
		if (cw + iw > room) {	/* narrow: the time alone */
			snprintf(info, sizeof info, " %6s", mins);
			iw = (int)strlen(info);
		}
		if (cw + iw > room)
			info[0] = '\0';
	}
	snprintf(buf, size, "%s%s", num, info);
	*nmatch = cw;
	return width_string(buf, strlen(buf));
}

static void
screen_draw_panel_row(struct screen *s, int y, int w, size_t e,
    size_t cur_sec)
{
	struct pager *p = &s->p;
	size_t sec = p->panel_idx[e];
	const struct outline_heading *h = &s->ol->v[sec];
	enum config_element el = e == p->panel_cur ?
	    CONFIG_ELEMENT_PANEL_CURRENT : CONFIG_ELEMENT_PANEL;
	attr_t attr = screen_attr(el), bold = sec == cur_sec ? A_BOLD : 0;
	short pair = screen_pair(el);
	int indent = 2 * (h->level - 1), x = 2, rw, mw;
	char right[96];

	if (indent > w / 3)
		indent = w / 3;
	x += indent;
	screen_pad(y, 0, w, attr, pair);
	if (sec == cur_sec)
		screen_put_str(y, 0, ">", 1, w, attr | A_BOLD, pair);
	rw = screen_panel_labels(s, sec, w - x - 1, right, sizeof right, &mw);
	if (rw > 0) {
		screen_put_str(y, w - rw, right, (size_t)mw, mw,
		    attr | A_BOLD, pair);
		screen_put_str(y, w - rw + mw, right + mw,
		    strlen(right + mw), rw - mw, attr, pair);
	}
	if (x < w) {
		char *t = screen_title(s, sec);

		screen_put_str(y, x, t, strlen(t), w - x - rw - (rw > 0),
		    attr | bold, pair);
		free(t);
	}
}

static void
screen_draw_panel(struct screen *s)
{
	struct pager *p = &s->p;
	int pc = pager_panel_cols(p), w = pc ? pc : COLS;
	int rows = pager_text_rows(p);
	size_t cur_sec = pager_section(p);
	char *head;

	if (s->ol == NULL)
		head = xstrdup("Outline (building…)");
	else if (p->panel_filtering || p->filter[0])
		head = xasprintf("/%s%s (%zu)", p->filter,
		    p->panel_filtering ? "_" : "", p->panel_n);
	else
		head = xasprintf("Outline (%zu)", p->panel_n);
	screen_put_str(0, 0, head, strlen(head), w,
	    screen_attr(CONFIG_ELEMENT_PANEL) | A_BOLD,
	    screen_pair(CONFIG_ELEMENT_PANEL));
	free(head);
	if (pc)
		mvvline(0, pc, ACS_VLINE, rows);
	if (rows < 2)
		return;
	if (s->ol != NULL && p->panel_n == 0) {
		const char *m = p->filter[0] ? "no heading matches" :
		    "no headings";
		screen_put_str(1, 0, m, strlen(m), w, A_NORMAL, 0);
		return;
	}
	pager_panel_fit(p, rows - 1);
	for (int y = 1; y < rows && p->panel_top + (size_t)(y - 1) <
	    p->panel_n; y++)
		screen_draw_panel_row(s, y, w, p->panel_top + (size_t)(y - 1),
		    cur_sec);
}

static void
screen_draw_help(struct screen *s)
{
	int rows = pager_text_rows(&s->p);

	for (int y = 0; y < rows; y++) {
		size_t i = s->p.help_top + (size_t)y;
		char *line;

		if (i >= keys_help_lines())
			break;
		line = keys_help_line(i);
		screen_put_str(y, 0, line, strlen(line), COLS,
		    i == 0 ? A_BOLD : A_NORMAL, 0);
		free(line);
	}
}

/* The search prompt on the status line: the pattern typed so far, and
 * on the right the foldings in effect and what became of it. */
static void
screen_draw_prompt(struct screen *s)
{
	struct finder *f = &s->finder;
	int y = LINES - 1, rw, lw;
	char *modes = finder_prompt_modes(f), *right, *left;
	const char *lead = f->prompt == FINDER_PROMPT_FORWARD ? "/" :
	    f->prompt == FINDER_PROMPT_BACKWARD ? "?" : "highlight: ";

	const char *err = f->prompt_err;

	if (err != NULL && strstr(err, "': ") != NULL)
		err = strstr(err, "': ") + 3;	/* the fault alone */
	right = xasprintf("%s%s[%s]", err ? err : f->prompt_found == 0 ?
	    "not found" : "", err || f->prompt_found == 0 ? " " : "", modes);
	left = xasprintf("%s%s_", lead, f->line);
	mvhline(y, 0, ' ', COLS);
	rw = width_string(right, strlen(right));
	lw = width_string(left, strlen(left));
	if (rw > COLS - lw - 2)
		rw = COLS - lw - 2;
	if (rw < 8)
		rw = 0;
	screen_put_str(y, 0, left, strlen(left), COLS - rw - 1, A_BOLD, 0);
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
	static const char *const abbr[CONV_NSCRIPTS] = {
		"", "simp", "trad", "tw", "hk",
	};
	enum annot_mode m = pager_annot(&s->p);
	const char *enc = s->doc->encoding ? s->doc->encoding : "UTF-8";

	snprintf(buf, size, "%s%s%s%s ", enc,
	    s->p.script != CONV_ORIGINAL ? " " : "",
	    s->p.script == CONV_ORIGINAL ? "" : short_names ?
	    abbr[s->p.script] : conv_script_name(s->p.script),
	    m == ANNOT_RUBY ? " ruby" : m == ANNOT_SHOW &&
	    s->annot_auto != ANNOT_SHOW ? " pinyin" : "");
}

/*
 * The right part of the status line: search, modes, reading aids and the
 * place.  Extras go first when it is narrow: the aids are shown when they
 * leave room for the file name (all of LEFT_COLS when a message shows),
 * else the search and the place as before, else the percentage alone.
 */
static void
screen_status_right(struct screen *s, const char *srch, const char *modes,
    int left_cols, char *right, size_t size)
{
	struct pager *p = &s->p;
	size_t line = pager_top_line(p) + 1;
	char pos[64], aids[96];
	int room = COLS - 2 - (p->msg ? left_cols : COLS >= 40 ? 12 : 0);

	if (s->total_lines)
		snprintf(pos, sizeof(pos), "line %zu/%zu %3d%%", line,
		    s->total_lines, pager_percent(p));
	else
		snprintf(pos, sizeof(pos), "line %zu %3d%%", line,
		    pager_percent(p));
	for (int tier = 0; tier < 2; tier++) {
		screen_status_aids(s, tier > 0, aids, sizeof(aids));
		snprintf(right, size, "%s%s%s%s", srch, modes, aids, pos);
		if (width_string(right, strlen(right)) <= room)
			return;
	}
	snprintf(right, size, "%s%s%s", srch, modes, pos);
	if (width_string(right, strlen(right)) + 2 <= COLS)
		return;
	/* Narrow: the position alone. */
	snprintf(right, size, "%s%d%%", modes, pager_percent(p));
}

void
screen_status_line(const char *left, int bold, const char *right,
    int narrow_right)
{
	int y = LINES - 1, rw = width_string(right, strlen(right));
	attr_t sa = screen_attr(CONFIG_ELEMENT_STATUS);
	short sp = screen_pair(CONFIG_ELEMENT_STATUS);
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

static void
screen_draw_status(struct screen *s)
{
	struct pager *p = &s->p;
	size_t sec = pager_section(p);
	char right[480], modes[64] = "", srch[160] = "", *left, *fs;
	char *title = sec != (size_t)-1 ? screen_title(s, sec) : NULL;

	if (s->finder.prompt != FINDER_PROMPT_NONE) {
		screen_draw_prompt(s);
		free(title);
		return;
	}
	fs = finder_status(&s->finder);
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
		strcat(modes, "[help] ");
	else if (p->panel_filtering)
		strcat(modes, "[filter] ");
	else if (p->panel_open)
		strcat(modes, "[outline] ");
	if (p->msg)
		left = xasprintf("%s · %s%s%s", p->msg, s->name,
		    title ? " · " : "", title ? title : "");
	else
		left = xasprintf("%s%s%s", s->name, title ? " · " : "",
		    title ? title : "");
	screen_status_right(s, srch, modes, width_string(left, strlen(left)),
	    right, sizeof(right));
	screen_status_line(left, p->msg != NULL, right, 1);
	free(left);
	free(title);
}

static void
screen_draw(struct screen *s)
{
	int pc = pager_panel_cols(&s->p);

	erase();
	if (s->p.help_open)
		screen_draw_help(s);
	else if (s->p.panel_open && pc == 0)
		screen_draw_panel(s);
	else {
		screen_draw_text(s, pc ? pc + 1 : 0);
		if (s->p.panel_open)
			screen_draw_panel(s);
	}
	screen_draw_status(s);
	refresh();
	if (s->seen_off < s->doc->len && !s->p.help_open &&
	    !(s->p.panel_open && pc == 0) && pager_at_end(&s->p))
		s->seen_off = s->doc->len;
}

static int
screen_key(wint_t wch, int code)
{
	if (code == OK)
		return wch == '\r' ? KEYS_ENTER : (int)wch;
	switch (wch) {
	case KEY_UP: return KEYS_UP;
	case KEY_DOWN: return KEYS_DOWN;
	case KEY_LEFT: return KEYS_LEFT;
	case KEY_RIGHT: return KEYS_RIGHT;
	case KEY_PPAGE: return KEYS_PGUP;
	case KEY_NPAGE: return KEYS_PGDN;
	case KEY_HOME: return KEYS_HOME;
	case KEY_END: return KEYS_END;
	case KEY_BACKSPACE: return KEYS_BACKSPACE;
	case KEY_ENTER: return KEYS_ENTER;
	default: return -1;
	}
}

static enum pager_action
screen_mouse(struct screen *s)
{
	MEVENT ev;
	struct pager *p = &s->p;
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
	return PAGER_NONE;
}

/* Keys that need the outline wait for it (it is usually long done). */
static int
screen_needs_outline(const struct pager *p, int key)
{
	if (p->help_open || p->pending)
		return 0;
	return key == ']' || key == '[' || key == 't' || key == KEYS_TAB;
}

/* :n or :p (STEP 1 or -1): open that file; 1 when it is ready to read. */
static int
screen_step(struct screen *s, int step)
{
	size_t i = s->file_i;
	char *err = NULL;

	if ((step > 0 && i + 1 >= s->file_n) || (step < 0 && i == 0)) {
		pager_message(&s->p, step > 0 ? "no next file" :
		    "no previous file");
		return 0;
	}
	i = step > 0 ? i + 1 : i - 1;
	if (i == 0 && s->first != NULL)
		return 1;	/* the first document, kept open */
	s->next_doc = enc_open(s->paths[i], s->opts->encoding, &s->next_msg,
	    &err);
	if (s->next_doc == NULL) {
		pager_message(&s->p, "%s", err);
		free(err);
		return 0;
	}
	return 1;
}

/*
 * Wait for the outline a key needs (it is usually long done).  After
 * SCREEN_PROGRESS_MS the status line says how long it has taken; any key
 * or ^C stops waiting (the key is used up).  1 when the outline is there.
 */
static int
screen_outline_wait(struct screen *s)
{
	struct timespec t0;
	struct pollfd pfd = { s->key_fd, POLLIN, 0 };
	char msg[96];
	wint_t w;
	int code;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (s->thread_running && !atomic_load(&s->thread_done)) {
		long ms = screen_ms_since(&t0);

		if (screen_signal == SIGINT) {
			screen_signal = 0;
			break;
		}
		if (ms >= SCREEN_PROGRESS_MS) {
			snprintf(msg, sizeof msg, "building the outline… %.1f s "
			    "(any key stops)", (double)ms / 1000);
			screen_pad(LINES - 1, 0, COLS,
			    screen_attr(CONFIG_ELEMENT_STATUS),
			    screen_pair(CONFIG_ELEMENT_STATUS));
			screen_put_str(LINES - 1, 0, msg, strlen(msg), COLS,
			    screen_attr(CONFIG_ELEMENT_STATUS),
			    screen_pair(CONFIG_ELEMENT_STATUS));
			refresh();
		}
		if (poll(&pfd, 1, SCREEN_TICK_MS / 2) <= 0)
			continue;
		nodelay(stdscr, TRUE);
		code = get_wch(&w);
		timeout(SCREEN_TICK_MS);
		if (code == OK || (code == KEY_CODE_YES && w != KEY_RESIZE &&
		    w != KEY_MOUSE))
			break;
	}
	if (s->thread_running && !atomic_load(&s->thread_done)) {
		pager_message(&s->p, "the outline is not ready yet");
		return 0;
	}
	screen_outline_take(s, 1);
	return 1;
}

static enum screen_end
screen_loop(struct screen *s)
{
	wint_t wch;
	int code, key;
	enum pager_action a;

	if (s->doc->partial)
		pager_message(&s->p, "stopped reading: only what came before "
		    "the key is shown");
	screen_draw(s);
	/* The outline and the line count come after the first screen. */
	if (s->doc->len > 0)
		screen_outline_start(s);
	for (;;) {
		if (screen_signal)
			return SCREEN_END_SIGNAL;
		if (screen_outline_take(s, 0)) {
			/* The scan touched the whole text: let it go. */
			doc_drop_pages(s->doc);
			screen_draw(s);
		}
		code = get_wch(&wch);
		if (screen_signal)
			return SCREEN_END_SIGNAL;
		if (code == ERR)
			continue;
		if (code == KEY_CODE_YES && wch == KEY_RESIZE) {
			pager_resize(&s->p, LINES, COLS);
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
		if (screen_needs_outline(&s->p, key) &&
		    !screen_outline_wait(s)) {
			screen_draw(s);
			continue;
		}
		clock_gettime(CLOCK_MONOTONIC, &s->key_t0);
		a = keys_dispatch(&s->p, key);
		if (a == PAGER_QUIT)
			return SCREEN_END_QUIT;
		if (a == PAGER_NEXT_FILE || a == PAGER_PREV_FILE) {
			if (screen_step(s, a == PAGER_NEXT_FILE ? 1 : -1))
				return a == PAGER_NEXT_FILE ? SCREEN_END_NEXT :
				    SCREEN_END_PREV;
			a = PAGER_REDRAW;
		}
		if (key == KEYS_CTRL('l'))
			clearok(curscr, TRUE);
		if (a == PAGER_REDRAW || key == KEYS_CTRL('l'))
			screen_draw(s);
	}
}

/* The built-in looks; with COLOR, in colour where there is one. */
static void
screen_looks_default(int color)
{
	memset(screen_looks, 0, sizeof screen_looks);
	screen_looks[CONFIG_ELEMENT_STATUS].attr = A_REVERSE;
	screen_looks[CONFIG_ELEMENT_HEADING].attr = A_BOLD;
	screen_looks[CONFIG_ELEMENT_MATCH].attr = A_REVERSE;
	screen_looks[CONFIG_ELEMENT_PANEL_CURRENT].attr = A_REVERSE;
	screen_looks[CONFIG_ELEMENT_SHELF_INFO].attr = A_DIM;
	screen_looks[CONFIG_ELEMENT_PINYIN].attr = A_DIM;
	screen_looks[CONFIG_ELEMENT_CURRENT_MATCH].attr = A_BOLD |
	    (color >= 8 ? 0 : A_REVERSE | A_UNDERLINE);
	if (color > 0)
		screen_looks[CONFIG_ELEMENT_HEADING].pair = SCREEN_PAIR_HEADING;
	if (color >= 8)
		screen_looks[CONFIG_ELEMENT_CURRENT_MATCH].pair =
		    SCREEN_PAIR_CURRENT;
}

static attr_t
screen_attrs_of(unsigned bits)
{
	attr_t a = A_NORMAL;

	if (bits & CONFIG_ATTR_BOLD)
		a |= A_BOLD;
	if (bits & CONFIG_ATTR_DIM)
		a |= A_DIM;
	if (bits & CONFIG_ATTR_UNDERLINE)
		a |= A_UNDERLINE;
	if (bits & CONFIG_ATTR_REVERSE)
		a |= A_REVERSE;
	if (bits & CONFIG_ATTR_ITALIC)
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
		struct config_color c;
		char *err;
		int e, want, can;

		if (config_color_parse(opts->colors[i], &c, &err) != 0) {
			free(err);	/* checked when parsed */
			continue;
		}
		e = (int)c.element;
		want = c.fg != CONFIG_COLOR_NONE || c.bg != CONFIG_COLOR_NONE;
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
	if (screen_looks[CONFIG_ELEMENT_TEXT].pair != 0 ||
	    screen_looks[CONFIG_ELEMENT_TEXT].attr != A_NORMAL)
		bkgdset(' ' | screen_looks[CONFIG_ELEMENT_TEXT].attr |
		    COLOR_PAIR(screen_looks[CONFIG_ELEMENT_TEXT].pair));
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

	*rc = 0;
	s->opts = opts;
	if (!isatty(STDIN_FILENO)) {
		s->tty = fopen("/dev/tty", "r");
		if (s->tty == NULL) {
			fprintf(stderr, "yuedu: no terminal to read keys from "
			    "(/dev/tty: %s)\n", strerror(errno));
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
	s->term = newterm(NULL, stdout, in);
	if (s->term == NULL) {
		const char *t = getenv("TERM");

		fprintf(stderr, "yuedu: cannot use the terminal (TERM=%s); "
		    "try --dump\n", t ? t : "unset");
		if (s->tty)
			fclose(s->tty);
		free(s);
		*rc = 2;
		return NULL;
	}
	screen_curses_on = 1;
	util_set_die_hook(screen_restore);
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
	s->state_dir = opts->no_remember ? NULL : state_dir();
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
	free(s->state_dir);
	free(s);
	return rc;
}

char *
screen_warn_short(const char *what, const char *warn)
{
	const char *why = warn, *c;

	/* The reason is after the last ": " (the path before it). */
	for (c = warn; c != NULL && (c = strstr(c, ": ")) != NULL; c += 2)
		why = c + 2;
	if (why == NULL || why[0] == '\0')
		why = "unknown error";
	return xasprintf("%s: %s", what, why);
}

/*
 * The remembered place of the document: its top row (unless EXPLICIT, a
 * +N or +/pattern, says where to start), its marks and how far it has
 * been read.  Problems are a message, never a stop.
 */
static void
screen_place_load(struct screen *s, int explicit)
{
	struct state_place pl;
	char *warn = NULL;
	int rc;

	if (s->state_dir == NULL || s->doc->len == 0)
		return;
	rc = state_load(s->state_dir, s->doc, &pl, &warn);
	if (rc < 0) {
		char *m = screen_warn_short("place not restored", warn);

		pager_message(&s->p, "%s", m);
		free(m);
	}
	free(warn);
	if (rc <= 0)
		return;
	if (!explicit) {
		pager_goto_off(&s->p, pl.top_off);
		s->p.prev_off = PAGER_NO_OFF;
	}
	for (int i = 0; i < STATE_MARKS && i < PAGER_MARKS; i++)
		s->p.mark_off[i] = pl.mark_off[i] <= s->doc->len ?
		    pl.mark_off[i] : PAGER_NO_OFF;
	if (pl.seen_off > s->seen_off)
		s->seen_off = pl.seen_off;
}

/* Save the place of the document; a warning or NULL (caller frees). */
static char *
screen_place_save(struct screen *s)
{
	struct state_place pl;
	char *warn = NULL;

	if (s->state_dir == NULL || s->doc->len == 0)
		return NULL;
	state_place_init(&pl);
	pl.top_off = s->p.top_off;
	pl.seen_off = s->seen_off > pl.top_off ? s->seen_off : pl.top_off;
	for (int i = 0; i < STATE_MARKS && i < PAGER_MARKS; i++)
		pl.mark_off[i] = s->p.mark_off[i] == PAGER_NO_OFF ?
		    (size_t)-1 : s->p.mark_off[i];
	pl.saved = time(NULL);
	if (state_save(s->state_dir, s->doc, &pl, &warn) != 0 && warn == NULL)
		warn = xstrdup("cannot save the place");
	return warn;
}

/* Open DOC in the session; START: the first file, where +N applies. */
static void
screen_doc_open(struct screen *s, struct doc *doc, int start)
{
	const struct options *opts = s->opts;
	struct layout_opts lo;
	const char *slash;
	int explicit = start && (opts->start_line > 0 ||
	    opts->start_pattern != NULL);

	s->doc = doc;
	s->seen_off = 0;
	/* A big text's lines are counted on the other core meanwhile. */
	doc_index_background(doc);
	slash = strrchr(doc->name, '/');
	slash = slash && slash[1] ? slash + 1 : doc->name;
	s->name = s->file_n > 1 ? xasprintf("%s (file %zu/%zu)", slash,
	    s->file_i + 1, s->file_n) : xstrdup(slash);
	memset(&lo, 0, sizeof(lo));	/* the script: pager_set_script() */
	lo.annot = annot_resolve(opts->pinyin, doc);
	lo.width_cols = 80;
	s->lay = layout_new(doc, &lo);
	s->annot_auto = opts->pinyin == ANNOT_AUTO ? lo.annot : ANNOT_HIDE;
	pager_init(&s->p, doc, s->lay, NULL, LINES, COLS);
	s->p.wrap_cols = opts->width_cols;
	pager_resize(&s->p, LINES, COLS);
	if (opts->script != CONV_ORIGINAL)
		pager_set_script(&s->p, opts->script);
	screen_place_load(s, explicit);
	if (start && opts->start_line > 0) {
		pager_goto_line(&s->p, (size_t)opts->start_line);
		s->p.prev_off = PAGER_NO_OFF;
	}
	s->oo.annot = opts->pinyin;
	s->oo.heading_regex = opts->heading;
	{
		struct search_opts so = { .regex = opts->regex,
		    .casing = opts->case_sensitive ? SEARCH_CASE_SENSITIVE :
		    SEARCH_CASE_SMART, .no_fold_width = opts->no_fold_width,
		    .no_fold_script = opts->no_fold_script,
		    .annot = lo.annot };

		finder_init(&s->finder, &s->p, &so);
		s->p.finder = &s->finder;
		clock_gettime(CLOCK_MONOTONIC, &s->key_t0);
		s->finder.progress = screen_progress;
		s->finder.progress_arg = s;
		for (size_t i = 0; i < opts->nhighlights; i++)
			finder_term_add(&s->finder, opts->highlights[i]);
		if (start && opts->start_pattern != NULL) {
			finder_start(&s->finder, opts->start_pattern);
			s->p.prev_off = PAGER_NO_OFF;
		}
	}
}

/* Close the document: save its place; a warning or NULL. */
static char *
screen_doc_close(struct screen *s)
{
	char *warn = screen_place_save(s);

	atomic_store(&s->thread_stop, 1);	/* no need to finish it */
	screen_outline_take(s, 1);
	finder_done(&s->finder);
	free(s->spans);
	s->spans = NULL;
	s->nspans = s->spans_cap = 0;
	pager_done(&s->p);
	outline_free(s->ol);
	s->ol = NULL;
	free(s->rt);
	s->rt = NULL;
	free(s->thread_err);
	s->thread_err = NULL;
	layout_free(s->lay);
	s->lay = NULL;
	free(s->name);
	s->name = NULL;
	s->total_lines = 0;
	s->doc = NULL;
	return warn;
}

enum screen_end
screen_session_read(struct screen *s, struct doc *first,
    const char *const *paths, size_t n, size_t *cur, char **warn)
{
	struct doc *doc = first;
	enum screen_end end;
	char *msg = NULL, *err;
	int start = first != NULL;

	*warn = NULL;
	s->first = first;
	s->paths = paths;
	s->file_n = n;
	s->file_i = *cur;
	if (doc == NULL) {
		doc = enc_open(paths[*cur], s->opts->encoding, &msg, &err);
		if (doc == NULL) {
			*warn = err;
			return SCREEN_END_ERROR;
		}
	}
	for (;;) {
		if (s->visited != NULL)
			s->visited[s->file_i] = 1;
		screen_doc_open(s, doc, start);
		start = 0;
		if (msg != NULL && s->p.msg == NULL)
			pager_message(&s->p, "%s", msg);
		free(msg);
		msg = NULL;
		end = screen_loop(s);
		if (end == SCREEN_END_SIGNAL)
			screen_restore();	/* first: the rest may wait */
		msg = screen_doc_close(s);
		if (doc != first)
			doc_free(doc);
		if (end != SCREEN_END_NEXT && end != SCREEN_END_PREV)
			break;
		s->file_i = end == SCREEN_END_NEXT ? s->file_i + 1 :
		    s->file_i - 1;
		doc = s->next_doc ? s->next_doc : first;
		s->next_doc = NULL;
		if (msg == NULL)
			msg = s->next_msg;
		else {
			char *m = screen_warn_short("place not saved", msg);

			free(msg);
			msg = m;
			free(s->next_msg);
		}
		s->next_msg = NULL;
	}
	*cur = s->file_i;
	*warn = msg;
	s->first = NULL;
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
		return SCREEN_IN_NONE;
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
	s->visited = visited;
}

int
screen_run(struct doc *doc, const struct options *opts)
{
	struct screen *s;
	size_t cur = 0;
	char *warn;
	int rc;

	s = screen_session_new(opts, &rc);
	if (s == NULL)
		return rc;
	screen_session_read(s, doc, opts->nfiles > 1 ?
	    (const char *const *)opts->files : NULL,
	    opts->nfiles > 1 ? opts->nfiles : 1, &cur, &warn);
	rc = screen_session_free(s);
	if (warn != NULL) {
		fprintf(stderr, "yuedu: %s\n", warn);
		free(warn);
	}
	return rc;
}
