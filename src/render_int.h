/*
 * Between render.c and its renderers (not for other modules).
 */
#ifndef YUEDU_RENDER_INT_H
#define YUEDU_RENDER_INT_H

#include "yuedu/render.h"

/* render_text.c: plain text, reflowed when REFLOW. */
struct render *render_text_render(struct doc *src, int reflow);
/* The wrap width of a hard-wrapped SRC in columns, or 0. */
int render_text_wrap_cols(struct doc *src);

/* render_md.c: Markdown. */
struct render *render_md_render(struct doc *src, const struct render_opts *o);

/* render_html.c: a web page, and an EPUB book (RAW: its chapters'
 * sources one after another, as --raw shows them). */
struct render *render_html_render(struct doc *src, const struct render_opts *o);
struct render *render_epub_render(struct doc *src, const struct render_opts *o,
    int raw);

#endif
