/* itertoolsmodule.c - the itertools module: infinite iterators (count, cycle, repeat),
 * iterators terminating on the shortest input (accumulate, batched, chain, ...), tee,
 * and the combinatoric generators (product, permutations, combinations...). */
#include <string.h>

#include "func_internal.h"

static KrObject *alloc_obj(KrType *type) { return kr_type_generic_alloc(type, 0); }

/* Keyword-argument matcher for the constructors: fills out[i] for names[i] from
 * positional args (up to npos_max) and keywords; reports CPython-style errors. */
static int parse_args(const char *fname, KrObject *const *args, kr_ssize nargs,
                      KrObject *kwnames, const char *const *names, int npos_max, int nparams,
                      int nrequired, KrObject **out) {
    for (int i = 0; i < nparams; i++)
        out[i] = NULL;
    if (nargs > npos_max) {
        if (npos_max == nparams && nrequired == npos_max)
            kr_err_format(kr_exc_TypeError, "%s() takes exactly %d argument%s (%zd given)", fname,
                          npos_max, npos_max == 1 ? "" : "s", nargs);
        else
            kr_err_format(kr_exc_TypeError, "%s() takes at most %d argument%s (%zd given)", fname,
                          npos_max, npos_max == 1 ? "" : "s", nargs);
        return -1;
    }
    for (kr_ssize i = 0; i < nargs; i++)
        out[i] = args[i];
    kr_ssize nkw = kwnames ? KR_SIZE(kwnames) : 0;
    for (kr_ssize k = 0; k < nkw; k++) {
        KrObject *name = KR_TUPLE_ITEM(kwnames, k);
        int j;
        for (j = 0; j < nparams; j++)
            if (kr_str_eq_cstr(name, names[j])) break;
        if (j == nparams) {
            kr_err_format(kr_exc_TypeError, "%s() got an unexpected keyword argument '%U'", fname,
                          name);
            return -1;
        }
        if (out[j]) {
            kr_err_format(kr_exc_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                          fname, names[j], j + 1);
            return -1;
        }
        out[j] = args[nargs + k];
    }
    for (int i = 0; i < nrequired; i++) {
        if (!out[i]) {
            kr_err_format(kr_exc_TypeError, "%s() missing required argument '%s' (pos %d)", fname,
                          names[i], i + 1);
            return -1;
        }
    }
    return 0;
}

/* r arguments of the combinatoric iterators: a non-negative index-like int. */
static int get_r(KrObject *o, kr_ssize *r) {
    if (!KR_INT_CHECK(o) && !kr_index_check(o)) {
        kr_err_format(kr_exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
        return -1;
    }
    *r = kr_number_as_ssize(o, kr_exc_OverflowError);
    if (*r == -1 && kr_err_occurred()) return -1;
    if (*r < 0) {
        kr_err_set_string(kr_exc_ValueError, "r must be non-negative");
        return -1;
    }
    return 0;
}

static KrType cycle_type, chain_type, islice_type, pairwise_type;

static KrObject *class_getitem(KrObject *cls, KrObject *arg) {
    KrObject *pair[2] = {cls, arg};
    KrObject *types = kr_import_module("types");
    if (!types) return NULL;
    KrObject *ga = kr_object_getattr_str(types, "GenericAlias");
    KR_DECREF(types);
    if (!ga) return NULL;
    KrObject *r = kr_vectorcall(ga, pair, 2, NULL);
    KR_DECREF(ga);
    return r;
}

#define TYPE_DEF(NAME, PYNAME, STRUCT, DOC)                                                \
    static KrType NAME##_type = {                                                                 \
        .ob_base = KR_STATIC_TYPE_HEAD,                                                    \
        .tp_name = "itertools." PYNAME,                                                    \
        .tp_basicsize = sizeof(STRUCT),                                                    \
        .tp_dealloc = NAME##_dealloc,                                                      \
        .tp_vectorcall = NAME##_vectorcall,                                                \
        .tp_getattro = kr_object_generic_getattr,                                          \
        .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,                              \
        .tp_doc = DOC,                                                                     \
        .tp_traverse = NAME##_traverse,                                                    \
        .tp_clear = NAME##_clear,                                                          \
        .tp_iter = kr_object_self_iter,                                                    \
        .tp_iternext = NAME##_next,                                                        \
        .tp_new = NAME##_tp_new,

/* ===========================================================================
 * count(start=0, step=1)
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *cnt, *step; /* cnt is NULL while the int64 fast path is in use */
    int64_t icnt, istep;
} Count;
FI_GC_FUNCS(count, Count, cnt, 2)

static bool is_number(KrObject *o) {
    KrNumberMethods *nb = KR_TYPE(o)->tp_as_number;
    if (KR_TYPE_IS(o, &kr_complex_type)) return true;
    return nb && (nb->nb_index || nb->nb_int || nb->nb_float);
}

static KrObject *count_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                            KrObject *kwnames) {
    static const char *const names[] = {"start", "step"};
    KrObject *a[2];
    if (parse_args("count", args, nargs, kwnames, names, 2, 2, 0, a) < 0) return NULL;
    KrObject *start = a[0], *step = a[1];
    if ((start && !is_number(start)) || (step && !is_number(step))) {
        kr_err_set_string(kr_exc_TypeError, "a number is required");
        return NULL;
    }
    Count *c = (Count *)alloc_obj(type);
    if (!c) return NULL;
    int64_t s = 0, st = 1;
    bool fast = (!start || (KR_INT_CHECK_EXACT(start) && kr_int_as_i64_overflow(start, &s) == 0)) &&
                (!step || (KR_INT_CHECK_EXACT(step) && kr_int_as_i64_overflow(step, &st) == 0));
    if (fast) {
        c->icnt = s;
        c->istep = st;
        c->step = step ? KR_NEWREF(step) : kr_int_from_i64(1);
    } else {
        c->cnt = start ? KR_NEWREF(start) : kr_int_from_i64(0);
        c->step = step ? KR_NEWREF(step) : kr_int_from_i64(1);
    }
    return (KrObject *)c;
}
FI_CTOR_WRAPPERS(count)

static KrObject *count_next(KrObject *o) {
    Count *c = (Count *)o;
    if (!c->cnt) {
        int64_t nxt;
        if (!__builtin_add_overflow(c->icnt, c->istep, &nxt)) {
            KrObject *r = kr_int_from_i64(c->icnt);
            c->icnt = nxt;
            return r;
        }
        c->cnt = kr_int_from_i64(c->icnt);
        if (!c->cnt) return NULL;
    }
    KrObject *nxt = kr_number_add(c->cnt, c->step);
    if (!nxt) return NULL;
    KrObject *r = c->cnt;
    c->cnt = nxt;
    return r;
}

static KrObject *count_repr(KrObject *o) {
    Count *c = (Count *)o;
    KrObject *cur = c->cnt ? KR_NEWREF(c->cnt) : kr_int_from_i64(c->icnt);
    if (!cur) return NULL;
    const char *name = kr_type_name_cstr(KR_TYPE(o));
    KrObject *r;
    bool step_one = KR_INT_CHECK(c->step) && kr_int_is_small(c->step) &&
                    ((KrInt *)c->step)->value == 1;
    if (step_one)
        r = kr_str_from_format("%s(%R)", name, cur);
    else
        r = kr_str_from_format("%s(%R, %R)", name, cur, c->step);
    KR_DECREF(cur);
    return r;
}

TYPE_DEF(count, "count", Count,
         "Return a count object whose .__next__() method returns consecutive values.")
    .tp_repr = count_repr,
};

/* ===========================================================================
 * cycle(iterable)
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *it, *saved;
    kr_ssize index;
    int firstpass;
} Cycle;
FI_GC_FUNCS(cycle, Cycle, it, 2)

static KrObject *cycle_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                            KrObject *kwnames) {
    if (type == &cycle_type && fi_no_kwargs("cycle", kwnames) < 0) return NULL;
    if (kr_arg_check_positional("cycle", nargs, 1, 1) < 0) return NULL;
    KrObject *it = kr_object_get_iter(args[0]);
    if (!it) return NULL;
    KrObject *saved = kr_list_new(0);
    Cycle *c = saved ? (Cycle *)alloc_obj(type) : NULL;
    if (!c) {
        KR_DECREF(it);
        KR_XDECREF(saved);
        return NULL;
    }
    c->it = it;
    c->saved = saved;
    c->firstpass = 1;
    return (KrObject *)c;
}
FI_CTOR_WRAPPERS(cycle)

static KrObject *cycle_next(KrObject *o) {
    Cycle *c = (Cycle *)o;
    if (c->it) {
        KrObject *item = kr_iter_next(c->it);
        if (item) {
            if (kr_list_append(c->saved, item) < 0) {
                KR_DECREF(item);
                return NULL;
            }
            return item;
        }
        if (kr_err_occurred()) return NULL;
        KR_CLEAR(c->it);
        c->firstpass = 0;
    }
    kr_ssize n = KR_SIZE(c->saved);
    if (n == 0) return NULL;
    KrObject *item = KR_LIST_ITEM(c->saved, c->index);
    c->index = c->index + 1 == n ? 0 : c->index + 1;
    return KR_NEWREF(item);
}

TYPE_DEF(cycle, "cycle", Cycle, "Return elements from the iterable until it is exhausted. Then "
                                "repeat the sequence indefinitely.")
};

/* ===========================================================================
 * repeat(object[, times])
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *element;
    kr_ssize cnt; /* -1: forever */
} Repeat;
FI_GC_FUNCS(repeat, Repeat, element, 1)

static KrObject *repeat_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                             KrObject *kwnames) {
    static const char *const names[] = {"object", "times"};
    KrObject *a[2];
    if (parse_args("repeat", args, nargs, kwnames, names, 2, 2, 1, a) < 0) return NULL;
    kr_ssize cnt = -1;
    if (a[1]) {
        if (!KR_INT_CHECK(a[1]) && !kr_index_check(a[1]))
            return kr_err_format(kr_exc_TypeError,
                                 "'%T' object cannot be interpreted as an integer", a[1]);
        cnt = kr_number_as_ssize(a[1], kr_exc_OverflowError);
        if (cnt == -1 && kr_err_occurred()) return NULL;
        if (cnt < 0) cnt = 0;
    }
    Repeat *r = (Repeat *)alloc_obj(type);
    if (!r) return NULL;
    r->element = KR_NEWREF(a[0]);
    r->cnt = cnt;
    return (KrObject *)r;
}
FI_CTOR_WRAPPERS(repeat)

static KrObject *repeat_next(KrObject *o) {
    Repeat *r = (Repeat *)o;
    if (r->cnt == 0) return NULL;
    if (r->cnt > 0) r->cnt--;
    return KR_NEWREF(r->element);
}

static KrObject *repeat_repr(KrObject *o) {
    Repeat *r = (Repeat *)o;
    const char *name = kr_type_name_cstr(KR_TYPE(o));
    if (r->cnt == -1) return kr_str_from_format("%s(%R)", name, r->element);
    return kr_str_from_format("%s(%R, %zd)", name, r->element, r->cnt);
}

static KrObject *repeat_length_hint(KrObject *o, KrObject *unused) {
    Repeat *r = (Repeat *)o;
    if (r->cnt == -1) {
        kr_err_set_string(kr_exc_TypeError, "len() of unsized object");
        return NULL;
    }
    return kr_int_from_ssize(r->cnt);
}

static KrMethodDef repeat_methods[] = {
    {"__length_hint__", (void *)repeat_length_hint, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

TYPE_DEF(repeat, "repeat", Repeat, "repeat(object [,times]) -> create an iterator which returns "
                                   "the object\nfor the specified number of times.  If not "
                                   "specified, returns the object\nendlessly.")
    .tp_repr = repeat_repr,
    .tp_methods = repeat_methods,
};

/* ===========================================================================
 * accumulate(iterable, func=None, *, initial=None)
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *it, *func, *total, *initial;
} Accumulate;
FI_GC_FUNCS(accumulate, Accumulate, it, 4)

static KrObject *accumulate_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                                 KrObject *kwnames) {
    static const char *const names[] = {"iterable", "func", "initial"};
    KrObject *a[3];
    if (parse_args("accumulate", args, nargs, kwnames, names, 2, 3, 1, a) < 0) return NULL;
    KrObject *it = kr_object_get_iter(a[0]);
    if (!it) return NULL;
    Accumulate *ac = (Accumulate *)alloc_obj(type);
    if (!ac) {
        KR_DECREF(it);
        return NULL;
    }
    ac->it = it;
    ac->func = a[1] && a[1] != kr_none ? KR_NEWREF(a[1]) : NULL;
    ac->initial = a[2] && a[2] != kr_none ? KR_NEWREF(a[2]) : NULL;
    return (KrObject *)ac;
}
FI_CTOR_WRAPPERS(accumulate)

static KrObject *accumulate_next(KrObject *o) {
    Accumulate *ac = (Accumulate *)o;
    if (ac->initial) {
        ac->total = ac->initial;
        ac->initial = NULL;
        return KR_NEWREF(ac->total);
    }
    KrObject *val = kr_iter_next(ac->it);
    if (!val) return NULL;
    if (!ac->total) {
        ac->total = KR_NEWREF(val);
        return val;
    }
    KrObject *nt;
    if (ac->func) {
        KrObject *pair[2] = {ac->total, val};
        nt = kr_vectorcall(ac->func, pair, 2, NULL);
    } else {
        nt = kr_number_add(ac->total, val);
    }
    KR_DECREF(val);
    if (!nt) return NULL;
    KR_SETREF(ac->total, nt);
    return KR_NEWREF(nt);
}

TYPE_DEF(accumulate, "accumulate", Accumulate, "Return series of accumulated sums (or other "
                                               "binary function results).")
};

/* ===========================================================================
 * batched(iterable, n)
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *it;
    kr_ssize n;
} Batched;
FI_GC_FUNCS(batched, Batched, it, 1)

static KrObject *batched_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    static const char *const names[] = {"iterable", "n"};
    KrObject *a[2];
    if (parse_args("batched", args, nargs, kwnames, names, 2, 2, 2, a) < 0) return NULL;
    if (!KR_INT_CHECK(a[1]) && !kr_index_check(a[1]))
        return kr_err_format(kr_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                             a[1]);
    kr_ssize n = kr_number_as_ssize(a[1], kr_exc_OverflowError);
    if (n == -1 && kr_err_occurred()) return NULL;
    if (n < 1) {
        kr_err_set_string(kr_exc_ValueError, "n must be at least one");
        return NULL;
    }
    KrObject *it = kr_object_get_iter(a[0]);
    if (!it) return NULL;
    Batched *b = (Batched *)alloc_obj(type);
    if (!b) {
        KR_DECREF(it);
        return NULL;
    }
    b->it = it;
    b->n = n;
    return (KrObject *)b;
}
FI_CTOR_WRAPPERS(batched)

static KrObject *batched_next(KrObject *o) {
    Batched *b = (Batched *)o;
    if (!b->it) return NULL;
    KrObject *list = kr_list_new(0);
    if (!list) return NULL;
    for (kr_ssize i = 0; i < b->n; i++) {
        KrObject *item = kr_iter_next(b->it);
        if (!item) {
            if (kr_err_occurred()) {
                KR_DECREF(list);
                return NULL;
            }
            KR_CLEAR(b->it);
            break;
        }
        if (kr_list_append_steal(list, item) < 0) {
            KR_DECREF(list);
            return NULL;
        }
    }
    if (KR_SIZE(list) == 0) {
        KR_DECREF(list);
        return NULL;
    }
    KrObject *t = kr_list_as_tuple(list);
    KR_DECREF(list);
    return t;
}

TYPE_DEF(batched, "batched", Batched, "Batch data into tuples of length n. The last batch may be "
                                      "shorter than n.")
};

/* ===========================================================================
 * chain(*iterables), chain.from_iterable(iterable)
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *source, *active; /* iterator of iterables, current iterator */
} Chain;
FI_GC_FUNCS(chain, Chain, source, 2)

static KrObject *chain_from(KrType *type, KrObject *iterable) {
    KrObject *src = kr_object_get_iter(iterable);
    if (!src) return NULL;
    Chain *c = (Chain *)alloc_obj(type);
    if (!c) {
        KR_DECREF(src);
        return NULL;
    }
    c->source = src;
    return (KrObject *)c;
}

static KrObject *chain_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                            KrObject *kwnames) {
    if (type == &chain_type && fi_no_kwargs("chain", kwnames) < 0) return NULL;
    KrObject *t = kr_tuple_from_array(args, nargs);
    if (!t) return NULL;
    KrObject *r = chain_from(type, t);
    KR_DECREF(t);
    return r;
}
FI_CTOR_WRAPPERS(chain)

static KrObject *chain_from_iterable(KrObject *cls, KrObject *arg) {
    return chain_from((KrType *)cls, arg);
}

static KrObject *chain_next(KrObject *o) {
    Chain *c = (Chain *)o;
    while (c->source) {
        if (!c->active) {
            KrObject *iterable = kr_iter_next(c->source);
            if (!iterable) {
                if (kr_err_occurred()) return NULL;
                KR_CLEAR(c->source);
                return NULL;
            }
            c->active = kr_object_get_iter(iterable);
            KR_DECREF(iterable);
            if (!c->active) return NULL;
        }
        KrObject *item = kr_iter_next(c->active);
        if (item) return item;
        if (kr_err_occurred()) return NULL;
        KR_CLEAR(c->active);
    }
    return NULL;
}

static KrMethodDef chain_methods[] = {
    {"from_iterable", (void *)chain_from_iterable, KR_METH_O | KR_METH_CLASS,
     "Alternative chain() constructor taking a single iterable argument that evaluates lazily."},
    {"__class_getitem__", (void *)class_getitem, KR_METH_O | KR_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

TYPE_DEF(chain, "chain", Chain, "Return a chain object whose .__next__() method returns elements "
                                "from the\nfirst iterable until it is exhausted, then elements "
                                "from the next\niterable, until all of the iterables are "
                                "exhausted.")
    .tp_methods = chain_methods,
};

/* ===========================================================================
 * compress(data, selectors)
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *data, *selectors;
} Compress;
FI_GC_FUNCS(compress, Compress, data, 2)

static KrObject *compress_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                               KrObject *kwnames) {
    static const char *const names[] = {"data", "selectors"};
    KrObject *a[2];
    if (parse_args("compress", args, nargs, kwnames, names, 2, 2, 2, a) < 0) return NULL;
    KrObject *d = kr_object_get_iter(a[0]);
    if (!d) return NULL;
    KrObject *s = kr_object_get_iter(a[1]);
    Compress *c = s ? (Compress *)alloc_obj(type) : NULL;
    if (!c) {
        KR_DECREF(d);
        KR_XDECREF(s);
        return NULL;
    }
    c->data = d;
    c->selectors = s;
    return (KrObject *)c;
}
FI_CTOR_WRAPPERS(compress)

static KrObject *compress_next(KrObject *o) {
    Compress *c = (Compress *)o;
    for (;;) {
        KrObject *d = kr_iter_next(c->data);
        if (!d) return NULL;
        KrObject *s = kr_iter_next(c->selectors);
        if (!s) {
            KR_DECREF(d);
            return NULL;
        }
        int ok = kr_object_is_true(s);
        KR_DECREF(s);
        if (ok > 0) return d;
        KR_DECREF(d);
        if (ok < 0) return NULL;
    }
}

TYPE_DEF(compress, "compress", Compress, "Return data elements corresponding to true selector "
                                         "elements.")
};

/* ===========================================================================
 * dropwhile, takewhile, filterfalse, starmap: (function, iterable)
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *func, *it;
    int state; /* dropwhile: done dropping; takewhile: stopped */
} FuncIter;
FI_GC_FUNCS(funciter, FuncIter, func, 2)

static KrObject *funciter_make(const char *name, KrType *type, KrType *exact,
                               KrObject *const *args, kr_ssize nargs, KrObject *kwnames) {
    if (type == exact && fi_no_kwargs(name, kwnames) < 0) return NULL;
    if (kr_arg_check_positional(name, nargs, 2, 2) < 0) return NULL;
    KrObject *it = kr_object_get_iter(args[1]);
    if (!it) return NULL;
    FuncIter *f = (FuncIter *)alloc_obj(type);
    if (!f) {
        KR_DECREF(it);
        return NULL;
    }
    f->func = KR_NEWREF(args[0]);
    f->it = it;
    return (KrObject *)f;
}

static int call_pred(KrObject *func, KrObject *item) {
    KrObject *r = kr_vectorcall(func, &item, 1, NULL);
    if (!r) return -1;
    int t = kr_object_is_true(r);
    KR_DECREF(r);
    return t;
}

static KrType dropwhile_type, takewhile_type, filterfalse_type, starmap_type;
#define dropwhile_dealloc funciter_dealloc
#define dropwhile_traverse funciter_traverse
#define dropwhile_clear funciter_clear
#define takewhile_dealloc funciter_dealloc
#define takewhile_traverse funciter_traverse
#define takewhile_clear funciter_clear
#define filterfalse_dealloc funciter_dealloc
#define filterfalse_traverse funciter_traverse
#define filterfalse_clear funciter_clear
#define starmap_dealloc funciter_dealloc
#define starmap_traverse funciter_traverse
#define starmap_clear funciter_clear

static KrObject *dropwhile_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                                KrObject *kwnames) {
    return funciter_make("dropwhile", type, &dropwhile_type, args, nargs, kwnames);
}
FI_CTOR_WRAPPERS(dropwhile)

static KrObject *dropwhile_next(KrObject *o) {
    FuncIter *f = (FuncIter *)o;
    for (;;) {
        KrObject *item = kr_iter_next(f->it);
        if (!item) return NULL;
        if (f->state) return item;
        int t = call_pred(f->func, item);
        if (t == 0) {
            f->state = 1;
            return item;
        }
        KR_DECREF(item);
        if (t < 0) return NULL;
    }
}

TYPE_DEF(dropwhile, "dropwhile", FuncIter, "Drop items from the iterable while predicate(item) "
                                           "is true.\n\nAfterwards, return every element until "
                                           "the iterable is exhausted.")
};

static KrObject *takewhile_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                                KrObject *kwnames) {
    return funciter_make("takewhile", type, &takewhile_type, args, nargs, kwnames);
}
FI_CTOR_WRAPPERS(takewhile)

static KrObject *takewhile_next(KrObject *o) {
    FuncIter *f = (FuncIter *)o;
    if (f->state) return NULL;
    KrObject *item = kr_iter_next(f->it);
    if (!item) return NULL;
    int t = call_pred(f->func, item);
    if (t > 0) return item;
    KR_DECREF(item);
    if (t == 0) f->state = 1;
    return NULL;
}

TYPE_DEF(takewhile, "takewhile", FuncIter, "Return successive entries from an iterable as long as "
                                           "the predicate evaluates to true for each entry.")
};

static KrObject *filterfalse_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                                  KrObject *kwnames) {
    return funciter_make("filterfalse", type, &filterfalse_type, args, nargs, kwnames);
}
FI_CTOR_WRAPPERS(filterfalse)

static KrObject *filterfalse_next(KrObject *o) {
    FuncIter *f = (FuncIter *)o;
    for (;;) {
        KrObject *item = kr_iter_next(f->it);
        if (!item) return NULL;
        int t = f->func == kr_none || f->func == (KrObject *)&kr_bool_type
                    ? kr_object_is_true(item)
                    : call_pred(f->func, item);
        if (t == 0) return item;
        KR_DECREF(item);
        if (t < 0) return NULL;
    }
}

TYPE_DEF(filterfalse, "filterfalse", FuncIter, "Return those items of iterable for which "
                                               "function(item) is false.\n\nIf function is None, "
                                               "return the items that are false.")
};

static KrObject *starmap_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    return funciter_make("starmap", type, &starmap_type, args, nargs, kwnames);
}
FI_CTOR_WRAPPERS(starmap)

static KrObject *starmap_next(KrObject *o) {
    FuncIter *f = (FuncIter *)o;
    KrObject *item = kr_iter_next(f->it);
    if (!item) return NULL;
    KrObject *t = KR_TUPLE_CHECK_EXACT(item) ? KR_NEWREF(item) : kr_tuple_from_iterable(item);
    KR_DECREF(item);
    if (!t) return NULL;
    KrObject *r = kr_vectorcall(f->func, KR_TUPLE_ITEMS(t), (size_t)KR_SIZE(t), NULL);
    KR_DECREF(t);
    return r;
}

TYPE_DEF(starmap, "starmap", FuncIter, "Return an iterator whose values are returned from the "
                                       "function evaluated with an argument tuple taken from "
                                       "the given sequence.")
};

/* ===========================================================================
 * groupby(iterable, key=None) and its _grouper
 * ========================================================================= */

typedef struct Grouper Grouper;
typedef struct {
    KR_OBJECT_HEAD;
    KrObject *it, *keyfunc, *tgtkey, *currkey, *currvalue;
    Grouper *currgrouper; /* borrowed: only the newest grouper may advance */
} GroupBy;
FI_GC_FUNCS(groupby, GroupBy, it, 5)

struct Grouper {
    KR_OBJECT_HEAD;
    KrObject *parent, *tgtkey;
};
static KrType grouper_type;

static KrObject *groupby_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    static const char *const names[] = {"iterable", "key"};
    KrObject *a[2];
    if (parse_args("groupby", args, nargs, kwnames, names, 2, 2, 1, a) < 0) return NULL;
    KrObject *it = kr_object_get_iter(a[0]);
    if (!it) return NULL;
    GroupBy *g = (GroupBy *)alloc_obj(type);
    if (!g) {
        KR_DECREF(it);
        return NULL;
    }
    g->it = it;
    g->keyfunc = a[1] && a[1] != kr_none ? KR_NEWREF(a[1]) : NULL;
    return (KrObject *)g;
}
FI_CTOR_WRAPPERS(groupby)

/* Advances the underlying iterator: currvalue/currkey become the next item and key.
 * Returns 0, or -1 at the end (no exception) or on error. */
static int groupby_step(GroupBy *g) {
    KrObject *v = kr_iter_next(g->it);
    if (!v) return -1;
    KrObject *k;
    if (g->keyfunc) {
        k = kr_vectorcall(g->keyfunc, &v, 1, NULL);
        if (!k) {
            KR_DECREF(v);
            return -1;
        }
    } else {
        k = KR_NEWREF(v);
    }
    KR_SETREF(g->currvalue, v);
    KR_SETREF(g->currkey, k);
    return 0;
}

static KrObject *groupby_next(KrObject *o) {
    GroupBy *g = (GroupBy *)o;
    g->currgrouper = NULL;
    /* skip to the next key */
    for (;;) {
        if (!g->currkey) {
            if (groupby_step(g) < 0) return NULL;
        } else if (!g->tgtkey) {
            break;
        } else {
            int eq = kr_object_richcompare_bool(g->tgtkey, g->currkey, KR_EQ);
            if (eq < 0) return NULL;
            if (!eq) break;
            if (groupby_step(g) < 0) return NULL;
        }
    }
    KR_INCREF(g->currkey);
    KR_SETREF(g->tgtkey, g->currkey);
    Grouper *gr = (Grouper *)alloc_obj(&grouper_type);
    if (!gr) return NULL;
    gr->parent = KR_NEWREF(o);
    gr->tgtkey = KR_NEWREF(g->tgtkey);
    g->currgrouper = gr;
    KrObject *r = kr_tuple_pack(2, g->currkey, (KrObject *)gr);
    KR_DECREF(gr);
    return r;
}

TYPE_DEF(groupby, "groupby", GroupBy, "make an iterator that returns consecutive keys and groups "
                                      "from the iterable")
};

static int grouper_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    Grouper *g = (Grouper *)o;
    int r = g->parent ? visit(g->parent, arg) : 0;
    return r ? r : (g->tgtkey ? visit(g->tgtkey, arg) : 0);
}

static int grouper_clear(KrObject *o) {
    Grouper *g = (Grouper *)o;
    if (g->parent && ((GroupBy *)g->parent)->currgrouper == g)
        ((GroupBy *)g->parent)->currgrouper = NULL;
    KR_CLEAR(g->parent);
    KR_CLEAR(g->tgtkey);
    return 0;
}

static void grouper_dealloc(KrObject *o) {
    kr_gc_untrack(o);
    grouper_clear(o);
    kr_object_free(o);
}

static KrObject *grouper_next(KrObject *o) {
    Grouper *gr = (Grouper *)o;
    GroupBy *g = (GroupBy *)gr->parent;
    if (!g || g->currgrouper != gr) return NULL;
    if (!g->currvalue) {
        if (groupby_step(g) < 0) return NULL;
    }
    int eq = kr_object_richcompare_bool(gr->tgtkey, g->currkey, KR_EQ);
    if (eq <= 0) return NULL;
    KrObject *r = g->currvalue;
    g->currvalue = NULL;
    return r;
}

static KrType grouper_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "itertools._grouper",
    .tp_basicsize = sizeof(Grouper),
    .tp_dealloc = grouper_dealloc,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_traverse = grouper_traverse,
    .tp_clear = grouper_clear,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = grouper_next,
};

/* ===========================================================================
 * islice(iterable, stop) / islice(iterable, start, stop[, step])
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *it;
    kr_ssize next, stop, step, cnt; /* stop -1: unbounded */
} ISlice;
FI_GC_FUNCS(islice, ISlice, it, 1)

static int islice_index(KrObject *o, kr_ssize *out, const char *msg) {
    if (o == kr_none) return 0;
    if (KR_INT_CHECK(o) || kr_index_check(o)) {
        kr_ssize v = kr_number_as_ssize(o, NULL);
        if (v == -1 && kr_err_occurred()) return -1;
        if (v >= 0) {
            *out = v;
            return 0;
        }
    }
    kr_err_set_string(kr_exc_ValueError, msg);
    return -1;
}

static KrObject *islice_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                             KrObject *kwnames) {
    if (type == &islice_type && fi_no_kwargs("islice", kwnames) < 0) return NULL;
    if (kr_arg_check_positional("islice", nargs, 2, 4) < 0) return NULL;
    kr_ssize start = 0, stop = -1, step = 1;
    if (nargs == 2) {
        if (islice_index(args[1], &stop,
                         "Stop argument for islice() must be None or an integer: 0 <= x <= "
                         "sys.maxsize.") < 0)
            return NULL;
    } else {
        const char *msg =
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
        if (islice_index(args[1], &start, msg) < 0 || islice_index(args[2], &stop, msg) < 0)
            return NULL;
        if (nargs == 4) {
            kr_ssize s = -1;
            if (args[3] == kr_none) {
                s = 1;
            } else if (KR_INT_CHECK(args[3]) || kr_index_check(args[3])) {
                s = kr_number_as_ssize(args[3], NULL);
                if (s == -1 && kr_err_occurred()) return NULL;
            }
            if (s < 1) {
                kr_err_set_string(kr_exc_ValueError,
                                  "Step for islice() must be a positive integer or None.");
                return NULL;
            }
            step = s;
        }
    }
    KrObject *it = kr_object_get_iter(args[0]);
    if (!it) return NULL;
    ISlice *s = (ISlice *)alloc_obj(type);
    if (!s) {
        KR_DECREF(it);
        return NULL;
    }
    s->it = it;
    s->next = start;
    s->stop = stop;
    s->step = step;
    return (KrObject *)s;
}
FI_CTOR_WRAPPERS(islice)

static KrObject *islice_next(KrObject *o) {
    ISlice *s = (ISlice *)o;
    if (!s->it) return NULL;
    while (s->cnt < s->next) {
        KrObject *item = kr_iter_next(s->it);
        if (!item) goto empty;
        KR_DECREF(item);
        s->cnt++;
    }
    if (s->stop != -1 && s->cnt >= s->stop) goto empty;
    KrObject *item = kr_iter_next(s->it);
    if (!item) goto empty;
    s->cnt++;
    kr_ssize old = s->next;
    s->next += s->step;
    if (s->next < old || (s->stop != -1 && s->next > s->stop)) s->next = s->stop;
    return item;
empty:
    if (kr_err_occurred()) return NULL;
    KR_CLEAR(s->it);
    return NULL;
}

TYPE_DEF(islice, "islice", ISlice, "islice(iterable, stop) --> islice object\nislice(iterable, "
                                   "start, stop[, step]) --> islice object")
};

/* ===========================================================================
 * pairwise(iterable)
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *it, *old;
} Pairwise;
FI_GC_FUNCS(pairwise, Pairwise, it, 2)

static KrObject *pairwise_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                               KrObject *kwnames) {
    if (type == &pairwise_type && fi_no_kwargs("pairwise", kwnames) < 0) return NULL;
    if (kr_arg_check_positional("pairwise", nargs, 1, 1) < 0) return NULL;
    KrObject *it = kr_object_get_iter(args[0]);
    if (!it) return NULL;
    Pairwise *p = (Pairwise *)alloc_obj(type);
    if (!p) {
        KR_DECREF(it);
        return NULL;
    }
    p->it = it;
    return (KrObject *)p;
}
FI_CTOR_WRAPPERS(pairwise)

static KrObject *pairwise_next(KrObject *o) {
    Pairwise *p = (Pairwise *)o;
    if (!p->it) return NULL;
    if (!p->old) {
        p->old = kr_iter_next(p->it);
        if (!p->old) {
            KR_CLEAR(p->it);
            return NULL;
        }
    }
    KrObject *nw = kr_iter_next(p->it);
    if (!nw) {
        KR_CLEAR(p->it);
        KR_CLEAR(p->old);
        return NULL;
    }
    KrObject *r = kr_tuple_pack(2, p->old, nw);
    KR_SETREF(p->old, nw);
    return r;
}

TYPE_DEF(pairwise, "pairwise", Pairwise, "Return an iterator of overlapping pairs taken from the "
                                         "input iterator.\n\n    s -> (s0, s1), (s1, s2), (s2, "
                                         "s3), ...")
};

/* ===========================================================================
 * zip_longest(*iterables, fillvalue=None)
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *iters, *fill; /* iters: list; exhausted entries become None */
    kr_ssize active;
} ZipLongest;
FI_GC_FUNCS(zip_longest, ZipLongest, iters, 2)

static KrObject *zip_longest_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                                  KrObject *kwnames) {
    KrObject *fill = kr_none;
    kr_ssize nkw = kwnames ? KR_SIZE(kwnames) : 0;
    for (kr_ssize i = 0; i < nkw; i++) {
        KrObject *name = KR_TUPLE_ITEM(kwnames, i);
        if (!kr_str_eq_cstr(name, "fillvalue"))
            return kr_err_format(kr_exc_TypeError,
                                 "zip_longest() got an unexpected keyword argument");
        fill = args[nargs + i];
    }
    KrObject *iters = kr_list_new(nargs);
    if (!iters) return NULL;
    for (kr_ssize i = 0; i < nargs; i++) {
        KrObject *it = kr_object_get_iter(args[i]);
        if (!it) {
            for (kr_ssize j = i; j < nargs; j++)
                KR_LIST_ITEM(iters, j) = KR_NEWREF(kr_none);
            KR_DECREF(iters);
            return NULL;
        }
        KR_LIST_ITEM(iters, i) = it;
    }
    ZipLongest *z = (ZipLongest *)alloc_obj(type);
    if (!z) {
        KR_DECREF(iters);
        return NULL;
    }
    z->iters = iters;
    z->fill = KR_NEWREF(fill);
    z->active = nargs;
    return (KrObject *)z;
}
FI_CTOR_WRAPPERS(zip_longest)

static KrObject *zip_longest_next(KrObject *o) {
    ZipLongest *z = (ZipLongest *)o;
    kr_ssize n = KR_SIZE(z->iters);
    if (n == 0 || z->active == 0) return NULL;
    KrObject *t = kr_tuple_new(n);
    if (!t) return NULL;
    for (kr_ssize i = 0; i < n; i++) {
        KrObject *it = KR_LIST_ITEM(z->iters, i), *item;
        if (it == kr_none) {
            item = KR_NEWREF(z->fill);
        } else {
            item = kr_iter_next(it);
            if (!item) {
                if (kr_err_occurred()) goto fail;
                z->active--;
                if (z->active == 0) goto fail;
                KR_LIST_ITEM(z->iters, i) = KR_NEWREF(kr_none);
                KR_DECREF(it);
                item = KR_NEWREF(z->fill);
            }
        }
        KR_TUPLE_ITEM(t, i) = item;
    }
    return t;
fail:
    for (kr_ssize i = 0; i < n; i++)
        if (!KR_TUPLE_ITEM(t, i)) KR_TUPLE_ITEM(t, i) = KR_NEWREF(kr_none);
    KR_DECREF(t);
    return NULL;
}

TYPE_DEF(zip_longest, "zip_longest", ZipLongest, "Return a zip_longest object whose .__next__() "
                                                 "method returns a tuple where\nthe i-th element "
                                                 "comes from the i-th iterable argument.")
};

/* ===========================================================================
 * tee(iterable, n=2): _tee objects sharing a linked list of buffered values
 * ========================================================================= */

#define TEE_LINK 57
typedef struct TeeData {
    KR_OBJECT_HEAD;
    KrObject *it;
    struct TeeData *nextlink;
    int numread;
    int running;
    KrObject *values[TEE_LINK];
} TeeData;

typedef struct {
    KR_OBJECT_HEAD;
    TeeData *data;
    int index;
    KrObject *weakreflist;
} Tee;

static KrType teedata_type, tee_type;

static TeeData *teedata_new(KrObject *it) {
    TeeData *d = (TeeData *)alloc_obj(&teedata_type);
    if (!d) return NULL;
    d->it = KR_NEWREF(it);
    return d;
}

static int teedata_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    TeeData *d = (TeeData *)o;
    int r;
    if (d->it && (r = visit(d->it, arg))) return r;
    for (int i = 0; i < d->numread; i++)
        if ((r = visit(d->values[i], arg))) return r;
    return d->nextlink ? visit((KrObject *)d->nextlink, arg) : 0;
}

static int teedata_clear(KrObject *o) {
    TeeData *d = (TeeData *)o;
    KR_CLEAR(d->it);
    for (int i = 0; i < d->numread; i++)
        KR_CLEAR(d->values[i]);
    d->numread = 0;
    /* unlink the chain iteratively so a long buffer cannot overflow the C stack */
    TeeData *next = d->nextlink;
    d->nextlink = NULL;
    while (next) {
        if (kr_refcnt((KrObject *)next) > 1) {
            KR_DECREF(next);
            break;
        }
        TeeData *after = next->nextlink;
        next->nextlink = NULL;
        KR_DECREF(next);
        next = after;
    }
    return 0;
}

static void teedata_dealloc(KrObject *o) {
    kr_gc_untrack(o);
    teedata_clear(o);
    kr_object_free(o);
}

static KrType teedata_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "itertools._tee_dataobject",
    .tp_basicsize = sizeof(TeeData),
    .tp_dealloc = teedata_dealloc,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_traverse = teedata_traverse,
    .tp_clear = teedata_clear,
};

static KrObject *tee_from_data(TeeData *d, int index) {
    Tee *t = (Tee *)alloc_obj(&tee_type);
    if (!t) return NULL;
    t->data = (TeeData *)KR_NEWREF(d);
    t->index = index;
    return (KrObject *)t;
}

static KrObject *tee_from_iterable(KrObject *iterable) {
    KrObject *it = kr_object_get_iter(iterable);
    if (!it) return NULL;
    if (KR_TYPE(it) == &tee_type) {
        Tee *src = (Tee *)it;
        KrObject *r = tee_from_data(src->data, src->index);
        KR_DECREF(it);
        return r;
    }
    TeeData *d = teedata_new(it);
    KR_DECREF(it);
    if (!d) return NULL;
    KrObject *r = tee_from_data(d, 0);
    KR_DECREF(d);
    return r;
}

static KrObject *tee_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                          KrObject *kwnames) {
    if (fi_no_kwargs("_tee", kwnames) < 0) return NULL;
    if (kr_arg_check_positional("_tee", nargs, 1, 1) < 0) return NULL;
    return tee_from_iterable(args[0]);
}
FI_CTOR_WRAPPERS(tee)

static int tee_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    Tee *t = (Tee *)o;
    return t->data ? visit((KrObject *)t->data, arg) : 0;
}

static int tee_clear(KrObject *o) {
    KR_CLEAR(((Tee *)o)->data);
    return 0;
}

static void tee_dealloc(KrObject *o) {
    kr_gc_untrack(o);
    tee_clear(o);
    kr_object_free(o);
}

static KrObject *tee_next(KrObject *o) {
    Tee *t = (Tee *)o;
    TeeData *d = t->data;
    if (!d) return NULL;
    if (t->index >= TEE_LINK) {
        if (!d->nextlink) {
            d->nextlink = teedata_new(d->it ? d->it : kr_none);
            if (!d->nextlink) return NULL;
            if (!d->it) KR_CLEAR(d->nextlink->it);
        }
        TeeData *next = (TeeData *)KR_NEWREF(d->nextlink);
        KR_SETREF(t->data, next);
        t->index = 0;
        d = next;
    }
    if (t->index < d->numread) return KR_NEWREF(d->values[t->index++]);
    if (!d->it) return NULL;
    if (d->running) {
        kr_err_set_string(kr_exc_RuntimeError, "cannot re-enter the tee iterator");
        return NULL;
    }
    d->running = 1;
    KrObject *v = kr_iter_next(d->it);
    d->running = 0;
    if (!v) return NULL;
    d->values[d->numread++] = v;
    t->index++;
    return KR_NEWREF(v);
}

static KrObject *tee_copy(KrObject *o, KrObject *unused) {
    Tee *t = (Tee *)o;
    return tee_from_data(t->data, t->index);
}

static KrMethodDef tee_methods[] = {
    {"__copy__", (void *)tee_copy, KR_METH_NOARGS, "Returns an independent iterator."},
    {NULL, NULL, 0, NULL},
};

static KrType tee_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "itertools._tee",
    .tp_basicsize = sizeof(Tee),
    .tp_dealloc = tee_dealloc,
    .tp_vectorcall = tee_vectorcall,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_doc = "Iterator wrapped to make it copyable.",
    .tp_traverse = tee_traverse,
    .tp_clear = tee_clear,
    .tp_weaklistoffset = offsetof(Tee, weakreflist),
    .tp_iter = kr_object_self_iter,
    .tp_iternext = tee_next,
    .tp_methods = tee_methods,
    .tp_new = tee_tp_new,
};

static KrObject *itertools_tee(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("tee", nargs, 1, 2) < 0) return NULL;
    kr_ssize n = 2;
    if (nargs == 2) {
        if (!KR_INT_CHECK(args[1]) && !kr_index_check(args[1]))
            return kr_err_format(kr_exc_TypeError,
                                 "'%T' object cannot be interpreted as an integer", args[1]);
        n = kr_number_as_ssize(args[1], kr_exc_OverflowError);
        if (n == -1 && kr_err_occurred()) return NULL;
    }
    if (n < 0) {
        kr_err_set_string(kr_exc_ValueError, "n must be >= 0");
        return NULL;
    }
    KrObject *result = kr_tuple_new(n);
    if (!result || n == 0) return result;
    KrObject *it = kr_object_get_iter(args[0]);
    if (!it) goto fail;
    /* an iterator that knows how to copy itself is copied rather than wrapped */
    KrObject *copyfn;
    int r = kr_object_lookup_attr(it, kr_str_intern_cstr("__copy__"), &copyfn);
    if (r < 0) {
        KR_DECREF(it);
        goto fail;
    }
    KrObject *first;
    if (r > 0) {
        first = it;
        KR_DECREF(copyfn);
    } else {
        first = tee_from_iterable(it);
        KR_DECREF(it);
        if (!first) goto fail;
    }
    KR_TUPLE_ITEM(result, 0) = first;
    for (kr_ssize i = 1; i < n; i++) {
        KrObject *c = kr_call_method(KR_TUPLE_ITEM(result, i - 1), "__copy__", NULL, 0);
        if (!c) {
            for (kr_ssize j = i; j < n; j++)
                KR_TUPLE_ITEM(result, j) = KR_NEWREF(kr_none);
            goto fail;
        }
        KR_TUPLE_ITEM(result, i) = c;
    }
    return result;
fail:
    for (kr_ssize j = 0; j < n; j++)
        if (!KR_TUPLE_ITEM(result, j)) KR_TUPLE_ITEM(result, j) = KR_NEWREF(kr_none);
    KR_DECREF(result);
    return NULL;
}

/* ===========================================================================
 * Combinatorics: product, permutations, combinations, combinations_with_replacement
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *pool;    /* tuple (product: tuple of tuples, one per output position) */
    kr_ssize *indices; /* current index per output position */
    kr_ssize *cycles;  /* permutations only */
    kr_ssize r;
    int started, stopped;
} Combi;

static int combi_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    Combi *c = (Combi *)o;
    return c->pool ? visit(c->pool, arg) : 0;
}

static int combi_clear(KrObject *o) {
    KR_CLEAR(((Combi *)o)->pool);
    return 0;
}

static void combi_dealloc(KrObject *o) {
    Combi *c = (Combi *)o;
    kr_gc_untrack(o);
    KR_CLEAR(c->pool);
    kr_mem_free(c->indices);
    kr_mem_free(c->cycles);
    kr_object_free(o);
}

static Combi *combi_new(KrType *type, KrObject *pool, kr_ssize r, kr_ssize nind) {
    Combi *c = (Combi *)alloc_obj(type);
    if (!c) {
        KR_DECREF(pool);
        return NULL;
    }
    c->pool = pool;
    c->r = r;
    c->indices = kr_mem_calloc((size_t)(nind ? nind : 1), sizeof(kr_ssize));
    if (!c->indices) {
        KR_DECREF(c);
        return NULL;
    }
    return c;
}

/* A tuple of pool[indices[i]] for i < r. */
static KrObject *combi_result(KrObject *pool, kr_ssize *indices, kr_ssize r) {
    KrObject *t = kr_tuple_new(r);
    if (!t) return NULL;
    for (kr_ssize i = 0; i < r; i++)
        KR_TUPLE_ITEM(t, i) = KR_NEWREF(KR_TUPLE_ITEM(pool, indices[i]));
    return t;
}

#define product_dealloc combi_dealloc
#define product_traverse combi_traverse
#define product_clear combi_clear
#define permutations_dealloc combi_dealloc
#define permutations_traverse combi_traverse
#define permutations_clear combi_clear
#define combinations_dealloc combi_dealloc
#define combinations_traverse combi_traverse
#define combinations_clear combi_clear
#define cwr_dealloc combi_dealloc
#define cwr_traverse combi_traverse
#define cwr_clear combi_clear

static KrObject *product_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    kr_ssize repeat = 1;
    kr_ssize nkw = kwnames ? KR_SIZE(kwnames) : 0;
    for (kr_ssize i = 0; i < nkw; i++) {
        KrObject *name = KR_TUPLE_ITEM(kwnames, i), *v = args[nargs + i];
        if (!kr_str_eq_cstr(name, "repeat"))
            return kr_err_format(kr_exc_TypeError,
                                 "product() got an unexpected keyword argument '%U'", name);
        if (!KR_INT_CHECK(v) && !kr_index_check(v))
            return kr_err_format(kr_exc_TypeError,
                                 "'%T' object cannot be interpreted as an integer", v);
        repeat = kr_number_as_ssize(v, kr_exc_OverflowError);
        if (repeat == -1 && kr_err_occurred()) return NULL;
        if (repeat < 0) {
            kr_err_set_string(kr_exc_ValueError, "repeat argument cannot be negative");
            return NULL;
        }
    }
    if (repeat && nargs > PTRDIFF_MAX / 16 / repeat) {
        kr_err_set_string(kr_exc_OverflowError, "repeat argument too large");
        return NULL;
    }
    kr_ssize npools = nargs * repeat;
    KrObject *pools = kr_tuple_new(npools);
    if (!pools) return NULL;
    for (kr_ssize i = 0; i < nargs; i++) {
        KrObject *t = kr_tuple_from_iterable(args[i]);
        if (!t) {
            for (kr_ssize j = i; j < npools; j++)
                KR_TUPLE_ITEM(pools, j) = KR_NEWREF(kr_empty_tuple);
            KR_DECREF(pools);
            return NULL;
        }
        KR_TUPLE_ITEM(pools, i) = t;
    }
    for (kr_ssize i = nargs; i < npools; i++)
        KR_TUPLE_ITEM(pools, i) = KR_NEWREF(KR_TUPLE_ITEM(pools, i - nargs));
    Combi *c = combi_new(type, pools, npools, npools);
    return (KrObject *)c;
}
FI_CTOR_WRAPPERS(product)

static KrObject *product_next(KrObject *o) {
    Combi *c = (Combi *)o;
    if (c->stopped) return NULL;
    kr_ssize n = c->r;
    if (!c->started) {
        c->started = 1;
        for (kr_ssize i = 0; i < n; i++)
            if (KR_SIZE(KR_TUPLE_ITEM(c->pool, i)) == 0) {
                c->stopped = 1;
                return NULL;
            }
    } else {
        kr_ssize i = n - 1;
        for (; i >= 0; i--) {
            if (++c->indices[i] < KR_SIZE(KR_TUPLE_ITEM(c->pool, i))) break;
            c->indices[i] = 0;
        }
        if (i < 0) {
            c->stopped = 1;
            return NULL;
        }
    }
    KrObject *t = kr_tuple_new(n);
    if (!t) return NULL;
    for (kr_ssize i = 0; i < n; i++)
        KR_TUPLE_ITEM(t, i) = KR_NEWREF(KR_TUPLE_ITEM(KR_TUPLE_ITEM(c->pool, i), c->indices[i]));
    return t;
}

TYPE_DEF(product, "product", Combi, "Cartesian product of input iterables.  Equivalent to "
                                    "nested for-loops.")
};

static KrObject *permutations_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                                   KrObject *kwnames) {
    static const char *const names[] = {"iterable", "r"};
    KrObject *a[2];
    if (parse_args("permutations", args, nargs, kwnames, names, 2, 2, 1, a) < 0) return NULL;
    KrObject *pool = kr_tuple_from_iterable(a[0]);
    if (!pool) return NULL;
    kr_ssize n = KR_SIZE(pool), r = n;
    if (a[1] && a[1] != kr_none) {
        if (!KR_INT_CHECK(a[1])) {
            KR_DECREF(pool);
            kr_err_set_string(kr_exc_TypeError, "Expected int as r");
            return NULL;
        }
        if (get_r(a[1], &r) < 0) {
            KR_DECREF(pool);
            return NULL;
        }
    }
    Combi *c = combi_new(type, pool, r, n);
    if (!c) return NULL;
    c->cycles = kr_mem_calloc((size_t)(r ? r : 1), sizeof(kr_ssize));
    if (!c->cycles) {
        KR_DECREF(c);
        return NULL;
    }
    for (kr_ssize i = 0; i < n; i++)
        c->indices[i] = i;
    for (kr_ssize i = 0; i < r && i < n; i++)
        c->cycles[i] = n - i;
    if (r > n) c->stopped = 1;
    return (KrObject *)c;
}
FI_CTOR_WRAPPERS(permutations)

static KrObject *permutations_next(KrObject *o) {
    Combi *c = (Combi *)o;
    if (c->stopped) return NULL;
    kr_ssize n = KR_SIZE(c->pool), r = c->r;
    if (!c->started) {
        c->started = 1;
        return combi_result(c->pool, c->indices, r);
    }
    if (n == 0) goto stop;
    kr_ssize i;
    for (i = r - 1; i >= 0; i--) {
        c->cycles[i]--;
        if (c->cycles[i] == 0) {
            /* rotate indices[i:] left by one */
            kr_ssize first = c->indices[i];
            for (kr_ssize j = i; j < n - 1; j++)
                c->indices[j] = c->indices[j + 1];
            c->indices[n - 1] = first;
            c->cycles[i] = n - i;
        } else {
            kr_ssize j = c->cycles[i];
            kr_ssize tmp = c->indices[i];
            c->indices[i] = c->indices[n - j];
            c->indices[n - j] = tmp;
            return combi_result(c->pool, c->indices, r);
        }
    }
stop:
    c->stopped = 1;
    return NULL;
}

TYPE_DEF(permutations, "permutations", Combi, "Return successive r-length permutations of "
                                              "elements in the iterable.\n\npermutations(range(3"
                                              "), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)")
};

static KrObject *combinations_common(const char *name, KrType *type, KrObject *const *args,
                                     kr_ssize nargs, KrObject *kwnames, bool repl) {
    static const char *const names[] = {"iterable", "r"};
    KrObject *a[2];
    if (parse_args(name, args, nargs, kwnames, names, 2, 2, 2, a) < 0) return NULL;
    kr_ssize r;
    if (get_r(a[1], &r) < 0) return NULL;
    KrObject *pool = kr_tuple_from_iterable(a[0]);
    if (!pool) return NULL;
    kr_ssize n = KR_SIZE(pool);
    Combi *c = combi_new(type, pool, r, r);
    if (!c) return NULL;
    for (kr_ssize i = 0; i < r; i++)
        c->indices[i] = repl ? 0 : i;
    if (repl ? (n == 0 && r > 0) : r > n) c->stopped = 1;
    return (KrObject *)c;
}

static KrObject *combinations_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                                   KrObject *kwnames) {
    return combinations_common("combinations", type, args, nargs, kwnames, false);
}
FI_CTOR_WRAPPERS(combinations)

static KrObject *combinations_next(KrObject *o) {
    Combi *c = (Combi *)o;
    if (c->stopped) return NULL;
    kr_ssize n = KR_SIZE(c->pool), r = c->r;
    if (!c->started) {
        c->started = 1;
        return combi_result(c->pool, c->indices, r);
    }
    kr_ssize i = r - 1;
    while (i >= 0 && c->indices[i] == i + n - r)
        i--;
    if (i < 0) {
        c->stopped = 1;
        return NULL;
    }
    c->indices[i]++;
    for (kr_ssize j = i + 1; j < r; j++)
        c->indices[j] = c->indices[j - 1] + 1;
    return combi_result(c->pool, c->indices, r);
}

TYPE_DEF(combinations, "combinations", Combi, "Return successive r-length combinations of "
                                              "elements in the iterable.\n\ncombinations(range(4"
                                              "), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)")
};

static KrObject *cwr_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                          KrObject *kwnames) {
    return combinations_common("combinations_with_replacement", type, args, nargs, kwnames,
                               true);
}
FI_CTOR_WRAPPERS(cwr)

static KrObject *cwr_next(KrObject *o) {
    Combi *c = (Combi *)o;
    if (c->stopped) return NULL;
    kr_ssize n = KR_SIZE(c->pool), r = c->r;
    if (!c->started) {
        c->started = 1;
        return combi_result(c->pool, c->indices, r);
    }
    kr_ssize i = r - 1;
    while (i >= 0 && c->indices[i] == n - 1)
        i--;
    if (i < 0) {
        c->stopped = 1;
        return NULL;
    }
    kr_ssize v = c->indices[i] + 1;
    for (kr_ssize j = i; j < r; j++)
        c->indices[j] = v;
    return combi_result(c->pool, c->indices, r);
}

TYPE_DEF(cwr, "combinations_with_replacement", Combi,
         "Return successive r-length combinations of elements in the iterable allowing "
         "individual elements to have successive repeats.")
};

/* ===========================================================================
 * The module
 * ========================================================================= */

static KrMethodDef itertools_functions[] = {
    {"tee", (void *)itertools_tee, KR_METH_FASTCALL,
     "Returns a tuple of n independent iterators."},
    {NULL, NULL, 0, NULL},
};

KrObject *kr_itertools_init(void) {
    static struct {
        const char *name;
        KrType *type;
    } types[] = {
        {"count", &count_type},
        {"cycle", &cycle_type},
        {"repeat", &repeat_type},
        {"accumulate", &accumulate_type},
        {"batched", &batched_type},
        {"chain", &chain_type},
        {"compress", &compress_type},
        {"dropwhile", &dropwhile_type},
        {"takewhile", &takewhile_type},
        {"filterfalse", &filterfalse_type},
        {"starmap", &starmap_type},
        {"groupby", &groupby_type},
        {"_grouper", &grouper_type},
        {"islice", &islice_type},
        {"pairwise", &pairwise_type},
        {"zip_longest", &zip_longest_type},
        {"_tee_dataobject", &teedata_type},
        {"_tee", &tee_type},
        {"product", &product_type},
        {"permutations", &permutations_type},
        {"combinations", &combinations_type},
        {"combinations_with_replacement", &cwr_type},
    };
    KrObject *m = kr_module_new_cstr("itertools");
    if (!m) return NULL;
    if (kr_module_add_functions(m, itertools_functions) < 0) goto fail;
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        if (kr_type_ready(types[i].type) < 0) goto fail;
        if (kr_module_add_object(m, types[i].name, KR_NEWREF(types[i].type)) < 0) goto fail;
    }
    return m;
fail:
    KR_DECREF(m);
    return NULL;
}
