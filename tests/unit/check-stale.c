/* check-stale: literal figures in prose checked against the rows their
 * sentences name. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "stale.h"
#include "table.h"
#include "xmalloc.h"

static const char spend_csv[] =
    "entity,amount,note\n"
    "DeepSeek (chi phí),\"khoảng 7,1 triệu USD\",\n"
    "Meta,\"hơn 60 tỷ USD\",\n";
static const char meta_csv[] =
    "chỉ số,giá trị,tăng trưởng\n"
    "Doanh thu,\"48,39 tỷ USD\",22%\n"
    "Lợi nhuận,\"20,8 tỷ USD\",43%\n";

#define W_DS(pos, text) "r.md:" pos ": warning: \"" text "\" no longer " \
    "matches spend.DeepSeek (chi phí).amount (khoảng 7,1 triệu USD)"

struct stale_case {
	const char *text;
	size_t body_start;
	const char *want;	/* the warnings, one a line */
};

static const struct stale_case stale_cases[] = {
	{ "DeepSeek tốn 5,6 triệu USD.\n", 0, W_DS("1:14", "5,6 triệu USD") },
	{ "DeepSeek tốn khoảng 7,1 triệu USD.\n", 0, "" },
	/* At the precision written: about 7 million is right. */
	{ "DeepSeek tốn khoảng 7 triệu USD.\n", 0, "" },
	{ "DeepSeek tốn 7.100.000 USD.\n", 0, "" },
	{ "DeepSeek tốn 7.200.000 USD.\n", 0, W_DS("1:14", "7.200.000 USD") },
	/* No row named, another word, another unit: not checked. */
	{ "Chi phí 5,6 triệu USD.\n", 0, "" },
	{ "DeepSeekV3 tốn 5,6 triệu USD.\n", 0, "" },
	{ "DeepSeek tốn 5,6 triệu đồng.\n", 0, "" },
	/* Any case; the label without its "(…)". */
	{ "Theo deepseek, chỉ 5,6 triệu USD.\n", 0,
	  W_DS("1:20", "5,6 triệu USD") },
	/* The subject before the figure, not the nearest word after. */
	{ "DeepSeek tốn 5,6 triệu USD, Meta chi hơn 60 tỷ USD.\n", 0,
	  W_DS("1:14", "5,6 triệu USD") },
	{ "Meta chi hơn 50 tỷ USD, DeepSeek thì ít hơn.\n", 0,
	  "r.md:1:10: warning: \"hơn 50 tỷ USD\" no longer matches "
	  "spend.Meta.amount (hơn 60 tỷ USD)" },
	/* Quotes, code and front matter are not the report's prose. */
	{ "> DeepSeek tốn 5,6 triệu USD.\n", 0, "" },
	{ "> Trích:\nDeepSeek tốn 5,6 triệu USD.\n\nDeepSeek 5,6 triệu USD.\n",
	  0, W_DS("4:10", "5,6 triệu USD") },
	{ "```\nDeepSeek tốn 5,6 triệu USD.\n```\n", 0, "" },
	{ "---\ntitle: DeepSeek 5,6 triệu USD\n---\nChữ.\n", 38, "" },
	/* A chart's caption is prose. */
	{ "```chart\ndata: x.csv\ncaption: DeepSeek tốn 5,6 triệu USD.\n```\n",
	  0, W_DS("3:23", "5,6 triệu USD") },
	/* Two rows named: a figure matching either is right. */
	{ "Doanh thu tăng 22%, lợi nhuận tăng 43%.\n", 0, "" },
	{ "Doanh thu tăng 22%, lợi nhuận tăng 45%.\n", 0,
	  "r.md:1:31: warning: \"tăng 45%\" no longer matches "
	  "meta.Lợi nhuận.tăng trưởng (43%)" },
	/* A {{reference}} names its row; its own text is not a literal. */
	{ "Doanh thu đạt **{{meta.Doanh thu.giá trị}}**, tăng 21%.\n", 0,
	  "r.md:1:47: warning: \"tăng 21%\" no longer matches "
	  "meta.Doanh thu.tăng trưởng (22%)" },
	{ "Chi {{spend.DeepSeek (chi phí).amount}} và {{ratio "
	  "spend.Meta.amount spend.DeepSeek (chi phí).amount}} lần.\n", 0, "" },
};

static char *
joined(const struct diags *d)
{
	char *out = xstrdup("");

	for (size_t i = 0; i < d->count; i++) {
		char *line = diag_format(&d->items[i]);
		char *next = xasprintf("%s%s%s", out, i ? "\n" : "", line);
		ck_assert_int_eq(d->items[i].severity, DIAG_WARNING);
		free(line);
		free(out);
		out = next;
	}
	return out;
}

START_TEST(test_stale)
{
	const struct stale_case *c = &stale_cases[_i];
	struct diags d;
	struct table *spend, *meta;
	char *got;

	diags_init(&d);
	spend = table_parse("spend.csv", spend_csv, strlen(spend_csv), &d);
	meta = table_parse("meta.csv", meta_csv, strlen(meta_csv), &d);
	ck_assert(spend && meta);
	{
		struct stale_source src[] = { { "spend", spend },
		    { "meta", meta }, { "gone", NULL } };
		stale_check("r.md", c->text, strlen(c->text), c->body_start,
		    LANG_VI, src, 3, &d);
	}
	got = joined(&d);
	if (strcmp(got, c->want) != 0)
		ck_abort_msg("case %d:\n got: %s\nwant: %s", _i, got, c->want);
	free(got);
	table_free(spend);
	table_free(meta);
	diags_release(&d);
}
END_TEST

/* No data: nothing to check, nothing said. */
START_TEST(test_stale_no_data)
{
	struct diags d;
	const char *text = "DeepSeek tốn 5,6 triệu USD.\n";

	diags_init(&d);
	stale_check("r.md", text, strlen(text), 0, LANG_VI, NULL, 0, &d);
	ck_assert_uint_eq(d.count, 0);
	diags_release(&d);
}
END_TEST

Suite *
stale_suite(void)
{
	Suite *s = suite_create("stale");
	TCase *tc = tcase_create("stale");

	tcase_add_loop_test(tc, test_stale, 0,
	    sizeof stale_cases / sizeof stale_cases[0]);
	tcase_add_test(tc, test_stale_no_data);
	suite_add_tcase(s, tc);
	return s;
}
