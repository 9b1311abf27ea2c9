/*
 * A big text rendered whole on a thread of its own, over its own view of
 * the source (line indexes are built on demand and must not be shared
 * between threads).
 */
#include "yuedu/render_bg.h"

#include <libxml/parser.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "yuedu/doc.h"
#include "yuedu/util.h"

struct render_bg {
	struct doc *src;	/* not owned */
	struct doc *view;	/* the thread's own view of src */
	struct render_opts opts;
	pthread_t thread;
	int threaded;		/* 0: it ran in render_bg_start() */
	int joined;
	atomic_int done;
	atomic_int stop;
	struct render *r;
};

static void *
render_bg_main(void *arg)
{
	struct render_bg *bg = arg;

	bg->r = render_doc(bg->view, &bg->opts);
	atomic_store(&bg->done, 1);
	return NULL;
}

struct render_bg *
render_bg_start(struct doc *src, const struct render_opts *opts)
{
	struct render_bg *bg = xcalloc(1, sizeof *bg);

	xmlInitParser();	/* once, here: a book is parsed there */
	bg->src = src;
	bg->view = doc_new_view(src);
	bg->view->render = NULL;	/* the source, not a shown text */
	bg->opts = *opts;
	bg->opts.prefix = 0;
	bg->opts.stop = &bg->stop;
	atomic_store(&bg->done, 0);
	atomic_store(&bg->stop, 0);
	if (pthread_create(&bg->thread, NULL, render_bg_main, bg) == 0)
		bg->threaded = 1;
	else
		render_bg_main(bg);
	return bg;
}

int
render_bg_ready(const struct render_bg *bg)
{
	return atomic_load(&((struct render_bg *)bg)->done);
}

static void
render_bg_join(struct render_bg *bg)
{
	if (bg->threaded && !bg->joined)
		pthread_join(bg->thread, NULL);
	bg->joined = 1;
}

struct render *
render_bg_take(struct render_bg *bg)
{
	struct render *r;

	render_bg_join(bg);
	r = bg->r;
	bg->r = NULL;
	if (r == NULL)
		return NULL;
	/* Made over the view: it stands for the source itself. */
	if (r->identity) {
		render_free(r);	/* not a rendering after all */
		return NULL;
	}
	r->src = bg->src;
	if (r->doc->place_key == bg->view)	/* a book's places */
		r->doc->place_key = bg->src;
	return r;
}

void
render_bg_free(struct render_bg *bg)
{
	if (bg == NULL)
		return;
	atomic_store(&bg->stop, 1);
	render_bg_join(bg);
	render_free(bg->r);
	doc_free(bg->view);
	free(bg);
}
