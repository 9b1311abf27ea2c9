/*
 * Saving and restoring the reader's place.  Each text has a small record
 * file named by the hash of its content (so renamed copies share it) and
 * a second one named by the hash of its path (so an edited file can find
 * its place again by the saved text around it).  Records are written to a
 * temporary file, fsynced and renamed, so a crash or a second process
 * never leaves half a record.
 */
#include "yuedu/state.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "yuedu/annot.h"
#include "yuedu/conv.h"
#include "yuedu/doc.h"
#include "yuedu/i18n.h"
#include "yuedu/util.h"

#define STATE_FP_BYTES 48	/* bytes of text kept to recognise a place */

static size_t state_max_entries = STATE_MAX_ENTRIES;

void
state_set_max_entries(size_t n)
{
	state_max_entries = n;
}

static uint64_t
state_fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;

	/* FNV-1a, eight bytes a step folded in as one word for speed. */
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h ^= w;
		h *= 0x100000001b3ULL;
		h ^= h >> 29;
		s += 8;
		n -= 8;
	}
	while (n-- > 0) {
		h ^= *s++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

void
state_key(const struct doc *doc, char key[17])
{
	if (doc->place_key != NULL)	/* a book: by its file */
		doc = doc->place_key;
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t half = 256u << 10, step;

	/* The length, the first and last 256 KiB and 64 blocks of 4 KiB
	 * spread between: about 1 ms, where hashing 16 MB of a big file
	 * delayed its first screen by 40 ms. */
	h = state_fnv(h, &doc->len, sizeof doc->len);
	if (doc->len <= 4 * half)
		h = state_fnv(h, doc->text, doc->len);
	else {
		h = state_fnv(h, doc->text, half);
		step = (doc->len - 2 * half) / 64;
		for (size_t i = 0; i < 64; i++)
			h = state_fnv(h, doc->text + half + i * step,
			    step < 4096 ? step : 4096);
		h = state_fnv(h, doc->text + doc->len - half, half);
	}
	snprintf(key, 17, "%016llx", (unsigned long long)h);
}

char *
state_dir(void)
{
	return util_xdg_path("XDG_STATE_HOME", ".local/state", "yuedu");
}

void
state_place_init(struct state_place *place)
{
	memset(place, 0, sizeof *place);
	for (int i = 0; i < STATE_MARKS; i++)
		place->mark_off[i] = (size_t)-1;
	place->script = place->annot = -1;
}

/* The path key of DOC: a hash of its absolute path, or "" for stdin. */
static void
state_path_key(const struct doc *doc, char key[17])
{
	char *real;

	key[0] = '\0';
	if (strcmp(doc->name, "-") == 0)
		return;
	real = realpath(doc->name, NULL);
	if (real == NULL)
		return;
	snprintf(key, 17, "%016llx", (unsigned long long)state_fnv(
	    0x84222325cbf29ce4ULL, real, strlen(real)));
	free(real);
}

static void
state_hex(FILE *f, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%02x", (unsigned char)s[i]);
}

static size_t
state_unhex(const char *h, char *out, size_t max)
{
	size_t n = 0;

	while (n < max && h[0] != '\0' && h[1] != '\0') {
		unsigned v;
		if (sscanf(h, "%2x", &v) != 1)
			break;
		out[n++] = (char)v;
		h += 2;
	}
	return n;
}

static void
state_write_place(FILE *f, const struct doc *doc, const char *what,
    size_t off)
{
	size_t n;

	if (off > doc->len)
		off = doc->len;
	n = doc->len - off < STATE_FP_BYTES ? doc->len - off : STATE_FP_BYTES;
	fprintf(f, "%s %zu ", what, off);
	state_hex(f, doc->text + off, n);
	fputc('\n', f);
}

/* Make the renames in DIR durable. */
static void
state_sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/*
 * Open record or lock PATH without following a symbolic link and without
 * blocking on a FIFO planted there; only a regular file of at most
 * STATE_RECORD_MAX bytes (when READ) is taken.  The descriptor, or -1
 * with errno set (ELOOP: a link; EINVAL: not a regular file; EFBIG: too
 * big).
 */
static int
state_open(const char *path, int flags, int read)
{
	struct stat st;
	int fd = open(path, flags | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (read && st.st_size > STATE_RECORD_MAX)) {
		int e = !S_ISREG(st.st_mode) ? EINVAL : EFBIG;

		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

/* Write one record file DIR/NAME atomically. */
static int
state_write_file(const char *dir, const char *name, const struct doc *doc,
    const char *key, const struct state_place *place, char **warn)
{
	char *tmp = xasprintf("%s/.%s.XXXXXX", dir, name);
	char *dst = xasprintf("%s/%s", dir, name);
	int fd = mkstemp(tmp), rc = -1;
	FILE *f;

	if (fd < 0) {
		*warn = xasprintf(_("cannot save place in %s: %s"), dir,
		    strerror(errno));
		goto out;
	}
	f = fdopen(fd, "w");
	if (f == NULL) {
		close(fd);
		unlink(tmp);
		*warn = xasprintf(_("cannot save place: %s"), strerror(errno));
		goto out;
	}
	fprintf(f, "yuedu-state 1\nkey %s\nlen %zu\nsaved %lld\n", key,
	    doc->len, (long long)place->saved);
	state_write_place(f, doc, "top", place->top_off);
	if (place->seen_off > place->top_off)
		state_write_place(f, doc, "seen", place->seen_off);
	for (int i = 0; i < STATE_MARKS; i++) {
		char what[8];
		if (place->mark_off[i] == (size_t)-1)
			continue;
		snprintf(what, sizeof what, "mark%c", 'a' + i);
		state_write_place(f, doc, what, place->mark_off[i]);
	}
	/* The view, by name: "view-script trad", "view-pinyin ruby" (a
	 * reader of version 1 records skips lines it does not know). */
	if (place->script >= 0 && place->script < CONV_NSCRIPTS)
		fprintf(f, "view-script %s\n",
		    conv_script_name((enum conv_script)place->script));
	if (place->annot == ANNOT_SHOW || place->annot == ANNOT_HIDE ||
	    place->annot == ANNOT_RUBY)
		fprintf(f, "view-pinyin %s\n",
		    annot_mode_name((enum annot_mode)place->annot));
	if (fflush(f) != 0 || fsync(fileno(f)) != 0) {
		*warn = xasprintf(_("cannot save place: %s"), strerror(errno));
		fclose(f);
		unlink(tmp);
		goto out;
	}
	if (fclose(f) != 0 || rename(tmp, dst) != 0) {
		*warn = xasprintf(_("cannot save place: %s"), strerror(errno));
		unlink(tmp);
		goto out;
	}
	state_sync_dir(dir);	/* the rename itself survives a crash */
	rc = 0;
out:
	free(tmp);
	free(dst);
	return rc;
}

static int
state_mkdirs(const char *dir)
{
	char *p = xstrdup(dir);

	for (char *s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			free(p);
			return -1;
		}
		*s = '/';
	}
	free(p);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

struct state_old {
	char *name;
	struct timespec mtime;
};

static int
state_cmp_old(const void *a, const void *b)
{
	const struct state_old *x = a, *y = b;

	if (x->mtime.tv_sec != y->mtime.tv_sec)
		return (x->mtime.tv_sec > y->mtime.tv_sec) -
		    (x->mtime.tv_sec < y->mtime.tv_sec);
	return (x->mtime.tv_nsec > y->mtime.tv_nsec) -
	    (x->mtime.tv_nsec < y->mtime.tv_nsec);
}

/* Drop the oldest record files beyond the bound (two files per text). */
static void
state_prune(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct state_old *v = NULL;
	size_t n = 0, cap = 0, max = 2 * state_max_entries;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		struct stat st;
		char *path;

		if ((e->d_name[0] != 'k' && e->d_name[0] != 'p') ||
		    e->d_name[1] != '-')
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if (lstat(path, &st) == 0) {
			v = xgrow(v, &cap, n + 1, sizeof *v);
			v[n].name = path;
			v[n++].mtime = st.st_mtim;
		} else
			free(path);
	}
	closedir(d);
	if (n > max) {
		qsort(v, n, sizeof *v, state_cmp_old);
		for (size_t i = 0; i < n - max; i++)
			unlink(v[i].name);
	}
	for (size_t i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

static int state_read_file(const char *dir, const char *name,
    const struct doc *doc, int exact, struct state_place *out, char **warn);

/*
 * Take the lock of DIR (a file in it), so that two processes saving at
 * once merge in turn; -1 when it cannot be had (saving goes on without).
 */
static int
state_lock(const char *dir)
{
	char *path = xasprintf("%s/lock", dir);
	int fd = state_open(path, O_RDWR | O_CREAT, 0);

	free(path);
	if (fd >= 0 && flock(fd, LOCK_EX) != 0) {
		close(fd);
		fd = -1;
	}
	return fd;
}

/*
 * What another process saved for the same text since this one opened it
 * is kept: its marks where this one has none, and how far it has read
 * when that is further.  The top row is this one's (the last to leave).
 */
static void
state_merge(const char *dir, const char *name, const struct doc *doc,
    struct state_place *place)
{
	struct state_place old;
	char *warn = NULL;

	if (state_read_file(dir, name, doc, 1, &old, &warn) == 1) {
		for (int i = 0; i < STATE_MARKS; i++)
			if (place->mark_off[i] == (size_t)-1)
				place->mark_off[i] = old.mark_off[i];
		if (old.seen_off > place->seen_off)
			place->seen_off = old.seen_off;
	}
	free(warn);
}

int
state_save(const char *dir, struct doc *doc, const struct state_place *place,
    char **warn)
{
	char key[17], pkey[17], name[32];
	struct state_place merged = *place;
	int lock, rc = -1;

	*warn = NULL;
	if (state_mkdirs(dir) != 0) {
		*warn = xasprintf(_("cannot create %s: %s"), dir, strerror(errno));
		return -1;
	}
	lock = state_lock(dir);
	state_key(doc, key);
	snprintf(name, sizeof name, "k-%s", key);
	state_merge(dir, name, doc, &merged);
	if (state_write_file(dir, name, doc, key, &merged, warn) != 0)
		goto out;
	state_path_key(doc, pkey);
	if (pkey[0] != '\0') {
		snprintf(name, sizeof name, "p-%s", pkey);
		if (state_write_file(dir, name, doc, key, &merged, warn) != 0)
			goto out;
	}
	state_prune(dir);
	rc = 0;
out:
	if (lock >= 0)
		close(lock);
	return rc;
}

/*
 * Where the saved text FP (N bytes) stands in DOC: at OFF if it still
 * does, else the occurrence nearest to OFF, else (size_t)-1.
 */
static size_t
state_find(const struct doc *doc, size_t off, const char *fp, size_t n)
{
	const char *p, *best = NULL;
	size_t from = 0;

	if (off <= doc->len && doc->len - off >= n &&
	    memcmp(doc->text + off, fp, n) == 0)
		return off;
	if (n < 8)
		return (size_t)-1;
	while (from < doc->len && (p = memmem(doc->text + from,
	    doc->len - from, fp, n)) != NULL) {
		size_t at = (size_t)(p - doc->text);
		if (best == NULL || (at > off ? at - off : off - at) <
		    ((size_t)(best - doc->text) > off ?
		    (size_t)(best - doc->text) - off :
		    off - (size_t)(best - doc->text)))
			best = p;
		from = at + 1;
	}
	return best ? (size_t)(best - doc->text) : (size_t)-1;
}

/*
 * Read record DIR/NAME into OUT.  EXACT: the text is the one saved, so
 * offsets stand as they are; else each is found again by its saved text.
 * Returns 1 (found), 0 (no record), -1 (unreadable or corrupt).
 */
static int
state_read_file(const char *dir, const char *name, const struct doc *doc,
    int exact, struct state_place *out, char **warn)
{
	char *path = xasprintf("%s/%s", dir, name);
	int fd = state_open(path, O_RDONLY, 1);
	FILE *f = fd >= 0 ? fdopen(fd, "r") : NULL;
	char line[512], fp[STATE_FP_BYTES];
	int rc = 1, got_top = 0;
	size_t seen = (size_t)-1;

	if (f == NULL) {
		int e = errno;

		if (fd >= 0)
			close(fd);
		rc = e == ENOENT ? 0 : -1;
		if (rc < 0)
			*warn = xasprintf(_("cannot read %s: %s; ignored"), path,
			    e == ELOOP ? "a symbolic link" : e == EINVAL ?
			    "not a regular file" : e == EFBIG ?
			    "too large for a state file" : strerror(e));
		free(path);
		return rc;
	}
	state_place_init(out);
	if (fgets(line, sizeof line, f) == NULL ||
	    strcmp(line, "yuedu-state 1\n") != 0) {
		*warn = xasprintf(_("%s: not a yuedu state file; ignored"), path);
		rc = -1;
		goto out;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		char what[16], hex[2 * STATE_FP_BYTES + 2];
		size_t off, n, at;
		long long saved;

		if (sscanf(line, "saved %lld", &saved) == 1) {
			out->saved = (time_t)saved;
			continue;
		}
		if (sscanf(line, "view-script %15s", what) == 1) {
			for (int s = 0; s < CONV_NSCRIPTS; s++)
				if (strcmp(what, conv_script_name(
				    (enum conv_script)s)) == 0)
					out->script = s;
			continue;
		}
		if (sscanf(line, "view-pinyin %15s", what) == 1) {
			int m = annot_mode_parse(what);

			if (m == ANNOT_SHOW || m == ANNOT_HIDE ||
			    m == ANNOT_RUBY)
				out->annot = m;
			continue;
		}
		hex[0] = '\0';
		if (sscanf(line, "%15s %zu %97s", what, &off, hex) < 2)
			continue;
		if (strcmp(what, "len") == 0 || strcmp(what, "key") == 0)
			continue;
		n = state_unhex(hex, fp, sizeof fp);
		/* A book's record is for its file: the text shown may be
		 * its first chapters alone, the rest to come. */
		at = exact ? (off <= doc->len || doc->place_key != NULL ? off :
		    (size_t)-1) :
		    state_find(doc, off, fp, n);
		if (strcmp(what, "top") == 0) {
			if (at == (size_t)-1) {
				rc = 0;	/* the place is gone from the text */
				goto out;
			}
			out->top_off = at;
			got_top = 1;
		} else if (strcmp(what, "seen") == 0)
			seen = at;
		else if (strncmp(what, "mark", 4) == 0 && what[4] >= 'a' &&
		    what[4] <= 'z' && what[5] == '\0')
			out->mark_off[what[4] - 'a'] = at;
	}
	if (!got_top) {
		*warn = xasprintf(_("%s: corrupt state file; ignored"), path);
		rc = -1;
	} else
		out->seen_off = seen != (size_t)-1 && seen > out->top_off ?
		    seen : out->top_off;
out:
	fclose(f);
	free(path);
	return rc;
}

long
state_pref_get(const char *dir, const char *name)
{
	char *path = xasprintf("%s/prefs", dir), line[256], what[64];
	FILE *f = fopen(path, "r");
	long v, found = -1;

	free(path);
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "%63s %ld", what, &v) == 2 && v >= 0 &&
		    strcmp(what, name) == 0)
			found = v;
	fclose(f);
	return found;
}

int
state_pref_set(const char *dir, const char *name, long value, char **warn)
{
	char *path = xasprintf("%s/prefs", dir);
	char *tmp = xasprintf("%s/.prefs.XXXXXX", dir), line[256], what[64];
	FILE *in, *out = NULL;
	int fd = -1, lock, rc = -1;

	*warn = NULL;
	if (state_mkdirs(dir) != 0) {
		*warn = xasprintf(_("cannot create %s: %s"), dir, strerror(errno));
		goto done;
	}
	lock = state_lock(dir);
	fd = mkstemp(tmp);
	if (fd < 0 || (out = fdopen(fd, "w")) == NULL) {
		*warn = xasprintf(_("cannot save %s: %s"), path, strerror(errno));
		if (fd >= 0)
			close(fd);
		unlink(tmp);
		goto unlock;
	}
	/* The other settings stay as they were. */
	if ((in = fopen(path, "r")) != NULL) {
		while (fgets(line, sizeof line, in) != NULL)
			if (sscanf(line, "%63s", what) == 1 &&
			    strcmp(what, name) != 0 && strchr(line, '\n'))
				fputs(line, out);
		fclose(in);
	}
	fprintf(out, "%s %ld\n", name, value);
	rc = fflush(out) != 0 || fsync(fileno(out)) != 0 ? -1 : 0;
	if (fclose(out) != 0)
		rc = -1;
	if (rc != 0 || rename(tmp, path) != 0) {
		rc = -1;
		*warn = xasprintf(_("cannot save %s: %s"), path, strerror(errno));
		unlink(tmp);
	}
unlock:
	if (lock >= 0)
		close(lock);
done:
	free(tmp);
	free(path);
	return rc;
}

int
state_load(const char *dir, struct doc *doc, struct state_place *out,
    char **warn)
{
	char key[17], name[32], *warn2 = NULL;
	int rc, rc2;

	*warn = NULL;
	state_place_init(out);
	state_key(doc, key);
	snprintf(name, sizeof name, "k-%s", key);
	rc = state_read_file(dir, name, doc, 1, out, warn);
	if (rc == 1)
		return rc;
	/* No content record, or a bad one: the path record may still
	 * know the place (and the next save then keeps it). */
	state_path_key(doc, key);
	if (key[0] == '\0')
		return rc;
	snprintf(name, sizeof name, "p-%s", key);
	rc2 = state_read_file(dir, name, doc, 0, out, *warn ? &warn2 : warn);
	free(warn2);
	out->doc_len = doc->len;
	if (rc2 == 1) {
		free(*warn);	/* the place is back: nothing to say */
		*warn = NULL;
		return 1;
	}
	return rc < 0 ? rc : rc2;
}
