/* diag: located diagnostics collected as values; main prints them (STYLE 5).
 * Every message has the GNU form FILE:LINE:COL: error: MESSAGE. */
#ifndef FIGPRESS_DIAG_H
#define FIGPRESS_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum diag_severity {
	DIAG_ERROR,
	DIAG_WARNING,
};

/* A source position; line and col are 1-based, 0 when unknown. */
struct srcpos {
	const char *file;	/* lent: owned by whoever loaded the file */
	int line;
	int col;
};

struct diag {
	enum diag_severity severity;
	char *file;		/* owned copy */
	int line;
	int col;
	char *message;		/* owned */
};

struct diags {
	struct diag *items;
	size_t count;
	size_t cap;
	size_t errors;
};

/* Start an empty list. */
void diags_init(struct diags *d);
/* Free every message; the list is empty again afterwards. */
void diags_release(struct diags *d);
/* Add an error at pos (printf-style message, no trailing newline). */
void diag_error(struct diags *d, struct srcpos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Add a warning at pos. */
void diag_warning(struct diags *d, struct srcpos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* True when at least one error was added. */
bool diags_failed(const struct diags *d);
/* Format one diagnostic as "FILE:LINE:COL: error: MESSAGE"; caller frees. */
char *diag_format(const struct diag *g);
/* Print every diagnostic, one per line, to fp. */
void diags_print(const struct diags *d, FILE *fp);
/* Move every diagnostic of from to the end of to; from is left empty. */
void diags_move(struct diags *to, struct diags *from);

/* Convenience constructor for a position. */
static inline struct srcpos
srcpos_at(const char *file, int line, int col)
{
	struct srcpos p = { file, line, col };
	return p;
}

#endif
