/*
 * The pager state and its moves.  It owns the reader's place (the byte
 * offset of the top row), marks, the jump history of one, the message
 * and the outline panel's cursor and filter.  Rows are reached from a byte
 * offset and walked piece by piece (a line, or a segment of a long one:
 * layout_at(), layout_next(), layout_prev()), so no move lays out the
 * whole file or a whole long line, and none counts lines.
 */
#include "yuedu/pager.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/define.h"
#include "yuedu/doc.h"
#include "yuedu/finder.h"
#include "yuedu/i18n.h"
#include "yuedu/layout.h"
#include "yuedu/lexicon.h"
#include "yuedu/outline.h"
#include "yuedu/render.h"
#include "yuedu/util.h"
#include "yuedu/word.h"

#define PAGER_PANEL_MIN_COLS 60	/* narrower screens get a full list */
#define PAGER_PANEL_COLS_MIN 12	/* the side panel's least width */
#define PAGER_PANEL_TEXT_MIN 30	/* columns it leaves to the text */
#define PAGER_WORD_ROWS 10000	/* rows walked looking for a word */

/* A row: the start of its piece (a line, or a segment of a long one:
 * layout.h), its index there, its first byte. */
struct pager_pos {
	size_t piece;
	size_t row;
	size_t off;
};

static int
pager_empty(struct pager *p)
{
	return p->doc->len == 0;
}

static struct pager_pos
pager_pos_in(const struct layout_line *ll, size_t row)
{
	struct pager_pos pos;

	pos.piece = ll->off;
	pos.row = row;
	pos.off = ll->rows[row].off;
	return pos;
}

/* The row holding OFF (past the end: the last row). */
static struct pager_pos
pager_pos_of(struct pager *p, size_t off)
{
	const struct layout_line *ll = layout_at(p->lay, off);

	return pager_pos_in(ll, layout_row_of(ll, off < ll->off ? ll->off :
	    off));
}

/* Move POS one row down; 0 at the last row. */
static int
pager_pos_next(struct pager *p, struct pager_pos *pos)
{
	const struct layout_line *ll = layout_at(p->lay, pos->piece);

	if (pos->row + 1 < ll->nrows) {
		*pos = pager_pos_in(ll, pos->row + 1);
		return 1;
	}
	if ((ll = layout_next(p->lay, ll)) == NULL)
		return 0;
	*pos = pager_pos_in(ll, 0);
	return 1;
}

/* Move POS one row up; 0 at the first row. */
static int
pager_pos_prev(struct pager *p, struct pager_pos *pos)
{
	const struct layout_line *ll = layout_at(p->lay, pos->piece);

	if (pos->row > 0) {
		*pos = pager_pos_in(ll, pos->row - 1);
		return 1;
	}
	if ((ll = layout_prev(p->lay, ll)) == NULL)
		return 0;
	*pos = pager_pos_in(ll, ll->nrows - 1);
	return 1;
}

static void pager_word_follow(struct pager *p);

static void
pager_relayout(struct pager *p)
{
	struct layout_opts lo = *layout_get_opts(p->lay);
	int w = pager_text_cols(p);

	if (lo.width_cols != w) {
		lo.width_cols = w;
		layout_set_opts(p->lay, &lo);
	}
	if (!pager_empty(p))
		p->top_off = pager_pos_of(p, p->anchor_off).off;
	if (p->word_open)
		pager_word_follow(p);
}

/* With the panel open, its cursor follows the section on the top row. */
static void
pager_panel_follow(struct pager *p)
{
	size_t s = pager_section(p);

	if (!p->panel_open || p->panel_filtering)
		return;
	p->panel_cur = 0;
	for (size_t i = 0; i < p->panel_n; i++)
		if (s != (size_t)-1 && p->panel_idx[i] <= s)
			p->panel_cur = i;
}

void
pager_init(struct pager *p, struct doc *doc, struct layout *lay,
    const struct outline *ol, int rows, int cols)
{
	memset(p, 0, sizeof(*p));
	p->doc = doc;
	p->lay = lay;
	p->ol = ol;
	p->prev_off = PAGER_NO_OFF;
	for (int i = 0; i < PAGER_MARKS; i++)
		p->mark_off[i] = PAGER_NO_OFF;
	pager_resize(p, rows, cols);
}

void
pager_done(struct pager *p)
{
	for (int i = 0; i < CONV_NSCRIPTS; i++) {
		conv_free(p->conv[i]);
		p->conv[i] = NULL;
	}
	free(p->msg);
	free(p->word);
	free(p->word_def);
	p->word = p->word_def = NULL;
	free(p->panel_idx);
	free(p->panel_match);
	filter_done(&p->filt);
	p->msg = NULL;
	p->panel_idx = NULL;
	p->panel_match = NULL;
	p->panel_cap = p->panel_match_cap = 0;
}

static void
pager_panel_rebuild(struct pager *p)
{
	size_t n = p->ol ? p->ol->n : 0;

	p->panel_idx = xgrow(p->panel_idx, &p->panel_cap, n + 1,
	    sizeof(*p->panel_idx));
	p->panel_match = xgrow(p->panel_match, &p->panel_match_cap, n + 1,
	    sizeof(*p->panel_match));
	p->panel_n = 0;
	filter_set(&p->filt, p->filter.buf);
	for (size_t i = 0; i < n; i++) {
		struct conv *cv = p->conv[p->script];
		/* The filter reads the titles as shown, in the script view. */
		char *t = cv != NULL && p->filter.len > 0 ?
		    conv_string(cv, p->ol->v[i].title) : NULL;
		struct search_match m;

		if (filter_match(&p->filt, t ? t : p->ol->v[i].title, &m)) {
			p->panel_match[p->panel_n] = m;
			p->panel_idx[p->panel_n++] = i;
		}
		free(t);
	}
	if (p->panel_cur >= p->panel_n)
		p->panel_cur = p->panel_n ? p->panel_n - 1 : 0;
	if (p->panel_top > p->panel_cur)
		p->panel_top = p->panel_cur;
}

void
pager_set_outline(struct pager *p, const struct outline *ol)
{
	p->ol = ol;
	pager_panel_rebuild(p);
	pager_panel_follow(p);
}

void
pager_resize(struct pager *p, int rows, int cols)
{
	p->rows = rows < 1 ? 1 : rows;
	p->cols = cols < 1 ? 1 : cols;
	pager_relayout(p);
}

int
pager_text_rows(const struct pager *p)
{
	return p->rows > 1 ? p->rows - 1 : 1;
}

int
pager_view_rows(const struct pager *p)
{
	int n = pager_text_rows(p);

	if (pager_annot(p) == ANNOT_RUBY)
		n /= 2;
	return n > 1 ? n : 1;
}

int
pager_panel_cols(const struct pager *p)
{
	int w;

	if (!p->panel_open || p->cols < PAGER_PANEL_MIN_COLS)
		return 0;
	if (p->panel_cols_set > 0) {
		w = p->panel_cols_set;
		if (w > p->cols - 1 - PAGER_PANEL_TEXT_MIN)
			w = p->cols - 1 - PAGER_PANEL_TEXT_MIN;
		return w < PAGER_PANEL_COLS_MIN ? PAGER_PANEL_COLS_MIN : w;
	}
	w = p->cols / 3;
	return w > 40 ? 40 : w;
}

enum pager_action
pager_panel_widen(struct pager *p, int n)
{
	int w = pager_panel_cols(p), max = p->cols - 1 - PAGER_PANEL_TEXT_MIN;

	if (w == 0) {
		pager_message(p, _("full-screen outline below %d columns"),
		    PAGER_PANEL_MIN_COLS);
		return PAGER_REDRAW;
	}
	w += n;
	if (w > max)
		w = max;
	if (w < PAGER_PANEL_COLS_MIN)
		w = PAGER_PANEL_COLS_MIN;
	p->panel_cols_set = w;
	pager_relayout(p);
	pager_message(p, _("outline panel: %d columns"), w);
	return PAGER_REDRAW;
}

int
pager_text_cols(const struct pager *p)
{
	int pc = pager_panel_cols(p);
	int w = pc ? p->cols - pc - 1 : p->cols;

	if (p->wrap_cols > 0 && p->wrap_cols < w)
		w = p->wrap_cols;
	return w < 1 ? 1 : w;
}

void
pager_message(struct pager *p, const char *fmt, ...)
{
	va_list ap;
	char buf[512];

	free(p->msg);
	p->msg = NULL;
	if (fmt == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	p->msg = xstrdup(buf);
}

enum pager_action
pager_scroll(struct pager *p, long n)
{
	struct pager_pos pos, a;
	long taken = 0, more = 0, rows = pager_view_rows(p);

	if (pager_empty(p) || n == 0)
		return PAGER_NONE;
	pos = pager_pos_of(p, p->top_off);
	if (n < 0) {
		while (taken < -n && pager_pos_prev(p, &pos))
			taken++;
	} else {
		while (taken < n && pager_pos_next(p, &pos))
			taken++;
		/* Keep the last row on the bottom text row, at most. */
		a = pos;
		while (more < rows - 1 && pager_pos_next(p, &a))
			more++;
		for (long back = rows - 1 - more; back > 0 && taken > 0;
		    back--, taken--)
			pager_pos_prev(p, &pos);
	}
	if (pos.off == p->top_off) {
		/* Nowhere to go: say so, rather than nothing. */
		pager_message(p, n > 0 ? _("end of text") : _("top of text"));
		return PAGER_REDRAW;
	}
	p->top_off = p->anchor_off = pos.off;
	pager_panel_follow(p);
	return PAGER_REDRAW;
}

static enum pager_action
pager_jump(struct pager *p, size_t off)
{
	size_t old = p->top_off;

	if (pager_empty(p))
		return PAGER_NONE;
	p->top_off = p->anchor_off = pager_pos_of(p, off).off;
	if (p->top_off != old)
		p->prev_off = old;
	pager_panel_follow(p);
	return PAGER_REDRAW;
}

enum pager_action
pager_goto_off(struct pager *p, size_t off)
{
	return pager_jump(p, off);
}

enum pager_action
pager_top(struct pager *p)
{
	return pager_jump(p, 0);
}

enum pager_action
pager_bottom(struct pager *p)
{
	struct pager_pos pos;
	size_t old = p->top_off;

	if (pager_empty(p))
		return PAGER_NONE;
	pos = pager_pos_of(p, p->doc->len);
	for (int i = 1; i < pager_view_rows(p); i++)
		if (!pager_pos_prev(p, &pos))
			break;
	p->top_off = p->anchor_off = pos.off;
	if (p->top_off != old)
		p->prev_off = old;
	pager_panel_follow(p);
	return PAGER_REDRAW;
}

enum pager_action
pager_goto_line(struct pager *p, size_t line)
{
	size_t n;

	if (pager_empty(p))
		return PAGER_NONE;
	if (line < 1)
		line = 1;
	if (p->doc->render != NULL && !p->doc->render->identity) {
		/* A source line: of the chapter read, in a book. */
		size_t part;

		render_line_of(p->doc, p->top_off, &part);
		return pager_jump(p, render_off_of_part_line(p->doc, part,
		    line - 1));
	}
	if (!doc_has_line(p->doc, line - 1)) {
		n = doc_line_count(p->doc);
		line = n;
	}
	return pager_jump(p, doc_line_start(p->doc, line - 1));
}

enum pager_action
pager_goto_percent(struct pager *p, long pct)
{
	size_t len = p->doc->len, off;

	if (pct <= 0)
		return pager_top(p);
	if (pct >= 100)
		return pager_bottom(p);
	off = len / 100 * (size_t)pct + len % 100 * (size_t)pct / 100;
	return pager_jump(p, off);
}

enum pager_action
pager_section_next(struct pager *p)
{
	size_t s;

	if (p->ol == NULL || p->ol->n == 0) {
		pager_message(p, _("no sections"));
		return PAGER_REDRAW;
	}
	s = outline_section_of(p->ol, p->top_off);
	s = s == (size_t)-1 ? 0 : s + 1;
	while (s < p->ol->n && p->ol->v[s].off <= p->top_off)
		s++;
	if (s >= p->ol->n) {
		pager_message(p, _("no next section"));
		return PAGER_REDRAW;
	}
	return pager_jump(p, p->ol->v[s].off);
}

enum pager_action
pager_section_prev(struct pager *p)
{
	size_t s;

	if (p->ol == NULL || p->ol->n == 0) {
		pager_message(p, _("no sections"));
		return PAGER_REDRAW;
	}
	s = outline_section_of(p->ol, p->top_off);
	if (s != (size_t)-1 && p->ol->v[s].off >= p->top_off)
		s = s == 0 ? (size_t)-1 : s - 1;
	if (s == (size_t)-1) {
		pager_message(p, _("no previous section"));
		return PAGER_REDRAW;
	}
	return pager_jump(p, p->ol->v[s].off);
}

enum pager_action
pager_mark_set(struct pager *p, int letter)
{
	if (letter < 'a' || letter > 'z') {
		pager_message(p, _("marks are a to z"));
		return PAGER_REDRAW;
	}
	p->mark_off[letter - 'a'] = p->top_off;
	pager_message(p, _("mark %c set"), letter);
	return PAGER_REDRAW;
}

enum pager_action
pager_mark_goto(struct pager *p, int letter)
{
	if (letter == '\'')
		return pager_back(p);
	if (letter < 'a' || letter > 'z') {
		pager_message(p, _("marks are a to z"));
		return PAGER_REDRAW;
	}
	if (p->mark_off[letter - 'a'] == PAGER_NO_OFF) {
		pager_message(p, _("mark %c not set"), letter);
		return PAGER_REDRAW;
	}
	return pager_jump(p, p->mark_off[letter - 'a']);
}

enum pager_action
pager_back(struct pager *p)
{
	if (p->prev_off == PAGER_NO_OFF) {
		pager_message(p, _("no previous place"));
		return PAGER_REDRAW;
	}
	return pager_jump(p, p->prev_off);
}

/* New layout options; the row holding the place is the top row again. */
static void
pager_relayout_opts(struct pager *p, const struct layout_opts *lo)
{
	layout_set_opts(p->lay, lo);
	pager_relayout(p);
}

enum pager_action
pager_set_script(struct pager *p, enum conv_script script)
{
	struct layout_opts lo = *layout_get_opts(p->lay);
	char *err;

	if (script < CONV_ORIGINAL || script >= CONV_NSCRIPTS)
		return PAGER_NONE;
	if (script != CONV_ORIGINAL && p->conv[script] == NULL) {
		p->conv[script] = conv_new(script, &err);
		if (p->conv[script] == NULL) {
			pager_message(p, "%s", err);
			free(err);
			return PAGER_REDRAW;
		}
	}
	p->script = script;
	lo.conv = p->conv[script];
	pager_relayout_opts(p, &lo);
	if (p->filter.len > 0)
		pager_panel_rebuild(p);
	return PAGER_REDRAW;
}

enum pager_action
pager_set_annot(struct pager *p, enum annot_mode mode)
{
	struct layout_opts lo = *layout_get_opts(p->lay);

	if (mode != ANNOT_SHOW && mode != ANNOT_HIDE && mode != ANNOT_RUBY)
		return PAGER_NONE;
	lo.annot = mode;
	if (p->finder != NULL)	/* the next search reads what is shown */
		p->finder->opts.annot = mode;
	pager_relayout_opts(p, &lo);
	return PAGER_REDRAW;
}

enum pager_action
pager_script_cycle(struct pager *p)
{
	enum conv_script next = (enum conv_script)((p->script + 1) %
	    CONV_NSCRIPTS);
	enum pager_action a = pager_set_script(p, next);

	if (p->script == next)
		pager_message(p, _("script: %s"), _(conv_script_name(next)));
	return a;
}

enum pager_action
pager_annot_cycle(struct pager *p)
{
	enum annot_mode m = pager_annot(p);
	enum annot_mode next = m == ANNOT_HIDE ? ANNOT_SHOW : m == ANNOT_SHOW ?
	    ANNOT_RUBY : ANNOT_HIDE;
	enum pager_action a = pager_set_annot(p, next);

	pager_message(p, _("pinyin: %s"), _(annot_mode_name(next)));
	return a;
}

enum annot_mode
pager_annot(const struct pager *p)
{
	return layout_get_opts(p->lay)->annot;
}

size_t
pager_top_line(struct pager *p)
{
	if (pager_empty(p))
		return 0;
	return render_line_of(p->doc, p->top_off, NULL);
}

int
pager_top_line_known(struct pager *p, size_t *line)
{
	*line = 0;
	if (pager_empty(p))
		return 1;
	return render_line_known(p->doc, p->top_off, line);
}

size_t
pager_line_total(struct pager *p, size_t known)
{
	const struct render *r = p->doc->render;
	size_t part;

	if (r == NULL || r->identity || r->nparts <= 1 || pager_empty(p))
		return known;
	render_line_of(p->doc, p->top_off, &part);
	return part > 0 ? render_part_nlines(p->doc, part) : known;
}

int
pager_percent(const struct pager *p)
{
	const struct render *r = p->doc->render;

	/* A big text's first screens alone: how far into the whole. */
	if (r != NULL && r->partial && r->src != NULL && r->src->len > 0 &&
	    r->nparts <= 1)
		return (int)((double)render_src_of(r, p->top_off, NULL) *
		    100.0 / (double)r->src->len);
	if (p->doc->len == 0)
		return 100;
	return (int)((double)p->top_off * 100.0 / (double)p->doc->len);
}

int
pager_at_end(struct pager *p)
{
	struct pager_pos pos;

	if (pager_empty(p))
		return 1;
	pos = pager_pos_of(p, p->top_off);
	for (int i = 1; i < pager_view_rows(p); i++)
		if (!pager_pos_next(p, &pos))
			return 1;
	return !pager_pos_next(p, &pos);
}

size_t
pager_section(const struct pager *p)
{
	if (p->ol == NULL)
		return (size_t)-1;
	return outline_section_of(p->ol, p->top_off);
}

enum pager_action
pager_panel_toggle(struct pager *p)
{
	p->panel_open = !p->panel_open;
	p->panel_filtering = 0;
	if (p->panel_open) {
		lineedit_clear(&p->filter);
		pager_panel_rebuild(p);
		pager_panel_follow(p);
	}
	pager_relayout(p);
	return PAGER_REDRAW;
}

enum pager_action
pager_panel_move(struct pager *p, long n)
{
	long cur = (long)p->panel_cur + n;

	if (p->panel_n == 0)
		return PAGER_NONE;
	if (cur < 0)
		cur = 0;
	if (cur >= (long)p->panel_n)
		cur = (long)p->panel_n - 1;
	p->panel_cur = (size_t)cur;
	return PAGER_REDRAW;
}

enum pager_action
pager_panel_first(struct pager *p)
{
	p->panel_cur = 0;
	return PAGER_REDRAW;
}

enum pager_action
pager_panel_last(struct pager *p)
{
	p->panel_cur = p->panel_n ? p->panel_n - 1 : 0;
	return PAGER_REDRAW;
}

enum pager_action
pager_panel_jump(struct pager *p)
{
	size_t off;

	if (p->panel_n == 0) {
		pager_message(p, p->filter.len ? _("no heading matches") :
		    _("no headings"));
		return PAGER_REDRAW;
	}
	off = p->ol->v[p->panel_idx[p->panel_cur]].off;
	p->panel_open = 0;
	p->panel_filtering = 0;
	pager_relayout(p);
	pager_jump(p, off);
	return PAGER_REDRAW;
}

enum pager_action
pager_panel_click(struct pager *p, size_t i)
{
	if (i >= p->panel_n)
		return PAGER_NONE;
	p->panel_cur = i;
	return pager_panel_jump(p);
}

void
pager_panel_fit(struct pager *p, int n_rows)
{
	size_t n = n_rows < 1 ? 1 : (size_t)n_rows;

	if (p->panel_cur < p->panel_top)
		p->panel_top = p->panel_cur;
	if (p->panel_cur >= p->panel_top + n)
		p->panel_top = p->panel_cur - n + 1;
	if (p->panel_n <= n)
		p->panel_top = 0;
	else if (p->panel_top > p->panel_n - n)
		p->panel_top = p->panel_n - n;
}

enum pager_action
pager_filter_start(struct pager *p)
{
	p->panel_filtering = 1;
	return PAGER_REDRAW;
}

void
pager_filter_edited(struct pager *p)
{
	p->panel_cur = 0;
	pager_panel_rebuild(p);
}

enum pager_action
pager_filter_stop(struct pager *p, int clear)
{
	p->panel_filtering = 0;
	if (clear) {
		lineedit_clear(&p->filter);
		pager_panel_rebuild(p);
		pager_panel_follow(p);
	}
	return PAGER_REDRAW;
}

int
pager_text_x(const struct pager *p)
{
	int pc = pager_panel_cols(p);
	int area = pc ? p->cols - pc - 1 : p->cols;
	int x = (area - pager_text_cols(p)) / 2;

	return p->align_center && x > 0 ? x : 0;
}

enum pager_action
pager_align_toggle(struct pager *p)
{
	p->align_center = !p->align_center;
	if (!p->align_center)
		pager_message(p, "%s", _("text column at the left"));
	else if (pager_text_x(p) > 0)
		pager_message(p, "%s", _("text column centred"));
	else
		pager_message(p, "%s", _("text column centred (it fills the "
		    "screen: -w N makes it narrower)"));
	return PAGER_REDRAW;
}

enum pager_action
pager_paragraph_next(struct pager *p)
{
	struct layout_opts lo = *layout_get_opts(p->lay);

	lo.para = lo.para == LAYOUT_PARA_ASIS ? LAYOUT_PARA_INDENT :
	    lo.para == LAYOUT_PARA_INDENT ? LAYOUT_PARA_SPACE :
	    LAYOUT_PARA_ASIS;
	pager_relayout_opts(p, &lo);
	pager_message(p, "%s", lo.para == LAYOUT_PARA_INDENT ?
	    _("paragraphs: first lines indented") :
	    lo.para == LAYOUT_PARA_SPACE ? _("paragraphs: a blank row after "
	    "each") : _("paragraphs: as the source sets them"));
	return PAGER_REDRAW;
}

enum pager_action
pager_annotate_toggle(struct pager *p)
{
	struct layout_opts lo = *layout_get_opts(p->lay);
	enum lexicon_status st;

	lo.annotate = !lo.annotate;
	if (lo.annotate) {
		/* Generated readings show even where the text's were hidden. */
		p->annotate_prev = lo.annot;
		if (lo.annot == ANNOT_HIDE)
			lo.annot = ANNOT_SHOW;
	} else if (p->annotate_prev != ANNOT_AUTO)
		lo.annot = p->annotate_prev;
	if (p->finder != NULL)
		p->finder->opts.annot = lo.annot;
	pager_relayout_opts(p, &lo);
	if (lo.annotate && lexicon_get(&st) == NULL)
		pager_message(p, _("no generated pinyin: %s"),
		    st == LEXICON_BAD ? _("the lexicon files are damaged") :
		    _("the lexicon files are missing"));
	else
		pager_message(p, lo.annotate ? _("generated pinyin on") :
		    _("generated pinyin off"));
	return PAGER_REDRAW;
}

int
pager_annotating(const struct pager *p)
{
	return layout_get_opts(p->lay)->annotate;
}

/*
 * The word cursor.  Its place is the word's source bytes; the row holding
 * them is found again through the layout whenever it moves, so a resize
 * or a new script view keeps it.
 */

/* The words of the row at POS into W. */
static size_t
pager_words(struct pager *p, const struct pager_pos *pos, struct word_row *w)
{
	const struct layout_line *ll = layout_at(p->lay, pos->piece);

	return word_row_get(w, lexicon_get(NULL), ll, pos->row);
}

/* Scroll as little as needed for the row at POS to show. */
static void
pager_word_show(struct pager *p, struct pager_pos pos)
{
	struct pager_pos top = pager_pos_of(p, p->top_off), a = pos;
	int rows = pager_view_rows(p);

	if (pos.off < top.off) {
		p->top_off = p->anchor_off = pos.off;
		pager_panel_follow(p);
		return;
	}
	for (int i = 0;; i++) {
		if (a.off == top.off)
			return;
		if (i == rows - 1 || !pager_pos_prev(p, &a))
			break;
	}
	p->top_off = p->anchor_off = a.off;
	pager_panel_follow(p);
}

/* The cursor on word I of W; KEEP_COL keeps the column j and k aim at. */
static void
pager_word_set(struct pager *p, const struct word_row *w, size_t i,
    int keep_col)
{
	const struct lexicon *lex = lexicon_get(NULL);

	free(p->word);
	free(p->word_def);
	p->word_open = 1;
	p->word_off = w->v[i].off;
	p->word_end = w->v[i].end;
	if (!keep_col)
		p->word_col = w->v[i].col;
	p->word = word_text(w, i);
	p->word_def = lex != NULL ? define_text_or_parts(lex, p->word,
	    strlen(p->word)) : NULL;
	p->word_popup_top = 0;
}

/* After a relayout: the word is where its bytes are, and shows. */
static void
pager_word_follow(struct pager *p)
{
	struct pager_pos pos = pager_pos_of(p, p->word_off);
	struct word_row w = { 0 };
	size_t i;

	if (pager_words(p, &pos, &w) > 0) {
		i = word_at_off(&w, p->word_off);
		if (i == w.n)
			i = w.n - 1;
		p->word_off = w.v[i].off;
		p->word_end = w.v[i].end;
	}
	word_row_done(&w);
	pager_word_show(p, pos);
}

static void
pager_word_no_lexicon(struct pager *p)
{
	enum lexicon_status st;

	if (lexicon_get(&st) == NULL)
		pager_message(p, _("no dictionary: %s"), st == LEXICON_BAD ?
		    _("the lexicon files are damaged") :
		    _("the lexicon files are missing"));
}

enum pager_action
pager_word_open(struct pager *p)
{
	struct word_row w = { 0 };
	struct pager_pos pos;

	if (pager_empty(p))
		return PAGER_NONE;
	pos = pager_pos_of(p, p->top_off);
	for (int i = 0; i < pager_view_rows(p); i++) {
		if (pager_words(p, &pos, &w) > 0) {
			pager_word_set(p, &w, 0, 0);
			word_row_done(&w);
			pager_word_no_lexicon(p);
			return PAGER_REDRAW;
		}
		if (!pager_pos_next(p, &pos))
			break;
	}
	word_row_done(&w);
	pager_message(p, _("no word on the screen"));
	return PAGER_REDRAW;
}

enum pager_action
pager_word_at(struct pager *p, size_t off)
{
	struct word_row w = { 0 };
	struct pager_pos pos;
	size_t i;

	if (pager_empty(p))
		return PAGER_NONE;
	pos = pager_pos_of(p, off);
	if (pager_words(p, &pos, &w) == 0) {
		word_row_done(&w);
		return PAGER_NONE;
	}
	i = word_at_off(&w, off);
	if (i == w.n)
		i = w.n - 1;
	pager_word_set(p, &w, i, 0);
	word_row_done(&w);
	pager_word_show(p, pos);
	pager_word_no_lexicon(p);
	return PAGER_REDRAW;
}

/* Move POS to the next (BACK: previous) row that has words, into W.
 * 0 when none is found (POS and W are then unchanged). */
static int
pager_word_row_step(struct pager *p, struct pager_pos *pos,
    struct word_row *w, int back)
{
	struct pager_pos a = *pos;
	struct word_row t = { 0 };

	for (long k = 0; k < PAGER_WORD_ROWS; k++) {
		if (!(back ? pager_pos_prev(p, &a) : pager_pos_next(p, &a)))
			break;
		if (pager_words(p, &a, &t) > 0) {
			word_row_done(w);
			*w = t;
			*pos = a;
			return 1;
		}
	}
	word_row_done(&t);
	return 0;
}

enum pager_action
pager_word_move(struct pager *p, long n)
{
	struct word_row w = { 0 };
	struct pager_pos pos;
	size_t i;
	int moved = 0;

	if (!p->word_open)
		return PAGER_NONE;
	pos = pager_pos_of(p, p->word_off);
	if (pager_words(p, &pos, &w) == 0) {
		word_row_done(&w);
		return PAGER_NONE;
	}
	i = word_at_off(&w, p->word_off);
	if (i == w.n)
		i = w.n - 1;
	for (long k = 0; k < (n < 0 ? -n : n); k++, moved = 1) {
		if (n > 0 && i + 1 < w.n)
			i++;
		else if (n < 0 && i > 0)
			i--;
		else if (pager_word_row_step(p, &pos, &w, n < 0))
			i = n < 0 ? w.n - 1 : 0;
		else {
			pager_message(p, n < 0 ? _("the first word") :
			    _("the last word"));
			break;
		}
	}
	if (moved) {
		pager_word_set(p, &w, i, 0);
		pager_word_show(p, pos);
	}
	word_row_done(&w);
	return PAGER_REDRAW;
}

enum pager_action
pager_word_rows(struct pager *p, long n)
{
	struct word_row w = { 0 };
	struct pager_pos pos;
	int moved = 0;

	if (!p->word_open)
		return PAGER_NONE;
	pos = pager_pos_of(p, p->word_off);
	for (long k = 0; k < (n < 0 ? -n : n); k++) {
		if (!pager_word_row_step(p, &pos, &w, n < 0)) {
			pager_message(p, n < 0 ? _("the first row") :
			    _("the last row"));
			break;
		}
		moved = 1;
	}
	if (moved) {
		pager_word_set(p, &w, word_at_col(&w, p->word_col), 1);
		pager_word_show(p, pos);
	}
	word_row_done(&w);
	return PAGER_REDRAW;
}

enum pager_action
pager_word_close(struct pager *p)
{
	p->word_open = 0;
	free(p->word);
	free(p->word_def);
	p->word = p->word_def = NULL;
	return PAGER_REDRAW;
}

enum pager_action
pager_word_popup_scroll(struct pager *p, long n)
{
	long page = p->word_popup_page > 1 ? p->word_popup_page : 1;
	long t = (long)p->word_popup_top + n * page;

	if (!p->word_open)
		return PAGER_NONE;
	p->word_popup_top = t < 0 ? 0 : t > 100000 ? 100000 : (int)t;
	return PAGER_REDRAW;
}

void
pager_word_popup_fit(struct pager *p, int max_top, int page)
{
	p->word_popup_page = page;
	if (p->word_popup_top > max_top)
		p->word_popup_top = max_top > 0 ? max_top : 0;
}
