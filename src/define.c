/*
 * Define owns the text shown for a word: its entries, the longer words it
 * starts, and its characters' entries, one line each, shared by --define
 * and the word popup.
 */
#include "yuedu/define.h"

#include <stdlib.h>
#include <string.h>

#include "yuedu/lexicon.h"
#include "yuedu/utf8.h"
#include "yuedu/util.h"

struct define_buf {
	char *s;
	size_t len, cap;
};

static void
define_add(struct define_buf *b, const char *s, size_t n)
{
	b->s = xgrow(b->s, &b->cap, b->len + n + 1, 1);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
define_adds(struct define_buf *b, const char *s)
{
	define_add(b, s, strlen(s));
}

/* "simp trad [pinyin]" (trad only when it differs). */
static void
define_head(struct define_buf *b, const struct lexicon_entry *e)
{
	define_adds(b, e->simp);
	if (strcmp(e->simp, e->trad) != 0) {
		define_adds(b, " ");
		define_adds(b, e->trad);
	}
	define_adds(b, " [");
	define_adds(b, e->pinyin);
	define_adds(b, "]");
}

/* The parts of a word of two or more characters: each character's
 * entries, senses on the same line. */
static void
define_parts(struct define_buf *b, const struct lexicon *lex,
    const char *word, size_t n)
{
	struct lexicon_entry *e;
	size_t nchars = 0;

	for (size_t i = 0; i < n; nchars++) {
		uint32_t cp;
		i += utf8_decode(word + i, n - i, &cp);
	}
	for (size_t i = 0; nchars > 1 && i < n;) {
		uint32_t cp;
		size_t l = utf8_decode(word + i, n - i, &cp);
		size_t nc = lexicon_define(lex, word + i, l, &e);
		for (size_t k = 0; k < nc; k++) {
			define_head(b, &e[k]);
			define_adds(b, " ");
			for (const char *p = e[k].senses; *p; p++) {
				if (*p == '/')
					define_adds(b, "; ");
				else
					define_add(b, p, 1);
			}
			define_adds(b, "\n");
		}
		lexicon_entries_free(e, nc);
		i += l;
	}
}

char *
define_text(const struct lexicon *lex, const char *word, size_t n)
{
	struct define_buf b = { 0 };
	struct lexicon_entry *e;
	size_t ne = lexicon_define(lex, word, n, &e);
	char **longer;
	size_t nl;

	if (ne == 0)
		return NULL;
	for (size_t i = 0; i < ne; i++) {
		define_head(&b, &e[i]);
		define_adds(&b, "\n");
		/* One sense a line. */
		for (const char *p = e[i].senses; *p;) {
			size_t l = strcspn(p, "/");
			if (l > 0) {
				define_adds(&b, "  ");
				define_add(&b, p, l);
				define_adds(&b, "\n");
			}
			p += l;
			if (*p == '/')
				p++;
		}
	}
	lexicon_entries_free(e, ne);
	nl = lexicon_longer(lex, word, n, 8, &longer);
	if (nl > 0) {
		define_adds(&b, "longer:");
		for (size_t i = 0; i < nl; i++) {
			define_adds(&b, " ");
			define_adds(&b, longer[i]);
			free(longer[i]);
		}
		define_adds(&b, "\n");
	}
	free(longer);
	define_parts(&b, lex, word, n);
	return b.s;
}

char *
define_text_or_parts(const struct lexicon *lex, const char *word, size_t n)
{
	struct define_buf b = { 0 };
	char *t = define_text(lex, word, n);

	if (t != NULL)
		return t;
	define_add(&b, word, n);
	define_adds(&b, "\n  not in the dictionary\n");
	define_parts(&b, lex, word, n);
	return b.s;
}
