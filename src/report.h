/* report: reads a report file — front matter (libyaml), Markdown (md4c),
 * fenced chart/table specs (libyaml) and the CSV data they name — into the
 * document model of doc.h. */
#ifndef FIGPRESS_REPORT_H
#define FIGPRESS_REPORT_H

#include "diag.h"
#include "doc.h"

struct report_options {
	const char *paper;	/* --paper override, or NULL */
	bool grayscale;		/* --grayscale */
	const char *root;	/* --root: data must lie under it; NULL for
				 * the parent of the report's folder */
};

/* Read path into a new document.  Every problem (with file, line, column:
 * front matter, Markdown blocks, spec keys, CSV cells, data outside the
 * root of sandbox.h) goes to d; returns NULL when any is an error.  Caller frees with doc_free. */
struct doc *report_load(const char *path, const struct report_options *opt,
    struct diags *d);
/* report_load that, when the load fails and inputs is not NULL, hands
 * over the files read up to the failure (the report first) in *inputs and
 * *ninputs, so that watch can wait for any of them to be fixed; the
 * caller frees each string and the array. */
struct doc *report_load_inputs(const char *path,
    const struct report_options *opt, char ***inputs, size_t *ninputs,
    struct diags *d);
/* As report_load, for a report whose bytes data[0..len) are already in
 * memory (fuzzing, tests); path names it in messages and anchors the
 * relative paths of its data. */
struct doc *report_load_buffer(const char *path, const char *data,
    size_t len, const struct report_options *opt, struct diags *d);

#endif
