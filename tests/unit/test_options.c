/*
 * The option table and its parser: value aliases (--script=simp), bad
 * values named with what is expected, the table's defaults, every option
 * stored where the table says, and a second parse that starts afresh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "yuedu/options.h"
#include "yuedu/render.h"
#include "yuedu/util.h"

/* Parse the words of ARGS (blank-separated, after "yuedu"). */
static int
parse(struct options *opts, const char *args, char **err)
{
	char *copy = xstrdup(args), *argv[32], *save = NULL;
	int argc = 0, rc;

	argv[argc++] = "yuedu";
	for (char *t = strtok_r(copy, " ", &save); t != NULL && argc < 31;
	    t = strtok_r(NULL, " ", &save))
		argv[argc++] = t;
	argv[argc] = NULL;
	*err = NULL;
	rc = options_parse(opts, argc, argv, err);
	/* The values point into the words: keep them for the test. */
	if (rc == 0) {
		for (size_t i = 0; i < opts->nfiles; i++)
			opts->files[i] = xstrdup(opts->files[i]);
	}
	free(copy);
	return rc;
}

static void
done(struct options *opts)
{
	for (size_t i = 0; i < opts->nfiles; i++)
		free(opts->files[i]);
	options_done(opts);
}

static void
test_script_aliases(void **st)
{
	static const struct {
		const char *arg;
		enum conv_script want;
	} cases[] = {
		{ "--script=simp", CONV_SIMPLIFIED },
		{ "--script=simplified", CONV_SIMPLIFIED },
		{ "--script=trad", CONV_TRADITIONAL },
		{ "--script=traditional", CONV_TRADITIONAL },
		{ "--script=tw", CONV_TAIWAN },
		{ "--script=taiwan", CONV_TAIWAN },
		{ "--script=hk", CONV_HONGKONG },
		{ "--script=hongkong", CONV_HONGKONG },
		{ "--script=orig", CONV_ORIGINAL },
		{ "--script=original", CONV_ORIGINAL },
	};
	struct options o;
	char *err;

	(void)st;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(parse(&o, cases[i].arg, &err), 0);
		if (o.script != cases[i].want)
			fail_msg("%s gave %d", cases[i].arg, (int)o.script);
		done(&o);
	}
	assert_int_equal(parse(&o, "--format=md", &err), 0);
	assert_int_equal(o.format, RENDER_MARKDOWN);
	done(&o);
	assert_int_equal(parse(&o, "--format=txt", &err), 0);
	assert_int_equal(o.format, RENDER_TEXT);
	done(&o);
}

/* An unknown value is named with the values expected, aliases not. */
static void
test_bad_values(void **st)
{
	static const struct {
		const char *arg, *msg;
	} cases[] = {
		{ "--script=simple", "invalid --script 'simple' (expected "
		  "original, simplified, traditional, taiwan or hongkong)" },
		{ "--script=SIMP", "invalid --script 'SIMP' (expected "
		  "original, simplified, traditional, taiwan or hongkong)" },
		{ "--ambiguous=huge", "invalid --ambiguous 'huge' (expected "
		  "auto, narrow or wide)" },
		{ "--format=doc", "invalid --format 'doc' (expected auto, "
		  "text, markdown, html or epub)" },
		{ "--reflow=yes", "invalid --reflow 'yes' (expected auto, on "
		  "or off)" },
		{ "--cpm=0", "invalid --cpm '0' (expected 1 to 100000)" },
		{ "-w 0", "invalid width '0' (expected 1 to 10000)" },
		{ "--encoding=klingon", "unknown encoding 'klingon'" },
		{ "--bind=J", "invalid bind 'J' (expected [MODE] KEY COMMAND, "
		  "e.g. 'J line-down' or 'panel J next')" },
		{ "--highlight=", "empty --highlight term" },
		{ "--dump=yes", "option '--dump' takes no value" },
		{ "--bogus", "unknown option '--bogus'" },
		{ "-x", "unknown option '-x'" },
		{ "--width", "option '--width' needs a value" },
	};
	struct options o;
	char *err;

	(void)st;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(parse(&o, cases[i].arg, &err), -1);
		assert_non_null(err);
		assert_string_equal(err, cases[i].msg);
		free(err);
	}
}

/* Nothing given: the defaults the table states. */
static void
test_defaults(void **st)
{
	struct options o;
	char *err;

	(void)st;
	assert_int_equal(parse(&o, "", &err), 0);
	assert_int_equal(o.cpm, 300);
	assert_int_equal(o.wpm, 240);
	assert_int_equal(o.ambiguous, OPTIONS_AMB_AUTO);
	assert_int_equal(o.script, CONV_ORIGINAL);
	assert_int_equal(o.width_cols, 0);
	for (size_t k = 0; k < options_ndefs; k++) {
		const struct options_def *d = &options_defs[k];

		if (d->def == NULL)
			continue;
		/* The default is a value the option takes... */
		assert_int_equal(options_check(d, d->def, &err), 0);
		/* ...and the one stored when nothing is given. */
		if (d->kind == OPTIONS_ENUM)
			assert_string_equal(options_enum_name(d,
			    *(const int *)((const char *)&o + d->off)), d->def);
		else if (d->kind == OPTIONS_LONG)
			assert_int_equal(*(const long *)((const char *)&o +
			    d->off), atol(d->def));
	}
	done(&o);
}

/* Every option of the table parses, is found by name and code, and
 * only the actions and the + words are not settings. */
static void
test_every_option(void **st)
{
	struct options o;
	char *err;
	size_t n = 0;

	(void)st;
	for (size_t k = 0; k < options_ndefs; k++) {
		const struct options_def *d = &options_defs[k];
		const char *value = d->def != NULL ? d->def :
		    d->kind == OPTIONS_INT || d->kind == OPTIONS_LONG ? "17" :
		    strcmp(d->name, "bind") == 0 ? "J line-down" :
		    strcmp(d->name, "color") == 0 ? "match red" :
		    strcmp(d->name, "encoding") == 0 ? "GBK" : "x";
		char *arg;

		assert_non_null(d->help);
		if (d->kind == OPTIONS_PLUS)
			continue;
		assert_ptr_equal(options_find(d->name), d);
		if (d->key == NULL)
			assert_int_equal(d->kind, OPTIONS_ACTION);
		else
			assert_string_equal(d->key, d->name);
		arg = d->arg != NULL ? xasprintf("--%s=%s", d->name, value) :
		    xasprintf("--%s", d->name);
		{
			char *argv[] = { "yuedu", arg, NULL };

			if (options_parse(&o, 2, argv, &err) != 0)
				fail_msg("%s: %s", arg, err);
		}
		options_done(&o);
		free(arg);
		n++;
	}
	assert_true(n >= 28);
	assert_null(options_find("nothing"));
	assert_ptr_equal(options_find_code('w'), options_find("width"));
}

/*
 * A parse that stopped inside "-xh" (x unknown) leaves getopt pointing at
 * the "h" of that word; the next parse must not read it (glibc forgets
 * only with optind = 0).
 */
static void
test_second_parse_starts_afresh(void **st)
{
	struct options o;
	char *err;

	char w0[] = "yuedu", w1[] = "-xh", *argv[] = { w0, w1, NULL };

	(void)st;
	/* The words stay alive: a stale getopt would read them. */
	assert_int_equal(options_parse(&o, 2, argv, &err), -1);
	assert_string_equal(err, "unknown option '-x'");
	free(err);
	assert_int_equal(parse(&o, "book.txt", &err), 0);
	assert_int_equal(o.help, 0);
	assert_int_equal(o.nfiles, 1);
	assert_string_equal(o.files[0], "book.txt");
	done(&o);
	/* Operands permuted by one parse do not leak into the next. */
	assert_int_equal(parse(&o, "a.txt --dump b.txt -w 5", &err), 0);
	assert_int_equal(o.nfiles, 2);
	done(&o);
	assert_int_equal(parse(&o, "-w 6", &err), 0);
	assert_int_equal(o.width_cols, 6);
	assert_int_equal(o.dump, 0);
	assert_int_equal(o.nfiles, 0);
	done(&o);
}

/* The names the modules use for the values (the pager's "pinyin: ruby",
 * the status line's "simplified") are the option's. */
static void
test_value_names_agree(void **st)
{
	const struct options_def *py = options_find("pinyin");
	const struct options_def *sc = options_find("script");

	(void)st;
	for (const struct options_value *v = py->values; v->name; v++)
		assert_string_equal(annot_mode_name((enum annot_mode)v->value),
		    v->name);
	for (int s = 0; s < CONV_NSCRIPTS; s++) {
		assert_string_equal(options_enum_name(sc, s),
		    conv_script_name((enum conv_script)s));
		assert_int_equal(options_enum_value(sc,
		    conv_script_abbr((enum conv_script)s)), s);
	}
}

/* +N and +/PATTERN are taken out before getopt. */
static void
test_plus(void **st)
{
	struct options o;
	char *err;

	(void)st;
	assert_int_equal(parse(&o, "+12 f.txt +/第三回", &err), 0);
	assert_int_equal(o.start_line, 12);
	assert_int_equal(o.nfiles, 1);
	done(&o);
	assert_int_equal(parse(&o, "+0", &err), -1);
	assert_string_equal(err, "invalid line number '+0'");
	free(err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_script_aliases),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_every_option),
		cmocka_unit_test(test_second_parse_starts_afresh),
		cmocka_unit_test(test_value_names_agree),
		cmocka_unit_test(test_plus),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
