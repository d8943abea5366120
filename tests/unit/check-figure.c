/* check-figure: figures as people write them, in both languages, and the
 * errors (with their columns) for numbers that break the convention. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "figure.h"

#define A FIGURE_APPROX
#define E FIGURE_EXACT
#define N FIGURE_MIN
#define X FIGURE_MAX

struct parse_case {
	const char *text;
	enum lang lang;
	double value;
	const char *unit;
	enum figure_bound bound;
	int decimals;
	int scale;
};

#define VI LANG_VI
#define EN LANG_EN

static const struct parse_case parse_cases[] = {
	/* The briefing, in Vietnamese. */
	{ "khoảng 5,6 triệu USD", VI, 5.6e6, "USD", A, 1, 6 },
	{ "hơn 60 tỷ USD", VI, 60e9, "USD", N, 0, 9 },
	{ "60+ tỷ USD", VI, 60e9, "USD", N, 0, 9 },
	{ "48,39 tỷ USD", VI, 48.39e9, "USD", E, 2, 9 },
	{ "22%", VI, 22, "%", E, 0, 0 },
	{ "tăng 22%", VI, 22, "%", E, 0, 0 },
	{ "20,8 tỷ USD", VI, 20.8e9, "USD", E, 1, 9 },
	{ "+43%", VI, 43, "%", E, 0, 0 },
	{ "3,35 tỷ người dùng", VI, 3.35e9, "người dùng", E, 2, 9 },
	{ "hơn 3,35 tỷ người dùng", VI, 3.35e9, "người dùng", N, 2, 9 },
	{ "1 tỷ người dùng", VI, 1e9, "người dùng", E, 0, 9 },
	{ "tăng 5%", VI, 5, "%", E, 0, 0 },
	/* Real news separators: decimal comma, thousands dot. */
	{ "26,418 tỷ USD", VI, 26.418e9, "USD", E, 3, 9 },
	{ "186.882 tỉ đồng", VI, 186882e9, "VND", E, 0, 9 },
	{ "1.234.567,89", VI, 1234567.89, "", E, 2, 0 },
	{ "1.000", VI, 1000, "", E, 0, 0 },
	{ "0,5%", VI, 0.5, "%", E, 1, 0 },
	{ "0,05 triệu", VI, 50000, "", E, 2, 6 },
	{ "1 234 567 đồng", VI, 1234567, "VND", E, 0, 0 },
	{ "1\u00a0234\u00a0567 đồng", VI, 1234567, "VND", E, 0, 0 },
	{ "12\u202f500 USD", VI, 12500, "USD", E, 0, 0 },
	{ "5,60 triệu USD", VI, 5.6e6, "USD", E, 2, 6 },
	{ "  42  ", VI, 42, "", E, 0, 0 },
	/* Scale words. */
	{ "5 nghìn", VI, 5e3, "", E, 0, 3 },
	{ "5 ngàn đồng", VI, 5e3, "VND", E, 0, 3 },
	{ "2 triệu", VI, 2e6, "", E, 0, 6 },
	{ "7 tỉ", VI, 7e9, "", E, 0, 9 },
	{ "1 nghìn tỷ đồng", VI, 1e12, "VND", E, 0, 12 },
	{ "2,5 ngàn tỉ đồng", VI, 2.5e12, "VND", E, 1, 12 },
	{ "3 Triệu USD", VI, 3e6, "USD", E, 0, 6 },
	/* Currencies by code, sign and name. */
	{ "5 triệu VND", VI, 5e6, "VND", E, 0, 6 },
	{ "5 triệu VNĐ", VI, 5e6, "VND", E, 0, 6 },
	{ "50.000đ", VI, 50000, "VND", E, 0, 0 },
	{ "50.000 ₫", VI, 50000, "VND", E, 0, 0 },
	{ "5,6 triệu đô la Mỹ", VI, 5.6e6, "USD", E, 1, 6 },
	{ "5,6 triệu đô la", VI, 5.6e6, "USD", E, 1, 6 },
	{ "5 triệu đô", VI, 5e6, "USD", E, 0, 6 },
	{ "US$5,6 triệu", VI, 5.6e6, "USD", E, 1, 6 },
	{ "$5,6 triệu", VI, 5.6e6, "USD", E, 1, 6 },
	{ "5 triệu EUR", VI, 5e6, "EUR", E, 0, 6 },
	{ "5 triệu euro", VI, 5e6, "EUR", E, 0, 6 },
	{ "€5 triệu", VI, 5e6, "EUR", E, 0, 6 },
	{ "10 phần trăm", VI, 10, "%", E, 0, 0 },
	{ "22 %", VI, 22, "%", E, 0, 0 },
	/* Counted nouns as written, also one that starts like a currency. */
	{ "5 triệu đồng hồ", VI, 5e6, "đồng hồ", E, 0, 6 },
	{ "3 tỷ lượt xem", VI, 3e9, "lượt xem", E, 0, 9 },
	{ "3 triệu người\u00a0", VI, 3e6, "người", E, 0, 6 },
	/* Bounds. */
	{ "gần 1 tỷ", VI, 1e9, "", A, 0, 9 },
	{ "gần như 1 tỷ", VI, 1e9, "", A, 0, 9 },
	{ "chừng 200 người", VI, 200, "người", A, 0, 0 },
	{ "xấp xỉ 3,1%", VI, 3.1, "%", A, 1, 0 },
	{ "~5,6 triệu USD", VI, 5.6e6, "USD", A, 1, 6 },
	{ "≈ 5,6 triệu USD", VI, 5.6e6, "USD", A, 1, 6 },
	{ "Khoảng 5,6 triệu USD", VI, 5.6e6, "USD", A, 1, 6 },
	{ "trên 60 tỷ USD", VI, 60e9, "USD", N, 0, 9 },
	{ "ít nhất 60 tỷ USD", VI, 60e9, "USD", N, 0, 9 },
	{ "hơn 60+ tỷ USD", VI, 60e9, "USD", N, 0, 9 },
	{ "60 tỷ+ USD", VI, 60e9, "USD", N, 0, 9 },
	{ "dưới 10 triệu USD", VI, 10e6, "USD", X, 0, 6 },
	{ "chưa đến 10%", VI, 10, "%", X, 0, 0 },
	{ "không quá 2 tỷ", VI, 2e9, "", X, 0, 9 },
	/* Signs and changes. */
	{ "giảm 5%", VI, -5, "%", E, 0, 0 },
	{ "giảm khoảng 5,5%", VI, -5.5, "%", A, 1, 0 },
	{ "tăng hơn 40%", VI, 40, "%", N, 0, 0 },
	{ "-5%", VI, -5, "%", E, 0, 0 },
	{ "\u22122,5 tỷ USD", VI, -2.5e9, "USD", E, 1, 9 },
	{ "giảm 0%", VI, 0, "%", E, 0, 0 },
	/* NFD input is normalised first. */
	{ "khoa\u0309ng 5,6 trie\u0323\u0302u USD", VI, 5.6e6, "USD", A, 1, 6 },
	{ "3,35 ty\u0309 ngu\u031bo\u031b\u0300i du\u0300ng", VI, 3.35e9,
	  "người dùng", E, 2, 9 },
	/* English. */
	{ "about $5.6 million", EN, 5.6e6, "USD", A, 1, 6 },
	{ "more than $60 billion", EN, 60e9, "USD", N, 0, 9 },
	{ "$60B+", EN, 60e9, "USD", N, 0, 9 },
	{ "$5.6M", EN, 5.6e6, "USD", E, 1, 6 },
	{ "$48.39 billion", EN, 48.39e9, "USD", E, 2, 9 },
	{ "48.39 bn USD", EN, 48.39e9, "USD", E, 2, 9 },
	{ "$20.8bn", EN, 20.8e9, "USD", E, 1, 9 },
	{ "US$60 billion", EN, 60e9, "USD", E, 0, 9 },
	{ "USD 60 billion", EN, 60e9, "USD", E, 0, 9 },
	{ "60 billion US dollars", EN, 60e9, "USD", E, 0, 9 },
	{ "60 billion dollars", EN, 60e9, "USD", E, 0, 9 },
	{ "3.35 billion users", EN, 3.35e9, "users", E, 2, 9 },
	{ "3.35 billion daily users", EN, 3.35e9, "daily users", E, 2, 9 },
	{ "1,234,567", EN, 1234567, "", E, 0, 0 },
	{ "1,234.5", EN, 1234.5, "", E, 1, 0 },
	{ "26,418 billion", EN, 26418e9, "", E, 0, 9 },
	{ "186,882 billion VND", EN, 186882e9, "VND", E, 0, 9 },
	{ "€5.6M", EN, 5.6e6, "EUR", E, 1, 6 },
	{ "5 million euros", EN, 5e6, "EUR", E, 0, 6 },
	{ "$5k", EN, 5e3, "USD", E, 0, 3 },
	{ "$5K", EN, 5e3, "USD", E, 0, 3 },
	{ "12 thousand", EN, 12e3, "", E, 0, 3 },
	{ "$1.2tn", EN, 1.2e12, "USD", E, 1, 12 },
	{ "$1.2T", EN, 1.2e12, "USD", E, 1, 12 },
	{ "2 trillion", EN, 2e12, "", E, 0, 12 },
	{ "$7 mn", EN, 7e6, "USD", E, 0, 6 },
	{ "22 percent", EN, 22, "%", E, 0, 0 },
	{ "22 per cent", EN, 22, "%", E, 0, 0 },
	{ "around 5%", EN, 5, "%", A, 0, 0 },
	{ "approximately 5%", EN, 5, "%", A, 0, 0 },
	{ "an estimated $5.6 million", EN, 5.6e6, "USD", A, 1, 6 },
	{ "over $60 billion", EN, 60e9, "USD", N, 0, 9 },
	{ "at least 1 billion users", EN, 1e9, "users", N, 0, 9 },
	{ "less than 10%", EN, 10, "%", X, 0, 0 },
	{ "under $10M", EN, 10e6, "USD", X, 0, 6 },
	{ "up to 5%", EN, 5, "%", X, 0, 0 },
	{ "up 22%", EN, 22, "%", E, 0, 0 },
	{ "down 5%", EN, -5, "%", E, 0, 0 },
	{ "-$5M", EN, -5e6, "USD", E, 0, 6 },
	{ "\u2212$5M", EN, -5e6, "USD", E, 0, 6 },
	{ "0.125", EN, 0.125, "", E, 3, 0 },
	{ "1 000 000", EN, 1e6, "", E, 0, 0 },
	{ "More Than $60B", EN, 60e9, "USD", N, 0, 9 },
	/* Scale words and abbreviations are read in either language. */
	{ "5,6 million USD", VI, 5.6e6, "USD", E, 1, 6 },
	{ "5,6M USD", VI, 5.6e6, "USD", E, 1, 6 },
	{ "5.6 triệu USD", EN, 5.6e6, "USD", E, 1, 6 },
	/* Compound scale words: a larger word after a smaller one
	 * multiplies ("1,7 triệu tỷ đồng" is a state budget); hundreds. */
	{ "1,7 triệu tỷ đồng", VI, 1.7e15, "VND", E, 1, 15 },
	{ "5 trăm", VI, 500, "", E, 0, 2 },
	{ "3 trăm nghìn người", VI, 3e5, "người", E, 0, 5 },
	{ "2 trăm triệu USD", VI, 2e8, "USD", E, 0, 8 },
	{ "5 hundred", EN, 500, "", E, 0, 2 },
	{ "3 hundred thousand", EN, 3e5, "", E, 0, 5 },
	{ "1 thousand billion", EN, 1e12, "", E, 0, 12 },
	/* Wire and British abbreviations: mln, bln; a lower-case m for
	 * million only after a currency ("$5m"; "5m" may be metres). */
	{ "5.6 mln", EN, 5.6e6, "", E, 1, 6 },
	{ "3 bln USD", EN, 3e9, "USD", E, 0, 9 },
	{ "$5m", EN, 5e6, "USD", E, 0, 6 },
	{ "€20m", EN, 20e6, "EUR", E, 0, 6 },
	{ "3.5pc", EN, 3.5, "%", E, 1, 0 },
	{ "3.5 pc", EN, 3.5, "%", E, 1, 0 },
	/* More currencies by sign, code and name. */
	{ "£3bn", EN, 3e9, "GBP", E, 0, 9 },
	{ "£3m", EN, 3e6, "GBP", E, 0, 6 },
	{ "GBP 5 million", EN, 5e6, "GBP", E, 0, 6 },
	{ "5 million pounds sterling", EN, 5e6, "GBP", E, 0, 6 },
	{ "3 triệu bảng Anh", VI, 3e6, "GBP", E, 0, 6 },
	{ "¥100 billion", EN, 100e9, "JPY", E, 0, 9 },
	{ "3 tỷ yên", VI, 3e9, "JPY", E, 0, 9 },
	{ "5 billion yen", EN, 5e9, "JPY", E, 0, 9 },
	{ "5 billion yuan", EN, 5e9, "CNY", E, 0, 9 },
	{ "5 tỷ NDT", VI, 5e9, "CNY", E, 0, 9 },
	{ "5 tỷ nhân dân tệ", VI, 5e9, "CNY", E, 0, 9 },
	{ "1.5 trillion won", EN, 1.5e12, "KRW", E, 1, 12 },
	{ "₩1 trillion", EN, 1e12, "KRW", E, 0, 12 },
	{ "HK$10 billion", EN, 10e9, "HKD", E, 0, 9 },
	{ "VNĐ 5.000", VI, 5000, "VND", E, 0, 0 },
	/* Accounting negatives, as spreadsheets export them. */
	{ "(1.234)", VI, -1234, "", E, 0, 0 },
	{ "(1,234.5)", EN, -1234.5, "", E, 1, 0 },
	{ " (5%) ", EN, -5, "%", E, 0, 0 },
	{ "(5,6 triệu USD)", VI, -5.6e6, "USD", E, 1, 6 },
	/* Many digits: kept to double precision, no overflow. */
	{ "123.456.789.012.345.678.901", VI, 123456789012345678901.0, "", E,
	  0, 0 },
};

struct error_case {
	const char *text;
	enum lang lang;
	int col;
	bool convention;
	const char *needle;	/* in the message */
};

static const struct error_case error_cases[] = {
	/* Vietnamese report, English-looking numbers. */
	{ "1,234,567", VI, 6, true, "write \"1.234.567\"" },
	{ "1.5 tỷ", VI, 2, true, "write \"1,5\"" },
	{ "1,234.5", VI, 6, true, "looks like an English number" },
	{ "2024.5", VI, 5, true, "write \"2024,5\"" },
	{ "0.500", VI, 2, true, "write \"0,500\"" },
	{ "$5.6M", VI, 3, true, "write \"5,6\"" },
	{ "hơn 1.5 tỷ USD", VI, 6, true, "English" },
	/* English report, Vietnamese-looking numbers. */
	{ "1.234,5", EN, 6, true, "looks like a Vietnamese number" },
	{ "1,5", EN, 2, true, "write \"1.5\"" },
	{ "1.234.567", EN, 6, true, "write \"1,234,567\"" },
	{ "5,6 million", EN, 2, true, "write \"5.6\"" },
	/* Wrong in both languages: no hint. */
	{ "1.23.456", VI, 2, false, "exactly three digits" },
	{ "1,23,456", EN, 2, false, "exactly three digits" },
	{ "1.234 567", VI, 6, false, "two different separators" },
	/* Not numbers at all. */
	{ "", VI, 1, false, "expected a number" },
	{ "   ", EN, 4, false, "expected a number" },
	{ "NaN", EN, 1, false, "NaN" },
	{ "Infinity", EN, 1, false, "Infinity" },
	{ "-inf", EN, 1, false, "expected a number" },
	{ "khoảng", VI, 7, false, "expected a number" },
	{ "USD", VI, 1, false, "expected a number" },
	{ "1e400", EN, 2, false, "exponent" },
	{ "2.5E-3", EN, 4, false, "exponent" },
	{ "10000000000000000000000000000000000000000000000", EN, 1, false,
	  "digits" },
	/* Not one figure. */
	{ "5 triệu USD mỗi năm", VI, 13, false, "unexpected \"mỗi\"" },
	{ "5Mbps", EN, 2, false, "unexpected \"Mbps\"" },
	{ "khoảng 60+ tỷ", VI, 10, false, "one bound" },
	{ "about 60 billion+", EN, 17, false, "one bound" },
	{ "$5 USD", EN, 4, false, "currency is written twice" },
	{ "giảm -5%", VI, 6, false, "sign is written twice" },
	{ "5 triệu đô la Mỹ đô", VI, 18, false, "unexpected" },
	/* The hint rewrites the number as written, spaces included. */
	{ "1 234,5", EN, 6, true, "write \"1 234.5\"" },
	/* A range is two figures: say so rather than "unexpected". */
	{ "5–6 triệu USD", VI, 2, false, "range" },
	{ "$5-6 million", EN, 3, false, "range" },
	{ "20 - 25%", EN, 4, false, "range" },
	/* A rate names its period in the header, not in every cell. */
	{ "6,5%/năm", VI, 5, false, "rate (\"/năm\")" },
	{ "5 tỷ đồng/năm", VI, 10, false, "rate (\"/năm\")" },
	{ "$5 per share", EN, 4, false, "unexpected \"per\"" },
	/* A control character is named, not printed. */
	{ "5\x01", EN, 2, false, "U+0001" },
	{ "\x02", EN, 1, false, "U+0002" },
	/* Brackets: a negative number, once. */
	{ "(-5)", EN, 1, false, "negative" },
	{ "(giảm 5%)", VI, 1, false, "negative" },
	{ "(5", EN, 1, false, "expected a number" },
	{ "5m", EN, 2, false, "unexpected \"m\"" },
	/* Columns count the text as given, NFD included. */
	{ "khoa\u0309ng 1.5", VI, 10, true, "write \"1,5\"" },
	{ "2 ty\u0309 USD x", VI, 11, false, "unexpected \"x\"" },
};

START_TEST(test_parse)
{
	const struct parse_case *c = &parse_cases[_i];
	struct figure f;
	struct figure_error e;

	if (!figure_parse(c->text, c->lang, &f, &e))
		ck_abort_msg("\"%s\": col %d: %s", c->text, e.col, e.message);
	ck_assert_msg(fabs(f.value - c->value) <= 1e-12 * fabs(c->value),
	    "\"%s\": value %.17g, want %.17g", c->text, f.value, c->value);
	ck_assert_msg(strcmp(f.unit, c->unit) == 0, "\"%s\": unit \"%s\", "
	    "want \"%s\"", c->text, f.unit, c->unit);
	ck_assert_msg(f.bound == c->bound, "\"%s\": bound %s, want %s",
	    c->text, figure_bound_name(f.bound), figure_bound_name(c->bound));
	ck_assert_msg(f.decimals == c->decimals, "\"%s\": decimals %d, want "
	    "%d", c->text, f.decimals, c->decimals);
	ck_assert_msg(f.scale == c->scale, "\"%s\": scale %d, want %d",
	    c->text, f.scale, c->scale);
}
END_TEST

START_TEST(test_error)
{
	const struct error_case *c = &error_cases[_i];
	struct figure f;
	struct figure_error e;

	if (figure_parse(c->text, c->lang, &f, &e))
		ck_abort_msg("\"%s\" parsed as %.17g \"%s\"", c->text,
		    f.value, f.unit);
	ck_assert_msg(e.col == c->col, "\"%s\": col %d, want %d (%s)",
	    c->text, e.col, c->col, e.message);
	ck_assert_msg(e.convention == c->convention, "\"%s\": convention %d "
	    "(%s)", c->text, e.convention, e.message);
	ck_assert_msg(strstr(e.message, c->needle) != NULL, "\"%s\": message "
	    "\"%s\" lacks \"%s\"", c->text, e.message, c->needle);
}
END_TEST

/* The same text means different numbers in the two languages. */
START_TEST(test_language_decides)
{
	struct figure vi, en;
	struct figure_error e;

	ck_assert(figure_parse("26,418", LANG_VI, &vi, &e));
	ck_assert(figure_parse("26,418", LANG_EN, &en, &e));
	ck_assert(vi.value == 26.418 && vi.decimals == 3);
	ck_assert(en.value == 26418 && en.decimals == 0);
	ck_assert(figure_parse("1.000", LANG_VI, &vi, &e));
	ck_assert(figure_parse("1.000", LANG_EN, &en, &e));
	ck_assert(vi.value == 1000 && en.value == 1);
}
END_TEST

START_TEST(test_invalid_utf8)
{
	struct figure f;
	struct figure_error e;

	ck_assert(!figure_parse("5,6 tri\xff" "u", LANG_VI, &f, &e));
	ck_assert_int_eq(e.col, 8);
	ck_assert(strstr(e.message, "UTF-8") != NULL);
}
END_TEST

/* Prose mode stops where the figure ends and knows its span. */
START_TEST(test_scan_prose)
{
	const char *s = "hơn 3,35 tỷ người dùng hằng ngày, tăng 5%";
	struct figure f;
	struct figure_span sp;
	struct figure_error e;

	ck_assert(figure_scan(s, strlen(s), LANG_VI, FIGURE_PROSE, &f, &sp,
	    &e));
	ck_assert_str_eq(f.unit, "người dùng hằng ngày");
	ck_assert_int_eq(f.bound, FIGURE_MIN);
	ck_assert_uint_eq(sp.start, 0);
	ck_assert(s[sp.end] == ',');
	ck_assert(!sp.abbrev);
	s = "Llama 4";
	ck_assert(!figure_scan(s, strlen(s), LANG_EN, FIGURE_PROSE, &f, &sp,
	    &e));
	s = "4o model";
	ck_assert(!figure_scan(s, strlen(s), LANG_EN, FIGURE_PROSE, &f, &sp,
	    &e));
	s = "$60B+ plan";
	ck_assert(figure_scan(s, strlen(s), LANG_EN, FIGURE_PROSE, &f, &sp,
	    &e));
	ck_assert(sp.abbrev && sp.end == 5 && f.bound == FIGURE_MIN);
	s = "60 billion in capex";	/* "in" is no counted noun */
	ck_assert(figure_scan(s, strlen(s), LANG_EN, FIGURE_PROSE, &f, &sp,
	    &e));
	ck_assert_str_eq(f.unit, "");
	ck_assert_uint_eq(sp.end, 10);
	s = "khoảng\n5,6 triệu USD";	/* wrapped onto the next line */
	ck_assert(figure_scan(s, strlen(s), LANG_VI, FIGURE_PROSE, &f, &sp,
	    &e));
	ck_assert_int_eq(f.bound, FIGURE_APPROX);
	s = "khoảng\n\n5,6 triệu USD";	/* a paragraph break is not */
	ck_assert(!figure_scan(s, strlen(s), LANG_VI, FIGURE_PROSE, &f, &sp,
	    &e));
}
END_TEST

/* figure_find reads prose as figure_scan does, writing no message: the
 * same figure, span and separator verdict, in both languages, at every
 * character of a text with figures, near-figures and case-sensitive words. */
START_TEST(test_find_agrees_with_scan)
{
	static const char *const texts[] = {
		"Meta dự kiến chi hơn 60 tỷ USD, DeepSeek khoảng 5,6 triệu "
		"USD; doanh thu 48,39 tỷ USD (tăng 22%), 1.234,5 người dùng, "
		"Llama 4, $60B+, under 5% and about US$ 20.8bn or 1,5 million",
		"Khoảng 3,35 TỶ người dùng; HƠN 20 triệu; giảm 3,5 điểm phần "
		"trăm; 74.000 người; 1.5 triệu; 2,000 people; 5M; 5m; €1.2 "
		"trillion; (1.234) đồng",
	};

	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		const char *s = texts[t];
		size_t len = strlen(s);
		for (size_t at = 0; at < len; at++) {
			if (((unsigned char)s[at] & 0xC0) == 0x80)
				continue;
			for (int l = 0; l < 2; l++) {
				enum lang lang = l ? LANG_EN : LANG_VI;
				struct figure a, b;
				struct figure_span sa, sb;
				struct figure_error e;
				bool conv;
				bool ok = figure_scan(s + at, len - at, lang,
				    FIGURE_PROSE, &a, &sa, &e);
				ck_assert_int_eq(figure_find(s + at, len - at,
				    lang, &b, &sb, &conv), ok);
				if (!ok) {
					ck_assert_int_eq(conv, e.convention);
					continue;
				}
				ck_assert(!conv);
				ck_assert(a.value == b.value);
				ck_assert_str_eq(a.unit, b.unit);
				ck_assert_int_eq(a.bound, b.bound);
				ck_assert_int_eq(a.scale, b.scale);
				ck_assert_int_eq(a.decimals, b.decimals);
				ck_assert_uint_eq(sa.start, sb.start);
				ck_assert_uint_eq(sa.end, sb.end);
				ck_assert_uint_eq(sa.number, sb.number);
			}
		}
	}
}
END_TEST

START_TEST(test_names)
{
	ck_assert_str_eq(figure_bound_name(FIGURE_EXACT), "exact");
	ck_assert_str_eq(figure_bound_name(FIGURE_APPROX), "approx");
	ck_assert_str_eq(figure_bound_name(FIGURE_MIN), "min");
	ck_assert_str_eq(figure_bound_name(FIGURE_MAX), "max");
	ck_assert(figure_unit_is_currency("VND"));
	ck_assert(!figure_unit_is_currency("%"));
	ck_assert(!figure_unit_is_currency("users"));
}
END_TEST

#define NCASES(t) ((int)(sizeof(t) / sizeof((t)[0])))

Suite *
figure_suite(void)
{
	Suite *s = suite_create("figure");
	TCase *tc = tcase_create("parse");

	tcase_add_loop_test(tc, test_parse, 0, NCASES(parse_cases));
	tcase_add_loop_test(tc, test_error, 0, NCASES(error_cases));
	tcase_add_test(tc, test_language_decides);
	tcase_add_test(tc, test_invalid_utf8);
	tcase_add_test(tc, test_scan_prose);
	tcase_add_test(tc, test_find_agrees_with_scan);
	tcase_add_test(tc, test_names);
	suite_add_tcase(s, tc);
	return s;
}
