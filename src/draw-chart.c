/* draw-chart: paints chart geometry with Cairo — grid, bars (hatched in
 * greyscale, faded at an open lower-bound end, cut at a break), axes,
 * break marks, legend swatches and texts.  It decides no position. */
#include "draw.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "fontuse.h"
#include "measure.h"

#define DRAW_CHART_HAIRLINE 0.25
#define DRAW_CHART_AXIS 0.6
#define DRAW_CHART_FADE 28.0	/* longest fade of an open end, points */
#define DRAW_CHART_SPECK 5.0	/* a mark smaller than this gets a ring */

static void
draw_chart_rgb(cairo_t *cr, struct chart_rgb c, double alpha)
{
	cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha);
}

static void
draw_chart_grey(cairo_t *cr, double v)
{
	cairo_set_source_rgb(cr, v, v, v);
}

static void
draw_chart_lines(cairo_t *cr, const struct chart_geom *g,
    enum chart_line_role role, double width, double grey)
{
	cairo_set_line_width(cr, width);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
	draw_chart_grey(cr, grey);
	for (size_t i = 0; i < g->nlines; i++) {
		const struct chart_line *l = &g->lines[i];

		if (l->role != role)
			continue;
		cairo_move_to(cr, l->x0, l->y0);
		cairo_line_to(cr, l->x1, l->y1);
	}
	cairo_stroke(cr);
}

/* Hatch series s inside r (greyscale prints): series 0 stays solid, the
 * others get lines at their own angle in ink that contrasts the fill. */
static void
draw_chart_hatch(cairo_t *cr, const struct chart_rect *r, size_t s,
    double lightness)
{
	static const double angle[] = { 0, 45, 0, 135, 90 };
	double a, d = r->w + r->h, step = 3.0;

	if (s % 5 == 0)
		return;
	a = angle[s % 5] * M_PI / 180;
	cairo_save(cr);
	cairo_rectangle(cr, r->x, r->y, r->w, r->h);
	cairo_clip(cr);
	cairo_translate(cr, r->x + r->w / 2, r->y + r->h / 2);
	cairo_rotate(cr, a);
	for (double t = -d; t <= d; t += step) {
		cairo_move_to(cr, -d, t);
		cairo_line_to(cr, d, t);
	}
	draw_chart_grey(cr, lightness < 55 ? 1 : 0);
	cairo_set_line_width(cr, 0.6);
	cairo_stroke(cr);
	cairo_restore(cr);
}

/* The fill of a lower-bound bar: solid, then fading over its open end so
 * the reader sees the value goes on past where the bar stops. */
static void
draw_chart_fade(cairo_t *cr, const struct chart_geom *g,
    const struct chart_rect *r, struct chart_rgb c)
{
	double len = g->horizontal ? r->w : r->h;
	double fade = fmin(0.35 * len, DRAW_CHART_FADE);
	cairo_pattern_t *p;

	if (g->horizontal)
		p = cairo_pattern_create_linear(r->x + r->w - fade, 0,
		    r->x + r->w, 0);
	else
		p = cairo_pattern_create_linear(0, r->y + fade, 0, r->y);
	cairo_pattern_add_color_stop_rgba(p, 0, c.r, c.g, c.b, 1);
	cairo_pattern_add_color_stop_rgba(p, 1, c.r, c.g, c.b, 0.08);
	cairo_set_source(cr, p);
	cairo_rectangle(cr, r->x, r->y, r->w, r->h);
	cairo_fill(cr);
	cairo_pattern_destroy(p);
}

/* The open end's edge, dashed: the bar does not end here. */
static void
draw_chart_open_end(cairo_t *cr, const struct chart_geom *g,
    const struct chart_rect *r, struct chart_rgb c)
{
	static const double dash[] = { 1.5, 1.5 };

	cairo_save(cr);
	draw_chart_rgb(cr, c, 1);
	cairo_set_line_width(cr, 0.6);
	cairo_set_dash(cr, dash, 2, 0);
	if (g->horizontal) {
		cairo_move_to(cr, r->x + r->w, r->y);
		cairo_line_to(cr, r->x + r->w, r->y + r->h);
	} else {
		cairo_move_to(cr, r->x, r->y);
		cairo_line_to(cr, r->x + r->w, r->y);
	}
	cairo_stroke(cr);
	cairo_restore(cr);
}

static void
draw_chart_bar(cairo_t *cr, const struct chart_geom *g,
    const struct chart_bar *b)
{
	struct chart_rgb c = chart_color(g, b, b->series);
	double lightness = chart_lightness(c);

	if (b->lower_bound) {
		draw_chart_fade(cr, g, &b->r, c);
		draw_chart_open_end(cr, g, &b->r, c);
	} else {
		draw_chart_rgb(cr, c, 1);
		cairo_rectangle(cr, b->r.x, b->r.y, b->r.w, b->r.h);
		cairo_fill(cr);
	}
	if (g->grayscale)
		draw_chart_hatch(cr, &b->r, b->series, lightness);
	if (b->r.w < DRAW_CHART_SPECK && b->r.h < DRAW_CHART_SPECK) {
		/* A square too small to find gets a ring to find it by. */
		draw_chart_grey(cr, 0.35);
		cairo_set_line_width(cr, DRAW_CHART_HAIRLINE);
		cairo_new_sub_path(cr);
		cairo_arc(cr, b->r.x + b->r.w / 2, b->r.y + b->r.h / 2,
		    0.7 * DRAW_CHART_SPECK, 0, 2 * M_PI);
		cairo_stroke(cr);
	}
	if (lightness > 80) {
		/* A pale fill on white paper needs an edge. */
		draw_chart_grey(cr, 0.45);
		cairo_set_line_width(cr, DRAW_CHART_HAIRLINE);
		cairo_rectangle(cr, b->r.x, b->r.y, b->r.w, b->r.h);
		cairo_stroke(cr);
	}
}

/* Break marks come in pairs: the band between a pair is cut out in paper
 * white, then both marks are drawn. */
static void
draw_chart_breaks(cairo_t *cr, const struct chart_geom *g)
{
	const struct chart_line *a = NULL;

	for (size_t i = 0; i < g->nlines; i++) {
		const struct chart_line *l = &g->lines[i];

		if (l->role != CHART_LINE_BREAK)
			continue;
		if (a == NULL) {
			a = l;
			continue;
		}
		cairo_move_to(cr, a->x0, a->y0);
		cairo_line_to(cr, a->x1, a->y1);
		cairo_line_to(cr, l->x1, l->y1);
		cairo_line_to(cr, l->x0, l->y0);
		cairo_close_path(cr);
		draw_chart_grey(cr, 1);
		cairo_fill(cr);
		a = NULL;
	}
	draw_chart_lines(cr, g, CHART_LINE_BREAK, DRAW_CHART_AXIS, 0.2);
}

static void
draw_chart_swatches(cairo_t *cr, const struct chart_geom *g)
{
	for (size_t i = 0; i < g->nswatches; i++) {
		const struct chart_swatch *s = &g->swatches[i];
		struct chart_rgb c = chart_color(g, NULL, s->series);

		draw_chart_rgb(cr, c, 1);
		cairo_rectangle(cr, s->r.x, s->r.y, s->r.w, s->r.h);
		cairo_fill(cr);
		if (g->grayscale)
			draw_chart_hatch(cr, &s->r, s->series,
			    chart_lightness(c));
		if (chart_lightness(c) > 80) {
			draw_chart_grey(cr, 0.45);
			cairo_set_line_width(cr, DRAW_CHART_HAIRLINE);
			cairo_rectangle(cr, s->r.x, s->r.y, s->r.w, s->r.h);
			cairo_stroke(cr);
		}
	}
}

/* The bar a text is set inside, or NULL. */
static const struct chart_bar *
draw_chart_bar_under(const struct chart_geom *g, const struct chart_text *t)
{
	for (size_t i = 0; i < g->nbars; i++) {
		const struct chart_rect *b = &g->bars[i].r;

		if (t->r.x >= b->x && t->r.x + t->r.w <= b->x + b->w &&
		    t->r.y >= b->y && t->r.y + t->r.h <= b->y + b->h)
			return &g->bars[i];
	}
	return NULL;
}

/* Ink of a text set on a bar: white on dark fills, near-black on pale. */
static double
draw_chart_on_bar_ink(const struct chart_geom *g, const struct chart_text *t)
{
	const struct chart_bar *b = draw_chart_bar_under(g, t);

	if (b == NULL)
		return 0.1;
	return chart_lightness(chart_color(g, b, b->series)) < 60 ? 1 : 0.1;
}

/* What goes behind a value: paper over the grid beside a bar, or a plain
 * patch of the bar's own fill over its hatching inside one. */
static void
draw_chart_text_ground(cairo_t *cr, const struct chart_geom *g,
    const struct chart_text *t)
{
	const struct chart_bar *b;

	if (t->role != CHART_TEXT_VALUE)
		return;
	if (!t->on_bar) {
		draw_chart_grey(cr, 1);
	} else {
		b = draw_chart_bar_under(g, t);
		if (b == NULL || !g->grayscale)
			return;
		draw_chart_rgb(cr, chart_color(g, b, b->series), 1);
	}
	cairo_rectangle(cr, t->r.x - 0.5, t->r.y, t->r.w + 1, t->r.h);
	cairo_fill(cr);
}

static double
draw_chart_ink(const struct chart_geom *g, const struct chart_text *t)
{
	if (t->on_bar)
		return draw_chart_on_bar_ink(g, t);
	switch (t->role) {
	case CHART_TEXT_TICK:
	case CHART_TEXT_SOURCE:
		return 0.35;
	case CHART_TEXT_NOTE:
		return 0.25;
	default:
		return 0.1;
	}
}

static void
draw_chart_text(cairo_t *cr, PangoContext *pc, const struct chart_geom *g,
    const struct chart_text *t)
{
	PangoLayout *layout = measure_chart_layout(pc, t->text, t->size,
	    t->bold, t->wrap, t->align);
	double lx, ly, lw, lh;

	measure_layout_box(layout, &lx, &ly, &lw, &lh);
	draw_chart_text_ground(cr, g, t);
	draw_chart_grey(cr, draw_chart_ink(g, t));
	fontuse_note(layout);
	cairo_save(cr);
	/* Put the layout's logical box where the geometry measured it; an
	 * upright text starts at its box's bottom-left and runs up. */
	if (t->vertical) {
		cairo_translate(cr, t->r.x, t->r.y + t->r.h);
		cairo_rotate(cr, -M_PI / 2);
		cairo_move_to(cr, -lx, -ly);
	} else {
		cairo_move_to(cr, t->r.x - lx, t->r.y - ly);
	}
	pango_cairo_show_layout(cr, layout);
	cairo_restore(cr);
	g_object_unref(layout);
}

void
draw_chart(cairo_t *cr, PangoContext *pc, const struct chart_geom *g,
    double x, double y)
{
	cairo_save(cr);
	cairo_translate(cr, x, y);
	/* The grid goes behind everything, hairline and light. */
	draw_chart_lines(cr, g, CHART_LINE_GRID, DRAW_CHART_HAIRLINE, 0.78);
	for (size_t i = 0; i < g->nbars; i++)
		draw_chart_bar(cr, g, &g->bars[i]);
	draw_chart_lines(cr, g, CHART_LINE_AXIS, DRAW_CHART_AXIS, 0.2);
	draw_chart_breaks(cr, g);
	draw_chart_swatches(cr, g);
	for (size_t i = 0; i < g->ntexts; i++)
		draw_chart_text(cr, pc, g, &g->texts[i]);
	cairo_restore(cr);
}
