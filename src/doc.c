/*
 * Loading a document and indexing its lines.  Regular files are mapped
 * read-only (never copied, never written); pipes are read into memory.
 * The line index grows lazily, only as far as a caller asks, so opening a
 * 100 MB file does not scan it.
 */
#include "yuedu/doc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "yuedu/fault.h"
#include "yuedu/i18n.h"
#include "yuedu/util.h"

/* Texts smaller than this are indexed on demand, in no time. */
#define DOC_BG_MIN ((size_t)8 << 20)
/* A question this far past the index waits for the background one. */
#define DOC_BG_FAR_BYTES ((size_t)4 << 20)
#define DOC_BG_FAR_LINES ((size_t)40000)

struct doc_bg {
	pthread_t thread;
	struct doc *view;	/* indexed by the thread */
	atomic_int done;
};

static void doc_index_budget(struct doc *doc, size_t want_line,
    size_t want_off, size_t budget);
#define doc_index(doc, want_line, want_off) \
	doc_index_budget((doc), (want_line), (want_off), (size_t)-1)

static void *
doc_bg_main(void *arg)
{
	struct doc_bg *bg = arg;

	doc_index(bg->view, (size_t)-1, (size_t)-1);
	atomic_store(&bg->done, 1);
	return NULL;
}

void
doc_index_background(struct doc *doc)
{
	struct doc_bg *bg;

	if (doc->bg != NULL || doc->index_done || doc->len < DOC_BG_MIN)
		return;
	bg = xcalloc(1, sizeof *bg);
	bg->view = doc_new_view(doc);
	/* It races the first search over the same pages: letting them go
	 * behind it would make that search fault them in again (measured:
	 * +/ on 100 MB counted in 160 ms instead of 68). */
	bg->view->drop_base = NULL;
	if (pthread_create(&bg->thread, NULL, doc_bg_main, bg) != 0) {
		doc_free(bg->view);
		free(bg);
		return;
	}
	doc->bg = bg;
}

/* Wait for the background index and take it. */
static void
doc_bg_finish(struct doc *doc)
{
	struct doc_bg *bg = doc->bg;

	if (bg == NULL)
		return;
	doc->bg = NULL;
	pthread_join(bg->thread, NULL);
	doc_take_index(doc, bg->view);
	doc_free(bg->view);
	free(bg);
}

static void
doc_set_text_as_is(struct doc *doc, const char *text, size_t len)
{
	doc->text = text;
	doc->len = len;
	doc->nlines = 0;
	doc->scan_off = 0;
	doc->index_done = 0;
	doc->nl_pos = doc->cr_pos = 0;
	doc->nl_found = doc->cr_found = 0;
	if (len == 0)
		doc->index_done = 1;
	else {
		doc->line_off = xgrow(doc->line_off, &doc->line_cap, 1,
		    sizeof *doc->line_off);
		doc->line_off[doc->nlines++] = 0;
	}
}

static void
doc_set_text(struct doc *doc, const char *text, size_t len)
{
	/* A UTF-8 BOM is not text. */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	doc_set_text_as_is(doc, text, len);
}

static struct doc *
doc_alloc(const char *name)
{
	struct doc *doc = xcalloc(1, sizeof *doc);

	doc->name = xstrdup(name);
	doc->encoding = "UTF-8";
	return doc;
}

struct doc *
doc_new_mem(const char *buf, size_t len, const char *name)
{
	struct doc *doc = doc_alloc(name);

	doc->owned = xmalloc(len + 1);
	if (len)
		memcpy(doc->owned, buf, len);
	doc->owned[len] = '\0';
	doc_set_text(doc, doc->owned, len);
	return doc;
}

struct doc *
doc_new_view(const struct doc *src)
{
	struct doc *doc = doc_alloc(src->name);

	doc->encoding = src->encoding;
	doc->drop_base = src->drop_base;
	doc->drop_len = src->drop_len;
	doc->has_stat = src->has_stat;
	doc->st_size = src->st_size;
	doc->st_mtime_ns = src->st_mtime_ns;
	doc->st_dev = src->st_dev;
	doc->st_ino = src->st_ino;
	/* The same bytes, even if they start with another BOM (and its
	 * line index for those bytes, not for the bytes after it). */
	doc_set_text_as_is(doc, src->text, src->len);
	/* The same shown text: the same rendering (its headings, its map). */
	doc->render = src->render;
	return doc;
}

void
doc_drop_pages(struct doc *doc)
{
	if (doc->map_base != NULL)
		madvise(doc->map_base, doc->map_len, MADV_DONTNEED);
}

void
doc_take_index(struct doc *doc, struct doc *from)
{
	if (from->text != doc->text || from->len != doc->len)
		return;
	if (from->nlines <= doc->nlines &&
	    !(from->index_done && !doc->index_done))
		return;
	free(doc->line_off);
	doc->line_off = from->line_off;
	doc->nlines = from->nlines;
	doc->line_cap = from->line_cap;
	doc->scan_off = from->scan_off;
	doc->index_done = from->index_done;
	doc->nl_pos = from->nl_pos;
	doc->cr_pos = from->cr_pos;
	doc->nl_found = from->nl_found;
	doc->cr_found = from->cr_found;
	from->line_off = NULL;
	from->nlines = 0;
	from->line_cap = 0;
}

static enum doc_read_answer (*doc_read_fn)(void *, size_t);
static void *doc_read_arg;

void
doc_set_read_hook(enum doc_read_answer (*fn)(void *arg, size_t bytes),
    void *arg)
{
	doc_read_fn = fn;
	doc_read_arg = arg;
}

/*
 * Wait until FD can be read, asking the hook every tick.  Returns
 * DOC_READ_GO when it can, or what the hook answered otherwise.
 */
static enum doc_read_answer
doc_read_wait(int fd, size_t n)
{
	struct pollfd pfd = { fd, POLLIN, 0 };
	enum doc_read_answer a;

	if (doc_read_fn == NULL)
		return DOC_READ_GO;
	for (;;) {
		if ((a = doc_read_fn(doc_read_arg, n)) != DOC_READ_GO)
			return a;
		if (poll(&pfd, 1, DOC_READ_TICK_MS) != 0)
			return DOC_READ_GO;	/* data, end, or an error */
	}
}

/* An unlinked temporary file in $TMPDIR (or /tmp), or -1. */
static int
doc_spool_open(void)
{
	const char *d = getenv("TMPDIR");
	char *path;
	int fd;

	if (d == NULL || d[0] != '/')
		d = "/tmp";
#ifdef O_TMPFILE
	fd = open(d, O_TMPFILE | O_RDWR | O_EXCL | O_CLOEXEC, 0600);
	if (fd >= 0)
		return fd;
#endif
	path = xasprintf("%s/yuedu-spool.XXXXXX", d);
	fd = mkstemp(path);
	if (fd >= 0)
		unlink(path);
	free(path);
	return fd;
}

/*
 * Read FD (a pipe, a terminal, a device) to its end into DOC: spooled to
 * an unlinked temporary file that is then mapped, so a big pipe costs
 * page cache rather than heap; on the heap when no temporary file can be
 * made.  At most DOC_SPOOL_MAX bytes: past them doc->spool_full is set
 * and the rest is not read.
 */
static enum doc_status
doc_read_fd(int fd, struct doc *doc, char **cause)
{
	size_t cap = 0, n = 0;
	char *p = NULL, *heap = NULL;
	ssize_t r;
	enum doc_read_answer a;
	int spool = doc_spool_open();

	if (spool >= 0)
		p = xmalloc(cap = 65536);
	for (;;) {
		size_t room;

		if (spool < 0) {
			heap = xgrow(heap, &cap, n + 65536, 1);
			p = heap + n;
		}
		if ((a = doc_read_wait(fd, n)) == DOC_READ_STOP) {
			doc->partial = 1;
			break;
		}
		if (a == DOC_READ_ABORT) {
			*cause = xstrdup(_("interrupted"));
			goto fail_interrupted;
		}
		if (n >= DOC_SPOOL_MAX) {
			doc->spool_full = 1;
			break;
		}
		room = spool >= 0 ? 65536 : cap - n;
		if (room > DOC_SPOOL_MAX - n)
			room = DOC_SPOOL_MAX - n;
		r = read(fd, p, room);
		if (r == 0)
			break;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			*cause = xstrdup(strerror(errno));
			goto fail;
		}
		if (spool >= 0) {
			ssize_t done = 0, w;

			while (done < r) {
				w = write(spool, p + done, (size_t)(r - done));
				if (w < 0 && errno == EINTR)
					continue;
				if (w <= 0) {
					*cause = xasprintf(_("cannot spool the "
					    "pipe to a temporary file: %s"),
					    w < 0 ? strerror(errno) :
					    "no space");
					goto fail;
				}
				done += w;
			}
		}
		n += (size_t)r;
	}
	if (spool >= 0) {
		void *m = n > 0 ? mmap(NULL, n, PROT_READ, MAP_PRIVATE, spool,
		    0) : MAP_FAILED;

		free(p);
		close(spool);
		if (m != MAP_FAILED) {
			doc->map_base = m;
			doc->map_len = n;
			doc->drop_base = m;
			doc->drop_len = n;
			doc_set_text(doc, m, n);
		} else {
			doc->owned = xmalloc(1);
			doc_set_text(doc, doc->owned, 0);
		}
		return DOC_OK;
	}
	doc->owned = heap;
	doc_set_text(doc, heap, n);
	return DOC_OK;
fail_interrupted:
	if (spool >= 0)
		close(spool);
	free(spool >= 0 ? p : heap);
	return DOC_ERR_INTERRUPTED;
fail:
	if (spool >= 0)
		close(spool);
	free(spool >= 0 ? p : heap);
	return DOC_ERR_READ;
}

enum doc_status
doc_open(struct doc **out, const char *path, char **cause)
{
	struct doc *doc;
	struct stat st;
	int fd;
	enum doc_status rc;

	*out = NULL;
	*cause = NULL;
	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0 && errno == EINTR) {	/* ^C on a FIFO's open */
			*cause = xstrdup(_("interrupted"));
			return DOC_ERR_INTERRUPTED;
		}
		if (fd < 0) {
			*cause = xstrdup(strerror(errno));
			return DOC_ERR_OPEN;
		}
	}
	if (fstat(fd, &st) != 0) {
		*cause = xstrdup(strerror(errno));
		rc = DOC_ERR_OPEN;
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		*cause = xstrdup("Is a directory");
		rc = DOC_ERR_DIR;
		goto fail;
	}
	doc = doc_alloc(path);
	if (S_ISREG(st.st_mode)) {
		doc->has_stat = 1;
		doc->st_size = (long long)st.st_size;
		doc->st_mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000 +
		    st.st_mtim.tv_nsec;
		doc->st_dev = (unsigned long long)st.st_dev;
		doc->st_ino = (unsigned long long)st.st_ino;
	}
	if (S_ISREG(st.st_mode) && st.st_size > 0) {
		void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE,
		    fd, 0);
		if (m != MAP_FAILED) {
			doc->map_base = m;
			doc->map_len = (size_t)st.st_size;
			doc->mapped = 1;
			doc->drop_base = m;
			doc->drop_len = doc->map_len;
			/* A file cut short under the map: zeros, not SIGBUS. */
			fault_map_add(m, doc->map_len);
			madvise(m, doc->map_len, MADV_WILLNEED);
			doc_set_text(doc, m, doc->map_len);
			if (fd != STDIN_FILENO)
				close(fd);
			*out = doc;
			return DOC_OK;
		}
	}
	rc = doc_read_fd(fd, doc, cause);
	if (rc != DOC_OK) {
		doc_free(doc);
		goto fail;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	*out = doc;
	return DOC_OK;
fail:
	if (fd != STDIN_FILENO)
		close(fd);
	return rc;
}

void
doc_replace_text(struct doc *doc, char *new_text, size_t len,
    const char *encoding)
{
	doc_bg_finish(doc);
	if (doc->map_base != NULL) {
		fault_map_remove(doc->map_base);
		munmap(doc->map_base, doc->map_len);
		doc->map_base = NULL;
		doc->mapped = 0;
		doc->drop_base = NULL;
	}
	free(doc->owned);
	doc->owned = new_text;
	doc->encoding = encoding;
	doc_set_text(doc, new_text, len);
}

size_t
doc_lost_off(const struct doc *doc)
{
	size_t lost = fault_map_lost(doc->drop_base);
	const char *at;

	if (lost == (size_t)-1)
		return lost;
	at = doc->drop_base + lost;
	if (at < doc->text)
		return 0;
	return (size_t)(at - doc->text) < doc->len ?
	    (size_t)(at - doc->text) : (size_t)-1;
}

int
doc_file_changed(const struct doc *doc, long long *size)
{
	struct stat st;

	*size = -1;
	if (!doc->has_stat)
		return 0;
	if (stat(doc->name, &st) != 0)
		return 2;
	*size = (long long)st.st_size;
	return (long long)st.st_size != doc->st_size ||
	    (long long)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec !=
	    doc->st_mtime_ns || (unsigned long long)st.st_dev != doc->st_dev ||
	    (unsigned long long)st.st_ino != doc->st_ino;
}

void
doc_free(struct doc *doc)
{
	if (doc == NULL)
		return;
	doc_bg_finish(doc);
	if (doc->map_base != NULL) {
		fault_map_remove(doc->map_base);
		munmap(doc->map_base, doc->map_len);
	}
	free(doc->owned);
	free(doc->line_off);
	free(doc->name);
	free(doc);
}

void
doc_drop_range(const struct doc *doc, size_t from, size_t to)
{
	long page = sysconf(_SC_PAGESIZE);
	uintptr_t a, b, lo, hi;

	if (doc->drop_base == NULL || page <= 0 || to > doc->len || from >= to)
		return;
	if (doc->bg != NULL)	/* the background index still reads them */
		return;
	lo = (uintptr_t)doc->drop_base;
	hi = lo + doc->drop_len;
	a = (uintptr_t)(doc->text + from);
	b = (uintptr_t)(doc->text + to);
	a = (a + (uintptr_t)page - 1) / (uintptr_t)page * (uintptr_t)page;
	b = b / (uintptr_t)page * (uintptr_t)page;
	if (a < lo)
		a = lo;
	if (b > hi)
		b = hi;
	if (a < b)
		madvise((void *)a, b - a, MADV_DONTNEED);
}

/* How far doc_line_known() reads to find the answer itself. */
#define DOC_KNOWN_SCAN ((size_t)8 << 20)

/* How far one search for a line end looks ahead. */
#define DOC_WINDOW ((size_t)1 << 20)

/*
 * The first CH at or after P: returns its offset with *found = 1, or the
 * end of the window searched (> P) with *found = 0 and no CH before it.
 * The answer is cached in *pos, *found and stays right while the scan
 * moves forward, so a file without CH costs one pass over it in total,
 * a window at a time (never a whole 100 MB file at once).
 */
static size_t
doc_find(const struct doc *doc, size_t p, int ch, size_t *pos, int *found)
{
	if (*found ? *pos < p : *pos <= p) {
		size_t lim = doc->len - p > DOC_WINDOW ? p + DOC_WINDOW :
		    doc->len;
		const char *hit = memchr(doc->text + p, ch, lim - p);

		*found = hit != NULL;
		*pos = hit ? (size_t)(hit - doc->text) : lim;
	}
	return *pos;
}

/* Index lines until line WANT_LINE is known or offset WANT_OFF is covered,
 * or BUDGET bytes were read (the scan goes on from there next time). */
static void
doc_index_budget(struct doc *doc, size_t want_line, size_t want_off,
    size_t budget)
{
	const char *t = doc->text;
	size_t len = doc->len, p, dropped, from, windows = 0;

	if (doc->bg != NULL && !doc->index_done &&
	    (atomic_load(&doc->bg->done) ||
	    (want_off != (size_t)-1 && want_off >= doc->scan_off &&
	    want_off - doc->scan_off > DOC_BG_FAR_BYTES) ||
	    (want_line != (size_t)-1 && want_line >= doc->nlines &&
	    want_line - doc->nlines > DOC_BG_FAR_LINES) ||
	    (want_line == (size_t)-1 && want_off == (size_t)-1)))
		doc_bg_finish(doc);
	p = doc->scan_off;
	dropped = from = p;
	while (!doc->index_done &&
	    (doc->nlines <= want_line || p <= want_off)) {
		size_t q = p, end, next;

		if (p - from > budget)
			break;
		/* The first '\n' or '\r' at or after p, window by window
		 * (a long line over several calls when on a budget: the
		 * windows searched are remembered). */
		for (;;) {
			size_t nl = doc_find(doc, q, '\n', &doc->nl_pos,
			    &doc->nl_found);
			size_t cr = doc_find(doc, q, '\r', &doc->cr_pos,
			    &doc->cr_found);

			if (doc->cr_found && cr < nl) {
				end = cr;
				next = end + 1;
				if (next < len && t[next] == '\n')
					next++;
				break;
			}
			if (doc->nl_found && nl <= cr) {
				end = nl;
				next = end + 1;
				break;
			}
			q = nl < cr ? nl : cr;
			if (q >= len) {
				end = next = len;
				break;
			}
			if (budget != (size_t)-1 &&
			    ++windows > budget / DOC_WINDOW)
				goto out;
		}
		(void)end;
		p = next;
		if (p >= len) {
			doc->index_done = 1;
			break;
		}
		doc->line_off = xgrow(doc->line_off, &doc->line_cap,
		    doc->nlines + 1, sizeof *doc->line_off);
		doc->line_off[doc->nlines++] = p;
		if (p - dropped >= DOC_DROP_STEP) {	/* a long scan */
			doc_drop_range(doc, dropped, p);
			dropped = p;
		}
	}
out:
	doc->scan_off = p;
}

int
doc_line_known(struct doc *doc, size_t off, size_t *line)
{
	if (doc->len == 0) {
		*line = 0;
		return 1;
	}
	if (off >= doc->len)
		off = doc->len - 1;
	/* A background index far ahead is not waited for. */
	if (doc->bg != NULL && !atomic_load(&doc->bg->done) &&
	    !doc->index_done && off >= doc->scan_off &&
	    off - doc->scan_off > DOC_BG_FAR_BYTES)
		return 0;
	if (!doc->index_done && off >= doc->scan_off)
		doc_index_budget(doc, 0, off, DOC_KNOWN_SCAN);
	if (!doc->index_done && off >= doc->scan_off) {
		/* Still inside the last line found, if no terminator lies
		 * between its start and OFF (a 1 GB line's middle). */
		if (doc->nlines > 0 && doc->nl_pos >= doc->scan_off &&
		    doc->cr_pos >= doc->scan_off && doc->nl_pos > off &&
		    doc->cr_pos > off) {
			*line = doc->nlines - 1;
			return 1;
		}
		return 0;
	}
	*line = doc_line_of(doc, off);
	return 1;
}

size_t
doc_line_count(struct doc *doc)
{
	doc_index(doc, (size_t)-1, (size_t)-1);
	return doc->nlines;
}

int
doc_has_line(struct doc *doc, size_t line)
{
	doc_index(doc, line, 0);
	return line < doc->nlines;
}

size_t
doc_line_start(struct doc *doc, size_t line)
{
	doc_index(doc, line, 0);
	if (line >= doc->nlines)
		return doc->len;
	return doc->line_off[line];
}

size_t
doc_line_end(struct doc *doc, size_t line)
{
	size_t end;

	doc_index(doc, line + 1, 0);
	if (line >= doc->nlines)
		return doc->len;
	end = line + 1 < doc->nlines ? doc->line_off[line + 1] : doc->len;
	if (line + 1 < doc->nlines || end > doc->line_off[line]) {
		/* Strip the terminator: "\r\n", "\n" or "\r". */
		if (end > doc->line_off[line] && doc->text[end - 1] == '\n')
			end--;
		if (end > doc->line_off[line] && doc->text[end - 1] == '\r')
			end--;
	}
	return end;
}

size_t
doc_line_of(struct doc *doc, size_t off)
{
	size_t lo = 0, hi;

	doc_index(doc, 0, off);
	if (doc->nlines == 0)
		return 0;
	hi = doc->nlines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->line_off[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

size_t
doc_lines_known(const struct doc *doc)
{
	return doc->nlines;
}

int
doc_index_complete(const struct doc *doc)
{
	return doc->index_done;
}

const char *
doc_status_str(enum doc_status st)
{
	switch (st) {
	case DOC_OK:
		return "ok";
	case DOC_ERR_OPEN:
		return _("cannot open");
	case DOC_ERR_DIR:
		return "Is a directory";
	case DOC_ERR_READ:
		return _("read error");
	case DOC_ERR_INTERRUPTED:
		return _("interrupted");
	}
	return _("unknown error");
}

/* The last '\n' or '\r' in [FROM, TO), or (size_t)-1. */
static size_t
doc_last_term(const struct doc *doc, size_t from, size_t to)
{
	const char *nl, *cr;

	if (from >= to)
		return (size_t)-1;
	nl = memrchr(doc->text + from, '\n', to - from);
	if (nl != NULL)
		from = (size_t)(nl - doc->text) + 1;
	cr = from < to ? memrchr(doc->text + from, '\r', to - from) : NULL;
	if (cr != NULL)
		return (size_t)(cr - doc->text);
	return nl != NULL ? (size_t)(nl - doc->text) : (size_t)-1;
}

/* The first '\n' or '\r' in [FROM, TO), or (size_t)-1. */
static size_t
doc_first_term(const struct doc *doc, size_t from, size_t to)
{
	const char *nl, *cr;

	if (from >= to)
		return (size_t)-1;
	nl = memchr(doc->text + from, '\n', to - from);
	if (nl != NULL)
		to = (size_t)(nl - doc->text);
	cr = from < to ? memchr(doc->text + from, '\r', to - from) : NULL;
	if (cr != NULL)
		return (size_t)(cr - doc->text);
	return nl != NULL ? (size_t)(nl - doc->text) : (size_t)-1;
}

void
doc_line_around(const struct doc *doc, size_t off, size_t back,
    size_t ahead, size_t *start, size_t *end)
{
	const char *t = doc->text;
	size_t len = doc->len, lo, hi, q;

	if (off >= len) {
		/* The end of the last line: before a final terminator. */
		off = len;
		if (off > 0 && t[off - 1] == '\n')
			off--;
		if (off > 0 && t[off - 1] == '\r')
			off--;
	} else if (t[off] == '\n' && off > 0 && t[off - 1] == '\r')
		off--;		/* the '\n' of "\r\n" */
	lo = off > back ? off - back : 0;
	q = doc_last_term(doc, lo, off);
	*start = q != (size_t)-1 ? q + 1 : lo == 0 ? 0 : (size_t)-1;
	hi = len - off > ahead ? off + ahead : len;
	q = doc_first_term(doc, off, hi);
	*end = q != (size_t)-1 ? q : hi == len ? len : (size_t)-1;
}

size_t
doc_next_line_off(const struct doc *doc, size_t end)
{
	if (end >= doc->len)
		return doc->len;
	if (doc->text[end] == '\r' && end + 1 < doc->len &&
	    doc->text[end + 1] == '\n')
		return end + 2;
	return end + 1;
}
