/* figure: one human-written figure ("khoảng 5,6 triệu USD", "$60B+",
 * "tăng 22%") parsed into value, unit, bound and written precision.
 *
 * What is read, in this order (words in any case, text NFC or NFD):
 *   [bound/sign words] [sign] [currency] NUMBER [+] [scale] [+] [unit] [+]
 *  - bound words: see enum figure_bound; sign words "tăng"/"up" (+) and
 *    "giảm"/"down" (-), so "giảm 5%" is -5; a sign '+', '-' or U+2212
 *    touching the number or currency ("-$5M").  One bound, one sign.
 *  - currency before: a sign, space optional ("$", "US$", "€", "£", "¥",
 *    "₩", "HK$", "S$", "A$", "C$", "CN¥"), or a code and a space ("USD 5",
 *    "VNĐ 5.000"); after: USD, US$, $, đô la (Mỹ), đô, dollars, US dollars
 *    → USD; VND, VNĐ, đồng, đ, ₫ → VND; EUR, €, euro(s) → EUR; GBP, £,
 *    sterling, bảng Anh → GBP; JPY, ¥, yen, yên → JPY; CNY, yuan, NDT,
 *    nhân dân tệ → CNY; KRW, ₩, won → KRW (lexicon.c has them all; not
 *    "pounds", which may weigh).  Once only.
 *  - NUMBER: the language decides: vi "1.234.567,89", en "1,234,567.89";
 *    NBSP, narrow NBSP and thin space group thousands in both, and a plain
 *    space too in a cell ("1 234 567").  A separator followed by a digit
 *    must be right: a group has exactly three digits after one to three
 *    leading ones, one decimal mark, one kind of group separator.  No
 *    exponent ("1e400"), no NaN or Infinity, at most 40 digits.
 *  - scale, in either language: trăm (2), nghìn/ngàn (3), triệu (6),
 *    tỷ/tỉ (9); hundred, thousand, million, billion, trillion; a larger
 *    word after a smaller one multiplies it: nghìn tỷ (12), triệu tỷ
 *    (15), trăm nghìn (5), hundred million (8).  Touching the number k/K,
 *    M, B, T, and m after a currency ("$5m"; "5m" may be metres); bn, mn,
 *    tn, mln, bln with or without a space.
 *  - unit: "%", "phần trăm", "percent", "per cent", "pc"; a currency;
 *    else a counted noun ("người dùng", "users") as written.  A currency
 *    name followed by more words is the start of a noun ("đồng hồ").
 *  - figure_parse only: a figure in brackets is negative, accounting
 *    style ("(1.234)" is -1234), and may not carry a sign of its own; a
 *    rate ("6,5%/năm", "5 tỷ đồng/năm") is an error with a hint. */
#ifndef FIGPRESS_FIGURE_H
#define FIGPRESS_FIGURE_H

#include <stdbool.h>

#include "lang.h"

/* The words of each bound, in either language (matched without regard to
 * case; "up to" is a ceiling, so it is FIGURE_MAX).  A trailing '+' after
 * the number, the scale or the unit ("60+ tỷ USD", "$60B+") is FIGURE_MIN. */
enum figure_bound {
	FIGURE_EXACT,
	FIGURE_APPROX,		/* khoảng, gần, gần như, chừng, xấp xỉ, ước
				 * tính, about, around, approximately, roughly,
				 * nearly, almost, an estimated, ~, ≈ */
	FIGURE_MIN,		/* hơn, trên, ít nhất, tối thiểu, more than,
				 * over, at least, above, >, ≥, a trailing + */
	FIGURE_MAX,		/* dưới, chưa đến, chưa tới, không quá, tối đa,
				 * less than, fewer than, under, below, up to,
				 * at most, no more than, <, ≤ */
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
	bool convention;	/* the number breaks lang's separators but is
				 * valid in the other language ("1.5" in vi) */
};

/* How figure_scan reads. */
enum figure_mode {
	FIGURE_CELL,		/* a data cell: whatever follows the number
				 * and scale is the unit (a counted noun as
				 * written); a plain space groups thousands */
	FIGURE_PROSE,		/* running text: stop where the figure ends;
				 * counted nouns only from a short list
				 * ("người dùng", "daily users"); only NBSP
				 * and thin spaces group thousands; a figure
				 * may wrap onto the next line */
};

/* Where a scanned figure stands in the text and how it was written. */
struct figure_span {
	size_t start;		/* byte offset of its first character: the
				 * bound or sign word, the sign or the number */
	size_t end;		/* byte offset just past it */
	size_t number;		/* byte offset of its first digit */
	bool abbrev;		/* the scale was an abbreviation (k M B bn) */
	bool measure;		/* the counted noun is a unit of measure
				 * ("điểm phần trăm", "basis points") */
};

/* Parse the whole of text (UTF-8, NFC or NFD) as one figure written in
 * lang.  Leading and trailing spaces are allowed; anything else that is not
 * part of the figure is an error.  On failure fills *err and returns false;
 * a number that breaks lang's separator convention is an error with a hint,
 * never a guess.  err->col counts the code points of text as given (an
 * error found in the NFC form is mapped back to the NFD text). */
bool figure_parse(const char *text, enum lang lang, struct figure *out,
    struct figure_error *err);

/* Read one figure at the start of s[0..len) (valid NFC UTF-8; leading
 * spaces skipped) in lang and mode; span (may be NULL) says where it stands.
 * Returns false with *err filled (col counts characters of s) when no
 * figure starts there or it is malformed. */
bool figure_scan(const char *s, size_t len, enum lang lang,
    enum figure_mode mode, struct figure *out, struct figure_span *span,
    struct figure_error *err);

/* figure_scan in FIGURE_PROSE for a search through text, where most places
 * hold no figure: the same reading, but a failure writes no message (most
 * of the cost of trying a place); *convention says whether the number
 * broke lang's separators and may read in the other language. */
bool figure_find(const char *s, size_t len, enum lang lang,
    struct figure *out, struct figure_span *span, bool *convention);

/* True when unit is one of the ISO currency codes figures normalise to
 * (USD, VND, EUR, GBP, JPY, CNY, KRW, HKD, SGD, AUD, CAD). */
bool figure_unit_is_currency(const char *unit);

/* "exact", "approx", "min" or "max". */
const char *figure_bound_name(enum figure_bound b);

#endif
