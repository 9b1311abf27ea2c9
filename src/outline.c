/*
 * The outline: the headings of a document, found the way a careful reader
 * finds them.  Markdown documents are read by their markers; plain text is
 * read line by line for structure words (第…章), numbering (一、 （一） 1.1),
 * front matter (目录, 序言) and short stand-alone lines, each judged in its
 * context (tests/outline/README.md states the rules).  A user's PCRE2
 * pattern replaces all of that when given.
 */
#include "yuedu/outline.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "yuedu/doc.h"
#include "yuedu/render.h"
#include "yuedu/uchar.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

/* Longest line (bytes) that may be a heading; longer lines are body. */
#define OUTLINE_MAX_LINE	1024
/* Longest plain stand-alone heading, in units (see outline_measure). */
#define OUTLINE_PLAIN_UNITS	24
/* Longest numbered heading text or run-in heading sentence, in units. */
#define OUTLINE_NUM_UNITS	40
/* Longest structure-word heading (第…章 …), in units. */
#define OUTLINE_STRUCT_UNITS	50
/* Longest document title, in units. */
#define OUTLINE_TITLE_UNITS	60
/* Indentation (columns) from which a stand-alone line counts as centred. */
#define OUTLINE_CENTRED_COLS	10

/* Ranks: a heading nests under every open heading of a smaller rank. */
enum {
	OUTLINE_R_TITLE = 0,
	OUTLINE_R_PLAIN = 1,	/* plain lines and front matter */
	OUTLINE_R_PART = 2,	/* 第…部 / 卷 */
	OUTLINE_R_BIAN = 3,	/* 第…编 / 篇 / 部分 */
	OUTLINE_R_FENBIAN = 4,	/* 第…分编 */
	OUTLINE_R_ZHANG = 5,	/* 第…章 / 回 */
	OUTLINE_R_JIE = 6,	/* 第…节 */
	OUTLINE_R_CN_DUN = 10,	/* 一、 */
	OUTLINE_R_CN_PAREN = 11,	/* （一） */
	OUTLINE_R_AR1 = 12,	/* 1. 1． 1、; 1.1 is 13, 1.1.1 is 14 */
	OUTLINE_R_AR_PAREN = 16,	/* （1） */
	OUTLINE_R_CIRCLED = 17,	/* ① */
};

/* How a line ends, after closing quotes and brackets. */
enum outline_end {
	OUTLINE_END_NONE = 0,	/* a word, digit or closing bracket */
	OUTLINE_END_SENT,	/* 。．！；… and ASCII . ! ; */
	OUTLINE_END_QUESTION,	/* ？ ? */
	OUTLINE_END_COMMA,	/* ，,、 and a dash */
	OUTLINE_END_COLON,	/* ：: */
	OUTLINE_END_QUOTE,	/* a closing quote with no punctuation before */
};

/* What a line looks like by itself. */
enum outline_look {
	OUTLINE_L_BODY = 0,
	OUTLINE_L_STRUCT,	/* 第…章 heading */
	OUTLINE_L_MATTER,	/* 序言, 楔子…: front or back matter */
	OUTLINE_L_CAPTION,	/* 目录: the caption of a table of contents */
	OUTLINE_L_NUM,		/* numbered line that is all heading */
	OUTLINE_L_NUM_RUNIN,	/* numbered heading sentence, then body */
	OUTLINE_L_NUM_ITEM,	/* numbered line that is a list item */
	OUTLINE_L_PLAIN,	/* short line with no end punctuation */
};

/* One line, measured. */
struct outline_line {
	size_t start;		/* byte offset of the line */
	size_t end;		/* byte offset of its end (no terminator) */
	size_t t0, t1;		/* the text without outer whitespace */
	int indent_cols;	/* columns of leading whitespace */
	int blank;
	int rule;		/* ----, ====, ───: a separator */
	enum outline_end end_class;
};

/* The text of a line, measured without its annotations. */
struct outline_meas {
	int units;		/* Han characters + runs of letters/digits */
	int alpha;		/* letters and Han characters */
	int han;		/* Han, kana and hangul characters */
	int lower_words;	/* Latin words of 4+ letters in lower case */
	int sent_inside;	/* 。．！？；?!; before the end */
	int commas;		/* ，,、 */
	int bad_start;		/* starts with a bullet, quote or markup */
	int punct_start;	/* starts with punctuation that ends things */
	int quote_start;	/* starts with an opening quote */
	int url;		/* holds "://" */
	size_t stop_off;	/* offset of the first 。 */
	int stop_found;		/* stop_off is valid */
};

/* How a line was classified by itself. */
struct outline_cls {
	enum outline_look look;
	int rank;
	int style;		/* numbering style: equal styles are siblings */
	size_t title_end;	/* end of the title (run-in: before 。) */
	int units;
	int commas;
	int sentence_case;	/* Latin words in lower case: prose */
};

struct outline_ctx {
	struct doc *doc;
	const char *text;
	size_t nlines;
	size_t dropped;		/* pages before this let go (long scans) */
	const atomic_int *stop;	/* outline_opts.stop */
	int hide;		/* titles without annotations */
	int para_indent;	/* columns paragraphs start at; -1: unknown */
	int hard_wrapped;	/* lines break inside sentences */
	int page_cols;		/* width the text is set in (centring) */
	struct annot_span *spans;
	size_t span_cap;
	size_t nspans;
	/* The headings found, in order. */
	struct outline_cand *cand;
	size_t ncand, cand_cap;
};

/* A heading found, before its level is known. */
struct outline_cand {
	size_t line;		/* 0-based */
	size_t t0, t1;		/* title bytes */
	int rank;
	int plain;		/* pops to the title, as plain lines do */
	int leaf;		/* holds nothing under it (目录) */
	int body_before;	/* text between the previous heading and it */
	int strip_md;		/* title: drop HTML tags (an <hN> line) */
};

/* ---- Code points ---- */

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
static int
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

static int
outline_is_cn_digit(uint32_t cp)
{
	switch (cp) {
	case 0x96F6: case 0x3007: case 0x25CB: case 0x4E00: case 0x4E8C:
	case 0x4E09: case 0x56DB: case 0x4E94: case 0x516D: case 0x4E03:
	case 0x516B: case 0x4E5D: case 0x5341: case 0x767E: case 0x5343:
	case 0x4E24: case 0x5169: case 0x5EFF: case 0x5345: case 0xFF2F:
		return 1;
	}
	return 0;
}

static int
outline_is_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* ---- Lines ---- */

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
static int
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
static void
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
static int
outline_stopped(struct outline_ctx *cx)
{
	return cx->stop != NULL && atomic_load(cx->stop);
}

static void
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
static void
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
static void
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
static size_t
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

static int
outline_starts(const char *t, size_t p, size_t t1, const char *lit)
{
	size_t n = strlen(lit);

	return t1 - p >= n && memcmp(t + p, lit, n) == 0;
}

/*
 * 第 + numeral + structure word.  Returns the rank (0 when not one) and
 * sets *after to the byte after the word.
 */
static int
outline_struct_word(const char *t, size_t t0, size_t t1, size_t *after)
{
	static const struct {
		const char *w;
		int rank;
	} words[] = {
		{ "分编", OUTLINE_R_FENBIAN }, { "分編", OUTLINE_R_FENBIAN },
		{ "部分", OUTLINE_R_BIAN }, { "编", OUTLINE_R_BIAN },
		{ "編", OUTLINE_R_BIAN }, { "篇", OUTLINE_R_BIAN },
		{ "章", OUTLINE_R_ZHANG }, { "回", OUTLINE_R_ZHANG },
		{ "节", OUTLINE_R_JIE }, { "節", OUTLINE_R_JIE },
		{ "卷", OUTLINE_R_PART }, { "部", OUTLINE_R_PART },
	};
	size_t p = t0;
	int digits = 0;
	uint32_t cp;

	/* 章 1. 從一條正確的路開始: the word, then the number (Chapter 1.). */
	if (outline_starts(t, p, t1, "章") || outline_starts(t, p, t1, "节") ||
	    outline_starts(t, p, t1, "節")) {
		int rank = outline_starts(t, p, t1, "章") ? OUTLINE_R_ZHANG :
		    OUTLINE_R_JIE;
		size_t q = p + 3;
		int nd = 0;

		if (q >= t1 || (t[q] != ' ' && !outline_starts(t, q, t1,
		    "\xC2\xA0")))
			return 0;
		q = outline_skip_sep(t, q, t1);
		while (q < t1 && t[q] >= '0' && t[q] <= '9' && nd < 4) {
			q++;
			nd++;
		}
		if (nd == 0 || q >= t1 || t[q] != '.')
			return 0;
		*after = q + 1;
		return rank;
	}
	if (!outline_starts(t, p, t1, "第"))
		return 0;
	p = outline_skip_sep(t, p + 3, t1);
	while (p < t1) {
		size_t k = utf8_decode(t + p, t1 - p, &cp);
		if (!outline_is_cn_digit(cp) && !outline_is_digit(cp))
			break;
		p += k;
		digits++;
	}
	if (digits == 0 || digits > 8)
		return 0;
	p = outline_skip_sep(t, p, t1);
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		if (outline_starts(t, p, t1, words[i].w)) {
			*after = p + strlen(words[i].w);
			return words[i].rank;
		}
	}
	return 0;
}

/* 1 if CP may separate a structure word or keyword from its title. */
static int
outline_is_title_sep(uint32_t cp)
{
	return outline_is_sep_space(cp) || cp == 0xFF1A || cp == ':' ||
	    cp == 0xFF0E || cp == '.' || cp == 0x3001 || cp == 0x2014 ||
	    cp == '-' || cp == 0x00B7 || cp == 0x30FB;
}

/* Front and back matter that heads a section by its name alone. */
static const char *const outline_matter_words[] = {
	"序言", "序章", "前言", "引言", "引子", "楔子", "导言", "導言",
	"绪论", "緒論", "绪言", "緒言", "摘要", "提要", "后记", "後記",
	"尾声", "尾聲", "附录", "附錄", "参考文献", "參考文獻", "致谢",
	"致謝", "结语", "結語", "结束语", "結束語", "自序", "代序", "凡例",
	"序", "跋", "前記", "后序", "後序", "附则", "附則",
};

static const char *const outline_caption_words[] = {
	"目录", "目錄", "目次", "总目录", "總目錄", "内容目录", "內容目錄",
	"附表目录", "附表目錄", "附图目录", "附圖目錄", "图表目录", "圖表目錄",
	"表格清单", "表格清單", "插图清单", "插圖清單", "Contents", "CONTENTS",
	"TableofContents", "TABLEOFCONTENTS",
};

/* [T0, T1) without any whitespace, into BUF (at most N-1 bytes). */
static size_t
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

/* 1 if the line is a matter word, alone or followed by a title. */
static int
outline_matter(const char *t, size_t t0, size_t t1, int *caption)
{
	char buf[64];
	size_t n;

	*caption = 0;
	if (t1 - t0 > 48)
		n = (size_t)-1;
	else
		n = outline_compact(t, t0, t1, buf, sizeof buf);
	if (n != (size_t)-1) {
		for (size_t i = 0; i < sizeof outline_caption_words /
		    sizeof outline_caption_words[0]; i++) {
			if (strcmp(buf, outline_caption_words[i]) == 0) {
				*caption = 1;
				return 1;
			}
		}
		for (size_t i = 0; i < sizeof outline_matter_words /
		    sizeof outline_matter_words[0]; i++) {
			if (strcmp(buf, outline_matter_words[i]) == 0)
				return 1;
		}
	}
	/* 附件一, 附录A, 附錄 2: an annex and its number. */
	if (n != (size_t)-1 && (strncmp(buf, "附件", 6) == 0 ||
	    strncmp(buf, "附录", 6) == 0 || strncmp(buf, "附錄", 6) == 0) &&
	    n > 6 && n <= 6 + 9) {
		size_t p = 6;
		uint32_t cp;

		while (p < n) {
			p += utf8_decode(buf + p, n - p, &cp);
			if (!outline_is_cn_digit(cp) && !outline_is_digit(cp) &&
			    !(cp >= 'A' && cp <= 'Z'))
				break;
		}
		if (p == n && (outline_is_cn_digit(cp) ||
		    outline_is_digit(cp) || (cp >= 'A' && cp <= 'Z')))
			return 1;
	}
	/* 楔子　張天師祈禳瘟疫　洪太尉誤走妖魔: a word, a space, a title. */
	for (size_t wl = 6; wl <= 12 && t0 + wl < t1; wl += 3) {
		uint32_t cp;

		utf8_decode(t + t0 + wl, t1 - t0 - wl, &cp);
		if (!outline_is_sep_space(cp) && cp != 0xFF1A)
			continue;
		for (size_t i = 0; i < sizeof outline_matter_words /
		    sizeof outline_matter_words[0]; i++) {
			const char *w = outline_matter_words[i];

			if (strlen(w) == wl && memcmp(t + t0, w, wl) == 0)
				return 1;
		}
	}
	return 0;
}

/*
 * Parse a numbering at T0: 一、 （一） (一) 1. 1． 1、 1.1 1.1.1 （1） ①.
 * Returns the style (0 when none; equal styles are siblings), sets *rank
 * and *text to the first byte of the title text.
 */
static int
outline_numbering(const char *t, size_t t0, size_t t1, int *rank,
    size_t *text)
{
	size_t p = t0, k;
	uint32_t cp;
	int n = 0;

	k = utf8_decode(t + p, t1 - p, &cp);
	if (cp == '(' || cp == 0xFF08) {
		int cn = 0, ar = 0;

		p += k;
		while (p < t1 && n < 5) {
			k = utf8_decode(t + p, t1 - p, &cp);
			if (outline_is_cn_digit(cp) && cp != 0x25CB)
				cn++;
			else if (outline_is_digit(cp))
				ar++;
			else
				break;
			p += k;
			n++;
		}
		if ((cn && ar) || n == 0 || n > 4 || ar > 2 || p >= t1)
			return 0;
		k = utf8_decode(t + p, t1 - p, &cp);
		if (cp != ')' && cp != 0xFF09)
			return 0;
		*text = outline_skip_sep(t, p + k, t1);
		*rank = cn ? OUTLINE_R_CN_PAREN : OUTLINE_R_AR_PAREN;
		return cn ? 2 : 3;
	}
	if (cp >= 0x2460 && cp <= 0x2487) {
		*text = outline_skip_sep(t, p + k, t1);
		*rank = OUTLINE_R_CIRCLED;
		return 4;
	}
	if (outline_is_cn_digit(cp) && cp != 0x25CB) {
		while (p < t1 && n < 5) {
			k = utf8_decode(t + p, t1 - p, &cp);
			if (!outline_is_cn_digit(cp) || cp == 0x25CB)
				break;
			p += k;
			n++;
		}
		if (n > 4 || !outline_starts(t, p, t1, "、"))
			return 0;
		*text = outline_skip_sep(t, p + 3, t1);
		*rank = OUTLINE_R_CN_DUN;
		return 1;
	}
	if (outline_is_digit(cp) || (cp >= 'A' && cp <= 'Z' && p + 2 < t1 &&
	    t[p + 1] == '.' && t[p + 2] >= '0' && t[p + 2] <= '9')) {
		int depth = 0, dot_end = 0;
		size_t q;

		/* A.1. 共享库: an appendix's sections. */
		if (cp >= 'A' && cp <= 'Z') {
			p += 2;
			depth = 1;
		}
		for (;;) {
			int nd = 0;
			while (p < t1) {
				k = utf8_decode(t + p, t1 - p, &cp);
				if (!outline_is_digit(cp))
					break;
				p += k;
				nd++;
			}
			if (nd == 0 || nd > 3)
				return 0;
			depth++;
			dot_end = 0;
			if (p >= t1)
				return 0;
			k = utf8_decode(t + p, t1 - p, &cp);
			if (cp == 0x3001 && depth == 1) {
				p += k;
				dot_end = 1;
				break;
			}
			if (cp != '.' && cp != 0xFF0E)
				break;
			p += k;
			dot_end = 1;
			if (p >= t1)
				return 0;
			utf8_decode(t + p, t1 - p, &cp);
			if (!outline_is_digit(cp))
				break;
		}
		if (depth == 1 && !dot_end)
			return 0;
		if (p >= t1)
			return 0;
		utf8_decode(t + p, t1 - p, &cp);
		/* 1.1 版本, 1.分词, 1. Cut: not 2.8% or 3.4GHz. */
		if (!outline_is_sep_space(cp) && !uchar_is_syllabic(cp) &&
		    !(dot_end && cp >= 0x2E80))
			return 0;
		q = outline_skip_sep(t, p, t1);
		if (q == p && !dot_end && !uchar_is_syllabic(cp))
			return 0;
		*text = q;
		if (depth > 4)
			depth = 4;
		*rank = OUTLINE_R_AR1 + depth - 1;
		return 10 + depth;
	}
	return 0;
}

/*
 * A classical chapter name: a few Han characters, then 第 and a numeral,
 * and nothing else (始計第一, 用間第十三, 學而第一).
 */
static int
outline_classical(const char *t, size_t t0, size_t t1)
{
	size_t p = t0, di = 0;
	int han = 0, num = 0;
	uint32_t cp;

	while (p < t1) {
		size_t k = utf8_decode(t + p, t1 - p, &cp);
		if (cp == 0x7B2C && han >= 2 && di == 0) {
			di = p;
		} else if (di) {
			if (!outline_is_cn_digit(cp) || cp == 0x25CB)
				return 0;
			num++;
		} else if (uchar_is_han(cp)) {
			han++;
		} else
			return 0;
		p += k;
	}
	return di && han <= 8 && num >= 1 && num <= 3;
}

/*
 * Classify line LI by itself (no context).  PLAIN_CAP is the most units a
 * plain line may have to be looked at (0: do not look for one).
 */
static void
outline_classify(struct outline_ctx *cx, const struct outline_line *li,
    struct outline_cls *c, int plain_cap)
{
	const char *t = cx->text;
	struct outline_meas m;
	size_t after, text;
	int rank, style, caption;
	uint32_t cp;

	memset(c, 0, sizeof *c);
	c->look = OUTLINE_L_BODY;
	c->title_end = li->t1;
	if (li->blank || li->rule)
		return;
	if (li->t1 - li->t0 > OUTLINE_MAX_LINE) {
		/* Only a run-in numbered heading can start a long line. */
		style = outline_numbering(t, li->t0, li->t1, &rank, &text);
		if (style == 0)
			return;
		outline_measure(cx, text, li->t0 + OUTLINE_MAX_LINE,
		    OUTLINE_NUM_UNITS + 1, &m);
		goto runin;
	}
	rank = outline_struct_word(t, li->t0, li->t1, &after);
	if (rank) {
		outline_measure(cx, li->t0, li->t1, OUTLINE_STRUCT_UNITS + 1,
		    &m);
		if (m.units > OUTLINE_STRUCT_UNITS ||
		    li->end_class == OUTLINE_END_SENT ||
		    li->end_class == OUTLINE_END_COLON)
			return;
		if (after < li->t1) {
			utf8_decode(t + after, li->t1 - after, &cp);
			/* 第四回中既將…: the word runs on into a sentence. */
			if (!outline_is_title_sep(cp) && (m.sent_inside ||
			    m.commas || m.units > 20 ||
			    li->end_class != OUTLINE_END_NONE))
				return;
		}
		c->look = OUTLINE_L_STRUCT;
		c->rank = rank;
		c->units = m.units;
		return;
	}
	if (li->t1 - li->t0 <= 13 * 3 && outline_classical(t, li->t0,
	    li->t1)) {
		c->look = OUTLINE_L_STRUCT;
		c->rank = OUTLINE_R_ZHANG;
		c->units = 4;
		return;
	}
	if (outline_matter(t, li->t0, li->t1, &caption)) {
		outline_measure(cx, li->t0, li->t1, OUTLINE_PLAIN_UNITS + 1,
		    &m);
		if (m.units > OUTLINE_PLAIN_UNITS || m.sent_inside ||
		    (li->end_class != OUTLINE_END_NONE))
			return;
		c->look = caption ? OUTLINE_L_CAPTION : OUTLINE_L_MATTER;
		c->rank = OUTLINE_R_PLAIN;
		c->units = m.units;
		return;
	}
	style = outline_numbering(t, li->t0, li->t1, &rank, &text);
	if (style) {
		outline_measure(cx, text, li->t1, OUTLINE_NUM_UNITS + 1, &m);
		c->style = style;
		c->rank = rank;
		c->look = OUTLINE_L_NUM_ITEM;
		if (m.units == 0 || m.punct_start)
			return;
		/* 4.5.3. “为什么 GNU su 不支持 wheel 组”: quoted whole. */
		if (m.units <= OUTLINE_NUM_UNITS &&
		    (li->end_class == OUTLINE_END_NONE ||
		    li->end_class == OUTLINE_END_QUESTION ||
		    (li->end_class == OUTLINE_END_QUOTE && m.quote_start)) &&
		    (m.sent_inside == 0 || li->end_class ==
		    OUTLINE_END_QUESTION)) {
			c->look = OUTLINE_L_NUM;
			c->units = m.units;
			return;
		}
runin:
		c->style = style;
		c->rank = rank;
		c->look = OUTLINE_L_NUM_ITEM;
		/* （一）大力推进…，加快发展新质生产力。充分发挥…: run-in. */
		if (!m.stop_found || m.stop_off == text)
			return;
		{
			struct outline_meas h, rest;
			size_t q = m.stop_off + 3;

			outline_measure(cx, text, m.stop_off,
			    OUTLINE_NUM_UNITS + 1, &h);
			if (h.units < 2 || h.units > OUTLINE_NUM_UNITS ||
			    h.sent_inside || h.punct_start)
				return;
			/* No ；：in the heading sentence. */
			if (memmem(t + text, m.stop_off - text, "：", 3) ||
			    memchr(t + text, ':', m.stop_off - text) ||
			    memchr(t + text, ';', m.stop_off - text))
				return;
			outline_measure(cx, q, q + (li->t1 - q > 64 ? 64 :
			    li->t1 - q), 3, &rest);
			if (rest.units < 2)
				return;
			c->look = OUTLINE_L_NUM_RUNIN;
			c->title_end = m.stop_off;
			c->units = h.units;
		}
		return;
	}
	if (plain_cap == 0 || li->end_class != OUTLINE_END_NONE)
		return;
	outline_measure(cx, li->t0, li->t1, plain_cap + 1, &m);
	if (m.units < 1 || m.alpha == 0 || m.bad_start || m.url ||
	    m.sent_inside || m.units > plain_cap)
		return;
	/* A lone character (the tail of a wrapped paragraph) is no title. */
	if (m.units < 2 && m.alpha < 2)
		return;
	c->look = OUTLINE_L_PLAIN;
	c->rank = OUTLINE_R_PLAIN;
	c->units = m.units;
	c->commas = m.commas;
	/* Latin text names a section in Title Case, not in a sentence. */
	c->sentence_case = m.han == 0 && m.lower_words > 0;
}

/* Columns of [T0, T1), counting at most up to LIM. */
static int
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

/* 1 if LI reads as a paragraph: a finished sentence or a long line. */
static int
outline_is_paragraph(struct outline_ctx *cx, const struct outline_line *li)
{
	struct outline_meas m;

	if (li->blank || li->rule)
		return 0;
	/* A bare URL is a reference, not prose. */
	if (memmem(cx->text + li->t0, li->t1 - li->t0, "://", 3) != NULL &&
	    memchr(cx->text + li->t0, ' ', li->t1 - li->t0) == NULL)
		return 0;
	if (li->end_class == OUTLINE_END_SENT ||
	    li->end_class == OUTLINE_END_COLON ||
	    li->end_class == OUTLINE_END_QUESTION ||
	    li->end_class == OUTLINE_END_QUOTE)
		return 1;
	if (li->t1 - li->t0 > 200)
		return 1;
	outline_measure(cx, li->t0, li->t1, 16, &m);
	return m.units >= 16;
}

/*
 * The indentation paragraphs start at: the most common non-zero indent of
 * lines that start a paragraph (after a blank line or a finished
 * sentence), when at least a third of them have it; else 0.  Also whether
 * the text is hard-wrapped: a third of its lines or more break inside a
 * sentence.  Counted over the first lines only: documents keep their
 * habits.
 */
static int
outline_para_indent(struct outline_ctx *cx)
{
	size_t hist[41], total = 0, best = 0, lines = 0, open = 0;
	size_t wide[161];
	struct outline_line li, prev;
	size_t lim = cx->nlines < 30000 ? cx->nlines : 30000;

	if (cx->para_indent >= 0)
		return cx->para_indent;
	memset(hist, 0, sizeof hist);
	memset(wide, 0, sizeof wide);
	memset(&prev, 0, sizeof prev);
	prev.blank = 1;
	for (size_t i = 0; i < lim; i++) {
		outline_line_get(cx, i, &li);
		if (!li.blank && !li.rule && li.t1 - li.t0 >= 30) {
			int cols = li.indent_cols + outline_cols(cx->text,
			    li.t0, li.t1, 160);
			wide[cols > 160 ? 160 : cols]++;
			lines++;
			open += li.end_class == OUTLINE_END_NONE ||
			    li.end_class == OUTLINE_END_COMMA;
		}
		/* Paragraphs: finished sentences or long lines. */
		if (!li.blank && !li.rule && (li.t1 - li.t0 >= 75 ||
		    (li.t1 - li.t0 >= 30 &&
		    li.end_class != OUTLINE_END_NONE)) &&
		    (prev.blank || prev.end_class == OUTLINE_END_SENT ||
		    prev.end_class == OUTLINE_END_QUESTION)) {
			hist[li.indent_cols > 40 ? 40 : li.indent_cols]++;
			total++;
		}
		prev = li;
	}
	cx->para_indent = 0;
	for (int c = 1; c < 40; c++) {
		if (hist[c] > best) {
			best = hist[c];
			cx->para_indent = c;
		}
	}
	if (best * 3 < total)
		cx->para_indent = 0;
	/* A handful of lines tells nothing. */
	cx->hard_wrapped = lines >= 10 && open * 3 >= lines;
	/* The page: the width 95% of the lines keep within, if wrapped. */
	cx->page_cols = 80;
	for (size_t c = 0, seen = 0; c <= 160 && lines >= 20; c++) {
		seen += wide[c];
		if (seen * 20 >= lines * 19) {
			if (c >= 40 && c <= 100)
				cx->page_cols = (int)c;
			break;
		}
	}
	return cx->para_indent;
}

/* 1 if LI is centred on the page: its margins differ by 10 or less. */
static int
outline_centred(struct outline_ctx *cx, const struct outline_line *li)
{
	int cols, slack;

	if (li->indent_cols < OUTLINE_CENTRED_COLS)
		return 0;
	outline_para_indent(cx);
	cols = outline_cols(cx->text, li->t0, li->t1, 200);
	slack = cx->page_cols - cols - 2 * li->indent_cols;
	return slack >= -10 && slack <= 10;
}

/* 1 if a heading may stand at LI's indentation (not a paragraph's). */
static int
outline_indent_ok(struct outline_ctx *cx, const struct outline_line *li)
{
	return li->indent_cols == 0 || li->indent_cols <
	    outline_para_indent(cx);
}

/*
 * A numbered heading wrapped onto the next line or two: the lines form a
 * block set apart by blank lines, and the block ends without sentence
 * punctuation (or with a question mark), as in 1.5. …为什么我应该选 /
 * 择 Debian，而不是其他发行版？
 */
static int
outline_wrapped_heading(struct outline_ctx *cx, size_t i,
    const struct outline_line *li)
{
	struct outline_line ln;
	struct outline_meas m;
	int units;

	outline_measure(cx, li->t0, li->t1, OUTLINE_TITLE_UNITS, &m);
	units = m.units;
	for (size_t k = i + 1; k < cx->nlines && k <= i + 2; k++) {
		outline_line_get(cx, k, &ln);
		if (ln.blank || ln.rule || ln.indent_cols > li->indent_cols)
			return 0;
		outline_measure(cx, ln.t0, ln.t1, OUTLINE_TITLE_UNITS, &m);
		units += m.units;
		if (units > OUTLINE_TITLE_UNITS)
			return 0;
		if (k + 1 < cx->nlines) {
			struct outline_line after;
			outline_line_get(cx, k + 1, &after);
			if (!after.blank && !after.rule)
				continue;
		}
		if (ln.end_class == OUTLINE_END_SENT) {
			/* 我想知道…哪些软件包！ exclaims; 。 ends prose. */
			uint32_t cp;
			size_t q = utf8_prev(cx->text, ln.t0, ln.t1);
			utf8_decode(cx->text + q, ln.t1 - q, &cp);
			return cp == 0xFF01 || cp == '!';
		}
		return ln.end_class == OUTLINE_END_NONE ||
		    ln.end_class == OUTLINE_END_QUESTION;
	}
	return 0;
}

/* ---- Collecting headings ---- */

static void
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

/* The next line after I that is neither blank nor a rule; 0 if none. */
static int
outline_next_text(struct outline_ctx *cx, size_t i, size_t *j,
    struct outline_line *lj)
{
	for (size_t k = i + 1; k < cx->nlines; k++) {
		outline_line_get(cx, k, lj);
		if (!lj->blank && !lj->rule) {
			*j = k;
			return 1;
		}
	}
	return 0;
}

static int
outline_is_heading_look(enum outline_look l)
{
	return l == OUTLINE_L_STRUCT || l == OUTLINE_L_MATTER ||
	    l == OUTLINE_L_CAPTION || l == OUTLINE_L_NUM ||
	    l == OUTLINE_L_NUM_RUNIN || l == OUTLINE_L_PLAIN;
}

/* 1 if headings A and B have the same text, whitespace aside. */
static int
outline_same_title(struct outline_ctx *cx, const struct outline_cand *a,
    const struct outline_cand *b)
{
	char x[256], y[256];
	size_t nx = outline_compact(cx->text, a->t0, a->t1, x, sizeof x);
	size_t ny = outline_compact(cx->text, b->t0, b->t1, y, sizeof y);

	return nx != (size_t)-1 && nx == ny && memcmp(x, y, nx) == 0;
}

/*
 * Plain text.  Each line is classified by itself, then judged in context:
 * what ends before it, what follows it, the list it may belong to.
 */
static void
outline_scan_plain(struct outline_ctx *cx)
{
	struct outline_line li, prev, lj;
	struct outline_cls c, cj;
	size_t i, j;
	int seen_text = 0, chain = 0, body_since = 1, pending_list = 0;
	int list_style = 0, list_rank = 0, toc = 0;
	size_t last_heading = (size_t)-1;
	int prev_style = 0;	/* numbering style of the previous text line */

	memset(&prev, 0, sizeof prev);
	prev.blank = 1;
	outline_para_indent(cx);
	for (i = 0; i < cx->nlines; i++) {
		int prev_ok, accept = 0, rank = 0, plain = 0, is_first;
		int plain_cap;
		size_t title_end;

		outline_line_get(cx, i, &li);
		if (li.blank || li.rule) {
			if (toc == 2)
				toc = 0;
			prev = li;
			continue;
		}
		if (toc) {
			/* The entries of a table of contents. */
			toc = 2;
			chain = 0;
			prev = li;
			continue;
		}
		/* The title comes before any paragraph or heading. */
		is_first = !seen_text;
		prev_ok = i == 0 || prev.blank || prev.rule ||
		    prev.end_class == OUTLINE_END_SENT ||
		    prev.end_class == OUTLINE_END_QUESTION ||
		    last_heading == i - 1;
		/*
		 * A plain line is worth measuring only where one may stand:
		 * after a finished paragraph, and set apart from the text
		 * around it in hard-wrapped text.
		 */
		if (is_first)
			plain_cap = OUTLINE_TITLE_UNITS;
		else if (!chain && prev_ok && (!cx->hard_wrapped ||
		    prev.blank || prev.rule))
			plain_cap = OUTLINE_PLAIN_UNITS;
		else
			plain_cap = 0;
		outline_classify(cx, &li, &c, plain_cap);
		title_end = c.title_end;
		/* A number that starts a wrapped line is no numbering. */
		if (!prev_ok && (c.look == OUTLINE_L_NUM ||
		    c.look == OUTLINE_L_NUM_RUNIN ||
		    c.look == OUTLINE_L_NUM_ITEM)) {
			c.look = OUTLINE_L_BODY;
			c.style = 0;
			title_end = li.t1;
		}

		switch (c.look) {
		case OUTLINE_L_STRUCT:
			accept = 1;
			rank = c.rank;
			list_style = 0;
			pending_list = 0;
			break;
		case OUTLINE_L_CAPTION:
		case OUTLINE_L_MATTER:
			/* Named sections may follow an unfinished list. */
			if ((!prev_ok && prev.end_class != OUTLINE_END_NONE) ||
			    !outline_next_text(cx, i, &j, &lj))
				break;
			accept = 1;
			rank = OUTLINE_R_PLAIN;
			plain = 1;
			if (c.look == OUTLINE_L_CAPTION)
				toc = 1;
			break;
		case OUTLINE_L_NUM:
		case OUTLINE_L_NUM_RUNIN:
		case OUTLINE_L_NUM_ITEM:
			if (c.look != OUTLINE_L_NUM) {
				/*
				 * Sentences numbered after a colon are the
				 * items of an enumeration, and so are the
				 * items nested right under them.
				 */
				if (pending_list) {
					list_style = c.style;
					list_rank = c.rank;
					pending_list = 0;
					break;
				}
				if (list_style && (c.style == list_style ||
				    (c.rank > list_rank && prev_style)))
					break;
			}
			pending_list = 0;
			list_style = 0;
			if (!prev_ok || !outline_indent_ok(cx, &li))
				break;
			if (c.look == OUTLINE_L_NUM_ITEM) {
				if ((prev.blank || prev.rule || i == 0) &&
				    outline_wrapped_heading(cx, i, &li)) {
					accept = 1;
					rank = c.rank;
				}
				break;
			}
			if (c.look == OUTLINE_L_NUM) {
				/* Consecutive short items are a list. */
				if (prev_style == c.style)
					break;
				if (!outline_next_text(cx, i, &j, &lj))
					break;
				outline_classify(cx, &lj, &cj,
				    OUTLINE_PLAIN_UNITS);
				if (cj.style == c.style && (cj.look ==
				    OUTLINE_L_NUM || cj.look ==
				    OUTLINE_L_NUM_ITEM))
					break;
			}
			accept = 1;
			rank = c.rank;
			break;
		case OUTLINE_L_PLAIN:
			if (is_first) {
				/*
				 * The document's title: set apart, or right
				 * above a paragraph or a heading (not above
				 * the rest of a note, as in "This file was
				 * derived from" / a URL).
				 */
				if (!outline_next_text(cx, i, &j, &lj))
					break;
				outline_classify(cx, &lj, &cj,
				    OUTLINE_PLAIN_UNITS);
				if (j == i + 1 && (c.commas ||
				    (!outline_is_heading_look(cj.look) &&
				    !outline_is_paragraph(cx, &lj))))
					break;
				accept = 1;
				rank = OUTLINE_R_TITLE;
				break;
			}
			if (chain)
				break;	/* a subtitle of the heading above */
			if (!prev_ok || c.units > OUTLINE_PLAIN_UNITS ||
			    c.sentence_case)
				break;
			if ((prev.blank || prev.rule) &&
			    outline_centred(cx, &li)) {
				/* A centred title line. */
				outline_line_get(cx, i + 1, &lj);
				if (i + 1 < cx->nlines && !lj.blank &&
				    !lj.rule)
					break;
				if (!outline_next_text(cx, i, &j, &lj))
					break;
				accept = 1;
				rank = OUTLINE_R_TITLE;
				break;
			}
			if (c.commas || cx->hard_wrapped) {
				/*
				 * With a comma, or in hard-wrapped text
				 * (where a short line may be a broken
				 * one), only a line set apart.
				 */
				outline_line_get(cx, i + 1, &lj);
				if (!prev.blank && !prev.rule)
					break;
				if (i + 1 < cx->nlines && !lj.blank &&
				    !lj.rule)
					break;
			}
			if (!outline_indent_ok(cx, &li) ||
			    !outline_next_text(cx, i, &j, &lj))
				break;
			outline_classify(cx, &lj, &cj, OUTLINE_PLAIN_UNITS);
			if ((prev.blank || prev.rule) && j == i + 1 &&
			    !outline_is_heading_look(cj.look)) {
				/*
				 * Set apart above but not below: the text
				 * right under it must be a paragraph, not
				 * the next line of a block such as an
				 * address or a notice.
				 */
				struct outline_meas mj;

				outline_measure(cx, lj.t0, lj.t1, 40, &mj);
				if (mj.units < 16 || mj.units * 2 < c.units * 3)
					break;
			}
			if (cj.look == OUTLINE_L_NUM ||
			    cj.look == OUTLINE_L_NUM_RUNIN) {
				accept = 1;
			} else if (!outline_is_heading_look(cj.look)) {
				struct outline_meas mj;

				outline_measure(cx, lj.t0, lj.t1, 40, &mj);
				if (lj.end_class == OUTLINE_END_SENT ||
				    lj.end_class == OUTLINE_END_COLON ||
				    lj.end_class == OUTLINE_END_QUESTION ||
				    (mj.units >= 12 && mj.units * 2 >=
				    c.units * 3))
					accept = 1;
			}
			rank = OUTLINE_R_PLAIN;
			plain = 1;
			break;
		case OUTLINE_L_BODY:
			break;
		}

		if (accept && !body_since && cx->ncand > 0) {
			/* The same heading twice in a row: keep the first. */
			struct outline_cand me;

			me.t0 = li.t0;
			me.t1 = title_end;
			if (outline_same_title(cx, &cx->cand[cx->ncand - 1],
			    &me))
				accept = 0;
		}
		if (accept) {
			outline_add(cx, i, li.t0, title_end, rank, plain,
			    body_since, 0);
			cx->cand[cx->ncand - 1].leaf = c.look ==
			    OUTLINE_L_CAPTION;
			last_heading = i;
			body_since = c.look == OUTLINE_L_NUM_RUNIN;
			chain = c.look != OUTLINE_L_NUM_RUNIN;
			if (rank == OUTLINE_R_TITLE || c.look ==
			    OUTLINE_L_STRUCT)
				list_style = 0;
		} else {
			/*
			 * Subtitles, bylines and other short lines keep the
			 * heading block open until a paragraph comes.
			 */
			if (chain && outline_is_paragraph(cx, &li))
				chain = 0;
			body_since = 1;
		}
		if (!accept && li.end_class == OUTLINE_END_COLON)
			pending_list = 1;
		else if (c.look != OUTLINE_L_NUM &&
		    c.look != OUTLINE_L_NUM_ITEM &&
		    c.look != OUTLINE_L_NUM_RUNIN)
			pending_list = 0;
		if (!seen_text && (accept || outline_is_paragraph(cx, &li)))
			seen_text = 1;
		prev_style = (c.look == OUTLINE_L_NUM ||
		    c.look == OUTLINE_L_NUM_ITEM ||
		    c.look == OUTLINE_L_NUM_RUNIN) ? c.style : 0;
		prev = li;
	}
}

/*
 * A table of contents without a caption: a run of five or more headings
 * with no text between them, three quarters of which come again later,
 * in the same order.  (Four levels, 编 分编 章 节, may legitimately open
 * at once; five may not.)  When the run goes on into the first heading
 * proper (its first entry again), only the part before it is contents.
 */
static void
outline_drop_toc(struct outline_ctx *cx)
{
	size_t i = 0, o = 0;

	while (i < cx->ncand) {
		size_t k = i + 1, end, again = 0, b;

		while (k < cx->ncand && !cx->cand[k].body_before)
			k++;
		end = k;
		for (size_t r = i + 1; r < k; r++) {
			if (outline_same_title(cx, &cx->cand[i],
			    &cx->cand[r])) {
				end = r;
				break;
			}
		}
		b = end;
		for (size_t a = i; end - i >= 5 && a < end; a++) {
			for (size_t c = b; c < cx->ncand; c++) {
				if (outline_same_title(cx, &cx->cand[a],
				    &cx->cand[c])) {
					again++;
					b = c + 1;
					break;
				}
			}
		}
		if (end - i >= 5 && again * 4 >= (end - i) * 3) {
			/* Keep a title standing before the contents. */
			if (cx->cand[i].rank == OUTLINE_R_TITLE)
				cx->cand[o++] = cx->cand[i];
			if (end < cx->ncand)
				cx->cand[end].body_before = 1;
			i = end;
			continue;
		}
		for (size_t a = i; a < k; a++)
			cx->cand[o++] = cx->cand[a];
		i = k;
	}
	cx->ncand = o;
}

/* ---- Markdown ---- */

static int
outline_md_ext(const char *name)
{
	static const char *const exts[] = {
		".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx",
	};
	size_t n = strlen(name);

	for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
		size_t e = strlen(exts[i]);
		if (n > e && strcasecmp(name + n - e, exts[i]) == 0)
			return 1;
	}
	return 0;
}

/* Leading spaces of a Markdown line, in columns (tab = to 4). */
static int
outline_md_indent(const char *t, size_t start, size_t end, size_t *p)
{
	int cols = 0;

	*p = start;
	while (*p < end && (t[*p] == ' ' || t[*p] == '\t')) {
		cols += t[*p] == '\t' ? 4 - cols % 4 : 1;
		(*p)++;
	}
	return cols;
}

/* An ATX heading at P: returns its level (0 if none) and the title. */
static int
outline_md_atx(const char *t, size_t p, size_t end, size_t *t0, size_t *t1)
{
	int n = 0;
	size_t q, e;

	while (p < end && t[p] == '#' && n < 7) {
		p++;
		n++;
	}
	if (n == 0 || n > 6 || (p < end && t[p] != ' ' && t[p] != '\t'))
		return 0;
	q = p;
	while (q < end && (t[q] == ' ' || t[q] == '\t'))
		q++;
	e = end;
	while (e > q && (t[e - 1] == ' ' || t[e - 1] == '\t' ||
	    t[e - 1] == '\r'))
		e--;
	/* A closing sequence of #s, after a space (or alone). */
	{
		size_t h = e;
		while (h > q && t[h - 1] == '#')
			h--;
		if (h < e && (h == q || t[h - 1] == ' ' || t[h - 1] == '\t')) {
			e = h;
			while (e > q && (t[e - 1] == ' ' || t[e - 1] == '\t'))
				e--;
		}
	}
	if (e == q)
		return 0;
	*t0 = q;
	*t1 = e;
	return n;
}

/* A setext underline: '=' (1) or '-' (2), 0 if none. */
static int
outline_md_underline(const char *t, size_t p, size_t end)
{
	char ch;
	size_t e = end;

	while (e > p && (t[e - 1] == ' ' || t[e - 1] == '\t' ||
	    t[e - 1] == '\r'))
		e--;
	if (p >= e || (t[p] != '=' && t[p] != '-'))
		return 0;
	ch = t[p];
	for (size_t q = p; q < e; q++) {
		if (t[q] != ch)
			return 0;
	}
	return ch == '=' ? 1 : 2;
}

/* <h1>…</h1> on one line: the level, and the inner text's bounds. */
static int
outline_md_html(const char *t, size_t p, size_t end, size_t *t0, size_t *t1)
{
	const char *gt, *close;
	char tag[6];
	int lv;

	if (end - p < 9 || t[p] != '<' || (t[p + 1] != 'h' &&
	    t[p + 1] != 'H') ||
	    t[p + 2] < '1' || t[p + 2] > '6' || (t[p + 3] != '>' &&
	    t[p + 3] != ' '))
		return 0;
	lv = t[p + 2] - '0';
	gt = memchr(t + p, '>', end - p);
	if (gt == NULL)
		return 0;
	memcpy(tag, "</h", 3);
	tag[3] = t[p + 2];
	tag[4] = '>';
	close = memmem(gt + 1, (size_t)(t + end - gt - 1), tag, 5);
	if (close == NULL) {
		tag[1] = '/';
		tag[2] = 'H';
		close = memmem(gt + 1, (size_t)(t + end - gt - 1), tag, 5);
	}
	if (close == NULL)
		return 0;
	*t0 = (size_t)(gt + 1 - t);
	*t1 = (size_t)(close - t);
	return lv;
}

enum outline_md_prev {
	OUTLINE_MD_BLANK,	/* blank line or start of document */
	OUTLINE_MD_PARA1,	/* the first line of a paragraph */
	OUTLINE_MD_PARA,	/* a later line of a paragraph */
	OUTLINE_MD_OTHER,	/* heading, fence, rule, code, HTML, quote */
	OUTLINE_MD_CODE,	/* indented code */
};

/*
 * Markdown: ATX and setext headings (a setext underline only under a
 * one-line paragraph, so a rule after a paragraph stays a rule) and HTML
 * <h1>-<h6> lines; nothing inside fenced code, indented code, comments
 * or front matter.
 */
static void
outline_scan_md(struct outline_ctx *cx)
{
	const char *t = cx->text;
	enum outline_md_prev prev = OUTLINE_MD_BLANK;
	size_t prev_line = 0, prev_p = 0, prev_end = 0;
	char fence = 0;
	size_t fence_len = 0;
	int comment = 0, front = 0;

	for (size_t i = 0; i < cx->nlines && !outline_stopped(cx); i++) {
		size_t start = doc_line_start(cx->doc, i);
		size_t end = doc_line_end(cx->doc, i);
		size_t p, t0, t1, e;
		int ind, lv;

		ind = outline_md_indent(t, start, end, &p);
		e = end;
		while (e > p && (t[e - 1] == ' ' || t[e - 1] == '\t'))
			e--;
		if (i == 0 && e - p == 3 && memcmp(t + p, "---", 3) == 0) {
			front = 1;	/* YAML front matter */
			continue;
		}
		if (front) {
			if ((e - p == 3 && (memcmp(t + p, "---", 3) == 0 ||
			    memcmp(t + p, "...", 3) == 0)))
				front = 0;
			prev = OUTLINE_MD_BLANK;
			continue;
		}
		if (fence) {
			size_t q = p, n = 0;
			while (q < e && t[q] == fence) {
				q++;
				n++;
			}
			if (ind < 4 && n >= fence_len && q == e)
				fence = 0;
			prev = OUTLINE_MD_OTHER;
			continue;
		}
		if (comment) {
			if (memmem(t + p, e - p, "-->", 3) != NULL)
				comment = 0;
			prev = OUTLINE_MD_OTHER;
			continue;
		}
		if (p == e) {
			prev = prev == OUTLINE_MD_CODE ? OUTLINE_MD_CODE :
			    OUTLINE_MD_BLANK;
			continue;
		}
		if (ind >= 4 && (prev == OUTLINE_MD_BLANK ||
		    prev == OUTLINE_MD_CODE || prev == OUTLINE_MD_OTHER)) {
			prev = OUTLINE_MD_CODE;
			continue;
		}
		if (ind < 4 && e - p >= 3 && (t[p] == '`' || t[p] == '~') &&
		    t[p + 1] == t[p] && t[p + 2] == t[p]) {
			size_t q = p;
			fence = t[p];
			while (q < e && t[q] == fence)
				q++;
			fence_len = q - p;
			/* A backtick fence's info string has no backtick. */
			if (fence == '`' && memchr(t + q, '`', e - q) != NULL)
				fence = 0;
			else {
				prev = OUTLINE_MD_OTHER;
				continue;
			}
		}
		if (e - p >= 4 && memcmp(t + p, "<!--", 4) == 0) {
			if (memmem(t + p + 4, e - p - 4, "-->", 3) == NULL)
				comment = 1;
			prev = OUTLINE_MD_OTHER;
			continue;
		}
		if (ind < 4 && (lv = outline_md_atx(t, p, e, &t0, &t1)) > 0) {
			outline_add(cx, i, t0, t1, lv, 0, 1, 0);
			prev = OUTLINE_MD_OTHER;
			continue;
		}
		if (ind < 4 && (lv = outline_md_underline(t, p, e)) > 0) {
			if (prev == OUTLINE_MD_PARA1) {
				/* The line above is the heading. */
				size_t a = prev_p, b = prev_end;
				while (b > a && (t[b - 1] == ' ' ||
				    t[b - 1] == '\t'))
					b--;
				outline_add(cx, prev_line, a, b, lv, 0, 1, 0);
				prev = OUTLINE_MD_OTHER;
				continue;
			}
			if (lv == 2 || prev != OUTLINE_MD_PARA) {
				prev = OUTLINE_MD_OTHER;	/* a rule */
				continue;
			}
		}
		if (ind < 4 && (lv = outline_md_html(t, p, e, &t0, &t1)) > 0) {
			outline_add(cx, i, t0, t1, lv, 0, 1, 1);
			prev = OUTLINE_MD_OTHER;
			continue;
		}
		if (t[p] == '>' || t[p] == '|' || (e - p >= 3 &&
		    outline_md_underline(t, p, e) == 0 && outline_is_rule(t,
		    p, e))) {
			prev = OUTLINE_MD_OTHER;
			continue;
		}
		if (ind >= 4 && prev != OUTLINE_MD_PARA1 &&
		    prev != OUTLINE_MD_PARA) {
			prev = OUTLINE_MD_CODE;
			continue;
		}
		prev = prev == OUTLINE_MD_PARA1 || prev == OUTLINE_MD_PARA ?
		    OUTLINE_MD_PARA : OUTLINE_MD_PARA1;
		prev_line = i;
		prev_p = p;
		prev_end = e;
	}
}

/* No extension: Markdown when two ATX headings or a setext one show. */
static int
outline_md_sniff(struct outline_ctx *cx)
{
	const char *t = cx->text;
	size_t lim = cx->doc->len < 65536 ? cx->doc->len : 65536, n = 0;
	size_t off = 0, t0, t1;

	while (off < lim) {
		const char *nl = memchr(t + off, '\n', lim - off);
		size_t end = nl ? (size_t)(nl - t) : lim;

		if (outline_md_atx(t, off, end, &t0, &t1) > 0 && ++n >= 2)
			return 1;
		off = end + 1;
	}
	return 0;
}

static int
outline_is_markdown(struct outline_ctx *cx)
{
	const char *name = cx->doc->name, *slash, *dot;

	if (outline_md_ext(name))
		return 1;
	slash = strrchr(name, '/');
	dot = strrchr(slash ? slash : name, '.');
	if (dot != NULL && dot[1] != '\0')
		return 0;	/* .txt and the like: plain text */
	return outline_md_sniff(cx);
}

/* ---- The user's pattern ---- */

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
	uint32_t groups = 0;

	if (rx == NULL)
		return -1;
	pcre2_pattern_info(rx, PCRE2_INFO_CAPTURECOUNT, &groups);
	md = pcre2_match_data_create_from_pattern(rx, NULL);
	for (size_t i = 0; i < cx->nlines; i++) {
		struct outline_line li;
		int rc, rank = 1;

		outline_line_get(cx, i, &li);
		if (li.blank)
			continue;
		rc = pcre2_match(rx, (PCRE2_SPTR)(cx->text + li.start),
		    li.end - li.start, 0, 0, md, NULL);
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
	pcre2_match_data_free(md);
	pcre2_code_free(rx);
	return 0;
}

/* ---- Titles and levels ---- */

/*
 * The title of C: its bytes without hidden annotations, HTML tags (for
 * <hN> lines), controls or invalid bytes.
 */
static char *
outline_title(struct outline_ctx *cx, const struct outline_cand *c)
{
	const char *t = cx->text;
	size_t p = c->t0, si = 0, o = 0, n = c->t1 - c->t0;
	char *out = xmalloc(n * 3 + 4);
	int tag = 0;

	if (cx->hide)
		outline_find_annots(cx, c->t0, c->t1);
	else
		cx->nspans = 0;
	while (p < c->t1) {
		uint32_t cp;
		size_t k;

		if (si < cx->nspans && p >= cx->spans[si].open_off) {
			p = cx->spans[si++].end_off;
			continue;
		}
		k = utf8_decode(t + p, c->t1 - p, &cp);
		if (c->strip_md && cp == '<' && p + 1 < c->t1 &&
		    (t[p + 1] == '/' || (t[p + 1] >= 'a' && t[p + 1] <= 'z') ||
		    (t[p + 1] >= 'A' && t[p + 1] <= 'Z')) &&
		    memchr(t + p, '>', c->t1 - p) != NULL)
			tag = 1;
		if (tag) {
			if (cp == '>')
				tag = 0;
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
	}
	return out;
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
outline_from_render(struct doc *doc, enum annot_mode mode)
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
		*out = outline_from_render(doc, mode);
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
