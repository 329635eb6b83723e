/* tuple.c - the immutable sequence: the empty-tuple singleton, per-thread free lists
 * for small tuples, CPython's xxHash-based hash (cached in the object), slicing,
 * comparison, and the tuple iterator. */
#include <string.h>

#include "containers.h"

/* ===========================================================================
 * Allocation: empty singleton and free lists
 * ========================================================================= */

/* The empty tuple is static and immortal. It carries a zeroed GC prefix so that code
 * which looks at the GC links of any tuple finds "untracked" instead of garbage. */
static struct {
    KrGCHead gc;
    KrTuple t;
} empty_tuple_storage = {
    {0, 0},
    {.ob_base = KR_STATIC_VAROBJECT_INIT(&kr_tuple_type, 0), .hash = -1},
};
KrObject *kr_empty_tuple = (KrObject *)&empty_tuple_storage.t;

/* Free lists, one per size 1..FREELIST_SIZES-1, linked through items[0]. They are
 * per thread so the free-threaded build needs no lock here. */
#define FREELIST_SIZES 20
#define FREELIST_CAP 2000
static _Thread_local KrTuple *free_list[FREELIST_SIZES];
static _Thread_local int free_count[FREELIST_SIZES];

KrObject *kr_tuple_new(kr_ssize n) {
    if (n == 0) return KR_NEWREF(kr_empty_tuple);
    if (n < 0) {
        kr_err_bad_internal_call("kr_tuple_new");
        return NULL;
    }
    KrTuple *t;
    if (n < FREELIST_SIZES && (t = free_list[n]) != NULL) {
        free_list[n] = (KrTuple *)t->items[0];
        free_count[n]--;
        kr_object_init_header((KrObject *)t, &kr_tuple_type);
        t->ob_base.ob_size = n;
    } else {
        t = (KrTuple *)kr_object_new_var(&kr_tuple_type, n);
        if (!t) return NULL;
    }
    t->hash = -1;
    memset(t->items, 0, (size_t)n * sizeof(KrObject *));
    kr_gc_track((KrObject *)t);
    return (KrObject *)t;
}

static void tuple_dealloc(KrObject *o) {
    KrTuple *t = (KrTuple *)o;
    kr_ssize n = KR_SIZE(o);
    kr_gc_untrack(o);
    /* last item first, as CPython does: observable through __del__ order */
    for (kr_ssize i = n - 1; i >= 0; i--)
        KR_XDECREF(t->items[i]);
    if (KR_TYPE(o) == &kr_tuple_type && n > 0 && n < FREELIST_SIZES &&
        free_count[n] < FREELIST_CAP) {
        t->items[0] = (KrObject *)free_list[n];
        free_list[n] = t;
        free_count[n]++;
        return;
    }
    kr_object_free(o);
}

static int tuple_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    for (kr_ssize i = KR_SIZE(o); --i >= 0;) {
        KrObject *x = KR_TUPLE_ITEM(o, i);
        if (x) {
            int r = visit(x, arg);
            if (r) return r;
        }
    }
    return 0;
}

KrObject *kr_tuple_pack(kr_ssize n, ...) {
    KrObject *t = kr_tuple_new(n);
    if (!t) return NULL;
    va_list ap;
    va_start(ap, n);
    for (kr_ssize i = 0; i < n; i++) {
        KrObject *x = va_arg(ap, KrObject *);
        KR_TUPLE_ITEM(t, i) = KR_NEWREF(x);
    }
    va_end(ap);
    return t;
}

KrObject *kr_tuple_from_array(KrObject *const *items, kr_ssize n) {
    KrObject *t = kr_tuple_new(n);
    if (!t) return NULL;
    for (kr_ssize i = 0; i < n; i++)
        KR_TUPLE_ITEM(t, i) = KR_NEWREF(items[i]);
    return t;
}

KrObject *kr_tuple_from_array_steal(KrObject *const *items, kr_ssize n) {
    KrObject *t = kr_tuple_new(n);
    if (!t) {
        for (kr_ssize i = 0; i < n; i++)
            KR_DECREF(items[i]);
        return NULL;
    }
    for (kr_ssize i = 0; i < n; i++)
        KR_TUPLE_ITEM(t, i) = items[i];
    return t;
}

KrObject *kr_tuple_slice(KrObject *t, kr_ssize lo, kr_ssize hi) {
    kr_ssize n = KR_SIZE(t);
    if (lo < 0) lo = 0;
    if (hi > n) hi = n;
    if (hi < lo) hi = lo;
    if (lo == 0 && hi == n && KR_TUPLE_CHECK_EXACT(t)) return KR_NEWREF(t);
    return kr_tuple_from_array(KR_TUPLE_ITEMS(t) + lo, hi - lo);
}

KrObject *kr_tuple_from_iterable(KrObject *it) {
    if (KR_TUPLE_CHECK_EXACT(it)) return KR_NEWREF(it);
    if (KR_LIST_CHECK(it)) return kr_list_as_tuple(it);
    KrObject *iter = kr_object_get_iter(it);
    if (!iter) return NULL;
    kr_ssize cap = kr_object_length_hint(it, 8);
    if (cap < 0) {
        KR_DECREF(iter);
        return NULL;
    }
    if (cap < 8) cap = 8;
    KrObject **buf = kr_mem_malloc((size_t)cap * sizeof(KrObject *));
    kr_ssize n = 0;
    if (!buf) {
        KR_DECREF(iter);
        return NULL;
    }
    KrObject *x;
    while ((x = kr_iter_next(iter)) != NULL) {
        if (n == cap) {
            kr_ssize ncap = cap + (cap >> 1) + 8;
            KrObject **nb = kr_mem_realloc(buf, (size_t)ncap * sizeof(KrObject *));
            if (!nb) {
                KR_DECREF(x);
                goto fail;
            }
            buf = nb;
            cap = ncap;
        }
        buf[n++] = x;
    }
    if (kr_err_occurred()) goto fail;
    KR_DECREF(iter);
    KrObject *t = kr_tuple_from_array_steal(buf, n);
    kr_mem_free(buf);
    return t;
fail:
    KR_DECREF(iter);
    for (kr_ssize i = 0; i < n; i++)
        KR_DECREF(buf[i]);
    kr_mem_free(buf);
    return NULL;
}

/* ===========================================================================
 * Hash, compare, repr
 * ========================================================================= */

kr_hash kr_tuple_hash_items(KrObject *const *items, kr_ssize n) {
    uint64_t acc = KR_XXPRIME_5;
    for (kr_ssize i = 0; i < n; i++) {
        kr_hash h = kr_object_hash(items[i]);
        if (h == -1) return -1;
        acc += (uint64_t)h * KR_XXPRIME_2;
        acc = KR_XXROTATE(acc);
        acc *= KR_XXPRIME_1;
    }
    acc += (uint64_t)n ^ (KR_XXPRIME_5 ^ 3527539ULL);
    if (acc == (uint64_t)-1) return 1546275796;
    return (kr_hash)acc;
}

static kr_hash tuple_hash(KrObject *o) {
    KrTuple *t = (KrTuple *)o;
    if (t->hash != -1) return t->hash;
    kr_hash h = kr_tuple_hash_items(t->items, KR_SIZE(o));
    t->hash = h;
    return h;
}

static KrObject *tuple_richcompare(KrObject *v, KrObject *w, int op) {
    if (!KR_TUPLE_CHECK(v) || !KR_TUPLE_CHECK(w)) return KR_NEWREF(kr_notimplemented);
    kr_ssize na = KR_SIZE(v), nb = KR_SIZE(w);
    KrObject *const *a = KR_TUPLE_ITEMS(v), *const *b = KR_TUPLE_ITEMS(w);
    /* Find the first index where the items differ: == decides, then `op` on that pair. */
    kr_ssize i;
    for (i = 0; i < na && i < nb; i++) {
        int k = kr_object_richcompare_bool(a[i], b[i], KR_EQ);
        if (k < 0) return NULL;
        if (!k) break;
    }
    if (i >= na || i >= nb) {
        int r;
        switch (op) {
        case KR_LT:
            r = na < nb;
            break;
        case KR_LE:
            r = na <= nb;
            break;
        case KR_EQ:
            r = na == nb;
            break;
        case KR_NE:
            r = na != nb;
            break;
        case KR_GT:
            r = na > nb;
            break;
        default:
            r = na >= nb;
            break;
        }
        return KR_NEWREF(kr_bool_from(r));
    }
    if (op == KR_EQ) return KR_NEWREF(kr_false);
    if (op == KR_NE) return KR_NEWREF(kr_true);
    return kr_object_richcompare(a[i], b[i], op);
}

static KrObject *tuple_repr(KrObject *o) {
    kr_ssize n = KR_SIZE(o);
    if (n == 0) return kr_str_from_cstr("()");
    int rc = kr_repr_enter(o);
    if (rc != 0) return rc > 0 ? kr_str_from_cstr("(...)") : NULL;
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    if (kr_strbuilder_append(&b, "(", 1) < 0) goto fail;
    for (kr_ssize i = 0; i < KR_SIZE(o); i++) {
        if (i > 0 && kr_strbuilder_append(&b, ", ", 2) < 0) goto fail;
        KrObject *r = kr_object_repr(KR_TUPLE_ITEM(o, i));
        if (!r) goto fail;
        int e = kr_strbuilder_append_str(&b, r);
        KR_DECREF(r);
        if (e < 0) goto fail;
    }
    if (kr_strbuilder_append_cstr(&b, n == 1 ? ",)" : ")") < 0) goto fail;
    kr_repr_leave(o);
    return kr_strbuilder_finish(&b);
fail:
    kr_repr_leave(o);
    kr_strbuilder_discard(&b);
    return NULL;
}

/* ===========================================================================
 * Sequence protocol
 * ========================================================================= */

static kr_ssize tuple_length(KrObject *o) { return KR_SIZE(o); }

static KrObject *tuple_item(KrObject *o, kr_ssize i) {
    if (i < 0 || i >= KR_SIZE(o)) {
        kr_err_set_string(kr_exc_IndexError, "tuple index out of range");
        return NULL;
    }
    return KR_NEWREF(KR_TUPLE_ITEM(o, i));
}

static KrObject *tuple_subscript(KrObject *o, KrObject *key) {
    if (kr_index_check(key)) {
        kr_ssize i = kr_number_as_ssize(key, kr_exc_IndexError);
        if (i == -1 && kr_err_occurred()) return NULL;
        if (i < 0) i += KR_SIZE(o);
        return tuple_item(o, i);
    }
    if (KR_TYPE(key) == &kr_slice_type) {
        kr_ssize start, stop, step, len;
        if (kr_slice_indices(key, KR_SIZE(o), &start, &stop, &step, &len) < 0) return NULL;
        if (len <= 0) return KR_NEWREF(kr_empty_tuple);
        if (step == 1) return kr_tuple_slice(o, start, stop);
        KrObject *t = kr_tuple_new(len);
        if (!t) return NULL;
        for (kr_ssize i = 0, j = start; i < len; i++, j += step)
            KR_TUPLE_ITEM(t, i) = KR_NEWREF(KR_TUPLE_ITEM(o, j));
        return t;
    }
    return kr_err_format(kr_exc_TypeError, "tuple indices must be integers or slices, not %T", key);
}

static KrObject *tuple_concat(KrObject *a, KrObject *b) {
    if (!KR_TUPLE_CHECK(b))
        return kr_err_format(kr_exc_TypeError, "can only concatenate tuple (not \"%T\") to tuple",
                             b);
    kr_ssize na = KR_SIZE(a), nb = KR_SIZE(b);
    if (nb == 0 && KR_TUPLE_CHECK_EXACT(a)) return KR_NEWREF(a);
    if (na == 0 && KR_TUPLE_CHECK_EXACT(b)) return KR_NEWREF(b);
    KrObject *t = kr_tuple_new(na + nb);
    if (!t) return NULL;
    for (kr_ssize i = 0; i < na; i++)
        KR_TUPLE_ITEM(t, i) = KR_NEWREF(KR_TUPLE_ITEM(a, i));
    for (kr_ssize i = 0; i < nb; i++)
        KR_TUPLE_ITEM(t, na + i) = KR_NEWREF(KR_TUPLE_ITEM(b, i));
    return t;
}

static KrObject *tuple_repeat(KrObject *a, kr_ssize n) {
    kr_ssize size = KR_SIZE(a);
    if (size == 0 || n == 1) {
        if (KR_TUPLE_CHECK_EXACT(a)) return KR_NEWREF(a);
        if (size == 0) return KR_NEWREF(kr_empty_tuple);
    }
    if (n <= 0) return KR_NEWREF(kr_empty_tuple);
    if (size > ((kr_ssize)(SIZE_MAX / sizeof(KrObject *)) / 2) / n) return kr_err_no_memory();
    KrObject *t = kr_tuple_new(size * n);
    if (!t) return NULL;
    KrObject **dst = KR_TUPLE_ITEMS(t);
    for (kr_ssize k = 0; k < n; k++)
        for (kr_ssize i = 0; i < size; i++)
            *dst++ = KR_NEWREF(KR_TUPLE_ITEM(a, i));
    return t;
}

static int tuple_contains(KrObject *o, KrObject *x) {
    for (kr_ssize i = 0; i < KR_SIZE(o); i++) {
        int k = kr_object_richcompare_bool(KR_TUPLE_ITEM(o, i), x, KR_EQ);
        if (k != 0) return k;
    }
    return 0;
}

/* ===========================================================================
 * Methods
 * ========================================================================= */

static KrObject *tuple_index(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("index", nargs, 1, 3) < 0) return NULL;
    kr_ssize n = KR_SIZE(self), start = 0, stop = n;
    if (nargs > 1 && kr_slice_index_clamp(args[1], &start) < 0) return NULL;
    if (nargs > 2 && kr_slice_index_clamp(args[2], &stop) < 0) return NULL;
    if (start < 0) {
        start += n;
        if (start < 0) start = 0;
    }
    if (stop < 0) {
        stop += n;
    } else if (stop > n) {
        stop = n;
    }
    for (kr_ssize i = start; i < stop && i < KR_SIZE(self); i++) {
        int k = kr_object_richcompare_bool(KR_TUPLE_ITEM(self, i), args[0], KR_EQ);
        if (k < 0) return NULL;
        if (k) return kr_int_from_ssize(i);
    }
    kr_err_set_string(kr_exc_ValueError, "tuple.index(x): x not in tuple");
    return NULL;
}

static KrObject *tuple_count(KrObject *self, KrObject *x) {
    kr_ssize c = 0;
    for (kr_ssize i = 0; i < KR_SIZE(self); i++) {
        int k = kr_object_richcompare_bool(KR_TUPLE_ITEM(self, i), x, KR_EQ);
        if (k < 0) return NULL;
        c += k;
    }
    return kr_int_from_ssize(c);
}

static KrObject *tuple_getnewargs(KrObject *self, KrObject *unused) {
    KrObject *copy = kr_tuple_from_array(KR_TUPLE_ITEMS(self), KR_SIZE(self));
    if (!copy) return NULL;
    KrObject *r = kr_tuple_pack(1, copy);
    KR_DECREF(copy);
    return r;
}

static KrObject *tuple_class_getitem(KrObject *cls, KrObject *arg) {
    return kr_generic_alias(cls, arg);
}

static KrMethodDef tuple_methods[] = {
    {"index", (void *)tuple_index, KR_METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", (void *)tuple_count, KR_METH_O, "Return number of occurrences of value."},
    {"__getnewargs__", (void *)tuple_getnewargs, KR_METH_NOARGS, NULL},
    {"__class_getitem__", (void *)tuple_class_getitem, KR_METH_O | KR_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

/* ===========================================================================
 * Construction: tuple(iterable=()) and subclasses
 * ========================================================================= */

static KrObject *tuple_new_impl(KrType *type, KrObject *iterable) {
    KrObject *t = iterable ? kr_tuple_from_iterable(iterable) : KR_NEWREF(kr_empty_tuple);
    if (!t || type == &kr_tuple_type) return t;
    /* A subclass: copy the items into an instance of `type`. */
    kr_ssize n = KR_SIZE(t);
    KrObject *obj = kr_type_generic_alloc(type, n);
    if (!obj) {
        KR_DECREF(t);
        return NULL;
    }
    ((KrTuple *)obj)->hash = -1;
    for (kr_ssize i = 0; i < n; i++)
        KR_TUPLE_ITEM(obj, i) = KR_NEWREF(KR_TUPLE_ITEM(t, i));
    KR_DECREF(t);
    kr_gc_track(obj);
    return obj;
}

static KrObject *tuple_tp_new(KrType *type, KrObject *args, KrObject *kwargs) {
    if (type == &kr_tuple_type && kwargs && kr_dict_size(kwargs) > 0) {
        kr_err_set_string(kr_exc_TypeError, "tuple() takes no keyword arguments");
        return NULL;
    }
    kr_ssize n = KR_SIZE(args);
    if (n > 1)
        return kr_err_format(kr_exc_TypeError, "tuple expected at most 1 argument, got %zd", n);
    return tuple_new_impl(type, n ? KR_TUPLE_ITEM(args, 0) : NULL);
}

static KrObject *tuple_vectorcall(KrObject *callable, KrObject *const *args, size_t nargsf,
                                  KrObject *kwnames) {
    kr_ssize nargs = kr_vectorcall_nargs(nargsf);
    if ((KrType *)callable != &kr_tuple_type)
        return kr_object_call_type_generic((KrType *)callable, args, nargs, kwnames);
    if (kwnames && KR_SIZE(kwnames) > 0) {
        kr_err_set_string(kr_exc_TypeError, "tuple() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1)
        return kr_err_format(kr_exc_TypeError, "tuple expected at most 1 argument, got %zd", nargs);
    return tuple_new_impl(&kr_tuple_type, nargs ? args[0] : NULL);
}

/* ===========================================================================
 * Iterator
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    kr_ssize index;
    KrObject *seq; /* NULL once exhausted */
} KrTupleIter;

static KrObject *tuple_iter(KrObject *o) {
    KrTupleIter *it = (KrTupleIter *)kr_object_new(&kr_tuple_iter_type);
    if (!it) return NULL;
    it->index = 0;
    it->seq = KR_NEWREF(o);
    kr_gc_track((KrObject *)it);
    return (KrObject *)it;
}

static void tupleiter_dealloc(KrObject *o) {
    kr_gc_untrack(o);
    KR_XDECREF(((KrTupleIter *)o)->seq);
    kr_object_free(o);
}

static int tupleiter_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    KrObject *s = ((KrTupleIter *)o)->seq;
    return s ? visit(s, arg) : 0;
}

static KrObject *tupleiter_next(KrObject *o) {
    KrTupleIter *it = (KrTupleIter *)o;
    KrObject *s = it->seq;
    if (!s) return NULL;
    if (it->index < KR_SIZE(s)) return KR_NEWREF(KR_TUPLE_ITEM(s, it->index++));
    it->seq = NULL;
    KR_DECREF(s);
    return NULL;
}

static KrObject *tupleiter_length_hint(KrObject *o, KrObject *unused) {
    KrTupleIter *it = (KrTupleIter *)o;
    kr_ssize n = it->seq ? KR_SIZE(it->seq) - it->index : 0;
    return kr_int_from_ssize(n < 0 ? 0 : n);
}

static KrMethodDef tupleiter_methods[] = {
    {"__length_hint__", (void *)tupleiter_length_hint, KR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

KrType kr_tuple_iter_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(KrTupleIter),
    .tp_dealloc = tupleiter_dealloc,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_traverse = tupleiter_traverse,
    .tp_getattro = kr_object_generic_getattr,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = tupleiter_next,
    .tp_methods = tupleiter_methods,
};

/* ===========================================================================
 * The type
 * ========================================================================= */

static KrSequenceMethods tuple_as_sequence = {
    .sq_length = tuple_length,
    .sq_concat = tuple_concat,
    .sq_repeat = tuple_repeat,
    .sq_item = tuple_item,
    .sq_contains = tuple_contains,
};

static KrMappingMethods tuple_as_mapping = {
    .mp_length = tuple_length,
    .mp_subscript = tuple_subscript,
};

KrType kr_tuple_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "tuple",
    .tp_basicsize = sizeof(KrTuple),
    .tp_itemsize = sizeof(KrObject *),
    .tp_dealloc = tuple_dealloc,
    .tp_vectorcall = tuple_vectorcall,
    .tp_repr = tuple_repr,
    .tp_as_sequence = &tuple_as_sequence,
    .tp_as_mapping = &tuple_as_mapping,
    .tp_hash = tuple_hash,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE | KR_TPFLAGS_TUPLE_SUBCLASS |
                KR_TPFLAGS_SEQUENCE | KR_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "Built-in immutable sequence.\n\nIf no argument is given, the constructor returns "
              "an empty tuple.\nIf iterable is specified the tuple is initialized from "
              "iterable's items.\n\nIf the argument is a tuple, the return value is the same "
              "object.",
    .tp_traverse = tuple_traverse,
    .tp_richcompare = tuple_richcompare,
    .tp_iter = tuple_iter,
    .tp_methods = tuple_methods,
    .tp_new = tuple_tp_new,
};
