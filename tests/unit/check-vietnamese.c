/* check-vietnamese: the Vietnamese alphabet on Pango's glyph strings —
 * coverage in every bundled font and every role, NFD set as NFC, the
 * report's language on every layout, stacked marks inside their line box,
 * breaks without hyphens, and the one warning for text no font has.
 * Fixtures live in tests/vietnamese/. */
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <check.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "doc.h"
#include "fonts.h"
#include "layout.h"
#include "measure.h"
#include "report.h"
#include "utf8.h"
#include "xmalloc.h"

#define FIX "tests/vietnamese/"
#define VI_LETTERS 134

/* --- the alphabet, from Unicode composition ------------------------- */

/* The 134 precomposed Vietnamese letters: the 12 vowels (six of them
 * with a breve, circumflex or horn) under the five tone marks, composed by
 * NFC, plus đ; then the same in upper case.  Built, not typed, so a
 * missing letter cannot hide in a table. */
static size_t
vi_letters(gunichar *out)
{
	static const char *const vowels[] = { "a", "a\u0306", "a\u0302",
	    "e", "e\u0302", "i", "o", "o\u0302", "o\u031b", "u",
	    "u\u031b", "y" };
	static const char *const tones[] = { "", "\u0300", "\u0301",
	    "\u0303", "\u0309", "\u0323" };
	size_t n = 0;

	for (size_t v = 0; v < G_N_ELEMENTS(vowels); v++) {
		for (size_t t = 0; t < G_N_ELEMENTS(tones); t++) {
			char *d = xasprintf("%s%s", vowels[v], tones[t]);
			char *c = utf8_nfc(d, strlen(d));
			gunichar cp = g_utf8_get_char(c);
			ck_assert_msg(g_utf8_strlen(c, -1) == 1,
			    "%s does not compose to one character", d);
			if (cp >= 0x80)
				out[n++] = cp;
			free(c);
			free(d);
		}
	}
	out[n++] = 0x0111;	/* đ has no decomposition */
	for (size_t i = 0, lower = n; i < lower; i++)
		out[n++] = g_unichar_toupper(out[i]);
	return n;
}

/* The letters as one UTF-8 string, separated by sep (may be ""). */
static char *
vi_letters_text(const char *sep)
{
	gunichar cps[VI_LETTERS + 8];
	size_t n = vi_letters(cps);
	GString *s = g_string_new(NULL);

	for (size_t i = 0; i < n; i++) {
		if (i)
			g_string_append(s, sep);
		g_string_append_unichar(s, cps[i]);
	}
	return g_string_free(s, FALSE);
}

START_TEST(test_letters)
{
	gunichar cps[VI_LETTERS + 8];
	size_t n = vi_letters(cps);

	ck_assert_uint_eq(n, VI_LETTERS);
	for (size_t i = 0; i < n; i++) {
		gunichar d[8];
		gsize nd = g_unichar_fully_decompose(cps[i], FALSE, d, 8);
		ck_assert_msg(nd >= 2 || cps[i] == 0x0111 ||
		    cps[i] == 0x0110, "U+%04X is not precomposed",
		    (unsigned)cps[i]);
		ck_assert_msg(i < 67 ? g_unichar_islower(cps[i]) :
		    g_unichar_isupper(cps[i]), "U+%04X has the wrong case",
		    (unsigned)cps[i]);
		for (size_t j = 0; j < i; j++)
			ck_assert_msg(cps[i] != cps[j], "U+%04X twice",
			    (unsigned)cps[i]);
	}
	ck_assert_uint_eq(cps[66], 0x0111);
	ck_assert_uint_eq(cps[133], 0x0110);
}
END_TEST

/* --- glyph-string helpers --------------------------------------------- */

static void
setup(void)
{
	struct diags d;

	diags_init(&d);
	ck_assert_msg(fonts_init(NULL, &d), "fonts_init failed (is "
	    "FIGPRESS_FONTS set?)");
	diags_release(&d);
}

static char *
run_family(const PangoLayoutRun *run)
{
	PangoFontDescription *fd;
	char *fam;

	if (run->item->analysis.font == NULL)
		return xstrdup("(no font)");
	fd = pango_font_describe(run->item->analysis.font);
	fam = xstrdup(pango_font_description_get_family(fd));
	pango_font_description_free(fd);
	return fam;
}

/* The font file a run was set from, without its folder. */
static const char *
run_file(const PangoLayoutRun *run)
{
	FcPattern *pat = pango_fc_font_get_pattern(
	    PANGO_FC_FONT(run->item->analysis.font));
	FcChar8 *file = NULL;
	const char *slash;

	if (FcPatternGetString(pat, FC_FILE, 0, &file) != FcResultMatch)
		return "(no file)";
	slash = strrchr((const char *)file, '/');
	return slash ? slash + 1 : (const char *)file;
}

static gunichar
run_char(const char *text, const PangoLayoutRun *run, int glyph)
{
	return g_utf8_get_char(text + run->item->offset +
	    run->glyphs->log_clusters[glyph]);
}

/* NULL when every glyph of every run of pl is a real glyph (neither
 * unknown, .notdef nor empty, spaces aside) and, for a letter, comes from
 * family (and from file, when not NULL); otherwise the first fault, which
 * the caller frees.  Family is checked per run because Pango's fallback
 * does not count as an unknown glyph. */
static char *
glyph_fault(PangoLayout *pl, const char *family, const char *file)
{
	const char *text = pango_layout_get_text(pl);

	for (GSList *l = pango_layout_get_lines_readonly(pl); l; l = l->next) {
		for (GSList *r = ((PangoLayoutLine *)l->data)->runs; r;
		    r = r->next) {
			const PangoLayoutRun *run = r->data;
			char *fam = run_family(run);
			for (int i = 0; i < run->glyphs->num_glyphs; i++) {
				PangoGlyph g = run->glyphs->glyphs[i].glyph;
				gunichar c = run_char(text, run, i);
				char *fault = NULL;
				if (g == 0 || (g & PANGO_GLYPH_UNKNOWN_FLAG) ||
				    (g == PANGO_GLYPH_EMPTY &&
				    !g_unichar_isspace(c)))
					fault = xasprintf("U+%04X has no glyph "
					    "(%#x) in %s", (unsigned)c,
					    (unsigned)g, fam);
				else if (g_unichar_isalpha(c) && family &&
				    g_ascii_strcasecmp(fam, family) != 0)
					fault = xasprintf("U+%04X set in %s, "
					    "not %s", (unsigned)c, fam, family);
				else if (g_unichar_isalpha(c) && file &&
				    strcmp(run_file(run), file) != 0)
					fault = xasprintf("U+%04X set from %s, "
					    "not %s", (unsigned)c,
					    run_file(run), file);
				if (fault) {
					free(fam);
					return fault;
				}
			}
			free(fam);
		}
	}
	return NULL;
}

/* Glyph ids, advances, offsets and the font of every run of pl, one run
 * a line, so two layouts can be compared as text. */
static char *
glyph_dump(PangoLayout *pl)
{
	GString *s = g_string_new(NULL);
	int line = 0;

	for (GSList *l = pango_layout_get_lines_readonly(pl); l;
	    l = l->next, line++) {
		for (GSList *r = ((PangoLayoutLine *)l->data)->runs; r;
		    r = r->next) {
			const PangoLayoutRun *run = r->data;
			char *fam = run_family(run);
			g_string_append_printf(s, "L%d %s:", line, fam);
			for (int i = 0; i < run->glyphs->num_glyphs; i++) {
				const PangoGlyphInfo *gi =
				    &run->glyphs->glyphs[i];
				g_string_append_printf(s, " %u/%d/%d/%d",
				    gi->glyph, gi->geometry.width,
				    gi->geometry.x_offset,
				    gi->geometry.y_offset);
			}
			g_string_append_c(s, '\n');
			free(fam);
		}
	}
	return g_string_free(s, FALSE);
}

static void
expect_same_text(const char *what, const char *got, const char *want)
{
	size_t i = 0;

	if (strcmp(got, want) == 0)
		return;
	while (got[i] && got[i] == want[i])
		i++;
	ck_abort_msg("%s: differ at byte %zu: got \"%.100s\", want \"%.100s\"",
	    what, i, got + i, want + i);
}

static PangoLayout *
font_layout(PangoContext *pc, const char *family, PangoWeight weight,
    PangoStyle style, const char *text)
{
	PangoLayout *pl = pango_layout_new(pc);
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, family);
	pango_font_description_set_weight(fd, weight);
	pango_font_description_set_style(fd, style);
	pango_font_description_set_absolute_size(fd, 12 * PANGO_SCALE);
	pango_layout_set_font_description(pl, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(pl, text, -1);
	return pl;
}

/* --- 1: coverage in every bundled font ------------------------------- */

static const struct font_case {
	const char *family;
	PangoWeight weight;
	PangoStyle style;
	const char *file;
} font_cases[] = {
	{ FONTS_SANS, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
	    "NotoSans-Regular.ttf" },
	{ FONTS_SANS, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
	    "NotoSans-Bold.ttf" },
	{ FONTS_SANS, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC,
	    "NotoSans-Italic.ttf" },
	{ FONTS_SANS, PANGO_WEIGHT_BOLD, PANGO_STYLE_ITALIC,
	    "NotoSans-BoldItalic.ttf" },
	{ FONTS_SERIF, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
	    "NotoSerif-Regular.ttf" },
	{ FONTS_SERIF, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
	    "NotoSerif-Bold.ttf" },
	{ FONTS_SERIF, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC,
	    "NotoSerif-Italic.ttf" },
	{ FONTS_MONO, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
	    "NotoSansMono-Regular.ttf" },
};

START_TEST(test_font_coverage)
{
	const struct font_case *fc = &font_cases[_i];
	PangoContext *pc = fonts_context(LANG_VI);
	char *text = vi_letters_text("");
	PangoLayout *pl = font_layout(pc, fc->family, fc->weight, fc->style,
	    text);
	char *fault = glyph_fault(pl, fc->family, fc->file);
	int glyphs = 0;

	ck_assert_msg(fault == NULL, "%s: %s", fc->file, fault);
	for (GSList *l = pango_layout_get_lines_readonly(pl); l; l = l->next)
		for (GSList *r = ((PangoLayoutLine *)l->data)->runs; r;
		    r = r->next)
			glyphs += ((PangoLayoutRun *)r->data)->glyphs->
			    num_glyphs;
	/* One glyph or more (base + mark) for each letter. */
	ck_assert_int_ge(glyphs, VI_LETTERS);
	ck_assert_int_eq(pango_layout_get_unknown_glyphs_count(pl), 0);
	g_object_unref(pl);
	free(text);
	g_object_unref(pc);
}
END_TEST

/* The cairo font a text is drawn with on a PDF or SVG page is the very
 * font it was measured with, not a second one with the surface's options
 * merged in: else every glyph is loaded from the font file twice. */
START_TEST(test_drawn_font_is_measured_font)
{
	const struct font_case *fc = &font_cases[_i];
	PangoContext *pc = fonts_context(LANG_VI);
	PangoLayout *pl = font_layout(pc, fc->family, fc->weight, fc->style,
	    "Nguồn dữ liệu");
	PangoLayoutRun *run = pango_layout_get_lines_readonly(pl) ?
	    ((PangoLayoutLine *)pango_layout_get_lines_readonly(pl)->data)->
	    runs->data : NULL;
	cairo_surface_t *pages[2] = {
		cairo_pdf_surface_create_for_stream(NULL, NULL, 100, 100),
		cairo_svg_surface_create_for_stream(NULL, NULL, 100, 100),
	};
	cairo_scaled_font_t *measured;

	ck_assert_ptr_nonnull(run);
	measured = pango_cairo_font_get_scaled_font(
	    PANGO_CAIRO_FONT(run->item->analysis.font));
	ck_assert_ptr_nonnull(measured);
	for (size_t i = 0; i < G_N_ELEMENTS(pages); i++) {
		cairo_t *cr = cairo_create(pages[i]);

		cairo_set_scaled_font(cr, measured);
		ck_assert_msg(cairo_get_scaled_font(cr) == measured,
		    "%s: a second cairo font on the %s page", fc->file,
		    i == 0 ? "PDF" : "SVG");
		cairo_destroy(cr);
		cairo_surface_destroy(pages[i]);
	}
	g_object_unref(pl);
	g_object_unref(pc);
}
END_TEST

/* A chart label that fits its wrap width, left-aligned, is set without
 * it (Pango shapes it once) and reads glyph for glyph as with it; a longer
 * one wraps, and a right-aligned one keeps the width Pango aligns in. */
START_TEST(test_chart_label_fits_without_wrap)
{
	PangoContext *pc = fonts_context(LANG_VI);
	const char *label = "Lợi nhuận (tỷ USD)";
	PangoLayout *fit = measure_chart_layout(pc, label, 8, false, 120, -1);
	PangoLayout *wide = pango_layout_copy(fit);
	PangoLayout *right = measure_chart_layout(pc, label, 8, false, 120, 1);
	PangoLayout *lng = measure_chart_layout(pc, "Người dùng hằng ngày các "
	    "ứng dụng của Meta trong quý IV/2024", 8, false, 120, -1);
	PangoLayoutLine *a, *b;

	ck_assert_int_eq(pango_layout_get_width(fit), -1);
	pango_layout_set_width(wide, pango_units_from_double(120));
	ck_assert_int_eq(pango_layout_get_line_count(wide), 1);
	a = pango_layout_get_line_readonly(fit, 0);
	b = pango_layout_get_line_readonly(wide, 0);
	ck_assert_uint_eq(g_slist_length(a->runs), g_slist_length(b->runs));
	for (GSList *ra = a->runs, *rb = b->runs; ra; ra = ra->next,
	    rb = rb->next) {
		PangoGlyphString *ga = ((PangoLayoutRun *)ra->data)->glyphs;
		PangoGlyphString *gb = ((PangoLayoutRun *)rb->data)->glyphs;
		ck_assert_int_eq(ga->num_glyphs, gb->num_glyphs);
		for (int g = 0; g < ga->num_glyphs; g++) {
			ck_assert_uint_eq(ga->glyphs[g].glyph,
			    gb->glyphs[g].glyph);
			ck_assert_int_eq(ga->glyphs[g].geometry.width,
			    gb->glyphs[g].geometry.width);
		}
	}
	ck_assert_int_eq(pango_layout_get_width(right),
	    pango_units_from_double(120));
	ck_assert_int_eq(pango_layout_get_width(lng),
	    pango_units_from_double(120));
	ck_assert_int_gt(pango_layout_get_line_count(lng), 1);
	g_object_unref(fit);
	g_object_unref(wide);
	g_object_unref(right);
	g_object_unref(lng);
	measure_chart_forget(pc);
	g_object_unref(pc);
}
END_TEST

/* The fault check itself: a character none of the fonts has is caught,
 * and so is a letter asked of the wrong family. */
START_TEST(test_fault_check_fails)
{
	PangoContext *pc = fonts_context(LANG_VI);
	PangoLayout *pl = font_layout(pc, FONTS_SERIF, PANGO_WEIGHT_NORMAL,
	    PANGO_STYLE_NORMAL, "ấ 中");
	char *fault = glyph_fault(pl, FONTS_SERIF, NULL);

	ck_assert_msg(fault && strstr(fault, "U+4E2D"), "%s", fault);
	free(fault);
	g_object_unref(pl);
	pl = font_layout(pc, FONTS_SERIF, PANGO_WEIGHT_NORMAL,
	    PANGO_STYLE_NORMAL, "ấ");
	fault = glyph_fault(pl, FONTS_SANS, NULL);
	ck_assert_msg(fault && strstr(fault, "not Noto Sans"), "%s", fault);
	free(fault);
	g_object_unref(pl);
	g_object_unref(pc);
}
END_TEST

/* --- a report laid out, and its layouts by role ------------------------ */

struct laid {
	struct doc *doc;
	struct layout lo;
	struct diags d;
};

static void
laid_build(struct laid *l, const char *path)
{
	struct report_options ro = { .paper = NULL };

	diags_init(&l->d);
	l->doc = report_load(path, &ro, &l->d);
	if (l->doc == NULL) {
		char *msg = l->d.count ? diag_format(&l->d.items[0]) :
		    xstrdup("?");
		ck_abort_msg("%s: %s", path, msg);
	}
	layout_build(&l->lo, l->doc, &l->d);
}

static void
laid_release(struct laid *l)
{
	layout_release(&l->lo);
	doc_free(l->doc);
	diags_release(&l->d);
}

enum role_class { RC_TITLE, RC_HEADING, RC_BODY, RC_TABLE, RC_CHART,
	RC_MAX };

static const char *const rc_names[] = { "title", "heading", "body",
	"table", "chart" };
/* The family each class is set in (code spans aside). */
static const char *const rc_family[] = { FONTS_SANS, FONTS_SANS,
	FONTS_SERIF, FONTS_SANS, FONTS_SANS };

static enum role_class
item_class(const struct flow_item *it)
{
	switch (it->role) {
	case ROLE_TITLE:
		return RC_TITLE;
	case ROLE_H1: case ROLE_H2: case ROLE_H3:
		return RC_HEADING;
	case ROLE_TR: case ROLE_CAPTION:
		return RC_TABLE;	/* captions: tables' and charts' */
	default:
		return RC_BODY;
	}
}

/* Calls fn on every layout of l: each text item, list marker and table
 * cell, and each chart text set as draw-chart.c sets it. */
typedef void (*layout_fn)(PangoLayout *pl, enum role_class rc,
    const struct flow_item *it, void *arg);

static void
laid_each(struct laid *l, layout_fn fn, void *arg)
{
	for (size_t i = 0; i < l->lo.nitems; i++) {
		const struct flow_item *it = &l->lo.items[i];
		PangoLayout *pl;
		if (it->kind == FLOW_TEXT) {
			pl = layout_item_text(&l->lo, it);
			fn(pl, item_class(it), it, arg);
			g_object_unref(pl);
		}
		for (size_t k = 0; k < it->nmarkers; k++) {
			pl = layout_item_marker(&l->lo, it, k);
			fn(pl, RC_BODY, NULL, arg);
			g_object_unref(pl);
		}
		for (size_t c = 0; it->kind == FLOW_ROW &&
		    c < it->table->ncols; c++) {
			pl = layout_item_cell(&l->lo, it, c);
			fn(pl, RC_TABLE, it, arg);
			g_object_unref(pl);
		}
		for (size_t t = 0; it->kind == FLOW_CHART &&
		    t < it->chart.ntexts; t++) {
			const struct chart_text *ct = &it->chart.texts[t];
			pl = measure_chart_layout(l->lo.pango,
			    ct->text, ct->size, ct->bold, ct->wrap,
			    ct->align);
			fn(pl, RC_CHART, it, arg);
			g_object_unref(pl);
		}
	}
}

struct cover {
	GString *text[RC_MAX];
	size_t layouts;
};

/* A paragraph that is one code span is set in the mono (it is the text
 * item's own layout, not a cell or chart text of it). */
static bool
all_code(const struct flow_item *it)
{
	return it && it->kind == FLOW_TEXT && it->block &&
	    it->block->text.nspans == 1 &&
	    (it->block->text.spans[0].style & SPAN_CODE);
}

static void
cover_layout(PangoLayout *pl, enum role_class rc,
    const struct flow_item *it, void *arg)
{
	struct cover *cv = arg;
	const char *want = rc_family[rc];
	char *fault;

	if (all_code(it) || (it && it->role == ROLE_CODE))
		want = FONTS_MONO;
	if (it == NULL && pango_layout_get_character_count(pl) == 1)
		want = NULL;	/* a list bullet: any bundled font */
	fault = glyph_fault(pl, want, NULL);
	ck_assert_msg(fault == NULL, "%s \"%.60s\": %s", rc_names[rc],
	    pango_layout_get_text(pl), fault);
	g_string_append(cv->text[rc], pango_layout_get_text(pl));
	cv->layouts++;
}

START_TEST(test_roles_cover)
{
	struct laid l;
	struct cover cv = { { NULL }, 0 };
	gunichar cps[VI_LETTERS + 8];
	size_t n = vi_letters(cps);

	for (int rc = 0; rc < RC_MAX; rc++)
		cv.text[rc] = g_string_new(NULL);
	laid_build(&l, FIX "alphabet.md");
	ck_assert_msg(l.d.count == 0, "alphabet.md: %s", l.d.count ?
	    l.d.items[0].message : "");
	laid_each(&l, cover_layout, &cv);
	ck_assert_uint_gt(cv.layouts, 20);
	/* Every letter was really set in every role (the fixture is whole). */
	for (int rc = 0; rc < RC_MAX; rc++) {
		for (size_t i = 0; i < n; i++) {
			char u[8] = "";
			u[g_unichar_to_utf8(cps[i], u)] = '\0';
			ck_assert_msg(strstr(cv.text[rc]->str, u),
			    "%s text lacks %s", rc_names[rc], u);
		}
		g_string_free(cv.text[rc], TRUE);
	}
	laid_release(&l);
}
END_TEST

/* Bold, italic and code runs of the body come from the right faces. */
START_TEST(test_body_styles)
{
	struct laid l;
	size_t seen = 0;

	laid_build(&l, FIX "alphabet.md");
	for (size_t i = 0; i < l.lo.nitems; i++) {
		const struct flow_item *it = &l.lo.items[i];
		const char *file = NULL, *family = FONTS_SERIF;
		if (it->role != ROLE_P || it->block->text.nspans != 1)
			continue;
		switch (it->block->text.spans[0].style) {
		case SPAN_BOLD: file = "NotoSerif-Bold.ttf"; break;
		case SPAN_ITALIC: file = "NotoSerif-Italic.ttf"; break;
		case SPAN_CODE:
			family = FONTS_MONO;
			file = "NotoSansMono-Regular.ttf";
			break;
		default: continue;
		}
		PangoLayout *pl = layout_item_text(&l.lo, it);
		char *fault = glyph_fault(pl, family, file);
		g_object_unref(pl);
		ck_assert_msg(fault == NULL, "%s", fault);
		seen++;
	}
	ck_assert_uint_eq(seen, 3);
	laid_release(&l);
}
END_TEST

/* --- 2: NFD is set exactly as NFC -------------------------------------- */

static const char *const nfd_words[] = {
	"Người dùng hằng ngày", "DOANH THU QUÝ IV/2024 TĂNG 22%",
	"ỨNG DỤNG", "ẨN SỐ", "Kế hoạch chi cho AI năm 2025",
	"lợi nhuận tăng 43%", "Đường đi ở đâu?",
};

/* HarfBuzz alone: a layout of NFD text (no normalisation by figpress)
 * gives the glyphs and positions of the NFC text, in every font. */
START_TEST(test_nfd_shapes_as_nfc)
{
	const struct font_case *fc = &font_cases[_i];
	PangoContext *pc = fonts_context(LANG_VI);
	char *letters = vi_letters_text(" ");
	GString *all = g_string_new(letters);

	for (size_t w = 0; w < G_N_ELEMENTS(nfd_words); w++)
		g_string_append_printf(all, " %s", nfd_words[w]);
	{
		char *nfd = g_utf8_normalize(all->str, -1, G_NORMALIZE_NFD);
		PangoLayout *a = font_layout(pc, fc->family, fc->weight,
		    fc->style, all->str);
		PangoLayout *b = font_layout(pc, fc->family, fc->weight,
		    fc->style, nfd);
		char *da = glyph_dump(a), *db = glyph_dump(b);

		ck_assert_msg(strlen(nfd) > all->len, "not decomposed");
		expect_same_text(fc->file, db, da);
		g_free(da);
		g_free(db);
		g_object_unref(a);
		g_object_unref(b);
		g_free(nfd);
	}
	g_string_free(all, TRUE);
	free(letters);
	g_object_unref(pc);
}
END_TEST

static char *
file_text(const char *path)
{
	gchar *s = NULL;

	ck_assert_msg(g_file_get_contents(path, &s, NULL, NULL), "%s", path);
	return s;
}

/* Every input path: body, headings, front matter, chart title, caption,
 * source and labels from CSV, table cells and headers.  The NFD report
 * and CSV give the NFC model and the NFC glyph strings. */
START_TEST(test_nfd_report_as_nfc)
{
	struct laid a, b;
	char *raw = file_text(FIX "caption-nfd.md");
	char *csv = file_text(FIX "caption-nfd.csv");
	char *da, *db;

	/* The fixtures really are decomposed. */
	ck_assert_ptr_nonnull(strstr(raw, "U\xcc\x9b\xcc\x81NG"));
	ck_assert_ptr_nonnull(strstr(csv, "e\xcc\x82\xcc\x81"));
	g_free(raw);
	g_free(csv);
	laid_build(&a, FIX "caption-nfc.md");
	laid_build(&b, FIX "caption-nfd.md");
	ck_assert_uint_eq(b.d.count, 0);
	da = doc_dump(a.doc);
	db = doc_dump(b.doc);
	/* The dump names the files read; only those may differ. */
	for (char *p = db; (p = strstr(p, "caption-nfd")) != NULL; p++)
		p[strlen("caption-nf")] = 'c';
	expect_same_text("doc", db, da);
	free(da);
	free(db);
	ck_assert_str_eq(b.doc->fm.title, a.doc->fm.title);
	ck_assert_str_eq(b.doc->fm.subtitle, a.doc->fm.subtitle);
	ck_assert_str_eq(b.doc->fm.author, a.doc->fm.author);
	ck_assert_uint_eq(b.lo.nitems, a.lo.nitems);
	ck_assert_uint_eq(b.lo.pages.npages, a.lo.pages.npages);
	for (size_t i = 0; i < a.lo.nitems; i++) {
		const struct flow_item *x = &a.lo.items[i], *y = &b.lo.items[i];
		if (x->kind == FLOW_TEXT) {
			PangoLayout *pa = layout_item_text(&a.lo, x);
			PangoLayout *pb = layout_item_text(&b.lo, y);
			da = glyph_dump(pa);
			db = glyph_dump(pb);
			expect_same_text("item glyphs", db, da);
			g_free(da);
			g_free(db);
			g_object_unref(pa);
			g_object_unref(pb);
		}
		if (x->kind == FLOW_CHART)
			for (size_t t = 0; t < x->chart.ntexts; t++)
				ck_assert_str_eq(y->chart.texts[t].text,
				    x->chart.texts[t].text);
	}
	laid_release(&a);
	laid_release(&b);
}
END_TEST

/* --- 3: the report's language on every layout ------------------------ */

struct lang_check {
	const char *want;
	size_t layouts;
	size_t runs;
};

static void
lang_layout(PangoLayout *pl, enum role_class rc,
    const struct flow_item *it, void *arg)
{
	struct lang_check *lc = arg;
	PangoLanguage *ctx_lang = pango_context_get_language(
	    pango_layout_get_context(pl));

	(void)it;
	ck_assert_msg(ctx_lang && strcmp(pango_language_to_string(ctx_lang),
	    lc->want) == 0, "%s layout \"%.40s\": context language %s",
	    rc_names[rc], pango_layout_get_text(pl),
	    ctx_lang ? pango_language_to_string(ctx_lang) : "(none)");
	/* And it reaches the shaper: every run is itemised with it. */
	for (GSList *l = pango_layout_get_lines_readonly(pl); l; l = l->next)
		for (GSList *r = ((PangoLayoutLine *)l->data)->runs; r;
		    r = r->next) {
			PangoLayoutRun *run = r->data;
			const char *got = pango_language_to_string(
			    run->item->analysis.language);
			ck_assert_msg(strcmp(got, lc->want) == 0,
			    "%s run language %s", rc_names[rc], got);
			lc->runs++;
		}
	lc->layouts++;
}

static const struct lang_case {
	const char *fixture;
	const char *want;
} lang_cases[] = {
	{ FIX "caption-nfc.md", "vi" },
	{ FIX "lang-en.md", "en" },
};

START_TEST(test_language)
{
	const struct lang_case *lc = &lang_cases[_i];
	struct lang_check chk = { lc->want, 0, 0 };
	struct laid l;
	bool table = false, chart = false, heading = false, body = false;

	laid_build(&l, lc->fixture);
	ck_assert_str_eq(pango_language_to_string(
	    pango_context_get_language(l.lo.pango)), lc->want);
	laid_each(&l, lang_layout, &chk);
	for (size_t i = 0; i < l.lo.nitems; i++) {
		enum flow_role r = l.lo.items[i].role;
		table |= r == ROLE_TR;
		chart |= l.lo.items[i].kind == FLOW_CHART &&
		    l.lo.items[i].chart.ntexts > 0;
		heading |= r == ROLE_H1;
		body |= r == ROLE_P;
	}
	ck_assert_msg(table && chart && heading && body, "fixture lacks a "
	    "role");
	ck_assert_uint_gt(chk.runs, chk.layouts / 2);
	laid_release(&l);
}
END_TEST

/* --- 3: stacked marks stay inside their line box ----------------------- */

struct stack_check {
	size_t lines;
	size_t stacked;
	double worst;		/* least room between ink and box, points */
};

/* Uppercase letters whose marks stack (a tone over a circumflex or
 * breve, or a hook above). */
static bool
has_stacked(const char *s, size_t len)
{
	static const char *const tall[] = { "Ấ", "Ầ", "Ẩ", "Ẫ", "Ắ", "Ằ",
	    "Ẳ", "Ẵ", "Ế", "Ề", "Ể", "Ễ", "Ố", "Ồ", "Ổ", "Ỗ", "Ớ", "Ờ",
	    "Ở", "Ỡ", "Ứ", "Ừ", "Ử", "Ữ", "Ả", "Ỏ", "Ủ", "Ỷ", "Ý", "Ỹ" };

	for (size_t i = 0; i < G_N_ELEMENTS(tall); i++)
		if (g_strstr_len(s, (gssize)len, tall[i]))
			return true;
	return false;
}

static void
stack_item(const struct flow_item *it, PangoLayout *pl,
    struct stack_check *sc)
{
	PangoLayoutIter *iter = pango_layout_get_iter(pl);
	const char *text = pango_layout_get_text(pl);

	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(
		    iter);
		PangoRectangle ink, logical;
		int y0, y1;
		double above, below;

		pango_layout_iter_get_line_extents(iter, &ink, &logical);
		pango_layout_iter_get_line_yrange(iter, &y0, &y1);
		above = layout_pt(ink.y - y0);
		below = layout_pt(y1 - (ink.y + ink.height));
		ck_assert_msg(above >= 0 && below >= 0,
		    "role %d line \"%.*s\": ink %.2f..%.2f outside its box "
		    "%.2f..%.2f", it->role, line->length,
		    text + line->start_index, layout_pt(ink.y),
		    layout_pt(ink.y + ink.height), layout_pt(y0),
		    layout_pt(y1));
		if (has_stacked(text + line->start_index,
		    (size_t)line->length)) {
			sc->stacked++;
			if (above < sc->worst)
				sc->worst = above;
		}
		sc->lines++;
	} while (pango_layout_iter_next_line(iter));
	pango_layout_iter_free(iter);
}

START_TEST(test_stacked_marks)
{
	struct laid l;
	struct stack_check sc = { 0, 0, 1e9 };
	unsigned roles = 0;

	laid_build(&l, FIX "stacked.md");
	for (size_t i = 0; i < l.lo.nitems; i++) {
		const struct flow_item *it = &l.lo.items[i];
		if (it->kind != FLOW_TEXT)
			continue;
		if (it->nlines > 1)
			roles |= 1u << it->role;
		PangoLayout *pl = layout_item_text(&l.lo, it);
		stack_item(it, pl, &sc);
		g_object_unref(pl);
	}
	/* Title, H1-H3 and body each with several lines of capitals. */
	ck_assert_uint_eq(roles & 0x1f, 0x1f);
	ck_assert_uint_gt(sc.stacked, 10);
	laid_release(&l);
}
END_TEST

/* --- 4: breaks at spaces, no hyphens, no lone punctuation ------------ */

static int
count_glyphs(PangoLayout *pl)
{
	int n = 0;

	for (GSList *l = pango_layout_get_lines_readonly(pl); l; l = l->next)
		for (GSList *r = ((PangoLayoutLine *)l->data)->runs; r;
		    r = r->next)
			n += ((PangoLayoutRun *)r->data)->glyphs->num_glyphs;
	return n;
}

/* Glyphs pl gains by its line breaks: a hyphen Pango inserts is one. */
static int
break_glyphs(PangoLayout *pl)
{
	PangoLayout *one = pango_layout_copy(pl);
	int n;

	pango_layout_set_width(one, -1);
	n = count_glyphs(pl) - count_glyphs(one);
	g_object_unref(one);
	return n;
}

#define LONG_WORD "Nghiêngnghiêngnghiêngnghiêngnghiêngnghiêngnghiêng"

/* Pango by itself does hyphenate where it must break inside a word, so
 * layout.c has to say no for Vietnamese. */
START_TEST(test_pango_would_hyphenate)
{
	PangoContext *pc = fonts_context(LANG_VI);
	PangoLayout *pl = font_layout(pc, FONTS_SERIF, PANGO_WEIGHT_NORMAL,
	    PANGO_STYLE_NORMAL, LONG_WORD);
	PangoAttrList *al = pango_attr_list_new();

	pango_layout_set_width(pl, 60 * PANGO_SCALE);
	pango_layout_set_wrap(pl, PANGO_WRAP_WORD_CHAR);
	ck_assert_int_gt(pango_layout_get_line_count(pl), 2);
	ck_assert_int_gt(break_glyphs(pl), 0);
	pango_attr_list_insert(al, pango_attr_insert_hyphens_new(FALSE));
	pango_layout_set_attributes(pl, al);
	pango_attr_list_unref(al);
	ck_assert_int_eq(break_glyphs(pl), 0);
	g_object_unref(pl);
	g_object_unref(pc);
}
END_TEST

/* Closing punctuation that must never begin a line. */
static bool
lone_punct(gunichar c)
{
	if (c < 0x80)
		return c != 0 && strchr(",.;:!?)]}%", (int)c) != NULL;
	return c == 0x2026 || c == 0x201D || c == 0x2019 || c == 0xBB;
}

/* Where lines of pl start: after a space, a dash or a slash, never
 * inside a syllable, never at closing punctuation. */
static void
expect_clean_breaks(PangoLayout *pl, const char *what)
{
	const char *text = pango_layout_get_text(pl);
	GSList *l = pango_layout_get_lines_readonly(pl);

	for (l = l ? l->next : NULL; l; l = l->next) {
		PangoLayoutLine *line = l->data;
		const char *at = text + line->start_index;
		gunichar first = g_utf8_get_char(at);
		gunichar before = g_utf8_get_char(g_utf8_prev_char(at));
		ck_assert_msg(!lone_punct(first) && !g_unichar_isspace(first),
		    "%s: a line starts with \"%.12s\"", what, at);
		ck_assert_msg(g_unichar_isspace(before) || before == '-' ||
		    before == 0x2014 || before == 0x2013 || before == '/',
		    "%s: break inside a syllable before \"%.12s\"", what, at);
	}
}

/* Layouts made by layout.c: the body of breaks.md (a long unbreakable
 * word among Vietnamese sentences) and every other text. */
START_TEST(test_layout_breaks)
{
	struct laid l;
	size_t checked = 0, long_word = 0;

	laid_build(&l, FIX "breaks.md");
	for (size_t i = 0; i < l.lo.nitems; i++) {
		const struct flow_item *it = &l.lo.items[i];
		PangoLayout *pls[16];
		size_t n = 0;
		if (it->kind == FLOW_TEXT)
			pls[n++] = layout_item_text(&l.lo, it);
		for (size_t c = 0; it->kind == FLOW_ROW &&
		    c < it->table->ncols && n < 16; c++)
			pls[n++] = layout_item_cell(&l.lo, it, c);
		for (size_t k = 0; k < n; k++) {
			const char *text = pango_layout_get_text(pls[k]);
			ck_assert_int_eq(break_glyphs(pls[k]), 0);
			if (strstr(text, LONG_WORD)) {
				long_word++;
				ck_assert_int_gt(pango_layout_get_line_count(
				    pls[k]), 1);
			} else {
				expect_clean_breaks(pls[k], text);
			}
			checked++;
			g_object_unref(pls[k]);
		}
	}
	ck_assert_uint_gt(checked, 5);
	ck_assert_uint_gt(long_word, 0);
	laid_release(&l);
}
END_TEST

static const char *const punct_text =
    "Doanh thu quý IV/2024 đạt 48,39 tỷ USD, tăng 22%; lợi nhuận đạt "
    "20,8 tỷ USD (tăng 43%). Vì sao? Vì chi phí giảm! Các ứng dụng — "
    "Facebook, Instagram, WhatsApp… — có “hơn 3,35 tỷ” người dùng mỗi "
    "ngày: con số ấy tăng 5% so với cùng kỳ năm trước, theo số liệu "
    "tổng hợp.";

/* A justified paragraph at many widths: every break is between
 * syllables, and no line starts with a lone mark. */
START_TEST(test_breaks_many_widths)
{
	PangoContext *pc = fonts_context(LANG_VI);
	PangoLayout *pl = font_layout(pc, FONTS_SERIF, PANGO_WEIGHT_NORMAL,
	    PANGO_STYLE_NORMAL, punct_text);
	size_t lines = 0;

	pango_layout_set_wrap(pl, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_justify(pl, TRUE);
	/* From the width of the longest word ("WhatsApp…", 72 pt) up:
	 * narrower, Pango must break inside words. */
	for (int w = 75; w <= 420; w += 3) {
		char what[32];
		snprintf(what, sizeof what, "width %d", w);
		pango_layout_set_width(pl, w * PANGO_SCALE);
		expect_clean_breaks(pl, what);
		lines += (size_t)pango_layout_get_line_count(pl);
	}
	ck_assert_uint_gt(lines, 300);
	g_object_unref(pl);
	g_object_unref(pc);
}
END_TEST

/* --- 5: characters no bundled font has ------------------------------- */

static const struct fallback_case {
	const char *fixture;
	int line;		/* of the first block with one */
	const char *code;	/* the first such character */
	size_t count;
} fallback_cases[] = {
	{ FIX "fallback.md", 13, "U+1F4C8", 7 },
	{ FIX "fallback-table.md", 9, "U+4E2D", 2 },
	{ FIX "fallback-chart.md", 11, "U+1F4C8", 1 },
	/* 70 paragraphs: set in batches, on two threads; the warning still
	 * names the first in the document, not the first set. */
	{ FIX "fallback-long.md", 84, "U+1F4C8", 3 },
};

START_TEST(test_fallback_warns_once)
{
	const struct fallback_case *fc = &fallback_cases[_i];
	struct laid l;
	char *want = xasprintf("%s:%d:1: warning: no bundled font has ",
	    fc->fixture, fc->line);
	char *count = xasprintf("(%zu character%s without a glyph", fc->count,
	    fc->count == 1 ? "" : "s");
	char *msg;

	laid_build(&l, fc->fixture);
	ck_assert_uint_eq(l.d.count, 1);
	ck_assert(!diags_failed(&l.d));
	ck_assert_int_eq(l.d.items[0].severity, DIAG_WARNING);
	msg = diag_format(&l.d.items[0]);
	ck_assert_msg(strncmp(msg, want, strlen(want)) == 0 &&
	    strstr(msg, fc->code) && strstr(msg, count), "%s", msg);
	free(msg);
	free(count);
	free(want);
	laid_release(&l);
}
END_TEST

/* The text is kept, and the character is set as Pango's unknown glyph,
 * which it draws as a box showing the code. */
START_TEST(test_fallback_keeps_text)
{
	struct laid l;
	bool found = false;

	laid_build(&l, FIX "fallback.md");
	for (size_t i = 0; i < l.lo.nitems; i++) {
		PangoLayout *pl;
		if (l.lo.items[i].kind != FLOW_TEXT)
			continue;
		pl = layout_item_text(&l.lo, &l.lo.items[i]);
		if (!strstr(pango_layout_get_text(pl), "📈")) {
			g_object_unref(pl);
			continue;
		}
		ck_assert_ptr_nonnull(strstr(pango_layout_get_text(pl),
		    "中文"));
		char *dump = glyph_dump(pl);
		char *box = xasprintf(" %u/", PANGO_GET_UNKNOWN_GLYPH(0x1F4C8));
		ck_assert_msg(strstr(dump, box), "no box glyph: %s", dump);
		free(box);
		g_free(dump);
		ck_assert_int_eq(pango_layout_get_unknown_glyphs_count(pl), 3);
		g_object_unref(pl);
		found = true;
	}
	ck_assert(found);
	laid_release(&l);
}
END_TEST

static const struct family_case {
	const char *family;
	bool bundled;
} family_cases[] = {
	{ "Noto Sans", true }, { "noto serif", true },
	{ "Noto Sans Mono", true }, { "DejaVu Sans", false },
	{ "Noto Sans CJK SC", false }, { "Noto Color Emoji", false },
	{ "", false }, { NULL, false },
};

START_TEST(test_family_is_bundled)
{
	const struct family_case *fc = &family_cases[_i];

	ck_assert_msg(fonts_family_is_bundled(fc->family) == fc->bundled,
	    "%s", fc->family ? fc->family : "(null)");
}
END_TEST

Suite *
vietnamese_suite(void)
{
	Suite *s = suite_create("vietnamese");
	TCase *tc = tcase_create("alphabet");
	TCase *tl = tcase_create("layout");

	tcase_add_test(tc, test_letters);
	tcase_add_loop_test(tc, test_family_is_bundled, 0,
	    G_N_ELEMENTS(family_cases));
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(tl, setup, NULL);
	tcase_set_timeout(tl, 60);
	tcase_add_loop_test(tl, test_font_coverage, 0,
	    G_N_ELEMENTS(font_cases));
	tcase_add_loop_test(tl, test_drawn_font_is_measured_font, 0,
	    G_N_ELEMENTS(font_cases));
	tcase_add_test(tl, test_chart_label_fits_without_wrap);
	tcase_add_test(tl, test_fault_check_fails);
	tcase_add_test(tl, test_roles_cover);
	tcase_add_test(tl, test_body_styles);
	tcase_add_loop_test(tl, test_nfd_shapes_as_nfc, 0,
	    G_N_ELEMENTS(font_cases));
	tcase_add_test(tl, test_nfd_report_as_nfc);
	tcase_add_loop_test(tl, test_language, 0, G_N_ELEMENTS(lang_cases));
	tcase_add_test(tl, test_stacked_marks);
	tcase_add_test(tl, test_pango_would_hyphenate);
	tcase_add_test(tl, test_layout_breaks);
	tcase_add_test(tl, test_breaks_many_widths);
	tcase_add_loop_test(tl, test_fallback_warns_once, 0,
	    G_N_ELEMENTS(fallback_cases));
	tcase_add_test(tl, test_fallback_keeps_text);
	suite_add_tcase(s, tl);
	return s;
}
