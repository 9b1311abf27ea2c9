/*
 * libFuzzer target: encodings.  Any bytes are detected (BOM, UTF-8,
 * GB18030/GBK, Big5/Big5-HKSCS, EUC-TW, HZ, UTF-16), converted from the
 * guess and from one named encoding chosen by the first byte, and decoded
 * as a document would be.  Each result must be valid UTF-8.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/doc.h"
#include "yuedu/enc.h"
#include <unistr.h>

static const char *const fuzz_names[] = {
	"UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "GBK", "big5",
	"BIG5-HKSCS", "EUC-TW", "HZ-GB-2312", "hz", "gb2312", "cp950",
};
#define NNAMES (sizeof fuzz_names / sizeof fuzz_names[0])

static void
fuzz_check(const char *s, size_t n)
{
	if (u8_check((const uint8_t *)s, n) != NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data + (size > 0);
	size_t n = size - (size > 0);
	const char *name = size > 0 ? fuzz_names[data[0] % NNAMES] : "UTF-8";
	const char *canon, *guess;
	char *out = NULL, *note = NULL, *err = NULL;
	size_t out_len = 0;
	int sure;
	struct doc *doc;

	guess = enc_detect(s, n, &sure);
	if (guess == NULL || enc_canonical(guess) == NULL)
		abort();
	if (enc_to_utf8(guess, s, n, &out, &out_len) == 0) {
		if (strcmp(guess, "UTF-8") != 0)
			fuzz_check(out, out_len);
		free(out);
	}
	canon = enc_canonical(name);
	if (canon == NULL)
		abort();
	out = NULL;
	if (enc_to_utf8(canon, s, n, &out, &out_len) == 0) {
		if (strcmp(canon, "UTF-8") != 0)
			fuzz_check(out, out_len);
		free(out);
	}
	/* The document path: detected, then forced. */
	doc = doc_new_mem(s, n, "fuzz.txt");
	if (enc_apply(doc, NULL, &note, &err) != 0)
		abort();
	if (strcmp(doc->encoding, "UTF-8") != 0)
		fuzz_check(doc->text, doc->len);
	free(note);
	free(err);
	doc_free(doc);
	note = err = NULL;
	doc = doc_new_mem(s, n, "fuzz.txt");
	if (enc_apply(doc, name, &note, &err) != 0)
		abort();
	free(note);
	free(err);
	doc_free(doc);
	return 0;
}
