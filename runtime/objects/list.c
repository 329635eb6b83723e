/* list.c - the mutable sequence: CPython's over-allocation policy (observable through
 * sys.getsizeof), slicing with steps, the list methods, comparison, repr with a
 * recursion guard, and the forward/reverse iterators. Sorting lives in list_sort.c. */
#include <string.h>

#include "containers.h"

/* ===========================================================================
 * Storage
 * ========================================================================= */

/* Grows or shrinks the item array for `newsize` items, over-allocating like CPython
 * (roughly 1/8 extra, rounded to 4). Items past newsize must already be released. */
static int list_resize(KrList *l, kr_ssize newsize) {
    kr_ssize allocated = l->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        l->ob_base.ob_size = newsize;
        return 0;
    }
    size_t new_allocated = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if (newsize - KR_SIZE(l) > (kr_ssize)(new_allocated - (size_t)newsize))
        new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0) new_allocated = 0;
    if (new_allocated > (size_t)PTRDIFF_MAX / sizeof(KrObject *)) {
        kr_err_no_memory();
        return -1;
    }
    KrObject **items;
    if (new_allocated == 0) {
        kr_mem_free(l->items);
        items = NULL;
    } else {
        items = kr_mem_realloc(l->items, new_allocated * sizeof(KrObject *));
        if (!items) return -1;
    }
    l->items = items;
    l->ob_base.ob_size = newsize;
    l->allocated = (kr_ssize)new_allocated;
    return 0;
}

/* Exact allocation for an empty list about to receive `size` items (rounded up to an
 * even count, as CPython does). */
static int list_preallocate_exact(KrList *l, kr_ssize size) {
    size = (size + 1) & ~(kr_ssize)1;
    KrObject **items = kr_mem_malloc((size_t)size * sizeof(KrObject *));
    if (!items) return -1;
    l->items = items;
    l->allocated = size;
    return 0;
}

/* Per-thread free list of list objects (the item arrays are not kept). */
#define LIST_FREELIST_CAP 80
static _Thread_local KrList *list_free_list[LIST_FREELIST_CAP];
static _Thread_local int list_free_count;

KrObject *kr_list_new(kr_ssize n) {
    if (n < 0) {
        kr_err_bad_internal_call("kr_list_new");
        return NULL;
    }
    KrList *l;
    if (list_free_count > 0) {
        l = list_free_list[--list_free_count];
        kr_object_init_header((KrObject *)l, &kr_list_type);
    } else {
        l = (KrList *)kr_object_new(&kr_list_type);
        if (!l) return NULL;
    }
    if (n > 0) {
        l->items = kr_mem_calloc((size_t)n, sizeof(KrObject *));
        if (!l->items) {
            l->ob_base.ob_size = 0;
            l->allocated = 0;
            KR_DECREF(l);
            return NULL;
        }
    } else {
        l->items = NULL;
    }
    l->ob_base.ob_size = n;
    l->allocated = n;
    kr_gc_track((KrObject *)l);
    return (KrObject *)l;
}

KrObject *kr_list_from_array(KrObject *const *items, kr_ssize n) {
    KrObject *l = kr_list_new(n);
    if (!l) return NULL;
    for (kr_ssize i = 0; i < n; i++)
        KR_LIST_ITEM(l, i) = KR_NEWREF(items[i]);
    return l;
}

static void list_clear_items(KrList *l) {
    KrObject **items = l->items;
    kr_ssize n = KR_SIZE(l);
    if (!items) return;
    /* Detach first: a destructor run by the decrefs may look at the list. */
    l->items = NULL;
    l->ob_base.ob_size = 0;
    l->allocated = 0;
    while (--n >= 0)
        KR_XDECREF(items[n]);
    kr_mem_free(items);
}

static void list_dealloc(KrObject *o) {
    KrList *l = (KrList *)o;
    kr_gc_untrack(o);
    if (l->items) {
        for (kr_ssize i = KR_SIZE(l); --i >= 0;)
            KR_XDECREF(l->items[i]);
        kr_mem_free(l->items);
        l->items = NULL;
    }
    if (KR_TYPE(o) == &kr_list_type && list_free_count < LIST_FREELIST_CAP) {
        list_free_list[list_free_count++] = l;
        return;
    }
    kr_object_free(o);
}

static int list_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    for (kr_ssize i = KR_SIZE(o); --i >= 0;) {
        KrObject *x = KR_LIST_ITEM(o, i);
        if (x) {
            int r = visit(x, arg);
            if (r) return r;
        }
    }
    return 0;
}

static int list_tp_clear(KrObject *o) {
    list_clear_items((KrList *)o);
    return 0;
}

/* ===========================================================================
 * Public C API
 * ========================================================================= */

int kr_list_append_steal(KrObject *list, KrObject *item) {
    KrList *l = (KrList *)list;
    kr_ssize n = KR_SIZE(l);
    if (n < l->allocated) {
        l->items[n] = item;
        l->ob_base.ob_size = n + 1;
        return 0;
    }
    if (list_resize(l, n + 1) < 0) {
        KR_DECREF(item);
        return -1;
    }
    l->items[n] = item;
    return 0;
}

int kr_list_append(KrObject *list, KrObject *item) {
    return kr_list_append_steal(list, KR_NEWREF(item));
}

int kr_list_insert(KrObject *list, kr_ssize where, KrObject *item) {
    KrList *l = (KrList *)list;
    kr_ssize n = KR_SIZE(l);
    if (list_resize(l, n + 1) < 0) return -1;
    if (where < 0) {
        where += n;
        if (where < 0) where = 0;
    }
    if (where > n) where = n;
    KrObject **items = l->items;
    memmove(items + where + 1, items + where, (size_t)(n - where) * sizeof(KrObject *));
    items[where] = KR_NEWREF(item);
    return 0;
}

int kr_list_extend(KrObject *list, KrObject *iterable) {
    KrList *self = (KrList *)list;
    if (KR_LIST_CHECK(iterable) || KR_TUPLE_CHECK(iterable)) {
        kr_ssize n = KR_SIZE(iterable);
        if (n == 0) return 0;
        kr_ssize m = KR_SIZE(self);
        /* l.extend(l) reads from the old array: take the sources before resizing. */
        if (iterable == list) {
            if (list_resize(self, m + n) < 0) return -1;
            for (kr_ssize i = 0; i < n; i++)
                self->items[m + i] = KR_NEWREF(self->items[i]);
            return 0;
        }
        if (self->items == NULL) {
            if (list_preallocate_exact(self, n) < 0) return -1;
            self->ob_base.ob_size = n;
        } else if (list_resize(self, m + n) < 0) {
            return -1;
        }
        KrObject *const *src =
            KR_LIST_CHECK(iterable) ? KR_LIST_ITEMS(iterable) : KR_TUPLE_ITEMS(iterable);
        for (kr_ssize i = 0; i < n; i++)
            self->items[m + i] = KR_NEWREF(src[i]);
        return 0;
    }
    KrObject *it = kr_object_get_iter(iterable);
    if (!it) return -1;
    kr_ssize n = kr_object_length_hint(iterable, 8);
    if (n < 0) {
        KR_DECREF(it);
        return -1;
    }
    kr_ssize m = KR_SIZE(self);
    if (self->items == NULL) {
        if (n && list_preallocate_exact(self, n) < 0) goto error;
    } else if (m + n > m) {
        if (list_resize(self, m + n) < 0) goto error;
        self->ob_base.ob_size = m;
    }
    KrObject *x;
    kr_iternextfunc next = KR_TYPE(it)->tp_iternext;
    for (;;) {
        x = next ? next(it) : kr_iter_next(it);
        if (!x) {
            if (kr_err_occurred()) {
                if (!kr_err_matches(kr_exc_StopIteration)) goto error;
                kr_err_clear();
            }
            break;
        }
        kr_ssize sz = KR_SIZE(self);
        if (sz < self->allocated) {
            self->items[sz] = x;
            self->ob_base.ob_size = sz + 1;
        } else if (kr_list_append_steal(list, x) < 0) {
            goto error;
        }
    }
    if (KR_SIZE(self) < self->allocated && list_resize(self, KR_SIZE(self)) < 0) goto error;
    KR_DECREF(it);
    return 0;
error:
    KR_DECREF(it);
    return -1;
}

KrObject *kr_list_from_iterable(KrObject *it) {
    KrObject *l = kr_list_new(0);
    if (!l) return NULL;
    if (kr_list_extend(l, it) < 0) {
        KR_DECREF(l);
        return NULL;
    }
    return l;
}

KrObject *kr_list_as_tuple(KrObject *list) {
    return kr_tuple_from_array(KR_LIST_ITEMS(list), KR_SIZE(list));
}

static void reverse_range(KrObject **lo, KrObject **hi) {
    for (--hi; lo < hi; lo++, hi--) {
        KrObject *t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

int kr_list_reverse(KrObject *list) {
    if (KR_SIZE(list) > 1) reverse_range(KR_LIST_ITEMS(list), KR_LIST_ITEMS(list) + KR_SIZE(list));
    return 0;
}

/* ===========================================================================
 * Slices
 * ========================================================================= */

static KrObject *list_slice(KrList *a, kr_ssize lo, kr_ssize hi) {
    kr_ssize n = KR_SIZE(a);
    if (lo < 0)
        lo = 0;
    else if (lo > n)
        lo = n;
    if (hi < lo)
        hi = lo;
    else if (hi > n)
        hi = n;
    return kr_list_from_array(a->items + lo, hi - lo);
}

/* Replaces a[ilow:ihigh] by the items of v (NULL: delete). v may be any iterable,
 * including a itself. */
static int list_ass_slice(KrList *a, kr_ssize ilow, kr_ssize ihigh, KrObject *v) {
    KrObject *seq = NULL; /* list or tuple holding the new items */
    KrObject **recycle = NULL;
    int result = -1;
    kr_ssize n = 0;
    if (v) {
        if (v == (KrObject *)a || !(KR_LIST_CHECK(v) || KR_TUPLE_CHECK(v))) {
            if (v != (KrObject *)a) {
                KrObject *probe = kr_object_get_iter(v);
                if (!probe) {
                    if (kr_err_matches(kr_exc_TypeError)) {
                        kr_err_clear();
                        kr_err_set_string(kr_exc_TypeError, "can only assign an iterable");
                    }
                    return -1;
                }
                seq = kr_list_from_iterable(probe);
                KR_DECREF(probe);
            } else {
                seq = list_slice(a, 0, KR_SIZE(a));
            }
            if (!seq) return -1;
        } else {
            seq = KR_NEWREF(v);
        }
        n = KR_SIZE(seq);
    }
    KrObject *const *vitems =
        seq ? (KR_LIST_CHECK(seq) ? KR_LIST_ITEMS(seq) : KR_TUPLE_ITEMS(seq)) : NULL;
    kr_ssize size = KR_SIZE(a);
    if (ilow < 0)
        ilow = 0;
    else if (ilow > size)
        ilow = size;
    if (ihigh < ilow)
        ihigh = ilow;
    else if (ihigh > size)
        ihigh = size;
    kr_ssize norig = ihigh - ilow;
    kr_ssize d = n - norig;
    if (size + d == 0) {
        KR_XDECREF(seq);
        list_clear_items(a);
        return 0;
    }
    KrObject **item = a->items;
    size_t recycle_bytes = (size_t)norig * sizeof(KrObject *);
    if (norig > 0) {
        recycle = kr_mem_malloc(recycle_bytes);
        if (!recycle) goto done;
        memcpy(recycle, item + ilow, recycle_bytes);
    }
    if (d < 0) {
        memmove(item + ihigh + d, item + ihigh, (size_t)(size - ihigh) * sizeof(KrObject *));
        if (list_resize(a, size + d) < 0) goto done; /* shrinking cannot really fail */
        item = a->items;
    } else if (d > 0) {
        if (list_resize(a, size + d) < 0) goto done;
        item = a->items;
        memmove(item + ihigh + d, item + ihigh, (size_t)(size - ihigh) * sizeof(KrObject *));
    }
    for (kr_ssize k = 0; k < n; k++)
        item[ilow + k] = KR_NEWREF(vitems[k]);
    for (kr_ssize k = norig - 1; k >= 0; k--)
        KR_XDECREF(recycle[k]);
    result = 0;
done:
    kr_mem_free(recycle);
    KR_XDECREF(seq);
    return result;
}

static KrObject *list_subscript(KrObject *o, KrObject *key);

static int list_ass_subscript(KrObject *o, KrObject *key, KrObject *value);

/* ===========================================================================
 * Sequence protocol
 * ========================================================================= */

static kr_ssize list_length(KrObject *o) { return KR_SIZE(o); }

static KrObject *list_item(KrObject *o, kr_ssize i) {
    if ((size_t)i >= (size_t)KR_SIZE(o)) {
        kr_err_set_string(kr_exc_IndexError, "list index out of range");
        return NULL;
    }
    return KR_NEWREF(KR_LIST_ITEM(o, i));
}

static int list_ass_item(KrObject *o, kr_ssize i, KrObject *v) {
    if ((size_t)i >= (size_t)KR_SIZE(o)) {
        kr_err_set_string(kr_exc_IndexError, "list assignment index out of range");
        return -1;
    }
    if (!v) return list_ass_slice((KrList *)o, i, i + 1, NULL);
    KrObject *old = KR_LIST_ITEM(o, i);
    KR_LIST_ITEM(o, i) = KR_NEWREF(v);
    KR_DECREF(old);
    return 0;
}

static KrObject *list_concat(KrObject *a, KrObject *b) {
    if (!KR_LIST_CHECK(b))
        return kr_err_format(kr_exc_TypeError, "can only concatenate list (not \"%T\") to list", b);
    kr_ssize na = KR_SIZE(a), nb = KR_SIZE(b);
    KrObject *r = kr_list_new(na + nb);
    if (!r) return NULL;
    for (kr_ssize i = 0; i < na; i++)
        KR_LIST_ITEM(r, i) = KR_NEWREF(KR_LIST_ITEM(a, i));
    for (kr_ssize i = 0; i < nb; i++)
        KR_LIST_ITEM(r, na + i) = KR_NEWREF(KR_LIST_ITEM(b, i));
    return r;
}

static KrObject *list_repeat(KrObject *a, kr_ssize n) {
    kr_ssize size = KR_SIZE(a);
    if (n <= 0 || size == 0) return kr_list_new(0);
    if (size > PTRDIFF_MAX / (kr_ssize)sizeof(KrObject *) / n) return kr_err_no_memory();
    KrObject *r = kr_list_new(size * n);
    if (!r) return NULL;
    KrObject **dst = KR_LIST_ITEMS(r);
    for (kr_ssize k = 0; k < n; k++)
        for (kr_ssize i = 0; i < size; i++)
            *dst++ = KR_NEWREF(KR_LIST_ITEM(a, i));
    return r;
}

static int list_contains(KrObject *o, KrObject *x) {
    for (kr_ssize i = 0; i < KR_SIZE(o); i++) {
        KrObject *item = KR_NEWREF(KR_LIST_ITEM(o, i));
        int k = kr_object_richcompare_bool(item, x, KR_EQ);
        KR_DECREF(item);
        if (k != 0) return k;
    }
    return 0;
}

static KrObject *list_inplace_concat(KrObject *self, KrObject *other) {
    if (kr_list_extend(self, other) < 0) return NULL;
    return KR_NEWREF(self);
}

static KrObject *list_inplace_repeat(KrObject *self, kr_ssize n) {
    KrList *l = (KrList *)self;
    kr_ssize size = KR_SIZE(l);
    if (size == 0 || n == 1) return KR_NEWREF(self);
    if (n < 1) {
        list_clear_items(l);
        return KR_NEWREF(self);
    }
    if (size > PTRDIFF_MAX / (kr_ssize)sizeof(KrObject *) / n) return kr_err_no_memory();
    if (list_resize(l, size * n) < 0) return NULL;
    KrObject **items = l->items;
    for (kr_ssize k = 1; k < n; k++)
        for (kr_ssize i = 0; i < size; i++)
            items[k * size + i] = KR_NEWREF(items[i]);
    return KR_NEWREF(self);
}

/* ===========================================================================
 * Subscripts
 * ========================================================================= */

static KrObject *list_subscript(KrObject *o, KrObject *key) {
    if (kr_index_check(key)) {
        kr_ssize i = kr_number_as_ssize(key, kr_exc_IndexError);
        if (i == -1 && kr_err_occurred()) return NULL;
        if (i < 0) i += KR_SIZE(o);
        return list_item(o, i);
    }
    if (KR_TYPE(key) == &kr_slice_type) {
        kr_ssize start, stop, step, len;
        if (kr_slice_indices(key, KR_SIZE(o), &start, &stop, &step, &len) < 0) return NULL;
        if (len <= 0) return kr_list_new(0);
        if (step == 1) return list_slice((KrList *)o, start, stop);
        KrObject *r = kr_list_new(len);
        if (!r) return NULL;
        for (kr_ssize i = 0, j = start; i < len; i++, j += step)
            KR_LIST_ITEM(r, i) = KR_NEWREF(KR_LIST_ITEM(o, j));
        return r;
    }
    return kr_err_format(kr_exc_TypeError, "list indices must be integers or slices, not %T", key);
}

static int list_ass_subscript(KrObject *o, KrObject *key, KrObject *value) {
    KrList *self = (KrList *)o;
    if (kr_index_check(key)) {
        kr_ssize i = kr_number_as_ssize(key, kr_exc_IndexError);
        if (i == -1 && kr_err_occurred()) return -1;
        if (i < 0) i += KR_SIZE(o);
        return list_ass_item(o, i, value);
    }
    if (KR_TYPE(key) != &kr_slice_type) {
        kr_err_format(kr_exc_TypeError, "list indices must be integers or slices, not %T", key);
        return -1;
    }
    kr_ssize start, stop, step, slicelen;
    if (kr_slice_indices(key, KR_SIZE(o), &start, &stop, &step, &slicelen) < 0) return -1;
    if (step == 1) return list_ass_slice(self, start, stop, value);
    if (!value) {
        /* Delete an extended slice: compact the survivors in one pass. */
        if (slicelen <= 0) return 0;
        if (step < 0) {
            stop = start + 1;
            start = stop + step * (slicelen - 1) - 1;
            step = -step;
        }
        KrObject **garbage = kr_mem_malloc((size_t)slicelen * sizeof(KrObject *));
        if (!garbage) return -1;
        KrObject **items = self->items;
        kr_ssize cur, i;
        for (cur = start, i = 0; cur < stop; cur += step, i++) {
            kr_ssize lim = step - 1;
            garbage[i] = items[cur];
            if (cur + step >= KR_SIZE(self)) lim = KR_SIZE(self) - cur - 1;
            memmove(items + cur - i, items + cur + 1, (size_t)lim * sizeof(KrObject *));
        }
        cur = start + (kr_ssize)slicelen * step;
        if (cur < KR_SIZE(self))
            memmove(items + cur - slicelen, items + cur,
                    (size_t)(KR_SIZE(self) - cur) * sizeof(KrObject *));
        list_resize(self, KR_SIZE(self) - slicelen);
        for (i = 0; i < slicelen; i++)
            KR_DECREF(garbage[i]);
        kr_mem_free(garbage);
        return 0;
    }
    /* Assign to an extended slice: sizes must match exactly. */
    KrObject *seq;
    if (value == o) {
        seq = list_slice(self, 0, KR_SIZE(self));
    } else if (KR_LIST_CHECK(value) || KR_TUPLE_CHECK(value)) {
        seq = KR_NEWREF(value);
    } else {
        KrObject *it = kr_object_get_iter(value);
        if (!it) {
            if (kr_err_matches(kr_exc_TypeError)) {
                kr_err_clear();
                kr_err_set_string(kr_exc_TypeError, "must assign iterable to extended slice");
            }
            return -1;
        }
        seq = kr_list_from_iterable(it);
        KR_DECREF(it);
    }
    if (!seq) return -1;
    kr_ssize n = KR_SIZE(seq);
    if (n != slicelen) {
        kr_err_format(kr_exc_ValueError,
                      "attempt to assign sequence of size %zd to extended slice of size %zd", n,
                      slicelen);
        KR_DECREF(seq);
        return -1;
    }
    if (slicelen == 0) {
        KR_DECREF(seq);
        return 0;
    }
    KrObject *const *src = KR_LIST_CHECK(seq) ? KR_LIST_ITEMS(seq) : KR_TUPLE_ITEMS(seq);
    KrObject **garbage = kr_mem_malloc((size_t)slicelen * sizeof(KrObject *));
    if (!garbage) {
        KR_DECREF(seq);
        return -1;
    }
    KrObject **items = self->items;
    for (kr_ssize cur = start, i = 0; i < slicelen; cur += step, i++) {
        garbage[i] = items[cur];
        items[cur] = KR_NEWREF(src[i]);
    }
    for (kr_ssize i = 0; i < slicelen; i++)
        KR_DECREF(garbage[i]);
    kr_mem_free(garbage);
    KR_DECREF(seq);
    return 0;
}

/* ===========================================================================
 * Compare and repr
 * ========================================================================= */

static KrObject *list_richcompare(KrObject *v, KrObject *w, int op) {
    if (!KR_LIST_CHECK(v) || !KR_LIST_CHECK(w)) return KR_NEWREF(kr_notimplemented);
    if (KR_SIZE(v) != KR_SIZE(w) && (op == KR_EQ || op == KR_NE))
        return KR_NEWREF(kr_bool_from(op == KR_NE));
    /* Re-read sizes each step: __eq__ may mutate either list. */
    kr_ssize i;
    for (i = 0; i < KR_SIZE(v) && i < KR_SIZE(w); i++) {
        KrObject *a = KR_LIST_ITEM(v, i), *b = KR_LIST_ITEM(w, i);
        if (a == b) continue;
        KR_INCREF(a);
        KR_INCREF(b);
        int k = kr_object_richcompare_bool(a, b, KR_EQ);
        KR_DECREF(a);
        KR_DECREF(b);
        if (k < 0) return NULL;
        if (!k) break;
    }
    if (i >= KR_SIZE(v) || i >= KR_SIZE(w)) {
        kr_ssize na = KR_SIZE(v), nb = KR_SIZE(w);
        int r;
        switch (op) {
        case KR_LT:
            r = na < nb;
            break;
        case KR_LE:
            r = na <= nb;
            break;
        case KR_EQ:
            r = na == nb;
            break;
        case KR_NE:
            r = na != nb;
            break;
        case KR_GT:
            r = na > nb;
            break;
        default:
            r = na >= nb;
            break;
        }
        return KR_NEWREF(kr_bool_from(r));
    }
    if (op == KR_EQ) return KR_NEWREF(kr_false);
    if (op == KR_NE) return KR_NEWREF(kr_true);
    KrObject *a = KR_NEWREF(KR_LIST_ITEM(v, i)), *b = KR_NEWREF(KR_LIST_ITEM(w, i));
    KrObject *r = kr_object_richcompare(a, b, op);
    KR_DECREF(a);
    KR_DECREF(b);
    return r;
}

static KrObject *list_repr(KrObject *o) {
    if (KR_SIZE(o) == 0) return kr_str_from_cstr("[]");
    int rc = kr_repr_enter(o);
    if (rc != 0) return rc > 0 ? kr_str_from_cstr("[...]") : NULL;
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    if (kr_strbuilder_append(&b, "[", 1) < 0) goto fail;
    for (kr_ssize i = 0; i < KR_SIZE(o); i++) {
        if (i > 0 && kr_strbuilder_append(&b, ", ", 2) < 0) goto fail;
        KrObject *item = KR_NEWREF(KR_LIST_ITEM(o, i));
        KrObject *r = kr_object_repr(item);
        KR_DECREF(item);
        if (!r) goto fail;
        int e = kr_strbuilder_append_str(&b, r);
        KR_DECREF(r);
        if (e < 0) goto fail;
    }
    if (kr_strbuilder_append(&b, "]", 1) < 0) goto fail;
    kr_repr_leave(o);
    return kr_strbuilder_finish(&b);
fail:
    kr_repr_leave(o);
    kr_strbuilder_discard(&b);
    return NULL;
}

/* ===========================================================================
 * Methods
 * ========================================================================= */

static KrObject *list_append_meth(KrObject *self, KrObject *x) {
    if (kr_list_append(self, x) < 0) return NULL;
    return kr_none;
}

static KrObject *list_extend_meth(KrObject *self, KrObject *x) {
    if (kr_list_extend(self, x) < 0) return NULL;
    return kr_none;
}

/* An index argument converted like CPython's "n" format: __index__, then OverflowError
 * "Python int too large to convert to C ssize_t". */
static int ssize_arg(KrObject *o, kr_ssize *out) {
    KrObject *i = kr_number_index(o);
    if (!i) return -1;
    kr_ssize v = kr_int_as_ssize(i);
    KR_DECREF(i);
    if (v == -1 && kr_err_occurred()) return -1;
    *out = v;
    return 0;
}

static KrObject *list_insert_meth(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("insert", nargs, 2, 2) < 0) return NULL;
    kr_ssize i;
    if (ssize_arg(args[0], &i) < 0) return NULL;
    if (kr_list_insert(self, i, args[1]) < 0) return NULL;
    return kr_none;
}

static KrObject *list_pop_meth(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("pop", nargs, 0, 1) < 0) return NULL;
    kr_ssize i = -1;
    if (nargs == 1 && ssize_arg(args[0], &i) < 0) return NULL;
    KrList *l = (KrList *)self;
    kr_ssize n = KR_SIZE(l);
    if (n == 0) {
        kr_err_set_string(kr_exc_IndexError, "pop from empty list");
        return NULL;
    }
    if (i < 0) i += n;
    if ((size_t)i >= (size_t)n) {
        kr_err_set_string(kr_exc_IndexError, "pop index out of range");
        return NULL;
    }
    KrObject *v = l->items[i];
    if (i == n - 1) {
        if (list_resize(l, n - 1) < 0) return NULL;
        return v;
    }
    memmove(l->items + i, l->items + i + 1, (size_t)(n - i - 1) * sizeof(KrObject *));
    list_resize(l, n - 1);
    return v;
}

static KrObject *list_remove_meth(KrObject *self, KrObject *x) {
    for (kr_ssize i = 0; i < KR_SIZE(self); i++) {
        KrObject *item = KR_NEWREF(KR_LIST_ITEM(self, i));
        int k = kr_object_richcompare_bool(item, x, KR_EQ);
        KR_DECREF(item);
        if (k < 0) return NULL;
        if (k) {
            if (list_ass_slice((KrList *)self, i, i + 1, NULL) < 0) return NULL;
            return kr_none;
        }
    }
    kr_err_set_string(kr_exc_ValueError, "list.remove(x): x not in list");
    return NULL;
}

static KrObject *list_index_meth(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("index", nargs, 1, 3) < 0) return NULL;
    kr_ssize start = 0, stop = PTRDIFF_MAX;
    if (nargs > 1 && kr_slice_index_clamp(args[1], &start) < 0) return NULL;
    if (nargs > 2 && kr_slice_index_clamp(args[2], &stop) < 0) return NULL;
    if (start < 0) {
        start += KR_SIZE(self);
        if (start < 0) start = 0;
    }
    if (stop < 0) {
        stop += KR_SIZE(self);
        if (stop < 0) stop = 0;
    }
    for (kr_ssize i = start; i < stop && i < KR_SIZE(self); i++) {
        KrObject *item = KR_NEWREF(KR_LIST_ITEM(self, i));
        int k = kr_object_richcompare_bool(item, args[0], KR_EQ);
        KR_DECREF(item);
        if (k < 0) return NULL;
        if (k) return kr_int_from_ssize(i);
    }
    return kr_err_format(kr_exc_ValueError, "%R is not in list", args[0]);
}

static KrObject *list_count_meth(KrObject *self, KrObject *x) {
    kr_ssize c = 0;
    for (kr_ssize i = 0; i < KR_SIZE(self); i++) {
        KrObject *item = KR_LIST_ITEM(self, i);
        if (item == x) {
            c++;
            continue;
        }
        KR_INCREF(item);
        int k = kr_object_richcompare_bool(item, x, KR_EQ);
        KR_DECREF(item);
        if (k < 0) return NULL;
        c += k;
    }
    return kr_int_from_ssize(c);
}

static KrObject *list_clear_meth(KrObject *self, KrObject *unused) {
    list_clear_items((KrList *)self);
    return kr_none;
}

static KrObject *list_copy_meth(KrObject *self, KrObject *unused) {
    return list_slice((KrList *)self, 0, KR_SIZE(self));
}

static KrObject *list_reverse_meth(KrObject *self, KrObject *unused) {
    kr_list_reverse(self);
    return kr_none;
}

static KrObject *list_sort_meth(KrObject *self, KrObject *const *args, kr_ssize nargs,
                                KrObject *kwnames) {
    if (nargs > 0) {
        kr_err_set_string(kr_exc_TypeError, "sort() takes no positional arguments");
        return NULL;
    }
    KrObject *key = NULL;
    int reverse = 0;
    kr_ssize nkw = kwnames ? KR_SIZE(kwnames) : 0;
    for (kr_ssize i = 0; i < nkw; i++) {
        KrObject *name = KR_TUPLE_ITEM(kwnames, i), *v = args[nargs + i];
        if (kr_str_eq_cstr(name, "key")) {
            key = v;
        } else if (kr_str_eq_cstr(name, "reverse")) {
            if (KR_FLOAT_CHECK(v)) {
                kr_err_set_string(kr_exc_TypeError, "'float' object cannot be interpreted as an "
                                                    "integer");
                return NULL;
            }
            kr_ssize r = kr_number_as_ssize(v, NULL);
            if (r == -1 && kr_err_occurred()) return NULL;
            reverse = r != 0;
        } else {
            return kr_err_format(kr_exc_TypeError, "'%U' is an invalid keyword argument for sort()",
                                 name);
        }
    }
    if (key == kr_none) key = NULL;
    if (kr_list_sort(self, key, reverse) < 0) return NULL;
    return kr_none;
}

static KrObject *list_reversed_meth(KrObject *self, KrObject *unused);

static KrObject *list_sizeof_meth(KrObject *self, KrObject *unused) {
    /* Counted with CPython's 16-byte object header in both builds, so that
     * sys.getsizeof agrees with CPython's. */
    kr_ssize base = KR_TYPE(self)->tp_basicsize - (kr_ssize)sizeof(KrObject) + 16;
    return kr_int_from_ssize(base + ((KrList *)self)->allocated * (kr_ssize)sizeof(KrObject *));
}

static KrObject *list_class_getitem(KrObject *cls, KrObject *arg) {
    return kr_generic_alias(cls, arg);
}

static KrMethodDef list_methods[] = {
    {"append", (void *)list_append_meth, KR_METH_O, "Append object to the end of the list."},
    {"extend", (void *)list_extend_meth, KR_METH_O,
     "Extend list by appending elements from the iterable."},
    {"insert", (void *)list_insert_meth, KR_METH_FASTCALL, "Insert object before index."},
    {"pop", (void *)list_pop_meth, KR_METH_FASTCALL,
     "Remove and return item at index (default last).\n\nRaises IndexError if list is empty or "
     "index is out of range."},
    {"remove", (void *)list_remove_meth, KR_METH_O,
     "Remove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {"index", (void *)list_index_meth, KR_METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", (void *)list_count_meth, KR_METH_O, "Return number of occurrences of value."},
    {"clear", (void *)list_clear_meth, KR_METH_NOARGS, "Remove all items from list."},
    {"copy", (void *)list_copy_meth, KR_METH_NOARGS, "Return a shallow copy of the list."},
    {"reverse", (void *)list_reverse_meth, KR_METH_NOARGS, "Reverse *IN PLACE*."},
    {"sort", (void *)list_sort_meth, KR_METH_FASTCALL | KR_METH_KEYWORDS,
     "Sort the list in ascending order and return None."},
    {"__reversed__", (void *)list_reversed_meth, KR_METH_NOARGS,
     "Return a reverse iterator over the list."},
    {"__sizeof__", (void *)list_sizeof_meth, KR_METH_NOARGS,
     "Return the size of the list in memory, in bytes."},
    {"__class_getitem__", (void *)list_class_getitem, KR_METH_O | KR_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

/* ===========================================================================
 * Construction
 * ========================================================================= */

static KrObject *list_tp_new(KrType *type, KrObject *args, KrObject *kwargs) {
    KrObject *o = kr_type_generic_alloc(type, 0);
    if (!o) return NULL;
    KrList *l = (KrList *)o;
    l->items = NULL;
    l->allocated = 0;
    l->ob_base.ob_size = 0;
    kr_gc_track(o);
    return o;
}

static int list_init_impl(KrObject *self, KrObject *iterable) {
    if (KR_SIZE(self) > 0 || ((KrList *)self)->items) list_clear_items((KrList *)self);
    if (iterable) return kr_list_extend(self, iterable);
    return 0;
}

static int list_tp_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    if (KR_TYPE(self) == &kr_list_type && kwargs && kr_dict_size(kwargs) > 0) {
        kr_err_set_string(kr_exc_TypeError, "list() takes no keyword arguments");
        return -1;
    }
    kr_ssize n = KR_SIZE(args);
    if (n > 1) {
        kr_err_format(kr_exc_TypeError, "list expected at most 1 argument, got %zd", n);
        return -1;
    }
    return list_init_impl(self, n ? KR_TUPLE_ITEM(args, 0) : NULL);
}

static KrObject *list_vectorcall(KrObject *callable, KrObject *const *args, size_t nargsf,
                                 KrObject *kwnames) {
    kr_ssize nargs = kr_vectorcall_nargs(nargsf);
    if ((KrType *)callable != &kr_list_type)
        return kr_object_call_type_generic((KrType *)callable, args, nargs, kwnames);
    if (kwnames && KR_SIZE(kwnames) > 0) {
        kr_err_set_string(kr_exc_TypeError, "list() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1)
        return kr_err_format(kr_exc_TypeError, "list expected at most 1 argument, got %zd", nargs);
    KrObject *l = kr_list_new(0);
    if (!l) return NULL;
    if (nargs && kr_list_extend(l, args[0]) < 0) {
        KR_DECREF(l);
        return NULL;
    }
    return l;
}

/* ===========================================================================
 * Iterators
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    kr_ssize index;
    KrObject *seq; /* NULL once exhausted */
} KrListIter;

static KrObject *listiter_new(KrType *t, KrObject *seq, kr_ssize index) {
    KrListIter *it = (KrListIter *)kr_object_new(t);
    if (!it) return NULL;
    it->index = index;
    it->seq = KR_NEWREF(seq);
    kr_gc_track((KrObject *)it);
    return (KrObject *)it;
}

static KrObject *list_iter(KrObject *o) { return listiter_new(&kr_list_iter_type, o, 0); }

static KrObject *list_reversed_meth(KrObject *self, KrObject *unused) {
    return listiter_new(&kr_list_reverseiter_type, self, KR_SIZE(self) - 1);
}

static void listiter_dealloc(KrObject *o) {
    kr_gc_untrack(o);
    KR_XDECREF(((KrListIter *)o)->seq);
    kr_object_free(o);
}

static int listiter_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    KrObject *s = ((KrListIter *)o)->seq;
    return s ? visit(s, arg) : 0;
}

static KrObject *listiter_next(KrObject *o) {
    KrListIter *it = (KrListIter *)o;
    KrObject *s = it->seq;
    if (!s) return NULL;
    if (it->index < KR_SIZE(s)) return KR_NEWREF(KR_LIST_ITEM(s, it->index++));
    it->seq = NULL;
    KR_DECREF(s);
    return NULL;
}

static KrObject *listreviter_next(KrObject *o) {
    KrListIter *it = (KrListIter *)o;
    KrObject *s = it->seq;
    if (!s) return NULL;
    kr_ssize i = it->index;
    if (i >= 0 && i < KR_SIZE(s)) {
        it->index--;
        return KR_NEWREF(KR_LIST_ITEM(s, i));
    }
    it->index = -1;
    it->seq = NULL;
    KR_DECREF(s);
    return NULL;
}

static KrObject *listiter_length_hint(KrObject *o, KrObject *unused) {
    KrListIter *it = (KrListIter *)o;
    kr_ssize n = it->seq ? KR_SIZE(it->seq) - it->index : 0;
    return kr_int_from_ssize(n < 0 ? 0 : n);
}

static KrObject *listreviter_length_hint(KrObject *o, KrObject *unused) {
    KrListIter *it = (KrListIter *)o;
    kr_ssize n = it->index + 1;
    if (!it->seq || KR_SIZE(it->seq) < n) n = 0;
    return kr_int_from_ssize(n);
}

static KrMethodDef listiter_methods[] = {
    {"__length_hint__", (void *)listiter_length_hint, KR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static KrMethodDef listreviter_methods[] = {
    {"__length_hint__", (void *)listreviter_length_hint, KR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

KrType kr_list_iter_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(KrListIter),
    .tp_dealloc = listiter_dealloc,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_traverse = listiter_traverse,
    .tp_getattro = kr_object_generic_getattr,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = listiter_next,
    .tp_methods = listiter_methods,
};

KrType kr_list_reverseiter_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(KrListIter),
    .tp_dealloc = listiter_dealloc,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_traverse = listiter_traverse,
    .tp_getattro = kr_object_generic_getattr,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = listreviter_next,
    .tp_methods = listreviter_methods,
};

/* ===========================================================================
 * The type
 * ========================================================================= */

static KrSequenceMethods list_as_sequence = {
    .sq_length = list_length,
    .sq_concat = list_concat,
    .sq_repeat = list_repeat,
    .sq_item = list_item,
    .sq_ass_item = list_ass_item,
    .sq_contains = list_contains,
    .sq_inplace_concat = list_inplace_concat,
    .sq_inplace_repeat = list_inplace_repeat,
};

static KrMappingMethods list_as_mapping = {
    .mp_length = list_length,
    .mp_subscript = list_subscript,
    .mp_ass_subscript = list_ass_subscript,
};

KrType kr_list_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "list",
    .tp_basicsize = sizeof(KrList),
    .tp_dealloc = list_dealloc,
    .tp_vectorcall = list_vectorcall,
    .tp_repr = list_repr,
    .tp_as_sequence = &list_as_sequence,
    .tp_as_mapping = &list_as_mapping,
    .tp_hash = kr_object_hash_not_implemented,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags =
        KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE | KR_TPFLAGS_LIST_SUBCLASS | KR_TPFLAGS_SEQUENCE,
    .tp_doc = "Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a "
              "new empty list.\nThe argument must be an iterable if specified.",
    .tp_traverse = list_traverse,
    .tp_clear = list_tp_clear,
    .tp_richcompare = list_richcompare,
    .tp_iter = list_iter,
    .tp_methods = list_methods,
    .tp_init = list_tp_init,
    .tp_new = list_tp_new,
};
