/*
 * The interface language: which one the environment's names choose
 * (whether or not the locale is installed), the catalogs found in the
 * build tree and giving simplified or traditional Chinese, every row of
 * the option, command and key-map tables translated in both, --help in
 * Chinese within 79 columns, and English again when asked.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "yuedu/command.h"
#include "yuedu/i18n.h"
#include "yuedu/keymap.h"
#include "yuedu/options.h"
#include "yuedu/width.h"

static void
test_lang_of(void **st)
{
	static const struct {
		const char *name;
		enum i18n_lang want;
	} cases[] = {
		{ "zh_CN.UTF-8", I18N_HANS }, { "zh_SG", I18N_HANS },
		{ "zh", I18N_HANS }, { "zh-Hans", I18N_HANS },
		{ "zh_CN.GB18030", I18N_HANS }, { "zh_TW.UTF-8", I18N_HANT },
		{ "zh_HK.UTF-8", I18N_HANT }, { "zh_MO", I18N_HANT },
		{ "zh-Hant", I18N_HANT }, { "zh-Hant-TW", I18N_HANT },
		{ "zh_TW.Big5@stroke", I18N_HANT }, { "en_US.UTF-8", I18N_EN },
		{ "en", I18N_EN }, { "C", I18N_EN }, { "C.UTF-8", I18N_EN },
		{ "POSIX", I18N_EN }, { "fr_FR.UTF-8", I18N_AUTO },
		{ "zhx", I18N_AUTO }, { "", I18N_AUTO }, { NULL, I18N_AUTO },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (i18n_lang_of(cases[i].name) != cases[i].want)
			fail_msg("%s: got %d, want %d", cases[i].name,
			    i18n_lang_of(cases[i].name), cases[i].want);
}

static void
test_choose(void **st)
{
	/* LANGUAGE, LC_ALL, LC_MESSAGES, LANG → language. */
	static const struct {
		const char *v[4];
		enum i18n_lang want;
	} cases[] = {
		{ { NULL, NULL, NULL, NULL }, I18N_EN },
		{ { NULL, NULL, NULL, "zh_CN.UTF-8" }, I18N_HANS },
		{ { NULL, NULL, NULL, "zh_TW.UTF-8" }, I18N_HANT },
		{ { NULL, NULL, NULL, "zh_HK.UTF-8" }, I18N_HANT },
		{ { NULL, NULL, NULL, "en_US.UTF-8" }, I18N_EN },
		{ { NULL, NULL, NULL, "de_DE.UTF-8" }, I18N_EN },
		/* LC_ALL over LC_MESSAGES over LANG. */
		{ { NULL, "C.UTF-8", NULL, "zh_CN.UTF-8" }, I18N_EN },
		{ { NULL, "zh_TW.UTF-8", "zh_CN.UTF-8", "en_US" }, I18N_HANT },
		{ { NULL, NULL, "zh_TW.UTF-8", "zh_CN.UTF-8" }, I18N_HANT },
		{ { NULL, "", "", "zh_CN.UTF-8" }, I18N_HANS },
		/* LANGUAGE first, its first known entry... */
		{ { "zh_TW", NULL, NULL, "zh_CN.UTF-8" }, I18N_HANT },
		{ { "fr:zh_TW:zh_CN", NULL, NULL, "en_US.UTF-8" }, I18N_HANT },
		{ { "en:zh_CN", NULL, NULL, "zh_TW.UTF-8" }, I18N_EN },
		{ { "fr", NULL, NULL, "zh_TW.UTF-8" }, I18N_HANT },
		{ { "zh_CN", "C.UTF-8", NULL, NULL }, I18N_HANS },
		/* ...but not in the C locale, as gettext. */
		{ { "zh_CN", NULL, NULL, NULL }, I18N_EN },
		{ { "zh_CN", "C", NULL, "zh_TW.UTF-8" }, I18N_EN },
		{ { "zh_CN", NULL, NULL, "POSIX" }, I18N_EN },
		{ { "", NULL, NULL, "zh_TW.UTF-8" }, I18N_HANT },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *const *v = cases[i].v;
		enum i18n_lang got = i18n_choose(v[0], v[1], v[2], v[3]);

		if (got != cases[i].want)
			fail_msg("case %zu (%s, %s, %s, %s): got %d, want %d",
			    i, v[0], v[1], v[2], v[3], got, cases[i].want);
	}
}

/* Every message of the tables has a translation: a row added without
 * one shows English in a Chinese help screen or --help. */
static void
check_tables(void)
{
	for (size_t i = 0; i < options_ndefs; i++)
		if (strcmp(_(options_defs[i].help), options_defs[i].help) == 0)
			fail_msg("--%s: help not translated",
			    options_defs[i].name);
	for (size_t i = 0; i < command_count; i++)
		if (strcmp(_(command_table[i].help),
		    command_table[i].help) == 0)
			fail_msg("%s: help not translated",
			    command_table[i].name);
	for (int m = 0; m < COMMAND_NMODES; m++)
		if (strcmp(_(keymap_modes[m].title), keymap_modes[m].title) ==
		    0)
			fail_msg("mode %s: title not translated",
			    keymap_modes[m].name);
}

/* --help in the current language: its usage line, no row wider than
 * 79 columns (Chinese is two columns a character). */
static void
check_help(const char *usage, const char *absent)
{
	char *help = options_help(), *s = help;

	assert_non_null(strstr(help, usage));
	if (absent != NULL)
		assert_null(strstr(help, absent));
	while (*s != '\0') {
		size_t n = strcspn(s, "\n");

		if (width_string(s, n) > 79)
			fail_msg("--help row wider than 79: %.*s", (int)n, s);
		s += n + (s[n] == '\n');
	}
	free(help);
}

static void
test_simplified(void **st)
{
	assert_int_equal(i18n_init(I18N_HANS), I18N_HANS);
	assert_int_equal(i18n_current(), I18N_HANS);
	assert_string_equal(_("end of text"), "已到文末");
	assert_string_equal(_("search stopped"), "搜索已停止");
	assert_string_equal(P_("%s  (%zu article)", "%s  (%zu articles)", 3),
	    "%s  （%zu 篇文章）");
	check_tables();
	check_help("用法：yuedu", "Usage:");
	/* The key lists of the help screen keep their keys and commands. */
	assert_string_equal(_(command_find(COMMAND_READER, "search-forward")->
	    help), "向后搜索（输入框的按键见下）");
}

static void
test_traditional(void **st)
{
	assert_int_equal(i18n_init(I18N_HANT), I18N_HANT);
	assert_string_equal(_("search stopped"), "搜尋已停止");
	/* Taiwan's words: 檔案, 設定, 游標. */
	assert_string_equal(_("no next file"), "沒有下一個檔案");
	assert_string_equal(_("place not saved"), "未能儲存閱讀位置");
	assert_non_null(strstr(_(command_find(COMMAND_EDIT, "delete-back")->
	    help), "游標"));
	check_tables();
	check_help("用法：yuedu", "Usage:");
}

static void
test_english_again(void **st)
{
	assert_int_equal(i18n_init(I18N_HANS), I18N_HANS);
	assert_int_equal(i18n_init(I18N_EN), I18N_EN);
	assert_string_equal(_("end of text"), "end of text");
	assert_string_equal(P_("%s  (%zu article)", "%s  (%zu articles)", 1),
	    "%s  (%zu article)");
	check_help("Usage: yuedu", "用法");
}

static void
test_wrap(void **st)
{
	const char *zh = "字数、时间和匹配数：均为整节的统计。";
	size_t n = strlen(zh), cut;

	/* English at a space, the space left out. */
	assert_int_equal(width_wrap("one two three", 13, 9), 7);
	assert_int_equal(width_wrap("one two three", 13, 7), 7);
	assert_int_equal(width_wrap("one two", 7, 20), 7);
	/* Chinese between characters, never before 。 or ，、： */
	cut = width_wrap(zh, n, 10);
	assert_int_equal(cut, strlen("字数、时间"));
	cut = width_wrap(zh, n, 6);
	assert_int_equal(cut, strlen("字数、"));
	/* 、 may not start a row: 数 goes down with it. */
	cut = width_wrap(zh, n, 4);
	assert_int_equal(cut, strlen("字"));
	cut = width_wrap(zh, n, 18);	/* ：stays with 数 */
	assert_int_equal(cut, strlen("字数、时间和匹配"));
	/* One column for a wide character: one whole character. */
	assert_int_equal(width_wrap(zh, n, 1), strlen("字"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lang_of),
		cmocka_unit_test(test_choose),
		cmocka_unit_test(test_simplified),
		cmocka_unit_test(test_traditional),
		cmocka_unit_test(test_english_again),
		cmocka_unit_test(test_wrap),
	};

	/* The catalogs of the build tree, whatever the caller's locale. */
	unsetenv("YUEDU_LOCALEDIR");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
