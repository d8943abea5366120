/* extract: figures in running prose — where each may start, whether it is
 * one, the sentence around it, and the CSV row that reports it. */
#include "extract.h"

#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numfmt.h"
#include "strbuf.h"
#include "utf8.h"
#include "xmalloc.h"

#define EXTRACT_FILE_MAX ((size_t)64 << 20)
#define NFC_CHUNK 4096		/* bytes normalised at a time, about */

struct span {
	size_t start;
	size_t end;
};

/* The text being read: its NFC form, where figures are looked for, and
 * the lines of the original, which columns are counted in. */
struct source {
	const char *file;
	const char *orig;
	char *s;		/* NFC */
	size_t len;
	enum lang lang;
	size_t nlines;
	size_t *orig_lines;	/* byte offset of each line in orig */
	size_t *nfc_lines;	/* and in s: NFC keeps every '\n' */
	struct span *sents;
	size_t nsents;
	size_t capsents;
};

void
extract_list_init(struct extract_list *l)
{
	memset(l, 0, sizeof *l);
}

void
extract_list_release(struct extract_list *l)
{
	for (size_t i = 0; i < l->count; i++) {
		free(l->items[i].text);
		free(l->items[i].context);
	}
	free(l->items);
	extract_list_init(l);
}

static struct extract_item *
list_push(struct extract_list *l)
{
	if (l->count == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->items = xreallocarray(l->items, l->cap, sizeof *l->items);
	}
	memset(&l->items[l->count], 0, sizeof l->items[0]);
	return &l->items[l->count++];
}

/* NFC of valid text[0..len), in pieces: GLib's normaliser slows down
 * quadratically on long input (5 MB took minutes).  Cutting just before an
 * ASCII character changes nothing, since no character composes with one
 * that comes before it.  Caller frees. */
static char *
nfc_chunked(const char *text, size_t len)
{
	struct strbuf sb;
	size_t p = 0;

	strbuf_init(&sb, 0);
	strbuf_add(&sb, "", 0);
	while (p < len) {
		size_t q = len - p > NFC_CHUNK ? p + NFC_CHUNK : len;
		char *n;
		while (q < len && (unsigned char)text[q] >= 0x80)
			q++;
		n = utf8_nfc(text + p, q - p);
		strbuf_puts(&sb, n);
		free(n);
		p = q;
	}
	return strbuf_detach(&sb);
}

static bool
is_vi_letter(gunichar c)
{
	gunichar l = g_unichar_tolower(c);

	return (l >= 0x1EA0 && l <= 0x1EF9) || l == 0x103 || l == 0xE2 ||
	    l == 0x111 || l == 0xEA || l == 0xF4 || l == 0x1A1 || l == 0x1B0;
}

enum lang
extract_guess_lang(const char *text, size_t len)
{
	size_t letters = 0, vi = 0, n;
	char *nfc = nfc_chunked(text, len);
	size_t nlen = strlen(nfc);

	for (size_t p = 0; p < nlen; p += n) {
		uint32_t c = utf8_decode(nfc + p, nlen - p, &n);
		if (g_unichar_isalpha(c)) {
			letters++;
			vi += is_vi_letter(c);
		}
	}
	free(nfc);
	return letters > 0 && vi * 20 >= letters ? LANG_VI : LANG_EN;
}

/* Line and column (code points) of byte offset at in text. */
static void
text_position(const char *text, size_t at, int *line, int *col)
{
	size_t start = 0;

	*line = 1;
	for (size_t i = 0; i < at; i++)
		if (text[i] == '\n') {
			(*line)++;
			start = i + 1;
		}
	*col = (int)utf8_count(text + start, at - start) + 1;
}

static size_t *
line_starts(const char *s, size_t len, size_t *count)
{
	size_t n = 1, *v;

	for (size_t i = 0; i < len; i++)
		n += s[i] == '\n';
	v = xreallocarray(NULL, n, sizeof *v);
	*count = n;
	v[0] = 0;
	n = 1;
	for (size_t i = 0; i < len; i++)
		if (s[i] == '\n')
			v[n++] = i + 1;
	return v;
}


/* Line and column in the original of NFC offset at. */
static void
source_position(const struct source *src, size_t at, int *line, int *col)
{
	size_t lo = 0, hi = src->nlines, l, olen;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (src->nfc_lines[mid] <= at)
			lo = mid;
		else
			hi = mid;
	}
	l = lo;
	olen = (l + 1 < src->nlines ? src->orig_lines[l + 1] - 1 :
	    strlen(src->orig + src->orig_lines[l])) - src->orig_lines[l];
	*line = (int)l + 1;
	*col = utf8_orig_column(src->orig + src->orig_lines[l], olen,
	    (int)utf8_count(src->s + src->nfc_lines[l],
	    at - src->nfc_lines[l]) + 1);
}

/* --- sentences ------------------------------------------------------- */

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void
sentence_close(struct source *src, size_t start, size_t end)
{
	while (start < end && is_blank(src->s[start]))
		start++;
	while (end > start && is_blank(src->s[end - 1]))
		end--;
	if (start == end)
		return;
	if (src->nsents == src->capsents) {
		src->capsents = src->capsents ? src->capsents * 2 : 32;
		src->sents = xreallocarray(src->sents, src->capsents,
		    sizeof *src->sents);
	}
	src->sents[src->nsents].start = start;
	src->sents[src->nsents++].end = end;
}

enum line_kind {
	LINE_TEXT,		/* goes on with the sentence before it */
	LINE_BLANK,		/* ends a paragraph */
	LINE_BLOCK,		/* list item or quote: a new sentence */
	LINE_SINGLE,		/* heading or table row: a sentence alone */
};

/* What the line at at starts; *content is where its words begin. */
static enum line_kind
line_kind(const struct source *src, size_t at, size_t *content)
{
	const char *s = src->s;
	size_t p = at, end = src->len, d;

	while (p < end && (s[p] == ' ' || s[p] == '\t'))
		p++;
	*content = p;
	if (p >= end || s[p] == '\n' || s[p] == '\r')
		return LINE_BLANK;
	if (s[p] == '#' || s[p] == '|') {
		while (p < end && s[p] == '#')
			p++;
		*content = p;
		return LINE_SINGLE;
	}
	for (d = 0; p + d < end && s[p + d] >= '0' && s[p + d] <= '9'; d++)
		;
	if (d > 0 && d < 10 && p + d < end && (s[p + d] == '.' ||
	    s[p + d] == ')') && p + d + 1 < end && s[p + d + 1] == ' ') {
		*content = p + d + 1;
		return LINE_BLOCK;
	}
	if (strchr("-*+>", s[p]) && p + 1 < end && s[p + 1] == ' ') {
		*content = p + 1;
		return LINE_BLOCK;
	}
	return LINE_TEXT;
}

/* Whether the '.' at p ends an abbreviation ("No. 1", "U.S. revenue")
 * rather than a sentence. */
static bool
abbreviation(const struct source *src, size_t p)
{
	static const char *const words[] = { "No", "Mr", "Mrs", "Ms", "Dr",
	    "vs", "e.g", "i.e", "approx", "St", "TP", "Tp" };
	const char *s = src->s;
	size_t w = p;

	while (w > 0 && !is_blank(s[w - 1]) && !strchr("([\"'", s[w - 1]))
		w--;
	if (p - w == 1 && s[w] >= 'A' && s[w] <= 'Z')
		return true;	/* an initial */
	if (p - w == 3 && s[w + 1] == '.' && s[w + 2] >= 'A' &&
	    s[w + 2] <= 'Z')
		return true;	/* "U.S" */
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i]) == p - w &&
		    strncmp(s + w, words[i], p - w) == 0)
			return true;
	return false;
}

/* Length of a sentence terminator at p with the closing quotes and
 * brackets after it, when white space or the end follows; else 0. */
static size_t
terminator(const struct source *src, size_t p)
{
	const char *s = src->s;
	size_t e = p;

	if (s[p] == '.' || s[p] == '!' || s[p] == '?')
		e = p + 1;
	else if (strncmp(s + p, "…", strlen("…")) == 0)
		e = p + strlen("…");
	else
		return 0;
	if (s[p] == '.' && abbreviation(src, p))
		return 0;
	while (e < src->len && strchr("\"')]*_", s[e]) && s[e] != '\0')
		e++;
	while (e + 3 <= src->len && (strncmp(s + e, "”", 3) == 0 ||
	    strncmp(s + e, "’", 3) == 0))
		e += 3;
	return e >= src->len || is_blank(s[e]) ? e - p : 0;
}

static void
sentences_find(struct source *src)
{
	size_t cur = 0, p = 0, content, t;
	bool single = false;

	while (p < src->len) {
		if (p == 0 || src->s[p - 1] == '\n') {
			enum line_kind k = line_kind(src, p, &content);
			if (single || k != LINE_TEXT) {
				sentence_close(src, cur, p);
				cur = content;
				p = content;
			}
			single = k == LINE_SINGLE;
			if (p >= src->len)
				break;
		}
		if ((t = terminator(src, p)) > 0) {
			sentence_close(src, cur, p + t);
			cur = p += t;
			continue;
		}
		p++;
	}
	sentence_close(src, cur, src->len);
}

/* The sentence that holds offset at, or NULL. */
static const struct span *
sentence_at(const struct source *src, size_t at)
{
	size_t lo = 0, hi = src->nsents;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (src->sents[mid].end <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < src->nsents && src->sents[lo].start <= at)
		return &src->sents[lo];
	return NULL;
}

/* s[start..end) with each run of white space as one space. */
static char *
collapse(const char *s, size_t start, size_t end)
{
	struct strbuf sb;
	bool space = false;

	strbuf_init(&sb, 0);
	strbuf_add(&sb, "", 0);
	for (size_t i = start; i < end; i++) {
		if (is_blank(s[i])) {
			space = true;
			continue;
		}
		if (space && sb.len > 0)
			strbuf_putc(&sb, ' ');
		space = false;
		strbuf_putc(&sb, s[i]);
	}
	return strbuf_detach(&sb);
}

/* --- figures --------------------------------------------------------- */

/* The character before offset at. */
static uint32_t
char_before(const struct source *src, size_t at)
{
	size_t p = at, n;

	if (at == 0)
		return 0;
	do
		p--;
	while (p > 0 && ((unsigned char)src->s[p] & 0xC0) == 0x80);
	return utf8_decode(src->s + p, at - p, &n);
}

/* Where a figure may start: after white space, an opening bracket or
 * quote, or Markdown emphasis — not in a word, after '/' or a dash. */
static bool
may_start(const struct source *src, size_t at)
{
	uint32_t c = char_before(src, at);

	if (at == 0)
		return true;
	if (c < 0x80)
		return is_blank((char)c) || strchr("([{\"'*_", (int)c);
	return g_unichar_isspace(c) || c == 0xA0 || c == 0x201C ||
	    c == 0x2018 || c == 0xAB;
}

/* Whether the word before at holds a digit: "3.1" in "Llama 3.1 405B". */
static bool
prev_word_has_digit(const struct source *src, size_t at)
{
	size_t p = at;
	bool digit = false;

	while (p > 0 && (src->s[p - 1] == ' ' || src->s[p - 1] == '\t'))
		p--;
	while (p > 0 && !is_blank(src->s[p - 1])) {
		p--;
		digit |= src->s[p] >= '0' && src->s[p] <= '9';
	}
	return digit;
}

static bool
qualifies(const struct source *src, size_t at, const struct figure *f,
    const struct figure_span *sp)
{
	bool money = figure_unit_is_currency(f->unit);
	bool pct = strcmp(f->unit, "%") == 0;

	if (!money && !pct && f->scale == 0)
		return false;	/* a count, a year, a list number */
	if (sp->abbrev && !money && !pct && prev_word_has_digit(src, at))
		return false;	/* a model size */
	return true;
}

static void
record(struct source *src, size_t start, size_t end, const struct figure *f,
    bool other, struct extract_list *out, struct diags *d)
{
	struct extract_item *it = list_push(out);
	const struct span *sent = sentence_at(src, start);

	source_position(src, start, &it->line, &it->col);
	it->text = collapse(src->s, start, end);
	it->fig = *f;
	it->other_lang = other;
	it->context = sent ? collapse(src->s, sent->start, sent->end) :
	    xstrdup(it->text);
	if (other) {
		char *v = numfmt_plain(f->value, f->decimals - f->scale);
		diag_warning(d, srcpos_at(src->file, it->line, it->col),
		    "\"%s\" does not follow the %s separators; read as %s "
		    "(%s)", it->text, src->lang == LANG_VI ? "Vietnamese" :
		    "English", src->lang == LANG_VI ? "English" :
		    "Vietnamese", v);
		free(v);
	}
}

/* The figure starting at at, if there is one; *end is where it stops. */
static bool
try_figure(struct source *src, size_t at, struct extract_list *out,
    struct diags *d, size_t *end)
{
	enum lang other = src->lang == LANG_VI ? LANG_EN : LANG_VI;
	struct figure f;
	struct figure_span sp;
	struct figure_error e;
	const char *s = src->s + at;
	size_t n = src->len - at;
	bool swapped = false;

	if (!figure_scan(s, n, src->lang, FIGURE_PROSE, &f, &sp, &e)) {
		if (!e.convention || !figure_scan(s, n, other, FIGURE_PROSE,
		    &f, &sp, &e))
			return false;
		swapped = true;
	}
	if (!qualifies(src, at + sp.start, &f, &sp))
		return false;
	record(src, at + sp.start, at + sp.end, &f, swapped, out, d);
	*end = at + sp.end;
	return true;
}

static void
source_release(struct source *src)
{
	free(src->s);
	free(src->orig_lines);
	free(src->nfc_lines);
	free(src->sents);
}

bool
extract_text(const char *file, const char *text, size_t len,
    enum lang lang, struct extract_list *out, struct diags *d)
{
	struct source src = { .file = file, .lang = lang };
	size_t bad, n, nl;
	int line, col;

	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (!utf8_valid(text, len, &bad)) {
		text_position(text, bad, &line, &col);
		diag_error(d, srcpos_at(file, line, col), "%s",
		    text[bad] == '\0' ? "NUL byte in text" : "invalid UTF-8");
		return false;
	}
	src.orig = xstrndup(text, len);
	src.s = nfc_chunked(text, len);
	src.len = strlen(src.s);
	src.orig_lines = line_starts(src.orig, len, &src.nlines);
	src.nfc_lines = line_starts(src.s, src.len, &nl);
	sentences_find(&src);
	for (size_t p = 0; p < src.len; ) {
		uint32_t c = utf8_decode(src.s + p, src.len - p, &n);
		size_t end;
		if (!g_unichar_isspace(c) && may_start(&src, p) &&
		    try_figure(&src, p, out, d, &end) && end > p) {
			p = end;
			continue;
		}
		p += n;
	}
	free((char *)src.orig);
	source_release(&src);
	return true;
}

/* All of fp, at most EXTRACT_FILE_MAX bytes; NULL with an error. */
static char *
read_all(FILE *fp, const char *name, size_t *len, struct diags *d)
{
	struct strbuf sb;
	char buf[65536];
	size_t n;

	strbuf_init(&sb, EXTRACT_FILE_MAX);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		if (!strbuf_add(&sb, buf, n)) {
			diag_error(d, srcpos_at(name, 0, 0), "larger than "
			    "%zu MiB", EXTRACT_FILE_MAX >> 20);
			strbuf_release(&sb);
			return NULL;
		}
	if (ferror(fp)) {
		diag_error(d, srcpos_at(name, 0, 0), "cannot read: %s",
		    strerror(errno));
		strbuf_release(&sb);
		return NULL;
	}
	*len = sb.len;
	return sb.data ? strbuf_detach(&sb) : xstrdup("");
}

bool
extract_file(const char *path, const enum lang *lang,
    struct extract_list *out, struct diags *d)
{
	const char *name = path ? path : "<stdin>";
	FILE *fp = path ? fopen(path, "rb") : stdin;
	char *text;
	size_t len;
	bool ok;

	if (fp == NULL) {
		diag_error(d, srcpos_at(name, 0, 0), "cannot open: %s",
		    strerror(errno));
		return false;
	}
	text = read_all(fp, name, &len, d);
	if (path)
		fclose(fp);
	if (text == NULL)
		return false;
	ok = extract_text(name, text, len, lang ? *lang :
	    extract_guess_lang(text, utf8_valid(text, len, NULL) ? len : 0),
	    out, d);
	free(text);
	return ok;
}

static void
csv_field(struct strbuf *sb, const char *s)
{
	size_t n = strlen(s);
	bool quote = strpbrk(s, ",\"\r\n") != NULL ||
	    (n > 0 && (s[0] == ' ' || s[n - 1] == ' '));

	if (!quote) {
		strbuf_puts(sb, s);
		return;
	}
	strbuf_putc(sb, '"');
	for (; *s; s++) {
		if (*s == '"')
			strbuf_putc(sb, '"');
		strbuf_putc(sb, *s);
	}
	strbuf_putc(sb, '"');
}

char *
extract_csv_row(const struct extract_item *it)
{
	struct strbuf sb;
	char *v = numfmt_plain(it->fig.value,
	    it->fig.decimals - it->fig.scale);

	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "%d,%d,", it->line, it->col);
	csv_field(&sb, it->text);
	strbuf_putc(&sb, ',');
	csv_field(&sb, v);
	strbuf_putc(&sb, ',');
	csv_field(&sb, it->fig.unit);
	strbuf_printf(&sb, ",%s,", figure_bound_name(it->fig.bound));
	csv_field(&sb, it->context);
	strbuf_putc(&sb, '\n');
	free(v);
	return strbuf_detach(&sb);
}
