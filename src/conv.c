/*
 * Simplified/traditional conversion through OpenCC.  A line is split into
 * runs of non-ASCII valid UTF-8 and each run is converted on its own, so
 * ASCII, invalid bytes and NULs (which OpenCC rejects) pass through, and
 * each output byte can be mapped back to the source: per character when
 * a run keeps its length in characters, to the run's start when a phrase
 * table changed it.
 */
#include "yuedu/conv.h"

#include <opencc/opencc.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/util.h"
#include "yuedu/width.h"

struct conv {
	enum conv_script script;
	opencc_t cc;
};

static const char *const conv_names[] = {
	"original", "simplified", "traditional", "taiwan", "hongkong",
};

static const char *const conv_configs[] = {
	NULL, "t2s.json", "s2t.json", "s2twp.json", "s2hk.json",
};

const char *
conv_script_name(enum conv_script script)
{
	return conv_names[script];
}

int
conv_script_parse(const char *s)
{
	for (int i = 0; i < CONV_NSCRIPTS; i++)
		if (strcmp(s, conv_names[i]) == 0)
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
		*err = xstrdup("no conversion for this script");
		return NULL;
	}
	cc = opencc_open(conv_configs[script]);
	if (cc == (opencc_t)-1) {
		char *path = xasprintf("/usr/share/opencc/%s",
		    conv_configs[script]);
		cc = opencc_open(path);
		free(path);
	}
	if (cc == (opencc_t)-1) {
		*err = xasprintf("cannot open OpenCC configuration %s: %s",
		    conv_configs[script], opencc_error());
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

static size_t
conv_count_cps(const char *s, size_t n)
{
	size_t count = 0;

	for (size_t i = 0; i < n; i++)
		count += ((unsigned char)s[i] & 0xC0) != 0x80;
	return count;
}

void
conv_line(struct conv *cv, const char *s, size_t n, char **out,
    size_t *out_len, uint32_t **map)
{
	size_t cap = n + 16, k = 0, i = 0;
	char *o = xmalloc(cap);
	uint32_t *m = xmalloc((cap + 1) * sizeof *m);

	while (i < n) {
		size_t j = i;
		uint32_t cp;

		/* A run of valid non-ASCII characters. */
		while (j < n) {
			size_t len = width_decode(s + j, n - j, &cp);
			if (cp == (uint32_t)-1 || cp < 0x80)
				break;
			j += len;
		}
		if (j == i) {
			/* ASCII or an invalid byte: as it is. */
			if (k + 1 >= cap) {
				cap *= 2;
				o = xrealloc(o, cap);
				m = xrealloc(m, (cap + 1) * sizeof *m);
			}
			o[k] = s[i];
			m[k++] = (uint32_t)i;
			i++;
			continue;
		}
		{
			char *c = opencc_convert_utf8(cv->cc, s + i, j - i);
			size_t cl = c ? strlen(c) : 0;
			const char *src = c ? c : s + i;
			int same;

			if (c == NULL)
				cl = j - i;
			same = conv_count_cps(src, cl) ==
			    conv_count_cps(s + i, j - i);
			while (k + cl + 1 >= cap) {
				cap *= 2;
				o = xrealloc(o, cap);
				m = xrealloc(m, (cap + 1) * sizeof *m);
			}
			memcpy(o + k, src, cl);
			if (same) {
				/* Character for character. */
				size_t si = i, oi = 0;
				while (oi < cl) {
					uint32_t c1, c2;
					size_t ol = width_decode(src + oi, cl - oi,
					    &c1);
					size_t sl = width_decode(s + si, j - si,
					    &c2);
					for (size_t b = 0; b < ol; b++)
						m[k + oi + b] = (uint32_t)si;
					oi += ol;
					si += sl;
				}
			} else {
				for (size_t b = 0; b < cl; b++)
					m[k + b] = (uint32_t)i;
			}
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
