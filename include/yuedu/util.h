/*
 * Memory helpers and the one fatal path.  Out of memory aborts through
 * util_die(), after the hook the screen layer registers to restore the
 * terminal; the core itself never learns about curses.
 */
#ifndef YUEDU_UTIL_H
#define YUEDU_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* Allocate or abort. Caller frees. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow *p to hold at least need elements of size; *cap is updated. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string. Caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap)
    __attribute__((format(printf, 1, 0)));

/*
 * A path under an XDG base directory: $VAR/REST when VAR names an absolute
 * directory (the specification ignores relative ones), else
 * $HOME/HOME_DIR/REST, as in util_xdg_path("XDG_CONFIG_HOME", ".config",
 * "yuedu/config").  NULL when neither is set.  Caller frees.
 */
char *util_xdg_path(const char *var, const char *home_dir, const char *rest);

/* Called once before the process dies (e.g. to restore the terminal). */
void util_set_die_hook(void (*hook)(void));
/* Print "yuedu: MSG" on stderr, run the hook, exit(2). */
void util_die(const char *fmt, ...)
    __attribute__((noreturn, format(printf, 1, 2)));

/*
 * Split S as a shell would split words: blanks separate, '...' keeps
 * everything, "..." keeps all but \" \\ \$ \`, a backslash outside
 * quotes escapes the next character.  Returns the number of words and
 * sets *words (NULL-ended; caller frees each and the array), or -1 with
 * *err set on an unterminated quote (caller frees).
 */
int util_split(const char *s, char ***words, char **err);

#endif
