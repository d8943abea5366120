/* cmd-extract: `figpress extract` — figures found in prose, as CSV. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "diag.h"
#include "extract.h"
#include "lang.h"
#include "xmalloc.h"

/* Its own usage text, not cmd_usage(): main.c, which holds that, is not
 * linked into the unit-test runner, and this is what the reader needs. */
static const char cmd_extract_help[] =
"usage: figpress extract [--lang vi|en] [FILE...]\n"
"Print the figures found in prose (FILE, or standard input) as CSV:\n"
"  line,column,text,value,unit,bound,context\n"
"  --lang L    vi or en (default: guessed from each text)\n";

static int
cmd_extract_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A usage error: the message, the usage text, exit status 2. */
static int
cmd_extract_usage(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "figpress extract: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fputs(cmd_extract_help, stderr);
	return 2;
}

/* Print the rows of l to stdout; false on a write error. */
static bool
cmd_extract_print(const struct extract_list *l)
{
	for (size_t i = 0; i < l->count; i++) {
		char *row = extract_csv_row(&l->items[i]);
		bool ok = fputs(row, stdout) >= 0;
		free(row);
		if (!ok)
			return false;
	}
	return true;
}

/* Extract one file (NULL: stdin) and print what it gave; false when it
 * had an error. */
static bool
cmd_extract_one(const char *path, const enum lang *lang, bool *write_ok)
{
	struct extract_list l;
	struct diags d;
	bool ok;

	extract_list_init(&l);
	diags_init(&d);
	ok = extract_file(path, lang, &l, &d);
	if (!cmd_extract_print(&l))
		*write_ok = false;
	diags_print(&d, stderr);
	ok = ok && !diags_failed(&d);
	diags_release(&d);
	extract_list_release(&l);
	return ok;
}

/* Options into *lang and *have_lang, file operands into files; 0 to go
 * on, else the exit status. */
static int
cmd_extract_args(int argc, char **argv, enum lang *lang, bool *have_lang,
    const char **files, int *nfiles)
{
	bool dashdash = false;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = NULL;
		if (dashdash || a[0] != '-' || strcmp(a, "-") == 0) {
			files[(*nfiles)++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			dashdash = true;
			continue;
		}
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(cmd_extract_help, stdout);
			return -1;
		}
		if (strncmp(a, "--lang=", 7) == 0)
			v = a + 7;
		else if (strcmp(a, "--lang") == 0 && i + 1 < argc)
			v = argv[++i];
		else if (strcmp(a, "--lang") == 0)
			return cmd_extract_usage("%s needs vi or en", a);
		else
			return cmd_extract_usage("unknown option '%s'", a);
		if (!lang_parse(v, lang))
			return cmd_extract_usage("--lang must be vi or en, not "
			    "'%s'", v);
		*have_lang = true;
	}
	return 0;
}

int
cmd_extract(int argc, char **argv)
{
	enum lang lang = LANG_VI;
	bool have_lang = false, ok = true, write_ok = true;
	const char **files = xcalloc((size_t)argc + 1, sizeof *files);
	int nfiles = 0, status;

	status = cmd_extract_args(argc, argv, &lang, &have_lang, files,
	    &nfiles);
	if (status != 0) {
		free(files);
		return status < 0 ? 0 : status;
	}
	fputs(EXTRACT_CSV_HEADER, stdout);
	if (nfiles == 0)
		ok = cmd_extract_one(NULL, have_lang ? &lang : NULL, &write_ok);
	for (int i = 0; i < nfiles; i++) {
		const char *path = strcmp(files[i], "-") == 0 ? NULL : files[i];
		if (!cmd_extract_one(path, have_lang ? &lang : NULL,
		    &write_ok))
			ok = false;
	}
	free(files);
	if (fflush(stdout) != 0 || ferror(stdout) || !write_ok) {
		fprintf(stderr, "figpress: error: cannot write the CSV to "
		    "standard output\n");
		return 1;
	}
	return ok ? 0 : 1;
}
