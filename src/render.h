/* render: one report through the whole pipeline — read, lay out, write —
 * shared by `render` and `watch`. */
#ifndef FIGPRESS_RENDER_H
#define FIGPRESS_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "layout.h"

/* A layout longer than this many pages is an error, not a PDF (layout
 * stops measuring once it cannot fit, layout.h). */
#define RENDER_MAX_PAGES LAYOUT_MAX_PAGES

struct render_job {
	const char *report;	/* the report file */
	const char *out;	/* the output file; for svg and png the
				 * name output_page_path numbers */
	const char *format;	/* "pdf", "svg" or "png" */
	int handout;		/* 0, 2 or 4 */
	bool grayscale;
	const char *paper;	/* override, or NULL; a handout's sheet */
	int dpi;		/* png; 0 for the default */
	const char *depfile;	/* or NULL */
	/* Called (may be NULL) after each page is drawn, for progress bars:
	 * pages done so far and the total. */
	void (*progress)(void *ctx, size_t done, size_t total);
	void *progress_ctx;
	const char *root;	/* --root (sandbox.h), or NULL for the
				 * parent of the report's folder */
	bool strict;		/* --strict: a warning fails the render, and
				 * no output is written */
};

struct render_result {
	size_t pages;
	/* Every file the render read: the report, its data, then the font
	 * files it drew with (absolute); owned. */
	char **inputs;
	size_t ninputs;
};

/* Render job->report to job->out.  Problems go to d; returns false on an
 * error (RENDER_MAX_PAGES included), leaving job->out as it was.  res
 * (may be NULL) receives the page count and the files read, even on
 * failure (then the files read up to the failure: at least the report);
 * release it with render_result_release.  job->depfile lists the same
 * files. */
bool render_report(const struct render_job *job, struct render_result *res,
    struct diags *d);
/* Free what render_report put in res. */
void render_result_release(struct render_result *res);
/* Do a and b name one file?  Existing files are compared by device and
 * inode, so any spelling, hard link or symbolic link counts; names that
 * do not exist yet by their canonical spelling. */
bool render_same_file(const char *a, const char *b);
/* The default output of report: REPORT.pdf beside it, or in folder dir
 * when dir is not NULL.  Caller frees. */
char *render_default_output(const char *report, const char *dir,
    const char *ext);

#endif
