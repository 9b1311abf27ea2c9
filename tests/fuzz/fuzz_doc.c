/*
 * libFuzzer target: the document and its line index.  Any bytes as a
 * document (from memory, or mapped from a temporary file when the first
 * byte is odd); every line's bounds, the line of every offset, a view
 * taking over the index and a replaced text are checked against a simple
 * count of "\n", "\r\n" and lone "\r".
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_common.h"
#include "yuedu/doc.h"
#include "yuedu/util.h"

/* Lines as doc.h defines them: the start of each, counted naively. */
static size_t
fuzz_lines(const char *t, size_t n, size_t *starts)
{
	size_t nl = 0, i = 0;

	if (n == 0)
		return 0;
	starts[nl++] = 0;
	while (i < n) {
		if (t[i] == '\r' && i + 1 < n && t[i + 1] == '\n')
			i += 2;
		else if (t[i] == '\r' || t[i] == '\n')
			i++;
		else {
			i++;
			continue;
		}
		if (i < n)
			starts[nl++] = i;
	}
	return nl;
}

static void
fuzz_check(struct doc *doc)
{
	size_t *starts = xcalloc(doc->len + 1, sizeof *starts);
	size_t nl = fuzz_lines(doc->text, doc->len, starts);

	/* Far line first: the index grows on demand. */
	if (nl > 0 && (!doc_has_line(doc, nl - 1) ||
	    doc_line_start(doc, nl - 1) != starts[nl - 1]))
		abort();
	if (doc_has_line(doc, nl) || doc_line_count(doc) != nl)
		abort();
	for (size_t l = 0; l < nl; l++) {
		size_t s = doc_line_start(doc, l), e = doc_line_end(doc, l);

		if (s != starts[l] || e < s || e > doc->len)
			abort();
		if (l + 1 < nl && e >= starts[l + 1])
			abort();
		if (memchr(doc->text + s, '\n', e - s) != NULL ||
		    memchr(doc->text + s, '\r', e - s) != NULL)
			abort();
	}
	for (size_t off = 0; off <= doc->len && nl > 0; off++) {
		size_t l = doc_line_of(doc, off);

		if (l >= nl || (off < doc->len && starts[l] > off) ||
		    (off < doc->len && l + 1 < nl && starts[l + 1] <= off))
			abort();
	}
	free(starts);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned how = fuzz_byte(&data, &size);
	struct doc *doc = NULL, *view;
	char *cause = NULL;

	if (how & 1) {
		char path[] = "/tmp/yuedu-fuzz-doc-XXXXXX";
		int fd = mkstemp(path);

		if (fd < 0)
			return 0;
		if (write(fd, data, size) != (ssize_t)size) {
			close(fd);
			unlink(path);
			return 0;
		}
		close(fd);
		if (doc_open(&doc, path, &cause) != DOC_OK)
			abort();
		unlink(path);
	} else
		doc = doc_new_mem((const char *)data, size, "fuzz.txt");
	/* The text is the bytes, after a UTF-8 BOM. */
	if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		size -= 3;
	}
	if (doc->len != size || (size && memcmp(doc->text, data, size) != 0))
		abort();
	/* A view indexes, the doc takes its index. */
	view = doc_new_view(doc);
	if (how & 2)
		(void)doc_line_count(view);
	doc_take_index(doc, view);
	doc_free(view);
	fuzz_check(doc);
	/* A replaced text starts a new index. */
	if (how & 4) {
		char *copy = xmalloc(size + 1);
		size_t half = size / 2;

		memcpy(copy, data + half, size - half);
		doc_replace_text(doc, copy, size - half, "UTF-8");
		fuzz_check(doc);
	}
	doc_free(doc);
	return 0;
}
