/* render: report → document → layout → output file(s), for one report. */
#include "render.h"

#include <stdlib.h>
#include <string.h>

#include "deps.h"
#include "fontuse.h"
#include "frontmatter.h"
#include "handout.h"
#include "layout.h"
#include "output.h"
#include "report.h"
#include "xmalloc.h"

#define RENDER_HANDOUT_PAD 16.0	/* white kept around a page's ink */

char *
render_default_output(const char *report, const char *dir, const char *ext)
{
	const char *slash = strrchr(report, '/');
	const char *base = slash ? slash + 1 : report;
	size_t stem = strlen(base);
	size_t dlen;

	if (stem > 3 && strcmp(base + stem - 3, ".md") == 0)
		stem -= 3;
	if (dir == NULL)
		return xasprintf("%.*s%.*s.%s", (int)(slash ? slash - report +
		    1 : 0), report, (int)stem, base, ext);
	dlen = strlen(dir);
	return xasprintf("%s%s%.*s.%s", dir, dlen && dir[dlen - 1] == '/' ?
	    "" : "/", (int)stem, base, ext);
}

/* job->format, where NULL (a caller that predates it) means PDF. */
static bool
render_is(const struct render_job *job, const char *format)
{
	return job->format && strcmp(job->format, format) == 0;
}

/* The Make target of a render: the output, or its first page file. */
static char *
render_target(const struct render_job *job)
{
	if (render_is(job, "svg") || render_is(job, "png"))
		return output_page_path(job->out, job->format, 0);
	return xstrdup(job->out);
}

/* The files read: the document's inputs (report, data), then the fonts
 * the pages were drawn with.  The strings are lent; caller frees the
 * array. */
static const char **
render_inputs(const struct doc *doc, const struct fontuse *fu, size_t *n)
{
	const char **inputs;

	*n = doc->ninputs + fu->nfiles;
	inputs = xcalloc(*n ? *n : 1, sizeof *inputs);
	for (size_t i = 0; i < doc->ninputs; i++)
		inputs[i] = doc->inputs[i];
	for (size_t i = 0; i < fu->nfiles; i++)
		inputs[doc->ninputs + i] = fu->files[i];
	return inputs;
}

static void
render_keep_inputs(struct render_result *res, const char *const *inputs,
    size_t n)
{
	res->inputs = xcalloc(n ? n : 1, sizeof *res->inputs);
	for (size_t i = 0; i < n; i++)
		res->inputs[i] = xstrdup(inputs[i]);
	res->ninputs = n;
}

/* report_load, and on failure the files it read (at least the report)
 * into res, so a watcher knows what to wait for.  In a handout --paper
 * names the sheet, not the pages. */
static struct doc *
render_load(const struct render_job *job, struct render_result *res,
    struct diags *d)
{
	char **failed = NULL;
	size_t nfailed = 0;
	struct report_options ropt = { .paper = job->handout ? NULL :
	    job->paper, .grayscale = job->grayscale, .root = job->root };
	struct doc *doc = report_load_inputs(job->report, &ropt, &failed,
	    &nfailed, d);

	if (doc == NULL && res) {
		if (nfailed == 0)
			render_keep_inputs(res, &job->report, 1);
		else {
			res->inputs = failed;
			res->ninputs = nfailed;
			failed = NULL;
		}
	}
	for (size_t i = 0; failed && i < nfailed; i++)
		free(failed[i]);
	free(failed);
	return doc;
}

/* A handout's sheets: --paper, else A4, turned to suit n (the pages keep
 * the report's own paper). */
static bool
render_handout(const struct render_job *job, const struct layout *lo,
    struct handout *sheets, struct diags *d)
{
	enum paper paper = PAPER_A4;
	struct handout_box shown;
	int orient;
	double w, h;

	if (job->paper && !frontmatter_paper(job->paper, &paper, &orient)) {
		diag_error(d, srcpos_at(NULL, 0, 0), "--paper: unknown paper "
		    "\"%s\" (A4, A5 or Letter)", job->paper);
		return false;
	}
	theme_paper_size(paper, handout_sheet_landscape(job->handout,
	    lo->theme.page_w > lo->theme.page_h), &w, &h);
	/* The sheet has margins of its own: show each page's ink, not its
	 * white margins, and the type grows by a tenth on a 4-up sheet. */
	theme_ink_box(&lo->theme, RENDER_HANDOUT_PAD, &shown.x, &shown.y,
	    &shown.w, &shown.h);
	if (!handout_init(sheets, job->handout, &shown, w, h)) {
		diag_error(d, srcpos_at(NULL, 0, 0), "--handout takes 2 or 4");
		return false;
	}
	return true;
}

/* The output file(s) of job->format from lo. */
static bool
render_output(const struct render_job *job, const struct layout *lo,
    const struct output_options *opt, struct diags *d)
{
	if (render_is(job, "svg"))
		return output_svg(lo, job->out, opt, d);
	if (render_is(job, "png"))
		return output_png(lo, job->out, opt, d);
	return output_pdf(lo, job->out, opt, d);
}

static bool
render_pages_limit(const struct render_job *job, const struct layout *lo,
    struct diags *d)
{
	if (lo->pages.npages <= RENDER_MAX_PAGES)
		return true;
	diag_error(d, srcpos_at(job->report, 0, 0), "the layout has %zu pages, "
	    "more than the limit of %d", lo->pages.npages, RENDER_MAX_PAGES);
	return false;
}

/* Lay out and draw doc, recording the fonts used into fu; a warning
 * after the first before diagnostics fails a --strict render. */
static bool
render_draw(const struct render_job *job, const struct doc *doc,
    struct fontuse *fu, struct render_result *res, size_t before,
    struct diags *d)
{
	struct output_options oopt = {
		.grayscale = job->grayscale || doc->fm.grayscale,
		.page_done = job->progress,
		.page_ctx = job->progress_ctx,
		.dpi = job->dpi,
	};
	struct handout sheets;
	struct layout lo;
	size_t errors = d->errors;
	bool ok;

	layout_build(&lo, doc, d);
	if (res)
		res->pages = lo.pages.npages;
	/* Layout finds what only the paper shows (a chart taller than a
	 * page): nothing is written then. */
	ok = d->errors == errors && render_pages_limit(job, &lo, d) &&
	    !(job->strict && d->count > before);
	ok = ok && (!job->handout || render_handout(job, &lo, &sheets, d));
	if (ok && job->handout)
		oopt.handout = &sheets;
	if (ok) {
		fontuse_attach(fu, lo.pango);
		ok = render_output(job, &lo, &oopt, d);
		fontuse_detach(lo.pango);
	}
	layout_release(&lo);
	return ok;
}

bool
render_report(const struct render_job *job, struct render_result *res,
    struct diags *d)
{
	struct fontuse fu;
	struct doc *doc;
	const char **inputs;
	char *target;
	size_t n;
	size_t before = d->count;
	bool ok;

	if (res)
		memset(res, 0, sizeof *res);
	doc = render_load(job, res, d);
	if (doc == NULL)
		return false;
	/* --strict: a warning of the report fails it before anything is
	 * written. */
	if (job->strict && d->count > before) {
		doc_free(doc);
		return false;
	}
	fontuse_init(&fu);
	ok = render_draw(job, doc, &fu, res, before, d);
	inputs = render_inputs(doc, &fu, &n);
	if (res)
		render_keep_inputs(res, inputs, n);
	/* A failed render keeps its old rule: make retries it anyway, since
	 * the target was not updated. */
	if (ok && job->depfile) {
		target = render_target(job);
		ok = deps_write(job->depfile, target, inputs, n, d);
		free(target);
	}
	free(inputs);
	fontuse_release(&fu);
	doc_free(doc);
	return ok;
}

void
render_result_release(struct render_result *res)
{
	for (size_t i = 0; i < res->ninputs; i++)
		free(res->inputs[i]);
	free(res->inputs);
	memset(res, 0, sizeof *res);
}
