/* method.c - bound methods (types.MethodType): a function plus the object it was
 * looked up on. Calls prepend self, reusing the caller's spare argument slot
 * (KR_VECTORCALL_ARGUMENTS_OFFSET) so no array is copied on the fast path. */
#include <stddef.h>
#include <string.h>

#include "type_internal.h"

#define M(o) ((KrMethod *)(o))

static KrObject *method_vectorcall(KrObject *callable, KrObject *const *args, size_t nargsf,
                                   KrObject *kwnames) {
    KrObject *self = M(callable)->self, *func = M(callable)->func;
    kr_ssize nargs = kr_vectorcall_nargs(nargsf);
    KrObject *r;
    if (nargsf & KR_VECTORCALL_ARGUMENTS_OFFSET) {
        KrObject **newargs = (KrObject **)args - 1;
        KrObject *saved = newargs[0];
        newargs[0] = self;
        r = kr_vectorcall(func, newargs, (size_t)(nargs + 1), kwnames);
        newargs[0] = saved;
        return r;
    }
    kr_ssize total = nargs + (kwnames ? KR_SIZE(kwnames) : 0);
    KrObject *small[8], **stack = small;
    if (total + 1 > 8) {
        stack = kr_mem_malloc(sizeof(KrObject *) * (size_t)(total + 1));
        if (!stack) return NULL;
    }
    stack[0] = self;
    if (total) memcpy(stack + 1, args, sizeof(KrObject *) * (size_t)total);
    r = kr_vectorcall(func, stack, (size_t)(nargs + 1), kwnames);
    if (stack != small) kr_mem_free(stack);
    return r;
}

KrObject *kr_method_new(KrObject *func, KrObject *self) {
    if (!self) {
        kr_err_bad_internal_call("kr_method_new");
        return NULL;
    }
    KrMethod *m = (KrMethod *)kr_type_generic_alloc(&kr_method_type, 0);
    if (!m) return NULL;
    m->vectorcall = method_vectorcall;
    m->func = KR_NEWREF(func);
    m->self = KR_NEWREF(self);
    return (KrObject *)m;
}

static KrObject *method_tp_new(KrType *t, KrObject *args, KrObject *kwargs) {
    if (kwargs && kr_dict_size(kwargs) > 0)
        return kr_err_format(kr_exc_TypeError, "method() takes no keyword arguments");
    if (KR_SIZE(args) != 2)
        return kr_err_format(kr_exc_TypeError, "method expected 2 arguments, got %zd",
                             KR_SIZE(args));
    KrObject *func = KR_TUPLE_ITEM(args, 0), *self = KR_TUPLE_ITEM(args, 1);
    KrType *ft = KR_TYPE(func);
    if (!ft->tp_call && ft->tp_vectorcall_offset <= 0)
        return kr_err_format(kr_exc_TypeError, "first argument must be callable");
    if (self == kr_none) return kr_err_format(kr_exc_TypeError, "instance must not be None");
    return kr_method_new(func, self);
}

static void method_dealloc(KrObject *self) {
    kr_gc_untrack(self);
    kr_weakref_clear_all(self);
    KR_XDECREF(M(self)->func);
    KR_XDECREF(M(self)->self);
    kr_object_free(self);
}

static int method_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    int r;
    if (M(self)->func && (r = visit(M(self)->func, arg))) return r;
    if (M(self)->self && (r = visit(M(self)->self, arg))) return r;
    return 0;
}

static KrObject *method_repr(KrObject *self) {
    KrObject *func = M(self)->func, *name = NULL;
    if (kr_object_lookup_attr(func, kr_interned("__qualname__"), &name) < 0) return NULL;
    if (!name && kr_object_lookup_attr(func, kr_interned("__name__"), &name) < 0) return NULL;
    if (name && !KR_STR_CHECK(name)) KR_CLEAR(name);
    KrObject *r = kr_str_from_format("<bound method %V of %R>", name, "?", M(self)->self);
    KR_XDECREF(name);
    return r;
}

static KrObject *method_richcompare(KrObject *a, KrObject *b, int op) {
    if ((op != KR_EQ && op != KR_NE) || !KR_TYPE_IS(a, &kr_method_type) ||
        !KR_TYPE_IS(b, &kr_method_type))
        return KR_NEWREF(kr_notimplemented);
    int eq = kr_object_richcompare_bool(M(a)->func, M(b)->func, KR_EQ);
    if (eq < 0) return NULL;
    if (eq) eq = M(a)->self == M(b)->self;
    return KR_NEWREF(kr_bool_from(op == KR_EQ ? eq : !eq));
}

static kr_hash method_hash(KrObject *self) {
    kr_hash y = kr_object_hash(M(self)->func);
    if (y == -1) return -1;
    kr_hash h = kr_object_hash_pointer(M(self)->self) ^ y;
    return h == -1 ? -2 : h;
}

/* Attributes not defined on the method type come from the function. */
static KrObject *method_getattro(KrObject *self, KrObject *name) {
    KrType *t = KR_TYPE(self);
    KrObject *descr = kr_type_lookup(t, name);
    if (descr) {
        kr_descrgetfunc f = KR_TYPE(descr)->tp_descr_get;
        if (f) return f(descr, self, (KrObject *)t);
        return KR_NEWREF(descr);
    }
    return kr_object_getattr(M(self)->func, name);
}

static KrObject *method_descr_get(KrObject *self, KrObject *obj, KrObject *type) {
    return KR_NEWREF(self); /* bound methods are not rebound */
}

static KrObject *method_get_doc(KrObject *self, void *c) {
    return kr_object_getattr_str(M(self)->func, "__doc__");
}
static KrObject *method_get_func(KrObject *self, void *c) { return KR_NEWREF(M(self)->func); }
static KrObject *method_get_self(KrObject *self, void *c) { return KR_NEWREF(M(self)->self); }

static KrObject *method_reduce(KrObject *self, KrObject *unused) {
    KrObject *getattr = kr_dict_get_item_str(kr_interp.builtins, "getattr");
    KrObject *name = kr_object_getattr_str(M(self)->func, "__name__");
    if (!getattr || !name) {
        KR_XDECREF(name);
        if (!kr_err_occurred()) kr_err_set_string(kr_exc_TypeError, "cannot pickle method");
        return NULL;
    }
    KrObject *args = kr_tuple_pack(2, M(self)->self, name);
    KR_DECREF(name);
    if (!args) return NULL;
    KrObject *r = kr_tuple_pack(2, getattr, args);
    KR_DECREF(args);
    return r;
}

static KrMethodDef method_methods[] = {
    {"__reduce__", (void *)method_reduce, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KrGetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {"__func__", method_get_func, NULL, "the function (or other callable) implementing a method",
     NULL},
    {"__self__", method_get_self, NULL, "the instance to which a method is bound", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KrType kr_method_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "method",
    .tp_basicsize = sizeof(KrMethod),
    .tp_dealloc = method_dealloc,
    .tp_vectorcall_offset = offsetof(KrMethod, vectorcall),
    .tp_repr = method_repr,
    .tp_hash = method_hash,
    .tp_call = method_vectorcall,
    .tp_getattro = method_getattro,
    .tp_setattro = kr_object_generic_setattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_doc = "Create a bound instance method object.",
    .tp_traverse = method_traverse,
    .tp_richcompare = method_richcompare,
    .tp_weaklistoffset = offsetof(KrMethod, weakreflist),
    .tp_methods = method_methods,
    .tp_getset = method_getset,
    .tp_descr_get = method_descr_get,
    .tp_new = method_tp_new,
};
