/* deps: dependency files for make. */
#include "deps.h"

#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "strbuf.h"

/* The first character of s make cannot be told to take literally, or 0:
 * in a rule line a newline or ';' starts a recipe, '=' turns the line
 * into a variable assignment, a backslash escapes what follows it in ways
 * that depend on what that is, and a wildcard, or '|' after an escaped
 * ':', escaped in a prerequisite is not the same name as in a target
 * (GNU make 4.3: the empty rule of a deleted file then fails to match). */
static char
deps_unsayable(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f ||
		    strchr(";=\\*?[|", *s))
			return *s;
	return 0;
}

/* s as make reads it back: '$' is a variable, spaces separate names, '#'
 * comments, ':' splits the rule, and in a target '%' makes a pattern
 * rule.  A leading '~' would be a home folder. */
static void
deps_escape(struct strbuf *sb, const char *s, bool target)
{
	if (s[0] == '~')
		strbuf_puts(sb, "./");
	for (; *s; s++) {
		if (strchr(" #:", *s) || (target && *s == '%'))
			strbuf_putc(sb, '\\');
		if (*s == '$')
			strbuf_putc(sb, '$');
		strbuf_putc(sb, *s);
	}
}

static bool
deps_check(const char *path, struct diags *d)
{
	char c = deps_unsayable(path);

	if (c == 0)
		return true;
	if ((unsigned char)c < 0x20 || c == 0x7f)
		diag_error(d, srcpos_at(path, 0, 0), "-M: make cannot name "
		    "this file in a rule: its name holds a control character "
		    "(0x%02x)", (unsigned)(unsigned char)c);
	else
		diag_error(d, srcpos_at(path, 0, 0), "-M: make cannot name "
		    "this file in a rule: its name holds '%c'", c);
	return false;
}

char *
deps_rule(const char *target, const char *const *inputs, size_t n,
    struct diags *d)
{
	struct strbuf sb;
	bool ok = deps_check(target, d);

	for (size_t i = 0; ok && i < n; i++)
		ok = deps_check(inputs[i], d);
	if (!ok)
		return NULL;
	strbuf_init(&sb, 0);
	deps_escape(&sb, target, true);
	strbuf_putc(&sb, ':');
	for (size_t i = 0; i < n; i++) {
		strbuf_puts(&sb, " \\\n  ");
		deps_escape(&sb, inputs[i], false);
	}
	strbuf_putc(&sb, '\n');
	for (size_t i = 0; i < n; i++) {
		strbuf_putc(&sb, '\n');
		deps_escape(&sb, inputs[i], true);
		strbuf_puts(&sb, ":\n");
	}
	return strbuf_detach(&sb);
}

bool
deps_write(const char *path, const char *target,
    const char *const *inputs, size_t n, struct diags *d)
{
	char *rule = deps_rule(target, inputs, n, d);
	struct atomic_file af;
	bool ok = rule && atomic_open(&af, path, d);

	if (ok) {
		atomic_write(&af, rule, strlen(rule));
		ok = atomic_commit(&af, d);
	}
	free(rule);
	return ok;
}
