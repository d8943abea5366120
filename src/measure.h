/* measure: the one place Pango units become points — measures text for
 * blocks and charts before anything is drawn (STYLE 2, 3). */
#ifndef FIGPRESS_MEASURE_H
#define FIGPRESS_MEASURE_H

#include <pango/pango.h>
#include <stdbool.h>

#include "chart.h"

/* Font description of the chart text: the sans at size points. */
PangoFontDescription *measure_chart_font(double size, bool bold);
/* A measurer for chart_layout that sets text like draw_chart does, with
 * layouts from pc (which must outlive m). */
void measure_chart_init(struct chart_measure *m, PangoContext *pc);
/* A layout of text set the way charts set it: the sans at size points,
 * wrapped at wrap points (<= 0: one line), aligned -1 left, 0 centre,
 * 1 right within the wrap width.  Caller unrefs; the layout is shared
 * through a bounded cache on pc (measuring and drawing set each text once),
 * so it must not be changed. */
PangoLayout *measure_chart_layout(PangoContext *pc, const char *text,
    double size, bool bold, double wrap, int align);
/* Drop pc's cache of chart layouts (they hold pc): call before the last
 * unref of a context that measured charts. */
void measure_chart_forget(PangoContext *pc);
/* Pango 1.50 shapes each run of a layout with a width twice (to find the
 * breaks, then again as set on its line) even when the text fits on one
 * line; without a width it shapes once.  True when pl, its text at size
 * points set without a width, reads as it would at width points: every
 * line fits and runs left to right.  Only a text short enough to fit
 * (MEASURE_FIT_EM of the size a character) is tried, which lays pl out;
 * a false answer leaves pl to be given its width. */
bool measure_fits_unwrapped(PangoLayout *pl, double size, double width);
/* The logical box of layout in points: offset within the layout and size. */
void measure_layout_box(PangoLayout *layout, double *x, double *y, double *w,
    double *h);

#endif
