/* watch: inotify on the folders of the inputs, a quiet timer, signalfd. */
#include "watch.h"

#include <errno.h>
#include <glib.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "xmalloc.h"

/* Folders, not files: a watch on a file follows its inode, which an
 * editor's rename-over or a delete and create leaves behind.  A folder
 * removed or renamed itself ends its watch: its reports are due then,
 * and their next inputs are watched from wherever the path now ends. */
#define WATCH_MASK (IN_CLOSE_WRITE | IN_MOVED_TO | IN_ATTRIB | IN_MODIFY | \
    IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_DELETE_SELF | \
    IN_MOVE_SELF | IN_ONLYDIR)
#define WATCH_SELF (IN_DELETE_SELF | IN_MOVE_SELF)
/* Links followed from one input, at most (the kernel's own limit). */
#define WATCH_MAX_LINKS 40
/* Events after which a file is complete: a short settle suffices. */
#define WATCH_COMPLETE (IN_CLOSE_WRITE | IN_MOVED_TO | IN_ATTRIB)

/* One file of a report: the folder's watch and the name in it. */
struct watch_input {
	int wd;			/* -1 when the folder could not be watched */
	char *name;
};

/* A report's watch points: for each file it read, the file's own name in
 * its folder (or, while that folder is missing, the first missing folder's
 * name in the nearest folder that exists), and each symbolic link on the
 * way to the file, so that editing a link's target or swapping a link is
 * seen too. */
struct watch_report {
	struct watch_input *inputs;
	size_t ninputs;
	size_t cap;
};

struct watch {
	int ifd;		/* inotify */
	int sfd;		/* signalfd for SIGINT, SIGTERM */
	sigset_t oldmask;
	struct watch_report *reports;
	size_t nreports;
	bool *pending;		/* changed, waiting for the quiet time */
	long long due;		/* ms on the monotonic clock; 0: none */
	int *wds;		/* folder watches held */
	size_t nwds;
};

static long long
watch_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct watch *
watch_new(size_t nreports, struct diags *d)
{
	struct watch *w = xcalloc(1, sizeof *w);
	sigset_t mask;

	sigemptyset(&mask);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGTERM);
	sigprocmask(SIG_BLOCK, &mask, &w->oldmask);
	/* A shell starts background jobs with SIGINT ignored, and an ignored
	 * signal never reaches the signalfd: take them back (they are
	 * blocked, so nothing is delivered the default way). */
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	w->sfd = signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);
	w->ifd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
	if (w->sfd < 0 || w->ifd < 0) {
		diag_error(d, srcpos_at("figpress watch", 0, 0), "%s: %s",
		    w->ifd < 0 ? "inotify" : "signalfd", strerror(errno));
		w->nreports = 0;
		watch_free(w);
		return NULL;
	}
	w->reports = xcalloc(nreports ? nreports : 1, sizeof *w->reports);
	w->pending = xcalloc(nreports ? nreports : 1, sizeof *w->pending);
	w->nreports = nreports;
	return w;
}

static void
watch_report_clear(struct watch_report *wr)
{
	for (size_t i = 0; i < wr->ninputs; i++)
		free(wr->inputs[i].name);
	free(wr->inputs);
	wr->inputs = NULL;
	wr->ninputs = 0;
	wr->cap = 0;
}

void
watch_free(struct watch *w)
{
	struct signalfd_siginfo si;

	if (w == NULL)
		return;
	for (size_t r = 0; r < w->nreports; r++)
		watch_report_clear(&w->reports[r]);
	/* Drain signals already taken, so that unblocking them does not
	 * deliver one that was meant for the signalfd. */
	if (w->sfd >= 0) {
		while (read(w->sfd, &si, sizeof si) == sizeof si)
			;
		close(w->sfd);
	}
	if (w->ifd >= 0)
		close(w->ifd);
	sigprocmask(SIG_SETMASK, &w->oldmask, NULL);
	free(w->reports);
	free(w->pending);
	free(w->wds);
	free(w);
}

static bool
watch_wd_used(const struct watch *w, int wd)
{
	for (size_t r = 0; r < w->nreports; r++)
		for (size_t i = 0; i < w->reports[r].ninputs; i++)
			if (w->reports[r].inputs[i].wd == wd)
				return true;
	return false;
}

/* Remember wd as held; release the held watches no report uses. */
static void
watch_sync_wds(struct watch *w)
{
	size_t keep = 0;

	for (size_t i = 0; i < w->nwds; i++) {
		if (watch_wd_used(w, w->wds[i]))
			w->wds[keep++] = w->wds[i];
		else
			inotify_rm_watch(w->ifd, w->wds[i]);
	}
	w->nwds = keep;
}

static void
watch_hold_wd(struct watch *w, int wd)
{
	for (size_t i = 0; i < w->nwds; i++)
		if (w->wds[i] == wd)
			return;
	w->wds = xreallocarray(w->wds, w->nwds + 1, sizeof *w->wds);
	w->wds[w->nwds++] = wd;
}

/* Watch the folder of path for path's name; while that folder does not
 * exist, the nearest existing folder above it for the name of the first
 * missing one, so that making it again (a checkout, an unpacked archive)
 * is seen. */
static void
watch_add_point(struct watch *w, struct watch_report *wr, const char *path,
    struct diags *d)
{
	char *dir = g_path_get_dirname(path);
	char *base = g_path_get_basename(path);
	int wd;

	while ((wd = inotify_add_watch(w->ifd, dir, WATCH_MASK)) < 0 &&
	    (errno == ENOENT || errno == ENOTDIR) && strcmp(dir, ".") != 0 &&
	    strcmp(dir, "/") != 0) {
		char *up = g_path_get_dirname(dir);
		g_free(base);
		base = g_path_get_basename(dir);
		g_free(dir);
		dir = up;
	}
	if (wd < 0)
		diag_warning(d, srcpos_at(path, 0, 0), "cannot watch the "
		    "folder %s: %s", dir, strerror(errno));
	else
		watch_hold_wd(w, wd);
	if (wr->ninputs == wr->cap) {
		wr->cap = wr->cap ? wr->cap * 2 : 8;
		wr->inputs = xreallocarray(wr->inputs, wr->cap,
		    sizeof *wr->inputs);
	}
	/* The same folder under two spellings gives the same wd. */
	wr->inputs[wr->ninputs++] = (struct watch_input){ wd, xstrdup(base) };
	g_free(base);
	g_free(dir);
}

/* Where the link at path leads (relative targets taken from its folder),
 * or NULL when path is no link.  Caller frees. */
static char *
watch_link_target(const char *path)
{
	char buf[4096], *dir, *out;
	ssize_t n = readlink(path, buf, sizeof buf - 1);

	if (n < 0)
		return NULL;
	buf[n] = '\0';
	if (buf[0] == '/')
		return xstrdup(buf);
	dir = g_path_get_dirname(path);
	out = xasprintf("%s/%s", dir, buf);
	g_free(dir);
	return out;
}

/* Folders on the way to path that are links (data -> ../shared/data):
 * their own names are watched, so that pointing one elsewhere is seen. */
static void
watch_add_folder_links(struct watch *w, struct watch_report *wr,
    const char *path, struct diags *d)
{
	char *p = xstrdup(path);

	for (char *slash = strchr(p + 1, '/'); slash;
	    slash = strchr(slash + 1, '/')) {
		struct stat st;
		*slash = '\0';
		if (lstat(p, &st) == 0 && S_ISLNK(st.st_mode))
			watch_add_point(w, wr, p, d);
		*slash = '/';
	}
	free(p);
}

/* The file at path, and every link it passes through to its target. */
static void
watch_add_input(struct watch *w, struct watch_report *wr, const char *path,
    struct diags *d)
{
	char *cur = xstrdup(path), *next;

	watch_add_folder_links(w, wr, path, d);
	watch_add_point(w, wr, cur, d);
	for (int hop = 0; hop < WATCH_MAX_LINKS &&
	    (next = watch_link_target(cur)) != NULL; hop++) {
		free(cur);
		cur = next;
		watch_add_point(w, wr, cur, d);
	}
	free(cur);
}

void
watch_set_inputs(struct watch *w, size_t r, const char *const *paths,
    size_t n, struct diags *d)
{
	struct watch_report *wr = &w->reports[r];

	watch_report_clear(wr);
	for (size_t i = 0; i < n; i++)
		watch_add_input(w, wr, paths[i], d);
	watch_sync_wds(w);
}

/* Nanoseconds since the epoch. */
static long long
watch_ns(const struct timespec *t)
{
	return (long long)t->tv_sec * 1000000000 + t->tv_nsec;
}

/* A file's ctime is the coarse clock, or later (Linux's multigrain
 * stamps: the fine clock when someone looked since the last change, and
 * never earlier than the latest such stamp of any file), yet never later
 * than the fine clock at the change.  So the render's moment is the fine
 * clock now, once the coarse clock has passed it: a change made before
 * is stamped before it, one made after at or after it.  The next tick was
 * not enough: a change in the tick's last moments, stamped with another
 * file's fine time, came out after the tick (check-watch, under load). At
 * most a tick away: 4 ms at HZ=250. */
void
watch_stamp(struct timespec *since)
{
	struct timespec fine, c, nap = { 0, 200 * 1000 };

	clock_gettime(CLOCK_REALTIME, &fine);
	do {
		nanosleep(&nap, NULL);
		clock_gettime(CLOCK_REALTIME_COARSE, &c);
	} while (watch_ns(&c) <= watch_ns(&fine));
	*since = fine;
}

/* Changed (ctime) at or after since and no later than now: a time later
 * than now is a clock that was set back, not a change. */
static bool
watch_changed_since(const char *path, long long since, long long now)
{
	struct stat st;
	long long c;

	if (stat(path, &st) != 0)
		return false;
	c = watch_ns(&st.st_ctim);
	return c >= since && c <= now;
}

void
watch_recheck(struct watch *w, size_t r, const char *const *paths,
    size_t n, const struct timespec *since)
{
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	for (size_t i = 0; i < n; i++)
		if (watch_changed_since(paths[i], watch_ns(since),
		    watch_ns(&now))) {
			w->pending[r] = true;
			w->due = watch_now() + WATCH_SETTLE_MS;
			return;
		}
}

/* Mark the reports that read name in the folder of wd (any name in it,
 * when name is NULL: the folder itself went). */
static void
watch_match(struct watch *w, int wd, const char *name, uint32_t mask)
{
	bool hit = false;

	for (size_t r = 0; r < w->nreports; r++)
		for (size_t i = 0; i < w->reports[r].ninputs; i++) {
			const struct watch_input *in = &w->reports[r].inputs[i];
			if (in->wd == wd && (name == NULL ||
			    strcmp(in->name, name) == 0)) {
				w->pending[r] = true;
				hit = true;
			}
		}
	/* The last event of a burst decides how long to wait. */
	if (hit)
		w->due = watch_now() + (mask & WATCH_COMPLETE ?
		    WATCH_SETTLE_MS : WATCH_DEBOUNCE_MS);
}

static void
watch_read_events(struct watch *w)
{
	char buf[8192] __attribute__((aligned(__alignof__(
	    struct inotify_event))));
	ssize_t n;

	while ((n = read(w->ifd, buf, sizeof buf)) > 0) {
		for (char *p = buf; p < buf + n; ) {
			const struct inotify_event *ev = (void *)p;
			if (ev->mask & IN_Q_OVERFLOW) {
				/* Events were lost: assume everything. */
				for (size_t r = 0; r < w->nreports; r++)
					w->pending[r] = true;
				w->due = watch_now() + WATCH_DEBOUNCE_MS;
			} else if (ev->mask & WATCH_SELF) {
				watch_match(w, ev->wd, NULL, ev->mask);
			} else if (ev->len > 0) {
				watch_match(w, ev->wd, ev->name, ev->mask);
			}
			p += sizeof *ev + ev->len;
		}
	}
}

/* The poll timeout: until the reports are due or the caller's limit. */
static int
watch_timeout(const struct watch *w, long long limit)
{
	long long now = watch_now(), until = limit;

	if (w->due && (until < 0 || w->due < until))
		until = w->due;
	if (until < 0)
		return -1;
	return until <= now ? 0 : (int)(until - now);
}

enum watch_event
watch_wait(struct watch *w, bool *changed, int timeout_ms)
{
	long long limit = timeout_ms < 0 ? -1 : watch_now() + timeout_ms;
	struct pollfd pfd[2] = { { w->sfd, POLLIN, 0 },
	    { w->ifd, POLLIN, 0 } };
	struct signalfd_siginfo si;

	for (;;) {
		if (poll(pfd, 2, watch_timeout(w, limit)) < 0 &&
		    errno != EINTR)
			return WATCH_STOP;
		if (read(w->sfd, &si, sizeof si) == sizeof si)
			return WATCH_STOP;
		watch_read_events(w);
		if (w->due && watch_now() >= w->due) {
			memcpy(changed, w->pending, w->nreports *
			    sizeof *changed);
			memset(w->pending, 0, w->nreports * sizeof *w->pending);
			w->due = 0;
			return WATCH_CHANGED;
		}
		if (limit >= 0 && watch_now() >= limit)
			return WATCH_TIMEOUT;
	}
}
