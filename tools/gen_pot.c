/*
 * Writes the messages of the tables -- the options' help, value notes
 * and default notes (options.c), the commands' help (command.c), the
 * key maps' titles (keymap.c) -- as a .pot fragment on standard output.
 * The script and pinyin mode names (conv.h, annot.c) too.  The tables
 * are translated where they are shown (_(d->help)), so their
 * rows need no marks; scripts/po.sh joins this to what xgettext finds.
 *
 *   build/gen_pot > tables.pot
 */
#include <stdio.h>
#include <string.h>

#include "yuedu/annot.h"
#include "yuedu/command.h"
#include "yuedu/conv.h"
#include "yuedu/keymap.h"
#include "yuedu/options.h"

/* One entry: a comment for the translator, then msgid S (escaped). */
static void
put(const char *comment, const char *detail, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	printf("#. %s%s\n", comment, detail);
	/* No c-format: these strings are never formats (N% is a key). */
	if (strchr(s, '%') != NULL)
		printf("#, no-c-format\n");
	printf("msgid \"");
	for (; *s != '\0'; s++)
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if (*s == '\n')
			printf("\\n");
		else
			putchar(*s);
	printf("\"\nmsgstr \"\"\n\n");
}

int
main(void)
{
	char what[128];

	printf("msgid \"\"\nmsgstr \"\"\n"
	    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n");
	for (size_t i = 0; i < options_ndefs; i++) {
		const struct options_def *d = &options_defs[i];

		snprintf(what, sizeof what, "%s%s", d->kind == OPTIONS_PLUS ?
		    "" : "--", d->name);
		put("--help: what ", what, d->help);
		/* --help shows a note on the default only for these. */
		if (d->def == NULL && d->def_note != NULL &&
		    d->kind != OPTIONS_LIST && strcmp(d->def_note, "none") != 0)
			put("--help: default of ", what, d->def_note);
		for (const struct options_value *v = d->values;
		    v != NULL && v->name != NULL; v++) {
			snprintf(what, sizeof what, "--%s=%s", d->name,
			    v->name);
			put("--help: note on ", what, v->note);
		}
	}
	for (size_t i = 0; i < command_count; i++) {
		const struct command *c = &command_table[i];

		put("help screen: command ", c->name, c->help);
	}
	/* The script and pinyin modes named in messages ("script: %s"),
	 * the script's short name on the status line. */
#define GEN_X(e, name, abbr, config) \
	put("message \"script: %s\" and status line: script ", name, name); \
	put("status line (narrow): short name of script ", name, abbr);
	CONV_SCRIPTS(GEN_X)
#undef GEN_X
	for (int i = 0; i < 4; i++)
		put("message \"pinyin: %s\": mode ", annot_mode_name(i),
		    annot_mode_name(i));
	for (int m = 0; m < COMMAND_NMODES; m++)
		put("help screen: title of the keys of mode ",
		    keymap_modes[m].name, keymap_modes[m].title);
	return ferror(stdout) ? 1 : 0;
}
