/*
 * libFuzzer target: configuration.  The input up to the first NUL is a
 * config file (written to a temporary file and read by config_load()),
 * the rest the value of YUEDU_OPTS.  The merged command line is then
 * parsed as the program does, the effective settings written out, and
 * every bind and color value parsed.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "yuedu/config.h"
#include "yuedu/keymap.h"
#include "yuedu/options.h"
#include "yuedu/theme.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[] = "/tmp/yuedu-fuzz-config-XXXXXX";
	static FILE *devnull;
	static int made;
	const uint8_t *nul = memchr(data, 0, size);
	size_t flen = nul ? (size_t)(nul - data) : size;
	char *argv[] = { "yuedu", "--no-remember", "file.txt", NULL };
	char *env = NULL, *err = NULL;
	struct config cfg = { 0 };
	struct options opts;
	FILE *f;

	if (!made) {
		int fd = mkstemp(path);

		if (fd < 0)
			abort();
		close(fd);
		made = 1;
		devnull = fopen("/dev/null", "w");
	}
	if ((f = fopen(path, "wb")) == NULL)
		abort();
	fwrite(data, 1, flen, f);
	fclose(f);
	if (nul != NULL)
		env = strndup((const char *)nul + 1, size - flen - 1);
	config_load(&cfg, path, env, 3, argv);
	if (cfg.argv == NULL || cfg.argc < 1 || cfg.argv[cfg.argc] != NULL)
		abort();
	if (options_parse(&opts, cfg.argc, cfg.argv, &err) == 0) {
		for (size_t i = 0; i < opts.nbinds; i++) {
			struct keymap_bind kb;

			if (options_bind(opts.binds[i], &kb, &err) != 0) {
				free(err);
				err = NULL;
			}
		}
		for (size_t i = 0; i < opts.ncolors; i++) {
			struct theme_color tc;

			if (theme_color_parse(opts.colors[i], &tc, &err) != 0) {
				free(err);
				err = NULL;
			}
		}
		options_done(&opts);
	}
	free(err);
	if (config_write(devnull, &cfg) != 0)
		abort();
	config_done(&cfg);
	free(env);
	return 0;
}
