/* report: reading a report file — bytes, UTF-8, NFC, front matter, the
 * Markdown body — and resolving what it names: CSV data (each file loaded
 * once), chart and table specs, {{alias.row.column}} references. */
#include "report.h"

#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figure.h"
#include "frontmatter.h"
#include "markdown.h"
#include "numfmt.h"
#include "sandbox.h"
#include "spec.h"
#include "srcmap.h"
#include "stale.h"
#include "table.h"
#include "utf8.h"
#include "xmalloc.h"

/* A report is prose with a few charts; past this it is something else. */
#define REPORT_MAX_BYTES (16 * 1024 * 1024)
/* Layout time grows with charts and table rows (about 2 ms a chart, and
 * a 30,000-row table takes 5 s and 94 MiB): these keep a hostile report to
 * seconds, not minutes. */
#define REPORT_MAX_CHARTS 1000
#define REPORT_MAX_TABLE_ROWS SPEC_MAX_TABLE_ROWS

/* A CSV file loaded for the report; t is NULL when it failed to load. */
struct report_table {
	char *path;
	struct table *t;
};

struct report {
	struct doc *doc;
	char *dir;			/* the report's folder, "" for . */
	struct frontmatter_aliases aliases;
	const struct table **alias_tables;	/* per alias, may be NULL */
	struct report_table *tables;
	size_t ntables;
	struct sandbox sandbox;		/* where data may be read from */
	size_t ncharts;			/* so far, for the limits */
	size_t table_rows;
};

/* --- reading the file ---------------------------------------------------- */

/* Line and column of a byte of the raw file: lines end at LF, CRLF or CR,
 * as they will once normalised. */
static struct srcpos
report_raw_pos(const char *path, const char *s, size_t off)
{
	size_t start = 0;
	int line = 1;

	for (size_t i = 0; i < off; i++) {
		if (s[i] == '\n' || (s[i] == '\r' && s[i + 1] != '\n')) {
			line++;
			start = i + 1;
		}
	}
	return srcpos_at(path, line, (int)utf8_count(s + start, off - start) +
	    1);
}

static char *
report_read(const char *path, size_t *len, struct diags *d)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	size_t n;

	if (fp == NULL) {
		diag_error(d, srcpos_at(path, 0, 0), "cannot read: %s",
		    strerror(errno));
		return NULL;
	}
	buf = xmalloc(REPORT_MAX_BYTES + 2);
	n = fread(buf, 1, REPORT_MAX_BYTES + 1, fp);
	if (ferror(fp) || n > REPORT_MAX_BYTES) {
		if (ferror(fp))
			diag_error(d, srcpos_at(path, 0, 0), "cannot read: %s",
			    strerror(errno));
		else
			diag_error(d, srcpos_at(path, 0, 0), "larger than the "
			    "limit of 16 MiB for a report");
		fclose(fp);
		free(buf);
		return NULL;
	}
	fclose(fp);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Valid UTF-8, then one form for everything after: no BOM, '\n' line ends,
 * NFC (DESIGN: Known traps).  Takes raw (len bytes, NUL after them). */
static char *
report_clean(const char *path, char *raw, size_t *len, struct diags *d)
{
	char *text;
	size_t bad, n = 0, skip = 0;

	if (raw == NULL)
		return NULL;
	if (!utf8_valid(raw, *len, &bad)) {
		diag_error(d, report_raw_pos(path, raw, bad), "%s",
		    raw[bad] == '\0' ? "a NUL byte in the text" :
		    "invalid UTF-8");
		free(raw);
		return NULL;
	}
	if (*len >= 3 && memcmp(raw, "\xef\xbb\xbf", 3) == 0)
		skip = 3;
	for (size_t i = skip; i < *len; i++) {
		if (raw[i] == '\r' && i + 1 < *len && raw[i + 1] == '\n')
			continue;
		raw[n++] = raw[i] == '\r' ? '\n' : raw[i];
	}
	text = utf8_nfc(raw, n);
	free(raw);
	*len = strlen(text);
	return text;
}

static char *
report_text(const char *path, size_t *len, struct diags *d)
{
	return report_clean(path, report_read(path, len, d), len, d);
}

/* --- data ---------------------------------------------------------------- */

/* dir/rel with "." and "dir/.." folded away, so that error messages and
 * dependency files name data/x.csv rather than reports/../data/x.csv. */
static char *
report_path(const char *dir, const char *rel)
{
	char *joined = rel[0] == '/' || dir[0] == '\0' ? xstrdup(rel) :
	    xasprintf("%s/%s", dir, rel);
	char **parts = g_strsplit(joined, "/", -1);
	GString *out = g_string_new(joined[0] == '/' ?
	    "/" : "");
	GPtrArray *keep = g_ptr_array_new();
	char *r;

	for (char **p = parts; *p; p++) {
		if (**p == '\0' || strcmp(*p, ".") == 0)
			continue;
		if (strcmp(*p, "..") == 0 && keep->len > 0 &&
		    strcmp(keep->pdata[keep->len - 1], "..") != 0) {
			g_ptr_array_remove_index(keep, keep->len - 1);
			continue;
		}
		g_ptr_array_add(keep, *p);
	}
	for (guint i = 0; i < keep->len; i++)
		g_string_append_printf(out, "%s%s", i ? "/" : "",
		    (char *)keep->pdata[i]);
	r = xstrdup(out->len ? out->str : ".");
	g_string_free(out, TRUE);
	g_ptr_array_free(keep, TRUE);
	g_strfreev(parts);
	free(joined);
	return r;
}

static void
report_input(struct doc *doc, const char *path)
{
	for (size_t i = 0; i < doc->ninputs; i++)
		if (strcmp(doc->inputs[i], path) == 0)
			return;
	doc->inputs = xreallocarray(doc->inputs, doc->ninputs + 1,
	    sizeof *doc->inputs);
	doc->inputs[doc->ninputs++] = xstrdup(path);
}

/* Read and parse the CSV at path through the sandbox: the file is judged
 * by where its open descriptor leads, so a link swapped after the check
 * cannot slip in a file from outside the root. */
static struct table *
report_table_read(const struct report *r, const char *rel, const char *path,
    struct srcpos pos, const char *what, struct diags *d)
{
	size_t len = 0;
	char *buf = sandbox_read(&r->sandbox, rel, path, what, pos,
	    TABLE_MAX_BYTES, &len, d);
	struct table *t = buf ? table_parse(path, buf, len, d) : NULL;

	free(buf);
	return t;
}

/* The CSV at rel (relative to the report), loaded once; NULL with an
 * error at pos (and the loader's own errors) when it cannot be. */
static const struct table *
report_table(struct report *r, const char *rel, struct srcpos pos,
    const char *what, struct diags *d)
{
	char *path = report_path(r->dir, rel);
	struct report_table *rt = NULL;
	struct diags why;

	if (!sandbox_check(&r->sandbox, rel, path, what, pos, d)) {
		free(path);
		return NULL;
	}
	for (size_t i = 0; i < r->ntables && rt == NULL; i++)
		if (strcmp(r->tables[i].path, path) == 0)
			rt = &r->tables[i];
	if (rt == NULL) {
		r->tables = xreallocarray(r->tables, r->ntables + 1,
		    sizeof *r->tables);
		rt = &r->tables[r->ntables++];
		rt->path = xstrdup(path);
		report_input(r->doc, path);
		diags_init(&why);
		rt->t = report_table_read(r, rel, path, pos, what, &why);
		/* The cause first, then where the report asked for it. */
		diags_move(d, &why);
		if (rt->t == NULL)
			diag_error(d, pos, "%s: cannot load %s", what, path);
	} else if (rt->t == NULL) {
		diag_error(d, pos, "%s: cannot load %s (see above)", what, path);
	}
	free(path);
	return rt->t;
}

static long
report_alias(const struct report *r, const char *name)
{
	for (size_t i = 0; i < r->aliases.count; i++)
		if (strcmp(r->aliases.items[i].name, name) == 0)
			return (long)i;
	return -1;
}

/* spec_env.data: a front-matter alias, else a path. */
static const struct table *
report_data(void *ctx, const char *name, struct srcpos pos, struct diags *d)
{
	struct report *r = ctx;
	long a = report_alias(r, name);

	if (a < 0)
		return report_table(r, name, pos, "data", d);
	if (r->alias_tables[a] == NULL)
		diag_error(d, pos, "data: alias \"%s\" names %s, which could "
		    "not be loaded", name, r->aliases.items[a].path);
	return r->alias_tables[a];
}

/* Front-matter data is loaded up front: a file the report declares is a
 * dependency even before any text names it. */
static void
report_load_aliases(struct report *r, struct diags *d)
{
	r->alias_tables = xcalloc(r->aliases.count + 1,
	    sizeof *r->alias_tables);
	for (size_t i = 0; i < r->aliases.count; i++) {
		const struct frontmatter_alias *a = &r->aliases.items[i];
		r->alias_tables[i] = report_table(r, a->path, a->pos,
		    "front matter: data", d);
	}
}

/* --- {{references}} ------------------------------------------------------ */

/* The parts of "alias.row label.column": the alias runs to the first dot
 * and the column from the last, so row labels may hold dots, spaces and
 * parentheses (column names and aliases may not hold dots). */
struct report_refname {
	char *alias;
	char *row;
	char *column;
};

static bool
report_refname(const char *s, struct report_refname *n)
{
	const char *first = strchr(s, '.'), *last = strrchr(s, '.');

	memset(n, 0, sizeof *n);
	if (first == NULL || first == last)
		return false;
	n->alias = g_strstrip(xstrndup(s, (size_t)(first - s)));
	n->row = g_strstrip(xstrndup(first + 1, (size_t)(last - first - 1)));
	n->column = g_strstrip(xstrdup(last + 1));
	return n->alias[0] && n->row[0] && n->column[0];
}

static void
report_refname_release(struct report_refname *n)
{
	free(n->alias);
	free(n->row);
	free(n->column);
}

static char *
report_names(const struct report *r)
{
	GString *s = g_string_new(NULL);
	char *out;

	for (size_t i = 0; i < r->aliases.count; i++)
		g_string_append_printf(s, "%s%s", i ? ", " : "",
		    r->aliases.items[i].name);
	out = xstrdup(s->len ? s->str : "none");
	g_string_free(s, TRUE);
	return out;
}

/* The row whose first cell is label; -1 (with an error) when none or
 * several are. */
static long
report_row(const struct table *t, const char *label, const char *ref,
    struct srcpos pos, struct diags *d)
{
	long found = -1;
	size_t count = 0;

	for (size_t i = 0; i < t->nrows; i++) {
		char *cell = g_strstrip(xstrdup(table_cell(t, i, 0)->text));
		if (strcmp(cell, label) == 0 && count++ == 0)
			found = (long)i;
		free(cell);
	}
	if (count == 1)
		return found;
	if (count == 0)
		diag_error(d, pos, "{{%s}}: no row \"%s\" in column \"%s\" of %s",
		    ref, label, t->header[0].text, t->path);
	else
		diag_error(d, pos, "{{%s}}: %zu rows \"%s\" in column \"%s\" of "
		    "%s", ref, count, label, t->header[0].text, t->path);
	return -1;
}

static bool
report_cell_figure(const struct report *r, const struct table *t,
    size_t row, size_t col, const char *ref, struct srcpos pos,
    struct figure *f, struct diags *d)
{
	const struct table_cell *cell = table_cell(t, row, col);
	struct figure_error e;

	if (cell->text[strspn(cell->text, " ")] == '\0') {
		diag_error(d, pos, "{{%s}}: the cell at %s:%d:%d is empty", ref,
		    t->path, cell->line, cell->col);
		return false;
	}
	if (figure_parse(cell->text, r->doc->fm.lang, f, &e))
		return true;
	diag_error(d, pos, "{{%s}}: not a figure: \"%s\"", ref, cell->text);
	diag_error(d, srcpos_at(t->path, cell->line, cell->col + e.col - 1),
	    "%s", e.message);
	return false;
}

/* The figure "alias.row.column" names; errors at pos. */
static bool
report_resolve(struct report *r, const char *ref, struct srcpos pos,
    struct figure *f, struct diags *d)
{
	struct report_refname n;
	const struct table *t = NULL;
	long a = -1, row = -1;
	int col = -1;
	char *names;

	if (!report_refname(ref, &n)) {
		diag_error(d, pos, "{{%s}}: expected {{alias.row.column}}", ref);
	} else if ((a = report_alias(r, n.alias)) < 0) {
		names = report_names(r);
		diag_error(d, pos, "{{%s}}: unknown data alias \"%s\" (front "
		    "matter data: %s)", ref, n.alias, names);
		free(names);
	} else if ((t = r->alias_tables[a]) == NULL) {
		diag_error(d, pos, "{{%s}}: %s could not be loaded", ref,
		    r->aliases.items[a].path);
	} else if ((col = table_column(t, n.column)) < 0) {
		diag_error(d, pos, "{{%s}}: no column \"%s\" in %s", ref,
		    n.column, t->path);
	} else {
		row = report_row(t, n.row, ref, pos, d);
	}
	report_refname_release(&n);
	return row >= 0 &&
	    report_cell_figure(r, t, (size_t)row, (size_t)col, ref, pos, f, d);
}

/* Split args at the blank after byte i: both halves, trimmed. */
static void
report_split(const char *args, size_t i, char **left, char **right)
{
	*left = g_strstrip(xstrndup(args, i));
	*right = g_strstrip(xstrdup(args + i));
}

/* Does s start with a known alias and a dot? */
static bool
report_starts_alias(const struct report *r, const char *s)
{
	const char *dot = strchr(s, '.');
	char *alias = dot ? xstrndup(s, (size_t)(dot - s)) : NULL;
	bool known = alias && report_alias(r, alias) >= 0;

	free(alias);
	return known;
}

/* Resolve "a b" into two figures.  Both references may hold spaces, so
 * each blank is tried as the split and the first where both sides resolve
 * wins; failing that, the first split whose right side starts with a known
 * alias is resolved again to report what is wrong with it. */
static bool
report_pair(struct report *r, const char *args, const char *ref,
    struct srcpos pos, struct figure *a, struct figure *b, struct diags *d)
{
	size_t loud = SIZE_MAX;
	char *left, *right;
	bool ok = false;

	for (size_t i = 1; args[i] && !ok; i++) {
		struct diags quiet;
		if (args[i] != ' ' && args[i] != '\t')
			continue;
		report_split(args, i, &left, &right);
		if (loud == SIZE_MAX && report_starts_alias(r, right))
			loud = i;
		diags_init(&quiet);
		ok = report_resolve(r, left, pos, a, &quiet) &&
		    report_resolve(r, right, pos, b, &quiet);
		diags_release(&quiet);
		free(left);
		free(right);
	}
	if (ok)
		return true;
	if (loud == SIZE_MAX) {
		diag_error(d, pos, "{{%s}}: expected {{ratio alias.row.column "
		    "alias.row.column}}", ref);
		return false;
	}
	report_split(args, loud, &left, &right);
	if (report_resolve(r, left, pos, a, d))
		report_resolve(r, right, pos, b, d);
	free(left);
	free(right);
	return false;
}

/* {{ratio a b}}: a / b as numfmt_ratio writes it. */
static char *
report_ratio(struct report *r, const char *args, const char *ref,
    struct srcpos pos, struct diags *d)
{
	struct figure a, b;

	if (!report_pair(r, args, ref, pos, &a, &b, d))
		return NULL;
	if (b.value == 0) {
		diag_error(d, pos, "{{%s}}: the second figure is 0", ref);
		return NULL;
	}
	return numfmt_ratio(a.value / b.value, r->doc->fm.lang);
}

/* markdown_hooks.ref */
static char *
report_ref(void *ctx, const char *inner, struct srcpos pos, struct diags *d)
{
	struct report *r = ctx;
	char *ref = g_strstrip(xstrdup(inner)), *out = NULL;
	struct figure f;

	if (strncmp(ref, "ratio", 5) == 0 && (ref[5] == ' ' || ref[5] == '\t'))
		out = report_ratio(r, g_strchug(ref + 6), ref, pos, d);
	else if (report_resolve(r, ref, pos, &f, d))
		out = numfmt_unbreakable(numfmt_figure(&f, r->doc->fm.lang));
	free(ref);
	return out;
}

/* --- specs and the whole report ------------------------------------------ */

/* Count t's body rows against the report's limit; false with an error at
 * the fence once past it. */
static bool
report_rows_limit(struct report *r, const struct doc_table *t,
    const struct spec_origin *o, struct diags *d)
{
	r->table_rows += t->nrows - t->nheader;
	if (r->table_rows <= REPORT_MAX_TABLE_ROWS)
		return true;
	diag_error(d, o->fence, "table: more than %d table rows in one report "
	    "(the limit; this table has %zu)", REPORT_MAX_TABLE_ROWS,
	    t->nrows - t->nheader);
	return false;
}

/* markdown_hooks.fence: a ```chart or ```table block. */
static bool
report_fence(void *ctx, const char *kind, const char *body, size_t len,
    const struct spec_origin *o, struct block *b, struct diags *d)
{
	struct report *r = ctx;
	struct spec_env env = { r->doc->fm.lang, r->doc->fm.grayscale, r,
	    report_data };
	struct chart_data *c;

	if (strcmp(kind, "table") == 0) {
		b->table = spec_table(body, len, o, &env, d);
		b->kind = BLOCK_TABLE;
		return b->table != NULL && report_rows_limit(r, b->table, o, d);
	}
	if (++r->ncharts > REPORT_MAX_CHARTS) {
		diag_error(d, o->fence, "chart: more than %d charts in one "
		    "report (the limit)", REPORT_MAX_CHARTS);
		return false;
	}
	c = xcalloc(1, sizeof *c);
	if (!spec_chart(body, len, o, &env, c, d)) {
		free(c);
		return false;
	}
	b->kind = BLOCK_CHART;
	b->chart = c;
	/* What only data and spec together can show (log of 0, mixed units)
	 * is found now, with the rest of the report's problems. */
	return chart_validate(c, d);
}

/* Front matter, then the command line's --paper and --grayscale. */
static bool
report_frontmatter(struct report *r, const struct srcmap *m,
    const struct frontmatter_span *span, const struct report_options *opt,
    struct diags *d)
{
	struct doc *doc = r->doc;
	struct spec_origin o = { doc->path, 2, NULL, 0,
	    srcpos_at(doc->path, 1, 1) };
	int orient;

	if (span->found && !frontmatter_parse(m->text + span->yaml_start,
	    span->yaml_end - span->yaml_start, &o, &doc->fm, &r->aliases, d))
		return false;
	if (opt && opt->paper) {
		if (!frontmatter_paper(opt->paper, &doc->fm.paper, &orient)) {
			diag_error(d, srcpos_at(NULL, 0, 0), "--paper: unknown "
			    "paper \"%s\" (A4, A5 or Letter)", opt->paper);
			return false;
		}
		if (orient >= 0)
			doc->fm.landscape = orient == 1;
	}
	if (opt && opt->grayscale)
		doc->fm.grayscale = true;
	return true;
}

static void
report_release(struct report *r)
{
	for (size_t i = 0; i < r->ntables; i++) {
		free(r->tables[i].path);
		table_free(r->tables[i].t);
	}
	free(r->tables);
	free(r->alias_tables);
	frontmatter_aliases_release(&r->aliases);
	sandbox_release(&r->sandbox);
	free(r->dir);
}

/* Literal figures in the prose that the declared data contradicts. */
static void
report_stale(const struct report *r, const struct srcmap *m,
    size_t body_start, struct diags *d)
{
	struct stale_source *src = xcalloc(r->aliases.count + 1,
	    sizeof *src);

	for (size_t i = 0; i < r->aliases.count; i++) {
		src[i].alias = r->aliases.items[i].name;
		src[i].table = r->alias_tables[i];
	}
	stale_check(r->doc->path, m->text, m->len, body_start,
	    r->doc->fm.lang, src, r->aliases.count, d);
	free(src);
}

/* Everything after the bytes are read: front matter, data, body. */
static void
report_parse(struct report *r, const struct srcmap *m,
    const struct report_options *opt, struct diags *d)
{
	struct frontmatter_span span;
	struct markdown_input in;
	struct markdown_hooks h = { r, report_fence, report_ref };
	size_t errors = d->errors;

	if (!frontmatter_find(m->text, m->len, r->doc->path, &span, d) ||
	    !report_frontmatter(r, m, &span, opt, d))
		return;
	report_load_aliases(r, d);
	in.map = m;
	in.file = r->doc->path;
	in.body_start = span.body_start;
	in.lang = r->doc->fm.lang;
	markdown_parse(&in, &h, &r->doc->blocks, &r->doc->nblocks, d);
	if (d->errors == errors)
		report_stale(r, m, span.body_start, d);
}

/* The folder data may come from: --root, else the parent of the report's
 * folder. */
static bool
report_sandbox(struct report *r, const char *path,
    const struct report_options *opt, struct diags *d)
{
	char *root = opt && opt->root ? xstrdup(opt->root) :
	    sandbox_default_root(path);
	bool ok = sandbox_init(&r->sandbox, root, d);

	free(root);
	return ok;
}

/* The report at path whose bytes text[0..len) have been read (text is
 * NULL when they could not be; taken).  On failure, when inputs is not
 * NULL, the files read up to the failure go there (see report.h). */
static struct doc *
report_build(const char *path, char *text, size_t len,
    const struct report_options *opt, size_t errors, char ***inputs,
    size_t *ninputs, struct diags *d)
{
	struct report r = { 0 };
	struct srcmap m;
	char *dir = g_path_get_dirname(path);

	r.doc = xcalloc(1, sizeof *r.doc);
	r.doc->path = xstrdup(path);
	r.dir = xstrdup(strcmp(dir, ".") == 0 ? "" : dir);
	g_free(dir);
	frontmatter_init(&r.doc->fm);
	report_input(r.doc, path);
	if (text && !report_sandbox(&r, path, opt, d)) {
		free(text);
		text = NULL;
	}
	if (text) {
		srcmap_init(&m, text, len);
		report_parse(&r, &m, opt, d);
		srcmap_release(&m);
		free(text);
	}
	report_release(&r);
	if (d->errors > errors) {
		if (inputs) {
			*inputs = r.doc->inputs;
			*ninputs = r.doc->ninputs;
			r.doc->inputs = NULL;
			r.doc->ninputs = 0;
		}
		doc_free(r.doc);
		return NULL;
	}
	return r.doc;
}

struct doc *
report_load_inputs(const char *path, const struct report_options *opt,
    char ***inputs, size_t *ninputs, struct diags *d)
{
	size_t errors = d->errors, len = 0;
	char *text = report_text(path, &len, d);

	return report_build(path, text, len, opt, errors, inputs, ninputs, d);
}

struct doc *
report_load(const char *path, const struct report_options *opt,
    struct diags *d)
{
	return report_load_inputs(path, opt, NULL, NULL, d);
}

struct doc *
report_load_buffer(const char *path, const char *data, size_t len,
    const struct report_options *opt, struct diags *d)
{
	size_t errors = d->errors;
	char *raw = NULL;

	if (len > REPORT_MAX_BYTES) {
		diag_error(d, srcpos_at(path, 0, 0), "larger than the limit "
		    "of 16 MiB for a report");
	} else {
		raw = xmalloc(len + 1);
		memcpy(raw, data, len);
		raw[len] = '\0';
	}
	raw = report_clean(path, raw, &len, d);
	return report_build(path, raw, len, opt, errors, NULL, NULL, d);
}
