/* output: surfaces and files — the PDF with metadata, tags and outline
 * (output-pdf.c), written through atomic.h. */
#ifndef FIGPRESS_OUTPUT_H
#define FIGPRESS_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "layout.h"

struct output_options {
	bool grayscale;
	/* Called (may be NULL) after each page: pages done, total. */
	void (*page_done)(void *ctx, size_t done, size_t total);
	void *page_ctx;
};

/* The creation date for the PDF: SOURCE_DATE_EPOCH, else the front-matter
 * date, else now; as "YYYY-MM-DDThh:mm:ss" in buf. */
void output_date(const struct doc *doc, char buf[32]);
/* Draw every page of lo into a PDF at path (replaced atomically).  False
 * with an error in d when drawing or writing fails; path is then
 * untouched. */
bool output_pdf(const struct layout *lo, const char *path,
    const struct output_options *opt, struct diags *d);

#endif
