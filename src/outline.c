/*
 * The outline: the headings of a document, found the way a careful reader
 * finds them.  This file runs the right scan (Markdown, plain text or the
 * user's --heading pattern), then gives each heading found its level and
 * its title.  The scans live in outline_md.c and outline_plain.c; the
 * words and numbers they look for in outline_num.c; the reading and
 * measuring of a line in outline_line.c (outline_int.h has the map).
 */
#include "yuedu/outline.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "yuedu/doc.h"
#include "yuedu/i18n.h"
#include "yuedu/render.h"
#include "yuedu/search.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"

#include "outline_int.h"

void
outline_add(struct outline_ctx *cx, size_t line, size_t t0, size_t t1,
    int rank, int plain, int body_before, int strip_md)
{
	struct outline_cand *c;

	cx->cand = xgrow(cx->cand, &cx->cand_cap, cx->ncand + 1,
	    sizeof *cx->cand);
	c = &cx->cand[cx->ncand++];
	c->line = line;
	c->t0 = t0;
	c->t1 = t1;
	c->rank = rank;
	c->plain = plain;
	c->body_before = body_before;
	c->strip_md = strip_md;
	c->leaf = 0;
}

/* 1 if headings A and B have the same text, whitespace aside. */
int
outline_same_title(struct outline_ctx *cx, const struct outline_cand *a,
    const struct outline_cand *b)
{
	char x[256], y[256];
	size_t nx = outline_compact(cx->text, a->t0, a->t1, x, sizeof x);
	size_t ny = outline_compact(cx->text, b->t0, b->t1, y, sizeof y);

	return nx != (size_t)-1 && nx == ny && memcmp(x, y, nx) == 0;
}

static pcre2_code *
outline_regex_compile(const char *re, char **err)
{
	int code;
	PCRE2_SIZE eoff;
	pcre2_code *rx;

	rx = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &code, &eoff, NULL);
	if (rx == NULL) {
		PCRE2_UCHAR msg[256];
		size_t chars = 0;

		/* PCRE2 counts bytes; a reader counts characters. */
		for (size_t i = 0; i < eoff && re[i] != '\0'; i++)
			chars += ((unsigned char)re[i] & 0xC0) != 0x80;
		pcre2_get_error_message(code, msg, sizeof msg);
		*err = xasprintf("invalid --heading pattern '%s': %s at "
		    "offset %zu", re, (const char *)msg, chars);
		return NULL;
	}
	pcre2_jit_compile(rx, PCRE2_JIT_COMPLETE);
	return rx;
}

int
outline_check_regex(const char *re, char **err)
{
	pcre2_code *rx;

	*err = NULL;
	rx = outline_regex_compile(re, err);
	if (rx == NULL)
		return -1;
	pcre2_code_free(rx);
	return 0;
}

static int
outline_scan_regex(struct outline_ctx *cx, const char *re, char **err)
{
	pcre2_code *rx = outline_regex_compile(re, err);
	pcre2_match_data *md;
	pcre2_match_context *mc;
	uint32_t groups = 0;

	if (rx == NULL)
		return -1;
	pcre2_pattern_info(rx, PCRE2_INFO_CAPTURECOUNT, &groups);
	md = pcre2_match_data_create_from_pattern(rx, NULL);
	/* Bounded work per line, as a search's (search.h). */
	mc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(mc, SEARCH_MATCH_LIMIT);
	pcre2_set_depth_limit(mc, SEARCH_DEPTH_LIMIT);
	for (size_t i = 0; i < cx->nlines; i++) {
		struct outline_line li;
		int rc, rank = 1;

		outline_line_get(cx, i, &li);
		if (li.blank)
			continue;
		rc = pcre2_match(rx, (PCRE2_SPTR)(cx->text + li.start),
		    li.end - li.start, 0, 0, md, mc);
		if (rc < 0 && rc != PCRE2_ERROR_NOMATCH &&
		    rc != PCRE2_ERROR_PARTIAL) {
			PCRE2_UCHAR msg[128];

			pcre2_get_error_message(rc, msg, sizeof msg);
			*err = xasprintf(_("--heading pattern '%s': line %zu: "
			    "%s"), re, i + 1, rc == PCRE2_ERROR_MATCHLIMIT ?
			    _("exceeded the regular expression's backtracking "
			    "limit") : (const char *)msg);
			pcre2_match_context_free(mc);
			pcre2_match_data_free(md);
			pcre2_code_free(rx);
			return -1;
		}
		if (rc < 0)
			continue;
		if (groups > 0) {
			/* The first group that took part sets the level. */
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
			for (uint32_t g = 1; g <= groups && (int)g < rc; g++) {
				if (ov[2 * g] != PCRE2_UNSET) {
					rank = (int)g;
					break;
				}
			}
		}
		outline_add(cx, i, li.t0, li.t1, rank, 0, 1, 0);
	}
	pcre2_match_context_free(mc);
	pcre2_match_data_free(md);
	pcre2_code_free(rx);
	return 0;
}

/*
 * The title of C: its bytes without hidden annotations, HTML tags (for
 * <hN> lines), controls or invalid bytes.
 */
/* 1 if CP is a space between words: ASCII, tab, U+2000..U+200A, U+3000. */
static int
outline_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x3000 ||
	    (cp >= 0x2000 && cp <= 0x200A);
}

/* 1 if the title OUT (O bytes) so far ends with such a space. */
static int
outline_ends_space(const char *out, size_t o)
{
	size_t i = o - 1;
	uint32_t cp;

	while (i > 0 && ((unsigned char)out[i] & 0xC0) == 0x80)
		i--;
	utf8_decode(out + i, o - i, &cp);
	return outline_is_space(cp);
}

static char *
outline_title(struct outline_ctx *cx, const struct outline_cand *c)
{
	const char *t = cx->text;
	size_t p = c->t0, si = 0, o = 0, n = c->t1 - c->t0, t1 = c->t1;
	char *out;
	int tag = 0;

	/* A title is a line of the panel: a heading line of megabytes
	 * gives its first OUTLINE_TITLE_MAX bytes. */
	if (n > OUTLINE_TITLE_MAX) {
		n = OUTLINE_TITLE_MAX;
		while (n > 0 && ((unsigned char)t[c->t0 + n] & 0xC0) == 0x80)
			n--;
		t1 = c->t0 + n;
	}
	out = xmalloc(n * 3 + 4);

	if (cx->hide)
		outline_find_annots(cx, c->t0, t1);
	else
		cx->nspans = 0;
	while (p < t1) {
		uint32_t cp;
		size_t k;

		if (si < cx->nspans && p >= cx->spans[si].open_off) {
			p = cx->spans[si++].end_off;
			continue;
		}
		k = utf8_decode(t + p, t1 - p, &cp);
		if (c->strip_md && cp == '<' && p + 1 < t1 &&
		    (t[p + 1] == '/' || (t[p + 1] >= 'a' && t[p + 1] <= 'z') ||
		    (t[p + 1] >= 'A' && t[p + 1] <= 'Z')) &&
		    memchr(t + p, '>', t1 - p) != NULL)
			tag = 1;
		if (tag) {
			if (cp == '>')
				tag = 0;
			p += k;
			continue;
		}
		/* A run of spaces is one: the first of them (西遊記's
		 * "第二回     悟徹菩提" keeps one space). */
		if (outline_is_space(cp) && o > 0 && outline_ends_space(out,
		    o)) {
			p += k;
			continue;
		}
		if (cp == (uint32_t)-1 || cp < 0x20 || cp == 0x7F ||
		    (cp >= 0x80 && cp < 0xA0)) {
			if (cp == '\t')
				out[o++] = ' ';
			else {
				memcpy(out + o, "\xEF\xBF\xBD", 3);
				o += 3;
			}
		} else {
			memcpy(out + o, t + p, k);
			o += k;
		}
		p += k;
	}
	/* Tags removed may leave outer spaces. */
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	if (out[0] == ' ') {
		size_t s = 0;
		while (out[s] == ' ')
			s++;
		memmove(out, out + s, o - s + 1);
		o -= s;
	}
	/* Up to three bytes were allowed for each: keep what is used. */
	return xrealloc(out, o + 1);
}

/* Open headings: their ranks, and whether each is a plain line. */
struct outline_stack {
	int rank[64];
	int plain[64];
	int depth;
};

/*
 * The level of C: it closes every open heading of its rank or deeper and
 * nests under the rest.  Plain lines and front matter close all but the
 * title, and structure words (第…章) never nest under them.  A caption
 * (目录) stands where a plain line would but closes nothing: what follows
 * its list belongs to the section before it.
 */
static int
outline_level_of(struct outline_stack *st, const struct outline_cand *c)
{
	if (c->leaf) {
		int d = 0;
		while (d < st->depth && st->rank[d] == OUTLINE_R_TITLE)
			d++;
		return d + 1;
	}
	if (c->plain) {
		while (st->depth > 0 &&
		    st->rank[st->depth - 1] > OUTLINE_R_TITLE)
			st->depth--;
	} else {
		while (st->depth > 0 && (st->rank[st->depth - 1] >= c->rank ||
		    (st->plain[st->depth - 1] && c->rank < OUTLINE_R_CN_DUN)))
			st->depth--;
	}
	if (st->depth == 64)
		return st->depth;
	st->rank[st->depth] = c->rank;
	st->plain[st->depth] = c->plain;
	return ++st->depth;
}

/* The headings with their levels and titles; the top level is 1. */
static void
outline_levels(struct outline_ctx *cx, struct outline *ol)
{
	struct outline_stack st;
	int min = 64;

	st.depth = 0;
	ol->v = xcalloc(cx->ncand ? cx->ncand : 1, sizeof *ol->v);
	ol->n = cx->ncand;
	for (size_t i = 0; i < cx->ncand; i++) {
		const struct outline_cand *c = &cx->cand[i];
		struct outline_heading *h = &ol->v[i];

		h->level = outline_level_of(&st, c);
		h->line = c->line + 1;
		h->off = doc_line_start(cx->doc, c->line);
		outline_drop_behind(cx, h->off);
		h->title = outline_title(cx, c);
		if (h->level < min)
			min = h->level;
	}
	for (size_t i = 0; i < ol->n; i++)
		ol->v[i].level -= min - 1;
}

/* TITLE without its annotations (网(wǎng) -> 网), as a new string. */
static char *
outline_strip_annot(const char *title)
{
	struct annot_span *sp = NULL;
	size_t cap = 0, n = strlen(title), k = 0, from = 0;
	size_t ns = annot_find(title, n, 0, &sp, &cap);
	char *out = xmalloc(n + 1);

	for (size_t i = 0; i < ns; i++) {
		memcpy(out + k, title + from, sp[i].open_off - from);
		k += sp[i].open_off - from;
		from = sp[i].end_off;
	}
	memcpy(out + k, title + from, n - from);
	out[k + n - from] = '\0';
	free(sp);
	return out;
}

/*
 * A structured rendering (Markdown, HTML, EPUB) knows its headings: the
 * outline is theirs, with levels made relative and source line numbers.
 */
static struct outline *
outline_from_render(struct doc *doc, enum annot_mode mode,
    struct doc *line_src)
{
	const struct render *r = doc->render;
	struct outline *ol = xcalloc(1, sizeof *ol);
	int min = 7;

	ol->v = xcalloc(r->nheadings ? r->nheadings : 1, sizeof *ol->v);
	for (size_t i = 0; i < r->nheadings; i++) {
		struct outline_heading *h = &ol->v[ol->n];
		const struct render_heading *rh = &r->headings[i];

		if (rh->title[0] == '\0')
			continue;
		h->level = rh->level;
		h->off = rh->off;
		if (line_src != NULL) {
			size_t part, src = render_src_of(r, rh->off, &part);

			h->line = part == 0 ? doc_line_of(line_src, src) + 1 :
			    render_line_of(doc, rh->off, NULL) + 1;
		} else
			h->line = render_line_of(doc, rh->off, NULL) + 1;
		h->title = mode == ANNOT_HIDE ? outline_strip_annot(rh->title) :
		    xstrdup(rh->title);
		if (h->level < min)
			min = h->level;
		ol->n++;
	}
	for (size_t i = 0; i < ol->n; i++)
		ol->v[i].level -= min - 1;
	return ol;
}

int
outline_build(struct outline **out, struct doc *doc,
    const struct outline_opts *opts, char **err)
{
	struct outline_ctx cx;
	struct outline *ol;
	enum annot_mode mode;

	*out = NULL;
	*err = NULL;
	memset(&cx, 0, sizeof cx);
	cx.doc = doc;
	cx.text = doc->text;
	cx.stop = opts != NULL ? opts->stop : NULL;
	cx.nlines = doc_line_count(doc);
	cx.para_indent = -1;
	mode = annot_resolve(opts ? opts->annot : ANNOT_AUTO, doc);
	cx.hide = mode == ANNOT_HIDE;
	if (doc->render != NULL && doc->render->format != RENDER_TEXT &&
	    (opts == NULL || opts->heading_regex == NULL)) {
		*out = outline_from_render(doc, mode, opts != NULL ?
		    opts->line_src : NULL);
		return 0;
	}
	if (opts != NULL && opts->heading_regex != NULL) {
		if (outline_scan_regex(&cx, opts->heading_regex, err) != 0) {
			free(cx.cand);
			return -1;
		}
	} else if (outline_is_markdown(&cx))
		outline_scan_md(&cx);
	else {
		outline_scan_plain(&cx);
		outline_drop_toc(&cx);
	}
	ol = xcalloc(1, sizeof *ol);
	outline_levels(&cx, ol);
	/* Reflowed text: line numbers are the source's. */
	if (doc->render != NULL && !doc->render->identity) {
		for (size_t i = 0; i < ol->n; i++)
			ol->v[i].line = render_line_of(doc, ol->v[i].off,
			    NULL) + 1;
	}
	free(cx.cand);
	free(cx.spans);
	*out = ol;
	return 0;
}

void
outline_free(struct outline *ol)
{
	if (ol == NULL)
		return;
	for (size_t i = 0; i < ol->n; i++)
		free(ol->v[i].title);
	free(ol->v);
	free(ol);
}

size_t
outline_section_of(const struct outline *ol, size_t off)
{
	size_t lo = 0, hi;

	if (ol == NULL || ol->n == 0 || ol->v[0].off > off)
		return (size_t)-1;
	hi = ol->n;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (ol->v[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}
