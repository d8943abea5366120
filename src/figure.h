/* figure: one human-written figure ("khoảng 5,6 triệu USD", "$60B+",
 * "tăng 22%") parsed into value, unit, bound and written precision. */
#ifndef FIGPRESS_FIGURE_H
#define FIGPRESS_FIGURE_H

#include <stdbool.h>

#include "lang.h"

enum figure_bound {
	FIGURE_EXACT,
	FIGURE_APPROX,		/* khoảng, gần, chừng, about, around, ~, ≈ */
	FIGURE_MIN,		/* hơn, trên, ít nhất, more than, over, +  */
	FIGURE_MAX,		/* dưới, chưa đến, less than, under        */
};

#define FIGURE_UNIT_MAX 64

struct figure {
	double value;		/* the amount itself: 5.6e6 for "5,6 triệu" */
	char unit[FIGURE_UNIT_MAX];	/* ISO code ("USD"), "%", a counted
					 * noun as written ("người dùng"), or "" */
	enum figure_bound bound;
	int decimals;		/* digits written after the decimal mark */
	int scale;		/* power of ten of the scale word: 6 for
				 * triệu/million/M, 9 for tỷ/bn, 0 for none */
};

struct figure_error {
	int col;		/* 1-based character column in the input */
	char message[256];	/* includes a hint where one helps */
};

/* Parse the whole of text (UTF-8, NFC or NFD) as one figure written in
 * lang.  Leading and trailing spaces are allowed; anything else that is not
 * part of the figure is an error.  On failure fills *err and returns false;
 * a number that breaks lang's separator convention is an error with a hint,
 * never a guess. */
bool figure_parse(const char *text, enum lang lang, struct figure *out,
    struct figure_error *err);

/* "exact", "approx", "min" or "max". */
const char *figure_bound_name(enum figure_bound b);

#endif
