/*
 * The inert rendering of strings from outside (see inert.h).  It walks
 * the string cluster by cluster with the width policy's own decoder, so
 * a name prints exactly as the same bytes would show inside a file.
 */
#include "yuedu/inert.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/utf8.h"
#include "yuedu/util.h"
#include "yuedu/width.h"

int
inert_is_plain(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t k;

		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		k = utf8_decode(s + i, n - i, &cp);
		if (cp == UTF8_INVALID || cp < 0x20 || (cp >= 0x7F &&
		    cp < 0xA0))
			return 0;
		i += k;
	}
	return 1;
}

/* The rendering of the cluster C at S: *P (LEN returned) is S itself or
 * BUF.  Never allocates (util_die() prints through it). */
static size_t
inert_piece(const char *s, const struct width_cluster *c, char buf[16],
    const char **p)
{
	if (c->kind == WIDTH_TAB) {	/* spaces would hide it */
		memcpy(buf, "^I", 2);
		*p = buf;
		return 2;
	}
	if (c->kind == WIDTH_CONTROL && c->len == 2 && s[0] == '\r' &&
	    s[1] == '\n') {
		memcpy(buf, "^M^J", 4);	/* CR LF: one cluster */
		*p = buf;
		return 4;
	}
	return width_render(s, c, c->cols, buf, p);
}

char *
inert_mem(const char *s, size_t n)
{
	size_t cap = n + 16, len = 0;
	char *out;

	if (inert_is_plain(s, n))
		return xstrndup(s, n);
	out = xmalloc(cap);
	for (size_t i = 0; i < n;) {
		struct width_cluster c;
		char buf[16];
		const char *p;
		size_t k;

		width_next_cluster(s + i, n - i, &c);
		k = inert_piece(s + i, &c, buf, &p);
		out = xgrow(out, &cap, len + k + 1, 1);
		memcpy(out + len, p, k);
		len += k;
		i += c.len;
	}
	out[len] = '\0';
	return out;
}

int
inert_write(FILE *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		struct width_cluster c;
		char buf[16];
		const char *p;
		size_t k;

		width_next_cluster(s + i, n - i, &c);
		k = inert_piece(s + i, &c, buf, &p);
		if (fwrite(p, 1, k, out) != k)
			return EOF;
		i += c.len;
	}
	return 0;
}

char *
inert_str(const char *s)
{
	if (s == NULL)
		return xstrdup("(null)");
	return inert_mem(s, strlen(s));
}

int
inert_fputs(const char *s, FILE *out)
{
	if (s == NULL)
		s = "(null)";
	return inert_write(out, s, strlen(s));
}

void
inert_warn(const char *fmt, ...)
{
	va_list ap;
	char *s, *t;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		util_die("out of memory");
	t = inert_mem(s, (size_t)n);
	fprintf(stderr, "yuedu: %s\n", t);
	free(t);
	free(s);
}
