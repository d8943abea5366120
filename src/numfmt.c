/* numfmt: numbers and figures written back in a language — our own digits
 * and separators, so the C locale never shows through. */
#include "numfmt.h"

#include <float.h>
#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "xmalloc.h"

#define DECIMALS_MAX 17		/* past this a double has no digits left */

struct scale_name {
	int power;
	const char *vi;
	const char *en;
	const char *abbrev;
};

/* Ascending.  Vietnamese news writes a state budget as "1,7 triệu tỷ
 * đồng"; English has no common word past trillion ("1,700 trillion"). */
static const struct scale_name scale_names[] = {
	{ 3, "nghìn", "thousand", "K" },
	{ 6, "triệu", "million", "M" },
	{ 9, "tỷ", "billion", "B" },
	{ 12, "nghìn tỷ", "trillion", "T" },
	{ 15, "triệu tỷ", NULL, NULL },
};

#define NSCALES (sizeof scale_names / sizeof scale_names[0])

/* The scale lang writes power with: that one, or the largest below it
 * ("5 trăm" is written 500, "3 trăm nghìn" 300 nghìn); NULL for none. */
static const struct scale_name *
scale_pick(int power, enum lang lang)
{
	const struct scale_name *best = NULL;

	for (size_t i = 0; i < NSCALES; i++)
		if (scale_names[i].power <= power &&
		    (lang == LANG_VI || scale_names[i].en))
			best = &scale_names[i];
	return best;
}

/* The decimals of f at the power it is written with: a figure of scale 15
 * written in trillions needs three fewer. */
static int
decimals_at(const struct figure *f, int power)
{
	int d = f->decimals - (f->scale - power);

	return d > 0 ? d : 0;
}

static double
pow10i(int e)
{
	static const double p10[] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
		1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
	};

	return e >= 0 && e <= DECIMALS_MAX ? p10[e] : pow(10.0, e);
}

/* The digits of |v| * 10^decimals rounded half away from zero.  v is the
 * double nearest a decimal someone wrote, so a written tie (1.005) may sit
 * a hair below .5: a few ulps of slack count it as the tie it was.  The
 * slack is capped: from 2^49 up an ulp is 1/8 or more, four of them reach
 * the next whole number, and 1.7e15 came out as ...002. */
static void
round_digits(double v, int decimals, char *buf, size_t size)
{
	double scaled = fabs(v) * pow10i(decimals);
	double slack = fmin(scaled * 4 * DBL_EPSILON, 0x1p-4);
	double r = scaled >= 0x1p52 ? scaled :	/* already a whole number */
	    floor(scaled + 0.5 + slack);

	/* "%.0f" of an integral double has no decimal point to localise;
	 * g_ascii_formatd makes that a guarantee rather than a remark. */
	g_ascii_formatd(buf, (int)size, "%.0f", r);
}

/* v rounded at decimals, with decimal mark dec and thousands mark grp
 * (0: none); trim drops trailing zeros of the decimal part. */
static void
put_number(struct strbuf *sb, double v, int decimals, char dec, char grp,
    bool trim)
{
	char digits[512], padded[512];
	size_t n, intlen;

	decimals = decimals < 0 ? 0 : decimals > DECIMALS_MAX ?
	    DECIMALS_MAX : decimals;
	round_digits(v, decimals, digits, sizeof digits);
	n = strlen(digits);
	if (n <= (size_t)decimals) {	/* 0,05: pad to one integer digit */
		memset(padded, '0', (size_t)decimals + 1 - n);
		memcpy(padded + decimals + 1 - n, digits, n + 1);
		memcpy(digits, padded, (size_t)decimals + 2);
		n = (size_t)decimals + 1;
	}
	if (trim)
		while (decimals > 0 && digits[n - 1] == '0')
			digits[--n] = '\0', decimals--;
	if (v < 0 && strspn(digits, "0") != n)
		strbuf_putc(sb, '-');
	intlen = n - (size_t)decimals;
	for (size_t i = 0; i < intlen; i++) {
		if (grp && i > 0 && (intlen - i) % 3 == 0)
			strbuf_putc(sb, grp);
		strbuf_putc(sb, digits[i]);
	}
	if (decimals > 0) {
		strbuf_putc(sb, dec);
		strbuf_add(sb, digits + intlen, (size_t)decimals);
	}
}

char *
numfmt_number(double v, int decimals, enum lang lang)
{
	struct strbuf sb;

	if (!isfinite(v))
		return xstrdup("—");
	strbuf_init(&sb, 0);
	put_number(&sb, v, decimals, lang_decimal_mark(lang),
	    lang_group_mark(lang), false);
	return strbuf_detach(&sb);
}

char *
numfmt_plain(double v, int decimals)
{
	struct strbuf sb;

	if (!isfinite(v))
		return xstrdup("nan");
	strbuf_init(&sb, 0);
	put_number(&sb, v, decimals, '.', 0, true);
	return strbuf_detach(&sb);
}

/* The prefix sign of a currency in English text, or NULL: the signs
 * that stand for one currency only. */
static const char *
en_prefix(const char *unit)
{
	if (strcmp(unit, "USD") == 0)
		return "$";
	if (strcmp(unit, "EUR") == 0)
		return "€";
	if (strcmp(unit, "GBP") == 0)
		return "£";
	if (strcmp(unit, "JPY") == 0)
		return "¥";
	return NULL;
}

/* The unit after the number: "%" touches it, the rest follow a space. */
static void
put_unit_suffix(struct strbuf *sb, const char *unit, enum lang lang)
{
	if (unit[0] == '\0' || (lang == LANG_EN && en_prefix(unit)))
		return;
	if (strcmp(unit, "%") == 0) {
		strbuf_putc(sb, '%');
		return;
	}
	strbuf_putc(sb, ' ');
	strbuf_puts(sb, lang == LANG_VI && strcmp(unit, "VND") == 0 ?
	    "đồng" : unit);
}

/* Sign, currency prefix (English) and the mantissa of f at power. */
static void
put_amount(struct strbuf *sb, const struct figure *f, int power,
    enum lang lang)
{
	const char *prefix = lang == LANG_EN ? en_prefix(f->unit) : NULL;
	double m = f->value / pow10i(power);
	char *num = numfmt_number(fabs(m), decimals_at(f, power), lang);

	/* The sign goes before the currency ("-$5M"); none on a zero. */
	if (f->value < 0 && strpbrk(num, "123456789"))
		strbuf_putc(sb, '-');
	if (prefix)
		strbuf_puts(sb, prefix);
	strbuf_puts(sb, num);
	free(num);
}

static const char *
bound_word(enum figure_bound b, enum lang lang)
{
	static const char *const vi[] = { "", "khoảng ", "hơn ", "dưới " };
	static const char *const en[] = { "", "about ", "more than ",
	    "less than " };

	return lang == LANG_VI ? vi[b] : en[b];
}

char *
numfmt_figure(const struct figure *f, enum lang lang)
{
	const struct scale_name *sn = scale_pick(f->scale, lang);
	struct strbuf sb;

	strbuf_init(&sb, 0);
	strbuf_puts(&sb, bound_word(f->bound, lang));
	put_amount(&sb, f, sn ? sn->power : 0, lang);
	if (sn) {
		strbuf_putc(&sb, ' ');
		strbuf_puts(&sb, lang == LANG_VI ? sn->vi : sn->en);
	}
	put_unit_suffix(&sb, f->unit, lang);
	return strbuf_detach(&sb);
}

/* Labels drop "about": a bar already shows a magnitude, not a count; a
 * ceiling keeps a '<' and a floor its '+', which change the reading. */
char *
numfmt_label(const struct figure *f, enum lang lang)
{
	const struct scale_name *sn = scale_pick(f->scale, lang);
	bool plus = f->bound == FIGURE_MIN;
	struct strbuf sb;

	strbuf_init(&sb, 0);
	if (f->bound == FIGURE_MAX)
		strbuf_putc(&sb, '<');
	put_amount(&sb, f, sn ? sn->power : 0, lang);
	if (lang == LANG_VI) {
		if (plus)
			strbuf_putc(&sb, '+');
		if (sn) {
			strbuf_putc(&sb, ' ');
			strbuf_puts(&sb, sn->vi);
		}
	} else {
		if (sn)
			strbuf_puts(&sb, sn->abbrev);
		if (plus)
			strbuf_putc(&sb, '+');
	}
	put_unit_suffix(&sb, f->unit, lang);
	return strbuf_detach(&sb);
}

/* The fewest decimals (up to max) that show m without loss. */
static int
tick_decimals(double m, int max)
{
	for (int d = 0; d < max; d++) {
		double s = fabs(m) * pow10i(d);
		if (fabs(s - floor(s + 0.5)) < 1e-6 * (s > 1 ? s : 1))
			return d;
	}
	return max;
}

/* The power a tick of magnitude a is written at.  From ten thousand up a
 * scale word keeps a log axis consistent: "100 nghìn", "1 triệu", "10
 * triệu" rather than "100.000", "1 triệu". */
static int
tick_power(double a, enum lang lang)
{
	if (a >= 1e15 && lang == LANG_VI)
		return 15;
	return a >= 1e12 ? 12 : a >= 1e9 ? 9 : a >= 1e6 ? 6 : a >= 1e4 ? 3 : 0;
}

/* Power and decimals of the tick for v: rounding may carry it into the
 * next scale (999.999 nghìn is "1 triệu", not "1.000,00 nghìn"), and
 * zeros it leaves at the end are dropped. */
static int
tick_shape(double v, enum lang lang, int *decimals)
{
	int power = tick_power(fabs(v), lang), p2;
	double m = fabs(v) / pow10i(power);
	int d = tick_decimals(m, m < 1 ? 6 : 2);
	double r = floor(m * pow10i(d) + 0.5) / pow10i(d);

	p2 = tick_power(r * pow10i(power), lang);
	if (p2 != power) {
		r = r * pow10i(power) / pow10i(p2);
		power = p2;
	}
	*decimals = tick_decimals(r, r < 1 ? 6 : 2);
	return power;
}

char *
numfmt_tick(double v, const char *unit, enum lang lang)
{
	bool percent = strcmp(unit, "%") == 0;
	struct figure f = { .value = v };
	const struct scale_name *sn;
	struct strbuf sb;
	int power;

	if (!isfinite(v))
		return xstrdup("—");
	if (v == 0)
		return xstrdup(percent ? "0%" : "0");
	if (lang == LANG_EN && en_prefix(unit))
		strcpy(f.unit, unit);
	f.scale = power = tick_shape(v, lang, &f.decimals);
	sn = scale_pick(power, lang);
	strbuf_init(&sb, 0);
	put_amount(&sb, &f, power, lang);
	if (sn) {
		if (lang == LANG_VI)
			strbuf_putc(&sb, ' ');
		strbuf_puts(&sb, lang == LANG_VI ? sn->vi : sn->abbrev);
	}
	if (percent)
		strbuf_putc(&sb, '%');
	return strbuf_detach(&sb);
}

char *
numfmt_ratio(double ratio, enum lang lang)
{
	double a = fabs(ratio);
	int decimals;
	struct strbuf sb;

	if (!isfinite(ratio))
		return xstrdup("—");
	if (a >= 10 || a == 0)
		decimals = 0;
	else if (a >= 1)
		decimals = 1;
	else			/* two significant digits: 0,05; 0,12 */
		decimals = 1 - (int)floor(log10(a));
	strbuf_init(&sb, 0);
	put_number(&sb, ratio, decimals, lang_decimal_mark(lang),
	    lang_group_mark(lang), decimals > 0);
	return strbuf_detach(&sb);
}

char *
numfmt_unbreakable(char *s)
{
	struct strbuf sb;

	strbuf_init(&sb, 0);
	for (const char *p = s; *p; p++) {
		if (*p == ' ')
			strbuf_puts(&sb, "\xc2\xa0");
		else
			strbuf_putc(&sb, *p);
	}
	free(s);
	return strbuf_detach(&sb);
}
