/* check-sandbox: the containment check on paths (strings), then on a real
 * tree of files, links and folders, and through the report reader. */
#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc.h"
#include "report.h"
#include "sandbox.h"
#include "xmalloc.h"

static const struct {
	const char *root;
	const char *path;
	bool inside;
} contains_cases[] = {
	{ "/a/b", "/a/b", true },
	{ "/a/b", "/a/b/c.csv", true },
	{ "/a/b", "/a/b/c/d/e.csv", true },
	{ "/a/b", "/a/bc.csv", false },	/* a prefix, not a folder */
	{ "/a/b", "/a/bc/d.csv", false },
	{ "/a/b", "/a", false },
	{ "/a/b", "/a/c/b.csv", false },
	{ "/a/b", "/etc/passwd", false },
	{ "/", "/etc/passwd", true },
	{ "/", "/", true },
	{ "/a/b", "", false },
};

START_TEST(test_sandbox_contains)
{
	ck_assert_msg(sandbox_contains(contains_cases[_i].root,
	    contains_cases[_i].path) == contains_cases[_i].inside,
	    "%s in %s", contains_cases[_i].path, contains_cases[_i].root);
}
END_TEST

/* A scratch tree, built once for the tree tests:
 *   T/outside.csv
 *   T/root/ok.csv  T/root/sub/  T/root/reports/
 *   T/root/link-in -> ok.csv       T/root/link-out -> ../outside.csv
 *   T/root/zero -> /dev/zero       T/root/up -> ..  (a folder link) */
static char tree[PATH_MAX];

static void
put(const char *rel, const char *text)
{
	char *path = xasprintf("%s/%s", tree, rel);
	FILE *fp = fopen(path, "w");

	ck_assert_ptr_nonnull(fp);
	fputs(text, fp);
	fclose(fp);
	free(path);
}

static void
link_to(const char *target, const char *rel)
{
	char *path = xasprintf("%s/%s", tree, rel);

	ck_assert_int_eq(symlink(target, path), 0);
	free(path);
}

static void
tree_setup(void)
{
	char *p;

	snprintf(tree, sizeof tree, "%s/figpress-sandbox.XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(tree));
	p = realpath(tree, NULL);	/* TMPDIR may itself be a link */
	snprintf(tree, sizeof tree, "%s", p);
	free(p);
	for (const char *const *d = (const char *const[]){ "root", "root/sub",
	    "root/reports", NULL }; *d; d++) {
		p = xasprintf("%s/%s", tree, *d);
		ck_assert_int_eq(mkdir(p, 0700), 0);
		free(p);
	}
	put("outside.csv", "a,b\nx,1\n");
	put("root/ok.csv", "name,v\nx,1\n");
	link_to("ok.csv", "root/link-in");
	link_to("../outside.csv", "root/link-out");
	link_to("/dev/zero", "root/zero");
	link_to("..", "root/up");
}

static void
tree_teardown(void)
{
	char *cmd = xasprintf("rm -rf '%s'", tree);

	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
}

static const struct {
	const char *written;
	const char *error;	/* in the message, or NULL when allowed */
} check_cases[] = {
	{ "ok.csv", NULL },
	{ "sub/../ok.csv", NULL },
	{ "link-in", NULL },
	{ "missing.csv", NULL },	/* the loader says it is missing */
	{ "sub/missing.csv", NULL },
	{ "../outside.csv", "outside the report's root" },
	{ "sub/../../outside.csv", "outside the report's root" },
	{ "../missing.csv", "outside the report's root" },
	{ "link-out", "outside.csv, outside the report's root" },
	{ "zero", "leads to /dev/zero, outside" },
	{ "up/outside.csv", "outside the report's root" },
	{ "up", "outside the report's root" },
	{ "/etc/passwd", "is an absolute path" },
	{ "/dev/zero", "is an absolute path" },
};

START_TEST(test_sandbox_check)
{
	struct sandbox sb;
	struct diags d;
	char *root = xasprintf("%s/root", tree);
	char *path = xasprintf("%s/%s", root, check_cases[_i].written);
	bool ok;

	diags_init(&d);
	ck_assert(sandbox_init(&sb, root, &d));
	ck_assert_str_eq(sb.root, root);
	ok = sandbox_check(&sb, check_cases[_i].written, path, "data",
	    srcpos_at("r.md", 7, 7), &d);
	if (check_cases[_i].error == NULL) {
		ck_assert_msg(ok, "%s refused", check_cases[_i].written);
		ck_assert_uint_eq(d.count, 0);
	} else {
		ck_assert_msg(!ok, "%s allowed", check_cases[_i].written);
		ck_assert_uint_eq(d.count, 1);
		ck_assert_str_eq(d.items[0].file, "r.md");
		ck_assert_int_eq(d.items[0].line, 7);
		ck_assert_int_eq(d.items[0].col, 7);
		ck_assert_msg(strstr(d.items[0].message,
		    check_cases[_i].error) != NULL, "%s: %s",
		    check_cases[_i].written, d.items[0].message);
		ck_assert(strncmp(d.items[0].message, "data: ", 6) == 0);
	}
	sandbox_release(&sb);
	diags_release(&d);
	free(path);
	free(root);
}
END_TEST

START_TEST(test_sandbox_default_root)
{
	char *report = xasprintf("%s/root/reports/r.md", tree);
	char *want = xasprintf("%s/root", tree);
	char *got = sandbox_default_root(report);
	char *cwd = getcwd(NULL, 0), *here;

	ck_assert_str_eq(got, want);
	free(got);
	/* A bare name: the parent of the current folder. */
	ck_assert_int_eq(chdir(want), 0);
	here = sandbox_default_root("r.md");
	ck_assert_str_eq(here, tree);
	ck_assert_int_eq(chdir(cwd), 0);
	free(here);
	free(cwd);
	free(want);
	free(report);
}
END_TEST

START_TEST(test_sandbox_init_refuses)
{
	struct sandbox sb;
	struct diags d;
	char *missing = xasprintf("%s/nowhere", tree);
	char *file = xasprintf("%s/outside.csv", tree);

	diags_init(&d);
	ck_assert(!sandbox_init(&sb, missing, &d));
	ck_assert(!sandbox_init(&sb, file, &d));
	ck_assert_uint_eq(d.errors, 2);
	ck_assert_str_eq(d.items[0].file, missing);
	ck_assert_ptr_nonnull(strstr(d.items[0].message, "--root"));
	ck_assert_ptr_nonnull(strstr(d.items[1].message, "not a folder"));
	ck_assert_ptr_null(sb.root);
	diags_release(&d);
	free(file);
	free(missing);
}
END_TEST

/* Through the reader: the error stands at the report line of the key, and
 * nothing outside the root is read (or listed as an input). */
START_TEST(test_sandbox_report)
{
	static const char text[] =
	    "# T\n"
	    "\n"
	    "```table\n"
	    "data: ../../outside.csv\n"
	    "```\n"
	    "\n"
	    "```table\n"
	    "data: ../ok.csv\n"
	    "```\n";
	char *path = xasprintf("%s/root/reports/r.md", tree);
	struct report_options opt = { 0 };
	struct diags d;
	struct doc *doc;

	diags_init(&d);
	doc = report_load_buffer(path, text, sizeof text - 1, &opt, &d);
	ck_assert_ptr_null(doc);
	ck_assert_uint_eq(d.errors, 1);
	ck_assert_str_eq(d.items[0].file, path);
	ck_assert_int_eq(d.items[0].line, 4);
	ck_assert_ptr_nonnull(strstr(d.items[0].message, "outside"));
	diags_release(&d);
	/* --root widens it: the same report reads outside.csv. */
	opt.root = tree;
	doc = report_load_buffer(path, text, sizeof text - 1, &opt, &d);
	ck_assert_msg(doc != NULL, "%s", d.count ? d.items[0].message : "");
	ck_assert_uint_eq(doc->ninputs, 3);
	doc_free(doc);
	diags_release(&d);
	free(path);
}
END_TEST

/* The hook: root/swap, an inside link when checked, points outside by the
 * time it is opened, as a racing attacker's rename would have it. */
static void
swap_out(void *ctx)
{
	char *link = xasprintf("%s/root/swap", tree);
	char *tmp = xasprintf("%s/root/swap.tmp", tree);

	(void)ctx;
	ck_assert_int_eq(symlink("../outside.csv", tmp), 0);
	ck_assert_int_eq(rename(tmp, link), 0);
	free(tmp);
	free(link);
}

/* sandbox_read judges the file it opened, not the name it checked: a link
 * swapped in between reads nothing from outside (before, one render in 20
 * under a swapping loop printed outside.csv in its PDF). */
START_TEST(test_sandbox_read_swapped_link)
{
	char *root = xasprintf("%s/root", tree);
	char *path = xasprintf("%s/root/swap", tree);
	struct sandbox sb;
	struct diags d;
	size_t len = 0;
	char *buf;

	unlink(path);
	link_to("ok.csv", "root/swap");
	diags_init(&d);
	ck_assert(sandbox_init(&sb, root, &d));
	buf = sandbox_read(&sb, "swap", path, "data", srcpos_at("r.md", 3, 7),
	    1024, &len, &d);
	ck_assert_ptr_nonnull(buf);
	ck_assert_str_eq(buf, "name,v\nx,1\n");
	free(buf);
	sb.before_open = swap_out;
	buf = sandbox_read(&sb, "swap", path, "data", srcpos_at("r.md", 3, 7),
	    1024, &len, &d);
	ck_assert_ptr_null(buf);
	ck_assert_uint_eq(d.errors, 1);
	ck_assert_int_eq(d.items[0].line, 3);
	ck_assert_msg(strstr(d.items[0].message, "outside.csv, outside the "
	    "report's root") != NULL, "%s", d.items[0].message);
	sandbox_release(&sb);
	diags_release(&d);
	unlink(path);
	free(path);
	free(root);
}
END_TEST

/* What is no regular file is refused before a byte is read; the cap
 * bounds a device. */
START_TEST(test_sandbox_read_kinds)
{
	char *root = xasprintf("%s/root", tree);
	char *sub = xasprintf("%s/root/sub", tree);
	char *zero = xasprintf("%s/root/zero", tree);
	struct sandbox sb;
	struct diags d;
	size_t len = 0;
	char *buf;

	diags_init(&d);
	ck_assert(sandbox_init(&sb, "/", &d));
	ck_assert_ptr_null(sandbox_read(&sb, "sub", sub, "data",
	    srcpos_at("r.md", 1, 1), 1024, &len, &d));
	ck_assert_ptr_nonnull(strstr(d.items[0].message, "is a directory"));
	buf = sandbox_read(&sb, "zero", zero, "data", srcpos_at("r.md", 1, 1),
	    100000, &len, &d);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(len, 100001);
	free(buf);
	ck_assert_uint_eq(d.count, 1);
	sandbox_release(&sb);
	diags_release(&d);
	free(zero);
	free(sub);
	free(root);
}
END_TEST

Suite *
sandbox_suite(void)
{
	Suite *s = suite_create("sandbox");
	TCase *tc = tcase_create("paths");
	TCase *tree_tc = tcase_create("tree");

	tcase_add_loop_test(tc, test_sandbox_contains, 0,
	    sizeof contains_cases / sizeof contains_cases[0]);
	suite_add_tcase(s, tc);
	tcase_add_unchecked_fixture(tree_tc, tree_setup, tree_teardown);
	tcase_add_loop_test(tree_tc, test_sandbox_check, 0,
	    sizeof check_cases / sizeof check_cases[0]);
	tcase_add_test(tree_tc, test_sandbox_default_root);
	tcase_add_test(tree_tc, test_sandbox_init_refuses);
	tcase_add_test(tree_tc, test_sandbox_report);
	tcase_add_test(tree_tc, test_sandbox_read_swapped_link);
	tcase_add_test(tree_tc, test_sandbox_read_kinds);
	suite_add_tcase(s, tree_tc);
	return s;
}
