/*
 * The script view: the text shown in simplified or traditional characters
 * (mainland, Taiwan or Hong Kong standard) through OpenCC, converted one
 * line at a time as layout asks, with a map back to source offsets.
 */
#ifndef YUEDU_CONV_H
#define YUEDU_CONV_H

#include <stddef.h>
#include <stdint.h>

/*
 * The scripts, once: value, name (settings, messages), short name (the
 * status line; --script takes it too) and OpenCC configuration.  The
 * option table (options.c) makes --script's values from this list.
 */
#define CONV_SCRIPTS(X) \
	X(CONV_ORIGINAL, "original", "orig", NULL)	/* as written */ \
	X(CONV_SIMPLIFIED, "simplified", "simp", "t2s.json") \
	X(CONV_TRADITIONAL, "traditional", "trad", "s2t.json") \
	/* Taiwan standard, with phrases */ \
	X(CONV_TAIWAN, "taiwan", "tw", "s2twp.json") \
	X(CONV_HONGKONG, "hongkong", "hk", "s2hk.json")

enum conv_script {
#define CONV_X(e, name, abbr, config) e,
	CONV_SCRIPTS(CONV_X)
#undef CONV_X
	CONV_NSCRIPTS,
};

struct conv;

/*
 * A converter to SCRIPT (not CONV_ORIGINAL).  Returns NULL with *err set
 * (caller frees) when OpenCC cannot open its configuration.  Free with
 * conv_free().
 */
struct conv *conv_new(enum conv_script script, char **err);
void conv_free(struct conv *cv);
enum conv_script conv_get_script(const struct conv *cv);

/*
 * Convert S (N bytes, one line; any bytes) into *out (*out_len bytes,
 * caller frees).  *map (caller frees) gets *out_len + 1 entries: for each
 * output byte, the offset in S it comes from (the start of the phrase
 * when OpenCC's phrase tables changed the length); map[*out_len] == N.
 * Bytes that are not valid UTF-8, NULs and ASCII-only runs pass through
 * unchanged; ASCII inside a phrase converts with it (U盘 -> 隨身碟).
 */
void conv_line(struct conv *cv, const char *s, size_t n, char **out,
    size_t *out_len, uint32_t **map);

/* Convert a NUL-terminated string (e.g. a title).  Caller frees. */
char *conv_string(struct conv *cv, const char *s);

/* "original", "simplified", "traditional", "taiwan", "hongkong"; and back
 * (-1 when unknown). */
const char *conv_script_name(enum conv_script script);

/* "orig", "simp", "trad", "tw", "hk". */
const char *conv_script_abbr(enum conv_script script);
int conv_script_parse(const char *s);

#endif
