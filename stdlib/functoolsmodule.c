/* functoolsmodule.c - _functools, the C half of functools: partial, reduce,
 * cmp_to_key and the lru_cache wrapper (_lru_cache_wrapper). functools.py builds the
 * rest (wraps, total_ordering, singledispatch, cached_property...) on top. */
#include <string.h>

#include "func_internal.h"

/* ===========================================================================
 * partial(func, /, *args, **keywords)
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *fn, *args, *kw, *dict, *weakreflist;
} Partial;

static KrType partial_type;

static KrObject *partial_tp_new(KrType *type, KrObject *args, KrObject *kwargs) {
    if (KR_SIZE(args) < 1) {
        kr_err_set_string(kr_exc_TypeError, "type 'partial' takes at least one argument");
        return NULL;
    }
    KrObject *func = KR_TUPLE_ITEM(args, 0);
    KrObject *pargs = NULL, *pkw = NULL;
    /* partial(partial(f, a), b) flattens to partial(f, a, b) when nothing else was set */
    if (KR_TYPE(func) == &partial_type && type == &partial_type &&
        ((Partial *)func)->dict == NULL) {
        Partial *inner = (Partial *)func;
        pargs = inner->args;
        pkw = inner->kw;
        func = inner->fn;
    }
    if (!KR_TYPE(func)->tp_call &&
        !(KR_TYPE(func)->tp_vectorcall_offset > 0)) {
        kr_err_set_string(kr_exc_TypeError, "the first argument must be callable");
        return NULL;
    }
    Partial *p = (Partial *)kr_type_generic_alloc(type, 0);
    if (!p) return NULL;
    p->fn = KR_NEWREF(func);
    KrObject *rest = kr_tuple_slice(args, 1, KR_SIZE(args));
    if (!rest) goto fail;
    if (pargs && KR_SIZE(pargs)) {
        kr_ssize n1 = KR_SIZE(pargs), n2 = KR_SIZE(rest);
        KrObject *t = kr_tuple_new(n1 + n2);
        if (!t) {
            KR_DECREF(rest);
            goto fail;
        }
        for (kr_ssize i = 0; i < n1; i++)
            KR_TUPLE_ITEM(t, i) = KR_NEWREF(KR_TUPLE_ITEM(pargs, i));
        for (kr_ssize i = 0; i < n2; i++)
            KR_TUPLE_ITEM(t, n1 + i) = KR_NEWREF(KR_TUPLE_ITEM(rest, i));
        KR_DECREF(rest);
        rest = t;
    }
    p->args = rest;
    p->kw = pkw ? kr_dict_copy(pkw) : kr_dict_new();
    if (!p->kw) goto fail;
    if (kwargs && kr_dict_merge(p->kw, kwargs, 1) < 0) goto fail;
    return (KrObject *)p;
fail:
    KR_DECREF(p);
    return NULL;
}

static int partial_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    Partial *p = (Partial *)o;
    KrObject *f[4] = {p->fn, p->args, p->kw, p->dict};
    for (int i = 0; i < 4; i++)
        if (f[i]) {
            int r = visit(f[i], arg);
            if (r) return r;
        }
    return 0;
}

static int partial_clear(KrObject *o) {
    Partial *p = (Partial *)o;
    KR_CLEAR(p->fn);
    KR_CLEAR(p->args);
    KR_CLEAR(p->kw);
    KR_CLEAR(p->dict);
    return 0;
}

static void partial_dealloc(KrObject *o) {
    kr_gc_untrack(o);
    partial_clear(o);
    kr_object_free(o);
}

static KrObject *partial_call(KrObject *o, KrObject *const *args, size_t nargsf,
                              KrObject *kwnames) {
    Partial *p = (Partial *)o;
    kr_ssize nargs = kr_vectorcall_nargs(nargsf);
    kr_ssize nkw = kwnames ? KR_SIZE(kwnames) : 0;
    kr_ssize npart = KR_SIZE(p->args), npkw = kr_dict_size(p->kw);
    if (npkw == 0) {
        kr_ssize total = npart + nargs + nkw;
        if (npart == 0) return kr_vectorcall(p->fn, args, (size_t)nargs, kwnames);
        KrObject *small[8], **stack = small;
        if (total > 8 && !(stack = kr_mem_malloc(sizeof(KrObject *) * (size_t)total)))
            return NULL;
        for (kr_ssize i = 0; i < npart; i++)
            stack[i] = KR_TUPLE_ITEM(p->args, i);
        for (kr_ssize i = 0; i < nargs + nkw; i++)
            stack[npart + i] = args[i];
        KrObject *r = kr_vectorcall(p->fn, stack, (size_t)(npart + nargs), kwnames);
        if (stack != small) kr_mem_free(stack);
        return r;
    }
    /* merge keywords: the call's keywords override the stored ones */
    KrObject *kw = kr_dict_copy(p->kw);
    if (!kw) return NULL;
    for (kr_ssize i = 0; i < nkw; i++)
        if (kr_dict_set_item(kw, KR_TUPLE_ITEM(kwnames, i), args[nargs + i]) < 0) {
            KR_DECREF(kw);
            return NULL;
        }
    KrObject *targs = kr_tuple_new(npart + nargs);
    if (!targs) {
        KR_DECREF(kw);
        return NULL;
    }
    for (kr_ssize i = 0; i < npart; i++)
        KR_TUPLE_ITEM(targs, i) = KR_NEWREF(KR_TUPLE_ITEM(p->args, i));
    for (kr_ssize i = 0; i < nargs; i++)
        KR_TUPLE_ITEM(targs, npart + i) = KR_NEWREF(args[i]);
    KrObject *r = kr_call(p->fn, targs, kw);
    KR_DECREF(targs);
    KR_DECREF(kw);
    return r;
}

static KrObject *partial_repr(KrObject *o) {
    Partial *p = (Partial *)o;
    int rc = kr_repr_enter(o);
    if (rc != 0) return rc > 0 ? kr_str_from_cstr("...") : NULL;
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    KrObject *name = NULL, *s = NULL;
    if (kr_type_has_flag(KR_TYPE(o), KR_TPFLAGS_HEAPTYPE)) {
        name = kr_type_name(KR_TYPE(o));
        if (!name) goto fail;
        if (kr_strbuilder_append_str(&b, name) < 0) goto fail;
    } else if (kr_strbuilder_append_cstr(&b, KR_TYPE(o)->tp_name) < 0) {
        goto fail;
    }
    if (kr_strbuilder_append_cstr(&b, "(") < 0) goto fail;
    if (!(s = kr_object_repr(p->fn)) || kr_strbuilder_append_str(&b, s) < 0) goto fail;
    KR_CLEAR(s);
    for (kr_ssize i = 0; i < KR_SIZE(p->args); i++) {
        if (kr_strbuilder_append_cstr(&b, ", ") < 0) goto fail;
        if (!(s = kr_object_repr(KR_TUPLE_ITEM(p->args, i))) || kr_strbuilder_append_str(&b, s) < 0)
            goto fail;
        KR_CLEAR(s);
    }
    kr_ssize pos = 0;
    KrObject *k, *v;
    while (kr_dict_next(p->kw, &pos, &k, &v)) {
        KR_INCREF(k);
        KR_INCREF(v);
        s = kr_str_from_format(", %S=%R", k, v);
        KR_DECREF(k);
        KR_DECREF(v);
        if (!s || kr_strbuilder_append_str(&b, s) < 0) goto fail;
        KR_CLEAR(s);
    }
    if (kr_strbuilder_append_cstr(&b, ")") < 0) goto fail;
    KR_XDECREF(name);
    kr_repr_leave(o);
    return kr_strbuilder_finish(&b);
fail:
    KR_XDECREF(name);
    KR_XDECREF(s);
    kr_repr_leave(o);
    kr_strbuilder_discard(&b);
    return NULL;
}

static KrObject *partial_get_dict(KrObject *o, void *c) {
    Partial *p = (Partial *)o;
    if (!p->dict && !(p->dict = kr_dict_new())) return NULL;
    return KR_NEWREF(p->dict);
}

static int partial_set_dict(KrObject *o, KrObject *v, void *c) {
    if (!v || !KR_DICT_CHECK(v)) {
        kr_err_set_string(kr_exc_TypeError, "setting partial object's dictionary to a non-dict");
        return -1;
    }
    KR_INCREF(v);
    KR_SETREF(((Partial *)o)->dict, v);
    return 0;
}

static KrObject *partial_reduce(KrObject *o, KrObject *unused) {
    Partial *p = (Partial *)o;
    KrObject *fn = kr_tuple_pack(1, p->fn);
    if (!fn) return NULL;
    KrObject *state = kr_tuple_pack(4, p->fn, p->args, p->kw, p->dict ? p->dict : kr_none);
    KrObject *r = state ? kr_tuple_pack(3, (KrObject *)KR_TYPE(o), fn, state) : NULL;
    KR_DECREF(fn);
    KR_XDECREF(state);
    return r;
}

static KrObject *partial_setstate(KrObject *o, KrObject *state) {
    Partial *p = (Partial *)o;
    if (!KR_TUPLE_CHECK(state) || KR_SIZE(state) != 4) {
        kr_err_set_string(kr_exc_TypeError, "invalid partial state");
        return NULL;
    }
    KrObject *fn = KR_TUPLE_ITEM(state, 0), *a = KR_TUPLE_ITEM(state, 1),
             *kw = KR_TUPLE_ITEM(state, 2), *d = KR_TUPLE_ITEM(state, 3);
    if (!KR_TUPLE_CHECK(a) || (kw != kr_none && !KR_DICT_CHECK(kw))) {
        kr_err_set_string(kr_exc_TypeError, "invalid partial state");
        return NULL;
    }
    KrObject *nkw = kw == kr_none ? kr_dict_new() : kr_dict_copy(kw);
    KrObject *na = kr_tuple_from_array(KR_TUPLE_ITEMS(a), KR_SIZE(a));
    if (!nkw || !na) {
        KR_XDECREF(nkw);
        KR_XDECREF(na);
        return NULL;
    }
    KR_SETREF(p->fn, KR_NEWREF(fn));
    KR_SETREF(p->args, na);
    KR_SETREF(p->kw, nkw);
    if (d == kr_none)
        KR_CLEAR(p->dict);
    else
        KR_SETREF(p->dict, KR_NEWREF(d));
    return KR_NEWREF(kr_none);
}

static KrObject *generic_class_getitem(KrObject *cls, KrObject *arg) {
    KrObject *types = kr_import_module("types");
    if (!types) return NULL;
    KrObject *ga = kr_object_getattr_str(types, "GenericAlias");
    KR_DECREF(types);
    if (!ga) return NULL;
    KrObject *pair[2] = {cls, arg};
    KrObject *r = kr_vectorcall(ga, pair, 2, NULL);
    KR_DECREF(ga);
    return r;
}

static KrMemberDef partial_members[] = {
    {"func", KR_MEMBER_OBJECT, offsetof(Partial, fn), KR_MEMBER_READONLY,
     "function object to use in future partial calls"},
    {"args", KR_MEMBER_OBJECT, offsetof(Partial, args), KR_MEMBER_READONLY,
     "tuple of arguments to future partial calls"},
    {"keywords", KR_MEMBER_OBJECT, offsetof(Partial, kw), KR_MEMBER_READONLY,
     "dictionary of keyword arguments to future partial calls"},
    {NULL, 0, 0, 0, NULL},
};

static KrGetSetDef partial_getset[] = {
    {"__dict__", partial_get_dict, partial_set_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static KrMethodDef partial_methods[] = {
    {"__reduce__", (void *)partial_reduce, KR_METH_NOARGS, NULL},
    {"__setstate__", (void *)partial_setstate, KR_METH_O, NULL},
    {"__class_getitem__", (void *)generic_class_getitem, KR_METH_O | KR_METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static KrType partial_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "functools.partial",
    .tp_basicsize = sizeof(Partial),
    .tp_dealloc = partial_dealloc,
    .tp_repr = partial_repr,
    .tp_call = partial_call,
    .tp_getattro = kr_object_generic_getattr,
    .tp_setattro = kr_object_generic_setattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "partial(func, *args, **keywords) - new function with partial application\n    of "
              "the given arguments and keywords.\n",
    .tp_traverse = partial_traverse,
    .tp_clear = partial_clear,
    .tp_weaklistoffset = offsetof(Partial, weakreflist),
    .tp_methods = partial_methods,
    .tp_members = partial_members,
    .tp_getset = partial_getset,
    .tp_dictoffset = offsetof(Partial, dict),
    .tp_new = partial_tp_new,
};

/* ===========================================================================
 * reduce(function, iterable[, initial])
 * ========================================================================= */

static KrObject *functools_reduce(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("reduce", nargs, 2, 3) < 0) return NULL;
    KrObject *func = args[0];
    KrObject *it = kr_object_get_iter(args[1]);
    if (!it) {
        if (kr_err_matches(kr_exc_TypeError)) {
            kr_err_clear();
            kr_err_set_string(kr_exc_TypeError, "reduce() arg 2 must support iteration");
        }
        return NULL;
    }
    KrObject *acc = nargs == 3 ? KR_NEWREF(args[2]) : NULL;
    for (;;) {
        KrObject *item = kr_iter_next(it);
        if (!item) {
            if (kr_err_occurred()) goto fail;
            break;
        }
        if (!acc) {
            acc = item;
            continue;
        }
        KrObject *pair[2] = {acc, item};
        KrObject *r = kr_vectorcall(func, pair, 2, NULL);
        KR_DECREF(item);
        if (!r) goto fail;
        KR_SETREF(acc, r);
    }
    KR_DECREF(it);
    if (!acc)
        kr_err_set_string(kr_exc_TypeError, "reduce() of empty iterable with no initial value");
    return acc;
fail:
    KR_DECREF(it);
    KR_XDECREF(acc);
    return NULL;
}

/* ===========================================================================
 * cmp_to_key(mycmp) -> functools.KeyWrapper
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *cmp, *obj;
} KeyWrapper;
FI_GC_FUNCS(keywrapper, KeyWrapper, cmp, 2)

static KrType keywrapper_type;

static KrObject *keywrapper_call(KrObject *o, KrObject *const *args, size_t nargsf,
                                 KrObject *kwnames) {
    kr_ssize nargs = kr_vectorcall_nargs(nargsf);
    static const char *const kwlist[] = {"obj", NULL};
    KrObject *obj;
    if (kr_arg_parse(args, nargs, kwnames, "O:K", kwlist, &obj) < 0) return NULL;
    KeyWrapper *k = (KeyWrapper *)kr_type_generic_alloc(&keywrapper_type, 0);
    if (!k) return NULL;
    k->cmp = KR_NEWREF(((KeyWrapper *)o)->cmp);
    k->obj = KR_NEWREF(obj);
    return (KrObject *)k;
}

static KrObject *keywrapper_richcompare(KrObject *a, KrObject *b, int op) {
    if (KR_TYPE(b) != &keywrapper_type) {
        kr_err_set_string(kr_exc_TypeError, "other argument must be K instance");
        return NULL;
    }
    KeyWrapper *ka = (KeyWrapper *)a, *kb = (KeyWrapper *)b;
    if (!ka->obj || !kb->obj) {
        kr_err_format(kr_exc_AttributeError, "object");
        return NULL;
    }
    KrObject *pair[2] = {ka->obj, kb->obj};
    KrObject *res = kr_vectorcall(ka->cmp, pair, 2, NULL);
    if (!res) return NULL;
    KrObject *zero = kr_int_from_i64(0);
    KrObject *r = kr_object_richcompare(res, zero, op);
    KR_DECREF(res);
    KR_DECREF(zero);
    return r;
}

static KrMemberDef keywrapper_members[] = {
    {"obj", KR_MEMBER_OBJECT, offsetof(KeyWrapper, obj), 0,
     "Value wrapped by a key function."},
    {NULL, 0, 0, 0, NULL},
};

static KrType keywrapper_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "functools.KeyWrapper",
    .tp_basicsize = sizeof(KeyWrapper),
    .tp_dealloc = keywrapper_dealloc,
    .tp_hash = kr_object_hash_not_implemented,
    .tp_call = keywrapper_call,
    .tp_getattro = kr_object_generic_getattr,
    .tp_setattro = kr_object_generic_setattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_traverse = keywrapper_traverse,
    .tp_clear = keywrapper_clear,
    .tp_richcompare = keywrapper_richcompare,
    .tp_members = keywrapper_members,
};

static KrObject *functools_cmp_to_key(KrObject *self, KrObject *const *args, kr_ssize nargs,
                                      KrObject *kwnames) {
    static const char *const kwlist[] = {"mycmp", NULL};
    KrObject *cmp;
    if (kr_arg_parse(args, nargs, kwnames, "O:cmp_to_key", kwlist, &cmp) < 0) return NULL;
    KeyWrapper *k = (KeyWrapper *)kr_type_generic_alloc(&keywrapper_type, 0);
    if (!k) return NULL;
    k->cmp = KR_NEWREF(cmp);
    return (KrObject *)k;
}

/* ===========================================================================
 * _lru_cache_wrapper(user_function, maxsize, typed, cache_info_type)
 * ========================================================================= */

/* One cache entry; entries form a circular doubly linked list through the
 * wrapper's root, most recently used last. */
typedef struct LruLink {
    KR_OBJECT_HEAD;
    struct LruLink *prev, *next; /* borrowed */
    KrObject *key, *result;
} LruLink;

static void lrulink_dealloc(KrObject *o) {
    LruLink *l = (LruLink *)o;
    kr_gc_untrack(o);
    KR_CLEAR(l->key);
    KR_CLEAR(l->result);
    kr_object_free(o);
}

static int lrulink_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    LruLink *l = (LruLink *)o;
    int r = l->key ? visit(l->key, arg) : 0;
    return r ? r : (l->result ? visit(l->result, arg) : 0);
}

static int lrulink_clear(KrObject *o) {
    KR_CLEAR(((LruLink *)o)->key);
    KR_CLEAR(((LruLink *)o)->result);
    return 0;
}

static KrType lrulink_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "functools._lru_list_elem",
    .tp_basicsize = sizeof(LruLink),
    .tp_dealloc = lrulink_dealloc,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_traverse = lrulink_traverse,
    .tp_clear = lrulink_clear,
};

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *func, *cache, *cache_info_type, *dict;
    KrObject *weakreflist;
    LruLink root; /* sentinel; only prev/next are used */
    kr_ssize maxsize; /* -1: unbounded */
    int typed;
    kr_ssize hits, misses;
} LruWrapper;

static KrType lru_type;
static KrObject *kwd_mark_obj; /* the separator between positional and keyword parts */

static void lru_unlink(LruLink *l) {
    l->prev->next = l->next;
    l->next->prev = l->prev;
}

static void lru_append(LruWrapper *w, LruLink *l) {
    LruLink *root = &w->root, *last = root->prev;
    last->next = root->prev = l;
    l->prev = last;
    l->next = root;
}

/* The cache key of a call: a lone int/str argument is its own key; otherwise a tuple
 * of the arguments, a marker and the keyword items, plus the argument types if typed. */
static KrObject *lru_make_key(LruWrapper *w, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    kr_ssize nkw = kwnames ? KR_SIZE(kwnames) : 0;
    if (nkw == 0 && nargs == 1 && !w->typed &&
        (KR_INT_CHECK_EXACT(args[0]) || KR_STR_CHECK_EXACT(args[0])))
        return KR_NEWREF(args[0]);
    if (nkw == 0 && !w->typed) return kr_tuple_from_array(args, nargs);
    kr_ssize size = nargs + (nkw ? 1 + 2 * nkw : 0) + (w->typed ? nargs + nkw : 0);
    KrObject *key = kr_tuple_new(size);
    if (!key) return NULL;
    kr_ssize j = 0;
    for (kr_ssize i = 0; i < nargs; i++)
        KR_TUPLE_ITEM(key, j++) = KR_NEWREF(args[i]);
    if (nkw) {
        KR_TUPLE_ITEM(key, j++) = KR_NEWREF(kwd_mark_obj);
        for (kr_ssize i = 0; i < nkw; i++) {
            KR_TUPLE_ITEM(key, j++) = KR_NEWREF(KR_TUPLE_ITEM(kwnames, i));
            KR_TUPLE_ITEM(key, j++) = KR_NEWREF(args[nargs + i]);
        }
    }
    if (w->typed) {
        for (kr_ssize i = 0; i < nargs; i++)
            KR_TUPLE_ITEM(key, j++) = KR_NEWREF(KR_TYPE(args[i]));
        for (kr_ssize i = 0; i < nkw; i++)
            KR_TUPLE_ITEM(key, j++) = KR_NEWREF(KR_TYPE(args[nargs + i]));
    }
    return key;
}

static KrObject *lru_call(KrObject *o, KrObject *const *args, size_t nargsf, KrObject *kwnames) {
    LruWrapper *w = (LruWrapper *)o;
    kr_ssize nargs = kr_vectorcall_nargs(nargsf);
    if (w->maxsize == 0) {
        w->misses++;
        return kr_vectorcall(w->func, args, (size_t)nargs, kwnames);
    }
    KrObject *key = lru_make_key(w, args, nargs, kwnames);
    if (!key) return NULL;
    kr_hash h = kr_object_hash(key);
    if (h == -1) {
        KR_DECREF(key);
        return NULL;
    }
    KrObject *found = kr_dict_get_item_known_hash(w->cache, key, h);
    if (found) {
        w->hits++;
        if (w->maxsize > 0) {
            LruLink *l = (LruLink *)found;
            lru_unlink(l);
            lru_append(w, l);
            found = l->result;
        }
        KR_DECREF(key);
        return KR_NEWREF(found);
    }
    if (kr_err_occurred()) {
        KR_DECREF(key);
        return NULL;
    }
    w->misses++;
    KrObject *result = kr_vectorcall(w->func, args, (size_t)nargs, kwnames);
    if (!result) {
        KR_DECREF(key);
        return NULL;
    }
    if (w->maxsize < 0) {
        if (kr_dict_set_item(w->cache, key, result) < 0) {
            KR_DECREF(key);
            KR_DECREF(result);
            return NULL;
        }
        KR_DECREF(key);
        return result;
    }
    /* a recursive call may have cached this key meanwhile */
    if (kr_dict_get_item_known_hash(w->cache, key, h) || kr_err_occurred()) {
        KR_DECREF(key);
        if (kr_err_occurred()) {
            KR_DECREF(result);
            return NULL;
        }
        return result;
    }
    if (kr_dict_size(w->cache) >= w->maxsize && w->root.next != &w->root) {
        /* evict the least recently used entry */
        LruLink *old = w->root.next;
        lru_unlink(old);
        KR_INCREF(old);
        int r = kr_dict_del_item(w->cache, old->key);
        KR_DECREF(old);
        if (r < 0) {
            KR_DECREF(key);
            KR_DECREF(result);
            return NULL;
        }
    }
    LruLink *l = (LruLink *)kr_type_generic_alloc(&lrulink_type, 0);
    if (!l) {
        KR_DECREF(key);
        KR_DECREF(result);
        return NULL;
    }
    l->key = key;
    l->result = KR_NEWREF(result);
    if (kr_dict_set_item(w->cache, key, (KrObject *)l) < 0) {
        KR_DECREF(l);
        KR_DECREF(result);
        return NULL;
    }
    lru_append(w, l);
    KR_DECREF(l);
    return result;
}

static void lru_clear_list(LruWrapper *w) {
    w->root.prev = w->root.next = &w->root;
}

static KrObject *lru_tp_new(KrType *type, KrObject *args, KrObject *kwargs) {
    static const char *const kwlist[] = {"user_function", "maxsize", "typed", "cache_info_type",
                                         NULL};
    KrObject *func, *maxsize, *typed, *info;
    kr_ssize nkw = kwargs ? kr_dict_size(kwargs) : 0;
    if (nkw) {
        kr_err_set_string(kr_exc_TypeError, "_lru_cache_wrapper() takes no keyword arguments");
        return NULL;
    }
    if (kr_arg_parse(KR_TUPLE_ITEMS(args), KR_SIZE(args), NULL, "OOOO:_lru_cache_wrapper",
                     kwlist, &func, &maxsize, &typed, &info) < 0)
        return NULL;
    if (!KR_TYPE(func)->tp_call && !(KR_TYPE(func)->tp_vectorcall_offset > 0)) {
        kr_err_set_string(kr_exc_TypeError, "the first argument must be callable");
        return NULL;
    }
    kr_ssize ms;
    if (maxsize == kr_none) {
        ms = -1;
    } else if (KR_INT_CHECK(maxsize)) {
        ms = kr_number_as_ssize(maxsize, NULL);
        if (ms == -1 && kr_err_occurred()) return NULL;
        if (ms < 0) ms = 0;
    } else {
        kr_err_set_string(kr_exc_TypeError, "maxsize should be integer or None");
        return NULL;
    }
    int t = kr_object_is_true(typed);
    if (t < 0) return NULL;
    LruWrapper *w = (LruWrapper *)kr_type_generic_alloc(type, 0);
    if (!w) return NULL;
    w->cache = kr_dict_new();
    if (!w->cache) {
        KR_DECREF(w);
        return NULL;
    }
    w->func = KR_NEWREF(func);
    w->cache_info_type = KR_NEWREF(info);
    w->maxsize = ms;
    w->typed = t;
    lru_clear_list(w);
    return (KrObject *)w;
}

static int lru_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    LruWrapper *w = (LruWrapper *)o;
    KrObject *f[4] = {w->func, w->cache, w->cache_info_type, w->dict};
    for (int i = 0; i < 4; i++)
        if (f[i]) {
            int r = visit(f[i], arg);
            if (r) return r;
        }
    return 0;
}

static int lru_clear(KrObject *o) {
    LruWrapper *w = (LruWrapper *)o;
    lru_clear_list(w);
    KR_CLEAR(w->func);
    KR_CLEAR(w->cache);
    KR_CLEAR(w->cache_info_type);
    KR_CLEAR(w->dict);
    return 0;
}

static void lru_dealloc(KrObject *o) {
    kr_gc_untrack(o);
    lru_clear(o);
    kr_object_free(o);
}

static KrObject *lru_descr_get(KrObject *self, KrObject *obj, KrObject *type) {
    if (!obj || obj == kr_none) return KR_NEWREF(self);
    return kr_method_new(self, obj);
}

static KrObject *lru_cache_info(KrObject *o, KrObject *unused) {
    LruWrapper *w = (LruWrapper *)o;
    KrObject *v[4];
    v[0] = kr_int_from_ssize(w->hits);
    v[1] = kr_int_from_ssize(w->misses);
    v[2] = w->maxsize < 0 ? KR_NEWREF(kr_none) : kr_int_from_ssize(w->maxsize);
    v[3] = kr_int_from_ssize(kr_dict_size(w->cache));
    KrObject *r = NULL;
    if (v[0] && v[1] && v[2] && v[3]) r = kr_vectorcall(w->cache_info_type, v, 4, NULL);
    for (int i = 0; i < 4; i++)
        KR_XDECREF(v[i]);
    return r;
}

static KrObject *lru_cache_clear(KrObject *o, KrObject *unused) {
    LruWrapper *w = (LruWrapper *)o;
    w->hits = w->misses = 0;
    lru_clear_list(w);
    KrObject *old = w->cache;
    w->cache = kr_dict_new();
    if (!w->cache) {
        w->cache = old;
        return NULL;
    }
    KR_DECREF(old);
    return KR_NEWREF(kr_none);
}

static KrObject *lru_copy(KrObject *o, KrObject *unused) { return KR_NEWREF(o); }
static KrObject *lru_deepcopy(KrObject *o, KrObject *memo) { return KR_NEWREF(o); }

static KrObject *lru_reduce(KrObject *o, KrObject *unused) {
    return kr_object_getattr_str(o, "__qualname__");
}

static KrObject *lru_get_dict(KrObject *o, void *c) {
    LruWrapper *w = (LruWrapper *)o;
    if (!w->dict && !(w->dict = kr_dict_new())) return NULL;
    return KR_NEWREF(w->dict);
}

static int lru_set_dict(KrObject *o, KrObject *v, void *c) {
    if (!v || !KR_DICT_CHECK(v)) {
        kr_err_set_string(kr_exc_TypeError, "__dict__ must be set to a dictionary");
        return -1;
    }
    KR_INCREF(v);
    KR_SETREF(((LruWrapper *)o)->dict, v);
    return 0;
}

static KrMethodDef lru_methods[] = {
    {"cache_info", (void *)lru_cache_info, KR_METH_NOARGS, "Report cache statistics"},
    {"cache_clear", (void *)lru_cache_clear, KR_METH_NOARGS,
     "Clear the cache and cache statistics"},
    {"__copy__", (void *)lru_copy, KR_METH_NOARGS, NULL},
    {"__deepcopy__", (void *)lru_deepcopy, KR_METH_O, NULL},
    {"__reduce__", (void *)lru_reduce, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KrGetSetDef lru_getset[] = {
    {"__dict__", lru_get_dict, lru_set_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static KrType lru_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "functools._lru_cache_wrapper",
    .tp_basicsize = sizeof(LruWrapper),
    .tp_dealloc = lru_dealloc,
    .tp_call = lru_call,
    .tp_getattro = kr_object_generic_getattr,
    .tp_setattro = kr_object_generic_setattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE | KR_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_doc = "Create a cached callable that wraps another function.",
    .tp_traverse = lru_traverse,
    .tp_clear = lru_clear,
    .tp_weaklistoffset = offsetof(LruWrapper, weakreflist),
    .tp_methods = lru_methods,
    .tp_getset = lru_getset,
    .tp_descr_get = lru_descr_get,
    .tp_dictoffset = offsetof(LruWrapper, dict),
    .tp_new = lru_tp_new,
};

/* ===========================================================================
 * The module
 * ========================================================================= */

static KrMethodDef functools_functions[] = {
    {"reduce", (void *)functools_reduce, KR_METH_FASTCALL,
     "reduce(function, iterable[, initial]) -> value\n\nApply a function of two arguments "
     "cumulatively to the items of a sequence\nor iterable, from left to right, so as to "
     "reduce the iterable to a single\nvalue."},
    {"cmp_to_key", (void *)functools_cmp_to_key, KR_METH_FASTCALL | KR_METH_KEYWORDS,
     "Convert a cmp= function into a key= function."},
    {NULL, NULL, 0, NULL},
};

KrObject *kr_functools_init(void) {
    KrType *types[] = {&partial_type, &keywrapper_type, &lrulink_type, &lru_type};
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        if (kr_type_ready(types[i]) < 0) return NULL;
    if (!kwd_mark_obj) {
        kwd_mark_obj = kr_object_new(&kr_object_type);
        if (!kwd_mark_obj) return NULL;
    }
    KrObject *m = kr_module_new_cstr("_functools");
    if (!m) return NULL;
    if (kr_module_add_functions(m, functools_functions) < 0 ||
        kr_module_add_object(m, "partial", KR_NEWREF(&partial_type)) < 0 ||
        kr_module_add_object(m, "KeyWrapper", KR_NEWREF(&keywrapper_type)) < 0 ||
        kr_module_add_object(m, "_lru_cache_wrapper", KR_NEWREF(&lru_type)) < 0) {
        KR_DECREF(m);
        return NULL;
    }
    return m;
}
