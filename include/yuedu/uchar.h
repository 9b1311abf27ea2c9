/*
 * Character classes shared by the analyses (search folding, annotations,
 * the outline, reading time): which code points are Han ideographs, kana
 * or hangul.  One definition each, so the modules agree on 〇 and the
 * supplementary planes.
 */
#ifndef YUEDU_UCHAR_H
#define YUEDU_UCHAR_H

#include <stdint.h>

/*
 * 1 if CP is a Han ideograph: the unified blocks (U+4E00..U+9FFF, the
 * extensions U+3400..U+4DBF and planes 2 and 3), the compatibility
 * ideographs U+F900..U+FAFF, and U+3007 〇 (the ideographic zero of
 * 二〇二四).  Not 々 (U+3005), an iteration mark.
 */
int uchar_is_han(uint32_t cp);

/* 1 if CP is hiragana or katakana (U+3041..U+30FF but ・ and ゠). */
int uchar_is_kana(uint32_t cp);

/* 1 if CP is a precomposed hangul syllable (U+AC00..U+D7AF). */
int uchar_is_hangul(uint32_t cp);

/*
 * 1 for a letter of a script written without spaces (Han, kana, hangul),
 * where each character counts as a word.
 */
int uchar_is_syllabic(uint32_t cp);

#endif
