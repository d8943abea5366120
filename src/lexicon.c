/* lexicon: the words figures are written with — bound and sign words,
 * currency signs and names, scale words, units and the counted nouns prose
 * may carry — in Vietnamese and English, NFC. */
#include "lexicon.h"

#include "figure.h"

#define COUNT(t) (sizeof(t) / sizeof((t)[0]))

/* Bound and sign words before the number; the longest match wins, so
 * "up to" is a ceiling while "up" is a rise. */
const struct lexicon_word lexicon_prefix_words[] = {
	{ "khoảng", LEXICON_BOUND, FIGURE_APPROX, 0, NULL },
	{ "khoảng chừng", LEXICON_BOUND, FIGURE_APPROX, 0, NULL },
	{ "gần", LEXICON_BOUND, FIGURE_APPROX, 0, NULL },
	{ "gần như", LEXICON_BOUND, FIGURE_APPROX, 0, NULL },
	{ "chừng", LEXICON_BOUND, FIGURE_APPROX, 0, NULL },
	{ "xấp xỉ", LEXICON_BOUND, FIGURE_APPROX, 0, NULL },
	{ "ước tính", LEXICON_BOUND, FIGURE_APPROX, 0, NULL },
	{ "about", LEXICON_BOUND, FIGURE_APPROX, 0, NULL },
	{ "around", LEXICON_BOUND, FIGURE_APPROX, 0, NULL },
	{ "approximately", LEXICON_BOUND, FIGURE_APPROX, 0, NULL },
	{ "approx.", LEXICON_BOUND, FIGURE_APPROX, 0, NULL },
	{ "roughly", LEXICON_BOUND, FIGURE_APPROX, 0, NULL },
	{ "nearly", LEXICON_BOUND, FIGURE_APPROX, 0, NULL },
	{ "almost", LEXICON_BOUND, FIGURE_APPROX, 0, NULL },
	{ "an estimated", LEXICON_BOUND, FIGURE_APPROX, 0, NULL },
	{ "estimated", LEXICON_BOUND, FIGURE_APPROX, 0, NULL },
	{ "~", LEXICON_BOUND, FIGURE_APPROX, 0, NULL },
	{ "≈", LEXICON_BOUND, FIGURE_APPROX, 0, NULL },
	{ "hơn", LEXICON_BOUND, FIGURE_MIN, 0, NULL },
	{ "trên", LEXICON_BOUND, FIGURE_MIN, 0, NULL },
	{ "ít nhất", LEXICON_BOUND, FIGURE_MIN, 0, NULL },
	{ "tối thiểu", LEXICON_BOUND, FIGURE_MIN, 0, NULL },
	{ "more than", LEXICON_BOUND, FIGURE_MIN, 0, NULL },
	{ "over", LEXICON_BOUND, FIGURE_MIN, 0, NULL },
	{ "at least", LEXICON_BOUND, FIGURE_MIN, 0, NULL },
	{ "above", LEXICON_BOUND, FIGURE_MIN, 0, NULL },
	{ ">", LEXICON_BOUND, FIGURE_MIN, 0, NULL },
	{ "≥", LEXICON_BOUND, FIGURE_MIN, 0, NULL },
	{ "dưới", LEXICON_BOUND, FIGURE_MAX, 0, NULL },
	{ "chưa đến", LEXICON_BOUND, FIGURE_MAX, 0, NULL },
	{ "chưa tới", LEXICON_BOUND, FIGURE_MAX, 0, NULL },
	{ "không quá", LEXICON_BOUND, FIGURE_MAX, 0, NULL },
	{ "tối đa", LEXICON_BOUND, FIGURE_MAX, 0, NULL },
	{ "less than", LEXICON_BOUND, FIGURE_MAX, 0, NULL },
	{ "fewer than", LEXICON_BOUND, FIGURE_MAX, 0, NULL },
	{ "under", LEXICON_BOUND, FIGURE_MAX, 0, NULL },
	{ "below", LEXICON_BOUND, FIGURE_MAX, 0, NULL },
	{ "up to", LEXICON_BOUND, FIGURE_MAX, 0, NULL },
	{ "at most", LEXICON_BOUND, FIGURE_MAX, 0, NULL },
	{ "no more than", LEXICON_BOUND, FIGURE_MAX, 0, NULL },
	{ "<", LEXICON_BOUND, FIGURE_MAX, 0, NULL },
	{ "≤", LEXICON_BOUND, FIGURE_MAX, 0, NULL },
	{ "tăng", LEXICON_SIGN, 1, 0, NULL },
	{ "giảm", LEXICON_SIGN, -1, 0, NULL },
	{ "up", LEXICON_SIGN, 1, 0, NULL },
	{ "down", LEXICON_SIGN, -1, 0, NULL },
};

/* "¥" is the yen: Chinese prices in yuan are written "CN¥" or "元", and
 * "¥" alone in Vietnamese and English news is the Japanese currency. */
const struct lexicon_word lexicon_currency_prefixes[] = {
	{ "US$", 0, 0, LEXICON_CASE, "USD" },
	{ "$", 0, 0, 0, "USD" },
	{ "€", 0, 0, 0, "EUR" },
	{ "£", 0, 0, 0, "GBP" },
	{ "¥", 0, 0, 0, "JPY" },
	{ "CN¥", 0, 0, LEXICON_CASE, "CNY" },
	{ "₩", 0, 0, 0, "KRW" },
	{ "HK$", 0, 0, LEXICON_CASE, "HKD" },
	{ "S$", 0, 0, LEXICON_CASE, "SGD" },
	{ "A$", 0, 0, LEXICON_CASE, "AUD" },
	{ "C$", 0, 0, LEXICON_CASE, "CAD" },
	{ "USD", 0, 0, LEXICON_CASE, "USD" },
	{ "EUR", 0, 0, LEXICON_CASE, "EUR" },
	{ "VND", 0, 0, LEXICON_CASE, "VND" },
	{ "VNĐ", 0, 0, LEXICON_CASE, "VND" },
	{ "GBP", 0, 0, LEXICON_CASE, "GBP" },
	{ "JPY", 0, 0, LEXICON_CASE, "JPY" },
	{ "CNY", 0, 0, LEXICON_CASE, "CNY" },
	{ "KRW", 0, 0, LEXICON_CASE, "KRW" },
	{ "HKD", 0, 0, LEXICON_CASE, "HKD" },
	{ "SGD", 0, 0, LEXICON_CASE, "SGD" },
	{ "AUD", 0, 0, LEXICON_CASE, "AUD" },
	{ "CAD", 0, 0, LEXICON_CASE, "CAD" },
};

/* Scale words of both languages are read in either: they cannot be
 * mistaken, unlike separators. */
const struct lexicon_word lexicon_scale_words[] = {
	{ "nghìn", 3, 0, 0, NULL },
	{ "ngàn", 3, 0, 0, NULL },
	{ "triệu", 6, 0, 0, NULL },
	{ "tỷ", 9, 0, 0, NULL },
	{ "tỉ", 9, 0, 0, NULL },
	{ "trăm", 2, 0, 0, NULL },
	{ "hundred", 2, 0, 0, NULL },
	{ "thousand", 3, 0, 0, NULL },
	{ "million", 6, 0, 0, NULL },
	{ "billion", 9, 0, 0, NULL },
	{ "trillion", 12, 0, 0, NULL },
	{ "k", 3, 1, LEXICON_CASE | LEXICON_ATTACHED, NULL },
	{ "K", 3, 1, LEXICON_CASE | LEXICON_ATTACHED, NULL },
	{ "M", 6, 1, LEXICON_CASE | LEXICON_ATTACHED, NULL },
	{ "m", 6, 1, LEXICON_CASE | LEXICON_ATTACHED | LEXICON_MONEY, NULL },
	{ "mn", 6, 1, LEXICON_CASE, NULL },
	{ "mln", 6, 1, LEXICON_CASE, NULL },
	{ "bln", 9, 1, LEXICON_CASE, NULL },
	{ "B", 9, 1, LEXICON_CASE | LEXICON_ATTACHED, NULL },
	{ "bn", 9, 1, LEXICON_CASE, NULL },
	{ "T", 12, 1, LEXICON_CASE | LEXICON_ATTACHED, NULL },
	{ "tn", 12, 1, LEXICON_CASE, NULL },
};

const struct lexicon_word lexicon_unit_words[] = {
	{ "%", 0, 0, 0, "%" },
	{ "phần trăm", 0, 0, 0, "%" },
	{ "percent", 0, 0, 0, "%" },
	{ "per cent", 0, 0, 0, "%" },
	{ "pc", 0, 0, LEXICON_CASE, "%" },
	{ "usd", 0, 0, 0, "USD" },
	{ "us$", 0, 0, 0, "USD" },
	{ "$", 0, 0, 0, "USD" },
	{ "đô la mỹ", 0, 0, 0, "USD" },
	{ "đô-la mỹ", 0, 0, 0, "USD" },
	{ "đô la", 0, 0, LEXICON_NAME, "USD" },
	{ "đô-la", 0, 0, LEXICON_NAME, "USD" },
	{ "đô", 0, 0, LEXICON_NAME, "USD" },
	{ "us dollars", 0, 0, 0, "USD" },
	{ "dollars", 0, 0, LEXICON_NAME, "USD" },
	{ "dollar", 0, 0, LEXICON_NAME, "USD" },
	{ "vnd", 0, 0, 0, "VND" },
	{ "vnđ", 0, 0, 0, "VND" },
	{ "đồng", 0, 0, LEXICON_NAME, "VND" },
	{ "đ", 0, 0, 0, "VND" },
	{ "₫", 0, 0, 0, "VND" },
	{ "eur", 0, 0, 0, "EUR" },
	{ "€", 0, 0, 0, "EUR" },
	{ "euro", 0, 0, LEXICON_NAME, "EUR" },
	{ "euros", 0, 0, LEXICON_NAME, "EUR" },
	/* Not "pounds": in American text that is a weight. */
	{ "gbp", 0, 0, 0, "GBP" },
	{ "£", 0, 0, 0, "GBP" },
	{ "pounds sterling", 0, 0, 0, "GBP" },
	{ "sterling", 0, 0, 0, "GBP" },
	{ "bảng anh", 0, 0, 0, "GBP" },
	{ "jpy", 0, 0, 0, "JPY" },
	{ "¥", 0, 0, 0, "JPY" },
	{ "yen", 0, 0, LEXICON_NAME, "JPY" },
	{ "yên", 0, 0, LEXICON_NAME, "JPY" },
	{ "yên nhật", 0, 0, 0, "JPY" },
	{ "cny", 0, 0, 0, "CNY" },
	{ "yuan", 0, 0, LEXICON_NAME, "CNY" },
	{ "ndt", 0, 0, 0, "CNY" },
	{ "nhân dân tệ", 0, 0, 0, "CNY" },
	{ "krw", 0, 0, 0, "KRW" },
	{ "₩", 0, 0, 0, "KRW" },
	{ "won", 0, 0, LEXICON_NAME, "KRW" },
	{ "hkd", 0, 0, 0, "HKD" },
	{ "sgd", 0, 0, 0, "SGD" },
	{ "aud", 0, 0, 0, "AUD" },
	{ "cad", 0, 0, 0, "CAD" },
};

/* Counted nouns running text may carry: a closed list, because in prose
 * nothing else says where the noun ends.  Modifiers before (en) or after
 * (vi) the noun belong to it: "daily users", "người dùng hằng ngày". */
const struct lexicon_word lexicon_noun_words[] = {
	{ "người dùng", 0, 0, 0, NULL }, { "người", 0, 0, 0, NULL },
	{ "khách hàng", 0, 0, 0, NULL }, { "nhân viên", 0, 0, 0, NULL },
	{ "thuê bao", 0, 0, 0, NULL }, { "tài khoản", 0, 0, 0, NULL },
	{ "lượt tải", 0, 0, 0, NULL }, { "lượt xem", 0, 0, 0, NULL },
	{ "lượt truy cập", 0, 0, 0, NULL }, { "người xem", 0, 0, 0, NULL },
	{ "thiết bị", 0, 0, 0, NULL }, { "tham số", 0, 0, 0, NULL },
	{ "users", 0, 0, 0, NULL }, { "people", 0, 0, 0, NULL },
	{ "customers", 0, 0, 0, NULL }, { "employees", 0, 0, 0, NULL },
	{ "subscribers", 0, 0, 0, NULL }, { "downloads", 0, 0, 0, NULL },
	{ "accounts", 0, 0, 0, NULL }, { "viewers", 0, 0, 0, NULL },
	{ "devices", 0, 0, 0, NULL }, { "parameters", 0, 0, 0, NULL },
	/* Changes of a percentage are counted in points of it. */
	{ "điểm phần trăm", 0, 0, LEXICON_MEASURE, NULL },
	{ "điểm %", 0, 0, LEXICON_MEASURE, NULL },
	{ "điểm cơ bản", 0, 0, LEXICON_MEASURE, NULL },
	{ "percentage points", 0, 0, LEXICON_MEASURE, NULL },
	{ "percentage point", 0, 0, LEXICON_MEASURE, NULL },
	{ "basis points", 0, 0, LEXICON_MEASURE, NULL },
	{ "basis point", 0, 0, LEXICON_MEASURE, NULL },
	{ "bps", 0, 0, LEXICON_MEASURE, NULL },
};

const struct lexicon_word lexicon_noun_premodifiers[] = {
	{ "daily", 0, 0, 0, NULL }, { "monthly", 0, 0, 0, NULL },
	{ "weekly", 0, 0, 0, NULL }, { "active", 0, 0, 0, NULL },
	{ "new", 0, 0, 0, NULL },
};

const struct lexicon_word lexicon_noun_postmodifiers[] = {
	{ "hằng ngày", 0, 0, 0, NULL }, { "hàng ngày", 0, 0, 0, NULL },
	{ "mỗi ngày", 0, 0, 0, NULL }, { "hằng tháng", 0, 0, 0, NULL },
	{ "hàng tháng", 0, 0, 0, NULL }, { "hoạt động", 0, 0, 0, NULL },
};

const size_t lexicon_prefix_words_count = COUNT(lexicon_prefix_words);
const size_t lexicon_currency_prefixes_count = COUNT(lexicon_currency_prefixes);
const size_t lexicon_scale_words_count = COUNT(lexicon_scale_words);
const size_t lexicon_unit_words_count = COUNT(lexicon_unit_words);
const size_t lexicon_noun_words_count = COUNT(lexicon_noun_words);
const size_t lexicon_noun_premodifiers_count = COUNT(lexicon_noun_premodifiers);
const size_t lexicon_noun_postmodifiers_count =
    COUNT(lexicon_noun_postmodifiers);
