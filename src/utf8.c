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

char *
utf8_nfc(const char *s, size_t len)
{
	gchar *g = g_utf8_normalize(s, (gssize)len, G_NORMALIZE_NFC);
	char *r;

	if (g == NULL)		/* invalid input: caller validated; be safe */
		return xstrndup(s, len);
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
