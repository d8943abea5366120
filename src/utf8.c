/* utf8: thin, checked wrappers; NFC and case folding come from GLib, which
 * Pango already brings, rather than hand-written tables. */
#include "utf8.h"

#include <glib.h>
#include <string.h>

#include "xmalloc.h"

bool
utf8_valid(const char *s, size_t len, size_t *bad)
{
	const char *end = NULL;

	if (g_utf8_validate_len(s, len, &end) &&
	    memchr(s, '\0', len) == NULL)
		return true;
	if (bad) {
		const char *nul = memchr(s, '\0', len);
		size_t at = end ? (size_t)(end - s) : 0;
		if (nul && (size_t)(nul - s) < at)
			at = (size_t)(nul - s);
		*bad = at;
	}
	return false;
}

uint32_t
utf8_decode(const char *s, size_t len, size_t *n)
{
	gunichar c;

	if (len == 0) {
		*n = 0;
		return 0;
	}
	c = g_utf8_get_char_validated(s, (gssize)len);
	if (c == (gunichar)-1 || c == (gunichar)-2) {
		*n = 1;
		return 0xFFFD;
	}
	*n = (size_t)(g_utf8_next_char(s) - s);
	return c;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	return (size_t)g_unichar_to_utf8(cp, out);
}

size_t
utf8_count(const char *s, size_t len)
{
	size_t count = 0;

	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	return count;
}

/* Is c a noncharacter (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF)?  Valid UTF-8,
 * but Cairo refuses them ("input string not valid UTF-8") and a whole page
 * would fail to draw. */
static bool
utf8_noncharacter(gunichar c)
{
	return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

/* s with every noncharacter replaced by U+FFFD; takes s (GLib's). */
static char *
utf8_scrub(gchar *s)
{
	GString *out = g_string_sized_new(strlen(s));
	char *r;

	for (const gchar *p = s; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		g_string_append_unichar(out, utf8_noncharacter(c) ? 0xFFFD : c);
	}
	g_free(s);
	r = xstrdup(out->str);
	g_string_free(out, TRUE);
	return r;
}

char *
utf8_nfc(const char *s, size_t len)
{
	gchar *g = g_utf8_normalize(s, (gssize)len, G_NORMALIZE_NFC);
	char *r;

	if (g == NULL)		/* invalid input: caller validated; be safe */
		return xstrndup(s, len);
	for (const gchar *p = g; *p; p = g_utf8_next_char(p))
		if (utf8_noncharacter(g_utf8_get_char(p)))
			return utf8_scrub(g);
	r = xstrdup(g);
	g_free(g);
	return r;
}

char *
utf8_lower(const char *s, size_t len)
{
	gchar *low = g_utf8_strdown(s, (gssize)len);
	char *r = utf8_nfc(low, strlen(low));

	g_free(low);
	return r;
}
