/*
 * The search engine: literal and PCRE2 matching over folded text, pinyin
 * and mainland-phrase alternatives, and the walk over a document.  The
 * folding (fold.c) and the byte scanning (scan.c) are modules of their
 * own: a prefilter scans the raw bytes for every form one pattern
 * character can take, so that only candidate lines are folded and matched.
 */
#include "yuedu/search.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
#include "yuedu/fold.h"
#include "yuedu/i18n.h"
#include "yuedu/uchar.h"
#include "yuedu/utf8.h"
#include "yuedu/lexicon.h"
#include "yuedu/scan.h"
#include "yuedu/segment.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

#define SEARCH_WINDOW ((size_t)1 << 20)		/* long lines: window */
#define SEARCH_OVERLAP ((size_t)64 << 10)	/* ... and overlap */
#define SEARCH_CHUNK ((size_t)4 << 20)		/* progress interval */
#define SEARCH_BACK_CHUNK ((size_t)256 << 10)

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
	pcre2_match_context *mc;	/* the limits */
	int rx_err;		/* a limit was hit (PCRE2 error code) */
	size_t rx_err_off;	/* where: a byte offset of the text */
	char *err;		/* search_error(), or NULL */
	/* Prefilter: candidate keys (code points of the folded pattern)
	 * and the needles of the one chosen. */
	uint32_t keys[8];
	int nkeys;
	int key_chosen;		/* 0 none, 1 by guess, 2 by sampling */
	int have_needles;
	struct scan_needles nd;
	struct fold_buf fb;
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
	struct fold_sbuf out = { NULL, 0, 0 };
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
			fold_sbuf_add(&out, p + i, k);
		} else {
			struct fold_sbuf t = { NULL, 0, 0 };
			fold_slow(flags, p + i, k, &t);
			for (size_t j = 0; j < t.len; j++) {
				if ((unsigned char)t.s[j] < 0x80 &&
				    strchr("\\^$.|?*+()[]{}", t.s[j]) != NULL &&
				    t.s[j] != '\0')
					fold_sbuf_add(&out, "\\", 1);
				fold_sbuf_add(&out, t.s + j, 1);
			}
			free(t.s);
		}
		i += k;
	}
	fold_sbuf_add(&out, "", 1);
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
	o.casing = (s->flags & FOLD_CASE) ? SEARCH_CASE_IGNORE :
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
		*err = xstrdup(_("empty pattern"));
		return NULL;
	}
	s = xcalloc(1, sizeof *s);
	s->pattern = xstrdup(pattern);
	s->regex = opts->regex;
	s->hide = opts->annot == ANNOT_HIDE || opts->annot == ANNOT_RUBY;
	if (opts->casing == SEARCH_CASE_IGNORE ||
	    (opts->casing == SEARCH_CASE_SMART &&
	    !search_has_capital(pattern, opts->regex)))
		s->flags |= FOLD_CASE;
	if (!opts->no_fold_width)
		s->flags |= FOLD_WIDTH;
	if (!opts->no_fold_script && fold_t2s_init() == 1)
		s->flags |= FOLD_SCRIPT;
	if (s->regex) {
		int code;
		PCRE2_SIZE eoff;
		char *re = search_fold_regex(s->flags, pattern);
		uint32_t o = PCRE2_UTF | PCRE2_UCP;

		if (s->flags & FOLD_CASE)
			o |= PCRE2_CASELESS;
		s->rx = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, o,
		    &code, &eoff, NULL);
		free(re);
		if (s->rx == NULL) {
			PCRE2_UCHAR msg[256];

			pcre2_get_error_message(code, msg, sizeof msg);
			*err = xasprintf(_("invalid regular expression '%s': %s"),
			    pattern, (char *)msg);
			search_free(s);
			return NULL;
		}
		pcre2_jit_compile(s->rx, PCRE2_JIT_COMPLETE);
		s->md = pcre2_match_data_create(1, NULL);
		s->mc = pcre2_match_context_create(NULL);
		pcre2_set_match_limit(s->mc, SEARCH_MATCH_LIMIT);
		pcre2_set_depth_limit(s->mc, SEARCH_DEPTH_LIMIT);
		return s;
	}
	fold_into(s->flags, 0, pattern, strlen(pattern), 0, &s->fb);
	if (s->fb.f.len == 0) {
		*err = xstrdup(_("empty pattern"));
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
	if ((s->flags & FOLD_SCRIPT) && (opts->view_script == CONV_TAIWAN ||
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
	if (s->mc != NULL)
		pcre2_match_context_free(s->mc);
	free(s->err);
	fold_buf_done(&s->fb);
	free(s->tmp);
	free(s->cands);
	search_free(s->alt);
	free(s->py);
	free(s);
}

const char *
search_error(const struct search *s)
{
	PCRE2_UCHAR msg[128];

	if (!s->rx_err)
		return NULL;
	if (s->err == NULL) {
		struct search *w = (struct search *)s;	/* made once */

		if (s->rx_err == PCRE2_ERROR_MATCHLIMIT)
			w->err = xstrdup(_("exceeded the regular expression's "
			    "backtracking limit"));
		else if (s->rx_err == PCRE2_ERROR_DEPTHLIMIT)
			w->err = xstrdup(_("exceeded the regular expression's "
			    "nesting limit"));
		else if (s->rx_err == PCRE2_ERROR_HEAPLIMIT ||
		    s->rx_err == PCRE2_ERROR_JIT_STACKLIMIT ||
		    s->rx_err == PCRE2_ERROR_NOMEMORY)
			w->err = xstrdup(_("exceeded the regular expression's "
			    "memory limit"));
		else {
			pcre2_get_error_message(s->rx_err, msg, sizeof msg);
			w->err = xasprintf(_("regular expression: %s"),
			    (const char *)msg);
		}
	}
	return s->err;
}

size_t
search_error_off(const struct search *s)
{
	return s->rx_err_off;
}

void
search_clear_error(struct search *s)
{
	s->rx_err = 0;
	free(s->err);
	s->err = NULL;
}

const char *
search_pattern(const struct search *s)
{
	return s->pattern;
}

int
search_folds_case(const struct search *s)
{
	return (s->flags & FOLD_CASE) != 0;
}

int
search_folds_width(const struct search *s)
{
	return (s->flags & FOLD_WIDTH) != 0;
}

int
search_folds_script(const struct search *s)
{
	return (s->flags & FOLD_SCRIPT) != 0;
}

const char *
search_foldings(const struct search *s)
{
	/* Translated where shown (finder.c). */
	static const char *const words[FOLD_NFLAGS] = {
		"", N_("case"), N_("width"), N_("case width"), N_("script"),
		N_("case script"), N_("width script"), N_("case width script"),
	};
	return words[s->flags];
}

/* Hits of ND in S (N bytes), up to LIMIT. */
static size_t
search_count_hits(const struct scan_needles *nd, const char *str, size_t n,
    size_t limit)
{
	size_t hits = 0, i = 0;

	while (i < n && hits < limit) {
		const char *p = scan_find(nd, str + i, n - i);
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
		struct scan_needles nd;
		size_t score = 0;

		if (scan_needles_for(s->flags, s->keys[i], &nd) != 0)
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
		struct scan_needles *a = &s->alt->nd;

		search_choose_key(s->alt, sample, n);
		if (!s->have_needles || !s->alt->have_needles ||
		    s->nd.n + a->n > SCAN_MAX_NEEDLES) {
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
search_aligned(const struct fold_buf *fb, size_t a, size_t b)
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
	struct fold_buf *fb = &s->fb;
	size_t a = 0;

	if (!s->regex) {
		if (!s->key_chosen)
			search_choose_key(s, NULL, 0);
		if (s->have_needles && scan_find(&s->nd, w, n) == NULL)
			return count;
	}
	fold_into(s->flags, s->hide, w, n, base, fb);
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
			if (s->rx_err)
				break;
			rc = pcre2_match(s->rx, (PCRE2_SPTR)fb->f.s, fb->f.len,
			    a, o, s->md, s->mc);
			if (rc < 0) {
				/* A limit, not "no match": said, and the
				 * search ends (search_error()). */
				if (rc != PCRE2_ERROR_NOMATCH &&
				    rc != PCRE2_ERROR_PARTIAL) {
					s->rx_err = rc;
					s->rx_err_off = base + fb->so[a <
					    fb->f.len ? a : fb->f.len - 1];
				}
				break;
			}
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
		if (s->rx_err)
			break;
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
	search_clear_error(s);
	return search_range(s, str, n, base, v, cap);
}

size_t
search_line(struct search *s, struct doc *doc, size_t line,
    struct search_match **v, size_t *cap)
{
	if (!doc_has_line(doc, line))
		return 0;
	return search_span(s, doc, doc_line_start(doc, line),
	    doc_line_end(doc, line), v, cap);
}

size_t
search_span(struct search *s, struct doc *doc, size_t off, size_t end,
    struct search_match **v, size_t *cap)
{
	search_clear_error(s);
	if (end > doc->len)
		end = doc->len;
	if (off >= end)
		return 0;
	if (!s->regex && s->key_chosen != 2)
		search_choose_key(s, doc->text, doc->len < SEARCH_BACK_CHUNK ?
		    doc->len : SEARCH_BACK_CHUNK);
	return search_range(s, doc->text + off, end - off, off, v, cap);
}

/*
 * A second core scans the second half of a big text for the prefilter's
 * needles while the first half is searched, so finding a term near the
 * end of 100 MB takes about half the time.  Only the raw scan runs there
 * (scan_find() reads nothing shared but the text); folding and matching
 * the candidate lines, which use the caches, stay on the calling thread.
 */
#define SEARCH_SPLIT_MIN ((size_t)16 << 20)
#define SEARCH_PRESCAN_MAX ((size_t)1 << 16)	/* candidate lines */

struct search_prescan {
	pthread_t thread;
	const struct doc *doc;
	int may_drop;		/* no background index reads the pages */
	const struct scan_needles *nd;
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
			nl += scan_count_lines(t, ps->len, counted, pos);
			counted = pos;
			doc_drop_range(ps->doc, dropped, pos);
			dropped = pos;
		}
		size_t cend = pos + SEARCH_CHUNK < ps->to ? pos + SEARCH_CHUNK :
		    ps->to;
		size_t send = cend + 3 < ps->len ? cend + 3 : ps->len;
		const char *q = scan_find(ps->nd, t + pos, send - pos);

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
		scan_line_bounds(t, ps->len, (size_t)(q - t), &ls, &le);
		if (ls >= counted) {
			nl += scan_count_lines(t, ps->len, counted, ls);
			counted = ls;
			ps->nls[ps->n] = nl;
		} else		/* a line longer than a drop step */
			ps->nls[ps->n] = nl - scan_count_lines(t, ps->len,
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
	long next_ms;			/* ... or at this time */
	size_t known_off, known_line;	/* a line start and its number */
	enum search_status st;
};

static long
search_now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/*
 * Time to call the progress callback: every SEARCH_CHUNK bytes (DONE
 * against *NEXT), and every SEARCH_TICK_MS however slow the lines are (a
 * costly regular expression), so a key stops the search at once.
 */
static int
search_tick(size_t done, size_t *next, long *next_ms)
{
	long now;

	if (done < *next && (now = search_now_ms()) < *next_ms)
		return 0;
	*next = done + SEARCH_CHUNK;
	*next_ms = search_now_ms() + SEARCH_TICK_MS;
	return 1;
}

/* The number of the line starting at OFF, counted from the walk's known
 * place (OFF may be before it: a line longer than a drop step). */
static size_t
search_walk_line_at(const struct search_walk *w, size_t off)
{
	if (off >= w->known_off)
		return w->known_line + scan_count_lines(w->t, w->len,
		    w->known_off, off);
	return w->known_line - scan_count_lines(w->t, w->len, off,
	    w->known_off);
}

/* The line [LS, LE): report its matches.  1 to stop the walk. */
static int
search_walk_line(struct search_walk *w, size_t ls, size_t le)
{
	struct search *s = w->s;
	size_t n, first = 0, line;

	n = search_range(s, w->t + ls, le - ls, ls, &s->tmp, &s->tmp_cap);
	if (s->rx_err) {
		w->st = SEARCH_ERROR;
		return 1;
	}
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
		w->known_line += scan_count_lines(w->t, w->len, w->known_off,
		    to);
		w->known_off = to;
	}
	doc_drop_range(w->doc, w->dropped, to);
	w->dropped = to;
}

/* Walk the lines starting in [*POS, END).  1 to stop the walk. */
static int
search_walk_span(struct search_walk *w, size_t *pos, size_t end)
{
	struct search *s = w->s;
	size_t ls, le;

	while (*pos < end) {
		search_walk_drop(w, *pos);
		if (w->progress != NULL && search_tick(*pos,
		    &w->next_progress, &w->next_ms)) {
			if (w->progress(w->arg, *pos)) {
				w->st = SEARCH_CANCELLED;
				return 1;
			}
		}
		if (!s->regex && s->have_needles) {
			size_t cend = *pos + SEARCH_CHUNK < end ?
			    *pos + SEARCH_CHUNK : end;
			size_t send = cend + 3 < w->len ? cend + 3 : w->len;
			const char *q = scan_find(&s->nd, w->t + *pos,
			    send - *pos);

			if (q == NULL || (size_t)(q - w->t) >= cend) {
				*pos = cend;
				continue;
			}
			scan_line_bounds(w->t, w->len, (size_t)(q - w->t),
			    &ls, &le);
		} else
			scan_line_bounds(w->t, w->len, *pos, &ls, &le);
		if (search_walk_line(w, ls, le))
			return 1;
		*pos = scan_next_line(w->t, w->len, le);
	}
	return 0;
}

enum search_status
search_each(struct search *s, struct doc *doc, const struct search_visit *v)
{
	size_t from = v->from, to = v->to;
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
	w.on_match = v->on_match;
	w.on_line = v->on_line;
	w.arg = v->arg;
	w.progress = v->progress;
	w.st = SEARCH_NOT_FOUND;
	line = from == 0 ? 0 : doc_line_of(doc, from);
	pos = from == 0 ? 0 : doc_line_start(doc, line);
	w.known_off = pos;
	w.known_line = line;
	w.dropped = pos;
	w.next_progress = pos + SEARCH_CHUNK;
	w.next_ms = search_now_ms() + SEARCH_TICK_MS;
	search_clear_error(s);
	scan_line_bounds(w.t, w.len, to - 1, &dummy, &limit);
	limit = scan_next_line(w.t, w.len, limit);	/* past its line */
	mid = limit;
	if (!s->regex && s->have_needles && limit - pos >= SEARCH_SPLIT_MIN) {
		/* The second half starts at a line start. */
		scan_line_bounds(w.t, w.len, pos + (limit - pos) / 2, &dummy,
		    &mid);
		mid = scan_next_line(w.t, w.len, mid);
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
			scan_line_bounds(w.t, w.len, ps.hits[i], &ls, &le);
			w.known_off = ls;
			w.known_line = base + ps.nls[i];
			search_walk_drop(&w, ls);
			if (search_walk_line(&w, ls, le))
				goto out;
			pos = scan_next_line(w.t, w.len, le);
			if (w.progress != NULL && search_tick(pos,
			    &w.next_progress, &w.next_ms)) {
				if (w.progress(w.arg, pos)) {
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
	long next_ms = search_now_ms() + SEARCH_TICK_MS;

	if (!backward) {
		struct search_first f = { { 0, 0 }, progress, arg };
		struct search_visit v = {
			.from = from, .to = doc->len,
			.on_match = search_take_first, .arg = &f,
			.progress = progress ? search_first_progress : NULL,
		};
		enum search_status st = search_each(s, doc, &v);
		if (st == SEARCH_FOUND)
			*out = f.m;
		return st;
	}
	search_clear_error(s);
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
			if (s->rx_err)
				return SEARCH_ERROR;
			if (line == 0)
				return SEARCH_NOT_FOUND;
			line--;
			done += doc_line_start(doc, line + 1) - a + 1;
			if (progress != NULL && search_tick(done,
			    &next_progress, &next_ms)) {
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
			const char *q = scan_find(&s->nd, doc->text + i,
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
		if (progress != NULL && search_tick(done, &next_progress,
		    &next_ms)) {
			if (progress(arg, lo))
				return SEARCH_CANCELLED;
		}
	}
	return SEARCH_NOT_FOUND;
}

char *
search_fold(struct search *s, const char *str, size_t n, size_t **map)
{
	struct fold_buf fb;
	char *r;

	memset(&fb, 0, sizeof fb);
	fold_into(s->flags, s->hide, str, n, 0, &fb);
	r = xstrndup(fb.f.s ? fb.f.s : "", fb.f.len);
	if (map != NULL) {
		*map = xmalloc((fb.f.len + 1) * sizeof **map);
		for (size_t i = 0; i < fb.f.len; i++)
			(*map)[i] = fb.so[i];
		(*map)[fb.f.len] = n;
	}
	fold_buf_done(&fb);
	return r;
}
