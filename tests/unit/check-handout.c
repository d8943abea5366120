/* check-handout: N-up imposition as plain geometry — scale, centring,
 * gutters, reading order, sheet counts — without a surface. */
#include <check.h>
#include <math.h>

#include "handout.h"

#define EPS 1e-6

/* Paper in points. */
#define A4_S 595.276
#define A4_L 841.890
#define A5_S 419.528
#define LT_S 612.0
#define LT_L 792.0

struct impose_case {
	const char *name;
	int n;
	double page_w, page_h;		/* the shown box */
	double sheet_w, sheet_h;
	int cols, rows;
	double scale;			/* worked out by hand */
};

/* Scales by hand: cell = (sheet - 2 * 18 - gutters of 14) / count, scale =
 * the smaller of cell / page on both axes. */
static const struct impose_case impose_cases[] = {
	/* A4 2-up on A4 landscape: height binds, 559.276 / 841.89. */
	{ "A4 2-up", 2, A4_S, A4_L, A4_L, A4_S, 2, 1, 0.664309 },
	/* A4 4-up on A4 portrait: width binds, 272.638 / 595.276. */
	{ "A4 4-up", 4, A4_S, A4_L, A4_S, A4_L, 2, 2, 0.458002 },
	/* Landscape pages 2-up stack on a portrait sheet. */
	{ "landscape 2-up", 2, A4_L, A4_S, A4_S, A4_L, 1, 2, 0.664309 },
	/* A5 pages two to an A4 landscape sheet, nearly full size. */
	{ "A5 on A4", 2, A5_S, A4_S, A4_L, A4_S, 2, 1, 0.939522 },
	/* Letter 4-up on Letter: 281 / 612 against 371 / 792. */
	{ "Letter 4-up", 4, LT_S, LT_L, LT_S, LT_L, 2, 2, 0.459150 },
	/* A trimmed page (ink box 523 x 794) 4-up on A4. */
	{ "trimmed 4-up", 4, 523.276, 794.0, A4_S, A4_L, 2, 2, 0.498671 },
};

static struct handout
impose(const struct impose_case *c)
{
	struct handout h;
	struct handout_box box = { 30, 20, c->page_w, c->page_h };

	ck_assert_msg(handout_init(&h, c->n, &box, c->sheet_w, c->sheet_h),
	    "%s: refused", c->name);
	return h;
}

START_TEST(test_grid_and_scale)
{
	const struct impose_case *c = &impose_cases[_i];
	struct handout h = impose(c);

	ck_assert_int_eq(h.cols, c->cols);
	ck_assert_int_eq(h.rows, c->rows);
	ck_assert_double_eq_tol(h.sheet_w, c->sheet_w, EPS);
	ck_assert_double_eq_tol(h.sheet_h, c->sheet_h, EPS);
	for (int i = 0; i < c->n; i++) {
		ck_assert_double_eq_tol(h.slot[i].scale, c->scale, 1e-5);
		/* One scale for both axes: the page keeps its shape. */
		ck_assert_double_eq_tol(h.slot[i].w,
		    c->page_w * h.slot[i].scale, EPS);
		ck_assert_double_eq_tol(h.slot[i].h,
		    c->page_h * h.slot[i].scale, EPS);
	}
	/* The shown box is kept for drawing. */
	ck_assert_double_eq_tol(h.shown.x, 30, EPS);
	ck_assert_double_eq_tol(h.shown.y, 20, EPS);
}
END_TEST

/* Every slot inside the sheet's margin, and the scale is the largest
 * that fits: one axis leaves no spare room. */
START_TEST(test_fits_margins_and_fills_one_axis)
{
	const struct impose_case *c = &impose_cases[_i];
	struct handout h = impose(c);
	double spare_w, spare_h;

	for (int i = 0; i < c->n; i++) {
		const struct handout_slot *s = &h.slot[i];
		ck_assert(s->x >= HANDOUT_MARGIN - EPS);
		ck_assert(s->y >= HANDOUT_MARGIN - EPS);
		ck_assert(s->x + s->w <= c->sheet_w - HANDOUT_MARGIN + EPS);
		ck_assert(s->y + s->h <= c->sheet_h - HANDOUT_MARGIN + EPS);
	}
	spare_w = h.slot[0].x - HANDOUT_MARGIN;
	spare_h = h.slot[0].y - HANDOUT_MARGIN;
	ck_assert_msg(fabs(spare_w) < 1e-6 || fabs(spare_h) < 1e-6,
	    "%s: room to grow on both axes (%g, %g)", c->name, spare_w,
	    spare_h);
}
END_TEST

/* The block of pages is centred; neighbours sit one gutter apart; the
 * reading order runs left to right, then down. */
START_TEST(test_centred_block_and_order)
{
	const struct impose_case *c = &impose_cases[_i];
	struct handout h = impose(c);
	const struct handout_slot *first = &h.slot[0];
	const struct handout_slot *last = &h.slot[c->n - 1];

	ck_assert_double_eq_tol(first->x, c->sheet_w - (last->x + last->w),
	    1e-6);
	ck_assert_double_eq_tol(first->y, c->sheet_h - (last->y + last->h),
	    1e-6);
	for (int i = 1; i < c->n; i++) {
		const struct handout_slot *a = &h.slot[i - 1], *b = &h.slot[i];
		if (i % h.cols != 0) {
			/* Same row, to the right. */
			ck_assert_double_eq_tol(b->y, a->y, EPS);
			ck_assert_double_eq_tol(b->x - (a->x + a->w),
			    HANDOUT_GUTTER, EPS);
		} else {
			/* Next row, back at the left. */
			const struct handout_slot *up = &h.slot[i - h.cols];
			ck_assert_double_eq_tol(b->x, first->x, EPS);
			ck_assert_double_eq_tol(b->y - (up->y + up->h),
			    HANDOUT_GUTTER, EPS);
		}
	}
}
END_TEST

START_TEST(test_one_up_is_identity)
{
	struct handout h;
	struct handout_box box = { 10, 12, 500, 700 };

	ck_assert(handout_init(&h, 1, &box, A4_L, A4_S));
	ck_assert_int_eq(h.n, 1);
	ck_assert_double_eq_tol(h.sheet_w, 500, EPS);
	ck_assert_double_eq_tol(h.sheet_h, 700, EPS);
	ck_assert_double_eq_tol(h.slot[0].scale, 1, EPS);
	ck_assert_double_eq_tol(h.slot[0].x, 0, EPS);
	ck_assert_double_eq_tol(h.slot[0].y, 0, EPS);
}
END_TEST

START_TEST(test_refuses_bad_requests)
{
	struct handout h;
	struct handout_box a4 = { 0, 0, A4_S, A4_L };
	struct handout_box flat = { 0, 0, A4_S, 0 };
	static const int bad_n[] = { 0, 3, 5, 8, -2 };

	for (size_t i = 0; i < sizeof bad_n / sizeof *bad_n; i++)
		ck_assert_msg(!handout_init(&h, bad_n[i], &a4, A4_L, A4_S),
		    "n = %d accepted", bad_n[i]);
	ck_assert(!handout_init(&h, 2, &flat, A4_L, A4_S));
	ck_assert(!handout_init(&h, 2, &a4, 0, A4_S));
	ck_assert(!handout_init(&h, 2, &a4, A4_L, NAN));
	/* A sheet smaller than its own margins has no room for a page. */
	ck_assert(!handout_init(&h, 4, &a4, 40, 40));
}
END_TEST

struct count_case {
	int n;
	size_t pages, sheets;
};

static const struct count_case count_cases[] = {
	{ 2, 0, 0 }, { 2, 1, 1 }, { 2, 2, 1 }, { 2, 3, 2 }, { 2, 7, 4 },
	{ 4, 1, 1 }, { 4, 4, 1 }, { 4, 5, 2 }, { 4, 9, 3 }, { 1, 3, 3 },
};

START_TEST(test_sheet_count)
{
	const struct count_case *c = &count_cases[_i];
	struct handout h;
	struct handout_box a4 = { 0, 0, A4_S, A4_L };

	ck_assert(handout_init(&h, c->n, &a4, A4_S, A4_L));
	ck_assert_uint_eq(handout_sheets(&h, c->pages), c->sheets);
}
END_TEST

START_TEST(test_sheet_orientation)
{
	/* 2-up turns the sheet against the pages; 4-up keeps it. */
	ck_assert(handout_sheet_landscape(2, false));
	ck_assert(!handout_sheet_landscape(2, true));
	ck_assert(!handout_sheet_landscape(4, false));
	ck_assert(handout_sheet_landscape(4, true));
}
END_TEST

Suite *
handout_suite(void)
{
	Suite *s = suite_create("handout");
	TCase *tc = tcase_create("impose");
	int nimpose = (int)(sizeof impose_cases / sizeof *impose_cases);
	int ncount = (int)(sizeof count_cases / sizeof *count_cases);

	tcase_add_loop_test(tc, test_grid_and_scale, 0, nimpose);
	tcase_add_loop_test(tc, test_fits_margins_and_fills_one_axis, 0,
	    nimpose);
	tcase_add_loop_test(tc, test_centred_block_and_order, 0, nimpose);
	tcase_add_test(tc, test_one_up_is_identity);
	tcase_add_test(tc, test_refuses_bad_requests);
	tcase_add_loop_test(tc, test_sheet_count, 0, ncount);
	tcase_add_test(tc, test_sheet_orientation);
	suite_add_tcase(s, tc);
	return s;
}
