/* theme: page geometry and type sizes for a paper size — the numbers of
 * the house style in one place, in points. */
#ifndef FIGPRESS_THEME_H
#define FIGPRESS_THEME_H

#include <stdbool.h>

#include "doc.h"

struct theme {
	double page_w, page_h;
	double margin_top, margin_bottom, margin_left, margin_right;
	double header_gap;	/* running header baseline above content */
	double footer_gap;	/* footer baseline below content */
	double body_size;	/* serif body text */
	double line_spacing;	/* Pango line-height factor of body text */
	double para_gap;	/* space between paragraphs */
	double h_size[4];	/* [0] title, [1..3] headings */
	double small_size;	/* captions, header, footer, tables */
	double table_size;
	double indent;		/* list and quote indent */
};

/* The page palette in sRGB (0..1), one place for draw.c and layout.c.  It
 * must survive a greyscale printer: tests/unit/check-theme.c holds the
 * luma spacing these keep (text readable, rules visible, links apart from
 * body text). */
#define THEME_INK	{ 0.10, 0.10, 0.11 }	/* body text */
#define THEME_MUTED	{ 0.36, 0.38, 0.40 }	/* furniture, secondary */
#define THEME_HAIRLINE	{ 0.75, 0.76, 0.78 }	/* rules, quote bars */
#define THEME_ACCENT	{ 0.09, 0.27, 0.45 }	/* the title rule */
#define THEME_SHADE	{ 0.95, 0.95, 0.96 }	/* code and header grounds */
#define THEME_LINK	{ 0.10, 0.35, 0.63 }	/* link text */

/* Rec. 709 luma of an sRGB colour: the grey a greyscale printer keeps. */
double theme_luma(double r, double g, double b);
/* Width and height in points of paper, turned when landscape. */
void theme_paper_size(enum paper paper, bool landscape, double *w,
    double *h);
/* The theme for paper (portrait unless landscape). */
void theme_for_paper(struct theme *t, enum paper paper, bool landscape);
/* The part of the page that carries ink — content, running header and
 * footer — grown by pad on every side and kept inside the page: what a
 * handout shows of each page. */
void theme_ink_box(const struct theme *t, double pad, double *x, double *y,
    double *w, double *h);
/* Width and height of the content area. */
double theme_content_width(const struct theme *t);
double theme_content_height(const struct theme *t);

#endif
