/* measure-chart: chart text measured with Pango exactly as draw-chart.c
 * sets it, converted to points here and nowhere else. */
#include "measure.h"

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

static GHashTable *
measure_cache_table(void)
{
	return g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    g_object_unref);
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

static PangoLayout *
measure_chart_new_layout(PangoContext *pc, const char *text, double size,
    bool bold, double wrap, int align)
{
	PangoLayout *layout = pango_layout_new(pc);
	PangoFontDescription *fd = measure_chart_font(size, bold);

	pango_layout_set_font_description(layout, fd);
	pango_font_description_free(fd);
	if (wrap > 0) {
		pango_layout_set_width(layout, pango_units_from_double(wrap));
		pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(layout, align < 0 ? PANGO_ALIGN_LEFT :
	    align > 0 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
	pango_layout_set_text(layout, text, -1);
	return layout;
}

PangoLayout *
measure_chart_layout(PangoContext *pc, const char *text, double size,
    bool bold, double wrap, int align)
{
	struct measure_cache *c = measure_cache_of(pc);
	/* The key only has to be consistent within the process. */
	char *key = g_strdup_printf("%.9g %d %.9g %d %s", size, bold,
	    wrap > 0 ? wrap : 0, align < 0 ? -1 : align > 0, text);
	PangoLayout *layout = g_hash_table_lookup(c->young, key);

	if (layout) {
		g_free(key);
		return g_object_ref(layout);
	}
	layout = g_hash_table_lookup(c->old, key);
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
	g_hash_table_insert(c->young, key, g_object_ref(layout));
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
    double wrap_width, double *w, double *h)
{
	PangoLayout *layout = measure_chart_layout(ctx, text, size, bold,
	    wrap_width, -1);
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
