/* bytes.c - the immutable byte string: construction (from int, iterable, str with an
 * encoding, buffer, __bytes__), repr, hashing (the same SipHash as ASCII str, so
 * hash(b'abc') == hash('abc')), comparison, sequence operations and the iterator. The
 * methods shared with bytearray live in bytes_methods.c. */
#include <stdio.h>

#include "strings.h"

/* ===========================================================================
 * Allocation
 * ========================================================================= */

static struct {
    KrBytes b;
    char nul[8];
} empty_storage = {
    .b = {.ob_base = KR_STATIC_VAROBJECT_INIT(&kr_bytes_type, 0), .hash = 0},
};
KrObject *kr_bytes_empty = (KrObject *)&empty_storage.b;

static KrBytes *bytes_alloc_type(KrType *t, kr_ssize n) {
    if (n < 0 || n > ((kr_ssize)1 << 60)) return (KrBytes *)kr_err_no_memory();
    KrObject *o = t == &kr_bytes_type ? kr_object_new_var(t, n) : kr_type_generic_alloc(t, n);
    if (!o) return NULL;
    KrBytes *b = (KrBytes *)o;
    KR_SIZE(o) = n;
    b->hash = -1;
    b->data[n] = 0;
    return b;
}

KrObject *kr_bytes_new(kr_ssize n) {
    if (n == 0) return kr_bytes_empty;
    return (KrObject *)bytes_alloc_type(&kr_bytes_type, n);
}

KrObject *kr_bytes_from_data(const char *s, kr_ssize n) {
    if (n == 0) return kr_bytes_empty;
    KrBytes *b = bytes_alloc_type(&kr_bytes_type, n);
    if (b && s) memcpy(b->data, s, (size_t)n);
    return (KrObject *)b;
}

KrObject *kr_bytes_resize(KrObject *o, kr_ssize n) {
    if (n == KR_SIZE(o)) return o;
    KrObject *r = kr_bytes_from_data(kr_bytes_data(o), n < KR_SIZE(o) ? n : KR_SIZE(o));
    if (r && n > KR_SIZE(o)) {
        KR_DECREF(r);
        r = kr_bytes_new(n);
        if (r) memcpy(((KrBytes *)r)->data, kr_bytes_data(o), (size_t)KR_SIZE(o));
    }
    KR_DECREF(o);
    return r;
}

int kr_bytes_like_view(KrObject *o, const char **data, kr_ssize *size) {
    if (KR_BYTES_CHECK(o)) {
        *data = ((KrBytes *)o)->data;
        *size = KR_SIZE(o);
        return 1;
    }
    if (KR_BYTEARRAY_CHECK(o)) {
        *data = ((KrByteArray *)o)->data ? ((KrByteArray *)o)->data : "";
        *size = KR_SIZE(o);
        return 1;
    }
    return 0;
}

static void bytes_dealloc(KrObject *o) { kr_object_free(o); }

/* ===========================================================================
 * Construction
 * ========================================================================= */

static int byte_value(KrObject *item, unsigned char *out) {
    kr_ssize v = kr_number_as_ssize(item, NULL);
    if (v == -1 && kr_err_occurred()) {
        return -1;
    }
    if (v < 0 || v > 255) {
        kr_err_set_string(kr_exc_ValueError, "bytes must be in range(0, 256)");
        return -1;
    }
    *out = (unsigned char)v;
    return 0;
}

/* Collects the ints of an iterable into a malloc'ed buffer. */
int kr_bytes_collect_iterable(KrObject *o, char **buf, kr_ssize *n) {
    KrObject *it = kr_object_get_iter(o);
    if (!it) return -1;
    kr_ssize cap = 16, len = 0;
    char *p = kr_mem_malloc((size_t)cap);
    if (!p) {
        KR_DECREF(it);
        return -1;
    }
    KrObject *item;
    while ((item = kr_iter_next(it)) != NULL) {
        unsigned char v;
        if (!kr_index_check(item)) {
            kr_err_format(kr_exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                          kr_type_name_cstr(KR_TYPE(item)));
            KR_DECREF(item);
            goto fail;
        }
        int rc = byte_value(item, &v);
        KR_DECREF(item);
        if (rc < 0) goto fail;
        if (len == cap) {
            cap *= 2;
            char *np = kr_mem_realloc(p, (size_t)cap);
            if (!np) goto fail;
            p = np;
        }
        p[len++] = (char)v;
    }
    if (kr_err_occurred()) goto fail;
    KR_DECREF(it);
    *buf = p;
    *n = len;
    return 0;
fail:
    KR_DECREF(it);
    kr_mem_free(p);
    return -1;
}

/* The bytes of `o` for bytes(o) / bytearray(o) with no encoding (new kr_mem buffer). */
int kr_bytes_source_data(KrObject *o, char **buf, kr_ssize *n, bool allow_count) {
    const char *d;
    kr_ssize sz;
    if (kr_bytes_like_view(o, &d, &sz)) {
        *buf = kr_mem_malloc((size_t)sz + 1);
        if (!*buf) return -1;
        memcpy(*buf, d, (size_t)sz);
        *n = sz;
        return 0;
    }
    if (KR_STR_CHECK(o)) {
        kr_err_set_string(kr_exc_TypeError, "string argument without an encoding");
        return -1;
    }
    if (allow_count && kr_index_check(o)) {
        kr_ssize count = kr_number_as_ssize(o, kr_exc_OverflowError);
        if (count == -1 && kr_err_occurred()) return -1;
        if (count < 0) {
            kr_err_set_string(kr_exc_ValueError, "negative count");
            return -1;
        }
        *buf = kr_mem_calloc((size_t)count + 1, 1);
        if (!*buf) return -1;
        *n = count;
        return 0;
    }
    KrType *t = KR_TYPE(o);
    if (!t->tp_iter && !(t->tp_as_sequence && t->tp_as_sequence->sq_item)) {
        kr_err_format(kr_exc_TypeError, "cannot convert '%.200s' object to %s",
                      kr_type_name_cstr(t), allow_count ? "bytes" : "bytearray");
        return -1;
    }
    return kr_bytes_collect_iterable(o, buf, n);
}

static KrObject *bytes_new_impl(KrType *t, KrObject *x, const char *encoding, const char *errors) {
    KrObject *r;
    if (!x) {
        if (encoding || errors) {
            kr_err_set_string(kr_exc_TypeError, encoding ? "encoding without a string argument"
                                                         : "errors without a string argument");
            return NULL;
        }
        r = KR_NEWREF(kr_bytes_empty);
    } else if (encoding || errors) {
        if (!KR_STR_CHECK(x)) {
            kr_err_set_string(kr_exc_TypeError, encoding ? "encoding without a string argument"
                                                         : "errors without a string argument");
            return NULL;
        }
        if (!encoding) {
            kr_err_set_string(kr_exc_TypeError, "string argument without an encoding");
            return NULL;
        }
        r = kr_str_encode(x, encoding, errors);
    } else {
        int found;
        r = kr_call_special(x, kr_str_intern_cstr("__bytes__"), NULL, 0, &found);
        if (r) {
            if (!KR_BYTES_CHECK(r)) {
                kr_err_format(kr_exc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                              kr_type_name_cstr(KR_TYPE(r)));
                KR_DECREF(r);
                return NULL;
            }
        } else {
            if (found || kr_err_occurred()) return NULL;
            char *buf;
            kr_ssize n;
            if (KR_BYTES_CHECK(x) && t == &kr_bytes_type && KR_TYPE(x) == &kr_bytes_type)
                return KR_NEWREF(x);
            if (kr_bytes_source_data(x, &buf, &n, true) < 0) return NULL;
            r = kr_bytes_from_data(buf, n);
            kr_mem_free(buf);
        }
    }
    if (!r || t == &kr_bytes_type) return r;
    KrBytes *sub = bytes_alloc_type(t, KR_SIZE(r));
    if (sub) memcpy(sub->data, kr_bytes_data(r), (size_t)KR_SIZE(r));
    KR_DECREF(r);
    return (KrObject *)sub;
}

static KrObject *bytes_tp_new(KrType *t, KrObject *args, KrObject *kwargs) {
    static const char *const kwlist[] = {"source", "encoding", "errors", NULL};
    KrObject *x = NULL;
    const char *encoding = NULL, *errors = NULL;
    KrObject *argv[6], *kwnames = NULL;
    kr_ssize nargs = KR_SIZE(args), nkw = kwargs ? kr_dict_size(kwargs) : 0;
    if (nargs + nkw > 3)
        return kr_err_format(kr_exc_TypeError, "bytes() takes at most 3 arguments (%zd given)",
                             nargs + nkw);
    for (kr_ssize i = 0; i < nargs; i++)
        argv[i] = KR_TUPLE_ITEM(args, i);
    if (nkw) {
        kwnames = kr_tuple_new(nkw);
        if (!kwnames) return NULL;
        kr_ssize pos = 0, j = 0;
        KrObject *k, *v;
        while (kr_dict_next(kwargs, &pos, &k, &v)) {
            KR_TUPLE_ITEM(kwnames, j) = KR_NEWREF(k);
            argv[nargs + j++] = v;
        }
    }
    int rc = kr_arg_parse(argv, nargs, kwnames, "|Oss:bytes", kwlist, &x, &encoding, &errors);
    KR_XDECREF(kwnames);
    if (rc < 0) return NULL;
    return bytes_new_impl(t, x, encoding, errors);
}

KrObject *kr_bytes_from_object(KrObject *o) {
    return bytes_new_impl(&kr_bytes_type, o, NULL, NULL);
}

/* ===========================================================================
 * repr, hash, compare
 * ========================================================================= */

KrObject *kr_bytes_repr_impl(const char *s, kr_ssize n, const char *prefix, const char *suffix) {
    bool has_sq = memchr(s, '\'', (size_t)n) != NULL, has_dq = memchr(s, '"', (size_t)n) != NULL;
    char quote = has_sq && !has_dq ? '"' : '\'';
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    if (kr_strbuilder_append_cstr(&b, prefix) < 0 || kr_strbuilder_append_cstr(&b, "b") < 0 ||
        kr_strbuilder_append(&b, &quote, 1) < 0)
        goto fail;
    for (kr_ssize i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[8];
        const char *e = NULL;
        if (c == (unsigned char)quote || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            esc[2] = 0;
            e = esc;
        } else if (c == '\t')
            e = "\\t";
        else if (c == '\n')
            e = "\\n";
        else if (c == '\r')
            e = "\\r";
        else if (c < 0x20 || c >= 0x7f) {
            snprintf(esc, sizeof esc, "\\x%02x", c);
            e = esc;
        }
        if (e ? kr_strbuilder_append_cstr(&b, e) : kr_strbuilder_append(&b, (const char *)&c, 1))
            goto fail;
    }
    if (kr_strbuilder_append(&b, &quote, 1) < 0 || kr_strbuilder_append_cstr(&b, suffix) < 0)
        goto fail;
    return kr_strbuilder_finish(&b);
fail:
    kr_strbuilder_discard(&b);
    return NULL;
}

KrObject *kr_bytes_repr_data(const char *s, kr_ssize n, const char *prefix_unused) {
    return kr_bytes_repr_impl(s, n, "", "");
}

static KrObject *bytes_repr(KrObject *o) {
    return kr_bytes_repr_impl(kr_bytes_data(o), KR_SIZE(o), "", "");
}

static kr_hash bytes_hash(KrObject *o) {
    KrBytes *b = (KrBytes *)o;
    kr_hash h = __atomic_load_n(&b->hash, __ATOMIC_RELAXED);
    if (h == -1) {
        h = kr_str_hash_bytes(b->data, KR_SIZE(o));
        __atomic_store_n(&b->hash, h, __ATOMIC_RELAXED);
    }
    return h;
}

/* Comparison shared by bytes and bytearray (either side may be either). */
KrObject *kr_bytes_richcompare_any(KrObject *a, KrObject *b, int op) {
    const char *da, *db;
    kr_ssize na, nb;
    if (!kr_bytes_like_view(a, &da, &na) || !kr_bytes_like_view(b, &db, &nb))
        return KR_NEWREF(kr_notimplemented);
    int c;
    if ((op == KR_EQ || op == KR_NE) && na != nb) {
        c = 1;
    } else {
        kr_ssize m = na < nb ? na : nb;
        c = memcmp(da, db, (size_t)m);
        if (c == 0) c = na < nb ? -1 : na > nb ? 1 : 0;
    }
    bool r;
    switch (op) {
    case KR_EQ:
        r = c == 0;
        break;
    case KR_NE:
        r = c != 0;
        break;
    case KR_LT:
        r = c < 0;
        break;
    case KR_LE:
        r = c <= 0;
        break;
    case KR_GT:
        r = c > 0;
        break;
    default:
        r = c >= 0;
        break;
    }
    return KR_NEWREF(kr_bool_from(r));
}

/* ===========================================================================
 * Sequence protocol
 * ========================================================================= */

static kr_ssize bytes_length(KrObject *o) { return KR_SIZE(o); }

static KrObject *bytes_item(KrObject *o, kr_ssize i) {
    if (i < 0) i += KR_SIZE(o);
    if (i < 0 || i >= KR_SIZE(o)) {
        kr_err_set_string(kr_exc_IndexError, "index out of range");
        return NULL;
    }
    return kr_int_from_i64((unsigned char)kr_bytes_data(o)[i]);
}

static KrObject *bytes_subscript(KrObject *o, KrObject *key) {
    if (kr_index_check(key)) {
        kr_ssize i = kr_number_as_ssize(key, kr_exc_IndexError);
        if (i == -1 && kr_err_occurred()) return NULL;
        return bytes_item(o, i);
    }
    if (KR_TYPE(key) == &kr_slice_type) {
        kr_ssize start, stop, step, len;
        if (kr_slice_indices(key, KR_SIZE(o), &start, &stop, &step, &len) < 0) return NULL;
        if (len <= 0) return KR_NEWREF(kr_bytes_empty);
        if (step == 1) {
            if (len == KR_SIZE(o) && KR_TYPE(o) == &kr_bytes_type) return KR_NEWREF(o);
            return kr_bytes_from_data(kr_bytes_data(o) + start, len);
        }
        KrObject *r = kr_bytes_new(len);
        if (!r) return NULL;
        for (kr_ssize i = 0, j = start; i < len; i++, j += step)
            ((KrBytes *)r)->data[i] = kr_bytes_data(o)[j];
        return r;
    }
    return kr_err_format(kr_exc_TypeError, "byte indices must be integers or slices, not %.200s",
                         kr_type_name_cstr(KR_TYPE(key)));
}

KrObject *kr_bytes_concat(KrObject *a, KrObject *b) {
    const char *da, *db;
    kr_ssize na, nb;
    if (!kr_bytes_like_view(a, &da, &na) || !kr_bytes_like_view(b, &db, &nb)) {
        KrObject *bad = kr_bytes_like_view(a, &da, &na) ? b : a;
        return kr_err_format(kr_exc_TypeError, "can't concat %.100s to %.100s",
                             kr_type_name_cstr(KR_TYPE(bad)), kr_type_name_cstr(KR_TYPE(a)));
    }
    if (nb == 0 && KR_TYPE(a) == &kr_bytes_type) return KR_NEWREF(a);
    if (na == 0 && KR_TYPE(b) == &kr_bytes_type) return KR_NEWREF(b);
    KrObject *r = kr_bytes_new(na + nb);
    if (!r) return NULL;
    memcpy(((KrBytes *)r)->data, da, (size_t)na);
    memcpy(((KrBytes *)r)->data + na, db, (size_t)nb);
    return r;
}

static KrObject *bytes_repeat(KrObject *o, kr_ssize n) {
    kr_ssize len = KR_SIZE(o);
    if (n <= 0 || len == 0) return KR_NEWREF(kr_bytes_empty);
    if (n == 1 && KR_TYPE(o) == &kr_bytes_type) return KR_NEWREF(o);
    if (len > PTRDIFF_MAX / n) return kr_err_no_memory();
    KrObject *r = kr_bytes_new(len * n);
    if (!r) return NULL;
    char *d = ((KrBytes *)r)->data;
    for (kr_ssize i = 0; i < n; i++)
        memcpy(d + i * len, kr_bytes_data(o), (size_t)len);
    return r;
}

/* `x in b` for bytes and bytearray. */
int kr_bytes_contains_any(const char *d, kr_ssize n, KrObject *x) {
    if (kr_index_check(x)) {
        kr_ssize v = kr_number_as_ssize(x, NULL);
        if (v == -1 && kr_err_occurred()) return -1;
        if (v < 0 || v > 255) {
            kr_err_set_string(kr_exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        return memchr(d, (int)v, (size_t)n) != NULL;
    }
    const char *s;
    kr_ssize m;
    if (!kr_bytes_like_view(x, &s, &m)) {
        kr_err_format(kr_exc_TypeError, "a bytes-like object is required, not '%.100s'",
                      kr_type_name_cstr(KR_TYPE(x)));
        return -1;
    }
    return kr_bytes_find_raw(d, n, s, m) >= 0;
}

static int bytes_contains(KrObject *o, KrObject *x) {
    return kr_bytes_contains_any(kr_bytes_data(o), KR_SIZE(o), x);
}

static KrObject *bytes_mod(KrObject *a, KrObject *b) {
    if (!KR_BYTES_CHECK(a)) return KR_NEWREF(kr_notimplemented);
    return kr_bytes_percent_format(a, b, false);
}

/* ===========================================================================
 * Iterator (shared by bytes and bytearray: reads the current contents each step)
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *seq; /* NULL once exhausted */
    kr_ssize index;
} KrBytesIter;

KrObject *kr_bytes_iter_new(KrObject *seq, KrType *t) {
    KrBytesIter *it = (KrBytesIter *)kr_object_new(t);
    if (!it) return NULL;
    it->seq = KR_NEWREF(seq);
    it->index = 0;
    return (KrObject *)it;
}

static KrObject *bytes_iter(KrObject *o) { return kr_bytes_iter_new(o, &kr_bytes_iter_type); }

static KrObject *bytesiter_next(KrObject *o) {
    KrBytesIter *it = (KrBytesIter *)o;
    if (!it->seq) return NULL;
    const char *d = "";
    kr_ssize n = 0;
    kr_bytes_like_view(it->seq, &d, &n);
    if (it->index >= n) {
        KR_CLEAR(it->seq);
        return NULL;
    }
    return kr_int_from_i64((unsigned char)d[it->index++]);
}

static void bytesiter_dealloc(KrObject *o) {
    KR_XDECREF(((KrBytesIter *)o)->seq);
    kr_object_free(o);
}

static KrObject *bytesiter_length_hint(KrObject *o, KrObject *unused) {
    KrBytesIter *it = (KrBytesIter *)o;
    kr_ssize n = it->seq ? KR_SIZE(it->seq) - it->index : 0;
    return kr_int_from_ssize(n < 0 ? 0 : n);
}

static KrMethodDef bytesiter_methods[] = {
    {"__length_hint__", bytesiter_length_hint, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KrType kr_bytes_iter_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "bytes_iterator",
    .tp_basicsize = sizeof(KrBytesIter),
    .tp_dealloc = bytesiter_dealloc,
    .tp_getattro = kr_object_generic_getattr,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = bytesiter_next,
    .tp_methods = bytesiter_methods,
};

KrType kr_bytearray_iter_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "bytearray_iterator",
    .tp_basicsize = sizeof(KrBytesIter),
    .tp_dealloc = bytesiter_dealloc,
    .tp_getattro = kr_object_generic_getattr,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = bytesiter_next,
    .tp_methods = bytesiter_methods,
};

/* ===========================================================================
 * The type
 * ========================================================================= */

static KrSequenceMethods bytes_as_sequence = {
    .sq_length = bytes_length,
    .sq_concat = kr_bytes_concat,
    .sq_repeat = bytes_repeat,
    .sq_item = bytes_item,
    .sq_contains = bytes_contains,
};

static KrMappingMethods bytes_as_mapping = {
    .mp_length = bytes_length,
    .mp_subscript = bytes_subscript,
};

static KrNumberMethods bytes_as_number = {
    .nb_remainder = bytes_mod,
};

KrType kr_bytes_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "bytes",
    .tp_basicsize = offsetof(KrBytes, data) + 1,
    .tp_itemsize = 1,
    .tp_dealloc = bytes_dealloc,
    .tp_repr = bytes_repr,
    .tp_as_number = &bytes_as_number,
    .tp_as_sequence = &bytes_as_sequence,
    .tp_as_mapping = &bytes_as_mapping,
    .tp_hash = bytes_hash,
    .tp_str = bytes_repr,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_BYTES_SUBCLASS | KR_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n"
              "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\nbytes(int) -> "
              "bytes object of size given by the parameter initialized with null bytes\n"
              "bytes() -> empty bytes object",
    .tp_richcompare = kr_bytes_richcompare_any,
    .tp_iter = bytes_iter,
    .tp_methods = kr_bytes_methods,
    .tp_new = bytes_tp_new,
};
