/*
 * Plain text: the identity rendering, or hard-wrapped text reflowed.  A
 * hard-wrapped text has most of its lines near one width and rarely ends
 * them with a sentence; its paragraphs are joined back (nothing between
 * two CJK characters, a space between Latin words).  A paragraph starts
 * at a blank line, an indented line, a heading, a list item or a rule,
 * and after a line shorter than the wrap width, so verse stays as it is.
 */
#include "yuedu/render.h"

#include <stdlib.h>
#include <string.h>

#include "render_int.h"
#include "yuedu/doc.h"
#include "yuedu/util.h"
#include "yuedu/utf8.h"
#include "yuedu/width.h"

#define RENDER_SAMPLE_BYTES ((size_t)1 << 20)
/* Lines of a stretch whose wrap width is found on its own: books were
 * typed in parts, and a novel's width drifts (紅樓夢 goes 66, 64, 58, 54,
 * 52 and 70 columns). */
#define RENDER_STRETCH_LINES 300
#define RENDER_MAX_COLS 512
/* A paragraph joined from this many bytes ends at its next line end, so
 * a text that never ends one cannot make a line layout chokes on. */
#define RENDER_PARA_MAX ((size_t)64 << 10)

/* Bytes of trailing spaces, tabs and CRs at the end of L (N bytes). */
static size_t
render_trim_end(const char *l, size_t n)
{
	while (n > 0 && (l[n - 1] == ' ' || l[n - 1] == '\t' ||
	    l[n - 1] == '\r'))
		n--;
	return n;
}

/* The last code point of S (N > 0 bytes). */
static uint32_t
render_last_cp(const char *s, size_t n)
{
	size_t i = n;
	uint32_t cp;

	while (i > 0 && n - i < 4 && ((unsigned char)s[i - 1] & 0xc0) == 0x80)
		i--;
	if (i > 0)
		i--;
	utf8_decode(s + i, n - i, &cp);
	return cp;
}

/* 1 if CP ends a sentence (。！？… and closing quotes after them). */
static int
render_ends_sentence(uint32_t cp)
{
	switch (cp) {
	case 0x3002: case 0xff01: case 0xff1f: case 0x2026: case 0x201d:
	case 0x300d: case 0x300f: case '.': case '!': case '?': case '"':
	case 0xff0e: case 0xff1a: case ':': case 0x2019: case 0xff09:
	case ')':
		return 1;
	}
	return 0;
}

/* Columns of L (N bytes), capped at RENDER_MAX_COLS. */
static int
render_cols(const char *l, size_t n)
{
	int cols = 0;

	for (size_t i = 0; i < n && cols < RENDER_MAX_COLS;) {
		uint32_t cp;
		size_t k = utf8_decode(l + i, n - i, &cp);
		int w;

		if (k == 0)
			k = 1;
		w = cp == '\t' ? 4 : width_codepoint(cp);
		cols += w < 0 ? 1 : w;
		i += k;
	}
	return cols > RENDER_MAX_COLS ? RENDER_MAX_COLS : cols;
}

/*
 * The wrap width of TEXT (N bytes) in columns, or 0 when it does not
 * look hard-wrapped.
 */
static int
render_wrap_cols(const char *text, size_t n)
{
	unsigned hist[RENDER_MAX_COLS + 1];
	unsigned nonblank = 0, near = 0, near_end = 0, over = 0, best = 0;
	unsigned breaks = 0;	/* blank, indented or short lines */
	int wrap = 0, slack;

	memset(hist, 0, sizeof hist);
	for (size_t i = 0; i < n;) {
		const char *nl = memchr(text + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - text) : n;
		size_t len = render_trim_end(text + i, e - i);

		if (len > 0) {
			hist[render_cols(text + i, len)]++;
			nonblank++;
		}
		i = e + 1;
	}
	if (nonblank < 20)
		return 0;
	for (int w = 24; w < RENDER_MAX_COLS; w++) {
		if (hist[w] > best) {
			best = hist[w];
			wrap = w;
		}
	}
	if (wrap == 0)
		return 0;
	/* Lines often stop a column or two short (a wide character or a
	 * word that did not fit). */
	slack = wrap / 12 > 2 ? wrap / 12 : 2;
	for (size_t i = 0; i < n;) {
		const char *nl = memchr(text + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - text) : n;
		size_t len = render_trim_end(text + i, e - i);

		if (len > 0) {
			int c = render_cols(text + i, len);

			if (c >= wrap - slack && c <= wrap) {
				near++;
				near_end += render_ends_sentence(
				    render_last_cp(text + i, len));
			} else if (c > wrap + 2) {
				over++;
			} else {
				breaks++;
			}
		} else {
			breaks++;
		}
		i = e + 1;
	}
	/* Prose wrapped at a width: most lines full, few over, few ending a
	 * sentence, and paragraphs that end now and then (a text of
	 * identical lines is not prose). */
	if (near * 10 < nonblank * 4 || over * 20 > nonblank ||
	    near_end * 10 > near * 4 || breaks * 100 < nonblank)
		return 0;
	return wrap;
}

int
render_text_is_wrapped(struct doc *src)
{
	return render_text_wrap_cols(src) > 0;
}

/* The end of the stretch of TEXT (N bytes) that starts at I: after
 * RENDER_STRETCH_LINES lines, or N. */
static size_t
render_stretch_end(const char *text, size_t n, size_t i)
{
	for (int k = 0; k < RENDER_STRETCH_LINES && i < n; k++) {
		const char *nl = memchr(text + i, '\n', n - i);

		i = nl ? (size_t)(nl - text) + 1 : n;
	}
	return i;
}

/*
 * The wrap width of TEXT (N bytes) found stretch by stretch: the first
 * stretch's width when most stretches look wrapped (each at its own
 * width), or 0.  A text too short for two stretches is taken whole.
 */
static int
render_wrap_stretches(const char *text, size_t n)
{
	unsigned seen = 0, wrapped = 0;
	int first = 0;

	for (size_t i = 0; i < n;) {
		size_t e = render_stretch_end(text, n, i);
		int w;

		if (i == 0 && e >= n)
			return render_wrap_cols(text, n);
		w = render_wrap_cols(text + i, e - i);
		if (e - i > 0 && (w > 0 || e < n)) {
			seen++;		/* a short last stretch: not a vote */
			if (w > 0) {
				wrapped++;
				if (first == 0)
					first = w;
			}
		}
		i = e;
	}
	return seen > 0 && wrapped * 2 >= seen ? first : 0;
}

int
render_text_wrap_cols(struct doc *src)
{
	size_t n = src->len < RENDER_SAMPLE_BYTES ? src->len :
	    RENDER_SAMPLE_BYTES;

	/* Skip a front matter (a licence header, a table of contents) by
	 * looking at the middle of a big text too. */
	int w = render_wrap_stretches(src->text, n);

	if (w == 0 && src->len > 4 * RENDER_SAMPLE_BYTES) {
		const char *mid = src->text + src->len / 2;
		const char *nl = memchr(mid, '\n', RENDER_SAMPLE_BYTES);

		if (nl != NULL)
			w = render_wrap_stretches(nl + 1, RENDER_SAMPLE_BYTES);
	}
	return w;
}

/* 1 if L (N bytes, not blank) is indented: ASCII spaces, tab or U+3000. */
static int
render_indented(const char *l, size_t n)
{
	return l[0] == ' ' || l[0] == '\t' || (n >= 3 &&
	    memcmp(l, "\xe3\x80\x80", 3) == 0);
}

/* 1 if L starts a block of its own: a list item, a rule, a heading. */
static int
render_starts_block(const char *l, size_t n)
{
	size_t i = 0;

	if (n >= 2 && (l[0] == '-' || l[0] == '*' || l[0] == '+') &&
	    l[1] == ' ')
		return 1;
	while (i < n && i < 4 && l[i] >= '0' && l[i] <= '9')
		i++;
	if (i > 0 && i + 1 < n && (l[i] == '.' || l[i] == ')') &&
	    l[i + 1] == ' ')
		return 1;
	if (n >= 3) {
		size_t k = 0;

		while (k < n && (l[k] == '-' || l[k] == '=' || l[k] == '*' ||
		    l[k] == '_'))
			k++;
		if (k == n)
			return 1;
	}
	/* 第N回 / 第N章 / 卷N: a chapter heading. */
	if (n >= 6 && memcmp(l, "\xe7\xac\xac", 3) == 0) {
		const char *m = memmem(l, n < 30 ? n : 30, "\xe5\x9b\x9e", 3);

		if (m == NULL)
			m = memmem(l, n < 30 ? n : 30, "\xe7\xab\xa0", 3);
		if (m == NULL)
			m = memmem(l, n < 30 ? n : 30, "\xe5\x8d\xb7", 3);
		if (m != NULL)
			return 1;
	}
	if (n >= 1 && l[0] == '#')
		return 1;
	return 0;
}

/* 1 if nothing goes between A (end of a line) and B (start of the next):
 * either is wide (CJK) or CJK punctuation. */
static int
render_join_tight(uint32_t a, uint32_t b)
{
	if (width_codepoint(a) == 2 || width_codepoint(b) == 2)
		return 1;
	if ((a >= 0x3000 && a <= 0x303f) || (b >= 0x3000 && b <= 0x303f) ||
	    (a >= 0xff00 && a <= 0xffef) || (b >= 0xff00 && b <= 0xffef))
		return 1;
	if (a == 0x201c || a == 0x2018 || b == 0x201d || b == 0x2019 ||
	    a == 0x2014 || b == 0x2014 || b == 0x2026)
		return 1;
	return 0;
}

/* A line end after a line whose kept text ends at source END. */
static void
render_text_eol(struct render *r, const char *t, size_t end)
{
	if (t[end] == '\n')
		render_text(r, "\n", 1, end);
	else
		render_gen(r, "\n", 1, end);
}

/* Reflow SRC, whose lines are wrapped at WRAP columns. */
static struct render *
render_text_reflow(struct doc *src, int wrap, const atomic_int *stop)
{
	struct render *r = render_begin(src, RENDER_TEXT);
	const char *t = src->text;
	size_t n = src->len, i = 0;
	int slack = wrap / 12 > 2 ? wrap / 12 : 2;
	int prev_full = 0;	/* the line before could go on */
	size_t prev_end = 0;	/* source end of its kept text */
	uint32_t prev_cp = 0;
	int in_para = 0;
	size_t para_off = 0;	/* shown offset of the paragraph */
	size_t stretch_end = 0;	/* where the width is found again */

	r->reflowed = 1;
	r->stop = stop;
	render_block_begin(r, RENDER_BLOCK_PARA, 0);
	while (i < n && !r->stopped) {
		const char *nl = memchr(t + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - t) : n;
		size_t len = render_trim_end(t + i, e - i);
		const char *l = t + i;
		uint32_t first;

		if (i >= stretch_end) {
			/* Each stretch at its own width, where it shows one;
			 * else the width before it. */
			int w;

			stretch_end = render_stretch_end(t, n, i);
			w = render_wrap_cols(t + i, stretch_end - i);
			if (w > 0) {
				wrap = w;
				slack = wrap / 12 > 2 ? wrap / 12 : 2;
			}
		}

		if (len == 0) {
			/* A blank line: ends the paragraph, kept. */
			if (in_para)
				render_text_eol(r, t, prev_end);
			render_block_end(r);
			render_text(r, "\n", 1, e < n ? e : i);
			render_block_begin(r, RENDER_BLOCK_PARA, 0);
			in_para = 0;
			prev_full = 0;
			i = e + 1;
			continue;
		}
		utf8_decode(l, len, &first);
		if (in_para && prev_full && !render_indented(l, len) &&
		    !render_starts_block(l, len) &&
		    render_len(r) - para_off < RENDER_PARA_MAX) {
			/* Join: the old line end goes. */
			if (!render_join_tight(prev_cp, first) &&
			    !(prev_cp == '-'))
				render_gen(r, " ", 1, prev_end);
		} else {
			if (in_para) {
				render_text_eol(r, t, prev_end);
				render_block_end(r);
				render_block_begin(r, RENDER_BLOCK_PARA, 0);
			}
			para_off = render_len(r);
		}
		render_text(r, l, len, i);
		in_para = 1;
		prev_end = i + len;
		prev_cp = render_last_cp(l, len);
		prev_full = render_cols(l, len) >= wrap - slack;
		i = e + 1;
	}
	if (in_para && n > 0 && t[n - 1] == '\n')
		render_text_eol(r, t, prev_end);
	render_block_end(r);
	return render_finish(r);
}

struct render *
render_text_render(struct doc *src, int reflow, const atomic_int *stop)
{
	struct render *r;
	int wrap = reflow ? render_text_wrap_cols(src) : 0;

	if (reflow && wrap == 0)
		wrap = 80;	/* --reflow=on with no clear width */
	if (reflow)
		return render_text_reflow(src, wrap, stop);
	r = render_begin(src, RENDER_TEXT);
	r->identity = 1;
	r->doc = src;
	return r;
}
