/*
 * The search engine: what folds to what, which source bytes a match
 * covers, clusters never split, annotations, regular expressions, each
 * folding turned off, long lines, backward search and cancelling.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/conv.h"
#include "yuedu/doc.h"
#include "yuedu/layout.h"
#include "yuedu/search.h"
#include "yuedu/util.h"

#include "testutil.h"


static struct search *
compile(const char *pat, const struct search_opts *o)
{
	char *err = NULL;
	struct search *s = search_new(pat, o, &err);

	if (s == NULL)
		fail_msg("search_new(%s): %s", pat, err);
	return s;
}

/* The matches of PAT in TEXT as "off-end off-end ..." (byte offsets). */
static char *
matches(const char *pat, const struct search_opts *o, const char *text)
{
	struct search *s = compile(pat, o);
	struct search_match *v = NULL;
	size_t cap = 0, n = search_text(s, text, strlen(text), 0, &v, &cap);
	char *out = xstrdup("");

	for (size_t i = 0; i < n; i++) {
		char *t = xasprintf("%s%s%zu-%zu", out, i ? " " : "",
		    v[i].off, v[i].end);
		free(out);
		out = t;
	}
	free(v);
	search_free(s);
	return out;
}

/* The text the first match of PAT in TEXT covers, or "" for none. */
static char *
first(const char *pat, const struct search_opts *o, const char *text)
{
	struct search *s = compile(pat, o);
	struct search_match *v = NULL;
	size_t cap = 0, n = search_text(s, text, strlen(text), 0, &v, &cap);
	char *out = n ? xstrndup(text + v[0].off, v[0].end - v[0].off) :
	    xstrdup("");

	free(v);
	search_free(s);
	return out;
}

#define assert_first(pat, o, text, want) do {				\
	char *got_ = first(pat, o, text);				\
	assert_string_equal(got_, want);				\
	free(got_);							\
} while (0)

#define assert_matches(pat, o, text, want) do {				\
	char *got_ = matches(pat, o, text);				\
	assert_string_equal(got_, want);				\
	free(got_);							\
} while (0)

static void
test_fold_table(void **st)
{
	static const struct {
		const char *in, *folded;
	} t[] = {
		{ "ＡＩ", "ai" },		/* full-width, capitals */
		{ "Ai", "ai" },
		{ "１２３", "123" },
		{ "網", "网" },			/* traditional to simplified */
		{ "經", "经" },
		{ "網經社", "网经社" },
		{ "网经社", "网经社" },		/* simplified stays */
		{ "网\u200B经", "网经" },	/* ZWSP is dropped */
		{ "e\u0301", "\u00e9" },	/* composed (NFC) */
		{ "ﬁ", "fi" },			/* compatibility ligature */
		{ "（一）", "(一)" },
	};
	struct search *s = compile("x", NULL);

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *f = search_fold(s, t[i].in, strlen(t[i].in), NULL);
		if (strcmp(f, t[i].folded) != 0)
			fail_msg("fold(%s) = %s, want %s", t[i].in, f,
			    t[i].folded);
		free(f);
	}
	assert_string_equal(search_foldings(s), "case width script");
	search_free(s);
}

static void
test_width_and_case(void **st)
{
	/* "ai" finds ＡＩ, AI and Ai; 1 finds １. */
	assert_first("ai", NULL, "用ＡＩ技术", "ＡＩ");
	assert_first("ai", NULL, "用AI技术", "AI");
	assert_first("ai", NULL, "用Ai技术", "Ai");
	assert_first("1", NULL, "第１章", "１");
	assert_first("ａｉ", NULL, "the AI age", "AI");
	/* Smart case: a capital makes the pattern case-sensitive. */
	assert_first("AI", NULL, "ai and ＡＩ", "ＡＩ");
	assert_matches("AI", NULL, "ai ai", "");
	{
		struct search *s = compile("AI", NULL);
		assert_false(search_folds_case(s));
		assert_string_equal(search_foldings(s), "width script");
		search_free(s);
	}
}

static void
test_script(void **st)
{
	assert_first("网经社", NULL, "（網經社訊）", "網經社");
	assert_first("網", NULL, "网站", "网");
	assert_first("经", NULL, "經濟", "經");
	/* Mixed forms on both sides. */
	assert_first("網经", NULL, "网經社", "网經");
	/* Offsets are those of the source bytes. */
	assert_matches("网经社", NULL, "ab網經社cd", "2-11");
	/* Variants t2s alone leaves apart: 馀 is its own simplified form,
	 * yet s2t links it to 餘, and t2s 餘 to 余. */
	assert_first("余", NULL, "剩馀", "馀");
	assert_first("余", NULL, "其餘", "餘");
	assert_first("馀", NULL, "多余", "余");
	assert_first("後", NULL, "之后", "后");
	assert_first("发", NULL, "頭髮", "髮");
}

static void
test_annotations(void **st)
{
	struct search_opts hide = { .annot = ANNOT_HIDE };
	struct search_opts show = { .annot = ANNOT_SHOW };
	const char *text = "(網(wǎng)經(jīng)社訊)";

	/* Hidden: the annotations are transparent; the match covers them
	 * but starts at 網 and ends after 社. */
	assert_first("网经社", &hide, text, "網(wǎng)經(jīng)社");
	assert_first("wǎng", &hide, text, "");
	/* A match ending at an annotated character leaves its annotation. */
	assert_first("网", &hide, text, "網");
	/* Shown: the annotation is text like any other. */
	assert_first("网经社", &show, text, "");
	assert_first("wǎng", &show, text, "wǎng");
	assert_first("网(wǎng)经", &show, text, "網(wǎng)經");
	/* Full-width parentheses. */
	assert_first("战役", &hide, "戰（zhàn）役", "戰（zhàn）役");
}

static void
test_clusters(void **st)
{
	struct search_opts raw = { .casing = SEARCH_CASE_SENSITIVE,
	    .no_fold_width = 1, .no_fold_script = 1 };

	/* e + combining acute is one cluster: "e" never takes half. */
	assert_first("e", NULL, "cafe\u0301", "");
	assert_first("e", &raw, "cafe\u0301", "");
	assert_first("caf", &raw, "cafe\u0301", "caf");
	/* Composed and decomposed forms find each other (NFC). */
	assert_first("\u00e9", NULL, "cafe\u0301", "e\u0301");
	assert_first("e\u0301", NULL, "caf\u00e9", "\u00e9");
	/* A person inside a family emoji is not a match. */
	assert_first("👩", NULL, "👨\u200D👩\u200D👧", "");
	assert_first("👨\u200D👩\u200D👧", NULL, "x👨\u200D👩\u200D👧y",
	    "👨\u200D👩\u200D👧");
	/* A ligature folds to two letters: both or nothing. */
	assert_first("fi", NULL, "ﬁle", "ﬁ");
	assert_first("f", NULL, "ﬁle", "");
	/* ZWSP inside a word does not stop a match. */
	assert_first("网经", NULL, "网\u200B经", "网\u200B经");
}

/* In a Taiwan or Hong Kong view the reader types the phrases it shows:
 * they find the mainland phrases of the source. */
static void
test_view_phrases(void **st)
{
	struct search_opts tw = { .view_script = CONV_TAIWAN };
	struct search_opts hk = { .view_script = CONV_HONGKONG };
	struct search_opts twcs = { .view_script = CONV_TAIWAN,
	    .no_fold_script = 1 };

	assert_first("隨身碟", &tw, "存到U盘里", "U盘");
	assert_first("軟體", &tw, "买软件", "软件");
	assert_first("記憶體", &tw, "软件和内存", "内存");
	assert_first("軟體", &tw, "軟體", "軟體");	/* as written too */
	assert_first("隨身碟", NULL, "存到U盘里", "");	/* not unless shown */
	assert_first("隨身碟", &twcs, "存到U盘里", "");	/* folding off */
	assert_first("軟件", &hk, "买软件", "软件");
	/* Both forms in one line come in order. */
	assert_matches("軟體", &tw, "軟體与软件", "0-6 9-15");
}

static void
test_folds_off(void **st)
{
	struct search_opts cs = { .casing = SEARCH_CASE_SENSITIVE };
	struct search_opts nw = { .no_fold_width = 1 };
	struct search_opts ns = { .no_fold_script = 1 };
	struct search_opts ic = { .casing = SEARCH_CASE_IGNORE };

	assert_first("ai", &cs, "AI ＡＩ Ai", "");
	assert_first("ai", &cs, "AI ａｉ", "ａｉ");
	assert_first("Ai", &ic, "AI", "AI");
	assert_first("ai", &nw, "ＡＩ", "");
	assert_first("ai", &nw, "ＡＩ AI", "AI");
	assert_first("ａｉ", &nw, "ＡＩ", "ＡＩ");	/* case still folds */
	assert_first("网", &ns, "網", "");
	assert_first("網", &ns, "网網", "網");
	{
		struct search *s = compile("ai", &nw);
		assert_string_equal(search_foldings(s), "case script");
		search_free(s);
		s = compile("ai", &ns);
		assert_string_equal(search_foldings(s), "case width");
		search_free(s);
	}
}

static void
test_regex(void **st)
{
	struct search_opts re = { .regex = 1 };
	struct search_opts re_hide = { .regex = 1, .annot = ANNOT_HIDE };
	char *err = NULL;
	struct search *s;

	assert_first("a.技", &re, "用ＡＩ技术", "ＡＩ技");
	assert_first("\\d+", &re, "第１２章", "１２");
	assert_first("^网", &re, "網站", "網");
	assert_first("^站", &re, "網站", "");
	assert_first("网.社", &re, "網經社", "網經社");
	assert_first("经社$", &re_hide, "網(wǎng)經(jīng)社", "經(jīng)社");
	/* Full-width parentheses in a pattern are literal, not a group. */
	assert_first("（一）", &re, "第(一)条", "(一)");
	/* A regex \S is not a capital. */
	s = compile("\\Sb", &re);
	assert_true(search_folds_case(s));
	search_free(s);
	assert_first("\\Sb", &re, "AB", "AB");
	/* Matches may not end inside a cluster: they are widened. */
	assert_first("caf.", &re, "cafe\u0301!", "cafe\u0301");
	/* Empty matches are skipped; no endless loop. */
	assert_matches("x*", &re, "abxxc", "2-4");
	s = search_new("(", &re, &err);
	assert_null(s);
	assert_non_null(strstr(err, "missing closing parenthesis"));
	free(err);
	s = search_new("", NULL, &err);
	assert_null(s);
	assert_string_equal(err, "empty pattern");
	free(err);
}

static void
test_invalid_bytes(void **st)
{
	/* Invalid UTF-8 and controls neither crash nor stop a match. */
	assert_matches("b", NULL, "a\xff\xfe" "b\x1b[31mb", "3-4 9-10");
	assert_first("网", NULL, "\xe7\xbd" "网", "网");
	assert_matches("\xff", NULL, "a\xff", "1-2");
}

/* A document with the pattern on lines 2 and 4 (1-based), in several
 * forms. */
static const char doc_text[] =
    "第一行没有\n"
    "（網經社訊）在第21個510阿里日\r\n"
    "\n"
    "網(wǎng)經(jīng)社數字零售台\n"
    "最後一行网经社";

static void
test_doc_find(void **st)
{
	struct doc *doc = doc_new_mem(doc_text, strlen(doc_text), "t");
	struct search_opts o = { .annot = ANNOT_HIDE };
	struct search *s = compile("网经社", &o);
	struct search_match m;
	size_t l2 = strstr(doc_text, "網經社") - doc_text;
	size_t l4 = strstr(doc_text, "網(") - doc_text;
	size_t l5 = strstr(doc_text, "网经社") - doc_text;

	assert_int_equal(search_find(s, doc, 0, 0, &m, NULL, NULL),
	    SEARCH_FOUND);
	assert_int_equal(m.off, l2);
	assert_int_equal(m.end, l2 + 9);
	assert_int_equal(search_find(s, doc, m.off + 1, 0, &m, NULL, NULL),
	    SEARCH_FOUND);
	assert_int_equal(m.off, l4);
	assert_memory_equal(doc_text + m.off, "網(wǎng)經(jīng)社",
	    m.end - m.off);
	assert_int_equal(search_find(s, doc, m.off + 1, 0, &m, NULL, NULL),
	    SEARCH_FOUND);
	assert_int_equal(m.off, l5);
	assert_int_equal(m.end, strlen(doc_text));
	assert_int_equal(search_find(s, doc, m.off + 1, 0, &m, NULL, NULL),
	    SEARCH_NOT_FOUND);
	/* Backward: the last one starting before FROM. */
	assert_int_equal(search_find(s, doc, strlen(doc_text), 1, &m, NULL,
	    NULL), SEARCH_FOUND);
	assert_int_equal(m.off, l5);
	assert_int_equal(search_find(s, doc, l5, 1, &m, NULL, NULL),
	    SEARCH_FOUND);
	assert_int_equal(m.off, l4);
	assert_int_equal(search_find(s, doc, l4 + 1, 1, &m, NULL, NULL),
	    SEARCH_FOUND);
	assert_int_equal(m.off, l4);
	assert_int_equal(search_find(s, doc, l2, 1, &m, NULL, NULL),
	    SEARCH_NOT_FOUND);
	search_free(s);
	doc_free(doc);
}

struct collect {
	size_t lines[16], offs[16], n;
};

static int
collect_match(void *arg, size_t line, const struct search_match *m)
{
	struct collect *c = arg;

	if (c->n < 16) {
		c->lines[c->n] = line;
		c->offs[c->n] = m->off;
	}
	c->n++;
	return 0;
}

static void
test_doc_each_lines(void **st)
{
	struct doc *doc = doc_new_mem(doc_text, strlen(doc_text), "t");
	struct search_opts o = { .annot = ANNOT_HIDE };
	struct search *s = compile("网经社", &o);
	struct collect c = { .n = 0 };

	/* Line numbers as doc.h counts them (CRLF is one line end). */
	assert_int_equal(search_each(s, doc, &(struct search_visit){
	    .to = doc->len, .on_match = collect_match, .arg = &c }),
	    SEARCH_FOUND);
	assert_int_equal(c.n, 3);
	assert_int_equal(c.lines[0], 1);
	assert_int_equal(c.lines[1], 3);
	assert_int_equal(c.lines[2], 4);
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(doc_line_of(doc, c.offs[i]), c.lines[i]);
	/* A range: only matches starting in it. */
	c.n = 0;
	search_each(s, doc, &(struct search_visit){ .from = c.offs[0] + 1,
	    .to = c.offs[2], .on_match = collect_match, .arg = &c });
	assert_int_equal(c.n, 1);
	assert_int_equal(c.lines[0], 3);
	search_free(s);
	doc_free(doc);
}

/* A match across a row wrap: the layout puts its start and end on two
 * rows, and it is found whole. */
static void
test_across_rows(void **st)
{
	const char *text = "阿里巴巴集團在網經社發布了帖子";
	struct doc *doc = doc_new_mem(text, strlen(text), "t");
	struct layout_opts lo = { .width_cols = 16, .annot = ANNOT_SHOW };
	struct layout *lay = layout_new(doc, &lo);
	const struct layout_line *ll = layout_get(lay, 0);
	struct search *s = compile("网经社", NULL);
	struct search_match *v = NULL;
	size_t cap = 0, n = search_line(s, doc, 0, &v, &cap);

	assert_int_equal(n, 1);
	assert_memory_equal(text + v[0].off, "網經社", 9);
	assert_true(ll->nrows >= 2);
	assert_int_equal(layout_row_of(ll, v[0].off), 0);
	assert_int_equal(layout_row_of(ll, v[0].end - 1), 1);
	free(v);
	search_free(s);
	layout_free(lay);
	doc_free(doc);
}

/* A 3 MB line is searched in windows: a match across a window edge is
 * found once, with the right offsets. */
static void
test_long_line(void **st)
{
	size_t n = 3u << 20, edge = 1u << 20;
	char *buf = xmalloc(n);
	struct doc *doc;
	struct search *s = compile("網經社", NULL);
	struct search_match *v = NULL;
	size_t cap = 0, k;

	for (size_t i = 0; i < n; i++)
		buf[i] = (char)('a' + i % 7);
	memcpy(buf + edge - 4, "网经社", 9);
	memcpy(buf + 10, "網經社", 9);
	memcpy(buf + n - 9, "網经社", 9);
	doc = doc_new_mem(buf, n, "t");
	k = search_line(s, doc, 0, &v, &cap);
	assert_int_equal(k, 3);
	assert_int_equal(v[0].off, 10);
	assert_int_equal(v[1].off, edge - 4);
	assert_int_equal(v[1].end, edge + 5);
	assert_int_equal(v[2].off, n - 9);
	free(v);
	search_free(s);
	doc_free(doc);
	free(buf);
}

static int
stop_now(void *arg, size_t off)
{
	int *calls = arg;

	(*calls)++;
	return 1;
}

static void
test_cancel(void **st)
{
	size_t n = 20u << 20;
	char *buf = xmalloc(n);
	struct doc *doc;
	struct search *s = compile("網經社", NULL);
	struct search_match m;
	int calls = 0;

	for (size_t i = 0; i < n; i++)
		buf[i] = (i % 64 == 63) ? '\n' : 'x';
	memcpy(buf + n - 20, "網經社", 9);
	doc = doc_new_mem(buf, n, "t");
	assert_int_equal(search_find(s, doc, 0, 0, &m, stop_now, &calls),
	    SEARCH_CANCELLED);
	assert_int_equal(calls, 1);
	calls = 0;
	assert_int_equal(search_find(s, doc, n, 1, &m, stop_now, &calls),
	    SEARCH_FOUND);	/* found before the first progress call */
	assert_int_equal(calls, 0);
	assert_int_equal(search_find(s, doc, n - 100, 1, &m, stop_now, &calls),
	    SEARCH_CANCELLED);
	/* Without a callback it runs to the end. */
	assert_int_equal(search_find(s, doc, 0, 0, &m, NULL, NULL),
	    SEARCH_FOUND);
	assert_int_equal(m.off, n - 20);
	search_free(s);
	doc_free(doc);
	free(buf);
}

/* Every match the prefilter lets through is the same as folding every
 * line: compare against a plain scan on a real traditional text. */
static void
test_prefilter_agrees(void **st)
{
	static const char *const pats[] = {
		"宋江", "吴用", "林冲", "梁山泊", "一", "了", "ai", "第",
	};
	const char *path = getenv("YUEDU_DATA");
	char *file;
	struct doc *doc;
	char *cause;

	if (path == NULL)
		skip();
	file = xasprintf("%s/hongloumeng_trad_ch1-5.txt", path);
	assert_int_equal(doc_open(&doc, file, &cause), DOC_OK);
	for (size_t p = 0; p < sizeof pats / sizeof pats[0]; p++) {
		struct search *s = compile(pats[p], NULL);
		struct search_opts ro = { .regex = 1 };
		struct search *r = compile(pats[p], &ro);	/* no prefilter */
		struct collect a = { .n = 0 }, b = { .n = 0 };

		search_each(s, doc, &(struct search_visit){ .to = doc->len,
		    .on_match = collect_match, .arg = &a });
		search_each(r, doc, &(struct search_visit){ .to = doc->len,
		    .on_match = collect_match, .arg = &b });
		if (a.n != b.n)
			fail_msg("%s: %zu matches, %zu by regex", pats[p],
			    a.n, b.n);
		search_free(s);
		search_free(r);
	}
	doc_free(doc);
	free(file);
}

static int
append_match(void *arg, size_t line, const struct search_match *m)
{
	char **out = arg, *t;

	(void)line;
	t = xasprintf("%s%s%zu-%zu", *out, **out ? " " : "", m->off, m->end);
	free(*out);
	*out = t;
	return 0;
}

/* The matches of PAT in TEXT as matches() gives them, but line by line
 * through a document, as the reader and --grep search (prefilter on). */
static char *
doc_matches(const char *pat, const struct search_opts *o, const char *text)
{
	struct search *s = compile(pat, o);
	struct doc *doc = doc_new_mem(text, strlen(text), "test");
	char *out = xstrdup("");

	search_each(s, doc, &(struct search_visit){ .to = doc->len,
		    .on_match = append_match, .arg = &out });
	doc_free(doc);
	search_free(s);
	return out;
}

/*
 * Where the literal and the regex results differ, the regex may only have
 * more: matches inside a cluster that folds to several characters (i in
 * ﬁ), widened to the whole cluster, which a literal search refuses.
 */
/* The next "A-B" of a list of ranges at *Q into KEY; 0 at the end. */
static int
next_range(const char **q, size_t *a, size_t *b, char *key, size_t size)
{
	int n = 0;

	if (sscanf(*q, "%zu-%zu%n", a, b, &n) != 2)
		return 0;
	*q += n;
	while (**q == ' ')
		(*q)++;
	snprintf(key, size, " %zu-%zu ", *a, *b);
	return 1;
}

/* 1 if the list of ranges LIST holds KEY (" A-B "). */
static int
has_range(const char *list, const char *key)
{
	char *l = xasprintf(" %s ", list);
	int r = strstr(l, key) != NULL;

	free(l);
	return r;
}

static void
check_widened(const char *pat, const struct search_opts *o, const char *tx,
    const char *lit, const char *rx, int flags)
{
	struct search *s = compile(pat, o);
	char *fp = search_fold(s, pat, strlen(pat), NULL), key[64];
	const char *q = rx;
	size_t a, b;

	while (next_range(&q, &a, &b, key, sizeof key)) {
		char *ft;

		if (has_range(lit, key))
			continue;
		ft = search_fold(s, tx + a, b - a, NULL);
		if (strcmp(ft, fp) == 0)
			fail_msg("flags %d, '%s': literal %s lost%s(regex %s)",
			    flags, pat, lit, key, rx);
		free(ft);
	}
	/* And the literal finds nothing the regex does not. */
	for (q = lit; next_range(&q, &a, &b, key, sizeof key); )
		if (!has_range(rx, key))
			fail_msg("flags %d, '%s': literal %s, regex %s",
			    flags, pat, lit, rx);
	free(fp);
	search_free(s);
}

/*
 * The prefilter never loses a match, whatever the foldings: for every
 * piece of one to three characters of a mixed text (accents, full-width, kana, traditional), the
 * literal search and the same pattern as a quoted regular expression
 * (which folds every line, no prefilter) find the same ranges.
 */
static void
test_prefilter_every_folding(void **st)
{
	/* Short lines, so that the prefilter decides for each word. */
	static const char text[] = "Café\nnaïve ＡＩ\nAI ai\n１２3\n"
	    "網經社 网经社\n其餘\n剩馀 多余\nカタカナ\nｶﾀｶﾅ\né\ne\xcc\x81\nß SS\n"
	    "第二行\nＣａｆé\n後來 之后\n頭髮\n髮型\nﬁne\nfine";
	char *tx = xstrdup(text);
	size_t cps[256], ncp = 0;

	/* Pieces start and end on cluster edges: not before the one
	 * combining mark (U+0301, CC 81). */
	for (size_t i = 0; tx[i]; i++)
		if (((unsigned char)tx[i] & 0xC0) != 0x80 &&
		    (unsigned char)tx[i] != 0xCC && ncp < 256)
			cps[ncp++] = i;
	for (int flags = 0; flags < 8; flags++) {
		struct search_opts o = {
			.casing = flags & 1 ? SEARCH_CASE_SENSITIVE :
			    SEARCH_CASE_SMART,
			.no_fold_width = flags & 2 ? 1 : 0,
			.no_fold_script = flags & 4 ? 1 : 0,
		};
		struct search_opts r = o;

		r.regex = 1;
		for (size_t k = 0; k < ncp * 3; k++) {
			size_t a = k / 3, len = 1 + k % 3, b;
			char *pat, *re, *m1, *m2;

			b = a + len < ncp ? cps[a + len] : strlen(tx);
			pat = xstrndup(tx + cps[a], b - cps[a]);
			if (pat[strspn(pat, " \n")] == '\0' ||
			    strchr(pat, '\n') != NULL) {
				free(pat);
				continue;
			}
			re = xasprintf("\\Q%s\\E", pat);
			m1 = doc_matches(pat, &o, tx);
			m2 = doc_matches(re, &r, tx);
			if (strcmp(m1, m2) != 0)
				check_widened(pat, &o, tx, m1, m2, flags);
			if (m1[0] == '\0')
				fail_msg("flags %d: '%s' not found in the text "
				    "it was taken from", flags, pat);
			free(pat);
			free(re);
			free(m1);
			free(m2);
		}
	}
	free(tx);
}

/* Matches seen by a walk: how many, and a hash of their lines and
 * ranges in order. */
struct walk_sum {
	size_t n;
	uint64_t h;
	struct doc *doc;	/* to check each line number against */
	size_t wrong_lines;
};

static int
sum_match(void *arg, size_t line, const struct search_match *m)
{
	struct walk_sum *w = arg;
	size_t v[3] = { line, m->off, m->end };

	if (doc_line_of(w->doc, m->off) != line)
		w->wrong_lines++;

	for (int i = 0; i < 3; i++)
		w->h = (w->h ^ v[i]) * 1099511628211u;
	w->n++;
	return 0;
}

static struct walk_sum
each_all(const char *pat, int regex, struct doc *doc)
{
	struct search_opts o = { .regex = regex };
	struct search *s = compile(pat, &o);
	struct walk_sum w = { 0, 14695981039346656037u, doc, 0 };

	search_each(s, doc, &(struct search_visit){ .to = doc->len,
		    .on_match = sum_match, .arg = &w });
	search_free(s);
	return w;
}

/*
 * Over 16 MB the second half is scanned on another thread: the matches,
 * their line numbers and their order are as a regex walk (which never
 * splits) finds them, with few candidate lines and with very many, over
 * LF and CRLF lines, and with a match on the line where the halves meet.
 */
static void
test_split_scan(void **st)
{
	size_t n = 0, cap = 17u << 20;
	char *buf = xmalloc(cap), *path, *cause;
	struct doc *doc, *mapped;
	/* Few candidate lines, too many to list (甲: every other line),
	 * and one where the halves meet. */
	static const char *const pats[] = { "網經社", "甲", "丁" };

	for (size_t i = 0; n + 200 < cap; i++) {
		n += (size_t)snprintf(buf + n, cap - n,
		    "%s第%zu行天地玄黃宇宙洪荒日月盈昃辰宿列張%s%s%s",
		    i % 1000 == 0 ? "網經社 " : "",
		    i, i % 2 ? "甲" : "", i % 50 == 7 ? "乙乙" : "",
		    i % 3 ? "\n" : "\r\n");
	}
	/* The lines where the halves meet (the line holding the middle byte,
	 * and the next) begin with a rare term. */
	{
		size_t a = n / 2, b;

		while (buf[a - 1] != '\n' && buf[a - 1] != '\r')
			a--;
		b = (size_t)((char *)memchr(buf + n / 2, '\n', n - n / 2) -
		    buf) + 1;
		memcpy(buf + a, "丁", 3);
		memcpy(buf + b, "丁", 3);
	}
	doc = doc_new_mem(buf, n, "split");
	/* The same text mapped from a file: there the walks also let the
	 * pages behind them go, counting lines before they do. */
	path = tmpdir_write("split.txt", buf, n);
	assert_int_equal(doc_open(&mapped, path, &cause), DOC_OK);
	for (size_t k = 0; k < sizeof pats / sizeof pats[0]; k++) {
		char *re = xasprintf("\\Q%s\\E", pats[k]);
		struct walk_sum b = each_all(re, 1, doc);	/* reference */
		struct walk_sum a = each_all(pats[k], 0, doc);
		struct walk_sum c = each_all(pats[k], 0, mapped);
		struct walk_sum d = each_all(re, 1, mapped);

		if (a.n != b.n || a.h != b.h)
			fail_msg("%s: split walk %zu matches, regex walk %zu "
			    "(or in other places)", pats[k], a.n, b.n);
		if (c.n != b.n || c.h != b.h || d.n != b.n || d.h != b.h)
			fail_msg("%s: on the mapped file %zu and %zu matches, "
			    "%zu in memory (or other lines)", pats[k], c.n,
			    d.n, b.n);
		if (a.n == 0)
			fail_msg("%s: no match at all", pats[k]);
		if (a.wrong_lines || b.wrong_lines || c.wrong_lines ||
		    d.wrong_lines)
			fail_msg("%s: wrong line numbers (%zu %zu %zu %zu)",
			    pats[k], a.wrong_lines, b.wrong_lines,
			    c.wrong_lines, d.wrong_lines);
		free(re);
	}
	doc_free(mapped);
	free(path);
	doc_free(doc);
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_table),
		cmocka_unit_test(test_width_and_case),
		cmocka_unit_test(test_script),
		cmocka_unit_test(test_annotations),
		cmocka_unit_test(test_clusters),
		cmocka_unit_test(test_folds_off),
		cmocka_unit_test(test_view_phrases),
		cmocka_unit_test(test_regex),
		cmocka_unit_test(test_invalid_bytes),
		cmocka_unit_test(test_doc_find),
		cmocka_unit_test(test_doc_each_lines),
		cmocka_unit_test(test_across_rows),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_cancel),
		cmocka_unit_test(test_prefilter_agrees),
		cmocka_unit_test(test_prefilter_every_folding),
		cmocka_unit_test_setup_teardown(test_split_scan, tmpdir_setup,
		    tmpdir_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
