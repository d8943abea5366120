/* layout-private: what layout.c shares with layout-text.c — setting a text
 * with Pango, the shared set of identical texts and the layouts kept from
 * measuring to drawing. */
#ifndef FIGPRESS_LAYOUT_PRIVATE_H
#define FIGPRESS_LAYOUT_PRIVATE_H

#include "layout.h"

/* A new cache for lo (identical texts, kept layouts); free it with
 * layout_text_cache_free. */
struct layout_cache *layout_text_cache_new(void);
void layout_text_cache_free(struct layout_cache *c);
/* Convert points to Pango units, rounded. */
int layout_text_units(double pt);
/* A new layout of r (or plain) in style st at width points, not shared. */
PangoLayout *layout_text_new(const struct layout *lo, const struct rich *r,
    const char *plain, const struct text_style *st, double width);
/* The text r (or plain when r is NULL) set in style st at width points
 * (-1: unwrapped), shared with an identical text set before while the
 * shared set is within its budget.  The caller owns a reference and must
 * not change the layout.  *cost, when not NULL, is what keeping the layout
 * would add to memory: 0 when it was shared. */
PangoLayout *layout_text(const struct layout *lo, const struct rich *r,
    const char *plain, const struct text_style *st, double width,
    size_t *cost);
/* The layout of the text, as layout_text would share it, or NULL when the
 * shared set has none (nothing is set).  The caller owns the reference. */
PangoLayout *layout_text_shared(const struct layout *lo, const struct rich *r,
    const char *plain, const struct text_style *st, double width);
/* Add pl, set from that text by another thread, to lo's shared set (a
 * reference is taken) unless the set has the text already. */
void layout_text_share(const struct layout *lo, const struct rich *r,
    const char *plain, const struct text_style *st, double width,
    PangoLayout *pl);
/* Keep pl (a new reference is taken) as layout slot of item for drawing,
 * if cost still fits the budget of kept layouts (slot < nslots). */
void layout_text_keep(const struct layout *lo, size_t item, size_t slot,
    size_t nslots, PangoLayout *pl, size_t cost);
/* The layout kept in slot of item as a new reference, or NULL. */
PangoLayout *layout_text_kept(const struct layout *lo, size_t item,
    size_t slot);
/* Record the last page each item is drawn on (after pagination), so that
 * layout_page_drawn can let go of what no later page shows. */
void layout_text_pages(const struct layout *lo);

#endif
