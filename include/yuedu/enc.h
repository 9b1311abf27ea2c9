/*
 * Encodings: detecting what a file is written in (UTF-8, UTF-16 with a
 * BOM, GB18030/GBK/GB2312, Big5/Big5-HKSCS, EUC-TW, HZ-GB-2312) and
 * converting it to UTF-8 for the rest of the program.
 */
#ifndef YUEDU_ENC_H
#define YUEDU_ENC_H

#include <stddef.h>

struct doc;

/*
 * The canonical name for NAME ("gbk" -> "GB18030", "big5hkscs" ->
 * "BIG5-HKSCS", "utf8" -> "UTF-8", "hz" -> "HZ-GB-2312"), or NULL when
 * yuedu does not know it.  Static storage.
 */
const char *enc_canonical(const char *name);

/*
 * Guess the encoding of S (N bytes; a prefix of the file is enough) by
 * BOM, decoding and plausibility (how much of the decoded text is common
 * Chinese characters and punctuation; a few bad sequences are tolerated
 * in clearly Chinese text, and short valid UTF-8 that reads as noise
 * loses to a clean, plainly Chinese legacy decoding).  Returns a
 * canonical name; "UTF-8" when nothing else fits.  *sure is set to 0 when
 * no candidate fitted (the text is then shown as UTF-8 with U+FFFD).
 */
const char *enc_detect(const char *s, size_t n, int *sure);

/*
 * Convert S (N bytes) from encoding NAME (canonical) to UTF-8.  Each run
 * of undecodable bytes becomes one U+FFFD.  *out is a new buffer (caller
 * frees), *out_len its length.  Returns 0, -1 when NAME is unknown to
 * the C library, or -2 when the progress hook (enc_set_progress) gave up.
 */
int enc_to_utf8(const char *name, const char *s, size_t n, char **out,
    size_t *out_len);

/*
 * Make DOC's text UTF-8: detect (or use FORCED, a name given by the user)
 * and convert when needed.  Returns 0, or -1 with *err set (an unknown
 * FORCED name), or ENC_INTERRUPTED (see enc_set_progress()).  *note is set (caller frees) when the reader should be
 * told something, e.g. that no encoding fitted.
 */
int enc_apply(struct doc *doc, const char *forced, char **note, char **err);

/*
 * Open PATH with doc_open() and decode it with enc_apply(): the text as
 * the reader reads it.  NULL with *err set ("PATH: why"; caller frees)
 * when it cannot be opened or decoded; *note as enc_apply() sets it.
 */
struct doc *enc_open(const char *path, const char *forced, char **note,
    char **err);

/*
 * While converting a whole text, call FN(ARG, DONE, TOTAL) every
 * ENC_STEP_BYTES of output with the input bytes converted so far; a
 * non-zero answer gives up: enc_apply() then returns ENC_INTERRUPTED
 * with *err "conversion from NAME interrupted" and DOC unchanged.  NULL:
 * no hook.
 */
#define ENC_STEP_BYTES (1 << 20)
#define ENC_INTERRUPTED (-2)
void enc_set_progress(int (*fn)(void *arg, size_t done, size_t total),
    void *arg);

#endif
