/* stale: literal figures in a report's prose that no longer match the data
 * they speak of.  A figure written out ("chi phí 5,6 triệu USD") instead of
 * a {{reference}} goes stale when the CSV changes; this finds it.
 *
 * The rule: a figure that extract finds in the prose is checked when its
 * sentence names a row of a data file the front matter declares — the row
 * label, or the label without a trailing "(…)", as a whole word in any
 * case, or a {{reference}} to the row — and that row has a figure column
 * in the same unit.  It is stale when it matches none of those cells of
 * the rows its sentence names, compared at the coarser of the two
 * precisions written ("6 triệu" matches 5,6 triệu; "20,84 tỷ" matches
 * 20,8 tỷ).  The warning names the cell of the row mentioned nearest to
 * the figure.  Prose is the text outside the front matter, code and
 * block quotes (a quote reports what someone else said), plus the titles
 * and captions of chart and table blocks. */
#ifndef FIGPRESS_STALE_H
#define FIGPRESS_STALE_H

#include <stddef.h>

#include "diag.h"
#include "lang.h"
#include "table.h"

/* A data file the report declares under a name. */
struct stale_source {
	const char *alias;
	const struct table *table;	/* lent; NULL (not loaded) is skipped */
};

/* Add a warning to d for each stale figure in text[0..len) (the report
 * file, NFC, '\n' line ends; its body starts at byte body_start), read in
 * lang: FILE:LINE:COL: "5,6 triệu USD" no longer matches
 * spend.DeepSeek.amount (7,1 triệu USD). */
void stale_check(const char *file, const char *text, size_t len,
    size_t body_start, enum lang lang, const struct stale_source *src,
    size_t nsrc, struct diags *d);

#endif
