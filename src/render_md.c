/*
 * Markdown, rendered with md4c (CommonMark with GitHub's tables,
 * strikethrough and task lists) into the rendered-text model.
 */
#include "yuedu/render.h"

#include "render_int.h"
#include "yuedu/doc.h"

struct render *
render_md_render(struct doc *src, const struct render_opts *o)
{
	/* XXX: not rendered yet: shown as the source. */
	return render_text_render(src, 0);
}
