/*
 * The rendered text: what every format (plain text, hard-wrapped text,
 * Markdown, HTML, EPUB) turns into before anything is shown.  It is the
 * text to show as a heap struct doc (so layout, search, the outline and
 * --dump/--grep read it unchanged), a map from each shown byte back to
 * its source byte, block records, inline style spans, headings, links and
 * metadata.  Renderers build it through the builder calls below; plain
 * text is the identity rendering and copies nothing.
 *
 * Byte offsets into the shown text are the one coordinate (top of
 * screen, marks, the remembered place); line numbers given to the user
 * are source line numbers, found through the map (render_line_of()).
 */
#ifndef YUEDU_RENDER_H
#define YUEDU_RENDER_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

struct doc;

enum render_format {
	RENDER_AUTO = 0,	/* by name, then by content */
	RENDER_TEXT,		/* plain text (maybe reflowed) */
	RENDER_MARKDOWN,
	RENDER_HTML,		/* reserved for the HTML renderer */
	RENDER_EPUB,		/* reserved for the EPUB renderer */
};

enum render_reflow {
	RENDER_REFLOW_AUTO = 0,	/* join lines when the text is hard-wrapped */
	RENDER_REFLOW_ON,
	RENDER_REFLOW_OFF,
};

enum render_block_kind {
	RENDER_BLOCK_PARA = 0,
	RENDER_BLOCK_HEADING,	/* level 1..6 */
	RENDER_BLOCK_LIST_ITEM,	/* level = depth, 1 for a top item */
	RENDER_BLOCK_QUOTE,	/* level = depth */
	RENDER_BLOCK_CODE,
	RENDER_BLOCK_TABLE,
	RENDER_BLOCK_RULE,
	RENDER_BLOCK_NOTES,	/* link addresses / footnotes listed */
	RENDER_BLOCK_NKINDS,
};

/* Inline styles: a bit set; spans carry the union of what is open. */
enum render_style {
	RENDER_STYLE_STRONG = 1 << 0,
	RENDER_STYLE_EM = 1 << 1,
	RENDER_STYLE_STRIKE = 1 << 2,
	RENDER_STYLE_CODE = 1 << 3,	/* code span and code block text */
	RENDER_STYLE_LINK = 1 << 4,	/* a link's text */
	RENDER_STYLE_H1 = 1 << 5,	/* heading text, by level */
	RENDER_STYLE_H2 = 1 << 6,
	RENDER_STYLE_H3 = 1 << 7,	/* H3 and deeper */
	RENDER_STYLE_QUOTE = 1 << 8,	/* the quote bar */
	RENDER_STYLE_MARK = 1 << 9,	/* generated marks: list bullets,
					   link numbers, table rules, the
					   long-line mark */
	RENDER_STYLE_UNDERLINE = 1 << 10,
};

/*
 * One run of the map.  Shown bytes [off, off + len) come from source part
 * PART: when COPIED, byte off + i is source byte src + i; otherwise the
 * bytes were made by the renderer (a bullet, a rule, a link number) and
 * all stand for source byte src.
 */
struct render_run {
	size_t off;		/* shown byte offset */
	size_t src;		/* source byte offset in part */
	uint32_t len;		/* shown bytes */
	uint16_t part;		/* source part index */
	uint16_t copied;	/* 1: byte for byte; 0: generated */
};

struct render_block {
	size_t off, end;	/* shown bytes [off, end) */
	uint8_t kind;		/* enum render_block_kind */
	uint8_t level;		/* heading level, list or quote depth */
	uint16_t hang_cols;	/* continuation rows start this many columns
				   in (list items, quotes); 0 = none */
	uint32_t prefix_len;	/* bytes at each line start that repeat on
				   continuation rows (a quote bar), 0 = none */
};

struct render_span {
	size_t off, end;	/* shown bytes [off, end) */
	unsigned style;		/* enum render_style bits */
	uint32_t link;		/* 1-based index into links, 0 = none */
};

struct render_heading {
	int level;		/* 1..6 as written */
	size_t off;		/* shown byte offset of the heading's line */
	char *title;		/* UTF-8, without markup */
};

struct render_link {
	char *url;		/* the address as written (owned) */
	size_t off;		/* shown offset of the link text */
	size_t src;		/* source byte it stands for (its address) */
	int num;		/* the reference number shown, [n]; 0 for a
				   footnote (url then holds its listed text) */
};

struct render_part {
	char *name;		/* e.g. the chapter file of an EPUB (owned) */
	const char *text;	/* its source bytes (not owned) */
	size_t len;
	size_t *line_off;	/* start of each source line, built on demand */
	size_t nlines;
	char *owned;		/* text, when the part owns it */
};

struct render {
	struct doc *doc;	/* the shown text; the source doc itself when
				   the rendering is the identity */
	struct doc *src;	/* the source (not owned) */
	enum render_format format;	/* what rendered it */
	int identity;		/* shown text is the source, no map */
	int reflowed;		/* hard-wrapped lines were joined */
	int width_cols;		/* the text width it was made for */
	int ambiguous;		/* and the width policy (enum width_ambiguous) */
	int partial;		/* only the source's first SRC_DONE bytes are
				   rendered (a big text's first screens);
				   render_doc() without a prefix does all */
	size_t src_done;
	struct doc *prefix_doc;	/* those bytes, rendered (owned) */
	int sized;		/* 1 when what it made depends on those (a
				   table, a long code line): render again
				   for another width */

	struct render_run *runs;	/* in shown order, no gaps */
	size_t nruns, runs_cap;
	struct render_block *blocks;	/* in order of their start */
	size_t nblocks, blocks_cap;
	struct render_span *spans;	/* flat: sorted, never overlapping */
	size_t nspans, spans_cap;
	struct render_heading *headings;
	size_t nheadings, headings_cap;
	struct render_link *links;
	size_t nlinks, links_cap;
	struct render_part *parts;
	size_t nparts, parts_cap;
	char *title;		/* metadata, or NULL (owned) */
	char *author;
	char *error;		/* why the document could not be rendered
				   (an EPUB that is no book), or NULL */

	int stopped;		/* render_opts.stop cut it short: the
				   rendering is not the whole text */

	/* Private: the builder. */
	const atomic_int *stop;
	char *buf;		/* shown text being built */
	size_t len, cap;
	unsigned style_stack[32];
	uint32_t link_stack[32];
	int nstyle;
	size_t open_block[32];	/* indexes into blocks */
	int nopen;
	size_t span_start;	/* where the open style set began */
	size_t heading_start;	/* shown offset of the open heading's text */
	int heading_level;	/* 0 = none open */
	uint16_t cur_part;
};

/* How much of a big text the reader renders first (render_opts.prefix). */
#define RENDER_FIRST_BYTES (2u << 20)

/* What to render and how. */
struct render_opts {
	enum render_format format;
	enum render_reflow reflow;
	int width_cols;		/* for tables; 0 = 80 */
	size_t prefix;		/* a source bigger than twice this: render
				   about this many bytes first, to a break
				   between blocks (Markdown, reflowed text);
				   0 = all */
	const atomic_int *stop;	/* when set to 1 (by another thread), the
				   rendering stops soon, with r->stopped
				   set and a part of the text; or NULL */
};

/*
 * Render SRC (decoded UTF-8) as OPTS says.  The result's doc is SRC
 * itself for the identity rendering (plain text not reflowed), else a
 * new heap doc.  SRC must outlive the result.  Caller frees with
 * render_free() (which never frees SRC).
 */
struct render *render_doc(struct doc *src, const struct render_opts *opts);

/* 1 when R, made for another text width or width policy than COLS and
 * the current one, would come out otherwise. */
int render_stale(const struct render *r, int cols);

/* Where the rendering of a big text's first WANT-odd bytes may stop: a
 * blank line (outside fenced code for Markdown), or 0. */
size_t render_prefix_cut(const char *t, size_t n, size_t want, int markdown);

/*
 * The document a remembered place of shown DOC is kept for, in its
 * offsets: the source of a rendering with one part (Markdown, a page, a
 * reflowed text), so places hold across renderings; else DOC itself (plain
 * text, a book, whose chapters' offsets would clash).
 */
struct doc *render_place_doc(struct doc *doc);

/* The format AUTO resolves to for SRC: by its name, then its content. */
enum render_format render_detect(struct doc *src);

/* 1 when SRC looks hard-wrapped (most lines near one length, few ending
 * a sentence), the test --reflow=auto applies. */
int render_text_is_wrapped(struct doc *src);

void render_free(struct render *r);

/* ---- The builder, for renderers. ---- */

/*
 * Start a rendering of SRC (not owned).  Part 0 is SRC's text; a
 * multi-part source (EPUB chapters) adds parts with render_part_add().
 */
struct render *render_begin(struct doc *src, enum render_format format);
/* Add a source part (TEXT not copied, must outlive R); returns its index
 * and makes it the current one for the appends that follow. */
size_t render_part_add(struct render *r, const char *name, const char *text,
    size_t len);
/* The same, the part taking TEXT (heap; freed with R). */
size_t render_part_add_owned(struct render *r, const char *name, char *text,
    size_t len);
void render_part_set(struct render *r, size_t part);

/* Append N shown bytes S that are source bytes SRC_OFF.. of the part. */
void render_text(struct render *r, const char *s, size_t n, size_t src_off);
/* Append N bytes made by the renderer, all standing for SRC_OFF. */
void render_gen(struct render *r, const char *s, size_t n, size_t src_off);
/* A NUL-ended string made by the renderer. */
void render_gen_str(struct render *r, const char *s, size_t src_off);

/* Open and close a block at the current shown offset (they nest). */
void render_block_begin(struct render *r, enum render_block_kind kind,
    int level);
void render_block_end(struct render *r);
/* Set the hanging indent / repeated prefix of the innermost open block. */
void render_block_hang(struct render *r, int hang_cols, size_t prefix_len);

/* Open and close inline styles (they nest, up to 32 deep). */
void render_style_push(struct render *r, unsigned style);
void render_style_pop(struct render *r);

/* A heading: its title is the shown text between begin and end. */
void render_heading_begin(struct render *r, int level);
void render_heading_end(struct render *r);

/*
 * A link to URL; the text that follows until render_style_pop() is its
 * text until render_link_end().  Returns its reference number.
 */
int render_link_begin(struct render *r, const char *url, size_t url_len);
/* Close the link's text and show its number after it, as "[n]". */
void render_link_end(struct render *r);

/* Bytes shown so far (the offset the next append lands at). */
size_t render_len(const struct render *r);
/* The shown text built so far (valid until the next append). */
const char *render_buf(const struct render *r);

/* End building: the shown text becomes R->doc.  Returns R. */
struct render *render_finish(struct render *r);

/* ---- Reading the model. ---- */

/* The source byte (in *PART, may be NULL) that shown byte OFF comes from. */
size_t render_src_of(const struct render *r, size_t off, size_t *part);
/* The first shown byte at or after source byte SRC_OFF of part PART. */
size_t render_off_of_src(const struct render *r, size_t part, size_t src_off);

/*
 * The 0-based source line (of its part) that shown byte OFF of DOC comes
 * from.  DOC is any doc: when DOC->render is NULL (plain text, a raw
 * view) it is DOC's own line.  The part goes to *PART when not NULL.
 */
size_t render_line_of(struct doc *doc, size_t off, size_t *part);
/* The same into *LINE when known without indexing far (doc_line_known()):
 * 1, else 0 at once. */
int render_line_known(struct doc *doc, size_t off, size_t *line);
/* The shown offset of DOC where 0-based source line LINE (part 0) starts. */
size_t render_off_of_line(struct doc *doc, size_t line);
/* Source lines of part P of DOC's source (the whole source when DOC is
 * not rendered or has one part), and the shown offset where 0-based line
 * LINE of part P starts (past the last line: the last). */
size_t render_part_nlines(struct doc *doc, size_t p);
size_t render_off_of_part_line(struct doc *doc, size_t p, size_t line);

/* The style bits at shown OFF, and the span (index) holding it or -1. */
unsigned render_style_at(const struct render *r, size_t off, size_t *span);
/* The innermost block holding shown OFF, or NULL. */
const struct render_block *render_block_at(const struct render *r,
    size_t off);

#endif
