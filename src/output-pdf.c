/* output-pdf: the PDF surface — metadata, the Document tag tree, outline
 * from headings, one sticky status checked at the end (STYLE 6). */
#include "output.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "atomic.h"
#include "draw.h"
#include "xmalloc.h"

static cairo_status_t
output_write(void *closure, const unsigned char *data, unsigned int len)
{
	return atomic_write(closure, data, len) ? CAIRO_STATUS_SUCCESS :
	    CAIRO_STATUS_WRITE_ERROR;
}

/* SOURCE_DATE_EPOCH must be a plain non-negative integer, as the
 * reproducible-builds specification says; anything else is ignored. */
static bool
epoch_from_env(time_t *t)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	long long v = 0;

	if (s == NULL || *s == '\0')
		return false;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9' || v > 253402300799LL / 10)
			return false;
		v = v * 10 + (*p - '0');
	}
	*t = (time_t)v;
	return true;
}

void
output_date(const struct doc *doc, char buf[32])
{
	time_t t;
	struct tm tm;
	int y, m, d;

	if (!epoch_from_env(&t) && doc->fm.date &&
	    sscanf(doc->fm.date, "%4d-%2d-%2d", &y, &m, &d) == 3) {
		snprintf(buf, 32, "%04d-%02d-%02dT00:00:00", y, m, d);
		return;
	}
	if (!epoch_from_env(&t))
		t = time(NULL);
	gmtime_r(&t, &tm);
	strftime(buf, 32, "%Y-%m-%dT%H:%M:%S", &tm);
}

static void
output_metadata(cairo_surface_t *s, const struct doc *doc)
{
	char date[32];
	char *creator = xasprintf("figpress %s", FIGPRESS_VERSION);

	if (doc->fm.title)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
		    doc->fm.title);
	if (doc->fm.author)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR,
		    doc->fm.author);
	if (doc->fm.subtitle)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT,
		    doc->fm.subtitle);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, creator);
	/* Cairo stamps the clock unless told (DESIGN: Known traps). */
	output_date(doc, date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE,
	    date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
	free(creator);
}

/* Bookmarks from the headings, nested by level. */
static void
output_outline(cairo_surface_t *s, const struct layout *lo)
{
	int parent[4] = { CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT,
	    CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT };

	for (size_t i = 0; i < lo->nitems; i++) {
		const struct flow_item *it = &lo->items[i];
		int level;
		char *link;
		if (it->role < ROLE_H1 || it->role > ROLE_H3 || !it->dest ||
		    !it->block)
			continue;
		level = (int)(it->role - ROLE_H1) + 1;
		link = xasprintf("dest='%s'", it->dest);
		parent[level] = cairo_pdf_surface_add_outline(s,
		    parent[level - 1], it->block->text.text, link, 0);
		for (int l = level + 1; l < 4; l++)
			parent[l] = parent[level];
		free(link);
	}
}

/* A handout sheet holds pieces of several pages, so marked content and
 * link rectangles would not match the page they name: sheets are drawn
 * untagged, without links, destinations or outline (the plain PDF keeps
 * them); cairo 1.16's damaged-xref trap needs links and tags together. */
static bool
output_draw(cairo_surface_t *s, const struct layout *lo,
    const struct output_options *opt, const struct handout *h)
{
	cairo_t *cr = cairo_create(s);
	struct draw_state st;
	size_t nsheets = handout_sheets(h, lo->pages.npages);
	bool ok;

	draw_state_init(&st, lo, opt->grayscale);
	st.tagged = h->n == 1;
	if (st.tagged)
		cairo_tag_begin(cr, "Document", NULL);
	for (size_t p = 0; p < nsheets; p++) {
		handout_draw_sheet(cr, &st, h, p);
		if (st.tagged && p + 1 == nsheets)
			cairo_tag_end(cr, "Document");
		cairo_show_page(cr);
		if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
			break;
		if (opt->page_done)
			opt->page_done(opt->page_ctx, p + 1, lo->pages.npages);
	}
	ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
	draw_state_release(&st);
	cairo_destroy(cr);
	return ok;
}

bool
output_pdf(const struct layout *lo, const char *path,
    const struct output_options *opt, struct diags *d)
{
	struct atomic_file af;
	struct handout plain;
	const struct handout *h = output_handout(lo, opt, &plain);
	cairo_surface_t *s;
	cairo_status_t status;

	if (!atomic_open(&af, path, d))
		return false;
	s = cairo_pdf_surface_create_for_stream(output_write, &af,
	    h->sheet_w, h->sheet_h);
	output_metadata(s, lo->doc);
	if (h->n == 1)
		output_outline(s, lo);
	if (!output_draw(s, lo, opt, h))
		diag_error(d, srcpos_at(path, 0, 0), "drawing failed: %s",
		    cairo_status_to_string(cairo_surface_status(s)));
	cairo_surface_finish(s);
	status = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (status != CAIRO_STATUS_SUCCESS || diags_failed(d)) {
		if (status != CAIRO_STATUS_SUCCESS && !af.failed)
			diag_error(d, srcpos_at(path, 0, 0), "%s",
			    cairo_status_to_string(status));
		else if (af.failed)
			diag_error(d, srcpos_at(path, 0, 0), "cannot write: %s",
			    strerror(af.error));
		atomic_abort(&af);
		return false;
	}
	return atomic_commit(&af, d);
}
