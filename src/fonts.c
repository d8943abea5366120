/* fonts: private fontconfig over fonts/ only — the system scan costs more
 * than a page of drawing, and output must not depend on installed fonts. */
#include "fonts.h"
#include "fonts-private.h"

#include <dirent.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <limits.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xmalloc.h"

#ifndef FIGPRESS_FONTDIR
#define FIGPRESS_FONTDIR "/usr/local/share/figpress/fonts"
#endif

#define FONTS_MAX_FILES 64
/* Fontsets held while the helper's font map lives: fonts_pin_faces. */
#define FONTS_PINNED 16

static struct {
	FcConfig *config;
	PangoFontMap *fontmap;
	PangoFontMap *helper_fontmap;
	PangoFontset *pinned[FONTS_PINNED];
	cairo_font_options_t *options;	/* of every Pango context */
	char *dir;
	char *files[FONTS_MAX_FILES];
	size_t nfiles;
} fonts;

static bool
fonts_is_font(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && (strcmp(name + n - 4, ".ttf") == 0 ||
	    strcmp(name + n - 4, ".otf") == 0);
}

/* Lists the font files of dir (sorted, for stable -M output); false when it
 * has none. */
static bool
fonts_scan_dir(const char *dir)
{
	struct dirent **ents;
	int n = scandir(dir, &ents, NULL, alphasort);

	if (n < 0)
		return false;
	for (int i = 0; i < n; i++) {
		if (fonts_is_font(ents[i]->d_name) &&
		    fonts.nfiles < FONTS_MAX_FILES)
			fonts.files[fonts.nfiles++] =
			    xasprintf("%s/%s", dir, ents[i]->d_name);
		free(ents[i]);
	}
	free(ents);
	return fonts.nfiles > 0;
}

static void
fonts_forget_files(void)
{
	for (size_t i = 0; i < fonts.nfiles; i++)
		free(fonts.files[i]);
	fonts.nfiles = 0;
}

/* The folder holding the running binary, or NULL.  Caller frees. */
static char *
fonts_binary_dir(const char *argv0)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;

	if (n <= 0) {
		if (argv0 == NULL || realpath(argv0, exe) == NULL)
			return NULL;
	} else {
		exe[n] = '\0';
	}
	slash = strrchr(exe, '/');
	if (slash == NULL)
		return NULL;
	*slash = '\0';
	return xstrdup(exe);
}

static bool
fonts_try_dir(const char *dir)
{
	char real[PATH_MAX];

	if (dir == NULL || realpath(dir, real) == NULL)
		return false;
	if (!fonts_scan_dir(real)) {
		fonts_forget_files();
		return false;
	}
	fonts.dir = xstrdup(real);
	return true;
}

/* $FIGPRESS_FONTS; else beside the binary: build/figpress finds the
 * source tree's fonts/, PREFIX/bin/figpress finds PREFIX/share/figpress/
 * fonts wherever PREFIX was moved; else the compiled-in share folder. */
static bool
fonts_find_dir(const char *argv0)
{
	const char *env = getenv("FIGPRESS_FONTS");
	char *bin, *dir;
	bool ok = false;

	if (env && *env)
		return fonts_try_dir(env);
	bin = fonts_binary_dir(argv0);
	if (bin) {
		dir = xasprintf("%s/../fonts", bin);
		ok = fonts_try_dir(dir);
		free(dir);
		if (!ok) {
			dir = xasprintf("%s/../share/figpress/fonts", bin);
			ok = fonts_try_dir(dir);
			free(dir);
		}
		free(bin);
	}
	return ok || fonts_try_dir(FIGPRESS_FONTDIR);
}

static PangoFontMap *
fonts_new_fontmap(FcConfig *config)
{
	PangoFontMap *map = pango_cairo_font_map_new_for_font_type(
	    CAIRO_FONT_TYPE_FT);

	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
	return map;
}

/* The font options texts are measured with: those cairo merges into every
 * font drawn on a PDF or SVG surface, taken from a surface that writes
 * nothing (one of them, round_glyph_positions, has no setter).  With any
 * other options the drawn font would be a second cairo font, and each of
 * its glyphs would be loaded again from the font file (565 of 1,981 glyph
 * loads of the briefing).  Metrics are unhinted either way: they must not
 * depend on the device, or the drawn layout would differ from the
 * measured one and PNG from PDF. */
static cairo_font_options_t *
fonts_new_options(void)
{
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(NULL, NULL,
	    1, 1);
	cairo_font_options_t *fo = cairo_font_options_create();

	cairo_surface_get_font_options(s, fo);
	cairo_surface_destroy(s);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	return fo;
}

bool
fonts_init(const char *argv0, struct diags *d)
{
	if (fonts.fontmap)
		return true;
	if (!fonts_find_dir(argv0)) {
		diag_error(d, srcpos_at("figpress", 0, 0),
		    "no bundled fonts found (set FIGPRESS_FONTS to the "
		    "fonts/ folder)");
		return false;
	}
	/* An empty configuration: no system fonts, no system cache scan;
	 * the bundled fonts through a cache of our own when it is sound. */
	fonts.config = FcConfigCreate();
	if (!fonts_cache_load(fonts.config, fonts.dir, fonts.files,
	    fonts.nfiles)) {
		FcConfigDestroy(fonts.config);
		fonts.config = FcConfigCreate();
		for (size_t i = 0; i < fonts.nfiles; i++)
			FcConfigAppFontAddFile(fonts.config,
			    (const FcChar8 *)fonts.files[i]);
	}
	/* Cairo's FreeType backend and Pango (whose start-up thread calls
	 * FcInit()) consult fontconfig's current configuration; left unset,
	 * fontconfig would parse the system one and scan its fonts — the
	 * very cost this module exists to avoid. */
	FcConfigSetCurrent(fonts.config);
	fonts.fontmap = fonts_new_fontmap(fonts.config);
	fonts.options = fonts_new_options();
	return true;
}

void
fonts_shutdown(void)
{
	/* The pinned fontsets before the font map they came from. */
	for (size_t i = 0; i < FONTS_PINNED; i++)
		if (fonts.pinned[i])
			g_object_unref(fonts.pinned[i]);
	if (fonts.helper_fontmap)
		g_object_unref(fonts.helper_fontmap);
	if (fonts.fontmap)
		g_object_unref(fonts.fontmap);
	if (fonts.config)
		FcConfigDestroy(fonts.config);
	if (fonts.options)
		cairo_font_options_destroy(fonts.options);
	fonts_forget_files();
	free(fonts.dir);
	memset(&fonts, 0, sizeof fonts);
}

PangoFontMap *
fonts_fontmap(void)
{
	return fonts.fontmap;
}

const char *
fonts_dir(void)
{
	return fonts.dir;
}

static PangoContext *
fonts_context_on(PangoFontMap *map, enum lang lang)
{
	PangoContext *pc = pango_font_map_create_context(map);

	pango_context_set_language(pc,
	    pango_language_from_string(lang_code(lang)));
	pango_cairo_context_set_font_options(pc, fonts.options);
	pango_context_set_round_glyph_positions(pc, FALSE);
	return pc;
}

PangoContext *
fonts_context(enum lang lang)
{
	return fonts_context_on(fonts.fontmap, lang);
}

static gboolean
fonts_pin_one(PangoFontset *fs, PangoFont *font, gpointer data)
{
	(void)fs;
	(void)data;
	pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
	return FALSE;
}

/* Cairo 1.16 keeps the font faces of a font file in a list it searches
 * and grows without a lock: two threads loading the same font at once
 * can each add a face, and each face is a subset of its own in the PDF
 * (seen: Noto Sans Bold embedded twice in 2 of 40 renders).  So before a
 * second thread sets text, every face either can reach is made here, on
 * the main thread, and held: a fontset of every family, weight and style
 * figpress asks for — and "monospace", Pango's family for the code boxes
 * of missing characters — lists each font file as Pango would use it for
 * that request, synthetic bold or slant included; the size changes no
 * face.  Afterwards threads only find faces in the lists. */
static void
fonts_pin_faces(void)
{
	static const char *const families[] = { FONTS_SANS, FONTS_SERIF,
	    FONTS_MONO, "monospace" };
	PangoContext *pc = fonts_context_on(fonts.fontmap, LANG_EN);
	size_t n = 0;

	for (size_t f = 0; f < G_N_ELEMENTS(families); f++)
		for (int v = 0; v < 4 && n < FONTS_PINNED; v++) {
			PangoFontDescription *fd = pango_font_description_new();
			pango_font_description_set_family(fd, families[f]);
			pango_font_description_set_weight(fd, v & 1 ?
			    PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
			pango_font_description_set_style(fd, v & 2 ?
			    PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
			pango_font_description_set_absolute_size(fd,
			    10 * PANGO_SCALE);
			fonts.pinned[n] = pango_font_map_load_fontset(
			    fonts.fontmap, pc, fd,
			    pango_context_get_language(pc));
			if (fonts.pinned[n])
				pango_fontset_foreach(fonts.pinned[n++],
				    fonts_pin_one, NULL);
			pango_font_description_free(fd);
		}
	g_object_unref(pc);
}

PangoContext *
fonts_helper_context(enum lang lang)
{
	/* Made when first asked for: a short report never needs it. */
	if (fonts.helper_fontmap == NULL) {
		fonts_pin_faces();
		fonts.helper_fontmap = fonts_new_fontmap(fonts.config);
	}
	return fonts_context_on(fonts.helper_fontmap, lang);
}

bool
fonts_family_is_bundled(const char *family)
{
	static const char *const bundled[] = { FONTS_SANS, FONTS_SERIF,
	    FONTS_MONO };

	if (family == NULL)
		return false;
	for (size_t i = 0; i < sizeof bundled / sizeof bundled[0]; i++)
		if (g_ascii_strcasecmp(family, bundled[i]) == 0)
			return true;
	return false;
}

size_t
fonts_count(void)
{
	return fonts.nfiles;
}

const char *
fonts_file(size_t i)
{
	return i < fonts.nfiles ? fonts.files[i] : NULL;
}
