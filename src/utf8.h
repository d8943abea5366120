/* utf8: validation, decoding, column counting and NFC normalisation of the
 * UTF-8 text figpress reads.  Normalisation is done once, at input, so every
 * later stage (figures, layout, PDF text layer) sees NFC (DESIGN: Known
 * traps). */
#ifndef FIGPRESS_UTF8_H
#define FIGPRESS_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when s[0..len) is valid UTF-8 without NUL bytes; otherwise *bad (if
 * not NULL) is the byte offset of the first offending byte. */
bool utf8_valid(const char *s, size_t len, size_t *bad);
/* Decode the code point at s (len bytes available); *n receives its length.
 * Invalid bytes decode as U+FFFD with length 1. */
uint32_t utf8_decode(const char *s, size_t len, size_t *n);
/* Encode cp into out (4 bytes room); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);
/* Number of code points in s[0..len): the 1-based column of s+len is this
 * plus one. */
size_t utf8_count(const char *s, size_t len);
/* NFC copy of valid UTF-8 s[0..len), with Unicode noncharacters (U+FFFF,
 * U+FDD0 …), which Cairo refuses, replaced by U+FFFD; caller frees. */
char *utf8_nfc(const char *s, size_t len);
/* The 1-based column in orig (len bytes, possibly NFD) of the character at
 * column col of its NFC form. */
int utf8_orig_column(const char *orig, size_t len, int col);
/* Copy of s with every character folded to lower case (NFC); caller frees. */
char *utf8_lower(const char *s, size_t len);

#endif
