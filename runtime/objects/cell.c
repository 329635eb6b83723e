/* cell.c - cell objects: the boxes that hold variables shared between a function and
 * the closures nested in it (MAKE_CELL / LOAD_DEREF / STORE_DEREF, __closure__). */
#include "krait.h"

KrObject *kr_cell_new(KrObject *value) {
    KrCell *c = (KrCell *)kr_object_new(&kr_cell_type);
    if (!c) return NULL;
    c->ref = kr_xnewref(value);
    kr_gc_track((KrObject *)c);
    return (KrObject *)c;
}

static void cell_dealloc(KrObject *self) {
    kr_gc_untrack(self);
    KR_XDECREF(((KrCell *)self)->ref);
    kr_object_free(self);
}

static int cell_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    KrObject *r = ((KrCell *)self)->ref;
    return r ? visit(r, arg) : 0;
}

static int cell_clear(KrObject *self) {
    KR_CLEAR(((KrCell *)self)->ref);
    return 0;
}

static KrObject *cell_repr(KrObject *self) {
    KrObject *r = ((KrCell *)self)->ref;
    if (!r) return kr_str_from_format("<cell at %p: empty>", self);
    return kr_str_from_format("<cell at %p: %s object at %p>", self, KR_TYPE(r)->tp_name, r);
}

/* Empty cells sort before full ones; full cells compare by contents. */
static KrObject *cell_richcompare(KrObject *a, KrObject *b, int op) {
    if (KR_TYPE(b) != &kr_cell_type && !KR_TYPE_IS(b, &kr_cell_type)) return kr_notimplemented;
    KrObject *x = ((KrCell *)a)->ref, *y = ((KrCell *)b)->ref;
    if (x && y) return kr_object_richcompare(x, y, op);
    int c = (x != NULL) - (y != NULL);
    int r;
    switch (op) {
    case KR_LT: r = c < 0; break;
    case KR_LE: r = c <= 0; break;
    case KR_EQ: r = c == 0; break;
    case KR_NE: r = c != 0; break;
    case KR_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return kr_bool_new(r);
}

static KrObject *cell_get_contents(KrObject *self, void *c) {
    KrObject *r = ((KrCell *)self)->ref;
    if (!r) {
        kr_err_set_string(kr_exc_ValueError, "Cell is empty");
        return NULL;
    }
    return KR_NEWREF(r);
}

static int cell_set_contents(KrObject *self, KrObject *value, void *c) {
    KR_SETREF(((KrCell *)self)->ref, kr_xnewref(value));
    return 0;
}

static KrObject *cell_new(KrType *t, KrObject *args, KrObject *kwargs) {
    if (kwargs && kr_dict_size(kwargs) > 0) {
        kr_err_set_string(kr_exc_TypeError, "cell() takes no keyword arguments");
        return NULL;
    }
    kr_ssize n = args ? KR_SIZE(args) : 0;
    if (n > 1) {
        kr_err_format(kr_exc_TypeError, "cell expected at most 1 argument, got %zd", n);
        return NULL;
    }
    return kr_cell_new(n ? KR_TUPLE_ITEM(args, 0) : NULL);
}

static KrGetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KrType kr_cell_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "cell",
    .tp_basicsize = sizeof(KrCell),
    .tp_dealloc = cell_dealloc,
    .tp_repr = cell_repr,
    .tp_hash = kr_object_hash_not_implemented,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_doc = "Create a new cell object.",
    .tp_traverse = cell_traverse,
    .tp_clear = cell_clear,
    .tp_richcompare = cell_richcompare,
    .tp_getset = cell_getset,
    .tp_new = cell_new,
};
