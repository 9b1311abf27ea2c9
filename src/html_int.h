/*
 * Shared between html.c and epub.c: parsing HTML with source offsets and
 * decoding a page by its declared charset.  Not part of the core's API.
 */
#ifndef YUEDU_HTML_INT_H
#define YUEDU_HTML_INT_H

#include <stddef.h>

#include <libxml/tree.h>

/*
 * Decode S (N bytes) to UTF-8 by its declared charset (html.h), else by
 * detection (enc.h); invalid bytes become U+FFFD and a BOM is dropped.
 * *out is new (caller frees); *name the encoding used (static storage
 * or BUF, SIZE bytes).
 */
void html_decode(const char *s, size_t n, char **out, size_t *out_len,
    const char **name, char *buf, size_t size);

/*
 * The internal subset of a DOCTYPE ("[ <!ENTITY …> ]") in S (N bytes):
 * its start ('['), and its end (past ']') in *end; (size_t)-1 when there
 * is none.  html_blank_dtd() overwrites it with blanks (line ends kept),
 * so that no entity of the book's own making is ever declared: an
 * entity reference then stays as written, inert.
 */
size_t html_dtd_subset(const char *s, size_t n, size_t *end);
void html_blank_dtd(char *s, size_t n);

/*
 * Parse UTF-8 HTML (LEN bytes) into a tree whose text nodes know their
 * source offsets (html_node_src).  Comments are dropped.  Never fails on
 * bad markup; NULL only when libxml2 gives up (out of memory, over 2 GB).
 * Free with xmlFreeDoc().
 */
xmlDocPtr html_parse_tree(const char *utf8, size_t len);

/*
 * The source offset of NODE (a text node: its first byte; an element:
 * its '<') into *off, (size_t)-1 when unknown.  Returns 1 when a text
 * node's bytes are the source's from *off on (no entity in it).
 */
int html_node_src(const xmlNode *node, size_t *off);

/* Element NODE named NAME (lower case)? */
int html_is(const xmlNode *node, const char *name);

/* The text of NODE and its descendants, blanks collapsed, trimmed, in a
 * new string (caller frees); script and style left out. */
char *html_text_of(const xmlNode *node);

/* 1 if NODE is never shown (PAGE: in a web page, where nav, header,
 * footer, aside and menu go too). */
int html_dropped(const xmlNode *node, int page);

/* The element of a web page that holds its article (never NULL when the
 * document has a root). */
const xmlNode *html_article(const xmlDoc *doc);

/* <title>, og:title or the first <h1>; NULL when none.  Caller frees. */
char *html_title_of(const xmlDoc *doc);

#endif
