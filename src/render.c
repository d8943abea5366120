/* render: report → document → layout → output file(s), for one report. */
#include "render.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "deps.h"
#include "fonts.h"
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

/* A handout's sheets: --paper, else A4, turned to suit n unless --paper
 * says which way (the pages keep the report's own paper). */
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
	/* An orientation --paper names is the sheet's ("A4 landscape" with
	 * --handout 4 was printed portrait): the grid follows the sheet. */
	if (!job->paper)
		orient = -1;
	theme_paper_size(paper, orient >= 0 ? orient == 1 :
	    handout_sheet_landscape(job->handout, lo->theme.page_w >
	    lo->theme.page_h), &w, &h);
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

/* --- outputs that must not be written ----------------------------------- */

/* A name's canonical spelling: its folder resolved, then the name; as
 * given when the folder does not exist.  Caller frees. */
static char *
render_canonical(const char *path)
{
	char *dir = g_path_get_dirname(path), *base = g_path_get_basename(path);
	char *real = realpath(dir, NULL);
	char *out = real ? xasprintf("%s/%s", real, base) : xstrdup(path);

	free(real);
	g_free(dir);
	g_free(base);
	return out;
}

bool
render_same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	bool ea = stat(a, &sa) == 0, eb = stat(b, &sb) == 0;
	char *ca, *cb;
	bool same;

	if (ea || eb)
		return ea && eb && sa.st_dev == sb.st_dev &&
		    sa.st_ino == sb.st_ino;
	ca = render_canonical(a);
	cb = render_canonical(b);
	same = strcmp(ca, cb) == 0;
	free(ca);
	free(cb);
	return same;
}

/* The first file the render reads (report, data, a bundled font) that
 * out names, or NULL. */
static const char *
render_input_at(const struct doc *doc, const char *out)
{
	for (size_t i = 0; i < doc->ninputs; i++)
		if (render_same_file(out, doc->inputs[i]))
			return doc->inputs[i];
	for (size_t i = 0; i < fonts_count(); i++)
		if (render_same_file(out, fonts_file(i)))
			return fonts_file(i);
	return NULL;
}

/* An output over a file the render reads (-o naming the report or a CSV)
 * would destroy the source; the dependency file over the output would
 * leave a Make rule where the PDF should be.  Refused before anything is
 * written. */
static bool
render_check_output(const struct render_job *job, const struct doc *doc,
    const char *out, struct diags *d)
{
	const char *in = render_input_at(doc, out);

	if (in) {
		diag_error(d, srcpos_at(out, 0, 0), "will not write over %s, "
		    "which the render reads", in);
		return false;
	}
	if (job->depfile && render_same_file(out, job->depfile)) {
		diag_error(d, srcpos_at(job->depfile, 0, 0), "-M names the "
		    "output itself");
		return false;
	}
	return true;
}

/* Every output of job (the PDF, or each page file of nsheets) and the
 * dependency file checked as above. */
static bool
render_check_outputs(const struct render_job *job, const struct doc *doc,
    size_t nsheets, struct diags *d)
{
	bool pages = render_is(job, "svg") || render_is(job, "png");
	const char *in;
	bool ok = true;

	for (size_t i = 0; ok && i < (pages ? nsheets : 1); i++) {
		char *out = pages ? output_page_path(job->out, job->format, i) :
		    xstrdup(job->out);
		ok = render_check_output(job, doc, out, d);
		free(out);
	}
	if (ok && job->depfile && (in = render_input_at(doc, job->depfile))) {
		diag_error(d, srcpos_at(job->depfile, 0, 0), "will not write "
		    "over %s, which the render reads", in);
		ok = false;
	}
	return ok;
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

/* The dependency file is opened before the output is written, and its
 * names checked (deps_rule), so that a -M that cannot be written fails
 * the render before the output is replaced, not after. */
static bool
render_deps_open(const struct render_job *job, const struct doc *doc,
    struct atomic_file *daf, struct diags *d)
{
	char *target = render_target(job);
	char *rule = deps_rule(target, (const char *const *)doc->inputs,
	    doc->ninputs, d);
	bool ok = rule && atomic_open(daf, job->depfile, d);

	free(rule);
	free(target);
	return ok;
}

/* The rule of a render that succeeded, into the open dependency file.  A
 * failed render keeps its old rule: make retries it anyway, since the
 * target was not updated. */
static bool
render_deps_commit(const struct render_job *job, struct atomic_file *daf,
    const char *const *inputs, size_t n, struct diags *d)
{
	char *target = render_target(job);
	char *rule = deps_rule(target, inputs, n, d);
	bool ok = rule && atomic_write(daf, rule, strlen(rule)) &&
	    atomic_commit(daf, d);

	if (!ok)
		atomic_abort(daf);
	free(rule);
	free(target);
	return ok;
}

/* Lay out and draw doc, recording the fonts used into fu; a warning
 * after the first before diagnostics fails a --strict render. */
static bool
render_draw(const struct render_job *job, const struct doc *doc,
    struct fontuse *fu, struct render_result *res, size_t before,
    struct atomic_file *daf, struct diags *d)
{
	struct output_options oopt = {
		.grayscale = job->grayscale || doc->fm.grayscale,
		.page_done = job->progress,
		.page_ctx = job->progress_ctx,
		.dpi = job->dpi,
	};
	struct handout sheets, plain;
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
	ok = ok && render_check_outputs(job, doc, handout_sheets(
	    output_handout(&lo, &oopt, &plain), lo.pages.npages), d) &&
	    (!job->depfile || render_deps_open(job, doc, daf, d));
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
	struct atomic_file daf = { 0 };
	struct fontuse fu;
	struct doc *doc;
	const char **inputs;
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
	ok = !(job->strict && d->count > before);
	fontuse_init(&fu);
	ok = ok && render_draw(job, doc, &fu, res, before, &daf, d);
	inputs = render_inputs(doc, &fu, &n);
	if (res)
		render_keep_inputs(res, inputs, n);
	if (ok && job->depfile)
		ok = render_deps_commit(job, &daf, inputs, n, d);
	else
		atomic_abort(&daf);
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
