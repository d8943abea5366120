/* draw: the thin Cairo layer — paints laid-out pages (draw.c) and chart
 * geometry (draw-chart.c).  It decides nothing about positions. */
#ifndef FIGPRESS_DRAW_H
#define FIGPRESS_DRAW_H

#include <cairo.h>
#include <pango/pango.h>
#include <stdbool.h>

#include "chart.h"
#include "layout.h"

/* Container tags (Document, L, LI, Table …) nested deeper than this are
 * not tagged. */
#define DRAW_MAX_DEPTH 32

/* What carries over from page to page while a document is drawn: the
 * open structure tags and the next piece of the layout. */
struct draw_state {
	const struct layout *layout;	/* lent */
	const struct theme *theme;
	double content_x, content_y;
	bool grayscale;
	/* Structure tags, links and destinations: PDF pages only — a
	 * handout sheet, SVG or PNG draws none (set after init). */
	bool tagged;
	const char *stack[DRAW_MAX_DEPTH];
	size_t depth;
	size_t next_piece;
	PangoLayout *header;	/* owned: the running header, set once */
};

/* Start drawing lo from its first page, tagged.  Release with
 * draw_state_release. */
void draw_state_init(struct draw_state *st, const struct layout *lo,
    bool grayscale);
void draw_state_release(struct draw_state *st);
/* Paint page (0-based; pages are drawn in order) of st's layout on cr. */
void draw_page(cairo_t *cr, struct draw_state *st, size_t page);

/* Paint chart geometry g with its top-left corner at (x, y) on cr, setting
 * its texts with layouts from pc (the report's language).  Tags nothing:
 * the caller wraps it in a Figure structure element. */
void draw_chart(cairo_t *cr, PangoContext *pc, const struct chart_geom *g,
    double x, double y);

#endif
