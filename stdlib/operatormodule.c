/* operatormodule.c - _operator: the standard operators as functions (add, lt,
 * getitem, iadd, ...) and the callable helpers itemgetter, attrgetter and
 * methodcaller. operator.py re-exports these and adds the dunder aliases. */
#include <string.h>

#include "func_internal.h"

/* ===========================================================================
 * Operator functions
 * ========================================================================= */

static int two_args(const char *name, kr_ssize nargs) {
    return kr_arg_check_positional(name, nargs, 2, 2);
}

#define BINOP(NAME, NB)                                                                    \
    static KrObject *op_##NAME(KrObject *m, KrObject *const *a, kr_ssize n) {              \
        if (two_args(#NAME, n) < 0) return NULL;                                           \
        return kr_number_binary_op(a[0], a[1], NB);                                        \
    }
BINOP(add, KR_NB_ADD)
BINOP(sub, KR_NB_SUBTRACT)
BINOP(mul, KR_NB_MULTIPLY)
BINOP(matmul, KR_NB_MATRIX_MULTIPLY)
BINOP(truediv, KR_NB_TRUE_DIVIDE)
BINOP(floordiv, KR_NB_FLOOR_DIVIDE)
BINOP(mod, KR_NB_REMAINDER)
BINOP(pow, KR_NB_POWER)
BINOP(lshift, KR_NB_LSHIFT)
BINOP(rshift, KR_NB_RSHIFT)
BINOP(and_, KR_NB_AND)
BINOP(or_, KR_NB_OR)
BINOP(xor, KR_NB_XOR)
BINOP(iadd, KR_NB_INPLACE_ADD)
BINOP(isub, KR_NB_INPLACE_SUBTRACT)
BINOP(imul, KR_NB_INPLACE_MULTIPLY)
BINOP(imatmul, KR_NB_INPLACE_MATRIX_MULTIPLY)
BINOP(itruediv, KR_NB_INPLACE_TRUE_DIVIDE)
BINOP(ifloordiv, KR_NB_INPLACE_FLOOR_DIVIDE)
BINOP(imod, KR_NB_INPLACE_REMAINDER)
BINOP(ipow, KR_NB_INPLACE_POWER)
BINOP(ilshift, KR_NB_INPLACE_LSHIFT)
BINOP(irshift, KR_NB_INPLACE_RSHIFT)
BINOP(iand, KR_NB_INPLACE_AND)
BINOP(ior, KR_NB_INPLACE_OR)
BINOP(ixor, KR_NB_INPLACE_XOR)

#define CMPOP(NAME, OP)                                                                    \
    static KrObject *op_##NAME(KrObject *m, KrObject *const *a, kr_ssize n) {              \
        if (two_args(#NAME, n) < 0) return NULL;                                           \
        return kr_object_richcompare(a[0], a[1], OP);                                      \
    }
CMPOP(lt, KR_LT)
CMPOP(le, KR_LE)
CMPOP(eq, KR_EQ)
CMPOP(ne, KR_NE)
CMPOP(gt, KR_GT)
CMPOP(ge, KR_GE)

static KrObject *op_neg(KrObject *m, KrObject *a) { return kr_number_negative(a); }
static KrObject *op_pos(KrObject *m, KrObject *a) { return kr_number_positive(a); }
static KrObject *op_abs(KrObject *m, KrObject *a) { return kr_number_absolute(a); }
static KrObject *op_inv(KrObject *m, KrObject *a) { return kr_number_invert(a); }
static KrObject *op_index(KrObject *m, KrObject *a) { return kr_number_index(a); }

static KrObject *op_not_(KrObject *m, KrObject *a) {
    int r = kr_object_not(a);
    return r < 0 ? NULL : KR_NEWREF(kr_bool_from(r));
}

static KrObject *op_truth(KrObject *m, KrObject *a) {
    int r = kr_object_is_true(a);
    return r < 0 ? NULL : KR_NEWREF(kr_bool_from(r));
}

static KrObject *op_is_(KrObject *m, KrObject *const *a, kr_ssize n) {
    if (two_args("is_", n) < 0) return NULL;
    return KR_NEWREF(kr_bool_from(a[0] == a[1]));
}

static KrObject *op_is_not(KrObject *m, KrObject *const *a, kr_ssize n) {
    if (two_args("is_not", n) < 0) return NULL;
    return KR_NEWREF(kr_bool_from(a[0] != a[1]));
}

static bool has_getitem(KrObject *o) {
    KrType *t = KR_TYPE(o);
    return (t->tp_as_sequence && t->tp_as_sequence->sq_item) ||
           (t->tp_as_mapping && t->tp_as_mapping->mp_subscript);
}

static KrObject *op_concat(KrObject *m, KrObject *const *a, kr_ssize n) {
    if (two_args("concat", n) < 0) return NULL;
    if (!has_getitem(a[0]))
        return kr_err_format(kr_exc_TypeError, "'%T' object can't be concatenated", a[0]);
    return kr_number_add(a[0], a[1]);
}

static KrObject *op_iconcat(KrObject *m, KrObject *const *a, kr_ssize n) {
    if (two_args("iconcat", n) < 0) return NULL;
    if (!has_getitem(a[0]))
        return kr_err_format(kr_exc_TypeError, "'%T' object can't be concatenated", a[0]);
    return kr_number_binary_op(a[0], a[1], KR_NB_INPLACE_ADD);
}

static KrObject *op_contains(KrObject *m, KrObject *const *a, kr_ssize n) {
    if (two_args("contains", n) < 0) return NULL;
    int r = kr_object_contains(a[0], a[1]);
    return r < 0 ? NULL : KR_NEWREF(kr_bool_from(r));
}

/* countOf / indexOf: identity-or-equality scan over an iterable */
static KrObject *scan(KrObject *seq, KrObject *v, bool count) {
    KrObject *it = kr_object_get_iter(seq);
    if (!it) return NULL;
    kr_ssize n = 0, i = 0;
    for (;; i++) {
        KrObject *item = kr_iter_next(it);
        if (!item) break;
        int eq = item == v ? 1 : kr_object_richcompare_bool(item, v, KR_EQ);
        KR_DECREF(item);
        if (eq < 0) {
            KR_DECREF(it);
            return NULL;
        }
        if (eq) {
            if (!count) {
                KR_DECREF(it);
                return kr_int_from_ssize(i);
            }
            n++;
        }
    }
    KR_DECREF(it);
    if (kr_err_occurred()) return NULL;
    if (count) return kr_int_from_ssize(n);
    kr_err_set_string(kr_exc_ValueError, "sequence.index(x): x not in sequence");
    return NULL;
}

static KrObject *op_countOf(KrObject *m, KrObject *const *a, kr_ssize n) {
    if (two_args("countOf", n) < 0) return NULL;
    return scan(a[0], a[1], true);
}

static KrObject *op_indexOf(KrObject *m, KrObject *const *a, kr_ssize n) {
    if (two_args("indexOf", n) < 0) return NULL;
    return scan(a[0], a[1], false);
}

static KrObject *op_getitem(KrObject *m, KrObject *const *a, kr_ssize n) {
    if (two_args("getitem", n) < 0) return NULL;
    return kr_object_get_item(a[0], a[1]);
}

static KrObject *op_setitem(KrObject *m, KrObject *const *a, kr_ssize n) {
    if (kr_arg_check_positional("setitem", n, 3, 3) < 0) return NULL;
    if (kr_object_set_item(a[0], a[1], a[2]) < 0) return NULL;
    return KR_NEWREF(kr_none);
}

static KrObject *op_delitem(KrObject *m, KrObject *const *a, kr_ssize n) {
    if (two_args("delitem", n) < 0) return NULL;
    if (kr_object_del_item(a[0], a[1]) < 0) return NULL;
    return KR_NEWREF(kr_none);
}

static KrObject *op_length_hint(KrObject *m, KrObject *const *a, kr_ssize n) {
    if (kr_arg_check_positional("length_hint", n, 1, 2) < 0) return NULL;
    kr_ssize deflt = 0;
    if (n == 2) {
        if (!KR_INT_CHECK(a[1]))
            return kr_err_format(kr_exc_TypeError,
                                 "'%T' object cannot be interpreted as an integer", a[1]);
        deflt = kr_number_as_ssize(a[1], kr_exc_OverflowError);
        if (deflt == -1 && kr_err_occurred()) return NULL;
    }
    kr_ssize r = kr_object_length_hint(a[0], deflt);
    if (r < 0) return NULL;
    return kr_int_from_ssize(r);
}

static KrObject *op_call(KrObject *m, KrObject *const *a, kr_ssize n, KrObject *kwnames) {
    if (n < 1) {
        kr_err_set_string(kr_exc_TypeError, "call() missing 1 required positional argument: 'obj'");
        return NULL;
    }
    return kr_vectorcall(a[0], a + 1, (size_t)(n - 1), kwnames);
}

/* _compare_digest(a, b): constant-time comparison of str (ASCII) or bytes-like. */
static KrObject *op_compare_digest(KrObject *m, KrObject *const *a, kr_ssize n) {
    if (two_args("_compare_digest", n) < 0) return NULL;
    const char *pa, *pb;
    kr_ssize la, lb;
    if (KR_STR_CHECK(a[0]) && KR_STR_CHECK(a[1])) {
        if (!((KrStr *)a[0])->ascii || !((KrStr *)a[1])->ascii) {
            kr_err_set_string(kr_exc_TypeError,
                              "comparing strings with non-ASCII characters is not supported");
            return NULL;
        }
        pa = kr_str_data(a[0]);
        la = kr_str_size(a[0]);
        pb = kr_str_data(a[1]);
        lb = kr_str_size(a[1]);
    } else if (kr_bytes_like_view(a[0], &pa, &la) && kr_bytes_like_view(a[1], &pb, &lb)) {
    } else {
        return kr_err_format(kr_exc_TypeError,
                             "unsupported operand types(s) or combination of types: '%T' and '%T'",
                             a[0], a[1]);
    }
    unsigned char diff = la != lb;
    const char *left = la == lb ? pa : pb;
    for (kr_ssize i = 0; i < lb; i++)
        diff |= (unsigned char)(left[i] ^ pb[i]);
    return KR_NEWREF(kr_bool_from(diff == 0));
}

/* ===========================================================================
 * itemgetter(item, ...)
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *items; /* tuple */
} ItemGetter;
FI_GC_FUNCS(itemgetter, ItemGetter, items, 1)

static KrType itemgetter_type, attrgetter_type, methodcaller_type;

static KrObject *itemgetter_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                                 KrObject *kwnames) {
    if (fi_no_kwargs("itemgetter", kwnames) < 0) return NULL;
    if (nargs < 1) {
        kr_err_set_string(kr_exc_TypeError, "itemgetter expected 1 argument, got 0");
        return NULL;
    }
    ItemGetter *g = (ItemGetter *)kr_type_generic_alloc(type, 0);
    if (!g) return NULL;
    g->items = kr_tuple_from_array(args, nargs);
    if (!g->items) {
        KR_DECREF(g);
        return NULL;
    }
    return (KrObject *)g;
}
FI_CTOR_WRAPPERS(itemgetter)

static KrObject *itemgetter_call(KrObject *o, KrObject *const *args, size_t nargsf,
                                 KrObject *kwnames) {
    kr_ssize nargs = kr_vectorcall_nargs(nargsf);
    if (fi_no_kwargs("itemgetter", kwnames) < 0) return NULL;
    if (kr_arg_check_positional("itemgetter", nargs, 1, 1) < 0) return NULL;
    KrObject *items = ((ItemGetter *)o)->items;
    kr_ssize n = KR_SIZE(items);
    if (n == 1) return kr_object_get_item(args[0], KR_TUPLE_ITEM(items, 0));
    KrObject *t = kr_tuple_new(n);
    if (!t) return NULL;
    for (kr_ssize i = 0; i < n; i++) {
        KrObject *v = kr_object_get_item(args[0], KR_TUPLE_ITEM(items, i));
        if (!v) {
            for (kr_ssize j = i; j < n; j++)
                KR_TUPLE_ITEM(t, j) = KR_NEWREF(kr_none);
            KR_DECREF(t);
            return NULL;
        }
        KR_TUPLE_ITEM(t, i) = v;
    }
    return t;
}

/* "operator.NAME(args)" with the stored arguments' reprs. */
static KrObject *repr_with_args(KrObject *o, KrObject *args, kr_ssize start) {
    int rc = kr_repr_enter(o);
    if (rc != 0) return rc > 0 ? kr_str_from_format("%s(...)", KR_TYPE(o)->tp_name) : NULL;
    KrObject *sep = kr_str_from_cstr(", ");
    KrObject *parts = kr_list_new(0), *r = NULL;
    if (!sep || !parts) goto done;
    for (kr_ssize i = start; i < KR_SIZE(args); i++) {
        KrObject *s = kr_object_repr(KR_TUPLE_ITEM(args, i));
        if (!s || kr_list_append_steal(parts, s) < 0) goto done;
    }
    KrObject *joined = kr_str_join(sep, parts);
    if (joined) {
        r = kr_str_from_format("%s(%U)", KR_TYPE(o)->tp_name, joined);
        KR_DECREF(joined);
    }
done:
    KR_XDECREF(sep);
    KR_XDECREF(parts);
    kr_repr_leave(o);
    return r;
}

static KrObject *itemgetter_repr(KrObject *o) {
    return repr_with_args(o, ((ItemGetter *)o)->items, 0);
}

static KrObject *itemgetter_reduce(KrObject *o, KrObject *unused) {
    return kr_tuple_pack(2, (KrObject *)KR_TYPE(o), ((ItemGetter *)o)->items);
}

static KrMethodDef itemgetter_methods[] = {
    {"__reduce__", (void *)itemgetter_reduce, KR_METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

static KrType itemgetter_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "operator.itemgetter",
    .tp_basicsize = sizeof(ItemGetter),
    .tp_dealloc = itemgetter_dealloc,
    .tp_vectorcall = itemgetter_vectorcall,
    .tp_repr = itemgetter_repr,
    .tp_call = itemgetter_call,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_doc = "Return a callable object that fetches the given item(s) from its operand.\nAfter f "
              "= itemgetter(2), the call f(r) returns r[2].\nAfter g = itemgetter(2, 5, 3), the "
              "call g(r) returns (r[2], r[5], r[3])",
    .tp_traverse = itemgetter_traverse,
    .tp_clear = itemgetter_clear,
    .tp_methods = itemgetter_methods,
    .tp_new = itemgetter_tp_new,
};

/* ===========================================================================
 * attrgetter(attr, ...): dotted names are split once, at construction
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *attrs; /* tuple of the original names */
    KrObject *paths; /* tuple of tuples of interned name parts */
} AttrGetter;
FI_GC_FUNCS(attrgetter, AttrGetter, attrs, 2)

static KrObject *attrgetter_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                                 KrObject *kwnames) {
    if (fi_no_kwargs("attrgetter", kwnames) < 0) return NULL;
    if (nargs < 1) {
        kr_err_set_string(kr_exc_TypeError, "attrgetter expected 1 argument, got 0");
        return NULL;
    }
    KrObject *paths = kr_tuple_new(nargs);
    if (!paths) return NULL;
    for (kr_ssize i = 0; i < nargs; i++)
        KR_TUPLE_ITEM(paths, i) = KR_NEWREF(kr_empty_tuple);
    for (kr_ssize i = 0; i < nargs; i++) {
        if (!KR_STR_CHECK(args[i])) {
            KR_DECREF(paths);
            kr_err_set_string(kr_exc_TypeError, "attribute name must be a string");
            return NULL;
        }
        KrObject *parts = kr_call_method(args[i], "split", (KrObject *[]){kr_str_intern_cstr(".")}, 1);
        if (!parts) {
            KR_DECREF(paths);
            return NULL;
        }
        for (kr_ssize j = 0; j < KR_SIZE(parts); j++) {
            KrObject *p = KR_LIST_ITEM(parts, j); /* the list's reference moves into the table */
            KR_LIST_ITEM(parts, j) = kr_str_intern(p);
        }
        KrObject *t = kr_list_as_tuple(parts);
        KR_DECREF(parts);
        if (!t) {
            KR_DECREF(paths);
            return NULL;
        }
        KR_SETREF(KR_TUPLE_ITEM(paths, i), t);
    }
    AttrGetter *g = (AttrGetter *)kr_type_generic_alloc(type, 0);
    if (!g) {
        KR_DECREF(paths);
        return NULL;
    }
    g->paths = paths;
    g->attrs = kr_tuple_from_array(args, nargs);
    if (!g->attrs) {
        KR_DECREF(g);
        return NULL;
    }
    return (KrObject *)g;
}
FI_CTOR_WRAPPERS(attrgetter)

static KrObject *dotted_get(KrObject *obj, KrObject *path) {
    KrObject *cur = KR_NEWREF(obj);
    for (kr_ssize i = 0; i < KR_SIZE(path); i++) {
        KrObject *n = kr_object_getattr(cur, KR_TUPLE_ITEM(path, i));
        KR_DECREF(cur);
        if (!n) return NULL;
        cur = n;
    }
    return cur;
}

static KrObject *attrgetter_call(KrObject *o, KrObject *const *args, size_t nargsf,
                                 KrObject *kwnames) {
    kr_ssize nargs = kr_vectorcall_nargs(nargsf);
    if (fi_no_kwargs("attrgetter", kwnames) < 0) return NULL;
    if (kr_arg_check_positional("attrgetter", nargs, 1, 1) < 0) return NULL;
    KrObject *paths = ((AttrGetter *)o)->paths;
    kr_ssize n = KR_SIZE(paths);
    if (n == 1) return dotted_get(args[0], KR_TUPLE_ITEM(paths, 0));
    KrObject *t = kr_tuple_new(n);
    if (!t) return NULL;
    for (kr_ssize i = 0; i < n; i++) {
        KrObject *v = dotted_get(args[0], KR_TUPLE_ITEM(paths, i));
        if (!v) {
            for (kr_ssize j = i; j < n; j++)
                KR_TUPLE_ITEM(t, j) = KR_NEWREF(kr_none);
            KR_DECREF(t);
            return NULL;
        }
        KR_TUPLE_ITEM(t, i) = v;
    }
    return t;
}

static KrObject *attrgetter_repr(KrObject *o) {
    return repr_with_args(o, ((AttrGetter *)o)->attrs, 0);
}

static KrObject *attrgetter_reduce(KrObject *o, KrObject *unused) {
    return kr_tuple_pack(2, (KrObject *)KR_TYPE(o), ((AttrGetter *)o)->attrs);
}

static KrMethodDef attrgetter_methods[] = {
    {"__reduce__", (void *)attrgetter_reduce, KR_METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

static KrType attrgetter_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "operator.attrgetter",
    .tp_basicsize = sizeof(AttrGetter),
    .tp_dealloc = attrgetter_dealloc,
    .tp_vectorcall = attrgetter_vectorcall,
    .tp_repr = attrgetter_repr,
    .tp_call = attrgetter_call,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_doc = "Return a callable object that fetches the given attribute(s) from its operand.\n"
              "After f = attrgetter('name'), the call f(r) returns r.name.",
    .tp_traverse = attrgetter_traverse,
    .tp_clear = attrgetter_clear,
    .tp_methods = attrgetter_methods,
    .tp_new = attrgetter_tp_new,
};

/* ===========================================================================
 * methodcaller(name, /, *args, **kwargs)
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *name, *args, *kwnames; /* args: tuple of positional then keyword values */
} MethodCaller;
FI_GC_FUNCS(methodcaller, MethodCaller, name, 3)

static KrObject *methodcaller_impl(KrType *type, KrObject *const *args, kr_ssize nargs,
                                   KrObject *kwnames) {
    if (nargs < 1) {
        kr_err_set_string(kr_exc_TypeError, "methodcaller needs at least one argument, the method name");
        return NULL;
    }
    if (!KR_STR_CHECK(args[0])) {
        kr_err_set_string(kr_exc_TypeError, "method name must be a string");
        return NULL;
    }
    kr_ssize nkw = kwnames ? KR_SIZE(kwnames) : 0;
    MethodCaller *c = (MethodCaller *)kr_type_generic_alloc(type, 0);
    if (!c) return NULL;
    KR_INCREF(args[0]);
    c->name = kr_str_intern(args[0]);
    c->args = kr_tuple_from_array(args + 1, nargs - 1 + nkw);
    c->kwnames = nkw ? KR_NEWREF(kwnames) : NULL;
    if (!c->args) {
        KR_DECREF(c);
        return NULL;
    }
    return (KrObject *)c;
}
FI_CTOR_WRAPPERS(methodcaller)

static KrObject *methodcaller_call(KrObject *o, KrObject *const *args, size_t nargsf,
                                   KrObject *kwnames) {
    kr_ssize nargs = kr_vectorcall_nargs(nargsf);
    if (fi_no_kwargs("methodcaller", kwnames) < 0) return NULL;
    if (kr_arg_check_positional("methodcaller", nargs, 1, 1) < 0) return NULL;
    MethodCaller *c = (MethodCaller *)o;
    KrObject *meth = kr_object_getattr(args[0], c->name);
    if (!meth) return NULL;
    kr_ssize nkw = c->kwnames ? KR_SIZE(c->kwnames) : 0;
    KrObject *r = kr_vectorcall(meth, KR_TUPLE_ITEMS(c->args), (size_t)(KR_SIZE(c->args) - nkw),
                                c->kwnames);
    KR_DECREF(meth);
    return r;
}

static KrObject *methodcaller_repr(KrObject *o) {
    MethodCaller *c = (MethodCaller *)o;
    int rc = kr_repr_enter(o);
    if (rc != 0) return rc > 0 ? kr_str_from_format("%s(...)", KR_TYPE(o)->tp_name) : NULL;
    KrObject *parts = kr_list_new(0), *sep = kr_str_from_cstr(", "), *r = NULL;
    if (!parts || !sep) goto done;
    KrObject *s = kr_object_repr(c->name);
    if (!s || kr_list_append_steal(parts, s) < 0) goto done;
    kr_ssize nkw = c->kwnames ? KR_SIZE(c->kwnames) : 0, npos = KR_SIZE(c->args) - nkw;
    for (kr_ssize i = 0; i < KR_SIZE(c->args); i++) {
        KrObject *v = KR_TUPLE_ITEM(c->args, i);
        s = i < npos ? kr_object_repr(v)
                     : kr_str_from_format("%U=%R", KR_TUPLE_ITEM(c->kwnames, i - npos), v);
        if (!s || kr_list_append_steal(parts, s) < 0) goto done;
    }
    KrObject *joined = kr_str_join(sep, parts);
    if (joined) {
        r = kr_str_from_format("%s(%U)", KR_TYPE(o)->tp_name, joined);
        KR_DECREF(joined);
    }
done:
    KR_XDECREF(parts);
    KR_XDECREF(sep);
    kr_repr_leave(o);
    return r;
}

static KrObject *methodcaller_reduce(KrObject *o, KrObject *unused) {
    MethodCaller *c = (MethodCaller *)o;
    if (!c->kwnames) {
        KrObject *t = kr_tuple_new(KR_SIZE(c->args) + 1);
        if (!t) return NULL;
        KR_TUPLE_ITEM(t, 0) = KR_NEWREF(c->name);
        for (kr_ssize i = 0; i < KR_SIZE(c->args); i++)
            KR_TUPLE_ITEM(t, i + 1) = KR_NEWREF(KR_TUPLE_ITEM(c->args, i));
        KrObject *r = kr_tuple_pack(2, (KrObject *)KR_TYPE(o), t);
        KR_DECREF(t);
        return r;
    }
    kr_err_set_string(kr_exc_NotImplementedError, "methodcaller with keywords cannot be reduced");
    return NULL;
}

static KrMethodDef methodcaller_methods[] = {
    {"__reduce__", (void *)methodcaller_reduce, KR_METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

static KrType methodcaller_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "operator.methodcaller",
    .tp_basicsize = sizeof(MethodCaller),
    .tp_dealloc = methodcaller_dealloc,
    .tp_vectorcall = methodcaller_vectorcall,
    .tp_repr = methodcaller_repr,
    .tp_call = methodcaller_call,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_doc = "Return a callable object that calls the given method on its operand.\nAfter f = "
              "methodcaller('name'), the call f(r) returns r.name().",
    .tp_traverse = methodcaller_traverse,
    .tp_clear = methodcaller_clear,
    .tp_methods = methodcaller_methods,
    .tp_new = methodcaller_tp_new,
};

/* ===========================================================================
 * The module
 * ========================================================================= */

#define F2(NAME, DOC) {#NAME, (void *)op_##NAME, KR_METH_FASTCALL, DOC}
#define F1(NAME, DOC) {#NAME, (void *)op_##NAME, KR_METH_O, DOC}

static KrMethodDef operator_functions[] = {
    F2(add, "Same as a + b."),
    F2(sub, "Same as a - b."),
    F2(mul, "Same as a * b."),
    F2(matmul, "Same as a @ b."),
    F2(truediv, "Same as a / b."),
    F2(floordiv, "Same as a // b."),
    F2(mod, "Same as a % b."),
    F2(pow, "Same as a ** b."),
    F2(lshift, "Same as a << b."),
    F2(rshift, "Same as a >> b."),
    F2(and_, "Same as a & b."),
    F2(or_, "Same as a | b."),
    F2(xor, "Same as a ^ b."),
    F2(iadd, "Same as a += b."),
    F2(isub, "Same as a -= b."),
    F2(imul, "Same as a *= b."),
    F2(imatmul, "Same as a @= b."),
    F2(itruediv, "Same as a /= b."),
    F2(ifloordiv, "Same as a //= b."),
    F2(imod, "Same as a %= b."),
    F2(ipow, "Same as a **= b."),
    F2(ilshift, "Same as a <<= b."),
    F2(irshift, "Same as a >>= b."),
    F2(iand, "Same as a &= b."),
    F2(ior, "Same as a |= b."),
    F2(ixor, "Same as a ^= b."),
    F2(lt, "Same as a < b."),
    F2(le, "Same as a <= b."),
    F2(eq, "Same as a == b."),
    F2(ne, "Same as a != b."),
    F2(gt, "Same as a > b."),
    F2(ge, "Same as a >= b."),
    F2(is_, "Same as a is b."),
    F2(is_not, "Same as a is not b."),
    F2(concat, "Same as a + b, for a and b sequences."),
    F2(iconcat, "Same as a += b, for a and b sequences."),
    F2(contains, "Same as b in a (note reversed operands)."),
    F2(countOf, "Return the number of items in a which are, or which equal, b."),
    F2(indexOf, "Return the first index of b in a."),
    F2(getitem, "Same as a[b]."),
    F2(setitem, "Same as a[b] = c."),
    F2(delitem, "Same as del a[b]."),
    F2(length_hint, "Return an estimate of the number of items in obj."),
    {"_compare_digest", (void *)op_compare_digest, KR_METH_FASTCALL, "Return 'a == b'."},
    F1(neg, "Same as -a."),
    F1(pos, "Same as +a."),
    F1(abs, "Same as abs(a)."),
    F1(inv, "Same as ~a."),
    {"invert", (void *)op_inv, KR_METH_O, "Same as ~a."},
    F1(index, "Same as a.__index__()"),
    F1(not_, "Same as not a."),
    F1(truth, "Return True if a is true, False otherwise."),
    {"call", (void *)op_call, KR_METH_FASTCALL | KR_METH_KEYWORDS, "Same as obj(*args, **kwargs)."},
    {NULL, NULL, 0, NULL},
};

KrObject *kr_operator_init(void) {
    KrType *types[] = {&itemgetter_type, &attrgetter_type, &methodcaller_type};
    for (size_t i = 0; i < 3; i++)
        if (kr_type_ready(types[i]) < 0) return NULL;
    KrObject *m = kr_module_new_cstr("_operator");
    if (!m) return NULL;
    if (kr_module_add_functions(m, operator_functions) < 0 ||
        kr_module_add_object(m, "itemgetter", KR_NEWREF(&itemgetter_type)) < 0 ||
        kr_module_add_object(m, "attrgetter", KR_NEWREF(&attrgetter_type)) < 0 ||
        kr_module_add_object(m, "methodcaller", KR_NEWREF(&methodcaller_type)) < 0) {
        KR_DECREF(m);
        return NULL;
    }
    return m;
}
