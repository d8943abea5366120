/* fuzz-pipeline: libFuzzer target for the whole pipeline — report →
 * layout (Pango) → every page drawn into a Cairo PDF surface whose bytes
 * go nowhere.  Whatever the report, drawing must not fail. */
#include <cairo-pdf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "draw.h"
#include "fonts.h"
#include "layout.h"
#include "report.h"
#include "xmalloc.h"

#include "fuzz-tree.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *report_path;
static struct report_options options;

/* The bundled fonts: $FIGPRESS_FONTS, else fonts/ two folders above the
 * binary (build/fuzz/fuzz-pipeline). */
static void
find_fonts(const char *argv0)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	struct diags d;

	if (getenv("FIGPRESS_FONTS") == NULL && n > 0) {
		char *fonts;
		exe[n] = '\0';
		*strrchr(exe, '/') = '\0';
		fonts = xasprintf("%s/../../fonts", exe);
		setenv("FIGPRESS_FONTS", fonts, 1);
		free(fonts);
	}
	diags_init(&d);
	if (!fonts_init(argv0, &d)) {
		diags_print(&d, stderr);
		exit(1);
	}
	diags_release(&d);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *root = fuzz_tree_make();

	(void)argc;
	find_fonts((*argv)[0]);
	report_path = xasprintf("%s/reports/fuzz.md", root);
	options.root = root;
	return 0;
}

static cairo_status_t
discard(void *closure, const unsigned char *data, unsigned int len)
{
	(void)closure;
	(void)data;
	(void)len;
	return CAIRO_STATUS_SUCCESS;
}

/* As output_pdf draws, without the file. */
static void
draw_all(const struct layout *lo)
{
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(discard, NULL,
	    lo->theme.page_w, lo->theme.page_h);
	cairo_t *cr = cairo_create(s);
	struct draw_state st;

	draw_state_init(&st, lo, lo->doc->fm.grayscale);
	cairo_tag_begin(cr, "Document", NULL);
	for (size_t p = 0; p < lo->pages.npages; p++) {
		draw_page(cr, &st, p);
		if (p + 1 == lo->pages.npages)
			cairo_tag_end(cr, "Document");
		cairo_show_page(cr);
	}
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "cairo: %s\n",
		    cairo_status_to_string(cairo_status(cr)));
		abort();
	}
	draw_state_release(&st);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "cairo surface: %s\n", cairo_status_to_string(
		    cairo_surface_status(s)));
		abort();
	}
	cairo_surface_destroy(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d;
	struct doc *doc;
	struct layout lo;

	diags_init(&d);
	doc = report_load_buffer(report_path, (const char *)data, size,
	    &options, &d);
	if (doc) {
		layout_build(&lo, doc, &d);
		if (lo.pages.npages < 1)
			abort();
		draw_all(&lo);
		layout_release(&lo);
	}
	doc_free(doc);
	diags_release(&d);
	return 0;
}
