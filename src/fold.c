/*
 * Folding (the contract is in fold.h): per-cluster folding cached in a
 * table per flags value, the slow path through utf8proc_map, the
 * simplified/traditional table, and the reverse map for the prefilter.
 */
#include "yuedu/fold.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "yuedu/uchar.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

/* ---------------------------------------------------------------------
 * Simplified/traditional: the table made at build time from OpenCC's
 * character tables (tools/gen_script_fold.c), sorted by code point.
 */

static int fold_t2s_state;		/* 0 not loaded, 1 ready */
static uint32_t *fold_t2s_bmp;	/* BMP code point -> folded, or 0 */

int
fold_t2s_init(void)
{
	if (fold_t2s_state != 0)
		return fold_t2s_state;
	fold_t2s_bmp = xcalloc(0x10000, sizeof *fold_t2s_bmp);
	for (size_t i = 0; i < search_script_nfold &&
	    search_script_fold[i][0] < 0x10000; i++)
		fold_t2s_bmp[search_script_fold[i][0]] =
		    search_script_fold[i][1];
	fold_t2s_state = 1;
	return 1;
}

/* The folded (simplified) form of CP: CP itself when not Han or alone. */
static uint32_t
fold_t2s(uint32_t cp)
{
	size_t lo = 0, hi = search_script_nfold;

	if (!uchar_is_han(cp) || fold_t2s_init() != 1)
		return cp;
	if (cp < 0x10000)
		return fold_t2s_bmp[cp] ? fold_t2s_bmp[cp] : cp;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (search_script_fold[mid][0] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < search_script_nfold && search_script_fold[lo][0] == cp ?
	    search_script_fold[lo][1] : cp;
}

/* ---------------------------------------------------------------------
 * Folding.
 */

void
fold_sbuf_add(struct fold_sbuf *b, const char *s, size_t n)
{
	if (n == 0)
		return;
	b->s = xgrow(b->s, &b->cap, b->len + n + 1, 1);
	memcpy(b->s + b->len, s, n);
	b->len += n;
}

static utf8proc_option_t
fold_map_options(int flags)
{
	utf8proc_option_t o = UTF8PROC_STABLE;

	if (flags & (FOLD_CASE | FOLD_WIDTH))
		o |= UTF8PROC_COMPOSE;
	if (flags & FOLD_CASE)
		o |= UTF8PROC_CASEFOLD;
	if (flags & FOLD_WIDTH)
		o |= UTF8PROC_COMPAT | UTF8PROC_IGNORE;
	return o;
}

/* Fold one cluster S (N bytes, valid UTF-8) the slow way into OUT. */
void
fold_slow(int flags, const char *s, size_t n, struct fold_sbuf *out)
{
	utf8proc_uint8_t *res = NULL;
	utf8proc_ssize_t r = -1;
	const char *t = s;
	size_t tn = n;

	if (flags & (FOLD_CASE | FOLD_WIDTH)) {
		r = utf8proc_map((const utf8proc_uint8_t *)s,
		    (utf8proc_ssize_t)n, &res, fold_map_options(flags));
		if (r >= 0) {
			t = (const char *)res;
			tn = (size_t)r;
		}
	}
	if (flags & FOLD_SCRIPT) {
		size_t i = 0;
		while (i < tn) {
			uint32_t cp;
			size_t k = utf8_decode(t + i, tn - i, &cp);
			char buf[4];

			if (cp != (uint32_t)-1 && uchar_is_han(cp)) {
				cp = fold_t2s(cp);
				fold_sbuf_add(out, buf,
				    utf8_encode(cp, buf));
			} else
				fold_sbuf_add(out, t + i, k);
			i += k;
		}
	} else
		fold_sbuf_add(out, t, tn);
	free(res);
}

/*
 * Per fold-flags cache of the folding of each BMP code point: 0 not yet
 * known, 1 unchanged, else 2 + offset into the pool where a length byte
 * and the folded bytes are.
 */
struct fold_table {
	uint32_t *bmp;
	struct fold_sbuf pool;
};
static struct fold_table fold_tables[FOLD_NFLAGS];

/* Fold the single BMP code point CP (S, N bytes) into OUT, cached. */
static void
fold_cp(int flags, uint32_t cp, const char *s, size_t n,
    struct fold_sbuf *out)
{
	struct fold_table *t = &fold_tables[flags];
	uint32_t v;

	if (t->bmp == NULL)
		t->bmp = xcalloc(0x10000, sizeof *t->bmp);
	v = t->bmp[cp];
	if (v == 0) {
		struct fold_sbuf tmp = { NULL, 0, 0 };

		fold_slow(flags, s, n, &tmp);
		if (tmp.len == n && memcmp(tmp.s, s, n) == 0)
			v = 1;
		else if (tmp.len < 256) {
			unsigned char len = (unsigned char)tmp.len;

			v = (uint32_t)(2 + t->pool.len);
			fold_sbuf_add(&t->pool, (const char *)&len, 1);
			fold_sbuf_add(&t->pool, tmp.s, tmp.len);
		}
		free(tmp.s);
		if (v == 0) {	/* too long to cache: fold again */
			fold_slow(flags, s, n, out);
			return;
		}
		t->bmp[cp] = v;
	}
	if (v == 1)
		fold_sbuf_add(out, s, n);
	else {
		const char *p = t->pool.s + (v - 2);
		fold_sbuf_add(out, p + 1, (unsigned char)p[0]);
	}
}

/* Characters between which a grapheme cluster always breaks. */
static int
fold_simple_cp(uint32_t cp)
{
	return (cp >= 0x20 && cp < 0x7F) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x3000 && cp <= 0x3029) ||
	    (cp >= 0xFF01 && cp <= 0xFF5E);
}

/*
 * The grapheme cluster at S (N > 0 bytes) as layout sees it: its length,
 * its kind (enum width_kind) and its code point when it is one.
 */
static size_t
fold_cluster_of(const char *s, size_t n, int *kind, uint32_t *one)
{
	struct width_cluster wc;
	uint32_t cp, next;
	size_t k;

	k = utf8_decode(s, n, &cp);
	if (cp != (uint32_t)-1 && fold_simple_cp(cp)) {
		if (k == n)
			goto single;
		utf8_decode(s + k, n - k, &next);
		if (next != (uint32_t)-1 && (next < 0x80 ||
		    fold_simple_cp(next)))
			goto single;
	}
	width_next_cluster(s, n, &wc);
	*kind = (int)wc.kind;
	*one = wc.len == k ? cp : (uint32_t)-1;
	return wc.len;
single:
	*kind = WIDTH_TEXT;
	*one = cp;
	return k;
}

/* Fold one cluster S (N bytes) of kind KIND (one code point ONE or -1). */
static void
fold_cluster(int flags, const char *s, size_t n, int kind,
    uint32_t one, struct fold_sbuf *out)
{
	if (kind == WIDTH_INVALID) {
		fold_sbuf_add(out, "\xEF\xBF\xBD", 3);
		return;
	}
	if (flags == 0 || kind != WIDTH_TEXT) {
		fold_sbuf_add(out, s, n);
		return;
	}
	if (one < 0x80) {
		char c = (char)one;
		if ((flags & FOLD_CASE) && c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		fold_sbuf_add(out, &c, 1);
	} else if (one < 0x10000)
		fold_cp(flags, one, s, n, out);
	else
		fold_slow(flags, s, n, out);
}

void
fold_buf_done(struct fold_buf *fb)
{
	free(fb->f.s);
	free(fb->so);
	free(fb->se);
	free(fb->spans);
	memset(fb, 0, sizeof *fb);
}

/*
 * Fold S (N bytes; its offsets are BASE-relative in doc terms, used only
 * for annotations) into FB.  With HIDE, annotations produce nothing.
 */
void
fold_into(int flags, int hide, const char *s, size_t n, size_t base,
    struct fold_buf *fb)
{
	size_t nspans = 0, sp = 0, off = 0;

	fb->f.len = 0;
	if (hide)
		nspans = annot_find(s, n, base, &fb->spans, &fb->span_cap);
	while (off < n) {
		size_t before = fb->f.len, len;
		int kind;
		uint32_t one;

		if (sp < nspans && fb->spans[sp].open_off - base == off) {
			off = fb->spans[sp].end_off - base;
			sp++;
			continue;
		}
		len = fold_cluster_of(s + off, n - off, &kind, &one);
		fold_cluster(flags, s + off, len, kind, one, &fb->f);
		if (fb->f.len > fb->mapcap) {
			size_t c = fb->mapcap;
			fb->so = xgrow(fb->so, &c, fb->f.len, sizeof *fb->so);
			fb->se = xgrow(fb->se, &fb->mapcap, fb->f.len,
			    sizeof *fb->se);
		}
		for (size_t i = before; i < fb->f.len; i++) {
			fb->so[i] = (uint32_t)off;
			fb->se[i] = (uint32_t)(off + len);
		}
		off += len;
	}
	fb->f.s = xgrow(fb->f.s, &fb->f.cap, fb->f.len + 1, 1);
	fb->f.s[fb->f.len] = '\0';
}

/* ---------------------------------------------------------------------
 * Which raw bytes a folded code point can come from (the prefilter).
 */

static struct fold_rev fold_revs[FOLD_NFLAGS];
static uint32_t *fold_changed;
static size_t fold_nchanged;

static utf8proc_option_t
fold_decompose_options(int flags)
{
	utf8proc_option_t o = UTF8PROC_DECOMPOSE;

	if (flags & FOLD_CASE)
		o |= UTF8PROC_CASEFOLD;
	if (flags & FOLD_WIDTH)
		o |= UTF8PROC_COMPAT | UTF8PROC_IGNORE;
	return o;
}

static void
fold_changed_init(void)
{
	size_t cap = 0;
	utf8proc_option_t o = fold_decompose_options(FOLD_CASE |
	    FOLD_WIDTH);

	if (fold_changed != NULL)
		return;
	for (uint32_t cp = 0x41; cp < 0x30000; cp++) {
		utf8proc_int32_t d[32];
		utf8proc_ssize_t r;
		int last = 0;

		if (cp == 0xD800)
			cp = 0xE000;
		if (cp == 0x3400)
			cp = 0x4DC0;
		if (cp == 0x4E00)
			cp = 0xA000;
		if (cp == 0xAC00)
			cp = 0xD7A4;	/* Hangul syllables are keys */
		if (cp == 0x20000)
			cp = 0x2F800;
		r = utf8proc_decompose_char((utf8proc_int32_t)cp, d, 32, o,
		    &last);
		if (r == 1 && (uint32_t)d[0] == cp)
			continue;
		fold_changed = xgrow(fold_changed, &cap,
		    fold_nchanged + 1, sizeof *fold_changed);
		fold_changed[fold_nchanged++] = cp;
	}
}

struct fold_rev *
fold_rev_get(int flags)
{
	struct fold_rev *rv = &fold_revs[flags];
	size_t pcap = 0, acap = 0;

	if (rv->built)
		return rv;
	rv->built = 1;
	/* Built even with no case or width folding: keys are taken from
	 * the canonical decomposition, so 'e' must still find 'é'. */
	fold_changed_init();
	rv->cp = xmalloc(fold_nchanged * sizeof *rv->cp);
	for (size_t i = 0; i < fold_nchanged; i++) {
		utf8proc_int32_t d[32];
		int last = 0;
		utf8proc_ssize_t r = utf8proc_decompose_char(
		    (utf8proc_int32_t)fold_changed[i], d, 32,
		    fold_decompose_options(flags), &last);
		size_t base;

		if (r < 0 || r > 32)
			continue;
		base = rv->n ? rv->at[rv->n] : 0;
		rv->pool = xgrow(rv->pool, &pcap, base + (size_t)r,
		    sizeof *rv->pool);
		for (utf8proc_ssize_t j = 0; j < r; j++) {
			uint32_t c = (uint32_t)d[j];
			if (flags & FOLD_SCRIPT)
				c = fold_t2s(c);
			rv->pool[base + (size_t)j] = c;
		}
		rv->at = xgrow(rv->at, &acap, rv->n + 2, sizeof *rv->at);
		rv->at[rv->n] = base;
		rv->at[rv->n + 1] = base + (size_t)r;
		rv->cp[rv->n++] = fold_changed[i];
	}
	return rv;
}
