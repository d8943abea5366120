/* lexicon: the word lists of figures, apart from the grammar that reads
 * them (figure.c): what each word means, and how it may be matched. */
#ifndef FIGPRESS_LEXICON_H
#define FIGPRESS_LEXICON_H

#include <stddef.h>

enum lexicon_kind {
	LEXICON_BOUND,		/* value: enum figure_bound */
	LEXICON_SIGN,		/* value: +1 or -1 */
};

#define LEXICON_CASE 1u		/* match case exactly: "M" is not "m" */
#define LEXICON_ATTACHED 2u	/* only touching the number: "5M", "$60B" */
#define LEXICON_NAME 4u		/* a currency name that may begin a longer
				 * noun ("đồng hồ" are clocks, not dong) */
#define LEXICON_MONEY 8u	/* a scale only after a currency: "$5m" is
				 * five million dollars, "5m" may be metres */
#define LEXICON_MEASURE 16u	/* a noun that is a unit, so a figure in
				 * its own right ("0,5 điểm phần trăm") */

struct lexicon_word {
	const char *text;	/* NFC, lower case unless LEXICON_CASE; a
				 * space matches any run of spaces */
	int kind;		/* enum lexicon_kind for prefixes; the power
				 * of ten of a scale word */
	int value;		/* prefixes: bound or sign; scales: 1 for an
				 * abbreviation */
	unsigned flags;
	const char *unit;	/* what a currency or unit normalises to */
};

/* Bound and sign words before the number ("khoảng", "more than", "tăng").
 * The longest match wins, so "up to" is a ceiling while "up" is a rise. */
extern const struct lexicon_word lexicon_prefix_words[];
extern const size_t lexicon_prefix_words_count;

/* Currency signs and codes before the number; the signs come first (a
 * minus may touch a sign, "-$5M", but not a code).  Every currency figures
 * normalise to has its ISO code here. */
#define LEXICON_CURRENCY_SIGNS 11
extern const struct lexicon_word lexicon_currency_prefixes[];
extern const size_t lexicon_currency_prefixes_count;

/* Scale words and abbreviations of both languages; kind is the power. */
extern const struct lexicon_word lexicon_scale_words[];
extern const size_t lexicon_scale_words_count;

/* Units after the number: percent and currencies, normalised. */
extern const struct lexicon_word lexicon_unit_words[];
extern const size_t lexicon_unit_words_count;

/* Counted nouns running text may carry: a closed list, since in prose
 * nothing else says where the noun ends. */
extern const struct lexicon_word lexicon_noun_words[];
extern const size_t lexicon_noun_words_count;

/* Words before an English noun that belong to it ("daily users"). */
extern const struct lexicon_word lexicon_noun_premodifiers[];
extern const size_t lexicon_noun_premodifiers_count;

/* Words after a Vietnamese noun that belong to it ("người dùng hằng
 * ngày"). */
extern const struct lexicon_word lexicon_noun_postmodifiers[];
extern const size_t lexicon_noun_postmodifiers_count;

#endif
