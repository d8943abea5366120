/* chart-private: what chart.c shares with chart-bar.c and chart-squares.c —
 * the layout cursor, the element builders and the house measurements. */
#ifndef FIGPRESS_CHART_PRIVATE_H
#define FIGPRESS_CHART_PRIVATE_H

#include "chart.h"
#include "scale.h"

/* House measurements, in points. */
#define CHART_MARGIN 4.0	/* around everything in the box */
#define CHART_GAP 6.0		/* between title, notes, legend, plot... */
#define CHART_TITLE_SIZE 10.5
#define CHART_TEXT_SIZE 8.0	/* categories, values, legend, caption */
#define CHART_SMALL_SIZE 7.5	/* ticks, notes, source: never smaller */
#define CHART_STUB 2.0		/* shortest visible bar */
#define CHART_SQUARE_MIN 1.5	/* smallest visible square side */
#define CHART_CAT_LINES 3	/* a category label wraps over at most */
#define CHART_CAT_MIN_WRAP 24.0	/* narrower than this, category labels of
				 * a vertical chart are turned upright */
#define CHART_TURNED_MAX 110.0	/* longest upright category label */
#define CHART_PLOT_MIN 100.0	/* lowest plot of a vertical chart */

/* What a second layout pass gives up so the chart fits a page (0: as
 * tall as it likes). */
struct chart_caps {
	double plot_h;		/* vertical types: the plot's height */
	double row;		/* hbar: the pitch of a category row */
};

/* The layout in progress: the geometry being filled and a cursor. */
struct chart_lay {
	const struct chart_data *d;
	const struct chart_measure *m;
	struct chart_geom *g;
	size_t cap_bars, cap_texts, cap_lines, cap_swatches;
	double width;
	double y;		/* top of the next block */
	const char *unit;	/* the chart's unit, "" when none; lent */
	struct scale sc;	/* the value axis (bar types) */
	size_t body_text0;	/* first text of the body, which is built from
				 * y = 0 and moved into place afterwards: only
				 * these can clash while it is built */
	struct chart_caps caps;
	double line_h;		/* one line of CHART_TEXT_SIZE text */
	bool crowded;		/* a value label found no clear place */
	bool turned;		/* value labels are set upright */
	char *fail;		/* why the chart cannot be set legibly, as
				 * "chart: type: ..."; owned; first wins */
};

/* Measure text as the painter will set it (align as chart_text.align). */
void chart_measure_text(const struct chart_lay *l, const char *text,
    double size, bool bold, double wrap, int align, double *w, double *h);
/* Add a text taking ownership of text, box at (x, y) sized w x h; returns
 * its index in g->texts. */
size_t chart_add_text(struct chart_lay *l, enum chart_text_role role,
    char *text, double x, double y, double w, double h, double size,
    bool bold, int align, double wrap);
/* Measure text (owned) and add it with its top-left at (x, y). */
size_t chart_put_text(struct chart_lay *l, enum chart_text_role role,
    char *text, double x, double y, double size, bool bold, int align,
    double wrap);
/* text (lent) cut at a word with "…" so it wraps at wrap over at most
 * maxlines lines; caller frees. */
char *chart_fit_lines(const struct chart_lay *l, const char *text,
    double size, bool bold, double wrap, int maxlines);
void chart_add_line(struct chart_lay *l, enum chart_line_role role,
    double x0, double y0, double x1, double y1);
/* Add a bar for value (cat, s) with rectangle r; returns its index. */
size_t chart_add_bar(struct chart_lay *l, struct chart_rect r, size_t cat,
    size_t s);
/* Measure text (owned) and add it set upright, the top-left of its turned
 * box at (x, y). */
size_t chart_put_turned(struct chart_lay *l, enum chart_text_role role,
    char *text, double x, double y, double size, bool bold);
/* Drop the texts from index t0 on. */
void chart_drop_texts(struct chart_lay *l, size_t t0);
/* Record the first reason the chart cannot be set legibly (printf-style;
 * a later one is dropped). */
void chart_fail(struct chart_lay *l, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Move everything from the given starting indices by (dx, dy). */
void chart_shift(struct chart_lay *l, size_t bar0, size_t text0,
    size_t line0, double dx, double dy);
/* The extent of everything from the given starting indices. */
struct chart_rect chart_extent(const struct chart_lay *l, size_t bar0,
    size_t text0, size_t line0);
/* True when text i overlaps no other text and no bar (its own bar
 * excepted when it sits on it). */
bool chart_clear(const struct chart_lay *l, size_t i);
/* Move text i up (dir -1) or down (dir 1) past every text and bar it
 * overlaps (its own bar excepted when it sits on it). */
void chart_unclash(struct chart_lay *l, size_t i, int dir);

/* The figure of (cat, s). */
const struct figure *chart_value(const struct chart_data *d, size_t cat,
    size_t s);
/* The compact value label of (cat, s); caller frees. */
char *chart_value_label(const struct chart_data *d, size_t cat, size_t s);
/* The axis scale chart_layout resolves `scale:` to. */
enum chart_scale chart_resolve_scale(const struct chart_data *d);
/* The sum of category cat's values as a figure (stacked totals). */
struct figure chart_total(const struct chart_data *d, size_t cat);
/* The ratio note: "Giá trị lớn nhất gấp khoảng 10.700 lần giá trị nhỏ
 * nhất"; NULL when fewer than two positive values.  Caller frees. */
char *chart_ratio_note(const struct chart_data *d);

/* The bar types (bar, hbar, grouped, stacked) and the squares. */
void chart_bar_layout(struct chart_lay *l);
void chart_squares_layout(struct chart_lay *l);

#endif
