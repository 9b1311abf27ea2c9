/*
 * The shelf of articles in a directory.  It owns choosing which files are
 * articles, and for each one its title (the outline's first heading), its
 * length and reading time, and its progress from the remembered place.
 */
#include "yuedu/shelf.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>

#include "yuedu/doc.h"
#include "yuedu/enc.h"
#include "yuedu/epub.h"
#include "yuedu/html.h"
#include "yuedu/i18n.h"
#include "yuedu/render.h"
#include "yuedu/outline.h"
#include "yuedu/state.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

#define SHELF_SNIFF_BYTES 65536		/* bytes read to tell text */
#define SHELF_TITLE_MAX_BYTES 240	/* longer titles are cut */

/* What the name says: 1 a text extension, 0 no extension, 2 an EPUB
 * book, -1 other. */
static int
shelf_kind_by_name(const char *name)
{
	static const char *const exts[] = { ".txt", ".md", ".markdown",
	    ".text", ".html", ".htm", ".xhtml" };
	const char *dot = strrchr(name, '.');

	if (dot == NULL || dot == name)
		return 0;
	if (epub_is_epub_name(name))
		return 2;
	for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
		if (strcasecmp(dot, exts[i]) == 0)
			return 1;
	return -1;
}

/*
 * 1 if the first bytes of PATH look like text: no NUL byte (unless it
 * starts with a UTF-16 byte order mark), and with NEED_DECODE, valid UTF-8
 * or a legacy encoding that decodes cleanly.
 */
static int
shelf_sniff(const char *path, int need_decode)
{
	char *buf = xmalloc(SHELF_SNIFF_BYTES);
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC), ok = 0;
	ssize_t n;

	if (fd < 0) {
		free(buf);
		return 0;
	}
	n = read(fd, buf, SHELF_SNIFF_BYTES);
	close(fd);
	if (n >= 2 && ((buf[0] == '\xff' && buf[1] == '\xfe') ||
	    (buf[0] == '\xfe' && buf[1] == '\xff')))
		ok = 1;
	else if (n >= 0 && memchr(buf, '\0', (size_t)n) == NULL) {
		ok = 1;
		if (need_decode) {
			const uint8_t *bad = u8_check((const uint8_t *)buf,
			    (size_t)n);
			int sure = 0;
			/* A sequence cut by the sniff window is fine. */
			if (bad != NULL && (n < SHELF_SNIFF_BYTES ||
			    (const char *)bad < buf + n - 3)) {
				enc_detect(buf, (size_t)n, &sure);
				ok = sure;
			}
		}
	}
	free(buf);
	return ok;
}

/* 1 if PATH starts as an EPUB book does. */
static int
shelf_sniff_epub(const char *path)
{
	char buf[128];
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof buf);
	close(fd);
	return n > 0 && epub_sniff(buf, (size_t)n);
}

int
shelf_is_article(const char *dir, const char *name)
{
	char *path;
	struct stat st;
	int kind, ok;

	if (name[0] == '.' || name[0] == '\0')
		return 0;
	kind = shelf_kind_by_name(name);
	if (kind < 0)
		return 0;
	path = xasprintf("%s/%s", dir, name);
	/* An article that cannot be read is still one: reading it (--grep
	 * DIR) says why, rather than skipping it unsaid. */
	ok = stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    (access(path, R_OK) != 0 || (kind == 2 ? shelf_sniff_epub(path) :
	    shelf_sniff(path, kind == 0)));
	free(path);
	return ok;
}

/* TITLE cleaned for one row: no controls, no invalid bytes, cut short. */
static char *
shelf_clean(const char *s, size_t n)
{
	char *out = xmalloc(n * 3 + 4), *o = out;
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	while (i < n && (size_t)(o - out) < SHELF_TITLE_MAX_BYTES) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);

		if (cp == (uint32_t)-1 || cp < 0x20 || cp == 0x7f ||
		    (cp >= 0x80 && cp < 0xa0)) {
			/* Tabs become a space; other faults one U+FFFD. */
			if (cp == '\t')
				*o++ = ' ';
			else {
				memcpy(o, "\xef\xbf\xbd", 3);
				o += 3;
			}
		} else {
			memcpy(o, s + i, len);
			o += len;
		}
		i += len;
	}
	while (o > out && o[-1] == ' ')
		o--;
	*o = '\0';
	return out;
}

/* The first non-empty line of DOC, cleaned. */
static char *
shelf_first_line(struct doc *doc)
{
	for (size_t l = 0; doc_has_line(doc, l); l++) {
		size_t a = doc_line_start(doc, l), b = doc_line_end(doc, l);
		char *t = shelf_clean(doc->text + a, b - a);

		/* A line of blanks (ASCII or U+3000) is empty. */
		const char *p = t;
		while (*p == ' ' || strncmp(p, "\xe3\x80\x80", 3) == 0)
			p += *p == ' ' ? 1 : 3;
		if (*p != '\0')
			return t;
		free(t);
	}
	return xstrdup("");
}

static char *
shelf_title(struct doc *doc, enum annot_mode annot)
{
	struct outline_opts oo = { annot_resolve(annot, doc), NULL, NULL,
	    NULL };
	struct outline *ol;
	char *err, *t = NULL;

	if (outline_build(&ol, doc, &oo, &err) != 0)
		free(err);
	else {
		if (ol->n > 0 && ol->v[0].title[0] != '\0')
			t = shelf_clean(ol->v[0].title,
			    strlen(ol->v[0].title));
		outline_free(ol);
	}
	if (t == NULL || t[0] == '\0') {
		free(t);
		t = shelf_first_line(doc);
	}
	return t;
}

int
shelf_progress(size_t seen_off, size_t len)
{
	if (len == 0 || seen_off >= len)
		return 100;
	/* Never round up to 100 before the end is shown. */
	return (int)((double)seen_off * 100.0 / (double)len);
}

static void
shelf_warn(struct shelf *shelf, char *warn)
{
	if (shelf->warning == NULL)
		shelf->warning = warn;
	else
		free(warn);
}

static void
shelf_progress_of(struct shelf *shelf, struct shelf_entry *e,
    struct doc *doc, const struct shelf_opts *opts)
{
	struct state_place place;
	char *warn = NULL;
	int rc;

	e->progress_pct = -1;
	if (opts->state_dir == NULL)
		return;
	rc = state_load(opts->state_dir, doc, &place, &warn);
	if (rc > 0)
		e->progress_pct = shelf_progress(place.seen_off, doc->len);
	else if (rc < 0 && warn != NULL)
		shelf_warn(shelf, warn);
	else
		free(warn);
}

/* Open PATH as the reader does: converted to UTF-8.  NULL on failure. */
static struct doc *
shelf_open(const char *path)
{
	char *note, *err;
	struct doc *doc = enc_open(path, NULL, &note, &err);

	free(note);
	free(err);
	return doc;
}

/* Fill entry E from its file; -1 when it cannot be read. */
static int
shelf_read(struct shelf *shelf, struct shelf_entry *e,
    const struct shelf_opts *opts)
{
	struct doc *doc;

	if ((doc = shelf_open(e->path)) == NULL)
		return -1;
	e->bytes = doc->len;
	if (html_is_html_name(e->name) || epub_sniff(doc->text, doc->len)) {
		/* A page or a book: its title and length as rendered. */
		struct render_opts ro = { RENDER_AUTO, RENDER_REFLOW_AUTO, 0, 0 };
		struct render *r = render_doc(doc, &ro);
		struct doc *shown = r->doc;

		if (r->error != NULL) {
			render_free(r);
			doc_free(doc);
			return -1;
		}
		e->title = r->title != NULL && r->title[0] != '\0' ?
		    shelf_clean(r->title, strlen(r->title)) :
		    shelf_title(shown, opts->annot);
		e->bytes = shown->len;
		readtime_count_doc(shown, 0, shown->len, &e->count);
		e->minutes = readtime_minutes(&e->count, opts->cpm, opts->wpm);
		/* Its place is kept as the reader keeps it. */
		shelf_progress_of(shelf, e, render_place_doc(shown), opts);
		render_free(r);
		doc_free(doc);
		return 0;
	}
	e->title = shelf_title(doc, opts->annot);
	readtime_count_doc(doc, 0, doc->len, &e->count);
	e->minutes = readtime_minutes(&e->count, opts->cpm, opts->wpm);
	shelf_progress_of(shelf, e, doc, opts);
	doc_free(doc);
	return 0;
}

static int
shelf_name_cmp(const void *a, const void *b)
{
	return strverscmp(*(char *const *)a, *(char *const *)b);
}

char **
shelf_list(const char *dir, size_t *n, char **err)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **v = NULL;
	size_t cap = 0;
	int slash = dir[0] != '\0' && dir[strlen(dir) - 1] == '/';

	*n = 0;
	*err = NULL;
	if (d == NULL) {
		*err = xasprintf("%s: %s", dir, strerror(errno));
		return NULL;
	}
	while ((de = readdir(d)) != NULL)
		if (shelf_is_article(dir, de->d_name)) {
			v = xgrow(v, &cap, *n + 1, sizeof *v);
			v[(*n)++] = xstrdup(de->d_name);
		}
	closedir(d);
	if (*n > 1)
		qsort(v, *n, sizeof *v, shelf_name_cmp);
	for (size_t i = 0; i < *n; i++) {
		char *path = xasprintf("%s%s%s", dir, slash ? "" : "/", v[i]);

		free(v[i]);
		v[i] = path;
	}
	return v != NULL ? v : xcalloc(1, sizeof *v);
}

void
shelf_list_free(char **paths, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

int
shelf_load(struct shelf **out, const char *dir,
    const struct shelf_opts *opts, char **err)
{
	struct shelf *shelf;
	char **paths;
	size_t n;

	*out = NULL;
	if ((paths = shelf_list(dir, &n, err)) == NULL)
		return -1;
	shelf = xcalloc(1, sizeof *shelf);
	shelf->dir = xstrdup(dir);
	shelf->v = xcalloc(n ? n : 1, sizeof *shelf->v);
	for (size_t i = 0; i < n; i++) {
		struct shelf_entry *e = &shelf->v[shelf->n];

		e->path = paths[i];
		e->name = xstrdup(strrchr(paths[i], '/') + 1);
		if (shelf_read(shelf, e, opts) != 0) {
			free(e->name);
			free(e->path);
			memset(e, 0, sizeof *e);
			continue;
		}
		shelf->n++;
	}
	free(paths);	/* the entries own the paths */
	*out = shelf;
	return 0;
}

void
shelf_refresh(struct shelf *shelf, size_t i, const struct shelf_opts *opts)
{
	struct doc *doc;

	if (i >= shelf->n || (doc = shelf_open(shelf->v[i].path)) == NULL)
		return;
	shelf_progress_of(shelf, &shelf->v[i], doc, opts);
	doc_free(doc);
}

void
shelf_free(struct shelf *shelf)
{
	if (shelf == NULL)
		return;
	for (size_t i = 0; i < shelf->n; i++) {
		free(shelf->v[i].name);
		free(shelf->v[i].path);
		free(shelf->v[i].title);
	}
	free(shelf->v);
	free(shelf->dir);
	free(shelf->warning);
	free(shelf);
}

int
shelf_match(const struct shelf_entry *e, const char *query)
{
	struct filter f;
	int r;

	memset(&f, 0, sizeof f);
	filter_set(&f, query ? query : "");
	r = filter_match(&f, e->title, NULL) || filter_match(&f, e->name,
	    NULL);
	filter_done(&f);
	return r;
}

char *
shelf_row(const struct shelf_entry *e, int cols)
{
	size_t info_at;

	return shelf_row_info(e, cols, &info_at);
}

char *
shelf_row_info(const struct shelf_entry *e, int cols, size_t *info_at)
{
	return shelf_row_match(e, NULL, cols, info_at);
}

char *
shelf_row_match(const struct shelf_entry *e, const struct search_match *m,
    int cols, size_t *info_at)
{
	char *title;
	char len[24], mins[24], pct[16], *info, *row, *m10;
	int info_cols, title_cols, used;
	size_t title_n;

	readtime_format_count(e->count.chars, len, sizeof len);
	readtime_say(e->minutes, mins, sizeof mins);
	m10 = width_rjust(mins, 10);	/* by columns: "12分钟" */
	if (e->progress_pct < 0)
		snprintf(pct, sizeof pct, "-");
	else
		snprintf(pct, sizeof pct, "%d%%", e->progress_pct);
	/*
	 * Fixed columns so that the figures line up from row to row; narrow
	 * screens keep the title at least 16 (then 8, 6) columns.
	 */
	/* TRANSLATORS: the shelf's length column, "1.7k chars". */
	info = xasprintf("  %7s %s  %s  %4s", len, _("chars"), m10, pct);
	if (width_string(info, strlen(info)) + 16 > cols) {
		free(info);
		info = xasprintf("  %s  %4s", m10, pct);
	}
	free(m10);
	if (width_string(info, strlen(info)) + 8 > cols) {
		free(info);
		info = xasprintf("  %4s", pct);
	}
	if (width_string(info, strlen(info)) + 6 > cols) {
		free(info);
		info = xstrdup("");
	}
	info_cols = width_string(info, strlen(info));
	title_cols = cols - info_cols;
	if (title_cols < 0)
		title_cols = 0;
	title = filter_excerpt(e->title, m, title_cols);
	title_n = width_fit(title, strlen(title), title_cols, &used);
	row = xmalloc(title_n + (size_t)(title_cols - used) +
	    strlen(info) + 1);
	memcpy(row, title, title_n);
	free(title);
	memset(row + title_n, ' ', (size_t)(title_cols - used));
	strcpy(row + title_n + (size_t)(title_cols - used), info);
	*info_at = title_n + (size_t)(title_cols - used);
	free(info);
	return row;
}

/* Rebuild the list of matches, keeping the cursor on its entry. */
void
shelf_view_refilter(struct shelf_view *v)
{
	size_t was = shelf_view_current(v);

	v->n = 0;
	v->cur = 0;
	filter_set(&v->filt, v->filter.buf);
	for (size_t i = 0; i < v->shelf->n; i++) {
		struct search_match m;

		if (!filter_match(&v->filt, v->shelf->v[i].title, &m)) {
			if (!filter_match(&v->filt, v->shelf->v[i].name, NULL))
				continue;
			m.off = m.end = 0;	/* the name matched */
		}
		v->idx = xgrow(v->idx, &v->cap, v->n + 1, sizeof *v->idx);
		v->match = xgrow(v->match, &v->match_cap, v->n + 1,
		    sizeof *v->match);
		if (i == was)
			v->cur = v->n;
		v->match[v->n] = m;
		v->idx[v->n++] = i;
	}
	if (v->top > v->cur)
		v->top = v->cur;
}

void
shelf_view_init(struct shelf_view *v, struct shelf *shelf)
{
	memset(v, 0, sizeof *v);
	v->shelf = shelf;
	shelf_view_refilter(v);
}

void
shelf_view_done(struct shelf_view *v)
{
	free(v->idx);
	free(v->match);
	filter_done(&v->filt);
	memset(v, 0, sizeof *v);
}

void
shelf_view_move(struct shelf_view *v, long n)
{
	long c = (long)v->cur + n;

	if (v->n == 0)
		return;
	if (c < 0)
		c = 0;
	if (c >= (long)v->n)
		c = (long)v->n - 1;
	v->cur = (size_t)c;
}

size_t
shelf_view_current(const struct shelf_view *v)
{
	return v->cur < v->n ? v->idx[v->cur] : (size_t)-1;
}

void
shelf_view_fit(struct shelf_view *v, int n_rows)
{
	size_t rows = n_rows > 0 ? (size_t)n_rows : 1;

	if (v->cur < v->top)
		v->top = v->cur;
	else if (v->cur >= v->top + rows)
		v->top = v->cur - rows + 1;
	if (v->top > 0 && v->n - v->top < rows)
		v->top = v->n > rows ? v->n - rows : 0;
}

void
shelf_view_filter_set(struct shelf_view *v, const char *filter)
{
	lineedit_set(&v->filter, filter);
	shelf_view_refilter(v);
}
