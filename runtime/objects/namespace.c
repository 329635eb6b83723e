/* namespace.c - types.SimpleNamespace: an object whose attributes are given as
 * keyword arguments ("namespace(a=1, b=2)"); also used for sys.implementation. */
#include <stddef.h>

#include "krait.h"

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *dict;
} KrNamespace;

static KrObject *ns_new(KrType *t, KrObject *args, KrObject *kwargs) {
    KrObject *self = kr_type_generic_alloc(t, 0);
    if (!self) return NULL;
    ((KrNamespace *)self)->dict = kr_dict_new();
    if (!((KrNamespace *)self)->dict) {
        KR_DECREF(self);
        return NULL;
    }
    return self;
}

static int ns_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    if (args && KR_SIZE(args) > 0) {
        kr_err_format(kr_exc_TypeError, "no positional arguments expected");
        return -1;
    }
    if (kwargs) {
        kr_ssize pos = 0;
        KrObject *k, *v;
        while (kr_dict_next(kwargs, &pos, &k, &v)) {
            if (!KR_STR_CHECK(k)) {
                kr_err_format(kr_exc_TypeError, "keywords must be strings");
                return -1;
            }
            if (kr_dict_set_item(((KrNamespace *)self)->dict, k, v) < 0) return -1;
        }
    }
    return 0;
}

static void ns_dealloc(KrObject *self) {
    kr_gc_untrack(self);
    KR_CLEAR(((KrNamespace *)self)->dict);
    kr_object_free(self);
}

static int ns_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    KrObject *d = ((KrNamespace *)self)->dict;
    return d ? visit(d, arg) : 0;
}

static int ns_clear(KrObject *self) {
    KR_CLEAR(((KrNamespace *)self)->dict);
    return 0;
}

static KrObject *ns_repr(KrObject *self) {
    KrType *t = KR_TYPE(self);
    const char *name = t == &kr_namespace_type ? "namespace" : kr_type_name_cstr(t);
    int r = kr_repr_enter(self);
    if (r != 0) return r > 0 ? kr_str_from_format("%s(...)", name) : NULL;
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    kr_strbuilder_append_cstr(&b, name);
    kr_strbuilder_append_cstr(&b, "(");
    kr_ssize pos = 0;
    KrObject *k, *v;
    bool first = true;
    while (kr_dict_next(((KrNamespace *)self)->dict, &pos, &k, &v)) {
        if (!KR_STR_CHECK(k)) continue;
        if (!first) kr_strbuilder_append_cstr(&b, ", ");
        first = false;
        kr_strbuilder_append_str(&b, k);
        kr_strbuilder_append_cstr(&b, "=");
        KrObject *rv = kr_object_repr(v);
        if (!rv) {
            kr_repr_leave(self);
            kr_strbuilder_discard(&b);
            return NULL;
        }
        kr_strbuilder_append_str(&b, rv);
        KR_DECREF(rv);
    }
    kr_strbuilder_append_cstr(&b, ")");
    kr_repr_leave(self);
    return kr_strbuilder_finish(&b);
}

static KrObject *ns_richcompare(KrObject *a, KrObject *b, int op) {
    if ((op == KR_EQ || op == KR_NE) && KR_TYPE_IS(a, &kr_namespace_type) &&
        KR_TYPE_IS(b, &kr_namespace_type))
        return kr_object_richcompare(((KrNamespace *)a)->dict, ((KrNamespace *)b)->dict, op);
    return KR_NEWREF(kr_notimplemented);
}

static KrObject *ns_get_dict(KrObject *self, void *c) { return KR_NEWREF(((KrNamespace *)self)->dict); }

static KrGetSetDef ns_getset[] = {
    {"__dict__", ns_get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KrType kr_namespace_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "types.SimpleNamespace",
    .tp_basicsize = sizeof(KrNamespace),
    .tp_dealloc = ns_dealloc,
    .tp_repr = ns_repr,
    .tp_getattro = kr_object_generic_getattr,
    .tp_setattro = kr_object_generic_setattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_traverse = ns_traverse,
    .tp_clear = ns_clear,
    .tp_richcompare = ns_richcompare,
    .tp_getset = ns_getset,
    .tp_dictoffset = offsetof(KrNamespace, dict),
    .tp_init = ns_init,
    .tp_new = ns_new,
    .tp_doc = "A simple attribute-based namespace.",
};

/* Builds a namespace from a dict of attributes (borrowed). */
KrObject *kr_namespace_new(KrObject *attrs) {
    KrObject *ns = ns_new(&kr_namespace_type, NULL, NULL);
    if (!ns) return NULL;
    if (attrs && kr_dict_update(((KrNamespace *)ns)->dict, attrs) < 0) {
        KR_DECREF(ns);
        return NULL;
    }
    return ns;
}
