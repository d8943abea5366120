/* measure-chart: chart text measured with Pango exactly as draw-chart.c
 * sets it, converted to points here and nowhere else. */
#include "measure.h"

#include "fonts.h"

PangoFontDescription *
measure_chart_font(double size, bool bold)
{
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, FONTS_SANS);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD :
	    PANGO_WEIGHT_NORMAL);
	/* Absolute: one point is one user unit on a PDF surface, whatever
	 * resolution the font map assumes. */
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	return fd;
}

PangoLayout *
measure_chart_layout(PangoContext *pc, const char *text, double size,
    bool bold, double wrap, int align)
{
	PangoLayout *layout = pango_layout_new(pc);
	PangoFontDescription *fd = measure_chart_font(size, bold);

	pango_layout_set_font_description(layout, fd);
	pango_font_description_free(fd);
	if (wrap > 0) {
		pango_layout_set_width(layout, pango_units_from_double(wrap));
		pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(layout, align < 0 ? PANGO_ALIGN_LEFT :
	    align > 0 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
	pango_layout_set_text(layout, text, -1);
	return layout;
}

void
measure_layout_box(PangoLayout *layout, double *x, double *y, double *w,
    double *h)
{
	PangoRectangle logical;

	pango_layout_get_extents(layout, NULL, &logical);
	*x = pango_units_to_double(logical.x);
	*y = pango_units_to_double(logical.y);
	*w = pango_units_to_double(logical.width);
	*h = pango_units_to_double(logical.height);
}

static void
measure_chart_text(void *ctx, const char *text, double size, bool bold,
    double wrap_width, double *w, double *h)
{
	PangoLayout *layout = measure_chart_layout(ctx, text, size, bold,
	    wrap_width, -1);
	double x, y;

	measure_layout_box(layout, &x, &y, w, h);
	g_object_unref(layout);
}

void
measure_chart_init(struct chart_measure *m, PangoContext *pc)
{
	m->ctx = pc;
	m->text_size = measure_chart_text;
}
