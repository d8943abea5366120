/* atomic: temporary file, fsync, rename — nothing half-written survives. */
#include "atomic.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "xmalloc.h"

/* Undo a half-done atomic_open and say why. */
static bool
atomic_open_failed(struct atomic_file *af, const char *path, int err,
    struct diags *d)
{
	diag_error(d, srcpos_at(path, 0, 0), "cannot write: %s",
	    strerror(err));
	free(af->tmp);
	free(af->path);
	memset(af, 0, sizeof *af);
	return false;
}

bool
atomic_open(struct atomic_file *af, const char *path, struct diags *d)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	int fd, err;

	memset(af, 0, sizeof *af);
	af->path = xstrdup(path);
	/* Hidden, in the same folder (rename must not cross file systems),
	 * and named after the target so a leftover is recognisable. */
	af->tmp = xasprintf("%.*s.%s.XXXXXX", (int)(slash ? slash - path + 1 :
	    0), path, base);
	fd = mkstemp(af->tmp);
	if (fd < 0)
		return atomic_open_failed(af, path, errno, d);
	fchmod(fd, 0644);
	af->fp = fdopen(fd, "wb");
	if (af->fp == NULL) {
		err = errno;
		close(fd);
		unlink(af->tmp);
		return atomic_open_failed(af, path, err, d);
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

bool
atomic_commit(struct atomic_file *af, struct diags *d)
{
	int err = 0;

	if (af->fp == NULL)
		return false;
	if (!af->failed && fflush(af->fp) != 0)
		err = errno;
	if (!af->failed && !err && fsync(fileno(af->fp)) != 0)
		err = errno;
	if (fclose(af->fp) != 0 && !err)
		err = errno;
	af->fp = NULL;
	if (af->failed)
		err = af->error;
	if (!err && rename(af->tmp, af->path) != 0)
		err = errno;
	if (err) {
		diag_error(d, srcpos_at(af->path, 0, 0), "cannot write: %s",
		    strerror(err));
		atomic_abort(af);
		return false;
	}
	atomic_sweep(af->path);
	free(af->tmp);
	free(af->path);
	memset(af, 0, sizeof *af);
	return true;
}

void
atomic_abort(struct atomic_file *af)
{
	if (af->fp)
		fclose(af->fp);
	if (af->tmp)
		unlink(af->tmp);
	free(af->tmp);
	free(af->path);
	memset(af, 0, sizeof *af);
}
