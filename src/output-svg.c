/* output-svg: one SVG file a sheet from the same layout as the PDF; text
 * becomes glyph outlines (cairo 1.16's SVG surface has no other way), so
 * every viewer shows the bundled fonts. */
#include "output.h"

#include <cairo-svg.h>

#include "draw.h"

static bool
output_svg_sheet(struct draw_state *st, const struct handout *h, size_t sheet,
    const struct output_options *opt, struct atomic_file *af,
    struct diags *d)
{
	cairo_surface_t *s = cairo_svg_surface_create_for_stream(output_stream,
	    af, h->sheet_w, h->sheet_h);
	cairo_t *cr;

	(void)opt;
	/* Sizes in points, as the PDF: a viewer maps 595pt to A4 width. */
	cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PT);
	cr = cairo_create(s);
	handout_draw_sheet(cr, st, h, sheet);
	cairo_show_page(cr);
	cairo_destroy(cr);
	return output_surface_done(s, af, d);
}

bool
output_svg(const struct layout *lo, const char *out,
    const struct output_options *opt, struct diags *d)
{
	static const struct output_pager pager = { "svg", output_svg_sheet };

	return output_pages(lo, out, opt, &pager, d);
}
