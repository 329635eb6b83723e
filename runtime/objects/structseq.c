/* structseq.c - struct sequences: tuples whose items also have names, such as
 * sys.version_info and sys.float_info ("sys.version_info(major=3, minor=12, ...)"). */
#include <stddef.h>
#include <string.h>

#include "krait.h"

static KrObject *structseq_repr(KrObject *self) {
    KrType *t = KR_TYPE(self);
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    kr_strbuilder_append_cstr(&b, t->tp_name);
    kr_strbuilder_append_cstr(&b, "(");
    kr_ssize i = 0;
    for (KrMemberDef *m = t->tp_members; m && m->name; m++, i++) {
        if (i >= KR_SIZE(self)) break;
        if (i) kr_strbuilder_append_cstr(&b, ", ");
        kr_strbuilder_append_cstr(&b, m->name);
        kr_strbuilder_append_cstr(&b, "=");
        KrObject *r = kr_object_repr(KR_TUPLE_ITEM(self, i));
        if (!r) {
            kr_strbuilder_discard(&b);
            return NULL;
        }
        kr_strbuilder_append_str(&b, r);
        KR_DECREF(r);
    }
    kr_strbuilder_append_cstr(&b, ")");
    return kr_strbuilder_finish(&b);
}

static KrObject *structseq_reduce(KrObject *self, KrObject *unused) {
    KrObject *items = kr_tuple_from_array(KR_TUPLE_ITEMS(self), KR_SIZE(self));
    if (!items) return NULL;
    KrObject *r = kr_tuple_pack(2, (KrObject *)KR_TYPE(self), items);
    KR_DECREF(items);
    return r;
}

static KrMethodDef structseq_methods[] = {
    {"__reduce__", (void *)structseq_reduce, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* Creates a struct-sequence type named `name` ("sys.float_info") with the given
 * fields. The type lives as long as the process. */
KrType *kr_structseq_new_type(const char *name, const char *const *fields, const char *doc) {
    int n = 0;
    while (fields[n]) n++;
    KrType *t = kr_mem_calloc(1, sizeof(KrType));
    KrMemberDef *members = kr_mem_calloc((size_t)n + 1, sizeof(KrMemberDef));
    if (!t || !members) return NULL;
    for (int i = 0; i < n; i++) {
        members[i].name = fields[i];
        members[i].type = KR_MEMBER_OBJECT;
        members[i].offset = (kr_ssize)(offsetof(KrTuple, items) + (size_t)i * sizeof(KrObject *));
        members[i].flags = KR_MEMBER_READONLY;
    }
    *t = (KrType){
        .ob_base = KR_STATIC_TYPE_HEAD,
        .tp_name = name,
        .tp_basicsize = kr_tuple_type.tp_basicsize,
        .tp_itemsize = kr_tuple_type.tp_itemsize,
        .tp_repr = structseq_repr,
        .tp_members = members,
        .tp_methods = structseq_methods,
        .tp_base = &kr_tuple_type,
        .tp_flags = KR_TPFLAGS_DISALLOW_INSTANTIATION,
        .tp_doc = doc,
    };
    if (kr_type_ready(t) < 0) return NULL;
    t->tp_new = NULL;
    return t;
}

/* Builds an instance from `n` values (stolen references). */
KrObject *kr_structseq_new(KrType *t, KrObject **values, kr_ssize n) {
    KrObject *o = kr_object_new_var(t, n);
    if (!o) {
        for (kr_ssize i = 0; i < n; i++) KR_XDECREF(values[i]);
        return NULL;
    }
    ((KrTuple *)o)->hash = -1;
    bool ok = true;
    for (kr_ssize i = 0; i < n; i++) {
        KR_TUPLE_ITEM(o, i) = values[i];
        if (!values[i]) ok = false;
    }
    if (kr_type_has_flag(t, KR_TPFLAGS_HAVE_GC)) kr_gc_track(o);
    if (!ok) {
        KR_DECREF(o);
        return NULL;
    }
    return o;
}
