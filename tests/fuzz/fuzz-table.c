/* fuzz-table: libFuzzer target for table_parse and table_figures; checks
 * that a table, when one comes back, keeps its promises. */
#include <csv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "strbuf.h"
#include "table.h"
#include "utf8.h"
#include "xmalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input as table_parse sees it (BOM skipped), to check positions. */
static const char *src;
static size_t src_len;

/* The byte at 1-based line and character column, NULL when the position
 * is not in the input; the end of a line (or of the input) is in it. */
static const char *
locate(int line, int col)
{
	const char *s = src, *end = src + src_len;

	for (int l = 1; l < line; l++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		if (nl == NULL)
			return NULL;
		s = nl + 1;
	}
	for (int c = 1; c < col; c++) {
		if (s == end || *s == '\n')
			return NULL;
		s++;
		while (s < end && ((unsigned char)*s & 0xC0) == 0x80)
			s++;
	}
	return s;
}

/* A cell's position must hold its first character, or for an empty cell
 * what ends a field. */
static void
check_position(const struct table_cell *c, char delim)
{
	const char *at = locate(c->line, c->col);
	unsigned char first = (unsigned char)c->text[0];

	if (at == NULL)
		abort();
	if (first == '\0') {
		if (at < src + src_len && *at != delim && *at != '"' &&
		    *at != '\n' && *at != '\r')
			abort();
	} else if (first < 0x80 && first != '\n') {
		/* NFC turns a few characters into ASCII ones (U+037E GREEK
		 * QUESTION MARK is ';', U+212A KELVIN SIGN 'K'): only an
		 * ASCII byte written there must match. */
		if (at == src + src_len || ((unsigned char)*at < 0x80 &&
		    (unsigned char)*at != first))
			abort();
	}
}

static void
check_cell(const struct table *t, const struct table_cell *c, int min_line)
{
	size_t len = strlen(c->text);

	if (!utf8_valid(c->text, len, NULL) || len > 3 * TABLE_MAX_FIELD ||
	    c->line < min_line || c->col < 1)
		abort();
	check_position(c, t->delimiter);
}

static void
check_table(const struct table *t)
{
	int line = 1;

	if (t->ncols < 1 || t->ncols > TABLE_MAX_COLS ||
	    t->nrows > TABLE_MAX_ROWS)
		abort();
	for (size_t c = 0; c < t->ncols; c++) {
		check_cell(t, &t->header[c], 1);
		if (t->header[c].text[0] == '\0' || table_column(t,
		    t->header[c].text) != (int)c)
			abort();
	}
	for (size_t r = 0; r < t->nrows; r++) {
		/* Rows come in file order, each below the header. */
		int row_line = table_cell(t, r, 0)->line;
		if (row_line <= t->header[0].line || row_line < line)
			abort();
		line = row_line;
		for (size_t c = 0; c < t->ncols; c++)
			check_cell(t, table_cell(t, r, c), row_line);
	}
}

static void
check_figures(const struct table *t, enum lang lang)
{
	struct figure *f = xcalloc(t->nrows ? t->nrows : 1, sizeof *f);
	struct diags d;

	diags_init(&d);
	/* A few columns exercise every path; a thousand only slow it down. */
	for (size_t c = 0; c < t->ncols && c < 16; c++) {
		size_t before = d.errors;
		if (table_figures(t, c, lang, f, &d) != (d.errors == before))
			abort();
	}
	for (size_t i = 0; i < d.count; i++)
		if (locate(d.items[i].line, d.items[i].col) == NULL)
			abort();
	diags_release(&d);
	free(f);
}

/* Write row r (-1: the header) with every field quoted. */
static void
write_row(struct strbuf *sb, const struct table *t, long r)
{
	for (size_t c = 0; c < t->ncols; c++) {
		const char *text = r < 0 ? t->header[c].text :
		    table_cell(t, (size_t)r, c)->text;
		size_t len = strlen(text);
		size_t need = csv_write2(NULL, 0, text, len, '"');
		char *buf = xmalloc(need);

		csv_write2(buf, need, text, len, '"');
		if (c)
			strbuf_putc(sb, t->delimiter);
		strbuf_add(sb, buf, need);
		free(buf);
	}
	strbuf_puts(sb, r % 2 ? "\r\n" : "\n");
}

/* Written back out with every field quoted, a table reads back the same. */
static void
check_round_trip(const struct table *t)
{
	struct strbuf sb;
	struct diags d;
	struct table *u;

	strbuf_init(&sb, 0);
	for (long r = -1; r < (long)t->nrows; r++)
		write_row(&sb, t, r);
	diags_init(&d);
	u = table_parse("again.csv", sb.data, sb.len, &d);
	/* One column left (its neighbours dropped as empty and unnamed)
	 * writes no delimiter, so none can be sniffed again. */
	if (u == NULL || u->ncols != t->ncols || u->nrows != t->nrows ||
	    (t->ncols > 1 && u->delimiter != t->delimiter))
		abort();
	for (size_t c = 0; c < t->ncols; c++) {
		if (strcmp(u->header[c].text, t->header[c].text) != 0)
			abort();
		for (size_t r = 0; r < t->nrows; r++)
			if (strcmp(table_cell(u, r, c)->text,
			    table_cell(t, r, c)->text) != 0)
				abort();
	}
	table_free(u);
	diags_release(&d);
	strbuf_release(&sb);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d;
	struct table *t;

	src = (const char *)data;
	src_len = size;
	if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		src += 3;
		src_len -= 3;
	}
	diags_init(&d);
	t = table_parse("fuzz.csv", (const char *)data, size, &d);
	if ((t == NULL) != (d.count == 1))	/* one error, or a table */
		abort();
	/* An error is located in the input, or names no line at all. */
	if (t == NULL && d.items[0].line != 0 &&
	    locate(d.items[0].line, d.items[0].col) == NULL)
		abort();
	if (t) {
		check_table(t);
		check_round_trip(t);
		check_figures(t, LANG_VI);
		check_figures(t, LANG_EN);
	}
	table_free(t);
	diags_release(&d);
	return 0;
}
