/*
 * Key codes: what a key press is once the terminal layer has read it, and
 * the names keys go by in help, the README and --bind.  A key is an int:
 * a Unicode code point, or a KEYCODE_* code above them for keys that are
 * not characters.  This sits at the bottom of the house: the key maps,
 * the line editor and the finder build on it.  No curses here.
 */
#ifndef YUEDU_KEYCODE_H
#define YUEDU_KEYCODE_H

/* Keys that are not characters; above every Unicode code point. */
enum keycode {
	KEYCODE_UP = 0x110001,
	KEYCODE_DOWN,
	KEYCODE_LEFT,
	KEYCODE_RIGHT,
	KEYCODE_PGUP,
	KEYCODE_PGDN,
	KEYCODE_HOME,
	KEYCODE_END,
	KEYCODE_BACKSPACE,
	KEYCODE_DELETE,
	KEYCODE_COLON = 0x120000,	/* ':' then a character C */
};

#define KEYCODE_ENTER '\n'
#define KEYCODE_ESC 033
#define KEYCODE_TAB '\t'
#define KEYCODE_CTRL(c) ((c) & 037)
#define KEYCODE_COLON_KEY(c) (KEYCODE_COLON + (c))	/* :n */

/*
 * The code of key NAME: one character, ^X, :X, or Enter Space Tab Esc
 * Backspace Delete Up Down Left Right PgUp PgDn Home End (any case).
 * -1 when NAME names no key.
 */
int keycode_parse(const char *name);

/*
 * The name of KEY as help shows it: "j", "↓", "Space", "^F", "PgDn", ":n";
 * "?" for a key it has no name for.  Valid until the next call.
 */
const char *keycode_name(int key);

/* 1 when KEY is a character that can be typed into a line (not a
 * control, not a KEYCODE_*). */
int keycode_is_text(int key);

#endif
