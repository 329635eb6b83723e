/* refcount_ft.c - slow paths of biased reference counting (free-threaded build).
 * The owner thread's local count reached zero, or another thread dropped a shared
 * reference. Only compiled into krait-ft; the GIL build's counts are in kr_object.h. */
#include "krait.h"

#ifdef KR_FREE_THREADED
_Thread_local uintptr_t kr_refcount_tid;

/* The owner's local count hit zero: if no other thread holds a reference the object
 * dies; otherwise ownership is given up and the shared count carries the rest. */
void kr_refcount_merge_zero_local(KrObject *o) {
    intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_acquire);
    for (;;) {
        if ((shared >> KR_REF_SHARED_SHIFT) == 0) {
            kr_object_dealloc(o);
            return;
        }
        intptr_t merged = shared | KR_REF_SHARED_MERGED;
        if (atomic_compare_exchange_weak_explicit(&o->ob_ref_shared, &shared, merged,
                                                  memory_order_acq_rel, memory_order_acquire))
            break;
    }
    o->ob_tid = 0; /* no owner any more: every thread now uses the shared count */
}

/* A non-owner thread releases a reference. A shared count that would go negative
 * while the owner still holds local references is legal (the sum is what counts);
 * the object dies only when it is merged and the shared count reaches zero. */
void kr_refcount_decref_shared(KrObject *o) {
    intptr_t old = atomic_fetch_sub_explicit(&o->ob_ref_shared, (intptr_t)1 << KR_REF_SHARED_SHIFT,
                                             memory_order_acq_rel);
    intptr_t now = old - ((intptr_t)1 << KR_REF_SHARED_SHIFT);
    if ((now & KR_REF_SHARED_MERGED) && (now >> KR_REF_SHARED_SHIFT) == 0) kr_object_dealloc(o);
}
#endif
