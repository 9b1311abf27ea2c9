/*
 * Detecting inline pinyin annotations.  A syllable is checked against the
 * initials and finals of Hanyu Pinyin with exactly one tone mark, so an
 * ordinary parenthesis such as (DR.100EC.CN) or (網(wǎng)經(jīng)社訊) is not one.
 */
#include "yuedu/annot.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "yuedu/doc.h"
#include "yuedu/uchar.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

/* Tone-marked vowels and the plain vowel each stands for. */
static const struct {
	uint32_t cp;
	char base;
} annot_tones[] = {
	{ 0x0101, 'a' }, { 0x00E1, 'a' }, { 0x01CE, 'a' }, { 0x00E0, 'a' },
	{ 0x0113, 'e' }, { 0x00E9, 'e' }, { 0x011B, 'e' }, { 0x00E8, 'e' },
	{ 0x012B, 'i' }, { 0x00ED, 'i' }, { 0x01D0, 'i' }, { 0x00EC, 'i' },
	{ 0x014D, 'o' }, { 0x00F3, 'o' }, { 0x01D2, 'o' }, { 0x00F2, 'o' },
	{ 0x016B, 'u' }, { 0x00FA, 'u' }, { 0x01D4, 'u' }, { 0x00F9, 'u' },
	{ 0x01D6, 'v' }, { 0x01D8, 'v' }, { 0x01DA, 'v' }, { 0x01DC, 'v' },
	{ 0x0144, 'n' }, { 0x0148, 'n' }, { 0x01F9, 'n' }, { 0x1E3F, 'm' },
};

static const char *const annot_finals[] = {
	"a", "o", "e", "i", "u", "v", "ai", "ei", "ao", "ou", "an", "en",
	"ang", "eng", "ong", "er", "ia", "ie", "iao", "iu", "ian", "in",
	"iang", "ing", "iong", "ua", "uo", "uai", "ui", "uan", "un", "uang",
	"ueng", "ve", "van", "vn", "ue", "io", "m", "n", "ng", "r",
};

static const char *const annot_initials[] = {
	"zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k",
	"h", "j", "q", "x", "r", "z", "c", "s", "y", "w", "",
};

int
annot_is_pinyin(const char *s, size_t n)
{
	char plain[16];
	size_t off = 0, len = 0, i;
	int tones = 0, neutral = 0;

	/* A neutral tone is written as dictionaries write it: ·le. */
	if (n > 2 && memcmp(s, "\xC2\xB7", 2) == 0) {
		neutral = 1;
		off = 2;
	}
	while (off < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + off, n - off, &cp);
		char c = 0;

		if (cp >= 'a' && cp <= 'z')
			c = (char)cp;
		else if (cp >= 'A' && cp <= 'Z' && off == 0)
			c = (char)(cp + 32);
		else if (cp == 0x00FC)
			c = 'v';
		else {
			for (i = 0; i < sizeof annot_tones / sizeof annot_tones[0];
			    i++) {
				if (annot_tones[i].cp == cp) {
					c = annot_tones[i].base;
					tones++;
					break;
				}
			}
		}
		if (c == 0 || len + 1 >= sizeof plain)
			return 0;
		plain[len++] = c;
		off += k;
	}
	plain[len] = '\0';
	if (tones != (neutral ? 0 : 1))
		return 0;
	for (i = 0; i < sizeof annot_initials / sizeof annot_initials[0];
	    i++) {
		size_t il = strlen(annot_initials[i]), j;

		if (strncmp(plain, annot_initials[i], il) != 0)
			continue;
		for (j = 0; j < sizeof annot_finals / sizeof annot_finals[0];
		    j++) {
			if (strcmp(plain + il, annot_finals[j]) == 0)
				return 1;
		}
	}
	return 0;
}

/*
 * The code point that ends just before S + OFF, or -1 when the bytes
 * there are not one valid character.  UTF-8 resynchronises at every lead
 * byte, so this agrees with decoding the line from its start.
 */
static uint32_t
annot_prev_cp(const char *s, size_t off, size_t from)
{
	size_t p = off;
	uint32_t cp;

	while (p > from && off - p < 4 && ((unsigned char)s[p - 1] & 0xC0) ==
	    0x80)
		p--;
	if (p == from)
		return (uint32_t)-1;
	p--;
	if (utf8_decode(s + p, off - p, &cp) != off - p)
		return (uint32_t)-1;
	return cp;
}

size_t
annot_find(const char *s, size_t n, size_t base, struct annot_span **spans,
    size_t *cap)
{
	size_t off = 0, count = 0, from = 0;
	size_t next_ascii = 0, next_wide = 0;

	/* Only an opening parenthesis can start an annotation: find '(' and
	 * '（' (EF BC 88) with memchr, then look at the character before. */
	for (; off < n; off++) {
		size_t open_len, p, q, close_len;
		uint32_t prev;
		const char *hit;

		if (next_ascii < off || next_ascii == 0) {
			hit = memchr(s + off, '(', n - off);
			next_ascii = hit ? (size_t)(hit - s) : n;
		}
		if (next_wide < off || next_wide == 0) {
			hit = memchr(s + off, 0xEF, n - off);
			next_wide = hit ? (size_t)(hit - s) : n;
		}
		off = next_ascii < next_wide ? next_ascii : next_wide;
		if (off >= n)
			break;
		if (s[off] == '(')
			open_len = 1;
		else if ((unsigned char)s[off] == 0xEF && off + 2 < n &&
		    (unsigned char)s[off + 1] == 0xBC &&
		    (unsigned char)s[off + 2] == 0x88)
			open_len = 3;
		else
			continue;
		prev = annot_prev_cp(s, off, from);
		if (!uchar_is_han(prev))
			continue;
		p = off + open_len;
		q = p;
		/* Find the matching close within a syllable's reach. */
		while (q < n && q - p <= 24 && s[q] != ')' &&
		    !(q + 3 <= n && memcmp(s + q, "\xEF\xBC\x89", 3) == 0))
			q++;
		if (q >= n || q - p > 24 || q == p ||
		    !annot_is_pinyin(s + p, q - p))
			continue;
		close_len = s[q] == ')' ? 1 : 3;
		*spans = xgrow(*spans, cap, count + 1, sizeof **spans);
		(*spans)[count].han_off = base + off - (prev < 0x10000 ? 3 : 4);
		(*spans)[count].open_off = base + off;
		(*spans)[count].py_off = base + p;
		(*spans)[count].py_end = base + q;
		(*spans)[count].end_off = base + q + close_len;
		count++;
		/* The next annotation needs a character after this one. */
		from = off = q + close_len;
		off--;
	}
	return count;
}

enum annot_mode
annot_resolve(enum annot_mode mode, struct doc *doc)
{
	size_t lim, off = 0, han = 0, annots = 0, cap = 0;
	struct annot_span *spans = NULL;
	const char *t;

	if (mode != ANNOT_AUTO)
		return mode;
	lim = doc->len < 262144 ? doc->len : 262144;
	t = doc->text;
	while (off < lim) {
		const char *nl = memchr(t + off, '\n', lim - off);
		size_t end = nl ? (size_t)(nl - t) : lim, p = off;

		annots += annot_find(t + off, end - off, off, &spans, &cap);
		while (p < end) {
			uint32_t cp;
			p += utf8_decode(t + p, end - p, &cp);
			han += uchar_is_han(cp);
		}
		off = end + 1;
	}
	free(spans);
	return annots >= 8 && annots * 10 >= han ? ANNOT_HIDE : ANNOT_SHOW;
}

static const char *const annot_names[] = { "auto", "show", "hide", "ruby" };

const char *
annot_mode_name(enum annot_mode mode)
{
	return annot_names[mode];
}

int
annot_mode_parse(const char *s)
{
	for (int i = 0; i < 4; i++) {
		if (strcmp(s, annot_names[i]) == 0)
			return i;
	}
	return -1;
}
