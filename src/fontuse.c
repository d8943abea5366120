/* fontuse: which font files the glyph runs of drawn layouts came from. */
#include "fontuse.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-font.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* The key under which a recorder hangs on a PangoContext: drawing code
 * only holds layouts, and a layout knows its context. */
#define FONTUSE_KEY "figpress-fontuse"

void
fontuse_init(struct fontuse *fu)
{
	memset(fu, 0, sizeof *fu);
}

void
fontuse_release(struct fontuse *fu)
{
	for (size_t i = 0; i < fu->nfiles; i++)
		free(fu->files[i]);
	fontuse_init(fu);
}

void
fontuse_attach(struct fontuse *fu, PangoContext *pc)
{
	g_object_set_data(G_OBJECT(pc), FONTUSE_KEY, fu);
}

void
fontuse_detach(PangoContext *pc)
{
	g_object_set_data(G_OBJECT(pc), FONTUSE_KEY, NULL);
}

/* Insert file keeping the list sorted and without duplicates. */
static void
fontuse_add_file(struct fontuse *fu, const char *file)
{
	size_t i = 0;
	int cmp = 1;

	while (i < fu->nfiles && (cmp = strcmp(fu->files[i], file)) < 0)
		i++;
	if (cmp == 0 || fu->nfiles == FONTUSE_MAX_FILES)
		return;
	memmove(fu->files + i + 1, fu->files + i,
	    (fu->nfiles - i) * sizeof *fu->files);
	fu->files[i] = xstrdup(file);
	fu->nfiles++;
}

/* The file behind a run's font: the fontconfig pattern Pango chose it
 * by names it (FC_FILE), which is exactly the file cairo loads. */
static void
fontuse_add_font(struct fontuse *fu, PangoFont *font)
{
	FcPattern *pat;
	FcChar8 *file;

	if (font == NULL || !PANGO_IS_FC_FONT(font))
		return;
	pat = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
	if (pat && FcPatternGetString(pat, FC_FILE, 0, &file) ==
	    FcResultMatch)
		fontuse_add_file(fu, (const char *)file);
}

static void
fontuse_add_line(struct fontuse *fu, PangoLayoutLine *line)
{
	for (GSList *r = line->runs; r; r = r->next) {
		PangoGlyphItem *run = r->data;
		fontuse_add_font(fu, run->item->analysis.font);
	}
}

void
fontuse_add_layout(struct fontuse *fu, PangoLayout *layout)
{
	for (GSList *l = pango_layout_get_lines_readonly(layout); l;
	    l = l->next)
		fontuse_add_line(fu, l->data);
}

static struct fontuse *
fontuse_of(PangoLayout *layout)
{
	PangoContext *pc = layout ? pango_layout_get_context(layout) : NULL;

	return pc ? g_object_get_data(G_OBJECT(pc), FONTUSE_KEY) : NULL;
}

void
fontuse_note(PangoLayout *layout)
{
	struct fontuse *fu = fontuse_of(layout);

	if (fu)
		fontuse_add_layout(fu, layout);
}

void
fontuse_note_line(PangoLayoutLine *line)
{
	struct fontuse *fu = line ? fontuse_of(line->layout) : NULL;

	if (fu)
		fontuse_add_line(fu, line);
}
