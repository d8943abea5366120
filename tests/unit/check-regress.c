/* check-regress: inputs the fuzz targets (tests/fuzz) found breaking the
 * pipeline, each run as fuzz-pipeline runs it — report from memory, layout,
 * every page drawn into a PDF surface — and required to draw cleanly. */
#include <cairo-pdf.h>
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "draw.h"
#include "fonts.h"
#include "layout.h"
#include "paginate.h"
#include "report.h"
#include "strbuf.h"
#include "utf8.h"
#include "xmalloc.h"

static const struct {
	const char *name;
	const char *text;
	bool loads;		/* the report reads without error */
} regress_cases[] = {
	/* U+FFFF in a setext heading: Cairo refused the outline entry and
	 * the glyphs' text ("input string not valid UTF-8"); noncharacters
	 * now become U+FFFD when the text is normalised. */
	{ "noncharacter-heading",
	    "\xef\xbf\xbf" "5---\r---\n\ntitle: bom**---\r- \n"
	    "# lfrc\ry\rcr\r\n",
	    true },
	/* A heading over two lines inside a quote: paginate placed it as a
	 * one-line piece, so the quote's tag was never closed (Cairo: "invalid
	 * tag name, attributes, or nesting", then a crash in
	 * cairo_surface_finish) and only the first line was drawn. */
	{ "wrapped-heading-in-quote",
	    "># \xcc\x81u\xc4\x91" "edata/two.csv \xcc\x80>N{{dDFHSGothic-W5"
	    "Blocata/two.csvt-", true },
	/* md4c nests an autolink inside a link: the inner one's end freed
	 * the href and the outer one's end read through NULL. */
	{ "nested-links", "[(ftp://.u]()", true },
	{ "nested-links-anchor", "# A\n\n[see www.example.com here](#a)\n",
	    true },
	{ "noncharacters-everywhere",
	    "---\ntitle: \xef\xbf\xbe \xef\xb7\x90\n---\n"
	    "# \xf0\x9f\xbf\xbf\n\n- \xf4\x8f\xbf\xbf\n\n&#xFFFF; &#65534;\n",
	    true },
};

static cairo_status_t
discard(void *closure, const unsigned char *data, unsigned int len)
{
	(void)closure;
	(void)data;
	(void)len;
	return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
draw_all(const struct layout *lo)
{
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(discard, NULL,
	    lo->theme.page_w, lo->theme.page_h);
	cairo_t *cr = cairo_create(s);
	struct draw_state st;
	cairo_status_t status;

	draw_state_init(&st, lo, false);
	cairo_tag_begin(cr, "Document", NULL);
	for (size_t p = 0; p < lo->pages.npages; p++) {
		draw_page(cr, &st, p);
		if (p + 1 == lo->pages.npages)
			cairo_tag_end(cr, "Document");
		cairo_show_page(cr);
	}
	status = cairo_status(cr);
	draw_state_release(&st);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (status == CAIRO_STATUS_SUCCESS)
		status = cairo_surface_status(s);
	cairo_surface_destroy(s);
	return status;
}

START_TEST(test_regress_pipeline)
{
	struct diags d;
	struct doc *doc;
	struct layout lo;
	cairo_status_t status;

	diags_init(&d);
	ck_assert(fonts_init(NULL, &d));
	doc = report_load_buffer("regress.md", regress_cases[_i].text,
	    strlen(regress_cases[_i].text), NULL, &d);
	ck_assert_msg((doc != NULL) == regress_cases[_i].loads, "%s: %s",
	    regress_cases[_i].name, d.count ? d.items[0].message : "");
	if (doc) {
		layout_build(&lo, doc, &d);
		status = draw_all(&lo);
		ck_assert_msg(status == CAIRO_STATUS_SUCCESS, "%s: %s",
		    regress_cases[_i].name, cairo_status_to_string(status));
		layout_release(&lo);
	}
	doc_free(doc);
	diags_release(&d);
	fonts_shutdown();
}
END_TEST

/* An item that is not split keeps all its lines in its one piece. */
START_TEST(test_regress_unsplit_piece)
{
	static const double bottoms[] = { 20, 40, 60 };
	struct pg_item items[2];
	struct pg_result r;

	memset(items, 0, sizeof items);
	items[0].height = 64;		/* a heading over three lines */
	items[0].nlines = 3;
	items[0].line_bottom = bottoms;
	items[0].keep_with_next = true;
	items[1].height = 20;
	items[1].nlines = 1;
	paginate(items, 2, 500, 500, &r);
	ck_assert_uint_eq(r.npieces, 2);
	ck_assert_uint_eq(r.pieces[0].line_from, 0);
	ck_assert_uint_eq(r.pieces[0].line_to, 3);
	ck_assert_uint_eq(r.pieces[1].line_to, 1);
	paginate_release(&r);
}
END_TEST

/* A list as the first block of an item ("- - a", found by fuzz-pipeline):
 * both lists' markers landed on one flow item and the inner one leaked
 * when the outer overwrote it.  Each is kept, innermost first. */
START_TEST(test_regress_nested_first_markers)
{
	static const char text[] = "- - a\n  - b\n- c\n\n3. - x\n";
	static const char *const want[][2] = {
		{ "–", "•" }, { "–", NULL }, { "•", NULL }, { "–", "3." },
	};
	struct diags d;
	struct doc *doc;
	struct layout lo;
	size_t n = 0;

	diags_init(&d);
	ck_assert(fonts_init(NULL, &d));
	doc = report_load_buffer("regress.md", text, strlen(text), NULL, &d);
	ck_assert_ptr_nonnull(doc);
	layout_build(&lo, doc, &d);
	for (size_t i = 0; i < lo.nitems; i++) {
		const struct flow_item *it = &lo.items[i];
		if (it->kind != FLOW_TEXT || it->role != ROLE_LI)
			continue;
		ck_assert_uint_lt(n, 4);
		ck_assert_uint_eq(it->nmarkers, want[n][1] ? 2 : 1);
		ck_assert_str_eq(it->markers[0], want[n][0]);
		if (want[n][1])
			ck_assert_str_eq(it->markers[1], want[n][1]);
		n++;
	}
	ck_assert_uint_eq(n, 4);
	ck_assert_int_eq(draw_all(&lo), CAIRO_STATUS_SUCCESS);
	layout_release(&lo);
	doc_free(doc);
	diags_release(&d);
	fonts_shutdown();
}
END_TEST

/* Text md4c makes up (the indentation before an HTML comment) has no line,
 * and a tab it expands shifts columns: every diagnostic must still point
 * at a line, and at a column only when there is one. */
static const char *const located_cases[] = {
	" <!--`",
	"  <div>\n",
	"> <!-- x -->\n",
	/* A tab before a YAML error: the column came out as -2. */
	"```chart\n\t- tr5&FFE;&F1FE;.\n\x14",
};

START_TEST(test_regress_located)
{
	struct diags d;
	struct doc *doc;

	diags_init(&d);
	doc = report_load_buffer("regress.md", located_cases[_i],
	    strlen(located_cases[_i]), NULL, &d);
	for (size_t i = 0; i < d.count; i++)
		ck_assert_msg(d.items[i].line >= 1 && d.items[i].col >= 0,
		    "case %d: %s at %d:%d", _i, d.items[i].message,
		    d.items[i].line, d.items[i].col);
	doc_free(doc);
	diags_release(&d);
}
END_TEST

/* A message past diag.c's buffer was cut inside a character. */
START_TEST(test_regress_long_message)
{
	struct diags d;
	char *text = xmalloc(3000 + 1);

	for (size_t i = 0; i < 3000; i += 3)
		memcpy(text + i, "\xe1\xbb\x87", 3);	/* ệ */
	text[3000] = '\0';
	for (int shift = 0; shift < 3; shift++) {
		diags_init(&d);
		diag_error(&d, srcpos_at("r.md", 1, 1), "%.*s{{%s}}", shift,
		    "ab", text);
		ck_assert(utf8_valid(d.items[0].message,
		    strlen(d.items[0].message), NULL));
		ck_assert_uint_gt(strlen(d.items[0].message), 1000);
		diags_release(&d);
	}
	free(text);
}
END_TEST

/* A report past the page limit was measured to its end and only then
 * refused: 1,600 code blocks of 5,000 lines took 210 s (and 16 MiB of
 * prose 805 MB).  Layout stops at the block where no pagination could
 * fit the content so far in 5,000 pages, with the error there. */
START_TEST(test_regress_page_limit_early)
{
	struct strbuf sb;
	struct diags d;
	struct doc *doc;
	struct layout lo;

	strbuf_init(&sb, 0);
	for (int b = 0; b < 10000; b++) {
		for (int l = 0; l < 40; l++)
			strbuf_puts(&sb, "x\\\n");
		strbuf_puts(&sb, "x\n\n");
	}
	diags_init(&d);
	ck_assert(fonts_init(NULL, &d));
	doc = report_load_buffer("long.md", sb.data, sb.len, NULL, &d);
	ck_assert_ptr_nonnull(doc);
	ck_assert_uint_eq(doc->nblocks, 10000);
	layout_build(&lo, doc, &d);
	ck_assert_uint_eq(d.errors, 1);
	ck_assert_ptr_nonnull(strstr(d.items[0].message, "limit of 5000 "
	    "pages"));
	/* 42 lines a block: the line of the block that passed the limit. */
	ck_assert_int_gt(d.items[0].line, 4000 * 42);
	ck_assert_int_lt(d.items[0].line, 9000 * 42);
	ck_assert_int_eq((d.items[0].line - 1) % 42, 0);
	ck_assert_uint_lt(lo.nitems, 9000);
	layout_release(&lo);
	doc_free(doc);
	diags_release(&d);
	strbuf_release(&sb);
	fonts_shutdown();
}
END_TEST

Suite *
regress_suite(void)
{
	Suite *s = suite_create("regress");
	TCase *tc = tcase_create("pipeline");

	tcase_set_timeout(tc, 30);
	tcase_add_loop_test(tc, test_regress_pipeline, 0,
	    sizeof regress_cases / sizeof regress_cases[0]);
	tcase_add_test(tc, test_regress_unsplit_piece);
	tcase_add_test(tc, test_regress_nested_first_markers);
	tcase_add_test(tc, test_regress_long_message);
	tcase_add_test(tc, test_regress_page_limit_early);
	tcase_add_loop_test(tc, test_regress_located, 0,
	    sizeof located_cases / sizeof located_cases[0]);
	suite_add_tcase(s, tc);
	return s;
}
