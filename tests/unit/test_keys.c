/*
 * Key maps: the default maps are sound (every key names a command of its
 * mode, no key twice in a map), lookups follow a mode's fallback, bindings
 * reach every mode and show in help, and key names parse.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "yuedu/keymap.h"

/* The help line holding KEYS and HELP of a command (caller frees). */
static char *
help_with(const char *help)
{
	size_t n;
	char **lines = keymap_help(80, &n), *out = NULL;

	for (size_t i = 0; i < n && out == NULL; i++)
		if (strstr(lines[i], help) != NULL)
			out = strdup(lines[i]);
	keymap_help_free(lines, n);
	return out;
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
	assert_int_equal(keycode_parse("Delete"), KEYCODE_DELETE);
	assert_int_equal(keycode_parse(":n"), KEYCODE_COLON_KEY('n'));
	assert_int_equal(keycode_parse("阅"), 0x9605);
	assert_int_equal(keycode_parse("JJ"), -1);
	assert_int_equal(keycode_parse(""), -1);
	assert_int_equal(keycode_parse("^1"), -1);
	assert_string_equal(keycode_name(KEYCODE_CTRL('f')), "^F");
	assert_string_equal(keycode_name(KEYCODE_DOWN), "↓");
	assert_string_equal(keycode_name(KEYCODE_COLON_KEY('n')), ":n");
	assert_string_equal(keycode_name(0x9605), "阅");
}

/* The maps are data: check them as such. */
static void
test_maps_sound(void **state)
{
	(void)state;
	for (int m = 0; m < COMMAND_NMODES; m++) {
		const struct keymap_mode *md = &keymap_modes[m];

		assert_non_null(md->name);
		assert_int_equal(keymap_mode_find(md->name), m);
		if (md->other != NULL && command_find((enum command_mode)m,
		    md->other) == NULL)
			fail_msg("mode %s: other command %s is not one of "
			    "its commands", md->name, md->other);
		for (const struct keymap_key *k = md->keys; k->command; k++) {
			if (command_find((enum command_mode)m, k->command) ==
			    NULL)
				fail_msg("mode %s: key %s runs %s, not a "
				    "command of the mode", md->name,
				    keycode_name(k->key), k->command);
			for (const struct keymap_key *j = k + 1; j->command;
			    j++)
				if (j->key == k->key)
					fail_msg("mode %s: key %s twice",
					    md->name, keycode_name(k->key));
		}
	}
	/* Every command runs in some mode, and has help. */
	for (size_t i = 0; i < command_count; i++) {
		assert_true(command_table[i].modes != 0);
		assert_non_null(command_table[i].help);
		assert_non_null(command_table[i].fn);
	}
}

static void
test_lookup(void **state)
{
	(void)state;
	assert_string_equal(keymap_lookup(COMMAND_READER, 'j')->name,
	    "line-down");
	assert_string_equal(keymap_lookup(COMMAND_PANEL, 'j')->name, "next");
	assert_string_equal(keymap_lookup(COMMAND_SHELF, 'h')->name, "help");
	/* The prompt falls back to the editor, then types. */
	assert_string_equal(keymap_lookup(COMMAND_PROMPT, KEYCODE_ENTER)->name,
	    "accept");
	assert_string_equal(keymap_lookup(COMMAND_PROMPT, KEYCODE_LEFT)->name,
	    "cursor-left");
	assert_string_equal(keymap_lookup(COMMAND_FILTER, 'j')->name,
	    "insert");
	assert_string_equal(keymap_lookup(COMMAND_PROMPT, 0x8bf8)->name,
	    "insert");
	/* The reader says what is not a command; the shelf ignores it. */
	assert_string_equal(keymap_lookup(COMMAND_READER, 'Z')->name,
	    "unknown");
	assert_null(keymap_lookup(COMMAND_SHELF, 'Z'));
	/* ] and [ need the outline whatever key runs them. */
	assert_true(keymap_lookup(COMMAND_READER, ']')->needs &
	    COMMAND_NEEDS_OUTLINE);
}

static void
test_counts(void **state)
{
	long c = 0;

	(void)state;
	assert_false(keymap_count(&c, '0'));	/* 0 alone is a key */
	assert_true(keymap_count(&c, '1'));
	assert_true(keymap_count(&c, '0'));
	assert_int_equal(c, 10);
	assert_true(keymap_count(&c, KEYCODE_ESC));	/* drops it */
	assert_int_equal(c, 0);
	assert_false(keymap_count(&c, KEYCODE_ESC));
}

static void
test_bind_errors(void **state)
{
	char *err = NULL;

	(void)state;
	assert_int_equal(keymap_bind_str("J no-such", &err), -1);
	assert_non_null(strstr(err, "unknown command 'no-such'"));
	free(err);
	assert_int_equal(keymap_bind_str("JJ quit", &err), -1);
	assert_non_null(strstr(err, "invalid key 'JJ'"));
	free(err);
	assert_int_equal(keymap_bind_str("nowhere J next", &err), -1);
	assert_non_null(strstr(err, "unknown mode 'nowhere'"));
	free(err);
	/* next is a panel command, not the reader's. */
	assert_int_equal(keymap_bind_str("J next", &err), -1);
	free(err);
	assert_int_equal(keymap_bind_str("J", &err), -1);
	assert_non_null(strstr(err, "expected [MODE] KEY COMMAND"));
	free(err);
	/* A prompt binding may name an editing command (its fallback). */
	assert_int_equal(keymap_bind_str("prompt ^X delete-to-start", &err),
	    0);
	assert_string_equal(keymap_lookup(COMMAND_PROMPT,
	    KEYCODE_CTRL('x'))->name, "delete-to-start");
	keymap_bind_reset();
	assert_true(command_exists("page-down"));
	assert_false(command_exists("page"));
}

static void
test_bind_modes(void **state)
{
	char *err = NULL, *l;

	(void)state;
	keymap_bind_reset();
	assert_int_equal(keymap_bind_str("panel J next", &err), 0);
	assert_string_equal(keymap_lookup(COMMAND_PANEL, 'J')->name, "next");
	/* The reader's J is untouched. */
	assert_string_equal(keymap_lookup(COMMAND_READER, 'J')->name,
	    "unknown");
	assert_int_equal(keymap_bind_str("J section-next", &err), 0);
	assert_string_equal(keymap_lookup(COMMAND_READER, 'J')->name,
	    "section-next");
	assert_true(keymap_lookup(COMMAND_READER, 'J')->needs &
	    COMMAND_NEEDS_OUTLINE);
	assert_int_equal(keymap_bind_str("shelf x open", &err), 0);
	assert_string_equal(keymap_lookup(COMMAND_SHELF, 'x')->name, "open");

	l = help_with("the next section");
	assert_non_null(l);
	assert_non_null(strstr(l, "] J"));
	free(l);

	/* f bound to quit: page-down no longer lists it, quit does. */
	assert_int_equal(keymap_bind_str("f quit", &err), 0);
	l = help_with("one page down");
	assert_non_null(strstr(l, "Space PgDn ^F "));
	free(l);
	l = help_with("quit (from an article");
	assert_non_null(strstr(l, "q f "));
	free(l);

	/* Binding the same key again replaces the binding. */
	assert_int_equal(keymap_bind_str("f page-down", &err), 0);
	l = help_with("one page down");
	assert_non_null(strstr(l, "Space f PgDn ^F "));
	free(l);
	keymap_bind_reset();
	assert_string_equal(keymap_lookup(COMMAND_PANEL, 'J')->name, "pass");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_maps_sound),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_bind_errors),
		cmocka_unit_test(test_bind_modes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
