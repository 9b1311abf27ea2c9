/*
 * EPUB books: the archive (libzip, read-only, from memory), the package
 * document, the spine, the metadata and the table of contents.  The XML
 * files of the book are parsed with XML_PARSE_NONET and without
 * XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_HUGE, so no file or
 * address outside the archive is ever read and libxml2's entity limits
 * stay on; text is taken from text nodes only (an entity reference is
 * never expanded by us).  Chapters are parsed by html.c.
 */
#include "yuedu/epub.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "html_int.h"
#include "yuedu/util.h"

#define EPUB_MIMETYPE "application/epub+zip"

int
epub_is_epub_name(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot != NULL && strcasecmp(dot, ".epub") == 0;
}

int
epub_sniff(const char *s, size_t n)
{
	/* The first local file header (30 bytes) names "mimetype", whose
	 * data follow, stored, as the EPUB container spec requires. */
	size_t name_len, extra_len, data;

	if (n < 30 || memcmp(s, "PK\3\4", 4) != 0)
		return 0;
	name_len = (unsigned char)s[26] | (size_t)(unsigned char)s[27] << 8;
	extra_len = (unsigned char)s[28] | (size_t)(unsigned char)s[29] << 8;
	data = 30 + name_len + extra_len;
	/* All of it inside the text before any of it is compared. */
	if (name_len != 8 || n < data + strlen(EPUB_MIMETYPE))
		return 0;
	return memcmp(s + 30, "mimetype", 8) == 0 &&
	    memcmp(s + data, EPUB_MIMETYPE, strlen(EPUB_MIMETYPE)) == 0;
}

static int
epub_hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *
epub_resolve(const char *base, const char *href, char **frag)
{
	const char *hash, *slash;
	char *path, *out, **segs;
	size_t n = 0, len, k = 0, nseg = 0;

	if (frag != NULL)
		*frag = NULL;
	if (href == NULL)
		return NULL;
	/* A scheme ("http:", "file:") or an absolute path leaves the book. */
	for (const char *p = href; *p && *p != '/' && *p != '#' && *p != '?';
	    p++)
		if (*p == ':')
			return NULL;
	if (href[0] == '/' || href[0] == '\\')
		return NULL;
	hash = strchr(href, '#');
	len = hash ? (size_t)(hash - href) : strlen(href);
	if (hash != NULL && frag != NULL && hash[1] != '\0')
		*frag = xstrdup(hash + 1);
	slash = base ? strrchr(base, '/') : NULL;
	n = slash ? (size_t)(slash - base) + 1 : 0;
	path = xmalloc(n + len + 1);
	if (n > 0)
		memcpy(path, base, n);
	/* Percent-decode the href part. */
	k = n;
	for (size_t i = 0; i < len; i++) {
		int h, l;
		if (href[i] == '%' && i + 2 < len &&
		    (h = epub_hex(href[i + 1])) >= 0 &&
		    (l = epub_hex(href[i + 2])) >= 0) {
			if (h == 0 && l == 0) {
				/* %00 names no entry. */
				free(path);
				if (frag != NULL) {
					free(*frag);
					*frag = NULL;
				}
				return NULL;
			}
			path[k++] = (char)(h * 16 + l);
			i += 2;
		} else if (href[i] == '?')
			break;
		else
			path[k++] = href[i];
	}
	path[k] = '\0';
	/* Resolve "." and "..": ".." above the top leaves the archive. */
	segs = xmalloc((k + 2) * sizeof *segs);
	for (char *save = NULL, *t = strtok_r(path, "/", &save); t != NULL;
	    t = strtok_r(NULL, "/", &save)) {
		if (strcmp(t, ".") == 0)
			continue;
		if (strcmp(t, "..") == 0) {
			if (nseg == 0) {
				free(segs);
				free(path);
				if (frag != NULL) {
					free(*frag);
					*frag = NULL;
				}
				return NULL;
			}
			nseg--;
			continue;
		}
		segs[nseg++] = t;
	}
	out = xmalloc(k + 2);
	k = 0;
	for (size_t i = 0; i < nseg; i++) {
		size_t sl = strlen(segs[i]);
		if (i > 0)
			out[k++] = '/';
		memcpy(out + k, segs[i], sl);
		k += sl;
	}
	out[k] = '\0';
	free(segs);
	free(path);
	if (k == 0 || memchr(out, '\0', k) != NULL) {
		free(out);
		return NULL;
	}
	return out;
}

int
epub_read(struct epub *ep, const char *name, char **out, size_t *len,
    char **err)
{
	zip_t *z = ep->zip;
	zip_int64_t idx = zip_name_locate(z, name, 0);
	zip_stat_t st;
	zip_file_t *f;
	char *buf;
	size_t n = 0, cap;

	*out = NULL;
	*len = 0;
	if (idx < 0) {
		*err = xasprintf("%s: not in the book", name);
		return -1;
	}
	zip_stat_init(&st);
	if (zip_stat_index(z, (zip_uint64_t)idx, 0, &st) != 0) {
		*err = xasprintf("%s: %s", name, zip_strerror(z));
		return -1;
	}
	/* What the archive claims first; what really comes out is checked
	 * too, below, since a claim can lie. */
	if ((st.valid & ZIP_STAT_SIZE) && st.size > EPUB_ENTRY_MAX) {
		*err = xasprintf("%s: expands to %llu MB, past the %zu MB "
		    "limit: refused", name, (unsigned long long)(st.size >> 20),
		    EPUB_ENTRY_MAX >> 20);
		return -1;
	}
	if ((st.valid & ZIP_STAT_SIZE) && ep->read_total + st.size >
	    EPUB_TOTAL_MAX) {
		*err = xasprintf("%s: the book expands past %zu MB: refused",
		    name, EPUB_TOTAL_MAX >> 20);
		return -1;
	}
	if ((f = zip_fopen_index(z, (zip_uint64_t)idx, 0)) == NULL) {
		*err = xasprintf("%s: %s", name, zip_strerror(z));
		return -1;
	}
	cap = (st.valid & ZIP_STAT_SIZE) ? (size_t)st.size + 1 : 65536;
	buf = xmalloc(cap);
	for (;;) {
		zip_int64_t r;

		if (n + 1 >= cap) {
			if (cap > EPUB_ENTRY_MAX) {
				zip_fclose(f);
				free(buf);
				*err = xasprintf("%s: expands past the %zu MB "
				    "limit: refused", name,
				    EPUB_ENTRY_MAX >> 20);
				return -1;
			}
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		r = zip_fread(f, buf + n, cap - 1 - n);
		if (r < 0) {
			*err = xasprintf("%s: %s", name,
			    zip_file_strerror(f));
			zip_fclose(f);
			free(buf);
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	zip_fclose(f);
	if (n > EPUB_ENTRY_MAX) {
		free(buf);
		*err = xasprintf("%s: expands past the %zu MB limit: refused",
		    name, EPUB_ENTRY_MAX >> 20);
		return -1;
	}
	ep->read_total += n;
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

/* ---- XML ---------------------------------------------------------- */

static xmlDocPtr
epub_xml(struct epub *ep, const char *name, char **err)
{
	char *buf;
	size_t len;
	xmlDocPtr doc;

	if (epub_read(ep, name, &buf, &len, err) != 0)
		return NULL;
	if (len > INT32_MAX) {
		free(buf);
		*err = xasprintf("%s: too big", name);
		return NULL;
	}
	/* No entity of the book's own (billion laughs, external files);
	 * no NOENT (entities stay references), no DTDLOAD, no HUGE. */
	html_blank_dtd(buf, len);
	doc = xmlReadMemory(buf, (int)len, NULL, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_RECOVER);
	free(buf);
	if (doc == NULL)
		*err = xasprintf("%s: not well-formed XML", name);
	return doc;
}

/* Element named LOCAL (namespace ignored). */
static int
epub_is(const xmlNode *n, const char *local)
{
	const char *name, *colon;

	if (n == NULL || n->type != XML_ELEMENT_NODE || n->name == NULL)
		return 0;
	name = (const char *)n->name;
	/* The HTML parser keeps "epub:type"-like prefixes in names. */
	colon = strchr(name, ':');
	if (colon != NULL)
		name = colon + 1;
	return strcasecmp(name, local) == 0;
}

static const xmlNode *
epub_child(const xmlNode *n, const char *local)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (epub_is(c, local))
			return c;
	return NULL;
}

/* First element LOCAL at any depth under N (N included). */
static const xmlNode *
epub_find(const xmlNode *n, const char *local)
{
	for (; n != NULL; n = n->next) {
		const xmlNode *f;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (epub_is(n, local))
			return n;
		if ((f = epub_find(n->children, local)) != NULL)
			return f;
	}
	return NULL;
}

/* Attribute NAME of N: its name as written ("epub:type"), or its local
 * name ("full-path" matches "opf:full-path").  NULL when absent.  Caller
 * frees with xmlFree(). */
static char *
epub_attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a != NULL; a = a->next) {
		const char *an = (const char *)a->name, *colon;

		colon = strchr(an, ':');
		if (strcasecmp(an, name) == 0 || (colon != NULL &&
		    strcasecmp(colon + 1, name) == 0))
			return (char *)xmlNodeGetContent((const xmlNode *)a);
	}
	return NULL;
}

/* The text of N from its text nodes only, blanks collapsed, trimmed.
 * Caller frees. */
static char *
epub_text(const xmlNode *n)
{
	char *s = html_text_of(n);

	return s;
}

/* ---- The package document ----------------------------------------- */

struct epub_item {
	char *id;
	char *path;		/* resolved entry name, or NULL */
	char *href;
	char *media;
	char *props;
};

static void
epub_items_free(struct epub_item *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].path);
		free(v[i].href);
		free(v[i].media);
		free(v[i].props);
	}
	free(v);
}

static char *
epub_dup_attr(const xmlNode *n, const char *local)
{
	char *v = epub_attr(n, local), *s;

	if (v == NULL)
		return NULL;
	s = xstrdup(v);
	xmlFree(v);
	return s;
}

static size_t
epub_chapter_of(const struct epub *ep, const char *path)
{
	for (size_t i = 0; path != NULL && i < ep->nchapters; i++)
		if (ep->chapters[i].path != NULL &&
		    strcmp(ep->chapters[i].path, path) == 0)
			return i;
	return (size_t)-1;
}

static void
epub_toc_add(struct epub *ep, size_t *cap, int level, char *title,
    const char *base, const char *href)
{
	struct epub_toc_entry *e;
	char *path, *frag = NULL;

	if (ep->ntoc >= EPUB_ITEMS_MAX || title == NULL) {
		free(title);
		return;
	}
	path = epub_resolve(base, href, &frag);
	ep->toc = xgrow(ep->toc, cap, ep->ntoc + 1, sizeof *ep->toc);
	e = &ep->toc[ep->ntoc++];
	e->level = level;
	e->title = title;
	e->chapter = epub_chapter_of(ep, path);
	e->fragment = frag;
	free(path);
}

/* The EPUB 3 nav document: <nav epub:type="toc"> with nested <ol>. */
static void
epub_nav_list(struct epub *ep, size_t *cap, const xmlNode *ol, int level,
    const char *base)
{
	if (level > 16)
		return;
	for (const xmlNode *li = ol->children; li != NULL; li = li->next) {
		const xmlNode *a, *sub;
		char *href = NULL, *title;

		if (!epub_is(li, "li"))
			continue;
		a = epub_child(li, "a");
		if (a == NULL)
			a = epub_child(li, "span");
		if (a != NULL) {
			title = epub_text(a);
			if (epub_is(a, "a"))
				href = epub_attr(a, "href");
			if (title[0] == '\0') {
				free(title);
				title = NULL;
			}
			epub_toc_add(ep, cap, level, title, base, href);
			xmlFree(href);
		}
		if ((sub = epub_child(li, "ol")) != NULL)
			epub_nav_list(ep, cap, sub, level + 1, base);
	}
}

static const xmlNode *
epub_find_nav(const xmlNode *n, int depth)
{
	for (; n != NULL && depth < 64; n = n->next) {
		const xmlNode *f;
		char *t;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (epub_is(n, "nav")) {
			int toc;
			t = epub_attr(n, "epub:type");
			toc = t != NULL && strstr(t, "toc") != NULL;
			xmlFree(t);
			if (toc)
				return n;
		}
		if ((f = epub_find_nav(n->children, depth + 1)) != NULL)
			return f;
	}
	return NULL;
}

static int
epub_toc_nav(struct epub *ep, const char *path)
{
	char *buf, *u8, *err = NULL, name[64];
	const char *enc;
	size_t len, u8len, cap = 0;
	xmlDocPtr doc;
	const xmlNode *root, *nav = NULL;

	if (epub_read(ep, path, &buf, &len, &err) != 0) {
		free(err);
		return -1;
	}
	html_decode(buf, len, &u8, &u8len, &enc, name, sizeof name);
	free(buf);
	html_blank_dtd(u8, u8len);
	doc = html_parse_tree(u8, u8len);
	free(u8);
	if (doc == NULL)
		return -1;
	root = xmlDocGetRootElement(doc);
	/* The <nav> whose epub:type is "toc"; else the first <nav>. */
	nav = epub_find_nav(root, 1);
	if (nav == NULL)
		nav = epub_find(root, "nav");
	if (nav != NULL) {
		const xmlNode *ol = epub_find(nav->children, "ol");
		if (ol != NULL)
			epub_nav_list(ep, &cap, ol, 1, path);
	}
	xmlFreeDoc(doc);
	return ep->ntoc > 0 ? 0 : -1;
}

static void
epub_ncx_points(struct epub *ep, size_t *cap, const xmlNode *parent,
    int level, const char *base)
{
	if (level > 16)
		return;
	for (const xmlNode *p = parent->children; p != NULL; p = p->next) {
		const xmlNode *label, *text, *content;
		char *src = NULL, *title = NULL;

		if (!epub_is(p, "navPoint"))
			continue;
		label = epub_child(p, "navLabel");
		text = label ? epub_child(label, "text") : NULL;
		content = epub_child(p, "content");
		if (text != NULL) {
			title = epub_text(text);
			if (title[0] == '\0') {
				free(title);
				title = NULL;
			}
		}
		if (content != NULL)
			src = epub_attr(content, "src");
		epub_toc_add(ep, cap, level, title, base, src);
		xmlFree(src);
		epub_ncx_points(ep, cap, p, level + 1, base);
	}
}

static int
epub_toc_ncx(struct epub *ep, const char *path)
{
	char *err = NULL;
	xmlDocPtr doc = epub_xml(ep, path, &err);
	const xmlNode *map;
	size_t cap = 0;

	free(err);
	if (doc == NULL)
		return -1;
	map = epub_find(xmlDocGetRootElement(doc), "navMap");
	if (map != NULL)
		epub_ncx_points(ep, &cap, map, 1, path);
	xmlFreeDoc(doc);
	return ep->ntoc > 0 ? 0 : -1;
}

static char *
epub_meta(const xmlNode *metadata, const char *local)
{
	for (const xmlNode *c = metadata ? metadata->children : NULL; c;
	    c = c->next)
		if (epub_is(c, local)) {
			char *s = epub_text(c);
			if (s[0] != '\0')
				return s;
			free(s);
		}
	return NULL;
}

static int
epub_package(struct epub *ep, const char *opf, char **err)
{
	xmlDocPtr doc = epub_xml(ep, opf, err);
	const xmlNode *root, *manifest, *spine, *metadata;
	struct epub_item *items = NULL;
	size_t nitems = 0, icap = 0, ccap = 0;
	char *ncx_id = NULL;
	const char *nav_path = NULL, *ncx_path = NULL;

	if (doc == NULL)
		return -1;
	root = xmlDocGetRootElement(doc);
	metadata = root ? epub_child(root, "metadata") : NULL;
	manifest = root ? epub_child(root, "manifest") : NULL;
	spine = root ? epub_child(root, "spine") : NULL;
	if (manifest == NULL || spine == NULL) {
		*err = xasprintf("%s: no manifest or spine: not an EPUB "
		    "package document", opf);
		xmlFreeDoc(doc);
		return -1;
	}
	ep->title = epub_meta(metadata, "title");
	ep->author = epub_meta(metadata, "creator");
	ep->language = epub_meta(metadata, "language");
	for (const xmlNode *c = manifest->children; c; c = c->next) {
		struct epub_item *it;

		if (!epub_is(c, "item") || nitems >= EPUB_ITEMS_MAX)
			continue;
		items = xgrow(items, &icap, nitems + 1, sizeof *items);
		it = &items[nitems++];
		it->id = epub_dup_attr(c, "id");
		it->href = epub_dup_attr(c, "href");
		it->media = epub_dup_attr(c, "media-type");
		it->props = epub_dup_attr(c, "properties");
		it->path = epub_resolve(opf, it->href, NULL);
		if (it->props != NULL && strstr(it->props, "nav") != NULL &&
		    it->path != NULL)
			nav_path = it->path;
		if (it->media != NULL && strcmp(it->media,
		    "application/x-dtbncx+xml") == 0 && ncx_path == NULL)
			ncx_path = it->path;
	}
	ncx_id = epub_dup_attr(spine, "toc");
	for (const xmlNode *c = spine->children; c; c = c->next) {
		char *idref, *linear;
		struct epub_chapter *ch;
		struct epub_item *it = NULL;

		if (!epub_is(c, "itemref") || ep->nchapters >= EPUB_ITEMS_MAX)
			continue;
		idref = epub_attr(c, "idref");
		for (size_t i = 0; idref != NULL && i < nitems; i++)
			if (items[i].id != NULL && strcmp(items[i].id,
			    idref) == 0) {
				it = &items[i];
				break;
			}
		linear = epub_attr(c, "linear");
		ep->chapters = xgrow(ep->chapters, &ccap, ep->nchapters + 1,
		    sizeof *ep->chapters);
		ch = &ep->chapters[ep->nchapters++];
		ch->href = xstrdup(it && it->href ? it->href : idref ?
		    (const char *)idref : "");
		ch->path = it && it->path ? xstrdup(it->path) : NULL;
		ch->linear = linear == NULL || strcmp(linear, "no") != 0;
		xmlFree(idref);
		xmlFree(linear);
	}
	if (ncx_id != NULL)
		for (size_t i = 0; i < nitems; i++)
			if (items[i].id && strcmp(items[i].id, ncx_id) == 0 &&
			    items[i].path != NULL)
				ncx_path = items[i].path;
	if (ep->nchapters == 0) {
		*err = xasprintf("%s: the package document names no "
		    "chapters", opf);
	} else if (nav_path != NULL && epub_toc_nav(ep, nav_path) == 0) {
		ep->toc_from = "nav";
	} else if (ncx_path != NULL && epub_toc_ncx(ep, ncx_path) == 0) {
		ep->toc_from = "ncx";
	}
	free(ncx_id);
	epub_items_free(items, nitems);
	xmlFreeDoc(doc);
	return ep->nchapters == 0 ? -1 : 0;
}

struct epub *
epub_open_mem(const void *buf, size_t len, char **err)
{
	struct epub *ep;
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	xmlDocPtr doc;
	const xmlNode *rf;
	char *opf = NULL;

	*err = NULL;
	zip_error_init(&ze);
	src = zip_source_buffer_create(buf, len, 0, &ze);
	if (src == NULL) {
		*err = xasprintf("cannot read the archive: %s",
		    zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return NULL;
	}
	z = zip_open_from_source(src, ZIP_RDONLY, &ze);
	if (z == NULL) {
		*err = xasprintf("not an EPUB book: %s",
		    zip_error_strerror(&ze));
		zip_source_free(src);
		zip_error_fini(&ze);
		return NULL;
	}
	zip_error_fini(&ze);
	ep = xcalloc(1, sizeof *ep);
	ep->zip = z;
	if (zip_name_locate(z, "META-INF/container.xml", 0) < 0) {
		*err = xstrdup("no META-INF/container.xml: not an EPUB book");
		epub_free(ep);
		return NULL;
	}
	if ((doc = epub_xml(ep, "META-INF/container.xml", err)) == NULL) {
		epub_free(ep);
		return NULL;
	}
	rf = epub_find(xmlDocGetRootElement(doc), "rootfile");
	if (rf != NULL) {
		char *p = epub_attr(rf, "full-path");
		/* full-path is relative to the archive's top. */
		opf = p ? epub_resolve(NULL, p, NULL) : NULL;
		xmlFree(p);
	}
	xmlFreeDoc(doc);
	if (opf == NULL) {
		*err = xstrdup("META-INF/container.xml names no package "
		    "document");
		epub_free(ep);
		return NULL;
	}
	if (epub_package(ep, opf, err) != 0) {
		free(opf);
		epub_free(ep);
		return NULL;
	}
	free(opf);
	return ep;
}

void
epub_free(struct epub *ep)
{
	if (ep == NULL)
		return;
	if (ep->zip != NULL)
		zip_discard(ep->zip);
	for (size_t i = 0; i < ep->nchapters; i++) {
		free(ep->chapters[i].path);
		free(ep->chapters[i].href);
	}
	for (size_t i = 0; i < ep->ntoc; i++) {
		free(ep->toc[i].title);
		free(ep->toc[i].fragment);
	}
	free(ep->chapters);
	free(ep->toc);
	free(ep->title);
	free(ep->author);
	free(ep->language);
	free(ep);
}

int
epub_chapter_source(struct epub *ep, size_t i, char **out, size_t *len,
    char **err)
{
	char *buf, name[64];
	const char *enc;
	size_t n;

	*out = NULL;
	*len = 0;
	if (i >= ep->nchapters)
		return *err = xstrdup("no such chapter"), -1;
	if (ep->chapters[i].path == NULL) {
		*err = xasprintf("%s: points outside the book",
		    ep->chapters[i].href);
		return -1;
	}
	if (epub_read(ep, ep->chapters[i].path, &buf, &n, err) != 0)
		return -1;
	html_decode(buf, n, out, len, &enc, name, sizeof name);
	free(buf);
	return 0;
}
