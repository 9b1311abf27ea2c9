/*
 * The configuration layer.  It owns reading the config file and
 * YUEDU_OPTS, merging them under the command line, and saying where each
 * setting came from.  It has no parser of its own for values: every
 * setting is checked by options_check(), the parser's own code, so a key
 * accepts exactly what its long option accepts.
 */
#include "yuedu/config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "yuedu/i18n.h"
#include "yuedu/inert.h"
#include "yuedu/options.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

/* Whether option D is a setting (not an action such as --help). */
static int
config_is_setting(const struct options_def *d)
{
	return d->key != NULL;
}

/* Whether option D adds up when given again (--bind, --color). */
static int
config_is_list(const struct options_def *d)
{
	return d->kind == OPTIONS_LIST;
}

char *
config_path(void)
{
	return util_xdg_path("XDG_CONFIG_HOME", ".config", "yuedu/config");
}

static void
config_warn(struct config *cfg, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
config_warn(struct config *cfg, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	cfg->warnings = xgrow(cfg->warnings, &cfg->warnings_cap,
	    cfg->nwarnings + 1, sizeof *cfg->warnings);
	cfg->warnings[cfg->nwarnings++] = s;
}

static void
config_add(struct config *cfg, const char *name, const char *value, int on,
    enum config_source source, size_t line)
{
	struct config_item *it;

	cfg->items = xgrow(cfg->items, &cfg->items_cap, cfg->nitems + 1,
	    sizeof *cfg->items);
	it = &cfg->items[cfg->nitems++];
	it->name = name;
	it->value = value != NULL ? xstrdup(value) : NULL;
	it->on = on;
	it->source = source;
	it->line = line;
}

/* The command-line word for a setting: "--name=value" or "--name". */
static char *
config_word(const struct options_def *o, const char *value)
{
	if (o->arg == NULL)
		return xasprintf("--%s", o->name);
	return xasprintf("--%s=%s", o->name, value);
}

static int
config_bool(const char *s)
{
	static const char *const yes[] = { "true", "yes", "on", "1" };
	static const char *const no[] = { "false", "no", "off", "0" };

	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (strcasecmp(s, yes[i]) == 0)
			return 1;
		if (strcasecmp(s, no[i]) == 0)
			return 0;
	}
	return -1;
}

static char *
config_trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
	    e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/* One line of the config file; a message on failure. */
static char *
config_line(struct config *cfg, char *line, size_t lineno)
{
	char *eq, *key, *value, *err = NULL;
	const struct options_def *o;
	size_t n;
	int on = 1;

	line = config_trim(line);
	if (line[0] == '\0' || line[0] == '#')
		return NULL;
	eq = strchr(line, '=');
	if (eq == NULL)
		return xasprintf(_("expected KEY = VALUE, got '%s'"), line);
	*eq = '\0';
	key = config_trim(line);
	value = config_trim(eq + 1);
	n = strlen(value);
	/* Quotes keep outer blanks: heading = "^第 ". */
	if (n >= 2 && (value[0] == '"' || value[0] == '\'') &&
	    value[n - 1] == value[0]) {
		value[n - 1] = '\0';
		value++;
	}
	if (key[0] == '\0')
		return xasprintf(_("expected KEY = VALUE, got '=%s'"), eq + 1);
	o = options_find(key);
	if (o == NULL)
		return xasprintf(_("unknown setting '%s'"), key);
	if (!config_is_setting(o))
		return xasprintf(_("'%s' is not a setting (give --%s on the "
		    "command line)"), key, key);
	if (o->arg == NULL) {
		on = config_bool(value);
		if (on < 0)
			return xasprintf(_("invalid value '%s' for %s (expected "
			    "true, false, yes or no)"), value, key);
		config_add(cfg, o->key, NULL, on, CONFIG_FILE, lineno);
		return NULL;
	}
	if (value[0] == '\0')
		return xasprintf(_("no value for %s"), key);
	if (options_check(o, value, &err) != 0)
		return err;
	config_add(cfg, o->key, value, 1, CONFIG_FILE, lineno);
	return NULL;
}

static void
config_read_file(struct config *cfg, const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	FILE *f = NULL;
	char *line = NULL, *msg;
	size_t cap = 0, lineno = 0;
	struct stat st;

	if (fd < 0) {
		if (errno != ENOENT)
			config_warn(cfg, _("%s: cannot read: %s"), path,
			    strerror(errno));
		return;
	}
	/* Not a FIFO to hang on, nor 100 MB to read at every start. */
	if (fstat(fd, &st) != 0) {
		config_warn(cfg, _("%s: cannot read: %s"), path, strerror(errno));
		close(fd);
		return;
	}
	if (!S_ISREG(st.st_mode) || st.st_size > CONFIG_FILE_MAX) {
		if (S_ISDIR(st.st_mode))
			config_warn(cfg, _("%s: cannot read: %s"), path,
			    strerror(EISDIR));
		else if (!S_ISREG(st.st_mode))
			config_warn(cfg, _("%s: not a regular file; ignored"),
			    path);
		else
			config_warn(cfg, _("%s: too large (%lld bytes; a config "
			    "file has at most %d); ignored"), path,
			    (long long)st.st_size, CONFIG_FILE_MAX);
		close(fd);
		return;
	}
	if ((f = fdopen(fd, "r")) == NULL) {
		config_warn(cfg, _("%s: cannot read: %s"), path, strerror(errno));
		close(fd);
		return;
	}
	cfg->file_found = 1;
	errno = 0;
	while (getline(&line, &cap, f) >= 0) {
		lineno++;
		if (lineno == 1 && strncmp(line, "\xef\xbb\xbf", 3) == 0)
			memmove(line, line + 3, strlen(line + 3) + 1);
		msg = config_line(cfg, line, lineno);
		if (msg != NULL) {
			config_warn(cfg, "%s:%zu: %s", path, lineno, msg);
			free(msg);
		}
	}
	if (ferror(f)) {
		config_warn(cfg, _("%s: cannot read: %s"), path, strerror(errno));
		cfg->file_found = 0;
	}
	free(line);
	fclose(f);
}

struct config_found {
	const struct options_def *o;	/* NULL for an error */
	const char *value;	/* optarg */
	const char *word;	/* the word at fault, for an error */
	int c;			/* what getopt_long returned */
};

/*
 * Walk ARGV (ARGC words, ARGV[0] the program) with getopt_long and the
 * option table, then call FN for each option found (O NULL for an error,
 * with WORD the word at fault).  ARGV is permuted.  FN runs after the
 * walk, as it may parse options itself.  Returns the index of the first
 * operand.
 */
static int
config_scan(int argc, char **argv,
    void (*fn)(void *arg, const struct options_def *o, const char *value,
    const char *word, int c), void *arg)
{
	struct config_found *v = NULL;
	size_t n = 0, cap = 0;
	int c, first;

	optind = 0;	/* full reinitialisation (GNU) */
	opterr = 0;
	for (;;) {
		c = getopt_long(argc, argv, options_short(), options_getopt(),
		    NULL);
		if (c == -1)
			break;
		v = xgrow(v, &cap, n + 1, sizeof *v);
		v[n].c = c;
		v[n].value = optarg;
		v[n].word = argv[optind - 1];
		if (c == '?' || c == ':')
			v[n].o = NULL;
		else if ((v[n].o = options_find_code(c)) == NULL)
			continue;
		n++;
	}
	first = optind;
	for (size_t i = 0; i < n; i++)
		fn(arg, v[i].o, v[i].value, v[i].word, v[i].c);
	free(v);
	return first;
}

struct config_env {
	struct config *cfg;
};

static void
config_env_option(void *arg, const struct options_def *o, const char *value,
    const char *word, int c)
{
	struct config *cfg = arg;
	char *err;

	if (o == NULL) {
		if (c == ':')
			config_warn(cfg, _("YUEDU_OPTS: option '%s' needs a "
			    "value"), word);
		else
			config_warn(cfg, _("YUEDU_OPTS: unknown option '%s'"),
			    word);
		return;
	}
	if (!config_is_setting(o)) {
		config_warn(cfg, _("YUEDU_OPTS: --%s is not a setting; ignored"),
		    o->name);
		return;
	}
	if (options_check(o, value, &err) != 0) {
		config_warn(cfg, "YUEDU_OPTS: %s", err);
		free(err);
		return;
	}
	config_add(cfg, o->key, value, 1, CONFIG_ENV, 0);
}

static void
config_read_env(struct config *cfg, const char *env)
{
	char **words, *err, **argv;
	int n;

	n = util_split(env, &words, &err);
	if (n < 0) {
		config_warn(cfg, _("YUEDU_OPTS: %s; ignored"), err);
		free(err);
		return;
	}
	argv = xcalloc((size_t)n + 2, sizeof *argv);
	argv[0] = "yuedu";
	for (int i = 0; i < n; i++)
		argv[i + 1] = words[i];
	for (int i = config_scan(n + 1, argv, config_env_option, cfg);
	    i < n + 1; i++)
		config_warn(cfg, _("YUEDU_OPTS: '%s' is not an option; ignored"),
		    argv[i]);
	for (int i = 0; i < n; i++)
		free(words[i]);
	free(words);
	free(argv);
}

static void
config_args_option(void *arg, const struct options_def *o, const char *value,
    const char *word, int c)
{
	struct config *cfg = arg;

	/* Errors are options_parse()'s to report, on the merged line. */
	if (o != NULL && config_is_setting(o))
		config_add(cfg, o->key, value, 1, CONFIG_ARGS, 0);
}

/* The last item for option NAME from sources up to MAX, or NULL. */
static const struct config_item *
config_last(const struct config *cfg, const char *name,
    enum config_source max)
{
	for (size_t i = cfg->nitems; i-- > 0;)
		if (cfg->items[i].source <= max &&
		    strcmp(cfg->items[i].name, name) == 0)
			return &cfg->items[i];
	return NULL;
}

enum config_source
config_source_of(const struct config *cfg, const char *name)
{
	const struct config_item *it = config_last(cfg, name, CONFIG_ARGS);

	return it != NULL ? it->source : CONFIG_DEFAULT;
}

void
config_load(struct config *cfg, const char *path, const char *env_opts,
    int argc, char **argv)
{
	char **copy;
	size_t n = 0, cap;

	memset(cfg, 0, sizeof *cfg);
	if (path != NULL) {
		cfg->path = xstrdup(path);
		config_read_file(cfg, path);
	}
	if (env_opts != NULL)
		config_read_env(cfg, env_opts);
	copy = xcalloc((size_t)argc + 1, sizeof *copy);
	memcpy(copy, argv, (size_t)argc * sizeof *copy);
	config_scan(argc, copy, config_args_option, cfg);
	free(copy);

	/* The merged line: argv[0], file and environment, then argv[1..]. */
	cap = (size_t)argc + cfg->nitems + 1;
	cfg->argv = xcalloc(cap, sizeof *cfg->argv);
	cfg->argv[n++] = argc > 0 ? argv[0] : "yuedu";
	for (size_t k = 0; k < options_ndefs; k++) {
		const struct options_def *o = &options_defs[k];
		const struct config_item *it;

		if (!config_is_setting(o))
			continue;
		if (config_is_list(o)) {
			for (size_t i = 0; i < cfg->nitems; i++)
				if (cfg->items[i].source <= CONFIG_ENV &&
				    strcmp(cfg->items[i].name, o->key) == 0)
					cfg->argv[n++] = config_word(o,
					    cfg->items[i].value);
			continue;
		}
		it = config_last(cfg, o->key, CONFIG_ENV);
		if (it != NULL && it->on)
			cfg->argv[n++] = config_word(o, it->value);
	}
	cfg->nowned = n - 1;
	for (int i = 1; i < argc; i++)
		cfg->argv[n++] = argv[i];
	cfg->argv[n] = NULL;
	cfg->argc = (int)n;
}

void
config_done(struct config *cfg)
{
	for (size_t i = 0; i < cfg->nitems; i++)
		free(cfg->items[i].value);
	for (size_t i = 0; i < cfg->nwarnings; i++)
		free(cfg->warnings[i]);
	if (cfg->argv != NULL)
		for (size_t i = 1; i <= cfg->nowned; i++)
			free(cfg->argv[i]);
	free(cfg->items);
	free(cfg->warnings);
	free(cfg->argv);
	free(cfg->path);
	memset(cfg, 0, sizeof *cfg);
}

static char *
config_source_name(const struct config *cfg, const struct config_item *it)
{
	switch (it->source) {
	case CONFIG_FILE:
		return xasprintf("%s:%zu", cfg->path, it->line);
	case CONFIG_ENV:
		return xstrdup("YUEDU_OPTS");
	case CONFIG_ARGS:
		return xstrdup("command line");
	default:
		return xstrdup("default");
	}
}

/* "LEFT   # RIGHT", the comments lined up at column 32. */
static void
config_put(FILE *out, const char *left, const char *right)
{
	char *l = inert_str(left);
	int cols = width_string(l, strlen(l));

	fputs(l, out);
	free(l);
	do
		fputc(' ', out);
	while (++cols < 32);
	fputs("# ", out);
	inert_fputs(right, out);
	fputc('\n', out);
}

int
config_write(FILE *out, const struct config *cfg)
{
	fprintf(out, "# yuedu settings, each with where it came from\n");
	if (cfg->path != NULL)
	{
		fputs("# config file: ", out);
		inert_fputs(cfg->path, out);
		fprintf(out, "%s\n", cfg->file_found ? "" : " (none)");
	}
	else
		fprintf(out, "# config file: none (HOME and XDG_CONFIG_HOME "
		    "unset)\n");
	for (size_t k = 0; k < options_ndefs; k++) {
		const struct options_def *o = &options_defs[k];
		const struct config_item *it;
		const char *def;
		char *left, *src;
		int any = 0;

		if (!config_is_setting(o))
			continue;
		for (size_t i = 0; i < cfg->nitems; i++) {
			it = &cfg->items[i];
			if (strcmp(it->name, o->key) != 0)
				continue;
			if (!config_is_list(o) &&
			    it != config_last(cfg, o->key, CONFIG_ARGS))
				continue;
			any = 1;
			left = it->value != NULL ? xasprintf("%s = %s",
			    o->key, it->value) : xasprintf("%s = %s",
			    o->key, it->on ? "true" : "false");
			src = config_source_name(cfg, it);
			config_put(out, left, src);
			free(left);
			free(src);
		}
		if (any)
			continue;
		def = o->arg == NULL ? "false" : o->def;
		if (def != NULL) {
			left = xasprintf("%s = %s", o->key, def);
			config_put(out, left, "default");
		} else {
			left = xasprintf("# %s (not set)", o->key);
			src = xasprintf("default: %s", o->def_note != NULL ?
			    o->def_note : "none");
			config_put(out, left, src);
			free(src);
		}
		free(left);
	}
	return fflush(out) != 0 || ferror(out) ? -1 : 0;
}
