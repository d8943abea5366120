/* output-pages: formats written one file a sheet (SVG, PNG) — the file
 * names, all-or-nothing replacement of the set, and the stale pages a
 * shorter report leaves behind. */
#include "output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "draw.h"
#include "xmalloc.h"

const struct handout *
output_handout(const struct layout *lo, const struct output_options *opt,
    struct handout *plain)
{
	struct handout_box page = { 0, 0, lo->theme.page_w,
	    lo->theme.page_h };

	if (opt->handout)
		return opt->handout;
	handout_init(plain, 1, &page, page.w, page.h);
	return plain;
}

char *
output_page_path(const char *out, const char *ext, size_t sheet)
{
	size_t len = strlen(out), elen = strlen(ext);

	if (len > elen + 1 && out[len - elen - 1] == '.' &&
	    strcmp(out + len - elen, ext) == 0)
		len -= elen + 1;
	return xasprintf("%.*s-%zu.%s", (int)len, out, sheet + 1, ext);
}

/* Once the new set is in place, pages numbered past its end belong to an
 * older, longer render: a folder of NAME-1..3 must not keep NAME-4. */
static void
output_pages_prune(const char *out, const char *ext, size_t from)
{
	for (size_t i = from;; i++) {
		char *path = output_page_path(out, ext, i);
		int r = unlink(path);

		free(path);
		if (r != 0)
			break;
	}
}

/* Every sheet drawn into its own temporary file, closed once written (a
 * report of thousands of pages would otherwise hold a descriptor a page,
 * past the usual limit of 1024); false at the first failure, with the
 * files made so far left for the caller to abort. */
static bool
output_pages_draw(const struct layout *lo, const char *out,
    const struct output_options *opt, const struct output_pager *pager,
    struct atomic_file *af, size_t nsheets, struct diags *d)
{
	struct handout plain;
	const struct handout *h = output_handout(lo, opt, &plain);
	struct draw_state st;
	bool ok = true;

	draw_state_init(&st, lo, opt->grayscale);
	st.tagged = false;
	for (size_t i = 0; ok && i < nsheets; i++) {
		char *path = output_page_path(out, pager->ext, i);
		ok = atomic_open(&af[i], path, d) &&
		    pager->sheet(&st, h, i, opt, &af[i], d) &&
		    atomic_finish(&af[i], d);
		free(path);
	}
	draw_state_release(&st);
	return ok;
}

bool
output_pages(const struct layout *lo, const char *out,
    const struct output_options *opt, const struct output_pager *pager,
    struct diags *d)
{
	struct handout plain;
	size_t nsheets = handout_sheets(output_handout(lo, opt, &plain),
	    lo->pages.npages);
	struct atomic_file *af = xcalloc(nsheets ? nsheets : 1, sizeof *af);
	bool ok = output_pages_draw(lo, out, opt, pager, af, nsheets, d);

	/* All or nothing: rename only once every sheet is on disk. */
	if (ok)
		ok = atomic_commit_all(af, nsheets, d);
	else
		for (size_t i = 0; i < nsheets; i++)
			atomic_abort(&af[i]);
	if (ok)
		output_pages_prune(out, pager->ext, nsheets);
	free(af);
	return ok;
}

cairo_status_t
output_stream(void *closure, const unsigned char *data, unsigned int len)
{
	return atomic_write(closure, data, len) ? CAIRO_STATUS_SUCCESS :
	    CAIRO_STATUS_WRITE_ERROR;
}

/* A surface's sticky status, checked once after finishing (STYLE 6), as a
 * diag naming the file. */
bool
output_surface_done(cairo_surface_t *s, const struct atomic_file *af,
    struct diags *d)
{
	cairo_status_t status;

	cairo_surface_finish(s);
	status = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (af->failed) {
		diag_error(d, srcpos_at(af->path, 0, 0), "cannot write: %s",
		    strerror(af->error));
		return false;
	}
	if (status != CAIRO_STATUS_SUCCESS) {
		diag_error(d, srcpos_at(af->path, 0, 0), "drawing failed: %s",
		    cairo_status_to_string(status));
		return false;
	}
	return true;
}
