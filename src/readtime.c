/*
 * Counting what a reader reads in a stretch of text and turning it into
 * minutes.  CJK characters are read at one rate (characters per minute),
 * words of other scripts at another (words per minute); spaces, controls,
 * punctuation and inline pinyin annotations take no reading time.
 */
#include "yuedu/readtime.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "yuedu/annot.h"
#include "yuedu/doc.h"
#include "yuedu/i18n.h"
#include "yuedu/outline.h"
#include "yuedu/uchar.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

enum readtime_class {
	READTIME_SPACE,		/* whitespace, controls: not a character */
	READTIME_MARK,		/* combining mark: part of the previous one */
	READTIME_HAN,		/* a CJK character */
	READTIME_WORD,		/* a letter or digit of another script */
	READTIME_JOINER,	/* ' ’ - . : joins two word characters */
	READTIME_OTHER,		/* punctuation, symbols */
};

/* Han (and 々), kana and hangul: each character is a word. */
static int
readtime_is_cjk(uint32_t cp)
{
	return uchar_is_syllabic(cp) || cp == 0x3005;
}

static enum readtime_class
readtime_classify(uint32_t cp)
{
	if (cp < 0x80) {
		if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
			return READTIME_WORD;
		if (cp >= '0' && cp <= '9')
			return READTIME_WORD;
		if (cp <= ' ' || cp == 0x7f)
			return READTIME_SPACE;
		if (cp == '\'' || cp == '-' || cp == '.')
			return READTIME_JOINER;
		return READTIME_OTHER;
	}
	if (cp == (uint32_t)-1)
		return READTIME_OTHER;
	if (readtime_is_cjk(cp))
		return READTIME_HAN;
	if (cp == 0x2019)
		return READTIME_JOINER;
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return READTIME_WORD;
	case UTF8PROC_CATEGORY_LO:
		/* Other scripts without case (Thai, Arabic...): words. */
		return READTIME_WORD;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return READTIME_MARK;
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
	case UTF8PROC_CATEGORY_CC:
	case UTF8PROC_CATEGORY_CF:
		return READTIME_SPACE;
	default:
		return READTIME_OTHER;
	}
}

void
readtime_count_add(const char *s, size_t n, struct readtime_count *out)
{
	size_t i = 0;
	int in_word = 0;	/* the previous character was a word one */
	int joined = 0;		/* ...then one joiner */

	while (i < n) {
		uint32_t cp;
		size_t len;
		enum readtime_class k;

		if ((unsigned char)s[i] < 0x80) {
			cp = (unsigned char)s[i];
			len = 1;
		} else
			len = utf8_decode(s + i, n - i, &cp);
		k = readtime_classify(cp);
		if (cp == (uint32_t)-1) {
			/* One character per run of invalid bytes. */
			size_t j = i + len;
			uint32_t c2;
			while (j < n && (unsigned char)s[j] >= 0x80 &&
			    utf8_decode(s + j, n - j, &c2) == 1 &&
			    c2 == (uint32_t)-1)
				j++;
			len = j - i;
		}
		i += len;
		switch (k) {
		case READTIME_SPACE:
			in_word = joined = 0;
			break;
		case READTIME_MARK:
			break;
		case READTIME_HAN:
			out->chars++;
			out->han++;
			in_word = joined = 0;
			break;
		case READTIME_WORD:
			out->chars++;
			if (!in_word)
				out->words++;
			in_word = 1;
			joined = 0;
			break;
		case READTIME_JOINER:
			out->chars++;
			if (in_word && !joined)
				joined = 1;	/* a word may go on after it */
			else
				in_word = joined = 0;
			break;
		case READTIME_OTHER:
			out->chars++;
			in_word = joined = 0;
			break;
		}
		/* A joiner not followed by a word character ends the word. */
		if (joined && k != READTIME_JOINER) {
			in_word = joined = 0;
		}
	}
}

void
readtime_count_doc(struct doc *doc, size_t from_off, size_t to_off,
    struct readtime_count *out)
{
	struct annot_span *spans = NULL;
	size_t cap = 0;
	size_t line, off;

	memset(out, 0, sizeof *out);
	if (to_off > doc->len)
		to_off = doc->len;
	if (from_off >= to_off)
		return;
	line = doc_line_of(doc, from_off);
	off = from_off;
	while (off < to_off) {
		size_t end = doc_line_end(doc, line), ns, next;

		if (end > to_off)
			end = to_off;
		ns = annot_find(doc->text + off, end - off, off, &spans, &cap);
		for (size_t i = 0; i < ns; i++) {
			/* Count up to the annotation; skip its brackets. */
			if (spans[i].open_off > off)
				readtime_count_add(doc->text + off,
				    spans[i].open_off - off, out);
			off = spans[i].end_off;
		}
		if (end > off)
			readtime_count_add(doc->text + off, end - off, out);
		if (!doc_has_line(doc, line + 1))
			break;
		next = doc_line_start(doc, line + 1);
		off = next;
		line++;
	}
	free(spans);
}

double
readtime_minutes(const struct readtime_count *c, long cpm, long wpm)
{
	if (cpm <= 0)
		cpm = READTIME_CPM_DEFAULT;
	if (wpm <= 0)
		wpm = READTIME_WPM_DEFAULT;
	return (double)c->han / (double)cpm + (double)c->words / (double)wpm;
}

/* MINUTES in BUF, in English or (TR) the interface language. */
static char *
readtime_label(double minutes, char *buf, size_t size, int tr)
{
	long m;

	if (minutes < 0.5) {
		snprintf(buf, size, "%s", tr ? _("<1 min") : "<1 min");
		return buf;
	}
	m = (long)(minutes + 0.5);
	if (m < 60)
		snprintf(buf, size, tr ? _("%ld min") : "%ld min", m);
	else if (m < 24 * 60)
		snprintf(buf, size, tr ? _("%ld h %02ld min") :
		    "%ld h %02ld min", m / 60, m % 60);
	else {
		/* A day or more: days and hours, the minutes left out. */
		long h = (m + 30) / 60;

		snprintf(buf, size, tr ? _("%ld d %ld h") : "%ld d %ld h",
		    h / 24, h % 24);
	}
	return buf;
}

char *
readtime_format(double minutes, char *buf, size_t size)
{
	return readtime_label(minutes, buf, size, 0);
}

char *
readtime_say(double minutes, char *buf, size_t size)
{
	return readtime_label(minutes, buf, size, 1);
}

char *
readtime_format_count(size_t chars, char *buf, size_t size)
{
	if (chars < 1000)
		snprintf(buf, size, "%zu", chars);
	else if (chars < 999950)
		snprintf(buf, size, "%.1fk", (double)chars / 1e3);
	else
		snprintf(buf, size, "%.1fM", (double)chars / 1e6);
	return buf;
}

void
readtime_sections(struct doc *doc, const struct outline *ol,
    struct readtime_count *out)
{
	readtime_sections_stop(doc, ol, out, NULL);
}

void
readtime_sections_stop(struct doc *doc, const struct outline *ol,
    struct readtime_count *out, const atomic_int *stop)
{
	struct readtime_count *sum;	/* counts before heading i */
	size_t n = ol->n, dropped = 0;

	if (n == 0)
		return;
	sum = xcalloc(n + 1, sizeof *sum);
	for (size_t i = 0; i < n; i++) {
		struct readtime_count seg;
		size_t end = i + 1 < n ? ol->v[i + 1].off : doc->len;

		if (stop != NULL && atomic_load(stop)) {
			memset(out, 0, n * sizeof *out);
			free(sum);
			return;
		}
		/* A pass over a big text lets go of the pages behind it. */
		if (ol->v[i].off > dropped + 2 * DOC_DROP_STEP) {
			doc_drop_range(doc, dropped, ol->v[i].off -
			    DOC_DROP_STEP);
			dropped = ol->v[i].off - DOC_DROP_STEP;
		}

		readtime_count_doc(doc, ol->v[i].off, end, &seg);
		sum[i + 1].chars = sum[i].chars + seg.chars;
		sum[i + 1].han = sum[i].han + seg.han;
		sum[i + 1].words = sum[i].words + seg.words;
	}
	for (size_t i = 0; i < n; i++) {
		size_t j = i + 1;

		while (j < n && ol->v[j].level > ol->v[i].level)
			j++;
		out[i].chars = sum[j].chars - sum[i].chars;
		out[i].han = sum[j].han - sum[i].han;
		out[i].words = sum[j].words - sum[i].words;
	}
	free(sum);
}
