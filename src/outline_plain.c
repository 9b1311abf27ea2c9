/*
 * Headings of plain text.  Each line is first classified by itself
 * (outline_classify: structure word, numbering, matter word, short plain
 * line), then judged in its context: what ends before it, what follows
 * it, the list it may belong to, the indentation and centring of the
 * page.  tests/outline/README.md states the rules.
 */
#include <stdint.h>
#include <string.h>

#include "yuedu/utf8.h"

#include "outline_int.h"

/*
 * Classify line LI by itself (no context).  PLAIN_CAP is the most units a
 * plain line may have to be looked at (0: do not look for one).
 */
static void
outline_classify(struct outline_ctx *cx, const struct outline_line *li,
    struct outline_cls *c, int plain_cap)
{
	const char *t = cx->text;
	struct outline_meas m;
	size_t after, text;
	int rank, style, caption;
	uint32_t cp;

	memset(c, 0, sizeof *c);
	c->look = OUTLINE_L_BODY;
	c->title_end = li->t1;
	if (li->blank || li->rule)
		return;
	if (li->t1 - li->t0 > OUTLINE_MAX_LINE) {
		/* Only a run-in numbered heading can start a long line. */
		style = outline_numbering(t, li->t0, li->t1, &rank, &text);
		if (style == 0)
			return;
		outline_measure(cx, text, li->t0 + OUTLINE_MAX_LINE,
		    OUTLINE_NUM_UNITS + 1, &m);
		goto runin;
	}
	rank = outline_struct_word(t, li->t0, li->t1, &after);
	if (rank) {
		outline_measure(cx, li->t0, li->t1, OUTLINE_STRUCT_UNITS + 1,
		    &m);
		if (m.units > OUTLINE_STRUCT_UNITS ||
		    li->end_class == OUTLINE_END_SENT ||
		    li->end_class == OUTLINE_END_COLON)
			return;
		if (after < li->t1) {
			utf8_decode(t + after, li->t1 - after, &cp);
			/* 第四回中既將…: the word runs on into a sentence. */
			if (!outline_is_title_sep(cp) && (m.sent_inside ||
			    m.commas || m.units > 20 ||
			    li->end_class != OUTLINE_END_NONE))
				return;
		}
		c->look = OUTLINE_L_STRUCT;
		c->rank = rank;
		c->units = m.units;
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
		outline_measure(cx, li->t0, li->t1, OUTLINE_PLAIN_UNITS + 1,
		    &m);
		if (m.units > OUTLINE_PLAIN_UNITS || m.sent_inside ||
		    (li->end_class != OUTLINE_END_NONE))
			return;
		c->look = caption ? OUTLINE_L_CAPTION : OUTLINE_L_MATTER;
		c->rank = OUTLINE_R_PLAIN;
		c->units = m.units;
		return;
	}
	style = outline_numbering(t, li->t0, li->t1, &rank, &text);
	if (style) {
		outline_measure(cx, text, li->t1, OUTLINE_NUM_UNITS + 1, &m);
		c->style = style;
		c->rank = rank;
		c->look = OUTLINE_L_NUM_ITEM;
		if (m.units == 0 || m.punct_start)
			return;
		/* 4.5.3. “为什么 GNU su 不支持 wheel 组”: quoted whole. */
		if (m.units <= OUTLINE_NUM_UNITS &&
		    (li->end_class == OUTLINE_END_NONE ||
		    li->end_class == OUTLINE_END_QUESTION ||
		    (li->end_class == OUTLINE_END_QUOTE && m.quote_start)) &&
		    (m.sent_inside == 0 || li->end_class ==
		    OUTLINE_END_QUESTION)) {
			c->look = OUTLINE_L_NUM;
			c->units = m.units;
			return;
		}
runin:
		c->style = style;
		c->rank = rank;
		c->look = OUTLINE_L_NUM_ITEM;
		/* （一）大力推进…，加快发展新质生产力。充分发挥…: run-in. */
		if (!m.stop_found || m.stop_off == text)
			return;
		{
			struct outline_meas h, rest;
			size_t q = m.stop_off + 3;

			outline_measure(cx, text, m.stop_off,
			    OUTLINE_NUM_UNITS + 1, &h);
			if (h.units < 2 || h.units > OUTLINE_NUM_UNITS ||
			    h.sent_inside || h.punct_start)
				return;
			/* No ；：in the heading sentence. */
			if (memmem(t + text, m.stop_off - text, "：", 3) ||
			    memchr(t + text, ':', m.stop_off - text) ||
			    memchr(t + text, ';', m.stop_off - text))
				return;
			outline_measure(cx, q, q + (li->t1 - q > 64 ? 64 :
			    li->t1 - q), 3, &rest);
			if (rest.units < 2)
				return;
			c->look = OUTLINE_L_NUM_RUNIN;
			c->title_end = m.stop_off;
			c->units = h.units;
		}
		return;
	}
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

/*
 * Plain text.  Each line is classified by itself, then judged in context:
 * what ends before it, what follows it, the list it may belong to.
 */
void
outline_scan_plain(struct outline_ctx *cx)
{
	struct outline_line li, prev, lj;
	struct outline_cls c, cj;
	size_t i, j;
	int seen_text = 0, chain = 0, body_since = 1, pending_list = 0;
	int list_style = 0, list_rank = 0, toc = 0;
	size_t last_heading = (size_t)-1;
	int prev_style = 0;	/* numbering style of the previous text line */

	memset(&prev, 0, sizeof prev);
	prev.blank = 1;
	outline_para_indent(cx);
	for (i = 0; i < cx->nlines; i++) {
		int prev_ok, accept = 0, rank = 0, plain = 0, is_first;
		int plain_cap;
		size_t title_end;

		outline_line_get(cx, i, &li);
		if (li.blank || li.rule) {
			if (toc == 2)
				toc = 0;
			prev = li;
			continue;
		}
		if (toc) {
			/* The entries of a table of contents. */
			toc = 2;
			chain = 0;
			prev = li;
			continue;
		}
		/* The title comes before any paragraph or heading. */
		is_first = !seen_text;
		prev_ok = i == 0 || prev.blank || prev.rule ||
		    prev.end_class == OUTLINE_END_SENT ||
		    prev.end_class == OUTLINE_END_QUESTION ||
		    last_heading == i - 1;
		/*
		 * A plain line is worth measuring only where one may stand:
		 * after a finished paragraph, and set apart from the text
		 * around it in hard-wrapped text.
		 */
		if (is_first)
			plain_cap = OUTLINE_TITLE_UNITS;
		else if (!chain && prev_ok && (!cx->hard_wrapped ||
		    prev.blank || prev.rule))
			plain_cap = OUTLINE_PLAIN_UNITS;
		else
			plain_cap = 0;
		outline_classify(cx, &li, &c, plain_cap);
		title_end = c.title_end;
		/* A number that starts a wrapped line is no numbering. */
		if (!prev_ok && (c.look == OUTLINE_L_NUM ||
		    c.look == OUTLINE_L_NUM_RUNIN ||
		    c.look == OUTLINE_L_NUM_ITEM)) {
			c.look = OUTLINE_L_BODY;
			c.style = 0;
			title_end = li.t1;
		}

		switch (c.look) {
		case OUTLINE_L_STRUCT:
			accept = 1;
			rank = c.rank;
			list_style = 0;
			pending_list = 0;
			break;
		case OUTLINE_L_CAPTION:
		case OUTLINE_L_MATTER:
			/* Named sections may follow an unfinished list. */
			if ((!prev_ok && prev.end_class != OUTLINE_END_NONE) ||
			    !outline_next_text(cx, i, &j, &lj))
				break;
			accept = 1;
			rank = OUTLINE_R_PLAIN;
			plain = 1;
			if (c.look == OUTLINE_L_CAPTION)
				toc = 1;
			break;
		case OUTLINE_L_NUM:
		case OUTLINE_L_NUM_RUNIN:
		case OUTLINE_L_NUM_ITEM:
			if (c.look != OUTLINE_L_NUM) {
				/*
				 * Sentences numbered after a colon are the
				 * items of an enumeration, and so are the
				 * items nested right under them.
				 */
				if (pending_list) {
					list_style = c.style;
					list_rank = c.rank;
					pending_list = 0;
					break;
				}
				if (list_style && (c.style == list_style ||
				    (c.rank > list_rank && prev_style)))
					break;
			}
			pending_list = 0;
			list_style = 0;
			if (!prev_ok || !outline_indent_ok(cx, &li))
				break;
			if (c.look == OUTLINE_L_NUM_ITEM) {
				if ((prev.blank || prev.rule || i == 0) &&
				    outline_wrapped_heading(cx, i, &li)) {
					accept = 1;
					rank = c.rank;
				}
				break;
			}
			if (c.look == OUTLINE_L_NUM) {
				/* Consecutive short items are a list. */
				if (prev_style == c.style)
					break;
				if (!outline_next_text(cx, i, &j, &lj))
					break;
				outline_classify(cx, &lj, &cj,
				    OUTLINE_PLAIN_UNITS);
				if (cj.style == c.style && (cj.look ==
				    OUTLINE_L_NUM || cj.look ==
				    OUTLINE_L_NUM_ITEM))
					break;
			}
			accept = 1;
			rank = c.rank;
			break;
		case OUTLINE_L_PLAIN:
			if (is_first) {
				/*
				 * The document's title: set apart, or right
				 * above a paragraph or a heading (not above
				 * the rest of a note, as in "This file was
				 * derived from" / a URL).
				 */
				if (!outline_next_text(cx, i, &j, &lj))
					break;
				outline_classify(cx, &lj, &cj,
				    OUTLINE_PLAIN_UNITS);
				if (j == i + 1 && (c.commas ||
				    (!outline_is_heading_look(cj.look) &&
				    !outline_is_paragraph(cx, &lj))))
					break;
				accept = 1;
				rank = OUTLINE_R_TITLE;
				break;
			}
			if (chain)
				break;	/* a subtitle of the heading above */
			if (!prev_ok || c.units > OUTLINE_PLAIN_UNITS ||
			    c.sentence_case)
				break;
			if ((prev.blank || prev.rule) &&
			    outline_centred(cx, &li)) {
				/* A centred title line. */
				outline_line_get(cx, i + 1, &lj);
				if (i + 1 < cx->nlines && !lj.blank &&
				    !lj.rule)
					break;
				if (!outline_next_text(cx, i, &j, &lj))
					break;
				accept = 1;
				rank = OUTLINE_R_TITLE;
				break;
			}
			if (c.commas || cx->hard_wrapped) {
				/*
				 * With a comma, or in hard-wrapped text
				 * (where a short line may be a broken
				 * one), only a line set apart.
				 */
				outline_line_get(cx, i + 1, &lj);
				if (!prev.blank && !prev.rule)
					break;
				if (i + 1 < cx->nlines && !lj.blank &&
				    !lj.rule)
					break;
			}
			if (!outline_indent_ok(cx, &li) ||
			    !outline_next_text(cx, i, &j, &lj))
				break;
			outline_classify(cx, &lj, &cj, OUTLINE_PLAIN_UNITS);
			if ((prev.blank || prev.rule) && j == i + 1 &&
			    !outline_is_heading_look(cj.look)) {
				/*
				 * Set apart above but not below: the text
				 * right under it must be a paragraph, not
				 * the next line of a block such as an
				 * address or a notice.
				 */
				struct outline_meas mj;

				outline_measure(cx, lj.t0, lj.t1, 40, &mj);
				if (mj.units < 16 || mj.units * 2 < c.units * 3)
					break;
			}
			if (cj.look == OUTLINE_L_NUM ||
			    cj.look == OUTLINE_L_NUM_RUNIN) {
				accept = 1;
			} else if (!outline_is_heading_look(cj.look)) {
				struct outline_meas mj;

				outline_measure(cx, lj.t0, lj.t1, 40, &mj);
				if (lj.end_class == OUTLINE_END_SENT ||
				    lj.end_class == OUTLINE_END_COLON ||
				    lj.end_class == OUTLINE_END_QUESTION ||
				    (mj.units >= 12 && mj.units * 2 >=
				    c.units * 3))
					accept = 1;
			}
			rank = OUTLINE_R_PLAIN;
			plain = 1;
			break;
		case OUTLINE_L_BODY:
			break;
		}

		if (accept && !body_since && cx->ncand > 0) {
			/* The same heading twice in a row: keep the first. */
			struct outline_cand me;

			me.t0 = li.t0;
			me.t1 = title_end;
			if (outline_same_title(cx, &cx->cand[cx->ncand - 1],
			    &me))
				accept = 0;
		}
		if (accept) {
			outline_add(cx, i, li.t0, title_end, rank, plain,
			    body_since, 0);
			cx->cand[cx->ncand - 1].leaf = c.look ==
			    OUTLINE_L_CAPTION;
			last_heading = i;
			body_since = c.look == OUTLINE_L_NUM_RUNIN;
			chain = c.look != OUTLINE_L_NUM_RUNIN;
			if (rank == OUTLINE_R_TITLE || c.look ==
			    OUTLINE_L_STRUCT)
				list_style = 0;
		} else {
			/*
			 * Subtitles, bylines and other short lines keep the
			 * heading block open until a paragraph comes.
			 */
			if (chain && outline_is_paragraph(cx, &li))
				chain = 0;
			body_since = 1;
		}
		if (!accept && li.end_class == OUTLINE_END_COLON)
			pending_list = 1;
		else if (c.look != OUTLINE_L_NUM &&
		    c.look != OUTLINE_L_NUM_ITEM &&
		    c.look != OUTLINE_L_NUM_RUNIN)
			pending_list = 0;
		if (!seen_text && (accept || outline_is_paragraph(cx, &li)))
			seen_text = 1;
		prev_style = (c.look == OUTLINE_L_NUM ||
		    c.look == OUTLINE_L_NUM_ITEM ||
		    c.look == OUTLINE_L_NUM_RUNIN) ? c.style : 0;
		prev = li;
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
