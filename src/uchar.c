/*
 * Character classes (see uchar.h).  Ranges, not tables: they are hot in
 * the search and outline scans, and most text falls in the first test.
 */
#include "yuedu/uchar.h"

int
uchar_is_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 &&
	    cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x3FFFF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3007;
}

int
uchar_is_kana(uint32_t cp)
{
	return cp >= 0x3041 && cp <= 0x30FF && cp != 0x30A0 && cp != 0x30FB;
}

int
uchar_is_hangul(uint32_t cp)
{
	return cp >= 0xAC00 && cp <= 0xD7AF;
}

int
uchar_is_syllabic(uint32_t cp)
{
	return uchar_is_han(cp) || uchar_is_kana(cp) || uchar_is_hangul(cp);
}
