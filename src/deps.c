/* deps: dependency files for make. */
#include "deps.h"

#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "strbuf.h"

/* Make reads spaces as separators, '$' as a variable and '#' as a
 * comment. */
static void
deps_escape(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		if (*s == ' ' || *s == '#' || *s == '\\')
			strbuf_putc(sb, '\\');
		if (*s == '$')
			strbuf_putc(sb, '$');
		strbuf_putc(sb, *s);
	}
}

bool
deps_write(const char *path, const char *target,
    const char *const *inputs, size_t n, struct diags *d)
{
	struct strbuf sb;
	struct atomic_file af;
	bool ok;

	strbuf_init(&sb, 0);
	deps_escape(&sb, target);
	strbuf_putc(&sb, ':');
	for (size_t i = 0; i < n; i++) {
		strbuf_puts(&sb, " \\\n  ");
		deps_escape(&sb, inputs[i]);
	}
	strbuf_putc(&sb, '\n');
	for (size_t i = 0; i < n; i++) {
		strbuf_putc(&sb, '\n');
		deps_escape(&sb, inputs[i]);
		strbuf_puts(&sb, ":\n");
	}
	ok = atomic_open(&af, path, d);
	if (ok) {
		atomic_write(&af, sb.data, sb.len);
		ok = atomic_commit(&af, d);
	}
	strbuf_release(&sb);
	return ok;
}
