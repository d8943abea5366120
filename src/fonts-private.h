/* fonts-private: what fonts.c shares with fonts-cache.c. */
#ifndef FIGPRESS_FONTS_PRIVATE_H
#define FIGPRESS_FONTS_PRIVATE_H

#include <fontconfig/fontconfig.h>
#include <stdbool.h>
#include <stddef.h>

/* Add the fonts of dir (absolute), which are exactly files[0..n), to the
 * application set of config through fontconfig's cache in figpress's cache
 * folder, refreshing the cache unless every file is as it was when the
 * cache was written.  False when there is no cache folder or the fonts
 * fontconfig found are not exactly files: the caller then adds the files
 * one by one to a fresh configuration. */
bool fonts_cache_load(FcConfig *config, const char *dir, char *const *files,
    size_t n);

#endif
