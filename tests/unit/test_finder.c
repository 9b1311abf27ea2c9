/*
 * The reader's search without a screen: the prompt's editing keys,
 * incremental search and Esc, n/N with wrapping, i/N, counts per section,
 * highlight terms and the spans the screen colours.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "yuedu/doc.h"
#include "yuedu/finder.h"
#include "yuedu/keys.h"
#include "yuedu/layout.h"
#include "yuedu/outline.h"
#include "yuedu/pager.h"
#include "yuedu/util.h"

struct fix {
	struct doc *doc;
	struct layout *lay;
	struct outline *ol;
	struct pager p;
	struct finder f;
};

/*
 * Three sections; 網(wǎng)經(jīng)社 twice in the first, once (simplified) in
 * the third, 20 filler lines between so not all is on one screen.
 */
static char *
fix_text(void)
{
	char *t = xstrdup("# 一\n(網(wǎng)經(jīng)社訊)在第21個阿里日\n"
	    "網(wǎng)經(jīng)社數字零售\n# 二\n"), *n;

	for (int i = 0; i < 20; i++) {
		n = xasprintf("%s第%d行文字\n", t, i);
		free(t);
		t = n;
	}
	n = xasprintf("%s# 三\n最後网经社\n", t);
	free(t);
	return n;
}

static int
setup(void **st)
{
	struct fix *x = xcalloc(1, sizeof(*x));
	struct layout_opts lo = { 40, ANNOT_HIDE, NULL, 0, LAYOUT_PARA_ASIS };
	struct search_opts so = { .annot = ANNOT_HIDE };
	char *t = fix_text(), *err = NULL;

	x->doc = doc_new_mem(t, strlen(t), "fix.md");
	free(t);
	x->lay = layout_new(x->doc, &lo);
	assert_int_equal(outline_build(&x->ol, x->doc, NULL, &err), 0);
	assert_int_equal(x->ol->n, 3);
	pager_init(&x->p, x->doc, x->lay, x->ol, 8, 40);
	finder_init(&x->f, &x->p, &so);
	x->p.finder = &x->f;
	*st = x;
	return 0;
}

static int
teardown(void **st)
{
	struct fix *x = *st;

	finder_done(&x->f);
	pager_done(&x->p);
	outline_free(x->ol);
	layout_free(x->lay);
	doc_free(x->doc);
	free(x);
	return 0;
}

/* Type UTF-8 S into the reader, one code point per key. */
static void
type(struct pager *p, const char *s)
{
	size_t i = 0, n = strlen(s);

	while (i < n) {
		int cp = (unsigned char)s[i], k = 1;

		if (cp >= 0xF0) {
			cp &= 0x07;
			k = 4;
		} else if (cp >= 0xE0) {
			cp &= 0x0F;
			k = 3;
		} else if (cp >= 0xC0) {
			cp &= 0x1F;
			k = 2;
		}
		for (int j = 1; j < k; j++)
			cp = cp << 6 | (s[i + j] & 0x3F);
		keys_dispatch(p, cp);
		i += (size_t)k;
	}
}

static void
assert_status(struct finder *f, const char *want)
{
	char *s = finder_status(f);

	assert_non_null(s);
	assert_string_equal(s, want);
	free(s);
}

static void
test_search_and_count(void **st)
{
	struct fix *x = *st;
	size_t first = strstr(x->doc->text, "網(") - x->doc->text;

	type(&x->p, "/网经社");
	assert_int_equal(x->f.prompt, FINDER_PROMPT_FORWARD);
	assert_string_equal(x->f.ed.buf, "网经社");
	assert_int_equal(x->f.prompt_found, 1);
	assert_int_equal(x->f.cur_off, first);
	keys_dispatch(&x->p, KEYCODE_ENTER);
	assert_int_equal(x->f.prompt, FINDER_PROMPT_NONE);
	assert_status(&x->f, "1/3 [case width script]");
	keys_dispatch(&x->p, 'n');
	assert_status(&x->f, "2/3 [case width script]");
	keys_dispatch(&x->p, 'n');
	assert_status(&x->f, "3/3 [case width script]");
	/* The third is off the first screen: the view followed it. */
	assert_true(x->p.top_off > 0);
	assert_null(x->p.msg);
	keys_dispatch(&x->p, 'n');
	assert_status(&x->f, "1/3 [case width script]");
	assert_string_equal(x->p.msg, "search wrapped to the top");
	keys_dispatch(&x->p, 'N');
	assert_status(&x->f, "3/3 [case width script]");
	assert_string_equal(x->p.msg, "search wrapped to the bottom");
	/* Counts per section: 2, 0, 1. */
	assert_int_equal(finder_section_count(&x->f, x->ol, 0), 2);
	assert_int_equal(finder_section_count(&x->f, x->ol, 1), 0);
	assert_int_equal(finder_section_count(&x->f, x->ol, 2), 1);
}

static void
test_prompt_editing(void **st)
{
	struct fix *x = *st;

	type(&x->p, "/网经社");
	keys_dispatch(&x->p, KEYCODE_BACKSPACE);
	assert_string_equal(x->f.ed.buf, "网经");	/* a whole character */
	type(&x->p, "e\xCC\x81");			/* e + combining acute */
	keys_dispatch(&x->p, 0x7F);
	assert_string_equal(x->f.ed.buf, "网经");	/* the whole cluster */
	keys_dispatch(&x->p, KEYCODE_CTRL('u'));
	assert_string_equal(x->f.ed.buf, "");
	keys_dispatch(&x->p, KEYCODE_CTRL('r'));
	assert_true(x->f.prompt_regex);
	type(&x->p, "(");
	assert_non_null(x->f.prompt_err);
	assert_non_null(strstr(x->f.prompt_err, "missing closing parenthesis"));
	keys_dispatch(&x->p, KEYCODE_ENTER);	/* refused, with the reason */
	assert_int_equal(x->f.prompt, FINDER_PROMPT_NONE);
	assert_non_null(strstr(x->p.msg, "missing closing parenthesis"));
	/* History. */
	type(&x->p, "/阿里");
	keys_dispatch(&x->p, KEYCODE_ENTER);
	type(&x->p, "/零售");
	keys_dispatch(&x->p, KEYCODE_ENTER);
	keys_dispatch(&x->p, '/');
	keys_dispatch(&x->p, KEYCODE_UP);
	assert_string_equal(x->f.ed.buf, "零售");
	keys_dispatch(&x->p, KEYCODE_UP);
	assert_string_equal(x->f.ed.buf, "阿里");
	keys_dispatch(&x->p, KEYCODE_DOWN);
	assert_string_equal(x->f.ed.buf, "零售");
	keys_dispatch(&x->p, KEYCODE_DOWN);
	assert_string_equal(x->f.ed.buf, "");
	/* Backspace on an empty prompt closes it. */
	keys_dispatch(&x->p, KEYCODE_BACKSPACE);
	assert_int_equal(x->f.prompt, FINDER_PROMPT_NONE);
}

/* Issue 11: / then ↑ recalled a regular expression as a literal, and it
 * was "not found".  The entry comes back in its mode. */
static void
test_history_keeps_regex(void **st)
{
	struct fix *x = *st;

	keys_dispatch(&x->p, '/');
	keys_dispatch(&x->p, KEYCODE_CTRL('r'));
	type(&x->p, "阿.日");
	assert_int_equal(x->f.prompt_found, 1);
	keys_dispatch(&x->p, KEYCODE_ENTER);
	assert_true(x->f.cur_regex);
	type(&x->p, "/零售");
	keys_dispatch(&x->p, KEYCODE_ENTER);
	assert_false(x->f.cur_regex);
	keys_dispatch(&x->p, '/');
	assert_false(x->f.prompt_regex);
	keys_dispatch(&x->p, KEYCODE_UP);
	keys_dispatch(&x->p, KEYCODE_UP);
	assert_string_equal(x->f.ed.buf, "阿.日");
	assert_true(x->f.prompt_regex);		/* its mode came back */
	assert_int_equal(x->f.prompt_found, 1);
	keys_dispatch(&x->p, KEYCODE_ENTER);
	assert_null(x->p.msg);
	assert_true(x->f.cur_regex);
	assert_status(&x->f, "1/1 [regex case width script]");
	/* Enter alone repeats the last search in its mode too. */
	keys_dispatch(&x->p, '/');
	keys_dispatch(&x->p, KEYCODE_ENTER);
	assert_true(x->f.cur_regex);
}

/* The prompt edits in the middle: ← → Home End, Delete, ^W ^K. */
static void
test_prompt_cursor(void **st)
{
	struct fix *x = *st;

	type(&x->p, "/阿日");
	keys_dispatch(&x->p, KEYCODE_LEFT);
	type(&x->p, "里");
	assert_string_equal(x->f.ed.buf, "阿里日");
	keys_dispatch(&x->p, KEYCODE_CTRL('a'));
	keys_dispatch(&x->p, KEYCODE_DELETE);
	assert_string_equal(x->f.ed.buf, "里日");
	keys_dispatch(&x->p, KEYCODE_CTRL('e'));
	keys_dispatch(&x->p, KEYCODE_LEFT);
	keys_dispatch(&x->p, KEYCODE_CTRL('k'));
	assert_string_equal(x->f.ed.buf, "里");
	assert_int_equal(x->f.prompt_found, 1);	/* searched again */
	keys_dispatch(&x->p, KEYCODE_CTRL('w'));
	assert_string_equal(x->f.ed.buf, "");
	keys_dispatch(&x->p, KEYCODE_ESC);
	assert_int_equal(x->f.prompt, FINDER_PROMPT_NONE);
}

static void
test_esc_returns(void **st)
{
	struct fix *x = *st;
	size_t top;

	keys_dispatch(&x->p, 'G');
	top = x->p.top_off;
	assert_true(top > 0);
	type(&x->p, "/零售");
	assert_int_equal(x->f.prompt_found, 1);
	assert_true(x->p.top_off < top);	/* the view followed */
	keys_dispatch(&x->p, KEYCODE_ESC);
	assert_int_equal(x->p.top_off, top);	/* and came back */
	assert_null(x->f.cur);
	/* Not found: Enter says so. */
	type(&x->p, "/没有");
	assert_int_equal(x->f.prompt_found, 0);
	keys_dispatch(&x->p, KEYCODE_ENTER);
	assert_string_equal(x->p.msg, "not found: 没有");
	assert_int_equal(x->p.top_off, top);
}

static void
test_backward(void **st)
{
	struct fix *x = *st;

	keys_dispatch(&x->p, 'G');
	type(&x->p, "?网经社");
	keys_dispatch(&x->p, KEYCODE_ENTER);
	assert_status(&x->f, "3/3 [case width script]");
	keys_dispatch(&x->p, 'n');		/* n keeps going backward */
	assert_status(&x->f, "2/3 [case width script]");
	keys_dispatch(&x->p, 'N');
	assert_status(&x->f, "3/3 [case width script]");
}

static void
test_terms_and_spans(void **st)
{
	struct fix *x = *st;
	struct finder_span *v = NULL;
	size_t cap = 0, n, off;
	const char *t = x->doc->text;

	type(&x->p, "=阿里");
	keys_dispatch(&x->p, KEYCODE_ENTER);
	assert_string_equal(x->p.msg, "highlight 1: 阿里");
	type(&x->p, "=AI");		/* a capital: exact case */
	keys_dispatch(&x->p, KEYCODE_ENTER);
	assert_int_equal(x->f.nterms, 2);
	type(&x->p, "/网经社");
	keys_dispatch(&x->p, KEYCODE_ENTER);
	keys_dispatch(&x->p, '+');
	assert_string_equal(x->p.msg, "highlight 3: 网经社");
	/* Line 1: term 1 on 阿里, term 3 and the current match on 網…社. */
	n = finder_spans(&x->f, layout_get(x->lay, 1), &v, &cap);
	assert_int_equal(n, 3);
	off = strstr(t, "阿里") - t;
	assert_int_equal(v[0].off, off);
	assert_int_equal(v[0].end, off + 6);
	assert_int_equal(v[0].style, FINDER_STYLE_TERM + 0);
	assert_int_equal(v[1].style, FINDER_STYLE_TERM + 2);
	assert_int_equal(v[2].style, FINDER_STYLE_CURRENT);
	assert_int_equal(v[2].off, strstr(t, "網(") - t);
	/* Line 2: the other match is not the current one. */
	n = finder_spans(&x->f, layout_get(x->lay, 2), &v, &cap);
	assert_int_equal(v[n - 1].style, FINDER_STYLE_MATCH);
	/* - then 1 removes 阿里; _ removes the rest. */
	keys_dispatch(&x->p, '-');
	assert_non_null(strstr(x->p.msg, "1 阿里 2 AI 3 网经社"));
	keys_dispatch(&x->p, '1');
	assert_string_equal(x->p.msg, "highlight 1 removed: 阿里");
	assert_int_equal(x->f.nterms, 2);
	assert_string_equal(x->f.terms[0].pattern, "AI");
	keys_dispatch(&x->p, '-');
	keys_dispatch(&x->p, '7');
	assert_string_equal(x->p.msg, "no highlight term 7");
	keys_dispatch(&x->p, '_');
	assert_int_equal(x->f.nterms, 0);
	assert_string_equal(x->p.msg, "highlights cleared");
	free(v);
}

static void
test_start(void **st)
{
	struct fix *x = *st;

	finder_start(&x->f, "最後");
	assert_status(&x->f, "1/1 [case width script]");
	/* As less +/: the match's row on top. */
	assert_int_equal(x->p.top_off, strstr(x->doc->text, "最後") -
	    x->doc->text);
	finder_start(&x->f, "nothing here");
	assert_string_equal(x->p.msg, "not found: nothing here");
	keys_dispatch(&x->p, 'n');
	assert_string_equal(x->p.msg, "not found: nothing here");
}

/* p changes what a new search reads: with pinyin hidden 網經社 matches
 * across 網(wǎng)經(jīng)社; shown (p), the annotations stand between. */
static void
test_annot_follows_p(void **st)
{
	struct fix *x = *st;

	finder_start(&x->f, "網經社");
	assert_status(&x->f, "1/3 [case width script]");
	keys_dispatch(&x->p, 'p');
	assert_int_equal(x->f.opts.annot, ANNOT_SHOW);
	finder_start(&x->f, "網經社");
	assert_status(&x->f, "1/1 [case width script]");
	keys_dispatch(&x->p, 'p');
	assert_int_equal(x->f.opts.annot, ANNOT_RUBY);
	finder_start(&x->f, "網經社");
	assert_status(&x->f, "1/3 [case width script]");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_search_and_count, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_prompt_editing, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_history_keeps_regex, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_prompt_cursor, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_esc_returns, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_backward, setup, teardown),
		cmocka_unit_test_setup_teardown(test_terms_and_spans, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_start, setup, teardown),
		cmocka_unit_test_setup_teardown(test_annot_follows_p, setup,
		    teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
