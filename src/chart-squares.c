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

/* How wide the labels under square c want to be: their natural width,
 * at most wrap. */
static double
chart_squares_label_w(const struct chart_lay *l, size_t c, double wrap)
{
	bool bold = l->g->has_highlight && (size_t)l->d->highlight == c;
	char *v = chart_value_label(l->d, c, 0);
	double wv, wc, h;

	chart_measure_text(l, v, CHART_TEXT_SIZE, true, 0, 0, &wv, &h);
	chart_measure_text(l, l->d->cats[c], CHART_TEXT_SIZE, bold, 0, 0,
	    &wc, &h);
	free(v);
	/* a point spare, so a label set at its slot width keeps one line */
	return fmin(fmax(wv, wc) + 1, wrap);
}

/* Sides and slots of every square with the largest side smax; returns
 * the width of them all in one row. */
static double
chart_squares_size(const struct chart_data *d, double vmax, double smax,
    const double *label_w, double *side, double *slot, bool *stub)
{
	double total = 0;

	for (size_t c = 0; c < d->ncats; c++) {
		side[c] = chart_squares_side(d, c, vmax, smax, &stub[c]);
		slot[c] = fmax(side[c], label_w[c]);
		total += slot[c] + (c > 0 ? CHART_SQUARES_SPACE : 0);
	}
	return total;
}

/* The largest side: squares side by side read best in one row, so when
 * they overflow it they give up to 40% of their side to stay in one;
 * past that they keep their size and wrap. */
static double
chart_squares_smax(const struct chart_data *d, double vmax, double inner,
    const double *label_w, double *side, double *slot, bool *stub)
{
	double hi = fmin(0.4 * inner, 170), lo = 0.6 * hi;

	if (chart_squares_size(d, vmax, hi, label_w, side, slot, stub) <=
	    inner)
		return hi;
	if (chart_squares_size(d, vmax, lo, label_w, side, slot, stub) >
	    inner)
		return hi;
	for (int k = 0; k < 30; k++) {
		double mid = (lo + hi) / 2;

		if (chart_squares_size(d, vmax, mid, label_w, side, slot,
		    stub) <= inner)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

void
chart_squares_layout(struct chart_lay *l)
{
	const struct chart_data *d = l->d;
	size_t n = d->ncats;
	double inner = l->width - 2 * CHART_MARGIN, vmax = 0, smax, wrap;
	double *side = xcalloc(n, sizeof *side), *slot = xcalloc(n,
	    sizeof *slot), *label_w = xcalloc(n, sizeof *label_w), top = l->y;
	bool *stub = xcalloc(n, sizeof *stub);

	for (size_t c = 0; c < n; c++)
		vmax = fmax(vmax, chart_value(d, c, 0)->value);
	/* A small square's slot is as wide as its labels, no wider. */
	wrap = fmin(fmax(inner / n - CHART_SQUARES_SPACE, 60), 140);
	for (size_t c = 0; c < n; c++)
		label_w[c] = chart_squares_label_w(l, c, wrap);
	smax = chart_squares_smax(d, vmax, inner, label_w, side, slot, stub);
	chart_squares_size(d, vmax, smax, label_w, side, slot, stub);
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
	free(label_w);
	free(stub);
}
