/*
 * The configuration layer.  It owns reading the config file and
 * YUEDU_OPTS, merging them under the command line, and saying where each
 * setting came from.  It has no parser of its own for values: every
 * setting is checked by running options_parse() on it, so a config key
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

#include "yuedu/inert.h"
#include "yuedu/options.h"
#include "yuedu/utf8.h"
#include "yuedu/keymap.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

/* Options that ask for something once rather than set something. */
static const char *const config_actions[] = {
	"help", "version", "print-config",
};

/* Options given more than once add up instead of replacing. */
static const char *const config_repeatable[] = {
	"bind", "color",
};

/*
 * What --print-config shows for a setting nobody set.  A NULL value
 * means "not set" and the note says what happens then.
 */
static const struct {
	const char *name;
	const char *value;
	const char *note;
} config_defaults[] = {
	{ "width", NULL, "the terminal's width, 80 when not a terminal" },
	{ "heading", NULL, "headings found automatically" },
	{ "encoding", NULL, "detected from the text" },
	{ "script", "original", NULL },
	{ "bind", NULL, "the keys of the help screen" },
	{ "color", NULL, "the built-in colours" },
};

static int
config_in(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(name, list[i]) == 0)
			return 1;
	return 0;
}

#define CONFIG_IN(name, list) \
	config_in(name, list, sizeof(list) / sizeof(list[0]))

static const struct option *
config_option(const char *name)
{
	for (const struct option *o = options_table(); o->name != NULL; o++)
		if (strcmp(o->name, name) == 0)
			return o;
	return NULL;
}

/* The long option that short option C stands for. */
static const struct option *
config_option_short(int c)
{
	for (const struct option *o = options_table(); o->name != NULL; o++)
		if (o->val == c && o->flag == NULL)
			return o;
	return NULL;
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
	if (vasprintf(&s, fmt, ap) < 0)
		util_die("out of memory");
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
config_word(const struct option *o, const char *value)
{
	if (o->has_arg == no_argument)
		return xasprintf("--%s", o->name);
	return xasprintf("--%s=%s", o->name, value);
}

/* Check one setting with the command-line parser.  0, or -1 and *err. */
static int
config_check(const struct option *o, const char *value, char **err)
{
	struct options opts;
	char *word = config_word(o, value);
	char *argv[] = { "yuedu", word, NULL };
	int rc;

	rc = options_parse(&opts, 2, argv, err);
	if (rc == 0)
		options_done(&opts);
	free(word);
	return rc;
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
	const struct option *o;
	size_t n;
	int on = 1;

	line = config_trim(line);
	if (line[0] == '\0' || line[0] == '#')
		return NULL;
	eq = strchr(line, '=');
	if (eq == NULL)
		return xasprintf("expected KEY = VALUE, got '%s'", line);
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
		return xasprintf("expected KEY = VALUE, got '=%s'", eq + 1);
	o = config_option(key);
	if (o == NULL)
		return xasprintf("unknown setting '%s'", key);
	if (CONFIG_IN(key, config_actions))
		return xasprintf("'%s' is not a setting (give --%s on the "
		    "command line)", key, key);
	if (o->has_arg == no_argument) {
		on = config_bool(value);
		if (on < 0)
			return xasprintf("invalid value '%s' for %s (expected "
			    "true, false, yes or no)", value, key);
		config_add(cfg, o->name, NULL, on, CONFIG_FILE, lineno);
		return NULL;
	}
	if (value[0] == '\0')
		return xasprintf("no value for %s", key);
	if (config_check(o, value, &err) != 0)
		return err;
	config_add(cfg, o->name, value, 1, CONFIG_FILE, lineno);
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
			config_warn(cfg, "%s: cannot read: %s", path,
			    strerror(errno));
		return;
	}
	/* Not a FIFO to hang on, nor 100 MB to read at every start. */
	if (fstat(fd, &st) != 0) {
		config_warn(cfg, "%s: cannot read: %s", path, strerror(errno));
		close(fd);
		return;
	}
	if (!S_ISREG(st.st_mode) || st.st_size > CONFIG_FILE_MAX) {
		if (!S_ISREG(st.st_mode))
			config_warn(cfg, "%s: not a regular file; ignored",
			    path);
		else
			config_warn(cfg, "%s: too large (%lld bytes; a config "
			    "file has at most %d); ignored", path,
			    (long long)st.st_size, CONFIG_FILE_MAX);
		close(fd);
		return;
	}
	if ((f = fdopen(fd, "r")) == NULL) {
		config_warn(cfg, "%s: cannot read: %s", path, strerror(errno));
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
		config_warn(cfg, "%s: cannot read: %s", path, strerror(errno));
		cfg->file_found = 0;
	}
	free(line);
	fclose(f);
}

struct config_found {
	const struct option *o;	/* NULL for an error */
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
    void (*fn)(void *arg, const struct option *o, const char *value,
    const char *word, int c), void *arg)
{
	struct config_found *v = NULL;
	size_t n = 0, cap = 0;
	int c, idx, first;

	optind = 0;	/* full reinitialisation (GNU) */
	opterr = 0;
	for (;;) {
		idx = -1;
		c = getopt_long(argc, argv, options_short(), options_table(),
		    &idx);
		if (c == -1)
			break;
		v = xgrow(v, &cap, n + 1, sizeof *v);
		v[n].c = c;
		v[n].value = optarg;
		v[n].word = argv[optind - 1];
		if (c == '?' || c == ':')
			v[n].o = NULL;
		else if (idx >= 0)
			v[n].o = &options_table()[idx];
		else if ((v[n].o = config_option_short(c)) == NULL)
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
config_env_option(void *arg, const struct option *o, const char *value,
    const char *word, int c)
{
	struct config *cfg = arg;
	char *err;

	if (o == NULL) {
		if (c == ':')
			config_warn(cfg, "YUEDU_OPTS: option '%s' needs a "
			    "value", word);
		else
			config_warn(cfg, "YUEDU_OPTS: unknown option '%s'",
			    word);
		return;
	}
	if (CONFIG_IN(o->name, config_actions)) {
		config_warn(cfg, "YUEDU_OPTS: --%s is not a setting; ignored",
		    o->name);
		return;
	}
	if (config_check(o, value, &err) != 0) {
		config_warn(cfg, "YUEDU_OPTS: %s", err);
		free(err);
		return;
	}
	config_add(cfg, o->name, value, 1, CONFIG_ENV, 0);
}

static void
config_read_env(struct config *cfg, const char *env)
{
	char **words, *err, **argv;
	int n;

	n = config_split(env, &words, &err);
	if (n < 0) {
		config_warn(cfg, "YUEDU_OPTS: %s; ignored", err);
		free(err);
		return;
	}
	argv = xcalloc((size_t)n + 2, sizeof *argv);
	argv[0] = "yuedu";
	for (int i = 0; i < n; i++)
		argv[i + 1] = words[i];
	for (int i = config_scan(n + 1, argv, config_env_option, cfg);
	    i < n + 1; i++)
		config_warn(cfg, "YUEDU_OPTS: '%s' is not an option; ignored",
		    argv[i]);
	for (int i = 0; i < n; i++)
		free(words[i]);
	free(words);
	free(argv);
}

static void
config_args_option(void *arg, const struct option *o, const char *value,
    const char *word, int c)
{
	struct config *cfg = arg;

	/* Errors are options_parse()'s to report, on the merged line. */
	if (o != NULL && !CONFIG_IN(o->name, config_actions))
		config_add(cfg, o->name, value, 1, CONFIG_ARGS, 0);
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
	for (const struct option *o = options_table(); o->name != NULL; o++) {
		const struct config_item *it;

		if (CONFIG_IN(o->name, config_repeatable)) {
			for (size_t i = 0; i < cfg->nitems; i++)
				if (cfg->items[i].source <= CONFIG_ENV &&
				    strcmp(cfg->items[i].name, o->name) == 0)
					cfg->argv[n++] = config_word(o,
					    cfg->items[i].value);
			continue;
		}
		it = config_last(cfg, o->name, CONFIG_ENV);
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

/* The default value of option O as text in NUM, or NULL with *note set. */
static const char *
config_default(const struct option *o, char num[32], const char **note)
{
	*note = NULL;
	for (size_t i = 0; i < sizeof config_defaults /
	    sizeof config_defaults[0]; i++)
		if (strcmp(config_defaults[i].name, o->name) == 0) {
			*note = config_defaults[i].note;
			return config_defaults[i].value;
		}
	if (o->has_arg == no_argument)
		return "false";
	/* Ask the parser: the defaults it sets are the defaults. */
	{
		struct options opts;
		char *err, *argv[] = { "yuedu", NULL };
		const char *v = NULL;

		if (options_parse(&opts, 1, argv, &err) != 0) {
			free(err);
			return NULL;
		}
		if (strcmp(o->name, "cpm") == 0)
			snprintf(num, 32, "%ld", opts.cpm), v = num;
		else if (strcmp(o->name, "wpm") == 0)
			snprintf(num, 32, "%ld", opts.wpm), v = num;
		else if (strcmp(o->name, "pinyin") == 0)
			v = annot_mode_name(opts.pinyin);
		else if (strcmp(o->name, "ambiguous") == 0)
			v = opts.ambiguous == OPTIONS_AMB_WIDE ? "wide" :
			    opts.ambiguous == OPTIONS_AMB_NARROW ? "narrow" :
			    "auto";
		options_done(&opts);
		return v;
	}
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
	for (const struct option *o = options_table(); o->name != NULL; o++) {
		const struct config_item *it;
		const char *def, *note;
		char *left, *src, num[32];
		int any = 0;

		if (CONFIG_IN(o->name, config_actions))
			continue;
		for (size_t i = 0; i < cfg->nitems; i++) {
			it = &cfg->items[i];
			if (strcmp(it->name, o->name) != 0)
				continue;
			if (!CONFIG_IN(o->name, config_repeatable) &&
			    it != config_last(cfg, o->name, CONFIG_ARGS))
				continue;
			any = 1;
			left = it->value != NULL ? xasprintf("%s = %s",
			    o->name, it->value) : xasprintf("%s = %s",
			    o->name, it->on ? "true" : "false");
			src = config_source_name(cfg, it);
			config_put(out, left, src);
			free(left);
			free(src);
		}
		if (any)
			continue;
		def = config_default(o, num, &note);
		if (def != NULL) {
			left = xasprintf("%s = %s", o->name, def);
			config_put(out, left, "default");
		} else {
			left = xasprintf("# %s (not set)", o->name);
			src = xasprintf("default: %s", note != NULL ? note :
			    "none");
			config_put(out, left, src);
			free(src);
		}
		free(left);
	}
	return fflush(out) != 0 || ferror(out) ? -1 : 0;
}

int
config_split(const char *s, char ***words, char **err)
{
	char **v = NULL, *w = NULL;
	size_t n = 0, cap = 0, wlen = 0, wcap = 0;
	int in_word = 0;

	*words = NULL;
	*err = NULL;
	for (;;) {
		char c = *s;

		if (c == '\0' || c == ' ' || c == '\t' || c == '\n') {
			if (in_word) {
				w = xgrow(w, &wcap, wlen + 1, 1);
				w[wlen] = '\0';
				v = xgrow(v, &cap, n + 2, sizeof *v);
				v[n++] = w;
				w = NULL;
				wlen = wcap = 0;
				in_word = 0;
			}
			if (c == '\0')
				break;
			s++;
			continue;
		}
		in_word = 1;
		if (c == '\'') {
			const char *e = strchr(s + 1, '\'');
			if (e == NULL)
				goto unterminated;
			w = xgrow(w, &wcap, wlen + (size_t)(e - s), 1);
			memcpy(w + wlen, s + 1, (size_t)(e - s - 1));
			wlen += (size_t)(e - s - 1);
			s = e + 1;
		} else if (c == '"') {
			s++;
			while (*s != '"') {
				if (*s == '\0')
					goto unterminated;
				if (*s == '\\' && s[1] != '\0' &&
				    strchr("\"\\$`", s[1]) != NULL)
					s++;
				w = xgrow(w, &wcap, wlen + 1, 1);
				w[wlen++] = *s++;
			}
			s++;
		} else if (c == '\\' && s[1] != '\0') {
			w = xgrow(w, &wcap, wlen + 1, 1);
			w[wlen++] = s[1];
			s += 2;
		} else {
			w = xgrow(w, &wcap, wlen + 1, 1);
			w[wlen++] = c;
			s++;
		}
	}
	v = xgrow(v, &cap, n + 1, sizeof *v);
	v[n] = NULL;
	*words = v;
	return (int)n;
unterminated:
	*err = xstrdup("unterminated quote");
	free(w);
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
	return -1;
}

int
config_bind_parse(const char *value, struct config_bind *out, char **err)
{
	char **w, *joined = NULL;
	int n = config_split(value, &w, err), rc = -1;
	struct keymap_bind b;

	if (n < 0)
		return -1;
	if (n == 2 || n == 3)
		joined = n == 2 ? xasprintf("%s %s", w[0], w[1]) :
		    xasprintf("%s %s %s", w[0], w[1], w[2]);
	if (joined == NULL)
		*err = xasprintf("invalid bind '%s' (expected [MODE] KEY "
		    "COMMAND, e.g. 'J line-down' or 'panel J next')", value);
	else if (keymap_bind_parse(joined, &b, err) == 0) {
		if (out != NULL) {
			snprintf(out->mode, sizeof out->mode, "%s",
			    keymap_modes[b.mode].name);
			snprintf(out->key, sizeof out->key, "%s", b.key_name);
			snprintf(out->command, sizeof out->command, "%s",
			    b.cmd->name);
		}
		rc = 0;
	}
	free(joined);
	for (int i = 0; i < n; i++)
		free(w[i]);
	free(w);
	return rc;
}

static const char *const config_element_names[] = {
#define CONFIG_X(e, name) name,
	CONFIG_COLOR_ELEMENTS(CONFIG_X)
#undef CONFIG_X
};

const char *
config_element_name(enum config_element e)
{
	return e < CONFIG_ELEMENT_COUNT ? config_element_names[e] : "?";
}

static int
config_colour(const char *s)
{
	static const char *const names[] = {
		"black", "red", "green", "yellow", "blue", "magenta", "cyan",
		"white",
	};
	int base = 0;
	char *end;
	long v;

	if (strcasecmp(s, "default") == 0)
		return CONFIG_COLOR_NONE;
	if (strncasecmp(s, "bright-", 7) == 0) {
		base = 8;
		s += 7;
	}
	for (int i = 0; i < 8; i++)
		if (strcasecmp(s, names[i]) == 0)
			return base + i;
	if (base == 0 && isdigit((unsigned char)s[0])) {
		v = strtol(s, &end, 10);
		if (*end == '\0' && v >= 0 && v <= 255)
			return (int)v;
	}
	return -2;
}

int
config_color_parse(const char *value, struct config_color *out, char **err)
{
	static const struct {
		const char *name;
		unsigned bit;
	} attrs[] = {
		{ "bold", CONFIG_ATTR_BOLD }, { "dim", CONFIG_ATTR_DIM },
		{ "underline", CONFIG_ATTR_UNDERLINE },
		{ "reverse", CONFIG_ATTR_REVERSE },
		{ "italic", CONFIG_ATTR_ITALIC }, { "normal", 0 },
	};
	struct config_color c = { 0, CONFIG_COLOR_NONE, CONFIG_COLOR_NONE, 0 };
	char **w;
	int n = config_split(value, &w, err), i = 1, rc = -1, e, got_fg = 0;

	if (n < 0)
		return -1;
	if (n < 2) {
		*err = xasprintf("invalid color '%s' (expected ELEMENT "
		    "[ATTR...] [FG] [on BG], e.g. 'match black on yellow')",
		    value);
		goto out;
	}
	for (e = 0; e < CONFIG_ELEMENT_COUNT; e++)
		if (strcmp(w[0], config_element_names[e]) == 0)
			break;
	if (e == CONFIG_ELEMENT_COUNT) {
		char *list = xstrdup("");
		for (int k = 0; k < CONFIG_ELEMENT_COUNT; k++) {
			char *t = xasprintf("%s%s%s", list, k ? ", " : "",
			    config_element_names[k]);
			free(list);
			list = t;
		}
		*err = xasprintf("unknown element '%s' in color (one of %s)",
		    w[0], list);
		free(list);
		goto out;
	}
	c.element = (enum config_element)e;
	for (; i < n; i++) {
		size_t k;
		int col;

		for (k = 0; k < sizeof attrs / sizeof attrs[0]; k++)
			if (strcasecmp(w[i], attrs[k].name) == 0)
				break;
		if (k < sizeof attrs / sizeof attrs[0]) {
			c.attrs |= attrs[k].bit;
			continue;
		}
		if (strcasecmp(w[i], "on") == 0) {
			if (i + 1 >= n || (col = config_colour(w[i + 1])) <
			    CONFIG_COLOR_NONE) {
				*err = xasprintf("invalid color '%s' (expected "
				    "a colour after 'on')", value);
				goto out;
			}
			c.bg = col;
			i++;
			continue;
		}
		col = config_colour(w[i]);
		if (col < CONFIG_COLOR_NONE || got_fg) {
			*err = xasprintf("invalid color '%s': '%s' is not a "
			    "colour or attribute", value, w[i]);
			goto out;
		}
		c.fg = col;
		got_fg = 1;
	}
	if (out != NULL)
		*out = c;
	rc = 0;
out:
	for (int k = 0; k < n; k++)
		free(w[k]);
	free(w);
	return rc;
}
