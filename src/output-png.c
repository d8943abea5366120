/* output-png: one antialiased PNG a sheet at a chosen resolution, painted
 * on white from the same layout as the PDF. */
#include "output.h"

#include <math.h>

#include "draw.h"

/* Pixels for a length in points at dpi, rounded to the nearest: A4 at
 * 150 dpi is 1240 x 1754. */
static int
output_png_px(double pt, int dpi)
{
	return (int)lround(pt * dpi / 72.0);
}

static bool
output_png_sheet(struct draw_state *st, const struct handout *h, size_t sheet,
    const struct output_options *opt, struct atomic_file *af,
    struct diags *d)
{
	int dpi = opt->dpi > 0 ? opt->dpi : OUTPUT_DPI;
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    output_png_px(h->sheet_w, dpi), output_png_px(h->sheet_h, dpi));
	cairo_t *cr = cairo_create(s);
	cairo_status_t status;
	bool ok;

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, dpi / 72.0, dpi / 72.0);
	handout_draw_sheet(cr, st, h, sheet);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	status = cairo_surface_status(s);
	if (status == CAIRO_STATUS_SUCCESS)
		status = cairo_surface_write_to_png_stream(s, output_stream,
		    af);
	ok = output_surface_done(s, af, d);
	if (ok && status != CAIRO_STATUS_SUCCESS) {
		diag_error(d, srcpos_at(af->path, 0, 0), "cannot write PNG: %s",
		    cairo_status_to_string(status));
		ok = false;
	}
	return ok;
}

bool
output_png(const struct layout *lo, const char *out,
    const struct output_options *opt, struct diags *d)
{
	static const struct output_pager pager = { "png", output_png_sheet };

	return output_pages(lo, out, opt, &pager, d);
}
