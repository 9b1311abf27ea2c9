/* Layout cases: where rows break in Chinese text, annotations kept whole,
 * indents, tabs, runs with no opportunity, spaces at breaks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/doc.h"
#include "yuedu/layout.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

/* The rows of the first line of TEXT at W columns, rendered and joined
 * with '|'; checks each row's columns against its cells. */
static char *
rows_of(const char *text, int w, enum annot_mode annot)
{
	struct doc *doc = doc_new_mem(text, strlen(text), "t");
	struct layout_opts lo = { w, annot, NULL, 0, LAYOUT_PARA_ASIS };
	struct layout *lay = layout_new(doc, &lo);
	const struct layout_line *ll = layout_get(lay, 0);
	size_t cap = 0, len = 0;
	char *out = xgrow(NULL, &cap, 1, 1);

	for (size_t r = 0; r < ll->nrows; r++) {
		size_t n;
		char *s = layout_row_render(ll, r, &n);
		int cols = 0;

		for (size_t k = 0; k < ll->rows[r].ncells; k++)
			cols += ll->cells[ll->rows[r].cell + k].cols;
		assert_int_equal(cols, ll->rows[r].cols);
		out = xgrow(out, &cap, len + n + 2, 1);
		if (r > 0)
			out[len++] = '|';
		memcpy(out + len, s, n);
		len += n;
		free(s);
	}
	out[len] = '\0';
	layout_free(lay);
	doc_free(doc);
	return out;
}

struct layout_case {
	const char *text;
	int w;
	enum annot_mode annot;
	const char *rows;
};

static void
run_cases(const struct layout_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *got = rows_of(cases[i].text, cases[i].w, cases[i].annot);

		if (strcmp(got, cases[i].rows) != 0)
			fail_msg("case %zu \"%s\" at %d: got \"%s\", want "
			    "\"%s\"", i, cases[i].text, cases[i].w, got,
			    cases[i].rows);
		free(got);
	}
}

/* 。，、 and the other closing marks never start a row. */
static void
test_no_start(void **st)
{
	static const struct layout_case cases[] = {
		{ "中文。中文", 4, ANNOT_SHOW, "中|文。|中文" },
		{ "中文，中文", 4, ANNOT_SHOW, "中|文，|中文" },
		{ "中文、中文", 4, ANNOT_SHOW, "中|文、|中文" },
		{ "中文？！中文", 6, ANNOT_SHOW, "中|文？！|中文" },
		{ "他說：「好。」然後", 10, ANNOT_SHOW, "他說：|「好。」然|後" },
		{ "中文中文。", 8, ANNOT_SHOW, "中文中|文。" },
		{ "中文中》。", 8, ANNOT_SHOW, "中文|中》。" },
		{ "中文中…", 6, ANNOT_SHOW, "中文|中…" },
		/* ASCII , : ; ? ! after Chinese text, as in the sample. */
		{ "中文中,中文", 6, ANNOT_SHOW, "中文|中,中|文" },
		{ "中文中:中", 6, ANNOT_SHOW, "中文|中:中" },
		{ "中文中?中", 6, ANNOT_SHOW, "中文|中?中" },
		/* An opening mark stays with what follows it. */
		{ "中文中“文”", 8, ANNOT_SHOW, "中文中|“文”" },
		/* Quotes between Chinese characters break as Unicode 15.1's
		 * LB19a says: before “ and after ”, but not inside "a". */
		{ "中“文”中文", 6, ANNOT_SHOW, "中“文”|中文" },
		{ "say “hi” now", 6, ANNOT_SHOW, "say|“hi”|now" },
		{ "中文中《文》", 8, ANNOT_SHOW, "中文中|《文》" },
		/* —— is never split. */
		{ "中文——中文", 5, ANNOT_SHOW, "中文|——中|文" },
		/* A cut with no opportunity keeps a mark after a space with
		 * what comes before. */
		{ "ab) · c", 4, ANNOT_SHOW, "a|b) ·|c" },
	};

	run_cases(cases, sizeof cases / sizeof cases[0]);
	for (const char *p = "。，、；：？！”’」』）】》…,:;?!"; *p != '\0';) {
		uint32_t cp;

		p += utf8_decode(p, strlen(p), &cp);
		if (!layout_no_start(cp))
			fail_msg("U+%04X may start a row", (unsigned)cp);
	}
	assert_false(layout_no_start(0x4E2D));
	assert_false(layout_no_start(0x201C));
	assert_true(layout_no_end(0x201C));
	assert_true(layout_no_end(0x300A));
	assert_false(layout_no_end(0x3002));
}

/* An annotation is never separated from its character nor broken. */
static void
test_annotations(void **st)
{
	static const struct layout_case cases[] = {
		{ "在內網(wǎng)發布", 10, ANNOT_SHOW, "在內|網(wǎng)發|布" },
		{ "在內網(wǎng)發布", 9, ANNOT_SHOW, "在內|網(wǎng)|發布" },
		{ "在內網(wǎng)發布", 12, ANNOT_SHOW, "在內網(wǎng)|發布" },
		{ "在內網(wǎng)發布", 6, ANNOT_HIDE, "在內網|發布" },
		{ "戰（zhàn）役", 11, ANNOT_SHOW, "戰（zhàn）|役" },
		{ "戰（zhàn）役", 4, ANNOT_HIDE, "戰役" },
		/* 構(gòu)。 is wider than the row: the annotation stays whole
		 * and 。 has to start the next row. */
		{ "結構(gòu)。", 7, ANNOT_SHOW, "結|構(gòu)|。" },
		/* Hidden: the column count leaves the annotation out. */
		{ "(網(wǎng)經(jīng)社訊)", 80, ANNOT_HIDE, "(網經社訊)" },
		{ "(網(wǎng)經(jīng)社訊)", 80, ANNOT_SHOW, "(網(wǎng)經(jīng)社訊)" },
		/* A quotation mark after an annotated character breaks as
		 * after the character itself: before “, after ”. */
		{ "重構(gòu)“人找貨”", 6, ANNOT_HIDE, "重構|“人找|貨”" },
		{ "人找貨(huò)”的傳統", 8, ANNOT_HIDE, "人找貨”|的傳統" },
		{ "重構(gòu)“人", 11, ANNOT_SHOW, "重構(gòu)|“人" },
	};

	run_cases(cases, sizeof cases / sizeof cases[0]);
	/* At every width, 網 and (wǎng) share a row and (wǎng) is whole. */
	for (int w = 8; w <= 30; w++) {
		char *got = rows_of("阿里巴巴在內網(wǎng)發布了帖子。", w,
		    ANNOT_SHOW);

		if (strstr(got, "網(wǎng)") == NULL)
			fail_msg("width %d split the annotation: %s", w, got);
		free(got);
	}
}

static void
test_indent(void **st)
{
	static const struct layout_case cases[] = {
		{ "　　中文中文中文中文", 8, ANNOT_SHOW, "　　中文|中文中文|中文" },
		{ "    中文中文中文中文", 8, ANNOT_SHOW, "    中文|中文中文|中文" },
		{ "  hello world again", 8, ANNOT_SHOW, "  hello|world|again" },
	};

	run_cases(cases, sizeof cases / sizeof cases[0]);
}

static void
test_tabs(void **st)
{
	static const struct layout_case cases[] = {
		{ "a\tb", 80, ANNOT_SHOW, "a       b" },
		{ "中\t文", 80, ANNOT_SHOW, "中      文" },
		{ "\tx", 80, ANNOT_SHOW, "        x" },
		{ "abcdefgh\tx", 80, ANNOT_SHOW, "abcdefgh        x" },
		/* A tab that would pass the edge stops there. */
		{ "abc\tx", 6, ANNOT_SHOW, "abc   |x" },
	};

	run_cases(cases, sizeof cases / sizeof cases[0]);
}

static void
test_no_opportunity(void **st)
{
	static const struct layout_case cases[] = {
		{ "aaaaaaaaaa", 4, ANNOT_SHOW, "aaaa|aaaa|aa" },
		{ "https://example.com/abc", 10, ANNOT_SHOW,
		    "https://|example.|com/abc" },
		/* Cut between clusters, never inside one. */
		{ "abce\u0301fgh", 4, ANNOT_SHOW, "abce\u0301|fgh" },
		{ "aaa\u0915\u093F", 4, ANNOT_SHOW, "aaa|\u0915\u093F" },
		/* At W=1 a wide cluster stands alone on its row. */
		{ "中文", 1, ANNOT_SHOW, "中|文" },
		{ "a中b", 1, ANNOT_SHOW, "a|中|b" },
		{ "👨\u200D👩\u200D👧x", 2, ANNOT_SHOW, "👨\u200D👩\u200D👧|x" },
	};

	run_cases(cases, sizeof cases / sizeof cases[0]);
}

static void
test_spaces(void **st)
{
	static const struct layout_case cases[] = {
		{ "hello world foo", 5, ANNOT_SHOW, "hello|world|foo" },
		{ "hello world foo", 11, ANNOT_SHOW, "hello world|foo" },
		{ "ab   cd", 3, ANNOT_SHOW, "ab|cd" },
		{ "回歸初心 重新創業", 8, ANNOT_SHOW, "回歸初心|重新創業" },
		{ "", 10, ANNOT_SHOW, "" },
		{ "   ", 2, ANNOT_SHOW, "  " },
	};

	run_cases(cases, sizeof cases / sizeof cases[0]);
}

static void
test_controls(void **st)
{
	static const struct layout_case cases[] = {
		{ "a\x1B[31mb", 80, ANNOT_SHOW, "a^[[31mb" },
		{ "\xFF\xFE中", 80, ANNOT_SHOW, "\xEF\xBF\xBD中" },
		{ "a\xC2\x9B" "b", 80, ANNOT_SHOW, "a<9B>b" },
	};

	run_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A hidden annotation stays on its character's row, even at W=1. */
static void
test_hidden_at_one(void **st)
{
	const char *text = "網(wǎng)經(jīng)社";
	struct doc *doc = doc_new_mem(text, strlen(text), "t");
	struct layout_opts lo = { 1, ANNOT_HIDE, NULL, 0, LAYOUT_PARA_ASIS };
	struct layout *lay = layout_new(doc, &lo);
	const struct layout_line *ll = layout_get(lay, 0);

	assert_int_equal(ll->nrows, 3);
	assert_int_equal(ll->rows[0].end, strlen("網(wǎng)"));
	assert_int_equal(ll->rows[0].cols, 2);
	assert_int_equal(ll->rows[1].end, strlen("網(wǎng)經(jīng)"));
	layout_free(lay);
	doc_free(doc);
}

/* Row offsets cover the line and layout_row_of finds them. */
static void
test_rows(void **st)
{
	const char *text = "第一行\n中文中文中文中文\n\nlast";
	struct doc *doc = doc_new_mem(text, strlen(text), "t");
	struct layout_opts lo = { 4, ANNOT_SHOW, NULL, 0, LAYOUT_PARA_ASIS };
	struct layout *lay = layout_new(doc, &lo);
	const struct layout_line *ll = layout_get(lay, 1);

	assert_int_equal(ll->nrows, 4);
	assert_int_equal(ll->off, strlen("第一行\n"));
	assert_int_equal(ll->rows[0].off, ll->off);
	for (size_t r = 1; r < ll->nrows; r++)
		assert_int_equal(ll->rows[r].off, ll->rows[r - 1].end);
	assert_int_equal(ll->rows[3].end, ll->end);
	assert_int_equal(layout_row_of(ll, ll->off + 7), 1);
	ll = layout_get(lay, 2);
	assert_int_equal(ll->nrows, 1);
	assert_int_equal(ll->rows[0].cols, 0);
	/* The cache gives the same line back; new options lay out anew. */
	assert_ptr_equal(layout_get(lay, 2), ll);
	lo.width_cols = 80;
	layout_set_opts(lay, &lo);
	assert_int_equal(layout_get(lay, 1)->nrows, 1);
	layout_free(lay);
	doc_free(doc);
}

/*
 * Ruby mode: each syllable's group (padding, character, annotation) stays
 * on one row, its pinyin sits over its character and inside the row, and
 * syllables on a row never overlap.  At -w 9 a cut with no break
 * opportunity once left the padding of 轉 on the row before; at -w 3 a
 * pinyin wider than the row gave a ruby row tens of thousands wide.
 */
static void
test_ruby_groups(void **st)
{
	static const char *texts[] = {
		"廣撒網(wǎng)”轉(zhuǎn)向“精準(zhǔn)爆破”。",
		"重新創(chuàng)業(yè)》的帖子。吳泳銘多次強調(diào)了AI技術(shù)的",
		"阿里巴巴在內(nèi)網(wǎng)發布了帖子。",
	};

	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++)
	for (int w = 1; w <= 14; w++) {
		struct doc *doc = doc_new_mem(texts[t], strlen(texts[t]), "t");
		struct layout_opts lo = { w, ANNOT_RUBY, NULL, 0, LAYOUT_PARA_ASIS };
		struct layout *lay = layout_new(doc, &lo);
		const struct layout_line *ll = layout_get(lay, 0);

		for (size_t r = 0; r < ll->nrows; r++) {
			const struct layout_row *row = &ll->rows[r];
			int prev_end = -1;
			size_t len;
			char *ruby = layout_row_ruby(ll, r, &len);

			if (ruby != NULL) {
				int cols = width_string(ruby, len);
				if (cols > (w < 2 ? 2 : w))
					fail_msg("text %zu w %d row %zu: ruby "
					    "row of %d columns", t, w, r, cols);
				free(ruby);
			}
			for (size_t k = 0; k < row->ncells; k++) {
				size_t i = row->cell + k;
				const struct layout_cell *h = &ll->cells[i], *b;

				if (h->kind == LAYOUT_PAD && (k + 1 ==
				    row->ncells))
					fail_msg("text %zu w %d row %zu: padding "
					    "ends the row", t, w, r);
				if (h->kind != LAYOUT_HIDDEN)
					continue;
				assert_true(k > 0);
				b = &ll->cells[i - 1];
				assert_int_equal(b->kind, LAYOUT_TEXT);
				/* The pinyin covers the character's middle. */
				if (h->ruby_col > b->col + b->cols / 2 ||
				    h->ruby_col + h->ruby_cols <= b->col +
				    (b->cols - 1) / 2)
					fail_msg("text %zu w %d row %zu: pinyin "
					    "at %d+%d, character at %d", t, w,
					    r, h->ruby_col, h->ruby_cols, b->col);
				if ((int)h->ruby_col <= prev_end && w > 1)
					fail_msg("text %zu w %d row %zu: pinyin "
					    "overlaps", t, w, r);
				prev_end = h->ruby_col + h->ruby_cols;
			}
		}
		layout_free(lay);
		doc_free(doc);
	}
}

/* What a plain-text line is for --paragraph. */
static void
test_is_para(void **st)
{
	static const struct {
		const char *line;
		int para, lead;
	} cases[] = {
		{ "各位代表：", 1, 0 },
		{ "现在，我代表国务院，向大会报告政府工作。", 1, 0 },
		{ "    此开卷第一回也．作者自云。", 1, 4 },
		{ "　　話說天下大勢，分久必合。", 1, 4 },
		{ "  他说：“走吧。”", 1, 2 },
		/* Headings, numbering, lists, tables, rules. */
		{ "一、2023年工作回顾", 0, 0 },
		{ "十二、结束语。", 0, 0 },
		{ "（一）着力扩大国内需求。", 0, 0 },
		{ "(二) 坚持创新。", 0, 0 },
		{ "1. 分词。", 0, 0 },
		{ "2、安装。", 0, 0 },
		{ "① 第一项。", 0, 0 },
		{ "- 一项。", 0, 0 },
		{ "* 一项。", 0, 0 },
		{ "# 标题", 0, 0 },
		{ "第一回  甄士隐梦幻识通灵　贾雨村风尘怀闺秀", 0, 0 },
		{ "第三章　国家机构", 0, 0 },
		{ "| a | b |", 0, 0 },
		{ "─────────", 0, 0 },
		/* A short line with no sentence end: a title. */
		{ "中华人民共和国宪法", 0, 0 },
		/* Verse set deeper than a paragraph's indent. */
		{ "　　　　混沌未分天地亂，茫茫渺渺無人見。", 0, 8 },
		{ "", 0, 0 },
		{ "   \t", 0, 8 },
	};
	int lead;

	(void)st;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int r = layout_is_para(cases[i].line, strlen(cases[i].line),
		    80, &lead);

		if (r != cases[i].para || lead != cases[i].lead)
			fail_msg("'%s': para %d lead %d", cases[i].line, r,
			    lead);
	}
	/* A long line without a sentence end is a paragraph on one line. */
	assert_int_equal(layout_is_para("一段很长的文字没有句号" "一段很长的文字没有句号",
	    strlen("一段很长的文字没有句号" "一段很长的文字没有句号"), 20, &lead), 1);
}

/* --paragraph on the rows: the first row indented, a blank row after. */
static void
test_paragraph_rows(void **st)
{
	const char *text = "各位代表：\n现在，我代表国务院，向大会报告政府工作。\n"
	    "一、回顾\n过去一年。\n\n　　已经缩进的一段。\n";
	struct doc *doc = doc_new_mem(text, strlen(text), "t.txt");
	struct layout_opts lo = { 20, ANNOT_HIDE, NULL, 0, LAYOUT_PARA_INDENT };
	struct layout *lay = layout_new(doc, &lo);
	const struct layout_line *ll;

	(void)st;
	ll = layout_get(lay, 1);
	/* 4 columns in, so 8 characters on the first row, 10 after. */
	assert_int_equal(ll->first, 4);
	assert_int_equal(ll->cells[ll->rows[0].cell].col, 4);
	assert_int_equal(ll->rows[0].ncells, 8);
	assert_int_equal(ll->cells[ll->rows[1].cell].col, 0);
	assert_int_equal(layout_get(lay, 2)->first, 0);	/* 一、 */
	assert_int_equal(layout_get(lay, 5)->first, 0);	/* already in */
	assert_int_equal(layout_get(lay, 1)->space_row, 0);

	lo.para = LAYOUT_PARA_SPACE;
	layout_set_opts(lay, &lo);
	ll = layout_get(lay, 0);
	assert_int_equal(ll->first, 0);
	assert_int_equal(ll->space_row, 1);
	assert_int_equal(ll->nrows, 2);
	assert_int_equal(ll->rows[1].ncells, 0);
	assert_int_equal(ll->rows[1].off, ll->end);
	/* The blank row is where its offset is. */
	assert_int_equal(layout_row_of(ll, ll->end), 1);
	assert_int_equal(layout_row_of(ll, ll->off), 0);
	/* None before a blank line of the source, none after a heading. */
	assert_int_equal(layout_get(lay, 3)->space_row, 0);
	assert_int_equal(layout_get(lay, 2)->space_row, 0);
	/* Nor after the last line. */
	assert_int_equal(layout_get(lay, 5)->space_row, 0);
	layout_free(lay);
	doc_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_start),
		cmocka_unit_test(test_annotations),
		cmocka_unit_test(test_indent),
		cmocka_unit_test(test_tabs),
		cmocka_unit_test(test_no_opportunity),
		cmocka_unit_test(test_spaces),
		cmocka_unit_test(test_controls),
		cmocka_unit_test(test_hidden_at_one),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_ruby_groups),
		cmocka_unit_test(test_is_para),
		cmocka_unit_test(test_paragraph_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
