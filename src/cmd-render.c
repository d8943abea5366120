/* cmd-render: `figpress render` — reports to PDF, one after another,
 * continuing past a failed one. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "fonts.h"
#include "render.h"
#include "xmalloc.h"

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

/* The output of report: -o itself (one report), REPORT.pdf in -o's
 * folder, or REPORT.pdf beside the report. */
static char *
render_output_path(const struct render_args *a, const char *report)
{
	size_t olen;

	if (a->out == NULL)
		return render_default_output(report, NULL, "pdf");
	olen = strlen(a->out);
	if (is_directory(a->out) || (olen > 0 && a->out[olen - 1] == '/'))
		return render_default_output(report, a->out, "pdf");
	return xstrdup(a->out);
}

static bool
render_one(const struct render_args *a, const char *report, struct diags *d)
{
	struct render_job job = { report, NULL, a->format, a->handout,
	    a->grayscale, a->paper, a->dpi, a->depfile, a->root, a->strict };
	char *out = render_output_path(a, report);
	bool ok;

	job.out = out;
	ok = render_report(&job, NULL, d);
	free(out);
	return ok;
}

static int
render_usage_error(const char *msg)
{
	fprintf(stderr, "figpress render: %s\n", msg);
	cmd_usage(stderr);
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
	int c;

	memset(a, 0, sizeof *a);
	a->format = "pdf";
	a->dpi = 150;
	optind = 1;
	opterr = 1;
	while ((c = getopt_long(argc, argv, "o:M:", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': a->out = optarg; break;
		case 'M': a->depfile = optarg; break;
		case 'f': a->format = optarg; break;
		case 'H': a->handout = atoi(optarg); break;
		case 'g': a->grayscale = true; break;
		case 'p': a->paper = optarg; break;
		case 'r': a->dpi = atoi(optarg); break;
		case 's': a->strict = true; break;
		case 'R': a->root = optarg; break;
		case 'h': cmd_usage(stdout); return 0;
		default: return render_usage_error("bad option");
		}
	}
	if (optind >= argc)
		return render_usage_error("no report given");
	if (strcmp(a->format, "pdf") != 0)
		return render_usage_error("only --format pdf is built yet");
	if (a->handout != 0)
		return render_usage_error("--handout is not built yet");
	if (a->paper && strcmp(a->paper, "A4") != 0 &&
	    strcmp(a->paper, "A5") != 0 && strcmp(a->paper, "Letter") != 0)
		return render_usage_error("--paper takes A4, A5 or Letter");
	if (argc - optind > 1 && a->out && !is_directory(a->out) &&
	    a->out[strlen(a->out) - 1] != '/')
		return render_usage_error("-o must name a folder when "
		    "rendering several reports");
	if (argc - optind > 1 && a->depfile)
		return render_usage_error("-M takes one report");
	return -1;
}

int
cmd_render(int argc, char **argv)
{
	struct render_args a;
	struct diags d;
	int status = render_parse(argc, argv, &a);
	bool failed = false;

	if (status >= 0)
		return status;
	diags_init(&d);
	if (!fonts_init(cmd_argv0, &d)) {
		diags_print(&d, stderr);
		diags_release(&d);
		return 1;
	}
	for (int i = optind; i < argc; i++) {
		if (!render_one(&a, argv[i], &d))
			failed = true;
		if (a.strict && d.count > 0)
			failed = true;
		diags_print(&d, stderr);
		diags_release(&d);
	}
	fonts_shutdown();
	return failed ? 1 : 0;
}
