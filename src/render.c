/*
 * The rendered text: the builder renderers call (text mapped to its
 * source, blocks, styles, headings, links), the map read back (shown byte
 * to source byte and line), and the choice of renderer for a document.
 * The renderers themselves live in render_text.c (plain and reflowed
 * text) and render_md.c (Markdown).
 */
#include "yuedu/render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unilbrk.h>

#include "render_int.h"
#include "yuedu/doc.h"
#include "yuedu/epub.h"
#include "yuedu/html.h"
#include "yuedu/layout.h"
#include "yuedu/util.h"
#include "yuedu/utf8.h"
#include "yuedu/width.h"

struct render *
render_begin(struct doc *src, enum render_format format)
{
	struct render *r = xcalloc(1, sizeof *r);

	r->src = src;
	r->format = format;
	r->nparts = 1;
	r->parts_cap = 4;
	r->parts = xcalloc(r->parts_cap, sizeof *r->parts);
	r->parts[0].name = xstrdup(src->name ? src->name : "-");
	r->parts[0].text = src->text;
	r->parts[0].len = src->len;
	return r;
}

size_t
render_part_add(struct render *r, const char *name, const char *text,
    size_t len)
{
	struct render_part *p;

	r->parts = xgrow(r->parts, &r->parts_cap, r->nparts + 1,
	    sizeof *r->parts);
	p = &r->parts[r->nparts];
	memset(p, 0, sizeof *p);
	p->name = xstrdup(name);
	p->text = text;
	p->len = len;
	r->cur_part = (uint16_t)r->nparts;
	return r->nparts++;
}

size_t
render_part_add_owned(struct render *r, const char *name, char *text,
    size_t len)
{
	size_t i = render_part_add(r, name, text, len);

	r->parts[i].owned = text;
	return i;
}

void
render_part_set(struct render *r, size_t part)
{
	if (part < r->nparts)
		r->cur_part = (uint16_t)part;
}

static void
render_append(struct render *r, const char *s, size_t n)
{
	if (r->len + n + 1 > r->cap) {
		size_t cap = r->cap ? r->cap : 4096;

		while (cap < r->len + n + 1)
			cap *= 2;
		r->buf = xrealloc(r->buf, cap);
		r->cap = cap;
	}
	memcpy(r->buf + r->len, s, n);
	/* Asked to stop: looked at about every 64 KiB. */
	if (r->stop != NULL && ((r->len ^ (r->len + n)) >> 16) != 0 &&
	    atomic_load(r->stop))
		r->stopped = 1;
	r->len += n;
}

static void
render_run_add(struct render *r, size_t n, size_t src, int copied)
{
	struct render_run *last = r->nruns ? &r->runs[r->nruns - 1] : NULL;

	if (n == 0)
		return;
	if (last != NULL && copied && last->copied &&
	    last->part == r->cur_part && last->src + last->len == src &&
	    last->off + last->len == r->len && (uint64_t)last->len + n <
	    UINT32_MAX) {
		last->len += (uint32_t)n;
		return;
	}
	while (n > 0) {
		uint32_t k = n > UINT32_MAX / 2 ? UINT32_MAX / 2 : (uint32_t)n;
		struct render_run *run;

		r->runs = xgrow(r->runs, &r->runs_cap, r->nruns + 1,
		    sizeof *r->runs);
		run = &r->runs[r->nruns++];
		run->off = r->len;
		run->src = src;
		run->len = k;
		run->part = r->cur_part;
		run->copied = (uint16_t)copied;
		n -= k;
		if (copied)
			src += k;
		/* r->len is advanced by the caller after the whole run. */
		if (n > 0)
			r->len += k;
	}
}

void
render_text(struct render *r, const char *s, size_t n, size_t src_off)
{
	size_t start = r->len;

	render_run_add(r, n, src_off, 1);
	r->len = start;
	render_append(r, s, n);
}

void
render_gen(struct render *r, const char *s, size_t n, size_t src_off)
{
	size_t start = r->len;

	render_run_add(r, n, src_off, 0);
	r->len = start;
	render_append(r, s, n);
}

void
render_gen_str(struct render *r, const char *s, size_t src_off)
{
	render_gen(r, s, strlen(s), src_off);
}

size_t
render_len(const struct render *r)
{
	return r->len;
}

const char *
render_buf(const struct render *r)
{
	return r->buf;
}

void
render_block_begin(struct render *r, enum render_block_kind kind, int level)
{
	struct render_block *b;

	r->blocks = xgrow(r->blocks, &r->blocks_cap, r->nblocks + 1,
	    sizeof *r->blocks);
	b = &r->blocks[r->nblocks];
	memset(b, 0, sizeof *b);
	b->off = b->end = r->len;
	b->kind = (uint8_t)kind;
	b->level = (uint8_t)(level < 0 ? 0 : level > 255 ? 255 : level);
	if (r->nopen < (int)(sizeof r->open_block / sizeof r->open_block[0]))
		r->open_block[r->nopen] = r->nblocks;
	r->nopen++;
	r->nblocks++;
}

void
render_block_end(struct render *r)
{
	if (r->nopen == 0)
		return;
	r->nopen--;
	if (r->nopen < (int)(sizeof r->open_block / sizeof r->open_block[0]))
		r->blocks[r->open_block[r->nopen]].end = r->len;
}

void
render_block_hang(struct render *r, int hang_cols, size_t prefix_len)
{
	struct render_block *b;

	if (r->nopen == 0 || r->nopen > (int)(sizeof r->open_block /
	    sizeof r->open_block[0]))
		return;
	b = &r->blocks[r->open_block[r->nopen - 1]];
	b->hang_cols = (uint16_t)(hang_cols < 0 ? 0 : hang_cols > 1000 ?
	    1000 : hang_cols);
	b->prefix_len = (uint32_t)prefix_len;
}


static const struct render_part *render_part_index(const struct render *r,
    size_t p);
/* The style set now open, and the innermost link. */
static unsigned
render_style_cur(const struct render *r, uint32_t *link)
{
	unsigned s = 0;
	int n = r->nstyle < 32 ? r->nstyle : 32;

	*link = 0;
	for (int i = 0; i < n; i++) {
		s |= r->style_stack[i];
		if (r->link_stack[i])
			*link = r->link_stack[i];
	}
	return s;
}

/* The styles change at r->len: close the flat span running until here. */
static void
render_style_flush(struct render *r)
{
	uint32_t link;
	unsigned s = render_style_cur(r, &link);
	struct render_span *last;

	if (s != 0 && r->len > r->span_start) {
		last = r->nspans ? &r->spans[r->nspans - 1] : NULL;
		if (last != NULL && last->end == r->span_start &&
		    last->style == s && last->link == link) {
			last->end = r->len;
		} else {
			r->spans = xgrow(r->spans, &r->spans_cap,
			    r->nspans + 1, sizeof *r->spans);
			last = &r->spans[r->nspans++];
			last->off = r->span_start;
			last->end = r->len;
			last->style = s;
			last->link = link;
		}
	}
	r->span_start = r->len;
}

static void
render_style_push_link(struct render *r, unsigned style, uint32_t link)
{
	render_style_flush(r);
	if (r->nstyle < 32) {
		r->style_stack[r->nstyle] = style;
		r->link_stack[r->nstyle] = link;
	}
	r->nstyle++;
}

void
render_style_push(struct render *r, unsigned style)
{
	render_style_push_link(r, style, 0);
}

void
render_style_pop(struct render *r)
{
	if (r->nstyle == 0)
		return;
	render_style_flush(r);
	r->nstyle--;
}

void
render_heading_begin(struct render *r, int level)
{
	unsigned s = level <= 1 ? RENDER_STYLE_H1 : level == 2 ?
	    RENDER_STYLE_H2 : RENDER_STYLE_H3;

	r->heading_start = r->len;
	r->heading_level = level < 1 ? 1 : level > 6 ? 6 : level;
	render_style_push(r, s);
}

/* TEXT (N bytes) as a one-line title: line ends as spaces, trimmed. */
static char *
render_title(const char *text, size_t n)
{
	char *t = xmalloc(n + 1);
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		char c = text[i];

		if (c == '\n' || c == '\r' || c == '\t')
			c = ' ';
		if (c == ' ' && (k == 0 || t[k - 1] == ' '))
			continue;
		t[k++] = c;
	}
	while (k > 0 && t[k - 1] == ' ')
		k--;
	t[k] = '\0';
	return t;
}

void
render_heading_end(struct render *r)
{
	struct render_heading *h;

	if (r->heading_level == 0)
		return;
	render_style_pop(r);
	r->headings = xgrow(r->headings, &r->headings_cap, r->nheadings + 1,
	    sizeof *r->headings);
	h = &r->headings[r->nheadings++];
	h->level = r->heading_level;
	h->off = r->heading_start;
	/* An empty heading first in the text: nothing built yet. */
	h->title = render_title(r->buf ? r->buf + r->heading_start : "",
	    r->len - r->heading_start);
	r->heading_level = 0;
}

int
render_link_begin(struct render *r, const char *url, size_t url_len)
{
	struct render_link *l;

	r->links = xgrow(r->links, &r->links_cap, r->nlinks + 1,
	    sizeof *r->links);
	l = &r->links[r->nlinks++];
	l->url = xstrndup(url, url_len);
	l->off = r->len;
	l->src = r->len ? render_src_of(r, r->len - 1, NULL) : 0;
	/* Footnotes (num 0) take no number. */
	l->num = 1;
	for (size_t i = r->nlinks - 1; i-- > 0;) {
		if (r->links[i].num > 0) {
			l->num = r->links[i].num + 1;
			break;
		}
	}
	render_style_push_link(r, RENDER_STYLE_LINK, (uint32_t)r->nlinks);
	return l->num;
}

void
render_link_end(struct render *r)
{
	char num[24];
	size_t src;

	render_style_pop(r);
	if (r->nlinks == 0)
		return;
	snprintf(num, sizeof num, "[%d]", r->links[r->nlinks - 1].num);
	src = r->nruns ? render_src_of(r, r->len ? r->len - 1 : 0, NULL) : 0;
	render_style_push(r, RENDER_STYLE_MARK);
	render_gen_str(r, num, src);
	render_style_pop(r);
}

struct render *
render_finish(struct render *r)
{
	struct doc *d;

	while (r->nstyle > 0)
		render_style_pop(r);
	while (r->nopen > 0)
		render_block_end(r);
	d = doc_new_mem("", 0, r->src->name);
	if (r->buf == NULL)
		r->buf = xmalloc(1);
	r->buf[r->len] = '\0';
	/* A shown text starting with U+FEFF would lose it as a BOM
	 * (doc_set_text) and every offset of the map would be 3 bytes off:
	 * show U+2060 WORD JOINER, as invisible and as long, instead. */
	if (r->len >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0)
		memcpy(r->buf, "\xE2\x81\xA0", 3);
	doc_replace_text(d, r->buf, r->len, r->src->encoding);
	r->buf = NULL;
	r->cap = 0;
	d->render = r;
	r->doc = d;
	/* A book's chapters' line starts, now: later, more than one
	 * thread reads them. */
	for (size_t i = 1; i < r->nparts; i++)
		render_part_index(r, i);
	return r;
}

void
render_free(struct render *r)
{
	if (r == NULL)
		return;
	if (!r->identity)
		doc_free(r->doc);
	else if (r->doc != NULL && r->doc->render == r)
		r->doc->render = NULL;
	free(r->buf);
	free(r->runs);
	free(r->blocks);
	free(r->spans);
	for (size_t i = 0; i < r->nheadings; i++)
		free(r->headings[i].title);
	free(r->headings);
	for (size_t i = 0; i < r->nlinks; i++)
		free(r->links[i].url);
	free(r->links);
	for (size_t i = 0; i < r->nparts; i++) {
		free(r->parts[i].name);
		free(r->parts[i].line_off);
		free(r->parts[i].owned);
	}
	free(r->parts);
	free(r->title);
	free(r->author);
	free(r->error);
	doc_free(r->prefix_doc);
	free(r);
}

/* ---- Reading the model. ---- */

/* The run holding shown OFF (the last one when OFF is past the end). */
static const struct render_run *
render_run_at(const struct render *r, size_t off)
{
	size_t lo = 0, hi = r->nruns;

	if (r->nruns == 0)
		return NULL;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (r->runs[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	return &r->runs[lo];
}

size_t
render_src_of(const struct render *r, size_t off, size_t *part)
{
	const struct render_run *run;

	if (part != NULL)
		*part = 0;
	if (r == NULL || r->identity)
		return off;
	if ((run = render_run_at(r, off)) == NULL)
		return 0;
	if (part != NULL)
		*part = run->part;
	if (!run->copied)
		return run->src;
	if (off >= run->off + run->len)
		return run->src + run->len;
	return run->src + (off - run->off);
}

size_t
render_off_of_src(const struct render *r, size_t part, size_t src_off)
{
	size_t best = (size_t)-1, best_src = (size_t)-1;

	if (r == NULL || r->identity)
		return src_off;
	/* Runs are nearly in source order; generated ones (link lists)
	 * may point back, so look at all of them. */
	for (size_t i = 0; i < r->nruns; i++) {
		const struct render_run *run = &r->runs[i];
		size_t end = run->src + (run->copied ? run->len : 1);

		if (run->part != part)
			continue;
		if (src_off >= run->src && src_off < end)
			return run->off + (run->copied ? src_off - run->src :
			    0);
		/* Else the nearest source byte after SRC_OFF. */
		if (run->src > src_off && run->src < best_src) {
			best_src = run->src;
			best = run->off;
		}
	}
	if (best == (size_t)-1)
		return r->doc ? r->doc->len : 0;
	return best;
}

/* Part P's line starts (P > 0; part 0 is the source doc's own index),
 * built on first use: the model stays logically const. */
static const struct render_part *
render_part_index(const struct render *r, size_t p)
{
	struct render_part *part = (struct render_part *)&r->parts[p];

	if (part->line_off == NULL) {
		size_t cap = 64, n = 0;
		size_t *v = xmalloc(cap * sizeof *v);

		v[n++] = 0;
		for (size_t i = 0; i < part->len; i++) {
			if (part->text[i] != '\n' || i + 1 >= part->len)
				continue;
			v = xgrow(v, &cap, n + 1, sizeof *v);
			v[n++] = i + 1;
		}
		part->line_off = v;
		part->nlines = n;
	}
	return part;
}

/* The 0-based line of part P holding byte SRC. */
static size_t
render_part_line(const struct render *r, size_t p, size_t src)
{
	const struct render_part *part;
	size_t lo = 0, hi;

	if (p == 0)
		return doc_line_of(r->src, src);
	part = render_part_index(r, p);
	hi = part->nlines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (part->line_off[mid] <= src)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

size_t
render_part_nlines(struct doc *doc, size_t p)
{
	const struct render *r = doc->render;

	if (r == NULL || r->identity || p == 0 || p >= r->nparts)
		return doc_line_count(r != NULL && !r->identity ? r->src :
		    doc);
	return render_part_index(r, p)->nlines;
}

size_t
render_off_of_part_line(struct doc *doc, size_t p, size_t line)
{
	const struct render *r = doc->render;
	const struct render_part *part;

	if (r == NULL || r->identity || p == 0 || p >= r->nparts)
		return render_off_of_line(doc, line);
	part = render_part_index(r, p);
	if (line >= part->nlines)
		line = part->nlines - 1;
	return render_off_of_src(r, p, part->line_off[line]);
}

int
render_line_known(struct doc *doc, size_t off, size_t *line)
{
	const struct render *r = doc->render;
	size_t src, p;

	if (r == NULL || r->identity)
		return doc_line_known(doc, off, line);
	src = render_src_of(r, off, &p);
	/* A book's parts have their line starts already. */
	if (p == 0 && !doc_line_known(r->src, src, line))
		return 0;
	*line = render_line_of(doc, off, NULL);
	return 1;
}

size_t
render_line_of(struct doc *doc, size_t off, size_t *part)
{
	const struct render *r = doc->render;
	size_t p, src;

	if (part != NULL)
		*part = 0;
	if (r == NULL || r->identity)
		return doc_line_of(doc, off);
	src = render_src_of(r, off, &p);
	{
		/* A mark the renderer made (a quote bar, a list number)
		 * stands for the text it precedes on its shown line. */
		const struct render_run *run = render_run_at(r, off);

		if (run != NULL && !run->copied) {
			const struct render_run *nx = run;
			const struct render_run *end = r->runs + r->nruns;

			while (nx < end && !nx->copied && memchr(r->doc->text +
			    nx->off, '\n', nx->len) == NULL && nx - run < 8)
				nx++;
			if (nx < end && nx->copied) {
				src = nx->src;
				p = nx->part;
			}
		}
	}
	if (part != NULL)
		*part = p;
	return render_part_line(r, p, src);
}

size_t
render_off_of_line(struct doc *doc, size_t line)
{
	const struct render *r = doc->render;
	size_t src;

	if (r == NULL || r->identity) {
		if (!doc_has_line(doc, line))
			return doc->len;
		return doc_line_start(doc, line);
	}
	if (!doc_has_line(r->src, line))
		return doc->len;
	src = doc_line_start(r->src, line);
	return render_off_of_src(r, 0, src);
}

unsigned
render_style_at(const struct render *r, size_t off, size_t *span)
{
	size_t lo = 0, hi;

	if (span != NULL)
		*span = (size_t)-1;
	if (r == NULL || r->nspans == 0)
		return 0;
	hi = r->nspans;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (r->spans[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	if (off < r->spans[lo].off || off >= r->spans[lo].end)
		return 0;
	if (span != NULL)
		*span = lo;
	return r->spans[lo].style;
}

const struct render_block *
render_block_at(const struct render *r, size_t off)
{
	const struct render_block *best = NULL;
	size_t lo = 0, hi;

	if (r == NULL || r->nblocks == 0)
		return NULL;
	/* Blocks are in order of their start; the innermost holding OFF is
	 * the last one starting at or before OFF that still holds it. */
	hi = r->nblocks;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (r->blocks[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	for (size_t i = lo + 1; i-- > 0;) {
		const struct render_block *b = &r->blocks[i];

		if (b->off <= off && off < b->end) {
			best = b;
			break;
		}
		/* Nesting is shallow; stop after a few top-level misses. */
		if (lo - i > 64)
			break;
	}
	return best;
}

/* ---- Choosing a renderer. ---- */

static int
render_has_suffix(const char *name, const char *suf)
{
	size_t n = strlen(name), k = strlen(suf);

	return n >= k && strcasecmp(name + n - k, suf) == 0;
}

enum render_format
render_detect(struct doc *src)
{
	const char *name = src->name ? src->name : "";
	size_t n = src->len < 65536 ? src->len : 65536, marks = 0, lines = 0;
	const char *t = src->text;

	if (render_has_suffix(name, ".md") || render_has_suffix(name,
	    ".markdown") || render_has_suffix(name, ".mkd") ||
	    render_has_suffix(name, ".mdown"))
		return RENDER_MARKDOWN;
	if (render_has_suffix(name, ".txt") || render_has_suffix(name,
	    ".text"))
		return RENDER_TEXT;
	if (epub_sniff(t, src->len))
		return RENDER_EPUB;
	if (html_is_html_name(name) || html_sniff(t, n))
		return RENDER_HTML;
	/* By content: lines that only Markdown would write. */
	for (size_t i = 0; i < n;) {
		const char *nl = memchr(t + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - t) : n;
		const char *l = t + i;
		size_t len = e - i;

		lines++;
		if ((len >= 2 && l[0] == '#' && (l[1] == ' ' || l[1] == '#')) ||
		    (len >= 3 && memcmp(l, "```", 3) == 0) ||
		    (len >= 4 && l[0] == '|' && l[len - 1 - (l[len - 1] ==
		    '\r')] == '|') ||
		    (len >= 4 && memcmp(l, "- [", 3) == 0) ||
		    (len >= 2 && l[0] == '>' && l[1] == ' ') ||
		    memmem(l, len, "](", 2) != NULL ||
		    memmem(l, len, "**", 2) != NULL)
			marks++;
		i = e + 1;
	}
	if (marks >= 3 && marks * 20 >= lines)
		return RENDER_MARKDOWN;
	return RENDER_TEXT;
}

static struct render *render_prefix(struct doc *, const struct render_opts *,
    enum render_format, size_t);


struct render *
render_doc(struct doc *src, const struct render_opts *opts)
{
	enum render_format f = opts->format;
	int reflow;

	/* A book is a zip: even as text (--raw) it is its chapters'
	 * sources, one after another. */
	struct render *r;
	size_t cut;

	if (opts->prefix > 0 && src->len / 2 > opts->prefix &&
	    !epub_sniff(src->text, src->len)) {
		enum render_format pf = f == RENDER_AUTO ? render_detect(src) :
		    f;

		if ((pf == RENDER_MARKDOWN || (pf == RENDER_TEXT &&
		    opts->reflow != RENDER_REFLOW_OFF &&
		    (opts->reflow == RENDER_REFLOW_ON ||
		    render_text_is_wrapped(src)))) &&
		    (cut = render_prefix_cut(src->text, src->len, opts->prefix,
		    pf == RENDER_MARKDOWN)) > 0)
			return render_prefix(src, opts, pf, cut);
	}
	if (epub_sniff(src->text, src->len) && f != RENDER_MARKDOWN &&
	    f != RENDER_HTML) {
		/* With a prefix, its first chapters alone. */
		r = render_epub_render(src, opts, f == RENDER_TEXT);
		r->doc->place_key = src;	/* its places: by its file */
	}
	else {
		if (f == RENDER_AUTO)
			f = render_detect(src);
		if (f == RENDER_HTML)
			r = render_html_render(src, opts);
		else if (f == RENDER_MARKDOWN)
			r = render_md_render(src, opts);
		else {
			reflow = opts->reflow == RENDER_REFLOW_ON ? 1 :
			    opts->reflow == RENDER_REFLOW_OFF ? 0 :
			    render_text_is_wrapped(src);
			r = render_text_render(src, reflow, opts->stop);
		}
	}
	r->width_cols = opts->width_cols > 0 ? opts->width_cols : 80;
	r->ambiguous = (int)width_get_ambiguous();
	return r;
}

/*
 * Where a rendering of the first bytes of a big text can stop: the
 * first blank line after about WANT bytes (for Markdown, not inside a
 * fenced code block).  0 when there is none in the first 4 * WANT.
 */
size_t
render_prefix_cut(const char *t, size_t n, size_t want, int markdown)
{
	size_t i = 0, lim = n / 2 < 4 * want ? n / 2 : 4 * want;
	int fence = 0;

	while (i < lim) {
		const char *nl = memchr(t + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - t) : n, k = i;

		while (k < e && k - i < 3 && t[k] == ' ')
			k++;
		if (markdown && e - k >= 3 && (memcmp(t + k, "```", 3) == 0 ||
		    memcmp(t + k, "~~~", 3) == 0))
			fence = !fence;
		if (i >= want && !fence && (e == i || (e == i + 1 &&
		    t[i] == '\r')))
			return e + 1 < n ? e + 1 : 0;
		i = e + 1;
	}
	return 0;
}

/* Render the first CUT bytes of SRC as format F, standing for SRC. */
static struct render *
render_prefix(struct doc *src, const struct render_opts *opts,
    enum render_format f, size_t cut)
{
	struct doc *pre = doc_new_mem(src->text, cut, src->name);
	struct render_opts o = *opts;
	struct render *r;

	pre->encoding = src->encoding;
	o.prefix = 0;
	o.format = f;
	o.reflow = RENDER_REFLOW_ON;	/* SRC was found wrapped */
	r = render_doc(pre, &o);
	if (r->identity) {
		render_free(r);
		doc_free(pre);
		o = *opts;
		o.prefix = 0;
		return render_doc(src, &o);
	}
	/* Its source is the whole text: line numbers, places and the
	 * map's offsets are the same (a prefix starts where SRC does). */
	r->src = src;
	r->parts[0].text = src->text;
	r->parts[0].len = src->len;
	r->partial = 1;
	r->src_done = cut;
	r->prefix_doc = pre;
	return r;
}

/*
 * The byte where the part of table cell text S (from FROM, N bytes in
 * all) that fits in COLS ends: at the last line-break opportunity (UAX
 * #14: a space, between CJK characters, never before 。，、 or after an
 * opening bracket) that fits; at least one cluster.
 */
size_t
render_cell_break(const char *s, size_t from, size_t n, int cols)
{
	int used;
	size_t k = width_fit(s + from, n - from, cols, &used), j;
	char *brk;

	if (k == 0) {
		struct width_cluster cl;

		width_next_cluster(s + from, n - from, &cl);
		return from + (cl.len ? cl.len : 1);
	}
	if (from + k >= n)
		return n;
	brk = xmalloc(n - from);
	u8_possible_linebreaks((const uint8_t *)s + from, n - from, "UTF-8",
	    brk);
	/* A break before byte from + k itself is fine: what fits ends. */
	for (j = k; j > 0; j--)
		if (brk[j] == UC_BREAK_POSSIBLE)
			break;
	free(brk);
	if (j == 0 && k > 0) {
		/* No opportunity fits: cut what fits, but not right before a
		 * mark that may not start a row (Markdown、 in 8 columns:
		 * Markdow, then n、). */
		uint32_t cp;
		size_t back = utf8_prev(s + from, 0, k);

		utf8_decode(s + from + k, n - from - k, &cp);
		if (layout_no_start(cp) && back > 0)
			return from + back;
	}
	return j > 0 ? from + j : from + k;
}

int
render_cell_word(const char *s, size_t n)
{
	int best = 1;

	for (size_t a = 0; a < n;) {
		size_t b = a;

		while (b < n && s[b] != ' ' && (unsigned char)s[b] < 0x80)
			b++;
		if ((int)(b - a) > best)
			best = (int)(b - a);
		a = b > a ? b : a + 1;
	}
	return best > 16 ? 16 : best;
}

void
render_table_shrink(int *w, const int *word, unsigned ncols, int avail)
{
	int total = 0;

	for (unsigned j = 0; j < ncols; j++)
		total += w[j];
	for (int pass = 0; pass < 2 && total > avail; pass++) {
		while (total > avail) {
			int widest = -1;

			for (unsigned j = 0; j < ncols; j++)
				if (w[j] > (pass ? 4 : word[j]) &&
				    (widest < 0 || w[j] > w[widest]))
					widest = (int)j;
			if (widest < 0)
				break;
			w[widest]--;
			total--;
		}
	}
}

struct doc *
render_place_doc(struct doc *doc)
{
	const struct render *r = doc->render;

	return r != NULL && !r->identity && r->nparts <= 1 ? r->src : doc;
}

int
render_stale(const struct render *r, int cols)
{
	return r != NULL && r->sized && (r->width_cols != cols ||
	    r->ambiguous != (int)width_get_ambiguous());
}
