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
#include "yuedu/layout.h"
#include "yuedu/render.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

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
	struct render_opts o = { RENDER_TEXT, RENDER_REFLOW_AUTO, 80, 0, NULL };
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
	struct render_opts o = { RENDER_TEXT, RENDER_REFLOW_AUTO, 80, 0, NULL };
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
	struct render *r = render_text_render(d, 1, NULL);

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
		struct render *r2 = render_text_render(d2, 1, NULL);

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
		{ "hongloumeng_trad_gutenberg_3301-4500.txt", 1 },	/* drifting */
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
			struct render *r = render_text_render(d, 1, NULL);

			check_map(r);
			render_free(r);
		}
		doc_free(d);
		free(path);
	}
}

static struct doc *
data_doc(const char *file)
{
	const char *dir = getenv("YUEDU_DATA");
	char *path, *note = NULL, *err = NULL;
	struct doc *d;

	if (dir == NULL)
		dir = "tests/data";
	path = xasprintf("%s/%s", dir, file);
	d = enc_open(path, NULL, &note, &err);
	if (d == NULL)
		fail_msg("%s: %s", path, err);
	free(note);
	free(path);
	return d;
}

/* How many times each Han character occurs in S (N bytes), into COUNT
 * (indexed by code point - 0x4E00, the URO). */
static void
han_count(const char *s, size_t n, unsigned *count)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);

		if (k == 0)
			k = 1;
		if (cp >= 0x4E00 && cp <= 0x9FFF)
			count[cp - 0x4E00]++;
		i += k;
	}
}

/* Markup left on shown line LINE outside code: ** ]( <img or a # mark. */
static int
markup_left(const struct render *r, size_t ls, const char *line)
{
	const char *m = strstr(line, "**");

	if (m == NULL)
		m = strstr(line, "](");
	if (m == NULL)
		m = strstr(line, "<img");
	if (m == NULL && line[0] == '#' && (line[1] == ' ' || line[1] == '#'))
		m = line;
	return m != NULL && !(render_style_at(r, ls + (size_t)(m - line),
	    NULL) & RENDER_STYLE_CODE);
}

/*
 * Markdown from the corpus, rendered: the map holds; no markup is left
 * outside code (no **, no ](, no <img, no # heading marks); every Han
 * character of the source (outside HTML comments) is shown; every line
 * of a table has the same display width, in both width policies.
 */
static void
test_markdown_props(void **st)
{
	static const char *const files[] = {
		"antd_README-zh_CN.md", "copywriting-guidelines_README.zh-Hans.md",
		"jieba_README.md", "minfadian_jicheng.md", "xianfa.md",
		"tables.md",
	};

	for (int amb = 0; amb < 2; amb++) {
		width_set_ambiguous(amb ? WIDTH_AMBIGUOUS_WIDE :
		    WIDTH_AMBIGUOUS_NARROW);
		for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
			struct doc *d = data_doc(files[f]);
			struct render_opts o = { RENDER_MARKDOWN,
			    RENDER_REFLOW_AUTO, 60, 0, NULL };
			struct render *r = render_doc(d, &o);
			const char *t = r->doc->text;
			size_t n = r->doc->len, ls = 0, cl = 0;
			unsigned *src_c = calloc(0x5200, sizeof *src_c);
			unsigned *shown_c = calloc(0x5200, sizeof *shown_c);
			char *clean = xmalloc(d->len + 1);
			int table_w = -1;

			check_map(r);
			/* The source without its HTML comments. */
			for (size_t i = 0; i < d->len;) {
				if (d->len - i >= 4 &&
				    memcmp(d->text + i, "<!--", 4) == 0) {
					const char *e = strstr(d->text + i,
					    "-->");

					i = e ? (size_t)(e - d->text) + 3 :
					    d->len;
					continue;
				}
				clean[cl++] = d->text[i++];
			}
			han_count(clean, cl, src_c);
			han_count(t, n, shown_c);
			for (size_t c = 0; c < 0x5200; c++)
				if (shown_c[c] < src_c[c])
					fail_msg("%s: U+%04zX shown %u times "
					    "of %u", files[f], c + 0x4E00,
					    shown_c[c], src_c[c]);
			for (size_t i = 0; i <= n; i++) {
				const struct render_block *b;
				char *line;

				if (i < n && t[i] != '\n')
					continue;
				b = render_block_at(r, ls);
				line = strndup(t + ls, i - ls);
				if ((b == NULL || b->kind != RENDER_BLOCK_CODE) &&
				    markup_left(r, ls, line))
					fail_msg("%s: markup left: %s",
					    files[f], line);
				free(line);
				if (b != NULL && b->kind == RENDER_BLOCK_TABLE &&
				    i > ls && (t[ls] == '|' || t[ls] == '+')) {
					int w = width_string(t + ls, i - ls);

					if (table_w < 0)
						table_w = w;
					else if (w != table_w)
						fail_msg("%s: table row of %d "
						    "columns, not %d: %.*s",
						    files[f], w, table_w,
						    (int)(i - ls), t + ls);
				} else
					table_w = -1;
				ls = i + 1;
			}
			free(clean);
			free(src_c);
			free(shown_c);
			render_free(r);
			doc_free(d);
		}
	}
	width_set_ambiguous(WIDTH_AMBIGUOUS_NARROW);
}

/* A list item's and a quote's continued rows hang under their text. */
static void
test_hanging_rows(void **st)
{
	static const char md[] = "- 一二三四五六七八九十一二三四五六七八"
	    "九十\n\n> 一二三四五六七八九十一二三四五六七八九十\n";
	struct doc *d = mem(md);
	struct render_opts o = { RENDER_MARKDOWN, RENDER_REFLOW_AUTO, 20, 0, NULL };
	struct render *r = render_doc(d, &o);
	struct layout_opts lo = { 20, ANNOT_SHOW, NULL, 0, LAYOUT_PARA_ASIS };
	struct layout *lay = layout_new(r->doc, &lo);
	int seen = 0;

	for (size_t line = 0; doc_has_line(r->doc, line); line++) {
		const struct layout_line *ll = layout_get(lay, line);

		if (ll->nrows < 2)
			continue;
		seen++;
		/* "- " hangs 2 columns; "| " 2, drawn again. */
		assert_int_equal(ll->hang, 2);
		for (size_t k = 1; k < ll->nrows; k++) {
			assert_int_equal(ll->cells[ll->rows[k].cell].col, 2);
			assert_true(ll->rows[k].cols <= 20);
		}
		assert_int_equal(ll->prefix_len,
		    ll->text[0] == '|' ? 2 : 0);
	}
	assert_int_equal(seen, 2);
	layout_free(lay);
	render_free(r);
	doc_free(d);
}

/* Occurrences of NEEDLE in [S, S + N). */
static size_t
count_of(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle), c = 0;

	for (const char *p = s; (p = memmem(p, n - (size_t)(p - s), needle,
	    k)) != NULL; p += k)
		c++;
	return c;
}

/*
 * 三國演義 reflowed: every 諸葛亮 of the text is one run of the shown
 * text, as many as in the source with its line ends taken out between
 * Chinese characters, where the source as written splits some.
 */
static void
test_reflow_finds_split_words(void **st)
{
	struct doc *d = data_doc("sanguo_trad_gutenberg23950.txt");
	struct render *r = render_text_render(d, 1, NULL);
	char *joined = xmalloc(d->len + 1);
	size_t jn = 0, raw, shown, want;

	for (size_t i = 0; i < d->len; i++) {
		if (d->text[i] == '\n' && i > 0 && i + 1 < d->len &&
		    ((unsigned char)d->text[i - 1] & 0x80) &&
		    ((unsigned char)d->text[i + 1] & 0x80))
			continue;
		joined[jn++] = d->text[i];
	}
	raw = count_of(d->text, d->len, "諸葛亮");
	want = count_of(joined, jn, "諸葛亮");
	shown = count_of(r->doc->text, r->doc->len, "諸葛亮");
	assert_true(raw < want);
	assert_int_equal(shown, want);
	free(joined);
	render_free(r);
	doc_free(d);
}

/* A web page's table wider than the screen wraps inside its cells, as
 * Markdown's: every row of it as wide as its rules, the date whole. */
static void
test_html_table_wraps(void **st)
{
	static const char page[] = "<html><body><article><h1>表</h1>"
	    "<table><tr><th>版本</th><th>日期</th><th>变更说明</th></tr>"
	    "<tr><td>1.0</td><td>2024-01-01</td><td>第一版：支持纯文本、标点"
	    "禁则、大纲、全角半角和简繁折叠搜索，以及常见的旧编码。</td></tr>"
	    "</table></article></body></html>";
	struct doc *d = doc_new_mem(page, strlen(page), "t.html");
	struct render_opts o = { RENDER_HTML, RENDER_REFLOW_AUTO, 40, 0, NULL };
	struct render *r = render_doc(d, &o);
	const char *t = r->doc->text;
	size_t ls = 0;
	int rule_w = -1, rows = 0;

	check_map(r);
	assert_non_null(strstr(t, "| 2024-01-01 |"));
	for (size_t i = 0; i <= r->doc->len; i++) {
		if (i < r->doc->len && t[i] != '\n')
			continue;
		if (i > ls && (t[ls] == '+' || t[ls] == '|')) {
			int w = width_string(t + ls, i - ls);

			assert_true(w <= 40);
			if (rule_w < 0)
				rule_w = w;
			assert_int_equal(w, rule_w);
			rows++;
		}
		ls = i + 1;
	}
	/* Rules, the head, and the long cell over several lines. */
	assert_true(rows >= 3 + 1 + 3);
	render_free(r);
	doc_free(d);
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
		cmocka_unit_test(test_markdown_props),
		cmocka_unit_test(test_hanging_rows),
		cmocka_unit_test(test_reflow_finds_split_words),
		cmocka_unit_test(test_html_table_wraps),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
