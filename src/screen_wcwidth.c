/*
 * Our wcwidth(): the executable exports it (-Wl,--export-dynamic-symbol)
 * so that ncursesw, which measures cells with wcwidth(), binds to it and
 * counts columns by the same width policy as the layout.
 */
#include <wchar.h>

#include "yuedu/width.h"

int
wcwidth(wchar_t wc)
{
	if (wc < 0 || (unsigned long)wc > 0x10FFFF)
		return -1;
	return width_codepoint((uint32_t)wc);
}
