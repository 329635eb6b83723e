/* descr.c - descriptors that expose a C type's tp_methods, tp_members, tp_getset and
 * filled slots to Python: method_descriptor (`list.append`), classmethod_descriptor,
 * member_descriptor (also __slots__), getset_descriptor, wrapper_descriptor
 * (`int.__add__`) and method-wrapper (`(1).__add__`). */
#include <stddef.h>
#include <string.h>

#include "type_internal.h"

#define D(o) ((KrDescr *)(o))

static KrObject *descr_alloc(KrType *descrtype, KrType *t, const char *name, void *def) {
    KrDescr *d = (KrDescr *)kr_type_generic_alloc(descrtype, 0);
    if (!d) return NULL;
    d->type = t;
    KR_INCREF(t);
    d->name = kr_str_intern_cstr(name);
    if (!d->name) {
        KR_DECREF(d);
        return NULL;
    }
    d->def = def;
    return (KrObject *)d;
}

static void descr_dealloc(KrObject *self) {
    kr_gc_untrack(self);
    KR_XDECREF(D(self)->type);
    KR_XDECREF(D(self)->name);
    kr_object_free(self);
}

static int descr_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    if (D(self)->type) return visit((KrObject *)D(self)->type, arg);
    return 0;
}

/* "descriptor 'x' for 'Foo' objects doesn't apply to a 'Bar' object" */
static int descr_check(KrDescr *d, KrObject *obj) {
    if (kr_object_type_is_sub(KR_TYPE(obj), d->type)) return 0;
    kr_err_format(kr_exc_TypeError,
                  "descriptor '%U' for '%s' objects doesn't apply to a '%s' object", d->name,
                  kr_type_name_cstr(d->type), kr_type_name_cstr(KR_TYPE(obj)));
    return -1;
}

static KrObject *descr_get_qualname(KrObject *self, void *c) {
    KrObject *tq = kr_type_qualname(D(self)->type);
    if (!tq) return NULL;
    KrObject *r = kr_str_from_format("%U.%U", tq, D(self)->name);
    KR_DECREF(tq);
    return r;
}

static KrObject *descr_get_name(KrObject *self, void *c) { return KR_NEWREF(D(self)->name); }
static KrObject *descr_get_objclass(KrObject *self, void *c) { return KR_NEWREF(D(self)->type); }
static KrObject *descr_get_none(KrObject *self, void *c) { return KR_NEWREF(kr_none); }

static KrObject *doc_or_none(const char *doc) {
    if (!doc) return KR_NEWREF(kr_none);
    return kr_str_from_cstr(doc);
}

/* ===========================================================================
 * method_descriptor / classmethod_descriptor
 * ========================================================================= */

static KrObject *method_descr_vectorcall(KrObject *callable, KrObject *const *args, size_t nargsf,
                                         KrObject *kwnames) {
    KrDescr *d = D(callable);
    kr_ssize nargs = kr_vectorcall_nargs(nargsf);
    if (nargs < 1) {
        KrObject *qn = descr_get_qualname(callable, NULL);
        if (!qn) return NULL;
        kr_err_format(kr_exc_TypeError, "unbound method %U() needs an argument", qn);
        KR_DECREF(qn);
        return NULL;
    }
    if (descr_check(d, args[0]) < 0) return NULL;
    return kr_cfunction_dispatch((KrMethodDef *)d->def, args[0], args + 1, nargs - 1, kwnames,
                                 d->type);
}

static KrObject *method_descr_get(KrObject *self, KrObject *obj, KrObject *type) {
    if (!obj) return KR_NEWREF(self);
    if (descr_check(D(self), obj) < 0) return NULL;
    return kr_cfunction_new((KrMethodDef *)D(self)->def, obj, NULL);
}

static KrObject *method_descr_repr(KrObject *self) {
    return kr_str_from_format("<method '%U' of '%s' objects>", D(self)->name,
                              kr_type_name_cstr(D(self)->type));
}

static KrObject *method_descr_get_doc(KrObject *self, void *c) {
    return doc_or_none(((KrMethodDef *)D(self)->def)->doc);
}

static KrGetSetDef method_descr_getset[] = {
    {"__doc__", method_descr_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {"__text_signature__", descr_get_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KrType kr_method_descr_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(KrDescr),
    .tp_dealloc = descr_dealloc,
    .tp_vectorcall_offset = offsetof(KrDescr, vectorcall),
    .tp_repr = method_descr_repr,
    .tp_call = method_descr_vectorcall,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = descr_traverse,
    .tp_getset = method_descr_getset,
    .tp_descr_get = method_descr_get,
};

KrObject *kr_descr_new_method(KrType *t, KrMethodDef *def) {
    KrObject *d = descr_alloc(&kr_method_descr_type, t, def->name, def);
    if (d) D(d)->vectorcall = method_descr_vectorcall;
    return d;
}

static KrObject *classmethod_descr_get(KrObject *self, KrObject *obj, KrObject *type) {
    KrDescr *d = D(self);
    if (!type) type = (KrObject *)KR_TYPE(obj);
    if (!KR_TYPE_CHECK(type))
        return kr_err_format(kr_exc_TypeError,
                             "descriptor '%U' for type '%s' needs a type, not a '%s' as arg 2",
                             d->name, kr_type_name_cstr(d->type), kr_type_name_cstr(KR_TYPE(type)));
    if (!kr_object_type_is_sub((KrType *)type, d->type))
        return kr_err_format(
            kr_exc_TypeError, "descriptor '%U' requires a subtype of '%s' but received '%s'",
            d->name, kr_type_name_cstr(d->type), kr_type_name_cstr((KrType *)type));
    return kr_cfunction_new((KrMethodDef *)d->def, type, NULL);
}

static KrObject *classmethod_descr_vectorcall(KrObject *callable, KrObject *const *args,
                                              size_t nargsf, KrObject *kwnames) {
    KrDescr *d = D(callable);
    kr_ssize nargs = kr_vectorcall_nargs(nargsf);
    if (nargs < 1)
        return kr_err_format(kr_exc_TypeError, "descriptor '%U' of '%s' object needs an argument",
                             d->name, kr_type_name_cstr(d->type));
    KrObject *bound = classmethod_descr_get(callable, NULL, args[0]);
    if (!bound) return NULL;
    KrObject *r = kr_vectorcall(bound, args + 1, (size_t)(nargs - 1), kwnames);
    KR_DECREF(bound);
    return r;
}

KrType kr_classmethod_descr_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(KrDescr),
    .tp_dealloc = descr_dealloc,
    .tp_vectorcall_offset = offsetof(KrDescr, vectorcall),
    .tp_repr = method_descr_repr,
    .tp_call = classmethod_descr_vectorcall,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_getset = method_descr_getset,
    .tp_descr_get = classmethod_descr_get,
};

KrObject *kr_descr_new_classmethod(KrType *t, KrMethodDef *def) {
    KrObject *d = descr_alloc(&kr_classmethod_descr_type, t, def->name, def);
    if (d) D(d)->vectorcall = classmethod_descr_vectorcall;
    return d;
}

/* ===========================================================================
 * member_descriptor
 * ========================================================================= */

static KrObject *member_get(KrObject *self, KrObject *obj, KrObject *type) {
    if (!obj) return KR_NEWREF(self);
    KrDescr *d = D(self);
    if (descr_check(d, obj) < 0) return NULL;
    KrMemberDef *m = (KrMemberDef *)d->def;
    char *addr = (char *)obj + m->offset;
    switch (m->type) {
    case KR_MEMBER_OBJECT: {
        KrObject *v = *(KrObject **)addr;
        return KR_NEWREF(v ? v : kr_none);
    }
    case KR_MEMBER_OBJECT_EX: {
        KrObject *v = *(KrObject **)addr;
        if (!v) {
            kr_object_set_attribute_error(obj, d->name);
            return NULL;
        }
        return KR_NEWREF(v);
    }
    case KR_MEMBER_INT:
        return kr_int_from_i64(*(int *)addr);
    case KR_MEMBER_SSIZE:
        return kr_int_from_ssize(*(kr_ssize *)addr);
    case KR_MEMBER_INT64:
        return kr_int_from_i64(*(int64_t *)addr);
    case KR_MEMBER_BOOL:
        return KR_NEWREF(kr_bool_from(*(char *)addr));
    case KR_MEMBER_DOUBLE:
        return kr_float_from_double(*(double *)addr);
    }
    kr_err_set_string(kr_exc_SystemError, "bad memberdescr type");
    return NULL;
}

static int member_set(KrObject *self, KrObject *obj, KrObject *value) {
    KrDescr *d = D(self);
    if (descr_check(d, obj) < 0) return -1;
    KrMemberDef *m = (KrMemberDef *)d->def;
    char *addr = (char *)obj + m->offset;
    if (m->flags & KR_MEMBER_READONLY) {
        kr_err_set_string(kr_exc_AttributeError, "readonly attribute");
        return -1;
    }
    if (!value && m->type != KR_MEMBER_OBJECT && m->type != KR_MEMBER_OBJECT_EX) {
        kr_err_set_string(kr_exc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    switch (m->type) {
    case KR_MEMBER_OBJECT_EX:
        if (!value && !*(KrObject **)addr) {
            kr_err_set_object(kr_exc_AttributeError, d->name);
            return -1;
        }
        /* fallthrough */
    case KR_MEMBER_OBJECT: {
        KrObject *old = *(KrObject **)addr;
        *(KrObject **)addr = kr_xnewref(value);
        KR_XDECREF(old);
        return 0;
    }
    case KR_MEMBER_BOOL:
        if (!KR_TYPE_IS(value, &kr_bool_type)) {
            kr_err_set_string(kr_exc_TypeError, "attribute value type must be bool");
            return -1;
        }
        *(char *)addr = value == kr_true;
        return 0;
    case KR_MEMBER_DOUBLE: {
        double v = kr_float_as_double(value);
        if (v == -1.0 && kr_err_occurred()) return -1;
        *(double *)addr = v;
        return 0;
    }
    case KR_MEMBER_INT:
    case KR_MEMBER_SSIZE:
    case KR_MEMBER_INT64: {
        if (!KR_INT_CHECK(value)) {
            kr_err_set_string(kr_exc_TypeError, "attribute value type must be int");
            return -1;
        }
        int64_t v = kr_int_as_i64(value);
        if (v == -1 && kr_err_occurred()) return -1;
        if (m->type == KR_MEMBER_INT)
            *(int *)addr = (int)v;
        else if (m->type == KR_MEMBER_SSIZE)
            *(kr_ssize *)addr = (kr_ssize)v;
        else
            *(int64_t *)addr = v;
        return 0;
    }
    }
    kr_err_set_string(kr_exc_SystemError, "bad memberdescr type");
    return -1;
}

static KrObject *member_repr(KrObject *self) {
    return kr_str_from_format("<member '%U' of '%s' objects>", D(self)->name,
                              kr_type_name_cstr(D(self)->type));
}

static KrObject *member_get_doc(KrObject *self, void *c) {
    return doc_or_none(((KrMemberDef *)D(self)->def)->doc);
}

static KrGetSetDef member_getset[] = {
    {"__doc__", member_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KrType kr_member_descr_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(KrDescr),
    .tp_dealloc = descr_dealloc,
    .tp_repr = member_repr,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_getset = member_getset,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
};

KrObject *kr_descr_new_member(KrType *t, KrMemberDef *def) {
    return descr_alloc(&kr_member_descr_type, t, def->name, def);
}

/* ===========================================================================
 * getset_descriptor
 * ========================================================================= */

static KrObject *getset_get(KrObject *self, KrObject *obj, KrObject *type) {
    if (!obj) return KR_NEWREF(self);
    KrDescr *d = D(self);
    if (descr_check(d, obj) < 0) return NULL;
    KrGetSetDef *g = (KrGetSetDef *)d->def;
    if (!g->get)
        return kr_err_format(kr_exc_AttributeError,
                             "attribute '%U' of '%s' objects is not readable", d->name,
                             kr_type_name_cstr(d->type));
    return g->get(obj, g->closure);
}

static int getset_set(KrObject *self, KrObject *obj, KrObject *value) {
    KrDescr *d = D(self);
    if (descr_check(d, obj) < 0) return -1;
    KrGetSetDef *g = (KrGetSetDef *)d->def;
    if (!g->set) {
        kr_err_format(kr_exc_AttributeError, "attribute '%U' of '%s' objects is not writable",
                      d->name, kr_type_name_cstr(d->type));
        return -1;
    }
    return g->set(obj, value, g->closure);
}

static KrObject *getset_repr(KrObject *self) {
    return kr_str_from_format("<attribute '%U' of '%s' objects>", D(self)->name,
                              kr_type_name_cstr(D(self)->type));
}

static KrObject *getset_get_doc(KrObject *self, void *c) {
    return doc_or_none(((KrGetSetDef *)D(self)->def)->doc);
}

static KrGetSetDef getset_getset[] = {
    {"__doc__", getset_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KrType kr_getset_descr_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(KrDescr),
    .tp_dealloc = descr_dealloc,
    .tp_repr = getset_repr,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_getset = getset_getset,
    .tp_descr_get = getset_get,
    .tp_descr_set = getset_set,
};

KrObject *kr_descr_new_getset(KrType *t, KrGetSetDef *def) {
    return descr_alloc(&kr_getset_descr_type, t, def->name, def);
}

/* ===========================================================================
 * wrapper_descriptor / method-wrapper
 * ========================================================================= */

#define WD(o) ((KrWrapperDescr *)(o))

static KrObject *wrapper_descr_vectorcall(KrObject *callable, KrObject *const *args, size_t nargsf,
                                          KrObject *kwnames) {
    KrWrapperDescr *d = WD(callable);
    kr_ssize nargs = kr_vectorcall_nargs(nargsf);
    if (nargs < 1)
        return kr_err_format(kr_exc_TypeError, "descriptor '%U' of '%s' object needs an argument",
                             d->base.name, kr_type_name_cstr(d->base.type));
    KrObject *self = args[0];
    if (!kr_object_type_is_sub(KR_TYPE(self), d->base.type))
        return kr_err_format(
            kr_exc_TypeError, "descriptor '%U' requires a '%s' object but received a '%s'",
            d->base.name, kr_type_name_cstr(d->base.type), kr_type_name_cstr(KR_TYPE(self)));
    return kr_typeslots_call_wrapper(d, self, args + 1, nargs - 1, kwnames);
}

static KrObject *method_wrapper_new(KrWrapperDescr *d, KrObject *self);

static KrObject *wrapper_descr_get(KrObject *self, KrObject *obj, KrObject *type) {
    if (!obj) return KR_NEWREF(self);
    if (descr_check(D(self), obj) < 0) return NULL;
    return method_wrapper_new(WD(self), obj);
}

static KrObject *wrapper_descr_repr(KrObject *self) {
    return kr_str_from_format("<slot wrapper '%U' of '%s' objects>", D(self)->name,
                              kr_type_name_cstr(D(self)->type));
}

static KrObject *wrapper_get_doc(KrObject *self, void *c) { return KR_NEWREF(kr_none); }

static KrGetSetDef wrapper_descr_getset[] = {
    {"__doc__", wrapper_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {"__text_signature__", descr_get_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KrType kr_wrapper_descr_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(KrWrapperDescr),
    .tp_dealloc = descr_dealloc,
    .tp_vectorcall_offset = offsetof(KrDescr, vectorcall),
    .tp_repr = wrapper_descr_repr,
    .tp_call = wrapper_descr_vectorcall,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = descr_traverse,
    .tp_getset = wrapper_descr_getset,
    .tp_descr_get = wrapper_descr_get,
};

KrObject *kr_descr_new_wrapper(KrType *t, const KrSlotDef *sd, void *wrapped) {
    KrObject *d = descr_alloc(&kr_wrapper_descr_type, t, sd->name, (void *)sd);
    if (!d) return NULL;
    D(d)->vectorcall = wrapper_descr_vectorcall;
    WD(d)->slot = sd;
    WD(d)->wrapped = wrapped;
    return d;
}

#define MW(o) ((KrMethodWrapper *)(o))

static KrObject *method_wrapper_vectorcall(KrObject *callable, KrObject *const *args, size_t nargsf,
                                           KrObject *kwnames) {
    return kr_typeslots_call_wrapper(MW(callable)->descr, MW(callable)->self, args,
                                     kr_vectorcall_nargs(nargsf), kwnames);
}

static KrObject *method_wrapper_new(KrWrapperDescr *d, KrObject *self) {
    KrMethodWrapper *w = (KrMethodWrapper *)kr_type_generic_alloc(&kr_method_wrapper_type, 0);
    if (!w) return NULL;
    w->vectorcall = method_wrapper_vectorcall;
    w->descr = d;
    KR_INCREF(d);
    w->self = KR_NEWREF(self);
    return (KrObject *)w;
}

static void method_wrapper_dealloc(KrObject *self) {
    kr_gc_untrack(self);
    KR_XDECREF(MW(self)->descr);
    KR_XDECREF(MW(self)->self);
    kr_object_free(self);
}

static int method_wrapper_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    int r;
    if (MW(self)->descr && (r = visit((KrObject *)MW(self)->descr, arg))) return r;
    if (MW(self)->self && (r = visit(MW(self)->self, arg))) return r;
    return 0;
}

static KrObject *method_wrapper_repr(KrObject *self) {
    return kr_str_from_format("<method-wrapper '%U' of %s object at %p>",
                              MW(self)->descr->base.name, KR_TYPE(MW(self)->self)->tp_name,
                              (void *)MW(self)->self);
}

static KrObject *method_wrapper_richcompare(KrObject *a, KrObject *b, int op) {
    if ((op != KR_EQ && op != KR_NE) || KR_TYPE(b) != &kr_method_wrapper_type)
        return KR_NEWREF(kr_notimplemented);
    bool eq = MW(a)->descr == MW(b)->descr && MW(a)->self == MW(b)->self;
    return KR_NEWREF(kr_bool_from(op == KR_EQ ? eq : !eq));
}

static kr_hash method_wrapper_hash(KrObject *self) {
    kr_hash h = kr_object_hash_pointer(MW(self)->self) ^ kr_object_hash_pointer(MW(self)->descr);
    return h == -1 ? -2 : h;
}

static KrObject *mw_get_self(KrObject *self, void *c) { return KR_NEWREF(MW(self)->self); }
static KrObject *mw_get_name(KrObject *self, void *c) {
    return KR_NEWREF(MW(self)->descr->base.name);
}
static KrObject *mw_get_objclass(KrObject *self, void *c) {
    return KR_NEWREF(MW(self)->descr->base.type);
}
static KrObject *mw_get_qualname(KrObject *self, void *c) {
    return descr_get_qualname((KrObject *)MW(self)->descr, NULL);
}

static KrGetSetDef method_wrapper_getset[] = {
    {"__self__", mw_get_self, NULL, NULL, NULL},
    {"__name__", mw_get_name, NULL, NULL, NULL},
    {"__qualname__", mw_get_qualname, NULL, NULL, NULL},
    {"__objclass__", mw_get_objclass, NULL, NULL, NULL},
    {"__doc__", wrapper_get_doc, NULL, NULL, NULL},
    {"__text_signature__", descr_get_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KrType kr_method_wrapper_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(KrMethodWrapper),
    .tp_dealloc = method_wrapper_dealloc,
    .tp_vectorcall_offset = offsetof(KrMethodWrapper, vectorcall),
    .tp_repr = method_wrapper_repr,
    .tp_hash = method_wrapper_hash,
    .tp_call = method_wrapper_vectorcall,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_traverse = method_wrapper_traverse,
    .tp_richcompare = method_wrapper_richcompare,
    .tp_getset = method_wrapper_getset,
};
