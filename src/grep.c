/*
 * --grep: runs one search over the whole document and prints each matching
 * line with its number.  It owns only the printing: the line's clusters
 * made inert for the terminal, and the colour around each match.
 */
#include "yuedu/grep.h"

#include <string.h>

#include "yuedu/doc.h"
#include "yuedu/render.h"
#include "yuedu/inert.h"
#include "yuedu/search.h"
#include "yuedu/width.h"

#define GREP_SGR_ON "\033[1;31m"
#define GREP_SGR_OFF "\033[m"

struct grep_ctx {
	FILE *out;
	struct doc *doc;
	const char *file;	/* printed before each line, or NULL */
	int colour;
	int failed;
};

/* Print S (N bytes) with every cluster inert; tabs stay tabs. */
static void
grep_text(FILE *out, const char *s, size_t n)
{
	size_t off = 0;

	while (off < n) {
		struct width_cluster c;
		char buf[16];
		const char *p;
		size_t k;

		width_next_cluster(s + off, n - off, &c);
		if (c.kind == WIDTH_TAB) {
			p = "\t";
			k = 1;
		} else
			k = width_render(s + off, &c, c.cols, buf, &p);
		fwrite(p, 1, k, out);
		off += c.len;
	}
}

static int
grep_line(void *arg, size_t line, const struct search_match *v, size_t n)
{
	struct grep_ctx *g = arg;
	const char *t = g->doc->text;
	size_t len = g->doc->len, a, b;

	/* The line's bounds, found from its first match (no line index). */
	a = b = v[0].off;
	while (a > 0 && t[a - 1] != '\n' && t[a - 1] != '\r')
		a--;
	while (b < len && t[b] != '\n' && t[b] != '\r')
		b++;

	if (g->file != NULL) {
		inert_fputs(g->file, g->out);
		putc(':', g->out);
	}
	/* A rendered text reports the source line the match starts on;
	 * in an EPUB book, of which chapter (its place in the reading
	 * order, 1-based): CHAPTER:LINE. */
	if (g->doc->render != NULL) {
		size_t part = 0;

		line = render_line_of(g->doc, v[0].off, &part);
		if (g->doc->render->format == RENDER_EPUB)
			fprintf(g->out, "%zu:", part);
	}
	fprintf(g->out, "%zu:", line + 1);
	for (size_t i = 0; i < n; i++) {
		size_t off = v[i].off < a ? a : v[i].off;
		size_t end = v[i].end > b ? b : v[i].end;

		if (off < a || end <= off)
			continue;
		grep_text(g->out, t + a, off - a);
		if (g->colour)
			fputs(GREP_SGR_ON, g->out);
		grep_text(g->out, t + off, end - off);
		if (g->colour)
			fputs(GREP_SGR_OFF, g->out);
		a = end;
	}
	grep_text(g->out, t + a, b - a);
	fputc('\n', g->out);
	if (ferror(g->out)) {
		g->failed = 1;
		return 1;
	}
	return 0;
}

enum grep_status
grep_write(FILE *out, struct doc *doc, struct search *s, int colour)
{
	return grep_write_file(out, doc, s, colour, NULL);
}

enum grep_status
grep_write_file(FILE *out, struct doc *doc, struct search *s, int colour,
    const char *file)
{
	struct grep_ctx g = { out, doc, file, colour, 0 };
	enum search_status st;

	st = search_each(s, doc, &(struct search_visit){
		.from = 0, .to = doc->len, .on_line = grep_line, .arg = &g,
	});
	if (fflush(out) != 0 || ferror(out) || g.failed)
		return GREP_ERROR;
	if (st == SEARCH_ERROR)
		return GREP_LIMIT;
	return st == SEARCH_FOUND ? GREP_MATCH : GREP_NONE;
}

size_t
grep_line_of(struct doc *doc, size_t off)
{
	size_t part = 0;

	if (doc->render != NULL)
		return render_line_of(doc, off, &part) + 1;
	return doc_line_of(doc, off) + 1;
}
