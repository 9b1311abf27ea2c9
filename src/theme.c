/*
 * Colours of the screen elements as settings give them: the element
 * names and the parser of "ELEMENT [ATTR...] [FG] [on BG]".  How a colour
 * is drawn is the screen's business (screen_style()).
 */
#include "yuedu/theme.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "yuedu/i18n.h"
#include "yuedu/util.h"

static const char *const theme_element_names[] = {
#define THEME_X(e, name) name,
	THEME_COLOR_ELEMENTS(THEME_X)
#undef THEME_X
};

const char *
theme_element_name(enum theme_element e)
{
	return e < THEME_ELEMENT_COUNT ? theme_element_names[e] : "?";
}

static int
theme_colour(const char *s)
{
	static const char *const names[] = {
		"black", "red", "green", "yellow", "blue", "magenta", "cyan",
		"white",
	};
	int base = 0;
	char *end;
	long v;

	if (strcasecmp(s, "default") == 0)
		return THEME_COLOR_NONE;
	if (strncasecmp(s, "bright-", 7) == 0) {
		base = 8;
		s += 7;
	}
	for (int i = 0; i < 8; i++)
		if (strcasecmp(s, names[i]) == 0)
			return base + i;
	if (base == 0 && isdigit((unsigned char)s[0])) {
		v = strtol(s, &end, 10);
		if (*end == '\0' && v >= 0 && v <= 255)
			return (int)v;
	}
	return -2;
}

int
theme_color_parse(const char *value, struct theme_color *out, char **err)
{
	static const struct {
		const char *name;
		unsigned bit;
	} attrs[] = {
		{ "bold", THEME_ATTR_BOLD }, { "dim", THEME_ATTR_DIM },
		{ "underline", THEME_ATTR_UNDERLINE },
		{ "reverse", THEME_ATTR_REVERSE },
		{ "italic", THEME_ATTR_ITALIC }, { "normal", 0 },
	};
	struct theme_color c = { 0, THEME_COLOR_NONE, THEME_COLOR_NONE, 0 };
	char **w;
	int n = util_split(value, &w, err), i = 1, rc = -1, e, got_fg = 0;

	if (n < 0)
		return -1;
	if (n < 2) {
		*err = xasprintf(_("invalid color '%s' (expected ELEMENT "
		    "[ATTR...] [FG] [on BG], e.g. 'match black on yellow')"),
		    value);
		goto out;
	}
	for (e = 0; e < THEME_ELEMENT_COUNT; e++)
		if (strcmp(w[0], theme_element_names[e]) == 0)
			break;
	if (e == THEME_ELEMENT_COUNT) {
		char *list = xstrdup("");
		for (int k = 0; k < THEME_ELEMENT_COUNT; k++) {
			char *t = xasprintf("%s%s%s", list, k ? ", " : "",
			    theme_element_names[k]);
			free(list);
			list = t;
		}
		*err = xasprintf(_("unknown element '%s' in color (one of %s)"),
		    w[0], list);
		free(list);
		goto out;
	}
	c.element = (enum theme_element)e;
	for (; i < n; i++) {
		size_t k;
		int col;

		for (k = 0; k < sizeof attrs / sizeof attrs[0]; k++)
			if (strcasecmp(w[i], attrs[k].name) == 0)
				break;
		if (k < sizeof attrs / sizeof attrs[0]) {
			c.attrs |= attrs[k].bit;
			continue;
		}
		if (strcasecmp(w[i], "on") == 0) {
			if (i + 1 >= n || (col = theme_colour(w[i + 1])) <
			    THEME_COLOR_NONE) {
				*err = xasprintf(_("invalid color '%s' (expected "
				    "a colour after 'on')"), value);
				goto out;
			}
			c.bg = col;
			i++;
			continue;
		}
		col = theme_colour(w[i]);
		if (col < THEME_COLOR_NONE || got_fg) {
			*err = xasprintf(_("invalid color '%s': '%s' is not a "
			    "colour or attribute"), value, w[i]);
			goto out;
		}
		c.fg = col;
		got_fg = 1;
	}
	if (out != NULL)
		*out = c;
	rc = 0;
out:
	for (int k = 0; k < n; k++)
		free(w[k]);
	free(w);
	return rc;
}
