/* markdown-int: what markdown.c (blocks, positions, md4c callbacks) and
 * markdown-text.c (the text of leaf blocks, entities, references, slugs)
 * share; private to the markdown module. */
#ifndef FIGPRESS_MARKDOWN_INT_H
#define FIGPRESS_MARKDOWN_INT_H

#include <glib.h>
#include <md4c.h>
#include <stdint.h>

#include "markdown.h"
#include "strbuf.h"
#include "xmalloc.h"

/* Where a run of leaf text came from, to locate {{ in the source. */
struct mdchunk {
	size_t text_off;
	size_t src_off;
	size_t len;
};

/* The text of the open leaf block (one at a time in md4c). */
struct mdleaf {
	struct strbuf text;
	struct span *spans;
	size_t nspans;
	struct mdchunk *chunks;
	size_t nchunks;
	int *shift;		/* code: per content line, INT_MIN unknown */
	size_t nshift;
	size_t cur;		/* code: current content line */
	size_t line_chars;	/* code: characters on the current line */
	size_t breaks;		/* '\n' in text, for MARKDOWN_MAX_LINES */
	size_t line_bytes;	/* since the last '\n', for
				 * MARKDOWN_MAX_LINE_TEXT */
	bool html_warned;
};

/* A pipe table being read. */
struct mdtable {
	struct rich *cells;
	size_t ncells;
	size_t ncols;
	size_t nrows;
	size_t nheader;
	MD_ALIGN *mk_align;	/* per column, from the header row */
	bool in_head;
};

enum mdspec {
	MDSPEC_NONE,
	MDSPEC_CHART,
	MDSPEC_TABLE,
};

struct mdframe {
	MD_BLOCKTYPE type;
	struct block b;
	bool implicit;		/* the paragraph of a tight list item */
	bool transparent;	/* THEAD, TBODY, TR: no block of their own */
	bool skip;		/* raw HTML: text dropped */
	bool warned;		/* raw HTML: said so */
	enum mdspec spec;
	char fence_char;	/* fenced code */
	struct srcpos fence;	/* fenced code: the opening fence */
	struct mdtable *tab;
};

struct mdlink {
	char *id;		/* "#id" without '#' */
	int line;
};

struct mdctx {
	const struct markdown_input *in;
	const struct markdown_hooks *h;
	struct diags *d;
	struct mdframe *stack;
	size_t depth;
	struct mdleaf leaf;
	int bold, italic, code, strike, link, image;
	char *href;		/* of the open link */
	size_t cursor;		/* unlocated blocks start at/after this */
	int last_line;		/* line of the last text seen */
	size_t nblocks;
	int nesting;		/* open lists and quotes */
	int lists;		/* open lists */
	GHashTable *ids;	/* heading ids in use */
	struct mdlink *links;	/* internal links, checked at the end */
	size_t nlinks;
	bool aborted;
};

/* Grow an array at powers of two before adding element n. */
static inline void *
mk_grow(void *p, size_t n, size_t size)
{
	if (n == 0 || (n & (n - 1)) == 0)
		return xreallocarray(p, n ? n * 2 : 1, size);
	return p;
}

static inline struct mdframe *
mk_top(struct mdctx *c)
{
	return &c->stack[c->depth - 1];
}

/* Report msg at line, stop the parse; returns md4c's "abort" value. */
int markdown_abort(struct mdctx *c, int line, const char *msg);

/* Start the text of a leaf block. */
void markdown_text_begin(struct mdctx *c);
/* Free what the leaf text holds. */
void markdown_text_release(struct mdleaf *l);
/* Append s[0..n) in the open styles; src is its source offset or
 * SIZE_MAX.  Non-zero (abort) past the text limit. */
int markdown_text_append(struct mdctx *c, const char *s, size_t n,
    size_t src);
/* "&amp;", "&#233;" as UTF-8 into out (8 bytes); 0 when unknown. */
size_t markdown_text_entity(const char *s, size_t n, char *out);
/* An md4c attribute (a link's href) as one string; caller frees. */
char *markdown_text_attr(const MD_ATTRIBUTE *a);
/* Inline raw HTML: <br> breaks the line, the rest is dropped. */
int markdown_text_html(struct mdctx *c, const char *s, size_t n,
    size_t src);
/* Text of a code block, tracking the columns of each line. */
int markdown_text_code(struct mdctx *c, const char *s, size_t n,
    size_t src);
/* Replace the {{references}} of the leaf through the ref hook. */
int markdown_text_refs(struct mdctx *c);

/* Every open block without a line yet starts at line. */
void markdown_where_locate(struct mdctx *c, int line);
/* Blocks after line start on the next line at the earliest. */
void markdown_where_advance(struct mdctx *c, int line);
/* Text was seen at source offset off: locate open blocks, move on. */
void markdown_where_saw(struct mdctx *c, size_t off);
/* Line of a block that has no text: the first non-blank line at the
 * cursor (or the last line). */
int markdown_where_estimate(const struct mdctx *c);
/* Line of a thematic break that has no text: the first rule-like line at
 * the cursor. */
int markdown_where_find_rule(const struct mdctx *c);
/* Offset of three fence characters on line, or SIZE_MAX. */
size_t markdown_where_fence_at(const struct mdctx *c, int line,
    char fence);
/* The opening fence of a code block without an info string in the
 * source: the first line at the cursor holding three fence characters. */
int markdown_where_find_fence(const struct mdctx *c, char fence);
/* After a setext heading or a fenced block, its underline or closing
 * fence is no new block: move the cursor past it. */
void markdown_where_skip_closing(struct mdctx *c,
    const struct mdframe *f);

#endif
