/* flowgraph.c - passes over a unit's control-flow graph before assembly: small
 * peepholes, removal of unreachable code, the generator / closure prefix, labelling
 * each instruction with its exception handler (from SETUP_* / POP_BLOCK), stack depth
 * from the opcode table's stack effects, LOAD_FAST -> LOAD_FAST_CHECK where a local
 * may be unbound, and line-number propagation to artificial instructions. */
#include <string.h>

#include "cinternal.h"

/* ======================================================================
 * Stack effects (real opcodes from kr_opcodes.def, plus the pseudo-ops)
 * ==================================================================== */
int fg_stack_pop(int op, int arg, int jump) {
    if (is_pseudo(op)) return 0;
    return kr_opcode_stack_pop(op, arg, jump);
}

int fg_stack_push(int op, int arg, int jump) {
    if (!is_pseudo(op)) return kr_opcode_stack_push(op, arg, jump);
    if (!jump) return 0;
    switch (op) {
    case OP_SETUP_FINALLY:
        return 1; /* exc */
    case OP_SETUP_CLEANUP:
        return 2; /* lasti, exc */
    case OP_SETUP_WITH:
        return 1; /* lasti, exc replacing the __enter__ result */
    default:
        return 0;
    }
}

static int has_target(const Instr *in) {
    if (is_pseudo(in->op)) return in->op != OP_POP_BLOCK;
    return (kr_opcode_info[in->op].flags & KR_OPF_JUMP) != 0;
}

static int is_uncond_jump(int op) {
    return op == OP_JUMP || op == OP_JUMP_NO_INTERRUPT || op == KR_OP_JUMP_FORWARD ||
           op == KR_OP_JUMP_BACKWARD || op == KR_OP_JUMP_BACKWARD_NO_INTERRUPT;
}

static int no_fallthrough(const Instr *in) {
    if (is_pseudo(in->op)) return in->op == OP_JUMP || in->op == OP_JUMP_NO_INTERRUPT;
    return (kr_opcode_info[in->op].flags & KR_OPF_NOFALLTHROUGH) != 0;
}

static Instr *last_instr(Block *b) { return b->n ? &b->instrs[b->n - 1] : NULL; }

static int block_falls_through(Block *b) {
    Instr *l = last_instr(b);
    return !l || !no_fallthrough(l);
}

/* ======================================================================
 * Worklist
 * ==================================================================== */
typedef struct {
    Block **items;
    int n, cap;
} Worklist;

static int wl_push(Worklist *w, Block *b) {
    if (w->n == w->cap) {
        int ncap = w->cap ? w->cap * 2 : 32;
        Block **p = kr_mem_realloc(w->items, sizeof(Block *) * ncap);
        if (!p) return -1;
        w->items = p;
        w->cap = ncap;
    }
    w->items[w->n++] = b;
    return 0;
}

static void clear_visited(Unit *u) {
    for (Block *b = u->blocks; b; b = b->alloc_next)
        b->visited = 0;
}

/* ======================================================================
 * Peepholes
 * ==================================================================== */
/* LOAD_CONST c1 ... LOAD_CONST cn; BUILD_TUPLE n  ->  LOAD_CONST (c1, ..., cn) */
static int fold_tuple_of_constants(Compiler *c, Unit *u, Block *b, int i) {
    Instr *in = &b->instrs[i];
    int n = in->arg;
    if (n > i) return 0;
    for (int k = i - n; k < i; k++)
        if (b->instrs[k].op != KR_OP_LOAD_CONST) return 0;
    KrObject *t = kr_tuple_new(n);
    if (!t) return -1;
    for (int k = 0; k < n; k++) {
        KrObject *v = u->consts.items[b->instrs[i - n + k].arg];
        KR_INCREF(v);
        KR_TUPLE_ITEM(t, k) = v;
    }
    Unit *saved = c->u;
    c->u = u;
    int idx = cg_add_const(c, t);
    c->u = saved;
    KR_DECREF(t);
    if (idx < 0) return -1;
    for (int k = i - n; k < i; k++)
        b->instrs[k].op = KR_OP_NOP;
    in->op = KR_OP_LOAD_CONST;
    in->arg = idx;
    return 0;
}

static int peephole(Compiler *c, Unit *u) {
    for (Block *b = u->entry; b; b = b->next)
        for (int i = 0; i < b->n; i++)
            if (b->instrs[i].op == KR_OP_BUILD_TUPLE && fold_tuple_of_constants(c, u, b, i) < 0)
                return -1;
    for (Block *b = u->entry; b; b = b->next) {
        for (int i = 0; i + 1 < b->n; i++) {
            Instr *in = &b->instrs[i], *nx = &b->instrs[i + 1];
            if (in->op == KR_OP_PUSH_NULL && nx->op == KR_OP_LOAD_GLOBAL && !(nx->arg & 1)) {
                /* PUSH_NULL; LOAD_GLOBAL x  ->  LOAD_GLOBAL (NULL + x) */
                in->op = KR_OP_NOP;
                nx->arg |= 1;
            } else if (in->op == KR_OP_LOAD_CONST && nx->op == KR_OP_RETURN_VALUE) {
                nx->op = KR_OP_RETURN_CONST;
                nx->arg = in->arg;
                in->op = KR_OP_NOP;
            }
        }
    }
    return 0;
}

/* ======================================================================
 * Reachability
 * ==================================================================== */
static int mark_reachable(Unit *u) {
    Worklist w = {0};
    for (Block *b = u->blocks; b; b = b->alloc_next)
        b->reachable = 0;
    u->entry->reachable = 1;
    if (wl_push(&w, u->entry) < 0) return -1;
    while (w.n) {
        Block *b = w.items[--w.n];
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instrs[i];
            if (has_target(in) && in->target && !in->target->reachable) {
                in->target->reachable = 1;
                if (wl_push(&w, in->target) < 0) goto oom;
            }
        }
        if (block_falls_through(b) && b->next && !b->next->reachable) {
            b->next->reachable = 1;
            if (wl_push(&w, b->next) < 0) goto oom;
        }
    }
    kr_mem_free(w.items);
    for (Block *b = u->entry; b; b = b->next)
        if (!b->reachable) b->n = 0;
    return 0;
oom:
    kr_mem_free(w.items);
    return -1;
}

/* ======================================================================
 * Prefix: closures, cells and generator creation come before RESUME
 * ==================================================================== */
static int insert_prefix(Unit *u, int code_flags) {
    int ncells = u->cellvars.n, nfree = u->freevars.n;
    int gen = (code_flags & (KR_CO_GENERATOR | KR_CO_COROUTINE | KR_CO_ASYNC_GENERATOR)) != 0;
    int extra = (nfree ? 1 : 0) + ncells + (gen ? 2 : 0);
    if (!extra) return 0;
    Block *e = u->entry;
    if (e->n + extra > e->cap) {
        Instr *p = kr_mem_realloc(e->instrs, sizeof(Instr) * (e->n + extra));
        if (!p) return -1;
        e->instrs = p;
        e->cap = e->n + extra;
    }
    memmove(&e->instrs[extra], &e->instrs[0], sizeof(Instr) * e->n);
    e->n += extra;
    int k = 0;
    if (nfree) e->instrs[k++] = (Instr){KR_OP_COPY_FREE_VARS, nfree, NULL, NULL, NO_LOC};
    for (int i = 0; i < ncells; i++)
        e->instrs[k++] = (Instr){KR_OP_MAKE_CELL, i, NULL, NULL, NO_LOC};
    if (gen) {
        Loc l = {u->firstlineno, u->firstlineno, -1, -1};
        e->instrs[k++] = (Instr){KR_OP_RETURN_GENERATOR, 0, NULL, NULL, l};
        e->instrs[k++] = (Instr){KR_OP_POP_TOP, 0, NULL, NULL, NO_LOC};
    }
    return 0;
}

/* ======================================================================
 * Exception handlers: which handler covers each instruction
 * ==================================================================== */
typedef struct {
    Block **h;
    int depth;
} ExStack;

static ExStack *exstack_copy(const ExStack *s) {
    ExStack *c = kr_mem_malloc(sizeof(ExStack));
    if (!c) return NULL;
    c->depth = s ? s->depth : 0;
    c->h = kr_mem_malloc(sizeof(Block *) * (c->depth + 1));
    if (!c->h) {
        kr_mem_free(c);
        return NULL;
    }
    if (c->depth) memcpy(c->h, s->h, sizeof(Block *) * c->depth);
    return c;
}

static void exstack_free(ExStack *s) {
    if (!s) return;
    kr_mem_free(s->h);
    kr_mem_free(s);
}

static int label_exception_targets(Unit *u) {
    Worklist w = {0};
    clear_visited(u);
    u->entry->exstack = exstack_copy(NULL);
    if (!u->entry->exstack) return -1;
    u->entry->visited = 1;
    if (wl_push(&w, u->entry) < 0) goto fail;
    while (w.n) {
        Block *b = w.items[--w.n];
        ExStack *st = b->exstack;
        b->exstack = NULL;
        Block *handler = st->depth ? st->h[st->depth - 1] : NULL;
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instrs[i];
            if (is_block_push(in->op)) {
                Block *t = in->target;
                if (!t->visited) {
                    t->exstack = exstack_copy(st);
                    if (!t->exstack || wl_push(&w, t) < 0) goto fail_st;
                    t->visited = 1;
                }
                t->except_handler = 1;
                if (in->op == OP_SETUP_CLEANUP || in->op == OP_SETUP_WITH) t->preserve_lasti = 1;
                Block **nh = kr_mem_realloc(st->h, sizeof(Block *) * (st->depth + 1));
                if (!nh) goto fail_st;
                st->h = nh;
                st->h[st->depth++] = t;
                handler = t;
            } else if (in->op == OP_POP_BLOCK) {
                if (st->depth) st->depth--;
                handler = st->depth ? st->h[st->depth - 1] : NULL;
            } else if (has_target(in)) {
                in->except = handler;
                Block *t = in->target;
                if (!t->visited) {
                    t->exstack = exstack_copy(st);
                    if (!t->exstack || wl_push(&w, t) < 0) goto fail_st;
                    t->visited = 1;
                }
            } else {
                if (in->op == KR_OP_YIELD_VALUE) in->arg = st->depth;
                in->except = handler;
            }
        }
        if (block_falls_through(b) && b->next && !b->next->visited) {
            b->next->exstack = exstack_copy(st);
            if (!b->next->exstack || wl_push(&w, b->next) < 0) goto fail_st;
            b->next->visited = 1;
        }
        exstack_free(st);
        continue;
    fail_st:
        exstack_free(st);
        goto fail;
    }
    kr_mem_free(w.items);
    return 0;
fail:
    kr_mem_free(w.items);
    for (Block *b = u->blocks; b; b = b->alloc_next) {
        exstack_free(b->exstack);
        b->exstack = NULL;
    }
    return -1;
}

/* ======================================================================
 * Stack depth
 * ==================================================================== */
static int set_depth(Worklist *w, Block *b, int depth) {
    if (b->startdepth < 0) {
        b->startdepth = depth;
        return wl_push(w, b);
    }
    if (b->startdepth != depth) {
        kr_err_format(kr_exc_SystemError, "compiler: inconsistent stack depth (%d vs %d)",
                      b->startdepth, depth);
        return -1;
    }
    return 0;
}

static int stackdepth(Unit *u, int *out) {
    Worklist w = {0};
    for (Block *b = u->blocks; b; b = b->alloc_next)
        b->startdepth = -1;
    int maxdepth = 0;
    if (set_depth(&w, u->entry, 0) < 0) goto fail;
    while (w.n) {
        Block *b = w.items[--w.n];
        int depth = b->startdepth;
        int falls = 1;
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instrs[i];
            int pop = fg_stack_pop(in->op, in->arg, 0), push = fg_stack_push(in->op, in->arg, 0);
            if (pop < 0 || push < 0) {
                kr_err_format(kr_exc_SystemError, "compiler: unknown opcode %d", in->op);
                goto fail;
            }
            if (depth - pop < 0) {
                kr_err_format(kr_exc_SystemError, "compiler: stack underflow at opcode %d", in->op);
                goto fail;
            }
            int nd = depth - pop + push;
            if (nd > maxdepth) maxdepth = nd;
            if (has_target(in)) {
                int jd =
                    depth - fg_stack_pop(in->op, in->arg, 1) + fg_stack_push(in->op, in->arg, 1);
                if (jd > maxdepth) maxdepth = jd;
                if (set_depth(&w, in->target, jd) < 0) goto fail;
            }
            depth = nd;
            if (no_fallthrough(in)) {
                falls = 0;
                break;
            }
        }
        if (falls && b->next && set_depth(&w, b->next, depth) < 0) goto fail;
    }
    kr_mem_free(w.items);
    *out = maxdepth;
    return 0;
fail:
    kr_mem_free(w.items);
    return -1;
}

/* ======================================================================
 * LOAD_FAST -> LOAD_FAST_CHECK for locals that may be unbound
 * ==================================================================== */
static void scan_block(Block *b, uint64_t *state, int convert, Worklist *w, int *changed) {
    uint64_t unsafe = *state;
    for (int i = 0; i < b->n; i++) {
        Instr *in = &b->instrs[i];
        if (in->except && !convert) {
            uint64_t nu = in->except->unsafe | unsafe;
            if (nu != in->except->unsafe) {
                in->except->unsafe = nu;
                *changed = 1;
                if (w) wl_push(w, in->except);
            }
        }
        if (in->arg >= 64 && (in->op == KR_OP_LOAD_FAST || in->op == KR_OP_STORE_FAST ||
                              in->op == KR_OP_DELETE_FAST))
            continue;
        uint64_t bit = (uint64_t)1 << (in->arg & 63);
        switch (in->op) {
        case KR_OP_DELETE_FAST:
            unsafe |= bit;
            break;
        case KR_OP_STORE_FAST:
            unsafe &= ~bit;
            break;
        case KR_OP_LOAD_FAST_CHECK:
            unsafe &= ~bit;
            break;
        case KR_OP_LOAD_FAST:
            if (convert && (unsafe & bit)) in->op = KR_OP_LOAD_FAST_CHECK;
            unsafe &= ~bit;
            break;
        default:
            if (has_target(in) && !convert && !is_block_push(in->op)) {
                uint64_t nu = in->target->unsafe | unsafe;
                if (nu != in->target->unsafe) {
                    in->target->unsafe = nu;
                    *changed = 1;
                    if (w) wl_push(w, in->target);
                }
            }
            break;
        }
    }
    *state = unsafe;
}

/* Locals >= 64 get a simple in-block analysis: a load after a store in the same
 * block is safe, anything else is checked (parameters are safe unless deleted). */
static void check_many_locals(Unit *u, int nparams) {
    int nlocals = u->varnames.n;
    if (nlocals <= 64) return;
    char *deleted = kr_mem_calloc(nlocals, 1);
    char *stored = kr_mem_calloc(nlocals, 1);
    if (!deleted || !stored) {
        kr_err_clear();
        kr_mem_free(deleted);
        kr_mem_free(stored);
        /* fall back to checking everything */
        for (Block *b = u->entry; b; b = b->next)
            for (int i = 0; i < b->n; i++)
                if (b->instrs[i].op == KR_OP_LOAD_FAST && b->instrs[i].arg >= 64)
                    b->instrs[i].op = KR_OP_LOAD_FAST_CHECK;
        return;
    }
    for (Block *b = u->entry; b; b = b->next)
        for (int i = 0; i < b->n; i++)
            if (b->instrs[i].op == KR_OP_DELETE_FAST) deleted[b->instrs[i].arg] = 1;
    for (Block *b = u->entry; b; b = b->next) {
        memset(stored, 0, nlocals);
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instrs[i];
            if (in->arg < 64) continue;
            if (in->op == KR_OP_STORE_FAST)
                stored[in->arg] = 1;
            else if (in->op == KR_OP_DELETE_FAST)
                stored[in->arg] = 0;
            else if (in->op == KR_OP_LOAD_FAST) {
                int safe = stored[in->arg] || (in->arg < nparams && !deleted[in->arg]);
                if (!safe) in->op = KR_OP_LOAD_FAST_CHECK;
            }
        }
    }
    kr_mem_free(deleted);
    kr_mem_free(stored);
}

static int add_checks_for_unbound_locals(Unit *u, int nparams) {
    int nlocals = u->varnames.n;
    uint64_t start = 0;
    for (int i = nparams; i < nlocals && i < 64; i++)
        start |= (uint64_t)1 << i;
    for (Block *b = u->blocks; b; b = b->alloc_next)
        b->unsafe = 0;
    u->entry->unsafe = start;
    /* iterate to a fixed point over the blocks in layout order */
    int changed = 1;
    while (changed) {
        changed = 0;
        for (Block *b = u->entry; b; b = b->next) {
            uint64_t st = b->unsafe;
            scan_block(b, &st, 0, NULL, &changed);
            if (block_falls_through(b) && b->next) {
                uint64_t nu = b->next->unsafe | st;
                if (nu != b->next->unsafe) {
                    b->next->unsafe = nu;
                    changed = 1;
                }
            }
        }
    }
    for (Block *b = u->entry; b; b = b->next) {
        uint64_t st = b->unsafe;
        int dummy = 0;
        scan_block(b, &st, 1, NULL, &dummy);
    }
    check_many_locals(u, nparams);
    return 0;
}

/* ======================================================================
 * Pseudo-ops, redundant jumps, line numbers, NOPs
 * ==================================================================== */
static Block *first_nonempty(Block *b) {
    while (b && b->n == 0)
        b = b->next;
    return b;
}

static void lower_pseudo(Unit *u) {
    for (Block *b = u->entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instrs[i];
            if (is_block_push(in->op) || in->op == OP_POP_BLOCK) {
                in->op = KR_OP_NOP;
                in->target = NULL;
                in->arg = 0;
            }
        }
    }
}

/* An unconditional jump to the code that follows anyway becomes a NOP. */
static void remove_redundant_jumps(Unit *u) {
    int changed = 1;
    while (changed) {
        changed = 0;
        for (Block *b = u->entry; b; b = b->next) {
            Instr *l = last_instr(b);
            if (!l || !is_uncond_jump(l->op)) continue;
            if (first_nonempty(l->target) == first_nonempty(b->next) && l->target != b) {
                Block *t = first_nonempty(l->target);
                if (t == first_nonempty(b)) continue; /* a jump to itself */
                l->op = KR_OP_NOP;
                l->target = NULL;
                changed = 1;
            }
        }
    }
}

static void count_predecessors(Unit *u) {
    for (Block *b = u->blocks; b; b = b->alloc_next)
        b->predecessors = 0;
    for (Block *b = u->entry; b; b = b->next) {
        if (!b->n) continue;
        for (int i = 0; i < b->n; i++)
            if (has_target(&b->instrs[i])) first_nonempty(b->instrs[i].target)->predecessors++;
        if (block_falls_through(b)) {
            Block *n = first_nonempty(b->next);
            if (n) n->predecessors++;
        }
    }
    first_nonempty(u->entry)->predecessors++;
}

static void propagate_line_numbers(Unit *u) {
    count_predecessors(u);
    for (Block *b = u->entry; b; b = b->next) {
        Instr *last = last_instr(b);
        if (!last) continue;
        Loc prev = NO_LOC;
        for (int i = 0; i < b->n; i++) {
            if (b->instrs[i].loc.line < 0)
                b->instrs[i].loc = prev;
            else
                prev = b->instrs[i].loc;
        }
        if (block_falls_through(b)) {
            Block *n = first_nonempty(b->next);
            if (n && n->predecessors == 1 && n->instrs[0].loc.line < 0) n->instrs[0].loc = prev;
        }
        if (has_target(last)) {
            Block *t = first_nonempty(last->target);
            if (t && t->predecessors == 1 && t->instrs[0].loc.line < 0) t->instrs[0].loc = prev;
        }
    }
}

static void remove_nops(Unit *u) {
    for (Block *b = u->entry; b; b = b->next) {
        int dst = 0;
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instrs[i];
            if (in->op == KR_OP_NOP) {
                int line = in->loc.line;
                int keep = line >= 0;
                if (keep && dst > 0 && b->instrs[dst - 1].loc.line == line) keep = 0;
                if (keep && i + 1 < b->n && b->instrs[i + 1].loc.line == line) keep = 0;
                if (keep && i + 1 == b->n) {
                    Block *n = first_nonempty(b->next);
                    if (!n)
                        keep = 0;
                    else if (n->instrs[0].loc.line == line)
                        keep = 0;
                }
                if (!keep) continue;
            }
            b->instrs[dst++] = *in;
        }
        b->n = dst;
    }
}

/* ======================================================================
 * Driver
 * ==================================================================== */
int fg_optimize(Compiler *c, Unit *u, int code_flags, int *stacksize) {
    RETURN_IF_ERROR(peephole(c, u));
    RETURN_IF_ERROR(mark_reachable(u));
    RETURN_IF_ERROR(insert_prefix(u, code_flags));
    RETURN_IF_ERROR(label_exception_targets(u));
    RETURN_IF_ERROR(stackdepth(u, stacksize));
    RETURN_IF_ERROR(add_checks_for_unbound_locals(u, u->ste->nvarnames));
    lower_pseudo(u);
    remove_redundant_jumps(u);
    propagate_line_numbers(u);
    remove_nops(u);
    return 0;
}
