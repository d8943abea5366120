/* check-atomic: output replaced atomically — the old file survives every
 * failure byte for byte, and no temporary file is left behind. */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <unistd.h>

#include "atomic.h"
#include "xmalloc.h"

static const char old_bytes[] = "%PDF-1.5 the previous good file\n";

/* A fresh folder holding target.pdf with old_bytes; caller frees both. */
static char *
make_dir(char **target)
{
	char *dir = xstrdup("/tmp/check-atomic.XXXXXX");
	FILE *fp;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	*target = xasprintf("%s/target.pdf", dir);
	fp = fopen(*target, "wb");
	ck_assert_ptr_nonnull(fp);
	fputs(old_bytes, fp);
	fclose(fp);
	return dir;
}

/* The whole of path, NUL-terminated; NULL when unreadable. */
static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf = xmalloc(4096);
	size_t n;

	if (fp == NULL) {
		free(buf);
		return NULL;
	}
	n = fread(buf, 1, 4095, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

/* Entries of dir other than target.pdf, "." and "..". */
static int
count_others(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(dp);
	while ((e = readdir(dp)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
		    strcmp(e->d_name, "target.pdf"))
			n++;
	closedir(dp);
	return n;
}

static void
remove_dir(char *dir, char *target)
{
	unlink(target);
	ck_assert_int_eq(rmdir(dir), 0);	/* fails when a file is left */
	free(target);
	free(dir);
}

static void
assert_old(const char *target)
{
	char *now = slurp(target);

	ck_assert_ptr_nonnull(now);
	ck_assert_str_eq(now, old_bytes);
	free(now);
}

START_TEST(test_atomic_commit_replaces)
{
	char *target, *dir = make_dir(&target), *now;
	struct atomic_file af;
	struct diags d;
	struct stat st;

	diags_init(&d);
	ck_assert(atomic_open(&af, target, &d));
	ck_assert_ptr_nonnull(strstr(af.tmp, "/.target.pdf."));
	ck_assert(atomic_write(&af, "new ", 4));
	/* Until the commit the target is the old file. */
	assert_old(target);
	ck_assert_int_eq(count_others(dir), 1);
	ck_assert(atomic_write(&af, "bytes", 5));
	ck_assert(atomic_commit(&af, &d));
	ck_assert_uint_eq(d.count, 0);
	now = slurp(target);
	ck_assert_str_eq(now, "new bytes");
	ck_assert_int_eq(stat(target, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0644);
	ck_assert_int_eq(count_others(dir), 0);
	free(now);
	remove_dir(dir, target);
	diags_release(&d);
}
END_TEST

/* A disk that fills up after fail_after bytes, at each point of a write
 * sequence: commit refuses, names the target and the cause. */
static const size_t fail_points[] = { 1, 3, 4, 5, 8 };

START_TEST(test_atomic_full_disk)
{
	char *target, *dir = make_dir(&target), *msg;
	struct atomic_file af;
	struct diags d;
	bool all = true;

	diags_init(&d);
	ck_assert(atomic_open(&af, target, &d));
	af.fail_after = fail_points[_i];
	all &= atomic_write(&af, "new ", 4);
	all &= atomic_write(&af, "bytes", 5);
	ck_assert(!all);
	ck_assert(af.failed);
	ck_assert(!atomic_write(&af, "x", 1));	/* stays failed */
	ck_assert(!atomic_commit(&af, &d));
	ck_assert(diags_failed(&d));
	msg = diag_format(&d.items[0]);
	ck_assert_ptr_nonnull(strstr(msg, target));
	ck_assert_ptr_nonnull(strstr(msg, strerror(ENOSPC)));
	assert_old(target);
	ck_assert_int_eq(count_others(dir), 0);
	ck_assert_ptr_null(af.tmp);
	free(msg);
	remove_dir(dir, target);
	diags_release(&d);
}
END_TEST

START_TEST(test_atomic_limit_not_reached)
{
	char *target, *dir = make_dir(&target);
	struct atomic_file af;
	struct diags d;

	diags_init(&d);
	ck_assert(atomic_open(&af, target, &d));
	af.fail_after = 9;		/* exactly enough */
	ck_assert(atomic_write(&af, "new ", 4));
	ck_assert(atomic_write(&af, "bytes", 5));
	ck_assert(atomic_commit(&af, &d));
	ck_assert_int_eq(count_others(dir), 0);
	remove_dir(dir, target);
	diags_release(&d);
}
END_TEST

START_TEST(test_atomic_abort)
{
	char *target, *dir = make_dir(&target);
	struct atomic_file af;
	struct diags d;

	diags_init(&d);
	ck_assert(atomic_open(&af, target, &d));
	ck_assert(atomic_write(&af, "half a PDF", 10));
	atomic_abort(&af);
	atomic_abort(&af);		/* twice is harmless */
	ck_assert_uint_eq(d.count, 0);
	assert_old(target);
	ck_assert_int_eq(count_others(dir), 0);
	remove_dir(dir, target);
	diags_release(&d);
}
END_TEST

START_TEST(test_atomic_missing_folder)
{
	struct atomic_file af;
	struct diags d;
	char *msg;

	diags_init(&d);
	ck_assert(!atomic_open(&af, "/tmp/no-such-dir-figpress/x.pdf", &d));
	ck_assert(diags_failed(&d));
	msg = diag_format(&d.items[0]);
	ck_assert_ptr_nonnull(strstr(msg, "/tmp/no-such-dir-figpress/x.pdf"));
	ck_assert_ptr_nonnull(strstr(msg, "cannot write"));
	ck_assert_ptr_null(af.tmp);
	free(msg);
	diags_release(&d);
}
END_TEST

/* The rename itself fails (the target became a folder after the open):
 * the folder stays, the temporary file goes. */
START_TEST(test_atomic_rename_fails)
{
	char *target, *dir = make_dir(&target), *sub;
	struct atomic_file af;
	struct diags d;

	diags_init(&d);
	sub = xasprintf("%s/sub", dir);
	ck_assert(atomic_open(&af, sub, &d));
	ck_assert_int_eq(mkdir(sub, 0755), 0);
	ck_assert(atomic_write(&af, "x", 1));
	ck_assert(!atomic_commit(&af, &d));
	ck_assert(diags_failed(&d));
	ck_assert_int_eq(count_others(dir), 1);	/* sub only */
	ck_assert_int_eq(rmdir(sub), 0);
	free(sub);
	remove_dir(dir, target);
	diags_release(&d);
}
END_TEST

/* What a rename must not replace is refused at the open, before any
 * temporary file: a folder, a device (as root, -o /dev/null replaced
 * /dev/null with a PDF), a FIFO, a link to a device. */
enum special { SP_FOLDER, SP_DEVICE, SP_FIFO, SP_LINK_DEVICE };

START_TEST(test_atomic_refuses_special)
{
	char *target, *dir = make_dir(&target), *p, *msg;
	struct atomic_file af;
	struct diags d;
	struct stat st;
	int made = 0;

	p = xasprintf("%s/out", dir);
	switch ((enum special)_i) {
	case SP_FOLDER: made = mkdir(p, 0755); break;
	case SP_DEVICE: made = mknod(p, S_IFCHR | 0644, makedev(1, 3)); break;
	case SP_FIFO: made = mkfifo(p, 0644); break;
	case SP_LINK_DEVICE: made = symlink("/dev/null", p); break;
	}
	if (made != 0 && errno == EPERM) {	/* mknod needs root */
		free(p);
		remove_dir(dir, target);
		return;
	}
	ck_assert_int_eq(made, 0);
	diags_init(&d);
	ck_assert(!atomic_open(&af, p, &d));
	ck_assert(diags_failed(&d));
	msg = diag_format(&d.items[0]);
	ck_assert_msg(strstr(msg, _i == SP_FOLDER ? "a folder" :
	    "not a regular file") != NULL, "%s", msg);
	ck_assert_int_eq(lstat(p, &st), 0);
	ck_assert(_i == SP_FOLDER ? S_ISDIR(st.st_mode) : _i == SP_DEVICE ?
	    S_ISCHR(st.st_mode) : _i == SP_FIFO ? S_ISFIFO(st.st_mode) :
	    S_ISLNK(st.st_mode));
	ck_assert_int_eq(count_others(dir), 1);	/* out only */
	if (_i == SP_FOLDER)
		rmdir(p);
	else
		unlink(p);
	free(msg);
	free(p);
	remove_dir(dir, target);
	diags_release(&d);
}
END_TEST

/* A private file stays private when replaced; a link to a regular file
 * is itself replaced, its target untouched. */
START_TEST(test_atomic_keeps_mode_replaces_link)
{
	char *target, *dir = make_dir(&target), *link, *now;
	struct atomic_file af;
	struct diags d;
	struct stat st;

	diags_init(&d);
	ck_assert_int_eq(chmod(target, 0600), 0);
	ck_assert(atomic_open(&af, target, &d));
	ck_assert(atomic_write(&af, "new", 3));
	ck_assert(atomic_commit(&af, &d));
	ck_assert_int_eq(stat(target, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	link = xasprintf("%s/link.pdf", dir);
	ck_assert_int_eq(symlink("target.pdf", link), 0);
	ck_assert(atomic_open(&af, link, &d));
	ck_assert(atomic_write(&af, "via link", 8));
	ck_assert(atomic_commit(&af, &d));
	ck_assert_int_eq(lstat(link, &st), 0);
	ck_assert(S_ISREG(st.st_mode));
	now = slurp(target);
	ck_assert_str_eq(now, "new");
	ck_assert_uint_eq(d.count, 0);
	unlink(link);
	free(now);
	free(link);
	remove_dir(dir, target);
	diags_release(&d);
}
END_TEST

/* atomic_finish lets a set of files be written one after another with a
 * descriptor at a time; atomic_remove_temporaries (what a signal handler
 * calls) removes every one not yet committed. */
START_TEST(test_atomic_finish_and_remove)
{
	char *target, *dir = make_dir(&target);
	struct atomic_file af[3];
	struct diags d;
	char *p[3];

	diags_init(&d);
	for (int i = 0; i < 3; i++) {
		p[i] = xasprintf("%s/page-%d.svg", dir, i + 1);
		ck_assert(atomic_open(&af[i], p[i], &d));
		ck_assert(atomic_write(&af[i], "svg", 3));
		ck_assert(atomic_finish(&af[i], &d));
		ck_assert_ptr_null(af[i].fp);
	}
	ck_assert(atomic_commit(&af[0], &d));
	ck_assert_int_eq(count_others(dir), 3);
	atomic_remove_temporaries();
	ck_assert_int_eq(count_others(dir), 1);	/* the committed page */
	ck_assert_int_eq(access(p[0], F_OK), 0);
	for (int i = 0; i < 3; i++) {
		atomic_abort(&af[i]);
		unlink(p[i]);
		free(p[i]);
	}
	ck_assert_uint_eq(d.count, 0);
	remove_dir(dir, target);
	diags_release(&d);
}
END_TEST

/* Leftovers of killed renders: the old ones of this target go, a fresh
 * one (a render still running) and other targets' stay. */
START_TEST(test_atomic_sweep)
{
	char *target, *dir = make_dir(&target);
	const char *names[] = { ".target.pdf.AbCd12", ".target.pdf.XyZ789",
	    ".other.pdf.AbCd12", ".target.pdf.toolong1" };
	const bool old[] = { true, false, true, true };
	const bool kept[] = { false, true, true, true };
	struct atomic_file af;
	struct diags d;

	for (int i = 0; i < 4; i++) {
		char *p = xasprintf("%s/%s", dir, names[i]);
		time_t then = time(NULL) - 2 * ATOMIC_STALE_SECONDS;
		struct timeval tv[2] = { { then, 0 }, { then, 0 } };
		FILE *fp = fopen(p, "w");
		ck_assert_ptr_nonnull(fp);
		fclose(fp);
		if (old[i])
			ck_assert_int_eq(utimes(p, tv), 0);
		free(p);
	}
	diags_init(&d);
	ck_assert(atomic_open(&af, target, &d));
	ck_assert(atomic_commit(&af, &d));
	for (int i = 0; i < 4; i++) {
		char *p = xasprintf("%s/%s", dir, names[i]);
		ck_assert_msg((access(p, F_OK) == 0) == kept[i], "%s",
		    names[i]);
		unlink(p);
		free(p);
	}
	remove_dir(dir, target);
	diags_release(&d);
}
END_TEST

Suite *
atomic_suite(void)
{
	Suite *s = suite_create("atomic");
	TCase *tc = tcase_create("atomic");

	tcase_add_test(tc, test_atomic_commit_replaces);
	tcase_add_loop_test(tc, test_atomic_full_disk, 0,
	    sizeof fail_points / sizeof fail_points[0]);
	tcase_add_test(tc, test_atomic_limit_not_reached);
	tcase_add_test(tc, test_atomic_abort);
	tcase_add_test(tc, test_atomic_missing_folder);
	tcase_add_test(tc, test_atomic_rename_fails);
	tcase_add_loop_test(tc, test_atomic_refuses_special, SP_FOLDER,
	    SP_LINK_DEVICE + 1);
	tcase_add_test(tc, test_atomic_keeps_mode_replaces_link);
	tcase_add_test(tc, test_atomic_finish_and_remove);
	tcase_add_test(tc, test_atomic_sweep);
	suite_add_tcase(s, tc);
	return s;
}
