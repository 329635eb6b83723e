/* gc.c - the cyclic garbage collector. Objects of KR_TPFLAGS_HAVE_GC types live on one
 * of three generation lists (links in their KrGCHead prefix); a collection finds the
 * objects that only reference each other (CPython's algorithm), finalises them once
 * (PEP 442), clears weak references to them and breaks the cycles with tp_clear.
 *
 * Pipeline of one collection (collect()):
 *   merge younger generations -> update_refs (gc_refs = refcount) -> subtract_refs
 *   (minus references from inside the set, found through tp_traverse) ->
 *   move_unreachable (objects with gc_refs > 0 and all they reach stay; the rest is
 *   tentatively unreachable) -> survivors move one generation up -> handle_weakrefs
 *   (clear weakrefs to garbage, run callbacks of live weakrefs) -> finalize_garbage
 *   (tp_finalize once per object) -> the reachability pass again over the garbage
 *   (resurrected objects survive) -> delete_garbage (tp_clear).
 *
 * The free-threaded build runs the same collector: there is one thread of Python
 * execution for now, so "stopping the world" is a no-op; kr_refcnt() sums the local
 * and shared counts. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "gc_internal.h"

/* ---------------------------------------------------------------------------
 * Header encoding
 *
 * gc_next  address of the next KrGCHead; 0 = untracked. During move_unreachable bit 0
 *          (NEXT_UNREACHABLE) marks the members of the tentatively unreachable list.
 * gc_prev  address of the previous KrGCHead, low bits are flags: FINALIZED (tp_finalize
 *          has run, survives untracking) and COLLECTING (member of the generation being
 *          collected). While a collection runs, the bits above the flags of the objects
 *          being examined hold gc_refs instead of the address (the list is then linked
 *          forward only, and move_unreachable restores the back links).
 * ------------------------------------------------------------------------- */
#define PREV_FINALIZED ((uintptr_t)1)
#define PREV_COLLECTING ((uintptr_t)2)
#define PREV_FLAGS ((uintptr_t)3)
#define PREV_SHIFT 2
#define NEXT_UNREACHABLE ((uintptr_t)1)

static inline KrGCHead *AS_GC(KrObject *o) { return (KrGCHead *)o - 1; }
static inline KrObject *FROM_GC(KrGCHead *g) { return (KrObject *)(g + 1); }
static inline KrGCHead *gc_next(KrGCHead *g) { return (KrGCHead *)g->gc_next; }
static inline KrGCHead *gc_prev(KrGCHead *g) { return (KrGCHead *)(g->gc_prev & ~PREV_FLAGS); }
static inline void set_next(KrGCHead *g, KrGCHead *n) { g->gc_next = (uintptr_t)n; }
static inline void set_prev(KrGCHead *g, KrGCHead *p) {
    g->gc_prev = (uintptr_t)p | (g->gc_prev & PREV_FLAGS);
}

static inline kr_ssize gc_get_refs(KrGCHead *g) { return (kr_ssize)(g->gc_prev >> PREV_SHIFT); }
static inline void gc_set_refs(KrGCHead *g, kr_ssize r) {
    g->gc_prev = (g->gc_prev & PREV_FLAGS) | ((uintptr_t)r << PREV_SHIFT);
}
static inline void gc_decref(KrGCHead *g) { g->gc_prev -= (uintptr_t)1 << PREV_SHIFT; }
static inline bool gc_is_collecting(KrGCHead *g) { return (g->gc_prev & PREV_COLLECTING) != 0; }

/* Whether o carries a KrGCHead. Static objects (types, singletons) are immortal and
 * have none, even when their type has KR_TPFLAGS_HAVE_GC. */
static inline bool has_gc_head(KrObject *o) {
    return kr_type_has_flag(KR_TYPE(o), KR_TPFLAGS_HAVE_GC) && !kr_is_immortal(o);
}

/* ---------------------------------------------------------------------------
 * Lists: circular, doubly linked, with a sentinel head (heads carry no flags)
 * ------------------------------------------------------------------------- */

static void list_init(KrGCHead *l) { l->gc_next = l->gc_prev = (uintptr_t)l; }
static bool list_is_empty(KrGCHead *l) { return gc_next(l) == l; }

static void list_append(KrGCHead *node, KrGCHead *list) {
    KrGCHead *last = (KrGCHead *)list->gc_prev;
    set_prev(node, last);
    set_next(last, node);
    set_next(node, list);
    list->gc_prev = (uintptr_t)node;
}

static void list_remove(KrGCHead *node) {
    KrGCHead *prev = gc_prev(node), *next = gc_next(node);
    set_next(prev, next);
    set_prev(next, prev);
    node->gc_next = 0;
}

static void list_move(KrGCHead *node, KrGCHead *list) {
    KrGCHead *prev = gc_prev(node), *next = gc_next(node);
    set_next(prev, next);
    set_prev(next, prev);
    list_append(node, list);
}

static void list_merge(KrGCHead *from, KrGCHead *to) {
    if (!list_is_empty(from)) {
        KrGCHead *to_tail = (KrGCHead *)to->gc_prev;
        KrGCHead *first = gc_next(from), *last = (KrGCHead *)from->gc_prev;
        set_next(to_tail, first);
        set_prev(first, to_tail);
        set_next(last, to);
        to->gc_prev = (uintptr_t)last;
    }
    list_init(from);
}

static kr_ssize list_size(KrGCHead *l) {
    kr_ssize n = 0;
    for (KrGCHead *g = gc_next(l); g != l; g = gc_next(g))
        n++;
    return n;
}

/* ---------------------------------------------------------------------------
 * State
 * ------------------------------------------------------------------------- */

static KrGCHead generations[KR_GC_NGENERATIONS] = {
    {(uintptr_t)&generations[0], (uintptr_t)&generations[0]},
    {(uintptr_t)&generations[1], (uintptr_t)&generations[1]},
    {(uintptr_t)&generations[2], (uintptr_t)&generations[2]},
};
static KrGCHead permanent = {(uintptr_t)&permanent, (uintptr_t)&permanent};

KrGCState kr_gc_state = {
    .enabled = true,
    .threshold = {700, 10, 10},
};

/* A full collection only runs when the objects that survived partial collections
 * since the last full one are at least 25% of the old generation (CPython's rule:
 * keeps full collections from making allocation-heavy programs quadratic). */
static kr_ssize long_lived_total, long_lived_pending;

static void collect_generations(void);

/* ---------------------------------------------------------------------------
 * Tracking
 * ------------------------------------------------------------------------- */

void kr_gc_track(KrObject *o) {
    if (kr_is_immortal(o)) return; /* static objects have no GC prefix */
    KrGCHead *g = AS_GC(o);
    if (g->gc_next) return;
    KrGCState *st = &kr_gc_state;
    st->count[0]++;
    /* Collect before linking o: it may still be half-built, and whatever it already
     * references looks externally referenced (so stays alive) until the next run. */
    if (st->count[0] > st->threshold[0] && st->threshold[0] && st->enabled && !st->collecting &&
        kr_tstate() && !kr_err_occurred())
        collect_generations();
    list_append(g, &generations[0]);
}

void kr_gc_untrack(KrObject *o) {
    if (kr_is_immortal(o)) return;
    KrGCHead *g = AS_GC(o);
    if (!g->gc_next) return;
    list_remove(g);
    g->gc_prev &= PREV_FINALIZED;
    if (kr_gc_state.count[0] > 0) kr_gc_state.count[0]--;
}

bool kr_gc_is_tracked(KrObject *o) { return has_gc_head(o) && AS_GC(o)->gc_next != 0; }

bool kr_gc_is_finalized(KrObject *o) {
    return has_gc_head(o) && (AS_GC(o)->gc_prev & PREV_FINALIZED) != 0;
}

/* PEP 442: tp_finalize runs at most once per object, whether the object dies by
 * reference counting or in a collection. */
static void call_finalizer(KrObject *o) {
    kr_destructor fin = KR_TYPE(o)->tp_finalize;
    if (!fin) return;
    bool gc = has_gc_head(o);
    if (gc && (AS_GC(o)->gc_prev & PREV_FINALIZED)) return;
    fin(o);
    if (gc) AS_GC(o)->gc_prev |= PREV_FINALIZED;
}

int kr_gc_call_finalizer_from_dealloc(KrObject *o) {
    /* o's count is 0: hold a temporary reference while the finaliser runs; anything
     * beyond it afterwards means __del__ stored o somewhere (resurrection). */
    kr_incref(o);
    call_finalizer(o);
    if (kr_refcnt(o) > 1) {
        kr_decref(o);
        return -1;
    }
    /* the temporary reference stays: o is about to be freed, nobody can see it */
    return 0;
}

/* ---------------------------------------------------------------------------
 * Finding the unreachable objects
 * ------------------------------------------------------------------------- */

/* gc_refs = refcount for every object of the list; marks them COLLECTING. */
static void update_refs(KrGCHead *containers) {
    for (KrGCHead *g = gc_next(containers); g != containers; g = gc_next(g)) {
        kr_ssize rc = kr_refcnt(FROM_GC(g));
        /* A tracked object with no references is inside its tp_dealloc (which has not
         * untracked it yet): it must not be touched, so it counts as a root. */
        if (rc <= 0) rc = (kr_ssize)1 << 40;
        g->gc_prev =
            (g->gc_prev & PREV_FINALIZED) | PREV_COLLECTING | ((uintptr_t)rc << PREV_SHIFT);
    }
}

static int visit_decref(KrObject *o, void *unused) {
    if (o && has_gc_head(o)) {
        KrGCHead *g = AS_GC(o);
        if (gc_is_collecting(g)) gc_decref(g);
    }
    return 0;
}

/* Subtracts the references that objects of the list hold to each other: what is
 * left in gc_refs counts the references from outside. */
static void subtract_refs(KrGCHead *containers) {
    for (KrGCHead *g = gc_next(containers); g != containers; g = gc_next(g)) {
        KrObject *o = FROM_GC(g);
        kr_traverseproc trav = KR_TYPE(o)->tp_traverse;
        if (trav) trav(o, visit_decref, NULL);
    }
}

/* A referent of a reachable object is reachable: give it gc_refs 1 if it is still
 * ahead in the young list, or bring it back from the unreachable list. */
static int visit_reachable(KrObject *o, void *arg) {
    if (!o || !has_gc_head(o)) return 0;
    KrGCHead *g = AS_GC(o);
    if (!gc_is_collecting(g)) return 0;
    uintptr_t next = g->gc_next;
    if (next & NEXT_UNREACHABLE) {
        /* every link of the unreachable ring carries the mark: unlink by hand */
        KrGCHead *prev = gc_prev(g);
        prev->gc_next = next;
        set_prev((KrGCHead *)(next & ~NEXT_UNREACHABLE), prev);
        list_append(g, (KrGCHead *)arg);
        gc_set_refs(g, 1);
    } else if (gc_get_refs(g) == 0) {
        gc_set_refs(g, 1);
    }
    return 0;
}

/* Splits young (after subtract_refs) into the reachable part, left in young with its
 * back links restored and COLLECTING cleared, and `unreachable` (objects still
 * COLLECTING, links marked NEXT_UNREACHABLE). Objects left of the cursor have been
 * scanned; an object found reachable later is appended to young's tail and scanned
 * when the cursor gets there. */
static void move_unreachable(KrGCHead *young, KrGCHead *unreachable) {
    KrGCHead *prev = young;
    KrGCHead *g = gc_next(young);
    while (g != young) {
        if (gc_get_refs(g)) {
            KrObject *o = FROM_GC(g);
            kr_traverseproc trav = KR_TYPE(o)->tp_traverse;
            if (trav) trav(o, visit_reachable, young);
            set_prev(g, prev);
            g->gc_prev &= ~PREV_COLLECTING;
            prev = g;
        } else {
            prev->gc_next = g->gc_next;
            KrGCHead *last = gc_prev(unreachable);
            last->gc_next = NEXT_UNREACHABLE | (uintptr_t)g;
            set_prev(g, last);
            g->gc_next = NEXT_UNREACHABLE | (uintptr_t)unreachable;
            unreachable->gc_prev = (uintptr_t)g;
        }
        g = gc_next(prev);
    }
    young->gc_prev = (uintptr_t)prev;
    unreachable->gc_next &= ~NEXT_UNREACHABLE;
}

static void clear_unreachable_marks(KrGCHead *unreachable) {
    for (KrGCHead *g = gc_next(unreachable); g != unreachable; g = gc_next(g))
        g->gc_next &= ~NEXT_UNREACHABLE;
}

static void clear_collecting(KrGCHead *list) {
    for (KrGCHead *g = gc_next(list); g != list; g = gc_next(g))
        g->gc_prev &= ~PREV_COLLECTING;
}

/* young -> objects reachable from outside stay in young; the rest goes to
 * unreachable (unmarked, still COLLECTING). */
static void deduce_unreachable(KrGCHead *young, KrGCHead *unreachable) {
    update_refs(young);
    subtract_refs(young);
    move_unreachable(young, unreachable);
    clear_unreachable_marks(unreachable);
}

/* ---------------------------------------------------------------------------
 * Weak references, finalisers, clearing
 * ------------------------------------------------------------------------- */

typedef struct {
    KrObject **items;
    kr_ssize n, cap;
} ObjVec;

static int vec_push(ObjVec *v, KrObject *o) {
    if (v->n == v->cap) {
        kr_ssize cap = v->cap ? v->cap * 2 : 16;
        KrObject **items = kr_mem_realloc(v->items, (size_t)cap * sizeof(KrObject *));
        if (!items) return -1;
        v->items = items;
        v->cap = cap;
    }
    v->items[v->n++] = o;
    return 0;
}

/* Clears every weak reference to an unreachable object before any Python code runs
 * (a callback must not be able to reach garbage through a live weakref), then calls
 * the callbacks of the weakrefs that are themselves alive. Weakrefs that are garbage
 * are cleared without their callbacks. Returns how many of the called weakrefs died. */
static kr_ssize handle_weakrefs(KrGCHead *unreachable) {
    ObjVec calls = {0};
    for (KrGCHead *g = gc_next(unreachable); g != unreachable; g = gc_next(g)) {
        KrObject *o = FROM_GC(g);
        if (kr_weakref_check(o)) kr_weakref_clear_ref(o);
        kr_ssize off = KR_TYPE(o)->tp_weaklistoffset;
        if (off <= 0) continue;
        KrObject **list = (KrObject **)((char *)o + off);
        while (*list) {
            KrObject *wr = *list;
            kr_weakref_clear_ref(wr); /* unlinks wr: *list moves on */
            if (!kr_weakref_has_callback(wr)) continue;
            if (has_gc_head(wr) && gc_is_collecting(AS_GC(wr))) continue; /* garbage too */
            if (vec_push(&calls, wr) < 0) {
                kr_err_clear(); /* out of memory: this callback is skipped */
                continue;
            }
            kr_incref(wr);
        }
    }
    kr_ssize freed = 0;
    for (kr_ssize i = 0; i < calls.n; i++) {
        KrObject *wr = calls.items[i];
        kr_weakref_run_callback(wr);
        if (kr_refcnt(wr) == 1) freed++;
        kr_decref(wr);
    }
    kr_mem_free(calls.items);
    return freed;
}

/* tp_finalize on every object that has one and has not been finalised. Finalisers
 * may free or untrack anything, so each object moves to `seen` before its finaliser
 * runs and the loop always restarts from the head of the list. */
static void finalize_garbage(KrGCHead *collectable) {
    KrGCHead seen;
    list_init(&seen);
    while (!list_is_empty(collectable)) {
        KrGCHead *g = gc_next(collectable);
        KrObject *o = FROM_GC(g);
        list_move(g, &seen);
        if (!(g->gc_prev & PREV_FINALIZED) && KR_TYPE(o)->tp_finalize) {
            g->gc_prev |= PREV_FINALIZED;
            kr_incref(o);
            KR_TYPE(o)->tp_finalize(o);
            if (kr_err_occurred()) kr_err_write_unraisable(o, NULL);
            kr_decref(o);
        }
    }
    list_merge(&seen, collectable);
}

static void debug_object(const char *what, KrObject *o) {
    char buf[160];
    snprintf(buf, sizeof buf, "gc: %s <%s %p>\n", what, KR_TYPE(o)->tp_name, (void *)o);
    kr_sys_write_stderr(buf, (kr_ssize)strlen(buf));
}

/* Breaks the cycles: tp_clear drops each object's references, reference counting
 * frees the rest. An object that survives its tp_clear (something outside still
 * holds it after all) moves to `old`. */
static void delete_garbage(KrGCHead *collectable, KrGCHead *old) {
    KrGCState *st = &kr_gc_state;
    while (!list_is_empty(collectable)) {
        KrGCHead *g = gc_next(collectable);
        KrObject *o = FROM_GC(g);
        if (st->debug & KR_GC_DEBUG_SAVEALL) {
            if (st->garbage && kr_list_append(st->garbage, o) < 0) kr_err_clear();
        } else {
            kr_inquiry clear = KR_TYPE(o)->tp_clear;
            if (clear) {
                kr_incref(o);
                clear(o);
                if (kr_err_occurred())
                    kr_err_write_unraisable(NULL, "Exception ignored in tp_clear of");
                kr_decref(o);
            }
        }
        if (gc_next(collectable) == g) {
            g->gc_prev &= ~PREV_COLLECTING;
            list_move(g, old);
        }
    }
}

/* ---------------------------------------------------------------------------
 * One collection
 * ------------------------------------------------------------------------- */

static void write_stderr(const char *s) { kr_sys_write_stderr(s, (kr_ssize)strlen(s)); }

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static kr_ssize collect(int generation, kr_ssize *n_uncollectable) {
    KrGCState *st = &kr_gc_state;
    double t0 = 0;
    if (st->debug & KR_GC_DEBUG_STATS) {
        char buf[200];
        t0 = now_seconds();
        snprintf(buf, sizeof buf,
                 "gc: collecting generation %d...\n"
                 "gc: objects in each generation: %zd %zd %zd\n"
                 "gc: objects in permanent generation: %zd\n",
                 generation, list_size(&generations[0]), list_size(&generations[1]),
                 list_size(&generations[2]), list_size(&permanent));
        write_stderr(buf);
    }

    if (generation + 1 < KR_GC_NGENERATIONS) st->count[generation + 1]++;
    for (int i = 0; i <= generation; i++)
        st->count[i] = 0;
    for (int i = 0; i < generation; i++)
        list_merge(&generations[i], &generations[generation]);

    KrGCHead *young = &generations[generation];
    KrGCHead *old = generation < KR_GC_NGENERATIONS - 1 ? &generations[generation + 1] : young;
    KrGCHead unreachable;
    list_init(&unreachable);
    deduce_unreachable(young, &unreachable);

    if (young != old) {
        if (generation == KR_GC_NGENERATIONS - 2) long_lived_pending += list_size(young);
        list_merge(young, old);
    } else {
        long_lived_pending = 0;
        long_lived_total = list_size(young);
    }

    kr_ssize m = 0;
    for (KrGCHead *g = gc_next(&unreachable); g != &unreachable; g = gc_next(g)) {
        m++;
        if (st->debug & KR_GC_DEBUG_COLLECTABLE) debug_object("collectable", FROM_GC(g));
    }

    m += handle_weakrefs(&unreachable);
    finalize_garbage(&unreachable);

    /* finalisers may have stored garbage somewhere reachable: only what is still
     * unreachable afterwards gets cleared */
    KrGCHead final_unreachable;
    list_init(&final_unreachable);
    clear_collecting(&unreachable);
    deduce_unreachable(&unreachable, &final_unreachable);
    list_merge(&unreachable, old);

    delete_garbage(&final_unreachable, old);

    st->stats[generation].collections++;
    st->stats[generation].collected += m;
    *n_uncollectable = 0;
    if (st->debug & KR_GC_DEBUG_STATS) {
        char buf[160];
        snprintf(buf, sizeof buf, "gc: done, %zd unreachable, 0 uncollectable, %.4fs elapsed\n", m,
                 now_seconds() - t0);
        write_stderr(buf);
    }
    return m;
}

/* gc.callbacks: each called with (phase, {"generation", "collected", "uncollectable"}). */
static void invoke_callbacks(const char *phase, int generation, kr_ssize collected,
                             kr_ssize uncollectable) {
    KrObject *cbs = kr_gc_state.callbacks;
    if (!cbs || !KR_LIST_CHECK(cbs) || KR_SIZE(cbs) == 0) return;
    KrObject *snapshot = kr_list_as_tuple(cbs); /* callbacks may edit gc.callbacks */
    KrObject *info = kr_dict_new();
    KrObject *ph = kr_str_from_cstr(phase);
    KrObject *g = kr_int_from_i64(generation), *c = kr_int_from_ssize(collected),
             *u = kr_int_from_ssize(uncollectable);
    if (!snapshot || !info || !ph || !g || !c || !u ||
        kr_dict_set_item_str(info, "generation", g) < 0 ||
        kr_dict_set_item_str(info, "collected", c) < 0 ||
        kr_dict_set_item_str(info, "uncollectable", u) < 0) {
        kr_err_write_unraisable(NULL, "Exception ignored on invoking gc callbacks");
    } else {
        for (kr_ssize i = 0; i < KR_SIZE(snapshot); i++) {
            KrObject *cb = KR_TUPLE_ITEM(snapshot, i);
            KrObject *args[2] = {ph, info};
            KrObject *r = kr_vectorcall(cb, args, 2, NULL);
            if (r)
                KR_DECREF(r);
            else
                kr_err_write_unraisable(cb, NULL);
        }
    }
    KR_XDECREF(snapshot);
    KR_XDECREF(info);
    KR_XDECREF(ph);
    KR_XDECREF(g);
    KR_XDECREF(c);
    KR_XDECREF(u);
}

static kr_ssize collect_with_callbacks(int generation) {
    KrGCState *st = &kr_gc_state;
    st->collecting = true;
    KrObject *saved = kr_err_fetch();
    invoke_callbacks("start", generation, 0, 0);
    kr_ssize uncollectable = 0;
    kr_ssize n = collect(generation, &uncollectable);
    invoke_callbacks("stop", generation, n, uncollectable);
    kr_err_restore(saved);
    st->collecting = false;
    return n + uncollectable;
}

static void collect_generations(void) {
    KrGCState *st = &kr_gc_state;
    for (int i = KR_GC_NGENERATIONS - 1; i >= 0; i--) {
        if (st->count[i] > st->threshold[i]) {
            if (i == KR_GC_NGENERATIONS - 1 && long_lived_pending < long_lived_total / 4) continue;
            collect_with_callbacks(i);
            break;
        }
    }
}

kr_ssize kr_gc_collect(int generation) {
    if (generation < 0 || generation >= KR_GC_NGENERATIONS) generation = KR_GC_NGENERATIONS - 1;
    if (kr_gc_state.collecting) return 0;
    return collect_with_callbacks(generation);
}

/* ---------------------------------------------------------------------------
 * Introspection for the gc module
 * ------------------------------------------------------------------------- */

int kr_gc_foreach_object(int generation, int (*fn)(KrObject *o, void *arg), void *arg) {
    /* fn may allocate: no automatic collection may reshape the lists meanwhile */
    bool was = kr_gc_state.collecting;
    kr_gc_state.collecting = true;
    int r = 0;
    for (int i = 0; i < KR_GC_NGENERATIONS && !r; i++) {
        if (generation >= 0 && i != generation) continue;
        KrGCHead *l = &generations[i];
        for (KrGCHead *g = gc_next(l); g != l && !r; g = gc_next(g))
            r = fn(FROM_GC(g), arg);
    }
    kr_gc_state.collecting = was;
    return r;
}

kr_ssize kr_gc_generation_size(int generation) {
    if (generation == KR_GC_NGENERATIONS) return list_size(&permanent);
    return list_size(&generations[generation]);
}

void kr_gc_freeze(void) {
    for (int i = 0; i < KR_GC_NGENERATIONS; i++) {
        list_merge(&generations[i], &permanent);
        kr_gc_state.count[i] = 0;
    }
}

void kr_gc_unfreeze(void) { list_merge(&permanent, &generations[KR_GC_NGENERATIONS - 1]); }

/* ---------------------------------------------------------------------------
 * Shutdown
 * ------------------------------------------------------------------------- */

void kr_gc_fini(void) {
    KrObject *saved = kr_err_fetch();
    KrObject *main_mod =
        kr_interp.modules ? kr_dict_get_item_str(kr_interp.modules, "__main__") : NULL;
    if (main_mod && KR_TYPE_IS(main_mod, &kr_module_type)) {
        KR_INCREF(main_mod);
        KrObject *d = kr_module_get_dict(main_mod);
        if (d) kr_module_clear_dict(d);
        KR_DECREF(main_mod);
    }
    kr_err_clear();
    kr_gc_collect(KR_GC_NGENERATIONS - 1);
    kr_err_restore(saved);
}
