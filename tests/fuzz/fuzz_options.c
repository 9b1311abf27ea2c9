/*
 * libFuzzer target: the command line.  The input is split at newlines
 * into arguments and parsed by options_parse() (which never prints or
 * exits), then without the first, second... arguments, each time from a
 * fresh copy freed afterwards, as a
 * program that parses again would (getopt must not keep a place in the
 * first); it is also split as a shell would (util_split(), YUEDU_OPTS)
 * and parsed that way.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/options.h"
#include "yuedu/util.h"

static void
fuzz_parse(int argc, char **orig)
{
	struct options opts;
	char *err = NULL;
	char **argv = calloc((size_t)argc + 1, sizeof *argv);
	char **strs = calloc((size_t)argc + 1, sizeof *strs);

	for (int i = 0; i < argc; i++)
		argv[i] = strs[i] = strdup(orig[i]);
	if (options_parse(&opts, argc, argv, &err) == 0) {
		if (err != NULL || opts.nfiles > (size_t)argc)
			abort();
		options_done(&opts);
	} else if (err == NULL)
		abort();
	free(err);
	/* options_parse() takes +N out of ARGV: free what it held. */
	for (int i = 0; i < argc; i++)
		free(strs[i]);
	free(strs);
	free(argv);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), **argv, **words = NULL, *err = NULL;
	int argc = 1, nw;

	memcpy(buf, data, size);
	buf[size] = '\0';
	for (size_t i = 0; i < size; i++)
		argc += buf[i] == '\n';
	argv = calloc((size_t)argc + 2, sizeof *argv);
	argv[0] = "yuedu";
	argc = 1;
	for (char *p = buf, *nl; ; p = nl + 1) {
		nl = strchr(p, '\n');
		if (nl != NULL)
			*nl = '\0';
		argv[argc++] = p;
		if (nl == NULL)
			break;
	}
	argv[argc] = NULL;
	/* The whole line, then its tails: each parse starts where the last
	 * one stopped (an error in the middle of "-abc" included). */
	fuzz_parse(argc, argv);
	for (int k = 2; k < argc && k < 64; k++) {
		argv[k - 1] = argv[0];
		fuzz_parse(argc - k + 1, argv + k - 1);
	}
	for (int k = 0; k < 16 && argc >= 2; k++)
		fuzz_parse(2, argv + argc - 2);
	free(argv);

	/* The same bytes as YUEDU_OPTS would be split. */
	memcpy(buf, data, size);
	buf[size] = '\0';
	nw = util_split(buf, &words, &err);
	if (nw >= 0) {
		argv = calloc((size_t)nw + 2, sizeof *argv);
		argv[0] = "yuedu";
		for (int i = 0; i < nw; i++)
			argv[i + 1] = words[i];
		fuzz_parse(nw + 1, argv);
		free(argv);
		for (int i = 0; i < nw; i++)
			free(words[i]);
		free(words);
	} else
		free(err);
	free(buf);
	return 0;
}
