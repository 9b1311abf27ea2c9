/*
 * The command list: every command of every mode, its help and its
 * function.  The functions change the pager, the finder, the shelf view
 * or the line being edited, and return what the screen should do.
 */
#include "yuedu/command.h"

#include <string.h>

#include "yuedu/finder.h"
#include "yuedu/i18n.h"
#include "yuedu/keycode.h"
#include "yuedu/lineedit.h"
#include "yuedu/shelf.h"

static long
command_n(long count)
{
	return count > 0 ? count : 1;
}

/* The reader. */

static enum pager_action
cmd_line_down(struct command_ctx *c, long count)
{
	return pager_scroll(c->p, command_n(count));
}

static enum pager_action
cmd_line_up(struct command_ctx *c, long count)
{
	return pager_scroll(c->p, -command_n(count));
}

static enum pager_action
cmd_page_down(struct command_ctx *c, long count)
{
	return pager_scroll(c->p, command_n(count) * pager_view_rows(c->p));
}

static enum pager_action
cmd_page_up(struct command_ctx *c, long count)
{
	return pager_scroll(c->p, -command_n(count) * pager_view_rows(c->p));
}

static long
command_half(int rows)
{
	return rows / 2 > 0 ? rows / 2 : 1;
}

static enum pager_action
cmd_half_down(struct command_ctx *c, long count)
{
	return pager_scroll(c->p, command_n(count) *
	    command_half(pager_view_rows(c->p)));
}

static enum pager_action
cmd_half_up(struct command_ctx *c, long count)
{
	return pager_scroll(c->p, -command_n(count) *
	    command_half(pager_view_rows(c->p)));
}

static enum pager_action
cmd_top(struct command_ctx *c, long count)
{
	return count > 0 ? pager_goto_line(c->p, (size_t)count) :
	    pager_top(c->p);
}

static enum pager_action
cmd_bottom(struct command_ctx *c, long count)
{
	return count > 0 ? pager_goto_line(c->p, (size_t)count) :
	    pager_bottom(c->p);
}

static enum pager_action
cmd_percent(struct command_ctx *c, long count)
{
	return pager_goto_percent(c->p, count);
}

static enum pager_action
cmd_section_next(struct command_ctx *c, long count)
{
	enum pager_action a = PAGER_NONE;

	for (long i = 0; i < command_n(count); i++)
		a = pager_section_next(c->p);
	return a;
}

static enum pager_action
cmd_section_prev(struct command_ctx *c, long count)
{
	enum pager_action a = PAGER_NONE;

	for (long i = 0; i < command_n(count); i++)
		a = pager_section_prev(c->p);
	return a;
}

static enum pager_action
cmd_outline(struct command_ctx *c, long count)
{
	return pager_panel_toggle(c->p);
}

static enum pager_action
cmd_mark(struct command_ctx *c, long count)
{
	c->p->pending = 'm';
	return PAGER_REDRAW;
}

static enum pager_action
cmd_goto_mark(struct command_ctx *c, long count)
{
	c->p->pending = '\'';
	return PAGER_REDRAW;
}

static enum pager_action
cmd_colon(struct command_ctx *c, long count)
{
	c->p->pending = ':';
	return PAGER_REDRAW;
}

static enum pager_action
cmd_raw(struct command_ctx *c, long count)
{
	c->p->rerender = PAGER_RERENDER_RAW;
	return PAGER_RERENDER;
}

static enum pager_action
cmd_reflow(struct command_ctx *c, long count)
{
	c->p->rerender = PAGER_RERENDER_REFLOW;
	return PAGER_RERENDER;
}

static enum pager_action
cmd_redraw(struct command_ctx *c, long count)
{
	return PAGER_REPAINT;
}

static enum pager_action
cmd_help(struct command_ctx *c, long count)
{
	*c->help_open = 1;
	*c->help_top = 0;
	return PAGER_REDRAW;
}

static enum pager_action
cmd_search_forward(struct command_ctx *c, long count)
{
	return c->p->finder ? finder_prompt_open(c->p->finder,
	    FINDER_PROMPT_FORWARD) : PAGER_NONE;
}

static enum pager_action
cmd_search_backward(struct command_ctx *c, long count)
{
	return c->p->finder ? finder_prompt_open(c->p->finder,
	    FINDER_PROMPT_BACKWARD) : PAGER_NONE;
}

static enum pager_action
cmd_search_next(struct command_ctx *c, long count)
{
	enum pager_action a = PAGER_NONE;

	for (long i = 0; c->p->finder && i < command_n(count); i++)
		a = finder_next(c->p->finder, 0);
	return a;
}

static enum pager_action
cmd_search_prev(struct command_ctx *c, long count)
{
	enum pager_action a = PAGER_NONE;

	for (long i = 0; c->p->finder && i < command_n(count); i++)
		a = finder_next(c->p->finder, 1);
	return a;
}

static enum pager_action
cmd_search_hide(struct command_ctx *c, long count)
{
	return c->p->finder != NULL ? finder_hide(c->p->finder) :
	    PAGER_REDRAW;
}

static enum pager_action
cmd_highlight_add(struct command_ctx *c, long count)
{
	return c->p->finder ? finder_term_add_current(c->p->finder) :
	    PAGER_NONE;
}

static enum pager_action
cmd_highlight_type(struct command_ctx *c, long count)
{
	return c->p->finder ? finder_prompt_open(c->p->finder,
	    FINDER_PROMPT_TERM) : PAGER_NONE;
}

static enum pager_action
cmd_highlight_remove(struct command_ctx *c, long count)
{
	return c->p->finder ? finder_term_remove_start(c->p->finder) :
	    PAGER_NONE;
}

static enum pager_action
cmd_highlight_clear(struct command_ctx *c, long count)
{
	return c->p->finder ? finder_term_clear(c->p->finder) : PAGER_NONE;
}

static enum pager_action
cmd_script(struct command_ctx *c, long count)
{
	return pager_script_cycle(c->p);
}

static enum pager_action
cmd_pinyin(struct command_ctx *c, long count)
{
	return pager_annot_cycle(c->p);
}

static enum pager_action
cmd_annotate(struct command_ctx *c, long count)
{
	return pager_annotate_toggle(c->p);
}

static enum pager_action
cmd_align(struct command_ctx *c, long count)
{
	return pager_align_toggle(c->p);
}

static enum pager_action
cmd_paragraph(struct command_ctx *c, long count)
{
	return pager_paragraph_next(c->p);
}

static enum pager_action
cmd_word_cursor(struct command_ctx *c, long count)
{
	return pager_word_open(c->p);
}

static enum pager_action
cmd_next_file(struct command_ctx *c, long count)
{
	return PAGER_NEXT_FILE;
}

static enum pager_action
cmd_prev_file(struct command_ctx *c, long count)
{
	return PAGER_PREV_FILE;
}

static enum pager_action
cmd_quit(struct command_ctx *c, long count)
{
	return PAGER_QUIT;
}

static enum pager_action
cmd_unknown(struct command_ctx *c, long count)
{
	if (c->p != NULL)
		pager_message(c->p, _("%s: not a command (h for help)"),
		    keycode_name(c->key));
	return PAGER_REDRAW;
}

/* The help screen: the screen keeps help_top within the lines. */

static enum pager_action
cmd_help_scroll(struct command_ctx *c, long n)
{
	if (n < 0 && (size_t)-n > *c->help_top)
		*c->help_top = 0;
	else
		*c->help_top += (size_t)n;
	return PAGER_REDRAW;
}

static enum pager_action
cmd_help_down(struct command_ctx *c, long count)
{
	return cmd_help_scroll(c, command_n(count));
}

static enum pager_action
cmd_help_up(struct command_ctx *c, long count)
{
	return cmd_help_scroll(c, -command_n(count));
}

static enum pager_action
cmd_help_page_down(struct command_ctx *c, long count)
{
	return cmd_help_scroll(c, command_n(count) * (c->page_rows - 1));
}

static enum pager_action
cmd_help_page_up(struct command_ctx *c, long count)
{
	return cmd_help_scroll(c, -command_n(count) * (c->page_rows - 1));
}

static enum pager_action
cmd_help_top(struct command_ctx *c, long count)
{
	*c->help_top = 0;
	return PAGER_REDRAW;
}

static enum pager_action
cmd_help_bottom(struct command_ctx *c, long count)
{
	*c->help_top = (size_t)-1 / 2;	/* the screen brings it back */
	return PAGER_REDRAW;
}

static enum pager_action
cmd_help_close(struct command_ctx *c, long count)
{
	*c->help_open = 0;
	return PAGER_REDRAW;
}

/* The outline panel. */

static long
command_panel_page(const struct command_ctx *c)
{
	long page = pager_text_rows(c->p) - 1;

	return page > 1 ? page : 1;
}

static enum pager_action
cmd_panel_next(struct command_ctx *c, long count)
{
	return pager_panel_move(c->p, command_n(count));
}

static enum pager_action
cmd_panel_prev(struct command_ctx *c, long count)
{
	return pager_panel_move(c->p, -command_n(count));
}

static enum pager_action
cmd_panel_page_down(struct command_ctx *c, long count)
{
	return pager_panel_move(c->p, command_panel_page(c));
}

static enum pager_action
cmd_panel_page_up(struct command_ctx *c, long count)
{
	return pager_panel_move(c->p, -command_panel_page(c));
}

static enum pager_action
cmd_panel_first(struct command_ctx *c, long count)
{
	return pager_panel_first(c->p);
}

static enum pager_action
cmd_panel_last(struct command_ctx *c, long count)
{
	return pager_panel_last(c->p);
}

static enum pager_action
cmd_panel_jump(struct command_ctx *c, long count)
{
	return pager_panel_jump(c->p);
}

static enum pager_action
cmd_panel_close(struct command_ctx *c, long count)
{
	return pager_panel_toggle(c->p);
}

static enum pager_action
cmd_panel_filter(struct command_ctx *c, long count)
{
	return pager_filter_start(c->p);
}

static enum pager_action
cmd_panel_wider(struct command_ctx *c, long count)
{
	return pager_panel_widen(c->p, 2 * (int)command_n(count));
}

static enum pager_action
cmd_panel_narrower(struct command_ctx *c, long count)
{
	return pager_panel_widen(c->p, -2 * (int)command_n(count));
}

/* Other keys in the panel: keys.c passes them to the text when the panel
 * is at the side. */
static enum pager_action
cmd_panel_pass(struct command_ctx *c, long count)
{
	return PAGER_NONE;
}

/* The search prompt. */

static enum pager_action
cmd_prompt_accept(struct command_ctx *c, long count)
{
	return finder_prompt_accept(c->p->finder);
}

static enum pager_action
cmd_prompt_cancel(struct command_ctx *c, long count)
{
	return finder_prompt_cancel(c->p->finder);
}

static enum pager_action
cmd_prompt_regex(struct command_ctx *c, long count)
{
	return finder_prompt_regex(c->p->finder);
}

static enum pager_action
cmd_history_prev(struct command_ctx *c, long count)
{
	return finder_prompt_history(c->p->finder, 1);
}

static enum pager_action
cmd_history_next(struct command_ctx *c, long count)
{
	return finder_prompt_history(c->p->finder, 0);
}

static enum pager_action
cmd_prompt_pinyin(struct command_ctx *c, long count)
{
	return finder_prompt_pinyin(c->p->finder);
}

/* The word cursor. */

static enum pager_action
cmd_word_next(struct command_ctx *c, long count)
{
	return pager_word_move(c->p, command_n(count));
}

static enum pager_action
cmd_word_prev(struct command_ctx *c, long count)
{
	return pager_word_move(c->p, -command_n(count));
}

static enum pager_action
cmd_word_down(struct command_ctx *c, long count)
{
	return pager_word_rows(c->p, command_n(count));
}

static enum pager_action
cmd_word_up(struct command_ctx *c, long count)
{
	return pager_word_rows(c->p, -command_n(count));
}

static enum pager_action
cmd_word_popup_down(struct command_ctx *c, long count)
{
	return pager_word_popup_scroll(c->p, command_n(count));
}

static enum pager_action
cmd_word_popup_up(struct command_ctx *c, long count)
{
	return pager_word_popup_scroll(c->p, -command_n(count));
}

static enum pager_action
cmd_word_close(struct command_ctx *c, long count)
{
	return pager_word_close(c->p);
}

/* The filters: the outline panel's in the reader, else the shelf's. */

static enum pager_action
cmd_filter_accept(struct command_ctx *c, long count)
{
	if (c->shelf == NULL)
		return pager_panel_jump(c->p);
	c->shelf->filtering = 0;
	return c->shelf->n > 0 ? PAGER_OPEN : PAGER_REDRAW;
}

static enum pager_action
cmd_filter_cancel(struct command_ctx *c, long count)
{
	if (c->shelf == NULL)
		return pager_filter_stop(c->p, 1);
	c->shelf->filtering = 0;
	shelf_view_filter_set(c->shelf, "");
	return PAGER_REDRAW;
}

static enum pager_action
cmd_filter_close(struct command_ctx *c, long count)
{
	if (c->shelf == NULL)
		return pager_panel_toggle(c->p);
	c->shelf->filtering = 0;	/* the filter stays */
	return PAGER_REDRAW;
}

static enum pager_action
cmd_filter_next(struct command_ctx *c, long count)
{
	if (c->shelf == NULL)
		return pager_panel_move(c->p, command_n(count));
	shelf_view_move(c->shelf, command_n(count));
	return PAGER_REDRAW;
}

static enum pager_action
cmd_filter_prev(struct command_ctx *c, long count)
{
	if (c->shelf == NULL)
		return pager_panel_move(c->p, -command_n(count));
	shelf_view_move(c->shelf, -command_n(count));
	return PAGER_REDRAW;
}

/* Line editing, in the prompt and the filters. */

static enum pager_action
cmd_edit_left(struct command_ctx *c, long count)
{
	lineedit_left(c->edit);
	return PAGER_REDRAW;
}

static enum pager_action
cmd_edit_right(struct command_ctx *c, long count)
{
	lineedit_right(c->edit);
	return PAGER_REDRAW;
}

static enum pager_action
cmd_edit_home(struct command_ctx *c, long count)
{
	lineedit_home(c->edit);
	return PAGER_REDRAW;
}

static enum pager_action
cmd_edit_end(struct command_ctx *c, long count)
{
	lineedit_end(c->edit);
	return PAGER_REDRAW;
}

/* Backspace on an empty line leaves it, as in less and vi. */
static enum pager_action
cmd_edit_backspace(struct command_ctx *c, long count)
{
	if (c->edit->len == 0)
		return c->mode == COMMAND_PROMPT ? cmd_prompt_cancel(c, 0) :
		    c->shelf != NULL ? cmd_filter_close(c, 0) :
		    cmd_filter_cancel(c, 0);
	lineedit_backspace(c->edit);
	return PAGER_REDRAW;
}

static enum pager_action
cmd_edit_delete(struct command_ctx *c, long count)
{
	lineedit_delete(c->edit);
	return PAGER_REDRAW;
}

static enum pager_action
cmd_edit_word(struct command_ctx *c, long count)
{
	lineedit_kill_word(c->edit);
	return PAGER_REDRAW;
}

static enum pager_action
cmd_edit_start(struct command_ctx *c, long count)
{
	lineedit_kill_start(c->edit);
	return PAGER_REDRAW;
}

static enum pager_action
cmd_edit_end_kill(struct command_ctx *c, long count)
{
	lineedit_kill_end(c->edit);
	return PAGER_REDRAW;
}

static enum pager_action
cmd_edit_insert(struct command_ctx *c, long count)
{
	return lineedit_insert(c->edit, (uint32_t)c->key) ? PAGER_REDRAW :
	    PAGER_NONE;
}

/* The shelf. */

static enum pager_action
cmd_shelf_move(struct command_ctx *c, long n)
{
	shelf_view_move(c->shelf, n);
	return PAGER_REDRAW;
}

static enum pager_action
cmd_shelf_next(struct command_ctx *c, long count)
{
	return cmd_shelf_move(c, command_n(count));
}

static enum pager_action
cmd_shelf_prev(struct command_ctx *c, long count)
{
	return cmd_shelf_move(c, -command_n(count));
}

static long
command_shelf_page(const struct command_ctx *c)
{
	return c->page_rows > 1 ? c->page_rows : 1;
}

static enum pager_action
cmd_shelf_page_down(struct command_ctx *c, long count)
{
	return cmd_shelf_move(c, command_n(count) * command_shelf_page(c));
}

static enum pager_action
cmd_shelf_page_up(struct command_ctx *c, long count)
{
	return cmd_shelf_move(c, -command_n(count) * command_shelf_page(c));
}

static enum pager_action
cmd_shelf_half_down(struct command_ctx *c, long count)
{
	return cmd_shelf_move(c, command_n(count) *
	    command_half(c->page_rows));
}

static enum pager_action
cmd_shelf_half_up(struct command_ctx *c, long count)
{
	return cmd_shelf_move(c, -command_n(count) *
	    command_half(c->page_rows));
}

/* g: the first entry; Ng: entry N. */
static enum pager_action
cmd_shelf_first(struct command_ctx *c, long count)
{
	c->shelf->cur = 0;
	return cmd_shelf_move(c, count > 0 ? count - 1 : 0);
}

static enum pager_action
cmd_shelf_last(struct command_ctx *c, long count)
{
	if (count > 0)
		return cmd_shelf_first(c, count);
	return cmd_shelf_move(c, (long)c->shelf->n);
}

static enum pager_action
cmd_shelf_open(struct command_ctx *c, long count)
{
	return c->shelf->n > 0 ? PAGER_OPEN : PAGER_NONE;
}

static enum pager_action
cmd_shelf_filter(struct command_ctx *c, long count)
{
	c->shelf->filtering = 1;
	return PAGER_REDRAW;
}

static enum pager_action
cmd_shelf_clear(struct command_ctx *c, long count)
{
	if (c->shelf->filter.len == 0)
		return PAGER_NONE;
	shelf_view_filter_set(c->shelf, "");
	return PAGER_REDRAW;
}

/* The letter after m, ', : or -: keys.c takes it. */
static enum pager_action
cmd_letter_cancel(struct command_ctx *c, long count)
{
	c->p->pending = 0;
	if (c->p->finder != NULL)
		c->p->finder->pending_remove = 0;
	return PAGER_REDRAW;
}

/* The key after m or ' is a mark's letter, after - a highlight's number
 * (after :, keys.c looks up :KEY in the reader's map). */
static enum pager_action
cmd_letter(struct command_ctx *c, long count)
{
	struct pager *p = c->p;
	int what = p->pending;

	if (p->finder != NULL && p->finder->pending_remove)
		return finder_term_remove_key(p->finder, c->key);
	p->pending = 0;
	p->count = 0;
	return what == 'm' ? pager_mark_set(p, c->key) :
	    pager_mark_goto(p, c->key);
}

#define R COMMAND_IN(COMMAND_READER)
#define H COMMAND_IN(COMMAND_HELP)
#define P COMMAND_IN(COMMAND_PANEL)
#define Q COMMAND_IN(COMMAND_PROMPT)
#define F COMMAND_IN(COMMAND_FILTER)
#define E COMMAND_IN(COMMAND_EDIT)
#define S COMMAND_IN(COMMAND_SHELF)
#define L COMMAND_IN(COMMAND_LETTER)
#define W COMMAND_IN(COMMAND_WORD)
#define OUTLINE (COMMAND_NEEDS_OUTLINE | COMMAND_NEEDS_TEXT)
#define TEXT COMMAND_NEEDS_TEXT
#define COUNTED COMMAND_NEEDS_TEXT_COUNTED
#define AT_END COMMAND_NEEDS_TEXT_AT_END

const struct command command_table[] = {
	/* The reader. */
	{ "line-down", R, "one line down (N: N lines)", AT_END, cmd_line_down },
	{ "line-up", R, "one line up (N: N lines)", 0, cmd_line_up },
	{ "page-down", R, "one page down", AT_END, cmd_page_down },
	{ "page-up", R, "one page up", 0, cmd_page_up },
	{ "half-page-down", R, "half a page down", AT_END, cmd_half_down },
	{ "half-page-up", R, "half a page up", 0, cmd_half_up },
	{ "top", R, "the first line (Ng: line N)", COUNTED, cmd_top },
	{ "bottom", R, "the last line (NG: line N)", TEXT, cmd_bottom },
	{ "percent", R, "N%: N percent into the text, by bytes", TEXT,
	    cmd_percent },
	{ "section-next", R, "the next section", OUTLINE, cmd_section_next },
	{ "section-prev", R, "the previous section", OUTLINE,
	    cmd_section_prev },
	{ "outline", R, "the outline panel (its keys are below)", OUTLINE,
	    cmd_outline },
	{ "mark", R, "m and a letter a-z: mark the place", 0, cmd_mark },
	{ "goto-mark", R, "' and a letter: go to the mark; '': back before "
	    "the last jump", TEXT, cmd_goto_mark },
	{ "search-forward", R, "search forward (the prompt's keys are below)",
	    TEXT, cmd_search_forward },
	{ "search-backward", R, "search backward", TEXT, cmd_search_backward },
	{ "search-next", R, "the next match (wraps)", TEXT, cmd_search_next },
	{ "search-prev", R, "the previous match (wraps)", TEXT,
	    cmd_search_prev },
	{ "search-hide", R, "hide the search's highlights (n shows them "
	    "again)", 0, cmd_search_hide },
	{ "highlight-add", R, "highlight the current search in its own "
	    "colour", TEXT, cmd_highlight_add },
	{ "highlight-type", R, "type a term to highlight", TEXT,
	    cmd_highlight_type },
	{ "highlight-remove", R, "- and a number: remove that highlight", 0,
	    cmd_highlight_remove },
	{ "highlight-clear", R, "remove every highlight", 0,
	    cmd_highlight_clear },
	{ "script", R, "script: original, simplified, traditional, Taiwan, "
	    "Hong Kong", 0, cmd_script },
	{ "pinyin", R, "pinyin annotations: hide, show, above the characters "
	    "(ruby)", 0, cmd_pinyin },
	{ "raw", R, "the source as it is (markup, hard line ends), or "
	    "rendered again", 0, cmd_raw },
	{ "reflow", R, "join a hard-wrapped text's lines into paragraphs, or "
	    "show them as they are", 0, cmd_reflow },
	{ "annotate", R, "generated pinyin on every Han character, words "
	    "first (--annotate), on or off", 0, cmd_annotate },
	{ "align", R, "a narrow text column (-w) centred or at the left "
	    "(--align)", 0, cmd_align },
	{ "paragraph", R, "paragraphs as in the source, indented, or a blank "
	    "row after each (--paragraph)", 0, cmd_paragraph },
	{ "word-cursor", R, "a word cursor with a dictionary popup (its keys "
	    "are below; so does a click on a word)", 0, cmd_word_cursor },
	{ "redraw", R | P | H | S | W, "redraw the screen", 0, cmd_redraw },
	{ "help", R | P | S, "this help (q or Esc closes)", 0, cmd_help },
	{ "colon", R, ": and n or p: the next or previous file", 0,
	    cmd_colon },
	{ "next-file", R, "the next file (or the next article of the shelf)",
	    0, cmd_next_file },
	{ "prev-file", R, "the previous file (or article)", 0,
	    cmd_prev_file },
	{ "quit", R | P, "quit (from an article of the shelf: back to it)",
	    0, cmd_quit },
	{ "unknown", R, "say the key is not a command", 0, cmd_unknown },

	/* The help screen. */
	{ "line-down", H, "one line down", 0, cmd_help_down },
	{ "line-up", H, "one line up", 0, cmd_help_up },
	{ "page-down", H, "one page down", 0, cmd_help_page_down },
	{ "page-up", H, "one page up", 0, cmd_help_page_up },
	{ "top", H, "the first line", 0, cmd_help_top },
	{ "bottom", H, "the last line", 0, cmd_help_bottom },
	{ "close", H, "close the help (so does any other key)", 0,
	    cmd_help_close },

	/* The outline panel. */
	{ "next", P, "the next heading (N: N headings)", 0, cmd_panel_next },
	{ "prev", P, "the previous heading", 0, cmd_panel_prev },
	{ "page-down", P, "a page of headings down", 0,
	    cmd_panel_page_down },
	{ "page-up", P, "a page of headings up", 0, cmd_panel_page_up },
	{ "first", P, "the first heading", 0, cmd_panel_first },
	{ "last", P, "the last heading", 0, cmd_panel_last },
	{ "jump", P, "jump to the heading (it becomes the top row)", 0,
	    cmd_panel_jump },
	{ "close", P, "close the panel", 0, cmd_panel_close },
	{ "filter", P, "filter the headings as you type (folding as search "
	    "does)", 0, cmd_panel_filter },
	{ "pass", P, "other keys move the text beside a side panel", 0,
	    cmd_panel_pass },
	{ "wider", P, "the side panel 2 columns wider (N: 2N; remembered)",
	    0, cmd_panel_wider },
	{ "narrower", P, "the side panel 2 columns narrower", 0,
	    cmd_panel_narrower },

	/* The search prompt. */
	{ "accept", Q, "search (alone: the last search again)", 0,
	    cmd_prompt_accept },
	{ "cancel", Q, "back to where the search started", 0,
	    cmd_prompt_cancel },
	{ "regex", Q, "regular expression or literal", 0, cmd_prompt_regex },
	{ "history-prev", Q, "the previous search in the history, in its "
	    "mode", 0, cmd_history_prev },
	{ "history-next", Q, "the next search in the history", 0,
	    cmd_history_next },
	{ "pinyin", Q, "Latin letters also find the Han text their toneless "
	    "pinyin spells (pinyin search), or not", 0, cmd_prompt_pinyin },

	/* The filters of the outline and the shelf. */
	{ "accept", F, "jump to (open) the entry under the cursor", 0,
	    cmd_filter_accept },
	{ "cancel", F, "clear the filter", 0, cmd_filter_cancel },
	{ "close", F, "stop filtering (the outline: close the panel)", 0,
	    cmd_filter_close },
	{ "next", F, "the next entry", 0, cmd_filter_next },
	{ "prev", F, "the previous entry", 0, cmd_filter_prev },

	/* Line editing. */
	{ "cursor-left", E, "one character left", 0, cmd_edit_left },
	{ "cursor-right", E, "one character right", 0, cmd_edit_right },
	{ "cursor-home", E, "to the start of the line", 0, cmd_edit_home },
	{ "cursor-end", E, "to the end of the line", 0, cmd_edit_end },
	{ "delete-back", E, "delete the character before the cursor (on an "
	    "empty line: leave)", 0, cmd_edit_backspace },
	{ "delete-forward", E, "delete the character under the cursor", 0,
	    cmd_edit_delete },
	{ "delete-word", E, "delete the word before the cursor", 0,
	    cmd_edit_word },
	{ "delete-to-start", E, "delete all before the cursor", 0,
	    cmd_edit_start },
	{ "delete-to-end", E, "delete all from the cursor on", 0,
	    cmd_edit_end_kill },
	{ "insert", E, "type the character (CJK input methods too)", 0,
	    cmd_edit_insert },

	/* The shelf. */
	{ "next", S, "the next article (N: N articles)", 0, cmd_shelf_next },
	{ "prev", S, "the previous article", 0, cmd_shelf_prev },
	{ "page-down", S, "a page down", 0, cmd_shelf_page_down },
	{ "page-up", S, "a page up", 0, cmd_shelf_page_up },
	{ "half-page-down", S, "half a page down", 0, cmd_shelf_half_down },
	{ "half-page-up", S, "half a page up", 0, cmd_shelf_half_up },
	{ "first", S, "the first article (Ng: article N)", 0,
	    cmd_shelf_first },
	{ "last", S, "the last article (NG: article N)", 0, cmd_shelf_last },
	{ "open", S, "read the article (q there comes back)", 0,
	    cmd_shelf_open },
	{ "filter", S, "filter by title, author or file name as you type", 0,
	    cmd_shelf_filter },
	{ "clear-filter", S, "clear the filter", 0, cmd_shelf_clear },
	{ "quit", S, "quit", 0, cmd_quit },

	/* The word cursor. */
	{ "next-word", W, "the next word (N: N words)", 0, cmd_word_next },
	{ "prev-word", W, "the previous word", 0, cmd_word_prev },
	{ "next-row", W, "the word below, in the next row", 0,
	    cmd_word_down },
	{ "prev-row", W, "the word above, in the previous row", 0,
	    cmd_word_up },
	{ "popup-down", W, "scroll the popup a page down (when it says more)", 0,
	    cmd_word_popup_down },
	{ "popup-up", W, "scroll the popup a page up", 0, cmd_word_popup_up },
	{ "close", W, "close the word cursor and its popup", 0,
	    cmd_word_close },

	/* The letter after m ' : -. */
	{ "cancel", L, "forget the key before", 0, cmd_letter_cancel },
	{ "letter", L, "the letter (mark, file, highlight number)", 0,
	    cmd_letter },
};
const size_t command_count = sizeof command_table / sizeof command_table[0];

const struct command *
command_find(enum command_mode mode, const char *name)
{
	for (size_t i = 0; i < command_count; i++)
		if ((command_table[i].modes & COMMAND_IN(mode)) &&
		    strcmp(command_table[i].name, name) == 0)
			return &command_table[i];
	return NULL;
}

int
command_exists(const char *name)
{
	for (size_t i = 0; i < command_count; i++)
		if (strcmp(command_table[i].name, name) == 0)
			return 1;
	return 0;
}
