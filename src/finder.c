/*
 * The reader's search, on top of the search engine: it owns the prompt
 * and its history, the current search and current match, the count of
 * matches (offsets kept up to a bound) and their tally per section, the
 * highlight terms, and the moves these make in the pager.  Drawing is
 * left to the screen, which asks finder_spans() what to colour.
 */
#include "yuedu/finder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/doc.h"
#include "yuedu/i18n.h"
#include "yuedu/keycode.h"
#include "yuedu/layout.h"
#include "yuedu/outline.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

#define FINDER_EDGE_BYTES ((size_t)1024)	/* text around a segment
					   searched for its highlights */

void
finder_init(struct finder *f, struct pager *p, const struct search_opts *opts)
{
	memset(f, 0, sizeof *f);
	f->p = p;
	if (opts != NULL)
		f->opts = *opts;
	f->cur_off = f->cur_end = PAGER_NO_OFF;
	f->saved_off = f->saved_end = PAGER_NO_OFF;
	f->prompt_found = -1;
}

static void
finder_reset_counts(struct finder *f)
{
	f->noffs = 0;
	f->total = 0;
	f->counted = 0;
	f->sec_ol = NULL;
}

void
finder_done(struct finder *f)
{
	if (f->saved_cur != f->cur)
		search_free(f->saved_cur);
	search_free(f->cur);
	for (size_t i = 0; i < f->nterms; i++) {
		free(f->terms[i].pattern);
		search_free(f->terms[i].s);
	}
	lineedit_history_done(&f->hist);
	free(f->prompt_err);
	free(f->offs);
	free(f->sec_counts);
	free(f->tmp);
	memset(f, 0, sizeof *f);
}

static struct search *
finder_compile(struct finder *f, const char *pattern, int regex, int pinyin,
    char **err)
{
	struct search_opts o = f->opts;

	o.regex = regex;
	o.pinyin = pinyin;
	o.view_script = (int)f->p->script;	/* phrases as shown */
	return search_new(pattern, &o, err);
}

static void
finder_history_add(struct finder *f, const char *s, int regex)
{
	lineedit_history_add(&f->hist, s, (regex ? FINDER_HIST_REGEX : 0) |
	    (f->prompt_pinyin ? FINDER_HIST_PINYIN : 0));
}

static int finder_term_add_re(struct finder *f, const char *pattern,
    int regex);

/* The end of the last text row on screen. */
static size_t
finder_bottom(struct finder *f)
{
	struct pager *p = f->p;
	size_t row, end = p->top_off;
	int rows = pager_view_rows(p);
	const struct layout_line *ll;

	if (p->doc->len == 0)
		return 0;
	ll = layout_at(p->lay, p->top_off);
	row = layout_row_of(ll, p->top_off);
	for (int y = 0; y < rows; y++) {
		end = ll->rows[row].end;
		if (++row >= ll->nrows) {
			if ((ll = layout_next(p->lay, ll)) == NULL)
				break;
			row = 0;
		}
	}
	return end;
}

static int
finder_visible(struct finder *f, size_t off, size_t end)
{
	return off >= f->p->top_off && end <= finder_bottom(f);
}

/* The start of the row holding OFF. */
static size_t
finder_row_start(struct finder *f, size_t off)
{
	struct pager *p = f->p;
	const struct layout_line *ll = layout_at(p->lay, off);

	return ll->rows[layout_row_of(ll, off < ll->off ? ll->off : off)].off;
}

/* Bring the match [OFF, END) into view: its row on top unless visible.
 * JUMP remembers the place before (for ''). */
static void
finder_show(struct finder *f, size_t off, size_t end, int jump)
{
	struct pager *p = f->p;

	if (finder_visible(f, off, end))
		return;
	if (jump) {
		pager_goto_off(p, off);
		return;
	}
	p->top_off = p->anchor_off = finder_row_start(f, off);
}

/*
 * Find from FROM in the direction asked, then from the other end.  Sets
 * *wrapped when the match came from the other end.
 */
static enum search_status
finder_find(struct finder *f, struct search *s, size_t from, int backward,
    struct search_match *m, int *wrapped)
{
	struct doc *doc = f->p->doc;
	enum search_status st;

	*wrapped = 0;
	st = search_find(s, doc, from, backward, m, f->progress,
	    f->progress_arg);
	if (st != SEARCH_NOT_FOUND)
		return st;
	st = search_find(s, doc, backward ? doc->len : 0, backward, m,
	    f->progress, f->progress_arg);
	if (st == SEARCH_FOUND)
		*wrapped = 1;
	return st;
}

static int
finder_store(void *arg, size_t line, const struct search_match *m)
{
	struct finder *f = arg;

	(void)line;
	if (f->noffs < FINDER_STORE_MAX) {
		f->offs = xgrow(f->offs, &f->offs_cap, f->noffs + 1,
		    sizeof *f->offs);
		if (f->noffs == 0)
			f->first_end = m->end;
		f->offs[f->noffs++] = m->off;
	}
	f->total++;
	return 0;
}

/* search_each() hands the progress callback its own argument. */
static int
finder_progress(void *arg, size_t off)
{
	struct finder *f = arg;

	return f->progress(f->progress_arg, off);
}

/* A regular expression went past its limits: said, as grep -P does. */
static void
finder_limit_message(struct finder *f, const struct search *s)
{
	pager_message(f->p, _("search stopped: %s"), search_error(s) ?
	    search_error(s) : _("error"));
}

/* Count the matches of the current search (stoppable). */
static void
finder_count(struct finder *f)
{
	enum search_status st;

	finder_reset_counts(f);
	if (f->cur == NULL)
		return;
	st = search_each(f->cur, f->p->doc, &(struct search_visit){
		.from = 0, .to = f->p->doc->len, .on_match = finder_store,
		.arg = f, .progress = f->progress ? finder_progress : NULL,
	});
	f->counted = st == SEARCH_CANCELLED || st == SEARCH_ERROR ? -1 : 1;
	if (st == SEARCH_CANCELLED)
		pager_message(f->p, _("counting stopped"));
	if (st == SEARCH_ERROR)
		finder_limit_message(f, f->cur);
}

/* 1-based index of the current match, 0 when not known. */
static size_t
finder_index(const struct finder *f)
{
	size_t lo = 0, hi = f->noffs;

	if (f->counted != 1 || f->cur_off == PAGER_NO_OFF)
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (f->offs[mid] < f->cur_off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < f->noffs && f->offs[lo] == f->cur_off ? lo + 1 : 0;
}

static void
finder_wrap_message(struct finder *f, int backward)
{
	pager_message(f->p, backward ? _("search wrapped to the bottom") :
	    _("search wrapped to the top"));
}

/* While typing: search again from where the reader was. */
static void
finder_incremental(struct finder *f)
{
	struct pager *p = f->p;
	struct search_match m;
	enum search_status st;
	char *err;
	int wrapped;

	free(f->prompt_err);
	f->prompt_err = NULL;
	p->top_off = f->origin_top;
	p->anchor_off = f->origin_anchor;
	if (f->cur != f->saved_cur)
		search_free(f->cur);
	f->cur = NULL;
	f->cur_off = f->cur_end = PAGER_NO_OFF;
	finder_reset_counts(f);
	f->prompt_found = -1;
	if (f->ed.len == 0)
		return;
	f->cur = finder_compile(f, f->ed.buf, f->prompt_regex,
	    f->prompt_pinyin, &err);
	if (f->cur == NULL) {
		f->prompt_err = err;
		return;
	}
	f->cur_hidden = 0;	/* a new search shows, even after Esc hid one */
	f->cur_regex = f->prompt_regex;
	f->cur_pinyin = f->prompt_pinyin;
	f->backward = f->prompt == FINDER_PROMPT_BACKWARD;
	st = finder_find(f, f->cur, f->backward ? f->origin_bottom :
	    f->origin_top, f->backward, &m, &wrapped);
	if (st == SEARCH_FOUND) {
		f->cur_off = m.off;
		f->cur_end = m.end;
		finder_show(f, m.off, m.end, 0);
		f->prompt_found = 1;
	} else if (st == SEARCH_NOT_FOUND)
		f->prompt_found = 0;
	else if (st == SEARCH_ERROR)
		f->prompt_err = xstrdup(search_error(f->cur));
}

enum pager_action
finder_prompt_open(struct finder *f, enum finder_prompt kind)
{
	f->prompt = kind;
	lineedit_clear(&f->ed);
	f->prompt_regex = f->opts.regex;
	f->prompt_pinyin = f->opts.pinyin;
	f->prompt_found = -1;
	lineedit_history_rewind(&f->hist);
	free(f->prompt_err);
	f->prompt_err = NULL;
	f->origin_top = f->p->top_off;
	f->origin_anchor = f->p->anchor_off;
	f->origin_bottom = finder_bottom(f);
	if (kind != FINDER_PROMPT_TERM) {
		f->saved_cur = f->cur;
		f->saved_off = f->cur_off;
		f->saved_end = f->cur_end;
		f->saved_backward = f->backward;
		f->saved_regex = f->cur_regex;
		f->saved_pinyin = f->cur_pinyin;
	}
	return PAGER_REDRAW;
}

static void
finder_cancel(struct finder *f)
{
	struct pager *p = f->p;
	int had = f->prompt != FINDER_PROMPT_TERM;

	f->prompt = FINDER_PROMPT_NONE;
	free(f->prompt_err);
	f->prompt_err = NULL;
	if (!had)
		return;
	p->top_off = f->origin_top;
	p->anchor_off = f->origin_anchor;
	if (f->cur != f->saved_cur) {
		search_free(f->cur);
		f->cur = f->saved_cur;
		f->cur_off = f->saved_off;
		f->cur_end = f->saved_end;
		f->backward = f->saved_backward;
		f->cur_regex = f->saved_regex;
		f->cur_pinyin = f->saved_pinyin;
		finder_reset_counts(f);
		if (f->cur != NULL)
			finder_count(f);
	}
	f->saved_cur = NULL;
}

enum pager_action
finder_prompt_cancel(struct finder *f)
{
	finder_cancel(f);
	return PAGER_REDRAW;
}

enum pager_action
finder_prompt_accept(struct finder *f)
{
	struct pager *p = f->p;
	char *pat;

	if (f->prompt == FINDER_PROMPT_TERM) {
		f->prompt = FINDER_PROMPT_NONE;
		if (f->ed.len > 0) {
			finder_history_add(f, f->ed.buf, f->prompt_regex);
			finder_term_add_re(f, f->ed.buf, f->prompt_regex);
		}
		return PAGER_REDRAW;
	}
	if (f->ed.len == 0 && f->hist.n > 0) {	/* Enter alone: the last one */
		const struct lineedit_entry *e = lineedit_history_last(&f->hist);

		lineedit_set(&f->ed, e->text);
		f->prompt_regex = (e->flags & FINDER_HIST_REGEX) != 0;
		f->prompt_pinyin = (e->flags & FINDER_HIST_PINYIN) != 0;
		finder_incremental(f);
	}
	if (f->ed.len == 0) {
		finder_cancel(f);
		return PAGER_REDRAW;
	}
	if (f->prompt_err != NULL) {
		pat = xstrdup(f->prompt_err);
		finder_cancel(f);
		pager_message(p, "%s", pat);
		free(pat);
		return PAGER_REDRAW;
	}
	finder_history_add(f, f->ed.buf, f->prompt_regex);
	if (f->saved_cur != f->cur)
		search_free(f->saved_cur);
	f->saved_cur = NULL;
	f->prompt = FINDER_PROMPT_NONE;
	if (f->prompt_found < 0 && f->cur != NULL) {
		/* The incremental search was stopped: try once more. */
		struct search_match m;
		int wrapped;
		enum search_status st = finder_find(f, f->cur, f->backward ?
		    f->origin_bottom : f->origin_top, f->backward, &m,
		    &wrapped);

		if (st == SEARCH_ERROR) {
			finder_limit_message(f, f->cur);
			return PAGER_REDRAW;
		}
		if (st == SEARCH_CANCELLED) {
			pager_message(p, _("search stopped"));
			return PAGER_REDRAW;
		}
		f->prompt_found = st == SEARCH_FOUND;
		if (st == SEARCH_FOUND) {
			f->cur_off = m.off;
			f->cur_end = m.end;
			finder_show(f, m.off, m.end, 0);
		}
	}
	if (f->prompt_found == 0) {
		pager_message(p, _("not found: %s"), f->ed.buf);
		return PAGER_REDRAW;
	}
	if (p->top_off != f->origin_top)
		p->prev_off = f->origin_top;
	if (f->backward ? f->cur_off >= f->origin_bottom :
	    f->cur_off < f->origin_top)
		finder_wrap_message(f, f->backward);
	finder_count(f);
	return PAGER_REDRAW;
}

enum pager_action
finder_prompt_regex(struct finder *f)
{
	f->prompt_regex = !f->prompt_regex;
	if (f->prompt != FINDER_PROMPT_TERM)
		finder_incremental(f);
	return PAGER_REDRAW;
}

enum pager_action
finder_prompt_pinyin(struct finder *f)
{
	f->prompt_pinyin = !f->prompt_pinyin;
	if (f->prompt != FINDER_PROMPT_TERM)
		finder_incremental(f);
	return PAGER_REDRAW;
}

enum pager_action
finder_prompt_history(struct finder *f, int older)
{
	int flags = (f->prompt_regex ? FINDER_HIST_REGEX : 0) |
	    (f->prompt_pinyin ? FINDER_HIST_PINYIN : 0);

	if (!lineedit_history_move(&f->hist, &f->ed, older, &flags))
		return PAGER_NONE;
	f->prompt_regex = (flags & FINDER_HIST_REGEX) != 0;
	f->prompt_pinyin = (flags & FINDER_HIST_PINYIN) != 0;
	return PAGER_REDRAW;	/* the change searches (edited) */
}

void
finder_prompt_edited(struct finder *f)
{
	if (f->prompt != FINDER_PROMPT_NONE && f->prompt != FINDER_PROMPT_TERM)
		finder_incremental(f);
}

enum pager_action
finder_term_remove_key(struct finder *f, int key)
{
	size_t k;

	f->pending_remove = 0;
	if (key < '1' || key > '9' || (size_t)(key - '0') > f->nterms) {
		pager_message(f->p, _("no highlight term %s"),
		    keycode_name(key));
		return PAGER_REDRAW;
	}
	k = (size_t)(key - '1');
	pager_message(f->p, _("highlight %zu removed: %s"), k + 1,
	    f->terms[k].pattern);
	free(f->terms[k].pattern);
	search_free(f->terms[k].s);
	memmove(f->terms + k, f->terms + k + 1,
	    (f->nterms - k - 1) * sizeof *f->terms);
	f->nterms--;
	return PAGER_REDRAW;
}

static enum pager_action finder_start_re(struct finder *f,
    const char *pattern, int regex);

enum pager_action
finder_start(struct finder *f, const char *pattern)
{
	return finder_start_re(f, pattern, f->opts.regex);
}

static enum pager_action
finder_start_re(struct finder *f, const char *pattern, int regex)
{
	struct search_match m;
	char *err;
	int wrapped;
	enum search_status st;

	if (f->cur != f->saved_cur)
		search_free(f->cur);
	f->cur = finder_compile(f, pattern, regex, f->opts.pinyin, &err);
	f->cur_regex = regex;
	f->cur_pinyin = f->opts.pinyin;
	f->cur_hidden = 0;
	f->cur_off = f->cur_end = PAGER_NO_OFF;
	finder_reset_counts(f);
	if (f->cur == NULL) {
		pager_message(f->p, "%s", err);
		free(err);
		return PAGER_REDRAW;
	}
	finder_history_add(f, pattern, regex);
	f->backward = 0;
	/* One pass counts them all and gives the first. */
	finder_count(f);
	if (f->counted == -1) {
		if (search_error(f->cur) != NULL)
			finder_limit_message(f, f->cur);
		else
			pager_message(f->p, _("search stopped"));
		return PAGER_REDRAW;
	}
	if (f->total == 0) {
		pager_message(f->p, _("not found: %s"), pattern);
		return PAGER_REDRAW;
	}
	/* The count saw the first match: no second pass over the text
	 * (searching from its offset would index every line up to it). */
	if (f->noffs > 0) {
		m.off = f->offs[0];
		m.end = f->first_end;
		st = SEARCH_FOUND;
	} else
		st = finder_find(f, f->cur, 0, 0, &m, &wrapped);
	if (st == SEARCH_NOT_FOUND) {
		pager_message(f->p, _("not found: %s"), pattern);
		return PAGER_REDRAW;
	}
	if (st == SEARCH_CANCELLED) {
		pager_message(f->p, _("search stopped"));
		return PAGER_REDRAW;
	}
	if (st == SEARCH_ERROR) {
		finder_limit_message(f, f->cur);
		return PAGER_REDRAW;
	}
	f->cur_off = m.off;
	f->cur_end = m.end;
	pager_goto_off(f->p, m.off);	/* as less +/: the match on top */
	return PAGER_REDRAW;
}

enum pager_action
finder_hide(struct finder *f)
{
	if (f->cur == NULL || f->cur_hidden)
		return PAGER_REDRAW;
	f->cur_hidden = 1;
	pager_message(f->p, _("search highlights hidden (n shows them)"));
	return PAGER_REDRAW;
}

enum pager_action
finder_next(struct finder *f, int reverse)
{
	struct pager *p = f->p;
	struct search_match m;
	enum search_status st;
	size_t from;
	int back, wrapped;

	f->cur_hidden = 0;
	if (f->cur == NULL) {
		const struct lineedit_entry *e = lineedit_history_last(&f->hist);

		if (e == NULL) {
			pager_message(p, _("no search yet (/ searches)"));
			return PAGER_REDRAW;
		}
		return finder_start_re(f, e->text,
		    (e->flags & FINDER_HIST_REGEX) != 0);
	}
	back = f->backward ^ (reverse != 0);
	if (f->cur_off != PAGER_NO_OFF && finder_visible(f, f->cur_off,
	    f->cur_end))
		from = back ? f->cur_off : f->cur_off + 1;
	else	/* as less: / from the top row, ? from the bottom one */
		from = back ? finder_bottom(f) : p->top_off;
	st = finder_find(f, f->cur, from, back, &m, &wrapped);
	if (st == SEARCH_CANCELLED) {
		pager_message(p, _("search stopped"));
		return PAGER_REDRAW;
	}
	if (st == SEARCH_ERROR) {
		finder_limit_message(f, f->cur);
		return PAGER_REDRAW;
	}
	if (st == SEARCH_NOT_FOUND) {
		pager_message(p, _("not found: %s"), search_pattern(f->cur));
		return PAGER_REDRAW;
	}
	if (wrapped)
		finder_wrap_message(f, back);
	f->cur_off = m.off;
	f->cur_end = m.end;
	finder_show(f, m.off, m.end, 1);
	if (f->counted == 0)
		finder_count(f);
	return PAGER_REDRAW;
}

static int
finder_term_add_re(struct finder *f, const char *pattern, int regex)
{
	char *err;
	struct search *s;

	for (size_t i = 0; i < f->nterms; i++)
		if (strcmp(f->terms[i].pattern, pattern) == 0) {
			pager_message(f->p, _("already highlighted (%zu): %s"),
			    i + 1, pattern);
			return -1;
		}
	if (f->nterms == FINDER_TERMS_MAX) {
		pager_message(f->p, _("at most %d highlight terms (- removes "
		    "one)"), FINDER_TERMS_MAX);
		return -1;
	}
	s = finder_compile(f, pattern, regex, f->prompt != FINDER_PROMPT_NONE ?
	    f->prompt_pinyin : f->opts.pinyin, &err);
	if (s == NULL) {
		pager_message(f->p, "%s", err);
		free(err);
		return -1;
	}
	f->terms[f->nterms].pattern = xstrdup(pattern);
	f->terms[f->nterms].s = s;
	f->nterms++;
	pager_message(f->p, _("highlight %zu: %s"), f->nterms, pattern);
	return 0;
}

int
finder_term_add(struct finder *f, const char *pattern)
{
	return finder_term_add_re(f, pattern, f->opts.regex);
}

enum pager_action
finder_term_add_current(struct finder *f)
{
	if (f->cur == NULL) {
		pager_message(f->p, _("no search to add (/ searches)"));
		return PAGER_REDRAW;
	}
	finder_term_add_re(f, search_pattern(f->cur), f->cur_regex);
	return PAGER_REDRAW;
}

enum pager_action
finder_term_remove_start(struct finder *f)
{
	char buf[256];
	size_t n = 0;

	if (f->nterms == 0) {
		pager_message(f->p, _("no highlight terms"));
		return PAGER_REDRAW;
	}
	for (size_t i = 0; i < f->nterms && n < sizeof buf - 1; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, " %zu %s",
		    i + 1, f->terms[i].pattern);
	pager_message(f->p, _("remove which highlight?%s"), buf);
	f->pending_remove = 1;
	return PAGER_REDRAW;
}

/*
 * What the reader keeps when the text is shown otherwise (R, W, the rest of
 * a big text rendered): the search, its history and the highlight terms,
 * moved from FROM to TO (FROM keeps nothing of them); the matches are found
 * again in TO's text.
 */
void
finder_carry(struct finder *to, struct finder *from)
{
	lineedit_history_done(&to->hist);
	to->hist = from->hist;
	memset(&from->hist, 0, sizeof from->hist);
	for (size_t i = 0; i < to->nterms; i++) {
		free(to->terms[i].pattern);
		search_free(to->terms[i].s);
	}
	memcpy(to->terms, from->terms, from->nterms * sizeof *to->terms);
	to->nterms = from->nterms;
	from->nterms = 0;
	if (from->cur == NULL)
		return;
	if (to->cur != to->saved_cur)
		search_free(to->cur);
	to->cur = from->cur;
	if (from->saved_cur == from->cur)
		from->saved_cur = NULL;
	from->cur = NULL;
	to->cur_regex = from->cur_regex;
	to->cur_pinyin = from->cur_pinyin;
	to->backward = from->backward;
	to->cur_hidden = from->cur_hidden;
	to->cur_off = to->cur_end = PAGER_NO_OFF;
	finder_reset_counts(to);
	finder_count(to);
}

enum pager_action
finder_term_clear(struct finder *f)
{
	for (size_t i = 0; i < f->nterms; i++) {
		free(f->terms[i].pattern);
		search_free(f->terms[i].s);
	}
	pager_message(f->p, f->nterms ? _("highlights cleared") :
	    _("no highlight terms"));
	f->nterms = 0;
	return PAGER_REDRAW;
}

static size_t
finder_push(struct finder_span **v, size_t *cap, size_t n, size_t off,
    size_t end, int style)
{
	*v = xgrow(*v, cap, n + 1, sizeof **v);
	(*v)[n].off = off;
	(*v)[n].end = end;
	(*v)[n].style = style;
	return n + 1;
}

size_t
finder_spans(struct finder *f, const struct layout_line *ll,
    struct finder_span **v, size_t *cap)
{
	struct doc *doc = f->p->doc;
	size_t n = 0, k, off = ll->off, end = ll->end;

	/* A segment's neighbours: a match may run across its edge. */
	if (!ll->seg_first)
		off -= off < FINDER_EDGE_BYTES ? off : FINDER_EDGE_BYTES;
	if (!ll->seg_last)
		end += doc->len - end < FINDER_EDGE_BYTES ? doc->len - end :
		    FINDER_EDGE_BYTES;

	for (size_t t = 0; t < f->nterms; t++) {
		k = search_span(f->terms[t].s, doc, off, end, &f->tmp,
		    &f->tmp_cap);
		for (size_t i = 0; i < k; i++)
			n = finder_push(v, cap, n, f->tmp[i].off, f->tmp[i].end,
			    FINDER_STYLE_TERM + (int)t);
	}
	if (f->cur != NULL && !f->cur_hidden &&
	    (f->prompt == FINDER_PROMPT_NONE ||
	    f->prompt == FINDER_PROMPT_TERM || f->prompt_found == 1)) {
		k = search_span(f->cur, doc, off, end, &f->tmp, &f->tmp_cap);
		for (size_t i = 0; i < k; i++)
			n = finder_push(v, cap, n, f->tmp[i].off, f->tmp[i].end,
			    f->tmp[i].off == f->cur_off ?
			    FINDER_STYLE_CURRENT : FINDER_STYLE_MATCH);
	}
	return n;
}

static char *
finder_modes(struct search *s, int regex, int pinyin,
    const struct search_opts *o)
{
	const char *fold;

	if (s != NULL)
		fold = _(search_foldings(s));
	else {
		static char buf[64];
		snprintf(buf, sizeof buf, "%s%s%s",
		    o->casing == SEARCH_CASE_SENSITIVE ? "" : _("case "),
		    o->no_fold_width ? "" : _("width "),
		    o->no_fold_script ? "" : _("script"));
		fold = buf;
	}
	/* TRANSLATORS: the search's modes on the status line, [regex
	 * pinyin case width script], each word short. */
	return xasprintf("%s%s%s", regex ? _("regex ") : "",
	    pinyin && !regex ? _("pinyin ") : "", fold[0] ? fold :
	    _("exact"));
}

char *
finder_prompt_modes(struct finder *f)
{
	char *m = finder_modes(f->cur, f->prompt_regex, f->prompt_pinyin,
	    &f->opts);
	size_t n = strlen(m);

	while (n > 0 && m[n - 1] == ' ')	/* "width " etc. */
		m[--n] = '\0';
	return m;
}

char *
finder_status(struct finder *f)
{
	char *modes, *r, idx[32], tot[32];
	size_t i;

	if (f->cur == NULL || f->cur_hidden ||
	    f->prompt != FINDER_PROMPT_NONE)
		return NULL;
	modes = finder_modes(f->cur, f->cur_regex, f->cur_pinyin, &f->opts);
	i = finder_index(f);
	snprintf(idx, sizeof idx, i ? "%zu" : "?", i);
	if (f->counted == 1)
		snprintf(tot, sizeof tot, "%zu", f->total);
	else
		snprintf(tot, sizeof tot, "?");
	if (f->counted == 1 && f->total == 0)
		snprintf(idx, sizeof idx, "0");
	r = xasprintf("%s/%s [%s]", idx, tot, modes);
	free(modes);
	return r;
}

/*
 * A heading counts its whole section, subsections included, as its length
 * and reading time do: each heading, from the last, adds its count to its
 * parent's (the nearest heading before it of a shallower level).
 */
static void
finder_count_subsections(const struct outline *ol, size_t *counts)
{
	size_t *parent = xcalloc(ol->n ? ol->n : 1, sizeof *parent);
	size_t *stack = xcalloc(ol->n ? ol->n : 1, sizeof *stack), top = 0;

	for (size_t k = 0; k < ol->n; k++) {
		while (top > 0 && ol->v[stack[top - 1]].level >=
		    ol->v[k].level)
			top--;
		parent[k] = top > 0 ? stack[top - 1] : (size_t)-1;
		stack[top++] = k;
	}
	for (size_t k = ol->n; k-- > 0;)
		if (parent[k] != (size_t)-1)
			counts[parent[k]] += counts[k];
	free(stack);
	free(parent);
}

long
finder_section_count(struct finder *f, const struct outline *ol, size_t i)
{
	if (ol == NULL || f->cur == NULL || f->counted != 1 ||
	    f->total > f->noffs || i >= ol->n)
		return -1;
	if (f->sec_ol != ol || f->nsec != ol->n) {
		free(f->sec_counts);
		f->sec_counts = xcalloc(ol->n ? ol->n : 1,
		    sizeof *f->sec_counts);
		f->nsec = ol->n;
		for (size_t k = 0; k < f->noffs; k++) {
			size_t s = outline_section_of(ol, f->offs[k]);
			if (s != (size_t)-1)
				f->sec_counts[s]++;
		}
		finder_count_subsections(ol, f->sec_counts);
		f->sec_ol = ol;
	}
	return (long)f->sec_counts[i];
}
