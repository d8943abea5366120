/* draw: the thin Cairo layer — paints laid-out pages (draw.c) and chart
 * geometry (draw-chart.c).  It decides nothing about positions. */
#ifndef FIGPRESS_DRAW_H
#define FIGPRESS_DRAW_H

#include <cairo.h>
#include <pango/pango.h>

#include "chart.h"

/* Paint chart geometry g with its top-left corner at (x, y) on cr, setting
 * its texts with layouts from pc (the report's language).  Tags nothing:
 * the caller wraps it in a Figure structure element. */
void draw_chart(cairo_t *cr, PangoContext *pc, const struct chart_geom *g,
    double x, double y);

#endif
