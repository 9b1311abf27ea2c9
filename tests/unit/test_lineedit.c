/*
 * The line editor: cursor moves and deletions by character (CJK and
 * emoji are one step), the cursor column for wide characters, and the
 * history that brings back each entry's mode.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "yuedu/lineedit.h"
#include "yuedu/utf8.h"

/* Type UTF-8 string S at the cursor. */
static void
type(struct lineedit *e, const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; i < n;) {
		uint32_t cp;

		i += utf8_decode(s + i, n - i, &cp);
		assert_true(lineedit_insert(e, cp));
	}
}

static void
test_insert_and_move(void **st)
{
	struct lineedit e = { 0 };

	(void)st;
	type(&e, "诸葛亮");
	assert_string_equal(e.buf, "诸葛亮");
	assert_int_equal(lineedit_cursor_cols(&e), 6);
	lineedit_left(&e);
	assert_int_equal(lineedit_cursor_cols(&e), 4);
	type(&e, "孔明");
	assert_string_equal(e.buf, "诸葛孔明亮");
	lineedit_home(&e);
	assert_int_equal(e.cur_off, 0);
	lineedit_left(&e);			/* stays */
	assert_int_equal(e.cur_off, 0);
	type(&e, "a");
	assert_string_equal(e.buf, "a诸葛孔明亮");
	assert_int_equal(lineedit_cursor_cols(&e), 1);
	lineedit_right(&e);
	assert_int_equal(lineedit_cursor_cols(&e), 3);
	lineedit_end(&e);
	assert_int_equal(e.cur_off, e.len);
	lineedit_right(&e);			/* stays */
	assert_int_equal(e.cur_off, e.len);
	/* Controls and key codes are not text. */
	assert_false(lineedit_insert(&e, 0x1b));
	assert_false(lineedit_insert(&e, 0x7f));
	assert_false(lineedit_insert(&e, 0x110001));
	assert_string_equal(e.buf, "a诸葛孔明亮");
}

static void
test_deletions(void **st)
{
	struct lineedit e = { 0 };
	unsigned long ch;

	(void)st;
	type(&e, "ab 中文 ok");
	lineedit_backspace(&e);
	assert_string_equal(e.buf, "ab 中文 o");
	lineedit_kill_word(&e);			/* ^W */
	assert_string_equal(e.buf, "ab 中文 ");
	lineedit_kill_word(&e);			/* spaces, then the word */
	assert_string_equal(e.buf, "ab ");
	type(&e, "中文");
	lineedit_home(&e);
	lineedit_delete(&e);			/* Delete */
	assert_string_equal(e.buf, "b 中文");
	lineedit_right(&e);
	lineedit_right(&e);
	lineedit_kill_end(&e);			/* ^K */
	assert_string_equal(e.buf, "b ");
	assert_int_equal(e.cur_off, 2);
	type(&e, "文");
	lineedit_left(&e);
	lineedit_kill_start(&e);		/* ^U: before the cursor */
	assert_string_equal(e.buf, "文");
	assert_int_equal(e.cur_off, 0);
	ch = e.changes;
	lineedit_backspace(&e);			/* nothing before: no change */
	assert_int_equal(e.changes, ch);
	lineedit_end(&e);
	lineedit_kill_start(&e);
	assert_string_equal(e.buf, "");
}

static void
test_clusters(void **st)
{
	struct lineedit e = { 0 };

	(void)st;
	/* e + combining acute, then a family emoji (one cluster each). */
	type(&e, "xe\xcc\x81\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9");
	lineedit_backspace(&e);
	assert_string_equal(e.buf, "xe\xcc\x81");
	lineedit_left(&e);
	assert_int_equal(e.cur_off, 1);
	lineedit_delete(&e);
	assert_string_equal(e.buf, "x");
}

static void
test_full(void **st)
{
	struct lineedit e = { 0 };
	size_t n = 0;

	(void)st;
	while (lineedit_insert(&e, 0x4e2d))
		n++;
	assert_true(e.len < LINEEDIT_MAX);
	assert_int_equal(n, (LINEEDIT_MAX - 1) / 3);
	lineedit_set(&e, "");
	assert_int_equal(e.len, 0);
}

enum { REGEX = 1 };

static void
test_history_keeps_mode(void **st)
{
	struct lineedit_history h;
	struct lineedit e = { 0 };
	int flags = 0;

	(void)st;
	memset(&h, 0, sizeof h);
	lineedit_history_add(&h, "第[一二]回", REGEX);
	lineedit_history_add(&h, "曹操", 0);
	lineedit_history_rewind(&h);
	type(&e, "draft");
	assert_true(lineedit_history_move(&h, &e, 1, &flags));
	assert_string_equal(e.buf, "曹操");
	assert_int_equal(flags, 0);
	assert_true(lineedit_history_move(&h, &e, 1, &flags));
	assert_string_equal(e.buf, "第[一二]回");
	assert_int_equal(flags, REGEX);		/* the mode comes back */
	assert_int_equal(e.cur_off, e.len);
	assert_false(lineedit_history_move(&h, &e, 1, &flags));
	assert_true(lineedit_history_move(&h, &e, 0, &flags));
	assert_true(lineedit_history_move(&h, &e, 0, &flags));
	assert_string_equal(e.buf, "draft");	/* and the draft */
	assert_int_equal(flags, 0);
	/* Adding again moves it to the newest, with its new mode. */
	lineedit_history_add(&h, "第[一二]回", 0);
	assert_int_equal(h.n, 2);
	assert_string_equal(lineedit_history_last(&h)->text, "第[一二]回");
	assert_int_equal(lineedit_history_last(&h)->flags, 0);
	for (int i = 0; i < LINEEDIT_HISTORY_MAX + 5; i++) {
		char buf[16];

		snprintf(buf, sizeof buf, "%d", i);
		lineedit_history_add(&h, buf, 0);
	}
	assert_int_equal(h.n, LINEEDIT_HISTORY_MAX);
	lineedit_history_done(&h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_and_move),
		cmocka_unit_test(test_deletions),
		cmocka_unit_test(test_clusters),
		cmocka_unit_test(test_full),
		cmocka_unit_test(test_history_keeps_mode),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
