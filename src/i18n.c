/*
 * The interface language: which one the environment or --ui-language
 * asks for, and gettext set up to give it even when that locale is not
 * installed (the catalog is chosen through LANGUAGE, which glibc reads
 * whenever LC_MESSAGES is not "C").  Messages stay UTF-8.
 */
#include "yuedu/i18n.h"

#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "yuedu/util.h"

#define I18N_DOMAIN "yuedu"

static enum i18n_lang i18n_lang = I18N_EN;
/* LANGUAGE as the environment gave it, before i18n_init() set it. */
static char *i18n_language;
static int i18n_language_saved;

enum i18n_lang
i18n_lang_of(const char *name)
{
	static const char *const hant[] = { "TW", "HK", "MO", "Hant" };
	size_t n;

	if (name == NULL)
		return I18N_AUTO;
	n = strcspn(name, ".@");
	if ((n == 1 && name[0] == 'C') || (n == 5 &&
	    strncmp(name, "POSIX", 5) == 0))
		return I18N_EN;
	if (n >= 2 && strncasecmp(name, "en", 2) == 0 &&
	    (n == 2 || name[2] == '_' || name[2] == '-'))
		return I18N_EN;
	if (n < 2 || strncasecmp(name, "zh", 2) != 0 ||
	    (n > 2 && name[2] != '_' && name[2] != '-'))
		return I18N_AUTO;
	/* zh, zh_CN, zh_SG, zh-Hans, zh_TW, zh-Hant-TW, zh_HK … */
	for (size_t i = 3; i < n; i += strcspn(name + i, "_-.@") + 1) {
		size_t len = strcspn(name + i, "_-.@");

		for (size_t k = 0; k < sizeof hant / sizeof hant[0]; k++)
			if (len == strlen(hant[k]) &&
			    strncasecmp(name + i, hant[k], len) == 0)
				return I18N_HANT;
		if (len == 4 && strncasecmp(name + i, "Hans", 4) == 0)
			return I18N_HANS;
	}
	return I18N_HANS;
}

enum i18n_lang
i18n_choose(const char *language, const char *lc_all,
    const char *lc_messages, const char *lang)
{
	const char *loc = NULL;
	enum i18n_lang l;

	if (lc_all != NULL && *lc_all != '\0')
		loc = lc_all;
	else if (lc_messages != NULL && *lc_messages != '\0')
		loc = lc_messages;
	else if (lang != NULL && *lang != '\0')
		loc = lang;
	/* In the C locale gettext ignores LANGUAGE; so do we. */
	if (loc == NULL || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
		return I18N_EN;
	while (language != NULL && *language != '\0') {
		size_t n = strcspn(language, ":");
		char *one = xstrndup(language, n);

		l = i18n_lang_of(one);
		free(one);
		if (l != I18N_AUTO)
			return l;
		language += n;
		language += strspn(language, ":");
	}
	l = i18n_lang_of(loc);
	return l == I18N_AUTO ? I18N_EN : l;
}

/* The catalog's directory name under a locale directory. */
static const char *
i18n_catalog(enum i18n_lang lang)
{
	return lang == I18N_HANT ? "zh_TW" : "zh_CN";
}

/* Whether DIR holds the catalog of LANG. */
static int
i18n_has(const char *dir, enum i18n_lang lang)
{
	char *mo;
	int ok;

	if (dir == NULL || *dir == '\0')
		return 0;
	mo = xasprintf("%s/%s/LC_MESSAGES/" I18N_DOMAIN ".mo", dir,
	    i18n_catalog(lang));
	ok = access(mo, R_OK) == 0;
	free(mo);
	return ok;
}

/*
 * Where the catalogs of LANG are, as the lexicon is found: $YUEDU_LOCALEDIR,
 * next to the program (PREFIX/bin/../share/locale, or the build tree's
 * locale/ beside build/yuedu), where it is installed, the build tree.
 * Caller frees; NULL when none has it.
 */
static char *
i18n_dir(enum i18n_lang lang)
{
	char exe[PATH_MAX], *slash, *d;
	ssize_t n;

	if (getenv("YUEDU_LOCALEDIR") != NULL)
		return i18n_has(getenv("YUEDU_LOCALEDIR"), lang) ?
		    xstrdup(getenv("YUEDU_LOCALEDIR")) : NULL;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			d = xasprintf("%s/locale", exe);
			if (i18n_has(d, lang))
				return d;
			free(d);
			d = xasprintf("%s/../share/locale", exe);
			if (i18n_has(d, lang))
				return d;
			free(d);
		}
	}
#ifdef YUEDU_LOCALE_INSTALL_DIR
	if (i18n_has(YUEDU_LOCALE_INSTALL_DIR, lang))
		return xstrdup(YUEDU_LOCALE_INSTALL_DIR);
#endif
#ifdef YUEDU_LOCALE_BUILD_DIR
	if (i18n_has(YUEDU_LOCALE_BUILD_DIR, lang))
		return xstrdup(YUEDU_LOCALE_BUILD_DIR);
#endif
	return NULL;
}

enum i18n_lang
i18n_init(enum i18n_lang lang)
{
	const char *cur;
	char *dir;

	if (!i18n_language_saved) {
		i18n_language_saved = 1;
		if (getenv("LANGUAGE") != NULL)
			i18n_language = xstrdup(getenv("LANGUAGE"));
	}
	if (lang == I18N_AUTO)
		lang = i18n_choose(i18n_language, getenv("LC_ALL"),
		    getenv("LC_MESSAGES"), getenv("LANG"));
	if (lang == I18N_EN || (dir = i18n_dir(lang)) == NULL) {
		/* Back to the environment's own LANGUAGE. */
		if (i18n_lang != I18N_EN) {
			if (i18n_language != NULL)
				setenv("LANGUAGE", i18n_language, 1);
			else
				unsetenv("LANGUAGE");
		}
		i18n_lang = I18N_EN;
		return I18N_EN;
	}
	bindtextdomain(I18N_DOMAIN, dir);
	bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
	free(dir);
	/* glibc ignores LANGUAGE when LC_MESSAGES is "C"; C.UTF-8 is
	 * built in and gives the same messages of other programs. */
	cur = setlocale(LC_MESSAGES, NULL);
	if (cur == NULL || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0)
		if (setlocale(LC_MESSAGES, "C.UTF-8") == NULL)
			setlocale(LC_MESSAGES, "C.utf8");
	setenv("LANGUAGE", i18n_catalog(lang), 1);
	/* A new language after a first: textdomain() drops what gettext
	 * cached for the last one. */
	textdomain(textdomain(NULL));
	i18n_lang = lang;
	return lang;
}

enum i18n_lang
i18n_current(void)
{
	return i18n_lang;
}

const char *
i18n_gettext(const char *s)
{
	if (i18n_lang == I18N_EN || s == NULL || *s == '\0')
		return s;
	return dgettext(I18N_DOMAIN, s);
}

const char *
i18n_ngettext(const char *s, const char *pl, unsigned long n)
{
	if (i18n_lang == I18N_EN)
		return n == 1 ? s : pl;
	return dngettext(I18N_DOMAIN, s, pl, n);
}
