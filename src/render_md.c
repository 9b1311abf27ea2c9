/*
 * Markdown, rendered with md4c (CommonMark with GitHub's tables,
 * strikethrough and task lists) into the rendered-text model: headings
 * without '#', emphasis as styles, lists with their marks, quotes with a
 * bar, code verbatim, links numbered with their addresses listed at the
 * end of each section, images as [图: alt], HTML reduced to its text,
 * footnotes ([^x]) numbered and listed, and tables laid out by display
 * width with ASCII rules (their width is the same in every terminal).
 * What md4c hands over points into the source, so the map is exact for
 * text; marks made here stand for the source byte nearest them.
 */
#include "yuedu/render.h"

#include <md4c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_int.h"
#include "yuedu/doc.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

#define MD_DEPTH 32

/* A cell's text: bytes with the source they came from. */
struct md_seg {
	size_t off;		/* byte offset in the cell's text */
	size_t src;		/* source byte */
	size_t len;
	int copied;
};

struct md_cell {
	char *text;
	size_t len, cap;
	struct md_seg *segs;
	size_t nsegs, segs_cap;
	int align;		/* MD_ALIGN */
	size_t src;		/* source byte of the cell's start */
};

struct md_list {
	int ordered;
	unsigned next;		/* the next item's number */
	int tight;
};

struct md {
	struct render *r;
	const char *src;	/* the source text */
	size_t src_len;
	size_t last_src;	/* source byte of the last text seen */
	int width_cols;

	struct md_list lists[MD_DEPTH];
	int nlists;
	int quote;		/* quote depth */
	int code_col;		/* columns on the code row so far */
	int code_cont;		/* that row goes on a longer line (↪) */
	int in_code;
	int in_heading;
	int in_image;		/* inside ![alt](...): text is the alt */
	int in_table;
	int line_start;		/* the next text starts a shown line */
	int pending_space;	/* a soft break waits to know its neighbours */
	uint32_t last_cp;	/* last code point shown */
	int item_first;		/* the next paragraph is its item's first */
	size_t links_listed;	/* links whose addresses are listed */
	int strong_fallback;	/* ** that CommonMark left as text is open */
	int in_link;		/* inside a link's text */
	int link_fn;		/* that link is a footnote reference [^x] */
	char fn_label[32];

	/* The table being collected. */
	struct md_cell *cells;
	size_t ncells, cells_cap;
	unsigned ncols;
	size_t row_start;	/* first cell of the current row */
	size_t *row_first;	/* first cell of each row */
	size_t nrows, rows_cap;
	int cell_open;
	int aligns[64];

	/* Footnotes found in the source: label -> number. */
	char **fn_labels;
	size_t nfn, fn_cap;
};

/* Blank lines between blocks: end the shown line, then one empty line. */
static void
md_block_gap(struct md *m)
{
	struct render *r = m->r;
	size_t n = render_len(r);
	const char *b = render_buf(r);

	if (n == 0)
		return;
	if (b[n - 1] != '\n')
		render_gen(r, "\n", 1, m->last_src);
	n = render_len(r);
	b = render_buf(r);
	if (n >= 2 && b[n - 2] == '\n')
		return;
	render_gen(r, "\n", 1, m->last_src);
	m->line_start = 1;
}

/* End the shown line if one is open. */
static void
md_newline(struct md *m)
{
	size_t n = render_len(m->r);

	if (n > 0 && render_buf(m->r)[n - 1] != '\n')
		render_gen(m->r, "\n", 1, m->last_src);
	m->line_start = 1;
}

/* What starts every shown line inside quotes: a bar per depth. */
static void
md_line_prefix(struct md *m)
{
	if (!m->line_start)
		return;
	m->line_start = 0;
	if (m->quote > 0) {
		render_style_push(m->r, RENDER_STYLE_QUOTE);
		for (int i = 0; i < m->quote; i++)
			render_gen(m->r, "| ", 2, m->last_src);
		render_style_pop(m->r);
	}
	if (!m->item_first && m->nlists > 0 && !m->in_code) {
		/* A later paragraph of an item: under the item's text. */
		for (int i = 0; i < m->nlists; i++)
			render_gen(m->r, "   ", 3, m->last_src);
	}
}

/* Is SRC..SRC+N inside the source text (md4c also hands static text)? */
static int
md_in_src(const struct md *m, const char *s, size_t n)
{
	return s >= m->src && s + n <= m->src + m->src_len;
}

/* Add N bytes S to the open table cell. */
static void
md_cell_add(struct md *m, const char *s, size_t n, size_t src, int copied)
{
	struct md_cell *c;
	struct md_seg *g;

	if (m->ncells == 0 || n == 0)
		return;
	c = &m->cells[m->ncells - 1];
	c->text = xgrow(c->text, &c->cap, c->len + n + 1, 1);
	memcpy(c->text + c->len, s, n);
	c->segs = xgrow(c->segs, &c->segs_cap, c->nsegs + 1, sizeof *c->segs);
	g = &c->segs[c->nsegs++];
	g->off = c->len;
	g->src = src;
	g->len = n;
	g->copied = copied;
	c->len += n;
}

/* Show S (N bytes): source text when it points into the source. */
static void
md_emit(struct md *m, const char *s, size_t n)
{
	int copied = md_in_src(m, s, n);
	size_t src = copied ? (size_t)(s - m->src) : m->last_src;

	if (n == 0)
		return;
	if (m->in_table && m->cell_open) {
		md_cell_add(m, s, n, src, copied);
		if (copied)
			m->last_src = src + n;
		return;
	}
	if (m->pending_space) {
		uint32_t first;

		utf8_decode(s, n, &first);
		m->pending_space = 0;
		/* Between CJK nothing; between Latin words a space. */
		if (!(width_codepoint(m->last_cp) == 2 ||
		    width_codepoint(first) == 2 || (m->last_cp >= 0x3000 &&
		    m->last_cp <= 0x303f) || (m->last_cp >= 0xff00 &&
		    m->last_cp <= 0xffef)))
			render_gen(m->r, " ", 1, m->last_src);
	}
	md_line_prefix(m);
	if (copied)
		render_text(m->r, s, n, src);
	else
		render_gen(m->r, s, n, src);
	if (copied)
		m->last_src = src + n;
	{
		size_t i = utf8_prev(s, 0, n);

		utf8_decode(s + i, n - i, &m->last_cp);
	}
}

/*
 * Normal text, with what CommonMark leaves undone next to CJK: "**真，**她"
 * is not strong by the flanking rules (the closing ** follows punctuation
 * and precedes a letter), yet it is what the writer meant; a ** with a
 * partner later in the same text run opens or closes strong.  Footnote
 * references [^x] become marks.
 */
static void
md_text_normal(struct md *m, const char *s, size_t n)
{
	size_t from = 0;

	/* md4c 0.4.8 has no footnotes: "[^1]: note" is a link reference
	 * definition to it, so [^1] arrives as a link whose text is ^1. */
	if (m->in_link == 1 && n > 1 && s[0] == '^' && !m->link_fn) {
		char mark[48];

		m->link_fn = 1;
		snprintf(m->fn_label, sizeof m->fn_label, "%.*s",
		    (int)(n - 1 > 20 ? 20 : n - 1), s + 1);
		snprintf(mark, sizeof mark, "[注%s]", m->fn_label);
		render_style_push(m->r, RENDER_STYLE_MARK);
		md_emit(m, mark, strlen(mark));
		render_style_pop(m->r);
		return;
	}

	for (size_t i = 0; i + 1 < n; i++) {
		if (s[i] == '*' && s[i + 1] == '*' && !m->in_code) {
			int close = m->strong_fallback;

			if (!close && memmem(s + i + 2, n - i - 2, "**", 2) ==
			    NULL)
				continue;
			md_emit(m, s + from, i - from);
			if (md_in_src(m, s + i, 2))
				m->last_src = (size_t)(s + i - m->src) + 2;
			if (close)
				render_style_pop(m->r);
			else
				render_style_push(m->r, RENDER_STYLE_STRONG);
			m->strong_fallback = !close;
			i++;
			from = i + 1;
			continue;
		}
		if (s[i] == '[' && s[i + 1] == '^') {
			const char *e = memchr(s + i, ']', n - i);
			char num[32];

			if (e == NULL || e - (s + i) > 40)
				continue;
			md_emit(m, s + from, i - from);
			snprintf(num, sizeof num, "[注%.*s]",
			    (int)(e - (s + i) - 2), s + i + 2);
			if (md_in_src(m, s + i, 1))
				m->last_src = (size_t)(s + i - m->src);
			render_style_push(m->r, RENDER_STYLE_MARK);
			md_emit(m, num, strlen(num));
			render_style_pop(m->r);
			from = (size_t)(e - s) + 1;
			i = from - 1;
		}
	}
	md_emit(m, s + from, n - from);
}

/* HTML reduced to its text: tags dropped, <img alt> as [图: alt]. */
static void
md_text_html(struct md *m, const char *s, size_t n)
{
	size_t i = 0, from = 0;

	while (i < n) {
		if (s[i] != '<') {
			i++;
			continue;
		}
		md_emit(m, s + from, i - from);
		{
			const char *e = memchr(s + i, '>', n - i);
			size_t end = e ? (size_t)(e - s) + 1 : n;
			const char *alt = NULL;

			if (end - i > 4 && (s[i + 1] == 'i' || s[i + 1] == 'I') &&
			    (s[i + 2] == 'm' || s[i + 2] == 'M'))
				alt = memmem(s + i, end - i, "alt=\"", 5);
			if (alt != NULL) {
				const char *q = memchr(alt + 5, '"',
				    (size_t)(s + end - (alt + 5)));

				if (q != NULL && q > alt + 5) {
					render_style_push(m->r,
					    RENDER_STYLE_MARK);
					md_emit(m, "[图: ", strlen("[图: "));
					md_emit(m, alt + 5, (size_t)(q -
					    (alt + 5)));
					md_emit(m, "]", 1);
					render_style_pop(m->r);
				}
			}
			/* <br> and block tags end a line. */
			if (end - i >= 4 && (strncmp(s + i, "<br", 3) == 0 ||
			    strncmp(s + i, "<p", 2) == 0 ||
			    strncmp(s + i, "</p", 3) == 0 ||
			    strncmp(s + i, "<div", 4) == 0 ||
			    strncmp(s + i, "</h", 3) == 0) &&
			    !m->in_table && render_len(m->r) > 0 &&
			    !m->line_start)
				md_newline(m);
			i = from = end;
		}
	}
	if (from < n) {
		/* Drop the line ends of an HTML block. */
		const char *p = s + from;
		size_t k = n - from;

		while (k > 0 && (p[k - 1] == '\n' || p[k - 1] == ' '))
			k--;
		while (k > 0 && (*p == '\n' || *p == ' ')) {
			p++;
			k--;
		}
		md_emit(m, p, k);
	}
}

/* A few named entities and numeric ones. */
static void
md_text_entity(struct md *m, const char *s, size_t n)
{
	static const struct {
		const char *name, *utf8;
	} ents[] = {
		{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
		{ "&quot;", "\"" }, { "&nbsp;", " " }, { "&apos;", "'" },
		{ "&copy;", "©" }, { "&mdash;", "—" }, { "&hellip;", "…" },
		{ "&emsp;", "\xe3\x80\x80" }, { "&ensp;", " " },
	};
	char out[8];

	for (size_t i = 0; i < sizeof ents / sizeof ents[0]; i++) {
		if (strlen(ents[i].name) == n && memcmp(ents[i].name, s, n) ==
		    0) {
			md_emit(m, ents[i].utf8, strlen(ents[i].utf8));
			return;
		}
	}
	if (n > 3 && s[1] == '#') {
		unsigned long cp = s[2] == 'x' || s[2] == 'X' ?
		    strtoul(s + 3, NULL, 16) : strtoul(s + 2, NULL, 10);
		size_t k = cp >= 0x20 ? utf8_encode((uint32_t)cp, out) : 0;

		if (k > 0) {
			md_emit(m, out, k);
			return;
		}
	}
	md_emit(m, s, n);
}

/* The addresses of the links shown since the last list, as a block. */
static void
md_list_links(struct md *m)
{
	struct render *r = m->r;

	if (m->links_listed >= r->nlinks)
		return;
	md_block_gap(m);
	render_block_begin(r, RENDER_BLOCK_NOTES, 0);
	for (size_t i = m->links_listed; i < r->nlinks; i++) {
		char num[32];
		size_t src = r->links[i].src;

		if (r->links[i].num == 0) {
			/* A footnote: "[注1] its text". */
			render_gen_str(r, r->links[i].url, src);
			render_gen(r, "\n", 1, src);
			continue;
		}
		snprintf(num, sizeof num, "[%d] ", r->links[i].num);
		render_style_push(r, RENDER_STYLE_MARK);
		render_gen_str(r, num, src);
		render_style_pop(r);
		render_style_push(r, RENDER_STYLE_LINK);
		render_gen_str(r, r->links[i].url, src);
		render_style_pop(r);
		render_gen(r, "\n", 1, src);
	}
	render_block_end(r);
	m->links_listed = r->nlinks;
	m->line_start = 1;
}

/* ---- Tables. ---- */

/* Columns of cell text S (N bytes). */
static int
md_cols(const char *s, size_t n)
{
	return width_string(s, n);
}

/* Emit bytes [A, B) of cell C, mapped through its segments. */
static void
md_cell_emit(struct md *m, const struct md_cell *c, size_t a, size_t b)
{
	for (size_t i = 0; i < c->nsegs && a < b; i++) {
		const struct md_seg *g = &c->segs[i];
		size_t s0 = g->off, s1 = g->off + g->len, x, y;

		if (s1 <= a || s0 >= b)
			continue;
		x = a > s0 ? a : s0;
		y = b < s1 ? b : s1;
		if (g->copied)
			render_text(m->r, c->text + x, y - x, g->src + (x -
			    s0));
		else
			render_gen(m->r, c->text + x, y - x, g->src);
	}
}

static void
md_pad(struct md *m, int n)
{
	static const char sp[] = "                                ";

	while (n > 0) {
		int k = n > 32 ? 32 : n;

		render_gen(m->r, sp, (size_t)k, m->last_src);
		n -= k;
	}
}

static void
md_table_rule(struct md *m, const int *w, unsigned ncols, size_t src)
{
	render_style_push(m->r, RENDER_STYLE_MARK);
	md_line_prefix(m);
	for (unsigned j = 0; j < ncols; j++) {
		render_gen(m->r, "+", 1, src);
		for (int k = 0; k < w[j] + 2; k++)
			render_gen(m->r, "-", 1, src);
	}
	render_gen(m->r, "+", 1, src);
	render_style_pop(m->r);
	render_gen(m->r, "\n", 1, src);
	m->line_start = 1;
}

/* Lay the collected table out by display width and show it. */
/* The widest word of column J (render_cell_word()). */
static int
md_table_word(const struct md *m, unsigned j, unsigned ncols)
{
	int best = 1;

	for (size_t i = 0; i < m->nrows; i++) {
		size_t first = m->row_first[i];
		size_t end = i + 1 < m->nrows ? m->row_first[i + 1] : m->ncells;
		const struct md_cell *c;
		int cw;

		if (first + j >= end || j >= ncols)
			continue;
		c = &m->cells[first + j];
		if (c->text != NULL && (cw = render_cell_word(c->text,
		    c->len)) > best)
			best = cw;
	}
	return best;
}

static void
md_table_flush(struct md *m)
{
	unsigned ncols = m->ncols ? m->ncols : 1;
	int w[64], total = 0, avail;

	m->r->sized = 1;

	if (ncols > 64)
		ncols = 64;
	for (unsigned j = 0; j < ncols; j++)
		w[j] = 1;
	for (size_t i = 0; i < m->nrows; i++) {
		size_t first = m->row_first[i];
		size_t end = i + 1 < m->nrows ? m->row_first[i + 1] : m->ncells;

		for (size_t k = first; k < end && k - first < ncols; k++) {
			int c = md_cols(m->cells[k].text ? m->cells[k].text :
			    "", m->cells[k].len);

			if (c > w[k - first])
				w[k - first] = c;
		}
	}
	/* Wider than the screen: the widest columns give way and their
	 * cells wrap; first down to their longest word (a date, a number,
	 * up to 16 columns), then down to a few columns each. */
	avail = m->width_cols - (int)ncols * 3 - 1 - m->quote * 2;
	for (unsigned j = 0; j < ncols; j++)
		total += w[j];
	if (total > avail) {
		int word[64];

		for (unsigned j = 0; j < ncols; j++)
			word[j] = md_table_word(m, j, ncols);
		render_table_shrink(w, word, ncols, avail);
	}
	render_block_begin(m->r, RENDER_BLOCK_TABLE, 0);
	md_newline(m);
	md_table_rule(m, w, ncols, m->nrows ? m->cells[0].src : m->last_src);
	for (size_t i = 0; i < m->nrows; i++) {
		size_t first = m->row_first[i];
		size_t end = i + 1 < m->nrows ? m->row_first[i + 1] : m->ncells;
		size_t pos[64];
		int more = 1;

		for (unsigned j = 0; j < ncols; j++)
			pos[j] = 0;
		while (more) {
			more = 0;
			md_line_prefix(m);
			for (unsigned j = 0; j < ncols; j++) {
				struct md_cell *c = first + j < end ?
				    &m->cells[first + j] : NULL;
				size_t a = pos[j], b;
				int cw, left;

				render_style_push(m->r, RENDER_STYLE_MARK);
				render_gen(m->r, j ? " | " : "| ", j ? 3 : 2,
				    c ? c->src : m->last_src);
				render_style_pop(m->r);
				if (c == NULL || a >= c->len) {
					md_pad(m, w[j]);
					continue;
				}
				while (a < c->len && c->text[a] == ' ')
					a++;
				b = render_cell_break(c->text, a, c->len, w[j]);
				cw = md_cols(c->text + a, b - a);
				left = w[j] - cw;
				if (c->align == MD_ALIGN_RIGHT)
					md_pad(m, left);
				else if (c->align == MD_ALIGN_CENTER)
					md_pad(m, left / 2);
				if (i == 0)
					render_style_push(m->r,
					    RENDER_STYLE_STRONG);
				md_cell_emit(m, c, a, b);
				if (i == 0)
					render_style_pop(m->r);
				if (c->align == MD_ALIGN_RIGHT)
					;
				else if (c->align == MD_ALIGN_CENTER)
					md_pad(m, left - left / 2);
				else
					md_pad(m, left);
				pos[j] = b;
				if (b < c->len)
					more = 1;
			}
			render_style_push(m->r, RENDER_STYLE_MARK);
			render_gen(m->r, " |", 2, m->last_src);
			render_style_pop(m->r);
			render_gen(m->r, "\n", 1, m->last_src);
			m->line_start = 1;
		}
		if (i == 0 || i + 1 == m->nrows)
			md_table_rule(m, w, ncols, m->last_src);
	}
	render_block_end(m->r);
	for (size_t i = 0; i < m->ncells; i++) {
		free(m->cells[i].text);
		free(m->cells[i].segs);
	}
	m->ncells = 0;
	m->nrows = 0;
}

/* ---- md4c callbacks. ---- */

static int
md_enter_block(MD_BLOCKTYPE type, void *detail, void *arg)
{
	struct md *m = arg;
	struct render *r = m->r;

	switch (type) {
	case MD_BLOCK_DOC:
		break;
	case MD_BLOCK_QUOTE:
		md_block_gap(m);
		m->quote++;
		render_block_begin(r, RENDER_BLOCK_QUOTE, m->quote);
		render_block_hang(r, 0, 2);
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		if (m->nlists == 0)
			md_block_gap(m);
		else
			md_newline(m);
		if (m->nlists < MD_DEPTH) {
			struct md_list *l = &m->lists[m->nlists];

			l->ordered = type == MD_BLOCK_OL;
			l->next = l->ordered ?
			    ((MD_BLOCK_OL_DETAIL *)detail)->start : 0;
			l->tight = l->ordered ?
			    ((MD_BLOCK_OL_DETAIL *)detail)->is_tight :
			    ((MD_BLOCK_UL_DETAIL *)detail)->is_tight;
		}
		m->nlists++;
		break;
	case MD_BLOCK_LI: {
		MD_BLOCK_LI_DETAIL *d = detail;
		struct md_list *l = &m->lists[(m->nlists > MD_DEPTH ? MD_DEPTH :
		    m->nlists) - 1];
		char mark[32];
		int depth = m->nlists, k;

		md_newline(m);
		if (!l->tight && render_len(r) > 0)
			md_block_gap(m);
		render_block_begin(r, RENDER_BLOCK_LIST_ITEM, depth);
		m->item_first = 1;
		md_line_prefix(m);
		for (int i = 1; i < depth; i++)
			render_gen(r, "   ", 3, m->last_src);
		if (l->ordered)
			k = snprintf(mark, sizeof mark, "%u. ", l->next++);
		else
			k = snprintf(mark, sizeof mark, "%s ", depth % 2 ?
			    "-" : "◦");
		if (d->is_task)
			k += snprintf(mark + k, sizeof mark - (size_t)k,
			    "[%c] ", d->task_mark == ' ' ? ' ' : 'x');
		render_style_push(r, RENDER_STYLE_MARK);
		render_gen(r, mark, (size_t)k, m->last_src);
		render_style_pop(r);
		render_block_hang(r, (depth - 1) * 3 + md_cols(mark,
		    (size_t)k), 0);
		break;
	}
	case MD_BLOCK_HR:
		md_block_gap(m);
		render_block_begin(r, RENDER_BLOCK_RULE, 0);
		md_line_prefix(m);
		render_style_push(r, RENDER_STYLE_MARK);
		render_gen_str(r, "----------------------------------------",
		    m->last_src);
		render_style_pop(r);
		render_gen(r, "\n", 1, m->last_src);
		render_block_end(r);
		m->line_start = 1;
		break;
	case MD_BLOCK_H:
		/* A new section: the last one's link addresses first. */
		md_list_links(m);
		md_block_gap(m);
		render_block_begin(r, RENDER_BLOCK_HEADING,
		    (int)((MD_BLOCK_H_DETAIL *)detail)->level);
		md_line_prefix(m);
		render_heading_begin(r, (int)((MD_BLOCK_H_DETAIL *)
		    detail)->level);
		m->in_heading = 1;
		break;
	case MD_BLOCK_CODE:
		md_block_gap(m);
		render_block_begin(r, RENDER_BLOCK_CODE, 0);
		render_style_push(r, RENDER_STYLE_CODE);
		m->in_code = 1;
		m->code_col = m->code_cont = 0;
		break;
	case MD_BLOCK_HTML:
		md_block_gap(m);
		render_block_begin(r, RENDER_BLOCK_PARA, 0);
		break;
	case MD_BLOCK_P:
		if (m->nlists > 0 && m->item_first)
			;	/* the item's text follows its mark */
		else
			md_block_gap(m);
		render_block_begin(r, RENDER_BLOCK_PARA, 0);
		break;
	case MD_BLOCK_TABLE: {
		MD_BLOCK_TABLE_DETAIL *d = detail;

		md_block_gap(m);
		m->in_table = 1;
		m->ncols = d->col_count;
		m->ncells = m->nrows = 0;
		break;
	}
	case MD_BLOCK_THEAD:
	case MD_BLOCK_TBODY:
		break;
	case MD_BLOCK_TR:
		m->row_first = xgrow(m->row_first, &m->rows_cap, m->nrows + 1,
		    sizeof *m->row_first);
		m->row_first[m->nrows++] = m->ncells;
		break;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD: {
		struct md_cell *c;

		m->cells = xgrow(m->cells, &m->cells_cap, m->ncells + 1,
		    sizeof *m->cells);
		c = &m->cells[m->ncells++];
		memset(c, 0, sizeof *c);
		c->align = ((MD_BLOCK_TD_DETAIL *)detail)->align;
		c->src = m->last_src;
		m->cell_open = 1;
		break;
	}
	}
	return 0;
}

static int
md_leave_block(MD_BLOCKTYPE type, void *detail, void *arg)
{
	struct md *m = arg;
	struct render *r = m->r;

	switch (type) {
	case MD_BLOCK_DOC:
		md_list_links(m);
		break;
	case MD_BLOCK_QUOTE:
		md_newline(m);
		render_block_end(r);
		if (m->quote > 0)
			m->quote--;
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		md_newline(m);
		if (m->nlists > 0)
			m->nlists--;
		break;
	case MD_BLOCK_LI:
		md_newline(m);
		render_block_end(r);
		m->item_first = 0;
		break;
	case MD_BLOCK_H:
		render_heading_end(r);
		md_newline(m);
		render_block_end(r);
		m->in_heading = 0;
		break;
	case MD_BLOCK_CODE:
		md_newline(m);
		render_style_pop(r);
		render_block_end(r);
		m->in_code = 0;
		break;
	case MD_BLOCK_HTML:
	case MD_BLOCK_P:
		if (m->strong_fallback) {
			render_style_pop(r);
			m->strong_fallback = 0;
		}
		m->pending_space = 0;
		md_newline(m);
		render_block_end(r);
		m->item_first = 0;
		break;
	case MD_BLOCK_TABLE:
		m->in_table = 0;
		md_table_flush(m);
		break;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		m->cell_open = 0;
		break;
	default:
		break;
	}
	return 0;
}

static int
md_enter_span(MD_SPANTYPE type, void *detail, void *arg)
{
	struct md *m = arg;
	struct render *r = m->r;

	if (m->in_table) {
		/* XXX: cells keep their text, not styles; a link is
		 * numbered, its address listed with the others. */
		if (type == MD_SPAN_A && !m->in_image) {
			MD_SPAN_A_DETAIL *d = detail;

			render_link_begin(r, d->href.text, d->href.size);
			render_style_pop(r);
			if (md_in_src(m, d->href.text, d->href.size))
				r->links[r->nlinks - 1].src =
				    (size_t)(d->href.text - m->src);
		}
		return 0;
	}
	switch (type) {
	case MD_SPAN_EM:
		render_style_push(r, RENDER_STYLE_EM);
		break;
	case MD_SPAN_STRONG:
		render_style_push(r, RENDER_STYLE_STRONG);
		break;
	case MD_SPAN_DEL:
		render_style_push(r, RENDER_STYLE_STRIKE);
		break;
	case MD_SPAN_CODE:
		render_style_push(r, RENDER_STYLE_CODE);
		break;
	case MD_SPAN_U:
		render_style_push(r, RENDER_STYLE_UNDERLINE);
		break;
	case MD_SPAN_A: {
		MD_SPAN_A_DETAIL *d = detail;

		if (m->in_image)
			break;
		md_line_prefix(m);
		render_link_begin(r, d->href.text, d->href.size);
		if (md_in_src(m, d->href.text, d->href.size))
			r->links[r->nlinks - 1].src =
			    (size_t)(d->href.text - m->src);
		m->in_link++;
		m->link_fn = 0;
		break;
	}
	case MD_SPAN_IMG:
		md_line_prefix(m);
		render_style_push(r, RENDER_STYLE_MARK);
		md_emit(m, "[图: ", strlen("[图: "));
		m->in_image++;
		break;
	default:
		break;
	}
	return 0;
}

static int
md_leave_span(MD_SPANTYPE type, void *detail, void *arg)
{
	struct md *m = arg;
	struct render *r = m->r;

	if (m->in_table) {
		if (type == MD_SPAN_A && !m->in_image && r->nlinks > 0) {
			char num[24];

			snprintf(num, sizeof num, "[%d]",
			    r->links[r->nlinks - 1].num);
			md_cell_add(m, num, strlen(num), m->last_src, 0);
		}
		return 0;
	}
	switch (type) {
	case MD_SPAN_EM:
	case MD_SPAN_STRONG:
	case MD_SPAN_DEL:
	case MD_SPAN_CODE:
	case MD_SPAN_U:
		render_style_pop(r);
		break;
	case MD_SPAN_A:
		if (m->in_image)
			break;
		if (m->in_link > 0)
			m->in_link--;
		if (m->link_fn) {
			/* A footnote: listed with its label, no number. */
			struct render_link *l = &r->links[r->nlinks - 1];
			char *t = xasprintf("[注%s] %s", m->fn_label, l->url);

			render_style_pop(r);
			free(l->url);
			l->url = t;
			l->num = 0;
			m->link_fn = 0;
		} else {
			render_link_end(r);
		}
		break;
	case MD_SPAN_IMG:
		md_emit(m, "]", 1);
		render_style_pop(r);
		if (m->in_image > 0)
			m->in_image--;
		break;
	default:
		break;
	}
	return 0;
}

/*
 * A line of code: never reflowed, never broken by the line-breaking
 * rules; a line wider than the text width goes on in rows that start
 * with a visible mark (↪, narrow in every terminal).
 */
static void
md_code_line(struct md *m, const char *s, size_t n)
{
	int avail = m->width_cols - m->quote * 2 - m->nlists * 3 - 2;

	m->r->sized = 1;

	if (avail < 8)
		avail = 8;
	/* md4c may hand a line in pieces: the row's columns go on from
	 * the piece before (m->code_col). */
	while (n > 0) {
		int used = 0, room = (m->code_cont ? avail : avail + 2) -
		    m->code_col;
		size_t k = room > 0 ? width_fit(s, n, room, &used) : 0;

		if (k == 0 && m->code_col == 0) {
			/* Wider than a whole row: one character anyway. */
			struct width_cluster c;

			width_next_cluster(s, n, &c);
			k = c.len ? c.len : 1;
			used = c.cols;
		}
		if (k == 0) {
			md_emit(m, "\n", 1);
			m->line_start = 1;
			md_line_prefix(m);
			render_style_push(m->r, RENDER_STYLE_MARK);
			md_emit(m, "↪ ", strlen("↪ "));
			render_style_pop(m->r);
			m->code_cont = 1;
			m->code_col = 0;
			continue;
		}
		md_emit(m, s, k);
		m->code_col += used;
		s += k;
		n -= k;
	}
}

static int
md_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *arg)
{
	struct md *m = arg;

	switch (type) {
	case MD_TEXT_NORMAL:
		if (m->in_code)
			md_emit(m, text, size);
		else
			md_text_normal(m, text, size);
		break;
	case MD_TEXT_CODE:
		if (m->in_code) {
			/* Line by line, so a quote's bar starts each. */
			size_t from = 0;

			for (size_t i = 0; i < size; i++) {
				if (text[i] != '\n')
					continue;
				md_code_line(m, text + from, i - from);
				md_emit(m, "\n", 1);
				m->line_start = 1;
				m->code_col = m->code_cont = 0;
				from = i + 1;
			}
			md_code_line(m, text + from, size - from);
		} else {
			md_emit(m, text, size);
		}
		break;
	case MD_TEXT_BR:
		if (m->in_table)
			md_emit(m, " ", 1);
		else {
			md_emit(m, "\n", 1);
			m->line_start = 1;
		}
		break;
	case MD_TEXT_SOFTBR:
		if (m->in_table || m->in_heading)
			md_emit(m, " ", 1);
		else
			m->pending_space = 1;
		break;
	case MD_TEXT_HTML:
		md_text_html(m, text, size);
		break;
	case MD_TEXT_ENTITY:
		md_text_entity(m, text, size);
		break;
	case MD_TEXT_NULLCHAR:
		md_emit(m, "\xef\xbf\xbd", 3);
		break;
	default:
		md_emit(m, text, size);
		break;
	}
	return 0;
}

/* The parse stops (md4c: a callback not 0) when the rendering is asked to. */
static int
md_enter_block_stop(MD_BLOCKTYPE type, void *detail, void *arg)
{
	struct md *m = arg;

	return m->r->stopped ? -1 : md_enter_block(type, detail, arg);
}

static int
md_text_stop(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *arg)
{
	struct md *m = arg;

	md_text(type, text, size, arg);
	return m->r->stopped ? -1 : 0;
}

struct render *
render_md_render(struct doc *src, const struct render_opts *o)
{
	struct md m;
	MD_PARSER p;

	if (src->len > (size_t)UINT32_MAX - 1)
		return render_text_render(src, 0, NULL);	/* md4c's MD_SIZE */
	memset(&m, 0, sizeof m);
	memset(&p, 0, sizeof p);
	m.r = render_begin(src, RENDER_MARKDOWN);
	m.r->stop = o->stop;
	m.src = src->text;
	m.src_len = src->len;
	m.width_cols = o->width_cols > 0 ? o->width_cols : 80;
	m.line_start = 1;
	p.flags = MD_DIALECT_GITHUB;
	p.enter_block = md_enter_block_stop;
	p.leave_block = md_leave_block;
	p.enter_span = md_enter_span;
	p.leave_span = md_leave_span;
	p.text = md_text_stop;
	md_parse(src->text, (MD_SIZE)src->len, &p, &m);
	free(m.cells);
	free(m.row_first);
	return render_finish(m.r);
}
