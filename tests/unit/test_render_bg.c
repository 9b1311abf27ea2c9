/* A big text rendered whole on the other core (render_bg): the same
 * rendering render_doc() makes, standing for the reader's source; and a
 * reader that closes the text (q, the next file) does not wait for it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "yuedu/doc.h"
#include "yuedu/annot.h"
#include "yuedu/enc.h"
#include "yuedu/layout.h"
#include "yuedu/pager.h"
#include "yuedu/render.h"
#include "yuedu/render_bg.h"
#include "yuedu/util.h"

/* The data file NAME copied until the text is at least MIN bytes. */
static struct doc *
big_doc(const char *name, size_t min, const char *as)
{
	const char *dir = getenv("YUEDU_DATA");
	char *path, *note = NULL, *err = NULL, *buf;
	struct doc *one, *d;
	size_t n = 0;

	if (dir == NULL)
		dir = "tests/data";
	path = xasprintf("%s/%s", dir, name);
	one = enc_open(path, NULL, &note, &err);
	if (one == NULL)
		fail_msg("%s: %s", path, err);
	buf = xmalloc(min + one->len + 2);
	while (n < min) {
		memcpy(buf + n, one->text, one->len);
		n += one->len;
		buf[n++] = '\n';
	}
	d = doc_new_mem(buf, n, as);
	free(buf);
	free(path);
	free(note);
	doc_free(one);
	return d;
}

static void
same_rendering(struct doc *src, enum render_format f)
{
	struct render_opts ro = { f, RENDER_REFLOW_AUTO, 80, 0, NULL };
	struct render *whole = render_doc(src, &ro), *bg_r, *part;
	struct render_bg *bg;

	assert_false(whole->identity);
	assert_false(whole->partial);
	/* What the reader shows first: a part only. */
	ro.prefix = RENDER_FIRST_BYTES;
	part = render_doc(src, &ro);
	assert_true(part->partial);
	assert_true(part->doc->len < whole->doc->len);

	bg = render_bg_start(src, &ro);
	bg_r = render_bg_take(bg);
	assert_non_null(bg_r);
	assert_ptr_equal(bg_r->src, src);
	assert_false(bg_r->partial);
	assert_false(bg_r->stopped);
	assert_int_equal(bg_r->doc->len, whole->doc->len);
	assert_memory_equal(bg_r->doc->text, whole->doc->text,
	    whole->doc->len);
	assert_int_equal(bg_r->nruns, whole->nruns);
	assert_int_equal(bg_r->nheadings, whole->nheadings);
	/* Its map leads into the reader's source. */
	for (size_t i = 0; i < bg_r->nruns; i += bg_r->nruns / 97 + 1) {
		const struct render_run *run = &bg_r->runs[i];

		if (run->copied)
			assert_memory_equal(bg_r->doc->text + run->off,
			    src->text + run->src, run->len);
	}
	assert_null(render_bg_take(bg));	/* taken once */
	render_bg_free(bg);
	render_free(bg_r);
	render_free(part);
	render_free(whole);
}

static void
test_markdown_same(void **state)
{
	struct doc *d = big_doc("jieba_README.md", 5u << 20, "big.md");

	(void)state;
	same_rendering(d, RENDER_MARKDOWN);
	doc_free(d);
}

static void
test_reflow_same(void **state)
{
	struct doc *d = big_doc("shuihu_trad_gutenberg23863.txt", 5u << 20,
	    "big.txt");

	(void)state;
	same_rendering(d, RENDER_TEXT);
	doc_free(d);
}

static double
seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Closing a big text while the rest is rendered: it stops at once. */
static void
test_stop_soon(void **state)
{
	struct doc *d = big_doc("jieba_README.md", 24u << 20, "big.md");
	struct render_opts ro = { RENDER_MARKDOWN, RENDER_REFLOW_AUTO, 80,
	    RENDER_FIRST_BYTES, NULL };
	struct render_bg *bg;
	struct render *r;
	double t0, whole, stop;

	(void)state;
	t0 = seconds();
	bg = render_bg_start(d, &ro);
	r = render_bg_take(bg);
	whole = seconds() - t0;
	render_free(r);
	render_bg_free(bg);

	bg = render_bg_start(d, &ro);
	t0 = seconds();
	render_bg_free(bg);
	stop = seconds() - t0;
	print_message("whole: %.3f s, stopped in %.3f s\n", whole, stop);
	assert_false(whole < 0.2);	/* else the check below says nothing */
	assert_true(stop < whole / 4);
	doc_free(d);
}

/* The first screens of a big text alone: the status line's percentage is
 * how far into the whole text, not into those screens. */
static void
test_partial_percent(void **state)
{
	struct doc *d = big_doc("jieba_README.md", 8u << 20, "big.md");
	struct render_opts ro = { RENDER_MARKDOWN, RENDER_REFLOW_AUTO, 80,
	    RENDER_FIRST_BYTES, NULL };
	struct render *part = render_doc(d, &ro);
	struct layout_opts lo = { 80, ANNOT_HIDE, NULL, 0, LAYOUT_PARA_ASIS };
	struct layout *lay;
	struct pager p;
	int pct;

	(void)state;
	assert_true(part->partial);
	lay = layout_new(part->doc, &lo);
	pager_init(&p, part->doc, lay, NULL, 24, 80);
	pager_goto_off(&p, part->doc->len - 1);	/* its last rows */
	pct = pager_percent(&p);
	print_message("at the end of the first %zu of %zu bytes: %d%%\n",
	    part->src_done, d->len, pct);
	/* About a quarter of the text (2 of 8 MB), not 100%. */
	assert_true(pct >= 15 && pct <= 40);
	pager_done(&p);
	layout_free(lay);
	render_free(part);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_markdown_same),
		cmocka_unit_test(test_reflow_same),
		cmocka_unit_test(test_stop_soon),
		cmocka_unit_test(test_partial_percent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
