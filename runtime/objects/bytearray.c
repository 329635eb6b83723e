/* bytearray.c - the mutable byte string: a growable buffer with over-allocation,
 * item and slice assignment (including extended slices and deletion), in-place
 * concatenation/repetition and the mutating methods. Non-mutating methods are shared
 * with bytes (bytes_methods.c). */
#include <stdio.h>

#include "strings.h"

#define BA(o) ((KrByteArray *)(o))

/* ===========================================================================
 * Storage
 * ========================================================================= */

int kr_bytearray_resize(KrObject *o, kr_ssize n) {
    KrByteArray *ba = BA(o);
    if (n < 0) {
        kr_err_bad_internal_call("kr_bytearray_resize");
        return -1;
    }
    if (n == KR_SIZE(o)) return 0;
    if (ba->exports > 0) {
        kr_err_set_string(kr_exc_BufferError,
                          "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    if (n + 1 > ba->alloc || n + 1 < ba->alloc / 2) {
        /* grow by 1/8 plus a little, like CPython, so appends are amortised O(1) */
        kr_ssize want = n + 1;
        if (n > KR_SIZE(o)) want = n + (n >> 3) + (n < 9 ? 3 : 6) + 1;
        char *d = kr_mem_realloc(ba->data, (size_t)want);
        if (!d) return -1;
        ba->data = d;
        ba->alloc = want;
    }
    KR_SIZE(o) = n;
    ba->data[n] = 0;
    return 0;
}

static KrObject *bytearray_alloc(KrType *t) {
    KrObject *o = kr_type_generic_alloc(t, 0);
    if (!o) return NULL;
    BA(o)->data = NULL;
    BA(o)->alloc = 0;
    BA(o)->exports = 0;
    KR_SIZE(o) = 0;
    return o;
}

KrObject *kr_bytearray_from_data(const char *s, kr_ssize n) {
    KrObject *o = bytearray_alloc(&kr_bytearray_type);
    if (!o) return NULL;
    if (n > 0) {
        if (kr_bytearray_resize(o, n) < 0) {
            KR_DECREF(o);
            return NULL;
        }
        if (s) memcpy(BA(o)->data, s, (size_t)n);
    }
    return o;
}

static void bytearray_dealloc(KrObject *o) {
    kr_mem_free(BA(o)->data);
    kr_object_free(o);
}

static KrObject *bytearray_tp_new(KrType *t, KrObject *args, KrObject *kwargs) {
    return bytearray_alloc(t);
}

static int set_contents(KrObject *o, const char *d, kr_ssize n) {
    if (kr_bytearray_resize(o, n) < 0) return -1;
    if (n) memmove(BA(o)->data, d, (size_t)n);
    return 0;
}

static int bytearray_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    static const char *const kwlist[] = {"source", "encoding", "errors", NULL};
    KrObject *x = NULL;
    const char *encoding = NULL, *errors = NULL;
    KrObject *argv[6], *kwnames = NULL;
    kr_ssize nargs = KR_SIZE(args), nkw = kwargs ? kr_dict_size(kwargs) : 0;
    if (nargs + nkw > 3) {
        kr_err_format(kr_exc_TypeError, "bytearray() takes at most 3 arguments (%zd given)",
                      nargs + nkw);
        return -1;
    }
    for (kr_ssize i = 0; i < nargs; i++)
        argv[i] = KR_TUPLE_ITEM(args, i);
    if (nkw) {
        kwnames = kr_tuple_new(nkw);
        if (!kwnames) return -1;
        kr_ssize pos = 0, j = 0;
        KrObject *k, *v;
        while (kr_dict_next(kwargs, &pos, &k, &v)) {
            KR_TUPLE_ITEM(kwnames, j) = KR_NEWREF(k);
            argv[nargs + j++] = v;
        }
    }
    int rc = kr_arg_parse(argv, nargs, kwnames, "|Oss:bytearray", kwlist, &x, &encoding, &errors);
    KR_XDECREF(kwnames);
    if (rc < 0) return -1;
    if (kr_bytearray_resize(self, 0) < 0) return -1;
    if (!x) {
        if (encoding || errors) {
            kr_err_set_string(kr_exc_TypeError, encoding ? "encoding without a string argument"
                                                         : "errors without a string argument");
            return -1;
        }
        return 0;
    }
    if (encoding || errors) {
        if (!KR_STR_CHECK(x)) {
            kr_err_set_string(kr_exc_TypeError, encoding ? "encoding without a string argument"
                                                         : "errors without a string argument");
            return -1;
        }
        if (!encoding) {
            kr_err_set_string(kr_exc_TypeError, "string argument without an encoding");
            return -1;
        }
        KrObject *b = kr_str_encode(x, encoding, errors);
        if (!b) return -1;
        rc = set_contents(self, kr_bytes_data(b), KR_SIZE(b));
        KR_DECREF(b);
        return rc;
    }
    char *buf;
    kr_ssize n;
    if (kr_bytes_source_data(x, &buf, &n, true) < 0) return -1;
    rc = set_contents(self, buf, n);
    kr_mem_free(buf);
    return rc;
}

/* ===========================================================================
 * repr, compare, sequence protocol
 * ========================================================================= */

static KrObject *bytearray_repr(KrObject *o) {
    const char *name = kr_type_name_cstr(KR_TYPE(o));
    char prefix[128];
    snprintf(prefix, sizeof prefix, "%.100s(", name);
    return kr_bytes_repr_impl(BA(o)->data ? BA(o)->data : "", KR_SIZE(o), prefix, ")");
}

static kr_ssize bytearray_length(KrObject *o) { return KR_SIZE(o); }

static KrObject *bytearray_item(KrObject *o, kr_ssize i) {
    if (i < 0) i += KR_SIZE(o);
    if (i < 0 || i >= KR_SIZE(o)) {
        kr_err_set_string(kr_exc_IndexError, "bytearray index out of range");
        return NULL;
    }
    return kr_int_from_i64((unsigned char)BA(o)->data[i]);
}

static KrObject *bytearray_subscript(KrObject *o, KrObject *key) {
    if (kr_index_check(key)) {
        kr_ssize i = kr_number_as_ssize(key, kr_exc_IndexError);
        if (i == -1 && kr_err_occurred()) return NULL;
        return bytearray_item(o, i);
    }
    if (KR_TYPE(key) == &kr_slice_type) {
        kr_ssize start, stop, step, len;
        if (kr_slice_indices(key, KR_SIZE(o), &start, &stop, &step, &len) < 0) return NULL;
        if (len <= 0) return kr_bytearray_from_data(NULL, 0);
        if (step == 1) return kr_bytearray_from_data(BA(o)->data + start, len);
        KrObject *r = kr_bytearray_from_data(NULL, len);
        if (!r) return NULL;
        for (kr_ssize i = 0, j = start; i < len; i++, j += step)
            BA(r)->data[i] = BA(o)->data[j];
        return r;
    }
    return kr_err_format(kr_exc_TypeError,
                         "bytearray indices must be integers or slices, not %.200s",
                         kr_type_name_cstr(KR_TYPE(key)));
}

static int byte_arg(KrObject *v, unsigned char *out) {
    if (!kr_index_check(v)) {
        kr_err_format(kr_exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                      kr_type_name_cstr(KR_TYPE(v)));
        return -1;
    }
    kr_ssize x = kr_number_as_ssize(v, NULL);
    if (x == -1 && kr_err_occurred()) return -1;
    if (x < 0 || x > 255) {
        kr_err_set_string(kr_exc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    *out = (unsigned char)x;
    return 0;
}

/* Replaces [lo, hi) with n bytes from d. */
static int splice(KrObject *o, kr_ssize lo, kr_ssize hi, const char *d, kr_ssize n) {
    kr_ssize size = KR_SIZE(o), tail = size - hi;
    kr_ssize newsize = size - (hi - lo) + n;
    if (newsize > size) {
        if (kr_bytearray_resize(o, newsize) < 0) return -1;
        if (tail) memmove(BA(o)->data + lo + n, BA(o)->data + hi, (size_t)tail);
    } else {
        if (BA(o)->exports > 0 && newsize != size) {
            kr_err_set_string(kr_exc_BufferError,
                              "Existing exports of data: object cannot be re-sized");
            return -1;
        }
        if (tail) memmove(BA(o)->data + lo + n, BA(o)->data + hi, (size_t)tail);
        if (kr_bytearray_resize(o, newsize) < 0) return -1;
    }
    if (n) memcpy(BA(o)->data + lo, d, (size_t)n);
    return 0;
}

static int bytearray_ass_subscript(KrObject *o, KrObject *key, KrObject *value) {
    if (kr_index_check(key)) {
        kr_ssize i = kr_number_as_ssize(key, kr_exc_IndexError);
        if (i == -1 && kr_err_occurred()) return -1;
        if (i < 0) i += KR_SIZE(o);
        if (i < 0 || i >= KR_SIZE(o)) {
            kr_err_set_string(kr_exc_IndexError, "bytearray index out of range");
            return -1;
        }
        if (!value) return splice(o, i, i + 1, NULL, 0);
        unsigned char b;
        if (byte_arg(value, &b) < 0) return -1;
        BA(o)->data[i] = (char)b;
        return 0;
    }
    if (KR_TYPE(key) != &kr_slice_type) {
        kr_err_format(kr_exc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                      kr_type_name_cstr(KR_TYPE(key)));
        return -1;
    }
    kr_ssize start, stop, step, len;
    if (kr_slice_indices(key, KR_SIZE(o), &start, &stop, &step, &len) < 0) return -1;
    char *buf = NULL;
    kr_ssize n = 0;
    if (value) {
        if (value == o) {
            buf = kr_mem_malloc((size_t)KR_SIZE(o) + 1);
            if (!buf) return -1;
            memcpy(buf, BA(o)->data, (size_t)KR_SIZE(o));
            n = KR_SIZE(o);
        } else if (kr_index_check(value) || KR_STR_CHECK(value)) {
            kr_err_format(kr_exc_TypeError,
                          "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            return -1;
        } else if (kr_bytes_source_data(value, &buf, &n, false) < 0) {
            return -1;
        }
    }
    int rc;
    if (step == 1) {
        if (stop < start) stop = start;
        rc = splice(o, start, stop, buf, n);
    } else if (!value) {
        /* delete an extended slice: compact the survivors */
        if (len > 0) {
            if (step < 0) {
                start = start + step * (len - 1);
                step = -step;
            }
            kr_ssize w = start;
            char *d = BA(o)->data;
            for (kr_ssize r = start; r < KR_SIZE(o); r++)
                if (!(r >= start && (r - start) % step == 0 && (r - start) / step < len))
                    d[w++] = d[r];
            rc = kr_bytearray_resize(o, w);
        } else {
            rc = 0;
        }
    } else if (n != len) {
        kr_err_format(kr_exc_ValueError,
                      "attempt to assign bytes of size %zd to extended slice of size %zd", n, len);
        rc = -1;
    } else {
        for (kr_ssize i = 0, j = start; i < len; i++, j += step)
            BA(o)->data[j] = buf[i];
        rc = 0;
    }
    kr_mem_free(buf);
    return rc;
}

static int bytearray_contains(KrObject *o, KrObject *x) {
    return kr_bytes_contains_any(BA(o)->data ? BA(o)->data : "", KR_SIZE(o), x);
}

static KrObject *bytearray_concat(KrObject *a, KrObject *b) {
    const char *da, *db;
    kr_ssize na, nb;
    if (!kr_bytes_like_view(b, &db, &nb))
        return kr_err_format(kr_exc_TypeError, "can't concat %.100s to %.100s",
                             kr_type_name_cstr(KR_TYPE(b)), kr_type_name_cstr(KR_TYPE(a)));
    kr_bytes_like_view(a, &da, &na);
    KrObject *r = kr_bytearray_from_data(NULL, na + nb);
    if (!r) return NULL;
    if (na) memcpy(BA(r)->data, da, (size_t)na);
    if (nb) memcpy(BA(r)->data + na, db, (size_t)nb);
    return r;
}

static KrObject *bytearray_inplace_concat(KrObject *a, KrObject *b) {
    const char *db;
    kr_ssize nb;
    if (!kr_bytes_like_view(b, &db, &nb))
        return kr_err_format(kr_exc_TypeError, "can't concat %.100s to %.100s",
                             kr_type_name_cstr(KR_TYPE(b)), kr_type_name_cstr(KR_TYPE(a)));
    kr_ssize na = KR_SIZE(a);
    if (b == a) {
        if (kr_bytearray_resize(a, na * 2) < 0) return NULL;
        memcpy(BA(a)->data + na, BA(a)->data, (size_t)na);
    } else {
        if (kr_bytearray_resize(a, na + nb) < 0) return NULL;
        kr_bytes_like_view(b, &db, &nb);
        if (nb) memcpy(BA(a)->data + na, db, (size_t)nb);
    }
    return KR_NEWREF(a);
}

static KrObject *bytearray_repeat(KrObject *o, kr_ssize n) {
    kr_ssize len = KR_SIZE(o);
    if (n < 0) n = 0;
    if (len && n > PTRDIFF_MAX / len) return kr_err_no_memory();
    KrObject *r = kr_bytearray_from_data(NULL, len * n);
    if (!r || len == 0) return r;
    for (kr_ssize i = 0; i < n; i++)
        memcpy(BA(r)->data + i * len, BA(o)->data, (size_t)len);
    return r;
}

static KrObject *bytearray_inplace_repeat(KrObject *o, kr_ssize n) {
    kr_ssize len = KR_SIZE(o);
    if (n < 0) n = 0;
    if (len && n > PTRDIFF_MAX / len) return kr_err_no_memory();
    if (kr_bytearray_resize(o, len * n) < 0) return NULL;
    for (kr_ssize i = 1; len && i < n; i++)
        memcpy(BA(o)->data + i * len, BA(o)->data, (size_t)len);
    return KR_NEWREF(o);
}

static KrObject *bytearray_iter(KrObject *o) {
    return kr_bytes_iter_new(o, &kr_bytearray_iter_type);
}

static KrObject *bytearray_mod(KrObject *a, KrObject *b) {
    if (!KR_BYTEARRAY_CHECK(a)) return KR_NEWREF(kr_notimplemented);
    return kr_bytes_percent_format(a, b, true);
}

/* ===========================================================================
 * Mutating methods
 * ========================================================================= */

KrObject *kr_bytearray_m_append(KrObject *self, KrObject *arg) {
    unsigned char b;
    if (byte_arg(arg, &b) < 0) return NULL;
    kr_ssize n = KR_SIZE(self);
    if (kr_bytearray_resize(self, n + 1) < 0) return NULL;
    BA(self)->data[n] = (char)b;
    return kr_none;
}

KrObject *kr_bytearray_m_extend(KrObject *self, KrObject *arg) {
    char *buf;
    kr_ssize n;
    const char *d;
    if (kr_bytes_like_view(arg, &d, &n)) {
        buf = kr_mem_malloc((size_t)n + 1);
        if (!buf) return NULL;
        memcpy(buf, d, (size_t)n);
    } else {
        if (KR_STR_CHECK(arg)) {
            kr_err_set_string(kr_exc_TypeError, "expected iterable of integers; got: 'str'");
            return NULL;
        }
        KrType *t = KR_TYPE(arg);
        if (!t->tp_iter && !(t->tp_as_sequence && t->tp_as_sequence->sq_item)) {
            kr_err_format(kr_exc_TypeError, "can't extend bytearray with %.100s",
                          kr_type_name_cstr(t));
            return NULL;
        }
        if (kr_bytes_collect_iterable(arg, &buf, &n) < 0) return NULL;
    }
    kr_ssize old = KR_SIZE(self);
    int rc = kr_bytearray_resize(self, old + n);
    if (rc == 0 && n) memcpy(BA(self)->data + old, buf, (size_t)n);
    kr_mem_free(buf);
    return rc < 0 ? NULL : kr_none;
}

KrObject *kr_bytearray_m_insert(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (nargs != 2)
        return kr_err_format(kr_exc_TypeError, "insert expected 2 arguments, got %zd", nargs);
    kr_ssize i = kr_number_as_ssize(args[0], kr_exc_OverflowError);
    if (i == -1 && kr_err_occurred()) return NULL;
    unsigned char b;
    if (byte_arg(args[1], &b) < 0) return NULL;
    kr_ssize n = KR_SIZE(self);
    if (i < 0) {
        i += n;
        if (i < 0) i = 0;
    }
    if (i > n) i = n;
    char c = (char)b;
    if (splice(self, i, i, &c, 1) < 0) return NULL;
    return kr_none;
}

KrObject *kr_bytearray_m_pop(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (nargs > 1)
        return kr_err_format(kr_exc_TypeError, "pop expected at most 1 argument, got %zd", nargs);
    kr_ssize i = -1, n = KR_SIZE(self);
    if (nargs == 1) {
        i = kr_number_as_ssize(args[0], kr_exc_OverflowError);
        if (i == -1 && kr_err_occurred()) return NULL;
    }
    if (n == 0) {
        kr_err_set_string(kr_exc_IndexError, "pop from empty bytearray");
        return NULL;
    }
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
        kr_err_set_string(kr_exc_IndexError, "pop index out of range");
        return NULL;
    }
    unsigned char v = (unsigned char)BA(self)->data[i];
    if (splice(self, i, i + 1, NULL, 0) < 0) return NULL;
    return kr_int_from_i64(v);
}

KrObject *kr_bytearray_m_remove(KrObject *self, KrObject *arg) {
    unsigned char b;
    if (byte_arg(arg, &b) < 0) return NULL;
    char *p = BA(self)->data ? memchr(BA(self)->data, b, (size_t)KR_SIZE(self)) : NULL;
    if (!p) {
        kr_err_set_string(kr_exc_ValueError, "value not found in bytearray");
        return NULL;
    }
    kr_ssize i = p - BA(self)->data;
    if (splice(self, i, i + 1, NULL, 0) < 0) return NULL;
    return kr_none;
}

KrObject *kr_bytearray_m_clear(KrObject *self, KrObject *unused) {
    if (kr_bytearray_resize(self, 0) < 0) return NULL;
    return kr_none;
}

KrObject *kr_bytearray_m_copy(KrObject *self, KrObject *unused) {
    return kr_bytearray_from_data(BA(self)->data, KR_SIZE(self));
}

KrObject *kr_bytearray_m_reverse(KrObject *self, KrObject *unused) {
    char *d = BA(self)->data;
    for (kr_ssize i = 0, j = KR_SIZE(self) - 1; i < j; i++, j--) {
        char t = d[i];
        d[i] = d[j];
        d[j] = t;
    }
    return kr_none;
}

KrObject *kr_bytearray_m_alloc(KrObject *self, KrObject *unused) {
    return kr_int_from_ssize(BA(self)->alloc);
}

KrObject *kr_bytearray_m_sizeof(KrObject *self, KrObject *unused) {
    return kr_int_from_ssize(56 + BA(self)->alloc);
}

KrObject *kr_bytearray_m_reduce(KrObject *self, KrObject *unused) {
    /* (type(self), (latin-1 str, 'latin-1'), __dict__ or None) like CPython */
    KrObject *s = kr_str_from_latin1((const unsigned char *)(BA(self)->data ? BA(self)->data : ""),
                                     KR_SIZE(self));
    KrObject *enc = s ? kr_str_from_cstr("latin-1") : NULL;
    KrObject *args = enc ? kr_tuple_pack(2, s, enc) : NULL;
    KR_XDECREF(s);
    KR_XDECREF(enc);
    if (!args) return NULL;
    KrObject *dict = NULL;
    if (kr_object_lookup_attr(self, kr_str_intern_cstr("__dict__"), &dict) < 0) {
        KR_DECREF(args);
        return NULL;
    }
    KrObject *r = kr_tuple_pack(3, KR_TYPE(self), args, dict ? dict : kr_none);
    KR_DECREF(args);
    KR_XDECREF(dict);
    return r;
}

/* ===========================================================================
 * The type
 * ========================================================================= */

static KrSequenceMethods bytearray_as_sequence = {
    .sq_length = bytearray_length,
    .sq_concat = bytearray_concat,
    .sq_repeat = bytearray_repeat,
    .sq_item = bytearray_item,
    .sq_contains = bytearray_contains,
    .sq_inplace_concat = bytearray_inplace_concat,
    .sq_inplace_repeat = bytearray_inplace_repeat,
};

static KrMappingMethods bytearray_as_mapping = {
    .mp_length = bytearray_length,
    .mp_subscript = bytearray_subscript,
    .mp_ass_subscript = bytearray_ass_subscript,
};

static KrNumberMethods bytearray_as_number = {
    .nb_remainder = bytearray_mod,
};

KrType kr_bytearray_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(KrByteArray),
    .tp_dealloc = bytearray_dealloc,
    .tp_repr = bytearray_repr,
    .tp_as_number = &bytearray_as_number,
    .tp_as_sequence = &bytearray_as_sequence,
    .tp_as_mapping = &bytearray_as_mapping,
    .tp_hash = kr_object_hash_not_implemented,
    .tp_str = bytearray_repr,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_BASETYPE,
    .tp_doc = "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> "
              "bytearray\nbytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
              "bytearray(int) -> bytes array of size given by the parameter initialized with "
              "null bytes\nbytearray() -> empty bytes array",
    .tp_richcompare = kr_bytes_richcompare_any,
    .tp_iter = bytearray_iter,
    .tp_methods = kr_bytearray_methods,
    .tp_init = bytearray_init,
    .tp_new = bytearray_tp_new,
};
