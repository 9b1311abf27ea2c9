/*
 * Between render.c and its renderers (not for other modules).
 */
#ifndef YUEDU_RENDER_INT_H
#define YUEDU_RENDER_INT_H

#include "yuedu/render.h"

/* render_text.c: plain text, reflowed when REFLOW. */
struct render *render_text_render(struct doc *src, int reflow,
    const atomic_int *stop);
/* The wrap width of a hard-wrapped SRC in columns, or 0. */
int render_text_wrap_cols(struct doc *src);

/* Tables, for the renderers that lay them out (render.c). */
/* Where cell text S from FROM (N bytes in all) is cut to fit COLS: at a
 * line-break opportunity; at least one cluster. */
size_t render_cell_break(const char *s, size_t from, size_t n, int cols);
/* Its widest word (no space, no wide character), up to 16 columns. */
int render_cell_word(const char *s, size_t n);
/* Columns W[0..NCOLS) made to fit AVAIL: the widest give way, first down
 * to their widest word WORD[j], then down to 4 columns. */
void render_table_shrink(int *w, const int *word, unsigned ncols, int avail);

/* render_md.c: Markdown. */
struct render *render_md_render(struct doc *src, const struct render_opts *o);

/* render_html.c: a web page, and an EPUB book (RAW: its chapters'
 * sources one after another, as --raw shows them). */
struct render *render_html_render(struct doc *src, const struct render_opts *o);
struct render *render_epub_render(struct doc *src, const struct render_opts *o,
    int raw);

#endif
