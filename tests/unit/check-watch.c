/* check-watch: which reports a change in a folder makes due, and when. */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "watch.h"
#include "xmalloc.h"

static char dir[] = "/tmp/check-watch.XXXXXX";

static void
dir_setup(void)
{
	strcpy(dir, "/tmp/check-watch.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	setenv("WATCH_TEST_DIR", dir, 1);
}

static void
dir_teardown(void)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
}

static char *
path_of(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static void
put(const char *name, const char *text)
{
	char *p = path_of(name);
	FILE *fp = fopen(p, "w");

	ck_assert_ptr_nonnull(fp);
	fputs(text, fp);
	fclose(fp);
	free(p);
}

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Two reports: 0 reads a.md and x.csv, 1 reads b.md and x.csv. */
static struct watch *
two_reports(void)
{
	struct diags d;
	struct watch *w;
	char *a = path_of("a.md"), *b = path_of("b.md"), *x = path_of("x.csv");
	const char *in0[] = { a, x }, *in1[] = { b, x };

	put("a.md", "a");
	put("b.md", "b");
	put("x.csv", "x");
	diags_init(&d);
	w = watch_new(2, &d);
	ck_assert_ptr_nonnull(w);
	watch_set_inputs(w, 0, in0, 2, &d);
	watch_set_inputs(w, 1, in1, 2, &d);
	ck_assert_uint_eq(d.count, 0);
	diags_release(&d);
	free(a);
	free(b);
	free(x);
	return w;
}

START_TEST(test_watch_nothing)
{
	struct watch *w = two_reports();
	bool changed[2];

	put("other.csv", "not read by anyone");
	ck_assert_int_eq(watch_wait(w, changed, 150), WATCH_TIMEOUT);
	watch_free(w);
}
END_TEST

/* What happens to a file, and which reports become due. */
enum change { WRITE_A, WRITE_X, RENAME_OVER_B, DELETE_X, RECREATE_A };

struct watch_case {
	enum change change;
	bool due0, due1;
};

static const struct watch_case watch_cases[] = {
	{ WRITE_A, true, false },
	{ WRITE_X, true, true },
	{ RENAME_OVER_B, false, true },
	{ DELETE_X, true, true },
	{ RECREATE_A, true, false },
};

static void
do_change(enum change c)
{
	char *from = path_of("b.md.tmp"), *to = path_of("b.md");
	char *a = path_of("a.md"), *x = path_of("x.csv");

	switch (c) {
	case WRITE_A: put("a.md", "new a"); break;
	case WRITE_X: put("x.csv", "new x"); break;
	case RENAME_OVER_B:
		put("b.md.tmp", "new b");
		ck_assert_int_eq(rename(from, to), 0);
		break;
	case DELETE_X: ck_assert_int_eq(unlink(x), 0); break;
	case RECREATE_A:
		ck_assert_int_eq(unlink(a), 0);
		put("a.md", "again");
		break;
	}
	free(from);
	free(to);
	free(a);
	free(x);
}

START_TEST(test_watch_change)
{
	const struct watch_case *c = &watch_cases[_i];
	struct watch *w = two_reports();
	bool changed[2] = { false, false };
	long long start = now_ms();

	do_change(c->change);
	ck_assert_int_eq(watch_wait(w, changed, 2000), WATCH_CHANGED);
	ck_assert_int_lt(now_ms() - start, 1000);
	ck_assert_int_eq(changed[0], c->due0);
	ck_assert_int_eq(changed[1], c->due1);
	/* One burst, one answer. */
	ck_assert_int_eq(watch_wait(w, changed, 150), WATCH_TIMEOUT);
	watch_free(w);
}
END_TEST

/* Events spread over a burst: due only once the burst is quiet. */
START_TEST(test_watch_burst)
{
	struct watch *w = two_reports();
	bool changed[2];
	long long last;

	for (int i = 0; i < 5; i++) {
		put("a.md", "step");
		usleep(15 * 1000);	/* less than the settle time apart */
	}
	last = now_ms();
	ck_assert_int_eq(watch_wait(w, changed, 2000), WATCH_CHANGED);
	ck_assert_int_ge(now_ms() - last, WATCH_SETTLE_MS - 15);
	ck_assert(changed[0] && !changed[1]);
	ck_assert_int_eq(watch_wait(w, changed, 150), WATCH_TIMEOUT);
	watch_free(w);
}
END_TEST

/* A new list replaces the old: the file dropped no longer counts. */
START_TEST(test_watch_new_inputs)
{
	struct watch *w = two_reports();
	bool changed[2];
	char *a = path_of("a.md"), *y = path_of("y.csv");
	const char *in0[] = { a, y };
	struct diags d;

	diags_init(&d);
	watch_set_inputs(w, 0, in0, 2, &d);
	put("y.csv", "created after the list");
	ck_assert_int_eq(watch_wait(w, changed, 2000), WATCH_CHANGED);
	ck_assert(changed[0] && !changed[1]);
	put("x.csv", "only report 1 reads this now");
	ck_assert_int_eq(watch_wait(w, changed, 2000), WATCH_CHANGED);
	ck_assert(!changed[0] && changed[1]);
	diags_release(&d);
	free(a);
	free(y);
	watch_free(w);
}
END_TEST

/* A file whose folder does not exist (yet, or any more: a checkout, an
 * unpacked archive, rm -rf and a copy back) is seen once the folder and
 * the file are made: no warning, and the report is due. */
START_TEST(test_watch_missing_folder)
{
	char *sub = path_of("data"), *deep = path_of("data/more"),
	    *in = path_of("data/more/x.csv");
	const char *ins[] = { in };
	bool changed[1];
	struct diags d;
	struct watch *w;

	diags_init(&d);
	w = watch_new(1, &d);
	watch_set_inputs(w, 0, ins, 1, &d);
	ck_assert_uint_eq(d.count, 0);
	ck_assert_int_eq(mkdir(sub, 0755), 0);
	ck_assert_int_eq(mkdir(deep, 0755), 0);
	put("data/more/x.csv", "made");
	ck_assert_int_eq(watch_wait(w, changed, 2000), WATCH_CHANGED);
	ck_assert(changed[0]);
	/* The watch now follows the folder; removed, it is due again. */
	watch_set_inputs(w, 0, ins, 1, &d);
	ck_assert_int_eq(system("rm -rf \"$WATCH_TEST_DIR\"/data"), 0);
	ck_assert_int_eq(watch_wait(w, changed, 2000), WATCH_CHANGED);
	ck_assert(changed[0]);
	watch_set_inputs(w, 0, ins, 1, &d);
	ck_assert_int_eq(mkdir(sub, 0755), 0);
	ck_assert_int_eq(mkdir(deep, 0755), 0);
	put("data/more/x.csv", "made again");
	ck_assert_int_eq(watch_wait(w, changed, 2000), WATCH_CHANGED);
	ck_assert(changed[0]);
	ck_assert_uint_eq(d.count, 0);
	watch_free(w);
	diags_release(&d);
	free(sub);
	free(deep);
	free(in);
}
END_TEST

/* data/x.csv -> ../real/x.csv: saving the target, or pointing the link
 * elsewhere, makes the report due. */
START_TEST(test_watch_links)
{
	char *data = path_of("data"), *real = path_of("real"),
	    *link = path_of("data/x.csv"), *tmp = path_of("data/x.tmp");
	const char *ins[] = { link };
	bool changed[1];
	struct diags d;
	struct watch *w;

	ck_assert_int_eq(mkdir(data, 0755), 0);
	ck_assert_int_eq(mkdir(real, 0755), 0);
	put("real/x.csv", "v1");
	put("real/y.csv", "other");
	ck_assert_int_eq(symlink("../real/x.csv", link), 0);
	diags_init(&d);
	w = watch_new(1, &d);
	watch_set_inputs(w, 0, ins, 1, &d);
	put("real/y.csv", "not read");
	ck_assert_int_eq(watch_wait(w, changed, 150), WATCH_TIMEOUT);
	put("real/x.csv", "v2");
	ck_assert_int_eq(watch_wait(w, changed, 2000), WATCH_CHANGED);
	ck_assert(changed[0]);
	ck_assert_int_eq(symlink("../real/y.csv", tmp), 0);
	ck_assert_int_eq(rename(tmp, link), 0);
	ck_assert_int_eq(watch_wait(w, changed, 2000), WATCH_CHANGED);
	ck_assert(changed[0]);
	ck_assert_uint_eq(d.count, 0);
	watch_free(w);
	diags_release(&d);
	free(data);
	free(real);
	free(link);
	free(tmp);
}
END_TEST

/* A file saved after the render began but before watch_set_inputs (the
 * first render of watch, or a file new to the report): watch_recheck
 * makes the report due; a file older than the render does not. */
START_TEST(test_watch_recheck)
{
	char *x = path_of("x.csv"), *y = path_of("y.csv");
	const char *ins[] = { x, y };
	struct timespec since;
	bool changed[1];
	struct diags d;
	struct watch *w;

	put("y.csv", "old");
	watch_stamp(&since);
	diags_init(&d);
	w = watch_new(1, &d);
	watch_recheck(w, 0, ins + 1, 1, &since);
	ck_assert_int_eq(watch_wait(w, changed, 150), WATCH_TIMEOUT);
	put("x.csv", "saved while rendering");
	watch_set_inputs(w, 0, ins, 2, &d);
	watch_recheck(w, 0, ins, 2, &since);
	ck_assert_int_eq(watch_wait(w, changed, 2000), WATCH_CHANGED);
	ck_assert(changed[0]);
	watch_free(w);
	diags_release(&d);
	free(x);
	free(y);
}
END_TEST

static long long
ctime_ns(const char *name)
{
	char *p = path_of(name);
	struct stat st;

	ck_assert_int_eq(stat(p, &st), 0);
	free(p);
	return (long long)st.st_ctim.tv_sec * 1000000000 + st.st_ctim.tv_nsec;
}

/* watch_stamp parts the changes before it from those after, even while
 * another process has files stamped with the fine clock (Linux then
 * stamps every change no earlier than those): under make check -j2 the
 * next tick of the coarse clock was earlier than a change made before
 * it, and a render was made due for nothing. */
START_TEST(test_watch_stamp_orders_changes)
{
	pid_t busy = fork();
	long long before_late = 0, after_early = 0;
	struct timespec since;

	ck_assert_int_ge(busy, 0);
	if (busy == 0) {
		char *p = path_of("busy");
		struct stat st;

		for (;;) {
			FILE *fp = fopen(p, "w");
			if (fp)
				fclose(fp);
			stat(p, &st);
		}
	}
	/* Asserted after the busy process is gone: a failed assertion ends
	 * this one at once. */
	for (int i = 0; i < 100 && before_late == 0 && after_early == 0;
	    i++) {
		long long at;

		put("before", "x");
		watch_stamp(&since);
		at = (long long)since.tv_sec * 1000000000 + since.tv_nsec;
		put("after", "x");
		if (ctime_ns("before") >= at)
			before_late = ctime_ns("before") - at + 1;
		if (ctime_ns("after") < at)
			after_early = at - ctime_ns("after");
	}
	kill(busy, SIGKILL);
	waitpid(busy, NULL, 0);
	ck_assert_msg(before_late == 0, "a change before the stamp is "
	    "stamped %lld ns after it", before_late - 1);
	ck_assert_msg(after_early == 0, "a change after the stamp is "
	    "stamped %lld ns before it", after_early);
}
END_TEST

Suite *
watch_suite(void)
{
	Suite *s = suite_create("watch");
	TCase *tc = tcase_create("watch");

	tcase_add_checked_fixture(tc, dir_setup, dir_teardown);
	tcase_add_test(tc, test_watch_nothing);
	tcase_add_loop_test(tc, test_watch_change, 0,
	    sizeof watch_cases / sizeof watch_cases[0]);
	tcase_add_test(tc, test_watch_burst);
	tcase_add_test(tc, test_watch_new_inputs);
	tcase_add_test(tc, test_watch_missing_folder);
	tcase_add_test(tc, test_watch_links);
	tcase_add_test(tc, test_watch_recheck);
	tcase_add_test(tc, test_watch_stamp_orders_changes);
	suite_add_tcase(s, tc);
	return s;
}
