/*
 * The word cursor: the words of a laid-out row (annotations left out),
 * and moving by word and by row through the pager, across empty lines
 * and row ends, scrolling when the word leaves the screen, keeping the
 * column; the keys of the word mode.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "yuedu/doc.h"
#include "yuedu/keys.h"
#include "yuedu/layout.h"
#include "yuedu/lexicon.h"
#include "yuedu/pager.h"
#include "yuedu/util.h"
#include "yuedu/word.h"

static struct lexicon *
lex(void)
{
	enum lexicon_status st;
	struct lexicon *l = lexicon_get(&st);

	if (l == NULL)
		fail_msg("no lexicon (status %d)", (int)st);
	return l;
}

/* The words of row R of line LINE of TEXT at W columns, as "a|b|c". */
static char *
row_words(const char *text, int w, enum annot_mode m, size_t line, size_t r)
{
	struct doc *d = doc_new_mem(text, strlen(text), "t.txt");
	struct layout_opts lo = { w, m, NULL, 0, LAYOUT_PARA_ASIS };
	struct layout *lay = layout_new(d, &lo);
	struct word_row wr = { 0 };
	char *out = xstrdup("");

	word_row_get(&wr, lex(), layout_get(lay, line), r);
	for (size_t i = 0; i < wr.n; i++) {
		char *t = word_text(&wr, i), *n;
		n = xasprintf("%s%s%s", out, i ? "|" : "", t);
		free(out);
		free(t);
		out = n;
	}
	word_row_done(&wr);
	layout_free(lay);
	doc_free(d);
	return out;
}

static void
test_row_words(void **state)
{
	char *s;

	(void)state;
	s = row_words("我们喜欢中国。", 40, ANNOT_SHOW, 0, 0);
	assert_string_equal(s, "我们|喜欢|中国");
	free(s);
	/* An annotation shown inline is not a word, nor does it cut one. */
	s = row_words("銀(yín)行(háng)在這裡", 40, ANNOT_SHOW, 0, 0);
	assert_string_equal(s, "銀行|在|這裡");
	free(s);
	s = row_words("銀(yín)行(háng)在這裡", 40, ANNOT_HIDE, 0, 0);
	assert_string_equal(s, "銀行|在|這裡");
	free(s);
	s = row_words("abc, 123 ok", 40, ANNOT_SHOW, 0, 0);
	assert_string_equal(s, "abc|123|ok");
	free(s);
	/* Each row alone: the second row of a wrapped line. */
	s = row_words("我们喜欢中国我们喜欢中国", 12, ANNOT_SHOW, 0, 1);
	assert_string_equal(s, "我们|喜欢|中国");
	free(s);
}

static void
test_word_at(void **state)
{
	const char *t = "我们喜欢中国";
	struct doc *d = doc_new_mem(t, strlen(t), "t.txt");
	struct layout_opts lo = { 40, ANNOT_SHOW, NULL, 0, LAYOUT_PARA_ASIS };
	struct layout *lay = layout_new(d, &lo);
	struct word_row wr = { 0 };

	(void)state;
	assert_int_equal(word_row_get(&wr, lex(), layout_get(lay, 0), 0), 3);
	assert_int_equal(wr.v[1].off, 6);
	assert_int_equal(wr.v[1].end, 12);
	assert_int_equal(wr.v[1].col, 4);
	assert_int_equal(wr.v[1].cols, 4);
	assert_int_equal(word_at_col(&wr, 5), 1);
	assert_int_equal(word_at_col(&wr, 39), 2);	/* the nearest */
	assert_int_equal(word_at_off(&wr, 9), 1);
	assert_int_equal(word_at_off(&wr, 18), 3);	/* none after */
	word_row_done(&wr);
	layout_free(lay);
	doc_free(d);
}

struct fix {
	struct doc *doc;
	struct layout *lay;
	struct pager p;
};

/*
 * 12 columns, 3 text rows.  Rows: 我们喜欢中国 / (empty) / 今天天气很 /
 * 好。 / 我们喜欢中国 / 我们喜欢中国.
 */
static const char fix_text[] =
    "我们喜欢中国\n\n今天天气很好。\n我们喜欢中国\n我们喜欢中国\n";

static int
setup(void **st)
{
	struct fix *f = xcalloc(1, sizeof *f);
	struct layout_opts lo = { 12, ANNOT_HIDE, NULL, 0, LAYOUT_PARA_ASIS };

	f->doc = doc_new_mem(fix_text, strlen(fix_text), "t.txt");
	f->lay = layout_new(f->doc, &lo);
	pager_init(&f->p, f->doc, f->lay, NULL, 4, 12);
	*st = f;
	return 0;
}

static int
teardown(void **st)
{
	struct fix *f = *st;

	pager_done(&f->p);
	layout_free(f->lay);
	doc_free(f->doc);
	free(f);
	return 0;
}

static size_t
line_start(struct fix *f, size_t line)
{
	return doc_line_start(f->doc, line);
}

static void
test_move(void **st)
{
	struct fix *f = *st;
	struct pager *p = &f->p;

	pager_word_open(p);
	assert_true(p->word_open);
	assert_string_equal(p->word, "我们");
	assert_non_null(p->word_def);
	assert_non_null(strstr(p->word_def, "wǒ men"));
	pager_word_move(p, 2);
	assert_string_equal(p->word, "中国");
	/* Past the row's end, over the empty line. */
	pager_word_move(p, 1);
	assert_string_equal(p->word, "今天天气");
	assert_int_equal(p->word_off, line_start(f, 2));
	assert_int_equal(p->top_off, 0);
	pager_word_move(p, 1);
	assert_string_equal(p->word, "很");
	/* The fourth row is off the 3-row screen: it scrolls one row. */
	pager_word_move(p, 1);
	assert_string_equal(p->word, "好");
	assert_int_equal(p->top_off, line_start(f, 1));
	pager_word_move(p, -1);
	assert_string_equal(p->word, "很");
	assert_int_equal(p->top_off, line_start(f, 1));
	/* Back to the first word: the top row goes back too. */
	pager_word_move(p, -5);
	assert_string_equal(p->word, "我们");
	assert_int_equal(p->top_off, 0);
	pager_word_move(p, -1);
	assert_string_equal(p->word, "我们");
	assert_non_null(p->msg);
	pager_word_close(p);
	assert_false(p->word_open);
	assert_null(p->word);
}

static void
test_rows(void **st)
{
	struct fix *f = *st;
	struct pager *p = &f->p;

	pager_word_open(p);
	pager_word_move(p, 2);		/* 中国, columns 8-11 */
	pager_word_rows(p, 1);		/* over the empty line, column 8 */
	assert_string_equal(p->word, "很");
	pager_word_rows(p, -1);
	assert_string_equal(p->word, "中国");
	pager_word_rows(p, 1);
	pager_word_rows(p, 1);		/* 好 alone on its row, column 0 */
	assert_string_equal(p->word, "好");
	assert_int_equal(p->top_off, line_start(f, 1));
	pager_word_rows(p, 1);		/* the column is kept: 中国 again */
	assert_string_equal(p->word, "中国");
	assert_int_equal(p->word_off, line_start(f, 3) + 12);
	assert_int_equal(p->top_off, line_start(f, 2));
	pager_word_rows(p, 5);		/* the last row, and a message */
	assert_string_equal(p->word, "中国");
	assert_int_equal(p->word_off, line_start(f, 4) + 12);
	assert_non_null(p->msg);
}

static void
test_at_and_keys(void **st)
{
	struct fix *f = *st;
	struct pager *p = &f->p;

	pager_word_at(p, 9);		/* 欢: the word 喜欢 */
	assert_string_equal(p->word, "喜欢");
	pager_word_close(p);
	assert_int_equal(keys_reader_mode(p), COMMAND_READER);
	keys_dispatch(p, 'v');
	assert_int_equal(keys_reader_mode(p), COMMAND_WORD);
	assert_string_equal(p->word, "我们");
	keys_dispatch(p, 'w');
	assert_string_equal(p->word, "喜欢");
	keys_dispatch(p, '2');
	keys_dispatch(p, KEYCODE_RIGHT);
	assert_string_equal(p->word, "今天天气");
	keys_dispatch(p, 'b');
	assert_string_equal(p->word, "中国");
	keys_dispatch(p, KEYCODE_ESC);
	assert_false(p->word_open);
	assert_int_equal(keys_reader_mode(p), COMMAND_READER);
	/* Esc closed the cursor and did nothing else; j scrolls again. */
	keys_dispatch(p, 'j');
	assert_int_equal(p->top_off, line_start(f, 1));
}

static void
test_annotate_toggle(void **st)
{
	struct fix *f = *st;
	struct pager *p = &f->p;

	assert_false(pager_annotating(p));
	keys_dispatch(p, 'P');
	assert_true(pager_annotating(p));
	assert_int_equal(pager_annot(p), ANNOT_SHOW);	/* it was HIDE */
	assert_non_null(strstr(layout_get(f->lay, 0)->text, "我(wǒ)"));
	keys_dispatch(p, 'P');
	assert_false(pager_annotating(p));
	assert_int_equal(pager_annot(p), ANNOT_HIDE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_row_words),
		cmocka_unit_test(test_word_at),
		cmocka_unit_test_setup_teardown(test_move, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_at_and_keys, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_annotate_toggle, setup,
		    teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
