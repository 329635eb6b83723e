/* collectionsmodule.c - _collections: deque (a ring buffer with an optional maxlen)
 * and its iterators, defaultdict (a dict subclass with __missing__) and
 * _count_elements, the counting loop behind collections.Counter. */
#include <string.h>

#include "func_internal.h"

/* ===========================================================================
 * deque
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject **items; /* ring buffer of cap slots (a power of two) */
    kr_ssize head, len, cap;
    kr_ssize maxlen;  /* -1: unbounded */
    uint64_t state;   /* bumped by every mutation, checked by iterators */
    KrObject *weakreflist;
} Deque;

static KrType deque_type, dequeiter_type, dequereviter_type;

#define DQ(o) ((Deque *)(o))
#define SLOT(d, i) ((d)->items[((d)->head + (i)) & ((d)->cap - 1)])

static int deque_grow(Deque *d, kr_ssize need) {
    if (need <= d->cap) return 0;
    kr_ssize ncap = d->cap ? d->cap : 8;
    while (ncap < need)
        ncap *= 2;
    KrObject **n = kr_mem_malloc(sizeof(KrObject *) * (size_t)ncap);
    if (!n) return -1;
    for (kr_ssize i = 0; i < d->len; i++)
        n[i] = SLOT(d, i);
    kr_mem_free(d->items);
    d->items = n;
    d->head = 0;
    d->cap = ncap;
    return 0;
}

/* The raw operations steal (push) or return (pop) references. */
static int push_right(Deque *d, KrObject *v) {
    if (deque_grow(d, d->len + 1) < 0) {
        KR_DECREF(v);
        return -1;
    }
    SLOT(d, d->len) = v;
    d->len++;
    d->state++;
    return 0;
}

static int push_left(Deque *d, KrObject *v) {
    if (deque_grow(d, d->len + 1) < 0) {
        KR_DECREF(v);
        return -1;
    }
    d->head = (d->head - 1) & (d->cap - 1);
    d->items[d->head] = v;
    d->len++;
    d->state++;
    return 0;
}

static KrObject *pop_right(Deque *d) {
    d->len--;
    d->state++;
    return SLOT(d, d->len);
}

static KrObject *pop_left(Deque *d) {
    KrObject *v = d->items[d->head];
    d->head = (d->head + 1) & (d->cap - 1);
    d->len--;
    d->state++;
    return v;
}

static int append_right(Deque *d, KrObject *v) {
    if (d->maxlen == 0) return 0;
    if (push_right(d, KR_NEWREF(v)) < 0) return -1;
    if (d->maxlen > 0 && d->len > d->maxlen) KR_DECREF(pop_left(d));
    return 0;
}

static int append_left(Deque *d, KrObject *v) {
    if (d->maxlen == 0) return 0;
    if (push_left(d, KR_NEWREF(v)) < 0) return -1;
    if (d->maxlen > 0 && d->len > d->maxlen) KR_DECREF(pop_right(d));
    return 0;
}

static void deque_clear_items(Deque *d) {
    /* detach first: decrefs may run code that looks at the deque */
    KrObject **items = d->items;
    kr_ssize head = d->head, len = d->len, cap = d->cap;
    d->items = NULL;
    d->head = d->len = d->cap = 0;
    d->state++;
    for (kr_ssize i = 0; i < len; i++)
        KR_DECREF(items[(head + i) & (cap - 1)]);
    kr_mem_free(items);
}

static KrObject *deque_tp_new(KrType *type, KrObject *args, KrObject *kwargs) {
    Deque *d = (Deque *)kr_type_generic_alloc(type, 0);
    if (!d) return NULL;
    d->maxlen = -1;
    return (KrObject *)d;
}

static int deque_extend_impl(Deque *d, KrObject *iterable, bool left) {
    if (iterable == (KrObject *)d) {
        /* extending with itself: iterate over a snapshot */
        KrObject *copy = kr_list_new(d->len);
        if (!copy) return -1;
        for (kr_ssize i = 0; i < d->len; i++)
            KR_LIST_ITEM(copy, i) = KR_NEWREF(SLOT(d, i));
        int r = deque_extend_impl(d, copy, left);
        KR_DECREF(copy);
        return r;
    }
    KrObject *it = kr_object_get_iter(iterable);
    if (!it) return -1;
    for (;;) {
        KrObject *v = kr_iter_next(it);
        if (!v) break;
        int r = left ? append_left(d, v) : append_right(d, v);
        KR_DECREF(v);
        if (r < 0) {
            KR_DECREF(it);
            return -1;
        }
    }
    KR_DECREF(it);
    return kr_err_occurred() ? -1 : 0;
}

static int deque_tp_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    static const char *const kwlist[] = {"iterable", "maxlen", NULL};
    KrObject *iterable = NULL, *maxlen = NULL;
    KrObject **vec = NULL, *kwnames = NULL;
    kr_ssize nargs = KR_SIZE(args), nkw = kwargs ? kr_dict_size(kwargs) : 0;
    int rc = -1;
    if (nkw) {
        vec = kr_mem_malloc(sizeof(KrObject *) * (size_t)(nargs + nkw));
        kwnames = vec ? kr_tuple_new(nkw) : NULL;
        if (!kwnames) goto done;
        for (kr_ssize i = 0; i < nargs; i++)
            vec[i] = KR_TUPLE_ITEM(args, i);
        kr_ssize pos = 0, j = 0;
        KrObject *k, *v;
        while (kr_dict_next(kwargs, &pos, &k, &v)) {
            KR_TUPLE_ITEM(kwnames, j) = KR_NEWREF(k);
            vec[nargs + j++] = v;
        }
    }
    if (kr_arg_parse(nkw ? vec : KR_TUPLE_ITEMS(args), nargs, kwnames, "|OO:deque", kwlist,
                     &iterable, &maxlen) < 0)
        goto done;
    Deque *d = DQ(self);
    kr_ssize ml = -1;
    if (maxlen && maxlen != kr_none) {
        if (!KR_INT_CHECK(maxlen)) {
            kr_err_set_string(kr_exc_TypeError, "an integer is required");
            goto done;
        }
        ml = kr_number_as_ssize(maxlen, kr_exc_OverflowError);
        if (ml == -1 && kr_err_occurred()) goto done;
        if (ml < 0) {
            kr_err_set_string(kr_exc_ValueError, "maxlen must be non-negative");
            goto done;
        }
    }
    d->maxlen = ml;
    if (d->len) deque_clear_items(d);
    if (iterable && deque_extend_impl(d, iterable, false) < 0) goto done;
    rc = 0;
done:
    KR_XDECREF(kwnames);
    kr_mem_free(vec);
    return rc;
}

static int deque_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    Deque *d = DQ(o);
    for (kr_ssize i = 0; i < d->len; i++) {
        int r = visit(SLOT(d, i), arg);
        if (r) return r;
    }
    return 0;
}

static int deque_tp_clear(KrObject *o) {
    deque_clear_items(DQ(o));
    return 0;
}

static void deque_dealloc(KrObject *o) {
    kr_gc_untrack(o);
    deque_clear_items(DQ(o));
    kr_object_free(o);
}

static KrObject *deque_append(KrObject *o, KrObject *v) {
    if (append_right(DQ(o), v) < 0) return NULL;
    return KR_NEWREF(kr_none);
}

static KrObject *deque_appendleft(KrObject *o, KrObject *v) {
    if (append_left(DQ(o), v) < 0) return NULL;
    return KR_NEWREF(kr_none);
}

static KrObject *deque_pop(KrObject *o, KrObject *unused) {
    if (DQ(o)->len == 0) {
        kr_err_set_string(kr_exc_IndexError, "pop from an empty deque");
        return NULL;
    }
    return pop_right(DQ(o));
}

static KrObject *deque_popleft(KrObject *o, KrObject *unused) {
    if (DQ(o)->len == 0) {
        kr_err_set_string(kr_exc_IndexError, "pop from an empty deque");
        return NULL;
    }
    return pop_left(DQ(o));
}

static KrObject *deque_extend(KrObject *o, KrObject *it) {
    if (deque_extend_impl(DQ(o), it, false) < 0) return NULL;
    return KR_NEWREF(kr_none);
}

static KrObject *deque_extendleft(KrObject *o, KrObject *it) {
    if (deque_extend_impl(DQ(o), it, true) < 0) return NULL;
    return KR_NEWREF(kr_none);
}

static KrObject *deque_clearmethod(KrObject *o, KrObject *unused) {
    deque_clear_items(DQ(o));
    return KR_NEWREF(kr_none);
}

static KrObject *deque_copy(KrObject *o, KrObject *unused) {
    Deque *d = DQ(o);
    if (KR_TYPE(o) == &deque_type) {
        Deque *n = (Deque *)deque_tp_new(&deque_type, NULL, NULL);
        if (!n) return NULL;
        n->maxlen = d->maxlen;
        if (deque_grow(n, d->len) < 0) {
            KR_DECREF(n);
            return NULL;
        }
        for (kr_ssize i = 0; i < d->len; i++)
            n->items[i] = KR_NEWREF(SLOT(d, i));
        n->len = d->len;
        return (KrObject *)n;
    }
    /* subclasses: type(d)(d, maxlen) */
    KrObject *args[2] = {o, NULL};
    if (d->maxlen < 0) return kr_vectorcall((KrObject *)KR_TYPE(o), args, 1, NULL);
    args[1] = kr_int_from_ssize(d->maxlen);
    if (!args[1]) return NULL;
    KrObject *kw = kr_tuple_pack(1, kr_str_intern_cstr("maxlen"));
    KrObject *r = kw ? kr_vectorcall((KrObject *)KR_TYPE(o), args, 1, kw) : NULL;
    KR_XDECREF(kw);
    KR_DECREF(args[1]);
    return r;
}

static KrObject *deque_count(KrObject *o, KrObject *v) {
    Deque *d = DQ(o);
    kr_ssize n = 0;
    uint64_t state = d->state;
    for (kr_ssize i = 0; i < d->len; i++) {
        KrObject *item = KR_NEWREF(SLOT(d, i));
        int eq = kr_object_richcompare_bool(item, v, KR_EQ);
        KR_DECREF(item);
        if (eq < 0) return NULL;
        if (d->state != state) {
            kr_err_set_string(kr_exc_RuntimeError, "deque mutated during iteration");
            return NULL;
        }
        n += eq;
    }
    return kr_int_from_ssize(n);
}

static int clamp_index(KrObject *o, kr_ssize len, kr_ssize *out) {
    kr_ssize v = kr_number_as_ssize(o, NULL);
    if (v == -1 && kr_err_occurred()) return -1;
    if (v < 0) {
        v += len;
        if (v < 0) v = 0;
    }
    if (v > len) v = len;
    *out = v;
    return 0;
}

static KrObject *deque_index(KrObject *o, KrObject *const *args, kr_ssize nargs) {
    Deque *d = DQ(o);
    if (kr_arg_check_positional("index", nargs, 1, 3) < 0) return NULL;
    kr_ssize start = 0, stop = d->len;
    for (kr_ssize k = 1; k < nargs; k++) {
        if (!KR_INT_CHECK(args[k]) && !kr_index_check(args[k])) {
            kr_err_set_string(kr_exc_TypeError,
                              "slice indices must be integers or have an __index__ method");
            return NULL;
        }
        if (clamp_index(args[k], d->len, k == 1 ? &start : &stop) < 0) return NULL;
    }
    uint64_t state = d->state;
    for (kr_ssize i = start; i < stop && i < d->len; i++) {
        KrObject *item = KR_NEWREF(SLOT(d, i));
        int eq = kr_object_richcompare_bool(item, args[0], KR_EQ);
        KR_DECREF(item);
        if (eq < 0) return NULL;
        if (d->state != state) {
            kr_err_set_string(kr_exc_RuntimeError, "deque mutated during iteration");
            return NULL;
        }
        if (eq) return kr_int_from_ssize(i);
    }
    return kr_err_format(kr_exc_ValueError, "%R is not in deque", args[0]);
}

/* Moves the item at i to the front/back by rotation-free shifting. */
static void deque_del_at(Deque *d, kr_ssize i) {
    KrObject *v = SLOT(d, i);
    for (kr_ssize j = i; j < d->len - 1; j++)
        SLOT(d, j) = SLOT(d, j + 1);
    d->len--;
    d->state++;
    KR_DECREF(v);
}

static KrObject *deque_insert(KrObject *o, KrObject *const *args, kr_ssize nargs) {
    Deque *d = DQ(o);
    if (kr_arg_check_positional("insert", nargs, 2, 2) < 0) return NULL;
    if (!KR_INT_CHECK(args[0]) && !kr_index_check(args[0]))
        return kr_err_format(kr_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                             args[0]);
    kr_ssize i;
    if (clamp_index(args[0], d->len, &i) < 0) return NULL;
    if (d->maxlen >= 0 && d->len >= d->maxlen) {
        kr_err_set_string(kr_exc_IndexError, "deque already at its maximum size");
        return NULL;
    }
    if (push_right(d, KR_NEWREF(args[1])) < 0) return NULL;
    KrObject *v = SLOT(d, d->len - 1);
    for (kr_ssize j = d->len - 1; j > i; j--)
        SLOT(d, j) = SLOT(d, j - 1);
    SLOT(d, i) = v;
    return KR_NEWREF(kr_none);
}

static KrObject *deque_remove(KrObject *o, KrObject *v) {
    Deque *d = DQ(o);
    uint64_t state = d->state;
    for (kr_ssize i = 0; i < d->len; i++) {
        KrObject *item = KR_NEWREF(SLOT(d, i));
        int eq = kr_object_richcompare_bool(item, v, KR_EQ);
        KR_DECREF(item);
        if (eq < 0) return NULL;
        if (d->state != state) {
            kr_err_set_string(kr_exc_IndexError, "deque mutated during remove().");
            return NULL;
        }
        if (eq) {
            deque_del_at(d, i);
            return KR_NEWREF(kr_none);
        }
    }
    return kr_err_format(kr_exc_ValueError, "%R is not in deque", v);
}

static KrObject *deque_reverse(KrObject *o, KrObject *unused) {
    Deque *d = DQ(o);
    for (kr_ssize i = 0, j = d->len - 1; i < j; i++, j--) {
        KrObject *t = SLOT(d, i);
        SLOT(d, i) = SLOT(d, j);
        SLOT(d, j) = t;
    }
    d->state++;
    return KR_NEWREF(kr_none);
}

static KrObject *deque_rotate(KrObject *o, KrObject *const *args, kr_ssize nargs) {
    Deque *d = DQ(o);
    if (kr_arg_check_positional("rotate", nargs, 0, 1) < 0) return NULL;
    kr_ssize n = 1;
    if (nargs == 1) {
        if (!KR_INT_CHECK(args[0]) && !kr_index_check(args[0]))
            return kr_err_format(kr_exc_TypeError,
                                 "'%T' object cannot be interpreted as an integer", args[0]);
        n = kr_number_as_ssize(args[0], kr_exc_OverflowError);
        if (n == -1 && kr_err_occurred()) return NULL;
    }
    if (d->len > 1) {
        n %= d->len;
        if (n < 0) n += d->len;
        /* rotate right by n: move the last n items to the front */
        for (kr_ssize k = 0; k < n; k++) {
            KrObject *v = SLOT(d, d->len - 1);
            d->head = (d->head - 1) & (d->cap - 1);
            d->items[d->head] = v;
        }
        d->state++;
    }
    return KR_NEWREF(kr_none);
}

static kr_ssize deque_length(KrObject *o) { return DQ(o)->len; }

static KrObject *deque_item(KrObject *o, kr_ssize i) {
    Deque *d = DQ(o);
    if (i < 0 || i >= d->len) {
        kr_err_set_string(kr_exc_IndexError, "deque index out of range");
        return NULL;
    }
    return KR_NEWREF(SLOT(d, i));
}

static int get_index(KrObject *o, KrObject *key, kr_ssize *out) {
    if (!KR_INT_CHECK(key) && !kr_index_check(key)) {
        kr_err_format(kr_exc_TypeError, "sequence index must be integer, not '%T'", key);
        return -1;
    }
    kr_ssize i = kr_number_as_ssize(key, kr_exc_IndexError);
    if (i == -1 && kr_err_occurred()) return -1;
    if (i < 0) i += DQ(o)->len;
    if (i < 0 || i >= DQ(o)->len) {
        kr_err_set_string(kr_exc_IndexError, "deque index out of range");
        return -1;
    }
    *out = i;
    return 0;
}

static KrObject *deque_subscript(KrObject *o, KrObject *key) {
    kr_ssize i;
    if (get_index(o, key, &i) < 0) return NULL;
    return KR_NEWREF(SLOT(DQ(o), i));
}

static int deque_ass_subscript(KrObject *o, KrObject *key, KrObject *value) {
    kr_ssize i;
    if (get_index(o, key, &i) < 0) return -1;
    Deque *d = DQ(o);
    if (!value) {
        deque_del_at(d, i);
        return 0;
    }
    KrObject *old = SLOT(d, i);
    SLOT(d, i) = KR_NEWREF(value);
    KR_DECREF(old);
    return 0;
}

static int deque_contains(KrObject *o, KrObject *v) {
    Deque *d = DQ(o);
    uint64_t state = d->state;
    for (kr_ssize i = 0; i < d->len; i++) {
        KrObject *item = KR_NEWREF(SLOT(d, i));
        int eq = kr_object_richcompare_bool(item, v, KR_EQ);
        KR_DECREF(item);
        if (eq) return eq;
        if (d->state != state) {
            kr_err_set_string(kr_exc_RuntimeError, "deque mutated during iteration");
            return -1;
        }
    }
    return 0;
}

static KrObject *deque_repr(KrObject *o) {
    Deque *d = DQ(o);
    const char *name = kr_type_name_cstr(KR_TYPE(o));
    int rc = kr_repr_enter(o);
    if (rc != 0) return rc > 0 ? kr_str_from_cstr("[...]") : NULL;
    KrObject *list = kr_list_new(d->len);
    if (!list) {
        kr_repr_leave(o);
        return NULL;
    }
    for (kr_ssize i = 0; i < d->len; i++)
        KR_LIST_ITEM(list, i) = KR_NEWREF(SLOT(d, i));
    KrObject *r;
    if (d->maxlen >= 0)
        r = kr_str_from_format("%s(%R, maxlen=%zd)", name, list, d->maxlen);
    else
        r = kr_str_from_format("%s(%R)", name, list);
    KR_DECREF(list);
    kr_repr_leave(o);
    return r;
}

static KrObject *deque_richcompare(KrObject *v, KrObject *w, int op) {
    if (!KR_TYPE_IS(v, &deque_type) || !KR_TYPE_IS(w, &deque_type))
        return KR_NEWREF(kr_notimplemented);
    Deque *a = DQ(v), *b = DQ(w);
    if (a->len != b->len && (op == KR_EQ || op == KR_NE))
        return KR_NEWREF(kr_bool_from(op == KR_NE));
    kr_ssize i;
    for (i = 0; i < a->len && i < b->len; i++) {
        KrObject *x = KR_NEWREF(SLOT(a, i)), *y = KR_NEWREF(SLOT(b, i));
        int eq = kr_object_richcompare_bool(x, y, KR_EQ);
        if (eq < 0) {
            KR_DECREF(x);
            KR_DECREF(y);
            return NULL;
        }
        if (!eq) {
            KrObject *r = op == KR_EQ   ? KR_NEWREF(kr_false)
                          : op == KR_NE ? KR_NEWREF(kr_true)
                                        : kr_object_richcompare(x, y, op);
            KR_DECREF(x);
            KR_DECREF(y);
            return r;
        }
        KR_DECREF(x);
        KR_DECREF(y);
    }
    kr_ssize la = a->len, lb = b->len;
    bool r;
    switch (op) {
    case KR_LT: r = la < lb; break;
    case KR_LE: r = la <= lb; break;
    case KR_EQ: r = la == lb; break;
    case KR_NE: r = la != lb; break;
    case KR_GT: r = la > lb; break;
    default: r = la >= lb; break;
    }
    return KR_NEWREF(kr_bool_from(r));
}

static KrObject *deque_concat(KrObject *a, KrObject *b) {
    if (!KR_TYPE_IS(b, &deque_type))
        return kr_err_format(kr_exc_TypeError,
                             "can only concatenate deque (not \"%T\") to deque", b);
    KrObject *n = deque_copy(a, NULL);
    if (!n) return NULL;
    if (deque_extend_impl(DQ(n), b, false) < 0) {
        KR_DECREF(n);
        return NULL;
    }
    return n;
}

static KrObject *deque_inplace_concat(KrObject *a, KrObject *b) {
    if (deque_extend_impl(DQ(a), b, false) < 0) return NULL;
    return KR_NEWREF(a);
}

static KrObject *deque_inplace_repeat(KrObject *a, kr_ssize n) {
    Deque *d = DQ(a);
    if (n <= 0 || d->len == 0) {
        deque_clear_items(d);
        return KR_NEWREF(a);
    }
    if (n == 1) return KR_NEWREF(a);
    kr_ssize len = d->len;
    kr_ssize total = n > PTRDIFF_MAX / len ? PTRDIFF_MAX : len * n;
    /* with a maxlen only the tail survives: repeat just enough whole copies to fill it */
    if (d->maxlen >= 0) {
        kr_ssize enough = (d->maxlen / len + 1) * len;
        if (total > enough) total = enough;
    }
    if (d->maxlen < 0 && n > PTRDIFF_MAX / len) return kr_err_no_memory();
    KrObject *snap = kr_list_new(len);
    if (!snap) return NULL;
    for (kr_ssize i = 0; i < len; i++)
        KR_LIST_ITEM(snap, i) = KR_NEWREF(SLOT(d, i));
    for (kr_ssize k = len; k < total; k++)
        if (append_right(d, KR_LIST_ITEM(snap, k % len)) < 0) {
            KR_DECREF(snap);
            return NULL;
        }
    KR_DECREF(snap);
    return KR_NEWREF(a);
}

static KrObject *deque_repeat(KrObject *a, kr_ssize n) {
    KrObject *c = deque_copy(a, NULL);
    if (!c) return NULL;
    KrObject *r = deque_inplace_repeat(c, n);
    KR_DECREF(c);
    return r;
}

static KrObject *deque_get_maxlen(KrObject *o, void *c) {
    if (DQ(o)->maxlen < 0) return KR_NEWREF(kr_none);
    return kr_int_from_ssize(DQ(o)->maxlen);
}

static KrObject *deque_reduce(KrObject *o, KrObject *unused) {
    Deque *d = DQ(o);
    KrObject *state = NULL;
    KrObject **dp = kr_object_dictptr(o);
    if (dp && *dp && kr_dict_size(*dp)) state = *dp;
    KrObject *args = d->maxlen < 0 ? kr_tuple_pack(0)
                                   : kr_tuple_pack(2, kr_empty_tuple, kr_none);
    if (!args) return NULL;
    if (d->maxlen >= 0) {
        KR_DECREF(KR_TUPLE_ITEM(args, 1));
        KR_TUPLE_ITEM(args, 1) = kr_int_from_ssize(d->maxlen);
    }
    KrObject *it = kr_object_get_iter(o);
    KrObject *r = it ? kr_tuple_pack(4, (KrObject *)KR_TYPE(o), args, state ? state : kr_none, it)
                     : NULL;
    KR_DECREF(args);
    KR_XDECREF(it);
    return r;
}

static KrObject *deque_sizeof(KrObject *o, KrObject *unused) {
    return kr_int_from_ssize((kr_ssize)sizeof(Deque) + DQ(o)->cap * (kr_ssize)sizeof(void *));
}

static KrObject *deque_iter_new(KrObject *o, bool rev);

/* CPython names the type by tp_name here ('collections.deque'). */
static kr_hash deque_hash(KrObject *o) {
    kr_err_format(kr_exc_TypeError, "unhashable type: '%s'", KR_TYPE(o)->tp_name);
    return -1;
}

static KrObject *deque_reversed(KrObject *o, KrObject *unused) { return deque_iter_new(o, true); }

static KrObject *deque_iter(KrObject *o) { return deque_iter_new(o, false); }

static KrObject *class_getitem(KrObject *cls, KrObject *arg) {
    KrObject *types = kr_import_module("types");
    if (!types) return NULL;
    KrObject *ga = kr_object_getattr_str(types, "GenericAlias");
    KR_DECREF(types);
    if (!ga) return NULL;
    KrObject *pair[2] = {cls, arg};
    KrObject *r = kr_vectorcall(ga, pair, 2, NULL);
    KR_DECREF(ga);
    return r;
}

static KrMethodDef deque_methods[] = {
    {"append", (void *)deque_append, KR_METH_O, "Add an element to the right side of the deque."},
    {"appendleft", (void *)deque_appendleft, KR_METH_O,
     "Add an element to the left side of the deque."},
    {"pop", (void *)deque_pop, KR_METH_NOARGS, "Remove and return the rightmost element."},
    {"popleft", (void *)deque_popleft, KR_METH_NOARGS, "Remove and return the leftmost element."},
    {"extend", (void *)deque_extend, KR_METH_O,
     "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", (void *)deque_extendleft, KR_METH_O,
     "Extend the left side of the deque with elements from the iterable"},
    {"clear", (void *)deque_clearmethod, KR_METH_NOARGS, "Remove all elements from the deque."},
    {"copy", (void *)deque_copy, KR_METH_NOARGS, "Return a shallow copy of a deque."},
    {"__copy__", (void *)deque_copy, KR_METH_NOARGS, "Return a shallow copy of a deque."},
    {"count", (void *)deque_count, KR_METH_O, "D.count(value) -- return number of occurrences of value"},
    {"index", (void *)deque_index, KR_METH_FASTCALL,
     "D.index(value, [start, [stop]]) -- return first index of value.\nRaises ValueError if "
     "the value is not present."},
    {"insert", (void *)deque_insert, KR_METH_FASTCALL,
     "D.insert(index, object) -- insert object before index"},
    {"remove", (void *)deque_remove, KR_METH_O, "D.remove(value) -- remove first occurrence of value."},
    {"reverse", (void *)deque_reverse, KR_METH_NOARGS, "D.reverse() -- reverse *IN PLACE*"},
    {"rotate", (void *)deque_rotate, KR_METH_FASTCALL,
     "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."},
    {"__reversed__", (void *)deque_reversed, KR_METH_NOARGS,
     "D.__reversed__() -- return a reverse iterator over the deque"},
    {"__reduce__", (void *)deque_reduce, KR_METH_NOARGS, "Return state information for pickling."},
    {"__sizeof__", (void *)deque_sizeof, KR_METH_NOARGS, "D.__sizeof__() -- size of D in memory, in bytes"},
    {"__class_getitem__", (void *)class_getitem, KR_METH_O | KR_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static KrGetSetDef deque_getset[] = {
    {"maxlen", deque_get_maxlen, NULL, "maximum size of a deque or None if unbounded", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static KrSequenceMethods deque_as_sequence = {
    .sq_length = deque_length,
    .sq_concat = deque_concat,
    .sq_repeat = deque_repeat,
    .sq_item = deque_item,
    .sq_contains = deque_contains,
    .sq_inplace_concat = deque_inplace_concat,
    .sq_inplace_repeat = deque_inplace_repeat,
};

static KrMappingMethods deque_as_mapping = {
    .mp_length = deque_length,
    .mp_subscript = deque_subscript,
    .mp_ass_subscript = deque_ass_subscript,
};

static KrType deque_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "collections.deque",
    .tp_basicsize = sizeof(Deque),
    .tp_dealloc = deque_dealloc,
    .tp_repr = deque_repr,
    .tp_as_sequence = &deque_as_sequence,
    .tp_as_mapping = &deque_as_mapping,
    .tp_hash = deque_hash,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE | KR_TPFLAGS_SEQUENCE,
    .tp_doc = "deque([iterable[, maxlen]]) --> deque object\n\nA list-like sequence optimized for "
              "data accesses near its endpoints.",
    .tp_traverse = deque_traverse,
    .tp_clear = deque_tp_clear,
    .tp_richcompare = deque_richcompare,
    .tp_weaklistoffset = offsetof(Deque, weakreflist),
    .tp_iter = deque_iter,
    .tp_methods = deque_methods,
    .tp_getset = deque_getset,
    .tp_init = deque_tp_init,
    .tp_new = deque_tp_new,
};

/* ===========================================================================
 * deque iterators
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *deque;
    kr_ssize index, counter; /* counter: items left */
    uint64_t state;
} DequeIter;

static KrObject *deque_iter_new(KrObject *o, bool rev) {
    DequeIter *it =
        (DequeIter *)kr_type_generic_alloc(rev ? &dequereviter_type : &dequeiter_type, 0);
    if (!it) return NULL;
    it->deque = KR_NEWREF(o);
    it->counter = DQ(o)->len;
    it->index = rev ? DQ(o)->len - 1 : 0;
    it->state = DQ(o)->state;
    return (KrObject *)it;
}

static int dequeiter_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    DequeIter *it = (DequeIter *)o;
    return it->deque ? visit(it->deque, arg) : 0;
}

static int dequeiter_clear(KrObject *o) {
    KR_CLEAR(((DequeIter *)o)->deque);
    return 0;
}

static void dequeiter_dealloc(KrObject *o) {
    kr_gc_untrack(o);
    dequeiter_clear(o);
    kr_object_free(o);
}

static KrObject *dequeiter_step(KrObject *o, int dir) {
    DequeIter *it = (DequeIter *)o;
    if (!it->deque) return NULL;
    Deque *d = DQ(it->deque);
    if (d->state != it->state) {
        it->counter = 0;
        kr_err_set_string(kr_exc_RuntimeError, "deque mutated during iteration");
        return NULL;
    }
    if (it->counter == 0) return NULL;
    KrObject *v = SLOT(d, it->index);
    it->index += dir;
    it->counter--;
    return KR_NEWREF(v);
}

static KrObject *dequeiter_next(KrObject *o) { return dequeiter_step(o, 1); }
static KrObject *dequereviter_next(KrObject *o) { return dequeiter_step(o, -1); }

static KrObject *dequeiter_length_hint(KrObject *o, KrObject *unused) {
    return kr_int_from_ssize(((DequeIter *)o)->counter);
}

static KrMethodDef dequeiter_methods[] = {
    {"__length_hint__", (void *)dequeiter_length_hint, KR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static KrType dequeiter_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "collections._deque_iterator",
    .tp_basicsize = sizeof(DequeIter),
    .tp_dealloc = dequeiter_dealloc,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_traverse = dequeiter_traverse,
    .tp_clear = dequeiter_clear,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = dequeiter_next,
    .tp_methods = dequeiter_methods,
};

static KrType dequereviter_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "collections._deque_reverse_iterator",
    .tp_basicsize = sizeof(DequeIter),
    .tp_dealloc = dequeiter_dealloc,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_traverse = dequeiter_traverse,
    .tp_clear = dequeiter_clear,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = dequereviter_next,
    .tp_methods = dequeiter_methods,
};

/* ===========================================================================
 * defaultdict
 * ========================================================================= */

typedef struct {
    KrDict dict;
    KrObject *default_factory;
} DefaultDict;

static KrType defdict_type;

static KrObject *defdict_missing(KrObject *o, KrObject *key) {
    KrObject *factory = ((DefaultDict *)o)->default_factory;
    if (!factory || factory == kr_none) {
        kr_dict_key_error(key);
        return NULL;
    }
    KrObject *value = kr_call_noargs(factory);
    if (!value) return NULL;
    if (kr_object_set_item(o, key, value) < 0) {
        KR_DECREF(value);
        return NULL;
    }
    return value;
}

static int defdict_tp_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    KrObject *factory = NULL;
    kr_ssize n = KR_SIZE(args);
    if (n > 0) {
        factory = KR_TUPLE_ITEM(args, 0);
        if (factory != kr_none && !KR_TYPE(factory)->tp_call &&
            !(KR_TYPE(factory)->tp_vectorcall_offset > 0)) {
            kr_err_set_string(kr_exc_TypeError, "first argument must be callable or None");
            return -1;
        }
    }
    KrObject *rest = kr_tuple_slice(args, n > 0 ? 1 : 0, n);
    if (!rest) return -1;
    int r = kr_dict_type.tp_init(self, rest, kwargs);
    KR_DECREF(rest);
    if (r < 0) return -1;
    KR_XINCREF(factory);
    KR_SETREF(((DefaultDict *)self)->default_factory, factory);
    return 0;
}

static KrObject *defdict_tp_new(KrType *type, KrObject *args, KrObject *kwargs) {
    return kr_dict_type.tp_new(type, args, kwargs);
}

static int defdict_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    KrObject *f = ((DefaultDict *)o)->default_factory;
    if (f) {
        int r = visit(f, arg);
        if (r) return r;
    }
    return kr_dict_type.tp_traverse(o, visit, arg);
}

static int defdict_clear(KrObject *o) {
    KR_CLEAR(((DefaultDict *)o)->default_factory);
    return kr_dict_type.tp_clear ? kr_dict_type.tp_clear(o) : 0;
}

static void defdict_dealloc(KrObject *o) {
    KR_CLEAR(((DefaultDict *)o)->default_factory);
    kr_dict_type.tp_dealloc(o);
}

static KrObject *defdict_repr(KrObject *o) {
    KrObject *base = kr_dict_type.tp_repr(o);
    if (!base) return NULL;
    KrObject *f = ((DefaultDict *)o)->default_factory, *frepr;
    if (!f) {
        frepr = kr_str_from_cstr("None");
    } else {
        /* the guard is keyed on the factory: a factory whose repr shows the dict */
        int rc = kr_repr_enter(f);
        if (rc < 0) {
            KR_DECREF(base);
            return NULL;
        }
        if (rc > 0) {
            frepr = kr_str_from_cstr("...");
        } else {
            frepr = kr_object_repr(f);
            kr_repr_leave(f);
        }
    }
    if (!frepr) {
        KR_DECREF(base);
        return NULL;
    }
    KrObject *r = kr_str_from_format("%s(%U, %U)", kr_type_name_cstr(KR_TYPE(o)), frepr, base);
    KR_DECREF(frepr);
    KR_DECREF(base);
    return r;
}

static KrObject *defdict_copy(KrObject *o, KrObject *unused) {
    KrObject *f = ((DefaultDict *)o)->default_factory;
    KrObject *args[2] = {f ? f : kr_none, o};
    return kr_vectorcall((KrObject *)KR_TYPE(o), args, 2, NULL);
}

static KrObject *defdict_reduce(KrObject *o, KrObject *unused) {
    KrObject *f = ((DefaultDict *)o)->default_factory;
    KrObject *args = f && f != kr_none ? kr_tuple_pack(1, f) : kr_tuple_pack(0);
    if (!args) return NULL;
    KrObject *items = kr_call_method(o, "items", NULL, 0);
    KrObject *it = items ? kr_object_get_iter(items) : NULL;
    KR_XDECREF(items);
    KrObject *r = it ? kr_tuple_pack(5, (KrObject *)KR_TYPE(o), args, kr_none, kr_none, it) : NULL;
    KR_DECREF(args);
    KR_XDECREF(it);
    return r;
}

static KrObject *defdict_or(KrObject *a, KrObject *b) {
    KrObject *self, *other;
    if (KR_TYPE_IS(a, &defdict_type)) {
        self = a;
        other = b;
    } else {
        self = b;
        other = a;
    }
    if (!KR_DICT_CHECK(other)) return KR_NEWREF(kr_notimplemented);
    KrObject *n = defdict_copy(self, NULL);
    if (!n) return NULL;
    if (self == a) {
        if (kr_dict_update(n, other) < 0) goto fail;
    } else {
        /* other | defaultdict: other's items first, ours override */
        KrObject *res = defdict_copy(self, NULL);
        if (!res) goto fail;
        kr_dict_clear(res);
        if (kr_dict_update(res, other) < 0 || kr_dict_update(res, self) < 0) {
            KR_DECREF(res);
            goto fail;
        }
        KR_DECREF(n);
        return res;
    }
    return n;
fail:
    KR_DECREF(n);
    return NULL;
}

static KrMethodDef defdict_methods[] = {
    {"__missing__", (void *)defdict_missing, KR_METH_O,
     "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n  if "
     "self.default_factory is None: raise KeyError((key,))\n  self[key] = value = "
     "self.default_factory()\n  return value\n"},
    {"copy", (void *)defdict_copy, KR_METH_NOARGS, "D.copy() -> a shallow copy of D."},
    {"__copy__", (void *)defdict_copy, KR_METH_NOARGS, "D.copy() -> a shallow copy of D."},
    {"__reduce__", (void *)defdict_reduce, KR_METH_NOARGS, "Return state information for pickling."},
    {"__class_getitem__", (void *)class_getitem, KR_METH_O | KR_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static KrMemberDef defdict_members[] = {
    {"default_factory", KR_MEMBER_OBJECT, offsetof(DefaultDict, default_factory), 0,
     "Factory for default value called by __missing__()."},
    {NULL, 0, 0, 0, NULL},
};

static KrNumberMethods defdict_as_number = {
    .nb_or = defdict_or,
};

static KrType defdict_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "collections.defaultdict",
    .tp_basicsize = sizeof(DefaultDict),
    .tp_dealloc = defdict_dealloc,
    .tp_repr = defdict_repr,
    .tp_as_number = &defdict_as_number,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE | KR_TPFLAGS_DICT_SUBCLASS |
                KR_TPFLAGS_MAPPING,
    .tp_doc = "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\nThe "
              "default factory is called without arguments to produce\na new value when a key is "
              "not present, in __getitem__ only.\nA defaultdict compares equal to a dict with the "
              "same items.\nAll remaining arguments are treated the same as if they were\npassed "
              "to the dict constructor, including keyword arguments.\n",
    .tp_traverse = defdict_traverse,
    .tp_clear = defdict_clear,
    .tp_methods = defdict_methods,
    .tp_members = defdict_members,
    .tp_base = &kr_dict_type,
    .tp_init = defdict_tp_init,
    .tp_new = defdict_tp_new,
};

/* ===========================================================================
 * _count_elements(mapping, iterable)
 * ========================================================================= */

static KrObject *collections_count_elements(KrObject *self, KrObject *const *args,
                                            kr_ssize nargs) {
    if (kr_arg_check_positional("_count_elements", nargs, 2, 2) < 0) return NULL;
    KrObject *mapping = args[0];
    KrObject *it = kr_object_get_iter(args[1]);
    if (!it) return NULL;
    KrObject *one = kr_int_from_i64(1), *zero = kr_int_from_i64(0);
    /* the dict fast path is valid only while get/__setitem__ are dict's own */
    bool fast = false;
    if (KR_DICT_CHECK(mapping)) {
        KrType *t = KR_TYPE(mapping);
        fast = kr_type_lookup(t, kr_str_intern_cstr("get")) ==
                   kr_type_lookup(&kr_dict_type, kr_str_intern_cstr("get")) &&
               kr_type_lookup(t, kr_str_intern_cstr("__setitem__")) ==
                   kr_type_lookup(&kr_dict_type, kr_str_intern_cstr("__setitem__"));
    }
    KrObject *getm = NULL;
    if (!fast && !(getm = kr_object_getattr_str(mapping, "get"))) goto fail;
    for (;;) {
        KrObject *key = kr_iter_next(it);
        if (!key) {
            if (kr_err_occurred()) goto fail;
            break;
        }
        KrObject *old, *nw;
        if (fast) {
            old = kr_dict_get_item(mapping, key);
            if (!old && kr_err_occurred()) {
                KR_DECREF(key);
                goto fail;
            }
            nw = kr_number_add(old ? old : zero, one);
        } else {
            KrObject *pair[2] = {key, zero};
            old = kr_vectorcall(getm, pair, 2, NULL);
            if (!old) {
                KR_DECREF(key);
                goto fail;
            }
            nw = kr_number_add(old, one);
            KR_DECREF(old);
        }
        if (!nw) {
            KR_DECREF(key);
            goto fail;
        }
        int r = fast ? kr_dict_set_item(mapping, key, nw) : kr_object_set_item(mapping, key, nw);
        KR_DECREF(nw);
        KR_DECREF(key);
        if (r < 0) goto fail;
    }
    KR_XDECREF(getm);
    KR_DECREF(it);
    return KR_NEWREF(kr_none);
fail:
    KR_XDECREF(getm);
    KR_DECREF(it);
    return NULL;
}

/* ===========================================================================
 * _tuplegetter(index, doc): the field descriptors of namedtuple classes
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    kr_ssize index;
    KrObject *doc;
} TupleGetter;

static KrObject *tuplegetter_tp_new(KrType *type, KrObject *args, KrObject *kwargs) {
    if (kwargs && kr_dict_size(kwargs)) {
        kr_err_set_string(kr_exc_TypeError, "_tuplegetter() takes no keyword arguments");
        return NULL;
    }
    kr_ssize index;
    KrObject *doc;
    static const char *const kwlist[] = {"", "", NULL};
    if (kr_arg_parse(KR_TUPLE_ITEMS(args), KR_SIZE(args), NULL, "nO:_tuplegetter", kwlist, &index,
                     &doc) < 0)
        return NULL;
    TupleGetter *g = (TupleGetter *)kr_type_generic_alloc(type, 0);
    if (!g) return NULL;
    g->index = index;
    g->doc = KR_NEWREF(doc);
    return (KrObject *)g;
}

static void tuplegetter_dealloc(KrObject *o) {
    kr_gc_untrack(o);
    KR_CLEAR(((TupleGetter *)o)->doc);
    kr_object_free(o);
}

static int tuplegetter_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    KrObject *d = ((TupleGetter *)o)->doc;
    return d ? visit(d, arg) : 0;
}

static int tuplegetter_clear(KrObject *o) {
    KR_CLEAR(((TupleGetter *)o)->doc);
    return 0;
}

static KrObject *tuplegetter_get(KrObject *self, KrObject *obj, KrObject *type) {
    if (!obj || obj == kr_none) return KR_NEWREF(self);
    kr_ssize i = ((TupleGetter *)self)->index;
    if (!KR_TUPLE_CHECK(obj))
        return kr_err_format(kr_exc_TypeError,
                             "descriptor for index '%zd' for tuple subclasses doesn't apply to "
                             "'%T' object",
                             i, obj);
    if (i < 0 || i >= KR_SIZE(obj)) {
        kr_err_set_string(kr_exc_IndexError, "tuple index out of range");
        return NULL;
    }
    return KR_NEWREF(KR_TUPLE_ITEM(obj, i));
}

static int tuplegetter_set(KrObject *self, KrObject *obj, KrObject *value) {
    kr_err_set_string(kr_exc_AttributeError, value ? "can't set attribute" : "can't delete attribute");
    return -1;
}

static KrMemberDef tuplegetter_members[] = {
    {"__doc__", KR_MEMBER_OBJECT, offsetof(TupleGetter, doc), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static KrType tuplegetter_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "_collections._tuplegetter",
    .tp_basicsize = sizeof(TupleGetter),
    .tp_dealloc = tuplegetter_dealloc,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_traverse = tuplegetter_traverse,
    .tp_clear = tuplegetter_clear,
    .tp_members = tuplegetter_members,
    .tp_descr_get = tuplegetter_get,
    .tp_descr_set = tuplegetter_set,
    .tp_new = tuplegetter_tp_new,
};

/* ===========================================================================
 * The module
 * ========================================================================= */

static KrMethodDef collections_functions[] = {
    {"_count_elements", (void *)collections_count_elements, KR_METH_FASTCALL,
     "Count elements in the iterable, updating the mapping"},
    {NULL, NULL, 0, NULL},
};

KrObject *kr_collections_init(void) {
    KrType *types[] = {&deque_type, &dequeiter_type, &dequereviter_type, &defdict_type,
                       &tuplegetter_type};
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        if (kr_type_ready(types[i]) < 0) return NULL;
    KrObject *m = kr_module_new_cstr("_collections");
    if (!m) return NULL;
    if (kr_module_add_functions(m, collections_functions) < 0 ||
        kr_module_add_object(m, "deque", KR_NEWREF(&deque_type)) < 0 ||
        kr_module_add_object(m, "_deque_iterator", KR_NEWREF(&dequeiter_type)) < 0 ||
        kr_module_add_object(m, "_deque_reverse_iterator", KR_NEWREF(&dequereviter_type)) < 0 ||
        kr_module_add_object(m, "defaultdict", KR_NEWREF(&defdict_type)) < 0 ||
        kr_module_add_object(m, "_tuplegetter", KR_NEWREF(&tuplegetter_type)) < 0) {
        KR_DECREF(m);
        return NULL;
    }
    return m;
}
