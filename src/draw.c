/* draw: paints a laid-out page — furniture, text lines, table rows, rules,
 * charts — and wraps each in the PDF structure tags of its role. */
#include "draw.h"

#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fonts.h"
#include "fontuse.h"
#include "strbuf.h"
#include "xmalloc.h"

struct rgb {
	double r, g, b;
};

static const struct rgb ink = THEME_INK;
static const struct rgb muted = THEME_MUTED;
static const struct rgb hairline = THEME_HAIRLINE;
static const struct rgb accent = THEME_ACCENT;
static const struct rgb shade = THEME_SHADE;

static void
set_rgb(cairo_t *cr, const struct draw_state *ctx, struct rgb c)
{
	if (ctx->grayscale) {
		double y = theme_luma(c.r, c.g, c.b);
		cairo_set_source_rgb(cr, y, y, y);
	} else {
		cairo_set_source_rgb(cr, c.r, c.g, c.b);
	}
}

static const char *
role_tag(enum flow_role role)
{
	switch (role) {
	case ROLE_TITLE:
	case ROLE_H1:
		return "H1";
	case ROLE_H2:
		return "H2";
	case ROLE_H3:
		return "H3";
	case ROLE_LI:
		return "LBody";
	case ROLE_CODE:
		return "Code";
	case ROLE_CAPTION:
		return "Caption";
	case ROLE_TR:
		return "TR";
	case ROLE_FIGURE:
		return "Figure";
	case ROLE_RULE:		/* untagged: cairo 1.16 has no artifacts */
	case ROLE_P:
		break;
	}
	return "P";
}

/* Single quotes and backslashes are escaped in cairo attribute strings. */
static char *
attr_escape(const char *s)
{
	struct strbuf sb;

	strbuf_init(&sb, 0);
	for (; *s; s++) {
		if (*s == '\'' || *s == '\\')
			strbuf_putc(&sb, '\\');
		strbuf_putc(&sb, *s);
	}
	return strbuf_detach(&sb);
}

/* Clickable rectangles of the links in line, drawn at (x, baseline). */
static void
draw_line_links(cairo_t *cr, const struct flow_item *it,
    PangoLayoutLine *line, double x, double baseline)
{
	const struct rich *r = &it->block->text;
	PangoRectangle logical;

	pango_layout_line_get_extents(line, NULL, &logical);
	for (size_t i = 0; i < r->nspans; i++) {
		const struct span *s = &r->spans[i];
		int a = line->start_index, b = line->start_index + line->length;
		int *ranges, n;
		if (!(s->style & SPAN_LINK) || s->href == NULL)
			continue;
		if ((int)s->end <= a || (int)s->start >= b)
			continue;
		pango_layout_line_get_x_ranges(line,
		    (int)s->start > a ? (int)s->start : a,
		    (int)s->end < b ? (int)s->end : b, &ranges, &n);
		for (int k = 0; k < n; k++) {
			double x0 = x + layout_pt(ranges[2 * k]);
			double w = layout_pt(ranges[2 * k + 1] - ranges[2 * k]);
			double top = baseline + layout_pt(logical.y);
			char *href = attr_escape(s->href);
			char *attr = s->href[0] == '#' ?
			    xasprintf("dest='%s' rect=[%.2f %.2f %.2f %.2f]",
				href + 1, x0, top, w, layout_pt(logical.height)) :
			    xasprintf("uri='%s' rect=[%.2f %.2f %.2f %.2f]",
				href, x0, top, w, layout_pt(logical.height));
			cairo_tag_begin(cr, CAIRO_TAG_LINK, attr);
			cairo_tag_end(cr, CAIRO_TAG_LINK);
			free(attr);
			free(href);
		}
		g_free(ranges);
	}
}

/* Lines [from, to) of a text item (set as pl) whose first line's top is
 * at top. */
static void
draw_text_lines(cairo_t *cr, const struct draw_state *ctx,
    const struct flow_item *it, PangoLayout *pl, size_t from, size_t to,
    double x, double top)
{
	PangoLayoutIter *iter = pango_layout_get_iter(pl);
	size_t i = 0;
	double origin = top - (from > 0 ? it->line_bottom[from - 1] -
	    it->pad_top : 0);

	do {
		if (i >= from && i < to) {
			PangoLayoutLine *line =
			    pango_layout_iter_get_line_readonly(iter);
			PangoRectangle logical;
			double base = origin + layout_pt(
			    pango_layout_iter_get_baseline(iter));
			pango_layout_iter_get_line_extents(iter, NULL, &logical);
			cairo_move_to(cr, x + layout_pt(logical.x), base);
			fontuse_note_line(line);
			pango_cairo_show_layout_line(cr, line);
			if (ctx->tagged && it->block &&
			    it->block->text.nspans)
				draw_line_links(cr, it, line,
				    x + layout_pt(logical.x), base);
		}
		i++;
	} while (i < to && pango_layout_iter_next_line(iter));
	pango_layout_iter_free(iter);
}

static double
piece_height(const struct flow_item *it, const struct pg_piece *pc)
{
	double top = pc->line_from > 0 ? it->line_bottom[pc->line_from - 1] :
	    0;
	double bottom = it->nlines == 0 || pc->line_to >= it->nlines ?
	    (it->nlines ? it->line_bottom[it->nlines - 1] : it->pad_top) +
	    it->pad_bottom : it->line_bottom[pc->line_to - 1];

	return bottom - top;
}

/* The list markers of it on the baseline of its first line, each in the
 * indent of its own list, innermost nearest the text; none left of the
 * content area (deep lists stop indenting). */
static void
draw_markers(cairo_t *cr, const struct draw_state *ctx,
    const struct flow_item *it, PangoLayout *pl, double x, double top)
{
	PangoLayoutIter *iter = pango_layout_get_iter(pl);
	double base = top + layout_pt(pango_layout_iter_get_baseline(iter));

	pango_layout_iter_free(iter);
	for (size_t k = 0; k < it->nmarkers; k++) {
		double mx = x - ctx->theme->indent * (double)(k + 1);
		PangoLayout *marker;

		if (mx < ctx->content_x - 0.5)
			break;
		marker = layout_item_marker(ctx->layout, it, k);
		if (ctx->tagged)
			cairo_tag_begin(cr, "Lbl", NULL);
		cairo_move_to(cr, mx, base);
		fontuse_note(marker);
		pango_cairo_show_layout_line(cr,
		    pango_layout_get_line_readonly(marker, 0));
		if (ctx->tagged)
			cairo_tag_end(cr, "Lbl");
		g_object_unref(marker);
	}
}

static void
draw_text_item(cairo_t *cr, const struct draw_state *ctx,
    const struct flow_item *it, const struct pg_piece *pc, double x,
    double y)
{
	double top = y + (pc->line_from == 0 ? it->pad_top : 0);
	PangoLayout *pl = layout_item_text(ctx->layout, it);

	if (it->shaded) {
		set_rgb(cr, ctx, shade);
		cairo_rectangle(cr, x - 6, y, it->width + 6,
		    piece_height(it, pc) - (pc->line_to >= it->nlines ?
		    it->pad_bottom - 4 : 0));
		cairo_fill(cr);
	}
	for (int d = 0; d < it->quote_depth; d++) {
		double bx = ctx->content_x + ctx->theme->indent * d + 4;
		double h = piece_height(it, pc);
		size_t next = (size_t)(it - ctx->layout->items) + 1;

		/* The bar spans the gaps between a quote's paragraphs but
		 * ends with its last line, not in the space after it. */
		if (pc->line_to >= it->nlines &&
		    (next >= ctx->layout->nitems ||
		    ctx->layout->items[next].quote_depth <= d))
			h -= it->pad_bottom;
		set_rgb(cr, ctx, hairline);
		cairo_set_line_width(cr, 2);
		cairo_move_to(cr, bx, y);
		cairo_line_to(cr, bx, y + h);
		cairo_stroke(cr);
	}
	set_rgb(cr, ctx, it->muted ? muted : ink);
	if (it->nmarkers > 0 && pc->line_from == 0)
		draw_markers(cr, ctx, it, pl, x, top);
	if (it->dest && pc->line_from == 0 && ctx->tagged) {
		char *name = attr_escape(it->dest);
		char *attr = xasprintf("name='%s'", name);
		cairo_tag_begin(cr, CAIRO_TAG_DEST, attr);
		draw_text_lines(cr, ctx, it, pl, pc->line_from, pc->line_to,
		    x, top);
		cairo_tag_end(cr, CAIRO_TAG_DEST);
		free(attr);
		free(name);
	} else {
		draw_text_lines(cr, ctx, it, pl, pc->line_from, pc->line_to,
		    x, top);
	}
	g_object_unref(pl);
}

static void
draw_row(cairo_t *cr, const struct draw_state *ctx,
    const struct flow_item *it, double x, double y, bool tagged)
{
	const char *cell_tag = it->header ? "TH" : "TD";
	double h = it->line_bottom[0] + it->pad_bottom;

	if (it->header) {
		set_rgb(cr, ctx, shade);
		cairo_rectangle(cr, x, y, it->width, h);
		cairo_fill(cr);
	}
	set_rgb(cr, ctx, ink);
	for (size_t c = 0; c < it->table->ncols; c++) {
		PangoLayout *pl = layout_item_cell(ctx->layout, it, c);
		if (tagged)
			cairo_tag_begin(cr, cell_tag, NULL);
		cairo_move_to(cr, x + it->cell_x[c] + 5, y + it->pad_top);
		fontuse_note(pl);
		pango_cairo_show_layout(cr, pl);
		if (tagged)
			cairo_tag_end(cr, cell_tag);
		g_object_unref(pl);
	}
	set_rgb(cr, ctx, it->header || it->last_row ? ink : hairline);
	cairo_set_line_width(cr, it->header || it->last_row ? 0.8 : 0.4);
	cairo_move_to(cr, x, y + h);
	cairo_line_to(cr, x + it->width, y + h);
	cairo_stroke(cr);
}

static void
draw_rule(cairo_t *cr, const struct draw_state *ctx,
    const struct flow_item *it, double x, double y)
{
	set_rgb(cr, ctx, it->shaded ? accent : hairline);
	cairo_set_line_width(cr, it->shaded ? 1.6 : 0.6);
	cairo_move_to(cr, x, y + it->pad_top);
	cairo_line_to(cr, x + it->width, y + it->pad_top);
	cairo_stroke(cr);
}

static void
draw_open(cairo_t *cr, struct draw_state *st, const char *tag)
{
	if (st->tagged)
		cairo_tag_begin(cr, tag, NULL);
	if (st->depth < DRAW_MAX_DEPTH)
		st->stack[st->depth] = tag;
	st->depth++;
}

static void
draw_close(cairo_t *cr, struct draw_state *st)
{
	if (st->depth == 0)
		return;
	st->depth--;
	if (st->depth < DRAW_MAX_DEPTH && st->tagged)
		cairo_tag_end(cr, st->stack[st->depth]);
}

static void
draw_piece(cairo_t *cr, struct draw_state *ctx,
    const struct pg_piece *pc)
{
	const struct flow_item *it = &ctx->layout->items[pc->item];
	double x = ctx->content_x + it->x;
	double y = ctx->content_y + pc->y;
	struct pg_piece whole;
	bool first = pc->line_from == 0 && !pc->repeat;
	bool last = (pc->line_to >= it->nlines || it->nlines <= 1) &&
	    !pc->repeat;
	const char *tag = role_tag(it->role);
	bool tagged = !pc->repeat && it->role != ROLE_RULE;

	/* The paginator counts an item it may not split (a heading, the
	 * title) as one line; draw every line of it, not just the first. */
	if (!ctx->layout->pg[pc->item].splittable && it->nlines > 1) {
		whole = *pc;
		whole.line_to = it->nlines;
		pc = &whole;
		last = !pc->repeat;
	}

	if (first)
		for (size_t t = 0; t < it->nopen; t++)
			draw_open(cr, ctx, it->open_tags[t]);
	tagged = tagged && ctx->tagged;	/* no tags on a sheet, SVG, PNG */
	if (tagged && (first || pc->line_from > 0))
		cairo_tag_begin(cr, tag, NULL);
	switch (it->kind) {
	case FLOW_TEXT:
		draw_text_item(cr, ctx, it, pc, x, y);
		break;
	case FLOW_RULE:
		draw_rule(cr, ctx, it, x, y);
		break;
	case FLOW_ROW:
		draw_row(cr, ctx, it, x, y, tagged);
		break;
	case FLOW_CHART:
		if (it->block && it->block->chart)
			draw_chart(cr, ctx->layout->pango, &it->chart, x,
			    y + it->pad_top);
		break;
	}
	/* A paragraph split over pages ends its tag on each page and opens
	 * it again on the next: marked content cannot cross a page. */
	if (tagged)
		cairo_tag_end(cr, tag);
	if (last)
		for (size_t t = 0; t < it->nclose; t++)
			draw_close(cr, ctx);
}

/* A layout for furniture text: the sans at the small size. */
static PangoLayout *
draw_furniture_layout(const struct draw_state *st)
{
	PangoLayout *pl = pango_layout_new(st->layout->pango);
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, FONTS_SANS);
	pango_font_description_set_absolute_size(fd,
	    st->theme->small_size * PANGO_SCALE);
	pango_layout_set_font_description(pl, fd);
	pango_font_description_free(fd);
	return pl;
}

/* The report title, cut to the content width: the same on every page, so
 * it is set once. */
static void
draw_header(cairo_t *cr, struct draw_state *st)
{
	const struct theme *th = st->theme;

	if (st->header == NULL) {
		st->header = draw_furniture_layout(st);
		pango_layout_set_text(st->header, st->layout->doc->fm.title,
		    -1);
		pango_layout_set_width(st->header,
		    (int)(theme_content_width(th) * PANGO_SCALE));
		pango_layout_set_ellipsize(st->header, PANGO_ELLIPSIZE_END);
	}
	cairo_move_to(cr, th->margin_left, th->margin_top - th->header_gap);
	fontuse_note(st->header);
	pango_cairo_show_layout(cr, st->header);
}

/* Running header (from page 2) and "Trang 3/5" footer.  Left out of the
 * structure tree: cairo 1.16 refuses an "Artifact" tag. */
static void
draw_furniture(cairo_t *cr, struct draw_state *st, size_t page)
{
	const struct theme *th = st->theme;
	const struct doc *doc = st->layout->doc;
	PangoLayout *pl;
	double right = th->page_w - th->margin_right;
	PangoRectangle logical;
	char *folio;

	set_rgb(cr, st, muted);
	if (page > 0 && doc->fm.title)
		draw_header(cr, st);
	pl = draw_furniture_layout(st);
	folio = doc->fm.lang == LANG_VI ?
	    xasprintf("Trang %zu/%zu", page + 1, st->layout->pages.npages) :
	    xasprintf("Page %zu of %zu", page + 1, st->layout->pages.npages);
	pango_layout_set_text(pl, folio, -1);
	pango_layout_get_extents(pl, NULL, &logical);
	cairo_move_to(cr, right - layout_pt(logical.width),
	    th->page_h - th->margin_bottom + th->footer_gap -
	    layout_pt(logical.height));
	fontuse_note(pl);
	pango_cairo_show_layout(cr, pl);
	free(folio);
	g_object_unref(pl);
}

void
draw_state_init(struct draw_state *st, const struct layout *lo,
    bool grayscale)
{
	memset(st, 0, sizeof *st);
	st->layout = lo;
	st->theme = &lo->theme;
	st->content_x = lo->theme.margin_left;
	st->content_y = lo->theme.margin_top;
	st->grayscale = grayscale;
	st->tagged = true;
}

void
draw_state_release(struct draw_state *st)
{
	if (st->header)
		g_object_unref(st->header);
	st->header = NULL;
}

void
draw_page(cairo_t *cr, struct draw_state *st, size_t page)
{
	const struct pg_result *pages = &st->layout->pages;

	draw_furniture(cr, st, page);
	while (st->next_piece < pages->npieces &&
	    pages->pieces[st->next_piece].page == page) {
		draw_piece(cr, st, &pages->pieces[st->next_piece]);
		st->next_piece++;
	}
	layout_text_drawn(st->layout, page);
}
