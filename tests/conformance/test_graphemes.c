/*
 * GraphemeBreakTest 15.0 through width_next_cluster(): every line of the
 * Unicode test file, encoded as UTF-8, must split into exactly the
 * clusters the file marks with ÷.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/width.h"

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

static void
test_grapheme_break_test(void **st)
{
	const char *dir = getenv("YUEDU_DATA");
	char path[4096], line[4096];
	FILE *f;
	size_t cases = 0, failures = 0;

	snprintf(path, sizeof path, "%s/GraphemeBreakTest.txt",
	    dir ? dir : "tests/data");
	f = fopen(path, "r");
	assert_non_null(f);
	while (fgets(line, sizeof line, f) != NULL) {
		char text[512];
		size_t bounds[128], nb = 0, len = 0, off, k;
		char *p = line, *hash = strchr(line, '#');
		int ok = 1;

		if (hash != NULL)
			*hash = '\0';
		/* "÷ 0020 × 0308 ÷": ÷ is C3 B7, × is C3 97. */
		while (*p != '\0') {
			if ((unsigned char)p[0] == 0xC3 &&
			    (unsigned char)p[1] == 0xB7) {
				if (len > 0)
					bounds[nb++] = len;
				p += 2;
			} else if ((unsigned char)p[0] == 0xC3 &&
			    (unsigned char)p[1] == 0x97) {
				p += 2;
			} else if (strchr("0123456789ABCDEFabcdef", *p) &&
			    *p != '\0') {
				uint32_t cp = (uint32_t)strtoul(p, &p, 16);
				len += encode(cp, text + len);
			} else
				p++;
		}
		if (len == 0)
			continue;
		cases++;
		/* Walk the clusters and compare each end with the file. */
		off = 0;
		k = 0;
		while (off < len) {
			struct width_cluster c;

			width_next_cluster(text + off, len - off, &c);
			assert_true(c.len >= 1);
			off += c.len;
			if (k >= nb || bounds[k] != off) {
				ok = 0;
				break;
			}
			k++;
		}
		if (!ok || k != nb) {
			if (failures < 20)
				fprintf(stderr, "FAIL: %s\n", line);
			failures++;
		}
	}
	fclose(f);
	printf("GraphemeBreakTest: %zu/%zu cases pass\n", cases - failures,
	    cases);
	assert_int_equal(cases, 602);
	assert_int_equal(failures, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grapheme_break_test),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
