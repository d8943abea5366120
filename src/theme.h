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

/* The theme for paper (portrait unless landscape). */
void theme_for_paper(struct theme *t, enum paper paper, bool landscape);
/* Width and height of the content area. */
double theme_content_width(const struct theme *t);
double theme_content_height(const struct theme *t);

#endif
