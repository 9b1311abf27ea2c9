/*
 * The documentation agrees with the option table: the option lists of
 * README.md and yuedu.1 are exactly what the table makes (build/
 * gen_opts_doc rewrites them), a hand edit of either is seen, and --help
 * names every option, value, alias and default.  The key lists are
 * checked by test_keys_docs.c.
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
	char *help = options_help();
	size_t n = 0;

	for (size_t k = 0; k < options_ndefs; k++) {
		const struct options_def *o = &options_defs[k];
		char *want = o->kind == OPTIONS_PLUS ? xstrdup(o->name) :
		    xasprintf("--%s", o->name);

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
	free(help);
}


/* The text between the option-list markers of TEXT (caller frees). */
static char *
marked(const char *text, int man)
{
	const char *open = man ? ".\\\" options\n" : "<!-- options -->\n";
	const char *close = man ? ".\\\" /options\n" : "<!-- /options -->\n";
	const char *a = strstr(text, open), *b;

	if (a == NULL || (b = strstr(a, close)) == NULL)
		return NULL;
	a += strlen(open);
	return xasprintf("%.*s", (int)(b - a), a);
}

/* 0 when the option list in TEXT is what the table makes, else 1. */
static int
drift(const char *text, int man)
{
	char *have = marked(text, man);
	char *want = man ? options_man() : options_readme();
	int bad = have == NULL || strcmp(have, want) != 0;

	if (bad)
		print_message("%s: the option list differs from the option "
		    "table; run build/gen_opts_doc README.md yuedu.1\n",
		    man ? "yuedu.1" : "README.md");
	free(have);
	free(want);
	return bad;
}

static void
test_option_lists_follow_the_table(void **st)
{
	char *readme = slurp("README.md"), *man = slurp("yuedu.1");

	(void)st;
	assert_int_equal(drift(readme, 0), 0);
	assert_int_equal(drift(man, 1), 0);
	free(readme);
	free(man);
}

/* A hand edit of a default, in either file, is seen. */
static void
test_option_drift_is_seen(void **st)
{
	char *readme = slurp("README.md"), *man = slurp("yuedu.1"), *p;

	(void)st;
	/* The old mistake: --ambiguous said to default to narrow. */
	p = strstr(readme, "(two columns) | `auto` |");
	assert_non_null(p);
	memcpy(strstr(p, "`auto`"), "`wide`", 6);
	assert_int_equal(drift(readme, 0), 1);
	p = strstr(man, "(default: 300)");
	assert_non_null(p);
	p[10] = '4';
	assert_int_equal(drift(man, 1), 1);
	free(readme);
	free(man);
}

/* --help lists every value with its aliases and every default. */
static void
test_help_has_values_and_defaults(void **st)
{
	char *help = options_help();
	char *flat = xstrdup(help), *o = flat;

	(void)st;
	/* Wrapped lines joined: "\n" and the indent become one blank. */
	for (const char *s = help; *s != '\0'; s++) {
		if (*s == '\n' && s[1] == ' ') {
			*o++ = ' ';
			s += strspn(s + 1, " ");
		} else
			*o++ = *s;
	}
	*o = '\0';
	for (size_t k = 0; k < options_ndefs; k++) {
		const struct options_def *d = &options_defs[k];
		char *want;

		if (d->values != NULL)
			for (const struct options_value *v = d->values; v->name;
			    v++) {
				want = v->aliases != NULL ? xasprintf("%s/%s",
				    v->name, v->aliases) : xstrdup(v->name);
				for (char *p = want; *p; p++)
					if (*p == ' ')
						*p = '/';
				if (strstr(flat, want) == NULL)
					fail_msg("--help lacks %s of --%s", want,
					    d->name);
				free(want);
			}
		if (d->def != NULL) {
			want = xasprintf("(default: %s)", d->def);
			if (strstr(flat, want) == NULL)
				fail_msg("--help lacks %s for --%s", want,
				    d->name);
			free(want);
		}
	}
	free(flat);
	free(help);
}

/* The man page's list is ASCII (groff -man warns on anything else in the
 * C locale). */
static void
test_man_is_ascii(void **st)
{
	char *man = options_man();

	(void)st;
	for (const char *s = man; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			fail_msg("non-ASCII in the man page's option list: "
			    "%.40s", s);
	free(man);
}

/* The synopses show +LINE and +/PATTERN. */
static void
test_synopsis(void **st)
{
	char *man = man_text(), *readme = slurp("README.md");
	char *help = options_help();

	(void)st;
	char *syn = strstr(man, ".SH SYNOPSIS"), *end;

	assert_non_null(syn);
	end = strstr(syn, ".SH DESCRIPTION");
	assert_non_null(end);
	*end = '\0';
	assert_non_null(strstr(syn, "+LINE"));
	assert_non_null(strstr(syn, "+/PATTERN"));
	assert_non_null(strstr(readme, "[+LINE | +/PATTERN]"));
	assert_non_null(strstr(help, "[+LINE | +/PATTERN]"));
	free(man);
	free(readme);
	free(help);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_options_documented),
		cmocka_unit_test(test_option_lists_follow_the_table),
		cmocka_unit_test(test_option_drift_is_seen),
		cmocka_unit_test(test_help_has_values_and_defaults),
		cmocka_unit_test(test_man_is_ascii),
		cmocka_unit_test(test_synopsis),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
