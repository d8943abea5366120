/* markdown: the body of a report (CommonMark with GFM pipe tables and
 * strikethrough, parsed by md4c) into the blocks of the document model,
 * each with its source line; ```chart and ```table blocks and {{...}}
 * references are handed to the caller's hooks. */
#ifndef FIGPRESS_MARKDOWN_H
#define FIGPRESS_MARKDOWN_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "doc.h"
#include "spec.h"
#include "srcmap.h"

/* Lists and block quotes nested deeper than this are an error. */
#define MARKDOWN_MAX_DEPTH 32
/* Blocks (and table cells) in one report. */
#define MARKDOWN_MAX_BLOCKS 100000
/* Bytes of text in one paragraph, heading, cell or code block. */
#define MARKDOWN_MAX_TEXT (1024 * 1024)
/* Lines (hard breaks) in one paragraph, heading, cell or code block. */
#define MARKDOWN_MAX_LINES 5000
/* Bytes in one line of such a block (between hard breaks, or one line of
 * code).  Pango measures a line in 32-bit units of 1/1024 pt: past 2^31
 * (about 300,000 characters of body text, fewer of large or wide ones)
 * the width wraps round and the whole paragraph came out as one line,
 * the rest of its text silently lost.  32 KiB keeps the widest the
 * bundled fonts can make of it — a tab in a 22 pt heading, 46 pt a byte
 * — under 1.6 million points. */
#define MARKDOWN_MAX_LINE_TEXT (32 * 1024)
/* Styled runs (links, emphasis, code) in one such block: each page a block
 * is drawn on walks all of them, so 80,000 links in one paragraph took
 * 21 s to draw. */
#define MARKDOWN_MAX_SPANS 10000

struct markdown_hooks {
	void *ctx;
	/* A fenced block whose info word is "chart" or "table" (kind): fill
	 * b->kind and b->chart or b->table from the YAML body, whose place in
	 * the report o gives.  False (errors in d) drops the block. */
	bool (*fence)(void *ctx, const char *kind, const char *body,
	    size_t len, const struct spec_origin *o, struct block *b,
	    struct diags *d);
	/* The text for {{inner}} written at pos (caller frees), or NULL with
	 * an error in d; the reference then stays as written. */
	char *(*ref)(void *ctx, const char *inner, struct srcpos pos,
	    struct diags *d);
};

struct markdown_input {
	const struct srcmap *map;	/* the whole source, NFC, '\n' ends */
	const char *file;		/* for positions; lent */
	size_t body_start;		/* the Markdown starts here */
	enum lang lang;			/* figure columns of pipe tables */
};

/* Parse the body into *blocks (*nblocks of them; free each with
 * block_release, then the array).  Problems inside blocks (specs,
 * references) are reported to d and parsing goes on; false, with nothing
 * returned, when the document cannot be read on (nesting, size limits). */
bool markdown_parse(const struct markdown_input *in,
    const struct markdown_hooks *h, struct block **blocks, size_t *nblocks,
    struct diags *d);

/* The anchor id for a heading's text: lower case, Vietnamese (and other
 * Latin) diacritics removed and đ → d, other letters and digits kept, every
 * other run of characters one '-' ("Chi phí: 5,6 triệu" → "chi-phi-5-6-
 * trieu"); "section" when nothing is left.  Caller frees. */
char *markdown_slug(const char *text);

#endif
