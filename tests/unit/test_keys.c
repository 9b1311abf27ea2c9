/*
 * Key bindings over the key table: key names, unknown keys and commands,
 * and the help screen showing a binding (and no longer showing a key that
 * was bound away from its command).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "yuedu/keys.h"

/* The help line of command NAME (caller frees). */
static char *
help_of(const char *name)
{
	for (size_t i = 0; i < keys_help_lines(); i++) {
		char *l = keys_help_line(i);

		if (strstr(l, "  ") != NULL && i >= 2 && i - 2 < keys_count &&
		    strcmp(keys_table[i - 2].name, name) == 0)
			return l;
		free(l);
	}
	return NULL;
}

static void
test_codes(void **state)
{
	(void)state;
	assert_int_equal(keycode_parse("J"), 'J');
	assert_int_equal(keycode_parse("^F"), KEYCODE_CTRL('f'));
	assert_int_equal(keycode_parse("^f"), KEYCODE_CTRL('f'));
	assert_int_equal(keycode_parse("PgDn"), KEYCODE_PGDN);
	assert_int_equal(keycode_parse("space"), ' ');
	assert_int_equal(keycode_parse("阅"), 0x9605);
	assert_int_equal(keycode_parse("JJ"), -1);
	assert_int_equal(keycode_parse(""), -1);
	assert_int_equal(keycode_parse("^1"), -1);
}

static void
test_bind_errors(void **state)
{
	char *err = NULL;

	(void)state;
	assert_int_equal(keys_bind("J", "no-such", &err), -1);
	assert_non_null(strstr(err, "unknown command 'no-such'"));
	free(err);
	assert_int_equal(keys_bind("JJ", "quit", &err), -1);
	assert_non_null(strstr(err, "invalid key 'JJ'"));
	free(err);
	assert_true(keys_command_exists("page-down"));
	assert_false(keys_command_exists("page"));
}

static void
test_help_shows_binding(void **state)
{
	char *err = NULL, *l;

	(void)state;
	keys_bind_reset();
	l = help_of("page-down");
	assert_non_null(l);
	assert_null(strstr(l, " J "));
	free(l);

	assert_int_equal(keys_bind("J", "page-down", &err), 0);
	l = help_of("page-down");
	assert_non_null(strstr(l, "Space f PgDn ^F J "));
	free(l);

	/* f bound to quit: page-down no longer lists it, quit does. */
	assert_int_equal(keys_bind("f", "quit", &err), 0);
	l = help_of("page-down");
	assert_non_null(strstr(l, "Space PgDn ^F J "));
	free(l);
	l = help_of("quit");
	assert_non_null(strstr(l, "q f "));
	free(l);

	/* A key beyond ASCII is shown as it was given. */
	assert_int_equal(keys_bind("阅", "help", &err), 0);
	l = help_of("help");
	assert_non_null(strstr(l, "h 阅 "));
	free(l);

	/* Binding the same key again replaces the binding. */
	assert_int_equal(keys_bind("J", "line-down", &err), 0);
	l = help_of("page-down");
	assert_null(strstr(l, " J "));
	free(l);
	keys_bind_reset();
	l = help_of("quit");
	assert_null(strstr(l, " f "));
	free(l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_bind_errors),
		cmocka_unit_test(test_help_shows_binding),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
