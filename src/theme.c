/* theme: the house style's numbers, scaled with the paper. */
#include "theme.h"

/* Paper sizes in points (1/72 inch). */
static const double paper_size[][2] = {
	[PAPER_A4] = { 595.276, 841.890 },
	[PAPER_A5] = { 419.528, 595.276 },
	[PAPER_LETTER] = { 612.0, 792.0 },
};

void
theme_for_paper(struct theme *t, enum paper paper, bool landscape)
{
	double w = paper_size[paper][0], h = paper_size[paper][1];
	/* A5 is read at arm's length like A4 but has 70% of its width:
	 * shrink the type less than the page so it stays legible. */
	double k = paper == PAPER_A5 ? 0.88 : 1.0;
	double margin = paper == PAPER_A5 ? 42.0 : 62.0;

	t->page_w = landscape ? h : w;
	t->page_h = landscape ? w : h;
	t->margin_left = t->margin_right = margin;
	t->margin_top = margin + 6;
	t->margin_bottom = margin + 6;
	t->header_gap = 24 * k;
	t->footer_gap = 30 * k;
	t->body_size = 10.5 * k;
	t->line_spacing = 1.42;
	t->para_gap = 7 * k;
	t->h_size[0] = 22 * k;
	t->h_size[1] = 16 * k;
	t->h_size[2] = 13 * k;
	t->h_size[3] = 11 * k;
	t->small_size = 8.5 * k;
	t->table_size = 9 * k;
	t->indent = 18 * k;
}

double
theme_content_width(const struct theme *t)
{
	return t->page_w - t->margin_left - t->margin_right;
}

double
theme_content_height(const struct theme *t)
{
	return t->page_h - t->margin_top - t->margin_bottom;
}
