/* lang: the report languages figpress knows; they decide number separators,
 * scale words, captions and the Pango/HarfBuzz language. */
#ifndef FIGPRESS_LANG_H
#define FIGPRESS_LANG_H

#include <stdbool.h>
#include <string.h>

enum lang {
	LANG_VI,
	LANG_EN,
};

/* "vi" or "en" for l. */
static inline const char *
lang_code(enum lang l)
{
	return l == LANG_EN ? "en" : "vi";
}

/* The decimal mark of l: vi writes "5,6", en "5.6". */
static inline char
lang_decimal_mark(enum lang l)
{
	return l == LANG_VI ? ',' : '.';
}

/* The thousands mark of l: vi writes "10.714", en "10,714". */
static inline char
lang_group_mark(enum lang l)
{
	return l == LANG_VI ? '.' : ',';
}

/* Parse "vi"/"en" (case-sensitive); false for anything else. */
static inline bool
lang_parse(const char *s, enum lang *out)
{
	if (strcmp(s, "vi") == 0)
		*out = LANG_VI;
	else if (strcmp(s, "en") == 0)
		*out = LANG_EN;
	else
		return false;
	return true;
}

#endif
