/* range.c - range objects (start/stop/step/length as ints, any size) with O(1) len,
 * membership, index and slicing; and their iterators: KrRangeIter, an int64 fast
 * path that FOR_ITER's specialisation steps directly, and a big-int fallback. */
#include "containers.h"

/* ===========================================================================
 * Helpers
 * ========================================================================= */

static bool fits_i64(KrObject *o, int64_t *out) {
    KrInt *i = (KrInt *)o;
    if (i->big) return false;
    *out = i->value;
    return true;
}

/* Number of items: exact, in any size. */
static KrObject *compute_length(KrObject *start, KrObject *stop, KrObject *step) {
    int64_t a, b, s;
    if (fits_i64(start, &a) && fits_i64(stop, &b) && fits_i64(step, &s)) {
        __int128 n = 0;
        if (s > 0 && a < b)
            n = ((__int128)b - a - 1) / s + 1;
        else if (s < 0 && a > b)
            n = ((__int128)a - b - 1) / -(__int128)s + 1;
        if (n <= INT64_MAX) return kr_int_from_i64((int64_t)n);
        return kr_int_from_u64((uint64_t)n);
    }
    /* General case: (hi - lo - 1) // |step| + 1 when lo < hi. */
    KrObject *lo, *hi, *st;
    if (kr_int_sign(step) > 0) {
        lo = start;
        hi = stop;
        st = KR_NEWREF(step);
    } else {
        lo = stop;
        hi = start;
        st = kr_number_negative(step);
        if (!st) return NULL;
    }
    int c = kr_object_richcompare_bool(lo, hi, KR_GE);
    if (c != 0) {
        KR_DECREF(st);
        return c < 0 ? NULL : kr_int_from_i64(0);
    }
    KrObject *one = kr_int_from_i64(1), *diff = kr_number_subtract(hi, lo), *t1 = NULL, *t2 = NULL,
             *r = NULL;
    if (diff) t1 = kr_number_subtract(diff, one);
    if (t1) t2 = kr_number_floor_divide(t1, st);
    if (t2) r = kr_number_add(t2, one);
    KR_XDECREF(one);
    KR_XDECREF(diff);
    KR_XDECREF(t1);
    KR_XDECREF(t2);
    KR_DECREF(st);
    return r;
}

/* Steals start, stop, step. */
static KrObject *make_range(KrObject *start, KrObject *stop, KrObject *step) {
    KrObject *len = compute_length(start, stop, step);
    if (!len) goto fail;
    KrRange *r = (KrRange *)kr_object_new(&kr_range_type);
    if (!r) {
        KR_DECREF(len);
        goto fail;
    }
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = len;
    return (KrObject *)r;
fail:
    KR_DECREF(start);
    KR_DECREF(stop);
    KR_DECREF(step);
    return NULL;
}

/* start + i * step for an int i. */
static KrObject *compute_item(KrRange *r, KrObject *i) {
    int64_t a, s, k;
    if (fits_i64(r->start, &a) && fits_i64(r->step, &s) && fits_i64(i, &k)) {
        __int128 v = (__int128)a + (__int128)k * s;
        if (v >= INT64_MIN && v <= INT64_MAX) return kr_int_from_i64((int64_t)v);
    }
    KrObject *m = kr_number_multiply(i, r->step);
    if (!m) return NULL;
    KrObject *v = kr_number_add(r->start, m);
    KR_DECREF(m);
    return v;
}

/* ===========================================================================
 * Construction
 * ========================================================================= */

static KrObject *range_from_args(KrObject *const *args, kr_ssize n) {
    KrObject *start, *stop, *step;
    if (n == 1) {
        stop = kr_number_index(args[0]);
        if (!stop) return NULL;
        return make_range(kr_int_from_i64(0), stop, kr_int_from_i64(1));
    }
    if (n == 2 || n == 3) {
        start = kr_number_index(args[0]);
        if (!start) return NULL;
        stop = kr_number_index(args[1]);
        if (!stop) {
            KR_DECREF(start);
            return NULL;
        }
        step = n == 3 ? kr_number_index(args[2]) : kr_int_from_i64(1);
        if (!step) {
            KR_DECREF(start);
            KR_DECREF(stop);
            return NULL;
        }
        if (kr_int_sign(step) == 0) {
            kr_err_set_string(kr_exc_ValueError, "range() arg 3 must not be zero");
            KR_DECREF(start);
            KR_DECREF(stop);
            KR_DECREF(step);
            return NULL;
        }
        return make_range(start, stop, step);
    }
    if (n == 0) return kr_err_format(kr_exc_TypeError, "range expected at least 1 argument, got 0");
    return kr_err_format(kr_exc_TypeError, "range expected at most 3 arguments, got %zd", n);
}

static KrObject *range_tp_new(KrType *type, KrObject *args, KrObject *kwargs) {
    if (kwargs && kr_dict_size(kwargs) > 0) {
        kr_err_set_string(kr_exc_TypeError, "range() takes no keyword arguments");
        return NULL;
    }
    return range_from_args(KR_TUPLE_ITEMS(args), KR_SIZE(args));
}

static KrObject *range_vectorcall(KrObject *callable, KrObject *const *args, size_t nargsf,
                                  KrObject *kwnames) {
    if (kwnames && KR_SIZE(kwnames) > 0) {
        kr_err_set_string(kr_exc_TypeError, "range() takes no keyword arguments");
        return NULL;
    }
    return range_from_args(args, kr_vectorcall_nargs(nargsf));
}

static void range_dealloc(KrObject *o) {
    KrRange *r = (KrRange *)o;
    KR_XDECREF(r->start);
    KR_XDECREF(r->stop);
    KR_XDECREF(r->step);
    KR_XDECREF(r->length);
    kr_object_free(o);
}

/* ===========================================================================
 * Sequence protocol
 * ========================================================================= */

static kr_ssize range_length(KrObject *o) { return kr_int_as_ssize(((KrRange *)o)->length); }

static int range_bool(KrObject *o) { return kr_int_sign(((KrRange *)o)->length) != 0; }

static KrObject *range_item(KrObject *o, kr_ssize i) {
    KrRange *r = (KrRange *)o;
    KrObject *io = kr_int_from_ssize(i);
    if (!io) return NULL;
    int ok = i >= 0 ? kr_object_richcompare_bool(io, r->length, KR_LT) : 0;
    if (ok <= 0) {
        KR_DECREF(io);
        if (ok == 0) kr_err_set_string(kr_exc_IndexError, "range object index out of range");
        return NULL;
    }
    KrObject *v = compute_item(r, io);
    KR_DECREF(io);
    return v;
}

static KrObject *range_subscript(KrObject *o, KrObject *key) {
    KrRange *r = (KrRange *)o;
    if (kr_index_check(key)) {
        KrObject *i = kr_number_index(key);
        if (!i) return NULL;
        if (kr_int_sign(i) < 0) KR_SETREF(i, kr_number_add(i, r->length));
        if (!i) return NULL;
        int ok = kr_int_sign(i) >= 0 ? kr_object_richcompare_bool(i, r->length, KR_LT) : 0;
        if (ok <= 0) {
            KR_DECREF(i);
            if (ok == 0) kr_err_set_string(kr_exc_IndexError, "range object index out of range");
            return NULL;
        }
        KrObject *v = compute_item(r, i);
        KR_DECREF(i);
        return v;
    }
    if (KR_TYPE(key) == &kr_slice_type) {
        KrObject *start, *stop, *step;
        if (kr_slice_long_indices(key, r->length, &start, &stop, &step) < 0) return NULL;
        KrObject *nstart = compute_item(r, start), *nstop = nstart ? compute_item(r, stop) : NULL;
        KrObject *nstep = nstop ? kr_number_multiply(step, r->step) : NULL;
        KR_DECREF(start);
        KR_DECREF(stop);
        KR_DECREF(step);
        if (!nstep) {
            KR_XDECREF(nstart);
            KR_XDECREF(nstop);
            return NULL;
        }
        return make_range(nstart, nstop, nstep);
    }
    return kr_err_format(kr_exc_TypeError, "range indices must be integers or slices, not %T", key);
}

/* Membership of an int in O(1): -1 error, 0/1. */
static int range_contains_int(KrRange *r, KrObject *ob) {
    int64_t a, b, s, x;
    if (fits_i64(r->start, &a) && fits_i64(r->stop, &b) && fits_i64(r->step, &s) &&
        fits_i64(ob, &x)) {
        if (s > 0 ? !(a <= x && x < b) : !(b < x && x <= a)) return 0;
        __int128 d = (__int128)x - a;
        return d % s == 0;
    }
    int c1, c2;
    if (kr_int_sign(r->step) > 0) {
        c1 = kr_object_richcompare_bool(r->start, ob, KR_LE);
        c2 = c1 > 0 ? kr_object_richcompare_bool(ob, r->stop, KR_LT) : c1;
    } else {
        c1 = kr_object_richcompare_bool(ob, r->start, KR_LE);
        c2 = c1 > 0 ? kr_object_richcompare_bool(r->stop, ob, KR_LT) : c1;
    }
    if (c2 <= 0) return c2;
    KrObject *d = kr_number_subtract(ob, r->start);
    if (!d) return -1;
    KrObject *m = kr_number_remainder(d, r->step);
    KR_DECREF(d);
    if (!m) return -1;
    int z = kr_int_sign(m) == 0;
    KR_DECREF(m);
    return z;
}

static bool is_int_fast(KrObject *ob) {
    return KR_INT_CHECK_EXACT(ob) || KR_TYPE(ob) == &kr_bool_type;
}

/* Linear search through the items (for objects that are not ints). */
static int range_iter_search(KrObject *o, KrObject *x, int mode, kr_ssize *out) {
    KrObject *it = kr_object_get_iter(o);
    if (!it) return -1;
    kr_ssize i = 0, count = 0;
    KrObject *item;
    while ((item = kr_iter_next(it)) != NULL) {
        int c = kr_object_richcompare_bool(item, x, KR_EQ);
        KR_DECREF(item);
        if (c < 0) {
            KR_DECREF(it);
            return -1;
        }
        if (c) {
            if (mode != 2) { /* contains / index: stop at the first */
                KR_DECREF(it);
                *out = i;
                return 1;
            }
            count++;
        }
        i++;
    }
    KR_DECREF(it);
    if (kr_err_occurred()) return -1;
    *out = count;
    return mode == 2 ? 1 : 0;
}

static int range_contains(KrObject *o, KrObject *x) {
    if (is_int_fast(x)) return range_contains_int((KrRange *)o, x);
    kr_ssize i;
    return range_iter_search(o, x, 0, &i);
}

/* ===========================================================================
 * Other slots
 * ========================================================================= */

static KrObject *range_repr(KrObject *o) {
    KrRange *r = (KrRange *)o;
    int64_t s;
    if (fits_i64(r->step, &s) && s == 1)
        return kr_str_from_format("range(%R, %R)", r->start, r->stop);
    return kr_str_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static int range_equals(KrRange *a, KrRange *b) {
    if (a == b) return 1;
    int c = kr_object_richcompare_bool(a->length, b->length, KR_EQ);
    if (c <= 0) return c;
    if (kr_int_sign(a->length) == 0) return 1;
    c = kr_object_richcompare_bool(a->start, b->start, KR_EQ);
    if (c <= 0) return c;
    int64_t n;
    if (fits_i64(a->length, &n) && n == 1) return 1;
    return kr_object_richcompare_bool(a->step, b->step, KR_EQ);
}

static KrObject *range_richcompare(KrObject *v, KrObject *w, int op) {
    if (KR_TYPE(w) != &kr_range_type || (op != KR_EQ && op != KR_NE))
        return KR_NEWREF(kr_notimplemented);
    int c = range_equals((KrRange *)v, (KrRange *)w);
    if (c < 0) return NULL;
    return KR_NEWREF(kr_bool_from((op == KR_EQ) == (c == 1)));
}

static kr_hash range_hash(KrObject *o) {
    KrRange *r = (KrRange *)o;
    KrObject *items[3] = {r->length, kr_none, kr_none};
    int sign = kr_int_sign(r->length);
    if (sign != 0) {
        items[1] = r->start;
        int64_t n;
        if (!(fits_i64(r->length, &n) && n == 1)) items[2] = r->step;
    }
    return kr_tuple_hash_items(items, 3);
}

/* ===========================================================================
 * Iterators
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *next, *step, *remaining; /* ints */
} KrLongRangeIter;

static KrObject *make_iter(KrObject *start, KrObject *step, KrObject *len) {
    int64_t a, s, n;
    if (fits_i64(start, &a) && fits_i64(step, &s) && fits_i64(len, &n)) {
        /* The last item must be an int64 too. */
        __int128 last = (__int128)a + (__int128)(n > 0 ? n - 1 : 0) * s;
        if (last >= INT64_MIN && last <= INT64_MAX) {
            KrRangeIter *it = (KrRangeIter *)kr_object_new(&kr_range_iter_type);
            if (!it) return NULL;
            it->next = a;
            it->step = s;
            it->remaining = n;
            return (KrObject *)it;
        }
    }
    KrLongRangeIter *it = (KrLongRangeIter *)kr_object_new(&kr_longrange_iter_type);
    if (!it) return NULL;
    it->next = KR_NEWREF(start);
    it->step = KR_NEWREF(step);
    it->remaining = KR_NEWREF(len);
    return (KrObject *)it;
}

static KrObject *range_iter(KrObject *o) {
    KrRange *r = (KrRange *)o;
    return make_iter(r->start, r->step, r->length);
}

static KrObject *range_reversed(KrObject *o, KrObject *unused) {
    KrRange *r = (KrRange *)o;
    /* Last item first, stepping backwards. */
    KrObject *one = kr_int_from_i64(1);
    KrObject *lm1 = kr_number_subtract(r->length, one);
    KR_DECREF(one);
    if (!lm1) return NULL;
    KrObject *last = compute_item(r, lm1);
    KR_DECREF(lm1);
    if (!last) return NULL;
    KrObject *nstep = kr_number_negative(r->step);
    if (!nstep) {
        KR_DECREF(last);
        return NULL;
    }
    KrObject *it = make_iter(last, nstep, r->length);
    KR_DECREF(last);
    KR_DECREF(nstep);
    return it;
}

static KrObject *rangeiter_next(KrObject *o) {
    KrRangeIter *it = (KrRangeIter *)o;
    if (it->remaining <= 0) return NULL;
    int64_t v = it->next;
    it->next = (int64_t)((uint64_t)v + (uint64_t)it->step);
    it->remaining--;
    return kr_int_from_i64(v);
}

static KrObject *rangeiter_length_hint(KrObject *o, KrObject *unused) {
    KrRangeIter *it = (KrRangeIter *)o;
    return kr_int_from_i64(it->remaining > 0 ? it->remaining : 0);
}

static void longrangeiter_dealloc(KrObject *o) {
    KrLongRangeIter *it = (KrLongRangeIter *)o;
    KR_XDECREF(it->next);
    KR_XDECREF(it->step);
    KR_XDECREF(it->remaining);
    kr_object_free(o);
}

static KrObject *longrangeiter_next(KrObject *o) {
    KrLongRangeIter *it = (KrLongRangeIter *)o;
    if (kr_int_sign(it->remaining) <= 0) return NULL;
    KrObject *one = kr_int_from_i64(1);
    KrObject *rem = kr_number_subtract(it->remaining, one);
    KR_DECREF(one);
    if (!rem) return NULL;
    KrObject *nxt = kr_number_add(it->next, it->step);
    if (!nxt) {
        KR_DECREF(rem);
        return NULL;
    }
    KrObject *v = it->next;
    it->next = nxt;
    KR_SETREF(it->remaining, rem);
    return v;
}

static KrObject *longrangeiter_length_hint(KrObject *o, KrObject *unused) {
    return KR_NEWREF(((KrLongRangeIter *)o)->remaining);
}

static KrMethodDef rangeiter_methods[] = {
    {"__length_hint__", (void *)rangeiter_length_hint, KR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static KrMethodDef longrangeiter_methods[] = {
    {"__length_hint__", (void *)longrangeiter_length_hint, KR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

KrType kr_range_iter_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(KrRangeIter),
    .tp_dealloc = kr_object_free,
    .tp_getattro = kr_object_generic_getattr,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = rangeiter_next,
    .tp_methods = rangeiter_methods,
};

KrType kr_longrange_iter_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(KrLongRangeIter),
    .tp_dealloc = longrangeiter_dealloc,
    .tp_getattro = kr_object_generic_getattr,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = longrangeiter_next,
    .tp_methods = longrangeiter_methods,
};

/* ===========================================================================
 * Methods and the type
 * ========================================================================= */

static KrObject *range_count_meth(KrObject *self, KrObject *x) {
    if (is_int_fast(x)) {
        int c = range_contains_int((KrRange *)self, x);
        return c < 0 ? NULL : kr_int_from_i64(c);
    }
    kr_ssize n;
    if (range_iter_search(self, x, 2, &n) < 0) return NULL;
    return kr_int_from_ssize(n);
}

static KrObject *range_index_meth(KrObject *self, KrObject *x) {
    KrRange *r = (KrRange *)self;
    if (is_int_fast(x)) {
        int c = range_contains_int(r, x);
        if (c < 0) return NULL;
        if (c) {
            KrObject *d = kr_number_subtract(x, r->start);
            if (!d) return NULL;
            KrObject *i = kr_number_floor_divide(d, r->step);
            KR_DECREF(d);
            return i;
        }
    } else {
        kr_ssize i;
        int c = range_iter_search(self, x, 1, &i);
        if (c < 0) return NULL;
        if (c) return kr_int_from_ssize(i);
    }
    return kr_err_format(kr_exc_ValueError, "%R is not in range", x);
}

static KrObject *range_reduce(KrObject *self, KrObject *unused) {
    KrRange *r = (KrRange *)self;
    KrObject *args = kr_tuple_pack(3, r->start, r->stop, r->step);
    if (!args) return NULL;
    KrObject *res = kr_tuple_pack(2, (KrObject *)&kr_range_type, args);
    KR_DECREF(args);
    return res;
}

static KrMethodDef range_methods[] = {
    {"__reversed__", (void *)range_reversed, KR_METH_NOARGS, "Return a reverse iterator."},
    {"__reduce__", (void *)range_reduce, KR_METH_NOARGS, NULL},
    {"count", (void *)range_count_meth, KR_METH_O,
     "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", (void *)range_index_meth, KR_METH_O,
     "rangeobject.index(value) -> integer -- return index of value.\nRaise ValueError if the "
     "value is not present."},
    {NULL, NULL, 0, NULL},
};

static KrMemberDef range_members[] = {
    {"start", KR_MEMBER_OBJECT, offsetof(KrRange, start), KR_MEMBER_READONLY, NULL},
    {"stop", KR_MEMBER_OBJECT, offsetof(KrRange, stop), KR_MEMBER_READONLY, NULL},
    {"step", KR_MEMBER_OBJECT, offsetof(KrRange, step), KR_MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static KrNumberMethods range_as_number = {.nb_bool = range_bool};

static KrSequenceMethods range_as_sequence = {
    .sq_length = range_length,
    .sq_item = range_item,
    .sq_contains = range_contains,
};

static KrMappingMethods range_as_mapping = {
    .mp_length = range_length,
    .mp_subscript = range_subscript,
};

KrType kr_range_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "range",
    .tp_basicsize = sizeof(KrRange),
    .tp_dealloc = range_dealloc,
    .tp_vectorcall = range_vectorcall,
    .tp_repr = range_repr,
    .tp_as_number = &range_as_number,
    .tp_as_sequence = &range_as_sequence,
    .tp_as_mapping = &range_as_mapping,
    .tp_hash = range_hash,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_SEQUENCE | KR_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nReturn "
              "an object that produces a sequence of integers from start (inclusive)\nto stop "
              "(exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\nstart defaults "
              "to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\nThese are exactly the "
              "valid indices for a list of 4 elements.\nWhen step is given, it specifies the "
              "increment (or decrement).",
    .tp_richcompare = range_richcompare,
    .tp_iter = range_iter,
    .tp_methods = range_methods,
    .tp_members = range_members,
    .tp_new = range_tp_new,
};
