/*
 * Keys: what a key press does.  The reader's and the shelf's state say
 * which mode a key is read in (help, the search prompt, the letter after
 * m, the outline panel or its filter, the text); the mode's key map
 * (keymap.h) says which command (command.h) runs.  No key is compared
 * here.  No curses here: the screen turns curses keys into keycode.h
 * codes.
 */
#ifndef YUEDU_KEYS_H
#define YUEDU_KEYS_H

#include "yuedu/command.h"
#include "yuedu/keycode.h"
#include "yuedu/pager.h"

struct shelf_view;

/* The mode the reader reads keys in now. */
enum command_mode keys_reader_mode(const struct pager *p);

/*
 * Handle one key (a code point or a KEYCODE_* code) in the reader: a
 * count, then the command of the key in the current mode.  Clears the
 * previous message.
 */
enum pager_action keys_dispatch(struct pager *p, int key);

/*
 * 1 when KEY, pressed now, runs a command that needs the outline (the
 * screen waits for the outline job first).
 */
int keys_needs_outline(const struct pager *p, int key);
/* 1 when KEY runs a command that reads past the first screens of a big
 * text rendered only that far (a search, G, the outline...). */
int keys_needs_text(struct pager *p, int key);

/*
 * Handle one key on the shelf V showing PAGE_ROWS entries: PAGER_OPEN
 * reads the entry under the cursor, PAGER_QUIT leaves.
 */
enum pager_action keys_shelf(struct shelf_view *v, int key, int page_rows);

#endif
