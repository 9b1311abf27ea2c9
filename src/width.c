/*
 * The width policy for layout and screen alike (the contract is in
 * width.h).  utf8proc supplies Unicode 15 widths and grapheme breaks; a
 * few data overrides make our count agree with the C library's wcwidth(),
 * which is what terminals use.
 */
#include "yuedu/width.h"

#include <stdio.h>
#include <string.h>
#include <unilbrk.h>
#include <utf8proc.h>

#include "yuedu/utf8.h"
#include "yuedu/util.h"

static enum width_ambiguous width_amb = WIDTH_AMBIGUOUS_NARROW;

struct width_range {
	uint32_t lo, hi;
};

static const struct width_range width_ambiguous_table[] = {
#include "width_ambiguous.inc"
};

void
width_set_ambiguous(enum width_ambiguous amb)
{
	width_amb = amb;
}

enum width_ambiguous
width_get_ambiguous(void)
{
	return width_amb;
}

int
width_is_ambiguous(uint32_t cp)
{
	size_t lo = 0, hi = sizeof width_ambiguous_table /
	    sizeof width_ambiguous_table[0];

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < width_ambiguous_table[mid].lo)
			hi = mid;
		else if (cp > width_ambiguous_table[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

int
width_codepoint(uint32_t cp)
{
	const utf8proc_property_t *p;
	int w;

	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return -1;
	if (cp < 0x7F)
		return 1;
	if (cp > 0x10FFFF)
		return 1;
	p = utf8proc_get_property((utf8proc_int32_t)cp);
	/* Overrides where the C library (and so the terminal) differs. */
	if (cp >= 0x4DC0 && cp <= 0x4DFF)
		return 2;
	if (cp >= 0x1160 && cp <= 0x11FF)
		return 0;
	if (cp == 0x200B || cp == 0x00AD || cp == 0x2060 || cp == 0xFEFF)
		return 0;
	if (p->category == UTF8PROC_CATEGORY_MC)
		return 1;
	w = utf8proc_charwidth((utf8proc_int32_t)cp);
	if (w == 1 && width_amb == WIDTH_AMBIGUOUS_WIDE &&
	    width_is_ambiguous(cp))
		w = 2;
	return w;
}

static int
width_is_ri(uint32_t cp)
{
	return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

/*
 * A "plain" character at U (N bytes): printable ASCII, CJK ideographs
 * (U+3400..U+9FFF), CJK punctuation U+3001..U+3029 or full-width forms
 * U+FF01..U+FF5E.  None is ambiguous, all are grapheme class Other (so
 * never joined to what follows unless that extends it), and their width
 * is fixed.  Returns the bytes (0 if not plain) and sets *cp and *cols.
 */
static inline size_t
width_plain(const unsigned char *u, size_t n, uint32_t *cp, int *cols)
{
	uint32_t c;

	if (u[0] >= 0x20 && u[0] < 0x7F) {
		*cp = u[0];
		*cols = 1;
		return 1;
	}
	if (n < 3 || u[0] < 0xE3 || u[0] > 0xEF || (u[1] & 0xC0) != 0x80 ||
	    (u[2] & 0xC0) != 0x80)
		return 0;
	c = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 |
	    (u[2] & 0x3F);
	if ((c >= 0x3400 && c <= 0x9FFF) || (c >= 0x3001 && c <= 0x3029) ||
	    (c >= 0xFF01 && c <= 0xFF5E)) {
		*cp = c;
		*cols = 2;
		return 3;
	}
	return 0;
}

void
width_next_cluster(const char *s, size_t n, struct width_cluster *out)
{
	utf8proc_int32_t state = 0;
	uint32_t cp, prev, next;
	size_t off, k;
	int cols, after_zwj = 0, ri = 0;

	/* Fast path: a plain character followed by ASCII or by another
	 * plain character is a cluster of its own. */
	k = width_plain((const unsigned char *)s, n, &cp, &cols);
	if (k > 0) {
		const unsigned char *u = (const unsigned char *)s + k;
		uint32_t cp2;
		int cols2;

		if (k == n || u[0] < 0x80 ||
		    width_plain(u, n - k, &cp2, &cols2) > 0) {
			out->len = k;
			out->cols = cols;
			out->kind = WIDTH_TEXT;
			out->first = cp;
			return;
		}
	}
	k = utf8_decode(s, n, &cp);
	if (cp == (uint32_t)-1) {
		/* A run of invalid bytes is one U+FFFD. */
		off = k;
		while (off < n) {
			uint32_t c2;
			size_t k2 = utf8_decode(s + off, n - off, &c2);
			if (c2 != (uint32_t)-1)
				break;
			off += k2;
		}
		out->len = off;
		out->cols = 1;
		out->kind = WIDTH_INVALID;
		out->first = 0xFFFD;
		return;
	}
	out->first = cp;
	if (cp == '\t') {
		out->len = 1;
		out->cols = 1;
		out->kind = WIDTH_TAB;
		return;
	}
	if (cp < 0x20 || cp == 0x7F) {
		/* CR LF is one cluster (GB3); any other control stands alone. */
		out->len = cp == '\r' && n > 1 && s[1] == '\n' ? 2 : k;
		out->cols = 2;
		out->kind = WIDTH_CONTROL;
		return;
	}
	if (cp >= 0x80 && cp < 0xA0) {
		out->len = k;
		out->cols = 4;
		out->kind = WIDTH_CONTROL;
		return;
	}
	cols = width_codepoint(cp);
	if (width_is_ri(cp))
		ri = 1;
	off = k;
	prev = cp;
	while (off < n) {
		k = utf8_decode(s + off, n - off, &next);
		if (next == (uint32_t)-1 || next < 0x20 ||
		    (next >= 0x7F && next < 0xA0))
			break;
		if (utf8proc_grapheme_break_stateful((utf8proc_int32_t)prev,
		    (utf8proc_int32_t)next, &state))
			break;
		if (width_is_ri(next) && ri == 1) {
			cols = 2;	/* a flag */
			ri = 2;
		} else if (!after_zwj && next != 0x200D &&
		    utf8proc_get_property((utf8proc_int32_t)next)->category ==
		    UTF8PROC_CATEGORY_MC)
			cols += 1;	/* spacing mark */
		after_zwj = next == 0x200D;
		prev = next;
		off += k;
	}
	out->len = off;
	out->cols = cols < 0 ? 0 : cols;
	out->kind = WIDTH_TEXT;
}

int
width_tab_cols(int col)
{
	return 8 - col % 8;
}

size_t
width_render(const char *s, const struct width_cluster *c, int cols,
    char buf[16], const char **out)
{
	switch (c->kind) {
	case WIDTH_TEXT:
		*out = s;
		return c->len;
	case WIDTH_INVALID:
		*out = buf;
		memcpy(buf, "\xEF\xBF\xBD", 3);
		return 3;
	case WIDTH_TAB:
		if (cols > 15)
			cols = 15;
		memset(buf, ' ', (size_t)cols);
		*out = buf;
		return (size_t)cols;
	case WIDTH_CONTROL:
		*out = buf;
		if (c->first < 0x20 || c->first == 0x7F) {
			buf[0] = '^';
			buf[1] = (char)(c->first == 0x7F ? '?' :
			    c->first + 0x40);
			return 2;
		}
		snprintf(buf, 16, "<%02X>", (unsigned)c->first);
		return 4;
	}
	*out = s;
	return 0;
}

int
width_string(const char *s, size_t n)
{
	int cols;

	width_fit(s, n, -1, &cols);
	return cols;
}

size_t
width_fit(const char *s, size_t n, int max_cols, int *cols_out)
{
	size_t off = 0;
	int cols = 0;

	while (off < n) {
		struct width_cluster c;
		int w;

		width_next_cluster(s + off, n - off, &c);
		w = c.kind == WIDTH_TAB ? width_tab_cols(cols) : c.cols;
		if (max_cols >= 0 && cols + w > max_cols)
			break;
		cols += w;
		off += c.len;
	}
	if (cols_out != NULL)
		*cols_out = cols;
	return off;
}

size_t
width_wrap(const char *s, size_t n, int max_cols)
{
	size_t fit, cut;
	char *brk;

	if (width_string(s, n) <= max_cols)
		return n;
	fit = width_fit(s, n, max_cols, NULL);
	if (fit == 0) {
		/* Not even one cluster fits: take one, never half of it. */
		struct width_cluster c;

		width_next_cluster(s, n, &c);
		return c.len > 0 ? c.len : 1;
	}
	if (s[fit] == ' ')
		return fit;
	brk = xmalloc(n);
	u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", brk);
	for (cut = fit; cut > 0; cut--)
		if (brk[cut] == UC_BREAK_POSSIBLE)
			break;
	free(brk);
	if (cut == 0)
		return fit;
	while (cut > 0 && s[cut - 1] == ' ')
		cut--;
	return cut > 0 ? cut : fit;
}

char *
width_rjust(const char *s, int cols)
{
	int w = width_string(s, strlen(s));

	return xasprintf("%*s%s", w < cols ? cols - w : 0, "", s);
}
