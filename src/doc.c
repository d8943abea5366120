/* doc: freeing the document model, and its text dump for tests. */
#include "doc.h"

#include <glib.h>
#include <stdlib.h>

#include "strbuf.h"
#include "xmalloc.h"

void
rich_release(struct rich *r)
{
	for (size_t i = 0; i < r->nspans; i++)
		free(r->spans[i].href);
	free(r->spans);
	free(r->text);
	r->text = NULL;
	r->spans = NULL;
	r->nspans = 0;
}

void
doc_table_free(struct doc_table *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		rich_release(&t->cells[i]);
	free(t->cells);
	free(t->align);
	free(t->caption);
	free(t->source);
	free(t);
}

void
block_release(struct block *b)
{
	rich_release(&b->text);
	free(b->id);
	for (size_t i = 0; i < b->nchildren; i++)
		block_release(&b->children[i]);
	free(b->children);
	doc_table_free(b->table);
	if (b->chart) {
		chart_data_release(b->chart);
		free(b->chart);
	}
	b->id = NULL;
	b->children = NULL;
	b->nchildren = 0;
	b->table = NULL;
	b->chart = NULL;
}

void
doc_free(struct doc *doc)
{
	if (doc == NULL)
		return;
	for (size_t i = 0; i < doc->nblocks; i++)
		block_release(&doc->blocks[i]);
	free(doc->blocks);
	for (size_t i = 0; i < doc->ninputs; i++)
		free(doc->inputs[i]);
	free(doc->inputs);
	free(doc->fm.title);
	free(doc->fm.subtitle);
	free(doc->fm.author);
	free(doc->fm.date);
	free(doc->path);
	free(doc);
}

/* --- dump ---------------------------------------------------------------- */

static void
dump_str(struct strbuf *sb, const char *s)
{
	if (s == NULL) {
		strbuf_puts(sb, "-");
		return;
	}
	strbuf_putc(sb, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			strbuf_putc(sb, '\\');
		if (*s == '\n')
			strbuf_puts(sb, "\\n");
		else
			strbuf_putc(sb, *s);
	}
	strbuf_putc(sb, '"');
}

static void
dump_indent(struct strbuf *sb, int depth)
{
	for (int i = 0; i < depth; i++)
		strbuf_puts(sb, "  ");
}

static void
dump_rich(struct strbuf *sb, const struct rich *r, int depth)
{
	static const char *const names[] = {
		"bold", "italic", "code", "link", "strike",
	};

	strbuf_putc(sb, ' ');
	dump_str(sb, r->text);
	strbuf_putc(sb, '\n');
	for (size_t i = 0; i < r->nspans; i++) {
		const struct span *s = &r->spans[i];
		dump_indent(sb, depth + 1);
		strbuf_printf(sb, "span %zu-%zu", s->start, s->end);
		for (size_t k = 0; k < 5; k++)
			if (s->style & (1u << k))
				strbuf_printf(sb, " %s", names[k]);
		if (s->href) {
			strbuf_putc(sb, ' ');
			dump_str(sb, s->href);
		}
		strbuf_putc(sb, '\n');
	}
}

static void
dump_table(struct strbuf *sb, const struct doc_table *t, int depth)
{
	static const char *const al[] = { "left", "center", "right" };

	strbuf_printf(sb, " %zux%zu header %zu caption ", t->nrows, t->ncols,
	    t->nheader);
	dump_str(sb, t->caption);
	strbuf_puts(sb, " source ");
	dump_str(sb, t->source);
	strbuf_putc(sb, '\n');
	dump_indent(sb, depth + 1);
	strbuf_puts(sb, "align");
	for (size_t c = 0; c < t->ncols; c++)
		strbuf_printf(sb, " %s", al[t->align[c]]);
	strbuf_putc(sb, '\n');
	for (size_t r = 0; r < t->nrows; r++) {
		dump_indent(sb, depth + 1);
		strbuf_puts(sb, "row");
		for (size_t c = 0; c < t->ncols; c++) {
			strbuf_putc(sb, ' ');
			dump_str(sb, t->cells[r * t->ncols + c].text);
		}
		strbuf_putc(sb, '\n');
	}
}

static void
dump_chart(struct strbuf *sb, const struct chart_data *c, int depth)
{
	static const char *const types[] = {
		"bar", "hbar", "grouped", "stacked", "squares",
	};
	static const char *const scales[] = {
		"auto", "linear", "log", "broken",
	};
	char num[G_ASCII_DTOSTR_BUF_SIZE];

	strbuf_printf(sb, " %s scale %s lang %s ratio %d highlight %ld"
	    " gray %d\n", types[c->type], scales[c->scale], lang_code(c->lang),
	    c->annotate_ratio, c->highlight, c->grayscale);
	dump_indent(sb, depth + 1);
	strbuf_puts(sb, "title ");
	dump_str(sb, c->title);
	strbuf_puts(sb, " caption ");
	dump_str(sb, c->caption);
	strbuf_puts(sb, " source ");
	dump_str(sb, c->source);
	strbuf_putc(sb, '\n');
	dump_indent(sb, depth + 1);
	strbuf_puts(sb, "series");
	for (size_t s = 0; s < c->nseries; s++) {
		strbuf_putc(sb, ' ');
		dump_str(sb, c->series[s]);
	}
	strbuf_putc(sb, '\n');
	for (size_t k = 0; k < c->ncats; k++) {
		dump_indent(sb, depth + 1);
		strbuf_puts(sb, "cat ");
		dump_str(sb, c->cats[k]);
		for (size_t s = 0; s < c->nseries; s++) {
			const struct figure *f = &c->values[k * c->nseries + s];
			g_ascii_dtostr(num, sizeof num, f->value);
			strbuf_printf(sb, " %s", num);
			if (f->unit[0])
				strbuf_printf(sb, "[%s]", f->unit);
			if (f->bound != FIGURE_EXACT)
				strbuf_printf(sb, "(%s)",
				    figure_bound_name(f->bound));
		}
		strbuf_putc(sb, '\n');
	}
}

static void
dump_block(struct strbuf *sb, const struct block *b, int depth)
{
	static const char *const kinds[] = {
		"heading", "paragraph", "list", "item", "quote", "rule",
		"code", "table", "chart",
	};

	dump_indent(sb, depth);
	strbuf_printf(sb, "%d %s", b->line, kinds[b->kind]);
	switch (b->kind) {
	case BLOCK_HEADING:
		strbuf_printf(sb, " %d #%s", b->level, b->id ? b->id : "");
		dump_rich(sb, &b->text, depth);
		break;
	case BLOCK_PARAGRAPH:
	case BLOCK_CODE:
		dump_rich(sb, &b->text, depth);
		break;
	case BLOCK_LIST:
		strbuf_printf(sb, " level %d", b->level);
		if (b->ordered)
			strbuf_printf(sb, " ordered start %d", b->start);
		strbuf_putc(sb, '\n');
		break;
	case BLOCK_TABLE:
		dump_table(sb, b->table, depth);
		break;
	case BLOCK_CHART:
		dump_chart(sb, b->chart, depth);
		break;
	default:
		strbuf_putc(sb, '\n');
	}
	for (size_t i = 0; i < b->nchildren; i++)
		dump_block(sb, &b->children[i], depth + 1);
}

static void
dump_frontmatter(struct strbuf *sb, const struct frontmatter *fm)
{
	static const char *const papers[] = { "A4", "A5", "Letter" };

	strbuf_puts(sb, "title ");
	dump_str(sb, fm->title);
	strbuf_puts(sb, "\nsubtitle ");
	dump_str(sb, fm->subtitle);
	strbuf_puts(sb, "\nauthor ");
	dump_str(sb, fm->author);
	strbuf_puts(sb, "\ndate ");
	dump_str(sb, fm->date);
	strbuf_printf(sb, "\nlang %s paper %s%s align %s print %s\n",
	    lang_code(fm->lang), papers[fm->paper],
	    fm->landscape ? " landscape" : "",
	    fm->align == ALIGN_LEFT ? "left" : "justify",
	    fm->grayscale ? "grayscale" : "color");
}

char *
doc_dump(const struct doc *doc)
{
	struct strbuf sb;

	strbuf_init(&sb, 0);
	dump_frontmatter(&sb, &doc->fm);
	for (size_t i = 0; i < doc->ninputs; i++) {
		strbuf_puts(&sb, "input ");
		dump_str(&sb, doc->inputs[i]);
		strbuf_putc(&sb, '\n');
	}
	for (size_t i = 0; i < doc->nblocks; i++)
		dump_block(&sb, &doc->blocks[i], 0);
	return strbuf_detach(&sb);
}
