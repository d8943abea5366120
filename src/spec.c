/* spec: the YAML reader shared by front matter and fenced specs, and the
 * chart and table specs resolved against their data. */
#include "spec.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "numfmt.h"
#include "strbuf.h"
#include "utf8.h"
#include "xmalloc.h"

struct yreader {
	yaml_parser_t p;
	const struct spec_origin *o;
	const char *what;
	size_t nvalues;
	struct diags *d;
};

/* libyaml counts lines and columns from 0, columns in characters. */
static struct srcpos
ypos(const struct spec_origin *o, yaml_mark_t m)
{
	int shift = 0, col;

	if (o->shift && m.line < o->nshift)
		shift = o->shift[m.line];
	/* A tab md4c expanded can leave the shift negative: a column before
	 * the line is no column, so the position names the line alone. */
	col = (int)m.column + 1 + shift;
	return srcpos_at(o->file, o->line + (int)m.line, col < 1 ? 0 : col);
}

static void
ysyntax(struct yreader *r)
{
	/* With a context ("while scanning a simple key") its mark is where
	 * the reader should look; the problem mark may be past the end. */
	yaml_mark_t m = r->p.context ? r->p.context_mark : r->p.problem_mark;

	if (r->p.context)
		diag_error(r->d, ypos(r->o, m), "%s: invalid YAML: %s (%s)",
		    r->what, r->p.problem ? r->p.problem : "error",
		    r->p.context);
	else
		diag_error(r->d, ypos(r->o, m), "%s: invalid YAML: %s",
		    r->what, r->p.problem ? r->p.problem : "error");
}

/* An anchor or alias could make a few lines expand to gigabytes ("billion
 * laughs"); a spec never needs one, so both are refused outright. */
static const yaml_char_t *
yanchor(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return ev->data.scalar.anchor;
	case YAML_SEQUENCE_START_EVENT:
		return ev->data.sequence_start.anchor;
	case YAML_MAPPING_START_EVENT:
		return ev->data.mapping_start.anchor;
	default:
		return NULL;
	}
}

/* Next event; false (with an error, nothing to delete) on a syntax error,
 * an alias or an anchor. */
static bool
ynext(struct yreader *r, yaml_event_t *ev)
{
	const yaml_char_t *anchor;

	if (!yaml_parser_parse(&r->p, ev)) {
		ysyntax(r);
		return false;
	}
	if (ev->type == YAML_ALIAS_EVENT) {
		diag_error(r->d, ypos(r->o, ev->start_mark), "%s: YAML aliases "
		    "(*%s) are not supported", r->what,
		    (const char *)ev->data.alias.anchor);
		yaml_event_delete(ev);
		return false;
	}
	anchor = yanchor(ev);
	if (anchor) {
		diag_error(r->d, ypos(r->o, ev->start_mark), "%s: YAML anchors "
		    "(&%s) are not supported", r->what, (const char *)anchor);
		yaml_event_delete(ev);
		return false;
	}
	return true;
}

static struct spec_value *
spec_push(struct spec_value *parent)
{
	size_t n = parent->nitems;

	/* Grow at powers of two: amortised, no separate capacity field. */
	if ((n & (n - 1)) == 0)
		parent->items = xreallocarray(parent->items, n ? n * 2 : 1,
		    sizeof *parent->items);
	memset(&parent->items[n], 0, sizeof parent->items[n]);
	parent->nitems++;
	return &parent->items[n];
}

static bool
yscalar(struct yreader *r, const yaml_event_t *ev, struct spec_value *v)
{
	const char *s = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;

	if (memchr(s, '\0', len)) {
		diag_error(r->d, ypos(r->o, ev->start_mark),
		    "%s: a NUL character in a YAML value", r->what);
		return false;
	}
	v->kind = SPEC_SCALAR;
	/* Escapes ("\u0301") can bring back decomposed text. */
	v->text = utf8_nfc(s, len);
	v->null = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    (len == 0 || strcmp(s, "~") == 0 || strcmp(s, "null") == 0);
	v->pos = ypos(r->o, ev->start_mark);
	return true;
}

static bool yvalue(struct yreader *r, yaml_event_t *ev,
    struct spec_value *v, int depth);

static bool
ylist(struct yreader *r, struct spec_value *v, int depth)
{
	yaml_event_t ev;

	v->kind = SPEC_LIST;
	for (;;) {
		if (!ynext(r, &ev))
			return false;
		if (ev.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&ev);
			return true;
		}
		if (!yvalue(r, &ev, spec_push(v), depth + 1))
			return false;
	}
}

static bool
ykey(struct yreader *r, const yaml_event_t *ev, struct spec_value *map,
    struct spec_value *entry)
{
	struct spec_value k = { 0 };

	if (ev->type != YAML_SCALAR_EVENT) {
		diag_error(r->d, ypos(r->o, ev->start_mark),
		    "%s: a key must be plain text", r->what);
		return false;
	}
	if (!yscalar(r, ev, &k))
		return false;
	entry->key = k.text;
	entry->key_pos = k.pos;
	if (spec_get(map, entry->key) != entry) {
		diag_error(r->d, entry->key_pos, "%s: duplicate key \"%s\"",
		    r->what, entry->key);
		return false;
	}
	return true;
}

static bool
ymap(struct yreader *r, struct spec_value *v, int depth)
{
	yaml_event_t ev;

	v->kind = SPEC_MAP;
	for (;;) {
		struct spec_value *entry;
		bool ok;

		if (!ynext(r, &ev))
			return false;
		if (ev.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&ev);
			return true;
		}
		entry = spec_push(v);
		ok = ykey(r, &ev, v, entry);
		yaml_event_delete(&ev);
		if (!ok || !ynext(r, &ev))
			return false;
		if (!yvalue(r, &ev, entry, depth + 1))
			return false;
	}
}

/* Read the value that starts with ev (consumed) into v; keeps v's key. */
static bool
yvalue(struct yreader *r, yaml_event_t *ev, struct spec_value *v, int depth)
{
	yaml_event_type_t type = ev->type;
	bool ok = true;

	if (++r->nvalues > SPEC_MAX_VALUES) {
		diag_error(r->d, ypos(r->o, ev->start_mark), "%s: more than %d "
		    "values", r->what, SPEC_MAX_VALUES);
		yaml_event_delete(ev);
		return false;
	}
	v->pos = ypos(r->o, ev->start_mark);
	if (type != YAML_SCALAR_EVENT && depth >= 2) {
		diag_error(r->d, v->pos, "%s: %s%s%stoo deeply nested here",
		    r->what, v->key ? "\"" : "", v->key ? v->key : "",
		    v->key ? "\": " : "");
		yaml_event_delete(ev);
		return false;
	}
	if (type == YAML_SCALAR_EVENT)
		ok = yscalar(r, ev, v);
	yaml_event_delete(ev);
	if (!ok)
		return false;
	if (type == YAML_SEQUENCE_START_EVENT)
		return ylist(r, v, depth);
	if (type == YAML_MAPPING_START_EVENT)
		return ymap(r, v, depth);
	return true;
}

/* After the top mapping: the document must end and no other follow. */
static bool
yfinish(struct yreader *r)
{
	yaml_event_t ev;
	yaml_event_type_t type;

	do {
		if (!ynext(r, &ev))
			return false;
		type = ev.type;
		if (type == YAML_DOCUMENT_START_EVENT)
			diag_error(r->d, ypos(r->o, ev.start_mark), "%s: only one "
			    "YAML document is allowed", r->what);
		yaml_event_delete(&ev);
	} while (type != YAML_STREAM_END_EVENT &&
	    type != YAML_DOCUMENT_START_EVENT);
	return type == YAML_STREAM_END_EVENT;
}

/* Skip to the document's first node; false at an empty stream. */
static bool
ystart(struct yreader *r, yaml_event_t *ev, bool *empty)
{
	*empty = false;
	for (;;) {
		if (!ynext(r, ev))
			return false;
		if (ev->type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(ev);
			*empty = true;
			return true;
		}
		if (ev->type != YAML_STREAM_START_EVENT &&
		    ev->type != YAML_DOCUMENT_START_EVENT)
			return true;
		yaml_event_delete(ev);
	}
}

static bool
yroot(struct yreader *r, struct spec_value *root)
{
	yaml_event_t ev;
	bool empty;

	if (!ystart(r, &ev, &empty))
		return false;
	if (empty)
		return true;
	if (ev.type == YAML_SCALAR_EVENT && ev.data.scalar.length == 0) {
		yaml_event_delete(&ev);	/* "---\n---": nothing set */
		return yfinish(r);
	}
	if (ev.type != YAML_MAPPING_START_EVENT) {
		diag_error(r->d, ypos(r->o, ev.start_mark), "%s: expected "
		    "\"key: value\" lines (a YAML mapping)", r->what);
		yaml_event_delete(&ev);
		return false;
	}
	if (!yvalue(r, &ev, root, 0))
		return false;
	return yfinish(r);
}

bool
spec_read(const char *yaml, size_t len, const struct spec_origin *o,
    const char *what, struct spec_value *root, struct diags *d)
{
	struct yreader r;
	bool ok;

	memset(root, 0, sizeof *root);
	root->kind = SPEC_MAP;
	root->pos = srcpos_at(o->file, o->line, 1);
	if (len > SPEC_MAX_BYTES) {
		diag_error(d, o->fence, "%s: longer than the limit of %d bytes",
		    what, SPEC_MAX_BYTES);
		return false;
	}
	memset(&r, 0, sizeof r);
	r.o = o;
	r.what = what;
	r.d = d;
	if (!yaml_parser_initialize(&r.p)) {
		diag_error(d, o->fence, "%s: cannot start the YAML parser",
		    what);
		return false;
	}
	yaml_parser_set_encoding(&r.p, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&r.p, (const unsigned char *)yaml, len);
	ok = yroot(&r, root);
	yaml_parser_delete(&r.p);
	if (!ok) {
		spec_value_release(root);
		root->kind = SPEC_MAP;
	}
	return ok;
}

void
spec_value_release(struct spec_value *v)
{
	for (size_t i = 0; i < v->nitems; i++)
		spec_value_release(&v->items[i]);
	free(v->items);
	free(v->key);
	free(v->text);
	memset(v, 0, sizeof *v);
}

const struct spec_value *
spec_get(const struct spec_value *map, const char *key)
{
	for (size_t i = 0; i < map->nitems; i++)
		if (map->items[i].key && strcmp(map->items[i].key, key) == 0)
			return &map->items[i];
	return NULL;
}

bool
spec_check_keys(const struct spec_value *map, const char *what,
    const char *const *known, struct diags *d)
{
	bool ok = true;

	for (size_t i = 0; i < map->nitems; i++) {
		const struct spec_value *e = &map->items[i];
		struct strbuf list;
		size_t k;

		for (k = 0; known[k]; k++)
			if (strcmp(known[k], e->key) == 0)
				break;
		if (known[k])
			continue;
		strbuf_init(&list, 0);
		for (k = 0; known[k]; k++)
			strbuf_printf(&list, "%s%s", k ? ", " : "", known[k]);
		diag_error(d, e->key_pos, "%s: unknown key \"%s\" (known: %s)",
		    what, e->key, strbuf_str(&list));
		strbuf_release(&list);
		ok = false;
	}
	return ok;
}

/* --- chart and table specs ----------------------------------------------- */

static const char *const chart_keys[] = {
	"type", "data", "label", "value", "scale", "title", "caption",
	"source", "annotate", "highlight", NULL,
};
static const char *const chart_types[] = {
	"bar", "hbar", "grouped", "stacked", "squares", NULL,
};
static const char *const chart_scales[] = {
	"auto", "linear", "log", "broken", NULL,
};
static const char *const chart_annotations[] = { "none", "ratio", NULL };
static const char *const table_keys[] = {
	"data", "columns", "headers", "caption", "source", NULL,
};

bool
spec_scalar(const struct spec_value *map, const char *key, const char *what,
    const struct spec_value **out, struct diags *d)
{
	const struct spec_value *v = spec_get(map, key);

	*out = NULL;
	if (v == NULL || (v->kind == SPEC_SCALAR && v->null))
		return true;
	if (v->kind != SPEC_SCALAR) {
		diag_error(d, v->pos, "%s: %s: expected one value, not a %s",
		    what, key, v->kind == SPEC_LIST ? "list" : "mapping");
		return false;
	}
	*out = v;
	return true;
}

static char *
spec_text(const struct spec_value *v)
{
	return v ? xstrdup(v->text) : NULL;
}

/* "a, b or c" for an error message; caller frees. */
static char *
spec_choices(const char *const *names)
{
	struct strbuf sb;

	strbuf_init(&sb, 0);
	for (size_t i = 0; names[i]; i++)
		strbuf_printf(&sb, "%s%s", i == 0 ? "" : names[i + 1] ? ", " :
		    " or ", names[i]);
	return strbuf_detach(&sb);
}

bool
spec_choice(const struct spec_value *map, const char *key, const char *what,
    const char *const *names, int deflt, int *out, struct diags *d)
{
	const struct spec_value *v;
	char *choices;

	*out = deflt;
	if (!spec_scalar(map, key, what, &v, d))
		return false;
	if (v == NULL)
		return true;
	for (int i = 0; names[i]; i++) {
		if (strcmp(names[i], v->text) == 0) {
			*out = i;
			return true;
		}
	}
	choices = spec_choices(names);
	diag_error(d, v->pos, "%s: %s: unknown value \"%s\" (%s)", what, key,
	    v->text, choices);
	free(choices);
	return false;
}

/* The column named by scalar v in t, or -1 with an error at v. */
static int
spec_column(const struct table *t, const struct spec_value *v,
    const char *what, const char *key, struct diags *d)
{
	struct strbuf names;
	int col = table_column(t, v->text);

	if (col >= 0)
		return col;
	strbuf_init(&names, 0);
	for (size_t i = 0; i < t->ncols; i++)
		strbuf_printf(&names, "%s%s", i ? ", " : "",
		    t->header[i].text);
	diag_error(d, v->pos, "%s: %s: no column \"%s\" in %s (columns: %s)",
	    what, key, v->text, t->path, strbuf_str(&names));
	strbuf_release(&names);
	return -1;
}

/* The columns a scalar-or-list entry names: *cols (caller frees), *n. */
static bool
spec_columns(const struct table *t, const struct spec_value *v,
    const char *what, size_t **cols, size_t *n, struct diags *d)
{
	const struct spec_value *one = v;
	size_t count = v->kind == SPEC_LIST ? v->nitems : 1;

	*cols = xcalloc(count ? count : 1, sizeof **cols);
	*n = 0;
	if (v->kind == SPEC_MAP || count == 0) {
		diag_error(d, v->pos, "%s: %s: expected a column name or a list "
		    "of them", what, v->key);
		return false;
	}
	for (size_t i = 0; i < count; i++) {
		int c;
		if (v->kind == SPEC_LIST)
			one = &v->items[i];
		c = spec_column(t, one, what, v->key, d);
		if (c < 0)
			return false;
		(*cols)[(*n)++] = (size_t)c;
	}
	return true;
}

/* The table the data entry names; an error at the fence when missing, at
 * the entry when it has no rows or more than max_rows (checked before any
 * work on them, so a million-row file fails fast). */
static const struct table *
spec_data(const struct spec_value *root, const char *what, size_t max_rows,
    const struct spec_origin *o, const struct spec_env *env,
    struct diags *d)
{
	const struct spec_value *v;
	const struct table *t;

	if (!spec_scalar(root, "data", what, &v, d))
		return NULL;
	if (v == NULL) {
		diag_error(d, o->fence, "%s: data: missing (a CSV file or a "
		    "front-matter data alias)", what);
		return NULL;
	}
	t = env->data(env->ctx, v->text, v->pos, d);
	if (t && t->nrows == 0) {
		diag_error(d, v->pos, "%s: data: %s has no data rows", what,
		    t->path);
		return NULL;
	}
	if (t && t->nrows > max_rows) {
		diag_error(d, v->pos, "%s: data: %s has %zu data rows, more "
		    "than the limit of %zu for a %s", what, t->path, t->nrows,
		    max_rows, what);
		return NULL;
	}
	return t;
}

static bool
chart_texts(const struct spec_value *root, struct chart_data *c,
    struct diags *d)
{
	const struct spec_value *title, *caption, *source;

	if (!spec_scalar(root, "title", "chart", &title, d) ||
	    !spec_scalar(root, "caption", "chart", &caption, d) ||
	    !spec_scalar(root, "source", "chart", &source, d))
		return false;
	c->title = spec_text(title);
	c->caption = spec_text(caption);
	c->source = spec_text(source);
	return true;
}

/* Where the value of key stands in the report, or the fence. */
static struct srcpos
chart_key_pos(const struct spec_value *root, const char *key,
    const struct spec_origin *o)
{
	const struct spec_value *v = spec_get(root, key);

	return v ? v->pos : o->fence;
}

static bool
chart_kinds(const struct spec_value *root, struct chart_data *c,
    struct diags *d)
{
	int type, scale, annotate;

	if (!spec_choice(root, "type", "chart", chart_types, CHART_BAR, &type,
	    d) ||
	    !spec_choice(root, "scale", "chart", chart_scales, CHART_SCALE_AUTO,
	    &scale, d) ||
	    !spec_choice(root, "annotate", "chart", chart_annotations, 0,
	    &annotate, d))
		return false;
	c->type = (enum chart_type)type;
	c->scale = (enum chart_scale)scale;
	c->annotate_ratio = annotate == 1;
	return true;
}

/* Whether every cell of column col is a figure in lang. */
static bool
spec_figure_column(const struct table *t, size_t col, enum lang lang)
{
	for (size_t r = 0; r < t->nrows; r++) {
		const char *text = table_cell(t, r, col)->text;
		struct figure_error err;
		struct figure f;

		if (text[strspn(text, " ")] == '\0' ||
		    !figure_parse(text, lang, &f, &err))
			return false;
	}
	return t->nrows > 0;
}

/* The columns besides label whose every cell is a figure, into *cols
 * (caller frees); returns how many.  A table longer than a chart can show
 * is not read through (the chart is refused for its length anyway). */
static size_t
spec_figure_columns(const struct table *t, size_t label, enum lang lang,
    size_t **cols)
{
	size_t n = 0;

	*cols = xcalloc(t->ncols, sizeof **cols);
	if (t->nrows > CHART_MAX_CATS)
		return 0;
	for (size_t c = 0; c < t->ncols; c++)
		if (c != label && spec_figure_column(t, c, lang))
			(*cols)[n++] = c;
	return n;
}

/* A bar, hbar or squares chart given no value: key over several figure
 * columns shows the first, and says so: the reader may have meant
 * another, or type: grouped. */
static void
spec_warn_first_column(const struct table *t, const size_t *cols, size_t n,
    const struct spec_origin *o, const struct chart_data *c,
    struct diags *d)
{
	struct strbuf names;

	strbuf_init(&names, 0);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&names, "%s\"%s\"", i ? ", " : "",
		    t->header[cols[i]].text);
	diag_warning(d, o->fence, "chart: value: %s has %zu figure columns "
	    "(%s); this %s chart shows the first; name the one to show with "
	    "value:, or show them all with type: grouped", t->path, n,
	    strbuf_str(&names), chart_types[c->type]);
	strbuf_release(&names);
}

/* The value columns when the spec names none: grouped and stacked show
 * every column of figures, the others the only one (the first, with a
 * warning, when there are several).  With no column of figures, the
 * first column after the label's, whose bad cell is then the error. */
static bool
chart_default_values(const struct table *t, const struct spec_origin *o,
    const struct chart_data *c, size_t label, size_t **vals,
    size_t *nvals, struct diags *d)
{
	size_t n;

	if (t->ncols < 2) {
		diag_error(d, o->fence, "chart: value: %s has one column; "
		    "name the value column", t->path);
		return false;
	}
	n = spec_figure_columns(t, label, c->lang, vals);
	if (n == 0) {
		(*vals)[0] = label == 1 ? 0 : 1;
		n = 1;
	} else if (n > 1 && c->type != CHART_GROUPED &&
	    c->type != CHART_STACKED) {
		spec_warn_first_column(t, *vals, n, o, c, d);
		n = 1;
	}
	*nvals = n;
	return true;
}

/* The value columns: named by the value entry, else as
 * chart_default_values chooses; bar, hbar and squares show exactly one. */
static bool
chart_values(const struct table *t, const struct spec_value *vv,
    const struct spec_origin *o, const struct chart_data *c, size_t label,
    size_t **vals, size_t *nvals, struct diags *d)
{
	if (vv == NULL || (vv->kind == SPEC_SCALAR && vv->null))
		return chart_default_values(t, o, c, label, vals, nvals, d);
	if (!spec_columns(t, vv, "chart", vals, nvals, d))
		return false;
	if (*nvals > 1 && c->type != CHART_GROUPED &&
	    c->type != CHART_STACKED) {
		diag_error(d, vv->pos, "chart: value: a %s chart shows one "
		    "column (grouped and stacked show several)",
		    chart_types[c->type]);
		return false;
	}
	return true;
}

/* The label column (default: the first) and the value columns. */
static bool
chart_pick(const struct table *t, const struct spec_value *root,
    const struct spec_origin *o, const struct chart_data *c, size_t *label,
    size_t **vals, size_t *nvals, struct diags *d)
{
	const struct spec_value *lv;
	int col = 0;

	if (!spec_scalar(root, "label", "chart", &lv, d))
		return false;
	if (lv && (col = spec_column(t, lv, "chart", "label", d)) < 0)
		return false;
	*label = (size_t)col;
	return chart_values(t, spec_get(root, "value"), o, c, *label, vals,
	    nvals, d);
}

/* Categories, series names and figures out of the table. */
static bool
chart_fill(const struct table *t, const struct spec_value *root,
    size_t label, const size_t *vals, size_t nvals, struct chart_data *c,
    struct diags *d)
{
	const struct spec_value *vv = spec_get(root, "value");
	struct figure *col = xcalloc(t->nrows, sizeof *col);
	bool ok = true;

	c->ncats = t->nrows;
	c->nseries = nvals;
	c->cats = xcalloc(t->nrows, sizeof *c->cats);
	c->series = xcalloc(nvals, sizeof *c->series);
	c->values = xcalloc(t->nrows * nvals, sizeof *c->values);
	for (size_t r = 0; r < t->nrows; r++)
		c->cats[r] = xstrdup(table_cell(t, r, label)->text);
	for (size_t s = 0; s < nvals && ok; s++) {
		c->series[s] = xstrdup(t->header[vals[s]].text);
		ok = table_figures(t, vals[s], c->lang, col, d);
		for (size_t r = 0; ok && r < t->nrows; r++)
			c->values[r * nvals + s] = col[r];
		if (!ok)
			diag_error(d, vv ? vv->pos : c->pos, "chart: value: "
			    "column \"%s\" of %s holds a figure that does not "
			    "parse", c->series[s], t->path);
	}
	free(col);
	return ok;
}

static bool
chart_highlight(const struct spec_value *root, const struct table *t,
    size_t label, struct chart_data *c, struct diags *d)
{
	const struct spec_value *v;

	c->highlight = -1;
	if (!spec_scalar(root, "highlight", "chart", &v, d))
		return false;
	if (v == NULL)
		return true;
	for (size_t i = 0; i < c->ncats; i++) {
		if (strcmp(c->cats[i], v->text) == 0) {
			c->highlight = (long)i;
			return true;
		}
	}
	diag_error(d, v->pos, "chart: highlight: no category \"%s\" in column "
	    "\"%s\" of %s", v->text, t->header[label].text, t->path);
	return false;
}

bool
spec_chart(const char *yaml, size_t len, const struct spec_origin *o,
    const struct spec_env *env, struct chart_data *out, struct diags *d)
{
	struct spec_value root;
	const struct table *t = NULL;
	size_t label = 0, *vals = NULL, nvals = 0;
	bool ok;

	memset(out, 0, sizeof *out);
	out->lang = env->lang;
	out->grayscale = env->grayscale;
	out->highlight = -1;
	out->pos = o->fence;
	if (!spec_read(yaml, len, o, "chart", &root, d))
		return false;
	/* What only data and spec together can show is blamed on the key
	 * behind it (chart_validate, chart_layout_fit). */
	out->value_pos = chart_key_pos(&root, "value", o);
	out->scale_pos = chart_key_pos(&root, "scale", o);
	out->type_pos = chart_key_pos(&root, "type", o);
	ok = spec_check_keys(&root, "chart", chart_keys, d) &&
	    chart_kinds(&root, out, d) && chart_texts(&root, out, d) &&
	    (t = spec_data(&root, "chart", CHART_MAX_CATS, o, env, d)) !=
	    NULL &&
	    chart_pick(t, &root, o, out, &label, &vals, &nvals, d) &&
	    chart_fill(t, &root, label, vals, nvals, out, d) &&
	    chart_highlight(&root, t, label, out, d);
	free(vals);
	spec_value_release(&root);
	if (!ok) {
		chart_data_release(out);
		memset(out, 0, sizeof *out);
	}
	return ok;
}

/* A column is a figure column when each non-empty cell is a figure and one
 * at least is not empty; *figs then holds them (caller frees). */
static bool
table_is_figures(const struct table *t, size_t col, enum lang lang,
    struct figure **figs)
{
	size_t filled = 0;

	*figs = xcalloc(t->nrows, sizeof **figs);
	for (size_t r = 0; r < t->nrows; r++) {
		const char *s = table_cell(t, r, col)->text;
		struct figure_error e;
		if (s[strspn(s, " ")] == '\0')
			continue;
		if (!figure_parse(s, lang, &(*figs)[r], &e)) {
			free(*figs);
			*figs = NULL;
			return false;
		}
		filled++;
	}
	if (filled == 0) {
		free(*figs);
		*figs = NULL;
	}
	return filled > 0;
}

static void
table_fill_column(const struct table *t, size_t col, size_t out_col,
    enum lang lang, struct doc_table *dt)
{
	struct figure *figs;
	bool numeric = table_is_figures(t, col, lang, &figs);

	dt->align[out_col] = numeric ? CELL_RIGHT : CELL_LEFT;
	for (size_t r = 0; r < t->nrows; r++) {
		const char *s = table_cell(t, r, col)->text;
		struct rich *cell = &dt->cells[(r + 1) * dt->ncols + out_col];
		if (numeric && s[strspn(s, " ")] != '\0')
			cell->text = numfmt_figure(&figs[r], lang);
		else
			cell->text = xstrdup(s);
	}
	free(figs);
}

/* The header labels: headers (same length as the columns) or names. */
static bool
table_headers(const struct table *t, const struct spec_value *root,
    const size_t *cols, size_t n, struct doc_table *dt, struct diags *d)
{
	const struct spec_value *h = spec_get(root, "headers");
	size_t nh = h && h->kind == SPEC_LIST ? h->nitems : 1;

	if (h && (h->kind == SPEC_MAP || nh != n)) {
		diag_error(d, h->pos, "table: headers: %zu label%s for %zu "
		    "column%s", h->kind == SPEC_MAP ? 0 : nh, nh == 1 ? "" : "s",
		    n, n == 1 ? "" : "s");
		return false;
	}
	for (size_t c = 0; c < n; c++) {
		const char *label = t->header[cols[c]].text;
		if (h && h->kind == SPEC_LIST)
			label = h->items[c].text;
		else if (h)
			label = h->text;
		dt->cells[c].text = xstrdup(label);
	}
	return true;
}

static bool
table_build(const struct table *t, const struct spec_value *root,
    enum lang lang, struct doc_table *dt, struct diags *d)
{
	const struct spec_value *cv = spec_get(root, "columns");
	size_t *cols = NULL, n = 0;
	bool ok = true;

	if (cv && !(cv->kind == SPEC_SCALAR && cv->null)) {
		ok = spec_columns(t, cv, "table", &cols, &n, d);
	} else {
		n = t->ncols;
		cols = xcalloc(n, sizeof *cols);
		for (size_t c = 0; c < n; c++)
			cols[c] = c;
	}
	if (ok && n > SPEC_MAX_TABLE_COLS) {
		diag_error(d, (cv ? cv : spec_get(root, "data"))->pos, "table: "
		    "%zu columns, more than the limit of %d for a table%s", n,
		    SPEC_MAX_TABLE_COLS, cv ? "" : " (columns: names the "
		    "ones to show)");
		ok = false;
	}
	if (ok) {
		dt->ncols = n;
		dt->nrows = t->nrows + 1;
		dt->nheader = 1;
		dt->cells = xcalloc(dt->nrows * n, sizeof *dt->cells);
		dt->align = xcalloc(n, sizeof *dt->align);
		ok = table_headers(t, root, cols, n, dt, d);
	}
	for (size_t c = 0; ok && c < n; c++)
		table_fill_column(t, cols[c], c, lang, dt);
	free(cols);
	return ok;
}

struct doc_table *
spec_table(const char *yaml, size_t len, const struct spec_origin *o,
    const struct spec_env *env, struct diags *d)
{
	struct spec_value root;
	const struct spec_value *caption, *source;
	const struct table *t;
	struct doc_table *dt = xcalloc(1, sizeof *dt);
	bool ok;

	if (!spec_read(yaml, len, o, "table", &root, d)) {
		free(dt);
		return NULL;
	}
	ok = spec_check_keys(&root, "table", table_keys, d) &&
	    spec_scalar(&root, "caption", "table", &caption, d) &&
	    spec_scalar(&root, "source", "table", &source, d) &&
	    (t = spec_data(&root, "table", SPEC_MAX_TABLE_ROWS, o, env, d)) !=
	    NULL &&
	    table_build(t, &root, env->lang, dt, d);
	if (ok) {
		dt->caption = spec_text(caption);
		dt->source = spec_text(source);
	}
	spec_value_release(&root);
	if (!ok) {
		/* Cells not yet filled are zeroed, so this frees what is set. */
		doc_table_free(dt);
		return NULL;
	}
	return dt;
}
