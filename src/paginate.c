/* paginate: page breaks decided on measured heights, before any drawing. */
#include "paginate.h"

#include <stdlib.h>

#include "xmalloc.h"

/* Keep-with-next chains longer than this (a heading after a heading after
 * a heading …) are not worth looking further into. */
#define KEEP_CHAIN_MAX 6

struct paginator {
	const struct pg_item *items;
	size_t n;
	double first_height;
	double page_height;
	size_t page;
	double y;
	struct pg_result *out;
	size_t cap;
};

static size_t
item_lines(const struct pg_item *it)
{
	return it->splittable && it->line_bottom && it->nlines > 0 ?
	    it->nlines : 1;
}

/* Height of lines [from, to) of it; the last piece takes the item's
 * trailing padding too. */
static double
item_span(const struct pg_item *it, size_t from, size_t to)
{
	size_t n = item_lines(it);
	double top, bottom;

	if (n == 1)
		return it->height;
	top = from > 0 ? it->line_bottom[from - 1] : 0;
	bottom = to >= n ? it->height : it->line_bottom[to - 1];
	return bottom - top;
}

static double
page_capacity(const struct paginator *p)
{
	return p->page == 0 ? p->first_height : p->page_height;
}

static double
gap_before(const struct paginator *p, const struct pg_item *it)
{
	return p->y > 0 ? it->space_before : 0;
}

static void
emit(struct paginator *p, size_t item, size_t from, size_t to, bool repeat)
{
	struct pg_result *r = p->out;
	struct pg_piece *pc;
	const struct pg_item *it = &p->items[item];

	if (r->npieces == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		r->pieces = xreallocarray(r->pieces, p->cap, sizeof *pc);
	}
	p->y += gap_before(p, it);
	pc = &r->pieces[r->npieces++];
	pc->item = item;
	pc->line_from = from;
	/* An item that is not split (a heading over two lines) is placed as
	 * one line here, but its piece holds all of its lines: drawing takes
	 * a piece short of nlines for a part, and drew only the first line. */
	pc->line_to = to >= item_lines(it) && it->nlines > to ? it->nlines : to;
	pc->page = p->page;
	pc->y = p->y;
	pc->repeat = repeat;
	p->y += item_span(it, from, to);
}

/* True when item j is a body row of the table item i's row belongs to. */
static bool
same_table_body(const struct paginator *p, size_t i, size_t j)
{
	const struct pg_item *a = &p->items[i], *b;

	if (j >= p->n)
		return false;
	b = &p->items[j];
	return b->table_row && !b->is_header &&
	    b->header_first == a->header_first &&
	    b->header_count == a->header_count;
}

/* Whether item i may not end a page.  A table row keeps with the next
 * when it is the first body row or the last but one: a table breaks with
 * at least two body rows on each side, like a paragraph's lines, and one
 * of two rows is never left behind. */
static bool
keeps_with_next(const struct paginator *p, size_t i)
{
	const struct pg_item *it = &p->items[i];
	bool first_body;

	if (it->keep_with_next)
		return true;
	if (!it->table_row || it->is_header || !same_table_body(p, i, i + 1))
		return false;
	first_body = i == 0 || !same_table_body(p, i, i - 1);
	return first_body || !same_table_body(p, i, i + 2);
}

/* Starts a new page; a table that continues onto it gets its header
 * rows again. */
static void
new_page(struct paginator *p, size_t next_item)
{
	const struct pg_item *it = &p->items[next_item];

	p->page++;
	p->y = 0;
	if (it->table_row && !it->is_header && it->header_count > 0)
		for (size_t h = 0; h < it->header_count; h++)
			emit(p, it->header_first + h, 0, 1, true);
}

/* The least of item i that must follow a keep-with-next item on the same
 * page: the whole item when atomic, its first lines when splittable, and
 * in turn what it keeps with. */
static double
min_start(const struct paginator *p, size_t i, int depth)
{
	const struct pg_item *it;
	size_t n;
	double h;

	if (i >= p->n || depth > KEEP_CHAIN_MAX)
		return 0;
	it = &p->items[i];
	n = item_lines(it);
	if (n >= 2 * PAGINATE_MIN_LINES)
		h = item_span(it, 0, PAGINATE_MIN_LINES);
	else
		h = it->height;
	h += it->space_before;
	if (keeps_with_next(p, i) && (n == 1 || h >= it->height))
		h += min_start(p, i + 1, depth + 1);
	return h;
}

/* The most lines [from, k) that fit in room while leaving at least
 * PAGINATE_MIN_LINES on each side of the break; returns from when none. */
static size_t
split_point(const struct pg_item *it, size_t from, double room)
{
	size_t n = item_lines(it);
	size_t k = from;

	while (k < n && item_span(it, from, k + 1) <= room)
		k++;
	if (k >= n)
		return n;
	if (n - k < PAGINATE_MIN_LINES)
		k = n - PAGINATE_MIN_LINES;
	if (k < from + PAGINATE_MIN_LINES)
		return from;
	return k;
}

/* Places lines [from, n) of item i, breaking pages as needed. */
static void
place_item(struct paginator *p, size_t i)
{
	const struct pg_item *it = &p->items[i];
	size_t n = item_lines(it);
	size_t from = 0;

	for (;;) {
		double room = page_capacity(p) - p->y - gap_before(p, it);
		double rest = item_span(it, from, n);
		double keep = keeps_with_next(p, i) && from == 0 ?
		    min_start(p, i + 1, 0) : 0;
		size_t k;

		if (rest + keep <= room || (p->y == 0 && rest <= room)) {
			emit(p, i, from, n, false);
			return;
		}
		k = n > 1 ? split_point(it, from, room) : from;
		if (k > from && k < n) {
			emit(p, i, from, k, false);
			new_page(p, i);
			from = k;
			continue;
		}
		if (p->y > 0) {
			new_page(p, i);
			continue;
		}
		/* Taller than an empty page: cut it anyway, at least a line
		 * a page, so layout always ends. */
		k = from + 1;
		while (k < n && item_span(it, from, k + 1) <= room)
			k++;
		emit(p, i, from, k, false);
		if (k >= n)
			return;
		new_page(p, i);
		from = k;
	}
}

void
paginate(const struct pg_item *items, size_t n, double first_height,
    double page_height, struct pg_result *out)
{
	struct paginator p = { items, n, first_height, page_height, 0, 0,
	    out, 0 };

	out->pieces = NULL;
	out->npieces = 0;
	for (size_t i = 0; i < n; i++)
		place_item(&p, i);
	out->npages = p.page + 1;
}

void
paginate_release(struct pg_result *r)
{
	free(r->pieces);
	r->pieces = NULL;
	r->npieces = 0;
	r->npages = 0;
}
