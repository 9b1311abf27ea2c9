/*
 * The yuedu command: parse options, open the document, then print its
 * rows (--dump, or output not a terminal) or open the reader (screen.c).
 */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "yuedu/annot.h"
#include "yuedu/config.h"
#include "yuedu/conv.h"
#include "yuedu/doc.h"
#include "yuedu/enc.h"
#include "yuedu/grep.h"
#include "yuedu/dump.h"
#include "yuedu/layout.h"
#include "yuedu/options.h"
#include "yuedu/outline.h"
#include "yuedu/search.h"
#include "yuedu/screen.h"
#include "yuedu/readtime.h"
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

/* --outline: one heading per line, LEVEL<TAB>LINE<TAB>TITLE. */
static int
main_outline(struct doc *doc, const struct options *opts, struct conv *cv)
{
	struct outline_opts oo = { opts->pinyin, opts->heading };
	struct outline *ol;
	char *err;

	if (outline_build(&ol, doc, &oo, &err) != 0) {
		fprintf(stderr, "yuedu: %s\n", err);
		free(err);
		return 2;
	}
	for (size_t i = 0; i < ol->n; i++) {
		char *t = cv ? conv_string(cv, ol->v[i].title) : NULL;
		printf("%d\t%zu\t%s\n", ol->v[i].level, ol->v[i].line,
		    t ? t : ol->v[i].title);
		free(t);
	}
	outline_free(ol);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "yuedu: write error\n");
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
		fprintf(stderr, "yuedu: %s\n", err);
		free(err);
		return 2;
	}
	st = grep_write(stdout, doc, s, main_grep_colour());
	search_free(s);
	if (st == GREP_ERROR) {
		fprintf(stderr, "yuedu: write error\n");
		return 2;
	}
	return st == GREP_MATCH ? 0 : 1;
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
		fprintf(stderr, "yuedu: %s\n", main_cfg.warnings[i]);
	*argc = main_cfg.argc;
	*argv = main_cfg.argv;
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
		fprintf(stderr, "yuedu: %s\n", err);
		free(err);
		free(sdir);
		return 2;
	}
	if (shelf->warning != NULL)
		fprintf(stderr, "yuedu: %s\n", shelf->warning);
	for (size_t i = 0; i < shelf->n; i++) {
		const struct shelf_entry *e = &shelf->v[i];
		char t[32];

		printf("%s\t%s\t%zu\t%s\t", e->path, e->title, e->count.chars,
		    readtime_format(e->minutes, t, sizeof t));
		if (e->progress_pct < 0)
			printf("-\n");
		else
			printf("%d%%\n", e->progress_pct);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "yuedu: write error\n");
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
		fprintf(stderr, "yuedu: %s takes one file at a time\n", what);
	else
		fprintf(stderr, "yuedu: one file at a time when output is "
		    "not a terminal\n");
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

int
main(int argc, char **argv)
{
	struct options opts;
	struct doc *doc;
	struct layout *lay;
	struct layout_opts lo;
	struct conv *cv = NULL;
	char *err, *cause, *note;
	const char *path;
	enum doc_status st;
	int rc = 0;

	main_locale();
	main_config(&argc, &argv);
	if (options_parse(&opts, argc, argv, &err) != 0) {
		fprintf(stderr, "yuedu: %s\nTry 'yuedu --help' for more "
		    "information.\n", err);
		free(err);
		return 2;
	}
	if (opts.help) {
		fputs(options_help(), stdout);
		options_done(&opts);
		return 0;
	}
	if (opts.print_config) {
		rc = config_write(stdout, &main_cfg) != 0 ? 2 : 0;
		if (rc != 0)
			fprintf(stderr, "yuedu: write error\n");
		options_done(&opts);
		return rc;
	}
	if (opts.version) {
		printf("yuedu %s\n", YUEDU_VERSION);
		options_done(&opts);
		return 0;
	}
	if (opts.heading != NULL && outline_check_regex(opts.heading,
	    &err) != 0) {
		fprintf(stderr, "yuedu: %s\n", err);
		free(err);
		options_done(&opts);
		return 2;
	}
	for (size_t i = 0; i < opts.nfiles; i++) {
		const char *what = opts.dump ? "--dump" : opts.outline ?
		    "--outline" : opts.nfiles > 1 ? "several files" : NULL;

		if (!main_is_dir(opts.files[i]))
			continue;
		if (what != NULL) {
			fprintf(stderr, "yuedu: %s: is a directory (%s "
			    "reads files; 'yuedu DIR' lists its articles)\n",
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
		fprintf(stderr, "yuedu: no file given\n"
		    "Try 'yuedu --help' for more information.\n");
		options_done(&opts);
		return 2;
	}
	path = opts.nfiles ? opts.files[0] : "-";
	st = doc_open(&doc, path, &cause);
	if (st != DOC_OK) {
		fprintf(stderr, "yuedu: %s: %s\n", path, cause);
		free(cause);
		options_done(&opts);
		return 2;
	}
	if (enc_apply(doc, opts.encoding, &note, &err) != 0) {
		fprintf(stderr, "yuedu: %s: %s\n", path, err);
		free(err);
		doc_free(doc);
		options_done(&opts);
		return 2;
	}
	if (note != NULL) {
		fprintf(stderr, "yuedu: %s: %s\n", path, note);
		free(note);
	}
	if (opts.script != CONV_ORIGINAL) {
		cv = conv_new(opts.script, &err);
		if (cv == NULL) {
			fprintf(stderr, "yuedu: %s\n", err);
			free(err);
			doc_free(doc);
			options_done(&opts);
			return 2;
		}
	}
	if (opts.grep != NULL) {
		rc = main_grep(doc, &opts);
		conv_free(cv);
		doc_free(doc);
		options_done(&opts);
		return rc;
	}
	if (opts.outline) {
		rc = main_outline(doc, &opts, cv);
		conv_free(cv);
		doc_free(doc);
		options_done(&opts);
		return rc;
	}
	if (!opts.dump && isatty(STDOUT_FILENO)) {
		rc = screen_run(doc, &opts);
		conv_free(cv);
		doc_free(doc);
		options_done(&opts);
		return rc;
	}
	if (doc->len == 0)
		fprintf(stderr, "yuedu: %s: empty file\n", path);

	width_set_ambiguous(opts.ambiguous == OPTIONS_AMB_WIDE ?
	    WIDTH_AMBIGUOUS_WIDE : WIDTH_AMBIGUOUS_NARROW);
	lo.annot = annot_resolve(opts.pinyin, doc);
	lo.conv = cv;
	lo.width_cols = opts.width_cols ? opts.width_cols :
	    isatty(STDOUT_FILENO) ? main_terminal_cols() : 80;
	lay = layout_new(doc, &lo);
	if (dump_write(stdout, doc, lay) != 0) {
		fprintf(stderr, "yuedu: write error\n");
		rc = 2;
	}
	layout_free(lay);
	conv_free(cv);
	doc_free(doc);
	options_done(&opts);
	return rc;
}
