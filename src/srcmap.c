/* srcmap: line starts of a buffer and offset → line:col lookups. */
#include "srcmap.h"

#include <stdint.h>
#include <stdlib.h>

#include "utf8.h"
#include "xmalloc.h"

void
srcmap_init(struct srcmap *m, const char *text, size_t len)
{
	size_t cap = 64;

	m->text = text;
	m->len = len;
	m->starts = xreallocarray(NULL, cap, sizeof *m->starts);
	m->starts[0] = 0;
	m->nlines = 1;
	for (size_t i = 0; i < len; i++) {
		if (text[i] != '\n')
			continue;
		if (m->nlines == cap) {
			cap *= 2;
			m->starts = xreallocarray(m->starts, cap,
			    sizeof *m->starts);
		}
		m->starts[m->nlines++] = i + 1;
	}
}

void
srcmap_release(struct srcmap *m)
{
	free(m->starts);
	m->starts = NULL;
	m->nlines = 0;
}

int
srcmap_line(const struct srcmap *m, size_t off)
{
	size_t lo = 0, hi = m->nlines;

	if (off > m->len)
		off = m->len;
	/* Last line whose start is <= off. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo + 1 > INT32_MAX ? INT32_MAX : (int)(lo + 1);
}

struct srcpos
srcmap_pos(const struct srcmap *m, const char *file, size_t off)
{
	int line = srcmap_line(m, off);
	size_t start = m->starts[line - 1];

	if (off > m->len)
		off = m->len;
	return srcpos_at(file, line,
	    (int)utf8_count(m->text + start, off - start) + 1);
}

size_t
srcmap_line_start(const struct srcmap *m, int line)
{
	if (line < 1)
		return 0;
	if ((size_t)line > m->nlines)
		return m->len;
	return m->starts[line - 1];
}

size_t
srcmap_line_len(const struct srcmap *m, int line)
{
	size_t start = srcmap_line_start(m, line);
	size_t end = (size_t)line < m->nlines && line >= 1 ?
	    m->starts[line] - 1 : m->len;

	return end > start ? end - start : 0;
}

bool
srcmap_offset(const struct srcmap *m, const char *p, size_t *off)
{
	/* Compare as integers: md4c's synthesised strings live elsewhere. */
	uintptr_t a = (uintptr_t)p, b = (uintptr_t)m->text;

	if (a < b || a > b + m->len)
		return false;
	*off = (size_t)(a - b);
	return true;
}
