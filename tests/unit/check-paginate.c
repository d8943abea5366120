/* check-paginate: page-break decisions on measured heights, no drawing. */
#include <check.h>
#include <stdlib.h>

#include "paginate.h"

/* Ten-point lines, as many as asked. */
static double lines10[64];

static void
setup_lines(void)
{
	for (int i = 0; i < 64; i++)
		lines10[i] = 10.0 * (i + 1);
}

static struct pg_item
para(size_t nlines)
{
	struct pg_item it = { 0 };

	it.height = 10.0 * (double)nlines;
	it.nlines = nlines;
	it.line_bottom = lines10;
	it.splittable = true;
	return it;
}

static struct pg_item
block(double h)
{
	struct pg_item it = { 0 };

	it.height = h;
	it.nlines = 1;
	return it;
}

static const struct pg_piece *
piece_of(const struct pg_result *r, size_t item, size_t nth)
{
	for (size_t i = 0; i < r->npieces; i++)
		if (r->pieces[i].item == item && !r->pieces[i].repeat &&
		    nth-- == 0)
			return &r->pieces[i];
	return NULL;
}

START_TEST(test_simple_flow_fits_one_page)
{
	struct pg_item items[3] = { para(3), block(20), para(2) };
	struct pg_result r;

	items[1].space_before = 5;
	paginate(items, 3, 100, 100, &r);
	ck_assert_uint_eq(r.npages, 1);
	ck_assert_uint_eq(r.npieces, 3);
	ck_assert_double_eq_tol(r.pieces[1].y, 35, 1e-9);
	ck_assert_double_eq_tol(r.pieces[2].y, 55, 1e-9);
	paginate_release(&r);
}
END_TEST

START_TEST(test_space_before_dropped_at_page_top)
{
	struct pg_item items[2] = { block(90), block(30) };
	struct pg_result r;

	items[1].space_before = 8;
	paginate(items, 2, 100, 100, &r);
	ck_assert_uint_eq(r.npages, 2);
	ck_assert_uint_eq(r.pieces[1].page, 1);
	ck_assert_double_eq_tol(r.pieces[1].y, 0, 1e-9);
	paginate_release(&r);
}
END_TEST

START_TEST(test_heading_keeps_with_next)
{
	/* 70 used; heading 15 would fit, but not with two lines after it. */
	struct pg_item items[3] = { block(70), block(15), para(6) };
	struct pg_result r;

	items[1].keep_with_next = true;
	paginate(items, 3, 100, 100, &r);
	ck_assert_uint_eq(piece_of(&r, 1, 0)->page, 1);
	ck_assert_uint_eq(piece_of(&r, 2, 0)->page, 1);
	paginate_release(&r);
}
END_TEST

START_TEST(test_heading_stays_when_next_lines_fit)
{
	struct pg_item items[3] = { block(50), block(15), para(6) };
	struct pg_result r;

	items[1].keep_with_next = true;
	paginate(items, 3, 100, 100, &r);
	ck_assert_uint_eq(piece_of(&r, 1, 0)->page, 0);
	/* The paragraph splits after 3 lines (50+15+30 = 95). */
	ck_assert_uint_eq(piece_of(&r, 2, 0)->page, 0);
	ck_assert_uint_eq(piece_of(&r, 2, 0)->line_to, 3);
	ck_assert_uint_eq(piece_of(&r, 2, 1)->page, 1);
	paginate_release(&r);
}
END_TEST

START_TEST(test_no_orphan_line_at_page_bottom)
{
	/* Room for one line only: the whole paragraph moves. */
	struct pg_item items[2] = { block(88), para(5) };
	struct pg_result r;

	paginate(items, 2, 100, 100, &r);
	ck_assert_uint_eq(piece_of(&r, 1, 0)->page, 1);
	ck_assert_uint_eq(piece_of(&r, 1, 0)->line_from, 0);
	ck_assert_uint_eq(piece_of(&r, 1, 0)->line_to, 5);
	paginate_release(&r);
}
END_TEST

START_TEST(test_no_widow_line_at_page_top)
{
	/* Room for 4 of 5 lines: break after 3, so 2 go over. */
	struct pg_item items[2] = { block(60), para(5) };
	struct pg_result r;

	paginate(items, 2, 100, 100, &r);
	ck_assert_uint_eq(piece_of(&r, 1, 0)->line_to, 3);
	ck_assert_uint_eq(piece_of(&r, 1, 1)->line_from, 3);
	ck_assert_uint_eq(piece_of(&r, 1, 1)->page, 1);
	paginate_release(&r);
}
END_TEST

START_TEST(test_three_line_paragraph_never_splits)
{
	struct pg_item items[2] = { block(75), para(3) };
	struct pg_result r;

	paginate(items, 2, 100, 100, &r);
	ck_assert_uint_eq(piece_of(&r, 1, 0)->page, 1);
	ck_assert_uint_eq(piece_of(&r, 1, 0)->line_to, 3);
	paginate_release(&r);
}
END_TEST

START_TEST(test_atomic_block_moves_whole)
{
	struct pg_item items[2] = { para(5), block(60) };
	struct pg_result r;

	paginate(items, 2, 100, 100, &r);
	ck_assert_uint_eq(r.npages, 2);
	ck_assert_uint_eq(piece_of(&r, 1, 0)->page, 1);
	paginate_release(&r);
}
END_TEST

START_TEST(test_table_header_repeats)
{
	struct pg_item items[12];
	struct pg_result r;
	size_t repeats = 0;

	items[0] = block(10);
	items[0].table_row = items[0].is_header = true;
	items[0].keep_with_next = true;
	for (int i = 1; i < 12; i++) {
		items[i] = block(10);
		items[i].table_row = true;
		items[i].header_first = 0;
		items[i].header_count = 1;
	}
	paginate(items, 12, 50, 50, &r);
	/* 5 rows a page: header + 4, then repeated header + 4, … */
	ck_assert_uint_eq(r.npages, 3);
	for (size_t i = 0; i < r.npieces; i++) {
		if (r.pieces[i].repeat) {
			repeats++;
			ck_assert_uint_eq(r.pieces[i].item, 0);
			ck_assert_double_eq_tol(r.pieces[i].y, 0, 1e-9);
		}
	}
	ck_assert_uint_eq(repeats, 2);
	paginate_release(&r);
}
END_TEST

/* A header and n body rows of 10 pt after a filler of h points. */
static size_t
table_after(struct pg_item *items, double h, size_t n)
{
	items[0] = block(h);
	items[1] = block(10);
	items[1].table_row = items[1].is_header = true;
	items[1].keep_with_next = true;
	for (size_t i = 2; i < n + 2; i++) {
		items[i] = block(10);
		items[i].table_row = true;
		items[i].header_first = 1;
		items[i].header_count = 1;
	}
	return n + 2;
}

/* Rows of a table break like lines of a paragraph: at least two body
 * rows on each side, so a two-row table moves whole. */
static const struct {
	double filler;
	size_t rows;
	size_t first_on_page2;	/* item index of the first body row moved */
} row_breaks[] = {
	{ 75, 2, 2 },	/* room for header + 1 row: both rows move */
	{ 75, 6, 2 },	/* header + 1 row would be an orphan row */
	{ 65, 6, 4 },	/* header + 2 rows stay, 4 go on */
	{ 45, 5, 5 },	/* 4 rows would fit, but the last would be alone */
};

START_TEST(test_table_rows_two_each_side)
{
	struct pg_item items[16];
	struct pg_result r;
	size_t n = table_after(items, row_breaks[_i].filler,
	    row_breaks[_i].rows);

	paginate(items, n, 100, 100, &r);
	ck_assert_uint_eq(r.npages, 2);
	for (size_t i = 2; i < n; i++)
		ck_assert_msg(piece_of(&r, i, 0)->page ==
		    (i >= row_breaks[_i].first_on_page2),
		    "row item %zu on page %zu", i,
		    piece_of(&r, i, 0)->page + 1);
	paginate_release(&r);
}
END_TEST

START_TEST(test_taller_than_page_still_ends)
{
	/* The block overflows its own page; the 30 lines take 3 more. */
	struct pg_item items[2] = { block(250), para(30) };
	struct pg_result r;
	size_t lines = 0;

	paginate(items, 2, 100, 100, &r);
	for (size_t i = 0; i < r.npieces; i++)
		if (r.pieces[i].item == 1)
			lines += r.pieces[i].line_to - r.pieces[i].line_from;
	ck_assert_uint_eq(lines, 30);
	ck_assert_uint_eq(r.npages, 4);
	paginate_release(&r);
}
END_TEST

START_TEST(test_first_page_is_shorter)
{
	struct pg_item items[2] = { block(60), block(60) };
	struct pg_result r;

	paginate(items, 2, 60, 200, &r);
	ck_assert_uint_eq(r.npages, 2);
	paginate_release(&r);
	paginate(items, 2, 130, 200, &r);
	ck_assert_uint_eq(r.npages, 1);
	paginate_release(&r);
}
END_TEST

Suite *
paginate_suite(void)
{
	Suite *s = suite_create("paginate");
	TCase *tc = tcase_create("breaks");

	tcase_add_unchecked_fixture(tc, setup_lines, NULL);
	tcase_add_test(tc, test_simple_flow_fits_one_page);
	tcase_add_test(tc, test_space_before_dropped_at_page_top);
	tcase_add_loop_test(tc, test_table_rows_two_each_side, 0,
	    sizeof row_breaks / sizeof row_breaks[0]);
	tcase_add_test(tc, test_heading_keeps_with_next);
	tcase_add_test(tc, test_heading_stays_when_next_lines_fit);
	tcase_add_test(tc, test_no_orphan_line_at_page_bottom);
	tcase_add_test(tc, test_no_widow_line_at_page_top);
	tcase_add_test(tc, test_three_line_paragraph_never_splits);
	tcase_add_test(tc, test_atomic_block_moves_whole);
	tcase_add_test(tc, test_table_header_repeats);
	tcase_add_test(tc, test_taller_than_page_still_ends);
	tcase_add_test(tc, test_first_page_is_shorter);
	suite_add_tcase(s, tc);
	return s;
}
