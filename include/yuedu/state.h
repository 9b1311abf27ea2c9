/*
 * The remembered place: where the reader was in each text, and its marks,
 * kept under $XDG_STATE_HOME/yuedu/ (default ~/.local/state/yuedu/).
 * Entries are keyed by the text, not the path, so a renamed copy is
 * recognised; a fingerprint of the text at the saved place keeps an
 * edited file from jumping to a wrong place.
 */
#ifndef YUEDU_STATE_H
#define YUEDU_STATE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct doc;

#define STATE_MARKS 26		/* marks 'a'..'z' */
#define STATE_MAX_ENTRIES 500	/* oldest entries beyond this are dropped */
/* A record is a few hundred bytes: a bigger file there is not read. */
#define STATE_RECORD_MAX ((long long)1 << 20)

struct state_place {
	size_t top_off;			/* byte offset of the top row */
	size_t seen_off;		/* byte offset just past the last text
					   shown (how far it has been read);
					   top_off when not saved */
	size_t mark_off[STATE_MARKS];	/* (size_t)-1 when unset */
	size_t doc_len;			/* length of the text when saved */
	int script;			/* the script view (enum conv_script),
					   -1 when not saved */
	int annot;			/* the pinyin mode (enum annot_mode:
					   SHOW, HIDE or RUBY), -1 when not
					   saved */
	time_t saved;			/* when it was saved */
};

/*
 * The key of DOC's text: a hash of its length and content (the whole text
 * for up to 16 MiB, else its first and last 8 MiB).  Written into KEY as 16
 * hex digits.
 */
void state_key(const struct doc *doc, char key[17]);

/*
 * The state directory: $XDG_STATE_HOME/yuedu, else $HOME/.local/state/yuedu.
 * Caller frees.  NULL when neither variable is set.
 */
char *state_dir(void);

/*
 * Load the place saved for DOC from DIR.  Returns 1 when a place was found
 * and still fits the text (the text at the saved offsets is unchanged),
 * 0 when there is none, -1 on an error with *warn set to a one-line
 * message (caller frees).  Never fatal.  The record of the content is
 * tried first, then that of the path (also when the first is corrupt).
 * A record is opened without following a symbolic link or blocking (a
 * FIFO there is refused) and only when a regular file of at most
 * STATE_RECORD_MAX bytes.
 */
int state_load(const char *dir, struct doc *doc, struct state_place *out,
    char **warn);

/*
 * Save PLACE for DOC under DIR atomically (temporary file, fsync, rename,
 * fsync of DIR), creating DIR if needed, under DIR/lock (opened with
 * O_NOFOLLOW, a regular file only), then drop the oldest entries beyond
 * STATE_MAX_ENTRIES.  Returns 0, or -1 with *warn set (caller frees).
 */
int state_save(const char *dir, struct doc *doc,
    const struct state_place *place, char **warn);

/*
 * Settings remembered for every text (DIR/prefs, lines "NAME VALUE"),
 * e.g. "panel-width 30".  state_pref_get() returns the value of NAME, or
 * -1 when none is saved or the file cannot be read.  state_pref_set()
 * saves it atomically; 0, or -1 with *warn set (caller frees).
 */
long state_pref_get(const char *dir, const char *name);
int state_pref_set(const char *dir, const char *name, long value,
    char **warn);

/* Change the bound on entries (texts) kept; for tests. */
void state_set_max_entries(size_t n);

/* An empty place (top 0, no marks). */
void state_place_init(struct state_place *place);

#endif
