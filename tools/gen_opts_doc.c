/*
 * Writes the option lists of README.md and yuedu.1 from the option table
 * (options.h): the list sits between markers,
 *   <!-- options --> ... <!-- /options -->   in README.md
 *   .\" options ... .\" /options             in yuedu.1
 * and is replaced by options_readme() or options_man().  With --check it
 * changes nothing and exits 1 when a list differs (tests/unit/
 * test_docs.c checks the same).
 *
 *   build/gen_opts_doc README.md yuedu.1
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/options.h"
#include "yuedu/util.h"

#include "gen_doc.h"

/* Replace the marked list of TEXT; *changed is 1 when it differed, -1
 * when the markers are missing. */
static char *
splice(char *text, int man, int *changed)
{
	const char *open = man ? ".\\\" options\n" : "<!-- options -->\n";
	const char *close = man ? ".\\\" /options\n" : "<!-- /options -->\n";
	char *want = man ? options_man() : options_readme();
	char *a = strstr(text, open), *b, *t;

	*changed = 0;
	if (a == NULL || (b = strstr(a, close)) == NULL)
		*changed = -1;
	else {
		a += strlen(open);
		if ((size_t)(b - a) != strlen(want) ||
		    strncmp(a, want, (size_t)(b - a)) != 0) {
			*changed = 1;
			t = xasprintf("%.*s%s%s", (int)(a - text), text, want,
			    b);
			free(text);
			text = t;
		}
	}
	free(want);
	return text;
}

int
main(int argc, char **argv)
{
	int check = argc > 1 && strcmp(argv[1], "--check") == 0;
	int bad = 0;

	for (int i = 1 + check; i < argc; i++) {
		size_t n = strlen(argv[i]);
		int man = n > 2 && strcmp(argv[i] + n - 2, ".1") == 0;
		int changed;
		char *text = splice(slurp(argv[i]), man, &changed);

		if (changed < 0) {
			fprintf(stderr, "%s: no option list markers\n",
			    argv[i]);
			bad = 1;
		} else if (!check && changed) {
			FILE *f = fopen(argv[i], "w");

			if (f == NULL || fputs(text, f) == EOF || fclose(f)) {
				perror(argv[i]);
				return 2;
			}
			printf("%s: option list rewritten\n", argv[i]);
		} else if (check && changed) {
			printf("%s: the option list differs from the option "
			    "table\n", argv[i]);
			bad = 1;
		}
		free(text);
	}
	return bad ? 1 : 0;
}
