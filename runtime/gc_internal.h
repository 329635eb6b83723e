/* gc_internal.h - state of the cyclic garbage collector shared between gc.c (the
 * collector) and stdlib/gcmodule.c (the `gc` module). Nothing else includes it. */
#ifndef KR_GC_INTERNAL_H
#define KR_GC_INTERNAL_H

#include "krait.h"

#define KR_GC_NGENERATIONS 3

/* gc.set_debug() flags, numbered as CPython's. */
enum {
    KR_GC_DEBUG_STATS = 1 << 0,
    KR_GC_DEBUG_COLLECTABLE = 1 << 1,
    KR_GC_DEBUG_UNCOLLECTABLE = 1 << 2,
    KR_GC_DEBUG_SAVEALL = 1 << 5,
    KR_GC_DEBUG_LEAK = KR_GC_DEBUG_COLLECTABLE | KR_GC_DEBUG_UNCOLLECTABLE | KR_GC_DEBUG_SAVEALL,
};

typedef struct {
    kr_ssize collections;
    kr_ssize collected;
    kr_ssize uncollectable;
} KrGCStats;

typedef struct {
    bool enabled;
    bool collecting;
    int debug;
    int threshold[KR_GC_NGENERATIONS];
    int count[KR_GC_NGENERATIONS];
    KrGCStats stats[KR_GC_NGENERATIONS];
    KrObject *garbage;   /* gc.garbage (list), owned by the gc module once imported */
    KrObject *callbacks; /* gc.callbacks (list) */
} KrGCState;

extern KrGCState kr_gc_state;

/* Calls visit_one(referent, arg) for the objects of every generation (not the
 * frozen ones) in turn; stops at the first nonzero result. */
int kr_gc_foreach_object(int generation, int (*fn)(KrObject *o, void *arg), void *arg);
kr_ssize kr_gc_generation_size(int generation); /* 3 = the permanent (frozen) one */
void kr_gc_freeze(void);
void kr_gc_unfreeze(void);

#endif /* KR_GC_INTERNAL_H */
