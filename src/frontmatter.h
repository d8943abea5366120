/* frontmatter: the YAML block between '---' lines at the top of a report —
 * title, subtitle, author, date, language, paper, alignment, print mode and
 * data aliases — found in the source and checked key by key. */
#ifndef FIGPRESS_FRONTMATTER_H
#define FIGPRESS_FRONTMATTER_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "doc.h"
#include "spec.h"

/* data: {alias: path} — a CSV the text and specs can name by alias. */
struct frontmatter_alias {
	char *name;
	char *path;		/* as written: relative to the report */
	struct srcpos pos;	/* the path in the report */
};

struct frontmatter_aliases {
	struct frontmatter_alias *items;
	size_t count;
};

/* Where the front matter stands in the source. */
struct frontmatter_span {
	bool found;		/* the source starts with a '---' line */
	size_t yaml_start;	/* the YAML between the fences */
	size_t yaml_end;
	size_t body_start;	/* first byte after the closing fence line */
};

/* Defaults: lang vi, A4 portrait, justified, colour, nothing else set. */
void frontmatter_init(struct frontmatter *fm);
/* Free the strings of fm (not fm). */
void frontmatter_release(struct frontmatter *fm);
/* Find the front matter at the top of text ('\n' line ends): a first line
 * "---", then YAML, then a line "---" or "...".  No front matter is fine
 * (span->found false, body_start 0); an opening line without a closing one
 * is an error at line 1 of file. */
bool frontmatter_find(const char *text, size_t len, const char *file,
    struct frontmatter_span *span, struct diags *d);
/* Read the YAML of the front matter into fm (initialised by the caller) and
 * its data aliases into *aliases (empty first).  Unknown keys, bad values
 * and YAML errors are errors at their report position; false then.
 * Release aliases with frontmatter_aliases_release. */
bool frontmatter_parse(const char *yaml, size_t len,
    const struct spec_origin *o, struct frontmatter *fm,
    struct frontmatter_aliases *aliases, struct diags *d);
/* Free the aliases. */
void frontmatter_aliases_release(struct frontmatter_aliases *a);
/* Parse "A4", "A5" or "Letter" (any case), optionally followed by
 * "landscape" or "portrait"; *orient is 1 landscape, 0 portrait, -1 not
 * said.  False for anything else. */
bool frontmatter_paper(const char *s, enum paper *paper, int *orient);

#endif
