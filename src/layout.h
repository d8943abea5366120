/* layout: the document model measured with Pango into a flow of items
 * (text blocks, table rows, charts), then broken into pages by paginate.
 * Everything about positions is decided here, before drawing, so the page
 * count is known when the first page is painted. */
#ifndef FIGPRESS_LAYOUT_H
#define FIGPRESS_LAYOUT_H

#include <pango/pango.h>
#include <stdbool.h>
#include <stddef.h>

#include "chart.h"
#include "diag.h"
#include "doc.h"
#include "paginate.h"
#include "theme.h"

enum flow_kind {
	FLOW_TEXT,		/* a paragraph, heading, list item, code … */
	FLOW_RULE,		/* thematic break */
	FLOW_ROW,		/* one table row */
	FLOW_CHART,		/* a whole chart */
};

/* The structure element a flow item is tagged as in the PDF. */
enum flow_role {
	ROLE_TITLE,		/* title block lines */
	ROLE_H1, ROLE_H2, ROLE_H3,
	ROLE_P,
	ROLE_LI,		/* a paragraph inside a list item */
	ROLE_CODE,
	ROLE_CAPTION,
	ROLE_TR,
	ROLE_FIGURE,
	ROLE_RULE,
};

/* Structure tags opened before an item and closed after it, so lists,
 * quotes and tables nest in the tag tree as in the document. */
#define FLOW_MAX_TAGS 8
/* List markers one item can show; lists deeper than this stop indenting,
 * so an outer marker beyond it would have no room of its own. */
#define FLOW_MAX_MARKERS 8

/* How a text is set, besides its words and width. */
struct text_style {
	const char *family;	/* static */
	double size;
	bool bold;
	double spacing;		/* line-height factor, 0 for the font's */
	bool justify;
	PangoAlignment align;
	bool wrap_char;		/* code: wraps anywhere */
};

struct flow_item {
	enum flow_kind kind;
	enum flow_role role;
	const struct block *block;	/* lent from the doc; may be NULL */
	double x;		/* left edge from the content area's left */
	double width;
	double pad_top;		/* inside the item, above its first line */
	double pad_bottom;
	/* FLOW_TEXT: what sets the text again.  Measuring keeps layouts for
	 * drawing only within a memory budget (layout-text.c); past it a
	 * text is set again when drawn: see layout_item_text. */
	const struct rich *rich;	/* lent from the doc, or NULL */
	char *plain;		/* owned; the text when rich is NULL */
	struct text_style style;
	double text_width;
	/* List bullets or numbers, owned, innermost first: an item whose
	 * first block is itself a list ("- - a", "1. - a") starts the lines
	 * of both lists, and shows both markers, each in its own indent. */
	char *markers[FLOW_MAX_MARKERS];
	size_t nmarkers;
	int quote_depth;	/* a bar is drawn for each level */
	bool shaded;		/* code: grey background */
	bool muted;		/* secondary text: grey */
	const char *dest;	/* heading id, for links and the outline */
	/* FLOW_ROW */
	const struct doc_table *table;
	size_t row;
	double *cell_x;		/* relative to x */
	double *cell_w;
	bool header;
	bool last_row;
	/* FLOW_CHART */
	struct chart_geom chart;
	/* tags */
	const char *open_tags[FLOW_MAX_TAGS];
	size_t nopen;
	size_t nclose;		/* tags to end after this item */
	/* line geometry for the paginator */
	size_t nlines;
	double *line_bottom;
};

/* Pages a layout may have: measuring stops, with an error, once the
 * items so far cannot fit in fewer (a hostile report took 210 s to lay
 * out 181,000 pages only to be refused). */
#define LAYOUT_MAX_PAGES 5000

struct layout {
	const struct doc *doc;	/* lent */
	struct theme theme;
	PangoContext *pango;	/* owned */
	struct layout_cache *cache;	/* owned; see layout-text.c */
	struct flow_item *items;
	size_t nitems;
	size_t cap_items;
	struct pg_item *pg;	/* paginator view of items */
	struct pg_result pages;
	/* Text no bundled font could set: the first character, where (the
	 * report line, and the place in document order: layout.c), and how
	 * many such characters; one warning per report. */
	struct diags *diags;	/* lent */
	gunichar missing_cp;
	int missing_line;
	size_t missing_place;
	size_t nmissing;
	/* The page limit, checked as blocks are measured: the content of
	 * items[0..measured), in points, and whether it overflowed. */
	size_t measured;
	double content;
	bool over;
	/* Text items waiting to be set, in order: a batch of them is set on
	 * two threads (layout.c: LAYOUT_BATCH). */
	size_t *pending;
	size_t npending;
	size_t cap_pending;
	PangoContext *helper_pango;	/* owned; the helper thread's */
	struct layout_cache *helper_cache;	/* owned; the helper's texts */
	size_t helper_texts;	/* how many texts the helper set */
};

/* Measure doc with Pango for its paper and break it into pages.  doc must
 * outlive the layout.  Text no bundled font can set is drawn as a
 * placeholder box and earns one warning in d per report (never an error).
 * Content that cannot fit in LAYOUT_MAX_PAGES pages is an error in d at
 * the block that passed the limit, and measuring stops there.  Release
 * with layout_release. */
void layout_build(struct layout *lo, const struct doc *doc, struct diags *d);
/* Free every layout object and the page list. */
void layout_release(struct layout *lo);
/* The Pango layout of text item it: the one measuring kept, or set again
 * as it was measured (identical texts share one while the shared set is
 * within its budget); the caller owns a reference and must not change
 * it. */
PangoLayout *layout_item_text(const struct layout *lo,
    const struct flow_item *it);
/* List marker k of it (0 the innermost) as a layout (a reference), or
 * NULL if it has no such marker. */
PangoLayout *layout_item_marker(const struct layout *lo,
    const struct flow_item *it, size_t k);
/* Cell col of table row it as a layout (a reference), kept or set again
 * like layout_item_text. */
PangoLayout *layout_item_cell(const struct layout *lo,
    const struct flow_item *it, size_t col);
/* Page (0-based) of lo is drawn: let go of the layouts kept for items no
 * later page shows (pages are drawn in order; drawing an item again after
 * this sets its text again). */
void layout_text_drawn(const struct layout *lo, size_t page);
/* Convert Pango units to points (the one conversion, STYLE 3). */
double layout_pt(int pango_units);

#endif
