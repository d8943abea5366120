/* check-scale: nice linear ticks, log decades and baseline, the broken
 * axis, positions along an axis, and the auto choice of log. */
#include <check.h>
#include <math.h>

#include "scale.h"

static const struct {
	double lo, hi;
	int max;
	double step;
} nice_cases[] = {
	{ 0, 60e9, 7, 10e9 },
	{ 0, 5.6e6, 4, 2e6 },
	{ 0, 1, 7, 0.2 },
	{ 0, 48.39, 7, 10 },
	{ 0, 7, 7, 2 },
	{ -3, 8, 7, 2 },
	{ 0, 0.003, 7, 0.0005 },
	{ 0, 100, 7, 20 },
	{ 0, 101, 7, 20 },
	{ 0, 121, 7, 50 },
};

START_TEST(test_nice_step)
{
	double step = scale_nice_step(nice_cases[_i].lo, nice_cases[_i].hi,
	    nice_cases[_i].max);

	ck_assert_double_eq_tol(step, nice_cases[_i].step,
	    1e-9 * nice_cases[_i].step);
}
END_TEST

/* Step is 1, 2 or 5 times a power of ten. */
static bool
nice_mantissa(double step)
{
	double m = step / pow(10, floor(log10(step) + 1e-9));

	return fabs(m - 1) < 1e-6 || fabs(m - 2) < 1e-6 ||
	    fabs(m - 5) < 1e-6;
}

START_TEST(test_linear_ticks)
{
	static const double ranges[][2] = { { 0, 60e9 }, { 5.6e6, 60e9 },
	    { -17, 45 }, { 0.1, 0.37 }, { 3, 3 }, { 0, 20.8 }, { 12, 48.39 } };
	struct scale s;
	bool zero = false;

	scale_linear(&s, ranges[_i][0], ranges[_i][1], SCALE_LINEAR_TICKS);
	ck_assert_uint_le(s.nticks, SCALE_LINEAR_TICKS);
	ck_assert_uint_ge(s.nticks, 2);
	ck_assert(nice_mantissa(s.step));
	ck_assert(s.lo <= fmin(ranges[_i][0], 0));
	ck_assert(s.hi >= ranges[_i][1]);
	for (size_t k = 0; k < s.nticks; k++) {
		zero |= s.ticks[k].value == 0;
		if (k > 0)
			ck_assert_double_eq_tol(s.ticks[k].value -
			    s.ticks[k - 1].value, s.step, 1e-9 * s.step);
	}
	ck_assert(zero);
	ck_assert_double_eq_tol(scale_pos(&s, s.lo), 0, 1e-12);
	ck_assert_double_eq_tol(scale_pos(&s, s.hi), 1, 1e-12);
}
END_TEST

START_TEST(test_linear_proportional)
{
	struct scale s;
	double z;

	scale_linear(&s, 0, 60e9, SCALE_LINEAR_TICKS);
	z = scale_pos(&s, 0);
	ck_assert_double_eq_tol(z, 0, 1e-12);
	ck_assert_double_eq_tol(scale_pos(&s, 30e9) / scale_pos(&s, 60e9),
	    0.5, 1e-12);
	ck_assert_double_eq_tol(scale_pos(&s, 5.6e6) / scale_pos(&s, 60e9),
	    5.6e6 / 60e9, 1e-12);
}
END_TEST

START_TEST(test_log_decades)
{
	struct scale s;
	size_t majors = 0;

	ck_assert_double_eq_tol(scale_log_baseline(5.6e6), 1e5, 1e-3);
	ck_assert_double_eq_tol(scale_log_baseline(1e6), 1e5, 1e-3);
	ck_assert_double_eq_tol(scale_log_baseline(0.05), 1e-3, 1e-12);
	scale_log(&s, 5.6e6, 60e9);
	ck_assert_int_eq(s.kind, SCALE_LOG);
	ck_assert_double_eq_tol(s.lo, 1e5, 1e-3);
	ck_assert_double_eq_tol(s.hi, 1e11, 1e3);
	for (size_t k = 0; k < s.nticks; k++) {
		double e = log10(s.ticks[k].value);

		ck_assert(s.ticks[k].major);
		ck_assert_double_eq_tol(e, round(e), 1e-9);
		majors++;
	}
	ck_assert_uint_eq(majors, 7);
	/* Length from the baseline follows log10(v / baseline). */
	ck_assert_double_eq_tol(scale_pos(&s, 1e6), 1.0 / 6, 1e-9);
	ck_assert_double_eq_tol(scale_pos(&s, 5.6e6),
	    log10(5.6e6 / 1e5) / 6, 1e-9);
	ck_assert_double_eq_tol(scale_pos(&s, 60e9), log10(60e9 / 1e5) / 6,
	    1e-9);
}
END_TEST

START_TEST(test_log_minor_short_range)
{
	struct scale s;
	size_t minors = 0;

	scale_log(&s, 2e6, 6e6);
	for (size_t k = 0; k < s.nticks; k++) {
		double m = s.ticks[k].value / pow(10, floor(log10(
		    s.ticks[k].value) + 1e-9));

		if (!s.ticks[k].major) {
			minors++;
			ck_assert(fabs(m - 2) < 1e-9 || fabs(m - 5) < 1e-9);
		}
	}
	ck_assert_uint_eq(minors, 4);
	scale_log(&s, 1, 1e15);
	ck_assert_uint_le(s.nticks, 11);
	for (size_t k = 0; k < s.nticks; k++)
		ck_assert(s.ticks[k].major);
}
END_TEST

static const struct {
	double v[4];
	size_t n;
	bool log;
} auto_cases[] = {
	{ { 5.6e6, 60e9 }, 2, true },
	{ { 1, 999 }, 2, false },
	{ { 1, 1000 }, 2, true },
	{ { 0, 1e6 }, 2, false },
	{ { -1, 1e6 }, 2, false },
	{ { 48.39e9, 20.8e9 }, 2, false },
	{ { 3, 10, 3000, 7 }, 4, true },
};

START_TEST(test_auto_log)
{
	ck_assert(scale_auto_log(auto_cases[_i].v, auto_cases[_i].n) ==
	    auto_cases[_i].log);
}
END_TEST

START_TEST(test_broken)
{
	const double v[] = { 5.6e6, 60e9 };
	struct scale s;
	double prev = -1;

	scale_broken(&s, v, 2, 0.05);
	ck_assert_int_eq(s.kind, SCALE_BROKEN);
	ck_assert(s.cut_lo >= 5.6e6 && s.cut_lo < 60e9);
	ck_assert(s.cut_hi > s.cut_lo && s.cut_hi < 60e9);
	ck_assert(s.hi >= 60e9);
	/* The small value fills most of the lower segment. */
	ck_assert(scale_pos(&s, 5.6e6) > 0.5 * s.split);
	ck_assert_double_eq_tol(scale_pos(&s, s.cut_lo), s.split, 1e-12);
	ck_assert_double_eq_tol(scale_pos(&s, s.cut_hi), s.split + s.gap,
	    1e-12);
	for (double x = 0; x <= s.hi; x += s.hi / 997) {
		ck_assert(scale_pos(&s, x) >= prev);
		prev = scale_pos(&s, x);
	}
	for (size_t k = 0; k < s.nticks; k++)
		ck_assert(s.ticks[k].value <= s.cut_lo ||
		    s.ticks[k].value >= s.cut_hi);
}
END_TEST

START_TEST(test_broken_without_gap)
{
	const double v[] = { 20.8e9, 48.39e9 };
	struct scale s;

	scale_broken(&s, v, 2, 0.05);
	ck_assert_int_eq(s.kind, SCALE_LINEAR);
	ck_assert(s.hi >= 48.39e9);
}
END_TEST

Suite *
scale_suite(void)
{
	Suite *s = suite_create("scale");
	TCase *tc = tcase_create("scale");

	tcase_add_loop_test(tc, test_nice_step, 0,
	    sizeof nice_cases / sizeof nice_cases[0]);
	tcase_add_loop_test(tc, test_linear_ticks, 0, 7);
	tcase_add_test(tc, test_linear_proportional);
	tcase_add_test(tc, test_log_decades);
	tcase_add_test(tc, test_log_minor_short_range);
	tcase_add_loop_test(tc, test_auto_log, 0,
	    sizeof auto_cases / sizeof auto_cases[0]);
	tcase_add_test(tc, test_broken);
	tcase_add_test(tc, test_broken_without_gap);
	suite_add_tcase(s, tc);
	return s;
}
