/* check-theme: paper sizes, margins that scale with the paper, the page
 * palette's spacing in grey, and what a handout shows of a page. */
#include <check.h>
#include <math.h>

#include "theme.h"

#define EPS 1e-6

/* ---- paper ------------------------------------------------------------ */

struct paper_case {
	enum paper paper;
	double w, h;		/* portrait, points */
};

static const struct paper_case paper_cases[] = {
	{ PAPER_A4, 595.276, 841.890 },
	{ PAPER_A5, 419.528, 595.276 },
	{ PAPER_LETTER, 612.0, 792.0 },
};

START_TEST(test_paper_sizes_turn)
{
	const struct paper_case *c = &paper_cases[_i];
	double w, h;

	theme_paper_size(c->paper, false, &w, &h);
	ck_assert_double_eq_tol(w, c->w, EPS);
	ck_assert_double_eq_tol(h, c->h, EPS);
	theme_paper_size(c->paper, true, &w, &h);
	ck_assert_double_eq_tol(w, c->h, EPS);
	ck_assert_double_eq_tol(h, c->w, EPS);
}
END_TEST

/* Margins scale with the paper: the text block of a portrait page keeps
 * about the same share of its width, and nothing falls off the page. */
START_TEST(test_margins_scale_with_paper)
{
	const struct paper_case *c = &paper_cases[_i];
	struct theme t;
	double share;

	theme_for_paper(&t, c->paper, false);
	ck_assert_double_eq_tol(t.page_w, c->w, EPS);
	share = theme_content_width(&t) / t.page_w;
	ck_assert_msg(share > 0.76 && share < 0.82, "content share %g",
	    share);
	ck_assert(t.margin_top - t.header_gap > 12);
	ck_assert(t.margin_bottom - t.footer_gap > 12);
	ck_assert(theme_content_height(&t) > 0.75 * t.page_h);
}
END_TEST

/* A landscape line stays readable: its measure is at most a quarter more
 * than the portrait one, and the page gets shorter margins top and
 * bottom where height is scarce. */
START_TEST(test_landscape_measure)
{
	const struct paper_case *c = &paper_cases[_i];
	struct theme p, l;

	theme_for_paper(&p, c->paper, false);
	theme_for_paper(&l, c->paper, true);
	ck_assert_double_eq_tol(l.page_w, c->h, EPS);
	ck_assert(theme_content_width(&l) <=
	    1.25 * theme_content_width(&p) + EPS);
	ck_assert(theme_content_width(&l) > theme_content_width(&p));
	ck_assert_double_eq_tol(l.margin_left, l.margin_right, EPS);
	ck_assert(l.margin_top < p.margin_top);
}
END_TEST

/* A5 is held like A4: its type shrinks less than the page. */
START_TEST(test_a5_legible)
{
	struct theme a4, a5;

	theme_for_paper(&a4, PAPER_A4, false);
	theme_for_paper(&a5, PAPER_A5, false);
	ck_assert(a5.body_size >= 9.0);
	ck_assert(a5.small_size >= 7.0);
	ck_assert(a5.body_size / a4.body_size >
	    a5.page_w / a4.page_w + 0.1);
}
END_TEST

/* ---- what a handout shows of a page ------------------------------------- */

START_TEST(test_ink_box)
{
	const struct paper_case *c = &paper_cases[_i];
	struct theme t;
	double x, y, w, h;

	theme_for_paper(&t, c->paper, false);
	theme_ink_box(&t, 0, &x, &y, &w, &h);
	/* Content and furniture inside, the outer margins cut away. */
	ck_assert_double_eq_tol(x, t.margin_left, EPS);
	ck_assert_double_eq_tol(y, t.margin_top - t.header_gap, EPS);
	ck_assert_double_eq_tol(y + h, t.page_h - t.margin_bottom +
	    t.footer_gap, EPS);
	ck_assert_double_eq_tol(w, theme_content_width(&t), EPS);
	/* A pad grows it on every side; a huge one stops at the page. */
	theme_ink_box(&t, 10, &x, &y, &w, &h);
	ck_assert_double_eq_tol(x, t.margin_left - 10, EPS);
	ck_assert_double_eq_tol(w, theme_content_width(&t) + 20, EPS);
	theme_ink_box(&t, 500, &x, &y, &w, &h);
	ck_assert_double_eq_tol(x, 0, EPS);
	ck_assert_double_eq_tol(y, 0, EPS);
	ck_assert_double_eq_tol(w, t.page_w, EPS);
	ck_assert_double_eq_tol(h, t.page_h, EPS);
}
END_TEST

/* ---- palette in grey ----------------------------------------------------- */

struct luma_case {
	const char *what;
	double a[3], b[3];
	double min_gap;		/* least luma difference that survives */
};

#define PAPER { 1, 1, 1 }

/* A greyscale printer keeps only luma: these pairs must stay apart. */
static const struct luma_case luma_cases[] = {
	{ "body text on paper", THEME_INK, PAPER, 0.80 },
	{ "muted text on paper", THEME_MUTED, PAPER, 0.55 },
	{ "link text on paper", THEME_LINK, PAPER, 0.55 },
	{ "link apart from body text", THEME_LINK, THEME_INK, 0.15 },
	{ "muted apart from body text", THEME_MUTED, THEME_INK, 0.20 },
	{ "hairline shows on paper", THEME_HAIRLINE, PAPER, 0.15 },
	{ "hairline never reads as text", THEME_HAIRLINE, THEME_INK, 0.40 },
	{ "shaded ground shows", THEME_SHADE, PAPER, 0.03 },
	{ "text on shaded ground", THEME_SHADE, THEME_INK, 0.80 },
	{ "title rule apart from hairlines", THEME_ACCENT, THEME_HAIRLINE,
	    0.30 },
};

START_TEST(test_palette_in_grey)
{
	const struct luma_case *c = &luma_cases[_i];
	double ya = theme_luma(c->a[0], c->a[1], c->a[2]);
	double yb = theme_luma(c->b[0], c->b[1], c->b[2]);

	ck_assert_msg(fabs(ya - yb) >= c->min_gap, "%s: luma %.3f vs %.3f",
	    c->what, ya, yb);
}
END_TEST

START_TEST(test_luma_weights)
{
	ck_assert_double_eq_tol(theme_luma(1, 1, 1), 1, EPS);
	ck_assert_double_eq_tol(theme_luma(0, 0, 0), 0, EPS);
	/* Green carries most of the light, blue least (Rec. 709). */
	ck_assert(theme_luma(0, 1, 0) > theme_luma(1, 0, 0));
	ck_assert(theme_luma(1, 0, 0) > theme_luma(0, 0, 1));
}
END_TEST

Suite *
theme_suite(void)
{
	Suite *s = suite_create("theme");
	TCase *tc = tcase_create("theme");
	int npaper = (int)(sizeof paper_cases / sizeof *paper_cases);
	int nluma = (int)(sizeof luma_cases / sizeof *luma_cases);

	tcase_add_loop_test(tc, test_paper_sizes_turn, 0, npaper);
	tcase_add_loop_test(tc, test_margins_scale_with_paper, 0, npaper);
	tcase_add_loop_test(tc, test_landscape_measure, 0, npaper);
	tcase_add_test(tc, test_a5_legible);
	tcase_add_loop_test(tc, test_ink_box, 0, npaper);
	tcase_add_loop_test(tc, test_palette_in_grey, 0, nluma);
	tcase_add_test(tc, test_luma_weights);
	suite_add_tcase(s, tc);
	return s;
}
