/* set.c - set and frozenset. The table follows CPython's setobject algorithm step for
 * step (8-slot small table, 9 linear probes then perturbation, dummies, the resize
 * policy and the merge/intersection/difference orders), because the iteration order
 * of a set is observable and must match CPython's for the same operations. */
#include <string.h>

#include "containers.h"

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* Deleted entries hold this key with hash -1. */
static KrObject dummy_struct = KR_STATIC_OBJECT_INIT(&kr_object_type);
#define DUMMY (&dummy_struct)

#define SET_CHECK(o) kr_object_type_is_sub(KR_TYPE(o), &kr_set_type)

static inline kr_hash key_hash(KrObject *key) {
    if (KR_STR_CHECK_EXACT(key)) {
        kr_hash h = ((KrStr *)key)->hash;
        if (h != -1) return h;
    }
    return kr_object_hash(key);
}

/* ===========================================================================
 * Table primitives
 * ========================================================================= */

/* Inserts into a table known to hold no dummies and not this key. */
static void set_insert_clean(KrSetEntry *table, size_t mask, KrObject *key, kr_hash hash) {
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        KrSetEntry *entry = &table[i];
        if (entry->key == NULL) goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL) goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        entry->key = key;
        entry->hash = hash;
        return;
    }
}

static int set_table_resize(KrSet *so, kr_ssize minused) {
    KrSetEntry small_copy[SET_MINSIZE];
    size_t newsize = SET_MINSIZE;
    while (newsize <= (size_t)minused)
        newsize <<= 1;
    KrSetEntry *oldtable = so->table, *newtable;
    size_t oldmask = (size_t)so->mask;
    bool old_malloced = oldtable != so->smalltable;
    if (newsize == SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used) return 0; /* nothing to clean */
            memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
    } else {
        newtable = kr_mem_malloc(newsize * sizeof(KrSetEntry));
        if (!newtable) return -1;
    }
    memset(newtable, 0, newsize * sizeof(KrSetEntry));
    so->mask = (kr_ssize)newsize - 1;
    so->table = newtable;
    if (so->fill == so->used) {
        for (size_t i = 0; i <= oldmask; i++)
            if (oldtable[i].key)
                set_insert_clean(newtable, newsize - 1, oldtable[i].key, oldtable[i].hash);
    } else {
        so->fill = so->used;
        for (size_t i = 0; i <= oldmask; i++) {
            KrObject *k = oldtable[i].key;
            if (k && k != DUMMY) set_insert_clean(newtable, newsize - 1, k, oldtable[i].hash);
        }
    }
    if (old_malloced) kr_mem_free(oldtable);
    return 0;
}

/* Adds key (borrowed) with its hash. */
static int set_add_entry(KrSet *so, KrObject *key, kr_hash hash) {
    KrSetEntry *freeslot, *entry;
    /* Hold the key: __eq__ below may drop the caller's last reference. */
    KR_INCREF(key);
restart:;
    size_t mask = (size_t)so->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
    freeslot = NULL;
    for (;;) {
        entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) goto found_unused_or_dummy;
            if (entry->hash == hash) {
                KrObject *startkey = entry->key;
                if (startkey == key) goto found_active;
                if (KR_STR_CHECK_EXACT(startkey) && KR_STR_CHECK_EXACT(key)) {
                    if (kr_str_eq(startkey, key)) goto found_active;
                } else {
                    KrSetEntry *table = so->table;
                    KR_INCREF(startkey);
                    int cmp = kr_object_richcompare_bool(startkey, key, KR_EQ);
                    KR_DECREF(startkey);
                    if (cmp > 0) goto found_active;
                    if (cmp < 0) goto error;
                    if (table != so->table || entry->key != startkey) goto restart;
                    mask = (size_t)so->mask;
                }
            } else if (entry->hash == -1 && entry->key == DUMMY) {
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3) return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
    KR_DECREF(key);
    return 0;
error:
    KR_DECREF(key);
    return -1;
}

/* The entry holding key, an empty entry (key NULL) if absent, or NULL on error. */
static KrSetEntry *set_lookkey(KrSet *so, KrObject *key, kr_hash hash) {
restart:;
    size_t mask = (size_t)so->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        KrSetEntry *entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->key == NULL) return entry;
            if (entry->hash == hash) {
                KrObject *startkey = entry->key;
                if (startkey == key) return entry;
                if (KR_STR_CHECK_EXACT(startkey) && KR_STR_CHECK_EXACT(key)) {
                    if (kr_str_eq(startkey, key)) return entry;
                } else {
                    KrSetEntry *table = so->table;
                    KR_INCREF(startkey);
                    int cmp = kr_object_richcompare_bool(startkey, key, KR_EQ);
                    KR_DECREF(startkey);
                    if (cmp < 0) return NULL;
                    if (table != so->table || entry->key != startkey) goto restart;
                    if (cmp > 0) return entry;
                    mask = (size_t)so->mask;
                }
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int set_contains_entry(KrSet *so, KrObject *key, kr_hash hash) {
    KrSetEntry *e = set_lookkey(so, key, hash);
    if (!e) return -1;
    return e->key != NULL;
}

/* 1 removed, 0 not found, -1 error. */
static int set_discard_entry(KrSet *so, KrObject *key, kr_hash hash) {
    KrSetEntry *e = set_lookkey(so, key, hash);
    if (!e) return -1;
    if (e->key == NULL) return 0;
    KrObject *old = e->key;
    e->key = DUMMY;
    e->hash = -1;
    so->used--;
    KR_DECREF(old);
    return 1;
}

static int set_add_key(KrSet *so, KrObject *key) {
    kr_hash h = key_hash(key);
    if (h == -1) return -1;
    return set_add_entry(so, key, h);
}

static int set_contains_key(KrSet *so, KrObject *key) {
    kr_hash h = key_hash(key);
    if (h == -1) return -1;
    return set_contains_entry(so, key, h);
}

static int set_discard_key(KrSet *so, KrObject *key) {
    kr_hash h = key_hash(key);
    if (h == -1) return -1;
    return set_discard_entry(so, key, h);
}

static void set_clear_internal(KrSet *so) {
    KrSetEntry *table = so->table;
    kr_ssize mask = so->mask, fill = so->fill;
    bool malloced = table != so->smalltable;
    KrSetEntry small_copy[SET_MINSIZE];
    if (!malloced) {
        memcpy(small_copy, table, sizeof(small_copy));
        table = small_copy;
    }
    memset(so->smalltable, 0, sizeof(so->smalltable));
    so->table = so->smalltable;
    so->mask = SET_MINSIZE - 1;
    so->fill = 0;
    so->used = 0;
    so->hash = -1;
    for (kr_ssize i = 0; fill > 0 && i <= mask; i++) {
        if (table[i].key) {
            fill--;
            if (table[i].key != DUMMY) KR_DECREF(table[i].key);
        }
    }
    if (malloced) kr_mem_free(table);
}

/* Iteration over live entries; *pos starts at 0. */
static int set_next_entry(KrSet *so, kr_ssize *pos, KrSetEntry **out) {
    kr_ssize i = *pos, mask = so->mask;
    KrSetEntry *e = &so->table[i];
    while (i <= mask && (e->key == NULL || e->key == DUMMY)) {
        i++;
        e++;
    }
    *pos = i + 1;
    if (i > mask) return 0;
    *out = e;
    return 1;
}

static int set_merge(KrSet *so, KrSet *other) {
    if (other == so || other->used == 0) return 0;
    /* One big resize up front: expect few overlapping keys. */
    if ((so->fill + other->used) * 5 >= so->mask * 3 &&
        set_table_resize(so, (so->used + other->used) * 2) < 0)
        return -1;
    KrSetEntry *so_entry = so->table, *other_entry = other->table;
    /* Empty target of the same size and no dummies: copy the slots verbatim. */
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (kr_ssize i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
            KrObject *key = other_entry->key;
            if (key) {
                so_entry->key = KR_NEWREF(key);
                so_entry->hash = other_entry->hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        so->fill = other->used;
        so->used = other->used;
        for (kr_ssize i = other->mask + 1; i > 0; i--, other_entry++) {
            KrObject *key = other_entry->key;
            if (key && key != DUMMY)
                set_insert_clean(so->table, (size_t)so->mask, KR_NEWREF(key), other_entry->hash);
        }
        return 0;
    }
    for (kr_ssize i = 0; i <= other->mask; i++) {
        other_entry = &other->table[i];
        KrObject *key = other_entry->key;
        if (key && key != DUMMY && set_add_entry(so, key, other_entry->hash) < 0) return -1;
    }
    return 0;
}

static int set_update_internal(KrSet *so, KrObject *other) {
    if (KR_ANYSET_CHECK(other)) return set_merge(so, (KrSet *)other);
    if (KR_DICT_CHECK_EXACT(other)) {
        kr_ssize dictsize = kr_dict_size(other);
        if ((so->fill + dictsize) * 5 >= so->mask * 3 &&
            set_table_resize(so, (so->used + dictsize) * 2) < 0)
            return -1;
        kr_ssize pos = 0;
        KrObject *key;
        kr_hash h;
        while (kr_dict_next_hash(other, &pos, &key, NULL, &h))
            if (set_add_entry(so, key, h) < 0) return -1;
        return 0;
    }
    KrObject *it = kr_object_get_iter(other);
    if (!it) return -1;
    KrObject *key;
    while ((key = kr_iter_next(it)) != NULL) {
        int r = set_add_key(so, key);
        KR_DECREF(key);
        if (r < 0) {
            KR_DECREF(it);
            return -1;
        }
    }
    KR_DECREF(it);
    return kr_err_occurred() ? -1 : 0;
}

/* ===========================================================================
 * Construction
 * ========================================================================= */

static KrObject *make_new_set(KrType *type, KrObject *iterable) {
    KrSet *so = (KrSet *)(type == &kr_set_type || type == &kr_frozenset_type
                              ? kr_object_new(type)
                              : kr_type_generic_alloc(type, 0));
    if (!so) return NULL;
    so->fill = 0;
    so->used = 0;
    so->mask = SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
    so->finger = 0;
    so->weakreflist = NULL;
    memset(so->smalltable, 0, sizeof(so->smalltable));
    kr_gc_track((KrObject *)so);
    if (iterable && set_update_internal(so, iterable) < 0) {
        KR_DECREF(so);
        return NULL;
    }
    return (KrObject *)so;
}

/* Results of operations on subclasses are plain sets / frozensets. */
static KrObject *make_new_set_basetype(KrType *type, KrObject *iterable) {
    if (type != &kr_set_type && type != &kr_frozenset_type)
        type = kr_object_type_is_sub(type, &kr_set_type) ? &kr_set_type : &kr_frozenset_type;
    return make_new_set(type, iterable);
}

KrObject *kr_set_new(KrObject *iterable) { return make_new_set(&kr_set_type, iterable); }

KrObject *kr_frozenset_new(KrObject *iterable) {
    return make_new_set(&kr_frozenset_type, iterable);
}

static KrObject *set_copy(KrObject *so) { return make_new_set_basetype(KR_TYPE(so), so); }

static void set_dealloc(KrObject *o) {
    KrSet *so = (KrSet *)o;
    kr_gc_untrack(o);
    kr_weakref_clear_all(o);
    kr_ssize fill = so->fill;
    for (KrSetEntry *e = so->table; fill > 0; e++) {
        if (e->key) {
            fill--;
            if (e->key != DUMMY) KR_DECREF(e->key);
        }
    }
    if (so->table != so->smalltable) kr_mem_free(so->table);
    kr_object_free(o);
}

static int set_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    KrSet *so = (KrSet *)o;
    kr_ssize pos = 0;
    KrSetEntry *e;
    while (set_next_entry(so, &pos, &e)) {
        int r = visit(e->key, arg);
        if (r) return r;
    }
    return 0;
}

static int set_tp_clear(KrObject *o) {
    set_clear_internal((KrSet *)o);
    return 0;
}

static void set_swap_bodies(KrSet *a, KrSet *b) {
    KrSetEntry tab[SET_MINSIZE];
    kr_ssize t;
    t = a->fill;
    a->fill = b->fill;
    b->fill = t;
    t = a->used;
    a->used = b->used;
    b->used = t;
    t = a->mask;
    a->mask = b->mask;
    b->mask = t;
    KrSetEntry *u = a->table;
    if (a->table == a->smalltable) u = b->smalltable;
    a->table = b->table;
    if (b->table == b->smalltable) a->table = a->smalltable;
    b->table = u;
    if (a->table == a->smalltable || b->table == b->smalltable) {
        memcpy(tab, a->smalltable, sizeof(tab));
        memcpy(a->smalltable, b->smalltable, sizeof(tab));
        memcpy(b->smalltable, tab, sizeof(tab));
    }
    if (KR_TYPE_IS((KrObject *)a, &kr_frozenset_type) &&
        KR_TYPE_IS((KrObject *)b, &kr_frozenset_type)) {
        kr_hash h = a->hash;
        a->hash = b->hash;
        b->hash = h;
    } else {
        a->hash = -1;
        b->hash = -1;
    }
}

/* ===========================================================================
 * Public C API
 * ========================================================================= */

int kr_set_add(KrObject *set, KrObject *key) { return set_add_key((KrSet *)set, key); }

int kr_set_add_known_hash(KrObject *set, KrObject *key, kr_hash hash) {
    return set_add_entry((KrSet *)set, key, hash);
}

int kr_set_discard(KrObject *set, KrObject *key) { return set_discard_key((KrSet *)set, key); }

int kr_set_contains(KrObject *set, KrObject *key) { return set_contains_key((KrSet *)set, key); }

kr_ssize kr_set_size(KrObject *set) { return ((KrSet *)set)->used; }

int kr_set_next(KrObject *set, kr_ssize *pos, KrObject **key) {
    KrSetEntry *e;
    if (!set_next_entry((KrSet *)set, pos, &e)) return 0;
    *key = e->key;
    return 1;
}

int kr_set_update(KrObject *set, KrObject *iterable) {
    return set_update_internal((KrSet *)set, iterable);
}

/* ===========================================================================
 * Algebra
 * ========================================================================= */

static KrObject *set_intersection(KrSet *so, KrObject *other) {
    if ((KrObject *)so == other) return set_copy((KrObject *)so);
    KrSet *result = (KrSet *)make_new_set_basetype(KR_TYPE(so), NULL);
    if (!result) return NULL;
    if (KR_ANYSET_CHECK(other)) {
        KrSet *o = (KrSet *)other;
        if (o->used > so->used) {
            KrSet *t = so;
            so = o;
            o = t;
        }
        kr_ssize pos = 0;
        KrSetEntry *e;
        while (set_next_entry(o, &pos, &e)) {
            KrObject *key = KR_NEWREF(e->key);
            kr_hash h = e->hash;
            int rv = set_contains_entry(so, key, h);
            if (rv > 0) rv = set_add_entry(result, key, h);
            KR_DECREF(key);
            if (rv < 0) goto fail;
        }
        return (KrObject *)result;
    }
    KrObject *it = kr_object_get_iter(other);
    if (!it) goto fail;
    KrObject *key;
    while ((key = kr_iter_next(it)) != NULL) {
        kr_hash h = key_hash(key);
        int rv = h == -1 ? -1 : set_contains_entry(so, key, h);
        if (rv > 0) rv = set_add_entry(result, key, h);
        KR_DECREF(key);
        if (rv < 0) {
            KR_DECREF(it);
            goto fail;
        }
    }
    KR_DECREF(it);
    if (kr_err_occurred()) goto fail;
    return (KrObject *)result;
fail:
    KR_DECREF(result);
    return NULL;
}

static KrObject *set_intersection_multi(KrObject *so, KrObject *const *args, kr_ssize nargs) {
    if (nargs == 0) return set_copy(so);
    KrObject *result = KR_NEWREF(so);
    for (kr_ssize i = 0; i < nargs; i++) {
        KrObject *nr = set_intersection((KrSet *)result, args[i]);
        KR_DECREF(result);
        if (!nr) return NULL;
        result = nr;
    }
    return result;
}

static int set_intersection_update(KrSet *so, KrObject *other) {
    KrObject *tmp = set_intersection(so, other);
    if (!tmp) return -1;
    set_swap_bodies(so, (KrSet *)tmp);
    KR_DECREF(tmp);
    return 0;
}

static int set_difference_update_internal(KrSet *so, KrObject *other) {
    if ((KrObject *)so == other) {
        set_clear_internal(so);
        return 0;
    }
    if (KR_ANYSET_CHECK(other)) {
        kr_ssize pos = 0;
        KrSetEntry *e;
        while (set_next_entry((KrSet *)other, &pos, &e)) {
            KrObject *key = KR_NEWREF(e->key);
            int rv = set_discard_entry(so, key, e->hash);
            KR_DECREF(key);
            if (rv < 0) return -1;
        }
    } else {
        KrObject *it = kr_object_get_iter(other);
        if (!it) return -1;
        KrObject *key;
        while ((key = kr_iter_next(it)) != NULL) {
            int rv = set_discard_key(so, key);
            KR_DECREF(key);
            if (rv < 0) {
                KR_DECREF(it);
                return -1;
            }
        }
        KR_DECREF(it);
        if (kr_err_occurred()) return -1;
    }
    /* More than 1/4 dummies: clean them away. */
    if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4) return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static KrObject *set_copy_and_difference(KrSet *so, KrObject *other) {
    KrObject *result = set_copy((KrObject *)so);
    if (!result) return NULL;
    if (set_difference_update_internal((KrSet *)result, other) == 0) return result;
    KR_DECREF(result);
    return NULL;
}

static KrObject *set_difference(KrSet *so, KrObject *other) {
    kr_ssize other_size;
    if (KR_ANYSET_CHECK(other))
        other_size = ((KrSet *)other)->used;
    else if (KR_DICT_CHECK_EXACT(other))
        other_size = kr_dict_size(other);
    else
        return set_copy_and_difference(so, other);
    /* A much larger so: copying it and removing the few common items is cheaper. */
    if ((so->used >> 2) > other_size) return set_copy_and_difference(so, other);
    KrSet *result = (KrSet *)make_new_set_basetype(KR_TYPE(so), NULL);
    if (!result) return NULL;
    bool is_dict = KR_DICT_CHECK_EXACT(other);
    kr_ssize pos = 0;
    KrSetEntry *e;
    while (set_next_entry(so, &pos, &e)) {
        KrObject *key = KR_NEWREF(e->key);
        kr_hash h = e->hash;
        int rv = is_dict ? kr_dict_contains_known_hash(other, key, h)
                         : set_contains_entry((KrSet *)other, key, h);
        if (rv == 0) rv = set_add_entry(result, key, h);
        KR_DECREF(key);
        if (rv < 0) {
            KR_DECREF(result);
            return NULL;
        }
    }
    return (KrObject *)result;
}

static KrObject *set_difference_multi(KrObject *so, KrObject *const *args, kr_ssize nargs) {
    if (nargs == 0) return set_copy(so);
    KrObject *result = set_difference((KrSet *)so, args[0]);
    if (!result) return NULL;
    for (kr_ssize i = 1; i < nargs; i++) {
        if (set_difference_update_internal((KrSet *)result, args[i]) < 0) {
            KR_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static int set_symmetric_difference_update(KrSet *so, KrObject *other) {
    if ((KrObject *)so == other) {
        set_clear_internal(so);
        return 0;
    }
    if (KR_DICT_CHECK_EXACT(other)) {
        kr_ssize pos = 0;
        KrObject *key;
        kr_hash h;
        while (kr_dict_next_hash(other, &pos, &key, NULL, &h)) {
            KR_INCREF(key);
            int rv = set_discard_entry(so, key, h);
            if (rv == 0) rv = set_add_entry(so, key, h);
            KR_DECREF(key);
            if (rv < 0) return -1;
        }
        return 0;
    }
    KrSet *otherset;
    if (KR_ANYSET_CHECK(other)) {
        otherset = (KrSet *)KR_NEWREF(other);
    } else {
        otherset = (KrSet *)make_new_set_basetype(KR_TYPE(so), other);
        if (!otherset) return -1;
    }
    kr_ssize pos = 0;
    KrSetEntry *e;
    while (set_next_entry(otherset, &pos, &e)) {
        KrObject *key = KR_NEWREF(e->key);
        kr_hash h = e->hash;
        int rv = set_discard_entry(so, key, h);
        if (rv == 0) rv = set_add_entry(so, key, h);
        KR_DECREF(key);
        if (rv < 0) {
            KR_DECREF(otherset);
            return -1;
        }
    }
    KR_DECREF(otherset);
    return 0;
}

static KrObject *set_symmetric_difference(KrSet *so, KrObject *other) {
    KrSet *otherset = (KrSet *)make_new_set_basetype(KR_TYPE(so), other);
    if (!otherset) return NULL;
    if (set_symmetric_difference_update(otherset, (KrObject *)so) < 0) {
        KR_DECREF(otherset);
        return NULL;
    }
    return (KrObject *)otherset;
}

static int set_issubset_impl(KrSet *so, KrObject *other) {
    if (!KR_ANYSET_CHECK(other)) {
        KrObject *tmp = kr_set_new(other);
        if (!tmp) return -1;
        int r = set_issubset_impl(so, tmp);
        KR_DECREF(tmp);
        return r;
    }
    if (so->used > ((KrSet *)other)->used) return 0;
    kr_ssize pos = 0;
    KrSetEntry *e;
    while (set_next_entry(so, &pos, &e)) {
        KrObject *key = KR_NEWREF(e->key);
        int rv = set_contains_entry((KrSet *)other, key, e->hash);
        KR_DECREF(key);
        if (rv <= 0) return rv;
    }
    return 1;
}

static int set_issuperset_impl(KrSet *so, KrObject *other) {
    if (KR_ANYSET_CHECK(other)) return set_issubset_impl((KrSet *)other, (KrObject *)so);
    KrObject *it = kr_object_get_iter(other);
    if (!it) return -1;
    KrObject *key;
    while ((key = kr_iter_next(it)) != NULL) {
        int rv = set_contains_key(so, key);
        KR_DECREF(key);
        if (rv <= 0) {
            KR_DECREF(it);
            return rv;
        }
    }
    KR_DECREF(it);
    return kr_err_occurred() ? -1 : 1;
}

/* ===========================================================================
 * Slots
 * ========================================================================= */

static kr_ssize set_len(KrObject *o) { return ((KrSet *)o)->used; }

/* `in`: a set used as a key is looked up as the equal frozenset. */
static int set_contains_slot(KrObject *o, KrObject *key) {
    int rv = set_contains_key((KrSet *)o, key);
    if (rv < 0) {
        if (!SET_CHECK(key) || !kr_err_matches(kr_exc_TypeError)) return -1;
        kr_err_clear();
        KrObject *tmp = kr_frozenset_new(key);
        if (!tmp) return -1;
        rv = set_contains_key((KrSet *)o, tmp);
        KR_DECREF(tmp);
    }
    return rv;
}

static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; }

static kr_hash frozenset_hash(KrObject *o) {
    KrSet *so = (KrSet *)o;
    if (so->hash != -1) return so->hash;
    uint64_t hash = 0;
    /* XOR of the shuffled hashes of the live entries (CPython xors every slot and then
     * cancels the empty and dummy slots out; the result is the same). */
    kr_ssize pos = 0;
    KrSetEntry *e;
    while (set_next_entry(so, &pos, &e))
        hash ^= shuffle_bits((uint64_t)e->hash);
    hash ^= ((uint64_t)so->used + 1) * 1927868237ULL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923ULL;
    if (hash == (uint64_t)-1) hash = 590923713ULL;
    so->hash = (kr_hash)hash;
    return so->hash;
}

static KrObject *set_repr(KrObject *o) {
    KrSet *so = (KrSet *)o;
    const char *name = kr_type_name_cstr(KR_TYPE(o));
    if (so->used == 0) return kr_str_from_format("%s()", name);
    int rc = kr_repr_enter(o);
    if (rc != 0) return rc > 0 ? kr_str_from_format("%s(...)", name) : NULL;
    KrObject *result = NULL, *keys = kr_list_from_iterable(o), *lr = NULL, *inner = NULL;
    if (!keys) goto done;
    lr = kr_object_repr(keys);
    if (!lr) goto done;
    inner = kr_str_substring(lr, 1, kr_str_length(lr) - 1);
    if (!inner) goto done;
    if (KR_TYPE(o) == &kr_set_type)
        result = kr_str_from_format("{%U}", inner);
    else
        result = kr_str_from_format("%s({%U})", name, inner);
done:
    KR_XDECREF(keys);
    KR_XDECREF(lr);
    KR_XDECREF(inner);
    kr_repr_leave(o);
    return result;
}

KrObject *kr_set_richcompare_generic(KrObject *v, KrObject *w, int op) {
    if (!KR_ANYSET_CHECK(w)) return KR_NEWREF(kr_notimplemented);
    KrSet *a = (KrSet *)v, *b = (KrSet *)w;
    int r;
    switch (op) {
    case KR_EQ:
    case KR_NE:
        if (a->used != b->used) {
            r = 0;
        } else if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) {
            r = 0;
        } else {
            r = set_issubset_impl(a, w);
            if (r < 0) return NULL;
        }
        if (op == KR_NE) r = !r;
        break;
    case KR_LE:
        r = set_issubset_impl(a, w);
        break;
    case KR_GE:
        r = set_issuperset_impl(a, w);
        break;
    case KR_LT:
        r = a->used < b->used ? set_issubset_impl(a, w) : 0;
        break;
    default:
        r = a->used > b->used ? set_issuperset_impl(a, w) : 0;
        break;
    }
    if (r < 0) return NULL;
    return KR_NEWREF(kr_bool_from(r));
}

static KrObject *set_or(KrObject *a, KrObject *b) {
    if (!KR_ANYSET_CHECK(a) || !KR_ANYSET_CHECK(b)) return KR_NEWREF(kr_notimplemented);
    KrObject *r = set_copy(a);
    if (!r || a == b) return r;
    if (set_update_internal((KrSet *)r, b) < 0) {
        KR_DECREF(r);
        return NULL;
    }
    return r;
}

static KrObject *set_and(KrObject *a, KrObject *b) {
    if (!KR_ANYSET_CHECK(a) || !KR_ANYSET_CHECK(b)) return KR_NEWREF(kr_notimplemented);
    return set_intersection((KrSet *)a, b);
}

static KrObject *set_sub(KrObject *a, KrObject *b) {
    if (!KR_ANYSET_CHECK(a) || !KR_ANYSET_CHECK(b)) return KR_NEWREF(kr_notimplemented);
    return set_difference((KrSet *)a, b);
}

static KrObject *set_xor(KrObject *a, KrObject *b) {
    if (!KR_ANYSET_CHECK(a) || !KR_ANYSET_CHECK(b)) return KR_NEWREF(kr_notimplemented);
    return set_symmetric_difference((KrSet *)a, b);
}

static KrObject *set_ior(KrObject *a, KrObject *b) {
    if (!KR_ANYSET_CHECK(b)) return KR_NEWREF(kr_notimplemented);
    if (set_update_internal((KrSet *)a, b) < 0) return NULL;
    return KR_NEWREF(a);
}

static KrObject *set_iand(KrObject *a, KrObject *b) {
    if (!KR_ANYSET_CHECK(b)) return KR_NEWREF(kr_notimplemented);
    if (set_intersection_update((KrSet *)a, b) < 0) return NULL;
    return KR_NEWREF(a);
}

static KrObject *set_isub(KrObject *a, KrObject *b) {
    if (!KR_ANYSET_CHECK(b)) return KR_NEWREF(kr_notimplemented);
    if (set_difference_update_internal((KrSet *)a, b) < 0) return NULL;
    return KR_NEWREF(a);
}

static KrObject *set_ixor(KrObject *a, KrObject *b) {
    if (!KR_ANYSET_CHECK(b)) return KR_NEWREF(kr_notimplemented);
    if (set_symmetric_difference_update((KrSet *)a, b) < 0) return NULL;
    return KR_NEWREF(a);
}

/* ===========================================================================
 * Methods
 * ========================================================================= */

static KrObject *m_add(KrObject *self, KrObject *key) {
    if (set_add_key((KrSet *)self, key) < 0) return NULL;
    return kr_none;
}

static KrObject *m_clear(KrObject *self, KrObject *unused) {
    set_clear_internal((KrSet *)self);
    return kr_none;
}

static KrObject *m_copy(KrObject *self, KrObject *unused) { return set_copy(self); }

static KrObject *m_frozenset_copy(KrObject *self, KrObject *unused) {
    if (KR_TYPE(self) == &kr_frozenset_type) return KR_NEWREF(self);
    return set_copy(self);
}

/* remove/discard: a set argument is looked up as the equal frozenset. */
static int discard_with_frozen_retry(KrSet *so, KrObject *key) {
    int rv = set_discard_key(so, key);
    if (rv < 0) {
        if (!SET_CHECK(key) || !kr_err_matches(kr_exc_TypeError)) return -1;
        kr_err_clear();
        KrObject *tmp = kr_frozenset_new(key);
        if (!tmp) return -1;
        rv = set_discard_key(so, tmp);
        KR_DECREF(tmp);
    }
    return rv;
}

static KrObject *m_discard(KrObject *self, KrObject *key) {
    if (discard_with_frozen_retry((KrSet *)self, key) < 0) return NULL;
    return kr_none;
}

static KrObject *m_remove(KrObject *self, KrObject *key) {
    int rv = discard_with_frozen_retry((KrSet *)self, key);
    if (rv < 0) return NULL;
    if (rv == 0) {
        kr_dict_key_error(key);
        return NULL;
    }
    return kr_none;
}

static KrObject *m_pop(KrObject *self, KrObject *unused) {
    KrSet *so = (KrSet *)self;
    if (so->used == 0) {
        kr_err_set_string(kr_exc_KeyError, "pop from an empty set");
        return NULL;
    }
    KrSetEntry *entry = so->table + (so->finger & so->mask);
    KrSetEntry *limit = so->table + so->mask;
    while (entry->key == NULL || entry->key == DUMMY) {
        entry++;
        if (entry > limit) entry = so->table;
    }
    KrObject *key = entry->key;
    entry->key = DUMMY;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    return key;
}

static KrObject *m_union(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    KrObject *result = set_copy(self);
    if (!result) return NULL;
    for (kr_ssize i = 0; i < nargs; i++) {
        if (args[i] == self) continue;
        if (set_update_internal((KrSet *)result, args[i]) < 0) {
            KR_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static KrObject *m_update(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    for (kr_ssize i = 0; i < nargs; i++)
        if (set_update_internal((KrSet *)self, args[i]) < 0) return NULL;
    return kr_none;
}

static KrObject *m_intersection(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    return set_intersection_multi(self, args, nargs);
}

static KrObject *m_intersection_update(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    KrObject *tmp = set_intersection_multi(self, args, nargs);
    if (!tmp) return NULL;
    set_swap_bodies((KrSet *)self, (KrSet *)tmp);
    KR_DECREF(tmp);
    return kr_none;
}

static KrObject *m_difference(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    return set_difference_multi(self, args, nargs);
}

static KrObject *m_difference_update(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    for (kr_ssize i = 0; i < nargs; i++)
        if (set_difference_update_internal((KrSet *)self, args[i]) < 0) return NULL;
    return kr_none;
}

static KrObject *m_symmetric_difference(KrObject *self, KrObject *other) {
    return set_symmetric_difference((KrSet *)self, other);
}

static KrObject *m_symmetric_difference_update(KrObject *self, KrObject *other) {
    if (set_symmetric_difference_update((KrSet *)self, other) < 0) return NULL;
    return kr_none;
}

static KrObject *m_issubset(KrObject *self, KrObject *other) {
    int r = set_issubset_impl((KrSet *)self, other);
    return r < 0 ? NULL : KR_NEWREF(kr_bool_from(r));
}

static KrObject *m_issuperset(KrObject *self, KrObject *other) {
    int r = set_issuperset_impl((KrSet *)self, other);
    return r < 0 ? NULL : KR_NEWREF(kr_bool_from(r));
}

static KrObject *m_isdisjoint(KrObject *self, KrObject *other) {
    KrSet *so = (KrSet *)self;
    if (self == other) return KR_NEWREF(kr_bool_from(so->used == 0));
    if (KR_ANYSET_CHECK(other)) {
        KrSet *o = (KrSet *)other;
        if (o->used > so->used) {
            KrSet *t = so;
            so = o;
            o = t;
        }
        kr_ssize pos = 0;
        KrSetEntry *e;
        while (set_next_entry(o, &pos, &e)) {
            KrObject *key = KR_NEWREF(e->key);
            int rv = set_contains_entry(so, key, e->hash);
            KR_DECREF(key);
            if (rv != 0) return rv < 0 ? NULL : KR_NEWREF(kr_false);
        }
        return KR_NEWREF(kr_true);
    }
    KrObject *it = kr_object_get_iter(other);
    if (!it) return NULL;
    KrObject *key;
    while ((key = kr_iter_next(it)) != NULL) {
        int rv = set_contains_key(so, key);
        KR_DECREF(key);
        if (rv != 0) {
            KR_DECREF(it);
            return rv < 0 ? NULL : KR_NEWREF(kr_false);
        }
    }
    KR_DECREF(it);
    if (kr_err_occurred()) return NULL;
    return KR_NEWREF(kr_true);
}

static KrObject *m_contains(KrObject *self, KrObject *key) {
    int r = set_contains_slot(self, key);
    return r < 0 ? NULL : KR_NEWREF(kr_bool_from(r));
}

static KrObject *m_sizeof(KrObject *self, KrObject *unused) {
    KrSet *so = (KrSet *)self;
    kr_ssize n = 200; /* CPython's PySetObject, so that sys.getsizeof matches */
    if (so->table != so->smalltable) n += (so->mask + 1) * (kr_ssize)sizeof(KrSetEntry);
    return kr_int_from_ssize(n);
}

static KrObject *m_reduce(KrObject *self, KrObject *unused) {
    KrObject *keys = kr_list_from_iterable(self);
    if (!keys) return NULL;
    KrObject *args = kr_tuple_pack(1, keys);
    KR_DECREF(keys);
    if (!args) return NULL;
    KrObject *state = NULL;
    KrObject **dictptr = kr_object_dictptr(self);
    state = dictptr && *dictptr ? *dictptr : kr_none;
    KrObject *r = kr_tuple_pack(3, (KrObject *)KR_TYPE(self), args, state);
    KR_DECREF(args);
    return r;
}

static KrObject *m_class_getitem(KrObject *cls, KrObject *arg) {
    return kr_generic_alias(cls, arg);
}

static KrMethodDef set_methods[] = {
    {"add", (void *)m_add, KR_METH_O,
     "Add an element to a set.\n\nThis has no effect if the element is already present."},
    {"clear", (void *)m_clear, KR_METH_NOARGS, "Remove all elements from this set."},
    {"__contains__", (void *)m_contains, KR_METH_O | KR_METH_COEXIST,
     "x.__contains__(y) <==> y in x."},
    {"copy", (void *)m_copy, KR_METH_NOARGS, "Return a shallow copy of a set."},
    {"discard", (void *)m_discard, KR_METH_O,
     "Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() method "
     "does not raise\nan exception when an element is missing from the set."},
    {"difference", (void *)m_difference, KR_METH_FASTCALL,
     "Return the difference of two or more sets as a new set."},
    {"difference_update", (void *)m_difference_update, KR_METH_FASTCALL,
     "Remove all elements of another set from this set."},
    {"intersection", (void *)m_intersection, KR_METH_FASTCALL,
     "Return the intersection of two sets as a new set."},
    {"intersection_update", (void *)m_intersection_update, KR_METH_FASTCALL,
     "Update a set with the intersection of itself and another."},
    {"isdisjoint", (void *)m_isdisjoint, KR_METH_O,
     "Return True if two sets have a null intersection."},
    {"issubset", (void *)m_issubset, KR_METH_O,
     "Test whether every element in the set is in other."},
    {"issuperset", (void *)m_issuperset, KR_METH_O,
     "Test whether every element in other is in the set."},
    {"pop", (void *)m_pop, KR_METH_NOARGS,
     "Remove and return an arbitrary set element.\n\nRaises KeyError if the set is empty."},
    {"__reduce__", (void *)m_reduce, KR_METH_NOARGS, "Return state information for pickling."},
    {"remove", (void *)m_remove, KR_METH_O,
     "Remove an element from a set; it must be a member.\n\nIf the element is not a member, raise "
     "a KeyError."},
    {"__sizeof__", (void *)m_sizeof, KR_METH_NOARGS,
     "S.__sizeof__() -> size of S in memory, in bytes"},
    {"symmetric_difference", (void *)m_symmetric_difference, KR_METH_O,
     "Return the symmetric difference of two sets as a new set."},
    {"symmetric_difference_update", (void *)m_symmetric_difference_update, KR_METH_O,
     "Update a set with the symmetric difference of itself and another."},
    {"union", (void *)m_union, KR_METH_FASTCALL, "Return the union of sets as a new set."},
    {"update", (void *)m_update, KR_METH_FASTCALL,
     "Update a set with the union of itself and others."},
    {"__class_getitem__", (void *)m_class_getitem, KR_METH_O | KR_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static KrMethodDef frozenset_methods[] = {
    {"__contains__", (void *)m_contains, KR_METH_O | KR_METH_COEXIST,
     "x.__contains__(y) <==> y in x."},
    {"copy", (void *)m_frozenset_copy, KR_METH_NOARGS, "Return a shallow copy of a set."},
    {"difference", (void *)m_difference, KR_METH_FASTCALL,
     "Return the difference of two or more sets as a new set."},
    {"intersection", (void *)m_intersection, KR_METH_FASTCALL,
     "Return the intersection of two sets as a new set."},
    {"isdisjoint", (void *)m_isdisjoint, KR_METH_O,
     "Return True if two sets have a null intersection."},
    {"issubset", (void *)m_issubset, KR_METH_O,
     "Test whether every element in the set is in other."},
    {"issuperset", (void *)m_issuperset, KR_METH_O,
     "Test whether every element in other is in the set."},
    {"__reduce__", (void *)m_reduce, KR_METH_NOARGS, "Return state information for pickling."},
    {"__sizeof__", (void *)m_sizeof, KR_METH_NOARGS,
     "S.__sizeof__() -> size of S in memory, in bytes"},
    {"symmetric_difference", (void *)m_symmetric_difference, KR_METH_O,
     "Return the symmetric difference of two sets as a new set."},
    {"union", (void *)m_union, KR_METH_FASTCALL, "Return the union of sets as a new set."},
    {"__class_getitem__", (void *)m_class_getitem, KR_METH_O | KR_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

/* ===========================================================================
 * Construction
 * ========================================================================= */

static KrObject *set_tp_new(KrType *type, KrObject *args, KrObject *kwargs) {
    if (type == &kr_set_type && kwargs && kr_dict_size(kwargs) > 0) {
        kr_err_set_string(kr_exc_TypeError, "set() takes no keyword arguments");
        return NULL;
    }
    return make_new_set(type, NULL);
}

static int set_tp_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    if (KR_TYPE(self) == &kr_set_type && kwargs && kr_dict_size(kwargs) > 0) {
        kr_err_set_string(kr_exc_TypeError, "set() takes no keyword arguments");
        return -1;
    }
    kr_ssize n = KR_SIZE(args);
    if (n > 1) {
        kr_err_format(kr_exc_TypeError, "set expected at most 1 argument, got %zd", n);
        return -1;
    }
    KrSet *so = (KrSet *)self;
    if (so->fill) set_clear_internal(so);
    so->hash = -1;
    if (n == 0) return 0;
    return set_update_internal(so, KR_TUPLE_ITEM(args, 0));
}

static KrObject *set_vectorcall(KrObject *callable, KrObject *const *args, size_t nargsf,
                                KrObject *kwnames) {
    kr_ssize nargs = kr_vectorcall_nargs(nargsf);
    if ((KrType *)callable != &kr_set_type)
        return kr_object_call_type_generic((KrType *)callable, args, nargs, kwnames);
    if (kwnames && KR_SIZE(kwnames) > 0) {
        kr_err_set_string(kr_exc_TypeError, "set() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1)
        return kr_err_format(kr_exc_TypeError, "set expected at most 1 argument, got %zd", nargs);
    return make_new_set(&kr_set_type, nargs ? args[0] : NULL);
}

static KrObject *frozenset_make(KrType *type, KrObject *iterable) {
    if (type != &kr_frozenset_type) return make_new_set(type, iterable);
    if (iterable && KR_TYPE(iterable) == &kr_frozenset_type) return KR_NEWREF(iterable);
    return make_new_set(type, iterable);
}

static KrObject *frozenset_tp_new(KrType *type, KrObject *args, KrObject *kwargs) {
    if (type == &kr_frozenset_type && kwargs && kr_dict_size(kwargs) > 0) {
        kr_err_set_string(kr_exc_TypeError, "frozenset() takes no keyword arguments");
        return NULL;
    }
    kr_ssize n = KR_SIZE(args);
    if (n > 1)
        return kr_err_format(kr_exc_TypeError, "frozenset expected at most 1 argument, got %zd", n);
    return frozenset_make(type, n ? KR_TUPLE_ITEM(args, 0) : NULL);
}

static KrObject *frozenset_vectorcall(KrObject *callable, KrObject *const *args, size_t nargsf,
                                      KrObject *kwnames) {
    kr_ssize nargs = kr_vectorcall_nargs(nargsf);
    if ((KrType *)callable != &kr_frozenset_type)
        return kr_object_call_type_generic((KrType *)callable, args, nargs, kwnames);
    if (kwnames && KR_SIZE(kwnames) > 0) {
        kr_err_set_string(kr_exc_TypeError, "frozenset() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1)
        return kr_err_format(kr_exc_TypeError, "frozenset expected at most 1 argument, got %zd",
                             nargs);
    return frozenset_make(&kr_frozenset_type, nargs ? args[0] : NULL);
}

/* ===========================================================================
 * Iterator
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *set; /* NULL once exhausted */
    kr_ssize used;
    kr_ssize pos;
    kr_ssize len;
} SetIter;

static KrObject *set_iter(KrObject *o) {
    SetIter *it = (SetIter *)kr_object_new(&kr_set_iter_type);
    if (!it) return NULL;
    it->set = KR_NEWREF(o);
    it->used = ((KrSet *)o)->used;
    it->pos = 0;
    it->len = it->used;
    kr_gc_track((KrObject *)it);
    return (KrObject *)it;
}

static void setiter_dealloc(KrObject *o) {
    kr_gc_untrack(o);
    KR_XDECREF(((SetIter *)o)->set);
    kr_object_free(o);
}

static int setiter_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    KrObject *s = ((SetIter *)o)->set;
    return s ? visit(s, arg) : 0;
}

static KrObject *setiter_next(KrObject *o) {
    SetIter *it = (SetIter *)o;
    KrSet *so = (KrSet *)it->set;
    if (!so) return NULL;
    if (it->used != so->used) {
        kr_err_set_string(kr_exc_RuntimeError, "Set changed size during iteration");
        it->used = -1;
        return NULL;
    }
    kr_ssize i = it->pos, mask = so->mask;
    KrSetEntry *e = &so->table[i < 0 ? 0 : i];
    while (i <= mask && (e->key == NULL || e->key == DUMMY)) {
        i++;
        e++;
    }
    it->pos = i + 1;
    if (i > mask) {
        it->set = NULL;
        KR_DECREF(so);
        return NULL;
    }
    it->len--;
    return KR_NEWREF(e->key);
}

static KrObject *setiter_length_hint(KrObject *o, KrObject *unused) {
    SetIter *it = (SetIter *)o;
    kr_ssize n = 0;
    if (it->set && it->used == ((KrSet *)it->set)->used) n = it->len;
    return kr_int_from_ssize(n);
}

static KrMethodDef setiter_methods[] = {
    {"__length_hint__", (void *)setiter_length_hint, KR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

KrType kr_set_iter_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(SetIter),
    .tp_dealloc = setiter_dealloc,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_traverse = setiter_traverse,
    .tp_getattro = kr_object_generic_getattr,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = setiter_next,
    .tp_methods = setiter_methods,
};

/* ===========================================================================
 * The types
 * ========================================================================= */

static KrNumberMethods set_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
    .nb_inplace_subtract = set_isub,
    .nb_inplace_and = set_iand,
    .nb_inplace_xor = set_ixor,
    .nb_inplace_or = set_ior,
};

static KrNumberMethods frozenset_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
};

static KrSequenceMethods set_as_sequence = {
    .sq_length = set_len,
    .sq_contains = set_contains_slot,
};

KrType kr_set_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "set",
    .tp_basicsize = sizeof(KrSet),
    .tp_dealloc = set_dealloc,
    .tp_vectorcall = set_vectorcall,
    .tp_repr = set_repr,
    .tp_as_number = &set_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_hash = kr_object_hash_not_implemented,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_doc = "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an "
              "unordered collection of unique elements.",
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_richcompare = kr_set_richcompare_generic,
    .tp_weaklistoffset = offsetof(KrSet, weakreflist),
    .tp_iter = set_iter,
    .tp_methods = set_methods,
    .tp_init = set_tp_init,
    .tp_new = set_tp_new,
};

KrType kr_frozenset_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(KrSet),
    .tp_dealloc = set_dealloc,
    .tp_vectorcall = frozenset_vectorcall,
    .tp_repr = set_repr,
    .tp_as_number = &frozenset_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_hash = frozenset_hash,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE | KR_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\n"
              "Build an immutable unordered collection of unique elements.",
    .tp_traverse = set_traverse,
    .tp_richcompare = kr_set_richcompare_generic,
    .tp_weaklistoffset = offsetof(KrSet, weakreflist),
    .tp_iter = set_iter,
    .tp_methods = frozenset_methods,
    .tp_new = frozenset_tp_new,
};
