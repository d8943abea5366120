/* chart: validation, the shared layout (title, notes, legend, caption,
 * source), the palette and the geometry's element builders. */
#include "chart.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart-private.h"
#include "numfmt.h"
#include "scale.h"
#include "xmalloc.h"

#define CHART_SWATCH 8.0	/* legend swatch side */

/* ---- element builders --------------------------------------------------- */

void
chart_measure_text(const struct chart_lay *l, const char *text, double size,
    bool bold, double wrap, int align, double *w, double *h)
{
	*w = *h = 0;
	l->m->text_size(l->m->ctx, text, size, bold, wrap, align, w, h);
}

size_t
chart_add_text(struct chart_lay *l, enum chart_text_role role, char *text,
    double x, double y, double w, double h, double size, bool bold,
    int align, double wrap)
{
	struct chart_geom *g = l->g;
	struct chart_text *t;

	if (g->ntexts == l->cap_texts) {
		l->cap_texts = l->cap_texts ? 2 * l->cap_texts : 32;
		g->texts = xreallocarray(g->texts, l->cap_texts, sizeof *t);
	}
	t = &g->texts[g->ntexts];
	memset(t, 0, sizeof *t);
	t->r = (struct chart_rect){ x, y, w, h };
	t->text = text;
	t->role = role;
	t->size = size;
	t->bold = bold;
	t->align = align;
	t->wrap = wrap;
	return g->ntexts++;
}

size_t
chart_put_text(struct chart_lay *l, enum chart_text_role role, char *text,
    double x, double y, double size, bool bold, int align, double wrap)
{
	double w, h;

	chart_measure_text(l, text, size, bold, wrap, align, &w, &h);
	return chart_add_text(l, role, text, x, y, w, h, size, bold, align,
	    wrap);
}

size_t
chart_put_turned(struct chart_lay *l, enum chart_text_role role, char *text,
    double x, double y, double size, bool bold)
{
	double w, h;
	size_t i;

	chart_measure_text(l, text, size, bold, 0, -1, &w, &h);
	i = chart_add_text(l, role, text, x, y, h, w, size, bold, -1, 0);
	l->g->texts[i].vertical = true;
	return i;
}

void
chart_drop_texts(struct chart_lay *l, size_t t0)
{
	for (size_t i = t0; i < l->g->ntexts; i++)
		free(l->g->texts[i].text);
	if (t0 < l->g->ntexts)
		l->g->ntexts = t0;
}

void
chart_fail(struct chart_lay *l, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	if (l->fail)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	l->fail = xstrdup(buf);
}

static int
chart_lines_of(const struct chart_lay *l, const char *text, double size,
    bool bold, double wrap)
{
	double w, h, lw, lh;

	chart_measure_text(l, "Ag", size, bold, 0, -1, &lw, &lh);
	chart_measure_text(l, text, size, bold, wrap, -1, &w, &h);
	return lh > 0 ? (int)floor(h / lh + 0.5) : 1;
}

/* The start of the UTF-8 character before byte i of s. */
static size_t
chart_prev_char(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[--i] & 0xC0) == 0x80)
		;
	return i;
}

char *
chart_fit_lines(const struct chart_lay *l, const char *text, double size,
    bool bold, double wrap, int maxlines)
{
	size_t n = strlen(text);

	if (chart_lines_of(l, text, size, bold, wrap) <= maxlines)
		return xstrdup(text);
	/* Drop characters from the end (a word at a time where there are
	 * spaces) until the cut text with its ellipsis fits. */
	while (n > 0) {
		char *cut;
		size_t k = n;

		while (k > 0 && text[k - 1] != ' ')
			k = chart_prev_char(text, k);
		n = k > 0 ? k - 1 : chart_prev_char(text, n);
		while (n > 0 && text[n - 1] == ' ')
			n--;
		cut = xasprintf("%.*s…", (int)n, text);
		if (chart_lines_of(l, cut, size, bold, wrap) <= maxlines)
			return cut;
		free(cut);
	}
	return xstrdup("…");
}

void
chart_add_line(struct chart_lay *l, enum chart_line_role role, double x0,
    double y0, double x1, double y1)
{
	struct chart_geom *g = l->g;

	if (g->nlines == l->cap_lines) {
		l->cap_lines = l->cap_lines ? 2 * l->cap_lines : 32;
		g->lines = xreallocarray(g->lines, l->cap_lines,
		    sizeof *g->lines);
	}
	g->lines[g->nlines++] = (struct chart_line){ x0, y0, x1, y1, role };
}

size_t
chart_add_bar(struct chart_lay *l, struct chart_rect r, size_t cat, size_t s)
{
	struct chart_geom *g = l->g;
	struct chart_bar *b;

	if (g->nbars == l->cap_bars) {
		l->cap_bars = l->cap_bars ? 2 * l->cap_bars : 16;
		g->bars = xreallocarray(g->bars, l->cap_bars, sizeof *b);
	}
	b = &g->bars[g->nbars];
	memset(b, 0, sizeof *b);
	b->r = r;
	b->cat = cat;
	b->series = s;
	b->lower_bound = chart_value(l->d, cat, s)->bound == FIGURE_MIN;
	b->highlight = l->d->highlight >= 0 &&
	    (size_t)l->d->highlight == cat;
	return g->nbars++;
}

void
chart_shift(struct chart_lay *l, size_t bar0, size_t text0, size_t line0,
    double dx, double dy)
{
	struct chart_geom *g = l->g;

	for (size_t i = bar0; i < g->nbars; i++) {
		g->bars[i].r.x += dx;
		g->bars[i].r.y += dy;
	}
	for (size_t i = text0; i < g->ntexts; i++) {
		g->texts[i].r.x += dx;
		g->texts[i].r.y += dy;
	}
	for (size_t i = line0; i < g->nlines; i++) {
		g->lines[i].x0 += dx;
		g->lines[i].x1 += dx;
		g->lines[i].y0 += dy;
		g->lines[i].y1 += dy;
	}
}

static void
chart_grow(struct chart_rect *e, bool *any, double x0, double y0, double x1,
    double y1)
{
	double ex1 = e->x + e->w, ey1 = e->y + e->h;

	if (!*any) {
		*e = (struct chart_rect){ x0, y0, x1 - x0, y1 - y0 };
		*any = true;
		return;
	}
	e->x = fmin(e->x, x0);
	e->y = fmin(e->y, y0);
	e->w = fmax(ex1, x1) - e->x;
	e->h = fmax(ey1, y1) - e->y;
}

struct chart_rect
chart_extent(const struct chart_lay *l, size_t bar0, size_t text0,
    size_t line0)
{
	const struct chart_geom *g = l->g;
	struct chart_rect e = { 0, 0, 0, 0 };
	bool any = false;

	for (size_t i = bar0; i < g->nbars; i++) {
		const struct chart_rect *r = &g->bars[i].r;

		chart_grow(&e, &any, r->x, r->y, r->x + r->w, r->y + r->h);
	}
	for (size_t i = text0; i < g->ntexts; i++) {
		const struct chart_rect *r = &g->texts[i].r;

		chart_grow(&e, &any, r->x, r->y, r->x + r->w, r->y + r->h);
	}
	for (size_t i = line0; i < g->nlines; i++) {
		const struct chart_line *n = &g->lines[i];

		chart_grow(&e, &any, fmin(n->x0, n->x1), fmin(n->y0, n->y1),
		    fmax(n->x0, n->x1), fmax(n->y0, n->y1));
	}
	return e;
}

/* Rectangles that share more than a hair of area. */
static bool
chart_overlap(const struct chart_rect *a, const struct chart_rect *b)
{
	const double eps = 0.01;

	return a->x + eps < b->x + b->w && b->x + eps < a->x + a->w &&
	    a->y + eps < b->y + b->h && b->y + eps < a->y + a->h;
}

static bool
chart_inside(const struct chart_rect *in, const struct chart_rect *out)
{
	return in->x >= out->x - 0.01 && in->y >= out->y - 0.01 &&
	    in->x + in->w <= out->x + out->w + 0.01 &&
	    in->y + in->h <= out->y + out->h + 0.01;
}

/* The first rectangle text i overlaps, or NULL. */
static const struct chart_rect *
chart_clash(const struct chart_lay *l, size_t i)
{
	const struct chart_geom *g = l->g;
	const struct chart_text *t = &g->texts[i];

	for (size_t k = l->body_text0; k < g->ntexts; k++)
		if (k != i && chart_overlap(&t->r, &g->texts[k].r))
			return &g->texts[k].r;
	for (size_t k = 0; k < g->nbars; k++) {
		const struct chart_rect *b = &g->bars[k].r;

		if (t->on_bar && chart_inside(&t->r, b))
			continue;
		if (chart_overlap(&t->r, b))
			return b;
	}
	return NULL;
}

bool
chart_clear(const struct chart_lay *l, size_t i)
{
	return chart_clash(l, i) == NULL;
}

void
chart_unclash(struct chart_lay *l, size_t i, int dir)
{
	struct chart_rect *r = &l->g->texts[i].r;
	const struct chart_rect *o;

	/* Each step clears one obstacle; the bound only guards a loop. */
	for (int n = 0; n < 200 && (o = chart_clash(l, i)) != NULL; n++)
		r->y = dir < 0 ? o->y - r->h - 1 : o->y + o->h + 1;
}

/* ---- values ------------------------------------------------------------- */

const struct figure *
chart_value(const struct chart_data *d, size_t cat, size_t s)
{
	return &d->values[cat * d->nseries + s];
}

char *
chart_value_label(const struct chart_data *d, size_t cat, size_t s)
{
	return numfmt_label(chart_value(d, cat, s), d->lang);
}

struct figure
chart_total(const struct chart_data *d, size_t cat)
{
	struct figure t = *chart_value(d, cat, 0);
	bool approx = false, min = false, max = false;

	t.value = 0;
	for (size_t s = 0; s < d->nseries; s++) {
		const struct figure *f = chart_value(d, cat, s);

		t.value += f->value;
		if (f->decimals > t.decimals)
			t.decimals = f->decimals;
		if (f->scale > t.scale)
			t.scale = f->scale;
		approx |= f->bound == FIGURE_APPROX;
		min |= f->bound == FIGURE_MIN;
		max |= f->bound == FIGURE_MAX;
	}
	/* A sum of lower bounds is a lower bound; any other mix is only
	 * approximately known. */
	t.bound = min && !max && !approx ? FIGURE_MIN :
	    max && !min && !approx ? FIGURE_MAX :
	    approx || min || max ? FIGURE_APPROX : FIGURE_EXACT;
	return t;
}

/* The values the bars stand for: each value, or the stacked totals. */
static double *
chart_bar_values(const struct chart_data *d, size_t *n)
{
	double *v = xcalloc(d->ncats * d->nseries + 1, sizeof *v);

	*n = 0;
	for (size_t c = 0; c < d->ncats; c++) {
		if (d->type == CHART_STACKED) {
			v[(*n)++] = chart_total(d, c).value;
			continue;
		}
		for (size_t s = 0; s < d->nseries; s++)
			v[(*n)++] = chart_value(d, c, s)->value;
	}
	return v;
}

enum chart_scale
chart_resolve_scale(const struct chart_data *d)
{
	double *v;
	size_t n;
	bool log;

	if (d->scale != CHART_SCALE_AUTO)
		return d->scale;
	if (d->type == CHART_STACKED || d->type == CHART_SQUARES)
		return CHART_SCALE_LINEAR;
	v = chart_bar_values(d, &n);
	log = scale_auto_log(v, n);
	free(v);
	return log ? CHART_SCALE_LOG : CHART_SCALE_LINEAR;
}

/* The positive extremes of the bar values and their figures (NULL for a
 * stacked total); false with fewer than two positive values. */
static bool
chart_extremes(const struct chart_data *d, double *lo, double *hi,
    const struct figure **flo, const struct figure **fhi)
{
	size_t n = 0;

	*lo = INFINITY;
	*hi = 0;
	*flo = *fhi = NULL;
	for (size_t c = 0; c < d->ncats; c++) {
		for (size_t s = 0; s < d->nseries; s++) {
			const struct figure *f = chart_value(d, c, s);
			double v = d->type == CHART_STACKED ?
			    chart_total(d, c).value : f->value;

			if (d->type == CHART_STACKED)
				f = NULL;
			if (!(v > 0))
				continue;
			n++;
			if (v < *lo) {
				*lo = v;
				*flo = f;
			}
			if (v > *hi) {
				*hi = v;
				*fhi = f;
			}
		}
	}
	return n >= 2;
}

/* The ratio rounded to three significant digits (one decimal below 10). */
static double
chart_round3(double r, int *decimals)
{
	double p;

	if (r < 10) {
		p = round(r * 10) / 10;
		*decimals = p == floor(p) ? 0 : 1;
		return p;
	}
	*decimals = 0;
	p = pow(10, floor(log10(r)) - 2);
	return round(r / p) * p;
}

char *
chart_ratio_note(const struct chart_data *d)
{
	const struct figure *flo, *fhi;
	double lo, hi, r, shown;
	int dec;
	bool vi = d->lang == LANG_VI, more, exact;
	char *num, *note;

	if (!chart_extremes(d, &lo, &hi, &flo, &fhi))
		return NULL;
	r = hi / lo;
	shown = chart_round3(r, &dec);
	num = numfmt_number(shown, dec, d->lang);
	/* "more than" only when the big one is a lower bound and the small
	 * one is not itself uncertain upwards; otherwise "about" unless the
	 * ratio is exactly what is shown. */
	more = fhi && fhi->bound == FIGURE_MIN && flo &&
	    (flo->bound == FIGURE_EXACT || flo->bound == FIGURE_MAX);
	exact = fabs(shown - r) < 1e-9 * r && fhi && flo &&
	    fhi->bound == FIGURE_EXACT && flo->bound == FIGURE_EXACT;
	if (vi)
		note = xasprintf("Giá trị lớn nhất gấp %s%s lần giá trị nhỏ "
		    "nhất", more ? "hơn " : exact ? "" : "khoảng ", num);
	else
		note = xasprintf("The largest value is %s%s× the smallest",
		    more ? "more than " : exact ? "" : "about ", num);
	free(num);
	return note;
}

/* ---- palette ------------------------------------------------------------ */

/* Five hues ordered so neighbours differ most, whose CIE lightness stays at
 * least 12 apart (25, 76, 59, 89, 42): a greyscale print keeps them apart. */
static const struct chart_rgb chart_hues[CHART_MAX_SERIES] = {
	{ 0x1b / 255.0, 0x3a / 255.0, 0x6b / 255.0 },	/* navy */
	{ 0xf2 / 255.0, 0xb1 / 255.0, 0x34 / 255.0 },	/* amber */
	{ 0x2a / 255.0, 0x9d / 255.0, 0x8f / 255.0 },	/* teal */
	{ 0xcf / 255.0, 0xe3 / 255.0, 0xf2 / 255.0 },	/* pale sky */
	{ 0xb0 / 255.0, 0x3a / 255.0, 0x2e / 255.0 },	/* brick */
};
static const struct chart_rgb chart_accent = {
	0xc0 / 255.0, 0x39 / 255.0, 0x2b / 255.0 };
static const struct chart_rgb chart_muted = {
	0xa9 / 255.0, 0xb8 / 255.0, 0xc9 / 255.0 };

struct chart_rgb
chart_palette(size_t s)
{
	return chart_hues[s % CHART_MAX_SERIES];
}

static double
chart_linear(double c)
{
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double
chart_lightness(struct chart_rgb c)
{
	double y = 0.2126 * chart_linear(c.r) + 0.7152 * chart_linear(c.g) +
	    0.0722 * chart_linear(c.b);

	return y > 216.0 / 24389 ? 116 * cbrt(y) - 16 : y * 24389.0 / 27;
}

/* The grey of lightness L. */
static struct chart_rgb
chart_grey(double L)
{
	double y = L > 8 ? pow((L + 16) / 116, 3) : L * 27 / 24389.0;
	double v = y <= 0.0031308 ? 12.92 * y :
	    1.055 * pow(y, 1 / 2.4) - 0.055;

	return (struct chart_rgb){ v, v, v };
}

/* Halfway to paper white: the categories a highlight steps back from. */
static struct chart_rgb
chart_fade(struct chart_rgb c)
{
	return (struct chart_rgb){ (c.r + 1) / 2, (c.g + 1) / 2,
	    (c.b + 1) / 2 };
}

struct chart_rgb
chart_color(const struct chart_geom *g, const struct chart_bar *b, size_t s)
{
	struct chart_rgb c = chart_palette(b ? b->series : s);

	if (b && g->has_highlight && g->nseries == 1)
		c = b->highlight ? chart_accent : chart_muted;
	else if (b && g->has_highlight && !b->highlight)
		c = chart_fade(c);
	return g->grayscale ? chart_grey(chart_lightness(c)) : c;
}

/* ---- validation --------------------------------------------------------- */

static const char *
chart_unit_name(const char *u)
{
	return *u ? u : "no unit";
}

/* Where a key stands, or the chart block when the spec did not say. */
static struct srcpos
chart_at(const struct chart_data *d, struct srcpos key)
{
	return key.file ? key : d->pos;
}

static bool
chart_validate_units(const struct chart_data *d, struct diags *dg)
{
	const char *first = d->values[0].unit;

	for (size_t i = 1; i < d->ncats * d->nseries; i++) {
		const char *u = d->values[i].unit;
		size_t s = i % d->nseries;

		if (strcmp(u, first) == 0)
			continue;
		/* With several columns the row alone does not say which
		 * figure it is. */
		diag_error(dg, chart_at(d, d->value_pos), "chart: value: "
		    "mixed units in one chart: %s (\"%s\"%s%s%s) beside %s; "
		    "chart one unit at a time", chart_unit_name(u),
		    d->cats[i / d->nseries],
		    d->nseries > 1 ? ", column \"" : "",
		    d->nseries > 1 ? d->series[s] : "",
		    d->nseries > 1 ? "\"" : "", chart_unit_name(first));
		return false;
	}
	return true;
}

/* A value the chart cannot draw, checked per value. */
static bool
chart_validate_value(const struct chart_data *d, size_t i, bool log,
    struct diags *dg)
{
	double v = d->values[i].value;
	const char *cat = d->cats[i / d->nseries];

	if (isnan(v) || isinf(v)) {
		diag_error(dg, chart_at(d, d->value_pos), "chart: value: the "
		    "value of \"%s\" is not a number", cat);
		return false;
	}
	if (log && v <= 0) {
		diag_error(dg, chart_at(d, d->scale_pos), "chart: scale: a log "
		    "scale needs positive values, but \"%s\" is %s; use scale: "
		    "linear or broken", cat, v == 0 ? "zero" : "negative");
		return false;
	}
	if (v < 0 && (d->type == CHART_STACKED ||
	    d->type == CHART_SQUARES)) {
		diag_error(dg, chart_at(d, d->type_pos), "chart: type: \"%s\" "
		    "is negative, which a %s chart cannot show", cat,
		    d->type == CHART_STACKED ? "stacked" : "squares");
		return false;
	}
	return true;
}

static bool
chart_validate_shape(const struct chart_data *d, struct diags *dg)
{
	if (d->ncats == 0 || d->nseries == 0) {
		diag_error(dg, d->pos, "the chart has no data");
		return false;
	}
	if (d->ncats > CHART_MAX_CATS) {
		diag_error(dg, d->pos, "too many categories for one chart: "
		    "%zu (at most %d)", d->ncats, CHART_MAX_CATS);
		return false;
	}
	if (d->nseries > CHART_MAX_SERIES) {
		diag_error(dg, chart_at(d, d->value_pos), "chart: value: too "
		    "many series for one chart: %zu (at most %d)", d->nseries,
		    CHART_MAX_SERIES);
		return false;
	}
	if (d->type == CHART_SQUARES && d->nseries > 1) {
		diag_error(dg, chart_at(d, d->value_pos), "chart: value: a "
		    "squares chart takes one value column, not %zu",
		    d->nseries);
		return false;
	}
	if (d->type == CHART_STACKED && d->scale == CHART_SCALE_LOG) {
		diag_error(dg, chart_at(d, d->scale_pos), "chart: scale: a "
		    "stacked chart cannot use a log scale: stacked lengths "
		    "only add up on a linear one");
		return false;
	}
	return true;
}

bool
chart_validate(const struct chart_data *d, struct diags *dg)
{
	bool log = d->scale == CHART_SCALE_LOG, nonzero = false;

	if (!chart_validate_shape(d, dg))
		return false;
	for (size_t i = 0; i < d->ncats * d->nseries; i++) {
		if (!chart_validate_value(d, i, log, dg))
			return false;
		nonzero |= d->values[i].value != 0;
	}
	if (!nonzero) {
		diag_error(dg, chart_at(d, d->value_pos), "chart: value: every "
		    "value is zero: there is nothing to chart");
		return false;
	}
	return chart_validate_units(d, dg);
}

/* ---- shared layout ------------------------------------------------------ */

static void
chart_title(struct chart_lay *l)
{
	double wrap = l->width - 2 * CHART_MARGIN;
	size_t i;

	if (l->d->title == NULL || *l->d->title == '\0')
		return;
	i = chart_put_text(l, CHART_TEXT_TITLE, xstrdup(l->d->title),
	    CHART_MARGIN, l->y, CHART_TITLE_SIZE, true, -1, wrap);
	l->y += l->g->texts[i].r.h + CHART_GAP / 2;
}

static void
chart_swatch_add(struct chart_lay *l, double x, double y, size_t s)
{
	struct chart_geom *g = l->g;

	if (g->nswatches == l->cap_swatches) {
		l->cap_swatches = l->cap_swatches ? 2 * l->cap_swatches : 8;
		g->swatches = xreallocarray(g->swatches, l->cap_swatches,
		    sizeof *g->swatches);
	}
	g->swatches[g->nswatches].r =
	    (struct chart_rect){ x, y, CHART_SWATCH, CHART_SWATCH };
	g->swatches[g->nswatches++].series = s;
}

/* Lay items (owned) out left to right at size, wrapping to a new row when
 * one would pass the right margin; lead is the room before each item's
 * text for a legend swatch (0: no swatch). */
static void
chart_flow(struct chart_lay *l, char **items, size_t n,
    enum chart_text_role role, double size, double lead)
{
	double x = CHART_MARGIN, right = l->width - CHART_MARGIN;
	double row_h = 0, wrap = right - CHART_MARGIN - lead;

	for (size_t k = 0; k < n; k++) {
		double w, h;

		chart_measure_text(l, items[k], size, false, wrap, -1, &w,
		    &h);
		if (x > CHART_MARGIN && x + lead + w > right) {
			x = CHART_MARGIN;
			l->y += row_h + 2;
			row_h = 0;
		}
		if (lead > 0)
			chart_swatch_add(l, x, l->y + (fmin(h, 1.2 * size) -
			    CHART_SWATCH) / 2, k);
		chart_add_text(l, role, items[k], x + lead, l->y, w, h,
		    size, false, -1, w < wrap ? 0 : wrap);
		x += lead + w + 12;
		row_h = fmax(row_h, h);
	}
	if (n > 0)
		l->y += row_h + CHART_GAP / 2;
}

/* The axis baseline as a figure in the chart's unit, at the scale word
 * that reads best: 1e5 → "100 nghìn USD" / "$100K". */
static char *
chart_baseline_label(const struct chart_lay *l, double v)
{
	struct figure f;
	int e = (int)floor(log10(v) + 1e-9);

	memset(&f, 0, sizeof f);
	f.value = v;
	f.bound = FIGURE_EXACT;
	f.scale = e < 3 ? 0 : e >= 12 ? 12 : 3 * (e / 3);
	snprintf(f.unit, sizeof f.unit, "%s", l->unit);
	return numfmt_label(&f, l->d->lang);
}

/* What the reader must know to read the axis right, as notes. */
static size_t
chart_notes(struct chart_lay *l, char **notes)
{
	bool vi = l->d->lang == LANG_VI;
	size_t n = 0;
	char *b;

	if (l->d->type == CHART_SQUARES) {
		notes[n++] = xstrdup(vi ? "Diện tích mỗi ô tỉ lệ với giá trị" :
		    "Square areas are proportional to the values");
	} else if (l->sc.kind == SCALE_LOG) {
		notes[n++] = xstrdup(vi ? "Thang logarit" : "Log scale");
		b = chart_baseline_label(l, l->sc.lo);
		notes[n++] = xasprintf(vi ? "Gốc trục: %s" :
		    "Axis starts at %s", b);
		free(b);
	} else if (l->sc.kind == SCALE_BROKEN) {
		notes[n++] = xstrdup(vi ? "Trục bị ngắt: cột vượt qua chỗ ngắt "
		    "không theo tỉ lệ" : "Broken axis: bars across the break "
		    "are not to scale");
	}
	if (l->d->annotate_ratio || l->d->type == CHART_SQUARES) {
		char *r = chart_ratio_note(l->d);

		if (r)
			notes[n++] = r;
	}
	return n;
}

static void
chart_legend(struct chart_lay *l)
{
	char **names;

	if (l->d->nseries < 2)
		return;
	names = xcalloc(l->d->nseries, sizeof *names);
	for (size_t s = 0; s < l->d->nseries; s++)
		names[s] = xstrdup(l->d->series[s]);
	chart_flow(l, names, l->d->nseries, CHART_TEXT_LEGEND,
	    CHART_TEXT_SIZE, CHART_SWATCH + 4);
	free(names);
}

static bool
chart_says_source(const char *s)
{
	return strncmp(s, "Nguồn", strlen("Nguồn")) == 0 ||
	    strncmp(s, "Source", 6) == 0;
}

static void
chart_footer(struct chart_lay *l)
{
	const struct chart_data *d = l->d;
	double wrap = l->width - 2 * CHART_MARGIN;
	size_t i;
	char *s;

	if (d->caption && *d->caption) {
		i = chart_put_text(l, CHART_TEXT_CAPTION, xstrdup(d->caption),
		    CHART_MARGIN, l->y, CHART_TEXT_SIZE, false, -1, wrap);
		l->y += l->g->texts[i].r.h + 2;
	}
	if (d->source && *d->source) {
		s = chart_says_source(d->source) ? xstrdup(d->source) :
		    xasprintf("%s: %s", d->lang == LANG_VI ? "Nguồn" :
		    "Source", d->source);
		i = chart_put_text(l, CHART_TEXT_SOURCE, s, CHART_MARGIN,
		    l->y, CHART_SMALL_SIZE, false, -1, wrap);
		l->y += l->g->texts[i].r.h + 2;
	}
}

/* The value axis for the bar types, before its length is known. */
static void
chart_scale(struct chart_lay *l)
{
	size_t n;
	double *v = chart_bar_values(l->d, &n), lo = INFINITY, hi = -INFINITY;
	double minpos = INFINITY;

	for (size_t i = 0; i < n; i++) {
		lo = fmin(lo, v[i]);
		hi = fmax(hi, v[i]);
		if (v[i] > 0)
			minpos = fmin(minpos, v[i]);
	}
	switch (chart_resolve_scale(l->d)) {
	case CHART_SCALE_LOG:
		/* Unvalidated data without a positive value falls through
		 * to linear rather than a log of nothing. */
		if (isfinite(minpos)) {
			scale_log(&l->sc, minpos, hi);
			break;
		}
		/* fall through */
	case CHART_SCALE_BROKEN:
		scale_broken(&l->sc, v, n, 0);
		break;
	default:
		scale_linear(&l->sc, lo, hi, SCALE_LINEAR_TICKS);
		break;
	}
	free(v);
}

static const char *
chart_unit(const struct chart_data *d)
{
	for (size_t i = 0; i < d->ncats * d->nseries; i++)
		if (d->values[i].unit[0])
			return d->values[i].unit;
	return "";
}

/* The arrays grew by doubling; a geometry lives as long as its report's
 * layout (a thousand charts in a long one), so give the spare room back. */
static void
chart_trim(struct chart_geom *g)
{
	if (g->nbars)
		g->bars = xreallocarray(g->bars, g->nbars, sizeof *g->bars);
	if (g->ntexts)
		g->texts = xreallocarray(g->texts, g->ntexts,
		    sizeof *g->texts);
	if (g->nlines)
		g->lines = xreallocarray(g->lines, g->nlines,
		    sizeof *g->lines);
	if (g->nswatches)
		g->swatches = xreallocarray(g->swatches, g->nswatches,
		    sizeof *g->swatches);
}

/* One layout pass within caps; returns why the chart cannot be set
 * legibly (caller frees), or NULL. */
static char *
chart_layout_run(const struct chart_data *data, double width,
    const struct chart_measure *m, const struct chart_caps *caps,
    struct chart_geom *g)
{
	struct chart_lay l;
	char *notes[4];
	double w;
	size_t n;

	memset(g, 0, sizeof *g);
	memset(&l, 0, sizeof l);
	l.d = data;
	l.m = m;
	l.g = g;
	l.width = width;
	l.y = CHART_MARGIN;
	l.unit = chart_unit(data);
	l.caps = *caps;
	chart_measure_text(&l, "Ag", CHART_TEXT_SIZE, false, 0, -1, &w,
	    &l.line_h);
	g->nseries = data->nseries;
	g->grayscale = data->grayscale;
	g->has_highlight = data->highlight >= 0 &&
	    (size_t)data->highlight < data->ncats;
	g->horizontal = data->type == CHART_HBAR;
	if (data->type != CHART_SQUARES)
		chart_scale(&l);
	chart_title(&l);
	n = chart_notes(&l, notes);
	chart_flow(&l, notes, n, CHART_TEXT_NOTE, CHART_SMALL_SIZE, 0);
	chart_legend(&l);
	l.y += CHART_GAP / 2;
	if (data->type == CHART_SQUARES)
		chart_squares_layout(&l);
	else
		chart_bar_layout(&l);
	l.y += CHART_GAP;
	chart_footer(&l);
	g->box = (struct chart_rect){ 0, 0, width, l.y + CHART_MARGIN };
	chart_trim(g);
	return l.fail;
}

void
chart_layout(const struct chart_data *data, double width,
    const struct chart_measure *m, struct chart_geom *g)
{
	static const struct chart_caps none = { 0, 0 };

	free(chart_layout_run(data, width, m, &none, g));
}

static char *
chart_too_tall(const struct chart_geom *g, double max_height)
{
	return xasprintf("chart: type: the chart is %.0f pt tall and a page "
	    "has room for %.0f pt; chart fewer categories, or shorten its "
	    "title, notes or caption", g->box.h, max_height);
}

/* The least pitch of an hbar row that keeps its labels apart: a line per
 * series (value labels sit beside their bars), and air. */
static double
chart_min_row(const struct chart_data *d, double line_h)
{
	return (double)d->nseries * line_h + (d->nseries > 1 ? 4 : 2);
}

/* Caps that take excess points off g's height, or why none can. */
static char *
chart_shrink(const struct chart_data *d, const struct chart_geom *g,
    double max_height, double line_h, struct chart_caps *caps)
{
	/* Not all of the box follows the plot (a label above the tallest
	 * bar moves less than the plot's top): aim a point lower. */
	double excess = g->box.h - max_height, room = g->plot.h - excess - 1;
	double least = chart_min_row(d, line_h);

	if (d->type == CHART_HBAR && room >= least) {
		if (room / (double)d->ncats >= least) {
			caps->row = room / (double)d->ncats;
			return NULL;
		}
		return xasprintf("chart: type: %zu categories do not fit down "
		    "one page as horizontal bars (at most %.0f here); chart "
		    "fewer, or use type: bar", d->ncats, floor(room / least));
	}
	if (d->type != CHART_HBAR && d->type != CHART_SQUARES &&
	    room >= CHART_PLOT_MIN) {
		caps->plot_h = room;
		return NULL;
	}
	return chart_too_tall(g, max_height);
}

bool
chart_layout_fit(const struct chart_data *data, double width,
    double max_height, const struct chart_measure *m, struct chart_geom *g,
    struct diags *d)
{
	struct chart_caps caps = { 0, 0 };
	double w, line_h;
	char *why;

	m->text_size(m->ctx, "Ag", CHART_TEXT_SIZE, false, 0, -1, &w, &line_h);
	/* A shrunk pass can come out a little taller than planned (labels
	 * wrap again, ticks that do not follow the plot): a few passes
	 * settle it. */
	for (int pass = 0;; pass++) {
		why = chart_layout_run(data, width, m, &caps, g);
		if (why || g->box.h <= max_height + 1e-6)
			break;
		if (pass == 5) {
			why = chart_too_tall(g, max_height);
			break;
		}
		why = chart_shrink(data, g, max_height, line_h, &caps);
		if (why)
			break;
		chart_geom_release(g);
	}
	if (why == NULL)
		return true;
	diag_error(d, chart_at(data, data->type_pos), "%s", why);
	free(why);
	return false;
}

void
chart_geom_release(struct chart_geom *g)
{
	for (size_t i = 0; i < g->ntexts; i++)
		free(g->texts[i].text);
	free(g->texts);
	free(g->bars);
	free(g->lines);
	free(g->swatches);
	memset(g, 0, sizeof *g);
}

static void
chart_free_strings(char **v, size_t n)
{
	if (v == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
chart_data_release(struct chart_data *d)
{
	chart_free_strings(d->cats, d->ncats);
	chart_free_strings(d->series, d->nseries);
	free(d->values);
	free(d->title);
	free(d->caption);
	free(d->source);
	memset(d, 0, sizeof *d);
	d->highlight = -1;
}
