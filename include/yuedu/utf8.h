/*
 * The UTF-8 codec: the one decoder, encoder and backward step every module
 * uses.  Bad bytes are data: an invalid or truncated sequence decodes as
 * UTF8_INVALID and consumes one byte, so a caller always moves forward.
 */
#ifndef YUEDU_UTF8_H
#define YUEDU_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* What utf8_decode() gives for a byte that starts no valid sequence. */
#define UTF8_INVALID ((uint32_t)-1)

/*
 * Decode one code point at S (N > 0 bytes available).  Returns the bytes
 * used (1-4); an invalid, overlong, surrogate or truncated sequence gives
 * *cp = UTF8_INVALID and uses one byte.
 */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/*
 * Encode CP into OUT (4 bytes).  Returns the length (1-4), or 0 for a
 * surrogate or a value above U+10FFFF (nothing is written then).
 */
size_t utf8_encode(uint32_t cp, char out[4]);

/*
 * Byte offset of the code point that ends just before POS (POS > LO),
 * never before LO: steps back over at most three continuation bytes.
 */
size_t utf8_prev(const char *s, size_t lo, size_t pos);

#endif
