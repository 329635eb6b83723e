/* type_internal.h - private layouts and helpers shared by the type machinery:
 * heap types (classes), slot wrappers, C-function dispatch and the slot table.
 * Only type.c, typeslots.c, object.c, descr.c, cfunction.c, method.c, super.c and
 * descrobject.c include it. */
#ifndef KR_TYPE_INTERNAL_H
#define KR_TYPE_INTERNAL_H

#include "krait.h"

/* A class created by a class statement or type(name, bases, dict): the type object
 * plus storage for its slot tables, so that assigning a dunder later can fill a slot. */
typedef struct {
    KrType type;
    KrAsyncMethods as_async;
    KrNumberMethods as_number;
    KrMappingMethods as_mapping;
    KrSequenceMethods as_sequence;
    KrObject *slots;      /* tuple of __slots__ names (mangled) or NULL */
    KrMemberDef *members; /* member defs for the slots, NULL-terminated (owned) */
    char *name_buf;       /* UTF-8 copy of __name__ backing tp_name (owned) */
    KrObject *weakreflist;
} KrHeapType;

#define KR_HEAPTYPE(t) ((KrHeapType *)(t))
#define KR_IS_HEAPTYPE(t) kr_type_has_flag((t), KR_TPFLAGS_HEAPTYPE)

/* Wrapper kinds: how a slot wrapper descriptor calls its C slot. */
typedef enum {
    KR_WRAP_UNARY,     /* f(self) */
    KR_WRAP_BINARY_L,  /* f(self, other) */
    KR_WRAP_BINARY_R,  /* f(other, self) */
    KR_WRAP_TERNARY,   /* f(self, other, mod=None) */
    KR_WRAP_TERNARY_R, /* f(other, self, mod=None) */
    KR_WRAP_INQUIRY,   /* bool f(self) */
    KR_WRAP_LEN,       /* int f(self) */
    KR_WRAP_HASH,
    KR_WRAP_RICHCMP,    /* f(self, other, op) with op in the table entry */
    KR_WRAP_GETATTR,    /* __getattribute__(name) */
    KR_WRAP_SETATTR,    /* __setattr__(name, value) */
    KR_WRAP_DELATTR,    /* __delattr__(name) */
    KR_WRAP_DESCR_GET,  /* __get__(obj, type=None) */
    KR_WRAP_DESCR_SET,  /* __set__(obj, value) */
    KR_WRAP_DESCR_DEL,  /* __delete__(obj) */
    KR_WRAP_CALL,       /* __call__(*args, **kwargs) */
    KR_WRAP_INIT,       /* __init__(*args, **kwargs) */
    KR_WRAP_NEXT,       /* __next__: exhaustion raises StopIteration */
    KR_WRAP_OBJOBJ,     /* __contains__ -> bool */
    KR_WRAP_OBJOBJARG,  /* __setitem__(key, value) */
    KR_WRAP_DELITEM,    /* __delitem__(key) */
    KR_WRAP_SQ_ITEM,    /* __getitem__(index) through sq_item */
    KR_WRAP_SQ_SETITEM, /* __setitem__(index, value) through sq_ass_item */
    KR_WRAP_SQ_DELITEM,
    KR_WRAP_INDEXARG,   /* __mul__(n) through sq_repeat */
    KR_WRAP_INDEXARG_R, /* __rmul__(n) through sq_repeat */
    KR_WRAP_DEL,        /* __del__ through tp_finalize */
} KrWrapKind;

/* Which slot table a slot lives in. */
typedef enum {
    KR_SLOT_TYPE,
    KR_SLOT_NUMBER,
    KR_SLOT_SEQUENCE,
    KR_SLOT_MAPPING,
    KR_SLOT_ASYNC
} KrSlotTable;

/* One row of the slot table (typeslots.c): dunder <-> C slot. */
typedef struct {
    const char *name;
    KrSlotTable table;
    size_t offset; /* offset of the slot inside its table */
    KrWrapKind kind;
    void *heap_func;    /* the function a class gets when it defines the dunder */
    int op;             /* comparison op for KR_WRAP_RICHCMP */
    KrObject *name_obj; /* interned name, filled at start-up */
} KrSlotDef;

/* Slot wrapper descriptors remember the C function they wrap. */
typedef struct {
    KrDescr base;
    const KrSlotDef *slot;
    void *wrapped;
} KrWrapperDescr;

/* A wrapper descriptor bound to an instance: `(1).__add__`. */
typedef struct {
    KR_OBJECT_HEAD;
    kr_vectorcallfunc vectorcall;
    KrWrapperDescr *descr;
    KrObject *self;
} KrMethodWrapper;

/* ---- typeslots.c ---- */
extern KrSlotDef kr_slotdefs[];
void kr_typeslots_init_names(void);
/* Adds wrapper descriptors for the slots a static type defines itself. */
int kr_typeslots_add_wrappers(KrType *t);
/* Fills the C slots of a heap type from its dunders (all of them). */
void kr_typeslots_fixup(KrType *t);
/* A dunder was assigned or deleted on t: refresh the matching slots of t and of its
 * subclasses. */
void kr_typeslots_update(KrType *t, KrObject *name);
bool kr_typeslots_is_slot_name(KrObject *name);
void **kr_typeslots_slot_ptr(KrType *t, const KrSlotDef *sd);
/* Runs a wrapper: the argument handling of a slot wrapper call. */
KrObject *kr_typeslots_call_wrapper(KrWrapperDescr *d, KrObject *self, KrObject *const *args,
                                    kr_ssize nargs, KrObject *kwnames);
/* The default finaliser-aware dealloc of class instances. */
void kr_typeslots_subtype_dealloc(KrObject *self);
int kr_typeslots_subtype_traverse(KrObject *self, kr_visitproc visit, void *arg);
int kr_typeslots_subtype_clear(KrObject *self);
KrObject *kr_typeslots_slot_tp_getattr_hook(KrObject *self, KrObject *name);
kr_hash kr_typeslots_slot_tp_hash(KrObject *self);
bool kr_typeslots_is_slot_new(kr_newfunc f);

/* ---- cfunction.c ---- */
/* Calls a C method def with `self` and vectorcall arguments; `qualname_owner` (a
 * type or NULL) gives the "list.append" prefix of error messages. */
KrObject *kr_cfunction_dispatch(KrMethodDef *def, KrObject *self, KrObject *const *args,
                                kr_ssize nargs, KrObject *kwnames, KrType *owner);

/* ---- type.c ---- */
KrObject *kr_type_tp_new_wrapper(KrObject *self, KrObject *const *args, kr_ssize nargs,
                                 KrObject *kwnames);
extern KrMethodDef kr_type_tp_new_def;
KrObject *kr_type_qualname(KrType *t); /* new ref */
KrObject *kr_type_module(KrType *t);   /* new ref */
/* Frees the side-table dict entry of an instance (tp_dictoffset < 0). */
void kr_type_var_dict_release(KrObject *o);

/* ---- union.c ---- */
KrObject *kr_union_or(KrObject *a, KrObject *b); /* type.__or__ and UnionType.__or__ */
KrObject *kr_union_args(KrObject *o);            /* borrowed __args__ of a union, or NULL */

/* ---- object.c ---- */
KrObject *kr_object_generic_getattr_ex(KrObject *o, KrObject *name, int suppress);
void kr_object_set_attribute_error(KrObject *obj, KrObject *name);
kr_hash kr_object_hash_pointer(const void *p);
int kr_object_default_init(KrObject *self, KrObject *args, KrObject *kwargs);
KrObject *kr_object_default_new(KrType *t, KrObject *args, KrObject *kwargs);
KrObject *kr_object_default_richcompare(KrObject *a, KrObject *b, int op);

/* Helpers used everywhere in these files. */
static inline KrObject *kr_interned(const char *s) { return kr_str_intern_cstr(s); }

/* Returns a borrowed pointer to the dict slot of o (NULL if it has none), handling
 * the side table of classes derived from variable-size types. */
static inline KrObject **kr_object_dictptr_any(KrObject *o) {
    kr_ssize off = KR_TYPE(o)->tp_dictoffset;
    if (off == 0) return NULL;
    if (off < 0) return kr_type_var_dictptr(o);
    return (KrObject **)((char *)o + off);
}

#endif /* KR_TYPE_INTERNAL_H */
