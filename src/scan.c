/*
 * Byte scanning (the contract is in scan.h): needle sets, and the scans
 * for them and for line ends, with SSE2 and, where the CPU has it, AVX2.
 */
#include "yuedu/scan.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "yuedu/fold.h"
#include "yuedu/uchar.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"

struct scan_vset {
	unsigned char (*v)[5];	/* [0] = length, then bytes */
	size_t n, cap;
};

static void
scan_vset_add(struct scan_vset *vs, uint32_t cp)
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
scan_vset_cmp(const void *a, const void *b)
{
	const unsigned char *x = a, *y = b;
	size_t n = x[0] < y[0] ? x[0] : y[0];
	int c = memcmp(x + 1, y + 1, n);

	return c ? c : (int)x[0] - (int)y[0];
}

/*
 * Reduce the variants to at most SCAN_MAX_NEEDLES byte strings that
 * still find every one of them: drop strings that extend another, then
 * cut the longest ones to a shared prefix.  Returns -1 if impossible.
 */
static int
scan_vset_reduce(struct scan_vset *vs, struct scan_needles *nd)
{
	for (int cut = 4; ; cut--) {
		size_t w = 0;

		qsort(vs->v, vs->n, sizeof *vs->v, scan_vset_cmp);
		for (size_t i = 0; i < vs->n; i++) {
			if (w > 0 && vs->v[w - 1][0] <= vs->v[i][0] &&
			    memcmp(vs->v[w - 1] + 1, vs->v[i] + 1,
			    vs->v[w - 1][0]) == 0)
				continue;	/* a prefix is already there */
			memmove(vs->v[w], vs->v[i], sizeof *vs->v);
			w++;
		}
		vs->n = w;
		if (vs->n <= SCAN_MAX_NEEDLES)
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
int
scan_needles_for(int flags, uint32_t x, struct scan_needles *nd)
{
	struct scan_vset vs = { NULL, 0, 0 };
	struct fold_rev *rv = fold_rev_get(flags);
	int rc;

	scan_vset_add(&vs, x);
	for (size_t i = 0; i < rv->n; i++)
		for (size_t j = rv->at[i]; j < rv->at[i + 1]; j++)
			if (rv->pool[j] == x) {
				scan_vset_add(&vs, rv->cp[i]);
				break;
			}
	if ((flags & FOLD_SCRIPT) && uchar_is_han(x))
		for (size_t i = 0; i < search_script_nfold; i++)
			if (search_script_fold[i][1] == x)
				scan_vset_add(&vs, search_script_fold[i][0]);
	rc = scan_vset_reduce(&vs, nd);
	free(vs.v);
	return rc;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define SCAN_HAVE_AVX2 1

/*
 * scan_find() 64 bytes at a time for NN needles of LEN bytes each (both
 * constants where it is inlined, so the loops unroll).  Returns the
 * offset reached or, with *hit, of the first match.  Only called when the
 * CPU has AVX2.
 */
__attribute__((target("avx2"), always_inline)) static inline size_t
scan_avx2_n(const struct scan_needles *nd, const char *s, size_t n,
    int *hit, const int nn, const int len)
{
	__m256i b[SCAN_MAX_NEEDLES][4];
	size_t i = 0;

	*hit = 0;
	for (int k = 0; k < nn; k++)
		for (int j = 0; j < len; j++)
			b[k][j] = _mm256_set1_epi8((char)nd->b[k][j]);
	for (; i + 64 + 3 <= n; i += 64) {
		__m256i m0[SCAN_MAX_NEEDLES], m1[SCAN_MAX_NEEDLES];
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
scan_avx2_any(const struct scan_needles *nd, const char *s,
    size_t n, int *hit)
{
	__m256i b[SCAN_MAX_NEEDLES][4];
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
scan_avx2(const struct scan_needles *nd, const char *s, size_t n,
    int *hit)
{
	int same = 1;

	for (int k = 1; k < nd->n; k++)
		same &= nd->len[k] == nd->len[0];
	if (same && nd->len[0] == 3) {
		switch (nd->n) {
		case 1: return scan_avx2_n(nd, s, n, hit, 1, 3);
		case 2: return scan_avx2_n(nd, s, n, hit, 2, 3);
		case 3: return scan_avx2_n(nd, s, n, hit, 3, 3);
		case 4: return scan_avx2_n(nd, s, n, hit, 4, 3);
		default: break;
		}
	}
	return scan_avx2_any(nd, s, n, hit);
}
#endif

/* The first place in S (N bytes) where a needle starts, or NULL. */
const char *
scan_find(const struct scan_needles *nd, const char *s, size_t n)
{
	size_t i = 0;

	if (nd->n == 1 && nd->len[0] == 1)
		return memchr(s, nd->b[0][0], n);
	if (nd->n == 1 && n > 64)
		return memmem(s, n, nd->b[0], nd->len[0]);
#ifdef SCAN_HAVE_AVX2
	if (n >= 64 && __builtin_cpu_supports("avx2")) {
		int hit;

		i = scan_avx2(nd, s, n, &hit);
		if (hit)
			return s + i;
	}
#endif
#ifdef __SSE2__
	if (n >= i + 16 + 3) {
		__m128i b[SCAN_MAX_NEEDLES][4];

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

#ifdef SCAN_HAVE_AVX2
/* Line feeds in [I, B) of T, 32 bytes at a time; *reached gets where it
 * stopped.  Only called when the CPU has AVX2 (and so POPCNT). */
__attribute__((target("avx2,popcnt"))) static size_t
scan_count_nl_avx2(const char *t, size_t i, size_t b, size_t *reached,
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
size_t
scan_count_lines(const char *t, size_t len, size_t a, size_t b)
{
	size_t n = 0, i = a;

#ifdef SCAN_HAVE_AVX2
	if (__builtin_cpu_supports("avx2")) {
		int cr = 1;

		while (cr && i < b) {
			n += scan_count_nl_avx2(t, i, b, &i, &cr);
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

/* The bounds of the line holding byte Q of T (LEN bytes). */
void
scan_line_bounds(const char *t, size_t len, size_t q, size_t *start,
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

/* The start of the line after the one ending at LE, or LEN. */
size_t
scan_next_line(const char *t, size_t len, size_t le)
{
	size_t pos = le;

	if (pos < len && t[pos] == '\r')
		pos++;
	if (pos < len && t[pos] == '\n' && (pos == le || t[pos - 1] == '\r'))
		pos++;
	return pos == le ? len : pos;
}
