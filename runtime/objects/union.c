/* union.c - types.UnionType, the value of `int | str` (PEP 604): flattened,
 * deduplicated member types usable with isinstance()/issubclass(). type's nb_or and
 * the union's own | operator both build one here. */
#include <string.h>

#include "type_internal.h"

#define TUP(o, i) KR_TUPLE_ITEM(o, i)

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *args; /* tuple of the member types, flattened and deduplicated */
    KrObject *parameters;
} KrUnion;

KrObject *kr_union_args(KrObject *o) {
    if (KR_TYPE(o) == &kr_union_type) return ((KrUnion *)o)->args;
    return NULL;
}

/* Only None, classes, unions and typing's generic aliases may take part. */
static bool unionable(KrObject *o) {
    if (o == kr_none || KR_TYPE_CHECK(o) || KR_TYPE(o) == &kr_union_type) return true;
    const char *n = KR_TYPE(o)->tp_name;
    return strcmp(n, "types.GenericAlias") == 0 || strcmp(n, "GenericAlias") == 0;
}

static int union_add(KrObject *list, KrObject *o) {
    if (o == kr_none) o = (KrObject *)&kr_none_type;
    if (KR_TYPE(o) == &kr_union_type) {
        KrObject *a = ((KrUnion *)o)->args;
        for (kr_ssize i = 0; i < KR_SIZE(a); i++)
            if (union_add(list, TUP(a, i)) < 0) return -1;
        return 0;
    }
    for (kr_ssize i = 0; i < KR_SIZE(list); i++)
        if (KR_LIST_ITEM(list, i) == o) return 0;
    return kr_list_append(list, o);
}

KrObject *kr_union_or(KrObject *a, KrObject *b) {
    if (!unionable(a) || !unionable(b)) return KR_NEWREF(kr_notimplemented);
    KrObject *list = kr_list_new(0);
    if (!list) return NULL;
    if (union_add(list, a) < 0 || union_add(list, b) < 0) {
        KR_DECREF(list);
        return NULL;
    }
    if (KR_SIZE(list) == 1) {
        KrObject *r = KR_NEWREF(KR_LIST_ITEM(list, 0));
        KR_DECREF(list);
        return r;
    }
    KrUnion *u = (KrUnion *)kr_type_generic_alloc(&kr_union_type, 0);
    if (!u) {
        KR_DECREF(list);
        return NULL;
    }
    u->args = kr_list_as_tuple(list);
    KR_DECREF(list);
    if (!u->args) {
        KR_DECREF(u);
        return NULL;
    }
    return (KrObject *)u;
}

static void union_dealloc(KrObject *self) {
    kr_gc_untrack(self);
    KR_XDECREF(((KrUnion *)self)->args);
    KR_XDECREF(((KrUnion *)self)->parameters);
    kr_object_free(self);
}

static int union_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    KrObject *a = ((KrUnion *)self)->args;
    return a ? visit(a, arg) : 0;
}

static KrObject *union_repr(KrObject *self) {
    KrObject *a = ((KrUnion *)self)->args;
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    for (kr_ssize i = 0; i < KR_SIZE(a); i++) {
        KrObject *o = TUP(a, i);
        if (i) kr_strbuilder_append_cstr(&b, " | ");
        KrObject *s;
        if (o == (KrObject *)&kr_none_type) {
            s = kr_str_from_cstr("None");
        } else if (KR_TYPE_CHECK(o)) {
            KrObject *mod = kr_type_module((KrType *)o);
            if (!mod) kr_err_clear();
            KrObject *qn = kr_type_qualname((KrType *)o);
            if (mod && KR_STR_CHECK(mod) && !kr_str_eq_cstr(mod, "builtins") && qn)
                s = kr_str_from_format("%U.%U", mod, qn);
            else
                s = qn ? KR_NEWREF(qn) : NULL;
            KR_XDECREF(mod);
            KR_XDECREF(qn);
        } else {
            s = kr_object_repr(o);
        }
        if (!s || kr_strbuilder_append_str(&b, s) < 0) {
            KR_XDECREF(s);
            kr_strbuilder_discard(&b);
            return NULL;
        }
        KR_DECREF(s);
    }
    return kr_strbuilder_finish(&b);
}

static KrObject *union_richcompare(KrObject *a, KrObject *b, int op) {
    if ((op != KR_EQ && op != KR_NE) || KR_TYPE(b) != &kr_union_type)
        return KR_NEWREF(kr_notimplemented);
    KrObject *sa = kr_frozenset_new(((KrUnion *)a)->args);
    KrObject *sb = sa ? kr_frozenset_new(((KrUnion *)b)->args) : NULL;
    KrObject *r = sb ? kr_object_richcompare(sa, sb, op) : NULL;
    KR_XDECREF(sa);
    KR_XDECREF(sb);
    return r;
}

static kr_hash union_hash(KrObject *self) {
    KrObject *s = kr_frozenset_new(((KrUnion *)self)->args);
    if (!s) return -1;
    kr_hash h = kr_object_hash(s);
    KR_DECREF(s);
    return h;
}

static KrObject *union_instancecheck(KrObject *self, KrObject *inst) {
    int r = kr_object_isinstance(inst, ((KrUnion *)self)->args);
    return r < 0 ? NULL : KR_NEWREF(kr_bool_from(r));
}

static KrObject *union_subclasscheck(KrObject *self, KrObject *sub) {
    int r = kr_object_issubclass(sub, ((KrUnion *)self)->args);
    return r < 0 ? NULL : KR_NEWREF(kr_bool_from(r));
}

static KrObject *union_get_args(KrObject *self, void *c) {
    return KR_NEWREF(((KrUnion *)self)->args);
}
static KrObject *union_get_params(KrObject *self, void *c) { return KR_NEWREF(kr_empty_tuple); }

static KrMethodDef union_methods[] = {
    {"__instancecheck__", (void *)union_instancecheck, KR_METH_O, NULL},
    {"__subclasscheck__", (void *)union_subclasscheck, KR_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};
static KrGetSetDef union_getset[] = {
    {"__args__", union_get_args, NULL, NULL, NULL},
    {"__parameters__", union_get_params, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
static KrNumberMethods union_as_number = {.nb_or = kr_union_or};

KrType kr_union_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "types.UnionType",
    .tp_basicsize = sizeof(KrUnion),
    .tp_dealloc = union_dealloc,
    .tp_repr = union_repr,
    .tp_as_number = &union_as_number,
    .tp_hash = union_hash,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_doc = "Represent a PEP 604 union type\n\nE.g. for int | str",
    .tp_traverse = union_traverse,
    .tp_richcompare = union_richcompare,
    .tp_methods = union_methods,
    .tp_getset = union_getset,
};
