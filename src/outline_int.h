/*
 * The outline's inside, shared by its files and by no one else:
 *   outline.c        outline_build(), candidates, levels, titles, --heading
 *   outline_line.c   reading one line and measuring its text
 *   outline_num.c    numbering (一、 （一） 1.1), structure words (第…章),
 *                    classical chapter names, front matter (序言, 目录)
 *   outline_plain.c  plain text: each line classified, then judged in context
 *   outline_md.c     Markdown: ATX, setext and <hN> headings
 */
#ifndef YUEDU_OUTLINE_INT_H
#define YUEDU_OUTLINE_INT_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "yuedu/annot.h"
#include "yuedu/outline.h"

struct doc;

/* Longest line (bytes) that may be a heading; longer lines are body. */
#define OUTLINE_MAX_LINE	1024
/* Bytes of a heading line kept as its title. */
#define OUTLINE_TITLE_MAX	4096
/* Longest plain stand-alone heading, in units (see outline_measure). */
#define OUTLINE_PLAIN_UNITS	24
/* Longest numbered heading text or run-in heading sentence, in units. */
#define OUTLINE_NUM_UNITS	40
/* Longest structure-word heading (第…章 …), in units. */
#define OUTLINE_STRUCT_UNITS	50
/* Longest document title, in units. */
#define OUTLINE_TITLE_UNITS	60
/* Indentation (columns) from which a stand-alone line counts as centred. */
#define OUTLINE_CENTRED_COLS	10

/* Ranks: a heading nests under every open heading of a smaller rank. */
enum {
	OUTLINE_R_TITLE = 0,
	OUTLINE_R_PLAIN = 1,	/* plain lines and front matter */
	OUTLINE_R_PART = 2,	/* 第…部 / 卷 */
	OUTLINE_R_BIAN = 3,	/* 第…编 / 篇 / 部分 */
	OUTLINE_R_FENBIAN = 4,	/* 第…分编 */
	OUTLINE_R_ZHANG = 5,	/* 第…章 / 回 */
	OUTLINE_R_JIE = 6,	/* 第…节 */
	OUTLINE_R_CN_DUN = 10,	/* 一、 */
	OUTLINE_R_CN_PAREN = 11,	/* （一） */
	OUTLINE_R_AR1 = 12,	/* 1. 1． 1、; 1.1 is 13, 1.1.1 is 14 */
	OUTLINE_R_AR_PAREN = 16,	/* （1） */
	OUTLINE_R_CIRCLED = 17,	/* ① */
};

/* How a line ends, after closing quotes and brackets. */
enum outline_end {
	OUTLINE_END_NONE = 0,	/* a word, digit or closing bracket */
	OUTLINE_END_SENT,	/* 。．！；… and ASCII . ! ; */
	OUTLINE_END_QUESTION,	/* ？ ? */
	OUTLINE_END_COMMA,	/* ，,、 and a dash */
	OUTLINE_END_COLON,	/* ：: */
	OUTLINE_END_QUOTE,	/* a closing quote with no punctuation before */
};

/* What a line looks like by itself. */
enum outline_look {
	OUTLINE_L_BODY = 0,
	OUTLINE_L_STRUCT,	/* 第…章 heading */
	OUTLINE_L_MATTER,	/* 序言, 楔子…: front or back matter */
	OUTLINE_L_CAPTION,	/* 目录: the caption of a table of contents */
	OUTLINE_L_NUM,		/* numbered line that is all heading */
	OUTLINE_L_NUM_RUNIN,	/* numbered heading sentence, then body */
	OUTLINE_L_NUM_ITEM,	/* numbered line that is a list item */
	OUTLINE_L_PLAIN,	/* short line with no end punctuation */
};

/* One line, measured. */
struct outline_line {
	size_t start;		/* byte offset of the line */
	size_t end;		/* byte offset of its end (no terminator) */
	size_t t0, t1;		/* the text without outer whitespace */
	int indent_cols;	/* columns of leading whitespace */
	int blank;
	int rule;		/* ----, ====, ───: a separator */
	enum outline_end end_class;
};

/* The text of a line, measured without its annotations. */
struct outline_meas {
	int units;		/* Han characters + runs of letters/digits */
	int alpha;		/* letters and Han characters */
	int han;		/* Han, kana and hangul characters */
	int lower_words;	/* Latin words of 4+ letters in lower case */
	int sent_inside;	/* 。．！？；?!; before the end */
	int commas;		/* ，,、 */
	int bad_start;		/* starts with a bullet, quote or markup */
	int punct_start;	/* starts with punctuation that ends things */
	int quote_start;	/* starts with an opening quote */
	int url;		/* holds "://" */
	size_t stop_off;	/* offset of the first 。 */
	int stop_found;		/* stop_off is valid */
};

/* How a line was classified by itself. */
struct outline_cls {
	enum outline_look look;
	int rank;
	int style;		/* numbering style: equal styles are siblings */
	size_t title_end;	/* end of the title (run-in: before 。) */
	int units;
	int commas;
	int sentence_case;	/* Latin words in lower case: prose */
};

struct outline_ctx {
	struct doc *doc;
	const char *text;
	size_t nlines;
	size_t dropped;		/* pages before this let go (long scans) */
	const atomic_int *stop;	/* outline_opts.stop */
	int hide;		/* titles without annotations */
	int para_indent;	/* columns paragraphs start at; -1: unknown */
	int hard_wrapped;	/* lines break inside sentences */
	int page_cols;		/* width the text is set in (centring) */
	struct annot_span *spans;
	size_t span_cap;
	size_t nspans;
	/* The headings found, in order. */
	struct outline_cand *cand;
	size_t ncand, cand_cap;
};

/* A heading found, before its level is known. */
struct outline_cand {
	size_t line;		/* 0-based */
	size_t t0, t1;		/* title bytes */
	int rank;
	int plain;		/* pops to the title, as plain lines do */
	int leaf;		/* holds nothing under it (目录) */
	int body_before;	/* text between the previous heading and it */
	int strip_md;		/* title: drop HTML tags (an <hN> line) */
};

/* ---- Reading and measuring one line (outline_line.c) ---- */

/* Spaces that may separate a number from its title. */
int outline_is_sep_space(uint32_t cp);
/* A separator line: three or more of one rule character (and spaces). */
int outline_is_rule(const char *t, size_t t0, size_t t1);
/*
 * A pass going forward through a big text at OFF: let the pages well
 * behind it go (a look back faults them in again), so reading 100 MB does
 * not keep 100 MB resident.
 */
void outline_drop_behind(struct outline_ctx *cx, size_t off);
/* 1 once another thread asked to stop: the passes end early. */
int outline_stopped(struct outline_ctx *cx);
/* Read line I (0-based) of the document and measure its outline. */
void outline_line_get(struct outline_ctx *cx, size_t i,
    struct outline_line *li);
/* Annotations of [T0, T1) into cx->spans. */
void outline_find_annots(struct outline_ctx *cx, size_t t0, size_t t1);
/*
 * Measure [T0, T1) without its annotations, stopping once CAP units are
 * counted.  A unit is a Han (kana, hangul) character or a run of letters
 * or digits, so 工具層面 is 4 and "Software License" is 2.
 */
void outline_measure(struct outline_ctx *cx, size_t t0, size_t t1, int cap,
    struct outline_meas *m);
/* Text after ASCII spaces and U+3000 from P. */
size_t outline_skip_sep(const char *t, size_t p, size_t t1);
/* 1 if [P, T1) starts with the string LIT. */
int outline_starts(const char *t, size_t p, size_t t1, const char *lit);
/* [T0, T1) without any whitespace, into BUF (at most N-1 bytes). */
size_t outline_compact(const char *t, size_t t0, size_t t1, char *buf,
    size_t n);
/* Columns of [T0, T1), counting at most up to LIM. */
int outline_cols(const char *t, size_t t0, size_t t1, int lim);

/* ---- What a line's first words say (outline_num.c) ---- */

/* 1 for an ASCII or full-width digit. */
int outline_is_digit(uint32_t cp);
/*
 * 第 + numeral + structure word.  Returns the rank (0 when not one) and
 * sets *after to the byte after the word.
 */
int outline_struct_word(const char *t, size_t t0, size_t t1, size_t *after);
/* 1 if CP may separate a structure word or keyword from its title. */
int outline_is_title_sep(uint32_t cp);
/* 1 if the line is a matter word, alone or followed by a title. */
int outline_matter(const char *t, size_t t0, size_t t1, int *caption);
/*
 * Parse a numbering at T0: 一、 （一） (一) 1. 1． 1、 1.1 1.1.1 （1） ①.
 * Returns the style (0 when none; equal styles are siblings), sets *rank
 * and *text to the first byte of the title text.
 */
int outline_numbering(const char *t, size_t t0, size_t t1, int *rank,
    size_t *text);
/*
 * A classical chapter name: a few Han characters, then 第 and a numeral,
 * and nothing else (始計第一, 用間第十三, 學而第一).
 */
int outline_classical(const char *t, size_t t0, size_t t1);

/* ---- Plain text (outline_plain.c) ---- */

/*
 * Plain text.  Each line is classified by itself, then judged in context:
 * what ends before it, what follows it, the list it may belong to.
 */
void outline_scan_plain(struct outline_ctx *cx);
/*
 * A table of contents without a caption: a run of five or more headings
 * with no text between them, three quarters of which come again later,
 * in the same order.  (Four levels, 编 分编 章 节, may legitimately open
 * at once; five may not.)  When the run goes on into the first heading
 * proper (its first entry again), only the part before it is contents.
 */
void outline_drop_toc(struct outline_ctx *cx);

/* ---- Markdown (outline_md.c) ---- */

/*
 * Markdown: ATX and setext headings (a setext underline only under a
 * one-line paragraph, so a rule after a paragraph stays a rule) and HTML
 * <h1>-<h6> lines; nothing inside fenced code, indented code, comments
 * or front matter.
 */
void outline_scan_md(struct outline_ctx *cx);
/* 1 if the document is Markdown: by its name, or by its first 64 KiB. */
int outline_is_markdown(struct outline_ctx *cx);

/* ---- Collecting headings (outline.c) ---- */

/* Record a heading candidate (see struct outline_cand). */
void outline_add(struct outline_ctx *cx, size_t line, size_t t0, size_t t1,
    int rank, int plain, int body_before, int strip_md);
/* 1 if headings A and B have the same text, whitespace aside. */
int outline_same_title(struct outline_ctx *cx, const struct outline_cand *a,
    const struct outline_cand *b);

#endif
