/* measure-chart: chart text measured with Pango exactly as draw-chart.c
 * sets it, converted to points here and nowhere else; and the test of
 * whether any text may be set without its width. */
#include "measure.h"

#include <string.h>

#include "fonts.h"

PangoFontDescription *
measure_chart_font(double size, bool bold)
{
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, FONTS_SANS);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD :
	    PANGO_WEIGHT_NORMAL);
	/* Absolute: one point is one user unit on a PDF surface, whatever
	 * resolution the font map assumes. */
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	return fd;
}

/* Chart texts are set twice (measured in layout, shown in draw) and many
 * repeat from chart to chart (ticks, categories, the probe "Ag"), so the
 * layouts live in a cache on the Pango context, bounded by count: two
 * generations, the older dropped whole when the younger fills. */
#define MEASURE_CACHE_KEY "figpress-measure-chart-cache"
#define MEASURE_CACHE_GENERATION 1024

struct measure_cache {
	GHashTable *young;	/* key → PangoLayout, both owned */
	GHashTable *old;
};

/* What sets a chart text.  A probe lends its text; a key in a table owns
 * a copy after itself.  (A key printed with "%.9g" cost more instructions
 * than measuring many a short text.) */
struct measure_key {
	guint hash;
	double size;
	double wrap;		/* 0: one line */
	int bold;
	int align;		/* -1, 0, 1 */
	const char *text;
	size_t len;
};

static guint
measure_key_hash(gconstpointer p)
{
	return ((const struct measure_key *)p)->hash;
}

static gboolean
measure_key_equal(gconstpointer pa, gconstpointer pb)
{
	const struct measure_key *a = pa, *b = pb;

	return a->hash == b->hash && a->size == b->size &&
	    a->wrap == b->wrap && a->bold == b->bold &&
	    a->align == b->align && a->len == b->len &&
	    memcmp(a->text, b->text, a->len) == 0;
}

static void
measure_key_probe(struct measure_key *k, const char *text, double size,
    bool bold, double wrap, int align)
{
	guint h;

	k->size = size;
	k->wrap = wrap > 0 ? wrap : 0;
	k->bold = bold;
	k->align = align < 0 ? -1 : align > 0;
	k->text = text;
	k->len = strlen(text);
	h = g_str_hash(text);
	h = h * 31 + g_double_hash(&k->size);
	h = h * 31 + g_double_hash(&k->wrap);
	k->hash = h * 31 + (guint)(k->bold * 3 + k->align + 1);
}

static struct measure_key *
measure_key_copy(const struct measure_key *k)
{
	struct measure_key *c = g_malloc(sizeof *c + k->len + 1);
	char *text = (char *)(c + 1);

	*c = *k;
	memcpy(text, k->text, k->len + 1);
	c->text = text;
	return c;
}

static GHashTable *
measure_cache_table(void)
{
	return g_hash_table_new_full(measure_key_hash, measure_key_equal,
	    g_free, g_object_unref);
}

static void
measure_cache_free(void *p)
{
	struct measure_cache *c = p;

	g_hash_table_destroy(c->young);
	g_hash_table_destroy(c->old);
	g_free(c);
}

static struct measure_cache *
measure_cache_of(PangoContext *pc)
{
	struct measure_cache *c = g_object_get_data(G_OBJECT(pc),
	    MEASURE_CACHE_KEY);

	if (c == NULL) {
		c = g_new0(struct measure_cache, 1);
		c->young = measure_cache_table();
		c->old = measure_cache_table();
		g_object_set_data_full(G_OBJECT(pc), MEASURE_CACHE_KEY, c,
		    measure_cache_free);
	}
	return c;
}

/* A little under the narrowest average advance of running text, in em:
 * a text longer than width at this is certainly wider (NFD marks count
 * as characters, so the guess errs towards trying). */
#define MEASURE_FIT_EM 0.45

bool
measure_fits_unwrapped(PangoLayout *pl, double size, double width)
{
	PangoRectangle logical;

	if (width <= 0 || (double)g_utf8_strlen(pango_layout_get_text(pl), -1) *
	    MEASURE_FIT_EM * size > width)
		return false;
	pango_layout_get_extents(pl, NULL, &logical);
	if (logical.x < 0 ||
	    logical.x + logical.width > pango_units_from_double(width))
		return false;
	for (GSList *l = pango_layout_get_lines_readonly(pl); l; l = l->next)
		if (((PangoLayoutLine *)l->data)->resolved_dir !=
		    PANGO_DIRECTION_LTR)
			return false;
	return true;
}

static PangoLayout *
measure_chart_new_layout(PangoContext *pc, const char *text, double size,
    bool bold, double wrap, int align)
{
	PangoLayout *layout = pango_layout_new(pc);
	PangoFontDescription *fd = measure_chart_font(size, bold);

	pango_layout_set_font_description(layout, fd);
	pango_font_description_free(fd);
	pango_layout_set_alignment(layout, align < 0 ? PANGO_ALIGN_LEFT :
	    align > 0 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
	pango_layout_set_text(layout, text, -1);
	/* A left-aligned label that fits is set without its wrap width:
	 * shaped once (measure_fits_unwrapped).  Centred and right-aligned
	 * ones keep it, which Pango moves their lines by. */
	if (wrap > 0 && !(align < 0 &&
	    measure_fits_unwrapped(layout, size, wrap))) {
		pango_layout_set_width(layout, pango_units_from_double(wrap));
		pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	}
	return layout;
}

PangoLayout *
measure_chart_layout(PangoContext *pc, const char *text, double size,
    bool bold, double wrap, int align)
{
	struct measure_cache *c = measure_cache_of(pc);
	struct measure_key key;
	PangoLayout *layout;

	measure_key_probe(&key, text, size, bold, wrap, align);
	layout = g_hash_table_lookup(c->young, &key);
	if (layout)
		return g_object_ref(layout);
	layout = g_hash_table_lookup(c->old, &key);
	if (layout)
		g_object_ref(layout);	/* promoted from the old generation */
	else
		layout = measure_chart_new_layout(pc, text, size, bold, wrap,
		    align);
	if (g_hash_table_size(c->young) >= MEASURE_CACHE_GENERATION) {
		g_hash_table_destroy(c->old);
		c->old = c->young;
		c->young = measure_cache_table();
	}
	g_hash_table_insert(c->young, measure_key_copy(&key),
	    g_object_ref(layout));
	return layout;
}

void
measure_chart_forget(PangoContext *pc)
{
	/* The cached layouts hold the context: drop them to let it go. */
	g_object_set_data(G_OBJECT(pc), MEASURE_CACHE_KEY, NULL);
}

void
measure_layout_box(PangoLayout *layout, double *x, double *y, double *w,
    double *h)
{
	PangoRectangle logical;

	pango_layout_get_extents(layout, NULL, &logical);
	*x = pango_units_to_double(logical.x);
	*y = pango_units_to_double(logical.y);
	*w = pango_units_to_double(logical.width);
	*h = pango_units_to_double(logical.height);
}

static void
measure_chart_text(void *ctx, const char *text, double size, bool bold,
    double wrap_width, int align, double *w, double *h)
{
	/* Set as it will be drawn, so that the drawing finds it cached. */
	PangoLayout *layout = measure_chart_layout(ctx, text, size, bold,
	    wrap_width, align);
	double x, y;

	measure_layout_box(layout, &x, &y, w, h);
	g_object_unref(layout);
}

void
measure_chart_init(struct chart_measure *m, PangoContext *pc)
{
	m->ctx = pc;
	m->text_size = measure_chart_text;
}
