/*
 * Background jobs: the outline, the reading time of each section and the
 * line count of a document, built on a thread over a view of its text
 * after the first screen is drawn.  The reader polls job_ready() between
 * keys and takes the result with job_finish().  No curses here.
 */
#ifndef YUEDU_JOB_H
#define YUEDU_JOB_H

#include <stddef.h>

#include "yuedu/outline.h"
#include "yuedu/readtime.h"

struct doc;
struct job;

/* What a finished job made.  The caller owns every pointer. */
struct job_result {
	struct outline *ol;		/* the outline, or NULL */
	struct readtime_count *rt;	/* per heading of ol, or NULL */
	char *err;			/* why there is no outline, or NULL */
	size_t total_lines;		/* lines of the text; 0 if cancelled */
	int cancelled;			/* job_cancel() came first: all else
					   is empty */
};

/*
 * Start the job for DOC (which must outlive the job) with outline
 * options OO (copied; its stop field is the job's own).  Without a
 * thread it runs here, before returning.  Never NULL.
 */
struct job *job_start(struct doc *doc, const struct outline_opts *oo);

/* 1 when the result is there (job_finish() will not wait). */
int job_ready(struct job *j);

/* Ask the job to give up soon (the document is closing). */
void job_cancel(struct job *j);

/*
 * Wait for the job, fill *R, and free J.  Unless cancelled, DOC takes the
 * line index the job built (G need not index again).
 */
void job_finish(struct job *j, struct job_result *r);

#endif
