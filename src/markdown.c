/* markdown: md4c callbacks building the block tree.  md4c reports no
 * positions, but its text callbacks point into the source buffer, so each
 * block takes the line of its first text; blocks without text (rules, empty
 * items, fences) are found by scanning forward from the last text seen. */
#include "markdown.h"

#include <glib.h>
#include <limits.h>
#include <md4c.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "figure.h"
#include "strbuf.h"
#include "utf8.h"
#include "xmalloc.h"

/* GFM tables and strikethrough; task lists are left as text, raw HTML is
 * recognised so that it can be dropped rather than printed. */
#define MD_FLAGS (MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | \
    MD_FLAG_PERMISSIVEAUTOLINKS)

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
	bool html_warned;
};

/* A pipe table being read. */
struct mdtable {
	struct rich *cells;
	size_t ncells;
	size_t ncols;
	size_t nrows;
	size_t nheader;
	MD_ALIGN *md_align;	/* per column, from the header row */
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
static void *
md_grow(void *p, size_t n, size_t size)
{
	if (n == 0 || (n & (n - 1)) == 0)
		return xreallocarray(p, n ? n * 2 : 1, size);
	return p;
}

static struct mdframe *
md_top(struct mdctx *c)
{
	return &c->stack[c->depth - 1];
}

static int
md_abort(struct mdctx *c, int line, const char *msg)
{
	diag_error(c->d, srcpos_at(c->in->file, line, 0), "%s", msg);
	c->aborted = true;
	return -1;
}

/* --- positions ----------------------------------------------------------- */

static const char *
md_line_text(const struct mdctx *c, int line, size_t *len)
{
	*len = srcmap_line_len(c->in->map, line);
	return c->in->map->text + srcmap_line_start(c->in->map, line);
}

/* Every open block without a line yet starts at line. */
static void
md_locate(struct mdctx *c, int line)
{
	for (size_t i = c->depth; i-- > 1 && c->stack[i].b.line == 0;)
		c->stack[i].b.line = line;
}

/* Blocks after line start on the next line at the earliest. */
static void
md_advance(struct mdctx *c, int line)
{
	size_t next = srcmap_line_start(c->in->map, line + 1);

	if (next > c->cursor)
		c->cursor = next;
}

static void
md_saw(struct mdctx *c, size_t off)
{
	int line = srcmap_line(c->in->map, off);

	md_locate(c, line);
	md_advance(c, line);
	c->last_line = line;
}

static bool
md_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '>')
			return false;
	return true;
}

/* Line of a block that has no text: the first non-blank line at the
 * cursor (or the last line). */
static int
md_estimate(const struct mdctx *c)
{
	int line = srcmap_line(c->in->map, c->cursor);
	int last = (int)c->in->map->nlines;
	size_t n;

	for (; line < last; line++) {
		const char *s = md_line_text(c, line, &n);
		if (!md_blank(s, n))
			break;
	}
	return line;
}

/* Is s[0..n) a thematic break: three or more of one of -*_ and blanks? */
static bool
md_is_rule(const char *s, size_t n)
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
md_strip(const char *s, size_t *n, bool markers)
{
	size_t i = 0;

	while (i < *n && (s[i] == ' ' || s[i] == '\t' || s[i] == '>'))
		i++;
	if (markers && i + 1 < *n && strchr("-*+", s[i]) && s[i + 1] == ' ')
		i += 2;
	*n -= i;
	return s + i;
}

static int
md_find_rule(const struct mdctx *c)
{
	int line = md_estimate(c);
	int last = (int)c->in->map->nlines;

	for (int l = line; l <= last; l++) {
		size_t n, m;
		const char *s = md_line_text(c, l, &n);
		const char *t;
		m = n;
		t = md_strip(s, &m, false);
		if (md_is_rule(t, m))
			return l;
		m = n;
		t = md_strip(s, &m, true);
		if (md_is_rule(t, m))
			return l;
	}
	return line;
}

/* Offset of three fence characters on line, or SIZE_MAX. */
static size_t
md_fence_at(const struct mdctx *c, int line, char fence)
{
	size_t n;
	const char *s = md_line_text(c, line, &n);
	const char run[4] = { fence, fence, fence, '\0' };
	const char *p = g_strstr_len(s, (gssize)n, run);

	return p ? (size_t)(p - c->in->map->text) : SIZE_MAX;
}

/* The opening fence of a code block without an info string in the
 * source: the first line at the cursor holding three fence characters. */
static int
md_find_fence(const struct mdctx *c, char fence)
{
	int line = srcmap_line(c->in->map, c->cursor);
	int last = (int)c->in->map->nlines;

	for (int l = line; l <= last; l++)
		if (md_fence_at(c, l, fence) != SIZE_MAX)
			return l;
	return md_estimate(c);
}

/* Is s[0..n) a setext underline: '=' or '-' only, then blanks? */
static bool
md_is_underline(const char *s, size_t n)
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
md_unclosed(struct mdctx *c, const struct mdframe *f)
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
static void
md_skip_closing(struct mdctx *c, const struct mdframe *f)
{
	int line = srcmap_line(c->in->map, c->cursor);
	size_t n, m;
	const char *s, *h;

	if (f->type == MD_BLOCK_CODE && f->fence_char) {
		if (md_fence_at(c, line, f->fence_char) != SIZE_MAX)
			md_advance(c, line);
		else
			md_unclosed(c, f);
	}
	if (f->type != MD_BLOCK_H || f->b.line == 0)
		return;
	h = md_line_text(c, f->b.line, &m);
	h = md_strip(h, &m, true);
	s = md_line_text(c, line, &n);
	s = md_strip(s, &n, false);
	if (m && h[0] != '#' && md_is_underline(s, n))
		md_advance(c, line);
}

/* --- leaf text ----------------------------------------------------------- */

static void
md_leaf_begin(struct mdctx *c)
{
	memset(&c->leaf, 0, sizeof c->leaf);
	strbuf_init(&c->leaf.text, MARKDOWN_MAX_TEXT);
}

static void
md_leaf_release(struct mdleaf *l)
{
	strbuf_release(&l->text);
	for (size_t i = 0; i < l->nspans; i++)
		free(l->spans[i].href);
	free(l->spans);
	free(l->chunks);
	free(l->shift);
	memset(l, 0, sizeof *l);
}

static unsigned
md_style(const struct mdctx *c)
{
	return (c->bold ? SPAN_BOLD : 0) | (c->italic ? SPAN_ITALIC : 0) |
	    (c->code ? SPAN_CODE : 0) | (c->link ? SPAN_LINK : 0) |
	    (c->strike ? SPAN_STRIKE : 0);
}

static bool
md_same_href(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

/* Extend the last span or start one for text [start, end). */
static void
md_span(struct mdctx *c, size_t start, size_t end)
{
	struct mdleaf *l = &c->leaf;
	unsigned style = md_style(c);
	const char *href = c->link ? c->href : NULL;
	struct span *last = l->nspans ? &l->spans[l->nspans - 1] : NULL;

	if (style == 0 || start == end)
		return;
	if (last && last->end == start && last->style == style &&
	    md_same_href(last->href, href)) {
		last->end = end;
		return;
	}
	l->spans = md_grow(l->spans, l->nspans, sizeof *l->spans);
	l->spans[l->nspans++] = (struct span){ start, end, style,
	    href ? xstrdup(href) : NULL };
}

/* Append s[0..n) to the leaf; src is its source offset or SIZE_MAX. */
static int
md_append(struct mdctx *c, const char *s, size_t n, size_t src)
{
	struct mdleaf *l = &c->leaf;
	size_t start = l->text.len;

	if (!strbuf_add(&l->text, s, n))
		return md_abort(c, md_top(c)->b.line, "a block longer than the "
		    "limit of 1 MiB of text");
	for (const char *nl = s; (nl = memchr(nl, '\n', (size_t)(s + n -
	    nl))) != NULL; nl++)
		l->breaks++;
	/* Pango's layout iterator is quadratic in the lines of one layout:
	 * 40,000 lines of one code block took 12 s to lay out. */
	if (l->breaks >= MARKDOWN_MAX_LINES)
		return md_abort(c, md_top(c)->b.line, "a block of more than "
		    "5000 lines (the limit)");
	if (src != SIZE_MAX) {
		l->chunks = md_grow(l->chunks, l->nchunks, sizeof *l->chunks);
		l->chunks[l->nchunks++] = (struct mdchunk){ start, src, n };
	}
	md_span(c, start, l->text.len);
	return 0;
}

/* The few named entities prose uses; others stay as written. */
static uint32_t
md_named_entity(const char *name, size_t n)
{
	static const struct {
		const char *name;
		uint32_t cp;
	} tab[] = {
		{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
		{ "apos", '\'' }, { "nbsp", 0xA0 }, { "ndash", 0x2013 },
		{ "mdash", 0x2014 }, { "hellip", 0x2026 }, { "copy", 0xA9 },
		{ "reg", 0xAE }, { "trade", 0x2122 }, { "laquo", 0xAB },
		{ "raquo", 0xBB }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 },
		{ "ldquo", 0x201C }, { "rdquo", 0x201D }, { "bull", 0x2022 },
		{ "middot", 0xB7 }, { "times", 0xD7 }, { "divide", 0xF7 },
		{ "deg", 0xB0 }, { "euro", 0x20AC }, { "pound", 0xA3 },
		{ "yen", 0xA5 }, { "cent", 0xA2 }, { "sect", 0xA7 },
		{ "para", 0xB6 }, { "shy", 0xAD }, { "thinsp", 0x2009 },
		{ "ensp", 0x2002 }, { "emsp", 0x2003 }, { "minus", 0x2212 },
		{ "plusmn", 0xB1 }, { "asymp", 0x2248 }, { "le", 0x2264 },
		{ "ge", 0x2265 }, { "larr", 0x2190 }, { "rarr", 0x2192 },
	};

	for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if (strlen(tab[i].name) == n &&
		    memcmp(tab[i].name, name, n) == 0)
			return tab[i].cp;
	return 0;
}

/* "&amp;", "&#233;", "&#xE9;" as UTF-8 into out (8 bytes); 0 when the
 * entity is not known. */
static size_t
md_entity(const char *s, size_t n, char *out)
{
	uint32_t cp = 0;

	if (n < 3 || s[0] != '&' || s[n - 1] != ';')
		return 0;
	if (s[1] == '#') {
		bool hex = s[2] == 'x' || s[2] == 'X';
		for (size_t i = hex ? 3 : 2; i < n - 1 && cp <= 0x10FFFF; i++)
			cp = cp * (hex ? 16 : 10) +
			    (uint32_t)g_ascii_xdigit_value(s[i]);
		/* CommonMark: 0 and what is no scalar value become U+FFFD;
		 * so do noncharacters, which Cairo refuses (utf8.h). */
		if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ||
		    (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
			cp = 0xFFFD;
	} else {
		cp = md_named_entity(s + 1, n - 2);
	}
	return cp ? utf8_encode(cp, out) : 0;
}

/* An attribute (a link's href) as one string; caller frees. */
static char *
md_attr(const MD_ATTRIBUTE *a)
{
	struct strbuf sb;

	strbuf_init(&sb, 0);
	strbuf_add(&sb, "", 0);
	for (unsigned i = 0; a->substr_offsets &&
	    a->substr_offsets[i] < a->size; i++) {
		const char *s = a->text + a->substr_offsets[i];
		size_t n = a->substr_offsets[i + 1] - a->substr_offsets[i];
		char buf[8];
		size_t k;
		if (a->substr_types[i] == MD_TEXT_NULLCHAR)
			strbuf_puts(&sb, "\xef\xbf\xbd");
		else if (a->substr_types[i] == MD_TEXT_ENTITY &&
		    (k = md_entity(s, n, buf)) > 0)
			strbuf_add(&sb, buf, k);
		else
			strbuf_add(&sb, s, n);
	}
	return strbuf_detach(&sb);
}

/* Raw HTML is not printed: <br> is a line break, comments vanish, the
 * rest is dropped with one warning a block. */
static int
md_html(struct mdctx *c, const char *s, size_t n, size_t src)
{
	if (n >= 3 && g_ascii_strncasecmp(s, "<br", 3) == 0)
		return md_append(c, "\n", 1, SIZE_MAX);
	if ((n >= 4 && memcmp(s, "<!--", 4) == 0) || c->leaf.html_warned)
		return 0;
	c->leaf.html_warned = true;
	diag_warning(c->d, src != SIZE_MAX ?
	    srcmap_pos(c->in->map, c->in->file, src) :
	    srcpos_at(c->in->file, c->last_line, 0),
	    "raw HTML is not rendered");
	return 0;
}

/* Code block text: remember per content line how many report columns
 * precede it, so YAML columns of a spec map back to the report. */
static int
md_code_text(struct mdctx *c, const char *s, size_t n, size_t src)
{
	struct mdleaf *l = &c->leaf;

	if (src == SIZE_MAX && n == 1 && s[0] == '\n') {
		l->cur++;
		l->line_chars = 0;
		return md_append(c, s, n, src);
	}
	if (src != SIZE_MAX) {
		struct srcpos p = srcmap_pos(c->in->map, c->in->file, src);
		if (l->nshift <= l->cur) {
			l->shift = xreallocarray(l->shift, l->cur + 1,
			    sizeof *l->shift);
			while (l->nshift <= l->cur)
				l->shift[l->nshift++] = INT_MIN;
		}
		if (l->shift[l->cur] == INT_MIN)
			l->shift[l->cur] = p.col - 1 - (int)l->line_chars;
	}
	l->line_chars += utf8_count(s, n);
	return md_append(c, s, n, src);
}

/* --- {{references}} ------------------------------------------------------ */

/* One substitution: old text [old_start, old_end) became [new_start,
 * new_end) of the new text. */
struct mdrepl {
	size_t old_start, old_end;
	size_t new_start, new_end;
};

/* Source offset of leaf text offset at, when it was copied verbatim. */
static bool
md_source_of(const struct mdleaf *l, size_t at, size_t *src)
{
	size_t lo = 0, hi = l->nchunks;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct mdchunk *k = &l->chunks[mid];
		if (at < k->text_off)
			hi = mid;
		else if (at >= k->text_off + k->len)
			lo = mid + 1;
		else {
			*src = k->src_off + (at - k->text_off);
			return true;
		}
	}
	return false;
}

static bool
md_in_code(const struct mdleaf *l, size_t at)
{
	size_t lo = 0, hi = l->nspans;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct span *s = &l->spans[mid];
		if (at < s->start)
			hi = mid;
		else if (at >= s->end)
			lo = mid + 1;
		else
			return (s->style & SPAN_CODE) != 0;
	}
	return false;
}

/* "\{{" is a literal "{{": an odd run of backslashes before it. */
static bool
md_escaped(const struct mdctx *c, size_t src)
{
	size_t n = 0;

	while (n < src && c->in->map->text[src - n - 1] == '\\')
		n++;
	return n % 2 == 1;
}

/* Where offset o of the old text went: inside a replacement, to its start
 * (or end, for a span's end). */
static size_t
md_remap(const struct mdrepl *r, size_t n, size_t o, bool end)
{
	size_t moved = o;

	for (size_t i = 0; i < n; i++) {
		if (o >= r[i].old_end)
			moved = o - r[i].old_end + r[i].new_end;
		else if (o > r[i].old_start)
			return end ? r[i].new_end : r[i].new_start;
		else
			break;
	}
	return moved;
}

static void
md_remap_spans(struct mdleaf *l, const struct mdrepl *r, size_t n)
{
	size_t kept = 0;

	for (size_t i = 0; i < l->nspans; i++) {
		struct span s = l->spans[i];
		s.start = md_remap(r, n, s.start, false);
		s.end = md_remap(r, n, s.end, true);
		if (s.start < s.end)
			l->spans[kept++] = s;
		else
			free(s.href);
	}
	l->nspans = kept;
}

/* The reference text for {{inner}} at leaf offset at, or NULL. */
static char *
md_ref_one(struct mdctx *c, size_t at, const char *inner, size_t n)
{
	size_t src;
	struct srcpos pos;
	char *in = xstrndup(inner, n), *r;

	if (md_source_of(&c->leaf, at, &src))
		pos = srcmap_pos(c->in->map, c->in->file, src);
	else
		pos = srcpos_at(c->in->file, md_top(c)->b.line, 0);
	r = c->h->ref(c->h->ctx, in, pos, c->d);
	free(in);
	return r;
}

/* Is {{ at leaf offset at a reference (not code, not escaped)? */
static bool
md_ref_start(struct mdctx *c, size_t at)
{
	size_t src;

	if (md_in_code(&c->leaf, at))
		return false;
	return !md_source_of(&c->leaf, at, &src) || !md_escaped(c, src);
}

/* Replace each {{...}} of the leaf by what the ref hook makes of it. */
static int
md_refs(struct mdctx *c)
{
	struct mdleaf *l = &c->leaf;
	const char *s = strbuf_str(&l->text), *p = s, *end;
	struct mdrepl *reps = NULL;
	size_t nreps = 0, copied = 0;
	struct strbuf out;
	bool ok = true;

	if (c->h->ref == NULL || strstr(s, "{{") == NULL)
		return 0;
	strbuf_init(&out, MARKDOWN_MAX_TEXT);
	while (ok && (p = strstr(p, "{{")) != NULL) {
		size_t at = (size_t)(p - s);
		char *r;
		if (!md_ref_start(c, at) || (end = strstr(p + 2, "}}")) == NULL) {
			p += 2;
			continue;
		}
		r = md_ref_one(c, at, p + 2, (size_t)(end - p - 2));
		p = end + 2;
		if (r == NULL)
			continue;
		reps = md_grow(reps, nreps, sizeof *reps);
		reps[nreps].old_start = at;
		reps[nreps].old_end = (size_t)(p - s);
		ok = strbuf_add(&out, s + copied, at - copied);
		reps[nreps].new_start = out.len;
		ok = ok && strbuf_puts(&out, r);
		reps[nreps++].new_end = out.len;
		copied = (size_t)(p - s);
		free(r);
	}
	if (ok && nreps) {
		ok = strbuf_add(&out, s + copied, l->text.len - copied);
		md_remap_spans(l, reps, nreps);
		strbuf_release(&l->text);
		l->text = out;
	} else {
		strbuf_release(&out);
	}
	free(reps);
	return ok ? 0 : md_abort(c, md_top(c)->b.line, "a block longer than "
	    "the limit of 1 MiB of text");
}

/* --- blocks -------------------------------------------------------------- */

static struct mdframe *
md_push(struct mdctx *c, MD_BLOCKTYPE type, enum block_kind kind)
{
	struct mdframe *f;

	c->stack = md_grow(c->stack, c->depth, sizeof *c->stack);
	f = &c->stack[c->depth++];
	memset(f, 0, sizeof *f);
	f->type = type;
	f->b.kind = kind;
	return f;
}

/* Add b to the innermost frame that holds blocks. */
static void
md_attach(struct mdctx *c, const struct block *b)
{
	size_t i = c->depth;
	struct block *p;

	while (i-- > 1 && c->stack[i].transparent)
		;
	p = &c->stack[i].b;
	p->children = md_grow(p->children, p->nchildren, sizeof *p->children);
	p->children[p->nchildren++] = *b;
}

/* Pop the top frame, keeping its block when keep. */
static void
md_pop(struct mdctx *c, bool keep)
{
	struct mdframe *f = md_top(c);
	struct block b = f->b;

	c->depth--;
	if (keep && !f->transparent && !f->skip)
		md_attach(c, &b);
	else
		block_release(&b);
}

/* Move the leaf's text and spans into r. */
static void
md_leaf_to(struct mdctx *c, struct rich *r)
{
	struct mdleaf *l = &c->leaf;

	r->text = l->text.len ? strbuf_detach(&l->text) : xstrdup("");
	r->spans = l->spans;
	r->nspans = l->nspans;
	l->spans = NULL;
	l->nspans = 0;
	md_leaf_release(l);
}

/* A unique id for a heading: its slug, then slug-2, slug-3 .... */
static char *
md_heading_id(struct mdctx *c, const char *text)
{
	char *base = markdown_slug(text), *id;
	gpointer next;
	int n;

	if (!g_hash_table_lookup_extended(c->ids, base, NULL, &next)) {
		g_hash_table_insert(c->ids, xstrdup(base), GINT_TO_POINTER(2));
		return base;
	}
	/* The value remembers the next suffix, so many equal headings stay
	 * linear. */
	for (n = GPOINTER_TO_INT(next);; n++) {
		id = xasprintf("%s-%d", base, n);
		if (!g_hash_table_contains(c->ids, id))
			break;
		free(id);
	}
	g_hash_table_insert(c->ids, xstrdup(base), GINT_TO_POINTER(n + 1));
	g_hash_table_insert(c->ids, xstrdup(id), GINT_TO_POINTER(2));
	free(base);
	return id;
}

static bool
md_is_figure(const char *s, enum lang lang)
{
	struct figure f;
	struct figure_error e;

	return figure_parse(s, lang, &f, &e);
}

/* A column without an alignment marker is right-aligned when every
 * non-empty body cell is a figure. */
static enum cell_align
md_column_align(const struct mdtable *t, size_t col, enum lang lang)
{
	size_t filled = 0;

	switch (t->md_align[col]) {
	case MD_ALIGN_LEFT:
		return CELL_LEFT;
	case MD_ALIGN_CENTER:
		return CELL_CENTER;
	case MD_ALIGN_RIGHT:
		return CELL_RIGHT;
	default:
		break;
	}
	for (size_t r = t->nheader; r < t->nrows; r++) {
		const char *s = t->cells[r * t->ncols + col].text;
		if (s[strspn(s, " ")] == '\0')
			continue;
		if (!md_is_figure(s, lang))
			return CELL_LEFT;
		filled++;
	}
	return filled ? CELL_RIGHT : CELL_LEFT;
}

static void
md_table_cell(struct mdctx *c, struct mdtable *t)
{
	size_t row_cells = t->ncells - t->nrows * t->ncols;
	struct rich r = { 0 };

	md_leaf_to(c, &r);
	/* md4c pads short rows and cuts long ones; be safe anyway. */
	if (row_cells >= t->ncols) {
		rich_release(&r);
		return;
	}
	t->cells = md_grow(t->cells, t->ncells, sizeof *t->cells);
	t->cells[t->ncells++] = r;
}

static void
md_table_row(struct mdtable *t)
{
	while (t->ncells < (t->nrows + 1) * t->ncols) {
		t->cells = md_grow(t->cells, t->ncells, sizeof *t->cells);
		t->cells[t->ncells++] = (struct rich){ xstrdup(""), NULL, 0 };
	}
	t->nrows++;
	if (t->in_head)
		t->nheader++;
}

static void
md_table_finish(struct mdctx *c, struct mdframe *f)
{
	struct mdtable *t = f->tab;
	struct doc_table *dt = xcalloc(1, sizeof *dt);

	dt->ncols = t->ncols;
	dt->nrows = t->nrows;
	dt->nheader = t->nheader;
	dt->cells = t->cells;
	dt->align = xcalloc(t->ncols ? t->ncols : 1, sizeof *dt->align);
	for (size_t col = 0; col < t->ncols; col++)
		dt->align[col] = md_column_align(t, col, c->in->lang);
	f->b.table = dt;
	free(t->md_align);
	free(t);
	f->tab = NULL;
}

/* The report position of the YAML of a spec block. */
static void
md_spec_origin(const struct mdframe *f, const struct mdleaf *l,
    struct spec_origin *o)
{
	int known = 0;

	for (size_t i = 0; i < l->nshift; i++)
		if (l->shift[i] != INT_MIN) {
			known = l->shift[i];
			break;
		}
	/* Blank lines have no text to measure: they take a neighbour's. */
	for (size_t i = 0; i < l->nshift; i++) {
		if (l->shift[i] == INT_MIN)
			l->shift[i] = known;
		known = l->shift[i];
	}
	o->file = f->fence.file;
	o->line = f->fence.line + 1;
	o->shift = l->shift;
	o->nshift = l->nshift;
	o->fence = f->fence;
}

/* A code block: verbatim text, or a chart/table spec for the hook. */
static bool
md_code_finish(struct mdctx *c, struct mdframe *f)
{
	struct spec_origin o;
	int *shift;
	bool ok;

	md_spec_origin(f, &c->leaf, &o);
	shift = c->leaf.shift;
	c->leaf.shift = NULL;
	md_leaf_to(c, &f->b.text);
	/* md4c ends every line with '\n'; the block does not end with one. */
	if (f->b.text.text[0]) {
		size_t n = strlen(f->b.text.text);
		if (f->b.text.text[n - 1] == '\n')
			f->b.text.text[n - 1] = '\0';
	}
	if (f->spec == MDSPEC_NONE || c->h->fence == NULL) {
		free(shift);
		return true;
	}
	ok = c->h->fence(c->h->ctx, f->spec == MDSPEC_CHART ? "chart" :
	    "table", f->b.text.text, strlen(f->b.text.text), &o, &f->b, c->d);
	rich_release(&f->b.text);
	free(shift);
	return ok;
}

/* --- md4c callbacks ------------------------------------------------------ */

/* Close the implicit paragraph of a tight list item. */
static int
md_close_implicit(struct mdctx *c)
{
	if (c->depth < 2 || !md_top(c)->implicit)
		return 0;
	if (md_refs(c) != 0)
		return -1;
	md_leaf_to(c, &md_top(c)->b.text);
	md_pop(c, true);
	return 0;
}

static int
md_count(struct mdctx *c)
{
	if (++c->nblocks > MARKDOWN_MAX_BLOCKS)
		return md_abort(c, md_estimate(c), "more than 100000 blocks "
		    "and table cells in one report");
	return 0;
}

static int
md_nest(struct mdctx *c)
{
	if (++c->nesting > MARKDOWN_MAX_DEPTH)
		return md_abort(c, md_estimate(c), "lists and block quotes "
		    "nested more than 32 levels deep");
	return 0;
}

/* A fenced block: its fence line, and whether it is a spec. */
static void
md_enter_code(struct mdctx *c, struct mdframe *f,
    const MD_BLOCK_CODE_DETAIL *det)
{
	size_t off, at;
	int line;

	md_leaf_begin(c);
	f->fence_char = det->fence_char;
	if (!det->fence_char)
		return;
	if (det->info.size && srcmap_offset(c->in->map, det->info.text, &off))
		line = srcmap_line(c->in->map, off);
	else
		line = md_find_fence(c, det->fence_char);
	at = md_fence_at(c, line, det->fence_char);
	f->fence = at == SIZE_MAX ? srcpos_at(c->in->file, line, 1) :
	    srcmap_pos(c->in->map, c->in->file, at);
	md_locate(c, line);
	md_advance(c, line);
	if (det->lang.size == 5 && memcmp(det->lang.text, "chart", 5) == 0)
		f->spec = MDSPEC_CHART;
	if (det->lang.size == 5 && memcmp(det->lang.text, "table", 5) == 0)
		f->spec = MDSPEC_TABLE;
}

static void
md_enter_table(struct mdctx *c, struct mdframe *f,
    const MD_BLOCK_TABLE_DETAIL *det)
{
	(void)c;
	f->tab = xcalloc(1, sizeof *f->tab);
	f->tab->ncols = det->col_count;
	f->tab->md_align = xcalloc(det->col_count ? det->col_count : 1,
	    sizeof *f->tab->md_align);
}

/* The table frame nearest the top (cells and rows belong to it). */
static struct mdtable *
md_table(struct mdctx *c)
{
	for (size_t i = c->depth; i-- > 1;)
		if (c->stack[i].tab)
			return c->stack[i].tab;
	return NULL;
}

static void
md_enter_cell(struct mdctx *c, const MD_BLOCK_TD_DETAIL *det)
{
	struct mdtable *t = md_table(c);
	size_t col = t->ncells - t->nrows * t->ncols;

	if (t->nrows == 0 && col < t->ncols)
		t->md_align[col] = det->align;
	md_leaf_begin(c);
}

static int
md_enter_block(MD_BLOCKTYPE type, void *detail, void *u)
{
	struct mdctx *c = u;
	struct mdframe *f;

	if (type == MD_BLOCK_DOC)
		return 0;
	if (md_close_implicit(c) != 0 || md_count(c) != 0)
		return -1;
	f = md_push(c, type, BLOCK_PARAGRAPH);
	switch (type) {
	case MD_BLOCK_QUOTE:
		f->b.kind = BLOCK_QUOTE;
		return md_nest(c);
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		f->b.kind = BLOCK_LIST;
		f->b.level = ++c->lists;
		f->b.ordered = type == MD_BLOCK_OL;
		if (f->b.ordered) {
			unsigned start = ((MD_BLOCK_OL_DETAIL *)detail)->start;
			f->b.start = start > INT_MAX ? INT_MAX : (int)start;
		}
		return md_nest(c);
	case MD_BLOCK_LI:
		f->b.kind = BLOCK_ITEM;
		f->b.level = c->lists;
		break;
	case MD_BLOCK_HR:
		f->b.kind = BLOCK_RULE;
		break;
	case MD_BLOCK_H: {
		unsigned level = ((MD_BLOCK_H_DETAIL *)detail)->level;
		f->b.kind = BLOCK_HEADING;
		f->b.level = level > 3 ? 3 : (int)level;
		md_leaf_begin(c);
		break;
	}
	case MD_BLOCK_CODE:
		f->b.kind = BLOCK_CODE;
		md_enter_code(c, f, detail);
		break;
	case MD_BLOCK_HTML:
		f->skip = true;
		break;
	case MD_BLOCK_P:
		md_leaf_begin(c);
		break;
	case MD_BLOCK_TABLE:
		f->b.kind = BLOCK_TABLE;
		md_enter_table(c, f, detail);
		break;
	case MD_BLOCK_THEAD:
		md_table(c)->in_head = true;
		f->transparent = true;
		break;
	case MD_BLOCK_TBODY:
	case MD_BLOCK_TR:
		f->transparent = true;
		break;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		f->transparent = true;
		md_enter_cell(c, detail);
		break;
	default:
		break;
	}
	return 0;
}

/* A block that ended without text gets a line by looking for it. */
static void
md_locate_textless(struct mdctx *c, struct mdframe *f)
{
	int line;

	if (f->b.line != 0 || f->skip || f->transparent)
		return;
	line = f->type == MD_BLOCK_HR ? md_find_rule(c) : md_estimate(c);
	md_locate(c, line);
	md_advance(c, line);
}

/* Finish the top block of type; false drops it. */
static bool
md_finish(struct mdctx *c, struct mdframe *f, MD_BLOCKTYPE type)
{
	switch (type) {
	case MD_BLOCK_H:
		md_leaf_to(c, &f->b.text);
		f->b.id = md_heading_id(c, f->b.text.text);
		break;
	case MD_BLOCK_P:
		md_leaf_to(c, &f->b.text);
		break;
	case MD_BLOCK_CODE:
		return md_code_finish(c, f);
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		md_table_cell(c, md_table(c));
		break;
	case MD_BLOCK_TR:
		md_table_row(md_table(c));
		break;
	case MD_BLOCK_THEAD:
		md_table(c)->in_head = false;
		break;
	case MD_BLOCK_TABLE:
		md_table_finish(c, f);
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		c->lists--;
		c->nesting--;
		break;
	case MD_BLOCK_QUOTE:
		c->nesting--;
		break;
	default:
		break;
	}
	return true;
}

static int
md_leave_block(MD_BLOCKTYPE type, void *detail, void *u)
{
	struct mdctx *c = u;
	struct mdframe *f;
	bool keep;

	(void)detail;
	if (type == MD_BLOCK_DOC || md_close_implicit(c) != 0)
		return c->aborted ? -1 : 0;
	f = md_top(c);
	md_locate_textless(c, f);
	if ((type == MD_BLOCK_H || type == MD_BLOCK_P || type == MD_BLOCK_TH ||
	    type == MD_BLOCK_TD) && md_refs(c) != 0)
		return -1;
	md_skip_closing(c, f);
	keep = md_finish(c, f, type);
	md_pop(c, keep);
	return 0;
}

static int
md_enter_span(MD_SPANTYPE type, void *detail, void *u)
{
	struct mdctx *c = u;

	switch (type) {
	case MD_SPAN_EM:
		c->italic++;
		break;
	case MD_SPAN_STRONG:
		c->bold++;
		break;
	case MD_SPAN_CODE:
		c->code++;
		break;
	case MD_SPAN_DEL:
		c->strike++;
		break;
	case MD_SPAN_A:
		/* Links do not nest in CommonMark. */
		free(c->href);
		c->href = md_attr(&((MD_SPAN_A_DETAIL *)detail)->href);
		c->link++;
		break;
	case MD_SPAN_IMG:
		if (c->image++ == 0)
			diag_warning(c->d, srcpos_at(c->in->file,
			    md_top(c)->b.line ? md_top(c)->b.line :
			    md_estimate(c), 0), "images are not supported; "
			    "their description is printed instead");
		break;
	default:
		break;
	}
	return 0;
}

static int
md_leave_span(MD_SPANTYPE type, void *detail, void *u)
{
	struct mdctx *c = u;

	(void)detail;
	switch (type) {
	case MD_SPAN_EM:
		c->italic--;
		break;
	case MD_SPAN_STRONG:
		c->bold--;
		break;
	case MD_SPAN_CODE:
		c->code--;
		break;
	case MD_SPAN_DEL:
		c->strike--;
		break;
	case MD_SPAN_A:
		/* They do nest in md4c (an autolink inside a link in a table
		 * row): the inner one has taken the href already. */
		if (c->href && c->href[0] == '#') {
			c->links = md_grow(c->links, c->nlinks,
			    sizeof *c->links);
			c->links[c->nlinks++] = (struct mdlink){
			    xstrdup(c->href + 1), c->last_line };
		}
		free(c->href);
		c->href = NULL;
		c->link--;
		break;
	case MD_SPAN_IMG:
		c->image--;
		break;
	default:
		break;
	}
	return 0;
}

static int
md_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *u)
{
	struct mdctx *c = u;
	size_t off = SIZE_MAX;
	char buf[8];
	size_t n;

	if (md_top(c)->type == MD_BLOCK_LI) {
		md_push(c, MD_BLOCK_P, BLOCK_PARAGRAPH)->implicit = true;
		md_leaf_begin(c);
	}
	if (!srcmap_offset(c->in->map, text, &off))
		off = SIZE_MAX;
	else
		md_saw(c, off);
	if (md_top(c)->skip) {
		/* One warning an HTML block; comments are silent.  What md4c
		 * makes up (indentation, newlines) is not in the source: it
		 * has no line and says nothing about the block. */
		if (off == SIZE_MAX)
			return 0;
		if (!md_top(c)->warned && !(size >= 4 &&
		    memcmp(text, "<!--", 4) == 0))
			diag_warning(c->d, srcpos_at(c->in->file,
			    md_top(c)->b.line, 0), "raw HTML is not rendered");
		md_top(c)->warned = true;
		return 0;
	}
	switch (type) {
	case MD_TEXT_NULLCHAR:
		return md_append(c, "\xef\xbf\xbd", 3, SIZE_MAX);
	case MD_TEXT_BR:
		return md_append(c, "\n", 1, SIZE_MAX);
	case MD_TEXT_SOFTBR:
		return md_append(c, " ", 1, SIZE_MAX);
	case MD_TEXT_ENTITY:
		n = md_entity(text, size, buf);
		return n ? md_append(c, buf, n, SIZE_MAX) :
		    md_append(c, text, size, off);
	case MD_TEXT_HTML:
		return md_html(c, text, size, off);
	case MD_TEXT_CODE:
		if (md_top(c)->type == MD_BLOCK_CODE)
			return md_code_text(c, text, size, off);
		return md_append(c, text, size, off);
	default:
		return md_append(c, text, size, off);
	}
}

/* --- the parse ----------------------------------------------------------- */

/* A link to "#id" that no heading has is worth a warning. */
static void
md_check_links(struct mdctx *c)
{
	for (size_t i = 0; i < c->nlinks; i++) {
		if (!g_hash_table_contains(c->ids, c->links[i].id))
			diag_warning(c->d, srcpos_at(c->in->file,
			    c->links[i].line, 0), "link to #%s: no heading "
			    "has this id", c->links[i].id);
		free(c->links[i].id);
	}
	free(c->links);
}

static void
md_release(struct mdctx *c)
{
	while (c->depth > 0) {
		struct mdframe *f = &c->stack[--c->depth];
		if (f->tab) {
			for (size_t i = 0; i < f->tab->ncells; i++)
				rich_release(&f->tab->cells[i]);
			free(f->tab->cells);
			free(f->tab->md_align);
			free(f->tab);
		}
		block_release(&f->b);
	}
	free(c->stack);
	md_leaf_release(&c->leaf);
	free(c->href);
	g_hash_table_destroy(c->ids);
}

bool
markdown_parse(const struct markdown_input *in,
    const struct markdown_hooks *h, struct block **blocks, size_t *nblocks,
    struct diags *d)
{
	MD_PARSER p = {
		0, MD_FLAGS, md_enter_block, md_leave_block, md_enter_span,
		md_leave_span, md_text, NULL, NULL,
	};
	struct mdctx c;
	const struct srcmap *m = in->map;
	int rc;

	memset(&c, 0, sizeof c);
	c.in = in;
	c.h = h;
	c.d = d;
	c.cursor = in->body_start;
	c.last_line = srcmap_line(m, in->body_start);
	c.ids = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
	md_push(&c, MD_BLOCK_DOC, BLOCK_QUOTE);
	md_leaf_begin(&c);
	rc = md_parse(m->text + in->body_start,
	    (MD_SIZE)(m->len - in->body_start), &p, &c);
	if (rc != 0 && !c.aborted)
		diag_error(d, srcpos_at(in->file, 0, 0), "the Markdown parser "
		    "failed");
	md_check_links(&c);
	*blocks = NULL;
	*nblocks = 0;
	if (rc == 0) {
		*blocks = c.stack[0].b.children;
		*nblocks = c.stack[0].b.nchildren;
		c.stack[0].b.children = NULL;
		c.stack[0].b.nchildren = 0;
	}
	md_release(&c);
	return rc == 0;
}

/* Latin letters with their diacritics removed (NFD, marks dropped), and
 * đ, which has no decomposition. */
static void
md_slug_char(struct strbuf *sb, gunichar ch, bool *dash)
{
	char buf[8];

	if (ch == 0x0111 || ch == 0x0110)
		ch = 'd';
	ch = g_unichar_tolower(ch);
	if (g_unichar_ismark(ch))
		return;
	if (!g_unichar_isalnum(ch)) {
		*dash = sb->len > 0;
		return;
	}
	if (*dash)
		strbuf_putc(sb, '-');
	*dash = false;
	strbuf_add(sb, buf, (size_t)g_unichar_to_utf8(ch, buf));
}

char *
markdown_slug(const char *text)
{
	gchar *nfd = g_utf8_normalize(text, -1, G_NORMALIZE_NFD);
	struct strbuf sb;
	bool dash = false;
	char *r;

	/* A slug longer than this is no help as an anchor. */
	strbuf_init(&sb, 0);
	for (const gchar *p = nfd ? nfd : ""; *p && sb.len < 80;
	    p = g_utf8_next_char(p))
		md_slug_char(&sb, g_utf8_get_char(p), &dash);
	g_free(nfd);
	if (sb.len == 0)
		return xstrdup("section");
	r = utf8_nfc(sb.data, sb.len);
	strbuf_release(&sb);
	return r;
}
