/* frontmatter: finding the '---' block and checking its keys. */
#include "frontmatter.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

static const char *const fm_keys[] = {
	"title", "subtitle", "author", "date", "lang", "paper", "align",
	"print", "data", NULL,
};
static const char *const fm_aligns[] = { "justify", "left", NULL };
static const char *const fm_prints[] = { "color", "grayscale", NULL };

void
frontmatter_init(struct frontmatter *fm)
{
	memset(fm, 0, sizeof *fm);
	fm->lang = LANG_VI;
	fm->paper = PAPER_A4;
	fm->align = ALIGN_JUSTIFY;
}

void
frontmatter_release(struct frontmatter *fm)
{
	free(fm->title);
	free(fm->subtitle);
	free(fm->author);
	free(fm->date);
	frontmatter_init(fm);
}

void
frontmatter_aliases_release(struct frontmatter_aliases *a)
{
	for (size_t i = 0; i < a->count; i++) {
		free(a->items[i].name);
		free(a->items[i].path);
	}
	free(a->items);
	a->items = NULL;
	a->count = 0;
}

/* Is text[at..) a line holding only mark (and trailing blanks)?  *next
 * receives the start of the following line. */
static bool
fm_fence(const char *text, size_t len, size_t at, const char *mark,
    size_t *next)
{
	size_t n = strlen(mark), i;

	if (len - at < n || memcmp(text + at, mark, n) != 0)
		return false;
	for (i = at + n; i < len && (text[i] == ' ' || text[i] == '\t'); i++)
		;
	if (i < len && text[i] != '\n')
		return false;
	*next = i < len ? i + 1 : len;
	return true;
}

bool
frontmatter_find(const char *text, size_t len, const char *file,
    struct frontmatter_span *span, struct diags *d)
{
	size_t at;

	memset(span, 0, sizeof *span);
	if (!fm_fence(text, len, 0, "---", &at))
		return true;
	span->found = true;
	span->yaml_start = at;
	while (at < len) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t next;
		if (fm_fence(text, len, at, "---", &next) ||
		    fm_fence(text, len, at, "...", &next)) {
			span->yaml_end = at;
			span->body_start = next;
			return true;
		}
		at = nl ? (size_t)(nl - text) + 1 : len;
	}
	diag_error(d, srcpos_at(file, 1, 1), "front matter: no closing '---' "
	    "line");
	return false;
}

bool
frontmatter_paper(const char *s, enum paper *paper, int *orient)
{
	static const char *const names[] = { "A4", "A5", "Letter" };
	char **words = g_strsplit_set(s, " \t", -1);
	size_t n = 0;
	bool ok = true;
	int size = -1;

	*orient = -1;
	for (char **w = words; *w && ok; w++) {
		if (**w == '\0')
			continue;
		if (n == 0) {
			for (int i = 0; i < 3; i++)
				if (g_ascii_strcasecmp(*w, names[i]) == 0)
					size = i;
			ok = size >= 0;
		} else if (n == 1 && g_ascii_strcasecmp(*w, "landscape") == 0) {
			*orient = 1;
		} else if (n == 1 && g_ascii_strcasecmp(*w, "portrait") == 0) {
			*orient = 0;
		} else {
			ok = false;
		}
		n++;
	}
	g_strfreev(words);
	if (!ok || size < 0)
		return false;
	*paper = (enum paper)size;
	return true;
}

static bool
fm_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* YYYY-MM-DD naming a real calendar day. */
static bool
fm_date(const struct spec_value *v, struct diags *d)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	const char *s = v->text;
	int y, m, day;

	for (int i = 0; i < 10; i++) {
		bool digit = s[i] >= '0' && s[i] <= '9';
		if ((i == 4 || i == 7) ? s[i] != '-' : !digit) {
			diag_error(d, v->pos, "front matter: date: expected "
			    "YYYY-MM-DD, not \"%s\"", s);
			return false;
		}
	}
	if (s[10] != '\0') {
		diag_error(d, v->pos, "front matter: date: expected YYYY-MM-DD, "
		    "not \"%s\"", s);
		return false;
	}
	y = atoi(s);
	m = atoi(s + 5);
	day = atoi(s + 8);
	if (m < 1 || m > 12 || day < 1 ||
	    day > days[m - 1] + (m == 2 && fm_is_leap(y))) {
		diag_error(d, v->pos, "front matter: date: %s is not a day of "
		    "the calendar", s);
		return false;
	}
	return true;
}

/* A title, subtitle or author line longer than this is refused: no page
 * shows it, and the title is set in one Pango paragraph, whose width
 * wraps round past 2^31 units (markdown.h, MARKDOWN_MAX_LINE_TEXT). */
#define FM_MAX_TEXT 4096

static bool
fm_text_fits(const struct spec_value *v, const char *key, const char *text,
    struct diags *d)
{
	if (text == NULL || strlen(text) <= FM_MAX_TEXT)
		return true;
	diag_error(d, v->pos, "front matter: %s: longer than the limit of "
	    "%d bytes", key, FM_MAX_TEXT);
	return false;
}

/* A text field; an author may also be a list of names. */
static bool
fm_text(const struct spec_value *root, const char *key, char **out,
    struct diags *d)
{
	const struct spec_value *v = spec_get(root, key);
	GString *names;

	if (v && v->kind == SPEC_LIST && strcmp(key, "author") == 0) {
		names = g_string_new(NULL);
		for (size_t i = 0; i < v->nitems; i++)
			g_string_append_printf(names, "%s%s", i ? ", " : "",
			    v->items[i].text ? v->items[i].text : "");
		*out = xstrdup(names->str);
		g_string_free(names, TRUE);
		return fm_text_fits(v, key, *out, d);
	}
	if (!spec_scalar(root, key, "front matter", &v, d))
		return false;
	*out = v && v->text[0] ? xstrdup(v->text) : NULL;
	return fm_text_fits(v, key, *out, d);
}

static bool
fm_paper(const struct spec_value *root, struct frontmatter *fm,
    struct diags *d)
{
	const struct spec_value *v;
	int orient;

	if (!spec_scalar(root, "paper", "front matter", &v, d))
		return false;
	if (v == NULL)
		return true;
	if (!frontmatter_paper(v->text, &fm->paper, &orient)) {
		diag_error(d, v->pos, "front matter: paper: unknown value \"%s\" "
		    "(A4, A5 or Letter, optionally followed by landscape)",
		    v->text);
		return false;
	}
	fm->landscape = orient == 1;
	return true;
}

static bool
fm_lang(const struct spec_value *root, struct frontmatter *fm,
    struct diags *d)
{
	const struct spec_value *v;

	if (!spec_scalar(root, "lang", "front matter", &v, d))
		return false;
	if (v && !lang_parse(v->text, &fm->lang)) {
		diag_error(d, v->pos, "front matter: lang: unknown language "
		    "\"%s\" (vi or en)", v->text);
		return false;
	}
	return true;
}

/* An alias is named in {{alias.row.column}}: no dots, no spaces. */
static bool
fm_alias(const struct spec_value *e, struct frontmatter_aliases *a,
    struct diags *d)
{
	struct frontmatter_alias *al;

	if (e->key[0] == '\0' || e->key[strcspn(e->key, ". \t{}")] != '\0') {
		diag_error(d, e->key_pos, "front matter: data: alias \"%s\" "
		    "must be a word without dots or spaces", e->key);
		return false;
	}
	if (e->kind != SPEC_SCALAR || e->null) {
		diag_error(d, e->pos, "front matter: data: %s: expected the "
		    "path of a CSV file", e->key);
		return false;
	}
	a->items = xreallocarray(a->items, a->count + 1, sizeof *a->items);
	al = &a->items[a->count++];
	al->name = xstrdup(e->key);
	al->path = xstrdup(e->text);
	al->pos = e->pos;
	return true;
}

static bool
fm_data(const struct spec_value *root, struct frontmatter_aliases *a,
    struct diags *d)
{
	const struct spec_value *v = spec_get(root, "data");

	if (v == NULL || (v->kind == SPEC_SCALAR && v->null))
		return true;
	if (v->kind != SPEC_MAP) {
		diag_error(d, v->pos, "front matter: data: expected alias: path "
		    "lines, such as {spend: ../data/spend.csv}");
		return false;
	}
	for (size_t i = 0; i < v->nitems; i++)
		if (!fm_alias(&v->items[i], a, d))
			return false;
	return true;
}

static bool
fm_fields(const struct spec_value *root, struct frontmatter *fm,
    struct frontmatter_aliases *a, struct diags *d)
{
	const struct spec_value *date;
	int align, print;

	if (!fm_text(root, "title", &fm->title, d) ||
	    !fm_text(root, "subtitle", &fm->subtitle, d) ||
	    !fm_text(root, "author", &fm->author, d) ||
	    !spec_scalar(root, "date", "front matter", &date, d) ||
	    (date && !fm_date(date, d)) ||
	    !fm_lang(root, fm, d) || !fm_paper(root, fm, d) ||
	    !spec_choice(root, "align", "front matter", fm_aligns,
	    ALIGN_JUSTIFY, &align, d) ||
	    !spec_choice(root, "print", "front matter", fm_prints, 0, &print,
	    d) ||
	    !fm_data(root, a, d))
		return false;
	fm->date = date ? xstrdup(date->text) : NULL;
	fm->align = (enum align)align;
	fm->grayscale = print == 1;
	return true;
}

bool
frontmatter_parse(const char *yaml, size_t len, const struct spec_origin *o,
    struct frontmatter *fm, struct frontmatter_aliases *aliases,
    struct diags *d)
{
	struct spec_value root;
	bool ok;

	aliases->items = NULL;
	aliases->count = 0;
	if (!spec_read(yaml, len, o, "front matter", &root, d))
		return false;
	ok = spec_check_keys(&root, "front matter", fm_keys, d) &&
	    fm_fields(&root, fm, aliases, d);
	spec_value_release(&root);
	if (!ok)
		frontmatter_aliases_release(aliases);
	return ok;
}
