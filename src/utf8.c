/*
 * The UTF-8 codec (see utf8.h): strict decoding by the Unicode table of
 * well-formed sequences, encoding, and stepping back one code point.
 */
#include "yuedu/utf8.h"

size_t
utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c;
	size_t len, i;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		c = u[0] & 0x1F;
		len = 2;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		c = u[0] & 0x0F;
		len = 3;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		c = u[0] & 0x07;
		len = 4;
	} else {
		*cp = UTF8_INVALID;
		return 1;
	}
	if (len > n) {
		*cp = UTF8_INVALID;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*cp = UTF8_INVALID;
			return 1;
		}
		c = (c << 6) | (u[i] & 0x3F);
	}
	if ((len == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
	    (len == 4 && (c < 0x10000 || c > 0x10FFFF))) {
		*cp = UTF8_INVALID;
		return 1;
	}
	*cp = c;
	return len;
}

size_t
utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 0;
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp > 0x10FFFF)
		return 0;
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t
utf8_prev(const char *s, size_t lo, size_t pos)
{
	size_t p = pos - 1;

	while (p > lo && pos - p < 4 && ((unsigned char)s[p] & 0xC0) == 0x80)
		p--;
	return p;
}
