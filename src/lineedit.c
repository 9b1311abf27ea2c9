/*
 * The one line editor: text, cursor and history for every prompt and
 * filter.  The cursor steps over grapheme clusters as the screen draws
 * them, so a CJK character or an emoji is one step.
 */
#include "yuedu/lineedit.h"

#include <stdlib.h>
#include <string.h>

#include "yuedu/keycode.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

static void
lineedit_changed(struct lineedit *e)
{
	e->buf[e->len] = '\0';
	e->changes++;
}

void
lineedit_clear(struct lineedit *e)
{
	if (e->len == 0 && e->cur_off == 0)
		return;
	e->len = e->cur_off = 0;
	lineedit_changed(e);
}

void
lineedit_set(struct lineedit *e, const char *s)
{
	size_t n = strlen(s);

	while (n >= sizeof e->buf)	/* cut at a character start */
		n = utf8_prev(s, 0, n);
	memcpy(e->buf, s, n);
	e->len = e->cur_off = n;
	lineedit_changed(e);
}

int
lineedit_insert(struct lineedit *e, uint32_t cp)
{
	char u[4];
	size_t k;

	if (!keycode_is_text((int)cp))
		return 0;
	k = utf8_encode(cp, u);
	if (k == 0 || e->len + k >= sizeof e->buf)
		return 0;
	memmove(e->buf + e->cur_off + k, e->buf + e->cur_off,
	    e->len - e->cur_off);
	memcpy(e->buf + e->cur_off, u, k);
	e->len += k;
	e->cur_off += k;
	lineedit_changed(e);
	return 1;
}

/* Start of the cluster that ends at or holds OFF - 1 (OFF > 0). */
static size_t
lineedit_prev(const struct lineedit *e, size_t off)
{
	size_t at = 0, last = 0;

	while (at < off) {
		struct width_cluster c;

		width_next_cluster(e->buf + at, e->len - at, &c);
		last = at;
		at += c.len ? c.len : 1;
	}
	return last;
}

/* End of the cluster starting at OFF (OFF < len). */
static size_t
lineedit_next(const struct lineedit *e, size_t off)
{
	struct width_cluster c;

	width_next_cluster(e->buf + off, e->len - off, &c);
	return off + (c.len ? c.len : 1);
}

void
lineedit_left(struct lineedit *e)
{
	if (e->cur_off > 0)
		e->cur_off = lineedit_prev(e, e->cur_off);
}

void
lineedit_right(struct lineedit *e)
{
	if (e->cur_off < e->len)
		e->cur_off = lineedit_next(e, e->cur_off);
}

void
lineedit_home(struct lineedit *e)
{
	e->cur_off = 0;
}

void
lineedit_end(struct lineedit *e)
{
	e->cur_off = e->len;
}

/* Delete bytes [FROM, TO) and put the cursor at FROM. */
static void
lineedit_cut(struct lineedit *e, size_t from, size_t to)
{
	if (from >= to)
		return;
	memmove(e->buf + from, e->buf + to, e->len - to);
	e->len -= to - from;
	e->cur_off = from;
	lineedit_changed(e);
}

void
lineedit_backspace(struct lineedit *e)
{
	if (e->cur_off > 0)
		lineedit_cut(e, lineedit_prev(e, e->cur_off), e->cur_off);
}

void
lineedit_delete(struct lineedit *e)
{
	if (e->cur_off < e->len)
		lineedit_cut(e, e->cur_off, lineedit_next(e, e->cur_off));
}

static int
lineedit_is_space(const struct lineedit *e, size_t off)
{
	uint32_t cp;

	utf8_decode(e->buf + off, e->len - off, &cp);
	return cp == ' ' || cp == '\t' || cp == 0x3000;
}

void
lineedit_kill_word(struct lineedit *e)
{
	size_t at = e->cur_off;

	while (at > 0 && lineedit_is_space(e, lineedit_prev(e, at)))
		at = lineedit_prev(e, at);
	while (at > 0 && !lineedit_is_space(e, lineedit_prev(e, at)))
		at = lineedit_prev(e, at);
	lineedit_cut(e, at, e->cur_off);
}

void
lineedit_kill_start(struct lineedit *e)
{
	lineedit_cut(e, 0, e->cur_off);
}

void
lineedit_kill_end(struct lineedit *e)
{
	size_t at = e->cur_off;

	lineedit_cut(e, at, e->len);
	e->cur_off = at;
}

int
lineedit_cursor_cols(const struct lineedit *e)
{
	return width_string(e->buf, e->cur_off);
}

void
lineedit_history_done(struct lineedit_history *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->v[i].text);
	free(h->draft);
	memset(h, 0, sizeof *h);
}

void
lineedit_history_add(struct lineedit_history *h, const char *text,
    int flags)
{
	for (size_t i = 0; i < h->n; i++)
		if (strcmp(h->v[i].text, text) == 0) {
			free(h->v[i].text);
			memmove(h->v + i, h->v + i + 1,
			    (h->n - i - 1) * sizeof *h->v);
			h->n--;
			break;
		}
	if (h->n == LINEEDIT_HISTORY_MAX) {
		free(h->v[0].text);
		memmove(h->v, h->v + 1, (h->n - 1) * sizeof *h->v);
		h->n--;
	}
	h->v[h->n].text = xstrdup(text);
	h->v[h->n].flags = flags;
	h->n++;
	h->pos = h->n;
}

const struct lineedit_entry *
lineedit_history_last(const struct lineedit_history *h)
{
	return h->n > 0 ? &h->v[h->n - 1] : NULL;
}

void
lineedit_history_rewind(struct lineedit_history *h)
{
	h->pos = h->n;
	free(h->draft);
	h->draft = NULL;
}

int
lineedit_history_move(struct lineedit_history *h, struct lineedit *e,
    int older, int *flags)
{
	if (older && h->pos > 0) {
		if (h->pos == h->n) {	/* leaving the draft: keep it */
			free(h->draft);
			h->draft = xstrdup(e->buf);
			h->draft_flags = *flags;
		}
		h->pos--;
	} else if (!older && h->pos < h->n) {
		h->pos++;
	} else {
		return 0;
	}
	if (h->pos == h->n) {
		lineedit_set(e, h->draft ? h->draft : "");
		*flags = h->draft ? h->draft_flags : *flags;
	} else {
		lineedit_set(e, h->v[h->pos].text);
		*flags = h->v[h->pos].flags;
	}
	return 1;
}
