/* srcmap: an index of line starts over one source buffer, so a byte offset
 * (or a pointer md4c hands back) becomes a 1-based line and a column counted
 * in characters, for every located error of the report reader. */
#ifndef FIGPRESS_SRCMAP_H
#define FIGPRESS_SRCMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct srcmap {
	const char *text;	/* lent: the indexed buffer, '\n' line ends */
	size_t len;
	size_t *starts;		/* byte offset of each line's first byte */
	size_t nlines;		/* at least 1 */
};

/* Index text[0..len), which must outlive the map; lines end at '\n'. */
void srcmap_init(struct srcmap *m, const char *text, size_t len);
/* Free the index. */
void srcmap_release(struct srcmap *m);
/* 1-based line of byte offset off (clamped to the buffer). */
int srcmap_line(const struct srcmap *m, size_t off);
/* Line and character column of off, as a position in file (lent). */
struct srcpos srcmap_pos(const struct srcmap *m, const char *file,
    size_t off);
/* Byte offset where 1-based line starts (clamped); the end of the buffer
 * for a line past the last. */
size_t srcmap_line_start(const struct srcmap *m, int line);
/* Byte length of 1-based line without its '\n'. */
size_t srcmap_line_len(const struct srcmap *m, int line);
/* True when p points into the buffer; *off receives its offset. */
bool srcmap_offset(const struct srcmap *m, const char *p, size_t *off);

#endif
