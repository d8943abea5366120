/* fonts: the private fontconfig configuration over the bundled fonts/
 * folder and the Pango font maps built on it: the one everything uses, and
 * a second for layout's helper thread.  This is figpress's only global
 * state (set up once, read everywhere). */
#ifndef FIGPRESS_FONTS_H
#define FIGPRESS_FONTS_H

#include <stdbool.h>

#include <pango/pango.h>

#include "diag.h"
#include "lang.h"

/* Family names of the bundled fonts. */
#define FONTS_SANS  "Noto Sans"
#define FONTS_SERIF "Noto Serif"
#define FONTS_MONO  "Noto Sans Mono"

/* Find the fonts folder ($FIGPRESS_FONTS, then beside the binary in the
 * source tree, then the installed share folder), build a fontconfig
 * configuration over it alone and a PangoCairo font map on that.  argv0 is
 * the program path.  Returns false with an error in d when no folder with
 * fonts is found.  Idempotent. */
bool fonts_init(const char *argv0, struct diags *d);
/* Release the font map and configuration. */
void fonts_shutdown(void);
/* The font map (valid after fonts_init); lent. */
PangoFontMap *fonts_fontmap(void);
/* The fonts folder in use (absolute); lent. */
const char *fonts_dir(void);
/* A new Pango context on the font map with language lang set (Pango's own
 * default comes from the locale, "C" on CI).  Caller unrefs. */
PangoContext *fonts_context(enum lang lang);
/* The same on a second font map of the same fonts (made on the first
 * call, which must come from the main thread), for the helper thread that
 * sets texts beside the main one: Pango's objects are not to be shared
 * between threads; cairo's fonts and fontconfig's configuration are. */
PangoContext *fonts_helper_context(enum lang lang);
/* True when family names one of the bundled families (FONTS_SANS,
 * FONTS_SERIF, FONTS_MONO; case-insensitive, as fontconfig compares). */
bool fonts_family_is_bundled(const char *family);
/* Number of font files in the folder and their paths (for -M); lent. */
size_t fonts_count(void);
const char *fonts_file(size_t i);

#endif
