/*
 * The search engine.  It owns the folding of text as a reader means it
 * (NFKC and case folding per grapheme cluster through utf8proc; Han
 * characters folded by a table made at build time from OpenCC's t2s and
 * s2t character tables; hidden annotations skipped), the
 * map from folded bytes back to source offsets, literal and PCRE2
 * matching over folded text, and a prefilter that finds candidate lines
 * by searching the raw bytes for every form one pattern character can
 * take, so that only those lines are folded.
 */
#include "yuedu/search.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <opencc/opencc.h>
#include <pcre2.h>
#include <unistr.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "yuedu/conv.h"
#include "yuedu/doc.h"
#include "yuedu/uchar.h"
#include "yuedu/utf8.h"
#include "yuedu/lexicon.h"
#include "yuedu/segment.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

enum {
	SEARCH_F_CASE = 1,
	SEARCH_F_WIDTH = 2,
	SEARCH_F_SCRIPT = 4,
	SEARCH_NFLAGS = 8,
};

#define SEARCH_WINDOW ((size_t)1 << 20)		/* long lines: window */
#define SEARCH_OVERLAP ((size_t)64 << 10)	/* ... and overlap */
#define SEARCH_CHUNK ((size_t)4 << 20)		/* progress interval */
#define SEARCH_BACK_CHUNK ((size_t)256 << 10)
#define SEARCH_MAX_NEEDLES 16

/* ---------------------------------------------------------------------
 * Simplified/traditional: the table made at build time from OpenCC's
 * character tables (tools/gen_script_fold.c), sorted by code point.
 */

extern const uint32_t search_script_fold[][2];
extern const size_t search_script_nfold;

static int search_t2s_state;		/* 0 not loaded, 1 ready */
static uint32_t *search_t2s_bmp;	/* BMP code point -> folded, or 0 */

static int
search_t2s_init(void)
{
	if (search_t2s_state != 0)
		return search_t2s_state;
	search_t2s_bmp = xcalloc(0x10000, sizeof *search_t2s_bmp);
	for (size_t i = 0; i < search_script_nfold &&
	    search_script_fold[i][0] < 0x10000; i++)
		search_t2s_bmp[search_script_fold[i][0]] =
		    search_script_fold[i][1];
	search_t2s_state = 1;
	return 1;
}

/* The folded (simplified) form of CP: CP itself when not Han or alone. */
static uint32_t
search_t2s(uint32_t cp)
{
	size_t lo = 0, hi = search_script_nfold;

	if (!uchar_is_han(cp) || search_t2s_init() != 1)
		return cp;
	if (cp < 0x10000)
		return search_t2s_bmp[cp] ? search_t2s_bmp[cp] : cp;
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

struct search_sbuf {
	char *s;
	size_t len, cap;
};

static void
search_sbuf_add(struct search_sbuf *b, const char *s, size_t n)
{
	if (n == 0)
		return;
	b->s = xgrow(b->s, &b->cap, b->len + n + 1, 1);
	memcpy(b->s + b->len, s, n);
	b->len += n;
}

static utf8proc_option_t
search_map_options(int flags)
{
	utf8proc_option_t o = UTF8PROC_STABLE;

	if (flags & (SEARCH_F_CASE | SEARCH_F_WIDTH))
		o |= UTF8PROC_COMPOSE;
	if (flags & SEARCH_F_CASE)
		o |= UTF8PROC_CASEFOLD;
	if (flags & SEARCH_F_WIDTH)
		o |= UTF8PROC_COMPAT | UTF8PROC_IGNORE;
	return o;
}

/* Fold one cluster S (N bytes, valid UTF-8) the slow way into OUT. */
static void
search_fold_slow(int flags, const char *s, size_t n, struct search_sbuf *out)
{
	utf8proc_uint8_t *res = NULL;
	utf8proc_ssize_t r = -1;
	const char *t = s;
	size_t tn = n;

	if (flags & (SEARCH_F_CASE | SEARCH_F_WIDTH)) {
		r = utf8proc_map((const utf8proc_uint8_t *)s,
		    (utf8proc_ssize_t)n, &res, search_map_options(flags));
		if (r >= 0) {
			t = (const char *)res;
			tn = (size_t)r;
		}
	}
	if (flags & SEARCH_F_SCRIPT) {
		size_t i = 0;
		while (i < tn) {
			uint32_t cp;
			size_t k = utf8_decode(t + i, tn - i, &cp);
			char buf[4];

			if (cp != (uint32_t)-1 && uchar_is_han(cp)) {
				cp = search_t2s(cp);
				search_sbuf_add(out, buf,
				    utf8_encode(cp, buf));
			} else
				search_sbuf_add(out, t + i, k);
			i += k;
		}
	} else
		search_sbuf_add(out, t, tn);
	free(res);
}

/*
 * Per fold-flags cache of the folding of each BMP code point: 0 not yet
 * known, 1 unchanged, else 2 + offset into the pool where a length byte
 * and the folded bytes are.
 */
struct search_table {
	uint32_t *bmp;
	struct search_sbuf pool;
};
static struct search_table search_tables[SEARCH_NFLAGS];

/* Fold the single BMP code point CP (S, N bytes) into OUT, cached. */
static void
search_fold_cp(int flags, uint32_t cp, const char *s, size_t n,
    struct search_sbuf *out)
{
	struct search_table *t = &search_tables[flags];
	uint32_t v;

	if (t->bmp == NULL)
		t->bmp = xcalloc(0x10000, sizeof *t->bmp);
	v = t->bmp[cp];
	if (v == 0) {
		struct search_sbuf tmp = { NULL, 0, 0 };

		search_fold_slow(flags, s, n, &tmp);
		if (tmp.len == n && memcmp(tmp.s, s, n) == 0)
			v = 1;
		else if (tmp.len < 256) {
			unsigned char len = (unsigned char)tmp.len;

			v = (uint32_t)(2 + t->pool.len);
			search_sbuf_add(&t->pool, (const char *)&len, 1);
			search_sbuf_add(&t->pool, tmp.s, tmp.len);
		}
		free(tmp.s);
		if (v == 0) {	/* too long to cache: fold again */
			search_fold_slow(flags, s, n, out);
			return;
		}
		t->bmp[cp] = v;
	}
	if (v == 1)
		search_sbuf_add(out, s, n);
	else {
		const char *p = t->pool.s + (v - 2);
		search_sbuf_add(out, p + 1, (unsigned char)p[0]);
	}
}

/* Characters between which a grapheme cluster always breaks. */
static int
search_simple_cp(uint32_t cp)
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
search_cluster(const char *s, size_t n, int *kind, uint32_t *one)
{
	struct width_cluster wc;
	uint32_t cp, next;
	size_t k;

	k = utf8_decode(s, n, &cp);
	if (cp != (uint32_t)-1 && search_simple_cp(cp)) {
		if (k == n)
			goto single;
		utf8_decode(s + k, n - k, &next);
		if (next != (uint32_t)-1 && (next < 0x80 ||
		    search_simple_cp(next)))
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
search_fold_cluster(int flags, const char *s, size_t n, int kind,
    uint32_t one, struct search_sbuf *out)
{
	if (kind == WIDTH_INVALID) {
		search_sbuf_add(out, "\xEF\xBF\xBD", 3);
		return;
	}
	if (flags == 0 || kind != WIDTH_TEXT) {
		search_sbuf_add(out, s, n);
		return;
	}
	if (one < 0x80) {
		char c = (char)one;
		if ((flags & SEARCH_F_CASE) && c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		search_sbuf_add(out, &c, 1);
	} else if (one < 0x10000)
		search_fold_cp(flags, one, s, n, out);
	else
		search_fold_slow(flags, s, n, out);
}

/* A folded window: the bytes and, per byte, its cluster's source range. */
struct search_fbuf {
	struct search_sbuf f;
	uint32_t *so, *se;	/* relative to the window's start */
	size_t mapcap;
	struct annot_span *spans;
	size_t span_cap;
};

static void
search_fbuf_done(struct search_fbuf *fb)
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
static void
search_fold_into(int flags, int hide, const char *s, size_t n, size_t base,
    struct search_fbuf *fb)
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
		len = search_cluster(s + off, n - off, &kind, &one);
		search_fold_cluster(flags, s + off, len, kind, one, &fb->f);
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

/* Code points that some folding changes, with their full folding
 * (decomposed) under each flags value, built on demand. */
struct search_rev {
	int built;
	uint32_t *cp;		/* the changed code points */
	size_t *at;		/* their foldings in pool: [at[i], at[i+1]) */
	uint32_t *pool;
	size_t n;
};
static struct search_rev search_revs[SEARCH_NFLAGS];
static uint32_t *search_changed;
static size_t search_nchanged;

static utf8proc_option_t
search_decompose_options(int flags)
{
	utf8proc_option_t o = UTF8PROC_DECOMPOSE;

	if (flags & SEARCH_F_CASE)
		o |= UTF8PROC_CASEFOLD;
	if (flags & SEARCH_F_WIDTH)
		o |= UTF8PROC_COMPAT | UTF8PROC_IGNORE;
	return o;
}

static void
search_changed_init(void)
{
	size_t cap = 0;
	utf8proc_option_t o = search_decompose_options(SEARCH_F_CASE |
	    SEARCH_F_WIDTH);

	if (search_changed != NULL)
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
		search_changed = xgrow(search_changed, &cap,
		    search_nchanged + 1, sizeof *search_changed);
		search_changed[search_nchanged++] = cp;
	}
}

static struct search_rev *
search_rev_get(int flags)
{
	struct search_rev *rv = &search_revs[flags];
	size_t pcap = 0, acap = 0;

	if (rv->built)
		return rv;
	rv->built = 1;
	/* Built even with no case or width folding: keys are taken from
	 * the canonical decomposition, so 'e' must still find 'é'. */
	search_changed_init();
	rv->cp = xmalloc(search_nchanged * sizeof *rv->cp);
	for (size_t i = 0; i < search_nchanged; i++) {
		utf8proc_int32_t d[32];
		int last = 0;
		utf8proc_ssize_t r = utf8proc_decompose_char(
		    (utf8proc_int32_t)search_changed[i], d, 32,
		    search_decompose_options(flags), &last);
		size_t base;

		if (r < 0 || r > 32)
			continue;
		base = rv->n ? rv->at[rv->n] : 0;
		rv->pool = xgrow(rv->pool, &pcap, base + (size_t)r,
		    sizeof *rv->pool);
		for (utf8proc_ssize_t j = 0; j < r; j++) {
			uint32_t c = (uint32_t)d[j];
			if (flags & SEARCH_F_SCRIPT)
				c = search_t2s(c);
			rv->pool[base + (size_t)j] = c;
		}
		rv->at = xgrow(rv->at, &acap, rv->n + 2, sizeof *rv->at);
		rv->at[rv->n] = base;
		rv->at[rv->n + 1] = base + (size_t)r;
		rv->cp[rv->n++] = search_changed[i];
	}
	return rv;
}

struct search_needles {
	int n;
	int maxlen;
	unsigned char len[SEARCH_MAX_NEEDLES];
	unsigned char b[SEARCH_MAX_NEEDLES][4];
};

struct search_vset {
	unsigned char (*v)[5];	/* [0] = length, then bytes */
	size_t n, cap;
};

static void
search_vset_add(struct search_vset *vs, uint32_t cp)
{
	char buf[4];
	size_t k = utf8_encode(cp, buf);

	for (size_t i = 0; i < vs->n; i++)
		if (vs->v[i][0] == k && memcmp(vs->v[i] + 1, buf, k) == 0)
			return;
	vs->v = xgrow(vs->v, &vs->cap, vs->n + 1, sizeof *vs->v);
	vs->v[vs->n][0] = (unsigned char)k;
	memcpy(vs->v[vs->n] + 1, buf, k);
	vs->n++;
}

static int
search_vset_cmp(const void *a, const void *b)
{
	const unsigned char *x = a, *y = b;
	size_t n = x[0] < y[0] ? x[0] : y[0];
	int c = memcmp(x + 1, y + 1, n);

	return c ? c : (int)x[0] - (int)y[0];
}

/*
 * Reduce the variants to at most SEARCH_MAX_NEEDLES byte strings that
 * still find every one of them: drop strings that extend another, then
 * cut the longest ones to a shared prefix.  Returns -1 if impossible.
 */
static int
search_vset_reduce(struct search_vset *vs, struct search_needles *nd)
{
	for (int cut = 4; ; cut--) {
		size_t w = 0;

		qsort(vs->v, vs->n, sizeof *vs->v, search_vset_cmp);
		for (size_t i = 0; i < vs->n; i++) {
			if (w > 0 && vs->v[w - 1][0] <= vs->v[i][0] &&
			    memcmp(vs->v[w - 1] + 1, vs->v[i] + 1,
			    vs->v[w - 1][0]) == 0)
				continue;	/* a prefix is already there */
			memmove(vs->v[w], vs->v[i], sizeof *vs->v);
			w++;
		}
		vs->n = w;
		if (vs->n <= SEARCH_MAX_NEEDLES)
			break;
		if (cut <= 1)
			return -1;
		/* Cut strings of length CUT that share their first CUT-1
		 * bytes with a neighbour. */
		for (size_t i = 0; i < vs->n; i++) {
			int share = 0;
			if (vs->v[i][0] != cut)
				continue;
			if (i > 0 && vs->v[i - 1][0] >= cut - 1 &&
			    memcmp(vs->v[i - 1] + 1, vs->v[i] + 1,
			    (size_t)cut - 1) == 0)
				share = 1;
			if (i + 1 < vs->n && vs->v[i + 1][0] >= cut - 1 &&
			    memcmp(vs->v[i + 1] + 1, vs->v[i] + 1,
			    (size_t)cut - 1) == 0)
				share = 1;
			if (share)
				vs->v[i][0] = (unsigned char)(cut - 1);
		}
	}
	memset(nd, 0, sizeof *nd);
	for (size_t i = 0; i < vs->n; i++) {
		nd->len[i] = vs->v[i][0];
		memcpy(nd->b[i], vs->v[i] + 1, vs->v[i][0]);
		if (nd->len[i] > nd->maxlen)
			nd->maxlen = nd->len[i];
	}
	nd->n = (int)vs->n;
	return 0;
}

/* Every raw form folded code point X can come from, as needles. */
static int
search_needles_for(int flags, uint32_t x, struct search_needles *nd)
{
	struct search_vset vs = { NULL, 0, 0 };
	struct search_rev *rv = search_rev_get(flags);
	int rc;

	search_vset_add(&vs, x);
	for (size_t i = 0; i < rv->n; i++)
		for (size_t j = rv->at[i]; j < rv->at[i + 1]; j++)
			if (rv->pool[j] == x) {
				search_vset_add(&vs, rv->cp[i]);
				break;
			}
	if ((flags & SEARCH_F_SCRIPT) && uchar_is_han(x))
		for (size_t i = 0; i < search_script_nfold; i++)
			if (search_script_fold[i][1] == x)
				search_vset_add(&vs, search_script_fold[i][0]);
	rc = search_vset_reduce(&vs, nd);
	free(vs.v);
	return rc;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define SEARCH_HAVE_AVX2 1

/*
 * search_scan() 64 bytes at a time for NN needles of LEN bytes each (both
 * constants where it is inlined, so the loops unroll).  Returns the
 * offset reached or, with *hit, of the first match.  Only called when the
 * CPU has AVX2.
 */
__attribute__((target("avx2"), always_inline)) static inline size_t
search_scan_avx2_n(const struct search_needles *nd, const char *s, size_t n,
    int *hit, const int nn, const int len)
{
	__m256i b[SEARCH_MAX_NEEDLES][4];
	size_t i = 0;

	*hit = 0;
	for (int k = 0; k < nn; k++)
		for (int j = 0; j < len; j++)
			b[k][j] = _mm256_set1_epi8((char)nd->b[k][j]);
	for (; i + 64 + 3 <= n; i += 64) {
		__m256i m0[SEARCH_MAX_NEEDLES], m1[SEARCH_MAX_NEEDLES];
		__m256i acc0, acc1;
		unsigned long long bits;

		for (int j = 0; j < len; j++) {
			__m256i l0 = _mm256_loadu_si256(
			    (const __m256i *)(s + i + (size_t)j));
			__m256i l1 = _mm256_loadu_si256(
			    (const __m256i *)(s + i + 32 + (size_t)j));
			for (int k = 0; k < nn; k++) {
				__m256i e0 = _mm256_cmpeq_epi8(l0, b[k][j]);
				__m256i e1 = _mm256_cmpeq_epi8(l1, b[k][j]);
				m0[k] = j ? _mm256_and_si256(m0[k], e0) : e0;
				m1[k] = j ? _mm256_and_si256(m1[k], e1) : e1;
			}
		}
		acc0 = m0[0];
		acc1 = m1[0];
		for (int k = 1; k < nn; k++) {
			acc0 = _mm256_or_si256(acc0, m0[k]);
			acc1 = _mm256_or_si256(acc1, m1[k]);
		}
		bits = (unsigned)_mm256_movemask_epi8(acc0) |
		    (unsigned long long)(unsigned)_mm256_movemask_epi8(acc1) <<
		    32;
		if (bits != 0) {
			*hit = 1;
			return i + (size_t)__builtin_ctzll(bits);
		}
	}
	return i;
}

/* The generic case: needles of different lengths. */
__attribute__((target("avx2"))) static size_t
search_scan_avx2_any(const struct search_needles *nd, const char *s,
    size_t n, int *hit)
{
	__m256i b[SEARCH_MAX_NEEDLES][4];
	size_t i = 0;

	*hit = 0;
	for (int k = 0; k < nd->n; k++)
		for (int j = 0; j < nd->len[k]; j++)
			b[k][j] = _mm256_set1_epi8((char)nd->b[k][j]);
	for (; i + 32 + 3 <= n; i += 32) {
		__m256i l[4], acc;
		unsigned bits;

		for (int j = 0; j < nd->maxlen; j++)
			l[j] = _mm256_loadu_si256(
			    (const __m256i *)(s + i + (size_t)j));
		acc = _mm256_setzero_si256();
		for (int k = 0; k < nd->n; k++) {
			__m256i m = _mm256_cmpeq_epi8(l[nd->len[k] - 1],
			    b[k][nd->len[k] - 1]);
			for (int j = 0; j < nd->len[k] - 1; j++)
				m = _mm256_and_si256(m,
				    _mm256_cmpeq_epi8(l[j], b[k][j]));
			acc = _mm256_or_si256(acc, m);
		}
		bits = (unsigned)_mm256_movemask_epi8(acc);
		if (bits != 0) {
			*hit = 1;
			return i + (size_t)__builtin_ctz(bits);
		}
	}
	return i;
}

/* Dispatch to an unrolled scan for the common shapes (Han characters are
 * 3 bytes; one to four forms). */
__attribute__((target("avx2"))) static size_t
search_scan_avx2(const struct search_needles *nd, const char *s, size_t n,
    int *hit)
{
	int same = 1;

	for (int k = 1; k < nd->n; k++)
		same &= nd->len[k] == nd->len[0];
	if (same && nd->len[0] == 3) {
		switch (nd->n) {
		case 1: return search_scan_avx2_n(nd, s, n, hit, 1, 3);
		case 2: return search_scan_avx2_n(nd, s, n, hit, 2, 3);
		case 3: return search_scan_avx2_n(nd, s, n, hit, 3, 3);
		case 4: return search_scan_avx2_n(nd, s, n, hit, 4, 3);
		default: break;
		}
	}
	return search_scan_avx2_any(nd, s, n, hit);
}
#endif

/* The first place in S (N bytes) where a needle starts, or NULL. */
static const char *
search_scan(const struct search_needles *nd, const char *s, size_t n)
{
	size_t i = 0;

	if (nd->n == 1 && nd->len[0] == 1)
		return memchr(s, nd->b[0][0], n);
	if (nd->n == 1 && n > 64)
		return memmem(s, n, nd->b[0], nd->len[0]);
#ifdef SEARCH_HAVE_AVX2
	if (n >= 64 && __builtin_cpu_supports("avx2")) {
		int hit;

		i = search_scan_avx2(nd, s, n, &hit);
		if (hit)
			return s + i;
	}
#endif
#ifdef __SSE2__
	if (n >= i + 16 + 3) {
		__m128i b[SEARCH_MAX_NEEDLES][4];

		for (int k = 0; k < nd->n; k++)
			for (int j = 0; j < nd->len[k]; j++)
				b[k][j] = _mm_set1_epi8((char)nd->b[k][j]);
		for (; i + 16 + 3 <= n; i += 16) {
			__m128i l[4], acc = _mm_setzero_si128();
			int bits;

			for (int j = 0; j < nd->maxlen; j++)
				l[j] = _mm_loadu_si128(
				    (const __m128i *)(s + i + (size_t)j));
			for (int k = 0; k < nd->n; k++) {
				__m128i m = _mm_cmpeq_epi8(l[0], b[k][0]);
				for (int j = 1; j < nd->len[k]; j++)
					m = _mm_and_si128(m,
					    _mm_cmpeq_epi8(l[j], b[k][j]));
				acc = _mm_or_si128(acc, m);
			}
			bits = _mm_movemask_epi8(acc);
			if (bits != 0)
				return s + i + (size_t)__builtin_ctz(
				    (unsigned)bits);
		}
	}
#endif
	for (; i < n; i++)
		for (int k = 0; k < nd->n; k++)
			if ((unsigned char)s[i] == nd->b[k][0] &&
			    nd->len[k] <= n - i &&
			    memcmp(s + i, nd->b[k], nd->len[k]) == 0)
				return s + i;
	return NULL;
}

#ifdef SEARCH_HAVE_AVX2
/* Line feeds in [I, B) of T, 32 bytes at a time; *reached gets where it
 * stopped.  Only called when the CPU has AVX2 (and so POPCNT). */
__attribute__((target("avx2,popcnt"))) static size_t
search_count_nl_avx2(const char *t, size_t i, size_t b, size_t *reached,
    int *cr)
{
	const __m256i nl = _mm256_set1_epi8('\n'), crv = _mm256_set1_epi8('\r');
	size_t n = 0;

	*cr = 0;
	for (; i + 32 <= b; i += 32) {
		__m256i x = _mm256_loadu_si256((const __m256i *)(t + i));
		unsigned mn = (unsigned)_mm256_movemask_epi8(
		    _mm256_cmpeq_epi8(x, nl));

		if (_mm256_movemask_epi8(_mm256_cmpeq_epi8(x, crv)) != 0) {
			*cr = 1;	/* let the careful loop take it */
			break;
		}
		n += (size_t)__builtin_popcount(mn);
	}
	*reached = i;
	return n;
}
#endif

/*
 * Line ends between A and B of T (as doc.h counts them: "\n", "\r\n",
 * a lone "\r"; T has LEN bytes).  Cheaper than indexing every line when
 * only a few lines match.
 */
static size_t
search_count_lines(const char *t, size_t len, size_t a, size_t b)
{
	size_t n = 0, i = a;

#ifdef SEARCH_HAVE_AVX2
	if (__builtin_cpu_supports("avx2")) {
		int cr = 1;

		while (cr && i < b) {
			n += search_count_nl_avx2(t, i, b, &i, &cr);
			if (cr) {	/* one block the careful way */
				size_t e = i + 32 < b ? i + 32 : b;
				for (; i < e; i++)
					if (t[i] == '\n' || (t[i] == '\r' &&
					    (i + 1 >= len || t[i + 1] != '\n')))
						n++;
			}
		}
	}
#endif
#ifdef __SSE2__
	const __m128i nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');

	for (; i + 16 <= b; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(t + i));
		unsigned mn = (unsigned)_mm_movemask_epi8(
		    _mm_cmpeq_epi8(x, nl));
		unsigned mc = (unsigned)_mm_movemask_epi8(
		    _mm_cmpeq_epi8(x, cr));

		n += (size_t)__builtin_popcount(mn);
		while (mc != 0) {	/* a lone CR ends a line too */
			size_t j = i + (size_t)__builtin_ctz(mc);
			if (j + 1 >= len || t[j + 1] != '\n')
				n++;
			mc &= mc - 1;
		}
	}
#endif
	for (; i < b; i++)
		if (t[i] == '\n' || (t[i] == '\r' && (i + 1 >= len ||
		    t[i + 1] != '\n')))
			n++;
	return n;
}

/* ---------------------------------------------------------------------
 * The search object.
 */

struct search {
	char *pattern;
	int flags;		/* SEARCH_F_* in effect */
	int regex;
	int hide;		/* annotations are transparent */
	char *folded;		/* literal: the folded pattern */
	size_t folded_len;
	pcre2_code *rx;
	pcre2_match_data *md;
	/* Prefilter: candidate keys (code points of the folded pattern)
	 * and the needles of the one chosen. */
	uint32_t keys[8];
	int nkeys;
	int key_chosen;		/* 0 none, 1 by guess, 2 by sampling */
	int have_needles;
	struct search_needles nd;
	struct search_fbuf fb;
	struct search_match *tmp;
	size_t tmp_cap;
	size_t *cands;
	size_t cand_cap;
	struct search *alt;	/* the pattern in mainland phrases, or NULL */
	char *py;		/* pinyin search: the pattern in lower case */
	size_t py_len;
};

/* 1 if PATTERN has a capital letter (for a regex: not after '\'). */
static int
search_has_capital(const char *p, int regex)
{
	size_t i = 0, n = strlen(p);

	while (i < n) {
		uint32_t cp;
		size_t k;

		if (regex && p[i] == '\\') {
			i += 2;
			if (i <= n && (p[i - 1] == 'p' || p[i - 1] == 'P') &&
			    i < n && p[i] == '{') {
				const char *e = strchr(p + i, '}');
				i = e ? (size_t)(e - p) + 1 : n;
			}
			continue;
		}
		k = utf8_decode(p + i, n - i, &cp);
		if (cp != (uint32_t)-1 &&
		    utf8proc_tolower((utf8proc_int32_t)cp) !=
		    (utf8proc_int32_t)cp)
			return 1;
		i += k;
	}
	return 0;
}

/* Fold a regular expression: non-ASCII characters fold as text does
 * (escaped when they become ASCII punctuation); ASCII stays. */
static char *
search_fold_regex(int flags, const char *p)
{
	struct search_sbuf out = { NULL, 0, 0 };
	size_t i = 0, n = strlen(p);

	while (i < n) {
		uint32_t cp, next;
		size_t k = utf8_decode(p + i, n - i, &cp);
		utf8proc_int32_t state = 0;

		/* Fold whole clusters: "e" and U+0301 must become "é" as
		 * the text's do. */
		while (cp != (uint32_t)-1 && i + k < n) {
			size_t m = utf8_decode(p + i + k, n - i - k, &next);

			if (next == (uint32_t)-1 ||
			    utf8proc_grapheme_break_stateful(
			    (utf8proc_int32_t)cp, (utf8proc_int32_t)next,
			    &state))
				break;
			k += m;
			cp = next;
		}
		if ((k == 1 && (unsigned char)p[i] < 0x80) ||
		    cp == (uint32_t)-1) {
			search_sbuf_add(&out, p + i, k);
		} else {
			struct search_sbuf t = { NULL, 0, 0 };
			search_fold_slow(flags, p + i, k, &t);
			for (size_t j = 0; j < t.len; j++) {
				if ((unsigned char)t.s[j] < 0x80 &&
				    strchr("\\^$.|?*+()[]{}", t.s[j]) != NULL &&
				    t.s[j] != '\0')
					search_sbuf_add(&out, "\\", 1);
				search_sbuf_add(&out, t.s + j, 1);
			}
			free(t.s);
		}
		i += k;
	}
	search_sbuf_add(&out, "", 1);
	return out.s;
}

/*
 * The mainland form of a pattern typed in a Taiwan or Hong Kong view,
 * through OpenCC's tw2sp (phrases: 隨身碟 -> U盘, 軟體 -> 软件) or hk2s.
 * NULL when OpenCC cannot.  Caller frees.
 */
static char *
search_inverse(int hk, const char *pattern)
{
	static opencc_t cc[2] = { (opencc_t)-1, (opencc_t)-1 };
	static int tried[2];
	static const char *const config[2][2] = {
		{ "tw2sp.json", "/usr/share/opencc/tw2sp.json" },
		{ "hk2s.json", "/usr/share/opencc/hk2s.json" },
	};
	char *out, *r;

	if (!tried[hk]) {
		tried[hk] = 1;
		cc[hk] = opencc_open(config[hk][0]);
		if (cc[hk] == (opencc_t)-1)
			cc[hk] = opencc_open(config[hk][1]);
	}
	if (cc[hk] == (opencc_t)-1)
		return NULL;
	/* OpenCC reads past the end of a truncated sequence: only valid
	 * UTF-8 goes in (a pattern that is not has no mainland form). */
	if (u8_check((const uint8_t *)pattern, strlen(pattern)) != NULL)
		return NULL;
	out = opencc_convert_utf8(cc[hk], pattern, strlen(pattern));
	if (out == NULL)
		return NULL;
	r = xstrdup(out);
	opencc_convert_utf8_free(out);
	return r;
}

/* A literal S in a phrase-converting view also looks for the mainland
 * form of its pattern, with the same foldings. */
static void
search_add_alt(struct search *s, const struct search_opts *opts)
{
	struct search_opts o = *opts;
	char *inv, *err = NULL;
	struct search *alt;

	if (s->regex)
		return;
	inv = search_inverse(opts->view_script == CONV_HONGKONG, s->pattern);
	if (inv == NULL || strcmp(inv, s->pattern) == 0) {
		free(inv);
		return;
	}
	o.view_script = CONV_ORIGINAL;
	o.casing = (s->flags & SEARCH_F_CASE) ? SEARCH_CASE_IGNORE :
	    SEARCH_CASE_SENSITIVE;	/* as decided for what was typed */
	alt = search_new(inv, &o, &err);
	free(inv);
	free(err);
	if (alt != NULL && alt->flags == s->flags &&
	    (alt->folded_len != s->folded_len ||
	    memcmp(alt->folded, s->folded, s->folded_len) != 0))
		s->alt = alt;
	else
		search_free(alt);
}

/* Pinyin search: a pattern of Latin letters (and v for ü) only. */
static void
search_pinyin_init(struct search *s, const char *pattern)
{
	size_t n = strlen(pattern);

	if (n < 2 || n > 64)
		return;
	for (size_t i = 0; i < n; i++)
		if (!((pattern[i] >= 'a' && pattern[i] <= 'z') ||
		    (pattern[i] >= 'A' && pattern[i] <= 'Z')))
			return;
	s->py = xstrdup(pattern);
	for (size_t i = 0; i < n; i++)
		if (s->py[i] >= 'A' && s->py[i] <= 'Z')
			s->py[i] = (char)(s->py[i] + 32);
	s->py_len = n;
}

struct search *
search_new(const char *pattern, const struct search_opts *opts, char **err)
{
	static const struct search_opts defaults;
	struct search *s;

	*err = NULL;
	if (opts == NULL)
		opts = &defaults;
	if (pattern == NULL || pattern[0] == '\0') {
		*err = xstrdup("empty pattern");
		return NULL;
	}
	s = xcalloc(1, sizeof *s);
	s->pattern = xstrdup(pattern);
	s->regex = opts->regex;
	s->hide = opts->annot == ANNOT_HIDE || opts->annot == ANNOT_RUBY;
	if (opts->casing == SEARCH_CASE_IGNORE ||
	    (opts->casing == SEARCH_CASE_SMART &&
	    !search_has_capital(pattern, opts->regex)))
		s->flags |= SEARCH_F_CASE;
	if (!opts->no_fold_width)
		s->flags |= SEARCH_F_WIDTH;
	if (!opts->no_fold_script && search_t2s_init() == 1)
		s->flags |= SEARCH_F_SCRIPT;
	if (s->regex) {
		int code;
		PCRE2_SIZE eoff;
		char *re = search_fold_regex(s->flags, pattern);
		uint32_t o = PCRE2_UTF | PCRE2_UCP;

		if (s->flags & SEARCH_F_CASE)
			o |= PCRE2_CASELESS;
		s->rx = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, o,
		    &code, &eoff, NULL);
		free(re);
		if (s->rx == NULL) {
			PCRE2_UCHAR msg[256];

			pcre2_get_error_message(code, msg, sizeof msg);
			*err = xasprintf("invalid regular expression '%s': %s",
			    pattern, (char *)msg);
			search_free(s);
			return NULL;
		}
		pcre2_jit_compile(s->rx, PCRE2_JIT_COMPLETE);
		s->md = pcre2_match_data_create(1, NULL);
		return s;
	}
	search_fold_into(s->flags, 0, pattern, strlen(pattern), 0, &s->fb);
	if (s->fb.f.len == 0) {
		*err = xstrdup("empty pattern");
		search_free(s);
		return NULL;
	}
	s->folded = xstrndup(s->fb.f.s, s->fb.f.len);
	s->folded_len = s->fb.f.len;
	/* Keys: code points that have no canonical decomposition (or,
	 * failing that, the first of one), up to 8 different ones. */
	for (size_t i = 0; i < s->folded_len && s->nkeys < 8; ) {
		uint32_t cp;
		size_t k = utf8_decode(s->folded + i, s->folded_len - i, &cp);
		utf8proc_int32_t d[8];
		int last = 0, dup = 0;
		utf8proc_ssize_t r;

		i += k;
		if (cp == (uint32_t)-1 || cp == 0xFFFD)
			continue;	/* invalid bytes fold to U+FFFD */
		if (!(cp >= 0xAC00 && cp <= 0xD7A3)) {
			r = utf8proc_decompose_char((utf8proc_int32_t)cp, d, 8,
			    UTF8PROC_DECOMPOSE, &last);
			if (r >= 1 && r <= 8)
				cp = (uint32_t)d[0];
		}
		for (int j = 0; j < s->nkeys; j++)
			dup |= s->keys[j] == cp;
		if (!dup)
			s->keys[s->nkeys++] = cp;
	}
	if ((s->flags & SEARCH_F_SCRIPT) && (opts->view_script == CONV_TAIWAN ||
	    opts->view_script == CONV_HONGKONG))
		search_add_alt(s, opts);
	if (opts->pinyin && !opts->regex)
		search_pinyin_init(s, pattern);
	return s;
}

void
search_free(struct search *s)
{
	if (s == NULL)
		return;
	free(s->pattern);
	free(s->folded);
	if (s->md != NULL)
		pcre2_match_data_free(s->md);
	if (s->rx != NULL)
		pcre2_code_free(s->rx);
	search_fbuf_done(&s->fb);
	free(s->tmp);
	free(s->cands);
	search_free(s->alt);
	free(s->py);
	free(s);
}

const char *
search_pattern(const struct search *s)
{
	return s->pattern;
}

int
search_folds_case(const struct search *s)
{
	return (s->flags & SEARCH_F_CASE) != 0;
}

int
search_folds_width(const struct search *s)
{
	return (s->flags & SEARCH_F_WIDTH) != 0;
}

int
search_folds_script(const struct search *s)
{
	return (s->flags & SEARCH_F_SCRIPT) != 0;
}

const char *
search_foldings(const struct search *s)
{
	static const char *const words[SEARCH_NFLAGS] = {
		"", "case", "width", "case width", "script", "case script",
		"width script", "case width script",
	};
	return words[s->flags];
}

/* Hits of ND in S (N bytes), up to LIMIT. */
static size_t
search_count_hits(const struct search_needles *nd, const char *str, size_t n,
    size_t limit)
{
	size_t hits = 0, i = 0;

	while (i < n && hits < limit) {
		const char *p = search_scan(nd, str + i, n - i);
		if (p == NULL)
			break;
		hits++;
		i = (size_t)(p - str) + 1;
	}
	return hits;
}

/*
 * Choose the key whose forms are rarest: in SAMPLE when there is one,
 * else by a guess (ASCII is common, Han less so, and longer forms are
 * rarer).
 */
static void
search_choose_key(struct search *s, const char *sample, size_t n)
{
	size_t best = (size_t)-1;

	if (s->regex || (s->key_chosen == 2) || (s->key_chosen == 1 &&
	    sample == NULL))
		return;
	s->key_chosen = sample ? 2 : 1;
	s->have_needles = 0;
	for (int i = 0; i < s->nkeys; i++) {
		struct search_needles nd;
		size_t score = 0;

		if (search_needles_for(s->flags, s->keys[i], &nd) != 0)
			continue;
		for (int k = 0; k < nd.n; k++)
			score += nd.len[k] == 1 ? 4000 : nd.len[k] == 2 ?
			    400 : nd.len[k] == 3 ? 40 : 4;
		if (sample != NULL)
			score += 1000 * search_count_hits(&nd, sample, n, best);
		if (score < best) {
			best = score;
			s->nd = nd;
			s->have_needles = 1;
		}
	}
	if (s->py != NULL) {
		/* Han text spelling the pattern holds none of its letters. */
		s->have_needles = 0;
		return;
	}
	if (s->alt != NULL) {
		/* Lines holding either form are candidates. */
		struct search_needles *a = &s->alt->nd;

		search_choose_key(s->alt, sample, n);
		if (!s->have_needles || !s->alt->have_needles ||
		    s->nd.n + a->n > SEARCH_MAX_NEEDLES) {
			s->have_needles = 0;
			return;
		}
		for (int k = 0; k < a->n; k++) {
			s->nd.len[s->nd.n] = a->len[k];
			memcpy(s->nd.b[s->nd.n++], a->b[k], 4);
		}
		if (a->maxlen > s->nd.maxlen)
			s->nd.maxlen = a->maxlen;
	}
}

/* 1 if [A, B) of the folded window starts and ends on cluster edges. */
static int
search_aligned(const struct search_fbuf *fb, size_t a, size_t b)
{
	if (a > 0 && fb->so[a] == fb->so[a - 1])
		return 0;
	if (b < fb->f.len && fb->so[b] == fb->so[b - 1])
		return 0;
	return 1;
}

static size_t
search_push(struct search_match **v, size_t *cap, size_t count, size_t off,
    size_t end)
{
	*v = xgrow(*v, cap, count + 1, sizeof **v);
	(*v)[count].off = off;
	(*v)[count].end = end;
	return count + 1;
}

/*
 * Search one window W (N bytes at doc offset BASE).  Matches starting
 * before BASE + ACCEPT and at or after MIN_OFF are appended to *v after
 * COUNT; returns the new count.
 */
static int
search_match_cmp(const void *a, const void *b)
{
	const struct search_match *x = a, *y = b;

	return x->off < y->off ? -1 : x->off > y->off;
}

/*
 * Pinyin search in window W: Han text whose readings spell s->py, added
 * to the literal matches v[FIRST..COUNT) in order.  XXX: an annotation
 * between two characters (網(wǎng)經) stops a match; every Han character
 * costs a lookup, so a search of 100 MB takes seconds.
 */
static size_t
search_pinyin_window(struct search *s, const char *w, size_t n, size_t base,
    size_t accept, size_t min_off, struct search_match **v, size_t *cap,
    size_t first, size_t count)
{
	const struct lexicon *lex = lexicon_get(NULL);
	size_t i = 0;

	if (lex == NULL)
		return count;
	while (i < n && i < accept) {
		uint32_t cp;
		size_t l = utf8_decode(w + i, n - i, &cp), m;

		if (base + i >= min_off && uchar_is_han(cp) &&
		    (m = segment_pinyin_match(lex, w + i, n - i, s->py,
		    s->py_len)) > 0) {
			count = search_push(v, cap, count, base + i,
			    base + i + m);
			i += m;
			continue;
		}
		i += l;
	}
	if (count - first > 1)
		qsort(*v + first, count - first, sizeof **v,
		    search_match_cmp);
	return count;
}

static size_t
search_window_literal(struct search *s, const char *w, size_t n, size_t base,
    int notbol, int noteol, size_t accept, size_t min_off,
    struct search_match **v, size_t *cap, size_t count);

static size_t
search_window(struct search *s, const char *w, size_t n, size_t base,
    int notbol, int noteol, size_t accept, size_t min_off,
    struct search_match **v, size_t *cap, size_t count)
{
	size_t first = count;

	count = search_window_literal(s, w, n, base, notbol, noteol, accept,
	    min_off, v, cap, count);
	if (s->py != NULL)
		count = search_pinyin_window(s, w, n, base, accept, min_off, v,
		    cap, first, count);
	return count;
}

static size_t
search_window_literal(struct search *s, const char *w, size_t n, size_t base,
    int notbol, int noteol, size_t accept, size_t min_off,
    struct search_match **v, size_t *cap, size_t count)
{
	struct search_fbuf *fb = &s->fb;
	size_t a = 0;

	if (!s->regex) {
		if (!s->key_chosen)
			search_choose_key(s, NULL, 0);
		if (s->have_needles && search_scan(&s->nd, w, n) == NULL)
			return count;
	}
	search_fold_into(s->flags, s->hide, w, n, base, fb);
	while (a < fb->f.len) {
		size_t mb, me, off, end;

		if (s->regex) {
			PCRE2_SIZE *ov;
			uint32_t o = PCRE2_NO_UTF_CHECK;
			int rc;

			if (notbol)
				o |= PCRE2_NOTBOL;
			if (noteol)
				o |= PCRE2_NOTEOL;
			rc = pcre2_match(s->rx, (PCRE2_SPTR)fb->f.s, fb->f.len,
			    a, o, s->md, NULL);
			if (rc < 0)
				break;
			ov = pcre2_get_ovector_pointer(s->md);
			mb = ov[0];
			me = ov[1];
			if (me <= mb) {		/* empty: step on */
				size_t k = 1;
				while (mb + k < fb->f.len &&
				    ((unsigned char)fb->f.s[mb + k] & 0xC0) ==
				    0x80)
					k++;
				a = mb + k;
				continue;
			}
			/* Widen to whole clusters. */
			while (mb > 0 && fb->so[mb - 1] == fb->so[mb])
				mb--;
			while (me < fb->f.len && fb->so[me] == fb->so[me - 1])
				me++;
		} else {
			const char *p = memmem(fb->f.s + a, fb->f.len - a,
			    s->folded, s->folded_len), *q;
			size_t plen = s->folded_len;

			/* The mainland form, where it comes first. */
			if (s->alt != NULL && (q = memmem(fb->f.s + a,
			    fb->f.len - a, s->alt->folded,
			    s->alt->folded_len)) != NULL && (p == NULL ||
			    q < p || (q == p && s->alt->folded_len > plen))) {
				p = q;
				plen = s->alt->folded_len;
			}
			if (p == NULL)
				break;
			mb = (size_t)(p - fb->f.s);
			me = mb + plen;
			if (!search_aligned(fb, mb, me)) {
				a = mb + 1;
				continue;
			}
		}
		off = base + fb->so[mb];
		end = base + fb->se[me - 1];
		if (off - base >= accept)
			break;
		if (off >= min_off)
			count = search_push(v, cap, count, off, end);
		a = me;
	}
	return count;
}

/* All matches in S (N bytes at BASE), by windows when long. */
static size_t
search_range(struct search *s, const char *str, size_t n, size_t base,
    struct search_match **v, size_t *cap)
{
	size_t count = 0, a = 0, min_off = 0;

	while (a < n) {
		size_t wend = n - a > SEARCH_WINDOW + SEARCH_OVERLAP ?
		    a + SEARCH_WINDOW + SEARCH_OVERLAP : n;
		size_t accept = wend == n ? n - a : SEARCH_WINDOW;

		/* Do not cut a character. */
		while (wend < n && ((unsigned char)str[wend] & 0xC0) == 0x80)
			wend++;
		while (accept < wend - a &&
		    ((unsigned char)str[a + accept] & 0xC0) == 0x80)
			accept++;
		count = search_window(s, str + a, wend - a, base + a, a > 0,
		    wend < n, accept, min_off, v, cap, count);
		if (count > 0)
			min_off = (*v)[count - 1].end;
		a += accept;
	}
	return count;
}

size_t
search_text(struct search *s, const char *str, size_t n, size_t base,
    struct search_match **v, size_t *cap)
{
	return search_range(s, str, n, base, v, cap);
}

size_t
search_line(struct search *s, struct doc *doc, size_t line,
    struct search_match **v, size_t *cap)
{
	size_t a, b;

	if (!doc_has_line(doc, line))
		return 0;
	if (!s->regex && s->key_chosen != 2)
		search_choose_key(s, doc->text, doc->len < SEARCH_BACK_CHUNK ?
		    doc->len : SEARCH_BACK_CHUNK);
	a = doc_line_start(doc, line);
	b = doc_line_end(doc, line);
	return search_range(s, doc->text + a, b - a, a, v, cap);
}

/* The bounds of the line holding byte Q of T (LEN bytes). */
static void
search_line_bounds(const char *t, size_t len, size_t q, size_t *start,
    size_t *end)
{
	size_t a = q, b = q;

	while (a > 0 && t[a - 1] != '\n' && t[a - 1] != '\r')
		a--;
	while (b < len && t[b] != '\n' && t[b] != '\r')
		b++;
	*start = a;
	*end = b;
}

/*
 * A second core scans the second half of a big text for the prefilter's
 * needles while the first half is searched, so finding a term near the
 * end of 100 MB takes about half the time.  Only the raw scan runs there
 * (search_scan() reads nothing shared but the text); folding and matching
 * the candidate lines, which use the caches, stay on the calling thread.
 */
#define SEARCH_SPLIT_MIN ((size_t)16 << 20)
#define SEARCH_PRESCAN_MAX ((size_t)1 << 16)	/* candidate lines */

struct search_prescan {
	pthread_t thread;
	const struct doc *doc;
	int may_drop;		/* no background index reads the pages */
	const struct search_needles *nd;
	const char *t;
	size_t len, from, to;
	size_t *hits;		/* offsets of needles, one per line */
	size_t *nls;		/* line breaks from FROM to each one's line */
	size_t n, cap, nls_cap;
	int overflow;		/* too many: the caller scans itself */
	atomic_int stop;
};

static void *
search_prescan_main(void *arg)
{
	struct search_prescan *ps = arg;
	const char *t = ps->t;
	size_t pos = ps->from, ls, le, dropped = ps->from;
	size_t counted = ps->from, nl = 0;	/* line breaks before it */

	while (pos < ps->to && !atomic_load(&ps->stop)) {
		if (ps->may_drop && pos - dropped >= DOC_DROP_STEP) {
			/* Count the lines while the pages are here. */
			nl += search_count_lines(t, ps->len, counted, pos);
			counted = pos;
			doc_drop_range(ps->doc, dropped, pos);
			dropped = pos;
		}
		size_t cend = pos + SEARCH_CHUNK < ps->to ? pos + SEARCH_CHUNK :
		    ps->to;
		size_t send = cend + 3 < ps->len ? cend + 3 : ps->len;
		const char *q = search_scan(ps->nd, t + pos, send - pos);

		if (q == NULL || (size_t)(q - t) >= cend) {
			pos = cend;
			continue;
		}
		if (ps->n == SEARCH_PRESCAN_MAX) {
			ps->overflow = 1;
			break;
		}
		ps->hits = xgrow(ps->hits, &ps->cap, ps->n + 1,
		    sizeof *ps->hits);
		ps->nls = xgrow(ps->nls, &ps->nls_cap, ps->n + 1,
		    sizeof *ps->nls);
		search_line_bounds(t, ps->len, (size_t)(q - t), &ls, &le);
		if (ls >= counted) {
			nl += search_count_lines(t, ps->len, counted, ls);
			counted = ls;
			ps->nls[ps->n] = nl;
		} else		/* a line longer than a drop step */
			ps->nls[ps->n] = nl - search_count_lines(t, ps->len,
			    ls, counted);
		ps->hits[ps->n++] = (size_t)(q - t);
		pos = le + 1;
	}
	return NULL;
}

/* Start scanning [FROM, TO) of T on another thread; 0 if it could not. */
static int
search_prescan_start(struct search_prescan *ps, const struct search *s,
    const struct doc *doc, size_t from, size_t to)
{
	const char *t = doc->text;
	size_t len = doc->len;

	memset(ps, 0, sizeof *ps);
	ps->doc = doc;
	ps->may_drop = doc->bg == NULL;	/* read here, on the owner's thread */
	ps->nd = &s->nd;
	ps->t = t;
	ps->len = len;
	ps->from = from;
	ps->to = to;
	atomic_init(&ps->stop, 0);
	return pthread_create(&ps->thread, NULL, search_prescan_main,
	    ps) == 0;
}

static void
search_prescan_end(struct search_prescan *ps, int stop)
{
	if (stop)
		atomic_store(&ps->stop, 1);
	pthread_join(ps->thread, NULL);
}

/* One search_each() walk: what it reports to and how far it got. */
struct search_walk {
	struct search *s;
	const struct doc *doc;
	size_t dropped;			/* pages before this let go */
	const char *t;
	size_t len, from, to;
	search_match_fn on_match;
	search_line_fn on_line;
	void *arg;
	search_progress_fn progress;
	size_t next_progress;
	size_t known_off, known_line;	/* a line start and its number */
	enum search_status st;
};

/* The number of the line starting at OFF, counted from the walk's known
 * place (OFF may be before it: a line longer than a drop step). */
static size_t
search_walk_line_at(const struct search_walk *w, size_t off)
{
	if (off >= w->known_off)
		return w->known_line + search_count_lines(w->t, w->len,
		    w->known_off, off);
	return w->known_line - search_count_lines(w->t, w->len, off,
	    w->known_off);
}

/* The line [LS, LE): report its matches.  1 to stop the walk. */
static int
search_walk_line(struct search_walk *w, size_t ls, size_t le)
{
	struct search *s = w->s;
	size_t n, first = 0, line;

	n = search_range(s, w->t + ls, le - ls, ls, &s->tmp, &s->tmp_cap);
	while (first < n && s->tmp[first].off < w->from)
		first++;
	while (n > first && s->tmp[n - 1].off >= w->to)
		n--;
	if (n == first)
		return 0;
	line = search_walk_line_at(w, ls);
	w->known_off = ls;
	w->known_line = line;
	w->st = SEARCH_FOUND;
	if (w->on_line != NULL && w->on_line(w->arg, line, s->tmp + first,
	    n - first)) {
		w->st = SEARCH_CANCELLED;
		return 1;
	}
	for (size_t i = first; w->on_match != NULL && i < n; i++)
		if (w->on_match(w->arg, line, &s->tmp[i]))
			return 1;
	return 0;
}

/* Let the pages well behind POS go, so a walk over 100 MB does not keep
 * 100 MB resident (they come back from the page cache if read again). */
static void
search_walk_drop(struct search_walk *w, size_t pos)
{
	size_t to;

	if (pos < w->dropped + 2 * DOC_DROP_STEP)
		return;
	to = pos - DOC_DROP_STEP;
	if (w->known_off < to) {	/* count the lines while they are here */
		w->known_line += search_count_lines(w->t, w->len, w->known_off,
		    to);
		w->known_off = to;
	}
	doc_drop_range(w->doc, w->dropped, to);
	w->dropped = to;
}

/* The start of the line after the one ending at LE, or LEN. */
static size_t
search_next_line(const char *t, size_t len, size_t le)
{
	size_t pos = le;

	if (pos < len && t[pos] == '\r')
		pos++;
	if (pos < len && t[pos] == '\n' && (pos == le || t[pos - 1] == '\r'))
		pos++;
	return pos == le ? len : pos;
}

/* Walk the lines starting in [*POS, END).  1 to stop the walk. */
static int
search_walk_span(struct search_walk *w, size_t *pos, size_t end)
{
	struct search *s = w->s;
	size_t ls, le;

	while (*pos < end) {
		search_walk_drop(w, *pos);
		if (w->progress != NULL && *pos >= w->next_progress) {
			w->next_progress = *pos + SEARCH_CHUNK;
			if (w->progress(w->arg, *pos)) {
				w->st = SEARCH_CANCELLED;
				return 1;
			}
		}
		if (!s->regex && s->have_needles) {
			size_t cend = *pos + SEARCH_CHUNK < end ?
			    *pos + SEARCH_CHUNK : end;
			size_t send = cend + 3 < w->len ? cend + 3 : w->len;
			const char *q = search_scan(&s->nd, w->t + *pos,
			    send - *pos);

			if (q == NULL || (size_t)(q - w->t) >= cend) {
				*pos = cend;
				continue;
			}
			search_line_bounds(w->t, w->len, (size_t)(q - w->t),
			    &ls, &le);
		} else
			search_line_bounds(w->t, w->len, *pos, &ls, &le);
		if (search_walk_line(w, ls, le))
			return 1;
		*pos = search_next_line(w->t, w->len, le);
	}
	return 0;
}

enum search_status
search_each(struct search *s, struct doc *doc, size_t from, size_t to,
    search_match_fn on_match, search_line_fn on_line, void *arg,
    search_progress_fn progress)
{
	struct search_walk w;
	struct search_prescan ps;
	size_t pos, limit, mid, dummy, line, base;
	int split = 0;

	if (to > doc->len)
		to = doc->len;
	if (from >= to || doc->len == 0)
		return SEARCH_NOT_FOUND;
	if (!s->regex && s->key_chosen != 2)
		search_choose_key(s, doc->text, doc->len < SEARCH_BACK_CHUNK ?
		    doc->len : SEARCH_BACK_CHUNK);
	memset(&w, 0, sizeof w);
	w.s = s;
	w.doc = doc;
	w.t = doc->text;
	w.len = doc->len;
	w.from = from;
	w.to = to;
	w.on_match = on_match;
	w.on_line = on_line;
	w.arg = arg;
	w.progress = progress;
	w.st = SEARCH_NOT_FOUND;
	line = from == 0 ? 0 : doc_line_of(doc, from);
	pos = from == 0 ? 0 : doc_line_start(doc, line);
	w.known_off = pos;
	w.known_line = line;
	w.dropped = pos;
	w.next_progress = pos + SEARCH_CHUNK;
	search_line_bounds(w.t, w.len, to - 1, &dummy, &limit);
	limit = search_next_line(w.t, w.len, limit);	/* past its line */
	mid = limit;
	if (!s->regex && s->have_needles && limit - pos >= SEARCH_SPLIT_MIN) {
		/* The second half starts at a line start. */
		search_line_bounds(w.t, w.len, pos + (limit - pos) / 2, &dummy,
		    &mid);
		mid = search_next_line(w.t, w.len, mid);
		split = mid < limit && search_prescan_start(&ps, s, doc, mid,
		    limit);
		if (!split)
			mid = limit;
	}
	if (search_walk_span(&w, &pos, mid))
		goto out;
	if (split) {
		search_prescan_end(&ps, 0);
		split = 0;
		if (pos < mid)
			pos = mid;
		if (ps.overflow) {
			search_walk_span(&w, &pos, limit);
			goto out;
		}
		/* The line number where the second half starts; the other
		 * thread counted the lines from there to each candidate. */
		base = search_walk_line_at(&w, mid);
		w.dropped = mid;
		for (size_t i = 0; i < ps.n; i++) {
			size_t ls, le;

			if (ps.hits[i] < pos)
				continue;	/* on a line already done */
			search_line_bounds(w.t, w.len, ps.hits[i], &ls, &le);
			w.known_off = ls;
			w.known_line = base + ps.nls[i];
			search_walk_drop(&w, ls);
			if (search_walk_line(&w, ls, le))
				goto out;
			pos = search_next_line(w.t, w.len, le);
			if (progress != NULL && pos >= w.next_progress) {
				w.next_progress = pos + SEARCH_CHUNK;
				if (progress(arg, pos)) {
					w.st = SEARCH_CANCELLED;
					goto out;
				}
			}
		}
	}
out:
	if (split)
		search_prescan_end(&ps, 1);
	if (mid != limit) {
		free(ps.hits);
		free(ps.nls);
	}
	return w.st;
}

struct search_first {
	struct search_match m;
	search_progress_fn progress;
	void *arg;
};

static int
search_first_progress(void *arg, size_t off)
{
	struct search_first *f = arg;

	return f->progress(f->arg, off);
}

static int
search_take_first(void *arg, size_t line, const struct search_match *m)
{
	struct search_first *f = arg;

	(void)line;
	f->m = *m;
	return 1;
}

/* The last match of line LINE starting before FROM, if any. */
static int
search_last_in_line(struct search *s, struct doc *doc, size_t line,
    size_t from, struct search_match *out)
{
	size_t n = search_line(s, doc, line, &s->tmp, &s->tmp_cap);

	while (n > 0 && s->tmp[n - 1].off >= from)
		n--;
	if (n == 0)
		return 0;
	*out = s->tmp[n - 1];
	return 1;
}

enum search_status
search_find(struct search *s, struct doc *doc, size_t from, int backward,
    struct search_match *out, search_progress_fn progress, void *arg)
{
	size_t line, hi, done = 0, next_progress = SEARCH_CHUNK;
	size_t last_line = (size_t)-1;

	if (!backward) {
		struct search_first f = { { 0, 0 }, progress, arg };
		enum search_status st = search_each(s, doc, from, doc->len,
		    search_take_first, NULL, &f,
		    progress ? search_first_progress : NULL);
		if (st == SEARCH_FOUND)
			*out = f.m;
		return st;
	}
	if (doc->len == 0 || from == 0)
		return SEARCH_NOT_FOUND;
	if (from > doc->len)
		from = doc->len;
	if (!s->regex && s->key_chosen != 2)
		search_choose_key(s, doc->text, doc->len < SEARCH_BACK_CHUNK ?
		    doc->len : SEARCH_BACK_CHUNK);
	line = doc_line_of(doc, from - 1);
	if (s->regex || !s->have_needles) {
		for (;;) {
			size_t a = doc_line_start(doc, line);

			if (search_last_in_line(s, doc, line, from, out))
				return SEARCH_FOUND;
			if (line == 0)
				return SEARCH_NOT_FOUND;
			line--;
			done += doc_line_start(doc, line + 1) - a + 1;
			if (progress != NULL && done >= next_progress) {
				next_progress = done + SEARCH_CHUNK;
				if (progress(arg, a))
					return SEARCH_CANCELLED;
			}
		}
	}
	hi = doc_line_end(doc, line);
	while (hi > 0) {
		size_t lo = hi > SEARCH_BACK_CHUNK ? hi - SEARCH_BACK_CHUNK : 0;
		size_t send = hi + 3 < doc->len ? hi + 3 : doc->len;
		size_t nc = 0, i = lo;

		while (i < hi) {
			const char *q = search_scan(&s->nd, doc->text + i,
			    send - i);
			if (q == NULL || (size_t)(q - doc->text) >= hi)
				break;
			s->cands = xgrow(s->cands, &s->cand_cap, nc + 1,
			    sizeof *s->cands);
			s->cands[nc++] = (size_t)(q - doc->text);
			i = (size_t)(q - doc->text) + 1;
		}
		while (nc > 0) {
			size_t l = doc_line_of(doc, s->cands[--nc]);
			if (l == last_line)
				continue;
			last_line = l;
			if (search_last_in_line(s, doc, l, from, out))
				return SEARCH_FOUND;
		}
		done += hi - lo;
		hi = lo;
		if (progress != NULL && done >= next_progress) {
			next_progress = done + SEARCH_CHUNK;
			if (progress(arg, lo))
				return SEARCH_CANCELLED;
		}
	}
	return SEARCH_NOT_FOUND;
}

char *
search_fold(struct search *s, const char *str, size_t n, size_t **map)
{
	struct search_fbuf fb;
	char *r;

	memset(&fb, 0, sizeof fb);
	search_fold_into(s->flags, s->hide, str, n, 0, &fb);
	r = xstrndup(fb.f.s ? fb.f.s : "", fb.f.len);
	if (map != NULL) {
		*map = xmalloc((fb.f.len + 1) * sizeof **map);
		for (size_t i = 0; i < fb.f.len; i++)
			(*map)[i] = fb.so[i];
		(*map)[fb.f.len] = n;
	}
	search_fbuf_done(&fb);
	return r;
}
