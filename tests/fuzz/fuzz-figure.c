/* fuzz-figure: libFuzzer target for figure_parse in both languages; a
 * figure that parses must be finite and well formed, a failure located;
 * and figure_find, extract's quiet scan, must read prose as figure_scan. */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "figure.h"
#include "utf8.h"
#include "xmalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Arbitrary bytes go in, to find crashes; the column is only checked
 * against text that keeps figure_parse's contract (UTF-8). */
static void
check(const char *text, enum lang lang)
{
	struct figure f;
	struct figure_error err;
	size_t len = strlen(text);
	size_t chars = utf8_count(text, len);
	bool valid = utf8_valid(text, len, NULL);

	memset(&err, 0, sizeof err);
	if (figure_parse(text, lang, &f, &err)) {
		if (!isfinite(f.value) || f.bound < FIGURE_EXACT ||
		    f.bound > FIGURE_MAX || f.decimals < 0 ||
		    memchr(f.unit, '\0', sizeof f.unit) == NULL ||
		    strcmp(figure_bound_name(f.bound), "") == 0)
			abort();
	} else {
		if ((valid && (err.col < 1 || (size_t)err.col > chars + 1)) ||
		    memchr(err.message, '\0', sizeof err.message) == NULL ||
		    err.message[0] == '\0')
			abort();
	}
}

/* The quiet scan and the full one agree on every valid text. */
static void
check_find(const char *text, enum lang lang)
{
	struct figure a, b;
	struct figure_span sa, sb;
	struct figure_error err;
	size_t len = strlen(text);
	bool convention, ok;

	if (!utf8_valid(text, len, NULL))
		return;
	ok = figure_scan(text, len, lang, FIGURE_PROSE, &a, &sa, &err);
	if (figure_find(text, len, lang, &b, &sb, &convention) != ok)
		abort();
	if (!ok) {
		if (convention != err.convention)
			abort();
		return;
	}
	if (convention || memcmp(&a.value, &b.value, sizeof a.value) != 0 ||
	    strcmp(a.unit, b.unit) != 0 || a.bound != b.bound ||
	    a.scale != b.scale || a.decimals != b.decimals ||
	    sa.start != sb.start || sa.end != sb.end ||
	    sa.number != sb.number)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xmalloc(size + 1);

	memcpy(text, data, size);
	text[size] = '\0';
	check(text, LANG_VI);
	check(text, LANG_EN);
	check_find(text, LANG_VI);
	check_find(text, LANG_EN);
	free(text);
	return 0;
}
