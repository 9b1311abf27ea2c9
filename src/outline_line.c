/*
 * One line of the document as the outline sees it: where its text starts
 * and ends, how it ends (sentence, comma, question…), whether it is a
 * separator rule, and the measure of its text (units, punctuation inside,
 * how it starts), annotations left out.  Long scans let the pages behind
 * them go here, and stop here when another thread asks.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/doc.h"
#include "yuedu/uchar.h"
#include "yuedu/utf8.h"
#include "yuedu/width.h"

#include "outline_int.h"

static int
outline_is_wordch(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
	    (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0x24F &&
	    cp != 0xD7 && cp != 0xF7) || (cp >= 0xFF10 && cp <= 0xFF19) ||
	    (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A) ||
	    (cp >= 0x0370 && cp <= 0x04FF);
}

/*
 * Outer whitespace of a line: ASCII space, tab, U+3000, CR, and the
 * no-break spaces some renderers indent with.
 */
static int
outline_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == '\r' ||
	    cp == '\f' || cp == '\v' || cp == 0xA0;
}

/* Spaces that may separate a number from its title. */
int
outline_is_sep_space(uint32_t cp)
{
	return outline_is_space(cp) || cp == 0xA0 || (cp >= 0x2000 &&
	    cp <= 0x200A);
}

static int
outline_is_closer(uint32_t cp, int *quote)
{
	switch (cp) {
	case 0x201D: case 0x2019: case 0x300D: case 0x300F: case '"':
	case '\'': case 0x301E: case 0xFF02:
		*quote = 1;
		return 1;
	case 0xFF09: case ')': case 0x300B: case 0x3009: case 0x3011:
	case 0x3015: case ']': case 0xFF3D: case 0xFF5D: case '}':
	case 0x3017:
		return 1;
	}
	return 0;
}

static enum outline_end
outline_punct_class(uint32_t cp)
{
	switch (cp) {
	case 0x3002: case 0xFF0E: case 0xFF01: case '!': case 0xFF1B:
	case ';': case 0x2026: case 0x22EF: case '.': case 0xFF61:
		return OUTLINE_END_SENT;
	case 0xFF1F: case '?':
		return OUTLINE_END_QUESTION;
	case 0xFF0C: case ',': case 0x3001: case 0x2014: case 0x2015:
	case 0xFF64:
		return OUTLINE_END_COMMA;
	case 0xFF1A: case ':':
		return OUTLINE_END_COLON;
	}
	return OUTLINE_END_NONE;
}

/* Sentence punctuation that may not stand inside a heading. */
static int
outline_is_sent_inside(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xFF0E || cp == 0xFF01 || cp == 0xFF1B ||
	    cp == ';' || cp == 0xFF1F || cp == '?' || cp == '!' ||
	    cp == 0xFF61;
}

/*
 * The annotation ending at END (a ')' or '）'), if any: returns the offset
 * of its opening parenthesis, or END when there is none.
 */
static size_t
outline_annot_before(const char *t, size_t lo, size_t end)
{
	size_t close = utf8_prev(t, lo, end), p, inner;
	uint32_t cp;

	utf8_decode(t + close, end - close, &cp);
	if (cp != ')' && cp != 0xFF09)
		return end;
	p = close;
	while (p > lo && close - p <= 28) {
		p = utf8_prev(t, lo, p);
		utf8_decode(t + p, close - p, &cp);
		if (cp == '(' || cp == 0xFF08)
			break;
	}
	if (cp != '(' && cp != 0xFF08)
		return end;
	inner = p + (cp == '(' ? 1 : 3);
	if (p == lo || inner >= close || !annot_is_pinyin(t + inner,
	    close - inner))
		return end;
	utf8_decode(t + utf8_prev(t, lo, p), p - utf8_prev(t, lo, p),
	    &cp);
	return uchar_is_han(cp) ? p : end;
}

static enum outline_end
outline_end_of(const char *t, size_t t0, size_t t1)
{
	size_t p = t1;
	int quote = 0;
	uint32_t cp;

	while (p > t0) {
		size_t q = outline_annot_before(t, t0, p);
		enum outline_end e;

		if (q != p) {
			p = q;
			continue;
		}
		q = utf8_prev(t, t0, p);
		utf8_decode(t + q, p - q, &cp);
		if (outline_is_closer(cp, &quote)) {
			p = q;
			continue;
		}
		e = outline_punct_class(cp);
		if (e == OUTLINE_END_SENT && (cp == 0xFF01 || cp == '!') &&
		    q > t0) {
			/* 什么是 Linux？！ asks a question. */
			size_t r = utf8_prev(t, t0, q);
			utf8_decode(t + r, q - r, &cp);
			if (outline_punct_class(cp) == OUTLINE_END_QUESTION)
				return OUTLINE_END_QUESTION;
		}
		if (e != OUTLINE_END_NONE)
			return e;
		break;
	}
	return quote ? OUTLINE_END_QUOTE : OUTLINE_END_NONE;
}

static int
outline_rule_cp(uint32_t cp)
{
	return cp == '-' || cp == '=' || cp == '*' || cp == '_' || cp == '~' ||
	    cp == 0x2500 || cp == 0x2501 || cp == 0x2550 || cp == 0x2014 ||
	    cp == 0x2015 || cp == 0xFF0D || cp == 0xFF1D || cp == 0x00B7 ||
	    cp == 0x30FB || cp == 0x2026;
}

/* A separator line: three or more of one rule character (and spaces). */
int
outline_is_rule(const char *t, size_t t0, size_t t1)
{
	uint32_t first = 0, cp;
	size_t p = t0;
	int n = 0;

	while (p < t1) {
		p += utf8_decode(t + p, t1 - p, &cp);
		if (cp == ' ')
			continue;
		if (n == 0) {
			if (!outline_rule_cp(cp))
				return 0;
			first = cp;
		} else if (cp != first)
			return 0;
		n++;
	}
	return n >= 3 || (n >= 2 && (first == 0x2014 || first == 0x2026));
}

/*
 * A pass going forward through a big text at OFF: let the pages well
 * behind it go (a look back faults them in again), so reading 100 MB does
 * not keep 100 MB resident.
 */
void
outline_drop_behind(struct outline_ctx *cx, size_t off)
{
	if (off < cx->dropped)
		cx->dropped = off;	/* a look back, or a new pass */
	else if (off > cx->dropped + 2 * DOC_DROP_STEP) {
		doc_drop_range(cx->doc, cx->dropped, off - DOC_DROP_STEP);
		cx->dropped = off - DOC_DROP_STEP;
	}
}

/* 1 once another thread asked to stop: the passes end early. */
int
outline_stopped(struct outline_ctx *cx)
{
	return cx->stop != NULL && atomic_load(cx->stop);
}

void
outline_line_get(struct outline_ctx *cx, size_t i, struct outline_line *li)
{
	const char *t = cx->text;
	size_t p, e;
	int cols = 0;
	uint32_t cp;

	if (outline_stopped(cx)) {	/* every pass ends here */
		if (i < cx->nlines)
			cx->nlines = i;
		memset(li, 0, sizeof *li);
		li->blank = 1;
		return;
	}
	li->start = doc_line_start(cx->doc, i);
	li->end = doc_line_end(cx->doc, i);
	outline_drop_behind(cx, li->start);
	p = li->start;
	e = li->end;
	while (p < e) {
		size_t k = utf8_decode(t + p, e - p, &cp);
		if (!outline_is_space(cp))
			break;
		cols += cp == '\t' ? 4 - cols % 4 : cp == 0x3000 ? 2 : 1;
		p += k;
	}
	while (e > p) {
		size_t q = utf8_prev(t, p, e);
		utf8_decode(t + q, e - q, &cp);
		if (!outline_is_space(cp))
			break;
		e = q;
	}
	li->t0 = p;
	li->t1 = e;
	li->indent_cols = cols;
	li->blank = p == e;
	li->rule = 0;
	li->end_class = OUTLINE_END_NONE;
	if (li->blank)
		return;
	if (e - p <= OUTLINE_MAX_LINE)
		li->rule = outline_is_rule(t, p, e);
	if (!li->rule)
		li->end_class = outline_end_of(t, p, e);
}

/* 1 if S (N bytes) holds a '(' or a '（'. */
static int
outline_has_paren(const char *s, size_t n)
{
	const char *p = s, *e = s + n;

	if (memchr(s, '(', n) != NULL)
		return 1;
	while ((p = memchr(p, 0xEF, (size_t)(e - p))) != NULL) {
		if (e - p >= 3 && (unsigned char)p[1] == 0xBC &&
		    (unsigned char)p[2] == 0x88)
			return 1;
		p++;
	}
	return 0;
}

/* Annotations of [T0, T1) into cx->spans. */
void
outline_find_annots(struct outline_ctx *cx, size_t t0, size_t t1)
{
	cx->nspans = 0;
	if (outline_has_paren(cx->text + t0, t1 - t0))
		cx->nspans = annot_find(cx->text + t0, t1 - t0, t0,
		    &cx->spans, &cx->span_cap);
}

/*
 * Measure [T0, T1) without its annotations, stopping once CAP units are
 * counted.  A unit is a Han (kana, hangul) character or a run of letters
 * or digits, so 工具層面 is 4 and "Software License" is 2.
 */
void
outline_measure(struct outline_ctx *cx, size_t t0, size_t t1, int cap,
    struct outline_meas *m)
{
	const char *t = cx->text;
	size_t p = t0, si = 0;
	int in_word = 0, first = 1, annots = 0;
	uint32_t cp;

	memset(m, 0, sizeof *m);
	m->stop_off = t1;
	m->stop_found = 0;
	cx->nspans = 0;
	while (p < t1) {
		size_t k;

		if (si < cx->nspans && p >= cx->spans[si].open_off) {
			p = cx->spans[si++].end_off;
			continue;
		}
		k = utf8_decode(t + p, t1 - p, &cp);
		if ((cp == '(' || cp == 0xFF08) && !annots) {
			/* Annotations are looked for at the first '('. */
			annots = 1;
			cx->nspans = annot_find(t + t0, t1 - t0, t0,
			    &cx->spans, &cx->span_cap);
			while (si < cx->nspans && cx->spans[si].open_off < p)
				si++;
			if (si < cx->nspans && cx->spans[si].open_off == p)
				continue;
		}
		if (first) {
			first = 0;
			int quote = 0;

			/* o item, the bullet of text renderers */
			if (cp == 'o' && p + 1 < t1 && t[p + 1] == ' ')
				m->bad_start = 1;
			if (outline_punct_class(cp) != OUTLINE_END_NONE ||
			    (cp != '"' && cp != '\'' &&
			    outline_is_closer(cp, &quote)))
				m->punct_start = 1;
			m->quote_start = cp == 0x201C || cp == 0x300C ||
			    cp == 0x300E || cp == '"';
			if (cp == '*' || cp == '-' || cp == '+' || cp == '>' ||
			    cp == '|' || cp == '<' || cp == '#' || cp == '`' ||
			    cp == '[' || cp == '!' || cp == 0x2022 ||
			    cp == 0x00B7 || cp == 0x25CF || cp == 0x25CB ||
			    cp == 0x25C6 || cp == 0x25A0 || cp == 0x25A1 ||
			    cp == 0x203B || cp == 0x2014 || cp == 0x201C ||
			    cp == 0x300C || cp == 0x2018 || cp == '"' ||
			    cp == 0x2013 || cp == 0x2015 || cp == 0x2026 ||
			    outline_punct_class(cp) != OUTLINE_END_NONE)
				m->bad_start = 1;
		}
		if (uchar_is_syllabic(cp)) {
			m->units++;
			m->alpha++;
			m->han++;
			in_word = 0;
		} else if (outline_is_wordch(cp)) {
			if (!in_word) {
				size_t q = p;
				m->units++;
				while (q < t1 && t[q] >= 'a' && t[q] <= 'z')
					q++;
				if (q - p >= 4)
					m->lower_words++;
			}
			if (!outline_is_digit(cp))
				m->alpha++;
			in_word = 1;
		} else {
			in_word = 0;
			if (cp == 0x3002 && !m->stop_found) {
				m->stop_off = p;
				m->stop_found = 1;
			}
			if (outline_is_sent_inside(cp))
				m->sent_inside++;
			if (cp == 0xFF0C || cp == ',' || cp == 0x3001)
				m->commas++;
			if (cp == ':' && p + 3 <= t1 &&
			    memcmp(t + p, "://", 3) == 0)
				m->url = 1;
		}
		p += k;
		if (m->units > cap)
			break;
	}
}

/* Text after ASCII spaces and U+3000 from P. */
size_t
outline_skip_sep(const char *t, size_t p, size_t t1)
{
	uint32_t cp;

	while (p < t1) {
		size_t k = utf8_decode(t + p, t1 - p, &cp);
		if (!outline_is_sep_space(cp))
			break;
		p += k;
	}
	return p;
}

int
outline_starts(const char *t, size_t p, size_t t1, const char *lit)
{
	size_t n = strlen(lit);

	return t1 - p >= n && memcmp(t + p, lit, n) == 0;
}

/* [T0, T1) without any whitespace, into BUF (at most N-1 bytes). */
size_t
outline_compact(const char *t, size_t t0, size_t t1, char *buf, size_t n)
{
	size_t p = t0, o = 0;
	uint32_t cp;

	while (p < t1) {
		size_t k = utf8_decode(t + p, t1 - p, &cp);
		if (!outline_is_sep_space(cp)) {
			if (o + k >= n)
				return (size_t)-1;
			memcpy(buf + o, t + p, k);
			o += k;
		}
		p += k;
	}
	buf[o] = '\0';
	return o;
}

/* Columns of [T0, T1), counting at most up to LIM. */
int
outline_cols(const char *t, size_t t0, size_t t1, int lim)
{
	int cols = 0;
	uint32_t cp;

	while (t0 < t1 && cols < lim) {
		int w;
		t0 += utf8_decode(t + t0, t1 - t0, &cp);
		w = cp == (uint32_t)-1 ? 1 : width_codepoint(cp);
		cols += w > 0 ? w : 0;
	}
	return cols;
}
