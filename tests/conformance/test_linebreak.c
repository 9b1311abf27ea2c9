/*
 * LineBreakTest 15.0 through libunistring's u8_possible_linebreaks(), the
 * break opportunities layout uses.  libunistring 1.0 implements Unicode
 * 14, so some cases fail; they are listed in linebreak-known-failures.txt
 * and the test fails on any failure not in that list (the pass rate can
 * only go up).  Run with --update to rewrite the list.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>

#include "yuedu/util.h"

static int update;

static size_t
encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* The test part of a line ("× 0023 ÷ 0020 ÷"), trimmed, in place. */
static char *
case_text(char *line)
{
	char *hash = strchr(line, '#'), *end;

	if (hash != NULL)
		*hash = '\0';
	while (*line == ' ' || *line == '\t')
		line++;
	end = line + strlen(line);
	while (end > line && (end[-1] == ' ' || end[-1] == '\t' ||
	    end[-1] == '\n' || end[-1] == '\r'))
		*--end = '\0';
	return line;
}

/* 1 if libunistring's opportunities match the ÷/× marks of CASE. */
static int
case_passes(const char *tcase)
{
	char text[1024], brk[1024];
	size_t starts[256], ns = 0, len = 0;
	int expect[256];	/* expect[i]: break before code point i */
	int pending = 0;
	const char *p = tcase;

	while (*p != '\0') {
		if ((unsigned char)p[0] == 0xC3 && (unsigned char)p[1] == 0xB7) {
			pending = 1;
			p += 2;
		} else if ((unsigned char)p[0] == 0xC3 &&
		    (unsigned char)p[1] == 0x97) {
			pending = 0;
			p += 2;
		} else if (strchr("0123456789ABCDEF", *p) && *p != '\0') {
			char *e;
			uint32_t cp = (uint32_t)strtoul(p, &e, 16);

			p = e;
			expect[ns] = pending;
			starts[ns++] = len;
			len += encode(cp, text + len);
		} else
			p++;
	}
	if (len == 0)
		return -1;
	u8_possible_linebreaks((const uint8_t *)text, len, "UTF-8", brk);
	for (size_t i = 1; i < ns; i++) {
		int prev = brk[starts[i - 1]], cur = brk[starts[i]];
		int got = cur == UC_BREAK_POSSIBLE ||
		    cur == UC_BREAK_HYPHENATION || prev == UC_BREAK_MANDATORY;

		if (got != expect[i])
			return 0;
	}
	return 1;
}

static void
test_linebreak_test(void **st)
{
	const char *dir = getenv("YUEDU_DATA");
	const char *src = getenv("YUEDU_SRC");
	char path[4096], line[4096];
	char **known = NULL, **failed = NULL;
	size_t nknown = 0, known_cap = 0, nfailed = 0, failed_cap = 0;
	size_t cases = 0, unexpected = 0;
	FILE *f;

	snprintf(path, sizeof path, "%s/tests/conformance/"
	    "linebreak-known-failures.txt", src ? src : ".");
	f = fopen(path, "r");
	if (f != NULL) {
		while (fgets(line, sizeof line, f) != NULL) {
			char *t = case_text(line);

			if (*t == '\0')
				continue;
			known = xgrow(known, &known_cap, nknown + 1,
			    sizeof *known);
			known[nknown++] = xstrdup(t);
		}
		fclose(f);
	} else
		assert_true(update);

	snprintf(path, sizeof path, "%s/LineBreakTest.txt",
	    dir ? dir : "tests/data");
	f = fopen(path, "r");
	assert_non_null(f);
	while (fgets(line, sizeof line, f) != NULL) {
		char *t = case_text(line);
		int r = case_passes(t);
		size_t i;

		if (r < 0)
			continue;
		cases++;
		if (r)
			continue;
		failed = xgrow(failed, &failed_cap, nfailed + 1,
		    sizeof *failed);
		failed[nfailed++] = xstrdup(t);
		for (i = 0; i < nknown; i++) {
			if (strcmp(known[i], t) == 0)
				break;
		}
		if (i == nknown && !update) {
			if (unexpected < 20)
				fprintf(stderr, "new failure: %s\n", t);
			unexpected++;
		}
	}
	fclose(f);
	printf("LineBreakTest 15.0: %zu/%zu cases pass (%.2f%%); %zu known "
	    "failures listed, %zu new\n", cases - nfailed, cases,
	    100.0 * (double)(cases - nfailed) / (double)cases, nknown,
	    unexpected);
	if (nfailed < nknown)
		printf("%zu known failures now pass: run with --update\n",
		    nknown - nfailed);
	if (update) {
		snprintf(path, sizeof path, "%s/tests/conformance/"
		    "linebreak-known-failures.txt", src ? src : ".");
		f = fopen(path, "w");
		assert_non_null(f);
		fprintf(f, "# LineBreakTest 15.0 cases that libunistring's "
		    "u8_possible_linebreaks (Unicode 14)\n# gets wrong: %zu of "
		    "%zu.  Regenerate: test_linebreak --update\n", nfailed,
		    cases);
		for (size_t i = 0; i < nfailed; i++)
			fprintf(f, "%s\n", failed[i]);
		fclose(f);
	}
	/* The file is the whole test (7654 cases in 15.0). */
	assert_int_equal(cases, 7654);
	assert_int_equal(unexpected, 0);
	/* The measured rate is the floor: cases less the known failures. */
	assert_true(update || cases - nfailed >= cases - nknown);
	for (size_t i = 0; i < nknown; i++)
		free(known[i]);
	for (size_t i = 0; i < nfailed; i++)
		free(failed[i]);
	free(known);
	free(failed);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_linebreak_test),
	};

	update = argc > 1 && strcmp(argv[1], "--update") == 0;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
