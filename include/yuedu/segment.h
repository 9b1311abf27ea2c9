/*
 * Words and readings of Chinese text.  Runs of Han characters are cut into
 * the lexicon's words along the most probable path (as jieba does: every
 * dictionary word is an edge of a graph over the run, weighted by its
 * frequency); each word then gives its characters their readings, so that
 * 银行 is yín háng and 行长 háng zhǎng.  Traditional text is looked up
 * through its simplified forms.  Pure: no I/O, no globals.
 */
#ifndef YUEDU_SEGMENT_H
#define YUEDU_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

struct lexicon;

enum segment_kind {
	SEGMENT_HAN,		/* a dictionary word or one Han character */
	SEGMENT_OTHER,		/* a run of letters and digits (not Han) */
};

struct segment_word {
	size_t off;		/* byte offset of the word (BASE + offset in S) */
	size_t end;		/* byte offset just past it */
	enum segment_kind kind;
};

/*
 * The words of S (N bytes, one line or less): Han words and runs of other
 * letters or digits, in order; spaces and punctuation belong to no word.
 * Offsets are BASE + offsets into S.  *out grows with xgrow (capacity
 * *cap); returns the count.  Caller frees *out.  LEX may be NULL (then
 * each Han character is a word).
 */
size_t segment_words(const struct lexicon *lex, const char *s, size_t n,
    size_t base, struct segment_word **out, size_t *cap);

struct segment_reading {
	size_t off;		/* byte offset of a Han character */
	size_t end;		/* byte offset just past it */
	char syl[8];		/* its reading, tone-marked ("háng"); "" if none */
};

/*
 * The reading of every Han character of S (N bytes), words first, with the
 * tone changes of 一 and 不 as spoken (一天 yì tiān, 不是 bú shì).  Offsets
 * and memory as for segment_words().
 */
size_t segment_readings(const struct lexicon *lex, const char *s, size_t n,
    size_t base, struct segment_reading **out, size_t *cap);

/*
 * The text of S (N bytes, one line) with a generated annotation "(syl)"
 * after every Han character that has a reading and no annotation of its
 * own (the text's annotations win), as the sample article writes them:
 * 銀(yín)行(háng).  *out is NUL-terminated (*out_len bytes; caller frees);
 * *map (caller frees) gives for each byte of *out, and for *out_len itself,
 * the offset in S it comes from, passed through IN_MAP when that is not
 * NULL (a map S already had, as conv_line() gives); inserted bytes map to
 * their character's offset.  LEX NULL copies S.
 */
void segment_annotate(const struct lexicon *lex, const char *s, size_t n,
    const uint32_t *in_map, char **out, size_t *out_len, uint32_t **map);

/*
 * Match the toneless pinyin PAT (PN bytes of lower-case ASCII letters; v or
 * u for ü) against the Han characters at the start of S (N bytes): each
 * character must spell the next syllable of PAT by one of its readings
 * (yinhang: 银行 and 銀行), and PAT must end where a syllable ends.
 * Returns the bytes of S matched, 0 if none.
 */
size_t segment_pinyin_match(const struct lexicon *lex, const char *s,
    size_t n, const char *pat, size_t pn);

/* The tone of a tone-marked syllable: 1-4, or 5 (neutral) when unmarked. */
int segment_tone(const char *syl);

#endif
