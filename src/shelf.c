/*
 * The shelf of articles in a directory.  It owns choosing which files are
 * articles, and for each one its title and author (what the text calls
 * itself, else its first heading), its length and reading time, its
 * progress from the remembered place, and the shelf's rows in columns.
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
#include <utf8proc.h>

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
			if (cp == '\t') {
				if (o > out && o[-1] != ' ')
					*o++ = ' ';
			} else {
				memcpy(o, "\xef\xbf\xbd", 3);
				o += 3;
			}
		} else if (cp != ' ' || (o > out && o[-1] != ' ')) {
			/* A run of spaces shows as one. */
			memcpy(o, s + i, len);
			o += len;
		}
		i += len;
	}
	while (o > out && o[-1] == ' ')
		o--;
	/* A last character that joins what follows into one cluster (a
	 * Prepend, U+0600) would take the next column's first with it. */
	if (o > out) {
		size_t at = utf8_prev(out, 0, (size_t)(o - out));
		uint32_t cp;

		utf8_decode(out + at, (size_t)(o - out) - at, &cp);
		if (cp != (uint32_t)-1 && utf8proc_get_property((utf8proc_int32_t)
		    cp)->boundclass == UTF8PROC_BOUNDCLASS_PREPEND) {
			o = out + at;
			memcpy(o, "\xef\xbf\xbd", 3);
			o += 3;
		}
	}
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

/* Blanks around a title: ASCII space, tab, CR and U+3000. */
static const char *
shelf_skip_blank(const char *p, const char *e)
{
	for (;;) {
		if (p < e && (*p == ' ' || *p == '\t' || *p == '\r'))
			p++;
		else if (e - p >= 3 && memcmp(p, "\xe3\x80\x80", 3) == 0)
			p += 3;
		else
			return p;
	}
}

static const char *
shelf_trim_end(const char *p, const char *e)
{
	for (;;) {
		if (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			e--;
		else if (e - p >= 3 && memcmp(e - 3, "\xe3\x80\x80", 3) == 0)
			e -= 3;
		else
			return e;
	}
}

/* 1 if [*P, E) starts with LIT (ASCII letters in any case); *P then
 * points past it. */
static int
shelf_skip(const char **p, const char *e, const char *lit)
{
	size_t n = strlen(lit);

	if ((size_t)(e - *p) < n || strncasecmp(*p, lit, n) != 0)
		return 0;
	*p += n;
	return 1;
}

/* 1 if [*P, E) ends with LIT; E then moves before it. */
static int
shelf_skip_end(const char *p, const char **e, const char *lit)
{
	size_t n = strlen(lit);

	if ((size_t)(*e - p) < n || memcmp(*e - n, lit, n) != 0)
		return 0;
	*e -= n;
	return 1;
}

/* 1 if [P, E) could be an author's name: short, no sentence in it. */
static int
shelf_author_like(const char *p, const char *e)
{
	static const char *const no[] = { "\xe3\x80\x82", "\xef\xbc\x8c",
	    "\xef\xbc\x9b", "\xef\xbc\x81", "\xef\xbc\x9f", "\xe3\x80\x81",
	    "\xe3\x80\x8a", "\xe3\x80\x8b", ",", ";", "!", "?" };
	size_t chars = 0;

	if (e <= p || e - p > 96)
		return 0;
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (memmem(p, (size_t)(e - p), no[i], strlen(no[i])) != NULL)
			return 0;
	for (const char *q = p; q < e; q++)
		chars += ((unsigned char)*q & 0xc0) != 0x80;
	return chars <= 24;
}

/* A title line, [P, E): 《TITLE》 alone or with its author after it. */
static int
shelf_title_line(const char *p, const char *e, char **title, char **author)
{
	const char *t, *c, *a, *ae;

	p = shelf_skip_blank(p, e);
	e = shelf_trim_end(p, e);
	if (!shelf_skip(&p, e, "\xe3\x80\x8a"))		/* 《 */
		return 0;
	t = p;
	c = memmem(t, (size_t)(e - t), "\xe3\x80\x8b", 3);	/* 》 */
	if (c == NULL || c == t || c - t > SHELF_TITLE_MAX_BYTES ||
	    memmem(t, (size_t)(c - t), "\xe3\x80\x8a", 3) != NULL)
		return 0;
	a = shelf_skip_blank(c + 3, e);
	ae = e;
	/* 作者：X, ——X, /X; X 著 */
	if (shelf_skip(&a, ae, "\xe4\xbd\x9c\xe8\x80\x85") ||	/* 作者 */
	    shelf_skip(&a, ae, "\xe8\x91\x97\xe8\x80\x85")) {	/* 著者 */
		a = shelf_skip_blank(a, ae);
		if (!shelf_skip(&a, ae, ":"))
			shelf_skip(&a, ae, "\xef\xbc\x9a");	/* ： */
	} else
		while (shelf_skip(&a, ae, "\xe2\x80\x94") ||	/* — */
		    shelf_skip(&a, ae, "-") || shelf_skip(&a, ae, "/") ||
		    shelf_skip(&a, ae, "\xef\xbc\x8f") ||		/* ／ */
		    shelf_skip(&a, ae, "\xc2\xb7"))		/* · */
			continue;
	a = shelf_skip_blank(a, ae);
	(void)(shelf_skip_end(a, &ae, "\xe7\xbc\x96\xe8\x91\x97") ||	/* 编著 */
	    shelf_skip_end(a, &ae, "\xe7\xb7\xa8\xe8\x91\x97") ||	/* 編著 */
	    shelf_skip_end(a, &ae, "\xe8\x91\x97") ||		/* 著 */
	    shelf_skip_end(a, &ae, "\xe6\x92\xb0"));		/* 撰 */
	ae = shelf_trim_end(a, ae);
	if (a < ae && !shelf_author_like(a, ae))
		return 0;	/* a sentence about a book, no title line */
	*title = shelf_clean(t, (size_t)(c - t));
	if (a < ae)
		*author = shelf_clean(a, (size_t)(ae - a));
	return 1;
}

/* A header line "KEY: value" for one of KEYS: the value's start. */
static const char *
shelf_header_key(const char *p, const char *e, const char *const *keys)
{
	for (size_t i = 0; keys[i] != NULL; i++) {
		const char *q = p;

		if (!shelf_skip(&q, e, keys[i]))
			continue;
		while (q < e && (*q == ' ' || *q == '\t'))
			q++;
		if (shelf_skip(&q, e, ":") ||
		    shelf_skip(&q, e, "\xef\xbc\x9a"))	/* ： */
			return q;
	}
	return NULL;
}

/* A header value [P, E) cleaned, without blanks or quotes around it. */
static char *
shelf_header_value(const char *p, const char *e)
{
	p = shelf_skip_blank(p, e);
	e = shelf_trim_end(p, e);
	if (e - p >= 2 && (*p == '"' || *p == '\'') && e[-1] == *p) {
		p++;
		e--;
	}
	return shelf_clean(p, (size_t)(e - p));
}

int
shelf_title_parse(const char *text, size_t len, char **title,
    char **author)
{
	static const char *const title_keys[] = { "title",
	    "\xe4\xb9\xa6\xe5\x90\x8d", "\xe6\x9b\xb8\xe5\x90\x8d",	/* 书名 書名 */
	    "\xe6\xa0\x87\xe9\xa2\x98", "\xe6\xa8\x99\xe9\xa1\x8c",	/* 标题 標題 */
	    NULL };
	static const char *const author_keys[] = { "author", "authors",
	    "\xe4\xbd\x9c\xe8\x80\x85", NULL };		/* 作者 */
	const char *p = text, *end = text + (len < SHELF_HEAD_BYTES ? len :
	    SHELF_HEAD_BYTES);
	char **last = NULL;	/* the value an indented line continues */
	int first = 1;

	*title = *author = NULL;
	shelf_skip(&p, end, "\xef\xbb\xbf");	/* a byte order mark */
	for (int n = 0; p < end && n < SHELF_HEAD_LINES; n++) {
		const char *e = memchr(p, '\n', (size_t)(end - p)), *v;
		const char *next;

		e = e != NULL ? e : end;
		next = e < end ? e + 1 : end;
		if (shelf_skip_blank(p, e) == e) {	/* a blank line */
			last = NULL;
			p = next;
			continue;
		}
		if (first) {
			first = 0;
			if (shelf_title_line(p, e, title, author)) {
				p = next;	/* an author may follow */
				continue;
			}
		}
		/* Gutenberg's text starts here; code is no header. */
		if ((e - p >= 3 && memcmp(p, "***", 3) == 0 &&
		    memmem(p, (size_t)(e - p), "START OF", 8) != NULL) ||
		    (e - p >= 3 && (memcmp(p, "```", 3) == 0 ||
		    memcmp(p, "~~~", 3) == 0)))
			break;
		if ((*p == ' ' || *p == '\t') && last != NULL) {
			/* An indented line continues the value above. */
			char *more = shelf_header_value(p, e);
			char *both = xasprintf("%s %s", *last, more);

			free(more);
			free(*last);
			*last = shelf_clean(both, strlen(both));
			free(both);
		} else if (*title == NULL &&
		    (v = shelf_header_key(p, e, title_keys)) != NULL) {
			*title = shelf_header_value(v, e);
			last = title;
		} else if (*author == NULL &&
		    (v = shelf_header_key(p, e, author_keys)) != NULL) {
			*author = shelf_header_value(v, e);
			last = author;
		} else
			last = NULL;
		p = next;
	}
	if (*title != NULL && (*title)[0] == '\0') {
		free(*title);
		*title = NULL;
	}
	if (*author != NULL && (*author)[0] == '\0') {
		free(*author);
		*author = NULL;
	}
	return *title != NULL;
}

/* The first level-1 heading of Markdown DOC, cleaned, or NULL. */
static char *
shelf_md_h1(struct doc *doc)
{
	struct render_opts ro = { RENDER_MARKDOWN, RENDER_REFLOW_OFF, 0, 0, NULL };
	struct render *r = render_doc(doc, &ro);
	char *t = NULL;

	for (size_t i = 0; r->error == NULL && i < r->nheadings; i++)
		if (r->headings[i].level == 1 && r->headings[i].title != NULL) {
			t = shelf_clean(r->headings[i].title,
			    strlen(r->headings[i].title));
			if (t[0] != '\0')
				break;
			free(t);
			t = NULL;
		}
	render_free(r);
	return t;
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

/*
 * The title and author of E, shown as DOC: the metadata of a page or a
 * book (TITLE, AUTHOR, may be NULL), else what the text's first lines say
 * (shelf_title_parse()), else a Markdown text's first H1, else its first
 * heading, else its first line.
 */
static void
shelf_name_it(struct shelf_entry *e, struct doc *doc, const char *title,
    const char *author, const struct shelf_opts *opts)
{
	char *t, *a;

	shelf_title_parse(doc->text, doc->len, &t, &a);
	if (title != NULL && title[0] != '\0') {
		free(t);
		t = shelf_clean(title, strlen(title));
	}
	if (author != NULL && author[0] != '\0') {
		free(a);
		a = shelf_clean(author, strlen(author));
	}
	if (t == NULL && doc->render == NULL &&
	    render_detect(doc) == RENDER_MARKDOWN)
		t = shelf_md_h1(doc);
	if (t == NULL)
		t = shelf_title(doc, opts->annot);
	if (a != NULL && a[0] == '\0') {
		free(a);
		a = NULL;
	}
	e->title = t;
	e->author = a;
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
		struct render_opts ro = { RENDER_AUTO, RENDER_REFLOW_AUTO, 0, 0, NULL };
		struct render *r = render_doc(doc, &ro);
		struct doc *shown = r->doc;

		if (r->error != NULL) {
			render_free(r);
			doc_free(doc);
			return -1;
		}
		shelf_name_it(e, shown, r->title, r->author, opts);
		e->bytes = shown->len;
		readtime_count_doc(shown, 0, shown->len, &e->count);
		e->minutes = readtime_minutes(&e->count, opts->cpm, opts->wpm);
		/* Its place is kept as the reader keeps it. */
		shelf_progress_of(shelf, e, render_place_doc(shown), opts);
		render_free(r);
		doc_free(doc);
		return 0;
	}
	shelf_name_it(e, doc, NULL, NULL, opts);
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
		free(shelf->v[i].author);
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
	    NULL) || (e->author != NULL && filter_match(&f, e->author, NULL));
	filter_done(&f);
	return r;
}

#define SHELF_NAME_MAX 40	/* the file name column at most */
#define SHELF_NAME_MIN 12	/* ... narrowed to this before figures go */
#define SHELF_TITLE_MIN 16	/* the title keeps this before figures go */
#define SHELF_SEP 2		/* blanks between columns */

/* The figures of E as shown: length, reading time, progress. */
static void
shelf_figures(const struct shelf_entry *e, char len[40], char mins[40],
    char pct[16])
{
	char n[24];

	/* In the interface language: "1.7k 字", "5分钟". */
	snprintf(len, 40, _("%s chars"), readtime_format_count(e->count.chars,
	    n, sizeof n));
	readtime_say(e->minutes, mins, 40);
	if (e->progress_pct < 0)
		snprintf(pct, 16, "-");
	else
		snprintf(pct, 16, "%d%%", e->progress_pct);
}

/* The title as shown: "TITLE · AUTHOR", or the title.  Caller frees. */
static char *
shelf_shown_title(const struct shelf_entry *e)
{
	if (e->author == NULL || e->author[0] == '\0')
		return xstrdup(e->title);
	return xasprintf("%s \u00b7 %s", e->title, e->author);
}

static int
shelf_max(int a, int b)
{
	return a > b ? a : b;
}

void
shelf_columns(const struct shelf_entry *v, size_t n, int cols,
    struct shelf_cols *c)
{
	/* Least title beside each set of figures: all, time, progress. */
	static const int title_min[3] = { SHELF_TITLE_MIN, SHELF_TITLE_MIN,
	    6 };
	int name = 0, title = 0, len = 0, time = 0, pct = 0, name_min, info;
	int level;

	memset(c, 0, sizeof *c);
	for (size_t i = 0; i < n; i++) {
		char l[40], m[40], p[16], *t = shelf_shown_title(&v[i]);
		char *nm = shelf_clean(v[i].name, strlen(v[i].name));

		shelf_figures(&v[i], l, m, p);
		len = shelf_max(len, width_string(l, strlen(l)));
		time = shelf_max(time, width_string(m, strlen(m)));
		pct = shelf_max(pct, (int)strlen(p));
		name = shelf_max(name, width_string(nm, strlen(nm)));
		title = shelf_max(title, width_string(t, strlen(t)));
		free(nm);
		free(t);
	}
	if (name > SHELF_NAME_MAX)
		name = SHELF_NAME_MAX;
	name_min = name < SHELF_NAME_MIN ? name : SHELF_NAME_MIN;
	for (level = 0; level < 3; level++) {
		info = (level < 1 ? SHELF_SEP + len : 0) +
		    (level < 2 ? SHELF_SEP + time : 0) + SHELF_SEP + pct;
		if (title_min[level] + SHELF_SEP + name_min + info <= cols)
			break;
	}
	if (level == 3)
		info = 0;
	c->len_cols = level < 1 ? len : 0;
	c->time_cols = level < 2 ? time : 0;
	c->pct_cols = level < 3 ? pct : 0;
	/* The name narrows first, as far as it may, for the title. */
	if (cols - info - SHELF_SEP - name < title)
		name = shelf_max(name_min, cols - info - SHELF_SEP - title);
	if (cols - info - SHELF_SEP - name < 1) {
		/* A very narrow screen: a third for the name. */
		name = cols >= 3 ? shelf_max(1, (cols - SHELF_SEP) / 3) : 0;
		if (name > 0 && name < 4 && cols >= 4 + SHELF_SEP + 1)
			name = 4;
	}
	c->name_cols = name;
	c->title_cols = cols - info - (name > 0 ? SHELF_SEP + name : 0);
	if (c->title_cols < 0)
		c->title_cols = 0;
}

/* Append S to *O in exactly COLS columns: padded, or cut with "…". */
static void
shelf_put_fit(char **o, const char *s, int cols)
{
	size_t n = strlen(s);
	int used, w = width_string(s, n), ell = width_codepoint(0x2026);

	if (w > cols) {
		n = width_fit(s, n, cols >= ell ? cols - ell : cols, &used);
		memcpy(*o, s, n);
		*o += n;
		if (cols >= ell) {
			memcpy(*o, "\u2026", 3);
			*o += 3;
			used += ell;
		}
	} else {
		memcpy(*o, s, n);
		*o += n;
		used = w;
	}
	for (; used < cols; used++)
		*(*o)++ = ' ';
}

/* Append S right-aligned in COLS columns, two blanks before. */
static void
shelf_put_right(char **o, const char *s, int cols)
{
	int w = width_string(s, strlen(s));

	if (cols <= 0)
		return;
	*o += sprintf(*o, "%*s%*s%s", SHELF_SEP, "", w < cols ? cols - w : 0,
	    "", s);
}

char *
shelf_row_cols(const struct shelf_entry *e, const struct search_match *m,
    const struct shelf_cols *c, size_t *info_at)
{
	char len[40], mins[40], pct[16], *shown = shelf_shown_title(e);
	char *title = filter_excerpt(shown, m, c->title_cols);
	char *name = shelf_clean(e->name, strlen(e->name)), *row, *o;

	shelf_figures(e, len, mins, pct);
	o = row = xmalloc(strlen(title) + strlen(name) + 128 +
	    (size_t)(c->title_cols + c->name_cols + c->len_cols +
	    c->time_cols + c->pct_cols + 4 * SHELF_SEP));
	shelf_put_fit(&o, title, c->title_cols);
	*info_at = (size_t)(o - row);
	if (c->name_cols > 0) {
		o += sprintf(o, "%*s", SHELF_SEP, "");
		shelf_put_fit(&o, name, c->name_cols);
	}
	shelf_put_right(&o, len, c->len_cols);
	shelf_put_right(&o, mins, c->time_cols);
	shelf_put_right(&o, pct, c->pct_cols);
	*o = '\0';
	free(title);
	free(name);
	free(shown);
	return row;
}

char *
shelf_row(const struct shelf_entry *e, int cols)
{
	struct shelf_cols c;
	size_t at;

	shelf_columns(e, 1, cols, &c);
	return shelf_row_cols(e, NULL, &c, &at);
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
			if (!filter_match(&v->filt, v->shelf->v[i].name,
			    NULL) && (v->shelf->v[i].author == NULL ||
			    !filter_match(&v->filt, v->shelf->v[i].author,
			    NULL)))
				continue;
			m.off = m.end = 0;	/* the name or author matched */
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
