/* diag: located diagnostics; the one place location text is formatted. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* A pathological input could produce millions of identical errors; past
 * this many the rest add nothing for a reader. */
#define DIAGS_MAX 200

void
diags_init(struct diags *d)
{
	memset(d, 0, sizeof *d);
}

void
diags_release(struct diags *d)
{
	for (size_t i = 0; i < d->count; i++) {
		free(d->items[i].file);
		free(d->items[i].message);
	}
	free(d->items);
	diags_init(d);
}

/* s with control characters spelt out ("\\n", "\\x1b"): a file name or a
 * quoted cell holding a newline would break the one-line FILE:LINE:COL
 * form, and an escape sequence would reach the user's terminal.  Caller
 * frees. */
static char *
diag_clean(const char *s)
{
	size_t n = 0;
	char *out, *o;

	for (const char *p = s; *p; p++)
		n += (unsigned char)*p < 0x20 || *p == 0x7f ? 4 : 1;
	out = o = xmalloc(n + 1);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\n' || c == '\t')
			o += sprintf(o, "\\%c", c == '\n' ? 'n' : 't');
		else if (c < 0x20 || c == 0x7f)
			o += sprintf(o, "\\x%02x", c);
		else
			*o++ = (char)c;
	}
	*o = '\0';
	return out;
}

static void
diags_add(struct diags *d, enum diag_severity sev, struct srcpos pos,
    const char *fmt, va_list ap)
{
	struct diag *g;
	char buf[1024];

	if (sev == DIAG_ERROR)
		d->errors++;
	if (d->count >= DIAGS_MAX)
		return;
	if (d->count == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->items = xreallocarray(d->items, d->cap, sizeof *d->items);
	}
	/* A message cut at the buffer's end (it quotes a huge input) must
	 * not end in half a UTF-8 character: back off to a whole one. */
	if (vsnprintf(buf, sizeof buf, fmt, ap) >= (int)sizeof buf) {
		size_t n = sizeof buf - 1;
		while (n > 0 && ((unsigned char)buf[n - 1] & 0xC0) == 0x80)
			n--;
		if (n > 0 && ((unsigned char)buf[n - 1] & 0x80))
			n--;
		buf[n] = '\0';
	}
	g = &d->items[d->count++];
	g->severity = sev;
	g->file = diag_clean(pos.file ? pos.file : "figpress");
	g->line = pos.line;
	g->col = pos.col;
	g->message = diag_clean(buf);
}

void
diag_error(struct diags *d, struct srcpos pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diags_add(d, DIAG_ERROR, pos, fmt, ap);
	va_end(ap);
}

void
diag_warning(struct diags *d, struct srcpos pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diags_add(d, DIAG_WARNING, pos, fmt, ap);
	va_end(ap);
}

bool
diags_failed(const struct diags *d)
{
	return d->errors > 0;
}

char *
diag_format(const struct diag *g)
{
	const char *kind = g->severity == DIAG_ERROR ? "error" : "warning";

	if (g->line > 0 && g->col > 0)
		return xasprintf("%s:%d:%d: %s: %s", g->file, g->line, g->col,
		    kind, g->message);
	if (g->line > 0)
		return xasprintf("%s:%d: %s: %s", g->file, g->line, kind,
		    g->message);
	return xasprintf("%s: %s: %s", g->file, kind, g->message);
}

void
diags_print(const struct diags *d, FILE *fp)
{
	for (size_t i = 0; i < d->count; i++) {
		char *s = diag_format(&d->items[i]);
		fprintf(fp, "%s\n", s);
		free(s);
	}
}

void
diags_move(struct diags *to, struct diags *from)
{
	size_t moved_errors = 0;

	for (size_t i = 0; i < from->count; i++) {
		struct diag *g = &from->items[i];
		struct srcpos pos = { g->file, g->line, g->col };
		if (g->severity == DIAG_ERROR) {
			diag_error(to, pos, "%s", g->message);
			moved_errors++;
		} else {
			diag_warning(to, pos, "%s", g->message);
		}
	}
	/* Errors past DIAGS_MAX were counted but not kept: keep counting. */
	to->errors += from->errors - moved_errors;
	diags_release(from);
}
