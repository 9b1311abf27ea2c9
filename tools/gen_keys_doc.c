/*
 * Writes the key lists of README.md and yuedu.1 from the key maps
 * (keymap.h): each mode's list sits between markers,
 *   <!-- keys:MODE --> ... <!-- /keys:MODE -->   in README.md
 *   .\" keys:MODE ... .\" /keys:MODE             in yuedu.1
 * and is replaced by keymap_readme() or keymap_man().  With --check it
 * changes nothing and exits 1 when a list differs (tests/unit/
 * test_keys_docs.c checks the same).
 *
 *   build/gen_keys_doc README.md yuedu.1
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/keymap.h"
#include "yuedu/util.h"

#include "gen_doc.h"

/* Replace each marked list of TEXT; *changed counts the lists that differ. */
static char *
splice(char *text, int man, int *changed)
{
	for (int m = 0; m < COMMAND_NMODES; m++) {
		const char *name = keymap_modes[m].name;
		char *open = man ? xasprintf(".\\\" keys:%s\n", name) :
		    xasprintf("<!-- keys:%s -->\n", name);
		char *close = man ? xasprintf(".\\\" /keys:%s\n", name) :
		    xasprintf("<!-- /keys:%s -->\n", name);
		char *want = man ? keymap_man((enum command_mode)m) :
		    keymap_readme((enum command_mode)m);
		char *a = strstr(text, open), *b, *t;

		if (a != NULL && (b = strstr(a, close)) != NULL) {
			a += strlen(open);
			if ((size_t)(b - a) != strlen(want) ||
			    strncmp(a, want, (size_t)(b - a)) != 0) {
				(*changed)++;
				t = xasprintf("%.*s%s%s", (int)(a - text), text,
				    want, b);
				free(text);
				text = t;
			}
		}
		free(open);
		free(close);
		free(want);
	}
	return text;
}

int
main(int argc, char **argv)
{
	int check = argc > 1 && strcmp(argv[1], "--check") == 0;
	int changed = 0;

	for (int i = 1 + check; i < argc; i++) {
		size_t n = strlen(argv[i]);
		int man = n > 2 && strcmp(argv[i] + n - 2, ".1") == 0;
		int before = changed;
		char *text = splice(slurp(argv[i]), man, &changed);

		if (!check && changed > before) {
			FILE *f = fopen(argv[i], "w");

			if (f == NULL || fputs(text, f) == EOF || fclose(f)) {
				perror(argv[i]);
				return 2;
			}
			printf("%s: %d key list(s) rewritten\n", argv[i],
			    changed - before);
		} else if (check && changed > before)
			printf("%s: %d key list(s) differ from the key maps\n",
			    argv[i], changed - before);
		free(text);
	}
	return check && changed > 0 ? 1 : 0;
}
