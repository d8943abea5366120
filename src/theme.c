/* theme: the house style's numbers, scaled with the paper. */
#include "theme.h"

/* A landscape page's text measure against the portrait one. */
#define THEME_LANDSCAPE_MEASURE 1.25

/* Paper sizes in points (1/72 inch). */
static const double paper_size[][2] = {
	[PAPER_A4] = { 595.276, 841.890 },
	[PAPER_A5] = { 419.528, 595.276 },
	[PAPER_LETTER] = { 612.0, 792.0 },
};

double
theme_luma(double r, double g, double b)
{
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

void
theme_paper_size(enum paper paper, bool landscape, double *w, double *h)
{
	*w = paper_size[paper][landscape ? 1 : 0];
	*h = paper_size[paper][landscape ? 0 : 1];
}

void
theme_for_paper(struct theme *t, enum paper paper, bool landscape)
{
	double w, h;
	/* A5 is read at arm's length like A4 but has 70% of its width:
	 * shrink the type less than the page so it stays legible. */
	double k = paper == PAPER_A5 ? 0.88 : 1.0;
	double margin = paper == PAPER_A5 ? 42.0 : 62.0;

	theme_paper_size(paper, landscape, &w, &h);
	t->page_w = w;
	t->page_h = h;
	t->margin_left = t->margin_right = margin;
	t->margin_top = margin + 6;
	t->margin_bottom = margin + 6;
	if (landscape) {
		/* A line across a landscape page runs to 170 characters: keep
		 * the measure near the portrait one and spend the width on
		 * margins; height is scarce, so the top and bottom give. */
		double measure = THEME_LANDSCAPE_MEASURE * (h - 2 * margin);

		if (w - 2 * margin > measure)
			t->margin_left = t->margin_right = (w - measure) / 2;
		t->margin_top = t->margin_bottom = 0.8 * margin + 6;
	}
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

void
theme_ink_box(const struct theme *t, double pad, double *x, double *y,
    double *w, double *h)
{
	/* draw.c sets the header's top at margin_top - header_gap and the
	 * footer's bottom at footer_gap below the content. */
	double top = t->margin_top - t->header_gap - pad;
	double bottom = t->page_h - t->margin_bottom + t->footer_gap + pad;
	double left = t->margin_left - pad;
	double right = t->page_w - t->margin_right + pad;

	*x = left > 0 ? left : 0;
	*y = top > 0 ? top : 0;
	*w = (right < t->page_w ? right : t->page_w) - *x;
	*h = (bottom < t->page_h ? bottom : t->page_h) - *y;
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
