/*
 * Filters match titles with the search engine, as a literal with the
 * search's foldings, so a filter finds what / would find in the text.
 */
#include "yuedu/filter.h"

#include <stdlib.h>
#include <string.h>

#include "yuedu/utf8.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

void
filter_set(struct filter *f, const char *query)
{
	struct search_opts o;
	char *err = NULL;

	if (f->query != NULL && strcmp(f->query, query) == 0)
		return;
	search_free(f->s);
	f->s = NULL;
	free(f->query);
	f->query = xstrdup(query);
	if (query[0] == '\0')
		return;
	memset(&o, 0, sizeof o);
	o.casing = SEARCH_CASE_IGNORE;	/* a list narrows, as less's & */
	o.annot = ANNOT_HIDE;	/* titles carry no annotations */
	f->s = search_new(query, &o, &err);
	free(err);	/* a literal compiles; NULL matches nothing */
}

void
filter_done(struct filter *f)
{
	search_free(f->s);
	free(f->query);
	free(f->m);
	memset(f, 0, sizeof *f);
}

int
filter_empty(const struct filter *f)
{
	return f->query == NULL || f->query[0] == '\0';
}

int
filter_match(struct filter *f, const char *title, struct search_match *m)
{
	size_t n;

	if (m != NULL)
		m->off = m->end = 0;
	if (filter_empty(f))
		return 1;
	if (f->s == NULL)
		return 0;
	n = search_text(f->s, title, strlen(title), 0, &f->m, &f->cap);
	if (n > 0 && m != NULL)
		*m = f->m[0];
	return n > 0;
}

char *
filter_excerpt(const char *title, const struct search_match *m, int cols)
{
	size_t n = strlen(title), start;
	int ell = width_codepoint(0x2026), lead = 0;

	if (m == NULL || m->end <= m->off || m->end > n ||
	    width_string(title, n) <= cols ||
	    width_string(title, m->end) <= cols - ell)
		return xstrdup(title);
	/* Start at the match, then take back what leaves it room. */
	start = m->off;
	while (start > 0 && lead < cols / 4) {
		size_t prev = utf8_prev(title, 0, start);

		if (ell + width_string(title + prev, m->end - prev) > cols -
		    ell)
			break;
		lead += width_string(title + prev, start - prev);
		start = prev;
	}
	return xasprintf("\u2026%s", title + start);
}
