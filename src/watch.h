/* watch: waiting until the files some reports read have changed — Linux
 * inotify on the folders that hold them, names matched per report (so a
 * file replaced by rename, or deleted and created again, is still seen),
 * and a quiet period so that a burst of events, such as an editor's save,
 * gives one render.  A folder that is removed or renamed, and made again,
 * is followed (its parent is watched while it is missing), and so are
 * symbolic links on the way to a file.  SIGINT and SIGTERM arrive here as
 * well (signalfd), as a request to stop.  It renders and prints nothing
 * itself. */
#ifndef FIGPRESS_WATCH_H
#define FIGPRESS_WATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "diag.h"

/* Quiet time after an event that completes a write (close after writing,
 * a rename onto the name, touch) before the reports are due: long enough
 * for the rest of an editor's save to arrive, short enough to feel
 * instant. */
#define WATCH_SETTLE_MS 20
/* Quiet time after an event that is only a step of a write (modify,
 * create, delete, rename away): the rest usually follows at once. */
#define WATCH_DEBOUNCE_MS 100

enum watch_event {
	WATCH_CHANGED,		/* some reports are due: see changed[] */
	WATCH_STOP,		/* SIGINT or SIGTERM arrived */
	WATCH_TIMEOUT,		/* nothing within the time asked for */
};

struct watch;

/* A watcher for nreports reports, none of whose files are watched yet.
 * Blocks SIGINT and SIGTERM for the calling thread (call it before any
 * thread is started, so that they stay blocked everywhere).  NULL with an
 * error in d when inotify or signalfd is unavailable. */
struct watch *watch_new(size_t nreports, struct diags *d);
/* Stop watching, restore the signal mask; NULL is fine. */
void watch_free(struct watch *w);
/* Make paths (n files, as the render read them) the files of report r,
 * replacing its previous list; folders no report needs any more are
 * released.  A folder that cannot be watched adds a warning to d (its
 * files are then not seen until the next call). */
void watch_set_inputs(struct watch *w, size_t r, const char *const *paths,
    size_t n, struct diags *d);
/* The moment a render begins, for watch_recheck: a file stamped at or
 * after it was changed after the render began.  Returns once the coarse
 * clock file times come from has passed it (a few milliseconds). */
void watch_stamp(struct timespec *since);
/* Make report r due when one of paths changed at or after since (from
 * watch_stamp before the render that read them): a render reads its
 * files before watch_set_inputs can watch them, and a save in between
 * would otherwise be lost. */
void watch_recheck(struct watch *w, size_t r, const char *const *paths,
    size_t n, const struct timespec *since);
/* Wait until a change to some report's files has been followed by the
 * quiet time, a signal arrives, or timeout_ms passes (negative: no
 * limit).  On WATCH_CHANGED, changed[r] (nreports entries) is set for
 * each report that is due and cleared for the others. */
enum watch_event watch_wait(struct watch *w, bool *changed, int timeout_ms);

#endif
