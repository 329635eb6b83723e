/* strings.h - private helpers shared by the text and binary types: str.c,
 * str_methods.c, str_codecs.c, str_format.c, bytes.c, bytes_methods.c, bytearray.c and
 * format.c. UTF-8 primitives, allocation, and the shared byte-string algorithms. */
#ifndef KR_STRINGS_H
#define KR_STRINGS_H

#include <string.h>

#include "krait.h"

#define KR_SSIZE_MAXVAL ((kr_ssize)PTRDIFF_MAX)

/* ---- UTF-8 (WTF-8: lone surrogates are 3-byte sequences) ---- */

/* Decodes the code point at p (valid WTF-8 assumed); returns its byte length. */
static inline int kr_utf8_decode(const unsigned char *p, uint32_t *cp) {
    unsigned c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c < 0xe0) {
        *cp = ((c & 0x1f) << 6) | (p[1] & 0x3f);
        return 2;
    }
    if (c < 0xf0) {
        *cp = ((c & 0x0f) << 12) | ((p[1] & 0x3f) << 6) | (p[2] & 0x3f);
        return 3;
    }
    *cp = ((c & 0x07) << 18) | ((p[1] & 0x3f) << 12) | ((p[2] & 0x3f) << 6) | (p[3] & 0x3f);
    return 4;
}

static inline int kr_utf8_len_of_lead(unsigned char c) {
    return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

static inline int kr_utf8_encode(uint32_t cp, char *out) {
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xc0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xe0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
        o[2] = (unsigned char)(0x80 | (cp & 0x3f));
        return 3;
    }
    o[0] = (unsigned char)(0xf0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
    o[3] = (unsigned char)(0x80 | (cp & 0x3f));
    return 4;
}

static inline int kr_utf8_size_of(uint32_t cp) {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/* Counts code points of WTF-8 text (continuation bytes are 10xxxxxx). */
kr_ssize kr_utf8_count(const char *s, kr_ssize n);
/* Validates strict UTF-8 (no surrogates): returns -1 if valid, else the byte offset of
 * the first bad sequence; *reason and *badlen describe it (for UnicodeDecodeError). */
kr_ssize kr_utf8_validate(const char *s, kr_ssize n, const char **reason, kr_ssize *badlen,
                          kr_ssize *cps);

/* ---- str internals (str.c) ---- */
#define KR_STR(o) ((KrStr *)(o))
/* An exact str of `size` bytes whose contents the caller fills; length/ascii given. */
KrObject *kr_str_alloc(kr_ssize size, kr_ssize length, bool ascii);
/* Copies an exact or subclass str into a new exact str (for str(subclass_instance)). */
KrObject *kr_str_exact_copy(KrObject *s);
/* Repr text of the string (with quotes), optionally escaping all non-ASCII. */
KrObject *kr_str_repr_impl(KrObject *s, bool ascii_only);
/* Single-character string for a code point (cached for Latin-1). */
KrObject *kr_str_char(uint32_t cp);
/* Converts a start/end pair of optional indexes (None or __index__) as slices do. */
int kr_str_parse_bounds(KrObject *start, KrObject *end, kr_ssize len, kr_ssize *s, kr_ssize *e);
int kr_str_bound_arg(KrObject *o, kr_ssize *out); /* None -> untouched, else clamp */

/* Methods table of str (str_methods.c). */
extern KrMethodDef kr_str_methods[];
KrObject *kr_str_mod(KrObject *a, KrObject *b); /* nb_remainder */

/* ---- byte-string search (shared by str and bytes: UTF-8 search is byte search) ---- */
/* Finds needle in haystack[0..n): byte offset or -1. */
kr_ssize kr_bytes_find_raw(const char *h, kr_ssize n, const char *needle, kr_ssize m);
kr_ssize kr_bytes_rfind_raw(const char *h, kr_ssize n, const char *needle, kr_ssize m);
kr_ssize kr_bytes_count_raw(const char *h, kr_ssize n, const char *needle, kr_ssize m,
                            kr_ssize maxcount);

/* ---- bytes internals ---- */
extern KrMethodDef kr_bytes_methods[], kr_bytearray_methods[];
extern KrObject *kr_bytes_empty;
KrObject *kr_bytes_repr_impl(const char *s, kr_ssize n, const char *prefix, const char *suffix);

int kr_bytes_collect_iterable(KrObject *o, char **buf, kr_ssize *n); /* ints -> buffer */
int kr_bytes_source_data(KrObject *o, char **buf, kr_ssize *n, bool allow_count);
KrObject *kr_bytes_richcompare_any(KrObject *a, KrObject *b, int op);
int kr_bytes_contains_any(const char *d, kr_ssize n, KrObject *x);
KrObject *kr_bytes_iter_new(KrObject *seq, KrType *t);

/* bytearray's own methods (bytearray.c), listed in its table in bytes_methods.c */
KrObject *kr_bytearray_m_append(KrObject *self, KrObject *arg);
KrObject *kr_bytearray_m_extend(KrObject *self, KrObject *arg);
KrObject *kr_bytearray_m_insert(KrObject *self, KrObject *const *args, kr_ssize nargs);
KrObject *kr_bytearray_m_pop(KrObject *self, KrObject *const *args, kr_ssize nargs);
KrObject *kr_bytearray_m_remove(KrObject *self, KrObject *arg);
KrObject *kr_bytearray_m_clear(KrObject *self, KrObject *unused);
KrObject *kr_bytearray_m_copy(KrObject *self, KrObject *unused);
KrObject *kr_bytearray_m_reverse(KrObject *self, KrObject *unused);
KrObject *kr_bytearray_m_alloc(KrObject *self, KrObject *unused);
KrObject *kr_bytearray_m_sizeof(KrObject *self, KrObject *unused);
KrObject *kr_bytearray_m_reduce(KrObject *self, KrObject *unused);

/* Shared implementations of the bytes/bytearray methods (bytes_methods.c): `self` is
 * either; results are built with `make` (kr_bytes_from_data or kr_bytearray_from_data). */
typedef KrObject *(*kr_bytes_maker)(const char *s, kr_ssize n);

/* ---- numbers needed by formatting ---- */
/* Appends `text` padded per a parsed spec; shared by format.c and str_format.c. */

#endif /* KR_STRINGS_H */
