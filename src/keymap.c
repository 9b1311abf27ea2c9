/*
 * The key maps: each mode's default keys as data, the bindings made at
 * start-up over them, the lookup that dispatch uses, and the help screen,
 * README and man page key lists made from them.
 */
#include "yuedu/keymap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "yuedu/i18n.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

#define C(k) KEYCODE_CTRL(k)
#define KEYMAP_BIND_MAX 64
#define KEYMAP_COUNT_MAX 100000000L
#define KEYMAP_HELP_KEY_COLS 24

static const struct keymap_key keymap_reader[] = {
	{ 'j', "line-down" }, { KEYCODE_DOWN, "line-down" },
	{ KEYCODE_ENTER, "line-down" }, { 'e', "line-down" },
	{ C('e'), "line-down" }, { C('n'), "line-down" },
	{ 'k', "line-up" }, { KEYCODE_UP, "line-up" }, { 'y', "line-up" },
	{ C('y'), "line-up" }, { C('p'), "line-up" },
	{ ' ', "page-down" }, { 'f', "page-down" },
	{ KEYCODE_PGDN, "page-down" }, { C('f'), "page-down" },
	{ 'b', "page-up" }, { KEYCODE_PGUP, "page-up" }, { C('b'), "page-up" },
	{ 'd', "half-page-down" }, { C('d'), "half-page-down" },
	{ 'u', "half-page-up" }, { C('u'), "half-page-up" },
	{ 'g', "top" }, { '<', "top" }, { KEYCODE_HOME, "top" },
	{ 'G', "bottom" }, { '>', "bottom" }, { KEYCODE_END, "bottom" },
	{ '%', "percent" },
	{ ']', "section-next" }, { '[', "section-prev" },
	{ 't', "outline" }, { KEYCODE_TAB, "outline" },
	{ 'm', "mark" }, { '\'', "goto-mark" },
	{ '/', "search-forward" }, { '?', "search-backward" },
	{ 'n', "search-next" }, { 'N', "search-prev" },
	{ KEYCODE_ESC, "search-hide" }, { '\\', "search-hide" },
	{ '+', "highlight-add" }, { '=', "highlight-type" },
	{ '-', "highlight-remove" }, { '_', "highlight-clear" },
	{ 's', "script" }, { 'p', "pinyin" }, { 'P', "annotate" },
	{ 'R', "raw" }, { 'W', "reflow" },
	{ 'c', "align" }, { 'i', "paragraph" },
	{ 'v', "word-cursor" },
	{ C('l'), "redraw" }, { 'h', "help" },
	{ ':', "colon" },
	{ KEYCODE_COLON_KEY('n'), "next-file" },
	{ KEYCODE_COLON_KEY('p'), "prev-file" },
	{ 'q', "quit" },
	{ 0, NULL },
};

static const struct keymap_key keymap_help_keys[] = {
	{ 'j', "line-down" }, { KEYCODE_DOWN, "line-down" },
	{ KEYCODE_ENTER, "line-down" }, { C('n'), "line-down" },
	{ C('e'), "line-down" },
	{ 'k', "line-up" }, { KEYCODE_UP, "line-up" }, { C('p'), "line-up" },
	{ C('y'), "line-up" },
	{ ' ', "page-down" }, { 'f', "page-down" },
	{ KEYCODE_PGDN, "page-down" }, { C('f'), "page-down" },
	{ 'b', "page-up" }, { KEYCODE_PGUP, "page-up" }, { C('b'), "page-up" },
	{ 'g', "top" }, { '<', "top" }, { KEYCODE_HOME, "top" },
	{ 'G', "bottom" }, { '>', "bottom" }, { KEYCODE_END, "bottom" },
	{ 'q', "close" }, { KEYCODE_ESC, "close" }, { 'h', "close" },
	{ C('l'), "redraw" },
	{ 0, NULL },
};

static const struct keymap_key keymap_panel[] = {
	{ 'j', "next" }, { KEYCODE_DOWN, "next" }, { C('n'), "next" },
	{ 'k', "prev" }, { KEYCODE_UP, "prev" }, { C('p'), "prev" },
	{ KEYCODE_PGDN, "page-down" }, { C('f'), "page-down" },
	{ KEYCODE_PGUP, "page-up" }, { C('b'), "page-up" },
	{ 'g', "first" }, { KEYCODE_HOME, "first" },
	{ 'G', "last" }, { KEYCODE_END, "last" },
	{ KEYCODE_ENTER, "jump" },
	{ KEYCODE_ESC, "close" }, { 't', "close" }, { KEYCODE_TAB, "close" },
	{ '/', "filter" },
	{ '>', "wider" }, { '<', "narrower" },
	{ 'q', "quit" }, { 'h', "help" }, { C('l'), "redraw" },
	{ 0, NULL },
};

static const struct keymap_key keymap_prompt[] = {
	{ KEYCODE_ENTER, "accept" }, { KEYCODE_ESC, "cancel" },
	{ C('r'), "regex" },
	{ C('p'), "pinyin" },
	{ KEYCODE_UP, "history-prev" },
	{ KEYCODE_DOWN, "history-next" }, { C('n'), "history-next" },
	{ 0, NULL },
};

static const struct keymap_key keymap_filter[] = {
	{ KEYCODE_ENTER, "accept" }, { KEYCODE_ESC, "cancel" },
	{ KEYCODE_TAB, "close" },
	{ KEYCODE_DOWN, "next" }, { C('n'), "next" },
	{ KEYCODE_UP, "prev" }, { C('p'), "prev" },
	{ 0, NULL },
};

static const struct keymap_key keymap_edit[] = {
	{ KEYCODE_LEFT, "cursor-left" }, { C('b'), "cursor-left" },
	{ KEYCODE_RIGHT, "cursor-right" }, { C('f'), "cursor-right" },
	{ KEYCODE_HOME, "cursor-home" }, { C('a'), "cursor-home" },
	{ KEYCODE_END, "cursor-end" }, { C('e'), "cursor-end" },
	{ KEYCODE_BACKSPACE, "delete-back" }, { 0x7f, "delete-back" },
	{ C('h'), "delete-back" },
	{ KEYCODE_DELETE, "delete-forward" }, { C('d'), "delete-forward" },
	{ C('w'), "delete-word" }, { C('u'), "delete-to-start" },
	{ C('k'), "delete-to-end" },
	{ 0, NULL },
};

static const struct keymap_key keymap_shelf[] = {
	{ 'j', "next" }, { KEYCODE_DOWN, "next" }, { C('n'), "next" },
	{ C('e'), "next" },
	{ 'k', "prev" }, { KEYCODE_UP, "prev" }, { C('p'), "prev" },
	{ C('y'), "prev" },
	{ ' ', "page-down" }, { 'f', "page-down" },
	{ KEYCODE_PGDN, "page-down" }, { C('f'), "page-down" },
	{ 'b', "page-up" }, { KEYCODE_PGUP, "page-up" }, { C('b'), "page-up" },
	{ 'd', "half-page-down" }, { C('d'), "half-page-down" },
	{ 'u', "half-page-up" }, { C('u'), "half-page-up" },
	{ 'g', "first" }, { '<', "first" }, { KEYCODE_HOME, "first" },
	{ 'G', "last" }, { '>', "last" }, { KEYCODE_END, "last" },
	{ KEYCODE_ENTER, "open" }, { 'l', "open" }, { KEYCODE_RIGHT, "open" },
	{ '/', "filter" }, { KEYCODE_ESC, "clear-filter" },
	{ 'h', "help" }, { C('l'), "redraw" },
	{ 'q', "quit" }, { 'Q', "quit" },
	{ 0, NULL },
};

static const struct keymap_key keymap_word[] = {
	{ 'w', "next-word" }, { KEYCODE_RIGHT, "next-word" },
	{ 'b', "prev-word" }, { KEYCODE_LEFT, "prev-word" },
	{ 'j', "next-row" }, { KEYCODE_DOWN, "next-row" },
	{ 'k', "prev-row" }, { KEYCODE_UP, "prev-row" },
	{ ' ', "popup-down" }, { KEYCODE_PGDN, "popup-down" },
	{ C('f'), "popup-down" },
	{ KEYCODE_PGUP, "popup-up" }, { C('b'), "popup-up" },
	{ KEYCODE_ENTER, "close" }, { 'v', "close" }, { KEYCODE_ESC, "close" },
	{ 'q', "close" },
	{ C('l'), "redraw" },
	{ 0, NULL },
};

static const struct keymap_key keymap_letter[] = {
	{ KEYCODE_ESC, "cancel" },
	{ 0, NULL },
};

const struct keymap_mode keymap_modes[COMMAND_NMODES] = {
	[COMMAND_READER] = { "reader", "Reading", keymap_reader, -1,
	    "unknown", 1 },
	[COMMAND_HELP] = { "help", "This help", keymap_help_keys, -1,
	    "close", 0 },
	[COMMAND_PANEL] = { "panel", "The outline panel (t)", keymap_panel,
	    -1, "pass", 1 },
	[COMMAND_PROMPT] = { "prompt", "The search prompt (/ ? =)",
	    keymap_prompt, COMMAND_EDIT, NULL, 0 },
	[COMMAND_FILTER] = { "filter", "The filters (/ in the outline "
	    "panel and on the shelf)", keymap_filter, COMMAND_EDIT, NULL, 0 },
	[COMMAND_EDIT] = { "edit", "Editing the prompt and the filters",
	    keymap_edit, -1, "insert", 0 },
	[COMMAND_SHELF] = { "shelf", "The shelf (yuedu DIR)", keymap_shelf,
	    -1, NULL, 1 },
	[COMMAND_LETTER] = { "letter", "After m ' : or -", keymap_letter, -1,
	    "letter", 0 },
	[COMMAND_WORD] = { "word", "The word cursor and its dictionary (v)",
	    keymap_word, -1, NULL, 1 },
};

/* Bindings made at start-up (a few); a later one for a key wins. */
static struct keymap_bind keymap_binds[KEYMAP_BIND_MAX];
static size_t keymap_nbinds;

int
keymap_mode_find(const char *name)
{
	for (int m = 0; m < COMMAND_NMODES; m++)
		if (strcmp(keymap_modes[m].name, name) == 0)
			return m;
	return -1;
}

/* The command KEY runs in MODE's own map (bindings, then defaults). */
static const struct command *
keymap_own(int mode, int key)
{
	const struct keymap_key *k;

	for (size_t i = keymap_nbinds; i-- > 0;)
		if (keymap_binds[i].mode == mode && keymap_binds[i].key == key)
			return keymap_binds[i].cmd;
	for (k = keymap_modes[mode].keys; k->command != NULL; k++)
		if (k->key == key)
			return command_find((enum command_mode)mode,
			    k->command);
	return NULL;
}

const struct command *
keymap_lookup(enum command_mode mode, int key)
{
	const struct command *c = NULL;
	int m;

	for (m = (int)mode; m >= 0 && c == NULL; m = keymap_modes[m].fallback)
		c = keymap_own(m, key);
	for (m = (int)mode; m >= 0 && c == NULL; m = keymap_modes[m].fallback)
		if (keymap_modes[m].other != NULL)
			c = command_find((enum command_mode)m,
			    keymap_modes[m].other);
	return c;
}

int
keymap_is_count(long count, int key)
{
	return (key >= '1' && key <= '9') || (key == '0' && count > 0) ||
	    (key == KEYCODE_ESC && count > 0);
}

int
keymap_count(long *count, int key)
{
	if (!keymap_is_count(*count, key))
		return 0;
	if (key == KEYCODE_ESC)
		*count = 0;
	else if (*count < KEYMAP_COUNT_MAX)
		*count = *count * 10 + (key - '0');
	return 1;
}

/* The command of the first mode along MODE's fallbacks that has NAME. */
static const struct command *
keymap_find_command(int mode, const char *name)
{
	for (int m = mode; m >= 0; m = keymap_modes[m].fallback) {
		const struct command *c = command_find((enum command_mode)m,
		    name);

		if (c != NULL)
			return c;
	}
	return NULL;
}

int
keymap_bind_parse(const char *value, struct keymap_bind *out, char **err)
{
	char buf[128], *w[4], *save = NULL, *t;
	int n = 0, mode = COMMAND_READER, key;
	const struct command *cmd;

	snprintf(buf, sizeof buf, "%s", value);
	for (t = strtok_r(buf, " \t", &save); t != NULL && n < 4;
	    t = strtok_r(NULL, " \t", &save))
		w[n++] = t;
	if (strlen(value) >= sizeof buf || n < 2 || n > 3) {
		*err = xasprintf(_("invalid bind '%s' (expected [MODE] KEY "
		    "COMMAND, e.g. 'J line-down' or 'panel J next')"), value);
		return -1;
	}
	if (n == 3 && (mode = keymap_mode_find(w[0])) < 0) {
		*err = xasprintf(_("unknown mode '%s' in bind (reader, help, "
		    "panel, prompt, filter, edit, shelf)"), w[0]);
		return -1;
	}
	key = keycode_parse(w[n - 2]);
	if (key < 0 || strlen(w[n - 2]) >= sizeof out->key_name) {
		*err = xasprintf(_("invalid key '%s' in bind (expected one "
		    "character, ^X or a key name such as Enter, Space, PgDn)"),
		    w[n - 2]);
		return -1;
	}
	cmd = keymap_find_command(mode, w[n - 1]);
	if (cmd == NULL) {
		*err = xasprintf(_("unknown command '%s' in bind (the help "
		    "screen lists them)"), w[n - 1]);
		return -1;
	}
	if (out != NULL) {
		out->mode = mode;
		out->key = key;
		snprintf(out->key_name, sizeof out->key_name, "%s", w[n - 2]);
		out->cmd = cmd;
	}
	return 0;
}

int
keymap_bind(const struct keymap_bind *b, char **err)
{
	size_t i;

	for (i = 0; i < keymap_nbinds; i++)
		if (keymap_binds[i].mode == b->mode &&
		    keymap_binds[i].key == b->key)
			break;
	if (i == KEYMAP_BIND_MAX) {
		*err = xasprintf(_("too many key bindings (at most %d)"),
		    KEYMAP_BIND_MAX);
		return -1;
	}
	keymap_binds[i] = *b;
	if (i == keymap_nbinds)
		keymap_nbinds++;
	return 0;
}

int
keymap_bind_str(const char *value, char **err)
{
	struct keymap_bind b;

	if (keymap_bind_parse(value, &b, err) != 0)
		return -1;
	return keymap_bind(&b, err);
}

void
keymap_bind_reset(void)
{
	keymap_nbinds = 0;
}

/* The man page names keys in words. */
static const char *
keymap_man_name(int key)
{
	switch (key) {
	case KEYCODE_UP: return "Up";
	case KEYCODE_DOWN: return "Down";
	case KEYCODE_LEFT: return "Left";
	case KEYCODE_RIGHT: return "Right";
	default: return keycode_name(key);
	}
}

char *
keymap_keys_of(enum command_mode mode, const struct command *cmd,
    const char *sep, int man)
{
	const struct keymap_key *k;
	char *out = xstrdup(""), *t;

	for (k = keymap_modes[mode].keys; k->command != NULL; k++) {
		const char *name;

		if (keymap_own((int)mode, k->key) != cmd ||
		    command_find(mode, k->command) != cmd)
			continue;
		name = man ? keymap_man_name(k->key) : keycode_name(k->key);
		t = xasprintf("%s%s%s", out, out[0] ? sep : "", name);
		free(out);
		out = t;
	}
	for (size_t i = 0; i < keymap_nbinds; i++) {
		const struct keymap_bind *b = &keymap_binds[i];
		const char *name;

		if (b->mode != (int)mode || b->cmd != cmd)
			continue;
		/* Named as the defaults are (^F, PgDn); a character keeps
		 * the name it was given. */
		name = man ? keymap_man_name(b->key) : keycode_name(b->key);
		if (strcmp(name, "?") == 0 && b->key != '?')
			name = b->key_name;
		t = xasprintf("%s%s%s", out, out[0] ? sep : "", name);
		free(out);
		out = t;
	}
	return out;
}

/*
 * The commands of MODE shown in help and the docs, in table order: those
 * with keys, and the typing of text in the editor.
 */
static int
keymap_listed(enum command_mode mode, const struct command *c)
{
	const char *other = keymap_modes[mode].other;
	char *keys;
	int has;

	if (!(c->modes & COMMAND_IN(mode)))
		return 0;
	if (mode == COMMAND_EDIT && other != NULL &&
	    strcmp(c->name, other) == 0)
		return 1;
	keys = keymap_keys_of(mode, c, " ", 0);
	has = keys[0] != '\0';
	free(keys);
	return has;
}

static void
keymap_push(char ***v, size_t *n, size_t *cap, char *line)
{
	*v = xgrow(*v, cap, *n + 1, sizeof **v);
	(*v)[(*n)++] = line;
}

/* Wrap TEXT into lines of COLS columns at spaces; each after the first
 * indented by INDENT columns of spaces.  Pushes the pieces after LEAD. */
static void
keymap_wrap(char ***v, size_t *n, size_t *cap, const char *lead,
    const char *text, int indent, int cols)
{
	int room = cols - indent;
	const char *s = text;
	int first = 1;

	if (room < 10)
		room = 10;
	while (*s != '\0' || first) {
		size_t cut = width_wrap(s, strlen(s), room);

		keymap_push(v, n, cap, xasprintf("%s%*s%.*s", first ? lead :
		    "", first ? 0 : indent, "", (int)cut, s));
		s += cut;
		while (*s == ' ')
			s++;
		first = 0;
	}
}

char **
keymap_help(int cols, size_t *n)
{
	static const char *const tail[] = {
		/* xgettext:no-c-format */
		N_("A number typed first is a count: 5j, 120g, 50%."),
		N_("The mouse wheel scrolls; a click on an outline entry jumps "
		"there."),
		N_("--bind='KEY COMMAND' (the reader) or --bind='MODE KEY "
		"COMMAND' binds keys; MODE is the word in brackets."),
	};
	char **v = NULL;
	size_t cap = 0;

	*n = 0;
	keymap_wrap(&v, n, &cap, "", _("yuedu keys (j k scroll this help, q "
	    "or Esc closes it)"), 0, cols);
	for (int m = 0; m < COMMAND_NMODES; m++) {
		keymap_push(&v, n, &cap, xstrdup(""));
		{
			char *t = xasprintf("%s [%s]", _(keymap_modes[m].title),
			    keymap_modes[m].name);

			keymap_wrap(&v, n, &cap, "", t, 2, cols);
			free(t);
		}
		for (size_t i = 0; i < command_count; i++) {
			const struct command *c = &command_table[i];
			char *keys, *lead;
			int kc, pad, indent;

			if (!keymap_listed((enum command_mode)m, c))
				continue;
			keys = keymap_keys_of((enum command_mode)m, c, " ", 0);
			if (keys[0] == '\0') {
				free(keys);
				keys = xstrdup(_("(other keys)"));
			}
			kc = width_string(keys, strlen(keys));
			pad = KEYMAP_HELP_KEY_COLS - 2 - kc;
			indent = cols < 2 * KEYMAP_HELP_KEY_COLS ? 4 :
			    KEYMAP_HELP_KEY_COLS;
			if (pad < 1 || cols < 2 * KEYMAP_HELP_KEY_COLS) {
				/* Long key lists: the help on lines below,
				 * indented as its other lines are. */
				keymap_push(&v, n, &cap, xasprintf("  %s",
				    keys));
				lead = xasprintf("%*s", indent, "");
			} else
				lead = xasprintf("  %s%*s", keys, pad, "");
			keymap_wrap(&v, n, &cap, lead, _(c->help), indent,
			    cols);
			free(lead);
			free(keys);
		}
	}
	keymap_push(&v, n, &cap, xstrdup(""));
	for (size_t i = 0; i < sizeof tail / sizeof tail[0]; i++)
		keymap_wrap(&v, n, &cap, "", _(tail[i]), 0, cols);
	return v;
}

void
keymap_help_free(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

char *
keymap_readme(enum command_mode mode)
{
	char *out = xstrdup(""), *t;

	for (size_t i = 0; i < command_count; i++) {
		const struct command *c = &command_table[i];
		char *keys, *md, *save = NULL, *k;

		if (!keymap_listed(mode, c))
			continue;
		md = xstrdup("");
		keys = keymap_keys_of(mode, c, "\x1f", 0);
		for (k = strtok_r(keys, "\x1f", &save); k != NULL;
		    k = strtok_r(NULL, "\x1f", &save)) {
			t = xasprintf(strchr(k, '`') ? "%s%s`` %s ``" :
			    "%s%s`%s`", md, md[0] ? " " : "", k);
			free(md);
			md = t;
		}
		if (md[0] == '\0') {
			free(md);
			md = xstrdup("other keys");
		}
		t = xasprintf("%s- %s — %s (`%s`)\n", out, md, c->help,
		    c->name);
		free(out);
		out = t;
		free(md);
		free(keys);
	}
	return out;
}

/* S with roff's special characters escaped.  Caller frees. */
static char *
keymap_roff(const char *s)
{
	char *out = xmalloc(strlen(s) * 4 + 1), *o = out;

	for (; *s != '\0'; s++) {
		if (*s == '-' || *s == '\\') {
			*o++ = '\\';
			*o++ = *s == '-' ? '-' : 'e';
		} else if (*s == '\'') {
			memcpy(o, "\\(aq", 4);
			o += 4;
		} else
			*o++ = *s;
	}
	*o = '\0';
	return out;
}

char *
keymap_man(enum command_mode mode)
{
	char *out = xstrdup(""), *t;

	for (size_t i = 0; i < command_count; i++) {
		const struct command *c = &command_table[i];
		char *keys, *roff, *name, *help;

		if (!keymap_listed(mode, c))
			continue;
		keys = keymap_keys_of(mode, c, " ", 1);
		roff = keymap_roff(keys[0] ? keys : "(other keys)");
		name = keymap_roff(c->name);
		help = keymap_roff(c->help);
		t = xasprintf("%s.TP\n.B %s\n.I %s\n\\(em %s.\n", out, roff,
		    name, help);
		free(out);
		out = t;
		free(keys);
		free(roff);
		free(name);
		free(help);
	}
	return out;
}
