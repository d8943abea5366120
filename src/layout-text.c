/* layout-text: text set with Pango for layout.c — fonts and inline styles,
 * the shared set of identical texts, and the layouts measuring keeps for
 * drawing, so that a text is shaped once and memory stays bounded. */
#include "layout-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fonts.h"
#include "measure.h"
#include "xmalloc.h"

/* The memory of a laid-out layout, estimated as LAYOUT_ENTRY plus
 * LAYOUT_PER_BYTE a byte of text (mostly glyph strings, which Pango grows
 * by doubling).  Measured as the peak RSS that keeping every layout added:
 * 14.6 MB for the 40,000 short cells of a 10,000-row table, 28 MB for the
 * 3,000 texts (0.9 MB) of briefing-1000-diff. */
#define LAYOUT_ENTRY 384
#define LAYOUT_PER_BYTE 30

/* Identical texts share one layout while the layouts in the shared set
 * are estimated within this; past it the set is emptied and starts again. */
#define LAYOUT_SHARED_BUDGET (1024 * 1024)
/* A text with more inline spans than this is set alone, never shared
 * (its key would need a buffer of its own). */
#define LAYOUT_KEY_SPANS 64

/* Measuring keeps each layout it sets for drawing while the estimated
 * memory of the kept layouts stays within LAYOUT_KEEP_BUDGET.  Texts
 * measured past it are shaped again when drawn: pages are drawn in the
 * order they were measured, so keeping the first ones is as good as any
 * choice, and each is let go once the last page showing it is drawn.
 * 32 MiB keeps every text of a 1,000-page report of distinct paragraphs
 * and bounds a longer one: briefing-1000-diff peaks at 27 MiB keeping
 * none, 46 MiB with 16, 55 MiB with 32 (all of it), and takes 13.28G
 * instructions with 16 against 11.65G with 32 (the floor: 11.50G;
 * callgrind).  report-200: 1,000 ms with none kept, 660 ms with 16.
 * briefing-1000, whose texts repeat, shares them and stays at 27 MiB. */
#ifndef LAYOUT_KEEP_BUDGET
#define LAYOUT_KEEP_BUDGET (32 * 1024 * 1024)
#endif

/* The layouts one flow item keeps: its text, or a table row's cells. */
struct layout_kept {
	PangoLayout **pl;	/* n references, or NULL entries */
	size_t n;
};

struct layout_cache {
	GHashTable *map;	/* text key → PangoLayout, both owned */
	size_t map_bytes;
	struct layout_kept *kept;	/* per flow item */
	size_t nkept;		/* items the array covers */
	size_t kept_bytes;	/* estimated, of what measuring kept */
	size_t *last_page;	/* per flow item, after pagination */
	size_t released;	/* pieces whose items were looked at */
};

/* Everything that shapes a text: style, width, spans and the text.  A
 * probe for a lookup lends its pointers; a key in the set owns a copy of
 * spans and text in the same allocation.  (Formatting the numbers into a
 * string key took more instructions than many a lookup saved.) */
struct layout_key {
	guint hash;
	struct text_style st;
	double width;
	bool rich;
	const struct layout_key_span *spans;
	size_t nspans;
	const char *text;
	size_t len;
};

/* What of a span shapes the text (a link's target does not). */
struct layout_key_span {
	size_t start, end;
	unsigned style;
};

static guint
layout_key_mix(guint h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 16777619u;	/* FNV-1a */
	return h;
}

static guint
layout_key_hash_of(const struct layout_key *k)
{
	guint h = g_str_hash(k->text) ^ (k->rich ? 0x9e3779b9u : 0);
	int flags = (k->st.bold ? 1 : 0) | (k->st.justify ? 2 : 0) |
	    (k->st.wrap_char ? 4 : 0) | ((int)k->st.align << 3);

	h = layout_key_mix(h, &k->st.size, sizeof k->st.size);
	h = layout_key_mix(h, &k->st.spacing, sizeof k->st.spacing);
	h = layout_key_mix(h, &k->width, sizeof k->width);
	h = layout_key_mix(h, &flags, sizeof flags);
	return layout_key_mix(h, &k->nspans, sizeof k->nspans);
}

static guint
layout_key_hash(gconstpointer p)
{
	return ((const struct layout_key *)p)->hash;
}

static bool
layout_key_spans_equal(const struct layout_key *a, const struct layout_key *b)
{
	for (size_t i = 0; i < a->nspans; i++)
		if (a->spans[i].start != b->spans[i].start ||
		    a->spans[i].end != b->spans[i].end ||
		    a->spans[i].style != b->spans[i].style)
			return false;
	return true;
}

static gboolean
layout_key_equal(gconstpointer pa, gconstpointer pb)
{
	const struct layout_key *a = pa, *b = pb;

	return a->hash == b->hash && a->rich == b->rich &&
	    a->len == b->len && a->nspans == b->nspans &&
	    a->st.size == b->st.size && a->st.spacing == b->st.spacing &&
	    a->width == b->width && a->st.bold == b->st.bold &&
	    a->st.justify == b->st.justify && a->st.align == b->st.align &&
	    a->st.wrap_char == b->st.wrap_char &&
	    strcmp(a->st.family, b->st.family) == 0 &&
	    layout_key_spans_equal(a, b) &&
	    memcmp(a->text, b->text, a->len) == 0;
}

/* A probe for r (or plain): spans go into buf (room for n, else the probe
 * has none and fits no key). */
static bool
layout_key_probe(struct layout_key *k, const struct rich *r,
    const char *plain, const struct text_style *st, double width,
    struct layout_key_span *buf, size_t n)
{
	memset(k, 0, sizeof *k);
	k->st = *st;
	k->width = width;
	k->rich = r != NULL;
	k->text = r ? r->text : plain;
	k->len = strlen(k->text);
	k->nspans = r ? r->nspans : 0;
	if (k->nspans > n)
		return false;
	for (size_t i = 0; i < k->nspans; i++) {
		buf[i].start = r->spans[i].start;
		buf[i].end = r->spans[i].end;
		buf[i].style = r->spans[i].style;
	}
	k->spans = buf;
	k->hash = layout_key_hash_of(k);
	return true;
}

/* The probe k as a key that owns its spans and text.  Caller frees. */
static struct layout_key *
layout_key_copy(const struct layout_key *k)
{
	size_t spans = k->nspans * sizeof *k->spans;
	struct layout_key *c = xmalloc(sizeof *c + spans + k->len + 1);
	struct layout_key_span *cs = (struct layout_key_span *)(c + 1);
	char *text = (char *)cs + spans;

	*c = *k;
	memcpy(cs, k->spans, spans);
	memcpy(text, k->text, k->len + 1);
	c->spans = cs;
	c->text = text;
	return c;
}

struct layout_cache *
layout_text_cache_new(void)
{
	struct layout_cache *c = xcalloc(1, sizeof *c);

	c->map = g_hash_table_new_full(layout_key_hash, layout_key_equal, free,
	    g_object_unref);
	return c;
}

static void
layout_text_unkeep(struct layout_cache *c, size_t item)
{
	struct layout_kept *k;

	if (item >= c->nkept)
		return;
	k = &c->kept[item];
	for (size_t s = 0; s < k->n; s++)
		if (k->pl[s])
			g_object_unref(k->pl[s]);
	free(k->pl);
	k->pl = NULL;
	k->n = 0;
}

void
layout_text_cache_free(struct layout_cache *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->nkept; i++)
		layout_text_unkeep(c, i);
	free(c->kept);
	free(c->last_page);
	g_hash_table_destroy(c->map);
	free(c);
}

int
layout_text_units(double pt)
{
	return (int)lround(pt * PANGO_SCALE);
}

static PangoFontDescription *
layout_text_font(const char *family, double size, bool bold)
{
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, family);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd,
	    bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	return fd;
}

static void
layout_text_attr(PangoAttrList *al, PangoAttribute *a, const struct span *s)
{
	a->start_index = (guint)s->start;
	a->end_index = (guint)s->end;
	pango_attr_list_insert(al, a);
}

/* The link colour as a Pango attribute: its luma in greyscale, since
 * Pango's colour overrides the grey draw.c sets. */
static PangoAttribute *
layout_text_link_color(bool grayscale)
{
	static const double c[3] = THEME_LINK;
	double r = c[0], g = c[1], b = c[2];

	if (grayscale)
		r = g = b = theme_luma(c[0], c[1], c[2]);
	return pango_attr_foreground_new((guint16)(r * 65535 + 0.5),
	    (guint16)(g * 65535 + 0.5), (guint16)(b * 65535 + 0.5));
}

/* Inline styles of r as Pango attributes. */
static PangoAttrList *
layout_text_attrs(const struct rich *r, double size, bool grayscale)
{
	PangoAttrList *al = pango_attr_list_new();

	for (size_t i = 0; i < r->nspans; i++) {
		const struct span *s = &r->spans[i];
		if (s->style & SPAN_BOLD)
			layout_text_attr(al,
			    pango_attr_weight_new(PANGO_WEIGHT_BOLD), s);
		if (s->style & SPAN_ITALIC)
			layout_text_attr(al,
			    pango_attr_style_new(PANGO_STYLE_ITALIC), s);
		if (s->style & SPAN_CODE) {
			layout_text_attr(al, pango_attr_family_new(FONTS_MONO),
			    s);
			layout_text_attr(al, pango_attr_size_new_absolute(
			    layout_text_units(size * 0.88)), s);
		}
		if (s->style & SPAN_LINK) {
			layout_text_attr(al, layout_text_link_color(grayscale),
			    s);
			layout_text_attr(al, pango_attr_underline_new(
			    PANGO_UNDERLINE_SINGLE), s);
		}
	}
	return al;
}

/* Headings, captions, table cells and list items mostly fit on a line:
 * set without a width first, they are shaped once instead of twice
 * (measure_fits_unwrapped).  Only a left-aligned text may go without:
 * Pango moves a line within the width for the others. */
static void
layout_text_set_width(PangoLayout *pl, const struct text_style *st,
    double width)
{
	if (st->align == PANGO_ALIGN_LEFT &&
	    measure_fits_unwrapped(pl, st->size, width))
		return;
	pango_layout_set_width(pl, layout_text_units(width));
}

PangoLayout *
layout_text_new(const struct layout *lo, const struct rich *r,
    const char *plain, const struct text_style *st, double width)
{
	PangoLayout *pl = pango_layout_new(lo->pango);
	PangoFontDescription *fd = layout_text_font(st->family, st->size,
	    st->bold);
	PangoAttrList *al;

	pango_layout_set_font_description(pl, fd);
	pango_font_description_free(fd);
	pango_layout_set_wrap(pl, st->wrap_char ? PANGO_WRAP_CHAR :
	    PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(pl, st->align);
	pango_layout_set_justify(pl, st->justify);
	if (st->spacing > 0)
		pango_layout_set_line_spacing(pl, (float)st->spacing);
	al = r ? layout_text_attrs(r, st->size, lo->doc->fm.grayscale) :
	    pango_attr_list_new();
	pango_layout_set_text(pl, r ? r->text : plain, -1);
	/* Pango (1.44+) adds a hyphen where it has to break inside a word;
	 * a Vietnamese syllable is never split with one (DESIGN: lang). */
	if (lo->doc->fm.lang == LANG_VI)
		pango_attr_list_insert(al,
		    pango_attr_insert_hyphens_new(FALSE));
	pango_layout_set_attributes(pl, al);
	pango_attr_list_unref(al);
	layout_text_set_width(pl, st, width);
	return pl;
}

/* Add pl, the layout of probe's text, to the shared set, emptying the set
 * first when it would pass its budget. */
static void
layout_text_add(struct layout_cache *c, const struct layout_key *probe,
    PangoLayout *pl)
{
	size_t len = LAYOUT_ENTRY + LAYOUT_PER_BYTE * probe->len +
	    sizeof *probe + probe->len +
	    probe->nspans * sizeof *probe->spans;

	if (c->map_bytes + len > LAYOUT_SHARED_BUDGET) {
		g_hash_table_remove_all(c->map);
		c->map_bytes = 0;
	}
	c->map_bytes += len;
	g_hash_table_insert(c->map, layout_key_copy(probe), g_object_ref(pl));
}

PangoLayout *
layout_text_shared(const struct layout *lo, const struct rich *r,
    const char *plain, const struct text_style *st, double width)
{
	struct layout_key_span spans[LAYOUT_KEY_SPANS];
	struct layout_key probe;
	PangoLayout *pl;

	if (!layout_key_probe(&probe, r, plain, st, width, spans,
	    LAYOUT_KEY_SPANS))
		return NULL;
	pl = g_hash_table_lookup(lo->cache->map, &probe);
	return pl ? g_object_ref(pl) : NULL;
}

void
layout_text_share(const struct layout *lo, const struct rich *r,
    const char *plain, const struct text_style *st, double width,
    PangoLayout *pl)
{
	struct layout_key_span spans[LAYOUT_KEY_SPANS];
	struct layout_key probe;

	if (layout_key_probe(&probe, r, plain, st, width, spans,
	    LAYOUT_KEY_SPANS) && !g_hash_table_contains(lo->cache->map,
	    &probe))
		layout_text_add(lo->cache, &probe, pl);
}

/* A text set alike a second time (a repeated paragraph, caption or
 * marker, or a paragraph drawn on two pages) shares the first one's
 * layout: shaped once.  The set is bounded, so a long report's distinct
 * texts are not all held. */
PangoLayout *
layout_text(const struct layout *lo, const struct rich *r,
    const char *plain, const struct text_style *st, double width,
    size_t *cost)
{
	struct layout_cache *c = lo->cache;
	struct layout_key_span spans[LAYOUT_KEY_SPANS];
	struct layout_key probe;
	bool keyed = layout_key_probe(&probe, r, plain, st, width, spans,
	    LAYOUT_KEY_SPANS);
	PangoLayout *pl = keyed ? g_hash_table_lookup(c->map, &probe) : NULL;

	if (cost)
		*cost = 0;
	if (pl)
		return g_object_ref(pl);
	pl = layout_text_new(lo, r, plain, st, width);
	if (cost)
		*cost = LAYOUT_ENTRY + LAYOUT_PER_BYTE * probe.len;
	if (keyed)
		layout_text_add(c, &probe, pl);
	return pl;
}

void
layout_text_keep(const struct layout *lo, size_t item, size_t slot,
    size_t nslots, PangoLayout *pl, size_t cost)
{
	struct layout_cache *c = lo->cache;
	struct layout_kept *k;

	if (slot >= nslots || c->kept_bytes + cost > LAYOUT_KEEP_BUDGET)
		return;
	if (item >= c->nkept) {
		size_t n = c->nkept ? c->nkept : 64;
		while (n <= item)
			n *= 2;
		c->kept = xreallocarray(c->kept, n, sizeof *c->kept);
		memset(&c->kept[c->nkept], 0, (n - c->nkept) *
		    sizeof *c->kept);
		c->nkept = n;
	}
	k = &c->kept[item];
	if (k->pl == NULL) {
		k->pl = xcalloc(nslots, sizeof *k->pl);
		k->n = nslots;
	}
	if (slot >= k->n || k->pl[slot])
		return;
	k->pl[slot] = g_object_ref(pl);
	c->kept_bytes += cost;
}

PangoLayout *
layout_text_kept(const struct layout *lo, size_t item, size_t slot)
{
	const struct layout_cache *c = lo->cache;

	if (item >= c->nkept || slot >= c->kept[item].n ||
	    c->kept[item].pl[slot] == NULL)
		return NULL;
	return g_object_ref(c->kept[item].pl[slot]);
}

void
layout_text_pages(const struct layout *lo)
{
	struct layout_cache *c = lo->cache;
	const struct pg_result *pr = &lo->pages;

	free(c->last_page);
	c->last_page = xcalloc(lo->nitems ? lo->nitems : 1,
	    sizeof *c->last_page);
	for (size_t i = 0; i < pr->npieces; i++)
		if (pr->pieces[i].page > c->last_page[pr->pieces[i].item])
			c->last_page[pr->pieces[i].item] = pr->pieces[i].page;
	c->released = 0;
}

void
layout_text_drawn(const struct layout *lo, size_t page)
{
	struct layout_cache *c = lo->cache;
	const struct pg_result *pr = &lo->pages;

	if (c->last_page == NULL)
		return;
	for (; c->released < pr->npieces &&
	    pr->pieces[c->released].page <= page; c->released++) {
		size_t item = pr->pieces[c->released].item;
		if (c->last_page[item] <= page)
			layout_text_unkeep(c, item);
	}
}
