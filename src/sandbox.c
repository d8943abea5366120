/* sandbox: the containment check for the files a report reads — realpath
 * against a canonical root, so links and ".." are judged by where they
 * lead, not by how they are spelt. */
#include "sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "table.h"
#include "xmalloc.h"

char *
sandbox_default_root(const char *report)
{
	char *dir = g_path_get_dirname(report), *real, *parent, *out;

	real = realpath(dir, NULL);
	if (real == NULL) {
		out = xasprintf("%s/..", dir);
		g_free(dir);
		return out;
	}
	parent = g_path_get_dirname(real);
	out = xstrdup(parent);
	g_free(parent);
	free(real);
	g_free(dir);
	return out;
}

bool
sandbox_init(struct sandbox *sb, const char *dir, struct diags *d)
{
	struct stat st;

	memset(sb, 0, sizeof *sb);
	sb->root = realpath(dir, NULL);
	if (sb->root == NULL || stat(sb->root, &st) != 0 ||
	    !S_ISDIR(st.st_mode)) {
		diag_error(d, srcpos_at(dir, 0, 0), "--root: %s",
		    sb->root ? "not a folder" : strerror(errno));
		free(sb->root);
		sb->root = NULL;
		return false;
	}
	return true;
}

void
sandbox_release(struct sandbox *sb)
{
	free(sb->root);
	sb->root = NULL;
}

bool
sandbox_contains(const char *root, const char *path)
{
	size_t n = strlen(root);

	if (strcmp(root, "/") == 0)
		return path[0] == '/';
	return strncmp(root, path, n) == 0 &&
	    (path[n] == '\0' || path[n] == '/');
}

/* The canonical form of path; for a file that does not exist yet, that of
 * its folder with the name appended.  NULL when neither resolves. */
static char *
sandbox_resolve(const char *path)
{
	char *real = realpath(path, NULL), *dir, *rdir, *base;

	if (real || errno != ENOENT)
		return real;
	dir = g_path_get_dirname(path);
	base = g_path_get_basename(path);
	rdir = realpath(dir, NULL);
	if (rdir && strcmp(base, "..") != 0 && strcmp(base, ".") != 0)
		real = xasprintf("%s%s%s", rdir, strcmp(rdir, "/") == 0 ?
		    "" : "/", base);
	free(rdir);
	g_free(base);
	g_free(dir);
	return real;
}

bool
sandbox_check(const struct sandbox *sb, const char *written,
    const char *path, const char *what, struct srcpos pos,
    struct diags *d)
{
	char *real;
	bool ok;

	if (written[0] == '/') {
		diag_error(d, pos, "%s: %s is an absolute path; name data "
		    "relative to the report, under its root %s", what,
		    written, sb->root);
		return false;
	}
	real = sandbox_resolve(path);
	if (real == NULL)
		return true;
	ok = sandbox_contains(sb->root, real);
	if (!ok)
		diag_error(d, pos, "%s: %s leads to %s, outside the report's "
		    "root %s (--root DIR moves the root)", what, written, real,
		    sb->root);
	free(real);
	return ok;
}

/* Where the open descriptor fd really leads: the kernel's own name for it
 * (/proc/self/fd), which no later swap of a link can change.  Without
 * /proc, the path resolved again, if it is still the same file as fd.
 * NULL when neither tells.  Caller frees. */
static char *
sandbox_fd_path(int fd, const char *path)
{
	char proc[64], buf[PATH_MAX];
	ssize_t n;
	struct stat a, b;
	char *real;

	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	n = readlink(proc, buf, sizeof buf - 1);
	if (n > 0) {
		buf[n] = '\0';
		return xstrdup(buf);
	}
	real = realpath(path, NULL);
	if (real && fstat(fd, &a) == 0 && stat(real, &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		return real;
	free(real);
	return NULL;
}

/* The descriptor of path, once it is known to lead inside the root; -1
 * with an error otherwise.  O_NONBLOCK: opening a FIFO nobody writes to
 * would wait forever. */
static int
sandbox_open(const struct sandbox *sb, const char *written,
    const char *path, const char *what, struct srcpos pos, struct diags *d)
{
	int fd;
	char *real;

	if (!sandbox_check(sb, written, path, what, pos, d))
		return -1;
	if (sb->before_open)
		sb->before_open(sb->ctx);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0) {
		diag_error(d, srcpos_at(path, 0, 0), "cannot read data file: "
		    "%s", strerror(errno));
		return -1;
	}
	real = sandbox_fd_path(fd, path);
	if (real == NULL || !sandbox_contains(sb->root, real)) {
		diag_error(d, pos, "%s: %s leads to %s, outside the report's "
		    "root %s (--root DIR moves the root)", what, written,
		    real ? real : "a file whose place is unknown", sb->root);
		close(fd);
		fd = -1;
	}
	free(real);
	return fd;
}

char *
sandbox_read(const struct sandbox *sb, const char *written,
    const char *path, const char *what, struct srcpos pos, size_t max,
    size_t *len, struct diags *d)
{
	int fd = sandbox_open(sb, written, path, what, pos, d);
	char *buf;

	if (fd < 0)
		return NULL;
	buf = table_read_fd(fd, path, max, len, d);
	close(fd);
	return buf;
}
