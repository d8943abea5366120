/* paginate: decides page breaks on measured heights alone — no Pango, no
 * Cairo — so keep-with-next, widow/orphan control, atomic blocks and
 * repeated table headers are unit-tested as data (STYLE 2). */
#ifndef FIGPRESS_PAGINATE_H
#define FIGPRESS_PAGINATE_H

#include <stdbool.h>
#include <stddef.h>

/* One measured item of the flow: a paragraph, heading, table row, chart … */
struct pg_item {
	double space_before;	/* dropped at the top of a page */
	double height;		/* total height of the item */
	size_t nlines;		/* > 1 for splittable text */
	const double *line_bottom;	/* nlines: bottom of line i from the
					 * item's top; NULL unless splittable */
	bool keep_with_next;	/* never the last thing on a page (a table
				 * breaks with two body rows each side
				 * whatever this says) */
	bool splittable;	/* may break between lines */
	/* Table rows: on a page that a table continues onto, the header rows
	 * [header_first, header_first + header_count) are repeated first. */
	bool table_row;
	size_t header_first;
	size_t header_count;
	bool is_header;
};

/* Where a piece of an item went: lines [line_from, line_to) of item on
 * page, its top at y (points from the top of the content area).  A repeated
 * table header is a piece with repeat set. */
struct pg_piece {
	size_t item;
	size_t line_from;
	size_t line_to;
	size_t page;		/* 0-based */
	double y;
	bool repeat;
};

struct pg_result {
	struct pg_piece *pieces;
	size_t npieces;
	size_t npages;
};

/* Minimum lines a paragraph leaves at the bottom (orphans) and carries to
 * the top of the next page (widows). */
#define PAGINATE_MIN_LINES 2

/* Break items (n of them) into pages whose content area is page_height
 * points tall (first_height for the first page, which carries the title
 * block).  Every item appears in order; an item taller than a page is cut
 * where it must be.  Caller releases *out with paginate_release. */
void paginate(const struct pg_item *items, size_t n, double first_height,
    double page_height, struct pg_result *out);
/* Free the pieces. */
void paginate_release(struct pg_result *r);

#endif
