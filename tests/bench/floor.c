/* floor: the physical floor of a benchmark page — plain Cairo + PangoCairo
 * drawing the same texts, bars and lines as figpress sets for a generated
 * report (tests/bench/gen-report.sh writes them to floor.tsv), at fixed
 * positions: no parsing of Markdown, CSV or figures, no layout decisions.
 * Same bundled fonts through figpress's private fontconfig (src/fonts.c).
 *
 *   floor FLOOR.TSV OUT.PDF
 */
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fonts.h"

#define FLOOR_W 419.528		/* A5, as the generated reports */
#define FLOOR_H 595.276
#define FLOOR_M 42.0
#define FLOOR_TOP 48.0
#define FLOOR_CW (FLOOR_W - 2 * FLOOR_M)
#define FLOOR_K 0.88		/* theme.c's A5 type scale */
#define FLOOR_MAX_FIELDS 12

static const char *const floor_ticks[] = { "1 nghìn", "100 nghìn",
	"10 triệu", "1 tỷ", "100 tỷ", "10 nghìn tỷ" };

struct floor {
	cairo_t *cr;
	PangoContext *pc;
	size_t npages;
	const char *title;
};

/* Shape text once and show it with its top-left at (x, y). */
static void
floor_text(struct floor *f, const char *text, const char *family,
    double size, bool bold, double width, PangoAlignment align,
    bool justify, double x, double y)
{
	PangoLayout *pl = pango_layout_new(f->pc);
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, family);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD :
	    PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(pl, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(pl, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(pl, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(pl, align);
	pango_layout_set_justify(pl, justify);
	if (justify)
		pango_layout_set_line_spacing(pl, 1.42f);
	pango_layout_set_text(pl, text, -1);
	cairo_move_to(f->cr, x, y);
	pango_cairo_show_layout(f->cr, pl);
	g_object_unref(pl);
}

static void
floor_line(cairo_t *cr, double x0, double y0, double x1, double y1,
    double width, double grey)
{
	cairo_set_source_rgb(cr, grey, grey, grey);
	cairo_set_line_width(cr, width);
	cairo_move_to(cr, x0, y0);
	cairo_line_to(cr, x1, y1);
	cairo_stroke(cr);
}

/* The chart: grid with tick labels, bars with value and category labels,
 * the scale note and the caption.  f[3..] are label, value pairs. */
static void
floor_chart(struct floor *f, char **fld, int nf, double y)
{
	double x0 = FLOOR_M + 48, x1 = FLOOR_M + FLOOR_CW, y1 = y + 200;
	int nbars = (nf - 3) / 2;
	double slot = (x1 - x0) / (nbars ? nbars : 1);

	floor_text(f, "Thang logarit", "Noto Sans", 7 * FLOOR_K, false, 0,
	    PANGO_ALIGN_LEFT, false, FLOOR_M, y - 14);
	for (int i = 0; i < 6; i++) {
		double ty = y1 - i * 40;
		floor_line(f->cr, x0, ty, x1, ty, 0.25, 0.78);
		cairo_set_source_rgb(f->cr, 0.35, 0.35, 0.35);
		floor_text(f, floor_ticks[i], "Noto Sans", 7 * FLOOR_K, false,
		    44, PANGO_ALIGN_RIGHT, false, FLOOR_M, ty - 5);
	}
	for (int b = 0; b < nbars; b++) {
		double bx = x0 + b * slot + slot * 0.2;
		double h = 30 + (double)((strlen(fld[4 + 2 * b]) * 37) % 160);
		cairo_set_source_rgb(f->cr, 0.11, 0.23, 0.42);
		cairo_rectangle(f->cr, bx, y1 - h, slot * 0.6, h);
		cairo_fill(f->cr);
		cairo_set_source_rgb(f->cr, 0.1, 0.1, 0.1);
		floor_text(f, fld[4 + 2 * b], "Noto Sans", 7.5 * FLOOR_K,
		    false, slot, PANGO_ALIGN_CENTER, false, bx - slot * 0.2,
		    y1 - h - 11);
		floor_text(f, fld[3 + 2 * b], "Noto Sans", 7.5 * FLOOR_K,
		    false, slot, PANGO_ALIGN_CENTER, false, bx - slot * 0.2,
		    y1 + 4);
	}
	floor_line(f->cr, x0, y1, x1, y1, 0.6, 0.2);
	cairo_set_source_rgb(f->cr, 0.1, 0.1, 0.1);
	floor_text(f, fld[2], "Noto Sans", 7.5 * FLOOR_K, false, FLOOR_CW,
	    PANGO_ALIGN_LEFT, false, FLOOR_M, y1 + 20);
}

static void
floor_page(struct floor *f, char **fld, int nf, size_t page)
{
	char folio[64];

	cairo_set_source_rgb(f->cr, 0.36, 0.38, 0.40);
	if (page > 0)
		floor_text(f, f->title, "Noto Sans", 8.5 * FLOOR_K, false,
		    FLOOR_CW, PANGO_ALIGN_LEFT, false, FLOOR_M, 27);
	snprintf(folio, sizeof folio, "Trang %zu/%zu", page + 1, f->npages);
	floor_text(f, folio, "Noto Sans", 8.5 * FLOOR_K, false, FLOOR_CW,
	    PANGO_ALIGN_RIGHT, false, FLOOR_M, FLOOR_H - 30);
	cairo_set_source_rgb(f->cr, 0.1, 0.1, 0.11);
	floor_text(f, fld[0], "Noto Sans", 16 * FLOOR_K, true, FLOOR_CW,
	    PANGO_ALIGN_LEFT, false, FLOOR_M, FLOOR_TOP + 12);
	floor_text(f, fld[1], "Noto Serif", 10.5 * FLOOR_K, false, FLOOR_CW,
	    PANGO_ALIGN_LEFT, true, FLOOR_M, FLOOR_TOP + 40);
	floor_chart(f, fld, nf, FLOOR_TOP + 260);
	cairo_show_page(f->cr);
}

static int
floor_split(char *line, char **fld)
{
	int n = 0;

	line[strcspn(line, "\n")] = '\0';
	for (char *p = line; n < FLOOR_MAX_FIELDS; ) {
		fld[n++] = p;
		p = strchr(p, '\t');
		if (p == NULL)
			break;
		*p++ = '\0';
	}
	return n;
}

int
main(int argc, char **argv)
{
	struct diags d = { 0 };
	struct floor f = { 0 };
	char *fld[FLOOR_MAX_FIELDS], *line = NULL, title[64];
	size_t cap = 0;
	cairo_surface_t *s;
	FILE *in;

	if (argc != 3 || (in = fopen(argv[1], "r")) == NULL) {
		fprintf(stderr, "usage: floor FLOOR.TSV OUT.PDF\n");
		return 2;
	}
	if (!fonts_init(argv[0], &d)) {
		fprintf(stderr, "floor: no fonts (set FIGPRESS_FONTS)\n");
		return 1;
	}
	while (getline(&line, &cap, in) > 0)
		f.npages++;
	rewind(in);
	snprintf(title, sizeof title, "Báo cáo thử hiệu năng %zu trang",
	    f.npages);
	f.title = title;
	f.pc = fonts_context(LANG_VI);
	s = cairo_pdf_surface_create(argv[2], FLOOR_W, FLOOR_H);
	f.cr = cairo_create(s);
	for (size_t p = 0; getline(&line, &cap, in) > 0; p++) {
		int nf = floor_split(line, fld);
		if (nf >= 5)
			floor_page(&f, fld, nf, p);
	}
	cairo_destroy(f.cr);
	cairo_surface_finish(s);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "floor: %s\n",
		    cairo_status_to_string(cairo_surface_status(s)));
		return 1;
	}
	cairo_surface_destroy(s);
	g_object_unref(f.pc);
	fonts_shutdown();
	free(line);
	fclose(in);
	return 0;
}
