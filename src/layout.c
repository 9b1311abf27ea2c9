/*
 * Wrapping logical lines into rows.  Break opportunities come from
 * libunistring (UAX #14); widths come from width.c; on top sit the Chinese
 * rules: no row starts with closing punctuation (。，、 ” 」 …), no row ends
 * with an opening one, and an annotation stays with its character.
 */
#include "yuedu/layout.h"

#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>
#include <utf8proc.h>

#include "yuedu/conv.h"
#include "yuedu/lexicon.h"
#include "yuedu/segment.h"
#include "yuedu/doc.h"
#include "yuedu/render.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"

#define LAYOUT_CACHE 64
#define LAYOUT_CACHE_SEGS 3	/* segments of long lines cached at once */
#define LAYOUT_SNAP_BYTES ((size_t)4 << 10)	/* a cut point moves at most
					   this far to where a row may start */
#define LAYOUT_SNAP_CTX ((size_t)256)	/* bytes before it the break rules
					   read */
#define LAYOUT_SHRINK_CELLS ((size_t)1 << 16)	/* a slot this big is freed
					   before a small line reuses it */

struct layout {
	struct doc *doc;
	struct layout_opts opts;
	struct layout_line cache[LAYOUT_CACHE];
	unsigned long clock;
	size_t seg_bytes;	/* segment size of long lines; 0: default */
	/* Scratch reused across lines. */
	char *brk;
	size_t brk_cap;
	struct annot_span *spans;
	size_t span_cap;
	uint8_t *glue;		/* per byte: no break before it */
	size_t glue_cap;
};

/* Closing punctuation and small kana that may not begin a row. */
static const uint32_t layout_no_start_cps[] = {
	'!', ')', ',', '.', ':', ';', '?', ']', '}', 0x00B7, 0x00BB, 0x2019,
	0x201D, 0x2025, 0x2026, 0x2030, 0x2032, 0x2033, 0x203A, 0x2047,
	0x2048, 0x2049, 0x3001, 0x3002, 0x3005, 0x3009, 0x300B, 0x300D,
	0x300F, 0x3011, 0x3015, 0x3017, 0x3019, 0x301B, 0x301E, 0x301F,
	0x303B, 0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083,
	0x3085, 0x3087, 0x308E, 0x3095, 0x3096, 0x309D, 0x309E, 0x30A0,
	0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5,
	0x30E7, 0x30EE, 0x30F5, 0x30F6, 0x30FB, 0x30FC, 0x30FD, 0x30FE,
	0xFE50, 0xFE51, 0xFE52, 0xFE54, 0xFE55, 0xFE56, 0xFE57, 0xFE5A,
	0xFE5C, 0xFE5E, 0xFF01, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B,
	0xFF1F, 0xFF3D, 0xFF5D, 0xFF60, 0xFF61, 0xFF63, 0xFF64,
};

/* Opening punctuation that may not end a row. */
static const uint32_t layout_no_end_cps[] = {
	'(', '[', '{', 0x00AB, 0x2018, 0x201C, 0x2039, 0x3008, 0x300A,
	0x300C, 0x300E, 0x3010, 0x3014, 0x3016, 0x3018, 0x301A, 0x301D,
	0xFE59, 0xFE5B, 0xFE5D, 0xFF08, 0xFF3B, 0xFF5B, 0xFF5F, 0xFF62,
};

static int
layout_in(const uint32_t *set, size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (set[mid] == cp)
			return 1;
		if (set[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int
layout_no_start(uint32_t cp)
{
	/* Most text is letters and ideographs, in neither set. */
	if ((cp >= 0x3400 && cp <= 0x9FFF) || (cp < 0x80 &&
	    ((cp | 0x20) - 'a' < 26 || cp - '0' < 10)))
		return 0;
	return layout_in(layout_no_start_cps, sizeof layout_no_start_cps /
	    sizeof layout_no_start_cps[0], cp);
}

int
layout_no_end(uint32_t cp)
{
	if ((cp >= 0x3400 && cp <= 0x9FFF) || (cp < 0x80 &&
	    ((cp | 0x20) - 'a' < 26 || cp - '0' < 10)))
		return 0;
	return layout_in(layout_no_end_cps, sizeof layout_no_end_cps /
	    sizeof layout_no_end_cps[0], cp);
}

/* Wide by East Asian Width (W or F), whatever the ambiguous setting. */
static int
layout_is_east_asian(uint32_t cp)
{
	return cp != (uint32_t)-1 && cp >= 0x1100 &&
	    utf8proc_charwidth((utf8proc_int32_t)cp) == 2;
}

/* At U (3 bytes to read): 1 for ‘ or “, 2 for ’ or ”, else 0. */
static int
layout_quote_kind(const unsigned char *u)
{
	if (u[0] != 0xE2 || u[1] != 0x80)
		return 0;
	if (u[2] == 0x98 || u[2] == 0x9C)
		return 1;
	return u[2] == 0x99 || u[2] == 0x9D ? 2 : 0;
}

/*
 * Unicode 15.1 (LB19a) allows a break on either side of a quotation mark
 * between East Asian characters, so 中“文” may wrap before “ and after ”;
 * libunistring 1.0 (Unicode 14) never breaks there.  BRK is the line's
 * break array, S its N bytes.
 */
static void
layout_east_asian_quotes(const char *s, size_t n, char *brk)
{
	for (size_t q = 1; q + 3 <= n; q++) {
		const unsigned char *u;
		const char *hit = memchr(s + q, 0xE2, n - q);
		uint32_t prev, next;
		size_t p;
		int opening, kind;

		if (hit == NULL)
			break;
		q = (size_t)(hit - s);
		if (q + 3 > n)
			break;
		u = (const unsigned char *)s + q;
		p = q;
		if ((kind = layout_quote_kind(u)) == 0)
			continue;
		opening = kind == 1;
		while (p > 0 && q - p < 4 && ((unsigned char)s[p - 1] &
		    0xC0) == 0x80)
			p--;
		if (p == 0)
			continue;
		utf8_decode(s + p - 1, q - p + 1, &prev);
		if (q + 3 >= n)
			continue;
		utf8_decode(s + q + 3, n - q - 3, &next);
		if (layout_is_east_asian(prev) && layout_is_east_asian(next))
			brk[opening ? q : q + 3] = UC_BREAK_POSSIBLE;
		q += 2;
	}
}

/*
 * The same between an annotated character and a quotation mark: in
 * 構(gòu)“人 the mark follows the annotation, not 構, yet it may wrap
 * before “ (and after ” in 貨(huò)”的) as it would without the reading.
 */
static void
layout_annot_quotes(const char *s, size_t n, char *brk,
    const struct annot_span *sp, size_t nspans)
{
	for (size_t k = 0; k < nspans; k++) {
		size_t e = sp[k].end_off;
		const unsigned char *u = (const unsigned char *)s + e;
		uint32_t base, next;
		int opening, kind;

		if (e + 3 >= n || (kind = layout_quote_kind(u)) == 0)
			continue;
		opening = kind == 1;
		utf8_decode(s + sp[k].han_off, sp[k].open_off - sp[k].han_off,
		    &base);
		utf8_decode(s + e + 3, n - e - 3, &next);
		if (layout_is_east_asian(base) && layout_is_east_asian(next))
			brk[opening ? e : e + 3] = UC_BREAK_POSSIBLE;
	}
}

struct layout *
layout_new(struct doc *doc, const struct layout_opts *opts)
{
	struct layout *lay = xcalloc(1, sizeof *lay);

	lay->doc = doc;
	lay->opts = *opts;
	if (lay->opts.width_cols < 1)
		lay->opts.width_cols = 1;
	return lay;
}

void
layout_line_done(struct layout_line *ll)
{
	free(ll->rows);
	free(ll->cells);
	free(ll->text_owned);
	free(ll->map);
	memset(ll, 0, sizeof *ll);
}

void
layout_free(struct layout *lay)
{
	if (lay == NULL)
		return;
	for (size_t i = 0; i < LAYOUT_CACHE; i++)
		layout_line_done(&lay->cache[i]);
	free(lay->brk);
	free(lay->spans);
	free(lay->glue);
	free(lay);
}

void
layout_invalidate(struct layout *lay)
{
	for (size_t i = 0; i < LAYOUT_CACHE; i++)
		lay->cache[i].valid = 0;
}

void
layout_set_opts(struct layout *lay, const struct layout_opts *opts)
{
	lay->opts = *opts;
	if (lay->opts.width_cols < 1)
		lay->opts.width_cols = 1;
	layout_invalidate(lay);
}

void
layout_set_seg_bytes(struct layout *lay, size_t seg_bytes)
{
	lay->seg_bytes = seg_bytes;
	layout_invalidate(lay);
}

const struct layout_opts *
layout_get_opts(const struct layout *lay)
{
	return &lay->opts;
}

/* Source offset of byte TOFF of the line's text. */
static size_t
layout_src(const struct layout_line *ll, size_t toff)
{
	return ll->off + (ll->map != NULL ? ll->map[toff] : toff);
}

/* layout_line_into() makes room once: a line of N bytes has at most N
 * cells (an annotation of 3 or more bytes makes at most two). */
static inline void
layout_add_cell(struct layout_line *ll, size_t toff, size_t len,
    const struct width_cluster *c, enum layout_kind kind)
{
	struct layout_cell *cell;

	if (ll->ncells == ll->cell_cap)
		ll->cells = xgrow(ll->cells, &ll->cell_cap, ll->ncells + 1,
		    sizeof *ll->cells);
	cell = &ll->cells[ll->ncells++];
	cell->off = layout_src(ll, toff);
	cell->toff = (uint32_t)toff;
	cell->tlen = (uint32_t)len;
	cell->col = 0;
	cell->cols = (uint8_t)c->cols;
	cell->ruby_col = cell->ruby_cols = 0;
	cell->kind = (uint8_t)kind;
	cell->first = c->first;
}

static void
layout_add_row(struct layout_line *ll, size_t first, size_t last, int cols)
{
	struct layout_row *row;

	ll->rows = xgrow(ll->rows, &ll->row_cap, ll->nrows + 1,
	    sizeof *ll->rows);
	row = &ll->rows[ll->nrows++];
	row->cell = first;
	row->ncells = last - first;
	row->cols = cols;
	if (last > first) {
		row->off = ll->cells[first].off;
		row->end = layout_src(ll, ll->cells[last - 1].toff +
		    ll->cells[last - 1].tlen);
	} else {
		row->off = row->end = first < ll->ncells ?
		    ll->cells[first].off : ll->end;
	}
}

static int
layout_is_space(const struct layout_cell *c)
{
	return c->kind == LAYOUT_TEXT && c->first == ' ';
}

/*
 * May a row break before cell I?  UAX #14 must allow it, the cell must not
 * be glued to the one before (an annotation), and the Chinese start/end
 * rules must hold.
 */
static int
layout_can_break(struct layout *lay, const struct layout_line *ll, size_t i)
{
	const struct layout_cell *c = &ll->cells[i];
	size_t rel = c->toff;
	size_t j;

	if (i == 0 || lay->brk[rel] != UC_BREAK_POSSIBLE || lay->glue[rel] ||
	    ll->cells[i - 1].kind == LAYOUT_PAD)
		return 0;
	if (c->kind == LAYOUT_TEXT && layout_no_start(c->first))
		return 0;
	for (j = i; j > 0; j--) {
		const struct layout_cell *p = &ll->cells[j - 1];
		if (p->kind == LAYOUT_HIDDEN || p->kind == LAYOUT_PAD ||
		    layout_is_space(p))
			continue;
		if (p->kind == LAYOUT_TEXT && layout_no_end(p->first))
			return 0;
		break;
	}
	return 1;
}

/* Cell I may not start a row: it is an annotation, or the character
 * after its ruby padding. */
static int
layout_glued(const struct layout *lay, const struct layout_line *ll,
    size_t i)
{
	return lay->glue[ll->cells[i].toff] ||
	    (i > 0 && ll->cells[i - 1].kind == LAYOUT_PAD);
}

static int
layout_cell_no_start(const struct layout_line *ll, size_t i)
{
	return ll->cells[i].kind == LAYOUT_TEXT &&
	    layout_no_start(ll->cells[i].first);
}

/*
 * Where to cut a row that runs from cell START and has no break
 * opportunity before cell I, the first that does not fit.
 */
static size_t
layout_cut(const struct layout *lay, const struct layout_line *ll,
    size_t start, size_t i)
{
	size_t end = i;

	/* Back over closing marks, annotations and the spaces before them
	 * (spaces are dropped at a break, so a mark after them would start
	 * the next row). */
	while (end > start + 1 && (layout_cell_no_start(ll, end) ||
	    layout_glued(lay, ll, end) || layout_is_space(&ll->cells[end])))
		end--;
	if (!layout_cell_no_start(ll, end) && !layout_glued(lay, ll, end) &&
	    !layout_is_space(&ll->cells[end]))
		return end;
	/* Keep the annotation whole, even if a closing mark must start
	 * the next row. */
	end = i;
	while (end > start + 1 && layout_glued(lay, ll, end))
		end--;
	if (!layout_glued(lay, ll, end))
		return end;
	/* The character and its annotation are wider than the row. */
	end = i;
	while (end > start + 1 && layout_cell_no_start(ll, end))
		end--;
	return layout_cell_no_start(ll, end) ? i : end;
}

static void
layout_wrap(struct layout *lay, struct layout_line *ll)
{
	int W = lay->opts.width_cols;
	size_t start = 0, i, n = ll->ncells;

	if (n == 0) {
		layout_add_row(ll, 0, 0, 0);
		return;
	}
	while (start < n) {
		int col = start > 0 || !ll->seg_first ? ll->hang : ll->first;
		int col0 = col;
		size_t last_break = 0, end, next;

		for (i = start; i < n; i++) {
			struct layout_cell *c = &ll->cells[i];
			int w = c->cols;

			if (c->kind == LAYOUT_TAB) {
				w = width_tab_cols(col);
				if (w > W - col)
					w = W - col > 0 ? W - col : 1;
				c->cols = (uint8_t)w;
			}
			if (i > start && layout_can_break(lay, ll, i))
				last_break = i;
			/* Spaces may hang past the edge; they are dropped.  A
			 * hidden annotation (0 columns) stays with its
			 * character even when that alone is wider than W. */
			if (col + w > W && i > start && !layout_is_space(c) &&
			    !(c->kind == LAYOUT_HIDDEN && w == 0))
				break;
			c->col = (uint16_t)col;
			col += w;
		}
		if (i >= n) {
			end = next = n;
			/* Trailing spaces that hang past the edge go. */
			while (end > start + 1 && col > W &&
			    layout_is_space(&ll->cells[end - 1]))
				col -= ll->cells[--end].cols;
		} else if (last_break > start) {
			end = next = last_break;
		} else {
			/* No opportunity: cut between clusters, keeping
			 * closing punctuation off the next row and each
			 * annotation with its character if we can; when
			 * not both, the annotation stays whole. */
			end = layout_cut(lay, ll, start, i);
			next = end;
		}
		/* Drop spaces at the break. */
		if (i < n) {
			while (end > start + 1 && layout_is_space(&ll->cells[end - 1]))
				end--;
			while (next < n && layout_is_space(&ll->cells[next]))
				next++;
		}
		col = col0;
		for (size_t k = start; k < end; k++) {
			ll->cells[k].col = (uint16_t)col;
			col += ll->cells[k].cols;
		}
		layout_add_row(ll, start, end, col);
		start = next;
	}
}

/*
 * Ruby mode: make room for the pinyin of the annotation just added (the
 * last cell; its character is the cell before).  The group (padding,
 * character, padding) is as wide as the pinyin plus one column, so
 * neighbouring syllables never touch, and the character sits in its
 * middle.
 */
static void
layout_ruby_group(struct layout_line *ll, const char *t,
    const struct annot_span *sp, int W)
{
	size_t n = ll->ncells;
	struct layout_cell *hid = &ll->cells[n - 1], *base;
	int aw = width_string(t + sp->py_off, sp->py_end - sp->py_off);
	int bw, g, lpad;

	/* A group never outgrows the row: a syllable wider than the row is
	 * cut to it (layout_row_ruby cuts the text to ruby_cols). */
	if (aw > W)
		aw = W;
	hid->ruby_cols = (uint16_t)aw;
	if (n < 2)
		return;
	base = &ll->cells[n - 2];
	bw = base->cols;
	g = aw + 1 > bw ? aw + 1 : bw;
	if (g > W)
		g = W > bw ? W : bw;
	lpad = (g - bw) / 2;
	hid->cols = (uint8_t)(g - bw - lpad);
	if (lpad > 0) {
		struct layout_cell pad = *base;

		/* Insert a padding cell before the character. */
		ll->cells = xgrow(ll->cells, &ll->cell_cap, n + 1,
		    sizeof *ll->cells);
		ll->cells[n] = ll->cells[n - 1];
		ll->cells[n - 1] = ll->cells[n - 2];
		pad.kind = LAYOUT_PAD;
		pad.cols = (uint8_t)lpad;
		pad.tlen = 0;
		ll->cells[n - 2] = pad;
		ll->ncells++;
	}
}

/* Ruby mode: where each pinyin goes, once the cells have their columns. */
static void
layout_ruby_cols(struct layout_line *ll)
{
	for (size_t i = 0; i < ll->ncells; i++) {
		struct layout_cell *hid = &ll->cells[i];
		size_t gs = i;
		int g;

		if (hid->kind != LAYOUT_HIDDEN || hid->ruby_cols == 0 || i == 0)
			continue;
		gs = i - 1;
		if (gs > 0 && ll->cells[gs - 1].kind == LAYOUT_PAD)
			gs--;
		g = hid->col + hid->cols - ll->cells[gs].col;
		hid->ruby_col = (uint16_t)(ll->cells[gs].col +
		    (g - hid->ruby_cols) / 2);
	}
}

/*
 * A rendered list item's or quote's rows after the first start under its
 * text, not at the margin: the hanging indent its block asks, or the
 * width of the quote bars ("| | ") the line starts with, drawn again on
 * those rows.  At most half the row.
 */
static void
layout_hang(struct layout *lay, struct layout_line *ll, const char *t,
    size_t len)
{
	const struct render_block *b;
	size_t k = 0;
	int W = lay->opts.width_cols;

	ll->hang = 0;
	ll->prefix_len = 0;
	if (lay->doc->render == NULL || lay->doc->render->identity)
		return;
	b = render_block_at(lay->doc->render, ll->off);
	/* XXX: a later segment of a long quote does not see the bars at
	 * its line's start; its rows are indented without them. */
	if (ll->seg_first && render_style_at(lay->doc->render, ll->off,
	    NULL) & RENDER_STYLE_QUOTE) {
		while (k + 1 < len && t[k] == '|' && t[k + 1] == ' ')
			k += 2;
		ll->prefix_len = k;
	}
	ll->hang = b != NULL && b->hang_cols > (int)k ? b->hang_cols :
	    (int)k;
	if (ll->hang > W / 2) {
		ll->hang = W / 2;
		if (ll->prefix_len > (size_t)ll->hang)
			ll->prefix_len = 0;
	}
}

/* 1 if CP ends a sentence or a clause that may end a paragraph. */
static int
layout_ends_sentence(uint32_t cp)
{
	static const uint32_t v[] = { 0x3002, 0xff01, 0xff1f, 0x2026,
	    0x201d, 0x2019, 0x300d, 0x300f, 0xff09, 0xff1b, 0xff0e, 0xff1a,
	    0x3011, 0x2014, '.', '!', '?', '"', ')', ';', ':' };

	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (cp == v[i])
			return 1;
	return 0;
}

/* 1 if CP is a Chinese numeral (一 to 十, 百, 〇, 零, 两). */
static int
layout_cjk_digit(uint32_t cp)
{
	static const uint32_t v[] = { 0x4e00, 0x4e8c, 0x4e09, 0x56db,
	    0x4e94, 0x516d, 0x4e03, 0x516b, 0x4e5d, 0x5341, 0x767e, 0x3007,
	    0x96f6, 0x4e24, 0x5169 };

	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (cp == v[i])
			return 1;
	return 0;
}

/* 1 if L (N bytes, its leading blanks gone) starts as a heading, a list
 * item, a numbered clause, a table row or a rule does. */
static int
layout_starts_block(const char *l, size_t n)
{
	uint32_t cp, cp2 = 0;
	size_t k = utf8_decode(l, n, &cp), i = 0;

	if (k < n)
		utf8_decode(l + k, n - k, &cp2);
	if ((cp == '-' || cp == '*' || cp == '+' || cp == '#' ||
	    cp == 0x2022 || cp == 0x00b7 || cp == 0x30fb || cp == 0x25cf ||
	    cp == 0x25cb || cp == 0x25a0 || cp == 0x25c6) &&
	    (cp2 == ' ' || cp2 == 0x3000 || cp == '#' || cp >= 0x80))
		return 1;
	if (cp == '|' || (cp >= 0x2500 && cp <= 0x257f) ||
	    (cp >= 0x2460 && cp <= 0x24ff) || (cp >= 0x2776 && cp <= 0x2793))
		return 1;	/* table, box lines, ① ❶ */
	while (i < n && i < 4 && l[i] >= '0' && l[i] <= '9')
		i++;
	if (i > 0 && i < n && (l[i] == '.' || l[i] == ')' ||
	    strncmp(l + i, "\xe3\x80\x81", 3) == 0 ||		/* 、 */
	    strncmp(l + i, "\xef\xbc\x8e", 3) == 0))		/* ． */
		return 1;
	/* 一、 （一） (一) 第三回 第二章 */
	if ((cp == 0xff08 || cp == '(') && layout_cjk_digit(cp2))
		return 1;
	if (layout_cjk_digit(cp)) {
		size_t j = 0;

		while (j < n && j < 12) {
			uint32_t c;
			size_t m = utf8_decode(l + j, n - j, &c);

			if (!layout_cjk_digit(c)) {
				if (c == 0x3001)	/* 、 */
					return 1;
				break;
			}
			j += m;
		}
	}
	if (cp == 0x7b2c) {		/* 第 */
		static const char *const unit[] = { "\xe5\x9b\x9e",
		    "\xe7\xab\xa0", "\xe8\x8a\x82", "\xe7\xaf\x80",
		    "\xe5\x8d\xb7", "\xe7\xaf\x87", "\xe7\xbc\x96",
		    "\xe7\xb7\xa8", "\xe9\x83\xa8", "\xe5\xb9\x95" };
		size_t lim = n < 30 ? n : 30;

		for (size_t u = 0; u < sizeof unit / sizeof unit[0]; u++)
			if (memmem(l, lim, unit[u], 3) != NULL)
				return 1;
	}
	return 0;
}

int
layout_is_para(const char *l, size_t n, int width_cols, int *lead_cols)
{
	size_t i = 0, e = n, k;
	int lead = 0;
	uint32_t last = 0;

	*lead_cols = 0;
	while (i < n) {
		if (l[i] == ' ')
			lead++, i++;
		else if (l[i] == '\t')
			lead += 8 - lead % 8, i++;
		else if (n - i >= 3 && memcmp(l + i, "\xe3\x80\x80", 3) == 0)
			lead += 2, i += 3;
		else
			break;
	}
	while (e > i && (l[e - 1] == ' ' || l[e - 1] == '\t' ||
	    l[e - 1] == '\r'))
		e--;
	*lead_cols = lead;
	if (e == i || lead > LAYOUT_PARA_INDENT_COLS ||
	    layout_starts_block(l + i, e - i))
		return 0;
	k = utf8_prev(l, i, e);
	utf8_decode(l + k, e - k, &last);
	return layout_ends_sentence(last) ||
	    width_string(l + i, e - i) + lead > width_cols;
}

/*
 * --paragraph: whether this line starts a paragraph (its first row
 * indented) and ends one followed by text (a blank row after it).  A
 * rendered document's paragraph blocks, outside lists and quotes; plain
 * and reflowed text's lines of prose (layout_is_para()).
 */
static void
layout_para(struct layout *lay, struct layout_line *ll, const char *t,
    size_t len, int *start, int *end)
{
	const struct render *r = lay->doc->render;
	int W = lay->opts.width_cols, lead = 0;

	*start = *end = 0;
	ll->first = 0;
	if (lay->opts.para == LAYOUT_PARA_ASIS || len == 0 ||
	    ll->hang > 0 || ll->prefix_len > 0)
		return;
	if (r != NULL && !r->identity && !r->reflowed) {
		const struct render_block *b = render_block_at(r, ll->off);

		if (b == NULL || b->kind != RENDER_BLOCK_PARA)
			return;
		(void)layout_is_para(t, len, W, &lead);
		*start = b->off >= ll->off;
		*end = b->end <= ll->end + 1;
	} else if (layout_is_para(t, len, W, &lead))
		*start = *end = 1;
	/* A long line's pieces: the first starts it, the last ends it. */
	*start = *start && ll->seg_first;
	*end = *end && ll->seg_last;
	if (*start && lay->opts.para == LAYOUT_PARA_INDENT &&
	    lead < LAYOUT_PARA_INDENT_COLS && W >= 4 * LAYOUT_PARA_INDENT_COLS)
		ll->first = LAYOUT_PARA_INDENT_COLS - lead;
}

/* Lay out the piece [A, B) of the text into LL; FIRST and LAST say
 * whether it starts and ends its line. */
static void
layout_piece(struct layout *lay, size_t a, size_t b, int first, int last,
    struct layout_line *ll)
{
	struct doc *doc = lay->doc;
	size_t off = a, len = b - a, nspans, si = 0, p;
	const char *t;
	int para_start, para_end;

	/* A slot that held a long line's segment gives its memory back. */
	if (ll->cell_cap > LAYOUT_SHRINK_CELLS && ll->cell_cap / 4 > len) {
		free(ll->cells);
		free(ll->rows);
		ll->cells = NULL;
		ll->rows = NULL;
		ll->cell_cap = ll->row_cap = 0;
	}
	ll->nrows = 0;
	ll->ncells = 0;
	ll->off = a;
	ll->end = b;
	ll->seg_first = first;
	ll->seg_last = last;
	free(ll->text_owned);
	free(ll->map);
	ll->text_owned = NULL;
	ll->map = NULL;
	if (lay->opts.conv != NULL) {
		/* The script view: lay out the converted text, mapped back. */
		conv_line(lay->opts.conv, doc->text + off, len, &ll->text_owned,
		    &len, &ll->map);
		t = ll->text_owned;
	} else
		t = doc->text + off;
	if (lay->opts.annotate) {
		/* Generated readings, inserted as the text writes its own. */
		struct lexicon *lex = lexicon_get(NULL);
		char *at;
		uint32_t *am;
		size_t alen;
		segment_annotate(lex, t, len, ll->map, &at, &alen, &am);
		free(ll->text_owned);
		free(ll->map);
		ll->text_owned = at;
		ll->map = am;
		t = at;
		len = alen;
	}
	ll->text = t;

	lay->brk = xgrow(lay->brk, &lay->brk_cap, len + 1, 1);
	lay->glue = xgrow(lay->glue, &lay->glue_cap, len + 1, 1);
	ll->cells = xgrow(ll->cells, &ll->cell_cap, len + 1,
	    sizeof *ll->cells);
	if (len > 0) {
		u8_possible_linebreaks((const uint8_t *)t, len, "UTF-8",
		    lay->brk);
		layout_east_asian_quotes(t, len, lay->brk);
	}
	memset(lay->glue, 0, len + 1);
	nspans = annot_find(t, len, 0, &lay->spans, &lay->span_cap);
	if (len > 0)
		layout_annot_quotes(t, len, lay->brk, lay->spans, nspans);
	/* Nothing breaks between a character and its annotation, nor inside. */
	for (size_t k = 0; k < nspans; k++)
		memset(lay->glue + lay->spans[k].open_off, 1,
		    lay->spans[k].end_off - lay->spans[k].open_off);
	/* Nor inside a phrase the script view converted as a whole (its
	 * characters share one source offset): rows must start at increasing
	 * offsets.  XXX: a phrase wider than the row is still cut. */
	for (size_t k = 1; ll->map != NULL && k < len; k++)
		if (ll->map[k] == ll->map[k - 1] &&
		    ((unsigned char)t[k] & 0xC0) != 0x80)
			lay->glue[k] = 1;

	p = 0;
	while (p < len) {
		struct width_cluster c;

		if (si < nspans && p == lay->spans[si].open_off) {
			const struct annot_span *sp = &lay->spans[si++];
			if (lay->opts.annot == ANNOT_HIDE ||
			    lay->opts.annot == ANNOT_RUBY) {
				c.cols = 0;
				c.first = '(';
				c.len = sp->end_off - sp->open_off;
				layout_add_cell(ll, p, c.len, &c, LAYOUT_HIDDEN);
				if (lay->opts.annot == ANNOT_RUBY)
					layout_ruby_group(ll, t, sp,
					    lay->opts.width_cols);
				p = sp->end_off;
				continue;
			}
		}
		width_next_cluster(t + p, len - p, &c);
		layout_add_cell(ll, p, c.len, &c, (enum layout_kind)c.kind);
		p += c.len;
	}
	layout_hang(lay, ll, t, len);
	layout_para(lay, ll, t, len, &para_start, &para_end);
	layout_wrap(lay, ll);
	/* A blank row after a paragraph that text follows. */
	ll->space_row = 0;
	if (para_end && lay->opts.para == LAYOUT_PARA_SPACE) {
		size_t z = doc_next_line_off(doc, ll->end);

		while (z < doc->len && (doc->text[z] == ' ' ||
		    doc->text[z] == '\t' || doc->text[z] == '\r'))
			z++;
		if (z < doc->len && doc->text[z] != '\n') {
			layout_add_row(ll, ll->ncells, ll->ncells, 0);
			ll->space_row = 1;
		}
	}
	if (lay->opts.annot == ANNOT_RUBY)
		layout_ruby_cols(ll);
	ll->valid = 1;
}

static size_t
layout_seg(const struct layout *lay)
{
	return lay->seg_bytes > 0 ? lay->seg_bytes : LAYOUT_SEG_BYTES;
}

/* OFF as layout_at() reads it: past the end, the last line's end; in a
 * terminator, the end of the line it ends. */
static size_t
layout_norm(const struct doc *doc, size_t off)
{
	const char *t = doc->text;

	if (off >= doc->len) {
		off = doc->len;
		if (off > 0 && t[off - 1] == '\n')
			off--;
		if (off > 0 && t[off - 1] == '\r')
			off--;
	} else if (t[off] == '\n' && off > 0 && t[off - 1] == '\r')
		off--;
	return off;
}

/*
 * Cut point K of long lines: K segments into the text, moved forward to
 * the first place a row may start (a break opportunity with the Chinese
 * rules, not inside an annotation), so a segment starts as a row would.
 * Past the text: its length.
 */
static size_t
layout_cut_point(struct layout *lay, size_t k)
{
	const char *t = lay->doc->text;
	size_t len = lay->doc->len, seg = layout_seg(lay);
	size_t snap = seg / 4 < LAYOUT_SNAP_BYTES ? seg / 4 : LAYOUT_SNAP_BYTES;
	size_t p, a, b, nspans, si = 0;

	if (k == 0)
		return 0;
	if (k > len / seg)
		return len;
	p = k * seg;
	a = p > LAYOUT_SNAP_CTX ? p - LAYOUT_SNAP_CTX : 0;
	while (a < p && ((unsigned char)t[a] & 0xC0) == 0x80)
		a++;
	b = len - p > snap + 16 ? p + snap + 16 : len;
	lay->brk = xgrow(lay->brk, &lay->brk_cap, b - a + 1, 1);
	u8_possible_linebreaks((const uint8_t *)t + a, b - a, "UTF-8",
	    lay->brk);
	layout_east_asian_quotes(t + a, b - a, lay->brk);
	nspans = annot_find(t + a, b - a, 0, &lay->spans, &lay->span_cap);
	layout_annot_quotes(t + a, b - a, lay->brk, lay->spans, nspans);
	for (size_t q = p; q < b && q - p < snap; q++) {
		uint32_t cp, prev;
		size_t r = q;

		while (si < nspans && lay->spans[si].end_off <= q - a)
			si++;
		if (lay->brk[q - a] != UC_BREAK_POSSIBLE || (si < nspans &&
		    lay->spans[si].open_off <= q - a))
			continue;
		utf8_decode(t + q, b - q, &cp);
		if (layout_no_start(cp))
			continue;
		while (r > a && t[r - 1] == ' ')
			r--;
		if (r > a) {
			size_t s0 = utf8_prev(t, a, r);

			utf8_decode(t + s0, r - s0, &prev);
			if (layout_no_end(prev))
				continue;
		}
		return q;
	}
	/* No place within reach (a run of one unbreakable word): the first
	 * character start (past 3 continuation bytes, they are bad bytes,
	 * each a cell of its own). */
	for (int i = 0; i < 3 && p < len &&
	    ((unsigned char)t[p] & 0xC0) == 0x80; i++)
		p++;
	/* Never at a line's end: past it, at the next line's start. */
	if (p < len && t[p] == '\r' && p + 1 < len && t[p + 1] == '\n')
		p++;
	if (p < len && (t[p] == '\n' || t[p] == '\r'))
		p++;
	return p;
}

/* The piece holding OFF (normalized): *A, *B, whether first and last. */
static void
layout_bounds(struct layout *lay, size_t off, size_t *a, size_t *b,
    int *first, int *last)
{
	struct doc *doc = lay->doc;
	size_t seg = layout_seg(lay), lng = seg / 4, ls, le, k, g0, g1;

	/* (One more byte each way: the terminators of a line of LNG.) */
	doc_line_around(doc, off, lng + 1, lng + 1, &ls, &le);
	if (ls != (size_t)-1 && le != (size_t)-1 && le - ls <= lng) {
		*a = ls;
		*b = le;
		*first = *last = 1;
		return;
	}
	/* A long line: the segment between two cut points, or its end. */
	k = off / seg;
	g0 = layout_cut_point(lay, k);
	while (off < g0) {	/* in the stretch a cut point moved over */
		k--;
		g0 = layout_cut_point(lay, k);
	}
	g1 = layout_cut_point(lay, k + 1);
	/* A terminator just before G0 or at G1 ends the line there. */
	doc_line_around(doc, off, off - g0 + 1, g1 - off + 1, &ls, &le);
	*first = ls != (size_t)-1;
	*a = *first ? ls : g0;
	*last = le != (size_t)-1;
	*b = *last ? le : g1;
}

void
layout_piece_into(struct layout *lay, size_t off, struct layout_line *ll)
{
	size_t a, b;
	int first, last;

	off = layout_norm(lay->doc, off);
	layout_bounds(lay, off, &a, &b, &first, &last);
	layout_piece(lay, a, b, first, last, ll);
}

void
layout_line_into(struct layout *lay, size_t line, struct layout_line *ll)
{
	layout_piece_into(lay, doc_line_start(lay->doc, line), ll);
}

size_t
layout_next_off(const struct layout *lay, const struct layout_line *ll)
{
	size_t n;

	if (!ll->seg_last)
		return ll->end;
	n = doc_next_line_off(lay->doc, ll->end);
	return n < lay->doc->len ? n : (size_t)-1;
}

static int
layout_is_seg(const struct layout_line *ll)
{
	return !ll->seg_first || !ll->seg_last;
}

const struct layout_line *
layout_at(struct layout *lay, size_t off)
{
	struct layout_line *victim = NULL, *old_seg = NULL;
	size_t nseg = 0, a, b;
	int first, last;

	off = layout_norm(lay->doc, off);
	lay->clock++;
	for (size_t i = 0; i < LAYOUT_CACHE; i++) {
		struct layout_line *ll = &lay->cache[i];

		if (ll->valid && ll->off <= off && (off < ll->end ||
		    (off == ll->end && ll->seg_last))) {
			ll->stamp = lay->clock;
			return ll;
		}
		if (ll->valid && layout_is_seg(ll)) {
			nseg++;
			if (old_seg == NULL || ll->stamp < old_seg->stamp)
				old_seg = ll;
		}
		if (victim == NULL || !ll->valid ||
		    (victim->valid && ll->stamp < victim->stamp))
			victim = ll;
	}
	layout_bounds(lay, off, &a, &b, &first, &last);
	/* Segments are big: only a few at a time. */
	if ((!first || !last) && nseg >= LAYOUT_CACHE_SEGS)
		victim = old_seg;
	layout_piece(lay, a, b, first, last, victim);
	victim->stamp = lay->clock;
	return victim;
}

const struct layout_line *
layout_next(struct layout *lay, const struct layout_line *ll)
{
	size_t n = layout_next_off(lay, ll);

	return n == (size_t)-1 ? NULL : layout_at(lay, n);
}

const struct layout_line *
layout_prev(struct layout *lay, const struct layout_line *ll)
{
	/* The byte before a piece is its line's (the segment before) or
	 * the terminator of the line before. */
	return ll->off == 0 ? NULL : layout_at(lay, ll->off - 1);
}

const struct layout_line *
layout_get(struct layout *lay, size_t line)
{
	return layout_at(lay, doc_line_start(lay->doc, line));
}

size_t
layout_cell_end(const struct layout_line *ll, size_t i)
{
	const struct layout_cell *c = &ll->cells[i];
	size_t t = c->toff + c->tlen, len;

	if (ll->map == NULL)
		return ll->off + t;
	len = i + 1 < ll->ncells ? ll->cells[ll->ncells - 1].toff +
	    ll->cells[ll->ncells - 1].tlen : t;
	if (len < t)
		len = t;
	/* Past the rest of a phrase (its bytes share the cell's source). */
	while (t < len && ll->map[t] == ll->map[c->toff])
		t++;
	return layout_src(ll, t);
}

size_t
layout_row_of(const struct layout_line *ll, size_t off)
{
	size_t r;

	for (r = 0; r + 1 < ll->nrows; r++) {
		if (off < ll->rows[r + 1].off)
			break;
	}
	return r;
}

char *
layout_row_render(const struct layout_line *ll, size_t r, size_t *len)
{
	const struct layout_row *row = &ll->rows[r];
	size_t cap = 0, n = 0;
	char *out = NULL;

	out = xgrow(out, &cap, 64, 1);
	for (size_t k = 0; k < row->ncells; k++) {
		const struct layout_cell *c = &ll->cells[row->cell + k];
		struct width_cluster wc;
		char buf[16];
		const char *s;
		size_t m;

		if (c->kind == LAYOUT_HIDDEN || c->kind == LAYOUT_PAD) {
			out = xgrow(out, &cap, n + c->cols + 1, 1);
			memset(out + n, ' ', c->cols);
			n += c->cols;
			continue;
		}
		wc.len = c->tlen;
		wc.cols = c->cols;
		wc.kind = (enum width_kind)c->kind;
		wc.first = c->first;
		m = width_render(ll->text + c->toff, &wc, c->cols, buf, &s);
		out = xgrow(out, &cap, n + m + 1, 1);
		memcpy(out + n, s, m);
		n += m;
	}
	out[n] = '\0';
	*len = n;
	return out;
}

char *
layout_row_ruby(const struct layout_line *ll, size_t r, size_t *len)
{
	const struct layout_row *row = &ll->rows[r];
	size_t cap = 0, n = 0;
	char *out = NULL;
	int col = 0;

	for (size_t k = 0; k < row->ncells; k++) {
		const struct layout_cell *c = &ll->cells[row->cell + k];
		const char *py = ll->text + c->toff;
		size_t open, close;

		if (c->kind != LAYOUT_HIDDEN || c->ruby_cols == 0)
			continue;
		/* The pinyin inside "(…)" or "（…）". */
		open = (unsigned char)py[0] == '(' ? 1 : 3;
		close = (unsigned char)py[c->tlen - 1] == ')' ? 1 : 3;
		/* XXX: it would overlap the one before; layout avoids it. */
		if (c->ruby_col < col)
			continue;
		out = xgrow(out, &cap, n + (size_t)(c->ruby_col - col) +
		    c->tlen + 2, 1);
		while (col < c->ruby_col) {
			out[n++] = ' ';
			col++;
		}
		/* At most ruby_cols columns of it (cut on narrow rows). */
		for (size_t i = open, w = 0; i < c->tlen - close;) {
			struct width_cluster wc;

			width_next_cluster(py + i, c->tlen - close - i, &wc);
			if (w + (size_t)wc.cols > c->ruby_cols)
				break;
			memcpy(out + n, py + i, wc.len);
			n += wc.len;
			i += wc.len;
			w += (size_t)wc.cols;
		}
		col += c->ruby_cols;
	}
	if (out == NULL)
		return NULL;
	out[n] = '\0';
	*len = n;
	return out;
}
