/* main: the command line — dispatches to the subcommands of cmd.h. */
#include <stdio.h>
#include <string.h>

#include "cmd.h"

const char *cmd_argv0 = "figpress";

/* The synopsis, which a usage error repeats, then the whole help. */
static const char usage_synopsis[] =
"usage: figpress render REPORT.md... [-o OUT] [--format pdf|svg|png]\n"
"                       [--handout 2|4] [--grayscale] [--paper A4|A5|Letter]\n"
"                       [--dpi N] [-M DEPFILE] [--strict] [--root DIR]\n"
"       figpress extract [--lang vi|en] [FILE...]\n"
"       figpress watch REPORT.md... [-o DIR] [--root DIR]\n"
"       figpress --help | --version\n";

static const char usage_options[] =
"\n"
"render   lay out Markdown reports with their CSV data into PDF (or SVG/PNG)\n"
"  -o OUT              output file (one report) or folder (existing, or ending\n"
"                      in /); default: REPORT.pdf beside the source\n"
"  --format FMT        pdf (default), svg or png (one file per page, numbered:\n"
"                      REPORT-1.svg ...)\n"
"  --handout N         impose N pages (2 or 4) on each sheet (default name:\n"
"                      REPORT-handout.pdf)\n"
"  --grayscale         grey tones and hatch patterns instead of colour\n"
"  --paper SIZE        A4, A5 or Letter, optionally \"A4 landscape\" (overrides\n"
"                      the front matter; with --handout the sheet, default A4)\n"
"  --dpi N             resolution of --format png, 10 to 600 (default 150)\n"
"  -M DEPFILE          write a Make rule listing every file the render read\n"
"  --strict            treat warnings as errors\n"
"  --root DIR          data files must lie under DIR (default: the parent of\n"
"                      the report's folder); links out of it are refused\n"
"extract  print the figures found in prose as CSV:\n"
"         line,column,text,value,unit,bound,context\n"
"  --lang L            vi or en (default: guessed from the text)\n"
"watch    render, then render again whenever a file a report read changes\n"
"  -o DIR              the folder for the PDFs (default: beside each report)\n"
"  --root DIR          as for render\n"
"\n"
"Errors are printed as FILE:LINE:COL: error: MESSAGE.  Exit status: 0 done,\n"
"1 an input or render error, 2 a usage error.  SOURCE_DATE_EPOCH (or the\n"
"front-matter date) makes the output byte-for-byte reproducible.\n";

void
cmd_usage(FILE *fp)
{
	fputs(usage_synopsis, fp);
	fputs(usage_options, fp);
}

void
cmd_usage_error(const char *command, const char *msg)
{
	if (command)
		fprintf(stderr, "figpress %s: %s\n", command, msg);
	else
		fprintf(stderr, "figpress: %s\n", msg);
	fputs(usage_synopsis, stderr);
	fputs("Try 'figpress --help' for the options.\n", stderr);
}

int
cmd_bad_option(const char *command, int c, char **argv, int optind_now)
{
	char msg[112];

	snprintf(msg, sizeof msg, c == ':' ? "option '%.60s' needs a value" :
	    "unknown option '%.60s'", argv[optind_now - 1]);
	cmd_usage_error(command, msg);
	return 2;
}

int
main(int argc, char **argv)
{
	cmd_argv0 = argv[0];
	if (argc < 2) {
		cmd_usage_error(NULL, "no command given");
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		cmd_usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("figpress %s\n", FIGPRESS_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "render") == 0)
		return cmd_render(argc - 1, argv + 1);
	if (strcmp(argv[1], "extract") == 0)
		return cmd_extract(argc - 1, argv + 1);
	if (strcmp(argv[1], "watch") == 0)
		return cmd_watch(argc - 1, argv + 1);
	char msg[96];
	snprintf(msg, sizeof msg, "unknown %s '%.60s'",
	    argv[1][0] == '-' ? "option" : "command", argv[1]);
	cmd_usage_error(NULL, msg);
	return 2;
}
