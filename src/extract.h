/* extract: finding the figures in running prose ("Meta dự kiến chi hơn 60
 * tỷ USD trong năm 2025"), each with where it stands and its sentence.
 *
 * What counts as a figure in prose (the rules, in order):
 *  - It starts at the beginning of a word: after a space, a line start or
 *    an opening bracket, quote or Markdown '*'/'_' — never inside a word
 *    ("DeepSeek-V3", "GPT-4", "Q4"), after '/' ("quý IV/2024", "30/1") or
 *    after a hyphen or dash (the second end of a range is read with the
 *    first, never alone).
 *  - It reads as a figure (figure_scan, FIGURE_PROSE): optional bound and
 *    sign words ("hơn", "khoảng", "tăng", "giảm", "more than", "up"...),
 *    which are part of its text and value ("giảm 5%" is -5), a currency
 *    sign, the number, a scale word, a unit; and it ends before a letter
 *    or digit ("2nd", "4o" are not figures).
 *  - It has a currency, a percent, a scale word, a unit noun ("0,5 điểm
 *    phần trăm", "25 basis points") or thousands written grouped ("hơn
 *    48.000 nhân viên", "74,000"): an amount.  A bare number is a count,
 *    a year, a list number, a version, a date or a phone number ("3 công
 *    ty", "năm 2025", "1. Không…", "Llama 4", "0912.345.678"), and is not
 *    reported; a counted noun alone does not make a figure ("500 users"),
 *    but with a scale word it does ("3,35 tỷ người dùng", unit "người
 *    dùng").
 *  - A number with an abbreviated scale and no currency or percent right
 *    after a word holding a digit is a model size ("Llama 3.1 405B",
 *    "DeepSeek-V3 671B", "Llama 7-70B"), not a figure.
 *  - A range is two items with the same text, line and column, the lower
 *    end (bound min) first, the upper (max) next; the unit, scale and sign
 *    written once count for both ends: "5–6 triệu USD", "$55-58 billion",
 *    "giảm 5–6%" (-6 to -5), "từ 3 đến 4 tỷ USD", "between 5 and 6
 *    million users", "between $60 billion and $65 billion".  A dash joins
 *    any two ends, "and" only after "between"/"giữa", and "to"/"đến"/"tới"
 *    only ends that share something: "from $3bn to $4bn" is a change, two
 *    exact figures.  A change that shares ("tăng từ 3 lên 4 tỷ USD",
 *    "giảm từ 5 xuống 4,2 tỷ") is two figures with the whole as text, in
 *    the order written, bounds as written.  When the first end cannot be told (the "900" of
 *    "from $900 to $1.2 billion": dollars or millions?) only the second
 *    is reported.
 *  - A number that breaks the language's separators but reads in the
 *    other language's ("1.5 tỷ" in Vietnamese) is reported as that
 *    reading, with a warning: prose cannot be sent back to its writer.
 *
 * Columns count code points of the line as read (NFD included); text and
 * context are NFC with every run of white space written as one space. */
#ifndef FIGPRESS_EXTRACT_H
#define FIGPRESS_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "figure.h"
#include "lang.h"

/* The CSV header extract_csv_row's rows go under (with its newline). */
#define EXTRACT_CSV_HEADER "line,column,text,value,unit,bound,context\n"

struct extract_item {
	int line;		/* 1-based line of the figure's first char */
	int col;		/* 1-based column, in code points */
	char *text;		/* the figure as written; owned */
	struct figure fig;
	char *context;		/* the sentence it stands in; owned */
	bool other_lang;	/* read with the other language's separators */
	int range;		/* 0, or -1 / +1 for the lower / upper end of
				 * a range: two items with the same text */
};

struct extract_list {
	struct extract_item *items;
	size_t count;
	size_t cap;
};

/* Start an empty list. */
void extract_list_init(struct extract_list *l);
/* Free every item; the list is empty again. */
void extract_list_release(struct extract_list *l);

/* The language of text[0..len) (valid UTF-8): vi when at least 5% of its
 * letters are Vietnamese-only (ă â đ ê ô ơ ư and the tone-marked letters
 * of U+1EA0–U+1EF9), else en — also when it has no letters. */
enum lang extract_guess_lang(const char *text, size_t len);

/* Append the figures of text[0..len) read in lang to out; file names the
 * text in diagnostics.  A leading BOM is skipped.  Invalid UTF-8 is an
 * error at FILE:LINE:COL (nothing appended, returns false); a figure read
 * in the other language's separators adds a warning. */
bool extract_text(const char *file, const char *text, size_t len,
    enum lang lang, struct extract_list *out, struct diags *d);

/* Read path (NULL: standard input, named "<stdin>") and extract its
 * figures in *lang, or in the language guessed from it when lang is NULL.
 * A missing or unreadable file or one over 64 MiB is an error; returns
 * false then. */
bool extract_file(const char *path, const enum lang *lang,
    struct extract_list *out, struct diags *d);

/* One CSV row for it, fields quoted only when they must be (a comma,
 * quote, line break or edge space), ending in "\n": line, column, text,
 * the value as a plain C-locale number (numfmt_plain), unit, bound name,
 * context.  Caller frees. */
char *extract_csv_row(const struct extract_item *it);

#endif
