/*
 * Command-line options: one table of long options feeds the parser and
 * the --help text.  Parsing never prints or exits; it returns a message.
 */
#ifndef YUEDU_OPTIONS_H
#define YUEDU_OPTIONS_H

#include <stddef.h>

#include "yuedu/annot.h"
#include "yuedu/conv.h"

enum options_amb {
	OPTIONS_AMB_AUTO = 0,
	OPTIONS_AMB_NARROW,
	OPTIONS_AMB_WIDE,
};

struct options {
	int dump;			/* --dump */
	int outline;			/* --outline */
	const char *heading;		/* --heading=REGEX (not owned) */
	const char *encoding;		/* --encoding=NAME (not owned) */
	enum conv_script script;	/* --script */
	int width_cols;			/* -w N; 0 = terminal or 80 */
	enum options_amb ambiguous;	/* --ambiguous */
	enum annot_mode pinyin;		/* --pinyin */
	int annotate;			/* --annotate: pinyin on every Han
					   character */
	const char *define;		/* --define WORD (not owned) */
	int pinyin_search;		/* --pinyin-search: Latin patterns
					   spell the readings of Han text */
	long cpm;			/* --cpm: CJK characters a minute */
	long wpm;			/* --wpm: words a minute */
	int no_remember;		/* --no-remember */
	char **binds;			/* --bind values, "KEY COMMAND" */
	size_t nbinds;
	char **colors;			/* --color values, "ELEMENT SPEC" */
	size_t ncolors;
	int print_config;		/* --print-config */
	int help;			/* -h */
	int version;			/* -V */
	long start_line;		/* +N: 1-based line to open at; 0 = none */
	const char *start_pattern;	/* +/PATTERN: open at its first match */
	const char *grep;		/* --grep PATTERN (not owned) */
	int regex;			/* --regex */
	int case_sensitive;		/* --case-sensitive */
	int no_fold_width;		/* --no-fold-width */
	int no_fold_script;		/* --no-fold-script */
	const char **highlights;	/* --highlight TERM, in order (array
					   owned, strings not) */
	size_t nhighlights;
	int format;			/* --format: enum render_format */
	int reflow;			/* --reflow: enum render_reflow */
	int raw;			/* --raw: show the source as it is */
	char **files;			/* operands (not owned) */
	size_t nfiles;
};

/*
 * Parse ARGV into OPTS (zeroed first, then the defaults set).  The
 * strings in OPTS point into ARGV, which must outlive them.  Returns 0,
 * or -1 with *err set to a message such as "unknown option '--x'"
 * (caller frees).
 */
int options_parse(struct options *opts, int argc, char **argv, char **err);

/* Free what options_parse() allocated. */
void options_done(struct options *opts);

/* The --help text. Static storage. */
const char *options_help(void);

struct option;
/*
 * The getopt_long table (ended by a NULL name) and the short-option
 * string that options_parse() uses, for the configuration layer, which
 * reads every long option as a config key.  Static storage.
 */
const struct option *options_table(void);
const char *options_short(void);

#endif
