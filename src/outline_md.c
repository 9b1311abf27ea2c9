/*
 * Headings of Markdown: ATX (# Title) and setext (Title / ===) headings and
 * one-line <h1>-<h6>, skipping fenced and indented code, HTML comments and
 * YAML front matter; and whether a document is Markdown at all.
 */
#include <string.h>
#include <strings.h>

#include "yuedu/doc.h"

#include "outline_int.h"

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
void
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

int
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
