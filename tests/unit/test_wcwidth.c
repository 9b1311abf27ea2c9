/* The wcwidth() the reader exports to ncursesw says what the width policy
 * says, for every code point, in both ambiguous modes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <wchar.h>

#include "yuedu/width.h"

/* The very definition the executable exports. */
#include "screen_wcwidth.c"

static void
check_all(void)
{
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++)
		if (wcwidth((wchar_t)cp) != width_codepoint(cp))
			fail_msg("U+%04X: wcwidth %d, policy %d", cp,
			    wcwidth((wchar_t)cp), width_codepoint(cp));
}

static void
test_narrow(void **st)
{
	width_set_ambiguous(WIDTH_AMBIGUOUS_NARROW);
	check_all();
	assert_int_equal(wcwidth(0x201C), 1);	/* “ */
	assert_int_equal(wcwidth(0x4E2D), 2);	/* 中 */
	assert_int_equal(wcwidth(0x200D), 0);	/* ZWJ */
}

static void
test_wide(void **st)
{
	width_set_ambiguous(WIDTH_AMBIGUOUS_WIDE);
	check_all();
	assert_int_equal(wcwidth(0x201C), 2);
	assert_int_equal(wcwidth(0x2026), 2);	/* … */
	assert_int_equal(wcwidth(0x2460), 2);	/* ① */
	assert_int_equal(wcwidth(0x4E2D), 2);
	assert_int_equal(wcwidth(0x41), 1);
	assert_int_equal(wcwidth((wchar_t)0x110000), -1);
	width_set_ambiguous(WIDTH_AMBIGUOUS_NARROW);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_narrow),
		cmocka_unit_test(test_wide),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
