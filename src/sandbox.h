/* sandbox: which files a report may read — only those under one root
 * folder, with "..", and symbolic links resolved, so a report cannot name
 * /etc/passwd, climb out with ../.. or follow a link out of its tree. */
#ifndef FIGPRESS_SANDBOX_H
#define FIGPRESS_SANDBOX_H

#include <stdbool.h>

#include "diag.h"

struct sandbox {
	char *root;		/* canonical folder (realpath); owned */
};

/* The default root of the report at path: the parent of its folder, so
 * that ../data/x.csv beside reports/ can be read.  Caller frees. */
char *sandbox_default_root(const char *report);
/* Root sb at the folder dir (resolved to its canonical path).  False with
 * an error naming dir (as --root) when it is not an existing folder. */
bool sandbox_init(struct sandbox *sb, const char *dir, struct diags *d);
/* Free what sb owns. */
void sandbox_release(struct sandbox *sb);
/* Is path inside root, or root itself?  Both must be canonical absolute
 * paths; this compares the strings only, whole components at a time. */
bool sandbox_contains(const char *root, const char *path);
/* May a report read path (its data path as written is written, what names
 * the key: "data")?  Refuses, with an error at pos, an absolute path and
 * one whose canonical form (symbolic links and ".." resolved) is outside
 * the root.  A path that does not exist is allowed: reading it will fail
 * with its own error. */
bool sandbox_check(const struct sandbox *sb, const char *written,
    const char *path, const char *what, struct srcpos pos,
    struct diags *d);

#endif
