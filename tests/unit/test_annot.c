/* Inline pinyin annotations: what is one (網(wǎng), 戰（zhàn）), what is an
 * ordinary parenthesis, and when auto hides them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/annot.h"
#include "yuedu/doc.h"
#include "yuedu/util.h"

/* The annotations of S as "HAN(py)" strings joined by ' '. */
static char *
spans_of(const char *s)
{
	struct annot_span *spans = NULL;
	size_t cap = 0, n, ocap = 0, olen = 0;
	char *out = xgrow(NULL, &ocap, 1, 1);

	n = annot_find(s, strlen(s), 100, &spans, &cap);
	for (size_t i = 0; i < n; i++) {
		const struct annot_span *sp = &spans[i];
		size_t a = sp->han_off - 100, b = sp->end_off - 100;

		assert_true(sp->han_off < sp->open_off);
		assert_true(sp->open_off < sp->py_off);
		assert_true(sp->py_off < sp->py_end);
		assert_true(sp->py_end < sp->end_off);
		out = xgrow(out, &ocap, olen + (b - a) + 2, 1);
		if (i > 0)
			out[olen++] = ' ';
		memcpy(out + olen, s + a, b - a);
		olen += b - a;
	}
	out[olen] = '\0';
	free(spans);
	return out;
}

static void
test_find(void **st)
{
	static const struct {
		const char *text;
		const char *spans;
	} cases[] = {
		{ "網(wǎng)", "網(wǎng)" },
		{ "戰（zhàn）", "戰（zhàn）" },
		{ "結(jié)", "結(jié)" },
		{ "聚焦于幾大核心戰(zhàn)役。", "戰(zhàn)" },
		{ "在內(nèi)網(wǎng)發(fā)布", "內(nèi) 網(wǎng) 發(fā)" },
		/* The outer pair of (網(wǎng)經(jīng)社訊) is ordinary. */
		{ "(網(wǎng)經(jīng)社訊)在第21個", "網(wǎng) 經(jīng)" },
		{ "數字零售臺(DR.100EC.CN)查詢", "" },
		{ "零售臺（DR.100EC.CN）查詢", "" },
		/* Not one toned syllable, or not after a Han character. */
		{ "網(wang)", "" }, { "網(wǎngjīng)", "" }, { "網(wǎng jīng)", "" },
		{ "a(wǎng)", "" }, { "(wǎng)", "" }, { "。(wǎng)", "" },
		{ "網()", "" }, { "網(wǎng", "" }, { "網(xyzǎ)", "" },
		{ "見(第3條)", "" }, { "本法(以下簡稱)", "" },
		/* Tones on ü, capitals, syllabic nasals. */
		{ "綠(lǜ)", "綠(lǜ)" }, { "女(nǚ)", "女(nǚ)" },
		{ "嗯(ńg)", "嗯(ńg)" }, { "北(Běi)", "北(Běi)" },
		{ "创(chuàng)", "创(chuàng)" }, { "兄(xiōng)", "兄(xiōng)" },
		{ "〇(líng)", "〇(líng)" },
		/* A neutral tone after a middle dot; never a mark with it. */
		{ "了(·le)", "了(·le)" }, { "了(·lè)", "" }, { "了(·)", "" },
		{ "了(·xyz)", "" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = spans_of(cases[i].text);

		if (strcmp(got, cases[i].spans) != 0)
			fail_msg("case %zu \"%s\": got \"%s\", want \"%s\"", i,
			    cases[i].text, got, cases[i].spans);
		free(got);
	}
}

static void
test_offsets(void **st)
{
	struct annot_span *spans = NULL;
	size_t cap = 0;
	const char *s = "戰（zhàn）役";

	assert_int_equal(annot_find(s, strlen(s), 0, &spans, &cap), 1);
	assert_int_equal(spans[0].han_off, 0);
	assert_int_equal(spans[0].open_off, 3);
	assert_int_equal(spans[0].py_off, 6);
	assert_int_equal(spans[0].py_end, 6 + strlen("zhàn"));
	assert_int_equal(spans[0].end_off, strlen("戰（zhàn）"));
	free(spans);
}

static void
test_is_pinyin(void **st)
{
	static const char *const yes[] = {
		"wǎng", "zhàn", "jié", "ǎ", "ài", "ér", "zhuàng", "qióng",
		"lǜ", "lüè", "nǚ", "xiǎng", "Zhōng", "ń", "ḿ",
	};
	static const char *const no[] = {
		"wang", "wǎngjīng", "wǎǎ", "xyzǎ", "DR.100EC.CN", "",
		"zhàng1", "wǎng ", "bǎi!", "ZHǑNG", "vǎng",
	};

	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (!annot_is_pinyin(yes[i], strlen(yes[i])))
			fail_msg("\"%s\" should be pinyin", yes[i]);
	}
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
		if (annot_is_pinyin(no[i], strlen(no[i])))
			fail_msg("\"%s\" should not be pinyin", no[i]);
	}
}

static struct doc *
open_data(const char *name)
{
	const char *dir = getenv("YUEDU_DATA");
	char *path = xasprintf("%s/%s", dir ? dir : "tests/data", name);
	struct doc *doc;
	char *cause;

	assert_int_equal(doc_open(&doc, path, &cause), DOC_OK);
	free(path);
	return doc;
}

static void
test_resolve(void **st)
{
	struct doc *doc = open_data("000_4230cdcea687e942.txt");
	const char *plain = "網(wǎng)字有一個注音，其餘都是普通的中文句子，"
	    "沒有更多注音。這是第二句，這是第三句，這是第四句。";

	/* The sample article is dense with annotations: auto hides. */
	assert_int_equal(annot_resolve(ANNOT_AUTO, doc), ANNOT_HIDE);
	assert_int_equal(annot_resolve(ANNOT_SHOW, doc), ANNOT_SHOW);
	doc_free(doc);
	/* A novel with none, and ordinary text with one: auto shows. */
	doc = open_data("hongloumeng_trad_ch1-5.txt");
	assert_int_equal(annot_resolve(ANNOT_AUTO, doc), ANNOT_SHOW);
	assert_int_equal(annot_resolve(ANNOT_HIDE, doc), ANNOT_HIDE);
	doc_free(doc);
	doc = doc_new_mem(plain, strlen(plain), "t");
	assert_int_equal(annot_resolve(ANNOT_AUTO, doc), ANNOT_SHOW);
	doc_free(doc);
	doc = doc_new_mem("", 0, "t");
	assert_int_equal(annot_resolve(ANNOT_AUTO, doc), ANNOT_SHOW);
	doc_free(doc);
}

static void
test_mode_names(void **st)
{
	assert_int_equal(annot_mode_parse("auto"), ANNOT_AUTO);
	assert_int_equal(annot_mode_parse("show"), ANNOT_SHOW);
	assert_int_equal(annot_mode_parse("hide"), ANNOT_HIDE);
	assert_int_equal(annot_mode_parse("Hide"), -1);
	assert_int_equal(annot_mode_parse(""), -1);
	assert_string_equal(annot_mode_name(ANNOT_HIDE), "hide");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_is_pinyin),
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_mode_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
