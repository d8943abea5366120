/* render: report → document → layout → output file, for one report. */
#include "render.h"

#include <stdlib.h>
#include <string.h>

#include "deps.h"
#include "fonts.h"
#include "layout.h"
#include "output.h"
#include "report.h"
#include "xmalloc.h"

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

static bool
render_depfile(const struct render_job *job, const struct doc *doc,
    struct diags *d)
{
	size_t n = doc->ninputs + fonts_count();
	const char **inputs = xcalloc(n, sizeof *inputs);
	bool ok;

	for (size_t i = 0; i < doc->ninputs; i++)
		inputs[i] = doc->inputs[i];
	for (size_t i = 0; i < fonts_count(); i++)
		inputs[doc->ninputs + i] = fonts_file(i);
	ok = deps_write(job->depfile, job->out, inputs, n, d);
	free(inputs);
	return ok;
}

static void
render_keep_inputs(struct render_result *res, const struct doc *doc)
{
	res->inputs = xcalloc(doc->ninputs ? doc->ninputs : 1,
	    sizeof *res->inputs);
	for (size_t i = 0; i < doc->ninputs; i++)
		res->inputs[i] = xstrdup(doc->inputs[i]);
	res->ninputs = doc->ninputs;
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

bool
render_report(const struct render_job *job, struct render_result *res,
    struct diags *d)
{
	struct report_options ropt = { .paper = job->paper,
	    .grayscale = job->grayscale, .root = job->root };
	struct output_options oopt = { job->grayscale };
	struct doc *doc;
	struct layout lo;
	bool ok;

	size_t before = d->count;

	if (res)
		memset(res, 0, sizeof *res);
	doc = report_load(job->report, &ropt, d);
	if (doc == NULL)
		return false;
	if (job->strict && d->count > before) {
		doc_free(doc);		/* the warnings say why */
		return false;
	}
	if (res)
		render_keep_inputs(res, doc);
	oopt.grayscale = job->grayscale || doc->fm.grayscale;
	layout_build(&lo, doc);
	if (res)
		res->pages = lo.pages.npages;
	ok = render_pages_limit(job, &lo, d) &&
	    output_pdf(&lo, job->out, &oopt, d);
	if (ok && job->depfile)
		ok = render_depfile(job, doc, d);
	layout_release(&lo);
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
