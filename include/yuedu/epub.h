/*
 * EPUB books (EPUB 2 and 3): the zip archive opened read-only in memory,
 * META-INF/container.xml -> the package document -> the spine (the
 * chapters in reading order), the title and author, and the table of
 * contents (EPUB 3 nav document, else the NCX, with its nesting).
 * Chapters are read from the archive only when asked for; nothing is
 * ever written to disk.  Hostile books are refused with a message or
 * read as far as they are sane: no network, no external entities or DTD,
 * entity expansion bounded, entries that expand past EPUB_ENTRY_MAX (or a
 * book past EPUB_TOTAL_MAX) refused, names that climb out of the archive
 * (../, absolute paths, URLs) never followed.
 */
#ifndef YUEDU_EPUB_H
#define YUEDU_EPUB_H

#include <stddef.h>

#define EPUB_ENTRY_MAX ((size_t)64 << 20)	/* bytes one entry may expand to */
#define EPUB_TOTAL_MAX ((size_t)512 << 20)	/* bytes a whole book may expand to */
#define EPUB_ITEMS_MAX 20000			/* manifest items, spine entries,
						   table of contents entries */

struct epub_chapter {
	char *path;		/* entry name inside the archive, or NULL
				   when its href leaves the archive */
	char *href;		/* the href as the package document gives it */
	int linear;		/* 0 for spine items marked linear="no" */
};

struct epub_toc_entry {
	int level;		/* 1 = top (part > chapter > section) */
	char *title;		/* UTF-8, blanks collapsed */
	size_t chapter;		/* index into chapters, or (size_t)-1 when
				   the entry points at no chapter */
	char *fragment;		/* the id after '#', or NULL */
};

struct epub {
	char *title;		/* dc:title, or NULL */
	char *author;		/* the first dc:creator, or NULL */
	char *language;		/* dc:language, or NULL */
	struct epub_chapter *chapters;	/* the spine, in reading order */
	size_t nchapters;
	struct epub_toc_entry *toc;	/* in document order */
	size_t ntoc;
	const char *toc_from;	/* "nav", "ncx" or NULL (none) */

	/* Private. */
	void *zip;		/* zip_t */
	size_t read_total;	/* bytes expanded so far */
};

/*
 * 1 if S (N bytes, a prefix is enough) is a zip archive whose first entry
 * is "mimetype" holding "application/epub+zip" (as EPUB requires).
 */
int epub_sniff(const char *s, size_t n);

/* 1 if NAME ends in .epub (any case). */
int epub_is_epub_name(const char *name);

/*
 * Open the book in BUF (LEN bytes, e.g. a mapped file; it must outlive
 * the book).  Returns NULL with *err set (caller frees), e.g. "not a zip
 * archive", "no META-INF/container.xml: not an EPUB book", "the package
 * document names no chapters".  Free with epub_free().
 */
struct epub *epub_open_mem(const void *buf, size_t len, char **err);
void epub_free(struct epub *ep);

/*
 * Read the entry NAME from the archive: *out (LEN bytes, NUL-ended for
 * convenience; caller frees).  Returns 0, or -1 with *err set ("no such
 * entry", "expands past 64 MB: refused", a zip error).
 */
int epub_read(struct epub *ep, const char *name, char **out, size_t *len,
    char **err);

/*
 * Chapter I's source as UTF-8 (decoded by its declared charset, see
 * html.h): *out and *len as epub_read().  -1 with *err when it is
 * missing or refused.
 */
int epub_chapter_source(struct epub *ep, size_t i, char **out, size_t *len,
    char **err);

/*
 * Resolve HREF (a relative URL) against BASE (the entry name of the
 * document it appears in) into an entry name, percent-decoded, with "."
 * and ".." resolved; the fragment (after '#') goes to *frag when FRAG is
 * not NULL (caller frees; NULL when none).  NULL when the href leaves the
 * archive (absolute path, a scheme such as http:, ".." above the top).
 * Caller frees.
 */
char *epub_resolve(const char *base, const char *href, char **frag);

#endif
