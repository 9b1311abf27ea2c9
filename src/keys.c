/*
 * The key table and dispatch.  Every reader command is one row of
 * keys_table: its name, keys, help line and function; dispatch, the help
 * screen and the README key list (checked by a test) all read it.  Modes
 * that take the keyboard first (help, outline panel, its filter, the
 * letter after m or ') are handled here before the table.
 */
#include "yuedu/keys.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "yuedu/finder.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

#define KEYS_COUNT_MAX 100000000L
#define KEYS_HELP_KEY_COLS 26

static long
keys_n(long count)
{
	return count > 0 ? count : 1;
}

static enum pager_action
keys_line_down(struct pager *p, long count)
{
	return pager_scroll(p, keys_n(count));
}

static enum pager_action
keys_line_up(struct pager *p, long count)
{
	return pager_scroll(p, -keys_n(count));
}

static enum pager_action
keys_page_down(struct pager *p, long count)
{
	return pager_scroll(p, keys_n(count) * pager_view_rows(p));
}

static enum pager_action
keys_page_up(struct pager *p, long count)
{
	return pager_scroll(p, -keys_n(count) * pager_view_rows(p));
}

static long
keys_half(const struct pager *p)
{
	long h = pager_view_rows(p) / 2;

	return h > 0 ? h : 1;
}

static enum pager_action
keys_half_down(struct pager *p, long count)
{
	return pager_scroll(p, keys_n(count) * keys_half(p));
}

static enum pager_action
keys_half_up(struct pager *p, long count)
{
	return pager_scroll(p, -keys_n(count) * keys_half(p));
}

static enum pager_action
keys_top(struct pager *p, long count)
{
	return count > 0 ? pager_goto_line(p, (size_t)count) : pager_top(p);
}

static enum pager_action
keys_bottom(struct pager *p, long count)
{
	return count > 0 ? pager_goto_line(p, (size_t)count) : pager_bottom(p);
}

static enum pager_action
keys_percent(struct pager *p, long count)
{
	return pager_goto_percent(p, count);
}

static enum pager_action
keys_section_next(struct pager *p, long count)
{
	enum pager_action a = PAGER_NONE;

	for (long i = 0; i < keys_n(count); i++)
		a = pager_section_next(p);
	return a;
}

static enum pager_action
keys_section_prev(struct pager *p, long count)
{
	enum pager_action a = PAGER_NONE;

	for (long i = 0; i < keys_n(count); i++)
		a = pager_section_prev(p);
	return a;
}

static enum pager_action
keys_outline(struct pager *p, long count)
{
	return pager_panel_toggle(p);
}

static enum pager_action
keys_mark(struct pager *p, long count)
{
	p->pending = 'm';
	return PAGER_REDRAW;
}

static enum pager_action
keys_goto_mark(struct pager *p, long count)
{
	p->pending = '\'';
	return PAGER_REDRAW;
}

static enum pager_action
keys_redraw(struct pager *p, long count)
{
	return PAGER_REDRAW;
}

static enum pager_action
keys_help(struct pager *p, long count)
{
	p->help_open = 1;
	p->help_top = 0;
	return PAGER_REDRAW;
}

static enum pager_action
keys_search_forward(struct pager *p, long count)
{
	return p->finder ? finder_prompt_open(p->finder,
	    FINDER_PROMPT_FORWARD) : PAGER_NONE;
}

static enum pager_action
keys_search_backward(struct pager *p, long count)
{
	return p->finder ? finder_prompt_open(p->finder,
	    FINDER_PROMPT_BACKWARD) : PAGER_NONE;
}

static enum pager_action
keys_search_next(struct pager *p, long count)
{
	enum pager_action a = PAGER_NONE;

	for (long i = 0; p->finder && i < keys_n(count); i++)
		a = finder_next(p->finder, 0);
	return a;
}

static enum pager_action
keys_search_prev(struct pager *p, long count)
{
	enum pager_action a = PAGER_NONE;

	for (long i = 0; p->finder && i < keys_n(count); i++)
		a = finder_next(p->finder, 1);
	return a;
}

static enum pager_action
keys_search_hide(struct pager *p, long count)
{
	(void)count;
	return p->finder != NULL ? finder_hide(p->finder) : PAGER_REDRAW;
}

static enum pager_action
keys_highlight_add(struct pager *p, long count)
{
	return p->finder ? finder_term_add_current(p->finder) : PAGER_NONE;
}

static enum pager_action
keys_highlight_type(struct pager *p, long count)
{
	return p->finder ? finder_prompt_open(p->finder, FINDER_PROMPT_TERM) :
	    PAGER_NONE;
}

static enum pager_action
keys_highlight_remove(struct pager *p, long count)
{
	return p->finder ? finder_term_remove_start(p->finder) : PAGER_NONE;
}

static enum pager_action
keys_highlight_clear(struct pager *p, long count)
{
	return p->finder ? finder_term_clear(p->finder) : PAGER_NONE;
}

static enum pager_action
keys_script(struct pager *p, long count)
{
	return pager_script_cycle(p);
}

static enum pager_action
keys_pinyin(struct pager *p, long count)
{
	return pager_annot_cycle(p);
}

static enum pager_action
keys_next_file(struct pager *p, long count)
{
	return PAGER_NEXT_FILE;
}

static enum pager_action
keys_prev_file(struct pager *p, long count)
{
	return PAGER_PREV_FILE;
}

static enum pager_action
keys_quit(struct pager *p, long count)
{
	return PAGER_QUIT;
}

const struct keys_command keys_table[] = {
	{ "line-down", { 'j', KEYCODE_DOWN, KEYCODE_ENTER, 'e', KEYCODE_CTRL('e'),
	    KEYCODE_CTRL('n') }, "one line down (N: N lines)", keys_line_down },
	{ "line-up", { 'k', KEYCODE_UP, 'y', KEYCODE_CTRL('y'), KEYCODE_CTRL('p') },
	    "one line up (N: N lines)", keys_line_up },
	{ "page-down", { ' ', 'f', KEYCODE_PGDN, KEYCODE_CTRL('f') },
	    "one page down", keys_page_down },
	{ "page-up", { 'b', KEYCODE_PGUP, KEYCODE_CTRL('b') },
	    "one page up", keys_page_up },
	{ "half-page-down", { 'd', KEYCODE_CTRL('d') },
	    "half a page down", keys_half_down },
	{ "half-page-up", { 'u', KEYCODE_CTRL('u') },
	    "half a page up", keys_half_up },
	{ "top", { 'g', '<', KEYCODE_HOME },
	    "the first line (Ng: line N)", keys_top },
	{ "bottom", { 'G', '>', KEYCODE_END },
	    "the last line (NG: line N)", keys_bottom },
	{ "percent", { '%' },
	    "N%: N percent into the text, by bytes", keys_percent },
	{ "section-next", { ']' }, "the next section", keys_section_next },
	{ "section-prev", { '[' },
	    "the previous section", keys_section_prev },
	{ "outline", { 't', KEYCODE_TAB },
	    "the outline panel (j k move, Enter jumps, / filters, Esc closes)",
	    keys_outline },
	{ "mark", { 'm' }, "m and a letter a-z: mark the place", keys_mark },
	{ "goto-mark", { '\'' },
	    "' and a letter: go to the mark; '': back before the last jump",
	    keys_goto_mark },
	{ "search-forward", { '/' }, "search forward (Esc: back, ^R: regex, "
	    "↑↓: history)", keys_search_forward },
	{ "search-backward", { '?' }, "search backward",
	    keys_search_backward },
	{ "search-next", { 'n' }, "the next match (wraps)", keys_search_next },
	{ "search-prev", { 'N' }, "the previous match (wraps)",
	    keys_search_prev },
	{ "search-hide", { KEYCODE_ESC, '\\' }, "hide the search's highlights "
	    "(n shows them again)", keys_search_hide },
	{ "highlight-add", { '+' }, "highlight the current search in its own "
	    "colour", keys_highlight_add },
	{ "highlight-type", { '=' }, "type a term to highlight",
	    keys_highlight_type },
	{ "highlight-remove", { '-' }, "- and a number: remove that highlight",
	    keys_highlight_remove },
	{ "highlight-clear", { '_' }, "remove every highlight",
	    keys_highlight_clear },
	{ "script", { 's' }, "script: original, simplified, traditional, "
	    "Taiwan, Hong Kong", keys_script },
	{ "pinyin", { 'p' }, "pinyin annotations: hide, show, above the "
	    "characters (ruby)", keys_pinyin },
	{ "redraw", { KEYCODE_CTRL('l') }, "redraw the screen", keys_redraw },
	{ "help", { 'h' }, "this help (q or Esc closes)", keys_help },
	{ "next-file", { KEYCODE_COLON_KEY('n') },
	    "the next file (or the next article of the shelf)",
	    keys_next_file },
	{ "prev-file", { KEYCODE_COLON_KEY('p') },
	    "the previous file (or article)", keys_prev_file },
	{ "quit", { 'q' }, "quit (from an article of the shelf: back to it)",
	    keys_quit },
};
const size_t keys_count = sizeof(keys_table) / sizeof(keys_table[0]);

static const char *const keys_help_extra[] = {
	"",
	"A number typed first is a count: 5j, 120g, 50%.",
	"The mouse wheel scrolls; a click on an outline entry jumps there.",
};
#define KEYS_HELP_HEAD 2
#define KEYS_HELP_EXTRA (sizeof(keys_help_extra) / sizeof(keys_help_extra[0]))

/* Bindings made at start-up (a few); a later one for a key wins. */
#define KEYS_BIND_MAX 64
static struct {
	int key;
	size_t cmd;	/* index into keys_table */
	char name[16];	/* the key as the user named it, for help */
} keys_binds[KEYS_BIND_MAX];
static size_t keys_nbinds;

static long
keys_find(const char *name)
{
	for (size_t i = 0; i < keys_count; i++)
		if (strcmp(keys_table[i].name, name) == 0)
			return (long)i;
	return -1;
}

int
keys_command_exists(const char *name)
{
	return keys_find(name) >= 0;
}

int
keys_bind(const char *key, const char *command, char **err)
{
	int code = keycode_parse(key);
	long cmd = keys_find(command);
	size_t i;

	if (code < 0) {
		*err = xasprintf("invalid key '%s' in bind", key);
		return -1;
	}
	if (cmd < 0) {
		*err = xasprintf("unknown command '%s' in bind (the help "
		    "screen lists them)", command);
		return -1;
	}
	for (i = 0; i < keys_nbinds && keys_binds[i].key != code; i++)
		;
	if (i == KEYS_BIND_MAX) {
		*err = xasprintf("too many key bindings (at most %d)",
		    KEYS_BIND_MAX);
		return -1;
	}
	keys_binds[i].key = code;
	keys_binds[i].cmd = (size_t)cmd;
	/* Help names keys as the table does (^F, PgDn); a key beyond
	 * ASCII keeps the name it was given. */
	snprintf(keys_binds[i].name, sizeof keys_binds[i].name, "%s",
	    strcmp(keycode_name(code), "?") != 0 || code == '?' ?
	    keycode_name(code) : key);
	if (i == keys_nbinds)
		keys_nbinds++;
	return 0;
}

void
keys_bind_reset(void)
{
	keys_nbinds = 0;
}

/* The command KEY runs: a binding first, then the table; -1 if none. */
static long
keys_lookup(int key)
{
	for (size_t i = 0; i < keys_nbinds; i++)
		if (keys_binds[i].key == key)
			return (long)keys_binds[i].cmd;
	for (size_t i = 0; i < keys_count; i++)
		for (int k = 0; k < KEYS_PER_COMMAND && keys_table[i].keys[k];
		    k++)
			if (keys_table[i].keys[k] == key)
				return (long)i;
	return -1;
}

size_t
keys_help_lines(void)
{
	return KEYS_HELP_HEAD + keys_count + KEYS_HELP_EXTRA;
}

char *
keys_help_line(size_t i)
{
	const struct keys_command *c;
	char buf[256];
	size_t len = 0;
	int cols;

	if (i == 0)
		return xstrdup("yuedu keys (j k scroll this help, q or Esc "
		    "closes it)");
	if (i < KEYS_HELP_HEAD)
		return xstrdup("");
	i -= KEYS_HELP_HEAD;
	if (i >= keys_count) {
		i -= keys_count;
		return xstrdup(i < KEYS_HELP_EXTRA ? keys_help_extra[i] : "");
	}
	c = &keys_table[i];
	buf[len++] = ' ';
	buf[len++] = ' ';
	/* The keys that run it now: its own unless bound away, then the
	 * bindings made to it. */
	for (int k = 0; k < KEYS_PER_COMMAND && c->keys[k]; k++)
		if (keys_lookup(c->keys[k]) == (long)i)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
			    "%s%s", len > 2 ? " " : "", keycode_name(c->keys[k]));
	for (size_t b = 0; b < keys_nbinds && len < sizeof(buf) - 16; b++)
		if (keys_binds[b].cmd == i)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
			    "%s%s", len > 2 ? " " : "", keys_binds[b].name);
	cols = width_string(buf, len);
	while (cols < KEYS_HELP_KEY_COLS && len + 1 < sizeof(buf)) {
		buf[len++] = ' ';
		cols++;
	}
	buf[len] = '\0';
	return xasprintf("%s  %s", buf, c->help);
}

char *
keys_readme_line(size_t i)
{
	const struct keys_command *c = &keys_table[i];
	char buf[256];
	size_t len = 0;

	buf[0] = '\0';
	for (int k = 0; k < KEYS_PER_COMMAND && c->keys[k]; k++) {
		const char *name = keycode_name(c->keys[k]);

		len += (size_t)snprintf(buf + len, sizeof(buf) - len,
		    strchr(name, '`') ? "%s`` %s ``" : "%s`%s`",
		    k ? " " : "", name);
	}
	return xasprintf("- %s — %s (`%s`)", buf, c->help, c->name);
}

static enum pager_action
keys_help_key(struct pager *p, int key)
{
	size_t n = keys_help_lines(), rows = (size_t)pager_text_rows(p) + 1;
	size_t max = n > rows ? n - rows : 0;

	switch (key) {
	case 'j': case KEYCODE_DOWN: case KEYCODE_ENTER:
		if (p->help_top < max)
			p->help_top++;
		return PAGER_REDRAW;
	case 'k': case KEYCODE_UP:
		if (p->help_top > 0)
			p->help_top--;
		return PAGER_REDRAW;
	case ' ': case KEYCODE_PGDN: case 'f':
		p->help_top = p->help_top + rows < max ? p->help_top + rows :
		    max;
		return PAGER_REDRAW;
	case 'b': case KEYCODE_PGUP:
		p->help_top = p->help_top > rows ? p->help_top - rows : 0;
		return PAGER_REDRAW;
	case KEYCODE_CTRL('l'):
		return PAGER_REDRAW;
	default:
		p->help_open = 0;
		return PAGER_REDRAW;
	}
}

static enum pager_action
keys_filter_key(struct pager *p, int key)
{
	char s[4];

	switch (key) {
	case KEYCODE_ESC:
		return pager_filter_stop(p, 1);
	case KEYCODE_ENTER:
		return pager_panel_jump(p);
	case KEYCODE_BACKSPACE:
	case 0x7f:
	case KEYCODE_CTRL('h'):
		if (p->filter[0] == '\0')
			return pager_filter_stop(p, 1);
		return pager_filter_erase(p);
	case KEYCODE_DOWN:
	case KEYCODE_CTRL('n'):
		return pager_panel_move(p, 1);
	case KEYCODE_UP:
	case KEYCODE_CTRL('p'):
		return pager_panel_move(p, -1);
	case KEYCODE_TAB:
		return pager_panel_toggle(p);
	default:
		break;
	}
	if (key < 0x20 || key > 0x10FFFF || (key >= 0xD800 && key < 0xE000))
		return PAGER_NONE;
	return pager_filter_add(p, s, utf8_encode((uint32_t)key, s));
}

/* Keys of the outline panel; -1 when the key is not the panel's. */
static int
keys_panel_key(struct pager *p, int key)
{
	long page = pager_text_rows(p) - 1;

	if (page < 1)
		page = 1;
	switch (key) {
	case 'j': case KEYCODE_DOWN: case KEYCODE_CTRL('n'):
		return pager_panel_move(p, 1);
	case 'k': case KEYCODE_UP: case KEYCODE_CTRL('p'):
		return pager_panel_move(p, -1);
	case KEYCODE_PGDN: case KEYCODE_CTRL('f'):
		return pager_panel_move(p, page);
	case KEYCODE_PGUP: case KEYCODE_CTRL('b'):
		return pager_panel_move(p, -page);
	case 'g': case KEYCODE_HOME:
		return pager_panel_first(p);
	case 'G': case KEYCODE_END:
		return pager_panel_last(p);
	case KEYCODE_ENTER:
		return pager_panel_jump(p);
	case KEYCODE_ESC: case 't': case KEYCODE_TAB:
		return pager_panel_toggle(p);
	case '/':
		return pager_filter_start(p);
	case 'q': case KEYCODE_CTRL('l'): case 'h':
		return -1;
	default:
		/* The side panel lets the other keys move the text. */
		return pager_panel_cols(p) > 0 ? -1 : PAGER_NONE;
	}
}

enum pager_action
keys_dispatch(struct pager *p, int key)
{
	long count = p->count;
	int r;

	pager_message(p, NULL);
	if (p->help_open)
		return keys_help_key(p, key);
	if (p->finder != NULL && (r = finder_key(p->finder, key)) >= 0)
		return (enum pager_action)r;
	if (p->pending) {
		int what = p->pending;

		p->pending = 0;
		p->count = 0;
		if (key == KEYCODE_ESC)
			return PAGER_REDRAW;
		if (what == ':')	/* :n is one key of the table */
			return keys_dispatch(p, key < 127 && key > ' ' ?
			    KEYCODE_COLON_KEY(key) : KEYCODE_COLON_KEY('?'));
		return what == 'm' ? pager_mark_set(p, key) :
		    pager_mark_goto(p, key);
	}
	if (p->panel_open && p->panel_filtering)
		return keys_filter_key(p, key);
	if (p->panel_open && (r = keys_panel_key(p, key)) >= 0)
		return (enum pager_action)r;
	if (key >= '0' && key <= '9' && (key != '0' || p->count > 0)) {
		if (p->count < KEYS_COUNT_MAX)
			p->count = p->count * 10 + (key - '0');
		return PAGER_REDRAW;
	}
	if (key == KEYCODE_ESC && count > 0) {	/* Esc cancels a count */
		p->count = 0;
		return PAGER_REDRAW;
	}
	p->count = 0;
	if (key == ':') {
		p->pending = ':';
		return PAGER_REDRAW;
	}
	if ((r = (int)keys_lookup(key)) >= 0)
		return keys_table[r].fn(p, count);
	pager_message(p, "%s: not a command (h for help)",
	    keycode_name(key));
	return PAGER_REDRAW;
}
