/* chart-squares: proportional-area squares side by side — area follows the
 * value, so a side follows its square root — labelled under each square,
 * in rows that wrap when the box is full. */
#include <math.h>
#include <stdlib.h>

#include "chart-private.h"
#include "xmalloc.h"

#define CHART_SQUARES_SPACE 12.0	/* between slots in a row */

struct chart_squares_row {
	size_t first, end;	/* categories [first, end) */
	double width;		/* slots and spaces */
	double side;		/* the largest side in the row */
};

/* Side of each square: the largest is smax, the others by area; a value
 * too small to see is drawn at CHART_SQUARE_MIN and flagged as a stub. */
static double
chart_squares_side(const struct chart_data *d, size_t c, double vmax,
    double smax, bool *stub)
{
	double v = chart_value(d, c, 0)->value;
	double side = vmax > 0 ? smax * sqrt(fmax(v, 0) / vmax) : 0;

	*stub = v > 0 && side < CHART_SQUARE_MIN;
	return *stub ? CHART_SQUARE_MIN : side;
}

/* The next row from category first: as many slots as fit in inner. */
static struct chart_squares_row
chart_squares_row(const double *slot, const double *side, size_t n,
    size_t first, double inner)
{
	struct chart_squares_row r = { first, first, 0, 0 };

	while (r.end < n) {
		double add = slot[r.end] + (r.end > first ?
		    CHART_SQUARES_SPACE : 0);

		if (r.end > first && r.width + add > inner)
			break;
		r.width += add;
		r.side = fmax(r.side, side[r.end]);
		r.end++;
	}
	return r;
}

/* Value and category labels under a slot; returns their height. */
static double
chart_squares_labels(struct chart_lay *l, size_t c, double cx, double y,
    double wrap)
{
	bool bold = l->g->has_highlight && (size_t)l->d->highlight == c;
	size_t v = chart_put_text(l, CHART_TEXT_VALUE,
	    chart_value_label(l->d, c, 0), 0, y, CHART_TEXT_SIZE, true, 0,
	    wrap);
	char *name = chart_fit_lines(l, l->d->cats[c], CHART_TEXT_SIZE, bold,
	    wrap, CHART_CAT_LINES);
	struct chart_text *t = &l->g->texts[v];
	size_t k;

	t->r.x = cx - t->r.w / 2;
	k = chart_put_text(l, CHART_TEXT_CATEGORY, name, 0,
	    y + t->r.h + 1, CHART_TEXT_SIZE, bold, 0, wrap);
	t = &l->g->texts[k];
	t->r.x = cx - t->r.w / 2;
	return t->r.y + t->r.h - y;
}

/* One row: squares on a common baseline, centred in the box. */
static void
chart_squares_place(struct chart_lay *l, const struct chart_squares_row *r,
    const double *slot, const double *side, const bool *stub, double wrap)
{
	double x = CHART_MARGIN + (l->width - 2 * CHART_MARGIN - r->width) / 2;
	double base = l->y + r->side, below = 0;

	for (size_t c = r->first; c < r->end; c++) {
		struct chart_rect q = { x + (slot[c] - side[c]) / 2,
		    base - side[c], side[c], side[c] };
		size_t b = chart_add_bar(l, q, c, 0);

		l->g->bars[b].stub = stub[c];
		below = fmax(below, chart_squares_labels(l, c,
		    x + slot[c] / 2, base + 4, fmin(wrap, slot[c])));
		x += slot[c] + CHART_SQUARES_SPACE;
	}
	l->y = base + 4 + below + 10;
}

void
chart_squares_layout(struct chart_lay *l)
{
	const struct chart_data *d = l->d;
	size_t n = d->ncats;
	double inner = l->width - 2 * CHART_MARGIN, vmax = 0, smax, wrap;
	double *side = xcalloc(n, sizeof *side), *slot = xcalloc(n,
	    sizeof *slot), top = l->y;
	bool *stub = xcalloc(n, sizeof *stub);

	for (size_t c = 0; c < n; c++)
		vmax = fmax(vmax, chart_value(d, c, 0)->value);
	smax = fmin(0.4 * inner, 170);
	wrap = fmin(fmax(inner / n - CHART_SQUARES_SPACE, 60), 140);
	for (size_t c = 0; c < n; c++) {
		side[c] = chart_squares_side(d, c, vmax, smax, &stub[c]);
		slot[c] = fmax(side[c], wrap);
	}
	for (size_t c = 0; c < n;) {
		struct chart_squares_row r = chart_squares_row(slot, side, n,
		    c, inner);

		chart_squares_place(l, &r, slot, side, stub, wrap);
		c = r.end;
	}
	l->y -= 10;
	l->g->plot = (struct chart_rect){ CHART_MARGIN, top, inner,
	    l->y - top };
	free(side);
	free(slot);
	free(stub);
}
