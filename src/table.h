/* table: a CSV file loaded (with libcsv) into named columns of text cells,
 * each cell remembering where it stood, so every later error can say
 * data/x.csv:LINE:COL.  Columns get types when they are used. */
#ifndef FIGPRESS_TABLE_H
#define FIGPRESS_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "figure.h"
#include "lang.h"

/* Limits on what a data file may hold; each one, when passed, is a located
 * error that names it (STYLE 7). */
#define TABLE_MAX_BYTES	(64u * 1024 * 1024)	/* file size: 64 MiB */
#define TABLE_MAX_ROWS	1000000		/* data rows, header excluded */
#define TABLE_MAX_COLS	1000
#define TABLE_MAX_FIELD	(64u * 1024)	/* bytes in one field: 64 KiB */
#define TABLE_MAX_CELLS	10000000	/* rows x columns, bounds memory */

struct table_block;

struct table_cell {
	char *text;		/* NFC, owned by the table (in its blocks) */
	int line;		/* where the field starts, 1-based */
	int col;		/* 1-based character column */
};

struct table {
	char *path;		/* as given to table_load; owned */
	char delimiter;		/* sniffed: ',', ';' or '\t' */
	size_t ncols;
	size_t nrows;		/* data rows, header excluded */
	struct table_cell *header;	/* ncols cells */
	struct table_cell *cells;	/* nrows * ncols, row-major */
	struct table_block *blocks;	/* storage of every cell's text */
};

/* Load path.  Returns NULL with an error in d on a missing file, invalid
 * UTF-8 or UTF-16, an empty file, a duplicate header name, an empty one
 * over a column that holds a value (an entirely empty column without a
 * name is dropped; rows of empty fields are skipped), a ragged row or a
 * size past the limits (also: a directory, NUL bytes, a bare CR, a stray or
 * unterminated quote; the first error in the file wins).  Caller frees with
 * table_free. */
struct table *table_load(const char *path, struct diags *d);
/* The bytes of the data file open at fd (path names it in errors),
 * NUL-terminated, at most max + 1 of them so that an oversized file or
 * /dev/zero is seen as such; the length in *len; caller frees.  A folder,
 * FIFO or socket is refused before a byte is read.  NULL with an error in
 * d.  (table_load reads with it; so does the sandbox, on the descriptor it
 * has checked.) */
char *table_read_fd(int fd, const char *path, size_t max, size_t *len,
    struct diags *d);
/* Parse CSV from memory (path names it in errors).  Same contract. */
struct table *table_parse(const char *path, const char *data, size_t len,
    struct diags *d);
/* Free t and everything in it; NULL is fine. */
void table_free(struct table *t);
/* Index of the column named name, or -1. */
int table_column(const struct table *t, const char *name);
/* The cell at row (0-based data row) and column; lent; NULL when either is
 * out of range. */
const struct table_cell *table_cell(const struct table *t, size_t row,
    size_t col);
/* Parse every cell of column col as a figure in lang into out (nrows
 * entries).  An empty or unparsable cell is an error naming file, line,
 * column and column name; returns false then (every bad cell of the column
 * is reported). */
bool table_figures(const struct table *t, size_t col, enum lang lang,
    struct figure *out, struct diags *d);

#endif
