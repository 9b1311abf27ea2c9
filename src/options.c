/*
 * The options: one table, options_defs, says everything about each
 * option, and everything else is made from it -- the getopt_long table,
 * the parser (which stores each value where the table says), --help,
 * the defaults, and the README table and man page section.  The config
 * layer (config.c) reads its keys, actions and defaults here too.
 */
#include "yuedu/options.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/enc.h"
#include "yuedu/i18n.h"
#include "yuedu/keymap.h"
#include "yuedu/layout.h"
#include "yuedu/outline.h"
#include "yuedu/readtime.h"
#include "yuedu/render.h"
#include "yuedu/theme.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

#define OPTIONS_STR_(x) #x
#define OPTIONS_STR(x) OPTIONS_STR_(x)
#define OFF(field) offsetof(struct options, field)

/* Enum fields are stored through an int. */
_Static_assert(sizeof(enum conv_script) == sizeof(int), "enum size");
_Static_assert(sizeof(enum annot_mode) == sizeof(int), "enum size");
_Static_assert(sizeof(enum options_amb) == sizeof(int), "enum size");

static const struct options_value options_amb_values[] = {
	{ "auto", NULL, OPTIONS_AMB_AUTO, "ask the terminal" },
	{ "narrow", NULL, OPTIONS_AMB_NARROW, "one column" },
	{ "wide", NULL, OPTIONS_AMB_WIDE, "two columns" },
	{ NULL, NULL, 0, NULL },
};

static const struct options_value options_pinyin_values[] = {
	{ "auto", NULL, ANNOT_AUTO, "hide when the text has many" },
	{ "show", NULL, ANNOT_SHOW, NULL },
	{ "hide", NULL, ANNOT_HIDE, NULL },
	{ "ruby", NULL, ANNOT_RUBY, "above the characters" },
	{ NULL, NULL, 0, NULL },
};

/* The status line shows the short names: simp, trad, tw, hk. */
static const struct options_value options_script_values[] = {
#define CONV_X(e, name, abbr, config) { name, abbr, e, NULL },
	CONV_SCRIPTS(CONV_X)
#undef CONV_X
	{ NULL, NULL, 0, NULL },
};

static const struct options_value options_format_values[] = {
	{ "auto", NULL, RENDER_AUTO, "by its name, then its content" },
	{ "text", "txt", RENDER_TEXT, NULL },
	{ "markdown", "md", RENDER_MARKDOWN, NULL },
	{ "html", "htm", RENDER_HTML, NULL },
	{ "epub", NULL, RENDER_EPUB, NULL },
	{ NULL, NULL, 0, NULL },
};

static const struct options_value options_ui_language_values[] = {
	{ "auto", NULL, I18N_AUTO, "from LANGUAGE, LC_ALL, LC_MESSAGES, LANG" },
	{ "en", NULL, I18N_EN, "English" },
	{ "zh-Hans", "zh_CN zh-hans", I18N_HANS, "simplified Chinese" },
	{ "zh-Hant", "zh_TW zh-hant", I18N_HANT, "traditional Chinese" },
	{ NULL, NULL, 0, NULL },
};

static const struct options_value options_reflow_values[] = {
	{ "auto", NULL, RENDER_REFLOW_AUTO, "when the text looks wrapped" },
	{ "on", NULL, RENDER_REFLOW_ON, NULL },
	{ "off", NULL, RENDER_REFLOW_OFF, NULL },
	{ NULL, NULL, 0, NULL },
};

static const struct options_value options_align_values[] = {
	{ "left", NULL, 0, NULL },
	{ "center", "centre", 1, NULL },
	{ NULL, NULL, 0, NULL },
};

static const struct options_value options_paragraph_values[] = {
	{ "asis", NULL, LAYOUT_PARA_ASIS, "as the source sets them" },
	{ "indent", NULL, LAYOUT_PARA_INDENT, NULL },
	{ "space", NULL, LAYOUT_PARA_SPACE, NULL },
	{ NULL, NULL, 0, NULL },
};

static int
options_check_heading(const char *value, char **err)
{
	return outline_check_regex(value, err);
}

static int
options_check_encoding(const char *value, char **err)
{
	if (enc_canonical(value) != NULL)
		return 0;
	*err = xasprintf(_("unknown encoding '%s'"), value);
	return -1;
}

static int
options_check_term(const char *value, char **err)
{
	if (value[0] != '\0')
		return 0;
	*err = xstrdup(_("empty --highlight term"));
	return -1;
}

static int
options_check_bind(const char *value, char **err)
{
	return options_bind(value, NULL, err);
}

static int
options_check_color(const char *value, char **err)
{
	return theme_color_parse(value, NULL, err);
}

#define SWITCH(f) OPTIONS_SWITCH, OFF(f), 0, NULL, 0, 0, NULL, NULL
#define ACTION(f) OPTIONS_ACTION, OFF(f), 0, NULL, 0, 0, NULL, NULL
#define ENUM(f, v) OPTIONS_ENUM, OFF(f), 0, v, 0, 0, NULL, NULL
#define STRING(f, check) OPTIONS_STRING, OFF(f), 0, NULL, 0, 0, NULL, check
#define LIST(f, n, check) OPTIONS_LIST, OFF(f), OFF(n), NULL, 0, 0, NULL, check
#define PLUS OPTIONS_PLUS, 0, 0, NULL, 0, 0, NULL, NULL

const struct options_def options_defs[] = {
	{ "+N", 0, NULL, PLUS, NULL, NULL, NULL,
	  "open at line {N}", NULL },
	{ "dump", 0, NULL, SWITCH(dump), "dump", NULL, NULL,
	  "print the laid-out rows, one per line, and exit", NULL },
	{ "width", 'w', "N", OPTIONS_INT, OFF(width_cols), 0, NULL, 1, 10000,
	  "width", NULL, "width", NULL,
	  "the terminal's width, or 80 when output is not a terminal",
	  "wrap at {N} columns, 1 to 10000", NULL },
	{ "panel-width", 0, "N", OPTIONS_INT, OFF(panel_cols), 0, NULL, 12,
	  1000, "panel width", NULL, "panel-width", NULL,
	  "as last set with `<` `>`, else a third of the screen (40 at most)",
	  "the outline side panel's width in columns, 12 to 1000 (the text "
	  "keeps 30)",
	  "Given on the command line it wins over the width remembered from "
	  "`<` and `>`; from the config file or `YUEDU_OPTS` it is used until "
	  "`<` or `>` changes the width, which is then remembered." },
	{ "align", 0, "WHERE", ENUM(align, options_align_values), "align",
	  "left", NULL,
	  "where a text column narrower than the screen (`-w`) stands: at the "
	  "left, or centred with equal margins",
	  "The `c` key switches between the two while reading." },
	{ "paragraph", 0, "MODE", ENUM(paragraph, options_paragraph_values),
	  "paragraph", "asis", NULL,
	  "paragraphs as the source sets them, each with a first-line indent "
	  "of two full-width columns, or a blank row after each",
	  "A paragraph is a paragraph of Markdown, HTML or a book, and in "
	  "plain text a line of prose (after `--reflow`); headings, list "
	  "items, numbered clauses, tables, code and verse set deeper than the "
	  "indent are left as they are. A paragraph the source already "
	  "indents is indented no further, and no blank row is added where "
	  "the source has one. The text itself is not changed: search, "
	  "marks and the remembered place are as before. The `i` key goes "
	  "from one mode to the next while reading." },
	{ "ambiguous", 0, "MODE", ENUM(ambiguous, options_amb_values),
	  "ambiguous", "auto", NULL,
	  "width of East Asian ambiguous characters [[(“ ” — … · ①)||"
	  "(curly quotes, dashes, ellipses, circled numbers)]]",
	  "With `auto` yuedu prints a curly quote at column 1 and asks the "
	  "terminal where the cursor went." },
	{ "pinyin", 0, "MODE", ENUM(pinyin, options_pinyin_values),
	  "pinyin", "auto", NULL,
	  "inline pinyin annotations[[ such as 網(wǎng)|| (a Han character "
	  "followed by its toned pinyin in parentheses)]]", NULL },
	{ "outline", 0, NULL, SWITCH(outline), "outline", NULL, NULL,
	  "print the headings as {LEVEL}<TAB>{LINE}<TAB>{TITLE} and exit",
	  NULL },
	{ "heading", 0, "REGEX", STRING(heading, options_check_heading),
	  "heading", NULL, "headings found automatically",
	  "lines matching {REGEX} (PCRE2) are the headings; the first "
	  "capturing group that matches sets the level", NULL },
	{ "cpm", 0, "N", OPTIONS_LONG, OFF(cpm), 0, NULL, 1, 100000, NULL,
	  NULL, "cpm", OPTIONS_STR(READTIME_CPM_DEFAULT), NULL,
	  "reading rate for Chinese (and other CJK) text, in characters per "
	  "minute", NULL },
	{ "wpm", 0, "N", OPTIONS_LONG, OFF(wpm), 0, NULL, 1, 100000, NULL,
	  NULL, "wpm", OPTIONS_STR(READTIME_WPM_DEFAULT), NULL,
	  "reading rate for text in other scripts, in words per minute",
	  NULL },
	{ "no-remember", 0, NULL, SWITCH(no_remember), "no-remember", NULL,
	  NULL, "neither restore nor save the place in the text", NULL },
	{ "ui-language", 0, "LANG", ENUM(ui_language,
	  options_ui_language_values), "ui-language", "auto", NULL,
	  "the language of messages, help and the status line",
	  "`zh-Hans` and `zh-Hant` are chosen by `auto` from the first of "
	  "`LANGUAGE` (unless the locale is `C`), `LC_ALL`, `LC_MESSAGES` "
	  "and `LANG` that names a language: `zh_CN` or `zh_SG` for "
	  "simplified, `zh_TW`, `zh_HK` or `zh_MO` for traditional Chinese, "
	  "whether or not that locale is installed; English otherwise. "
	  "Output that other programs read stays as it is: `--grep`, "
	  "`--dump`, `--outline`, `--print-config`." },
	{ "bind", 0, "'[MODE] KEY COMMAND'",
	  LIST(binds, nbinds, options_check_bind), "bind", NULL,
	  "the keys of the help screen",
	  "run {COMMAND} (a name from the key map of {MODE}, the reader's "
	  "when left out; the help screen lists them) on {KEY}; repeatable",
	  "{MODE} is `reader`, `help`, `panel`, `prompt`, `filter`, `edit`, "
	  "`shelf` or `letter`, e.g. `--bind='panel J next'`. {KEY} is one "
	  "character, `^X` for a control key, or one of `Enter`, `Space`, "
	  "`Tab`, `Esc`, `Backspace`, `Delete`, `Up`, `Down`, `Left`, "
	  "`Right`, `PgUp`, `PgDn`, `Home`, `End`. The key then runs "
	  "{COMMAND} instead of what it did before, and the help screen "
	  "lists it. An unknown key or command is an error on the command "
	  "line and a warning in the configuration file or `YUEDU_OPTS`." },
	{ "color", 0, "'ELEMENT SPEC'",
	  LIST(colors, ncolors, options_check_color), "color", NULL,
	  "the built-in colours",
	  "colour of a screen element, e.g. `--color='match black on "
	  "yellow'`; repeatable",
	  "{ELEMENT} is `text`, `status`, `heading`, `match`, "
	  "`current-match`, `panel`, `panel-current`, `pinyin`, "
	  "`shelf-info`, and for rendered documents `heading-2`, "
	  "`heading-3`, `strong`, `emphasis`, `strike`, `code`, `link`, "
	  "`quote`, `mark`. {SPEC} is any of the attributes `bold`, `dim`, "
	  "`underline`, `reverse`, `italic`, `normal`, then a foreground "
	  "colour, then `on` and a background colour. A colour is `black`, "
	  "`red`, `green`, `yellow`, `blue`, `magenta`, `cyan`, `white`, the "
	  "same with `bright-` before it, `default`, or a number from 0 to "
	  "255. Under `NO_COLOR` or on a terminal with fewer colours, the "
	  "colour is left out and the element keeps its built-in look with "
	  "the attributes given added." },
	{ "print-config", 0, NULL, ACTION(print_config), NULL, NULL, NULL,
	  "show the effective settings and where each came from (default, "
	  "the config file and line, `YUEDU_OPTS`, the command line), and "
	  "exit", NULL },
	{ "encoding", 0, "NAME", STRING(encoding, options_check_encoding),
	  "encoding", NULL, "detected from the text",
	  "read the file as {NAME}: UTF-8, UTF-16LE, UTF-16BE, GB18030, GBK, "
	  "GB2312, BIG5, BIG5-HKSCS, EUC-TW, HZ-GB-2312", NULL },
	{ "format", 0, "FORMAT", ENUM(format, options_format_values),
	  "format", "auto", NULL,
	  "how to read the file (Markdown, HTML and EPUB are rendered)",
	  "Markdown: headings, emphasis, lists, quotes, code, tables laid "
	  "out by display width, links numbered with their addresses at the "
	  "end of each section. An HTML page (.html, .htm, .xhtml or by "
	  "content) is read in the charset it declares and shown as its "
	  "article, without navigation, header, footer, asides, scripts, "
	  "styles, forms and comments; <ruby> readings become inline pinyin "
	  "annotations, shown, hidden or set as ruby by `--pinyin`. An EPUB "
	  "book (EPUB 2 or 3) shows its chapters in reading order as one "
	  "text; its table of contents (nav document, else NCX, else the "
	  "chapters' headings) is the outline. In a book, `--grep` prints "
	  "{CHAPTER}:{LINE}:{TEXT} and `--outline` "
	  "{LEVEL}<TAB>{CHAPTER}:{LINE}<TAB>{TITLE}, {CHAPTER} being the "
	  "chapter's place in the reading order (1-based) and {LINE} the "
	  "line of its XHTML file. An entry that expands past 64 MB, a "
	  "chapter outside or missing from the archive, and a zip that is no "
	  "book are said in place of the text (the last one on standard "
	  "error, with exit status 2)." },
	{ "reflow", 0, "MODE", ENUM(reflow, options_reflow_values),
	  "reflow", "auto", NULL,
	  "join the lines of hard-wrapped text into paragraphs",
	  "Line numbers shown and printed stay those of the file." },
	{ "raw", 0, NULL, SWITCH(raw), "raw", NULL, NULL,
	  "show the source as it is: no rendering, no reflow (an EPUB book: "
	  "its chapters' XHTML, one after another)", NULL },
	{ "script", 0, "SCRIPT", ENUM(script, options_script_values),
	  "script", "original", NULL,
	  "show the text in another script (OpenCC)", NULL },
	{ "grep", 0, "PATTERN", STRING(grep, NULL), "grep", NULL, "none",
	  "print the lines that {PATTERN} matches as {LINE}:{TEXT} and exit "
	  "(0: some matched, 1: none, 2: error)",
	  "Given a directory (its articles, as the shelf lists them) or "
	  "several files, each line is {FILE}:{LINE}:{TEXT}; a file that "
	  "cannot be read is reported and the others are still searched "
	  "(exit 2). A search folds full-width and compatibility forms to "
	  "their plain forms, case (smart case), and simplified and "
	  "traditional characters into one, and skips hidden pinyin "
	  "annotations." },
	{ "+/PATTERN", 0, NULL, PLUS, NULL, NULL, NULL,
	  "open at the first match of {PATTERN}", NULL },
	{ "highlight", 0, "TERM",
	  LIST(highlights, nhighlights, options_check_term), "highlight",
	  NULL, "none", "show {TERM} in its own colour; repeatable", NULL },
	{ "regex", 0, NULL, SWITCH(regex), "regex", NULL, NULL,
	  "patterns are regular expressions (PCRE2)", NULL },
	{ "case-sensitive", 0, NULL, SWITCH(case_sensitive),
	  "case-sensitive", NULL, NULL,
	  "match case exactly (by default a pattern without capitals "
	  "ignores case)", NULL },
	{ "no-fold-width", 0, NULL, SWITCH(no_fold_width), "no-fold-width",
	  NULL, NULL,
	  "full-width[[ ＡＩ１||]] and other compatibility forms no longer "
	  "match [[ai1||their plain forms]]", NULL },
	{ "no-fold-script", 0, NULL, SWITCH(no_fold_script),
	  "no-fold-script", NULL, NULL,
	  "[[traditional 網 no longer matches simplified 网||traditional "
	  "characters no longer match simplified ones]]", NULL },
	{ "annotate", 0, NULL, SWITCH(annotate), "annotate", NULL, NULL,
	  "give every Han character its reading, words first"
	  "[[ (銀(yín)行(háng))||]]; shown as `--pinyin` says (auto: show); the "
	  "text's own annotations win",
	  "A character with several readings is read as its word reads it, "
	  "in simplified or traditional text; a neutral tone is written "
	  "after a middle dot." },
	{ "define", 0, "WORD", STRING(define, NULL), "define", NULL, "none",
	  "print the dictionary entries (CC-CEDICT) of {WORD}, in either "
	  "script, and exit (0: found, 1: not found, 2: no dictionary data)",
	  "An entry gives the headword in both scripts, tone-marked pinyin, "
	  "senses one a line, longer words that start with it, and the "
	  "entries of its characters." },
	{ "pinyin-search", 0, NULL, SWITCH(pinyin_search), "pinyin-search",
	  NULL, NULL,
	  "a pattern of Latin letters also finds the Han text whose "
	  "readings spell it (yinhang finds [[银行||the word for bank]])",
	  NULL },
	{ "help", 'h', NULL, ACTION(help), NULL, NULL, NULL,
	  "show this help and exit", NULL },
	{ "version", 'V', NULL, ACTION(version), NULL, NULL, NULL,
	  "show the version and exit", NULL },
};

const size_t options_ndefs = sizeof options_defs / sizeof options_defs[0];

/* getopt_long's code for a long option without a short name. */
#define OPTIONS_CODE(i) (256 + (int)(i))

static struct option options_long[sizeof options_defs /
    sizeof options_defs[0] + 1];
static char options_short_text[2 + 2 * sizeof options_defs /
    sizeof options_defs[0]];

static void
options_init(void)
{
	size_t n = 0, k = 0;

	if (options_long[0].name != NULL)
		return;
	options_short_text[k++] = ':';
	for (size_t i = 0; i < options_ndefs; i++) {
		const struct options_def *d = &options_defs[i];

		if (d->kind == OPTIONS_PLUS)
			continue;
		options_long[n].name = d->name;
		options_long[n].has_arg = d->arg != NULL ? required_argument :
		    no_argument;
		options_long[n].flag = NULL;
		options_long[n].val = d->short_name ? d->short_name :
		    OPTIONS_CODE(i);
		n++;
		if (d->short_name) {
			options_short_text[k++] = d->short_name;
			if (d->arg != NULL)
				options_short_text[k++] = ':';
		}
	}
	options_short_text[k] = '\0';
}

const struct option *
options_getopt(void)
{
	options_init();
	return options_long;
}

const char *
options_short(void)
{
	options_init();
	return options_short_text;
}

const struct options_def *
options_find(const char *name)
{
	for (size_t i = 0; i < options_ndefs; i++)
		if (options_defs[i].kind != OPTIONS_PLUS &&
		    strcmp(options_defs[i].name, name) == 0)
			return &options_defs[i];
	return NULL;
}

const struct options_def *
options_find_code(int c)
{
	if (c >= 256 && (size_t)(c - 256) < options_ndefs)
		return &options_defs[c - 256];
	for (size_t i = 0; i < options_ndefs; i++)
		if (c != 0 && options_defs[i].short_name == c)
			return &options_defs[i];
	return NULL;
}

void
options_done(struct options *opts)
{
	free(opts->files);
	free(opts->binds);
	free(opts->colors);
	free(opts->highlights);
	opts->files = NULL;
	opts->highlights = NULL;
	opts->binds = opts->colors = NULL;
	opts->nfiles = opts->nhighlights = 0;
	opts->nbinds = opts->ncolors = 0;
}

static int
options_int(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* Whether WORD is one of the blank-separated words of LIST. */
static int
options_in_list(const char *list, const char *word)
{
	size_t n = strlen(word);

	while (list != NULL && *list != '\0') {
		size_t k = strcspn(list, " ");

		if (k == n && strncmp(list, word, n) == 0)
			return 1;
		list += k;
		list += strspn(list, " ");
	}
	return 0;
}

int
options_enum_value(const struct options_def *d, const char *value)
{
	for (const struct options_value *v = d->values; v->name; v++)
		if (strcmp(v->name, value) == 0 ||
		    options_in_list(v->aliases, value))
			return v->value;
	return -1;
}

const char *
options_enum_name(const struct options_def *d, int value)
{
	for (const struct options_value *v = d->values; v->name; v++)
		if (v->value == value)
			return v->name;
	return NULL;
}

/* "auto, narrow or wide": the names of the values of D. */
static char *
options_enum_list(const struct options_def *d)
{
	char *s = xstrdup(""), *t;

	for (const struct options_value *v = d->values; v->name; v++) {
		t = xasprintf("%s%s%s", s, v == d->values ? "" :
		    v[1].name == NULL ? " or " : ", ", v->name);
		free(s);
		s = t;
	}
	return s;
}

/* How a bad value of D is named: "width", "--cpm". */
static char *
options_label(const struct options_def *d)
{
	return d->label != NULL ? xstrdup(d->label) :
	    xasprintf("--%s", d->name);
}

/*
 * Read VALUE for D; store it in OPTS when not NULL.  0, or -1 and *err.
 */
static int
options_set(const struct options_def *d, const char *value,
    struct options *opts, char **err)
{
	char *base = (char *)opts, *label, *list;
	long v;

	switch (d->kind) {
	case OPTIONS_SWITCH:
	case OPTIONS_ACTION:
		if (opts != NULL)
			*(int *)(base + d->off) = 1;
		return 0;
	case OPTIONS_ENUM:
		if ((v = options_enum_value(d, value)) >= 0) {
			if (opts != NULL)
				*(int *)(base + d->off) = (int)v;
			return 0;
		}
		label = options_label(d);
		list = options_enum_list(d);
		*err = xasprintf(_("invalid %s '%s' (expected %s)"), label, value,
		    list);
		free(label);
		free(list);
		return -1;
	case OPTIONS_INT:
	case OPTIONS_LONG:
		if (options_int(value, d->lo, d->hi, &v) != 0) {
			label = options_label(d);
			*err = xasprintf(_("invalid %s '%s' (expected %ld to %ld)"),
			    label, value, d->lo, d->hi);
			free(label);
			return -1;
		}
		if (opts != NULL && d->kind == OPTIONS_INT)
			*(int *)(base + d->off) = (int)v;
		else if (opts != NULL)
			*(long *)(base + d->off) = v;
		return 0;
	case OPTIONS_STRING:
	case OPTIONS_LIST:
		if (d->check != NULL && d->check(value, err) != 0)
			return -1;
		if (opts == NULL)
			return 0;
		if (d->kind == OPTIONS_STRING) {
			*(const char **)(base + d->off) = value;
		} else {
			const char ***arr = (const char ***)(base + d->off);
			size_t *n = (size_t *)(base + d->count_off);

			*arr = xrealloc(*arr, (*n + 1) * sizeof **arr);
			(*arr)[(*n)++] = value;
		}
		return 0;
	case OPTIONS_PLUS:
		break;
	}
	*err = xasprintf(_("--%s cannot be set"), d->name);
	return -1;
}

int
options_check(const struct options_def *d, const char *value, char **err)
{
	return options_set(d, value, NULL, err);
}

/* +N and +/PATTERN (as in less) are taken out of ARGV before getopt. */
static int
options_plus(struct options *opts, int *argc, char **argv, char **err)
{
	long v;

	for (int i = 1; i < *argc; i++) {
		if (argv[i][0] == '+' && argv[i][1] >= '0' &&
		    argv[i][1] <= '9') {
			if (options_int(argv[i] + 1, 1, 1L << 40, &v) != 0) {
				*err = xasprintf(_("invalid line number '%s'"),
				    argv[i]);
				return -1;
			}
			opts->start_line = v;
		} else if (argv[i][0] == '+' && argv[i][1] == '/') {
			if (argv[i][2] == '\0') {
				*err = xstrdup(_("empty pattern in '+/'"));
				return -1;
			}
			opts->start_pattern = argv[i] + 2;
		} else
			continue;
		memmove(argv + i, argv + i + 1,
		    (size_t)(*argc - i - 1) * sizeof *argv);
		(*argc)--;
		i--;
	}
	return 0;
}

int
options_parse(struct options *opts, int argc, char **argv, char **err)
{
	const struct options_def *d;
	int c;

	memset(opts, 0, sizeof *opts);
	*err = NULL;
	for (size_t i = 0; i < options_ndefs; i++)
		if (options_defs[i].def != NULL &&
		    options_set(&options_defs[i], options_defs[i].def, opts,
		    err) != 0)
			return -1;	/* a bad table: the unit tests see it */
	if (options_plus(opts, &argc, argv, err) != 0)
		return -1;
	options_init();
	/* 0, not 1: glibc resets all of getopt's state only then (a
	 * previous parse may have stopped inside "-xh"). */
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, options_short_text, options_long,
	    NULL)) != -1) {
		if (c == ':') {
			*err = xasprintf(_("option '%s' needs a value"),
			    argv[optind - 1]);
			goto fail;
		}
		if (c == '?' && (d = options_find_code(optopt)) != NULL &&
		    d->arg == NULL && optopt >= 256) {
			*err = xasprintf(_("option '--%s' takes no value"),
			    d->name);
			goto fail;
		}
		if (c == '?' || (d = options_find_code(c)) == NULL) {
			if (optopt > 0 && optopt < 256)
				*err = xasprintf(_("unknown option '-%c'"), optopt);
			else
				*err = xasprintf(_("unknown option '%s'"),
				    argv[optind - 1]);
			goto fail;
		}
		if (options_set(d, optarg, opts, err) != 0)
			goto fail;
	}
	opts->files = xcalloc((size_t)(argc - optind) + 1, sizeof *opts->files);
	for (int i = optind; i < argc; i++)
		opts->files[opts->nfiles++] = argv[i];
	return 0;
fail:
	options_done(opts);
	return -1;
}

int
options_bind(const char *value, struct keymap_bind *out, char **err)
{
	char **w, *joined = NULL;
	int n = util_split(value, &w, err), rc = -1;

	if (n < 0)
		return -1;
	if (n == 2 || n == 3)
		joined = n == 2 ? xasprintf("%s %s", w[0], w[1]) :
		    xasprintf("%s %s %s", w[0], w[1], w[2]);
	if (joined == NULL)
		*err = xasprintf(_("invalid bind '%s' (expected [MODE] KEY "
		    "COMMAND, e.g. 'J line-down' or 'panel J next')"), value);
	else
		rc = keymap_bind_parse(joined, out, err);
	free(joined);
	for (int i = 0; i < n; i++)
		free(w[i]);
	free(w);
	return rc;
}

/* The documentation: --help, the README table and the man page. */

/* A growing string. */
struct options_buf {
	char *s;
	size_t len, cap;
};

static void
options_put(struct options_buf *b, const char *s, size_t n)
{
	b->s = xgrow(b->s, &b->cap, b->len + n + 1, 1);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
options_puts(struct options_buf *b, const char *s)
{
	options_put(b, s, strlen(s));
}

static void
options_printf(struct options_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
options_printf(struct options_buf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	options_puts(b, s);
	free(s);
}

/* The output forms of the doc markup: `literal` and {PLACEHOLDER}. */
enum options_doc {
	OPTIONS_DOC_HELP,	/* plain text */
	OPTIONS_DOC_README,	/* Markdown, inside a table cell */
	OPTIONS_DOC_MAN,	/* roff */
};

/* TEXT with its markup in form F. */
static void
options_markup(struct options_buf *b, const char *text, enum options_doc f)
{
	int lit = 0;

	for (const char *s = text; *s != '\0'; s++) {
		const char *alt, *end;

		if (s[0] == '[' && s[1] == '[' &&
		    (alt = strstr(s, "||")) != NULL &&
		    (end = strstr(alt, "]]")) != NULL) {
			/* [[TERMINAL||MAN]]: the man page stays ASCII. */
			char *part = f == OPTIONS_DOC_MAN ?
			    xstrndup(alt + 2, (size_t)(end - alt - 2)) :
			    xstrndup(s + 2, (size_t)(alt - s - 2));

			options_markup(b, part, f);
			free(part);
			s = end + 1;
		} else if (*s == '`') {
			lit = !lit;
			if (f == OPTIONS_DOC_README)
				options_puts(b, "`");
			else if (f == OPTIONS_DOC_MAN)
				options_puts(b, lit ? "\\fB" : "\\fR");
		} else if (*s == '{' && !lit) {
			if (f == OPTIONS_DOC_MAN)
				options_puts(b, "\\fI");
			else if (f == OPTIONS_DOC_README)
				options_puts(b, "*");
		} else if (*s == '}' && !lit) {
			if (f == OPTIONS_DOC_MAN)
				options_puts(b, "\\fR");
			else if (f == OPTIONS_DOC_README)
				options_puts(b, "*");
		} else if (f == OPTIONS_DOC_MAN && *s == '-')
			options_puts(b, "\\-");
		else if (f == OPTIONS_DOC_MAN && *s == '\\')
			options_puts(b, "\\e");
		else if (f == OPTIONS_DOC_MAN && *s == '\'' && lit)
			options_puts(b, "\\(aq");
		else if (f == OPTIONS_DOC_MAN && (*s == '.' || *s == '\'') &&
		    (s == text || s[-1] == '\n'))
			options_printf(b, "\\&%c", *s);
		else if (f == OPTIONS_DOC_README && *s == '|')
			options_puts(b, lit ? "\\|" : "\\|");
		else if (f == OPTIONS_DOC_README && *s == '<' && !lit)
			options_puts(b, "&lt;");
		else
			options_put(b, s, 1);
	}
}

/* S in the interface language for --help; the README and man page stay
 * English. */
static const char *
options_tr(const char *s, enum options_doc f)
{
	return f == OPTIONS_DOC_HELP ? _(s) : s;
}

/* The values of D as the docs list them: "auto (ask the terminal),
 * narrow, wide"; aliases after a slash: "simplified/simp". */
static void
options_values_doc(struct options_buf *b, const struct options_def *d,
    enum options_doc f)
{
	for (const struct options_value *v = d->values; v->name; v++) {
		struct options_buf lit = { NULL, 0, 0 };
		const char *a = v->aliases;

		options_printf(&lit, "`%s`", v->name);
		while (a != NULL && *a != '\0') {
			size_t n = strcspn(a, " ");

			options_printf(&lit, "/`%.*s`", (int)n, a);
			a += n;
			a += strspn(a, " ");
		}
		if (v != d->values)
			options_puts(b, options_tr(N_(", "), f));
		options_markup(b, lit.s, f);
		if (v->note != NULL)
			options_printf(b, f == OPTIONS_DOC_HELP ? _(" (%s)") :
			    " (%s)", options_tr(v->note, f));
		free(lit.s);
	}
}

/* What D does, with its values and default, in form F. */
static void
options_what(struct options_buf *b, const struct options_def *d,
    enum options_doc f, int with_default)
{
	options_markup(b, options_tr(d->help, f), f);
	if (d->values != NULL) {
		options_puts(b, options_tr(N_(": "), f));
		options_values_doc(b, d, f);
	}
	if (!with_default)
		return;
	if (d->def != NULL) {
		options_puts(b, options_tr(N_(" (default: "), f));
		options_markup(b, d->def, f);
		options_puts(b, options_tr(N_(")"), f));
	} else if (d->def_note != NULL && d->kind != OPTIONS_LIST &&
	    strcmp(d->def_note, "none") != 0) {
		options_puts(b, options_tr(N_(" (default: "), f));
		options_markup(b, options_tr(d->def_note, f), f);
		options_puts(b, options_tr(N_(")"), f));
	}
}

/* The option as written: "-w, --width=N", "+/PATTERN". */
static void
options_synopsis(struct options_buf *b, const struct options_def *d,
    enum options_doc f)
{
	if (d->kind == OPTIONS_PLUS) {
		if (f == OPTIONS_DOC_MAN) {
			/* +N: + bold, N italic. */
			options_printf(b, "\\fB+%s\\fR", d->name[1] == '/' ?
			    "/" : "");
			options_printf(b, "\\fI%s\\fR", d->name +
			    (d->name[1] == '/' ? 2 : 1));
		} else
			options_puts(b, d->name);
		return;
	}
	if (d->short_name && f == OPTIONS_DOC_MAN)
		options_printf(b, "\\fB\\-%c\\fR, ", d->short_name);
	else if (d->short_name)
		options_printf(b, "-%c, ", d->short_name);
	else if (f == OPTIONS_DOC_HELP)
		options_puts(b, "    ");
	if (f == OPTIONS_DOC_MAN) {
		options_puts(b, "\\fB");
		options_markup(b, "--", f);
		options_markup(b, d->name, f);
		options_puts(b, "\\fR");
		if (d->arg != NULL) {
			options_puts(b, "=\\fI");
			for (const char *s = d->arg; *s; s++)
				if (*s == '\'')
					options_puts(b, "\\(aq");
				else if (*s == '-')
					options_puts(b, "\\-");
				else
					options_put(b, s, 1);
			options_puts(b, "\\fR");
		}
	} else if (d->arg != NULL)
		options_printf(b, "--%s=%s", d->name, d->arg);
	else
		options_printf(b, "--%s", d->name);
}

/* Append the words of TEXT to B wrapped at 79 columns, INDENT columns in,
 * the first line starting at column COL. */
static void
options_wrap(struct options_buf *b, const char *text, int col, int indent)
{
	const char *s = text;

	while (*s != '\0') {
		size_t n = strcspn(s, " ");
		int w = width_string(s, n);

		int ascii = 1;

		for (size_t k = 0; k < n; k++)
			if ((unsigned char)s[k] >= 0x80)
				ascii = 0;
		if (col > indent && col + 1 + w > 79 && w <= 79 - indent &&
		    ascii) {
			/* A word that fits on the next line goes there. */
			options_printf(b, "\n%*s", indent, "");
			col = indent;
		} else if (col > indent) {
			options_puts(b, " ");
			col++;
		}
		/* Chinese (no spaces) is broken where it may be. */
		while (col + w > 79) {
			size_t cut = width_wrap(s, n, 79 - col);

			if (col > indent && width_string(s, cut) > 79 - col)
				cut = 0;
			options_put(b, s, cut);
			options_printf(b, "\n%*s", indent, "");
			col = indent;
			s += cut;
			n -= cut;
			w = width_string(s, n);
		}
		options_put(b, s, n);
		col += w;
		s += n;
		s += strspn(s, " ");
	}
}

char *
options_help(void)
{
	struct options_buf b = { NULL, 0, 0 };

	options_puts(&b, _(
"Usage: yuedu [OPTION]... [+LINE | +/PATTERN] [FILE]...\n"
"  or:  yuedu [OPTION]... DIR       (the shelf: the articles in DIR)\n"
"Read Chinese text in the terminal: exact columns, Chinese line breaking,\n"
"inline pinyin handled.  With no FILE, or when FILE is -, read standard\n"
"input.  When standard output is not a terminal, print the laid-out rows.\n"
"On a terminal, read in the full-screen reader: h lists its keys, q quits.\n"));
	options_puts(&b, "\n");
	for (size_t i = 0; i < options_ndefs; i++) {
		const struct options_def *d = &options_defs[i];
		struct options_buf left = { NULL, 0, 0 }, what = { NULL, 0, 0 };
		int col;

		options_puts(&left, "  ");
		options_synopsis(&left, d, OPTIONS_DOC_HELP);
		options_what(&what, d, OPTIONS_DOC_HELP, 1);
		col = width_string(left.s, left.len);
		options_puts(&b, left.s);
		if (col + 2 <= 24) {
			options_printf(&b, "%*s", 24 - col, "");
			col = 24;
		} else {
			options_puts(&b, " ");
			col++;
		}
		options_wrap(&b, what.s, col, 24);
		options_puts(&b, "\n");
		free(left.s);
		free(what.s);
	}
	options_puts(&b, "\n");
	options_puts(&b, _(
"Settings are read from $XDG_CONFIG_HOME/yuedu/config (KEY = VALUE, a key\n"
"being a long option name), then from YUEDU_OPTS, then from the command\n"
"line; later ones win.\n"));
	options_puts(&b, "\n");
	options_puts(&b, _(
"Exit status: 0 on success, 2 on a bad option or an unreadable file;\n"
"with --grep, 1 when nothing matched.\n"));
	return b.s;
}

char *
options_readme(void)
{
	struct options_buf b = { NULL, 0, 0 };

	options_puts(&b, "| option | what it does | default |\n"
	    "|---|---|---|\n");
	for (size_t i = 0; i < options_ndefs; i++) {
		const struct options_def *d = &options_defs[i];
		struct options_buf syn = { NULL, 0, 0 };

		options_synopsis(&syn, d, OPTIONS_DOC_README);
		options_puts(&b, "| `");
		options_markup(&b, syn.s, OPTIONS_DOC_README);
		options_puts(&b, "` | ");
		options_what(&b, d, OPTIONS_DOC_README, 0);
		options_puts(&b, " | ");
		if (d->def != NULL) {
			options_puts(&b, "`");
			options_puts(&b, d->def);
			options_puts(&b, "`");
		} else if (d->def_note != NULL)
			options_markup(&b, d->def_note, OPTIONS_DOC_README);
		options_puts(&b, " |\n");
		free(syn.s);
	}
	return b.s;
}

char *
options_man(void)
{
	struct options_buf b = { NULL, 0, 0 };

	for (size_t i = 0; i < options_ndefs; i++) {
		const struct options_def *d = &options_defs[i];
		const char *m = d->more;

		options_puts(&b, ".TP\n");
		options_synopsis(&b, d, OPTIONS_DOC_MAN);
		options_puts(&b, "\n");
		/* Sentence case in the man page: "Wrap at N columns." */
		{
			struct options_buf w = { NULL, 0, 0 };

			options_what(&w, d, OPTIONS_DOC_MAN, 1);
			if (w.s[0] >= 'a' && w.s[0] <= 'z')
				w.s[0] = (char)(w.s[0] - 'a' + 'A');
			options_puts(&b, w.s);
			options_puts(&b, ".\n");
			free(w.s);
		}
		while (m != NULL && *m != '\0') {
			size_t n = strcspn(m, "\n");
			char *para = xstrndup(m, n);

			options_puts(&b, ".IP\n");
			options_markup(&b, para, OPTIONS_DOC_MAN);
			options_puts(&b, "\n");
			free(para);
			m += n;
			m += strspn(m, "\n");
		}
	}
	return b.s;
}
