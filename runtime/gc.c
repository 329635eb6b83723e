/* gc.c - bookkeeping for the cyclic garbage collector: every object of a
 * KR_TPFLAGS_HAVE_GC type is linked into the young generation when tracked. The
 * collection algorithm itself (generations, thresholds, finalisers) builds on these
 * lists. */
#include "krait.h"

static inline KrGCHead *gc_head(KrObject *o) { return (KrGCHead *)o - 1; }

/* Circular doubly linked list with a sentinel; gc_prev == 0 means untracked. */
static KrGCHead gc_young = {(uintptr_t)&gc_young, (uintptr_t)&gc_young};
static kr_ssize gc_young_count;

void kr_gc_track(KrObject *o) {
    KrGCHead *h = gc_head(o);
    if (h->gc_prev) return;
    KrGCHead *last = (KrGCHead *)gc_young.gc_prev;
    h->gc_prev = (uintptr_t)last;
    h->gc_next = (uintptr_t)&gc_young;
    last->gc_next = (uintptr_t)h;
    gc_young.gc_prev = (uintptr_t)h;
    gc_young_count++;
}

void kr_gc_untrack(KrObject *o) {
    KrGCHead *h = gc_head(o);
    if (!h->gc_prev) return;
    KrGCHead *prev = (KrGCHead *)h->gc_prev, *next = (KrGCHead *)h->gc_next;
    prev->gc_next = (uintptr_t)next;
    next->gc_prev = (uintptr_t)prev;
    h->gc_prev = h->gc_next = 0;
    gc_young_count--;
}

bool kr_gc_is_tracked(KrObject *o) {
    if (!kr_type_has_flag(KR_TYPE(o), KR_TPFLAGS_HAVE_GC)) return false;
    return gc_head(o)->gc_prev != 0;
}

kr_ssize kr_gc_young_count(void) { return gc_young_count; }
