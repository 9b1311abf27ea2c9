/*
 * The document: the text being read as UTF-8 bytes, and an index of its
 * logical lines.  Byte offsets into doc->text are the one coordinate of
 * the program; lines, rows and percentages are derived from them.
 */
#ifndef YUEDU_DOC_H
#define YUEDU_DOC_H

#include <stddef.h>

struct render;

struct doc {
	const char *text;	/* UTF-8 bytes, after any BOM; not NUL-ended */
	size_t len;		/* bytes in text */
	char *name;		/* the path as given, or "-" for stdin */
	const char *encoding;	/* name of the source encoding, e.g. "UTF-8" */
	int mapped;		/* text is an mmap of the file (never written) */
	int partial;		/* reading a pipe was stopped: the text is
				   what had come until then */
	int spool_full;		/* a pipe gave more than DOC_SPOOL_MAX:
				   the text is its first DOC_SPOOL_MAX */
	const struct render *render;	/* the rendering whose shown text
					   this is, or NULL (render.h) */
	const struct doc *place_key;	/* remembered places are keyed by
					   this doc's bytes (a book's file;
					   its shown text may be its first
					   chapters alone), or NULL: its own */

	/* Private. */
	void *map_base;		/* what mmap returned */
	size_t map_len;		/* bytes mapped */
	char *owned;		/* heap copy when not mapped */
	size_t *line_off;	/* start offset of each indexed line */
	size_t nlines;		/* lines indexed so far */
	size_t line_cap;	/* allocated entries in line_off */
	size_t scan_off;	/* bytes scanned by the line indexer */
	int index_done;		/* every line is indexed */
	size_t nl_pos, cr_pos;	/* next '\n' / '\r' found, or end of the
				   window searched without one */
	int nl_found, cr_found;	/* whether nl_pos / cr_pos is the byte */
	struct doc_bg *bg;	/* background indexer, or NULL */
	const char *drop_base;	/* the file mapping the text lies in (a
				   view's too), or NULL when on the heap */
	size_t drop_len;
	int has_stat;		/* a regular file: what it was when opened */
	long long st_size, st_mtime_ns;
	unsigned long long st_dev, st_ino;
};

/* A pipe is read (into an unlinked temporary file) up to this many
 * bytes; the rest is not read (doc->spool_full). */
#ifndef DOC_SPOOL_MAX
#define DOC_SPOOL_MAX ((size_t)2 << 30)
#endif

/* Long scans let go of the pages behind them every this many bytes. */
#define DOC_DROP_STEP ((size_t)4 << 20)

enum doc_status {
	DOC_OK = 0,
	DOC_ERR_OPEN,		/* the file could not be opened; cause says why */
	DOC_ERR_DIR,		/* the path is a directory */
	DOC_ERR_READ,		/* reading failed */
	DOC_ERR_INTERRUPTED,	/* the progress hook asked to give up */
};

enum doc_read_answer {
	DOC_READ_GO = 0,	/* go on reading */
	DOC_READ_STOP,		/* stop: open what was read (doc->partial) */
	DOC_READ_ABORT,		/* give up: DOC_ERR_INTERRUPTED */
};

/*
 * While a pipe or terminal is read into memory, call FN(ARG, BYTES) about
 * every DOC_READ_TICK_MS with the bytes read so far, even while nothing
 * comes; FN says whether to go on.  NULL: no hook (the default).
 */
#define DOC_READ_TICK_MS 100
void doc_set_read_hook(enum doc_read_answer (*fn)(void *arg, size_t bytes),
    void *arg);

/*
 * Open PATH ("-" reads standard input).  A regular file is mapped
 * read-only; a pipe, terminal or device is read to its end into an
 * unlinked temporary file, mapped (at most DOC_SPOOL_MAX bytes).  On failure returns
 * a status and sets *cause to a message such as "No such file or
 * directory" (caller frees).  The file is never written.
 */
enum doc_status doc_open(struct doc **out, const char *path, char **cause);

/* A document over a copy of BUF (LEN bytes, any content).  Caller frees. */
struct doc *doc_new_mem(const char *buf, size_t len, const char *name);

/*
 * Replace the text with NEW (LEN bytes, heap, ownership passes to doc),
 * e.g. after converting from a legacy encoding.  Resets the line index.
 */
void doc_replace_text(struct doc *doc, char *new_text, size_t len,
    const char *encoding);

/*
 * A second document over SRC's text (shared, not copied) with its own
 * line index, so another thread can index it.  SRC must outlive it.
 * Caller frees with doc_free().
 */
struct doc *doc_new_view(const struct doc *src);

/*
 * Take FROM's line index when it knows more lines than DOC's (FROM must be
 * a view of DOC's text, e.g. indexed by another thread).  FROM keeps an
 * empty index and may only be freed afterwards.
 */
void doc_take_index(struct doc *doc, struct doc *from);

/*
 * Index every line in a thread of its own, so that a later question about
 * a far line (the line number of a match near the end, G) finds the work
 * done.  A question the index cannot answer yet waits for that thread
 * when it is far ahead and is answered directly when it is near, so the
 * first screen never waits.  Stopped by doc_free() and
 * doc_replace_text().  Does nothing on a small or indexed text.
 */
void doc_index_background(struct doc *doc);

/*
 * Let the kernel take back the mapped text's pages (they stay in the page
 * cache and fault back in on the next read), so a scan of a big file does
 * not keep it all resident.  Safe while other threads read the text.
 * No-op for text held in memory.
 */
void doc_drop_pages(struct doc *doc);

void doc_free(struct doc *doc);

/*
 * A hint from a scan going through the text (--dump, the line index,
 * the outline, a search): bytes in [FROM, TO) will not be needed soon.
 * For a mapped file the whole pages inside leave this process's memory,
 * so reading 100 MB does not keep 100 MB resident; the text stays
 * readable (the pages come back from the file if touched again).  Safe
 * from any thread, on a view too; a no-op for text on the heap and while
 * a background index still reads the pages.
 */
void doc_drop_range(const struct doc *doc, size_t from, size_t to);

/*
 * Logical lines end at "\n", "\r\n" or a lone "\r"; the terminator is not
 * part of the line.  A final line without terminator counts; an empty
 * document has no lines.  Line numbers here are 0-based.
 */
size_t doc_line_count(struct doc *doc);		/* indexes the whole text */
/* 1 if line LINE exists (indexes only as far as needed). */
int doc_has_line(struct doc *doc, size_t line);
size_t doc_line_start(struct doc *doc, size_t line);	/* byte offset */
size_t doc_line_end(struct doc *doc, size_t line);	/* excludes terminator */
/* The line holding byte offset OFF (OFF >= len gives the last line). */
size_t doc_line_of(struct doc *doc, size_t off);
/*
 * The logical line around byte OFF found by looking at the bytes near it,
 * not through the index (so it costs the same anywhere in a 1 GB text):
 * *START gets the offset after the last terminator before OFF, looking
 * back at most BACK bytes, *END the first
 * terminator at or after OFF, looking at most AHEAD bytes.  A bound not
 * found is (size_t)-1.  OFF inside a terminator belongs to the line it
 * ends; OFF >= len is the end of the last line.
 */
void doc_line_around(const struct doc *doc, size_t off, size_t back,
    size_t ahead, size_t *start, size_t *end);
/* The offset of the line after the one ending at END (past its
 * terminator), or doc->len when it is the last. */
size_t doc_next_line_off(const struct doc *doc, size_t end);
/*
 * The line holding OFF into *LINE, if it is known or found by reading a
 * few MB more: 1; else 0 at once (the line index is built further on, in
 * the background or by a later call), so asking costs the same on 1 GB
 * as on 1 MB.
 */
int doc_line_known(struct doc *doc, size_t off, size_t *line);
/* Lines indexed so far, and whether that is all of them. */
size_t doc_lines_known(const struct doc *doc);
int doc_index_complete(const struct doc *doc);

/*
 * The file under a mapped text shrank while it was read: the offset in
 * DOC's text from which bytes read as zeros instead of the file's (the
 * pages past its new end), or (size_t)-1 while nothing was lost.  Safe
 * from any thread.
 */
size_t doc_lost_off(const struct doc *doc);

/*
 * 1 when the file DOC was read from now differs from what it was when
 * opened (size, modification time or inode), 2 when it is gone; 0 when
 * unchanged or not a regular file.  *SIZE gets its size now (-1: gone or
 * not a file).  One stat(2).
 */
int doc_file_changed(const struct doc *doc, long long *size);

/* Message for a status, e.g. "is a directory". */
const char *doc_status_str(enum doc_status st);

#endif
