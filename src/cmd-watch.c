/* cmd-watch: `figpress watch` — render, then render again each report
 * whose files changed, printing one line a render, until Ctrl-C or
 * SIGTERM. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cmd.h"
#include "fonts.h"
#include "render.h"
#include "watch.h"
#include "xmalloc.h"

struct watch_target {
	const char *report;
	char *out;
	const char *outdir;	/* -o, or NULL: beside the report */
	const char *root;	/* --root, or NULL for the default */
};

static long long
cmd_watch_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* "14:02:33 ", the wall-clock time a line is printed at. */
static void
cmd_watch_stamp(FILE *fp)
{
	time_t now = time(NULL);
	struct tm tm;
	char buf[16];

	localtime_r(&now, &tm);
	strftime(buf, sizeof buf, "%H:%M:%S", &tm);
	fprintf(fp, "%s ", buf);
}

/* The -o folder, created when missing; NULL (beside each report) when no
 * -o was given.  Returns false on a usage error. */
static bool
cmd_watch_outdir(const char *dir)
{
	struct stat st;

	if (dir == NULL)
		return true;
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return false;
	return stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The line of a failed render, saying whether a previous PDF is there
 * (it is never touched by a failure). */
static void
cmd_watch_failed(const struct watch_target *t, const struct diags *d)
{
	struct stat st;

	if (stat(t->out, &st) == 0)
		printf("%s: failed (%zu error%s), %s left as it was\n",
		    t->report, d->errors, d->errors == 1 ? "" : "s", t->out);
	else
		printf("%s: failed (%zu error%s), no %s written\n", t->report,
		    d->errors, d->errors == 1 ? "" : "s", t->out);
}

/* Render one report, print its line (stdout) and diagnostics (stderr),
 * and watch what it read — on failure, what it read up to the failure.
 * A save while the render ran may predate the watch: watch_recheck. */
static void
cmd_watch_render(struct watch *w, size_t r, const struct watch_target *t)
{
	struct render_job job = { .report = t->report, .out = t->out,
	    .format = "pdf", .root = t->root };
	struct render_result res;
	struct diags d;
	struct timespec since;
	long long start;
	bool ok;

	watch_stamp(&since);
	start = cmd_watch_ms();
	diags_init(&d);
	/* The -o folder removed while watching is made again. */
	cmd_watch_outdir(t->outdir);
	ok = render_report(&job, &res, &d);
	cmd_watch_stamp(stdout);
	if (ok)
		printf("%s: %zu page%s, %lld ms\n", t->report, res.pages,
		    res.pages == 1 ? "" : "s", cmd_watch_ms() - start);
	else
		cmd_watch_failed(t, &d);
	fflush(stdout);
	watch_set_inputs(w, r, (const char *const *)res.inputs, res.ninputs,
	    &d);
	watch_recheck(w, r, (const char *const *)res.inputs, res.ninputs,
	    &since);
	diags_print(&d, stderr);
	fflush(stderr);
	diags_release(&d);
	render_result_release(&res);
}

static int
cmd_watch_usage(const char *msg)
{
	cmd_usage_error("watch", msg);
	return 2;
}

static int
cmd_watch_parse(int argc, char **argv, const char **outdir,
    const char **root)
{
	static const struct option longopts[] = {
		{ "root", required_argument, NULL, 'R' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	*outdir = NULL;
	*root = NULL;
	optind = 1;
	opterr = 0;	/* cmd_bad_option says it, once */
	while ((c = getopt_long(argc, argv, ":o:", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': *outdir = optarg; break;
		case 'R': *root = optarg; break;
		case 'h': cmd_usage(stdout); return 0;
		default: return cmd_bad_option("watch", c, argv, optind);
		}
	}
	if (optind >= argc)
		return cmd_watch_usage("no report given");
	if (!cmd_watch_outdir(*outdir))
		return cmd_watch_usage("-o must name a folder");
	return -1;
}

static void
cmd_watch_free_targets(struct watch_target *t, size_t n)
{
	for (size_t r = 0; r < n; r++)
		free(t[r].out);
	free(t);
}

/* Render everything once, then whatever changes, until a signal. */
static void
cmd_watch_loop(struct watch *w, struct watch_target *t, size_t n)
{
	bool *changed = xcalloc(n, sizeof *changed);

	for (size_t r = 0; r < n; r++)
		cmd_watch_render(w, r, &t[r]);
	while (watch_wait(w, changed, -1) == WATCH_CHANGED)
		for (size_t r = 0; r < n; r++)
			if (changed[r])
				cmd_watch_render(w, r, &t[r]);
	free(changed);
}

/* The targets of the reports; NULL after a usage error when two
 * different reports would be written to one PDF. */
static struct watch_target *
cmd_watch_targets(char **reports, size_t n, const char *outdir,
    const char *root)
{
	struct watch_target *t = xcalloc(n, sizeof *t);

	for (size_t r = 0; r < n; r++) {
		t[r].report = reports[r];
		t[r].out = render_default_output(t[r].report, outdir, "pdf");
		t[r].outdir = outdir;
		t[r].root = root;
		for (size_t q = 0; q < r; q++) {
			char *msg;
			if (!render_same_file(t[q].out, t[r].out) ||
			    render_same_file(t[q].report, t[r].report))
				continue;
			msg = xasprintf("%s and %s would both be written to %s",
			    t[q].report, t[r].report, t[r].out);
			cmd_watch_usage(msg);
			free(msg);
			cmd_watch_free_targets(t, r + 1);
			return NULL;
		}
	}
	return t;
}

int
cmd_watch(int argc, char **argv)
{
	const char *outdir, *root;
	int status = cmd_watch_parse(argc, argv, &outdir, &root);
	size_t n = (size_t)(argc - optind);
	struct watch_target *t;
	struct watch *w;
	struct diags d;

	if (status >= 0)
		return status;
	t = cmd_watch_targets(argv + optind, n, outdir, root);
	if (t == NULL)
		return 2;
	diags_init(&d);
	/* Before fonts_init: the signals must be blocked before any
	 * library starts a thread. */
	w = watch_new(n, &d);
	if (w == NULL || !fonts_init(cmd_argv0, &d)) {
		diags_print(&d, stderr);
		diags_release(&d);
		watch_free(w);
		cmd_watch_free_targets(t, n);
		return 1;
	}
	cmd_watch_loop(w, t, n);
	cmd_watch_free_targets(t, n);
	watch_free(w);
	fonts_shutdown();
	diags_release(&d);
	return 0;
}
