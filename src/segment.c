/*
 * Segmentation owns the cutting of Han runs into words (jieba's graph of
 * dictionary words and its most probable route), the readings that follow
 * from the words, and matching toneless pinyin against Han text.
 */
#include "yuedu/segment.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/annot.h"
#include "yuedu/lexicon.h"
#include "yuedu/util.h"
#include "yuedu/uchar.h"
#include "yuedu/utf8.h"

/* Longest word tried, in characters; and the longest run cut at once. */
#define SEGMENT_WORD_MAX 16
#define SEGMENT_RUN_MAX 2048

struct segment_run {
	size_t n;			/* characters */
	uint32_t cp[SEGMENT_RUN_MAX];	/* as written */
	size_t off[SEGMENT_RUN_MAX + 1];/* byte offsets in the text */
	size_t foff[SEGMENT_RUN_MAX + 1];/* byte offsets in FOLD */
	char fold[SEGMENT_RUN_MAX * 4];	/* simplified UTF-8 */
	size_t wend[SEGMENT_RUN_MAX];	/* char index past the word at i */
	double route[SEGMENT_RUN_MAX + 1];
};

static int
segment_is_han(const struct lexicon *lex, uint32_t cp)
{
	if (cp == UTF8_INVALID)
		return 0;
	return lex ? lexicon_is_han(lex, cp) : uchar_is_han(cp);
}

static int
segment_is_alnum(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
	    (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0x24F &&
	    cp != 0xD7 && cp != 0xF7) || (cp >= 0xFF10 && cp <= 0xFF19) ||
	    (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A);
}

/* Read the Han run at S (N bytes) into R, at most SEGMENT_RUN_MAX
 * characters; returns the bytes read. */
static size_t
segment_read_run(const struct lexicon *lex, const char *s, size_t n,
    size_t base, struct segment_run *r)
{
	size_t i = 0, fo = 0;

	r->n = 0;
	while (i < n && r->n < SEGMENT_RUN_MAX) {
		uint32_t cp;
		size_t l = utf8_decode(s + i, n - i, &cp);
		if (!segment_is_han(lex, cp))
			break;
		struct lexicon_char c;
		uint32_t f = cp;
		if (lex && lexicon_char(lex, cp, &c))
			f = c.simp;
		r->cp[r->n] = cp;
		r->off[r->n] = base + i;
		r->foff[r->n] = fo;
		fo += utf8_encode(f, r->fold + fo);
		r->n++;
		i += l;
	}
	r->off[r->n] = base + i;
	r->foff[r->n] = fo;
	return i;
}

/* Cut R into words: r->wend[i] is where the word starting at i ends. */
static void
segment_route(const struct lexicon *lex, struct segment_run *r)
{
	size_t n = r->n;
	size_t best_end[SEGMENT_RUN_MAX];

	r->route[n] = 0;
	for (size_t i = n; i-- > 0;) {
		struct lexicon_char c;
		double lp = -30;
		if (lex && lexicon_char(lex, r->cp[i], &c))
			lp = c.logp;
		double best = lp + r->route[i + 1];
		size_t be = i + 1;
		for (size_t j = i + 2; lex && j <= n && j - i <= SEGMENT_WORD_MAX;
		    j++) {
			struct lexicon_word w;
			int longer = 0;
			if (lexicon_word(lex, r->fold + r->foff[i],
			    r->foff[j] - r->foff[i], &w, &longer)) {
				double v = w.logp + r->route[j];
				if (v > best) {
					best = v;
					be = j;
				}
			}
			if (!longer)
				break;
		}
		r->route[i] = best;
		best_end[i] = be;
	}
	for (size_t i = 0; i < n; i++)
		r->wend[i] = best_end[i];
}

size_t
segment_words(const struct lexicon *lex, const char *s, size_t n, size_t base,
    struct segment_word **out, size_t *cap)
{
	struct segment_run *r = NULL;
	size_t count = 0, i = 0;

	while (i < n) {
		uint32_t cp;
		size_t l = utf8_decode(s + i, n - i, &cp);
		if (segment_is_han(lex, cp)) {
			if (!r)
				r = xmalloc(sizeof *r);
			size_t used = segment_read_run(lex, s + i, n - i,
			    base + i, r);
			segment_route(lex, r);
			for (size_t k = 0; k < r->n; k = r->wend[k]) {
				*out = xgrow(*out, cap, count + 1, sizeof **out);
				(*out)[count].off = r->off[k];
				(*out)[count].end = r->off[r->wend[k]];
				(*out)[count].kind = SEGMENT_HAN;
				count++;
			}
			i += used;
		} else if (segment_is_alnum(cp)) {
			size_t start = i;
			i += l;
			while (i < n) {
				l = utf8_decode(s + i, n - i, &cp);
				if (!segment_is_alnum(cp))
					break;
				i += l;
			}
			*out = xgrow(*out, cap, count + 1, sizeof **out);
			(*out)[count].off = base + start;
			(*out)[count].end = base + i;
			(*out)[count].kind = SEGMENT_OTHER;
			count++;
		} else {
			i += l;
		}
	}
	free(r);
	return count;
}

int
segment_tone(const char *syl)
{
	static const char *const marks[4] = {
		"āēīōūǖ", "áéíóúǘ", "ǎěǐǒǔǚ", "àèìòùǜ",
	};

	for (const char *p = syl; *p; p++) {
		if ((unsigned char)*p < 0x80)
			continue;
		for (int t = 0; t < 4; t++) {
			for (const char *m = marks[t]; *m;) {
				size_t l = ((unsigned char)*m >= 0xE0) ? 3 : 2;
				if (strncmp(p, m, l) == 0)
					return t + 1;
				m += l;
			}
		}
	}
	return 5;
}

static void
segment_set(char *dst, const char *syl)
{
	size_t l = strlen(syl);

	if (l > 7)
		l = 7;
	memcpy(dst, syl, l);
	dst[l] = '\0';
}

static int
segment_is_numeral(uint32_t cp)
{
	static const char numerals[] = "〇零一二三四五六七八九十百千万亿第两";

	char buf[4];
	size_t l = utf8_encode(cp, buf);
	for (size_t i = 0; i + l <= sizeof numerals - 1; i += 3)
		if (memcmp(numerals + i, buf, l) == 0)
			return 1;
	return 0;
}

/* The tone changes of a lone 一 or 不, from the next character's tone. */
static void
segment_sandhi(const struct segment_run *r, size_t i, char syl[][8])
{
	uint32_t cp = r->cp[i];
	int next = i + 1 < r->n ? segment_tone(syl[i + 1]) : 0;

	/* Between a repeated word (行不行, 看一看) both are neutral. */
	if ((cp == 0x4E0D || cp == 0x4E00) && i > 0 && i + 1 < r->n &&
	    r->cp[i - 1] == r->cp[i + 1]) {
		segment_set(syl[i], cp == 0x4E0D ? "bu" : "yi");
		return;
	}
	if (cp == 0x4E0D) {		/* 不 */
		segment_set(syl[i], next == 4 ? "bú" : "bù");
	} else if (cp == 0x4E00) {	/* 一 */
		if (next == 0 || (i > 0 && segment_is_numeral(r->cp[i - 1])) ||
		    segment_is_numeral(r->cp[i + 1]))
			segment_set(syl[i], "yī");
		else if (next == 4)
			segment_set(syl[i], "yí");
		else if (next >= 1 && next <= 3)
			segment_set(syl[i], "yì");
		else
			segment_set(syl[i], "yí");	/* 一个 yí ge */
	}
}

static const char *
segment_char_reading(const struct lexicon *lex, uint32_t cp)
{
	struct lexicon_char c, f;

	if (!lex || !lexicon_char(lex, cp, &c))
		return "";
	if (c.simp != cp && lexicon_char(lex, c.simp, &f) && *f.reading)
		return f.reading;
	return c.reading;
}

size_t
segment_readings(const struct lexicon *lex, const char *s, size_t n,
    size_t base, struct segment_reading **out, size_t *cap)
{
	struct segment_run *r = NULL;
	char (*syl)[8] = NULL;
	size_t count = 0, i = 0;

	while (i < n) {
		uint32_t cp;
		size_t l = utf8_decode(s + i, n - i, &cp);
		if (!segment_is_han(lex, cp)) {
			i += l;
			continue;
		}
		if (!r) {
			r = xmalloc(sizeof *r);
			syl = xmalloc(SEGMENT_RUN_MAX * sizeof *syl);
		}
		size_t used = segment_read_run(lex, s + i, n - i, base + i, r);
		segment_route(lex, r);
		for (size_t k = 0; k < r->n; k = r->wend[k]) {
			size_t e = r->wend[k];
			struct lexicon_word w;
			int have = e - k > 1 && lexicon_word(lex,
			    r->fold + r->foff[k], r->foff[e] - r->foff[k], &w,
			    NULL) && w.has_reading;
			for (size_t c = k; c < e; c++) {
				if (have) {
					unsigned id = (unsigned)w.reading[2 *
					    (c - k)] | (unsigned)w.reading[2 *
					    (c - k) + 1] << 8;
					segment_set(syl[c],
					    lexicon_syllable(lex, id));
				} else {
					segment_set(syl[c],
					    segment_char_reading(lex, r->cp[c]));
				}
			}
		}
		for (size_t k = 0; k < r->n; k = r->wend[k])
			if (r->wend[k] == k + 1)
				segment_sandhi(r, k, syl);
		*out = xgrow(*out, cap, count + r->n, sizeof **out);
		for (size_t k = 0; k < r->n; k++) {
			(*out)[count].off = r->off[k];
			(*out)[count].end = r->off[k + 1];
			memcpy((*out)[count].syl, syl[k], 8);
			count++;
		}
		i += used;
	}
	free(r);
	free(syl);
	return count;
}

/* Does the toneless form of SYL (tone-marked) equal PAT[0..L)? */
static int
segment_syl_eq(const char *syl, const char *pat, size_t l)
{
	size_t k = 0;

	for (const unsigned char *p = (const unsigned char *)syl; *p;) {
		char base;
		if (*p < 0x80) {
			base = (char)*p++;
		} else {
			/* A marked vowel (or ü): find its base letter. */
			static const char *const v[] = {
				"āáǎàa", "ēéěèe", "īíǐìi", "ōóǒòo", "ūúǔùu",
				"ǖǘǚǜüv",
			};
			static const char bases[] = "aeiouv";
			size_t cl = (*p >= 0xE0) ? 3 : 2;
			base = 0;
			for (int b = 0; b < 6 && !base; b++) {
				const char *m = v[b];
				while (*m && !base) {
					size_t ml = ((unsigned char)*m >= 0xE0) ?
					    3 : ((unsigned char)*m >= 0x80 ? 2 : 1);
					if (ml == cl && memcmp(p, m, ml) == 0)
						base = bases[b];
					m += ml;
				}
			}
			if (!base)
				return 0;
			p += cl;
		}
		if (k >= l)
			return 0;
		char pc = pat[k];
		if (base == 'v' ? !(pc == 'v' || pc == 'u') : pc != base)
			return 0;
		k++;
	}
	return k == l;
}

static size_t
segment_match_from(const struct lexicon *lex, const char *s, size_t n,
    const char *pat, size_t pn, int depth)
{
	uint32_t cp;
	struct lexicon_char c;
	const char *cands[6];
	size_t nc = 0;

	if (pn == 0)
		return 0;
	if (n == 0 || depth > 64)
		return (size_t)-1;
	size_t l = utf8_decode(s, n, &cp);
	if (!lexicon_char(lex, cp, &c))
		return (size_t)-1;
	if (*c.reading)
		cands[nc++] = c.reading;
	for (int i = 0; i < 4 && c.alt[i]; i++)
		cands[nc++] = c.alt[i];
	/* Each syllable is 1-6 letters; try every length a reading fits. */
	for (size_t i = 0; i < nc; i++) {
		for (size_t sl = 1; sl <= 6 && sl <= pn; sl++) {
			if (!segment_syl_eq(cands[i], pat, sl))
				continue;
			size_t rest = segment_match_from(lex, s + l, n - l,
			    pat + sl, pn - sl, depth + 1);
			if (rest != (size_t)-1)
				return l + rest;
		}
	}
	return (size_t)-1;
}

size_t
segment_pinyin_match(const struct lexicon *lex, const char *s, size_t n,
    const char *pat, size_t pn)
{
	size_t r;

	if (!lex || pn == 0)
		return 0;
	r = segment_match_from(lex, s, n, pat, pn, 0);
	return r == (size_t)-1 ? 0 : r;
}

void
segment_annotate(const struct lexicon *lex, const char *s, size_t n,
    const uint32_t *in_map, char **out, size_t *out_len, uint32_t **map)
{
	struct segment_reading *r = NULL;
	struct annot_span *sp = NULL;
	size_t rcap = 0, scap = 0, nr = 0, ns, cap, k = 0, ri = 0, si = 0;
	char *o;
	uint32_t *m;

	ns = annot_find(s, n, 0, &sp, &scap);
	if (lex) {
		/* Read the text without its own annotations, so that words
		 * run across them (银(yíng)行: 行 is háng in 银行). */
		char *bare = xmalloc(n + 1);
		size_t *bmap = xmalloc((n + 1) * sizeof *bmap);
		size_t bl = 0, from = 0;
		for (size_t i = 0; i <= ns; i++) {
			size_t to = i < ns ? sp[i].open_off : n;
			for (size_t b = from; b < to; b++) {
				bare[bl] = s[b];
				bmap[bl++] = b;
			}
			if (i < ns)
				from = sp[i].end_off;
		}
		nr = segment_readings(lex, bare, bl, 0, &r, &rcap);
		for (size_t i = 0; i < nr; i++)
			r[i].off = bmap[r[i].off];
		for (size_t i = 0; i < nr; i++)
			r[i].end = bmap[r[i].end - 1] + 1;
		free(bare);
		free(bmap);
	}
	cap = n + nr * 12 + 1;
	o = xmalloc(cap);
	m = xmalloc((cap + 1) * sizeof *m);
	for (size_t i = 0; i < n;) {
		/* The text's own annotation: copied, and its character keeps it. */
		while (si < ns && sp[si].han_off < i)
			si++;
		size_t l;
		uint32_t cp;
		l = utf8_decode(s + i, n - i, &cp);
		memcpy(o + k, s + i, l);
		for (size_t b = 0; b < l; b++)
			m[k + b] = (uint32_t)(in_map ? in_map[i] : i);
		k += l;
		while (ri < nr && r[ri].off < i)
			ri++;
		int own = si < ns && sp[si].han_off == i;
		if (!own && ri < nr && r[ri].off == i && r[ri].syl[0]) {
			size_t sl = strlen(r[ri].syl), d = 0;
			o[k] = '(';
			/* A neutral tone as dictionaries write it: ·le. */
			if (segment_tone(r[ri].syl) == 5) {
				memcpy(o + k + 1, "\xC2\xB7", 2);
				d = 2;
			}
			memcpy(o + k + 1 + d, r[ri].syl, sl);
			o[k + 1 + d + sl] = ')';
			for (size_t b = 0; b < sl + d + 2; b++)
				m[k + b] = (uint32_t)(in_map ? in_map[i] : i);
			k += sl + d + 2;
		}
		i += l;
	}
	o[k] = '\0';
	m[k] = (uint32_t)(in_map ? in_map[n] : n);
	free(r);
	free(sp);
	*out = o;
	*out_len = k;
	*map = m;
}
