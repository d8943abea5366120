/* extract: figures in running prose — where each may start, whether it is
 * one, the sentence around it, and the CSV row that reports it. */
#include "extract.h"

#include <errno.h>
#include <glib.h>
#include <math.h>
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
	    "vs", "e.g", "i.e", "approx", "St", "TP", "Tp", "Jan", "Feb",
	    "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
	    "Dec" };
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

/* Whether the next word after at, on the same line or the next, starts
 * with a lower-case letter. */
static bool
lower_follows(const struct source *src, size_t at)
{
	size_t p = at, n;
	int newlines = 0;

	while (p < src->len && is_blank(src->s[p]))
		if (src->s[p++] == '\n' && ++newlines > 1)
			return false;	/* a paragraph ends */
	return p < src->len && g_unichar_islower(utf8_decode(src->s + p,
	    src->len - p, &n));
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
	if (e < src->len && !is_blank(s[e]))
		return 0;
	/* A sentence starts with a capital: after "Corp. reported" or "Tp.
	 * hồ" the one before goes on. */
	if (s[p] == '.' && lower_follows(src, e))
		return 0;
	return e - p;
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

/* Whether the word before at holds a digit: "3.1" in "Llama 3.1 405B".
 * A word that ends a clause ("$5m, 5 mln") names nothing. */
static bool
prev_word_has_digit(const struct source *src, size_t at)
{
	size_t p = at;
	bool digit = false;

	while (p > 0 && (src->s[p - 1] == ' ' || src->s[p - 1] == '\t'))
		p--;
	if (p > 0 && strchr(",;:)", src->s[p - 1]))
		return false;
	while (p > 0 && !is_blank(src->s[p - 1])) {
		p--;
		digit |= src->s[p] >= '0' && src->s[p] <= '9';
	}
	return digit;
}

/* One reading of a figure: what it says, where it stands (offsets in
 * src->s) and whether it needed the other language's separators. */
struct reading {
	struct figure f;
	size_t start;
	size_t end;
	size_t number;
	bool abbrev;
	bool measure;
	bool swapped;
};

static bool
read_figure(const struct source *src, size_t at, struct reading *r)
{
	enum lang other = src->lang == LANG_VI ? LANG_EN : LANG_VI;
	struct figure_span sp;
	const char *s = src->s + at;
	size_t n = src->len - at;
	bool convention;

	r->swapped = false;
	if (!figure_find(s, n, src->lang, &r->f, &sp, &convention)) {
		if (!convention || !figure_find(s, n, other, &r->f, &sp,
		    &convention))
			return false;
		r->swapped = true;
	}
	r->start = at + sp.start;
	r->end = at + sp.end;
	r->number = at + sp.number;
	r->abbrev = sp.abbrev;
	r->measure = sp.measure;
	return true;
}

/* Whether the number was written grouped in thousands ("74,000",
 * "48.000"): a count worth reporting, which no year, list number, version
 * or phone number is. */
static bool
grouped(const struct source *src, const struct reading *r)
{
	enum lang l = r->swapped ? (src->lang == LANG_VI ? LANG_EN :
	    LANG_VI) : src->lang;
	size_t p = r->number, n;

	while (p < r->end) {
		uint32_t c = utf8_decode(src->s + p, r->end - p, &n);
		bool digit_next = p + n < r->end && src->s[p + n] >= '0' &&
		    src->s[p + n] <= '9';
		if (c >= '0' && c <= '9')
			;
		else if ((c == (uint32_t)lang_group_mark(l) || c == 0xA0 ||
		    c == 0x202F || c == 0x2009) && digit_next)
			return true;
		else
			break;
		p += n;
	}
	return false;
}

static bool
qualifies(const struct source *src, const struct reading *r)
{
	const struct figure *f = &r->f;
	bool money = figure_unit_is_currency(f->unit);
	bool pct = strcmp(f->unit, "%") == 0;

	if (!money && !pct && f->scale == 0 && !r->measure &&
	    !grouped(src, r))
		return false;	/* a count, a year, a list number */
	if (r->abbrev && !money && !pct && prev_word_has_digit(src, r->start))
		return false;	/* a model size */
	return true;
}

static void
record(struct source *src, size_t start, size_t end, const struct reading *r,
    int range, struct extract_list *out, struct diags *d)
{
	struct extract_item *it = list_push(out);
	const struct span *sent = sentence_at(src, start);
	const struct figure *f = &r->f;

	source_position(src, start, &it->line, &it->col);
	it->text = collapse(src->s, start, end);
	it->fig = *f;
	it->other_lang = r->swapped;
	it->range = range;
	it->context = sent ? collapse(src->s, sent->start, sent->end) :
	    xstrdup(it->text);
	if (r->swapped) {
		char *v = numfmt_plain(f->value, f->decimals - f->scale);
		diag_warning(d, srcpos_at(src->file, it->line, it->col),
		    "\"%s\" does not follow the %s separators; read as %s "
		    "(%s)", it->text, src->lang == LANG_VI ? "Vietnamese" :
		    "English", src->lang == LANG_VI ? "English" :
		    "Vietnamese", v);
		free(v);
	}
}

/* --- ranges ---------------------------------------------------------- */

enum range_kind {
	RANGE_DASH,		/* "5–6 triệu USD", "$5-6 million",
				 * "20 - 25%" */
	RANGE_WORD,		/* "3 đến 4 tỷ USD", "5 to 6 million" */
	RANGE_AND,		/* "between 5 and 6 million" */
	RANGE_CHANGE,		/* "tăng từ 3 lên 4 tỷ USD": two figures */
};

/* Bytes of spaces (and one line break) at at. */
static size_t
gap_len(const struct source *src, size_t at)
{
	size_t p = at;
	bool newline = false;

	while (p < src->len && (src->s[p] == ' ' || src->s[p] == '\t' ||
	    (src->s[p] == '\n' && !newline))) {
		newline |= src->s[p] == '\n';
		p++;
	}
	return p - at;
}

/* The word at at, ASCII case ignored, as a whole word; its length or 0. */
static size_t
word_at(const struct source *src, size_t at, const char *w)
{
	size_t n = strlen(w);

	if (at + n > src->len || g_ascii_strncasecmp(src->s + at, w, n) != 0)
		return 0;
	return at + n == src->len || is_blank(src->s[at + n]) ? n : 0;
}

/* Whether a letter stands at at. */
static bool
starts_word(const struct source *src, size_t at)
{
	size_t n;

	return g_unichar_isalpha(utf8_decode(src->s + at, src->len - at, &n));
}

/* What joins a range at at, and the bytes up to the second number. */
static size_t
range_connector(const struct source *src, size_t at, enum range_kind *kind)
{
	static const char *const words[] = { "to", "đến", "tới", "and",
	    "lên", "xuống" };
	size_t p = at + gap_len(src, at), n = 0;

	if (p < src->len && src->s[p] == '-')
		n = 1;
	else if (strncmp(src->s + p, "–", strlen("–")) == 0)
		n = strlen("–");
	if (n > 0) {
		*kind = RANGE_DASH;
		return p + n + gap_len(src, p + n) - at;
	}
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (p > at && (n = word_at(src, p, words[i])) > 0) {
			*kind = i == 3 ? RANGE_AND : i > 3 ? RANGE_CHANGE :
			    RANGE_WORD;
			return p + n + gap_len(src, p + n) - at;
		}
	return 0;
}

/* The word before at that opens a range ("between", "từ"), with *start
 * set to it; NULL when there is none. */
static const char *
range_intro(const struct source *src, size_t at, size_t *start)
{
	static const char *const words[] = { "between", "giữa", "from",
	    "từ" };
	size_t p = at;

	while (p > 0 && (src->s[p - 1] == ' ' || src->s[p - 1] == '\t'))
		p--;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t n = strlen(words[i]);
		if (p >= n && word_at(src, p - n, words[i]) == n &&
		    (p == n || !g_unichar_isalnum(char_before(src, p - n)))) {
			*start = p - n;
			return words[i];
		}
	}
	return NULL;
}

enum join {
	JOIN_NONE,		/* two figures, or one and a number */
	JOIN_RANGE,		/* lo and hi are the two ends of one figure */
	JOIN_AMBIGUOUS,		/* "$900 to $1.2 billion": 900 of what? */
};

/* Whether lo and hi are the ends of one range: each takes the unit,
 * scale and sign written once for both, after hi or before lo ("5–6
 * triệu USD", "$5-6 million", "giảm 5–6%"), and lo must not exceed hi.
 * A word joins ends that share something ("3 đến 4 tỷ USD"), not two
 * whole figures ("from $3bn to $4bn" is a change).  A scale is shared
 * only when that keeps lo below hi (for a change, within ten times hi);
 * else lo must be a number written out ("500,000 and 6 million"), or it
 * is ambiguous.  A change ("từ 5 xuống 4 tỷ") keeps its order and
 * bounds. */
static enum join
range_join(const struct source *src, struct reading *lo, struct reading *hi,
    enum range_kind kind)
{
	bool shares = false;

	if (lo->f.unit[0] == '\0' && hi->f.unit[0] != '\0') {
		strcpy(lo->f.unit, hi->f.unit);
		shares = true;
	} else if (hi->f.unit[0] == '\0' && lo->f.unit[0] != '\0') {
		strcpy(hi->f.unit, lo->f.unit);	/* "$5-6 million" */
		shares = true;
	} else if (strcmp(lo->f.unit, hi->f.unit) != 0) {
		return JOIN_NONE;
	}
	if (lo->f.scale == 0 && hi->f.scale > 0) {
		double v = lo->f.value * pow(10, hi->f.scale);
		if (kind == RANGE_CHANGE ? fabs(v) <= 10 * fabs(hi->f.value) &&
		    10 * fabs(v) >= fabs(hi->f.value) :
		    fabs(v) <= fabs(hi->f.value)) {
			lo->f.value = v;
			lo->f.scale = hi->f.scale;
			shares = true;
		} else if (!grouped(src, lo)) {
			return JOIN_AMBIGUOUS;
		}
	}
	if (kind == RANGE_CHANGE)	/* may fall: no order */
		return shares ? JOIN_RANGE : JOIN_NONE;
	if (lo->f.value < 0 && hi->f.value > 0)
		hi->f.value = -hi->f.value;	/* "giảm 5–6%": -5 to -6 */
	if (lo->f.value > hi->f.value) {
		struct figure t = lo->f;
		if (hi->f.value >= 0)
			return JOIN_NONE;	/* "2024 – 5 tỷ" */
		lo->f = hi->f;		/* the lower end first: -6, -5 */
		hi->f = t;
	}
	return kind == RANGE_WORD && !shares ? JOIN_NONE : JOIN_RANGE;
}

/* A range starting with the reading lo: both ends recorded, lower bound
 * first, each with the whole range as its text.  When lo cannot be told
 * apart, hi alone is.  False when no range starts there. */
static bool
try_range(struct source *src, struct reading *lo, struct extract_list *out,
    struct diags *d, size_t *end)
{
	struct reading hi;
	enum range_kind kind = RANGE_DASH;
	enum join j;
	size_t c = range_connector(src, lo->end, &kind), start = lo->start;
	const char *intro = range_intro(src, lo->start, &start);
	size_t at = lo->end + c;

	/* The second end starts with its number or currency sign, not a
	 * word: "5% – tăng 6%" are two figures. */
	if (c == 0 || at >= src->len || !(g_ascii_isdigit(src->s[at]) ||
	    !starts_word(src, at)) || !read_figure(src, at, &hi))
		return false;
	if (kind == RANGE_AND && (intro == NULL || (strcmp(intro, "between")
	    != 0 && strcmp(intro, "giữa") != 0)))
		return false;
	/* hi qualifies with what it shares: "€1-2bn" is money. */
	j = range_join(src, lo, &hi, kind);
	if (j == JOIN_NONE || !qualifies(src, &hi))
		return false;
	if (j == JOIN_AMBIGUOUS) {
		record(src, hi.start, hi.end, &hi, 0, out, d);
		*end = hi.end;
		return true;
	}
	if (kind == RANGE_DASH)
		start = lo->start;	/* "từ" belongs to "từ 5 đến 6" */
	if (kind != RANGE_CHANGE) {
		lo->f.bound = FIGURE_MIN;
		hi.f.bound = FIGURE_MAX;
	}
	record(src, start, hi.end, lo, kind == RANGE_CHANGE ? 0 : -1, out, d);
	record(src, start, hi.end, &hi, kind == RANGE_CHANGE ? 0 : 1, out, d);
	*end = hi.end;
	return true;
}

/* The figure (or range) starting at at, if there is one; *end is where it
 * stops. */
static bool
try_figure(struct source *src, size_t at, struct extract_list *out,
    struct diags *d, size_t *end)
{
	struct reading r, lo;

	if (!read_figure(src, at, &r))
		return false;
	lo = r;
	if (try_range(src, &lo, out, d, end))
		return true;
	if (!qualifies(src, &r))
		return false;
	record(src, r.start, r.end, &r, 0, out, d);
	*end = r.end;
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
