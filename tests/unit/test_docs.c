/*
 * The documentation agrees with the tables: every long option of the
 * option table is in --help, the man page and the README.  The key lists
 * are checked by test_keys_docs.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/options.h"
#include "yuedu/util.h"

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

/* The man page as plain text: \- is -, font changes dropped. */
static char *
man_text(void)
{
	char *src = slurp("yuedu.1"), *out = xmalloc(strlen(src) + 1), *o = out;

	for (const char *s = src; *s != '\0'; s++) {
		if (s[0] == '\\' && s[1] == '-') {
			*o++ = '-';
			s++;
		} else if (s[0] == '\\' && s[1] == 'f' && s[2] != '\0')
			s += 2;
		else if (s[0] == '\\' && s[1] == '&')
			s++;
		else if (strncmp(s, "\\(aq", 4) == 0) {
			*o++ = '\'';
			s += 3;
		} else
			*o++ = *s;
	}
	*o = '\0';
	free(src);
	return out;
}

static void
test_options_documented(void **st)
{
	char *man = man_text(), *readme = slurp("README.md");
	const char *help = options_help();
	size_t n = 0;

	for (const struct option *o = options_table(); o->name != NULL; o++) {
		char *want = xasprintf("--%s", o->name);

		if (strstr(help, want) == NULL)
			fail_msg("--help does not mention %s", want);
		if (strstr(man, want) == NULL)
			fail_msg("yuedu.1 does not mention %s", want);
		if (strstr(readme, want) == NULL)
			fail_msg("README.md does not mention %s", want);
		free(want);
		n++;
	}
	assert_true(n >= 10);
	free(man);
	free(readme);
}


int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_options_documented),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
