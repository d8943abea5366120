/* utf8: thin, checked wrappers; NFC and case folding come from GLib, which
 * Pango already brings, rather than hand-written tables. */
#include "utf8.h"

#include <glib.h>
#include <string.h>

#include "strbuf.h"
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

/* GLib normalises a whole string at once in time that grows faster than
 * its length (minutes for 5 MB).  An ASCII character never composes with
 * what precedes it, so cutting just before one gives the same result in
 * pieces. */
#define UTF8_NFC_CHUNK 4096

static void
utf8_nfc_piece(struct strbuf *sb, const char *s, size_t len)
{
	gchar *g = g_utf8_normalize(s, (gssize)len, G_NORMALIZE_NFC);

	if (g == NULL) {	/* invalid input: caller validated; be safe */
		strbuf_add(sb, s, len);
		return;
	}
	strbuf_puts(sb, g);
	g_free(g);
}

char *
utf8_nfc(const char *s, size_t len)
{
	struct strbuf sb;
	size_t start = 0;

	strbuf_init(&sb, 0);
	while (start < len) {
		size_t cut = start + UTF8_NFC_CHUNK;
		if (cut >= len) {
			cut = len;
		} else {
			while (cut < len && ((unsigned char)s[cut] & 0x80))
				cut++;
		}
		utf8_nfc_piece(&sb, s + start, cut - start);
		start = cut;
	}
	return strbuf_detach(&sb);
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
