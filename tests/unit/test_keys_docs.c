/*
 * The key lists of README.md and yuedu.1 and the help screen agree with
 * the key maps: each mode's list between its markers is exactly what the
 * maps make (build/gen_keys_doc rewrites them), and the help screen shows
 * every key of every mode within its width.  A changed key fails here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/keymap.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

static char *
slurp(const char *name)
{
	char *path = xasprintf("%s/%s", getenv("YUEDU_SRC"), name);
	FILE *f = fopen(path, "r");
	char *buf;
	long n;

	if (f == NULL)
		fail_msg("cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = xmalloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	free(path);
	return buf;
}

/* The text between the markers of MODE in TEXT (caller frees), or NULL. */
static char *
marked(const char *text, int man, int mode)
{
	const char *name = keymap_modes[mode].name;
	char *open = man ? xasprintf(".\\\" keys:%s\n", name) :
	    xasprintf("<!-- keys:%s -->\n", name);
	char *close = man ? xasprintf(".\\\" /keys:%s\n", name) :
	    xasprintf("<!-- /keys:%s -->\n", name);
	const char *a = strstr(text, open), *b;
	char *out = NULL;

	if (a != NULL && (b = strstr(a, close)) != NULL) {
		a += strlen(open);
		out = xasprintf("%.*s", (int)(b - a), a);
	}
	free(open);
	free(close);
	return out;
}

/* 0 when every mode's list in TEXT is what the maps make, else how many
 * differ or are missing. */
static int
drift(const char *text, int man)
{
	int bad = 0;

	for (int m = 0; m < COMMAND_NMODES; m++) {
		char *have = marked(text, man, m);
		char *want = man ? keymap_man((enum command_mode)m) :
		    keymap_readme((enum command_mode)m);

		if (have == NULL || strcmp(have, want) != 0) {
			print_message("%s: the %s key list differs; run "
			    "build/gen_keys_doc README.md yuedu.1\n",
			    man ? "yuedu.1" : "README.md",
			    keymap_modes[m].name);
			bad++;
		}
		free(have);
		free(want);
	}
	return bad;
}

static void
test_readme_and_man_follow_the_maps(void **st)
{
	char *readme = slurp("README.md"), *man = slurp("yuedu.1");

	(void)st;
	assert_int_equal(drift(readme, 0), 0);
	assert_int_equal(drift(man, 1), 0);
	free(readme);
	free(man);
}

/* The check itself fails on a change, even of one one-letter key. */
static void
test_drift_is_seen(void **st)
{
	char *readme = slurp("README.md"), *man = slurp("yuedu.1"), *p;

	(void)st;
	p = strstr(readme, "- `j` `↓`");
	assert_non_null(p);
	p[3] = 'J';
	assert_int_equal(drift(readme, 0), 1);
	/* In the man page: the shelf's quit key q becomes x. */
	p = strstr(strstr(man, ".\\\" keys:shelf"), ".B q Q\n");
	assert_non_null(p);
	p[3] = 'x';
	assert_int_equal(drift(man, 1), 1);
	free(readme);
	free(man);
}

/* Every key of every mode is on the help screen, which fits its width. */
static void
check_help(int cols)
{
	size_t n;
	char **lines = keymap_help(cols, &n), *all = xstrdup("");

	for (size_t i = 0; i < n; i++) {
		char *t = xasprintf("%s%s\n", all, lines[i]);

		assert_true(width_string(lines[i], strlen(lines[i])) <= cols);
		free(all);
		all = t;
	}
	for (int m = 0; m < COMMAND_NMODES; m++) {
		char *title = xasprintf("[%s]", keymap_modes[m].name);

		if (strstr(all, title) == NULL)
			fail_msg("help at %d columns lacks mode %s", cols,
			    title);
		free(title);
		for (size_t i = 0; i < command_count; i++) {
			const struct command *c = &command_table[i];
			char *keys;

			if (!(c->modes & COMMAND_IN(m)))
				continue;
			keys = keymap_keys_of((enum command_mode)m, c, " ", 0);
			if (keys[0] != '\0' && strstr(all, keys) == NULL)
				fail_msg("help at %d columns lacks %s (%s)",
				    cols, keys, c->name);
			free(keys);
		}
	}
	free(all);
	keymap_help_free(lines, n);
}

static void
test_help_lists_every_mode(void **st)
{
	(void)st;
	check_help(80);
	check_help(40);
}

/* A binding shows in help and in the lists (and goes with a reset). */
static void
test_help_shows_bindings(void **st)
{
	char *err = NULL, *keys;
	const struct command *next = command_find(COMMAND_PANEL, "next");

	(void)st;
	assert_int_equal(keymap_bind_str("panel J next", &err), 0);
	keys = keymap_keys_of(COMMAND_PANEL, next, " ", 0);
	assert_string_equal(keys, "j ↓ ^N J");
	free(keys);
	keymap_bind_reset();
	keys = keymap_keys_of(COMMAND_PANEL, next, " ", 0);
	assert_string_equal(keys, "j ↓ ^N");
	free(keys);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_readme_and_man_follow_the_maps),
		cmocka_unit_test(test_drift_is_seen),
		cmocka_unit_test(test_help_lists_every_mode),
		cmocka_unit_test(test_help_shows_bindings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
