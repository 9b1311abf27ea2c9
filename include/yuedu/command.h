/*
 * Commands: one list of everything a key can do, in every mode.  Each row
 * is a name (what --bind and the config file use), the modes it runs in,
 * a line of help, what it needs (the outline) and the function.  Key maps
 * (keymap.h) map keys to these names; keys.c runs them.  A command is a
 * state change and never draws.  No curses here.
 */
#ifndef YUEDU_COMMAND_H
#define YUEDU_COMMAND_H

#include <stddef.h>

#include "yuedu/pager.h"

struct lineedit;
struct shelf_view;

/*
 * The modes keys are read in.  To add one: a value here (before
 * COMMAND_NMODES), its row in keymap.c's mode table (name, title, default
 * keys) and the commands that run in it (COMMAND_IN(mode) in their rows).
 */
enum command_mode {
	COMMAND_READER,		/* reading the text */
	COMMAND_HELP,		/* the help screen */
	COMMAND_PANEL,		/* the outline panel */
	COMMAND_PROMPT,		/* the search prompt (/ ? =) */
	COMMAND_FILTER,		/* the outline's and the shelf's filter */
	COMMAND_EDIT,		/* line editing, under PROMPT and FILTER */
	COMMAND_SHELF,		/* the shelf of articles */
	COMMAND_LETTER,		/* the letter after m ' : or - */
	COMMAND_WORD,		/* the word cursor and its dictionary popup */
	COMMAND_NMODES
};

#define COMMAND_IN(mode) (1u << (mode))

/* What a command needs before it runs. */
enum command_need {
	COMMAND_NEEDS_OUTLINE = 1 << 0,	/* waits for the outline job */
	/* Reads past what is rendered of a big text's first screens: the
	 * whole text is rendered first. */
	COMMAND_NEEDS_TEXT = 1 << 1,
	COMMAND_NEEDS_TEXT_COUNTED = 1 << 2,	/* the same with a count */
	COMMAND_NEEDS_TEXT_AT_END = 1 << 3,	/* the same at its end */
};

/* What a command runs on: the parts that exist in its mode. */
struct command_ctx {
	enum command_mode mode;	/* the mode the key was read in */
	struct pager *p;	/* the reader; NULL on the shelf */
	struct shelf_view *shelf;	/* the shelf; NULL in the reader */
	struct lineedit *edit;	/* the line edited (PROMPT, FILTER, EDIT) */
	int *help_open;		/* the help screen of the reader or shelf */
	size_t *help_top;	/* its first line shown */
	int page_rows;		/* rows of a page of the list shown */
	int key;		/* the key pressed (text for "insert") */
};

typedef enum pager_action (*command_fn)(struct command_ctx *c, long count);

struct command {
	const char *name;	/* e.g. "line-down" */
	unsigned modes;		/* COMMAND_IN() bits */
	const char *help;	/* one line, e.g. "one line down" */
	unsigned needs;		/* enum command_need bits */
	command_fn fn;		/* COUNT: typed before it, 0 if none */
};

/* The command list and its length. */
extern const struct command command_table[];
extern const size_t command_count;

/* The command NAME of MODE, or NULL. */
const struct command *command_find(enum command_mode mode, const char *name);

/* 1 if NAME is a command of some mode. */
int command_exists(const char *name);

#endif
