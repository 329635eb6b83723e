/* weakref.c - weak references: weakref.ref (ReferenceType, subclassable), the proxies
 * (ProxyType, CallableProxyType) and the per-object lists they hang on. A referent's
 * list is cleared when it dies, by reference counting (kr_weakref_clear_all from its
 * tp_dealloc) or by the cyclic collector (gc.c). */
#include <string.h>

#include "krait.h"

#define WR(o) ((KrWeakRef *)(o))

static bool is_proxy(KrObject *o) {
    return KR_TYPE(o) == &kr_weakref_proxy_type || KR_TYPE(o) == &kr_weakref_callable_proxy_type;
}
static bool is_ref(KrObject *o) { return KR_TYPE_IS(o, &kr_weakref_ref_type); }

bool kr_weakref_check(KrObject *o) { return is_ref(o) || is_proxy(o); }

/* The list head of o, or NULL when o's type has no weakref slot. Immortal objects
 * (static types, singletons) get weak references that are never linked: they never
 * die, and static type objects have no room for the slot the offset names. */
static KrWeakRef **list_ptr(KrObject *o) {
    kr_ssize off = KR_TYPE(o)->tp_weaklistoffset;
    if (off <= 0 || kr_is_immortal(o)) return NULL;
    return (KrWeakRef **)((char *)o + off);
}

static bool supports_weakrefs(KrObject *o) { return KR_TYPE(o)->tp_weaklistoffset > 0; }

/* ---------------------------------------------------------------------------
 * The list of weak references of one object: basic ref (exact type, no callback)
 * first, then the basic proxy, then the refs with callbacks, newest first.
 * ------------------------------------------------------------------------- */

static void get_basic_refs(KrWeakRef *head, KrWeakRef **refp, KrWeakRef **proxyp) {
    *refp = *proxyp = NULL;
    if (head && !head->wr_callback) {
        if (KR_TYPE(head) == &kr_weakref_ref_type) {
            *refp = head;
            head = head->wr_next;
        }
        if (head && !head->wr_callback && is_proxy((KrObject *)head)) *proxyp = head;
    }
}

static void insert_head(KrWeakRef *wr, KrWeakRef **list) {
    KrWeakRef *next = *list;
    wr->wr_prev = NULL;
    wr->wr_next = next;
    if (next) next->wr_prev = wr;
    *list = wr;
}

static void insert_after(KrWeakRef *wr, KrWeakRef *prev) {
    wr->wr_prev = prev;
    wr->wr_next = prev->wr_next;
    if (prev->wr_next) prev->wr_next->wr_prev = wr;
    prev->wr_next = wr;
}

/* Detaches wr from its referent; the callback stays. */
void kr_weakref_clear_ref(KrObject *ref) {
    KrWeakRef *wr = WR(ref);
    KrObject *o = wr->wr_object;
    if (!o) return;
    KrWeakRef **list = list_ptr(o);
    if (list && *list == wr) *list = wr->wr_next;
    if (wr->wr_prev) wr->wr_prev->wr_next = wr->wr_next;
    if (wr->wr_next) wr->wr_next->wr_prev = wr->wr_prev;
    wr->wr_prev = wr->wr_next = NULL;
    wr->wr_object = NULL;
}

static void clear_weakref(KrWeakRef *wr) {
    kr_weakref_clear_ref((KrObject *)wr);
    KR_CLEAR(wr->wr_callback);
}

bool kr_weakref_has_callback(KrObject *ref) { return WR(ref)->wr_callback != NULL; }

static void run_callback(KrObject *ref, KrObject *callback) {
    KrObject *r = kr_call_one(callback, ref);
    if (r)
        KR_DECREF(r);
    else
        kr_err_write_unraisable(callback, NULL);
}

void kr_weakref_run_callback(KrObject *ref) {
    KrObject *cb = WR(ref)->wr_callback;
    if (!cb) return;
    KR_INCREF(cb);
    run_callback(ref, cb);
    KR_DECREF(cb);
}

void kr_weakref_clear_all(KrObject *o) {
    KrWeakRef **list = list_ptr(o);
    if (!list || !*list) return;
    /* the basic ref and proxy have no callbacks: just detach them */
    for (int i = 0; i < 2 && *list && !(*list)->wr_callback; i++)
        clear_weakref(*list);
    if (!*list) return;
    KrObject *saved = kr_err_fetch();
    kr_ssize count = 0;
    for (KrWeakRef *w = *list; w; w = w->wr_next)
        count++;
    /* Detach them all before any callback runs (a callback must find every weakref
     * to o dead), keeping each live weakref and its callback for the second pass. */
    KrObject **pending = kr_mem_calloc((size_t)count * 2, sizeof(KrObject *));
    if (!pending) kr_err_clear(); /* out of memory: callbacks are dropped */
    kr_ssize n = 0;
    while (*list) {
        KrWeakRef *w = *list;
        KrObject *cb = w->wr_callback;
        w->wr_callback = NULL;
        kr_weakref_clear_ref((KrObject *)w);
        if (pending && cb && kr_refcnt((KrObject *)w) > 0) {
            kr_incref((KrObject *)w);
            pending[n++] = (KrObject *)w;
            pending[n++] = cb;
        } else {
            KR_XDECREF(cb);
        }
    }
    for (kr_ssize i = 0; i < n; i += 2) {
        run_callback(pending[i], pending[i + 1]);
        KR_DECREF(pending[i + 1]);
        KR_DECREF(pending[i]);
    }
    kr_mem_free(pending);
    kr_err_restore(saved);
}

kr_ssize kr_weakref_count(KrObject *o) {
    KrWeakRef **list = list_ptr(o);
    kr_ssize n = 0;
    if (list)
        for (KrWeakRef *w = *list; w; w = w->wr_next)
            n++;
    return n;
}

KrObject *kr_weakref_list(KrObject *o) {
    KrObject *l = kr_list_new(0);
    KrWeakRef **list = list_ptr(o);
    if (!l || !list) return l;
    for (KrWeakRef *w = *list; w; w = w->wr_next)
        if (kr_list_append(l, (KrObject *)w) < 0) {
            KR_DECREF(l);
            return NULL;
        }
    return l;
}

KrObject *kr_weakref_get_object(KrObject *ref) { return WR(ref)->wr_object; }

/* ---------------------------------------------------------------------------
 * Creation
 * ------------------------------------------------------------------------- */

static KrObject *cannot_weakref(KrObject *o) {
    return kr_err_format(kr_exc_TypeError, "cannot create weak reference to '%s' object",
                         kr_type_name_cstr(KR_TYPE(o)));
}

static KrObject *weakref_call(KrObject *self, KrObject *const *args, size_t nargsf,
                              KrObject *kwnames);

static KrWeakRef *alloc_weakref(KrType *t, KrObject *o, KrObject *callback) {
    /* C code may make weak references before anything imported _weakref */
    if (!kr_type_has_flag(&kr_weakref_ref_type, KR_TPFLAGS_READY) && kr_weakref_types_init() < 0)
        return NULL;
    KrWeakRef *wr = (KrWeakRef *)kr_type_generic_alloc(t, 0);
    if (!wr) return NULL;
    wr->wr_object = o;
    wr->wr_callback = kr_xnewref(callback);
    wr->hash = -1;
    wr->vectorcall = weakref_call;
    return wr;
}

/* Links a new weakref with a callback (or of a subclass) after the basic ones. */
static void link_weakref(KrWeakRef *wr, KrWeakRef **list) {
    KrWeakRef *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    KrWeakRef *prev = proxy ? proxy : ref;
    if (prev)
        insert_after(wr, prev);
    else
        insert_head(wr, list);
}

static KrObject *new_ref(KrType *t, KrObject *o, KrObject *callback) {
    if (!supports_weakrefs(o)) return cannot_weakref(o);
    if (callback == kr_none) callback = NULL;
    KrWeakRef **list = list_ptr(o);
    bool basic = t == &kr_weakref_ref_type && !callback;
    if (basic && list) {
        KrWeakRef *ref, *proxy;
        get_basic_refs(*list, &ref, &proxy);
        if (ref) return KR_NEWREF(ref);
    }
    KrWeakRef *wr = alloc_weakref(t, o, callback);
    if (!wr) return NULL;
    if (list) {
        /* the allocation may have run a collection: look at the list again */
        KrWeakRef *ref, *proxy;
        get_basic_refs(*list, &ref, &proxy);
        if (basic && ref) {
            KR_DECREF(wr);
            return KR_NEWREF(ref);
        }
        if (basic)
            insert_head(wr, list);
        else
            link_weakref(wr, list);
    }
    return (KrObject *)wr;
}

KrObject *kr_weakref_new_ref(KrObject *o, KrObject *callback) {
    return new_ref(&kr_weakref_ref_type, o, callback);
}

KrObject *kr_weakref_new_proxy(KrObject *o, KrObject *callback) {
    if (!supports_weakrefs(o)) return cannot_weakref(o);
    if (callback == kr_none) callback = NULL;
    KrWeakRef **list = list_ptr(o);
    if (!callback && list) {
        KrWeakRef *ref, *proxy;
        get_basic_refs(*list, &ref, &proxy);
        if (proxy) return KR_NEWREF(proxy);
    }
    KrType *t = KR_TYPE(o)->tp_call ? &kr_weakref_callable_proxy_type : &kr_weakref_proxy_type;
    KrWeakRef *wr = alloc_weakref(t, o, callback);
    if (!wr) return NULL;
    if (list) {
        KrWeakRef *ref, *proxy;
        get_basic_refs(*list, &ref, &proxy);
        if (!callback && proxy) {
            KR_DECREF(wr);
            return KR_NEWREF(proxy);
        }
        if (callback)
            link_weakref(wr, list);
        else if (ref)
            insert_after(wr, ref);
        else
            insert_head(wr, list);
    }
    return (KrObject *)wr;
}

/* ---------------------------------------------------------------------------
 * weakref.ref
 * ------------------------------------------------------------------------- */

static int unpack_args(const char *fname, KrObject *args, KrObject **o, KrObject **cb) {
    kr_ssize n = args ? KR_SIZE(args) : 0;
    if (n < 1) {
        kr_err_format(kr_exc_TypeError, "%s expected at least 1 argument, got %zd", fname, n);
        return -1;
    }
    if (n > 2) {
        kr_err_format(kr_exc_TypeError, "%s expected at most 2 arguments, got %zd", fname, n);
        return -1;
    }
    *o = KR_TUPLE_ITEM(args, 0);
    *cb = n > 1 ? KR_TUPLE_ITEM(args, 1) : NULL;
    return 0;
}

static KrObject *weakref_tp_new(KrType *t, KrObject *args, KrObject *kwargs) {
    KrObject *o, *cb;
    if (unpack_args("__new__", args, &o, &cb) < 0) return NULL;
    return new_ref(t, o, cb);
}

static int weakref_tp_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    KrObject *o, *cb;
    return unpack_args("__init__", args, &o, &cb);
}

static void weakref_dealloc(KrObject *self) {
    kr_gc_untrack(self);
    clear_weakref(WR(self));
    kr_object_free(self);
}

static int weakref_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    return WR(self)->wr_callback ? visit(WR(self)->wr_callback, arg) : 0;
}

static int weakref_tp_clear(KrObject *self) {
    clear_weakref(WR(self));
    return 0;
}

static KrObject *weakref_call(KrObject *self, KrObject *const *args, size_t nargsf,
                              KrObject *kwnames) {
    if (kwnames && KR_SIZE(kwnames))
        return kr_err_format(kr_exc_TypeError, "weakref() takes no keyword arguments");
    kr_ssize n = kr_vectorcall_nargs(nargsf);
    if (n) return kr_err_format(kr_exc_TypeError, "weakref expected 0 arguments, got %zd", n);
    KrObject *o = WR(self)->wr_object;
    return KR_NEWREF(o ? o : kr_none);
}

static kr_hash weakref_hash(KrObject *self) {
    KrWeakRef *wr = WR(self);
    if (wr->hash != -1) return wr->hash;
    if (!wr->wr_object) {
        kr_err_set_string(kr_exc_TypeError, "weak object has gone away");
        return -1;
    }
    KrObject *o = KR_NEWREF(wr->wr_object);
    wr->hash = kr_object_hash(o);
    KR_DECREF(o);
    return wr->hash;
}

static KrObject *weakref_repr(KrObject *self) {
    KrObject *o = WR(self)->wr_object;
    if (!o) return kr_str_from_format("<weakref at %p; dead>", self);
    KR_INCREF(o);
    KrObject *name = NULL, *r;
    if (kr_object_lookup_attr(o, kr_str_intern_cstr("__name__"), &name) < 0) {
        KR_DECREF(o);
        return NULL;
    }
    if (name && KR_STR_CHECK(name))
        r = kr_str_from_format("<weakref at %p; to '%s' at %p (%U)>", self, KR_TYPE(o)->tp_name, o,
                               name);
    else
        r = kr_str_from_format("<weakref at %p; to '%s' at %p>", self, KR_TYPE(o)->tp_name, o);
    KR_XDECREF(name);
    KR_DECREF(o);
    return r;
}

static KrObject *weakref_richcompare(KrObject *self, KrObject *other, int op) {
    if ((op != KR_EQ && op != KR_NE) || !is_ref(self) || !is_ref(other))
        return KR_NEWREF(kr_notimplemented);
    KrObject *a = WR(self)->wr_object, *b = WR(other)->wr_object;
    if (!a || !b) {
        bool eq = self == other;
        return KR_NEWREF(kr_bool_from(op == KR_EQ ? eq : !eq));
    }
    KR_INCREF(a);
    KR_INCREF(b);
    KrObject *r = kr_object_richcompare(a, b, op);
    KR_DECREF(a);
    KR_DECREF(b);
    return r;
}

static KrMemberDef weakref_members[] = {
    {"__callback__", KR_MEMBER_OBJECT, offsetof(KrWeakRef, wr_callback), KR_MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static KrObject *weakref_class_getitem(KrObject *cls, KrObject *arg) { return KR_NEWREF(cls); }

static KrMethodDef weakref_methods[] = {
    {"__class_getitem__", (void *)weakref_class_getitem, KR_METH_O | KR_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

KrType kr_weakref_ref_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "weakref.ReferenceType",
    .tp_basicsize = sizeof(KrWeakRef),
    .tp_dealloc = weakref_dealloc,
    .tp_repr = weakref_repr,
    .tp_hash = weakref_hash,
    .tp_call = weakref_call,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_traverse = weakref_traverse,
    .tp_clear = weakref_tp_clear,
    .tp_richcompare = weakref_richcompare,
    .tp_methods = weakref_methods,
    .tp_members = weakref_members,
    .tp_init = weakref_tp_init,
    .tp_new = weakref_tp_new,
};

/* ---------------------------------------------------------------------------
 * Proxies: every operation is forwarded to the referent (ReferenceError once dead)
 * ------------------------------------------------------------------------- */

/* New reference to the referent of a proxy; any other object is returned as is. */
static KrObject *unwrap(KrObject *o) {
    if (is_proxy(o)) {
        o = WR(o)->wr_object;
        if (!o) {
            kr_err_set_string(kr_exc_ReferenceError, "weakly-referenced object no longer exists");
            return NULL;
        }
    }
    return KR_NEWREF(o);
}

#define PROXY_UNARY(name, call)                                                                    \
    static KrObject *name(KrObject *self) {                                                        \
        KrObject *o = unwrap(self);                                                                \
        if (!o) return NULL;                                                                       \
        KrObject *r = call(o);                                                                     \
        KR_DECREF(o);                                                                              \
        return r;                                                                                  \
    }

#define PROXY_BINARY(name, op)                                                                     \
    static KrObject *name(KrObject *a, KrObject *b) {                                              \
        KrObject *x = unwrap(a);                                                                   \
        if (!x) return NULL;                                                                       \
        KrObject *y = unwrap(b);                                                                   \
        if (!y) {                                                                                  \
            KR_DECREF(x);                                                                          \
            return NULL;                                                                           \
        }                                                                                          \
        KrObject *r = kr_number_binary_op(x, y, op);                                               \
        KR_DECREF(x);                                                                              \
        KR_DECREF(y);                                                                              \
        return r;                                                                                  \
    }

PROXY_UNARY(proxy_str, kr_object_str)
PROXY_UNARY(proxy_neg, kr_number_negative)
PROXY_UNARY(proxy_pos, kr_number_positive)
PROXY_UNARY(proxy_abs, kr_number_absolute)
PROXY_UNARY(proxy_invert, kr_number_invert)
PROXY_UNARY(proxy_int, kr_number_long)
PROXY_UNARY(proxy_float, kr_number_float)
PROXY_UNARY(proxy_index, kr_number_index)
PROXY_UNARY(proxy_iter, kr_object_get_iter)

PROXY_BINARY(proxy_add, KR_NB_ADD)
PROXY_BINARY(proxy_sub, KR_NB_SUBTRACT)
PROXY_BINARY(proxy_mul, KR_NB_MULTIPLY)
PROXY_BINARY(proxy_matmul, KR_NB_MATRIX_MULTIPLY)
PROXY_BINARY(proxy_truediv, KR_NB_TRUE_DIVIDE)
PROXY_BINARY(proxy_floordiv, KR_NB_FLOOR_DIVIDE)
PROXY_BINARY(proxy_mod, KR_NB_REMAINDER)
PROXY_BINARY(proxy_lshift, KR_NB_LSHIFT)
PROXY_BINARY(proxy_rshift, KR_NB_RSHIFT)
PROXY_BINARY(proxy_and, KR_NB_AND)
PROXY_BINARY(proxy_or, KR_NB_OR)
PROXY_BINARY(proxy_xor, KR_NB_XOR)
PROXY_BINARY(proxy_iadd, KR_NB_INPLACE_ADD)
PROXY_BINARY(proxy_isub, KR_NB_INPLACE_SUBTRACT)
PROXY_BINARY(proxy_imul, KR_NB_INPLACE_MULTIPLY)
PROXY_BINARY(proxy_imatmul, KR_NB_INPLACE_MATRIX_MULTIPLY)
PROXY_BINARY(proxy_itruediv, KR_NB_INPLACE_TRUE_DIVIDE)
PROXY_BINARY(proxy_ifloordiv, KR_NB_INPLACE_FLOOR_DIVIDE)
PROXY_BINARY(proxy_imod, KR_NB_INPLACE_REMAINDER)
PROXY_BINARY(proxy_ilshift, KR_NB_INPLACE_LSHIFT)
PROXY_BINARY(proxy_irshift, KR_NB_INPLACE_RSHIFT)
PROXY_BINARY(proxy_iand, KR_NB_INPLACE_AND)
PROXY_BINARY(proxy_ior, KR_NB_INPLACE_OR)
PROXY_BINARY(proxy_ixor, KR_NB_INPLACE_XOR)

static KrObject *proxy_pow(KrObject *a, KrObject *b, KrObject *mod) {
    KrObject *x = unwrap(a), *y = x ? unwrap(b) : NULL, *m = y ? unwrap(mod) : NULL;
    KrObject *r = m ? kr_number_power(x, y, m) : NULL;
    KR_XDECREF(x);
    KR_XDECREF(y);
    KR_XDECREF(m);
    return r;
}

static KrObject *proxy_ipow(KrObject *a, KrObject *b, KrObject *mod) {
    KrObject *x = unwrap(a), *y = x ? unwrap(b) : NULL;
    KrObject *r = y ? kr_number_binary_op(x, y, KR_NB_INPLACE_POWER) : NULL;
    KR_XDECREF(x);
    KR_XDECREF(y);
    return r;
}

static KrObject *proxy_divmod(KrObject *a, KrObject *b) {
    KrObject *x = unwrap(a), *y = x ? unwrap(b) : NULL;
    KrObject *r = y ? kr_number_divmod(x, y) : NULL;
    KR_XDECREF(x);
    KR_XDECREF(y);
    return r;
}

static int proxy_bool(KrObject *self) {
    KrObject *o = unwrap(self);
    if (!o) return -1;
    int r = kr_object_is_true(o);
    KR_DECREF(o);
    return r;
}

static KrObject *proxy_getattr(KrObject *self, KrObject *name) {
    KrObject *o = unwrap(self);
    if (!o) return NULL;
    KrObject *r = kr_object_getattr(o, name);
    KR_DECREF(o);
    return r;
}

static int proxy_setattr(KrObject *self, KrObject *name, KrObject *value) {
    KrObject *o = unwrap(self);
    if (!o) return -1;
    int r = kr_object_setattr(o, name, value);
    KR_DECREF(o);
    return r;
}

static KrObject *proxy_richcompare(KrObject *a, KrObject *b, int op) {
    KrObject *x = unwrap(a), *y = x ? unwrap(b) : NULL;
    KrObject *r = y ? kr_object_richcompare(x, y, op) : NULL;
    KR_XDECREF(x);
    KR_XDECREF(y);
    return r;
}

static kr_hash proxy_hash(KrObject *self) {
    kr_err_format(kr_exc_TypeError, "unhashable type: '%s'", KR_TYPE(self)->tp_name);
    return -1;
}

static KrObject *proxy_iternext(KrObject *self) {
    KrObject *o = unwrap(self);
    if (!o) return NULL;
    KrObject *r;
    if (!KR_TYPE(o)->tp_iternext)
        r = kr_err_format(kr_exc_TypeError, "Weakref proxy referenced a non-iterator '%s' object",
                          kr_type_name_cstr(KR_TYPE(o)));
    else
        r = KR_TYPE(o)->tp_iternext(o);
    KR_DECREF(o);
    return r;
}

static KrObject *proxy_call(KrObject *self, KrObject *const *args, size_t nargsf,
                            KrObject *kwnames) {
    KrObject *o = unwrap(self);
    if (!o) return NULL;
    KrObject *r = kr_vectorcall(o, args, kr_vectorcall_nargs(nargsf), kwnames);
    KR_DECREF(o);
    return r;
}

static KrObject *proxy_repr(KrObject *self) {
    KrObject *o = WR(self)->wr_object;
    if (!o) return kr_str_from_format("<weakproxy at %p; dead>", self);
    return kr_str_from_format("<weakproxy at %p to %s at %p>", self, KR_TYPE(o)->tp_name, o);
}

static kr_ssize proxy_length(KrObject *self) {
    KrObject *o = unwrap(self);
    if (!o) return -1;
    kr_ssize n = kr_object_length(o);
    KR_DECREF(o);
    return n;
}

static int proxy_contains(KrObject *self, KrObject *item) {
    KrObject *o = unwrap(self);
    if (!o) return -1;
    int r = kr_object_contains(o, item);
    KR_DECREF(o);
    return r;
}

static KrObject *proxy_getitem(KrObject *self, KrObject *key) {
    KrObject *o = unwrap(self);
    if (!o) return NULL;
    KrObject *r = kr_object_get_item(o, key);
    KR_DECREF(o);
    return r;
}

static int proxy_setitem(KrObject *self, KrObject *key, KrObject *value) {
    KrObject *o = unwrap(self);
    if (!o) return -1;
    int r = value ? kr_object_set_item(o, key, value) : kr_object_del_item(o, key);
    KR_DECREF(o);
    return r;
}

static KrObject *proxy_bytes(KrObject *self, KrObject *unused) {
    KrObject *o = unwrap(self);
    if (!o) return NULL;
    KrObject *r = kr_call_method(o, "__bytes__", NULL, 0);
    KR_DECREF(o);
    return r;
}

static KrObject *proxy_reversed(KrObject *self, KrObject *unused) {
    KrObject *o = unwrap(self);
    if (!o) return NULL;
    KrObject *r = kr_call_method(o, "__reversed__", NULL, 0);
    KR_DECREF(o);
    return r;
}

static KrMethodDef proxy_methods[] = {
    {"__bytes__", (void *)proxy_bytes, KR_METH_NOARGS, NULL},
    {"__reversed__", (void *)proxy_reversed, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KrNumberMethods proxy_as_number = {
    .nb_add = proxy_add,
    .nb_subtract = proxy_sub,
    .nb_multiply = proxy_mul,
    .nb_remainder = proxy_mod,
    .nb_divmod = proxy_divmod,
    .nb_power = proxy_pow,
    .nb_negative = proxy_neg,
    .nb_positive = proxy_pos,
    .nb_absolute = proxy_abs,
    .nb_bool = proxy_bool,
    .nb_invert = proxy_invert,
    .nb_lshift = proxy_lshift,
    .nb_rshift = proxy_rshift,
    .nb_and = proxy_and,
    .nb_xor = proxy_xor,
    .nb_or = proxy_or,
    .nb_int = proxy_int,
    .nb_float = proxy_float,
    .nb_inplace_add = proxy_iadd,
    .nb_inplace_subtract = proxy_isub,
    .nb_inplace_multiply = proxy_imul,
    .nb_inplace_remainder = proxy_imod,
    .nb_inplace_power = proxy_ipow,
    .nb_inplace_lshift = proxy_ilshift,
    .nb_inplace_rshift = proxy_irshift,
    .nb_inplace_and = proxy_iand,
    .nb_inplace_xor = proxy_ixor,
    .nb_inplace_or = proxy_ior,
    .nb_floor_divide = proxy_floordiv,
    .nb_true_divide = proxy_truediv,
    .nb_inplace_floor_divide = proxy_ifloordiv,
    .nb_inplace_true_divide = proxy_itruediv,
    .nb_index = proxy_index,
    .nb_matrix_multiply = proxy_matmul,
    .nb_inplace_matrix_multiply = proxy_imatmul,
};

static KrSequenceMethods proxy_as_sequence = {
    .sq_contains = proxy_contains,
};

static KrMappingMethods proxy_as_mapping = {
    .mp_length = proxy_length,
    .mp_subscript = proxy_getitem,
    .mp_ass_subscript = proxy_setitem,
};

#define PROXY_TYPE_BODY                                                                            \
    .ob_base = KR_STATIC_TYPE_HEAD, .tp_basicsize = sizeof(KrWeakRef),                             \
    .tp_dealloc = weakref_dealloc, .tp_repr = proxy_repr, .tp_as_number = &proxy_as_number,        \
    .tp_as_sequence = &proxy_as_sequence, .tp_as_mapping = &proxy_as_mapping,                      \
    .tp_hash = proxy_hash, .tp_str = proxy_str, .tp_getattro = proxy_getattr,                      \
    .tp_setattro = proxy_setattr,                                                                  \
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_DISALLOW_INSTANTIATION,                            \
    .tp_traverse = weakref_traverse, .tp_clear = weakref_tp_clear,                                 \
    .tp_richcompare = proxy_richcompare, .tp_iter = proxy_iter, .tp_iternext = proxy_iternext,     \
    .tp_methods = proxy_methods

KrType kr_weakref_proxy_type = {
    PROXY_TYPE_BODY,
    .tp_name = "weakref.ProxyType",
};

KrType kr_weakref_callable_proxy_type = {
    PROXY_TYPE_BODY,
    .tp_name = "weakref.CallableProxyType",
    .tp_call = proxy_call,
};

int kr_weakref_types_init(void) {
    if (kr_type_ready(&kr_weakref_ref_type) < 0 || kr_type_ready(&kr_weakref_proxy_type) < 0 ||
        kr_type_ready(&kr_weakref_callable_proxy_type) < 0)
        return -1;
    return 0;
}
