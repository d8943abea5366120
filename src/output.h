/* output: surfaces and files — the PDF with metadata, tags and outline
 * (output-pdf.c), SVG (output-svg.c) and PNG (output-png.c) one file a
 * sheet (output-pages.c), all written through atomic.h; a handout imposes
 * several pages on each sheet (handout.h). */
#ifndef FIGPRESS_OUTPUT_H
#define FIGPRESS_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "atomic.h"
#include "diag.h"
#include "handout.h"
#include "layout.h"

struct output_options {
	bool grayscale;
	const struct handout *handout;	/* NULL: one page a sheet */
	int dpi;			/* PNG resolution; 0 means 150 */
	/* Called (may be NULL) after each page: pages done, total. */
	void (*page_done)(void *ctx, size_t done, size_t total);
	void *page_ctx;
};

#define OUTPUT_DPI 150		/* PNG resolution unless told */

/* The imposition opt asks for, or the plain one page a sheet of lo filled
 * into *plain. */
const struct handout *output_handout(const struct layout *lo,
    const struct output_options *opt, struct handout *plain);

/* The creation date for the PDF: SOURCE_DATE_EPOCH, else the front-matter
 * date, else now; as "YYYY-MM-DDThh:mm:ss" in buf. */
void output_date(const struct doc *doc, char buf[32]);
/* Draw every page of lo into a PDF at path (replaced atomically).  False
 * with an error in d when drawing or writing fails; path is then
 * untouched. */
bool output_pdf(const struct layout *lo, const char *path,
    const struct output_options *opt, struct diags *d);

/* The file of sheet (0-based) when out names a one-file-a-sheet output:
 * out without its ".ext", then "-N.ext" ("b.svg" → "b-1.svg").  Caller
 * frees. */
char *output_page_path(const char *out, const char *ext, size_t sheet);

/* A one-file-a-sheet format: paints one sheet on a fresh surface of its
 * own and streams it into af. */
struct output_pager {
	const char *ext;	/* "svg", "png" */
	bool (*sheet)(struct draw_state *st, const struct handout *h,
	    size_t sheet, const struct output_options *opt,
	    struct atomic_file *af, struct diags *d);
};

/* Write every sheet of lo through pager to output_page_path(out, …):
 * all files go to temporaries first and are renamed only when every sheet
 * drew, so a failed render leaves the previous files as they were; pages
 * numbered past the new last one (left from a longer report) are removed.
 * False with errors in d. */
bool output_pages(const struct layout *lo, const char *out,
    const struct output_options *opt, const struct output_pager *pager,
    struct diags *d);
/* cairo write function for the backends: closure is a struct
 * atomic_file. */
cairo_status_t output_stream(void *closure, const unsigned char *data,
    unsigned int len);
/* Finish and destroy s, turning its sticky status or af's write error
 * into a diag naming af's file.  False on either. */
bool output_surface_done(cairo_surface_t *s, const struct atomic_file *af,
    struct diags *d);
/* Each sheet of lo as an SVG file (text as glyph outlines), at
 * output_page_path(out, "svg", i). */
bool output_svg(const struct layout *lo, const char *out,
    const struct output_options *opt, struct diags *d);
/* Each sheet of lo as an antialiased PNG at opt->dpi, at
 * output_page_path(out, "png", i). */
bool output_png(const struct layout *lo, const char *out,
    const struct output_options *opt, struct diags *d);

#endif
