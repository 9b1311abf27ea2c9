/*
 * Reading time: how much text a byte range holds (CJK characters, words
 * in other scripts, characters in all) and how long it takes to read at
 * the configured rates.  Used by the shelf and the outline panel.
 */
#ifndef YUEDU_READTIME_H
#define YUEDU_READTIME_H

#include <stdatomic.h>
#include <stddef.h>

struct doc;
struct outline;

#define READTIME_CPM_DEFAULT 300	/* CJK characters per minute */
#define READTIME_WPM_DEFAULT 240	/* words per minute */

struct readtime_count {
	size_t chars;	/* characters: code points but spaces, controls, marks */
	size_t han;	/* CJK characters: Han ideographs, kana, Hangul */
	size_t words;	/* runs of letters or digits in other scripts */
};

/*
 * Count the text of S (N bytes of UTF-8) and add it to *OUT.  A word is a
 * run of letters, digits and combining marks; one ' ’ - or . between two
 * of them joins (don't, e-mail, 3.14).  Han characters are never part of a
 * word: 用AI做 is two CJK characters and one word.  Invalid bytes count as
 * one character per run.
 */
void readtime_count_add(const char *s, size_t n, struct readtime_count *out);

/*
 * Count bytes FROM_OFF..TO_OFF of DOC into *OUT (zeroed first), leaving
 * out inline pinyin annotations such as the (wǎng) of 網(wǎng), which a
 * reader does not read as words.
 */
void readtime_count_doc(struct doc *doc, size_t from_off, size_t to_off,
    struct readtime_count *out);

/*
 * The text of each section of OL in DOC: OUT[i] (OL->n entries, caller's
 * array) counts from heading i to the next heading of the same or a
 * higher level (so a chapter includes its sections), or to the end.
 * Annotations are left out as in readtime_count_doc().  One pass over
 * the text.
 */
void readtime_sections(struct doc *doc, const struct outline *ol,
    struct readtime_count *out);
/* The same, stopping early (the counts then incomplete) once *STOP is
 * set by another thread; STOP may be NULL. */
void readtime_sections_stop(struct doc *doc, const struct outline *ol,
    struct readtime_count *out, const atomic_int *stop);


/*
 * Minutes to read C at CPM CJK characters and WPM words per minute
 * (a rate <= 0 takes the default).
 */
double readtime_minutes(const struct readtime_count *c, long cpm, long wpm);

/*
 * MINUTES as a short label in BUF (at most SIZE bytes): "<1 min",
 * "12 min", "1 h 05 min", from 24 hours on days and hours ("2 d 5 h",
 * "61 d 8 h").  Returns BUF.
 */
char *readtime_format(double minutes, char *buf, size_t size);

/*
 * The same label in the interface language, for the screen ("12分钟"):
 * what programs read (the shelf list of a pipe) keeps readtime_format().
 * Its columns may differ from its bytes: measure it with width.c.
 */
char *readtime_say(double minutes, char *buf, size_t size);

/*
 * CHARS as a short label in BUF: "860", "12.3k", "1.2M" (k = 1000).
 * Returns BUF.
 */
char *readtime_format_count(size_t chars, char *buf, size_t size);

#endif
