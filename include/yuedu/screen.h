/*
 * The screen: the full-screen reader in ncursesw.  Only screen*.c and
 * main.c include curses; everything the reader knows about the text comes
 * from the pager, the layout and the outline.
 */
#ifndef YUEDU_SCREEN_H
#define YUEDU_SCREEN_H

struct doc;
struct options;

/*
 * Run the reader on DOC (the first of OPTS->files when there are several;
 * :n and :p open the others) until the user quits or a signal ends it.  Takes
 * the keyboard from standard input, or from /dev/tty when standard input
 * is the text.  Returns the exit status: 0 on q, 2 when there is no
 * usable terminal (after printing why on stderr), 128 + the signal number
 * after SIGINT, SIGTERM or SIGHUP.  The terminal is restored in every case.
 */
int screen_run(struct doc *doc, const struct options *opts,
    const char *note);

/*
 * The shelf of DIR on the terminal (screen_shelf.c): Enter reads an
 * article in the same session, q there comes back.  Returns the exit
 * status as screen_run() does; 2 when DIR cannot be read.
 */
int screen_shelf(const char *dir, const struct options *opts);

#ifdef NCURSES_VERSION
#include "yuedu/theme.h"

/*
 * How element E is drawn (with curses started): its attributes and
 * colour pair, built in or set by --color, already falling back to
 * attributes alone under NO_COLOR or when the terminal lacks the colour.
 */
void screen_style(enum theme_element e, attr_t *attr, short *pair);
#endif

#endif
