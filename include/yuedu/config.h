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

/* Where the effective value of option NAME (long name) came from. */
enum config_source config_source_of(const struct config *cfg,
    const char *name);


#endif
