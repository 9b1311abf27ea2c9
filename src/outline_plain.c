/*
 * Headings of plain text.  Each line is first classified by itself
 * (outline_classify: structure word, numbering, matter word, short plain
 * line), then judged in its context: what ends before it, what follows
 * it, the list it may belong to, the indentation and centring of the
 * page.  tests/outline/README.md states the rules.
 *
 * outline_classify() tries each look in turn (outline_classify_struct,
 * _matter, _numbered, _plain); outline_scan_plain() walks the lines,
 * carrying what the next line needs in struct outline_plain, and judges
 * each look in a function of its own (outline_judge_*).
 */
#include <stdint.h>
#include <string.h>

#include "yuedu/utf8.h"

#include "outline_int.h"

/*
 * LI, numbered (its text from TEXT; M measures it up to its first full
 * stop), as a run-in heading: a short heading sentence, then body text on
 * the same line, as in （一）大力推进…，加快发展新质生产力。充分发挥….
 * Leaves C alone when it is not one.
 */
static void
outline_classify_runin(struct outline_ctx *cx, const struct outline_line *li,
    struct outline_cls *c, size_t text, const struct outline_meas *m)
{
	const char *t = cx->text;
	struct outline_meas h, rest;
	size_t q;

	if (!m->stop_found || m->stop_off == text)
		return;
	outline_measure(cx, text, m->stop_off, OUTLINE_NUM_UNITS + 1, &h);
	if (h.units < 2 || h.units > OUTLINE_NUM_UNITS || h.sent_inside ||
	    h.punct_start)
		return;
	/* No ；：in the heading sentence. */
	if (memmem(t + text, m->stop_off - text, "：", 3) ||
	    memchr(t + text, ':', m->stop_off - text) ||
	    memchr(t + text, ';', m->stop_off - text))
		return;
	/* Body text after it. */
	q = m->stop_off + 3;
	outline_measure(cx, q, q + (li->t1 - q > 64 ? 64 : li->t1 - q), 3,
	    &rest);
	if (rest.units < 2)
		return;
	c->look = OUTLINE_L_NUM_RUNIN;
	c->title_end = m->stop_off;
	c->units = h.units;
}

/*
 * LI, numbered in STYLE at RANK with its text from TEXT: a heading that is
 * the whole line (1.1 总则), a run-in heading, or else a list item.  Only
 * a run-in heading can start a line longer than OUTLINE_MAX_LINE.
 */
static void
outline_classify_numbered(struct outline_ctx *cx,
    const struct outline_line *li, struct outline_cls *c, int style, int rank,
    size_t text)
{
	struct outline_meas m;

	c->style = style;
	c->rank = rank;
	c->look = OUTLINE_L_NUM_ITEM;
	if (li->t1 - li->t0 > OUTLINE_MAX_LINE) {
		outline_measure(cx, text, li->t0 + OUTLINE_MAX_LINE,
		    OUTLINE_NUM_UNITS + 1, &m);
		outline_classify_runin(cx, li, c, text, &m);
		return;
	}
	outline_measure(cx, text, li->t1, OUTLINE_NUM_UNITS + 1, &m);
	if (m.units == 0 || m.punct_start)
		return;
	/* 4.5.3. “为什么 GNU su 不支持 wheel 组”: quoted whole. */
	if (m.units <= OUTLINE_NUM_UNITS &&
	    (li->end_class == OUTLINE_END_NONE ||
	    li->end_class == OUTLINE_END_QUESTION ||
	    (li->end_class == OUTLINE_END_QUOTE && m.quote_start)) &&
	    (m.sent_inside == 0 || li->end_class == OUTLINE_END_QUESTION)) {
		c->look = OUTLINE_L_NUM;
		c->units = m.units;
		return;
	}
	outline_classify_runin(cx, li, c, text, &m);
}

/*
 * LI, which starts with a structure word of RANK (第三章) ending at AFTER:
 * a heading unless the line is long, ends a sentence, or runs on into one.
 */
static void
outline_classify_struct(struct outline_ctx *cx,
    const struct outline_line *li, struct outline_cls *c, int rank,
    size_t after)
{
	struct outline_meas m;
	uint32_t cp;

	outline_measure(cx, li->t0, li->t1, OUTLINE_STRUCT_UNITS + 1, &m);
	if (m.units > OUTLINE_STRUCT_UNITS ||
	    li->end_class == OUTLINE_END_SENT ||
	    li->end_class == OUTLINE_END_COLON)
		return;
	if (after < li->t1) {
		utf8_decode(cx->text + after, li->t1 - after, &cp);
		/* 第四回中既將…: the word runs on into a sentence. */
		if (!outline_is_title_sep(cp) && (m.sent_inside ||
		    m.commas || m.units > 20 ||
		    li->end_class != OUTLINE_END_NONE))
			return;
	}
	c->look = OUTLINE_L_STRUCT;
	c->rank = rank;
	c->units = m.units;
}

/* LI, a named section (序言, or with CAPTION a contents' 目录), if short. */
static void
outline_classify_matter(struct outline_ctx *cx,
    const struct outline_line *li, struct outline_cls *c, int caption)
{
	struct outline_meas m;

	outline_measure(cx, li->t0, li->t1, OUTLINE_PLAIN_UNITS + 1, &m);
	if (m.units > OUTLINE_PLAIN_UNITS || m.sent_inside ||
	    (li->end_class != OUTLINE_END_NONE))
		return;
	c->look = caption ? OUTLINE_L_CAPTION : OUTLINE_L_MATTER;
	c->rank = OUTLINE_R_PLAIN;
	c->units = m.units;
}

/* LI, a short plain line of at most PLAIN_CAP units with no end mark. */
static void
outline_classify_plain(struct outline_ctx *cx,
    const struct outline_line *li, struct outline_cls *c, int plain_cap)
{
	struct outline_meas m;

	if (plain_cap == 0 || li->end_class != OUTLINE_END_NONE)
		return;
	outline_measure(cx, li->t0, li->t1, plain_cap + 1, &m);
	if (m.units < 1 || m.alpha == 0 || m.bad_start || m.url ||
	    m.sent_inside || m.units > plain_cap)
		return;
	/* A lone character (the tail of a wrapped paragraph) is no title. */
	if (m.units < 2 && m.alpha < 2)
		return;
	c->look = OUTLINE_L_PLAIN;
	c->rank = OUTLINE_R_PLAIN;
	c->units = m.units;
	c->commas = m.commas;
	/* Latin text names a section in Title Case, not in a sentence. */
	c->sentence_case = m.han == 0 && m.lower_words > 0;
}

/*
 * Classify line LI by itself (no context), trying each look in turn.
 * PLAIN_CAP is the most units a plain line may have to be looked at (0:
 * do not look for one).
 */
static void
outline_classify(struct outline_ctx *cx, const struct outline_line *li,
    struct outline_cls *c, int plain_cap)
{
	const char *t = cx->text;
	size_t after, text;
	int rank, style, caption;

	memset(c, 0, sizeof *c);
	c->look = OUTLINE_L_BODY;
	c->title_end = li->t1;
	if (li->blank || li->rule)
		return;
	if (li->t1 - li->t0 > OUTLINE_MAX_LINE) {
		style = outline_numbering(t, li->t0, li->t1, &rank, &text);
		if (style != 0)
			outline_classify_numbered(cx, li, c, style, rank, text);
		return;
	}
	rank = outline_struct_word(t, li->t0, li->t1, &after);
	if (rank) {
		outline_classify_struct(cx, li, c, rank, after);
		return;
	}
	if (li->t1 - li->t0 <= 13 * 3 && outline_classical(t, li->t0,
	    li->t1)) {
		c->look = OUTLINE_L_STRUCT;
		c->rank = OUTLINE_R_ZHANG;
		c->units = 4;
		return;
	}
	if (outline_matter(t, li->t0, li->t1, &caption)) {
		outline_classify_matter(cx, li, c, caption);
		return;
	}
	style = outline_numbering(t, li->t0, li->t1, &rank, &text);
	if (style) {
		outline_classify_numbered(cx, li, c, style, rank, text);
		return;
	}
	outline_classify_plain(cx, li, c, plain_cap);
}

/* 1 if LI reads as a paragraph: a finished sentence or a long line. */
static int
outline_is_paragraph(struct outline_ctx *cx, const struct outline_line *li)
{
	struct outline_meas m;

	if (li->blank || li->rule)
		return 0;
	/* A bare URL is a reference, not prose. */
	if (memmem(cx->text + li->t0, li->t1 - li->t0, "://", 3) != NULL &&
	    memchr(cx->text + li->t0, ' ', li->t1 - li->t0) == NULL)
		return 0;
	if (li->end_class == OUTLINE_END_SENT ||
	    li->end_class == OUTLINE_END_COLON ||
	    li->end_class == OUTLINE_END_QUESTION ||
	    li->end_class == OUTLINE_END_QUOTE)
		return 1;
	if (li->t1 - li->t0 > 200)
		return 1;
	outline_measure(cx, li->t0, li->t1, 16, &m);
	return m.units >= 16;
}

/*
 * The indentation paragraphs start at: the most common non-zero indent of
 * lines that start a paragraph (after a blank line or a finished
 * sentence), when at least a third of them have it; else 0.  Also whether
 * the text is hard-wrapped: a third of its lines or more break inside a
 * sentence.  Counted over the first lines only: documents keep their
 * habits.
 */
static int
outline_para_indent(struct outline_ctx *cx)
{
	size_t hist[41], total = 0, best = 0, lines = 0, open = 0;
	size_t wide[161];
	struct outline_line li, prev;
	size_t lim = cx->nlines < 30000 ? cx->nlines : 30000;

	if (cx->para_indent >= 0)
		return cx->para_indent;
	memset(hist, 0, sizeof hist);
	memset(wide, 0, sizeof wide);
	memset(&prev, 0, sizeof prev);
	prev.blank = 1;
	for (size_t i = 0; i < lim; i++) {
		outline_line_get(cx, i, &li);
		if (!li.blank && !li.rule && li.t1 - li.t0 >= 30) {
			int cols = li.indent_cols + outline_cols(cx->text,
			    li.t0, li.t1, 160);
			wide[cols > 160 ? 160 : cols]++;
			lines++;
			open += li.end_class == OUTLINE_END_NONE ||
			    li.end_class == OUTLINE_END_COMMA;
		}
		/* Paragraphs: finished sentences or long lines. */
		if (!li.blank && !li.rule && (li.t1 - li.t0 >= 75 ||
		    (li.t1 - li.t0 >= 30 &&
		    li.end_class != OUTLINE_END_NONE)) &&
		    (prev.blank || prev.end_class == OUTLINE_END_SENT ||
		    prev.end_class == OUTLINE_END_QUESTION)) {
			hist[li.indent_cols > 40 ? 40 : li.indent_cols]++;
			total++;
		}
		prev = li;
	}
	cx->para_indent = 0;
	for (int c = 1; c < 40; c++) {
		if (hist[c] > best) {
			best = hist[c];
			cx->para_indent = c;
		}
	}
	if (best * 3 < total)
		cx->para_indent = 0;
	/* A handful of lines tells nothing. */
	cx->hard_wrapped = lines >= 10 && open * 3 >= lines;
	/* The page: the width 95% of the lines keep within, if wrapped. */
	cx->page_cols = 80;
	for (size_t c = 0, seen = 0; c <= 160 && lines >= 20; c++) {
		seen += wide[c];
		if (seen * 20 >= lines * 19) {
			if (c >= 40 && c <= 100)
				cx->page_cols = (int)c;
			break;
		}
	}
	return cx->para_indent;
}

/* 1 if LI is centred on the page: its margins differ by 10 or less. */
static int
outline_centred(struct outline_ctx *cx, const struct outline_line *li)
{
	int cols, slack;

	if (li->indent_cols < OUTLINE_CENTRED_COLS)
		return 0;
	outline_para_indent(cx);
	cols = outline_cols(cx->text, li->t0, li->t1, 200);
	slack = cx->page_cols - cols - 2 * li->indent_cols;
	return slack >= -10 && slack <= 10;
}

/* 1 if a heading may stand at LI's indentation (not a paragraph's). */
static int
outline_indent_ok(struct outline_ctx *cx, const struct outline_line *li)
{
	return li->indent_cols == 0 || li->indent_cols <
	    outline_para_indent(cx);
}

/*
 * A numbered heading wrapped onto the next line or two: the lines form a
 * block set apart by blank lines, and the block ends without sentence
 * punctuation (or with a question mark), as in 1.5. …为什么我应该选 /
 * 择 Debian，而不是其他发行版？
 */
static int
outline_wrapped_heading(struct outline_ctx *cx, size_t i,
    const struct outline_line *li)
{
	struct outline_line ln;
	struct outline_meas m;
	int units;

	outline_measure(cx, li->t0, li->t1, OUTLINE_TITLE_UNITS, &m);
	units = m.units;
	for (size_t k = i + 1; k < cx->nlines && k <= i + 2; k++) {
		outline_line_get(cx, k, &ln);
		if (ln.blank || ln.rule || ln.indent_cols > li->indent_cols)
			return 0;
		outline_measure(cx, ln.t0, ln.t1, OUTLINE_TITLE_UNITS, &m);
		units += m.units;
		if (units > OUTLINE_TITLE_UNITS)
			return 0;
		if (k + 1 < cx->nlines) {
			struct outline_line after;
			outline_line_get(cx, k + 1, &after);
			if (!after.blank && !after.rule)
				continue;
		}
		if (ln.end_class == OUTLINE_END_SENT) {
			/* 我想知道…哪些软件包！ exclaims; 。 ends prose. */
			uint32_t cp;
			size_t q = utf8_prev(cx->text, ln.t0, ln.t1);
			utf8_decode(cx->text + q, ln.t1 - q, &cp);
			return cp == 0xFF01 || cp == '!';
		}
		return ln.end_class == OUTLINE_END_NONE ||
		    ln.end_class == OUTLINE_END_QUESTION;
	}
	return 0;
}

/* The next line after I that is neither blank nor a rule; 0 if none. */
static int
outline_next_text(struct outline_ctx *cx, size_t i, size_t *j,
    struct outline_line *lj)
{
	for (size_t k = i + 1; k < cx->nlines; k++) {
		outline_line_get(cx, k, lj);
		if (!lj->blank && !lj->rule) {
			*j = k;
			return 1;
		}
	}
	return 0;
}

static int
outline_is_heading_look(enum outline_look l)
{
	return l == OUTLINE_L_STRUCT || l == OUTLINE_L_MATTER ||
	    l == OUTLINE_L_CAPTION || l == OUTLINE_L_NUM ||
	    l == OUTLINE_L_NUM_RUNIN || l == OUTLINE_L_PLAIN;
}

static int
outline_is_numbered_look(enum outline_look l)
{
	return l == OUTLINE_L_NUM || l == OUTLINE_L_NUM_RUNIN ||
	    l == OUTLINE_L_NUM_ITEM;
}

/* 1 if the line after I is blank, a rule, or the end of the text. */
static int
outline_apart_below(struct outline_ctx *cx, size_t i)
{
	struct outline_line lj;

	outline_line_get(cx, i + 1, &lj);
	return i + 1 >= cx->nlines || lj.blank || lj.rule;
}

/* What the plain-text scan carries from one line to the next. */
struct outline_plain {
	struct outline_line prev;	/* the line before */
	size_t last_heading;	/* line of the last heading, or -1 */
	int seen_text;		/* a heading or a paragraph came already */
	int chain;		/* in a heading block (subtitles, bylines)
				   until a paragraph comes */
	int body_since;		/* no heading since the last body line */
	int pending_list;	/* a line ended with a colon: an
				   enumeration may follow */
	int list_style;		/* the enumeration's numbering style (0:
				   none) and rank */
	int list_rank;
	int prev_style;		/* numbering style of the previous text
				   line, 0 if it was not numbered */
	int toc;		/* 1 after a contents caption (目录), 2 in
				   its entries, 0 else */
};

/* What is decided about one line. */
struct outline_verdict {
	int accept;		/* it is a heading */
	int rank;		/* enum outline_rank */
	int plain;		/* a plain line or a named section */
};

/* The line being judged, with what is known of it before judging. */
struct outline_judged {
	size_t i;		/* its line */
	const struct outline_line *li;
	struct outline_cls c;	/* how it reads by itself */
	int prev_ok;		/* a heading may start here: after a
				   finished paragraph or a heading */
	int is_first;		/* no heading or paragraph before it */
};

/* The blank, the rule and the table-of-contents entry are never headings;
 * 1 when LI is one of them. */
static int
outline_plain_skip(struct outline_plain *st, const struct outline_line *li)
{
	if (li->blank || li->rule) {
		if (st->toc == 2)
			st->toc = 0;
		return 1;
	}
	if (st->toc) {
		/* The entries of a table of contents. */
		st->toc = 2;
		st->chain = 0;
		return 1;
	}
	return 0;
}

/*
 * The most units a plain line at line I may have to be measured at all:
 * it is worth it only where a heading may stand, after a finished
 * paragraph, and set apart from the text around it in hard-wrapped text.
 */
static int
outline_plain_cap(struct outline_ctx *cx, const struct outline_plain *st,
    const struct outline_judged *l)
{
	if (l->is_first)
		return OUTLINE_TITLE_UNITS;
	if (!st->chain && l->prev_ok && (!cx->hard_wrapped ||
	    st->prev.blank || st->prev.rule))
		return OUTLINE_PLAIN_UNITS;
	return 0;
}

/* A named section (序言), or a contents caption (目录), which may follow an
 * unfinished list. */
static void
outline_judge_matter(struct outline_ctx *cx, struct outline_plain *st,
    const struct outline_judged *l, struct outline_verdict *v)
{
	struct outline_line lj;
	size_t j;

	if ((!l->prev_ok && st->prev.end_class != OUTLINE_END_NONE) ||
	    !outline_next_text(cx, l->i, &j, &lj))
		return;
	v->accept = 1;
	v->rank = OUTLINE_R_PLAIN;
	v->plain = 1;
	if (l->c.look == OUTLINE_L_CAPTION)
		st->toc = 1;
}

/*
 * 1 if numbered line C is an item of the enumeration being read: the
 * sentences numbered after a colon are its items, and so are the items
 * nested right under them.  Starts the enumeration after a colon.
 */
static int
outline_plain_list_item(struct outline_plain *st, const struct outline_cls *c)
{
	if (st->pending_list) {
		st->list_style = c->style;
		st->list_rank = c->rank;
		st->pending_list = 0;
		return 1;
	}
	return st->list_style && (c->style == st->list_style ||
	    (c->rank > st->list_rank && st->prev_style));
}

/* 1 if short numbered line L is one of consecutive short items: a list,
 * not headings. */
static int
outline_num_in_list(struct outline_ctx *cx, const struct outline_plain *st,
    const struct outline_judged *l)
{
	struct outline_line lj;
	struct outline_cls cj;
	size_t j;

	if (st->prev_style == l->c.style)
		return 1;
	if (!outline_next_text(cx, l->i, &j, &lj))
		return 1;
	outline_classify(cx, &lj, &cj, OUTLINE_PLAIN_UNITS);
	return cj.style == l->c.style && (cj.look == OUTLINE_L_NUM ||
	    cj.look == OUTLINE_L_NUM_ITEM);
}

/* A numbered line: a heading unless it is an item of a list, or does not
 * stand where a heading may. */
static void
outline_judge_numbered(struct outline_ctx *cx, struct outline_plain *st,
    const struct outline_judged *l, struct outline_verdict *v)
{
	const struct outline_cls *c = &l->c;

	if (c->look != OUTLINE_L_NUM && outline_plain_list_item(st, c))
		return;
	st->pending_list = 0;
	st->list_style = 0;
	if (!l->prev_ok || !outline_indent_ok(cx, l->li))
		return;
	if (c->look == OUTLINE_L_NUM_ITEM) {
		/* A long item may be a heading wrapped onto the next line. */
		if ((st->prev.blank || st->prev.rule || l->i == 0) &&
		    outline_wrapped_heading(cx, l->i, l->li)) {
			v->accept = 1;
			v->rank = c->rank;
		}
		return;
	}
	if (c->look == OUTLINE_L_NUM && outline_num_in_list(cx, st, l))
		return;
	v->accept = 1;
	v->rank = c->rank;
}

/*
 * The document's title: a short first line set apart, or right above a
 * paragraph or a heading (not above the rest of a note, as in "This file
 * was derived from" / a URL).
 */
static void
outline_judge_title(struct outline_ctx *cx, const struct outline_judged *l,
    struct outline_verdict *v)
{
	struct outline_line lj;
	struct outline_cls cj;
	size_t j;

	if (!outline_next_text(cx, l->i, &j, &lj))
		return;
	outline_classify(cx, &lj, &cj, OUTLINE_PLAIN_UNITS);
	if (j == l->i + 1 && (l->c.commas ||
	    (!outline_is_heading_look(cj.look) &&
	    !outline_is_paragraph(cx, &lj))))
		return;
	v->accept = 1;
	v->rank = OUTLINE_R_TITLE;
}

/*
 * 1 if LJ, the text right under a plain line of UNITS set apart above
 * but not below, is a paragraph (long enough), not the next line of a
 * block such as an address or a notice.
 */
static int
outline_para_under(struct outline_ctx *cx, const struct outline_line *lj,
    int units)
{
	struct outline_meas mj;

	outline_measure(cx, lj->t0, lj->t1, 40, &mj);
	return !(mj.units < 16 || mj.units * 2 < units * 3);
}

/* 1 if LJ, the text after a plain line of UNITS, is what follows a
 * heading: a numbered heading, a finished sentence or a long line. */
static int
outline_body_after(struct outline_ctx *cx, const struct outline_line *lj,
    const struct outline_cls *cj, int units)
{
	struct outline_meas mj;

	if (cj->look == OUTLINE_L_NUM || cj->look == OUTLINE_L_NUM_RUNIN)
		return 1;
	if (outline_is_heading_look(cj->look))
		return 0;
	outline_measure(cx, lj->t0, lj->t1, 40, &mj);
	return lj->end_class == OUTLINE_END_SENT ||
	    lj->end_class == OUTLINE_END_COLON ||
	    lj->end_class == OUTLINE_END_QUESTION ||
	    (mj.units >= 12 && mj.units * 2 >= units * 3);
}

/*
 * A short plain line: the title; a centred title; or a heading when it
 * stands apart where a heading may and body text follows it.
 */
static void
outline_judge_plain(struct outline_ctx *cx, const struct outline_plain *st,
    const struct outline_judged *l, struct outline_verdict *v)
{
	const struct outline_cls *c = &l->c;
	int apart_above = st->prev.blank || st->prev.rule;
	struct outline_line lj;
	struct outline_cls cj;
	size_t j;

	if (l->is_first) {
		outline_judge_title(cx, l, v);
		return;
	}
	if (st->chain)
		return;		/* a subtitle of the heading above */
	if (!l->prev_ok || c->units > OUTLINE_PLAIN_UNITS || c->sentence_case)
		return;
	if (apart_above && outline_centred(cx, l->li)) {
		/* A centred title line. */
		if (outline_apart_below(cx, l->i) &&
		    outline_next_text(cx, l->i, &j, &lj)) {
			v->accept = 1;
			v->rank = OUTLINE_R_TITLE;
		}
		return;
	}
	/*
	 * With a comma, or in hard-wrapped text (where a short line may be
	 * a broken one), only a line set apart.
	 */
	if ((c->commas || cx->hard_wrapped) &&
	    (!outline_apart_below(cx, l->i) || !apart_above))
		return;
	if (!outline_indent_ok(cx, l->li) ||
	    !outline_next_text(cx, l->i, &j, &lj))
		return;
	outline_classify(cx, &lj, &cj, OUTLINE_PLAIN_UNITS);
	if (apart_above && j == l->i + 1 &&
	    !outline_is_heading_look(cj.look) &&
	    !outline_para_under(cx, &lj, c->units))
		return;
	v->accept = outline_body_after(cx, &lj, &cj, c->units);
	v->rank = OUTLINE_R_PLAIN;
	v->plain = 1;
}

/* After line L was judged V: add it as a heading, and carry what the next
 * line needs to know. */
static void
outline_plain_record(struct outline_ctx *cx, struct outline_plain *st,
    const struct outline_judged *l, struct outline_verdict *v)
{
	const struct outline_cls *c = &l->c;

	if (v->accept && !st->body_since && cx->ncand > 0) {
		/* The same heading twice in a row: keep the first. */
		struct outline_cand me;

		me.t0 = l->li->t0;
		me.t1 = c->title_end;
		if (outline_same_title(cx, &cx->cand[cx->ncand - 1], &me))
			v->accept = 0;
	}
	if (v->accept) {
		outline_add(cx, l->i, l->li->t0, c->title_end, v->rank,
		    v->plain, st->body_since, 0);
		cx->cand[cx->ncand - 1].leaf = c->look == OUTLINE_L_CAPTION;
		st->last_heading = l->i;
		st->body_since = c->look == OUTLINE_L_NUM_RUNIN;
		st->chain = c->look != OUTLINE_L_NUM_RUNIN;
		if (v->rank == OUTLINE_R_TITLE || c->look == OUTLINE_L_STRUCT)
			st->list_style = 0;
	} else {
		/*
		 * Subtitles, bylines and other short lines keep the
		 * heading block open until a paragraph comes.
		 */
		if (st->chain && outline_is_paragraph(cx, l->li))
			st->chain = 0;
		st->body_since = 1;
	}
	if (!v->accept && l->li->end_class == OUTLINE_END_COLON)
		st->pending_list = 1;
	else if (!outline_is_numbered_look(c->look))
		st->pending_list = 0;
	if (!st->seen_text && (v->accept || outline_is_paragraph(cx, l->li)))
		st->seen_text = 1;
	st->prev_style = outline_is_numbered_look(c->look) ? c->style : 0;
}

/* Judge text line I (LI): classify it, then decide by its look. */
static void
outline_plain_line(struct outline_ctx *cx, struct outline_plain *st,
    size_t i, const struct outline_line *li)
{
	struct outline_judged l;
	struct outline_verdict v = { 0, 0, 0 };

	l.i = i;
	l.li = li;
	l.is_first = !st->seen_text;
	l.prev_ok = i == 0 || st->prev.blank || st->prev.rule ||
	    st->prev.end_class == OUTLINE_END_SENT ||
	    st->prev.end_class == OUTLINE_END_QUESTION ||
	    st->last_heading == i - 1;
	outline_classify(cx, li, &l.c, outline_plain_cap(cx, st, &l));
	/* A number that starts a wrapped line is no numbering. */
	if (!l.prev_ok && outline_is_numbered_look(l.c.look)) {
		l.c.look = OUTLINE_L_BODY;
		l.c.style = 0;
		l.c.title_end = li->t1;
	}
	switch (l.c.look) {
	case OUTLINE_L_STRUCT:
		v.accept = 1;
		v.rank = l.c.rank;
		st->list_style = 0;
		st->pending_list = 0;
		break;
	case OUTLINE_L_CAPTION:
	case OUTLINE_L_MATTER:
		outline_judge_matter(cx, st, &l, &v);
		break;
	case OUTLINE_L_NUM:
	case OUTLINE_L_NUM_RUNIN:
	case OUTLINE_L_NUM_ITEM:
		outline_judge_numbered(cx, st, &l, &v);
		break;
	case OUTLINE_L_PLAIN:
		outline_judge_plain(cx, st, &l, &v);
		break;
	case OUTLINE_L_BODY:
		break;
	}
	outline_plain_record(cx, st, &l, &v);
}

/*
 * Plain text.  Each line is classified by itself, then judged in context:
 * what ends before it, what follows it, the list it may belong to.
 */
void
outline_scan_plain(struct outline_ctx *cx)
{
	struct outline_plain st;
	struct outline_line li;

	memset(&st, 0, sizeof st);
	st.prev.blank = 1;
	st.last_heading = (size_t)-1;
	st.body_since = 1;
	outline_para_indent(cx);
	for (size_t i = 0; i < cx->nlines; i++) {
		outline_line_get(cx, i, &li);
		if (!outline_plain_skip(&st, &li))
			outline_plain_line(cx, &st, i, &li);
		st.prev = li;
	}
}

/*
 * A table of contents without a caption: a run of five or more headings
 * with no text between them, three quarters of which come again later,
 * in the same order.  (Four levels, 编 分编 章 节, may legitimately open
 * at once; five may not.)  When the run goes on into the first heading
 * proper (its first entry again), only the part before it is contents.
 */
void
outline_drop_toc(struct outline_ctx *cx)
{
	size_t i = 0, o = 0;

	while (i < cx->ncand) {
		size_t k = i + 1, end, again = 0, b;

		while (k < cx->ncand && !cx->cand[k].body_before)
			k++;
		end = k;
		for (size_t r = i + 1; r < k; r++) {
			if (outline_same_title(cx, &cx->cand[i],
			    &cx->cand[r])) {
				end = r;
				break;
			}
		}
		b = end;
		for (size_t a = i; end - i >= 5 && a < end; a++) {
			for (size_t c = b; c < cx->ncand; c++) {
				if (outline_same_title(cx, &cx->cand[a],
				    &cx->cand[c])) {
					again++;
					b = c + 1;
					break;
				}
			}
		}
		if (end - i >= 5 && again * 4 >= (end - i) * 3) {
			/* Keep a title standing before the contents. */
			if (cx->cand[i].rank == OUTLINE_R_TITLE)
				cx->cand[o++] = cx->cand[i];
			if (end < cx->ncand)
				cx->cand[end].body_before = 1;
			i = end;
			continue;
		}
		for (size_t a = i; a < k; a++)
			cx->cand[o++] = cx->cand[a];
		i = k;
	}
	cx->ncand = o;
}
