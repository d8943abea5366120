/* check-diag: located diagnostics and their GNU format. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "strbuf.h"
#include "utf8.h"

START_TEST(test_diag_format)
{
	struct diags d;
	char *s;

	diags_init(&d);
	diag_error(&d, srcpos_at("data/x.csv", 3, 14), "bad figure \"%s\"",
	    "abc");
	diag_warning(&d, srcpos_at("r.md", 7, 0), "stale");
	ck_assert(diags_failed(&d));
	ck_assert_uint_eq(d.count, 2);
	s = diag_format(&d.items[0]);
	ck_assert_str_eq(s, "data/x.csv:3:14: error: bad figure \"abc\"");
	free(s);
	s = diag_format(&d.items[1]);
	ck_assert_str_eq(s, "r.md:7: warning: stale");
	free(s);
	diags_release(&d);
	ck_assert(!diags_failed(&d));
}
END_TEST

/* A file name or quoted text with a newline or an escape sequence stays
 * one line and reaches no terminal raw; moved lists are not escaped
 * twice. */
START_TEST(test_diag_control_characters)
{
	struct diags d, e;
	char *s;

	diags_init(&d);
	diags_init(&e);
	diag_error(&e, srcpos_at("data/a\nb.csv", 2, 1), "cell \"\x1b]0;x\a"
	    "\ty\"");
	diags_move(&d, &e);
	s = diag_format(&d.items[0]);
	ck_assert_str_eq(s, "data/a\\nb.csv:2:1: error: cell \"\\x1b]0;x"
	    "\\x07\\ty\"");
	free(s);
	diags_release(&d);
}
END_TEST

START_TEST(test_diag_cap_keeps_counting)
{
	struct diags d, e;

	diags_init(&d);
	diags_init(&e);
	for (int i = 0; i < 1000; i++)
		diag_error(&d, srcpos_at("f", i + 1, 1), "e%d", i);
	ck_assert_uint_lt(d.count, 1000);
	ck_assert_uint_eq(d.errors, 1000);
	diags_move(&e, &d);
	ck_assert_uint_eq(e.errors, 1000);
	ck_assert_uint_eq(d.count, 0);
	diags_release(&e);
}
END_TEST

START_TEST(test_strbuf_limit)
{
	struct strbuf sb;

	strbuf_init(&sb, 8);
	ck_assert(strbuf_puts(&sb, "abcd"));
	ck_assert(strbuf_printf(&sb, "%d", 123));
	ck_assert(!strbuf_puts(&sb, "xy"));
	ck_assert_str_eq(strbuf_str(&sb), "abcd123");
	strbuf_release(&sb);
}
END_TEST

START_TEST(test_utf8_nfc_and_valid)
{
	/* e + combining circumflex + combining acute → ế */
	const char nfd[] = "e\xcc\x82\xcc\x81";
	char *s = utf8_nfc(nfd, strlen(nfd));
	size_t bad = 99;

	ck_assert_str_eq(s, "\xe1\xba\xbf");
	free(s);
	ck_assert(utf8_valid("kho\xe1\xba\xa3ng", 8, NULL));
	ck_assert(!utf8_valid("ab\xff" "cd", 5, &bad));
	ck_assert_uint_eq(bad, 2);
	ck_assert(!utf8_valid("ab\0cd", 5, &bad));
	ck_assert_uint_eq(bad, 2);
	ck_assert_uint_eq(utf8_count("kho\xe1\xba\xa3ng", 8), 6);
}
END_TEST

/* NFC in pieces gives what NFC of the whole gives, across piece borders. */
START_TEST(test_utf8_nfc_long_input)
{
	const char unit[] = "Tie\xcc\x82\xcc\x81ng Vie\xcc\xa3\xcc\x82t ";
	size_t n = 20000, ul = strlen(unit);
	char *big = malloc(n * ul + 1), *got, *want;

	for (size_t i = 0; i < n; i++)
		memcpy(big + i * ul, unit, ul);
	big[n * ul] = '\0';
	got = utf8_nfc(big, n * ul);
	ck_assert_uint_eq(strlen(got), n * strlen("Tiếng Việt "));
	want = utf8_nfc(unit, ul);
	ck_assert_str_eq(want, "Tiếng Việt ");
	for (size_t i = 0; i < n; i++)
		ck_assert(memcmp(got + i * strlen(want), want, strlen(want)) ==
		    0);
	free(want);
	free(got);
	free(big);
}
END_TEST

Suite *
diag_suite(void)
{
	Suite *s = suite_create("diag");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_diag_format);
	tcase_add_test(tc, test_diag_control_characters);
	tcase_add_test(tc, test_diag_cap_keeps_counting);
	tcase_add_test(tc, test_strbuf_limit);
	tcase_add_test(tc, test_utf8_nfc_and_valid);
	tcase_add_test(tc, test_utf8_nfc_long_input);
	suite_add_tcase(s, tc);
	return s;
}
