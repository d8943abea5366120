/* atomic: output files replaced atomically — written to a temporary file in
 * the target's folder, flushed, then renamed over the target — so a failed
 * render leaves the previous file as it was and a viewer never sees half a
 * file. */
#ifndef FIGPRESS_ATOMIC_H
#define FIGPRESS_ATOMIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"

/* A temporary file of the target untouched this long is a leftover of a
 * render that was killed (SIGKILL cannot be caught): a successful commit
 * removes it. */
#define ATOMIC_STALE_SECONDS 600

struct atomic_file {
	char *path;		/* the target; owned */
	char *tmp;		/* the temporary file; owned */
	FILE *fp;		/* NULL once finished */
	int mode;		/* permissions the target gets */
	bool failed;		/* a write failed: commit will refuse */
	int error;		/* errno of the first failure */
	size_t written;		/* bytes accepted so far */
	/* Test hook, 0 in real use: a write that would pass this many bytes
	 * fails with ENOSPC, as on a full disk (unit tests set it after
	 * atomic_open). */
	size_t fail_after;
};

/* Create a temporary file beside path.  False with an error in d when the
 * folder is missing or not writable, or when path is something a rename
 * must not replace: a folder, a device, FIFO or socket, or a symbolic link
 * to one (a link to a regular file, or to nothing, is itself replaced, not
 * written through).  The target keeps the permissions of the file it
 * replaces; a new one gets 0666 less the umask. */
bool atomic_open(struct atomic_file *af, const char *path, struct diags *d);
/* Append len bytes; false (and the file marked failed) on a short write. */
bool atomic_write(struct atomic_file *af, const void *data, size_t len);
/* Flush, sync and close the temporary file, keeping it for atomic_commit:
 * a set of many files need not hold a descriptor each.  On failure the
 * temporary file is removed and the error reported to d. */
bool atomic_finish(struct atomic_file *af, struct diags *d);
/* Finish (unless done) and rename over the target; on any failure remove
 * the temporary file, leave the target untouched and report to d.  After a
 * success, removes the target's stale temporary files (see above). */
bool atomic_commit(struct atomic_file *af, struct diags *d);
/* Commit n files with SIGINT, SIGTERM and SIGHUP held, so a set of page
 * files is replaced whole or not at all by a render that is interrupted;
 * after the first failure the rest are aborted. */
bool atomic_commit_all(struct atomic_file *af, size_t n, struct diags *d);
/* Remove the temporary file; the target is untouched.  Safe after commit. */
void atomic_abort(struct atomic_file *af);
/* Remove every temporary file not yet committed or aborted, from a signal
 * handler (async-signal-safe): an interrupted render leaves nothing. */
void atomic_remove_temporaries(void);

#endif
