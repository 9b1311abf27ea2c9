/*
 * The line editor of every prompt and filter (the search prompt, the
 * outline filter, the shelf filter): a line of UTF-8 text with a cursor
 * that moves and deletes by whole characters (grapheme clusters), and a
 * history whose entries keep the mode they were typed in (e.g. regex).
 * The key maps (keymap.h) turn keys into these calls.  No curses here.
 */
#ifndef YUEDU_LINEEDIT_H
#define YUEDU_LINEEDIT_H

#include <stddef.h>
#include <stdint.h>

#define LINEEDIT_MAX 1024	/* bytes of a line, its NUL included */
#define LINEEDIT_HISTORY_MAX 100

struct lineedit {
	char buf[LINEEDIT_MAX];	/* NUL-ended UTF-8 */
	size_t len;		/* bytes in buf */
	size_t cur_off;		/* cursor: byte offset into buf, at the
				   start of a cluster (len: at the end) */
	unsigned long changes;	/* bumped by every change of the text */
};

/* Empty the line (a change when it was not empty). */
void lineedit_clear(struct lineedit *e);
/* Set the text to S (cut to fit at a character), cursor at the end. */
void lineedit_set(struct lineedit *e, const char *s);

/*
 * Insert code point CP at the cursor.  Returns 1, or 0 when CP is not
 * text (a control, a surrogate, a KEYCODE_*) or does not fit.
 */
int lineedit_insert(struct lineedit *e, uint32_t cp);

/* Cursor moves by cluster: ← →, Home/^A, End/^E. */
void lineedit_left(struct lineedit *e);
void lineedit_right(struct lineedit *e);
void lineedit_home(struct lineedit *e);
void lineedit_end(struct lineedit *e);

/* Deletions: the cluster before the cursor (Backspace), the one under
 * it (Delete), the word before it (^W: spaces, then non-spaces), all
 * before it (^U), all from it (^K). */
void lineedit_backspace(struct lineedit *e);
void lineedit_delete(struct lineedit *e);
void lineedit_kill_word(struct lineedit *e);
void lineedit_kill_start(struct lineedit *e);
void lineedit_kill_end(struct lineedit *e);

/* Columns of the text before the cursor, where the cursor is drawn. */
int lineedit_cursor_cols(const struct lineedit *e);

/*
 * A history of lines, oldest first, each with FLAGS (the caller's mode
 * bits, e.g. regex).  Adding a line already there moves it to the end.
 */
struct lineedit_entry {
	char *text;
	int flags;
};

struct lineedit_history {
	struct lineedit_entry v[LINEEDIT_HISTORY_MAX];
	size_t n;
	size_t pos;		/* entry shown while walking; n: the draft */
	char *draft;		/* what was typed before walking, or NULL */
	int draft_flags;
};

void lineedit_history_done(struct lineedit_history *h);
void lineedit_history_add(struct lineedit_history *h, const char *text,
    int flags);
/* The newest entry, or NULL. */
const struct lineedit_entry *lineedit_history_last(
    const struct lineedit_history *h);
/* Start walking from the draft (a new prompt). */
void lineedit_history_rewind(struct lineedit_history *h);
/*
 * ↑ (OLDER 1) or ↓ (0): put the older or newer entry into E and its
 * flags into *FLAGS; past the newest comes back the draft typed before
 * walking, with its flags.  Returns 1 when E changed.
 */
int lineedit_history_move(struct lineedit_history *h, struct lineedit *e,
    int older, int *flags);

#endif
