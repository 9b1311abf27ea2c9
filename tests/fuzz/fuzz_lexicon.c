/*
 * libFuzzer target: the readers of the reading-aid data (data/words.bin,
 * data/cedict.bin) given corrupted copies.  The first byte chooses the
 * file and the corruption: the input itself as the file, or the shipped
 * file truncated and/or patched by the records that follow (u32 offset,
 * u8 value each; offsets near the front, where the header and indexes
 * are, half the time).  A file the checks accept is then read through
 * every lookup and the segmenter, which must stay inside it.  The shipped
 * files are loaded once and patched in place (and restored), their
 * truncated tail poisoned for ASan: no 10 MB copy per input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "yuedu/lexicon.h"
#include "yuedu/segment.h"
#include "yuedu/util.h"

#if defined(__SANITIZE_ADDRESS__)
#define FUZZ_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FUZZ_ASAN 1
#endif
#endif
#ifdef FUZZ_ASAN
#include <sanitizer/asan_interface.h>
#else
#define ASAN_POISON_MEMORY_REGION(p, n) ((void)(p), (void)(n))
#define ASAN_UNPOISON_MEMORY_REGION(p, n) ((void)(p), (void)(n))
#endif

#ifndef YUEDU_FUZZ_DATA
#define YUEDU_FUZZ_DATA "data"
#endif

struct fuzz_file {
	unsigned char *p;
	size_t len;
};

static void
fuzz_load(struct fuzz_file *f, const char *name)
{
	FILE *fp;
	long n;

	if (f->p != NULL)
		return;
	fp = fopen(name, "rb");
	if (fp == NULL || fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) <= 0)
		abort();
	rewind(fp);
	f->len = (size_t)n;
	f->p = xmalloc(f->len);
	if (fread(f->p, 1, f->len, fp) != f->len)
		abort();
	fclose(fp);
}

static const char *const fuzz_words[] = {
	"银行", "银", "行长", "中华人民共和国", "的", "了", "一", "不是",
	"\xe4", "a", "",
};

static void
fuzz_use(const struct lexicon *lex)
{
	static const char text[] = "银行行长一天不是說(shuō)話网络abc 長城了(·le)";
	static const uint32_t cps[] = { 0x94f6, 0x884c, 0x9577, 0x4e00, 0x4e0d,
		0x20000, 0x41, 0, 0x10ffff, 0x3400 };
	struct lexicon_char ch;
	struct lexicon_word w;
	struct lexicon_entry *e;
	struct segment_reading *rd = NULL;
	struct segment_word *sw = NULL;
	size_t cap = 0, n, len;
	char **longer, *out;
	uint32_t *map;
	int more;

	for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		if (lexicon_char(lex, cps[i], &ch) &&
		    (ch.reading == NULL || strlen(ch.reading) > 64))
			abort();
		(void)lexicon_is_han(lex, cps[i]);
	}
	for (unsigned id = 0; id < 2000; id += 37)
		(void)strlen(lexicon_syllable(lex, id));
	for (size_t i = 0; i < sizeof fuzz_words / sizeof fuzz_words[0]; i++) {
		const char *k = fuzz_words[i];

		(void)lexicon_word(lex, k, strlen(k), &w, &more);
		n = lexicon_define(lex, k, strlen(k), &e);
		lexicon_entries_free(e, n);
		n = lexicon_longer(lex, k, strlen(k), 8, &longer);
		for (size_t j = 0; j < n; j++)
			free(longer[j]);
		free(longer);
	}
	n = segment_readings(lex, text, sizeof text - 1, 0, &rd, &cap);
	free(rd);
	cap = 0;
	n = segment_words(lex, text, sizeof text - 1, 0, &sw, &cap);
	free(sw);
	segment_annotate(lex, text, sizeof text - 1, NULL, &out, &len, &map);
	free(out);
	free(map);
	(void)segment_pinyin_match(lex, text, sizeof text - 1, "yinhang", 7);
	(void)n;
}

#define FUZZ_MAX_PATCH 64

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fuzz_file files[2];
	unsigned how = fuzz_byte(&data, &size);
	int which = how & 1;
	struct fuzz_file *f = &files[which];
	struct lexicon *lex;
	unsigned char *buf, *copy = NULL, saved[FUZZ_MAX_PATCH];
	size_t len, at[FUZZ_MAX_PATCH], npatch = 0;

	if (how & 2) {
		/* The input is the file. */
		buf = copy = xmalloc(size ? size : 1);
		memcpy(buf, data, size);
		len = size;
	} else {
		fuzz_load(&files[0], YUEDU_FUZZ_DATA "/words.bin");
		fuzz_load(&files[1], YUEDU_FUZZ_DATA "/cedict.bin");
		buf = f->p;
		len = f->len;
		if (how & 4) {	/* truncated, by the next 3 bytes */
			size_t t = fuzz_byte(&data, &size);

			t |= fuzz_byte(&data, &size) << 8;
			t |= fuzz_byte(&data, &size) << 16;
			len = t % (f->len + 1);
		}
		while (size >= 5 && len > 0 && npatch < FUZZ_MAX_PATCH) {
			size_t off = (size_t)data[0] | (size_t)data[1] << 8 |
			    (size_t)data[2] << 16 | (size_t)data[3] << 24;

			off = off & 1 ? (off >> 1) % (len < 4096 ? len : 4096) :
			    (off >> 1) % len;
			at[npatch] = off;
			saved[npatch++] = buf[off];
			buf[off] = data[4];
			data += 5;
			size -= 5;
		}
		ASAN_POISON_MEMORY_REGION(buf + len, f->len - len);
	}
	lex = which ? lexicon_open_mem(NULL, 0, buf, len, NULL) :
	    lexicon_open_mem(buf, len, NULL, 0, NULL);
	if (lex != NULL) {
		fuzz_use(lex);
		lexicon_free(lex);
	}
	if (copy != NULL)
		free(copy);
	else {
		ASAN_UNPOISON_MEMORY_REGION(buf + len, f->len - len);
		while (npatch-- > 0)	/* last first: a byte patched twice */
			buf[at[npatch]] = saved[npatch];
	}
	return 0;
}
