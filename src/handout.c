/* handout: the N-up grid — scale, offsets and frames — and one sheet's
 * painting.  Pages are drawn straight onto the sheet through a transform,
 * so the handout stays vector and each font is embedded once. */
#include "handout.h"

#include <math.h>
#include <string.h>

#include "draw.h"

bool
handout_sheet_landscape(int n, bool pages_landscape)
{
	return n == 2 ? !pages_landscape : pages_landscape;
}

/* Two pages go side by side on a wide sheet and one above the other on a
 * tall one; four make a 2 x 2 grid. */
static void
handout_grid(struct handout *h)
{
	h->cols = h->rows = 1;
	if (h->n == 4)
		h->cols = h->rows = 2;
	else if (h->n == 2 && h->sheet_w >= h->sheet_h)
		h->cols = 2;
	else if (h->n == 2)
		h->rows = 2;
}

bool
handout_init(struct handout *h, int n, const struct handout_box *shown,
    double sheet_w, double sheet_h)
{
	double page_w = shown->w, page_h = shown->h;
	double cell_w, cell_h, s, x0, y0;

	memset(h, 0, sizeof *h);
	if ((n != 1 && n != 2 && n != 4) || !(page_w > 0) || !(page_h > 0) ||
	    !(sheet_w > 0) || !(sheet_h > 0))
		return false;
	h->n = n;
	h->shown = *shown;
	h->sheet_w = n == 1 ? page_w : sheet_w;
	h->sheet_h = n == 1 ? page_h : sheet_h;
	handout_grid(h);
	if (n == 1) {
		h->slot[0] = (struct handout_slot){ 0, 0, page_w, page_h, 1 };
		return true;
	}
	cell_w = (sheet_w - 2 * HANDOUT_MARGIN -
	    (h->cols - 1) * HANDOUT_GUTTER) / h->cols;
	cell_h = (sheet_h - 2 * HANDOUT_MARGIN -
	    (h->rows - 1) * HANDOUT_GUTTER) / h->rows;
	if (!(cell_w > 0) || !(cell_h > 0))
		return false;
	s = fmin(cell_w / page_w, cell_h / page_h);
	/* Centre the block of pages, not each page in its cell: the gutter
	 * between pages stays the same whatever the spare room. */
	x0 = (sheet_w - h->cols * page_w * s - (h->cols - 1) *
	    HANDOUT_GUTTER) / 2;
	y0 = (sheet_h - h->rows * page_h * s - (h->rows - 1) *
	    HANDOUT_GUTTER) / 2;
	for (int i = 0; i < n; i++) {
		struct handout_slot *sl = &h->slot[i];
		sl->scale = s;
		sl->w = page_w * s;
		sl->h = page_h * s;
		sl->x = x0 + (i % h->cols) * (sl->w + HANDOUT_GUTTER);
		sl->y = y0 + (i / h->cols) * (sl->h + HANDOUT_GUTTER);
	}
	return true;
}

size_t
handout_sheets(const struct handout *h, size_t pages)
{
	return (pages + (size_t)h->n - 1) / (size_t)h->n;
}

static void
handout_frame(cairo_t *cr, const struct handout_slot *sl)
{
	cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
	cairo_set_line_width(cr, HANDOUT_FRAME);
	cairo_rectangle(cr, sl->x, sl->y, sl->w, sl->h);
	cairo_stroke(cr);
}

void
handout_draw_sheet(cairo_t *cr, struct draw_state *st,
    const struct handout *h, size_t sheet)
{
	size_t npages = st->layout->pages.npages;

	if (h->n == 1) {
		cairo_save(cr);
		cairo_translate(cr, -h->shown.x, -h->shown.y);
		draw_page(cr, st, sheet);
		cairo_restore(cr);
		return;
	}
	for (size_t i = 0; i < (size_t)h->n; i++) {
		const struct handout_slot *sl = &h->slot[i];
		size_t page = sheet * (size_t)h->n + i;

		if (page >= npages)
			break;
		cairo_save(cr);
		cairo_translate(cr, sl->x, sl->y);
		cairo_scale(cr, sl->scale, sl->scale);
		cairo_translate(cr, -h->shown.x, -h->shown.y);
		cairo_rectangle(cr, h->shown.x, h->shown.y, h->shown.w,
		    h->shown.h);
		cairo_clip(cr);
		draw_page(cr, st, page);
		cairo_restore(cr);
		handout_frame(cr, sl);
	}
}
