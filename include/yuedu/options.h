/*
 * Command-line options: one table (options_defs) holds every option's
 * facts -- long and short name, argument, values and their aliases,
 * default, help text, config key -- and feeds the getopt_long parser,
 * --help, the config file and YUEDU_OPTS (config.c), --print-config and
 * the README and man page (tools/gen_opts_doc.c).  Parsing never prints
 * or exits; it returns a message.
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
	int panel_cols;			/* --panel-width N; 0 = automatic */
	int align;			/* --align: 0 left, 1 center */
	int paragraph;			/* --paragraph: enum layout_para */
	int panel_cols_args;		/* 1: panel-width came from the
					   command line (set by main.c) */
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
	int ui_language;		/* --ui-language: enum i18n_lang */
	const char **binds;		/* --bind values, "[MODE] KEY COMMAND"
					   (array owned, strings not) */
	size_t nbinds;
	const char **colors;		/* --color values, "ELEMENT SPEC" */
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

/* How an option's value is read and where it goes in struct options. */
enum options_kind {
	OPTIONS_SWITCH,		/* no value; sets an int to 1 */
	OPTIONS_ACTION,		/* a switch that asks for something once
				   (--help): not a setting */
	OPTIONS_ENUM,		/* one of values[] (or an alias): an int */
	OPTIONS_INT,		/* a number lo..hi: an int */
	OPTIONS_LONG,		/* a number lo..hi: a long */
	OPTIONS_STRING,		/* any text (after check): a const char * */
	OPTIONS_LIST,		/* repeatable text: a const char ** array
				   and its size_t count */
	OPTIONS_PLUS,		/* +N or +/PATTERN: an operand-like word
				   taken out before getopt; documented only */
};

/* A value of an OPTIONS_ENUM option. */
struct options_value {
	const char *name;	/* what --print-config and the docs say */
	const char *aliases;	/* other spellings, blank-separated, or NULL */
	int value;		/* stored in the option's field */
	const char *note;	/* a few words for the docs, or NULL */
};

/* One option: every fact about it, once. */
struct options_def {
	const char *name;	/* long name ("width"); for OPTIONS_PLUS the
				   word as written ("+N") */
	char short_name;	/* 'w', or 0 */
	const char *arg;	/* the value's name in the docs ("N"); NULL
				   for a switch */
	enum options_kind kind;
	size_t off;		/* offsetof(struct options, field) */
	size_t count_off;	/* OPTIONS_LIST: offsetof its count */
	const struct options_value *values;	/* OPTIONS_ENUM, NULL-ended */
	long lo, hi;		/* OPTIONS_INT, OPTIONS_LONG: the range */
	const char *label;	/* how a bad value is named ("width"); NULL:
				   "--NAME" */
	int (*check)(const char *value, char **err);	/* or NULL */
	const char *key;	/* config file key; NULL: not a setting */
	const char *def;	/* default as a value ("300"), or NULL */
	const char *def_note;	/* without def: what happens when unset */
	const char *help;	/* one or two sentences for --help and the
				   README; `x` marks a literal, {X} a
				   placeholder, [[A||B]] is A on a terminal,
				   B in the man page (which stays ASCII) */
	const char *more;	/* further text for the man page, or NULL;
				   paragraphs split by "\n" */
};

/* The table, in --help order, and its size. */
extern const struct options_def options_defs[];
extern const size_t options_ndefs;

/* The option named NAME (long name), or NULL. */
const struct options_def *options_find(const char *name);

/* The option of getopt_long's return value C (a short name or the code
 * options_getopt() gives a long one), or NULL. */
const struct options_def *options_find_code(int c);

/*
 * The getopt_long table (ended by a NULL name) and short-option string
 * made from options_defs, for the configuration layer, which walks
 * YUEDU_OPTS and the command line with them.  Static storage.
 */
struct option;
const struct option *options_getopt(void);
const char *options_short(void);

/*
 * Parse ARGV into OPTS (zeroed first, then the defaults of the table
 * set).  The strings in OPTS point into ARGV, which must outlive them.
 * Every call starts getopt afresh (a previous parse leaves nothing
 * behind).  Returns 0, or -1 with *err set to a message such as "unknown
 * option '--x'" (caller frees).
 */
int options_parse(struct options *opts, int argc, char **argv, char **err);

/* Free what options_parse() allocated. */
void options_done(struct options *opts);

/*
 * Check VALUE for option D as options_parse() would, e.g. "simp" for
 * --script.  Returns 0, or -1 with *err set (caller frees).
 */
int options_check(const struct options_def *d, const char *value,
    char **err);

/* The value VALUE of enum option D stands for (an alias included), or -1. */
int options_enum_value(const struct options_def *d, const char *value);

/* The name of value V of enum option D ("auto"), or NULL. */
const char *options_enum_name(const struct options_def *d, int v);

/* The --help text.  Caller frees. */
char *options_help(void);

/*
 * The option table as documentation: a Markdown table for the README and
 * the OPTIONS section body for the man page.  Caller frees.
 */
char *options_readme(void);
char *options_man(void);

struct keymap_bind;
/*
 * Parse the value of a bind setting, e.g. "J line-down", "^D
 * half-page-down", "panel J next", split as a shell would (so a quoted
 * key works): see keymap_bind_parse().  Returns 0 (OUT filled when not
 * NULL), or -1 with *err set (caller frees).
 */
int options_bind(const char *value, struct keymap_bind *out, char **err);

#endif
