/* atomic: temporary file, fsync, rename — nothing half-written survives. */
#include "atomic.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "xmalloc.h"

/* The temporary files not yet renamed or removed, for
 * atomic_remove_temporaries: a fixed array, since a signal handler may
 * read it at any moment (never a realloc under its feet).  A render has at
 * most a few thousand page files and a dependency file; past the array the
 * stale-file sweep is the fallback. */
#define ATOMIC_MAX_LIVE 8192
static const char *atomic_live[ATOMIC_MAX_LIVE];
static volatile sig_atomic_t atomic_nlive;

/* The registry changes with the signals that remove temporaries held
 * back, so a handler never sees it half-changed. */
static void
atomic_hold_signals(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, old);
}

static void
atomic_track(const char *tmp)
{
	sigset_t old;

	atomic_hold_signals(&old);
	if (atomic_nlive < ATOMIC_MAX_LIVE)
		atomic_live[atomic_nlive++] = tmp;
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static void
atomic_untrack(const char *tmp)
{
	sigset_t old;

	atomic_hold_signals(&old);
	for (sig_atomic_t i = 0; i < atomic_nlive; i++)
		if (atomic_live[i] == tmp) {
			atomic_live[i] = atomic_live[--atomic_nlive];
			break;
		}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

void
atomic_remove_temporaries(void)
{
	for (sig_atomic_t i = 0; i < atomic_nlive; i++)
		unlink(atomic_live[i]);
	atomic_nlive = 0;
}

/* Undo a half-done atomic_open and say why. */
static bool
atomic_open_failed(struct atomic_file *af, const char *path, int err,
    const char *why, struct diags *d)
{
	diag_error(d, srcpos_at(path, 0, 0), "cannot write: %s",
	    why ? why : strerror(err));
	free(af->tmp);
	free(af->path);
	memset(af, 0, sizeof *af);
	return false;
}

/* Why path must not be replaced by a rename, or NULL when it may be; the
 * permissions a replacement keeps in *mode.  A rename puts a regular file
 * where the name was: over /dev/null (as root) that is a disaster, over a
 * folder it fails, and a link to a device names the device. */
static const char *
atomic_refusal(const char *path, int *mode)
{
	struct stat st;
	mode_t mask = umask(0);

	umask(mask);
	*mode = 0666 & ~(int)mask;
	if (stat(path, &st) != 0)
		return NULL;		/* new, or a dangling link */
	if (S_ISDIR(st.st_mode))
		return "it is a folder";
	if (!S_ISREG(st.st_mode))
		return "it is a device, FIFO or socket, not a regular file, "
		    "and figpress replaces its outputs by renaming a new "
		    "file over them";
	*mode = (int)(st.st_mode & 07777);
	return NULL;
}

bool
atomic_open(struct atomic_file *af, const char *path, struct diags *d)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	const char *why;
	sigset_t old;
	int fd, err, mode;

	memset(af, 0, sizeof *af);
	if ((why = atomic_refusal(path, &mode)) != NULL)
		return atomic_open_failed(af, path, 0, why, d);
	af->path = xstrdup(path);
	af->mode = mode;
	/* Hidden, in the same folder (rename must not cross file systems),
	 * and named after the target so a leftover is recognisable. */
	af->tmp = xasprintf("%.*s.%s.XXXXXX", (int)(slash ? slash - path + 1 :
	    0), path, base);
	/* Created and registered with the signals held: a SIGTERM between
	 * the two would leave a file no one knows of. */
	atomic_hold_signals(&old);
	fd = mkstemp(af->tmp);
	err = errno;
	if (fd >= 0)
		atomic_track(af->tmp);
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (fd < 0)
		return atomic_open_failed(af, path, err, NULL, d);
	fchmod(fd, (mode_t)mode);
	af->fp = fdopen(fd, "wb");
	if (af->fp == NULL) {
		err = errno;
		close(fd);
		unlink(af->tmp);
		atomic_untrack(af->tmp);
		return atomic_open_failed(af, path, err, NULL, d);
	}
	return true;
}

bool
atomic_write(struct atomic_file *af, const void *data, size_t len)
{
	if (af->failed)
		return false;
	if (af->fail_after && len > af->fail_after - af->written) {
		af->failed = true;
		af->error = ENOSPC;
		return false;
	}
	errno = 0;
	if (fwrite(data, 1, len, af->fp) != len) {
		af->failed = true;
		af->error = errno ? errno : EIO;
		return false;
	}
	af->written += len;
	return true;
}

/* Is name a temporary file of base (".BASE.XXXXXX", as mkstemp makes)? */
static bool
atomic_is_temp_of(const char *name, const char *base)
{
	size_t n = strlen(base);

	return name[0] == '.' && strncmp(name + 1, base, n) == 0 &&
	    name[n + 1] == '.' && strlen(name + n + 2) == 6;
}

/* A render killed outright (SIGKILL, power loss) leaves its temporary
 * file behind; the next good write of the same target removes those
 * that have not been written to for ATOMIC_STALE_SECONDS, which no live
 * render of ours leaves idle that long. */
static void
atomic_sweep(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path + 1)) :
	    xstrdup("./");
	const char *base = slash ? slash + 1 : path;
	DIR *dp = opendir(dir);
	struct dirent *e;
	time_t now = time(NULL);

	while (dp && (e = readdir(dp)) != NULL) {
		struct stat st;
		char *p;
		if (!atomic_is_temp_of(e->d_name, base))
			continue;
		p = xasprintf("%s%s", dir, e->d_name);
		if (lstat(p, &st) == 0 && S_ISREG(st.st_mode) &&
		    now - st.st_mtime > ATOMIC_STALE_SECONDS)
			unlink(p);
		free(p);
	}
	if (dp)
		closedir(dp);
	free(dir);
}

/* Flush and sync, then close; err is the first failure (0 when none). */
static int
atomic_close(struct atomic_file *af)
{
	int err = 0;

	if (!af->failed && fflush(af->fp) != 0)
		err = errno;
	if (!af->failed && !err && fsync(fileno(af->fp)) != 0)
		err = errno;
	if (fclose(af->fp) != 0 && !err)
		err = errno;
	af->fp = NULL;
	return af->failed ? af->error : err;
}

static bool
atomic_fail(struct atomic_file *af, int err, struct diags *d)
{
	diag_error(d, srcpos_at(af->path, 0, 0), "cannot write: %s",
	    strerror(err));
	atomic_abort(af);
	return false;
}

bool
atomic_finish(struct atomic_file *af, struct diags *d)
{
	int err;

	if (af->fp == NULL)
		return af->tmp != NULL;
	err = atomic_close(af);
	return err ? atomic_fail(af, err, d) : true;
}

bool
atomic_commit(struct atomic_file *af, struct diags *d)
{
	sigset_t old;

	if (af->tmp == NULL || !atomic_finish(af, d))
		return false;
	atomic_hold_signals(&old);
	if (rename(af->tmp, af->path) != 0) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		return atomic_fail(af, errno, d);
	}
	atomic_untrack(af->tmp);
	sigprocmask(SIG_SETMASK, &old, NULL);
	atomic_sweep(af->path);
	free(af->tmp);
	free(af->path);
	memset(af, 0, sizeof *af);
	return true;
}

bool
atomic_commit_all(struct atomic_file *af, size_t n, struct diags *d)
{
	sigset_t old;
	bool ok = true;

	atomic_hold_signals(&old);
	for (size_t i = 0; i < n; i++) {
		if (ok)
			ok = atomic_commit(&af[i], d);
		else
			atomic_abort(&af[i]);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return ok;
}

void
atomic_abort(struct atomic_file *af)
{
	if (af->fp)
		fclose(af->fp);
	if (af->tmp) {
		unlink(af->tmp);
		atomic_untrack(af->tmp);
	}
	free(af->tmp);
	free(af->path);
	memset(af, 0, sizeof *af);
}
