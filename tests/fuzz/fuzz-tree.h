/* fuzz-tree: the folder the report targets read from — a scratch copy of
 * the briefing's and the unit reports' CSV data, so that fuzzed charts,
 * tables and {{references}} reach real data:
 *   ROOT/data/NAME.csv          (../data/NAME.csv in a report)
 *   ROOT/reports/data/NAME.csv  (data/NAME.csv in a report)
 *   ROOT/reports/fuzz.md       (the name the fuzzed report goes by)
 * Header-only: each target is one translation unit. */
#ifndef FIGPRESS_FUZZ_TREE_H
#define FIGPRESS_FUZZ_TREE_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xmalloc.h"

static const struct {
	const char *path;
	const char *text;
} fuzz_tree_files[] = {
	{ "data/ai-spend.csv",
	    "entity,amount,note\n"
	    "DeepSeek (chi phí huấn luyện mô hình V3),"
	    "\"khoảng 5,6 triệu USD\",Con số DeepSeek tự công bố\n"
	    "Meta (kế hoạch chi cho AI năm 2025),\"hơn 60 tỷ USD\","
	    "Kế hoạch chi đầu tư\n" },
	{ "data/meta-q4-2024.csv",
	    "chỉ số,giá trị,tăng trưởng\n"
	    "Doanh thu,\"48,39 tỷ USD\",22%\n"
	    "Lợi nhuận,\"20,8 tỷ USD\",43%\n" },
	{ "data/meta-users.csv",
	    "chỉ số,số người,tăng trưởng\n"
	    "Người dùng hằng ngày các ứng dụng Meta,"
	    "\"hơn 3,35 tỷ người dùng\",5%\n"
	    "Mục tiêu người dùng Llama năm 2025,\"1 tỷ người dùng\",\n" },
	{ "reports/data/plain.csv",
	    "name,a,b,note\n"
	    "Alpha,42,7,first\n"
	    "Beta (v.2),84,21,second\n"
	    "Gamma,,3,third\n" },
	{ "reports/data/spend.csv",
	    "entity,amount,year\n"
	    "DeepSeek,\"khoảng 5,6 triệu USD\",2024\n"
	    "Meta,hơn 60 tỷ USD,2025\n" },
	{ "reports/data/two.csv",
	    "name,a,b\n"
	    "Alpha,42,7\n"
	    "Beta (v.2),84,21\n" },
};

/* Build the tree beside the fuzzer binary (build/fuzz/fuzz-NAME.tree),
 * written afresh at each start so it never piles up; returns ROOT, which
 * lives as long as the fuzzer.  Exits when it cannot. */
static const char *
fuzz_tree_make(void)
{
	static const char *const dirs[] = { "", "/data", "/reports",
	    "/reports/data" };
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *root;

	if (n <= 0) {
		perror("/proc/self/exe");
		exit(1);
	}
	exe[n] = '\0';
	root = xasprintf("%s.tree", exe);
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		char *dir = xasprintf("%s%s", root, dirs[i]);
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			perror(dir);
			exit(1);
		}
		free(dir);
	}
	for (size_t i = 0; i < sizeof fuzz_tree_files /
	    sizeof fuzz_tree_files[0]; i++) {
		char *path = xasprintf("%s/%s", root, fuzz_tree_files[i].path);
		FILE *fp = fopen(path, "wb");

		if (fp == NULL || fputs(fuzz_tree_files[i].text, fp) < 0 ||
		    fclose(fp) != 0) {
			perror(path);
			exit(1);
		}
		free(path);
	}
	return root;
}

#endif
