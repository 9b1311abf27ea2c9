/*
 * The yuedu command: parse options, open the document, then print its
 * rows (--dump, or output not a terminal) or open the reader (screen.c).
 */
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
	return render_doc(doc, &ro);
}

/* --outline: one heading per line, LEVEL<TAB>LINE<TAB>TITLE. */
static int
main_outline(struct doc *doc, const struct options *opts, struct conv *cv)
{
	struct outline_opts oo = { opts->pinyin, opts->heading, NULL };
	struct outline *ol;
	char *err;

	if (outline_build(&ol, doc, &oo, &err) != 0) {
		inert_warn("%s", err);
		free(err);
		return 2;
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
	if (fflush(stdout) != 0 || ferror(stdout)) {
		inert_warn("write error");
		return 2;
	}
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

	main_search_opts(opts, doc, &so);
	s = search_new(opts->grep, &so, &err);
	if (s == NULL) {
		inert_warn("%s", err);
		free(err);
		return 2;
	}
	st = grep_write(stdout, doc, s, main_grep_colour());
	if (st == GREP_LIMIT)
		inert_warn("line %zu: %s", grep_line_of(doc,
		    search_error_off(s)), search_error(s));
	search_free(s);
	if (st == GREP_ERROR) {
		inert_warn("write error");
		return 2;
	}
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

	if ((doc = enc_open(path, opts->encoding, &note, &err)) == NULL) {
		inert_warn("%s", err);
		free(err);
		return 2;
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
		inert_warn("%s: line %zu: %s", path, grep_line_of(rend->doc,
		    search_error_off(s)), search_error(s));
	search_free(s);
	render_free(rend);
	doc_free(doc);
	if (st == GREP_ERROR)
		inert_warn("write error");
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

static struct config main_cfg;

static void
main_config_done(void)
{
	config_done(&main_cfg);
}

/*
 * Settings: the config file, then YUEDU_OPTS, then ARGV, merged into one
 * command line for options_parse().  Bad settings are warned about here.
 */
static void
main_config(int *argc, char ***argv)
{
	char *path = config_path();

	config_load(&main_cfg, path, getenv("YUEDU_OPTS"), *argc, *argv);
	free(path);
	atexit(main_config_done);
	for (size_t i = 0; i < main_cfg.nwarnings; i++)
		inert_warn("%s", main_cfg.warnings[i]);
	*argc = main_cfg.argc;
	*argv = main_cfg.argv;
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
		struct config_bind b;
		char *err;

		char *v;
		int rc;

		if (config_bind_parse(opts->binds[i], &b, &err) != 0) {
			inert_warn("%s", err);
			free(err);
			continue;
		}
		v = xasprintf("%s %s %s", b.mode, b.key, b.command);
		rc = keymap_bind_str(v, &err);
		free(v);
		if (rc != 0) {
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
	if (show)
		fprintf(stderr, "\ryuedu: reading %s… %s (any key opens what "
		    "came, ^C quits)\033[K", w->what, main_size(bytes, num,
		    sizeof num));
	return DOC_READ_GO;
}

static int
main_convert_hook(void *arg, size_t done, size_t total)
{
	struct main_watch *w = arg;
	int show;

	if (main_watch_poll(w, &show) != 0)
		return 1;
	if (show)
		fprintf(stderr, "\ryuedu: converting %s… %d%% (any key or ^C "
		    "quits)\033[K", w->what, total ? (int)(done * 100.0 /
		    (double)total) : 0);
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

static int
main_dump_hook(void *arg, size_t done, size_t total)
{
	struct main_watch *w = arg;
	int show;

	if (main_watch_poll(w, &show) == 2)
		return 1;
	if (show)
		fprintf(stderr, "\ryuedu: writing %s in another script… %d%% "
		    "(^C quits)\033[K", w->what, total ? (int)(done * 100.0 /
		    (double)total) : 0);
	return 0;
}

/*
 * dump_write(); with SCRIPT (an OpenCC conversion, a few MB/s) and stderr
 * a terminal, a progress line after a moment.  0, 2 (a write error) or
 * 130 (^C).
 */
static int
main_dump(struct doc *doc, struct layout *lay, int script)
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

/* doc_open(), with progress and a way out when PATH is a slow pipe. */
static enum doc_status
main_open(struct doc **doc, const char *path, char **cause)
{
	struct main_watch w;
	enum doc_status st;
	const char *what = strcmp(path, "-") == 0 ? "standard input" : path;
	char num[32];

	if (!isatty(STDERR_FILENO))
		return doc_open(doc, path, cause);
	main_watch_start(&w, what);
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
		inert_warn("stopped reading %s after %s; the rest "
		    "is not shown", what, main_size((*doc)->len, num,
		    sizeof num));
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
	if (fflush(stdout) != 0 || ferror(stdout)) {
		inert_warn("write error");
		rc = 2;
	}
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
 * print take one file.  Returns 0, or 2 after saying why.
 */
static int
main_several(const struct options *opts)
{
	const char *what = opts->grep ? "--grep" : opts->outline ?
	    "--outline" : opts->dump ? "--dump" : NULL;

	if (opts->nfiles < 2 || (what == NULL && isatty(STDOUT_FILENO)))
		return 0;
	if (what != NULL)
		inert_warn("%s takes one file at a time", what);
	else
		inert_warn("one file at a time when output is "
		    "not a terminal");
	fprintf(stderr, "Try 'yuedu --help' for more information.\n");
	return 2;
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
		    "the dictionary data is damaged (reinstall yuedu)" :
		    "the dictionary data is not installed (words.bin, "
		    "cedict.bin)");
		return 2;
	}
	text = define_text(lex, word, strlen(word));
	if (text == NULL) {
		fprintf(stderr, "yuedu: %s: not in the dictionary\n", word);
		return 1;
	}
	fputs(text, stdout);
	free(text);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 2;
}

int
main(int argc, char **argv)
{
	struct options opts;
	struct doc *doc, *shown;
	struct render *rend;
	struct layout *lay;
	struct layout_opts lo;
	struct conv *cv = NULL;
	char *err, *cause, *note;
	const char *path;
	enum doc_status st;
	int rc = 0;

	main_locale();
	fault_init();
	main_config(&argc, &argv);
	if (options_parse(&opts, argc, argv, &err) != 0) {
		inert_warn("%s", err);
		fputs("Try 'yuedu --help' for more information.\n", stderr);
		free(err);
		return 2;
	}
	main_binds(&opts);
	if (opts.help) {
		fputs(options_help(), stdout);
		options_done(&opts);
		return 0;
	}
	if (opts.print_config) {
		rc = config_write(stdout, &main_cfg) != 0 ? 2 : 0;
		if (rc != 0)
			inert_warn("write error");
		options_done(&opts);
		return rc;
	}
	if (opts.version) {
		printf("yuedu %s\n", YUEDU_VERSION);
		options_done(&opts);
		return 0;
	}
	if (opts.define != NULL) {
		rc = main_define(opts.define);
		options_done(&opts);
		return rc;
	}
	if (opts.heading != NULL && outline_check_regex(opts.heading,
	    &err) != 0) {
		inert_warn("%s", err);
		free(err);
		options_done(&opts);
		return 2;
	}
	if (opts.grep != NULL && !opts.dump && !opts.outline &&
	    (opts.nfiles > 1 || (opts.nfiles == 1 &&
	    main_is_dir(opts.files[0])))) {
		rc = main_grep_files(&opts);
		options_done(&opts);
		return rc;
	}
	for (size_t i = 0; i < opts.nfiles; i++) {
		const char *what = opts.dump ? "--dump" : opts.outline ?
		    "--outline" : opts.nfiles > 1 ? "several files" : NULL;

		if (!main_is_dir(opts.files[i]))
			continue;
		if (what != NULL) {
			inert_warn("%s: is a directory (%s "
			    "reads files; 'yuedu DIR' lists its articles)",
			    opts.files[i], what);
			options_done(&opts);
			return 2;
		}
		rc = main_shelf(opts.files[i], &opts);
		options_done(&opts);
		return rc;
	}
	if ((rc = main_several(&opts)) != 0) {
		options_done(&opts);
		return rc;
	}
	if (opts.nfiles == 0 && isatty(STDIN_FILENO)) {
		inert_warn("no file given");
		fputs("Try 'yuedu --help' for more information.\n", stderr);
		options_done(&opts);
		return 2;
	}
	path = opts.nfiles ? opts.files[0] : "-";
	st = main_open(&doc, path, &cause);
	if (st == DOC_ERR_INTERRUPTED) {
		inert_warn("interrupted while reading %s",
		    strcmp(path, "-") == 0 ? "standard input" : path);
		free(cause);
		options_done(&opts);
		return 128 + SIGINT;
	}
	if (st != DOC_OK) {
		inert_warn("%s: %s", path, cause);
		free(cause);
		options_done(&opts);
		return 2;
	}
	if (main_convert(doc, opts.encoding, &note, &err) != 0) {
		rc = strstr(err, "interrupted") != NULL ? 128 + SIGINT : 2;
		inert_warn("%s: %s", path, err);
		free(err);
		doc_free(doc);
		options_done(&opts);
		return rc;
	}
	if (note != NULL) {
		inert_warn("%s: %s", path, note);
		free(note);
	}
	if (opts.script != CONV_ORIGINAL) {
		cv = conv_new(opts.script, &err);
		if (cv == NULL) {
			inert_warn("%s", err);
			free(err);
			doc_free(doc);
			options_done(&opts);
			return 2;
		}
	}
	rend = main_render(doc, &opts);
	shown = rend->doc;
	if (rend->error != NULL) {
		/* An .epub that is no book: said, not shown. */
		inert_warn("%s: %s", doc->name, rend->error);
		render_free(rend);
		conv_free(cv);
		doc_free(doc);
		options_done(&opts);
		return 2;
	}
	if (opts.grep != NULL) {
		rc = main_grep(shown, &opts);
		render_free(rend);
		conv_free(cv);
		doc_free(doc);
		options_done(&opts);
		return rc;
	}
	if (opts.outline) {
		rc = main_outline(shown, &opts, cv);
		render_free(rend);
		conv_free(cv);
		doc_free(doc);
		options_done(&opts);
		return rc;
	}
	if (!opts.dump && isatty(STDOUT_FILENO)) {
		rc = screen_run(shown, &opts);
		render_free(rend);
		conv_free(cv);
		doc_free(doc);
		options_done(&opts);
		return rc;
	}
	if (doc->len == 0)
		inert_warn("%s: empty file", path);

	width_set_ambiguous(opts.ambiguous == OPTIONS_AMB_WIDE ?
	    WIDTH_AMBIGUOUS_WIDE : WIDTH_AMBIGUOUS_NARROW);
	lo.annot = opts.annotate && opts.pinyin == ANNOT_AUTO ? ANNOT_SHOW :
	    annot_resolve(opts.pinyin, shown);
	lo.conv = cv;
	lo.annotate = opts.annotate;
	lo.width_cols = opts.width_cols ? opts.width_cols :
	    isatty(STDOUT_FILENO) ? main_terminal_cols() : 80;
	lay = layout_new(shown, &lo);
	if ((rc = main_dump(shown, lay, cv != NULL)) == 2)
		inert_warn("write error");
	if (doc_lost_off(shown) != (size_t)-1) {
		inert_warn("%s: the file shrank while it was read; the output "
		    "stops at byte %zu, before what it lost", path,
		    doc_lost_off(shown));
		rc = 2;
	}
	layout_free(lay);
	render_free(rend);
	conv_free(cv);
	doc_free(doc);
	options_done(&opts);
	return rc;
}
