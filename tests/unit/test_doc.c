/* The document: BOM, line ends, empty input, the lazy line index, opening
 * files (mapped, never written) and the errors a user sees. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "yuedu/doc.h"
#include "yuedu/util.h"

/* The lines of DOC joined with '|', e.g. "a|b|" for "a\nb\n\n". */
static char *
lines_of(struct doc *doc)
{
	size_t n = doc_line_count(doc), cap = 0, len = 0;
	char *out = xgrow(NULL, &cap, 1, 1);

	for (size_t i = 0; i < n; i++) {
		size_t a = doc_line_start(doc, i), b = doc_line_end(doc, i);

		assert_true(a <= b);
		assert_true(b <= doc->len);
		out = xgrow(out, &cap, len + (b - a) + 2, 1);
		if (i > 0)
			out[len++] = '|';
		memcpy(out + len, doc->text + a, b - a);
		len += b - a;
	}
	out[len] = '\0';
	return out;
}

static void
test_line_ends(void **st)
{
	static const struct {
		const char *text;
		size_t nlines;
		const char *lines;
	} cases[] = {
		{ "", 0, "" },
		{ "a", 1, "a" },				/* no final newline */
		{ "a\n", 1, "a" },
		{ "a\n\n", 2, "a|" },
		{ "\n", 1, "" },
		{ "\n\n", 2, "|" },
		{ "a\nb", 2, "a|b" },
		{ "a\r\nb\r\n", 2, "a|b" },			/* CRLF */
		{ "a\rb\r", 2, "a|b" },				/* CR */
		{ "a\nb\r\nc\rd", 4, "a|b|c|d" },		/* mixed */
		{ "a\r\r\nb", 3, "a||b" },			/* CR, CRLF */
		{ "a\n\rb", 3, "a||b" },			/* LF, CR */
		{ "\r\n\r\n", 2, "|" },
		{ "第一行\r\n第二行", 2, "第一行|第二行" },
		{ "a\0b\nc", 2, "a\0b|c" },			/* NUL is text */
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t len = strlen(cases[i].text);
		struct doc *doc;
		char *got;

		if (i == sizeof cases / sizeof cases[0] - 1)
			len = 5;
		doc = doc_new_mem(cases[i].text, len, "t");
		assert_int_equal(doc_line_count(doc), cases[i].nlines);
		got = lines_of(doc);
		if (i == sizeof cases / sizeof cases[0] - 1)
			assert_memory_equal(got, "a\0b|c", 5);
		else if (strcmp(got, cases[i].lines) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, got,
			    cases[i].lines);
		free(got);
		doc_free(doc);
	}
}

static void
test_bom(void **st)
{
	struct doc *doc = doc_new_mem("\xEF\xBB\xBF中文\n", 10, "t");

	assert_int_equal(doc->len, 7);
	assert_memory_equal(doc->text, "中文\n", 7);
	assert_int_equal(doc_line_count(doc), 1);
	assert_int_equal(doc_line_end(doc, 0), 6);
	doc_free(doc);
	/* A BOM alone is an empty document. */
	doc = doc_new_mem("\xEF\xBB\xBF", 3, "t");
	assert_int_equal(doc->len, 0);
	assert_int_equal(doc_line_count(doc), 0);
	doc_free(doc);
	/* Only a leading BOM is dropped. */
	doc = doc_new_mem("a\xEF\xBB\xBF", 4, "t");
	assert_int_equal(doc->len, 4);
	doc_free(doc);
}

static void
test_lazy_index(void **st)
{
	size_t n = 100000, len = 0;
	char *buf = xmalloc(n * 8);
	struct doc *doc;

	for (size_t i = 0; i < n; i++)
		len += (size_t)sprintf(buf + len, "%06zu\n", i);
	doc = doc_new_mem(buf, len, "t");
	free(buf);
	/* Asking for line 10 indexes a little, not the whole text. */
	assert_true(doc_has_line(doc, 10));
	assert_true(doc_lines_known(doc) < 1000);
	assert_false(doc_index_complete(doc));
	assert_memory_equal(doc->text + doc_line_start(doc, 10), "000010", 6);
	assert_int_equal(doc_line_end(doc, 10) - doc_line_start(doc, 10), 6);
	/* doc_line_of goes as far as the offset. */
	assert_int_equal(doc_line_of(doc, 7 * 500 + 3), 500);
	assert_false(doc_index_complete(doc));
	assert_false(doc_has_line(doc, n));
	assert_true(doc_index_complete(doc));
	assert_int_equal(doc_line_count(doc), n);
	assert_int_equal(doc_line_of(doc, len + 10), n - 1);
	assert_int_equal(doc_line_start(doc, n - 1), 7 * (n - 1));
	doc_free(doc);
}

/* Line ends are found a window (1 MiB) at a time: lines longer than a
 * window, ends across window edges, a big file with CR ends only. */
static void
test_long_lines(void **st)
{
	size_t big = 2621440, len, n = 300000;
	char *buf = xmalloc(big + 64);
	struct doc *doc;

	memset(buf, 'a', big);
	len = big;
	memcpy(buf + len, "\rb\r\nc\nd", 7);
	len += 7;
	doc = doc_new_mem(buf, len, "t");
	assert_int_equal(doc_line_count(doc), 4);
	assert_int_equal(doc_line_end(doc, 0), big);
	assert_int_equal(doc_line_start(doc, 1), big + 1);
	assert_int_equal(doc_line_end(doc, 1), big + 2);
	assert_int_equal(doc_line_start(doc, 2), big + 4);
	assert_int_equal(doc_line_start(doc, 3), big + 6);
	assert_int_equal(doc_line_end(doc, 3), len);
	doc_free(doc);
	free(buf);

	/* 300000 lines ending in CR alone: linear, not one search of the
	 * whole rest of the file per line. */
	buf = xmalloc(3 * n);
	for (size_t i = 0; i < n; i++)
		memcpy(buf + 3 * i, "ab\r", 3);
	doc = doc_new_mem(buf, 3 * n, "t");
	assert_int_equal(doc_line_count(doc), n);
	assert_int_equal(doc_line_start(doc, n - 1), 3 * (n - 1));
	assert_int_equal(doc_line_end(doc, n - 1), 3 * n - 1);
	doc_free(doc);
	/* The same with LF: the '\r' search must not rescan either. */
	for (size_t i = 0; i < n; i++)
		buf[3 * i + 2] = '\n';
	doc = doc_new_mem(buf, 3 * n, "t");
	assert_int_equal(doc_line_count(doc), n);
	doc_free(doc);
	free(buf);
}

static void
test_line_of(void **st)
{
	struct doc *doc = doc_new_mem("ab\r\ncd\n\nef", 10, "t");

	assert_int_equal(doc_line_of(doc, 0), 0);
	assert_int_equal(doc_line_of(doc, 3), 0);	/* the LF of CRLF */
	assert_int_equal(doc_line_of(doc, 4), 1);
	assert_int_equal(doc_line_of(doc, 7), 2);
	assert_int_equal(doc_line_of(doc, 8), 3);
	assert_int_equal(doc_line_of(doc, 9), 3);
	doc_free(doc);
}

#include "testutil.h"


static void
test_open(void **st)
{
	struct doc *doc;
	char *cause, *path, *missing;
	struct stat before, after;

	path = tmpdir_write("a.txt", "\xEF\xBB\xBF甲\r\n乙", 11);
	assert_int_equal(stat(path, &before), 0);
	assert_int_equal(doc_open(&doc, path, &cause), DOC_OK);
	assert_null(cause);
	assert_true(doc->mapped);
	assert_string_equal(doc->name, path);
	assert_int_equal(doc->len, 8);
	assert_int_equal(doc_line_count(doc), 2);
	assert_int_equal(doc_line_end(doc, 0), 3);
	doc_free(doc);
	assert_int_equal(stat(path, &after), 0);
	assert_int_equal(before.st_mtime, after.st_mtime);
	assert_int_equal(before.st_size, after.st_size);
	free(path);

	/* An empty file opens, with no lines. */
	path = tmpdir_write("empty.txt", "", 0);
	assert_int_equal(doc_open(&doc, path, &cause), DOC_OK);
	assert_int_equal(doc->len, 0);
	assert_int_equal(doc_line_count(doc), 0);
	assert_false(doc_has_line(doc, 0));
	doc_free(doc);
	free(path);

	/* A directory, a missing file. */
	assert_int_equal(doc_open(&doc, tmpdir, &cause), DOC_ERR_DIR);
	assert_null(doc);
	assert_string_equal(cause, "Is a directory");
	free(cause);
	missing = xasprintf("%s/nope.txt", tmpdir);
	assert_int_equal(doc_open(&doc, missing, &cause), DOC_ERR_OPEN);
	assert_null(doc);
	assert_string_equal(cause, "No such file or directory");
	free(cause);
	free(missing);
}

static void
test_replace(void **st)
{
	struct doc *doc = doc_new_mem("x\ny\nz", 5, "t");
	char *t = xstrdup("甲\n乙");

	assert_int_equal(doc_line_count(doc), 3);
	doc_replace_text(doc, t, strlen(t), "GB18030");
	assert_string_equal(doc->encoding, "GB18030");
	assert_int_equal(doc_line_count(doc), 2);
	assert_int_equal(doc_line_start(doc, 1), 4);
	doc_free(doc);
}

/*
 * The background index gives the same answers as indexing on demand:
 * near lines at once, far ones (the line of a byte near the end, the
 * count) from the thread; freeing while it runs is safe.
 */
static void
test_background(void **st)
{
	size_t n = 12u << 20, lines = 0;
	char *buf = malloc(n);
	struct doc *doc, *ref;

	for (size_t i = 0; i < n; i++) {
		/* Lines of varying length, with CRLF and lone CR too. */
		buf[i] = "abc\n中\r\nxyzw\r"[(i * 7 + i / 13) % 13];
	}
	ref = doc_new_mem(buf, n, "ref");
	lines = doc_line_count(ref);
	doc = doc_new_mem(buf, n, "bg");
	doc_index_background(doc);
	assert_int_equal(doc_line_start(doc, 3), doc_line_start(ref, 3));
	assert_int_equal(doc_line_of(doc, n - 5), doc_line_of(ref, n - 5));
	assert_int_equal(doc_line_count(doc), lines);
	assert_int_equal(doc_line_start(doc, lines / 2),
	    doc_line_start(ref, lines / 2));
	assert_int_equal(doc_line_end(doc, lines - 1),
	    doc_line_end(ref, lines - 1));
	doc_free(doc);
	doc = doc_new_mem(buf, n, "bg2");
	doc_index_background(doc);
	doc_free(doc);		/* while the thread may still run */
	doc_free(ref);
	free(buf);
}

/*
 * Letting pages go never changes the text: a mapped file reads back the
 * same after doc_drop_range() (from a view too), and text on the heap is
 * left alone (dropping its pages would zero them).
 */
static void
test_drop_range(void **st)
{
	size_t n = 3u << 20;
	char *buf = malloc(n), *path, *cause;
	struct doc *doc, *view, *mem;

	for (size_t i = 0; i < n; i++)
		buf[i] = (char)('a' + i * 31 % 26);
	path = tmpdir_write("big.txt", buf, n);
	assert_int_equal(doc_open(&doc, path, &cause), DOC_OK);
	view = doc_new_view(doc);
	assert_memory_equal(doc->text, buf, n);
	doc_drop_range(doc, 0, n);
	assert_memory_equal(doc->text, buf, n);
	doc_drop_range(view, 4096 + 17, n - 5000);
	assert_memory_equal(view->text, buf, n);
	mem = doc_new_mem(buf, n, "mem");
	doc_drop_range(mem, 0, n);
	assert_memory_equal(mem->text, buf, n);
	doc_free(mem);
	doc_free(view);
	doc_free(doc);
	free(path);
	free(buf);
}

/* The line of an offset when known, without indexing far: a question
 * near what is indexed is answered; one far past it (the end of a big
 * text) says "not yet" at once, and the scan goes on a few MB per
 * question; inside a long line the answer comes before its end. */
static void
test_line_known(void **st)
{
	size_t big = (size_t)20 << 20, n = 2 + big + 4, line = 99, calls = 0;
	char *buf = xmalloc(n);
	struct doc *doc;

	(void)st;
	memcpy(buf, "a\n", 2);
	memset(buf + 2, 'x', big);
	memcpy(buf + 2 + big, "\nb\rc", 4);
	doc = doc_new_mem(buf, n, "t");
	assert_int_equal(doc_line_known(doc, 0, &line), 1);
	assert_int_equal(line, 0);
	assert_int_equal(doc_line_known(doc, 1, &line), 1);	/* its '\n' */
	assert_int_equal(line, 0);
	assert_int_equal(doc_line_known(doc, 2 << 20, &line), 1);
	assert_int_equal(line, 1);	/* inside the long line, before its end */
	/* The end: not at once, but after a few questions. */
	assert_int_equal(doc_line_known(doc, n - 1, &line), 0);
	assert_false(doc_index_complete(doc));
	while (!doc_line_known(doc, n - 1, &line)) {
		assert_true(++calls < 10);
	}
	assert_true(calls >= 2);
	assert_int_equal(line, 3);
	assert_int_equal(doc_line_known(doc, n - 3, &line), 1);
	assert_int_equal(line, 2);
	doc_free(doc);
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_lazy_index),
		cmocka_unit_test(test_long_lines),
		cmocka_unit_test(test_line_of),
		cmocka_unit_test(test_line_known),
		cmocka_unit_test_setup_teardown(test_open, tmpdir_setup,
		    tmpdir_teardown),
		cmocka_unit_test(test_replace),
		cmocka_unit_test(test_background),
		cmocka_unit_test_setup_teardown(test_drop_range, tmpdir_setup,
		    tmpdir_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
