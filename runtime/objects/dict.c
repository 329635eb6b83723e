/* dict.c - the compact, insertion-ordered dict: a sparse index table (1/2/4/8-byte
 * slots, open addressing with CPython's perturbation probing) over a dense array of
 * entries, lazy deletion with dummy slots, CPython's growth policy, and a version
 * number that changes on every mutation for the inline caches. Views and iterators
 * are in dict_views.c. */
#include <string.h>

#include "containers.h"

/* ===========================================================================
 * Keys object
 * ========================================================================= */

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
#define PERTURB_SHIFT 5
#define LOG2_MINSIZE 3

typedef struct {
    kr_hash hash;
    KrObject *key; /* NULL for a deleted entry */
    KrObject *value;
} DictEntry;

struct KrDictKeys {
    uint8_t log2_size;
    uint8_t log2_index_bytes;
    uint8_t is_static;
    uint8_t _pad[5];
    kr_ssize usable;   /* entries that can still be appended */
    kr_ssize nentries; /* entries used in the dense array (live + deleted) */
    kr_ssize _spare;
    char indices[]; /* (1 << log2_index_bytes) bytes of indices, then the entries */
};

#define DK_SIZE(k) ((kr_ssize)1 << (k)->log2_size)
#define DK_MASK(k) ((size_t)DK_SIZE(k) - 1)
#define DK_ENTRIES(k) ((DictEntry *)((k)->indices + ((size_t)1 << (k)->log2_index_bytes)))
#define USABLE_FRACTION(n) (((n) << 1) / 3)
#define GROWTH_RATE(d) ((d)->used * 3)

/* The shared keys of every empty dict: size 8, nothing usable, so the first insert
 * allocates real keys. */
static struct {
    struct KrDictKeys k;
    int8_t idx[8];
} empty_keys_storage = {
    {.log2_size = LOG2_MINSIZE,
     .log2_index_bytes = LOG2_MINSIZE,
     .is_static = 1,
     .usable = 0,
     .nentries = 0},
    {-1, -1, -1, -1, -1, -1, -1, -1},
};
#define EMPTY_KEYS (&empty_keys_storage.k)

static inline kr_ssize dk_get_index(KrDictKeys *k, size_t i) {
    uint8_t lb = k->log2_size;
    if (lb < 8) return ((int8_t *)k->indices)[i];
    if (lb < 16) return ((int16_t *)k->indices)[i];
    if (lb < 32) return ((int32_t *)k->indices)[i];
    return (kr_ssize)((int64_t *)k->indices)[i];
}

static inline void dk_set_index(KrDictKeys *k, size_t i, kr_ssize ix) {
    uint8_t lb = k->log2_size;
    if (lb < 8)
        ((int8_t *)k->indices)[i] = (int8_t)ix;
    else if (lb < 16)
        ((int16_t *)k->indices)[i] = (int16_t)ix;
    else if (lb < 32)
        ((int32_t *)k->indices)[i] = (int32_t)ix;
    else
        ((int64_t *)k->indices)[i] = (int64_t)ix;
}

static uint8_t calculate_log2_keysize(kr_ssize minsize) {
    uint8_t log2 = LOG2_MINSIZE;
    while (((kr_ssize)1 << log2) < minsize)
        log2++;
    return log2;
}

/* Smallest table that holds n items without resizing. */
static uint8_t estimate_log2_keysize(kr_ssize n) { return calculate_log2_keysize((n * 3 + 1) / 2); }

static KrDictKeys *new_keys(uint8_t log2_size) {
    if (log2_size >= 58) {
        kr_err_no_memory();
        return NULL;
    }
    uint8_t log2_bytes = log2_size < 8    ? log2_size
                         : log2_size < 16 ? log2_size + 1
                         : log2_size < 32 ? log2_size + 2
                                          : log2_size + 3;
    kr_ssize usable = USABLE_FRACTION((kr_ssize)1 << log2_size);
    size_t bytes =
        sizeof(KrDictKeys) + ((size_t)1 << log2_bytes) + (size_t)usable * sizeof(DictEntry);
    KrDictKeys *k = kr_mem_malloc(bytes);
    if (!k) return NULL;
    k->log2_size = log2_size;
    k->log2_index_bytes = log2_bytes;
    k->is_static = 0;
    k->usable = usable;
    k->nentries = 0;
    memset(k->indices, 0xff, (size_t)1 << log2_bytes);
    memset(DK_ENTRIES(k), 0, (size_t)usable * sizeof(DictEntry));
    return k;
}

static void free_keys(KrDictKeys *k) {
    if (!k->is_static) kr_mem_free(k);
}

/* Versions are unique across dicts: each thread takes blocks of 1024 from a global
 * counter, so two dicts never share a (pointer-reused) version by accident. */
static _Atomic(uint64_t) version_global;
static _Thread_local uint64_t version_next, version_end;

static inline uint64_t next_version(void) {
    if (version_next >= version_end) {
        uint64_t b = atomic_fetch_add_explicit(&version_global, 1024, memory_order_relaxed);
        version_next = b + 1;
        version_end = b + 1024;
    }
    return version_next++;
}

/* ===========================================================================
 * Lookup, insert, delete
 * ========================================================================= */

static inline kr_hash hash_of(KrObject *key) {
    if (KR_STR_CHECK_EXACT(key)) {
        kr_hash h = ((KrStr *)key)->hash;
        if (h != -1) return h;
    }
    return kr_object_hash(key);
}

/* Returns the entry index of key, DKIX_EMPTY if missing, DKIX_ERROR on errors. */
static kr_ssize lookup(KrDict *mp, KrObject *key, kr_hash hash) {
restart:;
    KrDictKeys *dk = mp->keys;
    DictEntry *entries = DK_ENTRIES(dk);
    size_t mask = DK_MASK(dk), perturb = (size_t)hash, i = (size_t)hash & mask;
    bool key_is_str = KR_STR_CHECK_EXACT(key);
    for (;;) {
        kr_ssize ix = dk_get_index(dk, i);
        if (ix == DKIX_EMPTY) return DKIX_EMPTY;
        if (ix >= 0) {
            DictEntry *ep = &entries[ix];
            KrObject *startkey = ep->key;
            if (startkey == key) return ix;
            if (ep->hash == hash) {
                if (key_is_str && KR_STR_CHECK_EXACT(startkey)) {
                    if (kr_str_eq(startkey, key)) return ix;
                } else {
                    KR_INCREF(startkey);
                    int cmp = kr_object_richcompare_bool(startkey, key, KR_EQ);
                    KR_DECREF(startkey);
                    if (cmp < 0) return DKIX_ERROR;
                    /* __eq__ may have mutated the dict: start over if it did. */
                    if (dk != mp->keys || ep->key != startkey) goto restart;
                    if (cmp > 0) return ix;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* First index slot for hash that holds no live entry (empty or dummy). */
static size_t find_empty_slot(KrDictKeys *k, kr_hash hash) {
    size_t mask = DK_MASK(k), perturb = (size_t)hash, i = (size_t)hash & mask;
    while (dk_get_index(k, i) >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* The index slot that refers to entry ix. */
static size_t lookup_index_slot(KrDictKeys *k, kr_hash hash, kr_ssize ix) {
    size_t mask = DK_MASK(k), perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        kr_ssize x = dk_get_index(k, i);
        if (x == ix) return i;
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Rebuilds the table at 2**log2_newsize slots, compacting deleted entries away. */
static int dict_resize(KrDict *mp, uint8_t log2_newsize) {
    KrDictKeys *old = mp->keys;
    KrDictKeys *nk = new_keys(log2_newsize);
    if (!nk) return -1;
    DictEntry *oe = DK_ENTRIES(old), *ne = DK_ENTRIES(nk);
    kr_ssize n = 0;
    for (kr_ssize i = 0; i < old->nentries; i++) {
        if (!oe[i].key) continue;
        ne[n] = oe[i];
        dk_set_index(nk, find_empty_slot(nk, oe[i].hash), n);
        n++;
    }
    nk->nentries = n;
    nk->usable -= n;
    mp->keys = nk;
    free_keys(old);
    return 0;
}

static int insertion_resize(KrDict *mp) {
    return dict_resize(mp, calculate_log2_keysize(GROWTH_RATE(mp)));
}

/* Inserts or replaces; steals neither key nor value. */
static int insert(KrDict *mp, KrObject *key, kr_hash hash, KrObject *value) {
    kr_ssize ix = lookup(mp, key, hash);
    if (ix == DKIX_ERROR) return -1;
    if (ix == DKIX_EMPTY) {
        if (mp->keys->usable <= 0 && insertion_resize(mp) < 0) return -1;
        KrDictKeys *k = mp->keys;
        size_t slot = find_empty_slot(k, hash);
        kr_ssize n = k->nentries;
        dk_set_index(k, slot, n);
        DictEntry *ep = &DK_ENTRIES(k)[n];
        ep->hash = hash;
        ep->key = KR_NEWREF(key);
        ep->value = KR_NEWREF(value);
        k->nentries = n + 1;
        k->usable--;
        mp->used++;
        mp->version = next_version();
        return 0;
    }
    DictEntry *ep = &DK_ENTRIES(mp->keys)[ix];
    KrObject *old = ep->value;
    if (old != value) {
        ep->value = KR_NEWREF(value);
        mp->version = next_version();
        KR_DECREF(old);
    }
    return 0;
}

/* Removes entry ix (found for hash); returns the old key and value (owned). */
static void delete_entry(KrDict *mp, kr_hash hash, kr_ssize ix, KrObject **okey,
                         KrObject **ovalue) {
    KrDictKeys *k = mp->keys;
    dk_set_index(k, lookup_index_slot(k, hash, ix), DKIX_DUMMY);
    DictEntry *ep = &DK_ENTRIES(k)[ix];
    *okey = ep->key;
    *ovalue = ep->value;
    ep->key = NULL;
    ep->value = NULL;
    mp->used--;
    mp->version = next_version();
}

void kr_dict_key_error(KrObject *key) {
    KrObject *args = kr_tuple_pack(1, key);
    if (!args) return;
    kr_err_set_object(kr_exc_KeyError, args);
    KR_DECREF(args);
}

/* ===========================================================================
 * Public C API
 * ========================================================================= */

KrObject *kr_dict_new(void) {
    KrDict *d = (KrDict *)kr_object_new(&kr_dict_type);
    if (!d) return NULL;
    d->used = 0;
    d->keys = EMPTY_KEYS;
    d->version = next_version();
    kr_gc_track((KrObject *)d);
    return (KrObject *)d;
}

KrObject *kr_dict_get_item_known_hash(KrObject *d, KrObject *key, kr_hash h) {
    KrDict *mp = (KrDict *)d;
    if (mp->used == 0) return NULL;
    kr_ssize ix = lookup(mp, key, h);
    if (ix < 0) return NULL;
    return DK_ENTRIES(mp->keys)[ix].value;
}

KrObject *kr_dict_get_item(KrObject *d, KrObject *key) {
    kr_hash h = hash_of(key);
    if (h == -1) return NULL;
    return kr_dict_get_item_known_hash(d, key, h);
}

KrObject *kr_dict_get_item_str(KrObject *d, const char *key) {
    KrObject *k = kr_str_from_cstr(key);
    if (!k) return NULL;
    KrObject *v = kr_dict_get_item(d, k);
    KR_DECREF(k);
    return v;
}

int kr_dict_set_item_known_hash(KrObject *d, KrObject *key, KrObject *value, kr_hash hash) {
    return insert((KrDict *)d, key, hash, value);
}

int kr_dict_set_item(KrObject *d, KrObject *key, KrObject *value) {
    kr_hash h = hash_of(key);
    if (h == -1) return -1;
    return insert((KrDict *)d, key, h, value);
}

int kr_dict_set_item_str(KrObject *d, const char *key, KrObject *value) {
    KrObject *k = kr_str_intern_cstr(key);
    if (!k) return -1;
    return kr_dict_set_item(d, k, value);
}

static int del_item_known_hash(KrDict *mp, KrObject *key, kr_hash h, bool raise) {
    kr_ssize ix = mp->used ? lookup(mp, key, h) : DKIX_EMPTY;
    if (ix == DKIX_ERROR) return -1;
    if (ix == DKIX_EMPTY) {
        if (raise) kr_dict_key_error(key);
        return raise ? -1 : 0;
    }
    KrObject *ok, *ov;
    delete_entry(mp, h, ix, &ok, &ov);
    KR_DECREF(ok);
    KR_DECREF(ov);
    return raise ? 0 : 1;
}

int kr_dict_del_item(KrObject *d, KrObject *key) {
    kr_hash h = hash_of(key);
    if (h == -1) return -1;
    return del_item_known_hash((KrDict *)d, key, h, true);
}

int kr_dict_del_item_str(KrObject *d, const char *key) {
    KrObject *k = kr_str_from_cstr(key);
    if (!k) return -1;
    int r = kr_dict_del_item(d, k);
    KR_DECREF(k);
    return r;
}

int kr_dict_contains_known_hash(KrObject *d, KrObject *key, kr_hash hash) {
    KrDict *mp = (KrDict *)d;
    if (mp->used == 0) return 0;
    kr_ssize ix = lookup(mp, key, hash);
    if (ix == DKIX_ERROR) return -1;
    return ix >= 0;
}

int kr_dict_contains(KrObject *d, KrObject *key) {
    kr_hash h = hash_of(key);
    if (h == -1) return -1;
    return kr_dict_contains_known_hash(d, key, h);
}

int kr_dict_next_hash(KrObject *d, kr_ssize *pos, KrObject **key, KrObject **value, kr_hash *hash) {
    KrDictKeys *k = ((KrDict *)d)->keys;
    kr_ssize i = *pos, n = k->nentries;
    DictEntry *e = DK_ENTRIES(k);
    while (i < n && e[i].key == NULL)
        i++;
    if (i >= n) return 0;
    *pos = i + 1;
    if (key) *key = e[i].key;
    if (value) *value = e[i].value;
    if (hash) *hash = e[i].hash;
    return 1;
}

int kr_dict_next(KrObject *d, kr_ssize *pos, KrObject **key, KrObject **value) {
    return kr_dict_next_hash(d, pos, key, value, NULL);
}

kr_ssize kr_dict_nentries(KrObject *d) { return ((KrDict *)d)->keys->nentries; }

int kr_dict_entry_at(KrObject *d, kr_ssize i, KrObject **key, KrObject **value) {
    KrDictKeys *k = ((KrDict *)d)->keys;
    if (i < 0 || i >= k->nentries) return 0;
    DictEntry *e = &DK_ENTRIES(k)[i];
    if (!e->key) return 0;
    if (key) *key = e->key;
    if (value) *value = e->value;
    return 1;
}

kr_ssize kr_dict_size(KrObject *d) { return ((KrDict *)d)->used; }

void kr_dict_clear(KrObject *d) {
    KrDict *mp = (KrDict *)d;
    KrDictKeys *old = mp->keys;
    if (old == EMPTY_KEYS && mp->used == 0) return;
    mp->keys = EMPTY_KEYS;
    mp->used = 0;
    mp->version = next_version();
    DictEntry *e = DK_ENTRIES(old);
    for (kr_ssize i = 0; i < old->nentries; i++) {
        if (e[i].key) {
            KR_DECREF(e[i].key);
            KR_DECREF(e[i].value);
        }
    }
    free_keys(old);
}

static KrObject *list_of(KrObject *d, int which) {
    KrDict *mp = (KrDict *)d;
    KrObject *l = kr_list_new(mp->used);
    if (!l) return NULL;
    /* No Python code runs below, so the size cannot change under us. */
    kr_ssize pos = 0, j = 0;
    KrObject *k, *v;
    while (kr_dict_next(d, &pos, &k, &v)) {
        KrObject *x;
        if (which == 0)
            x = KR_NEWREF(k);
        else if (which == 1)
            x = KR_NEWREF(v);
        else if (!(x = kr_tuple_pack(2, k, v))) {
            KR_DECREF(l);
            return NULL;
        }
        KR_LIST_ITEM(l, j++) = x;
    }
    return l;
}

KrObject *kr_dict_keys_list(KrObject *d) { return list_of(d, 0); }
KrObject *kr_dict_values_list(KrObject *d) { return list_of(d, 1); }
KrObject *kr_dict_items_list(KrObject *d) { return list_of(d, 2); }

KrObject *kr_dict_copy(KrObject *d) {
    KrDict *mp = (KrDict *)d;
    KrDictKeys *k = mp->keys;
    if (mp->used > 0 && k->nentries == mp->used) {
        /* No holes: clone the keys block as is (same table size, same layout). */
        size_t bytes = sizeof(KrDictKeys) + ((size_t)1 << k->log2_index_bytes) +
                       (size_t)USABLE_FRACTION(DK_SIZE(k)) * sizeof(DictEntry);
        KrDictKeys *nk = kr_mem_malloc(bytes);
        if (!nk) return NULL;
        memcpy(nk, k, bytes);
        nk->is_static = 0;
        DictEntry *e = DK_ENTRIES(nk);
        for (kr_ssize i = 0; i < nk->nentries; i++) {
            KR_INCREF(e[i].key);
            KR_INCREF(e[i].value);
        }
        KrDict *r = (KrDict *)kr_dict_new();
        if (!r) {
            for (kr_ssize i = 0; i < nk->nentries; i++) {
                KR_DECREF(e[i].key);
                KR_DECREF(e[i].value);
            }
            kr_mem_free(nk);
            return NULL;
        }
        r->keys = nk;
        r->used = mp->used;
        return (KrObject *)r;
    }
    KrObject *r = kr_dict_new();
    if (r && kr_dict_merge(r, d, 1) < 0) {
        KR_DECREF(r);
        return NULL;
    }
    return r;
}

int kr_dict_merge(KrObject *a, KrObject *b, int override) {
    KrDict *mp = (KrDict *)a;
    if (KR_DICT_CHECK(b) &&
        (KR_DICT_CHECK_EXACT(b) || KR_TYPE(b)->tp_iter == kr_dict_type.tp_iter)) {
        KrDict *other = (KrDict *)b;
        if (other == mp || other->used == 0) return 0;
        if (mp->used == 0) override = 1;
        if (USABLE_FRACTION(DK_SIZE(mp->keys)) < other->used &&
            dict_resize(mp, estimate_log2_keysize(mp->used + other->used)) < 0)
            return -1;
        KrDictKeys *ok = other->keys;
        kr_ssize n = ok->nentries, orig_used = other->used;
        for (kr_ssize i = 0; i < n; i++) {
            DictEntry *e = &DK_ENTRIES(other->keys)[i];
            if (!e->key) continue;
            KrObject *key = KR_NEWREF(e->key), *value = KR_NEWREF(e->value);
            kr_hash h = e->hash;
            int err;
            if (override == 1) {
                err = insert(mp, key, h, value);
            } else {
                err = kr_dict_contains_known_hash(a, key, h);
                if (err == 0) {
                    err = insert(mp, key, h, value);
                } else if (err > 0) {
                    err = 0;
                    if (override != 0) {
                        kr_dict_key_error(key);
                        err = -1;
                    }
                }
            }
            KR_DECREF(key);
            KR_DECREF(value);
            if (err < 0) return -1;
            if (other->used != orig_used || other->keys->nentries != n) {
                kr_err_set_string(kr_exc_RuntimeError, "dict mutated during update");
                return -1;
            }
        }
        return 0;
    }
    /* A generic mapping: iterate keys() and subscript. */
    KrObject *keys = kr_call_method(b, "keys", NULL, 0);
    if (!keys) return -1;
    KrObject *it = kr_object_get_iter(keys);
    KR_DECREF(keys);
    if (!it) return -1;
    KrObject *key;
    while ((key = kr_iter_next(it)) != NULL) {
        if (override != 1) {
            int c = kr_dict_contains(a, key);
            if (c != 0) {
                if (c > 0 && override != 0) {
                    kr_dict_key_error(key);
                    c = -1;
                }
                KR_DECREF(key);
                if (c < 0) {
                    KR_DECREF(it);
                    return -1;
                }
                continue;
            }
        }
        KrObject *value = kr_object_get_item(b, key);
        if (!value) {
            KR_DECREF(key);
            KR_DECREF(it);
            return -1;
        }
        int err = kr_dict_set_item(a, key, value);
        KR_DECREF(key);
        KR_DECREF(value);
        if (err < 0) {
            KR_DECREF(it);
            return -1;
        }
    }
    KR_DECREF(it);
    return kr_err_occurred() ? -1 : 0;
}

/* d.update(seq2) where seq2 yields pairs. */
static int merge_from_seq2(KrObject *d, KrObject *seq2, int override) {
    KrObject *it = kr_object_get_iter(seq2);
    if (!it) return -1;
    KrObject *item;
    kr_ssize i = 0;
    for (; (item = kr_iter_next(it)) != NULL; i++) {
        KrObject *fast = NULL;
        if (KR_LIST_CHECK(item) || KR_TUPLE_CHECK(item)) {
            fast = KR_NEWREF(item);
        } else {
            KrObject *iit = kr_object_get_iter(item);
            if (!iit) {
                if (kr_err_matches(kr_exc_TypeError)) {
                    kr_err_clear();
                    kr_err_format(kr_exc_TypeError,
                                  "cannot convert dictionary update sequence element #%zd to a "
                                  "sequence",
                                  i);
                }
                goto fail_item;
            }
            fast = kr_list_from_iterable(iit);
            KR_DECREF(iit);
            if (!fast) goto fail_item;
        }
        kr_ssize n = KR_SIZE(fast);
        if (n != 2) {
            kr_err_format(kr_exc_ValueError,
                          "dictionary update sequence element #%zd has length %zd; 2 is required",
                          i, n);
            KR_DECREF(fast);
            goto fail_item;
        }
        KrObject *const *pair = KR_LIST_CHECK(fast) ? KR_LIST_ITEMS(fast) : KR_TUPLE_ITEMS(fast);
        KrObject *k = KR_NEWREF(pair[0]), *v = KR_NEWREF(pair[1]);
        KR_DECREF(fast);
        int err = 0;
        if (override) {
            err = kr_dict_set_item(d, k, v);
        } else {
            int c = kr_dict_contains(d, k);
            if (c < 0)
                err = -1;
            else if (c == 0)
                err = kr_dict_set_item(d, k, v);
        }
        KR_DECREF(k);
        KR_DECREF(v);
        if (err < 0) goto fail_item;
        KR_DECREF(item);
    }
    KR_DECREF(it);
    return kr_err_occurred() ? -1 : 0;
fail_item:
    KR_DECREF(item);
    KR_DECREF(it);
    return -1;
}

int kr_dict_update(KrObject *d, KrObject *other) {
    if (KR_DICT_CHECK(other)) return kr_dict_merge(d, other, 1);
    KrObject *keys;
    int r = kr_object_lookup_attr(other, kr_str_intern_cstr("keys"), &keys);
    if (r < 0) return -1;
    if (r > 0) {
        KR_DECREF(keys);
        return kr_dict_merge(d, other, 1);
    }
    return merge_from_seq2(d, other, 1);
}

KrObject *kr_dict_pop(KrObject *d, KrObject *key, KrObject *deflt) {
    KrDict *mp = (KrDict *)d;
    if (mp->used == 0) {
        if (deflt) return KR_NEWREF(deflt);
        kr_dict_key_error(key);
        return NULL;
    }
    kr_hash h = hash_of(key);
    if (h == -1) return NULL;
    kr_ssize ix = lookup(mp, key, h);
    if (ix == DKIX_ERROR) return NULL;
    if (ix == DKIX_EMPTY) {
        if (deflt) return KR_NEWREF(deflt);
        kr_dict_key_error(key);
        return NULL;
    }
    KrObject *ok, *ov;
    delete_entry(mp, h, ix, &ok, &ov);
    KR_DECREF(ok);
    return ov;
}

KrObject *kr_dict_setdefault(KrObject *d, KrObject *key, KrObject *deflt) {
    KrDict *mp = (KrDict *)d;
    kr_hash h = hash_of(key);
    if (h == -1) return NULL;
    kr_ssize ix = lookup(mp, key, h);
    if (ix == DKIX_ERROR) return NULL;
    if (ix >= 0) return DK_ENTRIES(mp->keys)[ix].value;
    if (insert(mp, key, h, deflt) < 0) return NULL;
    return deflt;
}

/* ===========================================================================
 * Object protocol
 * ========================================================================= */

static void dict_dealloc(KrObject *o) {
    KrDict *mp = (KrDict *)o;
    kr_gc_untrack(o);
    KrDictKeys *k = mp->keys;
    if (k) {
        DictEntry *e = DK_ENTRIES(k);
        for (kr_ssize i = 0; i < k->nentries; i++) {
            if (e[i].key) {
                KR_DECREF(e[i].key);
                KR_DECREF(e[i].value);
            }
        }
        free_keys(k);
        mp->keys = NULL;
    }
    kr_object_free(o);
}

static int dict_traverse(KrObject *o, kr_visitproc visit, void *arg) {
    KrDictKeys *k = ((KrDict *)o)->keys;
    if (!k) return 0;
    DictEntry *e = DK_ENTRIES(k);
    for (kr_ssize i = 0; i < k->nentries; i++) {
        if (e[i].key) {
            int r = visit(e[i].key, arg);
            if (r) return r;
            r = visit(e[i].value, arg);
            if (r) return r;
        }
    }
    return 0;
}

static int dict_tp_clear(KrObject *o) {
    kr_dict_clear(o);
    return 0;
}

static KrObject *dict_repr(KrObject *o) {
    KrDict *mp = (KrDict *)o;
    if (mp->used == 0) return kr_str_from_cstr("{}");
    int rc = kr_repr_enter(o);
    if (rc != 0) return rc > 0 ? kr_str_from_cstr("{...}") : NULL;
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    kr_ssize pos = 0;
    KrObject *k, *v;
    bool first = true;
    if (kr_strbuilder_append(&b, "{", 1) < 0) goto fail;
    while (kr_dict_next(o, &pos, &k, &v)) {
        KR_INCREF(k);
        KR_INCREF(v);
        if (!first && kr_strbuilder_append(&b, ", ", 2) < 0) goto fail_kv;
        first = false;
        KrObject *r = kr_object_repr(k);
        if (!r) goto fail_kv;
        int e = kr_strbuilder_append_str(&b, r);
        KR_DECREF(r);
        if (e < 0 || kr_strbuilder_append(&b, ": ", 2) < 0) goto fail_kv;
        r = kr_object_repr(v);
        if (!r) goto fail_kv;
        e = kr_strbuilder_append_str(&b, r);
        KR_DECREF(r);
        if (e < 0) goto fail_kv;
        KR_DECREF(k);
        KR_DECREF(v);
        continue;
    fail_kv:
        KR_DECREF(k);
        KR_DECREF(v);
        goto fail;
    }
    if (kr_strbuilder_append(&b, "}", 1) < 0) goto fail;
    kr_repr_leave(o);
    return kr_strbuilder_finish(&b);
fail:
    kr_repr_leave(o);
    kr_strbuilder_discard(&b);
    return NULL;
}

static kr_ssize dict_length(KrObject *o) { return ((KrDict *)o)->used; }

static KrObject *dict_subscript(KrObject *o, KrObject *key) {
    KrDict *mp = (KrDict *)o;
    kr_hash h = hash_of(key);
    if (h == -1) return NULL;
    kr_ssize ix = mp->used ? lookup(mp, key, h) : DKIX_EMPTY;
    if (ix == DKIX_ERROR) return NULL;
    if (ix >= 0) return KR_NEWREF(DK_ENTRIES(mp->keys)[ix].value);
    if (!KR_DICT_CHECK_EXACT(o)) {
        int found = 0;
        KrObject *r = kr_call_special(o, kr_str_intern_cstr("__missing__"), &key, 1, &found);
        if (found || r) return r;
        if (kr_err_occurred()) return NULL;
    }
    kr_dict_key_error(key);
    return NULL;
}

static int dict_ass_subscript(KrObject *o, KrObject *key, KrObject *value) {
    if (value) return kr_dict_set_item(o, key, value);
    return kr_dict_del_item(o, key);
}

static int dict_contains_slot(KrObject *o, KrObject *key) { return kr_dict_contains(o, key); }

/* 1 equal, 0 not, -1 error. */
static int dict_equal(KrDict *a, KrDict *b) {
    if (a->used != b->used) return 0;
    for (kr_ssize i = 0; i < a->keys->nentries; i++) {
        DictEntry *ep = &DK_ENTRIES(a->keys)[i];
        if (!ep->key) continue;
        KrObject *key = KR_NEWREF(ep->key), *aval = KR_NEWREF(ep->value);
        kr_hash h = ep->hash;
        kr_ssize ix = b->used ? lookup(b, key, h) : DKIX_EMPTY;
        if (ix < 0) {
            KR_DECREF(key);
            KR_DECREF(aval);
            return ix == DKIX_ERROR ? -1 : 0;
        }
        KrObject *bval = KR_NEWREF(DK_ENTRIES(b->keys)[ix].value);
        int cmp = kr_object_richcompare_bool(aval, bval, KR_EQ);
        KR_DECREF(key);
        KR_DECREF(aval);
        KR_DECREF(bval);
        if (cmp <= 0) return cmp;
    }
    return 1;
}

static KrObject *dict_richcompare(KrObject *v, KrObject *w, int op) {
    if (!KR_DICT_CHECK(v) || !KR_DICT_CHECK(w) || (op != KR_EQ && op != KR_NE))
        return KR_NEWREF(kr_notimplemented);
    int c = dict_equal((KrDict *)v, (KrDict *)w);
    if (c < 0) return NULL;
    return KR_NEWREF(kr_bool_from((op == KR_EQ) == (c == 1)));
}

static KrObject *dict_or(KrObject *a, KrObject *b) {
    if (!KR_DICT_CHECK(a) || !KR_DICT_CHECK(b)) return KR_NEWREF(kr_notimplemented);
    KrObject *r = kr_dict_copy(a);
    if (!r) return NULL;
    if (kr_dict_update(r, b) < 0) {
        KR_DECREF(r);
        return NULL;
    }
    return r;
}

static KrObject *dict_ior(KrObject *self, KrObject *other) {
    if (kr_dict_update(self, other) < 0) return NULL;
    return KR_NEWREF(self);
}

/* ===========================================================================
 * Methods
 * ========================================================================= */

static KrObject *dict_getitem_meth(KrObject *self, KrObject *key) {
    return dict_subscript(self, key);
}

static KrObject *dict_contains_meth(KrObject *self, KrObject *key) {
    int c = kr_dict_contains(self, key);
    if (c < 0) return NULL;
    return KR_NEWREF(kr_bool_from(c));
}

static KrObject *dict_get_meth(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("get", nargs, 1, 2) < 0) return NULL;
    KrObject *v = kr_dict_get_item(self, args[0]);
    if (v) return KR_NEWREF(v);
    if (kr_err_occurred()) return NULL;
    return KR_NEWREF(nargs > 1 ? args[1] : kr_none);
}

static KrObject *dict_setdefault_meth(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("setdefault", nargs, 1, 2) < 0) return NULL;
    KrObject *v = kr_dict_setdefault(self, args[0], nargs > 1 ? args[1] : kr_none);
    return v ? KR_NEWREF(v) : NULL;
}

static KrObject *dict_pop_meth(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("pop", nargs, 1, 2) < 0) return NULL;
    return kr_dict_pop(self, args[0], nargs > 1 ? args[1] : NULL);
}

static KrObject *dict_popitem_meth(KrObject *self, KrObject *unused) {
    KrDict *mp = (KrDict *)self;
    if (mp->used == 0) {
        kr_err_set_string(kr_exc_KeyError, "popitem(): dictionary is empty");
        return NULL;
    }
    KrDictKeys *k = mp->keys;
    DictEntry *e = DK_ENTRIES(k);
    kr_ssize i = k->nentries - 1;
    while (i >= 0 && e[i].key == NULL)
        i--;
    KrObject *ok, *ov;
    delete_entry(mp, e[i].hash, i, &ok, &ov);
    /* The slot is reusable for appends, but not "usable" (its index is a dummy). */
    k->nentries = i;
    KrObject *r = kr_tuple_new(2);
    if (!r) {
        KR_DECREF(ok);
        KR_DECREF(ov);
        return NULL;
    }
    KR_TUPLE_ITEM(r, 0) = ok;
    KR_TUPLE_ITEM(r, 1) = ov;
    return r;
}

static KrObject *dict_keys_meth(KrObject *self, KrObject *unused) {
    return kr_dict_view_new(self, &kr_dict_keys_type);
}

static KrObject *dict_values_meth(KrObject *self, KrObject *unused) {
    return kr_dict_view_new(self, &kr_dict_values_type);
}

static KrObject *dict_items_meth(KrObject *self, KrObject *unused) {
    return kr_dict_view_new(self, &kr_dict_items_type);
}

/* dict(arg, **kw) / d.update(arg, **kw) */
static int update_common(KrObject *self, KrObject *const *args, kr_ssize nargs, KrObject *kwnames,
                         const char *name) {
    if (nargs > 1) {
        kr_err_format(kr_exc_TypeError, "%s expected at most 1 argument, got %zd", name, nargs);
        return -1;
    }
    if (nargs == 1) {
        KrObject *arg = args[0];
        int r;
        if (KR_DICT_CHECK(arg)) {
            r = kr_dict_merge(self, arg, 1);
        } else {
            KrObject *keys;
            r = kr_object_lookup_attr(arg, kr_str_intern_cstr("keys"), &keys);
            if (r > 0) {
                KR_DECREF(keys);
                r = kr_dict_merge(self, arg, 1);
            } else if (r == 0) {
                r = merge_from_seq2(self, arg, 1);
            }
        }
        if (r < 0) return -1;
    }
    kr_ssize nkw = kwnames ? KR_SIZE(kwnames) : 0;
    for (kr_ssize i = 0; i < nkw; i++)
        if (kr_dict_set_item(self, KR_TUPLE_ITEM(kwnames, i), args[nargs + i]) < 0) return -1;
    return 0;
}

static KrObject *dict_update_meth(KrObject *self, KrObject *const *args, kr_ssize nargs,
                                  KrObject *kwnames) {
    if (update_common(self, args, nargs, kwnames, "update") < 0) return NULL;
    return kr_none;
}

static KrObject *dict_fromkeys_meth(KrObject *cls, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("fromkeys", nargs, 1, 2) < 0) return NULL;
    KrObject *iterable = args[0], *value = nargs > 1 ? args[1] : kr_none;
    KrObject *d = kr_call_noargs(cls);
    if (!d) return NULL;
    if (KR_DICT_CHECK_EXACT(d) && ((KrDict *)d)->used == 0) {
        if (KR_DICT_CHECK_EXACT(iterable)) {
            KrDict *src = (KrDict *)iterable;
            if (dict_resize((KrDict *)d, estimate_log2_keysize(src->used)) < 0) goto fail;
            kr_ssize pos = 0;
            KrObject *k;
            kr_hash h;
            while (kr_dict_next_hash(iterable, &pos, &k, NULL, &h))
                if (insert((KrDict *)d, k, h, value) < 0) goto fail;
            return d;
        }
        if (KR_ANYSET_CHECK(iterable) &&
            (KR_TYPE(iterable) == &kr_set_type || KR_TYPE(iterable) == &kr_frozenset_type)) {
            if (dict_resize((KrDict *)d, estimate_log2_keysize(kr_set_size(iterable))) < 0)
                goto fail;
            KrSet *so = (KrSet *)iterable;
            for (kr_ssize i = 0; i <= so->mask; i++) {
                KrSetEntry *e = &so->table[i];
                if (e->key && e->hash != -1)
                    if (insert((KrDict *)d, e->key, e->hash, value) < 0) goto fail;
            }
            return d;
        }
    }
    KrObject *it = kr_object_get_iter(iterable);
    if (!it) goto fail;
    KrObject *key;
    bool exact = KR_DICT_CHECK_EXACT(d);
    while ((key = kr_iter_next(it)) != NULL) {
        int r = exact ? kr_dict_set_item(d, key, value) : kr_object_set_item(d, key, value);
        KR_DECREF(key);
        if (r < 0) {
            KR_DECREF(it);
            goto fail;
        }
    }
    KR_DECREF(it);
    if (kr_err_occurred()) goto fail;
    return d;
fail:
    KR_DECREF(d);
    return NULL;
}

static KrObject *dict_clear_meth(KrObject *self, KrObject *unused) {
    kr_dict_clear(self);
    return kr_none;
}

static KrObject *dict_copy_meth(KrObject *self, KrObject *unused) { return kr_dict_copy(self); }

static KrObject *dict_reversed_meth(KrObject *self, KrObject *unused) {
    return kr_dict_iter_new(self, &kr_dict_keyiter_type, 1);
}

static KrObject *dict_sizeof_meth(KrObject *self, KrObject *unused) {
    /* Reported like CPython's layout so sys.getsizeof matches. */
    KrDictKeys *k = ((KrDict *)self)->keys;
    kr_ssize n = 48;
    if (k && !k->is_static)
        n += 32 + ((kr_ssize)1 << k->log2_index_bytes) +
             USABLE_FRACTION(DK_SIZE(k)) * (kr_ssize)sizeof(DictEntry);
    return kr_int_from_ssize(n);
}

static KrObject *dict_class_getitem(KrObject *cls, KrObject *arg) {
    return kr_generic_alias(cls, arg);
}

static KrMethodDef dict_methods[] = {
    {"__contains__", (void *)dict_contains_meth, KR_METH_O | KR_METH_COEXIST,
     "True if the dictionary has the specified key, else False."},
    {"__getitem__", (void *)dict_getitem_meth, KR_METH_O | KR_METH_COEXIST,
     "x.__getitem__(y) <==> x[y]"},
    {"__sizeof__", (void *)dict_sizeof_meth, KR_METH_NOARGS,
     "D.__sizeof__() -> size of D in memory, in bytes"},
    {"get", (void *)dict_get_meth, KR_METH_FASTCALL,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", (void *)dict_setdefault_meth, KR_METH_FASTCALL,
     "Insert key with a value of default if key is not in the dictionary.\n\nReturn the value "
     "for key if key is in the dictionary, else default."},
    {"pop", (void *)dict_pop_meth, KR_METH_FASTCALL,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value."},
    {"popitem", (void *)dict_popitem_meth, KR_METH_NOARGS,
     "Remove and return a (key, value) pair as a 2-tuple."},
    {"keys", (void *)dict_keys_meth, KR_METH_NOARGS,
     "D.keys() -> a set-like object providing a view on D's keys"},
    {"items", (void *)dict_items_meth, KR_METH_NOARGS,
     "D.items() -> a set-like object providing a view on D's items"},
    {"values", (void *)dict_values_meth, KR_METH_NOARGS,
     "D.values() -> an object providing a view on D's values"},
    {"update", (void *)dict_update_meth, KR_METH_FASTCALL | KR_METH_KEYWORDS,
     "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."},
    {"fromkeys", (void *)dict_fromkeys_meth, KR_METH_FASTCALL | KR_METH_CLASS,
     "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", (void *)dict_clear_meth, KR_METH_NOARGS,
     "D.clear() -> None.  Remove all items from D."},
    {"copy", (void *)dict_copy_meth, KR_METH_NOARGS, "D.copy() -> a shallow copy of D"},
    {"__reversed__", (void *)dict_reversed_meth, KR_METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {"__class_getitem__", (void *)dict_class_getitem, KR_METH_O | KR_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

/* ===========================================================================
 * Construction
 * ========================================================================= */

static KrObject *dict_tp_new(KrType *type, KrObject *args, KrObject *kwargs) {
    KrObject *o = kr_type_generic_alloc(type, 0);
    if (!o) return NULL;
    KrDict *d = (KrDict *)o;
    d->used = 0;
    d->keys = EMPTY_KEYS;
    d->version = next_version();
    kr_gc_track(o);
    return o;
}

static int dict_tp_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    kr_ssize nargs = KR_SIZE(args);
    if (nargs > 1) {
        kr_err_format(kr_exc_TypeError, "dict expected at most 1 argument, got %zd", nargs);
        return -1;
    }
    if (nargs == 1 && update_common(self, KR_TUPLE_ITEMS(args), 1, NULL, "dict") < 0) return -1;
    if (kwargs && kr_dict_size(kwargs) > 0 && kr_dict_merge(self, kwargs, 1) < 0) return -1;
    return 0;
}

static KrObject *dict_vectorcall(KrObject *callable, KrObject *const *args, size_t nargsf,
                                 KrObject *kwnames) {
    kr_ssize nargs = kr_vectorcall_nargs(nargsf);
    if ((KrType *)callable != &kr_dict_type)
        return kr_object_call_type_generic((KrType *)callable, args, nargs, kwnames);
    KrObject *d = kr_dict_new();
    if (!d) return NULL;
    if (update_common(d, args, nargs, kwnames, "dict") < 0) {
        KR_DECREF(d);
        return NULL;
    }
    return d;
}

static KrObject *dict_iter(KrObject *o) { return kr_dict_iter_new(o, &kr_dict_keyiter_type, 0); }

/* ===========================================================================
 * The type
 * ========================================================================= */

static KrNumberMethods dict_as_number = {
    .nb_or = dict_or,
    .nb_inplace_or = dict_ior,
};

static KrSequenceMethods dict_as_sequence = {
    .sq_contains = dict_contains_slot,
};

static KrMappingMethods dict_as_mapping = {
    .mp_length = dict_length,
    .mp_subscript = dict_subscript,
    .mp_ass_subscript = dict_ass_subscript,
};

KrType kr_dict_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "dict",
    .tp_basicsize = sizeof(KrDict),
    .tp_dealloc = dict_dealloc,
    .tp_vectorcall = dict_vectorcall,
    .tp_repr = dict_repr,
    .tp_as_number = &dict_as_number,
    .tp_as_sequence = &dict_as_sequence,
    .tp_as_mapping = &dict_as_mapping,
    .tp_hash = kr_object_hash_not_implemented,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags =
        KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE | KR_TPFLAGS_DICT_SUBCLASS | KR_TPFLAGS_MAPPING,
    .tp_doc = "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a "
              "mapping object's\n    (key, value) pairs\ndict(iterable) -> new dictionary "
              "initialized as if via:\n    d = {}\n    for k, v in iterable:\n        d[k] = "
              "v\ndict(**kwargs) -> new dictionary initialized with the name=value pairs\n    in "
              "the keyword argument list.  For example:  dict(one=1, two=2)",
    .tp_traverse = dict_traverse,
    .tp_clear = dict_tp_clear,
    .tp_richcompare = dict_richcompare,
    .tp_iter = dict_iter,
    .tp_methods = dict_methods,
    .tp_init = dict_tp_init,
    .tp_new = dict_tp_new,
};
