/*
 * A big text rendered whole on the other core.  The reader shows the
 * first screens of a big Markdown or hard-wrapped text at once
 * (render_opts.prefix) and renders the rest here meanwhile, so that G, a
 * search or the outline later find it ready (or nearly).
 */
#ifndef YUEDU_RENDER_BG_H
#define YUEDU_RENDER_BG_H

#include "yuedu/render.h"

struct render_bg;

/* Start rendering SRC whole as OPTS says (its prefix ignored).  SRC must
 * outlive the job (render_bg_free()). */
struct render_bg *render_bg_start(struct doc *src,
    const struct render_opts *opts);

/* 1 when the rendering is done. */
int render_bg_ready(const struct render_bg *bg);

/* The whole rendering of SRC (waiting for it), the caller's to free; NULL
 * when it was taken already.  Its src is SRC. */
struct render *render_bg_take(struct render_bg *bg);

/* Stop the job (a rendering not taken is dropped) and free it. */
void render_bg_free(struct render_bg *bg);

#endif
