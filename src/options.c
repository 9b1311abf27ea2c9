/*
 * Parsing the command line with getopt_long, from one option table that
 * also yields the --help text.
 */
#include "yuedu/options.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/config.h"
#include "yuedu/conv.h"
#include "yuedu/enc.h"
#include "yuedu/outline.h"
#include "yuedu/readtime.h"
#include "yuedu/render.h"
#include "yuedu/util.h"

enum {
	OPT_DUMP = 256,
	OPT_AMBIGUOUS,
	OPT_PINYIN,
	OPT_OUTLINE,
	OPT_HEADING,
	OPT_CPM,
	OPT_WPM,
	OPT_NO_REMEMBER,
	OPT_BIND,
	OPT_COLOR,
	OPT_PRINT_CONFIG,
	OPT_ENCODING,
	OPT_SCRIPT,
	OPT_GREP,
	OPT_REGEX,
	OPT_CASE_SENSITIVE,
	OPT_NO_FOLD_WIDTH,
	OPT_NO_FOLD_SCRIPT,
	OPT_HIGHLIGHT,
	OPT_FORMAT,
	OPT_REFLOW,
	OPT_RAW,
	OPT_ANNOTATE,
	OPT_DEFINE,
	OPT_PINYIN_SEARCH,
};

static const char options_short_text[] = ":w:hV";

static const struct option options_long[] = {
	{ "dump", no_argument, NULL, OPT_DUMP },
	{ "width", required_argument, NULL, 'w' },
	{ "ambiguous", required_argument, NULL, OPT_AMBIGUOUS },
	{ "pinyin", required_argument, NULL, OPT_PINYIN },
	{ "outline", no_argument, NULL, OPT_OUTLINE },
	{ "heading", required_argument, NULL, OPT_HEADING },
	{ "cpm", required_argument, NULL, OPT_CPM },
	{ "wpm", required_argument, NULL, OPT_WPM },
	{ "no-remember", no_argument, NULL, OPT_NO_REMEMBER },
	{ "bind", required_argument, NULL, OPT_BIND },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "print-config", no_argument, NULL, OPT_PRINT_CONFIG },
	{ "encoding", required_argument, NULL, OPT_ENCODING },
	{ "script", required_argument, NULL, OPT_SCRIPT },
	{ "grep", required_argument, NULL, OPT_GREP },
	{ "regex", no_argument, NULL, OPT_REGEX },
	{ "case-sensitive", no_argument, NULL, OPT_CASE_SENSITIVE },
	{ "no-fold-width", no_argument, NULL, OPT_NO_FOLD_WIDTH },
	{ "no-fold-script", no_argument, NULL, OPT_NO_FOLD_SCRIPT },
	{ "highlight", required_argument, NULL, OPT_HIGHLIGHT },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "reflow", required_argument, NULL, OPT_REFLOW },
	{ "raw", no_argument, NULL, OPT_RAW },
	{ "annotate", no_argument, NULL, OPT_ANNOTATE },
	{ "define", required_argument, NULL, OPT_DEFINE },
	{ "pinyin-search", no_argument, NULL, OPT_PINYIN_SEARCH },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static const char options_help_text[] =
"Usage: yuedu [OPTION]... [+LINE | +/PATTERN] [FILE]...\n"
"  or:  yuedu [OPTION]... DIR       (the shelf: the articles in DIR)\n"
"Read Chinese text in the terminal: exact columns, Chinese line breaking,\n"
"inline pinyin handled.  With no FILE, or when FILE is -, read standard\n"
"input.  When standard output is not a terminal, print the laid-out rows.\n"
"On a terminal, read in the full-screen reader: h lists its keys, q quits.\n"
"\n"
"  +N                    open at line N\n"
"      --dump            print the laid-out rows, one per line, and exit\n"
"  -w, --width=N         wrap at N columns (default: the terminal's width,\n"
"                        or 80 when output is not a terminal)\n"
"      --ambiguous=MODE  width of East Asian ambiguous characters (“ ” — …):\n"
"                        auto (ask the terminal), narrow, wide\n"
"      --pinyin=MODE     inline pinyin such as 網(wǎng): auto (hide when the\n"
"                        text has many), show, hide, ruby (above the\n"
"                        characters)\n"
"      --outline         print the headings as LEVEL<TAB>LINE<TAB>TITLE\n"
"                        and exit\n"
"      --heading=REGEX   lines matching REGEX (PCRE2) are the headings; the\n"
"                        first capturing group that matches sets the level\n"
"      --cpm=N           reading rate for Chinese, in characters per minute\n"
"                        (default 300)\n"
"      --wpm=N           reading rate for other scripts, in words per\n"
"                        minute (default 240)\n"
"      --no-remember     neither restore nor save the place in the text\n"
"      --bind='[MODE] KEY COMMAND'  run COMMAND (a name from MODE's\n"
"                        key map, the reader's by default; see the help\n"
"                        screen) on KEY; repeatable\n"
"      --color='ELEMENT SPEC'  colour of a screen element, e.g.\n"
"                        --color='match black on yellow'; repeatable\n"
"      --print-config    show the effective settings and where each came\n"
"                        from, and exit\n"
"      --encoding=NAME   read the file as NAME (UTF-8, UTF-16LE, UTF-16BE,\n"
"                        GB18030, GBK, GB2312, BIG5, BIG5-HKSCS, EUC-TW,\n"
"                        HZ-GB-2312); default: detect\n"
"      --format=FORMAT   how to read the file: auto (by its name and\n"
"                        content), text, markdown, html, epub\n"
"      --reflow=MODE     join the lines of hard-wrapped text into\n"
"                        paragraphs: auto (when the text looks wrapped),\n"
"                        on, off\n"
"      --raw             show the source as it is (no Markdown rendering,\n"
"                        no reflow)\n"
"      --script=SCRIPT   show the text in another script (OpenCC): original,\n"
"                        simplified, traditional, taiwan, hongkong\n"
"      --grep=PATTERN    print the lines that PATTERN matches as LINE:TEXT and\n"
"                        exit (0: some matched, 1: none, 2: error)\n"
"  +/PATTERN             open at the first match of PATTERN\n"
"      --highlight=TERM  show TERM in its own colour (repeatable)\n"
"      --regex           patterns are regular expressions (PCRE2)\n"
"      --case-sensitive  match case exactly (default: a pattern without\n"
"                        capitals ignores case)\n"
"      --no-fold-width   full-width ＡＩ１ and other compatibility forms no\n"
"                        longer match ai1\n"
"      --no-fold-script  traditional 網 no longer matches simplified 网\n"
"      --annotate        give every Han character its reading, words first\n"
"                        (銀(yín)行(háng)); shown as --pinyin says (auto:\n"
"                        show); the text's own annotations win\n"
"      --define=WORD     print the dictionary entries (CC-CEDICT) of WORD, in\n"
"                        either script, and exit (0: found, 1: not found)\n"
"      --pinyin-search   a pattern of Latin letters also finds the Han text\n"
"                        whose readings spell it (yinhang finds 银行)\n"
"  -h, --help            show this help and exit\n"
"  -V, --version         show the version and exit\n"
"\n"
"Settings are read from $XDG_CONFIG_HOME/yuedu/config (KEY = VALUE, a key\n"
"being a long option name), then from YUEDU_OPTS, then from the command\n"
"line; later ones win.\n"
"\n"
"Exit status: 0 on success, 2 on a bad option or an unreadable file;\n"
"with --grep, 1 when nothing matched.\n";

const char *
options_help(void)
{
	return options_help_text;
}

const struct option *
options_table(void)
{
	return options_long;
}

const char *
options_short(void)
{
	return options_short_text;
}

void
options_done(struct options *opts)
{
	free(opts->files);
	free(opts->binds);
	free(opts->colors);
	opts->files = NULL;
	free(opts->highlights);
	opts->highlights = NULL;
	opts->nhighlights = 0;
	opts->nfiles = 0;
	opts->binds = opts->colors = NULL;
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

int
options_parse(struct options *opts, int argc, char **argv, char **err)
{
	int c;
	long v;
	char **operands;
	size_t nops = 0;

	memset(opts, 0, sizeof *opts);
	opts->cpm = READTIME_CPM_DEFAULT;
	opts->wpm = READTIME_WPM_DEFAULT;
	*err = NULL;
	operands = xcalloc((size_t)argc + 1, sizeof *operands);
	/* +N and +/PATTERN (as in less) are taken out before getopt. */
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] == '+' && argv[i][1] >= '0' &&
		    argv[i][1] <= '9') {
			if (options_int(argv[i] + 1, 1, 1L << 40, &v) != 0) {
				*err = xasprintf("invalid line number '%s'",
				    argv[i]);
				free(operands);
				return -1;
			}
			opts->start_line = v;
		} else if (argv[i][0] == '+' && argv[i][1] == '/') {
			if (argv[i][2] == '\0') {
				*err = xstrdup("empty pattern in '+/'");
				free(operands);
				return -1;
			}
			opts->start_pattern = argv[i] + 2;
		} else
			continue;
		memmove(argv + i, argv + i + 1,
		    (size_t)(argc - i - 1) * sizeof *argv);
		argc--;
		i--;
	}
	optind = 0;	/* full reinitialisation (GNU): 1 would go on in the last argv */
	opterr = 0;
	while ((c = getopt_long(argc, argv, options_short_text, options_long,
	    NULL)) != -1) {
		switch (c) {
		case OPT_DUMP:
			opts->dump = 1;
			break;
		case OPT_ANNOTATE:
			opts->annotate = 1;
			break;
		case OPT_DEFINE:
			opts->define = optarg;
			break;
		case OPT_PINYIN_SEARCH:
			opts->pinyin_search = 1;
			break;
		case 'w':
			if (options_int(optarg, 1, 10000, &v) != 0) {
				*err = xasprintf("invalid width '%s' (expected "
				    "1 to 10000)", optarg);
				goto fail;
			}
			opts->width_cols = (int)v;
			break;
		case OPT_AMBIGUOUS:
			if (strcmp(optarg, "auto") == 0)
				opts->ambiguous = OPTIONS_AMB_AUTO;
			else if (strcmp(optarg, "narrow") == 0)
				opts->ambiguous = OPTIONS_AMB_NARROW;
			else if (strcmp(optarg, "wide") == 0)
				opts->ambiguous = OPTIONS_AMB_WIDE;
			else {
				*err = xasprintf("invalid --ambiguous '%s' "
				    "(expected auto, narrow or wide)", optarg);
				goto fail;
			}
			break;
		case OPT_PINYIN: {
			int m = annot_mode_parse(optarg);
			if (m < 0) {
				*err = xasprintf("invalid --pinyin '%s' "
				    "(expected auto, show, hide or ruby)",
				    optarg);
				goto fail;
			}
			opts->pinyin = (enum annot_mode)m;
			break;
		}
		case OPT_OUTLINE:
			opts->outline = 1;
			break;
		case OPT_SCRIPT: {
			int sc = conv_script_parse(optarg);
			if (sc < 0) {
				*err = xasprintf("invalid --script '%s' (expected "
				    "original, simplified, traditional, taiwan "
				    "or hongkong)", optarg);
				goto fail;
			}
			opts->script = (enum conv_script)sc;
			break;
		}
		case OPT_ENCODING:
			if (enc_canonical(optarg) == NULL) {
				*err = xasprintf("unknown encoding '%s'", optarg);
				goto fail;
			}
			opts->encoding = optarg;
			break;
		case OPT_HEADING:
			if (outline_check_regex(optarg, err) != 0)
				goto fail;
			opts->heading = optarg;
			break;
		case OPT_GREP:
			opts->grep = optarg;
			break;
		case OPT_REGEX:
			opts->regex = 1;
			break;
		case OPT_CASE_SENSITIVE:
			opts->case_sensitive = 1;
			break;
		case OPT_NO_FOLD_WIDTH:
			opts->no_fold_width = 1;
			break;
		case OPT_NO_FOLD_SCRIPT:
			opts->no_fold_script = 1;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "auto") == 0)
				opts->format = RENDER_AUTO;
			else if (strcmp(optarg, "text") == 0)
				opts->format = RENDER_TEXT;
			else if (strcmp(optarg, "markdown") == 0 ||
			    strcmp(optarg, "md") == 0)
				opts->format = RENDER_MARKDOWN;
			else if (strcmp(optarg, "html") == 0)
				opts->format = RENDER_HTML;
			else if (strcmp(optarg, "epub") == 0)
				opts->format = RENDER_EPUB;
			else {
				*err = xasprintf("invalid --format '%s' "
				    "(expected auto, text, markdown, html or "
				    "epub)", optarg);
				goto fail;
			}
			break;
		case OPT_REFLOW:
			if (strcmp(optarg, "auto") == 0)
				opts->reflow = RENDER_REFLOW_AUTO;
			else if (strcmp(optarg, "on") == 0)
				opts->reflow = RENDER_REFLOW_ON;
			else if (strcmp(optarg, "off") == 0)
				opts->reflow = RENDER_REFLOW_OFF;
			else {
				*err = xasprintf("invalid --reflow '%s' "
				    "(expected auto, on or off)", optarg);
				goto fail;
			}
			break;
		case OPT_RAW:
			opts->raw = 1;
			break;
		case OPT_HIGHLIGHT:
			if (optarg[0] == '\0') {
				*err = xstrdup("empty --highlight term");
				goto fail;
			}
			opts->highlights = xrealloc(opts->highlights,
			    (opts->nhighlights + 1) * sizeof *opts->highlights);
			opts->highlights[opts->nhighlights++] = optarg;
			break;
		case OPT_CPM:
		case OPT_WPM:
			if (options_int(optarg, 1, 100000, &v) != 0) {
				*err = xasprintf("invalid --%s '%s' (expected "
				    "1 to 100000)", c == OPT_CPM ? "cpm" : "wpm",
				    optarg);
				goto fail;
			}
			*(c == OPT_CPM ? &opts->cpm : &opts->wpm) = v;
			break;
		case OPT_NO_REMEMBER:
			opts->no_remember = 1;
			break;
		case OPT_BIND:
		case OPT_COLOR:
			if ((c == OPT_BIND ? config_bind_parse(optarg, NULL,
			    err) : config_color_parse(optarg, NULL, err)) != 0)
				goto fail;
			if (c == OPT_BIND) {
				opts->binds = xrealloc(opts->binds,
				    (opts->nbinds + 1) * sizeof *opts->binds);
				opts->binds[opts->nbinds++] = optarg;
			} else {
				opts->colors = xrealloc(opts->colors,
				    (opts->ncolors + 1) * sizeof *opts->colors);
				opts->colors[opts->ncolors++] = optarg;
			}
			break;
		case OPT_PRINT_CONFIG:
			opts->print_config = 1;
			break;
		case 'h':
			opts->help = 1;
			break;
		case 'V':
			opts->version = 1;
			break;
		case ':':
			*err = xasprintf("option '%s' needs a value",
			    argv[optind - 1]);
			goto fail;
		default:
			if (optopt != 0)
				*err = xasprintf("unknown option '-%c'", optopt);
			else
				*err = xasprintf("unknown option '%s'",
				    argv[optind - 1]);
			goto fail;
		}
	}
	for (int i = optind; i < argc; i++)
		operands[nops++] = argv[i];
	opts->files = operands;
	opts->nfiles = nops;
	return 0;
fail:
	free(operands);
	options_done(opts);
	return -1;
}
