/* fontuse: the font files a render actually draws with, collected from the
 * glyph runs of every Pango layout as it is drawn — for -M dependency files
 * and watch, which must name the fonts used, not every bundled one. */
#ifndef FIGPRESS_FONTUSE_H
#define FIGPRESS_FONTUSE_H

#include <pango/pango.h>
#include <stddef.h>

/* More distinct font files than a report could use; past it, ignored. */
#define FONTUSE_MAX_FILES 64

struct fontuse {
	char *files[FONTUSE_MAX_FILES];	/* sorted, absolute; owned */
	size_t nfiles;
};

/* Start empty. */
void fontuse_init(struct fontuse *fu);
/* Free the file names; fu is empty again. */
void fontuse_release(struct fontuse *fu);
/* From now on the layouts of pc that are noted add their fonts to fu,
 * until fontuse_detach.  fu must outlive the attachment. */
void fontuse_attach(struct fontuse *fu, PangoContext *pc);
/* Stop recording on pc. */
void fontuse_detach(PangoContext *pc);
/* Add the font file of every glyph run of layout to the recorder attached
 * to its context; nothing when none is (so drawing code may always call
 * it).  Call it where a layout is shown. */
void fontuse_note(PangoLayout *layout);
/* The same for one line (drawn on its own). */
void fontuse_note_line(PangoLayoutLine *line);
/* Add the font files of layout's runs to fu directly. */
void fontuse_add_layout(struct fontuse *fu, PangoLayout *layout);

#endif
