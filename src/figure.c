/* figure: reading one human-written figure — bound and sign words, currency,
 * the number in its language's separators, scale word, unit. */
#include "figure.h"

#include <glib.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "utf8.h"
#include "xmalloc.h"

#define FIGURE_TEXT_MAX 1024	/* a longer cell is prose, not a figure */
#define NUMBER_DIGITS_MAX 40	/* 10^40 is no human figure; this cap is
				 * also what keeps the value finite */
#define MANT_DIGITS 19		/* what a uint64_t holds exactly */
#define RUN_MAX 96		/* longest number echoed back in a hint */

struct number {
	size_t start;		/* byte offset of the first digit */
	uint64_t mant;		/* significant digits */
	int exp10;		/* value = mant * 10^exp10 */
	int sig;		/* significant digits kept in mant */
	int digits;		/* all digits written */
	int decimals;		/* digits after the decimal mark */
};

struct scanner {
	const char *s;
	size_t len;
	size_t pos;
	enum lang lang;
	enum figure_mode mode;
	struct figure *out;
	struct figure_error *err;
	bool probing;		/* checking a hint: no hint of its own */
	bool quiet;		/* no one reads a failure's message: write none */
	bool bound_set;
	int sign;		/* 0 when none was written */
	const char *currency;	/* from a prefix ("$5"), or NULL */
	bool abbrev;
	bool measure;		/* the prose noun is a unit of measure */
	struct number num;
};

static uint32_t
peek(const struct scanner *sc, size_t at, size_t *n)
{
	if (at >= sc->len) {
		*n = 0;
		return 0;
	}
	return utf8_decode(sc->s + at, sc->len - at, n);
}

static bool
is_word_char(uint32_t c)
{
	return g_unichar_isalnum(c) || g_unichar_ismark(c);
}

static bool
is_hspace(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == 0xA0 ||
	    c == 0x202F || c == 0x2009;
}

/* NBSP, narrow NBSP and thin space always group thousands; a plain space
 * only in a cell, where nothing else can follow the number. */
static bool
is_group_space(const struct scanner *sc, uint32_t c)
{
	return c == 0xA0 || c == 0x202F || c == 0x2009 ||
	    (c == ' ' && sc->mode == FIGURE_CELL);
}

/* Bytes of space at at; in prose one line break (not a blank line) too,
 * since wrapped text may break a figure. */
static size_t
space_len(const struct scanner *sc, size_t at)
{
	size_t p = at, n;
	bool newline = false;

	for (;;) {
		uint32_t c = peek(sc, p, &n);
		if (n == 0)
			break;
		if (c == '\n' && sc->mode == FIGURE_PROSE && !newline)
			newline = true;
		else if (!is_hspace(c))
			break;
		p += n;
	}
	if (newline && p < sc->len && sc->s[p] == '\n')
		return 0;
	return p - at;
}

static size_t
digit_run(const struct scanner *sc, size_t at)
{
	size_t p = at;

	while (p < sc->len && sc->s[p] >= '0' && sc->s[p] <= '9')
		p++;
	return p - at;
}

/* Bytes of s at at that spell w (a space in w matches any run of spaces),
 * ignoring case unless LEXICON_CASE; 0 when they do not or when a word would go
 * on past it ("over" is not "overall", "M" is not "Mbps"). */
static size_t
match_word(const struct scanner *sc, size_t at,
    const struct lexicon_word *w)
{
	size_t p = at, i = 0, wl = strlen(w->text), n, m;
	uint32_t c = 0, wc = 0;

	while (i < wl) {
		wc = utf8_decode(w->text + i, wl - i, &m);
		i += m;
		if (wc == ' ') {
			if ((n = space_len(sc, p)) == 0)
				return 0;
			p += n;
			continue;
		}
		c = peek(sc, p, &n);
		if (n == 0)
			return 0;
		if (!(w->flags & LEXICON_CASE))
			c = g_unichar_tolower(c);
		if (c != wc)
			return 0;
		p += n;
	}
	if (is_word_char(wc) && is_word_char(peek(sc, p, &n)))
		return 0;
	return p - at;
}

/* The longest word of table t at at; *which gets it.  Prose tries every
 * word start against the prefix tables, so the character at at is decoded
 * once and a word whose first character differs is passed over, as
 * match_word would after its first comparison. */
static size_t
match_table(const struct scanner *sc, size_t at, const struct lexicon_word *t,
    size_t nt, const struct lexicon_word **which)
{
	char as[4], lower[4];
	size_t best = 0, m, nas, nlower;
	uint32_t c = peek(sc, at, &m);

	if (m == 0)
		return 0;
	/* The character as written and lower-cased, as UTF-8: a word's
	 * first bytes are compared with them rather than decoded (this
	 * loop is a third of extract's time). */
	nas = utf8_encode(c, as);
	nlower = utf8_encode(g_unichar_tolower(c), lower);
	for (size_t i = 0; i < nt; i++) {
		const char *w = t[i].text;
		bool exact = t[i].flags & LEXICON_CASE;
		const char *key = exact ? as : lower;
		size_t n;
		if (w[0] != ' ' && w[0] != '\0' && (w[0] != key[0] ||
		    strncmp(w, key, exact ? nas : nlower) != 0))
			continue;
		n = match_word(sc, at, &t[i]);
		if (n > best) {
			best = n;
			*which = &t[i];
		}
	}
	return best;
}

static int
char_col(const struct scanner *sc, size_t at)
{
	return (int)utf8_count(sc->s, at < sc->len ? at : sc->len) + 1;
}

static bool
fail(struct scanner *sc, size_t at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool
fail(struct scanner *sc, size_t at, const char *fmt, ...)
{
	va_list ap;

	if (sc->quiet)
		return false;
	sc->err->col = char_col(sc, at);
	va_start(ap, fmt);
	vsnprintf(sc->err->message, sizeof sc->err->message, fmt, ap);
	va_end(ap);
	return false;
}

/* A short quote of the text at at: up to the next space, at most 24 bytes,
 * cut on a character boundary. */
static int
quote_len(const struct scanner *sc, size_t at)
{
	size_t p = at, n;

	while (p < sc->len && p - at < 24) {
		uint32_t c = peek(sc, p, &n);
		if (is_hspace(c) || c == '\n' || p + n - at > 24)
			break;
		p += n;
	}
	return (int)(p - at);
}

static const char *
lang_name(enum lang l)
{
	return l == LANG_VI ? "Vietnamese" : "English";
}

static bool number_read(struct scanner *sc);

/* True when the digits and marks of buf read as one whole number in lang:
 * the test behind "this looks like an English number". */
static bool
number_valid(const char *buf, size_t len, enum lang lang)
{
	struct figure f;
	struct figure_error e;
	struct scanner sc = { .s = buf, .len = len, .lang = lang,
	    .mode = FIGURE_CELL, .out = &f, .err = &e, .probing = true,
	    .quiet = true };

	return number_read(&sc) && sc.pos == len;
}

/* Where the digits and marks of the number at start end: its separators
 * and the spaces that group it ("1 234,5") are part of it, a trailing
 * mark is not.  At most RUN_MAX - 1 bytes. */
static size_t
number_run_end(const struct scanner *sc, size_t start)
{
	size_t end = start, n, last = start;

	while (end < sc->len && end - start < RUN_MAX - 8) {
		uint32_t c = peek(sc, end, &n);
		if (c >= '0' && c <= '9')
			last = end + n;
		else if (c != '.' && c != ',' && !(is_group_space(sc, c) &&
		    digit_run(sc, end + n) > 0))
			break;
		end += n;
	}
	return last;
}

/* A separator error at at.  When the number, marks swapped, is valid in
 * this language, it was written in the other one: say so and show it
 * rewritten, rather than guess. */
static bool
number_fail(struct scanner *sc, size_t at, const char *what)
{
	char swapped[RUN_MAX];
	size_t start = sc->num.start, end = start;
	const char *s = sc->s;

	if (sc->probing)
		return false;
	end = number_run_end(sc, start);
	for (size_t i = start; i < end; i++)
		swapped[i - start] = s[i] == '.' ? ',' : s[i] == ',' ?
		    '.' : s[i];
	swapped[end - start] = '\0';
	if (!number_valid(swapped, end - start, sc->lang))
		return fail(sc, at, "%s", what);
	sc->err->convention = true;
	return fail(sc, at, "\"%.*s\" looks like %s number; %s figures "
	    "write decimals with '%c' and thousands with '%c': write \"%s\"",
	    (int)(end - start), s + start,
	    sc->lang == LANG_VI ? "an English" : "a Vietnamese",
	    lang_name(sc->lang), lang_decimal_mark(sc->lang),
	    lang_group_mark(sc->lang), swapped);
}

static void
number_add(struct number *num, const char *d, size_t n, bool fraction)
{
	for (size_t i = 0; i < n; i++) {
		num->digits++;
		if (num->sig < MANT_DIGITS) {
			if (num->mant > 0 || d[i] != '0')
				num->sig++;
			num->mant = num->mant * 10 + (uint64_t)(d[i] - '0');
			if (fraction)
				num->exp10--;
		} else if (!fraction) {
			num->exp10++;	/* a dropped integer digit */
		}
	}
}

/* One more group of thousands at p ("1.234" in vi), if one is there. */
static bool
number_group(struct scanner *sc, size_t *p, uint32_t *sep, size_t first,
    bool *more)
{
	size_t w, d;
	uint32_t c = peek(sc, *p, &w);
	bool mark = c == (uint32_t)lang_group_mark(sc->lang);
	char buf[96];

	*more = false;
	if (!mark && !is_group_space(sc, c))
		return true;
	d = digit_run(sc, *p + w);
	if (d == 0 || (!mark && d != 3))
		return true;	/* punctuation or a space after it */
	if (mark && d != 3) {
		snprintf(buf, sizeof buf, "'%c' groups thousands in %s "
		    "figures and must be followed by exactly three digits",
		    lang_group_mark(sc->lang), lang_name(sc->lang));
		return number_fail(sc, *p, buf);
	}
	if (*sep && *sep != c)
		return fail(sc, *p, "thousands are grouped with two "
		    "different separators");
	if (*sep == 0 && first > 3)
		return number_fail(sc, *p, "a thousands separator must "
		    "follow one to three digits");
	if (*sep == 0 && sc->s[sc->num.start] == '0')
		return number_fail(sc, *p, "a number grouped in thousands "
		    "cannot start with 0");
	*sep = c;
	number_add(&sc->num, sc->s + *p + w, 3, false);
	*p += w + 3;
	*more = true;
	return true;
}

/* What stands at at, for a message: a short quote, or the code point of
 * a control character, which a terminal would not show. */
static void
describe(const struct scanner *sc, size_t at, char *buf, size_t size)
{
	size_t n;
	uint32_t c = peek(sc, at, &n);

	if (n > 0 && (c < 0x20 || (c >= 0x7F && c < 0xA0)))
		snprintf(buf, size, "control character U+%04X", (unsigned)c);
	else
		snprintf(buf, size, "\"%.*s\"", quote_len(sc, at),
		    sc->s + at);
}

static bool
number_expected(struct scanner *sc, size_t at)
{
	char what[64];

	if (sc->quiet)
		return false;
	if (quote_len(sc, at) == 0 && at >= sc->len)
		return fail(sc, at, "expected a number");
	describe(sc, at, what, sizeof what);
	return fail(sc, at, "expected a number, found %s", what);
}

/* The decimal part and what must not follow it. */
static bool
number_fraction(struct scanner *sc, size_t *p)
{
	char dec = lang_decimal_mark(sc->lang);
	char grp = lang_group_mark(sc->lang);
	size_t d = digit_run(sc, *p + 1);
	char buf[128], c;

	if (*p >= sc->len || sc->s[*p] != dec || d == 0)
		return true;
	number_add(&sc->num, sc->s + *p + 1, d, true);
	sc->num.decimals = (int)d;
	*p += 1 + d;
	c = *p < sc->len ? sc->s[*p] : '\0';
	if ((c == dec || c == grp) && digit_run(sc, *p + 1) > 0) {
		snprintf(buf, sizeof buf, "'%c' after the decimal part: %s "
		    "figures have one decimal mark, '%c'", c,
		    lang_name(sc->lang), dec);
		return number_fail(sc, *p, buf);
	}
	return true;
}

/* The number at sc->pos in sc->lang's separators, digit by digit (no
 * strtod: the C locale must not matter). */
static bool
number_read(struct scanner *sc)
{
	size_t p = sc->pos, first = digit_run(sc, p);
	uint32_t sep = 0;
	bool more = true;
	char c;

	memset(&sc->num, 0, sizeof sc->num);
	sc->num.start = p;
	if (first == 0)
		return number_expected(sc, p);
	number_add(&sc->num, sc->s + p, first, false);
	p += first;
	while (more)
		if (!number_group(sc, &p, &sep, first, &more))
			return false;
	if (!number_fraction(sc, &p))
		return false;
	c = p < sc->len ? sc->s[p] : '\0';
	if ((c == 'e' || c == 'E') && p + 1 < sc->len &&
	    (digit_run(sc, p + 1) > 0 || ((sc->s[p + 1] == '+' ||
	    sc->s[p + 1] == '-') && digit_run(sc, p + 2) > 0)))
		return fail(sc, p, "exponent notation is not a figure; "
		    "write the number out with a scale word");
	if (sc->num.digits > NUMBER_DIGITS_MAX)
		return fail(sc, sc->num.start, "a number of more than %d "
		    "digits is not a figure", NUMBER_DIGITS_MAX);
	sc->pos = p;
	return true;
}

static bool
set_bound(struct scanner *sc, enum figure_bound b, size_t at)
{
	if (sc->bound_set && sc->out->bound != b)
		return fail(sc, at, "a figure has one bound, not both \"%s\" "
		    "and \"%s\"", figure_bound_name(sc->out->bound),
		    figure_bound_name(b));
	sc->out->bound = b;
	sc->bound_set = true;
	return true;
}

static bool
set_sign(struct scanner *sc, int sign, size_t at)
{
	if (sc->sign != 0)
		return fail(sc, at, "the sign is written twice");
	sc->sign = sign;
	return true;
}

/* A sign character touching the number or its currency: "-5%", "−$5M". */
static size_t
sign_char(const struct scanner *sc, size_t at, int *sign)
{
	size_t n;
	uint32_t c = peek(sc, at, &n);
	const struct lexicon_word *cur;

	if (c != '+' && c != '-' && c != 0x2212)
		return 0;
	if (digit_run(sc, at + n) == 0 &&
	    match_table(sc, at + n, lexicon_currency_prefixes,
	    LEXICON_CURRENCY_SIGNS, &cur) == 0)
		return 0;	/* a hyphen, or a dash: not a sign */
	*sign = c == '+' ? 1 : -1;
	return n;
}

/* Bound and sign words and a sign before the number, in any order. */
static bool
read_prefixes(struct scanner *sc)
{
	const struct lexicon_word *w;
	size_t n;
	int sign;

	for (int i = 0; i < 4; i++) {
		if ((n = sign_char(sc, sc->pos, &sign)) > 0) {
			if (!set_sign(sc, sign, sc->pos))
				return false;
			sc->pos += n;
			return true;
		}
		n = match_table(sc, sc->pos, lexicon_prefix_words,
		    lexicon_prefix_words_count, &w);
		if (n == 0)
			return true;
		if (w->kind == LEXICON_BOUND ?
		    !set_bound(sc, (enum figure_bound)w->value, sc->pos) :
		    !set_sign(sc, w->value, sc->pos))
			return false;
		sc->pos += n;
		sc->pos += space_len(sc, sc->pos);
	}
	return true;
}

/* Whether a currency word is a code spelt in letters ("USD", "VNĐ"),
 * rather than a sign ("$", "HK$", "₩"). */
static bool
is_code(const char *t)
{
	size_t n, len = strlen(t);

	for (size_t i = 0; i < len; i += n)
		if (!g_unichar_isalpha(utf8_decode(t + i, len - i, &n)))
			return false;
	return true;
}

/* "$", "US$", "€", "£" (space optional) or "USD " before the number. */
static void
read_currency_prefix(struct scanner *sc)
{
	const struct lexicon_word *w;
	size_t n = match_table(sc, sc->pos, lexicon_currency_prefixes,
	    lexicon_currency_prefixes_count, &w), sp;

	if (n == 0)
		return;
	sp = space_len(sc, sc->pos + n);
	if (sp == 0 && is_code(w->text))
		return;		/* a code needs its space: "USD 5" */
	if (digit_run(sc, sc->pos + n + sp) == 0)
		return;
	sc->currency = w->unit;
	sc->pos += n + sp;
}

/* A trailing '+' right after the number, scale or unit: a lower bound. */
static bool
read_plus(struct scanner *sc)
{
	if (sc->pos >= sc->len || sc->s[sc->pos] != '+')
		return true;
	if (!set_bound(sc, FIGURE_MIN, sc->pos))
		return false;
	sc->pos++;
	return true;
}

/* The scale word at sc->pos (after spaces, unless it must touch the
 * number), or NULL; *n gets the bytes it takes, spaces included. */
static const struct lexicon_word *
scale_word(const struct scanner *sc, size_t *n)
{
	const struct lexicon_word *w;
	size_t sp = space_len(sc, sc->pos);
	size_t m = match_table(sc, sc->pos + sp, lexicon_scale_words,
	    lexicon_scale_words_count, &w);

	if (m == 0 || (sp > 0 && (w->flags & LEXICON_ATTACHED)) ||
	    ((w->flags & LEXICON_MONEY) && sc->currency == NULL))
		return NULL;
	*n = sp + m;
	return w;
}

/* A scale word, and the larger words after it that multiply it: "nghìn
 * tỷ" (12), "triệu tỷ" (15), "trăm nghìn" (5), "hundred million" (8).
 * An abbreviation stands alone. */
static void
read_scale(struct scanner *sc)
{
	const struct lexicon_word *w;
	size_t n;
	int last;

	if ((w = scale_word(sc, &n)) == NULL)
		return;
	sc->out->scale = last = w->kind;
	sc->abbrev = w->value != 0;
	sc->pos += n;
	while (!sc->abbrev && space_len(sc, sc->pos) > 0 &&
	    (w = scale_word(sc, &n)) != NULL && w->value == 0 &&
	    w->kind > last) {
		sc->out->scale += last = w->kind;
		sc->pos += n;
	}
}

static bool
set_unit(struct scanner *sc, const char *s, size_t n, size_t at)
{
	if (n >= FIGURE_UNIT_MAX)
		return fail(sc, at, "the unit is longer than %d bytes",
		    FIGURE_UNIT_MAX - 1);
	memcpy(sc->out->unit, s, n);
	sc->out->unit[n] = '\0';
	return true;
}

/* A counted noun from the prose list, with its modifiers. */
static size_t
prose_noun(struct scanner *sc, size_t at)
{
	const struct lexicon_word *w;
	size_t p = at, n, sp;

	for (int i = 0; i < 2; i++) {
		n = match_table(sc, p, lexicon_noun_premodifiers,
		    lexicon_noun_premodifiers_count, &w);
		if (n == 0 || (sp = space_len(sc, p + n)) == 0)
			break;
		p += n + sp;
	}
	n = match_table(sc, p, lexicon_noun_words, lexicon_noun_words_count,
	    &w);
	if (n == 0)
		return 0;
	sc->measure = (w->flags & LEXICON_MEASURE) != 0;
	p += n;
	for (int i = 0; i < 2; i++) {
		sp = space_len(sc, p);
		n = sp ? match_table(sc, p + sp, lexicon_noun_postmodifiers,
		    lexicon_noun_postmodifiers_count, &w) : 0;
		if (n == 0)
			break;
		p += sp + n;
	}
	return p - at;
}

/* A counted noun: in a cell the rest of the text, in prose a listed one. */
static bool
read_noun(struct scanner *sc, size_t at)
{
	size_t n, end;

	if (sc->mode == FIGURE_PROSE) {
		if ((n = prose_noun(sc, at)) == 0)
			return true;
		sc->pos = at + n;
		return set_unit(sc, sc->s + at, n, at);
	}
	if (!g_unichar_isalpha(peek(sc, at, &n)))
		return true;
	end = sc->len;
	while (end > at) {	/* trailing spaces, NBSP included */
		size_t last = end - 1;
		while (last > at && ((unsigned char)sc->s[last] & 0xC0) == 0x80)
			last--;
		if (!is_hspace(peek(sc, last, &n)))
			break;
		end = last;
	}
	sc->pos = end;
	return set_unit(sc, sc->s + at, end - at, at);
}

/* The unit after the number: percent, a currency, or a counted noun. */
static bool
read_unit(struct scanner *sc)
{
	const struct lexicon_word *w;
	size_t sp = space_len(sc, sc->pos), at = sc->pos + sp, n, m;

	n = match_table(sc, at, lexicon_unit_words, lexicon_unit_words_count,
	    &w);
	/* "đồng hồ": a noun that starts alike; but "đồng/năm" is dong. */
	if (n > 0 && (w->flags & LEXICON_NAME) && sc->mode == FIGURE_CELL &&
	    space_len(sc, at + n) > 0 && g_unichar_isalpha(peek(sc,
	    at + n + space_len(sc, at + n), &m)))
		n = 0;
	if (n > 0) {
		if (sc->currency)
			return fail(sc, at, "the currency is written twice");
		sc->pos = at + n;
		strcpy(sc->out->unit, w->unit);
		return read_plus(sc);
	}
	if (sc->currency) {
		strcpy(sc->out->unit, sc->currency);
		return true;
	}
	return sp == 0 ? true : read_noun(sc, at);
}

static double
scale_by(double m, int e)
{
	static const double p10[] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
		1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
		1e21, 1e22,
	};

	/* Powers up to 1e22 are exact doubles, so "48,39 tỷ" is exactly
	 * 4839 * 1e7 and "0,5" exactly 5 / 1e1. */
	if (e >= 0)
		return e <= 22 ? m * p10[e] : m * pow(10.0, e);
	return -e <= 22 ? m / p10[-e] : m / pow(10.0, -e);
}

static bool
finish(struct scanner *sc, size_t start, struct figure_span *span)
{
	struct figure *f = sc->out;
	double v = scale_by((double)sc->num.mant, sc->num.exp10 + f->scale);
	size_t n;

	if (!isfinite(v))
		return fail(sc, sc->num.start, "the number is too large");
	if (sc->mode == FIGURE_PROSE && is_word_char(peek(sc, sc->pos, &n)))
		return fail(sc, sc->pos, "a figure must end before a letter "
		    "or digit");
	f->value = sc->sign < 0 && v != 0 ? -v : v;
	f->decimals = sc->num.decimals;
	if (span) {
		span->start = start;
		span->end = sc->pos;
		span->number = sc->num.start;
		span->abbrev = sc->abbrev;
		span->measure = sc->measure;
	}
	return true;
}

/* figure_scan; quiet: a failure leaves err's message and column empty. */
static bool
scan_figure(const char *s, size_t len, enum lang lang,
    enum figure_mode mode, struct figure *out, struct figure_span *span,
    struct figure_error *err, bool quiet)
{
	struct scanner sc = { .s = s, .len = len, .lang = lang, .mode = mode,
	    .out = out, .err = err, .quiet = quiet };
	size_t start;

	memset(out, 0, sizeof *out);
	memset(err, 0, sizeof *err);
	out->bound = FIGURE_EXACT;
	sc.pos = start = space_len(&sc, 0);
	if (!read_prefixes(&sc))
		return false;
	read_currency_prefix(&sc);
	if (!number_read(&sc) || !read_plus(&sc))
		return false;
	read_scale(&sc);
	if (!read_plus(&sc) || !read_unit(&sc))
		return false;
	return finish(&sc, start, span);
}

bool
figure_scan(const char *s, size_t len, enum lang lang, enum figure_mode mode,
    struct figure *out, struct figure_span *span, struct figure_error *err)
{
	return scan_figure(s, len, lang, mode, out, span, err, false);
}

bool
figure_find(const char *s, size_t len, enum lang lang, struct figure *out,
    struct figure_span *span, bool *convention)
{
	struct figure_error err;
	bool ok = scan_figure(s, len, lang, FIGURE_PROSE, out, span,
	    &err, true);

	*convention = !ok && err.convention;
	return ok;
}


/* Whether a dash at at, then a number, makes the figure a range. */
static bool
range_follows(const struct scanner *sc, size_t at)
{
	size_t n, p;
	uint32_t c = peek(sc, at, &n);

	if (c != '-' && c != 0x2013 && c != 0x2014)
		return false;
	p = at + n + space_len(sc, at + n);
	return digit_run(sc, p) > 0;
}

static bool
figure_rest(const char *nfc, size_t len, const struct figure_span *span,
    struct figure_error *err)
{
	struct scanner sc = { .s = nfc, .len = len, .err = err,
	    .mode = FIGURE_CELL };
	size_t at = span->end + space_len(&sc, span->end), n;
	char what[64];

	if (at >= len)
		return true;
	if (range_follows(&sc, at))
		return fail(&sc, at, "a range is not one figure: give each "
		    "end its own column, or write one figure with a bound "
		    "(\"khoảng\", \"about\")");
	if (nfc[at] == '/' && g_unichar_isalpha(peek(&sc, at + 1, &n)))
		return fail(&sc, at, "a rate (\"%.*s\") is not part of a "
		    "figure: name the period in the column's header (\"lãi "
		    "suất (%%/năm)\") and write the figure alone",
		    quote_len(&sc, at), nfc + at);
	describe(&sc, at, what, sizeof what);
	return fail(&sc, at, "unexpected %s after the figure", what);
}

/* A figure in brackets, "(1.234)", is negative: accounting style, as
 * spreadsheets export it.  Narrows [*lo, *hi) of nfc to what is inside. */
static bool
in_brackets(const char *nfc, size_t *lo, size_t *hi)
{
	size_t a = *lo, b = *hi;

	while (a < b && (nfc[a] == ' ' || nfc[a] == '\t'))
		a++;
	while (b > a && (nfc[b - 1] == ' ' || nfc[b - 1] == '\t'))
		b--;
	if (b - a < 2 || nfc[a] != '(' || nfc[b - 1] != ')')
		return false;
	*lo = a + 1;
	*hi = b - 1;
	return true;
}

bool
figure_parse(const char *text, enum lang lang, struct figure *out,
    struct figure_error *err)
{
	size_t len = strlen(text), bad, lo = 0, hi;
	struct figure_span span;
	char *nfc;
	bool ok, neg;

	memset(err, 0, sizeof *err);
	if (!utf8_valid(text, len, &bad)) {
		err->col = (int)utf8_count(text, bad) + 1;
		snprintf(err->message, sizeof err->message, "invalid UTF-8");
		return false;
	}
	if (len > FIGURE_TEXT_MAX) {
		err->col = 1;
		snprintf(err->message, sizeof err->message, "longer than %d "
		    "bytes: not a figure", FIGURE_TEXT_MAX);
		return false;
	}
	nfc = utf8_nfc(text, len);
	hi = strlen(nfc);
	neg = in_brackets(nfc, &lo, &hi);
	ok = figure_scan(nfc + lo, hi - lo, lang, FIGURE_CELL, out, &span,
	    err) && figure_rest(nfc + lo, hi - lo, &span, err);
	if (ok && neg && out->value < 0) {
		ok = false;
		err->col = 0;
		snprintf(err->message, sizeof err->message, "a figure in "
		    "brackets is negative already: write \"(5)\" or \"-5\", "
		    "not both");
	}
	if (ok && neg && out->value != 0)
		out->value = -out->value;
	if (!ok)
		err->col = utf8_orig_column(text, len,
		    err->col + (int)utf8_count(nfc, lo));
	free(nfc);
	return ok;
}

bool
figure_unit_is_currency(const char *unit)
{
	for (size_t i = 0; i < lexicon_currency_prefixes_count; i++)
		if (strcmp(unit, lexicon_currency_prefixes[i].unit) == 0)
			return true;
	return false;
}

const char *
figure_bound_name(enum figure_bound b)
{
	switch (b) {
	case FIGURE_APPROX:
		return "approx";
	case FIGURE_MIN:
		return "min";
	case FIGURE_MAX:
		return "max";
	case FIGURE_EXACT:
		break;
	}
	return "exact";
}
