/* check-extract: exactly the figures of a story in prose come out — in
 * Vietnamese and English, with positions, sentences and CSV rows — and
 * none of its years, quarters, dates, list numbers or model names. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "strbuf.h"

struct want {
	int line;
	int col;
	const char *text;
	double value;
	const char *unit;
	enum figure_bound bound;
};

/* Run extract on text in lang and compare with want[0..n) exactly. */
static void
expect(const char *text, enum lang lang, const struct want *want, size_t n)
{
	struct extract_list l;
	struct diags d;

	extract_list_init(&l);
	diags_init(&d);
	ck_assert(extract_text("t.txt", text, strlen(text), lang, &l, &d));
	for (size_t i = 0; i < l.count && i < n; i++) {
		const struct extract_item *it = &l.items[i];
		const struct want *w = &want[i];
		ck_assert_msg(strcmp(it->text, w->text) == 0, "#%zu: \"%s\", "
		    "want \"%s\"", i, it->text, w->text);
		ck_assert_msg(it->line == w->line && it->col == w->col,
		    "\"%s\" at %d:%d, want %d:%d", w->text, it->line,
		    it->col, w->line, w->col);
		ck_assert_msg(fabs(it->fig.value - w->value) <=
		    1e-12 * fabs(w->value), "\"%s\": %.17g", w->text,
		    it->fig.value);
		ck_assert_msg(strcmp(it->fig.unit, w->unit) == 0, "\"%s\": "
		    "unit \"%s\"", w->text, it->fig.unit);
		ck_assert_msg(it->fig.bound == w->bound, "\"%s\": bound %s",
		    w->text, figure_bound_name(it->fig.bound));
	}
	if (l.count != n)
		ck_abort_msg("%zu figures, want %zu; extra or missing: \"%s\"",
		    l.count, n, l.count > n ? l.items[n].text :
		    want[l.count].text);
	ck_assert_uint_eq(d.count, 0);
	diags_release(&d);
	extract_list_release(&l);
}

static const char story_vi[] =
"# Cuộc đua chi tiêu AI năm 2025\n"
"\n"
"DeepSeek cho biết mô hình DeepSeek-V3 chỉ tốn khoảng 5,6 triệu USD, còn\n"
"Meta dự kiến chi hơn 60 tỷ USD trong năm 2025 (60+ tỷ USD).\n"
"Quý IV/2024, doanh thu Meta đạt 48,39 tỷ USD, tăng 22%; lợi nhuận 20,8 tỷ\n"
"USD, tăng 43%. Meta có hơn 3,35 tỷ người dùng hằng ngày (+5%) và muốn\n"
"Llama đạt 1 tỷ người dùng.\n"
"\n"
"1. Llama 4 và GPT-4 ra mắt sau ngày 30/1.\n"
"2. Đây là lần thứ 2 trong năm 2024 mà 3 công ty tăng chi.\n"
"3. Llama 3.1 405B vẫn đứng thứ 1; chi phí từ 5–6 triệu là tin đồn.\n";

static const struct want story_vi_want[] = {
	{ 3, 47, "khoảng 5,6 triệu USD", 5.6e6, "USD", FIGURE_APPROX },
	{ 4, 18, "hơn 60 tỷ USD", 60e9, "USD", FIGURE_MIN },
	{ 4, 48, "60+ tỷ USD", 60e9, "USD", FIGURE_MIN },
	{ 5, 33, "48,39 tỷ USD", 48.39e9, "USD", FIGURE_EXACT },
	{ 5, 47, "tăng 22%", 22, "%", FIGURE_EXACT },
	{ 5, 67, "20,8 tỷ USD", 20.8e9, "USD", FIGURE_EXACT },
	{ 6, 6, "tăng 43%", 43, "%", FIGURE_EXACT },
	{ 6, 24, "hơn 3,35 tỷ người dùng hằng ngày", 3.35e9,
	  "người dùng hằng ngày", FIGURE_MIN },
	{ 6, 58, "+5%", 5, "%", FIGURE_EXACT },
	{ 7, 11, "1 tỷ người dùng", 1e9, "người dùng", FIGURE_EXACT },
	{ 11, 46, "5–6 triệu", 5e6, "", FIGURE_MIN },
	{ 11, 46, "5–6 triệu", 6e6, "", FIGURE_MAX },
};

START_TEST(test_story_vi)
{
	expect(story_vi, LANG_VI, story_vi_want,
	    sizeof story_vi_want / sizeof story_vi_want[0]);
	ck_assert_int_eq(extract_guess_lang(story_vi, strlen(story_vi)),
	    LANG_VI);
}
END_TEST

static const char story_en[] =
"# The AI spending race in 2025\n"
"\n"
"DeepSeek says its DeepSeek-V3 model cost only about $5.6 million, while\n"
"Meta plans to spend more than $60 billion in 2025 ($60B+). In Q4 2024,\n"
"Meta's revenue was $48.39 billion, up 22%; profit was $20.8 billion, up\n"
"43%. Meta has more than 3.35 billion daily users (+5%) and wants 1 billion\n"
"users for Llama.\n"
"\n"
"1. Llama 4 and GPT-4 shipped after 30/1.\n"
"2. This is the 2nd time in 2024 that 3 companies raised spending.\n"
"3. Llama 3.1 405B still ranks No. 1; a cost of 5-6 million is a rumour.\n";

static const struct want story_en_want[] = {
	{ 3, 47, "about $5.6 million", 5.6e6, "USD", FIGURE_APPROX },
	{ 4, 21, "more than $60 billion", 60e9, "USD", FIGURE_MIN },
	{ 4, 52, "$60B+", 60e9, "USD", FIGURE_MIN },
	{ 5, 20, "$48.39 billion", 48.39e9, "USD", FIGURE_EXACT },
	{ 5, 36, "up 22%", 22, "%", FIGURE_EXACT },
	{ 5, 55, "$20.8 billion", 20.8e9, "USD", FIGURE_EXACT },
	{ 5, 70, "up 43%", 43, "%", FIGURE_EXACT },
	{ 6, 15, "more than 3.35 billion daily users", 3.35e9, "daily users",
	  FIGURE_MIN },
	{ 6, 51, "+5%", 5, "%", FIGURE_EXACT },
	{ 6, 66, "1 billion users", 1e9, "users", FIGURE_EXACT },
	{ 11, 48, "5-6 million", 5e6, "", FIGURE_MIN },
	{ 11, 48, "5-6 million", 6e6, "", FIGURE_MAX },
};

START_TEST(test_story_en)
{
	expect(story_en, LANG_EN, story_en_want,
	    sizeof story_en_want / sizeof story_en_want[0]);
	ck_assert_int_eq(extract_guess_lang(story_en, strlen(story_en)),
	    LANG_EN);
}
END_TEST

/* One sentence each: what a user expects from it, exactly. */
struct prose_case {
	const char *text;
	enum lang lang;
	struct want want[5];
};

#define W(col, text, v, unit, b) { 1, col, text, v, unit, FIGURE_##b }

static const struct prose_case prose_cases[] = {
	/* Ranges: both ends, sharing the unit, scale and sign written once;
	 * a word joins ends that share something, two whole figures it
	 * leaves apart (a change, not a range). */
	{ "Chi phí 5–6 triệu USD.", LANG_VI, {
	  W(9, "5–6 triệu USD", 5e6, "USD", MIN),
	  W(9, "5–6 triệu USD", 6e6, "USD", MAX) } },
	{ "Capex of $55-58 billion.", LANG_EN, {
	  W(10, "$55-58 billion", 55e9, "USD", MIN),
	  W(10, "$55-58 billion", 58e9, "USD", MAX) } },
	{ "Dự kiến từ 3 đến 4 tỷ USD.", LANG_VI, {
	  W(9, "từ 3 đến 4 tỷ USD", 3e9, "USD", MIN),
	  W(9, "từ 3 đến 4 tỷ USD", 4e9, "USD", MAX) } },
	{ "Between 5 and 6 million users.", LANG_EN, {
	  W(1, "Between 5 and 6 million users", 5e6, "users", MIN),
	  W(1, "Between 5 and 6 million users", 6e6, "users", MAX) } },
	{ "between $60 billion and $65 billion", LANG_EN, {
	  W(1, "between $60 billion and $65 billion", 60e9, "USD", MIN),
	  W(1, "between $60 billion and $65 billion", 65e9, "USD", MAX) } },
	{ "khoảng 20 - 25%", LANG_VI, {
	  W(1, "khoảng 20 - 25%", 20, "%", MIN),
	  W(1, "khoảng 20 - 25%", 25, "%", MAX) } },
	{ "doanh thu giảm 5–6%", LANG_VI, {
	  W(11, "giảm 5–6%", -6, "%", MIN),
	  W(11, "giảm 5–6%", -5, "%", MAX) } },
	{ "€1-2bn", LANG_EN, {
	  W(1, "€1-2bn", 1e9, "EUR", MIN), W(1, "€1-2bn", 2e9, "EUR", MAX) } },
	{ "between 500,000 and 6 million people", LANG_EN, {
	  W(1, "between 500,000 and 6 million people", 5e5, "people", MIN),
	  W(1, "between 500,000 and 6 million people", 6e6, "people",
	    MAX) } },
	{ "rose from $3bn to $4bn", LANG_EN, {
	  W(11, "$3bn", 3e9, "USD", EXACT),
	  W(19, "$4bn", 4e9, "USD", EXACT) } },
	/* A change in Vietnamese: each end a figure, in the order written. */
	{ "Doanh thu tăng từ 3 lên 4 tỷ USD.", LANG_VI, {
	  W(16, "từ 3 lên 4 tỷ USD", 3e9, "USD", EXACT),
	  W(16, "từ 3 lên 4 tỷ USD", 4e9, "USD", EXACT) } },
	{ "lãi giảm từ 5 xuống 4,2 tỷ đồng", LANG_VI, {
	  W(10, "từ 5 xuống 4,2 tỷ đồng", 5e9, "VND", EXACT),
	  W(10, "từ 5 xuống 4,2 tỷ đồng", 4.2e9, "VND", EXACT) } },
	{ "tăng từ 900 lên 1,2 tỷ đồng", LANG_VI, {
	  W(17, "1,2 tỷ đồng", 1.2e9, "VND", EXACT) } },
	/* 900 of what?  The clear end alone, never "$900". */
	{ "from $900 to $1.2 billion", LANG_EN, {
	  W(14, "$1.2 billion", 1.2e9, "USD", EXACT) } },
	{ "năm 2024 – 5 tỷ USD", LANG_VI, {
	  W(12, "5 tỷ USD", 5e9, "USD", EXACT) } },
	/* A count written in thousands is an amount; its noun comes with
	 * it when listed. */
	{ "Công ty có hơn 48.000 nhân viên.", LANG_VI, {
	  W(12, "hơn 48.000 nhân viên", 48000, "nhân viên", MIN) } },
	{ "about 74,000 employees and 2,000 engineers", LANG_EN, {
	  W(1, "about 74,000 employees", 74000, "employees", APPROX),
	  W(28, "2,000", 2000, "", EXACT) } },
	{ "gấp 10.714 lần", LANG_VI, { W(5, "10.714", 10714, "", EXACT) } },
	/* Points of a percentage are figures in their own right. */
	{ "Biên lợi nhuận giảm 0,5 điểm phần trăm.", LANG_VI, {
	  W(16, "giảm 0,5 điểm phần trăm", -0.5, "điểm phần trăm",
	    EXACT) } },
	{ "up 0.5 percentage points, a 25 bps cut", LANG_EN, {
	  W(1, "up 0.5 percentage points", 0.5, "percentage points", EXACT),
	  W(29, "25 bps", 25, "bps", EXACT) } },
	/* Compound scales, other currencies, the wire's abbreviations. */
	{ "thu ngân sách 1,7 triệu tỷ đồng", LANG_VI, {
	  W(15, "1,7 triệu tỷ đồng", 1.7e15, "VND", EXACT) } },
	{ "£3bn, ¥100 billion, 1.5 trillion won, $5m, 5 mln", LANG_EN, {
	  W(1, "£3bn", 3e9, "GBP", EXACT),
	  W(7, "¥100 billion", 1e11, "JPY", EXACT),
	  W(21, "1.5 trillion won", 1.5e12, "KRW", EXACT),
	  W(39, "$5m", 5e6, "USD", EXACT),
	  W(44, "5 mln", 5e6, "", EXACT) } },
};

START_TEST(test_prose_cases)
{
	const struct prose_case *c = &prose_cases[_i];
	size_t n = 0;

	while (n < 5 && c->want[n].text)
		n++;
	expect(c->text, c->lang, c->want, n);
}
END_TEST

/* Sentences end at a full stop before a capital, not before a lower-case
 * word ("Corp. reported") or after a month ("Jan. 29"). */
START_TEST(test_sentence_abbreviations)
{
	const char *t = "SEATTLE, Jan. 29, 2025 - Contoso Corp. reported "
	    "$48.4 billion. Next one.";
	struct extract_list l;
	struct diags d;

	extract_list_init(&l);
	diags_init(&d);
	ck_assert(extract_text("t.txt", t, strlen(t), LANG_EN, &l, &d));
	ck_assert_uint_eq(l.count, 1);
	ck_assert_str_eq(l.items[0].context, "SEATTLE, Jan. 29, 2025 - "
	    "Contoso Corp. reported $48.4 billion.");
	diags_release(&d);
	extract_list_release(&l);
}
END_TEST

/* Text that holds numbers but no figure. */
static const char *const no_figures[] = {
	"Llama 4 ra mắt năm 2025.",
	"DeepSeek-V3 và GPT-4 trong quý IV/2024.",
	"In Q4 2024 and Q1/2025, on 30/1 and 20/1/2025.",
	"Lần thứ 3, hạng 1, the 3rd time, version 2.5.",
	"1. Không cắt chi tiêu.\n2. Giữ 3 công ty.\n",
	"Llama 3.1 405B and DeepSeek-V3 671B.",
	"500 users and 3 công ty, 10714 lần.",
	"Pages 10-20, 2023–2024, 1-2 ngày, COVID-19, Llama 7-70B.",
	"From 2024 to 2025, từ 2024 đến 2025, between 3 and 4 days.",
	"Gọi 0912.345.678 lúc 10h30 hoặc 10.30, ngày 1.1.2025.",
	"Model4 5M, GPT-4o, 2nd, 5km, 5Mbps.",
};

START_TEST(test_no_figures)
{
	struct extract_list l;
	struct diags d;
	const char *t = no_figures[_i];

	extract_list_init(&l);
	diags_init(&d);
	ck_assert(extract_text("t.txt", t, strlen(t), LANG_VI, &l, &d));
	ck_assert(extract_text("t.txt", t, strlen(t), LANG_EN, &l, &d));
	if (l.count > 0)
		ck_abort_msg("\"%s\": found \"%s\"", t, l.items[0].text);
	diags_release(&d);
	extract_list_release(&l);
}
END_TEST

START_TEST(test_context_and_csv)
{
	const char *t = "Intro line.\nMeta said: \"spend $60B+, maybe\n"
	    "more\". Next one.";
	struct extract_list l;
	struct diags d;
	char *row;

	extract_list_init(&l);
	diags_init(&d);
	ck_assert(extract_text("t.txt", t, strlen(t), LANG_EN, &l, &d));
	ck_assert_uint_eq(l.count, 1);
	ck_assert_str_eq(l.items[0].context,
	    "Meta said: \"spend $60B+, maybe more\".");
	row = extract_csv_row(&l.items[0]);
	ck_assert_str_eq(row, "2,19,$60B+,60000000000,USD,min,"
	    "\"Meta said: \"\"spend $60B+, maybe more\"\".\"\n");
	free(row);
	ck_assert_str_eq(EXTRACT_CSV_HEADER,
	    "line,column,text,value,unit,bound,context\n");
	diags_release(&d);
	extract_list_release(&l);
}
END_TEST

/* A number against the convention: best reading plus a warning. */
START_TEST(test_other_convention)
{
	const char *t = "Chi phí khoảng 1.5 tỷ USD, doanh thu 1,234,567 USD.";
	struct extract_list l;
	struct diags d;

	extract_list_init(&l);
	diags_init(&d);
	ck_assert(extract_text("r.txt", t, strlen(t), LANG_VI, &l, &d));
	ck_assert_uint_eq(l.count, 2);
	ck_assert(l.items[0].fig.value == 1.5e9 && l.items[0].other_lang);
	ck_assert(l.items[1].fig.value == 1234567);
	ck_assert_uint_eq(d.count, 2);
	ck_assert(!diags_failed(&d));
	ck_assert_int_eq(d.items[0].line, 1);
	ck_assert_int_eq(d.items[0].col, 9);
	ck_assert(strstr(d.items[0].message, "English") != NULL);
	diags_release(&d);
	extract_list_release(&l);
}
END_TEST

START_TEST(test_invalid_utf8)
{
	const char *t = "Dòng một.\nhơn \xff tỷ\n";
	struct extract_list l;
	struct diags d;

	extract_list_init(&l);
	diags_init(&d);
	ck_assert(!extract_text("bad.txt", t, strlen(t), LANG_VI, &l, &d));
	ck_assert(diags_failed(&d));
	ck_assert_int_eq(d.items[0].line, 2);
	ck_assert_int_eq(d.items[0].col, 5);
	ck_assert_str_eq(d.items[0].file, "bad.txt");
	ck_assert_uint_eq(l.count, 0);
	diags_release(&d);
	extract_list_release(&l);
}
END_TEST

/* NFD text, a BOM and CRLF line ends: NFC text, columns as written. */
START_TEST(test_nfd_bom_crlf)
{
	const char *t = "\xEF\xBB\xBF" "Chi phi\u0301\r\n"
	    "kho\u0309ang ta\u0306ng 5,6 trie\u0323\u0302u USD.\r\n";
	struct extract_list l;
	struct diags d;

	extract_list_init(&l);
	diags_init(&d);
	ck_assert(extract_text("t.txt", t, strlen(t), LANG_VI, &l, &d));
	ck_assert_uint_eq(l.count, 1);
	ck_assert_str_eq(l.items[0].text, "tăng 5,6 triệu USD");
	ck_assert_int_eq(l.items[0].line, 2);
	ck_assert_int_eq(l.items[0].col, 9);	/* "khỏang" is 7 code points */
	ck_assert_str_eq(l.items[0].context,
	    "Chi phí khỏang tăng 5,6 triệu USD.");
	diags_release(&d);
	extract_list_release(&l);
}
END_TEST

/* Long NFD text is normalised in pieces; the pieces must not show. */
START_TEST(test_long_nfd)
{
	struct strbuf sb;
	struct extract_list l;
	struct diags d;

	strbuf_init(&sb, 0);
	for (int i = 0; i < 2000; i++)	/* "chiếu " in NFD: 8 code points */
		strbuf_puts(&sb, "chie\u0302\u0301u ");
	strbuf_puts(&sb, "ta\u0306ng 5,6 trie\u0323\u0302u USD.");
	extract_list_init(&l);
	diags_init(&d);
	ck_assert_int_eq(extract_guess_lang(sb.data, sb.len), LANG_VI);
	ck_assert(extract_text("t.txt", sb.data, sb.len, LANG_VI, &l, &d));
	ck_assert_uint_eq(l.count, 1);
	ck_assert_str_eq(l.items[0].text, "tăng 5,6 triệu USD");
	ck_assert_int_eq(l.items[0].col, 2000 * 8 + 1);
	ck_assert_uint_eq(strlen(l.items[0].context),
	    2000 * strlen("chiếu ") + strlen("tăng 5,6 triệu USD."));
	diags_release(&d);
	extract_list_release(&l);
	strbuf_release(&sb);
}
END_TEST

START_TEST(test_guess_lang)
{
	const char *en = "Nguyễn Văn An said Meta will spend more than $60 "
	    "billion on data centres in 2025, far above its earlier plan.";
	const char *vi = "Meta sẽ chi hơn 60 tỷ USD";

	ck_assert_int_eq(extract_guess_lang(en, strlen(en)), LANG_EN);
	ck_assert_int_eq(extract_guess_lang(vi, strlen(vi)), LANG_VI);
	ck_assert_int_eq(extract_guess_lang("12 34", 5), LANG_EN);
}
END_TEST

Suite *
extract_suite(void)
{
	Suite *s = suite_create("extract");
	TCase *tc = tcase_create("prose");

	tcase_add_test(tc, test_story_vi);
	tcase_add_test(tc, test_story_en);
	tcase_add_loop_test(tc, test_no_figures, 0,
	    (int)(sizeof no_figures / sizeof no_figures[0]));
	tcase_add_loop_test(tc, test_prose_cases, 0,
	    (int)(sizeof prose_cases / sizeof prose_cases[0]));
	tcase_add_test(tc, test_sentence_abbreviations);
	tcase_add_test(tc, test_context_and_csv);
	tcase_add_test(tc, test_other_convention);
	tcase_add_test(tc, test_invalid_utf8);
	tcase_add_test(tc, test_nfd_bom_crlf);
	tcase_add_test(tc, test_long_nfd);
	tcase_add_test(tc, test_guess_lang);
	suite_add_tcase(s, tc);
	return s;
}
