/* markdown-text: the text of leaf blocks — styled runs, entities, raw
 * HTML, code lines with their columns — and the {{references}} replaced in
 * it, and heading slugs. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "markdown-int.h"
#include "utf8.h"

/* --- leaf text ----------------------------------------------------------- */

void
markdown_text_begin(struct mdctx *c)
{
	memset(&c->leaf, 0, sizeof c->leaf);
	strbuf_init(&c->leaf.text, MARKDOWN_MAX_TEXT);
}

void
markdown_text_release(struct mdleaf *l)
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
mk_style(const struct mdctx *c)
{
	return (c->bold ? SPAN_BOLD : 0) | (c->italic ? SPAN_ITALIC : 0) |
	    (c->code ? SPAN_CODE : 0) | (c->link ? SPAN_LINK : 0) |
	    (c->strike ? SPAN_STRIKE : 0);
}

static bool
mk_same_href(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

/* Extend the last span or start one for text [start, end); false past
 * MARKDOWN_MAX_SPANS. */
static bool
mk_span(struct mdctx *c, size_t start, size_t end)
{
	struct mdleaf *l = &c->leaf;
	unsigned style = mk_style(c);
	const char *href = c->link ? c->href : NULL;
	struct span *last = l->nspans ? &l->spans[l->nspans - 1] : NULL;

	if (style == 0 || start == end)
		return true;
	if (last && last->end == start && last->style == style &&
	    mk_same_href(last->href, href)) {
		last->end = end;
		return true;
	}
	if (l->nspans >= MARKDOWN_MAX_SPANS)
		return false;
	l->spans = mk_grow(l->spans, l->nspans, sizeof *l->spans);
	l->spans[l->nspans++] = (struct span){ start, end, style,
	    href ? xstrdup(href) : NULL };
	return true;
}

static int
mk_line_too_long(struct mdctx *c)
{
	return markdown_abort(c, mk_top(c)->b.line, "a line of more than "
	    "32 KiB of text without a line break (the limit: Pango cannot "
	    "measure a longer one)");
}

/* Is a line of s[0..n) longer than MARKDOWN_MAX_LINE_TEXT? */
static bool
mk_has_long_line(const char *s, size_t n)
{
	size_t run = 0;

	for (size_t i = 0; i < n; i++) {
		run = s[i] == '\n' ? 0 : run + 1;
		if (run > MARKDOWN_MAX_LINE_TEXT)
			return true;
	}
	return false;
}

/* Append s[0..n) to the leaf; src is its source offset or SIZE_MAX. */
int
markdown_text_append(struct mdctx *c, const char *s, size_t n, size_t src)
{
	struct mdleaf *l = &c->leaf;
	size_t start = l->text.len;

	if (!strbuf_add(&l->text, s, n))
		return markdown_abort(c, mk_top(c)->b.line, "a block longer than the "
		    "limit of 1 MiB of text");
	l->line_bytes += n;
	for (const char *nl = s; (nl = memchr(nl, '\n', (size_t)(s + n -
	    nl))) != NULL; nl++) {
		l->breaks++;
		l->line_bytes = (size_t)(s + n - nl - 1);
	}
	if (l->line_bytes > MARKDOWN_MAX_LINE_TEXT &&
	    mk_top(c)->spec == MDSPEC_NONE)
		return mk_line_too_long(c);
	/* Pango's layout iterator is quadratic in the lines of one layout:
	 * 40,000 lines of one code block took 12 s to lay out.  A chart or
	 * table spec is never laid out and has its own byte limit. */
	if (l->breaks >= MARKDOWN_MAX_LINES && mk_top(c)->spec == MDSPEC_NONE)
		return markdown_abort(c, mk_top(c)->b.line, "a block of more "
		    "than 5000 lines (the limit)");
	if (src != SIZE_MAX) {
		l->chunks = mk_grow(l->chunks, l->nchunks, sizeof *l->chunks);
		l->chunks[l->nchunks++] = (struct mdchunk){ start, src, n };
	}
	if (!mk_span(c, start, l->text.len))
		return markdown_abort(c, mk_top(c)->b.line, "more than 10000 "
		    "links and styled runs in one block (the limit)");
	return 0;
}

/* The few named entities prose uses; others stay as written. */
static uint32_t
mk_named_entity(const char *name, size_t n)
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
size_t
markdown_text_entity(const char *s, size_t n, char *out)
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
		cp = mk_named_entity(s + 1, n - 2);
	}
	return cp ? utf8_encode(cp, out) : 0;
}

/* An attribute (a link's href) as one string; caller frees. */
char *
markdown_text_attr(const MD_ATTRIBUTE *a)
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
		    (k = markdown_text_entity(s, n, buf)) > 0)
			strbuf_add(&sb, buf, k);
		else
			strbuf_add(&sb, s, n);
	}
	return strbuf_detach(&sb);
}

/* Raw HTML is not printed: <br> is a line break, comments vanish, the
 * rest is dropped with one warning a block. */
int
markdown_text_html(struct mdctx *c, const char *s, size_t n, size_t src)
{
	if (n >= 3 && g_ascii_strncasecmp(s, "<br", 3) == 0)
		return markdown_text_append(c, "\n", 1, SIZE_MAX);
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
int
markdown_text_code(struct mdctx *c, const char *s, size_t n, size_t src)
{
	struct mdleaf *l = &c->leaf;

	if (src == SIZE_MAX && n == 1 && s[0] == '\n') {
		l->cur++;
		l->line_chars = 0;
		return markdown_text_append(c, s, n, src);
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
	return markdown_text_append(c, s, n, src);
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
mk_source_of(const struct mdleaf *l, size_t at, size_t *src)
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
mk_in_code(const struct mdleaf *l, size_t at)
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
mk_escaped(const struct mdctx *c, size_t src)
{
	size_t n = 0;

	while (n < src && c->in->map->text[src - n - 1] == '\\')
		n++;
	return n % 2 == 1;
}

/* Where offset o of the old text went: inside a replacement, to its start
 * (or end, for a span's end). */
static size_t
mk_remap(const struct mdrepl *r, size_t n, size_t o, bool end)
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
mk_remap_spans(struct mdleaf *l, const struct mdrepl *r, size_t n)
{
	size_t kept = 0;

	for (size_t i = 0; i < l->nspans; i++) {
		struct span s = l->spans[i];
		s.start = mk_remap(r, n, s.start, false);
		s.end = mk_remap(r, n, s.end, true);
		if (s.start < s.end)
			l->spans[kept++] = s;
		else
			free(s.href);
	}
	l->nspans = kept;
}

/* The reference text for {{inner}} at leaf offset at, or NULL. */
static char *
mk_ref_one(struct mdctx *c, size_t at, const char *inner, size_t n)
{
	size_t src;
	struct srcpos pos;
	char *in = xstrndup(inner, n), *r;

	if (mk_source_of(&c->leaf, at, &src))
		pos = srcmap_pos(c->in->map, c->in->file, src);
	else
		pos = srcpos_at(c->in->file, mk_top(c)->b.line, 0);
	r = c->h->ref(c->h->ctx, in, pos, c->d);
	free(in);
	return r;
}

/* Is {{ at leaf offset at a reference (not code, not escaped)? */
static bool
mk_ref_start(struct mdctx *c, size_t at)
{
	size_t src;

	if (mk_in_code(&c->leaf, at))
		return false;
	return !mk_source_of(&c->leaf, at, &src) || !mk_escaped(c, src);
}

/* Replace each {{...}} of the leaf by what the ref hook makes of it. */
int
markdown_text_refs(struct mdctx *c)
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
		if (!mk_ref_start(c, at) || (end = strstr(p + 2, "}}")) == NULL) {
			p += 2;
			continue;
		}
		r = mk_ref_one(c, at, p + 2, (size_t)(end - p - 2));
		p = end + 2;
		if (r == NULL)
			continue;
		reps = mk_grow(reps, nreps, sizeof *reps);
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
		mk_remap_spans(l, reps, nreps);
		strbuf_release(&l->text);
		l->text = out;
	} else {
		strbuf_release(&out);
	}
	free(reps);
	if (!ok)
		return markdown_abort(c, mk_top(c)->b.line, "a block longer "
		    "than the limit of 1 MiB of text");
	/* A figure is longer than the reference that names it. */
	return mk_has_long_line(l->text.data, l->text.len) ?
	    mk_line_too_long(c) : 0;
}

/* Latin letters with their diacritics removed (NFD, marks dropped), and
 * đ, which has no decomposition. */
static void
mk_slug_char(struct strbuf *sb, gunichar ch, bool *dash)
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
		mk_slug_char(&sb, g_utf8_get_char(p), &dash);
	g_free(nfd);
	if (sb.len == 0)
		return xstrdup("section");
	r = utf8_nfc(sb.data, sb.len);
	strbuf_release(&sb);
	return r;
}
