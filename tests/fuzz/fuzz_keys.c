/*
 * libFuzzer target: key names and bindings.  The input, up to its first
 * NUL, is a key name (keycode_parse(); a named key must name itself back
 * to one that parses), a bind value (keymap_bind_parse(),
 * options_bind()) and a color value (theme_color_parse()).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "yuedu/keycode.h"
#include "yuedu/keymap.h"
#include "yuedu/options.h"
#include "yuedu/theme.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = strndup((const char *)data, size), *err = NULL;
	struct keymap_bind kb;
	struct keymap_bind ob;
	struct theme_color cc;
	int k = keycode_parse(s);

	if (k != -1) {
		const char *name = keycode_name(k);

		if (name == NULL)
			abort();
		(void)keycode_is_text(k);
	}
	(void)keycode_name((int)size * 7919);
	if (keymap_bind_parse(s, &kb, &err) != 0) {
		if (err == NULL)
			abort();
		free(err);
		err = NULL;
	} else if (kb.cmd == NULL)
		abort();
	if (options_bind(s, &ob, &err) != 0) {
		if (err == NULL)
			abort();
		free(err);
		err = NULL;
	}
	if (theme_color_parse(s, &cc, &err) != 0) {
		if (err == NULL)
			abort();
		free(err);
		err = NULL;
	} else if (cc.fg < -1 || cc.fg > 255 || cc.bg < -1 || cc.bg > 255)
		abort();
	free(s);
	return 0;
}
