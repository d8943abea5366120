/* check-report: the report reader — front matter, Markdown blocks and their
 * lines, spans, chart and table specs, {{references}}, limits, and every
 * error with its exact FILE:LINE:COL. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "markdown.h"
#include "numfmt.h"
#include "report.h"
#include "strbuf.h"
#include "xmalloc.h"

/* Each test writes its report (and CSV files) into a fresh folder; error
 * texts are compared with that folder's name taken out. */
static char dir[64];
static char *files[16];
static size_t nfiles;

static void
put(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *fp = fopen(path, "wb");

	ck_assert_ptr_nonnull(fp);
	fwrite(text, 1, strlen(text), fp);
	fclose(fp);
	ck_assert_uint_lt(nfiles, 16);
	files[nfiles++] = path;
}

static void
setup(void)
{
	strcpy(dir, "/tmp/figpress-report-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	nfiles = 0;
	put("two.csv", "name,a,b\nAlpha,42,7\nBeta (v.2),84,21\n");
	put("bad.csv", "name,v\nA,12\nB,abc\n");
	put("dup.csv", "name,v\nA,1\nA,2\n");
	put("units.csv", "name,usd,pct\nA,$5 million,12%\nB,$7 million,-3%\n");
	put("noted.csv", "name,note,amount,src\nA,first,$5 million,x\n"
	    "B,second,$7 million,y\n");
}

static void
teardown(void)
{
	for (size_t i = 0; i < nfiles; i++) {
		unlink(files[i]);
		free(files[i]);
	}
	rmdir(dir);
}

static struct doc *
load_opt(const char *md, const struct report_options *opt, struct diags *d)
{
	char *path = xasprintf("%s/r.md", dir);
	struct doc *doc;

	put("r.md", md);
	diags_init(d);
	doc = report_load(path, opt, d);
	free(path);
	return doc;
}

static struct doc *
load(const char *md, struct diags *d)
{
	return load_opt(md, NULL, d);
}

/* Diagnostic i as text, without the temporary folder; caller frees. */
static char *
diag_text(const struct diags *d, size_t i)
{
	char *s = diag_format(&d->items[i]), *p;
	size_t n = strlen(dir);

	while ((p = strstr(s, dir)) != NULL)
		memmove(p, p + n + 1, strlen(p + n + 1) + 1);
	return s;
}

/* Check aborts on long strings: report the first difference instead. */
static void
same(const char *got, const char *want)
{
	size_t i = 0;

	while (got[i] && got[i] == want[i])
		i++;
	if (got[i] != want[i])
		ck_abort_msg("differs at byte %zu:\n got: %.80s\nwant: %.80s",
		    i, got + i, want + i);
}

/* The report fails and its first diagnostic is want. */
static void
fails_with(const char *md, const char *want)
{
	struct diags d;
	struct doc *doc = load(md, &d);
	char *got;

	ck_assert_ptr_null(doc);
	ck_assert_uint_ge(d.count, 1);
	got = diag_text(&d, 0);
	same(got, want);
	free(got);
	diags_release(&d);
}

/* Some diagnostic of the report is want. */
static bool
has_diag(const struct diags *d, const char *want)
{
	for (size_t i = 0; i < d->count; i++) {
		char *got = diag_text(d, i);
		bool eq = strcmp(got, want) == 0;
		free(got);
		if (eq)
			return true;
	}
	return false;
}

static char *
read_all(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf = xmalloc(1 << 16);
	size_t n;

	ck_assert_ptr_nonnull(fp);
	n = fread(buf, 1, (1 << 16) - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

/* --- golden: a report with every kind of block --------------------------- */

START_TEST(test_golden_basic)
{
	struct diags d;
	struct doc *doc;
	char *got, *want;

	diags_init(&d);
	doc = report_load("tests/reports/basic.md", NULL, &d);
	ck_assert_uint_eq(d.count, 0);
	ck_assert_ptr_nonnull(doc);
	got = doc_dump(doc);
	want = read_all("tests/reports/basic.dump");
	same(got, want);
	free(got);
	free(want);
	doc_free(doc);
	diags_release(&d);
}
END_TEST

/* --- front matter -------------------------------------------------------- */

struct err_case {
	const char *md;
	const char *want;	/* the first diagnostic */
};

static const struct err_case fm_errors[] = {
	{ "---\ntitle: x\ncolour: red\n---\n",
	  "r.md:3:1: error: front matter: unknown key \"colour\" (known: "
	  "title, subtitle, author, date, lang, paper, align, print, data)" },
	{ "---\ntitle: x\n\nbody\n",
	  "r.md:1:1: error: front matter: no closing '---' line" },
	{ "---\ntitle: &t x\n---\n",
	  "r.md:2:8: error: front matter: YAML anchors (&t) are not "
	  "supported" },
	{ "---\ntitle: x\nauthor: *t\n---\n",
	  "r.md:3:9: error: front matter: YAML aliases (*t) are not "
	  "supported" },
	{ "---\ntitle: [x\n---\n",
	  "r.md:2:8: error: front matter: invalid YAML: did not find "
	  "expected ',' or ']' (while parsing a flow sequence)" },
	{ "---\ndate: 2025-1-30\n---\n",
	  "r.md:2:7: error: front matter: date: expected YYYY-MM-DD, not "
	  "\"2025-1-30\"" },
	{ "---\ndate: 2025-02-29\n---\n",
	  "r.md:2:7: error: front matter: date: 2025-02-29 is not a day of "
	  "the calendar" },
	{ "---\nlang: fr\n---\n",
	  "r.md:2:7: error: front matter: lang: unknown language \"fr\" "
	  "(vi or en)" },
	{ "---\npaper: B5\n---\n",
	  "r.md:2:8: error: front matter: paper: unknown value \"B5\" (A4, "
	  "A5 or Letter, optionally followed by landscape)" },
	{ "---\nalign: center\n---\n",
	  "r.md:2:8: error: front matter: align: unknown value \"center\" "
	  "(justify or left)" },
	{ "---\nprint: sepia\n---\n",
	  "r.md:2:8: error: front matter: print: unknown value \"sepia\" "
	  "(color or grayscale)" },
	{ "---\ndata:\n  a.b: two.csv\n---\n",
	  "r.md:3:3: error: front matter: data: alias \"a.b\" must be a word "
	  "without dots or spaces" },
	{ "---\ntitle: [a, b]\n---\n",
	  "r.md:2:8: error: front matter: title: expected one value, not a "
	  "list" },
	{ "---\ntitle: a\ntitle: b\n---\n",
	  "r.md:3:1: error: front matter: duplicate key \"title\"" },
	{ "---\ndata:\n  p: missing.csv\n---\n",
	  "missing.csv: error: cannot read data file: No such file or "
	  "directory" },
	{ "---\n- a\n- b\n---\n",
	  "r.md:2:1: error: front matter: expected \"key: value\" lines (a "
	  "YAML mapping)" },
	{ "---\ndata: two.csv\n---\n",
	  "r.md:2:7: error: front matter: data: expected alias: path lines, "
	  "such as {spend: ../data/spend.csv}" },
	{ "---\ndata:\n  p: [a]\n---\n",
	  "r.md:3:6: error: front matter: \"p\": too deeply nested here" },
};

START_TEST(test_fm_errors)
{
	fails_with(fm_errors[_i].md, fm_errors[_i].want);
}
END_TEST

START_TEST(test_fm_fields)
{
	struct diags d;
	struct doc *doc = load("---\ntitle: T\nsubtitle: S\nauthor: [A, B]\n"
	    "date: 2024-02-29\nlang: en\npaper: letter Landscape\n"
	    "align: left\nprint: grayscale\n# a comment\n...\nBody.\n", &d);

	ck_assert_ptr_nonnull(doc);
	ck_assert_str_eq(doc->fm.title, "T");
	ck_assert_str_eq(doc->fm.subtitle, "S");
	ck_assert_str_eq(doc->fm.author, "A, B");
	ck_assert_str_eq(doc->fm.date, "2024-02-29");
	ck_assert_int_eq(doc->fm.lang, LANG_EN);
	ck_assert_int_eq(doc->fm.paper, PAPER_LETTER);
	ck_assert(doc->fm.landscape);
	ck_assert_int_eq(doc->fm.align, ALIGN_LEFT);
	ck_assert(doc->fm.grayscale);
	ck_assert_uint_eq(doc->nblocks, 1);
	ck_assert_int_eq(doc->blocks[0].line, 12);
	doc_free(doc);
	diags_release(&d);
}
END_TEST

START_TEST(test_fm_defaults)
{
	struct diags d;
	struct doc *doc = load("---\n---\n\n# H\n", &d);

	ck_assert_ptr_nonnull(doc);
	ck_assert_ptr_null(doc->fm.title);
	ck_assert_ptr_null(doc->fm.date);
	ck_assert_int_eq(doc->fm.lang, LANG_VI);
	ck_assert_int_eq(doc->fm.paper, PAPER_A4);
	ck_assert(!doc->fm.landscape);
	ck_assert_int_eq(doc->fm.align, ALIGN_JUSTIFY);
	ck_assert(!doc->fm.grayscale);
	ck_assert_uint_eq(doc->ninputs, 1);
	ck_assert_int_eq(doc->blocks[0].line, 4);
	doc_free(doc);
	diags_release(&d);
	/* No front matter at all; a first "---" with text is not one. */
	doc = load("Text\n", &d);
	ck_assert_ptr_nonnull(doc);
	ck_assert_int_eq(doc->fm.lang, LANG_VI);
	doc_free(doc);
	diags_release(&d);
	doc = load("--- not front matter\n", &d);
	ck_assert_ptr_nonnull(doc);
	ck_assert_uint_eq(doc->nblocks, 1);
	doc_free(doc);
	diags_release(&d);
}
END_TEST

START_TEST(test_options_override)
{
	struct diags d;
	struct report_options o = { .paper = "A5", .grayscale = true };
	struct doc *doc = load_opt("---\npaper: Letter landscape\n---\n", &o,
	    &d);
	char *s;

	ck_assert_ptr_nonnull(doc);
	ck_assert_int_eq(doc->fm.paper, PAPER_A5);
	ck_assert(doc->fm.landscape);	/* --paper A5 keeps the orientation */
	ck_assert(doc->fm.grayscale);
	doc_free(doc);
	diags_release(&d);
	o.paper = "a4 portrait";
	doc = load_opt("---\npaper: Letter landscape\n---\n", &o, &d);
	ck_assert_int_eq(doc->fm.paper, PAPER_A4);
	ck_assert(!doc->fm.landscape);
	doc_free(doc);
	diags_release(&d);
	o.paper = "B5";
	ck_assert_ptr_null(load_opt("x\n", &o, &d));
	s = diag_text(&d, 0);
	ck_assert_str_eq(s, "figpress: error: --paper: unknown paper \"B5\" "
	    "(A4, A5 or Letter)");
	free(s);
	diags_release(&d);
}
END_TEST

/* --- bytes and text ------------------------------------------------------ */

static const struct err_case text_errors[] = {
	{ "ab\n\xc3\xa1\xc3\xa9\xff\n", "r.md:2:3: error: invalid UTF-8" },
	{ "a\r\nb\rcd\xc3(\n", "r.md:3:3: error: invalid UTF-8" },
	{ "# x\n\xe1\xbb", "r.md:2:1: error: invalid UTF-8" },
};

START_TEST(test_text_errors)
{
	fails_with(text_errors[_i].md, text_errors[_i].want);
}
END_TEST

START_TEST(test_text_nul_and_missing)
{
	struct diags d;
	char *path = xasprintf("%s/r.md", dir), *s;
	FILE *fp;

	put("r.md", "");
	fp = fopen(path, "wb");
	fwrite("ok\n\xc3\xa9x\0y\n", 1, 8, fp);
	fclose(fp);
	diags_init(&d);
	ck_assert_ptr_null(report_load(path, NULL, &d));
	s = diag_text(&d, 0);
	ck_assert_str_eq(s, "r.md:2:3: error: a NUL byte in the text");
	free(s);
	diags_release(&d);
	free(path);
	path = xasprintf("%s/none.md", dir);
	ck_assert_ptr_null(report_load(path, NULL, &d));
	s = diag_text(&d, 0);
	ck_assert_str_eq(s, "none.md: error: cannot read: No such file or "
	    "directory");
	free(s);
	diags_release(&d);
	free(path);
}
END_TEST

START_TEST(test_text_nfc_bom_crlf)
{
	struct diags d;
	/* BOM, CRLF, and "phí" and "Việt" written decomposed (NFD). */
	struct doc *doc = load("\xef\xbb\xbf# Chi phi\xcc\x81\r\n\r\n"
	    "Vie\xcc\xa3\xcc\x82t **x**\r\n", &d);

	ck_assert_ptr_nonnull(doc);
	ck_assert_uint_eq(doc->nblocks, 2);
	ck_assert_str_eq(doc->blocks[0].text.text, "Chi ph\xc3\xad");
	ck_assert_str_eq(doc->blocks[0].id, "chi-phi");
	ck_assert_str_eq(doc->blocks[1].text.text, "Vi\xe1\xbb\x87t x");
	ck_assert_int_eq(doc->blocks[1].line, 3);
	/* Offsets are of the NFC text: "Việt " is 7 bytes. */
	ck_assert_uint_eq(doc->blocks[1].text.spans[0].start, 7);
	doc_free(doc);
	diags_release(&d);
}
END_TEST

/* --- blocks, lines, spans ------------------------------------------------ */

/* Blocks without text (rules, empty items, empty fences) still get their
 * own line; setext underlines and closing fences are not blocks. */
START_TEST(test_block_lines)
{
	static const char md[] =
	    "Title\n"		/* 1 setext heading */
	    "=====\n"
	    "\n"
	    "---\n"		/* 4 rule */
	    "\n"
	    "-\n"		/* 6 list, empty item */
	    "-   \n"		/* 7 empty item */
	    "\n"
	    "```\n"		/* 9 empty fenced block */
	    "```\n"
	    "\n"
	    "~~~ text\n"	/* 12 fenced block */
	    "\n"
	    "x\n"
	    "~~~\n"
	    "***\n"		/* 16 rule */
	    "> - a\n"		/* 17 quote, list, item, paragraph */
	    ">\n"
	    ">   > ***\n"	/* 19 quote, rule */
	    "\n"
	    "    indented\n";	/* 21 code */
	struct diags d;
	struct doc *doc = load(md, &d);
	const struct block *b;

	ck_assert_ptr_nonnull(doc);
	ck_assert_uint_eq(d.count, 0);
	ck_assert_uint_eq(doc->nblocks, 8);
	b = doc->blocks;
	ck_assert_int_eq(b[0].kind, BLOCK_HEADING);
	ck_assert_int_eq(b[0].line, 1);
	ck_assert_int_eq(b[1].kind, BLOCK_RULE);
	ck_assert_int_eq(b[1].line, 4);
	ck_assert_int_eq(b[2].kind, BLOCK_LIST);
	ck_assert_int_eq(b[2].line, 6);
	ck_assert_int_eq(b[2].children[0].line, 6);
	ck_assert_int_eq(b[2].children[1].line, 7);
	ck_assert_int_eq(b[3].kind, BLOCK_CODE);
	ck_assert_int_eq(b[3].line, 9);
	ck_assert_str_eq(b[3].text.text, "");
	ck_assert_int_eq(b[4].line, 12);
	ck_assert_str_eq(b[4].text.text, "\nx");
	ck_assert_int_eq(b[5].kind, BLOCK_RULE);
	ck_assert_int_eq(b[5].line, 16);
	ck_assert_int_eq(b[6].kind, BLOCK_QUOTE);
	ck_assert_int_eq(b[6].line, 17);
	ck_assert_int_eq(b[6].children[0].kind, BLOCK_LIST);
	b = &b[6].children[0].children[0];
	ck_assert_int_eq(b->kind, BLOCK_ITEM);
	ck_assert_uint_eq(b->nchildren, 2);
	ck_assert_int_eq(b->children[1].kind, BLOCK_QUOTE);
	ck_assert_int_eq(b->children[1].line, 19);
	ck_assert_int_eq(b->children[1].children[0].kind, BLOCK_RULE);
	ck_assert_int_eq(b->children[1].children[0].line, 19);
	ck_assert_int_eq(doc->blocks[7].kind, BLOCK_CODE);
	ck_assert_int_eq(doc->blocks[7].line, 21);
	ck_assert_str_eq(doc->blocks[7].text.text, "indented");
	doc_free(doc);
	diags_release(&d);
}
END_TEST

START_TEST(test_spans)
{
	struct diags d;
	struct doc *doc = load("a **b *c* d** [e](#h) `f` ~~g~~  \nh&amp;"
	    "&#233;&bogus; [l](http://x.org/?a&amp;b)\n\n# h\n", &d);
	const struct rich *r;
	static const struct {
		size_t start, end;
		unsigned style;
		const char *href;
	} want[] = {
		{ 2, 4, SPAN_BOLD, NULL },
		{ 4, 5, SPAN_BOLD | SPAN_ITALIC, NULL },
		{ 5, 7, SPAN_BOLD, NULL },
		{ 8, 9, SPAN_LINK, "#h" },
		{ 10, 11, SPAN_CODE, NULL },
		{ 12, 13, SPAN_STRIKE, NULL },
		{ 26, 27, SPAN_LINK, "http://x.org/?a&b" },
	};

	ck_assert_ptr_nonnull(doc);
	ck_assert_uint_eq(d.count, 0);	/* #h exists: no warning */
	r = &doc->blocks[0].text;
	ck_assert_str_eq(r->text, "a b c d e f g\nh&\xc3\xa9&bogus; l");
	ck_assert_uint_eq(r->nspans, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < r->nspans; i++) {
		ck_assert_uint_eq(r->spans[i].start, want[i].start);
		ck_assert_uint_eq(r->spans[i].end, want[i].end);
		ck_assert_uint_eq(r->spans[i].style, want[i].style);
		if (want[i].href)
			ck_assert_str_eq(r->spans[i].href, want[i].href);
		else
			ck_assert_ptr_null(r->spans[i].href);
	}
	doc_free(doc);
	diags_release(&d);
}
END_TEST

START_TEST(test_lists_and_headings)
{
	struct diags d;
	struct doc *doc = load("#### Deep\n\n7. a\n8. b\n   - c\n     - d\n\n"
	    "## Deep\n\n# Deep\n\n[x](#nowhere)\n\n<div>\nraw\n</div>\n", &d);
	const struct block *b;

	ck_assert_ptr_nonnull(doc);
	b = doc->blocks;
	ck_assert_int_eq(b[0].level, 3);	/* h4 → 3 */
	ck_assert_str_eq(b[0].id, "deep");
	ck_assert_str_eq(b[2].id, "deep-2");
	ck_assert_str_eq(b[3].id, "deep-3");
	ck_assert(b[1].ordered);
	ck_assert_int_eq(b[1].start, 7);
	ck_assert_int_eq(b[1].level, 1);
	b = &b[1].children[1];
	ck_assert_int_eq(b->line, 4);
	ck_assert_int_eq(b->children[1].kind, BLOCK_LIST);
	ck_assert(!b->children[1].ordered);
	ck_assert_int_eq(b->children[1].level, 2);
	ck_assert_int_eq(b->children[1].line, 5);
	b = &b->children[1].children[0].children[1];
	ck_assert_int_eq(b->level, 3);
	ck_assert_int_eq(b->line, 6);
	ck_assert_str_eq(b->children[0].children[0].text.text, "d");
	/* The HTML block is dropped, with warnings for it and the link. */
	ck_assert_uint_eq(doc->nblocks, 5);
	ck_assert(has_diag(&d, "r.md:12: warning: link to #nowhere: no "
	    "heading has this id"));
	ck_assert(has_diag(&d, "r.md:14: warning: raw HTML is not rendered"));
	doc_free(doc);
	diags_release(&d);
}
END_TEST

START_TEST(test_pipe_table)
{
	struct diags d;
	struct doc *doc = load("Intro\n\n| A | B | C | D |\n|---|:-:|---|--:|\n"
	    "| x | 1 | 2 | *y* |\n| z |   | 30 |\n", &d);
	const struct doc_table *t;

	ck_assert_ptr_nonnull(doc);
	ck_assert_int_eq(doc->blocks[1].kind, BLOCK_TABLE);
	ck_assert_int_eq(doc->blocks[1].line, 3);
	t = doc->blocks[1].table;
	ck_assert_uint_eq(t->ncols, 4);
	ck_assert_uint_eq(t->nrows, 3);
	ck_assert_uint_eq(t->nheader, 1);
	ck_assert_int_eq(t->align[0], CELL_LEFT);
	ck_assert_int_eq(t->align[1], CELL_CENTER);
	ck_assert_int_eq(t->align[2], CELL_RIGHT);	/* all figures */
	ck_assert_int_eq(t->align[3], CELL_RIGHT);
	ck_assert_str_eq(t->cells[3].text, "D");
	ck_assert_str_eq(t->cells[7].text, "y");
	ck_assert_uint_eq(t->cells[7].nspans, 1);
	ck_assert_str_eq(t->cells[10].text, "30");
	ck_assert_str_eq(t->cells[11].text, "");	/* short row padded */
	ck_assert_ptr_null(t->caption);
	doc_free(doc);
	diags_release(&d);
}
END_TEST

START_TEST(test_unclosed_fence)
{
	struct diags d;
	struct doc *doc = load("a\n\n```\ncode\n", &d);
	char *s;

	ck_assert_ptr_nonnull(doc);	/* code: a warning */
	s = diag_text(&d, 0);
	ck_assert_str_eq(s, "r.md:3:1: warning: this fenced code block is not "
	    "closed");
	free(s);
	doc_free(doc);
	diags_release(&d);
	fails_with("a\n\n  ```chart\n  data: two.csv\n\nmore\n",
	    "r.md:3:3: error: this ```chart block is not closed");
}
END_TEST

/* --- chart and table specs ----------------------------------------------- */

static const struct err_case spec_errors[] = {
	/* Inside a list item: columns count from the report line. */
	{ "- item\n\n  ```chart\n  data: two.csv\n  colour: red\n  ```\n",
	  "r.md:5:3: error: chart: unknown key \"colour\" (known: type, data, "
	  "label, value, scale, title, caption, source, annotate, "
	  "highlight)" },
	{ "> ```chart\n> data: two.csv\n> value: [a, zz]\n> ```\n",
	  "r.md:3:14: error: chart: value: no column \"zz\" in two.csv "
	  "(columns: name, a, b)" },
	{ "```chart\ndata: two.csv\nlabel: nom\n```\n",
	  "r.md:3:8: error: chart: label: no column \"nom\" in two.csv "
	  "(columns: name, a, b)" },
	{ "```chart\ntype: pie\ndata: two.csv\n```\n",
	  "r.md:2:7: error: chart: type: unknown value \"pie\" (bar, hbar, "
	  "grouped, stacked or squares)" },
	{ "```chart\ndata: two.csv\nscale: sqrt\n```\n",
	  "r.md:3:8: error: chart: scale: unknown value \"sqrt\" (auto, "
	  "linear, log or broken)" },
	{ "```chart\ndata: two.csv\nannotate: all\n```\n",
	  "r.md:3:11: error: chart: annotate: unknown value \"all\" (none or "
	  "ratio)" },
	{ "```chart\ndata: two.csv\nvalue:\n  - a\n  - b\n```\n",
	  "r.md:4:3: error: chart: value: a bar chart shows one column "
	  "(grouped and stacked show several)" },
	{ "```chart\ndata: two.csv\nhighlight: Gamma\n```\n",
	  "r.md:3:12: error: chart: highlight: no category \"Gamma\" in "
	  "column \"name\" of two.csv" },
	{ "Text\n\n```chart\ntype: bar\n```\n",
	  "r.md:3:1: error: chart: data: missing (a CSV file or a "
	  "front-matter data alias)" },
	{ "```chart\ndata: two.csv\ntitle: [a]\n```\n",
	  "r.md:3:8: error: chart: title: expected one value, not a list" },
	{ "```chart\ndata: two.csv\ndata: two.csv\n```\n",
	  "r.md:3:1: error: chart: duplicate key \"data\"" },
	{ "```chart\ndata: two.csv\nvalue: [[a]]\n```\n",
	  "r.md:3:9: error: chart: too deeply nested here" },
	{ "```chart\ndata: &d two.csv\n```\n",
	  "r.md:2:7: error: chart: YAML anchors (&d) are not supported" },
	{ "```chart\ndata: two.csv\ntitle: *t\n```\n",
	  "r.md:3:8: error: chart: YAML aliases (*t) are not supported" },
	{ "```chart\ndata: two.csv\n  title: x\n```\n",
	  "r.md:3:8: error: chart: invalid YAML: mapping values are not "
	  "allowed in this context" },
	{ "```chart\n- a\n```\n",
	  "r.md:2:1: error: chart: expected \"key: value\" lines (a YAML "
	  "mapping)" },
	{ "```chart\ndata: none.csv\n```\n",
	  "r.md:2:7: error: data: cannot load none.csv" },
	{ "```chart\ndata: bad.csv\nvalue: v\n```\n",
	  "r.md:3:8: error: chart: value: column \"v\" of bad.csv holds a "
	  "figure that does not parse" },
	/* What data and spec show only together is blamed on its key. */
	{ "```chart\ndata: units.csv\nscale: log\nvalue: pct\n```\n",
	  "r.md:3:8: error: chart: scale: a log scale needs positive values, "
	  "but \"B\" is negative; use scale: linear or broken" },
	{ "```chart\ntype: grouped\ndata: units.csv\nvalue: [usd, pct]\n```\n",
	  "r.md:4:8: error: chart: value: mixed units in one chart: % (\"A\", "
	  "column \"pct\") beside USD; chart one unit at a time" },
	{ "```chart\ntype: stacked\ndata: units.csv\nvalue: [pct]\n```\n",
	  "r.md:2:7: error: chart: type: \"B\" is negative, which a stacked "
	  "chart cannot show" },
	{ "```table\ndata: two.csv\ncolumns: [name, b]\nheaders: [N]\n```\n",
	  "r.md:4:10: error: table: headers: 1 label for 2 columns" },
	{ "```table\ndata: two.csv\ncolumns: [name, c]\n```\n",
	  "r.md:3:17: error: table: columns: no column \"c\" in two.csv "
	  "(columns: name, a, b)" },
	{ "```table\ndata: two.csv\nlabel: name\n```\n",
	  "r.md:3:1: error: table: unknown key \"label\" (known: data, "
	  "columns, headers, caption, source)" },
};

START_TEST(test_spec_errors)
{
	const struct err_case *c = &spec_errors[_i];
	struct diags d;
	struct doc *doc = load(c->md, &d);

	ck_assert_ptr_null(doc);
	if (!has_diag(&d, c->want)) {
		char *got = d.count ? diag_text(&d, 0) : xstrdup("(none)");
		ck_abort_msg("no diagnostic\n  %s\nfirst was\n  %s", c->want,
		    got);
	}
	diags_release(&d);
}
END_TEST

START_TEST(test_chart_data)
{
	struct diags d;
	struct doc *doc = load("---\nlang: en\nprint: grayscale\n"
	    "data: {t: two.csv}\n---\n\n- x\n\n  ```chart\n  type: grouped\n"
	    "  data: t\n  label: name\n  value: [b, a]\n  scale: log\n"
	    "  title: T\n  caption: C\n  source: S\n  annotate: ratio\n"
	    "  highlight: Beta (v.2)\n  ```\n\n```chart\ndata: ./two.csv\n"
	    "```\n", &d);
	const struct chart_data *c;

	ck_assert_ptr_nonnull(doc);
	c = doc->blocks[0].children[0].children[1].chart;
	ck_assert_int_eq(doc->blocks[0].children[0].children[1].kind,
	    BLOCK_CHART);
	ck_assert_int_eq(doc->blocks[0].children[0].children[1].line, 9);
	ck_assert_int_eq(c->type, CHART_GROUPED);
	ck_assert_int_eq(c->scale, CHART_SCALE_LOG);
	ck_assert_int_eq(c->lang, LANG_EN);
	ck_assert(c->grayscale);
	ck_assert(c->annotate_ratio);
	ck_assert_int_eq(c->highlight, 1);
	ck_assert_str_eq(c->title, "T");
	ck_assert_str_eq(c->caption, "C");
	ck_assert_str_eq(c->source, "S");
	ck_assert_uint_eq(c->ncats, 2);
	ck_assert_str_eq(c->cats[1], "Beta (v.2)");
	ck_assert_uint_eq(c->nseries, 2);
	ck_assert_str_eq(c->series[0], "b");
	ck_assert_str_eq(c->series[1], "a");
	ck_assert(c->values[0].value == 7 && c->values[1].value == 42);
	ck_assert(c->values[2].value == 21 && c->values[3].value == 84);
	ck_assert_int_eq(c->pos.line, 9);
	ck_assert_int_eq(c->pos.col, 3);
	ck_assert_str_eq(c->pos.file, doc->path);
	/* Defaults: bar, first column for labels, second for values. */
	c = doc->blocks[1].chart;
	ck_assert_int_eq(c->type, CHART_BAR);
	ck_assert_int_eq(c->scale, CHART_SCALE_AUTO);
	ck_assert_int_eq(c->highlight, -1);
	ck_assert(!c->annotate_ratio);
	ck_assert_ptr_null(c->title);
	ck_assert_uint_eq(c->nseries, 1);
	ck_assert_str_eq(c->series[0], "a");
	ck_assert_str_eq(c->cats[0], "Alpha");
	/* Report first, then each CSV once, however it was named. */
	ck_assert_uint_eq(doc->ninputs, 2);
	ck_assert(strstr(doc->inputs[0], "/r.md") != NULL);
	ck_assert(strstr(doc->inputs[1], "/two.csv") != NULL);
	ck_assert(strstr(doc->inputs[1], "./") == NULL);
	doc_free(doc);
	diags_release(&d);
}
END_TEST

/* With no value: key a chart takes the columns that hold figures in
 * every row: all of them when grouped or stacked, else the only one (or
 * the first, with a warning naming the others); never a text column. */
START_TEST(test_chart_default_values)
{
	struct diags d;
	struct doc *doc = load("```chart\ndata: noted.csv\n```\n\n"
	    "```chart\ntype: grouped\ndata: two.csv\n```\n\n"
	    "```chart\ntype: hbar\ndata: two.csv\n```\n\n"
	    "```chart\ntype: stacked\ndata: two.csv\nlabel: b\n```\n", &d);
	const struct chart_data *c;
	char *w;

	ck_assert_ptr_nonnull(doc);
	c = doc->blocks[0].chart;
	ck_assert_uint_eq(c->nseries, 1);
	ck_assert_str_eq(c->series[0], "amount");
	ck_assert(c->values[1].value == 7e6);
	c = doc->blocks[1].chart;
	ck_assert_uint_eq(c->nseries, 2);
	ck_assert_str_eq(c->series[0], "a");
	ck_assert_str_eq(c->series[1], "b");
	c = doc->blocks[2].chart;
	ck_assert_uint_eq(c->nseries, 1);
	ck_assert_str_eq(c->series[0], "a");
	c = doc->blocks[3].chart;	/* the label's column is not a value */
	ck_assert_uint_eq(c->nseries, 1);
	ck_assert_str_eq(c->series[0], "a");
	ck_assert_str_eq(c->cats[0], "7");
	ck_assert_uint_eq(d.count, 1);
	w = diag_text(&d, 0);
	ck_assert_msg(strstr(w, "r.md:10:1: warning: chart: value: ") == w &&
	    strstr(w, "two.csv has 2 figure columns (\"a\", \"b\"); "
	    "this hbar chart shows the first; name the one to show with value:, "
	    "or show them all with type: grouped") != NULL, "got %s", w);
	free(w);
	doc_free(doc);
	diags_release(&d);
	/* No column of figures: the bad cell is the error, as before. */
	fails_with("```chart\ndata: bad.csv\n```\n",
	    "bad.csv:3:3: error: column \"v\": expected a number, found "
	    "\"abc\"");
}
END_TEST

START_TEST(test_table_spec)
{
	struct diags d;
	struct doc *doc;
	const struct doc_table *t;
	struct figure f = { 1234, "", FIGURE_EXACT, 0, 0 };
	char *want = numfmt_figure(&f, LANG_VI);

	put("mixed.csv", "name,v,n\nA,1234,x\nB,,7\n");
	doc = load("```table\ndata: mixed.csv\ncolumns: [v, name, n]\n"
	    "headers: [V, Name, N]\ncaption: Cap\nsource: Src\n```\n"
	    "\n```table\ndata: mixed.csv\n```\n", &d);
	ck_assert_ptr_nonnull(doc);
	t = doc->blocks[0].table;
	ck_assert_int_eq(doc->blocks[0].kind, BLOCK_TABLE);
	ck_assert_int_eq(doc->blocks[0].line, 1);
	ck_assert_uint_eq(t->ncols, 3);
	ck_assert_uint_eq(t->nrows, 3);
	ck_assert_uint_eq(t->nheader, 1);
	ck_assert_str_eq(t->cells[0].text, "V");
	ck_assert_str_eq(t->cells[2].text, "N");
	ck_assert_str_eq(t->cells[3].text, want);	/* formatted figure */
	ck_assert_str_eq(t->cells[4].text, "A");
	ck_assert_str_eq(t->cells[6].text, "");	/* empty stays empty */
	ck_assert_int_eq(t->align[0], CELL_RIGHT);
	ck_assert_int_eq(t->align[1], CELL_LEFT);
	ck_assert_int_eq(t->align[2], CELL_LEFT);	/* "x" is text */
	ck_assert_str_eq(t->caption, "Cap");
	ck_assert_str_eq(t->source, "Src");
	t = doc->blocks[1].table;
	ck_assert_uint_eq(t->ncols, 3);
	ck_assert_str_eq(t->cells[0].text, "name");
	ck_assert_ptr_null(t->caption);
	free(want);
	doc_free(doc);
	diags_release(&d);
}
END_TEST

/* --- {{references}} ------------------------------------------------------ */

#define REF_FM "---\ndata:\n  t: two.csv\n  d: dup.csv\n  b: bad.csv\n---\n"

START_TEST(test_refs)
{
	struct diags d;
	struct doc *doc = load(REF_FM "# Tổng {{t.Alpha.a}}\n\n"
	    "Giá trị **{{t.Alpha.a}}** và {{ t.Beta (v.2).b }}; tỷ lệ "
	    "{{ratio t.Beta (v.2).a t.Alpha.a}}.\n`{{t.Alpha.a}}` \\{{t.Alpha.a}}"
	    "\n\n- {{t.Alpha.b}}\n\n| x |\n|---|\n| {{t.Alpha.b}} |\n\n"
	    "```\n{{t.Alpha.a}}\n```\n", &d);
	char *ratio = numfmt_ratio(2.0, LANG_VI), *want;
	const struct rich *r;

	ck_assert_ptr_nonnull(doc);
	ck_assert_uint_eq(d.count, 0);
	ck_assert_str_eq(doc->blocks[0].text.text, "Tổng 42");
	ck_assert_str_eq(doc->blocks[0].id, "tong-42");
	r = &doc->blocks[1].text;
	want = xasprintf("Giá trị 42 và 21; tỷ lệ %s. {{t.Alpha.a}} "
	    "{{t.Alpha.a}}", ratio);
	ck_assert_str_eq(r->text, want);
	/* The bold span now covers the figure; the code span moved. */
	ck_assert_uint_eq(r->spans[0].start, 11);
	ck_assert_uint_eq(r->spans[0].end, 13);
	ck_assert_uint_eq(r->spans[1].start, strlen(want) - 27);
	ck_assert_uint_eq(r->spans[1].end, strlen(want) - 14);
	ck_assert_str_eq(doc->blocks[2].children[0].children[0].text.text,
	    "7");
	ck_assert_str_eq(doc->blocks[3].table->cells[1].text, "7");
	ck_assert_str_eq(doc->blocks[4].text.text, "{{t.Alpha.a}}");
	free(want);
	free(ratio);
	doc_free(doc);
	diags_release(&d);
}
END_TEST

START_TEST(test_refs_en)
{
	struct diags d;
	struct doc *doc = load("---\nlang: en\ndata: {t: two.csv}\n---\n"
	    "{{ratio t.Alpha.a t.Alpha.b}}\n", &d);
	char *want = numfmt_ratio(6.0, LANG_EN);

	ck_assert_ptr_nonnull(doc);
	ck_assert_str_eq(doc->blocks[0].text.text, want);
	free(want);
	doc_free(doc);
	diags_release(&d);
}
END_TEST

static const struct err_case ref_errors[] = {
	{ REF_FM "Giá trị {{x.Alpha.a}}\n",
	  "r.md:7:9: error: {{x.Alpha.a}}: unknown data alias \"x\" (front "
	  "matter data: t, d, b)" },
	{ REF_FM "a\nb {{t.Gamma.a}}\n",
	  "r.md:8:3: error: {{t.Gamma.a}}: no row \"Gamma\" in column "
	  "\"name\" of two.csv" },
	{ REF_FM "- x {{t.Alpha.c}}\n",
	  "r.md:7:5: error: {{t.Alpha.c}}: no column \"c\" in two.csv" },
	{ REF_FM "{{t.Alpha}}\n",
	  "r.md:7:1: error: {{t.Alpha}}: expected {{alias.row.column}}" },
	{ REF_FM "{{d.A.v}}\n",
	  "r.md:7:1: error: {{d.A.v}}: 2 rows \"A\" in column \"name\" of "
	  "dup.csv" },
	{ REF_FM "{{b.B.v}}\n",
	  "r.md:7:1: error: {{b.B.v}}: not a figure: \"abc\"" },
	{ REF_FM "x {{ratio t.Alpha.a t.Nope.b}}\n",
	  "r.md:7:3: error: {{t.Nope.b}}: no row \"Nope\" in column "
	  "\"name\" of two.csv" },
	{ REF_FM "{{ratio t.Alpha.a}}\n",
	  "r.md:7:1: error: {{ratio t.Alpha.a}}: expected {{ratio "
	  "alias.row.column alias.row.column}}" },
	{ REF_FM "| a |\n|---|\n| é {{t.A.a}} |\n",
	  "r.md:9:5: error: {{t.A.a}}: no row \"A\" in column \"name\" of "
	  "two.csv" },
};

START_TEST(test_ref_errors)
{
	fails_with(ref_errors[_i].md, ref_errors[_i].want);
}
END_TEST

/* --- limits -------------------------------------------------------------- */

START_TEST(test_limit_depth)
{
	struct strbuf sb;

	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "Text\n\n");
	for (int i = 0; i < 40; i++)
		strbuf_printf(&sb, "%*s- x\n", 2 * i, "");
	fails_with(strbuf_str(&sb), "r.md:35: error: lists and block quotes "
	    "nested more than 32 levels deep");
	strbuf_release(&sb);
	strbuf_init(&sb, 0);
	for (int i = 0; i < 40; i++)
		strbuf_puts(&sb, "> ");
	strbuf_puts(&sb, "x\n");
	fails_with(strbuf_str(&sb), "r.md:1: error: lists and block quotes "
	    "nested more than 32 levels deep");
	strbuf_release(&sb);
}
END_TEST

START_TEST(test_limit_blocks)
{
	struct strbuf sb;

	strbuf_init(&sb, 0);
	for (int i = 0; i < 60000; i++)
		strbuf_puts(&sb, "- a\n");
	fails_with(strbuf_str(&sb), "r.md:50000: error: more than 100000 "
	    "blocks and table cells in one report");
	strbuf_release(&sb);
}
END_TEST

START_TEST(test_limit_spec)
{
	struct strbuf sb;

	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "a\n\n```chart\ndata: two.csv\n");
	for (int i = 0; i < 5000; i++)
		strbuf_puts(&sb, "# a comment line\n");
	strbuf_puts(&sb, "```\n");
	fails_with(strbuf_str(&sb), "r.md:3:1: error: chart: longer than the "
	    "limit of 65536 bytes");
	strbuf_release(&sb);
}
END_TEST

/* --- slugs --------------------------------------------------------------- */

static const char *const slugs[][2] = {
	{ "Chi phí: 5,6 triệu USD", "chi-phi-5-6-trieu-usd" },
	{ "Đầu tư  — Đường dài!", "dau-tu-duong-dai" },
	{ "  Hello, World  ", "hello-world" },
	{ "Ελληνικά 2025", "ελληνικα-2025" },
	{ "???", "section" },
	{ "", "section" },
};

START_TEST(test_slug)
{
	char *s = markdown_slug(slugs[_i][0]);

	ck_assert_str_eq(s, slugs[_i][1]);
	free(s);
}
END_TEST

Suite *
report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_golden_basic);
	tcase_add_loop_test(tc, test_fm_errors, 0,
	    sizeof fm_errors / sizeof fm_errors[0]);
	tcase_add_test(tc, test_fm_fields);
	tcase_add_test(tc, test_fm_defaults);
	tcase_add_test(tc, test_options_override);
	tcase_add_loop_test(tc, test_text_errors, 0,
	    sizeof text_errors / sizeof text_errors[0]);
	tcase_add_test(tc, test_text_nul_and_missing);
	tcase_add_test(tc, test_text_nfc_bom_crlf);
	tcase_add_test(tc, test_block_lines);
	tcase_add_test(tc, test_spans);
	tcase_add_test(tc, test_lists_and_headings);
	tcase_add_test(tc, test_pipe_table);
	tcase_add_test(tc, test_unclosed_fence);
	tcase_add_loop_test(tc, test_spec_errors, 0,
	    sizeof spec_errors / sizeof spec_errors[0]);
	tcase_add_test(tc, test_chart_data);
	tcase_add_test(tc, test_chart_default_values);
	tcase_add_test(tc, test_table_spec);
	tcase_add_test(tc, test_refs);
	tcase_add_test(tc, test_refs_en);
	tcase_add_loop_test(tc, test_ref_errors, 0,
	    sizeof ref_errors / sizeof ref_errors[0]);
	tcase_add_test(tc, test_limit_depth);
	tcase_add_test(tc, test_limit_blocks);
	tcase_add_test(tc, test_limit_spec);
	tcase_add_loop_test(tc, test_slug, 0, sizeof slugs / sizeof slugs[0]);
	suite_add_tcase(s, tc);
	return s;
}
