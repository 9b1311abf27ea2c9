/*
 * The dictionary's say on a word, as text: its CC-CEDICT entries (headword
 * in both scripts, tone-marked pinyin, senses), longer words that start
 * with it, and the entries of its characters.  --define prints it and the
 * word popup draws it.
 */
#ifndef YUEDU_DEFINE_H
#define YUEDU_DEFINE_H

#include <stddef.h>

struct lexicon;

/*
 * The text for WORD (N bytes): lines ending in '\n', e.g.
 *
 *   银行 銀行 [yín háng]
 *     bank
 *     CL:家[jia1],個|个[ge4]
 *   longer: 银行家 银行卡 ...
 *   银 銀 [yín] silver; silver-colored; ...
 *   行 [xíng] to walk; to go; ...
 *
 * Returns NULL when the dictionary has no entry for WORD (its parts are
 * not enough).  Caller frees.
 */
char *define_text(const struct lexicon *lex, const char *word, size_t n);

/*
 * The same, or when the dictionary has no entry for WORD, a line saying
 * so and its characters' entries (what the word popup shows for 經社).
 * Never NULL.  Caller frees.
 */
char *define_text_or_parts(const struct lexicon *lex, const char *word,
    size_t n);

#endif
