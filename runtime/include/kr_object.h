/* kr_object.h - the object header, reference counting and the type object.
 * This is the one header that differs between the GIL build and the free-threaded
 * build (KR_FREE_THREADED); no other file reads the header's fields directly. */
#ifndef KR_OBJECT_H
#define KR_OBJECT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef ssize_t kr_ssize;
typedef int64_t kr_hash; /* hashes are 64-bit signed, -1 means "error" */

typedef struct KrObject KrObject;
typedef struct KrType KrType;

/* ---------------------------------------------------------------------------
 * Object header
 * ------------------------------------------------------------------------- */

#ifdef KR_FREE_THREADED
/* PEP 703 layout: the owning thread increments ob_ref_local without atomics;
 * every other thread uses ob_ref_shared atomically. The shared count is kept
 * shifted left by 2; the low bits are flags (merged / queued). */
struct KrObject {
    uintptr_t ob_tid;
    uint16_t ob_flags;
    uint8_t ob_mutex;
    uint8_t ob_gc_bits;
    uint32_t ob_ref_local;
    _Atomic(intptr_t) ob_ref_shared;
    KrType *ob_type;
};
#define KR_REF_LOCAL_IMMORTAL UINT32_MAX
#define KR_REF_SHARED_SHIFT 2
#define KR_REF_SHARED_MERGED 0x1
#define KR_REF_SHARED_QUEUED 0x2
#else
struct KrObject {
    intptr_t ob_refcnt;
    KrType *ob_type;
};
/* Immortal objects carry a count so large that no program reaches it; they are
 * never increfed or decrefed (so the value stays put and is recognisable). */
#define KR_IMMORTAL_REFCNT ((intptr_t)1 << 60)
#endif

#define KR_OBJECT_HEAD KrObject ob_base

typedef struct {
    KR_OBJECT_HEAD;
    kr_ssize ob_size; /* number of items for variable-size objects */
} KrVarObject;

#define KR_OBJ(o) ((KrObject *)(o))
#define KR_TYPE(o) (((KrObject *)(o))->ob_type)
#define KR_SIZE(o) (((KrVarObject *)(o))->ob_size)

static inline void kr_object_set_type(KrObject *o, KrType *t) { o->ob_type = t; }

/* ---------------------------------------------------------------------------
 * Reference counting
 * ------------------------------------------------------------------------- */

void kr_object_dealloc(KrObject *o); /* calls tp_dealloc; defined in object.c */

#ifdef KR_FREE_THREADED
extern _Thread_local uintptr_t kr_refcount_tid; /* address-derived thread id */

static inline uintptr_t kr_thread_id(void) { return (uintptr_t)&kr_refcount_tid; }

void kr_refcount_decref_shared(KrObject *o); /* slow path, refcount_ft.c */
void kr_refcount_merge_zero_local(KrObject *o);

static inline bool kr_is_immortal(const KrObject *o) {
    return o->ob_ref_local == KR_REF_LOCAL_IMMORTAL;
}

static inline void kr_incref(KrObject *o) {
    uint32_t local = o->ob_ref_local;
    if (local == KR_REF_LOCAL_IMMORTAL) return;
    if (o->ob_tid == kr_thread_id())
        o->ob_ref_local = local + 1;
    else
        atomic_fetch_add_explicit(&o->ob_ref_shared, (intptr_t)1 << KR_REF_SHARED_SHIFT,
                                  memory_order_relaxed);
}

static inline void kr_decref(KrObject *o) {
    uint32_t local = o->ob_ref_local;
    if (local == KR_REF_LOCAL_IMMORTAL) return;
    if (o->ob_tid == kr_thread_id()) {
        local--;
        o->ob_ref_local = local;
        if (local == 0) kr_refcount_merge_zero_local(o);
    } else {
        kr_refcount_decref_shared(o);
    }
}

static inline kr_ssize kr_refcnt(const KrObject *o) {
    if (o->ob_ref_local == KR_REF_LOCAL_IMMORTAL) return (kr_ssize)KR_REF_LOCAL_IMMORTAL;
    return (kr_ssize)o->ob_ref_local +
           (kr_ssize)(atomic_load_explicit(&((KrObject *)o)->ob_ref_shared, memory_order_relaxed) >>
                      KR_REF_SHARED_SHIFT);
}

static inline void kr_object_init_header(KrObject *o, KrType *t) {
    o->ob_tid = kr_thread_id();
    o->ob_flags = 0;
    o->ob_mutex = 0;
    o->ob_gc_bits = 0;
    o->ob_ref_local = 1;
    atomic_store_explicit(&o->ob_ref_shared, 0, memory_order_relaxed);
    o->ob_type = t;
}

static inline void kr_set_immortal(KrObject *o) {
    o->ob_tid = 0;
    o->ob_ref_local = KR_REF_LOCAL_IMMORTAL;
    atomic_store_explicit(&o->ob_ref_shared, 0, memory_order_relaxed);
}

/* Static initialiser for immortal statically allocated objects. */
#define KR_STATIC_OBJECT_INIT(type)                                                        \
    { .ob_tid = 0, .ob_flags = 0, .ob_mutex = 0, .ob_gc_bits = 0,                          \
      .ob_ref_local = KR_REF_LOCAL_IMMORTAL, .ob_ref_shared = 0, .ob_type = (type) }

#else /* GIL build */

static inline bool kr_is_immortal(const KrObject *o) {
    return o->ob_refcnt >= KR_IMMORTAL_REFCNT;
}

static inline void kr_incref(KrObject *o) {
    if (o->ob_refcnt >= KR_IMMORTAL_REFCNT) return;
    o->ob_refcnt++;
}

static inline void kr_decref(KrObject *o) {
    if (o->ob_refcnt >= KR_IMMORTAL_REFCNT) return;
    if (--o->ob_refcnt == 0) kr_object_dealloc(o);
}

static inline kr_ssize kr_refcnt(const KrObject *o) { return (kr_ssize)o->ob_refcnt; }

static inline void kr_object_init_header(KrObject *o, KrType *t) {
    o->ob_refcnt = 1;
    o->ob_type = t;
}

static inline void kr_set_immortal(KrObject *o) { o->ob_refcnt = KR_IMMORTAL_REFCNT; }

#define KR_STATIC_OBJECT_INIT(type) { .ob_refcnt = KR_IMMORTAL_REFCNT, .ob_type = (type) }

#endif /* KR_FREE_THREADED */

#define KR_STATIC_VAROBJECT_INIT(type, size) { .ob_base = KR_STATIC_OBJECT_INIT(type), .ob_size = (size) }

/* Convenience forms used everywhere. All accept any object pointer type. */
#define KR_INCREF(o) kr_incref(KR_OBJ(o))
#define KR_DECREF(o) kr_decref(KR_OBJ(o))
#define KR_XINCREF(o)                                                                      \
    do {                                                                                   \
        KrObject *kr_tmp_ = KR_OBJ(o);                                                     \
        if (kr_tmp_) kr_incref(kr_tmp_);                                                   \
    } while (0)
#define KR_XDECREF(o)                                                                      \
    do {                                                                                   \
        KrObject *kr_tmp_ = KR_OBJ(o);                                                     \
        if (kr_tmp_) kr_decref(kr_tmp_);                                                   \
    } while (0)
#define KR_CLEAR(o)                                                                        \
    do {                                                                                   \
        KrObject *kr_tmp_ = KR_OBJ(o);                                                     \
        if (kr_tmp_) {                                                                     \
            (o) = NULL;                                                                    \
            kr_decref(kr_tmp_);                                                            \
        }                                                                                  \
    } while (0)
#define KR_SETREF(dst, src)                                                                \
    do {                                                                                   \
        KrObject *kr_old_ = KR_OBJ(dst);                                                   \
        (dst) = (src);                                                                     \
        if (kr_old_) kr_decref(kr_old_);                                                   \
    } while (0)

/* New reference helpers: return o after increfing it. */
static inline KrObject *kr_newref(KrObject *o) { kr_incref(o); return o; }
static inline KrObject *kr_xnewref(KrObject *o) { if (o) kr_incref(o); return o; }
#define KR_NEWREF(o) kr_newref(KR_OBJ(o))

/* ---------------------------------------------------------------------------
 * Slot signatures
 * ------------------------------------------------------------------------- */

typedef void (*kr_destructor)(KrObject *);
typedef KrObject *(*kr_unaryfunc)(KrObject *);
typedef KrObject *(*kr_binaryfunc)(KrObject *, KrObject *);
typedef KrObject *(*kr_ternaryfunc)(KrObject *, KrObject *, KrObject *);
typedef int (*kr_inquiry)(KrObject *);
typedef kr_ssize (*kr_lenfunc)(KrObject *);
typedef KrObject *(*kr_ssizeargfunc)(KrObject *, kr_ssize);
typedef int (*kr_ssizeobjargproc)(KrObject *, kr_ssize, KrObject *);
typedef int (*kr_objobjargproc)(KrObject *, KrObject *, KrObject *);
typedef int (*kr_objobjproc)(KrObject *, KrObject *);
typedef kr_hash (*kr_hashfunc)(KrObject *);
typedef KrObject *(*kr_richcmpfunc)(KrObject *, KrObject *, int op);
typedef KrObject *(*kr_getattrofunc)(KrObject *, KrObject *name);
/* value == NULL means delete */
typedef int (*kr_setattrofunc)(KrObject *, KrObject *name, KrObject *value);
typedef KrObject *(*kr_descrgetfunc)(KrObject *descr, KrObject *obj, KrObject *type);
typedef int (*kr_descrsetfunc)(KrObject *descr, KrObject *obj, KrObject *value);
typedef KrObject *(*kr_getiterfunc)(KrObject *);
/* Returns the next item, or NULL: NULL without an exception set means exhausted
 * (no StopIteration object is created on the fast path). */
typedef KrObject *(*kr_iternextfunc)(KrObject *);
typedef int (*kr_visitproc)(KrObject *, void *arg);
typedef int (*kr_traverseproc)(KrObject *, kr_visitproc, void *arg);
typedef KrObject *(*kr_newfunc)(KrType *, KrObject *args, KrObject *kwargs);
typedef int (*kr_initfunc)(KrObject *self, KrObject *args, KrObject *kwargs);

/* The calling convention: positional args in args[0..nargs), then keyword values;
 * kwnames is a tuple of keyword names (or NULL). nargsf may carry
 * KR_VECTORCALL_ARGUMENTS_OFFSET meaning args[-1] may be overwritten temporarily. */
typedef KrObject *(*kr_vectorcallfunc)(KrObject *callable, KrObject *const *args, size_t nargsf,
                                       KrObject *kwnames);
#define KR_VECTORCALL_ARGUMENTS_OFFSET ((size_t)1 << (8 * sizeof(size_t) - 1))
static inline kr_ssize kr_vectorcall_nargs(size_t nargsf) {
    return (kr_ssize)(nargsf & ~KR_VECTORCALL_ARGUMENTS_OFFSET);
}

/* Rich comparison operators (same numbering as CPython: observable via
 * operator tables and used by the compiler's COMPARE_OP argument). */
enum { KR_LT = 0, KR_LE = 1, KR_EQ = 2, KR_NE = 3, KR_GT = 4, KR_GE = 5 };

typedef struct {
    kr_binaryfunc nb_add, nb_subtract, nb_multiply, nb_remainder, nb_divmod;
    kr_ternaryfunc nb_power;
    kr_unaryfunc nb_negative, nb_positive, nb_absolute;
    kr_inquiry nb_bool;
    kr_unaryfunc nb_invert;
    kr_binaryfunc nb_lshift, nb_rshift, nb_and, nb_xor, nb_or;
    kr_unaryfunc nb_int;
    kr_unaryfunc nb_float;
    kr_binaryfunc nb_inplace_add, nb_inplace_subtract, nb_inplace_multiply,
        nb_inplace_remainder;
    kr_ternaryfunc nb_inplace_power;
    kr_binaryfunc nb_inplace_lshift, nb_inplace_rshift, nb_inplace_and, nb_inplace_xor,
        nb_inplace_or;
    kr_binaryfunc nb_floor_divide, nb_true_divide, nb_inplace_floor_divide,
        nb_inplace_true_divide;
    kr_unaryfunc nb_index;
    kr_binaryfunc nb_matrix_multiply, nb_inplace_matrix_multiply;
} KrNumberMethods;

typedef struct {
    kr_lenfunc sq_length;
    kr_binaryfunc sq_concat;
    kr_ssizeargfunc sq_repeat;
    kr_ssizeargfunc sq_item; /* index already normalised to >= 0 by caller? no: raw */
    kr_ssizeobjargproc sq_ass_item;
    kr_objobjproc sq_contains;
    kr_binaryfunc sq_inplace_concat;
    kr_ssizeargfunc sq_inplace_repeat;
} KrSequenceMethods;

typedef struct {
    kr_lenfunc mp_length;
    kr_binaryfunc mp_subscript;
    kr_objobjargproc mp_ass_subscript; /* value NULL = delete */
} KrMappingMethods;

typedef struct {
    kr_unaryfunc am_await;
    kr_unaryfunc am_aiter;
    kr_unaryfunc am_anext;
} KrAsyncMethods;

/* C methods exposed to Python. */
typedef KrObject *(*kr_cfunction)(KrObject *self, KrObject *arg);
typedef KrObject *(*kr_cfunction_fast)(KrObject *self, KrObject *const *args, kr_ssize nargs);
typedef KrObject *(*kr_cfunction_fastkw)(KrObject *self, KrObject *const *args, kr_ssize nargs,
                                          KrObject *kwnames);
enum {
    KR_METH_NOARGS = 0x1,  /* kr_cfunction, arg is NULL */
    KR_METH_O = 0x2,       /* kr_cfunction, exactly one argument */
    KR_METH_FASTCALL = 0x4, /* kr_cfunction_fast, positional only */
    KR_METH_KEYWORDS = 0x8, /* with FASTCALL: kr_cfunction_fastkw */
    KR_METH_CLASS = 0x10,   /* classmethod: self is the type */
    KR_METH_STATIC = 0x20,  /* staticmethod: self is NULL */
    KR_METH_COEXIST = 0x40,
};
typedef struct {
    const char *name;
    void *func; /* one of the kr_cfunction* signatures, per flags */
    int flags;
    const char *doc;
} KrMethodDef;

/* Plain data members at fixed offsets (used for __slots__ too). */
enum {
    KR_MEMBER_OBJECT = 1,    /* KrObject*, NULL reads as None */
    KR_MEMBER_OBJECT_EX = 2, /* KrObject*, NULL raises AttributeError */
    KR_MEMBER_INT = 3,
    KR_MEMBER_SSIZE = 4,
    KR_MEMBER_BOOL = 5,
    KR_MEMBER_DOUBLE = 6,
    KR_MEMBER_INT64 = 7,
};
enum { KR_MEMBER_READONLY = 1 };
typedef struct {
    const char *name;
    int type;
    kr_ssize offset;
    int flags;
    const char *doc;
} KrMemberDef;

typedef KrObject *(*kr_getter)(KrObject *self, void *closure);
typedef int (*kr_setter)(KrObject *self, KrObject *value, void *closure); /* value NULL: del */
typedef struct {
    const char *name;
    kr_getter get;
    kr_setter set;
    const char *doc;
    void *closure;
} KrGetSetDef;

/* ---------------------------------------------------------------------------
 * Type objects
 * ------------------------------------------------------------------------- */

enum {
    KR_TPFLAGS_HEAPTYPE = 1u << 0,       /* created by a class statement / type() */
    KR_TPFLAGS_BASETYPE = 1u << 1,       /* may be subclassed */
    KR_TPFLAGS_HAVE_GC = 1u << 2,        /* tracked by the cyclic GC (has a GC prefix) */
    KR_TPFLAGS_READY = 1u << 3,
    KR_TPFLAGS_READYING = 1u << 4,
    KR_TPFLAGS_IMMUTABLETYPE = 1u << 5,
    KR_TPFLAGS_ABSTRACT = 1u << 6,
    KR_TPFLAGS_METHOD_DESCRIPTOR = 1u << 7, /* unbound calls may skip the bound method */
    KR_TPFLAGS_SEQUENCE = 1u << 8,          /* for match statements */
    KR_TPFLAGS_MAPPING = 1u << 9,
    KR_TPFLAGS_VALID_VERSION = 1u << 10,
    KR_TPFLAGS_DISALLOW_INSTANTIATION = 1u << 11,
    KR_TPFLAGS_HAS_FINALIZE = 1u << 12, /* __del__ via tp_finalize */
    /* fast subclass checks, inherited by subclasses */
    KR_TPFLAGS_LONG_SUBCLASS = 1u << 20,
    KR_TPFLAGS_LIST_SUBCLASS = 1u << 21,
    KR_TPFLAGS_TUPLE_SUBCLASS = 1u << 22,
    KR_TPFLAGS_BYTES_SUBCLASS = 1u << 23,
    KR_TPFLAGS_STR_SUBCLASS = 1u << 24,
    KR_TPFLAGS_DICT_SUBCLASS = 1u << 25,
    KR_TPFLAGS_BASE_EXC_SUBCLASS = 1u << 26,
    KR_TPFLAGS_TYPE_SUBCLASS = 1u << 27,
};

struct KrType {
    KrVarObject ob_base;
    const char *tp_name; /* "module.Name" for C types, as CPython prints them */
    kr_ssize tp_basicsize, tp_itemsize;
    kr_destructor tp_dealloc;
    kr_vectorcallfunc tp_vectorcall; /* calling the type itself; NULL: generic type call */
    KrAsyncMethods *tp_as_async;
    kr_unaryfunc tp_repr;
    KrNumberMethods *tp_as_number;
    KrSequenceMethods *tp_as_sequence;
    KrMappingMethods *tp_as_mapping;
    kr_hashfunc tp_hash;
    /* Calling an instance. Instances of types whose objects carry their own
     * vectorcall pointer (functions, bound methods) set tp_vectorcall_offset. */
    kr_vectorcallfunc tp_call;
    kr_ssize tp_vectorcall_offset;
    kr_unaryfunc tp_str;
    kr_getattrofunc tp_getattro;
    kr_setattrofunc tp_setattro;
    uint64_t tp_flags;
    const char *tp_doc;
    kr_traverseproc tp_traverse;
    kr_inquiry tp_clear;
    kr_richcmpfunc tp_richcompare;
    kr_ssize tp_weaklistoffset;
    kr_getiterfunc tp_iter;
    kr_iternextfunc tp_iternext;
    KrMethodDef *tp_methods;
    KrMemberDef *tp_members;
    KrGetSetDef *tp_getset;
    KrType *tp_base;
    KrObject *tp_dict;
    kr_descrgetfunc tp_descr_get;
    kr_descrsetfunc tp_descr_set;
    kr_ssize tp_dictoffset;
    kr_initfunc tp_init;
    kr_newfunc tp_new;
    kr_destructor tp_finalize; /* __del__ (PEP 442) */
    KrObject *tp_bases;        /* tuple */
    KrObject *tp_mro;          /* tuple */
    KrObject *tp_subclasses;   /* dict id -> weakref, or NULL */
    KrObject *tp_name_obj;     /* str __name__ (heap types) */
    KrObject *tp_qualname;     /* str __qualname__ (heap types) */
    KrObject *tp_module;       /* __module__ for heap types lives in tp_dict */
    uint32_t tp_version_tag;   /* 0 = invalid; changes when the type or a base changes */
    KrObject *tp_cache;        /* spare slot for the specialiser / JIT */
};

/* Instances of classes derived from variable-size bases keep their dict in a side
 * table (tp_dictoffset < 0). */
KrObject **kr_type_var_dictptr(KrObject *o); /* type.c */

/* Types whose instances have an inline dict pointer at tp_dictoffset. */
static inline KrObject **kr_object_dictptr(KrObject *o) {
    kr_ssize off = KR_TYPE(o)->tp_dictoffset;
    if (off == 0) return NULL;
    if (off < 0) return kr_type_var_dictptr(o);
    return (KrObject **)((char *)o + off);
}

static inline bool kr_type_has_flag(const KrType *t, uint64_t f) { return (t->tp_flags & f) != 0; }

#define KR_STATIC_TYPE_HEAD KR_STATIC_VAROBJECT_INIT(&kr_type_type, 0)

extern KrType kr_type_type;
extern KrType kr_object_type;

static inline bool kr_is_type(KrObject *o, KrType *t) { return KR_TYPE(o) == t; }

#endif /* KR_OBJECT_H */
