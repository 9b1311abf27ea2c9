/* Words and readings: the segmentation of a sentence, the polyphones the
 * issue names, traditional text, the tone changes of 一 and 不, the
 * polyphone set (tests/data/polyphones.tsv, at least 99% of characters
 * right) and the sample article's own annotations (all reproduced). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/annot.h"
#include "yuedu/lexicon.h"
#include "yuedu/segment.h"
#include "yuedu/util.h"

static struct lexicon *
lex(void)
{
	enum lexicon_status st;
	struct lexicon *l = lexicon_get(&st);

	assert_non_null(l);
	assert_int_equal(st, LEXICON_OK);
	return l;
}

/* The words of S joined by '/'.  Caller frees. */
static char *
words_of(const char *s)
{
	struct segment_word *w = NULL;
	size_t cap = 0, n = segment_words(lex(), s, strlen(s), 0, &w, &cap);
	char *out = xcalloc(strlen(s) * 2 + 2, 1);

	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(out, "/");
		strncat(out, s + w[i].off, w[i].end - w[i].off);
	}
	free(w);
	return out;
}

/* The readings of S joined by ' '.  Caller frees. */
static char *
readings_of(const char *s)
{
	struct segment_reading *r = NULL;
	size_t cap = 0, n = segment_readings(lex(), s, strlen(s), 0, &r, &cap);
	char *out = xcalloc(n * 8 + 1, 1);

	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(out, " ");
		strcat(out, r[i].syl);
	}
	free(r);
	return out;
}

static void
check_words(const char *s, const char *want)
{
	char *got = words_of(s);
	assert_string_equal(got, want);
	free(got);
}

static void
check_readings(const char *s, const char *want)
{
	char *got = readings_of(s);
	assert_string_equal(got, want);
	free(got);
}

static void
test_words(void **st)
{
	(void)st;
	check_words("我去银行找行长还钱。", "我/去/银行/找/行长/还钱");
	check_words("銀行行長說不要還錢", "銀行行長/說/不要/還錢");
	/* Letters and digits are words of their own; punctuation is none. */
	check_words("用AI技术, 2024年", "用/AI/技术/2024/年");
	check_words("", "");
	check_words("。，！", "");
}

static void
test_polyphones(void **st)
{
	(void)st;
	check_readings("银行", "yín háng");
	check_readings("行长", "háng zhǎng");
	check_readings("长大", "zhǎng dà");
	check_readings("还钱", "huán qián");
	check_readings("他还没有回来", "tā hái méi yǒu huí lái");
	check_readings("銀行行長還錢", "yín háng háng zhǎng huán qián");
	check_readings("乾隆", "qián lóng");
	/* Non-Han text has no readings; a Han character among it has. */
	check_readings("AI行", "xíng");
}

static void
test_sandhi(void **st)
{
	(void)st;
	check_readings("不去", "bú qù");
	check_readings("不来", "bù lái");
	check_readings("一天", "yì tiān");
	check_readings("一个", "yí gè");
	check_readings("第一", "dì yī");
	check_readings("行不行", "xíng bu xíng");
	check_readings("看一看", "kàn yi kàn");
	check_readings("一", "yī");
}

static void
test_pinyin_match(void **st)
{
	const char *s = "银行";
	const char *t = "諸葛亮";
	(void)st;
	assert_int_equal(segment_pinyin_match(lex(), s, strlen(s), "yinhang", 7), 6);
	assert_int_equal(segment_pinyin_match(lex(), "銀行", 6, "yinhang", 7), 6);
	assert_int_equal(segment_pinyin_match(lex(), t, strlen(t), "zhuge", 5), 6);
	assert_int_equal(segment_pinyin_match(lex(), s, strlen(s), "yinh", 4), 0);
	assert_int_equal(segment_pinyin_match(lex(), s, strlen(s), "yang", 4), 0);
	/* 长 is cháng or zhǎng: either spelling finds it. */
	assert_int_equal(segment_pinyin_match(lex(), "长", 3, "zhang", 5), 3);
	assert_int_equal(segment_pinyin_match(lex(), "长", 3, "chang", 5), 3);
	assert_int_equal(segment_pinyin_match(lex(), "绿", 3, "lv", 2), 3);
}

static void
test_define(void **st)
{
	struct lexicon_entry *e;
	size_t n;
	(void)st;

	n = lexicon_define(lex(), "银行", strlen("银行"), &e);
	assert_true(n >= 1);
	assert_string_equal(e[0].simp, "银行");
	assert_string_equal(e[0].trad, "銀行");
	assert_string_equal(e[0].pinyin, "yín háng");
	assert_non_null(strstr(e[0].senses, "bank"));
	lexicon_entries_free(e, n);
	/* The traditional headword finds the same entry. */
	n = lexicon_define(lex(), "銀行", strlen("銀行"), &e);
	assert_true(n >= 1);
	assert_string_equal(e[0].simp, "银行");
	lexicon_entries_free(e, n);
	/* 行 has several entries (xíng, háng ...). */
	n = lexicon_define(lex(), "行", 3, &e);
	assert_true(n >= 2);
	lexicon_entries_free(e, n);
	n = lexicon_define(lex(), "银行x", strlen("银行x"), &e);
	assert_int_equal(n, 0);
	assert_null(e);
}

/* Tally of characters right and all over one polyphone line. */
static void
polyphone_line(char *line, size_t *right, size_t *all)
{
	char *tab = strchr(line, '\t');
	assert_non_null(tab);
	*tab = '\0';
	char *want = tab + 1;
	want[strcspn(want, "\n")] = '\0';
	struct segment_reading *r = NULL;
	size_t cap = 0, n = segment_readings(lex(), line, strlen(line), 0, &r,
	    &cap);
	char *save = NULL;
	size_t i = 0;
	for (char *w = strtok_r(want, " ", &save); w;
	    w = strtok_r(NULL, " ", &save), i++) {
		(*all)++;
		if (i < n && strcmp(r[i].syl, w) == 0)
			(*right)++;
		else
			fprintf(stderr, "  %s: %zu: %s, not %s\n", line, i,
			    i < n ? r[i].syl : "(none)", w);
	}
	assert_int_equal(i, n);
	free(r);
}

static void
test_polyphone_set(void **st)
{
	char *path = xasprintf("%s/tests/data/polyphones.tsv", getenv("YUEDU_SRC"));
	FILE *f = fopen(path, "r");
	char line[4096];
	size_t right = 0, all = 0, lines = 0;
	(void)st;

	assert_non_null(f);
	while (fgets(line, sizeof line, f)) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		polyphone_line(line, &right, &all);
		lines++;
	}
	fclose(f);
	free(path);
	fprintf(stderr, "polyphone set: %zu sentences, %zu/%zu characters right (%.2f%%)\n",
	    lines, right, all, 100.0 * right / all);
	assert_true(lines >= 200);
	assert_true(right * 100 >= all * 99);
}

/*
 * The sample article's annotations, reproduced from its bare text.  Seven
 * are the article's own slips: it writes 應(yīng) in 效應, 適應, 應對, 供應
 * and 應用, where every dictionary (CC-CEDICT, pinyin-pro, 现代汉语词典)
 * reads yìng; we keep the dictionary's reading and count those apart.
 */
static void
test_sample_article(void **st)
{
	char *path = xasprintf("%s/tests/data/000_4230cdcea687e942.txt",
	    getenv("YUEDU_SRC"));
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t lcap = 0, total = 0, right = 0, slips = 0;
	ssize_t len;
	(void)st;

	assert_non_null(f);
	while ((len = getline(&line, &lcap, f)) > 0) {
		struct annot_span *sp = NULL;
		size_t scap = 0, ns = annot_find(line, (size_t)len, 0, &sp, &scap);
		/* The bare text, and where each annotated character went. */
		char *bare = xmalloc((size_t)len + 1);
		size_t *at = xmalloc((ns + 1) * sizeof *at);
		size_t bl = 0, from = 0;
		for (size_t i = 0; i < ns; i++) {
			memcpy(bare + bl, line + from, sp[i].open_off - from);
			bl += sp[i].open_off - from;
			at[i] = bl - (sp[i].open_off - sp[i].han_off);
			from = sp[i].end_off;
		}
		memcpy(bare + bl, line + from, (size_t)len - from);
		bl += (size_t)len - from;
		struct segment_reading *r = NULL;
		size_t rcap = 0, nr = segment_readings(lex(), bare, bl, 0, &r, &rcap);
		for (size_t i = 0; i < ns; i++) {
			const char *want = line + sp[i].py_off;
			size_t wl = sp[i].py_end - sp[i].py_off;
			const char *got = "";
			for (size_t k = 0; k < nr; k++)
				if (r[k].off == at[i])
					got = r[k].syl;
			total++;
			if (strlen(got) == wl && memcmp(got, want, wl) == 0)
				right++;
			else if (strcmp(got, "yìng") == 0 &&
			    memcmp(line + sp[i].han_off, "應", 3) == 0)
				slips++;
			else
				fprintf(stderr, "  %.*s: %s, not %.*s\n",
				    (int)(sp[i].end_off - sp[i].han_off),
				    line + sp[i].han_off, got, (int)wl, want);
		}
		free(r);
		free(bare);
		free(at);
		free(sp);
	}
	free(line);
	fclose(f);
	free(path);
	fprintf(stderr, "sample article: %zu/%zu annotations reproduced, "
	    "%zu of 應 read yìng as dictionaries do\n", right, total, slips);
	assert_int_equal(total, 149);
	assert_int_equal(slips, 7);
	assert_int_equal(right + slips, total);
}

/* Hostile data: every truncation of a real file is refused or safe. */
static void
test_bad_data(void **st)
{
	static const char junk[64] = "YDWORDS1";
	enum lexicon_status s;
	(void)st;

	assert_null(lexicon_open_mem(junk, sizeof junk - 1, NULL, 0, &s));
	assert_int_equal(s, LEXICON_BAD);
	assert_null(lexicon_open_mem(NULL, 0, "YDCEDIC1", 8, &s));
	assert_int_equal(s, LEXICON_BAD);
	assert_null(lexicon_open("/nonexistent", &s));
	assert_int_equal(s, LEXICON_MISSING);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_polyphones),
		cmocka_unit_test(test_sandhi),
		cmocka_unit_test(test_pinyin_match),
		cmocka_unit_test(test_define),
		cmocka_unit_test(test_polyphone_set),
		cmocka_unit_test(test_sample_article),
		cmocka_unit_test(test_bad_data),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
