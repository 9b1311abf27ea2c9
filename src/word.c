/*
 * Word owns the words of a laid-out row: it gathers the text the row
 * shows (skipping annotations and cells that draw nothing), segments it
 * and maps each word back to its cells, source bytes and columns.
 */
#include "yuedu/word.h"

#include <stdlib.h>
#include <string.h>

#include "yuedu/annot.h"
#include "yuedu/layout.h"
#include "yuedu/segment.h"
#include "yuedu/util.h"

static void
word_put(struct word_row *w, const char *s, size_t n, size_t cell)
{
	w->buf = xgrow(w->buf, &w->buf_cap, w->len + n + 1, 1);
	w->map = xgrow(w->map, &w->map_cap, w->len + n + 1, sizeof *w->map);
	memcpy(w->buf + w->len, s, n);
	for (size_t i = 0; i < n; i++)
		w->map[w->len + i] = cell;
	w->len += n;
	w->buf[w->len] = '\0';
}

size_t
word_row_get(struct word_row *w, const struct lexicon *lex,
    const struct layout_line *ll, size_t r)
{
	const struct layout_row *row = &ll->rows[r];
	size_t first = row->cell, last = row->cell + row->ncells;
	size_t t0, t1, nan, k = 0, nsw;

	w->n = 0;
	w->len = 0;
	if (row->ncells == 0)
		return 0;
	/* The row's text: a span of ll->text (nothing breaks inside an
	 * annotation, so the row holds all of each of its own). */
	t0 = ll->cells[first].toff;
	t1 = ll->cells[last - 1].toff + ll->cells[last - 1].tlen;
	nan = t1 > t0 ? annot_find(ll->text + t0, t1 - t0, t0, &w->an,
	    &w->an_cap) : 0;
	for (size_t i = first; i < last; i++) {
		const struct layout_cell *c = &ll->cells[i];

		while (k < nan && w->an[k].end_off <= c->toff)
			k++;
		if (k < nan && c->toff >= w->an[k].open_off)
			continue;	/* inside an annotation shown inline */
		if (c->kind != LAYOUT_TEXT || c->cols == 0 || c->tlen == 0) {
			if (c->kind != LAYOUT_HIDDEN)
				word_put(w, " ", 1, i);	/* a separator */
			continue;
		}
		word_put(w, ll->text + c->toff, c->tlen, i);
	}
	nsw = segment_words(lex, w->buf, w->len, 0, &w->sw, &w->sw_cap);
	w->v = xgrow(w->v, &w->v_cap, nsw + 1, sizeof *w->v);
	for (size_t i = 0; i < nsw; i++) {
		size_t a = w->map[w->sw[i].off], b = w->map[w->sw[i].end - 1];
		struct word_span *s = &w->v[w->n++];

		s->off = ll->cells[a].off;
		s->end = layout_cell_end(ll, b);
		s->col = ll->cells[a].col;
		s->cols = ll->cells[b].col + ll->cells[b].cols - s->col;
		s->text_off = w->sw[i].off;
		s->text_len = w->sw[i].end - w->sw[i].off;
	}
	return w->n;
}

void
word_row_done(struct word_row *w)
{
	free(w->v);
	free(w->buf);
	free(w->map);
	free(w->sw);
	free(w->an);
	memset(w, 0, sizeof *w);
}

char *
word_text(const struct word_row *w, size_t i)
{
	return xstrndup(w->buf + w->v[i].text_off, w->v[i].text_len);
}

size_t
word_at_col(const struct word_row *w, int col)
{
	size_t best = 0;
	int best_d = -1;

	for (size_t i = 0; i < w->n; i++) {
		const struct word_span *s = &w->v[i];
		int d = col < s->col ? s->col - col :
		    col >= s->col + s->cols ? col - (s->col + s->cols - 1) : 0;

		if (best_d < 0 || d < best_d) {
			best = i;
			best_d = d;
		}
	}
	return best;
}

size_t
word_at_off(const struct word_row *w, size_t off)
{
	for (size_t i = 0; i < w->n; i++)
		if (off < w->v[i].end)
			return i;
	return w->n;
}
