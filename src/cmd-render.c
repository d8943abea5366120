/* cmd-render: `figpress render` — reports to PDF, handouts, SVG or PNG,
 * one after another, continuing past a failed one. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "cmd.h"
#include "fonts.h"
#include "frontmatter.h"
#include "render.h"
#include "xmalloc.h"

/* PNG resolution bounds: a thumbnail to a print proof (600 dpi A4 is
 * already 139 MB of pixels in memory). */
#define RENDER_DPI_MIN 10
#define RENDER_DPI_MAX 600

struct render_args {
	const char *out;
	const char *format;
	int handout;
	bool grayscale;
	const char *paper;
	int dpi;
	const char *depfile;
	bool strict;
	const char *root;
};

static bool
is_directory(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A default name for a handout gets "-handout" before its extension, so
 * it never replaces the report's own PDF: REPORT-handout.pdf. */
static char *
render_handout_name(char *path, const char *ext)
{
	size_t stem = strlen(path) - strlen(ext) - 1;
	char *named = xasprintf("%.*s-handout.%s", (int)stem, path, ext);

	free(path);
	return named;
}

/* The output of report: -o itself (one report), REPORT.pdf in -o's
 * folder, or REPORT.pdf beside the report (REPORT.svg and REPORT.png name
 * the pages REPORT-1.svg …; see output_page_path). */
static char *
render_output_path(const struct render_args *a, const char *report)
{
	size_t olen = a->out ? strlen(a->out) : 0;
	char *path;

	if (a->out && !is_directory(a->out) &&
	    !(olen > 0 && a->out[olen - 1] == '/'))
		return xstrdup(a->out);
	path = render_default_output(report, a->out, a->format);
	return a->handout ? render_handout_name(path, a->format) : path;
}

/* A whole decimal number in [lo, hi], nothing else. */
static bool
render_int_arg(const char *s, int lo, int hi, int *out)
{
	long v = 0;

	if (*s == '\0')
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > hi)
			return false;
		v = v * 10 + (*s - '0');
	}
	if (v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

/* A report this long shows a progress bar on its own. */
#define RENDER_BAR_PAGES 10
#define RENDER_BAR_WIDTH 24

/* The progress bar on stderr, drawn only on a terminal, for long work:
 * several reports, or one of many pages.  It lives on one line, redrawn
 * with CR and cleared (CR, erase line) before anything else is printed. */
struct render_bar {
	bool tty;
	size_t report;		/* 0-based index of the report in hand */
	size_t nreports;
	const char *name;
	bool shown;
};

static void
render_bar_clear(struct render_bar *b)
{
	if (b->shown)
		fputs("\r\033[K", stderr);
	b->shown = false;
}

/* render_job.progress: pages done of total in the current report. */
static void
render_bar_page(void *ctx, size_t done, size_t total)
{
	struct render_bar *b = ctx;
	double part = total ? (double)done / (double)total : 0;
	size_t fill = (size_t)(((double)b->report + part) /
	    (double)b->nreports * RENDER_BAR_WIDTH + 0.5);

	if (!b->tty || (b->nreports < 2 && total < RENDER_BAR_PAGES))
		return;
	fprintf(stderr, "\r[%.*s%*s] %zu/%zu %s", (int)fill,
	    "########################", (int)(RENDER_BAR_WIDTH - fill), "",
	    b->report + 1, b->nreports, b->name);
	if (total > 0)
		fprintf(stderr, ", page %zu/%zu", done, total);
	fputs("\033[K", stderr);
	fflush(stderr);
	b->shown = true;
}

static bool
render_one(const struct render_args *a, const char *report,
    struct render_bar *bar, struct diags *d)
{
	struct render_job job = { .report = report, .format = a->format,
	    .handout = a->handout, .grayscale = a->grayscale,
	    .paper = a->paper, .dpi = a->dpi, .depfile = a->depfile,
	    .root = a->root, .strict = a->strict,
	    .progress = render_bar_page, .progress_ctx = bar };
	char *out = render_output_path(a, report);
	bool ok;

	job.out = out;
	bar->name = report;
	render_bar_page(bar, 0, 0);
	ok = render_report(&job, NULL, d);
	free(out);
	return ok;
}

/* Ctrl-C, kill or a closed terminal in the middle of a render: the
 * temporary files go (the outputs were never touched), then the signal
 * ends the process as it would have. */
static void
render_on_signal(int sig)
{
	atomic_remove_temporaries();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* A signal the shell told us to ignore (a background job's SIGINT, nohup's
 * SIGHUP) stays ignored. */
static void
render_catch_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa, old;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = render_on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
}

static int
render_usage_error(const char *msg)
{
	cmd_usage_error("render", msg);
	return 2;
}

static int
render_parse(int argc, char **argv, struct render_args *a)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "handout", required_argument, NULL, 'H' },
		{ "grayscale", no_argument, NULL, 'g' },
		{ "paper", required_argument, NULL, 'p' },
		{ "dpi", required_argument, NULL, 'r' },
		{ "strict", no_argument, NULL, 's' },
		{ "root", required_argument, NULL, 'R' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum paper paper;
	int c, orient;

	memset(a, 0, sizeof *a);
	a->format = "pdf";
	a->dpi = 150;
	optind = 1;
	opterr = 0;	/* cmd_bad_option says it, once */
	while ((c = getopt_long(argc, argv, ":o:M:", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': a->out = optarg; break;
		case 'M': a->depfile = optarg; break;
		case 'f': a->format = optarg; break;
		case 'H':
			if (!render_int_arg(optarg, 2, 4, &a->handout) ||
			    a->handout == 3)
				return render_usage_error("--handout takes 2 "
				    "or 4");
			break;
		case 'g': a->grayscale = true; break;
		case 'p': a->paper = optarg; break;
		case 'r':
			if (!render_int_arg(optarg, RENDER_DPI_MIN,
			    RENDER_DPI_MAX, &a->dpi))
				return render_usage_error("--dpi takes a whole "
				    "number from 10 to 600");
			break;
		case 's': a->strict = true; break;
		case 'R': a->root = optarg; break;
		case 'h': cmd_usage(stdout); return 0;
		default: return cmd_bad_option("render", c, argv, optind);
		}
	}
	if (optind >= argc)
		return render_usage_error("no report given");
	if (strcmp(a->format, "pdf") != 0 && strcmp(a->format, "svg") != 0 &&
	    strcmp(a->format, "png") != 0)
		return render_usage_error("--format takes pdf, svg or png");
	if (a->paper && !frontmatter_paper(a->paper, &paper, &orient))
		return render_usage_error("--paper takes A4, A5 or Letter, "
		    "optionally with landscape (\"A4 landscape\")");
	if (argc - optind > 1 && a->out && !is_directory(a->out) &&
	    a->out[strlen(a->out) - 1] != '/')
		return render_usage_error("-o must name a folder when "
		    "rendering several reports");
	if (argc - optind > 1 && a->depfile)
		return render_usage_error("-M takes one report");
	return -1;
}

/* Two reports rendered to one file (reports/a/x.md and reports/b/x.md
 * with -o out/) would leave only the last: a usage error, before any
 * work.  The same report named twice is only rendered twice. */
static int
render_check_collisions(const struct render_args *a, char **reports,
    size_t n)
{
	char **outs = xcalloc(n, sizeof *outs);
	int status = -1;

	for (size_t i = 0; i < n; i++)
		outs[i] = render_output_path(a, reports[i]);
	for (size_t i = 0; i < n && status < 0; i++)
		for (size_t j = 0; j < i && status < 0; j++)
			if (render_same_file(outs[i], outs[j]) &&
			    !render_same_file(reports[i], reports[j])) {
				char *msg = xasprintf("%s and %s would both be "
				    "written to %s", reports[j], reports[i],
				    outs[i]);
				status = render_usage_error(msg);
				free(msg);
			}
	for (size_t i = 0; i < n; i++)
		free(outs[i]);
	free(outs);
	return status;
}

int
cmd_render(int argc, char **argv)
{
	struct render_args a;
	struct diags d;
	int status = render_parse(argc, argv, &a);
	struct render_bar bar = { isatty(STDERR_FILENO), 0, 0, NULL, false };
	size_t nfailed = 0;

	if (status < 0)
		status = render_check_collisions(&a, argv + optind,
		    (size_t)(argc - optind));
	if (status >= 0)
		return status;
	render_catch_signals();
	diags_init(&d);
	if (!fonts_init(cmd_argv0, &d)) {
		diags_print(&d, stderr);
		diags_release(&d);
		return 1;
	}
	/* One report's failure does not stop the others; each failure is
	 * reported, and the status says whether any failed. */
	bar.nreports = (size_t)(argc - optind);
	for (int i = optind; i < argc; i++) {
		bool ok = render_one(&a, argv[i], &bar, &d);
		if (!ok || (a.strict && d.count > 0))
			nfailed++;
		if (d.count > 0)
			render_bar_clear(&bar);
		diags_print(&d, stderr);
		diags_release(&d);
		bar.report++;
	}
	render_bar_clear(&bar);
	if (nfailed > 0 && bar.nreports > 1)
		fprintf(stderr, "figpress: %zu of %zu reports failed\n",
		    nfailed, bar.nreports);
	fonts_shutdown();
	return nfailed > 0 ? 1 : 0;
}
