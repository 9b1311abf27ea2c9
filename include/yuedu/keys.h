/*
 * Keys: one table of named commands, each with its keys, a line of help
 * and the pager function it runs.  The same table drives dispatch, the
 * help screen (h) and the README key list.  No curses here: the screen
 * turns curses key codes into keycode.h codes.
 */
#ifndef YUEDU_KEYS_H
#define YUEDU_KEYS_H

#include <stddef.h>

#include "yuedu/keycode.h"
#include "yuedu/pager.h"

#define KEYS_PER_COMMAND 6

struct keys_command {
	const char *name;		/* e.g. "line-down" */
	int keys[KEYS_PER_COMMAND];	/* 0-terminated when fewer */
	const char *help;		/* one line, e.g. "one line down" */
	/* Runs the command; COUNT is the number typed before, 0 if none. */
	enum pager_action (*fn)(struct pager *p, long count);
};

/* The command table, and its length. */
extern const struct keys_command keys_table[];
extern const size_t keys_count;

/*
 * Handle one key (a Unicode code point or a KEYCODE_* code): counts, the
 * letter after m and ', the help screen, the outline panel and its
 * filter, then the table.  Clears the previous message.
 */
enum pager_action keys_dispatch(struct pager *p, int key);

/*
 * Key bindings from the configuration, over the table: KEY (a name as
 * keycode_parse() accepts: one character, ^X, or Enter Space Tab Esc
 * Backspace Up Down Left Right PgUp PgDn Home End) runs COMMAND (a name of
 * keys_table) from now on, whatever it did before; the help screen shows
 * it.  Returns 0, or -1 with *err set (caller frees) for an unknown key
 * or command.  The table itself never changes.
 */
int keys_bind(const char *key, const char *command, char **err);
/* Forget every binding. */
void keys_bind_reset(void);

/* 1 if NAME is a command of keys_table (the check config uses). */
int keys_command_exists(const char *name);

/* Lines of the help screen, and line I of it (caller frees). */
size_t keys_help_lines(void);
char *keys_help_line(size_t i);

/*
 * The README line of command I, e.g. "- `j` `↓` `Enter` — one line down".
 * Caller frees.
 */
char *keys_readme_line(size_t i);

#endif
