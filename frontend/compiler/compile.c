/* compile.c - the compiler driver: compilation units, constant and name tables,
 * instruction emission into basic blocks, name resolution (LOAD_FAST / LOAD_DEREF /
 * LOAD_GLOBAL / LOAD_NAME), simple statements, functions, classes and the module.
 * Loops, try/with, expressions and match statements live in the sibling files. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cinternal.h"

/* ======================================================================
 * Errors
 * ==================================================================== */
int cg_error(Compiler *c, Loc loc, const char *fmt, ...) {
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int line = loc.line, end_line = loc.end_line, col = loc.col, end_col = loc.end_col;
    if (line < 0) {
        line = c->u ? c->u->firstlineno : 1;
        end_line = line;
        col = end_col = -1;
    }
    kr_err_set_syntax_location(kr_exc_SyntaxError, msg, c->filename, line, col, end_line, end_col,
                               c->source, (kr_ssize)c->source_len);
    return -1;
}

/* A str from decoded UTF-8 that may contain lone surrogates (WTF-8). */
KrObject *cg_str(const char *s, size_t n) {
    kr_ssize length = 0;
    bool ascii = true;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0x80) ascii = false;
        if ((ch & 0xC0) != 0x80) length++;
    }
    return kr_str_from_utf8_unchecked(s, (kr_ssize)n, length, ascii);
}

/* ======================================================================
 * Basic blocks and emission
 * ==================================================================== */
Block *cg_new_block(Compiler *c) {
    Unit *u = c->u;
    Block *b = kr_mem_calloc(1, sizeof(Block));
    if (!b) return NULL;
    b->id = u->nblocks++;
    b->startdepth = -1;
    b->alloc_next = u->blocks;
    u->blocks = b;
    return b;
}

void cg_use_block(Compiler *c, Block *b) {
    c->u->cur->next = b;
    c->u->cur = b;
}

static int block_grow(Block *b) {
    if (b->n < b->cap) return 0;
    int ncap = b->cap ? b->cap * 2 : 8;
    Instr *p = kr_mem_realloc(b->instrs, sizeof(Instr) * ncap);
    if (!p) return -1;
    b->instrs = p;
    b->cap = ncap;
    return 0;
}

static int ends_block(int op) {
    if (is_pseudo(op)) return op != OP_POP_BLOCK;
    uint16_t f = kr_opcode_info[op].flags;
    return (f & (KR_OPF_JUMP | KR_OPF_NOFALLTHROUGH)) != 0;
}

static int emit_instr(Compiler *c, Loc loc, int op, int arg, Block *target) {
    Block *b = c->u->cur;
    if (block_grow(b) < 0) return -1;
    Instr *in = &b->instrs[b->n++];
    in->op = op;
    in->arg = arg;
    in->target = target;
    in->except = NULL;
    in->loc = loc;
    if (ends_block(op)) {
        /* code after a jump or a scope exit starts a new basic block */
        Block *nb = cg_new_block(c);
        if (!nb) return -1;
        cg_use_block(c, nb);
    }
    return 0;
}

int cg_emit(Compiler *c, Loc loc, int op, int arg) { return emit_instr(c, loc, op, arg, NULL); }

int cg_emit_jump(Compiler *c, Loc loc, int op, Block *target) {
    return emit_instr(c, loc, op, 0, target);
}

/* ======================================================================
 * Constant table: constants are deduplicated by type and value (1, 1.0 and
 * True stay distinct; 0.0 and -0.0 too), like CPython's constant keys.
 * ==================================================================== */
static uint64_t mix(uint64_t h, uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h;
}

static uint64_t const_hash(KrObject *o) {
    KrType *t = KR_TYPE(o);
    uint64_t h = (uint64_t)(uintptr_t)t;
    if (t == &kr_int_type) {
        if (kr_int_is_small(o)) return mix(h, (uint64_t)((KrInt *)o)->value);
        return mix(h, 12345);
    }
    if (t == &kr_float_type) {
        uint64_t bits;
        double d = ((KrFloat *)o)->value;
        memcpy(&bits, &d, 8);
        return mix(h, bits);
    }
    if (t == &kr_complex_type) {
        uint64_t a, b;
        memcpy(&a, &((KrComplex *)o)->real, 8);
        memcpy(&b, &((KrComplex *)o)->imag, 8);
        return mix(mix(h, a), b);
    }
    if (t == &kr_str_type || t == &kr_bytes_type) {
        const char *p = t == &kr_str_type ? kr_str_data(o) : kr_bytes_data(o);
        kr_ssize n = t == &kr_str_type ? kr_str_size(o) : KR_SIZE(o);
        uint64_t x = 1469598103934665603ull;
        for (kr_ssize i = 0; i < n; i++)
            x = (x ^ (unsigned char)p[i]) * 1099511628211ull;
        return mix(h, x);
    }
    if (t == &kr_tuple_type) {
        for (kr_ssize i = 0; i < KR_SIZE(o); i++)
            h = mix(h, const_hash(KR_TUPLE_ITEM(o, i)));
        return mix(h, (uint64_t)KR_SIZE(o));
    }
    return mix(h, (uint64_t)(uintptr_t)o);
}

static int const_equal(KrObject *a, KrObject *b) {
    if (a == b) return 1;
    KrType *t = KR_TYPE(a);
    if (t != KR_TYPE(b)) return 0;
    if (t == &kr_int_type) return kr_int_compare(a, b) == 0;
    if (t == &kr_float_type)
        return memcmp(&((KrFloat *)a)->value, &((KrFloat *)b)->value, sizeof(double)) == 0;
    if (t == &kr_complex_type)
        return memcmp(&((KrComplex *)a)->real, &((KrComplex *)b)->real, sizeof(double)) == 0 &&
               memcmp(&((KrComplex *)a)->imag, &((KrComplex *)b)->imag, sizeof(double)) == 0;
    if (t == &kr_str_type)
        return kr_str_size(a) == kr_str_size(b) &&
               memcmp(kr_str_data(a), kr_str_data(b), kr_str_size(a)) == 0;
    if (t == &kr_bytes_type)
        return KR_SIZE(a) == KR_SIZE(b) &&
               memcmp(kr_bytes_data(a), kr_bytes_data(b), KR_SIZE(a)) == 0;
    if (t == &kr_tuple_type) {
        if (KR_SIZE(a) != KR_SIZE(b)) return 0;
        for (kr_ssize i = 0; i < KR_SIZE(a); i++)
            if (!const_equal(KR_TUPLE_ITEM(a, i), KR_TUPLE_ITEM(b, i))) return 0;
        return 1;
    }
    return 0;
}

static int const_table_add(ConstTable *t, KrObject *o) {
    uint64_t h = const_hash(o);
    if (t->hcap) {
        unsigned mask = t->hcap - 1;
        for (unsigned i = (unsigned)h & mask;; i = (i + 1) & mask) {
            int v = t->hidx[i];
            if (!v) break;
            if (const_equal(t->items[v - 1], o)) return v - 1;
        }
    }
    if (t->n == t->cap) {
        int ncap = t->cap ? t->cap * 2 : 8;
        KrObject **p = kr_mem_realloc(t->items, sizeof(KrObject *) * ncap);
        if (!p) return -1;
        t->items = p;
        t->cap = ncap;
    }
    KR_INCREF(o);
    t->items[t->n++] = o;
    if (t->n * 2 > t->hcap) {
        int ncap = t->hcap ? t->hcap * 2 : 16;
        int *idx = kr_mem_calloc(ncap, sizeof(int));
        if (!idx) return -1;
        kr_mem_free(t->hidx);
        t->hidx = idx;
        t->hcap = ncap;
        for (int k = 0; k < t->n; k++) {
            unsigned i = (unsigned)const_hash(t->items[k]) & (ncap - 1);
            while (idx[i])
                i = (i + 1) & (ncap - 1);
            idx[i] = k + 1;
        }
    } else {
        unsigned i = (unsigned)h & (t->hcap - 1);
        while (t->hidx[i])
            i = (i + 1) & (t->hcap - 1);
        t->hidx[i] = t->n;
    }
    return t->n - 1;
}

int cg_add_const(Compiler *c, KrObject *o) { return const_table_add(&c->u->consts, o); }

int cg_load_const(Compiler *c, Loc loc, KrObject *o) {
    int i = cg_add_const(c, o);
    if (i < 0) return -1;
    return cg_emit(c, loc, KR_OP_LOAD_CONST, i);
}

int cg_load_const_steal(Compiler *c, Loc loc, KrObject *o) {
    if (!o) return -1;
    int r = cg_load_const(c, loc, o);
    KR_DECREF(o);
    return r;
}

/* ======================================================================
 * Name tables (co_names, varnames, cellvars, freevars) keyed by C strings
 * ==================================================================== */
static unsigned str_hash(const char *s) {
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static int name_find(NameTable *t, const char *name) {
    if (!t->hcap) return -1;
    unsigned mask = t->hcap - 1;
    for (unsigned i = str_hash(name) & mask;; i = (i + 1) & mask) {
        int v = t->hidx[i];
        if (!v) return -1;
        if (strcmp(t->items[v - 1], name) == 0) return v - 1;
    }
}

static int name_add(NameTable *t, const char *name) {
    int k = name_find(t, name);
    if (k >= 0) return k;
    if (t->n == t->cap) {
        int ncap = t->cap ? t->cap * 2 : 8;
        const char **p = kr_mem_realloc(t->items, sizeof(char *) * ncap);
        if (!p) return -1;
        t->items = p;
        t->cap = ncap;
    }
    t->items[t->n++] = name;
    if (t->n * 2 > t->hcap) {
        int ncap = t->hcap ? t->hcap * 2 : 16;
        int *idx = kr_mem_calloc(ncap, sizeof(int));
        if (!idx) return -1;
        kr_mem_free(t->hidx);
        t->hidx = idx;
        t->hcap = ncap;
        for (int j = 0; j < t->n; j++) {
            unsigned i = str_hash(t->items[j]) & (ncap - 1);
            while (idx[i])
                i = (i + 1) & (ncap - 1);
            idx[i] = j + 1;
        }
    } else {
        unsigned i = str_hash(name) & (t->hcap - 1);
        while (t->hidx[i])
            i = (i + 1) & (t->hcap - 1);
        t->hidx[i] = t->n;
    }
    return t->n - 1;
}

static void name_table_free(NameTable *t) {
    kr_mem_free(t->items);
    kr_mem_free(t->hidx);
}

const char *cg_mangle(Compiler *c, const char *name) {
    const char *m = kr_symtable_mangle(c->st, c->u->private_name, name);
    if (!m) kr_err_no_memory();
    return m;
}

int cg_add_name_raw(Compiler *c, const char *name) {
    int i = name_add(&c->u->names, name);
    if (i < 0) kr_err_no_memory();
    return i;
}

int cg_add_name(Compiler *c, const char *name) {
    const char *m = cg_mangle(c, name);
    if (!m) return -1;
    return cg_add_name_raw(c, m);
}

/* ======================================================================
 * Units
 * ==================================================================== */
static int cmp_cstr(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Adds the symbols matching `scope` (or carrying `flag`) in sorted order. */
static int add_sorted(NameTable *t, KrSymScope *ste, int scope, int flag) {
    const char **tmp = kr_mem_malloc(sizeof(char *) * (ste->nsyms + 1));
    if (!tmp) return -1;
    int n = 0;
    for (int i = 0; i < ste->nsyms; i++) {
        int f = ste->syms[i].flags;
        int sc = (f >> KR_SCOPE_SHIFT) & KR_SCOPE_MASK;
        if (sc == scope || (f & flag)) tmp[n++] = ste->syms[i].name;
    }
    qsort(tmp, n, sizeof(char *), cmp_cstr);
    for (int i = 0; i < n; i++)
        if (name_add(t, tmp[i]) < 0) {
            kr_mem_free(tmp);
            return -1;
        }
    kr_mem_free(tmp);
    return 0;
}

static int is_function_scope(int t) {
    return t == SCOPE_FUNCTION || t == SCOPE_ASYNC_FUNCTION || t == SCOPE_LAMBDA;
}

static int set_qualname(Compiler *c) {
    Unit *u = c->u, *parent = u->parent;
    const char *name = kr_str_data(u->name);
    if (parent && parent->scope_type == SCOPE_TYPEPARAMS) {
        if (!parent->parent || parent->parent->scope_type == SCOPE_MODULE) {
            u->qualname = KR_NEWREF(u->name);
            return 0;
        }
        parent = parent->parent;
    }
    KrObject *base = NULL;
    if (parent && parent->scope_type != SCOPE_MODULE) {
        int force_global = 0;
        if (u->scope_type == SCOPE_FUNCTION || u->scope_type == SCOPE_ASYNC_FUNCTION ||
            u->scope_type == SCOPE_CLASS) {
            const char *m = kr_symtable_mangle(c->st, parent->private_name, name);
            if (!m) return -1;
            if (kr_symtable_scope(parent->ste, m) == KR_SC_GLOBAL_EXPLICIT) force_global = 1;
        }
        if (!force_global) {
            if (is_function_scope(parent->scope_type))
                base = kr_str_from_format("%U.<locals>", parent->qualname);
            else
                base = KR_NEWREF(parent->qualname);
            if (!base) return -1;
        }
    }
    if (base) {
        u->qualname = kr_str_from_format("%U.%U", base, u->name);
        KR_DECREF(base);
        if (!u->qualname) return -1;
    } else {
        u->qualname = KR_NEWREF(u->name);
    }
    return 0;
}

static void unit_free(Unit *u) {
    Block *b = u->blocks;
    while (b) {
        Block *n = b->alloc_next;
        kr_mem_free(b->instrs);
        kr_mem_free(b);
        b = n;
    }
    for (int i = 0; i < u->consts.n; i++)
        KR_DECREF(u->consts.items[i]);
    kr_mem_free(u->consts.items);
    kr_mem_free(u->consts.hidx);
    name_table_free(&u->names);
    name_table_free(&u->varnames);
    name_table_free(&u->cellvars);
    name_table_free(&u->freevars);
    KR_XDECREF(u->name);
    KR_XDECREF(u->qualname);
    kr_mem_free(u);
}

int cg_enter_scope(Compiler *c, const char *name, int scope_type, const void *key, int lineno) {
    Unit *u = kr_mem_calloc(1, sizeof(Unit));
    if (!u) return -1;
    u->parent = c->u;
    u->nest = c->u ? c->u->nest + 1 : 0;
    u->scope_type = scope_type;
    u->firstlineno = lineno;
    u->ste = kr_symtable_lookup(c->st, key);
    u->name = kr_str_from_cstr(name);
    c->u = u;
    if (!u->name) goto fail;
    if (!u->ste) {
        kr_err_set_string(kr_exc_SystemError, "compiler: no symbol table for scope");
        goto fail;
    }
    for (int i = 0; i < u->ste->nvarnames; i++)
        if (name_add(&u->varnames, u->ste->varnames[i]) < 0) goto nomem;
    if (add_sorted(&u->cellvars, u->ste, KR_SC_CELL, 0) < 0) goto nomem;
    if (u->ste->needs_class_closure && name_add(&u->cellvars, "__class__") < 0) goto nomem;
    if (u->ste->needs_classdict && name_add(&u->cellvars, "__classdict__") < 0) goto nomem;
    if (add_sorted(&u->freevars, u->ste, KR_SC_FREE, KR_DEF_FREE_CLASS) < 0) goto nomem;
    if (scope_type == SCOPE_CLASS)
        u->private_name = name;
    else if (u->parent)
        u->private_name = u->parent->private_name;
    u->entry = u->cur = cg_new_block(c);
    if (!u->entry) goto nomem;
    Loc loc = {lineno, lineno, 0, 0};
    if (scope_type == SCOPE_MODULE) {
        loc.line = 0;
    } else if (set_qualname(c) < 0) {
        goto fail;
    }
    if (!u->qualname) u->qualname = KR_NEWREF(u->name);
    if (cg_emit(c, loc, KR_OP_RESUME, KR_RESUME_AT_START) < 0) goto fail;
    return 0;
nomem:
    kr_err_no_memory();
fail:
    c->u = u->parent;
    unit_free(u);
    return -1;
}

void cg_exit_scope(Compiler *c) {
    Unit *u = c->u;
    c->u = u->parent;
    unit_free(u);
}

static int compute_code_flags(Compiler *c) {
    KrSymScope *ste = c->u->ste;
    int flags = 0;
    if (kr_symtable_is_function_like(ste)) {
        flags |= KR_CO_NEWLOCALS | KR_CO_OPTIMIZED;
        if (ste->nested) flags |= KR_CO_NESTED;
        if (ste->generator && !ste->coroutine) flags |= KR_CO_GENERATOR;
        if (!ste->generator && ste->coroutine) flags |= KR_CO_COROUTINE;
        if (ste->generator && ste->coroutine) flags |= KR_CO_ASYNC_GENERATOR;
        if (ste->varargs) flags |= KR_CO_VARARGS;
        if (ste->varkeywords) flags |= KR_CO_VARKEYWORDS;
    }
    if (c->u->has_docstring) flags |= KR_CO_HAS_DOCSTRING;
    flags |= c->flags & KR_CF_FUTURE_MASK;
    if ((c->flags & KR_CF_ALLOW_TOP_LEVEL_AWAIT) && ste->coroutine &&
        c->u->scope_type == SCOPE_MODULE)
        flags |= KR_CO_COROUTINE;
    return flags;
}

KrObject *cg_assemble_unit(Compiler *c, int add_none) {
    Unit *u = c->u;
    Block *cur = u->cur;
    /* every path that falls off the end returns None */
    int terminated =
        cur->n > 0 &&
        (kr_opcode_info[cur->instrs[cur->n - 1].op & 0xFF].flags & KR_OPF_NOFALLTHROUGH) &&
        !is_pseudo(cur->instrs[cur->n - 1].op);
    if (!terminated) {
        if (add_none && cg_load_const(c, NO_LOC, kr_none) < 0) return NULL;
        if (cg_emit(c, NO_LOC, KR_OP_RETURN_VALUE, 0) < 0) return NULL;
    }
    int flags = compute_code_flags(c);
    int stacksize = 0;
    if (fg_optimize(c, u, flags, &stacksize) < 0) return NULL;
    return asm_build_code(c, u, flags, stacksize);
}

/* ======================================================================
 * Names
 * ==================================================================== */
static int forbidden_name(Compiler *c, Loc loc, const char *name, int ctx) {
    if (ctx == KR_CTX_STORE && strcmp(name, "__debug__") == 0)
        return cg_error(c, loc, "cannot assign to __debug__");
    if (ctx == KR_CTX_DEL && strcmp(name, "__debug__") == 0)
        return cg_error(c, loc, "cannot delete __debug__");
    return 0;
}

static int deref_index(Compiler *c, const char *mangled, int prefer_cell) {
    Unit *u = c->u;
    int i;
    if (prefer_cell) {
        i = name_find(&u->cellvars, mangled);
        if (i >= 0) return i;
    }
    i = name_find(&u->freevars, mangled);
    if (i >= 0) return u->cellvars.n + i;
    i = name_find(&u->cellvars, mangled);
    if (i >= 0) return i;
    kr_err_format(kr_exc_SystemError, "compiler: no cell or free variable '%s'", mangled);
    return -1;
}

int cg_nameop(Compiler *c, Loc loc, const char *name, int ctx) {
    Unit *u = c->u;
    RETURN_IF_ERROR(forbidden_name(c, loc, name, ctx));
    const char *mangled = cg_mangle(c, name);
    if (!mangled) return -1;
    int scope = kr_symtable_scope(u->ste, mangled);
    int function_like = kr_symtable_is_function_like(u->ste);
    enum { OP_NAME, OP_FAST, OP_GLOBAL, OP_DEREF } optype = OP_NAME;
    switch (scope) {
    case KR_SC_FREE:
    case KR_SC_CELL:
        optype = OP_DEREF;
        break;
    case KR_SC_LOCAL:
        if (function_like) optype = OP_FAST;
        break;
    case KR_SC_GLOBAL_IMPLICIT:
        if (function_like) optype = OP_GLOBAL;
        break;
    case KR_SC_GLOBAL_EXPLICIT:
        optype = OP_GLOBAL;
        break;
    default:
        break;
    }
    int op = 0, arg;
    switch (optype) {
    case OP_DEREF:
        arg = deref_index(c, mangled, scope == KR_SC_CELL);
        if (arg < 0) return -1;
        if (ctx == KR_CTX_LOAD) {
            if (u->ste->type == KR_BLOCK_CLASS) {
                EMIT(c, loc, LOAD_LOCALS, 0);
                op = KR_OP_LOAD_FROM_DICT_OR_DEREF;
            } else if (u->ste->can_see_class_scope) {
                int cd = deref_index(c, "__classdict__", 0);
                if (cd < 0) return -1;
                EMIT(c, loc, LOAD_DEREF, cd);
                op = KR_OP_LOAD_FROM_DICT_OR_DEREF;
            } else {
                op = KR_OP_LOAD_DEREF;
            }
        } else {
            op = ctx == KR_CTX_STORE ? KR_OP_STORE_DEREF : KR_OP_DELETE_DEREF;
        }
        return cg_emit(c, loc, op, arg);
    case OP_FAST:
        arg = name_add(&u->varnames, mangled);
        if (arg < 0) return -1;
        op = ctx == KR_CTX_LOAD    ? KR_OP_LOAD_FAST
             : ctx == KR_CTX_STORE ? KR_OP_STORE_FAST
                                   : KR_OP_DELETE_FAST;
        return cg_emit(c, loc, op, arg);
    case OP_GLOBAL:
        arg = cg_add_name_raw(c, mangled);
        if (arg < 0) return -1;
        if (ctx == KR_CTX_LOAD) {
            if (u->ste->can_see_class_scope && scope == KR_SC_GLOBAL_IMPLICIT) {
                int cd = deref_index(c, "__classdict__", 0);
                if (cd < 0) return -1;
                EMIT(c, loc, LOAD_DEREF, cd);
                return cg_emit(c, loc, KR_OP_LOAD_FROM_DICT_OR_GLOBALS, arg);
            }
            return cg_emit(c, loc, KR_OP_LOAD_GLOBAL, arg << 1);
        }
        return cg_emit(c, loc, ctx == KR_CTX_STORE ? KR_OP_STORE_GLOBAL : KR_OP_DELETE_GLOBAL, arg);
    case OP_NAME:
    default:
        arg = cg_add_name_raw(c, mangled);
        if (arg < 0) return -1;
        op = ctx == KR_CTX_LOAD    ? KR_OP_LOAD_NAME
             : ctx == KR_CTX_STORE ? KR_OP_STORE_NAME
                                   : KR_OP_DELETE_NAME;
        return cg_emit(c, loc, op, arg);
    }
}

/* ======================================================================
 * Frame blocks
 * ==================================================================== */
int cg_push_fblock(Compiler *c, Loc loc, FBlockType t, Block *b, Block *exit, const void *datum) {
    Unit *u = c->u;
    if (u->nfblocks >= MAX_FBLOCKS) return cg_error(c, loc, "too many statically nested blocks");
    FBlock *f = &u->fblocks[u->nfblocks++];
    f->type = t;
    f->block = b;
    f->exit = exit;
    f->datum = datum;
    return 0;
}

void cg_pop_fblock(Compiler *c) { c->u->nfblocks--; }

/* ======================================================================
 * Closures, generators
 * ==================================================================== */
int cg_make_closure(Compiler *c, Loc loc, KrObject *code, int flags) {
    KrCode *co = (KrCode *)code;
    if (co->nfreevars > 0) {
        int base = co->nlocalsplus - co->nfreevars;
        for (int i = 0; i < co->nfreevars; i++) {
            const char *name = kr_str_data(KR_TUPLE_ITEM(co->localsplusnames, base + i));
            int prefer_cell;
            if (c->u->scope_type == SCOPE_CLASS &&
                (strcmp(name, "__class__") == 0 || strcmp(name, "__classdict__") == 0)) {
                prefer_cell = 1;
            } else {
                int sc = kr_symtable_scope(c->u->ste, name);
                if (sc == 0) {
                    kr_err_format(kr_exc_SystemError, "compiler: unknown free variable '%s'", name);
                    return -1;
                }
                prefer_cell = sc == KR_SC_CELL;
            }
            int arg = deref_index(c, name, prefer_cell);
            if (arg < 0) return -1;
            EMIT(c, loc, LOAD_CLOSURE, arg);
        }
        flags |= 0x08;
        EMIT(c, loc, BUILD_TUPLE, co->nfreevars);
    }
    RETURN_IF_ERROR(cg_load_const(c, loc, code));
    return cg_emit(c, loc, KR_OP_MAKE_FUNCTION, flags);
}

/* PEP 479: the whole body of a generator is covered by a handler that turns a
 * leaking StopIteration into RuntimeError. */
int cg_wrap_in_stopiteration_handler(Compiler *c) {
    Unit *u = c->u;
    NEW_BLOCK(c, handler);
    Block *e = u->entry;
    if (block_grow(e) < 0) return -1;
    memmove(&e->instrs[1], &e->instrs[0], sizeof(Instr) * e->n);
    e->n++;
    e->instrs[0] = (Instr){OP_SETUP_CLEANUP, 0, handler, NULL, NO_LOC};
    /* the SETUP must end its block: split the entry block after it */
    if (e->n > 1) {
        Block *rest = cg_new_block(c);
        if (!rest) return -1;
        rest->instrs = kr_mem_malloc(sizeof(Instr) * (e->n - 1));
        if (!rest->instrs) return -1;
        memcpy(rest->instrs, &e->instrs[1], sizeof(Instr) * (e->n - 1));
        rest->n = rest->cap = e->n - 1;
        e->n = 1;
        rest->next = e->next;
        e->next = rest;
        if (u->cur == e) u->cur = rest;
    }
    RETURN_IF_ERROR(cg_load_const(c, NO_LOC, kr_none));
    EMIT(c, NO_LOC, RETURN_VALUE, 0);
    USE_BLOCK(c, handler);
    EMIT(c, NO_LOC, CALL_INTRINSIC_1, KR_INTRINSIC1_STOPITERATION_ERROR);
    EMIT(c, NO_LOC, RERAISE, 1);
    return 0;
}

int cg_call_exit_with_nones(Compiler *c, Loc loc) {
    RETURN_IF_ERROR(cg_load_const(c, loc, kr_none));
    RETURN_IF_ERROR(cg_load_const(c, loc, kr_none));
    RETURN_IF_ERROR(cg_load_const(c, loc, kr_none));
    return cg_emit(c, loc, KR_OP_CALL, 2);
}

int cg_add_yield_from(Compiler *c, Loc loc, int await) {
    NEW_BLOCK(c, send);
    NEW_BLOCK(c, fail);
    NEW_BLOCK(c, exit);
    USE_BLOCK(c, send);
    EMIT_JUMP(c, loc, KR_OP_SEND, exit);
    /* a virtual try/except: throw() into the sub-iterator may end it */
    EMIT_JUMP(c, loc, OP_SETUP_FINALLY, fail);
    EMIT(c, loc, YIELD_VALUE, 0);
    RETURN_IF_ERROR(cg_emit(c, NO_LOC, OP_POP_BLOCK, 0));
    EMIT(c, loc, RESUME, await ? KR_RESUME_AFTER_AWAIT : KR_RESUME_AFTER_YIELD_FROM);
    EMIT_JUMP(c, loc, OP_JUMP_NO_INTERRUPT, send);
    USE_BLOCK(c, fail);
    EMIT(c, loc, CLEANUP_THROW, 0);
    USE_BLOCK(c, exit);
    EMIT(c, loc, END_SEND, 0);
    return 0;
}

/* ======================================================================
 * Statements
 * ==================================================================== */
int cg_is_docstring(Compiler *c, KrAstSeq *body) {
    if (c->optimize >= 2 || body->n == 0) return 0;
    KrAstNode *s = body->items[0];
    return s->kind == KR_AST_Expr && s->v.Expr.value->kind == KR_AST_Constant &&
           s->v.Expr.value->v.Constant.value.kind == KR_CONST_STR;
}

static int find_ann(KrAstSeq *stmts) {
    for (int i = 0; i < stmts->n; i++) {
        KrAstNode *s = stmts->items[i];
        switch (s->kind) {
        case KR_AST_AnnAssign:
            return 1;
        case KR_AST_For:
        case KR_AST_AsyncFor:
            if (find_ann(&s->v.For.body) || find_ann(&s->v.For.orelse)) return 1;
            break;
        case KR_AST_While:
            if (find_ann(&s->v.While.body) || find_ann(&s->v.While.orelse)) return 1;
            break;
        case KR_AST_If:
            if (find_ann(&s->v.If.body) || find_ann(&s->v.If.orelse)) return 1;
            break;
        case KR_AST_With:
        case KR_AST_AsyncWith:
            if (find_ann(&s->v.With.body)) return 1;
            break;
        case KR_AST_Try:
        case KR_AST_TryStar:
            for (int j = 0; j < s->v.Try.handlers.n; j++)
                if (find_ann(&s->v.Try.handlers.items[j]->v.ExceptHandler.body)) return 1;
            if (find_ann(&s->v.Try.body) || find_ann(&s->v.Try.finalbody) ||
                find_ann(&s->v.Try.orelse))
                return 1;
            break;
        case KR_AST_Match:
            for (int j = 0; j < s->v.Match.cases.n; j++)
                if (find_ann(&s->v.Match.cases.items[j]->v.match_case.body)) return 1;
            break;
        default:
            break;
        }
    }
    return 0;
}

/* Module and class bodies: annotations dict, docstring into __doc__, statements. */
static int compile_body(Compiler *c, Loc loc, KrAstSeq *stmts) {
    if (find_ann(stmts)) EMIT(c, loc, SETUP_ANNOTATIONS, 0);
    int i = 0;
    if (cg_is_docstring(c, stmts)) {
        KrAstNode *st = stmts->items[0];
        i = 1;
        VISIT(c, st->v.Expr.value);
        RETURN_IF_ERROR(cg_nameop(c, loc_of(st), "__doc__", KR_CTX_STORE));
    }
    for (; i < stmts->n; i++)
        RETURN_IF_ERROR(cg_stmt(c, stmts->items[i]));
    return 0;
}

int cg_stmts(Compiler *c, KrAstSeq *stmts) {
    for (int i = 0; i < stmts->n; i++)
        RETURN_IF_ERROR(cg_stmt(c, stmts->items[i]));
    return 0;
}

static int compile_if(Compiler *c, KrAstNode *s) {
    NEW_BLOCK(c, end);
    Block *next = end;
    if (s->v.If.orelse.n) {
        next = cg_new_block(c);
        if (!next) return -1;
    }
    RETURN_IF_ERROR(cg_jump_if(c, loc_of(s), s->v.If.test, next, 0));
    RETURN_IF_ERROR(cg_stmts(c, &s->v.If.body));
    if (s->v.If.orelse.n) {
        EMIT_JUMP(c, NO_LOC, OP_JUMP, end);
        USE_BLOCK(c, next);
        RETURN_IF_ERROR(cg_stmts(c, &s->v.If.orelse));
    }
    USE_BLOCK(c, end);
    return 0;
}

static int compile_assert(Compiler *c, KrAstNode *s) {
    if (c->optimize) return 0;
    Loc loc = loc_of(s);
    NEW_BLOCK(c, end);
    RETURN_IF_ERROR(cg_jump_if(c, loc, s->v.Assert.test, end, 1));
    EMIT(c, loc, LOAD_ASSERTION_ERROR, 0);
    if (s->v.Assert.msg) {
        VISIT(c, s->v.Assert.msg);
        EMIT(c, loc, CALL, 0);
    }
    EMIT(c, loc, RAISE_VARARGS, 1);
    USE_BLOCK(c, end);
    return 0;
}

static int compile_raise(Compiler *c, KrAstNode *s) {
    int n = 0;
    if (s->v.Raise.exc) {
        VISIT(c, s->v.Raise.exc);
        n++;
        if (s->v.Raise.cause) {
            VISIT(c, s->v.Raise.cause);
            n++;
        }
    }
    return cg_emit(c, loc_of(s), KR_OP_RAISE_VARARGS, n);
}

static int load_small_int(Compiler *c, Loc loc, int v) {
    return cg_load_const_steal(c, loc, kr_int_from_i64(v));
}

static int compile_import(Compiler *c, KrAstNode *s) {
    Loc loc = loc_of(s);
    for (int i = 0; i < s->v.Import.names.n; i++) {
        KrAstNode *a = s->v.Import.names.items[i];
        const char *name = a->v.alias.name;
        RETURN_IF_ERROR(load_small_int(c, loc, 0));
        RETURN_IF_ERROR(cg_load_const(c, loc, kr_none));
        int ni = cg_add_name(c, name);
        if (ni < 0) return -1;
        EMIT(c, loc, IMPORT_NAME, ni);
        const char *dot = strchr(name, '.');
        if (a->v.alias.asname) {
            if (dot) {
                /* import a.b.c as d: walk down the submodules with IMPORT_FROM */
                const char *p = dot + 1;
                for (;;) {
                    const char *q = strchr(p, '.');
                    size_t n = q ? (size_t)(q - p) : strlen(p);
                    const char *attr = kr_symtable_strdup(c->st, p, n);
                    if (!attr) return kr_err_no_memory(), -1;
                    int ai = cg_add_name_raw(c, attr);
                    if (ai < 0) return -1;
                    EMIT(c, loc, IMPORT_FROM, ai);
                    if (!q) break;
                    EMIT(c, loc, SWAP, 2);
                    EMIT(c, loc, POP_TOP, 0);
                    p = q + 1;
                }
                EMIT(c, loc, SWAP, 2);
                EMIT(c, loc, POP_TOP, 0);
            }
            RETURN_IF_ERROR(cg_nameop(c, loc, a->v.alias.asname, KR_CTX_STORE));
        } else {
            const char *store = name;
            if (dot) {
                store = kr_symtable_strdup(c->st, name, (size_t)(dot - name));
                if (!store) return kr_err_no_memory(), -1;
            }
            RETURN_IF_ERROR(cg_nameop(c, loc, store, KR_CTX_STORE));
        }
    }
    return 0;
}

static int compile_import_from(Compiler *c, KrAstNode *s, Loc future_loc) {
    Loc loc = loc_of(s);
    const char *module = s->v.ImportFrom.module;
    if (module && strcmp(module, "__future__") == 0 &&
        (s->lineno > future_loc.line ||
         (s->lineno == future_loc.line && s->col_offset > future_loc.col)))
        return cg_error(c, loc, "from __future__ imports must occur at the beginning of the file");
    int n = s->v.ImportFrom.names.n;
    RETURN_IF_ERROR(load_small_int(c, loc, s->v.ImportFrom.level));
    KrObject *names = kr_tuple_new(n);
    if (!names) return -1;
    for (int i = 0; i < n; i++) {
        const char *nm = s->v.ImportFrom.names.items[i]->v.alias.name;
        KrObject *o = kr_str_from_cstr(nm);
        if (!o) {
            KR_DECREF(names);
            return -1;
        }
        KR_TUPLE_ITEM(names, i) = o;
    }
    RETURN_IF_ERROR(cg_load_const_steal(c, loc, names));
    int mi = cg_add_name(c, module ? module : "");
    if (mi < 0) return -1;
    EMIT(c, loc, IMPORT_NAME, mi);
    for (int i = 0; i < n; i++) {
        KrAstNode *a = s->v.ImportFrom.names.items[i];
        if (strcmp(a->v.alias.name, "*") == 0) {
            EMIT(c, loc, CALL_INTRINSIC_1, KR_INTRINSIC1_IMPORT_STAR);
            EMIT(c, NO_LOC, POP_TOP, 0);
            return 0;
        }
        int ai = cg_add_name_raw(c, a->v.alias.name);
        if (ai < 0) return -1;
        EMIT(c, loc, IMPORT_FROM, ai);
        RETURN_IF_ERROR(cg_nameop(c, loc, a->v.alias.asname ? a->v.alias.asname : a->v.alias.name,
                                  KR_CTX_STORE));
    }
    EMIT(c, loc, POP_TOP, 0);
    return 0;
}

static int compile_assign(Compiler *c, KrAstNode *s) {
    int n = s->v.Assign.targets.n;
    VISIT(c, s->v.Assign.value);
    for (int i = 0; i < n; i++) {
        if (i < n - 1) EMIT(c, loc_of(s), COPY, 1);
        VISIT(c, s->v.Assign.targets.items[i]);
    }
    return 0;
}

static int is_two_element_slice(KrAstNode *e) {
    return e->kind == KR_AST_Slice && e->v.Slice.step == NULL;
}

static int push_slice_bounds(Compiler *c, KrAstNode *sl) {
    if (sl->v.Slice.lower) {
        VISIT(c, sl->v.Slice.lower);
    } else {
        RETURN_IF_ERROR(cg_load_const(c, loc_of(sl), kr_none));
    }
    if (sl->v.Slice.upper) {
        VISIT(c, sl->v.Slice.upper);
    } else {
        RETURN_IF_ERROR(cg_load_const(c, loc_of(sl), kr_none));
    }
    return 0;
}

static const int inplace_ops[] = {
    [KR_OPERATOR_ADD] = KR_NB_INPLACE_ADD,
    [KR_OPERATOR_SUB] = KR_NB_INPLACE_SUBTRACT,
    [KR_OPERATOR_MULT] = KR_NB_INPLACE_MULTIPLY,
    [KR_OPERATOR_MATMULT] = KR_NB_INPLACE_MATRIX_MULTIPLY,
    [KR_OPERATOR_DIV] = KR_NB_INPLACE_TRUE_DIVIDE,
    [KR_OPERATOR_MOD] = KR_NB_INPLACE_REMAINDER,
    [KR_OPERATOR_POW] = KR_NB_INPLACE_POWER,
    [KR_OPERATOR_LSHIFT] = KR_NB_INPLACE_LSHIFT,
    [KR_OPERATOR_RSHIFT] = KR_NB_INPLACE_RSHIFT,
    [KR_OPERATOR_BITOR] = KR_NB_INPLACE_OR,
    [KR_OPERATOR_BITXOR] = KR_NB_INPLACE_XOR,
    [KR_OPERATOR_BITAND] = KR_NB_INPLACE_AND,
    [KR_OPERATOR_FLOORDIV] = KR_NB_INPLACE_FLOOR_DIVIDE,
};

static int compile_augassign(Compiler *c, KrAstNode *s) {
    KrAstNode *e = s->v.AugAssign.target;
    Loc loc = loc_of(e);
    switch (e->kind) {
    case KR_AST_Attribute: {
        VISIT(c, e->v.Attribute.value);
        EMIT(c, loc, COPY, 1);
        int ni = cg_add_name(c, e->v.Attribute.attr);
        if (ni < 0) return -1;
        EMIT(c, cg_update_start_to_attr(loc, e), LOAD_ATTR, ni << 1);
        break;
    }
    case KR_AST_Subscript:
        VISIT(c, e->v.Subscript.value);
        if (is_two_element_slice(e->v.Subscript.slice)) {
            RETURN_IF_ERROR(push_slice_bounds(c, e->v.Subscript.slice));
            EMIT(c, loc, COPY, 3);
            EMIT(c, loc, COPY, 3);
            EMIT(c, loc, COPY, 3);
            EMIT(c, loc, BINARY_SLICE, 0);
        } else {
            VISIT(c, e->v.Subscript.slice);
            EMIT(c, loc, COPY, 2);
            EMIT(c, loc, COPY, 2);
            EMIT(c, loc, BINARY_SUBSCR, 0);
        }
        break;
    case KR_AST_Name:
        RETURN_IF_ERROR(cg_nameop(c, loc, e->v.Name.id, KR_CTX_LOAD));
        break;
    default:
        return cg_error(c, loc, "illegal expression for augmented assignment");
    }
    VISIT(c, s->v.AugAssign.value);
    EMIT(c, loc_of(s), BINARY_OP, inplace_ops[s->v.AugAssign.op]);
    switch (e->kind) {
    case KR_AST_Attribute: {
        Loc al = cg_update_start_to_attr(loc, e);
        EMIT(c, al, SWAP, 2);
        int ni = cg_add_name(c, e->v.Attribute.attr);
        if (ni < 0) return -1;
        EMIT(c, al, STORE_ATTR, ni);
        return 0;
    }
    case KR_AST_Subscript:
        if (is_two_element_slice(e->v.Subscript.slice)) {
            EMIT(c, loc, SWAP, 4);
            EMIT(c, loc, SWAP, 3);
            EMIT(c, loc, SWAP, 2);
            EMIT(c, loc, STORE_SLICE, 0);
        } else {
            EMIT(c, loc, SWAP, 3);
            EMIT(c, loc, SWAP, 2);
            EMIT(c, loc, STORE_SUBSCR, 0);
        }
        return 0;
    default:
        return cg_nameop(c, loc, e->v.Name.id, KR_CTX_STORE);
    }
}

static int check_ann_expr(Compiler *c, KrAstNode *e) {
    VISIT(c, e);
    EMIT(c, NO_LOC, POP_TOP, 0);
    return 0;
}

static int compile_annassign(Compiler *c, KrAstNode *s) {
    Loc loc = loc_of(s);
    KrAstNode *targ = s->v.AnnAssign.target;
    if (s->v.AnnAssign.value) {
        VISIT(c, s->v.AnnAssign.value);
        VISIT(c, targ);
    }
    int module_or_class = c->u->scope_type == SCOPE_MODULE || c->u->scope_type == SCOPE_CLASS;
    switch (targ->kind) {
    case KR_AST_Name:
        RETURN_IF_ERROR(forbidden_name(c, loc, targ->v.Name.id, KR_CTX_STORE));
        if (s->v.AnnAssign.simple && module_or_class) {
            RETURN_IF_ERROR(cg_annotation_value(c, s->v.AnnAssign.annotation));
            int ni = cg_add_name_raw(c, "__annotations__");
            if (ni < 0) return -1;
            EMIT(c, loc, LOAD_NAME, ni);
            const char *m = cg_mangle(c, targ->v.Name.id);
            if (!m) return -1;
            RETURN_IF_ERROR(cg_load_const_steal(c, loc, kr_str_from_cstr(m)));
            EMIT(c, loc, STORE_SUBSCR, 0);
        }
        break;
    case KR_AST_Attribute:
        RETURN_IF_ERROR(forbidden_name(c, loc, targ->v.Attribute.attr, KR_CTX_STORE));
        if (!s->v.AnnAssign.value) RETURN_IF_ERROR(check_ann_expr(c, targ->v.Attribute.value));
        break;
    case KR_AST_Subscript:
        if (!s->v.AnnAssign.value) {
            RETURN_IF_ERROR(check_ann_expr(c, targ->v.Subscript.value));
            KrAstNode *sl = targ->v.Subscript.slice;
            if (sl->kind == KR_AST_Slice) {
                if (sl->v.Slice.lower) RETURN_IF_ERROR(check_ann_expr(c, sl->v.Slice.lower));
                if (sl->v.Slice.upper) RETURN_IF_ERROR(check_ann_expr(c, sl->v.Slice.upper));
                if (sl->v.Slice.step) RETURN_IF_ERROR(check_ann_expr(c, sl->v.Slice.step));
            } else if (sl->kind == KR_AST_Tuple) {
                for (int i = 0; i < sl->v.Tuple.elts.n; i++)
                    RETURN_IF_ERROR(check_ann_expr(c, sl->v.Tuple.elts.items[i]));
            } else {
                RETURN_IF_ERROR(check_ann_expr(c, sl));
            }
        }
        break;
    default:
        return cg_error(c, loc, "invalid node type for annotated assignment");
    }
    /* complex targets: the annotation is evaluated (module/class) but not stored */
    if (!s->v.AnnAssign.simple && module_or_class && !(c->flags & KR_CF_FUTURE_ANNOTATIONS))
        RETURN_IF_ERROR(check_ann_expr(c, s->v.AnnAssign.annotation));
    return 0;
}

static int compile_expr_stmt(Compiler *c, KrAstNode *s) {
    Loc loc = loc_of(s);
    KrAstNode *value = s->v.Expr.value;
    if (c->interactive && c->u->nest == 0) {
        VISIT(c, value);
        EMIT(c, loc, CALL_INTRINSIC_1, KR_INTRINSIC1_PRINT);
        EMIT(c, NO_LOC, POP_TOP, 0);
        return 0;
    }
    if (value->kind == KR_AST_Constant) {
        EMIT(c, loc, NOP, 0); /* a constant statement does nothing but keeps its line */
        return 0;
    }
    VISIT(c, value);
    EMIT(c, NO_LOC, POP_TOP, 0);
    return 0;
}

/* ======================================================================
 * Functions and classes
 * ==================================================================== */
static int apply_decorators(Compiler *c, KrAstSeq *decos) {
    for (int i = decos->n - 1; i >= 0; i--)
        EMIT(c, loc_of(decos->items[i]), CALL, 0);
    return 0;
}

static int check_arg_names(Compiler *c, KrAstNode *args) {
    KrAstSeq *seqs[3] = {&args->v.arguments.posonlyargs, &args->v.arguments.args,
                         &args->v.arguments.kwonlyargs};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < seqs[k]->n; i++)
            RETURN_IF_ERROR(forbidden_name(c, loc_of(seqs[k]->items[i]),
                                           seqs[k]->items[i]->v.arg.arg, KR_CTX_STORE));
    if (args->v.arguments.vararg)
        RETURN_IF_ERROR(forbidden_name(c, loc_of(args->v.arguments.vararg),
                                       args->v.arguments.vararg->v.arg.arg, KR_CTX_STORE));
    if (args->v.arguments.kwarg)
        RETURN_IF_ERROR(forbidden_name(c, loc_of(args->v.arguments.kwarg),
                                       args->v.arguments.kwarg->v.arg.arg, KR_CTX_STORE));
    return 0;
}

/* PEP 695: evaluates the type parameters, leaving a tuple of them on the stack. */
static int compile_type_params(Compiler *c, KrAstSeq *tps) {
    for (int i = 0; i < tps->n; i++) {
        KrAstNode *tp = tps->items[i];
        Loc loc = loc_of(tp);
        const char *name;
        switch (tp->kind) {
        case KR_AST_TypeVar:
            name = tp->v.TypeVar.name;
            RETURN_IF_ERROR(cg_load_const_steal(c, loc, kr_str_from_cstr(name)));
            if (tp->v.TypeVar.bound) {
                KrAstNode *bound = tp->v.TypeVar.bound;
                RETURN_IF_ERROR(cg_enter_scope(c, name, SCOPE_TYPEALIAS, bound, tp->lineno));
                if (cg_expr(c, bound) < 0 || cg_emit(c, loc, KR_OP_RETURN_VALUE, 0) < 0) {
                    cg_exit_scope(c);
                    return -1;
                }
                KrObject *co = cg_assemble_unit(c, 0);
                cg_exit_scope(c);
                if (!co) return -1;
                int r = cg_make_closure(c, loc, co, 0);
                KR_DECREF(co);
                RETURN_IF_ERROR(r);
                EMIT(c, loc, CALL_INTRINSIC_2,
                     bound->kind == KR_AST_Tuple ? KR_INTRINSIC2_TYPEVAR_WITH_CONSTRAINTS
                                                 : KR_INTRINSIC2_TYPEVAR_WITH_BOUND);
            } else {
                EMIT(c, loc, CALL_INTRINSIC_1, KR_INTRINSIC1_TYPEVAR);
            }
            break;
        case KR_AST_TypeVarTuple:
            name = tp->v.TypeVarTuple.name;
            RETURN_IF_ERROR(cg_load_const_steal(c, loc, kr_str_from_cstr(name)));
            EMIT(c, loc, CALL_INTRINSIC_1, KR_INTRINSIC1_TYPEVARTUPLE);
            break;
        default:
            name = tp->v.ParamSpec.name;
            RETURN_IF_ERROR(cg_load_const_steal(c, loc, kr_str_from_cstr(name)));
            EMIT(c, loc, CALL_INTRINSIC_1, KR_INTRINSIC1_PARAMSPEC);
            break;
        }
        EMIT(c, loc, COPY, 1);
        RETURN_IF_ERROR(cg_nameop(c, loc, name, KR_CTX_STORE));
    }
    return cg_emit(c, loc_of(tps->items[0]), KR_OP_BUILD_TUPLE, tps->n);
}

static KrObject *function_body(Compiler *c, KrAstNode *s, int is_async, int firstlineno) {
    const char *name = is_async ? s->v.AsyncFunctionDef.name : s->v.FunctionDef.name;
    KrAstNode *args = is_async ? s->v.AsyncFunctionDef.args : s->v.FunctionDef.args;
    KrAstSeq *body = is_async ? &s->v.AsyncFunctionDef.body : &s->v.FunctionDef.body;
    if (cg_enter_scope(c, name, is_async ? SCOPE_ASYNC_FUNCTION : SCOPE_FUNCTION, s, firstlineno) <
        0)
        return NULL;
    Unit *u = c->u;
    int first = 0;
    if (cg_is_docstring(c, body)) {
        const KrAstConstant *k = &body->items[0]->v.Expr.value->v.Constant.value;
        KrObject *doc = cg_str(k->bytes, k->size);
        if (!doc || cg_add_const(c, doc) < 0) {
            KR_XDECREF(doc);
            goto fail;
        }
        KR_DECREF(doc);
        u->has_docstring = 1;
        first = 1;
    } else if (cg_add_const(c, kr_none) < 0) {
        goto fail;
    }
    u->argcount = args->v.arguments.args.n + args->v.arguments.posonlyargs.n;
    u->posonlyargcount = args->v.arguments.posonlyargs.n;
    u->kwonlyargcount = args->v.arguments.kwonlyargs.n;
    for (int i = first; i < body->n; i++)
        if (cg_stmt(c, body->items[i]) < 0) goto fail;
    if ((u->ste->generator || u->ste->coroutine) && cg_wrap_in_stopiteration_handler(c) < 0)
        goto fail;
    KrObject *co = cg_assemble_unit(c, 1);
    cg_exit_scope(c);
    return co;
fail:
    cg_exit_scope(c);
    return NULL;
}

static int compile_function(Compiler *c, KrAstNode *s, int is_async) {
    const char *name = is_async ? s->v.AsyncFunctionDef.name : s->v.FunctionDef.name;
    KrAstNode *args = is_async ? s->v.AsyncFunctionDef.args : s->v.FunctionDef.args;
    KrAstSeq *decos =
        is_async ? &s->v.AsyncFunctionDef.decorator_list : &s->v.FunctionDef.decorator_list;
    KrAstNode *returns = is_async ? s->v.AsyncFunctionDef.returns : s->v.FunctionDef.returns;
    KrAstSeq *type_params =
        is_async ? &s->v.AsyncFunctionDef.type_params : &s->v.FunctionDef.type_params;
    Loc loc = loc_of(s);
    RETURN_IF_ERROR(check_arg_names(c, args));
    RETURN_IF_ERROR(cg_exprs(c, decos));
    int firstlineno = decos->n ? decos->items[0]->lineno : s->lineno;
    int funcflags = cg_default_arguments(c, loc, args);
    if (funcflags < 0) return -1;
    int is_generic = type_params->n > 0;
    int ntpargs = 0;
    if (is_generic) {
        if (funcflags & 0x01) ntpargs++;
        if (funcflags & 0x02) ntpargs++;
        if (ntpargs == 2) EMIT(c, loc, SWAP, 2);
        KrObject *gname = kr_str_from_format("<generic parameters of %s>", name);
        if (!gname) return -1;
        int r = cg_enter_scope(c, kr_str_data(gname), SCOPE_TYPEPARAMS, KR_SYMKEY_TYPEPARAMS(s),
                               firstlineno);
        KR_DECREF(gname); /* the unit copied the name */
        RETURN_IF_ERROR(r);
        if (compile_type_params(c, type_params) < 0) goto generic_fail;
        for (int i = 0; i < ntpargs; i++)
            if (cg_emit(c, loc, KR_OP_LOAD_FAST, i) < 0) goto generic_fail;
    }
    {
        int ann = cg_annotations(c, loc, args, returns);
        if (ann < 0) goto generic_fail;
        if (ann) funcflags |= 0x04;
        KrObject *co = function_body(c, s, is_async, firstlineno);
        if (!co) goto generic_fail;
        int r = cg_make_closure(c, loc, co, funcflags);
        KR_DECREF(co);
        if (r < 0) goto generic_fail;
    }
    if (is_generic) {
        if (cg_emit(c, loc, KR_OP_SWAP, 2) < 0 ||
            cg_emit(c, loc, KR_OP_CALL_INTRINSIC_2, KR_INTRINSIC2_SET_FUNCTION_TYPE_PARAMS) < 0)
            goto generic_fail;
        c->u->argcount = ntpargs;
        KrObject *gco = cg_assemble_unit(c, 0);
        cg_exit_scope(c);
        if (!gco) return -1;
        if (ntpargs == 0) EMIT(c, loc, PUSH_NULL, 0);
        int r = cg_make_closure(c, loc, gco, 0);
        KR_DECREF(gco);
        RETURN_IF_ERROR(r);
        if (ntpargs > 0) {
            EMIT(c, loc, SWAP, ntpargs + 1);
            EMIT(c, loc, CALL, ntpargs - 1);
        } else {
            EMIT(c, loc, CALL, 0);
        }
    }
    RETURN_IF_ERROR(apply_decorators(c, decos));
    return cg_nameop(c, loc, name, KR_CTX_STORE);
generic_fail:
    if (is_generic) cg_exit_scope(c);
    return -1;
}

static KrObject *class_body(Compiler *c, KrAstNode *s, int firstlineno) {
    const char *name = s->v.ClassDef.name;
    if (cg_enter_scope(c, name, SCOPE_CLASS, s, firstlineno) < 0) return NULL;
    Unit *u = c->u;
    Loc loc = {firstlineno, firstlineno, 0, 0};
    if (cg_nameop(c, loc, "__name__", KR_CTX_LOAD) < 0) goto fail;
    if (cg_nameop(c, loc, "__module__", KR_CTX_STORE) < 0) goto fail;
    if (cg_load_const(c, loc, u->qualname) < 0) goto fail;
    if (cg_nameop(c, loc, "__qualname__", KR_CTX_STORE) < 0) goto fail;
    if (u->ste->needs_classdict) {
        int cd = name_find(&u->cellvars, "__classdict__");
        if (cg_emit(c, loc, KR_OP_LOAD_LOCALS, 0) < 0 || cg_emit(c, loc, KR_OP_STORE_DEREF, cd) < 0)
            goto fail;
    }
    if (s->v.ClassDef.type_params.n) {
        if (cg_nameop(c, loc, ".type_params", KR_CTX_LOAD) < 0) goto fail;
        if (cg_nameop(c, loc, "__type_params__", KR_CTX_STORE) < 0) goto fail;
    }
    if (compile_body(c, loc, &s->v.ClassDef.body) < 0) goto fail;
    if (u->ste->needs_classdict) {
        int cd = name_find(&u->cellvars, "__classdict__");
        int ni = cg_add_name_raw(c, "__classdictcell__");
        if (ni < 0 || cg_emit(c, NO_LOC, KR_OP_LOAD_CLOSURE, cd) < 0 ||
            cg_emit(c, NO_LOC, KR_OP_STORE_NAME, ni) < 0)
            goto fail;
    }
    if (u->ste->needs_class_closure) {
        int ci = name_find(&u->cellvars, "__class__");
        int ni = cg_add_name_raw(c, "__classcell__");
        if (ni < 0 || cg_emit(c, NO_LOC, KR_OP_LOAD_CLOSURE, ci) < 0 ||
            cg_emit(c, NO_LOC, KR_OP_COPY, 1) < 0 || cg_emit(c, NO_LOC, KR_OP_STORE_NAME, ni) < 0)
            goto fail;
    } else if (cg_load_const(c, NO_LOC, kr_none) < 0) {
        goto fail;
    }
    if (cg_emit(c, NO_LOC, KR_OP_RETURN_VALUE, 0) < 0) goto fail;
    KrObject *co = cg_assemble_unit(c, 1);
    cg_exit_scope(c);
    return co;
fail:
    cg_exit_scope(c);
    return NULL;
}

static int compile_class(Compiler *c, KrAstNode *s) {
    KrAstSeq *decos = &s->v.ClassDef.decorator_list;
    RETURN_IF_ERROR(cg_exprs(c, decos));
    int firstlineno = decos->n ? decos->items[0]->lineno : s->lineno;
    Loc loc = loc_of(s);
    int is_generic = s->v.ClassDef.type_params.n > 0;
    const char *name = s->v.ClassDef.name;
    if (is_generic) {
        KrObject *gname = kr_str_from_format("<generic parameters of %s>", name);
        if (!gname) return -1;
        int r = cg_enter_scope(c, kr_str_data(gname), SCOPE_TYPEPARAMS, KR_SYMKEY_TYPEPARAMS(s),
                               firstlineno);
        KR_DECREF(gname);
        RETURN_IF_ERROR(r);
        c->u->private_name = name;
        if (compile_type_params(c, &s->v.ClassDef.type_params) < 0 ||
            cg_nameop(c, loc, ".type_params", KR_CTX_STORE) < 0)
            goto generic_fail;
    }
    {
        KrObject *co = class_body(c, s, firstlineno);
        if (!co) goto generic_fail;
        if (cg_emit(c, loc, KR_OP_PUSH_NULL, 0) < 0 ||
            cg_emit(c, loc, KR_OP_LOAD_BUILD_CLASS, 0) < 0) {
            KR_DECREF(co);
            goto generic_fail;
        }
        int r = cg_make_closure(c, loc, co, 0);
        KR_DECREF(co);
        if (r < 0) goto generic_fail;
        if (cg_load_const_steal(c, loc, kr_str_from_cstr(name)) < 0) goto generic_fail;
    }
    if (is_generic) {
        if (cg_nameop(c, loc, ".type_params", KR_CTX_LOAD) < 0 ||
            cg_emit(c, loc, KR_OP_CALL_INTRINSIC_1, KR_INTRINSIC1_SUBSCRIPT_GENERIC) < 0 ||
            cg_nameop(c, loc, ".generic_base", KR_CTX_STORE) < 0)
            goto generic_fail;
        /* bases + [.generic_base]: a synthetic Name node */
        int nb = s->v.ClassDef.bases.n;
        KrAstNode gb;
        memset(&gb, 0, sizeof gb);
        gb.kind = KR_AST_Name;
        gb.lineno = s->lineno;
        gb.end_lineno = s->end_lineno;
        gb.col_offset = s->col_offset;
        gb.end_col_offset = s->end_col_offset;
        gb.v.Name.id = ".generic_base";
        gb.v.Name.ctx = KR_CTX_LOAD;
        KrAstNode **items = kr_mem_malloc(sizeof(KrAstNode *) * (nb + 1));
        if (!items) goto generic_fail;
        for (int i = 0; i < nb; i++)
            items[i] = s->v.ClassDef.bases.items[i];
        items[nb] = &gb;
        KrAstSeq bases = {nb + 1, items};
        int r = cg_call_helper(c, loc, 2, &bases, &s->v.ClassDef.keywords);
        kr_mem_free(items);
        if (r < 0) goto generic_fail;
        KrObject *gco = cg_assemble_unit(c, 0);
        cg_exit_scope(c);
        if (!gco) return -1;
        EMIT(c, loc, PUSH_NULL, 0);
        r = cg_make_closure(c, loc, gco, 0);
        KR_DECREF(gco);
        RETURN_IF_ERROR(r);
        EMIT(c, loc, CALL, 0);
    } else {
        RETURN_IF_ERROR(cg_call_helper(c, loc, 2, &s->v.ClassDef.bases, &s->v.ClassDef.keywords));
    }
    RETURN_IF_ERROR(apply_decorators(c, decos));
    return cg_nameop(c, loc, name, KR_CTX_STORE);
generic_fail:
    if (is_generic) cg_exit_scope(c);
    return -1;
}

static int compile_type_alias(Compiler *c, KrAstNode *s) {
    Loc loc = loc_of(s);
    const char *name = s->v.TypeAlias.name->v.Name.id;
    int is_generic = s->v.TypeAlias.type_params.n > 0;
    if (is_generic) {
        EMIT(c, loc, PUSH_NULL, 0);
        KrObject *gname = kr_str_from_format("<generic parameters of %s>", name);
        if (!gname) return -1;
        int r = cg_enter_scope(c, kr_str_data(gname), SCOPE_TYPEPARAMS, KR_SYMKEY_TYPEPARAMS(s),
                               s->lineno);
        KR_DECREF(gname);
        RETURN_IF_ERROR(r);
        if (cg_load_const_steal(c, loc, kr_str_from_cstr(name)) < 0 ||
            compile_type_params(c, &s->v.TypeAlias.type_params) < 0)
            goto fail;
    } else {
        RETURN_IF_ERROR(cg_load_const_steal(c, loc, kr_str_from_cstr(name)));
        RETURN_IF_ERROR(cg_load_const(c, loc, kr_none));
    }
    /* the value is evaluated lazily by a function of its own */
    if (cg_enter_scope(c, name, SCOPE_TYPEALIAS, KR_SYMKEY_TYPEALIAS_VALUE(s), s->lineno) < 0)
        goto fail;
    if (cg_add_const(c, kr_none) < 0 || cg_expr(c, s->v.TypeAlias.value) < 0 ||
        cg_emit(c, loc, KR_OP_RETURN_VALUE, 0) < 0) {
        cg_exit_scope(c);
        goto fail;
    }
    {
        KrObject *co = cg_assemble_unit(c, 0);
        cg_exit_scope(c);
        if (!co) goto fail;
        int r = cg_make_closure(c, loc, co, 0);
        KR_DECREF(co);
        if (r < 0) goto fail;
    }
    if (cg_emit(c, loc, KR_OP_BUILD_TUPLE, 3) < 0 ||
        cg_emit(c, loc, KR_OP_CALL_INTRINSIC_1, KR_INTRINSIC1_TYPEALIAS) < 0)
        goto fail;
    if (is_generic) {
        KrObject *gco = cg_assemble_unit(c, 0);
        cg_exit_scope(c);
        if (!gco) return -1;
        int r = cg_make_closure(c, loc, gco, 0);
        KR_DECREF(gco);
        RETURN_IF_ERROR(r);
        EMIT(c, loc, CALL, 0);
    }
    return cg_nameop(c, loc, name, KR_CTX_STORE);
fail:
    if (is_generic) cg_exit_scope(c);
    return -1;
}

/* ======================================================================
 * Statement dispatch
 * ==================================================================== */
static Loc future_loc_of(Compiler *c);

static int stmt_inner(Compiler *c, KrAstNode *s) {
    switch (s->kind) {
    case KR_AST_FunctionDef:
        return compile_function(c, s, 0);
    case KR_AST_AsyncFunctionDef:
        return compile_function(c, s, 1);
    case KR_AST_ClassDef:
        return compile_class(c, s);
    case KR_AST_Return:
        return cg_return(c, s);
    case KR_AST_Delete:
        return cg_exprs(c, &s->v.Delete.targets);
    case KR_AST_Assign:
        return compile_assign(c, s);
    case KR_AST_TypeAlias:
        return compile_type_alias(c, s);
    case KR_AST_AugAssign:
        return compile_augassign(c, s);
    case KR_AST_AnnAssign:
        return compile_annassign(c, s);
    case KR_AST_For:
        return cg_for(c, s);
    case KR_AST_AsyncFor:
        return cg_async_for(c, s);
    case KR_AST_While:
        return cg_while(c, s);
    case KR_AST_If:
        return compile_if(c, s);
    case KR_AST_With:
        return cg_with(c, s, 0);
    case KR_AST_AsyncWith:
        return cg_async_with(c, s, 0);
    case KR_AST_Match:
        return cg_match(c, s);
    case KR_AST_Raise:
        return compile_raise(c, s);
    case KR_AST_Try:
        return cg_try(c, s);
    case KR_AST_TryStar:
        return cg_try_star(c, s);
    case KR_AST_Assert:
        return compile_assert(c, s);
    case KR_AST_Import:
        return compile_import(c, s);
    case KR_AST_ImportFrom:
        return compile_import_from(c, s, future_loc_of(c));
    case KR_AST_Global:
    case KR_AST_Nonlocal:
        return 0;
    case KR_AST_Expr:
        return compile_expr_stmt(c, s);
    case KR_AST_Pass:
        return cg_emit(c, loc_of(s), KR_OP_NOP, 0);
    case KR_AST_Break:
        return cg_break(c, s);
    case KR_AST_Continue:
        return cg_continue(c, s);
    default:
        kr_err_format(kr_exc_SystemError, "compiler: unexpected statement kind %d", (int)s->kind);
        return -1;
    }
}

int cg_stmt(Compiler *c, KrAstNode *s) {
    if (++c->depth > 3000) {
        c->depth--;
        kr_err_set_string(kr_exc_RecursionError, KR_SYMTABLE_RECURSION_MSG);
        return -1;
    }
    int r = stmt_inner(c, s);
    c->depth--;
    return r;
}

/* ======================================================================
 * Future statements and the module
 * ==================================================================== */
static Loc future_loc_of(Compiler *c) { return c->future_loc; }

static int check_future(Compiler *c, KrAstNode *mod, Loc *future_loc) {
    *future_loc = (Loc){0, 0, 0, 0};
    if (mod->kind != KR_AST_Module) return 0;
    KrAstSeq *body = &mod->v.Module.body;
    int i = 0;
    if (body->n && body->items[0]->kind == KR_AST_Expr &&
        body->items[0]->v.Expr.value->kind == KR_AST_Constant &&
        body->items[0]->v.Expr.value->v.Constant.value.kind == KR_CONST_STR)
        i = 1;
    for (; i < body->n; i++) {
        KrAstNode *s = body->items[i];
        if (s->kind != KR_AST_ImportFrom || s->v.ImportFrom.level != 0 || !s->v.ImportFrom.module ||
            strcmp(s->v.ImportFrom.module, "__future__") != 0)
            break;
        for (int k = 0; k < s->v.ImportFrom.names.n; k++) {
            const char *f = s->v.ImportFrom.names.items[k]->v.alias.name;
            static const char *const known[] = {"nested_scopes",    "generators",
                                                "division",         "absolute_import",
                                                "with_statement",   "print_function",
                                                "unicode_literals", "barry_as_FLUFL",
                                                "generator_stop",   NULL};
            if (strcmp(f, "annotations") == 0) {
                c->flags |= KR_CF_FUTURE_ANNOTATIONS;
                continue;
            }
            if (strcmp(f, "braces") == 0) return cg_error(c, loc_of(s), "not a chance");
            int ok = 0;
            for (int j = 0; known[j]; j++)
                if (strcmp(f, known[j]) == 0) ok = 1;
            if (!ok) return cg_error(c, loc_of(s), "future feature %s is not defined", f);
        }
        *future_loc = loc_of(s);
    }
    return 0;
}

static KrObject *compile_mod(Compiler *c, KrAstNode *mod) {
    if (cg_enter_scope(c, "<module>", SCOPE_MODULE, mod, 1) < 0) return NULL;
    int add_none = 1;
    int r = 0;
    switch (mod->kind) {
    case KR_AST_Module: {
        KrAstSeq *stmts = &mod->v.Module.body;
        Loc loc = stmts->n ? loc_of(stmts->items[0]) : (Loc){1, 1, 0, 0};
        r = compile_body(c, loc, stmts);
        break;
    }
    case KR_AST_Interactive:
        c->interactive = 1;
        r = cg_stmts(c, &mod->v.Interactive.body);
        break;
    case KR_AST_Expression:
        r = cg_expr(c, mod->v.Expression.body);
        add_none = 0;
        break;
    default:
        kr_err_set_string(kr_exc_SystemError, "compiler: unsupported module kind");
        r = -1;
        break;
    }
    KrObject *co = r < 0 ? NULL : cg_assemble_unit(c, add_none);
    cg_exit_scope(c);
    return co;
}

KrObject *kr_compiler_compile(KrAstNode *mod, KrObject *filename, const char *source,
                              size_t source_len, int mode, int flags, int optimize) {
    (void)mode;
    Compiler cs;
    memset(&cs, 0, sizeof cs);
    Compiler *c = &cs;
    c->filename = filename;
    c->source = source;
    c->source_len = source_len;
    c->optimize = optimize < 0 ? 0 : optimize;
    c->flags = flags;
    if (check_future(c, mod, &c->future_loc) < 0) return NULL;
    KrFrontendError err;
    c->st = kr_symtable_build(mod, c->flags & KR_CF_FUTURE_ANNOTATIONS, &err);
    if (!c->st) {
        if (err.kind == 0) {
            kr_err_no_memory();
        } else if (strcmp(err.msg, KR_SYMTABLE_RECURSION_MSG) == 0) {
            kr_err_set_string(kr_exc_RecursionError, err.msg);
        } else {
            KrType *t = err.kind == KR_ERR_INDENTATION ? kr_exc_IndentationError
                        : err.kind == KR_ERR_TAB       ? kr_exc_TabError
                                                       : kr_exc_SyntaxError;
            kr_err_set_syntax_location(t, err.msg, filename, err.lineno, err.col_offset,
                                       err.end_lineno, err.end_col_offset, source,
                                       (kr_ssize)source_len);
        }
        return NULL;
    }
    KrObject *co = compile_mod(c, mod);
    while (c->u)
        cg_exit_scope(c);
    kr_symtable_free(c->st);
    return co;
}
