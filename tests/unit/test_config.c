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
#include "yuedu/options.h"
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
	struct config_bind b;
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

	assert_int_equal(config_bind_parse("^F page-down", &b, &err), 0);
	assert_string_equal(b.key, "^F");
	assert_string_equal(b.command, "page-down");
	assert_int_equal(config_bind_parse("PgDn  page-down", &b, &err), 0);
	assert_string_equal(b.key, "PgDn");
	assert_int_equal(config_bind_parse("JJ page-down", &b, &err), -1);
	assert_non_null(strstr(err, "invalid key 'JJ'"));
	free(err);
	assert_int_equal(config_bind_parse("J page-down extra", &b, &err),
	    -1);
	free(err);
}

static void
test_colors(void **st)
{
	struct config_color c;
	char *err;

	assert_int_equal(config_color_parse("match black on yellow", &c,
	    &err), 0);
	assert_int_equal(c.element, CONFIG_ELEMENT_MATCH);
	assert_int_equal(c.fg, 0);
	assert_int_equal(c.bg, 3);
	assert_int_equal(c.attrs, 0);
	assert_int_equal(config_color_parse("heading bold bright-cyan", &c,
	    &err), 0);
	assert_int_equal(c.fg, 14);
	assert_int_equal(c.bg, CONFIG_COLOR_NONE);
	assert_int_equal(c.attrs, CONFIG_ATTR_BOLD);
	assert_int_equal(config_color_parse("status reverse", &c, &err), 0);
	assert_int_equal(c.attrs, CONFIG_ATTR_REVERSE);
	assert_int_equal(c.fg, CONFIG_COLOR_NONE);
	assert_int_equal(config_color_parse("text 208 on 236", &c, &err), 0);
	assert_int_equal(c.fg, 208);
	assert_int_equal(c.bg, 236);

	assert_int_equal(config_color_parse("nothing red", &c, &err), -1);
	assert_non_null(strstr(err, "unknown element 'nothing'"));
	free(err);
	assert_int_equal(config_color_parse("match purple", &c, &err), -1);
	assert_non_null(strstr(err, "'purple' is not a colour"));
	free(err);
	assert_int_equal(config_color_parse("match red on", &c, &err), -1);
	free(err);
	assert_int_equal(config_color_parse("match 256", &c, &err), -1);
	free(err);
	assert_int_equal(config_color_parse("match", &c, &err), -1);
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
		int n = config_split(cases[i].in, &w, &err);
		assert_int_equal(n, cases[i].n);
		for (int k = 0; k < n; k++) {
			assert_string_equal(w[k], cases[i].words[k]);
			free(w[k]);
		}
		assert_null(w[n]);
		free(w);
	}
	assert_int_equal(config_split("--bind='J line-down", &w, &err), -1);
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

	for (const struct option *o = options_table(); o->name != NULL; o++) {
		char *text, *path, *argv[] = { "yuedu", NULL };
		struct config cfg;
		struct options opts;
		int action = 0;

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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
