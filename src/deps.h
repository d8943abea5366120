/* deps: Make dependency files (-M) naming every file a render read, like
 * `cc -MD`: the rule, then an empty rule per input so make does not fail
 * when one is deleted. */
#ifndef FIGPRESS_DEPS_H
#define FIGPRESS_DEPS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* The rule "target: inputs…" followed by "input:" for each input, as make
 * reads it: '$' doubled; spaces, '#' and ':' escaped with '\'; '%' too
 * where it would make a pattern rule; a name that starts with '~' written
 * ./~….  Caller frees.  NULL with an error in d naming the first path that
 * make cannot read in a rule at all — a control character (a newline
 * would start a recipe), ';' (the rest would be one), '=' (a variable
 * assignment), '\', '|' or a wildcard — so that no rule is written rather
 * than one that runs a command or misleads make. */
char *deps_rule(const char *target, const char *const *inputs, size_t n,
    struct diags *d);
/* Write to path (atomically) the rule of deps_rule.  False with an error
 * in d when a name cannot be written or the file cannot be. */
bool deps_write(const char *path, const char *target,
    const char *const *inputs, size_t n, struct diags *d);

#endif
