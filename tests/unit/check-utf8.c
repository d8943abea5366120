/* check-utf8: utf8_nfc agrees with GLib's whole-string NFC, on the fast
 * path (text NFC already) and on long text normalised piece by piece. */
#include <check.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* NFD "tiếng Việt", NFC "khoảng", a singleton (U+212B → U+00C5) and a
 * mark right after a space, which has no base to compose with. */
static const char *const nfc_cases[] = {
	"ti\x65\xcc\x82\xcc\x81ng Vi\x65\xcc\xa3\xcc\x82t ",
	"kho\xe1\xba\xa3ng 5,6 tri\xe1\xbb\x87u USD \xe2\x80\x94 ",
	"\xe2\x84\xab ",
	" \xcc\x81x ",
	"plain ascii ",
	"\xe2\x80\x9c" "60+ t\xe1\xbb\xb7" "\xe2\x80\x9d\n",
};

/* case i repeated until the text is longer than several pieces, with a
 * space-less stretch in the middle so a piece must run long. */
static char *
nfc_long_text(size_t i, size_t *len)
{
	GString *g = g_string_new(NULL);

	while (g->len < 5000)
		g_string_append(g, nfc_cases[i]);
	for (int k = 0; k < 3000; k++)
		g_string_append(g, k % 2 ? "a" : "\x65\xcc\x82");
	while (g->len < 20000)
		g_string_append(g, nfc_cases[i]);
	*len = g->len;
	return g_string_free(g, FALSE);
}

START_TEST(test_utf8_nfc_matches_glib)
{
	size_t len;
	char *text = nfc_long_text((size_t)_i, &len);
	gchar *want = g_utf8_normalize(text, (gssize)len, G_NORMALIZE_NFC);
	char *got = utf8_nfc(text, len);
	size_t at = 0;

	while (want[at] && want[at] == got[at])
		at++;
	ck_assert_msg(want[at] == got[at], "case %d differs at byte %zu", _i,
	    at);
	free(got);
	g_free(want);
	g_free(text);
}
END_TEST

START_TEST(test_utf8_nfc_short)
{
	const char *s = nfc_cases[_i];
	gchar *want = g_utf8_normalize(s, -1, G_NORMALIZE_NFC);
	char *got = utf8_nfc(s, strlen(s));

	ck_assert_str_eq(got, want);
	free(got);
	g_free(want);
}
END_TEST

START_TEST(test_utf8_nfc_empty)
{
	char *got = utf8_nfc("", 0);

	ck_assert_str_eq(got, "");
	free(got);
}
END_TEST

Suite *
utf8_suite(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("nfc");
	int n = (int)(sizeof nfc_cases / sizeof nfc_cases[0]);

	tcase_add_loop_test(tc, test_utf8_nfc_matches_glib, 0, n);
	tcase_add_loop_test(tc, test_utf8_nfc_short, 0, n);
	tcase_add_test(tc, test_utf8_nfc_empty);
	suite_add_tcase(s, tc);
	return s;
}
