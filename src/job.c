/*
 * The background job of a document: one thread builds the outline over
 * its own view of the text, counts each section's characters for the
 * reading time, then indexes the lines.  A stop flag lets a closing
 * document cut it short.
 */
#include "yuedu/job.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/doc.h"
#include "yuedu/render.h"
#include "yuedu/util.h"

struct job {
	struct doc *doc;	/* not owned */
	struct doc *view;	/* the thread's own view of doc */
	struct doc *src_view;	/* and of the source it renders, when its
				   line numbers are the ones shown, or NULL */
	size_t src_lines;
	struct outline_opts oo;
	pthread_t thread;
	int threaded;		/* 0: it ran in job_start() */
	atomic_int done;
	atomic_int stop;
	struct outline *ol;
	struct readtime_count *rt;
	char *err;
};

static void *
job_main(void *arg)
{
	struct job *j = arg;

	if (outline_build(&j->ol, j->view, &j->oo, &j->err) != 0)
		j->ol = NULL;
	if (j->ol != NULL && j->ol->n > 0) {
		j->rt = xcalloc(j->ol->n, sizeof *j->rt);
		readtime_sections_stop(j->view, j->ol, j->rt, &j->stop);
	}
	if (!atomic_load(&j->stop))
		doc_line_count(j->view);
	if (!atomic_load(&j->stop) && j->src_view != NULL)
		j->src_lines = doc_line_count(j->src_view);
	atomic_store(&j->done, 1);
	return NULL;
}

struct job *
job_start(struct doc *doc, const struct outline_opts *oo)
{
	struct job *j = xcalloc(1, sizeof *j);

	j->doc = doc;
	j->view = doc_new_view(doc);
	/* Line numbers shown are the source's: count them (not a book's,
	 * numbered by chapter). */
	if (doc->render != NULL && !doc->render->identity &&
	    doc->render->nparts <= 1)
		j->src_view = doc_new_view(doc->render->src);
	j->oo = *oo;
	j->oo.line_src = j->src_view;
	atomic_store(&j->done, 0);
	atomic_store(&j->stop, 0);
	j->oo.stop = &j->stop;
	if (pthread_create(&j->thread, NULL, job_main, j) == 0)
		j->threaded = 1;
	else
		job_main(j);
	return j;
}

int
job_ready(struct job *j)
{
	return atomic_load(&j->done);
}

void
job_cancel(struct job *j)
{
	atomic_store(&j->stop, 1);
}

void
job_finish(struct job *j, struct job_result *r)
{
	memset(r, 0, sizeof *r);
	if (j->threaded)
		pthread_join(j->thread, NULL);
	if (atomic_load(&j->stop)) {	/* closing: all is dropped */
		outline_free(j->ol);
		free(j->rt);
		free(j->err);
		r->cancelled = 1;
	} else {
		r->ol = j->ol;
		r->rt = j->rt;
		r->err = j->err;
		r->total_lines = doc_line_count(j->view);
		if (j->view->render != NULL && !j->view->render->identity)
			r->total_lines = j->src_view != NULL ? j->src_lines : 0;
		doc_take_index(j->doc, j->view);
	}
	doc_free(j->view);
	doc_free(j->src_view);
	free(j);
}
