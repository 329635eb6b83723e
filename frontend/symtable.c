/* symtable.c - builds the scope tree from the AST (pass 1: which names each block
 * binds, reads or declares) and resolves every name to local / global / free / cell
 * (pass 2), following CPython 3.12's symtable.c algorithm. No objects: C strings only. */
#include "symtable.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ======================================================================
 * A small bump allocator owning everything the table allocates
 * ==================================================================== */
typedef struct Chunk {
    struct Chunk *next;
    size_t used, cap;
    char data[];
} Chunk;

struct KrSymtable {
    Chunk *chunks;
    KrSymScope *top;
    KrSymScope *cur;
    KrSymScope **stack; /* open blocks, innermost last */
    int nstack, capstack;
    /* key -> scope hash map */
    KrSymScope **map;
    int mapcap, mapcount;
    const char *private_name; /* name of the innermost class being visited */
    int future;
    KrFrontendError *err;
    int failed;
    int depth; /* recursion guard */
};

static void *st_alloc(KrSymtable *st, size_t n) {
    n = (n + 15) & ~(size_t)15;
    Chunk *c = st->chunks;
    if (!c || c->cap - c->used < n) {
        size_t cap = n > 16384 ? n : 16384;
        c = malloc(sizeof(Chunk) + cap);
        if (!c) return NULL;
        c->next = st->chunks;
        c->used = 0;
        c->cap = cap;
        st->chunks = c;
    }
    void *p = c->data + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

/* Grows a st_alloc'ed array: the old storage is simply abandoned. */
static int grow(KrSymtable *st, void **arr, int *cap, int n, size_t elsize) {
    if (n < *cap) return 0;
    int ncap = *cap ? *cap * 2 : 8;
    void *p = st_alloc(st, ncap * elsize);
    if (!p) return -1;
    if (*arr) memcpy(p, *arr, (size_t)n * elsize);
    *arr = p;
    *cap = ncap;
    return 0;
}

static int oom(KrSymtable *st) {
    if (!st->failed) {
        st->failed = 1;
        st->err->kind = 0;
    }
    return -1;
}

static int error_at(KrSymtable *st, int lineno, int col, int end_lineno, int end_col,
                    const char *fmt, ...) {
    if (st->failed) return -1;
    st->failed = 1;
    KrFrontendError *e = st->err;
    e->kind = KR_ERR_SYNTAX;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    e->lineno = lineno;
    e->col_offset = col;
    e->end_lineno = end_lineno;
    e->end_col_offset = end_col;
    return -1;
}

#define ERR_NODE(st, n, ...)                                                                       \
    error_at((st), (n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset, __VA_ARGS__)

/* ======================================================================
 * Name mangling
 * ==================================================================== */
const char *kr_symtable_mangle(KrSymtable *st, const char *priv, const char *name) {
    if (!priv || !name || name[0] != '_' || name[1] != '_') return name;
    size_t n = strlen(name);
    /* dunder names and dotted names (import a.b) are left alone */
    if (n >= 4 && name[n - 1] == '_' && name[n - 2] == '_') return name;
    if (strchr(name, '.')) return name;
    while (*priv == '_')
        priv++;
    if (!*priv) return name;
    size_t pn = strlen(priv);
    char *r = st_alloc(st, pn + n + 2);
    if (!r) return NULL;
    r[0] = '_';
    memcpy(r + 1, priv, pn);
    memcpy(r + 1 + pn, name, n + 1);
    return r;
}

const char *kr_symtable_strdup(KrSymtable *st, const char *s, size_t n) {
    char *r = st_alloc(st, n + 1);
    if (!r) return NULL;
    memcpy(r, s, n);
    r[n] = 0;
    return r;
}

/* ======================================================================
 * Symbols of one block
 * ==================================================================== */
static unsigned hash_str(const char *s) {
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static int sym_find(KrSymScope *s, const char *name) {
    if (!s->indexcap) return -1;
    unsigned mask = s->indexcap - 1;
    for (unsigned i = hash_str(name) & mask;; i = (i + 1) & mask) {
        int v = s->index[i];
        if (!v) return -1;
        if (strcmp(s->syms[v - 1].name, name) == 0) return v - 1;
    }
}

static int sym_reindex(KrSymtable *st, KrSymScope *s) {
    int cap = s->indexcap ? s->indexcap * 2 : 16;
    int *idx = st_alloc(st, sizeof(int) * cap);
    if (!idx) return -1;
    s->index = idx;
    s->indexcap = cap;
    unsigned mask = cap - 1;
    for (int k = 0; k < s->nsyms; k++) {
        unsigned i = hash_str(s->syms[k].name) & mask;
        while (idx[i])
            i = (i + 1) & mask;
        idx[i] = k + 1;
    }
    return 0;
}

/* Returns the symbol, creating it with flags 0 if needed. */
static KrSymbol *sym_get(KrSymtable *st, KrSymScope *s, const char *name) {
    int k = sym_find(s, name);
    if (k >= 0) return &s->syms[k];
    if (grow(st, (void **)&s->syms, &s->capsyms, s->nsyms, sizeof(KrSymbol)) < 0) return NULL;
    KrSymbol *sym = &s->syms[s->nsyms++];
    sym->name = name;
    sym->flags = 0;
    if (s->nsyms * 2 > s->indexcap) {
        if (sym_reindex(st, s) < 0) return NULL;
    } else {
        unsigned mask = s->indexcap - 1;
        unsigned i = hash_str(name) & mask;
        while (s->index[i])
            i = (i + 1) & mask;
        s->index[i] = s->nsyms;
    }
    return sym;
}

int kr_symtable_flags(KrSymScope *s, const char *name) {
    int k = sym_find(s, name);
    return k < 0 ? 0 : s->syms[k].flags;
}

/* ======================================================================
 * Blocks
 * ==================================================================== */
static int map_put(KrSymtable *st, const void *key, KrSymScope *s) {
    if ((st->mapcount + 1) * 2 > st->mapcap) {
        int ncap = st->mapcap ? st->mapcap * 2 : 64;
        KrSymScope **m = st_alloc(st, sizeof(*m) * ncap);
        if (!m) return -1;
        for (int i = 0; i < st->mapcap; i++) {
            KrSymScope *o = st->map[i];
            if (!o) continue;
            unsigned h = (unsigned)(((uintptr_t)o->key >> 3) * 2654435761u) & (ncap - 1);
            while (m[h])
                h = (h + 1) & (ncap - 1);
            m[h] = o;
        }
        st->map = m;
        st->mapcap = ncap;
    }
    unsigned h = (unsigned)(((uintptr_t)key >> 3) * 2654435761u) & (st->mapcap - 1);
    while (st->map[h])
        h = (h + 1) & (st->mapcap - 1);
    st->map[h] = s;
    st->mapcount++;
    return 0;
}

KrSymScope *kr_symtable_lookup(KrSymtable *st, const void *key) {
    if (!st->mapcap) return NULL;
    unsigned h = (unsigned)(((uintptr_t)key >> 3) * 2654435761u) & (st->mapcap - 1);
    while (st->map[h]) {
        if (st->map[h]->key == key) return st->map[h];
        h = (h + 1) & (st->mapcap - 1);
    }
    return NULL;
}

KrSymScope *kr_symtable_top(KrSymtable *st) { return st->top; }

static int enter_block(KrSymtable *st, const char *name, KrBlockType type, const void *key,
                       int lineno, int col) {
    KrSymScope *s = st_alloc(st, sizeof(KrSymScope));
    if (!s) return oom(st);
    s->type = type;
    s->name = name;
    s->key = key;
    s->lineno = lineno;
    s->col_offset = col;
    s->parent = st->cur;
    if (st->cur && (st->cur->nested || kr_symtable_is_function_like(st->cur))) s->nested = 1;
    if (st->cur) {
        KrSymScope *p = st->cur;
        if (grow(st, (void **)&p->children, &p->capchildren, p->nchildren, sizeof(void *)) < 0)
            return oom(st);
        p->children[p->nchildren++] = s;
        /* annotation scopes inside a class can see the class's names (3.12) */
        if ((type == KR_BLOCK_TYPEPARAMS || type == KR_BLOCK_TYPEALIAS) &&
            (p->type == KR_BLOCK_CLASS || p->can_see_class_scope))
            s->can_see_class_scope = 1;
    }
    if (map_put(st, key, s) < 0) return oom(st);
    if (grow(st, (void **)&st->stack, &st->capstack, st->nstack, sizeof(void *)) < 0)
        return oom(st);
    st->stack[st->nstack++] = s;
    st->cur = s;
    if (!st->top) st->top = s;
    return 0;
}

static void exit_block(KrSymtable *st) {
    st->nstack--;
    st->cur = st->nstack ? st->stack[st->nstack - 1] : NULL;
}

static int record_directive(KrSymtable *st, const char *name, const KrAstNode *n) {
    KrSymScope *s = st->cur;
    if (grow(st, (void **)&s->directives, &s->capdirectives, s->ndirectives,
             sizeof(*s->directives)) < 0)
        return oom(st);
    struct KrSymDirective *d = &s->directives[s->ndirectives++];
    d->name = name;
    d->lineno = n->lineno;
    d->col = n->col_offset;
    d->end_lineno = n->end_lineno;
    d->end_col = n->end_col_offset;
    return 0;
}

static int add_def_in(KrSymtable *st, KrSymScope *s, const char *name, int flag,
                      const KrAstNode *loc) {
    const char *mangled = kr_symtable_mangle(st, st->private_name, name);
    if (!mangled) return oom(st);
    KrSymbol *sym = sym_get(st, s, mangled);
    if (!sym) return oom(st);
    int val = sym->flags;
    if ((flag & KR_DEF_PARAM) && (val & KR_DEF_PARAM))
        return ERR_NODE(st, loc, "duplicate argument '%s' in function definition", name);
    val |= flag;
    if (s->comp_iter_target) {
        if (val & (KR_DEF_GLOBAL | KR_DEF_NONLOCAL))
            return ERR_NODE(st, loc,
                            "comprehension inner loop cannot rebind assignment expression "
                            "target '%s'",
                            name);
        val |= KR_DEF_COMP_ITER;
    }
    sym->flags = val;
    if (flag & KR_DEF_PARAM) {
        if (grow(st, (void **)&s->varnames, &s->capvarnames, s->nvarnames, sizeof(char *)) < 0)
            return oom(st);
        s->varnames[s->nvarnames++] = mangled;
    } else if (flag & KR_DEF_GLOBAL) {
        KrSymbol *g = sym_get(st, st->top, mangled);
        if (!g) return oom(st);
        g->flags |= flag;
    }
    return 0;
}

static int add_def(KrSymtable *st, const char *name, int flag, const KrAstNode *loc) {
    return add_def_in(st, st->cur, name, flag, loc);
}

/* ======================================================================
 * Pass 1: visiting the AST
 * ==================================================================== */
static int visit_stmt(KrSymtable *st, KrAstNode *s);
static int visit_expr(KrSymtable *st, KrAstNode *e);
static int visit_pattern(KrSymtable *st, KrAstNode *p);

static int visit_stmts(KrSymtable *st, KrAstSeq *seq) {
    for (int i = 0; i < seq->n; i++)
        if (seq->items[i] && visit_stmt(st, seq->items[i]) < 0) return -1;
    return 0;
}

static int visit_exprs(KrSymtable *st, KrAstSeq *seq) {
    for (int i = 0; i < seq->n; i++)
        if (seq->items[i] && visit_expr(st, seq->items[i]) < 0) return -1;
    return 0;
}

static int is_annotation_block(KrSymScope *s) {
    return s->type == KR_BLOCK_TYPEPARAMS || s->type == KR_BLOCK_TYPEALIAS;
}

static int raise_if_annotation_block(KrSymtable *st, const char *what, KrAstNode *e) {
    if (!is_annotation_block(st->cur)) return 0;
    if (st->cur->type == KR_BLOCK_TYPEALIAS)
        return ERR_NODE(st, e, "%s cannot be used within a type alias", what);
    return ERR_NODE(st, e, "%s cannot be used within the definition of a generic", what);
}

static int visit_annotation(KrSymtable *st, KrAstNode *a) {
    if (!a) return 0;
    if (st->future & KR_FUTURE_ANNOTATIONS) return 0; /* kept as strings, never evaluated */
    return visit_expr(st, a);
}

static int visit_arg_annotations(KrSymtable *st, KrAstSeq *args) {
    for (int i = 0; i < args->n; i++)
        if (visit_annotation(st, args->items[i]->v.arg.annotation) < 0) return -1;
    return 0;
}

static int visit_annotations(KrSymtable *st, KrAstNode *args, KrAstNode *returns) {
    if (visit_arg_annotations(st, &args->v.arguments.posonlyargs) < 0) return -1;
    if (visit_arg_annotations(st, &args->v.arguments.args) < 0) return -1;
    if (args->v.arguments.vararg &&
        visit_annotation(st, args->v.arguments.vararg->v.arg.annotation) < 0)
        return -1;
    if (args->v.arguments.kwarg &&
        visit_annotation(st, args->v.arguments.kwarg->v.arg.annotation) < 0)
        return -1;
    if (visit_arg_annotations(st, &args->v.arguments.kwonlyargs) < 0) return -1;
    if (returns && visit_annotation(st, returns) < 0) return -1;
    return 0;
}

static int visit_params(KrSymtable *st, KrAstSeq *args) {
    for (int i = 0; i < args->n; i++) {
        KrAstNode *a = args->items[i];
        if (add_def(st, a->v.arg.arg, KR_DEF_PARAM, a) < 0) return -1;
    }
    return 0;
}

static int visit_arguments(KrSymtable *st, KrAstNode *a) {
    if (visit_params(st, &a->v.arguments.posonlyargs) < 0) return -1;
    if (visit_params(st, &a->v.arguments.args) < 0) return -1;
    if (visit_params(st, &a->v.arguments.kwonlyargs) < 0) return -1;
    if (a->v.arguments.vararg) {
        if (add_def(st, a->v.arguments.vararg->v.arg.arg, KR_DEF_PARAM, a->v.arguments.vararg) < 0)
            return -1;
        st->cur->varargs = 1;
    }
    if (a->v.arguments.kwarg) {
        if (add_def(st, a->v.arguments.kwarg->v.arg.arg, KR_DEF_PARAM, a->v.arguments.kwarg) < 0)
            return -1;
        st->cur->varkeywords = 1;
    }
    return 0;
}

static int visit_defaults(KrSymtable *st, KrAstNode *a) {
    if (visit_exprs(st, &a->v.arguments.defaults) < 0) return -1;
    return visit_exprs(st, &a->v.arguments.kw_defaults); /* items may be NULL */
}

static int visit_type_params(KrSymtable *st, KrAstSeq *tps) {
    for (int i = 0; i < tps->n; i++) {
        KrAstNode *tp = tps->items[i];
        const char *name = tp->kind == KR_AST_TypeVar     ? tp->v.TypeVar.name
                           : tp->kind == KR_AST_ParamSpec ? tp->v.ParamSpec.name
                                                          : tp->v.TypeVarTuple.name;
        if (add_def(st, name, KR_DEF_TYPE_PARAM | KR_DEF_LOCAL, tp) < 0) return -1;
        if (tp->kind == KR_AST_TypeVar && tp->v.TypeVar.bound) {
            /* the bound is evaluated lazily in its own scope */
            int is_in_class = st->cur->can_see_class_scope;
            if (enter_block(st, name, KR_BLOCK_TYPEALIAS, tp->v.TypeVar.bound, tp->lineno,
                            tp->col_offset) < 0)
                return -1;
            st->cur->can_see_class_scope = is_in_class;
            if (is_in_class && add_def(st, "__classdict__", KR_USE, tp) < 0) return -1;
            if (visit_expr(st, tp->v.TypeVar.bound) < 0) return -1;
            exit_block(st);
        }
    }
    return 0;
}

/* Opens the annotation scope that holds a generic's type parameters. */
static int enter_type_param_block(KrSymtable *st, const char *name, const void *key, KrAstNode *n,
                                  int has_defaults, int has_kwdefaults, int is_class) {
    KrBlockType cur_type = st->cur->type;
    if (enter_block(st, name, KR_BLOCK_TYPEPARAMS, key, n->lineno, n->col_offset) < 0) return -1;
    if (cur_type == KR_BLOCK_CLASS) {
        st->cur->can_see_class_scope = 1;
        if (add_def_in(st, st->cur, "__classdict__", KR_USE, n) < 0) return -1;
    }
    if (is_class) {
        if (add_def(st, ".type_params", KR_DEF_LOCAL, n) < 0) return -1;
        if (add_def(st, ".type_params", KR_USE, n) < 0) return -1;
        if (add_def(st, ".generic_base", KR_DEF_LOCAL, n) < 0) return -1;
        if (add_def(st, ".generic_base", KR_USE, n) < 0) return -1;
    }
    if (has_defaults && add_def(st, ".defaults", KR_DEF_PARAM, n) < 0) return -1;
    if (has_kwdefaults && add_def(st, ".kwdefaults", KR_DEF_PARAM, n) < 0) return -1;
    return 0;
}

static int visit_function(KrSymtable *st, KrAstNode *s, const char *name, KrAstNode *args,
                          KrAstSeq *body, KrAstSeq *decorators, KrAstNode *returns,
                          KrAstSeq *type_params, int is_async) {
    if (add_def(st, name, KR_DEF_LOCAL, s) < 0) return -1;
    if (visit_defaults(st, args) < 0) return -1;
    if (visit_exprs(st, decorators) < 0) return -1;
    if (type_params->n) {
        int has_kwdefaults = 0;
        for (int i = 0; i < args->v.arguments.kw_defaults.n; i++)
            if (args->v.arguments.kw_defaults.items[i]) has_kwdefaults = 1;
        if (enter_type_param_block(st, name, KR_SYMKEY_TYPEPARAMS(s), s,
                                   args->v.arguments.defaults.n > 0, has_kwdefaults, 0) < 0)
            return -1;
        if (visit_type_params(st, type_params) < 0) return -1;
    }
    if (visit_annotations(st, args, returns) < 0) return -1;
    if (enter_block(st, name, KR_BLOCK_FUNCTION, s, s->lineno, s->col_offset) < 0) return -1;
    if (is_async) st->cur->coroutine = 1;
    if (visit_arguments(st, args) < 0) return -1;
    if (visit_stmts(st, body) < 0) return -1;
    exit_block(st);
    if (type_params->n) exit_block(st);
    return 0;
}

static int visit_alias(KrSymtable *st, KrAstNode *a) {
    const char *name = a->v.alias.asname ? a->v.alias.asname : a->v.alias.name;
    if (strcmp(name, "*") == 0) {
        if (st->cur->type != KR_BLOCK_MODULE)
            return ERR_NODE(st, a, "import * only allowed at module level");
        return 0;
    }
    const char *dot = a->v.alias.asname ? NULL : strchr(name, '.');
    if (dot) {
        size_t n = dot - name;
        char *first = st_alloc(st, n + 1);
        if (!first) return oom(st);
        memcpy(first, name, n);
        first[n] = 0;
        name = first;
    }
    return add_def(st, name, KR_DEF_IMPORT, a);
}

static int visit_directive(KrSymtable *st, KrAstNode *s, int is_global) {
    KrAstIdentSeq *names = is_global ? &s->v.Global.names : &s->v.Nonlocal.names;
    for (int i = 0; i < names->n; i++) {
        const char *name = names->items[i];
        const char *mangled = kr_symtable_mangle(st, st->private_name, name);
        if (!mangled) return oom(st);
        int cur = kr_symtable_flags(st->cur, mangled);
        if (cur & (KR_DEF_PARAM | KR_DEF_LOCAL | KR_USE | KR_DEF_ANNOT)) {
            const char *fmt;
            if (cur & KR_DEF_PARAM)
                fmt = is_global ? "name '%s' is parameter and global"
                                : "name '%s' is parameter and nonlocal";
            else if (cur & KR_USE)
                fmt = is_global ? "name '%s' is used prior to global declaration"
                                : "name '%s' is used prior to nonlocal declaration";
            else if (cur & KR_DEF_ANNOT)
                fmt = is_global ? "annotated name '%s' can't be global"
                                : "annotated name '%s' can't be nonlocal";
            else
                fmt = is_global ? "name '%s' is assigned to before global declaration"
                                : "name '%s' is assigned to before nonlocal declaration";
            return ERR_NODE(st, s, fmt, name);
        }
        if (add_def(st, name, is_global ? KR_DEF_GLOBAL : KR_DEF_NONLOCAL, s) < 0) return -1;
        if (record_directive(st, mangled, s) < 0) return -1;
    }
    return 0;
}

static int visit_stmt_inner(KrSymtable *st, KrAstNode *s) {
    switch (s->kind) {
    case KR_AST_FunctionDef:
        return visit_function(st, s, s->v.FunctionDef.name, s->v.FunctionDef.args,
                              &s->v.FunctionDef.body, &s->v.FunctionDef.decorator_list,
                              s->v.FunctionDef.returns, &s->v.FunctionDef.type_params, 0);
    case KR_AST_AsyncFunctionDef:
        return visit_function(st, s, s->v.AsyncFunctionDef.name, s->v.AsyncFunctionDef.args,
                              &s->v.AsyncFunctionDef.body, &s->v.AsyncFunctionDef.decorator_list,
                              s->v.AsyncFunctionDef.returns, &s->v.AsyncFunctionDef.type_params, 1);
    case KR_AST_ClassDef: {
        if (add_def(st, s->v.ClassDef.name, KR_DEF_LOCAL, s) < 0) return -1;
        if (visit_exprs(st, &s->v.ClassDef.decorator_list) < 0) return -1;
        const char *saved_private = st->private_name;
        if (s->v.ClassDef.type_params.n) {
            if (enter_type_param_block(st, s->v.ClassDef.name, KR_SYMKEY_TYPEPARAMS(s), s, 0, 0,
                                       1) < 0)
                return -1;
            st->private_name = s->v.ClassDef.name;
            if (visit_type_params(st, &s->v.ClassDef.type_params) < 0) return -1;
        }
        if (visit_exprs(st, &s->v.ClassDef.bases) < 0) return -1;
        for (int i = 0; i < s->v.ClassDef.keywords.n; i++)
            if (visit_expr(st, s->v.ClassDef.keywords.items[i]->v.keyword.value) < 0) return -1;
        if (enter_block(st, s->v.ClassDef.name, KR_BLOCK_CLASS, s, s->lineno, s->col_offset) < 0)
            return -1;
        st->private_name = s->v.ClassDef.name;
        st->cur->private_name = s->v.ClassDef.name;
        if (s->v.ClassDef.type_params.n) {
            if (add_def(st, "__type_params__", KR_DEF_LOCAL, s) < 0) return -1;
            if (add_def(st, ".type_params", KR_USE, s) < 0) return -1;
        }
        if (visit_stmts(st, &s->v.ClassDef.body) < 0) return -1;
        exit_block(st);
        if (s->v.ClassDef.type_params.n) exit_block(st);
        st->private_name = saved_private;
        return 0;
    }
    case KR_AST_TypeAlias: {
        if (visit_expr(st, s->v.TypeAlias.name) < 0) return -1;
        const char *name =
            s->v.TypeAlias.name->kind == KR_AST_Name ? s->v.TypeAlias.name->v.Name.id : "type";
        int is_in_class = st->cur->type == KR_BLOCK_CLASS;
        int is_generic = s->v.TypeAlias.type_params.n > 0;
        if (is_generic) {
            if (enter_type_param_block(st, name, KR_SYMKEY_TYPEPARAMS(s), s, 0, 0, 0) < 0)
                return -1;
            if (visit_type_params(st, &s->v.TypeAlias.type_params) < 0) return -1;
        }
        if (enter_block(st, name, KR_BLOCK_TYPEALIAS, KR_SYMKEY_TYPEALIAS_VALUE(s), s->lineno,
                        s->col_offset) < 0)
            return -1;
        st->cur->can_see_class_scope = is_in_class;
        if (is_in_class && add_def(st, "__classdict__", KR_USE, s->v.TypeAlias.value) < 0)
            return -1;
        if (visit_expr(st, s->v.TypeAlias.value) < 0) return -1;
        exit_block(st);
        if (is_generic) exit_block(st);
        return 0;
    }
    case KR_AST_Return:
        if (s->v.Return.value) {
            if (visit_expr(st, s->v.Return.value) < 0) return -1;
            st->cur->returns_value = 1;
        }
        return 0;
    case KR_AST_Delete:
        return visit_exprs(st, &s->v.Delete.targets);
    case KR_AST_Assign:
        if (visit_exprs(st, &s->v.Assign.targets) < 0) return -1;
        return visit_expr(st, s->v.Assign.value);
    case KR_AST_AnnAssign: {
        KrAstNode *t = s->v.AnnAssign.target;
        if (t->kind == KR_AST_Name) {
            const char *mangled = kr_symtable_mangle(st, st->private_name, t->v.Name.id);
            if (!mangled) return oom(st);
            int cur = kr_symtable_flags(st->cur, mangled);
            if ((cur & (KR_DEF_GLOBAL | KR_DEF_NONLOCAL)) && st->cur != st->top &&
                s->v.AnnAssign.simple)
                return ERR_NODE(st, s,
                                (cur & KR_DEF_GLOBAL) ? "annotated name '%s' can't be global"
                                                      : "annotated name '%s' can't be nonlocal",
                                t->v.Name.id);
            if (s->v.AnnAssign.simple) {
                if (add_def(st, t->v.Name.id, KR_DEF_ANNOT | KR_DEF_LOCAL, t) < 0) return -1;
            } else if (s->v.AnnAssign.value) {
                if (add_def(st, t->v.Name.id, KR_DEF_LOCAL, t) < 0) return -1;
            }
        } else if (visit_expr(st, t) < 0) {
            return -1;
        }
        if (visit_annotation(st, s->v.AnnAssign.annotation) < 0) return -1;
        if (s->v.AnnAssign.value) return visit_expr(st, s->v.AnnAssign.value);
        return 0;
    }
    case KR_AST_AugAssign:
        if (visit_expr(st, s->v.AugAssign.target) < 0) return -1;
        return visit_expr(st, s->v.AugAssign.value);
    case KR_AST_For:
    case KR_AST_AsyncFor:
        if (visit_expr(st, s->v.For.target) < 0) return -1;
        if (visit_expr(st, s->v.For.iter) < 0) return -1;
        if (visit_stmts(st, &s->v.For.body) < 0) return -1;
        return visit_stmts(st, &s->v.For.orelse);
    case KR_AST_While:
        if (visit_expr(st, s->v.While.test) < 0) return -1;
        if (visit_stmts(st, &s->v.While.body) < 0) return -1;
        return visit_stmts(st, &s->v.While.orelse);
    case KR_AST_If:
        if (visit_expr(st, s->v.If.test) < 0) return -1;
        if (visit_stmts(st, &s->v.If.body) < 0) return -1;
        return visit_stmts(st, &s->v.If.orelse);
    case KR_AST_Match:
        if (visit_expr(st, s->v.Match.subject) < 0) return -1;
        for (int i = 0; i < s->v.Match.cases.n; i++) {
            KrAstNode *c = s->v.Match.cases.items[i];
            if (visit_pattern(st, c->v.match_case.pattern) < 0) return -1;
            if (c->v.match_case.guard && visit_expr(st, c->v.match_case.guard) < 0) return -1;
            if (visit_stmts(st, &c->v.match_case.body) < 0) return -1;
        }
        return 0;
    case KR_AST_Raise:
        if (s->v.Raise.exc && visit_expr(st, s->v.Raise.exc) < 0) return -1;
        if (s->v.Raise.cause && visit_expr(st, s->v.Raise.cause) < 0) return -1;
        return 0;
    case KR_AST_Try:
    case KR_AST_TryStar:
        if (visit_stmts(st, &s->v.Try.body) < 0) return -1;
        if (visit_stmts(st, &s->v.Try.orelse) < 0) return -1;
        for (int i = 0; i < s->v.Try.handlers.n; i++) {
            KrAstNode *h = s->v.Try.handlers.items[i];
            if (h->v.ExceptHandler.type && visit_expr(st, h->v.ExceptHandler.type) < 0) return -1;
            if (h->v.ExceptHandler.name &&
                add_def(st, h->v.ExceptHandler.name, KR_DEF_LOCAL, h) < 0)
                return -1;
            if (visit_stmts(st, &h->v.ExceptHandler.body) < 0) return -1;
        }
        return visit_stmts(st, &s->v.Try.finalbody);
    case KR_AST_Assert:
        if (visit_expr(st, s->v.Assert.test) < 0) return -1;
        if (s->v.Assert.msg) return visit_expr(st, s->v.Assert.msg);
        return 0;
    case KR_AST_Import:
        for (int i = 0; i < s->v.Import.names.n; i++)
            if (visit_alias(st, s->v.Import.names.items[i]) < 0) return -1;
        return 0;
    case KR_AST_ImportFrom:
        for (int i = 0; i < s->v.ImportFrom.names.n; i++)
            if (visit_alias(st, s->v.ImportFrom.names.items[i]) < 0) return -1;
        return 0;
    case KR_AST_Global:
        return visit_directive(st, s, 1);
    case KR_AST_Nonlocal:
        return visit_directive(st, s, 0);
    case KR_AST_Expr:
        return visit_expr(st, s->v.Expr.value);
    case KR_AST_Pass:
    case KR_AST_Break:
    case KR_AST_Continue:
        return 0;
    case KR_AST_With:
    case KR_AST_AsyncWith:
        for (int i = 0; i < s->v.With.items.n; i++) {
            KrAstNode *it = s->v.With.items.items[i];
            if (visit_expr(st, it->v.withitem.context_expr) < 0) return -1;
            if (it->v.withitem.optional_vars && visit_expr(st, it->v.withitem.optional_vars) < 0)
                return -1;
        }
        return visit_stmts(st, &s->v.With.body);
    default:
        return 0;
    }
}

static int visit_stmt(KrSymtable *st, KrAstNode *s) {
    if (++st->depth > 2000) {
        st->depth--;
        return ERR_NODE(st, s, KR_SYMTABLE_RECURSION_MSG);
    }
    int r = visit_stmt_inner(st, s);
    st->depth--;
    return r;
}

/* Walrus inside a comprehension binds in the nearest enclosing function or module. */
static int extend_namedexpr_scope(KrSymtable *st, KrAstNode *e) {
    const char *target = e->v.Name.id;
    for (int i = st->nstack - 1; i >= 0; i--) {
        KrSymScope *s = st->stack[i];
        if (s->comprehension) {
            int f = kr_symtable_flags(s, target);
            if ((f & KR_DEF_COMP_ITER) && (f & KR_DEF_LOCAL))
                return ERR_NODE(st, e,
                                "assignment expression cannot rebind comprehension iteration "
                                "variable '%s'",
                                target);
            continue;
        }
        if (s->type == KR_BLOCK_FUNCTION) {
            int f = kr_symtable_flags(s, target);
            if (add_def(st, target, (f & KR_DEF_GLOBAL) ? KR_DEF_GLOBAL : KR_DEF_NONLOCAL, e) < 0)
                return -1;
            if (record_directive(st, target, e) < 0) return -1;
            return add_def_in(st, s, target, KR_DEF_LOCAL, e);
        }
        if (s->type == KR_BLOCK_MODULE) {
            if (add_def(st, target, KR_DEF_GLOBAL, e) < 0) return -1;
            if (record_directive(st, target, e) < 0) return -1;
            return add_def_in(st, s, target, KR_DEF_GLOBAL, e);
        }
        if (s->type == KR_BLOCK_CLASS)
            return ERR_NODE(st, e,
                            "assignment expression within a comprehension cannot be used in a "
                            "class body");
        if (is_annotation_block(s))
            return ERR_NODE(st, e,
                            "assignment expression within a comprehension cannot be used "
                            "within the definition of a generic");
    }
    return 0;
}

static int visit_comprehension_gen(KrSymtable *st, KrAstNode *g) {
    st->cur->comp_iter_target = 1;
    if (visit_expr(st, g->v.comprehension.target) < 0) return -1;
    st->cur->comp_iter_target = 0;
    st->cur->comp_iter_expr++;
    if (visit_expr(st, g->v.comprehension.iter) < 0) return -1;
    st->cur->comp_iter_expr--;
    if (visit_exprs(st, &g->v.comprehension.ifs) < 0) return -1;
    if (g->v.comprehension.is_async) st->cur->coroutine = 1;
    return 0;
}

static int visit_comprehension(KrSymtable *st, KrAstNode *e, const char *scope_name,
                               KrAstSeq *generators, KrAstNode *elt, KrAstNode *value, int kind) {
    KrAstNode *outer = generators->items[0];
    st->cur->comp_iter_expr++;
    if (visit_expr(st, outer->v.comprehension.iter) < 0) return -1;
    st->cur->comp_iter_expr--;
    if (enter_block(st, scope_name, KR_BLOCK_FUNCTION, e, e->lineno, e->col_offset) < 0) return -1;
    st->cur->comprehension = kind;
    if (outer->v.comprehension.is_async) st->cur->coroutine = 1;
    if (add_def(st, ".0", KR_DEF_PARAM, e) < 0) return -1;
    st->cur->comp_iter_target = 1;
    if (visit_expr(st, outer->v.comprehension.target) < 0) return -1;
    st->cur->comp_iter_target = 0;
    if (visit_exprs(st, &outer->v.comprehension.ifs) < 0) return -1;
    for (int i = 1; i < generators->n; i++)
        if (visit_comprehension_gen(st, generators->items[i]) < 0) return -1;
    if (value && visit_expr(st, value) < 0) return -1;
    if (visit_expr(st, elt) < 0) return -1;
    if (kind == KR_COMP_GEN) st->cur->generator = 1;
    exit_block(st);
    return 0;
}

static const char *comp_kind_name(int kind) {
    switch (kind) {
    case KR_COMP_LIST:
        return "list comprehension";
    case KR_COMP_SET:
        return "set comprehension";
    case KR_COMP_DICT:
        return "dict comprehension";
    default:
        return "generator expression";
    }
}

static int visit_expr_inner(KrSymtable *st, KrAstNode *e) {
    switch (e->kind) {
    case KR_AST_NamedExpr:
        if (raise_if_annotation_block(st, "named expression", e) < 0) return -1;
        if (st->cur->comp_iter_expr > 0)
            return ERR_NODE(st, e,
                            "assignment expression cannot be used in a comprehension "
                            "iterable expression");
        if (st->cur->comprehension && extend_namedexpr_scope(st, e->v.NamedExpr.target) < 0)
            return -1;
        if (visit_expr(st, e->v.NamedExpr.value) < 0) return -1;
        return visit_expr(st, e->v.NamedExpr.target);
    case KR_AST_BoolOp:
        return visit_exprs(st, &e->v.BoolOp.values);
    case KR_AST_BinOp:
        if (visit_expr(st, e->v.BinOp.left) < 0) return -1;
        return visit_expr(st, e->v.BinOp.right);
    case KR_AST_UnaryOp:
        return visit_expr(st, e->v.UnaryOp.operand);
    case KR_AST_Lambda: {
        KrAstNode *a = e->v.Lambda.args;
        if (visit_defaults(st, a) < 0) return -1;
        if (enter_block(st, "lambda", KR_BLOCK_FUNCTION, e, e->lineno, e->col_offset) < 0)
            return -1;
        if (visit_arguments(st, a) < 0) return -1;
        if (visit_expr(st, e->v.Lambda.body) < 0) return -1;
        exit_block(st);
        return 0;
    }
    case KR_AST_IfExp:
        if (visit_expr(st, e->v.IfExp.test) < 0) return -1;
        if (visit_expr(st, e->v.IfExp.body) < 0) return -1;
        return visit_expr(st, e->v.IfExp.orelse);
    case KR_AST_Dict:
        if (visit_exprs(st, &e->v.Dict.keys) < 0) return -1;
        return visit_exprs(st, &e->v.Dict.values);
    case KR_AST_Set:
        return visit_exprs(st, &e->v.Set.elts);
    case KR_AST_GeneratorExp:
        return visit_comprehension(st, e, "genexpr", &e->v.GeneratorExp.generators,
                                   e->v.GeneratorExp.elt, NULL, KR_COMP_GEN);
    case KR_AST_ListComp:
        return visit_comprehension(st, e, "listcomp", &e->v.ListComp.generators, e->v.ListComp.elt,
                                   NULL, KR_COMP_LIST);
    case KR_AST_SetComp:
        return visit_comprehension(st, e, "setcomp", &e->v.SetComp.generators, e->v.SetComp.elt,
                                   NULL, KR_COMP_SET);
    case KR_AST_DictComp:
        return visit_comprehension(st, e, "dictcomp", &e->v.DictComp.generators, e->v.DictComp.key,
                                   e->v.DictComp.value, KR_COMP_DICT);
    case KR_AST_Yield:
    case KR_AST_YieldFrom:
        if (raise_if_annotation_block(
                st, e->kind == KR_AST_Yield ? "yield expression" : "yield expression", e) < 0)
            return -1;
        if (st->cur->comprehension)
            return ERR_NODE(st, e, "'yield' inside %s", comp_kind_name(st->cur->comprehension));
        if (e->kind == KR_AST_Yield) {
            if (e->v.Yield.value && visit_expr(st, e->v.Yield.value) < 0) return -1;
        } else if (visit_expr(st, e->v.YieldFrom.value) < 0) {
            return -1;
        }
        st->cur->generator = 1;
        return 0;
    case KR_AST_Await:
        if (raise_if_annotation_block(st, "await expression", e) < 0) return -1;
        if (visit_expr(st, e->v.Await.value) < 0) return -1;
        st->cur->coroutine = 1;
        return 0;
    case KR_AST_Compare:
        if (visit_expr(st, e->v.Compare.left) < 0) return -1;
        return visit_exprs(st, &e->v.Compare.comparators);
    case KR_AST_Call:
        if (visit_expr(st, e->v.Call.func) < 0) return -1;
        if (visit_exprs(st, &e->v.Call.args) < 0) return -1;
        for (int i = 0; i < e->v.Call.keywords.n; i++)
            if (visit_expr(st, e->v.Call.keywords.items[i]->v.keyword.value) < 0) return -1;
        return 0;
    case KR_AST_FormattedValue:
        if (visit_expr(st, e->v.FormattedValue.value) < 0) return -1;
        if (e->v.FormattedValue.format_spec) return visit_expr(st, e->v.FormattedValue.format_spec);
        return 0;
    case KR_AST_JoinedStr:
        return visit_exprs(st, &e->v.JoinedStr.values);
    case KR_AST_Constant:
        return 0;
    case KR_AST_Attribute:
        return visit_expr(st, e->v.Attribute.value);
    case KR_AST_Subscript:
        if (visit_expr(st, e->v.Subscript.value) < 0) return -1;
        return visit_expr(st, e->v.Subscript.slice);
    case KR_AST_Starred:
        return visit_expr(st, e->v.Starred.value);
    case KR_AST_Slice:
        if (e->v.Slice.lower && visit_expr(st, e->v.Slice.lower) < 0) return -1;
        if (e->v.Slice.upper && visit_expr(st, e->v.Slice.upper) < 0) return -1;
        if (e->v.Slice.step && visit_expr(st, e->v.Slice.step) < 0) return -1;
        return 0;
    case KR_AST_Name:
        if (add_def(st, e->v.Name.id, e->v.Name.ctx == KR_CTX_LOAD ? KR_USE : KR_DEF_LOCAL, e) < 0)
            return -1;
        /* super() needs the implicit __class__ cell */
        if (e->v.Name.ctx == KR_CTX_LOAD && st->cur->type == KR_BLOCK_FUNCTION &&
            strcmp(e->v.Name.id, "super") == 0)
            if (add_def(st, "__class__", KR_USE, e) < 0) return -1;
        return 0;
    case KR_AST_List:
        return visit_exprs(st, &e->v.List.elts);
    case KR_AST_Tuple:
        return visit_exprs(st, &e->v.Tuple.elts);
    default:
        return 0;
    }
}

static int visit_expr(KrSymtable *st, KrAstNode *e) {
    if (++st->depth > 2000) {
        st->depth--;
        return ERR_NODE(st, e, KR_SYMTABLE_RECURSION_MSG);
    }
    int r = visit_expr_inner(st, e);
    st->depth--;
    return r;
}

static int pattern_capture(KrSymtable *st, const char *name, KrAstNode *p) {
    return add_def(st, name, KR_DEF_LOCAL, p);
}

static int visit_patterns(KrSymtable *st, KrAstSeq *seq) {
    for (int i = 0; i < seq->n; i++)
        if (visit_pattern(st, seq->items[i]) < 0) return -1;
    return 0;
}

static int visit_pattern(KrSymtable *st, KrAstNode *p) {
    if (++st->depth > 2000) {
        st->depth--;
        return ERR_NODE(st, p, KR_SYMTABLE_RECURSION_MSG);
    }
    int r = 0;
    switch (p->kind) {
    case KR_AST_MatchValue:
        r = visit_expr(st, p->v.MatchValue.value);
        break;
    case KR_AST_MatchSingleton:
        break;
    case KR_AST_MatchSequence:
        r = visit_patterns(st, &p->v.MatchSequence.patterns);
        break;
    case KR_AST_MatchStar:
        if (p->v.MatchStar.name) r = pattern_capture(st, p->v.MatchStar.name, p);
        break;
    case KR_AST_MatchMapping:
        r = visit_exprs(st, &p->v.MatchMapping.keys);
        if (!r) r = visit_patterns(st, &p->v.MatchMapping.patterns);
        if (!r && p->v.MatchMapping.rest) r = pattern_capture(st, p->v.MatchMapping.rest, p);
        break;
    case KR_AST_MatchClass:
        r = visit_expr(st, p->v.MatchClass.cls);
        if (!r) r = visit_patterns(st, &p->v.MatchClass.patterns);
        if (!r) r = visit_patterns(st, &p->v.MatchClass.kwd_patterns);
        break;
    case KR_AST_MatchAs:
        if (p->v.MatchAs.pattern) r = visit_pattern(st, p->v.MatchAs.pattern);
        if (!r && p->v.MatchAs.name) r = pattern_capture(st, p->v.MatchAs.name, p);
        break;
    case KR_AST_MatchOr:
        r = visit_patterns(st, &p->v.MatchOr.patterns);
        break;
    default:
        break;
    }
    st->depth--;
    return r;
}

/* ======================================================================
 * Pass 2: resolving scopes
 * ==================================================================== */
/* A set of names: a small open-addressed hash set of C strings. */
typedef struct {
    const char **slots;
    int cap, count;
} NameSet;

static int set_add(KrSymtable *st, NameSet *s, const char *name);

static int set_has(const NameSet *s, const char *name) {
    if (!s || !s->cap) return 0;
    unsigned mask = s->cap - 1;
    for (unsigned i = hash_str(name) & mask;; i = (i + 1) & mask) {
        const char *v = s->slots[i];
        if (!v) return 0;
        if (v != (const char *)1 && strcmp(v, name) == 0) return 1;
    }
}

static int set_rehash(KrSymtable *st, NameSet *s, int ncap) {
    const char **old = s->slots;
    int oldcap = s->cap;
    s->slots = st_alloc(st, sizeof(char *) * ncap);
    if (!s->slots) return oom(st);
    s->cap = ncap;
    s->count = 0;
    for (int i = 0; i < oldcap; i++)
        if (old[i] && old[i] != (const char *)1 && set_add(st, s, old[i]) < 0) return -1;
    return 0;
}

static int set_add(KrSymtable *st, NameSet *s, const char *name) {
    if (set_has(s, name)) return 0;
    if ((s->count + 1) * 2 > s->cap && set_rehash(st, s, s->cap ? s->cap * 2 : 16) < 0) return -1;
    unsigned mask = s->cap - 1;
    unsigned i = hash_str(name) & mask;
    while (s->slots[i] && s->slots[i] != (const char *)1)
        i = (i + 1) & mask;
    s->slots[i] = name;
    s->count++;
    return 0;
}

static void set_discard(NameSet *s, const char *name) {
    if (!s || !s->cap) return;
    unsigned mask = s->cap - 1;
    for (unsigned i = hash_str(name) & mask;; i = (i + 1) & mask) {
        const char *v = s->slots[i];
        if (!v) return;
        if (v != (const char *)1 && strcmp(v, name) == 0) {
            s->slots[i] = (const char *)1; /* tombstone */
            return;
        }
    }
}

static int set_update(KrSymtable *st, NameSet *dst, const NameSet *src) {
    if (!src) return 0;
    for (int i = 0; i < src->cap; i++)
        if (src->slots[i] && src->slots[i] != (const char *)1 &&
            set_add(st, dst, src->slots[i]) < 0)
            return -1;
    return 0;
}

static int set_copy(KrSymtable *st, NameSet *dst, const NameSet *src) {
    memset(dst, 0, sizeof *dst);
    return set_update(st, dst, src);
}

static int error_at_directive(KrSymtable *st, KrSymScope *s, const char *name, const char *fmt) {
    for (int i = 0; i < s->ndirectives; i++) {
        struct KrSymDirective *d = &s->directives[i];
        if (strcmp(d->name, name) == 0)
            return error_at(st, d->lineno, d->col, d->end_lineno, d->end_col, fmt, name);
    }
    return error_at(st, s->lineno, s->col_offset, s->lineno, s->col_offset, fmt, name);
}

/* scopes: one scope value per symbol, parallel to s->syms */
static int analyze_name(KrSymtable *st, KrSymScope *s, int *scopes, int k, NameSet *bound,
                        NameSet *local, NameSet *free, NameSet *global) {
    const char *name = s->syms[k].name;
    int flags = s->syms[k].flags;
    if (flags & KR_DEF_GLOBAL) {
        if (flags & KR_DEF_NONLOCAL)
            return error_at_directive(st, s, name, "name '%s' is nonlocal and global");
        scopes[k] = KR_SC_GLOBAL_EXPLICIT;
        if (set_add(st, global, name) < 0) return -1;
        set_discard(bound, name);
        return 0;
    }
    if (flags & KR_DEF_NONLOCAL) {
        if (!bound)
            return error_at_directive(st, s, name,
                                      "nonlocal declaration not allowed at module level");
        if (!set_has(bound, name))
            return error_at_directive(st, s, name, "no binding for nonlocal '%s' found");
        scopes[k] = KR_SC_FREE;
        s->has_free = 1;
        return set_add(st, free, name);
    }
    if (flags & KR_DEF_BOUND) {
        scopes[k] = KR_SC_LOCAL;
        if (set_add(st, local, name) < 0) return -1;
        set_discard(global, name);
        if (flags & KR_DEF_TYPE_PARAM) {
            /* type parameters are visible to nested scopes even though declared locally */
        }
        return 0;
    }
    if (bound && set_has(bound, name)) {
        scopes[k] = KR_SC_FREE;
        s->has_free = 1;
        return set_add(st, free, name);
    }
    if (global && set_has(global, name)) {
        scopes[k] = KR_SC_GLOBAL_IMPLICIT;
        return 0;
    }
    if (s->nested) s->has_free = 1;
    scopes[k] = KR_SC_GLOBAL_IMPLICIT;
    return 0;
}

static int analyze_block(KrSymtable *st, KrSymScope *s, NameSet *bound, NameSet *free,
                         NameSet *global);

static int analyze_child_block(KrSymtable *st, KrSymScope *c, NameSet *bound, NameSet *free,
                               NameSet *global, NameSet *child_free) {
    NameSet tb, tf, tg;
    if (set_copy(st, &tb, bound) < 0 || set_copy(st, &tf, free) < 0 ||
        set_copy(st, &tg, global) < 0)
        return -1;
    if (analyze_block(st, c, &tb, &tf, &tg) < 0) return -1;
    return set_update(st, child_free, &tf);
}

static int analyze_block(KrSymtable *st, KrSymScope *s, NameSet *bound, NameSet *free,
                         NameSet *global) {
    NameSet local = {0}, newbound = {0}, newglobal = {0}, newfree = {0}, allfree = {0};
    int *scopes = st_alloc(st, sizeof(int) * (s->nsyms + 1));
    if (!scopes) return oom(st);
    if (s->type == KR_BLOCK_CLASS) {
        if (set_update(st, &newglobal, global) < 0) return -1;
        if (bound && set_update(st, &newbound, bound) < 0) return -1;
    }
    for (int k = 0; k < s->nsyms; k++)
        if (analyze_name(st, s, scopes, k, bound, &local, free, global) < 0) return -1;
    if (s->type != KR_BLOCK_CLASS) {
        if (kr_symtable_is_function_like(s) && set_update(st, &newbound, &local) < 0) return -1;
        if (bound && set_update(st, &newbound, bound) < 0) return -1;
        if (set_update(st, &newglobal, global) < 0) return -1;
    } else {
        if (set_add(st, &newbound, "__class__") < 0) return -1;
        if (set_add(st, &newbound, "__classdict__") < 0) return -1;
    }
    for (int i = 0; i < s->nchildren; i++) {
        KrSymScope *c = s->children[i];
        if (analyze_child_block(st, c, &newbound, &newfree, &newglobal, &allfree) < 0) return -1;
        if (c->has_free || c->child_free) s->child_free = 1;
    }
    if (set_update(st, &newfree, &allfree) < 0) return -1;
    if (kr_symtable_is_function_like(s)) {
        /* locals captured by children become cells */
        for (int k = 0; k < s->nsyms; k++) {
            if (scopes[k] != KR_SC_LOCAL) continue;
            if (!set_has(&newfree, s->syms[k].name)) continue;
            scopes[k] = KR_SC_CELL;
            set_discard(&newfree, s->syms[k].name);
        }
    } else if (s->type == KR_BLOCK_CLASS) {
        if (set_has(&newfree, "__class__")) {
            s->needs_class_closure = 1;
            set_discard(&newfree, "__class__");
        }
        if (set_has(&newfree, "__classdict__")) {
            s->needs_classdict = 1;
            set_discard(&newfree, "__classdict__");
        }
    }
    /* update_symbols */
    for (int k = 0; k < s->nsyms; k++)
        s->syms[k].flags |= scopes[k] << KR_SCOPE_SHIFT;
    for (int i = 0; i < newfree.cap; i++) {
        const char *name = newfree.slots[i];
        if (!name || name == (const char *)1) continue;
        int k = sym_find(s, name);
        if (k >= 0) {
            if (s->type == KR_BLOCK_CLASS) s->syms[k].flags |= KR_DEF_FREE_CLASS;
            continue;
        }
        if (bound && !set_has(bound, name)) continue; /* a global */
        KrSymbol *sym = sym_get(st, s, name);
        if (!sym) return oom(st);
        sym->flags = KR_SC_FREE << KR_SCOPE_SHIFT;
    }
    return set_update(st, free, &newfree);
}

/* ======================================================================
 * Entry points
 * ==================================================================== */
KrSymtable *kr_symtable_build(KrAstNode *mod, int future_flags, KrFrontendError *err) {
    KrSymtable *st = calloc(1, sizeof(KrSymtable));
    if (!st) {
        err->kind = 0;
        return NULL;
    }
    st->err = err;
    st->future = future_flags;
    memset(err, 0, sizeof *err);
    int r = enter_block(st, "top", KR_BLOCK_MODULE, mod, 0, 0);
    if (r == 0) {
        switch (mod->kind) {
        case KR_AST_Module:
            r = visit_stmts(st, &mod->v.Module.body);
            break;
        case KR_AST_Interactive:
            r = visit_stmts(st, &mod->v.Interactive.body);
            break;
        case KR_AST_Expression:
            r = visit_expr(st, mod->v.Expression.body);
            break;
        case KR_AST_FunctionType:
            r = visit_exprs(st, &mod->v.FunctionType.argtypes);
            if (r == 0) r = visit_expr(st, mod->v.FunctionType.returns);
            break;
        default:
            break;
        }
    }
    if (r == 0 && !st->failed) {
        NameSet free = {0}, global = {0};
        r = analyze_block(st, st->top, NULL, &free, &global);
    }
    if (r < 0 || st->failed) {
        kr_symtable_free(st);
        return NULL;
    }
    return st;
}

void kr_symtable_free(KrSymtable *st) {
    if (!st) return;
    Chunk *c = st->chunks;
    while (c) {
        Chunk *n = c->next;
        free(c);
        c = n;
    }
    free(st);
}
