/* layout: doc → measured flow items → pages.  All Pango measuring of the
 * document text happens here; drawing shows the layouts measuring kept
 * while they fit a memory budget and sets the others again from what the
 * item keeps (layout_item_text), so memory does not grow with the pages. */
#include "layout-private.h"

#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fonts.h"
#include "measure.h"
#include "xmalloc.h"

/* Nesting of lists and quotes deeper than this is set at this depth (the
 * report reader refuses much deeper input). */
#define LAYOUT_MAX_INDENT 8

struct walk {
	double x;		/* indent of the current container */
	int quote_depth;
	int list_depth;
};

double
layout_pt(int pango_units)
{
	return (double)pango_units / PANGO_SCALE;
}

static struct flow_item *
flow_add(struct layout *lo, enum flow_kind kind, enum flow_role role,
    const struct block *b)
{
	struct flow_item *it;

	/* Doubling: growing by one copied the whole flow again and again (a
	 * 20,000-row table is 20,000 items of some 300 bytes). */
	if (lo->nitems == lo->cap_items) {
		lo->cap_items = lo->cap_items ? lo->cap_items * 2 : 64;
		lo->items = xreallocarray(lo->items, lo->cap_items,
		    sizeof *it);
	}
	it = &lo->items[lo->nitems++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->role = role;
	it->block = b;
	return it;
}

/* Tags are opened outer-first; containers are tagged after their content
 * is laid out, so they go in front. */
static void
flow_wrap(struct layout *lo, size_t first, const char *tag)
{
	struct flow_item *a, *z;

	if (first >= lo->nitems)
		return;
	a = &lo->items[first];
	z = &lo->items[lo->nitems - 1];
	if (a->nopen == FLOW_MAX_TAGS)
		return;		/* too deep to tag; content stays */
	memmove(&a->open_tags[1], &a->open_tags[0],
	    a->nopen * sizeof a->open_tags[0]);
	a->open_tags[0] = tag;
	a->nopen++;
	z->nclose++;
}

/* --- glyph coverage -------------------------------------------------- */

/* Characters of a text that no bundled font sets: how many, the first. */
struct missing {
	size_t n;
	gunichar first;
};

/* Glyphs of run that no bundled font set: Pango marks a character no font
 * has as unknown (and draws a box showing its code), and a run set in a
 * font that is not bundled would change the output from machine to
 * machine.  pango_layout_get_unknown_glyphs_count() sees neither when a
 * fallback font was used (DESIGN: Known traps), so look at every run. */
static void
missing_in_run(struct missing *m, const char *text, const PangoLayoutRun *run)
{
	PangoFont *font = run->item->analysis.font;
	const PangoGlyphString *gs = run->glyphs;
	bool foreign = true;

	if (font) {
		PangoFontDescription *fd = pango_font_describe(font);
		foreign = !fonts_family_is_bundled(
		    pango_font_description_get_family(fd));
		pango_font_description_free(fd);
	}
	for (int i = 0; i < gs->num_glyphs; i++) {
		PangoGlyph g = gs->glyphs[i].glyph;
		if ((foreign || g == 0 || (g & PANGO_GLYPH_UNKNOWN_FLAG)) &&
		    m->n++ == 0)
			m->first = g_utf8_get_char(text + run->item->offset +
			    gs->log_clusters[i]);
	}
}

/* What pl cannot set with the bundled fonts (on the thread that set it). */
static struct missing
missing_in(PangoLayout *pl)
{
	const char *text = pango_layout_get_text(pl);
	struct missing m = { 0, 0 };

	for (GSList *l = pango_layout_get_lines_readonly(pl); l; l = l->next)
		for (GSList *r = ((PangoLayoutLine *)l->data)->runs; r;
		    r = r->next)
			missing_in_run(&m, text, r->data);
	return m;
}

/* Count m, found in a text of report line line (0: the front matter), for
 * the report's one warning, which names the first such character in
 * document order: texts are set in batches, after the charts and table
 * cells around them, so where a text comes is its item's index, doubled,
 * plus one for a list marker (drawn before the item's text but measured
 * after it, as it always was). */
static void
layout_missing(struct layout *lo, const struct missing *m, int line,
    size_t item, bool marker)
{
	size_t place = 2 * item + (marker ? 1 : 0);

	if (m->n == 0)
		return;
	if (lo->nmissing == 0 || place < lo->missing_place) {
		lo->missing_cp = m->first;
		lo->missing_line = line > 0 ? line : 1;
		lo->missing_place = place;
	}
	lo->nmissing += m->n;
}

/* Record what pl, a text of item, cannot set with the bundled fonts. */
static void
layout_check_glyphs(struct layout *lo, PangoLayout *pl, int line,
    size_t item, bool marker)
{
	struct missing m = missing_in(pl);

	layout_missing(lo, &m, line, item, marker);
}

/* One warning per report, at the first place, with the count. */
static void
layout_warn_missing(struct layout *lo)
{
	char ch[8] = "";
	char *name;

	if (lo->nmissing == 0)
		return;
	if (g_unichar_isgraph(lo->missing_cp))
		ch[g_unichar_to_utf8(lo->missing_cp, ch)] = '\0';
	name = ch[0] ? xasprintf("“%s” (U+%04X)", ch,
	    (unsigned)lo->missing_cp) : xasprintf("U+%04X",
	    (unsigned)lo->missing_cp);
	diag_warning(lo->diags, srcpos_at(lo->doc->path, lo->missing_line, 1),
	    "no bundled font has %s; it is drawn as a box showing its code "
	    "(%zu character%s without a glyph in the report)", name,
	    lo->nmissing, lo->nmissing == 1 ? "" : "s");
	free(name);
}

PangoLayout *
layout_item_text(const struct layout *lo, const struct flow_item *it)
{
	PangoLayout *pl = layout_text_kept(lo, (size_t)(it - lo->items), 0);

	if (pl)
		return pl;
	return layout_text(lo, it->rich, it->plain, &it->style,
	    it->text_width, NULL);
}

/* List markers are body text, unjustified, in the indent. */
static struct text_style
marker_style(const struct layout *lo)
{
	struct text_style st = { FONTS_SERIF, lo->theme.body_size, false,
	    lo->theme.line_spacing, false, PANGO_ALIGN_LEFT, false };
	return st;
}

PangoLayout *
layout_item_marker(const struct layout *lo, const struct flow_item *it,
    size_t k)
{
	struct text_style st = marker_style(lo);

	if (k >= it->nmarkers)
		return NULL;
	return layout_text(lo, NULL, it->markers[k], &st, lo->theme.indent,
	    NULL);
}

/* Line bottoms of a text item (laid out as pl) for the paginator. */
static void
flow_measure_lines(struct flow_item *it, PangoLayout *pl)
{
	PangoLayoutIter *iter = pango_layout_get_iter(pl);
	size_t n = (size_t)pango_layout_get_line_count(pl);
	size_t i = 0;
	PangoRectangle logical;

	it->nlines = n;
	it->line_bottom = xcalloc(n ? n : 1, sizeof *it->line_bottom);
	do {
		int y0, y1;
		pango_layout_iter_get_line_yrange(iter, &y0, &y1);
		if (i < n)
			it->line_bottom[i++] = it->pad_top + layout_pt(y1);
	} while (pango_layout_iter_next_line(iter));
	pango_layout_iter_free(iter);
	/* Only the logical box: ink extents would load every glyph's
	 * outline. */
	pango_layout_get_extents(pl, NULL, &logical);
	if (n > 0)
		it->line_bottom[n - 1] = it->pad_top + layout_pt(logical.height);
}

static struct flow_item *
flow_text(struct layout *lo, const struct walk *w, enum flow_role role,
    const struct block *b, const struct rich *r, const char *plain,
    const struct text_style *st)
{
	struct flow_item *it = flow_add(lo, FLOW_TEXT, role, b);

	it->x = w->x;
	it->width = theme_content_width(&lo->theme) - w->x;
	it->quote_depth = w->quote_depth;
	it->rich = r;
	it->plain = r ? NULL : xstrdup(plain);
	it->style = *st;
	it->text_width = it->width;
	return it;
}

/* Text items are set in batches of up to LAYOUT_BATCH, a helper thread
 * taking texts of the batch beside the main one: shaping is most of
 * layout, and layout half of a long report's time.  The helper has a font
 * map of its own (Pango's objects are not to be shared between threads)
 * and pays again for every font it meets — metrics, shaping plans, glyph
 * tables: 7.3M instructions more in all for briefing-100-diff's 1,140M,
 * besides 3.3M to make its font map (fonts_helper_context), about what
 * shaping 2,000 characters costs — so until a batch has LAYOUT_HELP_BYTES
 * of different new text, texts are set on the main thread alone: the
 * briefing (4 KB of text in all), any short report, a report whose pages
 * repeat one paragraph under different headings.  Once the helper has
 * its fonts, a batch with an eighth of that is worth starting it for.
 * Texts are handed out one at a time: their lengths differ too much for
 * halves to balance. */
#define LAYOUT_BATCH 64
#define LAYOUT_HELP_BYTES 16384

/* Who set a text of a batch. */
enum batch_setter {
	SET_SHARED,		/* the main shared set had it already */
	SET_MAIN,
	SET_HELPER,
};

/* A batch being set: text k is lo->items[lo->pending[k]], set as pl[k]
 * (costing cost[k] to keep) by the thread that took k from next; texts
 * the shared set had are in pl before the threads start, and are left to
 * the main thread (a layout is only touched by the thread that set it
 * until both are done). */
struct layout_batch {
	struct layout *lo;
	PangoLayout **pl;
	size_t *cost;
	struct missing *missing;
	enum batch_setter *setter;
	atomic_size_t next;
};

/* Measure text k of b, set as b->pl[k]: its glyphs and its lines. */
static void
layout_batch_measure(struct layout_batch *b, size_t k)
{
	b->missing[k] = missing_in(b->pl[k]);
	flow_measure_lines(&b->lo->items[b->lo->pending[k]], b->pl[k]);
}

/* Set and measure the texts of b still to set, until none is left, with
 * lo's Pango context and shared set.  Each thread writes only the items
 * it took. */
static void
layout_batch_take(struct layout_batch *b, const struct layout *lo,
    enum batch_setter who)
{
	size_t k;

	while ((k = atomic_fetch_add(&b->next, 1)) < b->lo->npending) {
		const struct flow_item *it = &b->lo->items[b->lo->pending[k]];
		if (b->pl[k])
			continue;	/* shared: the main thread's */
		b->pl[k] = layout_text(lo, it->rich, it->plain, &it->style,
		    it->text_width, &b->cost[k]);
		b->setter[k] = who;
		layout_batch_measure(b, k);
	}
}

static void *
layout_batch_helper(void *arg)
{
	struct layout_batch *b = arg;
	/* The layout as the helper sees it: the same document and styles,
	 * its own context and shared set.  It only reads the batch. */
	struct layout view = *b->lo;

	view.pango = b->lo->helper_pango;
	view.cache = b->lo->helper_cache;
	layout_batch_take(b, &view, SET_HELPER);
	return NULL;
}

/* The bytes of the different texts of b still to set (told apart by
 * their words alone: a repeated paragraph is set by the first thread to
 * take it, and its copies share that or are set alike) — what the
 * helper could take a share of. */
static size_t
layout_batch_fresh(const struct layout *lo, const struct layout_batch *b)
{
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	size_t fresh = 0;

	for (size_t k = 0; k < lo->npending; k++) {
		const struct flow_item *it = &lo->items[lo->pending[k]];
		const char *text = it->rich ? it->rich->text : it->plain;
		if (b->pl[k] == NULL && g_hash_table_add(seen, (gpointer)text))
			fresh += strlen(text);
	}
	g_hash_table_destroy(seen);
	return fresh;
}

/* Start the helper on b if enough of its texts are new; false if not.
 * The helper blocks every signal, so Ctrl-C and kill reach the main
 * thread, whose handler removes the temporary files, as before. */
static bool
layout_batch_help(struct layout *lo, struct layout_batch *b,
    pthread_t *helper)
{
	sigset_t all, old;
	bool started;

	if (layout_batch_fresh(lo, b) < (lo->helper_pango ?
	    LAYOUT_HELP_BYTES / 8 : LAYOUT_HELP_BYTES))
		return false;
	if (lo->helper_pango == NULL) {
		lo->helper_pango = fonts_helper_context(lo->doc->fm.lang);
		lo->helper_cache = layout_text_cache_new();
	}
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	started = pthread_create(helper, NULL, layout_batch_helper, b) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return started;
}

/* Set the pending texts, then, in document order, check their glyphs,
 * record their lines and keep their layouts for drawing while the budget
 * allows — what measuring one text at a time did, in the same order, so
 * the output does not depend on which thread set what. */
static void
layout_set_pending(struct layout *lo)
{
	struct layout_batch b = { lo, NULL, NULL, NULL, NULL, 0 };
	pthread_t helper;
	bool helping;

	if (lo->npending == 0)
		return;
	b.pl = xcalloc(lo->npending, sizeof *b.pl);
	b.cost = xcalloc(lo->npending, sizeof *b.cost);
	b.missing = xcalloc(lo->npending, sizeof *b.missing);
	b.setter = xcalloc(lo->npending, sizeof *b.setter);
	for (size_t k = 0; k < lo->npending; k++) {
		const struct flow_item *it = &lo->items[lo->pending[k]];
		b.pl[k] = layout_text_shared(lo, it->rich, it->plain,
		    &it->style, it->text_width);
	}
	helping = layout_batch_help(lo, &b, &helper);
	layout_batch_take(&b, lo, SET_MAIN);
	if (helping)
		pthread_join(helper, NULL);
	for (size_t k = 0; k < lo->npending; k++) {
		struct flow_item *it = &lo->items[lo->pending[k]];
		if (b.setter[k] == SET_SHARED)
			layout_batch_measure(&b, k);
		if (b.setter[k] == SET_HELPER) {
			layout_text_share(lo, it->rich, it->plain, &it->style,
			    it->text_width, b.pl[k]);
			lo->helper_texts++;
		}
		layout_missing(lo, &b.missing[k], it->block ?
		    it->block->line : 0, lo->pending[k], false);
		layout_text_keep(lo, lo->pending[k], 0, 1, b.pl[k], b.cost[k]);
		g_object_unref(b.pl[k]);
	}
	free(b.pl);
	free(b.cost);
	free(b.missing);
	free(b.setter);
	lo->npending = 0;
}

/* Set the text of it (pad_top is known by now) for its glyph check and its
 * lines, and keep the layout for drawing if the budget allows: soon, with
 * the texts after it, two at a time. */
static void
flow_measure(struct layout *lo, struct flow_item *it)
{
	if (lo->npending == lo->cap_pending) {
		lo->cap_pending = lo->cap_pending ? 2 * lo->cap_pending : 16;
		lo->pending = xreallocarray(lo->pending, lo->cap_pending,
		    sizeof *lo->pending);
	}
	lo->pending[lo->npending++] = (size_t)(it - lo->items);
	if (lo->npending >= LAYOUT_BATCH)
		layout_set_pending(lo);
}

static double
flow_height(const struct flow_item *it)
{
	if (it->nlines > 0)
		return it->line_bottom[it->nlines - 1] + it->pad_bottom;
	return it->pad_top + it->pad_bottom;
}

static void layout_blocks(struct layout *lo, const struct block *bs,
    size_t n, struct walk *w);
static void layout_table(struct layout *lo, const struct block *b,
    struct walk *w);
static void layout_chart(struct layout *lo, const struct block *b,
    struct walk *w);

static struct text_style
body_style(const struct layout *lo)
{
	struct text_style st = { FONTS_SERIF, lo->theme.body_size, false,
	    lo->theme.line_spacing,
	    lo->doc->fm.align == ALIGN_JUSTIFY, PANGO_ALIGN_LEFT, false };
	return st;
}

static void
layout_heading(struct layout *lo, const struct block *b, struct walk *w)
{
	int level = b->level < 1 ? 1 : b->level > 3 ? 3 : b->level;
	struct text_style st = { FONTS_SANS, lo->theme.h_size[level], true,
	    1.25, false, PANGO_ALIGN_LEFT, false };
	struct flow_item *it = flow_text(lo, w, ROLE_H1 + level - 1, b,
	    &b->text, NULL, &st);

	it->pad_top = level == 1 ? lo->theme.h_size[level] * 0.9 :
	    lo->theme.h_size[level] * 0.7;
	it->pad_bottom = lo->theme.para_gap * 0.6;
	it->dest = b->id;
	flow_measure(lo, it);
}

static void
layout_paragraph(struct layout *lo, const struct block *b, struct walk *w,
    enum flow_role role)
{
	struct text_style st = body_style(lo);
	struct flow_item *it = flow_text(lo, w, role, b, &b->text, NULL, &st);

	/* List items sit closer together than paragraphs. */
	it->pad_bottom = role == ROLE_LI ? lo->theme.para_gap * 0.4 :
	    lo->theme.para_gap;
	flow_measure(lo, it);
}

static void
layout_code(struct layout *lo, const struct block *b, struct walk *w)
{
	struct text_style st = { FONTS_MONO, lo->theme.body_size * 0.85,
	    false, 1.3, false, PANGO_ALIGN_LEFT, true };
	struct walk inner = *w;
	struct flow_item *it;

	inner.x += 6;
	it = flow_text(lo, &inner, ROLE_CODE, b, NULL, b->text.text, &st);
	it->text_width = it->width - 6;
	it->shaded = true;
	it->pad_top = 4;
	it->pad_bottom = 4 + lo->theme.para_gap;
	flow_measure(lo, it);
}

static char *
list_marker_text(const struct block *list, size_t index)
{
	static const char *const bullets[] = { "•", "–", "◦" };

	if (list->ordered)
		return xasprintf("%ld.", (long)list->start + (long)index);
	return xstrdup(bullets[(list->level > 0 ? list->level - 1 : 0) % 3]);
}

/* Give it the marker of item index of list, outside the markers of the
 * lists nested in that item's first line. */
static void
flow_add_marker(struct layout *lo, struct flow_item *it,
    const struct block *list, size_t index, const struct block *item)
{
	PangoLayout *pl;

	if (it->nmarkers == FLOW_MAX_MARKERS)
		return;
	it->markers[it->nmarkers++] = list_marker_text(list, index);
	pl = layout_item_marker(lo, it, it->nmarkers - 1);
	layout_check_glyphs(lo, pl, item->line, (size_t)(it - lo->items),
	    true);
	g_object_unref(pl);
}

static void
layout_list(struct layout *lo, const struct block *b, struct walk *w)
{
	struct walk inner = *w;

	if (w->list_depth < LAYOUT_MAX_INDENT)
		inner.x += lo->theme.indent;
	inner.list_depth++;
	for (size_t i = 0; i < b->nchildren; i++) {
		const struct block *item = &b->children[i];
		size_t first = lo->nitems;
		layout_blocks(lo, item->children, item->nchildren, &inner);
		if (lo->nitems > first)
			flow_add_marker(lo, &lo->items[first], b, i, item);
		flow_wrap(lo, first, "LI");
	}
}

static void
layout_block(struct layout *lo, const struct block *b, struct walk *w)
{
	size_t first = lo->nitems;

	switch (b->kind) {
	case BLOCK_HEADING:
		layout_heading(lo, b, w);
		break;
	case BLOCK_PARAGRAPH:
		layout_paragraph(lo, b, w, w->list_depth ? ROLE_LI : ROLE_P);
		break;
	case BLOCK_LIST:
		layout_list(lo, b, w);
		flow_wrap(lo, first, "L");
		break;
	case BLOCK_ITEM:
		layout_blocks(lo, b->children, b->nchildren, w);
		break;
	case BLOCK_QUOTE: {
		struct walk inner = *w;
		if (w->quote_depth < LAYOUT_MAX_INDENT)
			inner.x += lo->theme.indent;
		inner.quote_depth++;
		layout_blocks(lo, b->children, b->nchildren, &inner);
		flow_wrap(lo, first, "BlockQuote");
		break;
	}
	case BLOCK_RULE: {
		struct flow_item *it = flow_add(lo, FLOW_RULE, ROLE_RULE, b);
		it->x = w->x;
		it->width = theme_content_width(&lo->theme) - w->x;
		it->pad_top = it->pad_bottom = lo->theme.para_gap;
		break;
	}
	case BLOCK_CODE:
		layout_code(lo, b, w);
		break;
	case BLOCK_TABLE:
		layout_table(lo, b, w);
		flow_wrap(lo, first, "Table");
		break;
	case BLOCK_CHART:
		layout_chart(lo, b, w);
		break;
	}
}

/* Add the items set since the last call to lo->content and stop the
 * layout once no pagination could fit them in LAYOUT_MAX_PAGES pages:
 * each page holds at most a content area of them, a heading's space above
 * may be dropped, and an item that is not split fills at most a page.
 * Called between blocks; texts still pending count once they are set, so
 * the error names the block of the item that passed the limit. */
static void
layout_check_pages(struct layout *lo)
{
	double page = theme_content_height(&lo->theme);
	size_t set = lo->npending ? lo->pending[0] : lo->nitems;

	for (; lo->measured < set && !lo->over; lo->measured++) {
		const struct flow_item *it = &lo->items[lo->measured];
		bool heading = it->role >= ROLE_H1 && it->role <= ROLE_H3;
		double h = flow_height(it) - (heading ? it->pad_top : 0);
		lo->content += it->kind == FLOW_TEXT && it->nlines > 1 &&
		    !heading ? h : fmin(h, page);
		if (!(lo->content > LAYOUT_MAX_PAGES * page))
			continue;
		lo->over = true;
		diag_error(lo->diags, srcpos_at(lo->doc->path,
		    it->block ? it->block->line : 1, 0), "the layout passes "
		    "the limit of %d pages here", LAYOUT_MAX_PAGES);
	}
}

static void
layout_blocks(struct layout *lo, const struct block *bs, size_t n,
    struct walk *w)
{
	for (size_t i = 0; i < n && !lo->over; i++) {
		layout_block(lo, &bs[i], w);
		layout_check_pages(lo);
	}
}

/* --- tables ---------------------------------------------------------- */

#define CELL_PAD_X 5.0
#define CELL_PAD_Y 3.5

static double
text_natural_width(struct layout *lo, const struct rich *r,
    const struct text_style *st)
{
	PangoLayout *pl = layout_text(lo, r, NULL, st, -1, NULL);
	PangoRectangle logical;

	pango_layout_get_extents(pl, NULL, &logical);
	g_object_unref(pl);
	return layout_pt(logical.width);
}

/* Column widths filling avail: natural widths when they fit (spread the
 * rest evenly), otherwise shrink the wide columns first. */
static void
table_widths(struct layout *lo, const struct doc_table *t, double avail,
    double *w)
{
	struct text_style st = { FONTS_SANS, lo->theme.table_size, true, 0,
	    false, PANGO_ALIGN_LEFT, false };
	double total = 0, fair = avail / (double)t->ncols;

	for (size_t c = 0; c < t->ncols; c++) {
		w[c] = 0;
		for (size_t r = 0; r < t->nrows; r++) {
			double nw = text_natural_width(lo,
			    &t->cells[r * t->ncols + c], &st);
			if (nw + 2 * CELL_PAD_X > w[c])
				w[c] = nw + 2 * CELL_PAD_X;
		}
		total += w[c];
	}
	if (total <= avail) {
		for (size_t c = 0; c < t->ncols; c++)
			w[c] += (avail - total) / (double)t->ncols;
		return;
	}
	/* Columns narrower than a fair share keep their width; the others
	 * share what is left in proportion to their natural width. */
	double narrow = 0, wide = 0;
	for (size_t c = 0; c < t->ncols; c++) {
		if (w[c] <= fair)
			narrow += w[c];
		else
			wide += w[c];
	}
	for (size_t c = 0; c < t->ncols; c++)
		if (w[c] > fair)
			w[c] = (avail - narrow) * w[c] / wide;
}

static PangoAlignment
cell_alignment(enum cell_align a)
{
	return a == CELL_RIGHT ? PANGO_ALIGN_RIGHT :
	    a == CELL_CENTER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
}

static struct text_style
cell_style(const struct layout *lo, const struct flow_item *it, size_t c)
{
	struct text_style st = { FONTS_SANS, lo->theme.table_size,
	    it->header, 1.2, false, cell_alignment(it->table->align[c]),
	    false };
	return st;
}

/* Cell col of row it set as measuring sets it; *cost as layout_text. */
static PangoLayout *
layout_row_cell(const struct layout *lo, const struct flow_item *it,
    size_t col, size_t *cost)
{
	struct text_style st = cell_style(lo, it, col);

	return layout_text(lo, &it->table->cells[it->row * it->table->ncols +
	    col], NULL, &st, it->cell_w[col] - 2 * CELL_PAD_X, cost);
}

PangoLayout *
layout_item_cell(const struct layout *lo, const struct flow_item *it,
    size_t col)
{
	size_t item = (size_t)(it - lo->items);
	PangoLayout *pl = layout_text_kept(lo, item, col);

	return pl ? pl : layout_row_cell(lo, it, col, NULL);
}

static void
layout_row(struct layout *lo, const struct block *b, const struct walk *w,
    size_t row, const double *widths)
{
	const struct doc_table *t = b->table;
	struct flow_item *it = flow_add(lo, FLOW_ROW, ROLE_TR, b);
	double x = 0, h = 0;

	it->x = w->x;
	it->width = theme_content_width(&lo->theme) - w->x;
	it->table = t;
	it->row = row;
	it->header = row < t->nheader;
	it->last_row = row + 1 == t->nrows;
	it->cell_x = xcalloc(t->ncols, sizeof *it->cell_x);
	it->cell_w = xcalloc(t->ncols, sizeof *it->cell_w);
	for (size_t c = 0; c < t->ncols; c++) {
		PangoLayout *pl;
		PangoRectangle logical;
		size_t cost;
		it->cell_x[c] = x;
		it->cell_w[c] = widths[c];
		x += widths[c];
		pl = layout_row_cell(lo, it, c, &cost);
		layout_check_glyphs(lo, pl, b->line, (size_t)(it - lo->items),
		    false);
		pango_layout_get_extents(pl, NULL, &logical);
		if (layout_pt(logical.height) > h)
			h = layout_pt(logical.height);
		layout_text_keep(lo, (size_t)(it - lo->items), c, t->ncols, pl,
		    cost);
		g_object_unref(pl);
	}
	it->pad_top = CELL_PAD_Y;
	it->pad_bottom = CELL_PAD_Y;
	it->nlines = 1;
	it->line_bottom = xcalloc(1, sizeof *it->line_bottom);
	it->line_bottom[0] = CELL_PAD_Y + h;
}

static void
layout_note(struct layout *lo, const struct walk *w, const struct block *b,
    const char *text)
{
	struct text_style st = { FONTS_SANS, lo->theme.small_size, false, 1.2,
	    false, PANGO_ALIGN_LEFT, false };
	struct flow_item *it = flow_text(lo, w, ROLE_CAPTION, b, NULL, text,
	    &st);

	it->muted = true;
	it->pad_top = 3;
	it->pad_bottom = lo->theme.para_gap;
	flow_measure(lo, it);
}

static void
layout_table(struct layout *lo, const struct block *b, struct walk *w)
{
	const struct doc_table *t = b->table;
	double avail = theme_content_width(&lo->theme) - w->x;
	double *widths;

	if (t == NULL || t->ncols == 0 || t->nrows == 0)
		return;
	widths = xcalloc(t->ncols, sizeof *widths);
	table_widths(lo, t, avail, widths);
	for (size_t r = 0; r < t->nrows; r++)
		layout_row(lo, b, w, r, widths);
	free(widths);
	/* Without a caption the table still needs air below it. */
	if (!t->caption && !t->source)
		lo->items[lo->nitems - 1].pad_bottom += lo->theme.para_gap;
	if (t->caption) {
		layout_note(lo, w, b, t->caption);
		/* The source line sits right under its caption. */
		if (t->source)
			lo->items[lo->nitems - 1].pad_bottom = 0;
	}
	if (t->source) {
		char *s = xasprintf("%s: %s",
		    lo->doc->fm.lang == LANG_VI ? "Nguồn" : "Source",
		    t->source);
		layout_note(lo, w, b, s);
		free(s);
	}
}

/* --- charts ---------------------------------------------------------- */

static void
layout_chart(struct layout *lo, const struct block *b, struct walk *w)
{
	struct flow_item *it = flow_add(lo, FLOW_CHART, ROLE_FIGURE, b);
	struct chart_measure m;

	it->x = w->x;
	it->width = theme_content_width(&lo->theme) - w->x;
	it->pad_top = 0;
	it->pad_bottom = lo->theme.para_gap;
	if (b->chart == NULL)
		return;
	measure_chart_init(&m, lo->pango);
	/* A chart is never split: it must fit a page, with its padding
	 * and the half line the baseline rhythm may add below it. */
	chart_layout_fit(b->chart, it->width, theme_content_height(&lo->theme) -
	    it->pad_top - it->pad_bottom - lo->theme.para_gap, &m, &it->chart,
	    lo->diags);
	for (size_t i = 0; i < it->chart.ntexts; i++) {
		const struct chart_text *t = &it->chart.texts[i];
		PangoLayout *pl = measure_chart_layout(lo->pango, t->text,
		    t->size, t->bold, t->wrap, t->align);
		layout_check_glyphs(lo, pl, b->line,
		    (size_t)(it - lo->items), false);
		g_object_unref(pl);
	}
	it->nlines = 1;
	it->line_bottom = xcalloc(1, sizeof *it->line_bottom);
	it->line_bottom[0] = it->pad_top + it->chart.box.h;
}

/* --- title block and the whole -------------------------------------- */

/* "2025-01-30" → "30/01/2025" (vi) or "30 January 2025" (en). */
static char *
layout_date(const char *iso, enum lang lang)
{
	static const char *const months[] = { "January", "February",
	    "March", "April", "May", "June", "July", "August", "September",
	    "October", "November", "December" };
	int y, m, d;

	if (sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12)
		return xstrdup(iso);
	if (lang == LANG_VI)
		return xasprintf("%02d/%02d/%04d", d, m, y);
	return xasprintf("%d %s %d", d, months[m - 1], y);
}

static void
layout_title_block(struct layout *lo)
{
	const struct frontmatter *fm = &lo->doc->fm;
	struct walk w = { 0, 0, 0 };
	struct text_style st = { FONTS_SANS, lo->theme.h_size[0], true, 1.15,
	    false, PANGO_ALIGN_LEFT, false };
	size_t first = lo->nitems;
	struct flow_item *it;

	if (fm->title) {
		it = flow_text(lo, &w, ROLE_TITLE, NULL, NULL, fm->title, &st);
		it->pad_bottom = 4;
		flow_measure(lo, it);
	}
	if (fm->subtitle) {
		st.size = lo->theme.h_size[3] * 1.15;
		st.bold = false;
		it = flow_text(lo, &w, ROLE_TITLE, NULL, NULL, fm->subtitle,
		    &st);
		it->muted = true;
		it->pad_bottom = 3;
		flow_measure(lo, it);
	}
	if (fm->author || fm->date) {
		char *date = fm->date ? layout_date(fm->date, fm->lang) : NULL;
		char *meta = xasprintf("%s%s%s", fm->author ? fm->author : "",
		    fm->author && date ? "  ·  " : "", date ? date : "");
		/* The size of table text rather than a size of its own:
		 * every size is a font Pango loads and measures anew
		 * (0.8M instructions of the briefing's start-up). */
		st.size = lo->theme.table_size;
		st.bold = false;
		it = flow_text(lo, &w, ROLE_TITLE, NULL, NULL, meta, &st);
		it->muted = true;
		it->pad_top = 5;	/* apart from a subtitle's last line */
		flow_measure(lo, it);
		free(meta);
		free(date);
	}
	if (lo->nitems > first) {
		it = flow_add(lo, FLOW_RULE, ROLE_RULE, NULL);
		it->width = theme_content_width(&lo->theme);
		it->pad_top = 8;
		it->pad_bottom = 10;
		it->shaded = true;	/* the heavy title rule */
		for (size_t i = first; i < lo->nitems; i++)
			lo->items[i].role = lo->items[i].kind == FLOW_RULE ?
			    ROLE_RULE : ROLE_TITLE;
	}
}

/* The body's line pitch: two lines of body text, the second's top. */
static double
layout_body_pitch(struct layout *lo)
{
	struct text_style st = body_style(lo);
	PangoLayout *pl = layout_text_new(lo, NULL, "Ag\nAg", &st, 1000);
	PangoLayoutIter *iter = pango_layout_get_iter(pl);
	int y0, y1, top;

	pango_layout_iter_get_line_yrange(iter, &top, &y0);
	pango_layout_iter_next_line(iter);
	pango_layout_iter_get_line_yrange(iter, &y0, &y1);
	pango_layout_iter_free(iter);
	g_object_unref(pl);
	return layout_pt(y0 - top);
}

/* Baseline rhythm: every block (a table with its captions, or a whole
 * list, counts as one) ends on a multiple of half the body's line pitch,
 * so paragraphs after headings, charts and tables start on the same grid
 * as the text before them.  A heading takes the slack above itself, to
 * stay close to the text it introduces. */
static void
layout_snap(struct layout *lo)
{
	double unit = layout_body_pitch(lo) / 2, acc = 0;

	if (!(unit > 0))
		return;
	for (size_t i = 0; i < lo->nitems; i++) {
		struct flow_item *it = &lo->items[i];
		bool grouped = it->block && it->kind != FLOW_TEXT &&
		    i + 1 < lo->nitems && lo->items[i + 1].block == it->block;
		bool heading = it->role >= ROLE_H1 && it->role <= ROLE_H3;
		double extra;

		/* A list snaps as a whole, after its last item. */
		if (it->role == ROLE_LI && i + 1 < lo->nitems &&
		    lo->items[i + 1].role == ROLE_LI)
			grouped = true;
		if (it->kind == FLOW_TEXT && it->role == ROLE_CAPTION &&
		    i + 1 < lo->nitems && lo->items[i + 1].block == it->block &&
		    lo->items[i + 1].role == ROLE_CAPTION)
			grouped = true;
		acc += flow_height(it);
		if (grouped)
			continue;
		extra = ceil(acc / unit - 1e-6) * unit - acc;
		acc += extra;
		if (!heading) {
			it->pad_bottom += extra;
			continue;
		}
		it->pad_top += extra;
		for (size_t l = 0; l < it->nlines; l++)
			it->line_bottom[l] += extra;
	}
}

/* The paginator's view: heights, lines and what must stay together. */
static void
layout_fill_pg(struct layout *lo)
{
	size_t header_first = 0;

	lo->pg = xcalloc(lo->nitems ? lo->nitems : 1, sizeof *lo->pg);
	for (size_t i = 0; i < lo->nitems; i++) {
		const struct flow_item *it = &lo->items[i];
		struct pg_item *p = &lo->pg[i];
		p->height = flow_height(it);
		p->nlines = it->nlines;
		p->line_bottom = it->line_bottom;
		p->splittable = it->kind == FLOW_TEXT && it->nlines > 1 &&
		    it->role != ROLE_H1 && it->role != ROLE_H2 &&
		    it->role != ROLE_H3 && it->role != ROLE_TITLE;
		p->keep_with_next = it->role == ROLE_TITLE ||
		    it->role == ROLE_H1 || it->role == ROLE_H2 ||
		    it->role == ROLE_H3;
		/* A heading's air above goes where it starts a page. */
		if (it->role >= ROLE_H1 && it->role <= ROLE_H3) {
			p->space_before = it->pad_top;
			p->height -= it->pad_top;
		}
		if (it->kind == FLOW_ROW) {
			if (it->row == 0)
				header_first = i;
			p->table_row = true;
			p->is_header = it->header;
			p->keep_with_next = it->header;
			p->header_first = header_first;
			p->header_count = it->table->nheader;
		}
		/* A caption stays with what it describes. */
		if (i + 1 < lo->nitems && lo->items[i + 1].role == ROLE_CAPTION)
			p->keep_with_next = true;
	}
}

void
layout_build(struct layout *lo, const struct doc *doc, struct diags *d)
{
	struct walk w = { 0, 0, 0 };

	memset(lo, 0, sizeof *lo);
	lo->doc = doc;
	lo->diags = d;
	theme_for_paper(&lo->theme, doc->fm.paper, doc->fm.landscape);
	lo->pango = fonts_context(doc->fm.lang);
	lo->cache = layout_text_cache_new();
	layout_title_block(lo);
	layout_blocks(lo, doc->blocks, doc->nblocks, &w);
	layout_set_pending(lo);
	layout_check_pages(lo);
	layout_warn_missing(lo);
	layout_snap(lo);
	layout_fill_pg(lo);
	paginate(lo->pg, lo->nitems, theme_content_height(&lo->theme),
	    theme_content_height(&lo->theme), &lo->pages);
	/* A piece is placed by its content, after its space before; an item
	 * is drawn from its own top, above that space (off the content
	 * area where the space was dropped). */
	for (size_t i = 0; i < lo->pages.npieces; i++)
		lo->pages.pieces[i].y -=
		    lo->pg[lo->pages.pieces[i].item].space_before;
	layout_text_pages(lo);
}

static void
flow_item_release(struct flow_item *it)
{
	free(it->plain);
	for (size_t k = 0; k < it->nmarkers; k++)
		free(it->markers[k]);
	free(it->cell_x);
	free(it->cell_w);
	free(it->line_bottom);
	if (it->kind == FLOW_CHART && it->block && it->block->chart)
		chart_geom_release(&it->chart);
}

void
layout_release(struct layout *lo)
{
	for (size_t i = 0; i < lo->nitems; i++)
		flow_item_release(&lo->items[i]);
	free(lo->items);
	free(lo->pg);
	paginate_release(&lo->pages);
	layout_text_cache_free(lo->cache);
	layout_text_cache_free(lo->helper_cache);
	if (lo->helper_pango)
		g_object_unref(lo->helper_pango);
	free(lo->pending);
	if (lo->pango) {
		measure_chart_forget(lo->pango);
		g_object_unref(lo->pango);
	}
	memset(lo, 0, sizeof *lo);
}
