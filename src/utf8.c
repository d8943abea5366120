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

/* GLib composes in place by shifting the rest of its buffer at every
 * composed pair, which is quadratic in the length: 10 MB of Vietnamese
 * never finished.  A space or newline composes with nothing and is a
 * starter (canonical order never moves marks across it), so text cut just
 * after one normalises piece by piece to the same result. */
#define UTF8_NFC_CHUNK 4096

static size_t
utf8_nfc_cut(const char *s, size_t len)
{
	size_t i;

	if (len <= UTF8_NFC_CHUNK)
		return len;
	for (i = UTF8_NFC_CHUNK; i < len; i++)
		if (s[i - 1] == ' ' || s[i - 1] == '\n')
			return i;
	return len;
}

/* Code points that are NFC whatever surrounds them: starters that never
 * compose with what precedes them and are not excluded from composition.
 * Latin (with Vietnamese's precomposed letters) and common punctuation;
 * anything else, combining marks above all, takes GLib's way. */
static bool
utf8_nfc_stable(uint32_t c)
{
	return c < 0x300 || (c >= 0x1E00 && c <= 0x1EFF) ||
	    (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) ||
	    (c >= 0x20A0 && c <= 0x20C0);
}

/* True when s is NFC already: every character stable (the usual case,
 * and far cheaper to check than to normalise). */
static bool
utf8_is_nfc(const char *s, size_t len)
{
	size_t i = 0, n;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if (!utf8_nfc_stable(utf8_decode(s + i, len - i, &n)))
			return false;
		i += n;
	}
	return true;
}

/* Is c a noncharacter (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF)?  Valid UTF-8,
 * but Cairo refuses them ("input string not valid UTF-8") and a whole page
 * would fail to draw. */
static bool
utf8_noncharacter(gunichar c)
{
	return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

static bool
utf8_has_noncharacter(const char *s)
{
	/* Every noncharacter is encoded with a lead byte of 0xEF or above. */
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p >= 0xEF &&
		    utf8_noncharacter(g_utf8_get_char(p)))
			return true;
	return false;
}

/* s with every noncharacter replaced by U+FFFD; takes s. */
static char *
utf8_scrub(char *s)
{
	GString *out = g_string_sized_new(strlen(s));
	char *r;

	for (const gchar *p = s; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		g_string_append_unichar(out, utf8_noncharacter(c) ? 0xFFFD : c);
	}
	free(s);
	r = xstrdup(out->str);
	g_string_free(out, TRUE);
	return r;
}

static char *
utf8_nfc_raw(const char *s, size_t len)
{
	if (utf8_is_nfc(s, len))
		return xstrndup(s, len);
	/* NFC never grows text by much; the buffer grows if it does. */
	size_t cap = len + len / 8 + 16, used = 0;
	char *r = xmalloc(cap);

	while (len > 0) {
		size_t n = utf8_nfc_cut(s, len);
		gchar *g = g_utf8_normalize(s, (gssize)n, G_NORMALIZE_NFC);
		const char *piece = g ? g : s;	/* invalid: caller validated */
		size_t m = g ? strlen(g) : n;
		if (used + m + 1 > cap) {
			cap = (used + m + 1) * 2;
			r = xreallocarray(r, cap, 1);
		}
		memcpy(r + used, piece, m);
		used += m;
		g_free(g);
		s += n;
		len -= n;
	}
	r[used] = '\0';
	return r;
}

char *
utf8_nfc(const char *s, size_t len)
{
	char *r = utf8_nfc_raw(s, len);

	return utf8_has_noncharacter(r) ? utf8_scrub(r) : r;
}

int
utf8_orig_column(const char *orig, size_t len, int col)
{
	size_t p = 0, n;
	int starters = 0, cps = 0;

	/* NFC composes a letter with its marks: count the letters
	 * (combining class 0). */
	while (p < len) {
		uint32_t c = utf8_decode(orig + p, len - p, &n);
		if (g_unichar_combining_class(c) == 0 && ++starters == col)
			return cps + 1;
		cps++;
		p += n;
	}
	return cps + 1;
}

char *
utf8_lower(const char *s, size_t len)
{
	gchar *low = g_utf8_strdown(s, (gssize)len);
	char *r = utf8_nfc(low, strlen(low));

	g_free(low);
	return r;
}
