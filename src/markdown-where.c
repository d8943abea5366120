/* markdown-where: source lines for blocks md4c gives no text for — rules,
 * empty items, fences — found by scanning forward from the last text seen,
 * and the closing lines (setext underlines, fences) that are no blocks. */
#include <string.h>

#include "markdown-int.h"

/* --- positions ----------------------------------------------------------- */

static const char *
mk_line_text(const struct mdctx *c, int line, size_t *len)
{
	*len = srcmap_line_len(c->in->map, line);
	return c->in->map->text + srcmap_line_start(c->in->map, line);
}

/* Every open block without a line yet starts at line. */
void
markdown_where_locate(struct mdctx *c, int line)
{
	for (size_t i = c->depth; i-- > 1 && c->stack[i].b.line == 0;)
		c->stack[i].b.line = line;
}

/* Blocks after line start on the next line at the earliest. */
void
markdown_where_advance(struct mdctx *c, int line)
{
	size_t next = srcmap_line_start(c->in->map, line + 1);

	if (next > c->cursor)
		c->cursor = next;
}

void
markdown_where_saw(struct mdctx *c, size_t off)
{
	int line = srcmap_line(c->in->map, off);

	markdown_where_locate(c, line);
	markdown_where_advance(c, line);
	c->last_line = line;
}

static bool
mk_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '>')
			return false;
	return true;
}

/* Line of a block that has no text: the first non-blank line at the
 * cursor (or the last line). */
int
markdown_where_estimate(const struct mdctx *c)
{
	int line = srcmap_line(c->in->map, c->cursor);
	int last = (int)c->in->map->nlines;
	size_t n;

	for (; line < last; line++) {
		const char *s = mk_line_text(c, line, &n);
		if (!mk_blank(s, n))
			break;
	}
	return line;
}

/* Is s[0..n) a thematic break: three or more of one of -*_ and blanks? */
static bool
mk_is_rule(const char *s, size_t n)
{
	char mark = 0;
	int count = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t')
			continue;
		if (mark == 0 && (s[i] == '-' || s[i] == '*' || s[i] == '_'))
			mark = s[i];
		if (s[i] != mark)
			return false;
		count++;
	}
	return count >= 3;
}

/* The rest of a line after container marks ("> ", "- ", "1. "). */
static const char *
mk_strip(const char *s, size_t *n, bool markers)
{
	size_t i = 0;

	while (i < *n && (s[i] == ' ' || s[i] == '\t' || s[i] == '>'))
		i++;
	if (markers && i + 1 < *n && strchr("-*+", s[i]) && s[i + 1] == ' ')
		i += 2;
	*n -= i;
	return s + i;
}

int
markdown_where_find_rule(const struct mdctx *c)
{
	int line = markdown_where_estimate(c);
	int last = (int)c->in->map->nlines;

	for (int l = line; l <= last; l++) {
		size_t n, m;
		const char *s = mk_line_text(c, l, &n);
		const char *t;
		m = n;
		t = mk_strip(s, &m, false);
		if (mk_is_rule(t, m))
			return l;
		m = n;
		t = mk_strip(s, &m, true);
		if (mk_is_rule(t, m))
			return l;
	}
	return line;
}

/* Offset of three fence characters on line, or SIZE_MAX. */
size_t
markdown_where_fence_at(const struct mdctx *c, int line, char fence)
{
	size_t n;
	const char *s = mk_line_text(c, line, &n);
	const char run[4] = { fence, fence, fence, '\0' };
	const char *p = g_strstr_len(s, (gssize)n, run);

	return p ? (size_t)(p - c->in->map->text) : SIZE_MAX;
}

/* The opening fence of a code block without an info string in the
 * source: the first line at the cursor holding three fence characters. */
int
markdown_where_find_fence(const struct mdctx *c, char fence)
{
	int line = srcmap_line(c->in->map, c->cursor);
	int last = (int)c->in->map->nlines;

	for (int l = line; l <= last; l++)
		if (markdown_where_fence_at(c, l, fence) != SIZE_MAX)
			return l;
	return markdown_where_estimate(c);
}

/* Is s[0..n) a setext underline: '=' or '-' only, then blanks? */
static bool
mk_is_underline(const char *s, size_t n)
{
	size_t i = 0;

	if (n == 0 || (s[0] != '=' && s[0] != '-'))
		return false;
	while (i < n && s[i] == s[0])
		i++;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i == n;
}

/* A fence left open runs to the end of its container: for a spec that
 * swallows the text after it, so it is an error there. */
static void
mk_unclosed(struct mdctx *c, const struct mdframe *f)
{
	if (f->spec != MDSPEC_NONE)
		diag_error(c->d, f->fence, "this ```%s block is not closed",
		    f->spec == MDSPEC_CHART ? "chart" : "table");
	else
		diag_warning(c->d, f->fence, "this fenced code block is not "
		    "closed");
}

/* After a setext heading or a fenced block, its underline or closing
 * fence is no new block: move the cursor past it. */
void
markdown_where_skip_closing(struct mdctx *c, const struct mdframe *f)
{
	int line = srcmap_line(c->in->map, c->cursor);
	size_t n, m;
	const char *s, *h;

	if (f->type == MD_BLOCK_CODE && f->fence_char) {
		if (markdown_where_fence_at(c, line, f->fence_char) != SIZE_MAX)
			markdown_where_advance(c, line);
		else
			mk_unclosed(c, f);
	}
	if (f->type != MD_BLOCK_H || f->b.line == 0)
		return;
	h = mk_line_text(c, f->b.line, &m);
	h = mk_strip(h, &m, true);
	s = mk_line_text(c, line, &n);
	s = mk_strip(s, &n, false);
	if (m && h[0] != '#' && mk_is_underline(s, n))
		markdown_where_advance(c, line);
}

