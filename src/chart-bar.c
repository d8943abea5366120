/* chart-bar: the geometry of bar, hbar, grouped and stacked charts — plot
 * area, bars along the value axis, value and category labels, ticks, grid
 * and the marks of a broken axis. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart-private.h"
#include "numfmt.h"
#include "xmalloc.h"

#define CHART_BAR_GAP_LEN 14.0	/* the cut of a broken axis, in points */
#define CHART_BAR_GAP_WIDE 26.0	/* across: room for both edge ticks */
#define CHART_BAR_MARK 1.5	/* half the slant of a break mark */

/* Where the plot is and how its value axis runs. */
struct chart_bar_plot {
	struct chart_rect r;
	bool horizontal;
	bool stacked;
	double slot;		/* category slot along the category axis */
	double thick;		/* one bar's thickness */
};

/* Value v as a coordinate along the value axis (x or y in points). */
static double
chart_bar_at(const struct chart_lay *l, const struct chart_bar_plot *p,
    double v)
{
	double f = scale_pos(&l->sc, v);

	return p->horizontal ? p->r.x + f * p->r.w :
	    p->r.y + p->r.h - f * p->r.h;
}

/* The value bars start from: zero, or a log axis's baseline. */
static double
chart_bar_base(const struct chart_lay *l)
{
	return l->sc.kind == SCALE_LOG ? l->sc.lo : 0;
}

/* A rectangle from value a to value b across [c0, c0 + thick) on the
 * category axis; a non-zero span shorter than CHART_STUB is stretched to
 * it away from a, and *stub says so. */
static struct chart_rect
chart_bar_span(const struct chart_lay *l, const struct chart_bar_plot *p,
    double a, double b, double c0, bool *stub)
{
	double u = chart_bar_at(l, p, a), v = chart_bar_at(l, p, b);
	double sign = v >= u ? 1 : -1;

	*stub = b != a && fabs(v - u) < CHART_STUB;
	if (*stub)
		v = u + sign * CHART_STUB;
	if (p->horizontal)
		return (struct chart_rect){ fmin(u, v), c0, fabs(v - u),
		    p->thick };
	return (struct chart_rect){ c0, fmin(u, v), p->thick, fabs(v - u) };
}

static bool
chart_bar_crosses_cut(const struct chart_lay *l, double a, double b)
{
	return l->sc.kind == SCALE_BROKEN && fmin(a, b) <= l->sc.cut_lo &&
	    fmax(a, b) >= l->sc.cut_hi;
}

static size_t
chart_bar_put(struct chart_lay *l, const struct chart_bar_plot *p,
    size_t cat, size_t s, double a, double b, double c0)
{
	bool stub;
	struct chart_rect r = chart_bar_span(l, p, a, b, c0, &stub);
	size_t i = chart_add_bar(l, r, cat, s);

	l->g->bars[i].stub = stub;
	l->g->bars[i].cut = chart_bar_crosses_cut(l, a, b);
	return i;
}

/* Keep a label inside [lo, hi] across the category axis. */
static void
chart_bar_clamp_x(struct chart_rect *r, double lo, double hi)
{
	if (r->x + r->w > hi)
		r->x = hi - r->w;
	if (r->x < lo)
		r->x = lo;
}

/* Slide a label wider than its bar to whichever side is free: centred,
 * then flush with the bar's right edge, then its left; false when none is
 * (the label is left centred). */
static bool
chart_bar_label_slide(struct chart_lay *l, const struct chart_bar_plot *p,
    size_t t, const struct chart_rect *b)
{
	struct chart_rect *r = &l->g->texts[t].r;
	double x[3] = { b->x + (b->w - r->w) / 2, b->x + b->w - r->w, b->x };

	for (int k = 0; k < 3; k++) {
		r->x = x[k];
		chart_bar_clamp_x(r, p->r.x, p->r.x + p->r.w);
		if (chart_clear(l, t))
			return true;
	}
	r->x = x[0];
	chart_bar_clamp_x(r, p->r.x, p->r.x + p->r.w);
	return false;
}

/* Most categories whose value labels fit side by side set upright. */
static double
chart_bar_most_upright(const struct chart_lay *l,
    const struct chart_bar_plot *p)
{
	size_t n = p->stacked ? 1 : l->d->nseries;

	/* Bars of a group touch, so each needs a line of its own; a lone
	 * bar may share its slot's air. */
	return n > 1 ? floor(p->r.w * 0.8 / ((double)n * l->line_h)) :
	    floor(p->r.w / l->line_h);
}

/* Value label t set upright just past the end of its bar b. */
static void
chart_bar_label_upright(struct chart_lay *l, const struct chart_bar_plot *p,
    size_t t, const struct chart_rect *b, bool negative)
{
	struct chart_text *x = &l->g->texts[t];
	double w = x->r.w;

	x->vertical = true;
	x->wrap = 0;
	x->r.w = x->r.h;
	x->r.h = w;
	x->r.x = b->x + (b->w - x->r.w) / 2;
	x->r.y = negative ? b->y + b->h + 2 : b->y - 2 - x->r.h;
	if (chart_clear(l, t))
		return;
	if (p->stacked || l->d->nseries == 1)
		chart_fail(l, "chart: type: %zu categories do not fit side by "
		    "side in this chart (at most %.0f at its width); use type: "
		    "hbar, or chart fewer", l->d->ncats,
		    chart_bar_most_upright(l, p));
	else
		chart_fail(l, "chart: type: %zu categories of %zu bars do not "
		    "fit side by side with their values (at most %.0f at this "
		    "width); use type: hbar, or chart fewer", l->d->ncats,
		    l->d->nseries, chart_bar_most_upright(l, p));
}

/* The value label of bar bi, beyond its end: above (or below a negative
 * bar) when vertical, right (or left) when horizontal.  A vertical label
 * is one line; when one finds no clear place the chart is crowded, and
 * its labels are set again upright (l->turned). */
static void
chart_bar_label_end(struct chart_lay *l, const struct chart_bar_plot *p,
    size_t bi, char *text, double wrap, bool negative)
{
	struct chart_rect b = l->g->bars[bi].r;
	bool bold = l->g->bars[bi].highlight;
	size_t t = chart_put_text(l, CHART_TEXT_VALUE, text, 0, 0,
	    CHART_TEXT_SIZE, bold, p->horizontal ? -1 : 0,
	    p->horizontal ? wrap : 0);
	struct chart_rect *r = &l->g->texts[t].r;

	if (p->horizontal) {
		r->x = negative ? b.x - 3 - r->w : b.x + b.w + 3;
		r->y = b.y + (b.h - r->h) / 2;
		return;
	}
	if (l->turned) {
		chart_bar_label_upright(l, p, t, &b, negative);
		return;
	}
	r->y = negative ? b.y + b.h + 2 : b.y - 2 - r->h;
	if (!chart_bar_label_slide(l, p, t, &b))
		l->crowded = true;
}

/* Bars of one category side by side (one series, or grouped). */
static void
chart_bar_group(struct chart_lay *l, const struct chart_bar_plot *p,
    size_t cat, double c0)
{
	const struct chart_data *d = l->d;

	for (size_t s = 0; s < d->nseries; s++)
		chart_bar_put(l, p, cat, s, chart_bar_base(l),
		    chart_value(d, cat, s)->value, c0 + s * p->thick);
}

/* The value labels of bars [b0, b0 + nseries) of category cat. */
static void
chart_bar_group_labels(struct chart_lay *l, const struct chart_bar_plot *p,
    size_t b0, size_t cat, double wrap)
{
	const struct chart_data *d = l->d;

	for (size_t s = 0; s < d->nseries; s++)
		chart_bar_label_end(l, p, b0 + s, chart_value_label(d, cat, s),
		    wrap, chart_value(d, cat, s)->value < chart_bar_base(l));
}

/* The room beside stack b for a segment's label: right, up to the next
 * stack or the box edge, and left, back to the previous stack. */
static void
chart_bar_beside_room(const struct chart_bar_plot *p,
    const struct chart_rect *b, double *right, double *left)
{
	double gap = p->slot - p->thick;
	bool first = b->x - gap < p->r.x, last = b->x + b->w + gap >
	    p->r.x + p->r.w;

	*right = (last ? gap / 2 + CHART_MARGIN : gap) - 6;
	*left = (first ? gap / 2 : gap) - 6;
}

/* A segment's label: inside when it fits, else beside the stack on one
 * line (a figure is best not broken), right of it or else left of it;
 * only when neither side has the room is it wrapped on the right.  Then
 * lifted past what it would cover. */
static void
chart_bar_label_segment(struct chart_lay *l, const struct chart_bar_plot *p,
    size_t bi, size_t cat, size_t s)
{
	struct chart_rect b = l->g->bars[bi].r;
	char *text = chart_value_label(l->d, cat, s);
	double w, h, right, left;
	size_t t;

	chart_measure_text(l, text, CHART_TEXT_SIZE, false, 0, 0, &w, &h);
	if (w + 4 <= b.w && h + 2 <= b.h) {
		t = chart_add_text(l, CHART_TEXT_VALUE, text,
		    b.x + (b.w - w) / 2, b.y + (b.h - h) / 2, w, h,
		    CHART_TEXT_SIZE, false, 0, 0);
		l->g->texts[t].on_bar = true;
		return;
	}
	chart_bar_beside_room(p, &b, &right, &left);
	if (w <= right || w > left)
		t = chart_put_text(l, CHART_TEXT_VALUE, text, b.x + b.w + 3, 0,
		    CHART_TEXT_SIZE, false, -1, w <= right ? 0 :
		    fmax(right, 24));
	else
		t = chart_put_text(l, CHART_TEXT_VALUE, text, b.x - 3 - w, 0,
		    CHART_TEXT_SIZE, false, -1, 0);
	l->g->texts[t].r.y = b.y + (b.h - l->g->texts[t].r.h) / 2;
	chart_unclash(l, t, -1);
}

/* One stack: segments from zero up. */
static void
chart_bar_stack(struct chart_lay *l, const struct chart_bar_plot *p,
    size_t cat, double c0)
{
	const struct chart_data *d = l->d;
	double sum = 0;

	for (size_t s = 0; s < d->nseries; s++) {
		double v = chart_value(d, cat, s)->value;

		chart_bar_put(l, p, cat, s, sum, sum + v, c0);
		sum += v;
	}
}

/* A stack's segment labels and its total on top. */
static void
chart_bar_stack_labels(struct chart_lay *l, const struct chart_bar_plot *p,
    size_t b0, size_t cat, double wrap)
{
	const struct chart_data *d = l->d;
	struct figure total = chart_total(d, cat);

	for (size_t s = 0; s < d->nseries; s++)
		chart_bar_label_segment(l, p, b0 + s, cat, s);
	if (d->nseries > 1)
		chart_bar_label_end(l, p, b0 + d->nseries - 1,
		    numfmt_label(&total, d->lang), wrap, false);
}

/* Text of tick v; caller frees. */
static char *
chart_bar_tick_text(const struct chart_lay *l, double v)
{
	return numfmt_tick(v, l->unit, l->d->lang);
}

static bool
chart_bar_tick_clear(const struct chart_lay *l, size_t tick0,
    const struct chart_rect *r)
{
	for (size_t k = tick0; k < l->g->ntexts; k++) {
		const struct chart_rect *o = &l->g->texts[k].r;

		if (r->x < o->x + o->w + 2 && o->x < r->x + r->w + 2 &&
		    r->y < o->y + o->h && o->y < r->y + r->h)
			return false;
	}
	return true;
}

/* One tick: its grid line, or its label where it does not crowd one
 * already placed; false when the label had no room. */
static bool
chart_bar_tick(struct chart_lay *l, const struct chart_bar_plot *p,
    const struct scale_tick *tk, size_t tick0, bool labels)
{
	double at = chart_bar_at(l, p, tk->value), w, h;
	const struct chart_rect *r = &p->r;
	struct chart_rect box;
	char *text;

	if (!labels) {
		if (tk->value != chart_bar_base(l))
			chart_add_line(l, CHART_LINE_GRID,
			    p->horizontal ? at : r->x,
			    p->horizontal ? r->y : at,
			    p->horizontal ? at : r->x + r->w,
			    p->horizontal ? r->y + r->h : at);
		return true;
	}
	text = chart_bar_tick_text(l, tk->value);
	chart_measure_text(l, text, CHART_SMALL_SIZE, false, 0,
	    p->horizontal ? 0 : 1, &w, &h);
	box = p->horizontal ?
	    (struct chart_rect){ at - w / 2, r->y + r->h + 3, w, h } :
	    (struct chart_rect){ r->x - 5 - w, at - h / 2, w, h };
	chart_bar_clamp_x(&box, CHART_MARGIN, l->width - CHART_MARGIN);
	if (!chart_bar_tick_clear(l, tick0, &box)) {
		free(text);
		return false;
	}
	chart_add_text(l, CHART_TEXT_TICK, text, box.x, box.y, w, h,
	    CHART_SMALL_SIZE, false, p->horizontal ? 0 : 1, 0);
	return true;
}

/* Labels of every stride-th major tick from the first; false (and none
 * kept) when one of them has no room. */
static bool
chart_bar_major_labels(struct chart_lay *l, const struct chart_bar_plot *p,
    size_t stride, size_t tick0)
{
	size_t nth = 0;

	for (size_t k = 0; k < l->sc.nticks; k++) {
		if (!l->sc.ticks[k].major || nth++ % stride != 0)
			continue;
		if (!chart_bar_tick(l, p, &l->sc.ticks[k], tick0, true)) {
			chart_drop_texts(l, tick0);
			return false;
		}
	}
	return true;
}

/* Grid lines for every tick; labels for the major ones, thinned evenly
 * when they crowd (every other decade, not whichever happened to fit),
 * and for the minor ones between where they fit. */
static void
chart_bar_ticks(struct chart_lay *l, const struct chart_bar_plot *p)
{
	size_t tick0 = l->g->ntexts, stride = 1;

	for (size_t k = 0; k < l->sc.nticks; k++)
		chart_bar_tick(l, p, &l->sc.ticks[k], tick0, false);
	while (stride < l->sc.nticks &&
	    !chart_bar_major_labels(l, p, stride, tick0))
		stride++;
	if (stride > 1)
		return;
	for (size_t k = 0; k < l->sc.nticks; k++)
		if (!l->sc.ticks[k].major)
			chart_bar_tick(l, p, &l->sc.ticks[k], tick0, true);
}

/* A pair of slanted marks across [c0, c1) at the two edges of the cut. */
static void
chart_bar_break_pair(struct chart_lay *l, const struct chart_bar_plot *p,
    double c0, double c1)
{
	double e[2] = { chart_bar_at(l, p, l->sc.cut_lo),
	    chart_bar_at(l, p, l->sc.cut_hi) };
	const double m = CHART_BAR_MARK;

	for (int k = 0; k < 2; k++) {
		if (p->horizontal)
			chart_add_line(l, CHART_LINE_BREAK, e[k] - m, c1,
			    e[k] + m, c0);
		else
			chart_add_line(l, CHART_LINE_BREAK, c0, e[k] + m, c1,
			    e[k] - m);
	}
}

/* The baseline, and for a broken axis the value axis with its break
 * marks and the marks across every bar that crosses the cut. */
static void
chart_bar_axes(struct chart_lay *l, const struct chart_bar_plot *p)
{
	const struct chart_rect *r = &p->r;
	double at = chart_bar_at(l, p, chart_bar_base(l));
	double lo, hi;

	if (p->horizontal)
		chart_add_line(l, CHART_LINE_AXIS, at, r->y, at, r->y + r->h);
	else
		chart_add_line(l, CHART_LINE_AXIS, r->x, at, r->x + r->w, at);
	if (l->sc.kind != SCALE_BROKEN)
		return;
	lo = chart_bar_at(l, p, l->sc.cut_lo);
	hi = chart_bar_at(l, p, l->sc.cut_hi);
	if (p->horizontal) {
		chart_add_line(l, CHART_LINE_AXIS, r->x, r->y + r->h, lo,
		    r->y + r->h);
		chart_add_line(l, CHART_LINE_AXIS, hi, r->y + r->h,
		    r->x + r->w, r->y + r->h);
		chart_bar_break_pair(l, p, r->y + r->h - 3, r->y + r->h + 3);
	} else {
		chart_add_line(l, CHART_LINE_AXIS, r->x, r->y + r->h, r->x,
		    lo);
		chart_add_line(l, CHART_LINE_AXIS, r->x, hi, r->x, r->y);
		chart_bar_break_pair(l, p, r->x - 3, r->x + 3);
	}
	for (size_t i = 0; i < l->g->nbars; i++) {
		const struct chart_rect *b = &l->g->bars[i].r;

		if (!l->g->bars[i].cut)
			continue;
		if (p->horizontal)
			chart_bar_break_pair(l, p, b->y - 2, b->y + b->h + 2);
		else
			chart_bar_break_pair(l, p, b->x - 2, b->x + b->w + 2);
	}
}

/* A category label fitted to lines lines at wrap; caller owns the text,
 * *w and *h get its size. */
static char *
chart_bar_cat_text(const struct chart_lay *l, size_t cat, double wrap,
    int lines, int align, double *w, double *h)
{
	bool bold = l->g->has_highlight && (size_t)l->d->highlight == cat;
	char *text = chart_fit_lines(l, l->d->cats[cat], CHART_TEXT_SIZE,
	    bold, wrap, lines);

	chart_measure_text(l, text, CHART_TEXT_SIZE, bold, wrap, align, w, h);
	return text;
}

static void
chart_bar_cat_label(struct chart_lay *l, size_t cat, double x, double y,
    double wrap, int lines, int align)
{
	bool bold = l->g->has_highlight && (size_t)l->d->highlight == cat;
	double w, h;
	char *text = chart_bar_cat_text(l, cat, wrap, lines, align, &w, &h);

	if (align == 0)
		x -= w / 2;
	else if (align == 1)
		x -= w;
	chart_add_text(l, CHART_TEXT_CATEGORY, text, x, y - h / 2 *
	    (align != 0), w, h, CHART_TEXT_SIZE, bold, align, wrap);
}

/* The widest tick label, for the gutter of a vertical chart. */
static double
chart_bar_tick_width(const struct chart_lay *l)
{
	double best = 0, w, h;

	for (size_t k = 0; k < l->sc.nticks; k++) {
		char *t = chart_bar_tick_text(l, l->sc.ticks[k].value);

		chart_measure_text(l, t, CHART_SMALL_SIZE, false, 0, 1, &w,
		    &h);
		best = fmax(best, w);
		free(t);
	}
	return best;
}

/* The value labels of every category, bars from b0 on. */
static void
chart_bar_value_labels(struct chart_lay *l, const struct chart_bar_plot *p,
    size_t b0, double wrap)
{
	for (size_t c = 0; c < l->d->ncats; c++) {
		size_t bc = b0 + c * l->d->nseries;

		if (p->stacked)
			chart_bar_stack_labels(l, p, bc, c, wrap);
		else
			chart_bar_group_labels(l, p, bc, c, wrap);
	}
}

/* Bars of each category along the category axis; then their labels, so
 * each label sees every bar it could run into.  Vertical labels that
 * crowd each other are all set again upright: a label lifted away from
 * its bar would be read as another bar's. */
static void
chart_bar_bars(struct chart_lay *l, const struct chart_bar_plot *p,
    double group, double wrap)
{
	size_t b0 = l->g->nbars, t0;

	for (size_t c = 0; c < l->d->ncats; c++) {
		double c0 = (p->horizontal ? p->r.y : p->r.x) + c * p->slot +
		    (p->slot - group) / 2;

		if (p->stacked)
			chart_bar_stack(l, p, c, c0);
		else
			chart_bar_group(l, p, c, c0);
	}
	t0 = l->g->ntexts;
	chart_bar_value_labels(l, p, b0, wrap);
	if (!p->horizontal && l->crowded) {
		chart_drop_texts(l, t0);
		l->turned = true;
		chart_bar_value_labels(l, p, b0, wrap);
	}
}

/* True when every word of text fits on a line of wrap points (so Pango
 * need not break inside one). */
static bool
chart_bar_words_fit(const struct chart_lay *l, const char *text, bool bold,
    double wrap)
{
	char *copy = xstrdup(text), *save = NULL, *w;
	bool fit = true;
	double ww, wh;

	for (w = strtok_r(copy, " ", &save); w && fit;
	    w = strtok_r(NULL, " ", &save)) {
		chart_measure_text(l, w, CHART_TEXT_SIZE, bold, 0, -1,
		    &ww, &wh);
		fit = ww <= wrap;
	}
	free(copy);
	return fit;
}

/* Whether the category labels of a vertical chart read across under
 * their bars: each slot wide enough, and no word wider than it. */
static bool
chart_bar_cats_across(const struct chart_lay *l, double wrap)
{
	if (wrap < CHART_CAT_MIN_WRAP)
		return false;
	for (size_t c = 0; c < l->d->ncats; c++) {
		bool bold = l->g->has_highlight &&
		    (size_t)l->d->highlight == c;

		if (!chart_bar_words_fit(l, l->d->cats[c], bold, wrap))
			return false;
	}
	return true;
}

/* Category labels set upright under the axis (top at y), one line each,
 * cut with "…" past CHART_TURNED_MAX. */
static void
chart_bar_cats_upright(struct chart_lay *l, const struct chart_bar_plot *p,
    double y)
{
	/* Upright labels a line apart read like lines of text. */
	if (p->slot < l->line_h - 0.01)
		chart_fail(l, "chart: type: %zu categories do not fit side by "
		    "side in this chart (at most %.0f at its width); use type: "
		    "hbar, or chart fewer", l->d->ncats,
		    floor(p->r.w / l->line_h));
	for (size_t c = 0; c < l->d->ncats; c++) {
		bool bold = l->g->has_highlight &&
		    (size_t)l->d->highlight == c;
		char *text = chart_fit_lines(l, l->d->cats[c],
		    CHART_TEXT_SIZE, bold, CHART_TURNED_MAX, 1);
		size_t t = chart_put_turned(l, CHART_TEXT_CATEGORY, text, 0, y,
		    CHART_TEXT_SIZE, bold);
		struct chart_rect *r = &l->g->texts[t].r;

		r->x = p->r.x + (c + 0.5) * p->slot - r->w / 2;
	}
}

static void
chart_bar_vertical(struct chart_lay *l, struct chart_bar_plot *p)
{
	const struct chart_data *d = l->d;
	size_t n = p->stacked ? 1 : d->nseries, t0 = l->g->ntexts;
	double gutter = chart_bar_tick_width(l) + 5, group, below;

	p->r.x = CHART_MARGIN + gutter;
	p->r.w = l->width - CHART_MARGIN - p->r.x;
	p->r.h = fmin(fmax(l->width * 0.40, CHART_PLOT_MIN), 320);
	if (l->caps.plot_h > 0)
		p->r.h = fmin(p->r.h, l->caps.plot_h);
	p->r.y = 0;
	p->slot = p->r.w / d->ncats;
	p->thick = p->stacked ? fmin(p->slot * 0.5, 56) :
	    n > 1 ? fmin(p->slot * 0.8 / n, 44) : fmin(p->slot * 0.64, 72);
	group = p->thick * n;
	l->sc.gap = CHART_BAR_GAP_LEN / p->r.h;
	chart_bar_bars(l, p, group, 0);
	below = p->r.y + p->r.h;
	for (size_t i = t0; i < l->g->ntexts; i++)
		below = fmax(below, l->g->texts[i].r.y + l->g->texts[i].r.h);
	if (!chart_bar_cats_across(l, p->slot - 4)) {
		chart_bar_cats_upright(l, p, below + 4);
		return;
	}
	for (size_t c = 0; c < d->ncats; c++)
		chart_bar_cat_label(l, c, p->r.x + (c + 0.5) * p->slot,
		    below + 4, p->slot - 4, CHART_CAT_LINES, 0);
}

/* Widest natural (unwrapped) width of the category or value labels. */
static double
chart_bar_widest(const struct chart_lay *l, bool values)
{
	double best = 0, w, h;

	for (size_t c = 0; c < l->d->ncats; c++) {
		for (size_t s = 0; s < (values ? l->d->nseries : 1); s++) {
			char *t = values ? chart_value_label(l->d, c, s) :
			    xstrdup(l->d->cats[c]);

			chart_measure_text(l, t, CHART_TEXT_SIZE, true, 0, -1,
			    &w, &h);
			best = fmax(best, w);
			free(t);
		}
	}
	return best;
}

static bool
chart_bar_any_negative(const struct chart_data *d)
{
	for (size_t i = 0; i < d->ncats * d->nseries; i++)
		if (d->values[i].value < 0)
			return true;
	return false;
}

/* The tallest category label at wrap, and a row tall enough for it. */
static double
chart_bar_row(const struct chart_lay *l, double wrap, double bars)
{
	double row = bars, w, h;

	for (size_t c = 0; c < l->d->ncats; c++) {
		free(chart_bar_cat_text(l, c, wrap, CHART_CAT_LINES, 1, &w,
		    &h));
		row = fmax(row, h);
	}
	return row + 10;
}

/* The rows of a horizontal chart: as tall as their labels want, or as
 * l->caps.row allows (thinner bars, labels on fewer lines) so the chart
 * fits a page.  Sets the slot and bar thickness; returns the lines a
 * category label may take. */
static int
chart_bar_rows(struct chart_lay *l, struct chart_bar_plot *p, double cw)
{
	size_t n = l->d->nseries;
	int lines;

	p->thick = n > 1 ? 11 : 16;
	p->slot = chart_bar_row(l, cw, p->thick * (double)n);
	if (!(l->caps.row > 0 && l->caps.row < p->slot))
		return CHART_CAT_LINES;
	p->slot = l->caps.row;
	p->thick = fmin(p->thick, (p->slot - 4) / (double)n);
	lines = (int)floor((p->slot - 2) / l->line_h);
	return lines < 1 ? 1 : lines > CHART_CAT_LINES ? CHART_CAT_LINES :
	    lines;
}

static void
chart_bar_horizontal(struct chart_lay *l, struct chart_bar_plot *p)
{
	const struct chart_data *d = l->d;
	double inner = l->width - 2 * CHART_MARGIN;
	double cw = fmin(chart_bar_widest(l, false), 0.38 * inner);
	double vw = fmin(chart_bar_widest(l, true) + 4, 0.3 * inner);
	double neg = chart_bar_any_negative(d) ? vw : 0;
	int lines = chart_bar_rows(l, p, cw);

	p->r.x = CHART_MARGIN + cw + 8 + neg;
	p->r.w = l->width - CHART_MARGIN - vw - p->r.x;
	p->r.y = 0;
	p->r.h = p->slot * d->ncats;
	l->sc.gap = CHART_BAR_GAP_WIDE / p->r.w;
	chart_bar_bars(l, p, p->thick * d->nseries, vw - 4);
	for (size_t c = 0; c < d->ncats; c++)
		chart_bar_cat_label(l, c, CHART_MARGIN + cw,
		    p->r.y + (c + 0.5) * p->slot, cw, lines, 1);
}

void
chart_bar_layout(struct chart_lay *l)
{
	struct chart_bar_plot p;
	size_t bar0 = l->g->nbars, text0 = l->g->ntexts;
	size_t line0 = l->g->nlines;
	struct chart_rect e;

	memset(&p, 0, sizeof p);
	l->body_text0 = text0;
	p.horizontal = l->d->type == CHART_HBAR;
	p.stacked = l->d->type == CHART_STACKED;
	if (p.horizontal)
		chart_bar_horizontal(l, &p);
	else
		chart_bar_vertical(l, &p);
	/* Axes and ticks once every bar is known (the cut bars get marks). */
	chart_bar_ticks(l, &p);
	chart_bar_axes(l, &p);
	/* Built downwards from y = 0 with labels above it; now hang the
	 * whole body from the cursor. */
	e = chart_extent(l, bar0, text0, line0);
	chart_shift(l, bar0, text0, line0, 0, l->y - e.y);
	l->g->plot = p.r;
	l->g->plot.y += l->y - e.y;
	l->y += e.h;
}
