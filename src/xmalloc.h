/* xmalloc: allocation that cannot fail.  Out of memory is fatal (STYLE 7);
 * input size is not: every input-driven buffer has its own cap elsewhere. */
#ifndef FIGPRESS_XMALLOC_H
#define FIGPRESS_XMALLOC_H

#include <stddef.h>

/* Like malloc, but exits with a message instead of returning NULL. */
void *xmalloc(size_t size);
/* Zeroed array of n elements of size bytes; dies on overflow. */
void *xcalloc(size_t n, size_t size);
/* Resize to n elements of size bytes; dies on overflow. */
void *xreallocarray(void *p, size_t n, size_t size);
/* Copy of s (NULL gives NULL); caller frees. */
char *xstrdup(const char *s);
/* Copy of the first n bytes of s, NUL-terminated; caller frees. */
char *xstrndup(const char *s, size_t n);
/* printf into a new string; caller frees. */
char *xasprintf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

#endif
