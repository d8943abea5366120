/* stale: literal figures of the prose checked against the rows their
 * sentences name. */
#include "stale.h"

#include <glib.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "numfmt.h"
#include "strbuf.h"
#include "utf8.h"
#include "xmalloc.h"

/* --- the prose of a report -------------------------------------------- */

/* Where a {{reference}} stands, in the columns extract counts. */
struct stale_ref {
	int line;
	int col0, col1;		/* 1-based, [col0, col1) */
};

struct stale_prose {
	struct strbuf text;	/* same lines and columns as the report */
	struct stale_ref *refs;
	size_t nrefs;
	/* scanner state */
	char fence;		/* '`' or '~' inside a fenced block, else 0 */
	size_t fence_len;
	bool spec;		/* the fence is a chart or table spec */
	bool quote;		/* inside a block quote */
};

static size_t
stale_indent(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && i < 3 && s[i] == ' ')
		i++;
	return i;
}

static bool
stale_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

/* A fence line opens or closes a fenced block; true when s is one. */
static bool
stale_fence(struct stale_prose *p, const char *s, size_t n)
{
	size_t i = stale_indent(s, n), run = 0;
	char c = i < n ? s[i] : 0;

	if (c != '`' && c != '~')
		return false;
	while (i + run < n && s[i + run] == c)
		run++;
	if (run < 3)
		return false;
	if (p->fence == 0) {
		const char *info = s + i + run;
		size_t left = n - i - run;
		p->fence = c;
		p->fence_len = run;
		while (left && *info == ' ')
			info++, left--;
		p->spec = (left >= 5 && strncmp(info, "chart", 5) == 0) ||
		    (left >= 5 && strncmp(info, "table", 5) == 0);
		return true;
	}
	if (c != p->fence || run < p->fence_len ||
	    !stale_blank(s + i + run, n - i - run))
		return false;
	p->fence = 0;
	return true;
}

/* A "title:" or "caption:" line of a spec, with the key made a '#' and
 * blanks so that extract reads the value as a sentence of its own at the
 * same columns. */
static void
stale_spec_line(struct stale_prose *p, const char *s, size_t n)
{
	static const char *const keys[] = { "title", "caption" };
	size_t i = 0, k;

	while (i < n && s[i] == ' ')
		i++;
	for (k = 0; k < 2; k++) {
		size_t kl = strlen(keys[k]);
		if (n - i > kl && strncmp(s + i, keys[k], kl) == 0 &&
		    s[i + kl] == ':')
			break;
	}
	if (k == 2)
		return;
	for (size_t j = 0; j < i; j++)
		strbuf_putc(&p->text, ' ');
	strbuf_putc(&p->text, '#');
	for (size_t j = 0; j < strlen(keys[k]); j++)
		strbuf_putc(&p->text, ' ');
	strbuf_add(&p->text, s + i + strlen(keys[k]) + 1,
	    n - i - strlen(keys[k]) - 1);
}

/* A prose line: kept, with the braces of each {{reference}} blanked and
 * the reference remembered (its row labels still count as naming). */
static void
stale_text_line(struct stale_prose *p, const char *s, size_t n, int line)
{
	size_t i = 0;

	while (i < n) {
		const char *close;
		if (i + 1 < n && s[i] == '{' && s[i + 1] == '{' &&
		    (close = g_strstr_len(s + i + 2, (gssize)(n - i - 2),
		    "}}")) != NULL) {
			size_t end = (size_t)(close - s) + 2;
			struct stale_ref *r;
			p->refs = xreallocarray(p->refs, p->nrefs + 1,
			    sizeof *p->refs);
			r = &p->refs[p->nrefs++];
			r->line = line;
			r->col0 = (int)utf8_count(s, i) + 1;
			r->col1 = (int)utf8_count(s, end) + 1;
			strbuf_puts(&p->text, "  ");
			strbuf_add(&p->text, s + i + 2, end - i - 4);
			strbuf_puts(&p->text, "  ");
			i = end;
			continue;
		}
		strbuf_putc(&p->text, s[i++]);
	}
}

static void
stale_line(struct stale_prose *p, const char *s, size_t n, int line)
{
	size_t ind = stale_indent(s, n);

	if (stale_fence(p, s, n))
		return;
	if (p->fence) {
		if (p->spec)
			stale_spec_line(p, s, n);
		return;
	}
	if (ind < n && s[ind] == '>')
		p->quote = true;
	else if (stale_blank(s, n))
		p->quote = false;
	if (!p->quote)
		stale_text_line(p, s, n, line);
}

/* The prose of text: every line in place (so lines and columns stay
 * those of the report), blank where it is not prose. */
static void
stale_prose_build(struct stale_prose *p, const char *text, size_t len,
    size_t body_start)
{
	size_t at = 0;
	int line = 1;

	memset(p, 0, sizeof *p);
	strbuf_init(&p->text, 0);
	while (at < len) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t n = nl ? (size_t)(nl - text) - at : len - at;
		if (at >= body_start)
			stale_line(p, text + at, n, line);
		strbuf_putc(&p->text, '\n');
		at += n + 1;
		line++;
	}
}

static bool
stale_in_ref(const struct stale_prose *p, int line, int col)
{
	for (size_t i = 0; i < p->nrefs; i++)
		if (p->refs[i].line == line && col >= p->refs[i].col0 &&
		    col < p->refs[i].col1)
			return true;
	return false;
}

/* --- the rows of the data --------------------------------------------- */

struct stale_row {
	const struct stale_source *src;
	char *label;		/* as written, trimmed */
	char *names[2];		/* casefolded label, and without "(…)" */
	struct figure *figs;	/* per column */
	bool *ok;		/* the cell is a figure */
};

static char *
stale_fold(const char *s)
{
	char *g = g_utf8_casefold(s, -1);
	char *r = xstrdup(g);

	g_free(g);
	return r;
}

/* "DeepSeek (chi phí huấn luyện)" is also named as "DeepSeek". */
static char *
stale_short_name(const char *label)
{
	size_t n = strlen(label);
	const char *open;

	if (n == 0 || label[n - 1] != ')' ||
	    (open = strrchr(label, '(')) == NULL)
		return NULL;
	while (open > label && open[-1] == ' ')
		open--;
	return open > label ? xstrndup(label, (size_t)(open - label)) : NULL;
}

static void
stale_row_init(struct stale_row *r, const struct stale_source *src,
    size_t row, enum lang lang)
{
	const struct table *t = src->table;
	char *shortname;

	r->src = src;
	r->label = g_strstrip(xstrdup(table_cell(t, row, 0)->text));
	r->names[0] = stale_fold(r->label);
	shortname = stale_short_name(r->label);
	r->names[1] = shortname ? stale_fold(shortname) : NULL;
	free(shortname);
	r->figs = xcalloc(t->ncols, sizeof *r->figs);
	r->ok = xcalloc(t->ncols, sizeof *r->ok);
	for (size_t c = 1; c < t->ncols; c++) {
		struct figure_error e;
		r->ok[c] = figure_parse(table_cell(t, row, c)->text, lang,
		    &r->figs[c], &e);
	}
}

static void
stale_row_release(struct stale_row *r)
{
	free(r->label);
	free(r->names[0]);
	free(r->names[1]);
	free(r->figs);
	free(r->ok);
}

/* --- matching ------------------------------------------------------------ */

static bool
stale_word_char(const char *s, const char *at, bool before)
{
	gunichar c;

	if (before) {
		if (at == s)
			return false;
		c = g_utf8_get_char(g_utf8_find_prev_char(s, at));
	} else {
		if (*at == '\0')
			return false;
		c = g_utf8_get_char(at);
	}
	return g_unichar_isalnum(c);
}

/* How far name stands from the figure at pos in sentence, as a rank:
 * a whole-word occurrence before the figure (the subject, in Vietnamese
 * as in English: "DeepSeek chi 5,6 triệu USD, Meta chi hơn 60 tỷ USD")
 * ranks before any after it, the nearest first; -1 when there is none. */
static long
stale_mention(const char *sentence, const char *name, long pos)
{
	size_t n = strlen(name);
	long best = -1;

	for (const char *at = strstr(sentence, name); at;
	    at = strstr(at + 1, name)) {
		long off = (long)(at - sentence);
		long d = off < pos ? pos - off : LONG_MAX / 2 + (off - pos);
		if (stale_word_char(sentence, at, true) ||
		    stale_word_char(sentence, at + n, false))
			continue;
		if (best < 0 || d < best)
			best = d;
	}
	return best;
}

/* Equal at the coarser of the two precisions written. */
static bool
stale_same(const struct figure *a, const struct figure *b)
{
	double step = fmax(pow(10, a->scale - a->decimals),
	    pow(10, b->scale - b->decimals));

	return fabs(round(a->value / step) - round(b->value / step)) < 0.5;
}

struct stale_verdict {
	bool checked;		/* some cell was in the figure's unit */
	bool matched;
	const struct stale_row *row;	/* the nearest mismatch */
	size_t col;
	long dist;
};

static void
stale_judge_row(const struct stale_row *r, long dist,
    const struct figure *f, struct stale_verdict *v)
{
	for (size_t c = 1; c < r->src->table->ncols; c++) {
		if (!r->ok[c] || strcmp(r->figs[c].unit, f->unit) != 0)
			continue;
		v->checked = true;
		if (stale_same(f, &r->figs[c]))
			v->matched = true;
		else if (v->row == NULL || dist < v->dist) {
			v->row = r;
			v->col = c;
			v->dist = dist;
		}
	}
}

static void
stale_warn(const char *file, const struct extract_item *it,
    const struct stale_verdict *v, enum lang lang, struct diags *d)
{
	const struct table *t = v->row->src->table;
	char *want = numfmt_figure(&v->row->figs[v->col], lang);

	diag_warning(d, srcpos_at(file, it->line, it->col),
	    "\"%s\" no longer matches %s.%s.%s (%s)", it->text,
	    v->row->src->alias, v->row->label, t->header[v->col].text, want);
	free(want);
}

static void
stale_item(const char *file, const struct extract_item *it,
    const struct stale_row *rows, size_t nrows, enum lang lang,
    struct diags *d)
{
	char *sentence = stale_fold(it->context), *fig = stale_fold(it->text);
	const char *at = strstr(sentence, fig);
	long pos = at ? (long)(at - sentence) : 0;
	struct stale_verdict v = { false, false, NULL, 0, 0 };

	for (size_t i = 0; i < nrows; i++) {
		long d0 = stale_mention(sentence, rows[i].names[0], pos);
		long d1 = rows[i].names[1] ?
		    stale_mention(sentence, rows[i].names[1], pos) : -1;
		if (d0 >= 0 || d1 >= 0)
			stale_judge_row(&rows[i], d0 < 0 ? d1 : d1 < 0 ? d0 :
			    d0 < d1 ? d0 : d1, &it->fig, &v);
	}
	if (v.checked && !v.matched && v.row)
		stale_warn(file, it, &v, lang, d);
	free(sentence);
	free(fig);
}

static struct stale_row *
stale_rows(const struct stale_source *src, size_t nsrc, enum lang lang,
    size_t *nrows)
{
	struct stale_row *rows = NULL;

	*nrows = 0;
	for (size_t s = 0; s < nsrc; s++) {
		const struct table *t = src[s].table;
		if (t == NULL || t->ncols < 2)
			continue;
		rows = xreallocarray(rows, *nrows + t->nrows + 1,
		    sizeof *rows);
		for (size_t r = 0; r < t->nrows; r++)
			stale_row_init(&rows[(*nrows)++], &src[s], r, lang);
	}
	return rows;
}

void
stale_check(const char *file, const char *text, size_t len,
    size_t body_start, enum lang lang, const struct stale_source *src,
    size_t nsrc, struct diags *d)
{
	struct stale_prose p;
	struct extract_list figs;
	struct diags quiet;
	struct stale_row *rows;
	size_t nrows;

	rows = stale_rows(src, nsrc, lang, &nrows);
	if (nrows == 0) {
		free(rows);
		return;
	}
	stale_prose_build(&p, text, len, body_start);
	extract_list_init(&figs);
	/* How extract read the prose is not this report's business. */
	diags_init(&quiet);
	extract_text(file, strbuf_str(&p.text), p.text.len, lang, &figs,
	    &quiet);
	/* A range ("5–6 triệu USD") is not compared: neither end is meant
	 * to equal the data. */
	for (size_t i = 0; i < figs.count; i++)
		if (figs.items[i].range == 0 &&
		    !stale_in_ref(&p, figs.items[i].line, figs.items[i].col))
			stale_item(file, &figs.items[i], rows, nrows, lang, d);
	diags_release(&quiet);
	extract_list_release(&figs);
	strbuf_release(&p.text);
	free(p.refs);
	for (size_t i = 0; i < nrows; i++)
		stale_row_release(&rows[i]);
	free(rows);
}
