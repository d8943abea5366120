/* table: CSV data files read with libcsv into located text cells; the
 * delimiter sniffer, the bounded file read and figure columns.
 *
 * libcsv reports fields, not positions.  So the input is cut into physical
 * lines here, and each line is handed to libcsv in pieces that end at the
 * only bytes that can end a field (the delimiter, a quote, the newline): a
 * callback therefore always fires on the last byte of the piece just fed,
 * and the byte where each field starts is seen here before libcsv sees it.
 *
 * Decisions: ASCII spaces around an unquoted field are trimmed (libcsv's
 * space function is set to ' ' alone, so a TAB is never trimmed and can be
 * the delimiter); text inside quotes is kept as written.  Blank lines are
 * skipped, and so are rows of empty fields (";;", as Excel writes the
 * empty rows below a table); a column with neither a name nor a value (a
 * delimiter ending every line) is dropped.  Quoting is strict: a quote
 * inside an unquoted field, or text after a closing quote, is an error
 * rather than a guess.  A carriage return is only allowed before a line
 * feed (or as the very last byte); CRLF inside a quoted field becomes LF.
 * A cell's column is that of its first character, after the opening quote
 * of a quoted field; for an empty field it is where the field would have
 * started. */
#include "table.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "utf8.h"
#include "xmalloc.h"

/* The sniffer looks at this many rows after the header, within this many
 * bytes: enough to see a consistent column count, cheap on big files. */
#define SNIFF_ROWS	10
#define SNIFF_BYTES	(64 * 1024)

/* Cell texts are packed into blocks that never move, so ten million cells
 * cost ten million small strings, not ten million mallocs.  Blocks start
 * small and double up to TABLE_BLOCK: a report of a thousand small CSV
 * files held 64 MiB of mostly empty blocks at its peak. */
#define TABLE_BLOCK_FIRST	512
#define TABLE_BLOCK	(64 * 1024)

struct table_block {
	struct table_block *next;
	size_t used;
	size_t size;
	char data[];
};

static const char table_delimiters[] = { ',', ';', '\t' };
#define NDELIMS	(sizeof table_delimiters)

/* Everything one parse needs; callbacks from libcsv receive it. */
struct table_parser {
	const char *path;
	struct diags *d;
	bool failed;
	char delim;
	/* The physical line being fed, and a running character column so
	 * that positions cost O(line) in total, not O(line) each. */
	int line;
	const char *lp;
	size_t len;		/* of lp, line end excluded */
	size_t col_off;		/* byte offset in lp whose column is col */
	int col;
	/* The field being read: where its first non-space byte stood. */
	bool awaiting;		/* between fields: the next byte starts one */
	bool quoted;
	int f_line;
	int f_col;
	/* The row being read. */
	struct table_cell *row;
	size_t nrow;
	size_t row_cap;
	size_t nfields;		/* fields seen in the row, kept or not */
	bool content;		/* a field of the row has text or quotes */
	int extra_line;		/* first field past the header's count, */
	int extra_col;		/* 0 when there is none */
	/* The table being built; its header is set by the first row. */
	struct table *t;
	size_t cells_cap;
};

static int
table_is_space(unsigned char c)
{
	return c == ' ';
}

static int
table_is_term(unsigned char c)
{
	return c == '\n';
}

static void *
table_realloc(void *p, size_t n)
{
	return xreallocarray(p, n, 1);
}

static void
table_fail(struct table_parser *p, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
table_fail(struct table_parser *p, int line, int col, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (p->failed)		/* within one parse the first error wins */
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_error(p->d, srcpos_at(p->path, line, col), "%s", msg);
	p->failed = true;
}

/* Column of lp[off]; off never goes backwards within a line. */
static int
table_col(struct table_parser *p, size_t off)
{
	if (off < p->col_off) {
		p->col_off = 0;
		p->col = 1;
	}
	p->col += (int)utf8_count(p->lp + p->col_off, off - p->col_off);
	p->col_off = off;
	return p->col;
}

/* A NUL-terminated copy of s[0..len) in t's blocks. */
static char *
table_store(struct table *t, const char *s, size_t len)
{
	struct table_block *b = t->blocks;
	char *copy;

	if (b == NULL || b->size - b->used < len + 1) {
		size_t size = b == NULL ? TABLE_BLOCK_FIRST :
		    b->size >= TABLE_BLOCK / 2 ? TABLE_BLOCK : b->size * 2;
		if (size < len + 1)
			size = len + 1;
		b = xmalloc(sizeof *b + size);
		b->next = t->blocks;
		b->used = 0;
		b->size = size;
		t->blocks = b;
	}
	copy = b->data + b->used;
	memcpy(copy, s, len);
	copy[len] = '\0';
	b->used += len + 1;
	return copy;
}

/* A cell's text: NFC, but ASCII (the common case) is NFC already. */
static char *
table_text(struct table *t, const char *s, size_t len)
{
	char *nfc, *copy;

	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			goto normalise;
	return table_store(t, s, len);
normalise:
	nfc = utf8_nfc(s, len);
	copy = table_store(t, nfc, strlen(nfc));
	free(nfc);
	return copy;
}

/* libcsv callback: one field has ended. */
static void
table_on_field(void *s, size_t len, void *data)
{
	struct table_parser *p = data;
	size_t ncols = p->t->header ? p->t->ncols : 0;
	int col = p->f_col + (p->quoted ? 1 : 0);
	struct table_cell *c;

	p->awaiting = true;
	if (p->failed)
		return;
	p->nfields++;
	p->content |= len > 0 || p->quoted;
	/* A data row's extra fields are counted, not kept: only the header
	 * can make the table wide. */
	if (!ncols && p->nfields > TABLE_MAX_COLS) {
		table_fail(p, p->f_line, col, "more than %d columns (the limit)",
		    TABLE_MAX_COLS);
		return;
	}
	if (len > TABLE_MAX_FIELD) {
		table_fail(p, p->f_line, col,
		    "field is longer than the %u KiB limit",
		    TABLE_MAX_FIELD / 1024);
		return;
	}
	if (ncols && p->nfields > ncols) {
		/* Report once the row ends, with its field count. */
		if (p->extra_line == 0) {
			p->extra_line = p->f_line;
			p->extra_col = col;
		}
		return;
	}
	if (p->nrow == p->row_cap) {
		p->row_cap = p->row_cap ? p->row_cap * 2 : 16;
		p->row = xreallocarray(p->row, p->row_cap, sizeof *p->row);
	}
	c = &p->row[p->nrow++];
	c->text = table_text(p->t, s, len);
	c->line = p->f_line;
	c->col = col;
}

static bool
table_unnamed(const struct table_cell *c)
{
	return c->text[strspn(c->text, " ")] == '\0';
}

/* Names must differ.  A column without one may still be dropped at the
 * end (table_drop_unnamed), so it is not an error yet — unless no column
 * has a name. */
static bool
table_header_check(struct table_parser *p)
{
	struct table_cell *h = p->row;
	size_t named = 0;

	for (size_t i = 0; i < p->nrow; i++) {
		if (table_unnamed(&h[i]))
			continue;
		named++;
		for (size_t j = 0; j < i; j++)
			if (strcmp(h[i].text, h[j].text) == 0) {
				table_fail(p, h[i].line, h[i].col,
				    "duplicate column name \"%s\": columns %zu "
				    "and %zu", h[i].text, j + 1, i + 1);
				return false;
			}
	}
	if (named == 0)
		table_fail(p, h[0].line, h[0].col,
		    "column 1 has no name in the header row");
	return named > 0;
}

static void
table_header_accept(struct table_parser *p)
{
	if (!table_header_check(p))
		return;
	p->t->ncols = p->nrow;
	p->t->header = xreallocarray(NULL, p->nrow, sizeof *p->t->header);
	memcpy(p->t->header, p->row, p->nrow * sizeof *p->row);
	p->nrow = 0;
}

static void
table_row_accept(struct table_parser *p)
{
	struct table *t = p->t;
	int line = p->row[0].line;

	if (t->nrows >= TABLE_MAX_ROWS) {
		table_fail(p, line, 1, "more than %d data rows (the limit)",
		    TABLE_MAX_ROWS);
		return;
	}
	if ((t->nrows + 1) * t->ncols > TABLE_MAX_CELLS) {
		table_fail(p, line, 1, "more than %d cells (the limit)",
		    TABLE_MAX_CELLS);
		return;
	}
	if ((t->nrows + 1) * t->ncols > p->cells_cap) {
		p->cells_cap = p->cells_cap ? p->cells_cap * 2 : 16 * t->ncols;
		t->cells = xreallocarray(t->cells, p->cells_cap,
		    sizeof *t->cells);
	}
	memcpy(t->cells + t->nrows * t->ncols, p->row,
	    t->ncols * sizeof *p->row);
	t->nrows++;
	p->nrow = 0;
}

static const char *
table_delim_name(char delim)
{
	return delim == '\t' ? "TAB" : delim == ';' ? "';'" : "','";
}

/* libcsv callback: one row has ended (c is unused: '\n' or -1 at EOF). */
static void
table_on_row(int c, void *data)
{
	struct table_parser *p = data;
	size_t ncols = p->t->ncols;

	(void)c;
	if (p->failed)
		;
	else if (!p->content)
		;	/* ";;" — Excel's empty row: blank, like a blank line */
	else if (!p->t->header)
		table_header_accept(p);
	else if (p->extra_line)
		table_fail(p, p->extra_line, p->extra_col,
		    "row has %zu fields, the header has %zu (a field "
		    "containing %s must be in quotes)", p->nfields, ncols,
		    table_delim_name(p->delim));
	else if (p->nfields < ncols)
		table_fail(p, p->row[0].line, 1,
		    "row has %zu field%s, the header has %zu", p->nfields,
		    p->nfields == 1 ? "" : "s", ncols);
	else
		table_row_accept(p);
	p->nrow = 0;
	p->nfields = 0;
	p->content = false;
	p->extra_line = 0;
	p->awaiting = true;
}

/* The byte at lp[off] starts a field (or ends an empty one). */
static void
table_mark(struct table_parser *p, size_t off, bool quote)
{
	p->awaiting = false;
	p->quoted = quote;
	p->f_line = p->line;
	p->f_col = table_col(p, off);
}

/* Hand s[0..n) to libcsv, s being at byte off of the line; a strict-mode
 * refusal becomes a located error. */
static bool
table_feed(struct table_parser *p, struct csv_parser *csv, size_t off,
    const char *s, size_t n)
{
	size_t done = csv_parse(csv, s, n, table_on_field, table_on_row, p);
	int col;

	if (p->failed)
		return false;
	if (done == n)
		return true;
	col = table_col(p, off + done);
	if (p->quoted)
		table_fail(p, p->line, col, "text after a closing quote: "
		    "write a quote inside a quoted field as \"\"");
	else
		table_fail(p, p->line, col, "quote inside an unquoted field: "
		    "put the whole field in quotes and write the quote as "
		    "\"\"");
	return false;
}

/* The line's bytes must be text: UTF-8, no NUL, no stray carriage return. */
static bool
table_line_check(struct table_parser *p, const char *lp, size_t n)
{
	const char *cr = memchr(lp, '\r', n);
	size_t bad;

	if (!utf8_valid(lp, n, &bad) && (!cr || (size_t)(cr - lp) > bad)) {
		if (lp[bad] == '\0')
			table_fail(p, p->line, table_col(p, bad), "NUL byte: "
			    "this is not a text CSV file (a spreadsheet "
			    "saved as .xlsx or .ods?)");
		else
			table_fail(p, p->line, table_col(p, bad),
			    "invalid UTF-8 (byte 0x%02X): save the file as "
			    "UTF-8", (unsigned char)lp[bad]);
		return false;
	}
	if (cr) {
		table_fail(p, p->line, table_col(p, (size_t)(cr - lp)),
		    "carriage return without a line feed: save the file "
		    "with LF or CRLF line ends");
		return false;
	}
	return true;
}

/* Feed one physical line, lp[0..n) without its line end, then its '\n'. */
static bool
table_line(struct table_parser *p, struct csv_parser *csv, const char *lp,
    size_t n, bool newline)
{
	size_t i = 0, j;

	p->lp = lp;
	p->len = n;
	p->col_off = 0;
	p->col = 1;
	if (!table_line_check(p, lp, n))
		return false;
	while (i < n) {
		if (p->awaiting) {
			if (lp[i] != ' ')
				table_mark(p, i, lp[i] == '"');
			j = i + 1;
		} else {
			for (j = i; j < n && lp[j] != p->delim && lp[j] != '"';)
				j++;
			if (j < n)
				j++;	/* the byte that may end the field */
		}
		if (!table_feed(p, csv, i, lp + i, j - i))
			return false;
		i = j;
	}
	if (!newline)
		return true;
	if (p->awaiting) {
		/* An empty last field starts at the line end; a blank line
		 * fires no callback and leaves us awaiting still. */
		table_mark(p, n, false);
		p->awaiting = true;
	}
	return table_feed(p, csv, n, "\n", 1);
}

/* Field counts per delimiter of the first rows, quotes respected. */
static size_t
table_sniff_rows(const char *s, size_t len, size_t counts[][NDELIMS])
{
	size_t rows = 0, i = 0, n = len > SNIFF_BYTES ? SNIFF_BYTES : len;
	bool inq = false, blank = true;

	memset(counts[0], 0, sizeof counts[0]);
	for (; i < n && rows <= SNIFF_ROWS; i++) {
		char c = s[i];
		if (c == '"')
			inq = !inq;
		if (c == '\n' && !inq) {
			if (!blank)
				memset(counts[++rows], 0, sizeof counts[0]);
			blank = true;
			continue;
		}
		if (c != ' ' && c != '\r')
			blank = false;
		for (size_t k = 0; k < NDELIMS && !inq; k++)
			if (c == table_delimiters[k])
				counts[rows][k]++;
	}
	/* A last row without a line end counts; one cut by the byte window
	 * is no evidence, except the header, which is always counted. */
	if (i == len && !blank && rows <= SNIFF_ROWS)
		rows++;
	return rows > 0 ? rows : 1;
}

/* The delimiter: among those giving the header more than one column, the
 * one most later rows agree with, then the one giving most columns. */
static char
table_sniff(const char *s, size_t len)
{
	size_t counts[SNIFF_ROWS + 2][NDELIMS];
	size_t rows = table_sniff_rows(s, len, counts);
	size_t best = 0, best_agree = 0;
	bool found = false;

	for (size_t k = 0; k < NDELIMS; k++) {
		size_t agree = 0;
		if (counts[0][k] == 0)
			continue;
		for (size_t r = 1; r < rows; r++)
			agree += counts[r][k] == counts[0][k];
		/* On a full tie the later delimiter wins: ';' over ',' (a
		 * comma in every line may be a decimal comma), TAB over
		 * both (no one types a TAB into a name). */
		if (!found || agree > best_agree || (agree == best_agree &&
		    counts[0][k] >= counts[0][best])) {
			best = k;
			best_agree = agree;
			found = true;
		}
	}
	return table_delimiters[best];
}

static void
table_parser_init(struct table_parser *p, struct csv_parser *csv,
    const char *path, char delim, struct diags *d)
{
	memset(p, 0, sizeof *p);
	p->path = path;
	p->d = d;
	p->delim = delim;
	p->awaiting = true;
	p->t = xcalloc(1, sizeof *p->t);
	p->t->path = xstrdup(path);
	p->t->delimiter = delim;
	csv_init(csv, CSV_STRICT | CSV_STRICT_FINI);
	csv_set_delim(csv, (unsigned char)delim);
	csv_set_space_func(csv, table_is_space);
	csv_set_term_func(csv, table_is_term);
	csv_set_realloc_func(csv, table_realloc);
}

/* Cut s into physical lines and feed them; then end the last row. */
static void
table_feed_all(struct table_parser *p, struct csv_parser *csv, const char *s,
    size_t len)
{
	const char *end = s + len;

	while (s < end && !p->failed) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *stop = nl ? nl : end;
		size_t n = (size_t)(stop - s);

		p->line++;
		if (n > 0 && s[n - 1] == '\r')
			n--;	/* CRLF, or a CR as the very last byte */
		if (!table_line(p, csv, s, n, nl != NULL))
			return;
		s = nl ? nl + 1 : end;
	}
	if (p->failed)
		return;
	if (p->awaiting)	/* an empty last field ends at EOF */
		table_mark(p, p->len, false);
	if (csv_fini(csv, table_on_field, table_on_row, p) != 0)
		table_fail(p, p->f_line, p->f_col, "unterminated quote: the "
		    "field that starts here has no closing quote");
}

/* Errors that the whole buffer shows before any line is read. */
static bool
table_prelude(const char *path, const char **data, size_t *len,
    struct diags *d)
{
	const unsigned char *u = (const unsigned char *)*data;

	if (*len > TABLE_MAX_BYTES) {
		diag_error(d, srcpos_at(path, 0, 0), "file is larger than the "
		    "%u MiB limit", TABLE_MAX_BYTES / (1024 * 1024));
		return false;
	}
	if (*len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	    (u[0] == 0xFE && u[1] == 0xFF))) {
		diag_error(d, srcpos_at(path, 1, 1), "file is UTF-16: save it "
		    "as UTF-8");
		return false;
	}
	/* Without a BOM, UTF-16 shows as a NUL after (or before) each of
	 * the first ASCII characters. */
	if (*len >= 4 && ((u[0] && !u[1] && u[2] && !u[3]) ||
	    (!u[0] && u[1] && !u[2] && u[3]))) {
		diag_error(d, srcpos_at(path, 1, 1), "file is UTF-16 (without "
		    "a byte order mark): save it as UTF-8");
		return false;
	}
	if (*len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		*data += 3;	/* the BOM is not text: columns start after */
		*len -= 3;
	}
	if (*len == 0) {
		diag_error(d, srcpos_at(path, 0, 0), "empty file: the first "
		    "line must name the columns");
		return false;
	}
	return true;
}

/* Whether column col of t holds nothing but empty cells. */
static bool
table_column_empty(const struct table *t, size_t col)
{
	for (size_t r = 0; r < t->nrows; r++)
		if (t->cells[r * t->ncols + col].text[0] != '\0')
			return false;
	return true;
}

/* A column without a name and without a value — a trailing delimiter on
 * every line, an empty spreadsheet column — is dropped; one that holds a
 * value is an error, reported at its header. */
static void
table_drop_unnamed(struct table_parser *p)
{
	struct table *t = p->t;
	size_t keep = 0;

	for (size_t c = 0; c < t->ncols; c++)
		if (table_unnamed(&t->header[c]) && !table_column_empty(t, c)) {
			table_fail(p, t->header[c].line, t->header[c].col,
			    "column %zu has no name in the header row", c + 1);
			return;
		}
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++)
			if (!table_unnamed(&t->header[c]))
				t->cells[keep++] = t->cells[r * t->ncols + c];
	keep = 0;
	for (size_t c = 0; c < t->ncols; c++)
		if (!table_unnamed(&t->header[c]))
			t->header[keep++] = t->header[c];
	t->ncols = keep;
}

struct table *
table_parse(const char *path, const char *data, size_t len, struct diags *d)
{
	struct table_parser p;
	struct csv_parser csv;

	if (!table_prelude(path, &data, &len, d))
		return NULL;
	table_parser_init(&p, &csv, path, table_sniff(data, len), d);
	table_feed_all(&p, &csv, data, len);
	csv_free(&csv);
	if (!p.failed && !p.t->header)
		table_fail(&p, 0, 0, "no header row: every line is blank");
	if (!p.failed)
		table_drop_unnamed(&p);
	free(p.row);
	if (p.failed) {
		table_free(p.t);
		return NULL;
	}
	return p.t;
}

/* Read at most max + 1 bytes of fd, so that /dev/zero cannot fill memory
 * and an oversized file is seen as such. */
static char *
table_read_bytes(int fd, size_t max, size_t *len)
{
	size_t cap = 64 * 1024, n = 0;
	char *buf = xmalloc(cap + 1);

	for (;;) {
		ssize_t r;
		if (n == cap) {
			if (cap > max)
				break;
			cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			buf = xreallocarray(buf, cap + 1, 1);
		}
		r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(buf);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

char *
table_read_fd(int fd, const char *path, size_t max, size_t *len,
    struct diags *d)
{
	struct stat st;
	char *buf = NULL;

	if (fstat(fd, &st) != 0)
		diag_error(d, srcpos_at(path, 0, 0), "cannot read data file: "
		    "%s", strerror(errno));
	else if (S_ISDIR(st.st_mode))
		diag_error(d, srcpos_at(path, 0, 0), "is a directory, not a "
		    "CSV file");
	else if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))
		diag_error(d, srcpos_at(path, 0, 0), "is a FIFO or socket, not "
		    "a CSV file");
	else if ((buf = table_read_bytes(fd, max, len)) == NULL)
		diag_error(d, srcpos_at(path, 0, 0), "cannot read data file: "
		    "%s", strerror(errno));
	return buf;
}

struct table *
table_load(const char *path, struct diags *d)
{
	struct table *t = NULL;
	size_t len = 0;
	char *buf;
	/* O_NONBLOCK: opening a FIFO nobody writes to would wait forever. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);

	if (fd < 0) {
		diag_error(d, srcpos_at(path, 0, 0), "cannot read data file: "
		    "%s", strerror(errno));
		return NULL;
	}
	buf = table_read_fd(fd, path, TABLE_MAX_BYTES, &len, d);
	close(fd);
	if (buf)
		t = table_parse(path, buf, len, d);
	free(buf);
	return t;
}

void
table_free(struct table *t)
{
	if (t == NULL)
		return;
	while (t->blocks) {
		struct table_block *next = t->blocks->next;
		free(t->blocks);
		t->blocks = next;
	}
	free(t->header);
	free(t->cells);
	free(t->path);
	free(t);
}

int
table_column(const struct table *t, const char *name)
{
	char *nfc = utf8_nfc(name, strlen(name));
	int found = -1;

	for (size_t i = 0; i < t->ncols && found < 0; i++)
		if (strcmp(t->header[i].text, nfc) == 0)
			found = (int)i;
	free(nfc);
	return found;
}

const struct table_cell *
table_cell(const struct table *t, size_t row, size_t col)
{
	if (row >= t->nrows || col >= t->ncols)
		return NULL;
	return &t->cells[row * t->ncols + col];
}

/* Where the character at 1-based column ccol of cell c stood in the file:
 * a quoted cell may span lines. */
static struct srcpos
table_cell_pos(const struct table *t, const struct table_cell *c, int ccol)
{
	struct srcpos pos = srcpos_at(t->path, c->line, c->col);
	const char *s = c->text;
	size_t left = strlen(s);

	for (int i = 1; i < ccol && left > 0; i++) {
		size_t n;
		utf8_decode(s, left, &n);
		left -= n;
		if (*s == '\n') {
			pos.line++;
			pos.col = 1;
		} else {
			pos.col++;
		}
		s += n;
	}
	return pos;
}

bool
table_figures(const struct table *t, size_t col, enum lang lang,
    struct figure *out, struct diags *d)
{
	const char *name = t->header[col].text;
	bool ok = true;

	for (size_t r = 0; r < t->nrows; r++) {
		const struct table_cell *c = table_cell(t, r, col);
		struct figure_error err;

		memset(&out[r], 0, sizeof out[r]);
		if (c->text[strspn(c->text, " ")] == '\0') {
			diag_error(d, srcpos_at(t->path, c->line, c->col),
			    "empty cell in column \"%s\": a figure is needed",
			    name);
			ok = false;
		} else if (!figure_parse(c->text, lang, &out[r], &err)) {
			diag_error(d, table_cell_pos(t, c, err.col),
			    "column \"%s\": %s", name, err.message);
			ok = false;
		}
	}
	return ok;
}
