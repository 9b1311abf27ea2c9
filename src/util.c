/*
 * Allocation wrappers that never return NULL, and util_die(), the single
 * way the program ends on an unrecoverable error.
 */
#include "yuedu/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/i18n.h"
#include "yuedu/inert.h"

static void (*util_die_hook)(void);

void
util_set_die_hook(void (*hook)(void))
{
	util_die_hook = hook;
}

void
util_die(const char *fmt, ...)
{
	va_list ap;
	char msg[1024];

	if (util_die_hook != NULL) {
		void (*hook)(void) = util_die_hook;
		util_die_hook = NULL;
		hook();
	}
	fputs("yuedu: ", stderr);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);	/* no allocation: maybe OOM */
	va_end(ap);
	inert_fputs(msg, stderr);
	fputc('\n', stderr);
	exit(2);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		util_die("out of memory (%zu bytes)", n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		util_die("out of memory (%zu x %zu bytes)", n, size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		util_die("out of memory (%zu bytes)", n);
	return q;
}

void *
xgrow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t ncap = *cap ? *cap : 16;

	if (need <= *cap)
		return p;
	while (ncap < need)
		ncap *= 2;
	p = xrealloc(p, ncap * size);
	*cap = ncap;
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	if (n > 0)	/* S may be NULL then (md4c's empty link address) */
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list ap2;
	int n;
	char *s;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		util_die("bad format");
	s = xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

char *
util_xdg_path(const char *var, const char *home_dir, const char *rest)
{
	const char *x = getenv(var), *home;

	if (x != NULL && x[0] == '/')
		return xasprintf("%s/%s", x, rest);
	home = getenv("HOME");
	if (home == NULL || home[0] == '\0')
		return NULL;
	return xasprintf("%s/%s/%s", home, home_dir, rest);
}

int
util_split(const char *s, char ***words, char **err)
{
	char **v = NULL, *w = NULL;
	size_t n = 0, cap = 0, wlen = 0, wcap = 0;
	int in_word = 0;

	*words = NULL;
	*err = NULL;
	for (;;) {
		char c = *s;

		if (c == '\0' || c == ' ' || c == '\t' || c == '\n') {
			if (in_word) {
				w = xgrow(w, &wcap, wlen + 1, 1);
				w[wlen] = '\0';
				v = xgrow(v, &cap, n + 2, sizeof *v);
				v[n++] = w;
				w = NULL;
				wlen = wcap = 0;
				in_word = 0;
			}
			if (c == '\0')
				break;
			s++;
			continue;
		}
		in_word = 1;
		if (c == '\'') {
			const char *e = strchr(s + 1, '\'');
			if (e == NULL)
				goto unterminated;
			w = xgrow(w, &wcap, wlen + (size_t)(e - s), 1);
			memcpy(w + wlen, s + 1, (size_t)(e - s - 1));
			wlen += (size_t)(e - s - 1);
			s = e + 1;
		} else if (c == '"') {
			s++;
			while (*s != '"') {
				if (*s == '\0')
					goto unterminated;
				if (*s == '\\' && s[1] != '\0' &&
				    strchr("\"\\$`", s[1]) != NULL)
					s++;
				w = xgrow(w, &wcap, wlen + 1, 1);
				w[wlen++] = *s++;
			}
			s++;
		} else if (c == '\\' && s[1] != '\0') {
			w = xgrow(w, &wcap, wlen + 1, 1);
			w[wlen++] = s[1];
			s += 2;
		} else {
			w = xgrow(w, &wcap, wlen + 1, 1);
			w[wlen++] = c;
			s++;
		}
	}
	v = xgrow(v, &cap, n + 1, sizeof *v);
	v[n] = NULL;
	*words = v;
	return (int)n;
unterminated:
	*err = xstrdup(_("unterminated quote"));
	free(w);
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
	return -1;
}
