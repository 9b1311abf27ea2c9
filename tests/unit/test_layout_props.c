/*
 * Layout properties on real files at every width from 1 to 80, with
 * ambiguous characters narrow and wide and annotations shown and hidden:
 * no row wider than W (measured here, cluster by cluster), no row that
 * starts with closing punctuation, no cluster split, no annotation torn
 * from its character, and nothing lost or duplicated.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/annot.h"
#include "yuedu/doc.h"
#include "yuedu/layout.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

static const char *const prop_files[] = {
	"000_4230cdcea687e942.txt",		/* the sample article */
	"hongloumeng_simp_crlf_excerpt.txt",	/* a novel, CRLF, tabs */
	"antd_README-zh_CN.md",			/* a Markdown README */
	"rashomon_ja.txt",			/* Japanese prose */
	"unsu_joh_eun_nal_ko.txt",		/* Korean prose */
	"emoji_test_lines.txt",			/* every emoji of 15.0 */
};

/* Bad input, in memory: controls, ESC sequences, invalid bytes, tabs. */
static const char prop_hard[] =
    "\x1B[31m紅色\x1B[0m的字，\x07響鈴\x7F，\xC2\x9B" "1m，C1。\n"
    "壞字節\xFF\xFE\xFD在這裡，截斷\xE4\xB8，再來\xED\xA0\x80。\n"
    "\t表格\t第二欄\t第三欄\t\t結束\n"
    "網(wǎng)經(jīng)社訊（zhàn）戰(zhàn)役(DR.100EC.CN)結(jié)構(gòu)。\n"
    "中文？！」』）】》…，、。；：中文,中文:中文;中文?中文!\n"
    "e\xCC\x81\xCC\x81\xCC\x81 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
    "　　縮進的段落，第二行不再縮進，第三行也不。這是一個很長的句子。\n"
    "    ASCII indent then words words words words words words words\n"
    "“引號”——破折號……省略號·間隔號①②③\n"
    "🇨🇳🇯🇵🇰🇷👨\xE2\x80\x8D👩\xE2\x80\x8D👧👍🏽❤\xEF\xB8\x8F\n";

struct prop_stats {
	size_t lines, rows, forced_starts, wide_alone, torn;
};

/* The first code point of S. */
static uint32_t
first_cp(const char *s, size_t n)
{
	uint32_t cp;

	utf8_decode(s, n, &cp);
	return cp;
}

static void
check_line(struct doc *doc, const struct layout_line *ll, int w,
    enum annot_mode annot, struct prop_stats *stats)
{
	static struct annot_span *spans;
	static size_t span_cap;
	const char *t = doc->text;
	size_t nspans, si = 0, p = ll->off;
	int tail_cols = 0;	/* the last unbreakable unit of a row */

	nspans = annot_find(t + ll->off, ll->end - ll->off, ll->off, &spans,
	    &span_cap);
	assert_true(ll->nrows >= 1);
	stats->lines++;
	for (size_t r = 0; r < ll->nrows; r++) {
		const struct layout_row *row = &ll->rows[r];
		int cols = 0, nclusters = 0, gap_cols = 0, first_cols = 0;
		int prev_tail = tail_cols;

		stats->rows++;
		/* Between rows only spaces may go (dropped at the break). */
		if (r == 0)
			assert_int_equal(row->off, ll->off);
		while (p < row->off) {
			struct width_cluster c;

			width_next_cluster(t + p, ll->end - p, &c);
			if (c.first != ' ')
				fail_msg("line at %zu W=%d: lost U+%04X before "
				    "row %zu", ll->off, w, (unsigned)c.first,
				    r);
			p += c.len;
			gap_cols++;
		}
		if (p != row->off)
			fail_msg("line at %zu W=%d: row %zu starts inside a "
			    "cluster", ll->off, w, r);
		/* The cells cover the row, in order. */
		for (size_t k = 0; k < row->ncells; k++) {
			const struct layout_cell *c = &ll->cells[row->cell + k];
			size_t want = k == 0 ? row->off : c[-1].off + c[-1].tlen;

			assert_int_equal(c->off, want);
		}
		/* Walk the row cluster by cluster, measuring it anew. */
		while (p < row->end) {
			struct width_cluster c;
			int cw;

			while (si < nspans && spans[si].end_off <= p)
				si++;
			if (si < nspans && p == spans[si].open_off &&
			    annot == ANNOT_HIDE) {
				p = spans[si++].end_off;
				continue;
			}
			width_next_cluster(t + p, ll->end - p, &c);
			if (p + c.len > row->end)
				fail_msg("line at %zu W=%d: row %zu splits a "
				    "cluster", ll->off, w, r);
			cw = c.kind == WIDTH_TAB ? width_tab_cols(cols) : c.cols;
			if (c.kind == WIDTH_TAB && cw > w - cols)
				cw = w - cols > 0 ? w - cols : 1;
			/* A unit is a character with its annotation, closing
			 * marks and spaces: no row may start inside it. */
			if ((si < nspans && p >= spans[si].open_off) ||
			    c.first == ' ' || (c.kind == WIDTH_TEXT &&
			    layout_no_start(c.first)))
				tail_cols += cw;
			else
				tail_cols = cw;
			if (nclusters == 0)
				first_cols = cw;
			cols += cw;
			nclusters++;
			p += c.len;
		}
		if (p != row->end)
			fail_msg("line at %zu W=%d: row %zu ends inside",
			    ll->off, w, r);
		assert_int_equal(cols, row->cols);
		/* What reaches the terminal holds no control byte.  A row
		 * of plain text is rendered as its own bytes (as --dump
		 * writes it), so look at those; render the others. */
		{
			size_t n, k;
			const char *out;
			char *mem = NULL;

			for (k = 0; k < row->ncells; k++) {
				if (ll->cells[row->cell + k].kind !=
				    LAYOUT_TEXT)
					break;
			}
			if (k == row->ncells) {
				out = t + row->off;
				n = row->end - row->off;
			} else
				out = mem = layout_row_render(ll, r, &n);

			for (size_t b = 0; b < n; b++) {
				unsigned char u = (unsigned char)out[b];

				if (u < 0x20 || u == 0x7F || (u == 0xC2 &&
				    b + 1 < n && (unsigned char)out[b + 1] >= 0x80
				    && (unsigned char)out[b + 1] < 0xA0))
					fail_msg("line at %zu W=%d: row %zu renders "
					    "a control byte", ll->off, w, r);
			}
			free(mem);
		}
		if (cols > w) {
			/* Only a lone cluster wider than W (a wide character
			 * at W=1, a <9B> at W<4) may pass the edge. */
			if (nclusters != 1)
				fail_msg("line at %zu W=%d: row %zu is %d columns",
				    ll->off, w, r, cols);
			stats->wide_alone++;
		}
		if (r > 0 && row->end > row->off) {
			uint32_t cp = first_cp(t + row->off, ll->end - row->off);

			if (cp == ' ')
				fail_msg("line at %zu W=%d: row %zu starts with "
				    "a space", ll->off, w, r);
			/* A closing mark starts a row only when the unit it
			 * belongs to is wider than the row. */
			if (layout_no_start(cp)) {
				if (prev_tail + gap_cols + first_cols <= w)
					fail_msg("line at %zu W=%d: row %zu "
					    "starts with U+%04X", ll->off, w,
					    r, (unsigned)cp);
				stats->forced_starts++;
			}
		}
	}
	/* After the last row only dropped spaces. */
	while (p < ll->end) {
		struct width_cluster c;

		width_next_cluster(t + p, ll->end - p, &c);
		if (c.first != ' ')
			fail_msg("line at %zu W=%d: lost the end", ll->off, w);
		p += c.len;
	}
	/* An annotation shares a row with its character and is whole,
	 * unless, shown, the two are wider than the row. */
	for (size_t k = 0; k < nspans; k++) {
		size_t r = layout_row_of(ll, spans[k].han_off);

		if (spans[k].end_off <= ll->rows[r].end)
			continue;
		if (annot == ANNOT_SHOW && width_string(t + spans[k].han_off,
		    spans[k].end_off - spans[k].han_off) > w) {
			stats->torn++;
			continue;
		}
		fail_msg("line at %zu W=%d %s: annotation at %zu torn (row %zu "
		    "%zu..%zu)", ll->off, w, annot_mode_name(annot),
		    spans[k].han_off, r, ll->rows[r].off, ll->rows[r].end);
	}
}

static void
check_doc(struct doc *doc, const char *name)
{
	struct prop_stats stats = { 0 };
	struct layout_line ll = { 0 };
	static const enum annot_mode modes[] = { ANNOT_SHOW, ANNOT_HIDE };

	for (int amb = 0; amb < 2; amb++) {
		width_set_ambiguous(amb ? WIDTH_AMBIGUOUS_WIDE :
		    WIDTH_AMBIGUOUS_NARROW);
		for (size_t m = 0; m < 2; m++) {
			for (int w = 1; w <= 80; w++) {
				struct layout_opts lo = { w, modes[m], NULL, 0, LAYOUT_PARA_ASIS };
				struct layout *lay = layout_new(doc, &lo);

				for (size_t line = 0; doc_has_line(doc, line);
				    line++) {
					layout_line_into(lay, line, &ll);
					check_line(doc, &ll, w, modes[m],
					    &stats);
				}
				layout_free(lay);
			}
		}
	}
	width_set_ambiguous(WIDTH_AMBIGUOUS_NARROW);
	layout_line_done(&ll);
	printf("%-36s %7zu lines %8zu rows; closing marks forced to a row "
	    "start %zu, lone clusters wider than W %zu, annotations wider "
	    "than W %zu\n", name, stats.lines, stats.rows,
	    stats.forced_starts, stats.wide_alone, stats.torn);
}

static void
test_files(void **st)
{
	const char *dir = getenv("YUEDU_DATA");

	for (size_t i = 0; i < sizeof prop_files / sizeof prop_files[0];
	    i++) {
		char *path = xasprintf("%s/%s", dir ? dir : "tests/data",
		    prop_files[i]);
		struct doc *doc;
		char *cause;

		if (doc_open(&doc, path, &cause) != DOC_OK)
			fail_msg("%s: %s", path, cause);
		check_doc(doc, prop_files[i]);
		doc_free(doc);
		free(path);
	}
}

static void
test_hard(void **st)
{
	struct doc *doc = doc_new_mem(prop_hard, sizeof prop_hard - 1, "hard");

	check_doc(doc, "(bad input in memory)");
	doc_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hard),
		cmocka_unit_test(test_files),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
