/*
 * Colours: the screen elements that take one, and the value of a color
 * setting ("match black on yellow") read into a colour pair and
 * attributes.  No curses here: screen.c turns these into its looks.
 */
#ifndef YUEDU_THEME_H
#define YUEDU_THEME_H

#define THEME_COLOR_NONE (-1)	/* the terminal's default colour */

enum theme_attr {
	THEME_ATTR_BOLD = 1 << 0,
	THEME_ATTR_DIM = 1 << 1,
	THEME_ATTR_UNDERLINE = 1 << 2,
	THEME_ATTR_REVERSE = 1 << 3,
	THEME_ATTR_ITALIC = 1 << 4,
};

/* The screen elements that take a colour, by name. */
#define THEME_COLOR_ELEMENTS(X) \
	X(TEXT, "text") \
	X(STATUS, "status") \
	X(HEADING, "heading") \
	X(MATCH, "match") \
	X(CURRENT_MATCH, "current-match") \
	X(PANEL, "panel") \
	X(PANEL_CURRENT, "panel-current") \
	X(PINYIN, "pinyin") \
	X(SHELF_INFO, "shelf-info") \
	X(HEADING_2, "heading-2") \
	X(HEADING_3, "heading-3") \
	X(STRONG, "strong") \
	X(EMPHASIS, "emphasis") \
	X(STRIKE, "strike") \
	X(CODE, "code") \
	X(LINK, "link") \
	X(QUOTE, "quote") \
	X(MARK, "mark")

enum theme_element {
#define THEME_X(e, name) THEME_ELEMENT_##e,
	THEME_COLOR_ELEMENTS(THEME_X)
#undef THEME_X
	THEME_ELEMENT_COUNT
};

struct theme_color {
	enum theme_element element;
	int fg;			/* 0..255, or THEME_COLOR_NONE */
	int bg;			/* 0..255, or THEME_COLOR_NONE */
	unsigned attrs;		/* THEME_ATTR_* bits */
};

/*
 * Parse the value of a color setting: "ELEMENT [ATTR...] [FG] [on BG]",
 * e.g. "match black on yellow", "heading bold cyan", "status reverse".
 * A colour is black red green yellow blue magenta cyan white (bright-
 * before one of them for 8..15), default, or a number 0..255; ATTR is
 * bold dim underline reverse italic or normal.  Returns 0 (OUT filled
 * when not NULL), or -1 with *err set (caller frees).
 */
int theme_color_parse(const char *value, struct theme_color *out,
    char **err);

/* The name of element E, e.g. "match". */
const char *theme_element_name(enum theme_element e);

#endif
