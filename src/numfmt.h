/* numfmt: numbers and figures formatted back for a language, for labels,
 * ticks and inline references.  House style: a lower bound is written with
 * the language's word ("hơn 60 tỷ USD", "more than $60 billion") in running
 * text and with a trailing plus in compact labels ("60+ tỷ USD", "$60B+").
 *
 * Units: in vi every unit follows the number ("5,6 triệu USD", "186.882 tỷ
 * đồng" for VND, "5 triệu EUR"); in en USD is "$", EUR "€", GBP "£" and
 * JPY "¥" before it ("$5.6 million", "€5M") and other codes and counted
 * nouns follow ("186,882 billion VND", "3.35 billion users"); "%" touches
 * the number everywhere.
 * Bounds in text: khoảng / hơn / dưới, about / more than / less than; in
 * labels "about" is dropped, a floor keeps "+" and a ceiling gets "<".
 * Scale words: nghìn, triệu, tỷ, nghìn tỷ, triệu tỷ / thousand, million,
 * billion, trillion; abbreviated K, M, B, T (en labels and ticks).  A
 * figure of another scale is written at the largest of these below it,
 * with as many fewer decimals ("5 trăm" → "500", "1,7 triệu tỷ" →
 * "1,700 trillion").  A negative
 * number takes an ASCII '-' (before a currency sign: "-$5M"): the bundled
 * Noto Sans has no U+2212 MINUS SIGN, and Pango would quietly borrow one.
 * What numfmt_figure and numfmt_label write, figure_parse reads back to
 * the same value, unit and bound. */
#ifndef FIGPRESS_NUMFMT_H
#define FIGPRESS_NUMFMT_H

#include "figure.h"
#include "lang.h"

/* A plain number with grouping and exactly decimals digits after the mark:
 * 10714 → "10.714" (vi) / "10,714" (en); 48.39, 2 → "48,39".  The result
 * is rounded half away from zero, never printed through the C locale.
 * Caller frees. */
char *numfmt_number(double v, int decimals, enum lang lang);

/* v for a machine: '.' as the decimal mark, no grouping, '-' for minus, no
 * exponent, rounded half away from zero at decimals and stripped of
 * trailing zeros: 5600000, 48.39, -5.  "nan" when not finite.  Caller
 * frees. */
char *numfmt_plain(double v, int decimals);

/* A figure for running text, with its bound word, scale word and unit, at
 * the precision it was written with (f->decimals digits of the value over
 * 10^f->scale; another scale is written at the largest named one below):
 * "khoảng 5,6 triệu USD", "about $5.6 million", "22%", "3,35 tỷ người
 * dùng".  Caller frees. */
char *numfmt_figure(const struct figure *f, enum lang lang);

/* A compact figure for a bar label at the figure's own scale and
 * precision: "5,6 triệu USD", "60+ tỷ USD", "<5 triệu USD" / "$5.6M",
 * "$60B+", "<$5M", "3.35B users".  Caller frees. */
char *numfmt_label(const struct figure *f, enum lang lang);

/* An axis tick for value v in unit (may be ""): scale chosen from v from a
 * million up, at most two decimals (six below 1), no trailing zeros; vi
 * leaves the currency to the axis title ("10 triệu", "100 tỷ", "2,5
 * triệu", "500.000"), en keeps its sign ("$10M", "$100B", "$2.5M"); "%"
 * stays ("20%").  Zero is "0" ("0%" for percent).  Caller frees. */
char *numfmt_tick(double v, const char *unit, enum lang lang);

/* A ratio a/b for text: "10.714" (vi), "10,714" (en), with decimals only
 * below 10: one from 1 to 10 ("2,3"; "2" for 2.0), two significant digits
 * below 1 ("0,05").  "—" when not finite.  Caller frees. */
char *numfmt_ratio(double ratio, enum lang lang);

/* s with every space made a no-break space, so a figure is never split
 * from its scale word or unit at a line end ("48,39 tỷ / USD").  Takes
 * ownership of s; caller frees the result. */
char *numfmt_unbreakable(char *s);

#endif
