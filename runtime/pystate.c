/* pystate.c - thread states: the per-thread frame stack (contiguous chunks that the eval
 * loop pushes frames onto), the recursion guard shared by Python frames and C code,
 * and the eval-breaker entry point used by signal handlers. */
#include <stdlib.h>
#include <string.h>

#include "ceval_internal.h"

_Thread_local KrThreadState *kr_tstate_current;

/* Every thread state, for stop-the-world and the GC (guarded by the GIL / by the
 * caller in the free-threaded build). */
static KrThreadState *tstate_head;
/* The first thread state created belongs to the main thread: signals are handled there. */
static KrThreadState *_Atomic tstate_main;

/* ---------------------------------------------------------------------------
 * Frame stack chunks
 * ------------------------------------------------------------------------- */

/* Each chunk starts with a header recording the chunk below it so that popping the
 * first frame of a chunk can return to the previous one. */
typedef struct StackChunk {
    struct StackChunk *previous;
    char *prev_top;   /* datastack_top of the previous chunk when this one was pushed */
    size_t size;
    KrObject *data[]; /* keeps frames pointer-aligned */
} StackChunk;

#define CHUNK_MIN_SIZE ((size_t)256 * 1024)

static StackChunk *chunk_of(KrThreadState *ts) {
    return ts->datastack_base ? (StackChunk *)(ts->datastack_base - offsetof(StackChunk, data))
                              : NULL;
}

static int push_chunk(KrThreadState *ts, size_t need) {
    size_t size = CHUNK_MIN_SIZE;
    while (size < need + sizeof(StackChunk)) size *= 2;
    StackChunk *c = malloc(size);
    if (!c) {
        kr_err_no_memory();
        return -1;
    }
    c->previous = chunk_of(ts);
    c->prev_top = ts->datastack_top;
    c->size = size;
    ts->datastack_base = (char *)c->data;
    ts->datastack_top = (char *)c->data;
    ts->datastack_limit = (char *)c + size;
    return 0;
}

KrFrame *kr_tstate_push_frame(KrThreadState *ts, int nslots) {
    size_t need = sizeof(KrFrame) + (size_t)nslots * sizeof(KrObject *);
    if (!ts->datastack_top || ts->datastack_top + need > ts->datastack_limit) {
        if (push_chunk(ts, need) < 0) return NULL;
    }
    KrFrame *f = (KrFrame *)ts->datastack_top;
    ts->datastack_top += need;
    return f;
}

void kr_tstate_pop_frame(KrThreadState *ts, KrFrame *f) {
    char *p = (char *)f;
    if (p == ts->datastack_base) {
        /* first frame of its chunk: free the chunk and return to the previous one */
        StackChunk *c = chunk_of(ts);
        StackChunk *prev = c->previous;
        char *prev_top = c->prev_top;
        free(c);
        if (prev) {
            ts->datastack_base = (char *)prev->data;
            ts->datastack_top = prev_top;
            ts->datastack_limit = (char *)prev + prev->size;
        } else {
            ts->datastack_base = ts->datastack_top = ts->datastack_limit = NULL;
        }
        return;
    }
    ts->datastack_top = p;
}

/* ---------------------------------------------------------------------------
 * Thread states
 * ------------------------------------------------------------------------- */

KrThreadState *kr_tstate_new(void) {
    KrThreadState *ts = calloc(1, sizeof(KrThreadState));
    if (!ts) return NULL;
    atomic_store(&ts->eval_breaker, 0);
    ts->next = tstate_head;
    tstate_head = ts;
    KrThreadState *expected = NULL;
    atomic_compare_exchange_strong(&tstate_main, &expected, ts);
    if (!kr_tstate_current) kr_tstate_current = ts;
    return ts;
}

void kr_tstate_delete(KrThreadState *ts) {
    if (!ts) return;
    for (KrThreadState **p = &tstate_head; *p; p = &(*p)->next) {
        if (*p == ts) {
            *p = ts->next;
            break;
        }
    }
    KR_CLEAR(ts->current_exception);
    KR_CLEAR(ts->handled_exception);
    StackChunk *c = chunk_of(ts);
    while (c) {
        StackChunk *prev = c->previous;
        free(c);
        c = prev;
    }
    KrThreadState *expected = ts;
    atomic_compare_exchange_strong(&tstate_main, &expected, NULL);
    if (kr_tstate_current == ts) kr_tstate_current = NULL;
    free(ts);
}

/* Called from signal handlers: only an atomic store. */
void kr_eval_signal_pending(void) {
    KrThreadState *ts = atomic_load(&tstate_main);
    if (ts) atomic_fetch_or(&ts->eval_breaker, (uint32_t)KR_EVAL_SIGNALS);
}

/* ---------------------------------------------------------------------------
 * Recursion guard
 * ------------------------------------------------------------------------- */

static int recursion_limit(void) {
    return kr_interp.recursion_limit > 0 ? kr_interp.recursion_limit : 1000;
}

int kr_enter_recursive_call(const char *where) {
    KrThreadState *ts = kr_tstate();
    if (!ts) return 0;
    if (++ts->recursion_depth > recursion_limit() && !ts->recursion_limit_headroom) {
        /* headroom lets the RecursionError itself be created and handled */
        ts->recursion_limit_headroom++;
        kr_err_format(kr_exc_RecursionError, "maximum recursion depth exceeded%s",
                      where ? where : "");
        ts->recursion_limit_headroom--;
        ts->recursion_depth--;
        return -1;
    }
    return 0;
}

void kr_leave_recursive_call(void) {
    KrThreadState *ts = kr_tstate();
    if (ts) ts->recursion_depth--;
}
