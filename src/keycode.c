/*
 * Key codes and their names.  keycode_parse() reads a key as the user
 * names it in --bind or the config file; keycode_name() names it back as
 * help and the README show it.
 */
#include "yuedu/keycode.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "yuedu/utf8.h"

static const struct {
	const char *name;
	int key;
} keycode_names[] = {
	{ "Enter", KEYCODE_ENTER }, { "Space", ' ' }, { "Tab", KEYCODE_TAB },
	{ "Esc", KEYCODE_ESC }, { "Backspace", KEYCODE_BACKSPACE },
	{ "Delete", KEYCODE_DELETE }, { "Del", KEYCODE_DELETE },
	{ "Up", KEYCODE_UP }, { "Down", KEYCODE_DOWN },
	{ "Left", KEYCODE_LEFT }, { "Right", KEYCODE_RIGHT },
	{ "PgUp", KEYCODE_PGUP }, { "PgDn", KEYCODE_PGDN },
	{ "Home", KEYCODE_HOME }, { "End", KEYCODE_END },
};

int
keycode_parse(const char *name)
{
	size_t n = strlen(name);
	uint32_t cp;

	if (n == 0)
		return -1;
	if (utf8_decode(name, n, &cp) == n)
		return cp == UTF8_INVALID || cp < 0x20 || cp == 0x7f ? -1 :
		    (int)cp;
	if (n == 2 && name[0] == '^') {
		if (name[1] == '?')
			return 0x7f;
		if ((name[1] >= '@' && name[1] <= '_') ||
		    (name[1] >= 'a' && name[1] <= 'z'))
			return KEYCODE_CTRL(name[1]);
		return -1;
	}
	if (n == 2 && name[0] == ':' && name[1] > ' ' && name[1] < 127)
		return KEYCODE_COLON_KEY(name[1]);
	for (size_t i = 0; i < sizeof keycode_names / sizeof keycode_names[0];
	    i++)
		if (strcasecmp(name, keycode_names[i].name) == 0)
			return keycode_names[i].key;
	return -1;
}

const char *
keycode_name(int key)
{
	static const char *const ctrl[32] = {
		"^@", "^A", "^B", "^C", "^D", "^E", "^F", "^G", "^H", "Tab",
		"Enter", "^K", "^L", "^M", "^N", "^O", "^P", "^Q", "^R", "^S",
		"^T", "^U", "^V", "^W", "^X", "^Y", "^Z", "Esc", "^\\", "^]",
		"^^", "^_",
	};
	static const char *const ascii[95] = {
		"Space", "!", "\"", "#", "$", "%", "&", "'", "(", ")", "*",
		"+", ",", "-", ".", "/", "0", "1", "2", "3", "4", "5", "6",
		"7", "8", "9", ":", ";", "<", "=", ">", "?", "@", "A", "B",
		"C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N",
		"O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z",
		"[", "\\", "]", "^", "_", "`", "a", "b", "c", "d", "e", "f",
		"g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r",
		"s", "t", "u", "v", "w", "x", "y", "z", "{", "|", "}", "~",
	};
	static char buf[16];

	if (key > KEYCODE_COLON && key < KEYCODE_COLON + 127) {
		snprintf(buf, sizeof buf, ":%s", keycode_name(key -
		    KEYCODE_COLON));
		return buf;
	}
	if (key >= 0 && key < 32)
		return ctrl[key];
	if (key >= 32 && key < 127)
		return ascii[key - 32];
	switch (key) {
	case 0x7f: return "^?";
	case KEYCODE_UP: return "↑";
	case KEYCODE_DOWN: return "↓";
	case KEYCODE_LEFT: return "←";
	case KEYCODE_RIGHT: return "→";
	case KEYCODE_PGUP: return "PgUp";
	case KEYCODE_PGDN: return "PgDn";
	case KEYCODE_HOME: return "Home";
	case KEYCODE_END: return "End";
	case KEYCODE_BACKSPACE: return "Backspace";
	case KEYCODE_DELETE: return "Delete";
	default: break;
	}
	if (keycode_is_text(key)) {	/* a character beyond ASCII */
		buf[utf8_encode((uint32_t)key, buf)] = '\0';
		return buf;
	}
	return "?";
}

int
keycode_is_text(int key)
{
	return key >= 0x20 && key != 0x7f && key <= 0x10FFFF &&
	    !(key >= 0xD800 && key < 0xE000) && !(key >= 0x80 && key < 0xA0);
}
