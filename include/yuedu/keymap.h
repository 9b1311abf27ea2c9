/*
 * Key maps: for each mode (command.h) its keys and the command each runs,
 * with the defaults kept here as data and the bindings of --bind and the
 * config file over them.  The help screen, the README key lists and the
 * man page are made from the same maps.  No curses here.
 */
#ifndef YUEDU_KEYMAP_H
#define YUEDU_KEYMAP_H

#include <stddef.h>

#include "yuedu/command.h"
#include "yuedu/keycode.h"

/* One key of a map. */
struct keymap_key {
	int key;		/* a code point or a KEYCODE_* code */
	const char *command;	/* a command name of the mode */
};

/* A mode's map. */
struct keymap_mode {
	const char *name;	/* as --bind names it, e.g. "panel" */
	const char *title;	/* heading in help, e.g. "Outline panel" */
	const struct keymap_key *keys;	/* the defaults, 0-key ended */
	int fallback;		/* mode whose map is looked in next, or -1 */
	const char *other;	/* command for keys no map has, or NULL */
	int counts;		/* digits typed first are a count */
};

extern const struct keymap_mode keymap_modes[COMMAND_NMODES];

/* The mode called NAME, or -1. */
int keymap_mode_find(const char *name);

/*
 * The command KEY runs in MODE: a binding, the defaults, then the same in
 * the fallback mode, then the mode's command for other keys.  NULL when
 * the key does nothing there.
 */
const struct command *keymap_lookup(enum command_mode mode, int key);

/*
 * Counts, in the modes that take them: a digit (0 only after another)
 * adds to *COUNT, and Esc drops a count being typed.  1 when KEY was
 * used so; keymap_is_count() says whether it would be.
 */
int keymap_count(long *count, int key);
int keymap_is_count(long count, int key);

/* A binding, parsed from "[MODE] KEY COMMAND". */
struct keymap_bind {
	int mode;		/* enum command_mode */
	int key;
	char key_name[16];	/* as given, e.g. "J", "^F" */
	const struct command *cmd;
};

/*
 * Parse a bind value: "KEY COMMAND" (the reader) or "MODE KEY COMMAND",
 * words split at spaces.  KEY as keycode_parse() reads it; COMMAND a
 * command of that mode.  Returns 0 (OUT filled when not NULL), or -1 with
 * *err set (caller frees).
 */
int keymap_bind_parse(const char *value, struct keymap_bind *out,
    char **err);

/* Bind B from now on (the defaults never change).  0, or -1 with *err
 * set (caller frees) when there are too many bindings. */
int keymap_bind(const struct keymap_bind *b, char **err);
/* Parse and bind; 0 or -1 with *err set (caller frees). */
int keymap_bind_str(const char *value, char **err);
/* Forget every binding. */
void keymap_bind_reset(void);

/*
 * The keys that run command CMD in MODE now (defaults not bound away,
 * then bindings), as names separated by SEP, e.g. "j ↓ Enter".  Caller
 * frees; "" when none.  With MAN, keys are named for the man page (Up,
 * not ↑).
 */
char *keymap_keys_of(enum command_mode mode, const struct command *cmd,
    const char *sep, int man);

/*
 * The help screen for COLS columns: every mode's keys, each command's
 * help wrapped under its own column.  *N gets the line count; the lines
 * are NUL-ended UTF-8.  Caller frees with keymap_help_free().
 */
char **keymap_help(int cols, size_t *n);
void keymap_help_free(char **lines, size_t n);

/*
 * The key list of MODE for README.md (Markdown: "- `j` `↓` — one line
 * down (`line-down`)" lines) or for the man page (roff .TP entries).
 * Caller frees.
 */
char *keymap_readme(enum command_mode mode);
char *keymap_man(enum command_mode mode);

#endif
