/* inert_mem(): the one rendering of strings from outside.  Controls show
 * as ^X / <XX>, invalid bytes as one U+FFFD per run, text as itself. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "yuedu/inert.h"

struct inert_case {
	const char *in;
	size_t n;	/* 0: strlen(in) */
	const char *out;
};

static const struct inert_case inert_cases[] = {
	{ "plain 中文 “quotes”", 0, "plain 中文 “quotes”" },
	{ "x\033]52;c;cHduZWQ=\007y", 0, "x^[]52;c;cHduZWQ=^Gy" },
	{ "a\033[2Jb", 0, "a^[[2Jb" },
	{ "tab\there", 0, "tab^Ihere" },
	{ "nl\nx", 0, "nl^Jx" },
	{ "crlf\r\nx", 0, "crlf^M^Jx" },
	{ "del\177", 0, "del^?" },
	{ "c1\xC2\x9B" "31m", 0, "c1<9B>31m" },
	{ "raw\x9B" "31m", 0, "raw\xEF\xBF\xBD" "31m" },
	{ "bad\xFF\xFE\xE8\x90", 0, "bad\xEF\xBF\xBD" },
	{ "nul\0x", 5, "nul^@x" },
	{ "\xE8\x90", 0, "\xEF\xBF\xBD" },
};

static void
test_inert_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof inert_cases / sizeof inert_cases[0];
	    i++) {
		const struct inert_case *c = &inert_cases[i];
		size_t n = c->n ? c->n : strlen(c->in);
		char *s = inert_mem(c->in, n);

		assert_string_equal(s, c->out);
		assert_int_equal(inert_is_plain(c->in, n),
		    strcmp(c->in, c->out) == 0 && n == strlen(c->in));
		free(s);
	}
}

/* No output byte is a control, whatever the input. */
static void
test_inert_every_byte(void **state)
{
	char in[4];

	(void)state;
	for (unsigned a = 0; a < 256; a++)
		for (unsigned b = 0x80; b < 0xC0; b += 0x1B) {
			char *s;

			in[0] = (char)a;
			in[1] = (char)b;
			in[2] = '\033';
			in[3] = (char)0x9B;
			s = inert_mem(in, 4);
			for (char *p = s; *p; p++) {
				unsigned char u = (unsigned char)*p;
				assert_false(u < 0x20 || u == 0x7F);
				if (u == 0xC2)
					assert_false((unsigned char)p[1] >=
					    0x80 && (unsigned char)p[1] < 0xA0);
			}
			free(s);
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inert_cases),
		cmocka_unit_test(test_inert_every_byte),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
