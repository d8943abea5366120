/* fuzz-report: libFuzzer target for the report reader — front matter,
 * Markdown, chart and table specs, {{references}} — on real CSV data (see
 * fuzz-tree.h).  A document, when one comes back, must be whole; every
 * diagnostic must be readable and point into the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "doc.h"
#include "report.h"
#include "utf8.h"
#include "xmalloc.h"

#include "fuzz-tree.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *report_path;	/* ROOT/reports/fuzz.md */
static struct report_options options;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *root = fuzz_tree_make();

	(void)argc;
	(void)argv;
	report_path = xasprintf("%s/reports/fuzz.md", root);
	options.root = root;
	return 0;
}

/* Lines in the input as the reader counts them (LF, CRLF and CR end one),
 * plus one for a position at the very end. */
static int
count_lines(const uint8_t *s, size_t n)
{
	int lines = 1;

	for (size_t i = 0; i < n; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == n ||
		    s[i + 1] != '\n')))
			lines++;
	return lines + 1;
}

/* Cairo refuses U+FDD0..U+FDEF and U+xFFFE/U+xFFFF as "not valid UTF-8";
 * none may reach the model.  s is valid UTF-8. */
static bool
has_noncharacter(const char *s)
{
	for (size_t n; *s; s += n) {
		uint32_t c = utf8_decode(s, strlen(s), &n);
		if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)
			return true;
	}
	return false;
}

static void
check_diags(const struct diags *d, int lines)
{
	for (size_t i = 0; i < d->count; i++) {
		const struct diag *g = &d->items[i];
		size_t len = strlen(g->message);
		if (len == 0 || !utf8_valid(g->message, len, NULL) ||
		    g->line < 0 || g->col < 0)
			abort();
		/* The report's own problems are located in it. */
		if (strcmp(g->file, report_path) == 0 &&
		    (g->line < 1 || g->line > lines))
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d;
	struct doc *doc;
	char *dump;

	diags_init(&d);
	doc = report_load_buffer(report_path, (const char *)data, size,
	    &options, &d);
	if ((doc == NULL) != (d.errors > 0))
		abort();
	check_diags(&d, count_lines(data, size));
	if (doc) {
		/* Walks the whole model; its text must be valid UTF-8 that
		 * Cairo takes. */
		dump = doc_dump(doc);
		if (!utf8_valid(dump, strlen(dump), NULL) ||
		    has_noncharacter(dump))
			abort();
		free(dump);
	}
	doc_free(doc);
	diags_release(&d);
	return 0;
}
