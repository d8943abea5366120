/* strbuf: a growable byte string with an optional cap (STYLE 7). */
#ifndef FIGPRESS_STRBUF_H
#define FIGPRESS_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

struct strbuf {
	char *data;		/* always NUL-terminated once anything is added */
	size_t len;
	size_t cap;
	size_t limit;		/* 0: no limit; else appends past it fail */
};

/* Start empty; limit 0 means unbounded (only for program-made text). */
void strbuf_init(struct strbuf *sb, size_t limit);
/* Free the buffer; the strbuf is empty again. */
void strbuf_release(struct strbuf *sb);
/* Append n bytes; false (and nothing added) when the limit would be passed. */
bool strbuf_add(struct strbuf *sb, const char *s, size_t n);
/* Append a NUL-terminated string. */
bool strbuf_puts(struct strbuf *sb, const char *s);
/* Append one byte. */
bool strbuf_putc(struct strbuf *sb, char c);
/* Append printf-style text. */
bool strbuf_printf(struct strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hand the contents to the caller (who frees) and empty the strbuf. */
char *strbuf_detach(struct strbuf *sb);
/* Current contents, "" when empty; lent. */
const char *strbuf_str(const struct strbuf *sb);

#endif
