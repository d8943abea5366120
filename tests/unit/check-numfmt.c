/* check-numfmt: numbers, figures, labels, ticks and ratios written back in
 * each language, and figures that survive being written and read again. */
#include <check.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "figure.h"
#include "numfmt.h"

#define VI LANG_VI
#define EN LANG_EN

struct number_case {
	double v;
	int decimals;
	enum lang lang;
	const char *want;
};

static const struct number_case number_cases[] = {
	{ 10714, 0, VI, "10.714" },
	{ 10714, 0, EN, "10,714" },
	{ 48.39, 2, VI, "48,39" },
	{ 48.39, 2, EN, "48.39" },
	{ 0, 0, VI, "0" },
	{ 999, 0, VI, "999" },
	{ 1000, 0, VI, "1.000" },
	{ 1000, 0, EN, "1,000" },
	{ 1234567.891, 2, VI, "1.234.567,89" },
	{ 1234567.891, 2, EN, "1,234,567.89" },
	{ 60e9, 0, EN, "60,000,000,000" },
	{ -1234.5, 1, VI, "-1.234,5" },
	{ 5.6, 3, EN, "5.600" },
	{ 0.05, 2, VI, "0,05" },
	{ 0.004, 2, EN, "0.00" },
	/* Half away from zero, also when the double sits a hair below. */
	{ 2.5, 0, EN, "3" },
	{ -2.5, 0, EN, "-3" },
	{ 0.125, 2, EN, "0.13" },
	{ 1.005, 2, EN, "1.01" },
	{ 2.675, 2, VI, "2,68" },
	{ 1.0049, 2, EN, "1.00" },
	{ 999.5, 0, VI, "1.000" },
	{ -0.4, 0, VI, "0" },
	{ 1e21, 0, EN, "1,000,000,000,000,000,000,000" },
	{ 1.7e15, 0, VI, "1.700.000.000.000.000" },
	{ 999999999999999.0, 0, EN, "999,999,999,999,999" },
};

START_TEST(test_number)
{
	const struct number_case *c = &number_cases[_i];
	char *s = numfmt_number(c->v, c->decimals, c->lang);

	ck_assert_msg(strcmp(s, c->want) == 0, "%.17g/%d: \"%s\", want "
	    "\"%s\"", c->v, c->decimals, s, c->want);
	free(s);
}
END_TEST

struct plain_case {
	double v;
	int decimals;
	const char *want;
};

static const struct plain_case plain_cases[] = {
	{ 5.6e6, 0, "5600000" },
	{ 60e9, 0, "60000000000" },
	{ 22, 0, "22" },
	{ 48.39e9, 0, "48390000000" },
	{ 48.39, 2, "48.39" },
	{ 48.3, 2, "48.3" },
	{ 48.0, 2, "48" },
	{ -5, 0, "-5" },
	{ 0.5, 1, "0.5" },
	{ 186882e9, 0, "186882000000000" },
	{ 1e20, 0, "100000000000000000000" },
	{ -0.0, 0, "0" },
	/* Past 2^49 the slack for a written tie must not lift a whole
	 * number: a state budget of "1,7 triệu tỷ đồng" and 600 nghìn tỷ. */
	{ 1.7e15, -14, "1700000000000000" },
	{ 6e14, 0, "600000000000000" },
	{ 5.63e14, 0, "563000000000000" },
	{ 4503599627370495.5, 0, "4503599627370496" },
	{ 1125899906842624.25, 0, "1125899906842624" },
};

START_TEST(test_plain)
{
	const struct plain_case *c = &plain_cases[_i];
	char *s = numfmt_plain(c->v, c->decimals);

	ck_assert_msg(strcmp(s, c->want) == 0, "%.17g: \"%s\", want \"%s\"",
	    c->v, s, c->want);
	free(s);
}
END_TEST

struct figure_case {
	const char *in;		/* parsed in lang first */
	enum lang lang;
	const char *text;	/* numfmt_figure in the same lang */
	const char *label;	/* numfmt_label */
	const char *other;	/* numfmt_figure in the other lang */
};

static const struct figure_case figure_cases[] = {
	{ "khoảng 5,6 triệu USD", VI, "khoảng 5,6 triệu USD",
	  "5,6 triệu USD", "about $5.6 million" },
	{ "hơn 60 tỷ USD", VI, "hơn 60 tỷ USD", "60+ tỷ USD",
	  "more than $60 billion" },
	{ "60+ tỷ USD", VI, "hơn 60 tỷ USD", "60+ tỷ USD",
	  "more than $60 billion" },
	{ "48,39 tỷ USD", VI, "48,39 tỷ USD", "48,39 tỷ USD",
	  "$48.39 billion" },
	{ "22%", VI, "22%", "22%", "22%" },
	{ "3,35 tỷ người dùng", VI, "3,35 tỷ người dùng",
	  "3,35 tỷ người dùng", "3.35 billion người dùng" },
	{ "186.882 tỉ đồng", VI, "186.882 tỷ đồng", "186.882 tỷ đồng",
	  "186,882 billion VND" },
	{ "dưới 10 triệu EUR", VI, "dưới 10 triệu EUR", "<10 triệu EUR",
	  "less than €10 million" },
	{ "giảm 5,5%", VI, "-5,5%", "-5,5%", "-5.5%" },
	{ "about $5.6 million", EN, "about $5.6 million", "$5.6M",
	  "khoảng 5,6 triệu USD" },
	{ "$60B+", EN, "more than $60 billion", "$60B+",
	  "hơn 60 tỷ USD" },
	{ "$48.39 billion", EN, "$48.39 billion", "$48.39B",
	  "48,39 tỷ USD" },
	{ "3.35 billion users", EN, "3.35 billion users", "3.35B users",
	  "3,35 tỷ users" },
	{ "-$5M", EN, "-$5 million", "-$5M", "-5 triệu USD" },
	{ "€1.2tn", EN, "€1.2 trillion", "€1.2T", "1,2 nghìn tỷ EUR" },
	{ "12,500", EN, "12,500", "12,500", "12.500" },
	{ "$5k", EN, "$5 thousand", "$5K", "5 nghìn USD" },
	{ "up to 5%", EN, "less than 5%", "<5%", "dưới 5%" },
	/* Scales without a word of their own are written at the largest
	 * one below, with as many fewer decimals. */
	{ "1,7 triệu tỷ đồng", VI, "1,7 triệu tỷ đồng", "1,7 triệu tỷ đồng",
	  "1,700 trillion VND" },
	{ "5 trăm", VI, "500", "500", "500" },
	{ "3 trăm nghìn người", VI, "300 nghìn người", "300 nghìn người",
	  "300 thousand người" },
	{ "2.5 hundred million", EN, "250 million", "250M", "250 triệu" },
	/* Signs of one currency only go before the number in English. */
	{ "£3bn", EN, "£3 billion", "£3B", "3 tỷ GBP" },
	{ "¥100 billion", EN, "¥100 billion", "¥100B", "100 tỷ JPY" },
	{ "1.5 trillion won", EN, "1.5 trillion KRW", "1.5T KRW",
	  "1,5 nghìn tỷ KRW" },
};

START_TEST(test_figure)
{
	const struct figure_case *c = &figure_cases[_i];
	enum lang other = c->lang == VI ? EN : VI;
	struct figure f;
	struct figure_error e;
	char *text, *label, *o;

	ck_assert_msg(figure_parse(c->in, c->lang, &f, &e), "%s: %s", c->in,
	    e.message);
	text = numfmt_figure(&f, c->lang);
	label = numfmt_label(&f, c->lang);
	o = numfmt_figure(&f, other);
	ck_assert_msg(strcmp(text, c->text) == 0, "\"%s\" → \"%s\", want "
	    "\"%s\"", c->in, text, c->text);
	ck_assert_msg(strcmp(label, c->label) == 0, "\"%s\" → label \"%s\", "
	    "want \"%s\"", c->in, label, c->label);
	ck_assert_msg(strcmp(o, c->other) == 0, "\"%s\" → other \"%s\", "
	    "want \"%s\"", c->in, o, c->other);
	free(text);
	free(label);
	free(o);
}
END_TEST

struct tick_case {
	double v;
	const char *unit;
	enum lang lang;
	const char *want;
};

static const struct tick_case tick_cases[] = {
	{ 10e6, "USD", VI, "10 triệu" },
	{ 100e9, "USD", VI, "100 tỷ" },
	{ 10e6, "USD", EN, "$10M" },
	{ 100e9, "USD", EN, "$100B" },
	{ 0, "USD", EN, "0" },
	{ 0, "USD", VI, "0" },
	{ 20, "%", VI, "20%" },
	{ 20, "%", EN, "20%" },
	{ 0, "%", EN, "0%" },
	{ 2.5e6, "USD", VI, "2,5 triệu" },
	{ 2.5e6, "USD", EN, "$2.5M" },
	{ 1e12, "", VI, "1 nghìn tỷ" },
	{ 3e12, "EUR", EN, "€3T" },
	{ 500000, "", VI, "500 nghìn" },
	{ 1e5, "USD", VI, "100 nghìn" },
	{ 1e5, "USD", EN, "$100K" },
	{ 500000, "USD", EN, "$500K" },
	{ 1e9, "người dùng", VI, "1 tỷ" },
	{ 1e9, "users", EN, "1B" },
	{ 0.30000000000000004, "", EN, "0.3" },
	{ 1.25e9, "", EN, "1.25B" },
	{ -20, "%", VI, "-20%" },
	{ 1e3, "", VI, "1.000" },
	/* Rounding that reaches the next scale moves up to it. */
	{ 999999, "", VI, "1 triệu" },
	{ 999999, "USD", EN, "$1M" },
	{ 99999.5, "", VI, "100 nghìn" },
	{ 9999.999, "", EN, "10K" },
	{ 999.999e9, "USD", EN, "$1T" },
	{ 1e15, "", VI, "1 triệu tỷ" },
	{ 1e15, "", EN, "1,000T" },
	{ 1.5e6, "GBP", EN, "£1.5M" },
};

START_TEST(test_tick)
{
	const struct tick_case *c = &tick_cases[_i];
	char *s = numfmt_tick(c->v, c->unit, c->lang);

	ck_assert_msg(strcmp(s, c->want) == 0, "%.17g %s: \"%s\", want "
	    "\"%s\"", c->v, c->unit, s, c->want);
	free(s);
}
END_TEST

struct ratio_case {
	double r;
	enum lang lang;
	const char *want;
};

static const struct ratio_case ratio_cases[] = {
	{ 60e9 / 5.6e6, VI, "10.714" },
	{ 60e9 / 5.6e6, EN, "10,714" },
	{ 2.345, VI, "2,3" },
	{ 2.345, EN, "2.3" },
	{ 2.0, VI, "2" },
	{ 9.96, EN, "10" },
	{ 10.4, EN, "10" },
	{ 0.05, VI, "0,05" },
	{ 0.123, EN, "0.12" },
	{ 0, EN, "0" },
};

START_TEST(test_ratio)
{
	const struct ratio_case *c = &ratio_cases[_i];
	char *s = numfmt_ratio(c->r, c->lang);

	ck_assert_msg(strcmp(s, c->want) == 0, "%.17g: \"%s\", want \"%s\"",
	    c->r, s, c->want);
	free(s);
}
END_TEST

/* Write a figure, read it back: value, unit, bound, decimals and scale
 * survive, for many magnitudes, precisions, units and bounds.  A label
 * drops "about", so there an approximate figure comes back exact. */
static void
round_trip(const struct figure *f, enum lang lang, bool label)
{
	enum figure_bound want = label && f->bound == FIGURE_APPROX ?
	    FIGURE_EXACT : f->bound;
	struct figure g;
	struct figure_error e;
	char *s = label ? numfmt_label(f, lang) : numfmt_figure(f, lang);

	if (!figure_parse(s, lang, &g, &e))
		ck_abort_msg("\"%s\" (%s) does not parse: col %d: %s", s,
		    lang_code(lang), e.col, e.message);
	ck_assert_msg(fabs(g.value - f->value) <= 1e-12 * fabs(f->value),
	    "\"%s\": %.17g, want %.17g", s, g.value, f->value);
	ck_assert_msg(strcmp(g.unit, f->unit) == 0, "\"%s\": unit \"%s\", "
	    "want \"%s\"", s, g.unit, f->unit);
	ck_assert_msg(g.bound == want, "\"%s\": bound %s, want %s", s,
	    figure_bound_name(g.bound), figure_bound_name(want));
	ck_assert_msg(g.decimals == f->decimals && g.scale == f->scale,
	    "\"%s\": decimals %d scale %d, want %d %d", s, g.decimals,
	    g.scale, f->decimals, f->scale);
	free(s);
}

START_TEST(test_round_trip)
{
	static const char *const units[] = { "", "USD", "VND", "EUR", "%",
	    "người dùng", "users", "GBP", "JPY", "CNY", "KRW", "HKD" };
	static const int scales[] = { 0, 3, 6, 9, 12 };
	static const struct { double m; int dec; } mants[] = {
		{ 0, 0 }, { 1, 0 }, { 5.6, 1 }, { 48.39, 2 }, { 20.8, 1 },
		{ 3.35, 2 }, { 999, 0 }, { 1000, 0 }, { 26.418, 3 },
		{ 186882, 0 }, { 1234567.5, 1 }, { 0.05, 2 }, { 7.125, 3 },
		{ 5.60, 2 }, { 12, 3 },
	};
	int n = 0;

	for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
	for (size_t s = 0; s < sizeof scales / sizeof scales[0]; s++)
	for (size_t m = 0; m < sizeof mants / sizeof mants[0]; m++)
	for (int b = FIGURE_EXACT; b <= FIGURE_MAX; b++)
	for (int neg = 0; neg < 2; neg++) {
		struct figure f = { 0 };

		if (neg && mants[m].m == 0)
			continue;
		f.value = (neg ? -mants[m].m : mants[m].m) *
		    pow(10, scales[s]);
		f.decimals = mants[m].dec;
		f.scale = scales[s];
		f.bound = (enum figure_bound)b;
		strcpy(f.unit, units[u]);
		round_trip(&f, LANG_VI, false);
		round_trip(&f, LANG_EN, false);
		round_trip(&f, LANG_VI, true);
		round_trip(&f, LANG_EN, true);
		n++;
	}
	ck_assert_int_gt(n, 3000);
}
END_TEST

/* Under a decimal-comma locale nothing changes (STYLE 11). */
START_TEST(test_locale_proof)
{
	const char *old = setlocale(LC_NUMERIC, NULL);
	char *saved = old ? strdup(old) : NULL;
	char *s;

	if (setlocale(LC_NUMERIC, "de_DE.UTF-8") == NULL &&
	    setlocale(LC_NUMERIC, "vi_VN.UTF-8") == NULL &&
	    setlocale(LC_NUMERIC, "fr_FR.UTF-8") == NULL) {
		free(saved);
		return;		/* no such locale here; e2e tries again */
	}
	s = numfmt_plain(48.39, 2);
	ck_assert_str_eq(s, "48.39");
	free(s);
	s = numfmt_number(1234.5, 1, LANG_EN);
	ck_assert_str_eq(s, "1,234.5");
	free(s);
	setlocale(LC_NUMERIC, saved ? saved : "C");
	free(saved);
}
END_TEST

#define NCASES(t) ((int)(sizeof(t) / sizeof((t)[0])))

Suite *
numfmt_suite(void)
{
	Suite *s = suite_create("numfmt");
	TCase *tc = tcase_create("format");

	tcase_add_loop_test(tc, test_number, 0, NCASES(number_cases));
	tcase_add_loop_test(tc, test_plain, 0, NCASES(plain_cases));
	tcase_add_loop_test(tc, test_figure, 0, NCASES(figure_cases));
	tcase_add_loop_test(tc, test_tick, 0, NCASES(tick_cases));
	tcase_add_loop_test(tc, test_ratio, 0, NCASES(ratio_cases));
	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_locale_proof);
	suite_add_tcase(s, tc);
	return s;
}
