/* none.c - the singletons None, NotImplemented and Ellipsis and their types. */
#include "krait.h"

static KrObject *none_repr(KrObject *o) { return kr_str_intern_cstr("None"); }
static int none_bool(KrObject *o) { return 0; }
static kr_hash none_hash(KrObject *o) { return (kr_hash)0xFCA86420; /* CPython 3.12's constant */ }

static KrObject *singleton_new_noargs(KrType *t, KrObject *args, KrObject *kwargs, KrObject *value) {
    if ((args && KR_SIZE(args) > 0) || (kwargs && kr_dict_size(kwargs) > 0))
        return kr_err_format(kr_exc_TypeError, "%s takes no arguments", kr_type_name_cstr(t));
    return value;
}
static KrObject *none_new(KrType *t, KrObject *a, KrObject *k) { return singleton_new_noargs(t, a, k, kr_none); }
static KrObject *notimpl_new(KrType *t, KrObject *a, KrObject *k) {
    return singleton_new_noargs(t, a, k, kr_notimplemented);
}
static KrObject *ellipsis_new(KrType *t, KrObject *a, KrObject *k) {
    return singleton_new_noargs(t, a, k, kr_ellipsis);
}

static KrNumberMethods none_as_number = {.nb_bool = none_bool};

KrType kr_none_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "NoneType",
    .tp_basicsize = sizeof(KrObject),
    .tp_repr = none_repr,
    .tp_as_number = &none_as_number,
    .tp_hash = none_hash,
    .tp_new = none_new,
    .tp_doc = "The type of the None singleton.",
};
KrObject kr_none_struct = KR_STATIC_OBJECT_INIT(&kr_none_type);

static KrObject *notimpl_repr(KrObject *o) { return kr_str_intern_cstr("NotImplemented"); }
static KrObject *notimpl_reduce(KrObject *o, KrObject *unused) { return kr_str_intern_cstr("NotImplemented"); }
static int notimpl_bool(KrObject *o) {
    /* CPython 3.12: DeprecationWarning; the warnings module arrives later */
    return 1;
}
static KrNumberMethods notimpl_as_number = {.nb_bool = notimpl_bool};
static KrMethodDef notimpl_methods[] = {
    {"__reduce__", (void *)notimpl_reduce, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};
KrType kr_notimplemented_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "NotImplementedType",
    .tp_basicsize = sizeof(KrObject),
    .tp_repr = notimpl_repr,
    .tp_as_number = &notimpl_as_number,
    .tp_methods = notimpl_methods,
    .tp_new = notimpl_new,
};
KrObject kr_notimplemented_struct = KR_STATIC_OBJECT_INIT(&kr_notimplemented_type);

static KrObject *ellipsis_repr(KrObject *o) { return kr_str_intern_cstr("Ellipsis"); }
static KrObject *ellipsis_reduce(KrObject *o, KrObject *unused) { return kr_str_intern_cstr("Ellipsis"); }
static KrMethodDef ellipsis_methods[] = {
    {"__reduce__", (void *)ellipsis_reduce, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};
KrType kr_ellipsis_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "ellipsis",
    .tp_basicsize = sizeof(KrObject),
    .tp_repr = ellipsis_repr,
    .tp_methods = ellipsis_methods,
    .tp_new = ellipsis_new,
};
KrObject kr_ellipsis_struct = KR_STATIC_OBJECT_INIT(&kr_ellipsis_type);
