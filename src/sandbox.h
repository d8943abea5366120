/* sandbox: which files a report may read — only those under one root
 * folder, with "..", and symbolic links resolved, so a report cannot name
 * /etc/passwd, climb out with ../.. or follow a link out of its tree. */
#ifndef FIGPRESS_SANDBOX_H
#define FIGPRESS_SANDBOX_H

#include <stdbool.h>

#include "diag.h"

struct sandbox {
	char *root;		/* canonical folder (realpath); owned */
	/* Test hook, NULL in real use: called by sandbox_read between its
	 * check of the path and the open, where a racing link swap would
	 * strike. */
	void (*before_open)(void *ctx);
	void *ctx;
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

/* The bytes of the data file at path (written: as the report wrote it),
 * NUL-terminated, at most max + 1 of them so that an oversized file is
 * seen as such; the length in *len; caller frees.  What sandbox_check
 * refuses is refused; then the file is opened and checked again where
 * its descriptor really leads, so that a link swapped between the check
 * and the open reads nothing outside the root.  A folder, FIFO or socket
 * is refused before a byte is read.  NULL with an error in d (at pos for
 * a path that leads out, at path when it cannot be read). */
char *sandbox_read(const struct sandbox *sb, const char *written,
    const char *path, const char *what, struct srcpos pos, size_t max,
    size_t *len, struct diags *d);

#endif
