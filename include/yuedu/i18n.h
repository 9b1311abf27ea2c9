/*
 * The interface language: English, simplified or traditional Chinese,
 * chosen from the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) or
 * --ui-language, and the messages translated through GNU gettext
 * catalogs (po/zh_CN.po, po/zh_TW.po; text domain "yuedu").  Until
 * i18n_init() picks Chinese, _() gives the English text unchanged, so
 * the tools and unit tests that never call it stay in English.
 */
#ifndef YUEDU_I18N_H
#define YUEDU_I18N_H

#include <libintl.h>

/* Translate S (a literal, or a string marked with N_()). */
#define _(s) i18n_gettext(s)
/* The singular S or plural PL of a message about N things. */
#define P_(s, pl, n) i18n_ngettext(s, pl, n)
/* Mark S for translation where it is defined (tables); _() at use. */
#define N_(s) (s)

enum i18n_lang {
	I18N_AUTO = 0,	/* from the environment */
	I18N_EN,	/* English: the messages as written */
	I18N_HANS,	/* simplified Chinese: catalog zh_CN */
	I18N_HANT,	/* traditional Chinese (Taiwan terms): zh_TW */
};

/*
 * The language a locale or language name says: zh_CN, zh_SG, zh-Hans
 * and bare zh are simplified; zh_TW, zh_HK, zh_MO and zh-Hant are
 * traditional; en*, C and POSIX are English; anything else (fr_FR, "")
 * is I18N_AUTO, meaning "not said".  Codeset and modifier are ignored.
 */
enum i18n_lang i18n_lang_of(const char *name);

/*
 * The language chosen by the environment's values (each may be NULL):
 * the locale of messages is the first set of LC_ALL, LC_MESSAGES, LANG;
 * unless it is unset, C or POSIX (where gettext ignores LANGUAGE), the
 * first entry of the colon-separated LANGUAGE that names a language
 * decides; else the locale itself.  English when nothing says Chinese.
 * The locale need not be installed: only the names are read.
 */
enum i18n_lang i18n_choose(const char *language, const char *lc_all,
    const char *lc_messages, const char *lang);

/*
 * Set the interface language: LANG (I18N_AUTO: from the environment).
 * For Chinese, binds the text domain to the catalogs next to the
 * program (the build tree's locale/) or else the installed ones, makes
 * sure LC_MESSAGES is not "C" (C.UTF-8 otherwise: the zh locales need
 * not be installed) and sets LANGUAGE to the catalog.  Returns the
 * language set; English when its catalog cannot be found.
 */
enum i18n_lang i18n_init(enum i18n_lang lang);

/* The language set by i18n_init() (I18N_EN before). */
enum i18n_lang i18n_current(void);

/* S translated into the current language; S itself in English. */
const char *i18n_gettext(const char *s) __attribute__((format_arg(1)));

/* S or PL as N asks, translated (Chinese has one form). */
const char *i18n_ngettext(const char *s, const char *pl, unsigned long n)
    __attribute__((format_arg(1))) __attribute__((format_arg(2)));

#endif
