/* iterobjects.c - the lazy iterator types of the builtins: enumerate, zip (with
 * strict=), map, filter, reversed, plus the two iterators iter() builds itself:
 * iteration through __getitem__ ("iterator") and iter(callable, sentinel). */
#include <string.h>

#include "containers.h"

static int visit_x(KrObject *o, kr_visitproc visit, void *arg) { return o ? visit(o, arg) : 0; }

static KrObject *alloc_iter(KrType *type, KrType *exact) {
    KrObject *o = type == exact ? kr_object_new(type) : kr_type_generic_alloc(type, 0);
    return o;
}

/* ===========================================================================
 * enumerate
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *it;
    kr_ssize index;       /* used while it fits */
    KrObject *long_index; /* int once index would overflow (or a big start) */
} Enumerate;

static KrObject *enumerate_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                                KrObject *kwnames) {
    KrObject *iterable = nargs > 0 ? args[0] : NULL, *start = nargs > 1 ? args[1] : NULL;
    kr_ssize nkw = kwnames ? KR_SIZE(kwnames) : 0;
    if (nargs + nkw > 2)
        return kr_err_format(kr_exc_TypeError, "enumerate() takes at most 2 arguments (%zd given)",
                             nargs + nkw);
    for (kr_ssize i = 0; i < nkw; i++) {
        KrObject *name = KR_TUPLE_ITEM(kwnames, i), *v = args[nargs + i];
        if (kr_str_eq_cstr(name, "iterable") && !iterable) {
            iterable = v;
        } else if (kr_str_eq_cstr(name, "start") && !start) {
            start = v;
        } else if (kr_str_eq_cstr(name, "iterable") || kr_str_eq_cstr(name, "start")) {
            return kr_err_format(kr_exc_TypeError,
                                 "argument for enumerate() given by name ('%U') and position",
                                 name);
        } else {
            return kr_err_format(kr_exc_TypeError,
                                 "'%U' is an invalid keyword argument for enumerate()", name);
        }
    }
    if (!iterable)
        return kr_err_format(kr_exc_TypeError, "enumerate() missing required argument 'iterable'");
    KrObject *st = NULL;
    if (start) {
        st = kr_number_index(start);
        if (!st) return NULL;
    }
    KrObject *it = kr_object_get_iter(iterable);
    if (!it) {
        KR_XDECREF(st);
        return NULL;
    }
    Enumerate *e = (Enumerate *)alloc_iter(type, &kr_enumerate_type);
    if (!e) {
        KR_DECREF(it);
        KR_XDECREF(st);
        return NULL;
    }
    e->it = it;
    e->index = 0;
    e->long_index = NULL;
    if (st) {
        int64_t v;
        if (kr_int_as_i64_overflow(st, &v) == 0 && v != INT64_MAX) {
            e->index = (kr_ssize)v;
            KR_DECREF(st);
        } else {
            e->index = PTRDIFF_MAX;
            e->long_index = st;
        }
    }
    kr_gc_track((KrObject *)e);
    return (KrObject *)e;
}

static KrObject *enumerate_vectorcall(KrObject *callable, KrObject *const *args, size_t nargsf,
                                      KrObject *kwnames) {
    return enumerate_impl((KrType *)callable, args, kr_vectorcall_nargs(nargsf), kwnames);
}

static KrObject *enumerate_tp_new(KrType *type, KrObject *args, KrObject *kwargs) {
    return kr_object_new_via_vector(enumerate_impl, type, args, kwargs);
}

static void enumerate_dealloc(KrObject *o) {
    Enumerate *e = (Enumerate *)o;
    kr_gc_untrack(o);
    KR_XDECREF(e->it);
    KR_XDECREF(e->long_index);
    kr_object_free(o);
}

static int enumerate_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    Enumerate *e = (Enumerate *)o;
    int r = visit_x(e->it, visit, arg);
    return r ? r : visit_x(e->long_index, visit, arg);
}

static KrObject *enumerate_next(KrObject *o) {
    Enumerate *e = (Enumerate *)o;
    KrObject *item = kr_iter_next(e->it);
    if (!item) return NULL;
    KrObject *idx;
    if (e->index != PTRDIFF_MAX) {
        idx = kr_int_from_ssize(e->index++);
    } else {
        if (!e->long_index && !(e->long_index = kr_int_from_ssize(PTRDIFF_MAX))) {
            KR_DECREF(item);
            return NULL;
        }
        idx = KR_NEWREF(e->long_index);
        KrObject *one = kr_int_from_i64(1);
        KrObject *nxt = kr_number_add(e->long_index, one);
        KR_DECREF(one);
        if (!nxt) {
            KR_DECREF(idx);
            KR_DECREF(item);
            return NULL;
        }
        KR_SETREF(e->long_index, nxt);
    }
    if (!idx) {
        KR_DECREF(item);
        return NULL;
    }
    KrObject *t = kr_tuple_new(2);
    if (!t) {
        KR_DECREF(idx);
        KR_DECREF(item);
        return NULL;
    }
    KR_TUPLE_ITEM(t, 0) = idx;
    KR_TUPLE_ITEM(t, 1) = item;
    return t;
}

static KrObject *generic_class_getitem(KrObject *cls, KrObject *arg) {
    return kr_generic_alias(cls, arg);
}

static KrMethodDef enumerate_methods[] = {
    {"__class_getitem__", (void *)generic_class_getitem, KR_METH_O | KR_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

KrType kr_enumerate_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "enumerate",
    .tp_basicsize = sizeof(Enumerate),
    .tp_dealloc = enumerate_dealloc,
    .tp_vectorcall = enumerate_vectorcall,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc =
        "Return an enumerate object.\n\n  iterable\n    an object supporting iteration\n\nThe "
        "enumerate object yields pairs containing a count (from start, which\ndefaults to "
        "zero) and a value yielded by the iterable argument.\n\nenumerate is useful for "
        "obtaining an indexed list:\n    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...",
    .tp_traverse = enumerate_traverse,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = enumerate_next,
    .tp_methods = enumerate_methods,
    .tp_new = enumerate_tp_new,
};

/* ===========================================================================
 * zip
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    kr_ssize n;
    KrObject *iters; /* tuple of iterators */
    int strict;
} Zip;

static KrObject *zip_impl(KrType *type, KrObject *const *args, kr_ssize nargs, KrObject *kwnames) {
    int strict = 0;
    kr_ssize nkw = kwnames ? KR_SIZE(kwnames) : 0;
    for (kr_ssize i = 0; i < nkw; i++) {
        KrObject *name = KR_TUPLE_ITEM(kwnames, i);
        if (!kr_str_eq_cstr(name, "strict"))
            return kr_err_format(kr_exc_TypeError, "'%U' is an invalid keyword argument for zip()",
                                 name);
        strict = kr_object_is_true(args[nargs + i]);
        if (strict < 0) return NULL;
    }
    KrObject *iters = kr_tuple_new(nargs);
    if (!iters) return NULL;
    for (kr_ssize i = 0; i < nargs; i++) {
        KrObject *it = kr_object_get_iter(args[i]);
        if (!it) {
            KR_DECREF(iters);
            return NULL;
        }
        KR_TUPLE_ITEM(iters, i) = it;
    }
    Zip *z = (Zip *)alloc_iter(type, &kr_zip_type);
    if (!z) {
        KR_DECREF(iters);
        return NULL;
    }
    z->n = nargs;
    z->iters = iters;
    z->strict = strict;
    kr_gc_track((KrObject *)z);
    return (KrObject *)z;
}

static KrObject *zip_vectorcall(KrObject *callable, KrObject *const *args, size_t nargsf,
                                KrObject *kwnames) {
    return zip_impl((KrType *)callable, args, kr_vectorcall_nargs(nargsf), kwnames);
}

static KrObject *zip_tp_new(KrType *type, KrObject *args, KrObject *kwargs) {
    return kr_object_new_via_vector(zip_impl, type, args, kwargs);
}

static void zip_dealloc(KrObject *o) {
    kr_gc_untrack(o);
    KR_XDECREF(((Zip *)o)->iters);
    kr_object_free(o);
}

static int zip_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    return visit_x(((Zip *)o)->iters, visit, arg);
}

static KrObject *zip_next(KrObject *o) {
    Zip *z = (Zip *)o;
    if (z->n == 0) return NULL;
    KrObject *result = kr_tuple_new(z->n);
    if (!result) return NULL;
    kr_ssize i;
    for (i = 0; i < z->n; i++) {
        KrObject *item = kr_iter_next(KR_TUPLE_ITEM(z->iters, i));
        if (!item) {
            KR_DECREF(result);
            if (z->strict && !kr_err_occurred()) goto check;
            return NULL;
        }
        KR_TUPLE_ITEM(result, i) = item;
    }
    return result;
check:
    if (i) {
        return kr_err_format(kr_exc_ValueError, "zip() argument %zd is shorter than argument%s%zd",
                             i + 1, i == 1 ? " " : "s 1-", i);
    }
    for (i = 1; i < z->n; i++) {
        KrObject *item = kr_iter_next(KR_TUPLE_ITEM(z->iters, i));
        if (item) {
            KR_DECREF(item);
            return kr_err_format(kr_exc_ValueError,
                                 "zip() argument %zd is longer than argument%s%zd", i + 1,
                                 i == 1 ? " " : "s 1-", i);
        }
        if (kr_err_occurred()) return NULL;
    }
    return NULL;
}

KrType kr_zip_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "zip",
    .tp_basicsize = sizeof(Zip),
    .tp_dealloc = zip_dealloc,
    .tp_vectorcall = zip_vectorcall,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n   "
              ">>> list(zip('abcdefg', range(3), range(4)))\n   [('a', 0, 0), ('b', 1, 1), ('c', "
              "2, 2)]\n\nThe zip object yields n-length tuples, where n is the number of "
              "iterables\npassed as positional arguments to zip().  The i-th element in every "
              "tuple\ncomes from the i-th iterable argument to zip().  This continues until "
              "the\nshortest argument is exhausted.\n\nIf strict is true and one of the arguments "
              "is exhausted before the others,\nraise a ValueError.",
    .tp_traverse = zip_traverse,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = zip_next,
    .tp_new = zip_tp_new,
};

/* ===========================================================================
 * map
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *func;
    KrObject *iters; /* tuple */
} Map;

static KrObject *map_impl(KrType *type, KrObject *const *args, kr_ssize nargs, KrObject *kwnames) {
    if (type == &kr_map_type && kwnames && KR_SIZE(kwnames) > 0) {
        kr_err_set_string(kr_exc_TypeError, "map() takes no keyword arguments");
        return NULL;
    }
    if (nargs < 2) {
        kr_err_set_string(kr_exc_TypeError, "map() must have at least two arguments.");
        return NULL;
    }
    KrObject *iters = kr_tuple_new(nargs - 1);
    if (!iters) return NULL;
    for (kr_ssize i = 1; i < nargs; i++) {
        KrObject *it = kr_object_get_iter(args[i]);
        if (!it) {
            KR_DECREF(iters);
            return NULL;
        }
        KR_TUPLE_ITEM(iters, i - 1) = it;
    }
    Map *m = (Map *)alloc_iter(type, &kr_map_type);
    if (!m) {
        KR_DECREF(iters);
        return NULL;
    }
    m->func = KR_NEWREF(args[0]);
    m->iters = iters;
    kr_gc_track((KrObject *)m);
    return (KrObject *)m;
}

static KrObject *map_vectorcall(KrObject *callable, KrObject *const *args, size_t nargsf,
                                KrObject *kwnames) {
    return map_impl((KrType *)callable, args, kr_vectorcall_nargs(nargsf), kwnames);
}

static KrObject *map_tp_new(KrType *type, KrObject *args, KrObject *kwargs) {
    return kr_object_new_via_vector(map_impl, type, args, kwargs);
}

static void map_dealloc(KrObject *o) {
    Map *m = (Map *)o;
    kr_gc_untrack(o);
    KR_XDECREF(m->func);
    KR_XDECREF(m->iters);
    kr_object_free(o);
}

static int map_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    Map *m = (Map *)o;
    int r = visit_x(m->func, visit, arg);
    return r ? r : visit_x(m->iters, visit, arg);
}

static KrObject *map_next(KrObject *o) {
    Map *m = (Map *)o;
    kr_ssize n = KR_SIZE(m->iters);
    KrObject *small[8], **stack = n <= 8 ? small : kr_mem_malloc((size_t)n * sizeof(KrObject *));
    if (!stack) return NULL;
    KrObject *result = NULL;
    kr_ssize i;
    for (i = 0; i < n; i++) {
        KrObject *item = kr_iter_next(KR_TUPLE_ITEM(m->iters, i));
        if (!item) goto done;
        stack[i] = item;
    }
    result = kr_vectorcall(m->func, stack, (size_t)n, NULL);
done:
    for (kr_ssize j = 0; j < i; j++)
        KR_DECREF(stack[j]);
    if (stack != small) kr_mem_free(stack);
    return result;
}

KrType kr_map_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "map",
    .tp_basicsize = sizeof(Map),
    .tp_dealloc = map_dealloc,
    .tp_vectorcall = map_vectorcall,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "map(func, *iterables) --> map object\n\nMake an iterator that computes the function "
              "using arguments from\neach of the iterables.  Stops when the shortest iterable is "
              "exhausted.",
    .tp_traverse = map_traverse,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = map_next,
    .tp_new = map_tp_new,
};

/* ===========================================================================
 * filter
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *func;
    KrObject *it;
} Filter;

static KrObject *filter_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                             KrObject *kwnames) {
    if (type == &kr_filter_type && kwnames && KR_SIZE(kwnames) > 0) {
        kr_err_set_string(kr_exc_TypeError, "filter() takes no keyword arguments");
        return NULL;
    }
    if (nargs != 2)
        return kr_err_format(kr_exc_TypeError, "filter expected 2 arguments, got %zd", nargs);
    KrObject *it = kr_object_get_iter(args[1]);
    if (!it) return NULL;
    Filter *f = (Filter *)alloc_iter(type, &kr_filter_type);
    if (!f) {
        KR_DECREF(it);
        return NULL;
    }
    f->func = KR_NEWREF(args[0]);
    f->it = it;
    kr_gc_track((KrObject *)f);
    return (KrObject *)f;
}

static KrObject *filter_vectorcall(KrObject *callable, KrObject *const *args, size_t nargsf,
                                   KrObject *kwnames) {
    return filter_impl((KrType *)callable, args, kr_vectorcall_nargs(nargsf), kwnames);
}

static KrObject *filter_tp_new(KrType *type, KrObject *args, KrObject *kwargs) {
    return kr_object_new_via_vector(filter_impl, type, args, kwargs);
}

static void filter_dealloc(KrObject *o) {
    Filter *f = (Filter *)o;
    kr_gc_untrack(o);
    KR_XDECREF(f->func);
    KR_XDECREF(f->it);
    kr_object_free(o);
}

static int filter_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    Filter *f = (Filter *)o;
    int r = visit_x(f->func, visit, arg);
    return r ? r : visit_x(f->it, visit, arg);
}

static KrObject *filter_next(KrObject *o) {
    Filter *f = (Filter *)o;
    bool truth_only = f->func == kr_none || f->func == (KrObject *)&kr_bool_type;
    for (;;) {
        KrObject *item = kr_iter_next(f->it);
        if (!item) return NULL;
        int ok;
        if (truth_only) {
            ok = kr_object_is_true(item);
        } else {
            KrObject *good = kr_call_one(f->func, item);
            if (!good) {
                KR_DECREF(item);
                return NULL;
            }
            ok = kr_object_is_true(good);
            KR_DECREF(good);
        }
        if (ok > 0) return item;
        KR_DECREF(item);
        if (ok < 0) return NULL;
    }
}

KrType kr_filter_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "filter",
    .tp_basicsize = sizeof(Filter),
    .tp_dealloc = filter_dealloc,
    .tp_vectorcall = filter_vectorcall,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "filter(function or None, iterable) --> filter object\n\nReturn an iterator yielding "
              "those items of iterable for which function(item)\nis true. If function is None, "
              "return the items that are true.",
    .tp_traverse = filter_traverse,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = filter_next,
    .tp_new = filter_tp_new,
};

/* ===========================================================================
 * reversed
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    kr_ssize index;
    KrObject *seq; /* NULL once exhausted */
} Reversed;

static KrObject *reversed_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                               KrObject *kwnames) {
    if (type == &kr_reversed_type && kwnames && KR_SIZE(kwnames) > 0) {
        kr_err_set_string(kr_exc_TypeError, "reversed() takes no keyword arguments");
        return NULL;
    }
    if (nargs != 1)
        return kr_err_format(kr_exc_TypeError, "reversed expected 1 argument, got %zd", nargs);
    KrObject *seq = args[0];
    KrObject *name = kr_str_intern_cstr("__reversed__");
    KrObject *meth = kr_type_lookup(KR_TYPE(seq), name);
    if (meth == kr_none)
        return kr_err_format(kr_exc_TypeError, "'%T' object is not reversible", seq);
    if (meth) {
        int found = 0;
        KrObject *r = kr_call_special(seq, name, NULL, 0, &found);
        if (found || r || kr_err_occurred()) return r;
    }
    if (!kr_object_sequence_check(seq))
        return kr_err_format(kr_exc_TypeError, "'%T' object is not reversible", seq);
    kr_ssize n = kr_object_length(seq);
    if (n < 0) return NULL;
    Reversed *r = (Reversed *)alloc_iter(type, &kr_reversed_type);
    if (!r) return NULL;
    r->index = n - 1;
    r->seq = KR_NEWREF(seq);
    kr_gc_track((KrObject *)r);
    return (KrObject *)r;
}

static KrObject *reversed_vectorcall(KrObject *callable, KrObject *const *args, size_t nargsf,
                                     KrObject *kwnames) {
    return reversed_impl((KrType *)callable, args, kr_vectorcall_nargs(nargsf), kwnames);
}

static KrObject *reversed_tp_new(KrType *type, KrObject *args, KrObject *kwargs) {
    return kr_object_new_via_vector(reversed_impl, type, args, kwargs);
}

static void reversed_dealloc(KrObject *o) {
    kr_gc_untrack(o);
    KR_XDECREF(((Reversed *)o)->seq);
    kr_object_free(o);
}

static int reversed_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    return visit_x(((Reversed *)o)->seq, visit, arg);
}

static KrObject *reversed_next(KrObject *o) {
    Reversed *r = (Reversed *)o;
    if (!r->seq) return NULL;
    if (r->index >= 0) {
        KrObject *item = kr_object_seq_get_item(r->seq, r->index);
        if (item) {
            r->index--;
            return item;
        }
        if (!kr_err_matches(kr_exc_IndexError) && !kr_err_matches(kr_exc_StopIteration))
            return NULL;
        kr_err_clear();
    }
    r->index = -1;
    KR_CLEAR(r->seq);
    return NULL;
}

static KrObject *reversed_length_hint(KrObject *o, KrObject *unused) {
    Reversed *r = (Reversed *)o;
    if (!r->seq) return kr_int_from_i64(0);
    kr_ssize n = kr_object_length(r->seq);
    if (n < 0) return NULL;
    return kr_int_from_ssize(n < r->index + 1 ? 0 : r->index + 1);
}

static KrMethodDef reversed_methods[] = {
    {"__length_hint__", (void *)reversed_length_hint, KR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

KrType kr_reversed_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "reversed",
    .tp_basicsize = sizeof(Reversed),
    .tp_dealloc = reversed_dealloc,
    .tp_vectorcall = reversed_vectorcall,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "Return a reverse iterator over the values of the given sequence.",
    .tp_traverse = reversed_traverse,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = reversed_next,
    .tp_methods = reversed_methods,
    .tp_new = reversed_tp_new,
};

/* ===========================================================================
 * Sequence iterator: for objects with __getitem__ but no __iter__
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    kr_ssize index;
    KrObject *seq; /* NULL once exhausted */
} SeqIter;

KrObject *kr_seqiter_new(KrObject *seq) {
    SeqIter *it = (SeqIter *)kr_object_new(&kr_seqiter_type);
    if (!it) return NULL;
    it->index = 0;
    it->seq = KR_NEWREF(seq);
    kr_gc_track((KrObject *)it);
    return (KrObject *)it;
}

static void seqiter_dealloc(KrObject *o) {
    kr_gc_untrack(o);
    KR_XDECREF(((SeqIter *)o)->seq);
    kr_object_free(o);
}

static int seqiter_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    return visit_x(((SeqIter *)o)->seq, visit, arg);
}

static KrObject *seqiter_next(KrObject *o) {
    SeqIter *it = (SeqIter *)o;
    if (!it->seq) return NULL;
    if (it->index == PTRDIFF_MAX) {
        kr_err_set_string(kr_exc_OverflowError, "iter index too large");
        return NULL;
    }
    KrObject *item = kr_object_seq_get_item(it->seq, it->index);
    if (item) {
        it->index++;
        return item;
    }
    if (kr_err_matches(kr_exc_IndexError) || kr_err_matches(kr_exc_StopIteration)) {
        kr_err_clear();
        KR_CLEAR(it->seq);
    }
    return NULL;
}

static KrObject *seqiter_length_hint(KrObject *o, KrObject *unused) {
    SeqIter *it = (SeqIter *)o;
    if (!it->seq) return kr_int_from_i64(0);
    kr_ssize n = kr_object_length(it->seq);
    if (n < 0) {
        if (!kr_err_matches(kr_exc_TypeError)) return NULL;
        kr_err_clear();
        return KR_NEWREF(kr_notimplemented);
    }
    n -= it->index;
    return kr_int_from_ssize(n < 0 ? 0 : n);
}

static KrMethodDef seqiter_methods[] = {
    {"__length_hint__", (void *)seqiter_length_hint, KR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

KrType kr_seqiter_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "iterator",
    .tp_basicsize = sizeof(SeqIter),
    .tp_dealloc = seqiter_dealloc,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_traverse = seqiter_traverse,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = seqiter_next,
    .tp_methods = seqiter_methods,
};

/* ===========================================================================
 * iter(callable, sentinel)
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *func; /* NULL once exhausted */
    KrObject *sentinel;
} CallIter;

KrObject *kr_calliter_new(KrObject *callable, KrObject *sentinel) {
    CallIter *it = (CallIter *)kr_object_new(&kr_calliter_type);
    if (!it) return NULL;
    it->func = KR_NEWREF(callable);
    it->sentinel = KR_NEWREF(sentinel);
    kr_gc_track((KrObject *)it);
    return (KrObject *)it;
}

static void calliter_dealloc(KrObject *o) {
    CallIter *it = (CallIter *)o;
    kr_gc_untrack(o);
    KR_XDECREF(it->func);
    KR_XDECREF(it->sentinel);
    kr_object_free(o);
}

static int calliter_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    CallIter *it = (CallIter *)o;
    int r = visit_x(it->func, visit, arg);
    return r ? r : visit_x(it->sentinel, visit, arg);
}

static KrObject *calliter_next(KrObject *o) {
    CallIter *it = (CallIter *)o;
    if (!it->func) return NULL;
    KrObject *result = kr_call_noargs(it->func);
    if (result) {
        int ok = kr_object_richcompare_bool(it->sentinel, result, KR_EQ);
        if (ok == 0) return result;
        KR_DECREF(result);
        if (ok > 0) {
            KR_CLEAR(it->func);
            KR_CLEAR(it->sentinel);
        }
        return NULL;
    }
    if (kr_err_matches(kr_exc_StopIteration)) {
        kr_err_clear();
        KR_CLEAR(it->func);
        KR_CLEAR(it->sentinel);
    }
    return NULL;
}

KrType kr_calliter_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(CallIter),
    .tp_dealloc = calliter_dealloc,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_traverse = calliter_traverse,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = calliter_next,
};
