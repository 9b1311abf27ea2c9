/* Long lines laid out by segments (layout_at, layout_next, layout_prev):
 * the pieces cover the line, each segment is laid out as a line of its
 * own would be, the first one as the whole line is, segments start where
 * a row may start, and walking back finds what walking forward found.
 * Small segments (4 KiB) on texts of about 40 KiB: Chinese with closing
 * and opening punctuation, Latin words, and a mix with annotations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/conv.h"
#include "yuedu/doc.h"
#include "yuedu/layout.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"

#define SEG 4096
#define TEXT_BYTES 40000

/* TEXT_BYTES or so of PIECES repeated, chosen by a fixed sequence, with
 * no newline. */
static char *
make_text(const char *const *pieces, size_t n)
{
	size_t cap = TEXT_BYTES + 256, len = 0;
	char *t = xmalloc(cap);
	unsigned x = 12345;

	while (len < TEXT_BYTES) {
		const char *p;

		x = x * 1103515245u + 12345u;
		p = pieces[(x >> 16) % n];
		memcpy(t + len, p, strlen(p));
		len += strlen(p);
	}
	t[len] = '\0';
	return t;
}

static const char *const cjk[] = {
	"他說：「今天天氣很好，", "我們去公園吧。」", "她笑了笑，沒有回答……",
	"《紅樓夢》", "（第一回）", "甄士隱夢幻識通靈，", "賈雨村風塵懷閨秀。",
	"“好了歌”", "！", "？", "、", "也", "這",
};
static const char *const latin[] = {
	"The ", "quick ", "brown ", "fox ", "jumps ", "over ", "the ",
	"lazy ", "dog; ", "extraordinarily ", "a ", "I ", "(well) ",
	"internationalization ", "\"quoted\" ", "e.g. ", "x, ",
};
static const char *const mixed[] = {
	"阿里巴巴", "網(wǎng)", "經社", "AI ", "2024年", "的", "“云计算”",
	"，", "。", "Linux ", "內核(kernel)", "（注）", "中文 English ",
};

static const char *const annotated[] = {
	"網(wǎng)", "經(jīng)", "社(shè)", "。",
};

struct piece {
	size_t off, end, nrows;
	int first, last;
};

/* The pieces of line 0 of LAY walking forward, into V (at most MAX). */
static size_t
walk_forward(struct layout *lay, struct piece *v, size_t max)
{
	const struct layout_line *ll = layout_at(lay, 0);
	size_t n = 0;

	while (ll != NULL) {
		assert_true(n < max);
		v[n].off = ll->off;
		v[n].end = ll->end;
		v[n].nrows = ll->nrows;
		v[n].first = ll->seg_first;
		v[n].last = ll->seg_last;
		n++;
		ll = layout_next(lay, ll);
	}
	return n;
}

/* The rows of a line of its own holding T[A, B), compared with LL's. */
static void
same_as_own_line(const char *t, size_t a, size_t b,
    const struct layout_line *ll, int w, struct conv *cv)
{
	struct doc *d = doc_new_mem(t + a, b - a, "piece");
	struct layout_opts lo = { w, ANNOT_HIDE, cv, 0, LAYOUT_PARA_ASIS };
	struct layout *own = layout_new(d, &lo);
	const struct layout_line *ol = layout_at(own, 0);

	assert_true(ol->seg_first && ol->seg_last);
	assert_int_equal(ol->nrows, ll->nrows);
	for (size_t r = 0; r < ll->nrows; r++) {
		assert_int_equal(ol->rows[r].off + a, ll->rows[r].off);
		assert_int_equal(ol->rows[r].end + a, ll->rows[r].end);
		assert_int_equal(ol->rows[r].cols, ll->rows[r].cols);
	}
	layout_free(own);
	doc_free(d);
}

static void
check_text(const char *t, int w, struct conv *cv)
{
	size_t len = strlen(t), n, m, total = 0, cuts;
	struct doc *doc = doc_new_mem(t, len, "long");
	struct layout_opts lo = { w, ANNOT_HIDE, cv, 0, LAYOUT_PARA_ASIS };
	struct layout *lay = layout_new(doc, &lo);
	struct layout *whole = layout_new(doc, &lo);
	struct piece fw[64], bw[64];
	const struct layout_line *ll, *wl;

	layout_set_seg_bytes(lay, SEG);
	layout_set_seg_bytes(whole, (size_t)1 << 30);
	n = walk_forward(lay, fw, 64);
	/* Pieces: contiguous, about a segment each, the first and last
	 * marked. */
	assert_true(n >= TEXT_BYTES / SEG - 1);
	assert_int_equal(fw[0].off, 0);
	assert_true(fw[0].first);
	assert_true(fw[n - 1].last);
	assert_int_equal(fw[n - 1].end, len);
	for (size_t i = 0; i < n; i++) {
		assert_true(fw[i].end - fw[i].off <= SEG + SEG / 4);
		assert_true(fw[i].end > fw[i].off);
		if (i + 1 < n) {
			assert_int_equal(fw[i].end, fw[i + 1].off);
			assert_false(fw[i].last);
			assert_false(fw[i + 1].first);
		}
		total += fw[i].nrows;
	}
	/* Each segment is laid out as a line of its own: its rows, no row
	 * starting with closing punctuation, no cut in an annotation. */
	for (size_t i = 0; i < n; i++) {
		ll = layout_at(lay, fw[i].off);
		assert_int_equal(ll->off, fw[i].off);
		assert_true(t[ll->off] != ' ');
		/* Not in an annotation, nor between it and its character. */
		for (size_t k = 0; k < 7 && k <= ll->off; k++) {
			assert_false(strncmp(t + ll->off - k, "(wǎng)", 7) == 0);
			assert_false(strncmp(t + ll->off - k, "(jīng)", 7) == 0);
		}
		if (!ll->seg_first) {
			/* (Rows inside may: a run of 。」？ wider than W.) */
			const struct layout_cell *c = &ll->cells[0];

			assert_true(ll->ncells > 0);
			if (c->kind == LAYOUT_TEXT && layout_no_start(c->first))
				fail_msg("W=%d segment %zu starts with U+%04X",
				    w, i, (unsigned)c->first);
		}
		if (cv == NULL)
			same_as_own_line(t, fw[i].off, fw[i].end, ll, w, cv);
	}
	/* The first segment's rows are the whole line's, but its last. */
	wl = layout_at(whole, 0);
	assert_true(wl->seg_first && wl->seg_last);
	m = wl->nrows;
	ll = layout_at(lay, 0);
	assert_true(ll->nrows > 2);
	for (size_t r = 0; r + 1 < ll->nrows; r++) {
		assert_int_equal(ll->rows[r].off, wl->rows[r].off);
		assert_int_equal(ll->rows[r].end, wl->rows[r].end);
	}
	/* A cut costs at most a short row: never fewer rows, at most one
	 * more per cut. */
	cuts = n - 1;
	assert_true(total >= m);
	assert_true(total <= m + cuts);
	/* Back from the end: the same pieces. */
	ll = layout_at(lay, len);
	m = 0;
	while (ll != NULL) {
		bw[m].off = ll->off;
		bw[m].end = ll->end;
		bw[m].nrows = ll->nrows;
		m++;
		ll = layout_prev(lay, ll);
	}
	assert_int_equal(m, n);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(bw[n - 1 - i].off, fw[i].off);
		assert_int_equal(bw[n - 1 - i].end, fw[i].end);
		assert_int_equal(bw[n - 1 - i].nrows, fw[i].nrows);
	}
	/* Any byte finds its piece directly. */
	for (size_t off = 0, i = 0; off < len; off += 997) {
		while (fw[i].end <= off)
			i++;
		ll = layout_at(lay, off);
		assert_int_equal(ll->off, fw[i].off);
		assert_int_equal(ll->end, fw[i].end);
	}
	layout_free(whole);
	layout_free(lay);
	doc_free(doc);
}

static void
test_cjk(void **st)
{
	char *t = make_text(cjk, sizeof cjk / sizeof cjk[0]);
	static const int ws[] = { 7, 20, 41, 80 };

	(void)st;
	for (size_t i = 0; i < sizeof ws / sizeof ws[0]; i++)
		check_text(t, ws[i], NULL);
	free(t);
}

static void
test_latin(void **st)
{
	char *t = make_text(latin, sizeof latin / sizeof latin[0]);
	static const int ws[] = { 7, 20, 41, 80 };

	(void)st;
	for (size_t i = 0; i < sizeof ws / sizeof ws[0]; i++)
		check_text(t, ws[i], NULL);
	free(t);
}

static void
test_mixed(void **st)
{
	char *t = make_text(mixed, sizeof mixed / sizeof mixed[0]);
	static const int ws[] = { 7, 20, 41, 80 };

	(void)st;
	for (size_t i = 0; i < sizeof ws / sizeof ws[0]; i++)
		check_text(t, ws[i], NULL);
	free(t);
}

/* Annotations everywhere: no segment starts inside one or between it
 * and its character (UAX #14 alone would allow a break before "("). */
static void
test_annotated(void **st)
{
	char *t = make_text(annotated, sizeof annotated / sizeof annotated[0]);

	(void)st;
	check_text(t, 20, NULL);
	check_text(t, 41, NULL);
	free(t);
}

/* The script view converts segment by segment. */
static void
test_script_view(void **st)
{
	char *t = make_text(cjk, sizeof cjk / sizeof cjk[0]);
	char *err = NULL;
	struct conv *cv = conv_new(CONV_SIMPLIFIED, &err);

	(void)st;
	assert_non_null(cv);
	check_text(t, 40, cv);
	conv_free(cv);
	free(t);
}

/* Short lines around a long one are whole pieces, as before; the long
 * one is cut, and a terminator belongs to the line it ends. */
static void
test_lines_around(void **st)
{
	char *long_line = make_text(latin, sizeof latin / sizeof latin[0]);
	size_t ll_len = strlen(long_line), cap = ll_len + 64, len = 0;
	char *t = xmalloc(cap);
	struct doc *doc;
	struct layout_opts lo = { 30, ANNOT_HIDE, NULL, 0, LAYOUT_PARA_ASIS };
	struct layout *lay;
	struct piece v[64];
	size_t n;

	(void)st;
	memcpy(t, "first\r\n", 7);
	len = 7;
	memcpy(t + len, long_line, ll_len);
	len += ll_len;
	memcpy(t + len, "\nlast\n", 6);
	len += 6;
	doc = doc_new_mem(t, len, "t");
	lay = layout_new(doc, &lo);
	layout_set_seg_bytes(lay, SEG);
	n = walk_forward(lay, v, 64);
	assert_true(n > 3);
	assert_int_equal(v[0].off, 0);
	assert_int_equal(v[0].end, 5);
	assert_true(v[0].first && v[0].last);
	assert_int_equal(v[1].off, 7);
	assert_true(v[1].first && !v[1].last);
	assert_true(v[n - 2].last && !v[n - 2].first);
	assert_int_equal(v[n - 2].end, 7 + ll_len);
	assert_int_equal(v[n - 1].off, 8 + ll_len);
	assert_int_equal(v[n - 1].end, len - 1);
	/* "\r\n" and the final "\n" belong to the lines they end. */
	assert_int_equal(layout_at(lay, 6)->off, 0);
	assert_int_equal(layout_at(lay, len)->off, 8 + ll_len);
	assert_int_equal(layout_at(lay, 7 + ll_len)->off, v[n - 2].off);
	assert_int_equal(layout_prev(lay, layout_at(lay, 7))->off, 0);
	layout_free(lay);
	doc_free(doc);
	free(t);
	free(long_line);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cjk),
		cmocka_unit_test(test_latin),
		cmocka_unit_test(test_mixed),
		cmocka_unit_test(test_annotated),
		cmocka_unit_test(test_script_view),
		cmocka_unit_test(test_lines_around),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
