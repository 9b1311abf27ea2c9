/*
 * Search: a pattern matched against the text as the reader sees it, with
 * width/compatibility folding (NFKC), case folding, simplified/traditional
 * folding (OpenCC t2s, character by character) and hidden pinyin
 * annotations made transparent.  Matches are byte ranges of doc->text
 * that never split a grapheme cluster and never cross a line end.
 */
#ifndef YUEDU_SEARCH_H
#define YUEDU_SEARCH_H

#include <stddef.h>

#include "yuedu/annot.h"

struct doc;

enum search_case {
	SEARCH_CASE_SMART = 0,	/* ignore case unless the pattern has a capital */
	SEARCH_CASE_SENSITIVE,
	SEARCH_CASE_IGNORE,
};

struct search_opts {
	int regex;			/* PCRE2 (UTF) instead of a literal */
	enum search_case casing;
	int no_fold_width;		/* 1: ＡＩ is not ai, １ is not 1 */
	int no_fold_script;		/* 1: 網 is not 网 */
	enum annot_mode annot;		/* HIDE: annotations are transparent */
	/* The script the text is shown in (enum conv_script; 0: as written).
	 * Taiwan and Hong Kong views change phrases, not only characters:
	 * a literal pattern then also matches its mainland form, so 隨身碟
	 * typed in the Taiwan view finds the U盘 it shows. */
	int view_script;
	/* 1: a pattern of two or more Latin letters also finds the Han text
	 * whose readings spell it, toneless (yinhang: 银行, 銀行). */
	int pinyin;
};

struct search_match {
	size_t off;		/* byte offset of the first cluster matched */
	size_t end;		/* byte offset just past the last one */
};

enum search_status {
	SEARCH_FOUND = 0,
	SEARCH_NOT_FOUND,
	SEARCH_CANCELLED,	/* the progress callback asked to stop */
	SEARCH_ERROR,		/* a regular expression went past its
				   limits on a line: search_error() */
};

/*
 * The work of a regular expression on one line (or 1 MiB window) is
 * bounded: past SEARCH_MATCH_LIMIT steps of backtracking or
 * SEARCH_DEPTH_LIMIT of nesting the search stops with SEARCH_ERROR,
 * as grep -P does, rather than run for minutes or count it "no match".
 */
#define SEARCH_MATCH_LIMIT 10000000u
#define SEARCH_DEPTH_LIMIT 1000000u

/*
 * Called now and then during a long search with the byte offset reached
 * (going backward, the offset falls): every 4 MiB and at least every
 * SEARCH_TICK_MS.  Return nonzero to stop the search.
 */
#define SEARCH_TICK_MS 50
typedef int (*search_progress_fn)(void *arg, size_t off);

struct search;

/*
 * Compile PATTERN (UTF-8, NUL-terminated) with OPTS (NULL: defaults).
 * Returns NULL with *err set (caller frees) for an empty pattern or a bad
 * regular expression, e.g. "missing closing parenthesis at offset 1".
 * Free with search_free().
 */
struct search *search_new(const char *pattern, const struct search_opts *opts,
    char **err);
void search_free(struct search *s);

/*
 * Why the last search stopped with SEARCH_ERROR, e.g. "exceeded the
 * regular expression's backtracking limit", or NULL.  Valid
 * until the next search with S.  search_line() and search_text() find
 * nothing more once it is set; search_clear_error() starts afresh.
 */
const char *search_error(const struct search *s);
/* The byte offset in the text where that limit was hit. */
size_t search_error_off(const struct search *s);
void search_clear_error(struct search *s);

/* The pattern as given.  Valid until search_free(). */
const char *search_pattern(const struct search *s);

/*
 * Which foldings are in effect, as a short word list for a status line:
 * "case width script" for all three; "" when none.  Smart case counts as
 * case folding only when the pattern has no capitals.  Static storage.
 */
const char *search_foldings(const struct search *s);

/* 1 if case is ignored (smart case resolved), likewise width and script. */
int search_folds_case(const struct search *s);
int search_folds_width(const struct search *s);
int search_folds_script(const struct search *s);

/*
 * The matches in line LINE (0-based) of DOC, in order, not overlapping,
 * into *v (grown with xgrow, capacity *cap; caller frees).  Returns how
 * many.  Lines longer than 1 MiB are searched in windows; a match longer
 * than 64 KiB may be cut there.
 */
size_t search_line(struct search *s, struct doc *doc, size_t line,
    struct search_match **v, size_t *cap);
/* The same in bytes [OFF, END) of DOC, searched as if they were a line
 * (a piece of a long line, layout.h). */
size_t search_span(struct search *s, struct doc *doc, size_t off, size_t end,
    struct search_match **v, size_t *cap);

/*
 * The same for an arbitrary piece of text S (N bytes, no line ends);
 * offsets are BASE + offset into S.
 */
size_t search_text(struct search *s, const char *str, size_t n, size_t base,
    struct search_match **v, size_t *cap);

/*
 * The first match starting at or after byte FROM (forward), or the last
 * one starting before FROM (BACKWARD nonzero).  No wrapping.  PROGRESS
 * (may be NULL) is called about every 4 MiB.  Returns SEARCH_FOUND with
 * *out set, SEARCH_NOT_FOUND or SEARCH_CANCELLED.
 */
enum search_status search_find(struct search *s, struct doc *doc,
    size_t from, int backward, struct search_match *out,
    search_progress_fn progress, void *arg);

/*
 * Visit the matches starting in [V->from, V->to), in order.  V->on_line
 * (may be NULL) gets each matching line (0-based, as doc.h counts) with
 * all its matches in range; then V->on_match (may be NULL) gets each
 * match.  Either returns nonzero to stop.  V->progress (may be NULL) gets
 * V->arg too, about every 4 MiB.  Memory stays bounded (long lines are searched in windows;
 * line numbers are counted, not indexed).  Returns SEARCH_FOUND if any
 * match was seen, SEARCH_NOT_FOUND, or SEARCH_CANCELLED (PROGRESS or
 * ON_LINE asked to stop).
 */
typedef int (*search_match_fn)(void *arg, size_t line,
    const struct search_match *m);
typedef int (*search_line_fn)(void *arg, size_t line,
    const struct search_match *v, size_t n);
struct search_visit {
	size_t from, to;		/* byte range the matches start in */
	search_match_fn on_match;	/* each match, or NULL */
	search_line_fn on_line;		/* each matching line, or NULL */
	search_progress_fn progress;	/* about every 4 MiB, or NULL */
	void *arg;			/* handed to all three */
};
enum search_status search_each(struct search *s, struct doc *doc,
    const struct search_visit *v);

/*
 * Fold S (N bytes) as the search folds text (for tests and debugging):
 * a new NUL-terminated string (caller frees); *map, if not NULL, gets
 * one source offset per folded byte plus one for the end (caller frees).
 */
char *search_fold(struct search *s, const char *str, size_t n, size_t **map);

#endif
