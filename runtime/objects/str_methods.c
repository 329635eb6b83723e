/* str_methods.c - the methods of str: searching, splitting, stripping, case mapping,
 * padding, predicates, join, replace, translate. They work on the UTF-8 bytes where that
 * is exact (searching, splitting on a separator) and decode to code points elsewhere. */
#include <stdio.h>

#include "strings.h"

/* ===========================================================================
 * Argument helpers
 * ========================================================================= */

/* Collects up to `max` arguments (positional then by keyword) into out[]. */
static int parse_kw(const char *fname, KrObject *const *args, kr_ssize nargs, KrObject *kwnames,
                    const char *const *names, int max, KrObject **out) {
    for (int i = 0; i < max; i++)
        out[i] = NULL;
    if (nargs > max) {
        kr_err_format(kr_exc_TypeError, "%s() takes at most %d argument%s (%zd given)", fname, max,
                      max == 1 ? "" : "s", nargs);
        return -1;
    }
    for (kr_ssize i = 0; i < nargs; i++)
        out[i] = args[i];
    kr_ssize nkw = kwnames ? KR_SIZE(kwnames) : 0;
    for (kr_ssize k = 0; k < nkw; k++) {
        KrObject *key = KR_TUPLE_ITEM(kwnames, k);
        int found = -1;
        for (int i = 0; i < max; i++)
            if (kr_str_eq_cstr(key, names[i])) found = i;
        if (found < 0) {
            kr_err_format(kr_exc_TypeError, "'%U' is an invalid keyword argument for %s()", key,
                          fname);
            return -1;
        }
        if (out[found]) {
            kr_err_format(kr_exc_TypeError,
                          "argument for %s() given by name ('%s') and position (%d)", fname,
                          names[found], found + 1);
            return -1;
        }
        out[found] = args[nargs + k];
    }
    return 0;
}

static int check_nargs(const char *fname, kr_ssize nargs, kr_ssize min, kr_ssize max) {
    if (nargs < min) {
        kr_err_format(kr_exc_TypeError, "%s expected %s %zd argument%s, got %zd", fname,
                      min == max ? "exactly" : "at least", min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        kr_err_format(kr_exc_TypeError, "%s expected %s %zd argument%s, got %zd", fname,
                      min == max ? "exactly" : "at most", max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

static int as_ssize(KrObject *o, kr_ssize *out) {
    kr_ssize v = kr_number_as_ssize(o, kr_exc_OverflowError);
    if (v == -1 && kr_err_occurred()) return -1;
    *out = v;
    return 0;
}

int kr_str_bound_arg(KrObject *o, kr_ssize *out) {
    if (!o || o == kr_none) return 0;
    if (!kr_index_check(o)) {
        kr_err_set_string(kr_exc_TypeError,
                          "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    kr_ssize v = kr_number_as_ssize(o, NULL); /* clamps */
    if (v == -1 && kr_err_occurred()) return -1;
    *out = v;
    return 0;
}

/* Start/end as CPython's ADJUST_INDICES: end clamped to len, negatives wrap. */
int kr_str_parse_bounds(KrObject *start, KrObject *end, kr_ssize len, kr_ssize *s, kr_ssize *e) {
    *s = 0;
    *e = KR_SSIZE_MAXVAL;
    if (kr_str_bound_arg(start, s) < 0 || kr_str_bound_arg(end, e) < 0) return -1;
    if (*e > len)
        *e = len;
    else if (*e < 0) {
        *e += len;
        if (*e < 0) *e = 0;
    }
    if (*s < 0) {
        *s += len;
        if (*s < 0) *s = 0;
    }
    return 0;
}

/* Decodes a str into a freshly allocated code-point array (n = length). */
static uint32_t *to_ucs4(KrObject *o) {
    KrStr *s = KR_STR(o);
    uint32_t *buf = kr_mem_malloc((size_t)(s->length + 1) * sizeof(uint32_t));
    if (!buf) return NULL;
    const unsigned char *p = (const unsigned char *)s->data;
    for (kr_ssize i = 0; i < s->length; i++)
        p += kr_utf8_decode(p, &buf[i]);
    return buf;
}

static KrObject *self_exact(KrObject *self) { return kr_str_exact_copy(self); }

/* ===========================================================================
 * Searching: find, rfind, index, rindex, count, startswith, endswith
 * ========================================================================= */

static int find_args(const char *fname, KrObject *const *args, kr_ssize nargs, KrObject **sub,
                     KrObject **start, KrObject **end) {
    if (nargs < 1) {
        kr_err_format(kr_exc_TypeError, "%s() takes at least 1 argument (0 given)", fname);
        return -1;
    }
    if (nargs > 3) {
        kr_err_format(kr_exc_TypeError, "%s() takes at most 3 arguments (%zd given)", fname, nargs);
        return -1;
    }
    *sub = args[0];
    *start = nargs > 1 ? args[1] : NULL;
    *end = nargs > 2 ? args[2] : NULL;
    if (!KR_STR_CHECK(*sub)) {
        kr_err_format(kr_exc_TypeError, "must be str, not %T", *sub);
        return -1;
    }
    return 0;
}

/* Code-point index of byte offset `off` in s. */
static kr_ssize cp_index(KrObject *s, kr_ssize off) {
    return KR_STR(s)->ascii ? off : kr_utf8_count(kr_str_data(s), off);
}

/* Returns the code-point index of sub in self[start:end], -1 if absent, -2 on error. */
static kr_ssize do_find(KrObject *self, KrObject *const *args, kr_ssize nargs, const char *fname,
                        bool reverse) {
    KrObject *sub, *so, *eo;
    if (find_args(fname, args, nargs, &sub, &so, &eo) < 0) return -2;
    kr_ssize len = kr_str_length(self), start, end;
    if (kr_str_parse_bounds(so, eo, len, &start, &end) < 0) return -2;
    if (end - start < kr_str_length(sub)) return -1;
    kr_ssize b0 = kr_str_byte_offset(self, start), b1 = kr_str_byte_offset(self, end);
    const char *d = kr_str_data(self);
    kr_ssize r = reverse ? kr_bytes_rfind_raw(d + b0, b1 - b0, kr_str_data(sub), kr_str_size(sub))
                         : kr_bytes_find_raw(d + b0, b1 - b0, kr_str_data(sub), kr_str_size(sub));
    if (r < 0) return -1;
    return cp_index(self, b0 + r);
}

static KrObject *str_find(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    kr_ssize r = do_find(self, args, nargs, "find", false);
    return r == -2 ? NULL : kr_int_from_ssize(r);
}

static KrObject *str_rfind(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    kr_ssize r = do_find(self, args, nargs, "rfind", true);
    return r == -2 ? NULL : kr_int_from_ssize(r);
}

static KrObject *str_index(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    kr_ssize r = do_find(self, args, nargs, "index", false);
    if (r == -2) return NULL;
    if (r == -1) {
        kr_err_set_string(kr_exc_ValueError, "substring not found");
        return NULL;
    }
    return kr_int_from_ssize(r);
}

static KrObject *str_rindex(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    kr_ssize r = do_find(self, args, nargs, "rindex", true);
    if (r == -2) return NULL;
    if (r == -1) {
        kr_err_set_string(kr_exc_ValueError, "substring not found");
        return NULL;
    }
    return kr_int_from_ssize(r);
}

static KrObject *str_count(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    KrObject *sub, *so, *eo;
    if (find_args("count", args, nargs, &sub, &so, &eo) < 0) return NULL;
    kr_ssize len = kr_str_length(self), start, end;
    if (kr_str_parse_bounds(so, eo, len, &start, &end) < 0) return NULL;
    if (end - start < kr_str_length(sub)) return kr_int_from_ssize(0);
    if (kr_str_size(sub) == 0) return kr_int_from_ssize(end - start + 1);
    kr_ssize b0 = kr_str_byte_offset(self, start), b1 = kr_str_byte_offset(self, end);
    return kr_int_from_ssize(kr_bytes_count_raw(kr_str_data(self) + b0, b1 - b0, kr_str_data(sub),
                                                kr_str_size(sub), KR_SSIZE_MAXVAL));
}

static int tailmatch(KrObject *self, KrObject *sub, kr_ssize start, kr_ssize end, bool at_end) {
    kr_ssize sublen = kr_str_length(sub);
    if (end - start < sublen || start > kr_str_length(self)) return 0;
    if (sublen == 0) return 1;
    kr_ssize pos = at_end ? end - sublen : start;
    kr_ssize b = kr_str_byte_offset(self, pos);
    kr_ssize n = kr_str_size(sub);
    if (b + n > kr_str_size(self)) return 0;
    return memcmp(kr_str_data(self) + b, kr_str_data(sub), (size_t)n) == 0 &&
           (!at_end || b + n == kr_str_byte_offset(self, end));
}

static KrObject *startsendswith(KrObject *self, KrObject *const *args, kr_ssize nargs,
                                const char *fname, bool at_end) {
    if (nargs < 1) {
        kr_err_format(kr_exc_TypeError, "%s() takes at least 1 argument (0 given)", fname);
        return NULL;
    }
    if (nargs > 3) {
        kr_err_format(kr_exc_TypeError, "%s() takes at most 3 arguments (%zd given)", fname, nargs);
        return NULL;
    }
    kr_ssize start, end;
    if (kr_str_parse_bounds(nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL,
                            kr_str_length(self), &start, &end) < 0)
        return NULL;
    KrObject *x = args[0];
    if (KR_TUPLE_CHECK(x)) {
        for (kr_ssize i = 0; i < KR_SIZE(x); i++) {
            KrObject *sub = KR_TUPLE_ITEM(x, i);
            if (!KR_STR_CHECK(sub))
                return kr_err_format(kr_exc_TypeError, "tuple for %s must only contain str, not %T",
                                     fname, sub);
            if (tailmatch(self, sub, start, end, at_end)) return KR_NEWREF(kr_true);
        }
        return KR_NEWREF(kr_false);
    }
    if (!KR_STR_CHECK(x))
        return kr_err_format(kr_exc_TypeError, "%s first arg must be str or a tuple of str, not %T",
                             fname, x);
    return KR_NEWREF(kr_bool_from(tailmatch(self, x, start, end, at_end)));
}

static KrObject *str_startswith(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    return startsendswith(self, args, nargs, "startswith", false);
}

static KrObject *str_endswith(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    return startsendswith(self, args, nargs, "endswith", true);
}

/* ===========================================================================
 * Splitting and joining
 * ========================================================================= */

static bool is_space_at(const unsigned char *p, int *n) {
    uint32_t cp;
    *n = kr_utf8_decode(p, &cp);
    return kr_unicode_isspace(cp);
}

static int append_piece(KrObject *list, KrObject *self, const char *d, kr_ssize a, kr_ssize b) {
    KrObject *piece;
    if (a == 0 && b == kr_str_size(self) && KR_STR_CHECK_EXACT(self))
        piece = KR_NEWREF(self);
    else
        piece = kr_str_from_utf8_unchecked(
            d + a, b - a, KR_STR(self)->ascii ? b - a : kr_utf8_count(d + a, b - a),
            KR_STR(self)->ascii);
    if (!piece) return -1;
    if (!KR_STR(self)->ascii && KR_STR(piece)->length == KR_STR(piece)->size)
        KR_STR(piece)->ascii = 1;
    return kr_list_append_steal(list, piece);
}

static int split_args(const char *fname, KrObject *const *args, kr_ssize nargs, KrObject *kwnames,
                      KrObject **sep, kr_ssize *maxsplit) {
    static const char *const names[] = {"sep", "maxsplit"};
    KrObject *out[2];
    if (parse_kw(fname, args, nargs, kwnames, names, 2, out) < 0) return -1;
    *sep = out[0] == kr_none ? NULL : out[0];
    *maxsplit = -1;
    if (*sep && !KR_STR_CHECK(*sep)) {
        kr_err_format(kr_exc_TypeError, "must be str or None, not %T", *sep);
        return -1;
    }
    if (out[1] && as_ssize(out[1], maxsplit) < 0) return -1;
    if (*maxsplit < 0) *maxsplit = KR_SSIZE_MAXVAL;
    if (*sep && kr_str_size(*sep) == 0) {
        kr_err_set_string(kr_exc_ValueError, "empty separator");
        return -1;
    }
    return 0;
}

static KrObject *split_whitespace(KrObject *self, kr_ssize maxsplit) {
    const char *d = kr_str_data(self);
    kr_ssize n = kr_str_size(self), i = 0;
    const unsigned char *u = (const unsigned char *)d;
    KrObject *list = kr_list_new(0);
    if (!list) return NULL;
    int w;
    while (maxsplit-- > 0) {
        while (i < n && is_space_at(u + i, &w))
            i += w;
        if (i >= n) break;
        kr_ssize j = i;
        while (i < n && !is_space_at(u + i, &w))
            i += w;
        if (append_piece(list, self, d, j, i) < 0) goto fail;
    }
    if (i < n) {
        /* maxsplit reached: skip whitespace, the rest is one piece */
        while (i < n && is_space_at(u + i, &w))
            i += w;
        if (i < n && append_piece(list, self, d, i, n) < 0) goto fail;
    }
    return list;
fail:
    KR_DECREF(list);
    return NULL;
}

/* Byte offset of the code point before `pos`. */
static kr_ssize prev_cp(const unsigned char *u, kr_ssize pos) {
    kr_ssize k = pos - 1;
    while (k > 0 && (u[k] & 0xc0) == 0x80)
        k--;
    return k;
}

static KrObject *rsplit_whitespace(KrObject *self, kr_ssize maxsplit) {
    const char *d = kr_str_data(self);
    const unsigned char *u = (const unsigned char *)d;
    kr_ssize i = kr_str_size(self); /* exclusive end of the unprocessed part */
    KrObject *list = kr_list_new(0);
    if (!list) return NULL;
    int w;
    while (maxsplit-- > 0) {
        while (i > 0 && is_space_at(u + prev_cp(u, i), &w))
            i = prev_cp(u, i);
        if (i <= 0) break;
        kr_ssize j = i;
        while (i > 0 && !is_space_at(u + prev_cp(u, i), &w))
            i = prev_cp(u, i);
        if (append_piece(list, self, d, i, j) < 0) goto fail;
    }
    if (i > 0) {
        while (i > 0 && is_space_at(u + prev_cp(u, i), &w))
            i = prev_cp(u, i);
        if (i > 0 && append_piece(list, self, d, 0, i) < 0) goto fail;
    }
    if (kr_list_reverse(list) < 0) goto fail;
    return list;
fail:
    KR_DECREF(list);
    return NULL;
}

static KrObject *str_split(KrObject *self, KrObject *const *args, kr_ssize nargs,
                           KrObject *kwnames) {
    KrObject *sep;
    kr_ssize maxsplit;
    if (split_args("split", args, nargs, kwnames, &sep, &maxsplit) < 0) return NULL;
    if (!sep) return split_whitespace(self, maxsplit);
    const char *d = kr_str_data(self), *s = kr_str_data(sep);
    kr_ssize n = kr_str_size(self), m = kr_str_size(sep), i = 0;
    KrObject *list = kr_list_new(0);
    if (!list) return NULL;
    while (maxsplit-- > 0) {
        kr_ssize f = kr_bytes_find_raw(d + i, n - i, s, m);
        if (f < 0) break;
        if (append_piece(list, self, d, i, i + f) < 0) goto fail;
        i += f + m;
    }
    if (append_piece(list, self, d, i, n) < 0) goto fail;
    return list;
fail:
    KR_DECREF(list);
    return NULL;
}

static KrObject *str_rsplit(KrObject *self, KrObject *const *args, kr_ssize nargs,
                            KrObject *kwnames) {
    KrObject *sep;
    kr_ssize maxsplit;
    if (split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit) < 0) return NULL;
    if (!sep) return rsplit_whitespace(self, maxsplit);
    const char *d = kr_str_data(self), *s = kr_str_data(sep);
    kr_ssize m = kr_str_size(sep), j = kr_str_size(self);
    KrObject *list = kr_list_new(0);
    if (!list) return NULL;
    while (maxsplit-- > 0) {
        kr_ssize f = kr_bytes_rfind_raw(d, j, s, m);
        if (f < 0) break;
        if (append_piece(list, self, d, f + m, j) < 0) goto fail;
        j = f;
    }
    if (append_piece(list, self, d, 0, j) < 0) goto fail;
    if (kr_list_reverse(list) < 0) goto fail;
    return list;
fail:
    KR_DECREF(list);
    return NULL;
}

static KrObject *str_splitlines(KrObject *self, KrObject *const *args, kr_ssize nargs,
                                KrObject *kwnames) {
    static const char *const names[] = {"keepends"};
    KrObject *out[1];
    if (parse_kw("splitlines", args, nargs, kwnames, names, 1, out) < 0) return NULL;
    int keepends = 0;
    if (out[0]) {
        kr_ssize v;
        if (as_ssize(out[0], &v) < 0) return NULL;
        keepends = v != 0;
    }
    const char *d = kr_str_data(self);
    const unsigned char *u = (const unsigned char *)d;
    kr_ssize n = kr_str_size(self), i = 0;
    KrObject *list = kr_list_new(0);
    if (!list) return NULL;
    while (i < n) {
        kr_ssize j = i, eol;
        uint32_t cp = 0;
        int w = 0;
        while (j < n) {
            w = kr_utf8_decode(u + j, &cp);
            if (kr_unicode_islinebreak(cp)) break;
            j += w;
        }
        eol = j;
        if (j < n) {
            j += w;
            if (cp == '\r' && j < n && u[j] == '\n') j++;
            if (keepends) eol = j;
        }
        if (append_piece(list, self, d, i, eol) < 0) {
            KR_DECREF(list);
            return NULL;
        }
        i = j;
    }
    return list;
}

static KrObject *partition(KrObject *self, KrObject *sep, bool reverse) {
    if (!KR_STR_CHECK(sep)) return kr_err_format(kr_exc_TypeError, "must be str, not %T", sep);
    if (kr_str_size(sep) == 0) {
        kr_err_set_string(kr_exc_ValueError, "empty separator");
        return NULL;
    }
    const char *d = kr_str_data(self);
    kr_ssize n = kr_str_size(self), m = kr_str_size(sep);
    kr_ssize f = reverse ? kr_bytes_rfind_raw(d, n, kr_str_data(sep), m)
                         : kr_bytes_find_raw(d, n, kr_str_data(sep), m);
    KrObject *whole = kr_str_exact_copy(self);
    if (!whole) return NULL;
    if (f < 0) {
        KrObject *r = reverse ? kr_tuple_pack(3, kr_str_empty, kr_str_empty, whole)
                              : kr_tuple_pack(3, whole, kr_str_empty, kr_str_empty);
        KR_DECREF(whole);
        return r;
    }
    KR_DECREF(whole);
    kr_ssize a = cp_index(self, f);
    kr_ssize sl = kr_str_length(sep);
    KrObject *left = kr_str_substring(self, 0, a);
    KrObject *right = left ? kr_str_substring(self, a + sl, kr_str_length(self)) : NULL;
    KrObject *mid = right ? kr_str_exact_copy(sep) : NULL;
    KrObject *r = mid ? kr_tuple_pack(3, left, mid, right) : NULL;
    KR_XDECREF(left);
    KR_XDECREF(mid);
    KR_XDECREF(right);
    return r;
}

static KrObject *str_partition(KrObject *self, KrObject *sep) {
    return partition(self, sep, false);
}
static KrObject *str_rpartition(KrObject *self, KrObject *sep) {
    return partition(self, sep, true);
}

KrObject *kr_str_join(KrObject *sep, KrObject *iterable) {
    KrObject *seq;
    if (KR_LIST_CHECK_EXACT(iterable) || KR_TUPLE_CHECK_EXACT(iterable)) {
        seq = KR_NEWREF(iterable);
    } else {
        KrObject *it = kr_object_get_iter(iterable);
        if (!it) {
            if (kr_err_matches(kr_exc_TypeError)) {
                kr_err_clear();
                kr_err_set_string(kr_exc_TypeError, "can only join an iterable");
            }
            return NULL;
        }
        seq = kr_list_from_iterable(it);
        KR_DECREF(it);
        if (!seq) return NULL;
    }
    kr_ssize n = KR_LIST_CHECK_EXACT(seq) ? KR_SIZE(seq) : KR_SIZE(seq);
    KrObject **items = KR_LIST_CHECK_EXACT(seq) ? KR_LIST_ITEMS(seq) : KR_TUPLE_ITEMS(seq);
    if (n == 1 && KR_STR_CHECK_EXACT(items[0])) {
        KrObject *r = KR_NEWREF(items[0]);
        KR_DECREF(seq);
        return r;
    }
    kr_ssize total = 0, length = 0;
    bool ascii = KR_STR(sep)->ascii;
    for (kr_ssize i = 0; i < n; i++) {
        KrObject *it = items[i];
        if (!KR_STR_CHECK(it)) {
            kr_err_format(kr_exc_TypeError, "sequence item %zd: expected str instance, %T found", i,
                          it);
            KR_DECREF(seq);
            return NULL;
        }
        total += kr_str_size(it);
        length += kr_str_length(it);
        ascii = ascii && KR_STR(it)->ascii;
    }
    if (n > 1) {
        total += (n - 1) * kr_str_size(sep);
        length += (n - 1) * kr_str_length(sep);
    }
    KrObject *r = kr_str_alloc(total, length, ascii);
    if (!r) {
        KR_DECREF(seq);
        return NULL;
    }
    char *d = KR_STR(r)->data;
    for (kr_ssize i = 0; i < n; i++) {
        if (i && kr_str_size(sep)) {
            memcpy(d, kr_str_data(sep), (size_t)kr_str_size(sep));
            d += kr_str_size(sep);
        }
        memcpy(d, kr_str_data(items[i]), (size_t)kr_str_size(items[i]));
        d += kr_str_size(items[i]);
    }
    KR_DECREF(seq);
    return r;
}

static KrObject *str_join(KrObject *self, KrObject *iterable) {
    return kr_str_join(self, iterable);
}

/* ===========================================================================
 * Stripping, prefixes
 * ========================================================================= */

static bool in_chars(uint32_t cp, const uint32_t *chars, kr_ssize n) {
    for (kr_ssize i = 0; i < n; i++)
        if (chars[i] == cp) return true;
    return false;
}

/* which: 1 left, 2 right, 3 both */
static KrObject *do_strip(KrObject *self, KrObject *const *args, kr_ssize nargs, int which,
                          const char *fname) {
    if (check_nargs(fname, nargs, 0, 1) < 0) return NULL;
    KrObject *chars = nargs ? args[0] : kr_none;
    uint32_t *set = NULL;
    kr_ssize nset = 0;
    if (chars != kr_none) {
        if (!KR_STR_CHECK(chars))
            return kr_err_format(kr_exc_TypeError, "%s arg must be None or str", fname);
        set = to_ucs4(chars);
        if (!set) return NULL;
        nset = kr_str_length(chars);
    }
    const unsigned char *u = (const unsigned char *)kr_str_data(self);
    kr_ssize n = kr_str_size(self), i = 0, j = n;
    kr_ssize ci = 0, cj = kr_str_length(self);
    if (which & 1) {
        while (i < n) {
            uint32_t cp;
            int w = kr_utf8_decode(u + i, &cp);
            if (set ? !in_chars(cp, set, nset) : !kr_unicode_isspace(cp)) break;
            i += w;
            ci++;
        }
    }
    if (which & 2) {
        while (j > i) {
            kr_ssize k = j - 1;
            while (k > i && (u[k] & 0xc0) == 0x80)
                k--;
            uint32_t cp;
            kr_utf8_decode(u + k, &cp);
            if (set ? !in_chars(cp, set, nset) : !kr_unicode_isspace(cp)) break;
            j = k;
            cj--;
        }
    }
    kr_mem_free(set);
    if (i == 0 && j == n) return self_exact(self);
    return kr_str_from_utf8_unchecked((const char *)u + i, j - i, cj - ci, j - i == cj - ci);
}

static KrObject *str_strip(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    return do_strip(self, args, nargs, 3, "strip");
}
static KrObject *str_lstrip(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    return do_strip(self, args, nargs, 1, "lstrip");
}
static KrObject *str_rstrip(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    return do_strip(self, args, nargs, 2, "rstrip");
}

static KrObject *str_removeprefix(KrObject *self, KrObject *prefix) {
    if (!KR_STR_CHECK(prefix))
        return kr_err_format(kr_exc_TypeError, "removeprefix() argument must be str, not %T",
                             prefix);
    kr_ssize m = kr_str_size(prefix);
    if (m <= kr_str_size(self) && memcmp(kr_str_data(self), kr_str_data(prefix), (size_t)m) == 0)
        return kr_str_substring(self, kr_str_length(prefix), kr_str_length(self));
    return self_exact(self);
}

static KrObject *str_removesuffix(KrObject *self, KrObject *suffix) {
    if (!KR_STR_CHECK(suffix))
        return kr_err_format(kr_exc_TypeError, "removesuffix() argument must be str, not %T",
                             suffix);
    kr_ssize m = kr_str_size(suffix), n = kr_str_size(self);
    if (m && m <= n && memcmp(kr_str_data(self) + n - m, kr_str_data(suffix), (size_t)m) == 0)
        return kr_str_substring(self, 0, kr_str_length(self) - kr_str_length(suffix));
    return self_exact(self);
}

/* ===========================================================================
 * replace, expandtabs, padding
 * ========================================================================= */

static KrObject *str_replace(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (check_nargs("replace", nargs, 2, 3) < 0) return NULL;
    KrObject *old = args[0], *new = args[1];
    if (!KR_STR_CHECK(old))
        return kr_err_format(kr_exc_TypeError, "replace() argument 1 must be str, not %T", old);
    if (!KR_STR_CHECK(new))
        return kr_err_format(kr_exc_TypeError, "replace() argument 2 must be str, not %T", new);
    kr_ssize count = -1;
    if (nargs > 2 && as_ssize(args[2], &count) < 0) return NULL;
    if (count < 0) count = KR_SSIZE_MAXVAL;
    const char *d = kr_str_data(self), *o = kr_str_data(old), *nw = kr_str_data(new);
    kr_ssize n = kr_str_size(self), m = kr_str_size(old), nn = kr_str_size(new);
    if (count == 0) return self_exact(self);
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    if (m == 0) {
        /* insert `new` before every code point and at the end, up to count times */
        const unsigned char *u = (const unsigned char *)d;
        kr_ssize i = 0;
        while (count > 0) {
            if (kr_strbuilder_append_str(&b, new) < 0) goto fail;
            count--;
            if (i >= n) break;
            int w = kr_utf8_len_of_lead(u[i]);
            if (kr_strbuilder_append(&b, d + i, w) < 0) goto fail;
            i += w;
        }
        if (kr_strbuilder_append(&b, d + i, n - i) < 0) goto fail;
        return kr_strbuilder_finish(&b);
    }
    kr_ssize i = 0;
    bool any = false;
    while (count > 0) {
        kr_ssize f = kr_bytes_find_raw(d + i, n - i, o, m);
        if (f < 0) break;
        any = true;
        if (kr_strbuilder_append(&b, d + i, f) < 0 || kr_strbuilder_append(&b, nw, nn) < 0)
            goto fail;
        i += f + m;
        count--;
    }
    if (!any) {
        kr_strbuilder_discard(&b);
        return self_exact(self);
    }
    if (kr_strbuilder_append(&b, d + i, n - i) < 0) goto fail;
    return kr_strbuilder_finish(&b);
fail:
    kr_strbuilder_discard(&b);
    return NULL;
}

static KrObject *str_expandtabs(KrObject *self, KrObject *const *args, kr_ssize nargs,
                                KrObject *kwnames) {
    static const char *const names[] = {"tabsize"};
    KrObject *out[1];
    if (parse_kw("expandtabs", args, nargs, kwnames, names, 1, out) < 0) return NULL;
    kr_ssize tabsize = 8;
    if (out[0] && as_ssize(out[0], &tabsize) < 0) return NULL;
    const unsigned char *u = (const unsigned char *)kr_str_data(self);
    kr_ssize n = kr_str_size(self);
    if (!memchr(u, '\t', (size_t)n)) return self_exact(self);
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    kr_ssize col = 0;
    for (kr_ssize i = 0; i < n;) {
        unsigned char c = u[i];
        if (c == '\t') {
            if (tabsize > 0) {
                kr_ssize pad = tabsize - col % tabsize;
                if (kr_strbuilder_append_fill(&b, ' ', pad) < 0) goto fail;
                col += pad;
            }
            i++;
            continue;
        }
        int w = kr_utf8_len_of_lead(c);
        if (kr_strbuilder_append(&b, (const char *)u + i, w) < 0) goto fail;
        col = (c == '\n' || c == '\r') ? 0 : col + 1;
        i += w;
    }
    return kr_strbuilder_finish(&b);
fail:
    kr_strbuilder_discard(&b);
    return NULL;
}

static int fill_arg(KrObject *o, uint32_t *fill) {
    if (!KR_STR_CHECK(o)) {
        kr_err_format(kr_exc_TypeError, "The fill character must be a unicode character, not %T",
                      o);
        return -1;
    }
    if (kr_str_length(o) != 1) {
        kr_err_set_string(kr_exc_TypeError,
                          "The fill character must be exactly one character long");
        return -1;
    }
    *fill = kr_str_char_at(o, 0);
    return 0;
}

static KrObject *pad(KrObject *self, kr_ssize left, kr_ssize right, uint32_t fill) {
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (left == 0 && right == 0) return self_exact(self);
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    if (kr_strbuilder_append_fill(&b, fill, left) < 0 || kr_strbuilder_append_str(&b, self) < 0 ||
        kr_strbuilder_append_fill(&b, fill, right) < 0) {
        kr_strbuilder_discard(&b);
        return NULL;
    }
    return kr_strbuilder_finish(&b);
}

/* kind: 0 center, 1 ljust, 2 rjust */
static KrObject *justify(KrObject *self, KrObject *const *args, kr_ssize nargs, int kind,
                         const char *fname) {
    if (check_nargs(fname, nargs, 1, 2) < 0) return NULL;
    kr_ssize width;
    uint32_t fill = ' ';
    if (as_ssize(args[0], &width) < 0) return NULL;
    if (nargs > 1 && fill_arg(args[1], &fill) < 0) return NULL;
    kr_ssize len = kr_str_length(self);
    if (width <= len) return self_exact(self);
    kr_ssize marg = width - len;
    if (kind == 1) return pad(self, 0, marg, fill);
    if (kind == 2) return pad(self, marg, 0, fill);
    kr_ssize left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static KrObject *str_center(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    return justify(self, args, nargs, 0, "center");
}
static KrObject *str_ljust(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    return justify(self, args, nargs, 1, "ljust");
}
static KrObject *str_rjust(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    return justify(self, args, nargs, 2, "rjust");
}

static KrObject *str_zfill(KrObject *self, KrObject *arg) {
    kr_ssize width;
    if (as_ssize(arg, &width) < 0) return NULL;
    kr_ssize len = kr_str_length(self);
    if (width <= len) return self_exact(self);
    KrObject *r = pad(self, width - len, 0, '0');
    if (!r) return NULL;
    char *d = KR_STR(r)->data;
    kr_ssize fill = width - len;
    if (d[fill] == '+' || d[fill] == '-') {
        d[0] = d[fill];
        d[fill] = '0';
    }
    return r;
}

/* ===========================================================================
 * Case mapping
 * ========================================================================= */

static uint32_t final_sigma(const uint32_t *s, kr_ssize n, kr_ssize i) {
    kr_ssize j = i - 1;
    while (j >= 0 && kr_unicode_iscaseignorable(s[j]))
        j--;
    bool fin = j >= 0 && kr_unicode_iscased(s[j]);
    if (fin) {
        j = i + 1;
        while (j < n && kr_unicode_iscaseignorable(s[j]))
            j++;
        fin = j == n || !kr_unicode_iscased(s[j]);
    }
    return fin ? 0x3c2 : 0x3c3;
}

static int lower_at(const uint32_t *s, kr_ssize n, kr_ssize i, uint32_t out[3]) {
    if (s[i] == 0x3a3) {
        out[0] = final_sigma(s, n, i);
        return 1;
    }
    return kr_unicode_to_lower(s[i], out);
}

enum { CASE_LOWER, CASE_UPPER, CASE_FOLD, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE };

static KrObject *change_case(KrObject *self, int mode) {
    KrStr *s = KR_STR(self);
    if (s->ascii && mode != CASE_TITLE && mode != CASE_CAPITALIZE) {
        KrObject *r = kr_str_alloc(s->size, s->length, true);
        if (!r) return NULL;
        char *d = KR_STR(r)->data;
        for (kr_ssize i = 0; i < s->size; i++) {
            char c = s->data[i];
            bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
            if ((mode == CASE_LOWER || mode == CASE_FOLD) && up)
                c += 32;
            else if (mode == CASE_UPPER && lo)
                c -= 32;
            else if (mode == CASE_SWAP)
                c = up ? c + 32 : lo ? c - 32 : c;
            d[i] = c;
        }
        return r;
    }
    uint32_t *cps = to_ucs4(self);
    if (!cps) return NULL;
    kr_ssize n = s->length;
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    bool prev_cased = false;
    for (kr_ssize i = 0; i < n; i++) {
        uint32_t out[3], c = cps[i];
        int k;
        switch (mode) {
        case CASE_LOWER:
            k = lower_at(cps, n, i, out);
            break;
        case CASE_UPPER:
            k = kr_unicode_to_upper(c, out);
            break;
        case CASE_FOLD:
            k = kr_unicode_to_fold(c, out);
            break;
        case CASE_SWAP:
            if (kr_unicode_isupper(c))
                k = lower_at(cps, n, i, out);
            else if (kr_unicode_islower(c))
                k = kr_unicode_to_upper(c, out);
            else {
                out[0] = c;
                k = 1;
            }
            break;
        case CASE_TITLE:
            k = prev_cased ? lower_at(cps, n, i, out) : kr_unicode_to_title(c, out);
            prev_cased = kr_unicode_iscased(c);
            break;
        default: /* capitalize */
            k = i == 0 ? kr_unicode_to_title(c, out) : lower_at(cps, n, i, out);
            break;
        }
        for (int j = 0; j < k; j++)
            if (kr_strbuilder_append_codepoint(&b, out[j]) < 0) {
                kr_mem_free(cps);
                kr_strbuilder_discard(&b);
                return NULL;
            }
    }
    kr_mem_free(cps);
    return kr_strbuilder_finish(&b);
}

static KrObject *str_lower(KrObject *self, KrObject *u) { return change_case(self, CASE_LOWER); }
static KrObject *str_upper(KrObject *self, KrObject *u) { return change_case(self, CASE_UPPER); }
static KrObject *str_casefold(KrObject *self, KrObject *u) { return change_case(self, CASE_FOLD); }
static KrObject *str_swapcase(KrObject *self, KrObject *u) { return change_case(self, CASE_SWAP); }
static KrObject *str_title(KrObject *self, KrObject *u) { return change_case(self, CASE_TITLE); }
static KrObject *str_capitalize(KrObject *self, KrObject *u) {
    return change_case(self, CASE_CAPITALIZE);
}

/* ===========================================================================
 * Predicates
 * ========================================================================= */

typedef bool (*cp_pred)(uint32_t);

static KrObject *all_chars(KrObject *self, cp_pred pred, bool empty_result) {
    KrStr *s = KR_STR(self);
    if (s->length == 0) return KR_NEWREF(kr_bool_from(empty_result));
    const unsigned char *p = (const unsigned char *)s->data, *end = p + s->size;
    while (p < end) {
        uint32_t cp;
        p += kr_utf8_decode(p, &cp);
        if (!pred(cp)) return KR_NEWREF(kr_false);
    }
    return KR_NEWREF(kr_true);
}

static KrObject *str_isalpha(KrObject *self, KrObject *u) {
    return all_chars(self, kr_unicode_isalpha, false);
}
static KrObject *str_isalnum(KrObject *self, KrObject *u) {
    return all_chars(self, kr_unicode_isalnum, false);
}
static KrObject *str_isdecimal(KrObject *self, KrObject *u) {
    return all_chars(self, kr_unicode_isdecimal, false);
}
static KrObject *str_isdigit(KrObject *self, KrObject *u) {
    return all_chars(self, kr_unicode_isdigit, false);
}
static KrObject *str_isnumeric(KrObject *self, KrObject *u) {
    return all_chars(self, kr_unicode_isnumeric, false);
}
static KrObject *str_isspace(KrObject *self, KrObject *u) {
    return all_chars(self, kr_unicode_isspace, false);
}
static KrObject *str_isprintable(KrObject *self, KrObject *u) {
    return all_chars(self, kr_unicode_isprintable, true);
}
static KrObject *str_isascii(KrObject *self, KrObject *u) {
    return KR_NEWREF(kr_bool_from(KR_STR(self)->ascii));
}

static KrObject *str_isupper(KrObject *self, KrObject *u) {
    KrStr *s = KR_STR(self);
    const unsigned char *p = (const unsigned char *)s->data, *end = p + s->size;
    bool cased = false;
    while (p < end) {
        uint32_t cp;
        p += kr_utf8_decode(p, &cp);
        if (kr_unicode_islower(cp) || kr_unicode_istitle(cp)) return KR_NEWREF(kr_false);
        if (!cased && kr_unicode_isupper(cp)) cased = true;
    }
    return KR_NEWREF(kr_bool_from(cased));
}

static KrObject *str_islower(KrObject *self, KrObject *u) {
    KrStr *s = KR_STR(self);
    const unsigned char *p = (const unsigned char *)s->data, *end = p + s->size;
    bool cased = false;
    while (p < end) {
        uint32_t cp;
        p += kr_utf8_decode(p, &cp);
        if (kr_unicode_isupper(cp) || kr_unicode_istitle(cp)) return KR_NEWREF(kr_false);
        if (!cased && kr_unicode_islower(cp)) cased = true;
    }
    return KR_NEWREF(kr_bool_from(cased));
}

static KrObject *str_istitle(KrObject *self, KrObject *u) {
    KrStr *s = KR_STR(self);
    const unsigned char *p = (const unsigned char *)s->data, *end = p + s->size;
    bool cased = false, prev = false;
    while (p < end) {
        uint32_t cp;
        p += kr_utf8_decode(p, &cp);
        if (kr_unicode_isupper(cp) || kr_unicode_istitle(cp)) {
            if (prev) return KR_NEWREF(kr_false);
            prev = cased = true;
        } else if (kr_unicode_islower(cp)) {
            if (!prev) return KR_NEWREF(kr_false);
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return KR_NEWREF(kr_bool_from(cased));
}

static KrObject *str_isidentifier(KrObject *self, KrObject *u) {
    KrStr *s = KR_STR(self);
    if (s->length == 0) return KR_NEWREF(kr_false);
    const unsigned char *p = (const unsigned char *)s->data, *end = p + s->size;
    uint32_t cp;
    p += kr_utf8_decode(p, &cp);
    if (!kr_unicode_isxidstart(cp) && cp != '_') return KR_NEWREF(kr_false);
    while (p < end) {
        p += kr_utf8_decode(p, &cp);
        if (!kr_unicode_isxidcontinue(cp)) return KR_NEWREF(kr_false);
    }
    return KR_NEWREF(kr_true);
}

/* ===========================================================================
 * maketrans / translate
 * ========================================================================= */

static KrObject *str_maketrans(KrObject *unused, KrObject *const *args, kr_ssize nargs) {
    if (check_nargs("maketrans", nargs, 1, 3) < 0) return NULL;
    KrObject *d = kr_dict_new();
    if (!d) return NULL;
    if (nargs == 1) {
        KrObject *x = args[0];
        if (!KR_DICT_CHECK(x)) {
            kr_err_set_string(kr_exc_TypeError,
                              "if you give only one argument to maketrans it must be a dict");
            goto fail;
        }
        kr_ssize pos = 0;
        KrObject *k, *v;
        while (kr_dict_next(x, &pos, &k, &v)) {
            if (KR_STR_CHECK(k)) {
                if (kr_str_length(k) != 1) {
                    kr_err_set_string(kr_exc_ValueError,
                                      "string keys in translate table must be of length 1");
                    goto fail;
                }
                KrObject *key = kr_int_from_i64(kr_str_char_at(k, 0));
                int rc = key ? kr_dict_set_item(d, key, v) : -1;
                KR_XDECREF(key);
                if (rc < 0) goto fail;
            } else if (KR_INT_CHECK(k)) {
                if (kr_dict_set_item(d, k, v) < 0) goto fail;
            } else {
                kr_err_set_string(kr_exc_TypeError,
                                  "keys in translate table must be strings or integers");
                goto fail;
            }
        }
        return d;
    }
    KrObject *x = args[0], *y = args[1];
    if (!KR_STR_CHECK(x)) {
        kr_err_set_string(
            kr_exc_TypeError,
            "first maketrans argument must be a string if there is a second argument");
        goto fail;
    }
    if (!KR_STR_CHECK(y)) {
        kr_err_format(kr_exc_TypeError, "maketrans() argument 2 must be str, not %T", y);
        goto fail;
    }
    if (nargs > 2 && !KR_STR_CHECK(args[2])) {
        kr_err_format(kr_exc_TypeError, "maketrans() argument 3 must be str, not %T", args[2]);
        goto fail;
    }
    if (kr_str_length(x) != kr_str_length(y)) {
        kr_err_set_string(kr_exc_ValueError,
                          "the first two maketrans arguments must have equal length");
        goto fail;
    }
    for (kr_ssize i = 0; i < kr_str_length(x); i++) {
        KrObject *k = kr_int_from_i64(kr_str_char_at(x, i));
        KrObject *v = kr_int_from_i64(kr_str_char_at(y, i));
        int rc = k && v ? kr_dict_set_item(d, k, v) : -1;
        KR_XDECREF(k);
        KR_XDECREF(v);
        if (rc < 0) goto fail;
    }
    if (nargs > 2) {
        KrObject *z = args[2];
        for (kr_ssize i = 0; i < kr_str_length(z); i++) {
            KrObject *k = kr_int_from_i64(kr_str_char_at(z, i));
            int rc = k ? kr_dict_set_item(d, k, kr_none) : -1;
            KR_XDECREF(k);
            if (rc < 0) goto fail;
        }
    }
    return d;
fail:
    KR_DECREF(d);
    return NULL;
}

static KrObject *str_translate(KrObject *self, KrObject *table) {
    KrStr *s = KR_STR(self);
    const unsigned char *p = (const unsigned char *)s->data, *end = p + s->size;
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    while (p < end) {
        uint32_t cp;
        int w = kr_utf8_decode(p, &cp);
        KrObject *key = kr_int_from_i64(cp);
        if (!key) goto fail;
        KrObject *v = kr_object_get_item(table, key);
        KR_DECREF(key);
        if (!v) {
            if (!kr_err_matches(kr_exc_LookupError)) goto fail;
            kr_err_clear();
            if (kr_strbuilder_append(&b, (const char *)p, w) < 0) goto fail;
        } else if (v == kr_none) {
            KR_DECREF(v);
        } else if (KR_INT_CHECK(v)) {
            int64_t c;
            int ovf = kr_int_as_i64_overflow(v, &c);
            KR_DECREF(v);
            if (ovf || c < 0 || c >= 0x110000) {
                kr_err_set_string(kr_exc_ValueError,
                                  "character mapping must be in range(0x110000)");
                goto fail;
            }
            if (kr_strbuilder_append_codepoint(&b, (uint32_t)c) < 0) goto fail;
        } else if (KR_STR_CHECK(v)) {
            int rc = kr_strbuilder_append_str(&b, v);
            KR_DECREF(v);
            if (rc < 0) goto fail;
        } else {
            KR_DECREF(v);
            kr_err_set_string(kr_exc_TypeError,
                              "character mapping must return integer, None or str");
            goto fail;
        }
        p += w;
    }
    return kr_strbuilder_finish(&b);
fail:
    kr_strbuilder_discard(&b);
    return NULL;
}

/* ===========================================================================
 * encode, format, dunders
 * ========================================================================= */

static KrObject *str_encode(KrObject *self, KrObject *const *args, kr_ssize nargs,
                            KrObject *kwnames) {
    static const char *const names[] = {"encoding", "errors"};
    KrObject *out[2];
    if (parse_kw("encode", args, nargs, kwnames, names, 2, out) < 0) return NULL;
    for (int i = 0; i < 2; i++)
        if (out[i] && !KR_STR_CHECK(out[i]))
            return kr_err_format(kr_exc_TypeError, "encode() argument '%s' must be str, not %T",
                                 names[i], out[i]);
    return kr_str_encode(self, out[0] ? kr_str_data(out[0]) : NULL,
                         out[1] ? kr_str_data(out[1]) : NULL);
}

static KrObject *str_format(KrObject *self, KrObject *const *args, kr_ssize nargs,
                            KrObject *kwnames) {
    return kr_str_format_method(self, args, nargs, kwnames);
}

KrObject *kr_str_format_map(KrObject *self, KrObject *mapping); /* str_format.c */

static KrObject *str_format_map(KrObject *self, KrObject *mapping) {
    return kr_str_format_map(self, mapping);
}

static KrObject *str_dunder_format(KrObject *self, KrObject *spec) {
    if (!KR_STR_CHECK(spec))
        return kr_err_format(kr_exc_TypeError, "__format__() argument must be str, not %T", spec);
    return kr_format_str(self, spec);
}

static KrObject *str_getnewargs(KrObject *self, KrObject *u) {
    KrObject *s = kr_str_exact_copy(self);
    if (!s) return NULL;
    KrObject *r = kr_tuple_pack(1, s);
    KR_DECREF(s);
    return r;
}

/* The sizes CPython reports for compact strings, so sys.getsizeof agrees. */
static KrObject *str_sizeof(KrObject *self, KrObject *u) {
    KrStr *s = KR_STR(self);
    if (s->ascii) return kr_int_from_ssize(48 + s->length + 1);
    uint32_t maxcp = 0, cp;
    const unsigned char *p = (const unsigned char *)s->data, *end = p + s->size;
    while (p < end) {
        p += kr_utf8_decode(p, &cp);
        if (cp > maxcp) maxcp = cp;
    }
    kr_ssize kind = maxcp < 0x100 ? 1 : maxcp < 0x10000 ? 2 : 4;
    return kr_int_from_ssize(72 + (s->length + 1) * kind);
}

KrMethodDef kr_str_methods[] = {
    {"encode", str_encode, KR_METH_FASTCALL | KR_METH_KEYWORDS,
     "Encode the string using the codec registered for encoding."},
    {"replace", str_replace, KR_METH_FASTCALL,
     "Return a copy with all occurrences of substring old replaced by new."},
    {"split", str_split, KR_METH_FASTCALL | KR_METH_KEYWORDS,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", str_rsplit, KR_METH_FASTCALL | KR_METH_KEYWORDS,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"join", str_join, KR_METH_O, "Concatenate any number of strings."},
    {"capitalize", str_capitalize, KR_METH_NOARGS, "Return a capitalized version of the string."},
    {"casefold", str_casefold, KR_METH_NOARGS,
     "Return a version of the string suitable for caseless comparisons."},
    {"title", str_title, KR_METH_NOARGS,
     "Return a version of the string where each word is titlecased."},
    {"center", str_center, KR_METH_FASTCALL, "Return a centered string of length width."},
    {"count", str_count, KR_METH_FASTCALL,
     "S.count(sub[, start[, end]]) -> int\n\nReturn the number of non-overlapping occurrences of "
     "substring sub in\nstring S[start:end].  Optional arguments start and end are\ninterpreted as "
     "in slice notation."},
    {"expandtabs", str_expandtabs, KR_METH_FASTCALL | KR_METH_KEYWORDS,
     "Return a copy where all tab characters are expanded using spaces."},
    {"find", str_find, KR_METH_FASTCALL,
     "S.find(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub is "
     "found,\nsuch that sub is contained within S[start:end].  Optional\narguments start and end "
     "are interpreted as in slice notation.\n\nReturn -1 on failure."},
    {"partition", str_partition, KR_METH_O,
     "Partition the string into three parts using the given separator."},
    {"index", str_index, KR_METH_FASTCALL,
     "S.index(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub is "
     "found,\nsuch that sub is contained within S[start:end].  Optional\narguments start and end "
     "are interpreted as in slice notation.\n\nRaises ValueError when the substring is not found."},
    {"ljust", str_ljust, KR_METH_FASTCALL, "Return a left-justified string of length width."},
    {"lower", str_lower, KR_METH_NOARGS, "Return a copy of the string converted to lowercase."},
    {"lstrip", str_lstrip, KR_METH_FASTCALL,
     "Return a copy of the string with leading whitespace removed."},
    {"rfind", str_rfind, KR_METH_FASTCALL,
     "S.rfind(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring sub is "
     "found,\nsuch that sub is contained within S[start:end].  Optional\narguments start and end "
     "are interpreted as in slice notation.\n\nReturn -1 on failure."},
    {"rindex", str_rindex, KR_METH_FASTCALL,
     "S.rindex(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring sub is "
     "found,\nsuch that sub is contained within S[start:end].  Optional\narguments start and end "
     "are interpreted as in slice notation.\n\nRaises ValueError when the substring is not found."},
    {"rjust", str_rjust, KR_METH_FASTCALL, "Return a right-justified string of length width."},
    {"rstrip", str_rstrip, KR_METH_FASTCALL,
     "Return a copy of the string with trailing whitespace removed."},
    {"rpartition", str_rpartition, KR_METH_O,
     "Partition the string into three parts using the given separator."},
    {"splitlines", str_splitlines, KR_METH_FASTCALL | KR_METH_KEYWORDS,
     "Return a list of the lines in the string, breaking at line boundaries."},
    {"strip", str_strip, KR_METH_FASTCALL,
     "Return a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", str_swapcase, KR_METH_NOARGS,
     "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"translate", str_translate, KR_METH_O,
     "Replace each character in the string using the given translation table."},
    {"upper", str_upper, KR_METH_NOARGS, "Return a copy of the string converted to uppercase."},
    {"startswith", str_startswith, KR_METH_FASTCALL,
     "S.startswith(prefix[, start[, end]]) -> bool\n\nReturn True if S starts with the specified "
     "prefix, False otherwise.\nWith optional start, test S beginning at that position.\nWith "
     "optional end, stop comparing S at that position.\nprefix can also be a tuple of strings to "
     "try."},
    {"endswith", str_endswith, KR_METH_FASTCALL,
     "S.endswith(suffix[, start[, end]]) -> bool\n\nReturn True if S ends with the specified "
     "suffix, False otherwise.\nWith optional start, test S beginning at that position.\nWith "
     "optional end, stop comparing S at that position.\nsuffix can also be a tuple of strings to "
     "try."},
    {"removeprefix", str_removeprefix, KR_METH_O,
     "Return a str with the given prefix string removed if present."},
    {"removesuffix", str_removesuffix, KR_METH_O,
     "Return a str with the given suffix string removed if present."},
    {"isascii", str_isascii, KR_METH_NOARGS,
     "Return True if all characters in the string are ASCII, False otherwise."},
    {"islower", str_islower, KR_METH_NOARGS,
     "Return True if the string is a lowercase string, False otherwise."},
    {"isupper", str_isupper, KR_METH_NOARGS,
     "Return True if the string is an uppercase string, False otherwise."},
    {"istitle", str_istitle, KR_METH_NOARGS,
     "Return True if the string is a title-cased string, False otherwise."},
    {"isspace", str_isspace, KR_METH_NOARGS,
     "Return True if the string is a whitespace string, False otherwise."},
    {"isdecimal", str_isdecimal, KR_METH_NOARGS,
     "Return True if the string is a decimal string, False otherwise."},
    {"isdigit", str_isdigit, KR_METH_NOARGS,
     "Return True if the string is a digit string, False otherwise."},
    {"isnumeric", str_isnumeric, KR_METH_NOARGS,
     "Return True if the string is a numeric string, False otherwise."},
    {"isalpha", str_isalpha, KR_METH_NOARGS,
     "Return True if the string is an alphabetic string, False otherwise."},
    {"isalnum", str_isalnum, KR_METH_NOARGS,
     "Return True if the string is an alpha-numeric string, False otherwise."},
    {"isidentifier", str_isidentifier, KR_METH_NOARGS,
     "Return True if the string is a valid Python identifier, False otherwise."},
    {"isprintable", str_isprintable, KR_METH_NOARGS,
     "Return True if the string is printable, False otherwise."},
    {"zfill", str_zfill, KR_METH_O,
     "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {"format", str_format, KR_METH_FASTCALL | KR_METH_KEYWORDS,
     "S.format(*args, **kwargs) -> str\n\nReturn a formatted version of S, using substitutions "
     "from args and kwargs.\nThe substitutions are identified by braces ('{' and '}')."},
    {"format_map", str_format_map, KR_METH_O,
     "S.format_map(mapping) -> str\n\nReturn a formatted version of S, using substitutions from "
     "mapping.\nThe substitutions are identified by braces ('{' and '}')."},
    {"__format__", str_dunder_format, KR_METH_O,
     "Return a formatted version of the string as described by format_spec."},
    {"maketrans", str_maketrans, KR_METH_FASTCALL | KR_METH_STATIC,
     "Return a translation table usable for str.translate()."},
    {"__sizeof__", str_sizeof, KR_METH_NOARGS,
     "Return the size of the string in memory, in bytes."},
    {"__getnewargs__", str_getnewargs, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};
