/* bytes_methods.c - the methods bytes and bytearray share (searching, splitting,
 * stripping, ASCII case mapping and predicates, padding, hex/fromhex, translate, decode)
 * and both method tables. Results are bytes for bytes and bytearray for bytearray. */
#include <stdio.h>

#include "strings.h"

static void view(KrObject *self, const char **d, kr_ssize *n) {
    if (!kr_bytes_like_view(self, d, n)) {
        *d = "";
        *n = 0;
    }
}

static KrObject *make(KrObject *self, const char *d, kr_ssize n) {
    if (KR_BYTEARRAY_CHECK(self)) return kr_bytearray_from_data(d, n);
    return kr_bytes_from_data(d, n);
}

/* Same object for unchanged exact bytes (CPython returns self there), a copy otherwise. */
static KrObject *same(KrObject *self) {
    if (KR_TYPE(self) == &kr_bytes_type) return KR_NEWREF(self);
    const char *d;
    kr_ssize n;
    view(self, &d, &n);
    return make(self, d, n);
}

static int need_buffer(KrObject *o, const char **d, kr_ssize *n) {
    if (kr_bytes_like_view(o, d, n)) return 0;
    kr_err_format(kr_exc_TypeError, "a bytes-like object is required, not '%.100s'",
                  kr_type_name_cstr(KR_TYPE(o)));
    return -1;
}

static bool is_space(unsigned char c) { return c == ' ' || (c >= 9 && c <= 13); }
static bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static bool is_alpha(unsigned char c) { return is_lower(c) || is_upper(c); }
static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* ===========================================================================
 * Searching
 * ========================================================================= */

/* Parses (sub, start, end) where sub is bytes-like or an int. */
static int find_args(const char *fname, KrObject *self, KrObject *const *args, kr_ssize nargs,
                     const char **sub, kr_ssize *m, char *byte, kr_ssize *start, kr_ssize *end) {
    if (nargs < 1) {
        kr_err_format(kr_exc_TypeError, "%s() takes at least 1 argument (0 given)", fname);
        return -1;
    }
    if (nargs > 3) {
        kr_err_format(kr_exc_TypeError, "%s() takes at most 3 arguments (%zd given)", fname, nargs);
        return -1;
    }
    if (!kr_bytes_like_view(args[0], sub, m)) {
        if (!kr_index_check(args[0])) {
            kr_err_format(kr_exc_TypeError,
                          "argument should be integer or bytes-like object, not '%.200s'",
                          kr_type_name_cstr(KR_TYPE(args[0])));
            return -1;
        }
        kr_ssize v = kr_number_as_ssize(args[0], NULL);
        if (v == -1 && kr_err_occurred()) return -1;
        if (v < 0 || v > 255) {
            kr_err_set_string(kr_exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        *byte = (char)v;
        *sub = byte;
        *m = 1;
    }
    const char *d;
    kr_ssize n;
    view(self, &d, &n);
    return kr_str_parse_bounds(nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL, n, start,
                               end);
}

static kr_ssize do_find(KrObject *self, KrObject *const *args, kr_ssize nargs, const char *fname,
                        bool reverse) {
    const char *sub, *d;
    kr_ssize m, n, start, end;
    char byte;
    if (find_args(fname, self, args, nargs, &sub, &m, &byte, &start, &end) < 0) return -2;
    view(self, &d, &n);
    if (end - start < m) return -1;
    kr_ssize r = reverse ? kr_bytes_rfind_raw(d + start, end - start, sub, m)
                         : kr_bytes_find_raw(d + start, end - start, sub, m);
    return r < 0 ? -1 : start + r;
}

static KrObject *b_find(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    kr_ssize r = do_find(self, args, nargs, "find", false);
    return r == -2 ? NULL : kr_int_from_ssize(r);
}
static KrObject *b_rfind(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    kr_ssize r = do_find(self, args, nargs, "rfind", true);
    return r == -2 ? NULL : kr_int_from_ssize(r);
}
static KrObject *b_index(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    kr_ssize r = do_find(self, args, nargs, "index", false);
    if (r == -1) kr_err_set_string(kr_exc_ValueError, "subsection not found");
    return r < 0 ? NULL : kr_int_from_ssize(r);
}
static KrObject *b_rindex(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    kr_ssize r = do_find(self, args, nargs, "rindex", true);
    if (r == -1) kr_err_set_string(kr_exc_ValueError, "subsection not found");
    return r < 0 ? NULL : kr_int_from_ssize(r);
}

static KrObject *b_count(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    const char *sub, *d;
    kr_ssize m, n, start, end;
    char byte;
    if (find_args("count", self, args, nargs, &sub, &m, &byte, &start, &end) < 0) return NULL;
    view(self, &d, &n);
    if (end - start < m) return kr_int_from_ssize(0);
    return kr_int_from_ssize(kr_bytes_count_raw(d + start, end - start, sub, m, PTRDIFF_MAX));
}

static KrObject *tail_match(KrObject *self, KrObject *const *args, kr_ssize nargs,
                            const char *fname, bool at_end) {
    if (nargs < 1 || nargs > 3) {
        if (nargs < 1)
            return kr_err_format(kr_exc_TypeError, "%s() takes at least 1 argument (0 given)",
                                 fname);
        return kr_err_format(kr_exc_TypeError, "%s() takes at most 3 arguments (%zd given)", fname,
                             nargs);
    }
    const char *d;
    kr_ssize n, start, end;
    view(self, &d, &n);
    if (kr_str_parse_bounds(nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL, n, &start,
                            &end) < 0)
        return NULL;
    KrObject *x = args[0];
    kr_ssize count = KR_TUPLE_CHECK(x) ? KR_SIZE(x) : 1;
    for (kr_ssize i = 0; i < count; i++) {
        KrObject *p = KR_TUPLE_CHECK(x) ? KR_TUPLE_ITEM(x, i) : x;
        const char *s;
        kr_ssize m;
        if (!kr_bytes_like_view(p, &s, &m)) {
            if (KR_TUPLE_CHECK(x))
                return kr_err_format(kr_exc_TypeError,
                                     "a bytes-like object is required, not '%.100s'",
                                     kr_type_name_cstr(KR_TYPE(p)));
            return kr_err_format(kr_exc_TypeError,
                                 "%s first arg must be bytes or a tuple of bytes, not %.100s",
                                 fname, kr_type_name_cstr(KR_TYPE(p)));
        }
        if (start > n || end - start < m) continue;
        kr_ssize pos = at_end ? end - m : start;
        if (memcmp(d + pos, s, (size_t)m) == 0) return KR_NEWREF(kr_true);
    }
    return KR_NEWREF(kr_false);
}

static KrObject *b_startswith(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    return tail_match(self, args, nargs, "startswith", false);
}
static KrObject *b_endswith(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    return tail_match(self, args, nargs, "endswith", true);
}

/* ===========================================================================
 * Splitting, joining, partition
 * ========================================================================= */

static int split_args(const char *fname, KrObject *const *args, kr_ssize nargs, KrObject *kwnames,
                      const char **sep, kr_ssize *m, kr_ssize *maxsplit) {
    KrObject *a[2] = {NULL, NULL};
    if (nargs > 2)
        return kr_err_format(kr_exc_TypeError, "%s() takes at most 2 arguments (%zd given)", fname,
                             nargs),
               -1;
    for (kr_ssize i = 0; i < nargs; i++)
        a[i] = args[i];
    for (kr_ssize k = 0; kwnames && k < KR_SIZE(kwnames); k++) {
        KrObject *key = KR_TUPLE_ITEM(kwnames, k);
        int slot = kr_str_eq_cstr(key, "sep") ? 0 : kr_str_eq_cstr(key, "maxsplit") ? 1 : -1;
        if (slot < 0) {
            kr_err_format(kr_exc_TypeError, "'%U' is an invalid keyword argument for %s()", key,
                          fname);
            return -1;
        }
        a[slot] = args[nargs + k];
    }
    *sep = NULL;
    *maxsplit = -1;
    if (a[0] && a[0] != kr_none) {
        if (need_buffer(a[0], sep, m) < 0) return -1;
        if (*m == 0) {
            kr_err_set_string(kr_exc_ValueError, "empty separator");
            return -1;
        }
    }
    if (a[1]) {
        *maxsplit = kr_number_as_ssize(a[1], kr_exc_OverflowError);
        if (*maxsplit == -1 && kr_err_occurred()) return -1;
    }
    if (*maxsplit < 0) *maxsplit = PTRDIFF_MAX;
    return 0;
}

static int add_piece(KrObject *list, KrObject *self, const char *d, kr_ssize a, kr_ssize b) {
    KrObject *p = (a == 0 && KR_TYPE(self) == &kr_bytes_type && b == KR_SIZE(self))
                      ? KR_NEWREF(self)
                      : make(self, d + a, b - a);
    if (!p) return -1;
    return kr_list_append_steal(list, p);
}

static KrObject *b_split(KrObject *self, KrObject *const *args, kr_ssize nargs, KrObject *kwnames) {
    const char *sep, *d;
    kr_ssize m = 0, maxsplit, n, i = 0;
    if (split_args("split", args, nargs, kwnames, &sep, &m, &maxsplit) < 0) return NULL;
    view(self, &d, &n);
    KrObject *list = kr_list_new(0);
    if (!list) return NULL;
    if (!sep) {
        const unsigned char *u = (const unsigned char *)d;
        while (maxsplit-- > 0) {
            while (i < n && is_space(u[i]))
                i++;
            if (i >= n) break;
            kr_ssize j = i;
            while (i < n && !is_space(u[i]))
                i++;
            if (add_piece(list, self, d, j, i) < 0) goto fail;
        }
        if (i < n) {
            while (i < n && is_space(u[i]))
                i++;
            if (i < n && add_piece(list, self, d, i, n) < 0) goto fail;
        }
        return list;
    }
    while (maxsplit-- > 0) {
        kr_ssize f = kr_bytes_find_raw(d + i, n - i, sep, m);
        if (f < 0) break;
        if (add_piece(list, self, d, i, i + f) < 0) goto fail;
        i += f + m;
    }
    if (add_piece(list, self, d, i, n) < 0) goto fail;
    return list;
fail:
    KR_DECREF(list);
    return NULL;
}

static KrObject *b_rsplit(KrObject *self, KrObject *const *args, kr_ssize nargs,
                          KrObject *kwnames) {
    const char *sep, *d;
    kr_ssize m = 0, maxsplit, n;
    if (split_args("rsplit", args, nargs, kwnames, &sep, &m, &maxsplit) < 0) return NULL;
    view(self, &d, &n);
    KrObject *list = kr_list_new(0);
    if (!list) return NULL;
    kr_ssize j = n;
    if (!sep) {
        const unsigned char *u = (const unsigned char *)d;
        while (maxsplit-- > 0) {
            while (j > 0 && is_space(u[j - 1]))
                j--;
            if (j <= 0) break;
            kr_ssize e = j;
            while (j > 0 && !is_space(u[j - 1]))
                j--;
            if (add_piece(list, self, d, j, e) < 0) goto fail;
        }
        if (j > 0) {
            while (j > 0 && is_space(u[j - 1]))
                j--;
            if (j > 0 && add_piece(list, self, d, 0, j) < 0) goto fail;
        }
    } else {
        while (maxsplit-- > 0) {
            kr_ssize f = kr_bytes_rfind_raw(d, j, sep, m);
            if (f < 0) break;
            if (add_piece(list, self, d, f + m, j) < 0) goto fail;
            j = f;
        }
        if (add_piece(list, self, d, 0, j) < 0) goto fail;
    }
    if (kr_list_reverse(list) < 0) goto fail;
    return list;
fail:
    KR_DECREF(list);
    return NULL;
}

static KrObject *b_splitlines(KrObject *self, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    KrObject *ka = nargs ? args[0] : (kwnames && KR_SIZE(kwnames) ? args[nargs] : NULL);
    if (nargs > 1)
        return kr_err_format(kr_exc_TypeError, "splitlines() takes at most 1 argument (%zd given)",
                             nargs);
    int keep = 0;
    if (ka) {
        kr_ssize v = kr_number_as_ssize(ka, kr_exc_OverflowError);
        if (v == -1 && kr_err_occurred()) return NULL;
        keep = v != 0;
    }
    const char *d;
    kr_ssize n, i = 0;
    view(self, &d, &n);
    KrObject *list = kr_list_new(0);
    if (!list) return NULL;
    while (i < n) {
        kr_ssize j = i;
        while (j < n && d[j] != '\n' && d[j] != '\r')
            j++;
        kr_ssize eol = j;
        if (j < n) {
            if (d[j] == '\r' && j + 1 < n && d[j + 1] == '\n')
                j += 2;
            else
                j++;
            if (keep) eol = j;
        }
        if (add_piece(list, self, d, i, eol) < 0) {
            KR_DECREF(list);
            return NULL;
        }
        i = j;
    }
    return list;
}

static KrObject *b_partition_impl(KrObject *self, KrObject *sepo, bool reverse) {
    const char *sep, *d;
    kr_ssize m, n;
    if (need_buffer(sepo, &sep, &m) < 0) return NULL;
    if (m == 0) {
        kr_err_set_string(kr_exc_ValueError, "empty separator");
        return NULL;
    }
    view(self, &d, &n);
    kr_ssize f = reverse ? kr_bytes_rfind_raw(d, n, sep, m) : kr_bytes_find_raw(d, n, sep, m);
    KrObject *a, *b, *c;
    if (f < 0) {
        KrObject *whole = same(self), *e1 = make(self, NULL, 0), *e2 = make(self, NULL, 0);
        a = reverse ? e1 : whole;
        b = reverse ? e2 : e1;
        c = reverse ? whole : e2;
    } else {
        a = make(self, d, f);
        b = make(self, sep, m);
        c = make(self, d + f + m, n - f - m);
    }
    KrObject *r = a && b && c ? kr_tuple_pack(3, a, b, c) : NULL;
    KR_XDECREF(a);
    KR_XDECREF(b);
    KR_XDECREF(c);
    return r;
}

static KrObject *b_partition(KrObject *self, KrObject *sep) {
    return b_partition_impl(self, sep, false);
}
static KrObject *b_rpartition(KrObject *self, KrObject *sep) {
    return b_partition_impl(self, sep, true);
}

static KrObject *b_join(KrObject *self, KrObject *iterable) {
    KrObject *seq = kr_list_from_iterable(iterable);
    if (!seq) return NULL;
    const char *sep;
    kr_ssize m;
    view(self, &sep, &m);
    kr_ssize total = 0, n = KR_SIZE(seq);
    for (kr_ssize i = 0; i < n; i++) {
        const char *d;
        kr_ssize k;
        if (!kr_bytes_like_view(KR_LIST_ITEM(seq, i), &d, &k)) {
            kr_err_format(kr_exc_TypeError,
                          "sequence item %zd: expected a bytes-like object, %.80s found", i,
                          kr_type_name_cstr(KR_TYPE(KR_LIST_ITEM(seq, i))));
            KR_DECREF(seq);
            return NULL;
        }
        total += k + (i ? m : 0);
    }
    KrObject *r = make(self, NULL, total);
    if (!r) {
        KR_DECREF(seq);
        return NULL;
    }
    char *out = KR_BYTEARRAY_CHECK(r) ? kr_bytearray_data(r) : ((KrBytes *)r)->data;
    for (kr_ssize i = 0; i < n; i++) {
        const char *d;
        kr_ssize k;
        kr_bytes_like_view(KR_LIST_ITEM(seq, i), &d, &k);
        if (i && m) {
            memcpy(out, sep, (size_t)m);
            out += m;
        }
        if (k) memcpy(out, d, (size_t)k);
        out += k;
    }
    KR_DECREF(seq);
    return r;
}

/* ===========================================================================
 * Stripping, replace, prefixes
 * ========================================================================= */

static KrObject *do_strip(KrObject *self, KrObject *const *args, kr_ssize nargs, int which,
                          const char *fname) {
    if (nargs > 1)
        return kr_err_format(kr_exc_TypeError, "%s expected at most 1 argument, got %zd", fname,
                             nargs);
    const char *chars = NULL, *d;
    kr_ssize nc = 0, n;
    if (nargs && args[0] != kr_none && need_buffer(args[0], &chars, &nc) < 0) return NULL;
    view(self, &d, &n);
    kr_ssize i = 0, j = n;
#define STRIPPABLE(c)                                                                              \
    (chars ? memchr(chars, (c), (size_t)nc) != NULL : is_space((unsigned char)(c)))
    if (which & 1)
        while (i < j && STRIPPABLE(d[i]))
            i++;
    if (which & 2)
        while (j > i && STRIPPABLE(d[j - 1]))
            j--;
#undef STRIPPABLE
    if (i == 0 && j == n) return same(self);
    return make(self, d + i, j - i);
}

static KrObject *b_strip(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    return do_strip(self, args, nargs, 3, "strip");
}
static KrObject *b_lstrip(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    return do_strip(self, args, nargs, 1, "lstrip");
}
static KrObject *b_rstrip(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    return do_strip(self, args, nargs, 2, "rstrip");
}

static KrObject *b_replace(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (nargs < 2 || nargs > 3)
        return kr_err_format(kr_exc_TypeError, "replace expected %s 2 arguments, got %zd",
                             nargs < 2 ? "at least" : "at most", nargs);
    const char *old, *new, *d;
    kr_ssize mo, mn, n, count = -1;
    if (need_buffer(args[0], &old, &mo) < 0 || need_buffer(args[1], &new, &mn) < 0) return NULL;
    if (nargs > 2) {
        count = kr_number_as_ssize(args[2], kr_exc_OverflowError);
        if (count == -1 && kr_err_occurred()) return NULL;
    }
    if (count < 0) count = PTRDIFF_MAX;
    view(self, &d, &n);
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    kr_ssize i = 0;
    if (mo == 0) {
        while (count > 0) {
            if (kr_strbuilder_append(&b, new, mn) < 0) goto fail;
            count--;
            if (i >= n) break;
            if (kr_strbuilder_append(&b, d + i, 1) < 0) goto fail;
            i++;
        }
    } else {
        while (count > 0) {
            kr_ssize f = kr_bytes_find_raw(d + i, n - i, old, mo);
            if (f < 0) break;
            if (kr_strbuilder_append(&b, d + i, f) < 0 || kr_strbuilder_append(&b, new, mn) < 0)
                goto fail;
            i += f + mo;
            count--;
        }
    }
    if (kr_strbuilder_append(&b, d + i, n - i) < 0) goto fail;
    KrObject *r = make(self, b.buf, b.size);
    kr_strbuilder_discard(&b);
    return r;
fail:
    kr_strbuilder_discard(&b);
    return NULL;
}

static KrObject *b_removeprefix(KrObject *self, KrObject *arg) {
    const char *p, *d;
    kr_ssize m, n;
    if (need_buffer(arg, &p, &m) < 0) return NULL;
    view(self, &d, &n);
    if (m <= n && memcmp(d, p, (size_t)m) == 0) return make(self, d + m, n - m);
    return same(self);
}

static KrObject *b_removesuffix(KrObject *self, KrObject *arg) {
    const char *p, *d;
    kr_ssize m, n;
    if (need_buffer(arg, &p, &m) < 0) return NULL;
    view(self, &d, &n);
    if (m && m <= n && memcmp(d + n - m, p, (size_t)m) == 0) return make(self, d, n - m);
    return same(self);
}

/* ===========================================================================
 * Case, padding, predicates
 * ========================================================================= */

enum { C_LOWER, C_UPPER, C_SWAP, C_TITLE, C_CAPITALIZE };

static KrObject *change_case(KrObject *self, int mode) {
    const char *d;
    kr_ssize n;
    view(self, &d, &n);
    KrObject *r = make(self, d, n);
    if (!r) return NULL;
    char *o = KR_BYTEARRAY_CHECK(r) ? kr_bytearray_data(r) : ((KrBytes *)r)->data;
    bool prev_cased = false;
    for (kr_ssize i = 0; i < n; i++) {
        unsigned char c = (unsigned char)o[i];
        switch (mode) {
        case C_LOWER:
            if (is_upper(c)) c += 32;
            break;
        case C_UPPER:
            if (is_lower(c)) c -= 32;
            break;
        case C_SWAP:
            c = is_upper(c) ? c + 32 : is_lower(c) ? c - 32 : c;
            break;
        case C_TITLE:
            if (prev_cased && is_upper(c))
                c += 32;
            else if (!prev_cased && is_lower(c))
                c -= 32;
            prev_cased = is_alpha(c);
            break;
        default:
            if (i == 0 && is_lower(c))
                c -= 32;
            else if (i > 0 && is_upper(c))
                c += 32;
        }
        o[i] = (char)c;
    }
    return r;
}

static KrObject *b_lower(KrObject *s, KrObject *u) { return change_case(s, C_LOWER); }
static KrObject *b_upper(KrObject *s, KrObject *u) { return change_case(s, C_UPPER); }
static KrObject *b_swapcase(KrObject *s, KrObject *u) { return change_case(s, C_SWAP); }
static KrObject *b_title(KrObject *s, KrObject *u) { return change_case(s, C_TITLE); }
static KrObject *b_capitalize(KrObject *s, KrObject *u) { return change_case(s, C_CAPITALIZE); }

typedef bool (*byte_pred)(unsigned char);
static bool is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }
static bool is_ascii(unsigned char c) { return c < 128; }

static KrObject *all_bytes(KrObject *self, byte_pred p, bool empty) {
    const char *d;
    kr_ssize n;
    view(self, &d, &n);
    if (n == 0) return KR_NEWREF(kr_bool_from(empty));
    for (kr_ssize i = 0; i < n; i++)
        if (!p((unsigned char)d[i])) return KR_NEWREF(kr_false);
    return KR_NEWREF(kr_true);
}

static KrObject *b_isalpha(KrObject *s, KrObject *u) { return all_bytes(s, is_alpha, false); }
static KrObject *b_isalnum(KrObject *s, KrObject *u) { return all_bytes(s, is_alnum, false); }
static KrObject *b_isdigit(KrObject *s, KrObject *u) { return all_bytes(s, is_digit, false); }
static KrObject *b_isspace(KrObject *s, KrObject *u) { return all_bytes(s, is_space, false); }
static KrObject *b_isascii(KrObject *s, KrObject *u) { return all_bytes(s, is_ascii, true); }

static KrObject *b_islower(KrObject *self, KrObject *u) {
    const char *d;
    kr_ssize n;
    view(self, &d, &n);
    bool cased = false;
    for (kr_ssize i = 0; i < n; i++) {
        if (is_upper((unsigned char)d[i])) return KR_NEWREF(kr_false);
        if (is_lower((unsigned char)d[i])) cased = true;
    }
    return KR_NEWREF(kr_bool_from(cased));
}

static KrObject *b_isupper(KrObject *self, KrObject *u) {
    const char *d;
    kr_ssize n;
    view(self, &d, &n);
    bool cased = false;
    for (kr_ssize i = 0; i < n; i++) {
        if (is_lower((unsigned char)d[i])) return KR_NEWREF(kr_false);
        if (is_upper((unsigned char)d[i])) cased = true;
    }
    return KR_NEWREF(kr_bool_from(cased));
}

static KrObject *b_istitle(KrObject *self, KrObject *u) {
    const char *d;
    kr_ssize n;
    view(self, &d, &n);
    bool cased = false, prev = false;
    for (kr_ssize i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (is_upper(c)) {
            if (prev) return KR_NEWREF(kr_false);
            prev = cased = true;
        } else if (is_lower(c)) {
            if (!prev) return KR_NEWREF(kr_false);
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return KR_NEWREF(kr_bool_from(cased));
}

static KrObject *pad(KrObject *self, kr_ssize left, kr_ssize right, char fill) {
    const char *d;
    kr_ssize n;
    view(self, &d, &n);
    if (left <= 0 && right <= 0) return same(self);
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    KrObject *r = make(self, NULL, left + n + right);
    if (!r) return NULL;
    char *o = KR_BYTEARRAY_CHECK(r) ? kr_bytearray_data(r) : ((KrBytes *)r)->data;
    memset(o, fill, (size_t)left);
    memcpy(o + left, d, (size_t)n);
    memset(o + left + n, fill, (size_t)right);
    return r;
}

static KrObject *justify(KrObject *self, KrObject *const *args, kr_ssize nargs, int kind,
                         const char *fname) {
    if (nargs < 1 || nargs > 2)
        return kr_err_format(kr_exc_TypeError, "%s expected %s, got %zd", fname,
                             nargs < 1 ? "at least 1 argument" : "at most 2 arguments", nargs);
    kr_ssize width = kr_number_as_ssize(args[0], kr_exc_OverflowError);
    if (width == -1 && kr_err_occurred()) return NULL;
    char fill = ' ';
    if (nargs > 1) {
        const char *f;
        kr_ssize fl;
        if (!kr_bytes_like_view(args[1], &f, &fl) || fl != 1)
            return kr_err_format(kr_exc_TypeError,
                                 "%s() argument 2 must be a byte string of length 1, not %.50s",
                                 fname, kr_type_name_cstr(KR_TYPE(args[1])));
        fill = f[0];
    }
    kr_ssize n = KR_SIZE(self);
    if (width <= n) return same(self);
    kr_ssize marg = width - n;
    if (kind == 1) return pad(self, 0, marg, fill);
    if (kind == 2) return pad(self, marg, 0, fill);
    kr_ssize left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static KrObject *b_center(KrObject *s, KrObject *const *a, kr_ssize n) {
    return justify(s, a, n, 0, "center");
}
static KrObject *b_ljust(KrObject *s, KrObject *const *a, kr_ssize n) {
    return justify(s, a, n, 1, "ljust");
}
static KrObject *b_rjust(KrObject *s, KrObject *const *a, kr_ssize n) {
    return justify(s, a, n, 2, "rjust");
}

static KrObject *b_zfill(KrObject *self, KrObject *arg) {
    kr_ssize width = kr_number_as_ssize(arg, kr_exc_OverflowError);
    if (width == -1 && kr_err_occurred()) return NULL;
    kr_ssize n = KR_SIZE(self);
    if (width <= n) return same(self);
    KrObject *r = pad(self, width - n, 0, '0');
    if (!r) return NULL;
    char *o = KR_BYTEARRAY_CHECK(r) ? kr_bytearray_data(r) : ((KrBytes *)r)->data;
    kr_ssize f = width - n;
    if (o[f] == '+' || o[f] == '-') {
        o[0] = o[f];
        o[f] = '0';
    }
    return r;
}

static KrObject *b_expandtabs(KrObject *self, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    KrObject *ta = nargs ? args[0] : (kwnames && KR_SIZE(kwnames) ? args[nargs] : NULL);
    kr_ssize tab = 8;
    if (ta) {
        tab = kr_number_as_ssize(ta, kr_exc_OverflowError);
        if (tab == -1 && kr_err_occurred()) return NULL;
    }
    const char *d;
    kr_ssize n, col = 0;
    view(self, &d, &n);
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    for (kr_ssize i = 0; i < n; i++) {
        if (d[i] == '\t') {
            if (tab > 0) {
                kr_ssize p = tab - col % tab;
                if (kr_strbuilder_append_fill(&b, ' ', p) < 0) goto fail;
                col += p;
            }
        } else {
            if (kr_strbuilder_append(&b, d + i, 1) < 0) goto fail;
            col = (d[i] == '\n' || d[i] == '\r') ? 0 : col + 1;
        }
    }
    KrObject *r = make(self, b.buf, b.size);
    kr_strbuilder_discard(&b);
    return r;
fail:
    kr_strbuilder_discard(&b);
    return NULL;
}

/* ===========================================================================
 * hex, fromhex, translate, maketrans, decode
 * ========================================================================= */

static KrObject *b_hex(KrObject *self, KrObject *const *args, kr_ssize nargs, KrObject *kwnames) {
    KrObject *a[2] = {NULL, NULL};
    for (kr_ssize i = 0; i < nargs && i < 2; i++)
        a[i] = args[i];
    for (kr_ssize k = 0; kwnames && k < KR_SIZE(kwnames); k++)
        a[kr_str_eq_cstr(KR_TUPLE_ITEM(kwnames, k), "sep") ? 0 : 1] = args[nargs + k];
    const char *d;
    kr_ssize n;
    view(self, &d, &n);
    char sep = 0;
    kr_ssize per = 1;
    if (a[0]) {
        const char *s;
        kr_ssize sl;
        if (KR_STR_CHECK(a[0])) {
            s = kr_str_data(a[0]);
            sl = kr_str_length(a[0]);
            if (sl == 1 && !KR_STR(a[0])->ascii) {
                kr_err_set_string(kr_exc_ValueError, "sep must be ASCII.");
                return NULL;
            }
        } else if (!kr_bytes_like_view(a[0], &s, &sl)) {
            return kr_err_format(kr_exc_TypeError, "sep must be str or bytes.");
        }
        if (sl != 1) {
            kr_err_set_string(kr_exc_ValueError, "sep must be length 1.");
            return NULL;
        }
        sep = s[0];
    }
    if (a[1]) {
        per = kr_number_as_ssize(a[1], kr_exc_OverflowError);
        if (per == -1 && kr_err_occurred()) return NULL;
    }
    static const char hexd[] = "0123456789abcdef";
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    kr_ssize g = per < 0 ? -per : per;
    for (kr_ssize i = 0; i < n; i++) {
        if (sep && g && i > 0) {
            /* positive: groups counted from the right; negative: from the left */
            bool boundary = per > 0 ? (n - i) % g == 0 : i % g == 0;
            if (boundary && kr_strbuilder_append(&b, &sep, 1) < 0) goto fail;
        }
        char two[2] = {hexd[(unsigned char)d[i] >> 4], hexd[(unsigned char)d[i] & 15]};
        if (kr_strbuilder_append(&b, two, 2) < 0) goto fail;
    }
    return kr_strbuilder_finish(&b);
fail:
    kr_strbuilder_discard(&b);
    return NULL;
}

static int hexval(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static KrObject *fromhex_common(KrObject *cls, KrObject *arg, bool bytearray) {
    if (!KR_STR_CHECK(arg))
        return kr_err_format(kr_exc_TypeError, "fromhex() argument must be str, not %.100s",
                             kr_type_name_cstr(KR_TYPE(arg)));
    const unsigned char *s = (const unsigned char *)kr_str_data(arg);
    kr_ssize n = kr_str_size(arg), i = 0;
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    while (i < n) {
        if (is_space(s[i])) {
            i++;
            continue;
        }
        int hi = hexval(s[i]);
        int lo = i + 1 < n ? hexval(s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            kr_ssize pos = hi < 0 ? i : i + 1;
            kr_strbuilder_discard(&b);
            return kr_err_format(kr_exc_ValueError,
                                 "non-hexadecimal number found in fromhex() arg at position %zd",
                                 kr_utf8_count((const char *)s, pos));
        }
        char c = (char)(hi * 16 + lo);
        if (kr_strbuilder_append(&b, &c, 1) < 0) {
            kr_strbuilder_discard(&b);
            return NULL;
        }
        i += 2;
    }
    KrObject *r =
        bytearray ? kr_bytearray_from_data(b.buf, b.size) : kr_bytes_from_data(b.buf, b.size);
    kr_strbuilder_discard(&b);
    KrType *base = bytearray ? &kr_bytearray_type : &kr_bytes_type;
    if (r && (KrType *)cls != base) KR_SETREF(r, kr_call_one(cls, r));
    return r;
}

static KrObject *bytes_fromhex(KrObject *cls, KrObject *arg) {
    return fromhex_common(cls, arg, false);
}
static KrObject *bytearray_fromhex(KrObject *cls, KrObject *arg) {
    return fromhex_common(cls, arg, true);
}

static KrObject *b_maketrans(KrObject *unused, KrObject *const *args, kr_ssize nargs) {
    if (nargs != 2)
        return kr_err_format(kr_exc_TypeError, "maketrans expected 2 arguments, got %zd", nargs);
    const char *f, *t;
    kr_ssize nf, nt;
    if (need_buffer(args[0], &f, &nf) < 0 || need_buffer(args[1], &t, &nt) < 0) return NULL;
    if (nf != nt) {
        kr_err_set_string(kr_exc_ValueError, "maketrans arguments must have same length");
        return NULL;
    }
    char table[256];
    for (int i = 0; i < 256; i++)
        table[i] = (char)i;
    for (kr_ssize i = 0; i < nf; i++)
        table[(unsigned char)f[i]] = t[i];
    return kr_bytes_from_data(table, 256);
}

static KrObject *b_translate(KrObject *self, KrObject *const *args, kr_ssize nargs,
                             KrObject *kwnames) {
    KrObject *ta = nargs ? args[0] : NULL, *da = nargs > 1 ? args[1] : NULL;
    for (kr_ssize k = 0; kwnames && k < KR_SIZE(kwnames); k++) {
        if (kr_str_eq_cstr(KR_TUPLE_ITEM(kwnames, k), "delete"))
            da = args[nargs + k];
        else
            return kr_err_format(kr_exc_TypeError,
                                 "'%U' is an invalid keyword argument for translate()",
                                 KR_TUPLE_ITEM(kwnames, k));
    }
    if (!ta)
        return kr_err_format(kr_exc_TypeError, "translate expected at least 1 argument, got 0");
    const char *table = NULL, *del = NULL, *d;
    kr_ssize tn = 0, dn = 0, n;
    if (ta != kr_none) {
        if (need_buffer(ta, &table, &tn) < 0) return NULL;
        if (tn != 256) {
            kr_err_set_string(kr_exc_ValueError, "translation table must be 256 characters long");
            return NULL;
        }
    }
    if (da && need_buffer(da, &del, &dn) < 0) return NULL;
    view(self, &d, &n);
    bool drop[256] = {false};
    for (kr_ssize i = 0; i < dn; i++)
        drop[(unsigned char)del[i]] = true;
    char *out = kr_mem_malloc((size_t)n + 1);
    if (!out) return NULL;
    kr_ssize w = 0;
    for (kr_ssize i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (drop[c]) continue;
        out[w++] = table ? table[c] : (char)c;
    }
    KrObject *r = (w == n && !table && KR_TYPE(self) == &kr_bytes_type) ? KR_NEWREF(self)
                                                                        : make(self, out, w);
    kr_mem_free(out);
    return r;
}

static KrObject *b_decode(KrObject *self, KrObject *const *args, kr_ssize nargs,
                          KrObject *kwnames) {
    KrObject *a[2] = {NULL, NULL};
    if (nargs > 2)
        return kr_err_format(kr_exc_TypeError, "decode() takes at most 2 arguments (%zd given)",
                             nargs);
    for (kr_ssize i = 0; i < nargs; i++)
        a[i] = args[i];
    for (kr_ssize k = 0; kwnames && k < KR_SIZE(kwnames); k++) {
        KrObject *key = KR_TUPLE_ITEM(kwnames, k);
        int slot = kr_str_eq_cstr(key, "encoding") ? 0 : kr_str_eq_cstr(key, "errors") ? 1 : -1;
        if (slot < 0)
            return kr_err_format(kr_exc_TypeError,
                                 "'%U' is an invalid keyword argument for decode()", key);
        a[slot] = args[nargs + k];
    }
    static const char *const names[] = {"encoding", "errors"};
    for (int i = 0; i < 2; i++)
        if (a[i] && !KR_STR_CHECK(a[i]))
            return kr_err_format(kr_exc_TypeError, "decode() argument '%s' must be str, not %.50s",
                                 names[i], kr_type_name_cstr(KR_TYPE(a[i])));
    const char *d;
    kr_ssize n;
    view(self, &d, &n);
    return kr_str_decode(d, n, a[0] ? kr_str_data(a[0]) : NULL, a[1] ? kr_str_data(a[1]) : NULL);
}

static KrObject *bytes_getnewargs(KrObject *self, KrObject *u) {
    KrObject *b = kr_bytes_from_data(kr_bytes_data(self), KR_SIZE(self));
    KrObject *r = b ? kr_tuple_pack(1, b) : NULL;
    KR_XDECREF(b);
    return r;
}

static KrObject *bytes_bytes(KrObject *self, KrObject *u) {
    if (KR_TYPE(self) == &kr_bytes_type) return KR_NEWREF(self);
    return kr_bytes_from_data(kr_bytes_data(self), KR_SIZE(self));
}

static KrObject *bytes_sizeof(KrObject *self, KrObject *u) {
    return kr_int_from_ssize(33 + KR_SIZE(self));
}

#define COMMON_METHODS                                                                             \
    {"capitalize", b_capitalize, KR_METH_NOARGS, NULL},                                            \
        {"center", b_center, KR_METH_FASTCALL, NULL}, {"count", b_count, KR_METH_FASTCALL, NULL},  \
        {"decode", b_decode, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},                           \
        {"endswith", b_endswith, KR_METH_FASTCALL, NULL},                                          \
        {"expandtabs", b_expandtabs, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},                   \
        {"find", b_find, KR_METH_FASTCALL, NULL},                                                  \
        {"hex", b_hex, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},                                 \
        {"index", b_index, KR_METH_FASTCALL, NULL}, {"isalnum", b_isalnum, KR_METH_NOARGS, NULL},  \
        {"isalpha", b_isalpha, KR_METH_NOARGS, NULL},                                              \
        {"isascii", b_isascii, KR_METH_NOARGS, NULL},                                              \
        {"isdigit", b_isdigit, KR_METH_NOARGS, NULL},                                              \
        {"islower", b_islower, KR_METH_NOARGS, NULL},                                              \
        {"isspace", b_isspace, KR_METH_NOARGS, NULL},                                              \
        {"istitle", b_istitle, KR_METH_NOARGS, NULL},                                              \
        {"isupper", b_isupper, KR_METH_NOARGS, NULL}, {"join", b_join, KR_METH_O, NULL},           \
        {"ljust", b_ljust, KR_METH_FASTCALL, NULL}, {"lower", b_lower, KR_METH_NOARGS, NULL},      \
        {"lstrip", b_lstrip, KR_METH_FASTCALL, NULL},                                              \
        {"maketrans", b_maketrans, KR_METH_FASTCALL | KR_METH_STATIC, NULL},                       \
        {"partition", b_partition, KR_METH_O, NULL},                                               \
        {"replace", b_replace, KR_METH_FASTCALL, NULL},                                            \
        {"removeprefix", b_removeprefix, KR_METH_O, NULL},                                         \
        {"removesuffix", b_removesuffix, KR_METH_O, NULL},                                         \
        {"rfind", b_rfind, KR_METH_FASTCALL, NULL}, {"rindex", b_rindex, KR_METH_FASTCALL, NULL},  \
        {"rjust", b_rjust, KR_METH_FASTCALL, NULL}, {"rpartition", b_rpartition, KR_METH_O, NULL}, \
        {"rsplit", b_rsplit, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},                           \
        {"rstrip", b_rstrip, KR_METH_FASTCALL, NULL},                                              \
        {"split", b_split, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},                             \
        {"splitlines", b_splitlines, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},                   \
        {"startswith", b_startswith, KR_METH_FASTCALL, NULL},                                      \
        {"strip", b_strip, KR_METH_FASTCALL, NULL},                                                \
        {"swapcase", b_swapcase, KR_METH_NOARGS, NULL}, {"title", b_title, KR_METH_NOARGS, NULL},  \
        {"translate", b_translate, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},                     \
        {"upper", b_upper, KR_METH_NOARGS, NULL}, {"zfill", b_zfill, KR_METH_O, NULL},

KrMethodDef kr_bytes_methods[] = {
    COMMON_METHODS{"fromhex", bytes_fromhex, KR_METH_O | KR_METH_CLASS,
                   "Create a bytes object from a string of hexadecimal numbers."},
    {"__getnewargs__", bytes_getnewargs, KR_METH_NOARGS, NULL},
    {"__bytes__", bytes_bytes, KR_METH_NOARGS, "Convert this value to exact type bytes."},
    {"__sizeof__", bytes_sizeof, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KrMethodDef kr_bytearray_methods[] = {
    COMMON_METHODS{"fromhex", bytearray_fromhex, KR_METH_O | KR_METH_CLASS,
                   "Create a bytearray object from a string of hexadecimal numbers."},
    {"append", kr_bytearray_m_append, KR_METH_O,
     "Append a single item to the end of the bytearray."},
    {"extend", kr_bytearray_m_extend, KR_METH_O,
     "Append all the items from the iterator or sequence to the end of the bytearray."},
    {"insert", kr_bytearray_m_insert, KR_METH_FASTCALL,
     "Insert a single item into the bytearray before the given index."},
    {"pop", kr_bytearray_m_pop, KR_METH_FASTCALL, "Remove and return a single item from B."},
    {"remove", kr_bytearray_m_remove, KR_METH_O,
     "Remove the first occurrence of a value in the bytearray."},
    {"clear", kr_bytearray_m_clear, KR_METH_NOARGS, "Remove all items from the bytearray."},
    {"copy", kr_bytearray_m_copy, KR_METH_NOARGS, "Return a copy of B."},
    {"reverse", kr_bytearray_m_reverse, KR_METH_NOARGS,
     "Reverse the order of the values in B in place."},
    {"__alloc__", kr_bytearray_m_alloc, KR_METH_NOARGS, NULL},
    {"__sizeof__", kr_bytearray_m_sizeof, KR_METH_NOARGS, NULL},
    {"__reduce__", kr_bytearray_m_reduce, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};
