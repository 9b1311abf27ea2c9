/*
 * Simplified/traditional conversion through OpenCC.  A line is split into
 * runs of valid UTF-8 (ASCII included: phrases such as U盘 hold it) and
 * each run is converted on its own, so invalid bytes and NULs (which
 * OpenCC rejects) pass through, and each output byte can be mapped back
 * to the source: per character when a run keeps its length in
 * characters, else per phrase, by aligning the output with the run
 * converted one character at a time.
 */
#include "yuedu/conv.h"

#include <opencc/opencc.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/i18n.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

struct conv {
	enum conv_script script;
	opencc_t cc;
};

static const struct {
	const char *name, *abbr, *config;
} conv_scripts[] = {
#define CONV_X(e, name, abbr, config) { name, abbr, config },
	CONV_SCRIPTS(CONV_X)
#undef CONV_X
};

const char *
conv_script_name(enum conv_script script)
{
	return conv_scripts[script].name;
}

const char *
conv_script_abbr(enum conv_script script)
{
	return conv_scripts[script].abbr;
}

int
conv_script_parse(const char *s)
{
	for (int i = 0; i < CONV_NSCRIPTS; i++)
		if (strcmp(s, conv_scripts[i].name) == 0 ||
		    strcmp(s, conv_scripts[i].abbr) == 0)
			return i;
	return -1;
}

struct conv *
conv_new(enum conv_script script, char **err)
{
	struct conv *cv;
	opencc_t cc;

	*err = NULL;
	if (script <= CONV_ORIGINAL || script >= CONV_NSCRIPTS) {
		*err = xstrdup(_("no conversion for this script"));
		return NULL;
	}
	cc = opencc_open(conv_scripts[script].config);
	if (cc == (opencc_t)-1) {
		char *path = xasprintf("/usr/share/opencc/%s",
		    conv_scripts[script].config);
		cc = opencc_open(path);
		free(path);
	}
	if (cc == (opencc_t)-1) {
		*err = xasprintf(_("cannot open OpenCC configuration %s: %s"),
		    conv_scripts[script].config, opencc_error());
		return NULL;
	}
	cv = xcalloc(1, sizeof *cv);
	cv->script = script;
	cv->cc = cc;
	return cv;
}

void
conv_free(struct conv *cv)
{
	if (cv == NULL)
		return;
	opencc_close(cv->cc);
	free(cv);
}

enum conv_script
conv_get_script(const struct conv *cv)
{
	return cv->script;
}

/* Code points in S (N bytes). */
static size_t
conv_count(const char *s, size_t n)
{
	size_t count = 0;

	for (size_t i = 0; i < n; i++)
		count += ((unsigned char)s[i] & 0xC0) != 0x80;
	return count;
}

/* Room for N more bytes in the output and its map. */
static void
conv_room(char **o, uint32_t **m, size_t *cap, size_t k, size_t n)
{
	while (k + n + 1 >= *cap) {
		*cap *= 2;
		*o = xrealloc(*o, *cap);
		*m = xrealloc(*m, (*cap + 1) * sizeof **m);
	}
}

/* The code point starts of S (N bytes) into *v (grown); returns the count;
 * (*v)[count] == N. */
static size_t
conv_starts(const char *s, size_t n, size_t **v, size_t *cap)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			*v = xgrow(*v, cap, k + 2, sizeof **v);
			(*v)[k++] = i;
		}
	*v = xgrow(*v, cap, k + 2, sizeof **v);
	(*v)[k] = n;
	return k;
}

/* Code point A of S (starts SA) equals code point B of T (starts TB). */
static int
conv_same_cp(const char *s, const size_t *sa, size_t a, const char *t,
    const size_t *tb, size_t b)
{
	size_t la = sa[a + 1] - sa[a];

	return la == tb[b + 1] - tb[b] && memcmp(s + sa[a], t + tb[b], la) == 0;
}

#define CONV_SYNC 8	/* characters looked ahead to realign */

/*
 * A phrase table changed the length of run S (N bytes, at BASE in the
 * line) into C (CL bytes).  Align the two: each source character alone
 * converts to what the phrase output has at the same place, except in
 * the phrases, which are found by looking ahead for the next place the
 * two agree again.  A phrase's output bytes map to the phrase's start.
 */
static void
conv_align(struct conv *cv, const char *s, size_t n, const char *c,
    size_t cl, uint32_t base, uint32_t *m)
{
	size_t *ss = NULL, *cs = NULL, *ds = NULL, sc = 0, cc = 0, dc = 0;
	size_t ns = conv_starts(s, n, &ss, &sc), nc = conv_starts(c, cl, &cs,
	    &cc), a = 0, b = 0, dl = 0;
	char *d = xmalloc(n * 4 + 1);

	/* D: S converted one character at a time, character for character
	 * (the character tables keep lengths). */
	for (size_t i = 0; i < ns; i++) {
		char *one = opencc_convert_utf8(cv->cc, s + ss[i],
		    ss[i + 1] - ss[i]);
		const char *src = one != NULL && one[0] != '\0' &&
		    conv_count(one, strlen(one)) == 1 ? one : s + ss[i];
		size_t l = one != NULL && src == one ? strlen(one) :
		    ss[i + 1] - ss[i];

		if (dl + l > n * 4)
			l = 0;
		memcpy(d + dl, src, l);
		dl += l;
		if (one != NULL)
			opencc_convert_utf8_free(one);
	}
	if (conv_starts(d, dl, &ds, &dc) != ns) {
		/* Not one to one after all: the whole run to its start. */
		for (size_t i = 0; i < cl; i++)
			m[i] = base;
		goto out;
	}
	while (b < nc) {
		size_t da, db, best = (size_t)-1, ba = 0, bb = 0;

		if (a < ns && conv_same_cp(d, ds, a, c, cs, b)) {
			for (size_t i = cs[b]; i < cs[b + 1]; i++)
				m[i] = base + (uint32_t)ss[a];
			a++;
			b++;
			continue;
		}
		/* A phrase: the nearest place where a character agrees
		 * again (or both end). */
		for (da = 1; da <= CONV_SYNC; da++)
			for (db = 1; db <= CONV_SYNC; db++) {
				int ok;

				if (a + da > ns || b + db > nc ||
				    da + db >= best)
					continue;
				if (a + da == ns || b + db == nc)
					ok = a + da == ns && b + db == nc;
				else
					ok = conv_same_cp(d, ds, a + da, c, cs,
					    b + db);
				if (ok) {
					best = da + db;
					ba = da;
					bb = db;
				}
			}
		if (best == (size_t)-1) {
			ba = ns - (a < ns ? a : ns);
			bb = nc - b;
		}
		for (size_t i = cs[b]; i < cs[b + bb]; i++)
			m[i] = base + (uint32_t)(a < ns ? ss[a] : n);
		a += ba;
		b += bb;
	}
out:
	free(d);
	free(ss);
	free(cs);
	free(ds);
}

void
conv_line(struct conv *cv, const char *s, size_t n, char **out,
    size_t *out_len, uint32_t **map)
{
	size_t cap = n + 16, k = 0, i = 0;
	char *o = xmalloc(cap);
	uint32_t *m = xmalloc((cap + 1) * sizeof *m);

	while (i < n) {
		size_t j = i, nonascii = 0;
		uint32_t cp;

		/* A run of valid UTF-8 (ASCII too: phrases such as U盘 hold
		 * it) with no NUL, which OpenCC would stop at. */
		while (j < n) {
			size_t len = utf8_decode(s + j, n - j, &cp);
			if (cp == (uint32_t)-1 || cp == 0)
				break;
			nonascii |= cp >= 0x80;
			j += len;
		}
		if (j == i || !nonascii) {
			/* An invalid byte or NUL, or ASCII alone: as it is. */
			if (j == i)
				j = i + 1;
			conv_room(&o, &m, &cap, k, j - i);
			memcpy(o + k, s + i, j - i);
			for (size_t b = i; b < j; b++)
				m[k++] = (uint32_t)b;
			i = j;
			continue;
		}
		{
			char *c = opencc_convert_utf8(cv->cc, s + i, j - i);
			size_t cl = c ? strlen(c) : 0;
			const char *src = c ? c : s + i;

			if (c == NULL)
				cl = j - i;
			conv_room(&o, &m, &cap, k, cl);
			memcpy(o + k, src, cl);
			if (conv_count(src, cl) == conv_count(s + i, j - i)) {
				/* Character for character. */
				size_t si = i, oi = 0;
				while (oi < cl) {
					uint32_t c1, c2;
					size_t ol = utf8_decode(src + oi, cl - oi,
					    &c1);
					size_t sl = utf8_decode(s + si, j - si,
					    &c2);
					for (size_t b = 0; b < ol; b++)
						m[k + oi + b] = (uint32_t)si;
					oi += ol;
					si += sl;
				}
			} else
				conv_align(cv, s + i, j - i, src, cl,
				    (uint32_t)i, m + k);
			k += cl;
			if (c != NULL)
				opencc_convert_utf8_free(c);
		}
		i = j;
	}
	m[k] = (uint32_t)n;
	o[k] = '\0';
	*out = o;
	*out_len = k;
	*map = m;
}

char *
conv_string(struct conv *cv, const char *s)
{
	char *out;
	size_t len;
	uint32_t *map;

	conv_line(cv, s, strlen(s), &out, &len, &map);
	free(map);
	return out;
}
