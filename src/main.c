/*
 * The yuedu command: parse options, open the document, then print its
 * rows (--dump, or output not a terminal) or open the reader (screen.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "yuedu/annot.h"
#include "yuedu/config.h"
#include "yuedu/conv.h"
#include "yuedu/define.h"
#include "yuedu/lexicon.h"
#include "yuedu/doc.h"
#include "yuedu/enc.h"
#include "yuedu/fault.h"
#include "yuedu/grep.h"
#include "yuedu/i18n.h"
#include "yuedu/inert.h"
#include "yuedu/keymap.h"
#include "yuedu/dump.h"
#include "yuedu/layout.h"
#include "yuedu/options.h"
#include "yuedu/outline.h"
#include "yuedu/search.h"
#include "yuedu/screen.h"
#include "yuedu/readtime.h"
#include "yuedu/render.h"
#include "yuedu/shelf.h"
#include "yuedu/state.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

#ifndef YUEDU_VERSION
#define YUEDU_VERSION "0.1.0"
#endif

/* Characters are UTF-8 whatever the locale says (LANG=C included). */
static void
main_locale(void)
{
	const char *cs;

	setlocale(LC_ALL, "");
	cs = nl_langinfo(CODESET);
	if (cs == NULL || strcmp(cs, "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
}

/*
 * The interface language of the merged settings ARGV, before they are
 * parsed, so that their errors are said in it: the last --ui-language
 * before "--", else the environment's.
 */
static void
main_language(char **argv)
{
	const struct options_def *d = options_find("ui-language");
	const char *v = NULL;
	int lang;

	for (int i = 1; argv[i] != NULL && strcmp(argv[i], "--") != 0; i++)
		if (strncmp(argv[i], "--ui-language=", 14) == 0)
			v = argv[i] + 14;
		else if (strcmp(argv[i], "--ui-language") == 0 &&
		    argv[i + 1] != NULL)
			v = argv[++i];
	lang = v != NULL && d != NULL ? options_enum_value(d, v) : -1;
	i18n_init(lang < 0 ? I18N_AUTO : (enum i18n_lang)lang);
}

/*
 * How the yuedu command can fail: each error's exit status, whether the
 * hint to --help follows, and its message (a format for the details
 * given with it).  main_fail() is the one place that says them.
 */
#define MAIN_ERRORS(X) \
	X(MAIN_ERR_USAGE, 2, 1, "%s") \
	X(MAIN_ERR_NO_FILE, 2, 1, N_("no file given")) \
	X(MAIN_ERR_ONE_FILE, 2, 1, N_("%s takes one file at a time")) \
	X(MAIN_ERR_ONE_FILE_PIPE, 2, 1, \
	    N_("one file at a time when output is not a terminal")) \
	X(MAIN_ERR_IS_DIR, 2, 0, N_("%s: is a directory (%s reads files; " \
	    "'yuedu DIR' lists its articles)")) \
	X(MAIN_ERR_FILE, 2, 0, "%s: %s") \
	X(MAIN_ERR_FAILED, 2, 0, "%s") \
	X(MAIN_ERR_WRITE, 2, 0, N_("write error")) \
	X(MAIN_ERR_SHRANK, 2, 0, N_("%s: the file shrank while it was read; " \
	    "the output stops at byte %s, before what it lost")) \
	X(MAIN_ERR_READ_INTERRUPTED, 128 + SIGINT, 0, \
	    N_("interrupted while reading %s")) \
	X(MAIN_ERR_CONVERT_INTERRUPTED, 128 + SIGINT, 0, "%s: %s")

enum main_error {
#define MAIN_X(code, status, hint, msg) code,
	MAIN_ERRORS(MAIN_X)
#undef MAIN_X
};

static const struct {
	int status;
	int hint;
	const char *msg;
} main_errors[] = {
#define MAIN_X(code, status, hint, msg) { status, hint, msg },
	MAIN_ERRORS(MAIN_X)
#undef MAIN_X
};

/* Say error E with its details A and B (for the message's %s); returns
 * its exit status. */
static int
main_fail(enum main_error e, const char *a, const char *b)
{
	inert_warn(_(main_errors[e].msg), a, b);
	if (main_errors[e].hint)
		fputs(_("Try 'yuedu --help' for more information.\n"), stderr);
	return main_errors[e].status;
}

/*
 * The rendering of DOC the options ask for: --raw shows the source as it
 * is (the identity), else by --format and --reflow.  Caller frees.
 */
static struct render *
main_render(struct doc *doc, const struct options *opts)
{
	struct render_opts ro;

	memset(&ro, 0, sizeof ro);
	ro.format = opts->raw ? RENDER_TEXT : (enum render_format)opts->format;
	ro.reflow = opts->raw ? RENDER_REFLOW_OFF :
	    (enum render_reflow)opts->reflow;
	ro.width_cols = opts->width_cols;
	/* The reader renders a big text's first screens first (the rest
	 * when a key needs it); not when it starts at +N or +/PATTERN. */
	if (!opts->dump && opts->grep == NULL && !opts->outline &&
	    isatty(STDOUT_FILENO) && opts->start_line <= 0 &&
	    opts->start_pattern == NULL)
		ro.prefix = RENDER_FIRST_BYTES;
	return render_doc(doc, &ro);
}

/* --outline: one heading per line, LEVEL<TAB>LINE<TAB>TITLE. */
static int
main_outline(struct doc *doc, const struct options *opts, struct conv *cv)
{
	struct outline_opts oo = { opts->pinyin, opts->heading, NULL, NULL };
	struct outline *ol;
	char *err;
	int rc;

	if (outline_build(&ol, doc, &oo, &err) != 0) {
		rc = main_fail(MAIN_ERR_FAILED, err, NULL);
		free(err);
		return rc;
	}
	for (size_t i = 0; i < ol->n; i++) {
		char *t = cv ? conv_string(cv, ol->v[i].title) : NULL;
		size_t part = 0;

		/* In a book, the line is of a chapter: CHAPTER:LINE. */
		if (doc->render != NULL && doc->render->format == RENDER_EPUB) {
			render_line_of(doc, ol->v[i].off, &part);
			printf("%d\t%zu:%zu\t", ol->v[i].level, part,
			    ol->v[i].line);
		} else
			printf("%d\t%zu\t", ol->v[i].level, ol->v[i].line);
		inert_fputs(t ? t : ol->v[i].title, stdout);
		putchar('\n');
		free(t);
	}
	outline_free(ol);
	if (fflush(stdout) != 0 || ferror(stdout))
		return main_fail(MAIN_ERR_WRITE, NULL, NULL);
	return 0;
}

/* The search options the command line asked for. */
static void
main_search_opts(const struct options *opts, struct doc *doc,
    struct search_opts *so)
{
	memset(so, 0, sizeof *so);
	so->regex = opts->regex;
	so->casing = opts->case_sensitive ? SEARCH_CASE_SENSITIVE :
	    SEARCH_CASE_SMART;
	so->no_fold_width = opts->no_fold_width;
	so->no_fold_script = opts->no_fold_script;
	so->annot = annot_resolve(opts->pinyin, doc);
	so->view_script = (int)opts->script;
	so->pinyin = opts->pinyin_search;
}

/* Mark matches in colour: on a terminal, unless NO_COLOR is set. */
static int
main_grep_colour(void)
{
	const char *nc = getenv("NO_COLOR");

	return isatty(STDOUT_FILENO) && (nc == NULL || nc[0] == '\0');
}

/* --grep: matching lines as LINE:TEXT; 0 matched, 1 none, 2 error. */
static int
main_grep(struct doc *doc, const struct options *opts)
{
	struct search_opts so;
	struct search *s;
	char *err;
	enum grep_status st;
	int rc;

	main_search_opts(opts, doc, &so);
	s = search_new(opts->grep, &so, &err);
	if (s == NULL) {
		rc = main_fail(MAIN_ERR_FAILED, err, NULL);
		free(err);
		return rc;
	}
	st = grep_write(stdout, doc, s, main_grep_colour());
	if (st == GREP_LIMIT)
		inert_warn(_("line %zu: %s"), grep_line_of(doc,
		    search_error_off(s)), search_error(s));
	search_free(s);
	if (st == GREP_ERROR)
		return main_fail(MAIN_ERR_WRITE, NULL, NULL);
	return st == GREP_MATCH ? 0 : st == GREP_NONE ? 1 : 2;
}

static int main_is_dir(const char *path);

/*
 * --grep on one file of several: FILE:LINE:TEXT.  Returns 0 matched, 1
 * none, 2 the file could not be read (said on stderr), 3 a bad pattern.
 */
static int
main_grep_one(const char *path, const struct options *opts)
{
	struct search_opts so;
	struct search *s;
	struct doc *doc;
	struct render *rend;
	char *err, *note;
	enum grep_status st;
	int rc;

	if ((doc = enc_open(path, opts->encoding, &note, &err)) == NULL) {
		rc = main_fail(MAIN_ERR_FAILED, err, NULL);
		free(err);
		return rc;
	}
	if (note != NULL) {
		inert_warn("%s: %s", path, note);
		free(note);
	}
	rend = main_render(doc, opts);
	if (rend->error != NULL) {
		inert_warn("%s: %s", path, rend->error);
		render_free(rend);
		doc_free(doc);
		return 2;
	}
	main_search_opts(opts, rend->doc, &so);
	s = search_new(opts->grep, &so, &err);
	if (s == NULL) {
		inert_warn("%s", err);
		free(err);
		render_free(rend);
		doc_free(doc);
		return 3;	/* the pattern: no use going on */
	}
	st = grep_write_file(stdout, rend->doc, s, main_grep_colour(), path);
	if (st == GREP_LIMIT)
		inert_warn(_("%s: line %zu: %s"), path, grep_line_of(rend->doc,
		    search_error_off(s)), search_error(s));
	search_free(s);
	render_free(rend);
	doc_free(doc);
	if (st == GREP_ERROR)
		inert_warn(_("write error"));
	return st == GREP_MATCH ? 0 : st == GREP_NONE ? 1 : 2;
}

/*
 * --grep over several operands, or a directory (its articles, as the
 * shelf picks them, in shelf order).  Lines are FILE:LINE:TEXT as grep
 * prints them; exit 0 when any line matched, 1 when none, 2 when a file
 * could not be read (the others are still searched, as grep does).
 */
static int
main_grep_files(const struct options *opts)
{
	int matched = 0, failed = 0, fatal = 0, r;

	for (size_t i = 0; i < opts->nfiles && !fatal; i++) {
		const char *f = opts->files[i];
		char **paths, *err;
		size_t n;

		if (!main_is_dir(f)) {
			r = main_grep_one(f, opts);
			matched |= r == 0;
			failed |= r >= 2;
			fatal |= r == 3;
			continue;
		}
		if ((paths = shelf_list(f, &n, &err)) == NULL) {
			inert_warn("%s", err);
			free(err);
			failed = 1;
			continue;
		}
		for (size_t k = 0; k < n && !fatal; k++) {
			r = main_grep_one(paths[k], opts);
			matched |= r == 0;
			failed |= r >= 2;
			fatal |= r == 3;
		}
		shelf_list_free(paths, n);
	}
	return failed ? 2 : matched ? 0 : 1;
}

/*
 * The --bind settings over the key table.  Each was checked when parsed
 * (a bad one in the config file or YUEDU_OPTS is left out with a
 * warning, on the command line it stops yuedu), so this cannot fail but
 * for too many bindings, which is only warned about.
 */
static void
main_binds(const struct options *opts)
{
	for (size_t i = 0; i < opts->nbinds; i++) {
		struct keymap_bind b;
		char *err;

		if (options_bind(opts->binds[i], &b, &err) != 0 ||
		    keymap_bind(&b, &err) != 0) {
			inert_warn("%s", err);
			free(err);
		}
	}
}

/*
 * Long work before the reader starts (reading a slow pipe, converting a
 * big text from a legacy encoding): after MAIN_QUIET_MS a line on stderr
 * (when a terminal) says how far it got; a key or ^C stops it.  The
 * terminal is put in character mode only once the line shows, and
 * restored after.
 */
#define MAIN_QUIET_MS 300

struct main_watch {
	char *what;		/* e.g. "standard input", inert */
	int tty;		/* /dev/tty for keys, or -1 */
	struct termios old;
	int raw;		/* tty in character mode (old saved) */
	struct timespec t0;
	int shown;		/* the progress line is on stderr */
	struct sigaction old_sa;
};

static volatile sig_atomic_t main_sigint;

static void
main_on_sigint(int sig)
{
	main_sigint = sig;
}

static char *
main_size(size_t bytes, char *buf, size_t size)
{
	if (bytes >= 1000000)
		snprintf(buf, size, "%.1f MB", (double)bytes / 1e6);
	else
		snprintf(buf, size, "%zu kB", bytes / 1000);
	return buf;
}

static void
main_watch_start(struct main_watch *w, const char *what)
{
	struct sigaction sa;

	memset(w, 0, sizeof *w);
	w->what = inert_str(what);
	w->tty = open("/dev/tty", O_RDONLY | O_NOCTTY | O_CLOEXEC);
	clock_gettime(CLOCK_MONOTONIC, &w->t0);
	main_sigint = 0;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = main_on_sigint;	/* no SA_RESTART: wake poll() */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &w->old_sa);
}

/*
 * 0: go on; 1: a key was pressed; 2: ^C.  Returns 0 quietly until
 * MAIN_QUIET_MS have passed; then SHOW is worth a progress line.
 */
static int
main_watch_poll(struct main_watch *w, int *show)
{
	struct timespec t;
	char c;

	*show = 0;
	if (main_sigint)
		return 2;
	clock_gettime(CLOCK_MONOTONIC, &t);
	if ((t.tv_sec - w->t0.tv_sec) * 1000 + (t.tv_nsec - w->t0.tv_nsec) /
	    1000000 < MAIN_QUIET_MS)
		return 0;
	if (w->tty >= 0 && !w->raw && tcgetattr(w->tty, &w->old) == 0) {
		struct termios raw = w->old;

		raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
		raw.c_cc[VMIN] = 0;
		raw.c_cc[VTIME] = 0;
		w->raw = tcsetattr(w->tty, TCSANOW, &raw) == 0;
	}
	if (w->raw && read(w->tty, &c, 1) == 1)
		return 1;
	*show = w->shown = 1;
	return 0;
}

static void
main_watch_end(struct main_watch *w)
{
	sigaction(SIGINT, &w->old_sa, NULL);
	if (w->raw) {
		tcflush(w->tty, TCIFLUSH);
		tcsetattr(w->tty, TCSANOW, &w->old);
	}
	if (w->tty >= 0)
		close(w->tty);
	if (w->shown)
		fputs("\r\033[K", stderr);
	free(w->what);
}

static enum doc_read_answer
main_read_hook(void *arg, size_t bytes)
{
	struct main_watch *w = arg;
	char num[32];
	int show, r = main_watch_poll(w, &show);

	if (r != 0)
		return r == 1 ? DOC_READ_STOP : DOC_READ_ABORT;
	if (show) {
		fputs("\r", stderr);
		fprintf(stderr, _("yuedu: reading %s… %s (any key opens what "
		    "came, ^C quits)"), w->what, main_size(bytes, num,
		    sizeof num));
		fputs("\033[K", stderr);
	}
	return DOC_READ_GO;
}

static int
main_convert_hook(void *arg, size_t done, size_t total)
{
	struct main_watch *w = arg;
	int show;

	if (main_watch_poll(w, &show) != 0)
		return 1;
	if (show) {
		fputs("\r", stderr);
		fprintf(stderr, _("yuedu: converting %s… %d%% (any key or ^C "
		    "quits)"), w->what, total ? (int)(done * 100.0 /
		    (double)total) : 0);
		fputs("\033[K", stderr);
	}
	return 0;
}

/* enc_apply(), with progress and a way out on a big text. */
static int
main_convert(struct doc *doc, const char *forced, char **note, char **err)
{
	struct main_watch w;
	int rc;

	if (!isatty(STDERR_FILENO))
		return enc_apply(doc, forced, note, err);
	main_watch_start(&w, doc->name);
	enc_set_progress(main_convert_hook, &w);
	rc = enc_apply(doc, forced, note, err);
	enc_set_progress(NULL, NULL);
	main_watch_end(&w);
	return rc;
}

/* doc_open(), with progress and a way out when PATH is a slow pipe. */
static enum doc_status
main_open(struct doc **doc, const char *path, char **cause)
{
	struct main_watch w;
	enum doc_status st;
	const char *what = strcmp(path, "-") == 0 ? "standard input" : path;
	char num[32];

	if (!isatty(STDERR_FILENO)) {
		st = doc_open(doc, path, cause);
		goto out;
	}
	main_watch_start(&w, what);
	{
		struct stat sb;

		/* Opening a FIFO waits for its writer: not silently. */
		if (stat(path, &sb) == 0 && S_ISFIFO(sb.st_mode)) {
			fprintf(stderr, _("yuedu: reading from the pipe %s… "
			    "(^C quits)"), w.what);
			fputs("\033[K", stderr);
			w.shown = 1;
		}
	}
	doc_set_read_hook(main_read_hook, &w);
	st = doc_open(doc, path, cause);
	doc_set_read_hook(NULL, NULL);
	main_watch_end(&w);
	if (st == DOC_OK && main_sigint) {
		/* ^C also ends the writer of the pipe: the end of input
		 * may come first. */
		doc_free(*doc);
		*doc = NULL;
		*cause = xstrdup("interrupted");
		return DOC_ERR_INTERRUPTED;
	}
	if (st == DOC_OK && (*doc)->partial)
		inert_warn(_("stopped reading %s after %s; the rest "
		    "is not shown"), what, main_size((*doc)->len, num,
		    sizeof num));
out:
	if (st == DOC_OK && (*doc)->spool_full)
		inert_warn(_("stopped reading %s at %s, the most yuedu reads "
		    "from a pipe; the rest is not shown"), what,
		    main_size((*doc)->len, num, sizeof num));
	return st;
}

static int
main_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * The shelf of DIR when output is not a terminal: one article a line,
 * PATH<TAB>TITLE<TAB>CHARACTERS<TAB>READING TIME<TAB>PROGRESS.
 */
static int
main_shelf_print(const char *dir, const struct options *opts)
{
	struct shelf_opts so = { NULL, opts->cpm, opts->wpm, opts->pinyin };
	struct shelf *shelf;
	char *err, *sdir = opts->no_remember ? NULL : state_dir();
	int rc = 0;

	so.state_dir = sdir;
	if (shelf_load(&shelf, dir, &so, &err) != 0) {
		inert_warn("%s", err);
		free(err);
		free(sdir);
		return 2;
	}
	if (shelf->warning != NULL)
		inert_warn("%s", shelf->warning);
	for (size_t i = 0; i < shelf->n; i++) {
		const struct shelf_entry *e = &shelf->v[i];
		char t[32];

		inert_fputs(e->path, stdout);
		putchar('\t');
		inert_fputs(e->title, stdout);
		printf("\t%zu\t%s\t", e->count.chars,
		    readtime_format(e->minutes, t, sizeof t));
		if (e->progress_pct < 0)
			printf("-\n");
		else
			printf("%d%%\n", e->progress_pct);
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		rc = main_fail(MAIN_ERR_WRITE, NULL, NULL);
	shelf_free(shelf);
	free(sdir);
	return rc;
}

/* The shelf of DIR: the shelf screen on a terminal, else a listing. */
static int
main_shelf(const char *dir, const struct options *opts)
{
	if (isatty(STDOUT_FILENO))
		return screen_shelf(dir, opts);
	return main_shelf_print(dir, opts);
}

/*
 * Several files: the reader steps through them (:n, :p); the modes that
 * print take one file.  Returns 0, or the exit status after saying why.
 */
static int
main_several(const struct options *opts)
{
	const char *what = opts->grep ? "--grep" : opts->outline ?
	    "--outline" : opts->dump ? "--dump" : NULL;

	if (opts->nfiles < 2 || (what == NULL && isatty(STDOUT_FILENO)))
		return 0;
	if (what != NULL)
		return main_fail(MAIN_ERR_ONE_FILE, what, NULL);
	return main_fail(MAIN_ERR_ONE_FILE_PIPE, NULL, NULL);
}

static int
main_terminal_cols(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* --define: the dictionary's entries; 0 found, 1 not found, 2 no data. */
static int
main_define(const char *word)
{
	enum lexicon_status st;
	struct lexicon *lex = lexicon_get(&st);
	char *text;

	if (lex == NULL) {
		fprintf(stderr, "yuedu: %s\n", st == LEXICON_BAD ?
		    _("the dictionary data is damaged (reinstall yuedu)") :
		    _("the dictionary data is not installed (words.bin, "
		    "cedict.bin)"));
		return 2;
	}
	text = define_text(lex, word, strlen(word));
	if (text == NULL) {
		fprintf(stderr, _("yuedu: %s: not in the dictionary\n"), word);
		return 1;
	}
	fputs(text, stdout);
	free(text);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 2;
}

/* What a run holds; main_done() frees it all, whatever the way out. */
struct main_run {
	struct config cfg;
	struct options opts;
	int parsed;		/* opts holds a parse */
	struct doc *doc;	/* the file as read */
	struct render *rend;	/* its rendering; rend->doc is shown */
	struct conv *cv;	/* --script, or NULL */
	char *err;		/* the detail of an error, or NULL */
	char *note;		/* what reading it noted, or NULL */
};

static void
main_done(struct main_run *r)
{
	free(r->err);
	free(r->note);
	render_free(r->rend);
	conv_free(r->cv);
	doc_free(r->doc);
	if (r->parsed)
		options_done(&r->opts);
	config_done(&r->cfg);
}

static int
main_dump_hook(void *arg, size_t done, size_t total)
{
	struct main_watch *w = arg;
	int show;

	if (main_watch_poll(w, &show) == 2)
		return 1;
	if (show) {
		fputs("\r", stderr);
		fprintf(stderr, _("yuedu: writing %s in another script… %d%% "
		    "(^C quits)"), w->what, total ? (int)(done * 100.0 /
		    (double)total) : 0);
		fputs("\033[K", stderr);
	}
	return 0;
}

/*
 * dump_write(); with SCRIPT (an OpenCC conversion, a few MB/s, as fast
 * as OpenCC's own opencc) and stderr a terminal, a progress line after a
 * moment.  0, 2 (a write error) or 130 (^C).
 */
static int
main_dump_write(struct doc *doc, struct layout *lay, int script)
{
	struct main_watch w;
	int rc;

	if (!script || !isatty(STDERR_FILENO))
		return dump_write(stdout, doc, lay) != 0 ? 2 : 0;
	main_watch_start(&w, doc->name);
	dump_set_progress(main_dump_hook, &w);
	rc = dump_write(stdout, doc, lay);
	dump_set_progress(NULL, NULL);
	main_watch_end(&w);
	return rc == -2 ? 128 + SIGINT : rc != 0 ? 2 : 0;
}

/* --dump, or output that is not a terminal: the laid-out rows. */
static int
main_dump(struct main_run *r, const char *path)
{
	const struct options *opts = &r->opts;
	struct doc *shown = r->rend->doc;
	struct layout_opts lo;
	struct layout *lay;
	int rc = 0;

	if (r->doc->len == 0)
		inert_warn(_("%s: empty file"), path);
	width_set_ambiguous(opts->ambiguous == OPTIONS_AMB_WIDE ?
	    WIDTH_AMBIGUOUS_WIDE : WIDTH_AMBIGUOUS_NARROW);
	memset(&lo, 0, sizeof lo);
	lo.annot = opts->annotate && opts->pinyin == ANNOT_AUTO ? ANNOT_SHOW :
	    annot_resolve(opts->pinyin, shown);
	lo.conv = r->cv;
	lo.annotate = opts->annotate;
	lo.para = (enum layout_para)opts->paragraph;
	lo.width_cols = opts->width_cols ? opts->width_cols :
	    isatty(STDOUT_FILENO) ? main_terminal_cols() : 80;
	lay = layout_new(shown, &lo);
	rc = main_dump_write(shown, lay, r->cv != NULL);
	if (rc == 2)
		rc = main_fail(MAIN_ERR_WRITE, NULL, NULL);
	if (doc_lost_off(shown) != (size_t)-1) {
		char off[32];

		snprintf(off, sizeof off, "%zu", doc_lost_off(shown));
		rc = main_fail(MAIN_ERR_SHRANK, path, off);
	}
	layout_free(lay);
	return rc;
}

/*
 * --dump of a character device (/dev/zero, /dev/urandom, a serial line):
 * it may never end, so it streams as cat does, a chunk of whole lines at
 * a time in constant memory; a line longer than MAIN_STREAM_CHUNK is
 * broken there.  Read as UTF-8, rendered as text.
 */
#define MAIN_STREAM_CHUNK ((size_t)256 << 10)

static int
main_stream(struct main_run *r, const char *path)
{
	const struct options *opts = &r->opts;
	size_t cap = 2 * MAIN_STREAM_CHUNK, have = 0, total = 0;
	char *buf;
	int fd, eof = 0, rc = 0;

	fd = strcmp(path, "-") == 0 ? STDIN_FILENO :
	    open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return main_fail(MAIN_ERR_FILE, path, strerror(errno));
	if (opts->script != CONV_ORIGINAL &&
	    (r->cv = conv_new(opts->script, &r->err)) == NULL) {
		if (fd != STDIN_FILENO)
			close(fd);
		return main_fail(MAIN_ERR_FAILED, r->err, NULL);
	}
	width_set_ambiguous(opts->ambiguous == OPTIONS_AMB_WIDE ?
	    WIDTH_AMBIGUOUS_WIDE : WIDTH_AMBIGUOUS_NARROW);
	buf = xmalloc(cap);
	while (!eof || have > 0) {
		struct layout_opts lo;
		struct layout *lay;
		struct doc *d;
		size_t cut, next;
		char *nl;

		while (!eof && have < MAIN_STREAM_CHUNK) {
			ssize_t n = read(fd, buf + have, cap - have);

			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0) {
				rc = main_fail(MAIN_ERR_FILE, path,
				    strerror(errno));
				eof = 1;
				break;
			}
			if (n == 0)
				eof = 1;
			have += (size_t)n;
			total += (size_t)n;
		}
		if (have == 0)
			break;
		nl = memrchr(buf, '\n', have);
		if (nl != NULL) {
			cut = (size_t)(nl - buf);
			next = cut + 1;
		} else if (eof) {
			cut = next = have;
		} else {	/* one long line: break it at a character */
			cut = MAIN_STREAM_CHUNK;
			while (cut > 0 && ((unsigned char)buf[cut] & 0xC0) ==
			    0x80)
				cut--;
			next = cut;
		}
		d = doc_new_mem(buf, cut, path);
		memset(&lo, 0, sizeof lo);
		lo.annot = ANNOT_SHOW;
		lo.conv = r->cv;
		lo.para = (enum layout_para)opts->paragraph;
		lo.width_cols = opts->width_cols ? opts->width_cols :
		    isatty(STDOUT_FILENO) ? main_terminal_cols() : 80;
		lay = layout_new(d, &lo);
		if (cut == 0 && nl != NULL)
			putchar('\n');	/* an empty line */
		else if (dump_write(stdout, d, lay) != 0)
			rc = main_fail(MAIN_ERR_WRITE, NULL, NULL), eof = 1,
			    next = have;
		layout_free(lay);
		doc_free(d);
		memmove(buf, buf + next, have - next);
		have -= next;
	}
	free(buf);
	if (fd != STDIN_FILENO)
		close(fd);
	if (total == 0 && rc == 0)
		inert_warn(_("%s: empty file"), path);
	return rc;
}

/* A character device that is not a terminal: streamed by --dump. */
static int
main_is_device(const char *path)
{
	struct stat sb;

	if (strcmp(path, "-") == 0)
		return fstat(STDIN_FILENO, &sb) == 0 && S_ISCHR(sb.st_mode) &&
		    !isatty(STDIN_FILENO);
	return stat(path, &sb) == 0 && S_ISCHR(sb.st_mode) &&
	    strncmp(path, "/dev/tty", 8) != 0 && strncmp(path, "/dev/pts/",
	    9) != 0 && strcmp(path, "/dev/console") != 0;
}

/* The one file (or standard input) read, rendered and shown. */
static int
main_file(struct main_run *r)
{
	const struct options *opts = &r->opts;
	const char *path = opts->nfiles ? opts->files[0] : "-";
	char *note;
	enum doc_status st;
	int rc;

	if (opts->nfiles == 0 && isatty(STDIN_FILENO))
		return main_fail(MAIN_ERR_NO_FILE, NULL, NULL);
	if ((opts->dump || !isatty(STDOUT_FILENO)) && opts->grep == NULL &&
	    !opts->outline && main_is_device(path))
		return main_stream(r, path);
	st = main_open(&r->doc, path, &r->err);
	if (st == DOC_ERR_INTERRUPTED)
		return main_fail(MAIN_ERR_READ_INTERRUPTED, strcmp(path,
		    "-") == 0 ? "standard input" : path, NULL);
	if (st != DOC_OK)
		return main_fail(MAIN_ERR_FILE, path, r->err);
	rc = main_convert(r->doc, opts->encoding, &note, &r->err);
	if (rc == ENC_INTERRUPTED)
		return main_fail(MAIN_ERR_CONVERT_INTERRUPTED, path, r->err);
	if (rc != 0)
		return main_fail(MAIN_ERR_FILE, path, r->err);
	if (note != NULL)
		inert_warn("%s: %s", path, note);
	/* The reader says it too, on the status line: the terminal's other
	 * screen hides what stderr said until the reader quits. */
	r->note = note != NULL ? note : r->doc->len == 0 ?
	    xstrdup(_("empty file")) : NULL;
	if (opts->script != CONV_ORIGINAL &&
	    (r->cv = conv_new(opts->script, &r->err)) == NULL)
		return main_fail(MAIN_ERR_FAILED, r->err, NULL);
	r->rend = main_render(r->doc, opts);
	if (r->rend->error != NULL)	/* an .epub that is no book */
		return main_fail(MAIN_ERR_FILE, r->doc->name, r->rend->error);
	if (opts->grep != NULL)
		return main_grep(r->rend->doc, opts);
	if (opts->outline)
		return main_outline(r->rend->doc, opts, r->cv);
	if (!opts->dump && isatty(STDOUT_FILENO))
		return screen_run(r->rend->doc, opts, r->note);
	return main_dump(r, path);
}

/* What the options ask for; the exit status. */
static int
main_go(struct main_run *r)
{
	const struct options *opts = &r->opts;
	char *help;
	int rc;

	main_binds(opts);
	if (opts->help) {
		help = options_help();
		fputs(help, stdout);
		free(help);
		return 0;
	}
	if (opts->print_config)
		return config_write(stdout, &r->cfg) != 0 ?
		    main_fail(MAIN_ERR_WRITE, NULL, NULL) : 0;
	if (opts->version) {
		printf("yuedu %s\n", YUEDU_VERSION);
		return 0;
	}
	if (opts->define != NULL)
		return main_define(opts->define);
	if (opts->grep != NULL && !opts->dump && !opts->outline &&
	    (opts->nfiles > 1 || (opts->nfiles == 1 &&
	    main_is_dir(opts->files[0]))))
		return main_grep_files(opts);
	for (size_t i = 0; i < opts->nfiles; i++) {
		const char *what = opts->dump ? "--dump" : opts->outline ?
		    "--outline" : opts->nfiles > 1 ? "several files" : NULL;

		if (!main_is_dir(opts->files[i]))
			continue;
		if (what != NULL)
			return main_fail(MAIN_ERR_IS_DIR, opts->files[i], what);
		return main_shelf(opts->files[i], opts);
	}
	if ((rc = main_several(opts)) != 0)
		return rc;
	return main_file(r);
}

int
main(int argc, char **argv)
{
	struct main_run r;
	char *path;
	int rc;

	memset(&r, 0, sizeof r);
	main_locale();
	fault_init();
	/* Settings: the config file, then YUEDU_OPTS, then the command
	 * line, merged into one line for options_parse(). */
	i18n_init(I18N_AUTO);
	path = config_path();
	config_load(&r.cfg, path, getenv("YUEDU_OPTS"), argc, argv);
	free(path);
	main_language(r.cfg.argv);
	for (size_t i = 0; i < r.cfg.nwarnings; i++)
		inert_warn("%s", r.cfg.warnings[i]);
	if (options_parse(&r.opts, r.cfg.argc, r.cfg.argv, &r.err) != 0)
		rc = main_fail(MAIN_ERR_USAGE, r.err, NULL);
	else {
		r.parsed = 1;
		r.opts.panel_cols_args = config_source_of(&r.cfg,
		    "panel-width") == CONFIG_ARGS;
		rc = main_go(&r);
	}
	main_done(&r);
	return rc;
}
