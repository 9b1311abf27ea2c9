/* The script view: conversion per line and the map back to the source. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "yuedu/conv.h"
#include "yuedu/doc.h"
#include "yuedu/layout.h"
#include "yuedu/util.h"

static struct conv *
open_conv(enum conv_script sc)
{
	char *err;
	struct conv *cv = conv_new(sc, &err);

	assert_non_null(cv);
	return cv;
}

static void
test_simplified_char_map(void **st)
{
	struct conv *cv = open_conv(CONV_SIMPLIFIED);
	const char *src = "網(wǎng)經社 AI,集團";
	char *out;
	size_t len;
	uint32_t *map;

	conv_line(cv, src, strlen(src), &out, &len, &map);
	assert_string_equal(out, "网(wǎng)经社 AI,集团");
	/* Each converted character maps to its source character. */
	assert_int_equal(map[0], 0);				/* 网 <- 網 */
	assert_int_equal(map[strstr(out, "经") - out],
	    (uint32_t)(strstr(src, "經") - src));
	assert_int_equal(map[strstr(out, "团") - out],
	    (uint32_t)(strstr(src, "團") - src));
	assert_int_equal(map[len], strlen(src));
	free(out);
	free(map);
	conv_free(cv);
}

static void
test_taiwan_phrases(void **st)
{
	struct conv *cv = open_conv(CONV_TAIWAN);
	const char *src = "内存不足";
	char *out;
	size_t len;
	uint32_t *map;

	conv_line(cv, src, strlen(src), &out, &len, &map);
	/* A phrase table changed the length: 内存 (2) -> 記憶體 (3). */
	assert_string_equal(out, "記憶體不足");
	for (size_t i = 0; i < len; i++)
		assert_true(map[i] <= strlen(src));
	assert_int_equal(map[0], 0);
	assert_int_equal(map[len], strlen(src));
	free(out);
	free(map);
	conv_free(cv);
}

static void
test_bad_bytes_pass_through(void **st)
{
	struct conv *cv = open_conv(CONV_SIMPLIFIED);
	const char src[] = "國\xFF\x80國\0國";
	char *out;
	size_t len;
	uint32_t *map;

	conv_line(cv, src, sizeof src - 1, &out, &len, &map);
	assert_int_equal(len, sizeof src - 1);
	assert_memory_equal(out, "国\xFF\x80国\0国", len);
	assert_int_equal(map[len], sizeof src - 1);
	free(out);
	free(map);
	conv_free(cv);
}

static void
test_names(void **st)
{
	char *s;
	struct conv *cv = open_conv(CONV_HONGKONG);

	assert_int_equal(conv_script_parse("taiwan"), CONV_TAIWAN);
	assert_int_equal(conv_script_parse("klingon"), -1);
	assert_string_equal(conv_script_name(CONV_SIMPLIFIED), "simplified");
	s = conv_string(cv, "这里");
	assert_string_equal(s, "這裏");
	free(s);
	conv_free(cv);
}

/* Layout over the converted text: cells carry source offsets. */
static void
test_layout_maps_to_source(void **st)
{
	const char *src = "阿里巴巴集團的網(wǎng)經社訊報導。";
	struct doc *doc = doc_new_mem(src, strlen(src), "t");
	struct conv *cv = open_conv(CONV_SIMPLIFIED);
	struct layout_opts lo = { 6, ANNOT_HIDE, cv, 0, LAYOUT_PARA_ASIS };
	struct layout *lay = layout_new(doc, &lo);
	const struct layout_line *ll = layout_get(lay, 0);
	size_t total = 0;

	assert_true(ll->nrows > 2);
	for (size_t i = 0; i < ll->ncells; i++) {
		const struct layout_cell *c = &ll->cells[i];
		if (memcmp(ll->text + c->toff, "团", 3) == 0)
			assert_memory_equal(src + c->off, "團", 3);
		if (memcmp(ll->text + c->toff, "网", 3) == 0)
			assert_memory_equal(src + c->off, "網", 3);
		total += c->kind != LAYOUT_HIDDEN;
	}
	for (size_t r = 0; r + 1 < ll->nrows; r++)
		assert_int_equal(ll->rows[r].end <= ll->rows[r + 1].off, 1);
	assert_int_equal(ll->rows[ll->nrows - 1].end, strlen(src));
	assert_true(total > 0);
	layout_free(lay);
	conv_free(cv);
	doc_free(doc);
}

/* Phrases with ASCII in them convert too (U盘 -> 隨身碟), and a phrase
 * that changes the length maps to its own source, not to the start of
 * the line, so what follows it still maps character for character. */
static void
test_taiwan_ascii_phrase(void **st)
{
	struct conv *cv = open_conv(CONV_TAIWAN);
	const char *src = "买了U盘和内存，鼠标很好";
	char *out;
	size_t len;
	uint32_t *map;

	conv_line(cv, src, strlen(src), &out, &len, &map);
	assert_string_equal(out, "買了隨身碟和記憶體，滑鼠很好");
	assert_int_equal(map[0], 0);
	assert_int_equal(map[strstr(out, "了") - out],
	    (uint32_t)(strstr(src, "了") - src));
	/* 隨身碟 <- U盘: each byte maps to U. */
	for (const char *q = strstr(out, "隨"); q < strstr(out, "和"); q++)
		assert_int_equal(map[q - out], (uint32_t)(strstr(src, "U") -
		    src));
	assert_int_equal(map[strstr(out, "和") - out],
	    (uint32_t)(strstr(src, "和") - src));
	assert_int_equal(map[strstr(out, "記") - out],
	    (uint32_t)(strstr(src, "内") - src));
	assert_int_equal(map[strstr(out, "，") - out],
	    (uint32_t)(strstr(src, "，") - src));
	assert_int_equal(map[strstr(out, "很") - out],
	    (uint32_t)(strstr(src, "很") - src));
	assert_int_equal(map[len], strlen(src));
	for (size_t i = 1; i <= len; i++)
		assert_true(map[i] >= map[i - 1]);
	free(out);
	free(map);
	conv_free(cv);
}

/* Layout keeps a converted phrase on one row, so rows start at
 * increasing source offsets (from 6 columns: 隨身碟 needs them). */
static void
test_layout_phrase_whole(void **st)
{
	const char *src = "买了U盘和内存，鼠标很好。买了U盘和内存，鼠标很好。";
	struct doc *doc = doc_new_mem(src, strlen(src), "t");
	struct conv *cv = open_conv(CONV_TAIWAN);

	for (int w = 6; w <= 20; w++) {
		struct layout_opts lo = { w, ANNOT_HIDE, cv, 0, LAYOUT_PARA_ASIS };
		struct layout *lay = layout_new(doc, &lo);
		const struct layout_line *ll = layout_get(lay, 0);

		for (size_t r = 0; r + 1 < ll->nrows; r++)
			if (ll->rows[r].off >= ll->rows[r + 1].off)
				fail_msg("w %d: row %zu starts at %zu, the next "
				    "at %zu", w, r, ll->rows[r].off,
				    ll->rows[r + 1].off);
		layout_free(lay);
	}
	conv_free(cv);
	doc_free(doc);
}

/* Each cell of a converted phrase covers the phrase's whole source, so a
 * highlight of U盘 lands on all of 隨身碟 and on nothing else. */
static void
test_cell_end_covers_phrase(void **st)
{
	const char *src = "买了U盘和内存";
	struct doc *doc = doc_new_mem(src, strlen(src), "t");
	struct conv *cv = open_conv(CONV_TAIWAN);
	struct layout_opts lo = { 80, ANNOT_HIDE, cv, 0, LAYOUT_PARA_ASIS };
	struct layout *lay = layout_new(doc, &lo);
	const struct layout_line *ll = layout_get(lay, 0);
	size_t u = (size_t)(strstr(src, "U") - src);
	size_t he = (size_t)(strstr(src, "和") - src);
	int n = 0;

	for (size_t i = 0; i < ll->ncells; i++) {
		const struct layout_cell *c = &ll->cells[i];
		size_t end = layout_cell_end(ll, i);

		if (memcmp(ll->text + c->toff, "隨", 3) == 0 ||
		    memcmp(ll->text + c->toff, "身", 3) == 0 ||
		    memcmp(ll->text + c->toff, "碟", 3) == 0) {
			assert_int_equal(c->off, u);
			assert_int_equal(end, he);
			n++;
		} else if (memcmp(ll->text + c->toff, "了", 3) == 0) {
			assert_int_equal(end, u);
		} else if (memcmp(ll->text + c->toff, "和", 3) == 0) {
			assert_int_equal(c->off, he);
			assert_int_equal(end, he + 3);
		}
	}
	assert_int_equal(n, 3);
	assert_int_equal(layout_cell_end(ll, ll->ncells - 1), strlen(src));
	layout_free(lay);
	conv_free(cv);
	doc_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simplified_char_map),
		cmocka_unit_test(test_taiwan_phrases),
		cmocka_unit_test(test_bad_bytes_pass_through),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_layout_maps_to_source),
		cmocka_unit_test(test_taiwan_ascii_phrase),
		cmocka_unit_test(test_layout_phrase_whole),
		cmocka_unit_test(test_cell_end_covers_phrase),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
