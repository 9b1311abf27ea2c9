/*
 * A filter over a list of titles (the outline panel's headings, the
 * shelf's articles): a typed query matched as the search matches text,
 * folding case (always: TXT finds .txt), full/half width and
 * simplified/traditional script, so 诸葛 finds 諸葛.  No curses here.
 */
#ifndef YUEDU_FILTER_H
#define YUEDU_FILTER_H

#include <stddef.h>

#include "yuedu/search.h"

struct filter {
	struct search *s;	/* the query compiled; NULL when empty */
	char *query;		/* what s was made from */
	struct search_match *m;	/* scratch for search_text() */
	size_t cap;
};

/* Set the query (a literal; "" matches everything).  Cheap when the
 * query is the same as before. */
void filter_set(struct filter *f, const char *query);
void filter_done(struct filter *f);

/* 1 when the query is empty. */
int filter_empty(const struct filter *f);

/*
 * 1 if TITLE (NUL-ended UTF-8) matches; *M (may be NULL) gets the first
 * match as byte offsets into TITLE ({0, 0} for an empty query).
 */
int filter_match(struct filter *f, const char *title, struct search_match *m);

/*
 * TITLE as shown in COLS columns so that match M shows: TITLE itself when
 * the match lies in the part that fits (the caller cuts the end with …),
 * else "…" and TITLE from a little before the match.  Caller frees.
 */
char *filter_excerpt(const char *title, const struct search_match *m,
    int cols);

#endif
