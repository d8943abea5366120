/* fonts-cache: fontconfig's own cache of the bundled fonts, kept in
 * figpress's cache folder and trusted only while every font file has the
 * size, modification time and inode it had when the cache was written.
 * Reading the fonts' tables to find their coverage took 10 of the 125
 * million instructions of rendering the briefing; the cache takes 0.5.
 * fontconfig alone would trust a cache while the folder's time stands,
 * which a font copied over an old one in place does not change. */
#include "fonts-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "strbuf.h"
#include "xmalloc.h"

/* A stamp file is a few lines a font; anything longer is not ours. */
#define FONTS_CACHE_MAX_STAMP (64 * 1024)

/* $XDG_CACHE_HOME/figpress, else ~/.cache/figpress, or NULL (relative
 * values are ignored, as the XDG specification says).  Caller frees. */
static char *
fonts_cache_dir(void)
{
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		return xasprintf("%s/figpress", xdg);
	if (home && home[0] == '/')
		return xasprintf("%s/.cache/figpress", home);
	return NULL;
}

/* Make path and its missing parents (private, as XDG asks); true when it
 * is a folder we may write in.  fontconfig would print an error of its own
 * on stderr for a folder it cannot write: this is checked first. */
static bool
fonts_cache_mkdir(const char *path)
{
	char *p = xstrdup(path);
	bool ok;

	for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		(void)mkdir(p, 0700);
		*s = '/';
	}
	(void)mkdir(p, 0700);
	ok = access(p, W_OK | X_OK) == 0;
	free(p);
	return ok;
}

/* What a cache must have been built from, or NULL when a file cannot be
 * looked at.  Caller frees. */
static char *
fonts_cache_stamp(const char *dir, char *const *files, size_t n)
{
	struct strbuf sb;
	struct stat st;

	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "figpress font cache 1, fontconfig %d\n%s\n",
	    FcGetVersion(), dir);
	for (size_t i = 0; i < n; i++) {
		if (stat(files[i], &st) != 0) {
			strbuf_release(&sb);
			return NULL;
		}
		strbuf_printf(&sb, "%s %lld %lld.%09ld %llu %llu\n", files[i],
		    (long long)st.st_size, (long long)st.st_mtim.tv_sec,
		    (long)st.st_mtim.tv_nsec, (unsigned long long)st.st_dev,
		    (unsigned long long)st.st_ino);
	}
	return strbuf_detach(&sb);
}

/* The stamp file of dir in cache: one per fonts folder.  Caller frees. */
static char *
fonts_cache_stamp_path(const char *cache, const char *dir)
{
	unsigned long h = 2166136261u;

	for (const char *p = dir; *p; p++)
		h = ((h ^ (unsigned char)*p) * 16777619u) & 0xffffffffu;
	return xasprintf("%s/fonts-%08lx.stamp", cache, h);
}

/* The whole of a small file, or NULL.  Caller frees. */
static char *
fonts_cache_read(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	size_t n;

	if (fp == NULL)
		return NULL;
	buf = xmalloc(FONTS_CACHE_MAX_STAMP + 1);
	n = fread(buf, 1, FONTS_CACHE_MAX_STAMP, fp);
	fclose(fp);
	buf[n] = '\0';
	return buf;
}

/* Write text to path through a temporary file, so that a reader never
 * sees half a stamp; failing is harmless (the cache is rebuilt). */
static void
fonts_cache_write(const char *path, const char *text)
{
	char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
	FILE *fp = fopen(tmp, "wb");
	bool ok = fp && fputs(text, fp) >= 0;

	if (fp && fclose(fp) != 0)
		ok = false;
	if (!ok || rename(tmp, path) != 0)
		remove(tmp);
	free(tmp);
}

/* The configuration that names cache as fontconfig's cache folder. */
static bool
fonts_cache_configure(FcConfig *config, const char *cache)
{
	struct strbuf sb;
	bool ok;

	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "<fontconfig><cachedir>");
	for (const char *p = cache; *p; p++) {
		const char *e = *p == '&' ? "&amp;" : *p == '<' ? "&lt;" :
		    *p == '>' ? "&gt;" : NULL;
		if (e)
			strbuf_puts(&sb, e);
		else
			strbuf_putc(&sb, *p);
	}
	strbuf_puts(&sb, "</cachedir></fontconfig>");
	ok = FcConfigParseAndLoadFromMemory(config,
	    (const FcChar8 *)strbuf_str(&sb), FcFalse);
	strbuf_release(&sb);
	return ok;
}

/* Each font in config's application set comes from one of files, and
 * each of files gave at least one font. */
static bool
fonts_cache_matches(FcConfig *config, char *const *files, size_t n)
{
	FcFontSet *set = FcConfigGetFonts(config, FcSetApplication);
	size_t seen = 0;
	bool *found = xcalloc(n ? n : 1, sizeof *found);

	for (int i = 0; set && i < set->nfont; i++) {
		FcChar8 *file;
		size_t k = 0;
		if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) !=
		    FcResultMatch)
			break;
		while (k < n && strcmp(files[k], (const char *)file) != 0)
			k++;
		if (k == n)
			break;
		seen += !found[k];
		found[k] = true;
	}
	free(found);
	return set && seen == n;
}

/* fontconfig 2.14 dates a cache it writes by SOURCE_DATE_EPOCH when the
 * fonts folder is newer than that, but checks a cache it reads against
 * the folder's real time: a cache written with the variable set is never
 * trusted again, and every render under the variable (reproducible
 * builds, the benchmarks) read all the fonts.  The variable is hidden
 * from fontconfig while it reads and writes the cache; fonts_init runs
 * before Pango starts its threads, so nothing else reads the environment
 * meanwhile.  Returns the value to give back to fonts_cache_show_epoch. */
static char *
fonts_cache_hide_epoch(void)
{
	const char *v = getenv("SOURCE_DATE_EPOCH");
	char *saved = v ? xstrdup(v) : NULL;

	if (saved)
		unsetenv("SOURCE_DATE_EPOCH");
	return saved;
}

static void
fonts_cache_show_epoch(char *saved)
{
	if (saved)
		setenv("SOURCE_DATE_EPOCH", saved, 1);
	free(saved);
}

bool
fonts_cache_load(FcConfig *config, const char *dir, char *const *files,
    size_t n)
{
	char *cache = fonts_cache_dir();
	char *stamp = cache && fonts_cache_mkdir(cache) ?
	    fonts_cache_stamp(dir, files, n) : NULL;
	char *path = stamp ? fonts_cache_stamp_path(cache, dir) : NULL;
	char *old = path ? fonts_cache_read(path) : NULL;
	bool fresh = old && stamp && strcmp(old, stamp) == 0;
	bool ok = false;

	if (stamp && fonts_cache_configure(config, cache)) {
		char *epoch = fonts_cache_hide_epoch();
		if (!fresh)
			FcDirCacheUnlink((const FcChar8 *)dir, config);
		ok = FcConfigAppFontAddDir(config, (const FcChar8 *)dir) &&
		    fonts_cache_matches(config, files, n);
		fonts_cache_show_epoch(epoch);
		if (ok && !fresh)
			fonts_cache_write(path, stamp);
	}
	free(old);
	free(path);
	free(stamp);
	free(cache);
	return ok;
}
