/* deps: Make dependency files (-M) naming every file a render read, like
 * `cc -MD`: the rule, then an empty rule per input so make does not fail
 * when one is deleted. */
#ifndef FIGPRESS_DEPS_H
#define FIGPRESS_DEPS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* Write to path (atomically) the rule "target: inputs…" followed by
 * "input:" for each input.  Spaces and '$' are escaped for make.  False
 * with an error in d when the file cannot be written. */
bool deps_write(const char *path, const char *target,
    const char *const *inputs, size_t n, struct diags *d);

#endif
