/* Reading time: counting CJK characters and words, minutes, labels. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/doc.h"
#include "yuedu/outline.h"
#include "yuedu/readtime.h"
#include "yuedu/util.h"

static void
test_counts(void **st)
{
	static const struct {
		const char *s;
		size_t chars, han, words;
	} cases[] = {
		{ "", 0, 0, 0 },
		{ "春眠不觉晓，处处闻啼鸟。", 12, 10, 0 },
		{ "Hello, world!", 12, 0, 2 },
		{ "don't stop e-mail 3.14", 19, 0, 4 },
		{ "用AI做2024年的报告", 12, 6, 2 },
		{ "  \t\n  ", 0, 0, 0 },
		{ "Straße café", 10, 0, 2 },
		{ "cafe\xcc\x81", 4, 0, 1 },	/* combining acute */
		{ "end. Then", 8, 0, 2 },
		{ "a--b", 4, 0, 2 },
		{ "ひらがなカタカナ한국어", 11, 11, 0 },
		{ "Привет мир", 9, 0, 2 },
		{ "x\xff\xfey", 3, 0, 2 },	/* one invalid run */
		{ "全角　空格", 4, 4, 0 },	/* U+3000 is a space */
		{ "ＡＩ技术", 4, 2, 1 },	/* full-width letters: a word */
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct readtime_count c = { 0, 0, 0 };
		readtime_count_add(cases[i].s, strlen(cases[i].s), &c);
		if (c.chars != cases[i].chars || c.han != cases[i].han ||
		    c.words != cases[i].words)
			fail_msg("'%s': got %zu chars %zu han %zu words, want "
			    "%zu %zu %zu", cases[i].s, c.chars, c.han, c.words,
			    cases[i].chars, cases[i].han, cases[i].words);
	}
}

static void
test_minutes(void **st)
{
	struct readtime_count c = { 0, 3000, 480 };
	char buf[32];

	/* 3000 / 300 + 480 / 240 = 12 minutes. */
	assert_true(fabs(readtime_minutes(&c, 300, 240) - 12.0) < 1e-9);
	assert_true(fabs(readtime_minutes(&c, 600, 480) - 6.0) < 1e-9);
	assert_true(fabs(readtime_minutes(&c, 0, 0) - 12.0) < 1e-9);
	assert_string_equal(readtime_format(0.2, buf, sizeof buf), "<1 min");
	assert_string_equal(readtime_format(0.6, buf, sizeof buf), "1 min");
	assert_string_equal(readtime_format(12.0, buf, sizeof buf), "12 min");
	assert_string_equal(readtime_format(59.6, buf, sizeof buf),
	    "1 h 00 min");
	assert_string_equal(readtime_format(125.0, buf, sizeof buf),
	    "2 h 05 min");
	assert_string_equal(readtime_format(1439.0, buf, sizeof buf),
	    "23 h 59 min");
	assert_string_equal(readtime_format(1440.0, buf, sizeof buf),
	    "1 d 0 h");
	assert_string_equal(readtime_format(53.0 * 60 + 10, buf, sizeof buf),
	    "2 d 5 h");
	/* The 1472 h 53 min: 61 days and 9 hours (rounded). */
	assert_string_equal(readtime_format(1472.0 * 60 + 53, buf,
	    sizeof buf), "61 d 9 h");
	assert_string_equal(readtime_format_count(860, buf, sizeof buf),
	    "860");
	assert_string_equal(readtime_format_count(12345, buf, sizeof buf),
	    "12.3k");
	assert_string_equal(readtime_format_count(1234567, buf, sizeof buf),
	    "1.2M");
}

static void
test_doc_annotations(void **st)
{
	static const char text[] = "互聯網(wǎng)平台\r\n第二行 two words\n";
	struct doc *doc = doc_new_mem(text, sizeof text - 1, "mem");
	struct readtime_count c;
	size_t second = (size_t)(strstr(text, "第二行") - text);

	/* The annotation (wǎng) is neither a word nor characters. */
	readtime_count_doc(doc, 0, doc->len, &c);
	assert_int_equal(c.han, 8);
	assert_int_equal(c.words, 2);
	assert_int_equal(c.chars, 16);
	/* A range: only the second line. */
	readtime_count_doc(doc, second, doc->len, &c);
	assert_int_equal(c.han, 3);
	assert_int_equal(c.words, 2);
	/* A range ending inside the first line. */
	readtime_count_doc(doc, 0, (size_t)(strstr(text, "網") - text), &c);
	assert_int_equal(c.han, 2);
	assert_int_equal(c.words, 0);
	readtime_count_doc(doc, 5, 5, &c);
	assert_int_equal(c.chars, 0);
	doc_free(doc);
}

/* The sample article: mostly Chinese, a few Latin words. */
static void
test_article(void **st)
{
	char *path = xasprintf("%s/000_4230cdcea687e942.txt",
	    getenv("YUEDU_DATA"));
	struct doc *doc;
	struct readtime_count c;
	char *cause;
	double m;

	assert_int_equal(doc_open(&doc, path, &cause), DOC_OK);
	readtime_count_doc(doc, 0, doc->len, &c);
	/* 5559 bytes, about 1600 characters, mostly Han. */
	assert_true(c.han > 1000 && c.han < 1900);
	assert_true(c.chars > c.han);
	assert_true(c.words > 0 && c.words < 100);
	m = readtime_minutes(&c, 300, 240);
	assert_true(m > 3.0 && m < 8.0);
	doc_free(doc);
	free(path);
}

static void
test_sections(void **st)
{
	static const char text[] =
	    "# 第一章\n一二三四五六七八九十\n"
	    "## 第一节\n一二三四五\n"
	    "## 第二节\nfive more words right here\n"
	    "# 第二章\n一二三\n";
	struct doc *doc = doc_new_mem(text, sizeof text - 1, "t.md");
	struct outline *ol;
	struct readtime_count c[4], whole;
	char *err;

	assert_int_equal(outline_build(&ol, doc, NULL, &err), 0);
	assert_int_equal(ol->n, 4);
	readtime_sections(doc, ol, c);
	/* A section holds its heading and text, and its subsections. */
	assert_int_equal(c[1].han, 3 + 5);	/* 第一节 + text */
	assert_int_equal(c[2].han, 3);
	assert_int_equal(c[2].words, 5);
	assert_int_equal(c[0].han, 3 + 10 + c[1].han + c[2].han);
	assert_int_equal(c[0].words, 5);
	assert_int_equal(c[3].han, 3 + 3);
	/* Chapters add up to the whole text. */
	readtime_count_doc(doc, 0, doc->len, &whole);
	assert_int_equal(c[0].han + c[3].han, whole.han);
	assert_int_equal(c[0].chars + c[3].chars, whole.chars);
	outline_free(ol);
	doc_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_minutes),
		cmocka_unit_test(test_doc_annotations),
		cmocka_unit_test(test_article),
		cmocka_unit_test(test_sections),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
