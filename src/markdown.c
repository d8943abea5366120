/* markdown: md4c callbacks building the block tree.  md4c reports no
 * positions, but its text callbacks point into the source buffer, so each
 * block takes the line of its first text; blocks without text (rules, empty
 * items, fences) are found by scanning forward from the last text seen. */
#include "markdown.h"
#include "markdown-int.h"

#include <glib.h>
#include <limits.h>
#include <md4c.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "figure.h"
#include "strbuf.h"
#include "xmalloc.h"

/* GFM tables and strikethrough; task lists are left as text, raw HTML is
 * recognised so that it can be dropped rather than printed. */
#define MD_FLAGS (MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | \
    MD_FLAG_PERMISSIVEAUTOLINKS)

int
markdown_abort(struct mdctx *c, int line, const char *msg)
{
	diag_error(c->d, srcpos_at(c->in->file, line, 0), "%s", msg);
	c->aborted = true;
	return -1;
}

/* --- blocks -------------------------------------------------------------- */

static struct mdframe *
mk_push(struct mdctx *c, MD_BLOCKTYPE type, enum block_kind kind)
{
	struct mdframe *f;

	c->stack = mk_grow(c->stack, c->depth, sizeof *c->stack);
	f = &c->stack[c->depth++];
	memset(f, 0, sizeof *f);
	f->type = type;
	f->b.kind = kind;
	return f;
}

/* Add b to the innermost frame that holds blocks. */
static void
mk_attach(struct mdctx *c, const struct block *b)
{
	size_t i = c->depth;
	struct block *p;

	while (i-- > 1 && c->stack[i].transparent)
		;
	p = &c->stack[i].b;
	p->children = mk_grow(p->children, p->nchildren, sizeof *p->children);
	p->children[p->nchildren++] = *b;
}

/* Pop the top frame, keeping its block when keep. */
static void
mk_pop(struct mdctx *c, bool keep)
{
	struct mdframe *f = mk_top(c);
	struct block b = f->b;

	c->depth--;
	if (keep && !f->transparent && !f->skip)
		mk_attach(c, &b);
	else
		block_release(&b);
}

/* Move the leaf's text and spans into r. */
static void
mk_leaf_to(struct mdctx *c, struct rich *r)
{
	struct mdleaf *l = &c->leaf;

	r->text = l->text.len ? strbuf_detach(&l->text) : xstrdup("");
	r->spans = l->spans;
	r->nspans = l->nspans;
	l->spans = NULL;
	l->nspans = 0;
	markdown_text_release(l);
}

/* A unique id for a heading: its slug, then slug-2, slug-3 .... */
static char *
mk_heading_id(struct mdctx *c, const char *text)
{
	char *base = markdown_slug(text), *id;
	gpointer next;
	int n;

	if (!g_hash_table_lookup_extended(c->ids, base, NULL, &next)) {
		g_hash_table_insert(c->ids, xstrdup(base), GINT_TO_POINTER(2));
		return base;
	}
	/* The value remembers the next suffix, so many equal headings stay
	 * linear. */
	for (n = GPOINTER_TO_INT(next);; n++) {
		id = xasprintf("%s-%d", base, n);
		if (!g_hash_table_contains(c->ids, id))
			break;
		free(id);
	}
	g_hash_table_insert(c->ids, xstrdup(base), GINT_TO_POINTER(n + 1));
	g_hash_table_insert(c->ids, xstrdup(id), GINT_TO_POINTER(2));
	free(base);
	return id;
}

static bool
mk_is_figure(const char *s, enum lang lang)
{
	struct figure f;
	struct figure_error e;

	return figure_parse(s, lang, &f, &e);
}

/* A column without an alignment marker is right-aligned when every
 * non-empty body cell is a figure. */
static enum cell_align
mk_column_align(const struct mdtable *t, size_t col, enum lang lang)
{
	size_t filled = 0;

	switch (t->mk_align[col]) {
	case MD_ALIGN_LEFT:
		return CELL_LEFT;
	case MD_ALIGN_CENTER:
		return CELL_CENTER;
	case MD_ALIGN_RIGHT:
		return CELL_RIGHT;
	default:
		break;
	}
	for (size_t r = t->nheader; r < t->nrows; r++) {
		const char *s = t->cells[r * t->ncols + col].text;
		if (s[strspn(s, " ")] == '\0')
			continue;
		if (!mk_is_figure(s, lang))
			return CELL_LEFT;
		filled++;
	}
	return filled ? CELL_RIGHT : CELL_LEFT;
}

static void
mk_table_cell(struct mdctx *c, struct mdtable *t)
{
	size_t row_cells = t->ncells - t->nrows * t->ncols;
	struct rich r = { 0 };

	mk_leaf_to(c, &r);
	/* md4c pads short rows and cuts long ones; be safe anyway. */
	if (row_cells >= t->ncols) {
		rich_release(&r);
		return;
	}
	t->cells = mk_grow(t->cells, t->ncells, sizeof *t->cells);
	t->cells[t->ncells++] = r;
}

static void
mk_table_row(struct mdtable *t)
{
	while (t->ncells < (t->nrows + 1) * t->ncols) {
		t->cells = mk_grow(t->cells, t->ncells, sizeof *t->cells);
		t->cells[t->ncells++] = (struct rich){ xstrdup(""), NULL, 0 };
	}
	t->nrows++;
	if (t->in_head)
		t->nheader++;
}

static void
mk_table_finish(struct mdctx *c, struct mdframe *f)
{
	struct mdtable *t = f->tab;
	struct doc_table *dt = xcalloc(1, sizeof *dt);

	dt->ncols = t->ncols;
	dt->nrows = t->nrows;
	dt->nheader = t->nheader;
	dt->cells = t->cells;
	dt->align = xcalloc(t->ncols ? t->ncols : 1, sizeof *dt->align);
	for (size_t col = 0; col < t->ncols; col++)
		dt->align[col] = mk_column_align(t, col, c->in->lang);
	f->b.table = dt;
	free(t->mk_align);
	free(t);
	f->tab = NULL;
}

/* The report position of the YAML of a spec block. */
static void
mk_spec_origin(const struct mdframe *f, const struct mdleaf *l,
    struct spec_origin *o)
{
	int known = 0;

	for (size_t i = 0; i < l->nshift; i++)
		if (l->shift[i] != INT_MIN) {
			known = l->shift[i];
			break;
		}
	/* Blank lines have no text to measure: they take a neighbour's. */
	for (size_t i = 0; i < l->nshift; i++) {
		if (l->shift[i] == INT_MIN)
			l->shift[i] = known;
		known = l->shift[i];
	}
	o->file = f->fence.file;
	o->line = f->fence.line + 1;
	o->shift = l->shift;
	o->nshift = l->nshift;
	o->fence = f->fence;
}

/* A code block: verbatim text, or a chart/table spec for the hook. */
static bool
mk_code_finish(struct mdctx *c, struct mdframe *f)
{
	struct spec_origin o;
	int *shift;
	bool ok;

	mk_spec_origin(f, &c->leaf, &o);
	shift = c->leaf.shift;
	c->leaf.shift = NULL;
	mk_leaf_to(c, &f->b.text);
	/* md4c ends every line with '\n'; the block does not end with one. */
	if (f->b.text.text[0]) {
		size_t n = strlen(f->b.text.text);
		if (f->b.text.text[n - 1] == '\n')
			f->b.text.text[n - 1] = '\0';
	}
	if (f->spec == MDSPEC_NONE || c->h->fence == NULL) {
		free(shift);
		return true;
	}
	ok = c->h->fence(c->h->ctx, f->spec == MDSPEC_CHART ? "chart" :
	    "table", f->b.text.text, strlen(f->b.text.text), &o, &f->b, c->d);
	rich_release(&f->b.text);
	free(shift);
	return ok;
}

/* --- md4c callbacks ------------------------------------------------------ */

/* Close the implicit paragraph of a tight list item. */
static int
mk_close_implicit(struct mdctx *c)
{
	if (c->depth < 2 || !mk_top(c)->implicit)
		return 0;
	if (markdown_text_refs(c) != 0)
		return -1;
	mk_leaf_to(c, &mk_top(c)->b.text);
	mk_pop(c, true);
	return 0;
}

static int
mk_count(struct mdctx *c)
{
	if (++c->nblocks > MARKDOWN_MAX_BLOCKS)
		return markdown_abort(c, markdown_where_estimate(c), "more than 100000 blocks "
		    "and table cells in one report");
	return 0;
}

static int
mk_nest(struct mdctx *c)
{
	if (++c->nesting > MARKDOWN_MAX_DEPTH)
		return markdown_abort(c, markdown_where_estimate(c), "lists and block quotes "
		    "nested more than 32 levels deep");
	return 0;
}

/* A fenced block: its fence line, and whether it is a spec. */
static void
mk_enter_code(struct mdctx *c, struct mdframe *f,
    const MD_BLOCK_CODE_DETAIL *det)
{
	size_t off, at;
	int line;

	markdown_text_begin(c);
	f->fence_char = det->fence_char;
	if (!det->fence_char)
		return;
	if (det->info.size && srcmap_offset(c->in->map, det->info.text, &off))
		line = srcmap_line(c->in->map, off);
	else
		line = markdown_where_find_fence(c, det->fence_char);
	at = markdown_where_fence_at(c, line, det->fence_char);
	f->fence = at == SIZE_MAX ? srcpos_at(c->in->file, line, 1) :
	    srcmap_pos(c->in->map, c->in->file, at);
	markdown_where_locate(c, line);
	markdown_where_advance(c, line);
	if (det->lang.size == 5 && memcmp(det->lang.text, "chart", 5) == 0)
		f->spec = MDSPEC_CHART;
	if (det->lang.size == 5 && memcmp(det->lang.text, "table", 5) == 0)
		f->spec = MDSPEC_TABLE;
}

static void
mk_enter_table(struct mdframe *f, const MD_BLOCK_TABLE_DETAIL *det)
{
	f->tab = xcalloc(1, sizeof *f->tab);
	f->tab->ncols = det->col_count;
	f->tab->mk_align = xcalloc(det->col_count ? det->col_count : 1,
	    sizeof *f->tab->mk_align);
}

/* The table frame nearest the top (cells and rows belong to it). */
static struct mdtable *
mk_table(struct mdctx *c)
{
	for (size_t i = c->depth; i-- > 1;)
		if (c->stack[i].tab)
			return c->stack[i].tab;
	return NULL;
}

static void
mk_enter_cell(struct mdctx *c, const MD_BLOCK_TD_DETAIL *det)
{
	struct mdtable *t = mk_table(c);
	size_t col = t->ncells - t->nrows * t->ncols;

	if (t->nrows == 0 && col < t->ncols)
		t->mk_align[col] = det->align;
	markdown_text_begin(c);
}

static int
mk_enter_block(MD_BLOCKTYPE type, void *detail, void *u)
{
	struct mdctx *c = u;
	struct mdframe *f;

	if (type == MD_BLOCK_DOC)
		return 0;
	if (mk_close_implicit(c) != 0 || mk_count(c) != 0)
		return -1;
	f = mk_push(c, type, BLOCK_PARAGRAPH);
	switch (type) {
	case MD_BLOCK_QUOTE:
		f->b.kind = BLOCK_QUOTE;
		return mk_nest(c);
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		f->b.kind = BLOCK_LIST;
		f->b.level = ++c->lists;
		f->b.ordered = type == MD_BLOCK_OL;
		if (f->b.ordered) {
			unsigned start = ((MD_BLOCK_OL_DETAIL *)detail)->start;
			f->b.start = start > INT_MAX ? INT_MAX : (int)start;
		}
		return mk_nest(c);
	case MD_BLOCK_LI:
		f->b.kind = BLOCK_ITEM;
		f->b.level = c->lists;
		break;
	case MD_BLOCK_HR:
		f->b.kind = BLOCK_RULE;
		break;
	case MD_BLOCK_H: {
		unsigned level = ((MD_BLOCK_H_DETAIL *)detail)->level;
		f->b.kind = BLOCK_HEADING;
		f->b.level = level > 3 ? 3 : (int)level;
		markdown_text_begin(c);
		break;
	}
	case MD_BLOCK_CODE:
		f->b.kind = BLOCK_CODE;
		mk_enter_code(c, f, detail);
		break;
	case MD_BLOCK_HTML:
		f->skip = true;
		break;
	case MD_BLOCK_P:
		markdown_text_begin(c);
		break;
	case MD_BLOCK_TABLE:
		f->b.kind = BLOCK_TABLE;
		mk_enter_table(f, detail);
		if (f->tab->ncols > SPEC_MAX_TABLE_COLS)
			return markdown_abort(c, markdown_where_estimate(c),
			    "a table of more than 40 columns (the limit)");
		break;
	case MD_BLOCK_THEAD:
		mk_table(c)->in_head = true;
		f->transparent = true;
		break;
	case MD_BLOCK_TBODY:
	case MD_BLOCK_TR:
		f->transparent = true;
		break;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		f->transparent = true;
		mk_enter_cell(c, detail);
		break;
	default:
		break;
	}
	return 0;
}

/* A block that ended without text gets a line by looking for it. */
static void
mk_locate_textless(struct mdctx *c, struct mdframe *f)
{
	int line;

	if (f->b.line != 0 || f->skip || f->transparent)
		return;
	line = f->type == MD_BLOCK_HR ? markdown_where_find_rule(c) : markdown_where_estimate(c);
	markdown_where_locate(c, line);
	markdown_where_advance(c, line);
}

/* Finish the top block of type; false drops it. */
static bool
mk_finish(struct mdctx *c, struct mdframe *f, MD_BLOCKTYPE type)
{
	switch (type) {
	case MD_BLOCK_H:
		mk_leaf_to(c, &f->b.text);
		f->b.id = mk_heading_id(c, f->b.text.text);
		break;
	case MD_BLOCK_P:
		mk_leaf_to(c, &f->b.text);
		break;
	case MD_BLOCK_CODE:
		return mk_code_finish(c, f);
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		mk_table_cell(c, mk_table(c));
		break;
	case MD_BLOCK_TR:
		mk_table_row(mk_table(c));
		break;
	case MD_BLOCK_THEAD:
		mk_table(c)->in_head = false;
		break;
	case MD_BLOCK_TABLE:
		mk_table_finish(c, f);
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		c->lists--;
		c->nesting--;
		break;
	case MD_BLOCK_QUOTE:
		c->nesting--;
		break;
	default:
		break;
	}
	return true;
}

static int
mk_leave_block(MD_BLOCKTYPE type, void *detail, void *u)
{
	struct mdctx *c = u;
	struct mdframe *f;
	bool keep;

	(void)detail;
	if (type == MD_BLOCK_DOC || mk_close_implicit(c) != 0)
		return c->aborted ? -1 : 0;
	f = mk_top(c);
	mk_locate_textless(c, f);
	if ((type == MD_BLOCK_H || type == MD_BLOCK_P || type == MD_BLOCK_TH ||
	    type == MD_BLOCK_TD) && markdown_text_refs(c) != 0)
		return -1;
	markdown_where_skip_closing(c, f);
	keep = mk_finish(c, f, type);
	mk_pop(c, keep);
	return 0;
}

static int
mk_enter_span(MD_SPANTYPE type, void *detail, void *u)
{
	struct mdctx *c = u;

	switch (type) {
	case MD_SPAN_EM:
		c->italic++;
		break;
	case MD_SPAN_STRONG:
		c->bold++;
		break;
	case MD_SPAN_CODE:
		c->code++;
		break;
	case MD_SPAN_DEL:
		c->strike++;
		break;
	case MD_SPAN_A:
		/* Links do not nest in CommonMark. */
		free(c->href);
		c->href = markdown_text_attr(&((MD_SPAN_A_DETAIL *)detail)->href);
		c->link++;
		break;
	case MD_SPAN_IMG:
		if (c->image++ == 0)
			diag_warning(c->d, srcpos_at(c->in->file,
			    mk_top(c)->b.line ? mk_top(c)->b.line :
			    markdown_where_estimate(c), 0), "images are not supported; "
			    "their description is printed instead");
		break;
	default:
		break;
	}
	return 0;
}

static int
mk_leave_span(MD_SPANTYPE type, void *detail, void *u)
{
	struct mdctx *c = u;

	(void)detail;
	switch (type) {
	case MD_SPAN_EM:
		c->italic--;
		break;
	case MD_SPAN_STRONG:
		c->bold--;
		break;
	case MD_SPAN_CODE:
		c->code--;
		break;
	case MD_SPAN_DEL:
		c->strike--;
		break;
	case MD_SPAN_A:
		/* They do nest in md4c (an autolink inside a link in a table
		 * row): the inner one has taken the href already. */
		if (c->href && c->href[0] == '#') {
			c->links = mk_grow(c->links, c->nlinks,
			    sizeof *c->links);
			c->links[c->nlinks++] = (struct mdlink){
			    xstrdup(c->href + 1), c->last_line };
		}
		free(c->href);
		c->href = NULL;
		c->link--;
		break;
	case MD_SPAN_IMG:
		c->image--;
		break;
	default:
		break;
	}
	return 0;
}

static int
mk_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *u)
{
	struct mdctx *c = u;
	size_t off = SIZE_MAX;
	char buf[8];
	size_t n;

	if (mk_top(c)->type == MD_BLOCK_LI) {
		if (mk_count(c) != 0)
			return -1;
		mk_push(c, MD_BLOCK_P, BLOCK_PARAGRAPH)->implicit = true;
		markdown_text_begin(c);
	}
	if (!srcmap_offset(c->in->map, text, &off))
		off = SIZE_MAX;
	else
		markdown_where_saw(c, off);
	if (mk_top(c)->skip) {
		/* One warning an HTML block; comments are silent.  What md4c
		 * makes up (indentation, newlines) is not in the source: it
		 * has no line and says nothing about the block. */
		if (off == SIZE_MAX)
			return 0;
		if (!mk_top(c)->warned && !(size >= 4 &&
		    memcmp(text, "<!--", 4) == 0))
			diag_warning(c->d, srcpos_at(c->in->file,
			    mk_top(c)->b.line, 0), "raw HTML is not rendered");
		mk_top(c)->warned = true;
		return 0;
	}
	switch (type) {
	case MD_TEXT_NULLCHAR:
		return markdown_text_append(c, "\xef\xbf\xbd", 3, SIZE_MAX);
	case MD_TEXT_BR:
		return markdown_text_append(c, "\n", 1, SIZE_MAX);
	case MD_TEXT_SOFTBR:
		return markdown_text_append(c, " ", 1, SIZE_MAX);
	case MD_TEXT_ENTITY:
		n = markdown_text_entity(text, size, buf);
		return n ? markdown_text_append(c, buf, n, SIZE_MAX) :
		    markdown_text_append(c, text, size, off);
	case MD_TEXT_HTML:
		return markdown_text_html(c, text, size, off);
	case MD_TEXT_CODE:
		if (mk_top(c)->type == MD_BLOCK_CODE)
			return markdown_text_code(c, text, size, off);
		return markdown_text_append(c, text, size, off);
	default:
		return markdown_text_append(c, text, size, off);
	}
}

/* --- the parse ----------------------------------------------------------- */

/* A link to "#id" that no heading has is worth a warning. */
static void
mk_check_links(struct mdctx *c)
{
	for (size_t i = 0; i < c->nlinks; i++) {
		if (!g_hash_table_contains(c->ids, c->links[i].id))
			diag_warning(c->d, srcpos_at(c->in->file,
			    c->links[i].line, 0), "link to #%s: no heading "
			    "has this id", c->links[i].id);
		free(c->links[i].id);
	}
	free(c->links);
}

static void
mk_release(struct mdctx *c)
{
	while (c->depth > 0) {
		struct mdframe *f = &c->stack[--c->depth];
		if (f->tab) {
			for (size_t i = 0; i < f->tab->ncells; i++)
				rich_release(&f->tab->cells[i]);
			free(f->tab->cells);
			free(f->tab->mk_align);
			free(f->tab);
		}
		block_release(&f->b);
	}
	free(c->stack);
	markdown_text_release(&c->leaf);
	free(c->href);
	g_hash_table_destroy(c->ids);
}

bool
markdown_parse(const struct markdown_input *in,
    const struct markdown_hooks *h, struct block **blocks, size_t *nblocks,
    struct diags *d)
{
	MD_PARSER p = {
		0, MD_FLAGS, mk_enter_block, mk_leave_block, mk_enter_span,
		mk_leave_span, mk_text, NULL, NULL,
	};
	struct mdctx c;
	const struct srcmap *m = in->map;
	int rc;

	memset(&c, 0, sizeof c);
	c.in = in;
	c.h = h;
	c.d = d;
	c.cursor = in->body_start;
	c.last_line = srcmap_line(m, in->body_start);
	c.ids = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
	mk_push(&c, MD_BLOCK_DOC, BLOCK_QUOTE);
	markdown_text_begin(&c);
	rc = md_parse(m->text + in->body_start,
	    (MD_SIZE)(m->len - in->body_start), &p, &c);
	if (rc != 0 && !c.aborted)
		diag_error(d, srcpos_at(in->file, 0, 0), "the Markdown parser "
		    "failed");
	mk_check_links(&c);
	*blocks = NULL;
	*nblocks = 0;
	if (rc == 0) {
		*blocks = c.stack[0].b.children;
		*nblocks = c.stack[0].b.nchildren;
		c.stack[0].b.children = NULL;
		c.stack[0].b.nchildren = 0;
	}
	mk_release(&c);
	return rc == 0;
}

