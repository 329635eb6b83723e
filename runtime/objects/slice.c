/* slice.c - slice objects: construction, CPython's index clamping for sequences of a
 * given length (kr_slice_indices, and an exact arbitrary-precision form for
 * slice.indices() and range slicing), repr, comparison and the 3.12 hash. */
#include "containers.h"

KrObject *kr_slice_new(KrObject *start, KrObject *stop, KrObject *step) {
    KrSlice *s = (KrSlice *)kr_object_new(&kr_slice_type);
    if (!s) return NULL;
    s->start = KR_NEWREF(start ? start : kr_none);
    s->stop = KR_NEWREF(stop ? stop : kr_none);
    s->step = KR_NEWREF(step ? step : kr_none);
    kr_gc_track((KrObject *)s);
    return (KrObject *)s;
}

static void slice_dealloc(KrObject *o) {
    KrSlice *s = (KrSlice *)o;
    kr_gc_untrack(o);
    KR_XDECREF(s->start);
    KR_XDECREF(s->stop);
    KR_XDECREF(s->step);
    kr_object_free(o);
}

static int slice_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    KrSlice *s = (KrSlice *)o;
    int r;
    if (s->start && (r = visit(s->start, arg))) return r;
    if (s->stop && (r = visit(s->stop, arg))) return r;
    if (s->step && (r = visit(s->step, arg))) return r;
    return 0;
}

/* ===========================================================================
 * Index computations
 * ========================================================================= */

int kr_slice_index_clamp(KrObject *v, kr_ssize *out) {
    if (!kr_index_check(v)) {
        kr_err_set_string(kr_exc_TypeError,
                          "slice indices must be integers or have an __index__ method");
        return -1;
    }
    kr_ssize x = kr_number_as_ssize(v, NULL);
    if (x == -1 && kr_err_occurred()) return -1;
    *out = x;
    return 0;
}

/* A slice bound: None leaves *out alone. */
static int slice_bound(KrObject *v, kr_ssize *out) {
    if (v == kr_none) return 0;
    if (!kr_index_check(v)) {
        kr_err_set_string(kr_exc_TypeError,
                          "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    kr_ssize x = kr_number_as_ssize(v, NULL);
    if (x == -1 && kr_err_occurred()) return -1;
    *out = x;
    return 0;
}

kr_ssize kr_slice_adjust_indices(kr_ssize length, kr_ssize *start, kr_ssize *stop, kr_ssize step) {
    if (*start < 0) {
        *start += length;
        if (*start < 0) *start = (step < 0) ? -1 : 0;
    } else if (*start >= length) {
        *start = (step < 0) ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0) *stop = (step < 0) ? -1 : 0;
    } else if (*stop >= length) {
        *stop = (step < 0) ? length - 1 : length;
    }
    if (step < 0) {
        if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

int kr_slice_indices(KrObject *slice, kr_ssize length, kr_ssize *start, kr_ssize *stop,
                     kr_ssize *step, kr_ssize *slicelength) {
    KrSlice *s = (KrSlice *)slice;
    kr_ssize st = 1;
    if (s->step != kr_none) {
        if (slice_bound(s->step, &st) < 0) return -1;
        if (st == 0) {
            kr_err_set_string(kr_exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        /* -PTRDIFF_MAX keeps -step representable. */
        if (st < -PTRDIFF_MAX) st = -PTRDIFF_MAX;
    }
    kr_ssize a = st < 0 ? PTRDIFF_MAX : 0, b = st < 0 ? PTRDIFF_MIN : PTRDIFF_MAX;
    if (slice_bound(s->start, &a) < 0 || slice_bound(s->stop, &b) < 0) return -1;
    kr_ssize n = kr_slice_adjust_indices(length, &a, &b, st);
    *start = a;
    *stop = b;
    *step = st;
    if (slicelength) *slicelength = n;
    return 0;
}

/* Clamps an index object (None: use deflt) to [lower, upper] after wrapping negatives. */
static KrObject *long_bound(KrObject *v, KrObject *length, KrObject *lower, KrObject *upper,
                            KrObject *deflt) {
    if (v == kr_none) return KR_NEWREF(deflt);
    KrObject *x = kr_number_index(v);
    if (!x) return NULL;
    if (kr_int_sign(x) < 0) {
        KrObject *y = kr_number_add(x, length);
        KR_DECREF(x);
        if (!y) return NULL;
        x = y;
        int lt = kr_object_richcompare_bool(x, lower, KR_LT);
        if (lt < 0) goto fail;
        if (lt) KR_SETREF(x, KR_NEWREF(lower));
    } else {
        int gt = kr_object_richcompare_bool(x, upper, KR_GT);
        if (gt < 0) goto fail;
        if (gt) KR_SETREF(x, KR_NEWREF(upper));
    }
    return x;
fail:
    KR_DECREF(x);
    return NULL;
}

int kr_slice_long_indices(KrObject *slice, KrObject *length, KrObject **start_out,
                          KrObject **stop_out, KrObject **step_out) {
    KrSlice *s = (KrSlice *)slice;
    KrObject *step, *lower = NULL, *upper = NULL, *start = NULL, *stop = NULL;
    if (s->step == kr_none) {
        step = kr_int_from_i64(1);
    } else {
        if (!kr_index_check(s->step)) {
            kr_err_set_string(kr_exc_TypeError, "slice indices must be integers or None or have "
                                                "an __index__ method");
            return -1;
        }
        step = kr_number_index(s->step);
        if (step && kr_int_sign(step) == 0) {
            kr_err_set_string(kr_exc_ValueError, "slice step cannot be zero");
            KR_CLEAR(step);
        }
    }
    if (!step) return -1;
    bool neg = kr_int_sign(step) < 0;
    if (neg) {
        lower = kr_int_from_i64(-1);
        upper = lower ? kr_number_add(length, lower) : NULL;
    } else {
        lower = kr_int_from_i64(0);
        upper = KR_NEWREF(length);
    }
    if (!lower || !upper) goto fail;
    for (int which = 0; which < 2; which++) {
        KrObject *v = which == 0 ? s->start : s->stop;
        if (v != kr_none && !kr_index_check(v)) {
            kr_err_set_string(kr_exc_TypeError, "slice indices must be integers or None or have "
                                                "an __index__ method");
            goto fail;
        }
    }
    start = long_bound(s->start, length, lower, upper, neg ? upper : lower);
    if (!start) goto fail;
    stop = long_bound(s->stop, length, lower, upper, neg ? lower : upper);
    if (!stop) goto fail;
    KR_DECREF(lower);
    KR_DECREF(upper);
    *start_out = start;
    *stop_out = stop;
    *step_out = step;
    return 0;
fail:
    KR_XDECREF(step);
    KR_XDECREF(lower);
    KR_XDECREF(upper);
    KR_XDECREF(start);
    KR_XDECREF(stop);
    return -1;
}

/* ===========================================================================
 * Slots and methods
 * ========================================================================= */

static KrObject *slice_repr(KrObject *o) {
    KrSlice *s = (KrSlice *)o;
    return kr_str_from_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static KrObject *slice_as_tuple(KrObject *o) {
    KrSlice *s = (KrSlice *)o;
    return kr_tuple_pack(3, s->start, s->stop, s->step);
}

static KrObject *slice_richcompare(KrObject *v, KrObject *w, int op) {
    if (KR_TYPE(v) != &kr_slice_type || KR_TYPE(w) != &kr_slice_type)
        return KR_NEWREF(kr_notimplemented);
    if (v == w && (op == KR_EQ || op == KR_NE)) return KR_NEWREF(kr_bool_from(op == KR_EQ));
    KrObject *a = slice_as_tuple(v), *b = a ? slice_as_tuple(w) : NULL;
    KrObject *r = b ? kr_object_richcompare(a, b, op) : NULL;
    KR_XDECREF(a);
    KR_XDECREF(b);
    return r;
}

static kr_hash slice_hash(KrObject *o) {
    KrSlice *s = (KrSlice *)o;
    KrObject *items[3] = {s->start, s->stop, s->step};
    return kr_tuple_hash_items(items, 3);
}

static KrObject *slice_indices_meth(KrObject *self, KrObject *len) {
    KrObject *length = kr_number_index(len);
    if (!length) return NULL;
    if (kr_int_sign(length) < 0) {
        KR_DECREF(length);
        kr_err_set_string(kr_exc_ValueError, "length should not be negative");
        return NULL;
    }
    KrObject *start, *stop, *step;
    int r = kr_slice_long_indices(self, length, &start, &stop, &step);
    KR_DECREF(length);
    if (r < 0) return NULL;
    KrObject *t = kr_tuple_pack(3, start, stop, step);
    KR_DECREF(start);
    KR_DECREF(stop);
    KR_DECREF(step);
    return t;
}

static KrObject *slice_reduce(KrObject *self, KrObject *unused) {
    KrObject *args = slice_as_tuple(self);
    if (!args) return NULL;
    KrObject *r = kr_tuple_pack(2, (KrObject *)&kr_slice_type, args);
    KR_DECREF(args);
    return r;
}

static KrMethodDef slice_methods[] = {
    {"indices", (void *)slice_indices_meth, KR_METH_O,
     "S.indices(len) -> (start, stop, stride)\n\nAssuming a sequence of length len, calculate "
     "the start and stop\nindices, and the stride length of the extended slice described by\nS. "
     "Out of bounds indices are clipped in a manner consistent with the\nhandling of normal "
     "slices."},
    {"__reduce__", (void *)slice_reduce, KR_METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

static KrMemberDef slice_members[] = {
    {"start", KR_MEMBER_OBJECT, offsetof(KrSlice, start), KR_MEMBER_READONLY, NULL},
    {"stop", KR_MEMBER_OBJECT, offsetof(KrSlice, stop), KR_MEMBER_READONLY, NULL},
    {"step", KR_MEMBER_OBJECT, offsetof(KrSlice, step), KR_MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static KrObject *slice_from_args(KrObject *const *args, kr_ssize n) {
    if (n < 1)
        return kr_err_format(kr_exc_TypeError, "slice expected at least 1 argument, got %zd", n);
    if (n > 3)
        return kr_err_format(kr_exc_TypeError, "slice expected at most 3 arguments, got %zd", n);
    if (n == 1) return kr_slice_new(NULL, args[0], NULL);
    return kr_slice_new(args[0], args[1], n == 3 ? args[2] : NULL);
}

static KrObject *slice_tp_new(KrType *type, KrObject *args, KrObject *kwargs) {
    if (kwargs && kr_dict_size(kwargs) > 0) {
        kr_err_set_string(kr_exc_TypeError, "slice() takes no keyword arguments");
        return NULL;
    }
    return slice_from_args(KR_TUPLE_ITEMS(args), KR_SIZE(args));
}

static KrObject *slice_vectorcall(KrObject *callable, KrObject *const *args, size_t nargsf,
                                  KrObject *kwnames) {
    if (kwnames && KR_SIZE(kwnames) > 0) {
        kr_err_set_string(kr_exc_TypeError, "slice() takes no keyword arguments");
        return NULL;
    }
    return slice_from_args(args, kr_vectorcall_nargs(nargsf));
}

KrType kr_slice_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "slice",
    .tp_basicsize = sizeof(KrSlice),
    .tp_dealloc = slice_dealloc,
    .tp_vectorcall = slice_vectorcall,
    .tp_repr = slice_repr,
    .tp_hash = slice_hash,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used "
              "for extended slicing (e.g. a[0:10:2]).",
    .tp_traverse = slice_traverse,
    .tp_richcompare = slice_richcompare,
    .tp_methods = slice_methods,
    .tp_members = slice_members,
    .tp_new = slice_tp_new,
};
