/* doc: the document model a report becomes — front matter and a tree of
 * blocks, each carrying its source line (STYLE 4).  Text is NFC.  The model
 * is plain data: no Pango, no Cairo; the report module builds it and owns
 * every allocation in it (doc_free releases all). */
#ifndef FIGPRESS_DOC_H
#define FIGPRESS_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "chart.h"
#include "lang.h"

enum paper {
	PAPER_A4,
	PAPER_A5,
	PAPER_LETTER,
};

enum align {
	ALIGN_JUSTIFY,
	ALIGN_LEFT,
};

/* Inline styles of a run of text; combined with |. */
enum span_style {
	SPAN_BOLD = 1 << 0,
	SPAN_ITALIC = 1 << 1,
	SPAN_CODE = 1 << 2,
	SPAN_LINK = 1 << 3,
	SPAN_STRIKE = 1 << 4,	/* ~~strikethrough~~ (GFM) */
};

/* A styled run [start, end) in bytes of its rich text. */
struct span {
	size_t start;
	size_t end;
	unsigned style;
	char *href;		/* SPAN_LINK only: URL or "#heading-id" */
};

/* Text with inline styles.  Spans do not overlap: nested Markdown styles
 * become one span with the styles combined.  A hard line break is '\n'. */
struct rich {
	char *text;		/* NFC UTF-8, never NULL once built */
	struct span *spans;
	size_t nspans;
};

enum block_kind {
	BLOCK_HEADING,		/* level 1-3, text */
	BLOCK_PARAGRAPH,	/* text */
	BLOCK_LIST,		/* children are BLOCK_ITEMs */
	BLOCK_ITEM,		/* children are the item's blocks */
	BLOCK_QUOTE,		/* children */
	BLOCK_RULE,		/* thematic break */
	BLOCK_CODE,		/* text, verbatim */
	BLOCK_TABLE,		/* table */
	BLOCK_CHART,		/* chart */
};

enum cell_align {
	CELL_LEFT,
	CELL_CENTER,
	CELL_RIGHT,
};

/* A table ready to set: header row(s), body rows, per-column alignment. */
struct doc_table {
	size_t ncols;
	size_t nrows;		/* including header rows */
	size_t nheader;		/* leading rows repeated on each page */
	struct rich *cells;	/* nrows * ncols, row-major */
	enum cell_align *align;	/* ncols */
	char *caption;		/* may be NULL */
	char *source;		/* may be NULL */
};

struct block {
	enum block_kind kind;
	int line;		/* 1-based line in the report source */
	int level;		/* heading level; list nesting depth */
	struct rich text;	/* heading, paragraph, code */
	char *id;		/* heading anchor ("chi-phi"), for links:
				 * markdown_slug, unique in the document */
	bool ordered;		/* list */
	int start;		/* ordered list: first number */
	struct block *children;
	size_t nchildren;
	struct doc_table *table;	/* BLOCK_TABLE */
	struct chart_data *chart;	/* BLOCK_CHART */
};

struct frontmatter {
	char *title;
	char *subtitle;
	char *author;
	char *date;		/* "2025-01-30" as written, or NULL */
	enum lang lang;
	enum paper paper;
	bool landscape;
	enum align align;
	bool grayscale;		/* print: grayscale */
};

struct doc {
	char *path;		/* the report file */
	struct frontmatter fm;
	struct block *blocks;
	size_t nblocks;
	/* Every file the report read (report first, then data), for -M and
	 * watch; owned strings. */
	char **inputs;
	size_t ninputs;
};

/* Free the document and everything in it; NULL is fine. */
void doc_free(struct doc *doc);
/* Release a block's contents (recursively), not the block itself. */
void block_release(struct block *b);
/* Release a rich text's contents. */
void rich_release(struct rich *r);
/* Free a table and its cells; NULL is fine. */
void doc_table_free(struct doc_table *t);
/* The model as indented text, one block a line with its source line, spans,
 * table cells and chart data (for tests and --dump=doc); caller frees. */
char *doc_dump(const struct doc *doc);

#endif
