/* The base modules every analysis shares: the UTF-8 codec, the character
 * classes and the XDG path rule. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "yuedu/annot.h"
#include "yuedu/uchar.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"

/* Every valid code point round-trips; surrogates and too-big ones do not. */
static void
test_utf8_round_trip(void **state)
{
	char buf[4];
	uint32_t cp;

	(void)state;
	for (uint32_t c = 0; c <= 0x10FFFF; c++) {
		size_t n = utf8_encode(c, buf);

		if (c >= 0xD800 && c <= 0xDFFF) {
			assert_int_equal(n, 0);
			continue;
		}
		assert_int_equal(n, c < 0x80 ? 1 : c < 0x800 ? 2 :
		    c < 0x10000 ? 3 : 4);
		assert_int_equal(utf8_decode(buf, n, &cp), n);
		assert_int_equal(cp, c);
	}
	assert_int_equal(utf8_encode(0x110000, buf), 0);
}

/* Bad bytes decode as UTF8_INVALID, one byte at a time. */
static void
test_utf8_invalid(void **state)
{
	static const char *bad[] = {
		"\x80", "\xC0\xAF", "\xC1\xBF",	/* continuation, overlongs */
		"\xE0\x80\xAF", "\xED\xA0\x80",	/* overlong, surrogate */
		"\xF0\x80\x80\xAF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80",
		"\xE4\xB8", "\xFF",		/* truncated 中, never valid */
	};
	uint32_t cp;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(utf8_decode(bad[i], strlen(bad[i]), &cp), 1);
		assert_int_equal(cp, UTF8_INVALID);
	}
}

static void
test_utf8_prev(void **state)
{
	const char *s = "a中𠀀b";	/* 1 + 3 + 4 + 1 bytes */

	(void)state;
	assert_int_equal(utf8_prev(s, 0, 9), 8);
	assert_int_equal(utf8_prev(s, 0, 8), 4);
	assert_int_equal(utf8_prev(s, 0, 4), 1);
	assert_int_equal(utf8_prev(s, 0, 1), 0);
	/* Never before LO, even inside a character. */
	assert_int_equal(utf8_prev(s, 2, 4), 2);
}

static void
test_uchar_han(void **state)
{
	(void)state;
	assert_true(uchar_is_han(0x4E2D));	/* 中 */
	assert_true(uchar_is_han(0x3400));	/* Ext A */
	assert_true(uchar_is_han(0x20000));	/* Ext B */
	assert_true(uchar_is_han(0x31350));	/* Ext H */
	assert_true(uchar_is_han(0xF900));	/* compatibility */
	assert_true(uchar_is_han(0x3007));	/* 〇 */
	assert_false(uchar_is_han(0x3005));	/* 々 */
	assert_false(uchar_is_han(0x3002));	/* 。 */
	assert_false(uchar_is_han('A'));
	assert_true(uchar_is_syllabic(0x3042));	/* あ */
	assert_true(uchar_is_syllabic(0xD55C));	/* 한 */
	assert_false(uchar_is_syllabic(0x30FB));	/* ・ */
}

/* 〇 is Han wherever it is asked: an annotation may follow it. */
static void
test_uchar_zero_annotated(void **state)
{
	struct annot_span *spans = NULL;
	size_t cap = 0;
	const char *s = "二〇(líng)二四";

	(void)state;
	assert_int_equal(annot_find(s, strlen(s), 0, &spans, &cap), 1);
	assert_int_equal(spans[0].open_off, strlen("二〇"));
	free(spans);
}

static void
test_util_xdg_path(void **state)
{
	char *p;

	(void)state;
	setenv("HOME", "/home/u", 1);
	setenv("XDG_CONFIG_HOME", "/x/conf", 1);
	p = util_xdg_path("XDG_CONFIG_HOME", ".config", "yuedu/config");
	assert_string_equal(p, "/x/conf/yuedu/config");
	free(p);
	/* A relative XDG directory is ignored, as the specification says. */
	setenv("XDG_CONFIG_HOME", "rel", 1);
	p = util_xdg_path("XDG_CONFIG_HOME", ".config", "yuedu/config");
	assert_string_equal(p, "/home/u/.config/yuedu/config");
	free(p);
	unsetenv("XDG_STATE_HOME");
	p = util_xdg_path("XDG_STATE_HOME", ".local/state", "yuedu");
	assert_string_equal(p, "/home/u/.local/state/yuedu");
	free(p);
	unsetenv("HOME");
	assert_null(util_xdg_path("XDG_STATE_HOME", ".local/state", "yuedu"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_round_trip),
		cmocka_unit_test(test_utf8_invalid),
		cmocka_unit_test(test_utf8_prev),
		cmocka_unit_test(test_uchar_han),
		cmocka_unit_test(test_uchar_zero_annotated),
		cmocka_unit_test(test_util_xdg_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
