/* type.c - the `type` type: readying static types (slot inheritance, MRO, dict),
 * class creation (metaclass, best base, __slots__ layout, C3 MRO, __set_name__,
 * __init_subclass__), __build_class__, version tags with a method cache keyed on
 * (version, name) and attribute access on classes. */
#include <stdatomic.h>
#include <stddef.h>
#include <string.h>

#include "type_internal.h"

#define ID(s) kr_interned(s)
#define TUP(o, i) KR_TUPLE_ITEM(o, i)

static KrObject *mro_implementation(KrType *t);

/* ===========================================================================
 * Names
 * ========================================================================= */

const char *kr_type_name_cstr(KrType *t) {
    if (KR_IS_HEAPTYPE(t)) return t->tp_name;
    const char *dot = strrchr(t->tp_name, '.');
    return dot ? dot + 1 : t->tp_name;
}

KrObject *kr_type_name(KrType *t) {
    if (KR_IS_HEAPTYPE(t) && t->tp_name_obj) return KR_NEWREF(t->tp_name_obj);
    return kr_str_from_cstr(kr_type_name_cstr(t));
}

KrObject *kr_type_qualname(KrType *t) {
    if (KR_IS_HEAPTYPE(t) && t->tp_qualname) return KR_NEWREF(t->tp_qualname);
    return kr_type_name(t);
}

KrObject *kr_type_module(KrType *t) {
    if (KR_IS_HEAPTYPE(t)) {
        KrObject *m = t->tp_dict ? kr_dict_get_item_str(t->tp_dict, "__module__") : NULL;
        if (!m) {
            if (!kr_err_occurred()) kr_err_set_string(kr_exc_AttributeError, "__module__");
            return NULL;
        }
        return KR_NEWREF(m);
    }
    const char *dot = strrchr(t->tp_name, '.');
    if (dot) return kr_str_from_utf8(t->tp_name, dot - t->tp_name);
    return KR_NEWREF(ID("builtins"));
}

/* ===========================================================================
 * Subtype checks and allocation
 * ========================================================================= */

int kr_type_is_subtype(KrType *a, KrType *b) {
    if (a == b) return 1;
    KrObject *mro = a->tp_mro;
    if (mro) {
        kr_ssize n = KR_SIZE(mro);
        for (kr_ssize i = 0; i < n; i++)
            if (TUP(mro, i) == (KrObject *)b) return 1;
        return 0;
    }
    for (a = a->tp_base; a; a = a->tp_base)
        if (a == b) return 1;
    return b == &kr_object_type;
}

KrObject *kr_type_generic_alloc(KrType *t, kr_ssize nitems) {
    KrObject *o = t->tp_itemsize ? kr_object_new_var(t, nitems) : kr_object_new(t);
    if (o && kr_type_has_flag(t, KR_TPFLAGS_HAVE_GC)) kr_gc_track(o);
    return o;
}

KrObject *kr_type_generic_new(KrType *t, KrObject *args, KrObject *kwargs) {
    return kr_type_generic_alloc(t, 0);
}

/* ===========================================================================
 * Instance dicts of classes derived from variable-size types (side table)
 * ========================================================================= */

typedef struct VarDict {
    KrObject *owner;
    KrObject *dict;
    struct VarDict *next;
} VarDict;

#define VARDICT_BUCKETS 1024
static VarDict *vardict_table[VARDICT_BUCKETS];
static atomic_flag vardict_lock = ATOMIC_FLAG_INIT;

static void vardict_acquire(void) {
    while (atomic_flag_test_and_set_explicit(&vardict_lock, memory_order_acquire)) {
    }
}
static void vardict_release(void) {
    atomic_flag_clear_explicit(&vardict_lock, memory_order_release);
}
static size_t vardict_bucket(KrObject *o) { return ((uintptr_t)o >> 4) % VARDICT_BUCKETS; }

KrObject **kr_type_var_dictptr(KrObject *o) {
    size_t b = vardict_bucket(o);
    vardict_acquire();
    for (VarDict *e = vardict_table[b]; e; e = e->next)
        if (e->owner == o) {
            vardict_release();
            return &e->dict;
        }
    VarDict *e = kr_mem_calloc(1, sizeof(VarDict));
    if (!e) {
        vardict_release();
        kr_err_clear();
        return NULL;
    }
    e->owner = o;
    e->next = vardict_table[b];
    vardict_table[b] = e;
    vardict_release();
    return &e->dict;
}

void kr_type_var_dict_release(KrObject *o) {
    size_t b = vardict_bucket(o);
    vardict_acquire();
    for (VarDict **p = &vardict_table[b]; *p; p = &(*p)->next) {
        if ((*p)->owner == o) {
            VarDict *e = *p;
            *p = e->next;
            vardict_release();
            KR_XDECREF(e->dict);
            kr_mem_free(e);
            return;
        }
    }
    vardict_release();
}

/* ===========================================================================
 * Version tags and the method cache
 * ========================================================================= */

#define MCACHE_BITS 12
#define MCACHE_SIZE (1u << MCACHE_BITS)
typedef struct {
    uint32_t version;
    KrObject *name;  /* interned str, compared by identity */
    KrObject *value; /* borrowed; valid while the version is */
} MCacheEntry;
static MCacheEntry mcache[MCACHE_SIZE];
static uint32_t next_version_tag = 1;

static inline size_t mcache_index(uint32_t version, KrObject *name) {
    uintptr_t h = ((uintptr_t)name >> 4) ^ ((uintptr_t)version * 2654435761u);
    return (size_t)(h ^ (h >> MCACHE_BITS)) & (MCACHE_SIZE - 1);
}

/* A type gets a version only when all its bases have one, so that invalidating a
 * base (which walks tp_subclasses) reaches every cached subclass. */
static bool assign_version_tag(KrType *t, int depth) {
    if (kr_type_has_flag(t, KR_TPFLAGS_VALID_VERSION)) return true;
    if (!kr_type_has_flag(t, KR_TPFLAGS_READY) || depth > 500) return false;
    if (next_version_tag == 0) return false; /* exhausted: no caching any more */
    KrObject *bases = t->tp_bases;
    if (bases)
        for (kr_ssize i = 0; i < KR_SIZE(bases); i++)
            if (!assign_version_tag((KrType *)TUP(bases, i), depth + 1)) return false;
    t->tp_version_tag = next_version_tag++;
    t->tp_flags |= KR_TPFLAGS_VALID_VERSION;
    return true;
}

uint32_t kr_type_get_version(KrType *t) {
    if (!assign_version_tag(t, 0)) return 0;
    return t->tp_version_tag;
}

static void type_modified(KrType *t, int depth) {
    if (!kr_type_has_flag(t, KR_TPFLAGS_VALID_VERSION) || depth > 1000) return;
    if (t->tp_subclasses) {
        kr_ssize pos = 0;
        KrObject *k, *v;
        while (kr_dict_next(t->tp_subclasses, &pos, &k, &v))
            type_modified((KrType *)(uintptr_t)kr_int_as_i64(v), depth + 1);
    }
    t->tp_flags &= ~(uint64_t)KR_TPFLAGS_VALID_VERSION;
    t->tp_version_tag = 0;
}

void kr_type_modified(KrType *t) { type_modified(t, 0); }

static KrObject *find_name_in_mro(KrType *t, KrObject *name) {
    KrObject *mro = t->tp_mro;
    if (!mro) {
        /* still being readied: walk the base chain */
        for (KrType *b = t; b; b = b->tp_base) {
            if (!b->tp_dict) continue;
            KrObject *r = kr_dict_get_item(b->tp_dict, name);
            if (r) return r;
            if (kr_err_occurred()) kr_err_clear();
        }
        return NULL;
    }
    kr_ssize n = KR_SIZE(mro);
    for (kr_ssize i = 0; i < n; i++) {
        KrObject *dict = ((KrType *)TUP(mro, i))->tp_dict;
        if (!dict) continue;
        KrObject *r = kr_dict_get_item(dict, name);
        if (r) return r;
        if (kr_err_occurred()) kr_err_clear();
    }
    return NULL;
}

/* Everything but a method-cache hit: readying, the MRO walk, filling the cache. */
static __attribute__((noinline)) KrObject *lookup_slow(KrType *t, KrObject *name) {
    if (!kr_type_has_flag(t, KR_TPFLAGS_READY)) {
        if (!kr_type_has_flag(t, KR_TPFLAGS_READYING)) {
            KrObject *saved = kr_err_fetch();
            if (kr_type_ready(t) < 0) kr_err_clear();
            kr_err_restore(saved);
        }
        return find_name_in_mro(t, name);
    }
    bool cacheable = KR_STR_CHECK_EXACT(name) && ((KrStr *)name)->interned;
    KrObject *saved = kr_err_occurred() ? kr_err_fetch() : NULL;
    KrObject *r = find_name_in_mro(t, name);
    if (saved) kr_err_restore(saved);
    if (cacheable && assign_version_tag(t, 0)) {
        MCacheEntry *e = &mcache[mcache_index(t->tp_version_tag, name)];
        e->version = t->tp_version_tag;
        e->name = name;
        e->value = r;
    }
    return r;
}

KrObject *kr_type_lookup(KrType *t, KrObject *name) {
    if (__builtin_expect(kr_type_has_flag(t, KR_TPFLAGS_VALID_VERSION), 1)) {
        /* an interned name is the only object that can match e->name */
        MCacheEntry *e = &mcache[mcache_index(t->tp_version_tag, name)];
        if (e->version == t->tp_version_tag && e->name == name) return e->value;
    }
    return lookup_slow(t, name);
}

/* ===========================================================================
 * Subclass registry: tp_subclasses maps id -> id (no strong references; a class
 * removes itself from its bases' registries when it is freed)
 * ========================================================================= */

static int add_subclass(KrType *base, KrType *t) {
    if (!base->tp_subclasses && !(base->tp_subclasses = kr_dict_new())) return -1;
    KrObject *key = kr_int_from_i64((int64_t)(uintptr_t)t);
    if (!key) return -1;
    int r = kr_dict_set_item(base->tp_subclasses, key, key);
    KR_DECREF(key);
    return r;
}

static void remove_subclass(KrType *base, KrType *t) {
    if (!base->tp_subclasses) return;
    KrObject *key = kr_int_from_i64((int64_t)(uintptr_t)t);
    if (!key) {
        kr_err_clear();
        return;
    }
    if (kr_dict_del_item(base->tp_subclasses, key) < 0) kr_err_clear();
    KR_DECREF(key);
}

/* ===========================================================================
 * Readying types: dict from methods/members/getsets, MRO, slot inheritance
 * ========================================================================= */

static int add_methods(KrType *t) {
    if (!t->tp_methods) return 0;
    for (KrMethodDef *m = t->tp_methods; m->name; m++) {
        KrObject *name = kr_str_intern_cstr(m->name);
        if (!name) return -1;
        if (!(m->flags & KR_METH_COEXIST)) {
            int has = kr_dict_contains(t->tp_dict, name);
            if (has < 0) return -1;
            if (has) continue;
        }
        KrObject *v;
        if (m->flags & KR_METH_CLASS) {
            v = kr_descr_new_classmethod(t, m);
        } else if (m->flags & KR_METH_STATIC) {
            KrObject *f = kr_cfunction_new(m, NULL, NULL);
            if (!f) return -1;
            KrObject *arg = f;
            v = kr_vectorcall((KrObject *)&kr_staticmethod_type, &arg, 1, NULL);
            KR_DECREF(f);
        } else {
            v = kr_descr_new_method(t, m);
        }
        if (!v) return -1;
        int r = kr_dict_set_item(t->tp_dict, name, v);
        KR_DECREF(v);
        if (r < 0) return -1;
    }
    return 0;
}

static int add_members(KrType *t) {
    if (!t->tp_members) return 0;
    for (KrMemberDef *m = t->tp_members; m->name; m++) {
        if (kr_dict_get_item_str(t->tp_dict, m->name)) continue;
        KrObject *v = kr_descr_new_member(t, m);
        if (!v) return -1;
        int r = kr_dict_set_item_str(t->tp_dict, m->name, v);
        KR_DECREF(v);
        if (r < 0) return -1;
    }
    return 0;
}

static int add_getset(KrType *t) {
    if (!t->tp_getset) return 0;
    for (KrGetSetDef *g = t->tp_getset; g->name; g++) {
        if (kr_dict_get_item_str(t->tp_dict, g->name)) continue;
        KrObject *v = kr_descr_new_getset(t, g);
        if (!v) return -1;
        int r = kr_dict_set_item_str(t->tp_dict, g->name, v);
        KR_DECREF(v);
        if (r < 0) return -1;
    }
    return 0;
}

KrMethodDef kr_type_tp_new_def = {"__new__", (void *)kr_type_tp_new_wrapper,
                                  KR_METH_FASTCALL | KR_METH_KEYWORDS,
                                  "Create and return a new object.  See help(type) for accurate "
                                  "signature."};

static int add_tp_new_wrapper(KrType *t) {
    if (kr_dict_get_item_str(t->tp_dict, "__new__")) return 0;
    KrObject *f = kr_cfunction_new(&kr_type_tp_new_def, (KrObject *)t, NULL);
    if (!f) return -1;
    int r = kr_dict_set_item_str(t->tp_dict, "__new__", f);
    KR_DECREF(f);
    return r;
}

#define COPYSLOT(field)                                                                            \
    do {                                                                                           \
        if (!t->field) t->field = b->field;                                                        \
    } while (0)
#define COPYSUB(sub, field)                                                                        \
    do {                                                                                           \
        if (!t->sub->field) t->sub->field = b->sub->field;                                         \
    } while (0)

static int overrides_hash(KrType *t) {
    KrObject *d = t->tp_dict;
    if (!d) return 0;
    return kr_dict_get_item_str(d, "__eq__") || kr_dict_get_item_str(d, "__hash__");
}

static void inherit_slots(KrType *t, KrType *b) {
    if (t->tp_as_number && b->tp_as_number && t->tp_as_number != b->tp_as_number) {
        KrNumberMethods *tn = t->tp_as_number, *bn = b->tp_as_number;
        void **tp = (void **)tn, **bp = (void **)bn;
        for (size_t i = 0; i < sizeof(KrNumberMethods) / sizeof(void *); i++)
            if (!tp[i]) tp[i] = bp[i];
    }
    if (t->tp_as_sequence && b->tp_as_sequence && t->tp_as_sequence != b->tp_as_sequence) {
        void **tp = (void **)t->tp_as_sequence, **bp = (void **)b->tp_as_sequence;
        for (size_t i = 0; i < sizeof(KrSequenceMethods) / sizeof(void *); i++)
            if (!tp[i]) tp[i] = bp[i];
    }
    if (t->tp_as_mapping && b->tp_as_mapping && t->tp_as_mapping != b->tp_as_mapping) {
        void **tp = (void **)t->tp_as_mapping, **bp = (void **)b->tp_as_mapping;
        for (size_t i = 0; i < sizeof(KrMappingMethods) / sizeof(void *); i++)
            if (!tp[i]) tp[i] = bp[i];
    }
    if (t->tp_as_async && b->tp_as_async && t->tp_as_async != b->tp_as_async) {
        void **tp = (void **)t->tp_as_async, **bp = (void **)b->tp_as_async;
        for (size_t i = 0; i < sizeof(KrAsyncMethods) / sizeof(void *); i++)
            if (!tp[i]) tp[i] = bp[i];
    }
    COPYSLOT(tp_as_number);
    COPYSLOT(tp_as_sequence);
    COPYSLOT(tp_as_mapping);
    COPYSLOT(tp_as_async);
    COPYSLOT(tp_dealloc);
    COPYSLOT(tp_repr);
    COPYSLOT(tp_str);
    if (!t->tp_call) {
        t->tp_call = b->tp_call;
        if (!t->tp_vectorcall_offset) t->tp_vectorcall_offset = b->tp_vectorcall_offset;
    }
    if (!t->tp_getattro) t->tp_getattro = b->tp_getattro;
    if (!t->tp_setattro) t->tp_setattro = b->tp_setattro;
    if (!t->tp_richcompare && !t->tp_hash && !overrides_hash(t)) {
        t->tp_richcompare = b->tp_richcompare;
        t->tp_hash = b->tp_hash;
    }
    COPYSLOT(tp_iter);
    COPYSLOT(tp_iternext);
    COPYSLOT(tp_descr_get);
    COPYSLOT(tp_descr_set);
    COPYSLOT(tp_init);
    COPYSLOT(tp_new);
    COPYSLOT(tp_finalize);
    if (kr_type_has_flag(t, KR_TPFLAGS_HAVE_GC) == kr_type_has_flag(b, KR_TPFLAGS_HAVE_GC)) {
        COPYSLOT(tp_traverse);
        COPYSLOT(tp_clear);
    }
}

static void inherit_special(KrType *t, KrType *b) {
    if (!kr_type_has_flag(t, KR_TPFLAGS_HAVE_GC) && kr_type_has_flag(b, KR_TPFLAGS_HAVE_GC) &&
        !t->tp_traverse && !t->tp_clear) {
        t->tp_flags |= KR_TPFLAGS_HAVE_GC;
        t->tp_traverse = b->tp_traverse;
        t->tp_clear = b->tp_clear;
    }
    if (!t->tp_basicsize) t->tp_basicsize = b->tp_basicsize;
    if (!t->tp_itemsize) t->tp_itemsize = b->tp_itemsize;
    if (!t->tp_weaklistoffset) t->tp_weaklistoffset = b->tp_weaklistoffset;
    if (!t->tp_dictoffset) t->tp_dictoffset = b->tp_dictoffset;
    t->tp_flags |= b->tp_flags & (KR_TPFLAGS_LONG_SUBCLASS | KR_TPFLAGS_LIST_SUBCLASS |
                                  KR_TPFLAGS_TUPLE_SUBCLASS | KR_TPFLAGS_BYTES_SUBCLASS |
                                  KR_TPFLAGS_STR_SUBCLASS | KR_TPFLAGS_DICT_SUBCLASS |
                                  KR_TPFLAGS_BASE_EXC_SUBCLASS | KR_TPFLAGS_TYPE_SUBCLASS);
    if (!(t->tp_flags & (KR_TPFLAGS_SEQUENCE | KR_TPFLAGS_MAPPING)))
        t->tp_flags |= b->tp_flags & (KR_TPFLAGS_SEQUENCE | KR_TPFLAGS_MAPPING);
}

static int set_doc_entry(KrType *t) {
    if (kr_dict_get_item_str(t->tp_dict, "__doc__")) return 0;
    if (KR_IS_HEAPTYPE(t) || !t->tp_doc)
        return kr_dict_set_item_str(t->tp_dict, "__doc__", kr_none);
    KrObject *doc = kr_str_from_cstr(t->tp_doc);
    if (!doc) return -1;
    int r = kr_dict_set_item_str(t->tp_dict, "__doc__", doc);
    KR_DECREF(doc);
    return r;
}

int kr_type_ready(KrType *t) {
    if (kr_type_has_flag(t, KR_TPFLAGS_READY | KR_TPFLAGS_READYING)) return 0;
    t->tp_flags |= KR_TPFLAGS_READYING;
    kr_typeslots_init_names();
    bool heap = KR_IS_HEAPTYPE(t);
    if (!t->tp_base && t != &kr_object_type) t->tp_base = &kr_object_type;
    KrType *base = t->tp_base;
    if (base && !kr_type_has_flag(base, KR_TPFLAGS_READY) && kr_type_ready(base) < 0) goto fail;
    if (!KR_TYPE(t) && base) kr_object_set_type((KrObject *)t, KR_TYPE(base));
    if (!t->tp_bases) {
        t->tp_bases = base ? kr_tuple_pack(1, (KrObject *)base) : KR_NEWREF(kr_empty_tuple);
        if (!t->tp_bases) goto fail;
    }
    for (kr_ssize i = 0; i < KR_SIZE(t->tp_bases); i++) {
        KrType *b = (KrType *)TUP(t->tp_bases, i);
        if (!kr_type_has_flag(b, KR_TPFLAGS_READY) && kr_type_ready(b) < 0) goto fail;
    }
    if (!t->tp_dict && !(t->tp_dict = kr_dict_new())) goto fail;
    if (!heap) {
        t->tp_flags |= KR_TPFLAGS_IMMUTABLETYPE;
        if (t->tp_new && add_tp_new_wrapper(t) < 0) goto fail;
        if (kr_typeslots_add_wrappers(t) < 0) goto fail;
    }
    if (add_methods(t) < 0 || add_members(t) < 0 || add_getset(t) < 0) goto fail;
    if (set_doc_entry(t) < 0) goto fail;
    if (!t->tp_mro) {
        KrObject *mro = mro_implementation(t);
        if (!mro) goto fail;
        t->tp_mro = mro;
    }
    if (base) inherit_special(t, base);
    for (kr_ssize i = 1; i < KR_SIZE(t->tp_mro); i++) {
        KrObject *b = TUP(t->tp_mro, i);
        if (KR_TYPE_CHECK(b)) inherit_slots(t, (KrType *)b);
    }
    if (!t->tp_hash && !heap) {
        /* a type that compares but does not hash is unhashable */
        if (!kr_dict_get_item_str(t->tp_dict, "__hash__") &&
            kr_dict_set_item_str(t->tp_dict, "__hash__", kr_none) < 0)
            goto fail;
        t->tp_hash = kr_object_hash_not_implemented;
    }
    for (kr_ssize i = 0; i < KR_SIZE(t->tp_bases); i++)
        if (add_subclass((KrType *)TUP(t->tp_bases, i), t) < 0) goto fail;
    t->tp_flags = (t->tp_flags & ~(uint64_t)KR_TPFLAGS_READYING) | KR_TPFLAGS_READY;
    return 0;
fail:
    t->tp_flags &= ~(uint64_t)KR_TPFLAGS_READYING;
    return -1;
}

/* ===========================================================================
 * MRO (C3 linearisation)
 * ========================================================================= */

static int tail_contains(KrObject *seq, kr_ssize start, KrObject *o) {
    for (kr_ssize i = start + 1; i < KR_SIZE(seq); i++)
        if (TUP(seq, i) == o) return 1;
    return 0;
}

static void set_mro_error(KrObject **seqs, kr_ssize n, kr_ssize *remain) {
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    kr_strbuilder_append_cstr(
        &b, "Cannot create a consistent method resolution\norder (MRO) for bases ");
    KrObject *seen[64];
    int nseen = 0;
    bool first = true;
    for (kr_ssize i = 0; i < n; i++) {
        if (remain[i] >= KR_SIZE(seqs[i])) continue;
        KrObject *c = TUP(seqs[i], remain[i]);
        bool dup = false;
        for (int j = 0; j < nseen; j++)
            dup |= seen[j] == c;
        if (dup) continue;
        if (nseen < 64) seen[nseen++] = c;
        if (!first) kr_strbuilder_append_cstr(&b, ", ");
        first = false;
        KrObject *name = KR_TYPE_CHECK(c) ? kr_type_name((KrType *)c) : kr_object_repr(c);
        if (name) {
            kr_strbuilder_append_str(&b, name);
            KR_DECREF(name);
        } else {
            kr_err_clear();
        }
    }
    KrObject *msg = kr_strbuilder_finish(&b);
    if (msg) {
        kr_err_set_object(kr_exc_TypeError, msg);
        KR_DECREF(msg);
    }
}

static KrObject *mro_merge(KrType *t, KrObject **seqs, kr_ssize n) {
    kr_ssize *remain = kr_mem_calloc((size_t)n, sizeof(kr_ssize));
    if (!remain) return NULL;
    KrObject *result = kr_list_new(0);
    if (!result || kr_list_append(result, (KrObject *)t) < 0) goto fail;
    for (;;) {
        kr_ssize empty = 0;
        bool progressed = false;
        for (kr_ssize i = 0; i < n; i++) {
            if (remain[i] >= KR_SIZE(seqs[i])) {
                empty++;
                continue;
            }
            KrObject *cand = TUP(seqs[i], remain[i]);
            bool in_tail = false;
            for (kr_ssize j = 0; j < n && !in_tail; j++)
                in_tail = tail_contains(seqs[j], remain[j], cand);
            if (in_tail) continue;
            if (kr_list_append(result, cand) < 0) goto fail;
            for (kr_ssize j = 0; j < n; j++)
                if (remain[j] < KR_SIZE(seqs[j]) && TUP(seqs[j], remain[j]) == cand) remain[j]++;
            progressed = true;
            break;
        }
        if (progressed) continue;
        if (empty == n) break;
        set_mro_error(seqs, n, remain);
        goto fail;
    }
    kr_mem_free(remain);
    KrObject *tuple = kr_list_as_tuple(result);
    KR_DECREF(result);
    return tuple;
fail:
    kr_mem_free(remain);
    KR_XDECREF(result);
    return NULL;
}

static KrObject *mro_default(KrType *t) {
    KrObject *bases = t->tp_bases;
    kr_ssize n = KR_SIZE(bases);
    if (n == 0) return kr_tuple_pack(1, (KrObject *)t);
    for (kr_ssize i = 0; i < n; i++) {
        KrType *b = (KrType *)TUP(bases, i);
        if (!b->tp_mro) {
            if (kr_type_has_flag(b, KR_TPFLAGS_READYING))
                return kr_err_format(kr_exc_TypeError, "Cannot extend an incomplete type '%s'",
                                     b->tp_name);
            if (kr_type_ready(b) < 0) return NULL;
        }
    }
    if (n == 1) {
        KrObject *bm = ((KrType *)TUP(bases, 0))->tp_mro;
        KrObject *r = kr_tuple_new(KR_SIZE(bm) + 1);
        if (!r) return NULL;
        TUP(r, 0) = KR_NEWREF(t);
        for (kr_ssize i = 0; i < KR_SIZE(bm); i++)
            TUP(r, i + 1) = KR_NEWREF(TUP(bm, i));
        return r;
    }
    for (kr_ssize i = 0; i < n; i++)
        for (kr_ssize j = i + 1; j < n; j++)
            if (TUP(bases, i) == TUP(bases, j)) {
                KrObject *nm = kr_type_name((KrType *)TUP(bases, i));
                if (nm) {
                    kr_err_format(kr_exc_TypeError, "duplicate base class %U", nm);
                    KR_DECREF(nm);
                }
                return NULL;
            }
    KrObject **seqs = kr_mem_malloc(sizeof(KrObject *) * (size_t)(n + 1));
    if (!seqs) return NULL;
    for (kr_ssize i = 0; i < n; i++)
        seqs[i] = ((KrType *)TUP(bases, i))->tp_mro;
    seqs[n] = bases;
    KrObject *r = mro_merge(t, seqs, n + 1);
    kr_mem_free(seqs);
    return r;
}

static KrObject *type_mro_method(KrObject *self, KrObject *unused);

/* A metaclass may override mro(); its result must be a sequence of classes. */
static KrObject *mro_implementation(KrType *t) {
    KrType *meta = KR_TYPE(t);
    if (meta != &kr_type_type && KR_IS_HEAPTYPE(t)) {
        KrObject *m = kr_type_lookup(meta, ID("mro"));
        bool is_default = m && KR_TYPE(m) == &kr_method_descr_type &&
                          ((KrMethodDef *)((KrDescr *)m)->def)->func == (void *)type_mro_method;
        if (m && !is_default) {
            KrObject *res = kr_call_method((KrObject *)t, "mro", NULL, 0);
            if (!res) return NULL;
            KrObject *tuple = kr_tuple_from_iterable(res);
            KR_DECREF(res);
            if (!tuple) return NULL;
            for (kr_ssize i = 0; i < KR_SIZE(tuple); i++) {
                if (!KR_TYPE_CHECK(TUP(tuple, i))) {
                    kr_err_format(kr_exc_TypeError, "mro() returned a non-class ('%s')",
                                  kr_type_name_cstr(KR_TYPE(TUP(tuple, i))));
                    KR_DECREF(tuple);
                    return NULL;
                }
            }
            return tuple;
        }
    }
    return mro_default(t);
}

/* ===========================================================================
 * Class creation
 * ========================================================================= */

static KrType *calculate_metaclass(KrType *metatype, KrObject *bases) {
    KrType *winner = metatype;
    for (kr_ssize i = 0; i < KR_SIZE(bases); i++) {
        KrType *tmp = KR_TYPE(TUP(bases, i));
        if (kr_type_is_subtype(winner, tmp)) continue;
        if (kr_type_is_subtype(tmp, winner)) {
            winner = tmp;
            continue;
        }
        kr_err_set_string(kr_exc_TypeError,
                          "metaclass conflict: the metaclass of a derived class must be a "
                          "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* Whether t adds C fields to base beyond a __dict__ / __weakref__ slot. */
static bool extra_ivars(KrType *t, KrType *b) {
    kr_ssize ts = t->tp_basicsize, bs = b->tp_basicsize;
    if (t->tp_itemsize || b->tp_itemsize) return ts != bs || t->tp_itemsize != b->tp_itemsize;
    if (KR_IS_HEAPTYPE(t) && t->tp_weaklistoffset && !b->tp_weaklistoffset &&
        t->tp_weaklistoffset + (kr_ssize)sizeof(KrObject *) == ts)
        ts -= sizeof(KrObject *);
    if (KR_IS_HEAPTYPE(t) && t->tp_dictoffset > 0 && !b->tp_dictoffset &&
        t->tp_dictoffset + (kr_ssize)sizeof(KrObject *) == ts)
        ts -= sizeof(KrObject *);
    return ts != bs;
}

static KrType *solid_base(KrType *t) {
    KrType *base = t->tp_base ? solid_base(t->tp_base) : &kr_object_type;
    return extra_ivars(t, base) ? t : base;
}

static KrType *best_base(KrObject *bases) {
    KrType *base = NULL, *winner = NULL;
    for (kr_ssize i = 0; i < KR_SIZE(bases); i++) {
        KrObject *bo = TUP(bases, i);
        if (!KR_TYPE_CHECK(bo)) {
            kr_err_set_string(kr_exc_TypeError, "bases must be types");
            return NULL;
        }
        KrType *b = (KrType *)bo;
        if (!kr_type_has_flag(b, KR_TPFLAGS_READY) && kr_type_ready(b) < 0) return NULL;
        if (!kr_type_has_flag(b, KR_TPFLAGS_BASETYPE)) {
            kr_err_format(kr_exc_TypeError, "type '%s' is not an acceptable base type",
                          kr_type_name_cstr(b));
            return NULL;
        }
        KrType *cand = solid_base(b);
        if (!winner) {
            winner = cand;
            base = b;
        } else if (kr_type_is_subtype(winner, cand)) {
        } else if (kr_type_is_subtype(cand, winner)) {
            winner = cand;
            base = b;
        } else {
            kr_err_set_string(kr_exc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

/* "__x" in class "_Foo" becomes "_Foo__x" (private name mangling for __slots__). */
static KrObject *mangle(KrObject *classname, KrObject *name) {
    const char *s = kr_str_data(name);
    kr_ssize n = kr_str_size(name);
    if (n < 2 || s[0] != '_' || s[1] != '_' || (n >= 4 && s[n - 1] == '_' && s[n - 2] == '_') ||
        memchr(s, '.', (size_t)n))
        return KR_NEWREF(name);
    const char *c = kr_str_data(classname);
    while (*c == '_')
        c++;
    if (!*c) return KR_NEWREF(name);
    return kr_str_from_format("_%s%U", c, name);
}

static bool is_identifier(KrObject *s) {
    const unsigned char *p = (const unsigned char *)kr_str_data(s);
    kr_ssize n = kr_str_size(s);
    if (n == 0 || (p[0] >= '0' && p[0] <= '9')) return false;
    for (kr_ssize i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c >= 0x80))
            return false;
    }
    return true;
}

/* __dict__ / __weakref__ descriptors of classes that add them. */
static KrObject *subtype_get_dict(KrObject *self, void *c) {
    KrObject **dp = kr_object_dictptr_any(self);
    if (!dp) return kr_err_format(kr_exc_AttributeError, "This object has no __dict__");
    if (!*dp && !(*dp = kr_dict_new())) return NULL;
    return KR_NEWREF(*dp);
}

static int subtype_set_dict(KrObject *self, KrObject *value, void *c) {
    KrObject **dp = kr_object_dictptr_any(self);
    if (!dp) {
        kr_err_set_string(kr_exc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (!value) {
        kr_err_set_string(kr_exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!KR_DICT_CHECK(value)) {
        kr_err_format(kr_exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                      kr_type_name_cstr(KR_TYPE(value)));
        return -1;
    }
    KR_SETREF(*dp, KR_NEWREF(value));
    return 0;
}

static KrObject *subtype_get_weakref(KrObject *self, void *c) {
    kr_ssize off = KR_TYPE(self)->tp_weaklistoffset;
    if (off <= 0) return kr_err_format(kr_exc_AttributeError, "This object has no __weakref__");
    KrObject *w = *(KrObject **)((char *)self + off);
    return KR_NEWREF(w ? w : kr_none);
}

static KrGetSetDef subtype_getsets_full[] = {
    {"__dict__", subtype_get_dict, subtype_set_dict, "dictionary for instance variables", NULL},
    {"__weakref__", subtype_get_weakref, NULL, "list of weak references to the object", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
static KrGetSetDef subtype_getsets_dict_only[] = {
    {"__dict__", subtype_get_dict, subtype_set_dict, "dictionary for instance variables", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
static KrGetSetDef subtype_getsets_weakref_only[] = {
    {"__weakref__", subtype_get_weakref, NULL, "list of weak references to the object", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* The __slots__ declaration: computes the slot names (mangled, sorted) and whether
 * the class adds a __dict__ / __weakref__. */
static int process_slots(KrObject *name, KrObject *bases, KrType *base, KrObject *dict,
                         KrObject **slots_out, int *add_dict, int *add_weak) {
    bool may_add_dict = base->tp_dictoffset == 0;
    bool may_add_weak = base->tp_weaklistoffset == 0 && base->tp_itemsize == 0;
    *slots_out = NULL;
    *add_dict = *add_weak = 0;
    KrObject *slots = kr_dict_get_item_str(dict, "__slots__");
    if (!slots) {
        *add_dict = may_add_dict;
        *add_weak = may_add_weak;
        return 0;
    }
    KrObject *tuple = KR_STR_CHECK(slots) ? kr_tuple_pack(1, slots) : kr_tuple_from_iterable(slots);
    if (!tuple) return -1;
    kr_ssize n = KR_SIZE(tuple);
    if (n > 0 && base->tp_itemsize) {
        kr_err_format(kr_exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                      kr_type_name_cstr(base));
        goto fail;
    }
    KrObject *list = kr_list_new(0);
    if (!list) goto fail;
    for (kr_ssize i = 0; i < n; i++) {
        KrObject *s = TUP(tuple, i);
        if (!KR_STR_CHECK(s)) {
            kr_err_format(kr_exc_TypeError, "__slots__ items must be strings, not '%s'",
                          kr_type_name_cstr(KR_TYPE(s)));
            goto fail_list;
        }
        if (!is_identifier(s)) {
            kr_err_set_string(kr_exc_TypeError, "__slots__ must be identifiers");
            goto fail_list;
        }
        if (kr_str_eq_cstr(s, "__dict__")) {
            if (!may_add_dict || *add_dict) {
                kr_err_set_string(kr_exc_TypeError, "__dict__ slot disallowed: we already got one");
                goto fail_list;
            }
            *add_dict = 1;
            continue;
        }
        if (kr_str_eq_cstr(s, "__weakref__")) {
            if (!may_add_weak || *add_weak) {
                kr_err_set_string(kr_exc_TypeError,
                                  "__weakref__ slot disallowed: either we already "
                                  "got one, or __itemsize__ != 0");
                goto fail_list;
            }
            *add_weak = 1;
            continue;
        }
        KrObject *m = mangle(name, s);
        if (!m) goto fail_list;
        int has = kr_dict_contains(dict, m);
        if (has) {
            if (has > 0)
                kr_err_format(kr_exc_ValueError, "%R in __slots__ conflicts with class variable",
                              s);
            KR_DECREF(m);
            goto fail_list;
        }
        int dup = 0;
        for (kr_ssize j = 0; j < KR_SIZE(list) && !dup; j++)
            dup = kr_str_eq(KR_LIST_ITEM(list, j), m);
        if (!dup && kr_list_append(list, m) < 0) {
            KR_DECREF(m);
            goto fail_list;
        }
        KR_DECREF(m);
    }
    if (kr_list_sort(list, NULL, false) < 0) goto fail_list;
    /* secondary bases may still provide __dict__ / __weakref__ */
    for (kr_ssize i = 0; i < KR_SIZE(bases); i++) {
        KrType *b = (KrType *)TUP(bases, i);
        if (b == base) continue;
        if (may_add_dict && !*add_dict && b->tp_dictoffset) *add_dict = 1;
        if (may_add_weak && !*add_weak && b->tp_weaklistoffset) *add_weak = 1;
    }
    *slots_out = kr_list_as_tuple(list);
    KR_DECREF(list);
    KR_DECREF(tuple);
    return *slots_out ? 0 : -1;
fail_list:
    KR_DECREF(list);
fail:
    KR_DECREF(tuple);
    return -1;
}

/* Wraps plain functions: __new__ -> staticmethod, __init_subclass__ and
 * __class_getitem__ -> classmethod. */
static int wrap_special(KrObject *dict, const char *name, KrType *wrapper) {
    KrObject *f = kr_dict_get_item_str(dict, name);
    if (!f || !KR_TYPE_IS(f, &kr_function_type)) return 0;
    KrObject *w = kr_vectorcall((KrObject *)wrapper, &f, 1, NULL);
    if (!w) return -1;
    int r = kr_dict_set_item_str(dict, name, w);
    KR_DECREF(w);
    return r;
}

static int set_names(KrType *t) {
    KrObject *items = kr_dict_items_list(t->tp_dict);
    if (!items) return -1;
    for (kr_ssize i = 0; i < KR_SIZE(items); i++) {
        KrObject *pair = KR_LIST_ITEM(items, i);
        KrObject *key = TUP(pair, 0), *value = TUP(pair, 1);
        KrObject *sn = kr_type_lookup(KR_TYPE(value), ID("__set_name__"));
        if (!sn) continue;
        KrObject *args[2] = {(KrObject *)t, key};
        int found;
        KrObject *r = kr_call_special(value, ID("__set_name__"), args, 2, &found);
        if (!r) {
            KrObject *cause = kr_err_fetch();
            kr_err_format(kr_exc_RuntimeError,
                          "Error calling __set_name__ on '%s' instance %R in '%U'",
                          kr_type_name_cstr(KR_TYPE(value)), key, t->tp_name_obj);
            KrObject *exc = kr_err_occurred();
            if (exc && cause) {
                kr_exception_set_cause(exc, cause);
                cause = NULL;
            }
            KR_XDECREF(cause);
            KR_DECREF(items);
            return -1;
        }
        KR_DECREF(r);
    }
    KR_DECREF(items);
    return 0;
}

static int init_subclass(KrType *t, KrObject *kwargs) {
    KrObject *func = kr_super_lookup(t, (KrObject *)t, ID("__init_subclass__"), NULL);
    if (!func) return -1;
    KrObject *r = kr_call(func, kr_empty_tuple, kwargs);
    KR_DECREF(func);
    if (!r) return -1;
    KR_DECREF(r);
    return 0;
}

static KrObject *type_new_impl(KrType *metatype, KrObject *name, KrObject *bases_in,
                               KrObject *orig_dict, KrObject *kwargs) {
    KrObject *bases = NULL, *dict = NULL, *slots = NULL;
    KrType *t = NULL;
    if (kr_str_size(name) != (kr_ssize)strlen(kr_str_data(name))) {
        kr_err_set_string(kr_exc_ValueError, "type name must not contain null characters");
        return NULL;
    }
    if (KR_SIZE(bases_in) == 0)
        bases = kr_tuple_pack(1, (KrObject *)&kr_object_type);
    else
        bases = KR_NEWREF(bases_in);
    if (!bases) return NULL;
    KrType *base = best_base(bases);
    if (!base) goto fail;
    dict = kr_dict_copy(orig_dict);
    if (!dict) goto fail;
    int add_dict, add_weak;
    if (process_slots(name, bases, base, dict, &slots, &add_dict, &add_weak) < 0) goto fail;

    KrHeapType *et = (KrHeapType *)kr_type_generic_alloc(metatype, 0);
    if (!et) goto fail;
    t = &et->type;
    t->tp_as_async = &et->as_async;
    t->tp_as_number = &et->as_number;
    t->tp_as_sequence = &et->as_sequence;
    t->tp_as_mapping = &et->as_mapping;
    t->tp_flags = KR_TPFLAGS_HEAPTYPE | KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC;
    t->tp_name_obj = KR_NEWREF(name);
    et->name_buf = kr_mem_strdup(kr_str_data(name));
    if (!et->name_buf) goto fail;
    t->tp_name = et->name_buf;
    t->tp_bases = bases;
    bases = NULL;
    t->tp_base = base;
    KR_INCREF(base);
    t->tp_dict = dict;
    dict = NULL;
    et->slots = slots;
    slots = NULL;

    /* __module__ from the caller's globals, __qualname__ out of the namespace */
    if (!kr_dict_get_item_str(t->tp_dict, "__module__")) {
        KrObject *g = kr_eval_get_globals();
        KrObject *mn = g ? kr_dict_get_item_str(g, "__name__") : NULL;
        if (mn && kr_dict_set_item_str(t->tp_dict, "__module__", mn) < 0) goto fail;
    }
    KrObject *qn = kr_dict_get_item_str(t->tp_dict, "__qualname__");
    if (qn) {
        if (!KR_STR_CHECK(qn)) {
            kr_err_format(kr_exc_TypeError, "type __qualname__ must be a str, not %s",
                          kr_type_name_cstr(KR_TYPE(qn)));
            goto fail;
        }
        t->tp_qualname = KR_NEWREF(qn);
        if (kr_dict_del_item_str(t->tp_dict, "__qualname__") < 0) goto fail;
    } else {
        t->tp_qualname = KR_NEWREF(name);
    }
    if (wrap_special(t->tp_dict, "__new__", &kr_staticmethod_type) < 0 ||
        wrap_special(t->tp_dict, "__init_subclass__", &kr_classmethod_type) < 0 ||
        wrap_special(t->tp_dict, "__class_getitem__", &kr_classmethod_type) < 0)
        goto fail;
    if (kr_dict_get_item_str(t->tp_dict, "__eq__") &&
        !kr_dict_get_item_str(t->tp_dict, "__hash__") &&
        kr_dict_set_item_str(t->tp_dict, "__hash__", kr_none) < 0)
        goto fail;

    /* layout: base fields, then slots, then __dict__ and __weakref__ pointers */
    kr_ssize off = base->tp_basicsize;
    kr_ssize nslots = et->slots ? KR_SIZE(et->slots) : 0;
    if (nslots) {
        et->members = kr_mem_calloc((size_t)nslots + 1, sizeof(KrMemberDef));
        if (!et->members) goto fail;
        for (kr_ssize i = 0; i < nslots; i++) {
            et->members[i].name = kr_str_data(TUP(et->slots, i));
            et->members[i].type = KR_MEMBER_OBJECT_EX;
            et->members[i].offset = off;
            off += sizeof(KrObject *);
        }
        t->tp_members = et->members;
    }
    t->tp_dictoffset = base->tp_dictoffset;
    t->tp_weaklistoffset = base->tp_weaklistoffset;
    if (add_dict) {
        if (base->tp_itemsize) {
            t->tp_dictoffset = -1;
        } else {
            t->tp_dictoffset = off;
            off += sizeof(KrObject *);
        }
    }
    if (add_weak) {
        t->tp_weaklistoffset = off;
        off += sizeof(KrObject *);
    }
    t->tp_basicsize = off;
    t->tp_itemsize = base->tp_itemsize;
    if (add_dict && add_weak)
        t->tp_getset = subtype_getsets_full;
    else if (add_dict)
        t->tp_getset = subtype_getsets_dict_only;
    else if (add_weak)
        t->tp_getset = subtype_getsets_weakref_only;
    t->tp_dealloc = kr_typeslots_subtype_dealloc;
    t->tp_traverse = kr_typeslots_subtype_traverse;
    t->tp_clear = kr_typeslots_subtype_clear;

    if (kr_type_ready(t) < 0) goto fail;
    kr_typeslots_fixup(t);

    KrObject *cell = kr_dict_get_item_str(t->tp_dict, "__classcell__");
    if (cell) {
        if (!KR_TYPE_IS(cell, &kr_cell_type)) {
            kr_err_format(kr_exc_TypeError, "__classcell__ must be a nonlocal cell, not %R",
                          (KrObject *)KR_TYPE(cell));
            goto fail;
        }
        KR_SETREF(((KrCell *)cell)->ref, KR_NEWREF(t));
        if (kr_dict_del_item_str(t->tp_dict, "__classcell__") < 0) goto fail;
        kr_type_modified(t);
    }
    if (set_names(t) < 0 || init_subclass(t, kwargs) < 0) goto fail;
    return (KrObject *)t;
fail:
    KR_XDECREF(bases);
    KR_XDECREF(dict);
    KR_XDECREF(slots);
    KR_XDECREF(t);
    return NULL;
}

static KrObject *type_tp_new(KrType *metatype, KrObject *args, KrObject *kwargs);

KrObject *kr_type_new_from_ns(KrType *metatype, KrObject *name, KrObject *bases, KrObject *ns,
                              KrObject *kwargs) {
    KrType *winner = calculate_metaclass(metatype, bases);
    if (!winner) return NULL;
    if (winner != metatype && winner->tp_new != type_tp_new) {
        KrObject *args = kr_tuple_pack(3, name, bases, ns);
        if (!args) return NULL;
        KrObject *r = winner->tp_new(winner, args, kwargs);
        KR_DECREF(args);
        return r;
    }
    KrObject *d = KR_DICT_CHECK(ns) ? KR_NEWREF(ns) : NULL;
    if (!d) {
        d = kr_dict_new();
        if (!d || kr_dict_update(d, ns) < 0) {
            KR_XDECREF(d);
            return NULL;
        }
    }
    KrObject *r = type_new_impl(winner, name, bases, d, kwargs);
    KR_DECREF(d);
    return r;
}

static KrObject *type_tp_new(KrType *metatype, KrObject *args, KrObject *kwargs) {
    kr_ssize n = KR_SIZE(args);
    if (n != 3) {
        if (n == 1 && (!kwargs || kr_dict_size(kwargs) == 0) && metatype == &kr_type_type)
            return KR_NEWREF(KR_TYPE(TUP(args, 0)));
        return kr_err_format(kr_exc_TypeError,
                             n == 1 ? "type.__new__() takes exactly 3 arguments (1 given)"
                                    : "type() takes 1 or 3 arguments");
    }
    KrObject *name = TUP(args, 0), *bases = TUP(args, 1), *dict = TUP(args, 2);
    if (!KR_STR_CHECK(name))
        return kr_err_format(kr_exc_TypeError, "type.__new__() argument 1 must be str, not %s",
                             kr_type_name_cstr(KR_TYPE(name)));
    if (!KR_TUPLE_CHECK(bases))
        return kr_err_format(kr_exc_TypeError, "type.__new__() argument 2 must be tuple, not %s",
                             kr_type_name_cstr(KR_TYPE(bases)));
    if (!KR_DICT_CHECK(dict))
        return kr_err_format(kr_exc_TypeError, "type.__new__() argument 3 must be dict, not %s",
                             kr_type_name_cstr(KR_TYPE(dict)));
    return kr_type_new_from_ns(metatype, name, bases, dict, kwargs);
}

static int type_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    kr_ssize n = KR_SIZE(args);
    if (kwargs && kr_dict_size(kwargs) > 0 && n == 1) {
        kr_err_set_string(kr_exc_TypeError, "type.__init__() takes no keyword arguments");
        return -1;
    }
    if (n != 1 && n != 3) {
        kr_err_set_string(kr_exc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

/* ===========================================================================
 * Calling a class: tp_new, then tp_init when the result is an instance
 * ========================================================================= */

static KrObject *vector_to_kwargs(KrObject *const *args, kr_ssize nargs, KrObject *kwnames) {
    if (!kwnames || KR_SIZE(kwnames) == 0) return NULL;
    KrObject *d = kr_dict_new();
    if (!d) return NULL;
    for (kr_ssize i = 0; i < KR_SIZE(kwnames); i++)
        if (kr_dict_set_item(d, TUP(kwnames, i), args[nargs + i]) < 0) {
            KR_DECREF(d);
            return NULL;
        }
    return d;
}

static KrObject *type_call(KrObject *callable, KrObject *const *args, size_t nargsf,
                           KrObject *kwnames) {
    KrType *t = (KrType *)callable;
    kr_ssize nargs = kr_vectorcall_nargs(nargsf);
    bool has_kw = kwnames && KR_SIZE(kwnames) > 0;
    if (t == &kr_type_type) {
        if (nargs == 1 && !has_kw) return KR_NEWREF(KR_TYPE(args[0]));
        if (nargs != 3) return kr_err_format(kr_exc_TypeError, "type() takes 1 or 3 arguments");
    }
    if (!t->tp_new)
        return kr_err_format(kr_exc_TypeError, "cannot create '%s' instances", t->tp_name);
    /* Fast path for plain classes: object.__new__ plus a Python __init__, called
     * without building an argument tuple. */
    if (t->tp_new == kr_object_default_new && KR_IS_HEAPTYPE(t) &&
        !kr_type_has_flag(t, KR_TPFLAGS_ABSTRACT) && t->tp_init != kr_object_default_init) {
        KrObject *init = kr_type_lookup(t, ID("__init__"));
        if (init && KR_TYPE(init) == &kr_function_type) {
            KrObject *obj = kr_type_generic_alloc(t, 0);
            if (!obj) return NULL;
            KR_INCREF(init);
            kr_ssize total = nargs + (has_kw ? KR_SIZE(kwnames) : 0);
            KrObject *small[9], **stack = small;
            if (total + 1 > 9 &&
                !(stack = kr_mem_malloc(sizeof(KrObject *) * (size_t)(total + 1)))) {
                KR_DECREF(init);
                KR_DECREF(obj);
                return NULL;
            }
            stack[0] = obj;
            if (total) memcpy(stack + 1, args, sizeof(KrObject *) * (size_t)total);
            KrObject *r = kr_vectorcall(init, stack, (size_t)(nargs + 1), has_kw ? kwnames : NULL);
            if (stack != small) kr_mem_free(stack);
            KR_DECREF(init);
            if (!r) {
                KR_DECREF(obj);
                return NULL;
            }
            if (r != kr_none) {
                kr_err_format(kr_exc_TypeError, "__init__() should return None, not '%s'",
                              kr_type_name_cstr(KR_TYPE(r)));
                KR_DECREF(r);
                KR_DECREF(obj);
                return NULL;
            }
            KR_DECREF(r);
            return obj;
        }
    }
    KrObject *tuple = kr_tuple_from_array(args, nargs);
    if (!tuple) return NULL;
    KrObject *kwargs = NULL;
    if (has_kw && !(kwargs = vector_to_kwargs(args, nargs, kwnames))) {
        KR_DECREF(tuple);
        return NULL;
    }
    KrObject *obj = t->tp_new(t, tuple, kwargs);
    if (obj && kr_object_type_is_sub(KR_TYPE(obj), t)) {
        KrType *ot = KR_TYPE(obj);
        if (ot->tp_init && ot->tp_init(obj, tuple, kwargs) < 0) KR_CLEAR(obj);
    }
    KR_DECREF(tuple);
    KR_XDECREF(kwargs);
    return obj;
}

/* T.__new__(S, ...) for C types: checks S is a subtype that T may construct. */
KrObject *kr_type_tp_new_wrapper(KrObject *self, KrObject *const *args, kr_ssize nargs,
                                 KrObject *kwnames) {
    KrType *t = (KrType *)self;
    if (nargs < 1)
        return kr_err_format(kr_exc_TypeError, "%s.__new__(): not enough arguments", t->tp_name);
    KrObject *arg0 = args[0];
    if (!KR_TYPE_CHECK(arg0))
        return kr_err_format(kr_exc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                             t->tp_name, kr_type_name_cstr(KR_TYPE(arg0)));
    KrType *sub = (KrType *)arg0;
    if (!kr_type_is_subtype(sub, t))
        return kr_err_format(kr_exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                             t->tp_name, kr_type_name_cstr(sub), kr_type_name_cstr(sub),
                             t->tp_name);
    KrType *sb = sub;
    while (sb && kr_typeslots_is_slot_new(sb->tp_new))
        sb = sb->tp_base;
    if (sb && sb->tp_new != t->tp_new)
        return kr_err_format(kr_exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                             t->tp_name, kr_type_name_cstr(sub), kr_type_name_cstr(sb));
    KrObject *tuple = kr_tuple_from_array(args + 1, nargs - 1);
    if (!tuple) return NULL;
    KrObject *kwargs = NULL;
    if (kwnames && KR_SIZE(kwnames) && !(kwargs = vector_to_kwargs(args, nargs, kwnames))) {
        KR_DECREF(tuple);
        return NULL;
    }
    KrObject *r = t->tp_new(sub, tuple, kwargs);
    KR_DECREF(tuple);
    KR_XDECREF(kwargs);
    return r;
}

/* ===========================================================================
 * Attribute access on classes
 * ========================================================================= */

static KrObject *type_getattro(KrObject *self, KrObject *name) {
    KrType *t = (KrType *)self, *meta = KR_TYPE(self);
    if (!KR_STR_CHECK(name))
        return kr_err_format(kr_exc_TypeError, "attribute name must be string, not '%s'",
                             kr_type_name_cstr(KR_TYPE(name)));
    KrObject *meta_attr = kr_type_lookup(meta, name);
    kr_descrgetfunc meta_get = NULL;
    if (meta_attr) {
        KR_INCREF(meta_attr);
        meta_get = KR_TYPE(meta_attr)->tp_descr_get;
        if (meta_get && KR_TYPE(meta_attr)->tp_descr_set) {
            KrObject *r = meta_get(meta_attr, self, (KrObject *)meta);
            KR_DECREF(meta_attr);
            return r;
        }
    }
    KrObject *attr = kr_type_lookup(t, name);
    if (attr) {
        KR_INCREF(attr);
        KR_XDECREF(meta_attr);
        kr_descrgetfunc local_get = KR_TYPE(attr)->tp_descr_get;
        if (local_get) {
            KrObject *r = local_get(attr, NULL, self);
            KR_DECREF(attr);
            return r;
        }
        return attr;
    }
    if (meta_get) {
        KrObject *r = meta_get(meta_attr, self, (KrObject *)meta);
        KR_DECREF(meta_attr);
        return r;
    }
    if (meta_attr) return meta_attr;
    kr_object_set_attribute_error(self, name);
    return NULL;
}

static int type_setattro(KrObject *self, KrObject *name, KrObject *value) {
    KrType *t = (KrType *)self;
    if (!KR_STR_CHECK(name)) {
        kr_err_format(kr_exc_TypeError, "attribute name must be string, not '%s'",
                      kr_type_name_cstr(KR_TYPE(name)));
        return -1;
    }
    if (!KR_IS_HEAPTYPE(t) || kr_type_has_flag(t, KR_TPFLAGS_IMMUTABLETYPE)) {
        kr_err_format(kr_exc_TypeError, "cannot set '%U' attribute of immutable type '%s'", name,
                      t->tp_name);
        return -1;
    }
    KR_INCREF(name);
    if (KR_STR_CHECK_EXACT(name)) name = kr_str_intern(name);
    int r = kr_object_generic_setattr(self, name, value);
    if (r == 0) {
        kr_type_modified(t);
        if (kr_typeslots_is_slot_name(name)) kr_typeslots_update(t, name);
    }
    KR_DECREF(name);
    return r;
}

/* ===========================================================================
 * repr, dealloc, GC
 * ========================================================================= */

static KrObject *type_repr(KrObject *self) {
    KrType *t = (KrType *)self;
    if (!KR_IS_HEAPTYPE(t)) return kr_str_from_format("<class '%s'>", t->tp_name);
    KrObject *mod = kr_type_module(t);
    if (!mod) kr_err_clear();
    KrObject *qn = kr_type_qualname(t);
    if (!qn) {
        KR_XDECREF(mod);
        return NULL;
    }
    KrObject *r;
    if (mod && KR_STR_CHECK(mod) && !kr_str_eq_cstr(mod, "builtins"))
        r = kr_str_from_format("<class '%U.%U'>", mod, qn);
    else
        r = kr_str_from_format("<class '%U'>", qn);
    KR_XDECREF(mod);
    KR_DECREF(qn);
    return r;
}

static void type_dealloc(KrObject *self) {
    KrType *t = (KrType *)self;
    KrHeapType *et = KR_HEAPTYPE(t);
    KrObject *saved = kr_err_fetch(); /* the registry updates below may clear errors */
    kr_gc_untrack(self);
    kr_weakref_clear_all(self);
    if (t->tp_bases)
        for (kr_ssize i = 0; i < KR_SIZE(t->tp_bases); i++)
            remove_subclass((KrType *)TUP(t->tp_bases, i), t);
    KR_CLEAR(t->tp_dict);
    KR_CLEAR(t->tp_bases);
    KR_CLEAR(t->tp_mro);
    KR_CLEAR(t->tp_subclasses);
    KR_CLEAR(t->tp_name_obj);
    KR_CLEAR(t->tp_qualname);
    KR_CLEAR(t->tp_module);
    KR_CLEAR(t->tp_cache);
    KR_CLEAR(et->slots);
    KrType *base = t->tp_base;
    t->tp_base = NULL;
    KR_XDECREF(base);
    kr_mem_free(et->members);
    kr_mem_free(et->name_buf);
    KrType *meta = KR_TYPE(self);
    kr_object_free(self);
    if (KR_IS_HEAPTYPE(meta)) KR_DECREF(meta);
    kr_err_restore(saved);
}

static int type_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    KrType *t = (KrType *)self;
    if (!KR_IS_HEAPTYPE(t)) return 0;
    KrObject *fields[] = {t->tp_dict,
                          t->tp_bases,
                          t->tp_mro,
                          (KrObject *)t->tp_base,
                          t->tp_name_obj,
                          t->tp_qualname,
                          KR_HEAPTYPE(t)->slots,
                          t->tp_cache, /* the specialiser's cached __init__ */
                          (KrObject *)KR_TYPE(self)};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        int r;
        if (fields[i] && (r = visit(fields[i], arg))) return r;
    }
    return 0;
}

static int type_clear(KrObject *self) {
    KrType *t = (KrType *)self;
    if (!KR_IS_HEAPTYPE(t)) return 0;
    kr_type_modified(t);
    if (t->tp_dict) kr_dict_clear(t->tp_dict);
    KR_CLEAR(t->tp_mro);
    KR_CLEAR(t->tp_cache);
    return 0;
}

/* ===========================================================================
 * type's attributes
 * ========================================================================= */

static int check_set_special(KrType *t, KrObject *value, const char *name) {
    if (!KR_IS_HEAPTYPE(t) || kr_type_has_flag(t, KR_TPFLAGS_IMMUTABLETYPE)) {
        kr_err_format(kr_exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", name,
                      t->tp_name);
        return -1;
    }
    if (!value) {
        kr_err_format(kr_exc_TypeError, "cannot delete '%s' attribute of immutable type '%s'", name,
                      t->tp_name);
        return -1;
    }
    return 0;
}

static KrObject *type_get_name(KrObject *self, void *c) { return kr_type_name((KrType *)self); }

static int type_set_name(KrObject *self, KrObject *value, void *c) {
    KrType *t = (KrType *)self;
    if (check_set_special(t, value, "__name__") < 0) return -1;
    if (!KR_STR_CHECK(value)) {
        kr_err_format(kr_exc_TypeError, "can only assign string to %s.__name__, not '%s'",
                      t->tp_name, kr_type_name_cstr(KR_TYPE(value)));
        return -1;
    }
    if ((kr_ssize)strlen(kr_str_data(value)) != kr_str_size(value)) {
        kr_err_set_string(kr_exc_ValueError, "type name must not contain null characters");
        return -1;
    }
    char *buf = kr_mem_strdup(kr_str_data(value));
    if (!buf) return -1;
    kr_mem_free(KR_HEAPTYPE(t)->name_buf);
    KR_HEAPTYPE(t)->name_buf = buf;
    t->tp_name = buf;
    KR_SETREF(t->tp_name_obj, KR_NEWREF(value));
    return 0;
}

static KrObject *type_get_qualname(KrObject *self, void *c) {
    return kr_type_qualname((KrType *)self);
}

static int type_set_qualname(KrObject *self, KrObject *value, void *c) {
    KrType *t = (KrType *)self;
    if (check_set_special(t, value, "__qualname__") < 0) return -1;
    if (!KR_STR_CHECK(value)) {
        kr_err_format(kr_exc_TypeError, "can only assign string to %s.__qualname__, not '%s'",
                      t->tp_name, kr_type_name_cstr(KR_TYPE(value)));
        return -1;
    }
    KR_SETREF(t->tp_qualname, KR_NEWREF(value));
    return 0;
}

static KrObject *type_get_bases(KrObject *self, void *c) {
    KrObject *b = ((KrType *)self)->tp_bases;
    return KR_NEWREF(b ? b : kr_empty_tuple);
}

static int mro_refresh(KrType *t, int depth) {
    KrObject *mro = mro_implementation(t);
    if (!mro) return -1;
    KR_SETREF(t->tp_mro, mro);
    kr_type_modified(t);
    if (KR_IS_HEAPTYPE(t)) kr_typeslots_fixup(t);
    if (t->tp_subclasses && depth < 500) {
        KrObject *subs = kr_dict_values_list(t->tp_subclasses);
        if (!subs) return -1;
        for (kr_ssize i = 0; i < KR_SIZE(subs); i++)
            if (mro_refresh((KrType *)(uintptr_t)kr_int_as_i64(KR_LIST_ITEM(subs, i)), depth + 1) <
                0) {
                KR_DECREF(subs);
                return -1;
            }
        KR_DECREF(subs);
    }
    return 0;
}

static int type_set_bases(KrObject *self, KrObject *value, void *c) {
    KrType *t = (KrType *)self;
    if (check_set_special(t, value, "__bases__") < 0) return -1;
    if (!KR_TUPLE_CHECK(value)) {
        kr_err_format(kr_exc_TypeError, "can only assign tuple to %s.__bases__, not %s", t->tp_name,
                      kr_type_name_cstr(KR_TYPE(value)));
        return -1;
    }
    if (KR_SIZE(value) == 0) {
        kr_err_format(kr_exc_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()",
                      t->tp_name);
        return -1;
    }
    for (kr_ssize i = 0; i < KR_SIZE(value); i++) {
        KrObject *b = TUP(value, i);
        if (!KR_TYPE_CHECK(b)) {
            kr_err_format(kr_exc_TypeError, "%s.__bases__ must be tuple of classes, not '%s'",
                          t->tp_name, kr_type_name_cstr(KR_TYPE(b)));
            return -1;
        }
        if (kr_type_is_subtype((KrType *)b, t)) {
            kr_err_set_string(kr_exc_TypeError, "a __bases__ item causes an inheritance cycle");
            return -1;
        }
    }
    KrType *nb = best_base(value);
    if (!nb) return -1;
    if (solid_base(nb) != solid_base(t->tp_base)) {
        kr_err_format(kr_exc_TypeError,
                      "__bases__ assignment: '%s' object layout differs from '%s'",
                      kr_type_name_cstr(nb), kr_type_name_cstr(t->tp_base));
        return -1;
    }
    KrObject *old_bases = t->tp_bases;
    KrType *old_base = t->tp_base;
    KrObject *old_mro = t->tp_mro ? KR_NEWREF(t->tp_mro) : NULL;
    t->tp_bases = KR_NEWREF(value);
    t->tp_base = nb;
    KR_INCREF(nb);
    if (mro_refresh(t, 0) < 0) {
        KR_SETREF(t->tp_bases, old_bases);
        KR_SETREF(t->tp_base, old_base);
        KR_SETREF(t->tp_mro, old_mro);
        return -1;
    }
    for (kr_ssize i = 0; i < KR_SIZE(old_bases); i++)
        remove_subclass((KrType *)TUP(old_bases, i), t);
    for (kr_ssize i = 0; i < KR_SIZE(value); i++)
        if (add_subclass((KrType *)TUP(value, i), t) < 0) kr_err_clear();
    KR_DECREF(old_bases);
    KR_DECREF(old_base);
    KR_XDECREF(old_mro);
    return 0;
}

static KrObject *type_get_module(KrObject *self, void *c) { return kr_type_module((KrType *)self); }

static int type_set_module(KrObject *self, KrObject *value, void *c) {
    KrType *t = (KrType *)self;
    if (check_set_special(t, value, "__module__") < 0) return -1;
    kr_type_modified(t);
    return kr_dict_set_item_str(t->tp_dict, "__module__", value);
}

static KrObject *type_get_abstract(KrObject *self, void *c) {
    KrType *t = (KrType *)self;
    KrObject *v = t != &kr_type_type && t->tp_dict
                      ? kr_dict_get_item_str(t->tp_dict, "__abstractmethods__")
                      : NULL;
    if (!v) {
        if (!kr_err_occurred()) kr_err_set_object(kr_exc_AttributeError, ID("__abstractmethods__"));
        return NULL;
    }
    return KR_NEWREF(v);
}

static int type_set_abstract(KrObject *self, KrObject *value, void *c) {
    KrType *t = (KrType *)self;
    if (!KR_IS_HEAPTYPE(t)) {
        kr_err_format(kr_exc_TypeError,
                      "cannot set '__abstractmethods__' attribute of immutable type '%s'",
                      t->tp_name);
        return -1;
    }
    int abstract = 0, r;
    if (value) {
        abstract = kr_object_is_true(value);
        if (abstract < 0) return -1;
        r = kr_dict_set_item_str(t->tp_dict, "__abstractmethods__", value);
    } else {
        r = kr_dict_del_item_str(t->tp_dict, "__abstractmethods__");
        if (r < 0 && kr_err_matches(kr_exc_KeyError)) {
            kr_err_clear();
            kr_err_set_object(kr_exc_AttributeError, ID("__abstractmethods__"));
        }
    }
    if (r < 0) return -1;
    kr_type_modified(t);
    if (abstract)
        t->tp_flags |= KR_TPFLAGS_ABSTRACT;
    else
        t->tp_flags &= ~(uint64_t)KR_TPFLAGS_ABSTRACT;
    return 0;
}

static KrObject *type_get_dict(KrObject *self, void *c) {
    KrType *t = (KrType *)self;
    if (!t->tp_dict) return KR_NEWREF(kr_none);
    return kr_mappingproxy_new(t->tp_dict);
}

static KrObject *type_get_doc(KrObject *self, void *c) {
    KrType *t = (KrType *)self;
    if (!KR_IS_HEAPTYPE(t)) {
        if (!t->tp_doc) return KR_NEWREF(kr_none);
        return kr_str_from_cstr(t->tp_doc);
    }
    KrObject *d = kr_dict_get_item_str(t->tp_dict, "__doc__");
    if (!d) return KR_NEWREF(kr_none);
    kr_descrgetfunc f = KR_TYPE(d)->tp_descr_get;
    if (f) return f(d, NULL, self);
    return KR_NEWREF(d);
}

static int type_set_doc(KrObject *self, KrObject *value, void *c) {
    KrType *t = (KrType *)self;
    if (check_set_special(t, value, "__doc__") < 0) return -1;
    kr_type_modified(t);
    return kr_dict_set_item_str(t->tp_dict, "__doc__", value);
}

static KrObject *type_get_annotations(KrObject *self, void *c) {
    KrType *t = (KrType *)self;
    if (!KR_IS_HEAPTYPE(t)) {
        kr_object_set_attribute_error(self, ID("__annotations__"));
        return NULL;
    }
    KrObject *a = kr_dict_get_item_str(t->tp_dict, "__annotations__");
    if (a) {
        kr_descrgetfunc f = KR_TYPE(a)->tp_descr_get;
        if (f) return f(a, NULL, self);
        return KR_NEWREF(a);
    }
    a = kr_dict_new();
    if (!a) return NULL;
    if (kr_dict_set_item_str(t->tp_dict, "__annotations__", a) < 0) {
        KR_DECREF(a);
        return NULL;
    }
    kr_type_modified(t);
    return a;
}

static int type_set_annotations(KrObject *self, KrObject *value, void *c) {
    KrType *t = (KrType *)self;
    if (!KR_IS_HEAPTYPE(t) || kr_type_has_flag(t, KR_TPFLAGS_IMMUTABLETYPE)) {
        kr_err_format(kr_exc_TypeError,
                      "cannot set '__annotations__' attribute of immutable type '%s'", t->tp_name);
        return -1;
    }
    int r;
    if (value) {
        r = kr_dict_set_item_str(t->tp_dict, "__annotations__", value);
    } else {
        r = kr_dict_del_item_str(t->tp_dict, "__annotations__");
        if (r < 0 && kr_err_matches(kr_exc_KeyError)) {
            kr_err_clear();
            kr_err_set_string(kr_exc_AttributeError, "__annotations__");
        }
    }
    kr_type_modified(t);
    return r;
}

static KrObject *type_get_type_params(KrObject *self, void *c) {
    KrType *t = (KrType *)self;
    KrObject *p = KR_IS_HEAPTYPE(t) ? kr_dict_get_item_str(t->tp_dict, "__type_params__") : NULL;
    return KR_NEWREF(p ? p : kr_empty_tuple);
}

static int type_set_type_params(KrObject *self, KrObject *value, void *c) {
    KrType *t = (KrType *)self;
    if (check_set_special(t, value, "__type_params__") < 0) return -1;
    if (!KR_TUPLE_CHECK(value)) {
        kr_err_format(kr_exc_TypeError, "__type_params__ must be set to a tuple, not %s",
                      kr_type_name_cstr(KR_TYPE(value)));
        return -1;
    }
    kr_type_modified(t);
    return kr_dict_set_item_str(t->tp_dict, "__type_params__", value);
}

static KrObject *type_get_text_signature(KrObject *self, void *c) { return KR_NEWREF(kr_none); }

static KrGetSetDef type_getset[] = {
    {"__name__", type_get_name, type_set_name, NULL, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL, NULL},
    {"__bases__", type_get_bases, type_set_bases, NULL, NULL},
    {"__module__", type_get_module, type_set_module, NULL, NULL},
    {"__abstractmethods__", type_get_abstract, type_set_abstract, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL, NULL},
    {"__doc__", type_get_doc, type_set_doc, NULL, NULL},
    {"__text_signature__", type_get_text_signature, NULL, NULL, NULL},
    {"__annotations__", type_get_annotations, type_set_annotations, NULL, NULL},
    {"__type_params__", type_get_type_params, type_set_type_params, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static KrMemberDef type_members[] = {
    {"__basicsize__", KR_MEMBER_SSIZE, offsetof(KrType, tp_basicsize), KR_MEMBER_READONLY, NULL},
    {"__itemsize__", KR_MEMBER_SSIZE, offsetof(KrType, tp_itemsize), KR_MEMBER_READONLY, NULL},
    {"__flags__", KR_MEMBER_INT64, offsetof(KrType, tp_flags), KR_MEMBER_READONLY, NULL},
    {"__weakrefoffset__", KR_MEMBER_SSIZE, offsetof(KrType, tp_weaklistoffset), KR_MEMBER_READONLY,
     NULL},
    {"__base__", KR_MEMBER_OBJECT, offsetof(KrType, tp_base), KR_MEMBER_READONLY, NULL},
    {"__dictoffset__", KR_MEMBER_SSIZE, offsetof(KrType, tp_dictoffset), KR_MEMBER_READONLY, NULL},
    {"__mro__", KR_MEMBER_OBJECT, offsetof(KrType, tp_mro), KR_MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static KrObject *type_mro_method(KrObject *self, KrObject *unused) {
    KrObject *mro = mro_default((KrType *)self);
    if (!mro) return NULL;
    KrObject *list = kr_list_from_iterable(mro);
    KR_DECREF(mro);
    return list;
}

static KrObject *type_subclasses(KrObject *self, KrObject *unused) {
    KrType *t = (KrType *)self;
    KrObject *list = kr_list_new(0);
    if (!list || !t->tp_subclasses) return list;
    kr_ssize pos = 0;
    KrObject *k, *v;
    while (kr_dict_next(t->tp_subclasses, &pos, &k, &v)) {
        KrObject *sub = (KrObject *)(uintptr_t)kr_int_as_i64(v);
        if (kr_list_append(list, sub) < 0) {
            KR_DECREF(list);
            return NULL;
        }
    }
    return list;
}

static KrObject *type_instancecheck(KrObject *self, KrObject *inst) {
    KrType *t = (KrType *)self;
    if (kr_object_type_is_sub(KR_TYPE(inst), t)) return KR_NEWREF(kr_true);
    KrObject *cls;
    int r = kr_object_lookup_attr(inst, ID("__class__"), &cls);
    if (r < 0) return NULL;
    bool res = false;
    if (r > 0) {
        res = cls != (KrObject *)KR_TYPE(inst) && KR_TYPE_CHECK(cls) &&
              kr_type_is_subtype((KrType *)cls, t);
        KR_DECREF(cls);
    }
    return KR_NEWREF(kr_bool_from(res));
}

static KrObject *type_subclasscheck(KrObject *self, KrObject *sub) {
    if (KR_TYPE_CHECK(sub))
        return KR_NEWREF(kr_bool_from(kr_type_is_subtype((KrType *)sub, (KrType *)self)));
    KrObject *bases;
    int r = kr_object_lookup_attr(sub, ID("__bases__"), &bases);
    if (r < 0) return NULL;
    if (r == 0 || !KR_TUPLE_CHECK(bases)) {
        KR_XDECREF(bases);
        return kr_err_format(kr_exc_TypeError, "issubclass() arg 1 must be a class");
    }
    KR_DECREF(bases);
    int ok = kr_object_issubclass(sub, self);
    if (ok < 0) return NULL;
    return KR_NEWREF(kr_bool_from(ok));
}

static KrObject *type_prepare(KrObject *self, KrObject *const *args, kr_ssize nargs, KrObject *kw) {
    return kr_dict_new();
}

static KrObject *type_sizeof(KrObject *self, KrObject *unused) {
    KrType *t = (KrType *)self;
    return kr_int_from_ssize(KR_IS_HEAPTYPE(t) ? (kr_ssize)sizeof(KrHeapType)
                                               : (kr_ssize)sizeof(KrType));
}

static int merge_type_dicts(KrObject *dict, KrType *t, int depth) {
    if (t->tp_dict && kr_dict_update(dict, t->tp_dict) < 0) return -1;
    if (!t->tp_bases || depth > 200) return 0;
    for (kr_ssize i = 0; i < KR_SIZE(t->tp_bases); i++)
        if (merge_type_dicts(dict, (KrType *)TUP(t->tp_bases, i), depth + 1) < 0) return -1;
    return 0;
}

static KrObject *type_dir(KrObject *self, KrObject *unused) {
    KrObject *dict = kr_dict_new();
    if (!dict) return NULL;
    if (merge_type_dicts(dict, (KrType *)self, 0) < 0) {
        KR_DECREF(dict);
        return NULL;
    }
    KrObject *r = kr_dict_keys_list(dict);
    KR_DECREF(dict);
    return r;
}

static KrMethodDef type_methods[] = {
    {"mro", (void *)type_mro_method, KR_METH_NOARGS, "Return a type's method resolution order."},
    {"__subclasses__", (void *)type_subclasses, KR_METH_NOARGS,
     "Return a list of immediate subclasses."},
    {"__prepare__", (void *)type_prepare, KR_METH_FASTCALL | KR_METH_KEYWORDS | KR_METH_CLASS,
     "Create the namespace for the class statement"},
    {"__instancecheck__", (void *)type_instancecheck, KR_METH_O,
     "Check if an object is an instance."},
    {"__subclasscheck__", (void *)type_subclasscheck, KR_METH_O, "Check if a class is a subclass."},
    {"__dir__", (void *)type_dir, KR_METH_NOARGS, "Specialized __dir__ implementation for types."},
    {"__sizeof__", (void *)type_sizeof, KR_METH_NOARGS,
     "Return memory consumption of the type object."},
    {NULL, NULL, 0, NULL},
};

static KrNumberMethods type_as_number = {.nb_or = kr_union_or};

KrType kr_type_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "type",
    .tp_basicsize = sizeof(KrHeapType),
    .tp_dealloc = type_dealloc,
    .tp_vectorcall_offset = offsetof(KrType, tp_vectorcall),
    .tp_repr = type_repr,
    .tp_as_number = &type_as_number,
    .tp_call = type_call,
    .tp_getattro = type_getattro,
    .tp_setattro = type_setattro,
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_TYPE_SUBCLASS,
    .tp_doc = "type(object) -> the object's type\n"
              "type(name, bases, dict, **kwds) -> a new type",
    .tp_traverse = type_traverse,
    .tp_clear = type_clear,
    .tp_weaklistoffset = offsetof(KrHeapType, weakreflist),
    .tp_methods = type_methods,
    .tp_members = type_members,
    .tp_getset = type_getset,
    .tp_base = &kr_object_type,
    .tp_dictoffset = offsetof(KrType, tp_dict),
    .tp_init = type_init,
    .tp_new = type_tp_new,
};

/* ===========================================================================
 * builtins.__build_class__
 * ========================================================================= */

/* PEP 560: non-class bases may substitute themselves via __mro_entries__. */
static KrObject *update_bases(KrObject *orig) {
    KrObject *list = NULL;
    for (kr_ssize i = 0; i < KR_SIZE(orig); i++) {
        KrObject *b = TUP(orig, i);
        KrObject *meth = NULL;
        if (!KR_TYPE_CHECK(b)) {
            if (kr_object_lookup_attr(b, ID("__mro_entries__"), &meth) < 0) goto fail;
        }
        if (!meth) {
            if (list && kr_list_append(list, b) < 0) goto fail;
            continue;
        }
        if (!list) {
            list = kr_list_new(0);
            if (!list) {
                KR_DECREF(meth);
                goto fail;
            }
            for (kr_ssize j = 0; j < i; j++)
                if (kr_list_append(list, TUP(orig, j)) < 0) {
                    KR_DECREF(meth);
                    goto fail;
                }
        }
        KrObject *entries = kr_call_one(meth, orig);
        KR_DECREF(meth);
        if (!entries) goto fail;
        if (!KR_TUPLE_CHECK(entries)) {
            kr_err_set_string(kr_exc_TypeError, "__mro_entries__ must return a tuple");
            KR_DECREF(entries);
            goto fail;
        }
        int r = kr_list_extend(list, entries);
        KR_DECREF(entries);
        if (r < 0) goto fail;
    }
    if (!list) return KR_NEWREF(orig);
    KrObject *t = kr_list_as_tuple(list);
    KR_DECREF(list);
    return t;
fail:
    KR_XDECREF(list);
    return NULL;
}

KrObject *kr_type_build_class(KrObject *self, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    if (nargs < 2) return kr_err_format(kr_exc_TypeError, "__build_class__: not enough arguments");
    KrObject *func = args[0], *name = args[1];
    if (!KR_TYPE_IS(func, &kr_function_type))
        return kr_err_format(kr_exc_TypeError, "__build_class__: func must be a function");
    if (!KR_STR_CHECK(name))
        return kr_err_format(kr_exc_TypeError, "__build_class__: name is not a string");
    KrObject *orig_bases = kr_tuple_from_array(args + 2, nargs - 2);
    if (!orig_bases) return NULL;
    KrObject *bases = NULL, *kwargs = NULL, *meta = NULL, *ns = NULL, *cls = NULL, *cell = NULL;
    bases = update_bases(orig_bases);
    if (!bases) goto done;
    kwargs = kr_dict_new();
    if (!kwargs) goto done;
    if (kwnames)
        for (kr_ssize i = 0; i < KR_SIZE(kwnames); i++)
            if (kr_dict_set_item(kwargs, TUP(kwnames, i), args[nargs + i]) < 0) goto done;
    bool is_class = false;
    meta = kr_dict_get_item_str(kwargs, "metaclass");
    if (meta) {
        KR_INCREF(meta);
        if (kr_dict_del_item_str(kwargs, "metaclass") < 0) goto done;
        is_class = KR_TYPE_CHECK(meta);
    } else {
        meta = KR_SIZE(bases) == 0 ? (KrObject *)&kr_type_type : (KrObject *)KR_TYPE(TUP(bases, 0));
        KR_INCREF(meta);
        is_class = true;
    }
    if (is_class) {
        KrType *winner = calculate_metaclass((KrType *)meta, bases);
        if (!winner) goto done;
        KR_SETREF(meta, KR_NEWREF(winner));
    }
    KrObject *prep;
    int r = kr_object_lookup_attr(meta, ID("__prepare__"), &prep);
    if (r < 0) goto done;
    if (r == 0) {
        ns = kr_dict_new();
    } else {
        KrObject *pargs[2] = {name, bases};
        kr_ssize nkw = kr_dict_size(kwargs);
        if (nkw == 0) {
            ns = kr_vectorcall(prep, pargs, 2, NULL);
        } else {
            KrObject *targs = kr_tuple_pack(2, name, bases);
            ns = targs ? kr_call(prep, targs, kwargs) : NULL;
            KR_XDECREF(targs);
        }
        KR_DECREF(prep);
    }
    if (!ns) goto done;
    KrMappingMethods *mp = KR_TYPE(ns)->tp_as_mapping;
    if (!mp || !mp->mp_subscript) {
        kr_err_format(kr_exc_TypeError, "%s.__prepare__() must return a mapping, not %s",
                      is_class ? kr_type_name_cstr((KrType *)meta) : "<metaclass>",
                      kr_type_name_cstr(KR_TYPE(ns)));
        goto done;
    }
    cell = kr_function_call_with_locals(func, ns);
    if (!cell) goto done;
    if (bases != orig_bases && kr_object_set_item(ns, ID("__orig_bases__"), orig_bases) < 0)
        goto done;
    KrObject *margs = kr_tuple_pack(3, name, bases, ns);
    if (!margs) goto done;
    cls = kr_call(meta, margs, kwargs);
    KR_DECREF(margs);
    if (cls && KR_TYPE_CHECK(cls) && KR_TYPE_IS(cell, &kr_cell_type)) {
        KrObject *cell_cls = ((KrCell *)cell)->ref;
        if (cell_cls != cls) {
            if (!cell_cls)
                kr_err_format(kr_exc_RuntimeError,
                              "__class__ not set defining %R as %R. Was __classcell__ propagated "
                              "to type.__new__?",
                              name, cls);
            else
                kr_err_format(kr_exc_TypeError, "__class__ set to %R defining %R as %R", cell_cls,
                              name, cls);
            KR_CLEAR(cls);
        }
    }
done:
    KR_XDECREF(cell);
    KR_XDECREF(ns);
    KR_XDECREF(meta);
    KR_XDECREF(kwargs);
    KR_XDECREF(bases);
    KR_DECREF(orig_bases);
    return cls;
}
