/* Configuration: file, YUEDU_OPTS and command line, warnings, sources. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <getopt.h>

#include "yuedu/config.h"
#include "yuedu/keymap.h"
#include "yuedu/options.h"
#include "yuedu/theme.h"
#include "yuedu/util.h"

#include "testutil.h"


static char *
write_config(const char *text)
{
	char *path = xasprintf("%s/config", tmpdir);
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

/* Load, then parse the merged command line into OPTS. */
static void
load(struct config *cfg, struct options *opts, const char *path,
    const char *env, int argc, char **argv)
{
	char *err = NULL;

	config_load(cfg, path, env, argc, argv);
	if (options_parse(opts, cfg->argc, cfg->argv, &err) != 0)
		fail_msg("merged line does not parse: %s", err);
}

static char *
print_config(const struct config *cfg)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);

	assert_int_equal(config_write(f, cfg), 0);
	fclose(f);
	return buf;
}

static void
test_precedence(void **st)
{
	char *path = write_config("width = 60\ncpm = 400\nwpm = 150\n"
	    "pinyin = hide\n");
	char *argv[] = { "yuedu", "-w", "50", "file.txt", NULL };
	char *argv1[] = { "yuedu", "file.txt", NULL };
	struct config cfg;
	struct options opts;
	char *out;

	/* File alone. */
	load(&cfg, &opts, path, NULL, 2, argv1);
	assert_int_equal(opts.width_cols, 60);
	assert_int_equal(opts.cpm, 400);
	assert_int_equal(opts.pinyin, ANNOT_HIDE);
	assert_int_equal(cfg.nwarnings, 0);
	options_done(&opts);
	config_done(&cfg);

	/* The environment beats the file, the command line beats both. */
	load(&cfg, &opts, path, "-w 70 --cpm=500", 2, argv1);
	assert_int_equal(opts.width_cols, 70);
	assert_int_equal(opts.cpm, 500);
	assert_int_equal(opts.wpm, 150);
	options_done(&opts);
	config_done(&cfg);

	load(&cfg, &opts, path, "-w 70 --cpm=500", 4, argv);
	assert_int_equal(opts.width_cols, 50);
	assert_int_equal(opts.cpm, 500);
	assert_int_equal(opts.nfiles, 1);
	assert_string_equal(opts.files[0], "file.txt");
	out = print_config(&cfg);
	assert_non_null(strstr(out, "width = 50"));
	assert_non_null(strstr(out, "# command line"));
	assert_non_null(strstr(out, "cpm = 500"));
	assert_non_null(strstr(out, "# YUEDU_OPTS"));
	assert_non_null(strstr(out, "wpm = 150"));
	{
		char *want = xasprintf("# %s:3", path);
		assert_non_null(strstr(out, want));
		free(want);
	}
	assert_non_null(strstr(out, "ambiguous = auto"));
	assert_non_null(strstr(out, "# default"));
	/* Each setting once: the overridden width of the file is gone. */
	assert_null(strstr(out, "width = 60"));
	free(out);
	options_done(&opts);
	config_done(&cfg);
	free(path);
}

static void
test_defaults(void **st)
{
	char *argv[] = { "yuedu", NULL };
	struct config cfg;
	struct options opts;
	char *out;

	load(&cfg, &opts, NULL, NULL, 1, argv);
	assert_int_equal(opts.cpm, 300);
	assert_int_equal(opts.wpm, 240);
	assert_int_equal(opts.no_remember, 0);
	out = print_config(&cfg);
	assert_non_null(strstr(out, "cpm = 300"));
	assert_non_null(strstr(out, "wpm = 240"));
	assert_non_null(strstr(out, "pinyin = auto"));
	assert_non_null(strstr(out, "no-remember = false"));
	assert_null(strstr(out, "help ="));
	assert_null(strstr(out, "version ="));
	assert_null(strstr(out, "print-config ="));
	free(out);
	options_done(&opts);
	config_done(&cfg);
}

static void
test_bad_lines(void **st)
{
	char *path = write_config(
	    "# a comment\n"
	    "\n"
	    "width = abc\n"
	    "  pinyin = hide  \n"
	    "colour = red\n"
	    "just words\n"
	    "help = yes\n"
	    "heading = (\n"
	    "wpm =\n"
	    "cpm = 420\r\n");
	char *argv[] = { "yuedu", NULL };
	struct config cfg;
	struct options opts;
	char *want;

	load(&cfg, &opts, path, NULL, 1, argv);
	/* Every good line applies. */
	assert_int_equal(opts.pinyin, ANNOT_HIDE);
	assert_int_equal(opts.cpm, 420);
	assert_int_equal(opts.width_cols, 0);
	assert_null(opts.heading);
	assert_int_equal(cfg.nwarnings, 6);
	want = xasprintf("%s:3: invalid width 'abc' (expected 1 to 10000)",
	    path);
	assert_string_equal(cfg.warnings[0], want);
	free(want);
	want = xasprintf("%s:5: unknown setting 'colour'", path);
	assert_string_equal(cfg.warnings[1], want);
	free(want);
	want = xasprintf("%s:6: expected KEY = VALUE", path);
	assert_memory_equal(cfg.warnings[2], want, strlen(want));
	free(want);
	want = xasprintf("%s:7: 'help' is not a setting", path);
	assert_memory_equal(cfg.warnings[3], want, strlen(want));
	free(want);
	want = xasprintf("%s:8: invalid --heading pattern '('", path);
	assert_memory_equal(cfg.warnings[4], want, strlen(want));
	free(want);
	want = xasprintf("%s:9: no value for wpm", path);
	assert_string_equal(cfg.warnings[5], want);
	free(want);
	options_done(&opts);
	config_done(&cfg);
	free(path);
}

static void
test_booleans(void **st)
{
	static const struct {
		const char *text;
		int want;	/* -1: a warning */
	} cases[] = {
		{ "no-remember = yes\n", 1 }, { "no-remember = true\n", 1 },
		{ "no-remember = YES\n", 1 }, { "no-remember = no\n", 0 },
		{ "no-remember = false\n", 0 }, { "no-remember = maybe\n", -1 },
		{ "no-remember = true\nno-remember = false\n", 0 },
		{ "no-remember = false\nno-remember = yes\n", 1 },
	};
	char *argv[] = { "yuedu", NULL };

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *path = write_config(cases[i].text);
		struct config cfg;
		struct options opts;

		load(&cfg, &opts, path, NULL, 1, argv);
		if (cases[i].want < 0) {
			assert_int_equal(cfg.nwarnings, 1);
			assert_non_null(strstr(cfg.warnings[0],
			    "expected true, false, yes or no"));
			assert_int_equal(opts.no_remember, 0);
		} else {
			assert_int_equal(cfg.nwarnings, 0);
			assert_int_equal(opts.no_remember, cases[i].want);
		}
		options_done(&opts);
		config_done(&cfg);
		free(path);
	}
}

static void
test_bind_lines(void **st)
{
	char *path = write_config(
	    "bind = J line-down\n"
	    "bind = ^D half-page-down\n"
	    "bind = Space page-down\n"
	    "bind = 翻 page-down\n"
	    "bind = J\n"
	    "bind = Hyper line-down\n"
	    "bind = x no_such-Command!\n");
	char *argv[] = { "yuedu", "--bind=K line-up", NULL };
	struct config cfg;
	struct options opts;
	struct keymap_bind b;
	char *err;

	load(&cfg, &opts, path, "--bind='z top'", 2, argv);
	assert_int_equal(cfg.nwarnings, 3);
	assert_non_null(strstr(cfg.warnings[0], ":5: invalid bind 'J'"));
	assert_non_null(strstr(cfg.warnings[1], ":6: invalid key 'Hyper'"));
	assert_non_null(strstr(cfg.warnings[2], ":7: unknown command"));
	/* File binds first, then YUEDU_OPTS, then the command line. */
	assert_int_equal(opts.nbinds, 6);
	assert_string_equal(opts.binds[0], "J line-down");
	assert_string_equal(opts.binds[3], "翻 page-down");
	assert_string_equal(opts.binds[4], "z top");
	assert_string_equal(opts.binds[5], "K line-up");
	options_done(&opts);
	config_done(&cfg);
	free(path);

	assert_int_equal(options_bind("^F page-down", &b, &err), 0);
	assert_string_equal(b.key_name, "^F");
	assert_string_equal(b.cmd->name, "page-down");
	assert_int_equal(options_bind("PgDn  page-down", &b, &err), 0);
	assert_string_equal(b.key_name, "PgDn");
	assert_int_equal(options_bind("JJ page-down", &b, &err), -1);
	assert_non_null(strstr(err, "invalid key 'JJ'"));
	free(err);
	assert_int_equal(options_bind("J page-down extra", &b, &err),
	    -1);
	free(err);
}

static void
test_colors(void **st)
{
	struct theme_color c;
	char *err;

	assert_int_equal(theme_color_parse("match black on yellow", &c,
	    &err), 0);
	assert_int_equal(c.element, THEME_ELEMENT_MATCH);
	assert_int_equal(c.fg, 0);
	assert_int_equal(c.bg, 3);
	assert_int_equal(c.attrs, 0);
	assert_int_equal(theme_color_parse("heading bold bright-cyan", &c,
	    &err), 0);
	assert_int_equal(c.fg, 14);
	assert_int_equal(c.bg, THEME_COLOR_NONE);
	assert_int_equal(c.attrs, THEME_ATTR_BOLD);
	assert_int_equal(theme_color_parse("status reverse", &c, &err), 0);
	assert_int_equal(c.attrs, THEME_ATTR_REVERSE);
	assert_int_equal(c.fg, THEME_COLOR_NONE);
	assert_int_equal(theme_color_parse("text 208 on 236", &c, &err), 0);
	assert_int_equal(c.fg, 208);
	assert_int_equal(c.bg, 236);

	assert_int_equal(theme_color_parse("nothing red", &c, &err), -1);
	assert_non_null(strstr(err, "unknown element 'nothing'"));
	free(err);
	assert_int_equal(theme_color_parse("match purple", &c, &err), -1);
	assert_non_null(strstr(err, "'purple' is not a colour"));
	free(err);
	assert_int_equal(theme_color_parse("match red on", &c, &err), -1);
	free(err);
	assert_int_equal(theme_color_parse("match 256", &c, &err), -1);
	free(err);
	assert_int_equal(theme_color_parse("match", &c, &err), -1);
	free(err);
}

static void
test_split(void **st)
{
	static const struct {
		const char *in;
		int n;
		const char *words[4];
	} cases[] = {
		{ "", 0, { NULL } },
		{ "  -w 72  --pinyin=hide ", 3, { "-w", "72", "--pinyin=hide" } },
		{ "--bind='J line-down'", 1, { "--bind=J line-down" } },
		{ "--heading=\"^第 \\\"x\\\"\"", 1, { "--heading=^第 \"x\"" } },
		{ "a\\ b c", 2, { "a b", "c" } },
		{ "'' x", 2, { "", "x" } },
	};
	char **w, *err;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int n = util_split(cases[i].in, &w, &err);
		assert_int_equal(n, cases[i].n);
		for (int k = 0; k < n; k++) {
			assert_string_equal(w[k], cases[i].words[k]);
			free(w[k]);
		}
		assert_null(w[n]);
		free(w);
	}
	assert_int_equal(util_split("--bind='J line-down", &w, &err), -1);
	assert_string_equal(err, "unterminated quote");
	free(err);
}

static void
test_env_errors(void **st)
{
	char *argv[] = { "yuedu", NULL };
	struct config cfg;
	struct options opts;

	load(&cfg, &opts, NULL, "--bogus -w 70 --width=x stray --help", 1,
	    argv);
	assert_int_equal(opts.width_cols, 70);
	assert_int_equal(opts.help, 0);
	assert_int_equal(cfg.nwarnings, 4);
	assert_string_equal(cfg.warnings[0],
	    "YUEDU_OPTS: unknown option '--bogus'");
	assert_string_equal(cfg.warnings[1],
	    "YUEDU_OPTS: invalid width 'x' (expected 1 to 10000)");
	assert_string_equal(cfg.warnings[2],
	    "YUEDU_OPTS: --help is not a setting; ignored");
	assert_string_equal(cfg.warnings[3],
	    "YUEDU_OPTS: 'stray' is not an option; ignored");
	options_done(&opts);
	config_done(&cfg);

	load(&cfg, &opts, NULL, "-w 70 'unterminated", 1, argv);
	assert_int_equal(opts.width_cols, 0);
	assert_int_equal(cfg.nwarnings, 1);
	assert_string_equal(cfg.warnings[0],
	    "YUEDU_OPTS: unterminated quote; ignored");
	options_done(&opts);
	config_done(&cfg);
}

static void
test_unreadable(void **st)
{
	char *argv[] = { "yuedu", NULL };
	struct config cfg;
	struct options opts;
	char *missing = xasprintf("%s/none/config", tmpdir);

	/* A directory where the file should be: one warning. */
	load(&cfg, &opts, tmpdir, NULL, 1, argv);
	assert_int_equal(cfg.nwarnings, 1);
	assert_non_null(strstr(cfg.warnings[0], "cannot read"));
	options_done(&opts);
	config_done(&cfg);

	/* No file at all is no error. */
	load(&cfg, &opts, missing, NULL, 1, argv);
	assert_int_equal(cfg.nwarnings, 0);
	assert_int_equal(cfg.file_found, 0);
	options_done(&opts);
	config_done(&cfg);
	free(missing);
}

static void
test_path(void **st)
{
	char *p;

	setenv("XDG_CONFIG_HOME", "/x/conf", 1);
	setenv("HOME", "/home/u", 1);
	p = config_path();
	assert_string_equal(p, "/x/conf/yuedu/config");
	free(p);
	setenv("XDG_CONFIG_HOME", "relative", 1);
	p = config_path();
	assert_string_equal(p, "/home/u/.config/yuedu/config");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	p = config_path();
	assert_string_equal(p, "/home/u/.config/yuedu/config");
	free(p);
	unsetenv("HOME");
	assert_null(config_path());
}

/* Every long option is a config key, or a named action. */
static void
test_every_option(void **st)
{
	static const char *const actions[] = { "help", "version",
	    "print-config" };

	for (size_t k = 0; k < options_ndefs; k++) {
		const struct options_def *o = &options_defs[k];
		char *text, *path, *argv[] = { "yuedu", NULL };
		struct config cfg;
		struct options opts;
		int action = 0;

		if (o->kind == OPTIONS_PLUS)
			continue;
		for (size_t i = 0; i < 3; i++)
			action |= strcmp(o->name, actions[i]) == 0;
		/* Search patterns, terms and words take any text, "(" included. */
		if (strcmp(o->name, "grep") == 0 ||
		    strcmp(o->name, "highlight") == 0 ||
		    strcmp(o->name, "define") == 0)
			continue;
		/* A value the option rejects: the warning names the line. */
		text = xasprintf("%s = (\n", o->name);
		path = write_config(text);
		load(&cfg, &opts, path, NULL, 1, argv);
		assert_int_equal(cfg.nwarnings, 1);
		if (!action)
			assert_null(strstr(cfg.warnings[0], "unknown setting"));
		options_done(&opts);
		config_done(&cfg);
		free(path);
		free(text);
	}
}

/* Two values option D takes (its second value first, to differ from a
 * default), for the file, YUEDU_OPTS and the command line. */
static void
sample(const struct options_def *d, const char *v[3])
{
	static const char *const binds[] = { "J line-down", "K line-up",
	    "panel J next" };
	static const char *const colors[] = { "match red", "text blue",
	    "heading bold" };
	static const char *const encs[] = { "GBK", "BIG5", "UTF-8" };
	static const char *const nums[] = { "17", "18", "19" };
	static const char *const words[] = { "one", "two", "three" };
	static const char *const regexes[] = { "^a", "^b", "^c" };
	const char *const *src = words;

	if (d->kind == OPTIONS_ENUM && d->values[2].name == NULL) {
		/* Two values: the second, the first, the second's alias. */
		v[0] = d->values[1].name;
		v[1] = d->values[0].name;
		v[2] = d->values[1].aliases != NULL ?
		    d->values[1].aliases : d->values[1].name;
		return;
	}
	if (d->kind == OPTIONS_ENUM) {
		/* Three values, aliases included: orig, simplified, ... */
		v[0] = d->values[1].name;
		v[1] = d->values[2].name;
		v[2] = d->values[0].aliases != NULL ?
		    d->values[0].aliases : d->values[0].name;
		return;
	}
	if (strcmp(d->name, "bind") == 0)
		src = binds;
	else if (strcmp(d->name, "color") == 0)
		src = colors;
	else if (strcmp(d->name, "encoding") == 0)
		src = encs;
	else if (strcmp(d->name, "heading") == 0)
		src = regexes;
	else if (d->kind == OPTIONS_INT || d->kind == OPTIONS_LONG)
		src = nums;
	for (int i = 0; i < 3; i++)
		v[i] = src[i];
}

/*
 * Every setting of the option table works in the config file, in
 * YUEDU_OPTS and on the command line, the later winning (or adding up,
 * for a list), and --print-config says which source gave it.
 */
static void
test_each_option_everywhere(void **st)
{
	for (size_t k = 0; k < options_ndefs; k++) {
		const struct options_def *d = &options_defs[k];
		const char *v[3];
		char *text, *path, *env, *arg, *out, *want;
		struct config cfg;
		struct options opts;

		if (d->key == NULL)
			continue;
		if (d->arg == NULL) {
			/* A switch: on in the file; on from YUEDU_OPTS. */
			text = xasprintf("%s = yes\n", d->key);
			path = write_config(text);
			{
				char *argv[] = { "yuedu", NULL };

				load(&cfg, &opts, path, NULL, 1, argv);
			}
			assert_int_equal(cfg.nwarnings, 0);
			assert_int_equal(*(int *)((char *)&opts + d->off), 1);
			out = print_config(&cfg);
			want = xasprintf("%s = true", d->key);
			assert_non_null(strstr(out, want));
			free(want);
			free(out);
			options_done(&opts);
			config_done(&cfg);
			env = xasprintf("--%s", d->name);
			{
				char *argv[] = { "yuedu", NULL };

				load(&cfg, &opts, NULL, env, 1, argv);
			}
			assert_int_equal(*(int *)((char *)&opts + d->off), 1);
			options_done(&opts);
			config_done(&cfg);
			free(env);
			free(text);
			free(path);
			continue;
		}
		sample(d, v);
		text = xasprintf("%s = %s\n", d->key, v[0]);
		path = write_config(text);
		env = xasprintf("'--%s=%s'", d->name, v[1]);
		arg = xasprintf("--%s=%s", d->name, v[2]);
		/* Each source alone gives its value, warning-free. */
		for (int src = 0; src < 3; src++) {
			char *argv[] = { "yuedu", src == 2 ? arg : NULL, NULL };

			load(&cfg, &opts, src == 0 ? path : NULL,
			    src == 1 ? env : NULL, src == 2 ? 2 : 1, argv);
			if (cfg.nwarnings != 0)
				fail_msg("%s: %s", d->key, cfg.warnings[0]);
			out = print_config(&cfg);
			want = xasprintf("%s = %s ", d->key, v[src]);
			if (strstr(out, want) == NULL)
				fail_msg("--print-config lacks '%s':\n%s", want,
				    out);
			free(want);
			free(out);
			options_done(&opts);
			config_done(&cfg);
		}
		/* All three: the command line wins, a list has them all. */
		{
			char *argv[] = { "yuedu", arg, NULL };

			load(&cfg, &opts, path, env, 2, argv);
		}
		out = print_config(&cfg);
		want = xasprintf("%s = %s ", d->key, v[2]);
		assert_non_null(strstr(out, want));
		free(want);
		want = xasprintf("%s = %s ", d->key, v[0]);
		if (d->kind == OPTIONS_LIST)
			assert_non_null(strstr(out, want));
		else
			assert_null(strstr(out, want));
		free(want);
		if (d->kind == OPTIONS_LIST)
			assert_int_equal(*(size_t *)((char *)&opts +
			    d->count_off), 3);
		else if (d->kind == OPTIONS_STRING)
			assert_string_equal(*(const char **)((char *)&opts +
			    d->off), v[2]);
		else if (d->kind == OPTIONS_ENUM)
			assert_int_equal(*(int *)((char *)&opts + d->off),
			    options_enum_value(d, v[2]));
		free(out);
		options_done(&opts);
		config_done(&cfg);
		free(text);
		free(path);
		free(env);
		free(arg);
	}
}

/* --print-config has a line for every config key of the table. */
static void
test_print_config_lists_every_key(void **st)
{
	char *argv[] = { "yuedu", NULL };
	struct config cfg;
	struct options opts;
	char *out;
	size_t n = 0;

	load(&cfg, &opts, NULL, NULL, 1, argv);
	out = print_config(&cfg);
	for (size_t k = 0; k < options_ndefs; k++) {
		const struct options_def *d = &options_defs[k];
		char *set, *unset;

		if (d->key == NULL)
			continue;
		set = xasprintf("\n%s = ", d->key);
		unset = xasprintf("\n# %s (not set)", d->key);
		if (strstr(out, set) == NULL && strstr(out, unset) == NULL)
			fail_msg("--print-config lacks %s:\n%s", d->key, out);
		free(set);
		free(unset);
		n++;
	}
	assert_true(n >= 25);
	free(out);
	options_done(&opts);
	config_done(&cfg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_precedence, tmpdir_setup,
		    tmpdir_teardown),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test_setup_teardown(test_bad_lines, tmpdir_setup,
		    tmpdir_teardown),
		cmocka_unit_test_setup_teardown(test_booleans, tmpdir_setup,
		    tmpdir_teardown),
		cmocka_unit_test_setup_teardown(test_bind_lines, tmpdir_setup,
		    tmpdir_teardown),
		cmocka_unit_test(test_colors),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_env_errors),
		cmocka_unit_test_setup_teardown(test_unreadable, tmpdir_setup,
		    tmpdir_teardown),
		cmocka_unit_test(test_path),
		cmocka_unit_test_setup_teardown(test_every_option, tmpdir_setup,
		    tmpdir_teardown),
		cmocka_unit_test_setup_teardown(test_each_option_everywhere,
		    tmpdir_setup, tmpdir_teardown),
		cmocka_unit_test(test_print_config_lists_every_key),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
