/*
 * HTML: web pages saved as files and the XHTML chapters of EPUB books,
 * parsed with libxml2's forgiving HTML parser (no network, no external
 * entities, no DTD) and reduced to what a reader reads: the article, its
 * headings, paragraphs, lists, quotes, code, tables, emphasis, links,
 * images and ruby annotations.
 */
#ifndef YUEDU_HTML_H
#define YUEDU_HTML_H

#include <stddef.h>

/*
 * The charset that HTML bytes S (N) declare: a byte order mark, then in
 * the first 1024 bytes <meta charset=…>, <meta http-equiv="Content-Type"
 * content="…; charset=…"> or <?xml … encoding="…"?>.  The name is written
 * into BUF (SIZE bytes) as declared, upper-cased, and BUF is returned;
 * NULL when nothing is declared.  "GBK" and "GB2312" pages are decoded as
 * GB18030 (their superset), as browsers do.
 */
const char *html_declared_charset(const char *s, size_t n, char *buf,
    size_t size);

/*
 * 1 if S (N bytes, a prefix is enough) is HTML by its content: after
 * blanks, comments and an XML declaration it starts with <!DOCTYPE html,
 * <html, <head or <body (any case).
 */
int html_sniff(const char *s, size_t n);

/* 1 if NAME ends in .html, .htm or .xhtml (any case). */
int html_is_html_name(const char *name);

#endif
