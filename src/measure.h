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

#endif
