/*
 * What the first words of a line say: a numbering (一、 （一） 1. 1.1 ①), a
 * structure word (第三章, 第二部分, 章 1.), a classical chapter name
 * (學而第一), or a named section of front or back matter (序言, 目录, 附录一).
 * Each returns what it found and where the title text starts; judging the
 * line in its context is outline_plain.c's work.
 */
#include <stdint.h>
#include <string.h>

#include "yuedu/uchar.h"
#include "yuedu/utf8.h"

#include "outline_int.h"

static int
outline_is_cn_digit(uint32_t cp)
{
	switch (cp) {
	case 0x96F6: case 0x3007: case 0x25CB: case 0x4E00: case 0x4E8C:
	case 0x4E09: case 0x56DB: case 0x4E94: case 0x516D: case 0x4E03:
	case 0x516B: case 0x4E5D: case 0x5341: case 0x767E: case 0x5343:
	case 0x4E24: case 0x5169: case 0x5EFF: case 0x5345: case 0xFF2F:
		return 1;
	}
	return 0;
}

int
outline_is_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/*
 * 第 + numeral + structure word.  Returns the rank (0 when not one) and
 * sets *after to the byte after the word.
 */
int
outline_struct_word(const char *t, size_t t0, size_t t1, size_t *after)
{
	static const struct {
		const char *w;
		int rank;
	} words[] = {
		{ "分编", OUTLINE_R_FENBIAN }, { "分編", OUTLINE_R_FENBIAN },
		{ "部分", OUTLINE_R_BIAN }, { "编", OUTLINE_R_BIAN },
		{ "編", OUTLINE_R_BIAN }, { "篇", OUTLINE_R_BIAN },
		{ "章", OUTLINE_R_ZHANG }, { "回", OUTLINE_R_ZHANG },
		{ "节", OUTLINE_R_JIE }, { "節", OUTLINE_R_JIE },
		{ "卷", OUTLINE_R_PART }, { "部", OUTLINE_R_PART },
	};
	size_t p = t0;
	int digits = 0;
	uint32_t cp;

	/* 章 1. 從一條正確的路開始: the word, then the number (Chapter 1.). */
	if (outline_starts(t, p, t1, "章") || outline_starts(t, p, t1, "节") ||
	    outline_starts(t, p, t1, "節")) {
		int rank = outline_starts(t, p, t1, "章") ? OUTLINE_R_ZHANG :
		    OUTLINE_R_JIE;
		size_t q = p + 3;
		int nd = 0;

		if (q >= t1 || (t[q] != ' ' && !outline_starts(t, q, t1,
		    "\xC2\xA0")))
			return 0;
		q = outline_skip_sep(t, q, t1);
		while (q < t1 && t[q] >= '0' && t[q] <= '9' && nd < 4) {
			q++;
			nd++;
		}
		if (nd == 0 || q >= t1 || t[q] != '.')
			return 0;
		*after = q + 1;
		return rank;
	}
	if (!outline_starts(t, p, t1, "第"))
		return 0;
	p = outline_skip_sep(t, p + 3, t1);
	while (p < t1) {
		size_t k = utf8_decode(t + p, t1 - p, &cp);
		if (!outline_is_cn_digit(cp) && !outline_is_digit(cp))
			break;
		p += k;
		digits++;
	}
	if (digits == 0 || digits > 8)
		return 0;
	p = outline_skip_sep(t, p, t1);
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		if (outline_starts(t, p, t1, words[i].w)) {
			*after = p + strlen(words[i].w);
			return words[i].rank;
		}
	}
	return 0;
}

/* 1 if CP may separate a structure word or keyword from its title. */
int
outline_is_title_sep(uint32_t cp)
{
	return outline_is_sep_space(cp) || cp == 0xFF1A || cp == ':' ||
	    cp == 0xFF0E || cp == '.' || cp == 0x3001 || cp == 0x2014 ||
	    cp == '-' || cp == 0x00B7 || cp == 0x30FB;
}

/* Front and back matter that heads a section by its name alone. */
static const char *const outline_matter_words[] = {
	"序言", "序章", "前言", "引言", "引子", "楔子", "导言", "導言",
	"绪论", "緒論", "绪言", "緒言", "摘要", "提要", "后记", "後記",
	"尾声", "尾聲", "附录", "附錄", "参考文献", "參考文獻", "致谢",
	"致謝", "结语", "結語", "结束语", "結束語", "自序", "代序", "凡例",
	"序", "跋", "前記", "后序", "後序", "附则", "附則",
};

static const char *const outline_caption_words[] = {
	"目录", "目錄", "目次", "总目录", "總目錄", "内容目录", "內容目錄",
	"附表目录", "附表目錄", "附图目录", "附圖目錄", "图表目录", "圖表目錄",
	"表格清单", "表格清單", "插图清单", "插圖清單", "Contents", "CONTENTS",
	"TableofContents", "TABLEOFCONTENTS",
};

/* 1 if the line is a matter word, alone or followed by a title. */
int
outline_matter(const char *t, size_t t0, size_t t1, int *caption)
{
	char buf[64];
	size_t n;

	*caption = 0;
	if (t1 - t0 > 48)
		n = (size_t)-1;
	else
		n = outline_compact(t, t0, t1, buf, sizeof buf);
	if (n != (size_t)-1) {
		for (size_t i = 0; i < sizeof outline_caption_words /
		    sizeof outline_caption_words[0]; i++) {
			if (strcmp(buf, outline_caption_words[i]) == 0) {
				*caption = 1;
				return 1;
			}
		}
		for (size_t i = 0; i < sizeof outline_matter_words /
		    sizeof outline_matter_words[0]; i++) {
			if (strcmp(buf, outline_matter_words[i]) == 0)
				return 1;
		}
	}
	/* 附件一, 附录A, 附錄 2: an annex and its number. */
	if (n != (size_t)-1 && (strncmp(buf, "附件", 6) == 0 ||
	    strncmp(buf, "附录", 6) == 0 || strncmp(buf, "附錄", 6) == 0) &&
	    n > 6 && n <= 6 + 9) {
		size_t p = 6;
		uint32_t cp;

		while (p < n) {
			p += utf8_decode(buf + p, n - p, &cp);
			if (!outline_is_cn_digit(cp) && !outline_is_digit(cp) &&
			    !(cp >= 'A' && cp <= 'Z'))
				break;
		}
		if (p == n && (outline_is_cn_digit(cp) ||
		    outline_is_digit(cp) || (cp >= 'A' && cp <= 'Z')))
			return 1;
	}
	/* 楔子　張天師祈禳瘟疫　洪太尉誤走妖魔: a word, a space, a title. */
	for (size_t wl = 6; wl <= 12 && t0 + wl < t1; wl += 3) {
		uint32_t cp;

		utf8_decode(t + t0 + wl, t1 - t0 - wl, &cp);
		if (!outline_is_sep_space(cp) && cp != 0xFF1A)
			continue;
		for (size_t i = 0; i < sizeof outline_matter_words /
		    sizeof outline_matter_words[0]; i++) {
			const char *w = outline_matter_words[i];

			if (strlen(w) == wl && memcmp(t + t0, w, wl) == 0)
				return 1;
		}
	}
	return 0;
}

/*
 * Parse a numbering at T0: 一、 （一） (一) 1. 1． 1、 1.1 1.1.1 （1） ①.
 * Returns the style (0 when none; equal styles are siblings), sets *rank
 * and *text to the first byte of the title text.
 */
int
outline_numbering(const char *t, size_t t0, size_t t1, int *rank,
    size_t *text)
{
	size_t p = t0, k;
	uint32_t cp;
	int n = 0;

	k = utf8_decode(t + p, t1 - p, &cp);
	if (cp == '(' || cp == 0xFF08) {
		int cn = 0, ar = 0;

		p += k;
		while (p < t1 && n < 5) {
			k = utf8_decode(t + p, t1 - p, &cp);
			if (outline_is_cn_digit(cp) && cp != 0x25CB)
				cn++;
			else if (outline_is_digit(cp))
				ar++;
			else
				break;
			p += k;
			n++;
		}
		if ((cn && ar) || n == 0 || n > 4 || ar > 2 || p >= t1)
			return 0;
		k = utf8_decode(t + p, t1 - p, &cp);
		if (cp != ')' && cp != 0xFF09)
			return 0;
		*text = outline_skip_sep(t, p + k, t1);
		*rank = cn ? OUTLINE_R_CN_PAREN : OUTLINE_R_AR_PAREN;
		return cn ? 2 : 3;
	}
	if (cp >= 0x2460 && cp <= 0x2487) {
		*text = outline_skip_sep(t, p + k, t1);
		*rank = OUTLINE_R_CIRCLED;
		return 4;
	}
	if (outline_is_cn_digit(cp) && cp != 0x25CB) {
		while (p < t1 && n < 5) {
			k = utf8_decode(t + p, t1 - p, &cp);
			if (!outline_is_cn_digit(cp) || cp == 0x25CB)
				break;
			p += k;
			n++;
		}
		if (n > 4 || !outline_starts(t, p, t1, "、"))
			return 0;
		*text = outline_skip_sep(t, p + 3, t1);
		*rank = OUTLINE_R_CN_DUN;
		return 1;
	}
	if (outline_is_digit(cp) || (cp >= 'A' && cp <= 'Z' && p + 2 < t1 &&
	    t[p + 1] == '.' && t[p + 2] >= '0' && t[p + 2] <= '9')) {
		int depth = 0, dot_end = 0;
		size_t q;

		/* A.1. 共享库: an appendix's sections. */
		if (cp >= 'A' && cp <= 'Z') {
			p += 2;
			depth = 1;
		}
		for (;;) {
			int nd = 0;
			while (p < t1) {
				k = utf8_decode(t + p, t1 - p, &cp);
				if (!outline_is_digit(cp))
					break;
				p += k;
				nd++;
			}
			if (nd == 0 || nd > 3)
				return 0;
			depth++;
			dot_end = 0;
			if (p >= t1)
				return 0;
			k = utf8_decode(t + p, t1 - p, &cp);
			if (cp == 0x3001 && depth == 1) {
				p += k;
				dot_end = 1;
				break;
			}
			if (cp != '.' && cp != 0xFF0E)
				break;
			p += k;
			dot_end = 1;
			if (p >= t1)
				return 0;
			utf8_decode(t + p, t1 - p, &cp);
			if (!outline_is_digit(cp))
				break;
		}
		if (depth == 1 && !dot_end)
			return 0;
		if (p >= t1)
			return 0;
		utf8_decode(t + p, t1 - p, &cp);
		/* 1.1 版本, 1.分词, 1. Cut: not 2.8% or 3.4GHz. */
		if (!outline_is_sep_space(cp) && !uchar_is_syllabic(cp) &&
		    !(dot_end && cp >= 0x2E80))
			return 0;
		q = outline_skip_sep(t, p, t1);
		if (q == p && !dot_end && !uchar_is_syllabic(cp))
			return 0;
		*text = q;
		if (depth > 4)
			depth = 4;
		*rank = OUTLINE_R_AR1 + depth - 1;
		return 10 + depth;
	}
	return 0;
}

/*
 * A classical chapter name: a few Han characters, then 第 and a numeral,
 * and nothing else (始計第一, 用間第十三, 學而第一).
 */
int
outline_classical(const char *t, size_t t0, size_t t1)
{
	size_t p = t0, di = 0;
	int han = 0, num = 0;
	uint32_t cp;

	while (p < t1) {
		size_t k = utf8_decode(t + p, t1 - p, &cp);
		if (cp == 0x7B2C && han >= 2 && di == 0) {
			di = p;
		} else if (di) {
			if (!outline_is_cn_digit(cp) || cp == 0x25CB)
				return 0;
			num++;
		} else if (uchar_is_han(cp)) {
			han++;
		} else
			return 0;
		p += k;
	}
	return di && han <= 8 && num >= 1 && num <= 3;
}
