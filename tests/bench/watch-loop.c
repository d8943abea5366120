/* watch-loop: the time from saving a CSV to the new PDF in place, with
 * `figpress watch` running.  Run by watch-loop.sh in a scratch copy of the
 * repository (reports/, data/); C rather than shell so that no process is
 * started inside the measured interval.
 * Usage: watch-loop FIGPRESS N */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Save data/ai-spend.csv as an editor does: a new file renamed over. */
static void
save(int i)
{
	FILE *fp = fopen("data/.ai-spend.csv.tmp", "w");

	if (fp == NULL) {
		perror("data/.ai-spend.csv.tmp");
		exit(1);
	}
	fprintf(fp, "entity,amount,note\n"
	    "DeepSeek (chi phí huấn luyện mô hình V3),\"khoảng 5,%d triệu "
	    "USD\",\nMeta (kế hoạch chi cho AI năm 2025),\"hơn 60 tỷ USD\",\n",
	    i % 9 + 1);
	fclose(fp);
	if (rename("data/.ai-spend.csv.tmp", "data/ai-spend.csv") != 0) {
		perror("rename");
		exit(1);
	}
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int
main(int argc, char **argv)
{
	int fds[2], n = argc > 2 ? atoi(argv[2]) : 20;
	double *total, *render;
	char line[512];
	FILE *in;
	pid_t pid;

	if (argc < 2 || n < 1 || pipe(fds) != 0)
		return 2;
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		execl(argv[1], argv[1], "watch", "reports/briefing.md", "-o",
		    "out", (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	in = fdopen(fds[0], "r");
	total = calloc((size_t)n, sizeof *total);
	render = calloc((size_t)n, sizeof *render);
	if (fgets(line, sizeof line, in) == NULL)	/* the first render */
		return 1;
	for (int i = 0; i < n; i++) {
		double t0 = now_ms();
		const char *ms;
		save(i);
		if (fgets(line, sizeof line, in) == NULL ||
		    (ms = strstr(line, "pages, ")) == NULL) {
			fprintf(stderr, "watch-loop: render failed: %s", line);
			return 1;
		}
		total[i] = now_ms() - t0;
		render[i] = atof(ms + 7);
		/* Let each run stand alone. */
		nanosleep(&(struct timespec){ 0, 150 * 1000 * 1000 }, NULL);
	}
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	/* median() sorts: min and max are read after it. */
	double mt = median(total, n), mr = median(render, n);
	printf("watch-loop: save CSV -> new PDF in place: median %.1f ms "
	    "(min %.1f, max %.1f, %d runs); the render itself: median %.0f "
	    "ms\n", mt, total[0], total[n - 1], n, mr);
	free(total);
	free(render);
	return 0;
}
