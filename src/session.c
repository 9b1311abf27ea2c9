/*
 * The reading session: which file of the list is read, opening and
 * closing a document with its pager, layout, finder and background job,
 * and its remembered place (state.c keeps the files).
 */
#include "yuedu/session.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "yuedu/conv.h"
#include "yuedu/doc.h"
#include "yuedu/enc.h"
#include "yuedu/i18n.h"
#include "yuedu/job.h"
#include "yuedu/layout.h"
#include "yuedu/options.h"
#include "yuedu/render.h"
#include "yuedu/state.h"
#include "yuedu/util.h"

void
session_init(struct session *ses, const struct options *opts)
{
	memset(ses, 0, sizeof *ses);
	ses->opts = opts;
	ses->raw = opts->raw;
	ses->reflow = opts->reflow;
	ses->state_dir = opts->no_remember ? NULL : state_dir();
	ses->align_center = opts->align;
	ses->para = opts->paragraph;
	/*
	 * The panel's width: as given on the command line, else as last
	 * changed with < >, else as the config file or YUEDU_OPTS says.
	 */
	ses->panel_cols = opts->panel_cols;
	if (ses->state_dir != NULL && !opts->panel_cols_args) {
		long w = state_pref_get(ses->state_dir, "panel-width");

		if (w > 0 && w <= 1000)
			ses->panel_cols = (int)w;
	}
}

void
session_done(struct session *ses)
{
	free(ses->state_dir);
	ses->state_dir = NULL;
}

char *
session_warn_short(const char *what, const char *warn)
{
	const char *why = warn, *c;

	/* The reason is after the last ": " or "：" (the path before it). */
	for (c = warn; c != NULL && (c = strstr(c, ": ")) != NULL; c += 2)
		why = c + 2;
	for (c = why; c != NULL && (c = strstr(c, "：")) != NULL;
	    c += strlen("："))
		why = c + strlen("：");
	if (why == NULL || why[0] == '\0')
		why = _("unknown error");
	/* TRANSLATORS: what failed, and why ("place not saved: …"). */
	return xasprintf(_("%s: %s"), what, why);
}

/*
 * Places are remembered keyed by the source, in the source's offsets:
 * they hold across --raw, --reflow, another screen width (a table laid
 * out again), the first screens of a big text rendered alone, and a new
 * version of the renderer.  A book's are the shown text's (its chapters'
 * offsets would clash).
 */
static struct doc *
session_key_doc(const struct session *ses)
{
	return render_place_doc(ses->doc);
}

/* 1 when places are kept in the source's offsets (not the shown). */
static int
session_src_offsets(const struct session *ses)
{
	return session_key_doc(ses) != ses->doc;
}

static size_t
session_to_key(const struct session *ses, size_t off)
{
	if (off == (size_t)-1 || !session_src_offsets(ses))
		return off;
	return render_src_of(ses->doc->render, off, NULL);
}

static size_t
session_from_key(const struct session *ses, size_t off)
{
	if (off == (size_t)-1 || !session_src_offsets(ses))
		return off;
	return render_off_of_src(ses->doc->render, 0, off);
}

/* 1 when key offset OFF lies past the first screens rendered alone. */
static int
session_beyond(const struct session *ses, size_t off)
{
	const struct render *r = ses->doc->render;

	if (r == NULL || !r->partial)
		return 0;
	return session_src_offsets(ses) ? off >= r->src_done :
	    off >= ses->doc->len;
}

/*
 * The remembered place of the document: its top row (unless EXPLICIT, a
 * +N or +/pattern, says where to start), its marks and how far it has
 * been read.  Problems are a message, never a stop.
 */
static void
session_place_load(struct session *ses, int explicit)
{
	struct state_place pl;
	char *warn = NULL;
	int rc;

	if (ses->state_dir == NULL || ses->doc->len == 0)
		return;
	rc = state_load(ses->state_dir, session_key_doc(ses), &pl, &warn);
	if (rc < 0) {
		char *m = session_warn_short(_("place not restored"), warn);

		pager_message(&ses->p, "%s", m);
		free(m);
	}
	free(warn);
	if (rc <= 0)
		return;
	/* The view the text was left in, unless the command line or the
	 * config chose one (a script other than the original, a pinyin
	 * mode other than auto). */
	if (pl.script >= 0 && ses->opts->script == CONV_ORIGINAL)
		pager_set_script(&ses->p, (enum conv_script)pl.script);
	if (pl.annot >= 0 && ses->opts->pinyin == ANNOT_AUTO &&
	    !ses->opts->annotate)
		pager_set_annot(&ses->p, (enum annot_mode)pl.annot);
	if (!explicit && session_beyond(ses, pl.top_off)) {
		ses->need_whole = 1;
		return;
	}
	if (!explicit) {
		pager_goto_off(&ses->p, session_from_key(ses, pl.top_off));
		ses->p.prev_off = PAGER_NO_OFF;
	}
	for (int i = 0; i < STATE_MARKS && i < PAGER_MARKS; i++) {
		size_t m = pl.mark_off[i] != (size_t)-1 &&
		    !session_beyond(ses, pl.mark_off[i]) ?
		    session_from_key(ses, pl.mark_off[i]) : PAGER_NO_OFF;

		ses->p.mark_off[i] = m <= ses->doc->len ? m : PAGER_NO_OFF;
	}
	if (session_from_key(ses, pl.seen_off) > ses->seen_off)
		ses->seen_off = session_from_key(ses, pl.seen_off);
}

/* Save the place of the document; a warning or NULL (caller frees). */
static char *
session_place_save(struct session *ses)
{
	struct state_place pl;
	char *warn = NULL;

	if (ses->state_dir == NULL || ses->doc->len == 0 || ses->dont_save)
		return NULL;
	state_place_init(&pl);
	pl.top_off = session_to_key(ses, ses->p.top_off);
	pl.seen_off = session_to_key(ses, ses->seen_off > ses->p.top_off ?
	    ses->seen_off : ses->p.top_off);
	for (int i = 0; i < STATE_MARKS && i < PAGER_MARKS; i++)
		pl.mark_off[i] = ses->p.mark_off[i] == PAGER_NO_OFF ?
		    (size_t)-1 : session_to_key(ses, ses->p.mark_off[i]);
	pl.script = (int)ses->p.script;
	pl.annot = (int)pager_annot(&ses->p);
	pl.saved = time(NULL);
	if (state_save(ses->state_dir, session_key_doc(ses), &pl, &warn) != 0 &&
	    warn == NULL)
		warn = xstrdup(_("cannot save the place"));
	return warn;
}

static void
session_finder_open(struct session *ses, int start, enum annot_mode annot)
{
	const struct options *opts = ses->opts;
	struct search_opts so = { .regex = opts->regex,
	    .casing = opts->case_sensitive ? SEARCH_CASE_SENSITIVE :
	    SEARCH_CASE_SMART, .no_fold_width = opts->no_fold_width,
	    .no_fold_script = opts->no_fold_script, .annot = annot,
	    .pinyin = opts->pinyin_search };

	finder_init(&ses->finder, &ses->p, &so);
	ses->p.finder = &ses->finder;
	ses->finder.progress = ses->progress;
	ses->finder.progress_arg = ses->progress_arg;
	for (size_t i = 0; i < opts->nhighlights; i++)
		finder_term_add(&ses->finder, opts->highlights[i]);
	if (start && opts->start_pattern != NULL) {
		finder_start(&ses->finder, opts->start_pattern);
		ses->p.prev_off = PAGER_NO_OFF;
	}
}

void
session_doc_open(struct session *ses, struct doc *doc, int start, int rows,
    int cols)
{
	const struct options *opts = ses->opts;
	struct layout_opts lo;
	const char *slash;
	int explicit = start && (opts->start_line > 0 ||
	    opts->start_pattern != NULL);

	ses->doc = doc;
	ses->seen_off = 0;
	ses->need_whole = ses->dont_save = 0;
	/* A big text's lines are counted on the other core meanwhile. */
	doc_index_background(doc);
	slash = strrchr(doc->name, '/');
	slash = slash && slash[1] ? slash + 1 : doc->name;
	ses->name = ses->file_n > 1 ? xasprintf(_("%s (file %zu/%zu)"), slash,
	    ses->file_i + 1, ses->file_n) : xstrdup(slash);
	memset(&lo, 0, sizeof(lo));	/* the script: pager_set_script() */
	lo.annot = opts->annotate && opts->pinyin == ANNOT_AUTO ? ANNOT_SHOW :
	    annot_resolve(opts->pinyin, doc);
	lo.annotate = opts->annotate;
	lo.para = (enum layout_para)ses->para;
	lo.width_cols = 80;
	ses->lay = layout_new(doc, &lo);
	ses->annot_auto = opts->pinyin == ANNOT_AUTO ? lo.annot : ANNOT_HIDE;
	pager_init(&ses->p, doc, ses->lay, NULL, rows, cols);
	ses->p.wrap_cols = opts->width_cols;
	ses->p.align_center = ses->align_center;
	ses->p.panel_cols_set = ses->panel_cols;
	pager_resize(&ses->p, rows, cols);
	if (opts->script != CONV_ORIGINAL)
		pager_set_script(&ses->p, opts->script);
	session_place_load(ses, explicit);
	if (start && opts->start_line > 0) {
		pager_goto_line(&ses->p, (size_t)opts->start_line);
		ses->p.prev_off = PAGER_NO_OFF;
	}
	memset(&ses->oo, 0, sizeof ses->oo);
	ses->oo.annot = opts->pinyin;
	ses->oo.heading_regex = opts->heading;
	session_finder_open(ses, start, pager_annot(&ses->p));
}

char *
session_doc_close(struct session *ses)
{
	char *warn = session_place_save(ses);

	/* A panel width changed with < > is kept for the next file and
	 * remembered for the next run. */
	if (ses->p.panel_cols_set != ses->panel_cols) {
		char *w2 = NULL;

		ses->panel_cols = ses->p.panel_cols_set;
		if (ses->state_dir != NULL && state_pref_set(ses->state_dir,
		    "panel-width", ses->panel_cols, &w2) != 0 && warn == NULL)
			warn = w2;
		else
			free(w2);
	}

	/* c and i hold for the next file. */
	ses->align_center = ses->p.align_center;
	ses->para = (int)layout_get_opts(ses->lay)->para;
	if (ses->job != NULL)
		job_cancel(ses->job);	/* no need to finish it */
	session_job_take(ses, 1);
	finder_done(&ses->finder);
	pager_done(&ses->p);
	outline_free(ses->ol);
	ses->ol = NULL;
	free(ses->rt);
	ses->rt = NULL;
	layout_free(ses->lay);
	ses->lay = NULL;
	free(ses->name);
	ses->name = NULL;
	ses->total_lines = 0;
	ses->doc = NULL;
	return warn;
}

void
session_job_start(struct session *ses)
{
	if (ses->job == NULL && ses->doc->len > 0)
		ses->job = job_start(ses->doc, &ses->oo);
}

int
session_job_pending(const struct session *ses)
{
	return ses->job != NULL && !job_ready(ses->job);
}

int
session_job_take(struct session *ses, int wait)
{
	struct job_result r;

	if (ses->job == NULL || (!wait && !job_ready(ses->job)))
		return 0;
	job_finish(ses->job, &r);
	ses->job = NULL;
	if (r.cancelled)
		return 1;
	ses->ol = r.ol;
	ses->rt = r.rt;
	ses->total_lines = r.total_lines;
	if (ses->ol == NULL)
		pager_message(&ses->p, "%s", r.err ? r.err : _("no outline"));
	free(r.err);
	pager_set_outline(&ses->p, ses->ol);
	return 1;
}

int
session_step(struct session *ses, int step)
{
	size_t i = ses->file_i;
	char *err = NULL;

	if ((step > 0 && i + 1 >= ses->file_n) || (step < 0 && i == 0)) {
		pager_message(&ses->p, step > 0 ? _("no next file") :
		    _("no previous file"));
		return 0;
	}
	i = step > 0 ? i + 1 : i - 1;
	if (i == 0 && ses->first != NULL)
		return 1;	/* the first document, kept open */
	ses->next_doc = enc_open(ses->paths[i], ses->opts->encoding,
	    &ses->next_msg, &err);
	if (ses->next_doc == NULL) {
		pager_message(&ses->p, "%s", err);
		free(err);
		return 0;
	}
	return 1;
}
