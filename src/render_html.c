/*
 * HTML and EPUB rendered: the walk from a parsed page (html.c) or from
 * each chapter of a book (epub.c) into the rendered text (render.h).
 * Blocks become lines and blank lines, inline elements styles, <ruby> an
 * inline annotation "漢(hàn)" that annot.c finds like any other, links
 * reference numbers with their addresses listed at the end of the
 * section, images "[图: alt]".  Text maps to its source bytes (html.c
 * says how exactly); made-up bytes stand for the element they come from.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "html_int.h"
#include "render_int.h"
#include "yuedu/doc.h"
#include "yuedu/epub.h"
#include "yuedu/html.h"
#include "yuedu/render.h"
#include "yuedu/uchar.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

#define HW_DEPTH_MAX 200	/* deeper elements are flattened */
#define HW_QUOTE_BAR "| "	/* as Markdown's: ASCII, one width */

struct hw_link {
	int num;
	char *url;
};

struct hw {
	struct render *r;
	const char *src;	/* the part's source text */
	size_t src_len;
	int page;		/* a web page: chrome dropped, title heading */
	int book;		/* an EPUB chapter: links inside the book
				   carry no numbers, headings from the toc */
	int headings;		/* record h1-h6 as outline headings */
	int pre;		/* inside <pre>: blanks kept */
	int space;		/* a collapsed blank is pending */
	int space_nl;		/* ... and it held a line end */
	int line_empty;		/* nothing shown on the current line */
	int blank;		/* the line before is empty (a blank line
				   ends the text so far) */
	int para;		/* a paragraph block is open */
	int list_depth;
	int quote_depth;
	int in_heading;
	int width_cols;		/* the screen's, for tables; 0 = 80 */
	int ol_num[16];		/* next number of each open <ol>, 0 = ul */
	int nol;
	size_t depth;		/* element depth, for the guard */
	struct hw_link *links;	/* links of the section, not yet listed */
	size_t nlinks, links_cap;
	/* Element ids wanted (EPUB table-of-contents fragments): the
	 * shown offset of each is noted. */
	char **ids;
	size_t *id_off;
	size_t nids;
};

static size_t
hw_src(const xmlNode *node)
{
	size_t off;

	for (; node != NULL; node = node->parent) {
		html_node_src(node, &off);
		if (off != (size_t)-1)
			return off;
	}
	return 0;
}

/* The last code point shown, or 0. */
static uint32_t
hw_last_cp(const struct hw *w)
{
	size_t len = render_len(w->r), p;
	const char *b = render_buf(w->r);
	uint32_t cp;

	if (len == 0)
		return 0;
	p = utf8_prev(b, 0, len);
	utf8_decode(b + p, len - p, &cp);
	return cp;
}

static int
hw_is_cjk(uint32_t cp)
{
	return cp != UTF8_INVALID && cp >= 0x2E80 && (uchar_is_han(cp) ||
	    (cp >= 0x3000 && cp <= 0x30FF) || (cp >= 0xFF00 && cp <=
	    0xFFEF));
}

/* End the current line (once). */
static void
hw_newline(struct hw *w, size_t src)
{
	if (w->para) {
		render_block_end(w->r);
		w->para = 0;
	}
	if (!w->line_empty) {
		render_gen(w->r, "\n", 1, src);
		w->line_empty = 1;
		w->blank = 0;
	}
	w->space = 0;
}

/* End the current line and leave one blank line (never two). */
static void
hw_blankline(struct hw *w, size_t src)
{
	hw_newline(w, src);
	if (!w->blank && render_len(w->r) > 0) {
		render_gen(w->r, "\n", 1, src);
		w->blank = 1;
	}
}

/* Before text on a fresh line: open a paragraph, draw quote bars. */
static void
hw_line_start(struct hw *w, size_t src)
{
	if (!w->line_empty)
		return;
	if (!w->para && !w->in_heading && !w->pre && w->list_depth == 0) {
		render_block_begin(w->r, RENDER_BLOCK_PARA, 0);
		w->para = 1;
	}
	if (w->quote_depth > 0) {
		render_style_push(w->r, RENDER_STYLE_QUOTE);
		for (int i = 0; i < w->quote_depth; i++)
			render_gen_str(w->r, HW_QUOTE_BAR, src);
		render_style_pop(w->r);
	}
	w->line_empty = 0;
	w->blank = 0;
}

static void
hw_emit(struct hw *w, const char *s, size_t n, size_t src, int exact)
{
	if (n == 0)
		return;
	hw_line_start(w, src);
	if (exact)
		render_text(w->r, s, n, src);
	else
		render_gen(w->r, s, n, src);
}

/* A text node's content, blanks collapsed outside <pre>. */
static void
hw_text(struct hw *w, const xmlNode *t)
{
	const char *s = (const char *)t->content;
	size_t n = s ? strlen(s) : 0, off, i = 0;
	int exact = html_node_src(t, &off);

	if (off == (size_t)-1)
		off = hw_src(t->parent), exact = 0;
	if (w->pre) {
		/* Line by line, so each line starts fresh (quote bars). */
		while (i < n) {
			const char *nl = memchr(s + i, '\n', n - i);
			size_t e = nl ? (size_t)(nl - s) : n;

			if (e > i)
				hw_emit(w, s + i, e - i, exact ? off + i : off,
				    exact);
			if (nl == NULL)
				break;
			if (w->line_empty)
				hw_line_start(w, off);
			render_gen(w->r, "\n", 1, exact ? off + e : off);
			w->line_empty = 1;
			i = e + 1;
		}
		return;
	}
	while (i < n) {
		size_t j = i;

		if (isspace((unsigned char)s[i])) {
			while (j < n && isspace((unsigned char)s[j])) {
				w->space_nl |= s[j] == '\n';
				j++;
			}
			w->space = 1;
			i = j;
			continue;
		}
		while (j < n && !isspace((unsigned char)s[j]))
			j++;
		if (w->space && !w->line_empty) {
			uint32_t prev = hw_last_cp(w), next;

			utf8_decode(s + i, n - i, &next);
			/* A line end between two CJK characters is the
			 * source's wrapping, not a space. */
			if (!(w->space_nl && hw_is_cjk(prev) &&
			    hw_is_cjk(next)))
				hw_emit(w, " ", 1, exact ? off + i - 1 : off,
				    exact && i > 0 && s[i - 1] == ' ');
		}
		w->space = 0;
		w->space_nl = 0;
		hw_emit(w, s + i, j - i, exact ? off + i : off, exact);
		i = j;
	}
}

static void hw_children(struct hw *w, const xmlNode *node);

static int
hw_name(const xmlNode *n, const char *const *names)
{
	for (size_t i = 0; names[i] != NULL; i++)
		if (html_is(n, names[i]))
			return 1;
	return 0;
}

static const char *const hw_blocks[] = { "address", "article", "aside",
    "body", "center", "details", "dir", "div", "dl", "dt", "dd",
    "fieldset", "figcaption", "figure", "footer", "header", "hgroup",
    "html", "legend", "main", "nav", "section", "summary", "caption",
    "noframes", "listing", "plaintext", "xmp", NULL };

static int
hw_heading_level(const xmlNode *n)
{
	const char *name = (const char *)n->name;

	if (n->type == XML_ELEMENT_NODE && (name[0] == 'h' || name[0] == 'H')
	    && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
		return name[1] - '0';
	return 0;
}

/* List the addresses of the section's links: "[1] https://…". */
static void
hw_links_flush(struct hw *w, size_t src)
{
	if (w->nlinks == 0)
		return;
	hw_blankline(w, src);
	render_block_begin(w->r, RENDER_BLOCK_NOTES, 0);
	for (size_t i = 0; i < w->nlinks; i++) {
		char num[24];

		snprintf(num, sizeof num, "[%d] ", w->links[i].num);
		render_style_push(w->r, RENDER_STYLE_MARK);
		render_gen_str(w->r, num, src);
		render_style_pop(w->r);
		render_gen_str(w->r, w->links[i].url, src);
		render_gen(w->r, "\n", 1, src);
		free(w->links[i].url);
	}
	render_block_end(w->r);
	w->nlinks = 0;
	w->line_empty = 1;
	w->blank = 0;
	hw_blankline(w, src);
}

static void
hw_note_id(struct hw *w, const xmlNode *n)
{
	xmlChar *id;

	if (w->nids == 0 || (id = xmlGetNoNsProp(n, (const xmlChar *)"id")) ==
	    NULL)
		return;
	for (size_t i = 0; i < w->nids; i++)
		if (w->id_off[i] == (size_t)-1 && strcmp(w->ids[i],
		    (const char *)id) == 0)
			w->id_off[i] = render_len(w->r);
	xmlFree(id);
}

static void
hw_heading(struct hw *w, const xmlNode *n, int level)
{
	size_t src = hw_src(n);
	unsigned style = level <= 1 ? RENDER_STYLE_H1 : level == 2 ?
	    RENDER_STYLE_H2 : RENDER_STYLE_H3;

	if (w->headings)
		hw_links_flush(w, src);
	hw_blankline(w, src);
	hw_note_id(w, n);
	render_block_begin(w->r, RENDER_BLOCK_HEADING, level);
	w->in_heading = 1;
	w->line_empty = 1;
	if (w->headings)
		render_heading_begin(w->r, level);
	else
		render_style_push(w->r, style);
	hw_children(w, n);
	if (w->headings)
		render_heading_end(w->r);
	else
		render_style_pop(w->r);
	w->in_heading = 0;
	render_block_end(w->r);
	hw_blankline(w, src);
}

/* Split "hàn zì" into N syllables when it has exactly N; else 0. */
static size_t
hw_syllables(const char *rt, size_t want, const char **start, size_t *len)
{
	size_t k = 0, i = 0, n = strlen(rt);

	while (i < n) {
		size_t j;

		while (i < n && rt[i] == ' ')
			i++;
		if (i >= n)
			break;
		j = i;
		while (j < n && rt[j] != ' ')
			j++;
		if (k == want)
			return 0;
		start[k] = rt + i;
		len[k++] = j - i;
		i = j;
	}
	return k == want ? k : 0;
}

/*
 * <ruby>: each base followed by its reading in parentheses, 漢(hàn), the
 * form annot.c reads; a base of N Han characters with N syllables is
 * split, 漢(hàn)字(zì).  <rp> goes; <rb> is base text.
 */
static void
hw_ruby(struct hw *w, const xmlNode *ruby)
{
	const xmlNode *base_first = NULL, *base_last = NULL;

	for (const xmlNode *c = ruby->children; c != NULL; c = c->next) {
		if (html_is(c, "rp"))
			continue;
		if (!html_is(c, "rt")) {
			if (base_first == NULL)
				base_first = c;
			base_last = c;
			continue;
		}
		{
			char *rt = html_text_of(c), *base = NULL;
			size_t rt_src = hw_src(c), nhan = 0, bl;
			const char *syl[16];
			size_t syl_len[16];
			uint32_t cp;

			/* The base text, from its nodes. */
			if (base_first != NULL) {
				size_t cap = 0, n = 0;
				for (const xmlNode *b = base_first; b;
				    b = b->next) {
					char *t = html_text_of(b);
					size_t tl = strlen(t);
					base = xgrow(base, &cap, n + tl + 1, 1);
					memcpy(base + n, t, tl + 1);
					n += tl;
					free(t);
					if (b == base_last)
						break;
				}
			}
			bl = base ? strlen(base) : 0;
			for (size_t i = 0; i < bl;) {
				i += utf8_decode(base + i, bl - i, &cp);
				nhan = uchar_is_han(cp) ? nhan + 1 : 99;
			}
			if (base != NULL && nhan > 1 && nhan <= 16 &&
			    hw_syllables(rt, nhan, syl, syl_len) == nhan) {
				size_t bsrc = hw_src(base_first), i = 0;
				for (size_t k = 0; k < nhan; k++) {
					size_t l = utf8_decode(base + i, bl - i,
					    &cp);
					hw_emit(w, base + i, l, bsrc, 0);
					hw_emit(w, "(", 1, rt_src, 0);
					hw_emit(w, syl[k], syl_len[k], rt_src,
					    0);
					hw_emit(w, ")", 1, rt_src, 0);
					i += l;
				}
			} else {
				for (const xmlNode *b = base_first; b;
				    b = b->next) {
					if (b->type == XML_TEXT_NODE)
						hw_text(w, b);
					else
						hw_children(w, b);
					if (b == base_last)
						break;
				}
				if (rt[0] != '\0') {
					w->space = 0;
					hw_emit(w, "(", 1, rt_src, 0);
					hw_emit(w, rt, strlen(rt), rt_src, 0);
					hw_emit(w, ")", 1, rt_src, 0);
				}
			}
			free(base);
			free(rt);
			base_first = base_last = NULL;
		}
	}
	/* Base text after the last <rt>. */
	for (const xmlNode *b = base_first; b != NULL; b = b->next) {
		if (b->type == XML_TEXT_NODE)
			hw_text(w, b);
		else
			hw_children(w, b);
	}
}

static int
hw_url_is_internal(const char *url)
{
	if (url[0] == '#')
		return 1;
	if (strncasecmp(url, "javascript:", 11) == 0)
		return 1;
	return 0;
}

static void
hw_link(struct hw *w, const xmlNode *n)
{
	xmlChar *href = xmlGetNoNsProp(n, (const xmlChar *)"href");
	int num;

	/* Inside a book, links to other chapters or notes are plain text;
	 * a page's own anchors too. */
	if (href == NULL || hw_url_is_internal((const char *)href) ||
	    (w->book && strstr((const char *)href, "://") == NULL &&
	    strncasecmp((const char *)href, "mailto:", 7) != 0)) {
		xmlFree(href);
		hw_children(w, n);
		return;
	}
	hw_line_start(w, hw_src(n));
	num = render_link_begin(w->r, (const char *)href,
	    strlen((const char *)href));
	hw_children(w, n);
	render_link_end(w->r);
	w->links = xgrow(w->links, &w->links_cap, w->nlinks + 1,
	    sizeof *w->links);
	w->links[w->nlinks].num = num;
	w->links[w->nlinks].url = xstrdup((const char *)href);
	w->nlinks++;
	xmlFree(href);
}

static void
hw_image(struct hw *w, const xmlNode *n)
{
	xmlChar *alt = xmlGetNoNsProp(n, (const xmlChar *)"alt");
	size_t src = hw_src(n);
	int sp = 0;

	if (w->space && !w->line_empty)
		hw_emit(w, " ", 1, src, 0);
	w->space = 0;
	render_style_push(w->r, RENDER_STYLE_MARK);
	hw_emit(w, "[图", strlen("[图"), src, 0);
	if (alt != NULL && alt[0] != '\0') {
		/* Blanks collapsed, controls left out. */
		size_t len = strlen((const char *)alt), k = 2;
		char *t = xmalloc(len + 3);

		memcpy(t, ": ", 2);
		for (const xmlChar *p = alt; *p; p++) {
			if (isspace(*p) || *p < 0x20 || *p == 0x7f) {
				sp = 1;
				continue;
			}
			if (sp && k > 2)
				t[k++] = ' ';
			sp = 0;
			t[k++] = (char)*p;
		}
		hw_emit(w, t, k, src, 0);
		free(t);
	}
	hw_emit(w, "]", 1, src, 0);
	render_style_pop(w->r);
	xmlFree(alt);
}

static void
hw_list(struct hw *w, const xmlNode *n, int ordered)
{
	size_t src = hw_src(n);

	if (w->list_depth == 0)
		hw_blankline(w, src);
	else
		hw_newline(w, src);
	if (w->nol < 16) {
		xmlChar *start = xmlGetNoNsProp(n, (const xmlChar *)"start");
		w->ol_num[w->nol] = ordered ? (start ? atoi((char *)start) :
		    1) : 0;
		if (ordered && w->ol_num[w->nol] <= 0)
			w->ol_num[w->nol] = 1;
		xmlFree(start);
	}
	w->nol++;
	w->list_depth++;
	hw_children(w, n);
	w->list_depth--;
	w->nol--;
	if (w->list_depth == 0)
		hw_blankline(w, src);
	else
		hw_newline(w, src);
}

static void
hw_item(struct hw *w, const xmlNode *n)
{
	size_t src = hw_src(n);
	char mark[32];
	int indent = (w->list_depth > 0 ? w->list_depth - 1 : 0) * 2, k;

	hw_newline(w, src);
	if (w->nol > 0 && w->nol <= 16 && w->ol_num[w->nol - 1] > 0)
		k = snprintf(mark, sizeof mark, "%*s%d. ", indent, "",
		    w->ol_num[w->nol - 1]++);
	else
		k = snprintf(mark, sizeof mark, "%*s• ", indent, "");
	render_block_begin(w->r, RENDER_BLOCK_LIST_ITEM,
	    w->list_depth > 0 ? w->list_depth : 1);
	hw_line_start(w, src);
	render_style_push(w->r, RENDER_STYLE_MARK);
	render_gen(w->r, mark, (size_t)k, src);
	render_style_pop(w->r);
	render_block_hang(w->r, (int)width_string(mark, (size_t)k), 0);
	w->space = 0;
	hw_children(w, n);
	hw_newline(w, src);
	render_block_end(w->r);
}

/* The rows of table N (its own, not a nested table's), in order. */
static size_t
hw_rows(const xmlNode *n, const xmlNode **rows, size_t cap, size_t k)
{
	for (const xmlNode *c = n->children; c != NULL && k < cap; c = c->next)
		if (html_is(c, "tr"))
			rows[k++] = c;
		else if (html_is(c, "thead") || html_is(c, "tbody") ||
		    html_is(c, "tfoot"))
			k = hw_rows(c, rows, cap, k);
	return k;
}

#define HW_TABLE_COLS 32
#define HW_TABLE_ROWS 4096

static void
hw_table_rule(struct hw *w, const int *cols, size_t ncols, size_t src)
{
	hw_line_start(w, src);
	render_style_push(w->r, RENDER_STYLE_MARK);
	for (size_t j = 0; j < ncols; j++) {
		render_gen(w->r, "+", 1, src);
		for (int k = 0; k < cols[j] + 2; k++)
			render_gen(w->r, "-", 1, src);
	}
	render_gen(w->r, "+", 1, src);
	render_style_pop(w->r);
	w->line_empty = 0;
	hw_newline(w, src);
}

/* 1 when table row ROW holds a head cell (th). */
static int
hw_row_is_head(const xmlNode *row)
{
	for (const xmlNode *c = row->children; c != NULL; c = c->next)
		if (html_is(c, "th"))
			return 1;
	return 0;
}

/* Table row ROW, its cells' TEXT in columns COLS wide, each cell broken
 * into as many lines as it needs ("| a   | b |"). */
static void
hw_table_wrapped_row(struct hw *w, const xmlNode *row, char **text,
    const int *cols, size_t ncols)
{
	const xmlNode *cell[HW_TABLE_COLS] = { NULL };
	size_t pos[HW_TABLE_COLS] = { 0 }, rs = hw_src(row), j = 0;
	int more = 1;

	for (const xmlNode *c = row->children; c != NULL && j < ncols;
	    c = c->next)
		if (html_is(c, "td") || html_is(c, "th"))
			cell[j++] = c;
	hw_newline(w, rs);
	while (more) {
		more = 0;
		hw_line_start(w, rs);
		for (j = 0; j < ncols; j++) {
			const char *t = cell[j] != NULL ? text[j] : NULL;
			size_t n = t != NULL ? strlen(t) : 0, a = pos[j], b;
			size_t cs = cell[j] != NULL ? hw_src(cell[j]) : rs;
			int used = 0;

			render_style_push(w->r, RENDER_STYLE_MARK);
			render_gen_str(w->r, j ? " | " : "| ", cs);
			render_style_pop(w->r);
			while (a < n && t[a] == ' ')
				a++;
			if (a < n) {
				b = render_cell_break(t, a, n, cols[j]);
				if (html_is(cell[j], "th"))
					render_style_push(w->r,
					    RENDER_STYLE_STRONG);
				render_gen(w->r, t + a, b - a, cs);
				if (html_is(cell[j], "th"))
					render_style_pop(w->r);
				used = width_string(t + a, b - a);
				pos[j] = b;
				more |= b < n;
			} else
				pos[j] = n;
			for (int k = used; k < cols[j]; k++)
				render_gen(w->r, " ", 1, cs);
		}
		render_style_push(w->r, RENDER_STYLE_MARK);
		render_gen_str(w->r, " |", rs);
		render_style_pop(w->r);
		w->line_empty = 0;
		hw_newline(w, rs);
	}
}

/*
 * A table laid out as Markdown's are: columns as wide as their widest
 * cell (display width), "| a | b |" rows between "+---+" rules, the
 * first row strong when it is a head.  A table wider than the screen
 * wraps inside its cells; one too big (or too many columns to fit even
 * so) is shown a row a line, cells apart by " | ".
 */
static void
hw_table(struct hw *w, const xmlNode *n)
{
	static const xmlNode *rows[HW_TABLE_ROWS];
	size_t src = hw_src(n), nrows = hw_rows(n, rows, HW_TABLE_ROWS, 0);
	size_t ncols = 0, total = 0;
	int cols[HW_TABLE_COLS] = { 0 }, fits = nrows < HW_TABLE_ROWS;
	int avail, wrap = 0;
	char **text;

	w->r->sized = 1;
	hw_blankline(w, src);
	render_block_begin(w->r, RENDER_BLOCK_TABLE, 0);
	text = xcalloc(nrows * HW_TABLE_COLS + 1, sizeof *text);
	for (size_t i = 0; i < nrows; i++) {
		size_t j = 0;

		for (const xmlNode *c = rows[i]->children; c != NULL;
		    c = c->next) {
			int cw;

			if (!html_is(c, "td") && !html_is(c, "th"))
				continue;
			if (j >= HW_TABLE_COLS) {
				fits = 0;
				break;
			}
			text[i * HW_TABLE_COLS + j] = html_text_of(c);
			cw = width_string(text[i * HW_TABLE_COLS + j],
			    strlen(text[i * HW_TABLE_COLS + j]));
			if (cw > cols[j])
				cols[j] = cw;
			j++;
		}
		if (j > ncols)
			ncols = j;
	}
	for (size_t j = 0; j < ncols; j++)
		total += (size_t)cols[j];
	avail = (w->width_cols ? w->width_cols : 80) - (int)ncols * 3 - 1 -
	    w->quote_depth * 2;
	if (fits && ncols > 0 && total > (size_t)(avail > 0 ? avail : 0)) {
		/* Wider than the screen: cells wrap, as Markdown's. */
		int word[HW_TABLE_COLS];

		for (size_t j = 0; j < ncols; j++) {
			word[j] = 1;
			for (size_t i = 0; i < nrows; i++) {
				const char *t = text[i * HW_TABLE_COLS + j];
				int cw = t ? render_cell_word(t, strlen(t)) : 1;

				if (cw > word[j])
					word[j] = cw;
			}
		}
		render_table_shrink(cols, word, (unsigned)ncols, avail);
		total = 0;
		for (size_t j = 0; j < ncols; j++)
			total += (size_t)cols[j];
		fits = total <= (size_t)(avail > 0 ? avail : 0);
		wrap = fits;
	}
	if (fits && ncols > 0)
		hw_table_rule(w, cols, ncols, src);
	for (size_t i = 0; i < nrows; i++) {
		size_t j = 0;
		int head = 0;

		if (wrap) {
			hw_table_wrapped_row(w, rows[i], text + i *
			    HW_TABLE_COLS, cols, ncols);
			if (i + 1 == nrows || (i == 0 && nrows > 1 &&
			    hw_row_is_head(rows[0])))
				hw_table_rule(w, cols, ncols, src);
			continue;
		}

		hw_newline(w, hw_src(rows[i]));
		for (const xmlNode *c = rows[i]->children; c != NULL &&
		    j < HW_TABLE_COLS; c = c->next) {
			const char *t;
			size_t cs = hw_src(c);

			if (!html_is(c, "td") && !html_is(c, "th"))
				continue;
			t = text[i * HW_TABLE_COLS + j];
			head |= html_is(c, "th");
			hw_line_start(w, cs);
			render_style_push(w->r, RENDER_STYLE_MARK);
			if (fits)
				render_gen_str(w->r, j ? " | " : "| ", cs);
			else if (j > 0)
				render_gen_str(w->r, " | ", cs);
			render_style_pop(w->r);
			if (html_is(c, "th"))
				render_style_push(w->r, RENDER_STYLE_STRONG);
			if (t[0] != '\0')
				render_gen_str(w->r, t, cs);
			if (html_is(c, "th"))
				render_style_pop(w->r);
			for (int k = width_string(t, strlen(t)); fits &&
			    k < cols[j]; k++)
				render_gen(w->r, " ", 1, cs);
			j++;
		}
		for (; fits && j < ncols; j++) {
			render_gen_str(w->r, j ? " | " : "| ", src);
			for (int k = 0; k < cols[j]; k++)
				render_gen(w->r, " ", 1, src);
		}
		if (fits && ncols > 0) {
			render_style_push(w->r, RENDER_STYLE_MARK);
			render_gen_str(w->r, " |", hw_src(rows[i]));
			render_style_pop(w->r);
		}
		w->line_empty = 0;
		hw_newline(w, hw_src(rows[i]));
		if (fits && ncols > 0 && ((i == 0 && head && nrows > 1) ||
		    i + 1 == nrows))
			hw_table_rule(w, cols, ncols, src);
	}
	for (size_t i = 0; i < nrows * HW_TABLE_COLS; i++)
		free(text[i]);
	free(text);
	render_block_end(w->r);
	hw_blankline(w, src);
}

static unsigned
hw_inline_style(const xmlNode *n)
{
	static const struct {
		const char *name;
		unsigned style;
	} tab[] = {
		{ "strong", RENDER_STYLE_STRONG }, { "b", RENDER_STYLE_STRONG },
		{ "em", RENDER_STYLE_EM }, { "i", RENDER_STYLE_EM },
		{ "cite", RENDER_STYLE_EM }, { "dfn", RENDER_STYLE_EM },
		{ "var", RENDER_STYLE_EM },
		{ "s", RENDER_STYLE_STRIKE }, { "strike", RENDER_STYLE_STRIKE },
		{ "del", RENDER_STYLE_STRIKE },
		{ "u", RENDER_STYLE_UNDERLINE }, { "ins", RENDER_STYLE_UNDERLINE },
		{ "code", RENDER_STYLE_CODE }, { "kbd", RENDER_STYLE_CODE },
		{ "samp", RENDER_STYLE_CODE }, { "tt", RENDER_STYLE_CODE },
	};

	for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if (html_is(n, tab[i].name))
			return tab[i].style;
	return 0;
}

static void
hw_element(struct hw *w, const xmlNode *n)
{
	size_t src = hw_src(n);
	int level;
	unsigned style;

	if (html_dropped(n, w->page))
		return;
	hw_note_id(w, n);
	if (w->depth >= HW_DEPTH_MAX) {
		hw_children(w, n);
		return;
	}
	w->depth++;
	if ((level = hw_heading_level(n)) > 0) {
		hw_heading(w, n, level);
	} else if (html_is(n, "p")) {
		hw_blankline(w, src);
		hw_children(w, n);
		hw_blankline(w, src);
	} else if (html_is(n, "br")) {
		if (w->line_empty)
			hw_line_start(w, src);
		hw_newline(w, src);
	} else if (html_is(n, "hr")) {
		hw_blankline(w, src);
		render_block_begin(w->r, RENDER_BLOCK_RULE, 0);
		render_style_push(w->r, RENDER_STYLE_MARK);
		render_gen_str(w->r,
		    "----------------------------------------", src);
		render_style_pop(w->r);
		render_block_end(w->r);
		w->line_empty = 0;
		hw_blankline(w, src);
	} else if (html_is(n, "ul") || html_is(n, "ol") ||
	    html_is(n, "menu") || html_is(n, "dir")) {
		hw_list(w, n, html_is(n, "ol"));
	} else if (html_is(n, "li")) {
		hw_item(w, n);
	} else if (html_is(n, "blockquote")) {
		hw_blankline(w, src);
		render_block_begin(w->r, RENDER_BLOCK_QUOTE,
		    w->quote_depth + 1);
		render_block_hang(w->r, 0, (w->quote_depth + 1) *
		    strlen(HW_QUOTE_BAR));
		w->quote_depth++;
		hw_children(w, n);
		hw_newline(w, src);
		w->quote_depth--;
		render_block_end(w->r);
		hw_blankline(w, src);
	} else if (html_is(n, "pre") || html_is(n, "listing") ||
	    html_is(n, "xmp") || html_is(n, "plaintext")) {
		hw_blankline(w, src);
		render_block_begin(w->r, RENDER_BLOCK_CODE, 0);
		render_style_push(w->r, RENDER_STYLE_CODE);
		w->pre++;
		/* A line end right after <pre> is not content. */
		hw_children(w, n);
		w->pre--;
		render_style_pop(w->r);
		hw_newline(w, src);
		render_block_end(w->r);
		hw_blankline(w, src);
	} else if (html_is(n, "table")) {
		hw_table(w, n);
	} else if (html_is(n, "tr")) {
		/* A row outside any table: its cells' text. */
		hw_newline(w, src);
		hw_children(w, n);
		hw_newline(w, src);
	} else if (html_is(n, "ruby")) {
		hw_ruby(w, n);
	} else if (html_is(n, "a")) {
		hw_link(w, n);
	} else if (html_is(n, "img") || html_is(n, "image")) {
		hw_image(w, n);
	} else if ((style = hw_inline_style(n)) != 0) {
		render_style_push(w->r, style);
		hw_children(w, n);
		render_style_pop(w->r);
	} else if (hw_name(n, hw_blocks)) {
		hw_newline(w, src);
		hw_children(w, n);
		hw_newline(w, src);
	} else {
		hw_children(w, n);
	}
	w->depth--;
}

static void
hw_children(struct hw *w, const xmlNode *node)
{
	for (const xmlNode *c = node->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type ==
		    XML_CDATA_SECTION_NODE)
			hw_text(w, c);
		else if (c->type == XML_ELEMENT_NODE)
			hw_element(w, c);
	}
}

static void
hw_done(struct hw *w)
{
	for (size_t i = 0; i < w->nlinks; i++)
		free(w->links[i].url);
	free(w->links);
}

/* ---- A web page --------------------------------------------------- */

/* 1 if the element holds an h1 (outside what is dropped). */
static int
hw_has_h1(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || html_dropped(c, 1))
			continue;
		if (html_is(c, "h1") || hw_has_h1(c))
			return 1;
	}
	return 0;
}

/* The first element NAME in document order, or NULL. */
static const xmlNode *
hw_first(const xmlNode *n, const char *name)
{
	for (; n != NULL; n = n->next) {
		const xmlNode *f;

		if (html_is(n, name))
			return n;
		if (n->type == XML_ELEMENT_NODE && !html_is(n, "head") &&
		    (f = hw_first(n->children, name)) != NULL)
			return f;
	}
	return NULL;
}

struct render *
render_html_render(struct doc *src, const struct render_opts *o)
{
	struct render *r = render_begin(src, RENDER_HTML);
	xmlDocPtr doc = html_parse_tree(src->text, src->len);
	struct hw w;
	const xmlNode *art;

	memset(&w, 0, sizeof w);
	w.r = r;
	w.src = src->text;
	w.src_len = src->len;
	w.page = 1;
	w.headings = 1;
	w.width_cols = o != NULL ? o->width_cols : 0;
	w.line_empty = 1;
	w.blank = 1;
	if (doc == NULL)
		return render_finish(r);
	r->title = html_title_of(doc);
	art = html_article(doc);
	/* The page's title as its top heading when the article has no
	 * <h1> of its own (it sits in a header that was left out). */
	if (art != NULL && r->title != NULL && !hw_has_h1(art)) {
		const xmlNode *h1 = hw_first(xmlDocGetRootElement(doc), "h1");
		char *t = h1 != NULL ? html_text_of(h1) : NULL;
		size_t at = h1 != NULL ? hw_src(h1) : 0;

		if (t == NULL || t[0] == '\0') {
			free(t);
			t = xstrdup(r->title);
		}
		render_block_begin(r, RENDER_BLOCK_HEADING, 1);
		render_heading_begin(r, 1);
		render_gen_str(r, t, at);
		render_heading_end(r);
		free(t);
		render_block_end(r);
		w.line_empty = 0;
		w.blank = 0;
		hw_blankline(&w, at);
	}
	if (art != NULL) {
		if (art->type == XML_ELEMENT_NODE && !html_is(art, "body") &&
		    !html_is(art, "html"))
			hw_element(&w, art);
		else
			hw_children(&w, art);
	}
	hw_links_flush(&w, src->len);
	hw_newline(&w, src->len);
	hw_done(&w);
	xmlFreeDoc(doc);
	return render_finish(r);
}

/* ---- An EPUB book ------------------------------------------------- */

static int
hw_heading_cmp(const void *a, const void *b)
{
	const struct render_heading *x = a, *y = b;

	return x->off < y->off ? -1 : x->off > y->off;
}

/* The book's table of contents as the outline: each entry at its
 * chapter's start, or at the element its fragment names. */
static void
hw_book_outline(struct render *r, const struct epub *ep,
    const size_t *chapter_off, char **ids, size_t *id_off, size_t nids,
    size_t ready)
{
	for (size_t i = 0; i < ep->ntoc; i++) {
		const struct epub_toc_entry *e = &ep->toc[i];
		struct render_heading *h;
		size_t off;

		/* A title without a link (a part) stands where the next
		 * linked entry does. */
		for (size_t j = i; j < ep->ntoc && e->chapter == (size_t)-1;
		    j++)
			e = &ep->toc[j];
		if (e->chapter == (size_t)-1)
			break;
		if (e->chapter >= ready)	/* not rendered yet */
			continue;
		off = chapter_off[e->chapter];
		for (size_t k = 0; e->fragment != NULL && k < nids; k++)
			if (id_off[k] != (size_t)-1 && id_off[k] >= off &&
			    (e->chapter + 1 >= ep->nchapters || id_off[k] <
			    chapter_off[e->chapter + 1]) &&
			    strcmp(ids[k], e->fragment) == 0) {
				off = id_off[k];
				break;
			}
		r->headings = xgrow(r->headings, &r->headings_cap,
		    r->nheadings + 1, sizeof *r->headings);
		h = &r->headings[r->nheadings++];
		h->level = ep->toc[i].level > 6 ? 6 : ep->toc[i].level;
		h->off = off;
		h->title = xstrdup(ep->toc[i].title);
	}
	/* Stable enough: entries come in order, fragments rarely go back. */
	qsort(r->headings, r->nheadings, sizeof *r->headings, hw_heading_cmp);
}

/* A chapter that cannot be shown, said where it would be. */
static void
hw_missing(struct hw *w, const char *why)
{
	hw_blankline(w, 0);
	hw_line_start(w, 0);
	render_style_push(w->r, RENDER_STYLE_MARK);
	render_gen_str(w->r, "[missing chapter: ", 0);
	render_gen_str(w->r, why, 0);
	render_gen_str(w->r, "]", 0);
	render_style_pop(w->r);
	hw_blankline(w, 0);
}

struct render *
render_epub_render(struct doc *src, const struct render_opts *o, int raw)
{
	struct render *r = render_begin(src, RENDER_EPUB);
	struct epub *ep;
	struct hw w;
	char *err = NULL;
	size_t *chapter_off, nids = 0, ready;
	char **ids = NULL;
	size_t *id_off = NULL;

	memset(&w, 0, sizeof w);
	w.r = r;
	w.book = 1;
	w.width_cols = o != NULL ? o->width_cols : 0;
	w.line_empty = 1;
	w.blank = 1;
	ep = epub_open_mem(src->text, src->len, &err);
	ready = ep != NULL ? ep->nchapters : 0;
	if (ep == NULL) {
		render_gen_str(r, "[", 0);
		render_gen_str(r, err, 0);
		render_gen_str(r, "]\n", 0);
		r->error = err;
		return render_finish(r);
	}
	r->title = ep->title ? xstrdup(ep->title) : NULL;
	r->author = ep->author ? xstrdup(ep->author) : NULL;
	/* Without a table of contents the chapters' headings are the
	 * outline. */
	w.headings = ep->ntoc == 0;
	for (size_t i = 0; i < ep->ntoc; i++)
		if (ep->toc[i].fragment != NULL) {
			ids = xrealloc(ids, (nids + 1) * sizeof *ids);
			id_off = xrealloc(id_off, (nids + 1) * sizeof *id_off);
			ids[nids] = ep->toc[i].fragment;
			id_off[nids++] = (size_t)-1;
		}
	w.ids = ids;
	w.id_off = id_off;
	w.nids = nids;
	chapter_off = xcalloc(ep->nchapters + 1, sizeof *chapter_off);
	for (size_t i = 0; i < ep->nchapters; i++) {
		char *text;
		size_t len, dtd_end;
		xmlDocPtr doc;
		const xmlNode *root, *body;

		if (!raw && o != NULL && o->prefix > 0 && i > 0 &&
		    render_len(r) >= o->prefix) {
			/* The first screens of a big book: the chapters
			 * read so far; the rest when a key needs them. */
			r->partial = 1;
			for (size_t j = i; j <= ep->nchapters; j++)
				chapter_off[j] = render_len(r);
			ready = i;
			break;
		}
		chapter_off[i] = render_len(r);
		if (epub_chapter_source(ep, i, &text, &len, &err) != 0) {
			render_part_add(r, ep->chapters[i].href, "", 0);
			hw_missing(&w, err);
			free(err);
			err = NULL;
			continue;
		}
		render_part_add_owned(r, ep->chapters[i].path, text, len);
		if (raw) {
			/* The source as it is, chapter after chapter. */
			render_text(r, text, len, 0);
			if (len > 0 && text[len - 1] != '\n')
				render_gen(r, "\n", 1, len);
			continue;
		}
		w.src = text;
		w.src_len = len;
		if (html_dtd_subset(text, len, &dtd_end) != (size_t)-1) {
			/* Parse a copy without the book's own entities; the
			 * source stays as it is for --raw. */
			char *copy = xstrndup(text, len);
			html_blank_dtd(copy, len);
			doc = html_parse_tree(copy, len);
			free(copy);
		} else
			doc = html_parse_tree(text, len);
		root = doc ? xmlDocGetRootElement(doc) : NULL;
		body = root;
		for (const xmlNode *c = root ? root->children : NULL; c;
		    c = c->next)
			if (html_is(c, "body"))
				body = c;
		if (body != NULL)
			hw_children(&w, body);
		hw_links_flush(&w, len);
		hw_blankline(&w, len);
		if (doc != NULL)
			xmlFreeDoc(doc);
	}
	if (!r->partial)
		chapter_off[ep->nchapters] = render_len(r);
	if (!raw && ep->ntoc > 0)
		hw_book_outline(r, ep, chapter_off, ids, id_off, nids, ready);
	free(chapter_off);
	free(ids);
	free(id_off);
	hw_done(&w);
	epub_free(ep);
	return render_finish(r);
}
