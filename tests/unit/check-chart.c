/* check-chart: chart geometry without Cairo, through a fake measurer —
 * bar lengths on each scale, the stub, broken and log notes, labels that
 * never collide, everything inside the box, validation, the palette. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "xmalloc.h"

#define EPS 1e-6

/* ---- fake measurer: width 0.5 * size a character, 1.2 * size a line,
 * greedy word wrap like Pango's WORD_CHAR ------------------------------- */

static size_t
utf8_chars(const char *s, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			k++;
	return k;
}

static void
fake_size(void *ctx, const char *text, double size, bool bold, double wrap,
    int align, double *w, double *h)
{
	double cw = 0.5 * size;
	size_t per = wrap > 0 ? (size_t)fmax(1, floor(wrap / cw + EPS)) :
	    SIZE_MAX;
	size_t line = 0, widest = 0, lines = 1;
	const char *p = text;

	(void)ctx;
	(void)bold;
	(void)align;
	while (*p) {
		const char *e = strchr(p, ' ');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		size_t wl = utf8_chars(p, n);

		if (line > 0 && line + 1 + wl > per) {
			lines++;
			line = 0;
		}
		line += (line > 0) + wl;
		while (line > per) {	/* a word longer than a line */
			widest = per > widest ? per : widest;
			line -= per;
			lines++;
		}
		widest = line > widest ? line : widest;
		p += n;
		while (*p == ' ')
			p++;
	}
	*w = widest * cw;
	*h = lines * 1.2 * size;
}

static const struct chart_measure fake = { NULL, fake_size };

/* ---- data ------------------------------------------------------------- */

static struct figure
fig(double v, const char *unit, enum figure_bound b, int dec, int scale)
{
	struct figure f;

	memset(&f, 0, sizeof f);
	f.value = v;
	snprintf(f.unit, sizeof f.unit, "%s", unit);
	f.bound = b;
	f.decimals = dec;
	f.scale = scale;
	return f;
}

static void
data_init(struct chart_data *d, enum chart_type type, enum chart_scale sc,
    enum lang lang, size_t ncats, size_t nseries)
{
	memset(d, 0, sizeof *d);
	d->type = type;
	d->scale = sc;
	d->lang = lang;
	d->ncats = ncats;
	d->nseries = nseries;
	d->cats = xcalloc(ncats, sizeof *d->cats);
	d->series = xcalloc(nseries, sizeof *d->series);
	d->values = xcalloc(ncats * nseries, sizeof *d->values);
	for (size_t c = 0; c < ncats; c++)
		d->cats[c] = xasprintf("Hạng mục %zu", c + 1);
	for (size_t s = 0; s < nseries; s++)
		d->series[s] = xasprintf("Chuỗi %zu", s + 1);
	d->highlight = -1;
	d->pos = srcpos_at("r.md", 12, 1);
}

/* DeepSeek about 5.6 million USD against Meta's 60+ billion. */
static void
spend(struct chart_data *d, enum chart_type type, enum chart_scale sc,
    enum lang lang)
{
	data_init(d, type, sc, lang, 2, 1);
	free(d->cats[0]);
	free(d->cats[1]);
	d->cats[0] = xstrdup(lang == LANG_VI ? "DeepSeek (chi phí xây dựng)" :
	    "DeepSeek (cost to build)");
	d->cats[1] = xstrdup(lang == LANG_VI ?
	    "Meta (kế hoạch chi năm 2025)" : "Meta (planned spending, 2025)");
	d->values[0] = fig(5.6e6, "USD", FIGURE_APPROX, 1, 6);
	d->values[1] = fig(60e9, "USD", FIGURE_MIN, 0, 9);
	d->title = xstrdup("Chi phí xây dựng mô hình so với kế hoạch chi tiêu");
	d->caption = xstrdup("Chi phí của DeepSeek chỉ bằng một phần rất nhỏ "
	    "kế hoạch của Meta.");
	d->source = xstrdup("Meta, báo cáo quý IV/2024; DeepSeek");
	d->annotate_ratio = true;
}

/* Meta Q4: revenue and profit, 2023 and 2024, as two series. */
static void
quarter(struct chart_data *d, enum chart_type type, enum chart_scale sc,
    enum lang lang)
{
	data_init(d, type, sc, lang, 2, 2);
	d->values[0] = fig(39.66e9, "USD", FIGURE_EXACT, 2, 9);
	d->values[1] = fig(48.39e9, "USD", FIGURE_EXACT, 2, 9);
	d->values[2] = fig(14.55e9, "USD", FIGURE_EXACT, 2, 9);
	d->values[3] = fig(20.8e9, "USD", FIGURE_EXACT, 1, 9);
	d->title = xstrdup("Meta quý IV/2024");
	d->source = xstrdup("Meta");
}

/* ---- helpers over the geometry --------------------------------------- */

static const struct chart_text *
find_text(const struct chart_geom *g, enum chart_text_role role,
    const char *needle)
{
	for (size_t i = 0; i < g->ntexts; i++)
		if (g->texts[i].role == role &&
		    strstr(g->texts[i].text, needle) != NULL)
			return &g->texts[i];
	return NULL;
}

static size_t
count_role(const struct chart_geom *g, enum chart_text_role role)
{
	size_t n = 0;

	for (size_t i = 0; i < g->ntexts; i++)
		n += g->texts[i].role == role;
	return n;
}

static double
bar_len(const struct chart_geom *g, size_t i)
{
	return g->horizontal ? g->bars[i].r.w : g->bars[i].r.h;
}

static bool
overlap(const struct chart_rect *a, const struct chart_rect *b)
{
	return a->x + 0.01 < b->x + b->w && b->x + 0.01 < a->x + a->w &&
	    a->y + 0.01 < b->y + b->h && b->y + 0.01 < a->y + a->h;
}

static bool
inside(const struct chart_rect *in, const struct chart_rect *out)
{
	return in->x >= out->x - EPS && in->y >= out->y - EPS &&
	    in->x + in->w <= out->x + out->w + EPS &&
	    in->y + in->h <= out->y + out->h + EPS;
}

/* Every pair of texts apart; no text on a bar unless set inside it. */
static void
assert_no_collisions(const struct chart_geom *g)
{
	for (size_t i = 0; i < g->ntexts; i++) {
		const struct chart_text *t = &g->texts[i];

		for (size_t k = i + 1; k < g->ntexts; k++)
			ck_assert_msg(!overlap(&t->r, &g->texts[k].r),
			    "\"%s\" overlaps \"%s\"", t->text,
			    g->texts[k].text);
		for (size_t b = 0; b < g->nbars; b++) {
			if (t->on_bar && inside(&t->r, &g->bars[b].r))
				continue;
			ck_assert_msg(!overlap(&t->r, &g->bars[b].r),
			    "\"%s\" overlaps bar %zu", t->text, b);
		}
	}
}

static void
assert_inside_box(const struct chart_geom *g)
{
	ck_assert(g->box.h > 0);
	ck_assert(inside(&g->plot, &g->box));
	for (size_t i = 0; i < g->ntexts; i++)
		ck_assert_msg(inside(&g->texts[i].r, &g->box),
		    "\"%s\" leaves the box", g->texts[i].text);
	for (size_t i = 0; i < g->nbars; i++)
		ck_assert_msg(inside(&g->bars[i].r, &g->box),
		    "bar %zu leaves the box", i);
	for (size_t i = 0; i < g->nswatches; i++)
		ck_assert(inside(&g->swatches[i].r, &g->box));
	for (size_t i = 0; i < g->nlines; i++) {
		const struct chart_line *l = &g->lines[i];
		struct chart_rect r = { fmin(l->x0, l->x1),
		    fmin(l->y0, l->y1), fabs(l->x1 - l->x0),
		    fabs(l->y1 - l->y0) };

		ck_assert_msg(inside(&r, &g->box), "line %zu leaves", i);
	}
	for (size_t i = 0; i < g->ntexts; i++)
		ck_assert(g->texts[i].size >= 7.5);
}

/* ---- bar lengths on each scale ----------------------------------------- */

START_TEST(test_linear_lengths)
{
	struct chart_data d;
	struct chart_geom g;
	static const double v[] = { 10, 30, 45, 7.5 };

	data_init(&d, CHART_BAR, CHART_SCALE_LINEAR, LANG_VI, 4, 1);
	for (size_t i = 0; i < 4; i++)
		d.values[i] = fig(v[i], "%", FIGURE_EXACT, 1, 0);
	chart_layout(&d, 400, &fake, &g);
	ck_assert_uint_eq(g.nbars, 4);
	for (size_t i = 1; i < 4; i++)
		ck_assert_double_eq_tol(bar_len(&g, i) / bar_len(&g, 0),
		    v[i] / v[0], 1e-9);
	/* Bars stand on one baseline, the zero line. */
	for (size_t i = 1; i < 4; i++)
		ck_assert_double_eq_tol(g.bars[i].r.y + g.bars[i].r.h,
		    g.bars[0].r.y + g.bars[0].r.h, EPS);
	ck_assert(find_text(&g, CHART_TEXT_NOTE, "logarit") == NULL);
	chart_geom_release(&g);
	chart_data_release(&d);
}
END_TEST

START_TEST(test_log_lengths_and_notes)
{
	struct chart_data d;
	struct chart_geom g;
	double want = log10(5.6e6 / 1e5) / log10(60e9 / 1e5);

	spend(&d, _i ? CHART_HBAR : CHART_BAR, CHART_SCALE_AUTO, LANG_VI);
	chart_layout(&d, 440, &fake, &g);
	ck_assert_uint_eq(g.nbars, 2);
	ck_assert_double_eq_tol(bar_len(&g, 0) / bar_len(&g, 1), want, 1e-9);
	ck_assert(!g.bars[0].stub);
	ck_assert(find_text(&g, CHART_TEXT_NOTE, "Thang logarit") != NULL);
	ck_assert(find_text(&g, CHART_TEXT_NOTE, "Gốc trục: 100") != NULL);
	ck_assert(find_text(&g, CHART_TEXT_NOTE,
	    "gấp khoảng 10.700 lần") != NULL);
	/* Decade ticks, labelled. */
	ck_assert_uint_ge(count_role(&g, CHART_TEXT_TICK), 4);
	chart_geom_release(&g);
	chart_data_release(&d);
}
END_TEST

/* Log decades that do not all have room for a label are thinned evenly:
 * equal steps between the labelled ticks, not whichever fitted first. */
START_TEST(test_ticks_thinned_evenly)
{
	static const double widths[] = { 230, 260, 300, 440 };
	struct chart_data d;
	struct chart_geom g;
	double at[16], step = 0;
	size_t n = 0;

	spend(&d, CHART_HBAR, CHART_SCALE_LOG, LANG_VI);
	chart_layout(&d, widths[_i], &fake, &g);
	for (size_t i = 0; i < g.ntexts && n < 16; i++)
		if (g.texts[i].role == CHART_TEXT_TICK)
			at[n++] = g.texts[i].r.x + g.texts[i].r.w / 2;
	ck_assert_uint_ge(n, 2);
	for (size_t i = 1; i < n; i++) {
		double gap = at[i] - at[i - 1];

		ck_assert(gap > 0);
		if (i == 1)
			step = gap;
		ck_assert_msg(fabs(gap - step) < 0.01, "tick %zu is %.1f pt "
		    "after the last, the first step was %.1f", i, gap, step);
	}
	assert_no_collisions(&g);
	chart_geom_release(&g);
	chart_data_release(&d);
}
END_TEST

START_TEST(test_log_english)
{
	struct chart_data d;
	struct chart_geom g;

	spend(&d, CHART_BAR, CHART_SCALE_LOG, LANG_EN);
	chart_layout(&d, 440, &fake, &g);
	ck_assert(find_text(&g, CHART_TEXT_NOTE, "Log scale") != NULL);
	ck_assert(find_text(&g, CHART_TEXT_NOTE, "Axis starts at ") != NULL);
	ck_assert(find_text(&g, CHART_TEXT_NOTE, "about 10,700×") != NULL);
	ck_assert(find_text(&g, CHART_TEXT_SOURCE, "Source: Meta") != NULL);
	chart_geom_release(&g);
	chart_data_release(&d);
}
END_TEST

START_TEST(test_auto_stays_linear)
{
	struct chart_data d;
	struct chart_geom g;

	quarter(&d, CHART_GROUPED, CHART_SCALE_AUTO, LANG_VI);
	chart_layout(&d, 440, &fake, &g);
	ck_assert(find_text(&g, CHART_TEXT_NOTE, "logarit") == NULL);
	ck_assert_double_eq_tol(bar_len(&g, 1) / bar_len(&g, 3),
	    48.39 / 20.8, 1e-9);
	chart_geom_release(&g);
	chart_data_release(&d);
}
END_TEST

START_TEST(test_linear_stub)
{
	struct chart_data d;
	struct chart_geom g;

	spend(&d, _i ? CHART_HBAR : CHART_BAR, CHART_SCALE_LINEAR, LANG_VI);
	chart_layout(&d, 440, &fake, &g);
	ck_assert(g.bars[0].stub);
	ck_assert(!g.bars[1].stub);
	ck_assert_double_eq_tol(bar_len(&g, 0), 2.0, EPS);
	ck_assert(bar_len(&g, 1) > 100);
	/* The stub keeps its value label. */
	ck_assert_uint_eq(count_role(&g, CHART_TEXT_VALUE), 2);
	chart_geom_release(&g);
	chart_data_release(&d);
}
END_TEST

START_TEST(test_broken)
{
	struct chart_data d;
	struct chart_geom g;
	size_t marks = 0;

	spend(&d, _i ? CHART_HBAR : CHART_BAR, CHART_SCALE_BROKEN, LANG_VI);
	chart_layout(&d, 440, &fake, &g);
	ck_assert(!g.bars[0].cut);
	ck_assert(g.bars[1].cut);
	ck_assert(!g.bars[0].stub);
	/* Both readable: the small bar is no sliver. */
	ck_assert(bar_len(&g, 0) > 20);
	for (size_t i = 0; i < g.nlines; i++)
		marks += g.lines[i].role == CHART_LINE_BREAK;
	/* A pair on the axis, one across Meta's bar. */
	ck_assert_uint_eq(marks, 4);
	ck_assert(find_text(&g, CHART_TEXT_NOTE, "ngắt") != NULL);
	chart_geom_release(&g);
	chart_data_release(&d);
}
END_TEST

START_TEST(test_lower_bound)
{
	struct chart_data d;
	struct chart_geom g;

	spend(&d, CHART_BAR, CHART_SCALE_AUTO, LANG_VI);
	chart_layout(&d, 440, &fake, &g);
	ck_assert(!g.bars[0].lower_bound);
	ck_assert(g.bars[1].lower_bound);
	chart_geom_release(&g);
	chart_data_release(&d);
}
END_TEST

/* ---- every type: no collisions, inside the box ------------------------ */

static const struct {
	enum chart_type type;
	enum chart_scale scale;
	int data;		/* 0 spend, 1 quarter, 2 many long */
	double width;
} layouts[] = {
	{ CHART_BAR, CHART_SCALE_AUTO, 0, 440 },
	{ CHART_BAR, CHART_SCALE_LINEAR, 0, 440 },
	{ CHART_BAR, CHART_SCALE_BROKEN, 0, 440 },
	{ CHART_BAR, CHART_SCALE_LOG, 0, 240 },
	{ CHART_HBAR, CHART_SCALE_AUTO, 0, 440 },
	{ CHART_HBAR, CHART_SCALE_LINEAR, 0, 300 },
	{ CHART_HBAR, CHART_SCALE_BROKEN, 0, 440 },
	{ CHART_SQUARES, CHART_SCALE_AUTO, 0, 440 },
	{ CHART_SQUARES, CHART_SCALE_AUTO, 0, 200 },
	{ CHART_GROUPED, CHART_SCALE_AUTO, 1, 440 },
	{ CHART_GROUPED, CHART_SCALE_AUTO, 1, 240 },
	{ CHART_STACKED, CHART_SCALE_AUTO, 1, 440 },
	{ CHART_STACKED, CHART_SCALE_AUTO, 1, 240 },
	{ CHART_BAR, CHART_SCALE_AUTO, 1, 440 },
	{ CHART_HBAR, CHART_SCALE_AUTO, 1, 440 },
	{ CHART_BAR, CHART_SCALE_AUTO, 2, 440 },
	{ CHART_HBAR, CHART_SCALE_AUTO, 2, 440 },
	{ CHART_SQUARES, CHART_SCALE_AUTO, 2, 440 },
};

/* Twelve categories with long names and values over a wide range. */
static void
many(struct chart_data *d, enum chart_type type, enum chart_scale sc)
{
	data_init(d, type, sc, LANG_VI, 12, 1);
	for (size_t c = 0; c < 12; c++) {
		free(d->cats[c]);
		d->cats[c] = xasprintf("Một hạng mục có cái tên rất dài số %zu "
		    "cần xuống dòng nhiều lần mới hết", c + 1);
		d->values[c] = fig(1.5e6 * pow(2.7, (double)c), "USD",
		    FIGURE_EXACT, 1, 6);
	}
	d->title = xstrdup("Mười hai hạng mục");
	d->caption = xstrdup("Chú thích.");
}

/* n categories named like shops ("Cửa hàng 07 — Bà Rịa"), nseries
 * series of positive values in USD. */
static void
shops(struct chart_data *d, enum chart_type type, size_t n, size_t nseries)
{
	data_init(d, type, CHART_SCALE_LINEAR, LANG_VI, n, nseries);
	for (size_t c = 0; c < n; c++) {
		free(d->cats[c]);
		d->cats[c] = xasprintf("Cửa hàng %02zu — Bà Rịa", c + 1);
		for (size_t s = 0; s < nseries; s++)
			d->values[c * nseries + s] = fig(1.2e5 * (double)(1 +
			    (c * 7 + s * 3) % 9), "USD", FIGURE_EXACT, 0, 3);
	}
	d->title = xstrdup("Doanh thu theo cửa hàng");
	d->source = xstrdup("Hệ thống bán hàng");
	d->type_pos = srcpos_at("r.md", 13, 7);
}

START_TEST(test_layout_clean)
{
	struct chart_data d;
	struct chart_geom g;
	size_t values;

	if (layouts[_i].data == 0)
		spend(&d, layouts[_i].type, layouts[_i].scale, LANG_VI);
	else if (layouts[_i].data == 1)
		quarter(&d, layouts[_i].type, layouts[_i].scale, LANG_VI);
	else
		many(&d, layouts[_i].type, layouts[_i].scale);
	chart_layout(&d, layouts[_i].width, &fake, &g);
	ck_assert_double_eq_tol(g.box.w, layouts[_i].width, EPS);
	assert_inside_box(&g);
	assert_no_collisions(&g);
	ck_assert_uint_eq(g.nbars, d.ncats * d.nseries);
	/* Every bar carries its value (stacks their total too). */
	values = count_role(&g, CHART_TEXT_VALUE);
	ck_assert_uint_eq(values, g.nbars + (d.type == CHART_STACKED ?
	    d.ncats : 0));
	ck_assert_uint_eq(count_role(&g, CHART_TEXT_CATEGORY), d.ncats);
	/* A legend only for several series. */
	ck_assert_uint_eq(g.nswatches, d.nseries > 1 ? d.nseries : 0);
	ck_assert_uint_eq(count_role(&g, CHART_TEXT_LEGEND), g.nswatches);
	chart_geom_release(&g);
	chart_data_release(&d);
}
END_TEST

/* Each value label sits just past the end of its own bar (labels follow
 * the bars' order), not lifted away from it. */
START_TEST(test_labels_hug_bars)
{
	struct chart_data d;
	struct chart_geom g;
	size_t b = 0;

	if (_i < 2)
		quarter(&d, _i ? CHART_HBAR : CHART_GROUPED, CHART_SCALE_AUTO,
		    LANG_VI);
	else if (_i < 4)
		spend(&d, _i == 2 ? CHART_BAR : CHART_HBAR, CHART_SCALE_AUTO,
		    LANG_EN);
	else	/* crowded: labels wider than their bars */
		shops(&d, _i == 4 ? CHART_GROUPED : CHART_BAR, _i == 4 ? 4 :
		    40, _i == 4 ? 5 : 1);
	chart_layout(&d, 440, &fake, &g);
	for (size_t i = 0; i < g.ntexts; i++) {
		const struct chart_text *t = &g.texts[i];
		const struct chart_rect *r;
		double gap;

		/* Only value labels have a bar: b may be past the last. */
		if (t->role != CHART_TEXT_VALUE)
			continue;
		ck_assert_uint_lt(b, g.nbars);
		r = &g.bars[b].r;
		gap = g.horizontal ? t->r.x - (r->x + r->w) :
		    r->y - (t->r.y + t->r.h);
		ck_assert_msg(gap >= 0 && gap <= 4, "\"%s\" is %.1f pt from "
		    "its bar", t->text, gap);
		/* and over it, not beside it */
		ck_assert(g.horizontal || (t->r.x < r->x + r->w &&
		    r->x < t->r.x + t->r.w));
		b++;
	}
	assert_no_collisions(&g);
	assert_inside_box(&g);
	ck_assert_uint_eq(b, g.nbars);
	chart_geom_release(&g);
	chart_data_release(&d);
}
END_TEST

START_TEST(test_title_caption_source_order)
{
	struct chart_data d;
	struct chart_geom g;
	const struct chart_text *title, *cap, *src;

	spend(&d, CHART_BAR, CHART_SCALE_AUTO, LANG_VI);
	chart_layout(&d, 440, &fake, &g);
	title = find_text(&g, CHART_TEXT_TITLE, "Chi phí");
	cap = find_text(&g, CHART_TEXT_CAPTION, "DeepSeek");
	src = find_text(&g, CHART_TEXT_SOURCE, "Nguồn: Meta");
	ck_assert(title && cap && src);
	ck_assert(title->bold);
	ck_assert(title->r.y + title->r.h <= g.plot.y);
	ck_assert(cap->r.y >= g.plot.y + g.plot.h);
	ck_assert(src->r.y >= cap->r.y + cap->r.h);
	/* A sensible aspect for a bar chart. */
	ck_assert(g.box.h / g.box.w > 0.45 && g.box.h / g.box.w < 0.85);
	chart_geom_release(&g);
	chart_data_release(&d);
}
END_TEST

START_TEST(test_hbar_rows_grow)
{
	struct chart_data d;
	struct chart_geom g2, g12;

	spend(&d, CHART_HBAR, CHART_SCALE_AUTO, LANG_VI);
	chart_layout(&d, 440, &fake, &g2);
	chart_data_release(&d);
	many(&d, CHART_HBAR, CHART_SCALE_AUTO);
	chart_layout(&d, 440, &fake, &g12);
	ck_assert(g12.plot.h > 5 * g2.plot.h);
	chart_geom_release(&g2);
	chart_geom_release(&g12);
	chart_data_release(&d);
}
END_TEST

START_TEST(test_category_three_lines)
{
	struct chart_data d;
	struct chart_geom g;
	const double line = 1.2 * 8;

	many(&d, CHART_BAR, CHART_SCALE_AUTO);
	chart_layout(&d, 440, &fake, &g);
	for (size_t i = 0; i < g.ntexts; i++) {
		const struct chart_text *t = &g.texts[i];
		size_t n = strlen(t->text);

		if (t->role != CHART_TEXT_CATEGORY)
			continue;
		ck_assert(t->r.h <= 3 * line + EPS);
		/* Twelve long names in 440 pt must be cut, and say so. */
		ck_assert(n >= 3 && strcmp(t->text + n - 3, "…") == 0);
	}
	chart_geom_release(&g);
	chart_data_release(&d);
}
END_TEST

START_TEST(test_squares)
{
	struct chart_data d;
	struct chart_geom g;

	spend(&d, CHART_SQUARES, CHART_SCALE_AUTO, LANG_VI);
	d.annotate_ratio = false;
	chart_layout(&d, 440, &fake, &g);
	ck_assert_uint_eq(g.nbars, 2);
	for (size_t i = 0; i < 2; i++)
		ck_assert_double_eq_tol(g.bars[i].r.w, g.bars[i].r.h, EPS);
	/* 10,714x in area is 103.5x in side: 1.6 pt, still above the
	 * minimum, so drawn true. */
	ck_assert_double_eq_tol(g.bars[1].r.w / g.bars[0].r.w,
	    sqrt(60e9 / 5.6e6), 1e-6);
	ck_assert(!g.bars[0].stub);
	/* Bottoms on one baseline. */
	ck_assert_double_eq_tol(g.bars[0].r.y + g.bars[0].r.h,
	    g.bars[1].r.y + g.bars[1].r.h, EPS);
	/* The ratio is written out even without annotate. */
	ck_assert(find_text(&g, CHART_TEXT_NOTE, "gấp khoảng 10.700 lần"));
	chart_geom_release(&g);
	chart_data_release(&d);
}
END_TEST

START_TEST(test_squares_stub)
{
	struct chart_data d;
	struct chart_geom g;

	spend(&d, CHART_SQUARES, CHART_SCALE_AUTO, LANG_VI);
	d.values[0].value = 1e5;	/* 600,000x: side ratio 775 */
	chart_layout(&d, 440, &fake, &g);
	ck_assert(g.bars[0].stub);
	ck_assert_double_eq_tol(g.bars[0].r.w, 1.5, EPS);
	ck_assert(!g.bars[1].stub);
	chart_geom_release(&g);
	chart_data_release(&d);
}
END_TEST

/* Squares that fit one row at a smaller size stay in one row (one
 * baseline), still true in area; tiny ones take only their labels'
 * width. */
START_TEST(test_squares_one_row)
{
	static const double share[] = { 42.5, 31, 18.25, 8.25 };
	static const double spendv[] = { 5.6e6, 60e9, 2.5e5 };
	const double *v = _i ? spendv : share;
	size_t n = _i ? 3 : 4;
	struct chart_data d;
	struct chart_geom g;

	data_init(&d, CHART_SQUARES, CHART_SCALE_AUTO, LANG_VI, n, 1);
	for (size_t c = 0; c < n; c++)
		d.values[c] = fig(v[c], _i ? "USD" : "%", FIGURE_EXACT, 2, 0);
	chart_layout(&d, 440, &fake, &g);
	assert_inside_box(&g);
	assert_no_collisions(&g);
	for (size_t c = 1; c < n; c++) {
		ck_assert_double_eq_tol(g.bars[c].r.y + g.bars[c].r.h,
		    g.bars[0].r.y + g.bars[0].r.h, EPS);
		if (!g.bars[c].stub && !g.bars[0].stub)
			ck_assert_double_eq_tol(g.bars[c].r.w * g.bars[c].r.w /
			    (g.bars[0].r.w * g.bars[0].r.w), v[c] / v[0],
			    1e-9);
	}
	chart_geom_release(&g);
	chart_data_release(&d);
}
END_TEST

static const struct {
	double big, small;
	enum figure_bound bbig, bsmall;
	enum lang lang;
	const char *want;
} ratios[] = {
	{ 60e9, 5.6e6, FIGURE_MIN, FIGURE_APPROX, LANG_VI,
	  "gấp khoảng 10.700 lần" },
	{ 60e9, 5.6e6, FIGURE_MIN, FIGURE_EXACT, LANG_VI,
	  "gấp hơn 10.700 lần" },
	{ 60e9, 5.6e6, FIGURE_EXACT, FIGURE_EXACT, LANG_EN,
	  "about 10,700×" },
	{ 10, 5, FIGURE_EXACT, FIGURE_EXACT, LANG_VI, "gấp 2 lần" },
	{ 48.39, 20.8, FIGURE_EXACT, FIGURE_EXACT, LANG_VI,
	  "gấp khoảng 2,3 lần" },
	{ 123456, 1, FIGURE_EXACT, FIGURE_EXACT, LANG_EN,
	  "about 123,000×" },
};

START_TEST(test_ratio_note)
{
	struct chart_data d;
	struct chart_geom g;
	const struct chart_text *t;

	data_init(&d, CHART_BAR, CHART_SCALE_LINEAR, ratios[_i].lang, 2, 1);
	d.values[0] = fig(ratios[_i].small, "", ratios[_i].bsmall, 0, 0);
	d.values[1] = fig(ratios[_i].big, "", ratios[_i].bbig, 0, 0);
	d.annotate_ratio = true;
	chart_layout(&d, 440, &fake, &g);
	t = find_text(&g, CHART_TEXT_NOTE, ratios[_i].want);
	ck_assert_msg(t != NULL, "no note with \"%s\"", ratios[_i].want);
	chart_geom_release(&g);
	chart_data_release(&d);
}
END_TEST

/* ---- fitting the width and the page ----------------------------------- */

/* Forty shop names under forty bars cannot read across: they stand
 * upright, one line each, a line apart; four stay across. */
START_TEST(test_upright_categories)
{
	struct chart_data d;
	struct chart_geom g;
	size_t n = _i ? 4 : 40;

	shops(&d, CHART_BAR, n, 1);
	chart_layout(&d, 440, &fake, &g);
	assert_no_collisions(&g);
	assert_inside_box(&g);
	ck_assert_uint_eq(count_role(&g, CHART_TEXT_CATEGORY), n);
	for (size_t i = 0; i < g.ntexts; i++) {
		const struct chart_text *t = &g.texts[i];

		if (t->role != CHART_TEXT_CATEGORY)
			continue;
		ck_assert(t->vertical == (n == 40));
		if (t->vertical)	/* one line: its width is a line */
			ck_assert_double_eq_tol(t->r.w, 1.2 * 8, EPS);
	}
	chart_geom_release(&g);
	chart_data_release(&d);
}
END_TEST

/* Forty rows of an hbar are 40 x 26 pt, more than a page: they close up
 * to fit, every label still clear. */
START_TEST(test_fit_hbar_rows)
{
	struct chart_data d;
	struct chart_geom g;
	struct diags dg;

	shops(&d, CHART_HBAR, 40, 1);
	chart_layout(&d, 440, &fake, &g);
	ck_assert(g.box.h > 700);
	chart_geom_release(&g);
	diags_init(&dg);
	ck_assert(chart_layout_fit(&d, 440, 700, &fake, &g, &dg));
	ck_assert_uint_eq(dg.count, 0);
	ck_assert(g.box.h <= 700 + EPS);
	assert_no_collisions(&g);
	assert_inside_box(&g);
	ck_assert_uint_eq(count_role(&g, CHART_TEXT_VALUE), 40);
	ck_assert_uint_eq(count_role(&g, CHART_TEXT_CATEGORY), 40);
	chart_geom_release(&g);
	diags_release(&dg);
	chart_data_release(&d);
}
END_TEST

/* A vertical chart gives up plot height for a short page, down to a
 * floor; below it the chart is an error. */
START_TEST(test_fit_vertical_plot)
{
	struct chart_data d;
	struct chart_geom g;
	struct diags dg;

	shops(&d, CHART_BAR, 5, 1);
	diags_init(&dg);
	ck_assert_msg(chart_layout_fit(&d, 440, 180, &fake, &g, &dg),
	    "%s", dg.count ? dg.items[0].message : "");
	ck_assert_msg(g.box.h <= 180 + EPS, "box %.1f plot %.1f", g.box.h,
	    g.plot.h);
	ck_assert(g.plot.h >= 100 - EPS);
	assert_no_collisions(&g);
	chart_geom_release(&g);
	ck_assert(!chart_layout_fit(&d, 440, 120, &fake, &g, &dg));
	ck_assert_uint_eq(dg.errors, 1);
	ck_assert_int_eq(dg.items[0].line, 13);
	ck_assert_msg(strstr(dg.items[0].message, "chart: type: the chart is")
	    != NULL, "got \"%s\"", dg.items[0].message);
	chart_geom_release(&g);
	diags_release(&dg);
	chart_data_release(&d);
}
END_TEST

/* What cannot be set legibly is an error at the type key that says how
 * many would fit. */
static const struct {
	enum chart_type type;
	size_t ncats, nseries;
	double width, height;
	const char *message;
} unfit[] = {
	{ CHART_HBAR, 60, 1, 440, 500, "60 categories do not fit down one "
	  "page as horizontal bars (at most " },
	{ CHART_BAR, 40, 1, 300, 1000, "40 categories do not fit side by "
	  "side in this chart (at most " },
	{ CHART_GROUPED, 12, 4, 440, 1000, "12 categories of 4 bars do not "
	  "fit side by side with their values (at most " },
};

START_TEST(test_fit_refused)
{
	struct chart_data d;
	struct chart_geom g;
	struct diags dg;

	shops(&d, unfit[_i].type, unfit[_i].ncats, unfit[_i].nseries);
	diags_init(&dg);
	ck_assert(!chart_layout_fit(&d, unfit[_i].width, unfit[_i].height,
	    &fake, &g, &dg));
	ck_assert_uint_eq(dg.errors, 1);
	ck_assert_int_eq(dg.items[0].line, 13);
	ck_assert_msg(strstr(dg.items[0].message, unfit[_i].message) != NULL,
	    "got \"%s\"", dg.items[0].message);
	chart_geom_release(&g);
	diags_release(&dg);
	chart_data_release(&d);
}
END_TEST

/* A segment too small for its label gets it beside the stack on one
 * line, where the gap to the next stack (or back to the last) has room. */
START_TEST(test_stack_labels_one_line)
{
	struct chart_data d;
	struct chart_geom g;
	static const double v[3][4] = { { 1200, 1350, 1100, 1800 },
	    { 450, 620, 780, 1050 }, { 30, 28, 31, 29 } };
	size_t beside = 0;

	data_init(&d, CHART_STACKED, CHART_SCALE_LINEAR, LANG_VI, 3, 4);
	for (size_t c = 0; c < 3; c++)
		for (size_t s = 0; s < 4; s++)
			d.values[c * 4 + s] = fig(v[c][s] * 1e9, "VND",
			    FIGURE_EXACT, 0, 9);
	chart_layout(&d, 440, &fake, &g);
	assert_no_collisions(&g);
	assert_inside_box(&g);
	for (size_t i = 0; i < g.ntexts; i++) {
		const struct chart_text *t = &g.texts[i];

		if (t->role != CHART_TEXT_VALUE || t->on_bar)
			continue;
		beside++;
		ck_assert_msg(t->r.h <= 1.2 * 8 + EPS, "\"%s\" wraps",
		    t->text);
	}
	ck_assert_uint_ge(beside, 4);
	chart_geom_release(&g);
	chart_data_release(&d);
}
END_TEST

/* ---- validation ------------------------------------------------------- */

enum bad {
	BAD_NONE, BAD_NAN, BAD_LOG_ZERO, BAD_LOG_NEG, BAD_ZEROS, BAD_UNITS,
	BAD_CATS, BAD_SERIES, BAD_SQUARES_SERIES, BAD_STACKED_LOG,
	BAD_STACKED_NEG, BAD_SCALES_OK, BAD_UNITS_SERIES,
};

/* The spec's keys in the fake report: the chart block at line 12, its
 * type at 13, value at 14, scale at 15.  A problem is blamed on the key
 * behind it. */
static const struct {
	enum bad bad;
	const char *message;	/* NULL: valid */
	int line;
} validations[] = {
	{ BAD_NONE, NULL, 0 },
	{ BAD_NAN, "chart: value: the value of \"Hạng mục 2\" is not a "
	  "number", 14 },
	{ BAD_LOG_ZERO, "chart: scale: a log scale needs positive values, but "
	  "\"Hạng mục 1\" is zero", 15 },
	{ BAD_LOG_NEG, "\"Hạng mục 2\" is negative", 15 },
	{ BAD_ZEROS, "chart: value: every value is zero", 14 },
	{ BAD_UNITS, "chart: value: mixed units in one chart: % (\"Hạng mục "
	  "2\") beside USD", 14 },
	{ BAD_CATS, "too many categories for one chart: 61 (at most 60)", 12 },
	{ BAD_SERIES, "too many series for one chart: 6 (at most 5)", 14 },
	{ BAD_SQUARES_SERIES, "squares chart takes one value column", 14 },
	{ BAD_STACKED_LOG, "chart: scale: a stacked chart cannot use a log "
	  "scale", 15 },
	{ BAD_STACKED_NEG, "chart: type: \"Hạng mục 2\" is negative, which a "
	  "stacked chart cannot show", 13 },
	{ BAD_SCALES_OK, NULL, 0 },
	{ BAD_UNITS_SERIES, "mixed units in one chart: % (\"Hạng mục 1\", "
	  "column \"Chuỗi 2\") beside USD", 14 },
};

static void
bad_data(struct chart_data *d, enum bad bad)
{
	size_t ncats = bad == BAD_CATS ? 61 : 2;
	size_t nseries = bad == BAD_SERIES ? 6 : bad == BAD_SQUARES_SERIES ||
	    bad == BAD_STACKED_LOG || bad == BAD_STACKED_NEG ||
	    bad == BAD_UNITS_SERIES ? 2 : 1;
	enum chart_type type = bad == BAD_SQUARES_SERIES ? CHART_SQUARES :
	    bad == BAD_STACKED_LOG || bad == BAD_STACKED_NEG ? CHART_STACKED :
	    CHART_BAR;
	bool log = bad == BAD_LOG_ZERO || bad == BAD_LOG_NEG ||
	    bad == BAD_STACKED_LOG;

	data_init(d, type, log ? CHART_SCALE_LOG : CHART_SCALE_AUTO, LANG_VI,
	    ncats, nseries);
	for (size_t i = 0; i < ncats * nseries; i++)
		d->values[i] = fig(1.5 + i, "USD", FIGURE_EXACT, 1, 0);
	if (bad == BAD_NAN)
		d->values[1].value = NAN;
	if (bad == BAD_LOG_ZERO)
		d->values[0].value = 0;
	if (bad == BAD_LOG_NEG || bad == BAD_STACKED_NEG)
		d->values[nseries].value = -3;
	if (bad == BAD_ZEROS)
		d->values[0].value = d->values[1].value = 0;
	if (bad == BAD_UNITS || bad == BAD_UNITS_SERIES)
		snprintf(d->values[1].unit, FIGURE_UNIT_MAX, "%%");
	d->type_pos = srcpos_at("r.md", 13, 7);
	d->value_pos = srcpos_at("r.md", 14, 8);
	d->scale_pos = srcpos_at("r.md", 15, 8);
	if (bad == BAD_SCALES_OK) {
		d->values[0] = fig(5.6e6, "USD", FIGURE_APPROX, 1, 6);
		d->values[1] = fig(48.39e9, "USD", FIGURE_EXACT, 2, 9);
	}
}

START_TEST(test_validate)
{
	struct chart_data d;
	struct diags dg;
	bool ok;

	bad_data(&d, validations[_i].bad);
	diags_init(&dg);
	ok = chart_validate(&d, &dg);
	if (validations[_i].message == NULL) {
		ck_assert(ok);
		ck_assert_uint_eq(dg.count, 0);
	} else {
		ck_assert(!ok);
		ck_assert_uint_eq(dg.errors, 1);
		ck_assert_str_eq(dg.items[0].file, "r.md");
		ck_assert_int_eq(dg.items[0].line, validations[_i].line);
		ck_assert_msg(strstr(dg.items[0].message,
		    validations[_i].message) != NULL, "got \"%s\"",
		    dg.items[0].message);
	}
	diags_release(&dg);
	chart_data_release(&d);
}
END_TEST

/* Data that failed validation still lays out without harm (a caller
 * that skips chart_validate gets a chart, not a crash). */
START_TEST(test_layout_unvalidated)
{
	struct chart_data d;
	struct chart_geom g;

	bad_data(&d, _i == 0 ? BAD_ZEROS : _i == 1 ? BAD_LOG_ZERO :
	    BAD_LOG_NEG);
	if (_i == 1)
		d.values[1].value = 0;
	chart_layout(&d, 300, &fake, &g);
	ck_assert_uint_eq(g.nbars, 2);
	assert_inside_box(&g);
	chart_geom_release(&g);
	chart_data_release(&d);
}
END_TEST

/* ---- palette ---------------------------------------------------------- */

START_TEST(test_palette_lightness)
{
	for (size_t a = 0; a < CHART_MAX_SERIES; a++)
		for (size_t b = a + 1; b < CHART_MAX_SERIES; b++)
			ck_assert_msg(fabs(chart_lightness(chart_palette(a)) -
			    chart_lightness(chart_palette(b))) >= 12,
			    "series %zu and %zu too close in greyscale", a, b);
	/* Neighbours differ most: the first two series are far apart. */
	ck_assert(fabs(chart_lightness(chart_palette(0)) -
	    chart_lightness(chart_palette(1))) >= 40);
}
END_TEST

START_TEST(test_grayscale_and_highlight)
{
	struct chart_data d;
	struct chart_geom g;
	struct chart_rgb c0, c1;
	double lc;

	spend(&d, CHART_BAR, CHART_SCALE_AUTO, LANG_VI);
	d.highlight = 0;
	chart_layout(&d, 440, &fake, &g);
	ck_assert(g.bars[0].highlight && !g.bars[1].highlight);
	c0 = chart_color(&g, &g.bars[0], 0);
	c1 = chart_color(&g, &g.bars[1], 0);
	ck_assert(fabs(chart_lightness(c0) - chart_lightness(c1)) >= 20);
	ck_assert(find_text(&g, CHART_TEXT_CATEGORY, "DeepSeek")->bold);
	lc = chart_lightness(c0);
	g.grayscale = true;
	c0 = chart_color(&g, &g.bars[0], 0);
	ck_assert_double_eq_tol(c0.r, c0.g, 1e-9);
	ck_assert_double_eq_tol(c0.g, c0.b, 1e-9);
	/* The grey keeps the colour's lightness. */
	ck_assert_double_eq_tol(chart_lightness(c0), lc, 0.5);
	chart_geom_release(&g);
	chart_data_release(&d);
}
END_TEST

Suite *
chart_suite(void)
{
	Suite *s = suite_create("chart");
	TCase *tc = tcase_create("chart");

	tcase_add_test(tc, test_linear_lengths);
	tcase_add_loop_test(tc, test_log_lengths_and_notes, 0, 2);
	tcase_add_test(tc, test_log_english);
	tcase_add_loop_test(tc, test_ticks_thinned_evenly, 0, 4);
	tcase_add_test(tc, test_auto_stays_linear);
	tcase_add_loop_test(tc, test_linear_stub, 0, 2);
	tcase_add_loop_test(tc, test_broken, 0, 2);
	tcase_add_test(tc, test_lower_bound);
	tcase_add_loop_test(tc, test_layout_clean, 0,
	    sizeof layouts / sizeof layouts[0]);
	tcase_add_loop_test(tc, test_labels_hug_bars, 0, 6);
	tcase_add_test(tc, test_title_caption_source_order);
	tcase_add_test(tc, test_hbar_rows_grow);
	tcase_add_test(tc, test_category_three_lines);
	tcase_add_loop_test(tc, test_upright_categories, 0, 2);
	tcase_add_test(tc, test_fit_hbar_rows);
	tcase_add_test(tc, test_fit_vertical_plot);
	tcase_add_loop_test(tc, test_fit_refused, 0,
	    sizeof unfit / sizeof unfit[0]);
	tcase_add_test(tc, test_stack_labels_one_line);
	tcase_add_test(tc, test_squares);
	tcase_add_test(tc, test_squares_stub);
	tcase_add_loop_test(tc, test_squares_one_row, 0, 2);
	tcase_add_loop_test(tc, test_ratio_note, 0,
	    sizeof ratios / sizeof ratios[0]);
	tcase_add_loop_test(tc, test_validate, 0,
	    sizeof validations / sizeof validations[0]);
	tcase_add_loop_test(tc, test_layout_unvalidated, 0, 3);
	tcase_add_test(tc, test_palette_lightness);
	tcase_add_test(tc, test_grayscale_and_highlight);
	suite_add_tcase(s, tc);
	return s;
}
