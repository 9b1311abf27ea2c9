/* The shelf: which files are articles, titles, lengths, progress. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "yuedu/doc.h"
#include "yuedu/keys.h"
#include "yuedu/shelf.h"
#include "yuedu/state.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

#include "testutil.h"

static void
put(const char *name, const char *text, size_t n)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, n, f), n);
	fclose(f);
	free(path);
}

static void
copy(const char *name, const char *data_file)
{
	char *cmd = xasprintf("cp '%s/%s' '%s/%s'", getenv("YUEDU_DATA"),
	    data_file, tmpdir, name);

	assert_int_equal(system(cmd), 0);
	free(cmd);
}

static void
put_text(const char *name, const char *text)
{
	put(name, text, strlen(text));
}

static int
setup(void **st)
{
	char *sub;

	tmpdir_make();
	copy("01-ali.txt", "000_4230cdcea687e942.txt");
	copy("10-xianfa.md", "xianfa.md");
	copy("2-license.txt", "mulan_psl_v2_license.txt");
	put_text("notes", "\n\n　　读书笔记\t第一则\n正文。\n");
	put_text("plain.txt", "\n  这是正文的第一段，句子很长，讲了一件事情，"
	    "然后结束了。\n这是第二段，也是正文。\n");
	put("blob", "ELF\0\1\2", 6);
	put("garbage", "\x80\x81\xfe\x90\x80\xc3\x28\xa0\xa1\xff", 10);
	copy("sunzi", "sunzi-bingfa-simplified-gbk.txt");
	put("image.png", "\x89PNG\r\n", 6);
	put_text(".hidden.txt", "藏起来的。\n");
	put("binary.txt", "text\0more", 9);
	put("empty.txt", "", 0);
	sub = xasprintf("%s/folder.txt", tmpdir);
	assert_int_equal(mkdir(sub, 0700), 0);
	free(sub);
	return 0;
}

static int
teardown(void **st)
{
	tmpdir_remove();
	return 0;
}

static void
test_listing(void **st)
{
	struct shelf_opts o = { NULL, 300, 240, ANNOT_AUTO };
	struct shelf *s;
	char *err;

	assert_int_equal(shelf_load(&s, tmpdir, &o, &err), 0);
	assert_null(err);
	/* Natural order; hidden, binary, non-text and folders left out. */
	assert_int_equal(s->n, 7);
	assert_string_equal(s->v[0].name, "01-ali.txt");
	assert_string_equal(s->v[1].name, "2-license.txt");
	assert_string_equal(s->v[2].name, "10-xianfa.md");
	assert_string_equal(s->v[3].name, "empty.txt");
	assert_string_equal(s->v[4].name, "notes");
	assert_string_equal(s->v[5].name, "plain.txt");
	/* No extension, GBK: an article, its title decoded. */
	assert_string_equal(s->v[6].name, "sunzi");
	assert_string_equal(s->v[6].title, "始计第一");
	/* Titles: the first heading (annotations hidden where dense). */
	assert_string_equal(s->v[0].title,
	    "AI協同效應:從業務割裂到全局價值重構");
	assert_string_equal(s->v[1].title, "木兰宽松许可证, 第2版");
	assert_string_equal(s->v[2].title, "中华人民共和国宪法");
	assert_string_equal(s->v[3].title, "");
	/* A short first line is the document's title; tab made a space. */
	assert_string_equal(s->v[4].title, "读书笔记 第一则");
	/* No heading: the first non-empty line. */
	assert_string_equal(s->v[5].title,
	    "这是正文的第一段，句子很长，讲了一件事情，然后结束了。");
	/* Lengths and reading times. */
	assert_int_equal(s->v[0].bytes, 5559);
	assert_true(s->v[0].count.chars > 1000 && s->v[0].count.chars < 2000);
	assert_true(s->v[2].count.han > 10000);
	assert_true(s->v[2].minutes > s->v[0].minutes);
	assert_true(s->v[0].minutes > 3 && s->v[0].minutes < 8);
	assert_int_equal(s->v[3].count.chars, 0);
	/* No state directory: no progress. */
	for (size_t i = 0; i < s->n; i++)
		assert_int_equal(s->v[i].progress_pct, -1);
	shelf_free(s);

	/* A trailing slash does not double in paths. */
	{
		char *d = xasprintf("%s/", tmpdir), *want;
		assert_int_equal(shelf_load(&s, d, &o, &err), 0);
		want = xasprintf("%s/01-ali.txt", tmpdir);
		assert_string_equal(s->v[0].path, want);
		free(want);
		free(d);
		shelf_free(s);
	}
}

static void
test_rates(void **st)
{
	struct shelf_opts slow = { NULL, 150, 120, ANNOT_AUTO };
	struct shelf_opts fast = { NULL, 300, 240, ANNOT_AUTO };
	struct shelf *a, *b;
	char *err;

	assert_int_equal(shelf_load(&a, tmpdir, &slow, &err), 0);
	assert_int_equal(shelf_load(&b, tmpdir, &fast, &err), 0);
	/* Half the rate, twice the time. */
	assert_true(a->v[2].minutes > 1.99 * b->v[2].minutes &&
	    a->v[2].minutes < 2.01 * b->v[2].minutes);
	shelf_free(a);
	shelf_free(b);
}

static void
test_progress(void **st)
{
	char *state = xasprintf("%s-state", tmpdir), *err, *warn, *path;
	struct shelf_opts o = { state, 300, 240, ANNOT_AUTO };
	struct shelf *s;
	struct state_place p;
	struct doc *doc;
	char *cmd;

	path = xasprintf("%s/10-xianfa.md", tmpdir);
	assert_int_equal(doc_open(&doc, path, &err), DOC_OK);
	state_place_init(&p);
	p.top_off = doc->len / 4;
	p.seen_off = doc->len / 2;
	assert_int_equal(state_save(state, doc, &p, &warn), 0);

	assert_int_equal(shelf_load(&s, tmpdir, &o, &err), 0);
	assert_null(s->warning);
	assert_int_equal(s->v[2].progress_pct, 50);
	assert_int_equal(s->v[0].progress_pct, -1);

	/* Read to the end, then refreshed: 100%. */
	p.seen_off = doc->len;
	assert_int_equal(state_save(state, doc, &p, &warn), 0);
	shelf_refresh(s, 2, &o);
	assert_int_equal(s->v[2].progress_pct, 100);
	shelf_free(s);

	/* Corrupt records (both of the text: one alone is mended from the
	 * other): a warning, no progress, the shelf opens. */
	{
		DIR *d = opendir(state);
		struct dirent *e;

		assert_non_null(d);
		while ((e = readdir(d)) != NULL) {
			char *rec;
			FILE *f;

			if ((e->d_name[0] != 'k' && e->d_name[0] != 'p') ||
			    e->d_name[1] != '-')
				continue;
			rec = xasprintf("%s/%s", state, e->d_name);
			f = fopen(rec, "w");
			fputs("garbage\n", f);
			fclose(f);
			free(rec);
		}
		closedir(d);
	}
	assert_int_equal(shelf_load(&s, tmpdir, &o, &err), 0);
	assert_int_equal(s->n, 7);
	assert_int_equal(s->v[2].progress_pct, -1);
	assert_non_null(s->warning);
	assert_null(strchr(s->warning, '\n'));
	shelf_free(s);

	doc_free(doc);
	free(path);
	cmd = xasprintf("rm -rf '%s'", state);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(state);
}

static void
test_progress_pct(void **st)
{
	assert_int_equal(shelf_progress(0, 1000), 0);
	assert_int_equal(shelf_progress(500, 1000), 50);
	assert_int_equal(shelf_progress(999, 1000), 99);
	assert_int_equal(shelf_progress(1000, 1000), 100);
	assert_int_equal(shelf_progress(0, 0), 100);
}

static void
test_filter(void **st)
{
	struct shelf_opts o = { NULL, 300, 240, ANNOT_AUTO };
	struct shelf *s;
	char *err;

	assert_int_equal(shelf_load(&s, tmpdir, &o, &err), 0);
	assert_true(shelf_match(&s->v[2], "宪法"));
	assert_false(shelf_match(&s->v[0], "宪法"));
	assert_true(shelf_match(&s->v[0], "ai"));	/* title, any case */
	assert_true(shelf_match(&s->v[2], "XIANFA"));	/* file name */
	assert_true(shelf_match(&s->v[1], ""));
	shelf_free(s);
}

static void
test_errors(void **st)
{
	struct shelf_opts o = { NULL, 300, 240, ANNOT_AUTO };
	struct shelf *s;
	char *err, *missing = xasprintf("%s/nope", tmpdir);

	assert_int_equal(shelf_load(&s, missing, &o, &err), -1);
	assert_null(s);
	assert_non_null(strstr(err, "No such file or directory"));
	free(err);
	free(missing);
}

static void
test_row(void **st)
{
	struct shelf_entry e = { "a.txt", "d/a.txt", "中华人民共和国宪法",
	    NULL, 52540, { 19600, 19000, 12 }, 63.4, 42 };
	char *r;

	/* Title, then the figures at the right edge, exactly 80 columns. */
	r = shelf_row(&e, 80);
	assert_int_equal(width_string(r, strlen(r)), 80);
	assert_memory_equal(r, "中华人民共和国宪法", strlen("中华人民共和国宪法"));
	assert_non_null(strstr(r, "19.6k chars"));
	assert_non_null(strstr(r, "1 h 03 min"));
	assert_string_equal(r + strlen(r) - 4, " 42%");
	free(r);
	/* Narrow: the title is cut between characters, never inside one. */
	for (int cols = 1; cols <= 60; cols++) {
		r = shelf_row(&e, cols);
		assert_int_equal(width_string(r, strlen(r)), cols);
		free(r);
	}
	r = shelf_row(&e, 25);
	assert_null(strstr(r, "chars"));
	assert_non_null(strstr(r, "42%"));
	free(r);
	e.progress_pct = -1;
	r = shelf_row(&e, 80);
	assert_string_equal(r + strlen(r) - 2, " -");
	free(r);
}

/* What a text calls itself: each rule, and texts that must not match. */
static void
test_title_parse(void **st)
{
	static const struct {
		const char *text, *title, *author;
	} cases[] = {
		/* A title line, alone or with its author. */
		{ "《红楼梦》曹雪芹\r\n\r\n\r\n第一回  甄士隐梦幻识通灵\r\n",
		  "红楼梦", "曹雪芹" },
		{ "\n\n　　《孙子兵法》　孙武 著\n始计第一\n", "孙子兵法", "孙武" },
		{ "《史记》——司马迁\n", "史记", "司马迁" },
		{ "《论语》\n子曰：学而时习之。\n", "论语", NULL },
		{ "《诗经》作者：佚名\n", "诗经", "佚名" },
		/* A sentence that starts with a title is no title line. */
		{ "《红楼梦》是一部章回体长篇小说，成书于清代。\n", NULL, NULL },
		{ "《红楼梦\n", NULL, NULL },
		{ "《》曹雪芹\n", NULL, NULL },
		{ "正文。\n《红楼梦》曹雪芹\n", NULL, NULL },
		/* A Gutenberg header, before its START line only. */
		{ "\xef\xbb\xbfThe Project Gutenberg EBook of X, by Y\n\n"
		  "Title: 三國演義\n\nAuthor: Luo Guanzhong\n\n"
		  "*** START OF THIS PROJECT GUTENBERG EBOOK ***\n",
		  "三國演義", "Luo Guanzhong" },
		{ "Title: Hung Lou Meng, Book I\n"
		  "       Or, The Dream of the Red Chamber\n\nAuthor: Cao\n",
		  "Hung Lou Meng, Book I Or, The Dream of the Red Chamber",
		  "Cao" },
		{ "*** START OF THE PROJECT GUTENBERG EBOOK ***\nTitle: late\n",
		  NULL, NULL },
		/* Front matter, Chinese keys, a full-width colon. */
		{ "---\ntitle: \"在终端里读中文\"\nauthor: 某人\n---\n# 标题\n",
		  "在终端里读中文", "某人" },
		{ "书名：三体\n作者：刘慈欣\n\n第一章\n", "三体", "刘慈欣" },
		{ "作者： 张三\n正文在这里。\n", NULL, "张三" },
		/* Code is no header; an empty value is none. */
		{ "```\ntitle: x\n```\n", NULL, NULL },
		{ "Title:   \n", NULL, NULL },
		{ "", NULL, NULL },
		/* Controls and spaces cleaned for one row. */
		{ "Title: a\x1b[31m  b\n", "a\xef\xbf\xbd[31m b", NULL },
	};
	char *t, *a;

	(void)st;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int r = shelf_title_parse(cases[i].text, strlen(cases[i].text),
		    &t, &a);

		if (cases[i].title == NULL) {
			assert_int_equal(r, 0);
			assert_null(t);
		} else {
			assert_int_equal(r, 1);
			assert_string_equal(t, cases[i].title);
		}
		if (cases[i].author == NULL)
			assert_null(a);
		else
			assert_string_equal(a, cases[i].author);
		free(t);
		free(a);
	}
	/* Only the first lines are read. */
	{
		size_t n = SHELF_HEAD_BYTES + 100;
		char *big = xmalloc(n + 20);

		memset(big, '\n', n);
		memcpy(big + n, "Title: far\n", 12);
		assert_int_equal(shelf_title_parse(big, n + 11, &t, &a), 0);
		assert_null(t);
		free(big);
	}
}

/* The columns line up whatever the figures' widths, the file name has
 * its own column and narrows before the title does. */
static void
test_columns(void **st)
{
	struct shelf_entry v[3] = {
		{ "hongloumeng.txt", "d/hongloumeng.txt", "红楼梦", "曹雪芹",
		  0, { 838500, 800000, 10 }, 1472.0 * 60 + 53, 100 },
		{ "a.md", "d/a.md", "短", NULL, 0, { 12, 12, 0 }, 0.1, -1 },
		{ "xianfa-with-a-rather-long-file-name.md", "d/x.md",
		  "中华人民共和国宪法", NULL, 0, { 19600, 19000, 12 }, 63.4, 7 },
	};
	struct shelf_cols c;
	char *r[3];
	size_t at;
	int name_at = -1;

	(void)st;
	for (int cols = 80; cols >= 20; cols -= 20) {
		shelf_columns(v, 3, cols, &c);
		for (int i = 0; i < 3; i++) {
			r[i] = shelf_row_cols(&v[i], NULL, &c, &at);
			/* Every row exactly COLS wide. */
			assert_int_equal(width_string(r[i], strlen(r[i])), cols);
			/* The file name starts at the same column. */
			if (i == 0)
				name_at = width_string(r[i], at);
			assert_int_equal(width_string(r[i], at), name_at);
			/* ... and shows (at least its start). */
			assert_memory_equal(r[i] + at + 2, v[i].name, 1);
		}
		if (cols == 80) {
			/* The author, the days, all figures right-aligned. */
			assert_non_null(strstr(r[0], "红楼梦 · 曹雪芹"));
			assert_non_null(strstr(r[0], "61 d 9 h"));
			assert_string_equal(r[0] + strlen(r[0]) - 5, " 100%");
			assert_string_equal(r[1] + strlen(r[1]) - 5, "    -");
			assert_string_equal(r[2] + strlen(r[2]) - 5, "   7%");
			/* The times end at one column, as the lengths. */
			assert_string_equal(r[0] + strlen(r[0]) - 16,
			    "  61 d 9 h  100%");
			assert_string_equal(r[1] + strlen(r[1]) - 16,
			    "    <1 min     -");
			assert_string_equal(r[2] + strlen(r[2]) - 16,
			    "1 h 03 min    7%");
			assert_non_null(strstr(r[0], "  838.5k chars  "));
			assert_non_null(strstr(r[1], "      12 chars  "));
			/* The long name is cut (…), the title is whole. */
			assert_non_null(strstr(r[2], "中华人民共和国宪法  "));
			assert_null(strstr(r[2], v[2].name));
			assert_non_null(strstr(r[2], "\u2026"));
		}
		if (cols == 40) {
			/* Figures go before the title is cut below 16. */
			assert_null(strstr(r[0], "chars"));
			assert_true(c.title_cols >= 16);
			assert_true(c.name_cols >= 12);
		}
		for (int i = 0; i < 3; i++)
			free(r[i]);
	}
	/* Any width from 1: exactly that wide. */
	for (int cols = 1; cols <= 100; cols++) {
		shelf_columns(v, 3, cols, &c);
		for (int i = 0; i < 3; i++) {
			r[i] = shelf_row_cols(&v[i], NULL, &c, &at);
			assert_int_equal(width_string(r[i], strlen(r[i])), cols);
			free(r[i]);
		}
	}
	/* Wide ambiguous characters (· …): still exactly the width. */
	width_set_ambiguous(WIDTH_AMBIGUOUS_WIDE);
	for (int cols = 1; cols <= 100; cols++) {
		shelf_columns(v, 3, cols, &c);
		for (int i = 0; i < 3; i++) {
			r[i] = shelf_row_cols(&v[i], NULL, &c, &at);
			assert_int_equal(width_string(r[i], strlen(r[i])), cols);
			free(r[i]);
		}
	}
	width_set_ambiguous(WIDTH_AMBIGUOUS_NARROW);
}

static void
test_view(void **st)
{
	struct shelf_opts o = { NULL, 300, 240, ANNOT_AUTO };
	struct shelf *s;
	struct shelf_view v;
	char *err;

	assert_int_equal(shelf_load(&s, tmpdir, &o, &err), 0);
	shelf_view_init(&v, s);
	assert_int_equal(v.n, s->n);
	assert_int_equal(shelf_view_current(&v), 0);
	shelf_view_move(&v, 2);
	assert_int_equal(shelf_view_current(&v), 2);
	shelf_view_move(&v, 100);
	assert_int_equal(shelf_view_current(&v), s->n - 1);
	shelf_view_move(&v, -100);
	assert_int_equal(shelf_view_current(&v), 0);
	/* Scrolling keeps the cursor in 3 rows. */
	shelf_view_move(&v, 5);
	shelf_view_fit(&v, 3);
	assert_int_equal(v.top, 3);
	shelf_view_move(&v, -5);
	shelf_view_fit(&v, 3);
	assert_int_equal(v.top, 0);

	/* The filter: typed character by character, erased by one. */
	shelf_view_move(&v, 2);		/* on 10-xianfa.md */
	lineedit_insert(&v.filter, 0x5baa);	/* 宪 */
	shelf_view_refilter(&v);
	assert_int_equal(v.n, 1);
	assert_int_equal(shelf_view_current(&v), 2);
	lineedit_insert(&v.filter, 0x7ae0);	/* 章 */
	shelf_view_refilter(&v);
	assert_int_equal(v.n, 0);
	assert_int_equal(shelf_view_current(&v), (size_t)-1);
	shelf_view_move(&v, 1);		/* nothing to move over */
	lineedit_backspace(&v.filter);
	shelf_view_refilter(&v);
	assert_string_equal(v.filter.buf, "宪");
	assert_int_equal(v.n, 1);
	/* Cleared: every entry, the cursor still on the one it was on. */
	shelf_view_filter_set(&v, "");
	assert_int_equal(v.n, s->n);
	assert_int_equal(shelf_view_current(&v), 2);
	/* File names count, in any case; the cursor goes to the first. */
	shelf_view_filter_set(&v, "TXT");
	assert_int_equal(v.n, 4);
	assert_int_equal(shelf_view_current(&v), 0);
	shelf_view_done(&v);
	shelf_free(s);
}

/* Keys on the shelf: moves, the filter typed (Chinese too), open, quit. */
static void
test_view_keys(void **st)
{
	struct shelf_opts o = { NULL, 300, 240, ANNOT_AUTO };
	struct shelf *s;
	struct shelf_view v;
	char *err;

	assert_int_equal(shelf_load(&s, tmpdir, &o, &err), 0);
	assert_true(s->n >= 4);
	shelf_view_init(&v, s);
	assert_int_equal(keys_shelf(&v, 'j', 10), PAGER_REDRAW);
	assert_int_equal(shelf_view_current(&v), 1);
	keys_shelf(&v, KEYCODE_DOWN, 10);
	keys_shelf(&v, 'k', 10);
	assert_int_equal(shelf_view_current(&v), 1);
	keys_shelf(&v, 'G', 10);
	assert_int_equal(shelf_view_current(&v), s->n - 1);
	keys_shelf(&v, KEYCODE_PGUP, 2);
	assert_int_equal(shelf_view_current(&v), s->n - 3);
	keys_shelf(&v, 'g', 10);
	assert_int_equal(shelf_view_current(&v), 0);
	assert_int_equal(keys_shelf(&v, 'x', 10), PAGER_NONE);
	assert_int_equal(keys_shelf(&v, KEYCODE_ENTER, 10), PAGER_OPEN);

	/* '/', then q and 0x5baa (宪) are text, not commands. */
	assert_int_equal(keys_shelf(&v, '/', 10), PAGER_REDRAW);
	assert_true(v.filtering);
	assert_int_equal(keys_shelf(&v, 0x5baa, 10), PAGER_REDRAW);
	assert_string_equal(v.filter.buf, "宪");
	assert_int_equal(v.n, 1);
	assert_int_equal(keys_shelf(&v, 'q', 10), PAGER_REDRAW);
	assert_string_equal(v.filter.buf, "宪q");
	assert_int_equal(v.n, 0);
	assert_int_equal(keys_shelf(&v, KEYCODE_ENTER, 10), PAGER_REDRAW);
	assert_false(v.filtering);		/* nothing to open */
	keys_shelf(&v, '/', 10);
	keys_shelf(&v, KEYCODE_BACKSPACE, 10);
	assert_string_equal(v.filter.buf, "宪");
	assert_int_equal(keys_shelf(&v, KEYCODE_ENTER, 10), PAGER_OPEN);
	assert_false(v.filtering);
	assert_string_equal(v.filter.buf, "宪");	/* kept after Enter */
	assert_int_equal(keys_shelf(&v, KEYCODE_ESC, 10), PAGER_REDRAW);
	assert_string_equal(v.filter.buf, "");
	assert_int_equal(v.n, s->n);
	/* Backspace on an empty filter leaves the filter line. */
	keys_shelf(&v, '/', 10);
	keys_shelf(&v, 0x7f, 10);
	assert_false(v.filtering);
	assert_int_equal(keys_shelf(&v, 'q', 10), PAGER_QUIT);
	/* Issue 11: counts (3j) and h (help) on the shelf. */
	keys_shelf(&v, 'g', 10);
	assert_int_equal(keys_shelf(&v, '3', 10), PAGER_REDRAW);
	assert_int_equal(v.count, 3);
	keys_shelf(&v, 'j', 10);
	assert_int_equal(shelf_view_current(&v), 3);
	assert_int_equal(v.count, 0);
	keys_shelf(&v, '2', 10);
	keys_shelf(&v, 'g', 10);		/* 2g: the second */
	assert_int_equal(shelf_view_current(&v), 1);
	assert_int_equal(keys_shelf(&v, 'h', 10), PAGER_REDRAW);
	assert_true(v.help_open);
	keys_shelf(&v, 'j', 10);		/* scrolls the help */
	assert_int_equal(v.help_top, 1);
	assert_int_equal(shelf_view_current(&v), 1);
	keys_shelf(&v, 'q', 10);		/* closes it, not the shelf */
	assert_false(v.help_open);
	/* The filter edits in the middle: ← and Home. */
	keys_shelf(&v, '/', 10);
	keys_shelf(&v, 0x6cd5, 10);		/* 法 */
	keys_shelf(&v, KEYCODE_HOME, 10);
	keys_shelf(&v, 0x5baa, 10);		/* 宪 */
	assert_string_equal(v.filter.buf, "宪法");
	keys_shelf(&v, KEYCODE_CTRL('u'), 10);
	assert_string_equal(v.filter.buf, "法");
	shelf_view_done(&v);
	shelf_free(s);
}

/* A web page's progress: its place is kept in its source's offsets, as
 * the reader keeps it, and the shelf reads it so. */
static void
test_progress_page(void **st)
{
	char *dir = xasprintf("%s-pages", tmpdir), *state =
	    xasprintf("%s-pages-state", tmpdir), *err, *warn, *path;
	struct shelf_opts o = { state, 300, 240, ANNOT_AUTO };
	struct shelf *s;
	struct state_place p;
	struct doc *doc;
	FILE *f;

	assert_int_equal(mkdir(dir, 0700), 0);
	path = xasprintf("%s/page.html", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("<html><head><title>网页</title></head><body><h1>标题</h1>", f);
	for (int i = 0; i < 40; i++)
		fputs("<p>这是网页的一段正文，用来计算读到了哪里。</p>\n", f);
	fputs("</body></html>\n", f);
	fclose(f);
	assert_int_equal(doc_open(&doc, path, &err), DOC_OK);
	state_place_init(&p);
	p.top_off = doc->len / 4;
	p.seen_off = doc->len / 2;
	assert_int_equal(state_save(state, doc, &p, &warn), 0);
	assert_int_equal(shelf_load(&s, dir, &o, &err), 0);
	assert_int_equal(s->n, 1);
	assert_string_equal(s->v[0].title, "网页");
	assert_int_equal(s->v[0].progress_pct, 50);
	shelf_free(s);
	doc_free(doc);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
	free(state);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_listing),
		cmocka_unit_test(test_rates),
		cmocka_unit_test(test_progress),
		cmocka_unit_test(test_progress_pct),
		cmocka_unit_test(test_progress_page),
		cmocka_unit_test(test_filter),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_row),
		cmocka_unit_test(test_title_parse),
		cmocka_unit_test(test_columns),
		cmocka_unit_test(test_view),
		cmocka_unit_test(test_view_keys),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
