/* strbuf: growable strings; the cap turns hostile input into an error. */
#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

void
strbuf_init(struct strbuf *sb, size_t limit)
{
	sb->data = NULL;
	sb->len = 0;
	sb->cap = 0;
	sb->limit = limit;
}

void
strbuf_release(struct strbuf *sb)
{
	free(sb->data);
	strbuf_init(sb, sb->limit);
}

bool
strbuf_add(struct strbuf *sb, const char *s, size_t n)
{
	if (sb->limit && n > sb->limit - sb->len)
		return false;
	if (sb->len + n + 1 > sb->cap) {
		size_t cap = sb->cap ? sb->cap : 64;
		while (cap < sb->len + n + 1)
			cap *= 2;
		sb->data = xreallocarray(sb->data, cap, 1);
		sb->cap = cap;
	}
	if (n)
		memcpy(sb->data + sb->len, s, n);
	sb->len += n;
	sb->data[sb->len] = '\0';
	return true;
}

bool
strbuf_puts(struct strbuf *sb, const char *s)
{
	return strbuf_add(sb, s, strlen(s));
}

bool
strbuf_putc(struct strbuf *sb, char c)
{
	return strbuf_add(sb, &c, 1);
}

bool
strbuf_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;
	bool ok;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return false;
	s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	ok = strbuf_add(sb, s, (size_t)n);
	free(s);
	return ok;
}

char *
strbuf_detach(struct strbuf *sb)
{
	char *s = sb->data ? sb->data : xstrdup("");

	strbuf_init(sb, sb->limit);
	return s;
}

const char *
strbuf_str(const struct strbuf *sb)
{
	return sb->data ? sb->data : "";
}
