/*
 * The reading-aid data: data/words.bin (words with frequencies and
 * readings, characters with readings and simplified forms) and
 * data/cedict.bin (CC-CEDICT), both made by tools/gen_lexicon.py and mapped
 * read-only on first use.  Nothing here is loaded before a caller asks.
 *
 * words.bin, little-endian:
 *   header (64 bytes): "YDWORDS1", u32 nsyl, syl_off, nchar, char_off,
 *     nword, block_words, nblock, idx_off, blk_off, blk_len, f32 ln(total)
 *   syllables: nsyl x 8 bytes, NUL-padded UTF-8 ("háng"); id 0 is ""
 *   characters: nchar x 20 bytes sorted by code point: u32 cp, u32 simplified
 *     cp (0: same), u16 usual reading, u16 other readings x4 (toneless),
 *     u8 frequency (0 none, else 1 + 12 ln count), u8 0
 *   block index: (nblock + 1) x u32 offsets into the blocks
 *   blocks: block_words words each, sorted by UTF-8 bytes, front-coded:
 *     u8 bytes shared with the previous key, u8 suffix length | 0x80 when a
 *     reading follows, u8 frequency, suffix, [u16 syllable per character]
 *
 * cedict.bin: header (64 bytes): "YDCEDIC1", u32 nent, block_ents, keyidx_off,
 *   tradidx_off, zidx_off, keys_off, keys_len, z_off, z_len; u32 key offsets
 *   (entries in simplified order); u32 entry numbers in traditional order;
 *   (nblock + 1) x {u32 offset, u32 length} of zlib blocks; keys
 *   "simp\0trad\0" (trad empty when the same); zlib blocks of
 *   "pinyin\tsenses\n" lines, block_ents entries each.
 */
#ifndef YUEDU_LEXICON_H
#define YUEDU_LEXICON_H

#include <stddef.h>
#include <stdint.h>

struct lexicon;

enum lexicon_status {
	LEXICON_OK = 0,
	LEXICON_MISSING,	/* no data directory holds the files */
	LEXICON_BAD,		/* a file is not what gen_lexicon.py writes */
};

/*
 * The shared lexicon, opened on the first call from the directory
 * $YUEDU_LEXICON if set, else the first of: ../share/yuedu beside the
 * executable, the install directory, the source tree's data/.  Returns NULL when none works (and *status says why, if
 * STATUS is not NULL).  Lives until exit.
 */
struct lexicon *lexicon_get(enum lexicon_status *status);

/* Open the files in DIR.  NULL on failure with *status set.  Caller frees
 * with lexicon_free(). */
struct lexicon *lexicon_open(const char *dir, enum lexicon_status *status);
/* Open from memory (for tests and fuzzing); the buffers must outlive it.
 * Either may be NULL (then its lookups find nothing). */
struct lexicon *lexicon_open_mem(const void *words, size_t words_len,
    const void *cedict, size_t cedict_len, enum lexicon_status *status);
void lexicon_free(struct lexicon *lex);
/* The directory the shared lexicon came from ("" for memory). */
const char *lexicon_dir(const struct lexicon *lex);

/* What the table says of one character. */
struct lexicon_char {
	uint32_t simp;		/* simplified form (the character itself if none) */
	const char *reading;	/* usual reading, tone-marked; "" if none */
	const char *alt[4];	/* other readings, toneless; NULL-terminated */
	double logp;		/* ln of its probability as a one-character word */
};

/* 1 and *out filled when CP has an entry, else 0. */
int lexicon_char(const struct lexicon *lex, uint32_t cp,
    struct lexicon_char *out);

/* 1 if CP is a Han character (has an entry, or lies in a Han block). */
int lexicon_is_han(const struct lexicon *lex, uint32_t cp);

/* Syllable ID as text ("" for 0 or out of range).  Valid while LEX lives. */
const char *lexicon_syllable(const struct lexicon *lex, unsigned id);

/* A word of the table. */
struct lexicon_word {
	double logp;		/* ln of its probability as a word */
	int has_reading;	/* 1 if READING holds its own syllables */
	const unsigned char *reading; /* u16 LE syllable ids, one per char */
};

/*
 * Look up the folded (simplified) word KEY (N bytes).  Returns 1 and fills
 * *out when it is a word; 0 otherwise.  *longer (if not NULL) is set to 1
 * when some longer word starts with KEY, so that a caller extending KEY
 * character by character knows when to stop.
 */
int lexicon_word(const struct lexicon *lex, const char *key, size_t n,
    struct lexicon_word *out, int *longer);

/* One CC-CEDICT entry.  Caller frees the strings with lexicon_entry_done(). */
struct lexicon_entry {
	char *simp;
	char *trad;
	char *pinyin;		/* tone-marked, syllables separated by spaces */
	char *senses;		/* "sense/sense/..." as CC-CEDICT writes them */
};

/*
 * All entries whose simplified or traditional headword is WORD (N bytes),
 * in the dictionary's order (no entry twice).  Returns the count; *out is
 * allocated (caller frees it and each entry).  0 when none.
 */
size_t lexicon_define(const struct lexicon *lex, const char *word, size_t n,
    struct lexicon_entry **out);
void lexicon_entries_free(struct lexicon_entry *e, size_t n);

/*
 * Up to MAX distinct simplified headwords that start with WORD (N bytes,
 * either script) and are longer, shortest first among those found in
 * dictionary order.  Returns the count; *out and its strings are
 * allocated (caller frees each and the array).
 */
size_t lexicon_longer(const struct lexicon *lex, const char *word, size_t n,
    size_t max, char ***out);

#endif
