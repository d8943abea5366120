/* chart: the chart model and its geometry as plain data in points — plot
 * area, scale, ticks, bar rectangles, label boxes, legend — computed without
 * Cairo or Pango (text is measured through a callback), so every layout
 * decision is unit-tested without drawing.  draw-chart.c paints it. */
#ifndef FIGPRESS_CHART_H
#define FIGPRESS_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "figure.h"
#include "lang.h"

enum chart_type {
	CHART_BAR,		/* vertical bars */
	CHART_HBAR,		/* horizontal bars */
	CHART_GROUPED,		/* several series side by side */
	CHART_STACKED,		/* several series stacked */
	CHART_SQUARES,		/* proportional-area squares */
};

enum chart_scale {
	CHART_SCALE_AUTO,	/* log when positive values span >= 1000x */
	CHART_SCALE_LINEAR,
	CHART_SCALE_LOG,
	CHART_SCALE_BROKEN,	/* linear with a visible break */
};

/* A chart as the report describes it, with its data resolved.  Owned by the
 * document model (report.c fills and frees it). */
struct chart_data {
	enum chart_type type;
	enum chart_scale scale;
	enum lang lang;
	size_t ncats;
	size_t nseries;
	char **cats;		/* ncats category labels */
	char **series;		/* nseries series names (column headers) */
	struct figure *values;	/* ncats * nseries, values[cat * nseries + s] */
	char *title;		/* may be NULL */
	char *caption;		/* may be NULL */
	char *source;		/* may be NULL */
	bool annotate_ratio;
	long highlight;		/* category index to emphasise, or -1 */
	bool grayscale;		/* hatch patterns instead of hues */
	struct srcpos pos;	/* the chart block in the report */
	/* Where the keys a problem is blamed on stand (pos when absent):
	 * the data behind the bars, the axis, the chart's form. */
	struct srcpos value_pos;
	struct srcpos scale_pos;
	struct srcpos type_pos;
};

/* Measures text for the geometry: width and height in points of text set at
 * size points (bold or not), wrapped at wrap_width points (<= 0: no wrap),
 * aligned as it will be drawn (-1 left, 0 centre, 1 right: the size does
 * not depend on it, but a measurer may keep what it set for the drawing). */
struct chart_measure {
	void *ctx;
	void (*text_size)(void *ctx, const char *text, double size, bool bold,
	    double wrap_width, int align, double *w, double *h);
};

struct chart_rect {
	double x, y, w, h;	/* top-left origin, y grows downwards */
};

struct chart_bar {
	struct chart_rect r;
	size_t cat;
	size_t series;
	bool stub;		/* drawn at a minimum visible size */
	bool lower_bound;	/* value is a "min" figure: open/faded end */
	bool cut;		/* crosses the break of a broken axis */
	bool highlight;
};

enum chart_text_role {
	CHART_TEXT_TITLE,
	CHART_TEXT_CATEGORY,
	CHART_TEXT_VALUE,
	CHART_TEXT_TICK,
	CHART_TEXT_NOTE,	/* "Thang logarit", baseline note, ratio */
	CHART_TEXT_LEGEND,
	CHART_TEXT_CAPTION,
	CHART_TEXT_SOURCE,
};

struct chart_text {
	struct chart_rect r;	/* the box the text was measured into */
	char *text;		/* owned */
	enum chart_text_role role;
	double size;		/* points */
	bool bold;
	int align;		/* -1 left, 0 centre, 1 right */
	double wrap;		/* width it was wrapped at (set it there
				 * again so the lines break the same);
				 * 0: a single line */
	bool on_bar;		/* set inside a filled bar: light ink */
	bool vertical;		/* turned a quarter anticlockwise (reads
				 * upwards); r is the turned box, so r.w is
				 * the line height and r.h the text width */
};

enum chart_line_role {
	CHART_LINE_GRID,
	CHART_LINE_AXIS,
	CHART_LINE_BREAK,	/* break marks of a broken axis: they come in
				 * pairs, and the band between the two lines
				 * of a pair is cut out of the axis or bar */
};

struct chart_line {
	double x0, y0, x1, y1;
	enum chart_line_role role;
};

struct chart_swatch {
	struct chart_rect r;
	size_t series;
};

/* The computed chart, in points relative to the chart box's top-left. */
struct chart_geom {
	struct chart_rect box;	/* whole chart: x = y = 0 */
	struct chart_rect plot;	/* the data area */
	struct chart_bar *bars;
	size_t nbars;
	struct chart_text *texts;
	size_t ntexts;
	struct chart_line *lines;
	size_t nlines;
	struct chart_swatch *swatches;
	size_t nswatches;
	size_t nseries;		/* for the palette */
	bool grayscale;
	bool has_highlight;	/* one category is emphasised */
	bool horizontal;	/* bars grow rightwards (hbar) */
};

/* Most series a chart may have: the palette keeps this many apart in
 * lightness, so they read in greyscale too. */
#define CHART_MAX_SERIES 5
/* Most categories a chart may have. */
#define CHART_MAX_CATS 60

struct chart_rgb {
	double r, g, b;		/* 0..1, sRGB */
};

/* Check what can only be checked once data and spec meet: a value that is
 * not a number, a negative or zero value on a log scale, all-zero data,
 * mixed units in one chart (USD beside %; triệu beside tỷ is fine), more
 * than CHART_MAX_CATS categories or CHART_MAX_SERIES series, negative
 * values in a stacked or squares chart, a squares chart with more than one
 * series, a stacked chart on a log scale.  Errors go to d at data->pos,
 * naming the category; returns false on any. */
bool chart_validate(const struct chart_data *data, struct diags *d);

/* Lay validated data out in a box width points wide; the chart chooses its
 * height (bar charts about 0.6 of the width, hbar a row per category).
 * `scale: auto` is log when every value is positive and they span 1000x or
 * more, else linear.  Fills *g, which the caller releases with
 * chart_geom_release. */
void chart_layout(const struct chart_data *data, double width,
    const struct chart_measure *m, struct chart_geom *g);
/* chart_layout for a box at most max_height points tall (a page): hbar rows
 * and a vertical chart's plot give up height, down to what keeps every
 * label legible.  A chart that cannot be set legibly in width x max_height
 * (more bars than fit side by side, more rows than fit down the page) is
 * an error in d at its type key, with the most categories that would fit;
 * *g is filled all the same and must be released. */
bool chart_layout_fit(const struct chart_data *data, double width,
    double max_height, const struct chart_measure *m, struct chart_geom *g,
    struct diags *d);
/* Free what chart_layout allocated in g. */
void chart_geom_release(struct chart_geom *g);

/* The fill of bar b (or of series s's legend swatch when b is NULL): the
 * series colour; with a highlight, the highlighted category in the accent
 * and the others muted (one series) or as they are (several); grey of the
 * same lightness when g->grayscale. */
struct chart_rgb chart_color(const struct chart_geom *g,
    const struct chart_bar *b, size_t s);
/* The palette colour of series s (s < CHART_MAX_SERIES). */
struct chart_rgb chart_palette(size_t s);
/* CIE L* lightness (0 black .. 100 white) of c. */
double chart_lightness(struct chart_rgb c);

/* Free everything data owns (not data itself). */
void chart_data_release(struct chart_data *data);

#endif
