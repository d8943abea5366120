/* spec: the YAML of a report — a small reader that turns a YAML mapping
 * (front matter, chart and table specs) into a tree of located values,
 * refusing anchors and aliases — and the chart and table specs themselves,
 * checked key by key and resolved against their CSV data. */
#ifndef FIGPRESS_SPEC_H
#define FIGPRESS_SPEC_H

#include <stdbool.h>
#include <stddef.h>

#include "chart.h"
#include "diag.h"
#include "doc.h"
#include "lang.h"
#include "table.h"

/* A YAML text longer than this is refused (a spec is a few lines). */
#define SPEC_MAX_BYTES (64 * 1024)
/* At most this many values (scalars, lists, maps) in one YAML text. */
#define SPEC_MAX_VALUES 10000
/* At most this many body rows in a table block (the report's tables
 * together have the same limit, report.c): above the 20,000-row table of
 * the benchmarks (tests/bench/gen-table.sh), which 10,000 refused. */
#define SPEC_MAX_TABLE_ROWS 30000
/* At most this many columns in a table (a ```table block or a pipe
 * table): even on A4 landscape a column is then under 20 pt, one figure
 * wide; a CSV of 1,000 columns took 117 s and 3.3 GB to set in slivers. */
#define SPEC_MAX_TABLE_COLS 40

enum spec_kind {
	SPEC_SCALAR,
	SPEC_LIST,
	SPEC_MAP,
};

/* One located YAML value.  A map's items are its entries (each with key);
 * a list's items are its elements.  Nesting stops at two levels: the top
 * mapping, then a scalar, a list of scalars or a mapping of scalars. */
struct spec_value {
	enum spec_kind kind;
	char *key;		/* entry of a map: its key (NFC); else NULL */
	struct srcpos key_pos;
	char *text;		/* scalar: its text (NFC), "" when empty */
	bool null;		/* scalar: plain "", "~" or "null" */
	struct srcpos pos;	/* where the value starts in the report */
	struct spec_value *items;
	size_t nitems;
};

/* Where a YAML text stands in the report, so libyaml's 0-based marks become
 * report positions. */
struct spec_origin {
	const char *file;	/* the report; lent */
	int line;		/* report line of the YAML's first line */
	const int *shift;	/* per YAML line: columns of the report line
				 * before it (a fence inside a list or quote);
				 * NULL when none */
	size_t nshift;
	struct srcpos fence;	/* the opening fence (or front matter) */
};

/* Read yaml[0..len) as one mapping into *root (what names the text in
 * messages: "front matter", "chart").  An empty text is an empty mapping.
 * Returns false with a located error on invalid YAML, an anchor or alias,
 * a duplicate key, nesting past two levels or a size past the limits;
 * *root is then empty.  Release with spec_value_release. */
bool spec_read(const char *yaml, size_t len, const struct spec_origin *o,
    const char *what, struct spec_value *root, struct diags *d);
/* Free what v owns (not v itself). */
void spec_value_release(struct spec_value *v);
/* The entry of map named key, or NULL. */
const struct spec_value *spec_get(const struct spec_value *map,
    const char *key);
/* Error at each key of map not in the NULL-terminated known list; false
 * when there was one. */
bool spec_check_keys(const struct spec_value *map, const char *what,
    const char *const *known, struct diags *d);
/* The scalar entry key of map in *out, NULL when absent or null; false
 * with an error ("what: key: ...") when it is a list or mapping. */
bool spec_scalar(const struct spec_value *map, const char *key,
    const char *what, const struct spec_value **out, struct diags *d);
/* Index in the NULL-terminated names of the scalar entry key in *out
 * (deflt when absent); false with an error naming the choices otherwise. */
bool spec_choice(const struct spec_value *map, const char *key,
    const char *what, const char *const *names, int deflt, int *out,
    struct diags *d);

/* What a spec needs from the report: language, print mode and data. */
struct spec_env {
	enum lang lang;
	bool grayscale;
	void *ctx;
	/* The table a data value names (a front-matter alias or a path
	 * relative to the report), loaded once and owned by the caller; NULL
	 * with errors in d, one of them at pos. */
	const struct table *(*data)(void *ctx, const char *name,
	    struct srcpos pos, struct diags *d);
};

/* Read a ```chart block's YAML into *out (zeroed first), with its values
 * parsed from the CSV in env->lang.  An unknown key, a bad value, a missing
 * column or an unparsable figure is an error at the key or value in the
 * report (CSV cells errors are also reported at the cell); returns false
 * then, with *out released.  Release with chart_data_release. */
bool spec_chart(const char *yaml, size_t len, const struct spec_origin *o,
    const struct spec_env *env, struct chart_data *out, struct diags *d);
/* Read a ```table block's YAML into a new table: a header row, then the
 * CSV rows; figure columns (every non-empty cell a figure) are formatted
 * for env->lang and right-aligned.  NULL with located errors as for
 * spec_chart.  Free with doc_table_free. */
struct doc_table *spec_table(const char *yaml, size_t len,
    const struct spec_origin *o, const struct spec_env *env,
    struct diags *d);

#endif
