/* handout: N-up imposition — where each report page sits on a sheet, as
 * plain geometry computed without Cairo, and the painting of one sheet. */
#ifndef FIGPRESS_HANDOUT_H
#define FIGPRESS_HANDOUT_H

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

#define HANDOUT_MAX 4		/* pages on one sheet, at most */
#define HANDOUT_MARGIN 18.0	/* sheet edge to pages: printers' reach */
#define HANDOUT_GUTTER 14.0	/* between neighbouring pages */
#define HANDOUT_FRAME 0.4	/* frame line width on the sheet */

struct draw_state;

/* A rectangle in points. */
struct handout_box {
	double x, y, w, h;
};

/* A page's place on its sheet, in sheet points. */
struct handout_slot {
	double x, y;		/* top-left corner of the scaled shown box */
	double w, h;		/* the scaled shown box: its frame */
	double scale;		/* page points to sheet points */
};

struct handout {
	int n;			/* pages a sheet: 1 (no imposition), 2 or 4 */
	int cols, rows;
	double sheet_w, sheet_h;
	struct handout_box shown;	/* the part of each page shown */
	struct handout_slot slot[HANDOUT_MAX];	/* reading order */
};

/* True when an n-up sheet for pages of the given orientation is turned
 * landscape: 2-up turns the sheet against the pages, 4-up keeps it. */
bool handout_sheet_landscape(int n, bool pages_landscape);
/* Impose n pages (1, 2 or 4) on sheets of sheet_w x sheet_h, showing the
 * box shown of each page (its ink, without the page's own margins): one
 * uniform scale, the block of pages centred, left to right then top to
 * bottom.  n == 1 is the identity: sheet = shown, at scale 1, no frame.
 * False when n is not 1, 2 or 4 or a size is not positive. */
bool handout_init(struct handout *h, int n, const struct handout_box *shown,
    double sheet_w, double sheet_h);
/* Sheets needed for pages: ceil(pages / n). */
size_t handout_sheets(const struct handout *h, size_t pages);
/* Paint sheet (0-based) of st's layout on cr: its pages at their slots,
 * clipped to the page and framed.  Sheets must be painted in order. */
void handout_draw_sheet(cairo_t *cr, struct draw_state *st,
    const struct handout *h, size_t sheet);

#endif
