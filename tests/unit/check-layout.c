/* check-layout: the paginator's decisions on a real document measured with
 * Pango — headings never end a page, split paragraphs keep two lines on each
 * side, nothing runs past the content area, text gets the report language. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <pango/pangocairo.h>

#include "fonts.h"
#include "layout-private.h"
#include "report.h"

static char tmpdir[] = "/tmp/check-layout.XXXXXX";

/* A report whose headings and paragraphs fall at many different heights
 * of the page, so breaks land everywhere. */
static char *
write_report(const char *lang, const char *paper)
{
	char *path = malloc(strlen(tmpdir) + 16);
	FILE *fp;

	sprintf(path, "%s/r.md", tmpdir);
	fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	fprintf(fp, "---\ntitle: T\nlang: %s\npaper: %s\n---\n\n", lang,
	    paper);
	for (int s = 1; s <= 14; s++) {
		fprintf(fp, "# Section %d\n\n", s);
		for (int p = 0; p < (s % 4) + 1; p++) {
			for (int w = 0; w < 25 + 17 * ((s + p) % 5); w++)
				fprintf(fp, "chữ%d ", w);
			fprintf(fp, "\n\n");
		}
		fprintf(fp, "## Sub %d\n\n- item a\n- item b\n\n", s);
	}
	fclose(fp);
	return path;
}

/* A report of 120 texts in all roles, long enough that each batch of
 * them is worth a helper thread: headings, paragraphs of 40–100
 * different words, list items and a quote. */
static char *
write_long_texts(void)
{
	char *path = malloc(strlen(tmpdir) + 16);
	FILE *fp;

	sprintf(path, "%s/l.md", tmpdir);
	fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	fprintf(fp, "---\ntitle: Dài\nlang: vi\npaper: A4\n---\n\n");
	for (int p = 0; p < 120; p++) {
		if (p % 10 == 0)
			fprintf(fp, "## Phần %d\n\n", p / 10);
		fprintf(fp, "%s", p % 10 == 7 ? "- " : p % 10 == 8 ? "> " : "");
		for (int w = 0; w < 40 + (p * 13) % 60; w++)
			fprintf(fp, "từ%d ", (p * 31 + w * 7) % 997);
		fprintf(fp, "\n\n");
	}
	fclose(fp);
	return path;
}

static void
setup(void)
{
	struct diags d;

	diags_init(&d);
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	ck_assert(fonts_init(getenv("FIGPRESS_FONTS"), &d));
	diags_release(&d);
}

static void
teardown(void)
{
	char cmd[64];

	snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
	strcpy(tmpdir, "/tmp/check-layout.XXXXXX");
}

static bool
is_heading(const struct flow_item *it)
{
	return it->role == ROLE_H1 || it->role == ROLE_H2 ||
	    it->role == ROLE_H3;
}

static const char *const papers[] = { "A4", "A5", "Letter" };

START_TEST(test_breaks_follow_the_rules)
{
	char *path = write_report("vi", papers[_i]);
	struct report_options opt = { .paper = NULL };
	struct diags d;
	struct doc *doc;
	struct layout lo;
	double page_h;

	diags_init(&d);
	doc = report_load(path, &opt, &d);
	ck_assert_ptr_nonnull(doc);
	layout_build(&lo, doc, &d);
	page_h = theme_content_height(&lo.theme);
	ck_assert_uint_ge(lo.pages.npages, 2);
	for (size_t i = 0; i < lo.pages.npieces; i++) {
		const struct pg_piece *pc = &lo.pages.pieces[i];
		const struct flow_item *it = &lo.items[pc->item];
		const struct pg_item *pg = &lo.pg[pc->item];
		bool last_on_page = i + 1 == lo.pages.npieces ||
		    lo.pages.pieces[i + 1].page != pc->page;
		double top = pc->line_from ? pg->line_bottom[pc->line_from -
		    1] : 0;
		double bottom = pc->line_to >= pg->nlines ? pg->height :
		    pg->line_bottom[pc->line_to - 1];

		ck_assert_msg(!(is_heading(it) && last_on_page &&
		    i + 1 < lo.pages.npieces),
		    "heading alone at the bottom of page %zu", pc->page + 1);
		if (pg->nlines > 1 && (pc->line_from > 0 ||
		    pc->line_to < pg->nlines))
			ck_assert_msg(pc->line_to - pc->line_from >= 2,
			    "a piece of %zu line(s) on page %zu",
			    pc->line_to - pc->line_from, pc->page + 1);
		ck_assert_msg(pc->y + pg->space_before + bottom - top <=
		    page_h + 0.01, "piece runs %.2f pt past the page",
		    pc->y + pg->space_before + bottom - top - page_h);
		/* A heading that starts a page has no air above it: its
		 * text starts the content area like a paragraph's would. */
		if (is_heading(it) && pc->page > 0 && (i == 0 ||
		    lo.pages.pieces[i - 1].page != pc->page))
			ck_assert_msg(fabs(pc->y + it->pad_top) < 0.01,
			    "heading text %.2f pt below the top of page %zu",
			    pc->y + it->pad_top, pc->page + 1);
		if (i > 0)
			ck_assert_uint_ge(pc->page,
			    lo.pages.pieces[i - 1].page);
	}
	layout_release(&lo);
	doc_free(doc);
	diags_release(&d);
	free(path);
}
END_TEST

START_TEST(test_layouts_carry_the_report_language)
{
	static const char *const langs[] = { "vi", "en" };
	char *path = write_report(langs[_i], "A4");
	struct report_options opt = { .paper = NULL };
	struct diags d;
	struct doc *doc;
	struct layout lo;

	diags_init(&d);
	doc = report_load(path, &opt, &d);
	ck_assert_ptr_nonnull(doc);
	layout_build(&lo, doc, &d);
	for (size_t i = 0; i < lo.nitems; i++) {
		PangoLayout *pl;
		if (lo.items[i].kind != FLOW_TEXT)
			continue;
		pl = layout_item_text(&lo, &lo.items[i]);
		ck_assert_str_eq(pango_language_to_string(
		    pango_context_get_language(pango_layout_get_context(pl))),
		    langs[_i]);
		g_object_unref(pl);
	}
	layout_release(&lo);
	doc_free(doc);
	diags_release(&d);
	free(path);
}
END_TEST

/* What drawing needs of a text layout: its lines and their extents. */
static void
assert_same_setting(PangoLayout *a, PangoLayout *b)
{
	PangoLayoutIter *ia = pango_layout_get_iter(a);
	PangoLayoutIter *ib = pango_layout_get_iter(b);
	PangoRectangle ra, rb;

	ck_assert_str_eq(pango_layout_get_text(a), pango_layout_get_text(b));
	ck_assert_int_eq(pango_layout_get_line_count(a),
	    pango_layout_get_line_count(b));
	do {
		pango_layout_iter_get_line_extents(ia, &ra, NULL);
		pango_layout_iter_get_line_extents(ib, &rb, NULL);
		ck_assert_int_eq(ra.x, rb.x);
		ck_assert_int_eq(ra.width, rb.width);
		ck_assert_int_eq(pango_layout_iter_get_baseline(ia),
		    pango_layout_iter_get_baseline(ib));
		ck_assert_int_eq(pango_layout_iter_get_index(ia),
		    pango_layout_iter_get_index(ib));
		pango_layout_iter_next_line(ib);
	} while (pango_layout_iter_next_line(ia));
	pango_layout_iter_free(ia);
	pango_layout_iter_free(ib);
}

/* Layouts measuring kept are let go page by page; a text asked for again
 * afterwards is set again exactly as it was measured. */
START_TEST(test_kept_layouts_are_set_again_alike)
{
	char *path = write_report("vi", "A5");
	struct report_options opt = { .paper = NULL };
	struct diags d;
	struct doc *doc;
	struct layout lo;
	PangoLayout **before;
	guint *refs;
	size_t dropped = 0;

	diags_init(&d);
	doc = report_load(path, &opt, &d);
	ck_assert_ptr_nonnull(doc);
	layout_build(&lo, doc, &d);
	before = calloc(lo.nitems, sizeof *before);
	refs = calloc(lo.nitems, sizeof *refs);
	for (size_t i = 0; i < lo.nitems; i++)
		if (lo.items[i].kind == FLOW_TEXT) {
			before[i] = layout_item_text(&lo, &lo.items[i]);
			refs[i] = G_OBJECT(before[i])->ref_count;
		}
	for (size_t p = 0; p < lo.pages.npages; p++)
		layout_text_drawn(&lo, p);
	for (size_t i = 0; i < lo.nitems; i++) {
		PangoLayout *again;
		if (before[i] == NULL)
			continue;
		/* The kept reference is gone once the last page is drawn. */
		if (G_OBJECT(before[i])->ref_count < refs[i])
			dropped++;
		again = layout_item_text(&lo, &lo.items[i]);
		assert_same_setting(before[i], again);
		g_object_unref(again);
		g_object_unref(before[i]);
	}
	ck_assert_uint_gt(dropped, 0);
	free(before);
	free(refs);
	layout_release(&lo);
	doc_free(doc);
	diags_release(&d);
	free(path);
}
END_TEST

/* Where flow_measure_lines puts the lines of a text set as pl. */
static void
assert_lines_of(const struct flow_item *it, PangoLayout *pl)
{
	PangoLayoutIter *iter = pango_layout_get_iter(pl);
	size_t n = (size_t)pango_layout_get_line_count(pl), i = 0;
	PangoRectangle logical;

	ck_assert_uint_eq(it->nlines, n);
	pango_layout_get_extents(pl, NULL, &logical);
	do {
		int y0, y1;
		double want;
		pango_layout_iter_get_line_yrange(iter, &y0, &y1);
		want = it->pad_top + layout_pt(i + 1 == n ? logical.height :
		    y1);
		ck_assert_msg(it->line_bottom[i] == want,
		    "line %zu ends at %.4f, set alone at %.4f", i,
		    it->line_bottom[i], want);
		i++;
	} while (pango_layout_iter_next_line(iter));
	pango_layout_iter_free(iter);
}

/* fn on every run of a with the run of b in the same place; the two
 * have as many lines and runs. */
static void
each_run_pair(PangoLayout *a, PangoLayout *b,
    void (*fn)(const PangoLayoutRun *, const PangoLayoutRun *))
{
	GSList *la = pango_layout_get_lines_readonly(a);
	GSList *lb = pango_layout_get_lines_readonly(b);

	for (; la && lb; la = la->next, lb = lb->next) {
		GSList *ra = ((PangoLayoutLine *)la->data)->runs;
		GSList *rb = ((PangoLayoutLine *)lb->data)->runs;
		for (; ra && rb; ra = ra->next, rb = rb->next)
			fn(ra->data, rb->data);
		ck_assert(ra == NULL && rb == NULL);
	}
	ck_assert(la == NULL && lb == NULL);
}

static cairo_font_face_t *
run_face(const PangoLayoutRun *run)
{
	return cairo_scaled_font_get_font_face(
	    pango_cairo_font_get_scaled_font(
	    PANGO_CAIRO_FONT(run->item->analysis.font)));
}

/* The cairo font face of two runs is the same object: the PDF has one
 * font subset per face, so a text set by the helper must not bring faces
 * of its own. */
static void
assert_same_face(const PangoLayoutRun *a, const PangoLayoutRun *b)
{
	ck_assert_ptr_eq(run_face(a), run_face(b));
}

/* A report of many texts is set on two threads: each text measures as it
 * does set alone on the main thread, and draws the same, in the same
 * fonts. */
START_TEST(test_texts_set_on_two_threads_alike)
{
	char *path = write_long_texts();
	struct report_options opt = { .paper = NULL };
	struct diags d;
	struct doc *doc;
	struct layout lo;
	size_t texts = 0;

	diags_init(&d);
	doc = report_load(path, &opt, &d);
	ck_assert_ptr_nonnull(doc);
	layout_build(&lo, doc, &d);
	ck_assert_uint_eq(d.count, 0);
	/* The first batch had enough new texts to start the helper. */
	ck_assert_ptr_nonnull(lo.helper_pango);
	for (size_t i = 0; i < lo.nitems; i++) {
		const struct flow_item *it = &lo.items[i];
		PangoLayout *alone, *kept;
		if (it->kind != FLOW_TEXT)
			continue;
		alone = layout_text_new(&lo, it->rich, it->plain, &it->style,
		    it->text_width);
		kept = layout_item_text(&lo, it);
		assert_lines_of(it, alone);
		assert_same_setting(kept, alone);
		each_run_pair(kept, alone, assert_same_face);
		g_object_unref(kept);
		g_object_unref(alone);
		texts++;
	}
	ck_assert_uint_gt(texts, 2 * 64);
	layout_release(&lo);
	doc_free(doc);
	diags_release(&d);
	free(path);
}
END_TEST

/* Two runs have the same glyphs at the same advances and offsets. */
static void
assert_same_glyphs(const PangoLayoutRun *a, const PangoLayoutRun *b)
{
	const PangoGlyphString *ga = a->glyphs, *gb = b->glyphs;

	ck_assert_int_eq(ga->num_glyphs, gb->num_glyphs);
	for (int g = 0; g < ga->num_glyphs; g++) {
		const PangoGlyphInfo *x = &ga->glyphs[g], *y = &gb->glyphs[g];
		ck_assert_uint_eq(x->glyph, y->glyph);
		ck_assert_int_eq(x->geometry.width, y->geometry.width);
		ck_assert_int_eq(x->geometry.x_offset, y->geometry.x_offset);
		ck_assert_int_eq(x->geometry.y_offset, y->geometry.y_offset);
		ck_assert_int_eq(ga->log_clusters[g], gb->log_clusters[g]);
	}
}

/* pl, and pl given the width w (points) it was set for when it has none,
 * are set alike; the number of layouts that had none goes into *open. */
static void
assert_width_changes_nothing(PangoLayout *pl, double w, size_t *open)
{
	PangoLayout *wide = pango_layout_copy(pl);

	if (pango_layout_get_width(pl) < 0) {
		pango_layout_set_width(wide, layout_text_units(w));
		(*open)++;
	} else {
		ck_assert_int_eq(pango_layout_get_width(pl),
		    layout_text_units(w));
	}
	assert_same_setting(pl, wide);
	each_run_pair(pl, wide, assert_same_glyphs);
	g_object_unref(wide);
}

/* Texts that fit on a line are set without a width, which Pango shapes
 * once instead of twice; set with their width they would be set alike,
 * glyph for glyph.  Wider texts, and a right-to-left one (flushed to the
 * other edge), keep their width. */
START_TEST(test_fitting_texts_set_without_width)
{
	char *path = malloc(strlen(tmpdir) + 16);
	char *csv = malloc(strlen(tmpdir) + 16);
	struct report_options opt = { .paper = NULL };
	struct diags d;
	struct doc *doc;
	struct layout lo;
	size_t open = 0, texts = 0, rtl = 0, cells = 0;
	FILE *fp;

	sprintf(csv, "%s/t.csv", tmpdir);
	fp = fopen(csv, "w");
	ck_assert_ptr_nonnull(fp);
	fprintf(fp, "tên,giá trị\nDoanh thu,\"48,39 tỷ USD\"\n"
	    "Lợi nhuận,\"20,8 tỷ USD\"\n");
	fclose(fp);
	sprintf(path, "%s/w.md", tmpdir);
	fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	fprintf(fp, "---\ntitle: Tiêu đề\nsubtitle: Phụ đề\nlang: vi\n---\n\n"
	    "# Chi phí huấn luyện\n\nNgắn, có **đậm**, *nghiêng*, `mã` và "
	    "[liên kết](https://example.org).\n\n"
	    "Tie\xcc\x82\xcc\x81ng Vie\xcc\xa3\xcc\x82t NFD.\n\n"
	    "- mục một\n- mục hai\n\n");
	for (int w = 0; w < 90; w++)
		fprintf(fp, "chữ%d ", w);
	fprintf(fp, "\n\nשלום עולם\n\n```table\ndata: t.csv\n```\n");
	fclose(fp);
	diags_init(&d);
	doc = report_load(path, &opt, &d);
	ck_assert_ptr_nonnull(doc);
	layout_build(&lo, doc, &d);
	for (size_t i = 0; i < lo.nitems; i++) {
		const struct flow_item *it = &lo.items[i];
		PangoLayout *pl;
		if (it->kind == FLOW_ROW) {
			for (size_t c = 0; c < it->table->ncols; c++) {
				pl = layout_item_cell(&lo, it, c);
				assert_width_changes_nothing(pl,
				    it->cell_w[c] - 10.0, &open);
				g_object_unref(pl);
				cells++;
			}
			continue;
		}
		if (it->kind != FLOW_TEXT)
			continue;
		pl = layout_item_text(&lo, it);
		assert_width_changes_nothing(pl, it->text_width, &open);
		if (strstr(pango_layout_get_text(pl), "שלום")) {
			ck_assert_int_ge(pango_layout_get_width(pl), 0);
			rtl++;
		}
		if (strstr(pango_layout_get_text(pl), "chữ89"))
			ck_assert_int_gt(pango_layout_get_line_count(pl), 1);
		g_object_unref(pl);
		texts++;
	}
	ck_assert_uint_eq(rtl, 1);
	ck_assert_uint_eq(cells, 6);
	ck_assert_uint_ge(open, 8);
	ck_assert_uint_lt(open, texts + cells);
	layout_release(&lo);
	doc_free(doc);
	diags_release(&d);
	free(path);
	free(csv);
}
END_TEST

/* A short report is set on the main thread alone: a helper would load
 * every font again for little to share. */
START_TEST(test_short_report_sets_texts_alone)
{
	char *path = malloc(strlen(tmpdir) + 16);
	struct report_options opt = { .paper = NULL };
	struct diags d;
	struct doc *doc;
	struct layout lo;
	FILE *fp;

	sprintf(path, "%s/s.md", tmpdir);
	fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	fprintf(fp, "---\ntitle: T\nlang: vi\n---\n\n");
	for (int p = 0; p < 20; p++)
		fprintf(fp, "Đoạn %d có vài chữ.\n\n", p);
	fclose(fp);
	diags_init(&d);
	doc = report_load(path, &opt, &d);
	ck_assert_ptr_nonnull(doc);
	layout_build(&lo, doc, &d);
	ck_assert_ptr_null(lo.helper_pango);
	ck_assert_uint_eq(lo.helper_texts, 0);
	ck_assert_uint_ge(lo.nitems, 20);
	layout_release(&lo);
	doc_free(doc);
	diags_release(&d);
	free(path);
}
END_TEST

Suite *
layout_suite(void)
{
	Suite *s = suite_create("layout");
	TCase *tc = tcase_create("pages");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_breaks_follow_the_rules, 0, 3);
	tcase_add_loop_test(tc, test_layouts_carry_the_report_language, 0, 2);
	tcase_add_test(tc, test_kept_layouts_are_set_again_alike);
	tcase_add_test(tc, test_texts_set_on_two_threads_alike);
	tcase_add_test(tc, test_short_report_sets_texts_alone);
	tcase_add_test(tc, test_fitting_texts_set_without_width);
	suite_add_tcase(s, tc);
	return s;
}
