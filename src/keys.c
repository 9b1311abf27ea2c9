/*
 * What a key press does: pick the mode from the reader's (or the
 * shelf's) state, take a count, look the key up in the mode's map and run
 * the command; then let the owner of an edited line react (the search
 * prompt searches as you type, the filters filter).
 */
#include "yuedu/keys.h"

#include <string.h>

#include "yuedu/finder.h"
#include "yuedu/keymap.h"
#include "yuedu/lineedit.h"
#include "yuedu/shelf.h"

enum command_mode
keys_reader_mode(const struct pager *p)
{
	const struct finder *f = p->finder;

	if (p->help_open)
		return COMMAND_HELP;
	if (p->word_open)
		return COMMAND_WORD;
	if (f != NULL && f->pending_remove)
		return COMMAND_LETTER;
	if (f != NULL && f->prompt != FINDER_PROMPT_NONE)
		return COMMAND_PROMPT;
	if (p->pending)
		return COMMAND_LETTER;
	if (p->panel_open && p->panel_filtering)
		return COMMAND_FILTER;
	if (p->panel_open)
		return COMMAND_PANEL;
	return COMMAND_READER;
}

static void
keys_reader_ctx(struct pager *p, enum command_mode m, int key,
    struct command_ctx *c)
{
	memset(c, 0, sizeof *c);
	c->mode = m;
	c->p = p;
	c->help_open = &p->help_open;
	c->help_top = &p->help_top;
	c->page_rows = pager_text_rows(p);
	c->key = key;
	if (m == COMMAND_PROMPT && p->finder != NULL)
		c->edit = &p->finder->ed;
	else if (m == COMMAND_FILTER)
		c->edit = &p->filter;
}

/* The command KEY runs in the reader now; *MODE gets the mode. */
static const struct command *
keys_reader_lookup(const struct pager *p, int key, enum command_mode *mode)
{
	const struct command *cmd;

	*mode = keys_reader_mode(p);
	cmd = keymap_lookup(*mode, key);
	/* Beside a side panel, other keys move the text. */
	if (*mode == COMMAND_PANEL && cmd == command_find(COMMAND_PANEL,
	    "pass") && pager_panel_cols(p) > 0) {
		*mode = COMMAND_READER;
		cmd = keymap_lookup(*mode, key);
	}
	return cmd;
}

/* What KEY would need before its command runs (enum command_need bits):
 * nothing for a digit of a count or a key that runs nothing. */
static unsigned
keys_needs(const struct pager *p, int key)
{
	enum command_mode m;
	const struct command *cmd;

	if (keymap_modes[keys_reader_mode(p)].counts &&
	    keymap_is_count(p->count, key))
		return 0;
	cmd = keys_reader_lookup(p, key, &m);
	return cmd != NULL ? cmd->needs : 0;
}

int
keys_needs_outline(const struct pager *p, int key)
{
	return (keys_needs(p, key) & COMMAND_NEEDS_OUTLINE) != 0;
}

int
keys_needs_text(struct pager *p, int key)
{
	unsigned needs = keys_needs(p, key);

	return (needs & COMMAND_NEEDS_TEXT) ||
	    ((needs & COMMAND_NEEDS_TEXT_COUNTED) && p->count > 0) ||
	    ((needs & COMMAND_NEEDS_TEXT_AT_END) && pager_at_end(p));
}

enum pager_action
keys_dispatch(struct pager *p, int key)
{
	struct command_ctx c;
	const struct command *cmd;
	enum command_mode m = keys_reader_mode(p);
	unsigned long changes;
	long count;
	enum pager_action a;

	pager_message(p, NULL);
	if (keymap_modes[m].counts && keymap_count(&p->count, key))
		return PAGER_REDRAW;
	cmd = keys_reader_lookup(p, key, &m);
	if (m == COMMAND_LETTER && p->pending == ':' &&
	    cmd == command_find(COMMAND_LETTER, "letter")) {
		/* :n is one key of the reader's map. */
		p->pending = 0;
		p->count = 0;
		return keys_dispatch(p, KEYCODE_COLON_KEY(key > ' ' &&
		    key < 127 ? key : '?'));
	}
	count = p->count;
	if (m != COMMAND_LETTER)
		p->count = 0;
	if (cmd == NULL)
		return PAGER_NONE;
	keys_reader_ctx(p, m, key, &c);
	changes = c.edit != NULL ? c.edit->changes : 0;
	a = cmd->fn(&c, count);
	if (c.edit != NULL && c.edit->changes != changes) {
		if (m == COMMAND_PROMPT)
			finder_prompt_edited(p->finder);
		else if (p->panel_filtering)
			pager_filter_edited(p);
	}
	return a;
}

enum pager_action
keys_shelf(struct shelf_view *v, int key, int page_rows)
{
	struct command_ctx c;
	const struct command *cmd;
	enum command_mode m = v->help_open ? COMMAND_HELP : v->filtering ?
	    COMMAND_FILTER : COMMAND_SHELF;
	unsigned long changes = v->filter.changes;
	long count;
	enum pager_action a;

	if (keymap_modes[m].counts && keymap_count(&v->count, key))
		return PAGER_REDRAW;
	count = v->count;
	v->count = 0;
	cmd = keymap_lookup(m, key);
	if (cmd == NULL)
		return PAGER_NONE;
	memset(&c, 0, sizeof c);
	c.mode = m;
	c.shelf = v;
	c.edit = &v->filter;
	c.help_open = &v->help_open;
	c.help_top = &v->help_top;
	c.page_rows = page_rows;
	c.key = key;
	a = cmd->fn(&c, count);
	if (v->filter.changes != changes)
		shelf_view_refilter(v);
	return a;
}
