/* super.c - super objects: attribute lookup that starts after a given class in the
 * MRO of an instance's (or class's) type, the zero-argument form that reads the
 * calling frame's first argument and __class__ cell, and kr_super_lookup for the
 * interpreter's LOAD_SUPER_ATTR (no super object is created there). */
#include <stddef.h>

#include "type_internal.h"

typedef struct {
    KR_OBJECT_HEAD;
    KrType *type;     /* the class super() was called for */
    KrObject *obj;    /* the instance or class, or NULL (unbound super) */
    KrType *obj_type; /* the type whose MRO is searched */
} KrSuper;

#define SU(o) ((KrSuper *)(o))

/* Returns the type whose MRO is searched (borrowed), or NULL + TypeError. */
static KrType *supercheck(KrType *type, KrObject *obj) {
    if (KR_TYPE_CHECK(obj) && kr_type_is_subtype((KrType *)obj, type)) return (KrType *)obj;
    if (kr_type_is_subtype(KR_TYPE(obj), type)) return KR_TYPE(obj);
    KrObject *cls;
    int r = kr_object_lookup_attr(obj, kr_interned("__class__"), &cls);
    if (r < 0) return NULL;
    if (r > 0) {
        KrType *res = NULL;
        if (KR_TYPE_CHECK(cls) && cls != (KrObject *)KR_TYPE(obj) &&
            kr_type_is_subtype((KrType *)cls, type))
            res = (KrType *)cls;
        KR_DECREF(cls); /* a class is kept alive by obj.__class__ */
        if (res) return res;
    }
    kr_err_set_string(kr_exc_TypeError,
                      "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

/* Finds name in obj_type's MRO after `type`: borrowed result or NULL. */
static KrObject *lookup_after(KrType *type, KrType *obj_type, KrObject *name) {
    KrObject *mro = obj_type->tp_mro;
    if (!mro) return NULL;
    kr_ssize n = KR_SIZE(mro), i = 0;
    while (i < n && KR_TUPLE_ITEM(mro, i) != (KrObject *)type)
        i++;
    for (i++; i < n; i++) {
        KrObject *dict = ((KrType *)KR_TUPLE_ITEM(mro, i))->tp_dict;
        if (!dict) continue;
        KrObject *r = kr_dict_get_item(dict, name);
        if (r) return r;
        if (kr_err_occurred()) return NULL;
    }
    return NULL;
}

static KrObject *super_bind(KrObject *res, KrObject *obj, KrType *obj_type) {
    kr_descrgetfunc f = KR_TYPE(res)->tp_descr_get;
    if (!f) return KR_NEWREF(res);
    /* only instance-mode super passes the instance */
    return f(res, obj == (KrObject *)obj_type ? NULL : obj, (KrObject *)obj_type);
}

KrObject *kr_super_lookup(KrType *start_type, KrObject *obj, KrObject *name, int *is_method) {
    bool allow_unbound = is_method && *is_method;
    if (is_method) *is_method = 0;
    KrType *obj_type = supercheck(start_type, obj);
    if (!obj_type) return NULL;
    KrObject *res = lookup_after(start_type, obj_type, name);
    if (!res) {
        if (!kr_err_occurred())
            kr_err_format(kr_exc_AttributeError, "'super' object has no attribute '%U'", name);
        return NULL;
    }
    if (allow_unbound && kr_type_has_flag(KR_TYPE(res), KR_TPFLAGS_METHOD_DESCRIPTOR)) {
        *is_method = 1;
        return KR_NEWREF(res);
    }
    KR_INCREF(res);
    KrObject *r = super_bind(res, obj, obj_type);
    KR_DECREF(res);
    return r;
}

static KrObject *super_getattro(KrObject *self, KrObject *name) {
    KrSuper *su = SU(self);
    if (su->obj_type && KR_STR_CHECK(name) && !kr_str_eq_cstr(name, "__class__")) {
        KrObject *res = lookup_after(su->type, su->obj_type, name);
        if (res) {
            KR_INCREF(res);
            KrObject *r = super_bind(res, su->obj, su->obj_type);
            KR_DECREF(res);
            return r;
        }
        if (kr_err_occurred()) return NULL;
    }
    return kr_object_generic_getattr(self, name);
}

/* super() without arguments: the first argument of the calling function and the
 * class from its __class__ cell. */
static int super_from_frame(KrType **type_out, KrObject **obj_out) {
    KrFrame *f = kr_eval_current_frame();
    if (!f) {
        kr_err_set_string(kr_exc_RuntimeError, "super(): no current frame");
        return -1;
    }
    KrCode *co = f->code;
    if (co->argcount == 0) {
        kr_err_set_string(kr_exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    KrObject *first = f->localsplus[0];
    if (first && (co->localspluskinds[0] & KR_LOCAL_KIND_CELL) && KR_TYPE_IS(first, &kr_cell_type))
        first = ((KrCell *)first)->ref;
    if (!first) {
        kr_err_set_string(kr_exc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int i = 0; i < co->nlocalsplus; i++) {
        if (!(co->localspluskinds[i] & KR_LOCAL_KIND_FREE)) continue;
        if (!kr_str_eq_cstr(KR_TUPLE_ITEM(co->localsplusnames, i), "__class__")) continue;
        KrObject *cell = f->localsplus[i];
        if (!cell || !KR_TYPE_IS(cell, &kr_cell_type)) {
            kr_err_set_string(kr_exc_RuntimeError, "super(): bad __class__ cell");
            return -1;
        }
        KrObject *cls = ((KrCell *)cell)->ref;
        if (!cls) {
            kr_err_set_string(kr_exc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!KR_TYPE_CHECK(cls)) {
            kr_err_format(kr_exc_RuntimeError, "super(): __class__ is not a type (%s)",
                          kr_type_name_cstr(KR_TYPE(cls)));
            return -1;
        }
        *type_out = (KrType *)cls;
        *obj_out = first;
        return 0;
    }
    kr_err_set_string(kr_exc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

static int super_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    if (kwargs && kr_dict_size(kwargs) > 0) {
        kr_err_set_string(kr_exc_TypeError, "super() takes no keyword arguments");
        return -1;
    }
    kr_ssize n = KR_SIZE(args);
    if (n > 2) {
        kr_err_format(kr_exc_TypeError, "super() expected at most 2 arguments, got %zd", n);
        return -1;
    }
    KrType *type = NULL;
    KrObject *obj = NULL;
    if (n == 0) {
        if (super_from_frame(&type, &obj) < 0) return -1;
    } else {
        KrObject *t = KR_TUPLE_ITEM(args, 0);
        if (!KR_TYPE_CHECK(t)) {
            kr_err_format(kr_exc_TypeError, "super() argument 1 must be a type, not %s",
                          kr_type_name_cstr(KR_TYPE(t)));
            return -1;
        }
        type = (KrType *)t;
        if (n == 2) obj = KR_TUPLE_ITEM(args, 1);
        if (obj == kr_none) obj = NULL;
    }
    KrType *obj_type = NULL;
    if (obj && !(obj_type = supercheck(type, obj))) return -1;
    KrSuper *su = SU(self);
    KR_INCREF(type);
    KR_XDECREF(su->type);
    su->type = type;
    KR_SETREF(su->obj, kr_xnewref(obj));
    if (obj_type) KR_INCREF(obj_type);
    KR_XDECREF(su->obj_type);
    su->obj_type = obj_type;
    return 0;
}

static KrObject *super_descr_get(KrObject *self, KrObject *obj, KrObject *type) {
    KrSuper *su = SU(self);
    if (!obj || obj == kr_none || su->obj) return KR_NEWREF(self);
    KrType *obj_type = supercheck(su->type, obj);
    if (!obj_type) return NULL;
    KrSuper *n = (KrSuper *)kr_type_generic_alloc(KR_TYPE(self), 0);
    if (!n) return NULL;
    n->type = su->type;
    KR_INCREF(n->type);
    n->obj = KR_NEWREF(obj);
    n->obj_type = obj_type;
    KR_INCREF(obj_type);
    return (KrObject *)n;
}

static KrObject *super_repr(KrObject *self) {
    KrSuper *su = SU(self);
    const char *tn = su->type ? su->type->tp_name : "NULL";
    if (su->obj_type)
        return kr_str_from_format("<super: <class '%s'>, <%s object>>", tn, su->obj_type->tp_name);
    return kr_str_from_format("<super: <class '%s'>, NULL>", tn);
}

static void super_dealloc(KrObject *self) {
    kr_gc_untrack(self);
    KR_XDECREF(SU(self)->type);
    KR_XDECREF(SU(self)->obj);
    KR_XDECREF(SU(self)->obj_type);
    kr_object_free(self);
}

static int super_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    int r;
    if (SU(self)->obj && (r = visit(SU(self)->obj, arg))) return r;
    if (SU(self)->type && (r = visit((KrObject *)SU(self)->type, arg))) return r;
    if (SU(self)->obj_type && (r = visit((KrObject *)SU(self)->obj_type, arg))) return r;
    return 0;
}

static KrMemberDef super_members[] = {
    {"__thisclass__", KR_MEMBER_OBJECT, offsetof(KrSuper, type), KR_MEMBER_READONLY,
     "the class invoking super()"},
    {"__self__", KR_MEMBER_OBJECT, offsetof(KrSuper, obj), KR_MEMBER_READONLY,
     "the instance invoking super(); may be None"},
    {"__self_class__", KR_MEMBER_OBJECT, offsetof(KrSuper, obj_type), KR_MEMBER_READONLY,
     "the type of the instance invoking super(); may be None"},
    {NULL, 0, 0, 0, NULL},
};

KrType kr_super_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "super",
    .tp_basicsize = sizeof(KrSuper),
    .tp_dealloc = super_dealloc,
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "super() -> same as super(__class__, <first argument>)\n"
              "super(type) -> unbound super object\n"
              "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
              "super(type, type2) -> bound super object; requires issubclass(type2, type)",
    .tp_traverse = super_traverse,
    .tp_members = super_members,
    .tp_descr_get = super_descr_get,
    .tp_init = super_init,
    .tp_new = kr_type_generic_new,
};
