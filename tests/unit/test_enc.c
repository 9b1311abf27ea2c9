/* Encoding detection and conversion on real legacy files and edge cases. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/doc.h"
#include "yuedu/enc.h"
#include "yuedu/util.h"

static char *
slurp(const char *name, size_t *len)
{
	char *path = xasprintf("%s/%s", getenv("YUEDU_DATA"), name);
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = xmalloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	free(path);
	*len = (size_t)n;
	return buf;
}

static void
expect_detect(const char *file, const char *want)
{
	size_t n;
	char *s = slurp(file, &n);
	int sure;

	assert_string_equal(enc_detect(s, n, &sure), want);
	assert_true(sure);
	free(s);
}

static void
test_detect_corpus(void **st)
{
	expect_detect("sunzi-bingfa-traditional-big5.txt", "BIG5");
	expect_detect("sunzi-bingfa-simplified-gbk.txt", "GB18030");
	expect_detect("sunzi-bingfa-simplified-utf-8.txt", "UTF-8");
	expect_detect("sunzi-bingfa-gb-levels-1-and-2-hz-gb2312.txt",
	    "HZ-GB-2312");
	expect_detect("uchardet_zh_big5.txt", "BIG5");
	expect_detect("uchardet_zh_gb18030.txt", "GB18030");
	expect_detect("uchardet_zh_utf-8.txt", "UTF-8");
	expect_detect("uchardet_zh_euc-tw.txt", "EUC-TW");
	expect_detect("sanguo_simp_gbk_excerpt.txt", "GB18030");
}

/* Decoding a legacy file gives exactly its UTF-8 twin. */
static void
expect_twin(const char *legacy, const char *twin)
{
	size_t n, tn, un;
	char *s = slurp(legacy, &n), *t = slurp(twin, &tn), *u;
	int sure;

	assert_int_equal(enc_to_utf8(enc_detect(s, n, &sure), s, n, &u, &un),
	    0);
	assert_int_equal(un, tn);
	assert_memory_equal(u, t, tn);
	free(s);
	free(t);
	free(u);
}

static void
test_twins(void **st)
{
	expect_twin("sunzi-bingfa-traditional-big5.txt",
	    "sunzi-bingfa-traditional-utf-8.txt");
	expect_twin("sunzi-bingfa-simplified-gbk.txt",
	    "sunzi-bingfa-simplified-utf-8.txt");
}

static void
test_short_texts(void **st)
{
	int sure;
	/* 中文 in GBK and in Big5: a few bytes must not be mistaken. */
	assert_string_equal(enc_detect("\xD6\xD0\xCE\xC4", 4, &sure),
	    "GB18030");
	assert_string_equal(enc_detect("\xA4\xA4\xA4\xE5", 4, &sure), "BIG5");
	/* ASCII and UTF-8 stay UTF-8; so does ASCII with a lone "~{". */
	assert_string_equal(enc_detect("hello ~{ world", 14, &sure), "UTF-8");
	assert_string_equal(enc_detect("\xE4\xB8\xAD", 3, &sure), "UTF-8");
	/* BOMs decide. */
	assert_string_equal(enc_detect("\xFF\xFE-\x4E", 4, &sure), "UTF-16LE");
	assert_string_equal(enc_detect("\xFE\xFF\x4E-", 4, &sure), "UTF-16BE");
	/* Random high bytes are nothing: UTF-8 with U+FFFD, not sure. */
	assert_string_equal(enc_detect("\x80\x80\xFF\xFF\x80\xFE", 6, &sure),
	    "UTF-8");
	assert_false(sure);
}

static void
test_utf16_and_bad_bytes(void **st)
{
	struct doc *d = doc_new_mem("\xFF\xFE\x2D\x4E\x87\x65\n\0", 8, "x");
	char *note, *err, *u;
	size_t un;

	assert_int_equal(enc_apply(d, NULL, &note, &err), 0);
	assert_string_equal(d->encoding, "UTF-16LE");
	assert_int_equal(d->len, strlen("中文\n"));
	assert_memory_equal(d->text, "中文\n", d->len);
	doc_free(d);
	/* A run of invalid GBK bytes is one U+FFFD; the rest decodes. */
	assert_int_equal(enc_to_utf8("GB18030", "\xD6\xD0\xFF\xFF\xCE\xC4", 6,
	    &u, &un), 0);
	assert_int_equal(un, 9);
	assert_memory_equal(u, "中\xEF\xBF\xBD文", 9);
	free(u);
	d = doc_new_mem("abc", 3, "x");
	assert_int_equal(enc_apply(d, "KOI9", &note, &err), -1);
	assert_non_null(strstr(err, "unknown encoding"));
	free(err);
	doc_free(d);
	assert_string_equal(enc_canonical("gbk"), "GB18030");
	assert_string_equal(enc_canonical("Big5HKSCS"), "BIG5-HKSCS");
	assert_null(enc_canonical("latin9"));
}

static int
stop_at_once(void *arg, size_t done, size_t total)
{
	(*(int *)arg)++;
	return 1;
}

/* A conversion the progress hook stops says so by its status, not only
 * in its message, and leaves the text as it was. */
static void
test_interrupted(void **st)
{
	size_t n = 3u << 20;
	char *gbk = xmalloc(n), *note = NULL, *err = NULL;
	struct doc *d;
	int calls = 0;

	for (size_t i = 0; i < n; i += 2)
		memcpy(gbk + i, "\xD6\xD0", 2);	/* 中 */
	d = doc_new_mem(gbk, n, "big.txt");
	enc_set_progress(stop_at_once, &calls);
	assert_int_equal(enc_apply(d, "GB18030", &note, &err),
	    ENC_INTERRUPTED);
	enc_set_progress(NULL, NULL);
	assert_int_equal(calls, 1);
	assert_string_equal(err, "conversion from GB18030 interrupted");
	assert_null(note);
	assert_int_equal(d->len, n);
	assert_memory_equal(d->text, gbk, 16);
	free(err);
	doc_free(d);
	free(gbk);
}

/* A GBK file with a few bad sequences (a stray byte, a user-defined
 * code) is still GBK, with U+FFFD where they were, not UTF-8. */
static void
test_few_bad_sequences(void **st)
{
	static const char *files[] = {
		"sunzi-bingfa-simplified-gbk.txt", "sanguo_simp_gbk_excerpt.txt",
		"sunzi-bingfa-traditional-big5.txt",
	};
	static const char *bad[] = { "\xFF", "\x80", "\xAA\xA1", "\xA2\xA0" };

	for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
		size_t n;
		char *s = slurp(files[f], &n);
		int sure;
		const char *want = enc_detect(s, n, &sure);

		for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++)
		for (size_t at = 5; at < n; at += n / 2 - 1) {
			size_t bl = strlen(bad[b]);
			char *t = xmalloc(n + bl);
			const char *got;

			memcpy(t, s, at);
			memcpy(t + at, bad[b], bl);
			memcpy(t + at + bl, s + at, n - at);
			got = enc_detect(t, n + bl, &sure);
			if (strcmp(got, want) != 0 || !sure)
				fail_msg("%s with %zu bad bytes at %zu: %s",
				    files[f], bl, at, got);
			free(t);
		}
		free(s);
	}
}

/* Short GBK whose bytes happen to be valid UTF-8: as UTF-8 it is a mix of
 * Greek, Cyrillic and Hebrew letters; as GBK it is 为什么要去学. */
static void
test_gbk_valid_as_utf8(void **st)
{
	int sure;

	assert_string_equal(enc_detect("\xCE\xAA\xCA\xB2\xC3\xB4\xD2\xAA"
	    "\xC8\xA5\xD1\xA7", 12, &sure), "GB18030");
	/* Real UTF-8 in other scripts stays UTF-8. */
	assert_string_equal(enc_detect("Привет, мир! Как дела?",
	    strlen("Привет, мир! Как дела?"), &sure), "UTF-8");
	assert_string_equal(enc_detect("Ελληνικά κείμενα",
	    strlen("Ελληνικά κείμενα"), &sure), "UTF-8");
	assert_string_equal(enc_detect("é à ü ß ñ", strlen("é à ü ß ñ"),
	    &sure), "UTF-8");
	assert_string_equal(enc_detect("中文", strlen("中文"), &sure),
	    "UTF-8");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect_corpus),
		cmocka_unit_test(test_twins),
		cmocka_unit_test(test_short_texts),
		cmocka_unit_test(test_utf16_and_bad_bytes),
		cmocka_unit_test(test_few_bad_sequences),
		cmocka_unit_test(test_interrupted),
		cmocka_unit_test(test_gbk_valid_as_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
