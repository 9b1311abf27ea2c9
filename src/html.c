/*
 * HTML pages and XHTML chapters.  This file owns parsing (libxml2's HTML
 * parser, which never fetches anything and never reads a DTD), finding
 * the source byte of every piece of text, finding the article in a web
 * page, and walking the tree into the rendered text.
 *
 * Source offsets: libxml2's tree keeps line numbers only, so the parser
 * runs with SAX callbacks wrapped around its tree builder.  Each chunk of
 * text it delivers becomes a text node of its own whose source offset is
 * found by looking for the chunk's bytes in the source at or after the
 * end of the previous one (the parser's input cursor tells roughly
 * where it is); a chunk that is not there verbatim (an entity such as
 * &amp;, or a line end the parser changed) maps as a whole to where it
 * starts.  The text is decoded to UTF-8 before parsing, so offsets are
 * into the UTF-8 source that --raw shows.
 */
#include "yuedu/html.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>

#include "html_int.h"
#include "yuedu/enc.h"
#include "yuedu/util.h"

#define HTML_PRESCAN_BYTES 1024	/* where a charset declaration counts */

int
html_is_html_name(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot != NULL && (strcasecmp(dot, ".html") == 0 ||
	    strcasecmp(dot, ".htm") == 0 || strcasecmp(dot, ".xhtml") == 0);
}

/* Skip blanks, comments, an XML declaration and a BOM. */
static size_t
html_skip_prolog(const char *s, size_t n)
{
	size_t i = 0;

	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (;;) {
		while (i < n && isspace((unsigned char)s[i]))
			i++;
		if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
			const char *e = memmem(s + i + 4, n - i - 4, "-->", 3);
			if (e == NULL)
				return n;
			i = (size_t)(e - s) + 3;
		} else if (i + 2 <= n && memcmp(s + i, "<?", 2) == 0) {
			const char *e = memmem(s + i, n - i, "?>", 2);
			if (e == NULL)
				return n;
			i = (size_t)(e - s) + 2;
		} else
			return i;
	}
}

static int
html_prefix_ci(const char *s, size_t n, const char *word)
{
	size_t k = strlen(word);

	return n >= k && strncasecmp(s, word, k) == 0;
}

int
html_sniff(const char *s, size_t n)
{
	size_t i = html_skip_prolog(s, n);

	s += i;
	n -= i;
	return html_prefix_ci(s, n, "<!doctype html") ||
	    html_prefix_ci(s, n, "<html") || html_prefix_ci(s, n, "<head") ||
	    html_prefix_ci(s, n, "<body");
}

/* Copy a charset name at S (up to N bytes) into BUF, upper-cased. */
static const char *
html_charset_name(const char *s, size_t n, char *buf, size_t size)
{
	size_t k = 0;

	while (n > 0 && (*s == '"' || *s == '\'' || isspace((unsigned char)*s)))
		s++, n--;
	while (k < n && k + 1 < size && (isalnum((unsigned char)s[k]) ||
	    s[k] == '-' || s[k] == '_' || s[k] == '.' || s[k] == ':'))
		k++;
	if (k == 0)
		return NULL;
	for (size_t i = 0; i < k; i++)
		buf[i] = (char)toupper((unsigned char)s[i]);
	buf[k] = '\0';
	if (strcmp(buf, "GBK") == 0 || strcmp(buf, "GB2312") == 0 ||
	    strcmp(buf, "X-GBK") == 0 || strcmp(buf, "CP936") == 0 ||
	    strcmp(buf, "WINDOWS-936") == 0 || strcmp(buf, "EUC-CN") == 0 ||
	    strcmp(buf, "X-EUC-CN") == 0 || strcmp(buf, "GB_2312-80") == 0 ||
	    strcmp(buf, "CSGB2312") == 0)
		snprintf(buf, size, "GB18030");
	else if (strcmp(buf, "BIG5-HKSCS") == 0 || strcmp(buf, "X-X-BIG5") == 0
	    || strcmp(buf, "CN-BIG5") == 0)
		snprintf(buf, size, "%s", strcmp(buf, "BIG5-HKSCS") == 0 ?
		    "BIG5-HKSCS" : "BIG5");
	else if (strcmp(buf, "UTF8") == 0 || strcmp(buf, "UNICODE-1-1-UTF-8")
	    == 0)
		snprintf(buf, size, "UTF-8");
	return buf;
}

/* The value of attribute NAME inside the tag [S, E), or NULL; *len set. */
static const char *
html_tag_attr(const char *s, const char *e, const char *name, size_t *len)
{
	size_t k = strlen(name);

	for (const char *p = s; p + k < e; p++) {
		const char *v;

		if (strncasecmp(p, name, k) != 0 ||
		    isalnum((unsigned char)p[-1]) || p[-1] == '-')
			continue;
		v = p + k;
		while (v < e && isspace((unsigned char)*v))
			v++;
		if (v >= e || *v != '=')
			continue;
		v++;
		while (v < e && isspace((unsigned char)*v))
			v++;
		if (v < e && (*v == '"' || *v == '\'')) {
			const char *q = memchr(v + 1, *v, (size_t)(e - v - 1));
			if (q == NULL)
				q = e;
			*len = (size_t)(q - v - 1);
			return v + 1;
		}
		*len = 0;
		while (v + *len < e && !isspace((unsigned char)v[*len]) &&
		    v[*len] != '>')
			(*len)++;
		return v;
	}
	return NULL;
}

const char *
html_declared_charset(const char *s, size_t n, char *buf, size_t size)
{
	size_t lim = n < HTML_PRESCAN_BYTES ? n : HTML_PRESCAN_BYTES;

	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		return snprintf(buf, size, "UTF-8"), buf;
	if (n >= 2 && memcmp(s, "\xFF\xFE", 2) == 0)
		return snprintf(buf, size, "UTF-16LE"), buf;
	if (n >= 2 && memcmp(s, "\xFE\xFF", 2) == 0)
		return snprintf(buf, size, "UTF-16BE"), buf;
	if (lim >= 5 && memcmp(s, "<?xml", 5) == 0) {
		const char *e = memmem(s, lim, "?>", 2);
		const char *v;
		size_t vl;

		if (e != NULL && (v = html_tag_attr(s + 5, e, "encoding",
		    &vl)) != NULL)
			return html_charset_name(v, vl, buf, size);
	}
	for (size_t i = 0; i + 5 < lim; i++) {
		const char *tag = s + i, *e, *v;
		size_t vl;

		if (tag[0] != '<' || strncasecmp(tag + 1, "meta", 4) != 0 ||
		    isalnum((unsigned char)tag[5]))
			continue;
		e = memchr(tag, '>', n - i);
		if (e == NULL)
			break;
		if ((v = html_tag_attr(tag + 5, e, "charset", &vl)) != NULL)
			return html_charset_name(v, vl, buf, size);
		v = html_tag_attr(tag + 5, e, "content", &vl);
		if (v != NULL) {
			const char *c = v, *ve = v + vl;
			while (c + 7 <= ve && strncasecmp(c, "charset", 7) != 0)
				c++;
			if (c + 7 <= ve) {
				c += 7;
				while (c < ve && (isspace((unsigned char)*c) ||
				    *c == '='))
					c++;
				return html_charset_name(c, (size_t)(ve - c),
				    buf, size);
			}
		}
	}
	return NULL;
}

/*
 * Decode S (N bytes) to UTF-8 by what it declares, else by detection
 * (enc.c).  *out is new (caller frees); *name the encoding used (static
 * or in BUF).  A declared name the C library does not know falls back to
 * detection.
 */
void
html_decode(const char *s, size_t n, char **out, size_t *out_len,
    const char **name, char *buf, size_t size)
{
	const char *decl = html_declared_charset(s, n, buf, size);
	const char *canon;
	size_t skip = 0;
	int sure;

	if (decl != NULL && (canon = enc_canonical(decl)) != NULL)
		decl = canon;
	/* A page saved by an editor may say UTF-8 and be GBK: check, but
	 * valid UTF-8 is taken as it is (most books: no detection cost). */
	if (decl == NULL || strcmp(decl, "UTF-8") == 0) {
		if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
			skip = 3;
		decl = u8_check((const uint8_t *)s + skip, n - skip) == NULL ?
		    "UTF-8" : enc_detect(s, n, &sure);
	}
	if (strcmp(decl, "UTF-8") == 0) {
		*name = "UTF-8";
		if (u8_check((const uint8_t *)s + skip, n - skip) == NULL) {
			*out = xstrndup(s + skip, n - skip);
			*out_len = n - skip;
			return;
		}
	} else if (enc_to_utf8(decl, s, n, out, out_len) == 0) {
		*name = decl;
		goto bom;
	} else
		decl = enc_detect(s, n, &sure);	/* unknown to iconv */
	*name = decl;
	/* Invalid bytes become U+FFFD, as elsewhere. */
	if (enc_to_utf8(decl, s + skip, n - skip, out, out_len) != 0) {
		*out = xstrndup(s + skip, n - skip);
		*out_len = n - skip;
	}
bom:
	if (*out_len >= 3 && memcmp(*out, "\xEF\xBB\xBF", 3) == 0) {
		memmove(*out, *out + 3, *out_len - 3);
		*out_len -= 3;
	}
}

size_t
html_dtd_subset(const char *s, size_t n, size_t *end)
{
	size_t lim = n < 65536 ? n : 65536, i;
	const char *d = NULL;

	/* The DOCTYPE comes before the first element. */
	for (i = 0; i + 9 < lim; i++) {
		if (s[i] != '<')
			continue;
		if (strncasecmp(s + i, "<!DOCTYPE", 9) == 0) {
			d = s + i;
			break;
		}
		if (isalpha((unsigned char)s[i + 1]))
			return (size_t)-1;
	}
	if (d == NULL)
		return (size_t)-1;
	for (i = (size_t)(d - s) + 9; i < n && s[i] != '>'; i++) {
		if (s[i] == '"' || s[i] == '\'') {
			const char *q = memchr(s + i + 1, s[i], n - i - 1);
			if (q == NULL)
				return (size_t)-1;
			i = (size_t)(q - s);
		} else if (s[i] == '[') {
			size_t start = i;
			/* Up to the "]" that ends it, quotes and comments
			 * skipped. */
			for (i++; i < n && s[i] != ']'; i++) {
				const char *q = NULL;
				if (s[i] == '"' || s[i] == '\'')
					q = memchr(s + i + 1, s[i], n - i - 1);
				else if (i + 4 <= n && memcmp(s + i, "<!--", 4)
				    == 0)
					q = memmem(s + i, n - i, "-->", 3);
				else
					continue;
				if (q == NULL)
					break;
				i = (size_t)(q - s);
			}
			*end = i < n ? i + 1 : n;
			return start;
		}
	}
	return (size_t)-1;
}

void
html_blank_dtd(char *s, size_t n)
{
	size_t end, start = html_dtd_subset(s, n, &end);

	/* Blanks, line ends kept, so offsets and line numbers hold. */
	for (size_t i = start; start != (size_t)-1 && i < end; i++)
		if (s[i] != '\n')
			s[i] = ' ';
}

/* ---- Parsing with source offsets ---------------------------------- */

struct html_parse {
	const char *src;	/* the UTF-8 source */
	size_t len;
	size_t pos;		/* source offset where the next text may
				   start: the end of the last one found */
};

/*
 * Text nodes carry their source offset in psvi (a field libxml2 leaves
 * to applications) as (OFF << 1 | EXACT) + 1, EXACT meaning the node's
 * bytes are the source's bytes from OFF on.
 */
static void
html_set_src(xmlNodePtr node, size_t off, int exact)
{
	node->psvi = (void *)(uintptr_t)(((uintptr_t)off << 1 |
	    (uintptr_t)(exact != 0)) + 1);
}

int
html_node_src(const xmlNode *node, size_t *off)
{
	uintptr_t v = (uintptr_t)node->psvi;

	if (v == 0) {
		*off = (size_t)-1;
		return 0;
	}
	v--;
	*off = (size_t)(v >> 1);
	return (int)(v & 1);
}

static size_t
html_where(xmlParserCtxtPtr ctxt, const struct html_parse *hp)
{
	xmlParserInputPtr in = ctxt->input;
	size_t c;

	/*
	 * Not xmlByteConsumed(): with an encoder (UTF-8 to UTF-8 here) it
	 * converts the rest of the buffer on every call, quadratic on a big
	 * page.  The buffer holds the source's bytes unchanged, so its
	 * consumed count plus the cursor is the offset.
	 */
	if (in == NULL || in->base == NULL || in->cur < in->base)
		return hp->pos;
	c = in->consumed + (size_t)(in->cur - in->base);
	return c > hp->len ? hp->len : c;
}

static void
html_sax_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct html_parse *hp = ctxt->_private;
	size_t at = html_where(ctxt, hp);

	xmlSAX2StartElement(ctx, name, atts);
	if (at > hp->pos)
		hp->pos = at;
	if (ctxt->node != NULL && ctxt->node->psvi == NULL) {
		/* The tag's '<', looked for back from where the parser is. */
		size_t lt = at;
		while (lt > 0 && at - lt < 4096 && hp->src[lt - 1] != '<')
			lt--;
		html_set_src(ctxt->node, lt > 0 && hp->src[lt - 1] == '<' ?
		    lt - 1 : at, 0);
	}
}

static void
html_sax_end(void *ctx, const xmlChar *name)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct html_parse *hp = ctxt->_private;
	size_t at = html_where(ctxt, hp);

	xmlSAX2EndElement(ctx, name);
	if (at > hp->pos)
		hp->pos = at;
}

static void
html_sax_text(void *ctx, const xmlChar *ch, int len)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct html_parse *hp = ctxt->_private;
	xmlNodePtr parent = ctxt->node, t;
	size_t end = html_where(ctxt, hp), from = hp->pos, off, lim;
	const char *found = NULL, *amp = NULL;
	int exact = 0;

	if (parent == NULL || len <= 0)
		return;
	/*
	 * Where the chunk starts: right where the last one ended, or an
	 * entity there, or verbatim a little further (past end tags), or
	 * an entity further.  The parser's own position (END) may lag a
	 * few bytes, never lead: nothing is looked for far past it.
	 */
	lim = end + 16 < hp->len ? end + 16 : hp->len;
	if (from + (size_t)len <= hp->len && memcmp(hp->src + from, ch,
	    (size_t)len) == 0)
		found = hp->src + from;
	else if (from < hp->len && hp->src[from] == '&')
		amp = hp->src + from;
	else if (lim > from && (found = memmem(hp->src + from, lim - from,
	    ch, (size_t)len)) == NULL)
		amp = memchr(hp->src + from, '&', lim - from);
	if (found != NULL) {
		off = (size_t)(found - hp->src);
		exact = 1;
		hp->pos = off + (size_t)len;
	} else if (amp != NULL) {
		size_t rest = (size_t)(hp->src + hp->len - amp);
		const char *semi = memchr(amp, ';', rest < 40 ? rest : 40);

		off = (size_t)(amp - hp->src);
		hp->pos = semi != NULL ? (size_t)(semi - hp->src) + 1 : off + 1;
	} else {
		/* A line end the parser changed: start where we are. */
		off = from;
		if (end > hp->pos)
			hp->pos = end;
	}
	if (off > hp->len)
		off = hp->len;
	/* A node of its own (not merged with the previous text), so that
	 * it keeps its own offset. */
	t = xmlNewDocTextLen(ctxt->myDoc, ch, len);
	if (t == NULL)
		return;
	html_set_src(t, off, exact);
	t->parent = parent;
	if (parent->children == NULL) {
		parent->children = parent->last = t;
	} else {
		t->prev = parent->last;
		parent->last->next = t;
		parent->last = t;
	}
}

static void
html_sax_comment(void *ctx, const xmlChar *value)
{
	/* Comments are never shown: not even kept. */
}

xmlDocPtr
html_parse_tree(const char *utf8, size_t len)
{
	htmlParserCtxtPtr ctxt;
	struct html_parse hp = { utf8, len, 0 };
	xmlDocPtr doc;

	if (len > INT32_MAX)
		return NULL;
	ctxt = htmlNewParserCtxt();
	if (ctxt == NULL)
		return NULL;
	ctxt->_private = &hp;
	ctxt->sax->startElement = html_sax_start;
	ctxt->sax->endElement = html_sax_end;
	ctxt->sax->characters = html_sax_text;
	ctxt->sax->ignorableWhitespace = html_sax_text;
	ctxt->sax->cdataBlock = html_sax_text;
	ctxt->sax->comment = html_sax_comment;
	ctxt->sax->processingInstruction = NULL;
	ctxt->sax->internalSubset = NULL;
	ctxt->sax->externalSubset = NULL;
	ctxt->sax->resolveEntity = NULL;
	doc = htmlCtxtReadMemory(ctxt, utf8, (int)len, NULL, "UTF-8",
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC);
	htmlFreeParserCtxt(ctxt);
	return doc;
}

/* ---- The article ------------------------------------------------- */

int
html_is(const xmlNode *node, const char *name)
{
	return node != NULL && node->type == XML_ELEMENT_NODE &&
	    node->name != NULL && strcasecmp((const char *)node->name, name)
	    == 0;
}

static int
html_name_in(const xmlNode *node, const char *const *names)
{
	if (node == NULL || node->type != XML_ELEMENT_NODE)
		return 0;
	for (size_t i = 0; names[i] != NULL; i++)
		if (strcasecmp((const char *)node->name, names[i]) == 0)
			return 1;
	return 0;
}

/* Never shown, in a page or a book. */
static const char *const html_never[] = { "script", "style", "noscript",
    "template", "form", "input", "button", "select", "textarea", "option",
    "iframe", "object", "embed", "canvas", "svg", "math", "head", "title",
    "meta", "link", "base", "dialog", "frameset", "frame", "audio",
    "video", "source", "track", "map", "area", NULL };
/* Around the article in a web page, not part of it. */
static const char *const html_chrome[] = { "nav", "header", "footer",
    "aside", "menu", NULL };

static int
html_attr_has(const xmlNode *node, const char *attr, const char *word)
{
	xmlChar *v = xmlGetNoNsProp(node, (const xmlChar *)attr);
	int has = 0;

	if (v != NULL) {
		has = strcasestr((const char *)v, word) != NULL;
		xmlFree(v);
	}
	return has;
}

/* 1 if NODE is never shown (PAGE: a web page, whose chrome goes too). */
int
html_dropped(const xmlNode *node, int page)
{
	if (node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE ||
	    node->type == XML_DTD_NODE || node->type == XML_ENTITY_REF_NODE)
		return 1;
	if (node->type != XML_ELEMENT_NODE)
		return 0;
	if (html_name_in(node, html_never))
		return 1;
	if (page && html_name_in(node, html_chrome))
		return 1;
	if (xmlHasProp(node, (const xmlChar *)"hidden") != NULL ||
	    html_attr_has(node, "aria-hidden", "true"))
		return 1;
	if (html_attr_has(node, "style", "display:none") ||
	    html_attr_has(node, "style", "display: none"))
		return 1;
	return 0;
}

/* Characters of text under NODE (blanks not counted), and how many of
 * them are inside links. */
static void
html_weigh(const xmlNode *node, int page, int in_link, size_t *chars,
    size_t *link_chars)
{
	for (const xmlNode *c = node->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type ==
		    XML_CDATA_SECTION_NODE) {
			size_t k = 0;
			for (const xmlChar *p = c->content; p && *p; p++)
				k += (*p & 0xC0) != 0x80 && !isspace(*p);
			*chars += k;
			if (in_link)
				*link_chars += k;
		} else if (c->type == XML_ELEMENT_NODE &&
		    !html_dropped(c, page))
			html_weigh(c, page, in_link || html_is(c, "a"), chars,
			    link_chars);
	}
}

static const xmlNode *
html_find(const xmlNode *node, const char *name, int page)
{
	for (const xmlNode *c = node; c != NULL; c = c->next) {
		const xmlNode *f;

		if (c->type != XML_ELEMENT_NODE || (page && html_dropped(c,
		    page) && !html_is(c, "head") && !html_is(c, "header")))
			continue;
		if (html_is(c, name))
			return c;
		if ((f = html_find(c->children, name, page)) != NULL)
			return f;
	}
	return NULL;
}

struct html_score {
	const xmlNode *node;
	double score;
};

static void
html_score_add(struct html_score **v, size_t *n, size_t *cap,
    const xmlNode *node, double add)
{
	for (size_t i = *n; i-- > 0 && i + 64 >= *n;)
		if ((*v)[i].node == node) {
			(*v)[i].score += add;
			return;
		}
	*v = xgrow(*v, cap, *n + 1, sizeof **v);
	(*v)[*n].node = node;
	(*v)[*n].score = add;
	(*n)++;
}

/* A class or id that says what a block is. */
static double
html_class_weight(const xmlNode *node)
{
	static const char *const bad[] = { "comment", "sidebar", "footer",
	    "nav", "menu", "share", "related", "recommend", "banner",
	    "advert", "promo", "breadcrumb", "copyright", NULL };
	static const char *const good[] = { "article", "content", "post",
	    "entry", "main", "text", "story", "body", NULL };
	double w = 1.0;

	for (size_t i = 0; bad[i] != NULL; i++)
		if (html_attr_has(node, "class", bad[i]) ||
		    html_attr_has(node, "id", bad[i]))
			w *= 0.25;
	for (size_t i = 0; good[i] != NULL; i++)
		if (html_attr_has(node, "class", good[i]) ||
		    html_attr_has(node, "id", good[i])) {
			w *= 1.5;
			break;
		}
	return w;
}

static void
html_score_walk(const xmlNode *node, struct html_score **v, size_t *n,
    size_t *cap)
{
	for (const xmlNode *c = node->children; c != NULL; c = c->next) {
		size_t chars = 0, links = 0;

		if (c->type != XML_ELEMENT_NODE || html_dropped(c, 1))
			continue;
		if (html_is(c, "p") || html_is(c, "pre") || html_is(c, "td") ||
		    html_is(c, "blockquote") || html_is(c, "li") ||
		    html_is(c, "br")) {
			html_weigh(c, 1, 0, &chars, &links);
			/* Text beside <br>s in a div counts for the div. */
			if (html_is(c, "br") && c->prev != NULL &&
			    c->prev->type == XML_TEXT_NODE)
				for (const xmlChar *p = c->prev->content; *p;
				    p++)
					chars += (*p & 0xC0) != 0x80 &&
					    !isspace(*p);
			if (chars >= 8 && links * 2 < chars) {
				double s = (double)(chars - links);
				if (c->parent != NULL)
					html_score_add(v, n, cap, c->parent,
					    html_is(c, "br") ? s : s);
				if (c->parent != NULL &&
				    c->parent->parent != NULL)
					html_score_add(v, n, cap,
					    c->parent->parent, s / 2);
			}
			if (html_is(c, "p") || html_is(c, "pre"))
				continue;
		}
		html_score_walk(c, v, n, cap);
	}
}

/*
 * The part of a web page that is the article: the <main> (or
 * role=main), else the one <article> holding most of the text, else the
 * block where most paragraph text sits (each paragraph counts for its
 * parent, half for its grandparent; link-heavy and comment-like blocks
 * weigh less), else the body.
 */
const xmlNode *
html_article(const xmlDoc *doc)
{
	const xmlNode *root = xmlDocGetRootElement(doc), *body, *best = NULL;
	struct html_score *v = NULL;
	size_t n = 0, cap = 0, total = 0, links = 0;
	double best_score = 0;

	if (root == NULL)
		return NULL;
	body = html_find(root, "body", 0);
	if (body == NULL)
		body = root;
	html_weigh(body, 1, 0, &total, &links);
	{
		const xmlNode *m = html_find(body, "main", 1);
		if (m != NULL)
			return m;
	}
	/* <article>s: the biggest, if it holds most of the text. */
	{
		const xmlNode *stack[64];
		size_t depth = 0, big = 0, all = 0;
		const xmlNode *bigp = NULL;

		stack[depth++] = body->children;
		while (depth > 0) {
			const xmlNode *c = stack[--depth];
			for (; c != NULL; c = c->next) {
				if (c->type != XML_ELEMENT_NODE ||
				    html_dropped(c, 1))
					continue;
				if (html_is(c, "article") ||
				    html_attr_has(c, "role", "main")) {
					size_t ch = 0, lk = 0;
					html_weigh(c, 1, 0, &ch, &lk);
					all += ch;
					if (ch > big)
						big = ch, bigp = c;
					if (html_attr_has(c, "role", "main"))
						return c;
					continue;
				}
				if (c->children != NULL && depth < 63) {
					stack[depth++] = c->next;
					stack[depth++] = c->children;
					break;
				}
			}
		}
		if (bigp != NULL && big * 10 >= all * 6 && big * 4 >= total)
			return bigp;
	}
	html_score_walk(body, &v, &n, &cap);
	for (size_t i = 0; i < n; i++) {
		size_t ch = 0, lk = 0;
		double s;

		html_weigh(v[i].node, 1, 0, &ch, &lk);
		s = v[i].score * html_class_weight(v[i].node) *
		    (ch ? 1.0 - (double)lk / (double)ch : 1.0);
		if (s > best_score)
			best_score = s, best = v[i].node;
	}
	free(v);
	/* A small winner means the page is not one article: show it all. */
	if (best == NULL || best_score * 4 < (double)(total - links))
		return body;
	return best;
}

char *
html_text_of(const xmlNode *node)
{
	char *out = NULL;
	size_t n = 0, cap = 0;
	int space = 0;
	const xmlNode *c = node->children;

	if (node->type == XML_TEXT_NODE)
		c = node;
	/* Iterative walk under NODE. */
	while (c != NULL) {
		if (c->type == XML_TEXT_NODE && c->content != NULL) {
			for (const xmlChar *p = c->content; *p; p++) {
				if (isspace(*p) || *p == '\0') {
					space = n > 0;
					continue;
				}
				out = xgrow(out, &cap, n + 3, 1);
				if (space)
					out[n++] = ' ';
				space = 0;
				out[n++] = (char)*p;
			}
		}
		if (c->type == XML_ELEMENT_NODE && c->children != NULL &&
		    !html_is(c, "script") && !html_is(c, "style") &&
		    !html_is(c, "rp") && !html_is(c, "rt")) {
			c = c->children;
			continue;
		}
		if (c == node)
			break;
		while (c != NULL && c->next == NULL) {
			c = c->parent;
			if (c == node || c == NULL)
				c = NULL;
		}
		if (c != NULL)
			c = c->next;
	}
	out = xgrow(out, &cap, n + 1, 1);
	out[n] = '\0';
	return out;
}

/*
 * The title of a page: <title>, else <meta property="og:title">, else
 * the first <h1>.  NULL when it has none.  Caller frees.
 */
char *
html_title_of(const xmlDoc *doc)
{
	const xmlNode *root = xmlDocGetRootElement(doc), *t, *head;
	char *s;

	if (root == NULL)
		return NULL;
	if ((t = html_find(root, "title", 0)) != NULL) {
		s = html_text_of(t);
		if (s[0] != '\0')
			return s;
		free(s);
	}
	head = html_find(root, "head", 0);
	for (t = head ? head->children : NULL; t != NULL; t = t->next) {
		xmlChar *p, *c;

		if (!html_is(t, "meta"))
			continue;
		p = xmlGetNoNsProp(t, (const xmlChar *)"property");
		if (p != NULL && strcasecmp((char *)p, "og:title") == 0 &&
		    (c = xmlGetNoNsProp(t, (const xmlChar *)"content")) !=
		    NULL) {
			s = xstrdup((char *)c);
			xmlFree(c);
			xmlFree(p);
			if (s[0] != '\0')
				return s;
			free(s);
			continue;
		}
		xmlFree(p);
	}
	if ((t = html_find(root, "h1", 0)) != NULL) {
		s = html_text_of(t);
		if (s[0] != '\0')
			return s;
		free(s);
	}
	return NULL;
}
