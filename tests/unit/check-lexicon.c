/* check-lexicon: every word of the lists is NFC and, unless matched by
 * case, lower case — a word typed otherwise would silently never match. */
#include <check.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "figure.h"
#include "lexicon.h"
#include "utf8.h"

struct list {
	const char *name;
	const struct lexicon_word *words;
	const size_t *count;
};

static const struct list lists[] = {
	{ "prefix", lexicon_prefix_words, &lexicon_prefix_words_count },
	{ "currency", lexicon_currency_prefixes,
	  &lexicon_currency_prefixes_count },
	{ "scale", lexicon_scale_words, &lexicon_scale_words_count },
	{ "unit", lexicon_unit_words, &lexicon_unit_words_count },
	{ "noun", lexicon_noun_words, &lexicon_noun_words_count },
	{ "pre", lexicon_noun_premodifiers,
	  &lexicon_noun_premodifiers_count },
	{ "post", lexicon_noun_postmodifiers,
	  &lexicon_noun_postmodifiers_count },
};

START_TEST(test_words_match_themselves)
{
	const struct list *l = &lists[_i];

	ck_assert_uint_gt(*l->count, 0);
	for (size_t i = 0; i < *l->count; i++) {
		const char *w = l->words[i].text;
		char *nfc = utf8_nfc(w, strlen(w));
		char *low = utf8_lower(w, strlen(w));
		ck_assert_msg(strcmp(nfc, w) == 0, "%s: \"%s\" is not NFC",
		    l->name, w);
		ck_assert_msg((l->words[i].flags & LEXICON_CASE) ||
		    strcmp(low, w) == 0, "%s: \"%s\" is not lower case",
		    l->name, w);
		free(nfc);
		free(low);
	}
}
END_TEST

/* The signs come first in the currency list, then the codes (all
 * letters): sign_char relies on it. */
START_TEST(test_currency_signs_first)
{
	for (size_t i = 0; i < lexicon_currency_prefixes_count; i++) {
		const char *w = lexicon_currency_prefixes[i].text;
		bool code = !strchr(w, '$') && !strstr(w, "€") &&
		    !strstr(w, "£") && !strstr(w, "¥") && !strstr(w, "₩");
		ck_assert_msg(code == (i >= LEXICON_CURRENCY_SIGNS),
		    "\"%s\" is a %s at %zu", w, code ? "code" : "sign", i);
		ck_assert(figure_unit_is_currency(
		    lexicon_currency_prefixes[i].unit));
	}
}
END_TEST

Suite *
lexicon_suite(void)
{
	Suite *s = suite_create("lexicon");
	TCase *tc = tcase_create("words");

	tcase_add_loop_test(tc, test_words_match_themselves, 0,
	    (int)(sizeof lists / sizeof lists[0]));
	tcase_add_test(tc, test_currency_signs_first);
	suite_add_tcase(s, tc);
	return s;
}
