/* cfunction.c - builtin_function_or_method: C functions (len) and C methods bound to
 * an object ([].append). Calls dispatch on the KrMethodDef flags with CPython's
 * argument-count messages. */
#include <stddef.h>

#include "type_internal.h"

#define CF(o) ((KrCFunction *)(o))

/* The owner type used in a function's qualified name ("list.append"), or NULL. */
static KrType *owner_of(KrObject *self) {
    if (!self || KR_TYPE_IS(self, &kr_module_type)) return NULL;
    if (KR_TYPE_CHECK(self)) return (KrType *)self;
    return KR_TYPE(self);
}

/* "list.append()", "len()", "math.sqrt()" as CPython's _PyObject_FunctionStr. */
static KrObject *function_str(KrMethodDef *def, KrObject *self, KrType *owner) {
    if (!owner) owner = owner_of(self);
    if (owner) {
        KrObject *q = kr_type_qualname(owner);
        if (!q) return NULL;
        KrObject *r = kr_str_from_format("%U.%s()", q, def->name);
        KR_DECREF(q);
        return r;
    }
    if (self && KR_TYPE_IS(self, &kr_module_type)) {
        KrObject *mn = ((KrModule *)self)->name;
        if (mn && KR_STR_CHECK(mn) && !kr_str_eq_cstr(mn, "builtins"))
            return kr_str_from_format("%U.%s()", mn, def->name);
    }
    return kr_str_from_format("%s()", def->name);
}

static KrObject *arg_error(KrMethodDef *def, KrObject *self, KrType *owner, const char *fmt,
                           kr_ssize n) {
    KrObject *fs = function_str(def, self, owner);
    if (!fs) return NULL;
    KrObject *msg = kr_str_from_format(fmt, fs, n);
    KR_DECREF(fs);
    if (msg) {
        kr_err_set_object(kr_exc_TypeError, msg);
        KR_DECREF(msg);
    }
    return NULL;
}

static KrObject *dispatch(KrMethodDef *def, KrObject *self, KrObject *const *args, kr_ssize nargs,
                          KrObject *kwnames, KrType *owner) {
    int flags = def->flags & ~(KR_METH_CLASS | KR_METH_STATIC | KR_METH_COEXIST);
    bool has_kw = kwnames && KR_SIZE(kwnames) > 0;
    if (flags == (KR_METH_FASTCALL | KR_METH_KEYWORDS))
        return ((kr_cfunction_fastkw)def->func)(self, args, nargs, has_kw ? kwnames : NULL);
    if (has_kw) return arg_error(def, self, owner, "%U takes no keyword arguments", 0);
    switch (flags) {
    case KR_METH_NOARGS:
        if (nargs != 0)
            return arg_error(def, self, owner, "%U takes no arguments (%zd given)", nargs);
        return ((kr_cfunction)def->func)(self, NULL);
    case KR_METH_O:
        if (nargs != 1)
            return arg_error(def, self, owner, "%U takes exactly one argument (%zd given)", nargs);
        return ((kr_cfunction)def->func)(self, args[0]);
    case KR_METH_FASTCALL:
        return ((kr_cfunction_fast)def->func)(self, args, nargs);
    }
    kr_err_format(kr_exc_SystemError, "%s() method: bad call flags", def->name);
    return NULL;
}

/* Like CPython, every call of a C function counts against the recursion limit. */
KrObject *kr_cfunction_dispatch(KrMethodDef *def, KrObject *self, KrObject *const *args,
                                kr_ssize nargs, KrObject *kwnames, KrType *owner) {
    if (kr_enter_recursive_call(" while calling a Python object") < 0) return NULL;
    KrObject *r = dispatch(def, self, args, nargs, kwnames, owner);
    kr_leave_recursive_call();
    return r;
}

static KrObject *cfunction_vectorcall(KrObject *callable, KrObject *const *args, size_t nargsf,
                                      KrObject *kwnames) {
    KrCFunction *f = CF(callable);
    return kr_cfunction_dispatch(f->def, f->self, args, kr_vectorcall_nargs(nargsf), kwnames, NULL);
}

/* Specialised entry points for the two commonest shapes skip the flag switch. */
static KrObject *cfunction_vectorcall_o(KrObject *callable, KrObject *const *args, size_t nargsf,
                                        KrObject *kwnames) {
    KrCFunction *f = CF(callable);
    if (kr_vectorcall_nargs(nargsf) != 1 || (kwnames && KR_SIZE(kwnames)))
        return cfunction_vectorcall(callable, args, nargsf, kwnames);
    if (kr_enter_recursive_call(" while calling a Python object") < 0) return NULL;
    KrObject *r = ((kr_cfunction)f->def->func)(f->self, args[0]);
    kr_leave_recursive_call();
    return r;
}

static KrObject *cfunction_vectorcall_fastkw(KrObject *callable, KrObject *const *args,
                                             size_t nargsf, KrObject *kwnames) {
    KrCFunction *f = CF(callable);
    if (kr_enter_recursive_call(" while calling a Python object") < 0) return NULL;
    KrObject *r = ((kr_cfunction_fastkw)f->def->func)(f->self, args, kr_vectorcall_nargs(nargsf),
                                                      kwnames && KR_SIZE(kwnames) ? kwnames : NULL);
    kr_leave_recursive_call();
    return r;
}

KrObject *kr_cfunction_new(KrMethodDef *def, KrObject *self, KrObject *module) {
    KrCFunction *f = (KrCFunction *)kr_type_generic_alloc(&kr_cfunction_type, 0);
    if (!f) return NULL;
    int flags = def->flags & ~(KR_METH_CLASS | KR_METH_STATIC | KR_METH_COEXIST);
    if (flags == KR_METH_O)
        f->vectorcall = cfunction_vectorcall_o;
    else if (flags == (KR_METH_FASTCALL | KR_METH_KEYWORDS))
        f->vectorcall = cfunction_vectorcall_fastkw;
    else
        f->vectorcall = cfunction_vectorcall;
    f->def = def;
    f->self = kr_xnewref(self);
    f->module = kr_xnewref(module);
    return (KrObject *)f;
}

static void cfunction_dealloc(KrObject *self) {
    kr_gc_untrack(self);
    kr_weakref_clear_all(self);
    KR_XDECREF(CF(self)->self);
    KR_XDECREF(CF(self)->module);
    kr_object_free(self);
}

static int cfunction_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    int r;
    if (CF(self)->self && (r = visit(CF(self)->self, arg))) return r;
    if (CF(self)->module && (r = visit(CF(self)->module, arg))) return r;
    return 0;
}

static KrObject *cfunction_repr(KrObject *self) {
    KrCFunction *f = CF(self);
    if (!f->self || KR_TYPE_IS(f->self, &kr_module_type))
        return kr_str_from_format("<built-in function %s>", f->def->name);
    return kr_str_from_format("<built-in method %s of %s object at %p>", f->def->name,
                              KR_TYPE(f->self)->tp_name, (void *)f->self);
}

static KrObject *cfunction_richcompare(KrObject *a, KrObject *b, int op) {
    if ((op != KR_EQ && op != KR_NE) || !KR_TYPE_IS(b, &kr_cfunction_type))
        return KR_NEWREF(kr_notimplemented);
    bool eq = CF(a)->def->func == CF(b)->def->func && CF(a)->self == CF(b)->self;
    return KR_NEWREF(kr_bool_from(op == KR_EQ ? eq : !eq));
}

static kr_hash cfunction_hash(KrObject *self) {
    kr_hash h =
        kr_object_hash_pointer(CF(self)->self) ^ kr_object_hash_pointer(CF(self)->def->func);
    return h == -1 ? -2 : h;
}

static KrObject *cf_get_name(KrObject *self, void *c) {
    return kr_str_from_cstr(CF(self)->def->name);
}

static KrObject *cf_get_qualname(KrObject *self, void *c) {
    KrType *owner = owner_of(CF(self)->self);
    if (!owner) return kr_str_from_cstr(CF(self)->def->name);
    KrObject *q = kr_type_qualname(owner);
    if (!q) return NULL;
    KrObject *r = kr_str_from_format("%U.%s", q, CF(self)->def->name);
    KR_DECREF(q);
    return r;
}

static KrObject *cf_get_self(KrObject *self, void *c) {
    return KR_NEWREF(CF(self)->self ? CF(self)->self : kr_none);
}

static KrObject *cf_get_doc(KrObject *self, void *c) {
    const char *doc = CF(self)->def->doc;
    return doc ? kr_str_from_cstr(doc) : KR_NEWREF(kr_none);
}

static KrObject *cf_get_module(KrObject *self, void *c) {
    return KR_NEWREF(CF(self)->module ? CF(self)->module : kr_none);
}

static int cf_set_module(KrObject *self, KrObject *v, void *c) {
    KR_SETREF(CF(self)->module, kr_xnewref(v));
    return 0;
}

static KrObject *cf_get_none(KrObject *self, void *c) { return KR_NEWREF(kr_none); }

/* __reduce__: builtins pickle by name (module attribute or getattr(self, name)). */
static KrObject *cfunction_reduce(KrObject *self, KrObject *unused) {
    KrCFunction *f = CF(self);
    if (!f->self || KR_TYPE_IS(f->self, &kr_module_type)) return cf_get_qualname(self, NULL);
    KrObject *getattr = kr_dict_get_item_str(kr_interp.builtins, "getattr");
    if (!getattr) return cf_get_qualname(self, NULL);
    KrObject *name = kr_str_from_cstr(f->def->name);
    if (!name) return NULL;
    KrObject *args = kr_tuple_pack(2, f->self, name);
    KR_DECREF(name);
    if (!args) return NULL;
    KrObject *r = kr_tuple_pack(2, getattr, args);
    KR_DECREF(args);
    return r;
}

static KrMethodDef cfunction_methods[] = {
    {"__reduce__", (void *)cfunction_reduce, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KrGetSetDef cfunction_getset[] = {
    {"__name__", cf_get_name, NULL, NULL, NULL},
    {"__qualname__", cf_get_qualname, NULL, NULL, NULL},
    {"__self__", cf_get_self, NULL, NULL, NULL},
    {"__doc__", cf_get_doc, NULL, NULL, NULL},
    {"__module__", cf_get_module, cf_set_module, NULL, NULL},
    {"__text_signature__", cf_get_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KrType kr_cfunction_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(KrCFunction),
    .tp_dealloc = cfunction_dealloc,
    .tp_vectorcall_offset = offsetof(KrCFunction, vectorcall),
    .tp_repr = cfunction_repr,
    .tp_hash = cfunction_hash,
    .tp_call = cfunction_vectorcall,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_traverse = cfunction_traverse,
    .tp_richcompare = cfunction_richcompare,
    .tp_weaklistoffset = offsetof(KrCFunction, weakreflist),
    .tp_methods = cfunction_methods,
    .tp_getset = cfunction_getset,
};
