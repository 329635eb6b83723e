/* dict_views.c - dict.keys()/values()/items() views (len, in, reversed, repr, the set
 * operations of keys and items views) and the forward and reverse dict iterators,
 * which detect a dict that changes size while it is being iterated. */
#include "containers.h"

/* ===========================================================================
 * Iterators
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *dict; /* NULL once exhausted */
    kr_ssize used;  /* the dict's size when iteration started */
    kr_ssize pos;   /* next entry (reverse: entry to try next, going down) */
    kr_ssize len;   /* items still expected */
} DictIter;

enum { ITER_KEYS, ITER_VALUES, ITER_ITEMS };

static int iter_kind(KrType *t) {
    if (t == &kr_dict_keyiter_type || t == &kr_dict_revkeyiter_type) return ITER_KEYS;
    if (t == &kr_dict_valueiter_type || t == &kr_dict_revvalueiter_type) return ITER_VALUES;
    return ITER_ITEMS;
}

KrObject *kr_dict_iter_new(KrObject *d, KrType *itertype, int reversed) {
    if (reversed) {
        int kind = iter_kind(itertype);
        itertype = kind == ITER_KEYS     ? &kr_dict_revkeyiter_type
                   : kind == ITER_VALUES ? &kr_dict_revvalueiter_type
                                         : &kr_dict_revitemiter_type;
    }
    DictIter *it = (DictIter *)kr_object_new(itertype);
    if (!it) return NULL;
    it->dict = KR_NEWREF(d);
    it->used = kr_dict_size(d);
    it->len = it->used;
    it->pos = reversed ? kr_dict_nentries(d) - 1 : 0;
    kr_gc_track((KrObject *)it);
    return (KrObject *)it;
}

static void dictiter_dealloc(KrObject *o) {
    kr_gc_untrack(o);
    KR_XDECREF(((DictIter *)o)->dict);
    kr_object_free(o);
}

static int dictiter_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    KrObject *d = ((DictIter *)o)->dict;
    return d ? visit(d, arg) : 0;
}

static KrObject *make_result(int kind, KrObject *k, KrObject *v) {
    if (kind == ITER_KEYS) return KR_NEWREF(k);
    if (kind == ITER_VALUES) return KR_NEWREF(v);
    return kr_tuple_pack(2, k, v);
}

static KrObject *dictiter_next(KrObject *o) {
    DictIter *it = (DictIter *)o;
    KrObject *d = it->dict;
    if (!d) return NULL;
    if (it->used != kr_dict_size(d)) {
        kr_err_set_string(kr_exc_RuntimeError, "dictionary changed size during iteration");
        it->used = -1; /* keep failing */
        return NULL;
    }
    kr_ssize i = it->pos, n = kr_dict_nentries(d);
    KrObject *k, *v;
    for (; i < n; i++)
        if (kr_dict_entry_at(d, i, &k, &v)) break;
    if (i >= n) goto exhausted;
    it->pos = i + 1;
    if (it->len == 0) {
        kr_err_set_string(kr_exc_RuntimeError, "dictionary keys changed during iteration");
        goto exhausted;
    }
    it->len--;
    return make_result(iter_kind(KR_TYPE(o)), k, v);
exhausted:
    it->dict = NULL;
    KR_DECREF(d);
    return NULL;
}

static KrObject *dictreviter_next(KrObject *o) {
    DictIter *it = (DictIter *)o;
    KrObject *d = it->dict;
    if (!d) return NULL;
    if (it->used != kr_dict_size(d)) {
        kr_err_set_string(kr_exc_RuntimeError, "dictionary changed size during iteration");
        it->used = -1;
        return NULL;
    }
    kr_ssize i = it->pos;
    KrObject *k, *v;
    if (i >= kr_dict_nentries(d)) i = kr_dict_nentries(d) - 1;
    for (; i >= 0; i--)
        if (kr_dict_entry_at(d, i, &k, &v)) break;
    if (i < 0) goto exhausted;
    it->pos = i - 1;
    it->len--;
    return make_result(iter_kind(KR_TYPE(o)), k, v);
exhausted:
    it->dict = NULL;
    KR_DECREF(d);
    return NULL;
}

static KrObject *dictiter_length_hint(KrObject *o, KrObject *unused) {
    DictIter *it = (DictIter *)o;
    kr_ssize n = 0;
    if (it->dict && it->used == kr_dict_size(it->dict)) n = it->len;
    return kr_int_from_ssize(n);
}

static KrMethodDef dictiter_methods[] = {
    {"__length_hint__", (void *)dictiter_length_hint, KR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

#define DICT_ITER_TYPE(cname, pyname, nextfn)                                                      \
    KrType cname = {                                                                               \
        .ob_base = KR_STATIC_TYPE_HEAD,                                                            \
        .tp_name = pyname,                                                                         \
        .tp_basicsize = sizeof(DictIter),                                                          \
        .tp_dealloc = dictiter_dealloc,                                                            \
        .tp_flags = KR_TPFLAGS_HAVE_GC,                                                            \
        .tp_traverse = dictiter_traverse,                                                          \
        .tp_getattro = kr_object_generic_getattr,                                                  \
        .tp_iter = kr_object_self_iter,                                                            \
        .tp_iternext = nextfn,                                                                     \
        .tp_methods = dictiter_methods,                                                            \
    };

DICT_ITER_TYPE(kr_dict_keyiter_type, "dict_keyiterator", dictiter_next)
DICT_ITER_TYPE(kr_dict_valueiter_type, "dict_valueiterator", dictiter_next)
DICT_ITER_TYPE(kr_dict_itemiter_type, "dict_itemiterator", dictiter_next)
DICT_ITER_TYPE(kr_dict_revkeyiter_type, "dict_reversekeyiterator", dictreviter_next)
DICT_ITER_TYPE(kr_dict_revvalueiter_type, "dict_reversevalueiterator", dictreviter_next)
DICT_ITER_TYPE(kr_dict_revitemiter_type, "dict_reverseitemiterator", dictreviter_next)

/* ===========================================================================
 * Views: common parts
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *dict;
} DictView;

#define VIEW_DICT(o) (((DictView *)(o))->dict)

KrObject *kr_dict_view_new(KrObject *d, KrType *viewtype) {
    DictView *v = (DictView *)kr_object_new(viewtype);
    if (!v) return NULL;
    v->dict = KR_NEWREF(d);
    kr_gc_track((KrObject *)v);
    return (KrObject *)v;
}

static void view_dealloc(KrObject *o) {
    kr_gc_untrack(o);
    KR_XDECREF(VIEW_DICT(o));
    kr_object_free(o);
}

static int view_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    KrObject *d = VIEW_DICT(o);
    return d ? visit(d, arg) : 0;
}

static kr_ssize view_len(KrObject *o) { return kr_dict_size(VIEW_DICT(o)); }

static KrType *iter_type_of_view(KrObject *o) {
    KrType *t = KR_TYPE(o);
    if (t == &kr_dict_keys_type) return &kr_dict_keyiter_type;
    if (t == &kr_dict_values_type) return &kr_dict_valueiter_type;
    return &kr_dict_itemiter_type;
}

static KrObject *view_iter(KrObject *o) {
    return kr_dict_iter_new(VIEW_DICT(o), iter_type_of_view(o), 0);
}

static KrObject *view_reversed(KrObject *o, KrObject *unused) {
    return kr_dict_iter_new(VIEW_DICT(o), iter_type_of_view(o), 1);
}

static KrObject *view_repr(KrObject *o) {
    int rc = kr_repr_enter(o);
    if (rc != 0) return rc > 0 ? kr_str_from_cstr("...") : NULL;
    KrObject *r = NULL, *seq = kr_list_from_iterable(o);
    if (seq) {
        r = kr_str_from_format("%s(%R)", KR_TYPE(o)->tp_name, seq);
        KR_DECREF(seq);
    }
    kr_repr_leave(o);
    return r;
}

static bool is_set_view(KrObject *o) {
    return KR_TYPE_IS(o, &kr_dict_keys_type) || KR_TYPE_IS(o, &kr_dict_items_type);
}

static int keys_contains(KrObject *o, KrObject *key) { return kr_dict_contains(VIEW_DICT(o), key); }

static int items_contains(KrObject *o, KrObject *item) {
    if (!KR_TUPLE_CHECK(item) || KR_SIZE(item) != 2) return 0;
    KrObject *key = KR_TUPLE_ITEM(item, 0), *value = KR_TUPLE_ITEM(item, 1);
    KrObject *found = kr_dict_get_item(VIEW_DICT(o), key);
    if (!found) return kr_err_occurred() ? -1 : 0;
    KR_INCREF(found);
    int r = kr_object_richcompare_bool(found, value, KR_EQ);
    KR_DECREF(found);
    return r;
}

/* ===========================================================================
 * Set operations of keys and items views
 * ========================================================================= */

/* set(view); a keys view of an exact dict converts the dict itself (presized). */
static KrObject *view_to_set(KrObject *o) {
    KrObject *src = o;
    if (KR_TYPE_IS(o, &kr_dict_keys_type) && KR_DICT_CHECK_EXACT(VIEW_DICT(o))) src = VIEW_DICT(o);
    return kr_set_new(src);
}

static KrObject *call_method_1(KrObject *o, const char *name, KrObject *arg) {
    return kr_call_method(o, name, &arg, 1);
}

static KrObject *view_sub(KrObject *a, KrObject *b) {
    if (!is_set_view(a)) {
        /* other - view: the other operand's set conversion does the work */
        KrObject *r = kr_set_new(a);
        if (!r) return NULL;
        KrObject *t = call_method_1(r, "difference_update", b);
        if (!t) {
            KR_DECREF(r);
            return NULL;
        }
        KR_DECREF(t);
        return r;
    }
    KrObject *r = view_to_set(a);
    if (!r) return NULL;
    KrObject *t = call_method_1(r, "difference_update", b);
    if (!t) {
        KR_DECREF(r);
        return NULL;
    }
    KR_DECREF(t);
    return r;
}

static KrObject *view_and(KrObject *self, KrObject *other) {
    if (!is_set_view(self)) {
        KrObject *t = self;
        self = other;
        other = t;
    }
    kr_ssize len_self = view_len(self);
    if (KR_TYPE(other) == &kr_set_type && len_self <= kr_set_size(other))
        return call_method_1(other, "intersection", self);
    if (is_set_view(other) && view_len(other) > len_self) {
        KrObject *t = self;
        self = other;
        other = t;
    }
    KrObject *result = kr_set_new(NULL);
    if (!result) return NULL;
    KrObject *it = kr_object_get_iter(other);
    if (!it) {
        KR_DECREF(result);
        return NULL;
    }
    bool keys = KR_TYPE_IS(self, &kr_dict_keys_type);
    KrObject *x;
    while ((x = kr_iter_next(it)) != NULL) {
        int c = keys ? keys_contains(self, x) : items_contains(self, x);
        if (c > 0) c = kr_set_add(result, x);
        KR_DECREF(x);
        if (c < 0) goto fail;
    }
    if (kr_err_occurred()) goto fail;
    KR_DECREF(it);
    return result;
fail:
    KR_DECREF(it);
    KR_DECREF(result);
    return NULL;
}

static KrObject *view_or(KrObject *a, KrObject *b) {
    KrObject *left = a, *right = b;
    if (!is_set_view(a)) {
        /* other | view: start from the other operand */
        KrObject *r = kr_set_new(left);
        if (!r) return NULL;
        if (kr_set_update(r, right) < 0) {
            KR_DECREF(r);
            return NULL;
        }
        return r;
    }
    KrObject *r = view_to_set(left);
    if (!r) return NULL;
    if (kr_set_update(r, right) < 0) {
        KR_DECREF(r);
        return NULL;
    }
    return r;
}

/* items ^ items, keeping CPython's result order. */
static KrObject *items_xor(KrObject *self, KrObject *other) {
    KrObject *temp = kr_dict_copy(VIEW_DICT(self));
    if (!temp) return NULL;
    KrObject *result = kr_set_new(NULL);
    KrObject *it = result ? kr_object_get_iter(other) : NULL;
    if (!it) goto fail;
    KrObject *item;
    while ((item = kr_iter_next(it)) != NULL) {
        KrObject *key = KR_TUPLE_ITEM(item, 0), *val2 = KR_TUPLE_ITEM(item, 1);
        KrObject *val1 = kr_dict_get_item(temp, key);
        int err = 0;
        if (!val1) {
            err = kr_err_occurred() ? -1 : kr_set_add(result, item);
        } else {
            KR_INCREF(val1);
            int eq = kr_object_richcompare_bool(val1, val2, KR_EQ);
            KR_DECREF(val1);
            if (eq < 0)
                err = -1;
            else if (eq)
                err = kr_dict_del_item(temp, key);
            else
                err = kr_set_add(result, item);
        }
        KR_DECREF(item);
        if (err < 0) goto fail;
    }
    if (kr_err_occurred()) goto fail;
    KR_CLEAR(it);
    KrObject *rest = kr_dict_view_new(temp, &kr_dict_items_type);
    if (!rest) goto fail;
    int e = kr_set_update(result, rest);
    KR_DECREF(rest);
    if (e < 0) goto fail;
    KR_DECREF(temp);
    return result;
fail:
    KR_XDECREF(it);
    KR_XDECREF(result);
    KR_DECREF(temp);
    return NULL;
}

static KrObject *view_xor(KrObject *a, KrObject *b) {
    if (KR_TYPE_IS(a, &kr_dict_items_type) && KR_TYPE_IS(b, &kr_dict_items_type))
        return items_xor(a, b);
    KrObject *r = is_set_view(a) ? view_to_set(a) : kr_set_new(a);
    if (!r) return NULL;
    KrObject *t = call_method_1(r, "symmetric_difference_update", b);
    if (!t) {
        KR_DECREF(r);
        return NULL;
    }
    KR_DECREF(t);
    return r;
}

/* Every item of `a` is in `b`: 1/0/-1. */
static int all_contained_in(KrObject *a, KrObject *b) {
    KrObject *it = kr_object_get_iter(a);
    if (!it) return -1;
    int ok = 1;
    KrObject *x;
    while ((x = kr_iter_next(it)) != NULL) {
        ok = kr_object_contains(b, x);
        KR_DECREF(x);
        if (ok <= 0) break;
    }
    if (ok > 0 && kr_err_occurred()) ok = -1;
    KR_DECREF(it);
    return ok;
}

static KrObject *view_richcompare(KrObject *self, KrObject *other, int op) {
    if (!KR_ANYSET_CHECK(other) && !is_set_view(other)) return KR_NEWREF(kr_notimplemented);
    kr_ssize ls = view_len(self), lo = kr_object_length(other);
    if (lo < 0) return NULL;
    int ok = 0;
    switch (op) {
    case KR_NE:
    case KR_EQ:
        if (ls == lo) ok = all_contained_in(self, other);
        if (op == KR_NE && ok >= 0) ok = !ok;
        break;
    case KR_LT:
        if (ls < lo) ok = all_contained_in(self, other);
        break;
    case KR_LE:
        if (ls <= lo) ok = all_contained_in(self, other);
        break;
    case KR_GT:
        if (ls > lo) ok = all_contained_in(other, self);
        break;
    case KR_GE:
        if (ls >= lo) ok = all_contained_in(other, self);
        break;
    }
    if (ok < 0) return NULL;
    return KR_NEWREF(kr_bool_from(ok));
}

static KrObject *view_isdisjoint(KrObject *self, KrObject *other) {
    if (self == other) return KR_NEWREF(kr_bool_from(view_len(self) == 0));
    if (KR_ANYSET_CHECK(other) || is_set_view(other)) {
        kr_ssize lo = kr_object_length(other);
        if (lo < 0) return NULL;
        if (lo > view_len(self)) {
            KrObject *t = self;
            self = other;
            other = t;
        }
    }
    KrObject *it = kr_object_get_iter(other);
    if (!it) return NULL;
    KrObject *x;
    while ((x = kr_iter_next(it)) != NULL) {
        int c = kr_object_contains(self, x);
        KR_DECREF(x);
        if (c != 0) {
            KR_DECREF(it);
            return c < 0 ? NULL : KR_NEWREF(kr_false);
        }
    }
    KR_DECREF(it);
    if (kr_err_occurred()) return NULL;
    return KR_NEWREF(kr_true);
}

/* ===========================================================================
 * The view types
 * ========================================================================= */

static KrMethodDef setview_methods[] = {
    {"isdisjoint", (void *)view_isdisjoint, KR_METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", (void *)view_reversed, KR_METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL},
};

static KrMethodDef values_methods[] = {
    {"__reversed__", (void *)view_reversed, KR_METH_NOARGS,
     "Return a reverse iterator over the dict values."},
    {NULL, NULL, 0, NULL},
};

static KrObject *view_mapping(KrObject *self, void *closure) {
    return kr_mappingproxy_new(VIEW_DICT(self));
}

static KrGetSetDef view_getset[] = {
    {"mapping", view_mapping, NULL, "dictionary that this view refers to", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static KrNumberMethods setview_as_number = {
    .nb_subtract = view_sub,
    .nb_and = view_and,
    .nb_xor = view_xor,
    .nb_or = view_or,
};

static KrSequenceMethods keys_as_sequence = {.sq_length = view_len, .sq_contains = keys_contains};
static KrSequenceMethods items_as_sequence = {.sq_length = view_len, .sq_contains = items_contains};
static KrSequenceMethods values_as_sequence = {.sq_length = view_len};

KrType kr_dict_keys_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "dict_keys",
    .tp_basicsize = sizeof(DictView),
    .tp_dealloc = view_dealloc,
    .tp_repr = view_repr,
    .tp_as_number = &setview_as_number,
    .tp_as_sequence = &keys_as_sequence,
    .tp_hash = kr_object_hash_not_implemented,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_traverse = view_traverse,
    .tp_richcompare = view_richcompare,
    .tp_iter = view_iter,
    .tp_methods = setview_methods,
    .tp_getset = view_getset,
};

KrType kr_dict_items_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "dict_items",
    .tp_basicsize = sizeof(DictView),
    .tp_dealloc = view_dealloc,
    .tp_repr = view_repr,
    .tp_as_number = &setview_as_number,
    .tp_as_sequence = &items_as_sequence,
    .tp_hash = kr_object_hash_not_implemented,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_traverse = view_traverse,
    .tp_richcompare = view_richcompare,
    .tp_iter = view_iter,
    .tp_methods = setview_methods,
    .tp_getset = view_getset,
};

KrType kr_dict_values_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(DictView),
    .tp_dealloc = view_dealloc,
    .tp_repr = view_repr,
    .tp_as_sequence = &values_as_sequence,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_traverse = view_traverse,
    .tp_iter = view_iter,
    .tp_methods = values_methods,
    .tp_getset = view_getset,
};
