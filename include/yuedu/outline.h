/*
 * The outline: the headings of a document, found the way a careful reader
 * finds them (Markdown, 第…章 structure words, 一、/（一）/1.1 numbering,
 * short stand-alone lines in plain text), or by a user's PCRE2 pattern.
 */
#ifndef YUEDU_OUTLINE_H
#define YUEDU_OUTLINE_H

#include <stdatomic.h>
#include <stddef.h>

#include "yuedu/annot.h"

struct doc;

struct outline_heading {
	int level;		/* 1 = the top level present in the document */
	size_t line;		/* 1-based source line */
	size_t off;		/* byte offset of the heading line's start */
	char *title;		/* UTF-8, markers and outer spaces removed */
};

struct outline {
	struct outline_heading *v;	/* in document order */
	size_t n;
};

struct outline_opts {
	enum annot_mode annot;		/* HIDE: titles without annotations */
	const char *heading_regex;	/* PCRE2 pattern overriding detection */
	const atomic_int *stop;		/* set by another thread: give up
					   soon (the outline is then partial);
					   may be NULL */
	struct doc *line_src;		/* a rendered DOC's source, for line
					   numbers: a view of its own when
					   another thread reads the source
					   too; NULL = the rendering's */
};

/*
 * Find the headings of DOC.  Returns 0, or -1 with *err set (a bad
 * --heading pattern; caller frees *err).  Caller frees *out with
 * outline_free().  OPTS may be NULL (automatic annotations, detection).
 * With a pattern (PCRE2, UTF), every line it matches is a heading; its
 * level is the number of the first capturing group that took part in the
 * match (1 without groups).  Levels are relative: the top one is 1.
 */
int outline_build(struct outline **out, struct doc *doc,
    const struct outline_opts *opts, char **err);
void outline_free(struct outline *ol);

/*
 * Check a --heading pattern: 0, or -1 with *err set to a message naming
 * the pattern and the fault (caller frees).
 */
int outline_check_regex(const char *re, char **err);

/* Index of the last heading at or before byte OFF, or (size_t)-1. */
size_t outline_section_of(const struct outline *ol, size_t off);

#endif
