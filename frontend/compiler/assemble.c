/* assemble.c - turns a unit's optimised control-flow graph into a code object:
 * lays out the blocks, picks jump directions (only JUMP_BACKWARD* go back), resolves
 * jump offsets and EXTENDED_ARG prefixes to a fixed point, maps cell/free variable
 * numbers to localsplus slots, and builds the wordcode, the per-code-unit location
 * table and the exception table for kr_code_new(). */
#include <string.h>

#include "cinternal.h"

typedef struct {
    Block **items;
    int n, cap;
} Layout;

static int layout_build(Unit *u, Layout *l) {
    l->n = 0;
    for (Block *b = u->entry; b; b = b->next) {
        if (l->n == l->cap) {
            int ncap = l->cap ? l->cap * 2 : 32;
            Block **p = kr_mem_realloc(l->items, sizeof(Block *) * ncap);
            if (!p) return -1;
            l->items = p;
            l->cap = ncap;
        }
        b->offset = l->n; /* layout index until real offsets are known */
        l->items[l->n++] = b;
    }
    return 0;
}

static int is_cond_jump(int op) {
    return op == KR_OP_POP_JUMP_IF_FALSE || op == KR_OP_POP_JUMP_IF_TRUE ||
           op == KR_OP_POP_JUMP_IF_NONE || op == KR_OP_POP_JUMP_IF_NOT_NONE;
}

static int invert_cond(int op) {
    switch (op) {
    case KR_OP_POP_JUMP_IF_FALSE:
        return KR_OP_POP_JUMP_IF_TRUE;
    case KR_OP_POP_JUMP_IF_TRUE:
        return KR_OP_POP_JUMP_IF_FALSE;
    case KR_OP_POP_JUMP_IF_NONE:
        return KR_OP_POP_JUMP_IF_NOT_NONE;
    default:
        return KR_OP_POP_JUMP_IF_NONE;
    }
}

static int jump_is_backward(const Block *from, const Instr *in) {
    return in->target->offset <= from->offset;
}

/* Conditional jumps only go forward: `if c goto back` becomes
 * `if !c goto next; JUMP_BACKWARD back`. */
static int normalize_jumps(Compiler *c, Unit *u, Layout *l) {
    int changed = 0;
    for (int i = 0; i < l->n; i++) {
        Block *b = l->items[i];
        if (!b->n) continue;
        Instr *last = &b->instrs[b->n - 1];
        if (last->target && (last->op == KR_OP_FOR_ITER || last->op == KR_OP_SEND) &&
            jump_is_backward(b, last)) {
            kr_err_set_string(kr_exc_SystemError, "compiler: backward FOR_ITER/SEND");
            return -1;
        }
        if (!is_cond_jump(last->op) || !jump_is_backward(b, last)) continue;
        Unit *saved = c->u;
        c->u = u;
        Block *nb = cg_new_block(c);
        c->u = saved;
        if (!nb) return -1;
        nb->instrs = kr_mem_malloc(sizeof(Instr));
        if (!nb->instrs) return -1;
        nb->n = nb->cap = 1;
        nb->instrs[0] = (Instr){KR_OP_JUMP_BACKWARD, 0, last->target, last->except, last->loc};
        nb->startdepth = b->startdepth;
        last->op = invert_cond(last->op);
        last->target = b->next;
        nb->next = b->next;
        b->next = nb;
        changed = 1;
    }
    if (changed) return layout_build(u, l);
    return 0;
}

static int ext_count(unsigned arg) {
    if (arg > 0xFFFFFF) return 3;
    if (arg > 0xFFFF) return 2;
    if (arg > 0xFF) return 1;
    return 0;
}

static int instr_size(const Instr *in) {
    return ext_count((unsigned)in->arg) + 1 + kr_opcode_info[in->op].cache_entries;
}

/* Offsets and jump arguments, iterated until the EXTENDED_ARG sizes settle. */
static int resolve_jumps(Layout *l, int *total) {
    for (int iter = 0; iter < 100; iter++) {
        int off = 0;
        for (int i = 0; i < l->n; i++) {
            Block *b = l->items[i];
            b->offset = off;
            for (int k = 0; k < b->n; k++)
                off += instr_size(&b->instrs[k]);
        }
        *total = off;
        int changed = 0;
        for (int i = 0; i < l->n; i++) {
            Block *b = l->items[i];
            int o = b->offset;
            for (int k = 0; k < b->n; k++) {
                Instr *in = &b->instrs[k];
                int size = instr_size(in);
                if ((kr_opcode_info[in->op].flags & KR_OPF_JUMP) && in->target) {
                    int after = o + size;
                    int tgt = in->target->offset;
                    int arg;
                    if (in->op == KR_OP_JUMP_BACKWARD || in->op == KR_OP_JUMP_BACKWARD_NO_INTERRUPT)
                        arg = after - tgt;
                    else
                        arg = tgt - after;
                    if (arg < 0) {
                        kr_err_format(kr_exc_SystemError, "compiler: bad jump direction (%s)",
                                      kr_opcode_info[in->op].name);
                        return -1;
                    }
                    if (arg != in->arg) {
                        if (ext_count((unsigned)arg) != ext_count((unsigned)in->arg)) changed = 1;
                        in->arg = arg;
                    }
                }
                o += size;
            }
        }
        if (!changed) return 0;
    }
    kr_err_set_string(kr_exc_SystemError, "compiler: jump offsets do not converge");
    return -1;
}

static int find_name(NameTable *t, const char *name) {
    for (int i = 0; i < t->n; i++)
        if (strcmp(t->items[i], name) == 0) return i;
    return -1;
}

static KrObject *names_tuple(const char *const *items, int n) {
    KrObject *t = kr_tuple_new(n);
    if (!t) return NULL;
    for (int i = 0; i < n; i++) {
        KrObject *s = kr_str_intern_cstr(items[i]);
        if (!s) {
            KR_DECREF(t);
            return NULL;
        }
        KR_INCREF(s);
        KR_TUPLE_ITEM(t, i) = s;
    }
    return t;
}

KrObject *asm_build_code(Compiler *c, Unit *u, int code_flags, int stacksize) {
    KrObject *result = NULL;
    Layout l = {0};
    int *deref_map = NULL;
    const char **lpnames = NULL;
    uint8_t *kinds = NULL;
    KrCodeUnit *code = NULL;
    KrCodeLocation *locs = NULL;
    KrExcTableEntry *exc = NULL;
    KrObject *consts = NULL, *names = NULL, *lpn = NULL;

    if (layout_build(u, &l) < 0) goto done;
    if (normalize_jumps(c, u, &l) < 0) goto done;

    /* jump pseudo-ops -> real jumps, now that the direction is known */
    for (int i = 0; i < l.n; i++) {
        Block *b = l.items[i];
        for (int k = 0; k < b->n; k++) {
            Instr *in = &b->instrs[k];
            if (in->op == OP_JUMP)
                in->op = jump_is_backward(b, in) ? KR_OP_JUMP_BACKWARD : KR_OP_JUMP_FORWARD;
            else if (in->op == OP_JUMP_NO_INTERRUPT)
                in->op =
                    jump_is_backward(b, in) ? KR_OP_JUMP_BACKWARD_NO_INTERRUPT : KR_OP_JUMP_FORWARD;
            if (is_pseudo(in->op)) {
                kr_err_format(kr_exc_SystemError, "compiler: pseudo-op %d left", in->op);
                goto done;
            }
            if ((kr_opcode_info[in->op].flags & KR_OPF_JUMP) && in->target) in->arg = 0;
        }
    }

    /* localsplus: varnames, cells that are not parameters, free variables */
    int nlocals = u->varnames.n, ncells = u->cellvars.n, nfree = u->freevars.n;
    int nparams = u->ste->nvarnames;
    deref_map = kr_mem_malloc(sizeof(int) * (ncells + nfree + 1));
    lpnames = kr_mem_malloc(sizeof(char *) * (nlocals + ncells + nfree + 1));
    kinds = kr_mem_calloc(nlocals + ncells + nfree + 1, 1);
    if (!deref_map || !lpnames || !kinds) goto done;
    int nlp = 0;
    for (int i = 0; i < nlocals; i++) {
        lpnames[nlp] = u->varnames.items[i];
        kinds[nlp] = i < nparams ? (KR_LOCAL_KIND_ARG | KR_LOCAL_KIND_LOCAL) : KR_LOCAL_KIND_LOCAL;
        nlp++;
    }
    for (int i = 0; i < ncells; i++) {
        int vi = find_name(&u->varnames, u->cellvars.items[i]);
        if (vi >= 0) {
            kinds[vi] |= KR_LOCAL_KIND_CELL;
            deref_map[i] = vi;
        } else {
            lpnames[nlp] = u->cellvars.items[i];
            kinds[nlp] = KR_LOCAL_KIND_CELL;
            deref_map[i] = nlp++;
        }
    }
    for (int i = 0; i < nfree; i++) {
        lpnames[nlp] = u->freevars.items[i];
        kinds[nlp] = KR_LOCAL_KIND_FREE;
        deref_map[ncells + i] = nlp++;
    }
    for (int i = 0; i < l.n; i++) {
        Block *b = l.items[i];
        for (int k = 0; k < b->n; k++)
            if (is_deref_op(b->instrs[k].op)) b->instrs[k].arg = deref_map[b->instrs[k].arg];
    }

    int total = 0;
    if (resolve_jumps(&l, &total) < 0) goto done;

    code = kr_mem_malloc(sizeof(KrCodeUnit) * (total + 1));
    locs = kr_mem_malloc(sizeof(KrCodeLocation) * (total + 1));
    exc = kr_mem_malloc(sizeof(KrExcTableEntry) * (total + 1));
    if (!code || !locs || !exc) goto done;
    int pos = 0, nexc = 0;
    Block *cur_handler = NULL;
    for (int i = 0; i < l.n; i++) {
        Block *b = l.items[i];
        for (int k = 0; k < b->n; k++) {
            Instr *in = &b->instrs[k];
            unsigned arg = (unsigned)in->arg;
            int start = pos;
            int ext = ext_count(arg);
            KrCodeLocation loc = {in->loc.line, in->loc.end_line, in->loc.col, in->loc.end_col};
            if (loc.line < 0) loc = (KrCodeLocation){-1, -1, -1, -1};
            for (int e = ext; e > 0; e--) {
                locs[pos] = loc;
                code[pos++] = KR_CU_MAKE(KR_OP_EXTENDED_ARG, (arg >> (8 * e)) & 0xFF);
            }
            locs[pos] = loc;
            code[pos++] = KR_CU_MAKE(in->op, arg & 0xFF);
            for (int e = 0; e < kr_opcode_info[in->op].cache_entries; e++) {
                locs[pos] = loc;
                code[pos++] = 0;
            }
            /* exception table: runs of instructions with the same handler */
            Block *h = in->except;
            if (h != cur_handler || (h && nexc && exc[nexc - 1].end != (uint32_t)start)) {
                if (h) {
                    Block *t = h;
                    while (t && t->n == 0)
                        t = t->next;
                    int depth = h->startdepth - 1 - (h->preserve_lasti ? 1 : 0);
                    if (!t || depth < 0) {
                        kr_err_set_string(kr_exc_SystemError, "compiler: bad exception handler");
                        goto done;
                    }
                    exc[nexc++] =
                        (KrExcTableEntry){(uint32_t)start, (uint32_t)pos, (uint32_t)t->offset,
                                          (uint16_t)depth, (uint8_t)h->preserve_lasti};
                }
                cur_handler = h;
            } else if (h) {
                exc[nexc - 1].end = (uint32_t)pos;
            }
        }
    }

    consts = kr_tuple_new(u->consts.n);
    if (!consts) goto done;
    for (int i = 0; i < u->consts.n; i++) {
        KR_INCREF(u->consts.items[i]);
        KR_TUPLE_ITEM(consts, i) = u->consts.items[i];
    }
    names = names_tuple(u->names.items, u->names.n);
    if (!names) goto done;
    lpn = names_tuple(lpnames, nlp);
    if (!lpn) goto done;

    KrCodeSpec spec;
    memset(&spec, 0, sizeof spec);
    spec.code = code;
    spec.ncodeunits = total;
    spec.consts = consts;
    spec.names = names;
    spec.localsplusnames = lpn;
    spec.localspluskinds = kinds;
    spec.argcount = u->argcount;
    spec.posonlyargcount = u->posonlyargcount;
    spec.kwonlyargcount = u->kwonlyargcount;
    spec.stacksize = stacksize;
    spec.flags = code_flags;
    spec.firstlineno = u->firstlineno;
    spec.filename = c->filename;
    spec.name = u->name;
    spec.qualname = u->qualname;
    spec.exctable = exc;
    spec.nexctable = nexc;
    spec.locations = locs;
    result = kr_code_new(&spec);
done:
    if (!result && !kr_err_occurred()) kr_err_no_memory();
    KR_XDECREF(consts);
    KR_XDECREF(names);
    KR_XDECREF(lpn);
    kr_mem_free(l.items);
    kr_mem_free(deref_map);
    kr_mem_free(lpnames);
    kr_mem_free(kinds);
    kr_mem_free(code);
    kr_mem_free(locs);
    kr_mem_free(exc);
    return result;
}
