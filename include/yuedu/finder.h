/*
 * The finder: search as the reader uses it.  The prompt being typed (and
 * its history), the current search with its current match, its count and
 * its matches per section, n/N with wrapping, and the highlight terms.
 * It moves the pager and leaves messages, but never draws: the screen
 * asks it for the coloured spans of each line.  No curses here.
 */
#ifndef YUEDU_FINDER_H
#define YUEDU_FINDER_H

#include <stddef.h>

#include "yuedu/lineedit.h"
#include "yuedu/pager.h"
#include "yuedu/search.h"

struct layout_line;
struct outline;

#define FINDER_TERMS_MAX 9		/* highlight terms, numbered 1..9 */
#define FINDER_STORE_MAX ((size_t)1 << 20)	/* match offsets kept */

#define FINDER_HIST_REGEX 1	/* a history entry was a regex */
#define FINDER_HIST_PINYIN 2	/* ... or searched by pinyin */

enum finder_prompt {
	FINDER_PROMPT_NONE = 0,
	FINDER_PROMPT_FORWARD,		/* / */
	FINDER_PROMPT_BACKWARD,		/* ? */
	FINDER_PROMPT_TERM,		/* = : a highlight term */
};

/* How a span is shown: highlight term K is FINDER_STYLE_TERM + K. */
enum finder_style {
	FINDER_STYLE_TERM = 0,
	FINDER_STYLE_MATCH = 100,	/* a match of the current search */
	FINDER_STYLE_CURRENT,		/* the current match */
};

struct finder_span {
	size_t off, end;	/* bytes of doc->text */
	int style;		/* enum finder_style */
};

struct finder_term {
	char *pattern;
	struct search *s;
};

struct finder {
	struct pager *p;		/* not owned */
	struct search_opts opts;	/* regex, case, foldings, annotations */
	/* Called during long searches (may be NULL); nonzero stops. */
	search_progress_fn progress;
	void *progress_arg;

	/* The prompt. */
	enum finder_prompt prompt;
	struct lineedit ed;		/* the pattern being typed */
	int prompt_regex;		/* ^R toggles it while typing */
	int prompt_pinyin;		/* ^P: pinyin search (search.h) */
	char *prompt_err;		/* why the pattern is unusable */
	int prompt_found;		/* 1 found, 0 not, -1 not known */
	size_t origin_top, origin_anchor;	/* where the reader was */
	size_t origin_bottom;		/* the end of the screen then */
	struct lineedit_history hist;	/* flags: FINDER_HIST_REGEX */

	/* The current search. */
	struct search *cur;
	int cur_regex;			/* it is a regular expression */
	int cur_pinyin;			/* it finds pinyin too */
	int backward;			/* it was started with ? */
	size_t cur_off, cur_end;	/* current match; PAGER_NO_OFF: none */
	int cur_hidden;			/* its highlights hidden until n/N */
	size_t *offs;			/* match starts, in order */
	size_t noffs, offs_cap;
	size_t first_end;		/* end of the match at offs[0] */
	size_t total;			/* matches counted */
	int counted;			/* 1 all, 0 not yet, -1 stopped */
	size_t *sec_counts;		/* per outline section */
	size_t nsec;
	const struct outline *sec_ol;	/* what sec_counts was made for */

	/* Saved while typing, restored by Esc. */
	struct search *saved_cur;
	int saved_backward, saved_regex, saved_pinyin;
	size_t saved_off, saved_end;

	struct finder_term terms[FINDER_TERMS_MAX];
	size_t nterms;
	int pending_remove;		/* '-' typed: a term number follows */

	struct search_match *tmp;
	size_t tmp_cap;
};

/* A finder for pager P (not owned) with search options OPTS. */
void finder_init(struct finder *f, struct pager *p,
    const struct search_opts *opts);
void finder_done(struct finder *f);
/* Move the search, its history and the highlight terms from FROM to TO,
 * a finder of the same text shown otherwise; their matches found again. */
void finder_carry(struct finder *to, struct finder *from);

/*
 * The prompt, as the key maps drive it: accept (Enter; alone, the last
 * search again in its mode), cancel (Esc: back to where the reader was),
 * toggle regular expressions (^R), walk the history (OLDER 1: ↑), each
 * entry coming back in the mode it was typed in.  finder_prompt_edited()
 * searches again after the line changed.
 */
enum pager_action finder_prompt_accept(struct finder *f);
enum pager_action finder_prompt_cancel(struct finder *f);
enum pager_action finder_prompt_regex(struct finder *f);
/* ^P: Latin letters also find Han text by pinyin (or not). */
enum pager_action finder_prompt_pinyin(struct finder *f);
enum pager_action finder_prompt_history(struct finder *f, int older);
void finder_prompt_edited(struct finder *f);

/* The number after '-' (1-9): remove that highlight term. */
enum pager_action finder_term_remove_key(struct finder *f, int key);

/* Open the prompt: / forward, ? backward, = a highlight term. */
enum pager_action finder_prompt_open(struct finder *f,
    enum finder_prompt kind);

/*
 * Search for PATTERN from the top (forward) and go to the first match,
 * as +/PATTERN does.  A message says when it is bad or not found.
 */
enum pager_action finder_start(struct finder *f, const char *pattern);

/* n (REVERSE 0) and N (1): the next match, wrapping with a message;
 * hidden highlights show again. */
enum pager_action finder_next(struct finder *f, int reverse);

/* Hide the current search's highlights (as less's ESC-u); n shows them. */
enum pager_action finder_hide(struct finder *f);

/* Highlight terms: add PATTERN (0, or -1 with a message), add the
 * current search, await the number of one to remove, remove all. */
int finder_term_add(struct finder *f, const char *pattern);
enum pager_action finder_term_add_current(struct finder *f);
enum pager_action finder_term_remove_start(struct finder *f);
enum pager_action finder_term_clear(struct finder *f);

/*
 * The coloured spans of the piece LL of the layout (a line, or a segment
 * of a long one, with a little of the text around it so a match across
 * its edge shows) into *v (grown with xgrow, capacity *cap; caller
 * frees): terms first, then matches, then the current match, so later
 * spans win where they overlap.  Returns the count.
 */
size_t finder_spans(struct finder *f, const struct layout_line *ll,
    struct finder_span **v, size_t *cap);

/*
 * For the status line: "2/5 [case width script]" (a "?" for what is not
 * known; "[regex ...]" for a regular expression), or NULL without a
 * search.  Caller frees.
 */
char *finder_status(struct finder *f);

/* The foldings the prompt would use, e.g. "regex case width script". */
char *finder_prompt_modes(struct finder *f);

/* Matches of the current search in section I of OL, its subsections
 * included (as readtime_sections() counts); -1 when unknown. */
long finder_section_count(struct finder *f, const struct outline *ol,
    size_t i);

#endif
