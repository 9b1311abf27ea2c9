/*
 * Configuration: settings from $XDG_CONFIG_HOME/yuedu/config, from
 * YUEDU_OPTS and from the command line, merged into one command line for
 * options_parse() (later sources win), with where each setting came from.
 * A config key is a long option name; values are checked by the same
 * parser as the command line.  Nothing here prints: warnings are kept.
 */
#ifndef YUEDU_CONFIG_H
#define YUEDU_CONFIG_H

#include <stddef.h>
#include <stdio.h>

enum config_source {
	CONFIG_DEFAULT = 0,	/* nobody set it */
	CONFIG_FILE,		/* a line of the config file */
	CONFIG_ENV,		/* YUEDU_OPTS */
	CONFIG_ARGS,		/* the command line */
};

/* One setting as a source gave it. */
struct config_item {
	const char *name;	/* long option name (static, the option table) */
	char *value;		/* the value; NULL for a switch */
	int on;			/* a switch: 1 set, 0 turned off (false/no) */
	enum config_source source;
	size_t line;		/* 1-based line in the config file, or 0 */
};

struct config {
	char *path;			/* the config file read, or NULL */
	int file_found;			/* it existed and was read */
	struct config_item *items;	/* every accepted setting, file first,
					   then YUEDU_OPTS, then arguments */
	size_t nitems;
	size_t items_cap;
	char **warnings;		/* one line each, e.g. "F:3: ..." */
	size_t nwarnings;
	size_t warnings_cap;
	char **argv;			/* the merged command line, NULL-ended */
	int argc;
	size_t nowned;			/* argv[1..nowned] are ours to free */
};

/*
 * The config file path: $XDG_CONFIG_HOME/yuedu/config when that variable
 * holds an absolute path, else $HOME/.config/yuedu/config.  Caller frees;
 * NULL when neither variable is set.
 */
char *config_path(void);

/*
 * Read the config file at PATH (NULL: none; a missing file is no error),
 * then ENV_OPTS (the value of YUEDU_OPTS, split as a shell would; NULL:
 * none), then note which settings ARGV (the command line, ARGC entries)
 * gives.  A bad line or a bad YUEDU_OPTS option is left out with a
 * warning such as "/home/u/.config/yuedu/config:3: invalid width 'x'
 * (expected 1 to 10000)"; the rest still applies.  Then cfg->argv holds
 * ARGV[0], the winning file and environment settings, then ARGV[1..]:
 * parsing it with options_parse() gives the effective options, with the
 * command line winning.  ARGV must outlive CFG (cfg->argv points into
 * it).  Release with config_done().
 */
/* A config file bigger than this, or not a regular file, is ignored with
 * a warning. */
#define CONFIG_FILE_MAX (1 << 20)
void config_load(struct config *cfg, const char *path, const char *env_opts,
    int argc, char **argv);
void config_done(struct config *cfg);

/*
 * Write the effective settings to OUT as config lines, each followed by
 * where it came from: "width = 72  # command line", "cpm = 300  #
 * default", "pinyin = hide  # /home/u/.config/yuedu/config:4".  Returns 0,
 * or -1 on a write error.
 */
int config_write(FILE *out, const struct config *cfg);

/*
 * Split S as a shell would split words: blanks separate, '...' keeps
 * everything, "..." keeps all but \" \\ \$ \`, a backslash outside
 * quotes escapes the next character.  Returns the number of words and
 * sets *words (NULL-ended; caller frees each and the array), or -1 with
 * *err set on an unterminated quote (caller frees).
 */
int config_split(const char *s, char ***words, char **err);

/* A key binding: "[MODE] KEY COMMAND" (see keymap_bind_parse()). */
struct config_bind {
	char mode[16];		/* the mode, e.g. "reader", "panel" */
	char key[16];		/* the key as named in the value, e.g. "J", "^F" */
	char command[48];	/* a command name from the key table */
};

/*
 * Parse the value of a bind setting, e.g. "J line-down", "^D
 * half-page-down", "panel J next": an optional mode (the reader without
 * one), a key as keycode_parse() reads it and a command of that mode's
 * key map (keymap.h).  Returns 0 (OUT
 * filled when not NULL), or -1 with *err set (caller frees).
 */
int config_bind_parse(const char *value, struct config_bind *out, char **err);

#define CONFIG_COLOR_NONE (-1)	/* the terminal's default colour */

enum config_attr {
	CONFIG_ATTR_BOLD = 1 << 0,
	CONFIG_ATTR_DIM = 1 << 1,
	CONFIG_ATTR_UNDERLINE = 1 << 2,
	CONFIG_ATTR_REVERSE = 1 << 3,
	CONFIG_ATTR_ITALIC = 1 << 4,
};

/* The screen elements that take a colour, by name. */
#define CONFIG_COLOR_ELEMENTS(X) \
	X(TEXT, "text") \
	X(STATUS, "status") \
	X(HEADING, "heading") \
	X(MATCH, "match") \
	X(CURRENT_MATCH, "current-match") \
	X(PANEL, "panel") \
	X(PANEL_CURRENT, "panel-current") \
	X(PINYIN, "pinyin") \
	X(SHELF_INFO, "shelf-info") \
	X(HEADING_2, "heading-2") \
	X(HEADING_3, "heading-3") \
	X(STRONG, "strong") \
	X(EMPHASIS, "emphasis") \
	X(STRIKE, "strike") \
	X(CODE, "code") \
	X(LINK, "link") \
	X(QUOTE, "quote") \
	X(MARK, "mark")

enum config_element {
#define CONFIG_X(e, name) CONFIG_ELEMENT_##e,
	CONFIG_COLOR_ELEMENTS(CONFIG_X)
#undef CONFIG_X
	CONFIG_ELEMENT_COUNT
};

struct config_color {
	enum config_element element;
	int fg;			/* 0..255, or CONFIG_COLOR_NONE */
	int bg;			/* 0..255, or CONFIG_COLOR_NONE */
	unsigned attrs;		/* CONFIG_ATTR_* bits */
};

/*
 * Parse the value of a color setting: "ELEMENT [ATTR...] [FG] [on BG]",
 * e.g. "match black on yellow", "heading bold cyan", "status reverse".
 * A colour is black red green yellow blue magenta cyan white (bright-
 * before one of them for 8..15), default, or a number 0..255; ATTR is
 * bold dim underline reverse italic or normal.  Returns 0 (OUT filled
 * when not NULL), or -1 with *err set (caller frees).
 */
int config_color_parse(const char *value, struct config_color *out,
    char **err);

/* The name of element E, e.g. "match". */
const char *config_element_name(enum config_element e);

#endif
