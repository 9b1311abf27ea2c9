/* The width policy: clusters and columns for CJK, punctuation, ambiguous
 * characters in both modes, emoji, flags, marks, controls, bad bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "yuedu/utf8.h"
#include "yuedu/width.h"

struct width_case {
	const char *s;		/* one cluster, UTF-8 */
	int narrow_cols;	/* columns with ambiguous = narrow */
	int wide_cols;		/* columns with ambiguous = wide */
	enum width_kind kind;
};

static const struct width_case width_cases[] = {
	/* CJK ideographs, kana, hangul, full-width forms. */
	{ "中", 2, 2, WIDTH_TEXT }, { "網", 2, 2, WIDTH_TEXT },
	{ "𠀀", 2, 2, WIDTH_TEXT },	/* U+20000, Ext B */
	{ "あ", 2, 2, WIDTH_TEXT }, { "カ", 2, 2, WIDTH_TEXT },
	{ "한", 2, 2, WIDTH_TEXT }, { "Ａ", 2, 2, WIDTH_TEXT },
	{ "\xE3\x80\x80", 2, 2, WIDTH_TEXT },	/* U+3000 ideographic space */
	{ "ｶ", 1, 1, WIDTH_TEXT },	/* half-width katakana */
	/* Full-width punctuation. */
	{ "。", 2, 2, WIDTH_TEXT }, { "，", 2, 2, WIDTH_TEXT },
	{ "、", 2, 2, WIDTH_TEXT }, { "；", 2, 2, WIDTH_TEXT },
	{ "：", 2, 2, WIDTH_TEXT }, { "？", 2, 2, WIDTH_TEXT },
	{ "！", 2, 2, WIDTH_TEXT }, { "（", 2, 2, WIDTH_TEXT },
	{ "）", 2, 2, WIDTH_TEXT }, { "《", 2, 2, WIDTH_TEXT },
	{ "》", 2, 2, WIDTH_TEXT }, { "「", 2, 2, WIDTH_TEXT },
	{ "』", 2, 2, WIDTH_TEXT }, { "【", 2, 2, WIDTH_TEXT },
	/* East Asian Ambiguous: 1 or 2 by the setting. */
	{ "“", 1, 2, WIDTH_TEXT }, { "”", 1, 2, WIDTH_TEXT },
	{ "‘", 1, 2, WIDTH_TEXT }, { "—", 1, 2, WIDTH_TEXT },
	{ "…", 1, 2, WIDTH_TEXT }, { "·", 1, 2, WIDTH_TEXT },
	{ "①", 1, 2, WIDTH_TEXT }, { "←", 1, 2, WIDTH_TEXT },
	{ "°", 1, 2, WIDTH_TEXT }, { "α", 1, 2, WIDTH_TEXT },
	{ "Ж", 1, 2, WIDTH_TEXT }, { "※", 1, 2, WIDTH_TEXT },
	/* Not ambiguous: narrow in both modes. */
	{ "a", 1, 1, WIDTH_TEXT }, { "ç", 1, 1, WIDTH_TEXT },
	{ "é", 1, 2, WIDTH_TEXT },	/* Latin-1 letters can be ambiguous */
	{ " ", 1, 1, WIDTH_TEXT }, { "~", 1, 1, WIDTH_TEXT },
	/* Emoji: 2; a ZWJ sequence or a skin tone is one 2-column cluster;
	 * VS16 does not widen a narrow symbol; a flag is 2. */
	{ "😀", 2, 2, WIDTH_TEXT },
	{ "👨\u200D👩\u200D👧", 2, 2, WIDTH_TEXT },
	{ "👍🏽", 2, 2, WIDTH_TEXT },
	{ "👩🏽\u200D💻", 2, 2, WIDTH_TEXT },
	{ "🏳\uFE0F\u200D🌈", 1, 1, WIDTH_TEXT },
	{ "❤\uFE0F", 1, 1, WIDTH_TEXT },
	{ "🇨🇳", 2, 2, WIDTH_TEXT }, { "🇯🇵", 2, 2, WIDTH_TEXT },
	{ "🇨", 1, 1, WIDTH_TEXT },	/* a lone regional indicator */
	{ "1\uFE0F\u20E3", 1, 1, WIDTH_TEXT },	/* keycap */
	/* Combining marks join the cluster and take no column. */
	{ "e\u0301", 1, 1, WIDTH_TEXT },
	{ "a\u0300\u0301\u0302", 1, 1, WIDTH_TEXT },
	{ "中\u0301", 2, 2, WIDTH_TEXT },
	{ "\u1112\u1161\u11AB", 2, 2, WIDTH_TEXT },	/* conjoining 한 */
	{ "\u0915\u093F", 2, 2, WIDTH_TEXT },	/* कि: spacing mark is 1 */
	{ "\u4DC0", 2, 2, WIDTH_TEXT },	/* the C library says 2 */
	/* Zero-width format characters alone. */
	{ "\u200B", 0, 0, WIDTH_TEXT }, { "\u00AD", 0, 0, WIDTH_TEXT },
	{ "\uFEFF", 0, 0, WIDTH_TEXT },
	/* Controls are shown inertly: ^X (2) or <XX> (4). */
	{ "\x1B", 2, 2, WIDTH_CONTROL }, { "\x01", 2, 2, WIDTH_CONTROL },
	{ "\x7F", 2, 2, WIDTH_CONTROL }, { "\r", 2, 2, WIDTH_CONTROL },
	{ "\xC2\x9B", 4, 4, WIDTH_CONTROL }, { "\xC2\x85", 4, 4, WIDTH_CONTROL },
	{ "\t", 1, 1, WIDTH_TAB },
	/* A run of invalid bytes is one U+FFFD, one column. */
	{ "\xFF", 1, 1, WIDTH_INVALID }, { "\xFF\xFE\x80", 1, 1, WIDTH_INVALID },
	{ "\xC0\xAF", 1, 1, WIDTH_INVALID },	/* overlong '/' */
	{ "\xED\xA0\x80", 1, 1, WIDTH_INVALID },	/* a surrogate */
	{ "\xF4\x90\x80\x80", 1, 1, WIDTH_INVALID },	/* past U+10FFFF */
	{ "\xE4\xB8", 1, 1, WIDTH_INVALID },	/* truncated 中 */
};

static void
check_cases(enum width_ambiguous amb)
{
	width_set_ambiguous(amb);
	for (size_t i = 0; i < sizeof width_cases / sizeof width_cases[0];
	    i++) {
		const struct width_case *t = &width_cases[i];
		size_t n = strlen(t->s);
		struct width_cluster c;
		int want = amb == WIDTH_AMBIGUOUS_WIDE ? t->wide_cols :
		    t->narrow_cols;

		/* "\x00"-free literals: strlen is the length. */
		if (n == 0)
			n = 1;
		width_next_cluster(t->s, n, &c);
		if (c.len != n || c.cols != want || c.kind != t->kind)
			fail_msg("case %zu (%s): len %zu/%zu cols %d/%d "
			    "kind %d/%d", i, t->s, c.len, n, c.cols, want,
			    (int)c.kind, (int)t->kind);
	}
	width_set_ambiguous(WIDTH_AMBIGUOUS_NARROW);
}

static void
test_cases_narrow(void **st)
{
	check_cases(WIDTH_AMBIGUOUS_NARROW);
}

static void
test_cases_wide(void **st)
{
	check_cases(WIDTH_AMBIGUOUS_WIDE);
}

static void
test_nul(void **st)
{
	struct width_cluster c;
	char buf[16];
	const char *out;
	size_t m;

	width_next_cluster("\0a", 2, &c);
	assert_int_equal(c.len, 1);
	assert_int_equal(c.kind, WIDTH_CONTROL);
	m = width_render("\0a", &c, c.cols, buf, &out);
	assert_int_equal(m, 2);
	assert_memory_equal(out, "^@", 2);
}

/* Where clusters end in a longer string. */
static void
test_boundaries(void **st)
{
	static const struct {
		const char *s;
		const char *parts[8];
	} cases[] = {
		{ "中文", { "中", "文" } },
		{ "🇨🇳🇯🇵", { "🇨🇳", "🇯🇵" } },
		{ "🇨🇳🇯", { "🇨🇳", "🇯" } },
		{ "e\u0301x", { "e\u0301", "x" } },
		{ "\x1B[31m", { "\x1B", "[", "3", "1", "m" } },
		{ "\r\na", { "\r\n", "a" } },
		{ "\xFF\xFE中\xFF", { "\xFF\xFE", "中", "\xFF" } },
		{ "\xE4\xB8\xE6\x96\x87", { "\xE4\xB8", "文" } },
		{ "a\x1B\u0301", { "a", "\x1B", "\u0301" } },
		{ "👨\u200D👩\u200D👧👍🏽", { "👨\u200D👩\u200D👧", "👍🏽" } },
		{ "\xC2\x9B" "1m", { "\xC2\x9B", "1", "m" } },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *s = cases[i].s;
		size_t n = strlen(s), off = 0, k = 0;

		while (off < n) {
			struct width_cluster c;
			const char *want = cases[i].parts[k];

			assert_non_null(want);
			width_next_cluster(s + off, n - off, &c);
			if (c.len != strlen(want) ||
			    memcmp(s + off, want, c.len) != 0)
				fail_msg("case %zu part %zu: got %zu bytes, "
				    "want %zu", i, k, c.len, strlen(want));
			off += c.len;
			k++;
		}
		assert_null(cases[i].parts[k]);
	}
}

static void
test_render(void **st)
{
	static const struct {
		const char *s;
		const char *shown;
	} cases[] = {
		{ "\x1B", "^[" }, { "\x01", "^A" }, { "\x7F", "^?" },
		{ "\x1F", "^_" }, { "\xC2\x9B", "<9B>" }, { "\xC2\x80", "<80>" },
		{ "\xFF\xFE", "\xEF\xBF\xBD" }, { "中", "中" },
		{ "👍🏽", "👍🏽" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct width_cluster c;
		char buf[16];
		const char *out;
		size_t m;

		width_next_cluster(cases[i].s, strlen(cases[i].s), &c);
		m = width_render(cases[i].s, &c, c.cols, buf, &out);
		assert_int_equal(m, strlen(cases[i].shown));
		assert_memory_equal(out, cases[i].shown, m);
		/* What is shown takes the columns the cluster says. */
		if (c.kind == WIDTH_CONTROL)
			assert_int_equal((int)m, c.cols);
	}
}

static void
test_tabs(void **st)
{
	struct width_cluster c;
	char buf[16];
	const char *out;

	assert_int_equal(width_tab_cols(0), 8);
	assert_int_equal(width_tab_cols(1), 7);
	assert_int_equal(width_tab_cols(7), 1);
	assert_int_equal(width_tab_cols(8), 8);
	assert_int_equal(width_tab_cols(13), 3);
	/* "中\tx": the tab runs from column 2 to 8. */
	assert_int_equal(width_string("中\tx", strlen("中\tx")), 9);
	assert_int_equal(width_string("\t\t", 2), 16);
	width_next_cluster("\t", 1, &c);
	assert_int_equal(width_render("\t", &c, 5, buf, &out), 5);
	assert_memory_equal(out, "     ", 5);
}

static void
test_string_and_fit(void **st)
{
	const char *s = "阿里AI“戰役”";
	size_t n = strlen(s);
	int cols;

	width_set_ambiguous(WIDTH_AMBIGUOUS_NARROW);
	assert_int_equal(width_string(s, n), 4 + 2 + 1 + 4 + 1);
	width_set_ambiguous(WIDTH_AMBIGUOUS_WIDE);
	assert_int_equal(width_string(s, n), 4 + 2 + 2 + 4 + 2);
	width_set_ambiguous(WIDTH_AMBIGUOUS_NARROW);
	/* 5 columns hold 阿里A; a wide character never splits. */
	assert_int_equal(width_fit(s, n, 5, &cols), strlen("阿里A"));
	assert_int_equal(cols, 5);
	assert_int_equal(width_fit(s, n, 3, &cols), strlen("阿"));
	assert_int_equal(cols, 2);
	assert_int_equal(width_fit(s, n, 1, &cols), 0);
	assert_int_equal(cols, 0);
	assert_int_equal(width_fit("👨\u200D👩\u200D👧", 18, 1, &cols), 0);
	assert_int_equal(width_fit("👨\u200D👩\u200D👧", 18, 2, &cols), 18);
}

static void
test_codepoint(void **st)
{
	width_set_ambiguous(WIDTH_AMBIGUOUS_NARROW);
	assert_int_equal(width_codepoint(0x4E2D), 2);
	assert_int_equal(width_codepoint('a'), 1);
	assert_int_equal(width_codepoint(0x0301), 0);
	assert_int_equal(width_codepoint(0x200D), 0);
	assert_int_equal(width_codepoint(0xFE0F), 0);
	assert_int_equal(width_codepoint(0x1B), -1);
	assert_int_equal(width_codepoint(0x85), -1);
	assert_int_equal(width_codepoint(0x201C), 1);
	assert_true(width_is_ambiguous(0x201C));
	assert_false(width_is_ambiguous(0x4E2D));
	width_set_ambiguous(WIDTH_AMBIGUOUS_WIDE);
	assert_int_equal(width_codepoint(0x201C), 2);
	assert_int_equal(width_codepoint(0x2026), 2);
	assert_int_equal(width_codepoint('a'), 1);
	width_set_ambiguous(WIDTH_AMBIGUOUS_NARROW);
}

static void
test_decode(void **st)
{
	uint32_t cp;

	assert_int_equal(utf8_decode("中", 3, &cp), 3);
	assert_int_equal(cp, 0x4E2D);
	assert_int_equal(utf8_decode("中", 2, &cp), 1);	/* truncated */
	assert_int_equal(cp, (uint32_t)-1);
	assert_int_equal(utf8_decode("\xC0\x80", 2, &cp), 1);
	assert_int_equal(cp, (uint32_t)-1);
	assert_int_equal(utf8_decode("😀", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases_narrow),
		cmocka_unit_test(test_cases_wide),
		cmocka_unit_test(test_nul),
		cmocka_unit_test(test_boundaries),
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_tabs),
		cmocka_unit_test(test_string_and_fit),
		cmocka_unit_test(test_codepoint),
		cmocka_unit_test(test_decode),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
