/* numfmt: numbers and figures formatted back for a language, for labels,
 * ticks and inline references.  House style: a lower bound is written with
 * the language's word ("hơn 60 tỷ USD", "more than $60 billion") in running
 * text and with a trailing plus in compact labels ("60+ tỷ USD", "$60B+"). */
#ifndef FIGPRESS_NUMFMT_H
#define FIGPRESS_NUMFMT_H

#include "figure.h"
#include "lang.h"

/* A plain number with grouping and exactly decimals digits after the mark:
 * 10714 → "10.714" (vi) / "10,714" (en); 48.39, 2 → "48,39".  The result
 * is rounded half away from zero, never printed through the C locale.
 * Caller frees. */
char *numfmt_number(double v, int decimals, enum lang lang);

/* A figure for running text, with its bound word, scale word and unit, at
 * the precision it was written with: "khoảng 5,6 triệu USD",
 * "about $5.6 million", "22%", "3,35 tỷ người dùng".  Caller frees. */
char *numfmt_figure(const struct figure *f, enum lang lang);

/* A compact figure for a bar label: "5,6 triệu USD", "60+ tỷ USD",
 * "$5.6M", "$60B+".  Caller frees. */
char *numfmt_label(const struct figure *f, enum lang lang);

/* An axis tick for value v in unit (may be ""): "10 triệu", "100 tỷ",
 * "$10M", "$100B", "0".  Caller frees. */
char *numfmt_tick(double v, const char *unit, enum lang lang);

/* A ratio a/b for text: "10.714" (vi), "10,714" (en), with decimals only
 * below 10 ("2,3").  Caller frees. */
char *numfmt_ratio(double ratio, enum lang lang);

#endif
