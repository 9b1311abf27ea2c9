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
	struct layout_opts lo = { 6, ANNOT_HIDE, cv };
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simplified_char_map),
		cmocka_unit_test(test_taiwan_phrases),
		cmocka_unit_test(test_bad_bytes_pass_through),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_layout_maps_to_source),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
