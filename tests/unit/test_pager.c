/* The pager: moves by rows across lines, jumps, sections, marks, resize,
 * the outline panel and its filter, and the key table (README included). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/doc.h"
#include "yuedu/keys.h"
#include "yuedu/layout.h"
#include "yuedu/outline.h"
#include "yuedu/pager.h"
#include "yuedu/util.h"

/* Each body line is 20 columns: two rows at width 10. */
#define BODY "一二三四五六七八九十"

struct fix {
	struct doc *doc;
	struct layout *lay;
	struct outline *ol;
	struct pager p;
};

/* Three sections of 10 body lines each: "# One" "# Two" "# Three". */
static char *
fix_text(void)
{
	static const char *const names[] = { "One", "Two", "Three" };
	char *t = xstrdup(""), *n;

	for (int s = 0; s < 3; s++) {
		n = xasprintf("%s# %s\n", t, names[s]);
		free(t);
		t = n;
		for (int i = 0; i < 10; i++) {
			n = xasprintf("%s%s\n", t, BODY);
			free(t);
			t = n;
		}
	}
	return t;
}

static int
setup(void **st)
{
	struct fix *f = xcalloc(1, sizeof(*f));
	struct layout_opts lo = { 10, ANNOT_HIDE, NULL, 0, LAYOUT_PARA_ASIS };
	char *t = fix_text(), *err = NULL;

	f->doc = doc_new_mem(t, strlen(t), "fix.md");
	free(t);
	f->lay = layout_new(f->doc, &lo);
	assert_int_equal(outline_build(&f->ol, f->doc, NULL, &err), 0);
	assert_int_equal(f->ol->n, 3);
	/* 6 rows: 5 text rows and the status line; 10 columns. */
	pager_init(&f->p, f->doc, f->lay, f->ol, 6, 10);
	*st = f;
	return 0;
}

static int
teardown(void **st)
{
	struct fix *f = *st;

	pager_done(&f->p);
	outline_free(f->ol);
	layout_free(f->lay);
	doc_free(f->doc);
	free(f);
	return 0;
}

/* Byte offset of line LINE (0-based) plus ROW rows of 10 columns. */
static size_t
off_of(struct fix *f, size_t line, size_t row)
{
	return doc_line_start(f->doc, line) + row * strlen("一二三四五");
}

static void
test_scroll_rows(void **st)
{
	struct fix *f = *st;
	struct pager *p = &f->p;

	assert_int_equal(p->top_off, 0);
	assert_int_equal(pager_scroll(p, 1), PAGER_REDRAW);
	assert_int_equal(p->top_off, off_of(f, 1, 0));
	/* Line 1 has two rows: the next row is its second half. */
	pager_scroll(p, 1);
	assert_int_equal(p->top_off, off_of(f, 1, 1));
	pager_scroll(p, 3);
	assert_int_equal(p->top_off, off_of(f, 3, 0));
	pager_scroll(p, -2);
	assert_int_equal(p->top_off, off_of(f, 2, 0));
	assert_int_equal(pager_scroll(p, -100), PAGER_REDRAW);
	assert_int_equal(p->top_off, 0);
	/* At the top the place stays and a message says why. */
	assert_int_equal(pager_scroll(p, -1), PAGER_REDRAW);
	assert_int_equal(p->top_off, 0);
	assert_string_equal(p->msg, "top of text");
}

static void
test_scroll_stops_at_end(void **st)
{
	struct fix *f = *st;
	struct pager *p = &f->p;

	/* 3 headings + 30 lines of two rows = 63 rows; 5 on screen. */
	pager_scroll(p, 1000);
	assert_int_equal(p->top_off, off_of(f, 30, 1));
	assert_true(pager_at_end(p));
	assert_int_equal(pager_scroll(p, 1), PAGER_REDRAW);
	assert_int_equal(p->top_off, off_of(f, 30, 1));
	assert_string_equal(p->msg, "end of text");
	pager_top(p);
	assert_false(pager_at_end(p));
	pager_bottom(p);
	assert_int_equal(p->top_off, off_of(f, 30, 1));
	assert_int_equal(pager_top_line(p), 30);
}

static void
test_goto_line_percent(void **st)
{
	struct fix *f = *st;
	struct pager *p = &f->p;

	pager_goto_line(p, 12);
	assert_int_equal(p->top_off, off_of(f, 11, 0));
	assert_int_equal(pager_top_line(p), 11);
	/* A jump may put the last line on the top row. */
	pager_goto_line(p, 9999);
	assert_int_equal(pager_top_line(p), 32);
	pager_goto_percent(p, 50);
	assert_true(p->top_off <= f->doc->len / 2);
	assert_true(p->top_off + 16 > f->doc->len / 2);
	pager_goto_percent(p, 0);
	assert_int_equal(p->top_off, 0);
	pager_goto_percent(p, 100);
	assert_true(pager_at_end(p));
}

static void
test_sections(void **st)
{
	struct fix *f = *st;
	struct pager *p = &f->p;

	assert_int_equal(pager_section(p), 0);
	pager_section_next(p);
	assert_int_equal(p->top_off, f->ol->v[1].off);
	assert_int_equal(pager_section(p), 1);
	pager_section_next(p);
	assert_int_equal(p->top_off, f->ol->v[2].off);
	assert_null(p->msg);
	pager_section_next(p);
	assert_int_equal(p->top_off, f->ol->v[2].off);
	assert_string_equal(p->msg, "no next section");
	/* From inside a section, [ goes to its heading, then the one before. */
	pager_scroll(p, 3);
	pager_section_prev(p);
	assert_int_equal(p->top_off, f->ol->v[2].off);
	pager_section_prev(p);
	assert_int_equal(p->top_off, f->ol->v[1].off);
	pager_section_prev(p);
	pager_section_prev(p);
	assert_int_equal(p->top_off, 0);
	assert_string_equal(p->msg, "no previous section");
}

static void
test_marks_and_back(void **st)
{
	struct fix *f = *st;
	struct pager *p = &f->p;
	size_t here;

	pager_scroll(p, 7);
	here = p->top_off;
	pager_mark_set(p, 'a');
	pager_top(p);
	assert_int_equal(p->top_off, 0);
	pager_mark_goto(p, 'a');
	assert_int_equal(p->top_off, here);
	/* '' returns to before the last jump, and back again. */
	pager_back(p);
	assert_int_equal(p->top_off, 0);
	pager_back(p);
	assert_int_equal(p->top_off, here);
	pager_mark_goto(p, 'b');
	assert_string_equal(p->msg, "mark b not set");
	assert_int_equal(p->top_off, here);
}

static void
test_resize_keeps_place(void **st)
{
	struct fix *f = *st;
	struct pager *p = &f->p;
	size_t before;

	pager_scroll(p, 5);		/* line 3, second row */
	before = p->top_off;
	assert_int_equal(before, off_of(f, 3, 0) + 0);
	pager_scroll(p, 1);
	before = p->top_off;		/* mid-line */
	assert_int_equal(before, off_of(f, 3, 1));
	/* 80 -> 40 -> 80: narrower rows start elsewhere, yet we return. */
	pager_resize(p, 6, 6);		/* three characters a row */
	assert_int_equal(p->top_off, off_of(f, 3, 0) + strlen("一二三"));
	pager_resize(p, 6, 10);
	assert_int_equal(p->top_off, off_of(f, 3, 1));
	pager_resize(p, 12, 40);	/* the line is one row now */
	assert_int_equal(p->top_off, off_of(f, 3, 0));
	pager_resize(p, 6, 10);
	assert_int_equal(p->top_off, off_of(f, 3, 1));
	pager_resize(p, 4, 4);	/* two characters a row */
	assert_int_equal(p->top_off, off_of(f, 3, 0) + strlen("一二三四"));
	/* A move sets the place that later resizes keep. */
	pager_scroll(p, -1);
	assert_int_equal(p->top_off, off_of(f, 3, 0) + strlen("一二"));
	pager_resize(p, 4, 10);
	assert_int_equal(p->top_off, off_of(f, 3, 0));
}

static void
test_panel_and_filter(void **st)
{
	struct fix *f = *st;
	struct pager *p = &f->p;

	pager_resize(p, 24, 80);
	pager_section_next(p);
	pager_panel_toggle(p);
	assert_true(p->panel_open);
	assert_true(pager_panel_cols(p) > 0);
	assert_int_equal(pager_text_cols(p), 80 - pager_panel_cols(p) - 1);
	assert_int_equal(p->panel_n, 3);
	assert_int_equal(p->panel_cur, 1);	/* the current section */
	pager_panel_move(p, 1);
	pager_panel_jump(p);
	assert_false(p->panel_open);
	assert_int_equal(p->top_off, f->ol->v[2].off);
	assert_int_equal(pager_text_cols(p), 80);

	pager_panel_toggle(p);
	pager_filter_start(p);
	lineedit_insert(&p->filter, 't');	/* "Two", "Three" */
	pager_filter_edited(p);
	assert_int_equal(p->panel_n, 2);
	lineedit_insert(&p->filter, 'w');
	pager_filter_edited(p);
	assert_int_equal(p->panel_n, 1);
	lineedit_backspace(&p->filter);
	pager_filter_edited(p);
	assert_int_equal(p->panel_n, 2);
	lineedit_insert(&p->filter, 'x');
	pager_filter_edited(p);
	assert_int_equal(p->panel_n, 0);
	pager_filter_stop(p, 1);
	assert_int_equal(p->panel_n, 3);
	/* Below 60 columns the panel is a full-screen list. */
	pager_resize(p, 12, 40);
	assert_int_equal(pager_panel_cols(p), 0);
	assert_int_equal(pager_text_cols(p), 40);
	pager_panel_click(p, 0);
	assert_int_equal(p->top_off, 0);
	assert_false(p->panel_open);
}

static void
keys(struct pager *p, const char *s)
{
	for (; *s; s++)
		keys_dispatch(p, *s == '\r' ? KEYCODE_ENTER : (unsigned char)*s);
}

static void
test_keys_dispatch(void **st)
{
	struct fix *f = *st;
	struct pager *p = &f->p;

	keys(p, "3j");
	assert_int_equal(p->top_off, off_of(f, 2, 0));
	keys(p, "k");
	assert_int_equal(p->top_off, off_of(f, 1, 1));
	keys(p, "g");
	assert_int_equal(p->top_off, 0);
	keys(p, "12g");
	assert_int_equal(pager_top_line(p), 11);
	keys(p, "ma" "G");
	assert_true(pager_at_end(p));
	keys(p, "'a");
	assert_int_equal(pager_top_line(p), 11);
	keys(p, "''");
	assert_true(pager_at_end(p));
	keys(p, "g]]");
	assert_int_equal(p->top_off, f->ol->v[2].off);
	keys(p, "]");
	assert_string_equal(p->msg, "no next section");
	keys(p, "[");
	assert_null(p->msg);
	assert_int_equal(p->top_off, f->ol->v[1].off);
	keys(p, "0%");
	assert_int_equal(p->top_off, 0);
	keys(p, " ");
	assert_int_equal(pager_top_line(p), 3);	/* five rows down */
	keys_dispatch(p, KEYCODE_CTRL('b'));
	assert_int_equal(p->top_off, 0);
	keys(p, "d");
	assert_int_equal(p->top_off, off_of(f, 1, 1));
	keys(p, "u");
	assert_int_equal(p->top_off, 0);
	keys_dispatch(p, KEYCODE_END);
	assert_true(pager_at_end(p));
	keys_dispatch(p, KEYCODE_HOME);
	assert_int_equal(p->top_off, 0);
	keys(p, "t");
	assert_true(p->panel_open);
	keys(p, "j\r");
	assert_int_equal(p->top_off, f->ol->v[1].off);
	keys(p, "t/thr\r");
	assert_int_equal(p->top_off, f->ol->v[2].off);
	keys(p, "h");
	assert_true(p->help_open);
	keys(p, "q");
	assert_false(p->help_open);
	keys(p, "Z");
	assert_non_null(p->msg);
	assert_int_equal(keys_dispatch(p, 'q'), PAGER_QUIT);
}

static void
test_empty_doc(void **st)
{
	struct doc *doc = doc_new_mem("", 0, "empty");
	struct layout_opts lo = { 10, ANNOT_HIDE, NULL, 0, LAYOUT_PARA_ASIS };
	struct layout *lay = layout_new(doc, &lo);
	struct pager p;

	pager_init(&p, doc, lay, NULL, 4, 10);
	assert_int_equal(pager_scroll(&p, 1), PAGER_NONE);
	assert_int_equal(pager_bottom(&p), PAGER_NONE);
	assert_int_equal(pager_goto_line(&p, 3), PAGER_NONE);
	pager_section_next(&p);
	assert_string_equal(p.msg, "no sections");
	assert_true(pager_at_end(&p));
	keys_dispatch(&p, 't');
	keys_dispatch(&p, KEYCODE_ENTER);
	pager_done(&p);
	layout_free(lay);
	doc_free(doc);
}

/* s and p: the script and pinyin cycles keep the top row; in ruby mode a
 * text row takes two screen rows, and the end is still reached. */
static void
test_reading_aids(void **st)
{
	struct fix *f = *st;
	struct pager *p = &f->p;
	size_t top;

	pager_scroll(p, 7);
	top = p->top_off;
	assert_int_equal(keys_dispatch(p, 's'), PAGER_REDRAW);
	assert_int_equal(p->script, CONV_SIMPLIFIED);
	assert_int_equal(p->top_off, top);
	assert_ptr_equal(layout_get_opts(f->lay)->conv,
	    p->conv[CONV_SIMPLIFIED]);
	for (int i = 0; i < 4; i++)
		keys_dispatch(p, 's');
	assert_int_equal(p->script, CONV_ORIGINAL);
	assert_null(layout_get_opts(f->lay)->conv);
	assert_int_equal(p->top_off, top);

	assert_int_equal(pager_annot(p), ANNOT_HIDE);
	assert_int_equal(pager_view_rows(p), 5);
	keys_dispatch(p, 'p');
	assert_int_equal(pager_annot(p), ANNOT_SHOW);
	keys_dispatch(p, 'p');
	assert_int_equal(pager_annot(p), ANNOT_RUBY);
	assert_int_equal(p->top_off, top);
	/* 5 text rows hold 2 rows with their pinyin rows; the last of 33
	 * lines is line 32. */
	assert_int_equal(pager_view_rows(p), 2);
	pager_scroll(p, 1000);
	assert_int_equal(p->top_off, off_of(f, 32, 0));
	assert_true(pager_at_end(p));
	pager_bottom(p);
	assert_int_equal(p->top_off, off_of(f, 32, 0));
	keys_dispatch(p, ' ');
	assert_int_equal(p->top_off, off_of(f, 32, 0));
	keys_dispatch(p, 'g');
	keys_dispatch(p, ' ');	/* a page is 2 rows now */
	assert_int_equal(p->top_off, off_of(f, 1, 1));
	keys_dispatch(p, 'p');
	assert_int_equal(pager_annot(p), ANNOT_HIDE);
	assert_int_equal(p->top_off, off_of(f, 1, 1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_scroll_rows, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_scroll_stops_at_end,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_goto_line_percent, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_sections, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_marks_and_back, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_resize_keeps_place, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_panel_and_filter, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_keys_dispatch, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_reading_aids, setup,
		    teardown),
		cmocka_unit_test(test_empty_doc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
