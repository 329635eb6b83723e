/* descrobject.c - descriptor types written for Python code: property, classmethod and
 * staticmethod, plus mappingproxy (the read-only view behind type.__dict__). */
#include <stddef.h>

#include "type_internal.h"

#define ID(s) kr_interned(s)

/* ===========================================================================
 * property
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *fget, *fset, *fdel, *doc;
    KrObject *name; /* from __set_name__, for error messages */
    int getter_doc; /* doc was taken from fget.__doc__ */
} KrProperty;

#define PROP(o) ((KrProperty *)(o))

static int property_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    static const char *const kwlist[] = {"fget", "fset", "fdel", "doc", NULL};
    KrObject *fget = NULL, *fset = NULL, *fdel = NULL, *doc = NULL;
    kr_ssize n = KR_SIZE(args);
    KrObject *kwnames = NULL;
    KrObject *stack[8];
    kr_ssize nk = 0;
    if (n > 4) {
        kr_err_format(kr_exc_TypeError, "property() takes at most 4 arguments (%zd given)",
                      n + (kwargs ? kr_dict_size(kwargs) : 0));
        return -1;
    }
    for (kr_ssize i = 0; i < n; i++)
        stack[i] = KR_TUPLE_ITEM(args, i);
    if (kwargs && kr_dict_size(kwargs) > 0) {
        nk = kr_dict_size(kwargs);
        if (n + nk > 8) {
            kr_err_format(kr_exc_TypeError, "property() takes at most 4 arguments (%zd given)",
                          n + nk);
            return -1;
        }
        kwnames = kr_tuple_new(nk);
        if (!kwnames) return -1;
        kr_ssize pos = 0, i = 0;
        KrObject *k, *v;
        while (kr_dict_next(kwargs, &pos, &k, &v)) {
            KR_TUPLE_ITEM(kwnames, i) = KR_NEWREF(k);
            stack[n + i] = v;
            i++;
        }
    }
    int r = kr_arg_parse(stack, n, kwnames, "|OOOO:property", kwlist, &fget, &fset, &fdel, &doc);
    KR_XDECREF(kwnames);
    if (r < 0) return -1;
    KrProperty *p = PROP(self);
    if (fget == kr_none) fget = NULL;
    if (fset == kr_none) fset = NULL;
    if (fdel == kr_none) fdel = NULL;
    KR_SETREF(p->fget, kr_xnewref(fget));
    KR_SETREF(p->fset, kr_xnewref(fset));
    KR_SETREF(p->fdel, kr_xnewref(fdel));
    KR_SETREF(p->doc, kr_xnewref(doc));
    p->getter_doc = 0;
    if ((!doc || doc == kr_none) && fget) {
        KrObject *gd;
        if (kr_object_lookup_attr(fget, ID("__doc__"), &gd) < 0) return -1;
        if (gd) {
            KR_SETREF(p->doc, gd);
            p->getter_doc = 1;
        }
    }
    return 0;
}

static void property_dealloc(KrObject *self) {
    kr_gc_untrack(self);
    KrProperty *p = PROP(self);
    KR_CLEAR(p->fget);
    KR_CLEAR(p->fset);
    KR_CLEAR(p->fdel);
    KR_CLEAR(p->doc);
    KR_CLEAR(p->name);
    kr_object_free(self);
}

static int property_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    KrProperty *p = PROP(self);
    KrObject *f[] = {p->fget, p->fset, p->fdel, p->doc, p->name};
    for (int i = 0; i < 5; i++) {
        int r;
        if (f[i] && (r = visit(f[i], arg))) return r;
    }
    return 0;
}

static int property_clear(KrObject *self) {
    KR_CLEAR(PROP(self)->doc);
    return 0;
}

/* "property 'x' of 'P' object has no setter" (without the name when unknown) */
static void property_error(KrProperty *p, KrObject *obj, const char *what) {
    if (p->name)
        kr_err_format(kr_exc_AttributeError, "property %R of '%s' object has no %s", p->name,
                      kr_type_name_cstr(KR_TYPE(obj)), what);
    else
        kr_err_format(kr_exc_AttributeError, "property of '%s' object has no %s",
                      kr_type_name_cstr(KR_TYPE(obj)), what);
}

static KrObject *property_get(KrObject *self, KrObject *obj, KrObject *type) {
    if (!obj || obj == kr_none) return KR_NEWREF(self);
    KrProperty *p = PROP(self);
    if (!p->fget) {
        property_error(p, obj, "getter");
        return NULL;
    }
    return kr_call_one(p->fget, obj);
}

static int property_set(KrObject *self, KrObject *obj, KrObject *value) {
    KrProperty *p = PROP(self);
    KrObject *func = value ? p->fset : p->fdel;
    if (!func) {
        property_error(p, obj, value ? "setter" : "deleter");
        return -1;
    }
    KrObject *r;
    if (value) {
        KrObject *args[2] = {obj, value};
        r = kr_vectorcall(func, args, 2, NULL);
    } else {
        r = kr_call_one(func, obj);
    }
    if (!r) return -1;
    KR_DECREF(r);
    return 0;
}

/* getter/setter/deleter return a copy of the property with one accessor replaced,
 * built through type(self) so subclasses of property survive. */
static KrObject *property_copy(KrObject *self, KrObject *get, KrObject *set, KrObject *del) {
    KrProperty *p = PROP(self);
    if (!get) get = p->fget ? p->fget : kr_none;
    if (!set) set = p->fset ? p->fset : kr_none;
    if (!del) del = p->fdel ? p->fdel : kr_none;
    KrObject *doc = (p->getter_doc && get != kr_none) || !p->doc ? kr_none : p->doc;
    KrObject *args[4] = {get, set, del, doc};
    KrObject *r = kr_vectorcall((KrObject *)KR_TYPE(self), args, 4, NULL);
    if (r && KR_TYPE_IS(r, &kr_property_type)) KR_SETREF(PROP(r)->name, kr_xnewref(p->name));
    return r;
}

static KrObject *property_getter(KrObject *self, KrObject *f) {
    return property_copy(self, f, NULL, NULL);
}
static KrObject *property_setter(KrObject *self, KrObject *f) {
    return property_copy(self, NULL, f, NULL);
}
static KrObject *property_deleter(KrObject *self, KrObject *f) {
    return property_copy(self, NULL, NULL, f);
}

static KrObject *property_set_name(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (nargs != 2)
        return kr_err_format(kr_exc_TypeError,
                             "__set_name__() takes 2 positional arguments but %zd were given",
                             nargs);
    KR_SETREF(PROP(self)->name, KR_NEWREF(args[1]));
    return KR_NEWREF(kr_none);
}

static int is_abstract(KrObject *f) {
    if (!f) return 0;
    KrObject *v;
    int r = kr_object_lookup_attr(f, ID("__isabstractmethod__"), &v);
    if (r <= 0) return r;
    r = kr_object_is_true(v);
    KR_DECREF(v);
    return r;
}

static KrObject *property_get_isabstract(KrObject *self, void *c) {
    KrProperty *p = PROP(self);
    KrObject *fs[3] = {p->fget, p->fset, p->fdel};
    for (int i = 0; i < 3; i++) {
        int r = is_abstract(fs[i]);
        if (r < 0) return NULL;
        if (r) return KR_NEWREF(kr_true);
    }
    return KR_NEWREF(kr_false);
}

static KrMethodDef property_methods[] = {
    {"getter", (void *)property_getter, KR_METH_O,
     "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", (void *)property_setter, KR_METH_O,
     "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", (void *)property_deleter, KR_METH_O,
     "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", (void *)property_set_name, KR_METH_FASTCALL,
     "Method to set name of a property."},
    {NULL, NULL, 0, NULL},
};

static KrMemberDef property_members[] = {
    {"fget", KR_MEMBER_OBJECT, offsetof(KrProperty, fget), KR_MEMBER_READONLY, NULL},
    {"fset", KR_MEMBER_OBJECT, offsetof(KrProperty, fset), KR_MEMBER_READONLY, NULL},
    {"fdel", KR_MEMBER_OBJECT, offsetof(KrProperty, fdel), KR_MEMBER_READONLY, NULL},
    {"__doc__", KR_MEMBER_OBJECT, offsetof(KrProperty, doc), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static KrGetSetDef property_getset[] = {
    {"__isabstractmethod__", property_get_isabstract, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KrType kr_property_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "property",
    .tp_basicsize = sizeof(KrProperty),
    .tp_dealloc = property_dealloc,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "Property attribute.",
    .tp_traverse = property_traverse,
    .tp_clear = property_clear,
    .tp_methods = property_methods,
    .tp_members = property_members,
    .tp_getset = property_getset,
    .tp_descr_get = property_get,
    .tp_descr_set = property_set,
    .tp_init = property_init,
    .tp_new = kr_type_generic_new,
};

/* ===========================================================================
 * classmethod / staticmethod: both wrap a callable and carry a __dict__ with the
 * wrapped callable's __module__, __name__, __qualname__ and __doc__.
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *callable;
    KrObject *dict;
} KrWrapperMethod;

#define WM(o) ((KrWrapperMethod *)(o))

static int copy_wrapped_attrs(KrObject *self, KrObject *callable) {
    static const char *const names[] = {"__module__", "__name__", "__qualname__", "__doc__"};
    for (int i = 0; i < 4; i++) {
        KrObject *v;
        int r = kr_object_lookup_attr(callable, ID(names[i]), &v);
        if (r < 0) return -1;
        if (r == 0) continue;
        r = kr_object_setattr(self, ID(names[i]), v);
        KR_DECREF(v);
        if (r < 0) return -1;
    }
    return 0;
}

static int wm_init(KrObject *self, KrObject *args, KrObject *kwargs, const char *name) {
    if (kwargs && kr_dict_size(kwargs) > 0) {
        kr_err_format(kr_exc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (KR_SIZE(args) != 1) {
        kr_err_format(kr_exc_TypeError, "%s expected 1 argument, got %zd", name, KR_SIZE(args));
        return -1;
    }
    KrObject *callable = KR_TUPLE_ITEM(args, 0);
    KR_SETREF(WM(self)->callable, KR_NEWREF(callable));
    return copy_wrapped_attrs(self, callable);
}

static int classmethod_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    return wm_init(self, args, kwargs, "classmethod");
}
static int staticmethod_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    return wm_init(self, args, kwargs, "staticmethod");
}

static void wm_dealloc(KrObject *self) {
    kr_gc_untrack(self);
    KR_CLEAR(WM(self)->callable);
    KR_CLEAR(WM(self)->dict);
    kr_object_free(self);
}

static int wm_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    int r;
    if (WM(self)->callable && (r = visit(WM(self)->callable, arg))) return r;
    if (WM(self)->dict && (r = visit(WM(self)->dict, arg))) return r;
    return 0;
}

static int wm_clear(KrObject *self) {
    KR_CLEAR(WM(self)->callable);
    KR_CLEAR(WM(self)->dict);
    return 0;
}

static KrObject *classmethod_get(KrObject *self, KrObject *obj, KrObject *type) {
    KrObject *c = WM(self)->callable;
    if (!c) return kr_err_format(kr_exc_RuntimeError, "uninitialized classmethod object");
    if (!type) type = (KrObject *)KR_TYPE(obj);
    kr_descrgetfunc f = KR_TYPE(c)->tp_descr_get;
    if (f) return f(c, type, type); /* 3.11/3.12 chain through the wrapped descriptor */
    return kr_method_new(c, type);
}

static KrObject *staticmethod_get(KrObject *self, KrObject *obj, KrObject *type) {
    KrObject *c = WM(self)->callable;
    if (!c) return kr_err_format(kr_exc_RuntimeError, "uninitialized staticmethod object");
    return KR_NEWREF(c);
}

static KrObject *staticmethod_call(KrObject *self, KrObject *const *args, size_t nargsf,
                                   KrObject *kwnames) {
    return kr_vectorcall(WM(self)->callable, args, nargsf, kwnames);
}

static KrObject *classmethod_repr(KrObject *self) {
    return kr_str_from_format("<classmethod(%R)>",
                              WM(self)->callable ? WM(self)->callable : kr_none);
}
static KrObject *staticmethod_repr(KrObject *self) {
    return kr_str_from_format("<staticmethod(%R)>",
                              WM(self)->callable ? WM(self)->callable : kr_none);
}

static KrObject *wm_get_func(KrObject *self, void *c) {
    return KR_NEWREF(WM(self)->callable ? WM(self)->callable : kr_none);
}

static KrObject *wm_get_isabstract(KrObject *self, void *c) {
    int r = is_abstract(WM(self)->callable);
    if (r < 0) return NULL;
    return KR_NEWREF(kr_bool_from(r));
}

static KrObject *wm_get_dict(KrObject *self, void *c) {
    if (!WM(self)->dict && !(WM(self)->dict = kr_dict_new())) return NULL;
    return KR_NEWREF(WM(self)->dict);
}

static KrGetSetDef wm_getset[] = {
    {"__func__", wm_get_func, NULL, NULL, NULL},
    {"__wrapped__", wm_get_func, NULL, NULL, NULL},
    {"__isabstractmethod__", wm_get_isabstract, NULL, NULL, NULL},
    {"__dict__", wm_get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KrType kr_classmethod_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(KrWrapperMethod),
    .tp_dealloc = wm_dealloc,
    .tp_repr = classmethod_repr,
    .tp_getattro = kr_object_generic_getattr,
    .tp_setattro = kr_object_generic_setattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "classmethod(function) -> method\n\nConvert a function to be a class method.",
    .tp_traverse = wm_traverse,
    .tp_clear = wm_clear,
    .tp_getset = wm_getset,
    .tp_descr_get = classmethod_get,
    .tp_dictoffset = offsetof(KrWrapperMethod, dict),
    .tp_init = classmethod_init,
    .tp_new = kr_type_generic_new,
};

KrType kr_staticmethod_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(KrWrapperMethod),
    .tp_dealloc = wm_dealloc,
    .tp_repr = staticmethod_repr,
    .tp_call = staticmethod_call,
    .tp_getattro = kr_object_generic_getattr,
    .tp_setattro = kr_object_generic_setattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "staticmethod(function) -> method\n\nConvert a function to be a static method.",
    .tp_traverse = wm_traverse,
    .tp_clear = wm_clear,
    .tp_getset = wm_getset,
    .tp_descr_get = staticmethod_get,
    .tp_dictoffset = offsetof(KrWrapperMethod, dict),
    .tp_init = staticmethod_init,
    .tp_new = kr_type_generic_new,
};

/* ===========================================================================
 * mappingproxy
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *mapping;
} KrMappingProxy;

#define MPX(o) (((KrMappingProxy *)(o))->mapping)

static bool is_mapping(KrObject *o) {
    KrMappingMethods *m = KR_TYPE(o)->tp_as_mapping;
    return m && m->mp_subscript && !KR_LIST_CHECK(o) && !KR_TUPLE_CHECK(o);
}

KrObject *kr_mappingproxy_new(KrObject *mapping) {
    KrMappingProxy *p = (KrMappingProxy *)kr_type_generic_alloc(&kr_mappingproxy_type, 0);
    if (!p) return NULL;
    p->mapping = KR_NEWREF(mapping);
    return (KrObject *)p;
}

static KrObject *mappingproxy_tp_new(KrType *t, KrObject *args, KrObject *kwargs) {
    static const char *const kwlist[] = {"mapping", NULL};
    KrObject *mapping = NULL;
    KrObject *kwnames = NULL, *stack[2];
    kr_ssize n = KR_SIZE(args);
    if (n > 1)
        return kr_err_format(kr_exc_TypeError,
                             "mappingproxy() takes at most 1 argument (%zd given)", n);
    if (n) stack[0] = KR_TUPLE_ITEM(args, 0);
    if (kwargs && kr_dict_size(kwargs)) {
        kr_ssize pos = 0;
        KrObject *k, *v;
        if (kr_dict_size(kwargs) + n > 1)
            return kr_err_format(kr_exc_TypeError,
                                 "mappingproxy() takes at most 1 argument (%zd given)",
                                 kr_dict_size(kwargs) + n);
        kr_dict_next(kwargs, &pos, &k, &v);
        kwnames = kr_tuple_pack(1, k);
        if (!kwnames) return NULL;
        stack[n] = v;
    }
    int r = kr_arg_parse(stack, n, kwnames, "O:mappingproxy", kwlist, &mapping);
    KR_XDECREF(kwnames);
    if (r < 0) return NULL;
    if (!is_mapping(mapping))
        return kr_err_format(kr_exc_TypeError, "mappingproxy() argument must be a mapping, not %s",
                             kr_type_name_cstr(KR_TYPE(mapping)));
    return kr_mappingproxy_new(mapping);
}

static void mappingproxy_dealloc(KrObject *self) {
    kr_gc_untrack(self);
    KR_CLEAR(MPX(self));
    kr_object_free(self);
}

static int mappingproxy_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    return MPX(self) ? visit(MPX(self), arg) : 0;
}

static kr_ssize mappingproxy_len(KrObject *self) { return kr_object_length(MPX(self)); }
static KrObject *mappingproxy_getitem(KrObject *self, KrObject *key) {
    return kr_object_get_item(MPX(self), key);
}
static int mappingproxy_contains(KrObject *self, KrObject *key) {
    if (KR_DICT_CHECK_EXACT(MPX(self))) return kr_dict_contains(MPX(self), key);
    return kr_object_contains(MPX(self), key);
}
static KrObject *mappingproxy_iter(KrObject *self) { return kr_object_get_iter(MPX(self)); }
static KrObject *mappingproxy_repr(KrObject *self) {
    return kr_str_from_format("mappingproxy(%R)", MPX(self));
}
static KrObject *mappingproxy_str(KrObject *self) { return kr_object_str(MPX(self)); }
static KrObject *mappingproxy_richcompare(KrObject *a, KrObject *b, int op) {
    return kr_object_richcompare(MPX(a), b, op);
}

static KrObject *mappingproxy_get(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("get", nargs, 1, 2) < 0) return NULL;
    return kr_call_method(MPX(self), "get", args, nargs);
}
static KrObject *mappingproxy_keys(KrObject *self, KrObject *u) {
    return kr_call_method(MPX(self), "keys", NULL, 0);
}
static KrObject *mappingproxy_values(KrObject *self, KrObject *u) {
    return kr_call_method(MPX(self), "values", NULL, 0);
}
static KrObject *mappingproxy_items(KrObject *self, KrObject *u) {
    return kr_call_method(MPX(self), "items", NULL, 0);
}
static KrObject *mappingproxy_copy(KrObject *self, KrObject *u) {
    return kr_call_method(MPX(self), "copy", NULL, 0);
}
static KrObject *mappingproxy_reversed(KrObject *self, KrObject *u) {
    KrObject *rev = kr_dict_get_item_str(kr_interp.builtins, "reversed");
    if (!rev) return kr_err_format(kr_exc_TypeError, "reversed() is not available");
    return kr_call_one(rev, MPX(self));
}

static KrObject *mappingproxy_or(KrObject *a, KrObject *b) {
    if (KR_TYPE_IS(a, &kr_mappingproxy_type)) a = MPX(a);
    if (KR_TYPE_IS(b, &kr_mappingproxy_type)) b = MPX(b);
    return kr_number_or(a, b);
}

static KrObject *mappingproxy_ior(KrObject *a, KrObject *b) {
    return kr_err_format(kr_exc_TypeError, "'|=' is not supported by %s; use '|' instead",
                         kr_type_name_cstr(KR_TYPE(a)));
}

static KrMethodDef mappingproxy_methods[] = {
    {"get", (void *)mappingproxy_get, KR_METH_FASTCALL, NULL},
    {"keys", (void *)mappingproxy_keys, KR_METH_NOARGS, NULL},
    {"values", (void *)mappingproxy_values, KR_METH_NOARGS, NULL},
    {"items", (void *)mappingproxy_items, KR_METH_NOARGS, NULL},
    {"copy", (void *)mappingproxy_copy, KR_METH_NOARGS, NULL},
    {"__reversed__", (void *)mappingproxy_reversed, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KrMappingMethods mappingproxy_as_mapping = {mappingproxy_len, mappingproxy_getitem, NULL};
static KrSequenceMethods mappingproxy_as_sequence = {.sq_contains = mappingproxy_contains};
static KrNumberMethods mappingproxy_as_number = {.nb_or = mappingproxy_or,
                                                 .nb_inplace_or = mappingproxy_ior};

KrType kr_mappingproxy_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(KrMappingProxy),
    .tp_dealloc = mappingproxy_dealloc,
    .tp_repr = mappingproxy_repr,
    .tp_as_number = &mappingproxy_as_number,
    .tp_as_sequence = &mappingproxy_as_sequence,
    .tp_as_mapping = &mappingproxy_as_mapping,
    .tp_hash = kr_object_hash_not_implemented,
    .tp_str = mappingproxy_str,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_MAPPING,
    .tp_traverse = mappingproxy_traverse,
    .tp_richcompare = mappingproxy_richcompare,
    .tp_iter = mappingproxy_iter,
    .tp_methods = mappingproxy_methods,
    .tp_new = mappingproxy_tp_new,
};
